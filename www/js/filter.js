// filter.js: the sentence filter. Non-matching sentences get data-filtered="out"
// (the stylesheet mutes them and drops their highlights); a line says how many show.

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
  return { shown, total: sentences.length };
}

/**
 * Wires the filter menu (select#filter) to the rendered sentences and the
 * count line (#filter-count). Returns update(), to call after a new report.
 * Shared by the page and the extension panel.
 */
export function setupFilter({ select, rendered, countLine, getReport, count }) {
  const update = () => {
    const report = getReport();
    rendered.dataset.filter = select.value;
    const { shown, total } = applyFilter(rendered, report, select.value);
    countLine.textContent = report ? `Showing ${shown} of ${count(total, 'sentence')}` : '';
  };
  select.addEventListener('change', update);
  return update;
}
