//! Fuzz `claimlens::analyze` on arbitrary bytes (decoded as lossy UTF-8) and
//! check every report invariant with the same checker the tests use.
//! Run: `cargo +nightly fuzz run analyze` (or `make fuzz`).
#![no_main]

use claimlens::{analyze, ExtraTerm, Options};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options (building a custom lexicon is slow, so
    // only byte 1 does); the rest is the text.
    let (sel, rest) = data.split_first().map_or((0, data), |(s, r)| (*s, r));
    let text = String::from_utf8_lossy(rest);
    let opts = match sel {
        1 => Options {
            extra_terms: vec![
                ExtraTerm { lexicon: "hedges".into(), phrase: "😀 maybe".into(), category: "weasel".into(), weight: Some(0.7) },
                ExtraTerm { lexicon: "hedges".into(), phrase: "naïve".into(), category: "epistemic".into(), weight: None },
            ],
            disabled_terms: vec!["reportedly".into(), "said".into()],
            ..Options::default()
        },
        2 => Options { max_bytes: rest.len() / 2, ..Options::default() },
        _ => Options::default(),
    };
    let report = analyze(&text, &opts);
    if text.len() > opts.max_bytes {
        common::check_refused(&report);
    } else {
        common::check_report(&text, &report);
    }
});
