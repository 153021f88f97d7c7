//! Month names of the European languages that news archives are written in.
//!
//! Exists so that every date recognizer (value parser, datelines, page text) shares one table:
//! English, German (incl. Austrian "Jänner"), French, Spanish, Italian, Dutch, Portuguese and
//! the Scandinavian forms, full names and the usual abbreviations.

use std::sync::LazyLock;

/// (name, month 1..=12), lowercase. Accented and unaccented spellings are both listed because
/// pages written without a proper keyboard layout drop the accents ("fevrier", "maerz").
const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("jaenner", 1),
    ("februar", 2),
    ("feber", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    ("jän", 1),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ott", 10),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("mrt", 3),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Swedish / Danish / Norwegian
    ("maj", 5),
    ("augusti", 8),
    ("desember", 12),
    ("mars", 3),
];

/// The month (1..=12) a word names, case-insensitively, ignoring one trailing '.'
/// ("Dez." → 12, "décembre" → 12). `None` for anything else.
pub fn month_from_word(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// A regex alternation (no group) of every month name, longest first so that "Juni" is not
/// read as "Jun" + "i". Used inside case-insensitive patterns.
pub fn month_alternation() -> &'static str {
    static ALT: LazyLock<String> = LazyLock::new(|| {
        let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        names.dedup();
        names.join("|")
    });
    &ALT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_several_languages() {
        assert_eq!(month_from_word("Dezember"), Some(12));
        assert_eq!(month_from_word("Dez."), Some(12));
        assert_eq!(month_from_word("décembre"), Some(12));
        assert_eq!(month_from_word("diciembre"), Some(12));
        assert_eq!(month_from_word("März"), Some(3));
        assert_eq!(month_from_word("Jänner"), Some(1));
        assert_eq!(month_from_word("maggio"), Some(5));
        assert_eq!(month_from_word("Sept."), Some(9));
        assert_eq!(month_from_word("Mittwoch"), None);
    }

    #[test]
    fn alternation_is_longest_first() {
        let alt = month_alternation();
        assert!(alt.find("juni|").unwrap() < alt.find("jun|").unwrap());
    }
}
