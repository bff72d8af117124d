//! Tokens: words, numbers and single punctuation marks, with byte offsets.
//! Whitespace is skipped. Words keep internal hyphens and apostrophes
//! ("Won-shik", "didn’t"); numbers keep internal commas and dots ("10,000", "3.5").

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

/// A token: 12 bytes, with u32 byte offsets (inputs are limited to 4 GiB).
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
    /// First character is uppercase.
    pub cap: bool,
    /// The token's bit in a word-list filter ([`word_key`]), computed once
    /// here because the rules look tokens up in word lists ~280,000 times per
    /// megabyte (`Doc::is_one_of`). It fits the struct's padding.
    pub key: u16,
}

/// How many keys [`word_key`] can give (a power of two, at least 64).
pub const KEY_BITS: u32 = 512;

/// The filter bit (0..KEY_BITS) of a word: a hash of its length and of its first
/// two and last two bytes, each with bit 0x20 set. That bit turns ASCII capitals
/// into small letters, so two spellings that differ only in ASCII case (as
/// `eq_ignore_ascii_case` compares) get the same key; the bytes it merges
/// otherwise ("@" and "`") only cost a false alarm, which the exact comparison
/// after the filter catches. 0 for an empty word.
pub const fn word_key(w: &[u8]) -> u16 {
    // first two and last two bytes, by slice pattern (no bounds checks)
    let (a, b, y, z) = match w {
        [] => return 0,
        [a] => (*a, *a, *a, *a),
        [a, b] => (*a, *b, *a, *b),
        [a, b, c] => (*a, *b, *b, *c),
        [a, b, .., y, z] => (*a, *b, *y, *z),
    };
    let head = ((a as u32) << 8 | b as u32) | 0x2020;
    let tail = ((y as u32) << 8 | z as u32) | 0x2020;
    let n = w.len() as u32;
    let h = (head << 16 | tail) ^ (n << 27) ^ n;
    (h.wrapping_mul(0x9E37_79B1) >> (32 - KEY_BITS.trailing_zeros())) as u16
}

impl Token {
    fn new(start: usize, end: usize, kind: TokKind, cap: bool) -> Token {
        Token { start: start as u32, end: end as u32, kind, cap, key: 0 }
    }
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start as usize..self.end as usize).unwrap_or("")
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        // General Punctuation (curly quotes, dashes, ellipsis, odd spaces):
        // never a letter or digit (checked in the tests), and common enough
        // in news to spare the Unicode table search.
        false
    } else {
        c.is_alphanumeric()
    }
}

// What an ASCII byte is to the tokenizer; any byte from 0x80 up starts (or
// continues) a wider character and is decoded. A table, because this is
// asked of every byte of the text.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const PUNCT: u8 = 3;
const WIDE: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // the ASCII characters `char::is_whitespace` accepts
        t[b] = if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// How many bytes at the start of `b` are ASCII letters or digits: 8 bytes at
/// a time (SWAR), since this loop runs over nearly every byte of the text and a
/// byte-by-byte loop also mispredicts its exit at nearly every word.
fn alnum_run(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let stop = !alnum_bytes(u64::from_le_bytes(chunk)) & HIGH;
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while n < b.len() && CLASS[b[n] as usize] == ALNUM {
        n += 1;
    }
    n
}

/// Bit 7 of each byte of `x` set where that byte is an ASCII letter or digit.
/// Each test adds a constant to the byte's low 7 bits, which cannot carry
/// into the next byte: bit 7 of `low + (127 - k)` is set exactly when low > k.
fn alnum_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let low = x & !HIGH;
    let folded = low | (ONES * 0x20); // 'A'..'Z' -> 'a'..'z'
    let above = |v: u64, k: u64| (v + ONES * (127 - k)) & HIGH;
    let digit = above(low, b'0' as u64 - 1) & !above(low, b'9' as u64);
    let letter = above(folded, b'a' as u64 - 1) & !above(folded, b'z' as u64);
    (digit | letter) & !x & HIGH
}

/// The char at byte `j`, if `j` is inside the text.
fn char_at(text: &str, j: usize) -> Option<char> {
    match text.as_bytes().get(j) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(j..).and_then(|r| r.chars().next()),
    }
}

/// Where the word or number whose first character ends at `end` stops.
fn word_end(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits: the common case
        end += alnum_run(&bytes[end..]);
        let Some(&b) = bytes.get(end) else { break };
        // A joiner or a numeric separator continues the token only if a
        // letter or digit follows it directly.
        match b {
            b'-' | b'\'' if char_at(text, end + 1).is_some_and(is_alnum) => end += 1,
            b',' | b'.' if bytes[end - 1].is_ascii_digit() && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => end += 1,
            0x80.. => {
                let Some(d) = char_at(text, end) else { break };
                let after = end + d.len_utf8();
                if is_alnum(d) || (is_joiner(d) && char_at(text, after).is_some_and(is_alnum)) {
                    end = after;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    end
}

/// Tokenize the whole text.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_range(text, 0, text.len())
}

/// Tokenize the bytes `from..to` of the text (offsets stay the text's). `to`
/// must be the text's end or an ASCII whitespace byte, which no token
/// crosses: then tokenizing two parts split there gives the whole text's tokens.
pub fn tokenize_range(text: &str, from: usize, to: usize) -> Vec<Token> {
    let bytes = text.as_bytes().get(..to).unwrap_or(text.as_bytes());
    // sized for the rest of the whole text, not just this range: the first
    // part's list is then extended in place by the next (Doc::from_parts)
    let mut out = Vec::with_capacity(text.len().saturating_sub(from) / 5);
    let mut i = from;
    // Tested in order of frequency in news text (if/else, not a jump table,
    // which the branch predictor handles worse).
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[b as usize];
        if class == ALNUM {
            // an ASCII letter or digit: the common case, without decoding
            let mut end = i + 1 + alnum_run(&bytes[i + 1..]);
            // Most words stop at a space: only a byte that may continue
            // the token ("Won-shik", "10,000", "didn’t") takes the slow path.
            if bytes.get(end).is_some_and(|&c| matches!(c, b'-' | b'\'' | b',' | b'.' | 0x80..)) {
                end = word_end(text, end);
            }
            let kind = if b.is_ascii_digit() { TokKind::Number } else { TokKind::Word };
            out.push(Token::new(i, end, kind, b.is_ascii_uppercase()));
            i = end;
        } else if class == SPACE {
            i += 1;
        } else if class == PUNCT {
            out.push(Token::new(i, i + 1, TokKind::Punct, false));
            i += 1;
        } else {
            let Some(c) = char_at(text, i) else { break };
            let w = c.len_utf8();
            if c.is_whitespace() {
                i += w;
            } else if is_alnum(c) {
                let end = word_end(text, i + w);
                out.push(Token::new(i, end, TokKind::Word, c.is_uppercase()));
                i = end;
            } else {
                out.push(Token::new(i, i + w, TokKind::Punct, false));
                i += w;
            }
        }
    }
    // The keys in a pass of their own: a tight loop over tokens in cache.
    for t in out.iter_mut() {
        if let Some(w) = bytes.get(t.start as usize..t.end as usize) {
            t.key = word_key(w);
        }
    }
    out
}

/// Index of the first token whose start is >= `byte`.
pub fn first_at_or_after(tokens: &[Token], byte: usize) -> usize {
    tokens.partition_point(|t| (t.start as usize) < byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(texts("Shin Won-shik said 10,000 troops."), ["Shin", "Won-shik", "said", "10,000", "troops", "."]);
        assert_eq!(texts("didn’t S-400 3.5%"), ["didn’t", "S-400", "3.5", "%"]);
        assert_eq!(texts("“Yes,” she said"), ["“", "Yes", ",", "”", "she", "said"]);
        assert_eq!(texts(""), Vec::<&str>::new());
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn alnum_runs_match_the_byte_table() {
        let naive = |b: &[u8]| b.iter().take_while(|&&c| CLASS[c as usize] == ALNUM).count();
        // every byte value at every position of a 9-byte window, after letters
        for pos in 0..9 {
            for v in 0..=255u8 {
                let mut b = *b"Abcdefgh9z";
                b[pos] = v;
                assert_eq!(alnum_run(&b), naive(&b), "byte {v:#x} at {pos}");
                assert_eq!(alnum_run(&b[pos..]), naive(&b[pos..]), "byte {v:#x} first");
            }
        }
        assert_eq!(alnum_run(b""), 0);
        assert_eq!(alnum_run("Zürich".as_bytes()), 1);
    }

    #[test]
    fn trailing_joiner_is_punctuation() {
        assert_eq!(texts("well- known"), ["well", "-", "known"]);
    }
}
