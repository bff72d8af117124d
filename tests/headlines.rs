//! Headlines are claims too (issue 15): the fixtures in
//! `tests/fixtures/headlines.json`, each analysed alone as a one-line heading.
//! Title case, capitals, questions, colons, inverted attributions, debunks and
//! headings with no verb. All stories and names are invented.

use claimlens::{analyze, report::fixed, Options, SentenceKind};
use serde_json::Value;

#[test]
fn headline_fixtures() {
    let data: Value = serde_json::from_str(include_str!("fixtures/headlines.json")).expect("headlines.json parses");
    let cases = data["cases"].as_array().expect("cases");
    assert!(cases.len() >= 60, "at least 60 headline fixtures, got {}", cases.len());
    let mut failures = Vec::new();
    for c in cases {
        let text = c["text"].as_str().expect("text");
        let r = analyze(text, &Options::default());
        let Some(s) = r.sentences.first() else {
            failures.push(format!("{text:?}: no sentence"));
            continue;
        };
        let mut fail = |what: String| failures.push(format!("{text:?}: {what}"));
        if r.sentences.len() != 1 {
            fail(format!("split into {} sentences", r.sentences.len()));
        }
        if s.kind != SentenceKind::Heading {
            fail(format!("kind {:?}, want heading", s.kind));
        }
        let label = serde_json::to_value(s.status.label).unwrap();
        if let Some(want) = c.get("status") {
            if &label != want {
                fail(format!("status {label}, want {want} ({})", s.status.why));
            }
        }
        let att = s.attributions.first();
        let kind = att.map_or(Value::from("none"), |a| serde_json::to_value(a.kind).unwrap());
        if let Some(want) = c.get("attribution") {
            if &kind != want {
                fail(format!("attribution {kind}, want {want}"));
            }
        }
        if let Some(want) = c.get("source").and_then(Value::as_str) {
            let got = att.and_then(|a| a.source.as_ref()).map_or("", |x| x.text.as_str());
            if !got.contains(want) {
                fail(format!("source {got:?}, want {want:?}"));
            }
        }
        if let Some(want) = c.get("cue").and_then(Value::as_str) {
            let found = s.status.cues.iter().any(|x| x.text.contains(want)) || s.hedges.iter().any(|h| h.text.contains(want) || want.contains(&h.text));
            if !found {
                fail(format!("cue {want:?} not among {:?} / {:?}", s.status.cues.iter().map(|x| &x.text).collect::<Vec<_>>(), s.hedges.iter().map(|h| &h.text).collect::<Vec<_>>()));
            }
        }
        let topic = s.status.why == fixed::HEADING_TOPIC;
        let want_topic = c.get("noClaim").and_then(Value::as_bool).unwrap_or(false);
        if c.get("status").is_some() && topic != want_topic {
            fail(format!("states no claim: {topic}, want {want_topic}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} headlines fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
