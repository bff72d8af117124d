// tape.js: reads the tape that src/tape.rs writes into plain JS objects, on the
// JS side of the wasm boundary (one pass, no call back into wasm). The layout
// is documented at the top of src/tape.rs. wasm-bindgen copies this file into
// www/pkg/snippets/ and src/wasm.rs calls readTape() with views of the tape.
//
// tape:    Float64Array, ops and their numbers
// strings: every string of the value, one after another
// lens:    Uint32Array, each string's length in UTF-16 code units
// shapes:  Uint32Array, the structs' key lists: n, k1 … kn each
//
// Speed. A 1 MB article's report is about 49,000 objects and 40,000 arrays.
// The report's own struct types (a sentence, a span, an attribution …) are
// made by object literals in BUILDERS, picked by their shape's exact key list:
// V8 then gives each type one hidden class and makes each object in one step
// (and may pretenure them, though it undoes that when each report dies at the
// next call, as in a benchmark loop). In Chromium this took a warm 1 MB
// analyze() from 62.8 to 54.1 ms (median of 30, calls interleaved with the
// previous tape.js). Arrays of up to 4 values, nearly all of them, are array
// literals too, made at their exact size: the 1 MB report then holds 7.5 MB
// of JS heap, against 9.8 MB with `[]` and push (Node, --expose-gc), and less
// heap means less for the garbage collector to copy. Any other struct, or one
// whose fields have changed, takes the generic path, with the same result; a
// test in src/tape.rs fails when a report struct has no builder here.

export function readTape(tape, strings, lens, shapes) {
  const strs = new Array(lens.length);
  for (let k = 0, off = 0; k < lens.length; k++) {
    const end = off + lens[k];
    strs[k] = strings.slice(off, end);
    off = end;
  }
  // Generic path: one template per shape, copied with spread, so each object
  // is made with all its keys, in order, at once.
  const shapeKeys = [];
  const templates = [];
  for (let j = 0; j < shapes.length; ) {
    const n = shapes[j++];
    const keys = [];
    const t = {};
    for (let k = 0; k < n; k++) {
      const key = strs[shapes[j++]];
      keys.push(key);
      own(t, key, null);
    }
    shapeKeys.push(keys);
    templates.push(keys.includes('__proto__') ? null : t);
  }
  let i = 0;
  // a number or a string inline, anything else through value()
  const V = () => {
    const op = tape[i];
    if (op === 3) { i += 2; return tape[i - 1]; }
    if (op === 4) { i += 2; return strs[tape[i - 1]]; }
    return value();
  };
  // The report's struct types, by their keys in serde's order (camelCase).
  // Literal values are read in source order, which is the tape's order.
  const BUILDERS = {
    'text,start,end': () => ({ text: V(), start: V(), end: V() }),
    'text,start,end,sourceId': () => ({ text: V(), start: V(), end: V(), sourceId: V() }),
    'kind,source,cue,quote,role': () => ({ kind: V(), source: V(), cue: V(), quote: V(), role: V() }),
    'text,start,end,category,weight': () => ({ text: V(), start: V(), end: V(), category: V(), weight: V() }),
    'label,cues,why': () => ({ label: V(), cues: V(), why: V() }),
    'index,paragraph,start,end,text,kind,attributions,hedges,status,checkworthiness,score,reasons': () => ({
      index: V(), paragraph: V(), start: V(), end: V(), text: V(), kind: V(), attributions: V(), hedges: V(), status: V(),
      checkworthiness: V(), score: V(), reasons: V() }),
    'id,name,kind,role,aliases,sentences': () => ({ id: V(), name: V(), kind: V(), role: V(), aliases: V(), sentences: V() }),
  };
  const builders = shapeKeys.map((keys) => {
    const sig = keys.join(',');
    return Object.hasOwn(BUILDERS, sig) ? BUILDERS[sig] : null;
  });
  function value() {
    switch (tape[i++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return tape[i++];
      case 4: return strs[tape[i++]];
      case 5: {
        // Most arrays hold 0 to 4 values: array literals make them at their
        // exact size, packed.
        switch (tape[i++]) {
          case 0: return [];
          case 1: return [V()];
          case 2: return [V(), V()];
          case 3: return [V(), V(), V()];
          case 4: return [V(), V(), V(), V()];
          default: {
            const n = tape[i - 1];
            const a = new Array(n);
            for (let k = 0; k < n; k++) a[k] = V();
            return a;
          }
        }
      }
      case 6: {
        const n = tape[i++];
        const o = {};
        for (let k = 0; k < n; k++) own(o, strs[tape[i++]], value());
        return o;
      }
      case 7: {
        const s = tape[i++];
        const b = builders[s];
        if (b !== null) return b();
        const keys = shapeKeys[s];
        const t = templates[s];
        if (t === null) {
          const o = {};
          for (let k = 0; k < keys.length; k++) own(o, keys[k], value());
          return o;
        }
        const o = { ...t };
        for (let k = 0; k < keys.length; k++) o[keys[k]] = V();
        return o;
      }
      default: throw new Error(`claimlens: bad tape op at ${i - 1}`);
    }
  }
  const v = value();
  if (i !== tape.length) throw new Error('claimlens: the tape holds more than one value');
  return v;
}

/** Sets an own property, as JSON.parse makes it, even for "__proto__". */
function own(o, key, v) {
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
  else o[key] = v;
}
