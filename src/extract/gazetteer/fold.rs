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

/// The exact-value key the index stores for an entity name: [`fold`]ed (lower case, no accents)
/// and whitespace-collapsed (runs of Unicode whitespace become one space, ends trimmed).
/// Punctuation is kept: "U.S." and "US" stay distinct here (use canonical names for that).
pub fn exact_key(name: &str) -> String {
    // ASCII names (nearly all) are lower-cased while they are copied: no folded copy first.
    let folded;
    let source = if name.is_ascii() {
        name
    } else {
        folded = fold(name);
        folded.as_str()
    };
    let mut out = String::with_capacity(source.len());
    for word in source.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// The gazetteer lookup key: [`fold`]ed, then periods and apostrophes removed ("U.S." → "us",
/// "Côte d'Ivoire" → "cote divoire"), every other non-alphanumeric character treated as a space
/// ("el-salvador" → "el salvador", "Korea, Republic of" → "korea republic of"), spaces collapsed.
pub fn lookup_key(name: &str) -> String {
    if name.is_ascii() {
        // Folding ASCII is lower-casing, done on the way: no folded copy first.
        key_of_folded(name.chars().map(|c| c.to_ascii_lowercase()), name.len())
    } else {
        let folded = fold(name);
        key_of_folded(folded.chars(), folded.len())
    }
}

/// [`lookup_key`] of the chars of an already [`fold`]ed name (`len` bytes long).
fn key_of_folded(folded: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
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
    out
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
