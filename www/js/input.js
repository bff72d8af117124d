// input.js: getting text in. Typing and pasting into the textarea, dropping a
// .txt/.html file on the page, and the file picker. HTML becomes plain text
// through DOMParser (inert: nothing in it runs or loads), keeping paragraphs.

/** Elements whose content is dropped. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'CL-STYLE']);
/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
const PARA = Symbol('paragraph break');

/** Plain text of an HTML document or fragment; block elements become blank lines. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(defang(String(html)), 'text/html');
  const parts = [];
  walk(doc.body ?? doc.documentElement, parts, false);
  const chunks = [];
  let breakPending = false;
  let started = false;
  for (const part of parts) {
    if (part === PARA) {
      breakPending = true;
      continue;
    }
    if (breakPending && started) chunks.push('\n\n');
    breakPending = false;
    chunks.push(part);
    started ||= part.trim() !== '';
  }
  return chunks
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Drops <style> blocks and renames style/on* attributes before parsing. Nothing in
 * the parsed document runs or loads either way, and all of it is thrown away; this
 * only keeps the page's Content-Security-Policy from logging them as blocked.
 */
function defang(html) {
  return html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<(\/?)style\b/gi, '<$1cl-style')
    .replace(/<[a-z](?:[^<>"']|"[^"]*"|'[^']*')*>/gi, (tag) => tag.replace(/([\s/])(on[a-z]+|style)(?=\s*=)/gi, '$1data-cl-$2'));
}

function walk(node, parts, pre) {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      parts.push(pre ? child.data : child.data.replace(/\s+/g, ' '));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'BR') {
        parts.push('\n');
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) parts.push(PARA);
      walk(child, parts, pre || tag === 'PRE');
      if (block) parts.push(PARA);
      else if (tag === 'TD' || tag === 'TH') parts.push(' ');
    }
  }
}

export const isHtmlFile = (file) => /\.html?$/i.test(file.name) || file.type === 'text/html';
export const isTextFile = (file) => /\.txt$/i.test(file.name) || file.type === 'text/plain';

/**
 * Wires the textarea, the file picker and drag-and-drop.
 * onText(text, name): new text was loaded from the file `name` (already in the textarea).
 * onMessage(message): something to tell the user (a refused file).
 * maxBytes: files far over this are refused unread, so the page never freezes.
 */
export function setupInput({ textarea, fileInput, onText, onMessage, onOversize, maxBytes }) {
  async function loadFile(file) {
    if (!file) return;
    const html = isHtmlFile(file);
    if (!html && !isTextFile(file)) {
      onMessage(`“${file.name}” is not a .txt or .html file, so it was not opened.`);
      return;
    }
    if (file.size > (html ? 4 * maxBytes : maxBytes)) {
      onOversize(file.size);
      return;
    }
    try {
      const raw = await file.text();
      textarea.value = html ? htmlToText(raw) : raw;
      onText(textarea.value, file.name);
    } catch (err) {
      onMessage(`Could not read “${file.name}”: ${err?.message ?? err}`);
    }
  }

  fileInput.addEventListener('change', () => {
    loadFile(fileInput.files?.[0]);
    fileInput.value = '';
  });

  const hasFiles = (e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    textarea.classList.add('dropping');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) textarea.classList.remove('dropping');
  });
  document.addEventListener('drop', (e) => {
    textarea.classList.remove('dropping');
    if (!hasFiles(e)) return;
    e.preventDefault();
    loadFile(e.dataTransfer.files?.[0]);
  });

  // Clipboard with HTML but no plain text (rare, but some apps do it).
  textarea.addEventListener('paste', (e) => {
    const types = Array.from(e.clipboardData?.types ?? []);
    if (!types.includes('text/html') || types.includes('text/plain')) return;
    e.preventDefault();
    const text = htmlToText(e.clipboardData.getData('text/html'));
    // insertText keeps the browser's undo history; setRangeText is the fallback.
    if (!document.execCommand?.('insertText', false, text)) {
      textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}
