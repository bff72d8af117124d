// The size budget (issue 3): the wasm at most 250 KB gzipped, the whole page
// (every file under www/ that is served: HTML, CSS, JS, wasm, samples) at most
// 400 KB gzipped. Each file is gzipped on its own at level 9, as a server would.
// Usage: node tools/size.mjs [--json]   (exit 1 when over budget)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const WASM_BUDGET = 250 * 1024;
export const PAGE_BUDGET = 400 * 1024;
const WWW = fileURLToPath(new URL('../www/', import.meta.url));

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (!name.endsWith('.md')) yield p;
  }
}

const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;

/** Sizes in bytes: { wasm, wasmGzip, pageGzip, files: [{ file, bytes, gzip }] }. */
export function pageSizes(root = WWW) {
  const list = [...files(root)].map((p) => ({ file: relative(root, p), bytes: statSync(p).size, gzip: gz(p) }));
  const wasm = list.find((f) => f.file.endsWith('claimlens_bg.wasm'));
  if (!wasm) throw new Error('www/pkg/claimlens_bg.wasm is missing: run `make wasm` first');
  return { wasm: wasm.bytes, wasmGzip: wasm.gzip, pageGzip: list.reduce((n, f) => n + f.gzip, 0), files: list };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = pageSizes();
  if (process.argv.includes('--json')) console.log(JSON.stringify(s, null, 2));
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  const over = [];
  if (s.wasmGzip > WASM_BUDGET) over.push(`wasm ${kb(s.wasmGzip)} gzipped is over ${kb(WASM_BUDGET)}`);
  if (s.pageGzip > PAGE_BUDGET) over.push(`page ${kb(s.pageGzip)} gzipped is over ${kb(PAGE_BUDGET)}`);
  console.log(`size: wasm ${kb(s.wasm)} (${kb(s.wasmGzip)} gzipped, budget ${kb(WASM_BUDGET)}); ` +
    `whole page ${kb(s.pageGzip)} gzipped in ${s.files.length} files (budget ${kb(PAGE_BUDGET)})`);
  if (over.length) { console.error('size: OVER BUDGET: ' + over.join('; ')); process.exit(1); }
}
