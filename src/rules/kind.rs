//! Sentence kinds: claim, heading, boilerplate, other.
//!
//! - boilerplate: page furniture from `data/boilerplate.txt` (ads, "Related",
//!   bylines, credits, corrections, disclaimers), a contributor line ("Ruiz
//!   reports for the Herald."), a bare URL or e-mail, or a line of only
//!   dates/times.
//! - heading: a Markdown `#` line, or a line that is a whole paragraph, has no
//!   closing punctuation and at most 25 words.
//! - other: questions, calls to action, fragments of one or two words, and
//!   text with no letters.
//! - claim: everything else.

use crate::words;
use crate::doc::{Doc, Sent, Words};
use crate::lexicon::{BoilerHow, BoilerIndex};
use crate::report::SentenceKind;

const MONTHS: &Words = &Words::new(&[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "gmt", "utc", "est", "edt", "pst", "kst",
    "bst", "cet", "updated", "published", "a", "p", "m", "et", "pt", "ct", "mt", "noon", "midnight",
]);

fn is_url_or_email(s: &str) -> bool {
    let s = s.trim();
    !s.contains(char::is_whitespace)
        && (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") || (s.contains('@') && s.contains('.')))
}

/// Only numbers, month/day names, time words and separators, with at least one number.
fn is_date_line(doc: &Doc, s: &Sent) -> bool {
    let mut numbers = 0;
    for t in s.t0..s.t1 {
        if doc.is_number(t) {
            numbers += 1;
        } else if doc.is_word(t) && !doc.is_one_of(t, MONTHS) {
            return false;
        }
    }
    numbers > 0
}

/// `furniture`: the sentence holds a boilerplate `contains` phrase (found for
/// the whole text in one pass by the caller).
pub fn classify(doc: &Doc, s: &Sent, furniture: bool) -> SentenceKind {
    let text = s.span.text(doc.text);
    let words = s.word_count();
    if furniture && words <= 40 {
        return SentenceKind::Boilerplate;
    }
    // Page furniture is short: longer sentences skip the lower-casing and phrase checks.
    let lower = if words <= 12 { text.trim().to_ascii_lowercase() } else { String::new() };
    let bare = lower.trim_end_matches([':', '.', '!', ' ']).trim_start_matches(['#', ' ']);

    // a date line is short and holds a number
    let date_like = words > 0 && words <= 12 && (s.t0..s.t1).any(|t| doc.is_number(t)) && is_date_line(doc, s);
    if is_url_or_email(text) || date_like {
        return SentenceKind::Boilerplate;
    }
    // The first boilerplate phrase (in the data file's order) that the line
    // is, or starts with; `contains` phrases were matched above. Only the
    // phrases that start with the line's first byte are tried.
    if words <= 12 {
        if let Some(i) = first_phrase(&doc.lex.boilerplate, &doc.lex.boiler_index, &lower, bare, |p| byline_ok(doc, s, p)) {
            return if doc.lex.boilerplate[i].1 == BoilerHow::Cta { SentenceKind::Other } else { SentenceKind::Boilerplate };
        }
    } else if labelled_note(doc, text) {
        return SentenceKind::Boilerplate;
    }
    if contributor_line(doc, s, words) {
        return SentenceKind::Boilerplate;
    }
    // A word token that starts with an ASCII letter settles it without a scan.
    let ascii_letter = (s.t0..s.t1).any(|t| doc.is_word(t) && doc.tok(t).as_bytes().first().is_some_and(u8::is_ascii_alphabetic));
    if !ascii_letter && !text.chars().any(|c| c.is_alphabetic()) {
        return SentenceKind::Other;
    }
    let last = text.trim_end().chars().next_back().unwrap_or(' ');
    // a closing quotation mark or bracket ends a sentence only after a stop:
    // `Minister: "We Will Not Resign"` is a headline, `… he said "no."` is not
    let before_closer = text.trim_end().trim_end_matches(['"', '”', '’', '\'', ')']).chars().next_back().unwrap_or(' ');
    let terminated = matches!(last, '.' | '!' | '?' | '…' | '。') || (matches!(last, '"' | '”' | '’' | '\'' | ')') && matches!(before_closer, '.' | '!' | '?' | '…' | ',' | ';' | ':' | '。'));
    // A list item is content, never a heading: "- Lucia Ferrante: 2,914 votes".
    let list_item = crate::segment::is_list_marker_start(text);
    // A line that ends in a colon and reports speech introduces what follows
    // ("Whitfield said the plan has three parts:"); "Key facts:" and "What
    // residents need to know:" stay headings.
    let lead_in = last == ':'
        && words >= 3
        && (s.t0 + 1..s.t1).any(|t| doc.is_lower_word(t) && doc.hits_at(t).iter().any(|h| matches!(doc.class(h), crate::lexicon::Class::Report(_))));
    if text.trim_start().starts_with('#') || (s.whole_paragraph && !terminated && words <= 25 && last != ',' && !list_item && !lead_in) {
        return SentenceKind::Heading;
    }
    // a question standing as its own title-case line is a headline ("Did the Mayor Lie?")
    if last == '?' && s.whole_paragraph && words <= 25 && crate::rules::hedges::title_case(doc, s) {
        return SentenceKind::Heading;
    }
    if last == '?' || (text.trim_end().ends_with("?”") || text.trim_end().ends_with("?\"")) && words < 12 {
        return SentenceKind::Other;
    }
    if words <= 2 {
        return SentenceKind::Other;
    }
    // A call to action with a condition: "If you want to help, call the hotline."
    if doc.is(s.t0, "if") && doc.is(s.t0 + 1, "you") {
        if let Some(c) = (s.t0 + 2..s.t1.min(s.t0 + 20)).find(|&t| doc.is(t, ",")) {
            let imperative = c + 1 < s.t1 && doc.is_lower_word(c + 1) && !doc.is_one_of(c + 1, crate::doc::DETERMINERS) && !doc.is_one_of(c + 1, crate::words!["you", "it", "there", "we", "they", "he", "she", "i", "this", "that", "then", "the", "your"]) && !doc.tok(c + 1).ends_with("ly");
            if imperative {
                return SentenceKind::Other;
            }
        }
    }
    SentenceKind::Claim
}

/// The place in `boilerplate` (indexed by `index`) of the first line-level
/// phrase that the line (`lower`, and `bare` without its closing punctuation)
/// is or starts with; `byline_ok` vets a `prefix` phrase.
fn first_phrase(
    boilerplate: &[(String, BoilerHow)],
    index: &BoilerIndex,
    lower: &str,
    bare: &str,
    byline_ok: impl Fn(&str) -> bool,
) -> Option<usize> {
    let exact = index.exact.get(bare).copied();
    let first = lower.as_bytes().first().map_or(256, |&b| b as usize);
    let starting = index.by_first[first].iter().copied().take_while(|&i| exact.is_none_or(|e| i < e)).find(|&i| {
        let (phrase, how) = &boilerplate[i];
        starts_with_word(lower, phrase) && (*how == BoilerHow::Cta || byline_ok(phrase))
    });
    starting.or(exact)
}

fn starts_with_word(lower: &str, phrase: &str) -> bool {
    lower.starts_with(phrase)
        && lower[phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() || !phrase.chars().last().is_some_and(|p| p.is_alphanumeric()))
}

/// Phrases that open a line of names: a byline ("By Ana Ruiz, Health
/// Correspondent", "By A and B | The Herald") or a photo credit ("Credit Ana
/// Ruiz/Herald").
const NAME_LINE: &[&str] = &["by", "credit"];

/// Lower-case words a run of names may hold before its first separator.
const NAME_JOINERS: &Words = words![
    "and", "de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "bin", "al", "for", "via", "of",
    "the", "at", "special", "to", "staff",
];

/// "By" and "Credit" open furniture only before a name and as a label: "By
/// the end of the year …", "By March, prices had doubled." and "Credit unions
/// lend more." are sentences. After the first separator ("," "|" "/" "—")
/// anything may follow: a title, an outlet.
fn byline_ok(doc: &Doc, s: &Sent, phrase: &str) -> bool {
    if !NAME_LINE.contains(&phrase) {
        return true;
    }
    let first = s.t0 + 1;
    if !doc.is_cap(first) || doc.is_one_of(first, words!["the", "a", "an", "then", "now"]) || doc.is_one_of(first, MONTHS) {
        return false;
    }
    // a label has no closing full stop, save one after an initial ("By Ana Ruiz Jr.")
    let text = s.span.text(doc.text).trim_end();
    if text.ends_with(['!', '?']) || (text.ends_with('.') && (s.t0..s.t1).rev().find(|&t| doc.is_word(t)).is_some_and(|t| doc.tok(t).len() > 2)) {
        return false;
    }
    for t in first..s.t1 {
        if doc.is_punct(t) {
            if matches!(doc.tok(t), "," | "|" | "/" | "—" | "–" | "-" | ":" | ";" | "(" | "•") {
                break;
            }
        } else if doc.is_lower_word(t) && !doc.is_one_of(t, NAME_JOINERS) {
            return false;
        }
    }
    true
}

/// A note with a label, at any length: "Correction: An earlier version of
/// this article …", "Disclosure: …", "Related: <a long headline>". The label
/// is a `prefix` phrase of `data/boilerplate.txt` that ends in a colon.
fn labelled_note(doc: &Doc, text: &str) -> bool {
    let text = text.trim_start();
    let Some(colon) = memchr::memchr(b':', &text.as_bytes()[..text.len().min(24)]) else { return false };
    let head = text[..=colon].to_ascii_lowercase();
    let index = &doc.lex.boiler_index;
    let first = head.as_bytes().first().map_or(256, |&b| b as usize);
    index.by_first[first].iter().any(|&i| {
        let (phrase, how) = &doc.lex.boilerplate[i];
        *how == BoilerHow::Prefix && phrase.ends_with(':') && head == *phrase
    })
}

/// Verbs and role words of a line about the article's own staff.
const STAFF_VERBS: &Words = words!["reports", "writes", "covers", "reported", "wrote"];
const STAFF_ROLES: &Words = words![
    "reporter", "correspondent", "writer", "editor", "columnist", "journalist", "photographer", "photojournalist",
    "contributor", "producer", "critic", "intern", "fellow", "reporters", "correspondents", "writers", "editors",
];

/// A contributor line: a name, then "reports/writes/covers … for <Outlet>"
/// or "is a <role> …" and an outlet's capitalised name: "Ruiz reports for
/// the Herald.", "Ana Ruiz covers health for The Herald.", "Lee Park is a
/// staff writer at the Herald." Not "The agency reports for the quarter …"
/// (no name), "Ruiz reports for duty." (no outlet) or a long sentence.
fn contributor_line(doc: &Doc, s: &Sent, words: usize) -> bool {
    if !(3..=16).contains(&words) || !doc.is_cap(s.t0) {
        return false;
    }
    if doc.is_one_of(s.t0, words!["the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "i", "its", "his", "her", "their", "our"]) {
        return false;
    }
    // the name(s): capitalised words, "and" and commas between them
    let mut t = s.t0;
    while t < s.t1 && t - s.t0 < 8 && (doc.is_cap(t) || doc.is(t, "and") || doc.is(t, ",")) {
        t += 1;
    }
    let window = (t + 6).min(s.t1);
    // "for", "at" or "with", then an outlet's capitalised name ("the Herald")
    let outlet_after = |from: usize| {
        (from..window).find(|&f| doc.is_one_of(f, words!["for", "at", "with"])).is_some_and(|f| {
            let o = f + 1 + doc.is(f + 1, "the") as usize;
            o < s.t1 && doc.is_cap(o)
        })
    };
    if doc.is_one_of(t, STAFF_VERBS) {
        return outlet_after(t + 1);
    }
    if doc.is_one_of(t, words!["is", "was", "are"]) && doc.is_one_of(t + 1, words!["a", "an", "the"]) {
        // "is a health reporter for the Herald", "is the Herald's Europe editor"
        let role = (t + 2..window).find(|&r| doc.is_one_of(r, STAFF_ROLES));
        return role.is_some_and(|r| outlet_after(r + 1) || (t + 2..r).any(|c| doc.is_cap(c)));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<SentenceKind> {
        crate::doc::with_sentences(text, |doc, sents| sents.iter().map(|s| classify(doc, s, doc.has_furniture(s.span))).collect())
    }

    /// The index must find the same phrase as trying every phrase in order.
    #[test]
    fn the_boilerplate_index_finds_what_trying_every_phrase_finds() {
        let scan = |doc: &Doc, s: &Sent, lower: &str, bare: &str| {
            doc.lex.boilerplate.iter().position(|(phrase, how)| match how {
                BoilerHow::Exact => bare == phrase,
                BoilerHow::Prefix => starts_with_word(lower, phrase) && byline_ok(doc, s, phrase),
                BoilerHow::Cta => starts_with_word(lower, phrase),
                BoilerHow::Contains => false,
            })
        };
        let lex = crate::lexicon::Lexicon::default_ref();
        let mut lines = vec![String::new(), "By the end of the year".into(), "By Jane Doe".into(), "#".into()];
        for (phrase, _) in &lex.boilerplate {
            let mut cap = phrase.clone();
            if let Some(c) = cap.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            lines.extend([phrase.clone(), format!("{phrase}: Jane Doe"), format!("{cap} now"), format!("{phrase}s"), format!("## {phrase}.")]);
        }
        let mut found = 0;
        for line in &lines {
            crate::doc::with_sentences(line, |doc, sents| {
                for s in sents {
                    let lower = s.span.text(doc.text).trim().to_ascii_lowercase();
                    let bare = lower.trim_end_matches([':', '.', '!', ' ']).trim_start_matches(['#', ' ']);
                    let want = scan(doc, s, &lower, bare);
                    let got = first_phrase(&lex.boilerplate, &lex.boiler_index, &lower, bare, |p| byline_ok(doc, s, p));
                    assert_eq!(got, want, "{line:?}");
                    found += want.is_some() as usize;
                }
            });
        }
        assert!(found > lex.boilerplate.len(), "only {found} lines matched a phrase");
    }

    /// The first phrase in the list's order wins, whichever way it matches.
    #[test]
    fn the_first_matching_phrase_wins() {
        use BoilerHow::*;
        let list: Vec<(String, BoilerHow)> =
            [("watch", Prefix), ("watch now", Exact), ("", Cta), ("sign up", Cta), ("sign up", Exact), ("by", Prefix)]
                .into_iter()
                .map(|(p, h)| (p.to_string(), h))
                .collect();
        let index = BoilerIndex::new(&list);
        let first = |lower: &str, bare: &str| first_phrase(&list, &index, lower, bare, |p| p != "by");
        assert_eq!(first("watch now", "watch now"), Some(0)); // the prefix comes first
        assert_eq!(first("sign up", "sign up"), Some(2)); // the empty cta starts every line
        let without_empty = &list[3..];
        let index = BoilerIndex::new(without_empty);
        let first = |lower: &str, bare: &str| first_phrase(without_empty, &index, lower, bare, |p| p != "by");
        assert_eq!(first("sign up:", "sign up"), Some(0)); // the cta before the exact one
        assert_eq!(first("by jane doe", "by jane doe"), None); // the byline check says no
        assert_eq!(first("", ""), None);
        let reordered = vec![("sign up".to_string(), Exact), ("sign up".to_string(), Cta)];
        let index = BoilerIndex::new(&reordered);
        assert_eq!(first_phrase(&reordered, &index, "sign up", "sign up", |_| true), Some(0)); // the exact one first
    }

    #[test]
    fn furniture_headings_and_claims() {
        use SentenceKind::*;
        assert_eq!(
            kinds("Advertisement\nPort Deal Signed Amid Protests\nThe port opened on Monday.\nRelated:\nhttps://example.org/x\n03/04/2025 10h15"),
            [Boilerplate, Heading, Claim, Boilerplate, Boilerplate, Boilerplate]
        );
        assert_eq!(kinds("By Jane Doe\nBy the end of the year, the port had opened."), [Boilerplate, Claim]);
        assert_eq!(kinds("The views expressed here do not reflect the opinion of this site."), [Boilerplate]);
        assert_eq!(kinds("Is the port open? Subscribe now for updates."), [Other, Other]);
        assert_eq!(kinds("### A Markdown Heading"), [Heading]);
        // a conditional call to action is no claim; a conditional statement is
        assert_eq!(kinds("If you want to help, call the hotline. If you live there, you know the roads."), [Other, Claim]);
        // a sentence-case line ending in a colon leads into a list or a quotation
        assert_eq!(kinds("Whitfield said the plan has three parts:\nKey facts:\nWhat We Know So Far:\nWhat residents need to know:"), [Claim, Heading, Heading, Heading]);
        assert_eq!(kinds("Photo: Jane Doe for the Daily Bugle"), [Boilerplate]);
    }

    /// One line for each furniture entry and rule; each stands alone as its
    /// own paragraph, as it does on a page.
    #[test]
    fn bylines_credits_notes_and_contributor_lines() {
        use SentenceKind::*;
        for line in [
            // bylines with a title or an outlet
            "By Ana Ruiz, Health Correspondent",
            "By Ana Ruiz and Lee Park | The Herald",
            "By Ana Ruiz for the Herald",
            "By ANA RUIZ",
            "By Ana B. Ruiz Jr.",
            // photo labels and credits
            "Photo",
            "Photos",
            "Video",
            "Credit Ana Ruiz/Herald",
            "Credit: Ana Ruiz/Herald",
            // notes: short, and long behind a label
            "Correction: An earlier version of this article misstated the date.",
            "Correction: An earlier version of this article misstated the date on which the harbour board of Keldmoor first voted on the dredging plan.",
            "Corrections: Two names were misspelled.",
            "Clarification: The board has not yet voted on the plan to close the ferry terminal at Halvik before the winter storms.",
            "Disclosure: The author owns shares in Orrin Pell.",
            "Disclaimer: The views in this column are the writer's own and not those of the paper or of any of its owners.",
            "Editor's note: This article is part of a series on water.",
            "Editor’s note: This article is part of a series on water.",
            "Editors' note: This article is part of a series on water.",
            "An earlier version of this story gave the wrong date for the vote.",
            "This story has been updated to add comment from the mayor.",
            "This article has been updated with new figures.",
            "This story has been corrected to fix a name.",
            "This article has been corrected to fix a name.",
            "This story was updated at noon.",
            // ad slots
            "Advertisement – Scroll to continue",
            "Article continues below this ad",
            "Story continues below",
            // contributor lines
            "Lee Park contributed to this report.",
            "Lee Park contributed to this article.",
            "Lee Park and Ana Ruiz contributed to this story.",
            "Lee Park contributed reporting from Lima.",
            "Ruiz reports for the Herald.",
            "Ana Ruiz covers health for The Herald.",
            "Ana Ruiz writes about farming for the Keldmoor Post.",
            "Ana Ruiz is a staff writer at the Herald.",
            "Ana Ruiz is the Herald's Europe editor.",
        ] {
            assert_eq!(kinds(line), [Boilerplate], "{line:?}");
        }
        // the guards: ordinary sentences stay claims
        for line in [
            "By the end of the year, the port had reopened.",
            "By March, prices had doubled.",
            "By Christmas the shelves were empty.",
            "By Monday evening three ferries had sailed.",
            "By 2030 the plant will close.",
            "Photo finishes decided two races.",
            "Credit unions lend more than banks here.",
            "Credit Suisse shares fell on Monday.",
            "Video footage shows the crash.",
            "The agency reports for the quarter showed a loss.",
            "Ruiz reports for duty on Monday.",
            "Ana Ruiz is a candidate for mayor.",
            "Ana Ruiz is a former editor who now runs a bakery in Lima and sells bread to the harbour workers.",
            "He writes for the Herald and teaches in Lima.",
            "Ruiz, who writes for the Herald, said the port was closed.",
            "The correction came late: prices had already fallen by a third across the whole of the region.",
            "Advertisement spending rose by a fifth last year.",
            "Researchers said the updated story of the mill has been corrected in the town archive since.",
        ] {
            assert_eq!(kinds(line), [Claim], "{line:?}");
        }
        // a byline above the article, the article's first sentence below it
        assert_eq!(kinds("By Ana Ruiz, Health Correspondent\n\nThe clinic in Halvik closed on Monday."), [Boilerplate, Claim]);
    }
}
