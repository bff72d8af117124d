// engine.js: the claimlens WebAssembly engine for the classroom views, loaded once
// on the page itself (exercises are short, and several articles are analysed
// together). The same analyze() and compare() as the worker and the CLI.

let ready = null;

/** Resolves to { analyze, compare, version } once the wasm has started. */
export function engine() {
  ready ??= import('../../pkg/claimlens.js').then(async (mod) => {
    await mod.default();
    return { analyze: mod.analyze, compare: mod.compare, version: mod.version };
  });
  return ready;
}

/**
 * The engine's answers for an exercise: { reports: [report per article], comparison }.
 * comparison is compare()'s result when there are two articles or more, else null.
 */
export async function engineAnswers(articles) {
  const { analyze, compare } = await engine();
  if (articles.length >= 2) {
    const comparison = compare(articles.map((a) => ({ name: a.name, text: a.text })), undefined);
    return { reports: comparison.documents.map((d) => d.report), comparison };
  }
  return { reports: [analyze(articles[0].text, undefined)], comparison: null };
}
