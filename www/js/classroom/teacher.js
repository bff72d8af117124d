// teacher.js: the teacher view (index.html#classroom). Pick a ready-made exercise or
// paste articles, choose the tasks, then get a link (the whole exercise compressed
// into the URL fragment), an exercise file (.json, loadable again by file input or
// drop) and two printables: the worksheet and the answer key. The teacher ticks which
// claims go in (by default the 10 most check-worthy, check.js defaultPicks), each shown
// with the engine's answer; the link, the file and the printables hold only those.
// After class, "Class results" (class-view.js) reads the students' result files back.
// Test hooks: html[data-classroom] is "pending" | "ready" | "error" after Make;
// #cl-link holds the link; #cl-print-worksheet / #cl-print-key set html[data-print];
// #cl-picks input[name=claim] (value "<doc>:<sentence>") are the claims to tick;
// html[data-claims] is "pending" | "ready" once the list matches the articles.

import { el } from '../dom.js';
import { download } from '../export.js';
import { htmlToText, isHtmlFile, isTextFile } from '../input.js';
import { encodeExercise, exerciseFileText, parseExerciseFile, validateExercise, textCheck, ExerciseError, TASKS, LIMITS } from './codec.js';
import { engineAnswers } from './engine.js';
import { buildWorksheet, buildAnswerKey, TASK_WORDS, LEVEL_WORDS, claimTasks, kindWord, statusWord } from './sheets.js';
import { headlineQuestions, allClaimsOf, defaultPicks, engineKind } from './check.js';
import { classPanel } from './class-view.js';
import { RESULT_FORMAT } from './results.js';

const DEFAULT_PICKS = 10;

const EXERCISES = new URL('../../exercises/', import.meta.url);
const SAMPLES = new URL('../../samples/', import.meta.url);
const html = document.documentElement;

let slotSeq = 0;

export function showTeacher(root) {
  document.title = 'claimlens classroom: make an exercise';
  html.dataset.classroom = 'pending';
  resetPicks();
  const ui = build();
  root.replaceChildren(ui.view);
  document.getElementById('cl-print')?.remove();
  root.closest('main').append(ui.print); // inside <main>, so a printed sheet keeps its landmark
  wire(ui);
  loadReadyMade(ui);
  ui.heading.focus({ preventScroll: true });
}

function build() {
  const ui = {};
  ui.heading = el('h2', { id: 'cl-title-heading', tabindex: '-1' }, 'Classroom: make an exercise');
  ui.start = el('select', { id: 'cl-start' }, el('option', { value: '' }, 'Your own article(s)'));
  ui.startHint = el('p', { id: 'cl-start-hint', class: 'hint' });
  ui.title = el('input', { id: 'cl-title', type: 'text', maxlength: LIMITS.titleChars, value: 'Who backs each claim?', autocomplete: 'off' });
  ui.level = el('select', { id: 'cl-level' },
    el('option', { value: 'starter' }, LEVEL_WORDS.starter),
    el('option', { value: 'advanced' }, LEVEL_WORDS.advanced),
    el('option', { value: '' }, LEVEL_WORDS['']));
  ui.slots = el('div', { id: 'cl-articles', class: 'cl-articles' });
  ui.add = el('button', { type: 'button', id: 'cl-add' }, 'Add another article');
  ui.file = el('input', { type: 'file', id: 'cl-file', accept: '.json,application/json' });
  ui.tasks = TASKS.map((t) => el('input', { type: 'checkbox', name: 'task', value: t, id: `cl-task-${t}`, checked: true }));
  ui.hide = el('input', { type: 'checkbox', id: 'cl-hide', checked: true });
  ui.make = el('button', { type: 'button', id: 'cl-make', class: 'primary' }, 'Make the exercise');
  ui.picks = el('div', { id: 'cl-picks', class: 'cl-picks', role: 'group', 'aria-labelledby': 'cl-claims-title', hidden: true });
  ui.pickCount = el('p', { id: 'cl-pick-count', role: 'status', 'aria-live': 'polite' }, 'Paste an article (or start from a ready-made one) to see its claims.');
  ui.pickTop = el('button', { type: 'button', id: 'cl-pick-top' }, `Tick the ${DEFAULT_PICKS} most check-worthy`);
  ui.pickAll = el('button', { type: 'button', id: 'cl-pick-all' }, 'Tick all');
  ui.pickNone = el('button', { type: 'button', id: 'cl-pick-none' }, 'Untick all');
  ui.pickButtons = el('div', { class: 'buttons cl-row', hidden: true }, ui.pickTop, ui.pickAll, ui.pickNone);
  ui.cls = classPanel();
  ui.message = el('p', { id: 'cl-message', role: 'status', 'aria-live': 'polite' });
  ui.error = el('p', { id: 'cl-error', class: 'cl-error', role: 'alert' });
  ui.link = el('input', { id: 'cl-link', type: 'text', readonly: true, 'aria-describedby': 'cl-link-note' });
  ui.copy = el('button', { type: 'button', id: 'cl-copy' }, 'Copy the link');
  ui.open = el('a', { id: 'cl-open', href: '#' }, 'Open it as a student');
  ui.linkNote = el('p', { id: 'cl-link-note', class: 'hint' });
  ui.download = el('button', { type: 'button', id: 'cl-download' }, 'Download the exercise file');
  ui.printWorksheet = el('button', { type: 'button', id: 'cl-print-worksheet' }, 'Print the worksheet');
  ui.printKey = el('button', { type: 'button', id: 'cl-print-key' }, 'Print the answer key');
  ui.output = el('section', { id: 'cl-output', class: 'cl-output', 'aria-labelledby': 'cl-output-title', hidden: true },
    el('h3', { id: 'cl-output-title' }, 'Your exercise'),
    el('label', { for: 'cl-link' }, 'Link for students'),
    el('div', { class: 'cl-row' }, ui.link, ui.copy),
    ui.linkNote,
    el('p', {}, ui.open),
    el('div', { class: 'buttons cl-row' }, ui.download, ui.printWorksheet, ui.printKey),
    el('p', { class: 'hint' }, 'The worksheet and the answer key print separately, so the key can stay with you.'));
  ui.print = el('div', { id: 'cl-print' });

  ui.view = el('div', { class: 'cl-teacher' },
    ui.heading,
    el('p', {}, 'Make a media-literacy exercise from any article. Students mark who backs each claim, how it is hedged and whether it is confirmed, and say whether the headline says more than the article, then check their answers against the claimlens engine. There is no server and no account: the whole exercise travels inside its link or its file.'),
    el('p', {}, el('a', { href: './' }, 'Back to checking one article')),
    el('section', { class: 'cl-panel', 'aria-labelledby': 'cl-source-title' },
      el('h3', { id: 'cl-source-title' }, '1. The article'),
      el('div', { class: 'controls' },
        el('div', { class: 'control' }, el('label', { for: 'cl-start' }, 'Start from'), ui.start),
        el('div', { class: 'control' }, el('label', { for: 'cl-file' }, 'Open an exercise file (.json)'), ui.file)),
      ui.startHint,
      el('div', { class: 'controls' },
        el('div', { class: 'control grow' }, el('label', { for: 'cl-title' }, 'Title'), ui.title),
        el('div', { class: 'control' }, el('label', { for: 'cl-level' }, 'Level'), ui.level)),
      el('p', { class: 'hint' }, 'Paste one article, or several on the same story: with two or more, students also compare the outlets (who names their sources, whose numbers disagree). You can drop .txt, .html or exercise .json files here too.'),
      ui.slots,
      ui.add),
    el('section', { class: 'cl-panel', 'aria-labelledby': 'cl-tasks-title' },
      el('h3', { id: 'cl-tasks-title' }, '2. What students must find'),
      el('fieldset', {},
        el('legend', {}, 'Students find…'),
        ui.tasks.map((box) => el('div', { class: 'cl-check' }, box, el('label', { for: box.id }, capital(TASK_WORDS[box.value]))))),
      el('div', { class: 'cl-check' }, ui.hide, el('label', { for: 'cl-hide' }, 'Hide the engine’s answers until the student presses Check'))),
    el('section', { class: 'cl-panel', 'aria-labelledby': 'cl-claims-title' },
      el('h3', { id: 'cl-claims-title' }, '3. The claims students answer'),
      el('p', { class: 'hint' }, `Tick the claims you want to ask about. At first the ${DEFAULT_PICKS} the engine finds most worth checking are ticked (with several articles, they are shared between them). Each shows the engine’s answer. The link, the file and the printed sheets hold only the ticked claims.`),
      ui.pickButtons, ui.pickCount, ui.picks),
    el('section', { class: 'cl-panel', 'aria-labelledby': 'cl-make-title' },
      el('h3', { id: 'cl-make-title' }, '4. Make it'),
      ui.make, ui.message, ui.error),
    ui.output,
    ui.cls.panel);
  addSlot(ui);
  return ui;
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function addSlot(ui, article = { name: '', text: '' }) {
  const n = ++slotSeq;
  const name = el('input', { type: 'text', id: `cl-name-${n}`, name: 'article-name', value: article.name, autocomplete: 'off' });
  const text = el('textarea', { id: `cl-text-${n}`, name: 'article-text', rows: 8, spellcheck: 'false' });
  text.value = article.text;
  const remove = el('button', { type: 'button', class: 'cl-remove' }, 'Remove this article');
  const slot = el('div', { class: 'cl-slot' },
    el('label', { for: name.id }, 'Outlet or article name'), name,
    el('label', { for: text.id }, 'Article text'), text,
    remove);
  remove.addEventListener('click', () => {
    slot.remove();
    if (!ui.slots.children.length) addSlot(ui);
    renumber(ui);
    ui.slots.querySelector('input')?.focus();
  });
  ui.slots.append(slot);
  renumber(ui);
  return slot;
}

/** Labels say which article they belong to; Remove only shows with two or more. */
function renumber(ui) {
  const slots = [...ui.slots.children];
  slots.forEach((slot, i) => {
    const [nameLabel, , textLabel, , remove] = slot.children;
    nameLabel.textContent = `Article ${i + 1}: outlet or name`;
    textLabel.textContent = `Article ${i + 1}: text`;
    remove.textContent = `Remove article ${i + 1}`;
    remove.hidden = slots.length < 2;
  });
}

function setArticles(ui, articles) {
  ui.slots.replaceChildren();
  for (const a of articles) addSlot(ui, a);
  if (!articles.length) addSlot(ui);
}

function fillForm(ui, ex) {
  ui.preset = ex.claims ? { key: JSON.stringify(ex.articles.map((a) => ({ name: a.name.trim(), text: a.text }))), claims: ex.claims } : null;
  ui.title.value = ex.title;
  ui.level.value = ex.level ?? '';
  for (const box of ui.tasks) box.checked = ex.tasks.includes(box.value);
  ui.hide.checked = ex.hideAnswers !== false;
  setArticles(ui, ex.articles);
  refreshClaims(ui).catch(() => {}); // Make tries again and reports the error
}

/** The form as an exercise object (not yet validated). */
function readForm(ui) {
  const articles = [...ui.slots.children]
    .map((slot) => ({ name: slot.querySelector('input').value.trim(), text: slot.querySelector('textarea').value }))
    .filter((a) => a.text.trim());
  return {
    title: ui.title.value.trim() || 'Who backs each claim?',
    level: ui.level.value,
    tasks: ui.tasks.filter((b) => b.checked).map((b) => b.value),
    hideAnswers: ui.hide.checked,
    articles,
  };
}

// ---- ready-made exercises ------------------------------------------------------

let readyMade = [];

async function loadReadyMade(ui) {
  try {
    const res = await fetch(new URL('index.json', EXERCISES));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const list = await res.json();
    readyMade = Array.isArray(list) ? list.filter((x) => x && typeof x.id === 'string' && Array.isArray(x.articles)) : [];
    ui.start.append(el('optgroup', { label: 'Ready-made exercises' },
      readyMade.map((x) => el('option', { value: x.id }, `${x.title} (${LEVEL_WORDS[x.level] ?? 'any level'})`))));
  } catch (err) {
    ui.message.textContent = `The ready-made exercises could not be loaded (${err.message}). You can still paste an article.`;
  }
  try {
    // The checker's own sample articles, each as a one-article exercise.
    const res = await fetch(new URL('index.json', SAMPLES));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const samples = (await res.json()).filter((x) => x && typeof x.id === 'string' && typeof x.file === 'string');
    for (const x of samples) {
      readyMade.push({ id: `sample:${x.id}`, title: String(x.title ?? x.id), level: '', description: x.description, articles: [{ name: '', file: new URL(x.file, SAMPLES).href }] });
    }
    ui.start.append(el('optgroup', { label: 'Sample articles' }, samples.map((x) => el('option', { value: `sample:${x.id}` }, String(x.title ?? x.id)))));
  } catch {
    /* the samples are a convenience; the ready-made exercises and pasting still work */
  }
}

async function chooseReadyMade(ui, id) {
  const entry = readyMade.find((x) => x.id === id);
  if (!entry) return;
  ui.startHint.textContent = entry.description ?? '';
  ui.message.textContent = 'Loading the exercise…';
  try {
    const articles = await Promise.all(entry.articles.map(async (a) => {
      const url = new URL(a.file, EXERCISES);
      if (url.origin !== EXERCISES.origin) throw new Error('an article is not on this site');
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${a.file}`);
      return { name: String(a.name ?? ''), text: await res.text() };
    }));
    fillForm(ui, { title: entry.title, level: entry.level ?? '', tasks: entry.tasks ?? TASKS, hideAnswers: true, articles });
    ui.message.textContent = `Loaded “${entry.title}”. Change anything you like, then make the exercise.`;
  } catch (err) {
    ui.message.textContent = `Could not load “${entry.title}” (${err.message}).`;
  }
}

// ---- files in --------------------------------------------------------------------

async function openFile(ui, file, slot) {
  ui.error.textContent = '';
  try {
    if (/\.json$/i.test(file.name) || file.type === 'application/json') {
      const text = await file.text();
      if (text.includes(`"${RESULT_FORMAT}"`)) {
        ui.cls.addFiles([file]); // a student's results: they go to Class results
        ui.cls.panel.scrollIntoView?.({ block: 'nearest' });
        return;
      }
      const ex = parseExerciseFile(text, file.name);
      fillForm(ui, ex);
      ui.start.value = '';
      ui.message.textContent = `Opened the exercise file “${file.name}”: “${ex.title}”.`;
      return;
    }
    if (isHtmlFile(file) || isTextFile(file)) {
      if (file.size > LIMITS.articleChars * 4) throw new ExerciseError('invalid', `“${file.name}” is too long for an exercise (at most ${LIMITS.articleChars.toLocaleString('en')} characters an article).`);
      const raw = await file.text();
      const text = isHtmlFile(file) ? htmlToText(raw) : raw;
      const empty = [...ui.slots.children].find((s) => !s.querySelector('textarea').value.trim());
      const target = slot ?? empty ?? addSlot(ui);
      target.querySelector('textarea').value = text;
      const name = target.querySelector('input');
      if (!name.value.trim()) name.value = file.name.replace(/\.[^.]+$/, '');
      ui.message.textContent = `Added “${file.name}” as an article.`;
      refreshClaims(ui).catch(() => {});
      return;
    }
    throw new ExerciseError('format', `“${file.name}” is not an exercise file (.json) or an article (.txt, .html), so it was not opened.`);
  } catch (err) {
    ui.error.textContent = err instanceof ExerciseError ? err.message : `Could not read “${file.name}”: ${err?.message ?? err}`;
  }
}

// ---- choosing the claims -------------------------------------------------------------

let pickSeq = 0;
let pick = { key: null, claims: [], ticked: new Set() };
let pickRun = null; // the latest refresh, which make() waits for
let runKey = null; // the articles it is for

function resetPicks() {
  pickSeq++;
  pick = { key: null, claims: [], ticked: new Set() };
  pickRun = null;
  runKey = null;
}

/** The engine's claims for the form's articles, ticked by default or as the opened file says. */
function refreshClaims(ui) {
  const articles = readForm(ui).articles;
  const key = JSON.stringify(articles);
  if (key === runKey && pickRun) return pickRun;
  runKey = key;
  const n = ++pickSeq;
  html.dataset.claims = 'pending';
  pickRun = (async () => {
    let claims = [];
    if (articles.length) {
      const ex = validateExercise({ title: 'x', articles });
      const { reports } = await engineAnswers(ex.articles);
      claims = allClaimsOf(ex, reports);
    }
    if (n !== pickSeq) return pickRun; // a newer refresh is under way
    let ticked;
    if (ui.preset && ui.preset.key === key) {
      const want = new Set(ui.preset.claims.map((c) => `${c.doc}:${c.check}`));
      ticked = new Set(claims.filter((c) => want.has(`${c.doc}:${textCheck(c.sentence.text)}`)));
    } else {
      // After an edit, claims that are still there keep the teacher's ticks (new ones start
      // unticked); a new article gets the default.
      const k = (c) => `${c.doc}:${c.sentence.text}`;
      const before = new Map(pick.claims.map((c) => [k(c), pick.ticked.has(c)]));
      ticked = claims.some((c) => before.has(k(c))) ? new Set(claims.filter((c) => before.get(k(c)) === true)) : defaultPicks(claims, DEFAULT_PICKS);
    }
    pick = { key, claims, ticked, articles };
    drawPicks(ui);
    html.dataset.claims = 'ready';
    return pick;
  })();
  pickRun.catch(() => {
    if (n === pickSeq) runKey = null; // a failed run is tried again next time
  });
  return pickRun;
}

function engineAnswerWords(s) {
  const a = s.attributions?.[0];
  const hedges = (s.hedges ?? []).map((h) => `“${h.text}”`).join(', ');
  return `The engine: source ${kindWord(engineKind(s))}${a?.source ? ` (“${a.source.text}”)` : ''} · ${statusWord(s.status?.label).toLowerCase()} · hedges: ${hedges || 'none'} · worth checking: ${Math.round((s.checkworthiness ?? 0) * 100)} of 100`;
}

function drawPicks(ui) {
  const many = new Set(pick.claims.map((c) => c.doc)).size > 1 || (pick.articles?.length ?? 0) > 1;
  ui.picks.replaceChildren(...pick.claims.map((c) => {
    const id = `cl-pick-${c.doc}-${c.sentence.index}`;
    const box = el('input', { type: 'checkbox', id, name: 'claim', value: `${c.doc}:${c.sentence.index}`, checked: pick.ticked.has(c) });
    box.addEventListener('change', () => {
      if (box.checked) pick.ticked.add(c);
      else pick.ticked.delete(c);
      countPicks(ui);
    });
    return el('div', { class: 'cl-pick' }, box,
      el('label', { for: id }, many ? `${c.outlet}: ` : '', c.sentence.text, el('span', { class: 'cl-pick-answer' }, engineAnswerWords(c.sentence))));
  }));
  ui.picks.hidden = ui.pickButtons.hidden = !pick.claims.length;
  countPicks(ui);
}

function countPicks(ui) {
  const n = pick.claims.filter((c) => pick.ticked.has(c)).length;
  ui.pickCount.textContent = pick.claims.length
    ? `${n} of ${pick.claims.length} claim${pick.claims.length === 1 ? '' : 's'} ticked.`
    : pick.key && pick.key !== '[]' ? 'The engine found no claim in the article: only the headline question can be asked.' : 'Paste an article (or start from a ready-made one) to see its claims.';
}

function setTicks(ui, which) {
  pick.ticked = which === 'all' ? new Set(pick.claims) : which === 'none' ? new Set() : defaultPicks(pick.claims, DEFAULT_PICKS);
  for (const box of ui.picks.querySelectorAll('input[name="claim"]')) {
    const c = pick.claims.find((x) => `${x.doc}:${x.sentence.index}` === box.value);
    box.checked = pick.ticked.has(c);
  }
  countPicks(ui);
}

// ---- make, link, file, print --------------------------------------------------------

let made = null; // { exercise, payload, url }

async function make(ui) {
  ui.error.textContent = '';
  html.dataset.classroom = 'pending';
  let exercise;
  try {
    exercise = validateExercise(readForm(ui));
  } catch (err) {
    html.dataset.classroom = 'error';
    ui.error.textContent = err instanceof ExerciseError ? err.message.replace('This is not a usable exercise: ', 'The exercise cannot be made yet: ') : String(err);
    if (!ui.tasks.some((b) => b.checked)) ui.error.textContent = 'Choose at least one thing for students to find.';
    else if (!readForm(ui).articles.length) ui.error.textContent = 'Paste an article first, or start from a ready-made exercise.';
    return;
  }
  ui.message.textContent = 'Making the exercise…';
  let pick;
  try {
    pick = await refreshClaims(ui);
  } catch (err) {
    html.dataset.classroom = 'error';
    ui.error.textContent = `The engine could not read the article: ${err?.message ?? err}`;
    return;
  }
  const chosen = pick.claims.filter((c) => pick.ticked.has(c));
  if (pick.claims.length && !chosen.length && claimTasks(exercise.tasks).length) {
    html.dataset.classroom = 'error';
    ui.message.textContent = '';
    ui.error.textContent = 'Tick at least one claim for students to answer (in “3. The claims students answer”).';
    return;
  }
  if (pick.claims.length) exercise = validateExercise({ ...exercise, claims: chosen.map((c) => ({ doc: c.doc, sentence: c.sentence.index, check: textCheck(c.sentence.text) })) });
  try {
    const payload = await encodeExercise(exercise);
    const url = new URL(`index.html#exercise=${payload}`, location.href).href;
    const { reports, comparison } = await engineAnswers(exercise.articles);
    made = { exercise, payload, url };
    ui.link.value = url;
    ui.open.href = `#exercise=${payload}`;
    ui.linkNote.textContent = `The whole exercise is inside this link (${url.length.toLocaleString('en')} characters), after the “#”: nothing is uploaded. Some email programs cut very long links; the exercise file always works.`;
    ui.print.replaceChildren(buildWorksheet(exercise, reports, comparison), buildAnswerKey(exercise, reports, comparison));
    ui.output.hidden = false;
    const claims = chosen.length;
    const of = pick.claims.length > claims ? ` You chose ${claims} of the ${pick.claims.length} claims the engine found.` : '';
    let headlines = '';
    if (exercise.tasks.includes('headline')) {
      const n = headlineQuestions(exercise, reports).length;
      headlines = n
        ? `, ${n} headline question${n === 1 ? '' : 's'}`
        : ` (no article has a headline, a short first line with no full stop, so there is no headline question)`;
    }
    ui.message.textContent = `The exercise is ready: ${exercise.articles.length} article${exercise.articles.length === 1 ? '' : 's'}, ${claims} claim${claims === 1 ? '' : 's'}${headlines}.${of}`;
    html.dataset.classroom = 'ready';
  } catch (err) {
    html.dataset.classroom = 'error';
    ui.error.textContent = `The exercise could not be made: ${err?.message ?? err}`;
  }
}

function printSheet(which) {
  html.dataset.print = which; // css/classroom.css shows only that sheet in print
  window.print();
}

function wire(ui) {
  ui.start.addEventListener('change', () => {
    if (ui.start.value) chooseReadyMade(ui, ui.start.value);
    else ui.startHint.textContent = '';
  });
  ui.add.addEventListener('click', () => addSlot(ui).querySelector('input').focus());
  ui.file.addEventListener('change', () => {
    const f = ui.file.files?.[0];
    if (f) openFile(ui, f);
    ui.file.value = '';
  });
  ui.view.addEventListener('dragover', (e) => {
    if (!Array.from(e.dataTransfer?.types ?? []).includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
  });
  ui.view.addEventListener('drop', (e) => {
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (!files.length) return;
    e.preventDefault();
    e.stopPropagation(); // the article checker's own drop handler stays out of it
    const slot = e.target.closest?.('.cl-slot') ?? undefined;
    for (const f of files) openFile(ui, f, files.length === 1 ? slot : undefined);
  });
  ui.make.addEventListener('click', () => make(ui));
  let typing = null;
  ui.slots.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => refreshClaims(ui).catch(() => {}), 700);
  });
  ui.pickTop.addEventListener('click', () => setTicks(ui, 'top'));
  ui.pickAll.addEventListener('click', () => setTicks(ui, 'all'));
  ui.pickNone.addEventListener('click', () => setTicks(ui, 'none'));
  ui.copy.addEventListener('click', async () => {
    ui.link.select();
    try {
      await navigator.clipboard.writeText(ui.link.value);
      ui.message.textContent = 'The link is copied.';
    } catch {
      ui.message.textContent = 'The link is selected: press Ctrl+C (or ⌘C) to copy it.';
    }
  });
  ui.download.addEventListener('click', () => {
    if (!made) return;
    const slug = made.exercise.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'exercise';
    download(`claimlens-exercise-${slug}.json`, exerciseFileText(made.exercise), 'application/json');
  });
  ui.printWorksheet.addEventListener('click', () => printSheet('worksheet'));
  ui.printKey.addEventListener('click', () => printSheet('key'));
}
