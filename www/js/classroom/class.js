// class.js: a class's result files read back together, for the teacher's Class
// results (class-view.js draws them). Pure functions and one small class (no DOM), so
// Node can import it. Every file must come from one exercise: the same exercise id
// (a CRC of the whole exercise: its articles, chosen claims and tasks) as the first file
// loaded; a file from another exercise, or made from another version of the article
// (the per-article text checks differ), is refused with a message naming the file.
// The table: one row per item asked (claim × field, each engine hedge its own row), one
// column per student; per row how many matched the engine and which answers they gave;
// per claim the "I disagree" reasons; the class's agreement over answered items only.

import { csvRows } from '../export.js';
import { kindWord, statusWord } from '../words.js';
import { RESULT_FORMAT, RESULT_VERSION } from './results.js';

/** A result file that cannot join the class; the message names the file. */
export class ClassFileError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ClassFileError';
  }
}

export const FIELD_NAMES = { attribution: 'source kind', status: 'status', hedge: 'hedge', headline: 'headline says more', namedSources: 'names its sources most often', numbers: 'figures agree' };

/** An answer in words, as the student view shows it. */
export function answerWord(field, v) {
  if (v == null || v === '') return 'no answer';
  if (field === 'attribution') return kindWord(v);
  if (field === 'status') return statusWord(v).toLowerCase();
  if (field === 'numbers') return v === 'agree' ? 'they agree' : 'they disagree';
  if (field === 'hedge') return `“${v}”`;
  return String(v);
}

const pct = (x) => `${Math.round(x * 100)}%`;

/** "9 of 12 (75%)", or "nothing answered". */
export const agreementWords = (matched, answered) => (answered ? `${matched} of ${answered} (${pct(matched / answered)})` : 'nothing answered');

const itemId = (i) => `${i.key}|${i.field}|${i.field === 'hedge' ? i.engine ?? '' : ''}`;

export class ClassResults {
  constructor() {
    this.exercise = null; // { id, title, articles, articleChecks } of the first file
    this.students = []; // [{ name, label, file, items, exportedAt }]
  }

  get size() {
    return this.students.length;
  }

  clear() {
    this.exercise = null;
    this.students = [];
  }

  /** Adds one file's text; returns the student, or throws ClassFileError naming the file. */
  add(text, file) {
    const name = `“${file}”`;
    let obj;
    try {
      obj = JSON.parse(String(text).replace(/^\uFEFF/, ''));
    } catch {
      throw new ClassFileError(`${name} is not a results file: it is not valid JSON.`);
    }
    if (obj?.format === 'claimlens-exercise') {
      throw new ClassFileError(`${name} is an exercise file, not a student’s results. To change the exercise, open it under “1. The article”.`);
    }
    if (obj?.format !== RESULT_FORMAT) throw new ClassFileError(`${name} is not a claimlens results file, so it was not added.`);
    if (typeof obj.version === 'number' && obj.version > RESULT_VERSION) {
      throw new ClassFileError(`${name} was made by a newer version of claimlens (results version ${obj.version}); this page reads version ${RESULT_VERSION}.`);
    }
    const ex = obj.exercise;
    if (!ex || typeof ex.id !== 'string' || !Array.isArray(obj.items)) throw new ClassFileError(`${name} is damaged: it has no exercise id or no answers, so it was not added.`);
    const here = this.exercise;
    if (here && ex.id !== here.id) {
      const sameArticles = ex.title === here.title && JSON.stringify(ex.articles) === JSON.stringify(here.articles);
      const checksDiffer = Array.isArray(ex.articleChecks) && Array.isArray(here.articleChecks) && JSON.stringify(ex.articleChecks) !== JSON.stringify(here.articleChecks);
      if (sameArticles && checksDiffer) {
        throw new ClassFileError(`${name} was made with another version of the article in “${here.title}”: its article text is not the same as in the other files, so it was not added.`);
      }
      if (sameArticles) {
        throw new ClassFileError(`${name} is from another version of the exercise “${here.title}” (other claims or tasks), so it was not added.`);
      }
      throw new ClassFileError(`${name} is from another exercise (“${String(ex.title ?? 'no title').slice(0, 80)}”), not “${here.title}”, so it was not added.`);
    }
    const student = String(obj.student?.name ?? '').trim().slice(0, 60);
    if (this.students.some((s) => s.name === student && s.exportedAt === obj.exportedAt && s.items.length === obj.items.length)) {
      throw new ClassFileError(`${name} is already loaded${student ? ` (${student})` : ''}.`);
    }
    if (!here) this.exercise = { id: ex.id, title: String(ex.title ?? ''), articles: ex.articles, articleChecks: ex.articleChecks };
    const items = obj.items.filter((i) => i && typeof i.key === 'string' && typeof i.field === 'string').map((i) => ({
      ...i,
      outcome: i.outcome ?? (i.match ? 'agree' : i.student == null ? 'open' : 'differ'), // version 1 files have no outcome
    }));
    const entry = { name: student, label: student || `No name (${file})`, file, items, exportedAt: obj.exportedAt ?? '' };
    this.students.push(entry);
    return entry;
  }

  /**
   * The class table: { students: [{ label, matched, answered, open, extra }], rows: [{ id, key,
   * claim, field, text, engine, cells: [item|null per student], matched, answered, answers:
   * [[word, count]] }], claims: [{ key, claim, text, notes: [{ student, note }], extras:
   * [{ student, text }] }], matched, answered, open }.
   */
  table() {
    const rows = new Map();
    const claims = new Map();
    const students = this.students.map((s, k) => {
      const t = { label: s.label, matched: 0, answered: 0, open: 0, extra: 0 };
      for (const i of s.items) {
        const c = claims.get(i.key) ?? claims.set(i.key, { key: i.key, claim: i.claim ?? null, field: i.field, text: i.text ?? '', notes: [], extras: [] }).get(i.key);
        if (i.note && !c.notes.some((n) => n.student === s.label)) c.notes.push({ student: s.label, note: String(i.note) });
        if (i.outcome === 'extra') {
          t.extra++;
          c.extras.push({ student: s.label, text: String(i.student ?? '') });
          continue;
        }
        const id = itemId(i);
        const r = rows.get(id) ?? rows.set(id, { id, key: i.key, claim: i.claim ?? null, field: i.field, text: i.text ?? '', engine: i.engine, unsure: i.unsure ?? null, cells: [] }).get(id);
        r.cells[k] = i;
        if (i.outcome === 'agree') t.matched++;
        if (i.outcome === 'agree' || i.outcome === 'differ') t.answered++;
        if (i.outcome === 'open') t.open++;
      }
      return t;
    });
    const out = [...rows.values()].map((r) => {
      const cells = this.students.map((_, k) => r.cells[k] ?? null);
      const given = cells.filter((i) => i && i.outcome !== 'open');
      const answers = new Map();
      for (const i of given) {
        const w = answerWord(r.field, i.field === 'hedge' ? (i.outcome === 'agree' ? i.engine : null) : i.student);
        const word = r.field === 'hedge' ? (i.outcome === 'agree' ? 'marked it' : 'did not mark it') : w;
        answers.set(word, (answers.get(word) ?? 0) + 1);
      }
      return { ...r, cells, matched: given.filter((i) => i.outcome === 'agree').length, answered: given.length, answers: [...answers] };
    });
    const sum = (f) => students.reduce((n, s) => n + s[f], 0);
    return {
      students,
      rows: out,
      claims: [...claims.values()].filter((c) => c.notes.length || c.extras.length),
      matched: sum('matched'),
      answered: sum('answered'),
      open: sum('open'),
    };
  }

  /** The class table as CSV: one row per item, one column per student, then the counts. */
  csv() {
    const t = this.table();
    const rows = [['article', 'claim', 'field', 'text', 'engine', ...t.students.map((s) => s.label), 'matched_engine', 'answered', 'answers_given', 'disagree_reasons']];
    const allNotes = new Map();
    for (const s of this.students) for (const i of s.items) if (i.note) (allNotes.get(i.key) ?? allNotes.set(i.key, new Map()).get(i.key)).set(s.label, i.note);
    for (const r of t.rows) {
      const first = r.cells.find(Boolean);
      rows.push([
        first?.outlet ?? '',
        r.claim ?? '',
        FIELD_NAMES[r.field] ?? r.field,
        r.text,
        r.field === 'hedge' ? r.engine ?? '' : answerWord(r.field, r.engine),
        ...r.cells.map((i) => (!i ? '' : i.outcome === 'open' ? 'open' : `${r.field === 'hedge' ? (i.outcome === 'agree' ? 'marked' : 'not marked') : answerWord(r.field, i.student)} (${i.outcome === 'agree' ? 'agrees' : 'differs'})`)),
        r.matched,
        r.answered,
        r.answers.map(([w, n]) => `${w} ×${n}`).join('; '),
        [...(allNotes.get(r.key) ?? new Map())].map(([who, note]) => `${who}: ${note}`).join(' | '),
      ]);
    }
    rows.push(['', '', 'agreement (answered items only)', '', '', ...t.students.map((s) => agreementWords(s.matched, s.answered)), t.matched, t.answered, agreementWords(t.matched, t.answered), '']);
    rows.push(['', '', 'still open', '', '', ...t.students.map((s) => s.open), '', '', '', '']);
    return csvRows(rows);
  }
}
