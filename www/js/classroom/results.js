// results.js: a student's checked exercise as files for the teacher. JSON (the
// student's name or initial, the exercise's title and id, a check of each article's
// text, the fair counts (answered, agreed, open, extra marks), every item with the
// student's answer, the engine's, the reasons and the student's disagreement note, and
// the guided answers) and CSV (one row per item, through export.js's formula-guarded
// csvRows). The teacher's Class results (class.js) read the JSON back.

import { csvRows } from '../export.js';
import { textCheck } from './codec.js';

export const RESULT_FORMAT = 'claimlens-exercise-result';
export const RESULT_VERSION = 2;

/** A name as part of a file name: letters, digits and dashes, at most 30 characters. */
export function nameSlug(name) {
  return String(name ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 30).replace(/-+$/, '');
}

/** The export's file name: claimlens-results-<exercise id>[-<name>].<ext>. */
export function resultsFileName(id, name, ext) {
  const slug = nameSlug(name);
  return `claimlens-results-${id}${slug ? `-${slug}` : ''}.${ext}`;
}

export function resultsJSON({ exercise, id, result, questions, name }) {
  const out = {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    student: { name: String(name ?? '').trim() },
    exercise: {
      id,
      title: exercise.title,
      level: exercise.level,
      tasks: exercise.tasks,
      articles: exercise.articles.map((a) => a.name),
      articleChecks: exercise.articles.map((a) => textCheck(a.text)),
      claims: exercise.claims?.length ?? null,
    },
    exportedAt: new Date().toISOString(),
    agreement: result?.agreement ?? null,
    matched: result?.matched ?? 0,
    answered: result?.answered ?? 0,
    open: result?.open ?? 0,
    total: result?.total ?? 0,
    extra: result?.extra ?? 0,
    items: result?.items ?? [],
    questions: questions ?? {},
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const RESULT_CSV_HEADER = ['student', 'article', 'claim', 'sentence', 'field', 'text', 'student_answer', 'engine', 'outcome', 'engine_unsure', 'disagree_reason', 'engine_why'];

export function resultsCSV({ result, name }) {
  const rows = [RESULT_CSV_HEADER];
  for (const i of result?.items ?? []) {
    rows.push([String(name ?? '').trim(), i.outlet ?? '', i.claim ?? '', i.sentence ?? '', i.field, i.text ?? '', i.student ?? '', i.engine ?? '', i.outcome ?? (i.match ? 'agree' : 'differ'), i.unsure ?? '', i.note ?? '', i.why ?? '']);
  }
  return csvRows(rows);
}
