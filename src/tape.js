// tape.js: reads the tape that src/tape.rs writes into plain JS objects, on the
// JS side of the wasm boundary (one pass, no call back into wasm). The layout
// is documented at the top of src/tape.rs. wasm-bindgen copies this file into
// www/pkg/snippets/ and src/wasm.rs calls readTape() with views of the tape.
//
// tape:    Float64Array, ops and their numbers
// strings: every string of the value, one after another
// lens:    Uint32Array, each string's length in UTF-16 code units
// shapes:  Uint32Array, the structs' key lists: n, k1 … kn each

export function readTape(tape, strings, lens, shapes) {
  const strs = new Array(lens.length);
  for (let k = 0, off = 0; k < lens.length; k++) {
    const end = off + lens[k];
    strs[k] = strings.slice(off, end);
    off = end;
  }
  // One template per shape, copied with spread: each object is made with all
  // its keys, in order, at once.
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
  function value() {
    switch (tape[i++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return tape[i++];
      case 4: return strs[tape[i++]];
      case 5: {
        const n = tape[i++];
        const a = new Array(n);
        for (let k = 0; k < n; k++) a[k] = value();
        return a;
      }
      case 6: {
        const n = tape[i++];
        const o = {};
        for (let k = 0; k < n; k++) own(o, strs[tape[i++]], value());
        return o;
      }
      case 7: {
        const s = tape[i++];
        const keys = shapeKeys[s];
        const t = templates[s];
        if (t === null) {
          const o = {};
          for (let k = 0; k < keys.length; k++) own(o, keys[k], value());
          return o;
        }
        const o = { ...t };
        // numbers and strings, most fields, inline; anything else by value()
        for (let k = 0; k < keys.length; k++) {
          const op = tape[i];
          if (op === 3) { o[keys[k]] = tape[i + 1]; i += 2; }
          else if (op === 4) { o[keys[k]] = strs[tape[i + 1]]; i += 2; }
          else o[keys[k]] = value();
        }
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
