// content.js: the claimlens extension's content script. The panel injects it
// (with vendor/Readability.js before it) into the tab it checks, through
// chrome.scripting.executeScript; it is never declared in the manifest, so the
// extension needs no host permissions. It runs no wasm: it only reads text.
//
//   claimlensContent.extract(mode)   mode 'page' | 'selection' | 'auto' →
//       { ok: true, source: 'article' | 'selection', text, title, byline, siteName, url, words }
//     | { ok: false, reason: 'no-article' | 'no-selection' | 'empty', hasSelection, title, url }
//   claimlensContent.highlight(start, end)  highlights [start, end) of the last
//       extracted text in the live page (CSS Custom Highlight API) and scrolls to it →
//       { ok: true, size } | { ok: false, reason }
//   claimlensContent.clear()         removes the highlights
//
// Readability runs on a clone of the document, so the live page is never
// changed. The extracted text is a list of blocks (paragraphs, headings, list
// items), whitespace collapsed, joined by blank lines; each block keeps its
// offsets, so a sentence maps back to its block, and the block is found again
// in the live page's text nodes (with whitespace collapsed the same way). The
// page's headline, which Readability keeps out of its content, is put back as
// the first block, so the engine can compare headline and body.

(() => {
  if (globalThis.claimlensContent) return; // injected once per page

  const HIGHLIGHT = 'claimlens';
  /** Fewer words than this is not an article. */
  const MIN_ARTICLE_WORDS = 40;
  const BLOCK = new Set(
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
  );
  const SKIP = 'script, style, noscript, template, textarea, select, svg';

  let last = null; // { text, blocks: [{ start, end, text }] }

  const collapse = (s) => s.replace(/\s+/g, ' ').trim();
  // Scripts written without spaces (Japanese, Chinese, Thai …): each character
  // counts as a word, so such an article is still found; the report then
  // warns that claimlens reads English (issue 16).
  const wordCount = (s) => (s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+/gu) ?? []).length;

  /** Blocks of text under root: one per paragraph-like element, whitespace collapsed. */
  function blocksOf(root) {
    const out = [];
    let cur = '';
    const flush = () => {
      const t = collapse(cur);
      if (t) out.push(t);
      cur = '';
    };
    const walk = (node) => {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) cur += n.data;
        else if (n.nodeType === 1) {
          if (n.matches(SKIP)) continue;
          const block = BLOCK.has(n.tagName.toUpperCase());
          if (block) flush();
          walk(n);
          if (block) flush();
        }
      }
    };
    walk(root);
    flush();
    return out;
  }

  /** Joins blocks with blank lines and remembers where each one starts. */
  function remember(blocks) {
    let pos = 0;
    const spans = blocks.map((t) => {
      const b = { start: pos, end: pos + t.length, text: t };
      pos = b.end + 2;
      return b;
    });
    last = { text: blocks.join('\n\n'), blocks: spans };
    return last.text;
  }

  /** Lower-case word tokens, for comparing a heading with the title. */
  const tokens = (s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  /** How much of b's text is words a has too (0..1), as Readability measures a heading against the title. */
  function similarity(a, b) {
    const A = new Set(tokens(a));
    const B = tokens(b);
    if (!A.size || !B.length) return 0;
    const rest = B.filter((t) => !A.has(t)).join(' ');
    return 1 - rest.length / B.join(' ').length;
  }

  /**
   * The article's headline, when the extracted blocks lack it: the live page's
   * first h1 or h2 that is much the same as the article's title. Readability
   * drops that heading from its content (it keeps the title apart), but the
   * engine needs it to compare headline and body (summary.headlineGap). Null
   * when no heading matches or the blocks already hold it.
   */
  function headlineOf(title, blocks) {
    if (!title) return null;
    for (const h of document.querySelectorAll('h1, h2')) {
      const text = collapse(h.textContent ?? '');
      if (!text || similarity(title, text) <= 0.75) continue;
      return blocks.includes(text) ? null : text;
    }
    return null;
  }

  function extract(mode = 'auto') {
    const base = { title: document.title, url: location.href };
    const selected = String(getSelection()?.toString() ?? '');
    const hasSelection = selected.trim().length > 0;
    if (mode === 'selection' || (mode === 'auto' && hasSelection)) {
      if (!hasSelection) return { ok: false, reason: 'no-selection', hasSelection, ...base };
      const text = remember(selected.split(/\n+/).map(collapse).filter(Boolean));
      return { ok: true, source: 'selection', text, byline: null, siteName: null, words: wordCount(text), ...base };
    }
    let article = null;
    try {
      const clone = document.cloneNode(true);
      article = new Readability(clone, { serializer: (el) => el }).parse();
    } catch (err) {
      article = null;
    }
    const blocks = article?.content ? blocksOf(article.content) : [];
    const headline = headlineOf(article?.title, blocks);
    const text = remember(headline ? [headline, ...blocks] : blocks);
    const words = wordCount(text);
    if (words < MIN_ARTICLE_WORDS) {
      last = null;
      return { ok: false, reason: 'no-article', hasSelection, words, ...base };
    }
    return {
      ok: true,
      source: 'article',
      text,
      title: collapse(article.title || document.title),
      byline: article.byline ? collapse(article.byline) : null,
      siteName: article.siteName ? collapse(article.siteName) : null,
      url: location.href,
      words,
    };
  }

  /**
   * The live page's text with whitespace collapsed, and for each of its
   * characters the text node and offset it came from.
   */
  function liveText() {
    const nodes = [];
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let total = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
      total += n.data.length;
    }
    const nodeOf = new Int32Array(total + 1);
    const offOf = new Int32Array(total + 1);
    const parts = [];
    let len = 0;
    let space = true; // at the start, leading whitespace is dropped
    nodes.forEach((n, ni) => {
      const d = n.data;
      let chunk = '';
      for (let i = 0; i < d.length; i++) {
        const c = d[i];
        const code = d.charCodeAt(i);
        // The same whitespace as /\s/ in collapse(), tested cheaply for ASCII.
        if (code <= 32 ? /\s/.test(c) : code >= 0x80 && /\s/.test(c)) {
          if (space) continue;
          space = true;
          chunk += ' ';
        } else {
          space = false;
          chunk += c;
        }
        nodeOf[len] = ni;
        offOf[len] = i;
        len++;
      }
      parts.push(chunk);
    });
    return { text: parts.join(''), nodes, nodeOf, offOf };
  }

  /** Index of needle in hay, or, when absent, of its head and tail close together. */
  function find(hay, needle, from = 0) {
    let at = hay.indexOf(needle, from);
    if (at >= 0) return { start: at, end: at + needle.length };
    if (needle.length < 60) return null;
    const head = needle.slice(0, 30);
    const tail = needle.slice(-30);
    at = hay.indexOf(head, from);
    if (at < 0) return null;
    const end = hay.indexOf(tail, at + head.length);
    if (end < 0 || end - at > needle.length * 2) return null;
    return { start: at, end: end + tail.length };
  }

  function rangeOf(live, start, end) {
    const range = document.createRange();
    range.setStart(live.nodes[live.nodeOf[start]], live.offOf[start]);
    range.setEnd(live.nodes[live.nodeOf[end - 1]], live.offOf[end - 1] + 1);
    return range;
  }

  function highlight(start, end) {
    clear(); // the page never shows another sentence than the one asked for
    if (!last) return { ok: false, reason: 'The page has not been read yet.' };
    const block = last.blocks.find((b) => start >= b.start && start < b.end);
    if (!block) return { ok: false, reason: 'That sentence is not in the text read from the page.' };
    const sentence = collapse(last.text.slice(start, Math.min(end, block.end)));
    const live = liveText();
    let where = null;
    const inBlock = find(live.text, block.text);
    if (inBlock) {
      const local = block.text.indexOf(sentence, Math.max(0, start - block.start - 2));
      if (local >= 0 && inBlock.end - inBlock.start === block.text.length) {
        where = { start: inBlock.start + local, end: inBlock.start + local + sentence.length };
      } else {
        where = find(live.text, sentence, inBlock.start);
      }
    }
    where ??= find(live.text, sentence);
    if (!where || where.end <= where.start) {
      return { ok: false, reason: 'This sentence could not be found on the page (it may have changed).' };
    }
    const range = rangeOf(live, where.start, where.end);
    if (globalThis.CSS?.highlights && typeof Highlight === 'function') {
      CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    } else {
      // No Custom Highlight API: select the sentence instead (the DOM stays untouched).
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    const target = range.startContainer.parentElement;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    return { ok: true, size: CSS.highlights?.get(HIGHLIGHT)?.size ?? 1, text: range.toString() };
  }

  function clear() {
    CSS.highlights?.delete(HIGHLIGHT);
    return { ok: true };
  }

  globalThis.claimlensContent = { extract, highlight, clear };
})();
