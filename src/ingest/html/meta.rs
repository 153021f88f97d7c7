//! Page metadata other than dates: title, authors, canonical URL, language and site name.
//!
//! Sources, in order of trust: Open Graph / article `<meta>` tags (what the publisher declares
//! for sharing), JSON-LD (`jsonld.rs`), then the visible page (`<h1>`, a "By …" byline,
//! `<title>` minus its site-name suffix).

use dom_query::Document;

use super::jsonld::JsonLd;
use super::text::collapse_ws;

/// Metadata read from a parsed page before its main text is extracted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// Headline; empty when the page has none.
    pub title: String,
    /// Author names, deduplicated, in page order.
    pub authors: Vec<String>,
    /// Canonical URL (`<link rel=canonical>`, then `og:url`), as written.
    pub url: Option<String>,
    /// Language tag (`<html lang>`, `og:locale`, `content-language`, JSON-LD `inLanguage`),
    /// with `_` turned into `-` (`en_US` → `en-US`).
    pub language: Option<String>,
    /// Publication name (`og:site_name`, JSON-LD `publisher.name`, `application-name`).
    pub site_name: Option<String>,
}

/// `<meta>` tags keyed by lower-cased `property`, `name`, `itemprop` or `http-equiv`.
struct Metas(Vec<(String, String)>);

impl Metas {
    fn read(doc: &Document) -> Self {
        let mut v = Vec::new();
        for m in doc.select("meta").iter() {
            let Some(content) = m.attr("content") else {
                continue;
            };
            let content = collapse_ws(&content);
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = m.attr(key) {
                    v.push((k.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        Metas(v)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads all non-date metadata of a page. Never fails: missing fields stay empty/`None`.
pub fn read_meta(doc: &Document) -> PageMeta {
    let metas = Metas::read(doc);
    let ld = JsonLd::read(doc);
    let site_name = metas
        .get("og:site_name")
        .map(str::to_owned)
        .or_else(|| ld.publisher.clone())
        .or_else(|| metas.get("application-name").map(str::to_owned));
    let title = title(doc, &metas, &ld, site_name.as_deref());
    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        for v in metas
            .all("author")
            .chain(metas.all("article:author"))
            .chain(metas.all("dc.creator"))
        {
            // article:author is often a profile URL, which is not a name.
            if !v.starts_with("http") {
                authors.extend(split_names(v));
            }
        }
    }
    if authors.is_empty() {
        authors = byline_authors(doc);
    }
    // An organization's domain ("Cleveland.com") in the author slot names no person.
    authors.retain(|a| !looks_like_domain(a));
    dedup(&mut authors);
    let url = doc
        .select("link[rel]")
        .iter()
        .find(|l| {
            l.attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .or_else(|| metas.get("og:url").map(str::to_owned));
    let language = doc
        .select("html")
        .attr("lang")
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .or_else(|| metas.get("og:locale").map(str::to_owned))
        .or_else(|| metas.get("content-language").map(str::to_owned))
        .or_else(|| ld.language.clone())
        .map(|l| l.replace('_', "-"));
    PageMeta {
        title,
        authors,
        url,
        language,
        site_name,
    }
}

/// og:title, JSON-LD headline, the first `<h1>`, then `<title>` without its site suffix.
fn title(doc: &Document, metas: &Metas, ld: &JsonLd, site: Option<&str>) -> String {
    let candidates = [
        metas
            .get("og:title")
            .or_else(|| metas.get("twitter:title"))
            .map(str::to_owned),
        ld.headline.clone(),
        Some(collapse_ws(&doc.select("h1").first().text())),
    ];
    for t in candidates.into_iter().flatten() {
        // Sites truncating og:title by bytes leave a broken last character.
        let t = t.trim_end_matches('\u{FFFD}');
        if !t.is_empty() {
            return strip_site_suffix(t, site, false);
        }
    }
    strip_site_suffix(
        &collapse_ws(&doc.select("title").first().text()),
        site,
        true,
    )
}

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " — ", " – ", " :: ", " · "];

/// Removes a trailing " | Site" (or " - ", " — ", " – ", " :: ", " · "). The suffix goes when it
/// equals `site` (case-insensitive); with `guess`, also when it is short (at most 4 words) and
/// the part before it is longer, which is how `<title>` suffixes look.
pub fn strip_site_suffix(title: &str, site: Option<&str>, guess: bool) -> String {
    let t = title.trim();
    let best = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|i| (i, sep.len())))
        .max();
    if let Some((i, len)) = best {
        let (head, tail) = (t[..i].trim(), t[i + len..].trim());
        let is_site = site.is_some_and(|s| s.trim().eq_ignore_ascii_case(tail));
        let looks_like_site =
            guess && tail.split_whitespace().count() <= 4 && head.len() > tail.len();
        if !head.is_empty() && (is_site || looks_like_site) {
            return head.to_owned();
        }
    }
    t.to_owned()
}

/// Names from a visible byline: elements marked as author/byline, or a short text starting "By ".
fn byline_authors(doc: &Document) -> Vec<String> {
    // Precise markup names one author per element, so all matches count; loose containers
    // (".byline") also hold dates and categories, so only the first usable one does.
    const PRECISE: &str = "[itemprop=author] [itemprop=name], [rel=author], .author-name, \
                           .byline-name, [itemprop=author]";
    const LOOSE: &str = ".byline, .author, .article-author, [class*=byline]";
    let mut names = Vec::new();
    for el in doc.select(PRECISE).iter() {
        let text = collapse_ws(&el.text());
        if !text.is_empty() && text.len() <= 120 {
            names.extend(split_names(&text));
        }
    }
    if !names.is_empty() {
        return names;
    }
    for el in doc.select(LOOSE).iter() {
        let text = collapse_ws(&el.text());
        if text.is_empty() || text.len() > 120 {
            continue;
        }
        let names = split_names(&text);
        if !names.is_empty() {
            return names;
        }
    }
    for el in doc.select("p, span, div, address").iter() {
        let text = collapse_ws(&el.text());
        if text.len() < 120 && (text.starts_with("By ") || text.starts_with("by ")) {
            let names = split_names(&text);
            if !names.is_empty() {
                return names;
            }
        }
    }
    Vec::new()
}

/// Splits a byline ("By Jane Doe and John Roe, Staff Writers") into names.
///
/// Drops a leading "By", text after " | " or a newline, and parts that do not look like names
/// (no capital letter, more than 5 words, digits, or '@').
pub fn split_names(byline: &str) -> Vec<String> {
    let mut s = byline.trim();
    for prefix in [
        "By ",
        "by ",
        "BY ",
        "Written by ",
        "Posted by ",
        "Words by ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim();
        }
    }
    let s = s.split(" | ").next().unwrap_or("");
    let s = s.split('\n').next().unwrap_or("");
    let mut out = Vec::new();
    for part in s.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        // "Minh Do on Monday", "Ana Ruiz in Lima": the byline runs on into a date or place.
        let part = part.split(" on ").next().unwrap_or("");
        let part = part.split(" in ").next().unwrap_or("");
        let name = part.trim().trim_end_matches('.').trim();
        let words = name.split_whitespace().count();
        let lower = name.to_ascii_lowercase();
        let role = [
            "staff",
            "writer",
            "reporter",
            "correspondent",
            "editor",
            "contributor",
        ];
        if words == 0
            || words > 5
            || !name.chars().next().is_some_and(char::is_uppercase)
            || name.chars().any(|c| c.is_ascii_digit() || c == '@')
            || role.iter().any(|r| lower.contains(r))
        {
            continue;
        }
        out.push(name.to_owned());
    }
    out
}

fn looks_like_domain(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !lower.contains(' ')
        && [".com", ".org", ".net", ".info", ".co.", "www."]
            .iter()
            .any(|d| lower.contains(d))
}

fn dedup(names: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.to_lowercase()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        read_meta(&Document::from(html))
    }

    #[test]
    fn title_prefers_og_then_jsonld_then_h1_then_title() {
        let og = r#"<head><meta property="og:title" content="Harbour Bridge Reopens"><title>X | Y</title></head><h1>Other</h1>"#;
        assert_eq!(meta_of(og).title, "Harbour Bridge Reopens");
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry Strike Ends"}</script><h1>Other</h1>"#;
        assert_eq!(meta_of(ld).title, "Ferry Strike Ends");
        let h1 = "<title>Ignored | Site</title><h1> Council  Votes\n on Budget </h1>";
        assert_eq!(meta_of(h1).title, "Council Votes on Budget");
        for t in [
            "Dam Levels Rise | Valley Courier",
            "Dam Levels Rise - Valley Courier",
            "Dam Levels Rise — Valley Courier",
        ] {
            assert_eq!(
                meta_of(&format!("<title>{t}</title>")).title,
                "Dam Levels Rise"
            );
        }
        // A dash inside a headline with a long tail is not a site suffix.
        assert_eq!(
            meta_of("<title>Rates rise - and what this means for your mortgage payments</title>")
                .title,
            "Rates rise - and what this means for your mortgage payments"
        );
    }

    #[test]
    fn og_title_loses_only_a_known_site_suffix() {
        let h = r#"<meta property="og:site_name" content="The Gazette"><meta property="og:title" content="Snow Closes Pass | The Gazette">"#;
        let m = meta_of(h);
        assert_eq!(
            (m.title.as_str(), m.site_name.as_deref()),
            ("Snow Closes Pass", Some("The Gazette"))
        );
    }

    #[test]
    fn authors_from_meta_and_byline() {
        let m = meta_of(
            r#"<meta name="author" content="Ana Ruiz, Tom Bell"><meta property="article:author" content="https://fb.com/x">"#,
        );
        assert_eq!(m.authors, ["Ana Ruiz", "Tom Bell"]);
        let b = meta_of("<article><p class=\"dek\">A summary.</p><p>By Jane Doe and Omar Haddad, Staff Writers</p><p>Text.</p></article>");
        assert_eq!(b.authors, ["Jane Doe", "Omar Haddad"]);
        let d = meta_of(
            r#"<meta name="author" content="Ana Ruiz"><meta name="author" content="Gazette.com">"#,
        );
        assert_eq!(d.authors, ["Ana Ruiz"]);
        let e = meta_of(
            r#"<div class="entry-byline"><span itemprop="author"><span itemprop="name">Rosa Lind</span></span> 3/4/2019 Garden, Kids</div>"#,
        );
        assert_eq!(e.authors, ["Rosa Lind"]);
        let c = meta_of(r#"<span class="byline">by Li Wei | 5 min read</span>"#);
        assert_eq!(c.authors, ["Li Wei"]);
    }

    #[test]
    fn canonical_language_site() {
        let h = r#"<html lang="en_GB"><head><link rel="canonical" href=" https://news.example/a/1 ">
            <meta property="og:url" content="https://news.example/other"></head></html>"#;
        let m = meta_of(h);
        assert_eq!(m.url.as_deref(), Some("https://news.example/a/1"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        let h2 = r#"<meta property="og:url" content="https://e.example/x"><meta property="og:locale" content="fr_FR">"#;
        let m2 = meta_of(h2);
        assert_eq!(
            (m2.url.as_deref(), m2.language.as_deref()),
            (Some("https://e.example/x"), Some("fr-FR"))
        );
        let h3 = r#"<meta http-equiv="Content-Language" content="de">"#;
        assert_eq!(meta_of(h3).language.as_deref(), Some("de"));
    }

    #[test]
    fn split_names_rejects_non_names() {
        assert_eq!(split_names("By REUTERS"), ["REUTERS"]);
        assert!(split_names("by our correspondent").is_empty());
        assert!(split_names("Updated 12 May 2021").is_empty());
        assert_eq!(
            split_names("Words by Kim Park & Jo Lee."),
            ["Kim Park", "Jo Lee"]
        );
    }
}
