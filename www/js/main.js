// main.js: wires the page together. Text in → debounced analysis in the worker
// → rendered article, summary, filter and exports; claim cards; samples.
// Results first: after a paste, a file, or a sample, the input folds to a bar
// with "Edit text" (layout.js). A paste over the 16 MiB limit is held back from
// the textarea (which would freeze on it) and the message offers to analyse the
// first 16 MiB. The status line gives the time from the request to the last
// sentence drawn.
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
import { MAX_BYTES, overLimit, utf8Prefix } from './bytes.js';
import { setupLayout } from './layout.js';
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
let held = null; // text analysed instead of the textarea's (a paste over the limit, cut to it)
let heldCut = false; // `held` is the first 16 MiB of a longer text
let heldWhole = null; // the whole text over the limit, while the message offers to cut it
let sentAt = 0; // when the text now being analysed was sent (or pasted)
let pasteAt = 0; // when the last paste (or the cut's button) happened, for the status line's time
let foldNext = false; // fold the input once the next result shows (a paste, a file, a sample)
let inputTitle = 'Your text';

const setState = (state) => (html.dataset.analysis = state);
const setStatus = (text) => (statusLine.textContent = text);

// ---- analysis -------------------------------------------------------------

// stream: a long report shows from its first piece of sentences on (render.js
// draws the first screen while the rest arrive).
const analyser = new Analyser(
  {
    onReady: (version) => ($('version').textContent = version),
    onResult: ({ report: r, text, ms, more }) => show(r, text, ms, more),
    onError: (message) => fail(message),
    onFatal: (message) => fail(message),
  },
  { stream: true },
);

const oversizeMessage = (what) =>
  `Too long to analyse: ${what} is over the size limit of 16 MiB (UTF-8). Analyse its first 16 MiB, or try a shorter text.`;

/** Shows (text) or hides (null) the offer to analyse the first 16 MiB of an over-long text. */
function offerCut(text) {
  heldWhole = text;
  $('oversize').hidden = text == null;
}

/** Queues an analysis of the textarea; `now` skips the debounce. */
function schedule(now = false) {
  setState('pending');
  clearTimeout(timer);
  timer = setTimeout(run, now ? 0 : DEBOUNCE_MS);
}

function run() {
  const text = held ?? input.value;
  sentAt = pasteAt || performance.now();
  pasteAt = 0;
  if (!text.trim()) {
    analyser.cancel();
    clear('Paste an article to analyse it.', 'done');
    return;
  }
  if (overLimit(text, MAX_BYTES)) {
    analyser.cancel();
    clear(oversizeMessage('this text'), 'error');
    offerCut(text);
    return;
  }
  setStatus('Analysing…');
  analyser.analyze(text);
}

const fmtMs = (ms) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en'));

/** Shows report `r` of `text`; `more`: its sentences are still arriving (render.js). */
function show(r, text, ms, more = null) {
  report = r;
  window.lastReport = r;
  card.close();
  stopRender();
  renderSummary(r);
  layout.showScore(r);
  setExports(!more); // a report still arriving is exported once complete
  showWarnings(r.warnings ?? []);
  const started = sentAt || performance.now();
  sentAt = 0;
  const what = `${count(r.stats?.sentences ?? 0, 'sentence')}, ${count(r.stats?.claims ?? 0, 'claim')}`;
  const total = r.stats?.sentences ?? 0;
  setStatus(`${what} analysed in ${fmtMs(ms)} ms; drawing…`);
  const fold = foldNext;
  foldNext = false;
  let lastProgress = performance.now();
  stopRender = renderReport(
    rendered,
    text,
    r,
    () => {
      updateFilter();
      setExports(true);
      setStatus(`${what} analysed in ${fmtMs(ms)} ms, all drawn ${fmtMs(performance.now() - started)} ms after the request`);
      setState('done');
    },
    (drawn) => {
      // progress at most once a second (the status line is a live region)
      const now = performance.now();
      if (drawn >= total || now - lastProgress < 1000) return;
      lastProgress = now;
      setStatus(`${what} analysed in ${fmtMs(ms)} ms; drawn ${drawn.toLocaleString('en')} of ${total.toLocaleString('en')}…`);
    },
    more,
  );
  if (fold) layout.fold(heldCut ? `${inputTitle}: the first 16 MiB` : inputTitle, r);
}

/** Clears the highlights, the summary and the exports, and says why. */
function clear(message, state) {
  report = null;
  window.lastReport = null;
  card.close();
  stopRender();
  rendered.replaceChildren(el('p', { class: 'placeholder' }, 'The highlighted article will appear here.'));
  resetSummary();
  layout.showScore(null);
  offerCut(null);
  sentAt = 0;
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
  held = null;
  heldCut = false;
  inputTitle = 'Your text';
  sampleSelect.value = '';
  $('sample-description').textContent = '';
}

input.addEventListener('input', () => {
  ownText();
  if (pasting) {
    pasting = false;
    foldNext = true;
    return schedule(true); // a paste: no need to wait for more keys
  }
  foldNext = false; // typing: the input stays open
  schedule();
});

// A paste: analyse at once and fold the input when the result shows. A paste
// over the limit never reaches the textarea (inserting 20 MB into it freezes
// the page for seconds); the message offers to analyse its first 16 MiB.
let pasting = false;
/** A paste longer than this (UTF-16 units, about 1 MB) is analysed without going into the textarea. */
const LARGE = 1_000_000;
input.addEventListener('paste', (e) => {
  pasteAt = performance.now();
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text && overLimit(text, MAX_BYTES)) {
    e.preventDefault();
    ownText();
    analyser.cancel();
    clearTimeout(timer);
    const mib = (new Blob([text]).size / 1024 / 1024).toFixed(1); // its UTF-8 size
    clear(oversizeMessage(`this pasted text (${mib} MiB)`) + ' It was not put in the box.', 'error');
    offerCut(text);
    return;
  }
  if (text.length > LARGE) {
    // A long paste is kept out of the textarea too: a 2 MB value takes the
    // textarea seconds to take in, and every key typed in it after that costs
    // a fifth of a second or more. "Edit text" puts it in the box on request.
    e.preventDefault();
    ownText();
    held = text;
    foldNext = true;
    // Straight to the worker, before anything on the page changes (no timer, no
    // frame in between): the first screen waits on the analysis.
    clearTimeout(timer);
    setState('pending');
    run();
    inputTitle = `Pasted text (${(new Blob([text]).size / 1e6).toFixed(1)} MB, kept out of the box: Edit text puts it there)`;
    input.value = '';
    layout.fold(inputTitle, null);
    $('edit-text').focus();
    return;
  }
  pasting = true;
});

$('analyse-start').addEventListener('click', () => {
  if (heldWhole == null) return;
  const cut = utf8Prefix(heldWhole, MAX_BYTES);
  offerCut(null);
  userTouched = true;
  held = cut;
  heldCut = true;
  inputTitle = 'Pasted text';
  foldNext = true;
  pasteAt = performance.now();
  schedule(true);
});

setupInput({
  textarea: input,
  fileInput: $('file'),
  maxBytes: MAX_BYTES,
  onText: (_text, name) => {
    ownText();
    if (name) inputTitle = name;
    foldNext = true;
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
  held = null;
  heldCut = false;
  inputTitle = `Sample: ${entry.title ?? id}`;
  foldNext = true;
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
  if (input.value.trim()) {
    foldNext = true;
    return schedule(true); // text kept by the browser
  }
  const first = samples.find((s) => s.id === 'well-sourced') ?? samples[0];
  if (first) await chooseSample(first.id);
  else clear('Paste an article to analyse it.', 'done');
}

// ---- claim cards and keyboard (claims.js) ------------------------------------

// ---- results first: the input bar, the score at a glance, the legend (layout.js) ----

const layout = setupLayout({
  textarea: input,
  // Opening the input with a long pasted text held out of it puts the text in (the reader asked).
  onUnfold: () => {
    if (held == null || input.value) return;
    setStatus('Putting the text in the box (a long text takes a few seconds)…');
    const text = held;
    setTimeout(() => {
      if (held !== text) return;
      input.value = text;
      held = null;
      inputTitle = 'Your text';
      setStatus('The text is in the box.');
    }, 50);
  },
});

const card = setupClaims({ rendered, cardRoot: $('card'), getReport: () => report, onOpen: () => placeCard() });

/**
 * On a wide screen the card opens level with the top of the screen: a margin
 * above it moves it (and the summary below it) down to where the reader is, so
 * it never covers the summary. (On a phone it is a bottom sheet, app.css.)
 */
function placeCard() {
  const root = $('card');
  root.style.marginTop = '';
  if (!matchMedia('(min-width: 60em)').matches) return;
  const top = root.getBoundingClientRect().top;
  if (top < 8) root.style.marginTop = `calc(1rem + ${Math.round(8 - top)}px)`;
}

// ---- headline versus article: the summary's box moves focus to its sentences (gap.js) ----

setupGap({ rendered });

// ---- filter and exports (filter.js, export.js) -----------------------------------

const updateFilter = setupFilter({
  select: filterSelect,
  rendered,
  countLine: $('filter-count'),
  getReport: () => report,
  count,
  prev: $('filter-prev'),
  next: $('filter-next'),
});
const setExports = setupExports($, () => report);

// ---- start -----------------------------------------------------------------

setupContrast($('contrast'));
window.lastReport = null;
setExports(false);
startRouter(firstOpen); // #classroom and #exercise=… open the classroom views instead (classroom/router.js)
