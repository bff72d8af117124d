//! Headlines, in two stages.
//!
//! Per sentence, a heading is read as a claim in its own forms
//! ([`heading_attribution`], [`heading_status`]): ", Officials Say",
//! "Minister: …", "X Says …", a question, or a topic with no verb.
//!
//! After scoring, headline versus body ([`gap`]):
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
use crate::doc::{Doc, Sent, Words};
use crate::lexicon::{Class, StatusClass};
use crate::report::{AttributionKind, HeadlineGap, QuoteType, Sentence, SentenceKind, StatusLabel};
use crate::rules::attribution::AttrHit;
use crate::rules::hedges::HedgeHit;
use crate::rules::names::{self, NameKind};
use crate::rules::status::StatusDecision;
use crate::words;

/// How many body sentences that share words with the headline are compared
/// with it, at most.
const MAX_BODY: usize = 50;
/// How many body claims are looked at for the headline's words, at most: a
/// news article has far fewer.
const MAX_SCAN: usize = 150;

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
    if !matches!(h.status.label, StatusLabel::Asserted | StatusLabel::Confirmed) || !h.attributions.is_empty() || h.status.why == crate::report::fixed::HEADING_TOPIC {
        return None;
    }
    // A cheap filter first: a body claim is compared only if it holds two of
    // the headline's content words (their first five letters, any case). The
    // full comparison reads every word of a claim with its figures, which on
    // a long text cost more than the rest of the analysis.
    let mut keys: Vec<&[u8]> = h
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !crate::compare::STOP.iter().any(|x| x.eq_ignore_ascii_case(w)))
        .map(|w| &w.as_bytes()[..w.len().min(5)])
        .collect();
    crate::sort::sort_by(&mut keys, |a, b| a.iter().map(u8::to_ascii_lowercase).cmp(b.iter().map(u8::to_ascii_lowercase)));
    keys.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    if keys.len() < 2 {
        return None;
    }
    // two distinct headline words among the claim's words (first five bytes,
    // ASCII case ignored): no allocation per word
    let candidate = |s: &Sentence| {
        let mut first: Option<usize> = None;
        s.text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 4).any(|w| {
            let head = &w.as_bytes()[..w.len().min(5)];
            match keys.iter().position(|k| k.eq_ignore_ascii_case(head)) {
                Some(i) if first.is_some_and(|f| f != i) => true,
                Some(i) => {
                    first = Some(i);
                    false
                }
                None => false,
            }
        })
    };
    // at most MAX_BODY candidates: an article has far fewer, and a 16 MB paste stays linear
    let body: Vec<&Sentence> = sentences.iter().skip(h.index + 1).filter(|s| s.kind == SentenceKind::Claim).take(MAX_SCAN).filter(|s| candidate(s)).take(MAX_BODY).collect();
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

// ---- headings as claims ------------------------------------------------------


/// Words that make a heading state something: auxiliaries, modals, copulas
/// and the infinitive marker ("Council to Cut Ferries").
const HEAD_VERBS: &Words = words![
    "is", "are", "was", "were", "be", "been", "will", "would", "could", "may", "might", "can", "must", "should",
    "has", "have", "had", "does", "did", "do", "to", "won't", "can't", "isn't", "aren't", "wasn't",
];
/// Words after which a capitalised "-s" word is a noun, not a verb ("The Ferries").
const NOUN_BEFORE: &Words = words!["the", "a", "an", "of", "for", "in", "on", "at", "and", "its", "their", "his", "her", "new", "more", "top", "two", "three", "many", "some", "all", "with", "from", "by", "our", "your"];

/// A verb of saying, denying or confirming at `t` ("Says", "Denies", "Confirms");
/// not the hearsay "Said to Be", "Reported to".
fn is_cue(doc: &Doc, t: usize) -> bool {
    doc.hits_at(t).iter().any(|h| h.t1 == t + 1 && matches!(doc.class(h), Class::Report(_) | Class::Status(StatusClass::Deny | StatusClass::Confirm, _))) && !doc.is(t + 1, "to")
}

/// Any reporting or status phrase starting at `t` ("No Evidence", "Not Yet Known").
fn any_cue(doc: &Doc, t: usize) -> bool {
    doc.hits_at(t).iter().any(|h| matches!(doc.class(h), Class::Report(_) | Class::Status(..)))
}

/// Documents and plural groups that speak in headlines: "…, Study Finds",
/// "…, Engineers Say".
const HEAD_DOCUMENTS: &Words = words!["study", "report", "survey", "poll", "polls", "analysis", "data", "review", "audit", "probe", "records", "filing", "research", "studies", "reports", "documents", "memo"];
const NOT_AFTER_S_VERB: &Words = words!["and", "or", "of", "in", "on", "for", "with", "at", "from", "by", "as", "to"];

/// Does a heading state something, or only name a topic ("Flooding in the
/// Capital")? It states something when it has a reporting, denial or
/// confirmation word, a hedge, an auxiliary, modal or copula, "to" before a
/// word, a word in "-ed" after its first word, or a word in "-s" that follows
/// a name-like word and is followed by more words ("Varnel Cuts Night
/// Ferries"). A heading that ends in "?" asks, and is handled apart.
pub fn states_something(doc: &Doc, s: &Sent, hedges: usize) -> bool {
    hedges > 0 || states_in(doc, s.t0, (s.t0..s.t1).rev().find(|&t| doc.is_word(t)).map_or(s.t0, |t| t + 1))
}

/// [`states_something`] over the tokens `t0..end`.
fn states_in(doc: &Doc, t0: usize, end: usize) -> bool {
    (t0..end).any(|t| {
        if !doc.is_word(t) {
            return false;
        }
        let w = doc.tok(t);
        let lower_s = w.len() > 3 && (w.ends_with('s') || w.ends_with('S')) && !w.ends_with("ss") && !w.ends_with("SS") && !w.ends_with("'s") && !w.ends_with("’s");
        any_cue(doc, t)
            || (doc.is_one_of(t, HEAD_VERBS) && t > t0 && !(doc.is(t, "to") && (t + 1 >= end || !doc.is_word(t + 1))))
            || (t > t0 && w.len() > 4 && (w.ends_with("ed") || w.ends_with("ED")))
            || (t > t0 && t + 1 < end && lower_s && doc.is_word(t - 1) && !doc.is_one_of(t - 1, NOUN_BEFORE) && !doc.is_number(t - 1) && doc.is_word(t + 1) && !doc.is_one_of(t + 1, NOT_AFTER_S_VERB))
    })
}

/// The source of a heading's attribution in `x..y`: a source noun
/// ("Officials", "police", "report"), or a name.
fn source_of(doc: &Doc, mut x: usize, y: usize) -> Option<AttrHit> {
    while x < y && doc.is_one_of(x, crate::doc::DETERMINERS) {
        x += 1;
    }
    if x >= y || y - x > 6 || !(x..y).all(|t| doc.is_word(t) || doc.is(t, ".") || doc.is(t, "'s") || doc.is(t, "-")) {
        return None;
    }
    let noun = (x..y).rev().find_map(|t| doc.hits_at(t).iter().find(|h| h.t1 <= y && matches!(doc.class(h), Class::SourceNoun(_))).map(|h| doc.class(h)));
    let hit = |kind| AttrHit { kind, source: Some((x, y)), name: None, cue: None, role: None, quote: QuoteType::Indirect, pronoun: false, priority: 4 };
    if let Some(Class::SourceNoun(k)) = noun {
        // "Officials", "Police", "Report": unnamed; "Seoria's Police" is a named body
        let named = (x..y).any(|t| doc.is_cap(t) && doc.hits_at(t).is_empty() && !names::lexicon_word(doc, t));
        return Some(hit(if named && k == AttributionKind::UnnamedOfficial { AttributionKind::NamedOrganization } else { k }));
    }
    // "Study", "Engineers": a document or an unnamed group
    let people_plural = || {
        let w = doc.tok(x).to_ascii_lowercase();
        w.len() > 5 && ["ers", "ists", "ians", "ents", "ants", "ors", "ives", "ees"].iter().any(|e| w.ends_with(e))
    };
    if y - x == 1 && (doc.is_one_of(x, HEAD_DOCUMENTS) || people_plural()) {
        return Some(hit(AttributionKind::Vague));
    }
    let all_caps = (x..y).all(|t| !doc.tok(t).chars().any(char::is_lowercase));
    if let Some(r) = names::role_class(doc, y - 1) {
        if y - x <= 2 {
            // "Minister: …": a role with no name
            return Some(hit(if r == crate::lexicon::RoleClass::Expert { AttributionKind::Vague } else { AttributionKind::UnnamedOfficial }));
        }
    }
    let n = names::classify(doc, x, y)?;
    // in capitals a title still makes a person: "MAYOR WHITFIELD SAYS"
    if all_caps && y - x >= 2 && names::role_class(doc, x).is_some() {
        let mut h = hit(AttributionKind::NamedPerson);
        h.source = Some((x + 1, y));
        return Some(h);
    }
    let kind = match n.kind {
        NameKind::Person if y - x == 1 && doc.tok(x).len() > 1 && doc.tok(x).chars().all(|c| c.is_uppercase()) => AttributionKind::NamedOrganization,
        NameKind::Person => AttributionKind::NamedPerson,
        NameKind::Org | NameKind::Place => AttributionKind::NamedOrganization,
    };
    let mut h = hit(kind);
    h.source = Some((n.t0, n.t1));
    h.name = Some(n);
    Some(h)
}

/// The attribution of a heading, in the forms headlines use:
/// - a trailing inverted attribution: `…, Officials Say`, `…, police say`,
///   `…, report claims`, `…: official`;
/// - the source and colon: `Minister: "We will not resign"`, `WHO: no evidence …`;
/// - `X Says …`, `X Denies …`, `X Confirms …`.
///
/// Title case and capitals are read as they are: the lexicon ignores case.
pub fn heading_attribution(doc: &Doc, s: &Sent, hedges: &[HedgeHit]) -> Option<AttrHit> {
    let end = (s.t0..s.t1).rev().find(|&t| doc.is_word(t)).map_or(s.t0, |t| t + 1);
    if end <= s.t0 + 1 {
        return None;
    }
    let quoted = !s.quoted.is_empty() && s.quoted.iter().any(|&q| q);
    let quote = if quoted { QuoteType::Mixed } else { QuoteType::Indirect };
    let done = |mut h: AttrHit, cue: (usize, usize)| {
        h.cue = Some(cue);
        h.quote = quote;
        Some(h)
    };
    // trailing: "…, Officials Say" / "…: official"
    if let Some(c) = (s.t0 + 2..end).rev().take(6).find(|&t| doc.is(t, ",") || doc.is(t, ":") || doc.is(t, "—") || doc.is(t, "–")) {
        let last = end - 1;
        if is_cue(doc, last) && last > c + 1 {
            if let Some(h) = source_of(doc, c + 1, last) {
                return done(h, (last, last + 1));
            }
        }
        if doc.is(c, ":") {
            if let Some(h) = source_of(doc, c + 1, end).filter(|h| h.name.is_none()) {
                return done(h, (c, c + 1));
            }
        }
    }
    // leading: "Minister: …", "WHO: …", when what follows states something
    // ("Budget Talks: Day Three" and "Update: …" name no source)
    if let Some(c) = (s.t0 + 1..(s.t0 + 5).min(end)).find(|&t| doc.is(t, ":")) {
        let tail_states = quoted || states_in(doc, c + 1, end) || hedges.iter().any(|h| h.t0 > c);
        let acronym = doc.tok(s.t0).len() >= 2 && !doc.tok(s.t0).chars().any(char::is_lowercase);
        if tail_states && (acronym || !doc.is_one_of(s.t0, crate::quotes::NOT_SPEAKERS)) && (s.t0..c).all(|t| doc.is_cap(t) || doc.is(t, ".") || doc.is(t, "'s")) {
            if let Some(h) = source_of(doc, s.t0, c) {
                return done(h, (c, c + 1));
            }
        }
    }
    // "X Says …", "X Denies …"
    let v = (s.t0 + 1..(s.t0 + 7).min(end)).find(|&t| is_cue(doc, t))?;
    if v + 1 >= end {
        return None;
    }
    let h = source_of(doc, s.t0, v)?;
    done(h, (v, v + 1))
}

/// A heading's status: a question asks (`speculative`, the "?" its cue); a
/// heading that states nothing keeps no claim (see [`states_something`]).
pub fn heading_status(doc: &Doc, s: &Sent, hedges: &[HedgeHit], st: &mut StatusDecision) {
    let last = (s.t0..s.t1).rev().find(|&t| !crate::quotes::is_mark(doc, t));
    if let Some(q) = last.filter(|&t| doc.is(t, "?")) {
        st.label = StatusLabel::Speculative;
        st.cues = vec![doc.span(q, q + 1)];
        st.why = crate::report::fixed::HEADING_QUESTION.into();
        return;
    }
    if st.label == StatusLabel::Asserted && !states_something(doc, s, hedges.len()) {
        st.why = crate::report::fixed::HEADING_TOPIC.into();
    }
}
