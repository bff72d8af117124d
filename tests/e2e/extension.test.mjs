// The browser extension end to end, in Debian's Chromium: the unpacked build
// (dist/chromium, built here by tools/build-extension.mjs) is loaded into a
// persistent profile; local fixture news pages are served from 127.0.0.1.
//
// How the toolbar button is pressed: the DevTools protocol's
// Extensions.triggerAction (browser session over Playwright's pipe, with
// --enable-unsafe-extension-debugging) runs the extension's real action
// handler for a tab, and, like a click on the button, grants activeTab for
// that tab. The extension is the shipping build: no test-only permissions.
// The side panel it opens is not a Playwright page, so the test drives it
// over CDP (Target.attachToTarget + Runtime.evaluate), see PanelSession.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, FIXTURES, REPO, requirePrerequisites, ensureOutputDirs } from './helpers.mjs';
import { build } from '../../tools/build-extension.mjs';

const ARTICLE = readFileSync(path.join(FIXTURES, 'extension-article.html'), 'utf8');
const NO_ARTICLE = readFileSync(path.join(FIXTURES, 'extension-no-article.html'), 'utf8');
const HEADLINE_GAP = readFileSync(path.join(FIXTURES, 'extension-headline-gap.html'), 'utf8');
const OPINION = readFileSync(path.join(FIXTURES, 'extension-opinion.html'), 'utf8');
const JAPANESE = readFileSync(path.join(FIXTURES, 'extension-japanese.html'), 'utf8');
const STRICT_CSP = "default-src 'self'";
const TIMEOUT = 30_000;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's source is evaluated as a script in the panel (DevTools evaluation is not subject to its CSP).
const AXE_SOURCE_FN = (src) => {
  if (!globalThis.axe) (0, eval)(src);
  return typeof globalThis.axe;
};

/** A long page: the fixture's article paragraphs again and again, with changing figures. */
function longPage(paragraphs) {
  const body = [...ARTICLE.matchAll(/<p>(The |Marta|Two |The contractor|Some |Councillor)[^]*?<\/p>/g)].map((m) => m[0]);
  const out = [];
  for (let i = 0; i < paragraphs; i++) out.push(body[i % body.length].replace(/\d[\d,]*/g, (n) => String(Number(n.replace(/,/g, '')) + i)));
  return ARTICLE.replace(/<article>[^]*<\/article>/, `<article><h1>A very long report on the harbour tunnel</h1>\n${out.join('\n')}\n</article>`);
}

let server;
let origin;
let openPanel = null; // the PanelSession a test opened and has not closed
const openPages = new Set(); // fixture pages a test opened and has not closed
let context;
let browserSession;
let extensionId;
let profile;

before(async () => {
  requirePrerequisites();
  const [built] = await build(['chromium']);
  const long = longPage(6000);
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const pages = {
      '/article.html': [ARTICLE, {}],
      '/strict/article.html': [ARTICLE, { 'Content-Security-Policy': STRICT_CSP }],
      '/no-article.html': [NO_ARTICLE, {}],
      '/headline-gap.html': [HEADLINE_GAP, {}],
      '/opinion.html': [OPINION, {}],
      '/japanese.html': [JAPANESE, {}],
      '/long.html': [long, {}],
    };
    const hit = pages[url.pathname];
    if (!hit) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...hit[1] });
    res.end(hit[0]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;

  profile = mkdtempSync(path.join(tmpdir(), 'claimlens-ext-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 500 },
    args: [
      ...CHROMIUM_ARGS.filter((a) => a !== '--headless'),
      '--headless=new',
      `--disable-extensions-except=${built.dir}`,
      `--load-extension=${built.dir}`,
      '--enable-unsafe-extension-debugging',
    ],
  });
  // Nothing may leave the machine: the fixture server and the extension only.
  await context.route(
    (u) => !u.href.startsWith(origin) && !u.href.startsWith('chrome-extension://'),
    (route) => route.abort('blockedbyclient'),
  );
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: TIMEOUT });
  extensionId = new URL(worker.url()).host;
  browserSession = await context.browser().newBrowserCDPSession();
});

// One failing test must not leave the next one the previous article: whatever it
// left open (the side panel, its pages) is closed, and a check request it left
// unhandled is dropped, so the next panel opens fresh on the next request.
afterEach(async () => {
  if (openPanel) await openPanel.close().catch(() => {});
  openPanel = null;
  const worker = context?.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  await worker
    ?.evaluate(async () => {
      await chrome.storage.session.remove('request');
      for (const w of await chrome.windows.getAll()) await chrome.sidePanel.close({ windowId: w.id }).catch(() => {});
    })
    .catch(() => {});
  const deadline = Date.now() + TIMEOUT;
  while (browserSession && (await targets()).some((t) => t.url.startsWith(`chrome-extension://${extensionId}/panel.html`))) {
    if (Date.now() > deadline) throw new Error('a side panel is still open after the test');
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const page of [...openPages]) await page.close().catch(() => {});
});

after(async () => {
  await context?.close().catch(() => {});
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// ---- the side panel over CDP --------------------------------------------------------

async function targets() {
  const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{}] });
  return targetInfos;
}

/** Presses the extension's toolbar button for the tab showing `page`. */
async function pressToolbarButton(page) {
  const tab = (await targets()).find((t) => t.type === 'tab' && t.url === page.url());
  assert.ok(tab, `no tab target for ${page.url()}`);
  await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
}

/** The extension's side panel page, reached through a CDP session of its own. */
class PanelSession {
  static async open() {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const t = (await targets()).find((x) => x.type === 'page' && x.url.startsWith(`chrome-extension://${extensionId}/panel.html`));
      if (t) return (openPanel = await new PanelSession(t.targetId).attach());
      if (Date.now() > deadline) throw new Error('the side panel did not open');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  constructor(targetId) {
    this.targetId = targetId;
    this.seq = 0;
    this.waiting = new Map();
    this.errors = [];
  }

  async attach() {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: this.targetId, flatten: false });
    this.sessionId = sessionId;
    this.listener = (e) => {
      if (e.sessionId !== sessionId) return;
      const msg = JSON.parse(e.message);
      if (msg.id && this.waiting.has(msg.id)) {
        this.waiting.get(msg.id)(msg);
        this.waiting.delete(msg.id);
      } else if (msg.method === 'Runtime.exceptionThrown') {
        this.errors.push(msg.params.exceptionDetails?.exception?.description ?? msg.params.exceptionDetails?.text);
      } else if (msg.method === 'Runtime.consoleAPICalled' && msg.params.type === 'error') {
        this.errors.push(msg.params.args.map((a) => a.value ?? a.description).join(' '));
      }
    };
    browserSession.on('Target.receivedMessageFromTarget', this.listener);
    await this.send('Runtime.enable');
    return this;
  }

  async send(method, params = {}) {
    const id = ++this.seq;
    const answer = new Promise((resolve) => this.waiting.set(id, resolve));
    await browserSession.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    const msg = await answer;
    if (msg.error) throw new Error(`${method}: ${msg.error.message}`);
    return msg.result;
  }

  /** Evaluates a function's source with JSON arguments in the panel; returns its (awaited) value. */
  async eval(fn, ...args) {
    const r = await this.send('Runtime.evaluate', {
      expression: `(${fn})(...${JSON.stringify(args)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(`in the panel: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  }

  async waitFor(fn, arg, what, timeout = TIMEOUT) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = await this.eval(fn, arg).catch(() => undefined);
      if (v) return v;
      if (Date.now() > deadline) {
        const state = await this.eval(() => `${document.documentElement.dataset.check}: ${document.getElementById('status').textContent}`).catch((e) => e.message);
        throw new Error(`timed out waiting for ${what} (panel: ${state})`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  waitForState(state) {
    return this.waitFor((s) => document.documentElement.dataset.check === s, state, `data-check=${state}`);
  }

  /** A real mouse click in the middle of the first element matching selector. */
  async click(selector) {
    const box = await this.eval((sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getClientRects()[0];
      const x = r.left + Math.min(r.width / 2, 20);
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      return { x, y, lands: el.contains(hit) ? null : (hit?.outerHTML ?? 'nothing').slice(0, 80) };
    }, selector);
    assert.ok(box, `nothing matches ${selector} in the panel`);
    // What a reader sees is what they click: the point must be on the element itself.
    assert.equal(box.lands, null, `a click on ${selector} would land on another element`);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
    }
  }

  async screenshot(file, height = 1100) {
    await this.send('Emulation.setDeviceMetricsOverride', { width: 400, height, deviceScaleFactor: 1, mobile: false });
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(data, 'base64'));
    await this.send('Emulation.clearDeviceMetricsOverride');
  }

  /**
   * Closes the side panel with chrome.sidePanel.close (from the service worker), as
   * closing it in the browser does, and waits until its page is gone. (CDP's
   * Target.closeTarget reports success but does not always close a side panel.)
   */
  async close() {
    browserSession.off('Target.receivedMessageFromTarget', this.listener);
    if (openPanel === this) openPanel = null;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    const closed = await worker.evaluate(async () => {
      const out = [];
      for (const w of await chrome.windows.getAll()) out.push(await chrome.sidePanel.close({ windowId: w.id }).then(() => 'closed', (e) => e.message));
      return out;
    });
    assert.ok(closed.includes('closed'), `the side panel did not close: ${closed}`);
    const deadline = Date.now() + TIMEOUT;
    while ((await targets()).some((t) => t.targetId === this.targetId)) {
      if (Date.now() > deadline) throw new Error('the side panel page is still there after closing');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** axe-core's violations in the panel, in its current state and colour scheme. */
async function axeViolations(panel) {
  await panel.eval(AXE_SOURCE_FN, AXE_SOURCE);
  return panel.eval(() =>
    axe.run(document).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)),
  );
}

async function openFixture(pathname) {
  const page = await context.newPage();
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
  await page.goto(origin + pathname, { waitUntil: 'load' });
  return page;
}

const highlightOf = (page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('claimlens');
    if (!h) return null;
    const ranges = [...h];
    return { size: h.size, text: ranges.map((r) => r.toString()).join(' | '), top: ranges[0]?.getBoundingClientRect().top };
  });

async function waitForNoHighlight(page) {
  await page.waitForFunction(() => (CSS.highlights.get('claimlens')?.size ?? 0) === 0, null, { timeout: TIMEOUT });
}

const sentenceOf = (report, prefix) => {
  const s = report.sentences.find((x) => x.text.startsWith(prefix));
  assert.ok(s, `no sentence starts with ${JSON.stringify(prefix)}: ${JSON.stringify(report.sentences.map((x) => x.text))}`);
  return s;
};

/** What the panel shows for one sentence. */
const shown = (panel, index) =>
  panel.eval((i) => {
    const el = document.querySelector(`#rendered [data-sentence="${i}"]`);
    return el && { status: el.dataset.status, attribution: el.dataset.attribution, kind: el.dataset.kind, text: el.textContent };
  }, index);

// ---- tests ------------------------------------------------------------------------------

test('the toolbar button checks the article in the side panel; a claim is highlighted in the page, and unhighlighted when the panel closes', async () => {
  const page = await openFixture('/article.html');
  const domBefore = await page.evaluate(() => document.body.innerHTML);
  await pressToolbarButton(page);
  const panel = await PanelSession.open();
  await panel.waitForState('done');

  // The report: the article only (no navigation, advert, related links or footer).
  const report = await panel.eval(() => window.lastReport);
  const text = report.sentences.map((s) => s.text).join(' ');
  assert.match(text, /Harbour Road tunnel will stay shut/);
  for (const junk of ['Spring sale', 'Related stories', 'All rights reserved', 'Subscribe', 'Ferry timetable changes']) {
    assert.ok(!text.includes(junk), `the extracted article includes page furniture: ${junk}`);
  }
  assert.ok(report.stats.claims >= 8, `claims: ${report.stats.claims}`);
  const ui = await panel.eval(() => ({
    title: document.getElementById('report-title').textContent,
    meta: document.getElementById('report-meta').textContent,
    score: document.getElementById('summary-score').textContent,
    sentences: document.querySelectorAll('#rendered [data-sentence][data-status]').length,
    claims: document.querySelectorAll('#rendered [data-kind="claim"]').length,
    statusBars: document.querySelectorAll('#chart-status li').length,
    sources: [...document.querySelectorAll('#sources tbody th')].map((th) => th.textContent),
    filterCount: document.getElementById('filter-count').textContent,
    exportsEnabled: !document.getElementById('export-json').disabled,
  }));
  assert.match(ui.title, /^Article: Harbour tunnel closure extended after new cracks found/);
  assert.match(ui.meta, /Priya Okafor/);
  assert.equal(ui.score, String(report.summary.score));
  assert.equal(ui.sentences, report.sentences.length);
  assert.equal(ui.claims, report.stats.claims);
  assert.equal(ui.statusBars, 6);
  assert.ok(ui.sources.some((s) => s.includes('Lindqvist')), `sources: ${ui.sources}`);
  assert.match(ui.filterCount, /^Showing \d+ of \d+ sentences$/);
  assert.ok(ui.exportsEnabled);

  const denied = sentenceOf(report, 'The contractor that rebuilt the drains');
  assert.deepEqual(await shown(panel, denied.index), { status: 'denied', attribution: 'namedOrganization', kind: 'claim', text: denied.text });
  const speculative = sentenceOf(report, 'Two officials familiar');
  assert.equal((await shown(panel, speculative.index)).status, 'speculative');
  assert.equal((await shown(panel, speculative.index)).attribution, 'unnamedOfficial');
  const named = sentenceOf(report, 'Marta Lindqvist');
  assert.equal((await shown(panel, named.index)).attribution, 'namedPerson');

  // The filter works in the panel as on the page.
  await panel.eval(() => {
    const f = document.getElementById('filter');
    f.value = 'unattributed';
    f.dispatchEvent(new Event('change'));
  });
  const out = await panel.eval((i) => document.querySelector(`#rendered [data-sentence="${i}"]`).dataset.filtered, named.index);
  assert.equal(out, 'out', 'a named claim is not filtered out by "Only unattributed claims"');
  await panel.eval(() => {
    const f = document.getElementById('filter');
    f.value = 'all';
    f.dispatchEvent(new Event('change'));
  });

  // No highlight yet; clicking a claim opens its card and highlights it in the page.
  assert.equal(await highlightOf(page), null);
  const topBefore = await page.evaluate(() =>
    [...document.querySelectorAll('p')].find((p) => p.textContent.startsWith('The contractor')).getBoundingClientRect().top,
  );
  assert.ok(topBefore > 500, `the claim is in view before any scrolling (top ${topBefore}): the scroll check would prove nothing`);
  await panel.click(`#rendered [data-sentence="${denied.index}"]`);
  await panel.waitFor(() => document.documentElement.dataset.locate === 'ok', null, 'the claim to be found on the page');
  const card = await panel.eval(() => ({
    hidden: document.getElementById('card').hidden,
    title: document.getElementById('card-title').textContent,
    body: document.getElementById('card-body').textContent,
  }));
  assert.equal(card.hidden, false);
  assert.equal(card.title, 'Claim: Denied');
  assert.match(card.body, /Brennock Construction Group/);
  const hl = await highlightOf(page);
  assert.ok(hl && hl.size > 0, 'no claimlens highlight in the page');
  // It is styled (the panel injects a ::highlight(claimlens) rule): a colour and an underline.
  const style = await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent.startsWith('The contractor'));
    const cs = getComputedStyle(p, '::highlight(claimlens)');
    return { background: cs.backgroundColor, line: cs.textDecorationLine };
  });
  assert.deepEqual(style, { background: 'rgb(255, 226, 122)', line: 'underline' });
  await page.screenshot({ path: path.join(ensureOutputDirs(), 'extension-page-highlight.png') });
  assert.equal(hl.text.replace(/\s+/g, ' '), denied.text);
  // Scrolled into view (smoothly; the page is taller than its 500 px viewport).
  await page.waitForFunction(
    () => {
      const r = [...CSS.highlights.get('claimlens')][0].getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    },
    null,
    { timeout: TIMEOUT },
  );
  // The host page's DOM is untouched: highlights are not elements.
  assert.equal(await page.evaluate(() => document.body.innerHTML), domBefore);

  // Another claim replaces the highlight.
  await panel.click(`#rendered [data-sentence="${named.index}"]`);
  await page.waitForFunction((t) => [...(CSS.highlights.get('claimlens') ?? [])].some((r) => r.toString().startsWith(t)), 'Marta Lindqvist', { timeout: TIMEOUT });
  assert.equal((await highlightOf(page)).size, 1);

  // From the keyboard: j moves to the next claim, whose card opens and which is highlighted.
  const next = report.sentences.find((x) => x.index > named.index && x.kind === 'claim');
  await panel.eval((i) => document.querySelector(`#rendered [data-sentence="${i}"]`).focus(), named.index);
  await panel.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'j', code: 'KeyJ', text: 'j', windowsVirtualKeyCode: 74 });
  await panel.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'j', code: 'KeyJ', windowsVirtualKeyCode: 74 });
  assert.equal(await panel.eval(() => document.activeElement.dataset.sentence), String(next.index));
  await page.waitForFunction((t) => [...(CSS.highlights.get('claimlens') ?? [])].some((r) => r.toString().replace(/\s+/g, ' ') === t), next.text, { timeout: TIMEOUT });

  // The panel is accessible with the report and a card open, light and dark (axe-core, injected over CDP).
  assert.deepEqual(await axeViolations(panel), []);
  await panel.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
  assert.deepEqual(await axeViolations(panel), [], 'dark');
  await panel.send('Emulation.setEmulatedMedia', { features: [] });

  // Nothing but the extension's own files was loaded by the panel.
  const foreign = await panel.eval((id) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(`chrome-extension://${id}/`)), extensionId);
  assert.deepEqual(foreign, []);
  assert.deepEqual(panel.errors, []);

  const shot = path.join(ensureOutputDirs(), 'extension-panel.png');
  await panel.eval(() => document.getElementById('card-close').click());
  assert.equal(await panel.eval(() => document.getElementById('card').hidden), true);
  await panel.eval(() => window.scrollTo(0, 0));
  await panel.screenshot(shot, 1250);
  if (process.env.CLAIMLENS_UPDATE_DOCS) writeFileSync(path.join(REPO, 'docs', 'extension-panel.png'), readFileSync(shot));

  // Closing the panel removes the highlights from the page.
  assert.ok((await highlightOf(page))?.size > 0);
  await panel.close();
  await waitForNoHighlight(page);
  assert.equal(await page.evaluate(() => document.body.innerHTML), domBefore);
  await page.close();
});

test('headline versus article: the panel shows the gap, marks both sentences and finds them on the page; nothing without a gap or a headline', async () => {
  const HEADLINE = 'Dunmere Council Will Close the Ashgrove Swimming Pool in June';
  const WHY = 'The headline states this as fact; the article itself only reports that unnamed officials say it.';
  const gapUi = (panel) =>
    panel.eval(() => {
      const box = document.getElementById('gap');
      return {
        visible: !box.hidden && box.getBoundingClientRect().height > 0,
        why: document.getElementById('gap-why').textContent,
        buttons: [...box.querySelectorAll('.gap-jump')].map((b) => [Number(b.dataset.target), b.textContent]),
        marked: [...document.querySelectorAll('#rendered [data-gap]')].map((x) => [Number(x.dataset.sentence), x.dataset.gap]),
      };
    });
  const activeSentence = (panel) => panel.eval(() => document.activeElement?.dataset?.sentence ?? null);
  const highlighted = (page, text) =>
    page.waitForFunction((t) => [...(CSS.highlights.get('claimlens') ?? [])].some((r) => r.toString().replace(/\s+/g, ' ') === t), text, { timeout: TIMEOUT });

  // With a gap: the page's headline (an h1 that Readability keeps out of the article's text) is read as well.
  const page = await openFixture('/headline-gap.html');
  await pressToolbarButton(page);
  let panel = await PanelSession.open();
  await panel.waitForState('done');
  let report = await panel.eval(() => window.lastReport);
  assert.equal(report.sentences[0].text, HEADLINE);
  assert.equal(report.sentences[0].kind, 'heading');
  const body = sentenceOf(report, 'The Dunmere council will close');
  assert.deepEqual(report.summary.headlineGap, { headline: 0, body: [body.index], why: WHY });
  let ui = await gapUi(panel);
  assert.equal(ui.visible, true, 'the gap box is hidden');
  assert.equal(ui.why, WHY);
  assert.deepEqual(ui.buttons, [[0, `Headline: “${HEADLINE}”`], [body.index, `In the article: “${body.text}”`]]);
  assert.deepEqual(ui.marked, [[0, 'headline'], [body.index, 'body']]);
  assert.equal(await panel.eval(() => document.querySelector('#summary-title').nextElementSibling.id), 'gap', 'the box is not at the top of the summary');
  const look = await panel.eval((i) => {
    const x = document.querySelector(`#rendered [data-sentence="${i}"]`);
    return { outline: getComputedStyle(x).outlineStyle, label: getComputedStyle(x, '::before').content };
  }, body.index);
  assert.equal(look.outline, 'dashed');
  assert.match(look.label, /⚠/);

  // The headline's button: focus moves to the headline in the panel, and the page highlights its h1.
  await panel.click('#gap .gap-jump[data-target="0"]');
  assert.equal(await activeSentence(panel), '0');
  await panel.waitFor(() => document.documentElement.dataset.locate === 'ok', null, 'the headline to be found on the page');
  await highlighted(page, HEADLINE);
  assert.equal(await panel.eval(() => document.getElementById('gap-locate').textContent), 'Highlighted on the page.');
  // The body's button, from the keyboard: focus moves to the claim, its card opens, the page highlights it.
  await panel.eval((i) => document.querySelector(`#gap .gap-jump[data-target="${i}"]`).focus(), body.index);
  await panel.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  await panel.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
  await panel.waitFor((i) => document.activeElement?.dataset?.sentence === String(i), body.index, 'focus on the body sentence');
  assert.equal(await panel.eval(() => document.getElementById('card').hidden), false);
  assert.equal(await panel.eval(() => document.getElementById('card-title').textContent), 'Claim: Claimed');
  await highlighted(page, body.text);
  assert.equal(await panel.eval(() => document.getElementById('gap-locate').textContent), '', 'the headline is still said to be highlighted');
  await panel.screenshot(path.join(ensureOutputDirs(), 'extension-headline-gap.png'));

  // Accessible in light, dark and high contrast (light and dark).
  assert.deepEqual(await axeViolations(panel), [], 'light');
  await panel.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
  assert.deepEqual(await axeViolations(panel), [], 'dark');
  await panel.eval(() => document.getElementById('contrast').click());
  assert.equal(await panel.eval(() => document.documentElement.dataset.contrast), 'high');
  assert.deepEqual(await axeViolations(panel), [], 'high contrast, dark');
  await panel.send('Emulation.setEmulatedMedia', { features: [] });
  assert.deepEqual(await axeViolations(panel), [], 'high contrast, light');
  await panel.eval(() => document.getElementById('contrast').click());
  assert.deepEqual(panel.errors, []);
  await panel.close();

  // No headline: only the article's paragraphs are selected and checked.
  await page.evaluate(() => {
    const ps = [...document.querySelectorAll('article p')].filter((p) => !p.classList.contains('byline'));
    const range = document.createRange();
    range.setStartBefore(ps[0]);
    range.setEndAfter(ps[ps.length - 1]);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await pressToolbarButton(page);
  panel = await PanelSession.open();
  await panel.waitForState('done');
  report = await panel.eval(() => window.lastReport);
  assert.match(await panel.eval(() => document.getElementById('report-title').textContent), /^Selected text: /);
  assert.ok(report.sentences[0].text.startsWith('The Dunmere council will close'), report.sentences[0].text);
  assert.ok(!report.sentences.some((x) => x.kind === 'heading'), 'the selection has a heading');
  assert.equal(report.summary.headlineGap ?? null, null);
  ui = await gapUi(panel);
  assert.deepEqual(ui, { visible: false, why: '', buttons: [], marked: [] });
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();

  // No gap: the tunnel article, whose headline is read too but is backed by a named authority.
  const other = await openFixture('/article.html');
  await pressToolbarButton(other);
  panel = await PanelSession.open();
  await panel.waitForState('done');
  report = await panel.eval(() => window.lastReport);
  assert.equal(report.sentences[0].text, 'Harbour tunnel closure extended after new cracks found');
  assert.equal(report.sentences[0].kind, 'heading');
  assert.equal(report.summary.headlineGap ?? null, null);
  ui = await gapUi(panel);
  assert.deepEqual(ui, { visible: false, why: '', buttons: [], marked: [] });
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await other.close();
});

test('the kind of piece and the score in words: a news article, an opinion column (with why the score means less), and a Japanese page (a warning, not "no article")', async () => {
  const verdict = (panel) =>
    panel.eval(() => {
      const g = document.getElementById('summary-genre');
      const b = document.getElementById('summary-band');
      const w = document.getElementById('warnings');
      return {
        genre: g && !g.hidden ? g.dataset.genre : null,
        genreText: g?.textContent ?? '',
        note: document.getElementById('genre-note')?.textContent ?? '',
        band: b && !b.hidden ? b.dataset.band : null,
        bandText: b?.textContent ?? '',
        warnings: w && !w.hidden ? w.textContent : '',
      };
    });

  // news: a band with its word, no note, no warning
  let page = await openFixture('/article.html');
  await pressToolbarButton(page);
  let panel = await PanelSession.open();
  await panel.waitForState('done');
  let report = await panel.eval(() => window.lastReport);
  let v = await verdict(panel);
  assert.equal(v.genre, 'news');
  assert.equal(v.band, report.summary.band);
  assert.ok(['wellSourced', 'mixed'].includes(v.band), v.band);
  assert.match(v.bandText, /(Well sourced|Mixed).*Typical news reports score \d+–\d+/);
  assert.equal(v.note, '');
  assert.equal(v.warnings, '');
  await panel.close();
  await page.close();

  // opinion: the genre, its clues, and the note; axe clean
  page = await openFixture('/opinion.html');
  await pressToolbarButton(page);
  panel = await PanelSession.open();
  await panel.waitForState('done');
  v = await verdict(panel);
  assert.equal(v.genre, 'opinion', JSON.stringify(v));
  assert.match(v.genreText, /Opinion or analysis.*“I think”/);
  assert.match(v.note, /sourcing score means less here/);
  assert.ok(v.band, 'a band is shown');
  assert.deepEqual(await axeViolations(panel), []);
  await panel.screenshot(path.join(REPO, 'test-output', 'screenshots', 'extension-opinion.png'));
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();

  // Japanese: the article is found and the panel says claimlens reads English
  page = await openFixture('/japanese.html');
  await pressToolbarButton(page);
  panel = await PanelSession.open();
  await panel.waitForState('done');
  report = await panel.eval(() => window.lastReport);
  assert.ok(report.warnings.some((w) => /reads English news/.test(w)), JSON.stringify(report.warnings));
  v = await verdict(panel);
  assert.match(v.warnings, /claimlens reads English news/);
  assert.deepEqual(await axeViolations(panel), []);
  await panel.close();
  await page.close();
});

test('the context-menu items exist; with text selected, the toolbar button checks only the selection', async () => {
  // Native menus cannot be clicked by automation; the service worker can at least prove
  // that both items were registered under their ids (updating a missing item fails).
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  const menus = await worker.evaluate(async () => {
    const ok = async (id) => chrome.contextMenus.update(id, {}).then(() => true, () => false);
    return { page: await ok('claimlens-page'), selection: await ok('claimlens-selection'), missing: await ok('no-such-item') };
  });
  assert.deepEqual(menus, { page: true, selection: true, missing: false });

  const page = await openFixture('/article.html');
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent.startsWith('Councillor Oren Faulk'));
    getSelection().selectAllChildren(p);
  });
  await pressToolbarButton(page);
  const panel = await PanelSession.open();
  await panel.waitForState('done');
  const report = await panel.eval(() => window.lastReport);
  assert.deepEqual(
    report.sentences.map((s) => s.text),
    ['Councillor Oren Faulk said the city would pay for extra ferry crossings while the tunnel is closed.', 'The transport authority has not confirmed how much the repairs will cost.'],
  );
  assert.equal(report.sentences[1].status.label, 'unconfirmed');
  assert.match(await panel.eval(() => document.getElementById('report-title').textContent), /^Selected text: /);
  await panel.close();
  await page.close();
});

test('a page with a strict CSP still works: the wasm runs in the panel, not in the page', async () => {
  const page = await openFixture('/strict/article.html');
  // The page's policy really is strict: it cannot compile wasm itself.
  const pageWasm = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => 'compiled',
      (e) => `refused: ${e.message}`,
    ),
  );
  assert.match(pageWasm, /^refused/);
  await pressToolbarButton(page);
  const panel = await PanelSession.open();
  await panel.waitForState('done');
  const report = await panel.eval(() => window.lastReport);
  assert.ok(report.stats.claims >= 8);
  const s = sentenceOf(report, 'Councillor Oren Faulk');
  await panel.click(`#rendered [data-sentence="${s.index}"]`);
  await panel.waitFor(() => document.documentElement.dataset.locate === 'ok', null, 'the claim to be found on the page');
  assert.equal((await highlightOf(page)).text.replace(/\s+/g, ' '), s.text);

  // A sentence the page no longer has (it changed after the check) gets a clear message.
  const gone = sentenceOf(report, 'Engineers will publish');
  await page.evaluate(() => [...document.querySelectorAll('p')].find((p) => p.textContent.startsWith('Engineers will publish')).remove());
  await panel.click(`#rendered [data-sentence="${gone.index}"]`);
  await panel.waitFor(() => document.documentElement.dataset.locate === 'error', null, 'the lookup to fail');
  assert.match(await panel.eval(() => document.getElementById('locate').textContent), /could not be found on the page/);
  assert.equal(await highlightOf(page), null, 'the previous claim is still highlighted');
  assert.equal(await panel.eval(() => document.getElementById('card-title').textContent), 'Claim: Claimed');
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await waitForNoHighlight(page);
  await page.close();
});

test('no article: a clear message, and the offer to check selected text, which works', async () => {
  const page = await openFixture('/no-article.html');
  await pressToolbarButton(page);
  const panel = await PanelSession.open();
  await panel.waitForState('no-article');
  const notice = await panel.eval(() => ({
    hidden: document.getElementById('notice').hidden,
    text: document.getElementById('notice-text').textContent,
    button: !document.getElementById('notice-selection').hidden,
    report: !document.getElementById('report').hidden,
  }));
  assert.deepEqual(
    { hidden: notice.hidden, button: notice.button, report: notice.report },
    { hidden: false, button: true, report: false },
  );
  assert.match(notice.text, /found no article on this page/);
  assert.match(notice.text, /Check selected text/);
  assert.deepEqual(await axeViolations(panel), []);

  // The reader selects a passage and takes up the offer.
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('pitch'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await panel.click('#notice-selection');
  await panel.waitForState('done');
  const report = await panel.eval(() => window.lastReport);
  const s = sentenceOf(report, 'Officials said the offer ends on Friday');
  assert.equal(s.attributions[0].kind, 'unnamedOfficial');
  assert.match(await panel.eval(() => document.getElementById('report-title').textContent), /^Selected text: /);
  assert.equal(await panel.eval(() => document.getElementById('notice').hidden), true);
  await panel.click(`#rendered [data-sentence="${s.index}"]`);
  await panel.waitFor(() => document.documentElement.dataset.locate === 'ok', null, 'the selected claim to be found on the page');
  assert.equal((await highlightOf(page)).text, s.text);
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await waitForNoHighlight(page);
  await page.close();
});

test('a very long page shows progress and the panel never freezes', async () => {
  const page = await openFixture('/long.html');
  // The host page's own longest stall (Readability runs there, in the content script), for the log.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
    }, 20);
  });
  await pressToolbarButton(page);
  const panel = await PanelSession.open();
  // Record every status the panel shows, whether the progress bar was up, and the
  // longest gap between 20 ms timer ticks on the panel's main thread.
  await panel.eval(() => {
    const seen = (window.__seen = { statuses: [], progress: false, maxGap: 0 });
    const status = document.getElementById('status');
    const note = () => {
      seen.statuses.push(`${document.documentElement.dataset.check}: ${status.textContent}`);
      if (!document.getElementById('progress').hidden) seen.progress = true;
    };
    note();
    new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true });
    let last = performance.now();
    window.__tick = setInterval(() => {
      const now = performance.now();
      seen.maxGap = Math.max(seen.maxGap, now - last);
      last = now;
    }, 20);
  });
  await panel.waitFor(() => document.documentElement.dataset.check === 'done', null, 'the long page to be done', 90_000);
  const seen = await panel.eval(() => {
    clearInterval(window.__tick);
    return { ...window.__seen, sentences: window.lastReport.sentences.length, chars: window.lastReport.stats.chars };
  });
  const pageGap = await page.evaluate(() => window.__gap);
  console.log(
    `long page: ${seen.chars} chars, ${seen.sentences} sentences; longest stall: panel ${Math.round(seen.maxGap)} ms, ` +
      `host page (reading the article) ${Math.round(pageGap)} ms`,
  );
  assert.ok(seen.sentences > 6000, `sentences: ${seen.sentences}`);
  assert.ok(seen.progress, 'the progress bar never showed');
  assert.ok(seen.statuses.some((s) => /^drawing: Drawing sentences: [\d,]+ of [\d,]+…$/.test(s)), JSON.stringify(seen.statuses));
  assert.ok(seen.maxGap < 1000, `the panel stalled for ${Math.round(seen.maxGap)} ms`);
  assert.equal(await panel.eval(() => document.querySelectorAll('#rendered [data-sentence]').length), seen.sentences);
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

test('a tab the reader has not asked about gets a clear message, not a report', async () => {
  const asked = await openFixture('/article.html');
  await pressToolbarButton(asked);
  const panel = await PanelSession.open();
  await panel.waitForState('done');
  // Another tab, never granted (no toolbar click there), becomes the active one.
  const other = await openFixture('/strict/article.html');
  await other.bringToFront();
  await panel.click('#check-page');
  await panel.waitForState('error');
  const ui = await panel.eval(() => ({
    notice: document.getElementById('notice').hidden ? null : document.getElementById('notice-text').textContent,
    report: !document.getElementById('report').hidden,
    lastReport: window.lastReport,
  }));
  assert.match(ui.notice ?? '', /no access to this tab yet.*click the claimlens button/);
  assert.equal(ui.report, false, 'the previous tab’s report is still shown');
  assert.equal(ui.lastReport, null);
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await other.close();
  await asked.close();
});
