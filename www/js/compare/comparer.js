// compare/comparer.js: the page's side of the compare worker. Like ../analyser.js:
// it numbers every request, drops answers that are not for the latest one, and
// replaces the worker when new articles arrive while it is busy on long ones.

/** Articles longer than this in all (UTF-16 units, about 200 KB) are worth cancelling. */
const CANCEL_OVER = 200_000;

export class Comparer {
  /** handlers: { onReady(version), onResult({ comparison, docs, ms }), onError(message), onFatal(message) } */
  constructor(handlers) {
    this.handlers = handlers;
    this.seq = 0;
    this.pending = new Map(); // id -> { docs, size }, requests sent to the current worker
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
      this.handlers.onFatal(`The comparison engine could not be loaded${e.message ? ` (${e.message})` : ''}.`);
    };
    this.worker = worker;
    this.dead = false;
  }

  restart() {
    this.worker.terminate();
    this.pending.clear();
    this.start();
  }

  get busyOnLongText() {
    for (const { size } of this.pending.values()) if (size > CANCEL_OVER) return true;
    return false;
  }

  /** Sends docs ([{ name, text }]) to compare; only the answer to the latest call is delivered. */
  compare(docs) {
    const id = ++this.seq;
    if (this.dead || this.busyOnLongText) this.restart();
    const size = docs.reduce((n, d) => n + d.text.length, 0);
    this.pending.set(id, { docs, size });
    this.worker.postMessage({ id, docs });
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
    const sent = this.pending.get(msg.id);
    for (const id of this.pending.keys()) if (id <= msg.id) this.pending.delete(id);
    if (msg.id !== this.seq) return; // stale
    if (msg.type === 'result') handlers.onResult({ comparison: msg.comparison, docs: sent?.docs ?? [], ms: msg.ms });
    else if (msg.type === 'error') handlers.onError(msg.message);
  }
}
