//! Invisible characters and unusual spaces made plain before anything reads article text.
//!
//! Web copies of wire stories carry characters a reader never notices: ZERO WIDTH SPACE
//! (U+200B) where a CMS allowed a line break, WORD JOINER (U+2060) and stray byte-order marks
//! (U+FEFF) from pasted text, and no-break, narrow no-break and thin spaces (U+00A0, U+202F,
//! U+2000–U+200A, U+205F) where the wire had plain spaces. Every pattern after ingest reads
//! a space as ' ': "Sen.\u{200b}Cory Booker" glued a title to a name, and "NEW\u{a0}YORK,
//! March 3, 1987" hid a dateline and its date. The spaces become ' ' (one char for one, so no
//! offset moves); a zero-width space becomes ' ' too, between words, and goes next to
//! whitespace; the joiners go. ZERO WIDTH (NON-)JOINER (U+200C, U+200D) stay: they shape
//! emoji and Persian or Indic words. CJK text keeps its IDEOGRAPHIC SPACE (U+3000).

/// Makes the characters of the module docs plain in `s`; returns whether `s` changed. Text
/// without them (nearly all) costs one `memchr3` pass and no copy.
pub fn plain_spaces(s: &mut String) -> bool {
    if !has_unusual(s.as_bytes()) {
        return false;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{2060}' | '\u{feff}' => {}
            '\u{200b}' => {
                let next_space = chars
                    .peek()
                    .is_none_or(|n| n.is_whitespace() || *n == '\u{200b}');
                if !out.ends_with(char::is_whitespace) && !out.is_empty() && !next_space {
                    out.push(' ');
                }
            }
            c if is_unusual_space(c) => out.push(' '),
            c => out.push(c),
        }
    }
    *s = out;
    true
}

/// The space separators that become ' ' (see the module docs).
fn is_unusual_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}'
    )
}

/// Whether UTF-8 `b` holds one of the characters of the module docs: U+00A0 is C2 A0,
/// U+2000–U+200B E2 80 80–8B, U+202F E2 80 AF, U+205F and U+2060 E2 81 9F–A0, U+FEFF
/// EF BB BF. Curly quotes, dashes and Latin-1 signs share the lead bytes, so each
/// candidate's next bytes decide.
fn has_unusual(b: &[u8]) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| match b.get(i..(i + 3).min(b.len())) {
        Some([0xC2, 0xA0, ..]) => true,
        Some([0xE2, 0x80, x]) => (0x80..=0x8B).contains(x) || *x == 0xAF,
        Some([0xE2, 0x81, x]) => (0x9F..=0xA0).contains(x),
        Some([0xEF, 0xBB, 0xBF]) => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusual_spaces_become_spaces_and_joiners_go() {
        let mut s =
            "Sen.\u{200b}Cory Booker\u{2060}s\u{feff} said \u{2014} “ok” 👩\u{200d}🔬".to_string();
        assert!(plain_spaces(&mut s));
        assert_eq!(s, "Sen. Cory Bookers said \u{2014} “ok” 👩\u{200d}🔬");
        let mut s =
            "NEW\u{a0}YORK,\u{202f}March\u{2009}3 \u{200b}x\u{200b}\u{200b}y\u{200b}".to_string();
        assert!(plain_spaces(&mut s));
        assert_eq!(s, "NEW YORK, March 3 x y");
        // Other characters with the same lead bytes are no reason to copy.
        let mut s = "a \u{2014} b \u{ff01} © 1° ‘q’ \u{3000}".to_string();
        let before = s.clone();
        assert!(!plain_spaces(&mut s));
        assert_eq!(s, before);
    }
}
