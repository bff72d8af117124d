// claims.js: the highlighted article's claims, by mouse and keyboard. Clicking a
// claim, focusing it (Tab), or Enter/Space opens its card; the arrow keys or j/k
// move between the claims a filter leaves shown (Home/End: first and last); Esc
// closes the card and puts focus back on its claim. The whole article is one Tab
// stop (a roving tabindex): the claim last focused has tabindex 0, every other
// -1. Shared by the page (main.js) and the extension's panel (extension/panel.js).

import { Card } from './card.js';

export const SHOWN_CLAIMS = '[data-kind="claim"]:not([data-filtered="out"])';

/** The claims a filter leaves shown, in order. */
export const shownClaims = (rendered) => [...rendered.querySelectorAll(SHOWN_CLAIMS)];

/** Makes `span` the article's one Tab stop. */
export function makeTabStop(rendered, span) {
  if (!span) return;
  for (const old of rendered.querySelectorAll('[data-kind="claim"][tabindex="0"]')) if (old !== span) old.tabIndex = -1;
  span.tabIndex = 0;
}

/** Keeps the Tab stop on a shown claim (after a filter hides the one that had it). */
export function keepTabStop(rendered) {
  const current = rendered.querySelector('[data-kind="claim"][tabindex="0"]');
  if (current && current.dataset.filtered !== 'out') return;
  makeTabStop(rendered, rendered.querySelector(SHOWN_CLAIMS) ?? current);
}

/**
 * rendered: the element holding [data-sentence] spans; cardRoot: section#card;
 * getReport(): the report on show (or null); onOpen(sentence, index): after a
 * card opens. Returns the Card, for callers that close it on a new report.
 */
export function setupClaims({ rendered, cardRoot, getReport, onOpen = () => {} }) {
  let suppressOpen = false; // focus given back on close must not reopen the card
  const sentenceSpan = (index) => (index == null ? null : rendered.querySelector(`[data-sentence="${Number(index)}"]`));
  const claimOf = (target) => target?.closest?.('[data-sentence][data-kind="claim"]');

  const card = new Card(cardRoot, (index, returnFocus) => {
    const span = sentenceSpan(index);
    span?.setAttribute('aria-expanded', 'false');
    if (returnFocus && span) {
      suppressOpen = true;
      span.focus();
      suppressOpen = false;
    }
  });

  function openCard(span) {
    const report = getReport();
    if (!report || !span) return;
    const index = Number(span.dataset.sentence);
    if (card.isOpen && card.index === index) return;
    sentenceSpan(card.index)?.setAttribute('aria-expanded', 'false');
    card.open(report, index);
    span.setAttribute('aria-expanded', 'true');
    onOpen(report.sentences[index], index);
  }

  rendered.addEventListener('focusin', (e) => {
    const span = claimOf(e.target);
    if (span) makeTabStop(rendered, span);
    if (!suppressOpen) openCard(span);
  });
  rendered.addEventListener('click', (e) => openCard(claimOf(e.target)));
  rendered.addEventListener('keydown', (e) => {
    const span = claimOf(e.target);
    if (!span || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openCard(span);
    } else if (['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'j', 'k', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      const claims = shownClaims(rendered);
      const here = claims.indexOf(span);
      let to;
      if (e.key === 'Home') to = claims[0];
      else if (e.key === 'End') to = claims[claims.length - 1];
      else {
        const step = ['ArrowDown', 'ArrowRight', 'j'].includes(e.key) ? 1 : -1;
        to = here < 0 ? claims[0] : claims[here + step];
      }
      to?.focus();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && card.isOpen) card.close(cardRoot.contains(document.activeElement));
  });
  return card;
}
