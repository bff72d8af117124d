// samples.js: the sample articles. Fills <select id="sample"> from
// samples/index.json and fetches a sample's text when it is chosen.

import { el } from './dom.js';

const BASE = new URL('../samples/', import.meta.url);

/** Loads the sample list into the select; returns the entries. Throws on failure. */
export async function loadSamples(select) {
  const res = await fetch(new URL('index.json', BASE));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const list = await res.json();
  if (!Array.isArray(list)) throw new Error('the sample list is not a list');
  const entries = list.filter((s) => s && typeof s.id === 'string' && typeof s.file === 'string');
  select.append(...entries.map((s) => el('option', { value: s.id }, String(s.title ?? s.id))));
  return entries;
}

export async function loadSampleText(entry) {
  const url = new URL(entry.file, BASE);
  if (url.origin !== BASE.origin) throw new Error('the sample is not on this site');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}
