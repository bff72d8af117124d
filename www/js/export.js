// export.js: the report as downloadable files: JSON (the whole report), CSV
// (RFC 4180, one row per claim, guarded against spreadsheet formulas) and Markdown
// (with the headline-versus-article gap, when there is one).

import { kindWord, statusWord, hedgeWord } from './words.js';
import { headlineGap } from './gap.js';

const claimsOf = (report) => (report.sentences ?? []).filter((s) => s.kind === 'claim');
const hedgeList = (s) => (s.hedges ?? []).map((h) => `${h.text} (${h.category})`).join('; ');

export function toJSON(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const CSV_HEADER = ['index', 'text', 'status', 'attribution_kind', 'source', 'role', 'cue', 'quote', 'hedges', 'score', 'reasons'];

/** One CSV field: formula guard, then quoting when needed. */
export function csvField(value) {
  let s = value == null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of fields as RFC 4180 CSV: each field through csvField, CRLF line ends. */
export function csvRows(rows) {
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function toCSV(report) {
  const rows = [CSV_HEADER];
  for (const s of claimsOf(report)) {
    const a = s.attributions?.[0];
    rows.push([
      s.index,
      s.text,
      s.status?.label ?? '',
      a?.kind ?? 'none',
      a?.source?.text ?? '',
      a?.role ?? '',
      a?.cue?.text ?? '',
      a?.quote ?? '',
      hedgeList(s),
      s.score,
      (s.reasons ?? []).join(' | '),
    ]);
  }
  return csvRows(rows);
}

/** Escapes text for a Markdown table cell or list item. */
export function mdCell(value) {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '\\<')
    .replace(/\r\n|\r|\n/g, ' ');
}

export function toMarkdown(report) {
  const sum = report.summary ?? {};
  const out = ['# claimlens report', ''];
  out.push(`**Sourcing score: ${sum.score ?? 0}/100.** ${mdCell(sum.note)}`, '');
  out.push(`${report.stats?.sentences ?? 0} sentences, ${report.stats?.claims ?? 0} claims.`, '');
  out.push('## Why this score', '');
  for (const r of sum.reasons ?? []) out.push(`- ${mdCell(r)}`);
  const gap = headlineGap(report);
  if (gap) {
    out.push('', '## The headline says more than the article', '', mdCell(gap.why), '');
    out.push(`- Headline (sentence ${gap.headline.index}): “${mdCell(gap.headline.text)}”`);
    for (const s of gap.body) out.push(`- In the article (sentence ${s.index}): “${mdCell(s.text)}”`);
  }
  out.push('', '## Claims', '');
  out.push('| # | Claim | Status | Attribution | Source | Hedges | Score |');
  out.push('| ---: | --- | --- | --- | --- | --- | ---: |');
  for (const s of claimsOf(report)) {
    const a = s.attributions?.[0];
    const hedges = (s.hedges ?? []).map((h) => `${h.text} (${hedgeWord(h.category)})`).join('; ');
    const cells = [s.index, s.text, statusWord(s.status?.label), kindWord(a?.kind ?? 'none'), a?.source?.text ?? '', hedges, s.score];
    out.push(`| ${cells.map(mdCell).join(' | ')} |`);
  }
  out.push('', '## Sources', '');
  const sources = report.sources ?? [];
  if (sources.length === 0) out.push('No sources are named.');
  for (const src of sources) {
    const n = src.sentences?.length ?? 0;
    const role = src.role ? `, ${mdCell(src.role)}` : '';
    out.push(`- **${mdCell(src.name)}** (${kindWord(src.kind)}${role}): ${n} ${n === 1 ? 'sentence' : 'sentences'}`);
  }
  out.push('');
  return out.join('\n');
}

/** Saves text as a file through a Blob and a temporary <a download>. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const EXPORTS = {
  json: { file: 'claimlens-report.json', type: 'application/json', make: toJSON },
  csv: { file: 'claimlens-report.csv', type: 'text/csv;charset=utf-8', make: toCSV },
  md: { file: 'claimlens-report.md', type: 'text/markdown;charset=utf-8', make: toMarkdown },
};

/**
 * Wires the export buttons (#export-json, #export-csv, #export-md) to the
 * report on show. Returns setEnabled(bool). Shared by the page and the panel.
 */
export function setupExports(byId, getReport) {
  for (const [id, spec] of Object.entries(EXPORTS)) {
    byId(`export-${id}`).addEventListener('click', () => {
      const report = getReport();
      if (report) download(spec.file, spec.make(report), spec.type);
    });
  }
  return (enabled) => {
    for (const id of Object.keys(EXPORTS)) byId(`export-${id}`).disabled = !enabled;
  };
}
