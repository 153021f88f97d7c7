//! HTML pages in: decoded text, main article text without boilerplate, and non-date metadata.
//!
//! Pipeline of [`parse_html`]: bytes → text (`charset.rs`: BOM, declared charset, detection) →
//! refusal of binary files and bot walls (`wall.rs`) → one html5ever parse (`dom_query`) →
//! metadata (`meta.rs`, `jsonld.rs`) → main text (`extract.rs`, Readability via `dom_smoothie`,
//! then `clean.rs`).
//! Publication dates are not read here: the date finder reuses [`HtmlPage::html`].
//! `eval.rs` measures the main text on the Zyte article-extraction benchmark (`score.rs`).

pub mod charset;
pub mod clean;
pub mod eval;
pub mod extract;
pub mod jsonld;
pub mod meta;
pub mod score;
pub mod text;
pub mod wall;

use dom_query::Document;
use serde::Serialize;

pub use eval::{evaluate_zyte, HtmlEvalReport};
pub use text::html_to_text;

/// One web page, reduced to what the index needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HtmlPage {
    /// Headline: `og:title`, JSON-LD `headline`, first `<h1>`, then `<title>` minus " | Site".
    pub title: String,
    /// Main text, paragraphs separated by "\n\n" (lines inside a paragraph by "\n").
    pub body: String,
    /// Author names (JSON-LD `author`, `<meta name=author>`/`article:author`, "By …" byline).
    pub authors: Vec<String>,
    /// Canonical URL (`<link rel=canonical>`, then `og:url`), as written in the page.
    pub url: Option<String>,
    /// Language tag (`<html lang>`, `og:locale`, `content-language`), `_` written as `-`.
    pub language: Option<String>,
    /// Publication name (`og:site_name`, JSON-LD `publisher.name`, `application-name`).
    pub site_name: Option<String>,
    /// The whole decoded page source, so that the date finder can reuse it without decoding.
    pub html: String,
}

/// Why a page or the benchmark could not be read. `path` is the caller's path hint
/// (`"<html>"` when none was given).
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// Zero bytes, or only whitespace.
    #[error("{path}: empty input")]
    Empty {
        /// The page.
        path: String,
    },
    /// Not a text document (NUL bytes, control characters, or a PDF/PNG/GIF/JPEG/ZIP/gzip header).
    #[error("{path}: binary content, not HTML ({reason})")]
    Binary {
        /// The page.
        path: String,
        /// What gave it away.
        reason: &'static str,
    },
    /// A bot-protection, CAPTCHA or access-denied interstitial instead of the article.
    #[error("{path}: bot wall or access-denied page ({reason})")]
    BotWall {
        /// The page.
        path: String,
        /// The phrase that matched.
        reason: String,
    },
    /// The page parsed but has neither a title nor any text.
    #[error("{path}: no title and no text")]
    NoText {
        /// The page.
        path: String,
    },
    /// A benchmark file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A benchmark JSON file is malformed.
    #[error("{path}: invalid JSON: {source}")]
    Json {
        /// The file.
        path: String,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// A benchmark record lacks a field or its page.
    #[error("{path}: record {id}: {reason}")]
    Record {
        /// The ground-truth file.
        path: String,
        /// The record's id.
        id: String,
        /// What is missing.
        reason: String,
    },
}

/// Parses one page's raw bytes (any charset) into an [`HtmlPage`].
///
/// `path_hint` is only used to name the page in errors. Errors: [`HtmlError::Empty`],
/// [`HtmlError::Binary`], [`HtmlError::BotWall`], [`HtmlError::NoText`]. Never panics on
/// arbitrary bytes.
pub fn parse_html(bytes: &[u8], path_hint: Option<&str>) -> Result<HtmlPage, HtmlError> {
    let path = || path_hint.unwrap_or("<html>").to_owned();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(HtmlError::Empty { path: path() });
    }
    if let Some(reason) = wall::binary_reason(bytes) {
        return Err(HtmlError::Binary {
            path: path(),
            reason,
        });
    }
    let html = charset::decode(bytes).text;
    if extract::nesting_depth(&html) > extract::MAX_DOM_DEPTH {
        let (title, body) = extract::flat_text(&html);
        if title.is_empty() && body.is_empty() {
            return Err(HtmlError::NoText { path: path() });
        }
        let page = HtmlPage {
            title,
            body,
            authors: Vec::new(),
            url: None,
            language: None,
            site_name: None,
            html,
        };
        return Ok(page);
    }
    let doc = Document::from(html.as_str());
    let meta = meta::read_meta(&doc);
    if let Some(reason) = wall::bot_wall_reason(&doc) {
        return Err(HtmlError::BotWall {
            path: path(),
            reason,
        });
    }
    let body = extract::extract_main_text(doc, &html);
    if body.is_empty() && meta.title.is_empty() {
        return Err(HtmlError::NoText { path: path() });
    }
    Ok(HtmlPage {
        title: meta.title,
        body,
        authors: meta.authors,
        url: meta.url,
        language: meta.language,
        site_name: meta.site_name,
        html,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 30,000 unclosed `<div>`s took minutes through the DOM; the flat path keeps the text.
    #[test]
    fn absurdly_deep_page_is_read_without_a_dom() {
        let html = format!(
            "<html><head><title>Unclosed</title></head><body>{}<p>Officials in Rome said the page loaded.</p>",
            "<div>".repeat(30_000)
        );
        let started = std::time::Instant::now();
        let page = parse_html(html.as_bytes(), Some("deep.html")).unwrap();
        assert_eq!(page.title, "Unclosed");
        assert_eq!(page.body, "Officials in Rome said the page loaded.");
        // Not a timing target: the DOM path took minutes here, so anything near that is a hang.
        assert!(started.elapsed().as_secs() < 30);
    }

    const STORY: &str = "<p>The ferry between the two islands resumed service on Tuesday after a \
        three-week suspension caused by a cracked propeller shaft, the operator said in a statement.</p>\
        <p>Islanders had relied on a fishing boat and a small plane for supplies, and the school \
        on the smaller island closed for a week when teachers could not reach it.</p>\
        <p>The operator said a spare shaft would now be kept at the harbour so that a similar \
        failure could be repaired within days rather than weeks.</p>";

    #[test]
    fn full_page() {
        let html = format!(
            r#"<html lang="en-NZ"><head><meta charset="utf-8"><title>Ferry Back | Island Times</title>
            <link rel="canonical" href="https://islandtimes.example/ferry-back">
            <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Ferry Service Resumes",
            "author":[{{"@type":"Person","name":"Rua Tane"}},{{"@type":"Person","name":"Ellen Shaw"}}],
            "publisher":{{"name":"Island Times"}}}}</script></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Ferry back</h1>{STORY}</article></body></html>"#
        );
        let p = parse_html(html.as_bytes(), Some("ferry.html")).unwrap();
        assert_eq!(p.title, "Ferry Service Resumes");
        assert_eq!(p.authors, ["Rua Tane", "Ellen Shaw"]);
        assert_eq!(
            p.url.as_deref(),
            Some("https://islandtimes.example/ferry-back")
        );
        assert_eq!(p.language.as_deref(), Some("en-NZ"));
        assert_eq!(p.site_name.as_deref(), Some("Island Times"));
        assert!(
            p.body.starts_with("The ferry between the two islands"),
            "{}",
            p.body
        );
        assert_eq!(p.body.split("\n\n").count(), 3, "{}", p.body);
        assert!(!p.body.contains("Home"));
        assert_eq!(p.html, html);
    }

    #[test]
    fn bom_and_wrong_charset_pages() {
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(
            format!("<html><title>Café Week</title><body>{STORY}</body></html>").as_bytes(),
        );
        let p = parse_html(&bom, None).unwrap();
        assert_eq!(p.title, "Café Week");
        assert!(!p.html.starts_with('\u{feff}'));

        let mut bytes = b"<html><head><meta charset=\"utf-8\"><title>Cr\xe8me br\xfbl\xe9e wins</title></head><body>".to_vec();
        bytes.extend_from_slice(b"<p>The judges praised the cr\xe8me br\xfbl\xe9e and called it \x93the best dessert of the fair\x94, ahead of the apple tart that won last year.</p></body></html>");
        let p = parse_html(&bytes, None).unwrap();
        assert_eq!(p.title, "Crème brûlée wins");
        assert!(
            p.body.contains("“the best dessert of the fair”"),
            "{}",
            p.body
        );
    }

    #[test]
    fn empty_binary_and_bot_wall() {
        assert!(matches!(
            parse_html(b"", None),
            Err(HtmlError::Empty { .. })
        ));
        assert!(matches!(
            parse_html(b" \n\t ", None),
            Err(HtmlError::Empty { .. })
        ));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert!(matches!(
            parse_html(png, Some("x.png")),
            Err(HtmlError::Binary { .. })
        ));
        let junk: Vec<u8> = (0u32..5000)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(parse_html(&junk, None).is_err());
        // A 204-byte bot wall.
        let wall = b"<html><head><title>Just a moment...</title></head><body><p>Checking your browser before accessing the site. Please enable JavaScript and cookies to continue.</p><noscript>No JS :(</noscript></body></html>";
        assert_eq!(wall.len(), 204);
        let e = parse_html(wall, Some("wall.html")).unwrap_err();
        assert!(matches!(e, HtmlError::BotWall { .. }), "{e}");
        assert!(e.to_string().starts_with("wall.html: bot wall"));
    }

    #[test]
    fn garbage_markup_never_panics() {
        for s in [
            "<",
            "<<<>>>",
            "<html",
            "</p></p></div>",
            "<meta charset=",
            "<script>",
            "\u{0}<p>x",
        ] {
            let _ = parse_html(s.as_bytes(), None);
        }
        let p = parse_html(b"<p>Only text, no structure at all.</p>", None).unwrap();
        assert_eq!(p.body, "Only text, no structure at all.");
    }
}
