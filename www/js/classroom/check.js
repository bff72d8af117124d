// check.js: a student's answers against the engine's reports. Pure functions (no DOM).
// Per claim: the primary source kind (attribution), the status, and the hedge words
// (a student's mark matches an engine hedge when their spans overlap). With two
// articles or more, the comparison questions: which outlet names its sources most
// often (report.summary.namedSourceShare) and whether the outlets' figures for a
// shared claim agree (compare() claimGroups, conflict: true). With the headline
// task, per article that has a headline: does the headline say more than the
// article? ('yes' when report.summary.headlineGap is set, else 'no').
// Only the claims the teacher chose (exercise.claims) are asked; without a choice, all.
// Fair agreement: an item the student has not answered is "open", not a disagreement;
// a word the student marked as a hedge that the engine did not is "extra" (a
// difference, not an error); neither counts in the agreement. Where the engine itself
// is unsure (a source found only through a pronoun, in a heading or another sentence;
// a status decided by a weak cue), the item says so in `unsure`.
// Result: { agreement (0..1 of the answered items, null when none), matched, answered,
// open, total (items asked), extra, items: [{ key, claim, field, doc, outlet, sentence,
// student, engine, match, outcome ('agree'|'differ'|'open'|'extra'), unsure, why,
// reasons, note }] }.

import { hedgeWord, statusWord } from '../words.js';
import { headlineGap } from '../gap.js';
import { textCheck } from './codec.js';

/** The primary attribution kind of a sentence, or 'none' (as words.js primaryKind). */
export const engineKind = (s) => s.attributions?.[0]?.kind ?? 'none';

export const claimKey = (doc, sentence) => `d${doc}:s${sentence}`;

/** Every claim of every article: [{ doc, outlet, sentence (report sentence) }]. */
export function allClaimsOf(exercise, reports) {
  const out = [];
  reports.forEach((report, doc) => {
    for (const s of report.sentences ?? []) {
      if (s.kind === 'claim') out.push({ doc, outlet: exercise.articles[doc]?.name ?? `Article ${doc + 1}`, sentence: s });
    }
  });
  return out;
}

/** The claims the exercise asks about: the teacher's choice (exercise.claims), else all, in article order. */
export function claimsOf(exercise, reports) {
  const all = allClaimsOf(exercise, reports);
  if (!Array.isArray(exercise.claims)) return all;
  const chosen = new Set(exercise.claims.map((c) => `${c.doc}:${c.check}`));
  return all.filter((c) => chosen.has(`${c.doc}:${textCheck(c.sentence.text)}`));
}

/** How many of the teacher's chosen claims this engine no longer finds as claims. */
export function missingClaims(exercise, reports) {
  if (!Array.isArray(exercise.claims)) return 0;
  const found = new Set(allClaimsOf(exercise, reports).map((c) => `${c.doc}:${textCheck(c.sentence.text)}`));
  return exercise.claims.filter((c) => !found.has(`${c.doc}:${c.check}`)).length;
}

/**
 * The default choice: the `n` most check-worthy claims (report checkworthiness). With
 * several articles they are shared out: each article's most check-worthy first, then
 * each one's second, and so on, so every outlet is in a comparison exercise.
 */
export function defaultPicks(claims, n = 10) {
  const byDoc = new Map();
  for (const c of claims) (byDoc.get(c.doc) ?? byDoc.set(c.doc, []).get(c.doc)).push(c);
  const ranked = [];
  for (const list of byDoc.values()) {
    [...list].sort((a, b) => (b.sentence.checkworthiness ?? 0) - (a.sentence.checkworthiness ?? 0) || a.sentence.index - b.sentence.index)
      .forEach((c, rank) => ranked.push({ c, rank }));
  }
  ranked.sort((a, b) => a.rank - b.rank || (b.c.sentence.checkworthiness ?? 0) - (a.c.sentence.checkworthiness ?? 0) || a.c.doc - b.c.doc);
  return new Set(ranked.slice(0, n).map((x) => x.c));
}

const PRONOUN = /^(he|she|they|it|we|i|him|her|them|his|their)$/i;

/**
 * Where the engine itself is not sure about a claim, in plain words:
 * { attribution: string|null, status: string|null }.
 */
export function engineDoubts(s, report) {
  const out = { attribution: null, status: null };
  const a = s.attributions?.[0];
  const src = a?.source;
  if (src) {
    if (PRONOUN.test(src.text.trim())) {
      const who = src.sourceId != null ? report?.sources?.[src.sourceId]?.name : null;
      out.attribution = `The engine is not sure here: it found the source only through the word “${src.text}”${who ? `, and guessed that it means ${who}` : ''}.`;
    } else if (src.start < s.start || src.end > s.end) {
      const from = (report?.sentences ?? []).find((x) => x.start <= src.start && src.end <= x.end);
      out.attribution = from?.kind === 'heading'
        ? `The engine is not sure here: it took the source “${src.text}” from a heading, not from this sentence.`
        : `The engine is not sure here: it took the source “${src.text}” from ${from && from.index > s.index ? 'a later' : 'an earlier'} sentence, not from this one.`;
    }
  }
  const label = s.status?.label;
  const cues = s.status?.cues ?? [];
  if (['speculative', 'unconfirmed'].includes(label) && cues.length) {
    const weak = (c) => (s.hedges ?? []).some((h) => h.start < c.end && c.start < h.end && ((h.weight ?? 1) < 0.5 || ['weasel', 'approximator'].includes(h.category)));
    if (cues.every(weak)) {
      out.status = `The engine is not sure here: it decided the status from a weak word (${cues.map((c) => `“${c.text}”`).join(', ')}).`;
    }
  }
  if (!out.attribution && /quotation attributed in the (next|sentence before)/.test(s.status?.why ?? '')) {
    out.attribution = `The engine is not sure here: this sentence is part of a quotation, and it took the source from ${/next/.test(s.status.why) ? 'the next sentence' : 'the sentence before'}.`;
  }
  return out;
}

const pct = (x) => `${Math.round(x * 100)}%`;

/**
 * The comparison questions, or null with fewer than two articles:
 * { sources: { engine: [doc…], reasons }, numbers: [{ id, text, figures: [{ doc, outlet, text }], engine }] }.
 */
export function compareQuestions(exercise, comparison) {
  if (!comparison || exercise.articles.length < 2) return null;
  const docs = comparison.documents ?? [];
  const shares = docs.map((d) => d.report?.summary?.namedSourceShare ?? 0);
  const best = Math.max(...shares);
  const sources = {
    engine: docs.map((d, i) => i).filter((i) => shares[i] === best),
    reasons: docs.map((d, i) => {
      const sum = d.report?.summary ?? {};
      const named = Math.round((sum.namedSourceShare ?? 0) * (sum.claims ?? 0));
      const n = sum.claims ?? 0;
      return `${exercise.articles[i]?.name ?? d.name}: ${named} of ${n} ${n === 1 ? 'claim names' : 'claims name'} who says so (${pct(shares[i])}).`;
    }),
  };
  const numbers = [];
  for (const g of comparison.claimGroups ?? []) {
    const docsWithFigures = new Set((g.numbers ?? []).map((n) => n.doc));
    if (docsWithFigures.size < 2) continue;
    numbers.push({
      id: g.id,
      text: g.text,
      figures: (g.numbers ?? []).map((n) => ({ doc: n.doc, outlet: exercise.articles[n.doc]?.name ?? `Article ${n.doc + 1}`, text: n.text })),
      engine: g.conflict ? 'disagree' : 'agree',
    });
    if (numbers.length >= 8) break;
  }
  return { sources, numbers };
}

/** An article's headline: its first heading, when it comes before any claim (as the engine's headline.rs). */
export function headlineOf(report) {
  for (const s of report?.sentences ?? []) {
    if (s.kind === 'claim') return null;
    if (s.kind === 'heading') return s;
  }
  return null;
}

export const HEADLINE_QUESTION = 'Does the headline say more than the article?';

/** Why the engine answers "no" for this headline, in plain words. */
function noGapWhy(h) {
  const a = h.attributions?.[0];
  if (a) {
    const who = a.source?.text ?? a.cue?.text;
    return `The headline itself says who claims it${who ? ` (“${who}”)` : ''}, so it does not state it as fact.`;
  }
  const label = h.status?.label ?? 'asserted';
  if (!['asserted', 'confirmed'].includes(label) || /states no claim/.test(h.status?.why ?? '')) {
    return `The headline does not state anything as fact (the engine reads it as ${statusWord(label).toLowerCase()}). ${h.status?.why ?? ''}`.trim();
  }
  return 'The engine found no sentence in the article that is less sure than the headline: where the article says the same thing, it names who says it or states it plainly.';
}

/**
 * The headline questions: one per article with a headline,
 * [{ doc, outlet, headline (sentence), engine: 'yes' | 'no', why, reasons }].
 */
export function headlineQuestions(exercise, reports) {
  const out = [];
  reports.forEach((report, doc) => {
    const headline = headlineOf(report);
    if (!headline) return;
    const gap = headlineGap(report);
    const outlet = exercise.articles[doc]?.name ?? `Article ${doc + 1}`;
    out.push(gap
      ? { doc, outlet, headline, engine: 'yes', why: gap.why, reasons: [`Headline: “${gap.headline.text}”`, ...gap.body.map((s) => `The article: “${s.text}”`)] }
      : { doc, outlet, headline, engine: 'no', why: noGapWhy(headline), reasons: [] });
  });
  return out;
}

/** Joins a student's marked words into marks: neighbours with only spaces between become one. */
export function mergeMarks(sentence, spans) {
  const sorted = [...(spans ?? [])].filter((m) => Array.isArray(m) && m[0] < m[1]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    const gap = last ? sentence.text.slice(last.end - sentence.start, start - sentence.start) : null;
    if (last && start <= last.end + 3 && /^[\s\u00a0-]*$/.test(gap)) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  for (const m of out) m.text = sentence.text.slice(m.start - sentence.start, m.end - sentence.start);
  return out;
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * Checks `answers` ({ claims: { key: { attribution, status, hedges: [[start, end]…] } },
 * headline: { doc: 'yes'|'no' }, compare: { sources, numbers: { id: 'agree'|'disagree' } },
 * notes: { key: reason } })
 * against the engine's `reports` (and `comparison`).
 */
export function checkExercise(exercise, reports, comparison, answers = {}) {
  const tasks = new Set(exercise.tasks);
  const notes = answers.notes ?? {};
  const items = [];
  const push = (item) => {
    const answered = item.answered ?? (item.student != null && item.student !== '');
    const outcome = item.outcome ?? (item.match ? 'agree' : answered ? 'differ' : 'open');
    delete item.answered;
    items.push({ unsure: null, ...item, outcome, note: notes[item.key]?.trim() ? notes[item.key].trim() : null });
  };

  claimsOf(exercise, reports).forEach(({ doc, outlet, sentence: s }, n) => {
    const key = claimKey(doc, s.index);
    const given = answers.claims?.[key] ?? {};
    const doubts = engineDoubts(s, reports[doc]);
    // A claim the student has worked on (a menu chosen or a word marked): its unmarked hedges are answers too.
    const touched = !!(given.attribution || given.status || given.hedges?.length);
    const base = { key, claim: n + 1, doc, outlet, sentence: s.index, text: s.text, reasons: s.reasons ?? [] };
    if (tasks.has('attribution')) {
      const engine = engineKind(s);
      const a = s.attributions?.[0];
      const why = a?.source
        ? `The engine found the source “${a.source.text}”${a.cue ? ` with the cue “${a.cue.text}”` : ''}.`
        : a?.cue
          ? `The engine found the cue “${a.cue.text}” but no named source.`
          : 'The engine found no word that attributes this claim to anyone.';
      push({ ...base, field: 'attribution', student: given.attribution || null, engine, match: given.attribution === engine, unsure: doubts.attribution, why });
    }
    if (tasks.has('status')) {
      const engine = s.status?.label ?? 'asserted';
      push({ ...base, field: 'status', student: given.status || null, engine, match: given.status === engine, unsure: doubts.status, why: s.status?.why ?? '' });
    }
    if (tasks.has('hedge')) {
      const marks = mergeMarks(s, given.hedges);
      const used = new Set();
      for (const h of s.hedges ?? []) {
        const hits = marks.filter((m) => overlaps(m, h));
        hits.forEach((m) => used.add(m));
        push({
          ...base,
          field: 'hedge',
          student: hits.length ? hits.map((m) => m.text).join(' … ') : null,
          engine: h.text,
          category: h.category,
          match: hits.length > 0,
          answered: touched,
          why: `The engine reads “${h.text}” as a hedge (${hedgeWord(h.category)}): it softens the claim.`,
        });
      }
      for (const m of marks) {
        if (used.has(m)) continue;
        push({ ...base, field: 'hedge', student: m.text, engine: null, match: false, outcome: 'extra', why: `You marked “${m.text}”; the engine does not count it as a hedge here. That is a difference, not a mistake: say why if you think it softens the claim.` });
      }
    }
  });

  if (tasks.has('headline')) {
    for (const h of headlineQuestions(exercise, reports)) {
      const key = `headline:d${h.doc}`;
      const given = answers.headline?.[h.doc] || null;
      push({
        key,
        field: 'headline',
        doc: h.doc,
        outlet: h.outlet,
        sentence: h.headline.index,
        text: h.headline.text,
        student: given,
        engine: h.engine,
        match: given === h.engine,
        why: h.why,
        reasons: h.reasons,
      });
    }
  }

  const cq = compareQuestions(exercise, comparison);
  if (cq) {
    const chosen = answers.compare?.sources;
    const pick = chosen === undefined || chosen === '' || chosen === null ? null : Number(chosen);
    push({
      key: 'compare:sources',
      field: 'namedSources',
      doc: pick,
      outlet: pick == null ? null : exercise.articles[pick]?.name ?? null,
      sentence: null,
      text: 'Which outlet names its sources most often?',
      student: pick == null ? null : exercise.articles[pick]?.name ?? null,
      engine: cq.sources.engine.map((i) => exercise.articles[i]?.name).join(' / '),
      match: pick != null && cq.sources.engine.includes(pick),
      why: 'The engine counts the share of each outlet’s claims that name a person or an organisation as their source.',
      reasons: cq.sources.reasons,
    });
    for (const g of cq.numbers) {
      const given = answers.compare?.numbers?.[g.id] || null;
      push({
        key: `compare:g${g.id}`,
        field: 'numbers',
        doc: null,
        outlet: null,
        sentence: null,
        group: g.id,
        text: g.text,
        student: given,
        engine: g.engine,
        match: given === g.engine,
        why: g.engine === 'disagree'
          ? 'The engine reads the figures as ranges (“over”, “about”, “nearly”) and these ranges do not meet.'
          : 'The engine reads the figures as ranges (“over”, “about”, “nearly”) and these ranges meet.',
        reasons: g.figures.map((f) => `${f.outlet}: “${f.text}”.`),
      });
    }
  }

  return { ...tally(items), items };
}

/** The fair counts of a list of checked items: only answered items count in the agreement. */
export function tally(items) {
  const count = (o) => items.filter((i) => i.outcome === o).length;
  const matched = count('agree');
  const answered = matched + count('differ');
  const open = count('open');
  return { agreement: answered ? matched / answered : null, matched, answered, open, total: answered + open, extra: count('extra') };
}
