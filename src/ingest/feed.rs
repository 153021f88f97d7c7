//! RSS and Atom feeds (`.rss`, `.atom`, sniffed `.xml`): each item or entry is one article.
//!
//! Feeds are how news sites publish, and saved feeds are a common archive format. Covered:
//! RSS 2.0 (and 0.9x, <https://www.rssboard.org/rss-specification>), RSS 1.0 (`rdf:RDF`, items
//! beside the channel) and Atom 1.0 (RFC 4287), with the usual extensions by their conventional
//! prefixes: `content:encoded`, `dc:creator`, `dc:date`, `dc:subject`, `dc:language`. Atom
//! elements may carry an `atom:` prefix. Item text is HTML (escaped or CDATA) and becomes plain
//! text through [`html_to_text`].

use super::json::domain_of;
use super::xml::{parse_tree, Element};
use super::{Cost, Problem};
use crate::article::{Article, DateSource};
use crate::extract::date::parse_date_value;
use crate::ingest::html::html_to_text;
use crate::ingest::html::text::{collapse_ws, normalize_paragraphs};

/// Parses a feed into one article per item/entry, keyed by its 1-based position among the
/// feed's items ("1", "2", …; a skipped item keeps its number).
///
/// Mapping: title ← `title`; url ← RSS `link` (else a permalink `guid`), Atom `link
/// rel="alternate"` (else the first `link`) `href`; date ← RSS `pubDate` (RFC 2822) or
/// `dc:date`, Atom `published`, else `updated` (RFC 3339), recorded as [`DateSource::Meta`]
/// (a publisher-declared metadata date, like a page's `<meta>`); authors ← `author` (RSS
/// `email (Name)` gives Name), `dc:creator`, Atom `author/name` (else the feed's authors);
/// body ← `content:encoded` or Atom `content`, else `description` or `summary`, HTML reduced
/// to text; topics ← `category` (Atom `term`) and `dc:subject`, lower-cased; source ← the
/// channel/feed title, else the domain of its link; language ← item `dc:language` or
/// `xml:lang`, else the channel's `language`/`dc:language`/`xml:lang`.
///
/// Problems: an item with neither title nor text → [`Cost::SkippedRecord`] `no title or text`
/// at its line; an unparsable date → [`Cost::Warning`] `unparsable date` (the next date field is
/// tried, the article kept); malformed XML → `invalid XML` at the line where parsing stopped:
/// items completed before it are kept ([`Cost::SkippedRecord`]), else [`Cost::SkippedFile`];
/// a root that is not `rss`, `rdf:RDF` or `feed` → `unsupported XML`; a feed without items →
/// `no items`.
pub fn parse_feed(
    text: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(Option<String>, Article)> {
    let (doc, error) = parse_tree(text);
    let root = doc.elements().next();
    let local = root.map_or("", |r| local_name(&r.name));
    let (channel, items): (Option<&Element>, Vec<&Element>) = match (root, local) {
        (Some(r), "rss" | "RDF") => {
            let channel = r.child_named("channel");
            let beside = r.elements().filter(|e| e.name == "item");
            let inside = channel
                .into_iter()
                .flat_map(|c| c.elements().filter(|e| e.name == "item"));
            (channel, inside.chain(beside).collect())
        }
        (Some(r), "feed") => (
            Some(r),
            r.elements().filter(|e| is_atom(e, "entry")).collect(),
        ),
        _ => {
            let detail = root.map_or_else(
                || "no root element".to_string(),
                |r| format!("root <{}>", r.name),
            );
            problems.push(Problem::file(
                path,
                Cost::SkippedFile,
                "unsupported XML",
                detail,
            ));
            return Vec::new();
        }
    };
    let feed = channel.map(FeedInfo::of).unwrap_or_default();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        // An item cut off by a syntax error is reported with the error below.
        if !item.closed {
            continue;
        }
        let key = (i + 1).to_string();
        let article = if local == "feed" {
            entry_article(item, &feed, path, problems)
        } else {
            item_article(item, &feed, path, problems)
        };
        if article.title.is_empty() && article.body.is_empty() {
            problems.push(Problem::at_line(
                path,
                item.line,
                Cost::SkippedRecord,
                "no title or text",
                format!("item {key}"),
            ));
        } else {
            out.push((Some(key), article));
        }
    }
    if let Some(e) = error {
        let cost = if out.is_empty() {
            Cost::SkippedFile
        } else {
            Cost::SkippedRecord
        };
        problems.push(Problem::at_line(
            path,
            e.line,
            cost,
            "invalid XML",
            e.message,
        ));
    } else if items.is_empty() {
        problems.push(Problem::file(path, Cost::SkippedFile, "no items", ""));
    }
    out
}

/// What every item of a feed inherits.
#[derive(Default)]
struct FeedInfo {
    source: Option<String>,
    language: Option<String>,
    authors: Vec<String>,
}

impl FeedInfo {
    fn of(channel: &Element) -> FeedInfo {
        let title = channel
            .child(|n| n == "title" || n == "atom:title")
            .map(|t| html_to_text(&t.text()));
        let link = channel
            .child(|n| n == "link")
            .map(|l| l.attr("href").map_or_else(|| l.text(), str::to_string));
        FeedInfo {
            source: title
                .filter(|t| !t.is_empty())
                .or_else(|| link.as_deref().and_then(|l| domain_of(l.trim()))),
            language: language(channel, &["language", "dc:language"]),
            authors: atom_authors(channel),
        }
    }
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn is_atom(e: &Element, name: &str) -> bool {
    e.name == name || e.name.strip_prefix("atom:") == Some(name)
}

/// The trimmed texts of the children named `name`.
fn texts<'a>(e: &'a Element, name: &'a str) -> impl Iterator<Item = String> + 'a {
    e.elements()
        .filter(move |c| c.name == name)
        .map(|c| collapse_ws(&c.text()))
        .filter(|t| !t.is_empty())
}

fn language(e: &Element, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| texts(e, n).next()).or_else(|| {
        e.attr("xml:lang")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
    })
}

fn push_unique(list: &mut Vec<String>, names: impl IntoIterator<Item = String>) {
    for n in names {
        if !n.is_empty() && !list.contains(&n) {
            list.push(n);
        }
    }
}

/// Names from a byline value: "Ana Ruiz and Bo Chen", "ana@example.org (Ana Ruiz)".
fn split_names(value: &str) -> Vec<String> {
    let value = match (value.find('('), value.rfind(')')) {
        (Some(a), Some(b)) if a < b && value[..a].contains('@') => &value[a + 1..b],
        _ => value,
    };
    value
        .split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Sets the first parsable date among `candidates`, warning about each one that is not.
fn set_date(a: &mut Article, candidates: &[&Element], path: &str, problems: &mut Vec<Problem>) {
    for c in candidates {
        let raw = c.text();
        if let Some((ts, _)) = parse_date_value(&raw) {
            a.date = Some(ts);
            a.date_source = DateSource::Meta;
            return;
        }
        problems.push(Problem::at_line(
            path,
            c.line,
            Cost::Warning,
            "unparsable date",
            super::problem::date_detail(&raw),
        ));
    }
}

fn item_article(
    item: &Element,
    feed: &FeedInfo,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Article {
    let first = |name: &str| item.child_named(name);
    let permalink = item
        .child_named("guid")
        .filter(|g| g.attr("isPermaLink") != Some("false"))
        .map(|g| g.text().trim().to_string())
        .filter(|g| g.starts_with("http://") || g.starts_with("https://"));
    let mut a = Article {
        title: first("title")
            .map(|t| html_to_text(&t.text()))
            .unwrap_or_default(),
        body: first("content:encoded")
            .or_else(|| first("description"))
            .map(|b| html_to_text(&b.text()))
            .unwrap_or_default(),
        url: texts(item, "link").next().or(permalink),
        source: feed.source.clone(),
        language: language(item, &["dc:language"]).or_else(|| feed.language.clone()),
        ..Article::default()
    };
    for name in ["author", "dc:creator"] {
        push_unique(
            &mut a.authors,
            texts(item, name).flat_map(|v| split_names(&v)),
        );
    }
    for name in ["category", "dc:subject"] {
        push_unique(&mut a.topics, texts(item, name).map(|t| t.to_lowercase()));
    }
    let dates: Vec<&Element> = ["pubDate", "dc:date"]
        .iter()
        .filter_map(|n| first(n))
        .collect();
    set_date(&mut a, &dates, path, problems);
    a
}

fn entry_article(
    entry: &Element,
    feed: &FeedInfo,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Article {
    let first = |name: &str| entry.child(|n| n == name || n.strip_prefix("atom:") == Some(name));
    let links: Vec<&Element> = entry.elements().filter(|e| is_atom(e, "link")).collect();
    let url = links
        .iter()
        .find(|l| l.attr("rel").is_none_or(|r| r == "alternate"))
        .or(links.first())
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_string());
    let mut a = Article {
        title: first("title").map(atom_text).unwrap_or_default(),
        body: first("content")
            .filter(|c| c.attr("src").is_none())
            .or_else(|| first("summary"))
            .map(atom_text)
            .unwrap_or_default(),
        url,
        source: feed.source.clone(),
        language: language(entry, &[]).or_else(|| feed.language.clone()),
        ..Article::default()
    };
    a.authors = atom_authors(entry);
    if a.authors.is_empty() {
        a.authors = feed.authors.clone();
    }
    let terms = entry
        .elements()
        .filter(|e| is_atom(e, "category"))
        .filter_map(|c| c.attr("term").or(c.attr("label")))
        .map(|t| t.trim().to_lowercase());
    push_unique(&mut a.topics, terms);
    let dates: Vec<&Element> = ["published", "updated", "issued", "modified"]
        .iter()
        .filter_map(|n| first(n))
        .collect();
    set_date(&mut a, &dates, path, problems);
    a
}

/// `author/name` of an Atom entry or feed.
fn atom_authors(e: &Element) -> Vec<String> {
    let mut out = Vec::new();
    for author in e.elements().filter(|c| is_atom(c, "author")) {
        let name = author.child(|n| n == "name" || n == "atom:name");
        push_unique(&mut out, name.map(|n| collapse_ws(&n.text())));
    }
    out
}

/// An Atom text construct (RFC 4287 §3.1) as plain text: `type="html"` is escaped HTML,
/// `type="xhtml"` inline XHTML, anything else plain text.
fn atom_text(e: &Element) -> String {
    match e.attr("type").map(str::trim) {
        Some("html" | "text/html") => html_to_text(&e.text()),
        Some("xhtml" | "application/xhtml+xml") => html_to_text(&e.inner_markup()),
        _ => normalize_paragraphs(&e.text()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Tideline Gazette</title>
    <link>https://tideline.example.org/</link>
    <language>en-ie</language>
    <item>
      <title>Galway oyster festival sells out</title>
      <link>https://tideline.example.org/2026/04/oysters</link>
      <description><![CDATA[<p>Short teaser.</p>]]></description>
      <content:encoded><![CDATA[<p>All <b>4,000</b> tickets went in a day.</p><p>Organiser Niamh Doyle was &quot;thrilled&quot;.</p>]]></content:encoded>
      <pubDate>Thu, 09 Apr 2026 07:45:00 +0100</pubDate>
      <dc:creator>Ciaran Walsh and Orla Byrne</dc:creator>
      <category>Food</category>
      <category>Galway</category>
    </item>
    <item>
      <title>Ferry timetable changes from Monday</title>
      <guid isPermaLink="true">https://tideline.example.org/2026/04/timetable</guid>
      <description>&lt;p&gt;Sailings to the &lt;i&gt;Aran Islands&lt;/i&gt; move to 08:30.&lt;/p&gt;</description>
      <pubDate>Someday in April</pubDate>
      <author>desk@tideline.example.org (Sean Keane)</author>
      <category>Transport</category>
    </item>
    <item><guid>x-3</guid><description>   </description></item>
  </channel>
</rss>"#;

    #[test]
    fn rss_items_map_every_field() {
        let mut p = Vec::new();
        let got = parse_feed(RSS, "f.rss", &mut p);
        let keys: Vec<_> = got.iter().map(|(k, _)| k.as_deref().unwrap()).collect();
        assert_eq!(keys, ["1", "2"]);
        let a = &got[0].1;
        assert_eq!(a.title, "Galway oyster festival sells out");
        assert_eq!(
            a.url.as_deref(),
            Some("https://tideline.example.org/2026/04/oysters")
        );
        assert_eq!(
            a.body,
            "All 4,000 tickets went in a day.\n\nOrganiser Niamh Doyle was \"thrilled\"."
        );
        assert_eq!(a.date.unwrap().to_string(), "2026-04-09T06:45:00Z");
        assert_eq!(a.date_source, DateSource::Meta);
        assert_eq!(a.authors, ["Ciaran Walsh", "Orla Byrne"]);
        assert_eq!(a.topics, ["food", "galway"]);
        assert_eq!(a.source.as_deref(), Some("Tideline Gazette"));
        assert_eq!(a.language.as_deref(), Some("en-ie"));

        let b = &got[1].1;
        assert_eq!(b.body, "Sailings to the Aran Islands move to 08:30.");
        assert_eq!(
            b.url.as_deref(),
            Some("https://tideline.example.org/2026/04/timetable")
        );
        assert_eq!((b.date, b.date_source), (None, DateSource::None));
        assert_eq!(b.authors, ["Sean Keane"]);
        assert_eq!(b.topics, ["transport"]);

        let seen: Vec<_> = p
            .iter()
            .map(|p| (p.line, p.cost, p.reason, p.detail.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    Some(22),
                    Cost::Warning,
                    "unparsable date",
                    "Someday in April"
                ),
                (Some(26), Cost::SkippedRecord, "no title or text", "item 3"),
            ]
        );
    }

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Fjord Notes</title>
  <author><name>Desk Editor</name></author>
  <entry>
    <title type="html">Bergen &lt;em&gt;quay&lt;/em&gt; reopens</title>
    <link rel="self" href="https://fjord.example.no/feed/1"/>
    <link rel="alternate" type="text/html" href="https://fjord.example.no/2026/04/quay"/>
    <published>2026-04-11T09:00:00+02:00</published>
    <updated>2026-04-12T10:00:00+02:00</updated>
    <author><name>Sigrid Holm</name></author>
    <category term="Harbours"/>
    <summary>Short.</summary>
    <content type="html">&lt;p&gt;The quay in Bergen reopened after repairs.&lt;/p&gt;&lt;p&gt;Fishing boats returned.&lt;/p&gt;</content>
  </entry>
  <entry xml:lang="nb">
    <title>Tromsø library extends hours</title>
    <link href="https://fjord.example.no/2026/04/library"/>
    <updated>2026-04-14T16:30:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Open until 22:00.</p><p>Weekdays only.</p></div></content>
  </entry>
</feed>"#;

    #[test]
    fn atom_entries_prefer_published_and_content() {
        let mut p = Vec::new();
        let got = parse_feed(ATOM, "f.atom", &mut p);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(got.len(), 2);
        let a = &got[0].1;
        assert_eq!(a.title, "Bergen quay reopens");
        assert_eq!(
            a.url.as_deref(),
            Some("https://fjord.example.no/2026/04/quay")
        );
        assert_eq!(a.date.unwrap().to_string(), "2026-04-11T07:00:00Z");
        assert_eq!(a.authors, ["Sigrid Holm"]);
        assert_eq!(a.topics, ["harbours"]);
        assert_eq!(
            a.body,
            "The quay in Bergen reopened after repairs.\n\nFishing boats returned."
        );
        assert_eq!(a.source.as_deref(), Some("Fjord Notes"));
        assert_eq!(a.language.as_deref(), Some("en"));
        let b = &got[1].1;
        assert_eq!(b.date.unwrap().to_string(), "2026-04-14T16:30:00Z");
        assert_eq!(b.authors, ["Desk Editor"]);
        assert_eq!(b.body, "Open until 22:00.\n\nWeekdays only.");
        assert_eq!(b.language.as_deref(), Some("nb"));
        assert_eq!(got[1].0.as_deref(), Some("2"));
    }

    #[test]
    fn rss_1_0_items_beside_the_channel() {
        let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
            xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Old Wire</title></channel>
            <item><title>Kite contest in Dieppe</title><dc:date>2026-04-05</dc:date></item></rdf:RDF>"#;
        let mut p = Vec::new();
        let got = parse_feed(rdf, "o.xml", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.date.unwrap().to_string(), "2026-04-05T00:00:00Z");
        assert_eq!(got[0].1.source.as_deref(), Some("Old Wire"));
    }

    #[test]
    fn broken_feed_keeps_complete_items() {
        let text = "<rss><channel><item><title>One</title></item>\n<item><title>Two</titel></item></channel></rss>";
        let mut p = Vec::new();
        let got = parse_feed(text, "b.rss", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.title, "One");
        assert_eq!(
            (p[0].line, p[0].cost, p[0].reason),
            (Some(2), Cost::SkippedRecord, "invalid XML")
        );

        let mut p = Vec::new();
        assert!(parse_feed("<rss><channel><item><title>x", "c.rss", &mut p).is_empty());
        assert_eq!((p[0].cost, p[0].reason), (Cost::SkippedFile, "invalid XML"));

        let mut p = Vec::new();
        assert!(parse_feed("<html><body/></html>", "h.xml", &mut p).is_empty());
        assert_eq!(
            (p[0].reason, p[0].detail.as_str()),
            ("unsupported XML", "root <html>")
        );

        let mut p = Vec::new();
        assert!(parse_feed(
            "<rss><channel><title>Quiet</title></channel></rss>",
            "q.rss",
            &mut p
        )
        .is_empty());
        assert_eq!((p[0].cost, p[0].reason), (Cost::SkippedFile, "no items"));
    }

    #[test]
    fn every_truncation_is_handled_without_panic() {
        crate::ingest::xml::assert_truncations_handled(RSS, parse_feed);
    }
}
