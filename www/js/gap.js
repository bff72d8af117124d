// gap.js: headline versus body (report.summary.headlineGap). When the headline
// states as fact what the article itself only gives to unnamed sources, hedges
// or doubts, a box at the top of the summary (section#gap) says so in one plain
// sentence and lists the headline and those body sentences; each is a button
// that moves focus to its sentence in the highlighted article, where render.js
// marks both with data-gap="headline" | "body" (a ⚠ label and a dashed
// outline, not colour alone). Shared by the page and the extension's panel.
// All article text goes in as text nodes.

import { el, q } from './dom.js';

/** Said when the engine gives no reason of its own (it always does today). */
export const GAP_FALLBACK = 'The headline states this as fact; the article itself is less sure.';

/**
 * The report's gap with its sentences looked up: { headline, body: [sentence…], why },
 * or null when there is none (no gap, no headline, or indexes the report lacks).
 */
export function headlineGap(report) {
  const g = report?.summary?.headlineGap;
  const sentences = report?.sentences ?? [];
  if (!g || !Number.isInteger(g.headline)) return null;
  const headline = sentences[g.headline];
  const body = (Array.isArray(g.body) ? g.body : []).map((i) => sentences[i]).filter((s) => s && s !== headline);
  if (!headline || body.length === 0) return null;
  return { headline, body, why: typeof g.why === 'string' && g.why.trim() ? g.why : GAP_FALLBACK };
}

/** Sentence index → 'headline' | 'body', for render.js. */
export function gapRoles(report) {
  const gap = headlineGap(report);
  const roles = new Map();
  if (!gap) return roles;
  roles.set(gap.headline.index, 'headline');
  for (const s of gap.body) roles.set(s.index, 'body');
  return roles;
}

const box = () => document.getElementById('gap');

/** Fills section#gap for `report`, or hides it when the report has no gap (or is null). */
export function showGap(report) {
  const root = box();
  if (!root) return;
  const gap = headlineGap(report);
  const why = root.querySelector('.gap-why');
  const list = root.querySelector('.gap-spans');
  if (!gap) {
    root.hidden = true;
    why.textContent = '';
    list.replaceChildren();
    return;
  }
  why.textContent = gap.why;
  const several = gap.body.length > 1;
  list.replaceChildren(
    jumpItem(gap.headline, 'Headline'),
    ...gap.body.map((s, k) => jumpItem(s, several ? `In the article (${k + 1} of ${gap.body.length})` : 'In the article')),
  );
  root.hidden = false;
}

function jumpItem(s, role) {
  return el(
    'li',
    {},
    el('button', { type: 'button', class: 'gap-jump', 'data-target': s.index }, el('span', { class: 'gap-role' }, `${role}:`), ' ', q(s.text)),
  );
}

/**
 * Wires the box's buttons: each moves focus to its sentence in `rendered`
 * (scrolled into view), then calls onJump(index). A claim that gets focus
 * opens its card (claims.js); the headline is focusable through tabindex=-1.
 */
export function setupGap({ rendered, onJump = () => {} }) {
  const root = box();
  if (!root) return;
  root.addEventListener('click', (e) => {
    const button = e.target.closest?.('.gap-jump');
    if (!button) return;
    const index = Number(button.dataset.target);
    const span = rendered.querySelector(`[data-sentence="${index}"]`);
    if (!span) return;
    if (!span.hasAttribute('tabindex')) span.tabIndex = -1;
    span.focus({ preventScroll: true });
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    span.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    onJump(index);
  });
}
