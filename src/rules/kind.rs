//! Sentence kinds: claim, heading, boilerplate, other.
//!
//! - boilerplate: page furniture from `data/boilerplate.txt` (ads, "Related",
//!   credits, disclaimers), a bare URL or e-mail, or a line of only dates/times.
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
    let lower = if words <= 12 { text.trim().to_lowercase() } else { String::new() };
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
    }
    // A word token that starts with an ASCII letter settles it without a scan.
    let ascii_letter = (s.t0..s.t1).any(|t| doc.is_word(t) && doc.tok(t).as_bytes().first().is_some_and(u8::is_ascii_alphabetic));
    if !ascii_letter && !text.chars().any(|c| c.is_alphabetic()) {
        return SentenceKind::Other;
    }
    let last = text.trim_end().chars().next_back().unwrap_or(' ');
    let terminated = matches!(last, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | '。');
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

/// "By" opens a byline only when a capitalised name follows ("By Jane Doe"),
/// not "By the end of the year …".
fn byline_ok(doc: &Doc, s: &Sent, phrase: &str) -> bool {
    if phrase != "by" {
        return true;
    }
    doc.is_cap(s.t0 + 1) && !doc.is_one_of(s.t0 + 1, words!["the", "a", "an", "then", "now"])
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
                    let lower = s.span.text(doc.text).trim().to_lowercase();
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
}
