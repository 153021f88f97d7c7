//! One JSON object as an [`Article`]: the field names crawlers, feeds and news APIs use for
//! title, text, date, names, URL and source, and what a field's value may look like.

use crate::article::{Article, DateSource};
use crate::extract::date::parse_date_value;
use crate::ingest::html::html_to_text;
use crate::ingest::{problem::sample, Cost, Problem};
use serde_json::{Map, Value};

// Field names, first match wins: news-please and newspaper, generic names, JSON Feed 1.1
// (`content_text`, `content_html`, `date_published`), NewsAPI (`publishedAt`), The Guardian's
// API (`webTitle`, `webPublicationDate`, `webUrl`, `fields.bodyText`) and the New York
// Times' (`headline.main`, `lead_paragraph`, `pub_date`, `web_url`).
const TITLE: &[&str] = &["title", "headline", "title_page", "title_rss", "webTitle"];
const BODY: &[&str] = &[
    "maintext",
    "body",
    "content",
    "text",
    "article",
    "articleBody",
    "content_text",
    "content_html",
    "bodyText",
    "lead_paragraph",
];
const SUMMARY: &[&str] = &[
    "description",
    "short_description",
    "summary",
    "abstract",
    "snippet",
];
const DATE: &[&str] = &[
    "date_publish",
    "publish_date",
    "published_at",
    "published",
    "pubDate",
    "datePublished",
    "publishedAt",
    "date_published",
    "webPublicationDate",
    "pub_date",
    "date",
];
const URL: &[&str] = &["url", "link", "canonical_url", "webUrl", "web_url"];

/// Where a record sits in its file, for the problems it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum At {
    /// The whole file is the record.
    Whole,
    /// JSON Lines: the record's 1-based line.
    Line(usize),
    /// The record's 0-based index in its array.
    Element(usize),
}

impl At {
    /// A problem of the record at `self`: on its line, or with its array element named
    /// before `detail`.
    pub(super) fn problem(
        self,
        path: &str,
        cost: Cost,
        reason: &'static str,
        detail: impl Into<String>,
    ) -> Problem {
        let detail = detail.into();
        match self {
            At::Whole => Problem::file(path, cost, reason, detail),
            At::Line(line) => Problem::at_line(path, line, cost, reason, detail),
            At::Element(i) if detail.is_empty() => {
                Problem::file(path, cost, reason, format!("array element {i}"))
            }
            At::Element(i) => {
                Problem::file(path, cost, reason, format!("array element {i}: {detail}"))
            }
        }
    }
}

/// Whether `key` is a field that holds an article's text ([`BODY`]).
pub(super) fn is_body_key(key: &str) -> bool {
    BODY.contains(&key)
}

/// Whether `map` holds article text of its own (a wrapper around a list of articles does not).
pub(super) fn holds_text(map: &Map<String, Value>) -> bool {
    first_text(fields_of(map), BODY).is_some()
}

/// The object holding a record's fields: Elasticsearch wraps each hit's in `_source`.
fn fields_of(map: &Map<String, Value>) -> &Map<String, Value> {
    match map.get("_source") {
        Some(Value::Object(inner)) => inner,
        _ => map,
    }
}

/// The article in JSON object `map`, or `None` when it has neither title nor text. Problems
/// with its fields (a date that does not parse, a body field without text) are warnings: the
/// article is kept.
pub(super) fn from_object(
    map: &Map<String, Value>,
    path: &str,
    at: At,
    problems: &mut Vec<Problem>,
) -> Option<Article> {
    let map = fields_of(map);
    // The Guardian's API puts the text in a `fields` object beside the title.
    let inner = map.get("fields").and_then(Value::as_object);
    let body = first_text(map, BODY)
        .or_else(|| inner.and_then(|m| first_text(m, BODY)))
        .or_else(|| first_text(map, SUMMARY))
        .map(|b| {
            if looks_like_html(&b) {
                html_to_text(&b)
            } else {
                b
            }
        })
        .map(without_truncation_marker);
    let mut a = Article {
        title: first_string(map, TITLE)
            .or_else(|| {
                let main = map.get("headline")?.get("main")?.as_str()?.trim();
                (!main.is_empty()).then(|| main.to_string())
            })
            .unwrap_or_default(),
        body: body.unwrap_or_default(),
        ..Article::default()
    };
    if a.body.is_empty() {
        // A body field that holds no text at all (numbers, `null`, an empty list) is worth
        // a word: the article is kept with its title only.
        if let Some(k) = BODY
            .iter()
            .find(|k| map.get(**k).is_some_and(|v| !v.is_null()))
        {
            problems.push(at.problem(
                path,
                Cost::Warning,
                "body field holds no text",
                format!("\"{k}\""),
            ));
        }
    }
    if a.title.trim().is_empty() && a.body.trim().is_empty() {
        return None;
    }
    let date = DATE.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(Err(s.trim().to_string())),
        Some(Value::Number(n)) => Some(Ok(n)),
        _ => None,
    });
    if let Some(Ok(n)) = date {
        match n.as_f64().and_then(date_of_number) {
            Some(ts) => {
                a.date = Some(ts);
                a.date_source = DateSource::JsonField;
            }
            None => problems.push(at.problem(
                path,
                Cost::Warning,
                "unparsable date",
                format!(
                    "{} (a number is read as YYYYMMDD, or as Unix seconds or milliseconds from \
                     1973 to 2100)",
                    sample(&n.to_string(), 40)
                ),
            )),
        }
    }
    if let Some(Err(raw)) = date {
        // A string of digits only is a date (`YYYYMMDD`) or, in JSON, Unix time as text.
        let unix = || {
            let digits = raw.len() <= 15 && raw.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| raw.parse::<f64>().ok().and_then(date_of_number))
                .flatten()
        };
        match parse_date_value(&raw).map(|(ts, _)| ts).or_else(unix) {
            Some(ts) => {
                a.date = Some(ts);
                a.date_source = DateSource::JsonField;
            }
            None => {
                problems.push(at.problem(
                    path,
                    Cost::Warning,
                    "unparsable date",
                    crate::ingest::problem::date_detail(&raw),
                ));
            }
        }
    }
    a.authors = names(map, &["authors", "author", "byline"]);
    a.people = names(map, &["people", "persons"]);
    a.places = names(map, &["places", "locations"]);
    a.organizations = names(map, &["organizations", "orgs"]);
    a.topics = names(map, &["topics", "tags", "category"])
        .iter()
        .map(|t| t.to_lowercase())
        .collect();
    a.url = first_string(map, URL);
    a.source = first_string(map, &["source_domain", "source", "publisher", "site_name"])
        // NewsAPI: `"source": {"id": …, "name": "BBC News"}`.
        .or_else(|| {
            let name = map.get("source")?.get("name")?.as_str()?.trim();
            (!name.is_empty()).then(|| name.to_string())
        })
        .or_else(|| a.url.as_deref().and_then(domain_of));
    a.language = first_string(map, &["language", "lang"]);
    Some(a)
}

/// Unix seconds of the first and last instants a numeric date may mean: 1973-03-03 (10^8
/// seconds) to 2100. Below that, a number in a date field is a placeholder (0, -1), a year
/// (2024) or `YYYYMMDD`, not a time: they became 1970 dates that outranked a URL's or a
/// dateline's.
const UNIX_SECONDS: std::ops::Range<f64> = 1e8..4_102_444_800.0;

/// The instant a numeric date field means, from three ranges that do not overlap: `YYYYMMDD`
/// (an 8-digit integer), Unix seconds in [`UNIX_SECONDS`], or Unix milliseconds in 1000 times
/// that range. `None` for anything else, a year alone included. Fractions of a second are
/// dropped.
fn date_of_number(v: f64) -> Option<jiff::Timestamp> {
    if (1e7..1e8).contains(&v) && v.fract() == 0.0 {
        return parse_date_value(&(v as i64).to_string()).map(|(ts, _)| ts);
    }
    let seconds = if UNIX_SECONDS.contains(&v) {
        v
    } else if UNIX_SECONDS.contains(&(v / 1000.0)) {
        v / 1000.0
    } else {
        return None;
    };
    jiff::Timestamp::from_second(seconds.trunc() as i64).ok()
}

/// The first of `keys` whose value holds text: a non-empty string, or the strings inside a
/// list or object (paragraph lists, `{"p": ...}` blocks some crawlers write), each with a
/// space in it (words, not ids, types or URLs), joined by blank lines: a list's in order, an
/// object's by field name (serde_json keeps no other order).
fn first_text(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    fn gather<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::String(s) if s.trim().contains(' ') => out.push(s.trim()),
            Value::Array(items) => items.iter().for_each(|i| gather(i, out)),
            Value::Object(fields) => fields.values().for_each(|i| gather(i, out)),
            _ => {}
        }
    }
    keys.iter().find_map(|k| match map.get(*k)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        v => {
            let mut parts = Vec::new();
            gather(v, &mut parts);
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
    })
}

/// The first of `keys` whose value is a non-empty string (a number is no title or name).
fn first_string(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    })
}

/// A list of names from an array of strings (or of objects with a `name`), or from one string
/// holding several names ("Ana Ruiz and Bo Chen", "Carla K. Johnson, AP").
fn names(map: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in keys {
        match map.get(*key) {
            Some(Value::Array(items)) => {
                for item in items {
                    let name = match item {
                        Value::String(s) => Some(s.as_str()),
                        Value::Object(o) => o.get("name").and_then(Value::as_str),
                        _ => None,
                    };
                    out.extend(
                        name.map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    );
                }
            }
            // JSON Feed 1.0 `"author": {"name": …}`, the New York Times' `"byline":
            // {"original": "By …"}`.
            Some(Value::Object(o)) => {
                let name = o.get("name").or_else(|| o.get("original"));
                if let Some(s) = name.and_then(Value::as_str) {
                    let s = s.trim();
                    let s = s
                        .strip_prefix("By ")
                        .or_else(|| s.strip_prefix("BY "))
                        .unwrap_or(s);
                    out.extend(split_names(s));
                }
            }
            Some(Value::String(s)) => out.extend(split_names(s)),
            _ => {}
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// The names in one string holding several ("Ana Ruiz and Bo Chen", "Carla K. Johnson, AP").
fn split_names(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// `body` without the marker NewsAPI ends its cut-short `content` with ("… [+2145 chars]"):
/// it is no text of the article.
fn without_truncation_marker(mut body: String) -> String {
    if let Some(at) = body.rfind("[+") {
        let marker = &body[at + 2..];
        let count = marker.strip_suffix(" chars]").unwrap_or("");
        if !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()) {
            let kept = body[..at]
                .trim_end()
                .trim_end_matches(['…', '.'])
                .trim_end()
                .len();
            body.truncate(kept);
        }
    }
    body
}

/// Whether a body holds HTML markup (JSON Feed's `content_html`, crawlers that keep the
/// page's paragraphs): paragraph, line-break, division or link tags. A lone `<` in prose
/// ("a<b") is not enough.
fn looks_like_html(text: &str) -> bool {
    ["<p>", "<p ", "</p>", "<br", "<div", "</a>"]
        .iter()
        .any(|tag| text.contains(tag))
}

/// `https://www.example.com/a/b` → `www.example.com`.
pub(crate) fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::{parse_json, parse_jsonl};
    use crate::article::DateSource;

    #[test]
    fn news_please_record() {
        let text = r#"{"title":"Ferry strike ends","maintext":"Crews returned on Monday.",
            "date_publish":"2026-02-03 08:15:00","authors":["Ines Duarte"],"language":"pt",
            "source_domain":"news.example.pt","url":"https://news.example.pt/a/1","extra":1}"#;
        let mut p = Vec::new();
        let got = parse_json(text, "a.json", &mut p);
        assert_eq!(got.len(), 1);
        let (key, a) = &got[0];
        assert_eq!(key, &None);
        assert_eq!(a.title, "Ferry strike ends");
        assert_eq!(a.body, "Crews returned on Monday.");
        assert_eq!(a.date.unwrap().to_string(), "2026-02-03T08:15:00Z");
        assert_eq!(a.date_source, DateSource::JsonField);
        assert_eq!(a.authors, ["Ines Duarte"]);
        assert_eq!(a.source.as_deref(), Some("news.example.pt"));
        assert_eq!(a.language.as_deref(), Some("pt"));
        assert!(p.is_empty());
    }

    #[test]
    fn numeric_dates_are_unix_time_or_yyyymmdd() {
        let mut p = Vec::new();
        let lines = [
            r#"{"title":"s","date":1700000000}"#,
            r#"{"title":"ms","date":1700000000999}"#,
            r#"{"title":"day","published":20251205}"#,
            r#"{"title":"text","date":"1700000000"}"#,
            r#"{"title":"far","date":1e300}"#,
            r#"{"title":"neg","date":-99999999999999}"#,
            // Placeholders, a year, a bad YYYYMMDD and the gap between seconds and
            // milliseconds are no dates: they read as 1970 once.
            r#"{"title":"zero","date":0}"#,
            r#"{"title":"minus","date":-1}"#,
            r#"{"title":"year","date":2024}"#,
            r#"{"title":"month 13","date":20241332}"#,
            r#"{"title":"gap","date":1e10}"#,
        ];
        let got = parse_jsonl(&lines.join("\n"), "n.jsonl", &mut p);
        let dates: Vec<String> = got
            .iter()
            .map(|(_, a)| a.date.map_or("-".into(), |d| d.to_string()))
            .collect();
        let mut want = vec!["2023-11-14T22:13:20Z"; 4];
        want[2] = "2025-12-05T00:00:00Z";
        want.extend(["-"; 7]);
        assert_eq!(dates, want);
        let warned: Vec<_> = p.iter().map(|p| (p.line, p.reason)).collect();
        let want: Vec<_> = (5..=11).map(|l| (Some(l), "unparsable date")).collect();
        assert_eq!(warned, want);
    }

    #[test]
    fn unparsable_date_keeps_article() {
        let mut p = Vec::new();
        let got = parse_jsonl(r#"{"title":"t","date":"soon"}"#, "d.jsonl", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.date, None);
        assert_eq!(p[0].reason, "unparsable date");
        assert_eq!(p[0].line, Some(1));
    }

    #[test]
    fn a_body_of_paragraph_blocks_is_read_and_one_without_text_warns() {
        let text = r#"{"title":"Lima","text":{"p":"Story in Lima.","id":"x1"}}
{"title":"Quito","body":[{"type":"paragraph","text":"First part here."},["Second part here."]]}
{"title":"Cusco","content":[1, 2],"summary":"Only the summary."}
{"title":"Puno","body":7}"#;
        let mut p = Vec::new();
        let got = parse_jsonl(text, "n.jsonl", &mut p);
        let bodies: Vec<_> = got.iter().map(|(_, a)| a.body.as_str()).collect();
        assert_eq!(
            bodies,
            [
                "Story in Lima.",
                "First part here.\n\nSecond part here.",
                "Only the summary.",
                ""
            ]
        );
        let warned: Vec<_> = p
            .iter()
            .map(|p| (p.line, p.reason, p.detail.as_str()))
            .collect();
        assert_eq!(warned, [(Some(4), "body field holds no text", "\"body\"")]);
    }

    #[test]
    fn api_fields_newsapi_marker_feed_author_and_nyt_byline() {
        let text = r#"{"title":"Dock strike","content":"Crews returned on Monday after a week… [+2145 chars]","author":{"name":"Lena Ortiz"}}
{"headline":{"main":"Pier closed"},"snippet":"The pier closed.","byline":{"original":"By Ana Ruiz and Bo Chen"}}
{"title":"Prices","text":"Prices rose [+5%]. Costs [+2 chars] did too."}"#;
        let mut p = Vec::new();
        let got = parse_jsonl(text, "api.jsonl", &mut p);
        let seen: Vec<_> = got
            .iter()
            .map(|(_, a)| (a.body.as_str(), a.authors.clone()))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "Crews returned on Monday after a week",
                    vec!["Lena Ortiz".to_string()]
                ),
                (
                    "The pier closed.",
                    vec!["Ana Ruiz".into(), "Bo Chen".into()]
                ),
                ("Prices rose [+5%]. Costs [+2 chars] did too.", vec![])
            ]
        );
        assert!(p.is_empty(), "{p:?}");
    }
}
