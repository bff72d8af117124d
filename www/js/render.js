// render.js: turns the text and its report into the highlighted article:
// one <p> per paragraph (in chunks, see CHUNK), one <span data-sentence> per sentence, and nested
// <mark data-cue> elements for sources, reporting cues, status cues and hedges.
// Each claim starts with an empty <span class="badge" data-badge=…> whose symbol
// and word the stylesheet draws (so the sentence's text stays the article's
// text), plus data-nosource on a check-worthy claim that names no source.
// The claims form one Tab stop (a roving tabindex, claims.js): the first claim
// drawn gets tabindex 0, the others -1.
// A headline that says more than its article (gap.js) marks its sentence and the
// body's with data-gap="headline" | "body". All article text goes in as text nodes.

import { el } from './dom.js';
import { gapRoles } from './gap.js';
import { kindWord, hedgeWord, hedgeTech, statusWord, primaryKind, badgeWord, NO_SOURCE_WORD } from './words.js';

/** Nesting order, outermost first. */
const CUE_ORDER = { source: 0, reporting: 1, status: 2, hedge: 3 };

/** Sentences drawn in the first slice (the first screen), then time per slice. */
const FIRST_SLICE = 60;
const SLICE_MS = 30;
/** Paragraphs are grouped in <div class="chunk"> of about this many sentences; the
 * stylesheet gives each chunk content-visibility: auto, so the browser lays out
 * only the chunks near the viewport and a long article draws in linear time. */
const CHUNK = 200;

/** A report still arriving (worker-client.js): its next piece is asked for when fewer than this many sentences are left to draw. */
const PULL_AHEAD = 2500;

/** A claim this check-worthy that names no source gets its own "no source" mark. */
export const CHECKWORTHY = 0.5;

/** Runs `f` as a task of its own: scheduler.postTask where there is one (no 4 ms clamp of nested timers), else a timer. */
const nextTask = globalThis.scheduler?.postTask
  ? (f) => globalThis.scheduler.postTask(f, { priority: 'user-visible' })
  : (f) => setTimeout(f, 0);

/**
 * Renders the report into `container`, replacing what was there. A long
 * article is drawn in slices, one per task, so typing never waits for it.
 * Calls `onDone()` once every sentence is in the page, and the optional
 * `onProgress(drawn, total)` after each slice. `more` (worker-client.js's
 * Stream), when given, says that `report.sentences` is still growing: the
 * drawing waits for each next piece until it is complete. Returns a function
 * that stops the drawing (a newer report has arrived).
 */
export function renderReport(container, text, report, onDone = () => {}, onProgress = null, more = null) {
  const sentences = report.sentences ?? [];
  const total = () => (more && !more.complete ? Math.max(sentences.length, report.stats?.sentences ?? 0) : sentences.length);
  let p = null;
  let para = null;
  let pos = 0;
  let i = 0;
  let stopped = false;
  const roles = gapRoles(report);
  container.replaceChildren();

  let chunk = null;
  let inChunk = 0;
  let roving = false;
  let first = true;
  const slice = () => {
    if (stopped) return;
    const frag = document.createDocumentFragment();
    const t0 = performance.now();
    const cap = first ? Math.min(sentences.length, FIRST_SLICE) : sentences.length;
    first = false;
    for (; i < cap && (i % 16 !== 0 || performance.now() - t0 < SLICE_MS || i === 0); i++) {
      const s = sentences[i];
      const gap = text.slice(pos, s.start);
      if (p === null || s.paragraph !== para) {
        p = el('p');
        if (chunk === null || inChunk >= CHUNK) {
          chunk = el('div', { class: 'chunk' });
          frag.append(chunk);
          inChunk = 0;
        }
        chunk.append(p);
        para = s.paragraph;
        if (gap.trim()) p.append(gap.trim(), ' ');
      } else if (gap) {
        p.append(gap);
      }
      const span = renderSentence(text, s, roles.get(s.index));
      if (!roving && s.kind === 'claim') {
        span.tabIndex = 0;
        roving = true;
      }
      p.append(span);
      inChunk++;
      pos = Math.max(pos, s.end);
    }
    container.append(frag);
    onProgress?.(i, total());
    // Ask for the next piece of a report still arriving while this one lasts.
    if (more && !more.complete && sentences.length - i < PULL_AHEAD) more.want?.();
    if (i < sentences.length) return void nextTask(slice);
    if (more && !more.complete) return void (more.onMore = () => nextTask(slice));
    const tail = text.slice(pos).trim();
    if (tail) (p ?? container.appendChild(el('p'))).append(' ', tail);
    onDone();
  };
  slice();
  return () => (stopped = true);
}

function renderSentence(text, s, gap) {
  const span = el('span', {
    'data-sentence': s.index,
    'data-kind': s.kind,
    'data-status': s.status?.label ?? 'asserted',
    'data-attribution': primaryKind(s),
    'data-gap': gap,
    'aria-describedby': gap ? 'gap-why' : null,
  });
  if (s.kind === 'claim') {
    span.tabIndex = -1; // one Tab stop for the article: claims.js moves tabindex 0
    span.setAttribute('role', 'button');
    span.setAttribute('aria-expanded', 'false');
    span.setAttribute('aria-controls', 'card');
    const label = s.status?.label ?? 'asserted';
    span.append(badge(label, badgeWord(label)));
    if ((s.attributions ?? []).length === 0 && (s.checkworthiness ?? 1) >= CHECKWORTHY) {
      span.dataset.nosource = '';
      span.append(badge('nosource', NO_SOURCE_WORD));
    }
  } else if (gap) {
    span.tabIndex = -1; // the summary's headline button moves focus here (gap.js)
  }
  appendMarked(span, text, s.start, s.end, cueSpans(s));
  return span;
}

/** An empty span; the stylesheet draws data-symbol and data-word (never in the text). */
const badge = (key, { symbol, word, title }) =>
  el('span', { class: 'badge', 'data-badge': key, 'data-symbol': symbol, 'data-word': word, title });

/** Every highlight of a sentence, clipped to it, duplicates merged. */
function cueSpans(s) {
  const raw = [];
  for (const a of s.attributions ?? []) {
    if (a.source) raw.push({ ...range(a.source), cue: 'source', title: `source: ${kindWord(a.kind)}` });
    if (a.cue) raw.push({ ...range(a.cue), cue: 'reporting', title: 'reporting cue' });
  }
  for (const c of s.status?.cues ?? []) {
    raw.push({ ...range(c), cue: 'status', title: `status cue: ${statusWord(s.status.label).toLowerCase()}` });
  }
  for (const h of s.hedges ?? []) raw.push({ ...range(h), cue: 'hedge', title: `hedge: ${hedgeWord(h.category)} (${hedgeTech(h.category)})` });

  const seen = new Map();
  for (const r of raw) {
    r.start = Math.max(r.start, s.start);
    r.end = Math.min(r.end, s.end);
    if (!(r.start < r.end)) continue;
    const key = `${r.cue}:${r.start}:${r.end}`;
    const prev = seen.get(key);
    if (!prev) seen.set(key, r);
    else if (!prev.title.includes(r.title)) prev.title += `; ${r.title}`;
  }
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

const range = (x) => ({ start: Number(x.start), end: Number(x.end) });

const outerFirst = (a, b) => CUE_ORDER[a.cue] - CUE_ORDER[b.cue] || a.start - b.start || b.end - a.end;

/**
 * Splits [from, to) at every span boundary and nests one <mark> per active span
 * in a fixed order. A mark stays open across segments while it stays outermost,
 * so it is split only where markup requires it. Cost: linear in segments.
 */
function appendMarked(root, text, from, to, spans) {
  const cuts = new Set([from, to]);
  for (const sp of spans) cuts.add(sp.start).add(sp.end);
  const bounds = [...cuts].sort((a, b) => a - b);

  let active = [];
  let next = 0;
  const stack = []; // [{ span, node }]
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    active = active.filter((sp) => sp.end > a);
    while (next < spans.length && spans[next].start <= a) {
      if (spans[next].end > a) active.push(spans[next]);
      next++;
    }
    active.sort(outerFirst);

    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].span === active[keep]) keep++;
    stack.length = keep;
    for (let j = keep; j < active.length; j++) {
      const sp = active[j];
      const node = el('mark', { 'data-cue': sp.cue, title: sp.title });
      (stack.length ? stack[stack.length - 1].node : root).append(node);
      stack.push({ span: sp, node });
    }
    (stack.length ? stack[stack.length - 1].node : root).append(text.slice(a, b));
  }
}
