//! Property tests: the offset and report invariants of `claimlens::analyze`
//! hold for arbitrary text and for generated news-like text.
//! The checker lives in tests/common/mod.rs.

mod common;

use claimlens::{analyze, try_analyze, ExtraTerm, Options};
use proptest::prelude::*;

/// Pieces of news-like text, chosen to stress segmentation and offsets.
const PIECES: &[&str] = &[
    "Mr.", "Mrs.", "Dr.", "Gen.", "Jan.", "St.", "U.S.", "U.N.", "Inc.", "a.m.", "V.", "J.R.R.", "No.", "vs.",
    "said", "says", "told", "reportedly", "allegedly", "according to", "may", "might", "could", "about",
    "nearly", "some", "it is believed", "sources said", "officials", "a senior official", "Reuters",
    "confirmed", "denied", "unconfirmed", "possibly", "perhaps", "if", "he", "she", "it", "they", "the", "a",
    "President", "Kim", "Shin Wonsik", "Putin", "North Korea", "Seoul", "Moscow", "Ministry of Defense",
    "“", "”", "\"", "’", "‘", "'", "«", "»", "(", ")", "[", "]", ",", ";", ":", "—", "–", "-",
    ".", "!", "?", "?!", "...", "…", ". . .", "😀", "👍🏽", "🇺🇸", "e\u{301}", "n\u{303}o", "Z\u{335}\u{31b}",
    "مرحبا", "قال المسؤول", "שלום", "אמר", "\u{200f}", "\u{200e}", "\u{202e}", "\u{feff}", "\u{200b}",
    "\r\n", "\n", "\n\n", "\r", "\t", "\0", "\u{2028}", "\u{2029}", "\u{85}", "\u{a0}", "\u{3000}",
    "10,000", "3.5", "$1.2 billion", "50%", "1.", "2)", "2024", "https://example.org/a.b?x=1", "x@y.org",
    "- ", "* ", "• ", "<p>", "</p>", "&amp;", "。", "！", "？", "‼", "ǅ", "ß", "İ", "ﬃ", "Σ", "\u{10ffff}",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        2 => "[A-Z][a-z]{0,8}",
        2 => "[a-z]{1,10}",
        1 => "[0-9]{1,6}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&[" ", " ", " ", " ", "", "-", "\n", "\r\n", "\n\n", "\r\n\r\n", "\t", "  ", "\u{a0}"][..])
}

/// Generated news-like text: pieces joined by assorted white space.
fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), separator()), 0..120).prop_map(|v| {
        let mut s = String::new();
        for (p, sep) in v {
            s.push_str(&p);
            s.push_str(sep);
        }
        s
    })
}

/// Sentences that look like real reporting, so attribution, sources, status and
/// scoring all run (random pieces rarely form a full attribution).
fn news_sentences() -> impl Strategy<Value = String> {
    let subj = prop::sample::select(
        &["Officials", "Mr. Shin", "A senior U.S. official", "Reuters", "The ministry", "He", "She", "Dr. Ana B. Costa", "Sources", "Some experts", "“It”"][..],
    );
    let verb = prop::sample::select(&["said", "told reporters", "confirmed", "denied", "claimed", "reportedly said", "may have said", "declined to confirm"][..]);
    let body = prop::sample::select(
        &[
            "the deal was signed",
            "about 10,000 troops 😀 were moved",
            "the bridge reopened at 9 a.m.",
            "“we will act”",
            "it could be true, according to the U.S.",
            "prices rose 3.5 percent",
            "e\u{301}lite units قال left",
            "שלום was possibly delayed",
        ][..],
    );
    let end = prop::sample::select(&[".", ".”", "!", "?", "...", "", ". ", ".\r\n", ".\n\n"][..]);
    prop::collection::vec((subj, verb, body, end, separator()), 1..12).prop_map(|v| {
        let mut s = String::new();
        for (i, (a, b, c, d, sep)) in v.into_iter().enumerate() {
            if i % 3 == 2 {
                s.push_str(&format!("“{c},” {a} {b}{d}{sep}"));
            } else {
                s.push_str(&format!("{a} {b} {c}{d}{sep}"));
            }
        }
        s
    })
}

fn options() -> impl Strategy<Value = Options> {
    let extra = prop::collection::vec(
        (
            prop::sample::select(&["word on the street", "maybe", "perchance", "naïve", "😀", "said", "u.s.", "according"][..]),
            prop::sample::select(&["epistemic", "weasel", "distancing", "modal", "approximator", "conditional"][..]),
            prop::option::of(0.0f32..=1.0),
        ),
        0..3,
    );
    let disabled = prop::collection::vec(prop::sample::select(&["reportedly", "said", "according to", "may", "about", "officials"][..]), 0..3);
    (extra, disabled).prop_map(|(extra, disabled)| Options {
        extra_terms: extra
            .into_iter()
            .map(|(p, c, w)| ExtraTerm { lexicon: "hedges".into(), phrase: p.into(), category: c.into(), weight: w })
            .collect(),
        disabled_terms: disabled.into_iter().map(str::to_string).collect(),
        ..Options::default()
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

proptest! {
    // Found failures become named regression tests below, not a persistence file.
    // PROPTEST_CASES overrides the default of 256 cases for a longer run.
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_chars_give_valid_offsets(chars in prop::collection::vec(any::<char>(), 0..400)) {
        let text: String = chars.into_iter().collect();
        let r = analyze(&text, &Options::default());
        prop_assert!(r.warnings.iter().all(|w| !w.contains("size limit")));
        common::check_report(&text, &r);
    }

    #[test]
    fn arbitrary_str_gives_valid_offsets(text in any::<String>()) {
        common::check_report(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn lossy_bytes_give_valid_offsets(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        common::check_report(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn news_like_text_gives_valid_offsets(text in news_like()) {
        let r = analyze(&text, &Options::default());
        common::check_report(&text, &r);
        // try_analyze agrees with analyze when the input is accepted.
        prop_assert_eq!(try_analyze(&text, &Options::default()).expect("accepted"), r);
    }

    #[test]
    fn news_sentences_give_valid_offsets(text in news_sentences()) {
        let r = analyze(&text, &Options::default());
        common::check_report(&text, &r);
        prop_assert!(!r.sentences.is_empty());
    }

    #[test]
    fn options_keep_offsets_valid(text in prop_oneof![news_sentences(), news_like()], opts in options()) {
        let r = try_analyze(&text, &opts).expect("valid options are accepted");
        common::check_report(&text, &r);
        for s in &r.sentences {
            for h in &s.hedges {
                for d in &opts.disabled_terms {
                    prop_assert!(!h.text.eq_ignore_ascii_case(d), "disabled term {:?} still a hedge", d);
                }
            }
        }
    }

    /// CRLF line ends segment exactly like LF line ends.
    #[test]
    fn crlf_segments_like_lf(text in news_like()) {
        let lf = text.replace("\r\n", "\n").replace('\r', "\n");
        let crlf = lf.replace('\n', "\r\n");
        let a = analyze(&lf, &Options::default());
        let b = analyze(&crlf, &Options::default());
        common::check_report(&crlf, &b);
        let ta: Vec<String> = a.sentences.iter().map(|s| s.text.replace('\n', "\r\n")).collect();
        let tb: Vec<String> = b.sentences.iter().map(|s| s.text.clone()).collect();
        prop_assert_eq!(ta, tb);
        prop_assert_eq!(a.stats.paragraphs, b.stats.paragraphs);
    }

    /// Analysis is deterministic.
    #[test]
    fn analysis_is_deterministic(text in news_sentences()) {
        prop_assert_eq!(analyze(&text, &Options::default()), analyze(&text, &Options::default()));
    }

    /// The size limit is exact: at the limit the text is accepted, one byte under it is refused.
    #[test]
    fn size_limit_is_exact(text in "\\PC{1,60}") {
        let n = text.len();
        let at = Options { max_bytes: n, ..Options::default() };
        prop_assert!(try_analyze(&text, &at).is_ok());
        let under = Options { max_bytes: n - 1, ..Options::default() };
        prop_assert_eq!(
            try_analyze(&text, &under).unwrap_err(),
            claimlens::Error::TooLarge { bytes: n, limit: n - 1 }
        );
        common::check_refused(&analyze(&text, &under));
    }
}
