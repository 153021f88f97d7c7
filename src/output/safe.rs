//! Text from articles and file names made safe to print on a terminal.
//!
//! Titles, snippets, entity names and paths come from files anyone can write. Printed raw, an
//! escape sequence in them can recolour, clear or retitle the user's terminal, a bidi override
//! can reorder what is shown, and a newline in a Reuters title breaks a hit's layout. JSON
//! output escapes all of this itself; text output goes through here.
//!
//! Each function maps one character to one character, so character offsets computed on the
//! original text (snippet highlights) stay valid.

use std::borrow::Cow;

/// Shown in place of a character that would act on the terminal instead of being shown.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Line breaks and tabs in all their forms: shown as a space on a one-line field.
fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters a terminal acts on: C0 and C1 controls, DEL, and the bidi embedding, override
/// and isolate controls (Unicode UAX #9: U+202A–U+202E, U+2066–U+2069).
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` for a one-line field: breaks and tabs become spaces, other controls U+FFFD.
pub fn line(s: &str) -> Cow<'_, str> {
    map(s, |c| {
        if is_break(c) {
            ' '
        } else if is_unsafe(c) {
            REPLACEMENT
        } else {
            c
        }
    })
}

/// `s` for a block of text (an article's body): newlines and tabs stay, a CRLF becomes a
/// newline and so does any other break, other controls U+FFFD. Unlike [`line`], not one
/// character for one.
pub fn block(s: &str) -> Cow<'_, str> {
    let s: Cow<'_, str> = if s.contains("\r\n") {
        Cow::Owned(s.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(s)
    };
    let f = |c| match c {
        '\n' | '\t' => c,
        _ if is_break(c) => '\n',
        _ if is_unsafe(c) => REPLACEMENT,
        _ => c,
    };
    let changed = match map(&s, f) {
        Cow::Owned(o) => Some(o),
        Cow::Borrowed(_) => None,
    };
    changed.map_or(s, Cow::Owned)
}

fn map(s: &str, f: impl Fn(char) -> char) -> Cow<'_, str> {
    if s.chars().all(|c| f(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(f).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_breaks_cannot_reach_the_terminal() {
        let title = "Title with \x1b[31mRED\x1b[0m and tab\there\rCR\x07bell";
        assert_eq!(
            line(title),
            "Title with \u{FFFD}[31mRED\u{FFFD}[0m and tab here CR\u{FFFD}bell"
        );
        assert_eq!(
            line("COMPROMISE ON\n IADB REFORMS"),
            "COMPROMISE ON  IADB REFORMS"
        );
        assert_eq!(line("abc\u{202E}fed"), "abc\u{FFFD}fed");
        assert_eq!(
            line("a\u{2028}b\u{85}c\u{9b}d\u{7f}"),
            "a b c\u{FFFD}d\u{FFFD}"
        );
        assert_eq!(
            block("one\r\ntwo\rthree\x1b]0;pwned\x07"),
            "one\ntwo\nthree\u{FFFD}]0;pwned\u{FFFD}"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed_and_lengths_in_characters_kept() {
        assert!(matches!(line("Zürich — 東京 'cocoa'"), Cow::Borrowed(_)));
        assert!(matches!(block("two\nlines\tand a tab"), Cow::Borrowed(_)));
        let raw = "a\u{0}b\nc\u{202A}d";
        assert_eq!(line(raw).chars().count(), raw.chars().count());
    }
}
