// layout.js: results first. After a paste, a file or a sample, the input folds
// to a bar (section#article-input[data-folded]) that names the text and offers
// "Edit text"; focusing the textarea, or the button, unfolds it. On a narrow
// screen a line with the score (#glance) comes before the article. The legend
// (details#legend, after the article; the hint above the article links to it)
// is open on the first visit and folded after it, unless the reader opened it
// again (remembered in localStorage).

import { count } from './words.js';

const LEGEND_KEY = 'claimlens.legend';

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: the legend opens again next visit */
  }
}

export function setupLayout({ textarea, onUnfold = () => {} }) {
  const $ = (id) => document.getElementById(id);
  const section = $('article-input');
  const edit = $('edit-text');
  const glance = $('input-glance');
  const legend = $('legend');

  // The legend: open the first time, folded once seen, open again if the reader wants it.
  const stored = read(LEGEND_KEY);
  legend.open = stored === null || stored === 'open';
  if (stored === null) write(LEGEND_KEY, 'seen');
  // The reader's own toggles only (setting `open` here fires 'toggle' too): the click's
  // default action has not run yet, so the new state is the opposite of the current.
  legend.querySelector('summary').addEventListener('click', () => write(LEGEND_KEY, legend.open ? 'seen' : 'open'));
  for (const a of document.querySelectorAll('a[href="#legend"]')) a.addEventListener('click', () => (legend.open = true));

  const unfold = (focus = false) => {
    if (!section.hasAttribute('data-folded')) return;
    section.removeAttribute('data-folded');
    edit.hidden = true;
    edit.setAttribute('aria-expanded', 'true');
    glance.textContent = '';
    onUnfold();
    if (focus) textarea.focus();
  };
  edit.addEventListener('click', () => unfold(true));
  textarea.addEventListener('focus', () => unfold());
  // Typing into the folded bar (it kept focus after a paste) opens it; a paste does not
  // (re-laying out a long text at the open size costs seconds).
  textarea.addEventListener('input', (e) => {
    if (!/Paste|Drop/.test(e.inputType ?? '')) unfold();
  });

  return {
    /** Folds the input to its bar, naming what was analysed. */
    fold(title, report) {
      section.setAttribute('data-folded', '');
      edit.hidden = false;
      edit.setAttribute('aria-expanded', 'false');
      glance.textContent = report ? `${title} (${count(report.stats?.sentences ?? 0, 'sentence')})` : title;
    },
    unfold,
    /** The score line shown before the article on a narrow screen. */
    showScore(report) {
      const score = report?.summary?.score;
      $('glance-score').textContent = score == null ? '–' : String(score);
      $('glance').hidden = score == null;
    },
  };
}
