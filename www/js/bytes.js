// bytes.js: the size limit, shared by the page and the Compare view. The engine
// counts UTF-8 bytes; JavaScript strings count UTF-16 units.

/** The engine's default size limit: 16 MiB of UTF-8. */
export const MAX_BYTES = 16 * 1024 * 1024;

/** Is the UTF-8 of `text` over `max` bytes? Counted only as far as needed. */
export function overLimit(text, max) {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return utf8Fit(text, max) < text.length;
}

/**
 * How many UTF-16 units of `text` fit in `max` bytes of UTF-8, without
 * splitting a surrogate pair (4 bytes); a lone surrogate counts 3, as U+FFFD.
 */
function utf8Fit(text, max) {
  let bytes = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let n = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    const pair = c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) < 0xe000;
    if (pair) n = 4;
    if (bytes + n > max) break;
    bytes += n;
    if (pair) i++;
  }
  return i;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with each lone surrogate (possible in a JS string, impossible in
 * UTF-8) replaced by U+FFFD, one UTF-16 unit for one. The engine sees exactly
 * this text, so every span's `text` equals its slice of what the page renders.
 */
export function wellFormed(text) {
  if (typeof text.isWellFormed === 'function') return text.isWellFormed() ? text : text.toWellFormed();
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The longest start of `text` whose UTF-8 is at most `max` bytes, cut back to
 * the last paragraph break (or else space) in its final 64 Ki units, so the
 * cut does not split a sentence or a character.
 */
export function utf8Prefix(text, max) {
  if (!overLimit(text, max)) return text;
  const i = utf8Fit(text, max);
  const floor = Math.max(0, i - 65536);
  const para = text.lastIndexOf('\n\n', i - 1);
  if (para >= floor && para > 0) return text.slice(0, para);
  const space = text.lastIndexOf(' ', i - 1);
  if (space >= floor && space > 0) return text.slice(0, space);
  return text.slice(0, i);
}
