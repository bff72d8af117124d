//! Shared invariant checker for claimlens reports (used by tests/props.rs and
//! tests/bad_input.rs). Every check is linear in the input, so it can run on
//! multi-megabyte texts.
#![allow(dead_code)]

use claimlens::{Report, SentenceKind};

/// The input as UTF-16 code units, computed once per check.
pub struct Units {
    pub units: Vec<u16>,
}

impl Units {
    pub fn new(text: &str) -> Units {
        Units { units: text.encode_utf16().collect() }
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when offset `i` falls between the two halves of a surrogate pair.
    pub fn splits_pair(&self, i: usize) -> bool {
        i > 0
            && i < self.units.len()
            && (0xD800..0xDC00).contains(&self.units[i - 1])
            && (0xDC00..0xE000).contains(&self.units[i])
    }

    pub fn slice(&self, start: usize, end: usize) -> Option<String> {
        if start > end || end > self.units.len() {
            return None;
        }
        String::from_utf16(&self.units[start..end]).ok()
    }
}

/// Check one span (`what` names it in failure messages).
pub fn check_span(u: &Units, what: &str, text: &str, start: usize, end: usize) {
    assert!(start <= end, "{what}: start {start} > end {end} ({text:?})");
    assert!(end <= u.len(), "{what}: end {end} past the input's {} UTF-16 units ({text:?})", u.len());
    assert!(!u.splits_pair(start), "{what}: start {start} splits a surrogate pair ({text:?})");
    assert!(!u.splits_pair(end), "{what}: end {end} splits a surrogate pair ({text:?})");
    let slice = u.slice(start, end).unwrap_or_else(|| panic!("{what}: {start}..{end} is not a valid UTF-16 slice"));
    assert_eq!(slice, text, "{what}: span text differs from the input slice {start}..{end}");
}

fn check_unit_interval(what: &str, x: f64) {
    assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{what} = {x} is not in [0, 1]");
}

/// Every invariant a successful report must hold for `input`.
pub fn check_report(input: &str, r: &Report) {
    let u = Units::new(input);
    assert_eq!(r.schema_version, 1, "schemaVersion");
    assert_eq!(r.stats.chars, u.len(), "stats.chars must be the UTF-16 length of the input");
    assert_eq!(r.stats.sentences, r.sentences.len(), "stats.sentences");
    let claims = r.sentences.iter().filter(|s| s.kind == SentenceKind::Claim).count();
    assert_eq!(r.stats.claims, claims, "stats.claims");
    assert_eq!(r.summary.claims, claims, "summary.claims");
    assert!(r.summary.score <= 100, "summary.score {} > 100", r.summary.score);
    check_unit_interval("summary.namedSourceShare", r.summary.named_source_share);
    assert!(r.summary.hedge_density.is_finite() && r.summary.hedge_density >= 0.0, "summary.hedgeDensity {}", r.summary.hedge_density);
    let bs = &r.summary.by_status;
    assert_eq!(bs.denied + bs.confirmed + bs.unconfirmed + bs.speculative + bs.claimed + bs.asserted, claims, "summary.byStatus must count every claim once");
    let ba = &r.summary.by_attribution;
    assert_eq!(ba.named_person + ba.named_organization + ba.unnamed_official + ba.vague + ba.none, claims, "summary.byAttribution must count every claim once");

    // Sources: ids are their positions; sentence lists are valid, sorted, unique.
    for (i, src) in r.sources.iter().enumerate() {
        assert_eq!(src.id, i, "sources[{i}].id");
        for w in src.sentences.windows(2) {
            assert!(w[0] < w[1], "sources[{i}].sentences not strictly increasing: {:?}", src.sentences);
        }
        for &s in &src.sentences {
            assert!(s < r.sentences.len(), "sources[{i}].sentences has {s}, only {} sentences", r.sentences.len());
        }
    }

    // Sentences: in order, non-overlapping, trimmed, and together covering every
    // non-whitespace character of the input.
    let mut prev_end = 0usize;
    let mut prev_para = 0usize;
    for (i, s) in r.sentences.iter().enumerate() {
        let what = format!("sentence {i}");
        assert_eq!(s.index, i, "{what}: index");
        check_span(&u, &what, &s.text, s.start, s.end);
        assert!(s.start < s.end, "{what}: empty sentence at {}", s.start);
        assert_eq!(s.text.trim(), s.text, "{what}: sentence text is not trimmed");
        assert!(s.start >= prev_end, "{what}: starts at {} before the previous sentence ends at {prev_end}", s.start);
        let gap = u.slice(prev_end, s.start).expect("gap slice");
        assert!(gap.chars().all(is_gap_char), "{what}: text between sentences is not white space: {gap:?}");
        let want = if i == 0 { [0, 0] } else { [prev_para, prev_para + 1] };
        assert!(want.contains(&s.paragraph), "{what}: paragraph {} after paragraph {prev_para} (paragraphs are numbered 0, 1, 2 … in order)", s.paragraph);
        assert!(s.paragraph < r.stats.paragraphs.max(1), "{what}: paragraph {} but stats.paragraphs = {}", s.paragraph, r.stats.paragraphs);
        prev_end = s.end;
        prev_para = s.paragraph;

        assert!(s.score <= 100, "{what}: score {} > 100", s.score);
        check_unit_interval(&format!("{what}: checkworthiness"), s.checkworthiness);
        if s.kind != SentenceKind::Claim {
            assert_eq!(s.score, 0, "{what}: a non-claim must score 0");
        }
        // Attributions and status cues may come from another sentence, even
        // another paragraph (a quotation over paragraphs, a run of quoted
        // speech carried by quotes.rs), but each one lies inside one sentence
        // of the article: the one where its words were found.
        let in_paragraph = |w: &str, a: usize, b: usize| {
            let k = r.sentences.partition_point(|x| x.start <= a);
            assert!(k > 0 && b <= r.sentences[k - 1].end, "{w}: {a}..{b} lies inside no single sentence");
        };
        for (j, a) in s.attributions.iter().enumerate() {
            assert!(a.source.is_some() || a.cue.is_some(), "{what}: attribution {j} has neither source nor cue");
            if let Some(src) = &a.source {
                check_span(&u, &format!("{what}: attributions[{j}].source"), &src.text, src.start, src.end);
                in_paragraph(&format!("{what}: attributions[{j}].source"), src.start, src.end);
                if let Some(id) = src.source_id {
                    assert!(id < r.sources.len(), "{what}: attributions[{j}].source.sourceId {id} but {} sources", r.sources.len());
                }
            }
            if let Some(c) = &a.cue {
                check_span(&u, &format!("{what}: attributions[{j}].cue"), &c.text, c.start, c.end);
                in_paragraph(&format!("{what}: attributions[{j}].cue"), c.start, c.end);
            }
        }
        for (j, h) in s.hedges.iter().enumerate() {
            let hw = format!("{what}: hedges[{j}]");
            check_span(&u, &hw, &h.text, h.start, h.end);
            assert!(h.start >= s.start && h.end <= s.end, "{hw}: {}..{} lies outside its sentence {}..{}", h.start, h.end, s.start, s.end);
            check_unit_interval(&format!("{hw}: weight"), h.weight);
        }
        for (j, c) in s.status.cues.iter().enumerate() {
            check_span(&u, &format!("{what}: status.cues[{j}]"), &c.text, c.start, c.end);
            in_paragraph(&format!("{what}: status.cues[{j}]"), c.start, c.end);
        }
    }
    // Every non-whitespace character after the last sentence is covered too.
    let tail = u.slice(prev_end, u.len()).expect("tail slice");
    assert!(tail.chars().all(is_gap_char), "text after the last sentence is not white space: {:?}", clip(&tail));
    let paras = r.sentences.last().map_or(0, |s| s.paragraph + 1);
    assert_eq!(r.stats.paragraphs, paras, "stats.paragraphs must count the paragraphs the sentences are in");

    check_json_round_trip(r);
}

/// The report serialises to camelCase JSON and reads back unchanged.
pub fn check_json_round_trip(r: &Report) {
    let json = serde_json::to_string(r).expect("report serialises");
    let v: serde_json::Value = serde_json::from_str(&json).expect("report JSON parses");
    assert_eq!(v["schemaVersion"], 1, "JSON schemaVersion");
    assert!(v.get("schema_version").is_none(), "JSON keys must be camelCase");
    let back: Report = serde_json::from_str(&json).expect("report JSON reads back into a Report");
    assert_eq!(&back, r, "JSON round trip changed the report");
}

/// The report `analyze` gives when it refuses the input.
pub fn check_refused(r: &Report) {
    assert_eq!(r.schema_version, 1);
    assert!(r.sentences.is_empty(), "a refused input must have no sentences");
    assert!(r.sources.is_empty());
    assert_eq!(r.summary.claims, 0);
    assert!(!r.warnings.is_empty(), "a refused input must say why in warnings");
    check_json_round_trip(r);
}

fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

/// What may lie between sentences: white space, or the invisible format
/// characters (bidi marks, zero-width space, BOM) the segmenter skips there.
pub fn is_gap_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Every invariant a comparison must hold for `docs`: each document's report
/// passes `check_report`; every member, figure and mention points at a real
/// claim sentence; every figure's span slices its document; groups and ranks
/// are consistent.
pub fn check_comparison(docs: &[claimlens::Document], c: &claimlens::Comparison) {
    use std::collections::BTreeSet;
    assert_eq!(c.schema_version, 1, "comparison schemaVersion");
    assert_eq!(c.documents.len(), docs.len(), "one result per document");
    let units: Vec<Units> = docs.iter().map(|d| Units::new(&d.text)).collect();
    // stories: every document in exactly one, the notice exactly when there are two or more,
    // and no claim group or conflict across stories or within one document
    let mut seen: Vec<usize> = c.stories.iter().flatten().copied().collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..docs.len()).collect::<Vec<_>>(), "stories cover each document once");
    assert_eq!(c.same_story, c.stories.len() == 1, "sameStory");
    assert_eq!(c.notice.is_some(), !c.same_story, "notice");
    for (st, ds) in c.stories.iter().enumerate() {
        assert!(ds.iter().all(|&d| c.documents[d].story == st), "documents[].story");
    }
    for g in &c.claim_groups {
        let st = c.documents[g.members[0].doc].story;
        assert!(g.members.iter().all(|m| c.documents[m.doc].story == st), "group {} spans two stories", g.id);
        for k in &g.conflicts {
            assert!(k.pair.iter().all(|&i| i < k.values.len()) && k.values[k.pair[0]].doc != k.values[k.pair[1]].doc && !k.reason.is_empty(), "conflict pair and reason");
        }
    }
    for (i, (d, r)) in docs.iter().zip(&c.documents).enumerate() {
        assert_eq!(r.id, i, "documents[{i}].id");
        assert_eq!(r.name, d.name, "documents[{i}].name");
        check_report(&d.text, &r.report);
        for &s in r.unique_claims.iter() {
            assert!(s < r.report.sentences.len(), "documents[{i}].uniqueClaims has {s}");
        }
        for &g in r.unnamed_groups.iter() {
            assert!(g < c.claim_groups.len(), "documents[{i}].unnamedGroups has {g}");
        }
    }
    let ranks: BTreeSet<usize> = c.documents.iter().map(|d| d.rank).collect();
    assert_eq!(ranks.into_iter().collect::<Vec<_>>(), (1..=docs.len()).collect::<Vec<_>>(), "ranks are 1..=n, once each");
    let sentence = |what: &str, doc: usize, s: usize| {
        assert!(doc < docs.len(), "{what}: doc {doc} of {}", docs.len());
        let r = &c.documents[doc].report;
        assert!(s < r.sentences.len(), "{what}: sentence {s} of {} in doc {doc}", r.sentences.len());
    };
    for (gi, g) in c.claim_groups.iter().enumerate() {
        let what = format!("claimGroups[{gi}]");
        assert_eq!(g.id, gi, "{what}.id");
        let carriers: BTreeSet<usize> = g.members.iter().map(|m| m.doc).collect();
        assert_eq!(g.documents, carriers.len(), "{what}.documents counts the distinct documents");
        assert!(g.documents >= 2, "{what}: a group is carried by two documents or more");
        for m in &g.members {
            sentence(&format!("{what} member"), m.doc, m.sentence);
            let s = &c.documents[m.doc].report.sentences[m.sentence];
            assert_eq!(s.kind, SentenceKind::Claim, "{what}: a member is a claim");
            assert_eq!(m.status, s.status.label, "{what}: a member's status is its sentence's");
        }
        assert_eq!(g.statuses.values().sum::<usize>(), g.members.len(), "{what}.statuses counts every member once");
        assert_eq!(g.conflict, !g.conflicts.is_empty(), "{what}: conflict iff conflicts are listed");
        for f in g.numbers.iter().chain(g.conflicts.iter().flat_map(|k| k.values.iter())) {
            sentence(&format!("{what} figure"), f.doc, f.sentence);
            assert!(f.value.is_finite(), "{what}: figure value {}", f.value);
            check_span(&units[f.doc], &format!("{what} figure"), &f.text, f.start, f.end);
        }
    }
    for (si, src) in c.sources.iter().enumerate() {
        assert_eq!(src.id, si, "sources[{si}].id");
        for m in &src.mentions {
            sentence(&format!("sources[{si}] mention"), m.doc, m.sentence);
        }
        let docs_of: BTreeSet<usize> = src.mentions.iter().map(|m| m.doc).collect();
        assert_eq!(src.documents, docs_of.len(), "sources[{si}].documents counts the distinct documents");
    }
}

/// The fuzz harness for `analyze` (fuzz/fuzz_targets/analyze.rs), shared with
/// the regression tests that replay saved cases (tests/fuzz_regressions.rs).
/// The first byte picks the options; the rest, decoded lossily, is the text.
pub fn fuzz_analyze(data: &[u8]) {
    use claimlens::{analyze, ExtraTerm, Options};
    // Building a custom lexicon is slow, so only selector 1 does.
    let (sel, rest) = data.split_first().map_or((0, data), |(s, r)| (*s, r));
    let text = String::from_utf8_lossy(rest);
    let opts = match sel {
        1 => Options {
            extra_terms: vec![
                ExtraTerm { lexicon: "hedges".into(), phrase: "😀 maybe".into(), category: "weasel".into(), weight: Some(0.7) },
                ExtraTerm { lexicon: "hedges".into(), phrase: "naïve".into(), category: "epistemic".into(), weight: None },
            ],
            disabled_terms: vec!["reportedly".into(), "said".into()],
            ..Options::default()
        },
        2 => Options { max_bytes: rest.len() / 2, ..Options::default() },
        _ => Options::default(),
    };
    let report = analyze(&text, &opts);
    if text.len() > opts.max_bytes {
        check_refused(&report);
    } else {
        check_report(&text, &report);
    }
}

/// The fuzz harness for `compare` (fuzz/fuzz_targets/compare.rs). The input,
/// decoded lossily, is split into documents at U+001E (record separator), or
/// into two halves when there is none; a document count under two must be
/// refused with an error, never a panic.
pub fn fuzz_compare(data: &[u8]) {
    use claimlens::{compare, Document, Options};
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = if text.contains('\u{1E}') {
        text.split('\u{1E}').take(12).collect()
    } else {
        let mut mid = text.len() / 2;
        while !text.is_char_boundary(mid) {
            mid -= 1;
        }
        vec![&text[..mid], &text[mid..]]
    };
    let docs: Vec<Document> = parts.iter().enumerate().map(|(i, t)| Document { name: format!("outlet {i}"), text: t.to_string() }).collect();
    match compare(&docs, &Options::default()) {
        Ok(c) => check_comparison(&docs, &c),
        Err(e) => assert!(docs.len() < 2, "compare refused {} documents: {e}", docs.len()),
    }
}
