// compare/worker.js: the module Web Worker that runs the engine's compare(),
// so that comparing long articles never blocks typing on the page.
//
// In:  { id, docs: [{ name, text }] }     Out: { type: 'result', id, comparison, ms }
//                                               { type: 'error', id, message }
// Once at start:                               { type: 'ready', version }
//                                               { type: 'fatal', message }

import init, { compare, version } from '../../pkg/claimlens.js';

const ready = init().then(
  () => {
    postMessage({ type: 'ready', version: version() });
    return true;
  },
  (err) => {
    postMessage({ type: 'fatal', message: `The comparison engine could not start: ${err?.message ?? err}` });
    return false;
  },
);

self.onmessage = async (event) => {
  const { id, docs } = event.data ?? {};
  if (!(await ready)) return;
  try {
    const t0 = performance.now();
    const list = (Array.isArray(docs) ? docs : []).map((d) => ({ name: String(d?.name ?? ''), text: String(d?.text ?? '') }));
    const comparison = compare(list, undefined);
    const ms = performance.now() - t0;
    postMessage({ type: 'result', id, comparison, ms });
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};
