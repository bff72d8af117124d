// class-view.js: the teacher's "Class results" panel (in the teacher view). The teacher
// drops or opens the students' result files (.json, many at once); class.js checks that
// they all come from one exercise and builds the table, drawn here: the class's
// agreement, one row per student, one row per item with each student's answer, how many
// matched the engine and which answers were given, and the "I disagree" reasons per
// claim. The table exports as CSV. Everything stays in this browser.
// Test hooks: #cl-class-files (file input, multiple); #cl-class-errors li per refused
// file; #cl-class-table; #cl-class-students; #cl-class-agreement; #cl-class-csv.

import { el, q } from '../dom.js';
import { download } from '../export.js';
import { ClassResults, ClassFileError, FIELD_NAMES, answerWord, agreementWords } from './class.js';

/** Builds the panel; returns { panel, addFiles(files) }. */
export function classPanel() {
  const results = new ClassResults();
  const input = el('input', { type: 'file', id: 'cl-class-files', accept: '.json,application/json', multiple: true });
  const status = el('p', { id: 'cl-class-status', role: 'status', 'aria-live': 'polite' });
  const errors = el('div', { id: 'cl-class-errors', class: 'cl-error', role: 'alert' });
  const out = el('div', { id: 'cl-class-out', hidden: true });
  const csv = el('button', { type: 'button', id: 'cl-class-csv' }, 'Export the class table (CSV)');
  const clear = el('button', { type: 'button', id: 'cl-class-clear' }, 'Clear the class results');
  const actions = el('div', { class: 'buttons cl-row', hidden: true }, csv, clear);
  const panel = el('section', { id: 'cl-class', class: 'cl-panel', 'aria-labelledby': 'cl-class-title' },
    el('h3', { id: 'cl-class-title' }, 'After class: class results'),
    el('p', {}, 'When your students have finished, ask each of them to press “Export results (JSON)” and give you the file. Then open all the files here at once, or drop them on this box. They are read in this browser; nothing is uploaded.'),
    el('div', { class: 'control' }, el('label', { for: input.id }, 'Open the students’ result files (.json, several at once)'), input),
    status, errors, out, actions);

  async function addFiles(files) {
    const problems = [];
    let added = 0;
    for (const f of files) {
      try {
        results.add(await f.text(), f.name);
        added++;
      } catch (err) {
        problems.push(err instanceof ClassFileError ? err.message : `“${f.name}” could not be read: ${err?.message ?? err}`);
      }
    }
    errors.replaceChildren(...(problems.length ? [el('ul', {}, problems.map((p) => el('li', {}, p)))] : []));
    status.textContent = `${added} file${added === 1 ? '' : 's'} added${problems.length ? `, ${problems.length} not added (see below)` : ''}. ${results.size} student${results.size === 1 ? '' : 's'} in the class results.`;
    draw();
  }

  function draw() {
    actions.hidden = out.hidden = results.size === 0;
    if (!results.size) return void out.replaceChildren();
    const t = results.table();
    const open = t.open ? `; ${t.open} answer${t.open === 1 ? ' is' : 's are'} still open (left blank)` : '';
    out.replaceChildren(
      el('h4', {}, `Results for “${results.exercise.title}”`),
      el('p', { id: 'cl-class-agreement', class: 'ex-agreement' },
        `${t.students.length} student${t.students.length === 1 ? '' : 's'}. On the items they answered, the class agrees with the engine on `,
        el('strong', {}, agreementWords(t.matched, t.answered)), `${open}. The engine can be wrong: read the reasons students gave.`),
      studentsTable(t),
      itemsTable(t),
      reasons(t));
  }

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) addFiles(files);
  });
  panel.addEventListener('dragover', (e) => {
    if (!Array.from(e.dataTransfer?.types ?? []).includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
  });
  panel.addEventListener('drop', (e) => {
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (!files.length) return;
    e.preventDefault();
    e.stopPropagation(); // the exercise form's own drop handler stays out of it
    addFiles(files);
  });
  csv.addEventListener('click', () => {
    const slug = results.exercise.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'exercise';
    download(`claimlens-class-${slug}.csv`, results.csv(), 'text/csv;charset=utf-8');
  });
  clear.addEventListener('click', () => {
    results.clear();
    errors.replaceChildren();
    status.textContent = 'The class results are cleared.';
    draw();
    input.focus();
  });
  return { panel, addFiles };
}

function studentsTable(t) {
  return el('div', { class: 'cl-scroll', role: 'region', 'aria-labelledby': 'cl-class-students-cap', tabindex: '0' },
    el('table', { id: 'cl-class-students', class: 'cl-table' },
      el('caption', { id: 'cl-class-students-cap' }, 'Each student'),
      el('thead', {}, el('tr', {}, ['Student', 'Answered', 'Agrees with the engine', 'Still open', 'Marked as hedges, the engine did not'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, t.students.map((s) => el('tr', {},
        el('th', { scope: 'row' }, s.label),
        el('td', {}, `${s.answered} of ${s.answered + s.open}`),
        el('td', {}, agreementWords(s.matched, s.answered)),
        el('td', {}, String(s.open)),
        el('td', {}, String(s.extra)))))));
}

function itemLabel(r) {
  const field = FIELD_NAMES[r.field] ?? r.field;
  if (r.claim != null) return `Claim ${r.claim}: ${field}`;
  return field.charAt(0).toUpperCase() + field.slice(1);
}

function cell(r, i) {
  if (!i) return el('td', { class: 'cl-cell-none' }, '—');
  if (i.outcome === 'open') return el('td', { class: 'cl-cell-open', 'data-outcome': 'open' }, '○ open');
  const agree = i.outcome === 'agree';
  const word = r.field === 'hedge' ? (agree ? 'marked' : 'not marked') : answerWord(r.field, i.student);
  return el('td', { class: agree ? 'ex-agree' : 'ex-differ', 'data-outcome': i.outcome },
    el('span', { class: 'ex-verdict' }, agree ? '✓' : '≠'), ' ', word, el('span', { class: 'cl-vh' }, agree ? ' (agrees with the engine)' : ' (differs from the engine)'));
}

function itemsTable(t) {
  return el('div', { class: 'cl-scroll', role: 'region', 'aria-labelledby': 'cl-class-table-cap', tabindex: '0' },
    el('table', { id: 'cl-class-table', class: 'cl-table' },
      el('caption', { id: 'cl-class-table-cap' }, 'Each item: every student’s answer (✓ agrees with the engine, ≠ differs, ○ left open)'),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Item'),
        el('th', { scope: 'col' }, 'The engine says'),
        t.students.map((s) => el('th', { scope: 'col' }, s.label)),
        el('th', { scope: 'col' }, 'Matched the engine'),
        el('th', { scope: 'col' }, 'Answers given'))),
      el('tbody', {}, t.rows.map((r) => el('tr', { 'data-item': r.id },
        el('th', { scope: 'row' }, el('span', { class: 'cl-item' }, itemLabel(r)), r.text ? el('span', { class: 'cl-item-text' }, ` ${q(r.text.length > 90 ? `${r.text.slice(0, 88)}…` : r.text)}`) : null),
        el('td', {}, r.field === 'hedge' ? q(r.engine ?? '') : answerWord(r.field, r.engine), r.unsure ? el('span', { class: 'cl-unsure' }, ' (the engine is not sure)') : null),
        r.cells.map((i) => cell(r, i)),
        el('td', { 'data-matched': r.matched }, `${r.matched} of ${r.answered}`),
        el('td', {}, r.answers.map(([w, n]) => `${w} ×${n}`).join(', ') || 'none yet'))))));
}

function reasons(t) {
  const section = el('div', { id: 'cl-class-reasons' }, el('h4', {}, 'What students said'));
  if (!t.claims.length) {
    section.append(el('p', {}, 'No student pressed “I disagree” or marked a word the engine does not count.'));
    return section;
  }
  for (const c of t.claims) {
    const label = c.claim != null ? `Claim ${c.claim}` : (FIELD_NAMES[c.field] ?? c.field);
    section.append(el('div', { class: 'cl-reasons', 'data-key': c.key },
      el('p', {}, el('strong', {}, `${label}: `), c.text ? q(c.text) : ''),
      c.notes.length ? el('ul', { class: 'cl-notes' }, c.notes.map((n) => el('li', {}, `${n.student} disagrees: ${n.note}`))) : null,
      c.extras.length ? el('p', { class: 'hint' }, 'Marked as a hedge, the engine did not: ', c.extras.map((x) => `${q(x.text)} (${x.student})`).join(', ')) : null));
  }
  return section;
}
