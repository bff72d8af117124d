// worker-client.js: the page's side of an engine worker (analyse or compare).
// It numbers every request, drops answers that are not for the latest one
// (stale), and cancels a long job that is still running when new input
// arrives by replacing the worker.

/** Input longer than this (UTF-16 units, about 200 KB) is worth cancelling. */
const CANCEL_OVER = 200_000;

export class WorkerClient {
  /**
   * url: the module worker; what: its name in messages ("analysis engine");
   * handlers: { onReady(version), onResult(msg, input, more), onError(message), onFatal(message) }.
   * A report that comes in pieces (worker.js) is delivered once complete, or,
   * with `stream`, as soon as its first piece is in: its `sentences` array then
   * grows as the rest arrive, and `more` says so (see Stream).
   */
  constructor(url, what, handlers, { stream = false } = {}) {
    this.url = url;
    this.what = what;
    this.handlers = handlers;
    this.streaming = stream;
    this.stream = null; // the report whose pieces are arriving
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
    this.worker.postMessage({ id, ...message, pull: this.streaming });
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
      // A piece of a long report (worker.js), after its result.
      const st = this.stream;
      if (!st || st.id !== msg.id || msg.id !== this.seq) return; // stale
      for (const s of msg.sentences ?? []) st.sentences.push(s);
      if (++st.received === st.parts) {
        st.complete = true;
        this.stream = null;
      }
      if (this.streaming) {
        if (!st.delivered) {
          st.delivered = true;
          handlers.onResult(st.msg, st.input, st);
        } else st.arrived();
      } else if (st.complete) handlers.onResult(st.msg, st.input, null);
      return;
    }
    const sent = this.pending.get(msg.id);
    for (const id of this.pending.keys()) if (id <= msg.id) this.pending.delete(id);
    if (msg.id !== this.seq) return; // stale
    this.stream = null;
    if (msg.type === 'result' && msg.parts > 0 && msg.report) {
      // Its sentences follow in msg.parts pieces.
      const worker = this.worker;
      this.stream = new Stream(msg, sent?.input, () => worker.postMessage({ type: 'more', id: msg.id }));
      return;
    }
    if (msg.type === 'result') handlers.onResult(msg, sent?.input, null);
    else if (msg.type === 'error') handlers.onError(msg.message);
  }
}

/**
 * A report whose sentences are still arriving: `complete` turns true with the
 * last piece; `onMore`, when set, is called (once) after the next piece.
 * Streamed (pulled), each piece after the first comes when `want()` asks for
 * it; one request at a time.
 */
class Stream {
  constructor(msg, input, ask) {
    this.ask = ask;
    this.asked = 0; // pieces asked for and not yet in
    this.id = msg.id;
    this.msg = msg;
    this.input = input;
    this.parts = msg.parts;
    this.received = 0;
    this.sentences = msg.report.sentences = [];
    this.complete = false;
    this.delivered = false;
    this.onMore = null;
  }

  /** Asks for the next piece, unless two are on their way or all have been asked for. */
  want() {
    if (this.asked >= 2 || this.complete || this.received + this.asked >= this.parts) return;
    this.asked++;
    this.ask();
  }

  arrived() {
    this.asked = Math.max(0, this.asked - 1);
    const f = this.onMore;
    this.onMore = null;
    f?.();
  }
}
