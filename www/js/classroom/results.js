// results.js: a student's checked exercise as files for the teacher. JSON (the
// exercise's title and id, the agreement, every item with the student's answer,
// the engine's, the reasons and the student's disagreement note, and the guided
// answers) and CSV (one row per item, through export.js's formula-guarded csvRows).

import { csvRows } from '../export.js';

export function resultsJSON({ exercise, id, result, questions }) {
  const out = {
    format: 'claimlens-exercise-result',
    version: 1,
    exercise: { id, title: exercise.title, level: exercise.level, tasks: exercise.tasks, articles: exercise.articles.map((a) => a.name) },
    exportedAt: new Date().toISOString(),
    agreement: result?.agreement ?? null,
    matched: result?.matched ?? 0,
    total: result?.total ?? 0,
    items: result?.items ?? [],
    questions: questions ?? {},
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const RESULT_CSV_HEADER = ['article', 'sentence', 'field', 'text', 'student', 'engine', 'match', 'disagree_reason', 'engine_why'];

export function resultsCSV({ result }) {
  const rows = [RESULT_CSV_HEADER];
  for (const i of result?.items ?? []) {
    rows.push([i.outlet ?? '', i.sentence ?? '', i.field, i.text ?? '', i.student ?? '', i.engine ?? '', i.match ? 'yes' : 'no', i.note ?? '', i.why ?? '']);
  }
  return csvRows(rows);
}
