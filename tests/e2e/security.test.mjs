// Hostile input stays inert: a pasted script, a dropped HTML file and an HTML file picked with
// the file input all end up as plain text, never as markup.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setUp, openPage, setInput, formatProblems, FIXTURES, ANALYSIS_TIMEOUT } from './helpers.mjs';

const STORY_HTML = readFileSync(path.join(FIXTURES, 'story.html'), 'utf8');
const HOSTILE =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> Officials said the <b>bridge</b> reopened.';

let env;

before(async () => {
  env = await setUp();
});

after(async () => {
  await env?.close();
});

async function inertChecks(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a script in the input ran');
  const count = await page.evaluate(() => document.querySelectorAll('#rendered img, #rendered script, #rendered b, #rendered iframe').length);
  assert.equal(count, 0, 'markup from the input became elements in #rendered');
  const stray = await page.evaluate(() => [...document.querySelectorAll('img')].filter((i) => i.getAttribute('src') === 'x').length);
  assert.equal(stray, 0, 'an <img src=x> from the input is in the document');
}

test('a script-laden paste stays inert text', async () => {
  const mark = env.problems.consoleErrors.length;
  const { page } = await openPage(env);
  const report = await setInput(page, HOSTILE, 'insert');
  await inertChecks(page);
  const rendered = await page.textContent('#rendered');
  assert.ok(rendered.includes('<script>window.__pwned=1</script>'), `rendered text lacks the literal <script>: ${rendered}`);
  assert.ok(rendered.includes('<b>bridge</b>'), 'rendered text lacks the literal <b>');
  // The engine still reads the sentence inside the markup.
  const s = report.sentences.find((x) => x.text.includes('Officials said'));
  assert.ok(s, `no sentence holds "Officials said": ${JSON.stringify(report.sentences.map((x) => x.text))}`);
  const i = s.index;
  const marks = await page.$$eval(`#rendered [data-sentence="${i}"] mark[data-cue]`, (els) => els.map((m) => [m.dataset.cue, m.textContent]));
  assert.ok(marks.some(([c, t]) => c === 'source' && t === 'Officials'), JSON.stringify(marks));
  // Give a late onerror a chance to fire, then check again.
  await page.waitForTimeout(300);
  await inertChecks(page);

  // The card for that claim shows the markup as text as well.
  await page.click(`#rendered [data-sentence="${i}"]`);
  await page.waitForSelector('#card:not([hidden])');
  assert.equal(await page.evaluate(() => document.querySelectorAll('#card img, #card script, #card b').length), 0);
  assert.deepEqual(env.problems.pageErrors, [], formatProblems(env.problems));
  assert.deepEqual(consoleErrorsSince(mark), [], formatProblems(env.problems));
  await page.close();
});

/** Console errors logged since `mark` (an index into env.problems.consoleErrors). */
function consoleErrorsSince(mark) {
  return env.problems.consoleErrors.slice(mark);
}

async function expectPlainTextLoaded(page, mark) {
  await page.waitForFunction(() => document.querySelector('#input').value.includes('Librarians said'), null, {
    timeout: ANALYSIS_TIMEOUT,
  });
  const value = await page.inputValue('#input');
  assert.ok(!/[<>]/.test(value), `tags left in the text: ${JSON.stringify(value)}`);
  assert.ok(value.includes('Orchard Town Library Reopens'), `heading text missing: ${JSON.stringify(value)}`);
  assert.ok(value.includes('Librarians said the library would reopen on Tuesday after a roof repair.'), JSON.stringify(value));
  assert.ok(value.includes('The county confirmed that the repair cost $80,000.'), JSON.stringify(value));
  assert.ok(!value.includes('__pwned'), `script source kept as text: ${JSON.stringify(value)}`);
  assert.ok(!value.includes('color: red'), `style source kept as text: ${JSON.stringify(value)}`);
  // The analysis of the loaded text completes, and nothing in the file ran.
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.analysis === 'done' &&
      window.lastReport &&
      window.lastReport.sentences.some((s) => s.text.includes('Librarians said')),
    null,
    { timeout: ANALYSIS_TIMEOUT },
  );
  await page.waitForTimeout(200);
  await inertChecks(page);
  // Nothing ran, and nothing should have tried to: converting a saved web page (inline
  // styles, onerror= attributes) must not log CSP violations or other errors.
  const errors = consoleErrorsSince(mark);
  assert.deepEqual(errors, [], `loading story.html logged console errors:\n${[...new Set(errors)].join('\n')}`);
}

test('dropping an .html file loads its plain text', async () => {
  const { page } = await openPage(env);
  const mark = env.problems.consoleErrors.length;
  const dataTransfer = await page.evaluateHandle((html) => {
    const dt = new DataTransfer();
    dt.items.add(new File([html], 'story.html', { type: 'text/html' }));
    return dt;
  }, STORY_HTML);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('#input', type, { dataTransfer });
  }
  await expectPlainTextLoaded(page, mark);
  await page.close();
});

test('choosing an .html file with #file loads its plain text', async () => {
  const { page } = await openPage(env);
  const mark = env.problems.consoleErrors.length;
  await page.setInputFiles('#file', {
    name: 'story.html',
    mimeType: 'text/html',
    buffer: Buffer.from(STORY_HTML, 'utf8'),
  });
  await expectPlainTextLoaded(page, mark);
  await page.close();
});

test('choosing a .txt file with #file loads it unchanged', async () => {
  const mark = env.problems.consoleErrors.length;
  const { page } = await openPage(env);
  const text = readFileSync(path.join(FIXTURES, 'ferry.txt'), 'utf8');
  await page.setInputFiles('#file', { name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await page.waitForFunction((t) => document.querySelector('#input').value === t, text, { timeout: ANALYSIS_TIMEOUT });
  await page.waitForFunction(
    () => document.documentElement.dataset.analysis === 'done' && window.lastReport.sentences.some((s) => s.text.startsWith('Officials said')),
    null,
    { timeout: ANALYSIS_TIMEOUT },
  );
  assert.deepEqual(consoleErrorsSince(mark), [], formatProblems(env.problems));
  await page.close();
});

test('no page errors or requests off the server', () => {
  // Console errors are checked test by test above, so that a failure names its cause.
  const p = env.problems;
  assert.deepEqual(p.foreignRequests, [], formatProblems(p));
  assert.deepEqual(p.pageErrors, [], formatProblems(p));
});
