//! Headline versus body: an article-level stage after scoring.
//!
//! The headline is the article's first heading, when it comes before any
//! claim of the body. It is matched with the body's claims the way `compare`
//! matches claims across articles (the same features and threshold). There
//! is a gap when the headline states as fact (`asserted` or `confirmed`)
//! what every matching body sentence only:
//! - attributes to an unnamed official or a vague source,
//! - hedges (`speculative`),
//! - or reports as `unconfirmed` or `denied`.
//!
//! One matching body sentence that backs the claim with a named source, or
//! states it without a hedge, closes the gap. Linear: one pass over the claims.

use crate::compare::{claim_similarity, weighted_features, JOIN};
use crate::report::{AttributionKind, HeadlineGap, Sentence, SentenceKind, StatusLabel};

/// How a body sentence reports the headline's claim, weakest first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Weak {
    Denied,
    Unconfirmed,
    Speculative,
    Vague,
    Unnamed,
}

fn weakness(s: &Sentence) -> Option<Weak> {
    match s.status.label {
        StatusLabel::Denied => return Some(Weak::Denied),
        StatusLabel::Unconfirmed => return Some(Weak::Unconfirmed),
        StatusLabel::Speculative => return Some(Weak::Speculative),
        _ => {}
    }
    match s.attributions.first().map(|a| a.kind) {
        Some(AttributionKind::Vague) => Some(Weak::Vague),
        Some(AttributionKind::UnnamedOfficial) => Some(Weak::Unnamed),
        _ => None,
    }
}

fn why(w: Weak) -> &'static str {
    match w {
        Weak::Denied => "The headline states this as fact; the article itself reports that it is denied or false.",
        Weak::Unconfirmed => "The headline states this as fact; the article itself says it is not confirmed.",
        Weak::Speculative => "The headline states this as fact; the article itself only says it may be so.",
        Weak::Vague => "The headline states this as fact; the article itself only reports that unnamed or vague sources say it.",
        Weak::Unnamed => "The headline states this as fact; the article itself only reports that unnamed officials say it.",
    }
}

/// The headline's gap, if any (see the module's comment).
pub fn gap(sentences: &[Sentence]) -> Option<HeadlineGap> {
    // the headline: the first heading before any claim of the body
    let first_claim = sentences.iter().position(|s| s.kind == SentenceKind::Claim).unwrap_or(sentences.len());
    let h = sentences[..first_claim].iter().find(|s| s.kind == SentenceKind::Heading)?;
    if !matches!(h.status.label, StatusLabel::Asserted | StatusLabel::Confirmed) || !h.attributions.is_empty() {
        return None;
    }
    let body: Vec<&Sentence> = sentences.iter().filter(|s| s.kind == SentenceKind::Claim && s.index > h.index).collect();
    if body.is_empty() {
        return None;
    }
    let mut all: Vec<&Sentence> = Vec::with_capacity(body.len() + 1);
    all.push(h);
    all.extend(body.iter().copied());
    let feats = weighted_features(&all);
    let mut matched: Vec<usize> = Vec::new();
    let mut weakest: Option<Weak> = None;
    for (k, s) in body.iter().enumerate() {
        if claim_similarity(&feats[0], &feats[k + 1]) < JOIN {
            continue;
        }
        match weakness(s) {
            // one body sentence that backs it plainly closes the gap
            None => return None,
            Some(w) => {
                matched.push(s.index);
                weakest = Some(weakest.map_or(w, |x| x.min(w)));
            }
        }
    }
    let w = weakest?;
    Some(HeadlineGap { headline: h.index, body: matched, why: why(w).to_string() })
}
