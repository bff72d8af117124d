// The benchmark corpus (issue 7): news-style texts of 1 KB, 10 KB, 100 KB, 1 MB and 10 MB
// (1 KB = 1,000 bytes, 1 MB = 10^6 bytes of UTF-8), built from the project's own articles
// (www/samples/*.txt, tests/fixtures/*.txt, tests/fixtures/compare/*.txt) and written to the
// git-ignored bench/tmp/ with a manifest (bench/tmp/corpus.json).
//
// Deterministic: the same files give the same bytes on every machine. Each round takes every
// article once, in a shuffled order (xorshift, fixed seed), and scales its figures a little
// ("4,000" → "4,160"), so a long text is a stream of varied articles, not one block repeated.
// Each text is cut at the last paragraph or sentence end at or before its size.
//
//   node bench/corpus.mjs          (writes bench/tmp/corpus-*.txt; `make bench` runs it)

import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..');
export const TMP = path.join(HERE, 'tmp');
export const SIZES = [
  { label: '1KB', bytes: 1_000 },
  { label: '10KB', bytes: 10_000 },
  { label: '100KB', bytes: 100_000 },
  { label: '1MB', bytes: 1_000_000 },
  { label: '10MB', bytes: 10_000_000 },
];
const SOURCES = ['www/samples', 'tests/fixtures', 'tests/fixtures/compare'];

/** The project's own articles, sorted by path, line endings normalised to \n. */
export function articles() {
  const out = [];
  for (const dir of SOURCES) {
    for (const name of readdirSync(path.join(REPO, dir)).filter((f) => f.endsWith('.txt')).sort()) {
      const text = readFileSync(path.join(REPO, dir, name), 'utf8').replace(/\r\n?/g, '\n').trim();
      out.push({ file: `${dir}/${name}`, text });
    }
  }
  if (!out.length) throw new Error('no articles found under ' + SOURCES.join(', '));
  return out;
}

/** xorshift32: a small deterministic generator. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** Scales every figure of three or more digits ("4,000", "212") by `factor`; years stay. */
function varyNumbers(text, factor) {
  return text.replace(/\d[\d,]*\d/g, (m) => {
    const v = Number(m.replace(/,/g, ''));
    if (!Number.isFinite(v) || (v >= 1900 && v <= 2100 && !m.includes(','))) return m;
    const n = Math.round(v * factor);
    return m.includes(',') ? n.toLocaleString('en-US') : String(n);
  });
}

/** A text of at most `bytes` bytes (UTF-8), cut at a paragraph or sentence end. */
export function buildCorpus(bytes, list = articles()) {
  const next = rng(0x9e3779b9);
  const parts = [];
  let total = 0;
  while (total < bytes + 4096) {
    const order = list.map((_, i) => i);
    for (let k = order.length - 1; k > 0; k--) {
      const j = next() % (k + 1);
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const i of order) {
      const factor = 0.9 + (next() % 21) / 100;
      const part = varyNumbers(list[i].text, factor) + '\n\n';
      parts.push(part);
      total += Buffer.byteLength(part);
      if (total >= bytes + 4096) break;
    }
  }
  // Cut on a byte budget (the articles are not all ASCII); a character split by the cut is dropped.
  const head = Buffer.from(parts.join('')).subarray(0, bytes).toString('utf8').replace(/\uFFFD+$/, '');
  let cut = -1;
  for (const m of head.matchAll(/\n\n|[.!?]["”’]?(?=[ \n])/g)) cut = m.index + m[0].length;
  return (cut > 0 ? head.slice(0, cut) : head).trimEnd();
}

/** Writes bench/tmp/corpus-<label>.txt for every size; returns the manifest. */
export function writeCorpus() {
  mkdirSync(TMP, { recursive: true });
  const list = articles();
  const files = SIZES.map(({ label, bytes }) => {
    const text = buildCorpus(bytes, list);
    const file = path.join(TMP, `corpus-${label}.txt`);
    writeFileSync(file, text);
    return {
      label,
      target: bytes,
      bytes: Buffer.byteLength(text),
      file: path.relative(REPO, file),
      sha256: createHash('sha256').update(text).digest('hex').slice(0, 16),
    };
  });
  const manifest = { articles: list.map((a) => a.file), files };
  writeFileSync(path.join(TMP, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const m = writeCorpus();
  console.log(`corpus: ${m.articles.length} articles → ${m.files.map((f) => `${f.file} (${f.bytes} B)`).join(', ')}`);
}
