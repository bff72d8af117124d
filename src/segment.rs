//! Segmentation: paragraphs, then sentences, with exact byte offsets.
//!
//! Paragraphs: a blank line ends one; so does a single line break, unless the
//! line breaks mid-sentence (the line does not end in punctuation and the next
//! starts in lower case: hard-wrapped text). Headings and list items are lines.
//!
//! Sentences end at `.`, `!`, `?` (plus any closing quotes or brackets) that are
//! followed by white space and then not by a lower-case letter. A full stop does
//! not end a sentence after a title abbreviation (Mr., Gen., Jan.), after an
//! initial ("Vladimir V. Putin", but "… you and I. Did …" ends), inside a list
//! marker ("1.)", "a."), or after another abbreviation (U.S., Inc., No., a.m.)
//! unless a common sentence opener or a capitalised non-name word follows
//! (after a.m./p.m.: any capitalised word but a day, month or time zone, unless
//! the time opens the sentence). Three dots (also ". . .") never end one
//! mid-paragraph; four may. Decimals, URLs and e-mail addresses have no white
//! space after their inner dots, and a full stop after them ends a sentence as
//! after any word. A list run into one line ("1) … 2) …", "a. … b. …") splits
//! at each item. The golden-rule cases are in `tests/golden_rules.json`.

use crate::lexicon::{AbbrevClass, Lexicon};
use crate::span::Span;

#[derive(Clone, Copy, Debug)]
pub struct SentSpan {
    pub span: Span,
    pub paragraph: usize,
    /// The sentence is the whole of its paragraph.
    pub whole_paragraph: bool,
}

const TERMINATORS: &[char] = &['.', '!', '?', '…', '。', '！', '？', '‼'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '}', '›'];

/// Words that commonly open a sentence; after an ambiguous abbreviation
/// ("U.S.", "Inc.") one of these means the abbreviation ended the sentence.
const OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "for", "this",
    "that", "these", "those", "there", "his", "her", "its", "their", "our", "when", "while", "after", "before",
    "as", "if", "however", "meanwhile", "still", "yet", "so", "then", "since", "although", "though", "earlier",
    "later", "last", "some", "many", "most", "no", "not", "one", "two", "what", "why", "how", "who",
];

/// White space, or an invisible format character (bidi marks, zero-width
/// space, BOM) that pasted text often carries between sentences.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn next_char(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Lines as byte spans without their break characters.
fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // U+0085 and U+2028/2029 are rare: look for them byte by byte only if
    // present. Found by their first bytes (C2, E2): one pass, not three.
    let rare = memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|i| matches!(&bytes[i..], [0xC2, 0x85, ..] | [0xE2, 0x80, 0xA8 | 0xA9, ..]));
    while i < bytes.len() {
        // jump to the next byte that can start a line break
        let next = if rare {
            bytes[i..].iter().position(|&b| matches!(b, b'\n' | b'\r' | 0xC2 | 0xE2))
        } else {
            memchr::memchr2(b'\n', b'\r', &bytes[i..])
        };
        match next {
            Some(off) => i += off,
            None => break,
        }
        // \n, \r, U+0085 (C2 85), U+2028/U+2029 (E2 80 A8/A9)
        let brk = match bytes[i] {
            b'\n' => 1,
            b'\r' => if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 },
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => 0,
        };
        if brk > 0 {
            out.push(Span::new(start, i));
            i += brk;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

fn trim_span(text: &str, s: Span) -> Span {
    let t = &text[s.start..s.end];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead == t.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}

pub fn is_list_marker_start(t: &str) -> bool {
    list_marker(t.trim_start()).is_some()
}

/// Bullets that may also separate the items of a list run into one line
/// ("• first item • second item").
const INLINE_BULLETS: &[&str] = &["•", "⁃", "▪", "◦", "‣"];

/// What opens the next item of a list run into one line: " 2) ", " b. ", " •".
pub(crate) struct NextItem {
    buf: [u8; 8],
    len: usize,
}

impl NextItem {
    fn new(parts: &[&[u8]]) -> Option<NextItem> {
        let mut n = NextItem { buf: [0; 8], len: 0 };
        for part in parts {
            n.buf.get_mut(n.len..n.len + part.len())?.copy_from_slice(part);
            n.len += part.len();
        }
        Some(n)
    }
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// A list item's marker at the start of `t`: "- ", "• ", "1. ", "2) ", "1.) ",
/// "a. ", "b) ", "• 9. ", "⁃9. ". Returns the marker's length (with its space)
/// and, for a numbered, lettered or bulleted item, what would open the next
/// item of the same list if the list ran on in one line ("1) … 2) …").
pub(crate) fn list_marker(t: &str) -> Option<(usize, Option<NextItem>)> {
    let b = t.as_bytes();
    if matches!(b, [b'-' | b'*', b' ', ..]) {
        return Some((2, None));
    }
    if t.starts_with("– ") {
        return Some(("– ".len(), None));
    }
    let bullet = INLINE_BULLETS.iter().find(|bl| t.starts_with(**bl)).copied();
    let mut pos = bullet.map_or(0, str::len);
    let spaced = bullet.is_some() && b.get(pos) == Some(&b' ');
    pos += spaced as usize;
    // the label: a number of up to three digits, or one lower-case letter
    let digits = b[pos.min(b.len())..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    let label_end = match digits {
        1..=3 => pos + digits,
        0 if bullet.is_none() && b.get(pos).is_some_and(u8::is_ascii_lowercase) => pos + 1,
        _ => {
            // a bare bullet: "• item"
            return bullet.filter(|_| spaced).map(|bl| (pos, NextItem::new(&[b" ", bl.as_bytes()])));
        }
    };
    let style: &[u8] = match &b[label_end..] {
        [b'.', b')', b' ', ..] => b".)",
        [b'.', b' ', ..] => b".",
        [b')', b' ', ..] => b")",
        _ => return bullet.filter(|_| spaced).map(|bl| (pos, NextItem::new(&[b" ", bl.as_bytes()]))),
    };
    let len = label_end + style.len() + 1;
    if let Some(bl) = bullet {
        return Some((len, NextItem::new(&[b" ", bl.as_bytes()])));
    }
    let label = &t[pos..label_end];
    let next = if digits > 0 {
        let n: u32 = label.parse().ok()?;
        let s = (n + 1).to_string();
        NextItem::new(&[b" ", s.as_bytes(), style, b" "])
    } else {
        let c = b[pos];
        (c < b'z').then(|| NextItem::new(&[b" ", &[c + 1], style, b" "])).flatten()
    };
    Some((len, next))
}

/// How far ahead (in bytes) the next item of a one-line list is looked for:
/// a list item is short, and the bound keeps the splitter linear.
const ITEM_WINDOW: usize = 400;

/// The end of the list marker that opens the sentence at `start` (or `start`),
/// and where the next item of its list begins (the space before it), if it
/// follows within `ITEM_WINDOW` bytes.
fn item_at(p: &str, start: usize) -> (usize, Option<usize>) {
    let Some((len, next)) = p.get(start..).and_then(list_marker) else { return (start, None) };
    let from = start + len;
    let next_at = next.and_then(|n| {
        let hay = p.as_bytes().get(from..(from + ITEM_WINDOW).min(p.len()))?;
        memchr::memmem::find(hay, n.bytes()).map(|o| from + o)
    });
    (from, next_at)
}

fn ends_open(line: &str) -> bool {
    match line.trim_end().chars().next_back() {
        Some(c) => !(TERMINATORS.contains(&c) || CLOSERS.contains(&c) || matches!(c, ':' | ';')),
        None => false,
    }
}

/// Paragraph spans (trimmed, non-empty).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    let mut prev_line = Span::default();
    for l in lines(text) {
        let t = trim_span(text, l);
        if t.is_empty() {
            open = false;
            continue;
        }
        let cur = &text[t.start..t.end];
        let join = open
            && ends_open(&text[prev_line.start..prev_line.end])
            && cur.chars().next().is_some_and(|c| c.is_lowercase())
            && !is_list_marker_start(cur);
        if join {
            if let Some(last) = out.last_mut() {
                last.end = t.end;
            }
        } else {
            out.push(t);
        }
        open = true;
        prev_line = t;
    }
    out
}

/// The word (letters, digits, inner dots) that ends right before byte `i`.
fn word_before(p: &str, i: usize) -> &str {
    let head = &p[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map(|(j, _)| j)
        .unwrap_or(i);
    head[start..].trim_start_matches('.')
}

fn word_at(p: &str, i: usize) -> &str {
    let rest = &p[i..];
    let end = rest.char_indices().find(|&(_, c)| !c.is_alphabetic()).map(|(j, _)| j).unwrap_or(rest.len());
    &rest[..end]
}

/// After "U.S." or "Inc.": a capitalised word that is not a name word ("Army",
/// "President") and is followed by a lower-case word starts a new sentence:
/// "… and the U.S. Economic aid rose." but not "the U.S. Army said".
fn new_sentence_after_abbrev(p: &str, m: usize, lex: &Lexicon) -> bool {
    let w = word_at(p, m);
    if !w.chars().next().is_some_and(char::is_uppercase)
        || lex.name_words.contains(&w.to_lowercase())
        || AFTER_COUNTRY.iter().any(|a| a.eq_ignore_ascii_case(w))
    {
        return false;
    }
    let rest = p[m + w.len()..].trim_start();
    rest.chars().next().is_some_and(|c| c.is_lowercase())
}

fn is_opener(w: &str) -> bool {
    OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w))
}

/// Does `p` hold a non-ASCII terminator (… 。 ！ ？ ‼)? Their UTF-8 forms start
/// with E2, E3 or EF, so only those bytes are looked at, with memchr: decoding
/// every character of every paragraph cost more than the rest of the splitter.
fn has_wide_stop(p: &[u8]) -> bool {
    memchr::memchr3_iter(0xE2, 0xE3, 0xEF, p).any(|i| {
        matches!(p.get(i..i + 3), Some([0xE2, 0x80, 0xA6 | 0xBC] | [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F]))
    })
}

/// Is the dotted word `w` ("U.S", "a.k.a") built like an abbreviation: letters
/// in pieces of one or two? "example.com", "report.pdf" and "3.50" are not:
/// a full stop after them ends the sentence as after any word.
fn abbreviation_like(w: &str) -> bool {
    w.split('.').all(|piece| (1..=2).contains(&piece.len()) && piece.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Words that may follow a time ("at 9 a.m. Monday", "6 p.m. EST") without
/// starting a new sentence.
const AFTER_TIME: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "tonight",
    "yesterday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc",
    "bst", "cet", "cest", "ist", "jst", "kst", "aest", "eastern", "central", "mountain", "pacific", "local",
];

/// Words that open a time phrase at the start of a sentence ("At 5 a.m.",
/// "Shortly after 6 p.m."): the name after such a time is still this sentence's.
const TIME_PHRASE: &[&str] =
    &["at", "by", "until", "till", "before", "after", "around", "about", "from", "since", "shortly", "just", "starting"];

/// After "a.m." or "p.m." followed by a capitalised word: a new sentence,
/// unless the time opens this one ("At 5 a.m. Ms. Lee left") or a day, month or
/// time zone follows ("at 9 a.m. Monday", "6 p.m. EST").
fn time_ends_sentence(p: &str, sent_start: usize, wstart: usize, m: usize) -> bool {
    let next = word_at(p, m);
    if AFTER_TIME.iter().any(|t| t.eq_ignore_ascii_case(next)) {
        return false;
    }
    let head = p.get(sent_start..wstart).unwrap_or("");
    let mut words = head.split_whitespace();
    let opens = words.next().is_some_and(|f| TIME_PHRASE.iter().any(|t| t.eq_ignore_ascii_case(f))) && words.take(4).count() <= 3;
    !opens
}

/// Capitalised words that continue a name after "U.S." or "U.K." although
/// they are not in the role or organisation lists ("the U.S. Government in
/// Ohio", "the U.K. Embassy in Rome").
const AFTER_COUNTRY: &[&str] = &[
    "government", "administration", "embassy", "consulate", "congress", "senate", "house", "treasury", "navy", "army",
    "military", "marines", "mission", "delegation", "ambassador", "envoy", "coast", "forces", "space", "open", "census",
];

/// Split one paragraph (byte span of `text`) into sentence spans.
fn split_paragraph(text: &str, para: Span, lex: &Lexicon, out: &mut Vec<Span>) {
    let p = &text[para.start..para.end];
    let mut push = |from: usize, to: usize| {
        let s = trim_span(text, Span::new(para.start + from, para.start + to));
        if !s.is_empty() {
            out.push(s);
        }
    };
    let mut sent_start = 0usize;
    let mut i = 0usize;
    let pb = p.as_bytes();
    // A sentence that opens with a list marker ("1) ", "a. ", "• "): no full
    // stop inside the marker ends it, and the list's next item ("2) ") does.
    let (mut marker_end, mut next_item) = item_at(p, 0);
    // Non-ASCII terminators (… 。 ！ ？ ‼) are rare: scan for them only if present.
    let wide_stops = has_wide_stop(pb);
    // The next candidate byte found from `cache.0` on (absolute), kept while
    // `i` stays between the two: cutting a list into items does not move `i`
    // to a terminator, and searching again each time would be quadratic.
    let mut cache: (usize, Option<usize>) = (usize::MAX, None);
    while i < p.len() {
        // Skip to the next byte that can start a terminator: . ! ? or the lead
        // byte of … 。 ！ ？ ‼ (E2, E3, EF).
        if !(cache.0 <= i && cache.1.is_none_or(|s| s >= i)) {
            let found = if wide_stops {
                pb[i..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF))
            } else {
                memchr::memchr3(b'.', b'!', b'?', &pb[i..])
            };
            cache = (i, found.map(|off| i + off));
        }
        let next = cache.1.map(|s| s - i);
        // the next item of a list run into one line comes first
        if let Some(q) = next_item.filter(|&q| next.is_none_or(|off| q < i + off)) {
            push(sent_start, q);
            sent_start = q + 1;
            i = sent_start;
            (marker_end, next_item) = item_at(p, sent_start);
            continue;
        }
        match next {
            Some(off) => i += off,
            None => break,
        }
        let Some(c) = next_char(p, i) else { break };
        if !TERMINATORS.contains(&c) {
            i += c.len_utf8();
            continue;
        }
        // The run of terminators, e.g. "?!", "..." or ". . ." (counted in dots:
        // "…" is three).
        let mut j = i;
        let mut dots = 0;
        let mut only_dots = true;
        while let Some(d) = next_char(p, j) {
            if !TERMINATORS.contains(&d) {
                break;
            }
            dots += match d {
                '.' => 1,
                '…' => 3,
                _ => 0,
            };
            only_dots &= d == '.';
            j += d.len_utf8();
        }
        let single_dot = dots == 1 && j == i + 1;
        // A spaced ellipsis (". . .") goes on over single spaces, dot by dot,
        // while no letter or digit sticks to a dot.
        let mut spaced = false;
        while only_dots && pb.get(j) == Some(&b' ') && pb.get(j + 1) == Some(&b'.') {
            let e = j + 1 + pb[j + 1..].iter().take_while(|&&b| b == b'.').count();
            if pb.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                break;
            }
            dots += e - j - 1;
            j = e;
            spaced = true;
        }
        // Three dots are an ellipsis, which goes on with the sentence; four are
        // an ellipsis and a full stop, which may end it.
        let ellipsis = (2..4).contains(&dots);
        // Closing quotes and brackets stay with the sentence.
        let mut k = j;
        while let Some(d) = next_char(p, k) {
            if !CLOSERS.contains(&d) {
                break;
            }
            k += d.len_utf8();
        }
        match next_char(p, k) {
            None => break,
            Some(d) if !is_space(d) => {
                i = j;
                continue;
            }
            _ => {}
        }
        let mut m = k;
        while let Some(d) = next_char(p, m) {
            if !is_space(d) {
                break;
            }
            m += d.len_utf8();
        }
        let Some(next) = next_char(p, m) else { break };
        let mut boundary = !(next.is_lowercase() || matches!(next, ',' | ';' | ':' | '-' | '–' | '—')) && !ellipsis;
        if boundary && i < marker_end {
            boundary = false; // the list marker of "1.) First item", "a. First item"
        } else if boundary && single_dot {
            let w = word_before(p, i);
            let wstart = i - w.len();
            // most words before a full stop are lower case already: no copy then
            let lw: std::borrow::Cow<str> = if w.bytes().any(|b| b.is_ascii_uppercase()) { w.to_ascii_lowercase().into() } else { w.into() };
            let opener_next = || is_opener(word_at(p, m));
            let single_initial = w.chars().count() == 1 && w.chars().all(|ch| ch.is_uppercase());
            if single_initial {
                // an initial ("Vladimir V. Putin"), but "I" after a lower-case
                // word is the pronoun ending the sentence ("… you and I. Did …")
                let head = p[sent_start.min(wstart)..wstart].trim_end();
                boundary = w == "I" && word_before(head, head.len()).chars().next().is_some_and(char::is_lowercase);
            } else if lw == "a.m" || lw == "p.m" {
                boundary = time_ends_sentence(p, sent_start, wstart, m);
            } else if let Some(class) = lex.abbreviations.get(lw.as_ref()) {
                boundary = *class == AbbrevClass::Other && (opener_next() || new_sentence_after_abbrev(p, m, lex));
            } else if w.contains('.') && abbreviation_like(w) {
                boundary = opener_next() || new_sentence_after_abbrev(p, m, lex);
            } else if w.is_empty() && p[..i].ends_with('°') {
                boundary = false; // "N°. 12"
            } else if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) && p[sent_start..i].trim() == w {
                boundary = false; // "1. First item"
            }
        }
        if boundary {
            // "… the harbour towns. . . . The council": the full stop ends the
            // sentence and the ellipsis opens the next one; ". . . ." after a
            // space, or "....", ends it whole.
            let attached = i > 0 && !pb[i - 1].is_ascii_whitespace() && pb.get(i + 1) == Some(&b' ');
            if spaced && attached && k == j {
                push(sent_start, i + 1);
                sent_start = i + 2;
            } else {
                push(sent_start, k);
                sent_start = m;
            }
            i = m;
            (marker_end, next_item) = item_at(p, sent_start);
        } else {
            i = j.max(i + c.len_utf8());
        }
    }
    push(sent_start, p.len());
}

/// Paragraphs and sentences of `text`.
pub fn segment(text: &str, lex: &Lexicon) -> (Vec<Span>, Vec<SentSpan>) {
    let paras = paragraphs(text);
    // news averages about 100 bytes a sentence
    let mut sents = Vec::with_capacity(text.len() / 80 + 4);
    let mut buf = Vec::new();
    for (pi, &para) in paras.iter().enumerate() {
        buf.clear();
        split_paragraph(text, para, lex, &mut buf);
        let whole = buf.len() == 1;
        sents.extend(buf.iter().map(|&span| SentSpan { span, paragraph: pi, whole_paragraph: whole }));
    }
    (paras, sents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let (_, s) = segment(text, Lexicon::default_ref());
        s.iter().map(|x| &text[x.span.start..x.span.end]).collect()
    }

    #[test]
    fn titles_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Park met Gen. Lee on Jan. 5 in St. Louis. Then he left."),
            ["Mr. Park met Gen. Lee on Jan. 5 in St. Louis.", "Then he left."]
        );
        assert_eq!(split("President Ana B. Costa of Brazil spoke."), ["President Ana B. Costa of Brazil spoke."]);
        assert_eq!(split("She met John Q. Public and Mary R. Roe."), ["She met John Q. Public and Mary R. Roe."]);
    }

    #[test]
    fn ambiguous_abbreviations() {
        assert_eq!(split("Talks with U.S. officials ended."), ["Talks with U.S. officials ended."]);
        assert_eq!(split("It sided with the U.S. The talks ended."), ["It sided with the U.S.", "The talks ended."]);
        assert_eq!(
            split("Ties with the U.S. and its allies grew.\nA new line."),
            ["Ties with the U.S. and its allies grew.", "A new line."]
        );
        assert_eq!(split("It ended with the U.S.\n\nNext paragraph."), ["It ended with the U.S.", "Next paragraph."]);
        assert_eq!(split("Ties with the U.S. Economic aid rose."), ["Ties with the U.S.", "Economic aid rose."]);
        assert_eq!(split("The U.S. Army said so."), ["The U.S. Army said so."]);
        assert_eq!(split("The U.S. President Joe Biden spoke."), ["The U.S. President Joe Biden spoke."]);
        assert_eq!(split("Acme Corp. said profits rose at 9 a.m. on Monday."), ["Acme Corp. said profits rose at 9 a.m. on Monday."]);
    }

    #[test]
    fn numbers_urls_emails_ellipses() {
        assert_eq!(split("It rose 3.5 percent to $1.2 billion. Next."), ["It rose 3.5 percent to $1.2 billion.", "Next."]);
        assert_eq!(split("See https://example.org/a.b and mail x@y.org now. Done."), ["See https://example.org/a.b and mail x@y.org now.", "Done."]);
        assert_eq!(split("He paused... Then he went on."), ["He paused... Then he went on."]);
    }

    #[test]
    fn closing_quotes_stay() {
        assert_eq!(
            split("“We will act,” she said. “It is over.” He left."),
            ["“We will act,” she said.", "“It is over.”", "He left."]
        );
        assert_eq!(split("“Why?” he asked. Nobody knew."), ["“Why?” he asked.", "Nobody knew."]);
    }

    #[test]
    fn lines_headings_lists_crlf() {
        assert_eq!(split("A Heading\r\nFirst line. Second.\r\n- item one\r\n- item two"), [
            "A Heading",
            "First line.",
            "Second.",
            "- item one",
            "- item two"
        ]);
        assert_eq!(split("1. First point.\n2. Second point."), ["1. First point.", "2. Second point."]);
        // hard-wrapped line joins the paragraph
        let (p, _) = segment("The report was\nreleased on Monday.", Lexicon::default_ref());
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn country_abbreviations_before_a_capital() {
        assert_eq!(split("She works for the U.S. Government in Ohio."), ["She works for the U.S. Government in Ohio."]);
        assert_eq!(split("He flew with the U.S. Air Force for years."), ["He flew with the U.S. Air Force for years."]);
        assert_eq!(split("The U.K. Embassy in Rome closed."), ["The U.K. Embassy in Rome closed."]);
        assert_eq!(split("Lina moved to the U.S. The next year she wed."), ["Lina moved to the U.S.", "The next year she wed."]);
        assert_eq!(split("Lina moved to the U.S. Harvard hired her."), ["Lina moved to the U.S.", "Harvard hired her."]);
    }

    #[test]
    fn page_and_number_abbreviations() {
        assert_eq!(split("See p. 55 of the report."), ["See p. 55 of the report."]);
        assert_eq!(split("The No. 5 seed lost. No. 2 won."), ["The No. 5 seed lost.", "No. 2 won."]);
        // "No." as an answer ends its sentence when an opener follows
        assert_eq!(split("Did he sign? No. He walked out."), ["Did he sign?", "No.", "He walked out."]);
        assert_eq!(split("The answer was no. Officials left."), ["The answer was no.", "Officials left."]);
        assert_eq!(split("The grid sits at N°. 12 on the map."), ["The grid sits at N°. 12 on the map."]);
    }

    #[test]
    fn lists_run_into_one_line() {
        assert_eq!(split("1.) Call Ana 2.) Call Ben"), ["1.) Call Ana", "2.) Call Ben"]);
        assert_eq!(split("1) Call Ana. 2) Call Ben."), ["1) Call Ana.", "2) Call Ben."]);
        assert_eq!(split("a. Call Ana b. Call Ben c. Stop"), ["a. Call Ana", "b. Call Ben", "c. Stop"]);
        assert_eq!(split("• Call Ana • Call Ben"), ["• Call Ana", "• Call Ben"]);
        // only a sentence that opens with a marker is a list
        assert_eq!(split("The motion passed 1) quickly and 2) quietly."), ["The motion passed 1) quickly and 2) quietly."]);
        assert_eq!(split("Grade a. Then b. Then c."), ["Grade a.", "Then b.", "Then c."]);
        // the next item is looked for only close by
        let far = format!("1) {} 2) end", "word ".repeat(100));
        assert_eq!(split(&far).len(), 1);
        // a list item's number is not a sentence of its own
        assert_eq!(split("3. Fix the roof. 4. Paint it."), ["3. Fix the roof.", "4. Paint it."]);
        // sentences after the list items are still found (the terminator search is cached across item cuts)
        assert_eq!(split("1) Call Ana 2) Call Ben. He came. She did not."), ["1) Call Ana", "2) Call Ben.", "He came.", "She did not."]);
        assert_eq!(split("• a • b. Then c • d"), ["• a", "• b.", "Then c • d"]);
        let many = "• x ".repeat(5000);
        assert_eq!(split(&many).len(), 5000);
    }

    #[test]
    fn list_markers() {
        for t in ["- a", "* a", "– a", "• a", "1. a", "12) a", "1.) a", "a. a", "b) a", "• 9. a", "⁃9. a"] {
            assert!(is_list_marker_start(t), "{t:?}");
        }
        for t in ["1.5 a", "2024. a", "A. Smith", "ab. a", "-a", "•a", "", "⁃", "a.b"] {
            assert!(!is_list_marker_start(t), "{t:?}");
        }
        assert_eq!(list_marker("z) a").map(|(len, next)| (len, next.is_none())), Some((3, true)));
        assert_eq!(list_marker("999. a").map(|(len, next)| (len, next.map(|n| n.bytes().to_vec()))), Some((5, Some(b" 1000. ".to_vec()))));
    }

    #[test]
    fn spaced_and_four_dot_ellipses() {
        // three dots go on with the sentence, spaced or not
        assert_eq!(split("He paused . . . Then he went on."), ["He paused . . . Then he went on."]);
        assert_eq!(split("He paused . . . and went on."), ["He paused . . . and went on."]);
        // four dots: an ellipsis and a full stop
        assert_eq!(split("He paused . . . . Then he went on."), ["He paused . . . .", "Then he went on."]);
        assert_eq!(split("He paused…. Then he went on."), ["He paused….", "Then he went on."]);
        // a full stop then an ellipsis that opens the next sentence
        assert_eq!(split("He paused. . . . Then he went on."), ["He paused.", ". . . Then he went on."]);
        assert_eq!(split("“It ends here. . . .” Then he left."), ["“It ends here. . . .”", "Then he left."]);
        assert_eq!(split("It ends here. . . ."), ["It ends here. . . ."]);
        // a dot stuck to a word is not part of the ellipsis
        assert_eq!(split("He left. .NET won."), ["He left.", ".NET won."]);
    }

    #[test]
    fn i_and_initials() {
        assert_eq!(split("The deal was signed by Rhea and I. Then we left."), ["The deal was signed by Rhea and I.", "Then we left."]);
        assert_eq!(split("Osric I. Laine spoke."), ["Osric I. Laine spoke."]);
        assert_eq!(split("It was said by J. Moss."), ["It was said by J. Moss."]);
    }

    #[test]
    fn times_before_names_and_sentences() {
        assert_eq!(split("At 5 a.m. Mr. Lee left."), ["At 5 a.m. Mr. Lee left."]);
        assert_eq!(split("Shortly after 6 p.m. Ms. Ruiz arrived."), ["Shortly after 6 p.m. Ms. Ruiz arrived."]);
        assert_eq!(split("He left at 6 p.m. Mr. Lee stayed."), ["He left at 6 p.m.", "Mr. Lee stayed."]);
        assert_eq!(split("The vote is at 9 a.m. Monday in the hall."), ["The vote is at 9 a.m. Monday in the hall."]);
        assert_eq!(split("Polls close at 8 p.m. EST on Tuesday."), ["Polls close at 8 p.m. EST on Tuesday."]);
        assert_eq!(split("It rang at 4 a.m. Nobody answered."), ["It rang at 4 a.m.", "Nobody answered."]);
        assert_eq!(split("It rang at 4 a.m. and stopped."), ["It rang at 4 a.m. and stopped."]);
    }

    #[test]
    fn numbers_addresses_and_file_names_before_a_full_stop() {
        assert_eq!(split("Tickets cost $12.50. Fans grumbled."), ["Tickets cost $12.50.", "Fans grumbled."]);
        assert_eq!(split("Write to desk@post.example. Editors reply."), ["Write to desk@post.example.", "Editors reply."]);
        assert_eq!(split("Read it at example.org/report.pdf. Anyone can."), ["Read it at example.org/report.pdf.", "Anyone can."]);
        // abbreviations built of one- or two-letter pieces still hold
        assert_eq!(split("He met N.Y. Governor Lee."), ["He met N.Y. Governor Lee."]);
        assert_eq!(split("He holds a Ph.D. Economics was his field."), ["He holds a Ph.D.", "Economics was his field."]);
    }

    #[test]
    fn wide_stops_are_found_by_their_bytes() {
        for c in ['…', '。', '！', '？', '‼'] {
            assert!(has_wide_stop(format!("a “b” — {c} c").as_bytes()), "{c}");
        }
        assert!(!has_wide_stop("“Quotes” — dashes, ’apostrophes’ and ½".as_bytes()));
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(split("").is_empty());
        assert!(split(" \n\t\r\n ").is_empty());
        assert_eq!(split("no stop at all"), ["no stop at all"]);
        assert_eq!(split("a\u{0}b. c"), ["a\u{0}b. c"]);
        // bidi marks between sentences do not hide the boundary
        assert_eq!(split("It reopened.\u{202c} \u{200f}It may fall."), ["It reopened.", "It may fall."]);
    }
}
