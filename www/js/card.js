// card.js: the claim card. It explains one claim in plain words: who backs it,
// how it is hedged, its status and why, its sourcing score as a sum that adds
// up (the floor at 0 stated), and a prompt to check it elsewhere (lateral reading). Opened from a claim; Esc or the Close button closes it.

import { el, q } from './dom.js';
import { kindWord, quoteWord, hedgeWord, hedgeTech, statusWord, badgeWord } from './words.js';

export const LATERAL_TITLE = 'Check it elsewhere';
export const LATERAL_PROMPT = 'Who is behind this, and what do other sources say?';

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

  parts.push(el('h3', { text: 'Words that soften it (hedges)' }));
  const hedges = s.hedges ?? [];
  parts.push(
    hedges.length
      ? el('ul', {}, hedges.map((h) => el('li', {}, el('span', { class: 'swatch swatch-hedge' }, h.text), ' — ', el('span', { title: `hedge category: ${hedgeTech(h.category)}` }, hedgeWord(h.category)), el('span', { class: 'vh' }, ` (${hedgeTech(h.category)})`))))
      : el('p', {}, 'No words that soften it.'),
  );

  parts.push(el('h3', { text: 'Status' }));
  const label = s.status?.label;
  const cues = s.status?.cues ?? [];
  parts.push(
    el(
      'p',
      {},
      el('strong', { class: 'status-label', 'data-status': label }, statusWord(label)),
      ` (${badgeWord(label ?? 'asserted').word})`,
      cues.length ? ` — decided by ${cues.map((c) => q(c.text)).join(', ')}.` : '',
    ),
  );
  if (s.status?.why) parts.push(el('p', { class: 'why' }, s.status.why));

  parts.push(el('h3', { text: 'Sourcing score' }));
  parts.push(el('p', { class: 'card-score' }, el('strong', {}, String(s.score)), ' / 100 (sourcing, not truth)'));
  parts.push(...scoreSum(s));

  parts.push(el('h3', { text: LATERAL_TITLE }));
  parts.push(el('p', { class: 'lateral' }, LATERAL_PROMPT));
  return parts;
}

/** A trailing "+70." / ": −15." in a reason from the engine. */
const POINTS = /:?\s*([+−-])\s*(\d+)\.?\s*$/;

/**
 * The claim's reasons as a sum: one row per reason with its points, then the
 * total, and where the sum is below 0 the floor ("scores stop at 0"). Reasons
 * without points (the "not truth" note) follow as plain lines. When the points
 * do not add up to the engine's score, the reasons are listed as they are.
 */
export function scoreSum(s) {
  const rows = [];
  const notes = [];
  for (const r of s.reasons ?? []) {
    const m = POINTS.exec(r);
    if (m) rows.push({ text: plainReason(r.slice(0, m.index), s), points: (m[1] === '+' ? 1 : -1) * Number(m[2]) });
    else notes.push(r);
  }
  const sum = rows.reduce((n, r) => n + r.points, 0);
  const shown = Math.max(0, Math.min(100, sum));
  if (!rows.length || shown !== s.score) {
    const all = s.reasons ?? [];
    return all.length ? [el('ul', { class: 'reasons' }, all.map((r) => el('li', {}, r)))] : [];
  }
  const sign = (n) => (n < 0 ? `−${-n}` : `+${n}`);
  const body = rows.map((r) => el('tr', {}, el('td', {}, r.text), el('td', { class: 'num' }, sign(r.points))));
  const foot = [el('tr', {}, el('th', { scope: 'row' }, 'Sum'), el('td', { class: 'num' }, sum < 0 ? `−${-sum}` : String(sum)))];
  if (sum < 0) foot.push(el('tr', {}, el('th', { scope: 'row' }, 'Score (scores stop at 0, never below)'), el('td', { class: 'num' }, '0')));
  else if (sum > 100) foot.push(el('tr', {}, el('th', { scope: 'row' }, 'Score (scores stop at 100)'), el('td', { class: 'num' }, '100')));
  const table = el(
    'table',
    { class: 'score-sum' },
    el('caption', { class: 'vh' }, 'How the score adds up'),
    el('tbody', {}, body),
    el('tfoot', {}, foot),
  );
  return [table, ...notes.map((n) => el('p', { class: 'note' }, n))];
}

/** A reason in plain words: hedge categories as phrases (the term stays in the report). */
function plainReason(text, s) {
  if (!/^Hedged by /.test(text)) return text;
  const hedges = (s.hedges ?? []).map((h) => `${q(h.text)} (${hedgeWord(h.category)})`);
  return hedges.length ? `Softened by ${hedges.join(', ')}` : text;
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
