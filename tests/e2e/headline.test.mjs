// Headline versus article (issue 15, part 7) end to end, on three invented articles in
// tests/e2e/fixtures/: headline-gap.txt (the headline states as fact what the article
// only gives to unnamed officials), headline-no-gap.txt (the same headline, backed by a
// named council leader) and headline-none.txt (the same story with no headline).
// The page: the box at the top of the summary, both spans marked in the article (not by
// colour alone), the box's buttons move focus to them by mouse and keyboard, user text
// stays text, and nothing shows without a gap or without a headline. Classroom: the
// headline task asks "Does the headline say more than the article?" per article with a
// headline, checks the answer against summary.headlineGap and explains it. axe-core finds
// no violations in light, dark and high contrast.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scan, scanAllModes } from './axe.mjs';
import { setUp, openPage, setInput, ensureOutputDirs, formatProblems, FIXTURES, ANALYSIS_TIMEOUT } from './helpers.mjs';

const GAP = readFileSync(path.join(FIXTURES, 'headline-gap.txt'), 'utf8');
const NO_GAP = readFileSync(path.join(FIXTURES, 'headline-no-gap.txt'), 'utf8');
const NONE = readFileSync(path.join(FIXTURES, 'headline-none.txt'), 'utf8');
const HEADLINE = 'Dunmere Council Will Close the Ashgrove Swimming Pool in June';
const BODY = 'The Dunmere council will close the Ashgrove swimming pool in June, according to two council officials who spoke on condition of anonymity.';
const WHY = 'The headline states this as fact; the article itself only reports that unnamed officials say it.';
const QUESTION = 'Does the headline say more than the article?';

let env;
let shots;

before(async () => {
  env = await setUp();
  shots = ensureOutputDirs();
});

after(async () => {
  await env?.close();
});

/** axe in all four modes (axe.mjs), then normal contrast again. */
async function scanAllModesBack(page, label) {
  await scanAllModes(page, label);
  assert.equal(await page.getAttribute('html', 'data-contrast'), null);
}

const index = (report, prefix) => {
  const s = report.sentences.find((x) => x.text.startsWith(prefix));
  assert.ok(s, `no sentence starts with ${JSON.stringify(prefix)}`);
  return s.index;
};

/** What the page shows of the gap: the box, its buttons, the marked spans. */
const gapUi = (page) =>
  page.evaluate(() => {
    const box = document.getElementById('gap');
    return {
      visible: !!box && !box.hidden && box.getBoundingClientRect().height > 0,
      why: document.getElementById('gap-why').textContent,
      buttons: [...box.querySelectorAll('.gap-jump')].map((b) => ({ target: Number(b.dataset.target), text: b.textContent })),
      marked: [...document.querySelectorAll('#rendered [data-gap]')].map((s) => ({ index: Number(s.dataset.sentence), role: s.dataset.gap, text: s.textContent })),
    };
  });

const active = (page) => page.evaluate(() => ({ sentence: document.activeElement?.dataset?.sentence ?? null, gap: document.activeElement?.dataset?.gap ?? null }));

async function waitInView(page, sentence) {
  await page.waitForFunction(
    (i) => {
      const r = document.querySelector(`#rendered [data-sentence="${i}"]`).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    },
    sentence,
    { timeout: ANALYSIS_TIMEOUT },
  );
}

// ---- the page ---------------------------------------------------------------------

test('page: a gap shows at the top of the summary, with the headline and the body sentence marked', async () => {
  const { page } = await openPage(env, { colorScheme: 'light', viewport: { width: 1280, height: 600 } });
  const report = await setInput(page, GAP);
  const h = index(report, 'Dunmere Council Will Close');
  const b = index(report, 'The Dunmere council will close');
  assert.deepEqual(report.summary.headlineGap, { headline: h, body: [b], why: WHY });

  const ui = await gapUi(page);
  assert.equal(ui.visible, true, 'the gap box is hidden');
  assert.equal(ui.why, WHY);
  assert.deepEqual(ui.buttons, [
    { target: h, text: `Headline: “${HEADLINE}”` },
    { target: b, text: `In the article: “${BODY}”` },
  ]);
  assert.deepEqual(ui.marked, [
    { index: h, role: 'headline', text: HEADLINE },
    { index: b, role: 'body', text: BODY },
  ]);
  // At the top of the summary: right under its heading, before the score.
  assert.equal(await page.evaluate(() => document.querySelector('#summary-title').nextElementSibling.id), 'gap');
  assert.match(await page.textContent('#gap-title'), /The headline says more than the article/);
  // Not colour alone: a dashed outline and a ⚠ label on both spans; described by the box's sentence.
  for (const i of [h, b]) {
    const look = await page.$eval(`#rendered [data-sentence="${i}"]`, (s) => ({
      outline: getComputedStyle(s).outlineStyle,
      label: getComputedStyle(s, '::before').content,
      describedBy: s.getAttribute('aria-describedby'),
    }));
    assert.equal(look.outline, 'dashed');
    assert.match(look.label, /⚠/);
    assert.equal(look.describedBy, 'gap-why');
  }
  // Only those two sentences are marked.
  assert.equal(await page.locator('#rendered [data-gap]').count(), 2);
  await page.screenshot({ path: path.join(shots, 'headline-gap-page.png'), fullPage: true });

  // The keyboard: Tab to the box's first button, Enter moves focus to the headline …
  // (a start point just before the box in the tab order)
  await page.evaluate(() => document.getElementById('summary-title').setAttribute('tabindex', '-1'));
  await page.focus('#summary-title');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.target), String(h), 'Tab does not reach the headline button');
  await page.keyboard.press('Enter');
  assert.deepEqual(await active(page), { sentence: String(h), gap: 'headline' });
  await waitInView(page, h);
  assert.equal(await page.isVisible('#card'), false, 'the headline is not a claim: no card');
  // … and Space on the second button to the body sentence, whose card opens.
  await page.focus(`#gap .gap-jump[data-target="${b}"]`);
  await page.keyboard.press('Space');
  assert.deepEqual(await active(page), { sentence: String(b), gap: 'body' });
  await waitInView(page, b);
  await page.waitForSelector('#card:not([hidden])');
  assert.equal(await page.textContent('#card-title'), 'Claim: Claimed');
  assert.match(await page.textContent('#card-body'), /unnamed official/);
  // The mouse does the same.
  await page.click(`#gap .gap-jump[data-target="${h}"]`);
  assert.deepEqual(await active(page), { sentence: String(h), gap: 'headline' });
  const focusRing = await page.$eval(`#rendered [data-sentence="${h}"]`, (s) => getComputedStyle(s).outlineStyle);
  assert.equal(focusRing, 'solid', 'the focused headline has no focus outline');

  // The Markdown export says it too.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
  const md = readFileSync(await dl.path(), 'utf8');
  assert.ok(md.includes(`## The headline says more than the article\n\n${WHY}\n\n- Headline (sentence ${h}): “${HEADLINE}”\n- In the article (sentence ${b}): “${BODY}”`), md);

  await scanAllModesBack(page, 'page with a headline gap');
  await page.close();
});

test('page: no box and no marks without a gap, or without a headline; the box goes when the text does', async () => {
  const { page } = await openPage(env, { colorScheme: 'light' });
  for (const [label, text] of [['no gap', NO_GAP], ['no headline', NONE]]) {
    const report = await setInput(page, text);
    assert.equal(report.summary.headlineGap ?? null, null, `${label}: the engine found a gap`);
    const ui = await gapUi(page);
    assert.equal(ui.visible, false, `${label}: the gap box shows`);
    assert.deepEqual(ui.buttons, [], label);
    assert.deepEqual(ui.marked, [], label);
    assert.equal(ui.why, '', label);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    assert.ok(!readFileSync(await dl.path(), 'utf8').includes('headline says more'), `${label}: the Markdown export has a gap`);
  }
  // The headline of the no-gap article is there, and is a heading: the box is absent for the right reason.
  const noGap = await setInput(page, NO_GAP);
  assert.equal(noGap.sentences[0].kind, 'heading');
  assert.equal(noGap.sentences[0].text, HEADLINE);
  await scanAllModesBack(page, 'page without a gap');

  // With a gap, then an empty text: the box goes with the report.
  await setInput(page, GAP);
  assert.equal((await gapUi(page)).visible, true);
  await page.fill('#input', '');
  await page.waitForFunction(() => window.lastReport === null && document.documentElement.dataset.analysis === 'done');
  assert.equal((await gapUi(page)).visible, false);
  assert.deepEqual((await gapUi(page)).buttons, []);
  await page.close();
});

test('page: the article’s text in the box stays text', async () => {
  const { page } = await openPage(env);
  const hostile = GAP.replace('Ashgrove Swimming Pool', 'Ashgrove <b>Swimming</b> Pool').replace(
    'Ashgrove swimming pool in June, according',
    'Ashgrove <img src=x onerror="window.__pwned=1"> swimming pool in June, according',
  );
  const report = await setInput(page, hostile);
  assert.ok(report.summary.headlineGap, 'the hostile text lost its gap');
  const ui = await gapUi(page);
  assert.match(ui.buttons[0].text, /<b>Swimming<\/b>/);
  assert.match(ui.buttons[1].text, /<img src=x onerror="window\.__pwned=1">/);
  assert.equal(await page.locator('#gap img, #gap b, #rendered img, #rendered b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await page.close();
});

// ---- classroom ----------------------------------------------------------------------

test('classroom: “Does the headline say more than the article?”, answered from the report and explained', async () => {
  const teacher = await env.newPage({ colorScheme: 'light' });
  await teacher.goto(`${env.url}/index.html#classroom`, { waitUntil: 'load' });
  await teacher.waitForSelector('#cl-task-headline', { timeout: ANALYSIS_TIMEOUT });
  // The headline task is offered and on by default for your own articles.
  assert.equal(await teacher.isChecked('#cl-task-headline'), true);
  assert.match(await teacher.textContent('label[for="cl-task-headline"]'), /Whether the headline says more than the article/);
  await teacher.fill('#cl-title', 'Three pool stories');
  const articles = [['Gap Gazette', GAP], ['Named News', NO_GAP], ['Headless Herald', NONE]];
  for (const [i, [name, text]] of articles.entries()) {
    if (i > 0) await teacher.click('#cl-add');
    await teacher.locator('input[name="article-name"]').nth(i).fill(name);
    await teacher.locator('textarea[name="article-text"]').nth(i).fill(text);
  }
  await teacher.uncheck('#cl-hide');
  await teacher.click('#cl-make');
  await teacher.waitForFunction(() => document.documentElement.dataset.classroom === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.match(await teacher.textContent('#cl-message'), /ready: 3 articles, \d+ claims, 2 headline questions\./);
  // The worksheet asks, the key answers with the engine's reason.
  const sheet = await teacher.textContent('#cl-worksheet');
  assert.ok(sheet.includes(QUESTION) && sheet.includes(HEADLINE), 'the worksheet lacks the headline question');
  assert.ok(!sheet.includes(WHY), 'the worksheet gives the answer away');
  const key = await teacher.$$eval('#cl-key [data-key-headline]', (lis) => lis.map((li) => [li.dataset.keyHeadline, li.textContent]));
  assert.equal(key.length, 2);
  assert.equal(key[0][0], '0');
  assert.ok(key[0][1].includes(`${QUESTION} Yes. ${WHY}`), key[0][1]);
  assert.ok(key[0][1].includes(BODY));
  assert.equal(key[1][0], '1');
  assert.match(key[1][1], /Does the headline say more than the article\? No\./);
  const link = await teacher.inputValue('#cl-link');
  await teacher.close();

  const page = await env.newPage({ colorScheme: 'light' });
  await page.goto(link, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  // One question per article with a headline; the third article says it has none.
  const blocks = await page.$$eval('#classroom-view .ex-headline', (bs) => bs.map((b) => ({ doc: b.dataset.headlineDoc, text: b.querySelector('.ex-headline-text').textContent, label: b.querySelector('label').textContent })));
  assert.deepEqual(blocks, [
    { doc: '0', text: HEADLINE, label: QUESTION },
    { doc: '1', text: HEADLINE, label: QUESTION },
  ]);
  assert.equal(await page.locator('#classroom-view section[data-doc="2"] .ex-headline').count(), 0);
  assert.equal(await page.isVisible('#classroom-view .ex-no-headline[data-doc="2"]'), true);
  assert.equal(await page.locator('#classroom-view .ex-no-headline').count(), 1);
  const options = await page.$$eval('#ex-d0-headline-answer option', (os) => os.map((o) => o.value));
  assert.deepEqual(options, ['', 'yes', 'no']);
  assert.match(await page.textContent('.ex-how'), /Does the headline say more than the article\?/);
  // The engine's answers, when shown: yes for the gap, no for the named source.
  await page.click('#ex-show');
  assert.match(await page.textContent('#ex-d0-headline .ex-hint'), /The engine’s answer: yes/);
  assert.match(await page.textContent('#ex-d1-headline .ex-hint'), /The engine’s answer: no/);
  await page.click('#ex-show');

  // Wrong on the gap, right on the other: from the keyboard for the first.
  await page.focus('#ex-d0-headline-answer');
  await page.selectOption('#ex-d0-headline-answer', 'no');
  await page.selectOption('#ex-d1-headline-answer', 'no');
  await page.click('#check');
  await page.waitForFunction(() => window.lastExerciseResult && !document.querySelector('#ex-result').hidden);
  let result = await page.evaluate(() => window.lastExerciseResult);
  let items = result.items.filter((i) => i.field === 'headline');
  assert.deepEqual(items.map((i) => [i.doc, i.student, i.engine, i.match]), [[0, 'no', 'yes', false], [1, 'no', 'no', true]]);
  assert.equal(items[0].why, WHY);
  assert.ok(items[0].reasons.some((r) => r.includes(BODY)), JSON.stringify(items[0].reasons));
  assert.ok(!result.items.some((i) => i.field === 'headline' && i.doc === 2), 'a question for the article with no headline');
  // The explanation after answering: ≠ (a difference, issue 17) with the engine's sentence and the spans; ✓ with its reason.
  const fb0 = await page.textContent('#ex-d0-headline .ex-feedback');
  assert.match(fb0, /≠ Differ/);
  assert.ok(fb0.includes(WHY), fb0);
  assert.ok(fb0.includes(`The article: “${BODY}”`), fb0);
  assert.ok(fb0.includes(`Headline: “${HEADLINE}”`), fb0);
  const fb1 = await page.textContent('#ex-d1-headline .ex-feedback');
  assert.match(fb1, /✓ Agree/);
  assert.match(fb1, /names who says it/);
  await page.screenshot({ path: path.join(shots, 'headline-gap-classroom.png'), fullPage: true });
  await scanAllModesBack(page, 'classroom headline question after Check');

  // Corrected, checked again: both agree; the answers are saved in the CSV export too.
  await page.selectOption('#ex-d0-headline-answer', 'yes');
  await page.click('#check');
  await page.waitForFunction(() => window.lastExerciseResult.items.filter((i) => i.field === 'headline').every((i) => i.match));
  result = await page.evaluate(() => window.lastExerciseResult);
  items = result.items.filter((i) => i.field === 'headline');
  assert.deepEqual(items.map((i) => [i.doc, i.student, i.match]), [[0, 'yes', true], [1, 'no', true]]);
  assert.match(await page.textContent('#ex-d0-headline .ex-feedback'), /✓ Agree/);
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.inputValue('#ex-d0-headline-answer'), 'yes', 'the answer was not saved');
  await page.close();
});

test('classroom: the headline task on an article with no headline asks nothing, and says why', async () => {
  const teacher = await env.newPage();
  await teacher.goto(`${env.url}/index.html#classroom`, { waitUntil: 'load' });
  await teacher.waitForSelector('#cl-task-headline', { timeout: ANALYSIS_TIMEOUT });
  for (const t of ['attribution', 'hedge', 'status']) await teacher.uncheck(`#cl-task-${t}`);
  await teacher.fill('textarea[name="article-text"]', NONE);
  await teacher.click('#cl-make');
  await teacher.waitForFunction(() => document.documentElement.dataset.classroom === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.match(await teacher.textContent('#cl-message'), /no article has a headline/);
  const link = await teacher.inputValue('#cl-link');
  await teacher.goto(link);
  await teacher.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await teacher.locator('#classroom-view select[name="headline"]').count(), 0);
  assert.equal(await teacher.isVisible('#classroom-view .ex-no-headline'), true);
  await teacher.click('#check');
  await teacher.waitForFunction(() => window.lastExerciseResult);
  assert.equal((await teacher.evaluate(() => window.lastExerciseResult)).items.filter((i) => i.field === 'headline').length, 0);
  await teacher.close();
});

test('classroom: the ready-made headline exercise asks the question, and the engine answers yes', async () => {
  const page = await env.newPage();
  await page.goto(`${env.url}/index.html#classroom`, { waitUntil: 'load' });
  await page.waitForSelector('#cl-start option[value="market"]', { state: 'attached', timeout: ANALYSIS_TIMEOUT });
  await page.selectOption('#cl-start', 'market');
  await page.waitForFunction(() => /^Loaded/.test(document.querySelector('#cl-message').textContent));
  assert.deepEqual(await page.$$eval('input[name="task"]', (bs) => bs.filter((b) => b.checked).map((b) => b.value)), ['attribution', 'status', 'headline']);
  await page.click('#cl-make');
  await page.waitForFunction(() => document.documentElement.dataset.classroom === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.match(await page.textContent('#cl-message'), /1 headline question\./);
  await page.click('#cl-open');
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.textContent('#ex-d0-headline .ex-headline-text'), 'Riverside Market Will Move to the Old Tram Depot');
  await page.selectOption('#ex-d0-headline-answer', 'yes');
  await page.click('#check');
  await page.waitForFunction(() => window.lastExerciseResult);
  const item = (await page.evaluate(() => window.lastExerciseResult)).items.find((i) => i.field === 'headline');
  assert.deepEqual([item.engine, item.match], ['yes', true]);
  assert.match(item.why, /unnamed officials/);
  await page.close();
});

test('no console errors, page errors or requests off the server', () => {
  const p = env.problems;
  assert.deepEqual(p.foreignRequests, [], formatProblems(p));
  assert.deepEqual(p.pageErrors, [], formatProblems(p));
  assert.deepEqual(p.consoleErrors, [], formatProblems(p));
});
