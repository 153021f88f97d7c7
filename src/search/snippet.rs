//! Snippets: about [`SNIPPET_CHARS`] characters of the body around the best matches, with the
//! matches as **character** ranges, never cut inside a character.
//!
//! Tantivy's `SnippetGenerator` picks the fragment with the highest sum of matched-term
//! weights and reports byte ranges; we collapse runs of whitespace (wire copy is full of hard
//! line breaks), mark a cut with `…`, and convert the ranges to character offsets. A hit that
//! matched only in its title shows the article's lead instead.

use serde::Serialize;
use tantivy::snippet::SnippetGenerator;

/// Target snippet length, in characters.
pub const SNIPPET_CHARS: usize = 200;

/// A snippet of an article body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// Text, whitespace collapsed, `…` where the body was cut.
    pub text: String,
    /// Matches as `[start, end)` character offsets into `text`, sorted, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

/// The snippet for one body: the best fragment when the query matched the body, else the lead.
pub fn snippet(generator: &SnippetGenerator, body: &str) -> Snippet {
    let s = generator.snippet(body);
    if s.highlighted().is_empty() {
        return lead(body);
    }
    let range = s.fragment_range();
    let mut out = Snippet::default();
    let mut chars = 0usize;
    let push = |out: &mut Snippet, chars: &mut usize, c: char| {
        out.text.push(c);
        *chars += 1;
    };
    if range.start > 0 {
        push(&mut out, &mut chars, '…');
    }
    let mut marks = s.highlighted().iter().peekable();
    let mut open: Option<usize> = None;
    let mut last_space = out.text.ends_with('…');
    for (byte, c) in s.fragment().char_indices() {
        while let Some(m) = marks.peek() {
            if open.is_none() && byte >= m.start && byte < m.end {
                open = Some(chars);
                break;
            } else if open.is_some() && byte >= m.end {
                out.highlights.push((open.take().unwrap_or(0), chars));
                marks.next();
            } else if open.is_none() && byte >= m.end {
                marks.next();
            } else {
                break;
            }
        }
        if c.is_whitespace() {
            if !last_space {
                push(&mut out, &mut chars, ' ');
            }
            last_space = true;
        } else {
            push(&mut out, &mut chars, c);
            last_space = false;
        }
    }
    if let Some(start) = open {
        out.highlights.push((start, chars));
    }
    let rest = body.get(range.end..).unwrap_or("");
    while out.text.ends_with(' ') {
        out.text.pop();
    }
    if rest.chars().any(char::is_alphanumeric) {
        out.text.push('…');
    } else {
        out.text.push_str(rest.trim());
    }
    out
}

/// The first [`SNIPPET_CHARS`] characters of the body, whitespace collapsed, cut at a word
/// boundary when one is near.
pub fn lead(body: &str) -> Snippet {
    let words: Vec<&str> = body.split_whitespace().collect();
    let mut text = String::new();
    let mut len = 0;
    let mut cut = false;
    for w in words {
        let wlen = w.chars().count();
        let extra = if text.is_empty() { wlen } else { wlen + 1 };
        if len + extra > SNIPPET_CHARS {
            if text.is_empty() {
                text = w.chars().take(SNIPPET_CHARS).collect();
            }
            cut = true;
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
        len += extra;
    }
    if cut {
        text.push('…');
    }
    Snippet {
        text,
        highlights: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn generator(terms: &[&str]) -> SnippetGenerator {
        let terms: BTreeMap<String, f32> = terms.iter().map(|t| (t.to_string(), 1.0)).collect();
        let mut g = SnippetGenerator::new(
            terms,
            crate::index::schema::news_analyzer(),
            tantivy::schema::Field::from_field_id(0),
            SNIPPET_CHARS,
        );
        g.set_max_num_chars(SNIPPET_CHARS);
        g
    }

    fn marked(s: &Snippet) -> String {
        let chars: Vec<char> = s.text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        for &(a, b) in &s.highlights {
            out.extend(&chars[i..a]);
            out.push('[');
            out.extend(&chars[a..b]);
            out.push(']');
            i = b;
        }
        out.extend(&chars[i..]);
        out
    }

    #[test]
    fn highlights_are_char_offsets_after_collapsing_whitespace() {
        let body = "Café owners in\n   Zürich said cocoa prices rose.";
        let s = snippet(&generator(&["zurich", "cocoa"]), body);
        assert_eq!(s.text, "Café owners in Zürich said cocoa prices rose.");
        assert_eq!(
            marked(&s),
            "Café owners in [Zürich] said [cocoa] prices rose."
        );
        assert_eq!(s.highlights, [(15, 21), (27, 32)]);
    }

    #[test]
    fn long_bodies_are_cut_with_ellipsis_on_char_boundaries() {
        let body = format!(
            "{} cocoa harvest {}",
            "Ünïcödé ".repeat(60),
            "tail ".repeat(60)
        );
        let s = snippet(&generator(&["cocoa"]), &body);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(marked(&s).matches("[cocoa]").count(), 1);
    }

    #[test]
    fn no_body_match_gives_the_lead() {
        let s = snippet(&generator(&["absent"]), "First words here.\nSecond line.");
        assert_eq!(s.text, "First words here. Second line.");
        assert!(s.highlights.is_empty());
        let long = lead(&"word ".repeat(100));
        assert_eq!(long.text.chars().count(), 199 + 1);
        assert!(long.text.ends_with("word…"));
    }
}
