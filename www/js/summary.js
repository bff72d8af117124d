// summary.js: the summary panel: the headline-versus-article box at its top
// (gap.js), the kind of piece and the score in words (verdict.js), the
// article's sourcing score and note, its reasons, two bar charts
// (claims by status and by kind of source) and the table of sources. Bars are
// DOM elements sized through CSSOM (el.style.width).

import { el } from './dom.js';
import { showGap } from './gap.js';
import { renderVerdict, resetVerdict } from './verdict.js';
import { KIND_ORDER, STATUS_ORDER, kindWord, statusWord } from './words.js';

export const DEFAULT_NOTE =
  'This score measures how the article sources its claims, not whether the claims are true.';

const $ = (id) => document.getElementById(id);

export function renderSummary(report) {
  const sum = report.summary ?? {};
  showGap(report);
  renderVerdict(report);
  $('summary-score').textContent = String(sum.score ?? '–');
  $('summary-note').textContent = sum.note || DEFAULT_NOTE;
  $('summary-claims').textContent =
    `${report.stats?.claims ?? 0} of ${report.stats?.sentences ?? 0} sentences are claims.`;
  $('summary-reasons').replaceChildren(...(sum.reasons ?? []).map((r) => el('li', {}, r)));

  const claims = sum.claims ?? 0;
  chart($('chart-status'), STATUS_ORDER.map((k) => [k, statusWord(k), sum.byStatus?.[k] ?? 0]), claims);
  chart($('chart-attribution'), KIND_ORDER.map((k) => [k, capital(kindWord(k)), sum.byAttribution?.[k] ?? 0]), claims);
  sourcesTable(report.sources ?? []);
}

export function resetSummary() {
  showGap(null);
  resetVerdict();
  $('summary-score').textContent = '–';
  $('summary-note').textContent = DEFAULT_NOTE;
  $('summary-claims').textContent = 'No article analysed yet.';
  $('summary-reasons').replaceChildren();
  $('chart-status').replaceChildren();
  $('chart-attribution').replaceChildren();
  sourcesTable([]);
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** rows: [key, label, count]; each bar carries its label and count as text. */
function chart(list, rows, total) {
  list.replaceChildren(
    ...rows.map(([key, label, n]) => {
      const bar = el('span', { class: 'bar', 'data-key': key });
      bar.style.width = `${total ? (100 * n) / total : 0}%`;
      return el(
        'li',
        {},
        el('span', { class: 'bar-label' }, label),
        el('span', { class: 'bar-track' }, bar),
        el('span', { class: 'bar-count' }, String(n)),
      );
    }),
  );
}

function sourcesTable(sources) {
  const body = $('sources').tBodies[0];
  if (sources.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 4 }, 'No sources named yet.')));
    return;
  }
  const sorted = [...sources].sort((a, b) => (b.sentences?.length ?? 0) - (a.sentences?.length ?? 0) || a.id - b.id);
  body.replaceChildren(
    ...sorted.map((s) =>
      el(
        'tr',
        { 'data-source': s.id },
        el('th', { scope: 'row' }, s.name),
        el('td', {}, kindWord(s.kind)),
        el('td', {}, s.role ?? '—'),
        el('td', {}, String(s.sentences?.length ?? 0)),
      ),
    ),
  );
}
