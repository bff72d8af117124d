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

/// Tokenize the whole text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0usize;
    // The char at byte `j` (ASCII fast path).
    let char_at = |j: usize| -> Option<char> {
        match bytes.get(j) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => text.get(j..).and_then(|r| r.chars().next()),
        }
    };
    let alnum = |c: char| if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && (b == b' ' || b == b'\n' || b == b'\r' || b == b'\t') {
            i += 1;
            continue;
        }
        let Some(c) = char_at(i) else { break };
        let w = c.len_utf8();
        if c.is_whitespace() {
            i += w;
            continue;
        }
        if alnum(c) {
            let numeric_start = c.is_ascii_digit();
            let mut end = i + w;
            loop {
                // ASCII letters and digits: the common case, byte by byte
                while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                let Some(d) = char_at(end) else { break };
                if alnum(d) {
                    end += d.len_utf8();
                    continue;
                }
                // A joiner or a numeric separator continues the token only if a
                // letter or digit follows it directly.
                let after = end + d.len_utf8();
                let next = char_at(after);
                let joins = is_joiner(d) && next.is_some_and(alnum);
                let number_sep = matches!(d, ',' | '.') && bytes[end - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                if joins || number_sep {
                    end = after;
                    continue;
                }
                break;
            }
            let kind = if numeric_start { TokKind::Number } else { TokKind::Word };
            out.push(Token { start: i as u32, end: end as u32, kind, cap: c.is_uppercase() });
            i = end;
        } else {
            out.push(Token { start: i as u32, end: (i + w) as u32, kind: TokKind::Punct, cap: false });
            i += w;
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
    fn trailing_joiner_is_punctuation() {
        assert_eq!(texts("well- known"), ["well", "-", "known"]);
    }
}
