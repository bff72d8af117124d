// The reader's view (issue 16, items 3–6): each claim's badge (a symbol and a
// word) and the "no source" mark are visible; filters hide what does not match
// and Previous / Next move focus through the matches in both directions; the
// article is one Tab stop with arrow keys inside; results first at 1280×800 and
// 390×844 (screenshots in test-output/screenshots/); the legend folds after the
// first visit; plain words, plurals and the card's score as a sum; a paste over
// 16 MiB stays out of the textarea and is offered cut; axe in light, dark and
// high contrast with these parts on show.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scan } from './axe.mjs';
import { setUp, openPage, waitForDone, formatProblems, ensureOutputDirs, SCREENSHOTS, ANALYSIS_TIMEOUT } from './helpers.mjs';

let env;
let shots;

before(async () => {
  env = await setUp();
  shots = ensureOutputDirs();
});

after(async () => {
  await env?.close();
});

/** Chooses a sample and waits for its report to be drawn. */
async function chooseSample(page, id) {
  await page.evaluate(() => (window.__previousReport = window.lastReport));
  await page.selectOption('#sample', id);
  await page.waitForFunction(() => document.documentElement.dataset.analysis === 'done' && window.lastReport && window.lastReport !== window.__previousReport, null, {
    timeout: ANALYSIS_TIMEOUT,
  });
  return page.evaluate(() => window.lastReport);
}

const BADGE = { confirmed: 'confirmed', denied: 'denied', unconfirmed: 'not confirmed', speculative: 'a guess', claimed: 'someone says', asserted: 'sounds sure' };

/** For every drawn claim: its badge's drawn text and size, and its "no source" mark. */
const badgesOf = (page) =>
  page.$$eval('#rendered [data-kind="claim"]', (spans) =>
    spans.map((span) => {
      const read = (b) => {
        if (!b) return null;
        const box = b.getBoundingClientRect();
        return { content: getComputedStyle(b, '::before').content, key: b.dataset.badge, width: box.width, height: box.height };
      };
      return {
        index: Number(span.dataset.sentence),
        status: span.dataset.status,
        badge: read(span.querySelector(':scope > .badge:not([data-badge="nosource"])')),
        nosource: read(span.querySelector(':scope > .badge[data-badge="nosource"]')),
      };
    }),
  );

test('every claim shows its status as a badge with a symbol and a word; a check-worthy claim with no source gets a "no source" mark', async () => {
  const { page } = await openPage(env);
  for (const id of ['well-sourced', 'anonymous', 'speculative']) {
    const report = id === 'well-sourced' ? await page.evaluate(() => window.lastReport) : await chooseSample(page, id);
    const claims = report.sentences.filter((s) => s.kind === 'claim');
    const drawn = await badgesOf(page);
    assert.equal(drawn.length, claims.length, `${id}: one badge per claim`);
    let marks = 0;
    for (const d of drawn) {
      const s = report.sentences[d.index];
      assert.ok(d.badge, `${id}: claim ${d.index} has no badge`);
      assert.equal(d.badge.key, s.status.label);
      assert.ok(d.badge.content.includes(BADGE[s.status.label]), `${id}: claim ${d.index} badge reads ${d.badge.content}`);
      assert.match(d.badge.content, /^"[^\s"]+\s/, `${id}: claim ${d.index} badge has no symbol before its word: ${d.badge.content}`);
      assert.ok(d.badge.width > 10 && d.badge.height > 5, `${id}: claim ${d.index} badge is not visible (${d.badge.width}×${d.badge.height})`);
      const unsourced = s.attributions.length === 0 && s.checkworthiness >= 0.5;
      assert.equal(!!d.nosource, unsourced, `${id}: claim ${d.index} no-source mark`);
      if (d.nosource) {
        marks++;
        assert.ok(d.nosource.content.includes('no source'), d.nosource.content);
        assert.ok(d.nosource.width > 10, 'the no-source mark is not visible');
      }
    }
    if (id === 'speculative' || id === 'anonymous') assert.ok(marks + drawn.filter((d) => d.badge.key === 'speculative' || d.badge.key === 'unconfirmed').length > 0, `${id}: no doubtful claim marked`);
    // The badges are drawn by the stylesheet: the sentence's text is still exactly the article's.
    const texts = await page.$$eval('#rendered [data-sentence]', (els) => els.map((e) => e.textContent));
    assert.deepEqual(texts, report.sentences.map((s) => s.text), `${id}: sentence text changed`);
  }
  // One decoration per word: a cue inside another draws no box, underline or tint of its own.
  const nested = await page.$$eval('#rendered mark[data-cue] mark[data-cue]', (ms) =>
    ms.map((m) => {
      const cs = getComputedStyle(m);
      return { line: cs.textDecorationLine, border: cs.borderTopWidth, bg: cs.backgroundColor };
    }),
  );
  for (const n of nested) {
    assert.equal(n.line, 'none');
    assert.equal(n.border, '0px');
    assert.equal(n.bg, 'rgba(0, 0, 0, 0)');
  }
  await page.close();
});

test('a filter hides what does not match, says "Showing N of M", and Next / Previous move focus through the matches both ways', async () => {
  const { page } = await openPage(env);
  const report = await chooseSample(page, 'anonymous');
  const matches = report.sentences.filter((s) => s.kind === 'claim' && s.attributions.length === 0).map((s) => s.index);
  assert.ok(matches.length >= 2, `the anonymous sample needs 2 unsourced claims, has ${matches.length}`);
  await page.selectOption('#filter', 'unattributed');
  await page.waitForFunction((n) => document.getElementById('filter-count').textContent.startsWith(`Showing ${n} of`), matches.length);
  assert.equal(await page.textContent('#filter-count'), `Showing ${matches.length} of ${report.sentences.length} sentences`);
  const visible = await page.$$eval('#rendered [data-sentence]', (els) => els.filter((e) => e.getClientRects().length > 0).map((e) => Number(e.dataset.sentence)));
  assert.deepEqual(visible, matches, 'only the matching sentences are on show');

  const focused = () => page.evaluate(() => (document.activeElement?.matches('[data-sentence]') ? Number(document.activeElement.dataset.sentence) : null));
  // Forwards: Next goes to the first match, then the second …
  await page.click('#filter-next');
  assert.equal(await focused(), matches[0]);
  await page.waitForSelector('#card:not([hidden])');
  assert.equal(await page.evaluate(() => window.lastReport && document.querySelector('#card-body blockquote').textContent), report.sentences[matches[0]].text, 'the card shows the match');
  await page.click('#filter-next');
  assert.equal(await focused(), matches[1]);
  // … backwards: Previous goes back, and from the first wraps round to the last.
  await page.click('#filter-prev');
  assert.equal(await focused(), matches[0]);
  await page.click('#filter-prev');
  assert.equal(await focused(), matches[matches.length - 1]);
  await page.click('#filter-next');
  assert.equal(await focused(), matches[0], 'Next from the last wraps round to the first');
  // From the keyboard: Enter on the button.
  await page.focus('#filter-next');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), matches[1]);
  // The focused match is in view.
  const inView = await page.evaluate(() => {
    const b = document.activeElement.getBoundingClientRect();
    return b.bottom > 0 && b.top < innerHeight;
  });
  assert.ok(inView, 'the match Next moved to is not in view');

  // A filter that matches nothing disables the buttons; "All sentences" shows everything again.
  await page.selectOption('#filter', 'all');
  assert.equal(await page.textContent('#filter-count'), `Showing ${report.sentences.length} of ${report.sentences.length} sentences`);
  const shown = await page.$$eval('#rendered [data-sentence]', (els) => els.filter((e) => e.getClientRects().length > 0).length);
  assert.equal(shown, report.sentences.length);
  await page.close();
});

test('the article is one Tab stop; arrow keys, j/k and Home/End move inside it, both ways', async () => {
  const { page } = await openPage(env);
  const report = await page.evaluate(() => window.lastReport);
  const claims = report.sentences.filter((s) => s.kind === 'claim').map((s) => s.index);
  assert.ok(claims.length > 3);
  assert.equal(await page.locator('#rendered [tabindex="0"]').count(), 1, 'exactly one Tab stop in the article');
  const active = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      if (el.matches('#rendered [data-sentence]')) return `sentence:${el.dataset.sentence}`;
      return el.id ? `#${el.id}` : el.tagName.toLowerCase();
    });

  // Tab from the control before the article lands on its first claim; one more Tab leaves it.
  await page.focus('#filter-next');
  const stops = [];
  for (let n = 0; n < 4; n++) {
    await page.keyboard.press('Tab');
    stops.push(await active());
    if (stops.at(-1).startsWith('sentence:')) break;
  }
  assert.equal(stops.at(-1), `sentence:${claims[0]}`, `Tab never reached the article: ${stops.join(' ')}`);
  await page.keyboard.press('Escape'); // close the card, focus stays
  await page.keyboard.press('Tab');
  const after = await active();
  assert.ok(!after.startsWith('sentence:'), `a second Tab stayed in the article (${after})`);

  // Shift+Tab comes back to the same claim.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await active(), `sentence:${claims[0]}`);
  // Forwards with ArrowDown and j, backwards with ArrowUp and k.
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(), `sentence:${claims[1]}`);
  await page.keyboard.press('j');
  assert.equal(await active(), `sentence:${claims[2]}`);
  await page.keyboard.press('ArrowUp');
  assert.equal(await active(), `sentence:${claims[1]}`);
  await page.keyboard.press('k');
  assert.equal(await active(), `sentence:${claims[0]}`);
  await page.keyboard.press('End');
  assert.equal(await active(), `sentence:${claims.at(-1)}`);
  await page.keyboard.press('Home');
  assert.equal(await active(), `sentence:${claims[0]}`);
  // The Tab stop moves with the focus: leave and come back to the claim last visited.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#rendered [tabindex="0"]').count(), 1);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await active(), `sentence:${claims[2]}`, 'Shift+Tab did not return to the claim last visited');

  // A filter that hides the Tab stop's claim moves the stop to a shown one.
  const named = report.sentences.find((s) => s.kind === 'claim' && s.attributions.length > 0 && s.index === claims[2]);
  if (named) {
    await page.selectOption('#filter', 'unattributed');
    const stop = await page.$eval('#rendered [tabindex="0"]', (e) => ({ out: e.dataset.filtered === 'out', shown: e.getClientRects().length > 0 }));
    assert.deepEqual(stop, { out: false, shown: true }, 'the Tab stop is on a hidden claim');
  }
  await page.close();
});

/** Top and bottom of an element relative to the viewport, or null. */
const box = (page, sel) =>
  page.$eval(sel, (e) => {
    const b = e.getBoundingClientRect();
    return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, w: b.width, h: b.height };
  });

test('1280×800: results first: the input folds to a bar, the score and the first claims show without scrolling, the exports can be reached', async () => {
  const { page } = await openPage(env, { viewport: { width: 1280, height: 800 } });
  assert.equal(await page.getAttribute('#article-input', 'data-folded'), '', 'the input did not fold after the sample was analysed');
  assert.ok(await page.isVisible('#edit-text'), '"Edit text" is not shown');
  assert.match(await page.textContent('#input-glance'), /Cracks found in a rail bridge/);
  assert.equal(await page.evaluate(() => scrollY), 0);
  const score = await box(page, '#summary-score');
  assert.ok(score.top >= 0 && score.bottom <= 800, `the score is off screen: ${JSON.stringify(score)}`);
  const firstClaims = await page.$$eval('#rendered [data-kind="claim"]', (els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().top));
  for (const top of firstClaims) assert.ok(top > 0 && top < 800 - 20, `a first claim starts at y=${top}, below the screen`);
  await page.screenshot({ path: path.join(shots, 'reader-1280x800.png') });

  // The exports can be reached: scrolled to, they are on screen and work.
  await page.locator('#export-md').scrollIntoViewIfNeeded();
  const ex = await box(page, '#export-md');
  assert.ok(ex.top >= 0 && ex.bottom <= 800, `the exports are out of reach: ${JSON.stringify(ex)}`);
  const side = await page.$eval('.side', (e) => getComputedStyle(e).overflowY);
  assert.notEqual(side, 'auto', 'the summary column scrolls on its own');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
  assert.match(download.suggestedFilename(), /\.md$/);
  // A card opened far down the article opens where the reader is, and its Close button can be reached.
  const claim = await page.$$eval('#rendered [data-kind="claim"]', (els) => Number(els.at(-1).dataset.sentence));
  await page.click(`#rendered [data-sentence="${claim}"]`);
  await page.waitForSelector('#card:not([hidden])');
  const card = await box(page, '#card-close');
  assert.ok(card.top >= 0 && card.bottom <= 800, `the open card is off screen: ${JSON.stringify(card)}`);
  await page.screenshot({ path: path.join(shots, 'reader-1280x800-card.png') });

  // "Edit text" opens the input and puts the cursor in it.
  await page.click('#card-close');
  await page.evaluate(() => scrollTo(0, 0));
  await page.click('#edit-text');
  assert.equal(await page.getAttribute('#article-input', 'data-folded'), null);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  assert.ok((await box(page, '#input')).h > 100, 'the textarea did not open');
  assert.equal(await page.isVisible('#edit-text'), false);
  await page.close();
});

test('390×844: the score, then the article, then the details; nothing wider than the screen', async () => {
  const { page } = await openPage(env, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const y = async (sel) => (await box(page, sel)).top;
  const glance = await y('#glance');
  const article = await y('#rendered');
  const summary = await y('#summary');
  assert.ok(await page.isVisible('#glance'), 'the score line is not shown on a phone');
  assert.equal(await page.textContent('#glance-score'), String(await page.evaluate(() => window.lastReport.summary.score)));
  assert.ok(glance < 844, `the score line is below the first screen (y=${glance})`);
  assert.ok(glance < article && article < summary, `order: score ${glance}, article ${article}, details ${summary}`);
  const legend = await y('#legend');
  assert.ok(article < legend, 'the legend comes before the article, not after it');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page is ${wide} px wide on a 390 px screen`);
  await page.screenshot({ path: path.join(shots, 'reader-390x844.png') });
  await page.screenshot({ path: path.join(shots, 'reader-390x844-full.png'), fullPage: true });
  await page.close();
});

test('the legend is open on the first visit and folded after it, unless the reader opens it again', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/');
  await waitForDone(page);
  assert.equal(await page.$eval('#legend', (d) => d.open), true, 'first visit: the legend is closed');
  await page.reload();
  await waitForDone(page);
  assert.equal(await page.$eval('#legend', (d) => d.open), false, 'second visit: the legend is still open');
  await page.click('#legend summary');
  await page.reload();
  await waitForDone(page);
  assert.equal(await page.$eval('#legend', (d) => d.open), true, 'opened again by the reader, it stays open');
  // The hint's link opens it too.
  await page.click('#legend summary');
  await page.click('a[href="#legend"]');
  assert.equal(await page.$eval('#legend', (d) => d.open), true);
  await page.close();
});

test('plain words: no jargon on show, plurals right, no empty counts, the card adds up with the floor at 0', async () => {
  const { page } = await openPage(env);
  for (const id of ['well-sourced', 'anonymous', 'speculative']) {
    const report = id === 'well-sourced' ? await page.evaluate(() => window.lastReport) : await chooseSample(page, id);
    const reasons = await page.$$eval('#summary-reasons li', (ls) => ls.map((l) => l.textContent));
    for (const r of reasons) {
      assert.doesNotMatch(r, /(^|\D)1 claims|\b0 claims?\b|^0 /, `${id}: ${r}`);
      assert.doesNotMatch(r, /\b(epistemic|approximator|distancing)\b/, `${id}: ${r}`);
    }
    const claimsLine = await page.textContent('#summary-claims');
    assert.match(claimsLine, report.stats.claims === 1 ? /1 of \d+ sentences? is a claim\./ : /\d+ of \d+ sentences? are claims\./);

    // Each claim's card: no technical hedge term on show (it is in the tooltip), "Check it elsewhere",
    // and the score as a sum that adds up (or stops at 0).
    for (const s of report.sentences.filter((x) => x.kind === 'claim')) {
      await page.click(`#rendered [data-sentence="${s.index}"]`);
      await page.waitForFunction((i) => document.querySelector('#card-body blockquote')?.textContent === i, s.text);
      const card = await page.evaluate(() => {
        const body = document.getElementById('card-body');
        const shown = [...body.querySelectorAll('*')]
          .filter((e) => e.children.length === 0 && !e.classList.contains('vh') && e.getClientRects().length)
          .map((e) => e.textContent)
          .join(' | ');
        const rows = [...body.querySelectorAll('.score-sum tbody tr')].map((tr) => tr.lastElementChild.textContent);
        const foot = [...body.querySelectorAll('.score-sum tfoot tr')].map((tr) => [tr.firstElementChild.textContent, tr.lastElementChild.textContent]);
        return { shown, rows, foot, headings: [...body.querySelectorAll('h3')].map((h) => h.textContent) };
      });
      assert.ok(card.headings.includes('Check it elsewhere'), card.headings.join(', '));
      assert.ok(!card.headings.includes('Read laterally'));
      assert.doesNotMatch(card.shown, /\b(epistemic|approximator|distancing|modal|weasel)\b/, `${id} claim ${s.index}: ${card.shown}`);
      assert.ok(card.rows.length > 0, `${id} claim ${s.index}: no sum`);
      const num = (t) => Number(t.replace('−', '-').replace('+', ''));
      const sum = card.rows.reduce((n, t) => n + num(t), 0);
      assert.equal(num(card.foot[0][1]), sum, `${id} claim ${s.index}: the sum does not add up`);
      const score = card.foot.length > 1 ? num(card.foot[1][1]) : sum;
      assert.equal(score, s.score, `${id} claim ${s.index}: the card's score is not the report's`);
      if (sum < 0) assert.match(card.foot[1][0], /stop at 0/, 'the floor at 0 is not stated');
    }
    await page.keyboard.press('Escape');
  }
  // The technical hedge category stays in a tooltip.
  const titles = await page.$$eval('#rendered mark[data-cue="hedge"]', (ms) => ms.map((m) => m.title));
  assert.ok(titles.length > 0 && titles.every((t) => /^hedge: .+ \(.+\)$/.test(t)), titles.join('; '));
  await page.close();
});

test('a paste over 16 MiB stays out of the textarea; the message offers its first 16 MiB, cut at a paragraph', async () => {
  const { page } = await openPage(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  const before = await page.inputValue('#input');
  await page.evaluate(async () => {
    const para = 'Officials said the bridge reopened on Monday, and the mayor confirmed it. ';
    const block = para.repeat(40) + '\n\n';
    await navigator.clipboard.writeText(block.repeat(Math.ceil((17 * 1024 * 1024) / block.length)));
  });
  await page.focus('#input');
  await page.keyboard.press('Control+V');
  await page.waitForSelector('#oversize:not([hidden])', { timeout: ANALYSIS_TIMEOUT });
  const status = await page.textContent('#status');
  assert.match(status, /Too long to analyse/);
  assert.match(status, /16 MiB/);
  assert.equal(await page.inputValue('#input'), before, 'the over-long paste went into the textarea');
  assert.equal(await page.textContent('#analyse-start'), 'Analyse the first 16 MiB');
  // The cut the button makes (tested on the page's own function, without analysing 16 MiB here).
  const cut = await page.evaluate(async () => {
    const { utf8Prefix, MAX_BYTES } = await import('/js/bytes.js');
    const text = await navigator.clipboard.readText();
    const c = utf8Prefix(text, MAX_BYTES);
    return { bytes: new TextEncoder().encode(c).length, endsParagraph: text.slice(c.length, c.length + 2) === '\n\n', max: MAX_BYTES, whole: text.length };
  });
  assert.ok(cut.bytes <= cut.max && cut.bytes > cut.max - 65536 * 3, JSON.stringify(cut));
  assert.ok(cut.endsParagraph, 'the cut splits a paragraph');
  await page.close();
});

test('axe: light, dark and high contrast, with badges, a filter, the legend, a card and the folded input', async () => {
  const { page } = await openPage(env, { colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  await chooseSample(page, 'anonymous');
  await page.evaluate(() => (document.getElementById('legend').open = true));
  await page.selectOption('#filter', 'unattributed');
  await page.click('#filter-next');
  await page.waitForSelector('#card:not([hidden])');
  await scan(page, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'dark');
  await page.click('#contrast');
  await scan(page, 'high contrast, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await scan(page, 'high contrast, light');
  await page.click('#contrast');
  // On a phone, with the score line.
  await page.setViewportSize({ width: 390, height: 844 });
  await scan(page, 'phone, light');
  await page.close();
});

test('no page errors, console errors or requests off the server', () => {
  const p = env.problems;
  assert.deepEqual(p.foreignRequests, [], formatProblems(p));
  assert.deepEqual(p.pageErrors, [], formatProblems(p));
  assert.deepEqual(p.consoleErrors, [], formatProblems(p));
});
