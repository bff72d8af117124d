// codec.js: an exercise ⇄ the payload of an exercise link (index.html#exercise=<payload>)
// and ⇄ an exercise file (.json). The payload is the exercise's JSON, compressed with
// CompressionStream('deflate-raw') and written in base64url, behind a header that says
// the format, the compressed length and a CRC-32:   c1.<bytes>.<crc32 hex>.<base64url>
// so a truncated or corrupted link gives a specific message instead of a broken view.
// Plain web APIs only (no DOM), so Node can import it for the unit tests.

export const FORMAT = 'claimlens-exercise';
export const VERSION = 1;
export const PREFIX = 'c1';
export const TASKS = ['attribution', 'hedge', 'status', 'headline'];
export const LEVELS = ['starter', 'advanced'];
export const LIMITS = { articles: 6, articleChars: 60_000, titleChars: 200, instructionsChars: 2_000, unpackedBytes: 1 << 20, claims: 500 };

/** A link or file that cannot be read; `code` says why (empty, format, version, characters, truncated, checksum, damaged, invalid). */
export class ExerciseError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ExerciseError';
    this.code = code;
  }
}

// ---- CRC-32 (IEEE), table-driven -------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const hex8 = (n) => n.toString(16).padStart(8, '0');

// ---- base64url ---------------------------------------------------------------

function toBase64url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Length in base64url characters (no padding) of n bytes. */
const b64Length = (n) => Math.ceil((n * 4) / 3);

// ---- compression ---------------------------------------------------------------

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, refusing output over `limit` bytes (a small link cannot unpack into gigabytes). */
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new ExerciseError('invalid', `This exercise is too large: it unpacks to more than ${Math.round(limit / 1024)} KB.`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---- the exercise's shape ---------------------------------------------------------

const isText = (x) => typeof x === 'string';

/**
 * Checks an exercise object and returns it normalised:
 * { format, version, title, level, instructions, tasks, hideAnswers, articles: [{ name, text }], claims? }.
 * `claims` (optional) are the claims the teacher chose: [{ doc, sentence, check }], where
 * `check` is textCheck() of the sentence's text, so a claim is found again even when the
 * engine numbers sentences differently. Without it, every claim is in the exercise.
 * Throws ExerciseError('invalid', …) naming the first problem.
 */
export function validateExercise(obj) {
  const bad = (what) => {
    throw new ExerciseError('invalid', `This is not a usable exercise: ${what}.`);
  };
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) bad('it is not an exercise object');
  if (obj.format !== undefined && obj.format !== FORMAT) bad(`its format is “${String(obj.format).slice(0, 40)}”, not “${FORMAT}”`);
  if (obj.version !== undefined && obj.version !== VERSION) {
    throw new ExerciseError('version', `This exercise was made by a newer version of claimlens (exercise version ${String(obj.version).slice(0, 10)}); this page reads version ${VERSION}.`);
  }
  const title = obj.title === undefined ? 'Exercise' : obj.title;
  if (!isText(title) || !title.trim()) bad('its title is missing');
  if (title.length > LIMITS.titleChars) bad(`its title is longer than ${LIMITS.titleChars} characters`);
  const level = obj.level ?? '';
  if (level !== '' && !LEVELS.includes(level)) bad(`its level “${String(level).slice(0, 20)}” is not ${LEVELS.join(' or ')}`);
  const instructions = obj.instructions ?? '';
  if (!isText(instructions) || instructions.length > LIMITS.instructionsChars) bad('its instructions are not text or are too long');
  const tasks = obj.tasks ?? TASKS;
  if (!Array.isArray(tasks) || tasks.length === 0 || !tasks.every((t) => TASKS.includes(t))) {
    bad(`its tasks must be one or more of ${TASKS.join(', ')}`);
  }
  if (obj.hideAnswers !== undefined && typeof obj.hideAnswers !== 'boolean') bad('hideAnswers must be true or false');
  if (!Array.isArray(obj.articles) || obj.articles.length === 0) bad('it has no article');
  if (obj.articles.length > LIMITS.articles) bad(`it has ${obj.articles.length} articles; at most ${LIMITS.articles} fit in one exercise`);
  const articles = obj.articles.map((a, i) => {
    if (!a || !isText(a.text) || !a.text.trim()) bad(`article ${i + 1} has no text`);
    if (a.text.length > LIMITS.articleChars) bad(`article ${i + 1} is longer than ${LIMITS.articleChars.toLocaleString('en')} characters`);
    const name = a.name === undefined || a.name === '' ? `Article ${i + 1}` : a.name;
    if (!isText(name) || name.length > LIMITS.titleChars) bad(`article ${i + 1} has a bad name`);
    return { name, text: a.text };
  });
  let claims;
  if (obj.claims !== undefined) {
    if (!Array.isArray(obj.claims) || obj.claims.length > LIMITS.claims) bad(`its chosen claims must be a list of at most ${LIMITS.claims}`);
    claims = obj.claims.map((c, i) => {
      if (!c || !Number.isInteger(c.doc) || c.doc < 0 || c.doc >= articles.length || !Number.isInteger(c.sentence) || c.sentence < 0 || !/^[0-9a-f]{8}$/.test(String(c.check))) {
        bad(`its chosen claim ${i + 1} is not { doc, sentence, check }`);
      }
      return { doc: c.doc, sentence: c.sentence, check: c.check };
    });
  }
  const out = {
    format: FORMAT,
    version: VERSION,
    title: title.trim(),
    level,
    instructions,
    tasks: TASKS.filter((t) => tasks.includes(t)),
    hideAnswers: obj.hideAnswers === true,
    articles,
  };
  if (claims) out.claims = claims; // absent when not chosen, so older exercises keep their id
  return out;
}

/** A short check of a piece of text (a chosen claim's sentence, an article): CRC-32 in hex. */
export const textCheck = (text) => hex8(crc32(new TextEncoder().encode(String(text))));

// ---- link payload ---------------------------------------------------------------------

/** The payload for `index.html#exercise=<payload>`. */
export async function encodeExercise(exercise) {
  const ex = validateExercise(exercise);
  const packed = await deflate(new TextEncoder().encode(JSON.stringify(ex)));
  return `${PREFIX}.${packed.length}.${hex8(crc32(packed))}.${toBase64url(packed)}`;
}

/** The exercise in a payload; throws ExerciseError with a message for people. */
export async function decodeExercise(payload) {
  const text = String(payload ?? '').trim();
  const copyAgain = 'Ask for the link again, or copy the whole link from where you got it.';
  if (!text) throw new ExerciseError('empty', 'This exercise link has no exercise in it: nothing follows “#exercise=”.');
  const parts = text.split('.');
  const version = /^c(\d+)$/.exec(parts[0]);
  if (!version) {
    throw new ExerciseError('format', `This is not a claimlens exercise link: the part after “#exercise=” should start with “${PREFIX}.”. ${copyAgain}`);
  }
  if (parts[0] !== PREFIX) {
    throw new ExerciseError('version', `This exercise link was made by a newer version of claimlens (format ${parts[0]}); this page reads format ${PREFIX}.`);
  }
  if (parts.length < 4 || !/^\d{1,9}$/.test(parts[1]) || !/^[0-9a-f]{8}$/.test(parts[2])) {
    throw new ExerciseError('truncated', `This exercise link is cut short: its header is incomplete. ${copyAgain}`);
  }
  if (parts.length > 4) throw new ExerciseError('characters', `This exercise link has extra “.” characters in it, so it was changed after it was made. ${copyAgain}`);
  const bytes = Number(parts[1]);
  const data = parts[3];
  const stray = /[^A-Za-z0-9_-]/.exec(data);
  if (stray) {
    const ch = stray[0] === '%' ? data.slice(stray.index, stray.index + 3) : stray[0];
    throw new ExerciseError('characters', `This exercise link contains “${ch}”, which is never part of an exercise link: an email or chat program may have changed it. ${copyAgain}`);
  }
  const expected = b64Length(bytes);
  if (data.length < expected) {
    const pct = Math.floor((data.length / expected) * 100);
    throw new ExerciseError('truncated', `This exercise link is cut short: it holds ${data.length} of its ${expected} characters (${pct}%). ${copyAgain}`);
  }
  if (data.length > expected) {
    throw new ExerciseError('checksum', `This exercise link is damaged: it is ${data.length - expected} characters longer than it should be. ${copyAgain}`);
  }
  let packed;
  try {
    packed = fromBase64url(data);
  } catch {
    throw new ExerciseError('characters', `This exercise link is damaged: it is not valid base64url. ${copyAgain}`);
  }
  if (packed.length !== bytes || crc32(packed) !== parseInt(parts[2], 16)) {
    throw new ExerciseError('checksum', `This exercise link is damaged: its checksum does not match, so some of its characters were changed. ${copyAgain}`);
  }
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await inflate(packed, LIMITS.unpackedBytes));
  } catch (err) {
    if (err instanceof ExerciseError) throw err;
    throw new ExerciseError('damaged', `This exercise link is damaged: it could not be unpacked. ${copyAgain}`);
  }
  let obj;
  try {
    obj = JSON.parse(json);
  } catch {
    throw new ExerciseError('damaged', `This exercise link is damaged: what it unpacks to is not an exercise. ${copyAgain}`);
  }
  return validateExercise(obj);
}

// ---- exercise file ---------------------------------------------------------------------

/** The text of a downloadable exercise file. */
export function exerciseFileText(exercise) {
  return `${JSON.stringify(validateExercise(exercise), null, 2)}\n`;
}

/** The exercise in an exercise file's text; throws ExerciseError. */
export function parseExerciseFile(text, fileName = 'the file') {
  let obj;
  try {
    obj = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ExerciseError('damaged', `“${fileName}” is not an exercise file: it is not valid JSON (${err.message}).`);
  }
  if (obj?.format !== FORMAT) {
    throw new ExerciseError('format', `“${fileName}” is not a claimlens exercise file: it lacks "format": "${FORMAT}".`);
  }
  return validateExercise(obj);
}

/** A short stable id for an exercise (keys its saved progress). */
export function exerciseId(exercise) {
  return hex8(crc32(new TextEncoder().encode(JSON.stringify(validateExercise(exercise)))));
}
