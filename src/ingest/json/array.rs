//! JSON arrays read element by element, for the arrays that do not parse as a whole: a crawler
//! stopped mid-write, one broken element, a comma before the closing bracket, text or a
//! second array after it.
//! Whatever is whole is kept; each loss is reported with its line.

use super::record::{from_object, At};
use super::Keyed;
use crate::ingest::{problem::sample, Cost, Problem};
use serde_json::Value;

/// Reads an array that does not parse as a whole element by element. A broken element costs
/// only itself when its end can be found (brackets balanced outside strings, then `,` or
/// `]`), as a bad line does in JSON Lines. An array cut off mid-write (a crawler stopped)
/// keeps every record before the cut; one problem reports the cut with its line and how many
/// records were kept.
///
/// `open` is the offset of the array's `[`. In a `wrapped` array (a list inside a wrapper
/// object, `{"articles": [...`) the array ends the reading: what follows is the wrapper's.
pub(super) fn parse_array_prefix(
    text: &str,
    open: usize,
    wrapped: bool,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Keyed> {
    let mut out = Vec::new();
    let mut pos = (open + 1).min(text.len());
    let mut index = 0;
    let failure = loop {
        pos = skip_space(text, pos);
        let rest = &text[pos..];
        // An empty array, or a comma before the bracket (`[{…},]`), which loses nothing.
        if rest.starts_with(']') {
            if wrapped {
                break None;
            }
            match next_array(text, pos + 1) {
                Some(next) => {
                    pos = next;
                    continue;
                }
                None => break trailing(text, pos + 1, path, problems),
            }
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
                let what = format!("array element {index}: {}", message_of(&e, rest));
                let Some(end) = element_end(text, pos) else {
                    break Some((pos, what));
                };
                // Python's `NaN` and `Infinity` are read as `null` (see `parse_value`).
                match super::parse_value(&text[pos..end]) {
                    Ok(value) => push_element(&value, index, path, &mut out, problems),
                    Err(_) => problems.push(Problem::at_line(
                        path,
                        line_at(text, pos),
                        Cost::SkippedRecord,
                        "invalid JSON",
                        what,
                    )),
                }
                end
            }
            None => break Some((pos, format!("array cut off before element {index}"))),
        };
        pos = skip_space(text, pos);
        index += 1;
        match text[pos..].chars().next() {
            Some(',') => pos += 1,
            Some(']') if wrapped => break None,
            Some(']') => match next_array(text, pos + 1) {
                Some(next) => pos = next,
                None => break trailing(text, pos + 1, path, problems),
            },
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

/// The offset just inside a second array that starts after whitespace at `pos`: tools that
/// append a run's records to a file as one more array (`[…]\n[…]`). Its elements are read
/// as more of the first's, numbered on.
fn next_array(text: &str, pos: usize) -> Option<usize> {
    let at = skip_space(text, pos);
    text[at..].starts_with('[').then_some(at + 1)
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
pub(super) fn message_of(e: &serde_json::Error, text: &str) -> String {
    if ends_inside_string(e, text) {
        return CUT_STRING.to_string();
    }
    let s = e.to_string();
    s.split(" at line ").next().unwrap_or_default().to_string()
}

/// What serde_json says of a string that the text's end cuts off.
pub(super) const CUT_STRING: &str = "EOF while parsing a string";

/// Whether `e`, raised reading `text`, is a string cut off by the text's end, followed by
/// nothing but white space. A file cut mid-write and then given a final newline (as editors
/// and `echo` do) ends so, and serde_json calls the newline a control character in a string.
pub(super) fn ends_inside_string(e: &serde_json::Error, text: &str) -> bool {
    if !e.to_string().starts_with("control character") {
        return false;
    }
    let line_start: usize = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let at = (line_start + e.column()).min(text.len());
    text.get(at..).is_some_and(|rest| rest.trim().is_empty())
}

/// Adds array element `index` to `out` as an article keyed by its index, or reports why it
/// is none.
pub(super) fn push_element(
    item: &Value,
    index: usize,
    path: &str,
    out: &mut Vec<Keyed>,
    problems: &mut Vec<Problem>,
) {
    let at = At::Element(index);
    match item {
        Value::Object(map) => match from_object(map, path, at, problems) {
            Some(a) => out.push((Some(index.to_string()), a)),
            None => problems.push(at.problem(path, Cost::SkippedRecord, "no title or text", "")),
        },
        _ => problems.push(at.problem(path, Cost::SkippedRecord, "not an object", "")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_json;
    use super::Keyed;
    use crate::ingest::Cost;

    /// Each kept record's key and title.
    fn keys_and_titles(got: &[Keyed]) -> Vec<(String, String)> {
        got.iter()
            .map(|(k, a)| (k.clone().unwrap_or_default(), a.title.clone()))
            .collect()
    }

    #[test]
    fn cut_off_array_keeps_the_records_before_the_cut() {
        let whole = "[\n {\"title\": \"A\", \"text\": \"a\"},\n {\"title\": \"B\"},\n 3,\n {\"title\": \"C\", \"te";
        let mut p = Vec::new();
        let got = parse_json(whole, "cut.json", &mut p);
        let titles = keys_and_titles(&got);
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
        let kept = keys_and_titles(&got);
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
    fn a_comma_before_the_bracket_loses_nothing_and_a_second_array_is_read() {
        let mut p = Vec::new();
        let got = parse_json("[{\"title\": \"A\"},\n]", "c.json", &mut p);
        assert_eq!(got.len(), 1);
        assert!(p.is_empty(), "{p:?}");
        let text = "[{\"title\": \"A\"}, {\"title\": \"B\"}]\n[{\"title\": \"C\"},]\n[]";
        let got = parse_json(text, "two.json", &mut p);
        let kept = keys_and_titles(&got);
        assert_eq!(
            kept,
            [
                ("0".into(), "A".to_string()),
                ("1".into(), "B".into()),
                ("2".into(), "C".into())
            ]
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn warnings_inside_an_array_name_the_element() {
        let mut p = Vec::new();
        let text = r#"[{"title":"A"},{"title":"B","body":7},{"title":"C","date":"soon"}]"#;
        assert_eq!(parse_json(text, "w.json", &mut p).len(), 3);
        let seen: Vec<_> = p.iter().map(|p| (p.reason, p.detail.as_str())).collect();
        assert_eq!(
            seen,
            [
                ("body field holds no text", "array element 1: \"body\""),
                ("unparsable date", "array element 2: soon")
            ]
        );
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
}
