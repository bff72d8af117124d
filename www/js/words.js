// words.js: the plain-English words the page uses for the report's codes
// (attribution kinds, statuses, hedge categories, quote types), in one place.

export const KIND_WORDS = {
  namedPerson: 'named person',
  namedOrganization: 'named organisation',
  unnamedOfficial: 'unnamed official',
  vague: 'vague source',
  none: 'no source',
};
export const KIND_ORDER = ['namedPerson', 'namedOrganization', 'unnamedOfficial', 'vague', 'none'];

export const STATUS_WORDS = {
  denied: 'Denied',
  confirmed: 'Confirmed',
  unconfirmed: 'Unconfirmed',
  speculative: 'Speculative',
  claimed: 'Claimed',
  asserted: 'Asserted',
};
export const STATUS_ORDER = ['denied', 'confirmed', 'unconfirmed', 'speculative', 'claimed', 'asserted'];

export const QUOTE_WORDS = {
  direct: 'direct quote',
  indirect: 'indirect (reported speech)',
  mixed: 'mixed (partly quoted)',
};

/** Hedge categories in plain words; the technical name stays in the report and in tooltips. */
export const HEDGE_WORDS = {
  distancing: 'keeps its distance',
  modal: 'says it might be so',
  epistemic: 'a belief, not a fact',
  approximator: 'a rough figure',
  conditional: 'only if something else happens',
  weasel: 'vague about who says so',
  label: 'a loaded label',
};
export const HEDGE_TECH = {
  distancing: 'distancing',
  modal: 'modal',
  epistemic: 'epistemic',
  approximator: 'approximator',
  conditional: 'conditional',
  weasel: 'weasel word',
  label: 'label marker',
};

/**
 * The badge at the start of each claim in the article: a symbol and a word, so
 * the status never rests on colour alone. `title` is the tooltip (the report's
 * term and what it means).
 */
export const BADGE_WORDS = {
  confirmed: { symbol: '✓', word: 'confirmed', title: 'Status: confirmed. A party or a record confirms it.' },
  denied: { symbol: '✗', word: 'denied', title: 'Status: denied. A party denies or rejects it.' },
  unconfirmed: { symbol: '?', word: 'not confirmed', title: 'Status: unconfirmed. Not confirmed, not answered, or the writer keeps their distance.' },
  speculative: { symbol: '~', word: 'a guess', title: 'Status: speculative. Put as a possibility or a belief.' },
  claimed: { symbol: '“', word: 'someone says', title: 'Status: claimed. Said by someone, without the writer vouching for it.' },
  asserted: { symbol: '!', word: 'sounds sure', title: 'Status: asserted. The writer states it, with no source and no hedge.' },
};
export const NO_SOURCE_WORD = { symbol: '⚑', word: 'no source', title: 'No source: a claim worth checking, and no one is named as saying it.' };

export const kindWord = (k) => KIND_WORDS[k] ?? String(k ?? 'no source');
export const statusWord = (s) => STATUS_WORDS[s] ?? String(s ?? '');
export const quoteWord = (q) => QUOTE_WORDS[q] ?? String(q ?? '');
export const hedgeWord = (c) => HEDGE_WORDS[c] ?? String(c ?? '');
export const hedgeTech = (c) => HEDGE_TECH[c] ?? String(c ?? '');
export const badgeWord = (label) => BADGE_WORDS[label] ?? BADGE_WORDS.asserted;

/** The primary attribution kind of a sentence, or 'none'. */
export const primaryKind = (s) => s.attributions?.[0]?.kind ?? 'none';

/** "1 claim" / "3 claims". */
export const count = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
