//! The WebAssembly bindings: a thin layer over [`crate::try_analyze`], built
//! only for `wasm32` (see `make wasm`). JavaScript sees
//!
//! ```js
//! import init, { analyze, version } from './pkg/claimlens.js';
//! await init();
//! const report = analyze(text, { maxBytes: 1 << 20 }); // options may be omitted
//! const cmp = compare([{ name: 'Outlet A', text: a }, { name: 'Outlet B', text: b }]);
//! ```
//!
//! The report is a plain JS object, the same JSON as the CLI prints for the
//! same text (tests/wasm.rs checks this on every fixture). Offsets are UTF-16
//! code units, already converted once by `src/utf16.rs`, so `text.slice(start,
//! end)` in JS is the span's `text`.
//!
//! The text crosses as UTF-8, written into wasm memory by `TextEncoder` in one
//! call (src/utf8.js), which turns a lone surrogate into U+FFFD, also one
//! UTF-16 unit, so every offset stays valid against the caller's own string.

use crate::lexicon::ExtraTerm;
use crate::{try_analyze, Document, Options};
use serde::Serialize;
use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(start)]
fn start() {
    // A Rust panic (a bug) shows its message in the console, not "unreachable".
    console_error_panic_hook::set_once();
}

/// Analyse `text`. `options` is `undefined`, `null`, or an object with any of
/// `maxBytes`, `extraTerms`, `disabledTerms` (see `Options`). Throws an
/// `Error` with a one-line message for input over the size limit or bad options.
#[wasm_bindgen]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = text_of(&text)?;
    let options = read_options(options)?;
    let report = try_analyze(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report, "report", text.len() * 3 / 4)
}

#[wasm_bindgen(module = "/src/utf8.js")]
extern "C" {
    #[wasm_bindgen(js_name = writeUtf8)]
    fn write_utf8(text: &JsString, dest: &mut [u8]) -> usize;
}

/// The JS string `text` as UTF-8, encoded in one call (see src/utf8.js).
fn text_of(text: &JsValue) -> Result<String, JsError> {
    let Some(text) = text.dyn_ref::<JsString>() else {
        return Err(JsError::new("analyze wants the article's text as a string"));
    };
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    let mut buf = vec![0u8; (text.length() as usize).saturating_mul(3)];
    let n = write_utf8(text, &mut buf);
    buf.truncate(n);
    String::from_utf8(buf).map_err(|_| JsError::new("the text could not be read as UTF-8"))
}

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    #[wasm_bindgen(js_name = readTape)]
    fn read_tape(tape: &[f64], strings: &str, lens: &[u32], shapes: &[u32]) -> JsValue;
}

/// A value as plain, JSON-compatible JS objects, through the tape (src/tape.rs,
/// src/tape.js); `ops` is the room the tape starts with.
fn to_js<T: Serialize>(value: &T, what: &str, ops: usize) -> Result<JsValue, JsError> {
    let t = crate::tape::Tape::encode_sized(value, ops).map_err(|e| JsError::new(&format!("could not build the {what}: {e}")))?;
    Ok(read_tape(&t.ops, &t.strings, &t.lens, &t.shapes))
}

/// Compare several articles on one story: `docs` is an array of
/// `{ name, text }` (two or more); `options` as for `analyze`. Returns the same
/// object as `claimlens compare` prints; throws an `Error` for bad input.
#[wasm_bindgen]
pub fn compare(docs: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let docs = read_documents(&docs)?;
    let options = read_options(options)?;
    let cmp = crate::compare(&docs, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&cmp, "comparison", 1024)
}

// The arguments are read field by field with `Reflect`, not through serde:
// serde's deserializer and its error messages (which format floats) were
// 10 KB of the gzipped wasm. Missing or `null` fields take their defaults and
// unknown ones are ignored, as `#[serde(default)]` did; a field of the wrong
// type is an error that names it.

/// `obj[key]`, `None` when absent or null.
fn field(obj: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn string_field(obj: &JsValue, key: &str, what: &str) -> Result<String, JsError> {
    match field(obj, key) {
        None => Ok(String::new()),
        Some(v) => v.as_string().ok_or_else(|| JsError::new(&format!("{what}: `{key}` must be a string"))),
    }
}

/// `obj[key]` as an array (empty when absent).
fn array_field(obj: &JsValue, key: &str, what: &str) -> Result<Vec<JsValue>, JsError> {
    match field(obj, key) {
        None => Ok(Vec::new()),
        Some(v) if js_sys::Array::is_array(&v) => Ok(js_sys::Array::from(&v).iter().collect()),
        Some(_) => Err(JsError::new(&format!("{what}: `{key}` must be an array"))),
    }
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !js_sys::Array::is_array(v)
}

fn read_documents(docs: &JsValue) -> Result<Vec<Document>, JsError> {
    const WHAT: &str = "compare wants an array of {name, text}";
    if !js_sys::Array::is_array(docs) {
        return Err(JsError::new(&format!("{WHAT}: got no array")));
    }
    js_sys::Array::from(docs)
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let item = |why: &str| JsError::new(&format!("{WHAT}: item {} {why}", i + 1));
            if !is_plain_object(&d) {
                return Err(item("is not an object"));
            }
            let name = field(&d, "name").and_then(|v| v.as_string()).ok_or_else(|| item("has no `name` string"))?;
            let text = field(&d, "text").filter(|v| v.is_string()).ok_or_else(|| item("has no `text` string"))?;
            Ok(Document { name, text: text_of(&text)? })
        })
        .collect()
}

fn read_options(options: JsValue) -> Result<Options, JsError> {
    const WHAT: &str = "bad options";
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !is_plain_object(&options) {
        return Err(JsError::new(&format!("{WHAT}: want an object, like {{ maxBytes: 1048576 }}")));
    }
    let mut o = Options::default();
    if let Some(v) = field(&options, "maxBytes") {
        o.max_bytes = v
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= usize::MAX as f64)
            .ok_or_else(|| JsError::new(&format!("{WHAT}: `maxBytes` must be a whole number of bytes")))? as usize;
    }
    for t in array_field(&options, "extraTerms", WHAT)? {
        if !is_plain_object(&t) {
            return Err(JsError::new(&format!("{WHAT}: each of `extraTerms` must be an object")));
        }
        let weight = match field(&t, "weight") {
            None => None,
            Some(w) => Some(w.as_f64().ok_or_else(|| JsError::new(&format!("{WHAT}: an extra term's `weight` must be a number")))? as f32),
        };
        o.extra_terms.push(ExtraTerm {
            lexicon: string_field(&t, "lexicon", WHAT)?,
            phrase: string_field(&t, "phrase", WHAT)?,
            category: string_field(&t, "category", WHAT)?,
            weight,
        });
    }
    for d in array_field(&options, "disabledTerms", WHAT)? {
        o.disabled_terms.push(d.as_string().ok_or_else(|| JsError::new(&format!("{WHAT}: `disabledTerms` must hold strings")))?);
    }
    Ok(o)
}

/// The engine's version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

