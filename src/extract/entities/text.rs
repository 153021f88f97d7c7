//! Small string helpers shared by the person, place and org cleaners: trimming a mention to its
//! core while tracking how many characters were cut (so entity offsets point at the name, not
//! at "President" or "'s"), possessive removal and tidy title-casing.

// FxHash: short keys looked up for every word of every mention.
use crate::article::{EntityKind, Mention};
use rustc_hash::FxHashMap as HashMap;

/// A cleaned mention: the name and the character offsets (half-open, into the article text) of
/// the part of the original mention it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Core {
    /// The cleaned name, internal whitespace collapsed to single spaces.
    pub name: String,
    /// First character of the core, inclusive.
    pub start: usize,
    /// Last character of the core, exclusive.
    pub end: usize,
}

/// Characters trimmed from both ends of every mention: quotes, brackets and clause punctuation.
fn is_edge_punct(c: char) -> bool {
    // Besides punctuation: `<`/`>` of Reuters ticker markup ("<GM>"), and anything that is
    // neither a letter, a digit nor a name's own punctuation (emoji, bidi and other format
    // characters that scraped text carries: "\u{202c} Cairo", "🔥 Headline 🔥"). A `match`,
    // not a search in a string of these characters: this runs for both ends of every mention.
    matches!(
        c,
        '"' | '“'
            | '”'
            | '‘'
            | '’'
            | '\''
            | '«'
            | '»'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '*'
            | '|'
            | '/'
            | '\\'
            | '·'
            | '•'
            | '–'
            | '—'
            | '-'
            | '_'
            | '<'
            | '>'
    ) || !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '&' | '\'' | '’' | '-'))
}

/// Byte range of `s` after trimming whitespace and edge punctuation; a trailing '.' is trimmed too
/// unless it closes an abbreviation the caller wants (`keep_dot` decides on the last word).
pub fn trim_range(
    s: &str,
    mut lo: usize,
    mut hi: usize,
    keep_dot: impl Fn(&str) -> bool,
) -> (usize, usize) {
    loop {
        let before = (lo, hi);
        let t = &s[lo..hi];
        if let Some(c) = t
            .chars()
            .next()
            .filter(|&c| c.is_whitespace() || is_edge_punct(c))
        {
            lo += c.len_utf8();
        }
        let t = &s[lo..hi];
        if let Some(c) = t.chars().next_back() {
            // The last word is looked for only behind a '.', the one case that asks about it.
            let last_word = || t.rsplit(char::is_whitespace).next().unwrap_or(t);
            // A closing bracket stays when it closes one inside the name: "Yamaichi
            // International (Europe)" of "... (Europe) Ltd", once the legal form is gone.
            let closes_inner =
                matches!(c, ')' | ']') && unmatched_opener(&t[..t.len() - 1]).is_some();
            if c.is_whitespace()
                || (is_edge_punct(c) && !closes_inner)
                || (c == '.' && !keep_dot(last_word()))
            {
                hi -= c.len_utf8();
            }
        }
        if (lo, hi) == before || lo >= hi {
            return (lo, hi.max(lo));
        }
    }
}

/// Byte length to cut from the end of `s` to drop an English possessive: "Biden's" → 2,
/// "Reuters’" (curly) → 3 bytes, "Jones'" → 1; 0 when there is none. "O'Brien" is untouched.
pub fn possessive_len(s: &str) -> usize {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            return suffix.len();
        }
    }
    for suffix in ["s'", "s’"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            return suffix.len() - 1;
        }
    }
    0
}

/// Whether `word` (any case) is a preposition, conjunction or article that joins the words
/// of a phrase but neither opens nor ends a name: "and", "of", "the", "to", "with" ("A" is
/// left out: Norwegian "A/S" firms end in it).
pub(super) fn is_glue_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Calls `f` with the UTF-8 bytes of `word` as the title and legal-form tables list it:
/// lower-cased, dots and commas removed ("Gov." → "gov", "Corp.," → "corp"). Short ASCII
/// words, nearly all of them, are keyed on the stack: these lookups run for every word of every
/// name. Bytes, not `&str`, because turning the stack buffer back into a `&str` (validating
/// it) cost as much as the rest of the lookup; the tables compare bytes.
pub fn with_table_key<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 24];
    if word.len() <= buf.len() && word.is_ascii() {
        let mut n = 0;
        for &c in word.as_bytes() {
            if c != b'.' && c != b',' {
                buf[n] = c.to_ascii_lowercase();
                n += 1;
            }
        }
        return f(&buf[..n]);
    }
    let key: String = word
        .chars()
        .filter(|&c| c != '.' && c != ',')
        .flat_map(char::to_lowercase)
        .collect();
    f(key.as_bytes())
}

/// Word classes of [`is_not_a_name`], as bits.
const CALENDAR: u8 = 1;
const AWARD: u8 = 2;
const HOLIDAY: u8 = 4;
const NEW: u8 = 8;
const YEAR: u8 = 16;

/// Table keys ([`with_table_key`]) of the words [`is_not_a_name`] looks for, with their classes:
/// month and weekday names and abbreviations, awards alone (not "Bafta": it is also the academy
/// that gives them), holidays, and "New Year".
fn word_classes() -> &'static HashMap<&'static [u8], u8> {
    static MAP: std::sync::OnceLock<HashMap<&'static [u8], u8>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let calendar = "jan feb mar apr jun jul aug sep sept oct nov dec january february march \
            june july august september october november december mon tue tues wed thu thur \
            thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday";
        let awards = "emmy emmys grammy grammys oscar oscars";
        let holidays = "christmas diwali easter eid hanukkah ramadan thanksgiving";
        let mut map = HashMap::default();
        for (words, class) in [
            (calendar, CALENDAR),
            (awards, AWARD),
            (holidays, HOLIDAY),
            ("new", NEW),
            ("year", YEAR),
        ] {
            for w in words.split_whitespace() {
                *map.entry(w.as_bytes()).or_insert(0) |= class;
            }
        }
        map
    })
}

/// Whether a person or organization mention is table or calendar residue rather than a
/// name: its first word is a bare number ("1,337 Bank" from a column of figures), a word is a
/// figure with a decimal point or thousands separator or a "--" gap, or it is one
/// month or weekday name or abbreviation ("Feb", "Tues.", "Fri Nov"), an award alone ("won an
/// Oscar": person "Oscar" in 75 BBC articles), or a holiday ("Easter", "Lunar New Year",
/// "Christmas Eve"). So is a mention across a table's column gap (three spaces or a tab:
/// "Natl   Loan           Release", a table's header in Reuters-21578), or a Roman numeral
/// alone ("II" of "Reserves I, II and III"), which the recognizer's own rule drops before a
/// split at commas makes it. A line break and the next line's indent are no gap: a name may
/// run onto the next line of wire copy ("Ronald\n    Ho").
pub fn is_not_a_name(mention: &str) -> bool {
    if has_column_gap(mention) {
        return true;
    }
    let trimmed = mention.trim();
    if crate::extract::ner::is_roman_numeral(trimmed) {
        return true;
    }
    let first = mention.split_whitespace().next().unwrap_or("");
    let bare = first.trim_matches(|c: char| !c.is_alphanumeric());
    if !bare.is_empty()
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return true;
    }
    if mention.split_whitespace().any(is_table_cell) {
        return true;
    }
    // Which list each word is in, by its table key on the stack: this runs for every person
    // and organization mention.
    let class = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        with_table_key(w, |k| word_classes().get(k).copied().unwrap_or(0))
    };
    let mut back = mention.split_whitespace().rev();
    let (last, before) = (class(back.next().unwrap_or("")), back.next().map(class));
    match before {
        None => last & (CALENDAR | AWARD | HOLIDAY) != 0,
        // "Fri Nov" (a date line), "Lunar New Year", "Christmas Eve".
        Some(before) => {
            (before & NEW != 0 && last & YEAR != 0)
                || (back.next().is_none() && before & HOLIDAY != 0)
                || (last & before & CALENDAR != 0 && back.all(|w| class(w) & CALENDAR != 0))
        }
    }
}

/// Whether `mention` holds a gap between a table's columns within one line: a tab, or three
/// spaces or more with no line break among them.
fn has_column_gap(mention: &str) -> bool {
    let bytes = mention.as_bytes();
    if !bytes.contains(&b'\t') && memchr::memmem::find(bytes, b"   ").is_none() {
        return false;
    }
    bytes.split(|&b| b == b'\n' || b == b'\r').any(|line| {
        let line = line.trim_ascii();
        line.contains(&b'\t') || memchr::memmem::find(line, b"   ").is_some()
    })
}

/// Nouns that a name before them makes the name of a thing, not of its namesake: the
/// "Richter scale" (a person in 14 Reuters-21578, BBC and HuffPost articles), "Alzheimer's
/// disease", a "Ponzi scheme", "Asperger syndrome". A company's scheme is its project ("the
/// ExxonMobil scheme"), so "scheme" counts only after a person.
const EPONYM_NOUNS: &[&str] = &["disease", "scale", "scheme", "syndrome"];

/// Whether the one-word name of kind `kind` that ends at char `end` of a text (`char_at`
/// gives its chars) names a thing after its namesake: its possessive or a space, then one
/// of [`EPONYM_NOUNS`], in any case.
pub fn names_a_thing(
    char_at: &dyn Fn(usize) -> Option<char>,
    end: usize,
    kind: EntityKind,
) -> bool {
    let mut at = end;
    if matches!(char_at(at), Some('\'' | '\u{2019}')) && char_at(at + 1) == Some('s') {
        at += 2;
    }
    // A space, or a line break with the next line's indent ("Richter\n    scale").
    let mut gap = 0;
    while char_at(at + gap).is_some_and(|c| c == ' ' || c == '\n' || c == '\r') && gap < 8 {
        gap += 1;
    }
    if gap == 0 {
        return false;
    }
    let mut word = String::new();
    while let Some(c) = char_at(at + gap + word.len()).filter(char::is_ascii_alphabetic) {
        if word.len() > 8 {
            return false;
        }
        word.push(c.to_ascii_lowercase());
    }
    EPONYM_NOUNS.contains(&word.as_str()) && (kind == EntityKind::Person || word != "scheme")
}

/// Whether `word` is a cell of a results table, never part of a name: a figure with a decimal
/// point or thousands separator ("1.24", "3,137,000", "(538,750)") or a "--" column gap.
/// Mentions run over table rows ("Oats 1.24 0.99 V 1.65 -- Barley").
pub fn is_table_cell(word: &str) -> bool {
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return word.len() >= 2 && word.bytes().all(|b| b == b'-');
    }
    let figure = word.trim_matches(|c: char| !c.is_ascii_digit());
    (word.len() >= 2 && word.chars().all(|c| c == '-'))
        || (figure.contains(['.', ','])
            && figure
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && figure.chars().filter(char::is_ascii_digit).count() >= 2)
}

/// The last word of a multi-word mention without edge punctuation or a possessive
/// ("Federal Reserve's," → "Reserve"); `None` for a one-word mention.
pub fn last_word(mention: &str) -> Option<&str> {
    let (_, last) = mention.trim().rsplit_once(char::is_whitespace)?;
    let last = last.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let last = &last[..last.len() - possessive_len(last)];
    Some(last.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// Builds a [`Core`] from byte range `lo..hi` of `mention` (which starts at character
/// `mention_start` of the article), collapsing internal whitespace, with its brackets
/// balanced: the name ends before a bracket it never closes ("Fed (Federal Reserve Board" →
/// "Fed"), and a name with a closing bracket it never opened keeps no bracket ("(International
/// Monetary) Fund", an editor's insertion in a quote whose "(" was edge punctuation →
/// "International Monetary Fund"; so does one that opens on a small word, "Bank (of
/// England").
pub fn core(mention: &str, mention_start: usize, lo: usize, mut hi: usize) -> Core {
    let mut completed = false;
    if let Some(open) = unmatched_opener(&mention[lo..hi]) {
        // "the Bank (of England)": an editor completing a name starts with a small word.
        completed = mention[lo + open + 1..hi]
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let kept = mention[lo..lo + open].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        if !completed && !kept.is_empty() {
            hi = lo + kept.len();
        }
    }
    let start = mention_start + mention[..lo].chars().count();
    let end = start + mention[lo..hi].chars().count();
    let span = &mention[lo..hi];
    let name = if completed || has_unmatched_closer(span) {
        let unbracketed: String = span
            .chars()
            .map(|c| {
                if matches!(c, '(' | ')' | '[' | ']') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        crate::extract::gazetteer::fold::collapse_whitespace(&unbracketed)
    } else {
        crate::extract::gazetteer::fold::collapse_whitespace(span)
    };
    Core { name, start, end }
}

/// Byte offset of the first `(` or `[` in `s` that no later bracket closes; `None` when every
/// opener is closed.
fn unmatched_opener(s: &str) -> Option<usize> {
    if !s.contains(['(', '[']) {
        return None;
    }
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => open.push(i),
            ')' | ']' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.first().copied()
}

/// Whether `s` has a `)` or `]` with no opener before it.
fn has_unmatched_closer(s: &str) -> bool {
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth == 0 => return true,
            ')' | ']' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Words kept lower-case inside title-cased place and org names.
const SMALL_WORDS: &[&str] = &[
    "of", "the", "and", "de", "del", "la", "le", "da", "do", "dos", "das", "du", "van", "von", "y",
    "on", "upon", "al", "el", "bin", "der",
];

/// Upper-cases the first letter of each hyphen/apostrophe-separated part of a word
/// ("o'brien" → "O'Brien", "jae-in" → "Jae-In", "d'ivoire" → "D'Ivoire").
fn cap_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut at_start = true;
    for c in w.chars() {
        if at_start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            at_start = false;
        } else {
            out.extend(c.to_lowercase());
            // After a period too: initials keep their capitals ("E.F. HUTTON" → "E.F. Hutton").
            at_start = matches!(c, '-' | '\'' | '’' | '.');
        }
    }
    out
}

/// Title-cases a name written entirely in upper or lower case ("NEW SOUTH WALES" / "new south
/// wales" → "New South Wales", small words such as "of" stay lower-case after the first word);
/// mixed-case input is returned unchanged because its casing is deliberate ("McDonald", "iPhone").
pub fn tidy_case(s: &str) -> String {
    let has_upper = s.chars().any(char::is_uppercase);
    let has_lower = s.chars().any(char::is_lowercase);
    if has_upper && has_lower {
        return s.to_string();
    }
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lw = w.to_lowercase();
            if i > 0 && SMALL_WORDS.contains(&lw.as_str()) {
                lw
            } else {
                cap_word(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `s` has letters and none in lower case: a wire headline's capitals ("U.S.
/// TRADE"), not a number alone.
pub fn in_capitals(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// True when `w` is one capitalized name word, not an acronym: a capital first, some
/// lower-case letters, nothing but letters, hyphens and apostrophes ("Reagan", "Jae-in",
/// "O'Brien"; not "MSNBC", "Smith's.", "New York").
pub fn is_capitalized_name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Makes `m` a person mention that goes on over one space and `word`, the text right after
/// it ("[Lee] Ha-eun" → "[Lee Ha-eun]").
pub fn extend_person(m: &mut Mention, word: &str) {
    m.kind = EntityKind::Person;
    m.text.push(' ');
    m.text.push_str(word);
    m.end += 1 + word.chars().count();
}

/// True when `s` has at least two letters — the minimum for a name worth indexing.
pub fn has_name_letters(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_keys_of_short_long_and_non_ascii_words() {
        let key = |w: &str| with_table_key(w, |k| String::from_utf8_lossy(k).into_owned());
        assert_eq!(key("Gov."), "gov");
        assert_eq!(key("Corp.,"), "corp");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Vice-Chairman"), "vice-chairman");
        assert_eq!(key("Président"), "président");
        assert_eq!(key("ÉTAT"), "état");
        let long = "Aktiengesellschaft.Holding,Group";
        assert_eq!(key(long), "aktiengesellschaftholdinggroup");
        assert_eq!(key(""), "");
    }

    #[test]
    fn table_and_calendar_residue_is_not_a_name() {
        assert!(is_not_a_name("1,337 Bank"));
        assert!(is_not_a_name("519\nTreasury"));
        assert!(is_not_a_name("Feb"));
        assert!(is_not_a_name("Tues."));
        assert!(!is_not_a_name("3M"));
        assert!(!is_not_a_name("20th Century Fox"));
        assert!(!is_not_a_name("April Ryan"));
        assert!(!is_not_a_name("Monday Group"));
        assert!(is_not_a_name("Oscar"));
        assert!(is_not_a_name("Grammys"));
        assert!(!is_not_a_name("Oscar Pistorius"));
        assert!(is_not_a_name("Fri Nov"));
        assert!(is_not_a_name("Lunar New Year"));
        assert!(is_not_a_name("Christmas Eve"));
        assert!(!is_not_a_name("Christmas Island Phosphate"));
        assert!(is_not_a_name("Easter"));
        assert!(is_not_a_name("Natl Loan Oats 1.24 0.99 V 1.65 -- Barley"));
        assert!(is_not_a_name("Durum 3,137,000"));
        assert!(!is_not_a_name("Boeing 747 Fleet"));
        assert!(!is_not_a_name("U.S. Steel"));
        assert!(!is_not_a_name("Smith, Barney"));
        // A table's columns within a line; a name run onto the next, indented line is one.
        assert!(is_not_a_name("Natl   Loan           Release"));
        assert!(is_not_a_name("CORN\tBRLY"));
        assert!(!is_not_a_name("Ronald\n    Ho"));
        assert!(!is_not_a_name("Ronald Ho   "));
        assert!(is_not_a_name("II"));
        assert!(!is_not_a_name("Xi"));
    }

    #[test]
    fn last_word_drops_punctuation_and_possessives() {
        assert_eq!(last_word("Federal Reserve's,"), Some("Reserve"));
        assert_eq!(last_word("Downing Street"), Some("Street"));
        assert_eq!(last_word("the Banks'"), Some("Banks"));
        assert_eq!(last_word("Conan O'Brien"), Some("O'Brien"));
        assert_eq!(last_word("Reserve"), None);
    }

    #[test]
    fn trims_quotes_and_sentence_dots() {
        let s = "“Acme Widgets.”";
        let (lo, hi) = trim_range(s, 0, s.len(), |_| false);
        assert_eq!(&s[lo..hi], "Acme Widgets");
        let s = "(Tom Smith Jr.)";
        let (lo, hi) = trim_range(s, 0, s.len(), |w| w == "Jr.");
        assert_eq!(&s[lo..hi], "Tom Smith Jr.");
    }

    #[test]
    fn possessives() {
        assert_eq!(possessive_len("Okafor's"), 2);
        assert_eq!(possessive_len("Okafor’s"), "’s".len());
        assert_eq!(possessive_len("Davies'"), 1);
        assert_eq!(possessive_len("O'Brien"), 0);
        assert_eq!(possessive_len("'s"), 0);
    }

    #[test]
    fn brackets_in_names_are_balanced() {
        // A closing bracket that closes one inside the name stays; any other goes.
        let s = "Okonkwo Trading (Asia))";
        let (lo, hi) = trim_range(s, 0, s.len(), |_| false);
        assert_eq!(&s[lo..hi], "Okonkwo Trading (Asia)");
        let s = "(Asia)";
        let (lo, hi) = trim_range(s, 0, s.len(), |_| false);
        assert_eq!(&s[lo..hi], "Asia");
        // An opener never closed: the name ends before it, and so does its span.
        let m = "Bank (Quarterly Review";
        let c = core(m, 100, 0, m.len());
        assert_eq!((c.name.as_str(), c.start, c.end), ("Bank", 100, 104));
        // A closer never opened: an editor's insertion, read without its brackets.
        let m = "Zorbian Coffee) Board";
        let c = core(m, 0, 0, m.len());
        assert_eq!(
            (c.name.as_str(), c.start, c.end),
            ("Zorbian Coffee Board", 0, 21)
        );
        let m = "Bank (of Zorbia";
        assert_eq!(core(m, 0, 0, m.len()).name, "Bank of Zorbia");
        let m = "Minister Ama) Mensah";
        assert_eq!(core(m, 0, 9, m.len()).name, "Ama Mensah");
        // Balanced brackets are part of the name.
        let m = "Okonkwo Trading (Asia)";
        assert_eq!(core(m, 0, 0, m.len()).name, m);
    }

    #[test]
    fn core_offsets_are_chars() {
        let c = core("Mme Zoé  Ngata", 10, 4, "Mme Zoé  Ngata".len());
        assert_eq!((c.name.as_str(), c.start, c.end), ("Zoé Ngata", 14, 24));
    }

    #[test]
    fn tidy_casing() {
        assert_eq!(
            tidy_case("NORTHERN TERRITORY OF ELBONIA"),
            "Northern Territory of Elbonia"
        );
        assert_eq!(tidy_case("o'brien"), "O'Brien");
        assert_eq!(tidy_case("McDonald Plains"), "McDonald Plains");
        assert_eq!(tidy_case("E.F. HUTTON GROUP"), "E.F. Hutton Group");
        for (w, yes) in [
            ("Reagan", true),
            ("Jae-in", true),
            ("O'Brien", true),
            ("MSNBC", false),
            ("reagan", false),
            ("New York", false),
            ("Smith.", false),
        ] {
            assert_eq!(is_capitalized_name_word(w), yes, "{w}");
        }
        assert_eq!(tidy_case("ST. LOUIS"), "St. Louis");
    }
}
