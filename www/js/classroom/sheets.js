// sheets.js: what both classroom views share: the guided questions, the task
// wording, claim numbering, and the two printable sheets (the worksheet and the
// answer key) that the teacher view prints through the print stylesheet
// (html[data-print="worksheet"|"key"], see css/classroom.css).

import { el, q } from '../dom.js';
import { KIND_ORDER, STATUS_ORDER, kindWord, statusWord, hedgeWord } from '../words.js';
import { claimsOf, compareQuestions, engineKind, headlineQuestions, HEADLINE_QUESTION } from './check.js';

/** Civic online reasoning: the three questions to ask of any source. */
export const GUIDED_QUESTIONS = [
  { id: 'who', text: 'Who is behind the information?', hint: 'Who wrote it, and who does it quote? Are they named? What might they want?' },
  { id: 'evidence', text: 'What is the evidence?', hint: 'Which claims rest on a record, a named witness or a direct quote, and which on “sources say”?' },
  { id: 'others', text: 'What do other sources say?', hint: 'Which claims would you check elsewhere first, and where would you look?' },
];

export const TASK_WORDS = {
  attribution: 'the source of each claim and what kind of source it is',
  hedge: 'the hedge words: words that soften a claim, such as “may” or “reportedly”',
  status: 'the status of each claim: denied, confirmed, unconfirmed, speculative, claimed or asserted',
  headline: 'whether the headline says more than the article',
};

/** The tasks asked of each claim (the headline task is asked once per article). */
export const claimTasks = (tasks) => [...tasks].filter((t) => t !== 'headline');

/** The headline question's two answers, in words. */
export const HEADLINE_ANSWERS = [
  ['yes', 'Yes: the headline says more than the article'],
  ['no', 'No: the article says as much as the headline'],
];

export const LEVEL_WORDS = { starter: 'Starter', advanced: 'Advanced', '': 'Any level' };

/** "Named person" for the menus. */
export const menuKind = (k) => {
  const w = kindWord(k);
  return w.charAt(0).toUpperCase() + w.slice(1);
};

export { KIND_ORDER, STATUS_ORDER, statusWord, kindWord };

/** Claims numbered 1… across every article: [{ n, doc, outlet, sentence }]. */
export function numberedClaims(exercise, reports) {
  return claimsOf(exercise, reports).map((c, i) => ({ ...c, n: i + 1 }));
}

/** Paragraphs of an article as [[sentence…]…] in order (every kind). */
export function paragraphsOf(report) {
  const paras = [];
  let last = null;
  for (const s of report.sentences ?? []) {
    if (s.paragraph !== last) {
      paras.push([]);
      last = s.paragraph;
    }
    paras[paras.length - 1].push(s);
  }
  return paras;
}

const blank = (label) => el('p', { class: 'sheet-blank' }, `${label} `, el('span', { class: 'sheet-line', 'aria-hidden': 'true' }));

/** The printable worksheet: instructions, questions, the article(s) with numbered claims, answer spaces. */
export function buildWorksheet(exercise, reports, comparison) {
  const claims = numberedClaims(exercise, reports);
  const numberOf = new Map(claims.map((c) => [`${c.doc}:${c.sentence.index}`, c.n]));
  const tasks = exercise.tasks;
  const root = el('section', { id: 'cl-worksheet', class: 'sheet', 'aria-labelledby': 'cl-worksheet-title' },
    el('h1', { id: 'cl-worksheet-title' }, `Worksheet: ${exercise.title}`),
    el('p', { class: 'sheet-meta' }, `${LEVEL_WORDS[exercise.level] ?? ''} · claimlens classroom`),
    blank('Name:'),
    el('p', {}, 'Read the article. For each numbered claim, find:'),
    el('ul', {}, claimTasks(tasks).map((t) => el('li', {}, TASK_WORDS[t]))),
  );
  if (tasks.includes('headline')) root.append(el('p', {}, `Then, for each headline: ${HEADLINE_QUESTION}`));
  if (exercise.instructions) root.append(el('p', {}, exercise.instructions));
  reports.forEach((report, doc) => {
    root.append(el('h2', {}, exercise.articles[doc].name));
    for (const para of paragraphsOf(report)) {
      root.append(el('p', { class: 'sheet-article' }, para.flatMap((s) => {
        const n = numberOf.get(`${doc}:${s.index}`);
        return n ? [el('strong', {}, `[${n}] `), s.text, ' '] : [s.text, ' '];
      })));
    }
  });
  root.append(el('h2', {}, 'Your answers'));
  const list = el('ol', { class: 'sheet-claims' });
  for (const c of claims) {
    const li = el('li', { value: c.n });
    li.append(el('p', { class: 'sheet-claim-text' }, q(c.sentence.text)));
    if (tasks.includes('attribution')) {
      li.append(el('p', {}, 'Source: ', el('span', { class: 'sheet-line short', 'aria-hidden': 'true' }), ' Kind (circle one): ', KIND_ORDER.map(kindWord).join(' / ')));
    }
    if (tasks.includes('status')) li.append(el('p', {}, 'Status (circle one): ', STATUS_ORDER.map((s) => statusWord(s).toLowerCase()).join(' / ')));
    if (tasks.includes('hedge')) li.append(blank('Hedge words:'));
    list.append(li);
  }
  root.append(list);
  const hq = tasks.includes('headline') ? headlineQuestions(exercise, reports) : [];
  if (hq.length) {
    root.append(el('h2', {}, 'The headline'));
    for (const h of hq) {
      root.append(el('p', { class: 'sheet-claim-text' }, exercise.articles.length > 1 ? `${h.outlet}: ` : '', q(h.headline.text)));
      root.append(el('p', {}, `${HEADLINE_QUESTION} (circle one) yes / no`));
      root.append(blank('Why?'));
    }
  }
  const cq = compareQuestions(exercise, comparison);
  if (cq) {
    root.append(el('h2', {}, 'Compare the outlets'));
    root.append(blank('Which outlet names its sources most often?'));
    for (const g of cq.numbers) {
      root.append(el('p', {}, `Do the figures agree? ${g.figures.map((f) => `${f.outlet}: ${q(f.text)}`).join('; ')}. (circle one) agree / disagree`));
    }
  }
  root.append(el('h2', {}, 'Think about it'));
  for (const g of GUIDED_QUESTIONS) root.append(el('p', { class: 'sheet-question' }, el('strong', {}, g.text), ` ${g.hint}`), el('div', { class: 'sheet-space', 'aria-hidden': 'true' }));
  return root;
}

/** The printable answer key: the engine's answers with its reasons. */
export function buildAnswerKey(exercise, reports, comparison) {
  const claims = numberedClaims(exercise, reports);
  const tasks = exercise.tasks;
  const root = el('section', { id: 'cl-key', class: 'sheet', 'aria-labelledby': 'cl-key-title' },
    el('h1', { id: 'cl-key-title' }, `Answer key: ${exercise.title}`),
    el('p', { class: 'sheet-meta' }, `${LEVEL_WORDS[exercise.level] ?? ''} · claimlens classroom`),
    el('p', { class: 'sheet-note' }, 'These are the claimlens engine’s answers. The engine reads word patterns, not meaning, and it can be wrong: a student who disagrees and gives a good reason may be right. It measures sourcing, not truth.'),
  );
  const list = el('ol', { class: 'key-claims' });
  for (const c of claims) {
    const s = c.sentence;
    const li = el('li', { value: c.n, 'data-key-sentence': s.index, 'data-key-doc': c.doc });
    li.append(el('p', { class: 'sheet-claim-text' }, exercise.articles.length > 1 ? `${c.outlet}: ` : '', q(s.text)));
    if (tasks.includes('attribution')) {
      const a = s.attributions?.[0];
      li.append(el('p', {}, el('strong', {}, 'Source: '), `${kindWord(engineKind(s))}${a?.source ? ` (${q(a.source.text)})` : ''}`));
    }
    if (tasks.includes('status')) li.append(el('p', {}, el('strong', {}, 'Status: '), `${statusWord(s.status?.label)}. ${s.status?.why ?? ''}`));
    if (tasks.includes('hedge')) {
      const hedges = (s.hedges ?? []).map((h) => `${q(h.text)} (${hedgeWord(h.category)})`);
      li.append(el('p', {}, el('strong', {}, 'Hedges: '), hedges.length ? hedges.join(', ') : 'none'));
    }
    list.append(li);
  }
  root.append(list);
  const hq = tasks.includes('headline') ? headlineQuestions(exercise, reports) : [];
  if (hq.length) {
    root.append(el('h2', {}, 'The headline'));
    const items = el('ul', { class: 'key-headlines' });
    for (const h of hq) {
      items.append(el('li', { 'data-key-headline': h.doc },
        el('p', { class: 'sheet-claim-text' }, exercise.articles.length > 1 ? `${h.outlet}: ` : '', q(h.headline.text)),
        el('p', {}, el('strong', {}, `${HEADLINE_QUESTION} `), h.engine === 'yes' ? 'Yes. ' : 'No. ', h.why),
        h.reasons.length ? el('ul', {}, h.reasons.map((r) => el('li', {}, r))) : null));
    }
    root.append(items);
  }
  const cq = compareQuestions(exercise, comparison);
  if (cq) {
    root.append(el('h2', {}, 'Compare the outlets'));
    root.append(el('p', {}, el('strong', {}, 'Names its sources most often: '), cq.sources.engine.map((i) => exercise.articles[i].name).join(' / ')));
    root.append(el('ul', {}, cq.sources.reasons.map((r) => el('li', {}, r))));
    for (const g of cq.numbers) {
      root.append(el('p', {}, el('strong', {}, g.engine === 'disagree' ? 'Figures disagree: ' : 'Figures agree: '), g.figures.map((f) => `${f.outlet}: ${q(f.text)}`).join('; ')));
    }
  }
  return root;
}
