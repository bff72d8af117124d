//! The analysed document: text, tokens, the one-pass lexicon hits mapped to
//! tokens, and sentences as token ranges. Rules read from here.

use crate::lexicon::{Class, Entry, Found, LexMatch, Lexicon};
use crate::segment::SentSpan;
use crate::span::Span;
use crate::token::{first_at_or_after, tokenize_range, word_key, TokKind, Token};

/// A lexicon match, in bytes and in tokens (`t0..t1`).
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub span: Span,
    pub t0: usize,
    pub t1: usize,
    pub entry: u32,
    /// The entry's class, copied here: the rules ask for it at every hit they
    /// look at, and this spares a trip to the lexicon's entry table.
    pub class: Class,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub toks: Vec<Token>,
    /// Sorted by start, longer hits first.
    pub hits: Vec<Hit>,
    /// `hits[hit_idx[t]..hit_idx[t + 1]]` are the hits starting at token `t`.
    hit_idx: Vec<u32>,
    /// Byte starts of boilerplate phrases found anywhere (sorted).
    pub furniture: Vec<usize>,
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
    /// Per token of the sentence: inside double quotation marks, the marks
    /// included (empty when the sentence neither holds a mark nor lies inside
    /// a quotation). Filled by `quotes::mark` for the whole document.
    pub quoted: Vec<bool>,
    /// The sentence starts inside a quotation opened before it.
    pub starts_inside: bool,
    /// A quotation is still open at the sentence's end (it goes on in the next).
    pub ends_inside: bool,
    /// How many of its tokens are words or numbers (not punctuation).
    pub words: usize,
}

pub const DETERMINERS: &Words = &Words::new(&[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "all",
    "any", "each", "every", "no", "such", "whose",
]);

/// A filter's size in 64-bit words: one bit per possible [`word_key`].
const FILTER_WORDS: usize = (crate::token::KEY_BITS / 64) as usize;

/// A fixed word list for [`Doc::is_one_of`], with a filter built at compile
/// time: one bit of 512 per word, picked by a hash of its length and of its
/// first two and last two letters. The rules ask "is this token one of …"
/// some 280,000 times per megabyte; almost every token fails this one-bit
/// test, which spares a scan of the list. Write a list inline with
/// [`words!`](crate::words): `doc.is_one_of(t, words!["and", "or"])`.
pub struct Words {
    pub words: &'static [&'static str],
    filter: [u64; FILTER_WORDS],
}

impl Words {
    pub const fn new(words: &'static [&'static str]) -> Words {
        let mut filter = [0u64; FILTER_WORDS];
        let mut i = 0;
        while i < words.len() {
            let bit = word_key(words[i].as_bytes()) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
            i += 1;
        }
        Words { words, filter }
    }
}

/// An inline word list for [`Doc::is_one_of`], built (with its filter) at
/// compile time: `words!["and", "or"]` is a `&'static Words`.
#[macro_export]
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        const W: &$crate::doc::Words = &$crate::doc::Words::new(&[$($w),*]);
        W
    }};
}

/// The tokens and lexicon matches of one part of a text (see [`Doc::from_parts`]).
pub struct Part {
    toks: Vec<Token>,
    found: Found,
}

impl Part {
    /// Tokens and matches of the bytes `from..to`; `to` is the text's end or
    /// a whitespace byte (see [`tokenize_range`]). Matches may run past `to`:
    /// the lexicon reads on into the rest of the text, as for the whole.
    pub fn new(text: &str, lex: &Lexicon, from: usize, to: usize) -> Part {
        let toks = tokenize_range(text, from, to);
        let found = lex.find_all(text, &toks);
        Part { toks, found }
    }
}

/// Where a long text can be cut in two for [`Doc::from_parts`]: the first
/// space at or after `at`, if there is one.
pub fn split_point(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr(b' ', b.get(at..)?).map(|i| at + i)
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, lex: &'a Lexicon) -> Doc<'a> {
        Doc::from_parts(text, lex, vec![Part::new(text, lex, 0, text.len())])
    }

    /// The document from consecutive parts of its text, cut at spaces
    /// ([`split_point`]), which can be tokenized and matched on different
    /// threads: the result is the same as [`Doc::new`]'s.
    pub fn from_parts(text: &'a str, lex: &'a Lexicon, parts: Vec<Part>) -> Doc<'a> {
        let mut parts = parts.into_iter();
        let Some(Part { mut toks, found: Found { hits: first_hits, mut furniture } }) = parts.next() else { return Doc::new(text, lex) };
        // The first part's token list was sized for the whole text
        // (tokenize_range): the others extend it in place. The matches are
        // read part by part, each with its token offset, not merged first.
        let mut matches: Vec<(usize, Vec<LexMatch>)> = vec![(0, first_hits)];
        for p in parts {
            matches.push((toks.len(), p.found.hits));
            toks.extend_from_slice(&p.toks);
            furniture.extend(p.found.furniture);
        }
        furniture.sort_unstable();
        let found = Found { hits: Vec::new(), furniture };
        // Matches come grouped by first token, in token order: bucket them
        // (`hit_idx`), give each its last token, and order each tiny bucket
        // longest first.
        let mut hit_idx = vec![0u32; toks.len() + 1];
        let mut hits: Vec<Hit> = Vec::with_capacity(matches.iter().map(|m| m.1.len()).sum());
        for h in matches.into_iter().flat_map(|(offset, m)| m.into_iter().map(move |h| LexMatch { t0: h.t0 + offset, ..h })) {
            let mut t1 = h.t0 + 1;
            while t1 < toks.len() && (toks[t1].start as usize) < h.end {
                t1 += 1;
            }
            hit_idx[h.t0 + 1] += 1;
            hits.push(Hit { span: Span::new(toks[h.t0].start as usize, h.end), t0: h.t0, t1, entry: h.entry, class: lex.entries[h.entry as usize].class });
        }
        for i in 0..toks.len() {
            hit_idx[i + 1] += hit_idx[i];
        }
        for t in 0..toks.len() {
            let (a, b) = (hit_idx[t] as usize, hit_idx[t + 1] as usize);
            if b - a > 1 {
                crate::sort::sort_by_key(&mut hits[a..b], |h| (std::cmp::Reverse(h.span.end), h.entry));
            }
        }
        Doc { text, lex, toks, hits, hit_idx, furniture: found.furniture }
    }

    /// Does `span` hold a boilerplate phrase (a disclaimer, a credit)?
    pub fn has_furniture(&self, span: Span) -> bool {
        let lo = self.furniture.partition_point(|&b| b < span.start);
        self.furniture.get(lo).is_some_and(|&b| b < span.end)
    }

    #[inline]
    pub fn entry(&self, h: &Hit) -> &Entry {
        &self.lex.entries[h.entry as usize]
    }

    #[inline]
    pub fn class(&self, h: &Hit) -> Class {
        h.class
    }

    #[inline]
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

    #[inline]
    pub fn tok(&self, t: usize) -> &str {
        self.toks.get(t).map(|x| x.text(self.text)).unwrap_or("")
    }

    /// The bytes of token `t` (empty past the end), for comparisons: no
    /// char-boundary checks, which the rules' hottest calls do not need.
    #[inline]
    fn tok_bytes(&self, t: usize) -> &[u8] {
        self.toks.get(t).and_then(|x| self.text.as_bytes().get(x.start as usize..x.end as usize)).unwrap_or(&[])
    }

    #[inline]
    pub fn is(&self, t: usize, w: &str) -> bool {
        self.tok_bytes(t).eq_ignore_ascii_case(w.as_bytes())
    }

    /// Is token `t` one of `list`'s words (ASCII case ignored)? The filter
    /// test is inline and fails for ~92% of the calls; the rest compare out
    /// of line.
    #[inline]
    pub fn is_one_of(&self, t: usize, list: &Words) -> bool {
        let Some(tok) = self.toks.get(t) else { return false };
        let bit = tok.key as usize;
        list.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.in_list(t, list.words)
    }

    #[inline(never)]
    fn in_list(&self, t: usize, words: &[&str]) -> bool {
        let s = self.tok_bytes(t);
        words.iter().any(|w| w.len() == s.len() && w.as_bytes().eq_ignore_ascii_case(s))
    }

    #[inline]
    pub fn is_word(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Word)
    }

    #[inline]
    pub fn is_number(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Number)
    }

    #[inline]
    pub fn is_punct(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Punct)
    }

    #[inline]
    pub fn is_cap(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Word && x.cap)
    }

    #[inline]
    pub fn is_lower_word(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|x| x.kind == TokKind::Word && !x.cap)
    }

    /// Possessive: "Korea’s", "officials'".
    pub fn is_possessive(&self, t: usize) -> bool {
        let s = self.tok_bytes(t);
        s.ends_with(b"'s") || s.ends_with("’s".as_bytes()) || s.ends_with(b"'S") || s.ends_with("’S".as_bytes())
    }

    pub fn ends_negative(&self, t: usize) -> bool {
        let s = self.tok(t);
        let l = s.len();
        l > 3 && (s.get(l - 3..).is_some_and(|x| x.eq_ignore_ascii_case("n't")) || s.ends_with("n’t") || s.ends_with("N’T"))
    }

    /// Span covering tokens `t0..t1`.
    #[inline]
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
        // Sentences come in text order: the token cursor only moves forward
        // (a binary search per sentence end cost more).
        let mut cursor = 0usize;
        let mut at_or_after = |byte: usize| {
            if cursor > 0 && self.toks[cursor - 1].start as usize >= byte {
                cursor = first_at_or_after(&self.toks, byte);
            }
            while cursor < self.toks.len() && (self.toks[cursor].start as usize) < byte {
                cursor += 1;
            }
            cursor
        };
        for (idx, s) in spans.iter().enumerate() {
            let t0 = at_or_after(s.span.start);
            let t1 = at_or_after(s.span.end);
            let words = self.toks[t0..t1].iter().filter(|t| t.kind != TokKind::Punct).count();
            out.push(Sent { idx, span: s.span, paragraph: s.paragraph, whole_paragraph: s.whole_paragraph, t0, t1, quoted: Vec::new(), starts_inside: false, ends_inside: false, words });
        }
        // Quotations are found over the whole document: they cross sentences.
        crate::quotes::mark(self, &mut out);
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
    pub fn word_count(&self) -> usize {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_match_whole_tokens_in_any_ascii_case() {
        with_sentences("The THERE there, them: “said”", |doc, _| {
            assert!(doc.is_one_of(0, DETERMINERS));
            assert!(!doc.is_one_of(1, DETERMINERS) && !doc.is_one_of(2, DETERMINERS));
            assert!(doc.is_one_of(1, words!["there"]) && doc.is_one_of(2, words!["then", "there"]));
            // tokens: The THERE there , them : “ said ”
            assert!(doc.is_one_of(3, words![","]) && doc.is_one_of(6, words!["“"]) && !doc.is_one_of(8, words!["“"]));
            assert!(doc.is_one_of(7, words!["says", "said"]) && !doc.is_one_of(4, words!["the", "they"]));
            assert!(!doc.is_one_of(99, words!["the"]));
        });
    }

    #[test]
    fn parts_cut_at_any_space_give_the_whole_texts_doc() {
        let lex = Lexicon::default_ref();
        let key = |d: &Doc| format!("{:?} {:?} {:?} {:?}", d.toks, d.hits, d.hit_idx, d.furniture);
        for text in [
            include_str!("../tests/fixtures/01_water_lead.txt"),
            include_str!("../tests/fixtures/04_wildfire_crlf.txt"),
            "Officials said, according to state media, “it is done.” Photo: Getty Images. (c) 2024 all rights reserved. The U.S. Army said 10,000 didn’t — ok",
            "a\u{2028}b  c\t\td 😀 עברית אמר , the  White House  said  ",
        ] {
            let whole = Doc::new(text, lex);
            for (cut, _) in text.match_indices(' ') {
                let parts = vec![Part::new(text, lex, 0, cut), Part::new(text, lex, cut, text.len())];
                assert_eq!(key(&Doc::from_parts(text, lex, parts)), key(&whole), "cut at byte {cut} of {text:?}");
            }
        }
        assert_eq!(split_point("ab cd", 1), Some(2));
        assert_eq!(split_point("abcd", 1), None);
        assert_eq!(split_point("ab", 9), None);
    }

    #[test]
    fn every_list_word_passes_its_own_filter() {
        let list = words!["a", "an", "it's", "it’s", "—", "U.S."];
        for w in list.words {
            let k = word_key(w.as_bytes()) as usize;
            assert_ne!(list.filter[k / 64] & (1 << (k % 64)), 0, "{w}");
            assert_eq!(word_key(w.as_bytes()), word_key(w.to_ascii_uppercase().as_bytes()), "{w}");
        }
    }
}
