// panel.js: the claimlens extension's panel. It picks up a check request left
// by background.js (or ?tab=ID&mode=… in its URL), injects content.js into
// that tab to read the article (Readability) or the selected text, analyses
// the text with the wasm engine in a Web Worker (never in the content script:
// a page's strict CSP would block wasm there), and shows the page's summary,
// filters, highlighted sentences and claim cards. Opening a claim highlights
// it in the page (content.js, CSS Custom Highlight API); closing the panel
// removes the highlights (background.js, through the port below).
//
// Test hooks: html[data-check] is idle | reading | analysing | drawing | done |
// no-article | no-selection | error; window.lastReport is the last report;
// html[data-locate] is ok | error after a claim was looked up in the page.

import { Analyser } from './js/analyser.js';
import { renderReport } from './js/render.js';
import { renderSummary, resetSummary } from './js/summary.js';
import { setupClaims } from './js/claims.js';
import { setupGap } from './js/gap.js';
import { setupFilter } from './js/filter.js';
import { setupExports } from './js/export.js';
import { setupContrast } from './js/prefs.js';
import { el } from './js/dom.js';
import { count } from './js/words.js';
import { MAX_BYTES, overLimit } from './js/bytes.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const html = document.documentElement;
const rendered = $('rendered');
const filterSelect = $('filter');
const progress = $('progress');

/** A request older than this was not meant for a panel opening now. */
const REQUEST_TTL_MS = 60_000;

/** The in-page highlight: a colour and an underline, so it never relies on colour alone. */
const HIGHLIGHT_CSS =
  '::highlight(claimlens) { background-color: #ffe27a; color: #111111; ' +
  'text-decoration: underline 3px #8a4a00; text-underline-offset: 3px; }';

let report = null;
let target = null; // what the report is of: { tabId, source, title, byline, words }
let lastTabId = null; // the tab checked last, with or without a report
let stopRender = () => {};
const handled = new Set();

const setState = (state) => (html.dataset.check = state);
const setStatus = (text) => ($('status').textContent = text);
const fmt = (n) => n.toLocaleString('en');

function setProgress(value, max) {
  progress.hidden = value == null;
  if (value == null) return;
  if (max) {
    progress.max = max;
    progress.value = value;
  } else progress.removeAttribute('value'); // indeterminate
}

// ---- messages ---------------------------------------------------------------

const ACCESS_HELP =
  'claimlens can read a tab only when you ask it to: click the claimlens button in the toolbar, ' +
  'or right-click the page and choose “Check sources on this page”.';

function notice(text, offerSelection = false) {
  $('notice-text').textContent = text;
  $('notice-selection').hidden = !offerSelection;
  $('notice').hidden = false;
}
const hideNotice = () => ($('notice').hidden = true);

function explainScriptError(err) {
  const m = String(err?.message ?? err);
  if (/cannot be scripted|chrome:\/\/|about:|extensions gallery|Cannot access a chrome/i.test(m)) {
    return 'This page cannot be checked: browsers keep their own pages and the extension store closed to extensions.';
  }
  if (/No tab with id|Invalid tab/i.test(m)) return 'That tab has been closed.';
  if (/permission|Cannot access contents|Missing host/i.test(m)) return `claimlens has no access to this tab yet. ${ACCESS_HELP}`;
  return `claimlens could not read this tab (${m}). ${ACCESS_HELP}`;
}

// ---- the analysis -------------------------------------------------------------

const analyser = new Analyser({
  onReady: (version) => ($('version').textContent = version),
  onResult: ({ report: r, text, ms }) => show(r, text, ms),
  onError: (message) => fail(`The analysis failed: ${message}`),
  onFatal: (message) => fail(message),
});

async function activeTabId() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Reads the tab (mode 'auto' | 'page' | 'selection') and analyses what it finds. */
async function check(tabId, mode) {
  if (!Number.isInteger(tabId)) {
    setState('error');
    return notice(`There is no tab to check. ${ACCESS_HELP}`);
  }
  hideNotice();
  await clearHighlight();
  lastTabId = tabId;
  analyser.cancel();
  stopRender();
  setState('reading');
  setStatus(mode === 'selection' ? 'Reading the selected text…' : 'Reading the page…');
  setProgress(0);
  let found;
  try {
    await api.scripting.executeScript({ target: { tabId }, files: ['vendor/Readability.js', 'content.js'] });
    await api.scripting.removeCSS({ target: { tabId }, css: HIGHLIGHT_CSS }).catch(() => {});
    await api.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS });
    const [res] = await api.scripting.executeScript({
      target: { tabId },
      func: (m) => globalThis.claimlensContent.extract(m),
      args: [mode],
    });
    found = res?.result;
  } catch (err) {
    setProgress(null);
    clearReport();
    setState('error');
    setStatus('Could not read the page.');
    return notice(explainScriptError(err));
  }
  setProgress(null);
  if (!found?.ok) {
    clearReport();
    const noArticle = found?.reason === 'no-article';
    setState(noArticle ? 'no-article' : found?.reason === 'no-selection' ? 'no-selection' : 'error');
    setStatus(noArticle ? 'No article found on this page.' : 'No text is selected.');
    return notice(
      noArticle
        ? 'claimlens found no article on this page: no run of paragraphs long enough to be a news story. ' +
            'Select the passage you want to check on the page, then choose “Check selected text”.'
        : 'Nothing is selected on the page. Select the passage you want to check, then choose “Check selected text” again.',
      true,
    );
  }
  target = { tabId, ...found };
  const text = found.text;
  if (overLimit(text, MAX_BYTES)) {
    setState('error');
    setStatus('Too long to analyse.');
    return notice('This page is over the size limit of 16 MiB of text. Select a part of it and choose “Check selected text”.', true);
  }
  setState('analysing');
  setStatus(`Analysing ${count(found.words, 'word')}…`);
  setProgress(0);
  analyser.analyze(text);
}

function show(r, text, ms) {
  report = r;
  window.lastReport = r;
  card.close();
  stopRender();
  $('report').hidden = false;
  const what = target.source === 'selection' ? 'Selected text' : 'Article';
  const by = target.byline ? `, ${target.byline}` : '';
  $('report-title').textContent = `${what}: ${target.title || 'untitled page'}`;
  $('report-meta').textContent =
    `${target.source === 'selection' ? 'The text you selected' : 'The article as reader view finds it'}${by}; ` +
    `${count(target.words, 'word')}, analysed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms.`;
  renderSummary(r);
  $('gap-locate').textContent = '';
  setExports(true);
  showWarnings(r.warnings ?? []);
  const total = r.sentences?.length ?? 0;
  setState('drawing');
  setStatus(`Drawing ${count(total, 'sentence')}…`);
  setProgress(0, Math.max(total, 1));
  stopRender = renderReport(
    rendered,
    text,
    r,
    () => {
      setProgress(null);
      updateFilter();
      setStatus(`${count(r.stats?.sentences ?? 0, 'sentence')}, ${count(r.stats?.claims ?? 0, 'claim')}. Click a claim to find it on the page.`);
      setState('done');
    },
    (drawn, all) => {
      setProgress(drawn, Math.max(all, 1));
      if (drawn < all) setStatus(`Drawing sentences: ${fmt(drawn)} of ${fmt(all)}…`);
    },
  );
}

/** Hides the last report: it is not of what the reader asked for now. */
function clearReport() {
  report = null;
  window.lastReport = null;
  target = null;
  card.close();
  stopRender();
  $('report').hidden = true;
  setExports(false);
}

function fail(message) {
  setProgress(null);
  clearReport();
  setState('error');
  setStatus('The analysis failed.');
  notice(message);
}

function showWarnings(warnings) {
  const list = $('warnings');
  list.replaceChildren(...warnings.map((w) => el('li', {}, w)));
  list.hidden = warnings.length === 0;
}

// ---- highlights in the page -----------------------------------------------------

let port = null;
const highlightedTabs = new Set();

/** A port to background.js: when it closes with the panel, the highlights go. */
function connect() {
  port = api.runtime.connect({ name: 'claimlens-panel' });
  for (const tabId of highlightedTabs) port.postMessage({ type: 'highlighted', tabId });
  port.onDisconnect.addListener(() => setTimeout(connect, 100)); // the service worker was stopped
}

/** Highlights sentence s in the checked tab; says how it went in `locate` (a status line). */
async function highlight(s, locate = $('locate')) {
  const tabId = target?.tabId;
  if (tabId == null) return;
  highlightedTabs.add(tabId);
  port?.postMessage({ type: 'highlighted', tabId });
  try {
    const [res] = await api.scripting.executeScript({
      target: { tabId },
      func: (a, b) => globalThis.claimlensContent?.highlight(a, b) ?? { ok: false, reason: 'The page was reloaded; check it again.' },
      args: [s.start, s.end],
    });
    const r = res?.result;
    html.dataset.locate = r?.ok ? 'ok' : 'error';
    locate.textContent = r?.ok ? 'Highlighted on the page.' : r?.reason ?? 'Could not find it on the page.';
  } catch (err) {
    html.dataset.locate = 'error';
    locate.textContent = explainScriptError(err);
  }
}

async function clearHighlight() {
  if (target?.tabId == null) return;
  await api.scripting
    .executeScript({ target: { tabId: target.tabId }, func: () => globalThis.claimlensContent?.clear() })
    .catch(() => {});
}

// ---- claim cards and keyboard (as on the page) ------------------------------------

const card = setupClaims({
  rendered,
  cardRoot: $('card'),
  getReport: () => report,
  onOpen: (sentence) => {
    $('locate').textContent = '';
    $('gap-locate').textContent = ''; // the page no longer shows the headline
    highlight(sentence);
  },
});

// ---- headline versus article (gap.js) --------------------------------------------
// A body claim opens its card when it gets focus, and so is found on the page
// (onOpen above); the headline is not a claim, so it is found on the page here.

setupGap({
  rendered,
  onJump: (index) => {
    const s = report?.sentences?.[index];
    if (s && s.kind !== 'claim') {
      card.close();
      $('gap-locate').textContent = '';
      highlight(s, $('gap-locate'));
    }
  },
});

// ---- filter and exports (filter.js, export.js) -----------------------------------

const updateFilter = setupFilter({ select: filterSelect, rendered, countLine: $('filter-count'), getReport: () => report, count });
const setExports = setupExports($, () => report);

// ---- requests: toolbar button, context menu, the panel's own buttons ----------------

function handle(req) {
  if (!req || handled.has(req.id)) return;
  handled.add(req.id);
  api.storage.session.remove('request').catch(() => {});
  check(req.tabId, req.mode ?? 'auto');
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && changes.request?.newValue) handle(changes.request.newValue);
});

async function checkFromPanel(mode) {
  // The tab the reader is looking at; the panel's own buttons do not grant
  // access to a tab, so a tab never checked before gets the help message.
  const tabId = (await activeTabId().catch(() => null)) ?? lastTabId;
  check(tabId, mode);
}
$('check-page').addEventListener('click', () => checkFromPanel('page'));
$('check-selection').addEventListener('click', () => checkFromPanel('selection'));
$('notice-selection').addEventListener('click', () => checkFromPanel('selection'));

async function start() {
  setupContrast($('contrast'));
  window.lastReport = null;
  resetSummary();
  setExports(false);
  connect();
  const params = new URLSearchParams(location.search);
  const { request } = await api.storage.session.get('request');
  if (request && Date.now() - request.at < REQUEST_TTL_MS) handle(request);
  else if (params.has('tab')) handle({ id: 'url', tabId: Number(params.get('tab')), mode: params.get('mode') ?? 'auto' });
}

start();
