// axe-core finds no accessibility violations in light, dark, print and high-contrast modes,
// with the sample analysed, and with a claim card open.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { setUp, openPage, formatProblems } from './helpers.mjs';

let env;

before(async () => {
  env = await setUp();
});

after(async () => {
  await env?.close();
});

function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

async function scan(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  assert.equal(result.violations.length, 0, `axe violations (${label}):\n${describe(result.violations)}`);
  return result;
}

test('light mode', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  await scan(page, 'light');
  await page.close();
});

test('dark mode', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'dark');
  await page.close();
});

test('print', async () => {
  const { page } = await openPage(env);
  await page.emulateMedia({ media: 'print' });
  await scan(page, 'print');
  await page.close();
});

test('high contrast (light and dark)', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  await page.click('#contrast');
  assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
  await scan(page, 'high contrast, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'high contrast, dark');
  await page.close();
});

test('with a claim card open (light and dark)', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  const report = await page.evaluate(() => window.lastReport);
  const hedged = report.sentences.find((s) => s.kind === 'claim' && s.attributions.length) ?? report.sentences.find((s) => s.kind === 'claim');
  await page.click(`#rendered [data-sentence="${hedged.index}"]`);
  await page.waitForSelector('#card:not([hidden])');
  await scan(page, 'card open, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'card open, dark');
  await page.close();
});

test('each sample scans clean (light and dark)', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  for (const id of ['anonymous', 'speculative']) {
    await page.evaluate(() => {
      window.__previousReport = window.lastReport;
    });
    await page.selectOption('#sample', id);
    await page.waitForFunction(
      () => document.documentElement.dataset.analysis === 'done' && window.lastReport !== window.__previousReport,
      null,
      { timeout: 15_000 },
    );
    await page.emulateMedia({ colorScheme: 'light' });
    await scan(page, `${id}, light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await scan(page, `${id}, dark`);
  }
  await page.close();
});

test('no page errors or requests off the server', () => {
  const p = env.problems;
  assert.deepEqual(p.foreignRequests, [], formatProblems(p));
  assert.deepEqual(p.pageErrors, [], formatProblems(p));
  assert.deepEqual(p.consoleErrors, [], formatProblems(p));
});
