//! Publication dates from the structured parts of a web page: JSON-LD, `<meta>` tags,
//! microdata, `<time>` elements and date fields in page scripts.
//!
//! Exists because these are the most trustworthy signals on the web: the publisher wrote
//! them for machines. Modified/updated dates are deliberately ignored: the index wants the
//! original publication day.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::blocks::{inside, side_blocks};
use super::parse::{parse_value, ParsedDate};
use crate::article::DateSource;
use crate::markup::Tag;

/// `<meta>` keys (from `property`, `name`, `itemprop` or `http-equiv`, lower-cased) that carry
/// a publication date, most specific first. Sources: Open Graph article namespace, Dublin
/// Core, Highwire/Google Scholar `citation_*`, Parse.ly, Sailthru, schema.org microdata, and
/// conventions observed on news sites.
const META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "article.published",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.published",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "publication_date",
    "pubdate",
    "og:pubdate",
    "originalpublicationdate",
    "original-publish-date",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "date_published",
    "article:post_date",
    "dc.date.created",
    "dcterms.created",
    "datecreated",
    "date",
    "dc.date",
    "dcterms.date",
    "dc:date",
    "created",
];

/// The structured publication date of a page, trying in order JSON-LD, `<meta>` tags (and
/// microdata `itemprop=datePublished` on other elements), and `<time datetime>` elements. `tags` must come from [`crate::markup::scan_tags`] of `html`.
pub fn structured_date(html: &str, tags: &[Tag]) -> Option<(ParsedDate, DateSource)> {
    if let Some(d) = json_ld_date(html, tags) {
        return Some((d, DateSource::Jsonld));
    }
    if let Some(d) = meta_date(tags) {
        return Some((d, DateSource::Meta));
    }
    if let Some(d) = time_tag_date(tags) {
        return Some((d, DateSource::TimeTag));
    }
    None
}

/// The `datePublished` (else `dateCreated`) of the page's JSON-LD, preferring objects whose
/// `@type` is an article kind. Comments, web sites, organizations and people are ignored.
/// Scripts that are not valid JSON are searched with a pattern instead.
pub fn json_ld_date(html: &str, tags: &[Tag]) -> Option<ParsedDate> {
    static LOOSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{6,60})""#).unwrap());
    let mut best: Option<(u8, ParsedDate)> = None;
    for t in tags.iter().filter(|t| t.name == "script") {
        let is_ld = t
            .attr("type")
            .is_some_and(|ty| ty.to_ascii_lowercase().contains("ld+json"));
        let Some((s, e)) = t.body.filter(|_| is_ld) else {
            continue;
        };
        let body = html[s..e].trim();
        let body = body
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let body = body
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>")
            .trim();
        let mut found = Vec::new();
        match serde_json::from_str::<Value>(body) {
            Ok(v) => walk_json_ld(&v, false, &mut found),
            Err(_) => {
                if let Some(c) = LOOSE.captures(body) {
                    found.push((1, c[1].to_string()));
                }
            }
        }
        for (rank, s) in found {
            if let Some(d) = parse_value(&s) {
                if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                    best = Some((rank, d));
                }
            }
        }
    }
    best.map(|(_, d)| d)
}

/// Collects (rank, value): 0 article datePublished, 1 other datePublished, 2 article
/// dateCreated, 3 other dateCreated.
fn walk_json_ld(v: &Value, in_skipped: bool, out: &mut Vec<(u8, String)>) {
    match v {
        Value::Array(items) => items.iter().for_each(|x| walk_json_ld(x, in_skipped, out)),
        Value::Object(map) => {
            let types: Vec<String> = match map.get("@type") {
                Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .map(str::to_ascii_lowercase)
                    .collect(),
                _ => Vec::new(),
            };
            let article = types.iter().any(|t| {
                [
                    "article",
                    "posting",
                    "report",
                    "review",
                    "blog",
                    "creativework",
                    "recipe",
                ]
                .iter()
                .any(|k| t.contains(k))
            });
            let skipped = in_skipped
                || types.iter().any(|t| {
                    [
                        "comment",
                        "website",
                        "organization",
                        "person",
                        "product",
                        "event",
                        "offer",
                    ]
                    .iter()
                    .any(|k| t.contains(k))
                });
            if !skipped {
                for (key, base) in [("datePublished", 0u8), ("dateCreated", 2u8)] {
                    if let Some(Value::String(s)) = map.get(key) {
                        out.push((base + u8::from(!article), s.clone()));
                    }
                }
            }
            for (k, x) in map {
                if k != "datePublished" && k != "dateCreated" {
                    walk_json_ld(x, skipped, out);
                }
            }
        }
        _ => {}
    }
}

/// The most specific publication `<meta>` tag of `META_KEYS` whose value parses; also
/// microdata `itemprop="datePublished"` on any element (`content` or `datetime`).
pub fn meta_date(tags: &[Tag]) -> Option<ParsedDate> {
    // Ranks are 2 × the position in META_KEYS; site-specific keys naming a publication date
    // or time (`zdf:publicationDate`) rank just above the generic `date`.
    let generic = 2 * META_KEYS.iter().position(|k| *k == "date").unwrap_or(0) - 1;
    let mut best: Option<(usize, ParsedDate)> = None;
    for t in tags.iter().filter(|t| !t.closing) {
        let value = t
            .attr("content")
            .or_else(|| t.attr("datetime"))
            .or_else(|| t.attr("value"));
        let Some(value) = value else { continue };
        for k in ["property", "name", "itemprop", "http-equiv"] {
            let Some(key) = t.attr(k) else { continue };
            let key = key.trim().to_ascii_lowercase();
            let key = key.strip_prefix("schema:").unwrap_or(&key);
            if t.name != "meta" && key != "datepublished" {
                continue;
            }
            let listed = META_KEYS.iter().position(|m| *m == key).map(|p| 2 * p);
            let custom = (key.contains("publi")
                && (key.contains("date") || key.contains("time"))
                && !key.contains("modif")
                && !key.contains("updat"))
            .then_some(generic);
            let Some(rank) = listed.or(custom) else {
                continue;
            };
            if best.as_ref().is_some_and(|(r, _)| *r <= rank) {
                continue;
            }
            if let Some(d) = parse_value(value) {
                best = Some((rank, d));
            }
        }
    }
    best.map(|(_, d)| d)
}

/// A `<time datetime>` marked as the publication time (`pubdate` attribute,
/// `itemprop=datePublished`, a class naming publication or the entry date), else the
/// `<time datetime>` nearest the first `<h1>` that is not marked as an update. `<time>`
/// elements inside comment threads, related-article lists and sidebars
/// ([`super::blocks::side_blocks`]) are ignored: they date other texts.
pub fn time_tag_date(tags: &[Tag]) -> Option<ParsedDate> {
    let side = side_blocks(tags);
    let times: Vec<&Tag> = tags
        .iter()
        .filter(|t| t.name == "time" && !t.closing && t.attr("datetime").is_some())
        .filter(|t| !inside(&side, t.start))
        .collect();
    let class = |t: &Tag| {
        format!(
            "{} {}",
            t.attr("class").unwrap_or(""),
            t.attr("itemprop").unwrap_or("")
        )
        .to_ascii_lowercase()
    };
    let marked = times.iter().find(|t| {
        let c = class(t);
        t.attr("pubdate").is_some()
            || [
                "publish",
                "entry-date",
                "post-date",
                "created",
                "article-date",
            ]
            .iter()
            .any(|k| c.contains(k))
    });
    // Unmarked: the one nearest the first <h1> (before it counts double), as for bylines.
    let anchor = tags
        .iter()
        .find(|t| t.name == "h1" && !t.closing)
        .map(|t| t.start);
    let distance = |t: &Tag| match anchor {
        None => t.start,
        Some(a) if t.start >= a => t.start - a,
        Some(a) => 2 * (a - t.start),
    };
    let chosen = marked.or_else(|| {
        times
            .iter()
            .filter(|t| {
                let c = class(t);
                !["updat", "modif", "comment"].iter().any(|k| c.contains(k))
            })
            .min_by_key(|t| distance(t))
    })?;
    parse_value(chosen.attr("datetime")?)
}

/// The calendar day, in its own written offset, of a `<time datetime>` or `<meta>` value that
/// denotes exactly instant `at` with a non-zero UTC offset.
pub fn same_instant_local_day(tags: &[Tag], at: jiff::Timestamp) -> Option<jiff::civil::Date> {
    tags.iter()
        .filter(|t| !t.closing && (t.name == "time" || t.name == "meta"))
        .filter_map(|t| t.attr("datetime").or_else(|| t.attr("content")))
        .filter(|v| v.len() < 40)
        .filter_map(parse_value)
        .find(|p| p.at == at && p.offset.is_some_and(|o| o != 0))
        .map(|p| p.local)
}

/// A publication date field in the JSON or JavaScript of a non-JSON-LD `<script>`
/// (`"publishedDate"`, `"published_at"`, `"publicationDate"`, `"createdAt"`, `date:` ...):
/// the first whose value parses, publication keys before creation keys.
pub fn script_field_date(html: &str, tags: &[Tag]) -> Option<ParsedDate> {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"["']?\b(datePublished|publishedDate|published_at|publishedAt|publishDate|publish_date|published_date|pubDate|publicationDate|firstPublished(?:Date|At)?|createdAt|created_at|dateCreated)["']?\s*:\s*["']([^"']{8,40})["']"#).unwrap()
    });
    let mut best: Option<(bool, ParsedDate)> = None;
    for t in tags.iter().filter(|t| t.name == "script") {
        if t.attr("type")
            .is_some_and(|ty| ty.to_ascii_lowercase().contains("ld+json"))
        {
            continue;
        }
        let Some((s, e)) = t.body else { continue };
        for c in FIELD.captures_iter(&html[s..e]) {
            let created = c[1].to_ascii_lowercase().contains("creat");
            if best.as_ref().is_some_and(|(bc, _)| !*bc || created) {
                continue;
            }
            if let Some(d) = parse_value(&c[2]) {
                best = Some((created, d));
            }
        }
    }
    best.map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::scan_tags;

    fn day(html: &str) -> Option<(String, DateSource)> {
        let tags = scan_tags(html);
        structured_date(html, &tags).map(|(d, s)| (d.local.to_string(), s))
    }

    #[test]
    fn json_ld_prefers_article_over_other_objects() {
        let h = r#"<script type="application/ld+json">{"@graph":[
            {"@type":"WebSite","datePublished":"2001-01-01"},
            {"@type":"NewsArticle","datePublished":"2022-06-14T08:00:00+02:00",
             "dateModified":"2022-06-20T08:00:00+02:00",
             "comment":[{"@type":"Comment","datePublished":"2022-06-15"}]}]}</script>"#;
        assert_eq!(day(h), Some(("2022-06-14".into(), DateSource::Jsonld)));
    }

    #[test]
    fn broken_json_ld_still_read() {
        let h = r#"<script type="application/ld+json">{"@type":"Article", "datePublished": "2022-06-14",}</script>"#;
        assert_eq!(day(h), Some(("2022-06-14".into(), DateSource::Jsonld)));
    }

    #[test]
    fn meta_specific_key_wins_over_generic() {
        let h = r#"<meta name="date" content="2020-02-02"><meta property="article:modified_time" content="2021-01-01T00:00:00Z">
            <meta property="article:published_time" content="2019-11-05T23:30:00-05:00">"#;
        let tags = scan_tags(h);
        let d = meta_date(&tags).unwrap();
        assert_eq!(d.local.to_string(), "2019-11-05");
        assert_eq!(d.at.to_string(), "2019-11-06T04:30:00Z");
        assert_eq!(
            day(r#"<meta name="DC.date.issued" content="2018-03-04">"#)
                .unwrap()
                .0,
            "2018-03-04"
        );
        assert_eq!(
            day(r#"<span itemprop="datePublished" content="2018-03-05"></span>"#)
                .unwrap()
                .0,
            "2018-03-05"
        );
    }

    #[test]
    fn time_tags() {
        let h = r#"<time class="updated" datetime="2020-05-06">x</time><time datetime="2020-05-01T10:00:00Z">y</time>"#;
        assert_eq!(day(h), Some(("2020-05-01".into(), DateSource::TimeTag)));
        let h =
            r#"<time datetime="2020-04-01">a</time><time pubdate datetime="2020-03-01">b</time>"#;
        assert_eq!(day(h).unwrap().0, "2020-03-01");
    }

    #[test]
    fn time_tags_of_comments_and_teasers_are_ignored() {
        let h = r#"<article><h1>Deichbau</h1><p>Text ohne Datum.</p></article>
            <section id="comments"><time class="published" datetime="2021-09-03">3.9.</time></section>
            <ul class="related-list"><li><time datetime="2021-08-30">30.8.</time></li></ul>"#;
        assert_eq!(day(h), None);
        let h = format!(r#"{h}<footer><time datetime="2021-09-01">1.9.</time></footer>"#);
        assert_eq!(day(&h).unwrap().0, "2021-09-01");
    }
}
