// Classroom mode (issue 5) end to end in Chromium, against the real engine in www/pkg/:
// a teacher makes an exercise (link, file, printables), a student opens the link, answers
// by mouse and keyboard, checks and disagrees; a reload restores the progress; storage
// that is unavailable is said and the page still works; printing gives the worksheet and
// the answer key (also as real PDFs in test-output/); corrupted links show their error;
// the comparison exercise is checked against compare(); axe finds no violations; no
// console errors and no request off the server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { setUp, parseCsv, ensureOutputDirs, formatProblems, WWW, OUTPUT, ANALYSIS_TIMEOUT } from './helpers.mjs';

const BIKE = readFileSync(path.join(WWW, 'exercises', 'bike-lane.txt'), 'utf8');

let env;
let link; // the exercise link the teacher made
let answered; // what the student answered: { agreement, notedKey, note, marked }

before(async () => {
  env = await setUp();
  ensureOutputDirs();
});

after(async () => {
  await env?.close();
});

// ---- helpers -----------------------------------------------------------------------

function describe(violations) {
  return violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    - ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240)}`).join('\n')}`)
    .join('\n');
}

async function scan(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  assert.equal(result.violations.length, 0, `axe violations (${label}):\n${describe(result.violations)}`);
}

/** The engine's report for `text`, computed in the page by the same wasm. */
const engineReport = (page, text) =>
  page.evaluate(async (t) => {
    const m = await import('/pkg/claimlens.js');
    await m.default();
    return m.analyze(t);
  }, text);

async function openTeacher(contextOptions) {
  const page = await env.newPage(contextOptions);
  await page.goto(`${env.url}/index.html#classroom`, { waitUntil: 'load' });
  await page.waitForSelector('#cl-start option[value="bike-lane"]', { state: 'attached', timeout: ANALYSIS_TIMEOUT });
  return page;
}

async function makeFrom(page, id) {
  await page.selectOption('#cl-start', id);
  await page.waitForFunction(() => /^Loaded/.test(document.querySelector('#cl-message').textContent));
  await page.click('#cl-make');
  await page.waitForFunction(() => document.documentElement.dataset.classroom === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
}

async function openStudent(url, contextOptions) {
  const page = await env.newPage(contextOptions);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.exercise), null, { timeout: ANALYSIS_TIMEOUT });
  return page;
}

async function downloadText(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click(selector)]);
  assert.equal(await dl.failure(), null);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

const claimSel = (s) => `#classroom-view [data-sentence="${s}"][data-doc="0"]`;

// ---- teacher -------------------------------------------------------------------------

test('teacher: the view opens at #classroom, makes a link, a file and both printables', async () => {
  const page = await openTeacher();
  // The checker's own sections are hidden; the header nav links here.
  assert.equal(await page.isVisible('#input'), false);
  assert.equal(await page.isVisible('#summary'), false);
  assert.equal(await page.getAttribute('.site-nav a[href="index.html#classroom"]', 'href'), 'index.html#classroom');
  // Five ready-made exercises at two levels.
  const options = await page.$$eval('#cl-start option', (els) => els.map((o) => o.textContent));
  assert.ok(options.filter((o) => /\(Starter\)/.test(o)).length >= 2 && options.filter((o) => /\(Advanced\)/.test(o)).length >= 1, options.join(' | '));

  // Nothing to make yet: a clear message.
  await page.click('#cl-make');
  await page.waitForFunction(() => document.documentElement.dataset.classroom === 'error');
  assert.match(await page.textContent('#cl-error'), /Paste an article first/);

  await makeFrom(page, 'bike-lane');
  assert.equal(await page.inputValue('textarea[name="article-text"]'), BIKE);
  await page.uncheck('#cl-hide');
  await page.click('#cl-make');
  await page.waitForFunction(() => document.documentElement.dataset.classroom === 'ready' && !document.querySelector('#cl-output').hidden);
  link = await page.inputValue('#cl-link');
  assert.match(link, new RegExp(`^${env.url}/index\\.html#exercise=c1\\.\\d+\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]+$`));
  assert.match(await page.textContent('#cl-message'), /ready: 1 article, \d+ claims/);

  // The exercise file: the same exercise, loadable again.
  const file = await downloadText(page, '#cl-download');
  assert.equal(file.name, 'claimlens-exercise-a-new-bike-lane.json');
  const ex = JSON.parse(file.text);
  assert.equal(ex.format, 'claimlens-exercise');
  assert.equal(ex.articles[0].text, BIKE);
  assert.deepEqual(ex.tasks, ['attribution', 'hedge', 'status']);
  assert.equal(ex.hideAnswers, false);

  const fresh = await openTeacher();
  await fresh.setInputFiles('#cl-file', { name: 'ex.json', mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await fresh.waitForFunction(() => /Opened the exercise file/.test(document.querySelector('#cl-message').textContent));
  assert.equal(await fresh.inputValue('#cl-title'), 'A new bike lane');
  assert.equal(await fresh.inputValue('textarea[name="article-text"]'), BIKE);
  assert.equal(await fresh.isChecked('#cl-hide'), false);
  // … and by dropping it; a broken file says why and keeps the form.
  await fresh.fill('#cl-title', 'changed');
  const drop = async (name, text) => {
    const dataTransfer = await fresh.evaluateHandle(([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/json' }));
      return dt;
    }, [name, text]);
    for (const type of ['dragenter', 'dragover', 'drop']) await fresh.dispatchEvent('.cl-teacher', type, { dataTransfer });
  };
  await drop('broken.json', '{"format": "claimlens-exercise", "articles": [');
  await fresh.waitForFunction(() => /broken\.json/.test(document.querySelector('#cl-error').textContent));
  assert.match(await fresh.textContent('#cl-error'), /“broken\.json” is not an exercise file: it is not valid JSON/);
  assert.equal(await fresh.inputValue('#cl-title'), 'changed', 'a bad file changed the form');
  await drop('again.json', file.text);
  await fresh.waitForFunction(() => document.querySelector('#cl-title').value === 'A new bike lane');
  await fresh.close();

  await scan(page, 'teacher view, exercise made');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'teacher view, dark');
  await page.close();
});

test('printing: the worksheet and the answer key, separately, on screen hidden, as PDFs', async () => {
  const page = await openTeacher();
  await makeFrom(page, 'bike-lane');
  const report = await engineReport(page, BIKE);
  const claims = report.sentences.filter((s) => s.kind === 'claim');
  const visible = (sel) => page.isVisible(sel);
  // On screen neither sheet shows.
  assert.equal(await visible('#cl-worksheet'), false);
  assert.equal(await visible('#cl-key'), false);

  // The buttons call window.print(). Headless Chromium (156 and later) starts a print job
  // for it that never ends, and Page.printToPDF then fails with "Page is already being
  // printed". So the test records the call (and which sheet was set when it came) instead
  // of starting the browser's own print job, and makes the PDFs with page.pdf, which runs
  // the real print layout: the same print stylesheet, independent of the browser's
  // print pipeline and its timing.
  await page.evaluate(() => {
    window.__printCalls = [];
    window.print = () => window.__printCalls.push(document.documentElement.dataset.print);
  });
  for (const which of ['worksheet', 'key']) {
    await page.emulateMedia({ media: 'screen' });
    await page.click(`#cl-print-${which}`);
    assert.equal(await page.getAttribute('html', 'data-print'), which);
    assert.deepEqual(await page.evaluate(() => window.__printCalls.splice(0)), [which], `the ${which} button prints once, with the ${which} chosen`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await visible(which === 'worksheet' ? '#cl-worksheet' : '#cl-key'), true, `${which} hidden in print`);
    assert.equal(await visible(which === 'worksheet' ? '#cl-key' : '#cl-worksheet'), false, `the other sheet prints with the ${which}`);
    assert.equal(await visible('.cl-teacher'), false, 'the form prints');
    assert.equal(await visible('header.site'), false, 'the header prints');
    const pdf = await page.pdf({ path: path.join(OUTPUT, `classroom-${which}.pdf`), format: 'A4' });
    assert.ok(pdf.length > 2000, `${which} PDF is ${pdf.length} bytes`);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  }
  // The worksheet has a numbered answer slot per claim and none of the engine's answers;
  // the key has the engine's status and its reason for each claim.
  const sheet = await page.textContent('#cl-worksheet');
  assert.equal(await page.locator('#cl-worksheet .sheet-claims > li').count(), claims.length);
  for (const s of claims) assert.ok(!sheet.includes(s.status.why), `the worksheet gives away: ${s.status.why}`);
  assert.match(sheet, /Who is behind the information\?/);
  assert.equal(await page.locator('#cl-key .key-claims > li').count(), claims.length);
  const key = await page.textContent('#cl-key');
  for (const s of claims) assert.ok(key.includes(s.status.why), `the key lacks: ${s.status.why}`);
  assert.match(key, /can be wrong/);
  await scan(page, 'printed answer key');
  await page.close();
});

// ---- student -------------------------------------------------------------------------

test('student: opens the link, answers by mouse and keyboard, checks, disagrees, exports', async () => {
  assert.ok(link, 'the teacher test made no link');
  const page = await openStudent(link);
  assert.equal(await page.getAttribute('html', 'data-exercise'), 'ready');
  const report = await engineReport(page, BIKE);
  const claims = report.sentences.filter((s) => s.kind === 'claim');
  assert.equal(await page.locator('#classroom-view .ex-claim[data-sentence]').count(), claims.length);
  await scan(page, 'student view');

  // The menus carry the report's labels as values, in words for people.
  const values = await page.$$eval(`${claimSel(claims[0].index)} select[name="attribution"] option`, (os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(values.map(([v]) => v), ['', 'namedPerson', 'namedOrganization', 'unnamedOfficial', 'vague', 'none']);
  assert.equal(values[1][1], 'Named person');
  assert.deepEqual(await page.$$eval(`${claimSel(claims[0].index)} select[name="status"] option`, (os) => os.map((o) => o.value)), ['', 'denied', 'confirmed', 'unconfirmed', 'speculative', 'claimed', 'asserted']);

  // Answers: every source kind right but claim A's; every status right but claim B's (left
  // blank); every engine hedge marked but claim C's only hedge; one extra mark in claim D.
  const kind = (s) => (s.attributions.length ? s.attributions[0].kind : 'none');
  const A = claims[0];
  const B = claims[1];
  const C = claims.find((s) => s.hedges.length === 1 && s !== A && s !== B);
  const D = claims.find((s) => s.hedges.length === 0 && s !== A && s !== B && s !== C);
  assert.ok(C && D, 'the article needs a claim with one hedge and one with none');
  for (const s of claims) {
    await page.selectOption(`${claimSel(s.index)} select[name="attribution"]`, s === A ? (kind(s) === 'vague' ? 'none' : 'vague') : kind(s));
    if (s !== B) await page.selectOption(`${claimSel(s.index)} select[name="status"]`, s.status.label);
  }
  const wordAt = (s, start) => `${claimSel(s.index)} .ex-word[data-start="${start}"]`;
  let marked = 0;
  let keyboardDone = false;
  for (const s of claims) {
    if (s === C) continue;
    for (const h of s.hedges) {
      const first = await page.$$eval(`${claimSel(s.index)} .ex-word`, (bs, [a, b]) => {
        const hit = bs.find((x) => Number(x.dataset.start) < b && a < Number(x.dataset.end));
        return hit ? Number(hit.dataset.start) : null;
      }, [h.start, h.end]);
      assert.notEqual(first, null, `no word button for hedge ${h.text}`);
      if (await page.getAttribute(wordAt(s, first), 'aria-pressed') === 'true') continue;
      if (!keyboardDone) {
        // From the keyboard: Tab lands on the claim's first word; arrows move; Space marks.
        const starts = await page.$$eval(`${claimSel(s.index)} .ex-word`, (bs) => bs.map((x) => Number(x.dataset.start)));
        await page.focus(`${claimSel(s.index)} .ex-word[tabindex="0"]`);
        for (let i = 0; i < starts.indexOf(first); i++) await page.keyboard.press('ArrowRight');
        assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.start)), first);
        await page.keyboard.press('Space');
        keyboardDone = true;
      } else {
        await page.click(wordAt(s, first));
      }
      assert.equal(await page.getAttribute(wordAt(s, first), 'aria-pressed'), 'true');
      assert.equal(await page.getAttribute(wordAt(s, first), 'data-student-hedge'), '');
      marked++;
    }
  }
  assert.ok(keyboardDone, 'no hedge was marked from the keyboard');
  const extraStart = await page.$eval(`${claimSel(D.index)} .ex-word`, (b) => Number(b.dataset.start));
  await page.click(wordAt(D, extraStart));
  // A click toggles: twice unmarks, a third time marks again.
  await page.click(wordAt(D, extraStart));
  assert.equal(await page.getAttribute(wordAt(D, extraStart), 'data-student-hedge'), null);
  await page.click(wordAt(D, extraStart));
  assert.equal(await page.locator('#classroom-view [data-student-hedge]').count(), marked + 1);

  // The engine's answers are hidden until asked (the teacher allowed showing them).
  assert.equal(await page.isVisible(`${claimSel(A.index)} .ex-hint`), false);
  await page.click('#ex-show');
  assert.equal(await page.isVisible(`${claimSel(A.index)} .ex-hint`), true);
  await page.click('#ex-show');

  // Check from the keyboard.
  await page.focus('#check');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.lastExerciseResult && !document.querySelector('#ex-result').hidden);
  const result = await page.evaluate(() => window.lastExerciseResult);
  const hedges = claims.reduce((n, s) => n + s.hedges.length, 0);
  // Issue 17: fair agreement. B's blank status is open (not a disagreement); D's extra mark
  // is a difference, not an error; neither counts in the agreement.
  const total = 2 * claims.length + hedges;
  assert.equal(result.total, total);
  assert.equal(result.items.length, total + 1);
  assert.equal(result.answered, total - 1);
  assert.equal(result.open, 1);
  assert.equal(result.extra, 1);
  assert.equal(result.matched, total - 3, JSON.stringify(result.items.filter((i) => !i.match), null, 1));
  assert.equal(result.agreement, (total - 3) / (total - 1));
  assert.deepEqual(result.items.filter((i) => !i.match).map((i) => i.outcome).sort(), ['differ', 'differ', 'extra', 'open']);
  const miss = result.items.filter((i) => !i.match).map((i) => [i.sentence, i.field, i.student === null ? null : 'answered']);
  assert.deepEqual(miss.sort(), [
    [A.index, 'attribution', 'answered'],
    [B.index, 'status', null],
    [C.index, 'hedge', null],
    [D.index, 'hedge', 'answered'],
  ].sort());
  const bStatus = result.items.find((i) => i.sentence === B.index && i.field === 'status');
  assert.equal(bStatus.engine, B.status.label);
  assert.equal(bStatus.why, B.status.why);
  assert.deepEqual(bStatus.reasons, B.reasons);
  // On the page: the score, the note that the engine can be wrong, a ✗ per mismatch.
  assert.equal(await page.textContent('#ex-agreement'), `You answered ${total - 1} of ${total}; you and the engine agree on ${total - 3} of them (${Math.round(((total - 3) / (total - 1)) * 100)}%); 1 is still open.`);
  assert.match(await page.textContent('#ex-result'), /The engine can be wrong/);
  assert.equal(await page.locator('#classroom-view .ex-feedback li[data-match="false"]').count(), 4);
  assert.match(await page.textContent(`${claimSel(A.index)} .ex-feedback`), /≠ Differ.*Source kind: you said/);

  // "I disagree" with a reason: kept in the result and in both exports.
  const note = 'The department is a named organisation, not an official.';
  await page.click(`${claimSel(A.index)} .ex-disagree`);
  await page.keyboard.type(note); // focus moved to the reason box
  const withNote = await page.evaluate(() => window.lastExerciseResult.items.filter((i) => i.note));
  assert.ok(withNote.length >= 2 && withNote.every((i) => i.sentence === A.index && i.note === note), JSON.stringify(withNote));
  const json = JSON.parse((await downloadText(page, '#ex-export-json')).text);
  assert.equal(json.agreement, result.agreement);
  assert.equal(json.items.length, total + 1);
  assert.ok(json.items.some((i) => i.note === note && i.field === 'attribution'));
  const csv = await downloadText(page, '#ex-export-csv');
  assert.match(csv.name, /^claimlens-results-[0-9a-f]{8}\.csv$/);
  const rows = parseCsv(csv.text).filter((r) => r.length > 1);
  assert.equal(rows.length, total + 2);
  assert.deepEqual(rows[0], ['student', 'article', 'claim', 'sentence', 'field', 'text', 'student_answer', 'engine', 'outcome', 'engine_unsure', 'disagree_reason', 'engine_why']);
  assert.ok(rows.some((r) => r[10] === note && r[4] === 'attribution' && r[8] === 'differ'));

  await scan(page, 'student view after Check');
  await page.emulateMedia({ colorScheme: 'dark' });
  await scan(page, 'student view after Check, dark');
  answered = { agreement: result.agreement, total, marked: marked + 1, note, A, B };

  // ---- a reload restores progress ----
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready' && window.lastExerciseResult, null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.locator('#classroom-view [data-student-hedge]').count(), answered.marked);
  assert.equal(await page.inputValue(`${claimSel(A.index)} select[name="attribution"]`), kind(A) === 'vague' ? 'none' : 'vague');
  assert.equal(await page.inputValue(`${claimSel(B.index)} select[name="status"]`), '');
  assert.equal(await page.inputValue(`${claimSel(A.index)} textarea[name="disagree-reason"]`), note);
  const again = await page.evaluate(() => window.lastExerciseResult);
  assert.equal(again.agreement, answered.agreement);
  assert.ok(again.items.some((i) => i.note === note));
  assert.equal(await page.isVisible('#ex-result'), true);
  assert.equal(await page.textContent('#ex-storage'), '', 'storage worked, so no warning');
  await page.close();
});

test('storage unavailable: the page says so, and still works', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await page.goto(link, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.match(await page.textContent('#ex-storage'), /does not let the page store anything.*Export your results/);
  assert.equal(await page.isVisible('#ex-storage'), true);
  const first = await page.getAttribute('#classroom-view .ex-claim[data-sentence] select[name="status"] option:nth-child(2)', 'value');
  await page.selectOption('#classroom-view .ex-claim[data-sentence] select[name="status"] >> nth=0', first);
  // The menus work from the keyboard too.
  const menu = '#classroom-view .ex-claim[data-sentence] select[name="attribution"] >> nth=0';
  await page.focus(menu);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(menu), 'namedPerson');
  // A 320 px screen: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'horizontal scroll at 320 px');
  // Selecting several words with the mouse marks them all.
  const group = '#classroom-view .ex-claim[data-sentence] .ex-words >> nth=0';
  await page.locator(group).evaluate((g) => {
    const words = g.querySelectorAll('.ex-word');
    const range = document.createRange();
    range.setStart(words[0].firstChild, 1);
    range.setEnd(words[2].firstChild, 1);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    g.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  assert.deepEqual(await page.locator(group).evaluate((g) => [...g.querySelectorAll('.ex-word')].slice(0, 4).map((b) => b.hasAttribute('data-student-hedge'))), [true, true, true, false]);
  await page.click('#check');
  await page.waitForFunction(() => window.lastExerciseResult?.total > 0);
  const r = await page.evaluate(() => window.lastExerciseResult);
  assert.ok(r.items.some((i) => i.field === 'hedge' && i.student && i.student.split(' ').length >= 3), 'three selected words make one mark');
  assert.match(await page.textContent('#ex-storage'), /does not let the page store anything/);
  await page.close();
});

test('corrupted and truncated links show their own error, and the file still opens', async () => {
  const payload = link.split('#exercise=')[1];
  const [v, bytes, crc, data] = payload.split('.');
  const base = link.split('#')[0];
  const cases = [
    [`${v}.${bytes}.${crc}.${data.slice(0, Math.floor(data.length * 0.6))}`, /cut short: it holds \d+ of its \d+ characters/],
    [`${v}.${bytes}.${crc}.${data.slice(0, 20)}${data[20] === 'x' ? 'y' : 'x'}${data.slice(21)}`, /damaged: its checksum does not match/],
    [`${v}.${bytes}`, /cut short: its header is incomplete/],
    ['', /no exercise in it/],
    ['c7.12.00000000.AAAA', /newer version of claimlens \(format c7\)/],
    ['hello-world', /not a claimlens exercise link/],
  ];
  const page = await openStudent(`${base}#exercise=${cases[0][0]}`);
  for (const [i, [p, pattern]] of cases.entries()) {
    if (i > 0) {
      await page.evaluate((h) => {
        document.documentElement.dataset.exercise = 'pending';
        location.hash = h;
      }, `exercise=${p}`);
      await page.waitForFunction(() => document.documentElement.dataset.exercise === 'error', null, { timeout: ANALYSIS_TIMEOUT });
    }
    assert.equal(await page.getAttribute('html', 'data-exercise'), 'error');
    assert.match(await page.textContent('#ex-error'), pattern, `payload ${p.slice(0, 30)}`);
    assert.equal(await page.locator('#classroom-view .ex-claim').count(), 0);
    assert.equal(await page.getAttribute('#ex-error', 'role'), 'alert');
  }
  await scan(page, 'broken link');
  // The exercise file opens the exercise from the error page.
  const file = JSON.parse(readFileSync(path.join(WWW, 'exercises', 'index.json'), 'utf8'))[1];
  const text = readFileSync(path.join(WWW, 'exercises', file.articles[0].file), 'utf8');
  // Hostile text in the file stays text.
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ';
  const ex = { format: 'claimlens-exercise', version: 1, title: `${file.title}<b>!</b>`, tasks: ['status'], articles: [{ name: '<i>Gazette</i>', text: hostile + text }] };
  await page.setInputFiles('#ex-file', { name: 'food.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ex)) });
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(await page.textContent('#classroom-view h2'), `${file.title}<b>!</b>`);
  assert.equal(await page.locator('#classroom-view img, #classroom-view script, #classroom-view b, #classroom-view i').count(), 0);
  assert.ok((await page.textContent('#classroom-view')).includes('<img src=x onerror='));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#classroom-view select[name="attribution"]').count(), 0, 'only the status task was chosen');
  assert.ok((await page.locator('#classroom-view select[name="status"]').count()) > 0);
  await page.close();
});

test('comparison exercise: who names their sources and whose numbers disagree, checked with compare()', async () => {
  const page = await openTeacher();
  await makeFrom(page, 'levee');
  assert.equal(await page.locator('textarea[name="article-text"]').count(), 3);
  const exLink = await page.inputValue('#cl-link');
  await page.click('#cl-open'); // the same tab: the hash changes to the student view
  await page.waitForFunction(() => document.documentElement.dataset.exercise === 'ready', null, { timeout: ANALYSIS_TIMEOUT });
  assert.equal(page.url(), exLink);
  assert.equal(await page.locator('#ex-show').count(), 0, 'the engine’s answers are hidden until Check');
  assert.equal(await page.locator('#classroom-view .ex-hint:visible').count(), 0);
  const comparison = await page.evaluate(async () => {
    const m = await import('/pkg/claimlens.js');
    await m.default();
    const names = ['Oster Valley Herald', 'Calvera Newswire', 'The Daily Flare'];
    const files = ['herald.txt', 'newswire.txt', 'flare.txt'];
    const docs = await Promise.all(files.map(async (f, i) => ({ name: names[i], text: await (await fetch(`/samples/compare/${f}`)).text() })));
    return m.compare(docs);
  });
  const shares = comparison.documents.map((d) => d.report.summary.namedSourceShare);
  const best = shares.indexOf(Math.max(...shares));
  const worst = shares.indexOf(Math.min(...shares));
  assert.notEqual(best, worst);
  const numbered = comparison.claimGroups.filter((g) => new Set(g.numbers.map((n) => n.doc)).size >= 2);
  assert.ok(numbered.some((g) => g.conflict), 'the sample set has a conflicting figure');
  assert.equal(await page.locator('#classroom-view select[name="numbers"]').count(), numbered.length);
  // Claims of all three outlets are in the view.
  for (let d = 0; d < 3; d++) assert.ok((await page.locator(`#classroom-view .ex-claim[data-doc="${d}"][data-sentence]`).count()) > 0);

  await page.selectOption('#ex-cmp-sources', String(worst)); // wrong on purpose
  for (const g of numbered) await page.selectOption(`#ex-cmp-g${g.id}`, g.conflict ? 'disagree' : 'agree');
  await page.click('#check');
  await page.waitForFunction(() => window.lastExerciseResult);
  const result = await page.evaluate(() => window.lastExerciseResult);
  const src = result.items.find((i) => i.field === 'namedSources');
  assert.equal(src.match, false);
  assert.equal(src.student, comparison.documents[worst].name);
  assert.ok(src.engine.includes(comparison.documents[best].name));
  assert.equal(src.reasons.length, 3);
  const nums = result.items.filter((i) => i.field === 'numbers');
  assert.equal(nums.length, numbered.length);
  assert.ok(nums.every((i) => i.match));
  assert.ok(nums.some((i) => i.engine === 'disagree'));
  await scan(page, 'comparison after Check');
  await page.close();
});

test('no console errors, page errors or requests off the server', () => {
  const p = env.problems;
  writeFileSync(path.join(OUTPUT, 'classroom-problems.json'), formatProblems(p));
  assert.deepEqual(p.foreignRequests, [], formatProblems(p));
  assert.deepEqual(p.pageErrors, [], formatProblems(p));
  assert.deepEqual(p.consoleErrors, [], formatProblems(p));
});
