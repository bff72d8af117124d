//! The status decision. One label per sentence, with the cues that decided it.
//!
//! Precedence, first match wins:
//! 1. `denied`      a party denies or rejects it ("the ministry denied …").
//! 2. `confirmed`   a party or a record confirms it ("state media confirmed …").
//! 3. `unconfirmed` explicit lack of confirmation ("has not confirmed", "no
//!    evidence", "declined to comment", "if confirmed"), a negated or
//!    conditional deny/confirm cue ("did not deny", "neither confirmed nor
//!    denied"), or a distancing/conditional hedge ("reportedly", "allegedly").
//! 4. `speculative` an epistemic or modal hedge, or a strong weasel phrase.
//! 5. `claimed`     attributed with a reporting cue, and none of the above.
//! 6. `asserted`    stated by the writer with no source and no hedge.
//!
//! Scope: a weak cue ("details remain undisclosed") inside a fronted
//! concessive clause ("While …,") speaks about a side detail and does not
//! decide the main claim; strong cues count wherever they are.

use crate::doc::{Doc, Sent, Words, DETERMINERS};
use crate::lexicon::{Class, StatusClass};
use crate::report::{HedgeCategory, StatusLabel};
use crate::rules::attribution::AttrHit;
use crate::rules::hedges::HedgeHit;
use crate::score::cat;
use crate::span::Span;

pub struct StatusDecision {
    pub label: StatusLabel,
    pub cues: Vec<Span>,
    pub why: std::borrow::Cow<'static, str>,
}

const NEGATORS: &Words = &Words::new(&["not", "never", "no", "neither", "nor", "without", "refused", "declined", "failed", "unable", "cannot", "yet"]);
const CONDITIONALS: &Words = &Words::new(&["if", "unless", "whether"]);
const CLAUSE_BREAK: &Words = &Words::new(&[",", ";", ":", "—", "–", "(", ")"]);
const CONCESSIVE: &Words = &Words::new(&["while", "although", "though", "whereas", "despite"]);

/// Is the cue at `t` negated (or conditional) within its clause?
fn negated(doc: &Doc, s: &Sent, t: usize) -> bool {
    let lo = t.saturating_sub(6).max(s.t0);
    for p in (lo..t).rev() {
        if doc.is_one_of(p, CLAUSE_BREAK) {
            return false;
        }
        if doc.is_one_of(p, NEGATORS) || doc.ends_negative(p) || doc.is_one_of(p, CONDITIONALS) {
            return true;
        }
    }
    false
}

/// End of a fronted concessive clause ("While …,"), if the sentence opens with one.
fn concessive_end(doc: &Doc, s: &Sent) -> Option<usize> {
    if !doc.is_one_of(s.t0, CONCESSIVE) && !(doc.is(s.t0, "even") && doc.is(s.t0 + 1, "though")) {
        return None;
    }
    (s.t0..s.t1).find(|&t| doc.is(t, ","))
}

pub fn decide(doc: &Doc, s: &Sent, hedges: &[HedgeHit], atts: &[AttrHit]) -> StatusDecision {
    let mut deny = Vec::new();
    let mut confirm = Vec::new();
    let mut unconf = Vec::new();
    let fronted = concessive_end(doc, s);
    let mut taken: Vec<Span> = Vec::new();
    for h in doc.hits_in(s.t0, s.t1) {
        let Class::Status(class, strong) = doc.class(h) else { continue };
        if taken.last().is_some_and(|x: &Span| x.end > h.span.start) {
            continue;
        }
        if !strong && fronted.is_some_and(|e| h.t0 < e) {
            continue;
        }
        // Adjective uses: "the disputed territory", "a confirmed case".
        if class != StatusClass::Unconfirmed && h.t0 > s.t0 && doc.is_one_of(h.t0 - 1, DETERMINERS) {
            continue;
        }
        taken.push(h.span);
        match class {
            StatusClass::Unconfirmed => unconf.push(h.span),
            _ if negated(doc, s, h.t0) => unconf.push(h.span),
            StatusClass::Deny => deny.push(h.span),
            StatusClass::Confirm => confirm.push(h.span),
        }
    }
    // `head` and the cues quoted: A party denies or rejects it: “denied”, “rejected”.
    let quote = |head: &str, v: &[Span]| {
        let mut out = String::with_capacity(head.len() + v.iter().map(|c| c.len() + 8).sum::<usize>() + 1);
        out.push_str(head);
        for (i, c) in v.iter().enumerate() {
            out.push_str(if i > 0 { ", “" } else { "“" });
            out.push_str(c.text(doc.text));
            out.push('”');
        }
        out.push('.');
        out
    };
    if !deny.is_empty() {
        let why = quote("A party denies or rejects it: ", &deny);
        return StatusDecision { label: StatusLabel::Denied, cues: deny, why: why.into() };
    }
    if !confirm.is_empty() {
        let why = quote("A party or a record confirms it: ", &confirm);
        return StatusDecision { label: StatusLabel::Confirmed, cues: confirm, why: why.into() };
    }
    for h in hedges {
        // `taken` is sorted by start and non-overlapping: a binary search finds neighbours
        let i = taken.partition_point(|x| x.end <= h.span.start);
        let overlaps = taken.get(i).is_some_and(|x| x.overlaps(h.span));
        if matches!(h.category, HedgeCategory::Distancing | HedgeCategory::Conditional) && !overlaps {
            unconf.push(h.span);
        }
    }
    if !unconf.is_empty() {
        unconf.sort();
        let why = quote("Not confirmed: ", &unconf);
        return StatusDecision { label: StatusLabel::Unconfirmed, cues: unconf, why: why.into() };
    }
    let spec: Vec<Span> = hedges
        .iter()
        .filter(|h| matches!(h.category, HedgeCategory::Epistemic | HedgeCategory::Modal) || (h.category == HedgeCategory::Weasel && h.weight >= 0.5))
        .map(|h| h.span)
        .collect();
    if !spec.is_empty() {
        let why = quote("Hedged as a possibility or belief: ", &spec);
        return StatusDecision { label: StatusLabel::Speculative, cues: spec, why: why.into() };
    }
    if let Some(cue) = atts.iter().find_map(|a| a.cue) {
        let span = doc.span(cue.0, cue.1);
        let why = cat(&["Attributed with “", span.text(doc.text), "” and not hedged; the writer reports it without vouching for it."]);
        return StatusDecision { label: StatusLabel::Claimed, cues: vec![span], why: why.into() };
    }
    StatusDecision { label: StatusLabel::Asserted, cues: Vec::new(), why: crate::report::fixed::ASSERTED.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{attribution, hedges};

    fn label(text: &str) -> StatusLabel {
        crate::doc::with_sentences(text, |doc, sents| {
            let s = &sents[0];
            let hs = hedges::detect(doc, s);
            let at = attribution::detect(doc, s, &hs);
            decide(doc, s, &hs, &at).label
        })
    }

    use StatusLabel::*;

    #[test]
    fn precedence_and_negation() {
        assert_eq!(label("The ministry denied the report."), Denied);
        assert_eq!(label("The ministry did not deny the report."), Unconfirmed);
        assert_eq!(label("The army has neither confirmed nor denied its role."), Unconfirmed);
        assert_eq!(label("State media from both sides confirmed the pact."), Confirmed);
        assert_eq!(label("The mayor has not confirmed the sale."), Unconfirmed);
        assert_eq!(label("The sale, if confirmed, would be the largest yet."), Unconfirmed);
        assert_eq!(label("The firm allegedly hid losses."), Unconfirmed);
        assert_eq!(label("The firm may have hidden losses."), Speculative);
        assert_eq!(label("Auditors said the firm hid losses."), Claimed);
        assert_eq!(label("The firm hid losses in 2023."), Asserted);
        assert_eq!(label("No evidence of the transfer has emerged."), Unconfirmed);
        assert_eq!(label("The claim could not be independently verified."), Unconfirmed);
    }

    /// Regression: non-answers and open questions phrased without "comment" or
    /// "whether" were asserted.
    #[test]
    fn regression_non_answers_and_open_questions() {
        assert_eq!(label("The mayor declined to say whether she would run again."), Unconfirmed);
        assert_eq!(label("The agency would not say how many staff were let go."), Unconfirmed);
        assert_eq!(label("It is not clear how many people were inside."), Unconfirmed);
        assert_eq!(label("The cause of the fire is not yet known."), Unconfirmed);
        assert_eq!(label("The government has yet to respond."), Unconfirmed);
        assert_eq!(label("Allegations of fraud have not been proven."), Unconfirmed);
    }

    #[test]
    fn weak_cue_in_fronted_while_clause_does_not_decide() {
        assert_eq!(label("While the exact terms remain undisclosed, analysts speculate the loan may be large."), Speculative);
        assert_eq!(label("While no one has confirmed the loan, bankers suggest it is large."), Unconfirmed);
    }
}
