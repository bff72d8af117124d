//! The lexicons: commented data files in `data/`, compiled into the binary with
//! `include_str!`, parsed once, and matched in one pass with a single
//! Aho-Corasick automaton over the whole text.
//!
//! Each data line is `phrase | field | field … # comment`. See the header of each
//! file for its fields. Callers can add or disable terms at run time through
//! [`crate::Options`]; that builds a fresh lexicon, the default one is shared.

use crate::report::{AttributionKind, HedgeCategory};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
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
    ac: AhoCorasick,
    pub abbreviations: HashMap<String, AbbrevClass>,
    pub boilerplate: Vec<(String, BoilerHow)>,
    /// The `contains` boilerplate phrases, matched without lower-casing.
    pub boiler_contains: AhoCorasick,
    /// One-word roles, organisation words and places: words that continue a
    /// name after an abbreviation ("U.S. Army", "U.S. President").
    pub name_words: std::collections::HashSet<String>,
}

pub const HEDGES: &str = include_str!("../data/hedges.txt");
pub const REPORTING: &str = include_str!("../data/reporting.txt");
pub const SOURCES: &str = include_str!("../data/sources.txt");
pub const ROLES: &str = include_str!("../data/roles.txt");
pub const STATUS: &str = include_str!("../data/status.txt");
pub const PLACES: &str = include_str!("../data/places.txt");
pub const ORGS: &str = include_str!("../data/orgs.txt");
pub const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
pub const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");

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
        for (name, text) in [
            ("hedges", HEDGES),
            ("reporting", REPORTING),
            ("sources", SOURCES),
            ("roles", ROLES),
            ("status", STATUS),
            ("places", PLACES),
            ("orgs", ORGS),
        ] {
            entries.extend(parse_file(name, text));
        }
        for t in extra {
            let w = t.weight.unwrap_or(0.5).to_string();
            let f = [t.phrase.trim(), t.category.trim(), w.as_str()];
            let e = parse_entry(t.lexicon.trim(), &f)
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
        let mut index: HashMap<String, usize> = HashMap::new();
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
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| e.to_string())?;

        let mut abbreviations = HashMap::new();
        for line in ABBREVIATIONS.lines() {
            if let Some(f) = fields(line) {
                let c = if f.get(1).copied() == Some("title") { AbbrevClass::Title } else { AbbrevClass::Other };
                abbreviations.insert(f[0].to_ascii_lowercase(), c);
            }
        }
        let mut boilerplate = Vec::new();
        for line in BOILERPLATE.lines() {
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
        let boiler_contains = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(boilerplate.iter().filter(|(_, h)| *h == BoilerHow::Contains).map(|(p, _)| p.as_str()))
            .map_err(|e| e.to_string())?;
        let name_words = entries
            .iter()
            .filter(|e| matches!(e.class, Class::Role(_) | Class::Org(_) | Class::Place(_)) && !e.phrase.contains(' '))
            .map(|e| e.phrase.clone())
            .collect();
        Ok(Lexicon { entries, pattern_entries, ac, abbreviations, boilerplate, boiler_contains, name_words })
    }

    /// All whole-word matches in `text`, overlapping, in one pass.
    /// Each item is (byte start, byte end, entry index).
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let before_ok = s == 0 || !is_word_byte_before(text, s);
            let after_ok = e >= bytes.len() || !is_word_byte_after(text, e);
            if before_ok && after_ok {
                for &ei in &self.pattern_entries[m.pattern().as_usize()] {
                    out.push((s, e, ei));
                }
            }
        }
        out
    }
}

fn is_word_byte_before(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric())
}

fn is_word_byte_after(text: &str, i: usize) -> bool {
    let mut it = text[i..].chars();
    match it.next() {
        Some(c) if c.is_alphanumeric() => true,
        // "U.S." pattern followed by another letter-dot ("U.S.A") would be a word.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        for (name, text) in [
            ("hedges", HEDGES),
            ("reporting", REPORTING),
            ("sources", SOURCES),
            ("roles", ROLES),
            ("status", STATUS),
            ("places", PLACES),
            ("orgs", ORGS),
        ] {
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
        let hits = l.find_all("Reportedly, the mayor said so.");
        let phrases: Vec<&str> = hits.iter().map(|h| l.entries[h.2 as usize].phrase.as_str()).collect();
        assert!(phrases.contains(&"reportedly"));
        assert!(phrases.contains(&"said"));
        // "may" inside "mayor" must not match
        assert!(!phrases.contains(&"may"));
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
        let phrases: Vec<String> =
            l.find_all("It reportedly was apparently-ish.").iter().map(|h| l.entries[h.2 as usize].phrase.clone()).collect();
        assert!(phrases.contains(&"apparently-ish".to_string()));
        assert!(!phrases.contains(&"reportedly".to_string()));
        let bad = [ExtraTerm { lexicon: "nope".into(), phrase: "x".into(), category: "y".into(), weight: None }];
        assert!(Lexicon::build(&bad, &[]).is_err());
    }
}
