//! HTML to plain text with paragraph breaks, shared by page extraction and RSS/Atom ingest.
//!
//! Block elements become paragraphs separated by one blank line ("\n\n"); `<br>` and list items
//! become single newlines; runs of spaces collapse. Rendering is `dom_query`'s `formatted_text`
//! (html5ever parse), followed by [`normalize_paragraphs`].

use dom_query::Document;

/// Collapses every run of whitespace to one space and trims the ends.
pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tidies rendered text: spaces collapsed inside each line, lines trimmed, at most one blank
/// line between paragraphs, no leading/trailing blank lines.
pub fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.lines() {
        let line = collapse_ws(&line.replace('\u{00ad}', ""));
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank_run = 0;
    }
    out
}

/// Reduces an HTML fragment (an RSS `<description>`, an Atom `<content type="html">`) to plain
/// text: tags dropped, entities decoded, `<script>`/`<style>` removed, paragraphs separated by
/// "\n\n". Plain text without tags passes through with its whitespace normalized. Never fails.
pub fn html_to_text(fragment: &str) -> String {
    if !has_tags(fragment) {
        // Plain text keeps its blank-line paragraphs, which the HTML renderer would collapse.
        let paras: Vec<String> = fragment
            .split("\n\n")
            .map(render)
            .filter(|p| !p.is_empty())
            .collect();
        return paras.join("\n\n");
    }
    render(fragment)
}

fn render(fragment: &str) -> String {
    if super::extract::nesting_depth(fragment) > super::extract::MAX_DOM_DEPTH {
        let text = crate::markup::visible_text(fragment);
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let doc = Document::fragment(fragment);
    doc.select("script, style, noscript, template").remove();
    normalize_paragraphs(&doc.formatted_text())
}

/// Whether `s` holds something that parses as a tag or comment (`<` then a letter, `/` or `!`).
fn has_tags(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_to_paragraphs() {
        let t = html_to_text("<p>First  para with <b>bold</b> &amp; more.</p><p>Second<br>line two</p><script>x()</script>");
        assert_eq!(t, "First para with bold & more.\n\nSecond\nline two");
    }

    #[test]
    fn plain_text_and_empty() {
        assert_eq!(
            html_to_text("just   words\n\n\n\nmore"),
            "just words\n\nmore"
        );
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("&lt;not a tag&gt;"), "<not a tag>");
    }

    #[test]
    fn normalize_collapses_blank_runs() {
        assert_eq!(normalize_paragraphs("\n\n a \n\n\n\n b\nc \n"), "a\n\nb\nc");
    }
}
