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
use crate::words;
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

/// Words that call a claim false only when said of a claim: predicatively
/// ("the video is a hoax", "the reports are false", "called it fake") or
/// before a word for a claim ("false claims", "a fake video"). Not "a false
/// start", "fake leather", or "a myth that took hold in the 1980s".
const REFUTE_WORDS: &Words = &Words::new(&["false", "fake", "hoax", "untrue", "myth", "bogus", "phony", "phoney"]);
const CLAIM_NOUNS: &Words = &Words::new(&[
    "claim", "claims", "report", "reports", "news", "story", "stories", "video", "videos", "photo", "photos",
    "image", "images", "picture", "pictures", "account", "accounts", "information", "rumour", "rumours", "rumor",
    "rumors", "allegation", "allegations", "statement", "statements", "quote", "quotes", "post", "posts", "tweet",
    "tweets", "headline", "headlines", "narrative", "figures", "numbers", "data", "accusation", "accusations",
    "assertion", "assertions", "message", "messages", "letter", "document", "documents", "charges", "story's",
]);
/// Links between a claim and what it is called: "is false", "proved untrue",
/// "called it a hoax", "dismissed them as fake".
const LINKS: &Words = &Words::new(&["is", "are", "was", "were", "be", "been", "being", "proved", "proven", "proves", "as", "it", "them", "called", "calling", "labeled", "labelled", "branded", "deemed", "declared", "'s", "’s", "remains", "remain"]);
const DEGREE: &Words = &Words::new(&["a", "an", "completely", "entirely", "totally", "patently", "demonstrably", "simply", "utterly", "all", "largely", "mostly", "wholly", "just", "also", "both", "elaborate", "complete", "total", "cruel", "deliberate", "not", "another"]);

fn refutes(doc: &Doc, s: &Sent, t: usize) -> bool {
    if !doc.is_one_of(t, REFUTE_WORDS) {
        return false;
    }
    // before a word for a claim: "false claims", "a fake video"
    if t + 1 < s.t1 && doc.is_one_of(t + 1, CLAIM_NOUNS) {
        return true;
    }
    // predicative: a link within three words before it ("is a hoax", "are all false")
    let mut p = t;
    while p > s.t0 && t - p < 4 {
        p -= 1;
        if doc.is_one_of(p, LINKS) {
            return true;
        }
        if !doc.is_one_of(p, DEGREE) {
            break;
        }
    }
    false
}

/// A hedge that qualifies something other than the main claim:
/// - an appositive about a noun (`Varnel, a district seen as the best
///   prepared`): the description is hedged, not the claim;
/// - the speaker's own belief inside what they said (`He said he did not
///   expect a deal`): the doubt is what was said, so the sentence is claimed.
fn out_of_scope(doc: &Doc, s: &Sent, h: &HedgeHit, atts: &[AttrHit]) -> bool {
    // a label marker decides nothing; a hypothesis is the main claim's own
    if h.category == HedgeCategory::Label {
        return true;
    }
    if h.hypothetical {
        return false;
    }
    // the appositive: ", a/an/the <noun> … <hedge>" with no verb of its own before the hedge
    if matches!(h.category, HedgeCategory::Epistemic | HedgeCategory::Weasel) {
        let lo = h.t0.saturating_sub(8).max(s.t0);
        if let Some(c) = (lo..h.t0).rev().find(|&x| doc.is(x, ",")) {
            let det = doc.is_one_of(c + 1, words!["a", "an", "the", "one"]);
            let noun_left = c > s.t0 && (doc.is_cap(c - 1) || doc.is_lower_word(c - 1));
            let no_verb = !(c + 1..h.t0).any(|x| doc.is_one_of(x, words!["is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "that", "who", "which"]));
            let ends = (h.t1..s.t1).all(|x| !doc.is(x, ","));
            if det && noun_left && no_verb && ends && c > s.t0 + 2 {
                return true;
            }
        }
    }
    // the speaker's own belief: "<source> said (that) he/she/they <doxastic>"
    if h.category == HedgeCategory::Epistemic && doc.is_one_of(h.t0, words!["expect", "expects", "expected", "think", "thinks", "thought", "believe", "believes", "believed", "doubt", "doubts", "doubted", "suspect", "suspects", "suspected", "hope", "hopes", "hoped"]) {
        let holder = (h.t0.saturating_sub(4).max(s.t0)..h.t0).rev().find(|&x| doc.is_word(x) && !doc.is_one_of(x, words!["did", "does", "do", "not", "never", "still", "also", "no", "longer", "had", "has", "have", "was", "is", "n't", "now"]));
        let first_person = holder.is_some_and(|x| doc.is_one_of(x, words!["he", "she", "they", "i", "we"]));
        let said_before = atts.iter().any(|a| a.cue.is_some_and(|(c0, c1)| c1 <= holder.unwrap_or(0) && c0 >= s.t0) && a.source.is_some());
        if first_person && said_before {
            return true;
        }
    }
    false
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
        if class != StatusClass::Unconfirmed && h.t0 > s.t0 && doc.is_one_of(h.t0 - 1, DETERMINERS) && !refutes(doc, s, h.t0) {
            continue;
        }
        // "false", "fake", "hoax", "myth": a refutation only when said of a claim.
        if class == StatusClass::Deny && doc.is_one_of(h.t0, REFUTE_WORDS) && !refutes(doc, s, h.t0) {
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
    // Hedges that qualify something else than the main claim do not decide it.
    let hedges: Vec<&HedgeHit> = hedges.iter().filter(|h| !out_of_scope(doc, s, h, atts)).collect();
    for h in &hedges {
        // `taken` is sorted by start and non-overlapping: a binary search finds neighbours
        let i = taken.partition_point(|x| x.end <= h.span.start);
        let overlaps = taken.get(i).is_some_and(|x| x.overlaps(h.span));
        if (h.category == HedgeCategory::Distancing || (h.category == HedgeCategory::Conditional && !h.hypothetical)) && !overlaps {
            unconf.push(h.span);
        }
    }
    if !unconf.is_empty() {
        crate::sort::sort_by(&mut unconf, Ord::cmp);
        let why = quote("Not confirmed: ", &unconf);
        return StatusDecision { label: StatusLabel::Unconfirmed, cues: unconf, why: why.into() };
    }
    let spec: Vec<Span> = hedges
        .iter()
        .filter(|h| matches!(h.category, HedgeCategory::Epistemic | HedgeCategory::Modal) || h.hypothetical || (h.category == HedgeCategory::Weasel && h.weight >= 0.5))
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
    fn refutations_deny_the_claim_and_ordinary_uses_do_not() {
        for t in [
            "The video of the whale in the canal is a hoax.",
            "The photos are fake.",
            "Police say reports of a second gunman are false.",
            "The claim that the bridge was sold is untrue.",
            "It is a myth that the tunnel floods every spring.",
            "The council called the story baseless.",
            "The paper retracted the story on Friday.",
            "The rumour has been debunked.",
            "There is no truth to the report.",
            "That is not true.",
            "The viral clip is not what it seems.",
            "He shared false claims about the vote.",
            "A fake video of the mayor spread online.",
        ] {
            assert_eq!(label(t), Denied, "{t}");
        }
        for t in [
            "The sprinter was disqualified for a false start.",
            "She bought a coat made of fake leather.",
            "Her book traces a myth that took hold in the 1980s.",
            "The band played a hoax-themed show.",
            "The company sells fake plants to offices.",
        ] {
            assert_ne!(label(t), Denied, "{t}");
        }
    }

    #[test]
    fn hypotheticals_are_speculative_and_open_questions_unconfirmed() {
        assert_eq!(label("If the dam fails, the town would flood."), Speculative);
        assert_eq!(label("The town would flood if the dam failed."), Speculative);
        assert_eq!(label("Unless the council acts, the bridge will close."), Speculative);
        assert_eq!(label("The deal, if confirmed, would be the largest yet."), Unconfirmed);
        assert_eq!(label("If true, the report would embarrass the mayor."), Unconfirmed);
        assert_eq!(label("Officials are investigating whether the fire was set."), Unconfirmed);
        assert_eq!(label("It is not known whether anyone was hurt."), Unconfirmed);
        assert_eq!(label("Rumours of a merger lifted the shares."), Unconfirmed);
        assert_eq!(label("She thinks the plan will fail."), Speculative);
        // not hypotheses
        assert_eq!(label("Whether or not it rains, the fair opens on Monday."), Asserted);
        assert_eq!(label("The council explained what the guards would do if the gates failed, officials said."), Claimed);
        assert_eq!(label("The bridge closed as if nothing had happened."), Asserted);
    }

    #[test]
    fn a_hedge_decides_only_the_claim_it_qualifies() {
        // "seen as" hedges the description of Varnel, not the closures
        assert_eq!(label("Floods closed 30 schools in Varnel, a district seen as the best prepared in the region."), Asserted);
        assert_eq!(label("Varnel is seen as the best prepared district in the region."), Speculative);
        // the speaker's own doubt is what he said
        assert_eq!(label("He said he did not expect a deal."), Claimed);
        assert_eq!(label("He expects a deal by Friday."), Speculative);
        // "so-called" marks a label, not doubt
        assert_eq!(label("The so-called reform passed on Monday."), Asserted);
        assert_eq!(label("The reform reportedly passed on Monday."), Unconfirmed);
    }

    #[test]
    fn weak_cue_in_fronted_while_clause_does_not_decide() {
        assert_eq!(label("While the exact terms remain undisclosed, analysts speculate the loan may be large."), Speculative);
        assert_eq!(label("While no one has confirmed the loan, bankers suggest it is large."), Unconfirmed);
    }
}
