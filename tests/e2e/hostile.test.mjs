// Hostile input on the page: a 20 MB paste is refused with a clear message (and
// an offer to analyse its first 16 MiB), kept out of the textarea, and the page stays responsive; a long analysis is cancelled (its worker replaced), and a long report that arrives in pieces is drawn from the first and whole at the end
// when the text changes; lone surrogates and odd Unicode never break offsets.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, formatProblems, assertReportShape, ANALYSIS_TIMEOUT } from './helpers.mjs';

let env;

before(async () => {
  env = await setUp();
});

after(async () => {
  await env?.close();
});

/** Sets #input inside the page (as a paste does) to the string `make` builds there. */
async function pasteBuilt(page, make, arg) {
  await page.evaluate(
    ([src, a]) => {
      window.__previousReport = window.lastReport;
      const input = document.querySelector('#input');
      input.value = new Function('a', src)(a);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    },
    [make, arg],
  );
}

/** Milliseconds the page's main thread takes to answer, polled over `ms`. */
async function worstLatency(page, ms) {
  let worst = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const t0 = Date.now();
    await page.evaluate(() => 1);
    worst = Math.max(worst, Date.now() - t0);
    await page.waitForTimeout(50);
  }
  return worst;
}

test('a 20 MB paste gets a clear size-limit message and an offer to cut it, stays out of the textarea and never freezes the page', async () => {
  // A real paste (clipboard, Ctrl+V): the page catches it before the textarea takes it in
  // (laying out 20 MB in a textarea alone stalls a browser for many seconds).
  const { page } = await openPage(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.evaluate(async () => {
    const s = 'Officials said the bridge reopened on Monday. ';
    await navigator.clipboard.writeText(s.repeat(Math.ceil(20_000_000 / s.length)).slice(0, 20_000_000));
    window.__previousReport = window.lastReport;
  });
  await page.focus('#input');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => document.documentElement.dataset.analysis === 'error', null, { timeout: ANALYSIS_TIMEOUT });
  const status = await page.textContent('#status');
  assert.match(status, /too long to analyse/i, status);
  assert.match(status, /size limit of 16 MiB/, status);
  assert.ok(await page.isVisible('#analyse-start'), 'no offer to analyse the first 16 MiB');
  assert.equal(await page.evaluate(() => window.lastReport), null, 'no stale report is left showing');
  assert.ok((await page.evaluate(() => document.querySelector('#input').value.length)) < 1_000_000, 'the 20 MB went into the textarea');
  assert.equal(await page.$$eval('#rendered [data-sentence]', (els) => els.length), 0, 'the old highlights are cleared');
  // The main thread keeps answering while the page holds 20 MB of text.
  const worst = await worstLatency(page, 1500);
  assert.ok(worst < 1000, `the page froze for ${worst} ms`);
  // Cutting the text back under the limit analyses it again.
  await pasteBuilt(page, "return 'The council said the library reopened. '.repeat(a);", 20);
  await page.waitForFunction(() => document.documentElement.dataset.analysis === 'done' && window.lastReport, null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.evaluate(() => window.lastReport.sentences.length), 20);
  await page.close();
});

test('a long analysis is cancelled when the text changes: the worker is replaced and the new text wins', async () => {
  const { page } = await openPage(env);
  let workers = 0;
  page.on('worker', () => workers++);
  // About 6 MB: long enough that its analysis is still running when the text changes.
  await pasteBuilt(page, "return 'Officials said the bridge may reopen, sources told reporters. '.repeat(a);", 90_000);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Analysing'), null, { timeout: ANALYSIS_TIMEOUT });
  await pasteBuilt(page, "return a;", 'The mayor denied the report.');
  await page.waitForFunction(
    () => document.documentElement.dataset.analysis === 'done' && window.lastReport && window.lastReport.stats.sentences === 1,
    null,
    { timeout: ANALYSIS_TIMEOUT },
  );
  const r = await page.evaluate(() => window.lastReport);
  assert.equal(r.sentences[0].text, 'The mayor denied the report.');
  assert.equal(r.sentences[0].status.label, 'denied');
  assert.ok(workers >= 1, 'the busy worker was replaced by a new one');
  // The cancelled long report never shows up later.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.lastReport.stats.sentences), 1, 'a stale long report replaced the new one');
  await page.close();
});

test('a long report arrives in pieces: the first is drawn before the rest are in, every sentence is drawn once and in order, exports wait for the whole', async () => {
  const { page } = await openPage(env);
  // What the page shows while the report is still arriving (its sentences fewer than its stats say).
  await page.evaluate(() => {
    const seen = (window.__seen = { partialDrawn: 0, exportsWhilePartial: false });
    const rendered = document.getElementById('rendered');
    new MutationObserver(() => {
      const r = window.lastReport;
      if (!r || r === window.__previousReport || r.sentences.length >= r.stats.sentences) return;
      seen.partialDrawn = Math.max(seen.partialDrawn, rendered.querySelectorAll('[data-sentence]').length);
      if (!document.getElementById('export-json').disabled) seen.exportsWhilePartial = true;
    }).observe(rendered, { childList: true, subtree: true });
  });
  // 3,000 sentences in paragraphs of five: three pieces of 1,000 (worker.js).
  await pasteBuilt(
    page,
    "const out = []; for (let i = 0; i < a; i++) out.push(`Officials said ${i} bridges may reopen, sources told reporters.` + (i % 5 === 4 ? '\\n\\n' : ' ')); return out.join('');",
    3000,
  );
  await page.waitForFunction(() => document.documentElement.dataset.analysis === 'done' && window.lastReport && window.lastReport !== window.__previousReport, null, {
    timeout: ANALYSIS_TIMEOUT,
  });
  const got = await page.evaluate(() => {
    const r = window.lastReport;
    const spans = [...document.querySelectorAll('#rendered [data-sentence]')];
    return {
      stats: r.stats.sentences,
      inReport: r.sentences.length,
      indices: spans.map((x) => Number(x.dataset.sentence)),
      mismatched: spans.filter((x, i) => x.textContent.replace(/^\s+/, '') !== r.sentences[i]?.text).length,
      exports: !document.getElementById('export-json').disabled,
      seen: window.__seen,
    };
  });
  assert.equal(got.stats, 3000);
  assert.equal(got.inReport, 3000);
  assert.deepEqual(got.indices, Array.from({ length: 3000 }, (_, i) => i), 'each sentence drawn once, in order');
  assert.equal(got.mismatched, 0, 'a drawn sentence differs from its report text');
  assert.ok(got.seen.partialDrawn > 0 && got.seen.partialDrawn < 3000, `drawn before the rest arrived: ${got.seen.partialDrawn}`);
  assert.equal(got.seen.exportsWhilePartial, false, 'the exports were on before the report was complete');
  assert.equal(got.exports, true);
  await page.close();
});

test('lone surrogates, astral emoji, RTL, combining marks and CRLF keep every offset valid', async () => {
  const { page } = await openPage(env);
  const built =
    "return ['Officials said the ' + String.fromCharCode(0xD800) + ' bridge reopened on Monday.'," +
    " 'The mayor ' + String.fromCharCode(0xDC00) + String.fromCharCode(0xDC01) + ' may resign, aides said. \\u{1F469}\\u200D\\u{1F52C} cheered.'," +
    " '\\u0627\\u0644\\u0648\\u0632\\u064A\\u0631 said the talks reportedly failed \\u202Eoops\\u202C.'," +
    " 'Ame\\u0301lie Zo\\u0308e, a spokeswoman, confirmed it.'].join('\\r\\n\\r\\n') + String.fromCharCode(0xD83D);";
  await pasteBuilt(page, built);
  await page.waitForFunction(() => document.documentElement.dataset.analysis === 'done' && window.lastReport !== window.__previousReport, null, {
    timeout: ANALYSIS_TIMEOUT,
  });
  const { report, raw, wellFormed, rendered } = await page.evaluate(() => {
    const raw = document.querySelector('#input').value;
    const wellFormed = raw.toWellFormed();
    const rendered = [...document.querySelectorAll('#rendered [data-sentence]')].map((e) => e.textContent);
    return { report: window.lastReport, raw, wellFormed, rendered };
  });
  assert.equal(await page.evaluate(() => document.querySelector('#input').value.isWellFormed()), false, 'the input really holds lone surrogates');
  assert.equal(raw.length, wellFormed.length);
  // Every span's text equals its slice of the text that was analysed and rendered.
  assertReportShape(assert, report, wellFormed);
  assert.equal(report.stats.chars, raw.length, 'offsets count the same UTF-16 units as the input');
  assert.deepEqual(rendered, report.sentences.map((s) => s.text), 'each rendered sentence is its report text');
  const statusOf = (prefix) => report.sentences.find((s) => s.text.startsWith(prefix))?.status.label;
  assert.equal(statusOf('Officials said'), 'claimed');
  assert.equal(statusOf('Ame\u0301lie'), 'confirmed');
  assert.ok(report.sentences.some((s) => s.hedges.some((h) => h.text === 'reportedly')), JSON.stringify(report.sentences.map((s) => s.hedges)));
  await page.close();
});

test('no page errors or requests off the server', () => {
  assert.deepEqual(env.problems.pageErrors, [], formatProblems(env.problems));
  assert.deepEqual(env.problems.foreignRequests, [], formatProblems(env.problems));
  assert.deepEqual(env.problems.consoleErrors, [], formatProblems(env.problems));
});
