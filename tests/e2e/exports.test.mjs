// The three exports download valid files that agree with window.lastReport.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setUp, openPage, setInput, parseCsv, formatProblems, FIXTURES } from './helpers.mjs';

const FERRY = readFileSync(path.join(FIXTURES, 'ferry.txt'), 'utf8');

let env;
let page;
let report;

before(async () => {
  env = await setUp();
  ({ page } = await openPage(env));
  report = await setInput(page, FERRY);
});

after(async () => {
  await env?.close();
});

async function download(selector, expectedName) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click(selector)]);
  assert.equal(dl.suggestedFilename(), expectedName);
  assert.equal(await dl.failure(), null);
  const file = await dl.path();
  return readFileSync(file, 'utf8');
}

test('parseCsv handles RFC 4180 quoting', () => {
  assert.deepEqual(parseCsv('a,b\r\n"x, y","he said ""hi"""\r\n"multi\nline",\r\n'), [
    ['a', 'b'],
    ['x, y', 'he said "hi"'],
    ['multi\nline', ''],
  ]);
  assert.throws(() => parseCsv('"open'));
  assert.throws(() => parseCsv('a"b'));
});

test('JSON export equals window.lastReport', async () => {
  const text = await download('#export-json', 'claimlens-report.json');
  const parsed = JSON.parse(text);
  const live = await page.evaluate(() => window.lastReport);
  assert.deepEqual(parsed, live);
  assert.deepEqual(parsed, report);
});

test('CSV export: a header row and one row per claim', async () => {
  const text = await download('#export-csv', 'claimlens-report.csv');
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  assert.ok(rows.length >= 2, 'no data rows');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const width = header.length;
  assert.ok(width >= 4, `header too narrow: ${rows[0]}`);
  for (const [i, r] of rows.entries()) assert.equal(r.length, width, `row ${i} has ${r.length} fields, header ${width}`);
  const claims = report.sentences.filter((s) => s.kind === 'claim');
  assert.equal(rows.length - 1, claims.length, `${rows.length - 1} data rows for ${claims.length} claims`);

  // The columns carry each claim's text, status and score.
  const col = (...names) => header.findIndex((h) => names.some((n) => h.includes(n)));
  const textCol = col('text', 'sentence', 'claim');
  const statusCol = col('status');
  const scoreCol = col('score');
  assert.ok(textCol >= 0 && statusCol >= 0 && scoreCol >= 0, `header lacks text/status/score: ${rows[0]}`);
  claims.forEach((s, k) => {
    const r = rows[k + 1];
    assert.equal(r[textCol], s.text, `row ${k + 1} text`);
    assert.equal(r[statusCol], s.status.label, `row ${k + 1} status`);
    assert.equal(Number(r[scoreCol]), s.score, `row ${k + 1} score`);
  });
  // The sentence with a quotation and a comma survives quoting.
  assert.ok(rows.some((r) => r[textCol] === '“The hull is sound,” Ms. Calloway said.'));
});

test('Markdown export: the score and a table', async () => {
  const text = await download('#export-md', 'claimlens-report.md');
  assert.match(text, new RegExp(`(^|\\D)${report.summary.score}(\\D|$)`), 'the article score is missing');
  const lines = text.split(/\r?\n/);
  const sep = lines.findIndex((l) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(l));
  assert.ok(sep > 0, 'no Markdown table separator row');
  assert.ok(lines[sep - 1].includes('|'), 'no table header row');
  const bodyRows = lines.slice(sep + 1).filter((l) => l.trim().startsWith('|'));
  assert.ok(bodyRows.length >= 1, 'the table has no rows');
  assert.ok(text.includes('Officials'), 'a source is missing from the Markdown');
  assert.match(text, /not whether the claims are true/i, 'the sourcing-not-truth note is missing');
});

test('no page errors or requests off the server', () => {
  const p = env.problems;
  assert.deepEqual(p.foreignRequests, [], formatProblems(p));
  assert.deepEqual(p.pageErrors, [], formatProblems(p));
  assert.deepEqual(p.consoleErrors, [], formatProblems(p));
});
