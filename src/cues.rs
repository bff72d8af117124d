//! Small phrase lists read from `data/genre.txt` and `data/checkworthy.txt`,
//! matched on one sentence's text at a time: whole words, ASCII
//! case-insensitive, ’ and ' alike. A phrase whose last word ends in `*`
//! matches any word starting with it ("accus*": "accused", "accusation").
//!
//! File format: `phrase | category   # comment`; blank lines and `#` lines
//! are skipped. These lists are short and used once per sentence, so they
//! live here rather than in the lexicon automaton (`lexicon.rs`).

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Input, MatchKind};

/// A parsed phrase list, as one Aho-Corasick DFA (ASCII case ignored)
/// over its phrases, each written with ' and with ’.
pub struct PhraseSet<C: Copy> {
    /// The DFA itself, not `AhoCorasick`: that one brings every automaton
    /// kind and its `Debug` into the wasm (about 10 KB gzipped).
    ac: Option<DFA>,
    /// Per automaton pattern (in line order): whether it is a stem, and its
    /// category.
    meta: Vec<(bool, C)>,
}

/// One match: byte range in the text searched, and the phrase's category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit<C: Copy> {
    pub start: usize,
    pub end: usize,
    pub category: C,
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

/// Does a word start at byte `i` of `text` (no word character joins it from
/// the left)? An apostrophe or hyphen joins only when a letter or digit is
/// on its other side ("don't", but not the quote mark of 'we').
fn starts_word(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(c) if is_word_char(c) => !before.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// The end of the word that holds byte `i - 1`, when the word goes on past `i`.
fn word_end(text: &str, i: usize) -> usize {
    let mut chars = text[i..].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        let joins = c.is_alphanumeric() || (is_word_char(c) && chars.peek().is_some_and(|&(_, d)| d.is_alphanumeric()));
        if !joins {
            return i + k;
        }
    }
    text.len()
}

impl<C: Copy> PhraseSet<C> {
    /// Parse `data`; `category` maps a category name to `C` (None: the line is skipped).
    pub fn parse(data: &str, category: impl Fn(&str) -> Option<C>) -> PhraseSet<C> {
        let mut patterns: Vec<String> = Vec::new();
        let mut meta = Vec::new();
        for line in data.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let mut parts = line.split('|').map(str::trim);
            let (Some(phrase), Some(cat)) = (parts.next(), parts.next()) else { continue };
            let Some(c) = category(cat) else { continue };
            let mut words: Vec<&str> = phrase.split_whitespace().collect();
            let stem = words.last().is_some_and(|w| w.ends_with('*'));
            if let Some(w) = words.last_mut() {
                *w = w.trim_end_matches('*');
            }
            if words.is_empty() || words.iter().any(|w| w.is_empty()) {
                continue;
            }
            let p = words.join(" ").to_ascii_lowercase().replace('’', "'");
            for v in [p.clone(), p.replace('\'', "’")] {
                if !patterns.contains(&v) {
                    patterns.push(v);
                    meta.push((stem, c));
                }
            }
        }
        let ac = DFA::builder().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostFirst).build(&patterns).ok();
        PhraseSet { ac, meta }
    }

    /// Every match in `text`, left to right, none overlapping; at each word
    /// the first listed phrase that fits. Words are whole ("we should" is not
    /// in "we shouldn't"); a stem ("accus*") takes the rest of its word.
    pub fn find(&self, text: &str) -> Vec<Hit<C>> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut out = Vec::new();
        let mut pos = 0;
        // Leftmost-first: at each place the first listed phrase. A match that
        // is not on word boundaries is skipped by searching again one byte on.
        while let Ok(Some(m)) = ac.try_find(&Input::new(text).range(pos..)) {
            let (a, b) = (m.start(), m.end());
            let (stem, c) = self.meta[m.pattern().as_usize()];
            let end = if text.is_char_boundary(a) && text.is_char_boundary(b) && starts_word(text, a) { word_end(text, b) } else { usize::MAX };
            if end == usize::MAX || (end != b && !stem) {
                pos = a + 1;
                continue;
            }
            out.push(Hit { start: a, end, category: c });
            // matches do not overlap: "we should" is not also "should"
            pos = end;
        }
        out
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
