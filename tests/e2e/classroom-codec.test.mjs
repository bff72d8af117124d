// The classroom exercise codec (www/js/classroom/codec.js) in Node: an exercise survives
// the round trip through a link payload and through an exercise file, and every kind of
// damaged link (empty, foreign, newer, cut short, a changed character, extra characters)
// fails with its own clear message. Also the answer checker (check.js) on hand-built reports,
// with the headline question derived from summary.headlineGap.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encodeExercise, decodeExercise, exerciseFileText, parseExerciseFile, validateExercise, exerciseId, crc32, ExerciseError, PREFIX,
} from '../../www/js/classroom/codec.js';
import { checkExercise, mergeMarks, headlineOf, headlineQuestions } from '../../www/js/classroom/check.js';

const EXERCISE = {
  title: 'Café à Dunmore — “quotes”, emoji 😢',
  level: 'starter',
  tasks: ['hedge', 'attribution'],
  hideAnswers: true,
  articles: [
    { name: 'Herald', text: 'The mayor, Ana Ruiz, said the bridge may reopen.\n\nOfficials reportedly disagree. 😢' },
    { name: 'Flare', text: 'Sources say over 4,000 people left. '.repeat(40) },
  ],
};

const rejects = async (payload, code, pattern) => {
  await assert.rejects(decodeExercise(payload), (err) => {
    assert.ok(err instanceof ExerciseError, `not an ExerciseError: ${err}`);
    assert.equal(err.code, code, `code for ${payload.slice(0, 40)}…: ${err.message}`);
    assert.match(err.message, pattern);
    return true;
  });
};

test('round trip through a link payload keeps every character', async () => {
  const payload = await encodeExercise(EXERCISE);
  assert.match(payload, /^c1\.\d+\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
  const back = await decodeExercise(payload);
  assert.deepEqual(back, validateExercise(EXERCISE));
  assert.equal(back.articles[0].text, EXERCISE.articles[0].text);
  assert.deepEqual(back.tasks, ['attribution', 'hedge'], 'tasks come back in canonical order');
  // Compression works: the repeated article packs far below its own length.
  assert.ok(payload.length < JSON.stringify(EXERCISE).length / 2, `payload ${payload.length} chars`);
});

test('round trip through an exercise file', () => {
  const text = exerciseFileText(EXERCISE);
  assert.deepEqual(parseExerciseFile(text, 'x.json'), validateExercise(EXERCISE));
  assert.equal(exerciseId(EXERCISE), exerciseId(parseExerciseFile(text)));
  assert.throws(() => parseExerciseFile('{not json', 'bad.json'), /“bad\.json” is not an exercise file: it is not valid JSON/);
  assert.throws(() => parseExerciseFile('{"title":"x"}', 'other.json'), /not a claimlens exercise file/);
  assert.throws(() => parseExerciseFile(JSON.stringify({ format: 'claimlens-exercise', articles: [] }), 'e.json'), /it has no article/);
});

test('each kind of broken link has its own message', async () => {
  const payload = await encodeExercise(EXERCISE);
  const [, bytes, crc, data] = payload.split('.');
  await rejects('', 'empty', /nothing follows “#exercise=”/);
  await rejects('hello', 'format', /not a claimlens exercise link/);
  await rejects(`c9.${bytes}.${crc}.${data}`, 'version', /newer version of claimlens \(format c9\)/);
  await rejects(`${PREFIX}.${bytes}`, 'truncated', /cut short: its header is incomplete/);
  // Cut anywhere in the data: it says how much is there.
  for (const keep of [1, Math.floor(data.length / 2), data.length - 1]) {
    await rejects(`${PREFIX}.${bytes}.${crc}.${data.slice(0, keep)}`, 'truncated', new RegExp(`holds ${keep} of its ${data.length} characters`));
  }
  // One character changed in the middle: the checksum catches it.
  const i = Math.floor(data.length / 2);
  const flipped = data.slice(0, i) + (data[i] === 'A' ? 'B' : 'A') + data.slice(i + 1);
  await rejects(`${PREFIX}.${bytes}.${crc}.${flipped}`, 'checksum', /checksum does not match/);
  // A changed checksum, extra characters, characters a mail program might add.
  await rejects(`${PREFIX}.${bytes}.${(crc32(new Uint8Array([1])) >>> 0).toString(16).padStart(8, '0')}.${data}`, 'checksum', /checksum does not match/);
  await rejects(`${payload}AAAA`, 'checksum', /4 characters longer than it should be/);
  await rejects(`${PREFIX}.${bytes}.${crc}.${data.slice(0, 10)}%20${data.slice(13)}`, 'characters', /contains “%20”/);
  await rejects(`${payload}.x`, 'characters', /extra “\.” characters/);
});

test('a valid link to an invalid exercise says what is wrong', async () => {
  // Build a well-formed payload around JSON that is not a usable exercise.
  const raw = new TextEncoder().encode(JSON.stringify({ title: 'x', tasks: ['colour'], articles: [{ text: 'a' }] }));
  const packed = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  let bin = '';
  for (const b of packed) bin += String.fromCharCode(b);
  const b64 = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  await rejects(`c1.${packed.length}.${crc32(packed).toString(16).padStart(8, '0')}.${b64}`, 'invalid', /tasks must be one or more of attribution, hedge, status/);
  await assert.rejects(encodeExercise({ articles: [] }), /it has no article/);
  assert.throws(() => validateExercise({ articles: Array.from({ length: 7 }, () => ({ text: 'a' })) }), /at most 6 fit/);
});

// A hand-built report in the engine's shape (README, schema version 1).
const TEXT = 'Ana Ruiz said the bridge may possibly reopen soon.';
const REPORT = {
  sentences: [{
    index: 0, paragraph: 0, start: 0, end: TEXT.length, text: TEXT, kind: 'claim',
    attributions: [{ kind: 'namedPerson', source: { text: 'Ana Ruiz', start: 0, end: 8 }, cue: { text: 'said', start: 9, end: 13 }, quote: 'indirect' }],
    hedges: [{ text: 'may', start: 25, end: 28, category: 'modal', weight: 0.5 }, { text: 'possibly', start: 29, end: 37, category: 'epistemic', weight: 0.5 }],
    status: { label: 'speculative', cues: [], why: 'Hedged as a possibility.' }, reasons: ['Backed by a named person.'],
  }],
  summary: { namedSourceShare: 1, claims: 1 },
};

test('check: labels, overlapping hedge marks, extra marks, notes and the agreement', () => {
  const ex = validateExercise({ title: 't', articles: [{ name: 'A', text: TEXT }] });
  // "may possibly" marked as two words becomes one mark covering both engine hedges; "soon" is extra.
  const marks = mergeMarks(REPORT.sentences[0], [[29, 37], [25, 28], [45, 49]]);
  assert.deepEqual(marks.map((m) => m.text), ['may possibly', 'soon']);
  const answers = { claims: { 'd0:s0': { attribution: 'namedPerson', status: 'claimed', hedges: [[25, 28], [29, 37], [45, 49]] } }, notes: { 'd0:s0': ' It is only a guess. ' } };
  const r = checkExercise(ex, [REPORT], null, answers);
  const by = (field) => r.items.filter((i) => i.field === field);
  assert.equal(by('attribution')[0].match, true);
  assert.equal(by('status')[0].match, false);
  assert.equal(by('status')[0].engine, 'speculative');
  assert.equal(by('status')[0].why, 'Hedged as a possibility.');
  assert.deepEqual(by('hedge').map((i) => [i.engine, i.student, i.match, i.outcome]), [['may', 'may possibly', true, 'agree'], ['possibly', 'may possibly', true, 'agree'], [null, 'soon', false, 'extra']]);
  // Issue 17: the extra mark ("soon") is a difference, not an error: not in the agreement.
  assert.equal(r.total, 4);
  assert.equal(r.answered, 4);
  assert.equal(r.extra, 1);
  assert.equal(r.matched, 3);
  assert.equal(r.agreement, 3 / 4);
  assert.ok(r.items.every((i) => i.note === 'It is only a guess.'));
  // Nothing answered: nothing agrees, nothing disagrees, everything is open.
  const empty = checkExercise(ex, [REPORT], null, {});
  assert.equal(empty.matched, 0);
  assert.equal(empty.answered, 0);
  assert.equal(empty.open, 4);
  assert.equal(empty.total, 4);
  assert.equal(empty.agreement, null);
  assert.ok(empty.items.every((i) => i.outcome === 'open' && !i.match));
  // Only the source kind answered: the status and the hedges stay open... unless the claim was
  // worked on, when an unmarked engine hedge is an answer ("you did not mark it").
  const some = checkExercise(ex, [REPORT], null, { claims: { 'd0:s0': { attribution: 'vague' } } });
  assert.deepEqual([some.answered, some.matched, some.open], [3, 0, 1]);
  assert.equal(some.items.find((i) => i.field === 'status').outcome, 'open');
  assert.deepEqual(some.items.filter((i) => i.field === 'hedge').map((i) => i.outcome), ['differ', 'differ']);
});

// ---- the headline question -------------------------------------------------------------

const sentence = (index, kind, text, extra = {}) => ({
  index, paragraph: index, start: 0, end: text.length, text, kind, attributions: [], hedges: [],
  status: { label: 'asserted', cues: [], why: '' }, reasons: [], ...extra,
});
const HEAD = 'Council Will Close the Pool';
const BODY = 'The council will close the pool, officials said.';
const WHY = 'The headline states this as fact; the article itself only reports that unnamed officials say it.';
const headlineReport = (head, gap) => ({
  sentences: [head, sentence(1, 'claim', BODY, { attributions: [{ kind: 'unnamedOfficial', source: { text: 'officials' }, cue: { text: 'said' }, quote: 'indirect' }], status: { label: 'claimed', cues: [], why: '' } })],
  summary: { headlineGap: gap },
});

test('check: the headline question is yes with a gap, no without, and absent with no headline', () => {
  const gap = headlineReport(sentence(0, 'heading', HEAD), { headline: 0, body: [1], why: WHY });
  const plain = headlineReport(sentence(0, 'heading', HEAD), null);
  const sourced = headlineReport(sentence(0, 'heading', `${HEAD}, Officials Say`, { attributions: [{ kind: 'unnamedOfficial', source: { text: 'Officials' }, cue: { text: 'Say' }, quote: 'indirect' }], status: { label: 'claimed', cues: [], why: '' } }), null);
  const question = headlineReport(sentence(0, 'heading', 'Will the Council Close the Pool?', { status: { label: 'speculative', cues: [], why: 'A question headline asks; it does not state anything as fact.' } }), null);
  const none = { sentences: [sentence(0, 'claim', BODY)], summary: { headlineGap: null } };
  const late = { sentences: [sentence(0, 'claim', BODY), sentence(1, 'heading', 'More on the Pool')], summary: {} };
  assert.equal(headlineOf(none), null);
  assert.equal(headlineOf(late), null, 'a heading after the first claim is not the headline');
  const reports = [gap, plain, sourced, question, none, late];
  const ex = validateExercise({ title: 't', tasks: ['headline'], articles: reports.map((r, i) => ({ name: `A${i}`, text: 'x' })) });
  assert.deepEqual(ex.tasks, ['headline']);
  const qs = headlineQuestions(ex, reports);
  assert.deepEqual(qs.map((h) => [h.doc, h.engine]), [[0, 'yes'], [1, 'no'], [2, 'no'], [3, 'no']]);
  assert.equal(qs[0].why, WHY);
  assert.deepEqual(qs[0].reasons, [`Headline: “${HEAD}”`, `The article: “${BODY}”`]);
  assert.match(qs[1].why, /no sentence in the article that is less sure than the headline/);
  assert.match(qs[2].why, /The headline itself says who claims it \(“Officials”\)/);
  assert.match(qs[3].why, /does not state anything as fact \(the engine reads it as speculative\)/);

  const r = checkExercise(ex, reports, null, { headline: { 0: 'yes', 1: 'yes', 2: 'no' } });
  assert.deepEqual(r.items.map((i) => [i.key, i.field, i.student, i.engine, i.match]), [
    ['headline:d0', 'headline', 'yes', 'yes', true],
    ['headline:d1', 'headline', 'yes', 'no', false],
    ['headline:d2', 'headline', 'no', 'no', true],
    ['headline:d3', 'headline', null, 'no', false],
  ]);
  assert.equal(r.items[0].sentence, 0);
  assert.equal(r.items[0].text, HEAD);
  // Without the task, no headline question.
  const without = checkExercise(validateExercise({ title: 't', tasks: ['status'], articles: [{ text: 'x' }] }), [gap], null, { headline: { 0: 'yes' } });
  assert.ok(!without.items.some((i) => i.field === 'headline'));
});
