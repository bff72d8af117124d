//! Scores. They measure sourcing — who backs a claim and how firmly the writer
//! states it — not whether the claim is true.
//!
//! Claim score (0–100):
//! - start from the primary attribution: named person 70, named organisation 65,
//!   unnamed official 40, vague 20, none 10;
//! - +10 when a named source is quoted directly; +5 when a second, different
//!   source also backs it;
//! - status: confirmed +15, unconfirmed −15, speculative −10;
//! - hedges: −10 per unit of hedge weight, at most −20.
//!
//! Checkworthiness (0–1): how much the claim deserves checking: numbers, names
//! and events raise it; a weak source or a hedge raises it further.
//!
//! Article score: the mean score of the check-worthy claims, weighted by
//! checkworthiness. A claim is check-worthy when it makes a claim a reader
//! should want checked: it has a source, a hedge or a status other than
//! "asserted", a figure (a digit that is not a bare year, or "million",
//! "percent" …), or an allegation, a cause or a prediction
//! (`data/checkworthy.txt`). The rest is background ("The bridge opened in
//! 1932."): it does not pull the score down. With no check-worthy claim at
//! all, every claim counts.
//!
//! Band: the article score in words, calibrated on 924 real news articles
//! (docs/calibration.md, `tools/calibrate.py`); see [`band`].

use crate::cues::PhraseSet;
use crate::report::{fixed, AttributionKind, Band, AttributionCounts, StatusCounts, Hedge, HedgeCategory, QuoteType, Sentence, SentenceKind, StatusLabel, Summary, Typical, SCORE_NOTE};
use std::sync::OnceLock;

pub const CHECKWORTHY_DATA: &str = include_str!("../data/checkworthy.txt");
/// Its entry lines, without the comments (compiled in; see `lexicon::strip_comments`).
const CHECKWORTHY_ENTRIES: &str = crate::entry_lines!(CHECKWORTHY_DATA);

/// Band thresholds on the article score (docs/calibration.md says why).
pub const WELL_SOURCED_MIN: u32 = 45;
pub const MIXED_MIN: u32 = 20;
/// Below this, an article is `unsourced` whatever its mix of sources.
pub const UNSOURCED_BELOW: u32 = 10;
/// The middle half (25th to 75th percentile) of the straight-news outlets'
/// scores in the calibration set (docs/calibration.md).
pub const TYPICAL: Typical = Typical { low: 28, high: 48 };

fn checkworthy_cues() -> &'static PhraseSet<()> {
    static P: OnceLock<PhraseSet<()>> = OnceLock::new();
    P.get_or_init(|| PhraseSet::parse(CHECKWORTHY_ENTRIES, |c| matches!(c, "allegation" | "cause" | "prediction" | "figure").then_some(())))
}

/// A digit that is part of a figure: not a bare year ("in 2016"), not an
/// ordinal ("21st").
fn has_figure(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || ((b[i] == b',' || b[i] == b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit))) {
            i += 1;
        }
        let run = &b[start..i];
        let before = start.checked_sub(1).map(|j| b[j]);
        let after = b.get(i).copied();
        let year = run.len() == 4 && (run.starts_with(b"19") || run.starts_with(b"20")) && before != Some(b'$');
        let ordinal = after.is_some_and(|c| c.is_ascii_alphabetic()) && matches!(b.get(i..i + 2), Some(b"st" | b"nd" | b"rd" | b"th"));
        if !year && !ordinal {
            return true;
        }
    }
    false
}

/// Whether a claim sentence makes a check-worthy claim (see the module doc).
pub fn is_check_worthy(s: &Sentence) -> bool {
    s.kind == SentenceKind::Claim
        && (!s.attributions.is_empty() || !s.hedges.is_empty() || s.status.label != StatusLabel::Asserted || has_figure(&s.text) || !checkworthy_cues().find(&s.text).is_empty())
}

fn kind_words(k: AttributionKind) -> &'static str {
    match k {
        AttributionKind::NamedPerson => "a named person",
        AttributionKind::NamedOrganization => "a named organisation",
        AttributionKind::UnnamedOfficial => "an unnamed official source",
        AttributionKind::Vague => "a vague source",
    }
}

/// Score one sentence in place (claims only; others get 0 and one reason).
pub fn score_sentence(s: &mut Sentence, has_number: bool, has_name: bool, words: usize) {
    if s.kind != SentenceKind::Claim {
        s.score = 0;
        s.checkworthiness = 0.0;
        s.reasons = vec![not_scored(s.kind).into()];
        return;
    }
    let mut reasons = Vec::with_capacity(6);
    let mut score: i32;
    match s.attributions.first() {
        Some(a) => {
            score = match a.kind {
                AttributionKind::NamedPerson => 70,
                AttributionKind::NamedOrganization => 65,
                AttributionKind::UnnamedOfficial => 40,
                AttributionKind::Vague => 20,
            };
            let (w0, who, w1) = a.source.as_ref().map_or(("", "", ""), |x| (" “", x.text.as_str(), "”"));
            let (c0, cue, c1) = a.cue.as_ref().map_or(("", "", ""), |c| (" (cue “", c.text.as_str(), "”)"));
            let points = match score {
                70 => "70",
                65 => "65",
                40 => "40",
                _ => "20",
            };
            reasons.push(cat(&["Backed by ", kind_words(a.kind), w0, who, w1, c0, cue, c1, ": +", points, "."]).into());
            let named = matches!(a.kind, AttributionKind::NamedPerson | AttributionKind::NamedOrganization);
            if named && a.quote == QuoteType::Direct {
                score += 10;
                reasons.push(fixed::QUOTED_DIRECTLY.into());
            }
            if s.attributions.iter().skip(1).any(|b| b.source.as_ref().map(|x| &x.text) != a.source.as_ref().map(|x| &x.text) && b.source.is_some()) {
                score += 5;
                reasons.push(fixed::SECOND_SOURCE.into());
            }
        }
        None => {
            score = 10;
            reasons.push(fixed::NO_SOURCE.into());
        }
    }
    match s.status.label {
        StatusLabel::Confirmed => {
            score += 15;
            reasons.push(cat(&["Confirmed: ", &s.status.why, " +15."]).into());
        }
        StatusLabel::Unconfirmed => {
            score -= 15;
            reasons.push(cat(&[&s.status.why, " −15."]).into());
        }
        StatusLabel::Speculative => {
            score -= 10;
            reasons.push(cat(&[&s.status.why, " −10."]).into());
        }
        _ => {}
    }
    let weight: f64 = s.hedges.iter().map(|h| h.weight).sum();
    if weight > 0.0 {
        let pen = ((weight * 10.0).round() as i32).min(20);
        score -= pen;
        reasons.push(hedged_by(&s.hedges, pen).into());
    }
    s.score = score.clamp(0, 100) as u32;
    reasons.push(fixed::NOT_TRUTH.into());
    s.reasons = reasons;

    let mut cw: f32 = 0.3;
    if has_number {
        cw += 0.25;
    }
    if has_name {
        cw += 0.15;
    }
    if matches!(s.status.label, StatusLabel::Asserted | StatusLabel::Unconfirmed | StatusLabel::Speculative) {
        cw += 0.15;
    }
    if s.attributions.first().is_none_or(|a| matches!(a.kind, AttributionKind::Vague | AttributionKind::UnnamedOfficial)) {
        cw += 0.1;
    }
    if words < 6 {
        cw -= 0.15;
    }
    s.checkworthiness = round2(cw.clamp(0.0, 1.0) as f64);
}

/// "Hedged by “may” (modal), “reportedly” (distancing): −10."
fn hedged_by(h: &[Hedge], pen: i32) -> String {
    let mut out = String::with_capacity(24 + h.iter().map(|x| x.text.len() + 24).sum::<usize>());
    out.push_str("Hedged by ");
    for (i, x) in h.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('“');
        out.push_str(&x.text);
        out.push_str("” (");
        out.push_str(category_name(x.category));
        out.push(')');
    }
    out.push_str(": −");
    // the digits by hand: this runs for every hedged claim, `to_string` is slow
    match u8::try_from(pen) {
        Ok(p) if p < 100 => {
            if p >= 10 {
                out.push(char::from(b'0' + p / 10));
            }
            out.push(char::from(b'0' + p % 10));
        }
        _ => out.push_str(&pen.to_string()),
    }
    out.push('.');
    out
}

/// Concatenate without the formatting machinery (reasons are built per claim).
pub fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

fn category_name(c: HedgeCategory) -> &'static str {
    match c {
        HedgeCategory::Distancing => "distancing",
        HedgeCategory::Modal => "modal",
        HedgeCategory::Epistemic => "epistemic",
        HedgeCategory::Approximator => "approximator",
        HedgeCategory::Conditional => "conditional",
        HedgeCategory::Weasel => "weasel",
        HedgeCategory::Label => "label",
    }
}

/// "Not scored: this is a … line, not a claim."
fn not_scored(k: SentenceKind) -> &'static str {
    match k {
        SentenceKind::Claim => fixed::NOT_SCORED_CLAIM,
        SentenceKind::Heading => fixed::NOT_SCORED_HEADING,
        SentenceKind::Boilerplate => fixed::NOT_SCORED_BOILERPLATE,
        SentenceKind::Other => fixed::NOT_SCORED_OTHER,
    }
}

/// The article summary. `worthy[i]` is [`is_check_worthy`] of sentence `i`,
/// worked out in the parallel scoring pass; where it is missing the test
/// runs here.
pub fn summarize(sentences: &[Sentence], worthy: &[bool], words_in_claims: usize) -> Summary {
    let mut sum = Summary { note: SCORE_NOTE.into(), ..Default::default() };
    let mut weighted = 0.0f64;
    let mut weights = 0.0f64;
    // the same over every claim, for a text with no check-worthy claim
    let (mut all_weighted, mut all_weights) = (0.0f64, 0.0f64);
    let mut hedges = 0usize;
    // among the check-worthy claims: named, no source, unconfirmed or speculative
    let (mut named, mut unsourced, mut doubted) = (0usize, 0usize, 0usize);
    for (i, s) in sentences.iter().enumerate().filter(|(_, s)| s.kind == SentenceKind::Claim) {
        sum.claims += 1;
        hedges += s.hedges.len();
        let c = &mut sum.by_status;
        match s.status.label {
            StatusLabel::Denied => c.denied += 1,
            StatusLabel::Confirmed => c.confirmed += 1,
            StatusLabel::Unconfirmed => c.unconfirmed += 1,
            StatusLabel::Speculative => c.speculative += 1,
            StatusLabel::Claimed => c.claimed += 1,
            StatusLabel::Asserted => c.asserted += 1,
        }
        let a = &mut sum.by_attribution;
        match s.attributions.first().map(|x| x.kind) {
            Some(AttributionKind::NamedPerson) => a.named_person += 1,
            Some(AttributionKind::NamedOrganization) => a.named_organization += 1,
            Some(AttributionKind::UnnamedOfficial) => a.unnamed_official += 1,
            Some(AttributionKind::Vague) => a.vague += 1,
            None => a.none += 1,
        }
        let w = s.checkworthiness.max(0.05);
        all_weighted += w * s.score as f64;
        all_weights += w;
        if worthy.get(i).copied().unwrap_or_else(|| is_check_worthy(s)) {
            sum.check_worthy += 1;
            weighted += w * s.score as f64;
            weights += w;
            match s.attributions.first().map(|x| x.kind) {
                Some(AttributionKind::NamedPerson | AttributionKind::NamedOrganization) => named += 1,
                None => unsourced += 1,
                _ => {}
            }
            if matches!(s.status.label, StatusLabel::Unconfirmed | StatusLabel::Speculative) {
                doubted += 1;
            }
        }
    }
    sum.typical = TYPICAL;
    if sum.claims > 0 {
        let a = &sum.by_attribution;
        sum.named_source_share = round2((a.named_person + a.named_organization) as f64 / sum.claims as f64);
        if sum.check_worthy == 0 {
            // no check-worthy claim: every claim counts, with the same shares
            (weighted, weights) = (all_weighted, all_weights);
            named = a.named_person + a.named_organization;
            unsourced = a.none;
            doubted = sum.by_status.unconfirmed + sum.by_status.speculative;
        }
        sum.score = (weighted / weights).round().clamp(0.0, 100.0) as u32;
        let n = if sum.check_worthy == 0 { sum.claims } else { sum.check_worthy };
        let b = band(sum.score, n, named, unsourced, doubted);
        sum.band = Some(b);
        sum.band_why = band_why(b, n, named, unsourced, doubted);
        sum.hedge_density = round2(100.0 * hedges as f64 / words_in_claims.max(1) as f64);
        let a = &sum.by_attribution;
        sum.reasons = summary_reasons(sum.claims, a, hedges, words_in_claims, &sum.by_status);
        sum.reasons.push(check_worthy_reason(sum.check_worthy, sum.claims));
    } else {
        sum.reasons = vec!["No claims found, so there is nothing to score.".into()];
    }
    sum
}

/// The summary's lines in plain words: counts with their plurals right, and
/// no line or clause for a count of 0 (never "0 claims are unconfirmed").
fn summary_reasons(claims: usize, a: &AttributionCounts, hedges: usize, words: usize, st: &StatusCounts) -> Vec<String> {
    let named = a.named_person + a.named_organization;
    let mut out = vec![format!(
        "{named} of {claims} {} who says so (a person or an organisation).",
        if claims == 1 { "claim names" } else { "claims name" }
    )];
    out.extend(counted(&[
        (a.unnamed_official, "rests on unnamed officials", "rest on unnamed officials"),
        (a.vague, "rests on a vague source (\u{201c}experts say\u{201d})", "rest on vague sources (\u{201c}experts say\u{201d})"),
        (a.none, "gives no source", "give no source"),
    ]));
    out.push(if hedges == 0 {
        "No words soften the claims (words such as \u{201c}reportedly\u{201d} or \u{201c}may\u{201d}).".into()
    } else {
        format!(
            "{hedges} {} the claims: {} per 100 words of claims.",
            if hedges == 1 { "word softens" } else { "words soften" },
            tenths(hedges, words.max(1))
        )
    });
    out.extend(counted(&[
        (st.unconfirmed, "is unconfirmed", "are unconfirmed"),
        (st.speculative, "is only a guess (speculative)", "are only a guess (speculative)"),
        (st.denied, "is denied by someone", "are denied by someone"),
    ]));
    out
}

/// Counts of claims as one sentence, leaving out the zeros: "1 claim rests
/// on unnamed officials; 2 give no source." `None` when every count is 0.
fn counted(parts: &[(usize, &str, &str)]) -> Option<String> {
    let mut out = String::new();
    for &(n, one, many) in parts.iter().filter(|p| p.0 > 0) {
        let noun = match (out.is_empty(), n) {
            (true, 1) => " claim",
            (true, _) => " claims",
            _ => "",
        };
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(&format!("{n}{noun} {}", if n == 1 { one } else { many }));
    }
    (!out.is_empty()).then(|| out + ".")
}

/// The band of an article with score `score` and `n` claims counted, of
/// which `named` name their source, `unsourced` give none and `doubted` are
/// unconfirmed or speculative:
/// - `wellSourced`: score ≥ 45, and at least half the claims name who says so;
/// - `mixed`: score ≥ 20 (or ≥ 45 with fewer than half named);
/// - `unsourced`: score < 10, or score < 20 with under 30% named and either
///   half with no source or 60% unconfirmed or speculative;
/// - `thinlySourced`: the rest below 20: mostly unnamed or vague sources, or
///   many hedges.
pub fn band(score: u32, n: usize, named: usize, unsourced: usize, doubted: usize) -> Band {
    if score >= WELL_SOURCED_MIN && 2 * named >= n {
        Band::WellSourced
    } else if score >= MIXED_MIN {
        Band::Mixed
    } else if score < UNSOURCED_BELOW || (10 * named < 3 * n && (2 * unsourced >= n || 10 * doubted >= 6 * n)) {
        Band::Unsourced
    } else {
        Band::ThinlySourced
    }
}

/// "1 claim worth checking" / "3 claims worth checking".
fn claims_word(n: usize) -> &'static str {
    if n == 1 {
        "claim worth checking"
    } else {
        "claims worth checking"
    }
}

fn band_why(b: Band, n: usize, named: usize, unsourced: usize, doubted: usize) -> String {
    let names = if named == 1 { "names" } else { "name" };
    let give = if unsourced == 1 { "gives" } else { "give" };
    let is = if doubted == 1 { "is" } else { "are" };
    match b {
        Band::WellSourced => format!("Well sourced: {named} of {n} {} {names} who says so.", claims_word(n)),
        Band::Mixed => format!("Mixed: {named} of {n} {} {names} who says so; the others rest on unnamed or vague sources, on no source, or on words that soften them.", claims_word(n)),
        Band::ThinlySourced => format!("Thinly sourced: only {named} of {n} {} {names} who says so; most rest on unnamed or vague sources, or are softened.", claims_word(n)),
        Band::Unsourced => {
            // only what holds: "0 give no source" is no reason for this band
            let mut w = format!("Mostly unsourced or guesswork: only {named} of {n} {} {names} who says so", claims_word(n));
            if unsourced > 0 {
                w += &format!("; {unsourced} {give} no source");
            }
            if doubted > 0 {
                w += &format!("; {doubted} {is} unconfirmed or only a guess");
            }
            w + "."
        }
    }
}

fn check_worthy_reason(c: usize, n: usize) -> String {
    const WHY: &str = "a number, a source, an accusation, a cause, a prediction, or words that soften it";
    if c == 0 {
        format!("No claim has {WHY}, so every claim counts in the score.")
    } else if c == n {
        if n == 1 {
            format!("The claim is worth checking ({WHY}), and it counts in the score.")
        } else {
            format!("All {n} claims are worth checking ({WHY}), and all count in the score.")
        }
    } else {
        let cv = if c == 1 { "is" } else { "are" };
        let rest = if n - c == 1 {
            "the other one is a background statement and does not count in the score".to_string()
        } else {
            format!("the other {} are background statements and do not count in the score", n - c)
        };
        format!("{c} of {n} claims {cv} worth checking ({WHY}); {rest}.")
    }
}

/// Rounded in f64, so the JSON and the wasm (JS number) forms print alike.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `100·n/d` to one decimal ("0.4"), worked out in integers, half up: the
/// wasm then carries no float formatter.
fn tenths(n: usize, d: usize) -> String {
    let d = d.max(1);
    let t = (2000 * n + d) / (2 * d);
    format!("{}.{}", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    fn worthy(text: &str) -> bool {
        let r = analyze(text, &Options::default());
        r.sentences.iter().any(is_check_worthy)
    }

    #[test]
    fn summary_lines_get_plurals_right_and_leave_out_zeros() {
        let a = AttributionCounts { named_person: 1, unnamed_official: 1, vague: 2, ..Default::default() };
        let st = StatusCounts { unconfirmed: 1, ..Default::default() };
        let r = summary_reasons(4, &a, 1, 40, &st);
        assert_eq!(r[0], "1 of 4 claims name who says so (a person or an organisation).");
        assert_eq!(r[1], "1 claim rests on unnamed officials; 2 rest on vague sources (\u{201c}experts say\u{201d}).");
        assert_eq!(r[2], "1 word softens the claims: 2.5 per 100 words of claims.");
        assert_eq!(r[3], "1 claim is unconfirmed.");
        // nothing to count: no line says "0 claims …" or "0.0"
        let a = AttributionCounts { named_organization: 1, ..Default::default() };
        let r = summary_reasons(1, &a, 0, 12, &StatusCounts::default());
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0], "1 of 1 claim names who says so (a person or an organisation).");
        assert!(r.iter().all(|l| !l.contains(" 0 ") && !l.starts_with("0 claims") && !l.contains("0.0")), "{r:?}");
        // many of each
        let a = AttributionCounts { none: 3, ..Default::default() };
        let st = StatusCounts { speculative: 2, denied: 1, ..Default::default() };
        let r = summary_reasons(3, &a, 6, 30, &st);
        assert_eq!(r[1], "3 claims give no source.");
        assert_eq!(r[2], "6 words soften the claims: 20.0 per 100 words of claims.");
        assert_eq!(r[3], "2 claims are only a guess (speculative); 1 is denied by someone.");
    }

    #[test]
    fn the_check_worthy_line_counts_the_background_in_words() {
        assert!(check_worthy_reason(25, 26).ends_with("the other one is a background statement and does not count in the score."));
        assert!(check_worthy_reason(3, 5).ends_with("the other 2 are background statements and do not count in the score."));
        assert!(check_worthy_reason(1, 1).starts_with("The claim is worth checking"));
    }

    #[test]
    fn the_unsourced_band_gives_only_reasons_that_hold() {
        // a low score with every claim sourced, vaguely, and none doubted
        let w = band_why(Band::Unsourced, 3, 0, 0, 0);
        assert_eq!(w, "Mostly unsourced or guesswork: only 0 of 3 claims worth checking name who says so.");
        let w = band_why(Band::Unsourced, 3, 0, 1, 2);
        assert!(w.ends_with("; 1 gives no source; 2 are unconfirmed or only a guess."), "{w}");
    }

    #[test]
    fn figures_but_not_bare_years_or_ordinals() {
        assert!(has_figure("The fund lost $3 million."));
        assert!(has_figure("It rose 4.5% in 2016."));
        assert!(has_figure("About 2,000 people came."));
        assert!(!has_figure("The bridge opened in 1932."));
        assert!(!has_figure("It is the 21st bridge on the river."));
        assert!(!has_figure("No digits here."));
    }

    #[test]
    fn checkworthy_cues() {
        // one line per cue in data/checkworthy.txt that a test pins: (text, check-worthy?)
        let cases: &[(&str, bool)] = &[
            ("The mayor accused the council of hiding the report.", true),
            ("The bridge closed because the river rose.", true),
            ("The strike led to long queues at the port.", true),
            ("Fares will rise next spring.", true),
            ("Thousands of riders use the line.", true),
            ("Prices are expected to fall.", true),
            ("The council was charged with fraud.", true),
            // background: no figure, no source, no cue
            ("The bridge opened in 1932.", false),
            ("The port sits on the east bank of the river.", false),
            ("She grew up in Varnel.", false),
        ];
        for (t, want) in cases {
            assert_eq!(worthy(t), *want, "{t}");
        }
        // a source, a hedge or a status makes a claim check-worthy too
        assert!(worthy("Officials said the bridge reopened."));
        assert!(worthy("The bridge reportedly reopened."));
    }

    #[test]
    fn background_does_not_pull_the_score_down() {
        let sourced = "The council will cut 40 night buses, Mayor Dana Whitfield said on Tuesday. The cut saves $2 million, the city’s budget office said.";
        let with_background = "The council will cut 40 night buses, Mayor Dana Whitfield said on Tuesday. The city sits on the east bank of the river. The cut saves $2 million, the city’s budget office said. Varnel has a long tradition of public transport.";
        let a = analyze(sourced, &Options::default()).summary;
        let b = analyze(with_background, &Options::default()).summary;
        assert_eq!(a.score, b.score, "background sentences changed the score");
        assert_eq!((a.check_worthy, b.check_worthy, b.claims), (2, 2, 4));
        assert_eq!(b.band, Some(Band::WellSourced));
        // but an unsourced check-worthy claim does pull it down
        let c = analyze(&format!("{sourced} The buses cost 30 percent more than trams."), &Options::default()).summary;
        assert!(c.score < a.score, "{} !< {}", c.score, a.score);
    }

    #[test]
    fn bands_by_threshold_and_mix() {
        // (score, counted, named, unsourced, doubted)
        assert_eq!(band(60, 10, 8, 1, 0), Band::WellSourced);
        assert_eq!(band(60, 10, 4, 1, 0), Band::Mixed, "high score, but under half named");
        assert_eq!(band(45, 10, 5, 1, 0), Band::WellSourced);
        assert_eq!(band(44, 10, 9, 1, 0), Band::Mixed);
        assert_eq!(band(20, 10, 2, 5, 5), Band::Mixed);
        assert_eq!(band(19, 10, 1, 2, 5), Band::ThinlySourced, "unnamed and vague sources");
        assert_eq!(band(19, 10, 2, 6, 1), Band::Unsourced, "half with no source");
        assert_eq!(band(19, 10, 2, 1, 6), Band::Unsourced, "mostly speculative");
        assert_eq!(band(19, 10, 3, 6, 6), Band::ThinlySourced, "30% named is not unsourced");
        assert_eq!(band(9, 10, 5, 0, 0), Band::Unsourced);
        assert_eq!(band(0, 0, 0, 0, 0), Band::Unsourced);
    }

    #[test]
    fn no_claims_no_band_and_plurals() {
        let s = analyze("", &Options::default()).summary;
        assert_eq!(s.band, None);
        assert_eq!(s.typical, TYPICAL);
        let s = analyze("Officials said the bridge reopened.", &Options::default()).summary;
        assert_eq!(s.band, Some(Band::Mixed));
        assert!(s.band_why.starts_with("Mixed: 0 of 1 claim worth checking name who says so;"), "{}", s.band_why);
        let s = analyze("Mayor Dana Whitfield said the bridge reopened.", &Options::default()).summary;
        assert_eq!(s.band_why, "Well sourced: 1 of 1 claim worth checking names who says so.");
        assert_eq!(s.reasons.last().map(String::as_str), Some("The claim is worth checking (a number, a source, an accusation, a cause, a prediction, or words that soften it), and it counts in the score."));
    }

    #[test]
    fn tenths_rounds_like_one_decimal() {
        assert_eq!(tenths(0, 120), "0.0");
        assert_eq!(tenths(1, 400), "0.3"); // 0.25, half up
        assert_eq!(tenths(3, 7), "42.9");
        assert_eq!(tenths(7, 7), "100.0");
        assert_eq!(tenths(1, 0), "100.0");
        for (n, d) in [(1, 3), (2, 9), (5, 123), (17, 1000)] {
            assert_eq!(tenths(n, d), format!("{:.1}", ((100 * n) as f64 / d as f64 * 10.0).round() / 10.0));
        }
    }
}
