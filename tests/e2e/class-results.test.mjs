// Classroom, issue 17, end to end in Chromium against the real engine in www/pkg/:
// a teacher makes a 10-claim exercise from a 25-claim article (the 10 most check-worthy
// are ticked; the teacher swaps one); the link, the file and the printables hold only
// those 10. Three students answer it under different names (one leaves items blank, one
// marks a word the engine does not count); agreement counts only answered items. The
// teacher loads the three files and sees the class table, exports it as CSV; files from
// another exercise or another version of the article are refused, naming the file. The
// student's text reads as the article (no space before punctuation) and copies as the
// article's own words. axe: light, dark and high contrast.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scan, scanAllModes } from './axe.mjs';
import { setUp, parseCsv, ensureOutputDirs, formatProblems, WWW, OUTPUT, ANALYSIS_TIMEOUT } from './helpers.mjs';

const BAKERY = readFileSync(path.join(WWW, 'samples', 'anonymous.txt'), 'utf8');

let env;
let report; // the engine's report of BAKERY
let chosen; // the 10 chosen claims (report sentences), in article order
let link;
const files = {}; // student name -> { name (file name), text }

before(async () => {
  env = await setUp();
  ensureOutputDirs();
});

after(async () => {
  await env?.close();
});


async function downloadText(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click(selector)]);
  assert.equal(await dl.failure(), null);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

async function openTeacher() {
  const page = await env.newPage();
  await page.goto(`${env.url}/index.html#classroom`, { waitUntil: 'load' });
  await page.waitForSelector('#cl-start option[value="bakery"]', { state: 'attached', timeout: ANALYSIS_TIMEOUT });
  return page;
}

const kind = (s) => s.attributions?.[0]?.kind ?? 'none';
const claimSel = (s) => `#classroom-view .ex-claim[data-sentence="${s.index}"][data-doc="0"]`;

test('teacher: the 10 most check-worthy claims are ticked; the exercise holds only the ticked ones', async () => {
  const page = await openTeacher();
  await page.selectOption('#cl-start', 'bakery');
  await page.waitForFunction(() => /^Loaded/.test(document.querySelector('#cl-message').textContent));
  await page.waitForFunction(() => document.documentElement.dataset.claims === 'ready' && document.querySelectorAll('#cl-picks input[name="claim"]').length > 0, null, { timeout: ANALYSIS_TIMEOUT });
  report = await page.evaluate(async (t) => {
    const m = await import('/pkg/claimlens.js');
    await m.default();
    return m.analyze(t);
  }, BAKERY);
  const claims = report.sentences.filter((s) => s.kind === 'claim');
  assert.ok(claims.length > 15, `the article has ${claims.length} claims`);
  assert.equal(await page.locator('#cl-picks input[name="claim"]').count(), claims.length, 'every claim is offered');
  const ticked = await page.$$eval('#cl-picks input[name="claim"]:checked', (bs) => bs.map((b) => Number(b.value.split(':')[1])));
  const top = [...claims].sort((a, b) => b.checkworthiness - a.checkworthiness || a.index - b.index).slice(0, 10).map((s) => s.index);
  assert.deepEqual(ticked.sort((a, b) => a - b), [...top].sort((a, b) => a - b), 'the 10 most check-worthy are ticked');
  assert.match(await page.textContent('#cl-pick-count'), /^10 of \d+ claims ticked/);
  // Each claim shows the engine's answer.
  const first = claims[0];
  const label = await page.textContent(`label[for="cl-pick-0-${first.index}"]`);
  assert.ok(label.includes(first.text), label);
  assert.match(label, /The engine: source .* · hedges: .* · worth checking: \d+ of 100/);

  // The teacher swaps one: unticks the most check-worthy, ticks one that was not ticked (from the keyboard).
  const out = claims.find((s) => !top.includes(s.index));
  await page.uncheck(`#cl-pick-0-${top[0]}`);
  await page.focus(`#cl-pick-0-${out.index}`);
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked(`#cl-pick-0-${out.index}`), true);
  chosen = claims.filter((s) => s.index === out.index || (top.includes(s.index) && s.index !== top[0]));
  assert.equal(chosen.length, 10);

  // Untick all: Make refuses with a clear message; then tick the ten again.
  await page.click('#cl-pick-none');
  await page.click('#cl-make');
  await page.waitForFunction(() => document.documentElement.dataset.classroom === 'error');
  assert.match(await page.textContent('#cl-error'), /Tick at least one claim/);
  for (const s of chosen) await page.check(`#cl-pick-0-${s.index}`);
  await page.click('#cl-make');
  await page.waitForFunction(() => document.documentElement.dataset.classroom === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.match(await page.textContent('#cl-message'), new RegExp(`ready: 1 article, 10 claims\\. You chose 10 of the ${claims.length} claims`));
  link = await page.inputValue('#cl-link');

  // The file holds only those ten, and opens again with the same ticks.
  const file = await downloadText(page, '#cl-download');
  const ex = JSON.parse(file.text);
  assert.deepEqual(ex.claims.map((c) => c.sentence), chosen.map((s) => s.index));
  assert.ok(ex.claims.every((c) => c.doc === 0 && /^[0-9a-f]{8}$/.test(c.check)));
  // The printables too.
  assert.equal(await page.locator('#cl-worksheet .sheet-claims > li').count(), 10);
  assert.equal(await page.locator('#cl-key .key-claims > li').count(), 10);
  const key = await page.$$eval('#cl-key .key-claims > li', (lis) => lis.map((li) => Number(li.dataset.keySentence)));
  assert.deepEqual(key, chosen.map((s) => s.index));
  const sheet = await page.textContent('#cl-worksheet');
  assert.ok(!sheet.includes(`[11]`), 'the worksheet numbers more than 10 claims');

  const fresh = await openTeacher();
  await fresh.setInputFiles('#cl-file', { name: 'ex.json', mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await fresh.waitForFunction(() => /Opened the exercise file/.test(document.querySelector('#cl-message').textContent));
  await fresh.waitForFunction(() => document.documentElement.dataset.claims === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  const again = await fresh.$$eval('#cl-picks input[name="claim"]:checked', (bs) => bs.map((b) => Number(b.value.split(':')[1])));
  assert.deepEqual(again, chosen.map((s) => s.index));
  await fresh.close();

  await scanAllModes(page, 'teacher view with the claim list');
  await page.close();
});

/**
 * One student: a name, answers, Check, the JSON export. `plan(s, i)` gives
 * { attribution, status, hedges: 'engine' | 'none', extra } for the i-th chosen claim.
 */
async function student(name, plan, extraChecks) {
  const page = await env.newPage();
  await page.goto(link, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.locator('#classroom-view .ex-claim[data-sentence]').count(), 10, 'the student sees the 10 chosen claims');
  for (const s of chosen) assert.equal(await page.locator(claimSel(s)).count(), 1);
  await page.fill('#ex-name', name);
  for (const [i, s] of chosen.entries()) {
    const p = plan(s, i);
    if (p.attribution) await page.selectOption(`${claimSel(s)} select[name="attribution"]`, p.attribution);
    if (p.status) await page.selectOption(`${claimSel(s)} select[name="status"]`, p.status);
    if (p.hedges === 'engine') {
      for (const h of s.hedges) {
        const start = await page.$$eval(`${claimSel(s)} .ex-word`, (bs, [a, b]) => Number(bs.find((x) => Number(x.dataset.start) < b && a < Number(x.dataset.end)).dataset.start), [h.start, h.end]);
        if ((await page.getAttribute(`${claimSel(s)} .ex-word[data-start="${start}"]`, 'aria-pressed')) !== 'true') await page.click(`${claimSel(s)} .ex-word[data-start="${start}"]`);
      }
    }
    if (p.extra) await page.click(`${claimSel(s)} .ex-word >> nth=1`);
  }
  await page.click('#check');
  await page.waitForFunction(() => window.lastExerciseResult && !document.querySelector('#ex-result').hidden);
  const result = await page.evaluate(() => window.lastExerciseResult);
  if (extraChecks) await extraChecks(page, result);
  const file = await downloadText(page, '#ex-export-json');
  files[name] = file;
  // A reload keeps the name.
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.inputValue('#ex-name'), name);
  await page.close();
  return { result, file };
}

const hedgeCount = (list) => list.reduce((n, s) => n + s.hedges.length, 0);

test('three students answer under their names; agreement counts only what they answered', async () => {
  assert.ok(link, 'the teacher test made no link');
  const total = 20 + hedgeCount(chosen);

  // Ana answers everything as the engine does.
  const ana = await student('Ana Lima', (s) => ({ attribution: kind(s), status: s.status.label, hedges: 'engine' }), async (page, r) => {
    assert.deepEqual([r.answered, r.matched, r.open, r.total, r.extra], [total, total, 0, total, 0]);
    assert.match(await page.textContent('#ex-agreement'), new RegExp(`You answered ${total} of ${total}; you and the engine agree on ${total} of them \\(100%\\); Nothing is left open\\.`));
    await scanAllModes(page, 'student view after Check');
  });
  assert.equal(ana.file.name, `claimlens-results-${JSON.parse(ana.file.text).exercise.id}-ana-lima.json`);
  assert.equal(JSON.parse(ana.file.text).student.name, 'Ana Lima');

  // Ben answers the source kind of the first five claims only (the first one differently from
  // the engine, with a reason); the rest stays blank.
  const wrong = (k) => (k === 'vague' ? 'none' : 'vague');
  const ben = await student('Ben', (s, i) => (i < 5 ? { attribution: i === 0 ? wrong(kind(s)) : kind(s) } : {}), async (page, r) => {
    // The five answered source kinds, and the hedges of those five claims (not marked: they differ).
    const answered = 5 + hedgeCount(chosen.slice(0, 5));
    const matched = 4;
    assert.deepEqual([r.answered, r.matched, r.open, r.total], [answered, matched, total - answered, total]);
    const pct = Math.round((matched / answered) * 100);
    assert.equal(await page.textContent('#ex-agreement'), `You answered ${answered} of ${total}; you and the engine agree on ${matched} of them (${pct}%); ${total - answered} are still open.`);
    // Blank items say "open", not "differ"; none of them counts against Ben.
    const open = r.items.filter((i) => i.outcome === 'open');
    assert.equal(open.length, total - answered);
    assert.ok(open.every((i) => !i.match && (i.student == null || i.field === 'hedge')));
    assert.ok(open.some((i) => i.field === 'status' && i.claim === 1), 'a blank status is open');
    assert.equal(await page.locator('#classroom-view .ex-feedback li[data-outcome="open"]').count(), total - answered);
    assert.match(await page.textContent(`${claimSel(chosen[9])} .ex-feedback`), /○ Open.*not answered yet/);
    assert.doesNotMatch(await page.textContent(`${claimSel(chosen[9])} .ex-feedback`), /Differ/);
    // "I disagree", with a reason.
    await page.click(`${claimSel(chosen[0])} .ex-disagree`);
    await page.keyboard.type('The people familiar with the matter are the only source here.');
  });
  const benJson = JSON.parse(ben.file.text);
  assert.equal(ben.file.name, `claimlens-results-${benJson.exercise.id}-ben.json`);
  assert.ok(benJson.items.some((i) => i.claim === 1 && i.note === 'The people familiar with the matter are the only source here.'));

  // "C." answers everything as the engine does and also marks a word the engine does not count.
  const plain = chosen.find((s) => s.hedges.length === 0);
  assert.ok(plain, 'a chosen claim without hedges');
  const c = await student('C.', (s) => ({ attribution: kind(s), status: s.status.label, hedges: 'engine', extra: s === plain }), async (page, r) => {
    assert.deepEqual([r.answered, r.matched, r.open, r.extra], [total, total, 0, 1], 'the extra mark is not counted against the student');
    assert.equal(r.agreement, 1);
    assert.match(await page.textContent(`${claimSel(plain)} .ex-feedback`), /◇ You marked, the engine did not/);
    assert.doesNotMatch(await page.textContent(`${claimSel(plain)} .ex-feedback`), /Differ/);
    assert.match(await page.textContent('#ex-extra'), /a difference, not a mistake/);
  });
  assert.match(c.file.name, /^claimlens-results-[0-9a-f]{8}-c\.json$/);
});

test('the engine says where it is unsure, and only there', async () => {
  const page = await env.newPage();
  await page.goto(link, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  await page.click('#check');
  await page.waitForFunction(() => window.lastExerciseResult);
  // A fixed exercise with a pronoun source: "she said" after a named person.
  const text = 'Council leader Maria Okafor spoke on Monday.\n\nThe new lane will open in May, she said.\n\nThe lane will cost £2m, according to the council.';
  const out = await page.evaluate(async (t) => {
    const { checkExercise } = await import('/js/classroom/check.js');
    const m = await import('/pkg/claimlens.js');
    await m.default();
    const r = m.analyze(t);
    const ex = { title: 'x', tasks: ['attribution', 'status'], articles: [{ name: 'A', text: t }] };
    const res = checkExercise(ex, [r], null, {});
    return { sentences: r.sentences.map((s) => ({ index: s.index, kind: s.kind, source: s.attributions?.[0]?.source?.text ?? null })), items: res.items.map((i) => ({ sentence: i.sentence, field: i.field, unsure: i.unsure })) };
  }, text);
  const she = out.sentences.find((s) => s.source === 'she');
  const council = out.sentences.find((s) => s.source && s.source !== 'she');
  assert.ok(she && council, JSON.stringify(out.sentences));
  const sheItem = out.items.find((i) => i.sentence === she.index && i.field === 'attribution');
  assert.match(sheItem.unsure, /not sure.*only through the word “she”.*Maria Okafor/);
  const councilItem = out.items.find((i) => i.sentence === council.index && i.field === 'attribution');
  assert.equal(councilItem.unsure, null, 'a named source is not flagged');
  await page.close();
});

test('teacher: the class table from three files; other exercises and article versions are refused', async () => {
  assert.equal(Object.keys(files).length, 3, 'the student test made no files');
  const page = await openTeacher();
  const buf = (name) => ({ name: files[name].name, mimeType: 'application/json', buffer: Buffer.from(files[name].text) });
  await page.setInputFiles('#cl-class-files', [buf('Ana Lima'), buf('Ben'), buf('C.')]);
  await page.waitForFunction(() => !document.querySelector('#cl-class-out').hidden);
  assert.match(await page.textContent('#cl-class-status'), /3 files added\. 3 students/);
  assert.equal(await page.textContent('#cl-class-errors'), '');
  const students = await page.$$eval('#cl-class-students tbody th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(students, ['Ana Lima', 'Ben', 'C.']);
  const heads = await page.$$eval('#cl-class-table thead th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(heads, ['Item', 'The engine says', 'Ana Lima', 'Ben', 'C.', 'Matched the engine', 'Answers given']);
  const total = 20 + hedgeCount(chosen);
  assert.equal(await page.locator('#cl-class-table tbody tr').count(), total, 'one row per item asked');
  // Claim 1's source kind: Ana and C. match, Ben does not: "2 of 3"; the answers given are listed.
  const row1 = page.locator('#cl-class-table tbody tr').filter({ hasText: 'Claim 1: source kind' });
  const cells = await row1.locator('td').allTextContents();
  assert.equal(cells.at(-2), '2 of 3');
  assert.match(cells.at(-1), /×2/);
  assert.match(cells[2], /≠/, 'Ben differs on claim 1');
  // Claim 10's status: Ben left it open, so it is "2 of 2", and his cell says open.
  const row10 = page.locator('#cl-class-table tbody tr').filter({ hasText: 'Claim 10: status' });
  const cells10 = await row10.locator('td').allTextContents();
  assert.equal(cells10.at(-2), '2 of 2');
  assert.match(cells10[2], /open/);
  // Ben's reason, gathered under claim 1; C.'s extra mark, as a difference.
  const reasons = await page.textContent('#cl-class-reasons');
  assert.match(reasons, /Claim 1: .*Ben disagrees: The people familiar with the matter are the only source here\./s);
  assert.match(reasons, /Marked as a hedge, the engine did not: “.+” \(C\.\)/);
  // The class's agreement: answered items only.
  const ben = JSON.parse(files.Ben.text);
  const matched = total + ben.matched + total;
  const answered = total + ben.answered + total;
  assert.match(await page.textContent('#cl-class-agreement'), new RegExp(`agrees with the engine on ${matched} of ${answered} \\(${Math.round((matched / answered) * 100)}%\\); ${ben.open} answers are still open`));

  // Refused: another exercise, and the same exercise made from another version of the article.
  const other = JSON.parse(files['Ana Lima'].text);
  other.exercise.id = '0badc0de';
  other.exercise.title = 'A food bank runs short';
  const version = JSON.parse(files['Ana Lima'].text);
  version.exercise.id = '12345678';
  version.exercise.articleChecks = ['abcdef01'];
  await page.setInputFiles('#cl-class-files', [
    { name: 'food-bank-results.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) },
    { name: 'old-article.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(version)) },
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#cl-class-errors li').length === 3);
  const errors = await page.$$eval('#cl-class-errors li', (lis) => lis.map((li) => li.textContent));
  assert.match(errors[0], /^“food-bank-results\.json” is from another exercise \(“A food bank runs short”\), not “A bakery may close \(anonymous sources\)”/);
  assert.match(errors[1], /^“old-article\.json” was made with another version of the article/);
  assert.match(errors[2], /^“notes\.json” is not a claimlens results file/);
  assert.equal(await page.getAttribute('#cl-class-errors', 'role'), 'alert');
  assert.equal(await page.locator('#cl-class-students tbody tr').count(), 3, 'a refused file joined the class');
  // Dropping a file that is already loaded says so.
  const dataTransfer = await page.evaluateHandle(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    return dt;
  }, [files.Ben.name, files.Ben.text]);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#cl-class', type, { dataTransfer });
  await page.waitForFunction(() => /already loaded/.test(document.querySelector('#cl-class-errors').textContent));
  assert.equal(await page.locator('#cl-class-students tbody tr').count(), 3);

  // The class table as CSV: one column per student, one row per item, then the agreement.
  const csv = await downloadText(page, '#cl-class-csv');
  assert.match(csv.name, /^claimlens-class-.+\.csv$/);
  const rows = parseCsv(csv.text).filter((r) => r.length > 1);
  assert.deepEqual(rows[0].slice(0, 8), ['article', 'claim', 'field', 'text', 'engine', 'Ana Lima', 'Ben', 'C.']);
  assert.equal(rows.length, 1 + total + 2);
  const c1 = rows.find((r) => r[1] === '1' && r[2] === 'source kind');
  assert.match(c1[6], /\(differs\)$/);
  assert.match(c1.at(-1), /^Ben: The people familiar/);
  assert.equal(rows.at(-2)[2], 'agreement (answered items only)');
  assert.match(rows.at(-2)[5], new RegExp(`^${total} of ${total} \\(100%\\)$`));

  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'class-results.png'), fullPage: true });
  await scanAllModes(page, 'class results');
  await page.close();
});

test('the student text reads as the article and copies as the article’s own words', async () => {
  const page = await env.newPage();
  await page.goto(link, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  for (const s of chosen) {
    assert.equal(await page.textContent(`${claimSel(s)} .ex-words`), s.text, 'the words and what lies between them are the sentence');
  }
  // Words are inline: a full stop or comma sits right after its word, with no gap.
  const gaps = await page.$$eval('#classroom-view .ex-word', (ws) => ws.flatMap((w) => {
    const next = w.nextSibling;
    if (!next || !/^[.,;:]/.test(next.textContent)) return [];
    const range = document.createRange();
    const node = next.nodeType === 3 ? next : next.firstChild;
    range.setStart(node, 0);
    range.setEnd(node, 1);
    const wr = document.createRange();
    wr.selectNodeContents(w.firstChild);
    const a = wr.getBoundingClientRect(); // the word's glyphs (the button's own box is taller)
    const b = range.getBoundingClientRect();
    return [Math.abs(a.bottom - b.bottom) < 2 ? b.left - a.right : 999]; // 999: the punctuation wrapped to another line
  }));
  assert.ok(gaps.length > 3, 'no word followed by punctuation');
  assert.ok(gaps.every((g) => g < 1), `space before punctuation: ${gaps.join(', ')}`);
  assert.equal(await page.$eval('#classroom-view .ex-word', (w) => w.tagName), 'BUTTON', 'the words stay buttons (README hook button.ex-word)');
  // At 320 px wide the text wraps at its spaces, never between a word and its punctuation.
  await page.setViewportSize({ width: 320, height: 640 });
  const wrapped = await page.$$eval('#classroom-view .ex-word', (ws) => ws.filter((w) => w.nextSibling && /^[.,;:]/.test(w.nextSibling.textContent)).filter((w) => {
    const a = document.createRange();
    a.selectNodeContents(w.firstChild);
    const b = document.createRange();
    b.selectNodeContents(w.nextSibling);
    return Math.abs(a.getBoundingClientRect().bottom - b.getBoundingClientRect().bottom) > 2;
  }).length);
  assert.equal(wrapped, 0, 'punctuation wrapped away from its word');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'horizontal scroll at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  // Copy from the middle of claim 1 to the middle of the next sentence: the article's own text.
  const first = chosen[0];
  const after = report.sentences[first.index + 1];
  const copied = await page.evaluate(([sel, nextStart]) => {
    const words = document.querySelectorAll(`${sel} .ex-word`);
    const range = document.createRange();
    range.setStart(words[1].firstChild, 1);
    const target = document.querySelector(`#classroom-view [data-o="${nextStart}"]`);
    const node = target.firstChild;
    const endOffset = Math.min(5, node.length);
    range.setEnd(node, endOffset);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const dt = new DataTransfer();
    const ev = new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true });
    words[1].dispatchEvent(ev);
    return { text: dt.getData('text/plain'), prevented: ev.defaultPrevented, start: Number(words[1].dataset.start), end: nextStart + endOffset };
  }, [claimSel(first), after.start]);
  assert.equal(copied.prevented, true);
  assert.equal(copied.text, BAKERY.slice(copied.start + 1, copied.end));
  assert.ok(copied.text.includes('\n'), 'the article’s own line break between the sentences');
  assert.doesNotMatch(copied.text, /Claim \d|Choose…|Who backs/);
  await page.close();
});

test('no console errors, page errors or requests off the server', () => {
  const p = env.problems;
  writeFileSync(path.join(OUTPUT, 'class-results-problems.json'), formatProblems(p));
  assert.deepEqual(p.foreignRequests, [], formatProblems(p));
  assert.deepEqual(p.pageErrors, [], formatProblems(p));
  assert.deepEqual(p.consoleErrors, [], formatProblems(p));
});
