//! Snapshot tests over the fixture articles in `tests/fixtures/`.
//!
//! Per article, two snapshots in `tests/snapshots/`:
//! - `<name>__sentences`: one compact line per sentence — index, kind, status,
//!   primary attribution (kind, source text, and the article-level source it
//!   resolves to when that differs), hedges (text/category) and the first 60
//!   characters of the sentence;
//! - `<name>__summary`: the article summary as JSON;
//! - `<name>__report`: the whole report as JSON, which `tests/wasm.rs` also
//!   expects, byte-for-byte equal in value, from the wasm build in Chromium.
//!
//! A change in the engine shows up here as a readable diff. Review it with
//! `cargo insta review`, or regenerate with
//! `INSTA_UPDATE=always cargo test --release --test snapshots`, and check the
//! diff before committing. CI runs with `CI=true`, where a mismatch fails.

use claimlens::{analyze, Options, Report};
use std::fmt::Write as _;
use std::path::Path;

fn load(file: &str) -> (String, Report) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let report = analyze(&text, &Options::default());
    (text, report)
}

/// serde's camelCase name of a unit enum value ("namedPerson", "claim" …).
fn label<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

fn one_line(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out: String = flat.chars().take(max).collect();
    if flat.chars().count() > max {
        out.push('…');
    }
    out
}

fn sentence_table(report: &Report) -> String {
    let mut out = String::new();
    for s in &report.sentences {
        let kind = label(&s.kind);
        let status = if kind == "claim" {
            label(&s.status.label)
        } else {
            "-".into()
        };
        let att = match s.attributions.first() {
            None => "none".to_string(),
            Some(a) => {
                let mut t = label(&a.kind);
                if let Some(src) = &a.source {
                    write!(t, " {:?}", src.text).unwrap();
                    if let Some(name) = src
                        .source_id
                        .and_then(|id| report.sources.iter().find(|x| x.id == id))
                        .map(|x| &x.name)
                    {
                        if name != &src.text {
                            write!(t, "→{name:?}").unwrap();
                        }
                    }
                }
                if s.attributions.len() > 1 {
                    write!(t, " (+{})", s.attributions.len() - 1).unwrap();
                }
                t
            }
        };
        let hedges: Vec<String> = s
            .hedges
            .iter()
            .map(|h| format!("{}/{}", h.text, label(&h.category)))
            .collect();
        write!(out, "{:>2} {:<11} {:<11} {}", s.index, kind, status, att).unwrap();
        if !hedges.is_empty() {
            write!(out, " | hedges: {}", hedges.join(", ")).unwrap();
        }
        writeln!(out, "\n   {}", one_line(&s.text, 60)).unwrap();
    }
    out
}

macro_rules! fixture_snapshots {
    ($($test:ident => $file:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let (_text, report) = load($file);
            insta::assert_snapshot!(concat!(stringify!($test), "__sentences"), sentence_table(&report));
            insta::assert_json_snapshot!(concat!(stringify!($test), "__summary"), report.summary);
            // The whole report: tests/wasm.rs checks that the wasm build gives exactly this.
            insta::assert_json_snapshot!(concat!(stringify!($test), "__report"), report);
        }
    )*};
}

fixture_snapshots! {
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
