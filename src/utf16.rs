//! The UTF-16 boundary. The engine works in byte offsets; every offset in a
//! [`crate::Report`] is in UTF-16 code units, the units JavaScript strings use.
//! Conversion happens once, here, through a prefix table.
//!
//! The table holds the UTF-16 offset at the start of every 32-byte block; an
//! offset inside a block is found by counting the few bytes before it (each
//! byte that starts a character counts one unit, a four-byte character two).
//! ASCII text needs no table at all.

const BLOCK: usize = 32;

/// Maps byte offsets of one text to UTF-16 offsets.
pub struct Utf16Map<'a> {
    bytes: &'a [u8],
    /// UTF-16 offset at the start of each block; empty for ASCII text.
    table: Vec<u32>,
    /// Whether each block is all ASCII: then an offset inside it needs no counting.
    ascii: Vec<bool>,
    len16: usize,
}

/// UTF-16 units in at most one block of bytes.
#[inline]
fn units(bytes: &[u8]) -> usize {
    // A block holds at most 33 units, so a u8 count does not overflow and
    // lets the compiler count many bytes at once.
    let mut n = 0u8;
    for &b in bytes {
        n += ((b & 0xC0) != 0x80) as u8 + (b >= 0xF0) as u8;
    }
    n as usize
}

/// UTF-16 units of a string: one per character, two for one of four bytes;
/// counted on bytes, 32 at a time, which the compiler vectorizes.
pub fn len_utf16(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.as_bytes().chunks(BLOCK).map(units).sum()
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Utf16Map<'a> {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return Utf16Map { bytes, table: Vec::new(), ascii: Vec::new(), len16: bytes.len() };
        }
        let mut table = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut ascii = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut u = 0usize;
        for chunk in bytes.chunks(BLOCK) {
            table.push(u as u32);
            // most blocks of English text are ASCII, even with curly quotes about
            let a = chunk.is_ascii();
            ascii.push(a);
            u += if a { chunk.len() } else { units(chunk) };
        }
        Utf16Map { bytes, table, ascii, len16: u }
    }

    /// UTF-16 offset of byte offset `b`, which must be a char boundary
    /// (clamped to the text).
    pub fn at(&self, b: usize) -> usize {
        let b = b.min(self.bytes.len());
        if self.table.is_empty() {
            return b;
        }
        let block = b / BLOCK;
        if block >= self.table.len() {
            return self.len16;
        }
        let within = b - block * BLOCK;
        self.table[block] as usize + if self.ascii[block] { within } else { units(&self.bytes[block * BLOCK..b]) }
    }

    /// Length of the text in UTF-16 code units.
    pub fn len(&self) -> usize {
        self.len16
    }

    pub fn is_empty(&self) -> bool {
        self.len16 == 0
    }
}

/// Slice a string by UTF-16 offsets (for tests and checks). `None` when the
/// offsets split a surrogate pair or fall outside the text.
pub fn slice_utf16(text: &str, start: usize, end: usize) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    if start > end || end > units.len() {
        return None;
    }
    String::from_utf16(&units[start..end]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_lengths_in_utf16_units() {
        for t in ["", "abc", "a😀é—b", "“quoted” ’s", &"x😀é".repeat(40), "עברית 𝕏"] {
            assert_eq!(len_utf16(t), t.encode_utf16().count(), "{t:?}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let m = Utf16Map::new("abc");
        assert_eq!((m.at(0), m.at(3), m.len()), (0, 3, 3));
    }

    #[test]
    fn astral_and_multibyte() {
        let s = "a😀é—b";
        let m = Utf16Map::new(s);
        // a=1 byte/1 unit, 😀=4 bytes/2 units, é=2/1, —=3/1
        assert_eq!(m.at(1), 1);
        assert_eq!(m.at(5), 3);
        assert_eq!(m.at(7), 4);
        assert_eq!(m.at(10), 5);
        assert_eq!(m.len(), 6);
        assert_eq!(slice_utf16(s, 1, 3).as_deref(), Some("😀"));
        assert_eq!(slice_utf16(s, 1, 2), None);
    }

    #[test]
    fn agrees_with_encode_utf16_across_blocks() {
        let s = "ab😀cdé—".repeat(40) + "x";
        let m = Utf16Map::new(&s);
        for (i, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            assert_eq!(m.at(i), s[..i].encode_utf16().count(), "byte {i}");
        }
    }
}
