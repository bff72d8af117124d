// summary.js: the summary panel: the headline-versus-article box at its top
// (gap.js), the kind of piece and the score in words (verdict.js), the
// article's sourcing score and note, its reasons, two bar charts
// (claims by status and by kind of source) and the table of sources. Bars are
// DOM elements sized through CSSOM (el.style.width).

import { el } from './dom.js';
import { showGap } from './gap.js';
import { renderVerdict, resetVerdict } from './verdict.js';
import { KIND_ORDER, STATUS_ORDER, kindWord, statusWord, badgeWord, count } from './words.js';

export const DEFAULT_NOTE =
  'This score measures how the article sources its claims, not whether the claims are true.';

const $ = (id) => document.getElementById(id);

export function renderSummary(report) {
  const sum = report.summary ?? {};
  showGap(report);
  renderVerdict(report);
  $('summary-score').textContent = String(sum.score ?? '–');
  $('summary-note').textContent = sum.note || DEFAULT_NOTE;
  $('summary-claims').textContent = claimsLine(report.stats?.claims ?? 0, report.stats?.sentences ?? 0);
  $('summary-reasons').replaceChildren(...plainReasons(sum).map((r) => el('li', {}, r)));

  const claims = sum.claims ?? 0;
  chart($('chart-status'), STATUS_ORDER.map((k) => [k, capital(badgeWord(k).word), sum.byStatus?.[k] ?? 0, statusWord(k)]), claims);
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

/** "12 of 30 sentences are claims." / "1 of 3 sentences is a claim." */
export function claimsLine(claims, sentences) {
  return `${claims} of ${count(sentences, 'sentence')} ${claims === 1 ? 'is a claim' : 'are claims'}.`;
}

const verb = (n, one, many) => (n === 1 ? one : many);

/**
 * The summary's reasons in plain words, from the report's counts: plurals
 * right, and a count of 0 left out. (The report's own `summary.reasons` stay
 * in the exports.)
 */
export function plainReasons(sum) {
  const claims = sum.claims ?? 0;
  if (!claims) return sum.reasons?.length ? sum.reasons : ['No claims found, so there is nothing to score.'];
  const a = sum.byAttribution ?? {};
  const st = sum.byStatus ?? {};
  const named = (a.namedPerson ?? 0) + (a.namedOrganization ?? 0);
  const out = [`${named} of ${count(claims, 'claim')} ${verb(named, 'names', 'name')} who says so (a person or an organisation).`];
  if (a.unnamedOfficial) out.push(`${count(a.unnamedOfficial, 'claim')} ${verb(a.unnamedOfficial, 'relies', 'rely')} on officials who are not named.`);
  if (a.vague) out.push(`${count(a.vague, 'claim')} ${verb(a.vague, 'relies', 'rely')} on vague sources, like “experts say”.`);
  if (a.none) out.push(`${count(a.none, 'claim')} ${verb(a.none, 'gives', 'give')} no source at all.`);
  if (st.unconfirmed) out.push(`${count(st.unconfirmed, 'claim')} ${verb(st.unconfirmed, 'is', 'are')} not confirmed.`);
  if (st.speculative) out.push(`${count(st.speculative, 'claim')} ${verb(st.speculative, 'is', 'are')} a guess (speculative).`);
  const d = Number(sum.hedgeDensity ?? 0);
  if (d > 0) out.push(`${d.toFixed(1)} words that soften a claim (hedges) in every 100 words of claims.`);
  return out;
}

/** rows: [key, label, count, title]; each bar carries its label and count as text. */
function chart(list, rows, total) {
  list.replaceChildren(
    ...rows.map(([key, label, n, title]) => {
      const bar = el('span', { class: 'bar', 'data-key': key });
      bar.style.width = `${total ? (100 * n) / total : 0}%`;
      return el(
        'li',
        {},
        el('span', { class: 'bar-label', title }, label),
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
