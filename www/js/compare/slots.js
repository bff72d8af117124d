// compare/slots.js: the article slots. Each slot is an outlet name
// (input[name="doc-name"]), the article text (textarea[name="doc-text"]) and a
// Remove button. Files dropped on the page or picked with #compare-files become
// one slot each (HTML turned into plain text by ../input.js). There are always
// at least two slots, and at most MAX_SLOTS.

import { el } from '../dom.js';
import { htmlToText, isHtmlFile, isTextFile } from '../input.js';
import { count } from '../words.js';

export const MAX_SLOTS = 1000;
const DEFAULT_NAME = /^Outlet (\d+)$/;

export class Slots {
  /**
   * list: ol#compare-slots; addButton: #compare-add; fileInput: #compare-files.
   * onEdit(): text or a name was typed. onLoaded(): files were added.
   * onMessage(text): something to tell the user. replaceOnFiles(): true when
   * dropped files should replace every slot (the untouched sample).
   */
  constructor({ list, addButton, fileInput, maxBytes, onEdit, onLoaded, onMessage, replaceOnFiles }) {
    Object.assign(this, { list, addButton, fileInput, maxBytes, onEdit, onLoaded, onMessage, replaceOnFiles });
    this.slots = [];
    this.serial = 0;

    addButton.addEventListener('click', () => {
      const slot = this.add();
      slot?.text.focus();
      if (slot) this.onMessage(`Added ${slot.name.value}. Paste its article into the new box.`);
    });
    fileInput.addEventListener('change', () => {
      const files = [...(fileInput.files ?? [])];
      fileInput.value = '';
      this.addFiles(files);
    });
    this.setupDrop();
  }

  /** The slots' articles with text, as [{ name, text }], in order. */
  docs() {
    return this.slots
      .map((s, i) => ({ name: s.name.value.trim() || `Outlet ${i + 1}`, text: s.text.value }))
      .filter((d) => d.text.trim() !== '');
  }

  /** The lowest "Outlet N" no slot uses. */
  freeName() {
    const used = new Set(this.slots.map((s) => s.name.value.trim()));
    let n = 1;
    while (used.has(`Outlet ${n}`)) n++;
    return `Outlet ${n}`;
  }

  /** Adds a slot at the end; returns it (null when there are MAX_SLOTS). */
  add({ name, text = '' } = {}) {
    if (this.slots.length >= MAX_SLOTS) {
      this.onMessage(`You can compare at most ${MAX_SLOTS} articles.`);
      return null;
    }
    const id = ++this.serial;
    const nameInput = el('input', {
      type: 'text',
      id: `doc-name-${id}`,
      name: 'doc-name',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: 200,
    });
    nameInput.value = name ?? this.freeName();
    const textarea = el('textarea', {
      id: `doc-text-${id}`,
      name: 'doc-text',
      rows: 7,
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'Paste an article here…',
    });
    textarea.value = text;
    const legend = el('legend');
    const removeLabel = el('span', { class: 'vh' });
    const remove = el('button', { type: 'button', class: 'remove' }, 'Remove', removeLabel);
    const info = el('p', { class: 'slot-info', id: `doc-info-${id}` });
    textarea.setAttribute('aria-describedby', info.id);
    const li = el(
      'li',
      { class: 'slot', 'data-slot': id },
      el(
        'fieldset',
        {},
        legend,
        el('div', { class: 'slot-name' }, el('label', { for: nameInput.id }, 'Outlet name'), nameInput, remove),
        el('label', { for: textarea.id, class: 'slot-text-label' }, 'Article text'),
        textarea,
        info,
      ),
    );
    const slot = { id, li, name: nameInput, text: textarea, legend, removeLabel, remove, info };
    nameInput.addEventListener('input', () => {
      this.label(slot);
      this.onEdit();
    });
    textarea.addEventListener('input', () => {
      this.describe(slot);
      this.onEdit();
    });
    textarea.addEventListener('paste', (e) => pasteHtmlAsText(e, textarea));
    remove.addEventListener('click', () => this.removeSlot(slot));
    this.slots.push(slot);
    this.list.append(li);
    this.relabel();
    return slot;
  }

  removeSlot(slot) {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    const name = slot.name.value.trim() || `article ${at + 1}`;
    slot.li.remove();
    this.slots.splice(at, 1);
    while (this.slots.length < 2) this.add();
    this.relabel();
    // Focus stays in the list: the next slot's Remove button, or the previous one's.
    const next = this.slots[Math.min(at, this.slots.length - 1)];
    next.remove.focus();
    this.onMessage(`Removed ${name}.`);
    this.onEdit(true);
  }

  /** Replaces every slot with docs ([{ name, text }]); at least two slots remain. */
  setAll(docs) {
    for (const s of this.slots) s.li.remove();
    this.slots = [];
    for (const d of docs.slice(0, MAX_SLOTS)) this.add(d);
    while (this.slots.length < 2) this.add();
  }

  /** Two empty slots. */
  clear() {
    this.setAll([]);
  }

  relabel() {
    this.slots.forEach((s, i) => {
      s.legend.textContent = `Article ${i + 1}`;
      this.label(s, i);
      this.describe(s);
    });
    this.addButton.disabled = this.slots.length >= MAX_SLOTS;
  }

  label(slot, i = this.slots.indexOf(slot)) {
    slot.removeLabel.textContent = ` article ${i + 1}${slot.name.value.trim() ? ` (${slot.name.value.trim()})` : ''}`;
  }

  describe(slot) {
    const words = (slot.text.value.match(/\S+/g) ?? []).length;
    slot.info.textContent = words ? count(words, 'word') : 'Empty: this article is left out.';
  }

  // ---- files -------------------------------------------------------------------

  async addFiles(files) {
    if (!files.length) return;
    const loaded = [];
    const refused = [];
    for (const file of files) {
      const html = isHtmlFile(file);
      if (!html && !isTextFile(file)) {
        refused.push(`“${file.name}” is not a .txt or .html file`);
        continue;
      }
      if (file.size > (html ? 4 * this.maxBytes : this.maxBytes)) {
        refused.push(`“${file.name}” is over the size limit of 16 MiB`);
        continue;
      }
      try {
        const raw = await file.text();
        loaded.push({ name: file.name.replace(/\.(txt|html?)$/i, '') || file.name, text: html ? htmlToText(raw) : raw });
      } catch (err) {
        refused.push(`“${file.name}” could not be read (${err?.message ?? err})`);
      }
    }
    if (loaded.length) {
      if (this.replaceOnFiles()) this.setAll(loaded);
      else {
        const empty = this.slots.filter((s) => s.text.value.trim() === '');
        for (const doc of loaded) {
          const slot = empty.shift();
          if (slot) {
            slot.name.value = doc.name;
            slot.text.value = doc.text;
          } else if (!this.add(doc)) break;
        }
        this.relabel();
      }
    }
    const parts = [];
    if (loaded.length) parts.push(`Opened ${count(loaded.length, 'file')}: ${loaded.map((d) => d.name).join(', ')}.`);
    if (refused.length) parts.push(`Not opened: ${refused.join('; ')}.`);
    this.onMessage(parts.join(' '));
    if (loaded.length) this.onLoaded();
  }

  setupDrop() {
    const hasFiles = (e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    document.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      this.list.classList.add('dropping');
    });
    document.addEventListener('dragleave', (e) => {
      if (e.relatedTarget === null) this.list.classList.remove('dropping');
    });
    document.addEventListener('drop', (e) => {
      this.list.classList.remove('dropping');
      if (!hasFiles(e)) return;
      e.preventDefault();
      this.addFiles([...(e.dataTransfer.files ?? [])]);
    });
  }
}

/** Clipboard with HTML but no plain text: paste its text only (as ../input.js does). */
function pasteHtmlAsText(e, textarea) {
  const types = Array.from(e.clipboardData?.types ?? []);
  if (!types.includes('text/html') || types.includes('text/plain')) return;
  e.preventDefault();
  const text = htmlToText(e.clipboardData.getData('text/html'));
  if (!document.execCommand?.('insertText', false, text)) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
