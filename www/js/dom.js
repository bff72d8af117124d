// dom.js: one tiny helper to build elements safely. Children that are strings
// become text nodes (via Node.append), so user text is never parsed as HTML.

/**
 * el('p', { class: 'note', 'data-x': 1 }, 'text', childNode)
 * Props: `class`, `text` (textContent), anything else becomes an attribute.
 * null/undefined/false props and children are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

/** Curly-quotes a piece of text from the article. */
export const q = (text) => `“${text}”`;
