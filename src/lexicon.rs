//! The lexicons: commented data files in `data/`, compiled into the binary with
//! `include_str!`, parsed once, and matched with a single Aho-Corasick
//! automaton, run from each token's start.
//!
//! Each data line is `phrase | field | field … # comment`. See the header of each
//! file for its fields. Callers can add or disable terms at run time through
//! [`crate::Options`]; that builds a fresh lexicon, the default one is shared.

use crate::report::{AttributionKind, HedgeCategory};
use crate::token::Token;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// Which data file an entry came from, with the entry's parsed class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Class {
    Hedge(HedgeCategory, Guard),
    Report(CuePattern),
    SourceNoun(AttributionKind),
    Role(RoleClass),
    Status(StatusClass, bool /* strong */),
    Place(PlaceClass),
    Org(OrgClass),
}

/// A context check a hedge must pass (see `rules/hedges.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    None,
    ModalVerb,
    BeforeNumber,
    Quantifier,
    Forecast,
    EpistemicModal,
    Predicative,
    NotIn,
    NotCertainty,
    BeforeOpinion,
    Agentless,
    BeforeHolder,
    NotComparative,
    Verb,
    NotOf,
    Hypothetical,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CuePattern {
    Verb,
    Prep,
    Noun,
    Venue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleClass {
    Honorific,
    Official,
    Expert,
    Leader,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusClass {
    Deny,
    Confirm,
    Unconfirmed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceClass {
    Country,
    Capital,
    Demonym,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgClass {
    Head,
    Known,
}

/// One lexicon entry.
#[derive(Clone, Debug)]
pub struct Entry {
    pub phrase: String,
    pub class: Class,
    pub weight: f32,
}

/// How a boilerplate phrase must appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoilerHow {
    Exact,
    Prefix,
    Contains,
    Cta,
}

/// Where the line-level boilerplate phrases sit in `Lexicon::boilerplate`, so
/// that a sentence is compared only with those that could match it.
#[derive(Debug, Default)]
pub struct BoilerIndex {
    /// Each `exact` phrase and its first place.
    pub exact: HashMap<String, usize>,
    /// By first byte (256: none, for an empty sentence), the places of the
    /// `prefix` and `cta` phrases that start with it, and of any empty one,
    /// in order.
    pub by_first: Vec<Vec<usize>>,
}

impl BoilerIndex {
    pub fn new(boilerplate: &[(String, BoilerHow)]) -> BoilerIndex {
        let mut index = BoilerIndex { exact: HashMap::default(), by_first: vec![Vec::new(); 257] };
        for (i, (phrase, how)) in boilerplate.iter().enumerate() {
            match (how, phrase.as_bytes().first()) {
                (BoilerHow::Exact, _) => {
                    index.exact.entry(phrase.clone()).or_insert(i);
                }
                (BoilerHow::Prefix | BoilerHow::Cta, Some(&b)) => index.by_first[b as usize].push(i),
                // an empty phrase starts every sentence
                (BoilerHow::Prefix | BoilerHow::Cta, None) => index.by_first.iter_mut().for_each(|v| v.push(i)),
                (BoilerHow::Contains, _) => {}
            }
        }
        index
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    Title,
    Other,
}

/// Every lexicon, ready to match.
pub struct Lexicon {
    pub entries: Vec<Entry>,
    /// pattern id -> entries sharing that phrase
    pattern_entries: Vec<Vec<u32>>,
    /// Every phrase, matched from a token's start only (anchored): a match
    /// must start where a token starts, and most tokens leave the automaton
    /// after a byte or two, so most of the text is never walked at all.
    dfa: DFA,
    /// The bytes a phrase can start with (either case): a token that starts
    /// with any other byte (most punctuation, digits) is not walked at all.
    starts: [bool; 256],
    pub abbreviations: HashMap<String, AbbrevClass>,
    pub boilerplate: Vec<(String, BoilerHow)>,
    /// The `exact`, `prefix` and `cta` phrases of `boilerplate`, indexed for
    /// `kind::classify`, which checks every short sentence against them.
    pub boiler_index: BoilerIndex,
    /// Patterns from this id on are the `contains` boilerplate phrases without
    /// their first word ("rights reserved"): they ride along in the same
    /// automaton. The rest of such a phrase starts at a token (after a space)
    /// wherever the phrase is, even inside a word, so the first word ("all ")
    /// is checked right before it.
    first_furniture: usize,
    furniture_heads: Vec<String>,
    /// One-word roles, organisation words and places: words that continue a
    /// name after an abbreviation ("U.S. Army", "U.S. President").
    pub name_words: rustc_hash::FxHashSet<String>,
}

// The data files as written, comments and all (the tests read these), …
pub const HEDGES: &str = include_str!("../data/hedges.txt");
pub const REPORTING: &str = include_str!("../data/reporting.txt");
pub const SOURCES: &str = include_str!("../data/sources.txt");
pub const ROLES: &str = include_str!("../data/roles.txt");
pub const STATUS: &str = include_str!("../data/status.txt");
pub const PLACES: &str = include_str!("../data/places.txt");
pub const ORGS: &str = include_str!("../data/orgs.txt");
pub const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
pub const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");

// … and as the engine reads them: entry lines only, the comments taken out
// when the crate compiles. The comments are for the people who edit the
// lists; leaving them out of the binary keeps about 8 KB (gzipped) out of
// the wasm. `tests::stripped_files_read_as_the_originals` checks that both
// parse the same.
const HEDGES_ENTRIES: &str = crate::entry_lines!(HEDGES);
const REPORTING_ENTRIES: &str = crate::entry_lines!(REPORTING);
const SOURCES_ENTRIES: &str = crate::entry_lines!(SOURCES);
const ROLES_ENTRIES: &str = crate::entry_lines!(ROLES);
const STATUS_ENTRIES: &str = crate::entry_lines!(STATUS);
const PLACES_ENTRIES: &str = crate::entry_lines!(PLACES);
const ORGS_ENTRIES: &str = crate::entry_lines!(ORGS);
const ABBREVIATIONS_ENTRIES: &str = crate::entry_lines!(ABBREVIATIONS);
const BOILERPLATE_ENTRIES: &str = crate::entry_lines!(BOILERPLATE);

/// The data files the lexicon is built from, by name, as the engine reads them.
/// (Only the entry lines: a reference to the commented text here would put
/// it back into the binary.)
const DATA_FILES: [(&str, &str); 7] = [
    ("hedges", HEDGES_ENTRIES),
    ("reporting", REPORTING_ENTRIES),
    ("sources", SOURCES_ENTRIES),
    ("roles", ROLES_ENTRIES),
    ("status", STATUS_ENTRIES),
    ("places", PLACES_ENTRIES),
    ("orgs", ORGS_ENTRIES),
];

/// A data file's entry lines as a `&'static str`, worked out at compile time
/// by [`strip_comments`].
#[macro_export]
#[doc(hidden)]
macro_rules! entry_lines {
    ($raw:expr) => {{
        const RAW: &str = $raw;
        const STRIPPED: ([u8; RAW.len()], usize) = $crate::lexicon::strip_comments(RAW);
        match ::core::str::from_utf8(STRIPPED.0.split_at(STRIPPED.1).0) {
            Ok(s) => s,
            Err(_) => panic!("a data file is not UTF-8"),
        }
    }};
}

/// `src` without its comments: lines whose first non-blank character is `#`
/// and blank lines are dropped, and a line's ` #` comment is cut off, as
/// [`fields`] reads them. Returns the bytes (zero-padded to `N`) and their
/// length. A `const fn`, so it runs while the crate compiles.
pub const fn strip_comments<const N: usize>(src: &str) -> ([u8; N], usize) {
    let b = src.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        let mut end = i;
        while end < b.len() && b[end] != b'\n' {
            end += 1;
        }
        // the line's body: up to its " #" comment
        let mut cut = i;
        while cut < end && !(b[cut] == b' ' && cut + 1 < end && b[cut + 1] == b'#') {
            cut += 1;
        }
        let mut first = i;
        while first < cut && b[first].is_ascii_whitespace() {
            first += 1;
        }
        if first < cut && b[first] != b'#' {
            let mut k = i;
            while k < cut && n < N {
                out[n] = b[k];
                n += 1;
                k += 1;
            }
            if n < N {
                out[n] = b'\n';
                n += 1;
            }
        }
        i = end + 1;
    }
    (out, n)
}

/// Split a data line into its `|` fields, dropping the `#` comment.
/// Returns `None` for blank and comment-only lines.
pub fn fields(line: &str) -> Option<Vec<&str>> {
    if line.trim_start().starts_with('#') {
        return None;
    }
    let body = match line.find(" #").or_else(|| line.starts_with('#').then_some(0)) {
        Some(i) => &line[..i],
        None => line,
    };
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    Some(body.split('|').map(str::trim).collect())
}

fn parse_weight(s: Option<&&str>, default: f32) -> f32 {
    s.and_then(|w| w.parse::<f32>().ok()).filter(|w| !w.is_nan()).unwrap_or(default).clamp(0.0, 1.0)
}

/// Parse a hedge category name as used in `data/hedges.txt` and in options.
pub fn hedge_category(s: &str) -> Option<HedgeCategory> {
    Some(match s {
        "distancing" => HedgeCategory::Distancing,
        "modal" => HedgeCategory::Modal,
        "epistemic" => HedgeCategory::Epistemic,
        "approximator" => HedgeCategory::Approximator,
        "conditional" => HedgeCategory::Conditional,
        "weasel" => HedgeCategory::Weasel,
        "label" => HedgeCategory::Label,
        _ => return None,
    })
}

fn guard(s: Option<&&str>) -> Guard {
    match s.copied().unwrap_or("") {
        "modal-verb" => Guard::ModalVerb,
        "before-number" => Guard::BeforeNumber,
        "quantifier" => Guard::Quantifier,
        "forecast" => Guard::Forecast,
        "epistemic-modal" => Guard::EpistemicModal,
        "predicative" => Guard::Predicative,
        "not-in" => Guard::NotIn,
        "not-certainty" => Guard::NotCertainty,
        "before-opinion" => Guard::BeforeOpinion,
        "agentless" => Guard::Agentless,
        "before-holder" => Guard::BeforeHolder,
        "not-comparative" => Guard::NotComparative,
        "verb" => Guard::Verb,
        "not-of" => Guard::NotOf,
        "hypothetical" => Guard::Hypothetical,
        _ => Guard::None,
    }
}

/// Parse one data file into entries. Unknown classes are skipped (and caught by
/// the `every_data_line_parses` test).
pub fn parse_file(which: &str, text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(f) = fields(line) else { continue };
        if let Some(e) = parse_entry(which, &f) {
            out.push(e);
        }
    }
    out
}

fn parse_entry(which: &str, f: &[&str]) -> Option<Entry> {
    let phrase = f.first()?.to_ascii_lowercase();
    let class_s = f.get(1).copied().unwrap_or("");
    let (class, weight) = match which {
        "hedges" => (
            Class::Hedge(hedge_category(class_s)?, guard(f.get(3))),
            parse_weight(f.get(2), 0.5),
        ),
        "reporting" => {
            let p = match class_s {
                "verb" => CuePattern::Verb,
                "prep" => CuePattern::Prep,
                "noun" => CuePattern::Noun,
                "venue" => CuePattern::Venue,
                _ => return None,
            };
            (Class::Report(p), parse_weight(f.get(2), 1.0))
        }
        "sources" => {
            // an institution is marked by weight 0.5 (see sources.txt)
            if class_s == "institution" {
                return Some(Entry { phrase, class: Class::SourceNoun(AttributionKind::UnnamedOfficial), weight: 0.5 });
            }
            let k = match class_s {
                "unnamedOfficial" => AttributionKind::UnnamedOfficial,
                "vague" => AttributionKind::Vague,
                "namedOrganization" => AttributionKind::NamedOrganization,
                "namedPerson" => AttributionKind::NamedPerson,
                _ => return None,
            };
            (Class::SourceNoun(k), 1.0)
        }
        "roles" => {
            let r = match class_s {
                "honorific" => RoleClass::Honorific,
                "official" => RoleClass::Official,
                "expert" => RoleClass::Expert,
                "leader" => RoleClass::Leader,
                _ => return None,
            };
            (Class::Role(r), 1.0)
        }
        "status" => {
            let c = match class_s {
                "deny" => StatusClass::Deny,
                "confirm" => StatusClass::Confirm,
                "unconfirmed" => StatusClass::Unconfirmed,
                _ => return None,
            };
            let strong = f.get(2).copied() != Some("weak");
            (Class::Status(c, strong), 1.0)
        }
        "places" => {
            let c = match class_s {
                "country" => PlaceClass::Country,
                "capital" => PlaceClass::Capital,
                "demonym" => PlaceClass::Demonym,
                _ => return None,
            };
            (Class::Place(c), 1.0)
        }
        "orgs" => {
            let c = match class_s {
                "head" => OrgClass::Head,
                "known" => OrgClass::Known,
                _ => return None,
            };
            (Class::Org(c), 1.0)
        }
        _ => return None,
    };
    Some(Entry { phrase, class, weight })
}

/// A term added at run time (see [`crate::Options::extra_terms`]).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExtraTerm {
    /// `hedges`, `reporting`, `sources` or `status` (the data file's name).
    pub lexicon: String,
    /// The phrase, matched case-insensitively as whole words.
    pub phrase: String,
    /// The class field, as in the data file (`modal`, `verb`, `vague`, `deny`, …).
    pub category: String,
    /// Weight 0..1 (hedges and reporting cues); 0.5 if absent.
    pub weight: Option<f32>,
}

impl Lexicon {
    /// The built-in lexicons, parsed once per process.
    pub fn default_ref() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::build(&[], &[]).expect("built-in lexicons are valid"))
    }

    /// Build lexicons with extra terms added and some phrases disabled.
    /// Returns an error naming the first extra term that does not parse.
    pub fn build(extra: &[ExtraTerm], disabled: &[String]) -> Result<Lexicon, String> {
        let mut entries = Vec::new();
        for (name, text) in DATA_FILES {
            entries.extend(parse_file(name, text));
        }
        for t in extra {
            // The weight is set after parsing, not written out and read back:
            // that spared the wasm a float formatter.
            let f = [t.phrase.trim(), t.category.trim()];
            let e = parse_entry(t.lexicon.trim(), &f)
                .map(|mut e| {
                    if let (Class::Hedge(..) | Class::Report(_), Some(w)) = (&e.class, Some(t.weight.unwrap_or(0.5)).filter(|w| !w.is_nan())) {
                        e.weight = w.clamp(0.0, 1.0);
                    }
                    e
                })
                .filter(|e| !e.phrase.trim().is_empty())
                .ok_or_else(|| {
                    format!(
                        "extra term {:?}: unknown lexicon {:?} or category {:?}",
                        t.phrase, t.lexicon, t.category
                    )
                })?;
            entries.push(e);
        }
        let disabled: Vec<String> = disabled.iter().map(|d| d.trim().to_ascii_lowercase()).collect();
        entries.retain(|e| !disabled.contains(&e.phrase));

        // One pattern per distinct phrase (and its curly-apostrophe variant).
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<u32>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let mut variants = vec![e.phrase.clone()];
            if e.phrase.contains('\'') {
                variants.push(e.phrase.replace('\'', "\u{2019}"));
            }
            for v in variants {
                let id = *index.entry(v.clone()).or_insert_with(|| {
                    patterns.push(v);
                    pattern_entries.push(Vec::new());
                    patterns.len() - 1
                });
                pattern_entries[id].push(i as u32);
            }
        }

        let mut abbreviations = HashMap::default();
        for line in ABBREVIATIONS_ENTRIES.lines() {
            if let Some(f) = fields(line) {
                let c = if f.get(1).copied() == Some("title") { AbbrevClass::Title } else { AbbrevClass::Other };
                abbreviations.insert(f[0].to_ascii_lowercase(), c);
            }
        }
        let mut boilerplate = Vec::new();
        for line in BOILERPLATE_ENTRIES.lines() {
            if let Some(f) = fields(line) {
                let how = match f.get(1).copied() {
                    Some("prefix") => BoilerHow::Prefix,
                    Some("contains") => BoilerHow::Contains,
                    Some("cta") => BoilerHow::Cta,
                    _ => BoilerHow::Exact,
                };
                boilerplate.push((f[0].to_lowercase(), how));
            }
        }
        let first_furniture = patterns.len();
        let mut furniture_heads = Vec::new();
        for (p, _) in boilerplate.iter().filter(|(_, h)| *h == BoilerHow::Contains) {
            let Some(space) = p.find(' ').filter(|&i| i > 0 && p[i + 1..].starts_with(|c: char| !c.is_whitespace())) else {
                return Err(format!("boilerplate phrase {p:?}: a `contains` phrase needs two words or more"));
            };
            furniture_heads.push(p[..=space].to_string());
            patterns.push(p[space + 1..].to_string());
        }
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .prefilter(false)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let mut starts = [false; 256];
        if let Ok(start) = dfa.start_state(Anchored::Yes) {
            for (b, ok) in starts.iter_mut().enumerate() {
                *ok = !dfa.is_dead(dfa.next_state(Anchored::Yes, start, b as u8));
            }
        }
        let name_words = entries
            .iter()
            .filter(|e| matches!(e.class, Class::Role(_) | Class::Org(_) | Class::Place(_)) && !e.phrase.contains(' '))
            .map(|e| e.phrase.clone())
            .collect();
        let boiler_index = BoilerIndex::new(&boilerplate);
        Ok(Lexicon { entries, pattern_entries, dfa, starts, abbreviations, boilerplate, boiler_index, first_furniture, furniture_heads, name_words })
    }

    /// Every whole-word match that starts where a token of `toks` starts (in
    /// token order), and every `contains` boilerplate phrase.
    pub fn find_all(&self, text: &str, toks: &[Token]) -> Found {
        let bytes = text.as_bytes();
        // about one token in five starts a phrase: sized once, not regrown
        let mut found = Found { hits: Vec::with_capacity(toks.len() / 4 + 16), furniture: Vec::new() };
        // `start_state` fails only for an unanchored search, which this is not.
        let Ok(start) = self.dfa.start_state(Anchored::Yes) else { return found };
        for (t, tok) in toks.iter().enumerate() {
            let s = tok.start as usize;
            if !bytes.get(s).is_some_and(|&b| self.starts[b as usize]) {
                continue;
            }
            let mut sid = start;
            for (j, &b) in bytes[s..].iter().enumerate() {
                sid = self.dfa.next_state(Anchored::Yes, sid, b);
                if !self.dfa.is_special(sid) {
                    continue;
                }
                if self.dfa.is_dead(sid) {
                    break;
                }
                let e = s + j + 1;
                for m in 0..self.dfa.match_len(sid) {
                    let pattern = self.dfa.match_pattern(sid, m);
                    // a state also reports the phrases that end here but
                    // started later (suffixes): keep those that start at `s`
                    if self.dfa.pattern_len(pattern) != e - s {
                        continue;
                    }
                    self.found(text, t, s, e, pattern.as_usize(), &mut found);
                }
            }
        }
        found.furniture.sort_unstable();
        found
    }

    /// Record the match of `pattern` at `s..e` (which starts token `t`).
    fn found(&self, text: &str, t: usize, s: usize, e: usize, pattern: usize, found: &mut Found) {
        if let Some(head) = pattern.checked_sub(self.first_furniture).map(|i| &self.furniture_heads[i]) {
            let h = s.wrapping_sub(head.len());
            if text.as_bytes().get(h..s).is_some_and(|b| b.eq_ignore_ascii_case(head.as_bytes())) {
                found.furniture.push(h);
            }
            return;
        }
        if !text.is_char_boundary(e) {
            return;
        }
        let before_ok = s == 0 || !is_word_byte_before(text, s);
        let after_ok = e >= text.len() || !is_word_byte_after(text, e);
        if before_ok && after_ok {
            for &entry in &self.pattern_entries[pattern] {
                found.hits.push(LexMatch { t0: t, end: e, entry });
            }
        }
    }
}

/// A match found by [`Lexicon::find_all`]: its first token, its byte end and
/// its entry.
#[derive(Clone, Copy, Debug)]
pub struct LexMatch {
    pub t0: usize,
    pub end: usize,
    pub entry: u32,
}

/// What [`Lexicon::find_all`] finds in a text.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// Whole-word lexicon matches, ordered by first token.
    pub hits: Vec<LexMatch>,
    /// Byte starts of the `contains` boilerplate phrases (disclaimers,
    /// credits), sorted. Every overlapping occurrence is listed, which marks
    /// the same sentences as a non-overlapping search: the phrases are letters
    /// and spaces, which no sentence boundary falls inside.
    pub furniture: Vec<usize>,
}

fn is_word_byte_before(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(crate::token::is_alnum)
}

fn is_word_byte_after(text: &str, i: usize) -> bool {
    let mut it = text[i..].chars();
    match it.next() {
        Some(c) if crate::token::is_alnum(c) => true,
        // "U.S." pattern followed by another letter-dot ("U.S.A") would be a word.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `DATA_FILES` as written, comments and all, in the same order.
    const RAW_DATA_FILES: [(&str, &str); 7] =
        [("hedges", HEDGES), ("reporting", REPORTING), ("sources", SOURCES), ("roles", ROLES), ("status", STATUS), ("places", PLACES), ("orgs", ORGS)];

    #[test]
    fn stripped_files_read_as_the_originals() {
        let entries = |text: &str| -> Vec<Vec<String>> {
            text.lines().filter_map(fields).map(|f| f.iter().map(|x| x.to_string()).collect()).collect()
        };
        let others = [(ABBREVIATIONS, ABBREVIATIONS_ENTRIES), (BOILERPLATE, BOILERPLATE_ENTRIES)];
        let files = RAW_DATA_FILES.iter().zip(DATA_FILES).map(|(&(name, raw), (same, stripped))| {
            assert_eq!(name, same);
            (raw, stripped)
        });
        for (raw, stripped) in files.chain(others) {
            assert!(!entries(raw).is_empty());
            assert_eq!(entries(raw), entries(stripped));
            assert!(!stripped.contains(" #"), "comments left in");
            assert!(stripped.len() < raw.len());
        }
        // the edge cases: indented comments, "#" inside a phrase, no final newline, CRLF
        let src = "  # note\nabc|x # why\n\n#x\nc#d | y\r\nlast";
        let (b, n): ([u8; 64], usize) = strip_comments(src);
        assert_eq!(std::str::from_utf8(&b[..n]).unwrap(), "abc|x\nc#d | y\r\nlast\n");
        assert_eq!(entries(src), entries(std::str::from_utf8(&b[..n]).unwrap()));
    }

    #[test]
    fn every_data_line_parses() {
        for (name, text) in RAW_DATA_FILES {
            for line in text.lines() {
                if let Some(f) = fields(line) {
                    assert!(parse_entry(name, &f).is_some(), "{name}: bad line {line:?}");
                    assert!(line.contains(" #"), "{name}: entry without a comment saying why: {line:?}");
                }
            }
        }
    }

    #[test]
    fn matches_whole_words_case_insensitively() {
        let l = Lexicon::default_ref();
        let text = "Reportedly, the mayor said so.";
        let hits = l.find_all(text, &crate::token::tokenize(text)).hits;
        let phrases: Vec<&str> = hits.iter().map(|h| l.entries[h.entry as usize].phrase.as_str()).collect();
        assert!(phrases.contains(&"reportedly"));
        assert!(phrases.contains(&"said"));
        // "may" inside "mayor" must not match
        assert!(!phrases.contains(&"may"));
    }

    #[test]
    fn furniture_matches_anywhere_in_the_same_pass() {
        let l = Lexicon::default_ref();
        let text = "Photo: GETTY IMAGES. (c) 2024, all rights reservedly. Getty Imagesque";
        let furniture = |text: &str| l.find_all(text, &crate::token::tokenize(text)).furniture;
        assert_eq!(furniture(text), [7, 31, 54]);
        assert!(furniture("The mayor said so. Getty, images").is_empty());
    }

    #[test]
    fn extra_and_disabled_terms() {
        let extra = [ExtraTerm {
            lexicon: "hedges".into(),
            phrase: "apparently-ish".into(),
            category: "epistemic".into(),
            weight: Some(0.4),
        }];
        let l = Lexicon::build(&extra, &["reportedly".into()]).unwrap();
        let text = "It reportedly was apparently-ish.";
        let phrases: Vec<String> =
            l.find_all(text, &crate::token::tokenize(text)).hits.iter().map(|h| l.entries[h.entry as usize].phrase.clone()).collect();
        assert!(phrases.contains(&"apparently-ish".to_string()));
        assert!(!phrases.contains(&"reportedly".to_string()));
        let bad = [ExtraTerm { lexicon: "nope".into(), phrase: "x".into(), category: "y".into(), weight: None }];
        assert!(Lexicon::build(&bad, &[]).is_err());
    }
}
