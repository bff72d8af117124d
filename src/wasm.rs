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
    let docs: Vec<Document> = serde_wasm_bindgen::from_value(docs).map_err(|e| JsError::new(&format!("compare wants an array of {{name, text}}: {e}")))?;
    let options = read_options(options)?;
    let cmp = crate::compare(&docs, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&cmp, "comparison", 1024)
}

fn read_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        Ok(Options::default())
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))
    }
}

/// The engine's version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

