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
    /// False when some documents share no story with the others: then no
    /// claim group spans two stories.
    pub same_story: bool,
    /// The documents of each story, in order of their first document.
    pub stories: Vec<Vec<usize>>,
    /// [`DIFFERENT_STORIES`] when `same_story` is false.
    pub notice: Option<String>,
}

/// The notice for documents that share no story.
pub const DIFFERENT_STORIES: &str = "These articles do not seem to report the same story.";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentResult {
    pub id: usize,
    pub name: String,
    pub report: Report,
    /// 1 = the best sourcing score.
    pub rank: usize,
    /// The story this document reports (an index into `stories`).
    pub story: usize,
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
    /// Two of `values`, from different documents, that cannot both be true.
    pub pair: [usize; 2],
    /// Why, in plain words: "Flare says “6,000 residents”, outside what
    /// Herald's “over 4,000 residents” allows (at least 4,000 and under 5,000)."
    pub reason: String,
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
    let (feats, unit_words) = features(&ws, &figures);
    Claim { doc, sentence: s.index, feats, unit_words, figures }
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
    // Which documents report one story: their names and figures.
    let mut doc_figures: Vec<Vec<Figure>> = vec![Vec::new(); reports.len()];
    for c in &claims {
        doc_figures[c.doc].extend(c.figures.iter().cloned());
    }
    let marks: Vec<Vec<String>> = reports.iter().zip(&doc_figures).map(|(r, f)| story_marks(r, f)).collect();
    let story = stories(&marks);
    let groups = group_claims(&mut claims, &story);

    // Groups carried by two or more documents, in display order.
    let mut multi: Vec<Vec<usize>> = groups.into_iter().filter(|g| distinct_docs(&claims, g) >= 2).collect();
    let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
    let built: Vec<ClaimGroup> = multi.iter_mut().map(|g| build_group(&claims, &reports, &names, g)).collect();
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
            DocumentResult { id: i, name: d.name.clone(), report, rank: rank[i], story: story[i], unique_claims, unnamed_groups }
        })
        .collect();
    let n_stories = story.iter().copied().max().map_or(0, |m| m + 1);
    let mut story_docs: Vec<Vec<usize>> = vec![Vec::new(); n_stories];
    for (d, &st) in story.iter().enumerate() {
        story_docs[st].push(d);
    }
    let same_story = n_stories <= 1;
    let notice = (!same_story).then(|| DIFFERENT_STORIES.to_string());
    Comparison { schema_version: crate::SCHEMA_VERSION, documents, claim_groups, sources, same_story, stories: story_docs, notice }
}

// ---- reading a claim --------------------------------------------------------

struct Claim {
    doc: usize,
    sentence: usize,
    /// (feature id, weight), sorted by id: a multiplier from `features`, then × idf.
    feats: Vec<(u32, f64)>,
    /// The ids of its figures' unit words ("decade" in "six decades"): they
    /// are the shape of a number, not a subject.
    unit_words: Vec<u32>,
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

/// The step a figure is written to: the place of its last significant digit
/// ("4,800" → 100, "13,000" → 1,000), one place finer when the figure is a
/// lone 1 and zeros ("10,000" → 1,000: a step to 20,000 would double it).
fn precision(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let mut lead = 1.0;
    while lead * 10.0 <= v && lead < 1e300 {
        lead *= 10.0;
    }
    while lead > v && lead > 1e-300 {
        lead /= 10.0;
    }
    let mut p = lead;
    for _ in 0..15 {
        let q = v / p;
        if (q - q.round()).abs() <= 1e-6 * q.max(1.0) {
            break;
        }
        p /= 10.0;
    }
    if p == lead && (v / lead).round() == 1.0 {
        p /= 10.0;
    }
    p
}

/// What a figure allows: the values `lo..=hi`, and for a figure that names a
/// value (plain or approximate, not a bound) that value.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Allowed {
    lo: f64,
    hi: f64,
    point: Option<f64>,
}

/// The range a figure allows, from its qualifier (see `data/qualifiers.txt`).
/// A bound runs to the next figure at its own precision and stops short of
/// it: "over 4,000" is 4,000 up to (not including) 5,000, since a writer who
/// knew of 5,000 would say so; "over 13,000" stops short of 14,000.
fn allowed(value: f64, kind: QualKind) -> Allowed {
    let step = precision(value);
    let (lo, hi, point) = match kind {
        QualKind::Exact => (value * 0.99, value * 1.01, true),
        QualKind::Approx => {
            let d = (value * 0.03).max(step / 2.0);
            (value - d, value + d, true)
        }
        QualKind::Above => (value, value + step * 0.999, false),
        QualKind::Below => (value - step * 0.999, value, false),
        QualKind::Near => (value * 0.9, value, false),
    };
    Allowed { lo, hi, point: point.then_some(value) }
}

/// Whether two figures can both be true. Two stated values (plain or
/// approximate) agree when their ranges meet; two bounds likewise; a stated
/// value agrees with a bound when the value itself lies within the bound (the
/// bound already carries the slack: "an estimated 4,800" sits inside "over
/// 4,000"'s 4,000 to 5,000; "an estimated 11,000" is outside "over 10,000"'s
/// 10,000 to 11,000).
#[cfg(test)]
fn compatible(a: Allowed, b: Allowed) -> bool {
    match (a.point, b.point) {
        (Some(p), None) => b.lo <= p && p <= b.hi,
        (None, Some(p)) => a.lo <= p && p <= a.hi,
        _ => a.lo <= b.hi && b.lo <= a.hi,
    }
}

/// The best two entries from different documents by `better`: (key, doc, index).
type Best = [Option<(f64, usize, usize)>; 2];

fn keep_best(best: &mut Best, v: f64, doc: usize, idx: usize, better: fn(f64, f64) -> bool) {
    match best[0] {
        Some((b, d, _)) if !better(v, b) => {
            if d != doc && best[1].is_none_or(|(c, _, _)| better(v, c)) {
                best[1] = Some((v, doc, idx));
            }
        }
        Some(b0) => {
            if b0.1 != doc {
                best[1] = Some(b0);
            }
            best[0] = Some((v, doc, idx));
        }
        None => best[0] = Some((v, doc, idx)),
    }
}

/// Some x of `xs` and y of `ys` from different documents with x's top below
/// y's bottom, from the two lowest tops and the two highest bottoms (each
/// pair from different documents), so one pass finds a pair if any exists.
/// Items: (lo, hi, doc, index).
fn apart(xs: &[(f64, f64, usize, usize)], ys: &[(f64, f64, usize, usize)]) -> Option<(usize, usize)> {
    let mut low_hi: Best = [None, None];
    let mut high_lo: Best = [None, None];
    for &(_, hi, d, i) in xs {
        keep_best(&mut low_hi, hi, d, i, |a, b| a < b);
    }
    for &(lo, _, d, i) in ys {
        keep_best(&mut high_lo, lo, d, i, |a, b| a > b);
    }
    for x in low_hi.iter().flatten() {
        for y in high_lo.iter().flatten() {
            if x.1 != y.1 && x.0 < y.0 {
                return Some((x.2, y.2));
            }
        }
    }
    None
}

/// Two figures of `same` (one unit, one claim group) from different
/// documents that cannot both be true, as indices into `same`, if any.
/// Linear in the figures: stated values against each other, bounds against
/// each other, and stated values (as points) against bounds, both ways.
fn disagreeing_pair(same: &[&Figure]) -> Option<(usize, usize)> {
    let mut values = Vec::new();
    let mut points = Vec::new();
    let mut bounds = Vec::new();
    for (i, f) in same.iter().enumerate() {
        let a = allowed(f.value, qual_kind(&f.qualifier));
        match a.point {
            Some(p) => {
                values.push((a.lo, a.hi, f.doc, i));
                points.push((p, p, f.doc, i));
            }
            None => bounds.push((a.lo, a.hi, f.doc, i)),
        }
    }
    apart(&values, &values).or_else(|| apart(&bounds, &bounds)).or_else(|| apart(&points, &bounds)).or_else(|| apart(&bounds, &points))
}

/// `v` in plain digits, without float formatting (which would add a float
/// printer to the wasm): "4,000", "2.35", "1.2 billion".
fn plain_number(v: f64) -> String {
    let (v, word) = if v >= 1e9 {
        (v / 1e9, " billion")
    } else if v >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    let hundredths = (v.max(0.0) * 100.0).round().min(1e17) as u64;
    let (int, frac) = (hundredths / 100, hundredths % 100);
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    out.push_str(word);
    out
}

/// What a bound allows, in words: "4,000 up to 5,000".
fn bound_words(f: &Figure) -> String {
    let step = precision(f.value);
    match qual_kind(&f.qualifier) {
        QualKind::Above => format!("at least {} and under {}", plain_number(f.value), plain_number(f.value + step)),
        QualKind::Below => format!("over {} and up to {}", plain_number(f.value - step), plain_number(f.value)),
        QualKind::Near => format!("{} up to {}", plain_number(f.value * 0.9), plain_number(f.value)),
        _ => plain_number(f.value),
    }
}

/// Why two figures conflict, in plain words, naming their documents.
fn conflict_reason(a: &Figure, b: &Figure, names: &[&str]) -> String {
    let name = |f: &Figure| names.get(f.doc).copied().unwrap_or("?");
    let (ka, kb) = (qual_kind(&a.qualifier), qual_kind(&b.qualifier));
    let bound = |k: QualKind| matches!(k, QualKind::Above | QualKind::Below | QualKind::Near);
    match (bound(ka), bound(kb)) {
        (true, true) => format!(
            "{} says “{}” ({}), {} says “{}” ({}): both cannot be true.",
            name(a), a.text, bound_words(a), name(b), b.text, bound_words(b)
        ),
        (true, false) | (false, true) => {
            let (bd, pt) = if bound(ka) { (a, b) } else { (b, a) };
            format!("{} says “{}”, outside what {}'s “{}” allows ({}).", name(pt), pt.text, name(bd), bd.text, bound_words(bd))
        }
        (false, false) => {
            let how = if ka == QualKind::Exact && kb == QualKind::Exact { "more than rounding" } else { "more than an estimate" };
            format!("{} says “{}” and {} says “{}”: they differ by {} allows.", name(a), a.text, name(b), b.text, how)
        }
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

// ---- features and grouping --------------------------------------------------

/// Feature strings: content-word stems, and for each figure its unit with two
/// overlapping magnitude buckets (so 9,800 and 10,200 still share one).
fn features(words: &[Word<'_>], figures: &[Figure]) -> (Vec<(u32, f64)>, Vec<u32>) {
    FEATURE_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        let mut ids: Vec<(u32, f64)> = Vec::new();
        let mut add = |f: String, strong: bool, names: &mut HashMap<String, u32>| {
            let n = names.len() as u32;
            let figure = if f.starts_with('#') { FIGURE_BIT } else { 0 };
            ids.push((*names.entry(f).or_insert(n) | figure, if strong { 2.0 } else { 1.0 }));
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
        let units = figures.iter().filter(|f| MEASURES.contains(&f.unit.as_str())).filter_map(|f| names.get(&f.unit).copied()).collect();
        (ids, units)
    })
}

/// Units that measure rather than name a thing (stems): "nearly 20 years of
/// hostile relations" and "over 10 years of deficits" share a measure, not a
/// subject; "200 rocket launchers" and "200 launchers" share their subject.
const MEASURES: &[&str] = &[
    "year", "decade", "century", "month", "week", "day", "hour", "minute", "second", "time", "percent", "point", "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot",
    "feet", "inch", "kilogram", "kg", "pound", "ton", "tonne", "degree", "dollar", "euro", "crown", "cent", "yuan", "yen", "rupee", "won", "ruble", "rouble",
];

/// Set on the ids of figure features ("#troop:4"): a claim's shape of
/// number, as against its subject (its words).
const FIGURE_BIT: u32 = 1 << 31;

/// Whether two claims share a subject: a word, not only a figure's unit and
/// size ("nearly 20 years of hostile relations" and "over 10 years of
/// deficits" share only `#year`).
fn shares_subject(x: &Claim, y: &Claim) -> bool {
    let (a, b) = (&x.feats, &y.feats);
    let unit = |id: u32| x.unit_words.contains(&id) || y.unit_words.contains(&id);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal if a[i].0 & FIGURE_BIT == 0 && !unit(a[i].0) => return true,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    false
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
/// A claim joins only a group of its own story (`story[doc]`), and only
/// through a member it shares a subject with.
fn group_claims(claims: &mut [Claim], story: &[usize]) -> Vec<Vec<usize>> {
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
    let mut group_story: Vec<usize> = Vec::new();
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
        let st = story[claims[ci].doc];
        let mut cands: Vec<(u32, f64)> = score.iter().filter(|(&g, _)| group_story[g as usize] == st).map(|(&g, &s)| (g, s)).collect();
        crate::sort::sort_by(&mut cands, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(TOP_CANDIDATES);
        let best = cands
            .iter()
            .map(|&(g, _)| {
                let (c, members) = (&claims[ci], &groups[g as usize]);
                let sim = members.iter().take(MEMBERS_COMPARED).filter(|&&m| shares_subject(c, &claims[m])).map(|&m| similarity(&c.feats, &claims[m].feats)).fold(0.0, f64::max);
                (g, sim)
            })
            .filter(|&(_, sim)| sim >= JOIN)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let g = match best {
            Some((g, _)) => g as usize,
            None => {
                groups.push(Vec::new());
                group_feats.push(HashSet::default());
                group_story.push(st);
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

fn build_group(claims: &[Claim], reports: &[Report], names: &[&str], g: &mut [usize]) -> ClaimGroup {
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
    // conflicts: per unit, two documents' figures that cannot both be true
    let mut conflicts = Vec::new();
    let mut units: Vec<&str> = numbers.iter().map(|f| f.unit.as_str()).collect();
    crate::sort::sort_by(&mut units, |a, b| a.cmp(b));
    units.dedup();
    for unit in units {
        let same: Vec<&Figure> = numbers.iter().filter(|f| f.unit == unit).collect();
        if let Some((i, j)) = disagreeing_pair(&same) {
            let reason = conflict_reason(same[i], same[j], names);
            conflicts.push(Conflict { unit: unit.to_string(), values: same.into_iter().cloned().collect(), pair: [i, j], reason });
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

// ---- do the articles share a story? ----------------------------------------

/// Two articles share a story when they share at least this many names and
/// figures ("Dunmere", "Marsh Gap", "4,000 residents") …
pub const STORY_SHARED: usize = 3;
/// … making up at least this share (in percent) of the smaller article's.
pub const STORY_SHARE_PCT: usize = 25;
/// Or at least two shared, making up this share of the smaller article's.
const STORY_SHARE_PCT_TWO: usize = 40;
/// Earlier articles holding a name that are looked at (the most recent ones).
const STORY_POSTINGS_SCANNED: usize = 16;
/// Candidate articles compared exactly with each article.
const STORY_CANDIDATES: usize = 12;

/// Capitalised words that are titles, roles or generic parts of names: two
/// unrelated articles share them ("President", "Ministry", "Staff Writer").
const GENERIC_NAME_WORDS: &[&str] = &[
    "president", "minister", "ministry", "foreign", "staff", "writer", "institute", "council", "department", "inc", "radio", "general", "government", "office", "agency", "state",
    "states", "news", "service", "prime", "secretary", "committee", "party", "army", "navy", "police", "court", "university", "city", "county", "board", "national", "international",
    "centre", "center", "association", "company", "group", "union", "nations", "republic", "federal", "house", "senate", "congress", "parliament", "health", "defense", "defence",
    "affairs", "security", "public", "media", "press", "times", "post", "daily", "editor", "reporter", "correspondent", "photo", "advertisement", "related", "opinion", "updated",
    "published", "read", "share", "copyright", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "prof", "st", "ap", "reuters", "am", "pm", "a.m", "p.m",
];

/// An article's names and figures, sorted: capitalised words that never
/// appear in lower case in it (not at a sentence's start, not titles or
/// roles), and each figure's value with its unit.
fn story_marks(report: &Report, figures: &[Figure]) -> Vec<String> {
    let mut caps: HashSet<String> = HashSet::default();
    let mut lower: HashSet<String> = HashSet::default();
    for s in &report.sentences {
        for (i, w) in words(&s.text).iter().enumerate() {
            let Some(first) = w.text.chars().next() else { continue };
            if !first.is_alphabetic() {
                continue;
            }
            let key = norm_word(w.text);
            if first.is_lowercase() {
                lower.insert(key);
                continue;
            }
            // a heading in capitals ("PANIC ON THE OSTER") names nothing
            let shouting = w.text.chars().filter(|c| c.is_alphabetic()).count() >= 5 && !w.text.chars().any(char::is_lowercase);
            if i == 0 || shouting || key.chars().count() < 2 {
                continue;
            }
            if STOP.contains(&key.as_str()) || MONTHS.contains(&key.as_str()) || GENERIC_NAME_WORDS.contains(&key.as_str()) {
                continue;
            }
            caps.insert(key);
        }
    }
    let mut marks: Vec<String> = caps.into_iter().filter(|k| !lower.contains(k)).collect();
    for f in figures.iter().filter(|f| !MEASURES.contains(&f.unit.as_str())) {
        // a counted thing and its order of magnitude ("4,000 residents" and
        // "an estimated 4,800 residents"); years and percentages are too common
        marks.push(format!("#{}:{}", f.unit, f.value.max(1.0).log10().floor() as i32));
    }
    crate::sort::sort_by(&mut marks, |a, b| a.cmp(b));
    marks.dedup();
    marks
}

/// How many of two sorted lists' entries they share.
fn shared_count(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two articles' marks say they report one story.
fn same_story(a: &[String], b: &[String]) -> bool {
    let n = shared_count(a, b);
    let least = a.len().min(b.len()).max(1);
    // an article with fewer marks than that (a few lines, no names) cannot
    // show a different story: half of its marks shared will do
    let few = a.len().min(b.len()) < STORY_SHARED && n >= 1 && n * 2 >= least;
    few || (n >= STORY_SHARED && n * 100 >= STORY_SHARE_PCT * least) || (n >= 2 && n * 100 >= STORY_SHARE_PCT_TWO * least)
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Each document's story (0, 1, … in order of first document). Articles
/// that share a story with one another are linked, and a story is a set of
/// linked articles. Each article is compared with at most
/// [`STORY_CANDIDATES`] earlier ones, found through the names they share
/// (only the [`STORY_POSTINGS_SCANNED`] most recent holders of each name),
/// so the work grows linearly with the number of articles.
fn stories(marks: &[Vec<String>]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..marks.len()).collect();
    let mut postings: HashMap<&str, Vec<u32>> = HashMap::default();
    let mut count: HashMap<u32, u32> = HashMap::default();
    for (d, m) in marks.iter().enumerate() {
        count.clear();
        for k in m {
            if let Some(p) = postings.get(k.as_str()) {
                for &e in p.iter().rev().take(STORY_POSTINGS_SCANNED) {
                    *count.entry(e).or_insert(0) += 1;
                }
            }
        }
        let mut cands: Vec<(u32, u32)> = count.iter().map(|(&e, &n)| (e, n)).collect();
        crate::sort::sort_by(&mut cands, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(STORY_CANDIDATES);
        for (e, _) in cands {
            let e = e as usize;
            if same_story(m, &marks[e]) {
                let (x, y) = (find(&mut parent, d), find(&mut parent, e));
                if x != y {
                    parent[x.max(y)] = x.min(y);
                }
            }
        }
        for k in m {
            postings.entry(k.as_str()).or_default().push(d as u32);
        }
    }
    let mut label: HashMap<usize, usize> = HashMap::default();
    (0..marks.len())
        .map(|d| {
            let r = find(&mut parent, d);
            let n = label.len();
            *label.entry(r).or_insert(n)
        })
        .collect()
}

// ---- sources across documents ----------------------------------------------

pub const COMPARE_PLACES: &str = include_str!("../data/compare_places.txt");
const COMPARE_PLACES_ENTRIES: &str = crate::entry_lines!(COMPARE_PLACES);
const PLACES_ENTRIES: &str = crate::entry_lines!(crate::lexicon::PLACES);

/// Places, countries and nationality words (`data/places.txt` and
/// `data/compare_places.txt`), lower case.
fn places() -> &'static HashSet<String> {
    static P: OnceLock<HashSet<String>> = OnceLock::new();
    P.get_or_init(|| {
        PLACES_ENTRIES
            .lines()
            .chain(COMPARE_PLACES_ENTRIES.lines())
            .filter_map(|l| l.split('|').next())
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
            .filter(|p| !p.is_empty())
            .collect()
    })
}

/// Whether a name is a place, a country or a nationality word ("South
/// Sudan", "Sudanese", "the Netherlands", "Americans"): never a person.
fn is_place(name: &str) -> bool {
    let n: String = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let n = n.strip_prefix("the ").unwrap_or(&n);
    let n = n.strip_suffix("’s").or_else(|| n.strip_suffix("'s")).unwrap_or(n);
    let p = places();
    p.contains(n) || n.strip_suffix('s').is_some_and(|m| p.contains(m))
}

/// Words that open a sentence or join clauses, never the start of a name:
/// "But Mr. Frankel" is "Mr. Frankel".
const NAME_OPENERS: &[&str] = &[
    "but", "and", "or", "nor", "yet", "still", "however", "meanwhile", "also", "then", "instead", "though", "although", "while", "when", "after", "before", "because", "if", "as",
    "since", "moreover", "furthermore", "indeed", "later", "earlier", "today", "yesterday", "separately", "nonetheless", "nevertheless", "thus", "hence", "similarly", "even",
];

/// A source name without leading conjunctions and sentence openers.
fn clean_name(name: &str) -> &str {
    let mut s = name.trim();
    while let Some((first, rest)) = s.split_once(char::is_whitespace) {
        let w = first.trim_end_matches(',').to_lowercase();
        if !NAME_OPENERS.contains(&w.as_str()) || rest.trim().is_empty() {
            break;
        }
        s = rest.trim_start();
    }
    s
}

/// A name's words, normalised, without a leading courtesy title ("Ms.
/// Frankel" is "frankel", so it can join "Nadia Frankel").
fn words_of(name: &str) -> Vec<String> {
    let mut ws: Vec<String> = name.split_whitespace().map(norm_word).filter(|w| !w.is_empty()).collect();
    if ws.len() > 1 && matches!(ws[0].as_str(), "mr" | "mrs" | "ms" | "miss" | "dr" | "prof" | "sir" | "dame") {
        ws.remove(0);
    }
    ws
}

/// Named people and organisations, merged across documents. A "person"
/// who is a place or a nationality is dropped; names lose a leading "But"
/// or "And". Two names merge when they are of one kind and their names
/// match (after folding spelling variants); a one-word name joins a person
/// whose first or last name it is, when exactly one such person is known.
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
                let name = clean_name(&s.name);
                let not_a_person = s.kind == AttributionKind::NamedPerson && is_place(name);
                if named(s.kind) && !not_a_person && (words_of(name).len() <= 1) == pass {
                    order.push((d, i));
                }
            }
        }
    }
    for (d, i) in order {
        let s = &reports[d].sources[i];
        let person = s.kind == AttributionKind::NamedPerson;
        let name = clean_name(&s.name).to_string();
        let ws = words_of(&name);
        if ws.is_empty() {
            continue;
        }
        let key = name_key(&ws);
        let mut found = by_key.get(&(person, key.clone())).copied();
        if found.is_none() && ws.len() == 1 && person {
            let hits: Vec<usize> = ents.iter().enumerate().filter(|(_, e)| e.src.kind == AttributionKind::NamedPerson && e.word_keys.contains(&key)).map(|(j, _)| j).collect();
            if hits.len() == 1 {
                found = Some(hits[0]);
            }
        }
        let j = match found {
            Some(j) => j,
            None => {
                ents.push(Ent {
                    src: CrossSource { id: ents.len(), name: name.clone(), aliases: Vec::new(), kind: s.kind, role: None, documents: 0, mentions: Vec::new() },
                    keys: HashSet::default(),
                    word_keys: HashSet::default(),
                });
                ents.len() - 1
            }
        };
        let e = &mut ents[j];
        e.keys.insert(key.clone());
        by_key.insert((person, key), j);
        if ws.len() > 1 && person {
            // a surname alone: the first word ("Mr. Shin" of "Shin Wonsik") or the last
            for w in [&ws[0], &ws[ws.len() - 1]] {
                e.word_keys.insert(name_key(std::slice::from_ref(w)));
            }
        }
        for alias in std::iter::once(s.name.as_str()).chain(s.aliases.iter().map(String::as_str)) {
            let alias = clean_name(alias);
            if alias != e.src.name && !e.src.aliases.iter().any(|a| a == alias) && !(person && is_place(alias)) {
                e.src.aliases.push(alias.to_string());
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
    fn precision_is_the_last_significant_digit_and_finer_after_a_lone_one() {
        assert_eq!(precision(4_000.0), 1_000.0);
        assert_eq!(precision(4_800.0), 100.0);
        assert_eq!(precision(13_000.0), 1_000.0);
        assert_eq!(precision(10_000.0), 1_000.0, "a lone 1: 10,000 to 20,000 would double it");
        assert_eq!(precision(1_000.0), 100.0);
        assert_eq!(precision(200.0), 100.0);
        assert_eq!(precision(2.3e9), 1e8);
        assert_eq!(precision(7.2), 0.1);
        assert_eq!(precision(0.0), 1.0);
        assert_eq!(precision(f64::NAN), 1.0);
    }

    fn agree(a: (f64, QualKind), b: (f64, QualKind)) -> bool {
        compatible(allowed(a.0, a.1), allowed(b.0, b.1))
    }

    #[test]
    fn figures_agree_within_their_qualifiers() {
        use QualKind::*;
        assert!(agree((4_000.0, Above), (4_800.0, Approx)), "over 4,000 and an estimated 4,800 can both be true");
        assert!(agree((13_000.0, Above), (13_000.0, Above)));
        assert!(agree((200.0, Above), (205.0, Exact)));
        assert!(agree((300.0, Above), (320.0, Exact)));
        assert!(agree((30_000.0, Approx), (30_000.0, Approx)));
        assert!(agree((40.0, Approx), (42.0, Approx)), "about 40 and some 42");
        assert!(agree((1_200.0, Above), (1_250.0, Approx)));
        assert!(agree((300.0, Below), (250.0, Exact)), "up to 300 and 250");
        assert!(agree((5_000.0, Near), (4_800.0, Approx)), "nearly 5,000 and an estimated 4,800");
        assert!(agree((1.2e9, Approx), (1.2e9, Approx)));
    }

    #[test]
    fn figures_conflict_beyond_their_qualifiers() {
        use QualKind::*;
        assert!(!agree((10_000.0, Exact), (11_000.0, Exact)), "10,000 and 11,000, each stated flatly");
        assert!(!agree((10_000.0, Above), (11_000.0, Approx)), "over 10,000 stops short of 11,000");
        assert!(!agree((13_000.0, Above), (20_000.0, Near)), "over 13,000 and close to 20,000");
        assert!(!agree((4_000.0, Above), (6_000.0, Near)));
        assert!(!agree((30_000.0, Approx), (50_000.0, Below)), "about 30,000 and as many as 50,000");
        assert!(!agree((120.0, Exact), (180.0, Exact)));
        assert!(!agree((1_200.0, Above), (1_350.0, Approx)), "more than 1,200 stops short of 1,300");
    }

    fn fig(doc: usize, value: f64, qualifier: &str, text: &str) -> Figure {
        Figure { doc, sentence: 0, value, unit: "troop".into(), text: text.into(), qualifier: qualifier.into(), start: 0, end: 0 }
    }

    #[test]
    fn a_conflict_says_why_in_words() {
        let (a, b) = (fig(0, 10_000.0, "over", "over 10,000 troops"), fig(1, 11_000.0, "an estimated", "an estimated 11,000 troops"));
        let r = conflict_reason(&a, &b, &["Wire", "Post"]);
        assert_eq!(r, "Post says “an estimated 11,000 troops”, outside what Wire's “over 10,000 troops” allows (at least 10,000 and under 11,000).");
        let r = conflict_reason(&fig(0, 10_000.0, "", "10,000 troops"), &fig(1, 11_000.0, "", "11,000 troops"), &["Wire", "Post"]);
        assert!(r.contains("more than rounding"), "{r}");
        let r = conflict_reason(&fig(0, 13_000.0, "over", "over 13,000"), &fig(1, 20_000.0, "close to", "close to 20,000"), &["A", "B"]);
        assert!(r.contains("18,000 up to 20,000") && r.contains("under 14,000"), "{r}");
    }

    #[test]
    fn plain_numbers_need_no_float_formatting() {
        assert_eq!(plain_number(4_000.0), "4,000");
        assert_eq!(plain_number(1_234_567.0), "1.23 million");
        assert_eq!(plain_number(2.4e9), "2.4 billion");
        assert_eq!(plain_number(7.25), "7.25");
        assert_eq!(plain_number(950.0), "950");
        assert_eq!(plain_number(-3.0), "0");
        assert!(plain_number(f64::INFINITY).ends_with("billion"), "capped, no panic");
    }

    /// The one-pass search finds a disagreeing pair exactly when comparing
    /// every pair does, on many small random sets (values close together, few
    /// documents, mixed qualifiers), and the pair it finds does disagree.
    #[test]
    fn one_pass_conflict_search_equals_all_pairs() {
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
            let figs: Vec<Figure> = (0..n).map(|_| fig(next(3) as usize, 1000.0 + 100.0 * next(12) as f64, quals[next(5) as usize], "")).collect();
            let same: Vec<&Figure> = figs.iter().collect();
            let ok = |a: &Figure, b: &Figure| compatible(allowed(a.value, qual_kind(&a.qualifier)), allowed(b.value, qual_kind(&b.qualifier)));
            let pairs = same.iter().enumerate().any(|(i, a)| same[i + 1..].iter().any(|b| a.doc != b.doc && !ok(a, b)));
            let found = disagreeing_pair(&same);
            assert_eq!(found.is_some(), pairs, "{:?}", figs.iter().map(|f| (f.doc, f.value, &f.qualifier)).collect::<Vec<_>>());
            if let Some((i, j)) = found {
                assert!(same[i].doc != same[j].doc && !ok(same[i], same[j]));
            }
        }
    }

    #[test]
    fn a_group_needs_a_shared_subject_not_a_shared_measure() {
        let c = compare(
            &[
                doc("A", "Osterland froze the assets of Veldran shipping firms in Brennholt on Thursday. The move ends nearly 20 years of hostile relations."),
                doc("B", "Osterland froze Veldran shipping assets in Brennholt, officials said. The treasury counts over 10 years of deficits."),
            ],
            &Options::default(),
        )
        .unwrap();
        assert!(c.same_story, "the two share Osterland, Veldran and Brennholt");
        assert!(group_of(&c, 0, "froze the assets").is_some());
        assert_eq!(group_of(&c, 0, "hostile relations"), None, "years of relations are not years of deficits");
        let c = compare(
            &[
                doc("A", "The convoy from Osterland is carrying more than 200 rocket launchers to Veldra, officials said."),
                doc("B", "Over 200 launchers from Osterland are aboard the ships bound for Veldra, officials said."),
            ],
            &Options::default(),
        )
        .unwrap();
        assert!(group_of(&c, 0, "rocket launchers").is_some(), "launchers are a subject, not a measure");
    }

    #[test]
    fn articles_share_a_story_through_names_and_figures() {
        let a = "Harrow Mining halted its Delve pit in Orsk on Friday, the company said. Mayor Ivo Renner said 800 miners would be paid.";
        let b = "In Orsk, Harrow Mining stopped the Delve pit after a wall fell. Ivo Renner, the mayor, said the 800 miners would be paid.";
        let c = "Grandvale Athletic signed the striker Tomasz Weller for 38 million euros, manager Dario Fenn said on Tuesday.";
        let cmp = compare(&[doc("A", a), doc("B", b)], &Options::default()).unwrap();
        assert!(cmp.same_story && cmp.notice.is_none());
        assert_eq!(cmp.stories, vec![vec![0, 1]]);
        let cmp = compare(&[doc("A", a), doc("B", b), doc("C", c)], &Options::default()).unwrap();
        assert!(!cmp.same_story);
        assert_eq!(cmp.stories, vec![vec![0, 1], vec![2]]);
        assert_eq!(cmp.notice.as_deref(), Some(DIFFERENT_STORIES));
        assert_eq!(cmp.documents[2].story, 1);
        assert!(cmp.claim_groups.iter().all(|g| g.members.iter().all(|m| m.doc < 2)));
    }

    #[test]
    fn story_marks_are_names_and_figures_not_titles_or_openers() {
        let r = crate::analyze("PANIC IN ORSK\n\nThe Minister said Harrow Mining paid 800 miners in Orsk. Mining is hard, the minister said.", &Options::default());
        let claims: Vec<Figure> = r.sentences.iter().flat_map(|s| read_claim(0, s, qualifiers()).1).collect();
        let m = story_marks(&r, &claims);
        assert!(m.contains(&"harrow".to_string()) && m.contains(&"orsk".to_string()), "{m:?}");
        assert!(!m.iter().any(|k| k == "minister" || k == "panic" || k == "the"), "{m:?}");
        assert!(m.iter().any(|k| k == "#miner:2"), "{m:?}");
        // shared count and the rule, both ways
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(same_story(&s(&["a", "b", "c", "d"]), &s(&["a", "b", "c", "x", "y"])));
        assert!(!same_story(&s(&["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"]), &s(&["a", "b", "v", "w", "x", "y", "z", "zz", "zzz", "zzzz", "zzzzz", "zzzzzz"])));
        assert!(!same_story(&s(&["a", "b", "c", "d", "e"]), &s(&["a", "x", "y", "z"])), "one shared name is a coincidence");
        assert!(same_story(&s(&["#resident:3"]), &s(&["#resident:3", "valley"])), "a few lines with no names: one shared mark will do");
        assert!(!same_story(&s(&["#resident:3"]), &s(&["#goal:1"])));
    }

    #[test]
    fn story_linking_stays_bounded_on_many_articles() {
        // 300 articles naming the same places: one story, and each article
        // is compared with at most STORY_CANDIDATES earlier ones
        let marks: Vec<Vec<String>> = (0..300).map(|i| {
            let mut m: Vec<String> = ["orsk", "harrow", "delve", "renner"].iter().map(|s| s.to_string()).collect();
            m.push(format!("only{i}"));
            m.sort();
            m
        }).collect();
        assert!(stories(&marks).iter().all(|&s| s == 0));
        let apart: Vec<Vec<String>> = (0..50).map(|i| vec![format!("a{i}"), format!("b{i}"), format!("c{i}")]).collect();
        assert_eq!(stories(&apart), (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn source_names_lose_openers_and_places_are_not_people() {
        assert_eq!(clean_name("But Mr. Frankel"), "Mr. Frankel");
        assert_eq!(clean_name("And, Still Ivo Renner"), "Ivo Renner");
        assert_eq!(clean_name("Ivo Renner"), "Ivo Renner");
        assert_eq!(clean_name("But"), "But", "a lone word is left alone");
        assert_eq!(clean_name("Andrea Bell"), "Andrea Bell", "a name that begins like a conjunction");
        for p in ["South Sudan", "Sudan", "Sudanese", "the Netherlands", "Americans", "Russia’s", "Khartoum"] {
            assert!(is_place(p), "{p}");
        }
        for p in ["Nadia Frankel", "Harrow Mining", "Sudan Wells", "Jordan Peele"] {
            assert!(!is_place(p), "{p}");
        }
        assert_eq!(words_of("Ms. Frankel"), vec!["frankel".to_string()]);
    }

    #[test]
    fn places_are_never_persons_and_a_shared_word_does_not_merge() {
        let c = compare(
            &[
                doc("A", "“We will not pay,” said South Sudan. But Ms. Frankel said the pit would stay shut. “It is over,” Sudan said."),
                doc("B", "Nadia Frankel, the safety director, said no one was hurt. “We are done,” South Sudan said."),
            ],
            &Options::default(),
        )
        .unwrap();
        let persons: Vec<&CrossSource> = c.sources.iter().filter(|s| s.kind == AttributionKind::NamedPerson).collect();
        assert!(persons.iter().all(|s| !is_place(&s.name) && s.aliases.iter().all(|a| !is_place(a))), "{persons:?}");
        assert!(c.sources.iter().all(|s| !(s.name.contains("Sudan") && s.aliases.iter().any(|a| a == "Sudan" || a == "South Sudan"))), "{:?}", c.sources);
        assert!(c.sources.iter().all(|s| !s.name.starts_with("But ") && s.aliases.iter().all(|a| !a.starts_with("But "))));
        let frankel = c.sources.iter().find(|s| s.name == "Nadia Frankel").expect("Nadia Frankel");
        assert_eq!(frankel.documents, 2, "Ms. Frankel joins Nadia Frankel: {:?}", c.sources);
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
        assert!(!c.claim_groups[g].conflict, "an estimated 4,800 is inside what over 4,000 allows");
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
