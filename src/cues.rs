//! Small phrase lists read from `data/genre.txt` and `data/checkworthy.txt`,
//! matched on one sentence's text at a time: whole words, ASCII
//! case-insensitive, ’ and ' alike. A phrase whose last word ends in `*`
//! matches any word starting with it ("accus*": "accused", "accusation").
//!
//! File format: `phrase | category   # comment`; blank lines and `#` lines
//! are skipped. These lists are short and used once per sentence, so they
//! live here rather than in the lexicon automaton (`lexicon.rs`).

use rustc_hash::FxHashMap;

/// A parsed phrase list: phrases grouped by their first word.
pub struct PhraseSet<C: Copy> {
    by_first: FxHashMap<String, Vec<(Vec<String>, bool, C)>>,
    /// The byte lengths of the one-word stems ("accus*": 5), so a word is
    /// looked up by its prefixes of those lengths only.
    stem_lens: Vec<usize>,
}

/// One match: byte range in the text searched, and the phrase's category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit<C: Copy> {
    pub start: usize,
    pub end: usize,
    pub category: C,
}

fn norm_word(w: &str, out: &mut String) {
    out.clear();
    for c in w.chars() {
        out.push(match c {
            '’' | '‘' => '\'',
            c => c.to_ascii_lowercase(),
        });
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The byte ranges of the words of `text` (letters, digits, inner ' and -).
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(trim_word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(trim_word(text, s, text.len()));
    }
    out.retain(|&(a, b)| b > a);
    out
}

/// Without leading or trailing apostrophes and hyphens ('quoted', -dash).
fn trim_word(text: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let w = &text[a..b];
    let t = w.trim_start_matches(['\'', '’', '-']);
    a += w.len() - t.len();
    let t2 = t.trim_end_matches(['\'', '’', '-']);
    b -= t.len() - t2.len();
    (a, b.max(a))
}

impl<C: Copy> PhraseSet<C> {
    /// Parse `data`; `category` maps a category name to `C` (None: the line is skipped).
    pub fn parse(data: &str, category: impl Fn(&str) -> Option<C>) -> PhraseSet<C> {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, bool, C)>> = FxHashMap::default();
        let mut stem_lens = Vec::new();
        let mut buf = String::new();
        for line in data.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let mut parts = line.split('|').map(str::trim);
            let (Some(phrase), Some(cat)) = (parts.next(), parts.next()) else { continue };
            let Some(c) = category(cat) else { continue };
            let mut ws: Vec<String> = phrase
                .split_whitespace()
                .map(|w| {
                    norm_word(w, &mut buf);
                    buf.clone()
                })
                .collect();
            let prefix = ws.last().is_some_and(|w| w.ends_with('*'));
            if let Some(w) = ws.last_mut() {
                if prefix {
                    w.pop();
                }
            }
            if ws.is_empty() || ws.iter().any(|w| w.is_empty()) {
                continue;
            }
            if prefix && ws.len() == 1 && !stem_lens.contains(&ws[0].len()) {
                stem_lens.push(ws[0].len());
            }
            by_first.entry(ws[0].clone()).or_default().push((ws, prefix, c));
        }
        PhraseSet { by_first, stem_lens }
    }

    /// Every match in `text`, left to right, none overlapping; at each word
    /// the first listed phrase that fits. A stem phrase ("accus*") is found
    /// through the word's first 3 to 8 bytes, so a stem is 3 to 8 letters long.
    pub fn find(&self, text: &str) -> Vec<Hit<C>> {
        let ws = words(text);
        // every word, normalised, in one buffer: (start, end) in `buf`
        let mut buf = String::with_capacity(text.len());
        let mut at: Vec<(usize, usize)> = Vec::with_capacity(ws.len());
        for &(a, b) in &ws {
            let s = buf.len();
            for c in text[a..b].chars() {
                buf.push(match c {
                    '’' | '‘' => '\'',
                    c => c.to_ascii_lowercase(),
                });
            }
            at.push((s, buf.len()));
        }
        let low: Vec<&str> = at.iter().map(|&(a, b)| &buf[a..b]).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if let Some(hit) = self.at(&low, i) {
                out.push(Hit { start: ws[i].0, end: ws[hit.0].1, category: hit.1 });
                // matches do not overlap: "we should" is not also "should"
                i = hit.0 + 1;
            } else {
                i += 1;
            }
        }
        out
    }

    /// The phrase starting at word `i`: (index of its last word, category).
    fn at(&self, low: &[&str], i: usize) -> Option<(usize, C)> {
        let first = low[i];
        let exact = self.by_first.get(first).into_iter().flatten();
        // one-word stems are keyed by the stem: try the word's prefixes of
        // the stems' lengths only (a few look-ups)
        let stems = self.stem_lens.iter().filter(|&&n| n < first.len() && first.is_char_boundary(n)).filter_map(|&n| self.by_first.get(&first[..n])).flatten();
        for (ph, prefix, c) in exact.chain(stems) {
            let n = ph.len();
            if i + n > low.len() {
                continue;
            }
            let ok = ph.iter().enumerate().all(|(k, w)| {
                let got = low[i + k];
                if k + 1 == n && *prefix {
                    got.starts_with(w.as_str())
                } else {
                    got == w.as_str()
                }
            });
            if ok {
                return Some((i + n - 1, *c));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> PhraseSet<u8> {
        PhraseSet::parse("# c\nwe should | a\naccus* | b # stem\nin my view | a\nbad | zzz\n", |c| match c {
            "a" => Some(1),
            "b" => Some(2),
            _ => None,
        })
    }

    #[test]
    fn whole_words_any_case_and_stems() {
        let s = set();
        let t = "We Should go. They accused him; in my view, no.";
        let h = s.find(t);
        let got: Vec<(&str, u8)> = h.iter().map(|x| (&t[x.start..x.end], x.category)).collect();
        assert_eq!(got, vec![("We Should", 1), ("accused", 2), ("in my view", 1)]);
        // silent: inside other words, a skipped category, a partial phrase
        assert!(s.find("Weshould; badly; we shouldn't; in my").is_empty(), "{:?}", s.find("Weshould; badly; we shouldn't; in my"));
        assert!(s.find("bad").is_empty());
        // no overlaps: "we should" once, not also a later phrase inside it
        let s2 = PhraseSet::parse("we should | a\nshould | b\n", |c| Some(if c == "a" { "a" } else { "b" }));
        let h2 = s2.find("We should act; they should too.");
        assert_eq!(h2.iter().map(|h| h.category).collect::<Vec<_>>(), vec!["a", "b"]);
    }

    #[test]
    fn curly_apostrophes_and_odd_text_never_panic() {
        let s = PhraseSet::parse("i’m convinced | a\n", |_| Some(0u8));
        assert_eq!(s.find("I'm convinced.").len(), 1);
        assert_eq!(s.find("I’m convinced.").len(), 1);
        for t in ["", "’", "-'-", "日本語のテキスト", "é\u{301}x", "a\u{0}b", "’’’we"] {
            let _ = s.find(t);
            let _ = set().find(t);
        }
    }
}
