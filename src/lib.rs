//! claimlens: for every claim in a news article, who is said to back it, how
//! much the writer hedges it, and whether it is confirmed.
//!
//! ```
//! let report = claimlens::analyze("Officials said the bridge reopened.", &claimlens::Options::default());
//! assert_eq!(report.sentences[0].attributions[0].source.as_ref().unwrap().text, "Officials");
//! ```
//!
//! Where things live (see DESIGN.md):
//! - `data/*.txt`: the lexicons (hedge cues, reporting verbs, source nouns …)
//! - `src/segment.rs`: paragraphs and sentences
//! - `src/rules/`: one rule per file: kind, hedges, attribution, names, status
//! - `src/resolve.rs`: sources across the article
//! - `src/score.rs`: scores, check-worthy claims, bands and the summary
//! - `src/genre.rs`: news, opinion, interview, review or press release
//! - `src/language.rs`: the not-English warning
//! - `src/cues.rs`: the small phrase lists of genre.rs and score.rs
//! - `src/utf16.rs`: the UTF-16 offset boundary
//! - `src/wasm.rs`: the JavaScript API (wasm32 only)

pub mod compare;
pub mod cues;
pub mod doc;
pub mod genre;
pub mod language;
pub mod headline;
pub mod lexicon;
pub mod quotes;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod score;
pub mod segment;
pub mod sort;
pub mod span;
pub mod tape;
pub mod token;
pub mod utf16;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use compare::{compare, Comparison, Document};
pub use lexicon::ExtraTerm;
pub use report::*;

use doc::Doc;
use lexicon::Lexicon;
use rules::{attribution, hedges, kind, status};
use serde::{Deserialize, Serialize};
use span::Span;
use utf16::Utf16Map;

/// Default size limit: 16 MiB of UTF-8.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// Run-time options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Terms to add to a lexicon (a teacher's local hedge word).
    pub extra_terms: Vec<ExtraTerm>,
    /// Phrases to switch off, in every lexicon (lower case).
    pub disabled_terms: Vec<String>,
    /// Inputs longer than this many bytes of UTF-8 are refused.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { extra_terms: Vec::new(), disabled_terms: Vec::new(), max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// Why an input could not be analysed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The input is over `Options::max_bytes`.
    TooLarge { bytes: usize, limit: usize },
    /// An extra term in the options does not parse.
    BadOption(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(f, "over the size limit: {bytes} bytes, limit {limit}"),
            Error::BadOption(m) => write!(f, "bad option: {m}"),
        }
    }
}

impl std::error::Error for Error {}

/// Analyse `text`, refusing input over the size limit or with bad options.
pub fn try_analyze(text: &str, options: &Options) -> Result<Report, Error> {
    try_analyze_with(text, options, PARALLEL_MIN_BYTES)
}

fn try_analyze_with(text: &str, options: &Options, parallel_min: usize) -> Result<Report, Error> {
    if text.len() > options.max_bytes.min(u32::MAX as usize) {
        return Err(Error::TooLarge { bytes: text.len(), limit: options.max_bytes.min(u32::MAX as usize) });
    }
    let custom;
    let lex = if options.extra_terms.is_empty() && options.disabled_terms.is_empty() {
        Lexicon::default_ref()
    } else {
        custom = Lexicon::build(&options.extra_terms, &options.disabled_terms).map_err(Error::BadOption)?;
        &custom
    };
    Ok(run_with(text, lex, parallel_min))
}

/// [`analyze`] on the calling thread only, whatever the text's length: for
/// the benchmarks' single-thread figure.
#[doc(hidden)]
pub fn analyze_on_one_thread(text: &str, options: &Options) -> Report {
    analyze_with(text, options, usize::MAX)
}

/// Analyse `text`. Never panics. Over the size limit, or with bad options, the
/// report has no sentences and says why in `warnings`.
pub fn analyze(text: &str, options: &Options) -> Report {
    analyze_with(text, options, PARALLEL_MIN_BYTES)
}

fn analyze_with(text: &str, options: &Options, parallel_min: usize) -> Report {
    match try_analyze_with(text, options, parallel_min) {
        Ok(r) => r,
        Err(e) => {
            let map = Utf16Map::new(if text.len() <= options.max_bytes { text } else { "" });
            let mut r = empty_report(map.len());
            r.warnings.push(e.to_string());
            r
        }
    }
}

fn empty_report(chars: usize) -> Report {
    Report {
        schema_version: SCHEMA_VERSION,
        stats: Stats { chars, ..Default::default() },
        sentences: Vec::new(),
        sources: Vec::new(),
        summary: score::summarize(&[], &[], 0),
        warnings: Vec::new(),
    }
}

fn warnings_for(text: &str) -> Vec<String> {
    let mut w = Vec::new();
    // Whole-text scans use the memchr crate, which has a wasm SIMD path (the
    // standard library's searches do not); U+FFFD is found by its rare first byte.
    let b = text.as_bytes();
    if memchr::memchr(0, b).is_some() {
        w.push("The text contains NUL characters; they were kept but ignored.".into());
    }
    if memchr::memchr_iter(0xEF, b).any(|i| b[i..].starts_with("\u{FFFD}".as_bytes())) {
        w.push("The text contains replacement characters (�): it may not have been valid UTF-8.".into());
    }
    let lower_tags = if memchr::memchr(b'<', b).is_some() { text.matches("</").count() + text.matches("<p>").count() + text.matches("<div").count() } else { 0 };
    if lower_tags >= 3 {
        w.push("The text looks like HTML; paste the article's text for best results.".into());
    }
    if text.trim().is_empty() {
        w.push("The text is empty.".into());
    }
    if let Some(m) = language::warning(text) {
        w.push(m.into());
    }
    w
}

/// From this many bytes on, native builds split a text's work over two
/// threads (see `stages`, `run_with`, `per_item` and `score_all` in this file).
pub const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// The whole-text stages: tokens and lexicon matches ([`Doc`]), paragraphs
/// and sentences, and the UTF-16 map. Natively, for a text of at least
/// `parallel_min` bytes, a second thread segments the text, builds the map
/// and tokenizes the last ~36% while this one tokenizes the rest; the
/// result is the same as on one thread (tested). The wasm build has one thread.
type Stages<'a> = (Doc<'a>, (Vec<Span>, Vec<segment::SentSpan>), Utf16Map<'a>);

fn stages<'a>(text: &'a str, lex: &'a Lexicon, parallel_min: usize) -> Stages<'a> {
    // the second thread also segments: it tokenizes the smaller part
    if let Some(cut) = doc::split_point(text, text.len() / 100 * 64).filter(|_| text.len() >= parallel_min) {
        let head = || doc::Part::new(text, lex, 0, cut);
        let rest = || (doc::Part::new(text, lex, cut, text.len()), segment::segment(text, lex), Utf16Map::new(text));
        if let Some((head, (tail, seg, map))) = on_two_threads(head, rest) {
            return (Doc::from_parts(text, lex, vec![head, tail]), seg, map);
        }
    }
    (Doc::new(text, lex), segment::segment(text, lex), Utf16Map::new(text))
}

/// `a()` on this thread and `b()` on a second one; `None`, with neither run,
/// when no thread can be had (a process limit) and always in the wasm build.
#[cfg(not(target_arch = "wasm32"))]
fn on_two_threads<A, B: Send>(a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> Option<(A, B)> {
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new().spawn_scoped(scope, b).ok()?;
        let a = a();
        Some((a, other.join().unwrap_or_else(|e| std::panic::resume_unwind(e))))
    })
}

#[cfg(target_arch = "wasm32")]
fn on_two_threads<A, B: Send>(_: impl FnOnce() -> A, _: impl FnOnce() -> B + Send) -> Option<(A, B)> {
    None
}

/// `f(i, item)` for each item of `items`, in order, consuming it: when
/// `split` is set, the second half on a second thread. Each thread frees
/// the items it was given, and the second half's items are the ones the
/// second thread made (see `run_with`), so few are freed by a thread that
/// did not make them, which costs more than a free at home.
fn per_item<R: Send, T: Send>(mut items: Vec<R>, split: bool, f: impl Fn(usize, R) -> T + Sync) -> Vec<T> {
    let n = items.len();
    if split && n >= 2 {
        // each closure takes its half out; if neither runs, both halves stay
        let mut tail_items = Some(items.split_off(n / 2));
        let mut head_items = Some(items);
        // this thread's half goes into a list with room for both: no regrowth
        let head = || {
            let mut v = Vec::with_capacity(n);
            v.extend(head_items.take().unwrap_or_default().into_iter().enumerate().map(|(i, r)| f(i, r)));
            v
        };
        let tail = || tail_items.take().unwrap_or_default().into_iter().enumerate().map(|(i, r)| f(n / 2 + i, r)).collect::<Vec<T>>();
        if let Some((mut out, tail)) = on_two_threads(head, tail) {
            out.extend(tail);
            return out;
        }
        items = head_items.unwrap_or_default();
        items.extend(tail_items.unwrap_or_default());
    }
    items.into_iter().enumerate().map(|(i, r)| f(i, r)).collect()
}

/// Score every sentence (each on its own: when `split` is set, the second
/// half on a second thread). Returns, per sentence, whether it is a
/// check-worthy claim ([`score::is_check_worthy`]), for the summary: that
/// test reads each sentence's text, so it runs here, in the parallel pass.
fn score_all(out: &mut [Sentence], features: &[(bool, bool, usize)], split: bool) -> Vec<bool> {
    let score = |o: &mut [Sentence], f: &[(bool, bool, usize)]| -> Vec<bool> {
        o.iter_mut()
            .zip(f)
            .map(|(s, &(n, c, w))| {
                score::score_sentence(s, n, c, w);
                score::is_check_worthy(s)
            })
            .collect()
    };
    if split && out.len() >= 2 && features.len() == out.len() {
        let mid = out.len() / 2;
        let (a, b) = out.split_at_mut(mid);
        let (fa, fb) = features.split_at(mid);
        if let Some((mut wa, wb)) = on_two_threads(|| score(a, fa), || score(b, fb)) {
            wa.extend(wb);
            return wa;
        }
    }
    score(out, features)
}

fn run_with(text: &str, lex: &Lexicon, parallel_min: usize) -> Report {
    let (doc, (paras, sent_spans), map) = stages(text, lex, parallel_min);
    let sents = doc.sentences(&sent_spans);
    let mut resolver = resolve::Resolver::new();

    let span = |s: Span| TextSpan { text: s.text(text).to_string(), start: map.at(s.start), end: map.at(s.end) };
    let split = text.len() >= parallel_min;

    // The rules that read only the document and the sentence (kind, hedges,
    // attributions) run first, for every sentence: natively on two threads
    // for a long text. Resolution, which carries state from sentence to
    // sentence, then runs in order; the status and the report's sentence
    // again on two threads.
    let local = |i: usize| {
        let s = &sents[i];
        // Disclaimers and credits were found with the lexicons, in one pass.
        let k = kind::classify(&doc, s, doc.has_furniture(s.span));
        let hs = hedges::detect(&doc, s);
        let mut atts = match k {
            SentenceKind::Claim | SentenceKind::Other => attribution::detect(&doc, s, &hs),
            // a headline is a claim too, in its own forms ("…, Officials Say")
            SentenceKind::Heading => match headline::heading_attribution(&doc, s, &hs) {
                Some(h) => vec![h],
                // hearsay with no one named: "Factory Reportedly Dumped Waste"
                None => attribution::detect(&doc, s, &hs).into_iter().filter(|a| a.source.is_none()).collect(),
            },
            _ => Vec::new(),
        };
        // A paragraph that opens with a speaker label ("MORALES: …", "Q: …").
        if (k == SentenceKind::Claim || k == SentenceKind::Other) && (i == 0 || sents[i - 1].paragraph != s.paragraph) {
            if let Some(label) = quotes::speaker_label(&doc, s) {
                atts.insert(0, label);
            }
        }
        (k, hs, atts)
    };
    let mut resolved = Vec::with_capacity(sents.len());
    let mut src_ids: Vec<Vec<Option<usize>>> = Vec::with_capacity(sents.len());
    let mut resolve_one = |s: &doc::Sent, (k, hs, mut atts): (SentenceKind, Vec<hedges::HedgeHit>, Vec<attribution::AttrHit>)| {
        // a title-case heading capitalises every word: its runs are not names
        if k != SentenceKind::Heading {
            resolver.mentions(&doc, s);
        }
        let mut ids = resolver.resolve(&doc, s, &mut atts);
        // drop attributions that resolution emptied (an unresolved "it")
        let mut keep = atts.iter().map(|a| a.source.is_some() || a.cue.is_some());
        ids.retain(|_| keep.next().unwrap_or(true));
        atts.retain(|a| a.source.is_some() || a.cue.is_some());
        src_ids.push(ids);
        resolved.push((k, hs, atts));
    };
    // The local rules run on two threads, and resolution, which goes in
    // order, overlaps them: this thread reads and resolves the first third
    // of the sentences while the second thread reads the rest, in batches of
    // `BATCH` sent over a channel; this thread then resolves each batch as it
    // comes. (Local rules cost about three times resolution per sentence, so
    // both threads finish at about the same time, and no thread waits for
    // the other's whole share.) In one thread each sentence is read and then
    // resolved. Either way the report is the same (tests below).
    const BATCH: usize = 64;
    let n = sents.len();
    let cut = n / 3;
    let local = &local;
    let two = if split && n >= 2 {
        let (tx, rx) = std::sync::mpsc::channel::<Vec<_>>();
        on_two_threads(
            || {
                (0..cut).for_each(|i| resolve_one(&sents[i], local(i)));
                (cut..n).zip(rx.into_iter().flatten()).for_each(|(i, l)| resolve_one(&sents[i], l));
            },
            move || {
                for from in (cut..n).step_by(BATCH) {
                    // the receiver is gone only if the other thread panicked
                    let _ = tx.send((from..(from + BATCH).min(n)).map(local).collect());
                }
            },
        )
    } else {
        None
    };
    if two.is_none() {
        (0..n).for_each(|i| resolve_one(&sents[i], local(i)));
    }
    let built = per_item(resolved, split, |i, (k, hs, atts)| {
        let (s, k, hs, atts) = (&sents[i], &k, &hs, &atts);
        let mut st = status::decide(&doc, s, hs, atts);
        if *k == SentenceKind::Heading {
            headline::heading_status(&doc, s, hs, &mut st);
        }
        let has_number = (s.t0..s.t1).any(|t| doc.is_number(t));
        let has_name = (s.t0 + 1..s.t1).any(|t| doc.is_cap(t));
        let sentence = Sentence {
            index: s.idx,
            paragraph: s.paragraph,
            start: map.at(s.span.start),
            end: map.at(s.span.end),
            text: s.span.text(text).to_string(),
            kind: *k,
            attributions: atts
                .iter()
                .map(|a| Attribution {
                    kind: a.kind,
                    source: a.source.map(|(x, y)| {
                        let sp = doc.span(x, y);
                        SourceSpan { text: sp.text(text).to_string(), start: map.at(sp.start), end: map.at(sp.end), source_id: None }
                    }),
                    cue: a.cue.map(|(x, y)| span(doc.span(x, y))),
                    quote: a.quote,
                    role: a.role.and_then(|(x, y)| {
                        let t = doc.span_text(x, y).trim().trim_end_matches(',').trim();
                        (!t.is_empty()).then(|| t.to_string())
                    }),
                })
                .collect(),
            hedges: hs
                .iter()
                .map(|h| Hedge { text: h.span.text(text).to_string(), start: map.at(h.span.start), end: map.at(h.span.end), category: h.category, weight: (h.weight as f64 * 100.0).round() / 100.0 })
                .collect(),
            status: Status { label: st.label, cues: st.cues.iter().map(|&c| span(c)).collect(), why: st.why },
            checkworthiness: 0.0,
            score: 0,
            reasons: Vec::new(),
        };
        (sentence, (has_number, has_name, s.word_count()))
    });
    let mut out: Vec<Sentence> = Vec::with_capacity(sents.len());
    let mut features: Vec<(bool, bool, usize)> = Vec::with_capacity(sents.len());
    let (mut words_in_claims, mut total_words) = (0usize, 0usize);
    for (sentence, f) in built {
        total_words += f.2;
        if sentence.kind == SentenceKind::Claim {
            words_in_claims += f.2;
        }
        out.push(sentence);
        features.push(f);
    }

    // Sources: link unnamed role-holders, then renumber the ones actually cited.
    resolver.settle_lone_names();
    let remap = resolver.link_roles();
    let mut final_id: Vec<Option<usize>> = vec![None; resolver.entities.len()];
    let mut sources: Vec<crate::report::Source> = Vec::new();
    for (si, ids) in src_ids.iter().enumerate() {
        for (ai, id) in ids.iter().enumerate() {
            let Some(id) = id.map(|i| remap[i]) else { continue };
            if !matches!(out[si].kind, SentenceKind::Claim | SentenceKind::Other | SentenceKind::Heading) {
                continue;
            }
            let e = &resolver.entities[id];
            let fid = *final_id[id].get_or_insert_with(|| {
                sources.push(crate::report::Source { id: sources.len(), name: e.name.clone(), kind: e.kind, role: e.role.clone(), aliases: e.aliases.clone(), sentences: Vec::new() });
                sources.len() - 1
            });
            if let Some(att) = out[si].attributions.get_mut(ai) {
                att.kind = e.kind;
                if let Some(src) = att.source.as_mut() {
                    src.source_id = Some(fid);
                }
            }
            if sources[fid].sentences.last() != Some(&si) {
                sources[fid].sentences.push(si);
            }
        }
    }

    // Quotations across sentences and paragraphs, runs of quoted speech,
    // transcript labels: the speaker carried (quotes.rs).
    quotes::carry(&doc, &sents, &mut out);
    // Each source lists every sentence that cites it, carried quotations included.
    for src in sources.iter_mut() {
        src.sentences.clear();
    }
    for s in &out {
        for a in &s.attributions {
            if let Some(id) = a.source.as_ref().and_then(|x| x.source_id) {
                if sources[id].sentences.last() != Some(&s.index) {
                    sources[id].sentences.push(s.index);
                }
            }
        }
    }
    let worthy = score_all(&mut out, &features, split);
    let mut summary = score::summarize(&out, &worthy, words_in_claims);
    // Does the headline say more than the article? (headline.rs)
    summary.headline_gap = headline::gap(&out);
    // What kind of piece is it? (genre.rs)
    summary.genre = genre::detect(&out);
    let claims = out.iter().filter(|s| s.kind == SentenceKind::Claim).count();
    Report {
        schema_version: SCHEMA_VERSION,
        stats: Stats { chars: map.len(), paragraphs: paras.len(), sentences: out.len(), claims, words: total_words },
        sentences: out,
        sources,
        summary,
        warnings: warnings_for(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources_of(text: &str) -> Vec<(String, AttributionKind, Vec<String>)> {
        analyze(text, &Options::default()).sources.into_iter().map(|s| (s.name, s.kind, s.aliases)).collect()
    }

    #[test]
    fn the_company_is_the_company_named_before() {
        let s = sources_of("Shares of Nordvik Energy fell after the company warned of losses. A fund manager at Alder Capital, Maria Costa, said it was bad. In a filing, the company disclosed a subpoena.");
        let nordvik = s.iter().find(|x| x.0 == "Nordvik Energy").expect("Nordvik Energy is a source");
        assert_eq!(nordvik.1, AttributionKind::NamedOrganization);
        assert!(nordvik.2.contains(&"the company".to_string()), "{s:?}");
        assert!(!s.iter().any(|x| x.0 == "Alder Capital"), "{s:?}");
    }

    #[test]
    fn titles_before_a_name_are_its_role_and_quotes_keep_their_speaker() {
        let r = analyze("“We will act,” Chief Financial Officer Lena Haugen said. “It is done.”", &Options::default());
        assert_eq!(r.sources[0].name, "Lena Haugen");
        assert_eq!(r.sources[0].role.as_deref(), Some("Chief Financial Officer"));
        assert_eq!(r.sentences[1].attributions[0].source.as_ref().unwrap().source_id, Some(0));
    }

    #[test]
    fn two_threads_give_the_same_report_as_one() {
        let lex = Lexicon::default_ref();
        let mut text = String::new();
        for f in [
            include_str!("../tests/fixtures/01_water_lead.txt"),
            include_str!("../tests/fixtures/03_runner_doping.txt"),
            include_str!("../tests/fixtures/04_wildfire_crlf.txt"),
            include_str!("../tests/fixtures/06_river_summit.txt"),
        ] {
            text.push_str(f);
            text.push_str("\n\n");
        }
        let third = (0..=text.len() / 3).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        // long enough for several batches of the second thread's reading
        let long = text.repeat(4);
        assert!(run_with(&long, lex, usize::MAX).sentences.len() > 6 * 64);
        for t in [text.as_str(), &long, &text[..third], "“Quoted,” she said. “More.”", "no-space-anywhere.", ""] {
            assert_eq!(run_with(t, lex, 0), run_with(t, lex, usize::MAX), "{t:?}");
        }
    }

    #[test]
    fn non_answers_are_unconfirmed() {
        for t in ["The regulator has not commented.", "The firm did not respond to requests for comment.", "A spokesman declined to comment."] {
            assert_eq!(analyze(t, &Options::default()).sentences[0].status.label, StatusLabel::Unconfirmed, "{t}");
        }
    }
}
