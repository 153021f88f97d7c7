//! JSON articles (`.json`, `.jsonl`, `.ndjson`): one article per object, as crawlers, feeds and
//! news APIs write them.
//!
//! A file may hold one object, an array of objects, JSON Lines, or a wrapper object that
//! lists its articles under a known key (NewsAPI `articles`, JSON Feed `items`, The Guardian's
//! `response.results`, Elasticsearch `hits.hits`). The field names each record may use are
//! in `record.rs`. In JSON Lines a bad line costs that line only; in an array a bad element
//! costs that element, an array cut off mid-write keeps the records before the cut, and a
//! second array after the first is read too (`array.rs`).

mod array;
mod record;

use super::{problem::sample, Cost, Problem};
use crate::article::Article;
use array::{ends_inside_string, message_of, parse_array_prefix, push_element, CUT_STRING};
pub(crate) use record::domain_of;
use record::{from_object, holds_text, At};
use serde_json::{Map, Value};

/// One article parsed from a JSON record, with its record key (line number or array index).
pub type Keyed = (Option<String>, Article);

/// Keys under which news APIs, feeds and search engines list their records, in the order
/// tried: NewsAPI `articles`, JSON Feed `items`, The Guardian `results`, the New York Times
/// `docs`, Elasticsearch `hits`, and common generic names.
const LISTS: &[&str] = &[
    "articles",
    "items",
    "results",
    "docs",
    "hits",
    "documents",
    "data",
    "entries",
    "posts",
    "stories",
    "records",
    "news",
];

/// Parses a JSON document holding one object, an array of objects, or a wrapper object
/// around an array of objects (see [`LISTS`]).
///
/// A document that is not valid JSON is re-read as JSON Lines, since crawlers often write JSON
/// Lines into `.json` files. Array elements that are not objects are reported and skipped.
pub fn parse_json(text: &str, path: &str, problems: &mut Vec<Problem>) -> Vec<Keyed> {
    match parse_value(text) {
        Ok(Value::Array(items)) => elements(&items, path, problems),
        Ok(Value::Object(map)) => {
            if let Some(items) = listed_records(&map, 2) {
                return elements(items, path, problems);
            }
            match from_object(&map, path, At::Whole, problems) {
                Some(a) => vec![(None, a)],
                None => {
                    problems.push(Problem::file(
                        path,
                        Cost::SkippedFile,
                        "no title or text",
                        "",
                    ));
                    Vec::new()
                }
            }
        }
        Ok(_) => {
            problems.push(Problem::file(
                path,
                Cost::SkippedFile,
                "not an object or array",
                "",
            ));
            Vec::new()
        }
        Err(e) => parse_broken(text, &e, path, problems),
    }
}

/// A document that does not parse as a whole (`error`): an array, or a wrapper's list (cut
/// off mid-write, or with a comma before a bracket), read element by element; else JSON
/// Lines; else nothing, and the file is reported.
fn parse_broken(
    text: &str,
    error: &serde_json::Error,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Keyed> {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('[') {
        let open = text.len() - start.len();
        return parse_array_prefix(text, open, false, path, problems);
    }
    if let Some(open) = listed_array_start(text) {
        return parse_array_prefix(text, open, true, path, problems);
    }
    // JSON Lines only if one of its first lines is a whole object: a pretty-printed object
    // cut off has none ("{", "\"title\": …,"), and read line by line it would give a dozen
    // errors that hide the one that matters. A JSON Lines file whose first record is bad
    // still has whole ones next.
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let several = lines.clone().nth(1).is_some();
    if several
        && lines
            .by_ref()
            .take(3)
            .any(|l| matches!(parse_value(l), Ok(Value::Object(_))))
    {
        return parse_jsonl(text, path, problems);
    }
    problems.push(Problem::file(
        path,
        Cost::SkippedFile,
        "invalid JSON",
        if ends_inside_string(error, text) {
            format!("{CUT_STRING}: the file ends inside one")
        } else {
            error.to_string()
        },
    ));
    Vec::new()
}

/// Parses one JSON value. The `NaN`, `Infinity` and `-Infinity` that Python's `json` module
/// writes by default (JSON has no such values; htmldate's own evaluation file holds them)
/// read as `null`, so a record with a `NaN` date is kept without a date. Errors are
/// serde_json's for the text as given.
pub(super) fn parse_value(text: &str) -> serde_json::Result<Value> {
    match serde_json::from_str(text) {
        Err(e) if text.contains("NaN") || text.contains("Infinity") => {
            serde_json::from_str(&nonfinite_as_null(text)).map_err(|_| e)
        }
        parsed => parsed,
    }
}

/// `text` with each `NaN`, `Infinity` and `-Infinity` outside strings replaced by `null`.
fn nonfinite_as_null(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !in_string {
            let word = ["-Infinity", "Infinity", "NaN"]
                .into_iter()
                .find(|w| rest.starts_with(w));
            let after = word.map(|w| rest[w.len()..].chars().next());
            if let (Some(w), Some(next)) = (word, after) {
                if !next.is_some_and(|n| n.is_alphanumeric() || n == '_') {
                    out.push_str("null");
                    rest = &rest[w.len()..];
                    continue;
                }
            }
        }
        match c {
            _ if in_string && escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The offset of the `[` that opens a wrapper object's list ([`LISTS`], in the object or one
/// object down) in `text`, a document that does not parse as a whole; `None` when `text` is no
/// object, or a field of article text (`"text"`, `"body"`, …) comes first: then the object is
/// an article, and a list in it is its own ("related": its items are no articles).
fn listed_array_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = text.find(|c: char| !c.is_whitespace() && c != '\u{feff}')?;
    if bytes[first] != b'{' {
        return None;
    }
    // Open containers, as their opening bytes.
    let mut open: Vec<u8> = Vec::new();
    let mut i = first;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => open.push(bytes[i]),
            b'}' | b']' => {
                open.pop();
            }
            b'"' => {
                let start = i + 1;
                let mut end = start;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let key = text.get(start..end.min(bytes.len()))?;
                i = end;
                let in_object = open.last() == Some(&b'{') && open.iter().all(|&c| c == b'{');
                if in_object && open.len() <= 2 {
                    let after = skip_ws(text, end + 1);
                    if bytes.get(after) == Some(&b':') {
                        if open.len() == 1 && record::is_body_key(key) {
                            return None;
                        }
                        let value = skip_ws(text, after + 1);
                        if LISTS.contains(&key) && bytes.get(value) == Some(&b'[') {
                            return Some(value);
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The first offset at or after `at` that is not whitespace (or `text.len()`).
fn skip_ws(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + rest.len() - rest.trim_start().len()
}

/// The articles of a whole array, keyed by index.
fn elements(items: &[Value], path: &str, problems: &mut Vec<Problem>) -> Vec<Keyed> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        push_element(item, i, path, &mut out, problems);
    }
    out
}

/// The array of records a wrapper object lists under one of [`LISTS`], looked for in `map`
/// and, `depth` levels down, in the objects it holds (`{"response": {"results": […]}}`).
/// `None` when `map` has article text of its own, or no such array is empty or holds an
/// object.
fn listed_records(map: &Map<String, Value>, depth: u8) -> Option<&Vec<Value>> {
    if holds_text(map) {
        return None;
    }
    let listed = LISTS.iter().find_map(|k| match map.get(*k) {
        // An empty list too: a feed with no items holds no article, not one titled as the feed.
        Some(Value::Array(items)) if items.is_empty() || items.iter().any(Value::is_object) => {
            Some(items)
        }
        _ => None,
    });
    if listed.is_some() || depth == 0 {
        return listed;
    }
    map.values().find_map(|v| match v {
        Value::Object(inner) => listed_records(inner, depth - 1),
        _ => None,
    })
}

/// Parses JSON Lines: one object per non-blank line, keyed by 1-based line number.
pub fn parse_jsonl(text: &str, path: &str, problems: &mut Vec<Problem>) -> Vec<Keyed> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_value(line) {
            Ok(Value::Object(map)) => match listed_records(&map, 2) {
                // A news API's response per line: its records, keyed "LINE.INDEX".
                Some(items) => {
                    for (key, a) in elements(items, path, problems) {
                        let index = key.unwrap_or_default();
                        out.push((Some(format!("{line_no}.{index}")), a));
                    }
                }
                None => match from_object(&map, path, At::Line(line_no), problems) {
                    Some(a) => out.push((Some(line_no.to_string()), a)),
                    None => problems.push(At::Line(line_no).problem(
                        path,
                        Cost::SkippedRecord,
                        "no title or text",
                        "",
                    )),
                },
            },
            Ok(_) => problems.push(At::Line(line_no).problem(
                path,
                Cost::SkippedRecord,
                "not an object",
                "",
            )),
            Err(e) => problems.push(Problem::at_line(
                path,
                line_no,
                Cost::SkippedRecord,
                "invalid JSON",
                // serde_json counts lines within the record, always line 1 here, and columns
                // in bytes: give the column in characters, next to the file's line number.
                format!(
                    "{} at column {} (line starts {:?})",
                    message_of(&e, line),
                    line.get(..e.column().saturating_sub(1))
                        .map_or(e.column(), |p| p.chars().count() + 1),
                    sample(line.trim(), 20)
                ),
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_and_generic_names() {
        let text = r#"[{"headline":"A","content":"x","published_at":"2026-01-01T10:00:00+02:00",
             "people":["Mo Farah"],"locations":["Oslo"],"orgs":["Acme"],"link":"https://ex.org/1"},
            7, {"text":"only text","publish_date":"2026-01-02"}]"#;
        let mut p = Vec::new();
        let got = parse_json(text, "b.json", &mut p);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0.as_deref(), Some("0"));
        assert_eq!(got[0].1.date.unwrap().to_string(), "2026-01-01T08:00:00Z");
        assert_eq!(got[0].1.people, ["Mo Farah"]);
        assert_eq!(got[0].1.places, ["Oslo"]);
        assert_eq!(got[0].1.organizations, ["Acme"]);
        assert_eq!(got[0].1.source.as_deref(), Some("ex.org"));
        assert_eq!(got[1].0.as_deref(), Some("2"));
        assert_eq!(got[1].1.body, "only text");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].reason, "not an object");
    }

    #[test]
    fn bad_jsonl_lines_cost_only_themselves() {
        let text = "{\"title\":\"one\",\"body\":\"b\"}\n{not json\n\n{\"title\":\"comma\",}\n\
                    [1]\n{\"title\":\"four\",\"authors\":\"Ana Ruiz and Bo Chen\"}";
        let mut p = Vec::new();
        let got = parse_jsonl(text, "c.jsonl", &mut p);
        let keys: Vec<_> = got.iter().map(|(k, _)| k.clone().unwrap()).collect();
        assert_eq!(keys, ["1", "6"]);
        assert_eq!(got[1].1.authors, ["Ana Ruiz", "Bo Chen"]);
        let lines: Vec<_> = p.iter().map(|p| (p.line, p.reason)).collect();
        assert_eq!(
            lines,
            [
                (Some(2), "invalid JSON"),
                (Some(4), "invalid JSON"),
                (Some(5), "not an object")
            ]
        );
        assert_eq!(
            p[0].detail,
            "key must be a string at column 2 (line starts \"{not json\")"
        );
        let mut p = Vec::new();
        parse_jsonl(
            "{\"title\":\"Zürich\", \"text\": broken}",
            "z.jsonl",
            &mut p,
        );
        assert!(p[0].detail.contains("at column 28"), "{}", p[0].detail);
    }

    #[test]
    fn articles_listed_inside_a_wrapper_object_are_read() {
        let newsapi = r#"{"status":"ok","totalResults":2,"articles":[
            {"source":{"id":null,"name":"Harbour Post"},"author":"Lena Ortiz",
             "title":"Dock strike ends","description":"Crews are back.",
             "url":"https://harbour.example/a","publishedAt":"2026-03-04T05:06:07Z",
             "content":"Crews returned to the docks on Monday."},
            {"title":"","content":null}]}"#;
        let mut p = Vec::new();
        let got = parse_json(newsapi, "newsapi.json", &mut p);
        assert_eq!(got.len(), 1);
        let (key, a) = &got[0];
        assert_eq!(key.as_deref(), Some("0"));
        assert_eq!(a.title, "Dock strike ends");
        assert_eq!(a.body, "Crews returned to the docks on Monday.");
        assert_eq!(a.date.unwrap().to_string(), "2026-03-04T05:06:07Z");
        assert_eq!(a.source.as_deref(), Some("Harbour Post"));
        assert_eq!(a.authors, ["Lena Ortiz"]);
        let seen: Vec<_> = p.iter().map(|p| (p.reason, p.detail.as_str())).collect();
        assert_eq!(seen, [("no title or text", "array element 1")]);

        // JSON Feed 1.1: the feed's own title is no article; HTML content becomes text.
        let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Harbour Post",
            "description":"News from the docks","items":[{"id":"1","url":"https://harbour.example/b",
            "title":"Ferry late","content_html":"<p>The ferry was late.</p><p>Again.</p>",
            "date_published":"2026-03-05T08:00:00+01:00","authors":[{"name":"Lena Ortiz"}]}]}"#;
        let got = parse_json(feed, "feed.json", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.body, "The ferry was late.\n\nAgain.");
        assert_eq!(got[0].1.date.unwrap().to_string(), "2026-03-05T07:00:00Z");
        assert_eq!(got[0].1.authors, ["Lena Ortiz"]);

        // Two levels down: The Guardian's API, and Elasticsearch hits with `_source`.
        let guardian = r#"{"response":{"status":"ok","results":[{"webTitle":"Tide record",
            "webPublicationDate":"2026-03-06T10:00:00Z","webUrl":"https://g.example/c",
            "fields":{"bodyText":"The tide set a record."}}]}}"#;
        let got = parse_json(guardian, "guardian.json", &mut p);
        assert_eq!(got[0].1.title, "Tide record");
        assert_eq!(got[0].1.body, "The tide set a record.");
        assert_eq!(got[0].1.url.as_deref(), Some("https://g.example/c"));
        let es = r#"{"took":3,"hits":{"total":{"value":1},"hits":[{"_id":"x",
            "_source":{"headline":{"main":"Pier closed"},"lead_paragraph":"The pier closed.",
            "pub_date":"2026-03-07"}}]}}"#;
        let got = parse_json(es, "es.json", &mut p);
        assert_eq!(got[0].1.title, "Pier closed");
        assert_eq!(got[0].1.body, "The pier closed.");
        assert_eq!(got[0].1.date.unwrap().to_string(), "2026-03-07T00:00:00Z");
        assert_eq!(p.len(), 1, "{p:?}");

        // An article that lists related ones is still the article.
        let article = r#"{"title":"Main","text":"Main story.","items":[{"title":"Other"}]}"#;
        let got = parse_json(article, "one.json", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].0.as_deref(), got[0].1.title.as_str()),
            (None, "Main")
        );
    }

    #[test]
    fn python_nan_and_infinity_read_as_null() {
        let text = r#"[{"title":"A","date":NaN,"note":"NaN stays"},{"title":"B","x":-Infinity}]"#;
        let mut p = Vec::new();
        let got = parse_json(text, "py.json", &mut p);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1.date, None);
        assert!(p.is_empty(), "{p:?}");
        let got = parse_jsonl(
            "{\"title\":\"C\",\"date\":NaN}\n{\"title\":NaNa}",
            "py.jsonl",
            &mut p,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].line, p[0].reason), (Some(2), "invalid JSON"));
        assert_eq!(
            nonfinite_as_null(r#"{"a":"NaN \" Infinity","b":[NaN,Infinity,-Infinity]}"#),
            r#"{"a":"NaN \" Infinity","b":[null,null,null]}"#
        );
    }

    /// A file cut inside a string and then given a final newline is reported as cut off, as
    /// without the newline, not as a control character in a string.
    #[test]
    fn a_string_cut_before_a_final_newline_is_reported_as_cut_off() {
        let mut p = Vec::new();
        assert!(parse_json(
            "{\"title\":\"Ships\",\"text\":\"The har\n",
            "a.json",
            &mut p
        )
        .is_empty());
        assert_eq!(
            p[0].detail,
            "EOF while parsing a string: the file ends inside one"
        );
        p.clear();
        let array = "[{\"title\":\"Ships\"},{\"title\":\"Rain\",\"text\":\"It rai\n\n";
        assert_eq!(parse_json(array, "b.json", &mut p).len(), 1);
        assert_eq!(
            p[0].detail,
            "array element 1: EOF while parsing a string; the 1 record before it was kept"
        );
        // So is a pretty-printed object, which is no JSON Lines.
        p.clear();
        let pretty = "{\n  \"title\": \"Ships\",\n  \"maintext\": \"The harbour reo\n";
        assert!(parse_json(pretty, "p.json", &mut p).is_empty());
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].detail,
            "EOF while parsing a string: the file ends inside one"
        );
        // JSON Lines whose first record is cut keeps the next ones.
        p.clear();
        let lines = "{\"title\":\"Sh\n{\"title\":\"Rain\",\"text\":\"It rained.\"}\n";
        assert_eq!(parse_json(lines, "l.json", &mut p).len(), 1);
        assert_eq!((p.len(), p[0].line), (1, Some(1)), "{p:?}");
        // A control character inside the text is still named as one.
        p.clear();
        assert!(parse_json("{\"title\":\"Sh\tips\"}\n", "c.json", &mut p).is_empty());
        assert!(p[0].detail.starts_with("control character"), "{p:?}");
    }

    #[test]
    fn a_cut_off_wrapper_keeps_its_whole_records_and_an_empty_feed_holds_none() {
        let mut p = Vec::new();
        let cut = r#"{"status":"ok","articles":[{"title":"C1"},{"title":"C2"},{"title":"C3","co"#;
        let titles = |got: Vec<Keyed>| got.into_iter().map(|(_, a)| a.title).collect::<Vec<_>>();
        assert_eq!(titles(parse_json(cut, "cut.json", &mut p)), ["C1", "C2"]);
        assert_eq!((p.len(), p[0].cost), (1, Cost::SkippedRecord));
        let comma = r#"{"hits":{"hits":[{"_source":{"title":"H1"}},]},"took":3}"#;
        p.clear();
        assert_eq!(titles(parse_json(comma, "es.json", &mut p)), ["H1"]);
        assert!(p.is_empty(), "{p:?}");
        // An article cut off is no wrapper, though it lists related items after its text.
        let article = r#"{"title":"Main","text":"Main story.","items":[{"title":"Other"}"#;
        assert!(parse_json(article, "one.json", &mut p).is_empty());
        assert_eq!(p[0].reason, "invalid JSON");
        let empty = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Feed","items":[]}"#;
        p.clear();
        assert!(parse_json(empty, "feed.json", &mut p).is_empty());
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn a_wrapper_per_line_gives_its_records() {
        let text = "{\"articles\":[{\"title\":\"A\"},{\"title\":\"B\"}]}\n{\"title\":\"C\"}";
        let mut p = Vec::new();
        let keys: Vec<_> = parse_jsonl(text, "api.jsonl", &mut p)
            .into_iter()
            .map(|(k, a)| (k.unwrap_or_default(), a.title))
            .collect();
        assert_eq!(
            keys,
            [
                ("1.0".to_string(), "A".to_string()),
                ("1.1".into(), "B".into()),
                ("2".into(), "C".into())
            ]
        );
    }

    #[test]
    fn garbage_json_file_is_skipped() {
        let mut p = Vec::new();
        assert!(parse_json("{\"title\": ", "e.json", &mut p).is_empty());
        assert_eq!(p[0].cost, Cost::SkippedFile);
        assert_eq!(p[0].reason, "invalid JSON");
    }
}
