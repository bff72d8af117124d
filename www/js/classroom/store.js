// store.js: a student's progress on one exercise in localStorage, under
// "claimlens.exercise.<id>". When storage is unavailable (private mode, blocked,
// full) it keeps the progress in memory for this visit and says so.

const PREFIX = 'claimlens.exercise.';

export class ProgressStore {
  constructor(id) {
    this.key = PREFIX + id;
    this.memory = null;
    this.available = probe();
    this.problem = this.available ? '' : 'This browser does not let the page store anything, so your answers will be lost if you reload or close it. Export your results before you leave.';
  }

  load() {
    if (!this.available) return this.memory;
    try {
      const raw = localStorage.getItem(this.key);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null; // unreadable saved progress: start afresh
    }
  }

  /** Saves; returns false (and sets .problem) when storage refuses. */
  save(state) {
    this.memory = state;
    if (!this.available) return false;
    try {
      localStorage.setItem(this.key, JSON.stringify(state));
      return true;
    } catch (err) {
      this.available = false;
      this.problem = `Your answers could not be saved in this browser (${err?.name ?? 'error'}), so they will be lost if you reload. Export your results before you leave.`;
      return false;
    }
  }

  clear() {
    this.memory = null;
    if (!this.available) return;
    try {
      localStorage.removeItem(this.key);
    } catch {
      /* nothing saved to remove */
    }
  }
}

function probe() {
  try {
    const k = `${PREFIX}probe`;
    localStorage.setItem(k, '1');
    localStorage.removeItem(k);
    return true;
  } catch {
    return false;
  }
}
