//! Text folding shared by the gazetteer and entity merging: accent folding, case folding and the
//! two keys built from them. It exists so that "São Paulo", "SAO PAULO" and "sao  paulo" meet in
//! one hash bucket without any per-call regex or allocation beyond the output string.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Letters that Unicode decomposition does not split into base + mark but that readers treat as
/// accented Latin letters.
fn special_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        // Typographic apostrophes and quotes fold to ASCII so "O’Brien" equals "O'Brien".
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '´' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => "-",
        _ => return None,
    })
}

/// Lower-cases `s` and strips diacritics (NFD, then drop combining marks; plus a few letters such
/// as ß→ss, ø→o, ł→l that do not decompose). Non-Latin scripts pass through lower-cased.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return out;
    }
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if let Some(rep) = special_fold(c) {
            out.push_str(rep);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The key entities of one article merge by: [`fold`]ed (lower case, no accents) and
/// whitespace-collapsed (runs of Unicode whitespace become one space, ends trimmed).
/// Punctuation is kept: "U.S." and "US" stay distinct here. The index's key,
/// `index::schema::exact_key`, folds full stops, commas and hyphens on top of this one.
pub fn exact_key(name: &str) -> String {
    if name.is_ascii() {
        // Nearly all names: folding is lower-casing, done in place on the collapsed copy.
        let mut out = collapse_whitespace(name);
        out.make_ascii_lowercase();
        out
    } else {
        collapse_whitespace(&fold(name))
    }
}

/// `s` with runs of whitespace collapsed to one space and the ends trimmed (no case change).
pub fn collapse_whitespace(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether [`collapse_whitespace`] would return `s` unchanged, checked byte by byte for
/// ASCII text (most names: one word, or words with single spaces) so that it is only copied.
fn is_collapsed(s: &str) -> bool {
    // A space before the first byte: a leading space counts as a run.
    let mut prev = b' ';
    for &b in s.as_bytes() {
        // One range test passes ASCII above ' ' (nearly every byte of a name); only spaces,
        // control and non-ASCII bytes take the three below. This runs for every entity key.
        if b.wrapping_sub(b'!') <= 0x7F - b'!' {
            prev = b;
            continue;
        }
        // ASCII whitespace as `char::is_whitespace` knows it: \t \n \x0B \x0C \r and space.
        if !b.is_ascii() || matches!(b, b'\t'..=b'\r') || (b == b' ' && prev == b' ') {
            return false;
        }
        prev = b;
    }
    prev != b' '
}

/// The gazetteer lookup key: [`fold`]ed, then periods and apostrophes removed ("U.S." → "us",
/// "Côte d'Ivoire" → "cote divoire"), every other non-alphanumeric character treated as a space
/// ("el-salvador" → "el salvador", "Korea, Republic of" → "korea republic of"), spaces collapsed.
pub fn lookup_key(name: &str) -> String {
    if name.is_ascii() {
        ascii_lookup_key(name)
    } else {
        let folded = fold(name);
        let mut out = String::with_capacity(folded.len());
        push_key_chars(&mut out, folded.chars());
        out
    }
}

/// [`lookup_key`] of an ASCII name, byte by byte: folding ASCII is lower-casing, done on the
/// way, with no folded copy first. The same steps as [`push_key_chars`], for the names (nearly
/// all) where a byte is a char.
fn ascii_lookup_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for b in name.bytes() {
        if b == b'.' || b == b'\'' {
            continue;
        }
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            pending_space = true;
        }
    }
    out
}

/// Appends the [`lookup_key`] of the chars of an already [`fold`]ed name to `out`.
fn push_key_chars(out: &mut String, folded: impl Iterator<Item = char>) {
    let mut pending_space = false;
    for c in folded {
        if c == '.' || c == '\'' {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ASCII Only"), "ascii only");
        assert_eq!(fold("Hà Nội"), "ha noi");
    }

    #[test]
    fn exact_key_collapses_whitespace_keeps_punctuation() {
        assert_eq!(exact_key("  São\tPaulo \n"), "sao paulo");
        assert_eq!(exact_key("sao paulo"), exact_key("SÃO PAULO"));
        assert_eq!(exact_key("U.S."), "u.s.");
    }

    #[test]
    fn lookup_key_ignores_punctuation() {
        assert_eq!(lookup_key("U.S.A."), "usa");
        assert_eq!(lookup_key("el-salvador"), "el salvador");
        assert_eq!(lookup_key("Korea, Republic of"), "korea republic of");
        assert_eq!(lookup_key("Côte d’Ivoire"), "cote divoire");
        assert_eq!(lookup_key("  --  "), "");
    }
}
