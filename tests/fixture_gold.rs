//! Scores the engine against `tests/fixtures/gold.json`, the hand-labelled gold
//! for the original fixture articles in `tests/fixtures/`.
//!
//! The checks mirror `evalgold.py analyze` (the shared scorer) exactly:
//! - an `expect` entry names a sentence by `contains` (exact, case-sensitive
//!   substring); the first sentence holding it is the one checked, except
//!   `kind`, which every sentence holding it must satisfy;
//! - the primary attribution is `attributions[0]`, or kind `none`;
//! - `source` / `sourceNot` are case-insensitive substrings of the primary
//!   source's text;
//! - `hedges` / `notHedges` match a cue word against each detected hedge's text
//!   on word boundaries (a letter, digit, `_` or `-` next to it is not a boundary);
//! - `together`: the string must fall inside one sentence;
//! - `ranking`: the first article's `summary.score` must beat the second's.
//!
//! Unlike the Python scorer, the articles are read byte-exact, so the CRLF
//! fixture keeps its `\r\n` and offsets are checked against the real input.
//!
//! Every failed check is printed (run with `--nocapture` to see them on a
//! pass). The bar: at least `MIN_PASS_RATE` of the expect checks pass, every
//! `together` entry passes except those in `KNOWN_SPLIT`, every ranking pair
//! holds, and every span's offsets slice the input to its text.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The engine scored 330/398 (82.9%) when the fixtures were written and
/// 395/398 (99.2%) when this bar was raised; raise it as the engine improves.
const MIN_PASS_RATE: f64 = 0.97;

/// `together` entries the engine is known to split today. Each is reported;
/// remove it from here once it passes so that it cannot regress.
const KNOWN_SPLIT: &[&str] = &[];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

fn str_list(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// `(?<![\w-])word(?![\w-])`, case-insensitive, as in evalgold.py.
fn word_in(word: &str, text: &str) -> bool {
    let w = word.to_lowercase();
    let t = text.to_lowercase();
    if w.is_empty() {
        return true;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut from = 0;
    while let Some(pos) = t[from..].find(&w) {
        let start = from + pos;
        let end = start + w.len();
        let before_ok = t[..start].chars().next_back().map_or(true, |c| !is_word(c));
        let after_ok = t[end..].chars().next().map_or(true, |c| !is_word(c));
        if before_ok && after_ok {
            return true;
        }
        from = start + t[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn primary(s: &Value) -> Value {
    match s.get("attributions").and_then(Value::as_array) {
        Some(a) if !a.is_empty() => a[0].clone(),
        _ => serde_json::json!({"kind": "none", "source": null, "cue": null, "quote": "none"}),
    }
}

/// One check's outcome: field, passed, detail.
type Check = (&'static str, bool, String);

fn check_expect(e: &Value, sents: &[&Value]) -> Vec<Check> {
    let mut out: Vec<Check> = Vec::new();
    if sents.is_empty() {
        out.push((
            "found",
            false,
            "no single sentence contains it (segmentation?)".into(),
        ));
        return out;
    }
    let s = sents[0];
    let att = primary(s);
    let src = str_at(&att, &["source", "text"]);
    let att_kind = str_at(&att, &["kind"]);
    let hedges: Vec<String> = s
        .get("hedges")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|h| h.get("text").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let status = str_at(s, &["status", "label"]);

    if let Some(k) = e.get("kind") {
        let want = str_list(k);
        let got: Vec<&str> = sents
            .iter()
            .map(|x| x["kind"].as_str().unwrap_or(""))
            .collect();
        let ok = got.iter().all(|g| want.iter().any(|w| w == g));
        out.push(("kind", ok, format!("got {got:?} want {want:?}")));
    }
    if let Some(a) = e.get("attribution") {
        let want = str_list(a);
        let ok = want.iter().any(|w| *w == att_kind);
        out.push((
            "attribution",
            ok,
            format!("got {att_kind} ({src:?}) want {want:?}"),
        ));
    }
    if let Some(want) = e.get("source").and_then(Value::as_str) {
        let ok = src.to_lowercase().contains(&want.to_lowercase());
        out.push(("source", ok, format!("got {src:?} want ~{want:?}")));
    }
    if let Some(not) = e.get("sourceNot").and_then(Value::as_str) {
        let ok = !src.to_lowercase().contains(&not.to_lowercase());
        out.push((
            "sourceNot",
            ok,
            format!("got {src:?} must not hold {not:?}"),
        ));
    }
    for w in str_list(e.get("hedges").unwrap_or(&Value::Null)) {
        let ok = hedges.iter().any(|h| word_in(&w, h));
        out.push(("hedges", ok, format!("cue {w:?} not in {hedges:?}")));
    }
    for w in str_list(e.get("notHedges").unwrap_or(&Value::Null)) {
        let ok = !hedges.iter().any(|h| word_in(&w, h));
        out.push(("notHedges", ok, format!("{w:?} wrongly in {hedges:?}")));
    }
    if let Some(st) = e.get("status") {
        let want = str_list(st);
        let ok = want.iter().any(|w| *w == status);
        out.push(("status", ok, format!("got {status} want {want:?}")));
    }
    if let Some(q) = e.get("quote").and_then(Value::as_str) {
        let got = att.get("quote").and_then(Value::as_str).unwrap_or("");
        out.push(("quote", got == q, format!("got {got} want {q}")));
    }
    out
}

fn u16_slice(units: &[u16], start: usize, end: usize) -> Option<String> {
    if start > end || end > units.len() {
        return None;
    }
    String::from_utf16(&units[start..end]).ok()
}

/// Spans whose offsets do not slice the input to their text.
fn bad_offsets(text: &str, report: &Value) -> Vec<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut bad = Vec::new();
    for s in report["sentences"].as_array().into_iter().flatten() {
        let mut spans: Vec<&Value> = vec![s];
        spans.extend(s["hedges"].as_array().into_iter().flatten());
        for a in s["attributions"].as_array().into_iter().flatten() {
            for k in ["source", "cue"] {
                if a[k].is_object() {
                    spans.push(&a[k]);
                }
            }
        }
        spans.extend(s["status"]["cues"].as_array().into_iter().flatten());
        for sp in spans {
            let (Some(st), Some(en), Some(t)) = (
                sp["start"].as_u64(),
                sp["end"].as_u64(),
                sp["text"].as_str(),
            ) else {
                continue;
            };
            if u16_slice(&units, st as usize, en as usize).as_deref() != Some(t) {
                bad.push(format!("sentence {}: span {st}..{en} {t:?}", s["index"]));
            }
        }
    }
    bad
}

#[test]
fn fixture_gold() {
    let dir = fixtures_dir();
    let gold: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("gold.json")).expect("read gold.json"))
            .expect("parse gold.json");
    let opts = claimlens::Options::default();

    let mut fails: Vec<String> = Vec::new();
    let mut per_field: std::collections::BTreeMap<&'static str, (usize, usize)> =
        Default::default();
    let mut together_fails: Vec<String> = Vec::new();
    let mut together_n = 0;
    let mut known_now_pass: Vec<&str> = Vec::new();
    let mut offset_fails: Vec<String> = Vec::new();
    let mut scores: std::collections::BTreeMap<String, f64> = Default::default();

    let articles = gold["articles"].as_array().expect("articles");
    assert!(!articles.is_empty());
    for art in articles {
        let file = art["file"].as_str().expect("file");
        let short: String = file.chars().take(12).collect();
        let text =
            fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("read {file}: {e}"));
        let report =
            serde_json::to_value(claimlens::analyze(&text, &opts)).expect("serialize report");
        for b in bad_offsets(&text, &report) {
            offset_fails.push(format!("{file}: {b}"));
        }
        if let Some(sc) = report["summary"]["score"].as_f64() {
            scores.insert(file.to_owned(), sc);
        }
        let sentences: Vec<&Value> = report["sentences"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let containing = |needle: &str| -> Vec<&Value> {
            sentences
                .iter()
                .copied()
                .filter(|s| s["text"].as_str().unwrap_or("").contains(needle))
                .collect()
        };

        for e in art["expect"].as_array().into_iter().flatten() {
            let needle = e["contains"].as_str().expect("contains");
            for (field, ok, detail) in check_expect(e, &containing(needle)) {
                let c = per_field.entry(field).or_default();
                c.1 += 1;
                if ok {
                    c.0 += 1;
                } else {
                    let n: String = needle.chars().take(50).collect();
                    fails.push(format!("{short} {field}: {n:?}: {detail}"));
                }
            }
        }
        for t in str_list(&art["together"]) {
            together_n += 1;
            let ok = !containing(&t).is_empty();
            let known = KNOWN_SPLIT.contains(&t.as_str());
            match (ok, known) {
                (false, _) => {
                    let msg = format!(
                        "{short} together: {t:?} is split{}",
                        if known { " (known)" } else { "" }
                    );
                    fails.push(msg.clone());
                    if !known {
                        together_fails.push(msg);
                    }
                }
                (true, true) => {
                    known_now_pass.push(KNOWN_SPLIT.iter().find(|k| **k == t).copied().unwrap())
                }
                (true, false) => {}
            }
        }
    }

    let mut ranking_fails = Vec::new();
    let ranking = gold["ranking"].as_array().cloned().unwrap_or_default();
    for pair in &ranking {
        let (x, y) = (
            pair[0].as_str().unwrap_or(""),
            pair[2].as_str().unwrap_or(""),
        );
        let (sx, sy) = (scores.get(x).copied(), scores.get(y).copied());
        let ok = matches!((sx, sy), (Some(a), Some(b)) if a > b);
        if !ok {
            let msg = format!("ranking: {x} ({sx:?}) should beat {y} ({sy:?})");
            fails.push(msg.clone());
            ranking_fails.push(msg);
        }
    }

    let got: usize = per_field.values().map(|c| c.0).sum();
    let tot: usize = per_field.values().map(|c| c.1).sum();
    let rate = if tot == 0 {
        0.0
    } else {
        got as f64 / tot as f64
    };
    for f in &fails {
        println!("  - {f}");
    }
    for k in &known_now_pass {
        println!("  ! known split {k:?} now passes: remove it from KNOWN_SPLIT");
    }
    let per: Vec<String> = per_field
        .iter()
        .map(|(k, c)| format!("{k}={}/{}", c.0, c.1))
        .collect();
    println!(
        "fixture gold: checks {got}/{tot} ({:.1}%, need {:.1}%) [{}] together {}/{} ranking {}/{} bad-offsets {} scores {:?}",
        100.0 * rate,
        100.0 * MIN_PASS_RATE,
        per.join(" "),
        together_n - fails.iter().filter(|f| f.contains(" together: ")).count(),
        together_n,
        ranking.len() - ranking_fails.len(),
        ranking.len(),
        offset_fails.len(),
        scores
    );

    assert!(
        offset_fails.is_empty(),
        "spans whose offsets do not slice the input:\n{}",
        offset_fails.join("\n")
    );
    assert!(
        together_fails.is_empty(),
        "sentences wrongly split:\n{}",
        together_fails.join("\n")
    );
    assert!(
        ranking_fails.is_empty(),
        "ranking pairs out of order:\n{}",
        ranking_fails.join("\n")
    );
    assert!(
        rate >= MIN_PASS_RATE,
        "fixture gold pass rate {:.1}% is below {:.1}% ({got}/{tot}); failed checks:\n{}",
        100.0 * rate,
        100.0 * MIN_PASS_RATE,
        fails.join("\n")
    );
}

#[test]
fn word_in_matches_like_evalgold() {
    assert!(word_in("may", "may have"));
    assert!(word_in("it is believed", "It is believed"));
    assert!(!word_in("some", "someone"));
    assert!(!word_in("likely", "un-likely"));
    assert!(word_in("About", "about"));
    assert!(!word_in("could", "couldn’t"));
    assert!(word_in("could", "could,"));
}

#[test]
fn gold_contains_strings_occur_in_their_fixture() {
    // Guards against editing a fixture and silently orphaning its gold entries.
    let dir = fixtures_dir();
    let gold: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    for art in gold["articles"].as_array().unwrap() {
        let file = art["file"].as_str().unwrap();
        let text = fs::read_to_string(dir.join(file)).unwrap();
        for e in art["expect"].as_array().unwrap() {
            let c = e["contains"].as_str().unwrap();
            assert!(
                text.contains(c),
                "{file}: gold `contains` not in text: {c:?}"
            );
        }
        for t in str_list(&art["together"]) {
            assert!(
                text.contains(&t),
                "{file}: gold `together` not in text: {t:?}"
            );
        }
    }
}

/// The string at a path of object keys, or "" when any step is missing.
fn str_at(v: &Value, path: &[&str]) -> String {
    path.iter().try_fold(v, |v, k| v.get(*k)).and_then(Value::as_str).unwrap_or("").to_owned()
}
