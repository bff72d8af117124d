//! Is the text English? claimlens reads English news; on other languages its
//! rules find little or the wrong things, so the report says so in
//! `warnings` (issue 16, item 7). One pass over the text:
//! - letters: when letters outside the Latin script (Japanese, Chinese,
//!   Cyrillic, Arabic …) outnumber Latin ones, and there are at least 20;
//! - otherwise words: when the common function words of Spanish, French,
//!   German, Italian, Portuguese or Dutch ("que", "les", "und") are at least
//!   twice as many as English ones ("the", "of", "said"), with 8 at least.
//!
//! A few foreign names or a quoted phrase in an English article change
//! neither count much. Only the first 8 KB are read (`SAMPLE`).

pub const NOT_ENGLISH: &str = "claimlens reads English news. This text does not look like English, so its results may be wrong.";

const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "is", "that", "for", "it", "was", "on", "with", "as", "by", "at", "from", "this", "be", "are", "have", "has", "said", "he", "she", "they", "will", "not", "an", "or", "which", "were", "but", "his", "her", "their", "would", "been", "who",
];

const OTHER: &[&str] = &[
    // Spanish
    "de", "la", "en", "el", "los", "las", "del", "que", "por", "con", "una", "para", "es", "y", "se", "su", "lo", "más", "pero", "dijo", "fue", "como",
    // French
    "le", "les", "des", "et", "du", "est", "une", "pour", "qui", "dans", "pas", "au", "sur", "avec", "sont", "ont", "ce", "cette",
    // German
    "und", "der", "die", "das", "für", "nach", "bei", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "von", "sich", "auf", "dem", "im", "auch", "wird", "sagte",
    // Italian, Portuguese, Dutch
    "il", "di", "che", "per", "non", "della", "sono", "não", "em", "os", "uma", "het", "een", "van", "niet", "zijn", "ook",
];

fn latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Only the first this many bytes are read: enough to tell a language, and
/// a 16 MB paste costs no more than a long article.
const SAMPLE: usize = 8 * 1024;

/// The warning for `text`, when it does not look like English.
pub fn warning(text: &str) -> Option<&'static str> {
    let cut = (0..=SAMPLE.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let text = &text[..cut];
    let (mut lat, mut non) = (0usize, 0usize);
    let (mut en, mut other) = (0usize, 0usize);
    let mut word = String::new();
    let mut count = |w: &str| {
        if w.len() > 6 {
            return;
        }
        if ENGLISH.contains(&w) {
            en += 1;
        } else if OTHER.contains(&w) {
            other += 1;
        }
    };
    for c in text.chars() {
        if latin(c) {
            lat += 1;
            if word.len() < 16 {
                word.extend(c.to_lowercase());
            }
            continue;
        }
        if c.is_alphabetic() {
            non += 1;
        }
        if !word.is_empty() {
            count(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        count(&word);
    }
    let not_english = (non >= 20 && non > lat) || (en + other >= 8 && other >= 2 * en);
    not_english.then_some(NOT_ENGLISH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_spanish_get_the_warning() {
        let ja = "東京都は火曜日、新しい橋の建設を始めると発表した。関係者によると、費用は約三十億円になる見通しだという。";
        assert_eq!(warning(ja), Some(NOT_ENGLISH));
        let es = "El ayuntamiento de Varnel anunció el martes que cerrará los transbordadores nocturnos en marzo, según dijo la alcaldesa. La medida ahorrará dinero para las bibliotecas.";
        assert_eq!(warning(es), Some(NOT_ENGLISH));
        let de = "Die Stadt Varnel wird die Nachtfähren im März einstellen, sagte die Bürgermeisterin am Dienstag. Das Geld ist für die Bibliotheken.";
        assert_eq!(warning(de), Some(NOT_ENGLISH));
    }

    #[test]
    fn english_stays_silent_even_with_foreign_words() {
        let en = "The city of Varnel will stop its night ferries in March, the mayor said on Tuesday. She called the plan, known locally as “el corte de la noche”, the least bad choice.";
        assert_eq!(warning(en), None);
        let en_ja = "The company, 東京電力 (Tokyo Electric Power), said the plant was safe and that it would publish its figures on Friday.";
        assert_eq!(warning(en_ja), None);
        // too short to tell
        assert_eq!(warning("Hola."), None);
        assert_eq!(warning(""), None);
    }

    #[test]
    fn the_report_carries_it() {
        let r = crate::analyze("東京都は火曜日、新しい橋の建設を始めると発表した。関係者によると、費用は約三十億円になる見通しだという。", &crate::Options::default());
        assert!(r.warnings.iter().any(|w| w == NOT_ENGLISH), "{:?}", r.warnings);
        let r = crate::analyze("Officials said the bridge reopened on Monday after two weeks of repairs.", &crate::Options::default());
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }
}
