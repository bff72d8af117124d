//! The UTF-16 boundary. The engine works in byte offsets; every offset in a
//! [`crate::Report`] is in UTF-16 code units, the units JavaScript strings use.
//! Conversion happens once, here, through a prefix table.

/// Maps byte offsets of one text to UTF-16 offsets.
pub struct Utf16Map {
    /// `None` for ASCII text, where the two agree. Otherwise, for every byte
    /// offset that is a char boundary, the UTF-16 offset of that position.
    table: Option<Vec<u32>>,
    len16: usize,
}

impl Utf16Map {
    pub fn new(text: &str) -> Utf16Map {
        if text.is_ascii() {
            return Utf16Map { table: None, len16: text.len() };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut u = 0u32;
        for (i, c) in text.char_indices() {
            // Bytes inside a char map to the char's start (never read for valid spans).
            for b in 0..c.len_utf8() {
                table[i + b] = u;
            }
            u += c.len_utf16() as u32;
        }
        table[text.len()] = u;
        Utf16Map { table: Some(table), len16: u as usize }
    }

    /// UTF-16 offset of byte offset `b` (clamped to the text).
    pub fn at(&self, b: usize) -> usize {
        match &self.table {
            None => b.min(self.len16),
            Some(t) => t[b.min(t.len() - 1)] as usize,
        }
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
}
