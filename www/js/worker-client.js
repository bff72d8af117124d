// worker-client.js: the page's side of an engine worker (analyse or compare).
// It numbers every request, drops answers that are not for the latest one
// (stale), and cancels a long job that is still running when new input
// arrives by replacing the worker.

/** Input longer than this (UTF-16 units, about 200 KB) is worth cancelling. */
const CANCEL_OVER = 200_000;

export class WorkerClient {
  /**
   * url: the module worker; what: its name in messages ("analysis engine");
   * handlers: { onReady(version), onResult(msg, input), onError(message), onFatal(message) }.
   */
  constructor(url, what, handlers) {
    this.url = url;
    this.what = what;
    this.handlers = handlers;
    this.seq = 0;
    this.pending = new Map(); // id -> { input, size }, requests sent to the current worker
    this.worker = null;
    this.start();
  }

  start() {
    const worker = new Worker(this.url, { type: 'module' });
    worker.onmessage = (e) => this.receive(worker, e.data ?? {});
    worker.onerror = (e) => {
      if (worker !== this.worker) return;
      e.preventDefault?.();
      this.dead = true;
      this.handlers.onFatal(`The ${this.what} could not be loaded${e.message ? ` (${e.message})` : ''}.`);
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

  /** True while the worker is still on a long input. */
  get busyOnLongText() {
    for (const { size } of this.pending.values()) if (size > CANCEL_OVER) return true;
    return false;
  }

  /** Sends `message` (plus an id) for `input` of `size` units; only the latest answer is delivered. */
  send(input, size, message) {
    const id = ++this.seq;
    if (this.dead || this.busyOnLongText) this.restart(); // a dead engine gets another try
    this.pending.set(id, { input, size });
    this.worker.postMessage({ id, ...message });
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
    if (msg.type === 'part') {
      // A piece of a long report (worker.js): kept until its result arrives.
      if (msg.id !== this.seq) return;
      if (this.partsId !== msg.id) {
        this.partsId = msg.id;
        this.parts = [];
      }
      for (const s of msg.sentences ?? []) this.parts.push(s);
      return;
    }
    if (msg.parts && msg.report) {
      msg.report.sentences = this.partsId === msg.id ? this.parts : [];
      this.parts = [];
      this.partsId = null;
    }
    const sent = this.pending.get(msg.id);
    for (const id of this.pending.keys()) if (id <= msg.id) this.pending.delete(id);
    if (msg.id !== this.seq) return; // stale
    if (msg.type === 'result') handlers.onResult(msg, sent?.input);
    else if (msg.type === 'error') handlers.onError(msg.message);
  }
}
