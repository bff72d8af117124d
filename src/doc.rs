//! The analysed document: text, tokens, the one-pass lexicon hits mapped to
//! tokens, and sentences as token ranges. Rules read from here.

use crate::lexicon::{Class, Entry, Lexicon};
use crate::segment::SentSpan;
use crate::span::Span;
use crate::token::{first_at_or_after, tokenize, TokKind, Token};

/// A lexicon match, in bytes and in tokens (`t0..t1`).
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub span: Span,
    pub t0: usize,
    pub t1: usize,
    pub entry: u32,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub toks: Vec<Token>,
    /// Sorted by start, longer hits first.
    pub hits: Vec<Hit>,
    /// `hits[hit_idx[t]..hit_idx[t + 1]]` are the hits starting at token `t`.
    hit_idx: Vec<u32>,
}

/// One sentence: its span, its tokens `t0..t1`, and which of them are quoted.
#[derive(Clone, Debug)]
pub struct Sent {
    pub idx: usize,
    pub span: Span,
    pub paragraph: usize,
    pub whole_paragraph: bool,
    pub t0: usize,
    pub t1: usize,
    /// Per token of the sentence: inside double quotation marks (empty when
    /// the sentence has no quotation marks).
    pub quoted: Vec<bool>,
    /// The sentence opens a quotation it does not close.
    pub opens_quote: bool,
    /// The sentence closes a quotation it did not open.
    pub closes_quote: bool,
}

pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "all",
    "any", "each", "every", "no", "such", "whose",
];

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, lex: &'a Lexicon) -> Doc<'a> {
        let toks = tokenize(text);
        // Matches arrive ordered by end. Map each to tokens with a cursor (ends
        // are sorted, so t1 only moves forward; t0 is a short walk back), then
        // bucket by first token (a counting sort) and order each tiny bucket
        // longest first.
        let raw = lex.find_all(text);
        let mut mapped: Vec<Hit> = Vec::with_capacity(raw.len());
        let mut end_cursor = 0usize;
        for (s, e, entry) in raw {
            while end_cursor < toks.len() && (toks[end_cursor].start as usize) < e {
                end_cursor += 1;
            }
            let mut t0 = end_cursor;
            while t0 > 0 && (toks[t0 - 1].start as usize) >= s {
                t0 -= 1;
            }
            // A match must start where a token starts: "rumored" inside
            // "Long-rumored" is not a cue (and must not slide onto the next word).
            if t0 >= toks.len() || toks[t0].start as usize != s {
                continue;
            }
            mapped.push(Hit { span: Span::new(s, e), t0, t1: end_cursor.max(t0 + 1), entry });
        }
        let mut hit_idx = vec![0u32; toks.len() + 1];
        for h in &mapped {
            hit_idx[h.t0 + 1] += 1;
        }
        for i in 0..toks.len() {
            hit_idx[i + 1] += hit_idx[i];
        }
        let mut fill: Vec<u32> = hit_idx[..toks.len()].to_vec();
        let mut slots: Vec<Option<Hit>> = vec![None; mapped.len()];
        for h in mapped {
            let at = &mut fill[h.t0];
            slots[*at as usize] = Some(h);
            *at += 1;
        }
        let mut hits: Vec<Hit> = slots.into_iter().flatten().collect();
        for t in 0..toks.len() {
            let (a, b) = (hit_idx[t] as usize, hit_idx[t + 1] as usize);
            if b - a > 1 {
                hits[a..b].sort_unstable_by_key(|h| (std::cmp::Reverse(h.span.end), h.entry));
            }
        }
        Doc { text, lex, toks, hits, hit_idx }
    }

    pub fn entry(&self, h: &Hit) -> &Entry {
        &self.lex.entries[h.entry as usize]
    }

    pub fn class(&self, h: &Hit) -> Class {
        self.entry(h).class
    }

    pub fn hits_at(&self, t: usize) -> &[Hit] {
        if t + 1 >= self.hit_idx.len() {
            return &[];
        }
        &self.hits[self.hit_idx[t] as usize..self.hit_idx[t + 1] as usize]
    }

    /// Hits that start and end inside tokens `t0..t1`.
    pub fn hits_in(&self, t0: usize, t1: usize) -> impl Iterator<Item = &Hit> + '_ {
        let a = self.hit_idx.get(t0).copied().unwrap_or(0) as usize;
        let b = self.hit_idx.get(t1).copied().unwrap_or(self.hits.len() as u32) as usize;
        self.hits[a..b.max(a)].iter().filter(move |h| h.t1 <= t1)
    }

    /// A hit at token `t` of the given class family.
    pub fn hit_at(&self, t: usize, pred: impl Fn(Class) -> bool) -> Option<&Hit> {
        self.hits_at(t).iter().find(|h| pred(self.class(h)))
    }

    /// Any hit covering token `t` (starting at or before it) that matches.
    pub fn covering(&self, t: usize, lo: usize, pred: impl Fn(Class) -> bool) -> Option<&Hit> {
        let from = t.saturating_sub(6).max(lo);
        // earliest start first: the longest phrase covering `t` wins ("state media" over "media")
        (from..=t).flat_map(|s| self.hits_at(s).iter()).find(|h| h.t1 > t && pred(self.class(h)))
    }

    pub fn tok(&self, t: usize) -> &str {
        self.toks.get(t).map(|x| x.text(self.text)).unwrap_or("")
    }

    pub fn is(&self, t: usize, w: &str) -> bool {
        self.tok(t).eq_ignore_ascii_case(w)
    }

    pub fn is_one_of(&self, t: usize, list: &[&str]) -> bool {
        let s = self.tok(t).as_bytes();
        let Some(&first) = s.first() else { return false };
        let first = first.to_ascii_lowercase();
        // length and first byte rule out almost every entry before the full compare
        list.iter().any(|w| {
            let w = w.as_bytes();
            w.len() == s.len() && w[0] == first && w.eq_ignore_ascii_case(s)
        })
    }

    pub fn is_word(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Word)
    }

    pub fn is_number(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Number)
    }

    pub fn is_punct(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Punct)
    }

    pub fn is_cap(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Word && x.cap)
    }

    pub fn is_lower_word(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Word && !x.cap)
    }

    /// Possessive: "Korea’s", "officials'".
    pub fn is_possessive(&self, t: usize) -> bool {
        let s = self.tok(t);
        s.ends_with("'s") || s.ends_with("’s") || s.ends_with("'S") || s.ends_with("’S")
    }

    pub fn ends_negative(&self, t: usize) -> bool {
        let s = self.tok(t);
        let l = s.len();
        l > 3 && (s.get(l - 3..).is_some_and(|x| x.eq_ignore_ascii_case("n't")) || s.ends_with("n’t") || s.ends_with("N’T"))
    }

    /// Span covering tokens `t0..t1`.
    pub fn span(&self, t0: usize, t1: usize) -> Span {
        if t0 >= t1 || t1 > self.toks.len() {
            return Span::default();
        }
        Span::new(self.toks[t0].start as usize, self.toks[t1 - 1].end as usize)
    }

    pub fn span_text(&self, t0: usize, t1: usize) -> &str {
        self.span(t0, t1).text(self.text)
    }

    /// Build sentences from segmentation output.
    pub fn sentences(&self, spans: &[SentSpan]) -> Vec<Sent> {
        let mut out = Vec::with_capacity(spans.len());
        for (idx, s) in spans.iter().enumerate() {
            let t0 = first_at_or_after(&self.toks, s.span.start);
            let t1 = first_at_or_after(&self.toks, s.span.end);
            // Most sentences quote nothing: they get no per-token table at all.
            let has_quote = (t0..t1).any(|t| self.toks[t].kind == TokKind::Punct && matches!(self.tok(t), "“" | "”" | "\"" | "«" | "»"));
            if !has_quote {
                out.push(Sent { idx, span: s.span, paragraph: s.paragraph, whole_paragraph: s.whole_paragraph, t0, t1, quoted: Vec::new(), opens_quote: false, closes_quote: false });
                continue;
            }
            let mut quoted = vec![false; t1 - t0];
            let mut inside = false;
            let mut first_quote_is_close = None;
            let mut opened_here = false;
            for t in t0..t1 {
                if self.toks[t].kind != TokKind::Punct {
                    quoted[t - t0] = inside;
                    continue;
                }
                let q = self.tok(t);
                let open = q == "“" || q == "«" || (q == "\"" && !inside);
                let close = q == "”" || q == "»" || (q == "\"" && inside);
                if open && !inside {
                    inside = true;
                    opened_here = true;
                    first_quote_is_close.get_or_insert(false);
                    quoted[t - t0] = true;
                    continue;
                }
                if close {
                    if first_quote_is_close.is_none() {
                        // Closing a quotation opened in an earlier sentence.
                        first_quote_is_close = Some(true);
                        for x in quoted.iter_mut().take(t - t0) {
                            *x = true;
                        }
                    }
                    quoted[t - t0] = true;
                    inside = false;
                    continue;
                }
                quoted[t - t0] = inside;
            }
            out.push(Sent {
                idx,
                span: s.span,
                paragraph: s.paragraph,
                whole_paragraph: s.whole_paragraph,
                t0,
                t1,
                quoted,
                opens_quote: inside && opened_here,
                closes_quote: first_quote_is_close == Some(true),
            });
        }
        out
    }
}

/// For rule tests: analyse `text` up to sentences and hand them to `f`.
#[cfg(test)]
pub fn with_sentences<R>(text: &str, f: impl FnOnce(&Doc, &[Sent]) -> R) -> R {
    let lex = crate::lexicon::Lexicon::default_ref();
    let doc = Doc::new(text, lex);
    let (_, spans) = crate::segment::segment(text, lex);
    let sents = doc.sentences(&spans);
    f(&doc, &sents)
}

impl Sent {
    pub fn is_quoted(&self, t: usize) -> bool {
        t >= self.t0 && self.quoted.get(t - self.t0).copied().unwrap_or(false)
    }
    pub fn word_count(&self, doc: &Doc) -> usize {
        (self.t0..self.t1).filter(|&t| !doc.is_punct(t)).count()
    }
}
