// student.js: the student view (index.html#exercise=<payload>). Decodes the exercise,
// runs the engine on it in this browser, and shows each article with its claims:
// every word of a claim is a toggle for marking hedges, and each claim has menus for
// its source kind and status; with the headline task, each article that has a
// headline asks whether the headline says more than the article. "Check" compares the answers with the engine's
// (check.js), shows per-item feedback with the engine's reasons, and lets the student
// disagree with a reason. The student may give a name or an initial (#ex-name): it is
// kept with the progress and goes into the export and its file name. Agreement counts
// only answered items; unanswered ones are "still open"; a word the student marked that
// the engine did not is a difference, not an error; where the engine is unsure, the
// item says so (check.js). The claim's words are buttons set in the sentence's own
// text, so it reads as the article, and copying any part of an article gives the
// article's own words (the copy handler slices the original text).
// Progress lives in localStorage (store.js); results export as JSON or CSV (results.js).
// Test hooks: html[data-exercise] is "pending" | "ready" | "error"; #ex-error holds a
// link's error; [data-sentence] claim blocks with select[name=attribution|status];
// .ex-word toggles carry data-student-hedge when marked; .ex-headline[data-headline-doc]
// blocks with select[name=headline]; #check; window.lastExerciseResult.

import { el, q } from '../dom.js';
import { download } from '../export.js';
import { decodeExercise, encodeExercise, exerciseId, parseExerciseFile, ExerciseError } from './codec.js';
import { engineAnswers } from './engine.js';
import { checkExercise, compareQuestions, claimKey, engineKind, headlineQuestions, missingClaims, HEADLINE_QUESTION } from './check.js';
import { ProgressStore } from './store.js';
import { resultsJSON, resultsCSV, resultsFileName } from './results.js';
import { GUIDED_QUESTIONS, TASK_WORDS, LEVEL_WORDS, KIND_ORDER, STATUS_ORDER, HEADLINE_ANSWERS, claimTasks, menuKind, statusWord, kindWord, paragraphsOf, numberedClaims } from './sheets.js';

const html = document.documentElement;
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
const FIELD_WORDS = { attribution: 'Source kind', status: 'Status', hedge: 'Hedge', headline: 'Headline says more than the article', namedSources: 'Names its sources most often', numbers: 'Figures' };

/** Renders the student view for `payload` into `root`. */
export async function showStudent(root, payload) {
  html.dataset.exercise = 'pending';
  window.lastExerciseResult = null;
  document.title = 'claimlens classroom: exercise';
  root.replaceChildren(el('p', { class: 'ex-loading', role: 'status' }, 'Opening the exercise…'));
  let exercise;
  try {
    exercise = await decodeExercise(payload);
  } catch (err) {
    return showError(root, err instanceof ExerciseError ? err.message : `This exercise link cannot be read (${err?.message ?? err}).`);
  }
  let answers;
  try {
    answers = await engineAnswers(exercise.articles);
  } catch (err) {
    return showError(root, `The claimlens engine could not start in this browser, so the exercise cannot be checked (${err?.message ?? err}).`);
  }
  new StudentView(root, exercise, answers).render();
}

function showError(root, message) {
  html.dataset.exercise = 'error';
  const file = el('input', { type: 'file', id: 'ex-file', accept: '.json,application/json' });
  const fileError = el('p', { id: 'ex-file-error', class: 'cl-error', role: 'alert' });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      location.hash = `exercise=${await encodeExercise(parseExerciseFile(await f.text(), f.name))}`;
    } catch (err) {
      fileError.textContent = err?.message ?? String(err);
    }
  });
  const heading = el('h2', { tabindex: '-1' }, 'This exercise cannot be opened');
  root.replaceChildren(el('div', { class: 'ex-broken' },
    heading,
    el('p', { id: 'ex-error', class: 'cl-error', role: 'alert' }, message),
    el('p', {}, 'Nothing was lost: your saved answers stay in this browser until the right link opens them again.'),
    el('div', { class: 'control' }, el('label', { for: 'ex-file' }, 'If you have the exercise file (.json), open it instead'), file),
    fileError,
    el('p', {}, el('a', { href: '#classroom' }, 'Make a new exercise'), ' · ', el('a', { href: './' }, 'Check one article'))));
  heading.focus({ preventScroll: true });
}

class StudentView {
  constructor(root, exercise, { reports, comparison }) {
    this.root = root;
    this.exercise = exercise;
    this.reports = reports;
    this.comparison = comparison;
    this.tasks = new Set(exercise.tasks);
    this.id = exerciseId(exercise);
    this.store = new ProgressStore(this.id);
    this.state = normalise(this.store.load());
    this.result = null;
    this.claims = numberedClaims(exercise, reports);
    this.cq = compareQuestions(exercise, comparison);
    this.hq = new Map((this.tasks.has('headline') ? headlineQuestions(exercise, reports) : []).map((h) => [h.doc, h]));
  }

  render() {
    const ex = this.exercise;
    this.heading = el('h2', { tabindex: '-1' }, ex.title);
    this.storage = el('p', { id: 'ex-storage', class: 'ex-storage', role: 'status' }, this.store.problem);
    this.resultBox = el('section', { id: 'ex-result', class: 'ex-result', 'aria-labelledby': 'ex-result-title', 'aria-live': 'polite', hidden: true });
    this.check = el('button', { type: 'button', id: 'check', class: 'primary' }, 'Check my answers');
    this.check.addEventListener('click', () => this.runCheck(true));
    const actions = el('div', { class: 'ex-actions buttons' }, this.check);
    if (!ex.hideAnswers) {
      this.show = el('button', { type: 'button', id: 'ex-show', 'aria-pressed': String(!!this.state.shown) }, 'Show the engine’s answers');
      this.show.addEventListener('click', () => this.toggleShown());
      actions.append(this.show);
    }
    const exportJson = el('button', { type: 'button', id: 'ex-export-json' }, 'Export results (JSON)');
    const exportCsv = el('button', { type: 'button', id: 'ex-export-csv' }, 'Export results (CSV)');
    const reset = el('button', { type: 'button', id: 'ex-reset' }, 'Clear my answers');
    exportJson.addEventListener('click', () => this.exportResults('json'));
    exportCsv.addEventListener('click', () => this.exportResults('csv'));
    reset.addEventListener('click', () => this.reset());
    actions.append(exportJson, exportCsv, reset);

    const nameBox = el('input', { type: 'text', id: 'ex-name', name: 'student-name', maxlength: 60, autocomplete: 'off', 'aria-describedby': 'ex-name-hint' });
    nameBox.value = this.state.name;
    nameBox.addEventListener('input', () => {
      this.state.name = nameBox.value;
      this.save();
    });
    const missing = missingClaims(ex, this.reports);
    this.root.replaceChildren(el('div', { class: 'ex-student' },
      this.heading,
      el('p', { class: 'ex-meta' }, `${LEVEL_WORDS[ex.level] ?? ''} · ${this.claims.length} claim${this.claims.length === 1 ? '' : 's'} · ${ex.articles.length} article${ex.articles.length === 1 ? '' : 's'}`),
      el('div', { class: 'control ex-name' },
        el('label', { for: 'ex-name' }, 'Your name or initial (you can leave it empty)'),
        nameBox,
        el('p', { class: 'hint', id: 'ex-name-hint' }, 'It stays in this browser and goes into your exported results, so your teacher knows whose answers they are.')),
      missing ? el('p', { class: 'ex-storage', id: 'ex-missing' }, `${missing} of the claims your teacher chose ${missing === 1 ? 'is' : 'are'} not found by this version of claimlens, so ${missing === 1 ? 'it is' : 'they are'} left out.`) : null,
      this.storage,
      this.howTo(),
      ...this.reports.map((report, doc) => this.article(report, doc)),
      this.cq ? this.compareSection() : null,
      this.questions(),
      actions,
      this.resultBox,
      el('p', { class: 'hint' }, el('a', { href: '#classroom' }, 'Make your own exercise'), ' · ', el('a', { href: './' }, 'Check one article'))));

    this.applyShown();
    if (this.state.checked) this.runCheck(false);
    html.dataset.exercise = 'ready';
    this.heading.focus({ preventScroll: true });
  }

  howTo() {
    const items = claimTasks(this.tasks).map((t) => el('li', {}, TASK_WORDS[t]));
    if (this.cq) items.push(el('li', {}, 'which outlet names its sources, and whether their numbers agree'));
    const headline = this.tasks.has('headline')
      ? el('p', {}, `Then look at the headline. ${HEADLINE_QUESTION} Does it state something as fact that the article only hedges, doubts, or gives to unnamed people?`)
      : null;
    const keys = this.tasks.has('hedge')
      ? el('p', { class: 'hint' }, 'Mark a hedge by clicking a word, or by selecting several words with the mouse. From the keyboard: Tab to a claim’s words, move with the arrow keys, and press Space or Enter to mark or unmark a word. Marked words are underlined and in italics.')
      : null;
    return el('section', { class: 'ex-how', 'aria-labelledby': 'ex-how-title' },
      el('h3', { id: 'ex-how-title' }, 'What to do'),
      el('p', {}, items.length ? 'Read the article. For each claim, find:' : 'Read the article.'),
      items.length ? el('ul', {}, items) : null,
      headline,
      keys,
      el('p', {}, 'Then press “Check my answers” to compare them with the claimlens engine. The engine can be wrong: if you disagree with it, say why.'));
  }

  // ---- articles and claims ----------------------------------------------------

  article(report, doc) {
    const name = this.exercise.articles[doc].name;
    const section = el('section', { class: 'ex-article', 'aria-labelledby': `ex-a${doc}-title`, 'data-doc': doc },
      el('h3', { id: `ex-a${doc}-title` }, this.exercise.articles.length > 1 ? `Article ${doc + 1}: ${name}` : name));
    const numberOf = new Map(this.claims.map((c) => [`${c.doc}:${c.sentence.index}`, c.n]));
    const text = this.exercise.articles[doc].text;
    for (const para of paragraphsOf(report)) {
      const block = el('div', { class: 'ex-para' });
      let context = null;
      para.forEach((s, k) => {
        const n = numberOf.get(`${doc}:${s.index}`);
        if (n) {
          context = null;
          block.append(this.claimBlock(doc, s, n));
        } else {
          if (!context) block.append((context = el('p', { class: 'ex-context' })));
          // The sentence, then the article's own space up to the next one (as one space when it is a line break).
          const next = para[k + 1];
          const gap = next ? text.slice(s.end, next.start).replace(/\s+/g, ' ') : '';
          context.append(el('span', { 'data-o': s.start, 'data-doc': doc }, s.text), gap);
        }
      });
      section.append(block);
    }
    section.addEventListener('copy', (e) => this.copyArticle(e));
    if (this.tasks.has('headline')) {
      const h = this.hq.get(doc);
      section.append(h
        ? this.headlineBlock(doc, h)
        : el('p', { class: 'ex-no-headline hint', 'data-doc': doc }, 'This article has no headline (a short first line with no full stop), so there is no headline question for it.'));
    }
    return section;
  }

  /** The headline question of one article: the headline, a yes/no menu, the engine's answer and feedback. */
  headlineBlock(doc, h) {
    const id = `ex-d${doc}-headline`;
    return el('div', { class: 'ex-claim ex-headline', id, 'data-headline-doc': doc, 'data-key': `headline:d${doc}` },
      el('p', { class: 'ex-claim-label' }, 'The headline'),
      el('p', { class: 'ex-text ex-headline-text' }, el('span', { 'data-o': h.headline.start, 'data-doc': doc }, h.headline.text)),
      el('div', { class: 'ex-fields' },
        this.menu(`${id}-answer`, 'headline', HEADLINE_QUESTION, HEADLINE_ANSWERS, this.state.headline[doc], (v) => this.setHeadline(doc, v))),
      el('p', { class: 'ex-hint', hidden: true }, `The engine’s answer: ${h.engine === 'yes' ? 'yes, the headline says more than the article' : 'no, the article says as much as the headline'}.`),
      el('div', { class: 'ex-feedback', hidden: true }));
  }

  claimBlock(doc, s, n) {
    const key = claimKey(doc, s.index);
    const id = `ex-d${doc}-s${s.index}`;
    const saved = this.state.claims[key] ?? {};
    const block = el('div', { class: 'ex-claim', id, 'data-sentence': s.index, 'data-doc': doc, 'data-key': key });
    block.append(el('p', { class: 'ex-claim-label', id: `${id}-label` }, `Claim ${n}`));
    if (this.tasks.has('hedge')) block.append(this.words(s, n, saved.hedges ?? []));
    else block.append(el('p', { class: 'ex-text' }, el('span', { 'data-o': s.start, 'data-doc': doc }, s.text)));

    const fields = el('div', { class: 'ex-fields' });
    if (this.tasks.has('attribution')) {
      fields.append(this.menu(`${id}-attribution`, 'attribution', `Who backs claim ${n}?`, KIND_ORDER.map((k) => [k, menuKind(k)]), saved.attribution, (v) => this.setClaim(key, 'attribution', v)));
    }
    if (this.tasks.has('status')) {
      fields.append(this.menu(`${id}-status`, 'status', `Status of claim ${n}`, STATUS_ORDER.map((k) => [k, statusWord(k)]), saved.status, (v) => this.setClaim(key, 'status', v)));
    }
    if (fields.children.length) block.append(fields);
    block.append(el('p', { class: 'ex-hint', hidden: true }, this.engineHint(s)));
    block.append(el('div', { class: 'ex-feedback', hidden: true }));
    return block;
  }

  menu(id, name, label, options, value, onChange) {
    const select = el('select', { id, name }, el('option', { value: '' }, 'Choose…'), options.map(([v, w]) => el('option', { value: v }, w)));
    select.value = options.some(([v]) => v === value) ? value : '';
    select.addEventListener('change', () => onChange(select.value));
    return el('div', { class: 'control' }, el('label', { for: id }, label), select);
  }

  /**
   * The claim's words as toggles; one Tab stop per claim, arrow keys inside. Between the
   * word buttons is the sentence's own text, and each run of text without a space (a word
   * with its punctuation or quotation marks) is kept on one line, so the claim reads and
   * wraps as the article does: "presidency." and never "presidency ." or a lone "." below.
   */
  words(s, n, marked) {
    const isMarked = (start, end) => marked.some(([a, b]) => a === start && b === end);
    const group = el('div', { class: 'ex-words', role: 'group', 'aria-label': `Claim ${n}, word by word: press a word to mark it as a hedge` });
    let first = true;
    const words = [...s.text.matchAll(WORD)];
    // Chunks: runs without white space (kept on one line), and the white space between them.
    for (const m of s.text.matchAll(/\s+|\S+/g)) {
      const at = m.index;
      if (/^\s/.test(m[0])) {
        group.append(el('span', { 'data-o': s.start + at }, m[0]));
        continue;
      }
      // (a very long run, such as a web address, may still wrap, so a narrow screen never scrolls sideways)
      const chunk = el('span', { class: m[0].length <= 30 ? 'ex-nw' : null });
      let pos = at;
      const end = at + m[0].length;
      for (const w of words) {
        if (w.index < at || w.index >= end) continue;
        if (w.index > pos) chunk.append(el('span', { 'data-o': s.start + pos }, s.text.slice(pos, w.index)));
        const start = s.start + w.index;
        const on = isMarked(start, start + w[0].length);
        chunk.append(el('button', {
          type: 'button', class: 'ex-word', 'data-start': start, 'data-end': start + w[0].length, 'data-o': start,
          'aria-pressed': String(on), 'data-student-hedge': on, tabindex: first ? '0' : '-1',
        }, w[0]));
        first = false;
        pos = w.index + w[0].length;
      }
      if (pos < end) chunk.append(el('span', { 'data-o': s.start + pos }, s.text.slice(pos, end)));
      group.append(chunk);
    }

    let selecting = false;
    group.addEventListener('click', (e) => {
      const b = e.target.closest('.ex-word');
      if (!b) return;
      if (selecting) return void (selecting = false);
      this.toggleWords(group, [b]);
    });
    group.addEventListener('mouseup', () => {
      const sel = getSelection();
      if (!sel || sel.isCollapsed) return;
      // A selection reaching outside this claim is for copying, not for marking.
      if (!group.contains(sel.anchorNode) || !group.contains(sel.focusNode)) return;
      const hit = [...group.querySelectorAll('.ex-word')].filter((b) => sel.containsNode(b, true));
      if (!hit.length) return;
      selecting = true;
      setTimeout(() => (selecting = false), 0);
      sel.removeAllRanges();
      this.toggleWords(group, hit);
    });
    group.addEventListener('keydown', (e) => {
      const b = e.target.closest('.ex-word');
      if (!b) return;
      const all = [...group.querySelectorAll('.ex-word')];
      const i = all.indexOf(b);
      const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[e.key];
      if (next === undefined || !all[next]) return;
      e.preventDefault();
      b.tabIndex = -1;
      all[next].tabIndex = 0;
      all[next].focus();
    });
    return group;
  }

  /** Marks the words (or unmarks them when all are already marked) and saves. */
  toggleWords(group, buttons) {
    const on = !buttons.every((b) => b.getAttribute('aria-pressed') === 'true');
    for (const b of buttons) {
      b.setAttribute('aria-pressed', String(on));
      b.toggleAttribute('data-student-hedge', on);
    }
    const block = group.closest('.ex-claim');
    const hedges = [...group.querySelectorAll('.ex-word[aria-pressed="true"]')].map((b) => [Number(b.dataset.start), Number(b.dataset.end)]);
    this.setClaim(block.dataset.key, 'hedges', hedges);
  }

  engineHint(s) {
    const parts = [];
    if (this.tasks.has('attribution')) {
      const a = s.attributions?.[0];
      parts.push(`source: ${kindWord(engineKind(s))}${a?.source ? ` (${q(a.source.text)})` : ''}`);
    }
    if (this.tasks.has('status')) parts.push(`status: ${statusWord(s.status?.label).toLowerCase()}`);
    if (this.tasks.has('hedge')) parts.push(`hedges: ${(s.hedges ?? []).map((h) => q(h.text)).join(', ') || 'none'}`);
    return `The engine’s answer: ${parts.join('; ')}.`;
  }

  /** Copying any part of an article gives the article's own words, without the view's labels and menus. */
  copyArticle(e) {
    const sel = getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !e.clipboardData) return;
    const range = sel.getRangeAt(0);
    const spans = new Map(); // doc -> [from, to] in the article's text
    for (const p of this.root.querySelectorAll('.ex-article [data-o]')) {
      if (!range.intersectsNode(p)) continue;
      const doc = Number(p.closest('.ex-article').dataset.doc);
      const o = Number(p.dataset.o);
      let from = o;
      let to = o + p.textContent.length;
      if (range.startContainer.nodeType === Node.TEXT_NODE && p.contains(range.startContainer)) from = o + range.startOffset;
      if (range.endContainer.nodeType === Node.TEXT_NODE && p.contains(range.endContainer)) to = o + range.endOffset;
      if (to <= from) continue;
      const cur = spans.get(doc);
      spans.set(doc, cur ? [Math.min(cur[0], from), Math.max(cur[1], to)] : [from, to]);
    }
    if (!spans.size) return;
    const text = [...spans].sort((a, b) => a[0] - b[0]).map(([doc, [a, b]]) => this.exercise.articles[doc].text.slice(a, b)).join('\n\n');
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  }

  // ---- comparison and guided questions -----------------------------------------------

  compareSection() {
    const cq = this.cq;
    const names = this.exercise.articles.map((a) => a.name);
    const section = el('section', { class: 'ex-compare', 'aria-labelledby': 'ex-compare-title' },
      el('h3', { id: 'ex-compare-title' }, 'Compare the outlets'));
    const src = el('div', { class: 'ex-claim ex-cmp', 'data-compare': 'sources', 'data-key': 'compare:sources' },
      this.menu('ex-cmp-sources', 'namedSources', 'Which outlet names its sources most often?', names.map((n, i) => [String(i), n]), this.state.compare.sources, (v) => this.setCompare('sources', v)),
      el('p', { class: 'ex-hint', hidden: true }, `The engine’s answer: ${cq.sources.engine.map((i) => names[i]).join(' / ')}.`),
      el('div', { class: 'ex-feedback', hidden: true }));
    section.append(src);
    if (!cq.numbers.length) section.append(el('p', { class: 'hint' }, 'No claim carries figures in two outlets, so there are no numbers to compare.'));
    cq.numbers.forEach((g, k) => {
      section.append(el('div', { class: 'ex-claim ex-cmp', 'data-compare': `g${g.id}`, 'data-key': `compare:g${g.id}` },
        el('p', { class: 'ex-claim-label' }, `Figures ${k + 1}: ${g.text}`),
        el('ul', {}, g.figures.map((f) => el('li', {}, `${f.outlet}: ${q(f.text)}`))),
        this.menu(`ex-cmp-g${g.id}`, 'numbers', `Do the figures ${k + 1} agree?`, [['agree', 'They agree'], ['disagree', 'They disagree']], this.state.compare.numbers[g.id], (v) => this.setCompare(g.id, v)),
        el('p', { class: 'ex-hint', hidden: true }, `The engine’s answer: they ${g.engine}.`),
        el('div', { class: 'ex-feedback', hidden: true })));
    });
    return section;
  }

  questions() {
    return el('section', { class: 'ex-questions', 'aria-labelledby': 'ex-questions-title' },
      el('h3', { id: 'ex-questions-title' }, 'Think about it'),
      GUIDED_QUESTIONS.map((g) => {
        const box = el('textarea', { id: `ex-q-${g.id}`, name: `question-${g.id}`, rows: 3, 'aria-describedby': `ex-q-${g.id}-hint` });
        box.value = this.state.questions[g.id] ?? '';
        box.addEventListener('input', () => {
          this.state.questions[g.id] = box.value;
          this.save();
        });
        return el('div', { class: 'ex-question' },
          el('label', { for: box.id }, g.text), el('p', { class: 'hint', id: `ex-q-${g.id}-hint` }, g.hint), box);
      }));
  }

  // ---- state ------------------------------------------------------------------

  setClaim(key, field, value) {
    (this.state.claims[key] ??= {})[field] = value;
    this.changed();
  }

  setHeadline(doc, value) {
    this.state.headline[doc] = value;
    this.changed();
  }

  setCompare(what, value) {
    if (what === 'sources') this.state.compare.sources = value;
    else this.state.compare.numbers[what] = value;
    this.changed();
  }

  changed() {
    this.save();
    if (this.result) {
      this.stale.hidden = false;
    }
  }

  save() {
    this.state.savedAt = new Date().toISOString();
    if (!this.store.save(this.state)) this.storage.textContent = this.store.problem;
  }

  toggleShown() {
    this.state.shown = !this.state.shown;
    this.save();
    this.applyShown();
  }

  applyShown() {
    const on = !this.exercise.hideAnswers && !!this.state.shown;
    this.show?.setAttribute('aria-pressed', String(on));
    for (const hint of this.root.querySelectorAll('.ex-hint')) hint.hidden = !on;
  }

  reset() {
    if (!confirm('Clear all your answers for this exercise?')) return;
    this.store.clear();
    this.state = normalise(null);
    this.result = null;
    window.lastExerciseResult = null;
    this.render();
  }

  // ---- check and feedback --------------------------------------------------------

  runCheck(focus) {
    const result = checkExercise(this.exercise, this.reports, this.comparison, this.state);
    this.result = result;
    window.lastExerciseResult = result;
    if (!this.state.checked) {
      this.state.checked = true;
      this.save();
    }
    this.renderFeedback(result);
    this.renderSummary(result);
    if (focus) this.resultTitle.focus({ preventScroll: false });
  }

  renderSummary(result) {
    this.resultTitle = el('h3', { id: 'ex-result-title', tabindex: '-1' }, 'How your answers compare');
    this.stale = el('p', { class: 'ex-stale', hidden: true }, 'You changed answers after checking: press “Check my answers” again to update this.');
    const byField = {};
    for (const i of result.items) {
      if (i.outcome === 'extra') continue;
      const f = (byField[i.field] ??= { matched: 0, answered: 0, open: 0 });
      if (i.outcome === 'open') f.open++;
      else f.answered++;
      if (i.outcome === 'agree') f.matched++;
    }
    const open = result.open ? `${result.open} ${result.open === 1 ? 'is' : 'are'} still open.` : 'Nothing is left open.';
    const agreement = result.answered
      ? [`You answered ${result.answered} of ${result.total}; you and the engine agree on ${result.matched} of them (`, el('strong', {}, `${Math.round(result.agreement * 100)}%`), `); ${open}`]
      : [`You have not answered any of the ${result.total} questions yet, so there is nothing to compare.`];
    const extra = result.extra
      ? el('p', { id: 'ex-extra' }, `You also marked ${result.extra} word${result.extra === 1 ? '' : 's'} as ${result.extra === 1 ? 'a hedge' : 'hedges'} that the engine does not count. That is a difference, not a mistake, and it does not count against you: if you think ${result.extra === 1 ? 'it softens' : 'they soften'} the claim, press “I disagree” and say why.`)
      : null;
    this.resultBox.replaceChildren(
      this.resultTitle,
      el('p', { id: 'ex-agreement', class: 'ex-agreement' }, ...agreement),
      el('ul', {}, Object.entries(byField).map(([f, c]) => el('li', {}, `${FIELD_WORDS[f]}: you agree on ${c.matched} of the ${c.answered} you answered${c.open ? ` (${c.open} still open)` : ''}`))),
      extra,
      this.stale,
      el('p', { class: 'ex-engine-note' }, 'The engine can be wrong. It reads word patterns, not meaning, and it measures sourcing, not truth. Where you disagree with it, read the words again; if you still disagree, press “I disagree” under that claim and say why. Your reason goes into the export for your teacher.'),
      el('p', {}, 'Now ask of the whole article: ', GUIDED_QUESTIONS.map((g) => g.text).join(' ')));
    this.resultBox.hidden = false;
  }

  renderFeedback(result) {
    const byKey = new Map();
    for (const i of result.items) (byKey.get(i.key) ?? byKey.set(i.key, []).get(i.key)).push(i);
    for (const block of this.root.querySelectorAll('.ex-claim[data-key]')) {
      const items = byKey.get(block.dataset.key) ?? [];
      const box = block.querySelector('.ex-feedback');
      if (!items.length) {
        box.hidden = true;
        continue;
      }
      box.replaceChildren(el('ul', { class: 'ex-items' }, items.map((i) => feedbackLine(i))));
      const reasons = items[0].reasons ?? [];
      if (reasons.length && items[0].field === 'headline') {
        // the headline and the article's sentences: the explanation itself, so always in view
        box.append(el('ul', { class: 'ex-headline-spans' }, reasons.map((r) => el('li', {}, r))));
      } else if (reasons.length) {
        box.append(el('details', {}, el('summary', {}, 'The engine’s reasons'), el('ul', {}, reasons.map((r) => el('li', {}, r)))));
      }
      box.append(this.disagree(block.dataset.key, block.id || block.dataset.key.replace(/[^a-z0-9]/gi, '-')));
      box.hidden = false;
    }
  }

  disagree(key, id) {
    const note = this.state.notes[key] ?? '';
    const open = this.state.disagree[key] === true || !!note;
    const button = el('button', { type: 'button', class: 'ex-disagree', 'aria-pressed': String(open), 'aria-controls': `${id}-why` }, 'I disagree');
    const box = el('textarea', { id: `${id}-why`, rows: 2, name: 'disagree-reason' });
    box.value = note;
    const wrap = el('div', { class: 'ex-why', hidden: !open }, el('label', { for: box.id }, 'Why do you disagree with the engine?'), box);
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      wrap.hidden = !on;
      this.state.disagree[key] = on;
      if (on) box.focus();
      this.setNote(key, on ? box.value : '');
    });
    box.addEventListener('input', () => this.setNote(key, box.value));
    return el('div', { class: 'ex-disagree-wrap' }, button, wrap);
  }

  setNote(key, text) {
    this.state.notes[key] = text;
    this.save();
    const note = text.trim() ? text.trim() : null;
    for (const i of this.result?.items ?? []) if (i.key === key) i.note = note;
  }

  exportResults(kind) {
    const result = this.result ?? checkExercise(this.exercise, this.reports, this.comparison, this.state);
    const name = this.state.name.trim();
    const data = { exercise: this.exercise, id: this.id, result, questions: this.state.questions, name };
    if (kind === 'json') download(resultsFileName(this.id, name, 'json'), resultsJSON(data), 'application/json');
    else download(resultsFileName(this.id, name, 'csv'), resultsCSV(data), 'text/csv;charset=utf-8');
  }
}

/** One line of feedback: a symbol and a word (never colour alone), both answers, the engine's why. */
function feedbackLine(i) {
  const word = (v) => {
    if (v == null || v === '') return 'no answer';
    if (i.field === 'attribution') return kindWord(v);
    if (i.field === 'status') return statusWord(v).toLowerCase();
    if (i.field === 'numbers') return v === 'agree' ? 'they agree' : 'they disagree';
    if (i.field === 'headline') return v === 'yes' ? 'yes' : 'no';
    if (i.field === 'hedge') return q(v);
    return v;
  };
  let what;
  const outcome = i.outcome ?? (i.match ? 'agree' : 'differ');
  if (i.field === 'hedge') {
    what = i.engine == null
      ? `${word(i.student)}: you marked it, the engine did not.`
      : outcome === 'agree' ? `Hedge ${q(i.engine)}: you marked it.` : outcome === 'open' ? `Hedge ${q(i.engine)}: not answered yet.` : `Hedge ${q(i.engine)}: you did not mark it.`;
  } else if (outcome === 'open') {
    what = `${FIELD_WORDS[i.field]}: not answered yet.`;
  } else {
    what = `${FIELD_WORDS[i.field]}: you said ${word(i.student)}; the engine says ${word(i.engine)}.`;
  }
  const verdict = { agree: '✓ Agree', differ: '≠ Differ', open: '○ Open', extra: '◇ You marked, the engine did not' }[outcome];
  const cls = { agree: 'ex-agree', differ: 'ex-differ', open: 'ex-open', extra: 'ex-extra' }[outcome];
  return el('li', { class: cls, 'data-field': i.field, 'data-match': String(i.match), 'data-outcome': outcome },
    el('span', { class: 'ex-verdict' }, verdict), ' ', what,
    outcome === 'open' ? null : i.why ? el('span', { class: 'ex-why-text' }, ` ${i.why}`) : null,
    i.unsure && outcome !== 'open' ? el('span', { class: 'ex-unsure', 'data-unsure': '' }, i.unsure) : null);
}

function normalise(saved) {
  const s = saved && typeof saved === 'object' ? saved : {};
  return {
    claims: s.claims && typeof s.claims === 'object' ? s.claims : {},
    headline: s.headline && typeof s.headline === 'object' ? s.headline : {},
    compare: { sources: s.compare?.sources ?? '', numbers: s.compare?.numbers && typeof s.compare.numbers === 'object' ? s.compare.numbers : {} },
    notes: s.notes && typeof s.notes === 'object' ? s.notes : {},
    disagree: s.disagree && typeof s.disagree === 'object' ? s.disagree : {},
    questions: s.questions && typeof s.questions === 'object' ? s.questions : {},
    checked: s.checked === true,
    name: typeof s.name === 'string' ? s.name.slice(0, 60) : '',
    shown: s.shown === true,
  };
}
