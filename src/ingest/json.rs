//! JSON articles (`.json`, `.jsonl`, `.ndjson`): one article per object, as crawlers write them.
//!
//! Field names follow the common scrapers: news-please (`title`, `maintext`, `date_publish`,
//! `authors`, `url`, `source_domain`, `language`, `description`), newspaper (`text`,
//! `publish_date`, `authors`) and generic names (`body`/`content`/`text`, `date`/`published`/
//! `published_at`/`pubDate`/`datePublished`, `people`/`persons`, `places`/`locations`,
//! `organizations`/`orgs`). Unknown fields are ignored. In JSON Lines, a bad line costs that
//! line only; in an array, a bad element costs that element, and an array cut off mid-write
//! keeps the records before the cut. A date field may also hold a number, or digits as a string: `YYYYMMDD`, or Unix
//! time in seconds or milliseconds from 1973 to 2100 (three ranges that do not overlap).

use super::{problem::sample, Cost, Problem};
use crate::article::{Article, DateSource};
use crate::extract::date::parse_date_value;
use serde_json::{Map, Value};

/// One article parsed from a JSON record, with its record key (line number or array index).
pub type Keyed = (Option<String>, Article);

/// Parses a JSON document holding one object or an array of objects.
///
/// A document that is not valid JSON is re-read as JSON Lines, since crawlers often write JSON
/// Lines into `.json` files. Array elements that are not objects are reported and skipped.
pub fn parse_json(text: &str, path: &str, problems: &mut Vec<Problem>) -> Vec<Keyed> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                push_element(item, i, path, &mut out, problems);
            }
            out
        }
        Ok(Value::Object(map)) => match from_object(&map, path, None, problems) {
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
        },
        Ok(_) => {
            problems.push(Problem::file(
                path,
                Cost::SkippedFile,
                "not an object or array",
                "",
            ));
            Vec::new()
        }
        Err(_)
            if text
                .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
                .starts_with('[') =>
        {
            parse_array_prefix(text, path, problems)
        }
        Err(_) if text.lines().filter(|l| !l.trim().is_empty()).count() > 1 => {
            parse_jsonl(text, path, problems)
        }
        Err(e) => {
            problems.push(Problem::file(
                path,
                Cost::SkippedFile,
                "invalid JSON",
                e.to_string(),
            ));
            Vec::new()
        }
    }
}

/// Reads an array that does not parse as a whole element by element. A broken element costs
/// only itself when its end can be found (brackets balanced outside strings, then `,` or
/// `]`), as a bad line does in JSON Lines. An array cut off mid-write (a crawler stopped)
/// keeps every record before the cut; one problem reports the cut with its line and how many
/// records were kept.
fn parse_array_prefix(text: &str, path: &str, problems: &mut Vec<Problem>) -> Vec<Keyed> {
    let mut out = Vec::new();
    let mut pos = text.find('[').map_or(text.len(), |i| i + 1);
    let mut index = 0;
    let failure = loop {
        pos = skip_space(text, pos);
        let rest = &text[pos..];
        if index == 0 && rest.starts_with(']') {
            break trailing(text, pos + 1, path, problems);
        }
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let element = stream.next();
        let read = stream.byte_offset();
        pos = match element {
            Some(Ok(value)) => {
                push_element(&value, index, path, &mut out, problems);
                pos + read
            }
            Some(Err(e)) => {
                let what = format!("array element {index}: {}", message_of(&e));
                let Some(end) = element_end(text, pos) else {
                    break Some((pos, what));
                };
                problems.push(Problem::at_line(
                    path,
                    line_at(text, pos),
                    Cost::SkippedRecord,
                    "invalid JSON",
                    what,
                ));
                end
            }
            None => break Some((pos, format!("array cut off before element {index}"))),
        };
        pos = skip_space(text, pos);
        index += 1;
        match text[pos..].chars().next() {
            Some(',') => pos += 1,
            Some(']') => break trailing(text, pos + 1, path, problems),
            None => break Some((pos, format!("array cut off after element {}", index - 1))),
            Some(c) => {
                let last = index - 1;
                break Some((
                    pos,
                    format!("expected ',' or ']' after array element {last}, found {c:?}"),
                ));
            }
        }
    };
    if let Some((at, what)) = failure {
        let kept = out.len();
        let cost = if kept == 0 {
            Cost::SkippedFile
        } else {
            Cost::SkippedRecord
        };
        let detail = match kept {
            0 => what,
            1 => format!("{what}; the 1 record before it was kept"),
            n => format!("{what}; the {n} records before it were kept"),
        };
        problems.push(Problem::at_line(
            path,
            line_at(text, at),
            cost,
            "invalid JSON",
            detail,
        ));
    }
    out
}

/// 1-based line number of byte offset `at`.
fn line_at(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Byte offset of the `,` or `]` that ends the array element starting at `pos`, found by
/// balancing brackets outside strings; `None` if the text ends first.
fn element_end(text: &str, pos: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &c) in text.as_bytes().iter().enumerate().skip(pos) {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            b']' | b',' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}
/// The first non-whitespace byte offset at or after `pos`.
fn skip_space(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    pos + rest.len() - rest.trim_start().len()
}

/// Warns if anything but whitespace follows the array's closing bracket at `pos`; every
/// record was read, so nothing is lost. Returns no failure.
fn trailing(
    text: &str,
    pos: usize,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<(usize, String)> {
    let at = skip_space(text, pos);
    if at < text.len() {
        let line = text[..at].matches('\n').count() + 1;
        problems.push(Problem::at_line(
            path,
            line,
            Cost::Warning,
            "text after JSON",
            format!("ignored from {:?}", sample(&text[at..], 20)),
        ));
    }
    None
}

/// serde_json's message without its position, which counts from the element, not the file.
fn message_of(e: &serde_json::Error) -> String {
    let s = e.to_string();
    s.split(" at line ").next().unwrap_or_default().to_string()
}

/// Adds array element `index` to `out` as an article keyed by its index, or reports why it
/// is none.
fn push_element(
    item: &Value,
    index: usize,
    path: &str,
    out: &mut Vec<Keyed>,
    problems: &mut Vec<Problem>,
) {
    match item {
        Value::Object(map) => match from_object(map, path, None, problems) {
            Some(a) => out.push((Some(index.to_string()), a)),
            None => problems.push(record_problem(path, None, "no title or text", index)),
        },
        _ => problems.push(record_problem(path, None, "not an object", index)),
    }
}

fn record_problem(path: &str, line: Option<usize>, reason: &'static str, index: usize) -> Problem {
    match line {
        Some(l) => Problem::at_line(path, l, Cost::SkippedRecord, reason, ""),
        None => Problem::file(
            path,
            Cost::SkippedRecord,
            reason,
            format!("array element {index}"),
        ),
    }
}

/// Parses JSON Lines: one object per non-blank line, keyed by 1-based line number.
pub fn parse_jsonl(text: &str, path: &str, problems: &mut Vec<Problem>) -> Vec<Keyed> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => match from_object(&map, path, Some(line_no), problems) {
                Some(a) => out.push((Some(line_no.to_string()), a)),
                None => problems.push(record_problem(path, Some(line_no), "no title or text", 0)),
            },
            Ok(_) => problems.push(record_problem(path, Some(line_no), "not an object", 0)),
            Err(e) => problems.push(Problem::at_line(
                path,
                line_no,
                Cost::SkippedRecord,
                "invalid JSON",
                // serde_json counts lines within the record, always line 1 here, and columns
                // in bytes: give the column in characters, next to the file's line number.
                format!(
                    "{} at column {} (line starts {:?})",
                    message_of(&e),
                    line.get(..e.column().saturating_sub(1))
                        .map_or(e.column(), |p| p.chars().count() + 1),
                    sample(line.trim(), 20)
                ),
            )),
        }
    }
    out
}

const TITLE: &[&str] = &["title", "headline", "title_page", "title_rss"];
const BODY: &[&str] = &[
    "maintext",
    "body",
    "content",
    "text",
    "article",
    "articleBody",
];
const SUMMARY: &[&str] = &["description", "short_description", "summary", "abstract"];
const DATE: &[&str] = &[
    "date_publish",
    "publish_date",
    "published_at",
    "published",
    "pubDate",
    "datePublished",
    "date",
];

fn from_object(
    map: &Map<String, Value>,
    path: &str,
    line: Option<usize>,
    problems: &mut Vec<Problem>,
) -> Option<Article> {
    let mut a = Article {
        title: first_string(map, TITLE).unwrap_or_default(),
        body: first_text(map, BODY)
            .or_else(|| first_text(map, SUMMARY))
            .unwrap_or_default(),
        ..Article::default()
    };
    if a.body.is_empty() {
        // A body field that holds no text at all (numbers, `null`, an empty list) is worth
        // a word: the article is kept with its title only.
        if let Some(k) = BODY
            .iter()
            .find(|k| map.get(**k).is_some_and(|v| !v.is_null()))
        {
            problems.push(Problem {
                path: path.to_string(),
                line,
                cost: Cost::Warning,
                reason: "body field holds no text",
                detail: format!("\"{k}\""),
            });
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
            None => problems.push(Problem {
                path: path.to_string(),
                line,
                cost: Cost::Warning,
                reason: "unparsable date",
                detail: format!(
                    "{} (a number is read as YYYYMMDD, or as Unix seconds or milliseconds from \
                     1973 to 2100)",
                    sample(&n.to_string(), 40)
                ),
            }),
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
                let p = Problem {
                    path: path.to_string(),
                    line,
                    cost: Cost::Warning,
                    reason: "unparsable date",
                    detail: super::problem::date_detail(&raw),
                };
                problems.push(p);
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
    a.url = first_string(map, &["url", "link", "canonical_url"]);
    a.source = first_string(map, &["source_domain", "source", "publisher", "site_name"])
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
            Some(Value::String(s)) => out.extend(
                s.split([',', ';'])
                    .flat_map(|part| part.split(" and "))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            ),
            _ => {}
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// `https://www.example.com/a/b` → `www.example.com`.
pub(crate) fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let text =
            "{\"title\":\"one\",\"body\":\"b\"}\n{not json\n\n{\"title\":\"nan\",\"x\":NaN}\n\
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
    fn cut_off_array_keeps_the_records_before_the_cut() {
        let whole = "[\n {\"title\": \"A\", \"text\": \"a\"},\n {\"title\": \"B\"},\n 3,\n {\"title\": \"C\", \"te";
        let mut p = Vec::new();
        let got = parse_json(whole, "cut.json", &mut p);
        let titles: Vec<_> = got
            .iter()
            .map(|(k, a)| (k.clone().unwrap(), a.title.clone()))
            .collect();
        assert_eq!(
            titles,
            [("0".into(), "A".to_string()), ("1".into(), "B".into())]
        );
        let seen: Vec<_> = p.iter().map(|p| (p.line, p.cost, p.reason)).collect();
        assert_eq!(
            seen,
            [
                (None, Cost::SkippedRecord, "not an object"),
                (Some(5), Cost::SkippedRecord, "invalid JSON")
            ]
        );
        assert_eq!(
            p[1].detail,
            "array element 3: EOF while parsing a string; the 2 records before it were kept"
        );
        for (text, detail) in [
            ("[{\"title\": \"A\"}", "array cut off after element 0"),
            ("[{\"title\": \"A\"},", "array cut off before element 1"),
            (
                "[{\"title\": \"A\"} {",
                "expected ',' or ']' after array element 0, found '{'",
            ),
        ] {
            let mut p = Vec::new();
            assert_eq!(parse_json(text, "cut.json", &mut p).len(), 1, "{text}");
            assert!(p[0].detail.starts_with(detail), "{text}: {}", p[0].detail);
        }
        let mut p = Vec::new();
        assert!(parse_json(" [{\"title\": ", "e.json", &mut p).is_empty());
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].cost, p[0].detail.as_str()),
            (
                Cost::SkippedFile,
                "array element 0: EOF while parsing a value"
            )
        );
    }

    #[test]
    fn a_broken_array_element_costs_only_itself() {
        let text = "[{\"title\": \"A\", \"date\": 1e999},\n {\"title\": \"B\", \"x\": [\"]\", \"\\\"\"]},\n\
                    {\"title\": broken, \"y\": {\"z\": [1, 2]}}, {\"title\": \"D\"}]";
        let mut p = Vec::new();
        let got = parse_json(text, "b.json", &mut p);
        let kept: Vec<_> = got
            .iter()
            .map(|(k, a)| (k.clone().unwrap(), a.title.clone()))
            .collect();
        assert_eq!(
            kept,
            [("1".into(), "B".to_string()), ("3".into(), "D".into())]
        );
        let seen: Vec<_> = p.iter().map(|p| (p.line, p.detail.as_str())).collect();
        assert_eq!(
            seen,
            [
                (Some(1), "array element 0: number out of range"),
                (Some(3), "array element 2: expected value")
            ]
        );
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
    fn text_after_an_array_is_ignored_with_a_warning() {
        let mut p = Vec::new();
        let got = parse_json("[{\"title\": \"A\"}]\n,]", "t.json", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (p[0].line, p[0].cost, p[0].reason),
            (Some(2), Cost::Warning, "text after JSON")
        );
        assert_eq!(p[0].detail, "ignored from \",]\"");
    }

    #[test]
    fn garbage_json_file_is_skipped() {
        let mut p = Vec::new();
        assert!(parse_json("{\"title\": ", "e.json", &mut p).is_empty());
        assert_eq!(p[0].cost, Cost::SkippedFile);
        assert_eq!(p[0].reason, "invalid JSON");
    }
}
