//! Main-text extraction: the article's paragraphs without navigation, banners, lists of other
//! stories, comments, share bars and footers.
//!
//! Candidate selection is `dom_smoothie` (a Rust port of Mozilla Readability.js, the reader view
//! of Firefox): it scores block nodes by text length, commas and link density, and cleans the
//! winner conditionally. Around it this file adds (1) a pre-pass removing elements that are
//! boilerplate by role, tag or class/id (cookie banners, "most read", related links, comments)
//! before scoring, so that they can never be merged into the article, and (2) the text post-pass
//! of `clean.rs`.

use dom_query::{Document, NodeRef, Selection};
use dom_smoothie::{Config, Readability, TextMode};

use super::clean::clean_paragraphs;

/// Elements removed before scoring whatever they hold: navigation and page chrome by tag or
/// ARIA role. (`form` is not here: ASP.NET pages wrap the whole page in one.)
const CHROME_SELECTORS: &str =
    "nav, footer, iframe, button, select, textarea, figcaption, figure, \
    [role=navigation], [role=contentinfo], [role=banner], [role=dialog], [role=alertdialog], \
    [aria-modal=true]";

/// Elements whose class or id names a kind of boilerplate. Class names are unreliable (a body
/// wrapper may be `no-cookie-wall`, WSJ wraps articles in `paywall`), so these are removed only
/// when [`looks_disposable`].
const NAMED_SELECTORS: &str = "[id*=cookie], [class*=cookie], [id*=consent], [class*=consent], \
    [id*=gdpr], [class*=gdpr], [id*=newsletter], [class*=newsletter], [class*=most-read], \
    [class*=mostread], [id*=most-read], [class*=most-popular], [class*=related], [id*=related], \
    [class*=recommended], [id*=comments], [class*=comments], [class*=comment-list], [id*=disqus], \
    [class*=share-bar], [class*=sharebar], [class*=social-share], [class*=share-buttons], \
    [class*=sharing], [class*=breadcrumb], [class*=paywall], [class*=subscribe], [role=complementary], [class*=caption], [class*=credit]";

/// Longest text (characters) that a class-named element may hold and still be removed when it is
/// not mostly links: a cookie banner or a newsletter box is short, an article is not.
const NAMED_MAX_CHARS: usize = 600;

/// The main text of a parsed page, paragraphs separated by "\n\n"; empty when nothing
/// article-like is found. `html` is the same page's source, reparsed only for the fallback.
pub fn extract_main_text(doc: Document, html: &str) -> String {
    remove_boilerplate(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let text = Readability::with_document(doc, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default();
    let text = clean_paragraphs(&text);
    if !text.is_empty() {
        return text;
    }
    fallback_text(html)
}

/// Element nesting past which a page is not a real article layout (real pages stay under ~100).
/// Past it, building and querying the DOM grows quadratically (html5ever's open-element stack,
/// Readability's ancestor walks): 30,000 unclosed `<div>`s took minutes.
pub const MAX_DOM_DEPTH: usize = 1_000;

/// Title and text of a page too deeply nested for a DOM ([`MAX_DOM_DEPTH`]), by a linear tag
/// scan: the `<title>`, and the visible text after `<body>` (or of the whole page).
pub fn flat_text(html: &str) -> (String, String) {
    use crate::markup::visible_text;
    let lower = html.to_ascii_lowercase();
    let title = lower
        .find("<title")
        .and_then(|s| Some((s, s + lower[s..].find("</title")?)))
        .map(|(s, e)| visible_text(&html[s..e]).trim().to_string())
        .unwrap_or_default();
    let body_at = lower.find("<body").unwrap_or(0);
    (title, clean_paragraphs(&visible_text(&html[body_at..])))
}

/// The deepest element nesting in `html`, by a linear scan: opening tags deepen, closing tags
/// and void elements do not. Unclosed `<p>`/`<li>` over-count, which only errs towards the
/// plain-text path.
pub fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "option", "td", "tr", "th", "dt", "dd",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |p| start + p);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let self_closed = bytes[end..].iter().take_while(|&&b| b != b'>').last() == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closed && !VOID.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
        i = end;
    }
    max
}

/// Removes boilerplate elements from `doc`, in place: `CHROME_SELECTORS` always,
/// `NAMED_SELECTORS` when `looks_disposable`.
pub fn remove_boilerplate(doc: &Document) {
    doc.select(CHROME_SELECTORS).remove();
    for node in doc.select(NAMED_SELECTORS).nodes() {
        if looks_disposable(node) {
            node.remove_from_parent();
        }
    }
}

/// A class-named element goes when it is not the page itself, holds no article container, and
/// is either short or mostly link text (a list of other stories).
fn looks_disposable(node: &NodeRef) -> bool {
    if node.has_name("html")
        || node.has_name("body")
        || node.has_name("article")
        || node.has_name("main")
    {
        return false;
    }
    let sel = Selection::from(*node);
    if sel.select("article, main, [itemprop=articleBody]").exists() {
        return false;
    }
    let len = node.text().chars().filter(|c| !c.is_whitespace()).count();
    if len <= NAMED_MAX_CHARS {
        return true;
    }
    let links: usize = sel
        .select("a")
        .iter()
        .map(|a| a.text().chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    links * 2 > len
}

/// When Readability finds no candidate (tiny or odd pages): the `<body>` text without scripts
/// and boilerplate elements.
fn fallback_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select("script, style, noscript, template, header")
        .remove();
    remove_boilerplate(&doc);
    let body = doc.select("body");
    let raw = if body.exists() {
        body.formatted_text()
    } else {
        doc.formatted_text()
    };
    clean_paragraphs(&raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(
            nesting_depth("<div><p>a<p>b<br/><img src=x></div><div></div>"),
            1
        );
        assert_eq!(
            nesting_depth("<html><body><div><span>x</span></div></body></html>"),
            4
        );
        assert_eq!(nesting_depth("a < b and </ c"), 0);
    }

    #[test]
    fn flat_text_reads_title_and_body_without_a_dom() {
        let html = format!(
            "<html><head><title>Deep &amp; odd</title></head><body>{}<p>Ships reached Lisbon.</p>",
            "<div>".repeat(3)
        );
        assert_eq!(
            flat_text(&html),
            (
                "Deep & odd".to_string(),
                "Ships reached Lisbon.".to_string()
            )
        );
    }

    /// An original page with every kind of boilerplate around a five-paragraph story.
    const PAGE: &str = r##"<!doctype html><html lang="en"><head><title>Orchard Town Opens Library | Valley Post</title></head>
<body>
<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies or manage settings.</p></div>
<header><a href="/">Valley Post</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
<h1>Orchard Town Opens Library</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<p>The new library in Orchard Town opened its doors on Saturday morning, drawing a queue of residents that stretched around the block before the ribbon was cut by the mayor.</p>
<p>Built on the site of a former grain store, the two-storey building holds forty thousand books, a children's reading room and a workshop where volunteers repair bicycles, radios and sewing machines.</p>
<p>Advertisement</p>
<p>Librarian Dora Venn said the project had taken six years of fundraising, with bake sales, a sponsored swim across the reservoir and a grant from the regional arts council covering most of the cost.</p>
<p>"People kept asking when it would open, and now they can stop asking and start reading," she said, adding that membership would remain free for everyone living in the valley.</p>
<p>The library will be open every day except Monday, and a mobile branch will visit outlying farms once a fortnight from the spring onward.</p>
</article>
<aside class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Bridge repairs delayed again</a></li><li><a href="/b">School wins robotics prize</a></li></ul></aside>
<section class="most-read"><h3>Most read</h3><ol><li><a href="/c">Fox spotted in town hall</a></li><li><a href="/d">Bakery closes after 80 years</a></li></ol></section>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Great news for the town, I will be there on day one with my kids!</p></div></section>
</main>
<footer><p>Copyright © Valley Post. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"##;

    #[test]
    fn removes_boilerplate_keeps_story() {
        let text = extract_main_text(Document::from(PAGE), PAGE);
        let paras: Vec<&str> = text.split("\n\n").collect();
        assert!(
            paras[0].starts_with("The new library in Orchard Town"),
            "{text}"
        );
        assert!(text.contains("a mobile branch will visit outlying farms once a fortnight"));
        for junk in [
            "cookies",
            "Sport",
            "Share on Facebook",
            "Advertisement",
            "Bridge repairs",
            "Fox spotted",
            "day one with my kids",
            "All rights reserved",
            "Privacy",
        ] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
        assert!(paras.len() >= 5, "{text}");
    }

    #[test]
    fn tiny_page_uses_fallback() {
        let html = "<html><body><nav>Home</nav><p>Only one short line here.</p></body></html>";
        assert_eq!(
            extract_main_text(Document::from(html), html),
            "Only one short line here."
        );
    }
}
