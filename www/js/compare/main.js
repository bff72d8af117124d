// compare/main.js: wires the Compare view. Article slots in → debounced
// comparison in the worker → matrix, sources, ranking and exports.
// Test hooks: html[data-compare] is "pending" | "done" | "error";
// window.lastComparison is the last comparison drawn (null when cleared).

import { Comparer } from './comparer.js';
import { Slots } from './slots.js';
import { renderMatrix, renderSources, renderRanking, renderStories, resetTables, toggleMembers, ROW_LIMIT } from './render.js';
import { COMPARE_EXPORTS } from './export.js';
import { download } from '../export.js';
import { setupContrast } from '../prefs.js';
import { MAX_BYTES, overLimit } from '../bytes.js';
import { count } from '../words.js';
import { el } from '../dom.js';

const DEBOUNCE_MS = 400;
const SAMPLES = new URL('../../samples/compare/', import.meta.url);

const $ = (id) => document.getElementById(id);
const html = document.documentElement;
const statusLine = $('compare-status');
const matrix = $('compare-matrix');
const sourcesTable = $('compare-sources');
const ranking = $('compare-ranking');

let comparison = null;
let timer = 0;
let sampleUntouched = false; // the slots hold the sample exactly as loaded
let userTouched = false;

const setState = (state) => (html.dataset.compare = state);
const setStatus = (text) => (statusLine.textContent = text);

// ---- comparison -------------------------------------------------------------

const comparer = new Comparer({
  onReady: (version) => ($('version').textContent = version),
  onResult: ({ comparison: c, ms }) => show(c, ms),
  onError: (message) => clear(`Could not compare these articles: ${message}`, 'error'),
  onFatal: (message) => clear(message, 'error'),
});

function schedule(now = false) {
  setState('pending');
  clearTimeout(timer);
  timer = setTimeout(run, now ? 0 : DEBOUNCE_MS);
}

function run() {
  const docs = slots.docs();
  if (docs.length < 2) {
    comparer.cancel();
    clear('Add at least two articles to compare.', 'done');
    return;
  }
  const big = docs.find((d) => overLimit(d.text, MAX_BYTES));
  if (big) {
    comparer.cancel();
    clear(`Too long to compare: “${big.name}” is over the size limit of 16 MiB (UTF-8). Try a shorter text.`, 'error');
    return;
  }
  setStatus(`Comparing ${count(docs.length, 'article')}…`);
  comparer.compare(docs);
}

function show(c, ms) {
  comparison = c;
  window.lastComparison = c;
  const groups = c.claimGroups ?? [];
  renderStories($('story-notice'), c);
  const drawn = renderMatrix(matrix, c);
  showMore(drawn, groups.length);
  renderSources(sourcesTable, c);
  renderRanking(ranking, $('ranking-note'), c);
  setExports(true);
  const conflicts = groups.filter((g) => g.conflict).length;
  const time = ms < 10 ? ms.toFixed(1) : Math.round(ms);
  setStatus(
    `Compared ${count(c.documents?.length ?? 0, 'article')} in ${time} ms: ` +
      `${count(groups.length, 'shared claim')}` +
      `${conflicts ? `, ${conflicts} with numbers that disagree` : ''}.` +
      `${c.sameStory === false ? ` These articles do not seem to report the same story (${count(c.stories?.length ?? 0, 'story', 'stories')}).` : ''}`,
  );
  setState('done');
}

function showMore(drawn, total) {
  const more = $('matrix-more');
  if (drawn >= total) {
    more.replaceChildren();
    return;
  }
  const button = el('button', { type: 'button', id: 'compare-show-all' }, `Show all ${total} claims`);
  button.addEventListener('click', () => {
    if (!comparison) return;
    renderMatrix(matrix, comparison, null);
    more.replaceChildren();
    matrix.querySelector(`tbody tr:nth-child(${2 * ROW_LIMIT + 1}) .expander`)?.focus();
  });
  more.replaceChildren(`Showing the first ${drawn} of ${total} shared claims. The exports have them all. `, button);
}

function clear(message, state) {
  comparison = null;
  window.lastComparison = null;
  resetTables(matrix, sourcesTable, ranking, $('story-notice'));
  $('matrix-more').replaceChildren();
  setExports(false);
  setStatus(message);
  setState(state);
}

// ---- the matrix's row expanders ------------------------------------------------

matrix.addEventListener('click', (e) => {
  const button = e.target.closest?.('button.expander');
  if (button) toggleMembers(button);
});

// ---- slots and samples ---------------------------------------------------------

const slots = new Slots({
  list: $('compare-slots'),
  addButton: $('compare-add'),
  fileInput: $('compare-files'),
  maxBytes: MAX_BYTES,
  onEdit: (now) => {
    touched();
    schedule(now === true);
  },
  onLoaded: () => {
    touched();
    schedule(true);
  },
  onMessage: (text) => setStatus(text),
  replaceOnFiles: () => sampleUntouched,
});

function touched() {
  userTouched = true;
  sampleUntouched = false;
  $('sample-description').textContent = '';
}

async function loadSampleSet() {
  const res = await fetch(new URL('index.json', SAMPLES));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const set = await res.json();
  const articles = Array.isArray(set?.articles) ? set.articles.filter((a) => a && typeof a.file === 'string') : [];
  if (articles.length < 2) throw new Error('the sample set has fewer than two articles');
  const docs = await Promise.all(
    articles.map(async (a) => {
      const url = new URL(a.file, SAMPLES);
      if (url.origin !== SAMPLES.origin) throw new Error('a sample is not on this site');
      const r = await fetch(url);
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return { name: String(a.name ?? a.file), text: await r.text() };
    }),
  );
  return { docs, description: String(set.description ?? '') };
}

async function useSample({ firstOpen = false } = {}) {
  setState('pending');
  setStatus('Loading the sample coverage…');
  try {
    const { docs, description } = await loadSampleSet();
    if (firstOpen && userTouched) return;
    slots.setAll(docs);
    sampleUntouched = true;
    $('sample-description').textContent = description;
    schedule(true);
  } catch (err) {
    if (firstOpen && userTouched) return;
    if (firstOpen) slots.clear();
    clear(`Could not load the sample coverage (${err.message}). Paste two or more articles to compare them.`, 'error');
  }
}

$('compare-sample').addEventListener('click', () => {
  userTouched = true;
  useSample();
});
$('compare-clear').addEventListener('click', () => {
  touched();
  slots.clear();
  slots.slots[0]?.text.focus();
  schedule(true);
});

// ---- exports -------------------------------------------------------------------

function setExports(enabled) {
  for (const id of Object.keys(COMPARE_EXPORTS)) $(`compare-export-${id}`).disabled = !enabled;
}
for (const [id, spec] of Object.entries(COMPARE_EXPORTS)) {
  $(`compare-export-${id}`).addEventListener('click', () => {
    if (comparison) download(spec.file, spec.make(comparison), spec.type);
  });
}

// ---- start ---------------------------------------------------------------------

setupContrast($('contrast'));
window.lastComparison = null;
setExports(false);
slots.clear();
useSample({ firstOpen: true });
