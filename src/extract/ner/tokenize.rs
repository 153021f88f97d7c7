//! Raw-text tokenizer and sentence splitter producing CoNLL-like tokens with offsets.
//!
//! Rules chosen to match CoNLL-2003 tokenization so the model sees familiar tokens: hyphenated
//! words stay whole ("Jean-Luc", "Jae-in"), inner apostrophes join ("O'Brien") but the possessive
//! `'s` is split off ("Kim's" -> "Kim" "'s"), dotted initials and known abbreviations keep their
//! period ("U.S.", "J.K.", "Dec."), numbers keep inner `.`/`,` ("1,250.5"), and every other
//! punctuation char is its own token (runs such as "--" or "..." stay together). Sentences end at
//! `.`/`!`/`?` tokens followed by a capitalized token, at blank lines, and after 250 tokens.

use std::ops::Range;

/// One token: byte and character offsets into the text (half-open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte, inclusive.
    pub byte_start: usize,
    /// Last byte, exclusive.
    pub byte_end: usize,
    /// First character (Unicode scalar), inclusive.
    pub char_start: usize,
    /// Last character, exclusive.
    pub char_end: usize,
}

const MAX_SENTENCE: usize = 250;

/// Abbreviations (lowercase, without the period) whose trailing period stays on the token.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "bros", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "dept", "univ",
    "pres", "adm", "maj", "rev", "messrs", "plc", "cie", "gmbh", "mass", "calif", "fla", "tex",
];

/// Splits `text` into tokens (appended to `tokens`, which is cleared first) and sentences
/// (token index ranges appended to `sentences`, cleared first). Never fails; offsets are exact.
/// Abbreviated titles of office keep their period ("Sens. Cory Booker" is one sentence).
pub fn tokenize(text: &str, tokens: &mut Vec<Token>, sentences: &mut Vec<Range<usize>>) {
    tokenize_with(text, tokens, sentences, true);
}

/// [`tokenize`] as the shipped word clusters were learned: the titles of office that are not
/// also in the general abbreviation list ("Sens", "Reps", "Atty") end a sentence with their
/// period. Cluster learning keeps this older rule because any change to the clusters'
/// input changes every weight of the retrained model: with the newer rule, CoNLL dev F1 was
/// the same (0.9068–0.9099 over seven seeds against 0.9098) but 14,191 entity lists of the
/// Reuters, BBC and HuffPost articles changed, many of them for the worse.
pub(crate) fn tokenize_for_clusters(
    text: &str,
    tokens: &mut Vec<Token>,
    sentences: &mut Vec<Range<usize>>,
) {
    tokenize_with(text, tokens, sentences, false);
}

/// [`tokenize`], keeping the periods of `titles::ABBREVIATED` only when `titles`.
fn tokenize_with(
    text: &str,
    tokens: &mut Vec<Token>,
    sentences: &mut Vec<Range<usize>>,
    titles: bool,
) {
    tokens.clear();
    sentences.clear();
    let b = text.as_bytes();
    let mut p = 0;
    let mut sent_start = 0;
    // Token offsets in bytes first; chars are filled in one forward pass at the end.
    while p < b.len() {
        let c = char_at(text, p);
        if c.is_whitespace() {
            let mut newlines = 0;
            while p < b.len() {
                // ASCII whitespace as `char::is_whitespace` has it (with \x0B), decoded never.
                if matches!(b[p], b' ' | b'\t'..=b'\r') {
                    newlines += usize::from(b[p] == b'\n');
                    p += 1;
                    continue;
                }
                let c = char_at(text, p);
                if !c.is_whitespace() {
                    break;
                }
                p += c.len_utf8();
            }
            if newlines >= 2 && tokens.len() > sent_start {
                sentences.push(sent_start..tokens.len());
                sent_start = tokens.len();
            }
            continue;
        }
        let start = p;
        if c.is_alphanumeric() {
            p = scan_word(text, p, titles);
            // Possessive 's / ’s after a word: its own token.
            push(tokens, start, p);
            if let Some(e) = possessive_at(text, p) {
                push(tokens, p, e);
                p = e;
            }
        } else {
            p += c.len_utf8();
            if matches!(c, '-' | '.' | '=' | '*' | '_' | '~') {
                while p < b.len() && char_at(text, p) == c {
                    p += c.len_utf8();
                }
            }
            push(tokens, start, p);
            let ender = matches!(c, '.' | '!' | '?');
            if ender && next_starts_sentence(text, p) {
                sentences.push(sent_start..tokens.len());
                sent_start = tokens.len();
            }
        }
        if tokens.len() - sent_start >= MAX_SENTENCE {
            sentences.push(sent_start..tokens.len());
            sent_start = tokens.len();
        }
    }
    if tokens.len() > sent_start {
        sentences.push(sent_start..tokens.len());
    }
    fill_char_offsets(text, tokens);
}

/// The char starting at byte `p` (a char boundary), or ' ' past the end; ASCII without decoding.
#[inline]
fn char_at(text: &str, p: usize) -> char {
    match text.as_bytes().get(p) {
        Some(&b) if b < 0x80 => char::from(b),
        _ => text.get(p..).and_then(|t| t.chars().next()).unwrap_or(' '),
    }
}

fn push(tokens: &mut Vec<Token>, s: usize, e: usize) {
    tokens.push(Token {
        byte_start: s,
        byte_end: e,
        char_start: 0,
        char_end: 0,
    });
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// End of a possessive `'s` starting at `p`, if one is there.
fn possessive_at(text: &str, p: usize) -> Option<usize> {
    // Neither '\'' nor the first byte of '’' (U+2019, E2 80 99): most words end so.
    if !matches!(text.as_bytes().get(p), Some(b'\'' | 0xE2)) {
        return None;
    }
    let mut it = text[p..].char_indices();
    let (_, a) = it.next()?;
    if !is_apostrophe(a) {
        return None;
    }
    let (i, s) = it.next()?;
    if s != 's' && s != 'S' {
        return None;
    }
    match it.next() {
        Some((_, n)) if n.is_alphanumeric() => None,
        _ => Some(p + i + 1),
    }
}

/// Per byte: an ASCII letter or digit (one load per byte of a word, where the range checks
/// of `is_ascii_alphanumeric` cost several instructions).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Scans a word starting at alphanumeric `p`; returns its end. `titles` as in
/// [`tokenize_with`].
fn scan_word(text: &str, mut p: usize, titles: bool) -> usize {
    let b = text.as_bytes();
    let mut seg_start = p;
    loop {
        while p < b.len() {
            if ASCII_ALNUM[usize::from(b[p])] {
                p += 1;
                continue;
            }
            let c = char_at(text, p);
            if !c.is_alphanumeric() {
                break;
            }
            p += c.len_utf8();
        }
        if p >= b.len() {
            return p;
        }
        let j = char_at(text, p);
        let after = p + j.len_utf8();
        let next = if after < b.len() {
            char_at(text, after)
        } else {
            ' '
        };
        let prev = match p.checked_sub(1).map(|q| b[q]) {
            Some(c) if c < 0x80 => char::from(c),
            _ => text[..p].chars().next_back().unwrap_or(' '),
        };
        // Only "is the segment one char long" matters; ASCII segments need no decoding.
        let seg_len = if b[seg_start..p].is_ascii() {
            p - seg_start
        } else {
            text[seg_start..p].chars().count()
        };
        let join = match j {
            '-' | '/' => (j != '/' || prev.is_ascii_digit()) && next.is_alphanumeric(),
            '&' => prev.is_uppercase() && next.is_uppercase(),
            ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
            '.' => {
                next.is_alphanumeric()
                    && ((prev.is_ascii_digit() && next.is_ascii_digit())
                        || (seg_len == 1 && prev.is_alphabetic())
                        || next.is_lowercase())
            }
            c if is_apostrophe(c) => next.is_alphabetic() && possessive_at(text, p).is_none(),
            _ => false,
        };
        if join {
            p = after;
            seg_start = p;
            continue;
        }
        if j == '.' && keeps_period(&text[..p], seg_len, prev, titles) {
            return after;
        }
        return p;
    }
}

/// Whether a word ending before a `.` keeps it: dotted initials ("U.S", "J"), abbreviations,
/// titles of office (`titles::ABBREVIATED`: "Sens", "Atty") when `titles`.
fn keeps_period(word_so_far: &str, seg_len: usize, prev: char, titles: bool) -> bool {
    if seg_len == 1 && prev.is_alphabetic() {
        return true;
    }
    let start = word_so_far
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &word_so_far[start..];
    let titles: &[&str] = if titles {
        super::titles::ABBREVIATED
    } else {
        &[]
    };
    (2..=6).contains(&w.len())
        && ABBREVIATIONS
            .iter()
            .chain(titles)
            .any(|a| a.eq_ignore_ascii_case(w))
}

/// Whether the text after a sentence-final mark at `p` starts a new sentence.
fn next_starts_sentence(text: &str, p: usize) -> bool {
    let mut it = text[p..]
        .chars()
        .skip_while(|c| matches!(c, '"' | '\'' | ')' | '\u{201d}'));
    match it.next() {
        None => true,
        Some(c) if c.is_whitespace() => {
            let n = it.find(|c| !c.is_whitespace());
            n.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || "\"'(\u{201c}".contains(n))
        }
        _ => false,
    }
}

fn fill_char_offsets(text: &str, tokens: &mut [Token]) {
    let b = text.as_bytes();
    if b.is_ascii() {
        for t in tokens {
            (t.char_start, t.char_end) = (t.byte_start, t.byte_end);
        }
        return;
    }
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut advance = |to: usize| {
        // Counting the bytes that start a char (not 0b10xxxxxx) over a slice vectorizes.
        let to = to.clamp(byte, b.len());
        chars += b[byte..to].iter().filter(|&&x| (x as i8) >= -0x40).count();
        byte = to;
        chars
    };
    for t in tokens {
        t.char_start = advance(t.byte_start);
        t.char_end = advance(t.byte_end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let (mut t, mut s) = (Vec::new(), Vec::new());
        tokenize(text, &mut t, &mut s);
        t.iter().map(|t| &text[t.byte_start..t.byte_end]).collect()
    }

    #[test]
    fn names_abbreviations_and_possessives() {
        assert_eq!(
            words("Kim's aide met O'Brien and Jean-Luc in the U.S. on Dec. 5."),
            vec![
                "Kim", "'s", "aide", "met", "O'Brien", "and", "Jean-Luc", "in", "the", "U.S.",
                "on", "Dec.", "5", "."
            ]
        );
        // Titles of office keep their period too: "Sens." ends no sentence.
        assert_eq!(
            words("Sens. Cory Booker and Atty. Gen. Ed Meese"),
            vec!["Sens.", "Cory", "Booker", "and", "Atty.", "Gen.", "Ed", "Meese"]
        );
        // ... but not as the word clusters were learned.
        let (mut t, mut s) = (Vec::new(), Vec::new());
        let text = "Sens. Cory Booker spoke.";
        tokenize_for_clusters(text, &mut t, &mut s);
        let got: Vec<&str> = t.iter().map(|k| &text[k.byte_start..k.byte_end]).collect();
        assert_eq!(got, ["Sens", ".", "Cory", "Booker", "spoke", "."]);
        assert_eq!(s, [0..2, 2..6]);
        assert_eq!(
            words("J.K. Rowling, 1,250.5 --"),
            vec!["J.K.", "Rowling", ",", "1,250.5", "--"]
        );
        assert_eq!(
            words("the workers' union"),
            vec!["the", "workers", "'", "union"]
        );
    }

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let text = "Żaneta visited Łódź.";
        let (mut t, mut s) = (Vec::new(), Vec::new());
        tokenize(text, &mut t, &mut s);
        assert_eq!((t[2].char_start, t[2].char_end), (15, 19));
        assert_eq!(t[3].char_start, 19);
    }

    #[test]
    fn sentences_split_on_marks_and_blank_lines() {
        let text = "He left. She stayed in Dr. Lee's office.\n\nNew paragraph here";
        let (mut t, mut s) = (Vec::new(), Vec::new());
        tokenize(text, &mut t, &mut s);
        assert_eq!(s, vec![0..3, 3..11, 11..14]);
    }
}
