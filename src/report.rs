//! The report: the contract the CLI, the page and the extension depend on.
//!
//! Every span's `start`/`end` is end-exclusive and counted in UTF-16 code units
//! of the exact input, and its `text` equals that slice of the input.
//! Field names are camelCase; `schemaVersion` is 1.

use std::borrow::Cow;
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

/// Reasons and status explanations that the engine writes word for word the
/// same in many sentences.
pub mod fixed {
    pub const QUOTED_DIRECTLY: &str = "The named source is quoted directly: +10.";
    pub const SECOND_SOURCE: &str = "A second source also backs it: +5.";
    pub const NO_SOURCE: &str = "No source is given; the writer states it: +10.";
    pub const NOT_TRUTH: &str = "This scores how the claim is sourced, not whether it is true.";
    pub const NOT_SCORED_HEADING: &str = "Not scored: this is a heading line, not a claim.";
    pub const NOT_SCORED_BOILERPLATE: &str = "Not scored: this is a boilerplate line, not a claim.";
    pub const NOT_SCORED_OTHER: &str = "Not scored: this is a question, fragment or call-to-action line, not a claim.";
    pub const NOT_SCORED_CLAIM: &str = "Not scored: this is a claim line, not a claim.";
    pub const ASSERTED: &str = "Stated by the writer with no source and no hedge.";
    pub const HEADING_TOPIC: &str = "A heading with no verb of its own: it names a topic and states no claim.";
    pub const HEADING_QUESTION: &str = "A question headline asks; it does not state anything as fact.";
    pub const QUOTE_NEXT: &str = "Part of a quotation attributed in the next sentence.";
    pub const QUOTE_BEFORE: &str = "Part of a quotation attributed in the sentence before.";
}

/// A span of the input: UTF-16 offsets, end-exclusive, and its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The source of an attribution: a span, and the article-level source it resolves to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index into `Report::sources`, when the span resolves to one.
    pub source_id: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SentenceKind {
    Claim,
    Heading,
    Boilerplate,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AttributionKind {
    NamedPerson,
    NamedOrganization,
    UnnamedOfficial,
    Vague,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QuoteType {
    Direct,
    Indirect,
    Mixed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attribution {
    pub kind: AttributionKind,
    pub source: Option<SourceSpan>,
    pub cue: Option<TextSpan>,
    pub quote: QuoteType,
    /// The source's role as given in this sentence ("national security adviser").
    pub role: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HedgeCategory {
    Distancing,
    Modal,
    Epistemic,
    Approximator,
    Conditional,
    Weasel,
    /// The writer's distance from a label ("so-called"): a marker on a word,
    /// not doubt about the claim. It does not decide the status.
    Label,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hedge {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub category: HedgeCategory,
    pub weight: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusLabel {
    Denied,
    Confirmed,
    Unconfirmed,
    Speculative,
    Claimed,
    Asserted,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Status {
    pub label: StatusLabel,
    /// The spans that decided the label (empty for `asserted`).
    pub cues: Vec<TextSpan>,
    /// One plain sentence saying why. Most are fixed text (`fixed::ASSERTED`),
    /// borrowed rather than copied for every sentence.
    pub why: Cow<'static, str>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    pub index: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: SentenceKind,
    /// Ordered: the primary attribution first. Empty means no attribution.
    pub attributions: Vec<Attribution>,
    pub hedges: Vec<Hedge>,
    pub status: Status,
    /// 0..1: how much a careful reader should want to check this claim.
    pub checkworthiness: f64,
    /// 0..100 sourcing score (not a truth score). 0 for non-claims.
    pub score: u32,
    /// Plain-language reasons, each tracing part of the score to the text.
    /// The fixed ones (`fixed::NOT_TRUTH` …) are borrowed, not copied.
    pub reasons: Vec<Cow<'static, str>>,
}

/// A source resolved across the article ("Shin Wonsik" … "Mr. Shin" … "he").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: usize,
    pub name: String,
    pub kind: AttributionKind,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    /// Indexes of the sentences that cite this source.
    pub sentences: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCounts {
    pub denied: usize,
    pub confirmed: usize,
    pub unconfirmed: usize,
    pub speculative: usize,
    pub claimed: usize,
    pub asserted: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributionCounts {
    pub named_person: usize,
    pub named_organization: usize,
    pub unnamed_official: usize,
    pub vague: usize,
    pub none: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// 0..100 sourcing score for the article. It measures sourcing, not truth.
    pub score: u32,
    pub claims: usize,
    pub by_status: StatusCounts,
    /// Primary attribution kind of each claim.
    pub by_attribution: AttributionCounts,
    /// Share (0..1) of claims whose primary source is a named person or organisation.
    pub named_source_share: f64,
    /// Hedge cues per 100 words of claims.
    pub hedge_density: f64,
    /// Plain-language reasons for the article score.
    pub reasons: Vec<String>,
    /// What the score does and does not measure.
    pub note: String,
    /// The headline states as fact what the body only reports, hedges or
    /// doubts (`headline.rs`); `null` when it does not, or there is no headline.
    pub headline_gap: Option<HeadlineGap>,
    /// The score in words (`score.rs`): `null` when there are no claims.
    pub band: Option<Band>,
    /// One plain sentence: why this band, in counts of check-worthy claims.
    pub band_why: String,
    /// Claims that make a check-worthy claim (a figure, a quote or report,
    /// an allegation, a cause, a prediction, a hedge or a status); only they
    /// count in `score`, unless there are none.
    pub check_worthy: usize,
    /// Where typical news reports score: the middle half of the calibration
    /// set (docs/calibration.md).
    pub typical: Typical,
    /// What kind of piece this reads as (`genre.rs`).
    pub genre: Genre,
}

/// The article score in words (thresholds in `score.rs` and README, "Scores").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Band {
    WellSourced,
    Mixed,
    ThinlySourced,
    Unsourced,
}

/// A score range: `low` to `high`, both included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typical {
    pub low: u32,
    pub high: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GenreLabel {
    #[default]
    News,
    Opinion,
    Interview,
    Review,
    PressRelease,
}

/// The kind of piece, and the words that show it (empty for news).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Genre {
    pub label: GenreLabel,
    pub cues: Vec<TextSpan>,
}

/// A headline that says more than its article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeadlineGap {
    /// The headline's sentence index.
    pub headline: usize,
    /// The body sentences that report the same claim.
    pub body: Vec<usize>,
    /// One plain sentence: what the headline does and what the body does.
    pub why: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Length of the input in UTF-16 code units.
    pub chars: usize,
    pub paragraphs: usize,
    pub sentences: usize,
    pub claims: usize,
    pub words: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema_version: u32,
    pub stats: Stats,
    pub sentences: Vec<Sentence>,
    pub sources: Vec<Source>,
    pub summary: Summary,
    /// Notes about the input itself (NUL characters, likely HTML, truncation …).
    pub warnings: Vec<String>,
}

pub const SCORE_NOTE: &str = "This score measures how the article sources its claims, not whether the claims are true.";
