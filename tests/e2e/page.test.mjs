// The page as a reader uses it: first open, pasting an article, highlights, the claim card,
// keyboard use, filters, samples, high contrast, a 320 px screen, screenshots, and a clean
// console and network log throughout.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  setUp,
  openPage,
  setInput,
  waitForDone,
  sentenceIndex,
  sentenceInfo,
  assertReportShape,
  primaryAttribution,
  ensureOutputDirs,
  formatProblems,
  FIXTURES,
  WWW,
  ANALYSIS_TIMEOUT,
} from './helpers.mjs';

const PROMPT = 'Who is behind this, and what do other sources say?';
const FERRY = readFileSync(path.join(FIXTURES, 'ferry.txt'), 'utf8');

let env;
let shots;

before(async () => {
  env = await setUp();
  shots = ensureOutputDirs();
});

after(async () => {
  await env?.close();
});

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

test('first open shows the analysed well-sourced sample, with the CSP header', async () => {
  const { page, response } = await openPage(env);
  const csp = response.headers()['content-security-policy'];
  assert.ok(csp && csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `CSP header: ${csp}`);
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');

  const count = await page.locator('#rendered [data-sentence]').count();
  assert.ok(count > 0, 'no [data-sentence] rendered');
  const score = (await page.textContent('#summary-score')).trim();
  assert.ok(score.length > 0, '#summary-score is empty');
  assert.match(score, /\d/);

  assert.equal(await page.inputValue('#sample'), 'well-sourced');
  const sample = readFileSync(path.join(WWW, 'samples', 'well-sourced.txt'), 'utf8');
  const input = await page.inputValue('#input');
  assert.equal(input.replace(/\r\n?/g, '\n').trim(), sample.replace(/\r\n?/g, '\n').trim(), '#input holds the sample');
  const report = await page.evaluate(() => window.lastReport);
  assertReportShape(assert, report, input);
  assert.equal(count, report.sentences.length, 'one [data-sentence] per sentence');
  assert.equal(score, String(report.summary.score), '#summary-score shows the report score');
  assert.ok((await page.locator('table#sources tr').count()) > 1, 'table#sources lists the sources');
  assert.ok((await page.textContent('#version')).trim().length > 0, '#version is empty');
  assert.ok((await page.textContent('#legend')).trim().length > 0, '#legend is empty');
  assert.deepEqual(await cspViolations(page), []);
  await page.close();
});

test('pasting an article shows the expected highlights', async () => {
  const { page } = await openPage(env);
  const report = await setInput(page, FERRY, 'insert');
  const input = await page.inputValue('#input');
  assert.equal(input, FERRY);
  assertReportShape(assert, report, FERRY);
  assert.equal(await page.locator('#rendered [data-sentence]').count(), report.sentences.length);
  assert.equal(await page.locator('#rendered [tabindex="0"]').count(), 1, 'the article is one Tab stop (a roving tabindex)');

  // Every sentence: its text, kind, status and attribution as in the report.
  for (const s of report.sentences) {
    const info = await sentenceInfo(page, s.index);
    assert.equal(info.text, s.text, `sentence ${s.index} text`);
    assert.equal(info.kind, s.kind, `sentence ${s.index} kind`);
    if (s.kind === 'claim') {
      assert.equal(info.status, s.status.label, `sentence ${s.index} status`);
      assert.equal(info.attribution, primaryAttribution(s), `sentence ${s.index} attribution`);
      assert.ok(['0', '-1'].includes(info.tabindex), `claim ${s.index} is focusable`);
    }
    const sources = new Set(s.attributions.filter((a) => a.source).map((a) => a.source.text));
    const hedges = new Set(s.hedges.map((h) => h.text));
    for (const m of info.marks) {
      assert.ok(m.text.length > 0, `empty mark in sentence ${s.index}`);
      assert.ok(FERRY.includes(m.text), `mark text ${JSON.stringify(m.text)} is not in the input`);
      assert.ok(s.text.includes(m.text), `mark ${JSON.stringify(m.text)} lies outside sentence ${s.index}`);
      // A mark may be split where it overlaps another, so it holds all or part of its cue.
      const within = (set) => [...set].some((x) => x.includes(m.text));
      if (m.cue === 'source') assert.ok(within(sources), `source mark ${JSON.stringify(m.text)} in ${s.index}`);
      if (m.cue === 'hedge') assert.ok(within(hedges), `hedge mark ${JSON.stringify(m.text)} in ${s.index}`);
    }
  }

  const expectSentence = async (prefix, want) => {
    const i = sentenceIndex(report, prefix);
    const info = await sentenceInfo(page, i);
    const where = `sentence ${i} (${prefix}…)`;
    for (const k of ['kind', 'status', 'attribution']) {
      if (want[k]) assert.equal(info[k], want[k], `${where}: data-${k}`);
    }
    for (const [cue, text] of want.marks || []) {
      const cues = Array.isArray(cue) ? cue : [cue];
      assert.ok(
        info.marks.some((m) => cues.includes(m.cue) && m.text === text),
        `${where}: expected a ${cues.join('/')} mark "${text}", got ${JSON.stringify(info.marks)}`,
      );
    }
    for (const [cue, text] of want.noMarks || []) {
      assert.ok(!info.marks.some((m) => m.cue === cue && m.text === text), `${where}: unexpected ${cue} mark "${text}"`);
    }
    if (want.noCue) {
      assert.ok(!info.marks.some((m) => m.cue === want.noCue), `${where}: unexpected ${want.noCue} marks ${JSON.stringify(info.marks)}`);
    }
    return info;
  };

  await expectSentence('Ferry Service to Quill Island', { kind: 'heading' });
  await expectSentence('By Odile M. Varga', { kind: 'boilerplate' });
  await expectSentence('Officials said the ferry', {
    kind: 'claim',
    status: 'claimed',
    attribution: 'unnamedOfficial',
    marks: [
      ['source', 'Officials'],
      ['reporting', 'said'],
    ],
  });
  await expectSentence('The Quill Island Ferry Authority confirmed', {
    status: 'confirmed',
    attribution: 'namedOrganization',
    marks: [
      ['source', 'Quill Island Ferry Authority'],
      [['status', 'reporting'], 'confirmed'],
    ],
  });
  await expectSentence('Harbor master Inès Calloway said', {
    status: 'claimed',
    attribution: 'namedPerson',
    marks: [
      ['source', 'Inès Calloway'],
      ['reporting', 'said'],
    ],
  });
  // A quote that runs over two sentences keeps its speaker.
  await expectSentence('“We checked every weld twice.”', { status: 'claimed', attribution: 'namedPerson' });
  await expectSentence("The ferry's engine may have been damaged", {
    status: 'speculative',
    marks: [['hedge', 'may']],
  });
  // "May" the month is no hedge; 4.5 does not split the sentence.
  const may = await expectSentence('Ticket prices will rise by 4.5 percent in May.', {
    status: 'asserted',
    attribution: 'none',
    noCue: 'hedge',
  });
  assert.equal(may.text, 'Ticket prices will rise by 4.5 percent in May.');
  // "Dr." does not end the sentence.
  await expectSentence('Dr. Felix Amari, who chairs', {
    status: 'denied',
    attribution: 'namedPerson',
    marks: [
      ['source', 'Felix Amari'],
      [['status', 'reporting'], 'denied'],
    ],
  });
  await expectSentence('The cause of the original fault', {
    status: 'unconfirmed',
    attribution: 'none',
    marks: [['status', 'could not be independently verified']],
  });

  const score = (await page.textContent('#summary-score')).trim();
  assert.equal(score, String(report.summary.score));
  assert.deepEqual(await cspViolations(page), []);
  await page.close();
});

test('clicking a claim opens the card; Escape closes it', async () => {
  const { page } = await openPage(env);
  const report = await setInput(page, FERRY);
  assert.equal(await page.getAttribute('#card', 'hidden'), '', '#card starts hidden');

  const cases = [
    { prefix: 'Officials said the ferry', must: ['Officials'] },
    { prefix: "The ferry's engine may have been damaged", must: ['may'] },
    { prefix: 'Dr. Felix Amari, who chairs', must: ['Felix Amari'] },
  ];
  for (const c of cases) {
    const i = sentenceIndex(report, c.prefix);
    const s = report.sentences[i];
    await page.click(`#rendered [data-sentence="${i}"]`);
    await page.waitForSelector('#card:not([hidden])', { timeout: 5000 });
    assert.ok(await page.isVisible('#card'), '#card is not visible');
    const text = (await page.textContent('#card')).replace(/\s+/g, ' ');
    assert.ok(text.includes(PROMPT), `card lacks the prompt: ${text}`);
    for (const m of c.must) assert.ok(text.includes(m), `card for ${i} lacks "${m}": ${text}`);
    for (const h of s.hedges) assert.ok(text.includes(h.text), `card lacks hedge "${h.text}": ${text}`);
    assert.ok(text.toLowerCase().includes(s.status.label.toLowerCase()), `card lacks status ${s.status.label}: ${text}`);
    assert.match(text, new RegExp(`(^|\\D)${s.score}(\\D|$)`), `card lacks score ${s.score}: ${text}`);

    await page.keyboard.press('Escape');
    await page.waitForSelector('#card[hidden]', { state: 'attached', timeout: 5000 });
    assert.equal(await page.isVisible('#card'), false, 'Escape did not close the card');
  }
  await page.close();
});

test('keyboard: Tab reaches a claim, focus opens the card, Escape closes it, every control is reachable', async () => {
  const { page } = await openPage(env);
  const report = await setInput(page, FERRY);

  await page.focus('#input');
  let claimFocused = null;
  for (let n = 0; n < 40 && claimFocused === null; n++) {
    await page.keyboard.press('Tab');
    claimFocused = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el.matches('#rendered [data-sentence]') ? Number(el.dataset.sentence) : null;
    });
  }
  assert.notEqual(claimFocused, null, 'Tab from #input never reached a claim');
  assert.equal(report.sentences[claimFocused].kind, 'claim', 'a non-claim sentence is focusable');
  await page.waitForSelector('#card:not([hidden])', { timeout: 5000 });
  const text = await page.textContent('#card');
  assert.ok(text.includes(PROMPT));
  await page.keyboard.press('Escape');
  await page.waitForSelector('#card[hidden]', { state: 'attached', timeout: 5000 });

  // Walk the whole page with Tab from the top and note which controls get focus.
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const seen = new Set();
  let claims = 0;
  for (let n = 0; n < 120; n++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      if (el.matches('[data-sentence]')) return '[claim]';
      return el.id ? `#${el.id}` : el.tagName.toLowerCase();
    });
    if (id === '[claim]') claims++;
    else if (id) seen.add(id);
    if (id === '[claim]') await page.keyboard.press('Escape');
  }
  for (const id of ['#input', '#sample', '#filter', '#contrast', '#export-json', '#export-csv', '#export-md']) {
    assert.ok(seen.has(id), `${id} never got focus by Tab; focused: ${[...seen].join(' ')}`);
  }
  // The article is one Tab stop (a roving tabindex; arrow keys move inside it): the walk
  // meets a claim once per round of the page, not once per claim.
  const rounds = Math.max(1, seen.has('#contrast') ? Math.ceil(120 / (seen.size + 1)) : 1);
  assert.ok(claims >= 1 && claims <= rounds, `${claims} claim focus stops in 120 Tabs (${report.stats.claims} claims, one stop expected per round)`);

  // A button works from the keyboard.
  await page.focus('#contrast');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
  await page.keyboard.press('Space');
  assert.notEqual(await page.getAttribute('html', 'data-contrast'), 'high');
  await page.close();
});

test('filters mark non-matching sentences data-filtered="out"', async () => {
  const { page } = await openPage(env);
  const report = await setInput(page, FERRY);
  const claims = report.sentences.filter((s) => s.kind === 'claim');

  const filteredOut = async () =>
    page.$$eval('#rendered [data-sentence]', (els) =>
      Object.fromEntries(els.map((el) => [el.dataset.sentence, el.dataset.filtered === 'out'])),
    );
  const apply = async (value) => {
    await page.selectOption('#filter', value);
    // Filtering is synchronous or nearly so; give the page a frame to apply it.
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
    return filteredOut();
  };

  const unattributed = await apply('unattributed');
  for (const s of claims) {
    const kind = primaryAttribution(s);
    if (kind === 'none') assert.equal(unattributed[s.index], false, `unattributed claim ${s.index} is filtered out`);
    if (kind === 'namedPerson' || kind === 'namedOrganization') {
      assert.equal(unattributed[s.index], true, `attributed claim ${s.index} (${kind}) is not filtered out`);
    }
  }

  const named = await apply('named');
  for (const s of claims) {
    const kind = primaryAttribution(s);
    if (kind === 'namedPerson' || kind === 'namedOrganization') assert.equal(named[s.index], false, `named ${s.index}`);
    if (kind === 'none') assert.equal(named[s.index], true, `unnamed ${s.index} under "named"`);
  }

  const hedged = await apply('hedged');
  for (const s of claims) assert.equal(hedged[s.index], s.hedges.length === 0, `hedged filter, sentence ${s.index}`);

  const unconfirmed = await apply('unconfirmed');
  for (const s of claims) {
    if (s.status.label === 'unconfirmed') assert.equal(unconfirmed[s.index], false, `unconfirmed ${s.index}`);
    if (s.status.label === 'confirmed') assert.equal(unconfirmed[s.index], true, `confirmed ${s.index} under "unconfirmed"`);
  }

  const claimsOnly = await apply('claims');
  for (const s of report.sentences) {
    if (s.kind === 'claim') assert.equal(claimsOnly[s.index], false, `claim ${s.index} under "claims"`);
    if (s.kind === 'heading' || s.kind === 'boilerplate') assert.equal(claimsOnly[s.index], true, `${s.kind} ${s.index} under "claims"`);
  }

  const all = await apply('all');
  assert.deepEqual(
    Object.entries(all).filter(([, out]) => out).map(([i]) => i),
    [],
    'the "all" filter hides nothing',
  );
  await page.close();
});

test('the sample picker loads each sample; the anonymous and speculative ones score lower', async () => {
  const { page } = await openPage(env);
  const scores = {};
  scores['well-sourced'] = (await page.evaluate(() => window.lastReport)).summary.score;
  for (const id of ['anonymous', 'speculative', 'well-sourced']) {
    await page.evaluate(() => {
      window.__previousReport = window.lastReport;
    });
    await page.selectOption('#sample', id);
    const sample = readFileSync(path.join(WWW, 'samples', `${id}.txt`), 'utf8');
    await page.waitForFunction(
      (t) =>
        document.documentElement.dataset.analysis === 'done' &&
        window.lastReport !== window.__previousReport &&
        document.querySelector('#input').value.replace(/\r\n?/g, '\n').trim() === t,
      sample.replace(/\r\n?/g, '\n').trim(),
      { timeout: ANALYSIS_TIMEOUT },
    );
    const report = await page.evaluate(() => window.lastReport);
    assertReportShape(assert, report, await page.inputValue('#input'));
    scores[id] = report.summary.score;
    if (id === 'speculative') assert.ok(report.summary.byStatus.speculative >= 5, 'speculative sample has few speculative claims');
    if (id === 'anonymous') assert.ok(report.summary.byStatus.unconfirmed >= 5, 'anonymous sample has few unconfirmed claims');
    assert.equal((await page.textContent('#summary-score')).trim(), String(report.summary.score));
  }
  assert.ok(scores['well-sourced'] > scores.anonymous + 15, `scores ${JSON.stringify(scores)}`);
  assert.ok(scores['well-sourced'] > scores.speculative + 15, `scores ${JSON.stringify(scores)}`);
  await page.close();
});

test('high contrast toggle sets html[data-contrast="high"] and aria-pressed', async () => {
  const { page } = await openPage(env);
  assert.notEqual(await page.getAttribute('html', 'data-contrast'), 'high');
  assert.equal(await page.getAttribute('#contrast', 'aria-pressed'), 'false');
  await page.click('#contrast');
  assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
  assert.equal(await page.getAttribute('#contrast', 'aria-pressed'), 'true');
  await page.screenshot({ path: path.join(shots, 'high-contrast.png'), fullPage: true });
  await page.click('#contrast');
  assert.notEqual(await page.getAttribute('html', 'data-contrast'), 'high');
  assert.equal(await page.getAttribute('#contrast', 'aria-pressed'), 'false');
  await page.close();
});

test('works at 320 px wide with no horizontal scroll', async () => {
  const { page } = await openPage(env, { viewport: { width: 320, height: 900 } });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  assert.ok(widths.scroll <= 320, `document scrollWidth ${widths.scroll} > 320`);
  assert.ok(widths.body <= 320, `body scrollWidth ${widths.body} > 320`);
  await page.screenshot({ path: path.join(shots, 'sample-320.png'), fullPage: true });

  // The open card fits too.
  const report = await page.evaluate(() => window.lastReport);
  const claim = report.sentences.find((s) => s.kind === 'claim');
  await page.click(`#rendered [data-sentence="${claim.index}"]`);
  await page.waitForSelector('#card:not([hidden])', { timeout: 5000 });
  const withCard = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(withCard <= 320, `with the card open, scrollWidth ${withCard} > 320`);
  await page.screenshot({ path: path.join(shots, 'card-320.png') });
  await page.close();
});

test('screenshots of the sample in light and dark mode', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await openPage(env, { colorScheme, viewport: { width: 1280, height: 900 } });
    await page.screenshot({ path: path.join(shots, `sample-${colorScheme}.png`), fullPage: true });
    await page.close();
  }
});

test('no console errors, page errors, CSP violations or requests off the server', async () => {
  // Runs last in this file: it checks what every page above recorded.
  const { page } = await openPage(env);
  await waitForDone(page);
  assert.deepEqual(await cspViolations(page), []);
  const p = env.problems;
  assert.ok(p.requests.length > 0, 'no requests were recorded');
  assert.ok(p.requests.some((u) => u.endsWith('.wasm')), 'the wasm was never requested');
  assert.deepEqual(p.foreignRequests, [], `requests left the server:\n${formatProblems(p)}`);
  for (const u of p.requests) {
    assert.ok(u.startsWith(env.url + '/') || u.startsWith('data:') || u.startsWith('blob:'), `request to ${u}`);
  }
  assert.deepEqual(p.pageErrors, [], `page errors:\n${formatProblems(p)}`);
  assert.deepEqual(p.consoleErrors, [], `console errors:\n${formatProblems(p)}`);
  await page.close();
});
