// The Compare view (compare.html) as a reader uses it: the sample coverage on first open,
// pasting articles, the matrix, the sources table and the ranking, keyboard use, files, the
// exports, hostile input, a 320 px screen, axe scans in every display mode, screenshots, and a
// clean console and network log throughout. It runs against the real engine in www/pkg/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { setUp, parseCsv, ensureOutputDirs, formatProblems, FIXTURES, WWW, REPO, ANALYSIS_TIMEOUT } from './helpers.mjs';

const fixture = (name) => readFileSync(path.join(FIXTURES, name), 'utf8');
/** An article of a Rust compare case (tests/fixtures/compare_pairs/<case>/<file>). */
const pairFile = (name) => readFileSync(path.join(REPO, 'tests', 'fixtures', 'compare_pairs', name), 'utf8');
const UNRELATED = [
  { name: 'Porthwick Post', text: pairFile('unrelated_flood_transfer/a_flood.txt') },
  { name: 'Sports Desk', text: pairFile('unrelated_flood_transfer/b_transfer.txt') },
];
const RELATED = [
  { name: 'Quenford Herald', text: pairFile('agree_within_qualifiers/a_herald.txt') },
  { name: 'Quenford Courier', text: pairFile('agree_within_qualifiers/b_courier.txt') },
];
const ARTICLES = [
  { name: 'Bay Ledger', text: fixture('compare-a.txt') },
  { name: 'City Courier', text: fixture('compare-b.txt') },
  { name: 'Night Gazette', text: fixture('compare-c.txt') },
];
const SAMPLE_SET = JSON.parse(readFileSync(path.join(WWW, 'samples', 'compare', 'index.json'), 'utf8'));
const HOSTILE =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> Officials said the <b>museum</b> reopened on Monday after the fire.';

let env;
let shots;

before(async () => {
  env = await setUp();
  shots = ensureOutputDirs();
});

after(async () => {
  await env?.close();
});

// ---- helpers -------------------------------------------------------------------

async function waitForComparison(page, timeout = ANALYSIS_TIMEOUT) {
  await page.waitForFunction(
    () => document.documentElement.dataset.compare === 'done' && !!window.lastComparison,
    null,
    { timeout },
  );
  return page.evaluate(() => window.lastComparison);
}

/** Opens compare.html and waits for the sample comparison. */
async function openCompare(contextOptions) {
  const page = await env.newPage(contextOptions);
  const response = await page.goto(env.url + '/compare.html', { waitUntil: 'load' });
  const comparison = await waitForComparison(page);
  return { page, response, comparison };
}

/**
 * Puts `articles` into the slots (adding or removing slots to match) and waits for the
 * comparison of exactly those articles. mode 'insert' types the text as a paste does.
 */
async function setArticles(page, articles, mode = 'fill') {
  await page.evaluate(() => {
    window.__previousComparison = window.lastComparison;
  });
  while ((await page.locator('textarea[name="doc-text"]').count()) < articles.length) await page.click('#compare-add');
  while ((await page.locator('textarea[name="doc-text"]').count()) > Math.max(2, articles.length)) {
    await page.locator('#compare-slots button.remove').last().click();
  }
  for (const [i, a] of articles.entries()) {
    await page.locator('input[name="doc-name"]').nth(i).fill(a.name);
    const box = page.locator('textarea[name="doc-text"]').nth(i);
    if (mode === 'insert') {
      await box.fill('');
      await box.focus();
      await page.keyboard.insertText(a.text);
    } else await box.fill(a.text);
  }
  await page.waitForFunction(
    (want) => {
      const c = window.lastComparison;
      return (
        document.documentElement.dataset.compare === 'done' &&
        c &&
        c !== window.__previousComparison &&
        c.documents.length === want.length &&
        c.documents.every((d, i) => d.name === want[i].name && d.report.stats.chars === want[i].chars)
      );
    },
    articles.map((a) => ({ name: a.name, chars: a.text.length })),
    { timeout: ANALYSIS_TIMEOUT },
  );
  return page.evaluate(() => window.lastComparison);
}

/** The matrix as the page shows it: one entry per group row. */
async function matrixRows(page) {
  return page.$$eval('#compare-matrix tbody tr[data-group]', (rows) =>
    rows.map((tr) => ({
      group: Number(tr.dataset.group),
      conflict: tr.dataset.conflict,
      header: tr.querySelector('th').textContent,
      cells: [...tr.querySelectorAll('td[data-doc]')].map((td) => ({ doc: Number(td.dataset.doc), status: td.dataset.status, text: td.textContent })),
    })),
  );
}

const groupWith = (cmp, doc, prefix) => {
  const g = cmp.claimGroups.find((x) => x.members.some((m) => m.doc === doc && cmp.documents[doc].report.sentences[m.sentence].text.startsWith(prefix)));
  assert.ok(g, `no claim group holds "${prefix}…" of document ${doc}: ${JSON.stringify(cmp.claimGroups.map((x) => x.text))}`);
  return g;
};

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

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
}

// ---- tests ---------------------------------------------------------------------

test('first open shows the sample coverage compared, with the CSP header', async () => {
  const { page, response, comparison } = await openCompare();
  const csp = response.headers()['content-security-policy'];
  assert.ok(csp && csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `CSP header: ${csp}`);
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  const indexMeta = readFileSync(path.join(WWW, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(meta, indexMeta, 'compare.html carries the same CSP meta tag as index.html');

  // The slots hold the sample set, named after its outlets.
  const names = await page.$$eval('input[name="doc-name"]', (els) => els.map((e) => e.value));
  assert.deepEqual(names, SAMPLE_SET.articles.map((a) => a.name));
  const texts = await page.$$eval('textarea[name="doc-text"]', (els) => els.map((e) => e.value));
  SAMPLE_SET.articles.forEach((a, i) => {
    const want = readFileSync(path.join(WWW, 'samples', 'compare', a.file), 'utf8');
    assert.equal(texts[i], want, `slot ${i} holds ${a.file}`);
  });

  assert.equal(comparison.schemaVersion, 1);
  assert.equal(comparison.documents.length, 3);
  const rows = await page.locator('#compare-matrix tbody tr[data-group]').count();
  assert.ok(rows > 0, 'the matrix has no rows');
  assert.equal(rows, comparison.claimGroups.length);
  assert.equal(await page.locator('#compare-ranking > li').count(), 3, 'ranking items');
  assert.match(await page.textContent('#ranking-note'), /not whether the claims are true/);

  // The sample shows what the view is for: one story, a name spelled two ways, "reportedly".
  // "Over 4,000 residents" and "An estimated 4,800 residents" can both be true: no conflict.
  assert.equal(comparison.sameStory, true);
  assert.equal(await page.isHidden('#story-notice'), true, 'no "different stories" notice on one story');
  const evacuated = comparison.claimGroups.find((g) =>
    g.members.some((m) => /4,800 residents/.test(comparison.documents[m.doc].report.sentences[m.sentence].text)),
  );
  assert.ok(evacuated && evacuated.documents === 3, 'the evacuation is one claim in three outlets');
  assert.equal(evacuated.conflict, false, 'over 4,000 and an estimated 4,800 agree');
  const tae = await page.$$eval('#compare-sources tbody tr', (trs) => trs.filter((tr) => /Tae Min/.test(tr.textContent)).map((tr) => tr.dataset.outlets));
  assert.deepEqual(tae, ['2'], 'Tae Min-gyu / Tae Mingyu is one source in two outlets');
  const flare = comparison.documents.find((d) => d.name === 'The Daily Flare');
  assert.ok(flare.rank === 3, 'the "reportedly" outlet ranks last');
  assert.ok(flare.report.summary.byStatus.unconfirmed >= 4);

  assert.ok((await page.textContent('#version')).trim().length > 1, '#version is empty');
  for (const id of ['csv', 'json', 'md']) assert.equal(await page.isDisabled(`#compare-export-${id}`), false);
  assert.deepEqual(await cspViolations(page), []);
  await page.close();
});

test('the pages link to each other and index.html keeps its hooks', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.analysis === 'done', null, { timeout: ANALYSIS_TIMEOUT });
  for (const id of ['#input', '#sample', '#file', '#rendered', '#summary-score', '#filter', '#contrast', '#export-json', '#export-csv', '#export-md']) {
    assert.equal(await page.locator(id).count(), 1, `index.html lost ${id}`);
  }
  await page.click('header a:has-text("Compare coverage")');
  await page.waitForURL(/compare\.html$/);
  await waitForComparison(page);
  await page.click('header a:has-text("Check one article")');
  await page.waitForURL((u) => u.pathname === '/' || u.pathname.endsWith('/index.html'));
  await page.waitForFunction(() => document.documentElement.dataset.analysis === 'done', null, { timeout: ANALYSIS_TIMEOUT });
  await page.close();
});

test('pasted articles: the conflict comes first, cells carry each outlet’s status', async () => {
  const { page } = await openCompare();
  const cmp = await setArticles(page, ARTICLES, 'insert');
  assert.deepEqual(cmp.documents.map((d) => d.name), ARTICLES.map((a) => a.name));
  const rows = await matrixRows(page);
  assert.equal(rows.length, cmp.claimGroups.length);

  // The first body row is the conflicting count of damaged paintings.
  assert.equal(await page.getAttribute('#compare-matrix tbody tr:first-child', 'data-conflict'), 'true');
  const paintings = groupWith(cmp, 0, 'More than 120 paintings');
  assert.equal(paintings.conflict, true);
  assert.equal(rows[0].group, paintings.id);
  const header = rows[0].header.replace(/\s+/g, ' ');
  assert.match(header, /Numbers disagree/);
  assert.ok(header.includes('Bay Ledger: More than 120 paintings'), header);
  assert.ok(header.includes('City Courier: Nearly 90 paintings'), header);
  assert.deepEqual(rows[0].cells.map((c) => c.status), ['claimed', 'claimed', 'none']);
  assert.match(rows[0].cells[2].text, /not carried/);
  assert.match(rows[0].cells[0].text, /Rhee Dong-hwan/);

  // Where it started: claimed, confirmed, unconfirmed ("reportedly").
  const storage = groupWith(cmp, 0, 'The fire started in a storage room');
  const storageRow = rows.find((r) => r.group === storage.id);
  assert.equal(storageRow.conflict, 'false');
  assert.deepEqual(storageRow.cells.map((c) => c.status), ['claimed', 'confirmed', 'unconfirmed']);
  assert.match(storageRow.cells[1].text, /✓ confirmed/);
  assert.match(storageRow.cells[2].text, /\? unconfirmed/);

  // The fire inspection: not carried, denied, claimed.
  const inspection = groupWith(cmp, 1, 'The council denied');
  assert.deepEqual(rows.find((r) => r.group === inspection.id).cells.map((c) => c.status), ['none', 'denied', 'claimed']);
  assert.match(rows.find((r) => r.group === inspection.id).cells[1].text, /✗ denied/);

  // Every cell agrees with the comparison object; every cell says its status in words.
  const words = { confirmed: 'confirmed', denied: 'denied', unconfirmed: 'unconfirmed', speculative: 'speculative', claimed: 'claimed', asserted: 'asserted', none: 'not carried' };
  for (const row of rows) {
    const g = cmp.claimGroups.find((x) => x.id === row.group);
    assert.equal(row.conflict, String(g.conflict));
    for (const c of row.cells) {
      const first = g.members.find((m) => m.doc === c.doc);
      assert.equal(c.status, first ? first.status : 'none', `group ${g.id}, outlet ${c.doc}`);
      assert.ok(c.text.includes(words[c.status]), `cell text ${JSON.stringify(c.text)} lacks "${words[c.status]}"`);
    }
  }
  // Conflicts first.
  const flags = rows.map((r) => r.conflict === 'true');
  assert.deepEqual(flags, [...flags].sort((a, b) => b - a), 'a conflicting row comes after a plain one');

  // Sources: the curator, spelled two ways, is one row with two outlets.
  const rhee = await page.$$eval('#compare-sources tbody tr', (trs) =>
    trs.filter((tr) => tr.textContent.includes('Rhee')).map((tr) => ({ outlets: tr.dataset.outlets, text: tr.textContent })),
  );
  assert.equal(rhee.length, 1, `Rhee is listed ${rhee.length} times: ${JSON.stringify(rhee)}`);
  assert.equal(rhee[0].outlets, '2');
  assert.ok(rhee[0].text.includes('Bay Ledger') && rhee[0].text.includes('City Courier'), rhee[0].text);
  assert.ok(rhee[0].text.includes('Rhee Donghwan') || rhee[0].text.includes('Rhee Dong-hwan'));

  // Ranking: by sourcing score, with the score out of 100 and the counts.
  const ranking = await page.$$eval('#compare-ranking > li', (lis) => lis.map((li) => ({ doc: Number(li.dataset.doc), text: li.textContent })));
  assert.equal(ranking.length, 3);
  const byRank = [...cmp.documents].sort((a, b) => a.rank - b.rank);
  ranking.forEach((item, i) => {
    const d = byRank[i];
    assert.equal(item.doc, d.id);
    assert.ok(item.text.includes(`${d.report.summary.score}/100`), item.text);
    assert.ok(item.text.includes(`${d.uniqueClaims.length} claim`), item.text);
  });
  for (let i = 1; i < byRank.length; i++) assert.ok(byRank[i - 1].report.summary.score >= byRank[i].report.summary.score);
  await page.screenshot({ path: path.join(shots, 'compare-pasted.png'), fullPage: true });
  await page.close();
});

test('unrelated articles get the "different stories" notice and no shared claims; related ones do not', async () => {
  const { page } = await openCompare();
  let cmp = await setArticles(page, UNRELATED, 'insert');
  assert.equal(cmp.sameStory, false);
  assert.deepEqual(cmp.stories, [[0], [1]]);
  assert.equal(cmp.claimGroups.length, 0, 'no claim groups across two stories');
  assert.equal(await page.isVisible('#story-notice'), true);
  const notice = (await page.textContent('#story-notice')).replace(/\s+/g, ' ');
  assert.match(notice, /These articles do not seem to report the same story/);
  assert.match(notice, /Story 1: Porthwick Post/);
  assert.match(notice, /Story 2: Sports Desk/);
  assert.match(await page.textContent('#compare-status'), /do not seem to report the same story/);
  assert.doesNotMatch(await page.textContent('#compare-matrix tbody'), /Are they about the same story/);
  await scan(page, 'different stories notice, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'different stories notice, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  cmp = await setArticles(page, RELATED, 'insert');
  assert.equal(cmp.sameStory, true);
  assert.equal(await page.isHidden('#story-notice'), true, 'the notice goes away for related articles');
  assert.doesNotMatch(await page.textContent('#compare-status'), /same story/);
  assert.ok(cmp.claimGroups.length >= 3, 'the strike\'s facts are grouped');
  assert.ok(cmp.claimGroups.every((g) => !g.conflict), 'their figures agree within their qualifiers');
  assert.deepEqual(await cspViolations(page), []);
  await page.close();
});

test('a conflict says why, in words', async () => {
  const { page } = await openCompare();
  const cmp = await setArticles(page, [
    { name: 'Marlen Gazette', text: pairFile('figures_conflict/a_gazette.txt') },
    { name: 'Marlen Post', text: pairFile('figures_conflict/b_post.txt') },
  ]);
  const conflicting = cmp.claimGroups.filter((g) => g.conflict);
  assert.equal(conflicting.length, 2, JSON.stringify(cmp.claimGroups.map((g) => g.text)));
  const why = await page.$$eval('#compare-matrix .conflict-why', (els) => els.map((e) => e.textContent));
  assert.equal(why.length, 2);
  assert.ok(why.some((w) => w.includes('Marlen Gazette says “120 beds”') && w.includes('Marlen Post says “180 beds”')), why.join(' | '));
  await scan(page, 'conflict reasons');
  await page.close();
});

test('fewer than two articles, an emptied slot, and an article over the size limit', async () => {
  const { page } = await openCompare();
  await page.click('#compare-clear');
  await page.waitForFunction(() => document.documentElement.dataset.compare === 'done' && window.lastComparison === null);
  assert.equal(await page.locator('textarea[name="doc-text"]').count(), 2, 'start over leaves two slots');
  assert.deepEqual(await page.$$eval('input[name="doc-name"]', (els) => els.map((e) => e.value)), ['Outlet 1', 'Outlet 2']);
  assert.equal((await page.textContent('#compare-status')).trim(), 'Add at least two articles to compare.');
  assert.equal(await page.isDisabled('#compare-export-csv'), true);

  await page.locator('textarea[name="doc-text"]').nth(0).fill(ARTICLES[0].text);
  await page.waitForFunction(() => document.documentElement.dataset.compare === 'done');
  assert.equal((await page.textContent('#compare-status')).trim(), 'Add at least two articles to compare.');
  await page.click('#compare-add');
  assert.deepEqual(await page.$$eval('input[name="doc-name"]', (els) => els.map((e) => e.value)), ['Outlet 1', 'Outlet 2', 'Outlet 3']);
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'doc-text', 'the new slot’s text box has focus');
  await page.keyboard.insertText(ARTICLES[1].text);
  const cmp = await waitForComparison(page);
  assert.deepEqual(cmp.documents.map((d) => d.name), ['Outlet 1', 'Outlet 3'], 'the empty slot is left out');

  // 16 MiB and one byte of UTF-8 is refused before it reaches the engine.
  await page.evaluate(() => {
    const box = document.querySelectorAll('textarea[name="doc-text"]')[1];
    box.value = 'a'.repeat(16 * 1024 * 1024 + 1);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.documentElement.dataset.compare === 'error', null, { timeout: ANALYSIS_TIMEOUT });
  const message = await page.textContent('#compare-status');
  assert.match(message, /Too long to compare: “Outlet 2” is over the size limit of 16 MiB/);
  assert.equal(await page.evaluate(() => window.lastComparison), null);
  await page.close();
});

test('keyboard: Tab reaches the slots, buttons, matrix region and row expanders; Enter expands', async () => {
  const { page, comparison } = await openCompare();
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const seen = new Set();
  const expanders = new Set();
  const removes = new Set();
  for (let n = 0; n < 80; n++) {
    await page.keyboard.press('Tab');
    const what = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      if (el.matches('button.expander')) return `[expander] ${el.closest('tr').dataset.group}`;
      if (el.matches('button.remove')) return `[remove] ${el.closest('li').dataset.slot}`;
      if (el.matches('div[role="region"]')) return `[region] ${el.getAttribute('aria-label')}`;
      if (el.name === 'doc-name' || el.name === 'doc-text') return `[${el.name}]`;
      return el.id ? `#${el.id}` : el.tagName.toLowerCase();
    });
    if (what.startsWith('[expander]')) expanders.add(what);
    else if (what.startsWith('[remove]')) removes.add(what);
    else if (what) seen.add(what);
  }
  for (const id of ['#compare-files', '#compare-sample', '#compare-clear', '#compare-add', '#contrast', '#compare-export-csv', '#compare-export-json', '#compare-export-md', '[doc-name]', '[doc-text]']) {
    assert.ok(seen.has(id), `${id} never got focus by Tab; focused: ${[...seen].join(' ')}`);
  }
  assert.ok([...seen].some((s) => s.startsWith('[region] Claims by outlet')), 'the matrix region is not focusable');
  assert.equal(removes.size, 3, 'a Remove button per slot');
  assert.equal(expanders.size, comparison.claimGroups.length, 'an expander per claim group');

  // Enter on a row's expander opens its members: each outlet's sentence, status and source.
  const first = page.locator('#compare-matrix tbody tr[data-group] button.expander').first();
  await first.focus();
  assert.equal(await first.getAttribute('aria-expanded'), 'false');
  const controls = await first.getAttribute('aria-controls');
  assert.equal(await page.isVisible(`#${controls}`), false);
  await page.keyboard.press('Enter');
  assert.equal(await first.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.isVisible(`#${controls}`), true);
  const g = comparison.claimGroups[0];
  const members = (await page.textContent(`#${controls}`)).replace(/\s+/g, ' ');
  for (const m of g.members) {
    const s = comparison.documents[m.doc].report.sentences[m.sentence];
    assert.ok(members.includes(s.text.replace(/\s+/g, ' ')), `members list lacks "${s.text}"`);
    assert.ok(members.includes(comparison.documents[m.doc].name));
    if (m.source) assert.ok(members.includes(m.source), `members list lacks source ${m.source}`);
  }
  await page.screenshot({ path: path.join(shots, 'compare-expanded.png'), fullPage: true });
  await page.keyboard.press('Space');
  assert.equal(await first.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.isVisible(`#${controls}`), false);

  // Remove from the keyboard: the slot goes, focus stays on a Remove button.
  await page.locator('#compare-slots button.remove').nth(2).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('textarea[name="doc-text"]').count(), 2);
  assert.ok(await page.evaluate(() => document.activeElement?.matches('button.remove')), 'focus was lost after Remove');
  const after = await waitForComparison(page);
  assert.equal(after.documents.length, 2);

  // The high-contrast toggle works from the keyboard here too.
  await page.focus('#contrast');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
  await page.keyboard.press('Space');
  assert.notEqual(await page.getAttribute('html', 'data-contrast'), 'high');
  await page.close();
});

test('files: a drop and the multi-file picker add one article per file, named after it', async () => {
  const { page } = await openCompare();
  // Dropped on the untouched sample: the files replace it.
  const dataTransfer = await page.evaluateHandle(([a, b]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([a], 'ledger.txt', { type: 'text/plain' }));
    dt.items.add(new File([`<html><body><h1>Courier</h1><p>${b.replace(/\n\n/g, '</p><p>')}</p><script>window.__pwned=1</script></body></html>`], 'courier.html', { type: 'text/html' }));
    return dt;
  }, [ARTICLES[0].text, ARTICLES[1].text]);
  await page.evaluate(() => {
    window.__previousComparison = window.lastComparison;
  });
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#compare-slots', type, { dataTransfer });
  await page.waitForFunction(
    () => window.lastComparison !== window.__previousComparison && window.lastComparison?.documents.length === 2 && document.documentElement.dataset.compare === 'done',
    null,
    { timeout: ANALYSIS_TIMEOUT },
  );
  assert.deepEqual(await page.$$eval('input[name="doc-name"]', (els) => els.map((e) => e.value)), ['ledger', 'courier']);
  const courier = await page.locator('textarea[name="doc-text"]').nth(1).inputValue();
  assert.ok(!/[<>]/.test(courier), `tags left in the text: ${courier}`);
  assert.ok(courier.includes('Nearly 90 paintings were damaged'), courier);
  assert.ok(!courier.includes('__pwned'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // The picker adds to what is there (no empty slot to fill, so a new one).
  await page.setInputFiles('#compare-files', [
    { name: 'gazette.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLES[2].text, 'utf8') },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) },
  ]);
  await page.waitForFunction(() => window.lastComparison?.documents.length === 3 && document.documentElement.dataset.compare === 'done', null, {
    timeout: ANALYSIS_TIMEOUT,
  });
  assert.deepEqual(await page.$$eval('input[name="doc-name"]', (els) => els.map((e) => e.value)), ['ledger', 'courier', 'gazette']);
  assert.match(await page.textContent('#compare-status'), /Compared 3 articles/);
  await page.close();
});

test('exports: CSV (one row per group × outlet), JSON (= window.lastComparison), Markdown', async () => {
  const { page } = await openCompare();
  const cmp = await setArticles(page, ARTICLES);
  const download = async (selector, name) => {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click(selector)]);
    assert.equal(dl.suggestedFilename(), name);
    assert.equal(await dl.failure(), null);
    return readFileSync(await dl.path(), 'utf8');
  };

  const csv = parseCsv(await download('#compare-export-csv', 'claimlens-compare.csv')).filter((r) => !(r.length === 1 && r[0] === ''));
  const header = csv[0];
  for (const col of ['group_id', 'group_text', 'outlet', 'status', 'attribution', 'source', 'numbers', 'conflict']) {
    assert.ok(header.includes(col), `CSV header lacks ${col}: ${header}`);
  }
  for (const [i, r] of csv.entries()) assert.equal(r.length, header.length, `CSV row ${i} has ${r.length} fields`);
  assert.equal(csv.length - 1, cmp.claimGroups.length * cmp.documents.length, 'one row per group × outlet');
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const paintings = groupWith(cmp, 0, 'More than 120 paintings');
  const prow = csv.filter((r) => r[col.group_id] === String(paintings.id));
  assert.deepEqual(prow.map((r) => r[col.outlet]), ARTICLES.map((a) => a.name));
  assert.deepEqual(prow.map((r) => r[col.status]), ['claimed', 'claimed', 'not carried']);
  assert.deepEqual(prow.map((r) => r[col.conflict]), ['yes', 'yes', 'yes']);
  assert.equal(prow[0][col.numbers], 'More than 120 paintings');
  assert.equal(prow[1][col.numbers], 'Nearly 90 paintings');
  assert.equal(prow[0][col.source], 'Rhee Dong-hwan');
  assert.equal(prow[0][col.attribution], 'namedPerson');

  const json = JSON.parse(await download('#compare-export-json', 'claimlens-compare.json'));
  assert.deepEqual(json, await page.evaluate(() => window.lastComparison));
  assert.deepEqual(json, cmp);

  const md = await download('#compare-export-md', 'claimlens-compare.md');
  assert.match(md, /^# claimlens comparison/);
  assert.match(md, /## Sourcing ranking/);
  assert.match(md, /not whether the claims are true/);
  assert.ok(md.includes(`| # | Claim | Bay Ledger | City Courier | Night Gazette |`), md);
  const tableRows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
  assert.equal(tableRows.length, cmp.claimGroups.length);
  assert.match(md, /## Numbers that disagree/);
  assert.ok(md.includes('Bay Ledger: More than 120 paintings; City Courier: Nearly 90 paintings') || md.includes('Bay Ledger: More than 120 paintings · City Courier: Nearly 90 paintings'), md);
  assert.match(md, /Bay Ledger says “More than 120 paintings” \(at least 120 and under 130\)[^\n]*both cannot be true/, 'the conflict says why');
  assert.match(md, /## Sources across outlets/);
  assert.match(md, /\*\*Rhee Dong-hwan\*\*.*2 outlets, Bay Ledger, City Courier/);
  await page.close();
});

test('a script-laden paste and outlet name stay text', async () => {
  const mark = env.problems.consoleErrors.length;
  const { page } = await openCompare();
  const hostileName = '<img src=x onerror="window.__pwned=3">Ledger';
  const cmp = await setArticles(
    page,
    [
      { name: hostileName, text: HOSTILE },
      { name: 'Courier', text: `${HOSTILE}\n\nThe museum will stay closed until June.` },
    ],
    'insert',
  );
  const inert = async () => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a script in the input ran');
    const count = await page.evaluate(() => document.querySelectorAll('main img, main script, main b, main iframe').length);
    assert.equal(count, 0, 'markup from the input became elements');
  };
  await inert();
  assert.ok(cmp.claimGroups.length >= 1, 'the two copies of the sentence form a group');
  const header = await page.textContent('#compare-matrix thead');
  assert.ok(header.includes(hostileName), `the outlet name is not shown as text: ${header}`);
  const row = page.locator('#compare-matrix tbody tr[data-group]').first();
  assert.ok((await row.textContent()).includes('<b>museum</b>') || (await row.textContent()).includes('<script>'), await row.textContent());
  await row.locator('button.expander').click();
  const members = await page.textContent(`#${await row.locator('button.expander').getAttribute('aria-controls')}`);
  assert.ok(members.includes('<script>window.__pwned=1</script>'), members);
  await page.waitForTimeout(300);
  await inert();
  assert.deepEqual(env.problems.consoleErrors.slice(mark), [], formatProblems(env.problems));
  await page.close();
});

test('works at 320 px: no document scroll sideways; the matrix scrolls in its own region', async () => {
  const { page } = await openCompare({ viewport: { width: 320, height: 900 } });
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  assert.ok(widths.doc <= 320, `document scrollWidth ${widths.doc} > 320`);
  assert.ok(widths.body <= 320, `body scrollWidth ${widths.body} > 320`);
  const region = await page.$eval('#compare-matrix', (t) => {
    const r = t.closest('div[role="region"][tabindex="0"][aria-label]');
    return r && { label: r.getAttribute('aria-label'), scrolls: r.scrollWidth > r.clientWidth, width: r.getBoundingClientRect().right };
  });
  assert.ok(region, 'the matrix is not in a focusable, labelled region');
  assert.ok(region.width <= 320, `the region is ${region.width}px wide`);
  await page.screenshot({ path: path.join(shots, 'compare-320.png'), fullPage: true });
  // With a row open too.
  await page.locator('#compare-matrix button.expander').first().click();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
  await page.close();
});

test('screenshots in light, dark and high contrast', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await openCompare({ colorScheme, viewport: { width: 1280, height: 900 } });
    await page.screenshot({ path: path.join(shots, `compare-${colorScheme}.png`), fullPage: true });
    if (colorScheme === 'dark') {
      await page.click('#contrast');
      await page.screenshot({ path: path.join(shots, 'compare-high-contrast-dark.png'), fullPage: true });
      await page.click('#contrast');
    }
    await page.close();
  }
});

test('axe: no violations in light, dark, high contrast and print, with a row open', async () => {
  const { page } = await openCompare({ colorScheme: 'light' });
  await scan(page, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'dark');
  await page.click('#contrast');
  assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
  await scan(page, 'high contrast, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await scan(page, 'high contrast, light');
  await page.click('#contrast');
  await page.locator('#compare-matrix button.expander').first().click();
  await scan(page, 'row open, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'row open, dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await scan(page, 'print');
  await page.emulateMedia({ media: 'screen' });
  await setArticles(page, ARTICLES);
  await scan(page, 'pasted articles, dark');
  await page.close();
});

test('no console errors, page errors, CSP violations or requests off the server', async () => {
  // Runs last: it checks what every page above recorded.
  const { page } = await openCompare();
  assert.deepEqual(await cspViolations(page), []);
  const p = env.problems;
  assert.ok(p.requests.some((u) => u.endsWith('.wasm')), 'the wasm was never requested');
  assert.ok(p.requests.some((u) => u.includes('/samples/compare/')), 'the sample set was never requested');
  assert.deepEqual(p.foreignRequests, [], `requests left the server:\n${formatProblems(p)}`);
  for (const u of p.requests) {
    assert.ok(u.startsWith(env.url + '/') || u.startsWith('data:') || u.startsWith('blob:'), `request to ${u}`);
  }
  assert.deepEqual(p.pageErrors, [], `page errors:\n${formatProblems(p)}`);
  assert.deepEqual(p.consoleErrors, [], `console errors:\n${formatProblems(p)}`);
  await page.close();
});
