//! Snippets: about [`SNIPPET_CHARS`] characters of the body around the best matches, with the
//! matches as **character** ranges, never cut inside a character.
//!
//! Tantivy's `SnippetGenerator` picks the fragment with the highest sum of matched-term
//! weights and reports byte ranges; we collapse runs of whitespace (wire copy is full of hard
//! line breaks), mark a cut with `…`, and convert the ranges to character offsets. A hit that
//! matched only in its title shows the article's lead instead.
//!
//! Tantivy knows terms, not phrases: for `"interest rates"` it marked every "rates" and could
//! pick a fragment without the phrase. When the query has phrases, [`Emphasis`] finds their
//! occurrences in the body itself (same analyzer as the index), marks each as one range, marks
//! only the query's loose words besides, and centres the fragment on the phrases.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;

use super::syntax::{Node, Scope};

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

/// What a query asks to see marked in a body: its phrases (and words that analyze to several
/// tokens, which match as phrases), and its loose words, each as analyzed tokens. Words under
/// a negation or a prefix other than `body:` are left out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Emphasis {
    /// Token sequences of two or more tokens.
    pub phrases: Vec<Vec<String>>,
    /// Single tokens.
    pub words: HashSet<String>,
}

impl Emphasis {
    /// Collects the phrases and words of `node`, analyzed with `analyzer` (the body's).
    pub fn of_query(node: &Node, analyzer: &mut TextAnalyzer) -> Emphasis {
        let mut e = Emphasis::default();
        e.collect(node, analyzer);
        e
    }

    fn collect(&mut self, node: &Node, analyzer: &mut TextAnalyzer) {
        match node {
            Node::Word(scope, text) | Node::Phrase(scope, text)
                if matches!(scope, None | Some(Scope::Body)) =>
            {
                let tokens = analyzed(analyzer, text);
                match tokens.len() {
                    0 => {}
                    1 => {
                        self.words.extend(tokens.into_iter().map(|t| t.1));
                    }
                    _ => self.phrases.push(tokens.into_iter().map(|t| t.1).collect()),
                }
            }
            Node::Word(..) | Node::Phrase(..) | Node::Not(_) => {}
            Node::And(items) | Node::Or(items) => {
                for n in items {
                    self.collect(n, analyzer);
                }
            }
        }
    }
}

/// `text`'s tokens under `analyzer`: byte range and token text.
fn analyzed(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.offset_from..t.offset_to, t.text.clone()));
    }
    out
}

/// The snippet for one body, with the phrases of `emphasis` marked whole: a fragment around
/// the body's phrase occurrences when it has some, else as [`snippet`] makes it.
pub fn snippet_with(
    generator: &SnippetGenerator,
    emphasis: &Emphasis,
    analyzer: &mut TextAnalyzer,
    body: &str,
) -> Snippet {
    if emphasis.phrases.is_empty() {
        return snippet(generator, body);
    }
    let tokens = analyzed(analyzer, body);
    // (byte range, is a phrase), in body order.
    let mut marks: Vec<(Range<usize>, bool)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let hit = emphasis.phrases.iter().find(|p| {
            tokens.len() - i >= p.len()
                && tokens[i..i + p.len()]
                    .iter()
                    .zip(p.iter())
                    .all(|(t, w)| &t.1 == w)
        });
        if let Some(p) = hit {
            marks.push((tokens[i].0.start..tokens[i + p.len() - 1].0.end, true));
            i += p.len();
        } else {
            if emphasis.words.contains(&tokens[i].1) {
                marks.push((tokens[i].0.clone(), false));
            }
            i += 1;
        }
    }
    // The window of about SNIPPET_CHARS bytes, starting a little before a phrase, that holds
    // the most marks (phrases count double); the earliest on a tie. Prefix sums and binary
    // searches keep this linear in the body for a body with thousands of occurrences.
    const BEFORE: usize = 40;
    let mut weight = vec![0usize];
    for (_, phrase) in &marks {
        weight.push(weight[weight.len() - 1] + if *phrase { 2 } else { 1 });
    }
    let mut best: Option<(usize, Range<usize>)> = None;
    for (m, _) in marks.iter().filter(|m| m.1) {
        let first = tokens.partition_point(|t| t.0.start + BEFORE < m.start);
        let start = tokens
            .get(first)
            .map_or(m.start, |t| t.0.start.min(m.start));
        let last = tokens.partition_point(|t| t.0.end <= start + SNIPPET_CHARS);
        let end = last
            .checked_sub(1)
            .map_or(m.end, |k| tokens[k].0.end)
            .max(m.end);
        let from = marks.partition_point(|x| x.0.start < start);
        let to = marks.partition_point(|x| x.0.end <= end).max(from);
        let score = weight[to] - weight[from];
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, start..end));
        }
    }
    let Some((_, range)) = best else {
        // No phrase in the body (it matched in the title, or by a loose word only).
        return snippet(generator, body);
    };
    let inside: Vec<Range<usize>> = marks
        .iter()
        .filter(|x| x.0.start >= range.start && x.0.end <= range.end)
        .map(|x| x.0.start - range.start..x.0.end - range.start)
        .collect();
    render(body, range, &inside)
}

/// The snippet for one body: the best fragment when the query matched the body, else the lead.
pub fn snippet(generator: &SnippetGenerator, body: &str) -> Snippet {
    let s = generator.snippet(body);
    if s.highlighted().is_empty() {
        return lead(body);
    }
    render(body, s.fragment_range(), s.highlighted())
}

/// `body[range]` as a snippet with `marks` (byte ranges relative to the fragment, sorted):
/// whitespace collapsed, `…` where the body was cut, marks as character offsets.
fn render(body: &str, range: Range<usize>, marks: &[Range<usize>]) -> Snippet {
    let fragment = body.get(range.clone()).unwrap_or("");
    let mut out = Snippet::default();
    let mut chars = 0usize;
    let push = |out: &mut Snippet, chars: &mut usize, c: char| {
        out.text.push(c);
        *chars += 1;
    };
    if range.start > 0 {
        push(&mut out, &mut chars, '…');
    }
    let mut marks = marks.iter().peekable();
    let mut open: Option<usize> = None;
    let mut last_space = out.text.ends_with('…');
    for (byte, c) in fragment.char_indices() {
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

    fn emphasis(query: &str) -> Emphasis {
        let node = crate::search::syntax::parse(query).unwrap();
        Emphasis::of_query(&node, &mut crate::index::schema::news_analyzer())
    }

    fn with_phrases(query: &str, body: &str) -> Snippet {
        let e = emphasis(query);
        let terms: Vec<String> = e
            .phrases
            .iter()
            .flatten()
            .chain(&e.words)
            .cloned()
            .collect();
        let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
        let mut analyzer = crate::index::schema::news_analyzer();
        snippet_with(&generator(&terms), &e, &mut analyzer, body)
    }

    #[test]
    fn the_query_tells_phrases_from_loose_words() {
        let e = emphasis("\"Interest Rates\" cocoa -\"crude oil\" title:\"Bank Rate\" Jae-myung");
        let phrases: Vec<String> = e.phrases.iter().map(|p| p.join(" ")).collect();
        assert_eq!(phrases, ["interest rates", "jae myung"]);
        assert_eq!(e.words, HashSet::from(["cocoa".to_string()]));
    }

    /// Tantivy marked "rates" alone and chose the fragment dense in "rates", without the
    /// phrase the query asked for.
    #[test]
    fn a_phrase_is_marked_whole_and_the_fragment_holds_it() {
        let body = format!(
            "Rates rose. Freight rates fell, rates on bonds rose, and rates for cocoa held. {} \
             Bankers said interest rates would stay low while cocoa prices rose.",
            "Nothing else happened that week in the market. ".repeat(8)
        );
        let s = with_phrases("\"interest rates\" cocoa", &body);
        assert_eq!(
            marked(&s),
            "…that week in the market. Bankers said [interest rates] would stay low while [cocoa] \
             prices rose."
        );
        // Without a phrase in the body, the snippet is Tantivy's.
        let plain = with_phrases("\"interest rates\"", "Freight rates fell.");
        assert_eq!(marked(&plain), "Freight [rates] fell.");
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
