//! JSON-LD (schema.org) article metadata: headline, authors, publisher, language.
//!
//! News sites embed `<script type="application/ld+json">` with a `NewsArticle` (or `Article`,
//! `BlogPosting`, …) object, sometimes inside an array or an `@graph`. That object is the most
//! reliable source of authors, which visible bylines mangle ("By X | Updated …").

use dom_query::Document;
use serde_json::Value;

use super::text::collapse_ws;

/// What the page's JSON-LD says about its article. All fields empty when there is none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonLd {
    /// `headline` (or `name`) of the article object.
    pub headline: Option<String>,
    /// `author` names: a string, a `Person`/`Organization` with `name`, or an array of those.
    pub authors: Vec<String>,
    /// `publisher.name`.
    pub publisher: Option<String>,
    /// `inLanguage` (a string, or an object's `alternateName`/`name`).
    pub language: Option<String>,
}

impl JsonLd {
    /// Reads every `ld+json` script of `doc`; the first article-typed object wins, else the first
    /// object with a `headline`. Scripts that are not valid JSON (even after stripping CDATA
    /// wrappers and trailing semicolons) are ignored.
    pub fn read(doc: &Document) -> JsonLd {
        let mut values = Vec::new();
        for s in doc.select("script[type]").iter() {
            let ty = s
                .attr("type")
                .map(|t| t.to_ascii_lowercase())
                .unwrap_or_default();
            if !ty.contains("ld+json") {
                continue;
            }
            values.extend(parse_lenient(&s.text()));
        }
        let mut objects = Vec::new();
        values.iter().for_each(|v| collect_objects(v, &mut objects));
        let article = objects
            .iter()
            .find(|o| is_article_type(o.get("@type")))
            .or_else(|| objects.iter().find(|o| o.get("headline").is_some()));
        let Some(a) = article else {
            return JsonLd::default();
        };
        let headline = a
            .get("headline")
            .or_else(|| a.get("name"))
            .and_then(as_text);
        let mut authors = Vec::new();
        if let Some(v) = a.get("author").or_else(|| a.get("creator")) {
            push_names(v, &mut authors);
        }
        let publisher = a
            .get("publisher")
            .and_then(|p| p.get("name").and_then(as_text).or_else(|| as_text(p)));
        let language = a.get("inLanguage").and_then(|l| {
            as_text(l).or_else(|| {
                l.get("alternateName")
                    .or_else(|| l.get("name"))
                    .and_then(as_text)
            })
        });
        JsonLd {
            headline,
            authors,
            publisher,
            language,
        }
    }
}

fn parse_lenient(raw: &str) -> Option<Value> {
    let t = raw.trim();
    let t = t
        .strip_prefix("//<![CDATA[")
        .or_else(|| t.strip_prefix("<![CDATA["))
        .unwrap_or(t);
    let t = t
        .strip_suffix("//]]>")
        .or_else(|| t.strip_suffix("]]>"))
        .unwrap_or(t)
        .trim();
    let t = t.trim_end_matches(';');
    serde_json::from_str(t).ok().or_else(|| {
        // Raw newlines and tabs inside strings are common and invalid JSON.
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Flattens top-level arrays and `@graph` into a list of objects, in document order.
fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_objects(i, out)),
        Value::Object(map) => {
            out.push(map);
            if let Some(g) = map.get("@graph") {
                collect_objects(g, out);
            }
        }
        _ => {}
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    let ok = |s: &str| {
        s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting"
    };
    match t {
        Some(Value::String(s)) => ok(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(ok)),
        _ => false,
    }
}

fn as_text(v: &Value) -> Option<String> {
    let s = collapse_ws(v.as_str()?);
    (!s.is_empty()).then_some(s)
}

fn push_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| push_names(i, out)),
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                push_names(n, out);
            }
        }
        Value::String(s) => {
            let s = collapse_ws(s);
            if !s.is_empty() && !s.starts_with("http") {
                out.extend(super::meta::split_names(&s));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> JsonLd {
        JsonLd::read(&Document::from(format!(
            "<html><head><script type=\"application/ld+json\">{json}</script></head><body></body></html>"
        )))
    }

    #[test]
    fn author_object_array_and_string() {
        let one = ld(
            r#"{"@type":"NewsArticle","headline":"Tide Record","author":{"@type":"Person","name":"Mara Quinn"}}"#,
        );
        assert_eq!(one.authors, ["Mara Quinn"]);
        assert_eq!(one.headline.as_deref(), Some("Tide Record"));
        let many = ld(
            r#"{"@type":["Article"],"author":[{"name":"A. Berg"},{"@type":"Person","name":"Sol Ortiz"}]}"#,
        );
        assert_eq!(many.authors, ["A. Berg", "Sol Ortiz"]);
        let s = ld(
            r#"{"@type":"BlogPosting","author":"Dee Park","publisher":{"name":"Hill Post"},"inLanguage":"en-CA"}"#,
        );
        assert_eq!(s.authors, ["Dee Park"]);
        assert_eq!(
            (s.publisher.as_deref(), s.language.as_deref()),
            (Some("Hill Post"), Some("en-CA"))
        );
    }

    #[test]
    fn graph_and_junk() {
        let g = ld(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"ReportageNewsArticle","headline":"Flood Warning","author":[{"name":"Ivo Petrov"}]}]};"#,
        );
        assert_eq!(
            (g.headline.as_deref(), g.authors.as_slice()),
            (Some("Flood Warning"), &["Ivo Petrov".to_owned()][..])
        );
        assert_eq!(ld("{not json"), JsonLd::default());
        assert_eq!(ld("[1, 2]"), JsonLd::default());
    }
}
