// analyser.js: the page's side of the analysis worker (worker.js), on the
// shared WorkerClient: request ids, stale answers dropped, long jobs cancelled.

import { WorkerClient } from './worker-client.js';
import { wellFormed } from './bytes.js';

export class Analyser extends WorkerClient {
  /**
   * handlers: { onReady(version), onResult({ report, text, ms, more }), onError(message), onFatal(message) }.
   * With `stream`, a long report is delivered as soon as its first piece of
   * sentences is in, with `more` (worker-client.js's Stream, for render.js);
   * otherwise once complete, with `more` null.
   */
  constructor(handlers, { stream = false } = {}) {
    super(
      new URL('./worker.js', import.meta.url),
      'analysis engine',
      {
        ...handlers,
        onResult: (msg, text, more) => handlers.onResult({ report: msg.report, text, ms: msg.ms, more }),
      },
      { stream },
    );
  }

  /**
   * Sends text for analysis; only the answer to the latest call is delivered.
   * The result's `text` is what was analysed: `text` with any lone surrogate
   * made U+FFFD (same length), so the report's spans slice it exactly.
   */
  analyze(text) {
    const clean = wellFormed(text);
    return this.send(clean, clean.length, { text: clean });
  }
}
