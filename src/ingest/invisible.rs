//! Zero-width characters taken out of article text before anything reads it.
//!
//! Web copies of wire stories carry invisible characters: ZERO WIDTH SPACE (U+200B) where a
//! CMS allowed a line break, WORD JOINER (U+2060) and stray byte-order marks (U+FEFF) from
//! pasted text. No reader sees them, but they glue words for every pattern after ingest
//! ("Sen.\u{200b}Cory Booker", "Mass.,\u{200b}March 23" hid a dateline and its date). A zero
//! width space marks a break between words and becomes a space; the other two join and go.
//! ZERO WIDTH (NON-)JOINER (U+200C, U+200D) stay: they shape emoji and Persian or Indic words.

/// Replaces U+200B with a space and removes U+2060 and U+FEFF in `s`; returns whether `s`
/// changed. Text without them (nearly all) costs one `memchr2` pass and no copy.
pub fn strip_invisible(s: &mut String) -> bool {
    if !has_invisible(s.as_bytes()) {
        return false;
    }
    *s = s
        .chars()
        .filter(|&c| c != '\u{2060}' && c != '\u{feff}')
        .map(|c| if c == '\u{200b}' { ' ' } else { c })
        .collect();
    true
}

/// Whether UTF-8 `b` holds U+200B (E2 80 8B), U+2060 (E2 81 A0) or U+FEFF (EF BB BF). Curly
/// quotes and dashes share the lead byte 0xE2, so each candidate's next two bytes decide.
fn has_invisible(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xE2, 0xEF, b).any(|i| {
        matches!(
            b.get(i..i + 3),
            Some([0xE2, 0x80, 0x8B] | [0xE2, 0x81, 0xA0] | [0xEF, 0xBB, 0xBF])
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_width_spaces_become_spaces_and_joiners_go() {
        let mut s =
            "Sen.\u{200b}Cory Booker\u{2060}s\u{feff} said \u{2014} “ok” 👩\u{200d}🔬".to_string();
        assert!(strip_invisible(&mut s));
        assert_eq!(s, "Sen. Cory Bookers said \u{2014} “ok” 👩\u{200d}🔬");
        // Other characters with the same lead bytes are no reason to copy.
        let mut s = "a \u{2014} b \u{ff01}".to_string();
        assert!(!strip_invisible(&mut s));
        assert_eq!(s, "a \u{2014} b \u{ff01}");
    }
}
