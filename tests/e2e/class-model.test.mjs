// Issue 17's classroom logic in Node, on hand-built reports: the teacher's chosen claims
// in the exercise (codec.js claims, check.js claimsOf / defaultPicks), where the engine is
// unsure (check.js engineDoubts), and a class's result files read back (class.js):
// accepted from one exercise, refused from another exercise or another article version,
// the table's counts and the CSV.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExercise, exerciseId, textCheck } from '../../www/js/classroom/codec.js';
import { checkExercise, claimsOf, defaultPicks, allClaimsOf, engineDoubts, missingClaims } from '../../www/js/classroom/check.js';
import { resultsJSON, resultsFileName, nameSlug } from '../../www/js/classroom/results.js';
import { ClassResults, ClassFileError } from '../../www/js/classroom/class.js';
import { parseCsv } from './helpers.mjs';

const claim = (index, text, cw, extra = {}) => ({
  index, paragraph: index, start: index * 100, end: index * 100 + text.length, text, kind: 'claim', checkworthiness: cw,
  attributions: [], hedges: [], status: { label: 'asserted', cues: [], why: 'Stated by the writer.' }, reasons: [], ...extra,
});
const reportOf = (cws, prefix) => ({ sentences: cws.map((cw, i) => claim(i, `${prefix} claim ${i}.`, cw)), sources: [] });

test('chosen claims: kept in the exercise, found again by their text, absent means all', () => {
  const articles = [{ name: 'A', text: 'x' }, { name: 'B', text: 'y' }];
  const plain = validateExercise({ title: 't', articles });
  assert.equal('claims' in plain, false, 'no choice: no claims field, so older exercises keep their id');
  assert.equal(exerciseId(plain), exerciseId({ title: 't', articles }));
  assert.throws(() => validateExercise({ title: 't', articles, claims: [{ doc: 2, sentence: 0, check: '00000000' }] }), /chosen claim 1/);
  assert.throws(() => validateExercise({ title: 't', articles, claims: [{ doc: 0, sentence: 0, check: 'nothex!!' }] }), /chosen claim 1/);
  assert.throws(() => validateExercise({ title: 't', articles, claims: 'all' }), /chosen claims/);

  const reports = [reportOf([0.1, 0.9, 0.5, 0.8], 'A'), reportOf([0.95, 0.2], 'B')];
  const all = allClaimsOf(plain, reports);
  assert.equal(claimsOf(plain, reports).length, 6);
  // Renumbered sentences: the check of the text finds the claim.
  const ex = validateExercise({ title: 't', articles, claims: [{ doc: 0, sentence: 99, check: textCheck('A claim 3.') }, { doc: 1, sentence: 0, check: textCheck('B claim 0.') }, { doc: 1, sentence: 5, check: textCheck('gone') }] });
  assert.notEqual(exerciseId(ex), exerciseId(plain));
  assert.deepEqual(claimsOf(ex, reports).map((c) => c.sentence.text), ['A claim 3.', 'B claim 0.']);
  assert.equal(missingClaims(ex, reports), 1);
  // Only the chosen claims are checked.
  assert.deepEqual([...new Set(checkExercise({ ...ex, tasks: ['status'] }, reports, null, {}).items.map((i) => i.text))], ['A claim 3.', 'B claim 0.']);
  // Default: the most check-worthy, shared out between articles (each one's best first).
  const picks = defaultPicks(all, 3);
  assert.deepEqual([...picks].map((c) => c.sentence.text).sort(), ['A claim 1.', 'A claim 3.', 'B claim 0.']);
  assert.deepEqual([...defaultPicks(allClaimsOf(plain, [reports[0]]), 2)].map((c) => c.sentence.index).sort(), [1, 3]);
  assert.equal(defaultPicks(all, 10).size, 6);
});

test('the engine says where it is unsure: a pronoun, a heading, a weak cue; not elsewhere', () => {
  const heading = { index: 0, start: 0, end: 12, text: 'Maria Okafor', kind: 'heading' };
  const report = { sentences: [heading], sources: [{ id: 0, name: 'Maria Okafor' }] };
  const pronoun = claim(1, 'It will open, she said.', 0.5, { attributions: [{ kind: 'namedPerson', source: { text: 'she', start: 114, end: 117, sourceId: 0 }, cue: { text: 'said' } }] });
  assert.match(engineDoubts(pronoun, report).attribution, /only through the word “she”, and guessed that it means Maria Okafor/);
  const fromHeading = claim(1, 'It will open.', 0.5, { attributions: [{ kind: 'namedPerson', source: { text: 'Maria Okafor', start: 0, end: 12 }, cue: null }] });
  assert.match(engineDoubts(fromHeading, report).attribution, /from a heading/);
  const named = claim(1, 'Maria Okafor said it will open.', 0.5, { attributions: [{ kind: 'namedPerson', source: { text: 'Maria Okafor', start: 100, end: 112 }, cue: { text: 'said' } }] });
  assert.deepEqual(engineDoubts(named, report), { attribution: null, status: null });
  const weak = claim(1, 'Some say it will open.', 0.5, { hedges: [{ text: 'Some say', start: 100, end: 108, category: 'weasel', weight: 0.3 }], status: { label: 'speculative', cues: [{ text: 'Some say', start: 100, end: 108 }], why: 'Hedged.' } });
  assert.match(engineDoubts(weak, report).status, /weak word \(“Some say”\)/);
  const strong = claim(1, 'It may open.', 0.5, { hedges: [{ text: 'may', start: 103, end: 106, category: 'modal', weight: 0.8 }], status: { label: 'speculative', cues: [{ text: 'may', start: 103, end: 106 }], why: 'Hedged.' } });
  assert.equal(engineDoubts(strong, report).status, null);
});

// ---- class results ---------------------------------------------------------------------

const EX = validateExercise({ title: 'Bridge', tasks: ['attribution', 'status'], articles: [{ name: 'Herald', text: 'The bridge will open, Ana Ruiz said.' }] });
const REPORT = { sentences: [claim(0, 'The bridge will open, Ana Ruiz said.', 0.7, { attributions: [{ kind: 'namedPerson', source: { text: 'Ana Ruiz', start: 22, end: 30 } }], status: { label: 'claimed', cues: [], why: 'Attributed.' } })], sources: [] };
const fileOf = (name, answers, exercise = EX) => resultsJSON({ exercise, id: exerciseId(exercise), result: checkExercise(exercise, [REPORT], null, answers), questions: {}, name });

test('class results: one exercise, named students, open items, reasons, the CSV', () => {
  assert.equal(nameSlug('  Zoë O’Brien!! '), 'zoë-o-brien');
  assert.equal(resultsFileName('abcd1234', '', 'json'), 'claimlens-results-abcd1234.json');
  assert.equal(resultsFileName('abcd1234', 'Ana', 'csv'), 'claimlens-results-abcd1234-ana.csv');
  const c = new ClassResults();
  c.add(fileOf('Ana', { claims: { 'd0:s0': { attribution: 'namedPerson', status: 'claimed' } } }), 'ana.json');
  c.add(fileOf('Ben', { claims: { 'd0:s0': { attribution: 'vague' } }, notes: { 'd0:s0': 'Ruiz is only the speaker.' } }), 'ben.json');
  c.add(fileOf('', {}), 'nobody.json');
  const t = c.table();
  assert.deepEqual(t.students.map((s) => [s.label, s.answered, s.matched, s.open]), [['Ana', 2, 2, 0], ['Ben', 1, 0, 1], ['No name (nobody.json)', 0, 0, 2]]);
  assert.deepEqual(t.rows.map((r) => [r.field, r.matched, r.answered]), [['attribution', 1, 2], ['status', 1, 1]]);
  assert.deepEqual(t.rows[0].answers, [['named person', 1], ['vague source', 1]]);
  assert.deepEqual([t.matched, t.answered, t.open], [2, 3, 3]);
  assert.deepEqual(t.claims.map((x) => x.notes), [[{ student: 'Ben', note: 'Ruiz is only the speaker.' }]]);
  const rows = parseCsv(c.csv()).filter((r) => r.length > 1);
  assert.deepEqual(rows[0].slice(5, 8), ['Ana', 'Ben', 'No name (nobody.json)']);
  assert.equal(rows.length, 1 + 2 + 2);
  assert.deepEqual(rows[1].slice(5, 10), ['named person (agrees)', 'vague source (differs)', 'open', '1', '2']);
  assert.equal(rows[1].at(-1), 'Ben: Ruiz is only the speaker.');
  assert.deepEqual(rows.at(-2).slice(5, 8), ['2 of 2 (100%)', '0 of 1 (0%)', 'nothing answered']);
});

test('class results: files from another exercise or another article version are refused, by name', () => {
  const c = new ClassResults();
  c.add(fileOf('Ana', {}), 'ana.json');
  const refuse = (text, name, pattern) => assert.throws(() => c.add(text, name), (err) => err instanceof ClassFileError && pattern.test(err.message));
  const other = validateExercise({ ...EX, title: 'Market' });
  refuse(fileOf('Ben', {}, other), 'ben.json', /^“ben\.json” is from another exercise \(“Market”\), not “Bridge”/);
  const edited = validateExercise({ ...EX, articles: [{ name: 'Herald', text: 'The bridge will open soon, Ana Ruiz said.' }] });
  refuse(fileOf('Cy', {}, edited), 'cy.json', /^“cy\.json” was made with another version of the article in “Bridge”/);
  const retasked = validateExercise({ ...EX, tasks: ['status'] });
  refuse(fileOf('Di', {}, retasked), 'di.json', /^“di\.json” is from another version of the exercise “Bridge”/);
  refuse('{"format": "claimlens-exercise", "articles": []}', 'ex.json', /^“ex\.json” is an exercise file, not a student’s results/);
  refuse('not json', 'x.json', /^“x\.json” is not a results file: it is not valid JSON/);
  refuse(JSON.stringify({ format: 'claimlens-exercise-result', version: 9, exercise: {}, items: [] }), 'new.json', /newer version/);
  assert.equal(c.size, 1);
  // A version 1 file (no name, no outcome) from the same exercise still joins.
  const v1 = JSON.parse(fileOf('', { claims: { 'd0:s0': { attribution: 'vague' } } }));
  v1.version = 1;
  delete v1.student;
  for (const i of v1.items) delete i.outcome;
  c.add(JSON.stringify(v1), 'old.json');
  assert.deepEqual(c.table().students.map((s) => [s.label, s.answered, s.open]), [['Ana', 0, 2], ['No name (old.json)', 1, 1]]);
});
