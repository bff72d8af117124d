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
use crate::lexicon::BoilerHow;
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
    // the first byte rules out almost every phrase before the string tests
    let first = lower.as_bytes().first();
    for (phrase, how) in doc.lex.boilerplate.iter().filter(|_| words <= 12) {
        let short = words <= 12;
        let may_start = phrase.is_empty() || phrase.as_bytes().first() == first;
        let hit = match how {
            BoilerHow::Exact => bare == phrase,
            BoilerHow::Prefix => short && may_start && starts_with_word(&lower, phrase) && byline_ok(doc, s, phrase),
            BoilerHow::Contains => false, // matched above

            BoilerHow::Cta => short && may_start && starts_with_word(&lower, phrase),
        };
        if hit {
            return if *how == BoilerHow::Cta { SentenceKind::Other } else { SentenceKind::Boilerplate };
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
    if text.trim_start().starts_with('#') || (s.whole_paragraph && !terminated && words <= 25 && last != ',' && !list_item) {
        return SentenceKind::Heading;
    }
    if last == '?' || (text.trim_end().ends_with("?”") || text.trim_end().ends_with("?\"")) && words < 12 {
        return SentenceKind::Other;
    }
    if words <= 2 {
        return SentenceKind::Other;
    }
    SentenceKind::Claim
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
        assert_eq!(kinds("Photo: Jane Doe for the Daily Bugle"), [Boilerplate]);
    }
}
