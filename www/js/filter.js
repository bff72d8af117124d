// filter.js: the sentence filter. Non-matching sentences get data-filtered="out"
// (the stylesheet hides them); a line says how many show ("Showing 7 of 49
// sentences"), and Previous / Next buttons move focus to the previous or next
// claim that matches (which opens its card, claims.js).

import { shownClaims, keepTabStop, SHOWN_CLAIMS } from './claims.js';

const NAMED = new Set(['namedPerson', 'namedOrganization']);

export const FILTERS = {
  all: () => true,
  claims: (s) => s.kind === 'claim',
  unattributed: (s) => s.kind === 'claim' && (s.attributions ?? []).length === 0,
  unconfirmed: (s) => s.kind === 'claim' && ['unconfirmed', 'speculative'].includes(s.status?.label),
  hedged: (s) => s.kind === 'claim' && (s.hedges ?? []).length > 0,
  named: (s) => s.kind === 'claim' && NAMED.has(s.attributions?.[0]?.kind),
};

/** Marks the sentences in `container`; returns { shown, total }. */
export function applyFilter(container, report, name) {
  const test = FILTERS[name] ?? FILTERS.all;
  const sentences = report?.sentences ?? [];
  if (test === FILTERS.all) {
    // Everything shows: only what an earlier filter marked needs changing (a
    // pass over every sentence of a long article would be one long task).
    for (const x of container.querySelectorAll('[data-filtered], p[data-empty]')) x.removeAttribute(x.tagName === 'P' ? 'data-empty' : 'data-filtered');
    const drawn = container.querySelectorAll('[data-sentence]').length;
    return { shown: Math.min(drawn, sentences.length), total: sentences.length };
  }
  let shown = 0;
  for (const span of container.querySelectorAll('[data-sentence]')) {
    const s = sentences[Number(span.dataset.sentence)];
    if (s && test(s)) {
      shown++;
      span.removeAttribute('data-filtered');
    } else {
      span.dataset.filtered = 'out';
    }
  }
  // A paragraph with no sentence left on show is hidden as well (data-empty).
  for (const p of container.querySelectorAll('p')) {
    const any = name === 'all' || p.querySelector('[data-sentence]:not([data-filtered])') !== null || !p.querySelector('[data-sentence]');
    if (any) p.removeAttribute('data-empty');
    else p.dataset.empty = '';
  }
  return { shown, total: sentences.length };
}

/**
 * Wires the filter menu (select#filter) to the rendered sentences and the
 * count line (#filter-count). Returns update(), to call after a new report.
 * Shared by the page and the extension panel.
 */
export function setupFilter({ select, rendered, countLine, getReport, count, prev = null, next = null }) {
  let moved = false; // has Next/Previous (or a focus in the article) picked a claim since the last update?
  const update = () => {
    const report = getReport();
    rendered.dataset.filter = select.value;
    const { shown, total } = applyFilter(rendered, report, select.value);
    countLine.textContent = report ? `Showing ${shown} of ${count(total, 'sentence')}` : '';
    keepTabStop(rendered);
    moved = false;
    const none = !report || rendered.querySelector(SHOWN_CLAIMS) === null;
    for (const b of [prev, next]) if (b) b.disabled = none;
  };
  const go = (step) => {
    const claims = shownClaims(rendered);
    if (!claims.length) return;
    const current = rendered.querySelector('[data-kind="claim"][tabindex="0"]');
    const here = moved ? claims.indexOf(current) : -1;
    let to;
    if (here < 0) to = step > 0 ? 0 : claims.length - 1;
    else to = (here + step + claims.length) % claims.length; // wraps around
    claims[to].focus();
    claims[to].scrollIntoView({ block: 'center' });
  };
  rendered.addEventListener('focusin', () => (moved = true));
  prev?.addEventListener('click', () => go(-1));
  next?.addEventListener('click', () => go(1));
  select.addEventListener('change', update);
  return update;
}
