// analyser.js: the page's side of the worker. It numbers every request, drops
// results that are not for the latest one (stale), and cancels a long analysis
// that is still running when new text arrives by replacing the worker.

/** A text longer than this (UTF-16 units, about 200 KB) is worth cancelling. */
const CANCEL_OVER = 200_000;

export class Analyser {
  /** handlers: { onReady(version), onResult({ report, text, ms }), onError(message), onFatal(message) } */
  constructor(handlers) {
    this.handlers = handlers;
    this.seq = 0;
    this.pending = new Map(); // id -> text, requests sent to the current worker
    this.worker = null;
    this.start();
  }

  start() {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (e) => this.receive(worker, e.data ?? {});
    worker.onerror = (e) => {
      if (worker !== this.worker) return;
      e.preventDefault?.();
      this.dead = true;
      this.handlers.onFatal(`The analysis engine could not be loaded${e.message ? ` (${e.message})` : ''}.`);
    };
    this.worker = worker;
    this.dead = false;
  }

  /** Replaces a busy worker with a fresh one; whatever it was doing is dropped. */
  restart() {
    this.worker.terminate();
    this.pending.clear();
    this.start();
  }

  /** True while the worker is still on a long text. */
  get busyOnLongText() {
    for (const text of this.pending.values()) if (text.length > CANCEL_OVER) return true;
    return false;
  }

  /** Sends text for analysis; only the answer to the latest call is delivered. */
  analyze(text) {
    const id = ++this.seq;
    if (this.dead || this.busyOnLongText) this.restart(); // a dead engine gets another try
    this.pending.set(id, text);
    this.worker.postMessage({ id, text });
    return id;
  }

  /** Makes every outstanding request stale (and stops a long one). */
  cancel() {
    ++this.seq;
    if (this.busyOnLongText) this.restart();
  }

  receive(worker, msg) {
    if (worker !== this.worker) return; // a terminated worker's last words
    const { handlers } = this;
    if (msg.type === 'ready') return handlers.onReady(msg.version);
    if (msg.type === 'fatal') {
      this.dead = true;
      return handlers.onFatal(msg.message);
    }
    const text = this.pending.get(msg.id);
    for (const id of this.pending.keys()) if (id <= msg.id) this.pending.delete(id);
    if (msg.id !== this.seq) return; // stale
    if (msg.type === 'result') handlers.onResult({ report: msg.report, text, ms: msg.ms });
    else if (msg.type === 'error') handlers.onError(msg.message);
  }
}
