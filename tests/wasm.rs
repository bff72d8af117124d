//! The wasm build, run in headless Chromium by wasm-bindgen-test
//! (`make wasm-test`). It calls the exported JS API (`src/wasm.rs`) and checks
//! that the report, as the plain JS object the page gets, equals the native
//! report on every fixture article: the `__report` snapshots that
//! `tests/snapshots.rs` keeps from the native build.
#![cfg(target_arch = "wasm32")]

use claimlens::wasm::{analyze, compare, version};
use js_sys::{JsString, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The report as JSON, read back from the JS object the binding returned.
fn report_json(text: &str, options: JsValue) -> Value {
    let v = analyze(text.into(), options).unwrap_or_else(|e| panic!("analyze threw: {:?}", JsValue::from(e)));
    assert!(v.is_object() && !js_sys::Array::is_array(&v), "the report is a plain object");
    let s: String = JSON::stringify(&v).unwrap().into();
    serde_json::from_str(&s).unwrap()
}

/// The JSON body of an insta snapshot file (after its `---` header).
fn snapshot(snap: &str) -> Value {
    let body = snap.splitn(3, "---\n").nth(2).expect("snapshot header");
    serde_json::from_str(body).expect("snapshot JSON")
}

/// JSON numbers as f64, so `0.0` (serde_json) equals `0` (JSON.stringify).
fn normalise(v: Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(a) => Value::Array(a.into_iter().map(normalise).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, normalise(v))).collect()),
        v => v,
    }
}

macro_rules! same_as_native {
    ($($test:ident => $file:literal),* $(,)?) => {$(
        #[wasm_bindgen_test]
        fn $test() {
            let text = include_str!(concat!("fixtures/", $file));
            let native = snapshot(include_str!(concat!("snapshots/snapshots__", stringify!($test), "__report.snap")));
            let wasm = report_json(text, JsValue::UNDEFINED);
            assert!(normalise(wasm) == normalise(native), "wasm report differs from the native one for {}", $file);
        }
    )*};
}

same_as_native! {
    water_lead => "01_water_lead.txt",
    freight_merger => "02_freight_merger.txt",
    runner_doping => "03_runner_doping.txt",
    wildfire_crlf => "04_wildfire_crlf.txt",
    sleep_study => "05_sleep_study.txt",
    river_summit => "06_river_summit.txt",
    council_race_noblank => "07_council_race_noblank.txt",
    opinion_fare_free => "08_opinion_fare_free.txt",
    ferry_cuts_interview => "09_ferry_cuts_interview.txt",
}

/// Every span's `text` equals the JS string's own slice at its UTF-16 offsets.
#[wasm_bindgen_test]
fn offsets_are_utf16_slices_of_the_js_string() {
    let text = "Ülkü Şahin 😀 said on Monday the bridge may have failed.\r\n\r\nمسؤولون قالوا Officials said the 🚧 road reportedly closed.";
    let js = JsString::from(text);
    let r = report_json(text, JsValue::NULL);
    assert_eq!(r["stats"]["chars"].as_u64().unwrap() as u32, js.length());
    let mut checked = 0;
    fn walk(v: &Value, js: &JsString, checked: &mut usize) {
        match v {
            Value::Object(o) => {
                if let (Some(t), Some(s), Some(e)) = (o.get("text"), o.get("start"), o.get("end")) {
                    let slice: String = js.slice(s.as_u64().unwrap() as u32, e.as_u64().unwrap() as u32).into();
                    assert_eq!(t.as_str().unwrap(), slice);
                    *checked += 1;
                }
                o.values().for_each(|v| walk(v, js, checked));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, js, checked)),
            _ => {}
        }
    }
    walk(&r, &js, &mut checked);
    assert!(checked >= 6, "only {checked} spans checked");
}

#[wasm_bindgen_test]
fn over_the_size_limit_throws_a_clear_error() {
    let opts = Object::new();
    Reflect::set(&opts, &"maxBytes".into(), &10.into()).unwrap();
    let err = JsValue::from(analyze("Officials said the bridge reopened.".into(), opts.into()).unwrap_err());
    let msg: String = err.dyn_into::<js_sys::Error>().unwrap().message().into();
    assert!(msg.contains("over the size limit"), "{msg}");
}

#[wasm_bindgen_test]
fn bad_options_throw_a_clear_error() {
    let err = JsValue::from(analyze("x".into(), JsValue::from_str("nonsense")).unwrap_err());
    let msg: String = err.dyn_into::<js_sys::Error>().unwrap().message().into();
    assert!(msg.starts_with("bad options"), "{msg}");
}

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn error_of(r: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err = JsValue::from(r.unwrap_err());
    err.dyn_into::<js_sys::Error>().unwrap().message().into()
}

/// Options are read field by field (src/wasm.rs): each field of the wrong
/// type names itself; good ones take effect; unknown ones are ignored.
#[wasm_bindgen_test]
fn each_bad_option_field_names_itself() {
    for (opts, field) in [
        (r#"{"maxBytes": "big"}"#, "maxBytes"),
        (r#"{"maxBytes": 1.5}"#, "maxBytes"),
        (r#"{"extraTerms": "maybe"}"#, "extraTerms"),
        (r#"{"extraTerms": [{"phrase": 3}]}"#, "phrase"),
        (r#"{"extraTerms": [{"phrase": "x", "weight": "high"}]}"#, "weight"),
        (r#"{"disabledTerms": [1]}"#, "disabledTerms"),
        (r#"[1, 2]"#, "object"),
    ] {
        let msg = error_of(analyze("Officials said so.".into(), js(opts)));
        assert!(msg.starts_with("bad options") && msg.contains(field), "{opts}: {msg}");
    }
}

#[wasm_bindgen_test]
fn good_options_take_effect() {
    let text = "The plant purportedly leaked. The mayor hinted the plant leaked.";
    let hedges = |opts: &str| report_json(text, js(opts))["sentences"].as_array().unwrap().iter().map(|s| s["hedges"].as_array().unwrap().len()).collect::<Vec<_>>();
    let plain = hedges("{}");
    let more = hedges(r#"{"extraTerms": [{"lexicon": "hedges", "phrase": "hinted", "category": "distancing", "weight": 0.7}], "unknownField": true, "maxBytes": null}"#);
    assert_eq!(more[1], plain[1] + 1, "{plain:?} {more:?}");
    let fewer = hedges(r#"{"disabledTerms": ["purportedly"]}"#);
    assert_eq!(fewer[0] + 1, plain[0], "{plain:?} {fewer:?}");
}

#[wasm_bindgen_test]
fn compare_names_a_bad_document() {
    let msg = error_of(compare(js(r#"[{"name": "A", "text": "Officials said so."}, {"name": "B"}]"#), JsValue::UNDEFINED));
    assert!(msg.starts_with("compare wants an array of {name, text}") && msg.contains("item 2"), "{msg}");
    let msg = error_of(compare(js(r#"{"name": "A"}"#), JsValue::UNDEFINED));
    assert!(msg.contains("no array"), "{msg}");
}

#[wasm_bindgen_test]
fn text_that_is_not_a_string_throws_a_clear_error() {
    for bad in [JsValue::UNDEFINED, JsValue::NULL, JsValue::from_f64(42.0), Object::new().into()] {
        let err = JsValue::from(analyze(bad, JsValue::UNDEFINED).unwrap_err());
        let msg: String = err.dyn_into::<js_sys::Error>().unwrap().message().into();
        assert!(msg.contains("as a string"), "{msg}");
    }
}

/// A JS string with lone surrogates (which `&str` cannot hold) crosses with
/// each one as U+FFFD: the same length in UTF-16 units, so every offset still
/// fits the caller's string.
#[wasm_bindgen_test]
fn lone_surrogates_keep_every_offset_in_the_callers_string() {
    let mut units: Vec<u16> = "Officials said X reopened. The mayor reportedly Y resigned.".encode_utf16().collect();
    let x = units.iter().position(|&u| u == u16::from(b'X')).unwrap();
    units[x] = 0xD800; // a lone high surrogate
    let y = units.iter().position(|&u| u == u16::from(b'Y')).unwrap();
    units[y] = 0xDC00; // a lone low surrogate
    let js = JsString::from_char_code(&units);
    assert_eq!(js.length() as usize, units.len());
    let v = analyze(js.clone().into(), JsValue::UNDEFINED).unwrap();
    let r: Value = serde_json::from_str(&String::from(JSON::stringify(&v).unwrap())).unwrap();
    assert_eq!(r["stats"]["chars"], units.len());
    let sents = r["sentences"].as_array().unwrap();
    assert_eq!(sents.len(), 2);
    for s in sents {
        let (a, b) = (s["start"].as_u64().unwrap() as u32, s["end"].as_u64().unwrap() as u32);
        assert!(b as usize <= units.len());
        // String::from turns each lone surrogate into U+FFFD, as analyze does
        assert_eq!(s["text"].as_str().unwrap(), String::from(js.slice(a, b)));
    }
    assert_eq!(sents[1]["hedges"][0]["text"], "reportedly");
}

#[wasm_bindgen_test]
fn empty_text_gives_an_empty_report() {
    let r = report_json("", JsValue::UNDEFINED);
    assert_eq!(r["sentences"].as_array().unwrap().len(), 0);
    assert_eq!(r["schemaVersion"], 1);
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// `compare()` in wasm gives what the native build gives on the five-outlet
/// fixtures (the `compare_fixtures` snapshot kept by `tests/compare_gold.rs`).
#[wasm_bindgen_test]
fn compare_same_as_native() {
    let files = [
        ("a_wire.txt", include_str!("fixtures/compare/a_wire.txt")),
        ("b_broadsheet.txt", include_str!("fixtures/compare/b_broadsheet.txt")),
        ("c_tabloid.txt", include_str!("fixtures/compare/c_tabloid.txt")),
        ("d_regional.txt", include_str!("fixtures/compare/d_regional.txt")),
        ("e_analysis.txt", include_str!("fixtures/compare/e_analysis.txt")),
    ];
    let docs = js_sys::Array::new();
    for (name, text) in files {
        let d = Object::new();
        Reflect::set(&d, &"name".into(), &name.into()).unwrap();
        Reflect::set(&d, &"text".into(), &text.into()).unwrap();
        docs.push(&d);
    }
    let v = compare(docs.into(), JsValue::UNDEFINED).unwrap_or_else(|e| panic!("compare threw: {:?}", JsValue::from(e)));
    let s: String = JSON::stringify(&v).unwrap().into();
    let v: Value = serde_json::from_str(&s).unwrap();
    let docs: Vec<Value> = v["documents"].as_array().unwrap().iter().map(|d| serde_json::json!({"name": d["name"], "rank": d["rank"], "uniqueClaims": d["uniqueClaims"], "unnamedGroups": d["unnamedGroups"]})).collect();
    let core = serde_json::json!({"documents": docs, "claimGroups": v["claimGroups"], "sources": v["sources"]});
    let native = snapshot(include_str!("snapshots/compare_gold__compare_fixtures.snap"));
    assert!(normalise(core) == normalise(native), "wasm compare differs from the native one");
}

#[wasm_bindgen_test]
fn compare_needs_two_documents() {
    let err = JsValue::from(compare(js_sys::Array::new().into(), JsValue::UNDEFINED).unwrap_err());
    let msg: String = err.dyn_into::<js_sys::Error>().unwrap().message().into();
    assert!(msg.contains("at least two"), "{msg}");
}

/// The report crosses through the tape (src/tape.rs, src/tape.js), not one
/// serde-wasm-bindgen call per field. The objects must be exactly the ones
/// serde-wasm-bindgen's `json_compatible()` serializer makes: the same JSON
/// text, key order included, for every fixture, for odd input, and for compare.
#[wasm_bindgen_test]
fn the_tape_builds_what_serde_wasm_bindgen_builds() {
    fn reference<T: serde::Serialize>(v: &T) -> String {
        JSON::stringify(&v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap()).unwrap().into()
    }
    let texts = [
        include_str!("fixtures/01_water_lead.txt"),
        include_str!("fixtures/02_freight_merger.txt"),
        include_str!("fixtures/03_runner_doping.txt"),
        include_str!("fixtures/04_wildfire_crlf.txt"),
        include_str!("fixtures/05_sleep_study.txt"),
        include_str!("fixtures/06_river_summit.txt"),
        include_str!("fixtures/07_council_race_noblank.txt"),
        include_str!("fixtures/08_opinion_fare_free.txt"),
        "",
        "\u{0}\u{FFFD} <p>x</p></p></div> Ülkü 😀 said “it may” \r\n\r\n مسؤولون قالوا",
    ];
    for text in texts {
        let native = claimlens::analyze(text, &claimlens::Options::default());
        let via_tape: String = JSON::stringify(&analyze(text.into(), JsValue::UNDEFINED).unwrap()).unwrap().into();
        assert_eq!(via_tape, reference(&native), "tape and serde-wasm-bindgen differ on {:?}", &text[..text.len().min(40)]);
    }
    let docs = [
        claimlens::Document { name: "A".into(), text: texts[0].into() },
        claimlens::Document { name: "B".into(), text: texts[1].into() },
    ];
    let cmp = claimlens::compare(&docs, &claimlens::Options::default()).unwrap();
    let js_docs = serde_wasm_bindgen::to_value(&docs).unwrap();
    let via_tape: String = JSON::stringify(&compare(js_docs, JsValue::UNDEFINED).unwrap()).unwrap().into();
    assert_eq!(via_tape, reference(&cmp));
}
