// compare/comparer.js: the page's side of the compare worker, on the shared
// WorkerClient (../worker-client.js): request ids, stale answers dropped, a
// worker busy on long articles replaced when new ones arrive.

import { WorkerClient } from '../worker-client.js';
import { wellFormed } from '../bytes.js';

export class Comparer extends WorkerClient {
  /** handlers: { onReady(version), onResult({ comparison, docs, ms }), onError(message), onFatal(message) } */
  constructor(handlers) {
    super(new URL('./worker.js', import.meta.url), 'comparison engine', {
      ...handlers,
      onResult: (msg, docs) => handlers.onResult({ comparison: msg.comparison, docs: docs ?? [], ms: msg.ms }),
    });
  }

  /** Sends docs ([{ name, text }]) to compare; only the answer to the latest call is delivered. */
  compare(docs) {
    // Lone surrogates become U+FFFD (see bytes.js), so figure spans slice the texts exactly.
    docs = docs.map((d) => ({ ...d, text: wellFormed(d.text) }));
    return this.send(docs, docs.reduce((n, d) => n + d.text.length, 0), { docs });
  }
}
