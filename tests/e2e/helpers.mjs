// Shared set-up for the browser tests: the in-process static server, Debian's headless
// Chromium driven by playwright-core, and page helpers that record console errors,
// network requests and CSP violations.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
export const WWW = path.join(REPO, 'www');
export const FIXTURES = path.join(HERE, 'fixtures');
export const OUTPUT = path.join(REPO, 'test-output');
export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long to wait for one analysis (debounce + worker + wasm start-up). */
export const ANALYSIS_TIMEOUT = 15_000;

export function requirePrerequisites() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Run \`make browser-deps\` to install Debian's chromium ` +
        '(or set CHROMIUM=/path/to/chromium). The browser tests do not download a browser.',
    );
  }
  const missing = ['index.html', 'pkg/claimlens.js', 'pkg/claimlens_bg.wasm', 'samples/index.json'].filter(
    (f) => !existsSync(path.join(WWW, f)),
  );
  if (missing.length) {
    throw new Error(
      `www/ is incomplete: missing ${missing.join(', ')}. Build the wasm package into www/pkg/ first ` +
        '(wasm-pack build --target web --out-dir www/pkg, or the Makefile target that does it).',
    );
  }
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Ensures test-output/screenshots exists and is ignored by git even without a root rule. */
export function ensureOutputDirs() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const ignore = path.join(OUTPUT, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Written by the browser tests and the benchmark.\n*\n');
  return SCREENSHOTS;
}

/**
 * Starts the server (port 0) and Chromium. Returns { url, browser, newPage, close, problems }.
 * Every page made through newPage records console errors, page errors, CSP violations and
 * requests to anything other than the server into `problems`, which tests assert on.
 */
export async function setUp() {
  requirePrerequisites();
  const server = await startServer({ port: 0, root: WWW, quiet: true });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw new Error(`Chromium at ${CHROMIUM} failed to start (\`make browser-deps\` installs it): ${err.message}`);
  }
  const origin = server.url;
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [], requests: [] };
  const contexts = [];

  const isLocal = (u) => u.startsWith(origin + '/') || u === origin || u.startsWith('data:') || u.startsWith('blob:');

  async function newPage(contextOptions = {}) {
    const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
    contexts.push(context);
    // Record every request (page and workers); stop any that would leave the machine.
    context.on('request', (req) => {
      const u = req.url();
      problems.requests.push(u);
      if (!isLocal(u)) problems.foreignRequests.push(u);
    });
    await context.route(
      (u) => !isLocal(u.href),
      (route) => route.abort('blockedbyclient'),
    );
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const loc = msg.location();
        problems.consoleErrors.push(`${msg.text()} @ ${loc.url}:${loc.lineNumber}`);
      }
    });
    page.on('pageerror', (err) => problems.pageErrors.push(String(err && err.stack ? err.stack : err)));
    page.on('worker', (worker) => {
      worker.on('console', (msg) => {
        if (msg.type() === 'error') problems.consoleErrors.push(`[worker] ${msg.text()}`);
      });
    });
    return page;
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close().catch(() => {});
    await server.close();
  }

  return { url: origin, server, browser, newPage, close, problems };
}

/** Opens the page and waits for the first analysis (the well-sourced sample). */
export async function openPage(env, contextOptions) {
  const page = await env.newPage(contextOptions);
  const response = await page.goto(env.url + '/', { waitUntil: 'load' });
  await waitForDone(page);
  return { page, response };
}

export async function waitForDone(page, timeout = ANALYSIS_TIMEOUT) {
  await page.waitForFunction(
    () => document.documentElement.dataset.analysis === 'done' && !!window.lastReport,
    null,
    { timeout },
  );
}

/**
 * Replaces the text in #input and waits until a new report for exactly that text is rendered.
 * mode: 'fill' (page.fill) or 'insert' (keyboard.insertText, as a paste does).
 */
export async function setInput(page, text, mode = 'fill') {
  await page.evaluate(() => {
    window.__previousReport = window.lastReport;
  });
  if (mode === 'insert') {
    await page.fill('#input', '');
    await page.focus('#input');
    await page.keyboard.insertText(text);
  } else {
    await page.fill('#input', text);
  }
  await page.waitForFunction(
    (t) =>
      document.documentElement.dataset.analysis === 'done' &&
      !!window.lastReport &&
      window.lastReport !== window.__previousReport &&
      document.querySelector('#input').value === t,
    text,
    { timeout: ANALYSIS_TIMEOUT },
  );
  return page.evaluate(() => window.lastReport);
}

/** Index of the first sentence in the report whose text starts with `prefix`. */
export function sentenceIndex(report, prefix) {
  const s = report.sentences.find((x) => x.text.startsWith(prefix));
  if (!s) throw new Error(`no sentence starts with ${JSON.stringify(prefix)}`);
  return s.index;
}

/** Reads what the page shows for one sentence: its data-* attributes and its marks. */
export async function sentenceInfo(page, index) {
  return page.$eval(`#rendered [data-sentence="${index}"]`, (el) => ({
    text: el.textContent,
    kind: el.dataset.kind,
    status: el.dataset.status,
    attribution: el.dataset.attribution,
    filtered: el.dataset.filtered,
    tabindex: el.getAttribute('tabindex'),
    marks: [...el.querySelectorAll('mark[data-cue]')].map((m) => ({ cue: m.dataset.cue, text: m.textContent })),
  }));
}

/** The recorded problems, each distinct message once with its count. */
export function formatProblems(problems) {
  const uniq = (list) => {
    const counts = new Map();
    for (const x of list) counts.set(x, (counts.get(x) || 0) + 1);
    return [...counts].map(([x, n]) => (n > 1 ? `${x} (x${n})` : x));
  };
  return JSON.stringify(
    {
      consoleErrors: uniq(problems.consoleErrors),
      pageErrors: uniq(problems.pageErrors),
      foreignRequests: uniq(problems.foreignRequests),
    },
    null,
    2,
  );
}

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF records. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // a UTF-8 BOM, as spreadsheet exports often have
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = text[i + 1];
          if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
            throw new Error(`CSV: character ${JSON.stringify(next)} after a closing quote at offset ${i + 1}`);
          }
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (fieldStarted) throw new Error(`CSV: a quote inside an unquoted field at offset ${i}`);
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (fieldStarted || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const STATUS = ['denied', 'confirmed', 'unconfirmed', 'speculative', 'claimed', 'asserted'];
const KINDS = ['claim', 'heading', 'boilerplate', 'other'];
const ATTRIBUTION = ['namedPerson', 'namedOrganization', 'unnamedOfficial', 'vague'];

/** Checks a report against the schema in README.md, and every span against `input`. */
export function assertReportShape(assert, report, input) {
  assert.equal(report.schemaVersion, 1, 'schemaVersion');
  for (const k of ['chars', 'paragraphs', 'sentences', 'claims', 'words']) {
    assert.equal(typeof report.stats[k], 'number', `stats.${k}`);
  }
  assert.ok(Array.isArray(report.sentences), 'sentences');
  assert.ok(Array.isArray(report.sources), 'sources');
  assert.ok(Array.isArray(report.warnings), 'warnings');
  assert.equal(report.stats.sentences, report.sentences.length, 'stats.sentences');
  const span = (sp, what) => {
    assert.equal(typeof sp.start, 'number', `${what}.start`);
    assert.equal(typeof sp.end, 'number', `${what}.end`);
    assert.ok(sp.start <= sp.end, `${what}: start <= end`);
    if (input !== undefined) {
      assert.equal(input.slice(sp.start, sp.end), sp.text, `${what}: text equals its UTF-16 slice of the input`);
    }
  };
  report.sentences.forEach((s, i) => {
    const w = `sentence ${i}`;
    assert.equal(s.index, i, `${w}.index`);
    assert.equal(typeof s.paragraph, 'number', `${w}.paragraph`);
    span(s, w);
    assert.ok(KINDS.includes(s.kind), `${w}.kind ${s.kind}`);
    assert.ok(Array.isArray(s.attributions), `${w}.attributions`);
    for (const a of s.attributions) {
      assert.ok(ATTRIBUTION.includes(a.kind), `${w} attribution kind ${a.kind}`);
      // A distancing cue with nobody named ("reportedly") has a null source.
      if (a.source !== null) span(a.source, `${w} source`);
      if (a.cue) span(a.cue, `${w} cue`);
      assert.ok(['direct', 'indirect', 'mixed'].includes(a.quote), `${w} quote ${a.quote}`);
    }
    assert.ok(Array.isArray(s.hedges), `${w}.hedges`);
    for (const h of s.hedges) {
      span(h, `${w} hedge`);
      assert.equal(typeof h.category, 'string');
      assert.equal(typeof h.weight, 'number');
    }
    assert.ok(STATUS.includes(s.status.label), `${w} status ${s.status.label}`);
    assert.ok(Array.isArray(s.status.cues), `${w} status cues`);
    for (const c of s.status.cues) span(c, `${w} status cue`);
    assert.equal(typeof s.status.why, 'string');
    assert.ok(s.checkworthiness >= 0 && s.checkworthiness <= 1, `${w}.checkworthiness`);
    assert.ok(Number.isInteger(s.score) && s.score >= 0 && s.score <= 100, `${w}.score`);
    assert.ok(Array.isArray(s.reasons), `${w}.reasons`);
  });
  assert.equal(report.stats.claims, report.sentences.filter((s) => s.kind === 'claim').length, 'stats.claims');
  for (const src of report.sources) {
    assert.equal(typeof src.id, 'number');
    assert.equal(typeof src.name, 'string');
    assert.ok(ATTRIBUTION.includes(src.kind), `source kind ${src.kind}`);
    assert.ok(Array.isArray(src.aliases) && Array.isArray(src.sentences));
  }
  const sum = report.summary;
  assert.ok(Number.isInteger(sum.score) && sum.score >= 0 && sum.score <= 100, 'summary.score');
  assert.equal(sum.claims, report.stats.claims, 'summary.claims');
  for (const k of STATUS) assert.equal(typeof sum.byStatus[k], 'number', `byStatus.${k}`);
  for (const k of [...ATTRIBUTION, 'none']) assert.equal(typeof sum.byAttribution[k], 'number', `byAttribution.${k}`);
  assert.equal(typeof sum.namedSourceShare, 'number');
  assert.equal(typeof sum.hedgeDensity, 'number');
  assert.ok(Array.isArray(sum.reasons));
  assert.match(sum.note, /not whether the claims are true/);
}

/** The primary attribution kind as the page shows it in data-attribution. */
export function primaryAttribution(sentence) {
  return sentence.attributions.length ? sentence.attributions[0].kind : 'none';
}
