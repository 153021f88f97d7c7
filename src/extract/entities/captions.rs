//! Caption, credit and byline-footer noise: spans of article text whose names are about the
//! picture or the newsroom ("Photo: AP", "(Reporting by Jane Doe; Editing by John Roe)") rather
//! than the story, so mentions inside them must not become entities.
//!
//! Matching is ASCII-case-insensitive, with a fixed marker table searched by one automaton
//! over the whole text; only lines holding a marker are looked at further.

/// What a marker does to its line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    /// From the marker to the end of its sentence or line is noise ("Photo: AP."): text
    /// without line breaks (a JSON description) keeps the sentences after the credit.
    ToEnd,
    /// The whole line is noise, but only if it starts with the marker ("Source: ...").
    LineStart,
    /// The whole line, but only if it starts with the marker written with a capital: a wire
    /// credit ("Reporting by Jane Doe; Editing by John Roe"), not a hard-wrapped line of
    /// Reuters copy that opens "compiled by Aviation Daily".
    CreditLine,
    /// From the '(' to the matching ')' (or end of line): "(Reporting by ...)".
    Paren,
    /// The whole line, if it is short (≤ 80 characters) and the marker starts within its last
    /// 40 bytes: a caption or credit line naming a picture agency ("... / Getty Images").
    ShortLine,
}

/// Markers, lower-case. Those starting with a letter must start a word.
const MARKERS: &[(&str, Action)] = &[
    ("photo:", Action::ToEnd),
    ("photos:", Action::ToEnd),
    ("photo by ", Action::ToEnd),
    ("photograph:", Action::ToEnd),
    ("photograph by ", Action::ToEnd),
    ("picture:", Action::ToEnd),
    ("pictured:", Action::ToEnd),
    ("image:", Action::ToEnd),
    ("image caption", Action::ToEnd),
    ("image copyright", Action::ToEnd),
    ("image source", Action::ToEnd),
    ("credit:", Action::ToEnd),
    ("photo credit", Action::ToEnd),
    ("/ source:", Action::ToEnd),
    ("caption:", Action::ToEnd),
    ("©", Action::ToEnd),
    ("(c) 19", Action::ToEnd),
    ("(c) 20", Action::ToEnd),
    ("source:", Action::LineStart),
    ("copyright ", Action::LineStart),
    ("video:", Action::LineStart),
    ("graphic:", Action::LineStart),
    ("illustration:", Action::LineStart),
    ("file photo", Action::LineStart),
    // Wire credits on a line of their own, without parentheses (Reuters web pages).
    ("reporting by ", Action::CreditLine),
    ("additional reporting by ", Action::CreditLine),
    ("writing by ", Action::CreditLine),
    ("editing by ", Action::CreditLine),
    ("compiled by ", Action::CreditLine),
    ("(reporting by", Action::Paren),
    ("(additional reporting", Action::Paren),
    ("(writing by", Action::Paren),
    ("(editing by", Action::Paren),
    ("(compiled by", Action::Paren),
    ("(photo", Action::Paren),
    ("(ap photo", Action::Paren),
    ("(image", Action::Paren),
    ("(credit", Action::Paren),
    ("getty images", Action::ShortLine),
    ("shutterstock", Action::ShortLine),
    ("ap photo", Action::ShortLine),
    ("afp via", Action::ShortLine),
    ("epa-efe", Action::ShortLine),
    ("/ ap", Action::ShortLine),
    ("/ afp", Action::ShortLine),
    ("/ reuters", Action::ShortLine),
    ("reuters/", Action::ShortLine),
    ("/getty", Action::ShortLine),
];

/// Lower-case words of a wire credit line besides names: "Reporting by Jane Doe in London
/// and John Roe; additional reporting by …; Editing by …".
const CREDIT_WORDS: &[&str] = &[
    "additional",
    "and",
    "by",
    "compiled",
    "de",
    "editing",
    "from",
    "in",
    "of",
    "reporting",
    "the",
    "van",
    "von",
    "with",
    "writing",
];

/// Whether a line opening with a credit marker is a credit: it starts with a capital and its
/// lower-case words are all [`CREDIT_WORDS`]. "Reporting by The New York Times revealed that
/// …" is a sentence, and its names count.
fn is_credit_line(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_uppercase())
        && line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.starts_with(char::is_lowercase))
            .all(|w| CREDIT_WORDS.contains(&w))
}

/// All markers in one automaton (ASCII case-insensitive, overlapping matches reported), so a
/// text is searched once, not byte by byte per marker (Aho & Corasick 1975, `aho-corasick`).
fn automaton() -> Option<&'static aho_corasick::AhoCorasick> {
    static AC: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(MARKERS.iter().map(|m| m.0))
            .ok()
    })
    .as_ref()
}

/// Whether `text` holds any marker: the same question as the automaton's `is_match`, asked
/// of one regex over the same literals (ASCII case-insensitive) because the regex engine's
/// lazy DFA scans a text in about a third of the instructions, and most texts hold no marker
/// (Reuters: 19 of 21,578), so this scan is nearly all the module costs.
fn any_marker(text: &str, ac: &aho_corasick::AhoCorasick) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        let alternatives: Vec<String> = MARKERS.iter().map(|m| regex::escape(m.0)).collect();
        regex::Regex::new(&format!("(?i-u:{})", alternatives.join("|"))).ok()
    });
    match re {
        Some(re) => re.is_match(text),
        None => ac.is_match(text),
    }
}

/// The byte just past the first '.', '!' or '?' at or after `from` that ends a sentence (a
/// space or the end follows, and the word before it is not a lone initial as in "J. Smith"),
/// or the end of `b`.
fn sentence_end(b: &[u8], from: usize) -> usize {
    let mut word = 0usize;
    for i in from..b.len() {
        let c = b[i];
        if matches!(c, b'.' | b'!' | b'?')
            && word != 1
            && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
        {
            return i + 1;
        }
        word = if c.is_ascii_alphanumeric() || c >= 0x80 {
            word + 1
        } else {
            0
        };
    }
    b.len()
}

/// Byte spans of noise within one trimmed line, given the markers found in it as (start,
/// marker index) sorted by start then index (offsets relative to the line): markers are
/// taken left to right, the first that applies at a position wins, and a span's rest is not
/// searched again.
fn line_spans(line: &str, found: &[(usize, usize)], out: &mut Vec<(usize, usize)>, base: usize) {
    let b = line.as_bytes();
    let short = line.len() <= 320 && line.chars().count() <= 80;
    let mut at = 0;
    for &(start, k) in found {
        let (m, action) = MARKERS[k];
        // A marker starting with a letter or digit must start a word.
        let inside_word =
            start > 0 && b[start].is_ascii_alphanumeric() && b[start - 1].is_ascii_alphanumeric();
        if start < at || inside_word || start + m.len() > b.len() {
            continue;
        }
        match action {
            Action::ToEnd => {
                let end = sentence_end(b, start + m.len());
                out.push((base + start, base + end));
                at = end;
            }
            Action::LineStart if start == 0 => {
                out.push((base, base + line.len()));
                return;
            }
            Action::CreditLine if start == 0 && is_credit_line(line) => {
                out.push((base, base + line.len()));
                return;
            }
            Action::ShortLine if short && start + 40 >= line.len() => {
                out.push((base, base + line.len()));
                return;
            }
            Action::Paren => {
                let close = b[start..]
                    .iter()
                    .position(|&x| x == b')')
                    .map_or(b.len(), |p| start + p + 1);
                out.push((base + start, base + close));
                at = close;
            }
            _ => {}
        }
    }
}

/// Character spans (half-open, into `text`) of caption and credit noise, sorted and merged:
/// lines starting "Source:", "Copyright", "File photo"; the rest of a line from a "Photo:",
/// "Image caption", "/ Source:", "©" or "Credit:" marker; parenthetical "(Reporting by ...;
/// Editing by ...)" credits; and short lines ending in a picture-agency credit ("Getty Images").
/// One pass over each line's bytes; markers are ASCII-case-insensitive.
pub fn noise_spans(text: &str) -> Vec<(usize, usize)> {
    let Some(ac) = automaton() else {
        return Vec::new();
    };
    // Most texts hold no marker, which the automaton's prefilter tells fastest.
    if !any_marker(text, ac) {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = ac
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.pattern().as_usize()))
        .collect();
    found.sort_unstable();
    // Byte spans first; converted to char offsets once at the end.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let b = text.as_bytes();
    let mut k = 0;
    while k < found.len() {
        // The line holding the next marker, trimmed, and the markers inside it.
        let p = found[k].0;
        let line_start = b[..p]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |i| i + 1);
        let line_end = b[p..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| p + i);
        let body = text[line_start..line_end].trim_end_matches('\r');
        let lo = line_start + (body.len() - body.trim_start().len());
        let trimmed = body.trim();
        let rest = &found[k..];
        let n = rest.partition_point(|f| f.0 < line_end);
        let inside: Vec<(usize, usize)> = rest[..n]
            .iter()
            .filter(|f| f.0 >= lo)
            .map(|&(s, i)| (s - lo, i))
            .collect();
        line_spans(trimmed, &inside, &mut spans, lo);
        k += n;
    }
    char_spans(text, spans)
}

/// Byte spans of `text` → sorted, merged character spans.
fn char_spans(text: &str, mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    // Byte → char offsets in one forward walk (spans are sorted).
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut to_char = |b: usize| {
        chars += text[byte..b].chars().count();
        byte = b;
        chars
    };
    merged
        .into_iter()
        .map(|(s, e)| (to_char(s), to_char(e)))
        .collect()
}

/// True when the character span `start..end` overlaps any of the sorted `spans`.
pub fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|&(_, e)| e <= start);
    spans.get(i).is_some_and(|&(s, _)| s < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte scan this module used before the automaton: the same spans expected.
    /// First bytes of all markers, for a branch-cheap scan.
    const FIRST_BYTES: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < MARKERS.len() {
            t[MARKERS[i].0.as_bytes()[0] as usize] = true;
            i += 1;
        }
        t
    };

    /// Markers grouped by first byte, so the scan compares only markers that can match there.
    fn by_first_byte() -> &'static [Vec<(&'static str, Action)>] {
        static TABLE: std::sync::OnceLock<Vec<Vec<(&'static str, Action)>>> =
            std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = vec![Vec::new(); 256];
            for &(m, a) in MARKERS {
                t[m.as_bytes()[0] as usize].push((m, a));
            }
            t
        })
    }

    /// Byte spans of noise within one trimmed, lower-cased line (offsets relative to the line).
    fn ref_line_spans(line: &str, original: &str, out: &mut Vec<(usize, usize)>, base: usize) {
        let b = line.as_bytes();
        let table = by_first_byte();
        let short = line.len() <= 320 && line.chars().count() <= 80;
        let mut prev_alnum = false;
        let mut at = 0;
        while at < b.len() {
            let c = b[at];
            let alnum = c.is_ascii_alphanumeric();
            let word_start = !(alnum && prev_alnum);
            prev_alnum = alnum;
            // Every marker's first byte is ASCII or a UTF-8 lead byte, so `at` is on a char boundary
            // whenever a marker can match here.
            if !word_start || !FIRST_BYTES[c as usize] {
                at += 1;
                continue;
            }
            let mut next = at + 1;
            for &(m, action) in &table[c as usize] {
                if !b[at..].starts_with(m.as_bytes()) {
                    continue;
                }
                match action {
                    Action::ToEnd => {
                        let end = sentence_end(b, at + m.len());
                        out.push((base + at, base + end));
                        if end == b.len() {
                            return;
                        }
                        next = end;
                        prev_alnum = false;
                        break;
                    }
                    Action::LineStart if at == 0 => {
                        out.push((base, base + line.len()));
                        return;
                    }
                    Action::CreditLine if at == 0 && is_credit_line(original) => {
                        out.push((base, base + line.len()));
                        return;
                    }
                    Action::ShortLine if short && at + 40 >= line.len() => {
                        out.push((base, base + line.len()));
                        return;
                    }
                    Action::Paren => {
                        let close = b[at..]
                            .iter()
                            .position(|&x| x == b')')
                            .map_or(b.len(), |p| at + p + 1);
                        out.push((base + at, base + close));
                        next = close;
                        prev_alnum = false;
                        break;
                    }
                    _ => {}
                }
            }
            at = next;
        }
    }

    fn reference(text: &str) -> Vec<(usize, usize)> {
        let lower = text.to_ascii_lowercase();
        // Byte spans first; converted to char offsets once at the end.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut line_start = 0;
        for line in lower.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            let trimmed = body.trim();
            let lo = line_start + (body.len() - body.trim_start().len());
            let original = &text[lo..lo + trimmed.len()];
            line_start += line.len();
            if !trimmed.is_empty() {
                ref_line_spans(trimmed, original, &mut spans, lo);
            }
        }
        char_spans(text, spans)
    }

    #[test]
    fn same_spans_as_the_byte_scan() {
        let pieces = [
            "Photo: AP",
            "photo by Jane Roe",
            "PHOTOGRAPH: x.",
            "Source: Example Agency",
            " / Source: Northwind",
            "(Reporting by A; Editing by B)",
            "(photo",
            "Getty Images",
            "The ap photo",
            "x / AP",
            "Reuters/Jane",
            "© 2024 Foo.",
            "(c) 2019 Bar",
            "credit:",
            "Credit: J. Smith. Next",
            "image caption",
            "File photo",
            "Copyright Foo",
            "video: clip",
            "said Reuters/Ipsos",
            "kaphoto: no",
            "Rain fell.",
            "É photo: é",
            "(additional reporting",
            "Reporting by A; Editing by B",
            "compiled by Aviation Daily",
            "Editing by",
            "shutterstock",
            "\u{202c}Photo: X",
            "epa-efe",
            "/getty",
            "a.b. photo: c",
            "(credit) here",
            "no marker at all",
            "Caption: one. Two.",
        ];
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        for round in 0..3000 {
            let mut text = String::new();
            for _ in 0..(round % 7) + 1 {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                text.push_str(pieces[(rng % pieces.len() as u64) as usize]);
                text.push_str(["\n", " ", "\r\n", "  \n ", ". ", ""][(rng >> 20) as usize % 6]);
            }
            assert_eq!(noise_spans(&text), reference(&text), "{text:?}");
        }
    }

    fn pieces(text: &str) -> Vec<String> {
        noise_spans(text)
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect()
    }

    #[test]
    fn caption_lines_and_inline_credits() {
        let text = "Rain closed the harbour in Tromsø.\nPhoto: AP\nA ferry waits at the pier. / Source: Northwind Agency\nThe mayor said repairs start soon.";
        assert_eq!(
            pieces(text),
            vec!["Photo: AP", "/ Source: Northwind Agency"]
        );
    }

    #[test]
    fn an_inline_credit_ends_with_its_sentence() {
        let text = "Ana Vidal visited Porto. Photo: AP. Emmanuel Ruiz visited Braga.";
        assert_eq!(pieces(text), vec!["Photo: AP."]);
        let text = "Photo: J. K. Doe/Harbour Press. The mayor spoke. Credit: AP";
        assert_eq!(
            pieces(text),
            vec!["Photo: J. K. Doe/Harbour Press.", "Credit: AP"]
        );
    }

    #[test]
    fn reporting_line_without_parentheses() {
        let text = "Oil fell, traders said.\nReporting by Mira Kovač; additional reporting by Tom \
                    Reed; Editing by Ann Holt\nBy Monday Exxon said";
        assert_eq!(
            pieces(text),
            vec!["Reporting by Mira Kovač; additional reporting by Tom Reed; Editing by Ann Holt"]
        );
        // A hard-wrapped line of running text, and a sentence opening so.
        assert!(pieces("according to data\ncompiled by Aviation Daily, a magazine.").is_empty());
        assert!(pieces(
            "Reporting by The Daily Courier revealed that Dana Holt paid Lee Park in Leeds."
        )
        .is_empty());
        assert_eq!(
            pieces("Writing by Ana Lima in Lisbon and Tom Reed; Editing by Ann Holt"),
            ["Writing by Ana Lima in Lisbon and Tom Reed; Editing by Ann Holt"]
        );
    }

    #[test]
    fn reporting_parenthetical() {
        let text = "Copper rose 2%. (Reporting by Mira Kovač; Editing by Tom Reed) Later text.";
        assert_eq!(
            pieces(text),
            vec!["(Reporting by Mira Kovač; Editing by Tom Reed)"]
        );
        let spans = noise_spans(text);
        assert!(overlaps(&spans, 30, 34));
        assert!(!overlaps(&spans, 0, 6));
    }

    #[test]
    fn agencies_copyright_and_image_captions() {
        let text = "Getty Images\n© 2025 Harbour Press Ltd\nImage caption, Officials inspect the dam\nThe dam held.";
        assert_eq!(
            pieces(text),
            vec![
                "Getty Images",
                "© 2025 Harbour Press Ltd",
                "Image caption, Officials inspect the dam"
            ]
        );
    }

    #[test]
    fn ordinary_prose_is_kept() {
        let text = "The source said the photographer left Lagos on Monday.\nA long paragraph about Getty Images, the agency, which reported results today and discussed its future plans at length.";
        assert!(noise_spans(text).is_empty());
    }
}
