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
//! Article score: the mean claim score, weighted by checkworthiness.

use crate::report::{fixed, AttributionKind, Hedge, HedgeCategory, QuoteType, Sentence, SentenceKind, StatusLabel, Summary, SCORE_NOTE};

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

/// The article summary.
pub fn summarize(sentences: &[Sentence], words_in_claims: usize) -> Summary {
    let mut sum = Summary { note: SCORE_NOTE.into(), ..Default::default() };
    let mut weighted = 0.0f64;
    let mut weights = 0.0f64;
    let mut hedges = 0usize;
    for s in sentences.iter().filter(|s| s.kind == SentenceKind::Claim) {
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
        weighted += w * s.score as f64;
        weights += w;
    }
    if sum.claims > 0 {
        let a = &sum.by_attribution;
        sum.named_source_share = round2((a.named_person + a.named_organization) as f64 / sum.claims as f64);
        sum.score = (weighted / weights).round().clamp(0.0, 100.0) as u32;
        sum.hedge_density = round2(100.0 * hedges as f64 / words_in_claims.max(1) as f64);
        let a = &sum.by_attribution;
        sum.reasons = vec![
            format!("{} of {} claims name their source (a person or an organisation).", a.named_person + a.named_organization, sum.claims),
            format!("{} claims rely on unnamed officials and {} on vague sources; {} give no source.", a.unnamed_official, a.vague, a.none),
            format!("{} hedge cues per 100 words of claims.", tenths(hedges, words_in_claims.max(1))),
            format!("{} claims are unconfirmed and {} speculative.", sum.by_status.unconfirmed, sum.by_status.speculative),
        ];
    } else {
        sum.reasons = vec!["No claims found, so there is nothing to score.".into()];
    }
    sum
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
    use super::tenths;

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
