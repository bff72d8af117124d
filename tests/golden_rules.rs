//! The "Golden Rules" of English sentence splitting (the 48-case list that
//! pragmatic_segmenter and pySBD publish), one case per rule, each written
//! anew for this project with the same trap: the rule's number and title are
//! theirs, the sentences are ours. Cases live in `tests/golden_rules.json`
//! (`[{"id","text","sentences"}]`), which the shared scorer also reads:
//! `evalgold.py segment --cli target/release/claimlens --gold tests/golden_rules.json`.

use claimlens::{analyze, Options};

/// Rules the splitter knowingly gets wrong, with the reason (see the README,
/// "How it decides", Sentences).
const KNOWN_FAILING: &[(u32, &str)] = &[];

#[derive(serde::Deserialize)]
struct Case {
    id: String,
    rule: u32,
    text: String,
    sentences: Vec<String>,
}

#[test]
fn golden_rules() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("golden_rules.json")).expect("golden_rules.json parses");
    assert_eq!(cases.len(), 48, "one case per rule");
    let mut failed = Vec::new();
    for c in &cases {
        let report = analyze(&c.text, &Options::default());
        let got: Vec<&str> = report.sentences.iter().map(|s| s.text.as_str()).collect();
        let known = KNOWN_FAILING.iter().any(|&(r, _)| r == c.rule);
        if got != c.sentences {
            failed.push(c.rule);
            if !known {
                eprintln!("rule {}: got {got:?}\n   want {:?}", c.id, c.sentences);
            }
        } else if known {
            eprintln!("rule {} passes now: take it off KNOWN_FAILING", c.id);
        }
    }
    let known: Vec<u32> = KNOWN_FAILING.iter().map(|&(r, _)| r).collect();
    eprintln!("Golden Rules: {}/48 pass", 48 - failed.len());
    assert_eq!(failed, known, "failing rules differ from KNOWN_FAILING");
}
