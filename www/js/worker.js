// worker.js: the module Web Worker that runs the claimlens WebAssembly engine,
// so that analysing a long article never blocks typing on the page.
//
// In:  { id, text }                       Out: { type: 'result', id, report, ms }
//                                               { type: 'error', id, message }
// Once at start:                               { type: 'ready', version }
//                                               { type: 'fatal', message }

import init, { analyze, version } from '../pkg/claimlens.js';

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
    postMessage({ type: 'result', id, report, ms });
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};
