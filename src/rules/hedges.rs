//! Hedge cues from `data/hedges.txt`, with the context guards that keep
//! non-hedge uses out:
//!
//! - `modal-verb`: "May" the month, "military might", "the might of", and
//!   "could not" (inability, not possibility) do not count.
//! - `before-number`: "about 500" counts, "talk about" does not.
//! - `quantifier`: "some critics" counts; "some 500" (an approximator instead),
//!   "the most", "at most" do not.
//! - `forecast`: "expected" counts, "as expected" does not.
//! - Any cue that is part of a capitalised name ("Hope Might Hotel") does not count.
//!
//! Lower bounds ("over 10,000", "more than") are not in the lexicon at all.
//! Overlapping cues keep the longest ("it is believed" over "believed").

use crate::words;
use crate::doc::{Doc, Sent, Words, DETERMINERS};
use crate::lexicon::{Class, Guard};
use crate::report::HedgeCategory;
use crate::span::Span;

#[derive(Clone, Copy, Debug)]
pub struct HedgeHit {
    pub span: Span,
    pub t0: usize,
    pub t1: usize,
    pub category: HedgeCategory,
    pub weight: f32,
    /// Part of a hypothetical "if … would/will" (see [`hypothetical`]): the
    /// claim is a possibility (speculative), not an unconfirmed report.
    pub hypothetical: bool,
}

const NUMBER_WORDS: &Words = &Words::new(&[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "dozen", "dozens", "half", "a", "$", "£", "€", "¥",
]);

/// Words after which "might"/"may"/"will" are nouns.
const NOUN_MODIFIERS: &Words = &Words::new(&["military", "economic", "naval", "industrial", "full", "great", "sheer", "air", "its", "their"]);
/// Words that cannot follow a modal verb but can follow the noun "might".
const NOT_AFTER_MODAL: &Words = &Words::new(&["of", "and", "or", "is", "was", "are", "were", "has", "had", "in", "on", "to", "that", "which", "against", "for", "with"]);

/// Passive participles of events that befall a particular thing in the news:
/// after a modal they are doubt about that thing ("the vote may be postponed"),
/// not a procedure ("pasta may be served cold").
const EVENT_PASSIVES: &Words = &Words::new(&[
    "postponed", "delayed", "cancelled", "canceled", "closed", "suspended", "halted", "scrapped", "shelved",
    "arrested", "charged", "indicted", "detained", "released", "fired", "dismissed", "ousted", "replaced",
    "killed", "injured", "damaged", "destroyed", "evacuated", "overturned", "blocked", "withdrawn",
    "delisted", "sanctioned", "investigated", "recalled", "expelled", "deported", "impeached",
]);

pub fn is_numberish(doc: &Doc, t: usize) -> bool {
    doc.is_number(t) || (doc.is_one_of(t, NUMBER_WORDS) && (doc.is_number(t + 1) || !doc.is(t, "a") || doc.is_one_of(t + 1, NUMBER_WORDS)))
}

fn guard_ok(doc: &Doc, s: &Sent, g: Guard, t: usize, t1: usize) -> bool {
    let prev = t.checked_sub(1).filter(|&p| p >= s.t0);
    let next = t1;
    match g {
        Guard::None => true,
        Guard::EpistemicModal => {
            if !guard_ok(doc, s, Guard::ModalVerb, t, t1) {
                return false;
            }
            let perfect = doc.is(next, "have") || (doc.is_one_of(next, words!["well", "also", "not", "still", "already"]) && doc.is(next + 1, "have"));
            if perfect {
                return true;
            }
            // Passive of a procedure: "may be used", "could be combined".
            let be = if doc.is(next, "be") { Some(next) } else if doc.is_one_of(next, words!["also", "often", "sometimes", "only", "then"]) && doc.is(next + 1, "be") { Some(next + 1) } else { None };
            // A procedure stated for a kind of thing: "pasta may be served cold".
            // About a particular thing it is doubt: "the cost may be linked to fuel".
            let subject = subject_kind(doc, s, t);
            let generic = subject == Subject::Generic;
            if let Some(b) = be.filter(|&b| doc.is_lower_word(b + 1) && doc.tok(b + 1).ends_with("ed")) {
                // A news event that may befall a particular thing is doubt about
                // it: "the vote may be postponed", "the bridge could be closed".
                let event = subject == Subject::Other && doc.is_one_of(b + 1, EVENT_PASSIVES);
                if subject != Subject::Anchored && !event {
                    return false;
                }
            }
            // Generic subject: "bridges may carry", "a player may choose",
            // "patients with asthma may wheeze", "one may argue".
            !generic
        }
        Guard::Predicative => prev.is_some_and(|p| doc.is_one_of(p, words!["is", "was", "be", "been", "are", "were", "seems", "appears", "quite", "entirely", "also", "it's", "it’s"])),
        Guard::Verb => !prev.is_some_and(|p| doc.is_one_of(p, DETERMINERS) || doc.is_possessive(p) || doc.is_number(p) || doc.is_one_of(p, words!["two", "three", "four", "several", "other", "murder", "prime", "main", "key", "chief"])),
        // found for the whole sentence by `hypothetical`, never word by word
        Guard::Hypothetical => false,
        Guard::NotOf => {
            !doc.is_one_of(next, words!["of", "about", "tank", "tanks", "through", "twice", "again", "back", "over"]) && !prev.is_some_and(|p| doc.is_one_of(p, words!["a", "the", "to"]))
        }
        Guard::NotIn => !doc.is(next, "in") && !prev.is_some_and(|p| doc.ends_negative(p) || doc.is(p, "n't") || doc.is(p, "n’t")),
        // "more likely to", "1.8 times as likely": a measured tendency, not doubt
        Guard::NotComparative => !prev.is_some_and(|p| doc.is_one_of(p, words!["more", "less", "most", "least", "as", "times"])),
        Guard::BeforeHolder => {
            let n = if doc.is_lower_word(next) && !doc.is_one_of(next, words!["of"]) { next } else { next + 1 };
            doc.hits_at(n).iter().any(|h| matches!(doc.class(h), Class::SourceNoun(k) if k != crate::report::AttributionKind::NamedOrganization))
                && !prev.is_some_and(|p| doc.is_one_of(p, words!["the", "at"]))
        }
        Guard::Agentless => {
            const BE: &Words = &Words::new(&["is", "are", "was", "were", "been", "being", "be", "it's", "it’s"]);
            let mut p = prev;
            // one adverb may sit between: "was widely praised", "has been hotly debated"
            if p.is_some_and(|x| doc.tok(x).ends_with("ly") || doc.is_one_of(x, words!["also", "often", "long", "much", "once"])) {
                p = p.and_then(|x| x.checked_sub(1)).filter(|&x| x >= s.t0);
            }
            p.is_some_and(|x| doc.is_one_of(x, BE)) && !doc.is(next, "by")
        }
        Guard::NotCertainty => !prev.is_some_and(|p| doc.is_one_of(p, words!["no", "without", "beyond", "little"])),
        Guard::BeforeOpinion => doc.is_one_of(next, words!["believed", "thought", "held", "accepted", "considered", "regarded", "known", "assumed", "called", "referred", "cited", "said", "described", "seen", "viewed", "reported", "claimed", "attributed", "recognized", "recognised", "understood", "expected", "anticipated", "feared", "speculated", "rumored", "rumoured", "praised", "criticized", "criticised", "acknowledged", "agreed", "acclaimed", "disputed", "debated", "cited", "credited", "presumed", "suspected"]),
        Guard::ModalVerb => {
            // "May" capitalised mid-sentence, or before a number/name, is the month.
            // In a title-case headline every word is capitalised: there "May" is the
            // month only before a number or after a word of time ("in May", "Since May").
            if doc.is_cap(t) && doc.is(t, "may") && (t != s.t0 || doc.is_number(next) || doc.is_cap(next)) {
                let month = doc.is_number(next) || t == s.t0 || prev.is_some_and(|p| doc.is_one_of(p, MONTH_BEFORE));
                if month || !title_case(doc, s) {
                    return false;
                }
            }
            if prev.is_some_and(|p| doc.is_one_of(p, DETERMINERS) || doc.is_one_of(p, NOUN_MODIFIERS) || doc.is_possessive(p)) {
                return false;
            }
            if next >= s.t1 || (doc.is_punct(next) && !doc.is_one_of(next, words!["—", "–"])) || doc.is_one_of(next, NOT_AFTER_MODAL) {
                return false;
            }
            // "could not be verified" is inability; the status rule reads it.
            !(doc.is(t, "could") && (doc.is_one_of(next, words!["not", "never", "n't", "n’t"]) || doc.ends_negative(t)))
        }
        Guard::BeforeNumber => next < s.t1 && is_numberish(doc, next),
        Guard::Quantifier => {
            if next < s.t1 && is_numberish(doc, next) {
                return false;
            }
            if prev.is_some_and(|p| doc.is_one_of(p, words!["the", "at", "how", "so", "too", "that", "for", "almost", "not"])) {
                return false;
            }
            // "as many as 500": an upper bound, not a vague holder
            if prev.is_some_and(|p| doc.is(p, "as")) && doc.is(next, "as") {
                return false;
            }
            if doc.is(t, "certain") && (prev.is_some_and(|p| doc.is_one_of(p, words!["is", "are", "was", "were", "be", "a", "not"])) || !(doc.is_lower_word(next) && doc.tok(next).ends_with('s'))) {
                return false;
            }
            // "most" is a quantifier before "of" or a plural noun; else a superlative.
            if doc.is(t, "most") && !(doc.is(next, "of") || (doc.is_lower_word(next) && doc.tok(next).ends_with('s') && !doc.tok(next).ends_with("ss"))) {
                return false;
            }
            // Time spans and counts ("many years", "some time", "several hundred")
            // measure duration or number, not who holds a view.
            const TIME_OR_COUNT: &Words = &Words::new(&[
                "years", "times", "time", "months", "weeks", "days", "hours", "minutes", "seconds", "decades",
                "centuries", "generations", "occasions", "more", "less", "longer", "hundred", "hundreds",
                "thousand", "thousands", "million", "millions", "dozen",
            ]);
            next < s.t1 && !doc.is_one_of(next, TIME_OR_COUNT)
        }
        Guard::Forecast => !prev.is_some_and(|p| doc.is_one_of(p, words!["as", "than", "un"])),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subject {
    /// A kind of thing: a bare plural, an indefinite, generic "they"/"one"/"you".
    Generic,
    /// A particular case beyond doubt: the clause is reported or tied to a
    /// time, or its subject is a number ("22 percent of cases").
    Anchored,
    /// Anything else: a particular thing ("it", a name) or unclear ("the
    /// pasta"). A modal here is a hedge, a passive modal is not.
    Other,
}

/// What the subject of the modal at `t` refers to. A modal after a generic
/// subject states a rule or ability ("players may not have an assistant"), not
/// doubt about a particular case ("Iran may be developing …").
fn subject_kind(doc: &Doc, s: &Sent, t: usize) -> Subject {
    // A forecast for a time ("could gust to 50 mph by Friday") or a prediction
    // someone reports ("…, forecasters said") is about a particular case.
    const WHEN: &Words = &Words::new(&["today", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "soon"]);
    let near_end = (t + 25).min(s.t1);
    let anchored = (t..near_end).any(|x| {
        doc.is_one_of(x, WHEN) || (doc.is_one_of(x, words!["next", "this", "coming"]) && doc.is_one_of(x + 1, words!["week", "weekend", "month", "year", "season", "summer", "winter", "spring", "autumn", "fall"]))
    });
    // reported: the modal sits in what a reporting verb introduces ("warned that
    // prices may rise", "…, forecasters said")
    let reported = (t.saturating_sub(30).max(s.t0)..near_end).any(|x| {
        !s.is_quoted(x)
            && doc.is_lower_word(x)
            && (x + 1 == t || doc.is(x + 1, "that") || (x > t && (x.saturating_sub(4)..x).any(|c| doc.is(c, ","))))
            && doc.hits_at(x).iter().any(|h| matches!(doc.class(h), Class::Report(crate::lexicon::CuePattern::Verb | crate::lexicon::CuePattern::Prep)) && !matches!(doc.class(h), Class::Hedge(..)))
    });
    if anchored || reported {
        return Subject::Anchored;
    }
    const BOUNDARY: &Words = &Words::new(&[",", ";", ":", "(", ")", "—", "–", "“", "”", "\""]);
    const SUBORD: &Words = &Words::new(&["that", "which", "if", "when", "because", "although", "though", "while", "as", "since", "where", "whether", "so", "but", "and", "or", "then", "thus", "therefore", "however"]);
    // A relative clause usually describes what a kind of thing can do
    // ("an input which may be dismissed"): not clear either way.
    if t > s.t0 && doc.is_one_of(t - 1, words!["which", "who", "that"]) {
        return Subject::Other;
    }
    let lo = t.saturating_sub(12).max(s.t0);
    let mut a = t;
    while a > lo {
        let p = a - 1;
        if doc.is_one_of(p, BOUNDARY) || (doc.is_lower_word(p) && doc.is_one_of(p, SUBORD) && p + 1 < t) {
            break;
        }
        // "Analysts say the unrest could …": the modal is in reported speech
        if doc.is_lower_word(p) && doc.hits_at(p).iter().any(|h| matches!(doc.class(h), Class::Report(crate::lexicon::CuePattern::Verb))) {
            return Subject::Anchored;
        }
        a = p;
    }
    if a >= t {
        return Subject::Other;
    }
    let first = a;
    if doc.is_one_of(first, words!["they", "one", "you", "we", "a", "an", "any", "each", "every", "some", "many", "most", "all", "both"]) {
        return Subject::Generic;
    }
    if doc.is_number(first) {
        return Subject::Anchored;
    }
    // A pronoun, possessive, determiner or name: not a bare generic subject.
    if doc.is_possessive(first)
        || doc.is_one_of(first, words!["it", "he", "she", "this", "these", "those", "its", "his", "her", "their"])
        || doc.is_one_of(first, DETERMINERS)
        || (doc.is_cap(first) && !(first == s.t0 && !doc.is_cap(first + 1)))
    {
        return Subject::Other;
    }
    // A bare plural head: no determiner, name or possessive.
    let head_plural = (first..t).any(|x| {
        let w = doc.tok(x);
        doc.is_word(x) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !doc.is_one_of(x, words!["this", "its", "his", "was", "has", "is", "does"])
    });
    if head_plural && !(first..t).any(|x| doc.is_one_of(x, words!["it", "he", "she", "this", "that", "these", "those"])) {
        Subject::Generic
    } else {
        Subject::Other
    }
}

/// Detect the hedges of one sentence.
/// Words of time before a month: "in May", "Since May", "Last May".
const MONTH_BEFORE: &Words = words!["in", "since", "until", "by", "from", "through", "last", "next", "this", "early", "late", "mid", "of", "during", "before", "after", "on"];

/// A title-case or all-capitals line with no closing full stop: a headline,
/// where capitals do not mark names. Most of its words of four letters or
/// more are capitalised.
pub fn title_case(doc: &Doc, s: &Sent) -> bool {
    let last = (s.t0..s.t1).rev().find(|&t| !doc.is(t, "\"") && !doc.is(t, "”") && !doc.is(t, "'"));
    if last.is_some_and(|t| doc.is(t, ".")) {
        return false;
    }
    let (mut long, mut caps) = (0usize, 0usize);
    for t in (s.t0..s.t1).filter(|&t| doc.is_word(t) && doc.tok(t).len() >= 4).take(40) {
        long += 1;
        caps += doc.is_cap(t) as usize;
    }
    long >= 2 && caps * 10 >= long * 7
}

pub fn detect(doc: &Doc, s: &Sent) -> Vec<HedgeHit> {
    let mut out: Vec<HedgeHit> = Vec::new();
    let mut title: Option<bool> = None;
    for h in doc.hits_in(s.t0, s.t1) {
        let Class::Hedge(category, guard) = doc.class(h) else { continue };
        if !guard_ok(doc, s, guard, h.t0, h.t1) {
            continue;
        }
        // A comparison with an expectation is a measured fact: "larger than
        // doctors had assumed", "than previously thought".
        if category == HedgeCategory::Epistemic && (h.t0.saturating_sub(3).max(s.t0)..h.t0).any(|x| doc.is(x, "than")) {
            continue;
        }
        // Part of a capitalised name: a capitalised cue mid-sentence next to
        // another capitalised word (not in a title-case headline, where every
        // word is capitalised: "Prices Could Rise, Experts Say").
        if doc.is_cap(h.t0) && h.t0 > s.t0 && (doc.is_cap(h.t0 - 1) || doc.is_cap(h.t1)) && !*title.get_or_insert_with(|| title_case(doc, s)) {
            continue;
        }
        // Hits come sorted by start, longest first: keep the first of overlaps.
        if out.last().is_some_and(|o: &HedgeHit| o.span.end > h.span.start) {
            continue;
        }
        out.push(HedgeHit { span: h.span, t0: h.t0, t1: h.t1, category, weight: doc.entry(h).weight, hypothetical: false });
    }
    // A conditional main claim: its "if" and its modal, when the lexicon has
    // them (a reader can switch either off like any other term).
    let hypo_entry = |t: usize| doc.hits_at(t).iter().find(|h| h.t1 == t + 1 && matches!(doc.class(h), Class::Hedge(HedgeCategory::Conditional, Guard::Hypothetical))).map(|h| doc.entry(h).weight);
    // only a sentence with an "if"/"unless" hit can hold one (no scan otherwise)
    let has_if = doc.hits_in(s.t0, s.t1).any(|h| h.t1 == h.t0 + 1 && matches!(doc.class(h), Class::Hedge(HedgeCategory::Conditional, Guard::Hypothetical)) && doc.is_one_of(h.t0, IF_WORDS));
    if let Some((a, b)) = has_if.then(|| hypothetical(doc, s)).flatten() {
        if let (Some(wa), Some(wb)) = (hypo_entry(a), hypo_entry(b)) {
            for (t, w) in [(a, wa), (b, wb)] {
                if let Some(o) = out.iter_mut().find(|o| o.t0 <= t && t < o.t1) {
                    // a modal hedge at the same word ("could") is part of the hypothesis
                    o.hypothetical = true;
                } else {
                    out.push(HedgeHit { span: doc.span(t, t + 1), t0: t, t1: t + 1, category: HedgeCategory::Conditional, weight: w, hypothetical: true });
                }
            }
            crate::sort::sort_by_key(&mut out, |h| h.t0);
        }
    }
    out
}

const IF_WORDS: &Words = words!["if", "unless"];
const HYPO_MODALS: &Words = words!["would", "will", "could", "might", "may"];
/// What follows "if" in a condition that is itself a cue ("if confirmed",
/// "if true") or no hypothesis at all ("if you want to help, call …", "as if").
const NOT_HYPOTHESIS: &Words = words!["confirmed", "true", "accurate", "verified", "you", "any", "not", "so", "necessary", "possible", "needed", "anything", "only", "ever"];

/// A conditional main claim: "If the dam fails, the town would flood" (the
/// condition fronted, a modal in the main clause), or "The town would flood
/// if the dam failed" (a modal, then "if" in the same clause). Returns the
/// tokens of "if" and of the modal. Bounded: the condition is at most 30
/// tokens, the main clause is read up to its first clause break.
pub fn hypothetical(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    const BREAK: &Words = words![",", ";", ":", "—", "–", "(", ")", "."];
    let mut t = s.t0;
    // skip an opening quotation mark and a conjunction: "But if …"
    while t < s.t1 && t < s.t0 + 3 && ((doc.is_punct(t) && !doc.is_one_of(t, BREAK)) || doc.is_one_of(t, words!["but", "and", "so", "yet", "even"])) {
        t += 1;
    }
    if t < s.t1 && doc.is_one_of(t, IF_WORDS) {
        if doc.is_one_of(t + 1, NOT_HYPOTHESIS) || (t > s.t0 && doc.is(t - 1, "as")) {
            return None;
        }
        // the condition ends at its comma; the main clause holds the modal
        let comma = (t + 1..(t + 30).min(s.t1)).find(|&x| doc.is(x, ","))?;
        let end = (comma + 1..s.t1).find(|&x| doc.is_one_of(x, BREAK)).unwrap_or(s.t1).min(comma + 25);
        // in a title-case headline the modal is capitalised too
        let title = || title_case(doc, s);
        let modal = (comma + 1..end).find(|&x| doc.is_one_of(x, HYPO_MODALS) && (doc.is_lower_word(x) || title()))?;
        return Some((t, modal));
    }
    // postposed: a modal in the main clause, then "if" in the same clause.
    // A modal after a reporting verb or a complementizer is inside what was
    // said or asked ("had not explained what the marines would do if …").
    let modal = (s.t0..s.t1).find(|&x| doc.is_lower_word(x) && doc.is_one_of(x, HYPO_MODALS))?;
    let embedded = (s.t0..modal).any(|x| {
        doc.is_one_of(x, words!["that", "what", "how", "whether", "which", "who", "why", "when", "where"]) || doc.hits_at(x).iter().any(|h| matches!(doc.class(h), Class::Report(_)))
    });
    if embedded {
        return None;
    }
    let cond = (modal + 1..(modal + 20).min(s.t1)).take_while(|&x| !doc.is_one_of(x, BREAK)).find(|&x| doc.is_lower_word(x) && doc.is_one_of(x, IF_WORDS))?;
    if doc.is_one_of(cond + 1, NOT_HYPOTHESIS) || doc.is(cond - 1, "as") {
        return None;
    }
    Some((cond, modal))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedges(text: &str) -> Vec<String> {
        crate::doc::with_sentences(text, |doc, sents| sents.iter().flat_map(|s| detect(doc, s)).map(|h| h.span.text(text).to_string()).collect())
    }

    #[test]
    fn cues_fire() {
        assert_eq!(hedges("The plant reportedly closed."), ["reportedly"]);
        assert_eq!(hedges("Some 500 workers may have left."), ["Some", "may"]);
        assert_eq!(hedges("It is believed the deal was signed."), ["It is believed"]);
        assert_eq!(hedges("The deal, if confirmed, would be large."), ["if confirmed"]);
        assert_eq!(hedges("Analysts suggest the plan might fail."), ["suggest", "might"]);
        assert_eq!(hedges("It hired about 40 staff."), ["about"]);
        assert_eq!(hedges("Prices were widely expected to rise."), ["widely", "expected"]);
        assert_eq!(hedges("The firm was suspected of fraud."), ["suspected"]);
        assert_eq!(hedges("Exports likely fell."), ["likely"]);
        assert_eq!(hedges("It seemed calm."), ["seemed"]);
        assert_eq!(hedges("An estimated 9,000 people came."), ["An estimated"]);
        assert_eq!(hedges("Many believe the mill will close."), ["Many believe"]);
    }

    #[test]
    fn issue_15_cues_fire_and_guards_hold() {
        assert_eq!(hedges("Rumours of a merger lifted shares."), ["Rumours"]);
        assert_eq!(hedges("The rumor spread fast."), ["rumor"]);
        assert_eq!(hedges("A rumour went round."), ["rumour"]);
        assert_eq!(hedges("The rumors grew."), ["rumors"]);
        assert_eq!(hedges("She thinks the plan will fail."), ["thinks"]);
        assert_eq!(hedges("Officials think the fire was set."), ["think"]);
        assert!(hedges("A think tank published the study.").is_empty());
        assert!(hedges("They think of the river as theirs.").is_empty());
        assert_eq!(hedges("The so-called reform passed."), ["so-called"]);
        assert!(hedges("Whether or not it rains, the fair opens.").is_empty());
        assert_eq!(hedges("If the dam fails, the town would flood."), ["If", "would"]);
        assert!(hedges("If you want to help, call the hotline.").is_empty());
        // a reader who switches "would" off switches the hypothesis off
        let opts = crate::Options { disabled_terms: vec!["would".into()], ..Default::default() };
        assert!(crate::analyze("If the dam fails, the town would flood.", &opts).sentences[0].hedges.is_empty());
    }

    /// Regression: a modal passive of a news event about a particular thing
    /// ("the vote may be postponed") was read as a procedure and dropped.
    #[test]
    fn regression_event_passive_about_a_particular_thing_is_a_hedge() {
        assert_eq!(hedges("The vote may be postponed until spring."), ["may"]);
        assert_eq!(hedges("The bridge could be closed for weeks."), ["could"]);
        // A procedure for a kind of thing is still not doubt.
        assert!(hedges("Pasta may be served cold.").is_empty());
        assert!(hedges("Tickets may be delayed by post.").is_empty());
    }

    #[test]
    fn non_hedges_stay_quiet() {
        assert!(hedges("A launch in May failed.").is_empty());
        assert!(hedges("May 5 was the deadline.").is_empty());
        assert!(hedges("They fear its military might.").is_empty());
        assert!(hedges("The might of the navy grew.").is_empty());
        assert!(hedges("Over 10,000 troops and more than 20 ships moved.").is_empty());
        assert!(hedges("The insurance claims rose.").is_empty());
        assert!(hedges("They talked about the port.").is_empty());
        assert!(hedges("The report could not be independently verified.").is_empty());
        assert!(hedges("Profits rose, as expected.").is_empty());
        assert!(hedges("It is the most advanced system.").is_empty());
        assert!(hedges("She met Hope Might Jones.").is_empty());
        assert!(hedges("The will of the people and a can of paint.").is_empty());
        assert!(hedges("Police named the suspect and two suspects fled.").is_empty());
        assert_eq!(hedges("Officials suspect arson."), ["suspect"]);
    }
}
