//! Refusals: bytes that are not a text document, and pages that are bot walls, not articles.
//!
//! Crawls of news sites collect CAPTCHA pages, "Access denied" stubs and "enable JavaScript"
//! interstitials; indexing them would put the same few sentences in thousands of documents.
//! A page is a wall only when it is short (little visible text) and says one of the phrases
//! below, so that an article *about* CAPTCHAs is not refused.

use dom_query::Document;

use super::text::collapse_ws;

/// Visible-text length (characters) above which a page is never called a bot wall.
const WALL_MAX_CHARS: usize = 1500;

/// Lower-cased phrases of bot-protection and access-denied pages.
const WALL_PHRASES: &[&str] = &[
    "checking your browser",
    "verify you are human",
    "verify that you are human",
    "are you a robot",
    "not a robot",
    "captcha",
    "access denied",
    "access to this page has been denied",
    "unusual traffic",
    "request unsuccessful",
    "pardon our interruption",
    "enable javascript and cookies",
    "please enable javascript",
    "please enable cookies",
    "disable your ad blocker",
    "just a moment...",
    "attention required",
    "you have been blocked",
    "403 forbidden",
    "bot detection",
];

/// File signatures of common binary formats mistaken for pages.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF header"),
    (b"\x89PNG", "PNG header"),
    (b"GIF8", "GIF header"),
    (b"\xFF\xD8\xFF", "JPEG header"),
    (b"PK\x03\x04", "ZIP header"),
    (b"\x1F\x8B", "gzip header"),
];

/// Why `bytes` is not a text document, or `None` when it may be one. Looks at the first 1024
/// bytes: a known binary signature, a NUL byte (without a UTF-16 BOM), or more than 10% control
/// characters other than tab/newline/carriage return/form feed.
pub fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, why)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(why);
    }
    let utf16_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let head = &bytes[..bytes.len().min(1024)];
    if !utf16_bom && head.contains(&0) {
        return Some("NUL bytes");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    (!utf16_bom && controls * 10 > head.len()).then_some("control characters")
}

/// The wall phrase found in a short page's title or visible text, or `None`.
pub fn bot_wall_reason(doc: &Document) -> Option<String> {
    let title = collapse_ws(&doc.select("title").first().text()).to_lowercase();
    let body = doc.select("body");
    // Visible text only: scripts and styles of a full article page can be long.
    let mut visible = 0usize;
    let mut text = String::new();
    for node in body.select("p, h1, h2, h3, div, span, li, td, a").iter() {
        let t = node.immediate_text();
        visible += t.trim().len();
        text.push_str(&t);
        text.push(' ');
        if visible > WALL_MAX_CHARS {
            return None;
        }
    }
    if visible == 0 {
        text = body.text().to_string();
        if text.trim().len() > WALL_MAX_CHARS {
            return None;
        }
    }
    let text = collapse_ws(&text).to_lowercase();
    WALL_PHRASES
        .iter()
        .find(|p| title.contains(*p) || text.contains(*p))
        .map(|p| format!("says \"{p}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_signatures() {
        assert_eq!(binary_reason(b"%PDF-1.7\n"), Some("PDF header"));
        assert_eq!(binary_reason(b"<p>a\0b</p>"), Some("NUL bytes"));
        assert_eq!(
            binary_reason(b"\x01\x02\x03\x04<p>"),
            Some("control characters")
        );
        assert_eq!(binary_reason(b"\xFF\xFE<\0p\0>\0"), None);
        assert_eq!(binary_reason("<p>Grüße</p>".as_bytes()), None);
    }

    #[test]
    fn walls_and_articles() {
        let wall = Document::from(
            "<title>Access Denied</title><h1>Access Denied</h1><p>Reference #18.2f</p>",
        );
        assert_eq!(
            bot_wall_reason(&wall).as_deref(),
            Some("says \"access denied\"")
        );
        let long = format!(
            "<title>How CAPTCHA works</title><p>{}</p>",
            "Text about puzzles. ".repeat(100)
        );
        assert_eq!(bot_wall_reason(&Document::from(long)), None);
        assert_eq!(
            bot_wall_reason(&Document::from("<p>A normal short note.</p>")),
            None
        );
    }
}
