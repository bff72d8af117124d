//! Compare coverage: several articles on one story.
//!
//! [`compare`] analyses every document, then
//! - **groups the claims that report the same fact** across documents. Each
//!   claim becomes a set of features: the stems of its content words and, for
//!   each figure, its unit and order of magnitude ("10,000 troops" and "an
//!   estimated 11,000 troops" share `#troop`). Features are weighted by how
//!   rare they are (idf). A claim joins the group whose members it is most
//!   similar to (the idf-weighted overlap ≥ [`JOIN`]), else it starts a group.
//!   Candidate groups come from an inverted index from feature to group;
//!   features held by more than [`POSTINGS_CAP`] groups are too common to
//!   suggest a match and are skipped, so the work grows linearly with the
//!   number of claims, never with pairs of claims.
//! - **finds conflicting figures** in a group: each figure is read as a range
//!   from its qualifier (`data/qualifiers.txt`: "over 10,000" is 10,000 to
//!   10,500), and two documents' figures for the same unit conflict when their
//!   ranges do not meet.
//! - **merges sources across documents**: named people and organisations whose
//!   names match after folding spelling and romanisation variants
//!   ("Shin Won-shik" = "Shin Wonsik"); a surname alone ("Mr. Shin") joins the
//!   one person with that surname, and stays apart when two people share it
//!   ("Kim Dae Young" is not "Kim Jong-un").

use crate::report::{AttributionKind, Report, Sentence, SentenceKind, StatusLabel};
use crate::resolve::{name_key, norm_word};
use crate::{try_analyze, Error, Options};
use serde::{Deserialize, Serialize};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A claim joins a group when its similarity to a member is at least this.
pub const JOIN: f64 = 0.25;
/// A feature held by more groups than this does not suggest candidates.
pub const POSTINGS_CAP: usize = 48;
/// Candidate groups scored exactly per claim.
const TOP_CANDIDATES: usize = 12;
/// Members of a group compared with a new claim (the first ones).
const MEMBERS_COMPARED: usize = 8;

pub const QUALIFIERS: &str = include_str!("../data/qualifiers.txt");
/// `QUALIFIERS` without its comments, as the engine reads it (see `lexicon::strip_comments`).
const QUALIFIER_ENTRIES: &str = crate::entry_lines!(QUALIFIERS);

/// One article to compare.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub schema_version: u32,
    pub documents: Vec<DocumentResult>,
    /// Facts carried by two or more documents; conflicts first, then by reach.
    pub claim_groups: Vec<ClaimGroup>,
    /// Named people and organisations, merged across documents.
    pub sources: Vec<CrossSource>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentResult {
    pub id: usize,
    pub name: String,
    pub report: Report,
    /// 1 = the best sourcing score.
    pub rank: usize,
    /// Claim sentences (report indices) that no other document carries.
    pub unique_claims: Vec<usize>,
    /// Groups this document carries where no document names a source.
    pub unnamed_groups: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub doc: usize,
    pub sentence: usize,
    pub status: StatusLabel,
    /// The primary attribution's kind, or "none".
    pub attribution: String,
    /// The primary source's resolved name, if any.
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    pub doc: usize,
    pub sentence: usize,
    pub value: f64,
    /// The stem of the counted noun ("troop"), "percent" or "dollar".
    pub unit: String,
    /// The figure as written, qualifier to unit: "an estimated 11,000 troops".
    pub text: String,
    /// "over", "an estimated", "close to" …, or "" for a plain figure.
    pub qualifier: String,
    /// UTF-16 offsets of `text` in the document.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub unit: String,
    pub values: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimGroup {
    pub id: usize,
    /// The first member's sentence, to name the group.
    pub text: String,
    pub members: Vec<Member>,
    /// How many documents carry it.
    pub documents: usize,
    pub conflict: bool,
    pub conflicts: Vec<Conflict>,
    pub numbers: Vec<Figure>,
    pub statuses: BTreeMap<String, usize>,
    /// Some document attributes it to a named person or organisation.
    pub named: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    pub doc: usize,
    pub sentence: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CrossSource {
    pub id: usize,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: AttributionKind,
    pub role: Option<String>,
    pub documents: usize,
    pub mentions: Vec<Mention>,
}

/// Compare `docs`. Each is analysed with `options`; an error names the document.
pub fn compare(docs: &[Document], options: &Options) -> Result<Comparison, Error> {
    if docs.len() < 2 {
        return Err(Error::BadOption(format!("compare needs at least two documents, got {}", docs.len())));
    }
    let mut reports = Vec::with_capacity(docs.len());
    for d in docs {
        reports.push(try_analyze(&d.text, options).map_err(|e| match e {
            Error::TooLarge { bytes, limit } => Error::BadOption(format!("{}: over the size limit: {bytes} bytes, limit {limit}", d.name)),
            e => e,
        })?);
    }
    Ok(compare_reports(docs, reports))
}

/// The comparison of documents already analysed (`reports[i]` is `docs[i]`'s).
/// A claim's features and figures. Who said it is not what was said: the
/// words of its sources, roles and cues are dropped.
fn claim_of(doc: usize, s: &Sentence, quals: &[(Vec<String>, QualKind)]) -> Claim {
    let (ws, figures) = read_claim(doc, s, quals);
    let mut sourcing: HashSet<String> = HashSet::default();
    for a in &s.attributions {
        let spans = [a.source.as_ref().map(|x| x.text.as_str()), a.cue.as_ref().map(|x| x.text.as_str()), a.role.as_deref()];
        for t in spans.into_iter().flatten() {
            sourcing.extend(words(t).iter().map(|w| w.text.to_lowercase()));
        }
    }
    let ws: Vec<Word<'_>> = ws.into_iter().filter(|w| !sourcing.contains(&w.text.to_lowercase())).collect();
    Claim { doc, sentence: s.index, feats: features(&ws, &figures), figures }
}

/// The features by which `compare` matches claims, for some sentences of one
/// article, weighted by idf over them; with [`claim_similarity`] and
/// [`JOIN`], `headline.rs` matches a headline to the body's claims exactly as
/// `compare` matches claims across articles. Sourcing words are dropped.
pub(crate) fn weighted_features(sents: &[&Sentence]) -> Vec<Vec<(u32, f64)>> {
    let quals = qualifiers();
    FEATURE_NAMES.with(|n| n.borrow_mut().clear());
    let mut claims: Vec<Claim> = sents
        .iter()
        .map(|s| claim_of(0, s, quals))
        .collect();
    let mut df: HashMap<u32, u32> = HashMap::default();
    for c in &claims {
        for f in &c.feats {
            *df.entry(f.0).or_insert(0) += 1;
        }
    }
    let n = claims.len().max(1) as f64;
    for c in claims.iter_mut() {
        for f in c.feats.iter_mut() {
            f.1 *= (1.0 + n / df[&f.0] as f64).ln();
        }
    }
    FEATURE_NAMES.with(|n| n.borrow_mut().clear());
    claims.into_iter().map(|c| c.feats).collect()
}

/// How much of the smaller of two claims the other covers (see `similarity`).
pub(crate) fn claim_similarity(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    similarity(a, b)
}

pub fn compare_reports(docs: &[Document], reports: Vec<Report>) -> Comparison {
    let quals = qualifiers();
    FEATURE_NAMES.with(|n| n.borrow_mut().clear());
    // Every claim, its features and figures.
    let mut claims: Vec<Claim> = Vec::new();
    for (d, r) in reports.iter().enumerate() {
        for s in r.sentences.iter().filter(|s| s.kind == SentenceKind::Claim) {
            claims.push(claim_of(d, s, quals));
        }
    }
    let groups = group_claims(&mut claims);

    // Groups carried by two or more documents, in display order.
    let mut multi: Vec<Vec<usize>> = groups.into_iter().filter(|g| distinct_docs(&claims, g) >= 2).collect();
    let built: Vec<ClaimGroup> = multi.iter_mut().map(|g| build_group(&claims, &reports, g)).collect();
    let mut order: Vec<usize> = (0..built.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| (!built[i].conflict, std::cmp::Reverse(built[i].documents), built[i].members[0].doc, built[i].members[0].sentence));
    let mut claim_groups: Vec<ClaimGroup> = Vec::with_capacity(order.len());
    for (id, &i) in order.iter().enumerate() {
        let mut g = built[i].clone();
        g.id = id;
        claim_groups.push(g);
    }

    // Per document: unique claims, groups with no named source, rank.
    let in_group: HashSet<(usize, usize)> = claim_groups.iter().flat_map(|g| g.members.iter().map(|m| (m.doc, m.sentence))).collect();
    let mut ranked: Vec<usize> = (0..reports.len()).collect();
    crate::sort::sort_by_key(&mut ranked, |&i| (std::cmp::Reverse(reports[i].summary.score), i));
    let mut rank = vec![0; reports.len()];
    for (r, &i) in ranked.iter().enumerate() {
        rank[i] = r + 1;
    }
    let sources = merge_sources(&reports);
    // Each document's groups with no named source, in one pass over the groups.
    let mut unnamed: Vec<Vec<usize>> = vec![Vec::new(); reports.len()];
    for g in claim_groups.iter().filter(|g| !g.named) {
        for m in &g.members {
            if unnamed[m.doc].last() != Some(&g.id) {
                unnamed[m.doc].push(g.id);
            }
        }
    }
    let documents = docs
        .iter()
        .zip(reports)
        .enumerate()
        .map(|(i, (d, report))| {
            let unique_claims = report.sentences.iter().filter(|s| s.kind == SentenceKind::Claim && !in_group.contains(&(i, s.index))).map(|s| s.index).collect();
            let unnamed_groups = std::mem::take(&mut unnamed[i]);
            DocumentResult { id: i, name: d.name.clone(), report, rank: rank[i], unique_claims, unnamed_groups }
        })
        .collect();
    Comparison { schema_version: crate::SCHEMA_VERSION, documents, claim_groups, sources }
}

// ---- reading a claim --------------------------------------------------------

struct Claim {
    doc: usize,
    sentence: usize,
    /// (feature id, weight), sorted by id: a multiplier from `features`, then × idf.
    feats: Vec<(u32, f64)>,
    figures: Vec<Figure>,
}

/// A word of a claim: its text and byte offset in the sentence.
struct Word<'a> {
    text: &'a str,
    at: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | ',' | '%' | '$')
}

/// The words of `s`, with punctuation trimmed off their ends ("10,000" keeps
/// its comma, "S-400" its hyphen, "$2.3" its dollar sign, "14%" its percent).
fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(i),
            (Some(a), false) => {
                let raw = &s[a..i];
                let t = raw.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '$')).trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '%'));
                if !t.is_empty() {
                    out.push(Word { text: t, at: a + (t.as_ptr() as usize - raw.as_ptr() as usize) });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A figure's value: "10,000", "4.5", "$2.3", "14%"; none for "S-400" or "1990s".
fn number(w: &str) -> Option<f64> {
    let w = w.strip_prefix('$').unwrap_or(w);
    let w = w.strip_suffix('%').unwrap_or(w);
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') || !w.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    w.replace(',', "").parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Counts written as words ("Fourteen ships"), up to the tens.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0),
    ("eleven", 11.0), ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0), ("seventeen", 17.0),
    ("eighteen", 18.0), ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0),
    ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0), ("hundred", 100.0), ("dozen", 12.0), ("dozens", 24.0), ("hundreds", 200.0), ("thousands", 2000.0),
];

const MONTHS: &[&str] = &["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

const MULTIPLIERS: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// Words that end the noun phrase after a figure.
const UNIT_STOP: &[&str] = &[
    "of", "to", "in", "on", "at", "for", "from", "and", "or", "with", "by", "into", "that", "which", "who", "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "may", "might", "as", "than", "per", "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "across", "since", "after", "before", "during", "over", "under", "between", "last", "next", "each", "said", "says", "along", "near", "across", "around", "toward", "towards", "inside", "outside", "off", "aboard", "beside", "behind", "through", "within", "without", "via", "like", "left", "are", "be", "been",
];

/// Function words and sourcing words: they say nothing about which fact a claim reports.
pub(crate) const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "with", "by", "into", "onto", "as", "than", "that", "this", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "while", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our", "us", "you", "your", "i", "me", "my", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do", "does", "did", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "not", "no", "also", "so", "if", "then", "there", "here", "about", "over", "under", "more", "most", "some", "such", "any", "all", "both", "each", "other", "another", "only", "just", "very", "up", "out", "now", "after", "before", "since", "until", "during", "between", "against", "without", "within", "through", "per", "said", "says", "say", "saying", "told", "tell", "according", "reportedly", "allegedly", "report", "reports", "reported", "claim", "claims", "claimed", "believe", "believed", "believes", "added", "stated", "noted", "announced", "confirmed", "denied", "estimated", "estimate", "mr", "mrs", "ms", "dr", "last", "first", "year", "week", "month", "day", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "new", "one", "two", "three",
];

/// A crude stem, enough to match "deployed", "deploying" and "deployment".
fn stem(w: &str) -> String {
    let w = norm_word(w);
    for (suffix, repl) in [("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("es", ""), ("s", "")] {
        if let Some(base) = w.strip_suffix(suffix) {
            let sibilant = ["sh", "ch", "x", "ss", "z"].iter().any(|e| base.ends_with(e));
            if base.len() + repl.len() >= 3 && !(suffix == "s" && base.ends_with('s')) && (suffix != "es" || sibilant) {
                return format!("{base}{repl}");
            }
        }
    }
    w
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum QualKind {
    Exact,
    Above,
    Below,
    Near,
    Approx,
}

/// (phrase words, kind), longest phrases first.
fn qualifiers() -> &'static [(Vec<String>, QualKind)] {
    static Q: OnceLock<Vec<(Vec<String>, QualKind)>> = OnceLock::new();
    Q.get_or_init(|| {
        let mut q = parse_qualifiers(QUALIFIER_ENTRIES);
        crate::sort::sort_by_key(&mut q, |(p, _)| std::cmp::Reverse(p.len()));
        q
    })
}

fn parse_qualifiers(text: &str) -> Vec<(Vec<String>, QualKind)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let mut f = line.split('|').map(str::trim);
        let (Some(phrase), Some(kind)) = (f.next(), f.next()) else { continue };
        let kind = match kind {
            "above" => QualKind::Above,
            "below" => QualKind::Below,
            "near" => QualKind::Near,
            "approx" => QualKind::Approx,
            _ => continue,
        };
        out.push((phrase.split_whitespace().map(str::to_lowercase).collect(), kind));
    }
    out
}

/// The range a figure allows, from its qualifier.
fn range(value: f64, kind: QualKind) -> (f64, f64) {
    match kind {
        QualKind::Exact => (value * 0.99, value * 1.01),
        QualKind::Above => (value, value * 1.05),
        QualKind::Below => (value * 0.95, value),
        QualKind::Near => (value * 0.95, value),
        QualKind::Approx => (value * 0.97, value * 1.03),
    }
}

/// The words and figures of a claim sentence.
fn read_claim<'s>(doc: usize, s: &'s Sentence, quals: &[(Vec<String>, QualKind)]) -> (Vec<Word<'s>>, Vec<Figure>) {
    let ws = words(&s.text);
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    let mut figures = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let Some(mut value) = number(w.text).or_else(|| NUMBER_WORDS.iter().find(|(n, _)| *n == lower[i]).map(|&(_, v)| v)) else { continue };
        let next_char = s.text[w.at + w.text.len()..].chars().next();
        let prev = i.checked_sub(1).map(|p| lower[p].as_str());
        // years, dates, times and list numbers are not counts
        let year = w.text.len() == 4 && !w.text.contains(',') && (1800.0..=2100.0).contains(&value);
        if year || prev.is_some_and(|p| MONTHS.contains(&p) || p == "no") || matches!(next_char, Some(':')) {
            continue;
        }
        let mut j = i + 1;
        if let Some(&(_, m)) = lower.get(j).and_then(|n| MULTIPLIERS.iter().find(|(x, _)| x == n)) {
            value *= m;
            j += 1;
        }
        // the counted noun: up to four words, up to a function word or a clause break
        let mut unit = None;
        let mut last = i;
        if w.text.ends_with('%') || lower.get(j).is_some_and(|n| n == "percent" || n == "per") {
            unit = Some("percent".to_string());
            if !w.text.ends_with('%') {
                last = j;
            }
        } else {
            let mut k = j;
            // a participle or adverb after the noun ends it: "13,000 containers
            // filled with shells", "4,800 residents reportedly fled"
            while k < ws.len() && k < j + 4 && !UNIT_STOP.contains(&lower[k].as_str()) && number(ws[k].text).is_none() && !(k > j && (lower[k].ends_with("ed") || lower[k].ends_with("ly"))) {
                // a plural is the head: "14 warships left", "30,000 troops along the border"
                let plural = lower[k].ends_with('s') && !lower[k].ends_with("ss") && lower[k].len() > 3;
                unit = Some(stem(ws[k].text));
                last = k;
                if plural {
                    break;
                }
                let gap = &s.text[ws[k].at + ws[k].text.len()..ws.get(k + 1).map_or(s.text.len(), |n| n.at)];
                if gap.chars().any(|c| !c.is_whitespace()) {
                    break; // a comma, a dash, a full stop
                }
                k += 1;
            }
            if unit.is_none() && w.text.starts_with('$') {
                unit = Some("dollar".to_string());
            }
        }
        let Some(unit) = unit.filter(|u| !u.is_empty()) else { continue };
        // the qualifier: the longest phrase that ends just before the figure
        let mut qualifier = (String::new(), QualKind::Exact, i);
        for (phrase, kind) in quals {
            let n = phrase.len();
            if n <= i && lower[i - n..i].iter().zip(phrase).all(|(a, b)| a == b) {
                qualifier = (ws[i - n..i].iter().map(|w| w.text).collect::<Vec<_>>().join(" "), *kind, i - n);
                break;
            }
        }
        let a = ws[qualifier.2].at;
        let b = ws[last].at + ws[last].text.len();
        let u16_before = s.text[..a].encode_utf16().count();
        let u16_len = s.text[a..b].encode_utf16().count();
        figures.push(Figure {
            doc,
            sentence: s.index,
            value,
            unit,
            text: s.text[a..b].to_string(),
            qualifier: qualifier.0.to_lowercase(),
            start: s.start + u16_before,
            end: s.start + u16_before + u16_len,
        });
        let _ = qualifier.1;
    }
    (ws, figures)
}

/// The kind of a figure's qualifier ("over" → Above), compared word by word.
fn qual_kind(q: &str) -> QualKind {
    qualifiers().iter().find(|(p, _)| q.split(' ').eq(p.iter().map(String::as_str))).map_or(QualKind::Exact, |(_, k)| *k)
}

/// Whether two documents' figures in `same` (one unit) have ranges that do
/// not meet. One pass: the lowest upper bound and the highest lower bound, each
/// kept from two different documents, so a document never conflicts with itself.
fn figures_disagree(same: &[&Figure]) -> bool {
    // (bound, doc) for the best and the best from another document
    let mut low_hi: [Option<(f64, usize)>; 2] = [None, None]; // smallest upper bounds
    let mut high_lo: [Option<(f64, usize)>; 2] = [None, None]; // largest lower bounds
    fn keep(best: &mut [Option<(f64, usize)>; 2], v: f64, doc: usize, better: impl Fn(f64, f64) -> bool) {
        match best[0] {
            Some((b, d)) if !better(v, b) => {
                if d != doc && best[1].is_none_or(|(c, _)| better(v, c)) {
                    best[1] = Some((v, doc));
                }
            }
            Some((b, d)) => {
                if d != doc {
                    best[1] = Some((b, d));
                }
                best[0] = Some((v, doc));
            }
            None => best[0] = Some((v, doc)),
        }
    }
    for f in same {
        let (lo, hi) = range(f.value, qual_kind(&f.qualifier));
        keep(&mut low_hi, hi, f.doc, |a, b| a < b);
        keep(&mut high_lo, lo, f.doc, |a, b| a > b);
    }
    let (Some((hi0, dh)), Some((lo0, dl))) = (low_hi[0], high_lo[0]) else { return false };
    if dh != dl {
        return hi0 < lo0;
    }
    // The extremes come from one document: pair each with the other's runner-up.
    low_hi[1].is_some_and(|(hi1, _)| hi1 < lo0) || high_lo[1].is_some_and(|(lo1, _)| hi0 < lo1)
}

// ---- features and grouping --------------------------------------------------

/// Feature strings: content-word stems, and for each figure its unit with two
/// overlapping magnitude buckets (so 9,800 and 10,200 still share one).
fn features(words: &[Word<'_>], figures: &[Figure]) -> Vec<(u32, f64)> {
    FEATURE_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        let mut ids: Vec<(u32, f64)> = Vec::new();
        let mut add = |f: String, strong: bool, names: &mut HashMap<String, u32>| {
            let n = names.len() as u32;
            ids.push((*names.entry(f).or_insert(n), if strong { 2.0 } else { 1.0 }));
        };
        for w in words {
            if number(w.text).is_some() {
                continue;
            }
            let lower = w.text.to_lowercase();
            if lower.chars().count() < 2 || STOP.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str()) {
                continue;
            }
            // a model or code name ("S-400", "F-16") names one thing: it counts double
            let code = w.text.chars().any(|c| c.is_ascii_digit()) && w.text.chars().any(char::is_alphabetic);
            add(stem(w.text), code, &mut names);
        }
        for f in figures {
            let mag = f.value.max(1.0).log10();
            // whole numbers: formatting an f64 would pull float printing into the wasm
            // a figure with its unit is the surest sign of the same fact: it counts double
            add(format!("#{}:{}", f.unit, mag.floor() as i32), true, &mut names);
            add(format!("#{}:{}h", f.unit, (mag + 0.5).floor() as i32), true, &mut names);
            // a compound's last letters: "14 warships" and "Fourteen ships"
            let tail: String = f.unit.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
            if tail != f.unit {
                add(format!("#~{tail}:{}", mag.floor() as i32), false, &mut names);
            } else {
                add(format!("#~{}:{}", f.unit, mag.floor() as i32), false, &mut names);
            }
        }
        crate::sort::sort_by(&mut ids, |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        ids.dedup_by_key(|f| f.0);
        ids
    })
}

thread_local! {
    /// Feature string → id, for one comparison (cleared when one starts).
    static FEATURE_NAMES: std::cell::RefCell<HashMap<String, u32>> = std::cell::RefCell::new(HashMap::default());
}

/// How much of the smaller claim the other one covers: the idf² weight of
/// the shared features over the smaller claim's total (the overlap
/// coefficient). News sentences carry much besides the fact they share, so a
/// cosine, which the longer sentence's extra words pull down, misses
/// paraphrases that this keeps.
fn similarity(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut shared, mut n) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1 * a[i].1;
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let na: f64 = a.iter().map(|f| f.1 * f.1).sum();
    let nb: f64 = b.iter().map(|f| f.1 * f.1).sum();
    let least = na.min(nb);
    // one shared word is a coincidence, however short the claim
    if least == 0.0 || n < 2 {
        0.0
    } else {
        shared / least
    }
}

/// Groups of claim indices. One pass: each claim joins its most similar
/// candidate group or starts one.
fn group_claims(claims: &mut [Claim]) -> Vec<Vec<usize>> {
    // idf over claims
    let mut df: HashMap<u32, u32> = HashMap::default();
    for c in claims.iter() {
        for f in &c.feats {
            *df.entry(f.0).or_insert(0) += 1;
        }
    }
    let n = claims.len().max(1) as f64;
    for c in claims.iter_mut() {
        for f in c.feats.iter_mut() {
            f.1 *= (1.0 + n / df[&f.0] as f64).ln(); // f.1 held the feature's multiplier
        }
    }

    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::default();
    let mut group_feats: Vec<HashSet<u32>> = Vec::new();
    let mut score: HashMap<u32, f64> = HashMap::default();
    for ci in 0..claims.len() {
        score.clear();
        for &(f, w) in &claims[ci].feats {
            if let Some(p) = postings.get(&f).filter(|p| p.len() <= POSTINGS_CAP) {
                for &g in p {
                    *score.entry(g).or_insert(0.0) += w;
                }
            }
        }
        let mut cands: Vec<(u32, f64)> = score.iter().map(|(&g, &s)| (g, s)).collect();
        crate::sort::sort_by(&mut cands, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(TOP_CANDIDATES);
        let best = cands
            .iter()
            .map(|&(g, _)| {
                let sim = groups[g as usize].iter().take(MEMBERS_COMPARED).map(|&m| similarity(&claims[ci].feats, &claims[m].feats)).fold(0.0, f64::max);
                (g, sim)
            })
            .filter(|&(_, sim)| sim >= JOIN)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let g = match best {
            Some((g, _)) => g as usize,
            None => {
                groups.push(Vec::new());
                group_feats.push(HashSet::default());
                groups.len() - 1
            }
        };
        groups[g].push(ci);
        for &(f, _) in &claims[ci].feats {
            if group_feats[g].insert(f) {
                postings.entry(f).or_default().push(g as u32);
            }
        }
    }
    groups
}

fn distinct_docs(claims: &[Claim], g: &[usize]) -> usize {
    let mut docs: Vec<usize> = g.iter().map(|&c| claims[c].doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

fn primary_kind(s: &Sentence) -> (String, Option<AttributionKind>) {
    match s.attributions.first() {
        None => ("none".into(), None),
        Some(a) => (kind_label(a.kind).to_string(), Some(a.kind)),
    }
}

/// The report's name of an attribution kind.
fn kind_label(k: AttributionKind) -> &'static str {
    match k {
        AttributionKind::NamedPerson => "namedPerson",
        AttributionKind::NamedOrganization => "namedOrganization",
        AttributionKind::UnnamedOfficial => "unnamedOfficial",
        AttributionKind::Vague => "vague",
    }
}

/// The report's name of a status.
fn status_label(l: StatusLabel) -> &'static str {
    match l {
        StatusLabel::Denied => "denied",
        StatusLabel::Confirmed => "confirmed",
        StatusLabel::Unconfirmed => "unconfirmed",
        StatusLabel::Speculative => "speculative",
        StatusLabel::Claimed => "claimed",
        StatusLabel::Asserted => "asserted",
    }
}

fn build_group(claims: &[Claim], reports: &[Report], g: &mut [usize]) -> ClaimGroup {
    crate::sort::sort_by_key(g, |&c| (claims[c].doc, claims[c].sentence));
    let mut members = Vec::new();
    let mut statuses = BTreeMap::new();
    let mut numbers = Vec::new();
    let mut named = false;
    for &c in g.iter() {
        let cl = &claims[c];
        let r = &reports[cl.doc];
        let s = &r.sentences[cl.sentence];
        let (attribution, kind) = primary_kind(s);
        named |= matches!(kind, Some(AttributionKind::NamedPerson | AttributionKind::NamedOrganization));
        let source = s.attributions.first().and_then(|a| a.source.as_ref()).map(|src| {
            src.source_id.and_then(|id| r.sources.iter().find(|x| x.id == id)).map_or_else(|| src.text.clone(), |x| x.name.clone())
        });
        *statuses.entry(status_label(s.status.label).to_string()).or_insert(0) += 1;
        members.push(Member { doc: cl.doc, sentence: cl.sentence, status: s.status.label, attribution, source });
        numbers.extend(cl.figures.iter().cloned());
    }
    // conflicts: per unit, two documents' ranges that do not meet
    let mut conflicts = Vec::new();
    let mut units: Vec<&str> = numbers.iter().map(|f| f.unit.as_str()).collect();
    crate::sort::sort_by(&mut units, |a, b| a.cmp(b));
    units.dedup();
    for unit in units {
        let same: Vec<&Figure> = numbers.iter().filter(|f| f.unit == unit).collect();
        if figures_disagree(&same) {
            conflicts.push(Conflict { unit: unit.to_string(), values: same.into_iter().cloned().collect() });
        }
    }
    let first = &claims[g[0]];
    ClaimGroup {
        id: 0,
        text: reports[first.doc].sentences[first.sentence].text.clone(),
        documents: distinct_docs(claims, g),
        members,
        conflict: !conflicts.is_empty(),
        conflicts,
        numbers,
        statuses,
        named,
    }
}

// ---- sources across documents ----------------------------------------------

fn words_of(name: &str) -> Vec<String> {
    name.split_whitespace().map(norm_word).filter(|w| !w.is_empty()).collect()
}

/// Named people and organisations, merged across documents.
fn merge_sources(reports: &[Report]) -> Vec<CrossSource> {
    struct Ent {
        src: CrossSource,
        keys: HashSet<String>,
        /// name_key of each word, for a surname alone
        word_keys: HashSet<String>,
    }
    let mut ents: Vec<Ent> = Vec::new();
    let mut by_key: HashMap<(bool, String), usize> = HashMap::default();
    let named = |k: AttributionKind| matches!(k, AttributionKind::NamedPerson | AttributionKind::NamedOrganization);
    // Full names first, then one-word names, so "Mr. Shin" finds "Shin Wonsik"
    // whichever document names him in full.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for pass in [false, true] {
        for (d, r) in reports.iter().enumerate() {
            for (i, s) in r.sources.iter().enumerate() {
                if named(s.kind) && (words_of(&s.name).len() <= 1) == pass {
                    order.push((d, i));
                }
            }
        }
    }
    for (d, i) in order {
        let s = &reports[d].sources[i];
        let person = s.kind == AttributionKind::NamedPerson;
        let ws = words_of(&s.name);
        let key = name_key(&ws);
        let mut found = by_key.get(&(person, key.clone())).copied();
        if found.is_none() && ws.len() == 1 {
            let hits: Vec<usize> = ents.iter().enumerate().filter(|(_, e)| (e.src.kind == AttributionKind::NamedPerson) == person && e.word_keys.contains(&key)).map(|(j, _)| j).collect();
            if hits.len() == 1 {
                found = Some(hits[0]);
            }
        }
        let j = match found {
            Some(j) => j,
            None => {
                ents.push(Ent {
                    src: CrossSource { id: ents.len(), name: s.name.clone(), aliases: Vec::new(), kind: s.kind, role: None, documents: 0, mentions: Vec::new() },
                    keys: HashSet::default(),
                    word_keys: HashSet::default(),
                });
                ents.len() - 1
            }
        };
        let e = &mut ents[j];
        e.keys.insert(key.clone());
        by_key.insert((person, key), j);
        if ws.len() > 1 {
            for w in &ws {
                e.word_keys.insert(name_key(std::slice::from_ref(w)));
            }
        }
        for alias in std::iter::once(&s.name).chain(&s.aliases) {
            if alias != &e.src.name && !e.src.aliases.contains(alias) {
                e.src.aliases.push(alias.clone());
            }
        }
        if e.src.role.is_none() {
            e.src.role.clone_from(&s.role);
        }
        e.src.mentions.extend(s.sentences.iter().map(|&sentence| Mention { doc: d, sentence }));
    }
    ents.into_iter()
        .map(|mut e| {
            crate::sort::sort_by_key(&mut e.src.mentions, |m| (m.doc, m.sentence));
            e.src.mentions.dedup();
            let mut docs: Vec<usize> = e.src.mentions.iter().map(|m| m.doc).collect();
            docs.dedup();
            e.src.documents = docs.len();
            e.src
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> Document {
        Document { name: name.into(), text: text.into() }
    }

    fn group_of(c: &Comparison, doc: usize, needle: &str) -> Option<usize> {
        let s = c.documents[doc].report.sentences.iter().find(|s| s.text.contains(needle))?;
        c.claim_groups.iter().find(|g| g.members.iter().any(|m| m.doc == doc && m.sentence == s.index)).map(|g| g.id)
    }

    #[test]
    fn every_qualifier_line_parses_and_says_why() {
        let lines: Vec<&str> = QUALIFIERS.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).collect();
        assert_eq!(parse_qualifiers(QUALIFIERS).len(), lines.len());
        assert_eq!(parse_qualifiers(QUALIFIER_ENTRIES), parse_qualifiers(QUALIFIERS));
        assert!(lines.iter().all(|l| l.contains("# ")), "every entry has a # why");
    }

    #[test]
    fn figures_read_value_unit_and_qualifier() {
        let r = crate::analyze("Valdoria has sent an estimated 11,000 troops to the border, officials said on May 3.", &Options::default());
        let (_, f) = read_claim(0, &r.sentences[0], qualifiers());
        assert_eq!(f.len(), 1, "May 3 is a date, not a figure");
        assert_eq!((f[0].value, f[0].unit.as_str(), f[0].qualifier.as_str(), f[0].text.as_str()), (11000.0, "troop", "an estimated", "an estimated 11,000 troops"));
        let r = crate::analyze("The navy moved close to 20,000 shipping containers of shells and $2.3 billion in aid.", &Options::default());
        let (_, f) = read_claim(0, &r.sentences[0], qualifiers());
        assert_eq!(f[0].unit, "container");
        assert_eq!(f[0].qualifier, "close to");
        assert_eq!((f[1].value, f[1].unit.as_str()), (2.3e9, "dollar"));
    }

    #[test]
    fn ranges_conflict_only_beyond_their_qualifiers() {
        let meet = |a: (f64, QualKind), b: (f64, QualKind)| {
            let (a0, a1) = range(a.0, a.1);
            let (b0, b1) = range(b.0, b.1);
            !(a1 < b0 || b1 < a0)
        };
        assert!(!meet((10_000.0, QualKind::Above), (11_000.0, QualKind::Approx)), "over 10,000 vs an estimated 11,000");
        assert!(meet((13_000.0, QualKind::Above), (13_000.0, QualKind::Above)));
        assert!(meet((200.0, QualKind::Above), (205.0, QualKind::Exact)));
        assert!(!meet((13_000.0, QualKind::Above), (20_000.0, QualKind::Near)));
    }

    /// The one-pass conflict check agrees with comparing every pair, on many
    /// small random sets (values close together, few documents, mixed qualifiers).
    #[test]
    fn one_pass_conflict_check_equals_all_pairs() {
        let quals = ["", "over", "about", "nearly", "up to"];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        for _ in 0..20_000 {
            let n = 1 + next(6) as usize;
            let figs: Vec<Figure> = (0..n)
                .map(|_| Figure {
                    doc: next(3) as usize,
                    sentence: 0,
                    value: 1000.0 + 10.0 * next(12) as f64,
                    unit: "troop".into(),
                    text: String::new(),
                    qualifier: quals[next(5) as usize].into(),
                    start: 0,
                    end: 0,
                })
                .collect();
            let same: Vec<&Figure> = figs.iter().collect();
            let pairs = same.iter().enumerate().any(|(i, a)| {
                same[i + 1..].iter().any(|b| {
                    let (a0, a1) = range(a.value, qual_kind(&a.qualifier));
                    let (b0, b1) = range(b.value, qual_kind(&b.qualifier));
                    a.doc != b.doc && (a1 < b0 || b1 < a0)
                })
            });
            assert_eq!(figures_disagree(&same), pairs, "{:?}", figs.iter().map(|f| (f.doc, f.value, &f.qualifier)).collect::<Vec<_>>());
        }
    }

    #[test]
    fn paraphrases_group_and_numbers_conflict() {
        let c = compare(
            &[
                doc("A", "Valdoria deployed over 4,000 marines to Ostrava in March, officials said. The weather was mild."),
                doc("B", "The Valdorian navy has sent an estimated 4,800 marines to Ostrava, according to Defence Minister Park Jun-seok. Separately, a bakery opened downtown."),
            ],
            &Options::default(),
        )
        .unwrap();
        let g = group_of(&c, 0, "4,000 marines").expect("grouped");
        assert_eq!(Some(g), group_of(&c, 1, "4,800 marines"));
        assert!(c.claim_groups[g].conflict);
        assert_eq!(c.claim_groups[g].conflicts[0].unit, "marine");
        assert_eq!(group_of(&c, 1, "bakery"), None);
    }

    #[test]
    fn sources_merge_across_spellings_but_not_across_namesakes() {
        let c = compare(
            &[
                doc("A", "Defence Minister Park Jun-seok said the ships left on Monday. The analyst Lee Min-ho said the plan was old."),
                doc("B", "Park Junseok, the defence minister, said the ships had left. Mr. Park said more would follow. Leader Lee Sang-chul said nothing."),
            ],
            &Options::default(),
        )
        .unwrap();
        let find = |n: &str| c.sources.iter().find(|s| s.name == n || s.aliases.iter().any(|a| a == n)).map(|s| s.id);
        assert!(find("Park Jun-seok").is_some());
        assert_eq!(find("Park Jun-seok"), find("Park Junseok"));
        assert_ne!(find("Lee Min-ho"), find("Lee Sang-chul"));
        let park = &c.sources[find("Park Junseok").unwrap()];
        assert_eq!(park.documents, 2);
        assert!(park.role.is_some(), "the role travels with the source");
    }

    #[test]
    fn fewer_than_two_documents_is_an_error() {
        assert!(compare(&[doc("A", "x")], &Options::default()).is_err());
    }
}
