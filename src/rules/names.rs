//! Names: runs of capitalised words, and whether a run names a person, an
//! organisation or a place, or is only a role or a nationality.
//!
//! - An organisation ends in an organisation word ("… Intelligence Service"),
//!   is a known outlet or agency ("TASS"), or is an acronym ("NIS").
//! - A country or capital is its government speaking ("Seoul", "South Korea").
//! - Leading honorifics, roles and nationality words are split off as the role:
//!   "Russian President Vladimir Putin" is Vladimir Putin, role "Russian President".
//! - Anything else of one to four words is a person.

use crate::words;
use crate::doc::{Doc, Sent, Words};
use crate::lexicon::{Class, OrgClass, PlaceClass, RoleClass};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The third field of a data file's lines, by the line's phrase: what a later
/// description may call what the phrase names ("times | head | newspaper
/// paper": after "The Dunmore Times", "the newspaper").
fn descriptions(raw: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut m = HashMap::default();
    for line in raw.lines() {
        let Some(f) = crate::lexicon::fields(line) else { continue };
        if let (Some(&w), Some(&d)) = (f.first(), f.get(2)) {
            m.insert(w, d.split_whitespace().collect());
        }
    }
    m
}

const ORG_LINES: &str = crate::entry_lines!(crate::lexicon::ORGS);
const ROLE_LINES: &str = crate::entry_lines!(crate::lexicon::ROLES);

/// What "the X" may call an organisation whose name ends in `last` (a
/// normalised word): the head word itself and orgs.txt's third field
/// ("shipping" → "shipping", "company", "firm", "shipper").
pub fn org_descriptions(last: &str) -> impl Iterator<Item = &str> {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let more = T.get_or_init(|| descriptions(ORG_LINES)).get(last).map_or(&[][..], Vec::as_slice);
    std::iter::once(last).chain(more.iter().copied().filter(move |d| *d != last))
}

/// The nouns a later description uses for a role word (lower case): roles.txt's
/// third field, or the word itself ("sen" → "senator", "lawmaker"; "mayor" → "mayor").
pub fn role_nouns(word: &str) -> &[&str] {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| descriptions(ROLE_LINES)).get(word).map_or(&[][..], Vec::as_slice)
}

/// "45-year-old" (any case, any hyphen) as a description key: a person the
/// article gave that age ("Whitfield, 45,") can be called "the 45-year-old".
pub fn age_description(word: &str) -> Option<String> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = word.get(digits..)?;
    let letters: String = rest.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    let joiners = rest.chars().filter(|c| !c.is_ascii_alphabetic()).all(|c| matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}'));
    ((1..=3).contains(&digits) && letters == "yearold" && joiners).then(|| format!("{}-year-old", &word[..digits]))
}

/// Token `t` is an age used as a noun: "the 45-year-old said".
pub fn is_age_noun(doc: &Doc, t: usize) -> bool {
    age_description(doc.tok(t)).is_some()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Org,
    Place,
}

#[derive(Clone, Copy, Debug)]
pub struct Name {
    pub kind: NameKind,
    /// The name itself, without honorifics and roles.
    pub t0: usize,
    pub t1: usize,
    /// The role words split off the front, if any (`r0..t0`).
    pub r0: usize,
}

pub const CALENDAR: &Words = &Words::new(&[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday",
]);

/// Last words of place names: "Calder Street", "Pell County".
const PLACE_HEADS: &Words = &Words::new(&[
    "street", "st", "avenue", "ave", "road", "rd", "lane", "boulevard", "blvd", "drive", "square", "park", "river",
    "lake", "mountain", "mountains", "county", "city", "town", "village", "bridge", "bay", "island", "islands", "valley",
    "hill", "hills", "district", "province", "region", "peninsula", "coast", "creek", "canyon", "highway", "station",
]);

/// Words that open sentences followed by a comma.
const DISCOURSE: &Words = &Words::new(&[
    "however", "meanwhile", "still", "instead", "also", "yet", "thus", "therefore", "moreover", "furthermore",
    "nevertheless", "nonetheless", "now", "then", "today", "yesterday", "earlier", "later", "first", "finally",
    "separately", "indeed", "overall", "again", "so", "but", "and", "or", "yes", "no", "well", "here", "there",
]);

const PARTICLES: &Words = &Words::new(&["de", "van", "von", "der", "bin", "al", "da", "del", "la", "le", "di", "du"]);

/// A capitalised word that may be part of a name (not a lone sentence-initial
/// common word: that is decided by the caller).
fn name_word(doc: &Doc, t: usize) -> bool {
    doc.is_cap(t)
}

/// Is token `t` a role word (honorific, office) per roles.txt?
pub fn role_class(doc: &Doc, t: usize) -> Option<RoleClass> {
    doc.hits_at(t).iter().find_map(|h| match doc.class(h) {
        Class::Role(r) if h.t1 == t + 1 => Some(r),
        _ => None,
    })
}

fn demonym_len(doc: &Doc, t: usize) -> Option<usize> {
    doc.hits_at(t).iter().find_map(|h| match doc.class(h) {
        Class::Place(PlaceClass::Demonym) if doc.is_cap(t) => Some(h.t1 - h.t0),
        _ => None,
    })
}

fn place_len(doc: &Doc, t: usize) -> Option<usize> {
    doc.hits_at(t).iter().find_map(|h| match doc.class(h) {
        Class::Place(PlaceClass::Country | PlaceClass::Capital) if doc.is_cap(t) => Some(h.t1 - h.t0),
        _ => None,
    })
}

/// Token `t` ends an organisation's name ("Department", "Agency").
pub fn is_org_head(doc: &Doc, t: usize) -> bool {
    doc.is_cap(t) && org_word(doc, t) == Some(OrgClass::Head)
}

fn org_word(doc: &Doc, t: usize) -> Option<OrgClass> {
    doc.hits_at(t).iter().find_map(|h| match doc.class(h) {
        Class::Org(c) if h.t1 == t + 1 => Some(c),
        _ => None,
    })
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// The run of name tokens ending at `end` (inclusive), walking left.
/// Includes initials with their dot ("V ."), honorific dots ("Mr ."), and
/// lower-case particles between capitalised words. Stops at possessives to the
/// left (a possessor is a modifier, not part of the name).
pub fn run_ending_at(doc: &Doc, sent: &Sent, end: usize) -> Option<(usize, usize)> {
    if end < sent.t0 || end >= sent.t1 || !name_word(doc, end) {
        return None;
    }
    let mut a = end;
    while a > sent.t0 {
        let p = a - 1;
        if name_word(doc, p) && !doc.is_possessive(p) {
            a = p;
        } else if doc.is(p, ".") && p > sent.t0 && name_word(doc, p - 1) && (doc.tok(p - 1).chars().count() == 1 || role_class(doc, p - 1).is_some()) {
            a = p - 1;
        } else if doc.is_one_of(p, PARTICLES) && p > sent.t0 && name_word(doc, p - 1) {
            a = p - 1;
        } else if doc.is_one_of(p, words!["of", "for", "on"]) && doc.is_lower_word(p) && p > sent.t0 && is_org_head(doc, p - 1) {
            // "Department of Justice", "Ministry of Defence"
            a = p - 1;
        } else if name_word(doc, p) && doc.is_possessive(p) && is_org_head(doc, end) {
            // "the Pell County Sheriff's Office"
            a = p;
        } else {
            break;
        }
    }
    Some((a, end + 1))
}

/// The run of name tokens starting at `start`, walking right.
pub fn run_starting_at(doc: &Doc, sent: &Sent, start: usize) -> Option<(usize, usize)> {
    if start >= sent.t1 || !name_word(doc, start) {
        return None;
    }
    let mut b = start + 1;
    while b < sent.t1 {
        if doc.is_possessive(b - 1) && !(is_org_head(doc, b) || (b + 1 < sent.t1 && name_word(doc, b) && is_org_head(doc, b + 1))) {
            break;
        }
        if doc.is_one_of(b, words!["of", "for"]) && doc.is_lower_word(b) && is_org_head(doc, b - 1) && b + 1 < sent.t1 && name_word(doc, b + 1) {
            b += 2;
            continue;
        }
        if name_word(doc, b) {
            b += 1;
        } else if doc.is(b, ".") && b + 1 < sent.t1 && name_word(doc, b + 1) && (doc.tok(b - 1).chars().count() == 1 || role_class(doc, b - 1).is_some()) {
            b += 2;
        } else if doc.is(b, ".") && org_word(doc, b - 1) == Some(OrgClass::Head) && doc.tok(b - 1).len() <= 4 {
            // "Baltic Freight Ltd." keeps its dot
            b += 1;
            break;
        } else if doc.is_one_of(b, PARTICLES) && b + 1 < sent.t1 && name_word(doc, b + 1) {
            b += 2;
        } else {
            break;
        }
    }
    Some((start, b))
}

/// Classify a run of capitalised tokens. `None` when the run is only roles,
/// honorifics or nationality words.
pub fn classify(doc: &Doc, t0: usize, t1: usize) -> Option<Name> {
    // Split off leading roles, honorifics, nationality words and dots.
    let mut a = t0;
    while a < t1 && doc.is_one_of(a, words!["the", "a", "an", "this", "that"]) {
        a += 1;
    }
    // "The Times", "The Post": a lone organisation word after "The" is a title
    if a > t0 && a + 1 == t1 && org_word(doc, a) == Some(OrgClass::Head) {
        return Some(Name { kind: NameKind::Org, t0: a, t1, r0: a });
    }
    let t0 = a;
    // "Treasury Secretary Janet Morales": everything up to the last title word
    // is the role, when a name follows it.
    if let Some(last_role) = (a..t1).rev().find(|&t| role_class(doc, t).is_some_and(|c| c != RoleClass::Honorific) && org_word(doc, t).is_none()) {
        let after = if doc.is(last_role + 1, ".") { last_role + 2 } else { last_role + 1 };
        if after < t1 && doc.is_cap(after) && org_word(doc, t1 - 1) != Some(OrgClass::Head) && !(a..t1).any(|t| doc.is(t, "of") || doc.is(t, "for")) {
            a = after;
        }
    }
    // Where the name starts if the nationality belongs to it ("Korean Central News Agency").
    let mut with_demonym = None;
    while a < t1 {
        if doc.is(a, ".") {
            a += 1;
            continue;
        }
        if let Some(n) = demonym_len(doc, a) {
            with_demonym.get_or_insert(a);
            if a + n < t1 {
                a += n;
                continue;
            }
        }
        if role_class(doc, a).is_some() && org_word(doc, a).is_none() && a + 1 < t1 {
            a += 1;
            continue;
        }
        break;
    }
    if a >= t1 {
        return None;
    }
    if t1 - a == 1 && doc.is_one_of(a, CALENDAR) {
        return None;
    }
    let last = if doc.is(t1 - 1, ".") && t1 - 1 > a { t1 - 2 } else { t1 - 1 };
    if org_word(doc, last) == Some(OrgClass::Head) {
        if let Some(d) = with_demonym {
            return Some(Name { kind: NameKind::Org, t0: d, t1, r0: t0 });
        }
    }
    let whole_is_place = place_len(doc, a).is_some_and(|n| a + n >= t1);
    let kind = if org_word(doc, last) == Some(OrgClass::Head) && last + 1 - a >= 2 {
        NameKind::Org
    } else if (a..last).any(|t| is_org_head(doc, t) && doc.is_one_of(t + 1, words!["of", "for", "on"])) {
        NameKind::Org
    } else if last > a && doc.is_one_of(last, PLACE_HEADS) && !(t0..a).any(|t| role_class(doc, t).is_some()) {
        // "Downing Street", "Gorky Park"; but a title makes it a person: "Judge Ellen Park"
        NameKind::Place
    } else if (a..t1).any(|t| org_word(doc, t) == Some(OrgClass::Known)) {
        NameKind::Org
    } else if whole_is_place {
        NameKind::Place
    } else if t1 - a == 1 && is_acronym(doc.tok(a)) {
        NameKind::Org
    } else if demonym_len(doc, a).is_some_and(|n| a + n >= t1) || (t1 - a == 1 && role_class(doc, a).is_some()) {
        return None;
    } else if place_len(doc, a).is_some() && t1 - a >= 2 && org_word(doc, last).is_some() {
        NameKind::Org
    } else if t1 - a > 5 {
        NameKind::Org
    } else if t1 - a == 1 && a > 0 && doc.is(a - 1, "the") && !(t0..a).any(|t| role_class(doc, t).is_some()) {
        // a lone name after "the" is a title or a body, never a person: "the Herald"
        NameKind::Org
    } else {
        NameKind::Person
    };
    Some(Name { kind, t0: a, t1, r0: t0 })
}

/// A role in apposition right after a name: "Dana Whitfield, the city's
/// mayor, opened …" → the tokens of "the city's mayor". The text between the
/// two commas (at most 8 tokens) must hold a role word and open with a
/// determiner, a possessive owner or a capitalised word.
pub fn appositive_role(doc: &Doc, sent: &Sent, t1: usize) -> Option<(usize, usize)> {
    if !doc.is(t1, ",") || t1 + 2 >= sent.t1 {
        return None;
    }
    let a = t1 + 1;
    let close = (a..(a + 9).min(sent.t1)).find(|&t| doc.is_punct(t) && !doc.is(t, "."))?;
    let opens = doc.is_one_of(a, words!["the", "a", "an", "its", "his", "her", "their", "former"]) || doc.is_cap(a);
    if !(doc.is(close, ",") && close > a && opens) {
        return None;
    }
    // the role itself: no determiner or owner in front ("the city's"), no
    // prepositional phrase after ("director of the Health Department" → "director")
    let role_end = (a..close).find(|&t| doc.is_lower_word(t) && doc.is_one_of(t, words!["of", "for", "at", "in", "with", "to", "on"])).unwrap_or(close);
    let start = (a..role_end).rev().find(|&t| doc.is_possessive(t) || doc.is_one_of(t, words!["the", "a", "an", "its", "his", "her", "their"])).map_or(a, |t| t + 1);
    (start < role_end && (start..role_end).any(|t| role_class(doc, t).is_some_and(|c| c != RoleClass::Honorific))).then_some((start, role_end))
}

/// Extend an organisation name over "of/for + Capitalised run"
/// ("Korea Research Institute for National Strategy").
pub fn extend_org(doc: &Doc, sent: &Sent, n: Name) -> Name {
    let mut n = n;
    if n.kind != NameKind::Org {
        return n;
    }
    while n.t1 + 1 < sent.t1 && doc.is_one_of(n.t1, words!["of", "for", "on"]) && doc.is_cap(n.t1 + 1) && !doc.is_one_of(n.t1 + 1, CALENDAR) {
        match run_starting_at(doc, sent, n.t1 + 1) {
            Some((_, b)) => n.t1 = b,
            None => break,
        }
    }
    // "(NIS)" right after the name is its acronym: keep it in the span.
    if n.t1 + 2 < sent.t1 && doc.is(n.t1, "(") && is_acronym(doc.tok(n.t1 + 1)) && doc.is(n.t1 + 2, ")") {
        n.t1 += 3;
    }
    n
}

/// Whether the capitalised token at `t` is only capitalised because it opens
/// the sentence (or a quotation) and is followed by a lower-case word:
/// "Military analysts …", "Recent reports …".
pub fn sentence_initial_common(doc: &Doc, sent: &Sent, t: usize) -> bool {
    let at_start = t == sent.t0 || (t > sent.t0 && doc.is_one_of(t - 1, words!["“", "\"", "(", "‘"]));
    if !at_start {
        return false;
    }
    // "However," "Meanwhile," open sentences; "Carvalho, 27, denied" is a name.
    let discourse = || doc.is_one_of(t, DISCOURSE) || doc.tok(t).ends_with("ly");
    (doc.is_lower_word(t + 1) || t + 1 >= sent.t1 || (doc.is_punct(t + 1) && discourse()) || lexicon_word(doc, t))
        && !is_acronym(doc.tok(t))
        && place_len(doc, t).is_none()
        && org_word(doc, t) != Some(OrgClass::Known)
}

/// A capitalised word that is a common lexicon word ("Reports", "Observers",
/// "Analysts") rather than a name.
pub fn lexicon_word(doc: &Doc, t: usize) -> bool {
    // "… Water Agency": an organisation word closing a name is part of the name
    if is_org_head(doc, t) && t > 0 && doc.is_cap(t - 1) {
        return false;
    }
    doc.hits_at(t).iter().any(|h| h.t1 == t + 1 && matches!(doc.class(h), Class::SourceNoun(_) | Class::Report(_) | Class::Hedge(..)))
        // "… States" in "United States": a word inside a longer place or
        // organisation name is part of that name, not a cue (checked only for
        // the few words that are cues, as it scans the hits around `t`)
        && !doc.covering(t, t.saturating_sub(4), |c| matches!(c, Class::Place(_) | Class::Org(_))).is_some_and(|h| h.t1 - h.t0 > 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::segment::segment;

    fn kind_of(text: &str, name: &str) -> Option<NameKind> {
        let lex = Lexicon::default_ref();
        let doc = Doc::new(text, lex);
        let (_, ss) = segment(text, lex);
        let sents = doc.sentences(&ss);
        let s = &sents[0];
        let start = text.find(name).unwrap();
        let t = (s.t0..s.t1).find(|&t| doc.toks[t].start as usize == start).unwrap();
        let (a, b) = run_starting_at(&doc, s, t).unwrap();
        classify(&doc, a, b).map(|n| n.kind)
    }

    #[test]
    fn people_orgs_places() {
        assert_eq!(kind_of("Then Ana Lima spoke.", "Ana Lima"), Some(NameKind::Person));
        assert_eq!(kind_of("Then the National Water Agency spoke.", "National Water Agency"), Some(NameKind::Org));
        assert_eq!(kind_of("Then TASS spoke.", "TASS"), Some(NameKind::Org));
        assert_eq!(kind_of("Then Seoul spoke.", "Seoul"), Some(NameKind::Place));
        assert_eq!(kind_of("Then South Korea spoke.", "South Korea"), Some(NameKind::Place));
        assert_eq!(kind_of("Then Russian President Ivan Petrov spoke.", "Russian"), Some(NameKind::Person));
        assert_eq!(kind_of("Then the Deputy Chairman spoke.", "Deputy"), None);
    }

    /// Issue 14: a name ending in a company or sector word (data/orgs.txt) is an
    /// organisation; a role or title in front keeps a person a person.
    #[test]
    fn sector_words_make_organisations() {
        for name in ["Corran Shipping", "Veldt Logistics", "Marrow Foods", "Brightwater Health", "Halden Financial", "Ashby Brewing"] {
            assert_eq!(kind_of(&format!("Then {name} spoke."), name), Some(NameKind::Org), "{name}");
        }
        assert_eq!(kind_of("Then Health Secretary Ana Ruiz spoke.", "Health"), Some(NameKind::Person));
        assert_eq!(kind_of("Then Energy Minister Dana Moss spoke.", "Energy"), Some(NameKind::Person));
        assert_eq!(kind_of("Then Samantha Power spoke.", "Samantha"), Some(NameKind::Person));
        assert_eq!(kind_of("Then Dana Whitfield spoke.", "Dana"), Some(NameKind::Person));
    }

    #[test]
    fn a_lone_name_after_the_is_a_body_not_a_person() {
        assert_eq!(kind_of("She spoke to the Herald on Monday.", "Herald"), Some(NameKind::Org));
        assert_eq!(kind_of("She spoke to Whitfield on Monday.", "Whitfield"), Some(NameKind::Person));
        assert_eq!(kind_of("She spoke to the Mayor Whitfield on Monday.", "Mayor"), Some(NameKind::Person));
    }

    #[test]
    fn descriptions_from_the_data() {
        assert!(org_descriptions("shipping").any(|d| d == "company"));
        assert!(org_descriptions("ledger").any(|d| d == "newspaper"));
        assert_eq!(org_descriptions("agency").next(), Some("agency"));
        assert!(!org_descriptions("agency").any(|d| d == "company"));
        assert_eq!(role_nouns("sen"), ["senator", "lawmaker"]);
        assert_eq!(role_nouns("gov"), ["governor"]);
        assert!(role_nouns("mayor").is_empty());
        assert_eq!(age_description("45-year-old").as_deref(), Some("45-year-old"));
        assert_eq!(age_description("45‑Year‑Old").as_deref(), Some("45-year-old"));
        for w in ["year-old", "1234-year-old", "45-years-old", "45-year", "45", "", "é-year-old"] {
            assert_eq!(age_description(w), None, "{w}");
        }
    }
}
