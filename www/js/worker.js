// worker.js: the module Web Worker that runs the claimlens WebAssembly engine,
// so that analysing a long article never blocks typing on the page.
//
// A report of more than PART sentences comes in pieces: first the result with
// `parts: N` and no sentences (its summary, sources and stats), then its
// sentences in N { type: 'part', id, sentences } messages of PART each
// (worker-client.js puts it back together). Each message is a task of its own
// on the page, so receiving a long report never holds up typing there for long
// (one 20,000-sentence clone took ~150–300 ms), and the page can draw its first
// screen from the first piece while the rest arrive. With `pull` in the request,
// the first piece follows the result at once and each further one only when
// the page asks for it ({ type: 'more', id }), so the page's task queue never
// fills with pieces it cannot draw yet (which would hold up its next frame).
//
// In:  { id, text, pull }                 Out: { type: 'result', id, report, ms }
//                                               { type: 'error', id, message }
// Once at start:                               { type: 'ready', version }
//                                               { type: 'fatal', message }

import init, { analyze, version } from '../pkg/claimlens.js';

const PART = 1000;

const ready = init().then(
  () => {
    postMessage({ type: 'ready', version: version() });
    return true;
  },
  (err) => {
    postMessage({ type: 'fatal', message: `The analysis engine could not start: ${err?.message ?? err}` });
    return false;
  },
);

/** The rest of a long report's sentences, sent a piece at a time on request: { id, sentences, next }. */
let held = null;

function sendPart() {
  const h = held;
  if (!h) return;
  postMessage({ type: 'part', id: h.id, sentences: h.sentences.slice(h.next, h.next + PART) });
  h.next += PART;
  if (h.next >= h.sentences.length) held = null;
}

self.onmessage = async (event) => {
  const { id, text, type, pull = false } = event.data ?? {};
  if (type === 'more') {
    if (held?.id === id) sendPart();
    return;
  }
  held = null; // a new request: the last one's pieces are not wanted any more
  if (!(await ready)) return;
  try {
    const t0 = performance.now();
    const report = analyze(String(text ?? ''), undefined);
    const ms = performance.now() - t0;
    const sentences = report?.sentences;
    if (Array.isArray(sentences) && sentences.length > PART) {
      report.sentences = [];
      postMessage({ type: 'result', id, report, ms, parts: Math.ceil(sentences.length / PART) });
      held = { id, sentences, next: 0 };
      if (pull) sendPart();
      else while (held) sendPart();
    } else {
      postMessage({ type: 'result', id, report, ms });
    }
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};
