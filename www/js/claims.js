// claims.js: the highlighted article's claims, by mouse and keyboard. Clicking a
// claim, focusing it (Tab), or Enter/Space opens its card; the arrow keys or j/k
// move between the claims a filter leaves shown; Esc closes the card and puts
// focus back on its claim. Shared by the page (main.js) and the extension's
// panel (extension/panel.js).

import { Card } from './card.js';

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
    if (!suppressOpen) openCard(claimOf(e.target));
  });
  rendered.addEventListener('click', (e) => openCard(claimOf(e.target)));
  rendered.addEventListener('keydown', (e) => {
    const span = claimOf(e.target);
    if (!span || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openCard(span);
    } else if (['ArrowDown', 'ArrowUp', 'j', 'k'].includes(e.key)) {
      e.preventDefault();
      const claims = [...rendered.querySelectorAll('[data-kind="claim"]:not([data-filtered="out"])')];
      const here = claims.indexOf(span);
      const step = e.key === 'ArrowDown' || e.key === 'j' ? 1 : -1;
      (here < 0 ? claims[0] : claims[here + step])?.focus();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && card.isOpen) card.close(cardRoot.contains(document.activeElement));
  });
  return card;
}
