// worker.js: the module Web Worker that runs the claimlens WebAssembly engine,
// so that analysing a long article never blocks typing on the page.
//
// A report of more than PART sentences comes in pieces: its sentences in
// { type: 'part', id, sentences } messages of PART each, then the result with
// `parts: true` and no sentences (worker-client.js puts it back together). Each
// message is a task of its own on the page, so receiving a long report never
// holds up typing there for long (one 20,000-sentence clone took ~150–300 ms).
//
// In:  { id, text }                       Out: { type: 'result', id, report, ms }
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

self.onmessage = async (event) => {
  const { id, text } = event.data ?? {};
  if (!(await ready)) return;
  try {
    const t0 = performance.now();
    const report = analyze(String(text ?? ''), undefined);
    const ms = performance.now() - t0;
    const sentences = report?.sentences;
    if (Array.isArray(sentences) && sentences.length > PART) {
      for (let i = 0; i < sentences.length; i += PART) postMessage({ type: 'part', id, sentences: sentences.slice(i, i + PART) });
      report.sentences = [];
      postMessage({ type: 'result', id, report, ms, parts: true });
    } else {
      postMessage({ type: 'result', id, report, ms });
    }
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};
