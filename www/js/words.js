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

export const HEDGE_WORDS = {
  distancing: 'distancing',
  modal: 'modal',
  epistemic: 'epistemic',
  approximator: 'approximator',
  conditional: 'conditional',
  weasel: 'weasel',
  label: 'label marker',
};

export const kindWord = (k) => KIND_WORDS[k] ?? String(k ?? 'no source');
export const statusWord = (s) => STATUS_WORDS[s] ?? String(s ?? '');
export const quoteWord = (q) => QUOTE_WORDS[q] ?? String(q ?? '');
export const hedgeWord = (c) => HEDGE_WORDS[c] ?? String(c ?? '');

/** The primary attribution kind of a sentence, or 'none'. */
export const primaryKind = (s) => s.attributions?.[0]?.kind ?? 'none';

/** "1 claim" / "3 claims". */
export const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
