// Side-by-side benchmark in Node (issue 7): in one process and on the same texts (the corpus of
// bench/corpus.mjs), claimlens's wasm analyze() against what a user would otherwise reach for:
//   - retext-intensify (with retext-english, through unified: parse + run, no stringify),
//   - write-good,
//   - wink-nlp with wink-eng-lite-web-model, sentence and token pipeline only (pipe ['sbd']):
//     readDoc + sentences().out() + tokens().out(), i.e. tokenization alone.
// Each (tool, size) gets a warm-up, then timed samples (each sample loops the call enough times to
// last ≥ 20 ms), and the median is reported as MB/s (1 MB = 10^6 bytes of UTF-8). Ratios are taken
// within this one run. Tools are interleaved size by size, so machine noise hits all of them alike.
// A competitor is skipped at a size where its estimated single run (from the smaller size) exceeds
// MAX_RUN_S, and is measured up to COMPETITOR_MAX at most (default 1MB); claimlens goes to 10 MB.
// Peak memory: each tool runs once on the 1 MB text (claimlens also on 10 MB) in a child process,
// which reports process.resourceUsage().maxRSS before and after, and heapUsed right after.
//
//   node bench/node.mjs [--json FILE]          (make bench runs it through bench/report.mjs)
//   node bench/node.mjs --memory TOOL FILE      (one child measurement; prints one JSON line)
//
// Needs www/pkg/ (make wasm) and bench/node_modules (make bench-deps).

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { REPO, TMP, SIZES, writeCorpus } from './corpus.mjs';

const SELF = fileURLToPath(import.meta.url);
const PKG = path.join(REPO, 'www', 'pkg');
const MAX_RUN_S = Number(process.env.MAX_RUN_S || 20);
const SAMPLES = Number(process.env.SAMPLES || 7);
const BUDGET_S = Number(process.env.BUDGET_S || 8); // per (tool, size), after the warm-up
const COMPETITOR_MAX = process.env.COMPETITOR_MAX || '1MB';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Loads one tool; returns { name, version, run(text) → a short count of what it found }. */
export async function loadTool(name) {
  const version = (pkg) => JSON.parse(readFileSync(path.join(REPO, 'bench', 'node_modules', pkg, 'package.json'), 'utf8')).version;
  if (name === 'claimlens') {
    for (const f of ['claimlens.js', 'claimlens_bg.wasm']) {
      if (!existsSync(path.join(PKG, f))) throw new Error(`www/pkg/${f} is missing: run \`make wasm\` first`);
    }
    const mod = await import(path.join(PKG, 'claimlens.js'));
    mod.initSync({ module: readFileSync(path.join(PKG, 'claimlens_bg.wasm')) });
    return {
      name,
      label: 'claimlens analyze() (wasm)',
      version: mod.version(),
      does: 'sentences, claims, sources, attributions, hedges, status, scores, offsets',
      run: (t) => {
        const r = mod.analyze(t);
        return { sentences: r.sentences.length, claims: r.summary.claims, hedges: r.sentences.reduce((n, s) => n + s.hedges.length, 0) };
      },
    };
  }
  if (name === 'retext') {
    const { unified } = await import('unified');
    const { default: retextEnglish } = await import('retext-english');
    const { default: retextIntensify } = await import('retext-intensify');
    const { VFile } = await import('vfile');
    const processor = unified().use(retextEnglish).use(retextIntensify).freeze();
    return {
      name,
      label: 'retext-intensify (retext-english)',
      version: `${version('retext-intensify')} / retext-english ${version('retext-english')}`,
      does: 'weasel, hedge and filler words',
      run: (t) => {
        const file = new VFile(t);
        processor.runSync(processor.parse(file), file);
        return { messages: file.messages.length };
      },
    };
  }
  if (name === 'writegood') {
    const { default: writeGood } = await import('write-good');
    return {
      name,
      label: 'write-good',
      version: version('write-good'),
      does: 'weasel words, passive voice, wordy phrases',
      run: (t) => ({ suggestions: writeGood(t).length }),
    };
  }
  if (name === 'wink') {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model, ['sbd']);
    return {
      name,
      label: 'wink-nlp tokens + sentences',
      version: `${version('wink-nlp')} / model ${version('wink-eng-lite-web-model')}`,
      does: 'tokenization and sentence boundaries only',
      run: (t) => {
        const doc = nlp.readDoc(t);
        return { sentences: doc.sentences().out().length, tokens: doc.tokens().out().length };
      },
    };
  }
  throw new Error(`unknown tool ${name}`);
}

export const TOOLS = (process.env.BENCH_TOOLS || 'claimlens,retext,writegood,wink').split(',');

/** Times `tool` on `text`: warm-up, then up to SAMPLES samples within BUDGET_S seconds. */
function measure(tool, text) {
  // Warm-up (and what it found): at least one call, and up to 5 calls or 200 ms for quick ones.
  const w0 = performance.now();
  let found;
  let first = Infinity;
  for (let i = 0; i < 5 && (i === 0 || performance.now() - w0 < 200); i++) {
    const t0 = performance.now();
    found = tool.run(text);
    first = performance.now() - t0; // the last warm call estimates one call
  }
  const inner = Math.max(1, Math.ceil(20 / Math.max(first, 1e-3)));
  const per = [];
  const start = performance.now();
  while (per.length < SAMPLES && (per.length < 3 || performance.now() - start < BUDGET_S * 1000)) {
    const a = performance.now();
    for (let i = 0; i < inner; i++) tool.run(text);
    per.push((performance.now() - a) / inner);
    if (first > BUDGET_S * 1000 && per.length >= 1) break;
  }
  const ms = median(per);
  const bytes = Buffer.byteLength(text);
  return { bytes, ms: +ms.toPrecision(4), mbPerS: +(bytes / 1e6 / (ms / 1000)).toPrecision(4), samples: per.length, inner, found };
}

/** Child mode: one tool, one file, one run; peak RSS and heap. */
async function memoryChild(name, file) {
  const tool = await loadTool(name);
  tool.run('Officials said the port may reopen. '.repeat(20)); // load lazily built tables
  const before = process.resourceUsage().maxRSS * 1024;
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const out = tool.run(text);
  const ms = performance.now() - t0;
  const after = process.resourceUsage().maxRSS * 1024;
  const heapUsed = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ tool: name, file: path.relative(REPO, file), bytes: Buffer.byteLength(text), baselineRss: before, peakRss: after, heapUsed, ms: +ms.toFixed(1), out }));
}

function memoryOf(name, file) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=6144', SELF, '--memory', name, file], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 600_000, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--memory') return memoryChild(args[1], args[2]);
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

  const manifest = writeCorpus();
  const texts = Object.fromEntries(manifest.files.map((f) => [f.label, readFileSync(path.join(REPO, f.file), 'utf8')]));
  const tools = [];
  for (const name of TOOLS) tools.push(await loadTool(name));
  const maxIdx = SIZES.findIndex((s) => s.label === COMPETITOR_MAX);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    settings: { samples: SAMPLES, budgetS: BUDGET_S, maxRunS: MAX_RUN_S, competitorMax: COMPETITOR_MAX },
    corpus: manifest,
    tools: tools.map(({ name, label, version, does }) => ({ name, label, version, does })),
    speed: {}, // speed[tool][sizeLabel] = measure() or { skipped }
    ratios: {}, // ratios[tool][sizeLabel] = claimlens MB/s ÷ tool MB/s, same run, same text
    memory: [],
  };
  const log = (s) => process.stderr.write(s + '\n');
  for (const t of tools) results.speed[t.name] = {};
  SIZES.forEach(({ label }, idx) => {
    for (const t of tools) {
      const prev = idx > 0 ? results.speed[t.name][SIZES[idx - 1].label] : null;
      if (t.name !== 'claimlens' && maxIdx >= 0 && idx > maxIdx) {
        results.speed[t.name][label] = { skipped: `competitors are measured up to ${COMPETITOR_MAX}` };
        continue;
      }
      if (prev && (prev.skipped || (prev.ms / 1000) * (texts[label].length / Math.max(1, texts[SIZES[idx - 1].label].length)) > MAX_RUN_S)) {
        results.speed[t.name][label] = { skipped: prev.skipped || `one run would take over ${MAX_RUN_S} s` };
        continue;
      }
      const r = measure(t, texts[label]);
      results.speed[t.name][label] = r;
      log(`${label.padStart(6)}  ${t.name.padEnd(10)} ${String(r.mbPerS).padStart(8)} MB/s  (${r.ms} ms, ${r.samples}×${r.inner})  ${JSON.stringify(r.found)}`);
    }
  });
  for (const t of tools) {
    if (t.name === 'claimlens' || !results.speed.claimlens) continue;
    results.ratios[t.name] = {};
    for (const { label } of SIZES) {
      const a = results.speed.claimlens[label];
      const b = results.speed[t.name][label];
      if (a?.mbPerS && b?.mbPerS) results.ratios[t.name][label] = +(a.mbPerS / b.mbPerS).toPrecision(3);
    }
  }

  const memFile = (label) => path.join(TMP, `corpus-${label}.txt`);
  for (const name of TOOLS) {
    log(`memory: ${name} on 1MB`);
    results.memory.push(memoryOf(name, memFile('1MB')));
  }
  if (TOOLS.includes('claimlens')) {
    log('memory: claimlens on 10MB');
    results.memory.push(memoryOf('claimlens', memFile('10MB')));
  }

  const json = JSON.stringify(results, null, 2) + '\n';
  if (jsonOut) writeFileSync(jsonOut, json);
  else process.stdout.write(json);
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) await main();
