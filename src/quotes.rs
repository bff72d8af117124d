//! Quotations and speakers across the article: an article-level pass.
//!
//! Two steps, each one linear scan:
//!
//! 1. [`mark`] (run when the sentences are built) finds every quotation in
//!    the document, in straight, curly, guillemet or doubled-apostrophe marks
//!    (`"`, `“ ”`, `« »`, `''`, ` `` `), even when it spans sentences and
//!    paragraphs. It follows the news convention for a quotation that runs
//!    over several paragraphs: each paragraph opens with a mark and only the
//!    last one closes. A paragraph that does not reopen the quotation ends it,
//!    so an unclosed mark never swallows the rest of the article.
//!    Each sentence gets its per-token `quoted` table, and whether it starts
//!    and ends inside a quotation.
//! 2. [`carry`] (run after attribution and resolution) gives every sentence
//!    of a quotation its speaker, wherever the attribution sits: at the end
//!    (`“A. B,” she said.`), in the middle or before it (`She said: “A. B.”`).
//!    Then a run of quoted sentences or paragraphs right after an attributed
//!    one continues that speaker (`“A,” she said. “B.”`), until another
//!    speaker or the writer's own unquoted prose takes over; list items after
//!    `X said:` belong to X; and a paragraph that opens with a speaker label
//!    (`MORALES: …`, `Q: …`, `Ms. Ruiz: …`, found by [`speaker_label`]) is
//!    that speaker's, sentence by sentence.
//!
//! The cue of a carried attribution is the real cue, in the sentence where it
//! was found; the status of a carried sentence is `claimed`, not `asserted`.

use crate::doc::{Doc, Sent};
use crate::report::{fixed, Attribution, AttributionKind, QuoteType, SentenceKind, Sentence, Status, StatusLabel, TextSpan};
use crate::rules::attribution::AttrHit;
use crate::rules::names::{self, NameKind};
use crate::token::TokKind;
use crate::words;

/// What a quotation mark token can do.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// `“`, `«`, or the first of two backticks.
    Open,
    /// `”`, `»`.
    Close,
    /// `"` or the first of two apostrophes `''`: opens or closes by position.
    Straight,
}

/// The quotation mark at token `t`, and how many tokens it takes (2 for `''`).
fn mark_at(doc: &Doc, t: usize) -> Option<(Mark, usize)> {
    let tok = doc.toks.get(t)?;
    if tok.kind != TokKind::Punct {
        return None;
    }
    let pair = |c: &str| doc.is(t, c) && doc.toks.get(t + 1).is_some_and(|n| n.start == tok.end && doc.is(t + 1, c));
    match doc.tok(t) {
        "\"" => Some((Mark::Straight, 1)),
        "“" | "«" => Some((Mark::Open, 1)),
        "”" | "»" => Some((Mark::Close, 1)),
        "'" if pair("'") => Some((Mark::Straight, 2)),
        "`" if pair("`") => Some((Mark::Open, 2)),
        _ => None,
    }
}

/// Is token `t` (part of) a double quotation mark, in any style? The second
/// apostrophe of `''` counts too, so a rule can look at the token right
/// before a word (`…,'' said Ruiz`).
pub fn is_mark(doc: &Doc, t: usize) -> bool {
    mark_at(doc, t).is_some() || (t > 0 && doc.is(t, "'") && mark_at(doc, t - 1).is_some_and(|m| m.1 == 2)) || (t > 0 && doc.is(t, "`") && mark_at(doc, t - 1).is_some_and(|m| m.1 == 2))
}

/// Could the bytes of a sentence hold a quotation mark (`"`, `“`, `”`, `«`,
/// `»`, `''`, ` `` `)? Looked for with memchr; a sentence with none needs no
/// per-token table unless it starts inside a quotation.
fn may_hold_mark(b: &[u8]) -> bool {
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, b).any(|i| matches!(&b[i..], [b'"', ..] | [0xE2, 0x80, 0x9C | 0x9D, ..] | [0xC2, 0xAB | 0xBB, ..]))
        || memchr::memchr2_iter(b'\'', b'`', b).any(|i| b.get(i + 1) == Some(&b[i]))
}

/// Step 1: find the quotations of the whole document and fill each
/// sentence's `quoted`, `starts_inside` and `ends_inside`. One pass over the
/// sentences; only sentences with a mark, or inside a quotation, are walked.
pub fn mark(doc: &Doc, sents: &mut [Sent]) {
    let mut inside = false;
    for i in 0..sents.len() {
        let new_para = i == 0 || sents[i - 1].paragraph != sents[i].paragraph;
        let (t0, t1) = (sents[i].t0, sents[i].t1);
        let has_mark = may_hold_mark(sents[i].span.text(doc.text).as_bytes());
        // A quotation open at a paragraph's end goes on only if the next
        // paragraph reopens it with a mark (the continued-paragraph convention).
        let mut skip_first = 0;
        if inside && new_para {
            match mark_at(doc, t0) {
                Some((Mark::Open | Mark::Straight, n)) if t0 < t1 => skip_first = n,
                _ => inside = false,
            }
        }
        let s = &mut sents[i];
        s.starts_inside = inside;
        if !has_mark {
            if inside {
                s.quoted = vec![true; t1 - t0];
            } else {
                s.quoted = Vec::new();
            }
            s.ends_inside = inside;
            continue;
        }
        let mut quoted = vec![false; t1 - t0];
        let mut t = t0;
        while t < t1 {
            if t - t0 < skip_first {
                quoted[t - t0] = true;
                t += 1;
                continue;
            }
            let Some((m, n)) = mark_at(doc, t) else {
                quoted[t - t0] = inside;
                t += 1;
                continue;
            };
            let n = n.min(t1 - t);
            // A straight mark that hugs the word before it and not the one
            // after ("mess,'' the note says") closes a quotation, even one
            // whose opening we missed: it does not open a new one.
            let toks = &doc.toks;
            let hugs_before = t > 0 && toks[t - 1].end == toks[t].start && toks[t - 1].kind != TokKind::Punct || (t > 0 && toks[t - 1].end == toks[t].start && doc.is_one_of(t - 1, words![",", ".", "?", "!", ";", "…"]));
            let hugs_after = toks.get(t + n).is_some_and(|x| x.start == toks[t + n - 1].end);
            let m = if m == Mark::Straight && !inside && hugs_before && !hugs_after { Mark::Close } else { m };
            match m {
                Mark::Open => inside = true,
                Mark::Straight => inside = !inside,
                Mark::Close => {
                    if !inside {
                        // A close with no open before it in the document (a
                        // missed or mismatched mark): the sentence up to it is quoted.
                        quoted[..t - t0].iter_mut().for_each(|q| *q = true);
                    }
                    inside = false;
                }
            }
            for q in &mut quoted[t - t0..t - t0 + n] {
                *q = true;
            }
            t += n;
        }
        s.quoted = quoted;
        s.ends_inside = inside;
    }
}

/// Words that open a paragraph with a colon but are page furniture or a
/// lead-in, not a speaker: "Update: …", "Photo: …", "Bottom line: …".
pub(crate) const NOT_SPEAKERS: &crate::doc::Words = words![
    "update", "updated", "correction", "clarification", "note", "photo", "photos", "video", "related", "read",
    "watch", "listen", "source", "sources", "credit", "editor", "advertisement", "background", "context", "why",
    "what", "how", "who", "when", "where", "disclosure", "warning", "caption", "tags", "topics", "share", "subscribe",
    "sign", "breaking", "exclusive", "opinion", "analysis", "summary", "timeline", "graphic", "map", "chart", "more",
    "also", "see", "the", "a", "an", "and", "but", "so", "this", "that", "here", "there", "today", "yesterday",
    "tomorrow", "first", "second", "third", "finally", "example", "answer", "question", "contact",
    "email", "phone", "tel", "fax", "web", "website", "address", "location", "date", "time", "price", "cost",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december",
];

/// A speaker label at the start of a paragraph: `MORALES: …`, `Q: …`,
/// `A: …`, `Ms. Ruiz: …`, `Dana Whitfield: …`. The label (up to four name
/// words, with their honorific's dot) is the source and the colon the cue.
/// `Q:` is the interviewer, the writer's side, and gives no source; `A:` is
/// the interviewee ([`carry`] gives it the person the interview is with).
pub fn speaker_label(doc: &Doc, s: &Sent) -> Option<AttrHit> {
    let (t0, t1) = (s.t0, s.t1);
    let colon = (t0..(t0 + 6).min(t1)).find(|&t| doc.is(t, ":"))?;
    // the colon is followed by words of the same paragraph, not a time ("10:30")
    if colon == t0 || colon + 1 >= t1 || doc.is_number(colon + 1) || doc.toks[colon].end == doc.toks[colon + 1].start {
        return None;
    }
    let words = (t0..colon).filter(|&t| doc.is_word(t)).count();
    let qa = colon == t0 + 1 && (doc.tok(t0) == "Q" || doc.tok(t0) == "A");
    if words == 0 || words > 4 || (!qa && doc.is_one_of(t0, NOT_SPEAKERS)) {
        return None;
    }
    // every token of the label is a capitalised word or an honorific's dot
    if !qa && !(t0..colon).all(|t| (doc.is_word(t) && doc.is_cap(t) && !doc.is_one_of(t, NOT_SPEAKERS)) || (doc.is(t, ".") && t > t0 && doc.is_word(t - 1))) {
        return None;
    }
    let all_caps = (t0..colon).filter(|&t| doc.is_word(t)).all(|t| doc.tok(t).len() > 1 && !doc.tok(t).chars().any(|c| c.is_lowercase()));
    // "Q:" is the interviewer: the writer's own question, no outside source.
    if qa && doc.tok(t0) == "Q" {
        return None;
    }
    // A one-word label in plain title case is too often a lead-in ("Verdict:").
    if !qa && !all_caps && words == 1 {
        return None;
    }
    // "A:" is the person interviewed (see carry); a label is classified once
    let name = if qa { None } else { Some(names::classify(doc, t0, colon)?) };
    let kind = match name.map(|n| n.kind) {
        None | Some(NameKind::Person) => AttributionKind::NamedPerson,
        // a transcript's label in capitals is a speaker ("MORALES:")
        Some(NameKind::Org) if all_caps && words == 1 => AttributionKind::NamedPerson,
        Some(NameKind::Org) => AttributionKind::NamedOrganization,
        Some(NameKind::Place) => return None,
    };
    Some(AttrHit {
        kind,
        source: Some((name.map_or(t0, |n| n.t0), name.map_or(colon, |n| n.t1))),
        name: name.filter(|_| !all_caps || kind == AttributionKind::NamedPerson).map(|mut n| {
            if all_caps {
                n.kind = NameKind::Person;
            }
            n
        }),
        cue: Some((colon, colon + 1)),
        role: None,
        quote: QuoteType::Direct,
        pronoun: false,
        priority: 5,
    })
}

/// Mostly quoted, and quoted from its start: a sentence of someone's words.
/// (Most sentences have no quotation table and are ruled out at once.)
fn speech(doc: &Doc, s: &Sent) -> bool {
    if s.quoted.first() != Some(&true) || s.words == 0 {
        return false;
    }
    let quoted = (s.t0..s.t1).filter(|&t| s.is_quoted(t) && !doc.is_punct(t)).count();
    quoted * 2 >= s.words
}

/// Does the sentence open a list item ("- ", "• ", "1. ", "2) ", "a. ")?
fn list_item(doc: &Doc, s: &Sent) -> bool {
    let t = s.t0;
    if t >= s.t1 {
        return false;
    }
    if doc.is_one_of(t, words!["-", "•", "*", "–", "—", "·", "▪"]) {
        return true;
    }
    (doc.is_number(t) || (doc.tok(t).len() == 1 && doc.is_word(t))) && t + 1 < s.t1 && doc.is_one_of(t + 1, words![".", ")"])
}

/// Does the sentence end in a colon (before any closing marks)? Read on the
/// text's bytes at the sentence's end: no token table is touched.
fn ends_with_colon(doc: &Doc, s: &Sent) -> bool {
    let text = s.span.text(doc.text);
    text.trim_end().trim_end_matches(['"', '”', '“', '\'', '»', '«', '`']).trim_end().ends_with(':')
}

/// An attribution that can be carried to other sentences: it names a source
/// (a bare hearsay cue such as "reportedly" has none).
fn carriable(out: &Sentence) -> Option<&Attribution> {
    out.attributions.first().filter(|a| a.source.is_some())
}

fn give(out: &mut Sentence, mut a: Attribution, quote: QuoteType, why: &'static str) {
    a.quote = quote;
    let cue: Vec<TextSpan> = a.cue.clone().into_iter().collect();
    out.attributions.push(a);
    if out.status.label == StatusLabel::Asserted {
        out.status = Status { label: StatusLabel::Claimed, cues: cue, why: why.into() };
    }
}

fn is_label(a: &Attribution) -> bool {
    a.cue.as_ref().is_some_and(|c| c.text == ":") && a.source.as_ref().is_some_and(|s| s.text.len() <= 40)
}

/// Step 2: carry speakers across sentences (see the module's comment).
/// `out[i]` is the report sentence of `sents[i]`, already attributed and
/// resolved. Linear: one pass over the quotations, one over the sentences.
pub fn carry(doc: &Doc, sents: &[Sent], out: &mut [Sentence]) {
    let n = sents.len().min(out.len());
    let speaks = |o: &Sentence| o.kind == SentenceKind::Claim || o.kind == SentenceKind::Other;
    // (a) Quotations that span sentences: every sentence of one is its speaker's.
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && sents[j].ends_inside && sents[j + 1].starts_inside {
            j += 1;
        }
        if j > i {
            // the frame: in the closing sentence, else the opening one, else inside
            let frame = std::iter::once(j).chain(std::iter::once(i)).chain(i + 1..j).find_map(|k| carriable(&out[k]).filter(|_| speaks(&out[k])).map(|a| (k, a.clone())));
            if let Some((k, a)) = frame {
                for m in i..=j {
                    if m != k && out[m].attributions.is_empty() && speaks(&out[m]) {
                        let why = if m < k { fixed::QUOTE_NEXT } else { fixed::QUOTE_BEFORE };
                        give(&mut out[m], a.clone(), QuoteType::Direct, why);
                    }
                }
            }
        }
        i = j + 1;
    }
    // (b) Runs: quoted sentences after an attributed one, list items after
    // "X said:", the rest of a labelled paragraph. The state holds sentence
    // indexes; an attribution is cloned only when it is given.
    let mut speaker: Option<(usize, usize, bool)> = None; // (sentence, paragraph, from a label)
    let mut colon_list: Option<(usize, usize)> = None; // after "X said:": (sentence, paragraph)
    let mut interviewee: Option<(AttributionKind, Option<usize>)> = None;
    let first = |out: &[Sentence], k: usize| out[k].attributions[0].clone();
    for i in 0..n {
        let s = &sents[i];
        if !speaks(&out[i]) {
            // headings and furniture end every run
            speaker = None;
            colon_list = None;
            continue;
        }
        if let Some(a) = out[i].attributions.first_mut() {
            // "A:" in an interview is the person the interview is with
            let label = is_label(a);
            let qa_label = label && a.source.as_ref().is_some_and(|x| x.text == "A" || x.text == "Q");
            if qa_label && a.source.as_ref().is_some_and(|x| x.text == "A") {
                if let Some((kind, id)) = interviewee {
                    a.kind = kind;
                    if let Some(src) = a.source.as_mut() {
                        src.source_id = id;
                    }
                }
            }
            if a.kind == AttributionKind::NamedPerson && !qa_label {
                interviewee = Some((a.kind, a.source.as_ref().and_then(|x| x.source_id)));
            }
        }
        if carriable(&out[i]).is_some() {
            colon_list = ends_with_colon(doc, s).then_some((i, s.paragraph));
            speaker = Some((i, s.paragraph, is_label(&out[i].attributions[0])));
            continue;
        }
        if !out[i].attributions.is_empty() {
            speaker = None;
            colon_list = None;
            continue;
        }
        // the block right after the colon (the next paragraph, quoted or not),
        // then any list items or quoted paragraphs that go on from it
        if let Some((k, _)) = colon_list.filter(|&(_, p)| s.paragraph == p + 1 || list_item(doc, s) || speech(doc, s)) {
            let a = first(out, k);
            give(&mut out[i], a, if speech(doc, s) { QuoteType::Direct } else { QuoteType::Indirect }, fixed::QUOTE_BEFORE);
            continue;
        }
        colon_list = None;
        match speaker {
            Some((k, para, true)) if para == s.paragraph => {
                let a = first(out, k);
                give(&mut out[i], a, QuoteType::Direct, fixed::QUOTE_BEFORE);
            }
            Some((k, _, false)) if speech(doc, s) => {
                let a = first(out, k);
                give(&mut out[i], a, QuoteType::Direct, fixed::QUOTE_BEFORE);
            }
            _ => speaker = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, Report};

    fn report(text: &str) -> Report {
        analyze(text, &Options::default())
    }

    /// (source text, quote) of each sentence's primary attribution.
    fn speakers(text: &str) -> Vec<Option<(String, String)>> {
        report(text)
            .sentences
            .iter()
            .map(|s| s.attributions.first().map(|a| (a.source.as_ref().map(|x| x.text.clone()).unwrap_or_default(), format!("{:?}", a.quote))))
            .collect()
    }

    fn who(text: &str) -> Vec<Option<String>> {
        speakers(text).into_iter().map(|x| x.map(|y| y.0)).collect()
    }

    #[test]
    fn a_quotation_over_two_sentences_is_the_speakers_in_both() {
        for t in [
            "\"We cut where it hurt least. Nobody likes these choices,\" Whitfield said.",
            "“We cut where it hurt least. Nobody likes these choices,” Whitfield said.",
            "''We cut where it hurt least. Nobody likes these choices,'' Whitfield said.",
            "``We cut where it hurt least. Nobody likes these choices,'' Whitfield said.",
        ] {
            assert_eq!(who(t), vec![Some("Whitfield".into()), Some("Whitfield".into())], "{t}");
            let r = report(t);
            // the cue is the real one, in the second sentence
            let cue = r.sentences[0].attributions[0].cue.as_ref().unwrap();
            assert_eq!(cue.text, "said");
            assert!(cue.start >= r.sentences[1].start, "{t}");
            assert_eq!(format!("{:?}", r.sentences[0].status.label), "Claimed");
        }
    }

    #[test]
    fn a_doubled_apostrophe_is_a_quotation_mark_for_the_inverted_frame() {
        assert_eq!(who("''The town would be better off,'' said Lena Haugen, a professor of law."), vec![Some("Lena Haugen".into())]);
        // a lone apostrophe is not a mark: the possessive stays as it was
        assert_eq!(who("The voters' choice was clear, said Lena Haugen."), vec![Some("Lena Haugen".into())]);
        assert!(report("It was the voters' choice.").sentences[0].attributions.is_empty());
    }

    #[test]
    fn a_straight_mark_that_closes_is_not_read_as_an_opening() {
        // the quotation opened before this text (or its opening was lost)
        assert_eq!(who("The port is a mess,\" the harbour master says."), vec![Some("the harbour master".into())]);
        assert_eq!(who("The port is a mess,'' the harbour master says."), vec![Some("the harbour master".into())]);
        // an opening mark still opens: the cue inside is the quoted speaker's
        assert_eq!(who("\"The port is a mess, the harbour master says."), vec![None]);
    }

    #[test]
    fn the_colon_frame_before_a_quotation_carries_into_it() {
        let t = "Whitfield said: \"We cut where it hurt least. Nobody likes these choices. I would do it again.\"";
        assert_eq!(who(t), vec![Some("Whitfield".into()); 3]);
    }

    #[test]
    fn a_frame_in_the_middle_carries_to_the_sentences_after_it() {
        let t = "\"We cut where it hurt least,\" Whitfield said. \"Nobody likes these choices. I would do it again.\"";
        assert_eq!(who(t), vec![Some("Whitfield".into()); 3]);
    }

    #[test]
    fn a_quoted_sentence_after_an_attributed_one_continues_the_speaker() {
        let t = "Whitfield said the cuts were painful.\n\n\"I would make the same call again.\"";
        assert_eq!(who(t)[1].as_deref(), Some("Whitfield"));
        // but the writer's own prose does not
        let t = "Whitfield said the cuts were painful.\n\nThe council meets again in May.";
        assert_eq!(who(t)[1], None);
        // and a quotation after the writer's prose has no speaker
        let t = "Whitfield said the cuts were painful. The council meets again in May. \"I would make the same call again.\"";
        assert_eq!(who(t)[2], None);
    }

    #[test]
    fn a_quotation_over_paragraphs_follows_the_convention() {
        let t = "“We cut where it hurt least,” Whitfield said. “Nobody likes these choices.\n\n“The parks lost the most. The roads lost less.\n\n“I would make the same call again.”\n\nThe council meets in May.";
        let w = who(t);
        assert_eq!(w.len(), 6, "{w:?}");
        assert!(w[..5].iter().all(|x| x.as_deref() == Some("Whitfield")), "{w:?}");
        assert_eq!(w[5], None);
    }

    #[test]
    fn an_unclosed_mark_ends_with_its_paragraph() {
        let t = "Whitfield said: \"We cut where it hurt least.\n\nThe council meets in May. Its budget is due in June.";
        let r = report(t);
        assert_eq!(r.sentences.len(), 3);
        assert!(r.sentences[1].attributions.is_empty() && r.sentences[2].attributions.is_empty());
    }

    #[test]
    fn a_cue_inside_a_quotation_over_sentences_is_the_speakers_not_the_writers() {
        // "critics say" inside Whitfield's quotation is not a second source
        let t = "\"We cut what we could. Critics say we went too far,\" Whitfield said.";
        assert_eq!(who(t), vec![Some("Whitfield".into()), Some("Whitfield".into())]);
    }

    #[test]
    fn list_items_after_a_colon_belong_to_the_speaker() {
        let t = "Whitfield said the plan has three parts:\n\n- fewer buses at night;\n\n- a new depot by 2027.\n\nThe council votes in May.";
        let w = who(t);
        assert_eq!(w[1].as_deref(), Some("Whitfield"), "{w:?}");
        assert_eq!(w[2].as_deref(), Some("Whitfield"), "{w:?}");
        assert_eq!(w[3], None, "{w:?}");
        // an unquoted block right after "X wrote:" is X's; the paragraph after it is not
        let w = who("Whitfield wrote to the council:\n\nThe parks lost the most. The roads lost less.\n\nThe council meets in May.");
        assert_eq!(w, vec![Some("Whitfield".into()), Some("Whitfield".into()), Some("Whitfield".into()), None], "{w:?}");
        // a colon with no speaker gives the items none
        let w = who("The plan has three parts:\n\n- fewer buses at night;\n\n- a new depot by 2027.");
        assert!(w.iter().all(|x| x.is_none()), "{w:?}");
    }

    #[test]
    fn transcript_labels_give_each_paragraph_its_speaker() {
        let t = "Dana Whitfield is the mayor of Varnel.\n\nQ: Why did you cut the parks budget?\n\nWHITFIELD: We had no choice. The roads came first.\n\nQ: Would you do it again?\n\nA: Yes. I would.";
        let r = report(t);
        let by = |needle: &str| r.sentences.iter().find(|s| s.text.contains(needle)).and_then(|s| s.attributions.first()).and_then(|a| a.source.as_ref()).map(|x| x.text.clone());
        assert_eq!(by("We had no choice").as_deref(), Some("WHITFIELD"));
        assert_eq!(by("The roads came first").as_deref(), Some("WHITFIELD"));
        assert_eq!(by("I would").as_deref(), Some("A"));
        // "A" is the person interviewed: a named person
        let a = r.sentences.iter().find(|s| s.text.contains("Yes.")).unwrap();
        assert_eq!(format!("{:?}", a.attributions[0].kind), "NamedPerson");
        assert_eq!(a.attributions[0].source.as_ref().unwrap().source_id, r.sentences.iter().find(|s| s.text.contains("We had no choice")).unwrap().attributions[0].source.as_ref().unwrap().source_id);
        // the interviewer's question has no outside source
        assert!(r.sentences.iter().find(|s| s.text.contains("Why did you cut")).unwrap().attributions.is_empty());
        // lead-ins and furniture are no speakers
        for t in ["Update: The road reopened on Friday.", "Bottom line: the road reopened.", "Verdict: the road reopened.", "At 10:30 the road reopened."] {
            assert!(report(t).sentences[0].attributions.is_empty(), "{t}");
        }
    }

    #[test]
    fn two_threads_keep_a_quotation_that_straddles_the_cut() {
        let mut text = String::new();
        for _ in 0..2000 {
            text.push_str("The council met on Monday. ");
        }
        let mid = text.len();
        text.push_str("\"We cut where it hurt least. Nobody likes these choices,\" Whitfield said. ");
        for _ in 0..2000 {
            text.push_str("The council met on Monday. ");
        }
        assert!(mid > 40_000);
        let lex = crate::lexicon::Lexicon::default_ref();
        let a = crate::run_with(&text, lex, 0);
        let b = crate::run_with(&text, lex, usize::MAX);
        assert_eq!(a, b);
        assert!(a.sentences.iter().filter(|s| s.text.contains("hurt least") || s.text.contains("Nobody likes")).all(|s| !s.attributions.is_empty()));
    }
}
