// Issue 16 on the page: the kind of piece (summary.genre) with its clue words
// and, for opinion and reviews, why the score means less; the score in words
// (summary.band: a word and a row of dots, never colour alone) with where
// typical news reports score; the not-English warning. Each in both
// directions, with axe in light, dark and high contrast.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { setUp, openPage, setInput, ensureOutputDirs } from './helpers.mjs';

// Invented for claimlens.
const OPINION =
  'Keep the Night Buses Running\n\n' +
  'I think the council has this wrong. The night buses cost the city about $2 million a year, and they carry nurses, cooks and cleaners home.\n\n' +
  'We should keep them. In my view, cutting them saves almost nothing and costs the people who keep this city running.\n\n' +
  'Let’s ask the council to vote again.';
const JAPANESE =
  '新しい橋の工事が始まる\n\n' +
  '市は火曜日、川に新しい橋を架ける工事を来月から始めると発表した。市の担当者によると、費用は約三十億円になる見通しだという。\n\n' +
  '住民の多くは工事を歓迎しているが、一部の商店からは交通渋滞を心配する声も上がっている。';

let env;
let shots;

before(async () => {
  env = await setUp();
  shots = ensureOutputDirs();
});

after(async () => {
  await env?.close();
});

const verdict = (page) =>
  page.evaluate(() => {
    const g = document.getElementById('summary-genre');
    const b = document.getElementById('summary-band');
    const w = document.getElementById('warnings');
    // the genre box comes before the score line, the band box after it
    const score = document.getElementById('summary-score').closest('p');
    return {
      genreShown: !!g && !g.hidden && g.getBoundingClientRect().height > 0,
      genre: g?.dataset.genre ?? null,
      genreText: g?.textContent ?? '',
      note: document.getElementById('genre-note')?.textContent ?? '',
      bandShown: !!b && !b.hidden && b.getBoundingClientRect().height > 0,
      band: b?.dataset.band ?? null,
      bandText: b?.textContent ?? '',
      order: !!g && !!b && !!(g.compareDocumentPosition(score) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(score.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING),
      warnings: w && !w.hidden ? w.textContent : '',
    };
  });

async function axeClean(page, label) {
  const r = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], label);
}

test('a news report: "News report", its band in words with dots, and the typical range; no warning', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  const report = await page.evaluate(() => window.lastReport);
  const v = await verdict(page);
  assert.equal(v.genre, 'news');
  assert.ok(v.genreShown && v.order, JSON.stringify(v));
  assert.match(v.genreText, /Kind of piece: News report/);
  assert.equal(v.note, '', 'no "means less" note for news');
  assert.equal(v.band, report.summary.band);
  assert.equal(v.band, 'wellSourced');
  assert.ok(v.bandShown);
  assert.match(v.bandText, /●●●● Well sourced/);
  assert.match(v.bandText, new RegExp(`Typical news reports score ${report.summary.typical.low}–${report.summary.typical.high}`));
  assert.ok(v.bandText.includes(report.summary.bandWhy), v.bandText);
  assert.equal(v.warnings, '');
  await page.screenshot({ path: path.join(shots, 'verdict-news.png'), fullPage: false });
  await page.close();
});

test('the samples: anonymous is thinly sourced, speculative mostly unsourced', async () => {
  const { page } = await openPage(env);
  for (const [sample, band, words] of [
    ['anonymous', 'thinlySourced', /●●○○ Thinly sourced/],
    ['speculative', 'unsourced', /●○○○ Mostly unsourced or guesswork/],
  ]) {
    await page.evaluate(() => {
      window.__previousReport = window.lastReport;
    });
    await page.selectOption('#sample', sample);
    await page.waitForFunction(() => document.documentElement.dataset.analysis === 'done' && window.lastReport !== window.__previousReport);
    const v = await verdict(page);
    assert.equal(v.band, band, sample);
    assert.match(v.bandText, words);
    assert.match(v.bandText, /this one scores lower/);
  }
  await page.close();
});

test('an opinion piece: the genre, its clue words, and why the score means less; axe clean in light, dark and high contrast', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  const report = await setInput(page, OPINION);
  assert.equal(report.summary.genre.label, 'opinion');
  const v = await verdict(page);
  assert.equal(v.genre, 'opinion');
  assert.match(v.genreText, /Kind of piece: Opinion or analysis/);
  assert.match(v.genreText, /Clues: “I think”, “We should”, “In my view”/);
  assert.match(v.note, /sourcing score means less here/);
  await page.screenshot({ path: path.join(shots, 'verdict-opinion.png'), fullPage: false });
  await axeClean(page, 'opinion, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axeClean(page, 'opinion, dark');
  await page.click('#contrast');
  await axeClean(page, 'opinion, high contrast dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await axeClean(page, 'opinion, high contrast light');
  await page.close();
});

test('not English: the warning shows, and goes when English text comes back', async () => {
  const { page } = await openPage(env);
  const report = await setInput(page, JAPANESE);
  assert.ok(report.warnings.some((w) => /reads English news/.test(w)), JSON.stringify(report.warnings));
  let v = await verdict(page);
  assert.match(v.warnings, /claimlens reads English news/);
  await axeClean(page, 'warning shown');
  await setInput(page, OPINION);
  v = await verdict(page);
  assert.equal(v.warnings, '');
  await page.close();
});

test('an empty text: no band and no genre box', async () => {
  const { page } = await openPage(env);
  await page.fill('#input', '');
  await page.waitForFunction(() => {
    const b = document.getElementById('summary-band');
    return !b || b.hidden;
  });
  const v = await verdict(page);
  assert.equal(v.bandShown, false);
  assert.equal(v.genreShown, false);
  await page.close();
});
