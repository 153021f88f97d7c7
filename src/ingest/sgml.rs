//! Reuters-21578 SGML (`.sgm`): each `<REUTERS>` record is one article.
//!
//! The collection (Lewis 1997, "Reuters-21578, Distribution 1.0") is not well-formed XML: the
//! files have no root element, hold control codes as character references (`&#3;`), and 355
//! `<DATE>` values carry junk. We scan records with plain string search, which is both faster
//! and more forgiving than an XML parser here. A record never gets dropped for a bad date.

use super::{problem::sample, Cost, Problem};
use crate::article::{Article, DateSource};
use crate::markup::decode_refs;
use jiff::{civil, tz::TimeZone, Timestamp};

/// Parses every `<REUTERS>` record of a file, keyed by its `NEWID` attribute.
///
/// Records without a body keep their title; a record with no title, text or tags at all (cut
/// off, or Reuters-21578's empty NEWID 12793) is skipped and reported; records without NEWID are keyed `record-N` by
/// their 1-based position in the file (a bare number could be another record's NEWID, and
/// the later of the two would replace the earlier in the index). A malformed `<DATE>` is repaired where the day is clear, else the
/// article keeps no date; both cases are reported as warnings with the record's line. A record
/// never runs past the next `<REUTERS` (a missing `</REUTERS>` costs no neighbour), and a
/// repeated NEWID is reported, since the later record replaces the earlier one in the index.
pub fn parse_sgml(text: &str, path: &str, problems: &mut Vec<Problem>) -> Vec<(String, Article)> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut pos = 0;
    let mut line = 1;
    let mut ordinal = 0;
    while let Some(start) = text[pos..].find("<REUTERS").map(|i| pos + i) {
        line += text[pos..start].matches('\n').count();
        ordinal += 1;
        let after_open = start + "<REUTERS".len();
        let next_open = text[after_open..]
            .find("<REUTERS")
            .map_or(text.len(), |i| after_open + i);
        let (end, closed) = match text[start..next_open].find("</REUTERS>") {
            Some(i) => (start + i, true),
            None => (next_open, false),
        };
        let record = &text[start..end];
        let open_tag = &record[..record.find('>').unwrap_or(record.len())];
        let key =
            attr(open_tag, "NEWID").map_or_else(|| format!("record-{ordinal}"), str::to_string);
        if !closed {
            problems.push(Problem::at_line(
                path,
                line,
                Cost::Warning,
                "record not closed",
                format!("NEWID {key}"),
            ));
        }
        if !seen.insert(key.clone()) {
            let detail = format!("NEWID {key}: this record replaces the earlier one");
            problems.push(Problem::at_line(
                path,
                line,
                Cost::Warning,
                "duplicate record id",
                detail,
            ));
        }
        let a = parse_record(record, path, line, problems);
        let metadata = [&a.topics, &a.places, &a.people, &a.organizations];
        if a.title.trim().is_empty()
            && a.body.trim().is_empty()
            && metadata.iter().all(|v| v.is_empty())
        {
            // A record cut off before its text, or one without any (Reuters-21578's NEWID
            // 12793): nothing to search or filter on.
            problems.push(Problem::at_line(
                path,
                line,
                Cost::SkippedRecord,
                "no title or text",
                format!("NEWID {key}"),
            ));
        } else {
            out.push((key, a));
        }
        line += text[start..end].matches('\n').count();
        pos = if closed {
            end + "</REUTERS>".len()
        } else {
            end
        };
    }
    out
}

fn parse_record(record: &str, path: &str, line: usize, problems: &mut Vec<Problem>) -> Article {
    let mut a = Article {
        source: Some("Reuters".to_string()),
        ..Article::default()
    };
    if let Some(raw) = element(record, "DATE") {
        match parse_reuters_date(raw) {
            Ok((ts, None)) => (a.date, a.date_source) = (Some(ts), DateSource::Metadata),
            Ok((ts, Some(repair))) => {
                (a.date, a.date_source) = (Some(ts), DateSource::Metadata);
                problems.push(Problem::at_line(
                    path,
                    line,
                    Cost::Warning,
                    repair,
                    sample(raw, 40),
                ));
            }
            Err(reason) => problems.push(Problem::at_line(
                path,
                line,
                Cost::Warning,
                reason,
                sample(raw, 40),
            )),
        }
    }
    a.topics = d_values(record, "TOPICS");
    a.places = d_values(record, "PLACES");
    a.people = d_values(record, "PEOPLE");
    a.organizations = d_values(record, "ORGS");
    // TITLE and BODY belong inside TEXT, but a record that has them loose is still read.
    let loose = || element(record, "TITLE").is_some() || element(record, "BODY").is_some();
    let text = element(record, "TEXT").unwrap_or_else(|| if loose() { record } else { "" });
    let unprocessed = record.contains("TYPE=\"UNPROC\"");
    if unprocessed || (element(text, "TITLE").is_none() && element(text, "BODY").is_none()) {
        let raw = decode_refs(text);
        let mut lines = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .peekable();
        a.title = lines.next().unwrap_or_default().to_string();
        // The wire wrapped a headline in capitals inside a hyphenated word ("VOLCKER
        // REAFFIRMS G" / "-6 NEGOTIATING PROCESS"): the next line goes on with "-" and a
        // letter or digit, in capitals too.
        let capitals = |l: &str| !l.chars().any(char::is_lowercase);
        if let Some(next) = lines.next_if(|l| {
            capitals(&a.title)
                && capitals(l)
                && l.strip_prefix('-')
                    .is_some_and(|r| r.starts_with(char::is_alphanumeric))
        }) {
            a.title.push_str(next);
        }
        a.body = strip_signoff(&lines.collect::<Vec<_>>().join("\n")).to_string();
    } else {
        a.title = element(text, "TITLE")
            .map(|t| decode_refs(t).trim().to_string())
            .unwrap_or_default();
        let dateline = element(text, "DATELINE").map(|d| decode_refs(d).trim().to_string());
        let body = element(text, "BODY")
            .map(|b| strip_signoff(decode_refs(b).trim()).to_string())
            .unwrap_or_default();
        a.body = match dateline {
            Some(d) if !d.is_empty() && !body.is_empty() => format!("{d} {body}"),
            _ => body,
        };
        if let Some(author) = element(text, "AUTHOR") {
            let author = decode_refs(author);
            let author = author
                .trim()
                .trim_start_matches("By ")
                .trim_start_matches("by ");
            let author = author.split(',').next().unwrap_or("").trim();
            if !author.is_empty() {
                a.authors.push(author.to_string());
            }
        }
    }
    a
}

/// Drops the wire's closing " Reuter" sign-off: it is no part of the story, and a recognizer
/// would take it for a person in every article. Carriage returns after it, raw or written out
/// as "^M" (the collection has both), and dots after it go too; a body without the sign-off
/// only loses trailing whitespace.
fn strip_signoff(body: &str) -> &str {
    let mut trimmed = body.trim_end();
    loop {
        let rest = trimmed.strip_suffix("^M").unwrap_or(trimmed);
        let rest = rest.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        if rest.len() == trimmed.len() {
            break;
        }
        trimmed = rest;
    }
    for tail in ["REUTER", "Reuter"] {
        if let Some(rest) = trimmed.strip_suffix(tail) {
            if rest.is_empty() || rest.ends_with(char::is_whitespace) {
                return rest.trim_end();
            }
        }
    }
    body.trim_end()
}

/// The value of `NAME="..."` in an opening tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// The raw text between `<NAME...>` and `</NAME>` (first occurrence).
fn element<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let i = from + s[from..].find(&open)?;
        let next = s[i + open.len()..].chars().next()?;
        if next == '>' || next == ' ' {
            break i;
        }
        from = i + open.len();
    };
    let content = start + s[start..].find('>')? + 1;
    let end = s[content..]
        .find(&format!("</{name}>"))
        .map_or(s.len(), |i| content + i);
    Some(&s[content..end])
}

/// The `<D>` values of a category element, lower-case as in the collection.
fn d_values(record: &str, name: &str) -> Vec<String> {
    let Some(inner) = element(record, name) else {
        return Vec::new();
    };
    inner
        .split("<D>")
        .skip(1)
        .filter_map(|d| d.split("</D>").next())
        .map(|d| decode_refs(d).trim().to_string())
        .filter(|d| !d.is_empty())
        .collect()
}

/// Parses `26-FEB-1987 15:01:01.79` (read as UTC: the collection gives no zone). Returns the
/// instant and, when part of the value had to be dropped, why; `Err` with a reason when no day
/// can be read.
///
/// Junk after the time (`&#5;&#5;&#5;RM`, `# comment`) and extra spaces are ignored; an
/// impossible time (hour 605) keeps the day at midnight UTC and says so.
pub fn parse_reuters_date(raw: &str) -> Result<(Timestamp, Option<&'static str>), &'static str> {
    let cleaned = decode_refs(raw);
    let mut parts = cleaned.split_whitespace();
    let day_part = parts.next().ok_or("empty date")?;
    let mut dmy = day_part.split('-');
    let (Some(d), Some(m), Some(y)) = (dmy.next(), dmy.next(), dmy.next()) else {
        return Err("unparsable date");
    };
    let day: i8 = d.parse().map_err(|_| "unparsable date")?;
    let year: i16 = y.parse().map_err(|_| "unparsable date")?;
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let month = MONTHS
        .iter()
        .position(|mm| mm.eq_ignore_ascii_case(m))
        .ok_or("unparsable date")? as i8
        + 1;
    let date = civil::Date::new(year, month, day).map_err(|_| "impossible date")?;
    let time_part = parts.next();
    let time = time_part.and_then(|t| {
        let hms = t.split('.').next()?;
        let mut it = hms.split(':').map(|n| n.parse::<i8>().ok());
        civil::Time::new(
            it.next()??,
            it.next()??,
            it.next().flatten().unwrap_or(0),
            0,
        )
        .ok()
    });
    // Junk after the time (`&#5;&#5;&#5;RM`, `# comment`) leaves the intent clear: no repair
    // to report. An impossible time does not: the day is kept and the caller warns.
    let repair = match (time_part, time) {
        (Some(_), None) => Some("impossible time, kept the day"),
        _ => None,
    };
    let dt = date.to_datetime(time.unwrap_or(civil::Time::midnight()));
    let ts = TimeZone::UTC
        .to_timestamp(dt)
        .map_err(|_| "impossible date")?;
    Ok((ts, repair))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE> 2-MAR-1987 09:10:11.12</DATE>\n\
<TOPICS><D>grain</D><D>wheat</D></TOPICS>\n<PLACES><D>usa</D><D>west-germany</D></PLACES>\n\
<PEOPLE><D>volcker</D></PEOPLE>\n<ORGS></ORGS>\n<TEXT>&#2;\n<TITLE>WHEAT &lt;UP&gt; A&amp;B</TITLE>\n\
<AUTHOR>    By Jo Banks, Reuters</AUTHOR>\n<DATELINE>    BONN, March 2 - </DATELINE><BODY>Wheat rose.\n Reuter\n&#3;</BODY></TEXT>\n\
</REUTERS>\n<REUTERS NEWID=\"8\">\n<DATE>27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM</DATE>\n\
<TEXT TYPE=\"BRIEF\">&#2;\n<TITLE>BRIEF ONLY</TITLE>\n&#3;</TEXT>\n</REUTERS>\n";

    #[test]
    fn records_fields_and_keys() {
        let mut p = Vec::new();
        let got = parse_sgml(TWO, "r.sgm", &mut p);
        assert_eq!(got.len(), 2);
        let (key, a) = &got[0];
        assert_eq!(key, "7");
        assert_eq!(a.title, "WHEAT <UP> A&B");
        assert_eq!(a.body, "BONN, March 2 - Wheat rose.");
        assert_eq!(a.date.unwrap().to_string(), "1987-03-02T09:10:11Z");
        assert_eq!(a.date_source, DateSource::Metadata);
        assert_eq!(a.topics, ["grain", "wheat"]);
        assert_eq!(a.places, ["usa", "west-germany"]);
        assert_eq!(a.people, ["volcker"]);
        assert!(a.organizations.is_empty());
        assert_eq!(a.authors, ["Jo Banks"]);
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        let (key, b) = &got[1];
        assert_eq!(key, "8");
        assert_eq!(b.title, "BRIEF ONLY");
        assert_eq!(b.body, "");
        assert_eq!(b.date.unwrap().to_string(), "1987-03-27T00:02:59Z");
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn malformed_dates() {
        let ok = |s| parse_reuters_date(s).map(|(t, r)| (t.to_string(), r));
        assert_eq!(
            ok("26-FEB-1987 15:01:01.79"),
            Ok(("1987-02-26T15:01:01Z".into(), None))
        );
        assert_eq!(
            ok("3-MAR-1987  09:15:05.40"),
            Ok(("1987-03-03T09:15:05Z".into(), None))
        );
        assert_eq!(
            ok("31-MAR-1987 605:12:19.12"),
            Ok((
                "1987-03-31T00:00:00Z".into(),
                Some("impossible time, kept the day")
            ))
        );
        assert_eq!(
            ok("9-APR-1987 00:00:00.00    # date added by S Finch as guesswork "),
            Ok(("1987-04-09T00:00:00Z".into(), None))
        );
        assert_eq!(
            ok("16-MAR-1987 16:22:00.0"),
            Ok(("1987-03-16T16:22:00Z".into(), None))
        );
        assert_eq!(ok("31-FEB-1987 10:00:00.00"), Err("impossible date"));
        assert_eq!(ok("garbage"), Err("unparsable date"));
        assert_eq!(ok(""), Err("empty date"));
    }

    #[test]
    fn references_and_control_codes() {
        assert_eq!(
            decode_refs("a&#3;b&#127;c &lt;x&gt; &amp;&#233; & ;"),
            "abc <x> &é & ;"
        );
        assert_eq!(decode_refs("&#99999999999;x"), "&#99999999999;x");
    }

    #[test]
    fn records_without_newid_or_text_keep_their_own_id_and_words() {
        let text = "<REUTERS NEWID=\"5\"><DATE>2-MAR-1987</DATE><TITLE>LOOSE TITLE</TITLE>\
                    <BODY>Loose body.</BODY></REUTERS>\n\
                    <REUTERS><TEXT><TITLE>NO ID</TITLE><BODY>Second.</BODY></TEXT></REUTERS>\n\
                    <REUTERS NEWID=\"2\"><TEXT><TITLE>TWO</TITLE></TEXT></REUTERS>";
        let mut p = Vec::new();
        let got = parse_sgml(text, "odd.sgm", &mut p);
        let keys: Vec<_> = got
            .iter()
            .map(|(k, a)| (k.as_str(), a.title.as_str(), a.body.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("5", "LOOSE TITLE", "Loose body."),
                ("record-2", "NO ID", "Second."),
                ("2", "TWO", "")
            ]
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn unprocessed_text_gives_title_and_body_by_lines() {
        let record = |text: &str| {
            let sgml =
                format!("<REUTERS NEWID=\"9\"><TEXT TYPE=\"UNPROC\">&#2;\n{text}</TEXT></REUTERS>");
            let got = parse_sgml(&sgml, "u.sgm", &mut Vec::new());
            (got[0].1.title.clone(), got[0].1.body.clone())
        };
        // A headline wrapped inside "G-7" goes on; a table's second line does not join it,
        // nor a line in running text.
        assert_eq!(
            record("MINISTERS BACK G\n-7 ACCORD\nBONN, March 2 - Ministers met.\n Reuter\n"),
            (
                "MINISTERS BACK G-7 ACCORD".into(),
                "BONN, March 2 - Ministers met.".into()
            )
        );
        assert_eq!(
            record("LONDON COCOA CLOSE - APR 7\nMTH BYR SLR\nMAY 1,310 1,312"),
            (
                "LONDON COCOA CLOSE - APR 7".into(),
                "MTH BYR SLR\nMAY 1,310 1,312".into()
            )
        );
        assert_eq!(record("ACME LTD\n-Year ended June 30").0, "ACME LTD");
    }

    #[test]
    fn a_record_without_title_or_text_is_skipped() {
        let mut p = Vec::new();
        let text = "<REUTERS NEWID=\"8\"><TEXT><TITLE>KEPT</TITLE></TEXT></REUTERS>\n\
                    <REUTERS NEWID=\"9\">";
        let got = parse_sgml(text, "cut.sgm", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.title, "KEPT");
        let seen: Vec<_> = p
            .iter()
            .map(|p| (p.line, p.reason, p.detail.as_str()))
            .collect();
        assert!(
            seen.contains(&(Some(2), "no title or text", "NEWID 9")),
            "{seen:?}"
        );
    }

    #[test]
    fn truncated_file_keeps_what_it_has() {
        let mut p = Vec::new();
        let got = parse_sgml(
            "<REUTERS NEWID=\"3\">\n<TEXT><TITLE>CUT OFF",
            "t.sgm",
            &mut p,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.title, "CUT OFF");
    }

    #[test]
    fn unclosed_records_and_duplicate_ids_cost_no_neighbour() {
        let text =
            "<REUTERS NEWID=\"1\"><TEXT><TITLE>GOOD</TITLE><BODY>One.</BODY></TEXT></REUTERS>\n\
                    <REUTERS NEWID=\"2\"><TEXT><TITLE>NO END TITLE<BODY>two</BODY></TEXT>\n\
                    <REUTERS NEWID=\"3\"><TEXT><TITLE>THIRD</TITLE></TEXT></REUTERS>\n\
                    <REUTERS NEWID=\"1\"><TEXT><TITLE>AGAIN</TITLE></TEXT></REUTERS>";
        let mut p = Vec::new();
        let got = parse_sgml(text, "b.sgm", &mut p);
        let keys: Vec<_> = got
            .iter()
            .map(|(k, a)| (k.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(keys[0], ("1", "GOOD"));
        assert_eq!(keys[2], ("3", "THIRD"));
        assert_eq!(keys[3], ("1", "AGAIN"));
        let reasons: Vec<_> = p.iter().map(|p| (p.line, p.reason)).collect();
        assert_eq!(
            reasons,
            [
                (Some(2), "record not closed"),
                (Some(4), "duplicate record id")
            ]
        );
    }

    #[test]
    fn signoff_is_dropped() {
        assert_eq!(strip_signoff("Prices rose.\n Reuter"), "Prices rose.");
        assert_eq!(strip_signoff("Prices rose. REUTER"), "Prices rose.");
        assert_eq!(strip_signoff("Talks with Reuter"), "Talks with");
        assert_eq!(strip_signoff("Reuterville grew"), "Reuterville grew");
        assert_eq!(strip_signoff("Mark 19.3\nREUTER^M"), "Mark 19.3");
        assert_eq!(
            strip_signoff("a second request.\n   \nREUTER..."),
            "a second request."
        );
        assert_eq!(strip_signoff("Prices rose.  \n"), "Prices rose.");
        assert_eq!(strip_signoff("Mark 19.3\nREUTER\r\n"), "Mark 19.3");
        // Tables without TITLE/BODY markup end with the sign-off too.
        let table = "<REUTERS NEWID=\"99\"><TEXT>&#2;\nFED WEEKLY REPORT\n\
                     Float....511 down....320\n Reuter\n&#3;</TEXT></REUTERS>";
        let got = parse_sgml(table, "r.sgm", &mut Vec::new());
        assert_eq!(got[0].1.title, "FED WEEKLY REPORT");
        assert_eq!(got[0].1.body, "Float....511 down....320");
    }
}
