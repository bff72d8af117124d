// main.js: wires the page together. Text in → debounced analysis in the worker
// → rendered article, summary, filter and exports; claim cards; samples.
// Test hooks: html[data-analysis] is "pending" | "done" | "error";
// window.lastReport is the last report rendered (null when cleared).

import { Analyser } from './analyser.js';
import { renderReport } from './render.js';
import { renderSummary, resetSummary } from './summary.js';
import { setupClaims } from './claims.js';
import { setupGap } from './gap.js';
import { setupFilter } from './filter.js';
import { setupExports } from './export.js';
import { setupInput } from './input.js';
import { setupContrast } from './prefs.js';
import { loadSamples, loadSampleText } from './samples.js';
import { el } from './dom.js';
import { count } from './words.js';
import { MAX_BYTES, overLimit } from './bytes.js';
import { startRouter } from './classroom/router.js';

const DEBOUNCE_MS = 250;

const $ = (id) => document.getElementById(id);
const html = document.documentElement;
const input = $('input');
const rendered = $('rendered');
const statusLine = $('status');
const filterSelect = $('filter');
const sampleSelect = $('sample');

let report = null;
let timer = 0;
let stopRender = () => {}; // stops drawing a long report that a newer one replaces
let userTouched = false;

const setState = (state) => (html.dataset.analysis = state);
const setStatus = (text) => (statusLine.textContent = text);

// ---- analysis -------------------------------------------------------------

const analyser = new Analyser({
  onReady: (version) => ($('version').textContent = version),
  onResult: ({ report: r, text, ms }) => show(r, text, ms),
  onError: (message) => fail(message),
  onFatal: (message) => fail(message),
});

const oversizeMessage = (what) =>
  `Too long to analyse: ${what} is over the size limit of 16 MiB (UTF-8). Try a shorter text.`;

/** Queues an analysis of the textarea; `now` skips the debounce. */
function schedule(now = false) {
  setState('pending');
  clearTimeout(timer);
  timer = setTimeout(run, now ? 0 : DEBOUNCE_MS);
}

function run() {
  const text = input.value;
  if (!text.trim()) {
    analyser.cancel();
    clear('Paste an article to analyse it.', 'done');
    return;
  }
  if (overLimit(text, MAX_BYTES)) {
    analyser.cancel();
    clear(oversizeMessage('this text'), 'error');
    return;
  }
  setStatus('Analysing…');
  analyser.analyze(text);
}

function show(r, text, ms) {
  report = r;
  window.lastReport = r;
  card.close();
  stopRender();
  renderSummary(r);
  setExports(true);
  showWarnings(r.warnings ?? []);
  const time = ms < 10 ? ms.toFixed(1) : Math.round(ms);
  setStatus(`${count(r.stats?.sentences ?? 0, 'sentence')}, ${count(r.stats?.claims ?? 0, 'claim')} analysed in ${time} ms`);
  stopRender = renderReport(rendered, text, r, () => {
    updateFilter();
    setState('done');
  });
}

/** Clears the highlights, the summary and the exports, and says why. */
function clear(message, state) {
  report = null;
  window.lastReport = null;
  card.close();
  stopRender();
  rendered.replaceChildren(el('p', { class: 'placeholder' }, 'The highlighted article will appear here.'));
  resetSummary();
  updateFilter();
  setExports(false);
  showWarnings([]);
  setStatus(message);
  setState(state);
}

function fail(message) {
  clear(message, 'error');
}

function showWarnings(warnings) {
  const list = $('warnings');
  list.replaceChildren(...warnings.map((w) => el('li', {}, w)));
  list.hidden = warnings.length === 0;
}

// ---- text in ---------------------------------------------------------------

function ownText() {
  userTouched = true;
  sampleSelect.value = '';
  $('sample-description').textContent = '';
}

input.addEventListener('input', () => {
  ownText();
  schedule();
});

setupInput({
  textarea: input,
  fileInput: $('file'),
  maxBytes: MAX_BYTES,
  onText: () => {
    ownText();
    schedule(true);
  },
  onMessage: (message) => setStatus(message),
  onOversize: (bytes) => {
    ownText();
    analyser.cancel();
    clearTimeout(timer);
    clear(oversizeMessage(`this file (${(bytes / 1024 / 1024).toFixed(1)} MiB)`), 'error');
  },
});

// ---- samples ---------------------------------------------------------------

let samples = [];

async function chooseSample(id) {
  const entry = samples.find((s) => s.id === id);
  if (!entry) return;
  sampleSelect.value = id;
  $('sample-description').textContent = entry.description ?? '';
  setState('pending');
  setStatus('Loading the sample…');
  try {
    input.value = await loadSampleText(entry);
    schedule(true);
  } catch (err) {
    clear(`Could not load the sample “${entry.title ?? id}” (${err.message}).`, 'error');
  }
}

sampleSelect.addEventListener('change', () => {
  if (sampleSelect.value) {
    userTouched = true;
    chooseSample(sampleSelect.value);
  } else $('sample-description').textContent = '';
});

async function firstOpen() {
  try {
    samples = await loadSamples(sampleSelect);
  } catch (err) {
    if (!userTouched && !input.value.trim()) {
      clear(`Could not load the sample articles (${err.message}). Paste an article to analyse it.`, 'error');
    }
    return;
  }
  if (userTouched) return;
  if (input.value.trim()) return schedule(true); // text kept by the browser
  const first = samples.find((s) => s.id === 'well-sourced') ?? samples[0];
  if (first) await chooseSample(first.id);
  else clear('Paste an article to analyse it.', 'done');
}

// ---- claim cards and keyboard (claims.js) ------------------------------------

const card = setupClaims({ rendered, cardRoot: $('card'), getReport: () => report });

// ---- headline versus article: the summary's box moves focus to its sentences (gap.js) ----

setupGap({ rendered });

// ---- filter and exports (filter.js, export.js) -----------------------------------

const updateFilter = setupFilter({ select: filterSelect, rendered, countLine: $('filter-count'), getReport: () => report, count });
const setExports = setupExports($, () => report);

// ---- start -----------------------------------------------------------------

setupContrast($('contrast'));
window.lastReport = null;
setExports(false);
startRouter(firstOpen); // #classroom and #exercise=… open the classroom views instead (classroom/router.js)
