// axe.mjs: axe-core scans for the page tests, in one colour mode or in all four.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

export function describeViolations(violations) {
  return violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    - ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240)}`).join('\n')}`)
    .join('\n');
}

/** No axe violations on the page as it is now. */
export async function scan(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  assert.equal(result.violations.length, 0, `axe violations (${label}):\n${describeViolations(result.violations)}`);
}

/** axe in light, dark, and high contrast dark and light (the page's #contrast toggle); leaves light, normal contrast. */
export async function scanAllModes(page, label) {
  await page.emulateMedia({ colorScheme: 'light' });
  await scan(page, `${label}, light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, `${label}, dark`);
  await page.click('#contrast');
  assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
  await scan(page, `${label}, high contrast dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await scan(page, `${label}, high contrast light`);
  await page.click('#contrast');
}
