// compare/labels.js: how the Compare view names things: a symbol and a word for
// each status (so a cell never relies on colour), and the per-outlet reading of
// a claim group that the matrix and the exports share.

import { kindWord } from '../words.js';

/** Status → [symbol, word]. "none" is an outlet that does not carry the claim. */
export const STATUS_MARKS = {
  confirmed: ['✓', 'confirmed'],
  denied: ['✗', 'denied'],
  unconfirmed: ['?', 'unconfirmed'],
  speculative: ['~', 'speculative'],
  claimed: ['“', 'claimed'],
  asserted: ['·', 'asserted'],
  none: ['—', 'not carried'],
};

export const statusMark = (label) => STATUS_MARKS[label] ?? ['', String(label ?? '')];
export const statusText = (label) => statusMark(label).filter(Boolean).join(' ');

/** Outlet names by document index. */
export const outletNames = (cmp) => (cmp.documents ?? []).map((d, i) => String(d.name || `Outlet ${i + 1}`));

/**
 * One outlet's part in one claim group: its member sentences (group order), the
 * first one's status, attribution and source, and its figures. `members` is
 * empty when the outlet does not carry the claim.
 */
export function cellOf(group, doc) {
  const members = (group.members ?? []).filter((m) => m.doc === doc);
  const first = members[0];
  return {
    members,
    status: first ? first.status : 'none',
    attribution: first ? first.attribution ?? 'none' : '',
    source: first?.source ?? '',
    numbers: (group.numbers ?? []).filter((n) => n.doc === doc),
  };
}

/** "named person", or the source's name with its kind: "Tae Min-gyu (named person)". */
export function attributionText(attribution, source) {
  if (!attribution) return '';
  const kind = kindWord(attribution);
  return source ? `${source} (${kind})` : kind;
}

/** "Herald: over 4,000 residents · Flare: an estimated 4,800 residents", one string per conflict. */
export function conflictLines(group, names) {
  return (group.conflicts ?? []).map((c) =>
    (c.values ?? []).map((v) => `${names[v.doc] ?? `Outlet ${v.doc + 1}`}: ${v.text}`).join(' · '),
  );
}

/** The sentence text of a member, from its document's report. */
export function sentenceText(cmp, member) {
  return cmp.documents?.[member.doc]?.report?.sentences?.[member.sentence]?.text ?? '';
}

/** Shortens text to about `max` characters at a word boundary. */
export function shorten(text, max = 110) {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
