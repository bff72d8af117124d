// card.js: the claim card. It explains one claim in plain words: who backs it,
// how it is hedged, its status and why, its sourcing score with reasons, and a
// lateral-reading prompt. Opened from a claim; Esc or the Close button closes it.

import { el, q } from './dom.js';
import { kindWord, quoteWord, hedgeWord, statusWord } from './words.js';

export const LATERAL_PROMPT = 'Who is behind this? What do other sources say?';

export class Card {
  /** root: section#card; onClosed(index, returnFocus) */
  constructor(root, onClosed) {
    this.root = root;
    this.title = root.querySelector('#card-title');
    this.body = root.querySelector('#card-body');
    this.onClosed = onClosed;
    this.index = null;
    root.querySelector('#card-close').addEventListener('click', () => this.close(true));
  }

  get isOpen() {
    return !this.root.hidden;
  }

  open(report, index) {
    const s = report.sentences[index];
    if (!s) return;
    this.index = index;
    this.title.textContent = `Claim: ${statusWord(s.status?.label)}`;
    this.body.replaceChildren(...cardContent(report, s));
    this.root.hidden = false;
  }

  close(returnFocus = false) {
    if (!this.isOpen) return;
    const index = this.index;
    this.root.hidden = true;
    this.index = null;
    this.onClosed(index, returnFocus);
  }
}

function cardContent(report, s) {
  const parts = [el('blockquote', { class: 'card-text' }, s.text)];

  parts.push(el('h3', { text: 'Who backs it' }));
  const atts = s.attributions ?? [];
  if (atts.length === 0) {
    parts.push(el('p', { class: 'none-named' }, 'No one is named as the source.'));
  } else {
    parts.push(el('ol', { class: 'attributions' }, atts.map((a, i) => attributionItem(report, a, i))));
  }

  parts.push(el('h3', { text: 'Hedges' }));
  const hedges = s.hedges ?? [];
  parts.push(
    hedges.length
      ? el('ul', {}, hedges.map((h) => el('li', {}, el('span', { class: 'swatch swatch-hedge' }, h.text), ` (${hedgeWord(h.category)})`)))
      : el('p', {}, 'No hedging words.'),
  );

  parts.push(el('h3', { text: 'Status' }));
  const label = s.status?.label;
  const cues = s.status?.cues ?? [];
  parts.push(
    el(
      'p',
      {},
      el('strong', { class: 'status-label', 'data-status': label }, statusWord(label)),
      cues.length ? ` — decided by ${cues.map((c) => q(c.text)).join(', ')}.` : '',
    ),
  );
  if (s.status?.why) parts.push(el('p', { class: 'why' }, s.status.why));

  parts.push(el('h3', { text: 'Sourcing score' }));
  parts.push(el('p', { class: 'card-score' }, el('strong', {}, String(s.score)), ' / 100 (sourcing, not truth)'));
  const reasons = s.reasons ?? [];
  if (reasons.length) parts.push(el('ul', { class: 'reasons' }, reasons.map((r) => el('li', {}, r))));

  parts.push(el('h3', { text: 'Read laterally' }));
  parts.push(el('p', { class: 'lateral' }, LATERAL_PROMPT));
  return parts;
}

function attributionItem(report, a, i) {
  const src = a.source;
  const resolved = src?.sourceId != null ? report.sources?.[src.sourceId] : null;
  const rows = [];
  const who = src ? q(src.text) : 'Not named';
  const head = el('p', { class: 'who' }, el('strong', {}, who), ` — ${kindWord(a.kind)}`, i === 0 ? ' (primary)' : '');
  if (resolved && resolved.name !== src.text) rows.push(['Same source as', resolved.name]);
  const role = a.role ?? resolved?.role;
  if (role) rows.push(['Role', role]);
  if (a.cue) rows.push(['Cue', q(a.cue.text)]);
  if (a.quote) rows.push(['Quote', quoteWord(a.quote)]);
  const dl = el('dl', {}, rows.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v))));
  return el('li', {}, head, dl);
}
