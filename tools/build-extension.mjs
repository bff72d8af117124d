// build-extension.mjs: assembles the claimlens browser extension from
// extension/ and www/ into unpacked folders and zip files:
//
//   dist/chromium/   dist/claimlens-chromium.zip   (side panel, service worker)
//   dist/firefox/    dist/claimlens-firefox.zip    (sidebar, background script)
//
//   node tools/build-extension.mjs            # both (what `make extension` runs)
//   node tools/build-extension.mjs chromium   # one
//
// Files come from extension/ first, then www/ (the page's modules, css and the
// wasm in www/pkg/, built by `make wasm`), following panel.js's imports, the
// worker URL and the wasm URL, so exactly the modules the panel needs are
// copied and a missing one fails the build. Readability.js comes from
// node_modules/@mozilla/readability. The icons are drawn here (PNG, zlib).
// The zips are deterministic: sorted entries, one fixed date.

import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, crc32 } from 'node:zlib';
import yazl from 'yazl';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(REPO, 'extension');
const WWW = path.join(REPO, 'www');
const DIST = path.join(REPO, 'dist');
const READABILITY = path.join(REPO, 'node_modules', '@mozilla', 'readability');

const TARGETS = ['chromium', 'firefox'];
/** Entry points; everything they import is followed. */
const ENTRIES = ['panel.html', 'panel.js', 'panel.css', 'background.js', 'content.js', 'css/app.css'];
const ICON_SIZES = [16, 32, 48, 128];
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

/** Where a file of the extension comes from: extension/ first, then www/. */
function sourceOf(rel) {
  for (const root of [EXT, WWW]) {
    const p = path.join(root, rel);
    if (existsSync(p)) return p;
  }
  return null;
}

const IMPORT_RES = [
  /\bfrom\s*['"]([^'"]+)['"]/g, // import … from './x.js'
  /\bimport\s*['"]([^'"]+)['"]/g, // import './x.js'
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('./x.js')
  /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g, // workers, wasm
];

/** The dist-relative paths of panel.js's module graph (and the other entries). */
function closure() {
  const seen = new Set();
  const todo = [...ENTRIES];
  while (todo.length) {
    const rel = todo.pop();
    if (seen.has(rel)) continue;
    const src = sourceOf(rel);
    if (!src) throw new Error(`extension build: ${rel} is needed but found in neither extension/ nor www/` +
      (rel.startsWith('pkg/') ? ' (run `make wasm` to build www/pkg/)' : ''));
    seen.add(rel);
    if (!rel.endsWith('.js')) continue;
    const code = readFileSync(src, 'utf8');
    for (const re of IMPORT_RES) {
      for (const m of code.matchAll(re)) {
        const spec = m[1];
        if (/^[a-z]+:/i.test(spec) || spec.startsWith('/')) {
          throw new Error(`extension build: ${rel} imports ${spec}; only relative imports can be packaged`);
        }
        todo.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec)));
      }
    }
  }
  return [...seen].sort();
}

// ---- icons: a white lens on the page's blue, drawn with 4x4 supersampling ----------

function iconPng(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const bg = [0x0b, 0x57, 0xd0];
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inBox = 0;
      let white = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          if (!roundedBox(u, v, 0.06, 0.2)) continue;
          inBox++;
          const d = Math.hypot(u - 0.43, v - 0.43);
          const ring = d > 0.2 && d < 0.29;
          const handle = segmentDistance(u, v, 0.63, 0.63, 0.83, 0.83) < 0.065;
          if (ring || handle) white++;
        }
      }
      const i = (y * size + x) * 4;
      const cover = inBox / (S * S);
      const w = inBox ? white / inBox : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(bg[c] * (1 - w) + 255 * w);
      rgba[i + 3] = Math.round(255 * cover);
    }
  }
  return encodePng(size, size, rgba);
}

function roundedBox(u, v, margin, radius) {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const cx = Math.min(Math.max(u, lo), hi);
  const cy = Math.min(Math.max(v, lo), hi);
  return Math.hypot(u - cx, v - cy) <= radius;
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function encodePng(width, height, rgba) {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- assembling -----------------------------------------------------------------------

/** Builds dist/<target>/; returns the list of its files (dist-relative). */
export function buildFolder(target, files = closure()) {
  const out = path.join(DIST, target);
  rmSync(out, { recursive: true, force: true });
  const put = (rel, data) => {
    const p = path.join(out, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    if (Buffer.isBuffer(data) || typeof data === 'string') writeFileSync(p, data);
    else copyFileSync(data.from, p);
  };
  for (const rel of files) put(rel, { from: sourceOf(rel) });
  const manifest = JSON.parse(readFileSync(path.join(EXT, `manifest.${target}.json`), 'utf8'));
  put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const readability = path.join(READABILITY, 'Readability.js');
  if (!existsSync(readability)) throw new Error('extension build: @mozilla/readability is missing (run `make node-deps`)');
  put('vendor/Readability.js', { from: readability });
  put('vendor/Readability.LICENSE.md', { from: path.join(READABILITY, 'LICENSE.md') });
  for (const size of ICON_SIZES) put(`icons/icon-${size}.png`, iconPng(size));
  return listFiles(out);
}

function listFiles(root, rel = '') {
  const entries = [];
  for (const name of readdirSorted(path.join(root, rel))) {
    const r = rel ? `${rel}/${name.name}` : name.name;
    if (name.isDirectory()) entries.push(...listFiles(root, r));
    else entries.push(r);
  }
  return entries;
}

const readdirSorted = (dir) => readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));

function zipFolder(target, files) {
  const zip = new yazl.ZipFile();
  const root = path.join(DIST, target);
  for (const rel of files) zip.addFile(path.join(root, rel), rel, { mtime: ZIP_DATE, mode: 0o100644 });
  const file = path.join(DIST, `claimlens-${target}.zip`);
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(file)).on('close', () => resolve(file)).on('error', reject);
    zip.end();
  });
}

export async function build(targets = TARGETS) {
  const files = closure();
  mkdirSync(DIST, { recursive: true });
  const built = [];
  for (const target of targets) {
    if (!TARGETS.includes(target)) throw new Error(`extension build: unknown target ${target} (${TARGETS.join(', ')})`);
    const list = buildFolder(target, files);
    const zip = await zipFolder(target, list);
    built.push({ target, dir: path.join(DIST, target), zip, files: list.length });
  }
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const targets = process.argv.slice(2);
    for (const b of await build(targets.length ? targets : TARGETS)) {
      const kb = (readFileSync(b.zip).length / 1024).toFixed(0);
      console.log(`extension: ${path.relative(REPO, b.dir)}/ (${b.files} files), ${path.relative(REPO, b.zip)} (${kb} KB)`);
    }
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
