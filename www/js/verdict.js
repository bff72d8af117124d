// verdict.js: the top of the summary (issue 16): what kind of piece the text
// reads as (report.summary.genre, with its clue words), and the sourcing
// score in words (report.summary.band), with where typical news reports
// score. Shared by the page and the extension panel (through summary.js).
// Its two boxes are made here and placed around the score line, so the
// page's markup needs no change: #summary-genre before the score,
// #summary-band after it. Every word of the article is a text node (dom.js).

import { el, q } from './dom.js';

const $ = (id) => document.getElementById(id);

/** The band in words, and a symbol so that it never rests on colour alone. */
export const BAND = {
  wellSourced: { word: 'Well sourced', symbol: '●●●●', rank: 'the best of 4 bands' },
  mixed: { word: 'Mixed', symbol: '●●●○', rank: 'band 2 of 4' },
  thinlySourced: { word: 'Thinly sourced', symbol: '●●○○', rank: 'band 3 of 4' },
  unsourced: { word: 'Mostly unsourced or guesswork', symbol: '●○○○', rank: 'the lowest of 4 bands' },
};

/** The kind of piece in words, and what it means for the score. */
export const GENRE = {
  news: { word: 'News report', note: '' },
  opinion: {
    word: 'Opinion or analysis',
    note:
      'This reads as an opinion piece: the writer argues for a view in their own voice. ' +
      'Opinion writers often state things without naming a source, so the sourcing score means less here. ' +
      'Check the facts it uses somewhere else.',
  },
  interview: {
    word: 'Interview or Q&A',
    note: 'This reads as an interview: most of it is one person’s own answers. The score shows who speaks, not whether they are right.',
  },
  review: {
    word: 'Review',
    note:
      'This reads as a review: the writer judges a film, book, product or meal from their own experience, ' +
      'so it needs few sources, and the sourcing score means less here.',
  },
  pressRelease: {
    word: 'Press release',
    note: 'This reads as a press release: an organisation wrote it about itself. It is not independent reporting.',
  },
};

/** The two boxes, made once and placed around the score line. */
function boxes() {
  let genre = $('summary-genre');
  let band = $('summary-band');
  if (genre && band) return { genre, band };
  const scoreLine = $('summary-score')?.closest('p') ?? null;
  genre = el('div', { id: 'summary-genre', class: 'verdict-genre', hidden: true });
  band = el('div', { id: 'summary-band', class: 'verdict-band', hidden: true });
  if (scoreLine) {
    scoreLine.before(genre);
    scoreLine.after(band);
  } else {
    $('summary')?.prepend(genre, band);
  }
  return { genre, band };
}

/** "above", "within" or "below" the typical range, in words. */
function against(score, typical) {
  if (!typical || typical.high == null) return '';
  const range = `Typical news reports score ${typical.low}–${typical.high}`;
  if (score > typical.high) return `${range}; this one scores higher.`;
  if (score < typical.low) return `${range}; this one scores lower.`;
  return `${range}; this one is in that range.`;
}

export function renderVerdict(report) {
  const { genre, band } = boxes();
  const sum = report?.summary ?? {};

  // no claims (an empty text, a list of links): nothing to say what kind of piece it is
  const g = sum.claims ? (GENRE[sum.genre?.label] ?? null) : null;
  if (g) {
    const cues = sum.genre.cues ?? [];
    genre.dataset.genre = sum.genre.label;
    genre.replaceChildren(
      el('p', { class: 'genre-line' }, el('strong', {}, 'Kind of piece: '), g.word),
      cues.length ? el('p', { class: 'genre-cues' }, 'Clues: ', cues.map((c) => q(c.text)).join(', ')) : null,
      g.note ? el('p', { id: 'genre-note', class: 'genre-note' }, g.note) : null,
    );
    genre.hidden = false;
  } else {
    genre.replaceChildren();
    genre.hidden = true;
  }

  const b = BAND[sum.band] ?? null;
  if (b) {
    band.dataset.band = sum.band;
    band.replaceChildren(
      el(
        'p',
        { class: 'band-line' },
        el('span', { class: 'band-symbol', 'aria-hidden': 'true' }, b.symbol),
        ' ',
        el('strong', { id: 'band-word' }, b.word),
        el('span', { class: 'band-rank' }, ` (${b.rank})`),
      ),
      sum.bandWhy ? el('p', { class: 'band-why' }, sum.bandWhy) : null,
      el('p', { id: 'band-typical', class: 'band-typical' }, against(sum.score ?? 0, sum.typical)),
    );
    band.hidden = false;
  } else {
    band.replaceChildren();
    delete band.dataset.band;
    band.hidden = true;
  }
}

export function resetVerdict() {
  renderVerdict(null);
}
