// The benchmark corpus (bench/corpus.mjs, issue 7): every `make bench` figure is measured on
// these texts, so they must be the same bytes on every run, fit their size, stay real news
// text from the project's own articles, and end on a sentence or paragraph. Not a browser
// test: it sits here so that `make e2e` (node --test tests/e2e/) runs it. It writes nothing.
//
//   node --test tests/e2e/bench-corpus.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articles, buildCorpus, SIZES } from '../../bench/corpus.mjs';

const list = articles();
const texts = Object.fromEntries(SIZES.map(({ label, bytes }) => [label, buildCorpus(bytes, list)]));

test('the corpus is built from the project articles of all three folders', () => {
  const dirs = new Set(list.map((a) => a.file.slice(0, a.file.lastIndexOf('/'))));
  assert.deepEqual([...dirs].sort(), ['tests/fixtures', 'tests/fixtures/compare', 'www/samples']);
  assert.ok(list.length >= 10, `only ${list.length} articles`);
  assert.ok(list.every((a) => !a.text.includes('\r')), 'line endings are normalised');
});

test('each text fits its size and comes within 5% of it (1 KB = 1,000 bytes)', () => {
  for (const { label, bytes } of SIZES) {
    const n = Buffer.byteLength(texts[label]);
    assert.ok(n <= bytes, `${label}: ${n} bytes > ${bytes}`);
    assert.ok(n >= bytes * (label === '1KB' ? 0.6 : 0.95), `${label}: only ${n} bytes`);
  }
});

test('the same sizes give the same bytes every time, and a shorter text is a prefix of a longer one', () => {
  assert.equal(buildCorpus(100_000, list), texts['100KB']);
  assert.equal(buildCorpus(100_000), texts['100KB']);
  for (let i = 1; i < SIZES.length; i++) {
    const small = texts[SIZES[i - 1].label];
    assert.ok(texts[SIZES[i].label].startsWith(small), `${SIZES[i - 1].label} is not a prefix of ${SIZES[i].label}`);
  }
});

test('every text ends on a sentence and holds no split character', () => {
  for (const [label, text] of Object.entries(texts)) {
    assert.match(text.slice(-3), /[.!?"”’]/, `${label} ends mid-sentence: …${text.slice(-40)}`);
    assert.ok(!text.includes('\uFFFD'), `${label} holds a replacement character`);
  }
});

test('the 1 MB text is whole articles in a varied order, not one article repeated', () => {
  const text = texts['1MB'];
  // Every article's headline (its first line) appears, more than once at this size.
  // (figures are varied from copy to copy, so a headline is matched with its digits masked)
  const masked = text.replace(/[\d,]+/g, '#');
  for (const a of list) {
    const headline = a.text.split('\n')[0].replace(/[\d,]+/g, '#');
    const count = masked.split(headline).length - 1;
    assert.ok(count >= 2, `“${headline}” appears ${count} times`);
  }
  // Paragraphs are the articles' own, apart from their figures (digits are varied).
  const known = new Set(list.flatMap((a) => a.text.split(/\n+/).map((p) => p.replace(/[\d,]+/g, '#'))));
  const paras = text.split(/\n+/).slice(0, -1); // the last one may be cut
  const foreign = paras.filter((p) => !known.has(p.replace(/[\d,]+/g, '#')));
  assert.deepEqual(foreign.slice(0, 3), []);
  // Figures are varied from copy to copy: some paragraph shows up with different numbers.
  const byShape = new Map();
  for (const p of paras) {
    if (!/\d{3}/.test(p)) continue;
    const shape = p.replace(/[\d,]+/g, '#');
    if (!byShape.has(shape)) byShape.set(shape, new Set());
    byShape.get(shape).add(p);
  }
  assert.ok([...byShape.values()].some((s) => s.size > 1), 'no figure was varied');
  // The order of articles differs from round to round.
  const firstLines = new Set(list.map((a) => a.text.split('\n')[0]));
  const order = text.split('\n').filter((l) => firstLines.has(l));
  const n = list.length;
  assert.notDeepEqual(order.slice(0, n), order.slice(n, 2 * n));
});
