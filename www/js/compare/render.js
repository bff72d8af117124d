// compare/render.js: draws a comparison: the matrix (one row per claim group,
// one column per outlet, a button per row that opens each outlet's sentence),
// the sources table and the ranking. Every piece of article text goes in as a
// text node (dom.js el()).

import { el } from '../dom.js';
import { count, kindWord } from '../words.js';
import { statusMark, outletNames, cellOf, attributionText, conflictLines, sentenceText, shorten } from './labels.js';

/** Claim groups drawn at first; the rest wait for "Show all". */
export const ROW_LIMIT = 150;

const membersId = (id) => `compare-group-${id}-members`;

// ---- matrix -----------------------------------------------------------------

/**
 * Fills table#compare-matrix. `limit` caps the rows drawn (null: all).
 * Returns the number of groups drawn.
 */
export function renderMatrix(table, cmp, limit = ROW_LIMIT) {
  const names = outletNames(cmp);
  const groups = cmp.claimGroups ?? [];
  const head = el('tr', {}, el('th', { scope: 'col', class: 'claim-col' }, 'Claim'), names.map((n, i) => el('th', { scope: 'col', 'data-doc': i }, n)));
  table.tHead.replaceChildren(head);
  const body = table.tBodies[0];
  if (groups.length === 0) {
    const why = cmp.sameStory === false ? '' : ' Are they about the same story?';
    body.replaceChildren(el('tr', {}, el('td', { colspan: names.length + 1 }, `No claim is reported by two or more of these articles.${why}`)));
    return 0;
  }
  const shown = limit == null ? groups : groups.slice(0, limit);
  const frag = document.createDocumentFragment();
  for (const g of shown) frag.append(groupRow(cmp, g, names), membersRow(cmp, g, names));
  body.replaceChildren(frag);
  return shown.length;
}

function groupRow(cmp, g, names) {
  const short = shorten(g.text);
  const button = el(
    'button',
    { type: 'button', class: 'expander', 'aria-expanded': 'false', 'aria-controls': membersId(g.id) },
    el('span', { class: 'expander-icon', 'aria-hidden': 'true' }),
    el('span', { class: 'claim-text' }, short),
  );
  const header = el(
    'th',
    { scope: 'row' },
    g.conflict ? conflictFlag(g, names) : null,
    button,
    el('span', { class: 'claim-meta' }, `${count(g.documents, 'outlet')} · ${g.named ? 'a source is named' : 'no outlet names a source'}`),
  );
  const cells = names.map((_, doc) => cell(g, doc));
  return el('tr', { 'data-group': g.id, 'data-conflict': String(!!g.conflict) }, header, cells);
}

function conflictFlag(g, names) {
  return el(
    'div',
    { class: 'conflict' },
    el('strong', { class: 'flag' }, el('span', { 'aria-hidden': 'true' }, '≠ '), 'Numbers disagree'),
    conflictLines(g, names).map((line) => el('span', { class: 'conflict-values' }, line)),
    (g.conflicts ?? []).filter((c) => c.reason).map((c) => el('span', { class: 'conflict-why' }, `Why: ${c.reason}`)),
  );
}

// ---- stories ------------------------------------------------------------------

/**
 * Fills div#story-notice when the articles do not share one story: the
 * notice in words, and which articles go together. Hidden otherwise.
 */
export function renderStories(box, cmp) {
  const stories = cmp?.stories ?? [];
  if (!cmp || cmp.sameStory !== false || stories.length < 2) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const names = outletNames(cmp);
  box.replaceChildren(
    el('p', { class: 'story-notice-title' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), el('strong', {}, cmp.notice || 'These articles do not seem to report the same story.')),
    el('p', {}, 'They share too few names and figures. Claims are matched only between articles on one story:'),
    el(
      'ul',
      { class: 'story-list' },
      stories.map((docs, i) => el('li', {}, `Story ${i + 1}: ${docs.map((d) => names[d] ?? `Outlet ${d + 1}`).join(', ')}`)),
    ),
  );
  box.hidden = false;
}

function cell(g, doc) {
  const c = cellOf(g, doc);
  const [sym, word] = statusMark(c.status);
  const parts = [el('span', { class: 'cell-status' }, el('span', { class: 'sym', 'aria-hidden': 'true' }, sym), ` ${word}`)];
  if (c.members.length) {
    parts.push(el('span', { class: 'cell-source' }, c.source ? c.source : kindWord(c.attribution)));
    if (c.members.length > 1) parts.push(el('span', { class: 'cell-more' }, count(c.members.length, 'sentence')));
    if (g.conflict) for (const n of c.numbers) parts.push(el('span', { class: 'cell-number' }, n.text));
  }
  return el('td', { 'data-doc': doc, 'data-status': c.status }, parts);
}

function membersRow(cmp, g, names) {
  const list = el(
    'ul',
    { class: 'members' },
    (g.members ?? []).map((m) => {
      const [sym, word] = statusMark(m.status);
      return el(
        'li',
        { 'data-doc': m.doc, 'data-sentence': m.sentence },
        el('span', { class: 'member-outlet' }, names[m.doc] ?? `Outlet ${m.doc + 1}`),
        el('span', { class: 'member-status' }, el('span', { 'aria-hidden': 'true' }, `${sym} `), word),
        el('span', { class: 'member-source' }, `Source: ${attributionText(m.attribution ?? 'none', m.source)}`),
        el('span', { class: 'member-text' }, `“${sentenceText(cmp, m)}”`),
      );
    }),
  );
  const missing = names.filter((_, doc) => !(g.members ?? []).some((m) => m.doc === doc));
  const cellBody = el(
    'td',
    { colspan: names.length + 1 },
    el('p', { class: 'members-title' }, `How each outlet reports it (${count(g.members?.length ?? 0, 'sentence')}):`),
    list,
    missing.length ? el('p', { class: 'members-missing' }, `Not carried by: ${missing.join(', ')}.`) : null,
  );
  return el('tr', { class: 'members-row', id: membersId(g.id), 'data-members-of': g.id, hidden: true }, cellBody);
}

/** Opens or closes the members row of a row's expander button. */
export function toggleMembers(button) {
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  const row = document.getElementById(button.getAttribute('aria-controls'));
  if (row) row.hidden = !open;
}

// ---- sources ------------------------------------------------------------------

export function renderSources(table, cmp) {
  const names = outletNames(cmp);
  const body = table.tBodies[0];
  const sources = cmp.sources ?? [];
  if (sources.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 4 }, 'None of these articles names a person or an organisation.')));
    return;
  }
  body.replaceChildren(
    ...sources.map((s) => {
      const docs = [...new Set((s.mentions ?? []).map((m) => m.doc))].sort((a, b) => a - b);
      const aliases = (s.aliases ?? []).filter((a) => a && a !== s.name);
      return el(
        'tr',
        { 'data-source': s.id, 'data-outlets': docs.length },
        el('th', { scope: 'row' }, s.name, aliases.length ? el('span', { class: 'aliases' }, `also written: ${aliases.join(', ')}`) : null),
        el('td', {}, kindWord(s.kind)),
        el('td', {}, s.role ?? '—'),
        el('td', {}, `${docs.length}: ${docs.map((d) => names[d] ?? `Outlet ${d + 1}`).join(', ')}`),
      );
    }),
  );
}

// ---- ranking ------------------------------------------------------------------

/** Claims of a report that name no person or organisation. */
export function unnamedClaims(report) {
  const by = report?.summary?.byAttribution ?? {};
  const claims = report?.summary?.claims ?? 0;
  return Math.max(0, claims - (by.namedPerson ?? 0) - (by.namedOrganization ?? 0));
}

export function renderRanking(list, note, cmp) {
  const names = outletNames(cmp);
  const docs = [...(cmp.documents ?? [])].sort((a, b) => a.rank - b.rank || a.id - b.id);
  const first = docs.find((d) => d.report?.summary?.note)?.report.summary.note;
  if (first) note.textContent = first.replace(/^This score measures how the article/, 'The score measures how each article');
  list.replaceChildren(
    ...docs.map((d) => {
      const sum = d.report?.summary ?? {};
      const claims = sum.claims ?? 0;
      const facts = [
        `${count(d.uniqueClaims?.length ?? 0, 'claim')} only this outlet carries`,
        `${unnamedClaims(d.report)} of ${count(claims, 'claim')} without a named source`,
        `${count(d.unnamedGroups?.length ?? 0, 'shared claim')} that no outlet attributes to a named source`,
      ];
      return el(
        'li',
        { 'data-doc': d.id, 'data-rank': d.rank },
        el('span', { class: 'rank-name' }, names[d.id] ?? d.name),
        ' ',
        el('span', { class: 'rank-score' }, el('strong', {}, String(sum.score ?? 0)), '/100 sourcing score'),
        el('span', { class: 'rank-facts' }, facts.join(' · ')),
      );
    }),
  );
}

export function resetTables(matrix, sources, ranking, stories) {
  if (stories) renderStories(stories, null);
  matrix.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col' }, 'Claim')));
  matrix.tBodies[0].replaceChildren(el('tr', {}, el('td', {}, 'No comparison yet.')));
  sources.tBodies[0].replaceChildren(el('tr', {}, el('td', { colspan: 4 }, 'No sources named yet.')));
  ranking.replaceChildren();
}
