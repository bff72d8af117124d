// compare/export.js: the comparison as downloadable files: JSON (the whole
// comparison object), CSV (one row per claim group × outlet, with the same
// quoting and formula guard as the report's CSV) and Markdown (ranking, matrix,
// conflicts, sources).

import { csvRows, mdCell } from '../export.js';
import { kindWord } from '../words.js';
import { statusMark, statusText, outletNames, cellOf, conflictLines, shorten } from './labels.js';
import { unnamedClaims } from './render.js';

export function toJSON(cmp) {
  return `${JSON.stringify(cmp, null, 2)}\n`;
}

export const CSV_HEADER = ['group_id', 'group_text', 'outlet', 'status', 'attribution', 'source', 'numbers', 'conflict', 'sentences'];

export function toCSV(cmp) {
  const names = outletNames(cmp);
  const rows = [CSV_HEADER];
  for (const g of cmp.claimGroups ?? []) {
    names.forEach((name, doc) => {
      const c = cellOf(g, doc);
      rows.push([
        g.id,
        g.text,
        name,
        c.members.length ? c.status : statusMark('none')[1],
        c.attribution,
        c.source,
        c.numbers.map((n) => n.text).join('; '),
        g.conflict ? 'yes' : 'no',
        c.members.length,
      ]);
    });
  }
  return csvRows(rows);
}

export function toMarkdown(cmp) {
  const names = outletNames(cmp);
  const docs = [...(cmp.documents ?? [])].sort((a, b) => a.rank - b.rank || a.id - b.id);
  const groups = cmp.claimGroups ?? [];
  const out = ['# claimlens comparison', ''];
  out.push(`${docs.length} articles, ${groups.length} claims reported by two or more of them.`, '');
  if (cmp.sameStory === false) {
    const stories = (cmp.stories ?? []).map((ds, i) => `Story ${i + 1}: ${ds.map((d) => mdCell(names[d])).join(', ')}`);
    out.push(`**${mdCell(cmp.notice || 'These articles do not seem to report the same story.')}** ${stories.join('. ')}.`, '');
  }

  out.push('## Sourcing ranking', '');
  out.push('The score measures how each article sources its claims, not whether the claims are true.', '');
  for (const d of docs) {
    const sum = d.report?.summary ?? {};
    out.push(
      `${d.rank}. **${mdCell(names[d.id])}**: ${sum.score ?? 0}/100; ` +
        `${d.uniqueClaims?.length ?? 0} claims only this outlet carries; ` +
        `${unnamedClaims(d.report)} of ${sum.claims ?? 0} claims without a named source; ` +
        `${d.unnamedGroups?.length ?? 0} shared claims no outlet attributes to a named source`,
    );
  }

  out.push('', '## Claims across outlets', '');
  out.push(`Statuses: ${['confirmed', 'denied', 'unconfirmed', 'speculative', 'claimed', 'asserted', 'none'].map(statusText).join(', ')}.`, '');
  if (groups.length === 0) out.push('No claim is reported by two or more of these articles.');
  else {
    out.push(`| # | Claim | ${names.map(mdCell).join(' | ')} |`);
    out.push(`| ---: | --- | ${names.map(() => '---').join(' | ')} |`);
    for (const g of groups) {
      const claim = `${g.conflict ? '**Numbers disagree.** ' : ''}${shorten(g.text, 160)}`;
      const cells = names.map((_, doc) => {
        const c = cellOf(g, doc);
        if (!c.members.length) return statusText('none');
        const who = c.source || kindWord(c.attribution);
        return `${statusText(c.status)} (${who})`;
      });
      out.push(`| ${g.id} | ${[claim, ...cells].map(mdCell).join(' | ')} |`);
    }
  }

  out.push('', '## Numbers that disagree', '');
  const conflicts = groups.filter((g) => g.conflict);
  if (conflicts.length === 0) out.push('No figures disagree.');
  for (const g of conflicts) {
    const why = (g.conflicts ?? []).filter((c) => c.reason).map((c) => ` ${mdCell(c.reason)}`).join('');
    out.push(`- Claim ${g.id}, “${mdCell(shorten(g.text, 160))}”: ${conflictLines(g, names).map(mdCell).join('; ')}.${why}`);
  }

  out.push('', '## Sources across outlets', '');
  const sources = cmp.sources ?? [];
  if (sources.length === 0) out.push('No person or organisation is named.');
  for (const s of sources) {
    const docIds = [...new Set((s.mentions ?? []).map((m) => m.doc))].sort((a, b) => a - b);
    const role = s.role ? `, ${mdCell(s.role)}` : '';
    const aliases = (s.aliases ?? []).filter((a) => a && a !== s.name);
    const also = aliases.length ? `; also written ${aliases.map(mdCell).join(', ')}` : '';
    out.push(`- **${mdCell(s.name)}** (${kindWord(s.kind)}${role}${also}): ${docIds.length} ${docIds.length === 1 ? 'outlet' : 'outlets'}, ${docIds.map((d) => mdCell(names[d])).join(', ')}`);
  }
  out.push('');
  return out.join('\n');
}

export const COMPARE_EXPORTS = {
  csv: { file: 'claimlens-compare.csv', type: 'text/csv;charset=utf-8', make: toCSV },
  json: { file: 'claimlens-compare.json', type: 'application/json', make: toJSON },
  md: { file: 'claimlens-compare.md', type: 'text/markdown;charset=utf-8', make: toMarkdown },
};
