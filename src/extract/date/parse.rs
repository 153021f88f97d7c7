//! Lenient parsing of date values and recognition of full dates inside free text.
//!
//! Exists because dates arrive in every shape: RFC 3339 in JSON-LD, RFC 2822 in feeds,
//! "Dec. 5, 2025" in bylines, "5. Dezember 2025" and "05.12.2025" in German pages. Everything
//! here is a pure function of its input: no clock, no locale, no default date.
//!
//! Rules shared by every recognizer: years outside 1900..=2100 and impossible days (Feb 30)
//! are rejected; bare numbers are never read as Unix epochs; ambiguous numeric dates
//! ("03/04/2025") are rejected rather than guessed.

use std::sync::LazyLock;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use jiff::Timestamp;
use regex::Regex;

use super::lang::{month_alternation, month_from_word};

/// A parsed value: the calendar day as written, and the instant it denotes in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    /// The calendar day as written in the source, before any conversion to UTC.
    pub local: Date,
    /// The instant; midnight UTC of `local` when the value carried no time of day.
    pub at: Timestamp,
    /// True when the value carried no time of day.
    pub date_only: bool,
    /// The UTC offset written with the time (seconds east), `None` when absent or date-only.
    pub offset: Option<i32>,
}

/// A full date found in free text: the day and its byte span (half-open) in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextDate {
    /// The day as written.
    pub date: Date,
    /// Byte offset of the first character of the match.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
}

/// Parses one date value leniently: RFC 3339 and ISO 8601 variants (`2025-12-05`,
/// `2025-12-05T10:00:00+01:00`, `20251205`, `2025/12/05 10:00`), RFC 2822
/// (`Fri, 05 Dec 2025 10:00:00 +0100`), and written dates in the languages of
/// [`super::lang`] ("Dec. 5, 2025", "5. Dezember 2025 um 14:30 Uhr", "05.12.2025").
///
/// Returns the UTC instant and `true` when the value was date-only (then the instant is
/// midnight UTC of that day). `None` when no unambiguous, possible date in 1900..=2100 is
/// found. Bare digit strings are read only as `YYYYMMDD` or `YYYYMMDDhhmmss`, never as epochs.
pub fn parse_date_value(s: &str) -> Option<(Timestamp, bool)> {
    parse_value(s).map(|p| (p.at, p.date_only))
}

/// Same as [`parse_date_value`] but also returns the calendar day as written.
pub fn parse_value(s: &str) -> Option<ParsedDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_digits(s);
    }
    if let Some(p) = parse_iso(s) {
        return Some(p);
    }
    // An ISO date with a time that parse_iso refused (hour 25, offset -25:00): a value we
    // cannot trust, not a day to salvage from free text.
    static ISO_WITH_TIME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:19|20)\d{2}-\d{1,2}-\d{1,2}[T ]\d").unwrap());
    if ISO_WITH_TIME.is_match(s) {
        return None;
    }
    let d = find_text_dates(s).into_iter().next()?;
    let (time, offset) = match parse_time_after(&s[d.end..]) {
        Some((t, o)) => (Some(t), o),
        None => (None, None),
    };
    build(d.date, time, offset)
}

/// Every full (day, month, year) date in `text`, in order of position. Recognizes ISO
/// (`2025-12-05`), day-month-name-year in all languages of [`super::lang`] ("5 de diciembre
/// de 2025", "5. Dezember 2025", "05 Dec 2025"), month-name-day-year ("Dec. 5th, 2025"),
/// European numeric (`05.12.2025`, `5.12.25`) and unambiguous slashed (`25/12/2025`).
pub fn find_text_dates(text: &str) -> Vec<TextDate> {
    static ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})([-/.])(\d{1,2})[-/.](\d{1,2})").unwrap());
    static DMY_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(\d{{1,2}})(?:\.|er|st|nd|rd|th|º)?\s*(?:de\s+|of\s+)?({})\.?,?\s*(?:de\s+|del\s+)?((?:19|20)\d{{2}})",
            month_alternation()
        ))
        .unwrap()
    });
    static MDY_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+((?:19|20)\d{{2}})",
            month_alternation()
        ))
        .unwrap()
    });
    static DMY_NUM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})").unwrap());
    static DMY_DASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})").unwrap());
    static SLASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})").unwrap());

    let bytes = text.as_bytes();
    // A match glued to more digits is part of a longer number (an id, a phone number).
    let free = |start: usize, end: usize| {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(end).copied();
        let glued_before = before.is_some_and(|b| b.is_ascii_digit());
        let glued_after = after.is_some_and(|b| b.is_ascii_digit())
            || (after == Some(b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit));
        !(glued_before || glued_after)
    };
    let mut out = Vec::new();
    for c in ISO.captures_iter(text) {
        let m = c.get(0).unwrap();
        let sep = &c[2];
        // `2025.12.05` is rare but `1.2025.12` style version strings are not a concern here.
        if sep == "." && bytes.get(m.start().wrapping_sub(1)) == Some(&b'.') {
            continue;
        }
        if free(m.start(), m.end()) {
            if let Some(date) = ymd(&c[1], &c[3], &c[4]) {
                out.push(TextDate {
                    date,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
    }
    for c in DMY_NAME.captures_iter(text) {
        let m = c.get(0).unwrap();
        if !free(m.start(), m.end()) {
            continue;
        }
        let month = month_from_word(&c[2]).map(|m| m.to_string());
        if let Some(date) = month.and_then(|mo| ymd(&c[3], &mo, &c[1])) {
            out.push(TextDate {
                date,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    for c in MDY_NAME.captures_iter(text) {
        let m = c.get(0).unwrap();
        if !free(m.start(), m.end()) {
            continue;
        }
        let month = month_from_word(&c[1]).map(|m| m.to_string());
        if let Some(date) = month.and_then(|mo| ymd(&c[3], &mo, &c[2])) {
            out.push(TextDate {
                date,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    for c in DMY_NUM.captures_iter(text) {
        let m = c.get(0).unwrap();
        if !free(m.start(), m.end()) || bytes.get(m.start().wrapping_sub(1)) == Some(&b'.') {
            continue;
        }
        let year = if c[3].len() == 2 {
            // Two-digit years only in the strict `dd.mm.yy` shape, read as 20yy.
            if c[1].len() != 2 || c[2].len() != 2 {
                continue;
            }
            format!("20{}", &c[3])
        } else {
            c[3].to_string()
        };
        if let Some(date) = ymd(&year, &c[2], &c[1]) {
            out.push(TextDate {
                date,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    // `dd-mm-yyyy` is the European order; month-first is not written with dashes in practice.
    for c in DMY_DASH.captures_iter(text) {
        let m = c.get(0).unwrap();
        if !free(m.start(), m.end()) || bytes.get(m.start().wrapping_sub(1)) == Some(&b'-') {
            continue;
        }
        if let Some(date) = ymd(&c[3], &c[2], &c[1]) {
            out.push(TextDate {
                date,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    for c in SLASH.captures_iter(text) {
        let m = c.get(0).unwrap();
        if !free(m.start(), m.end()) {
            continue;
        }
        let (a, b): (u8, u8) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        // Day-first or month-first is decided only when one part cannot be a month.
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => continue,
        };
        if let Some(date) = ymd(&c[3], &month.to_string(), &day.to_string()) {
            out.push(TextDate {
                date,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    out.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    // Overlapping matches (the ISO and numeric patterns can both fire) keep the first.
    let mut kept: Vec<TextDate> = Vec::with_capacity(out.len());
    for d in out {
        if kept.last().is_none_or(|k| d.start >= k.end) {
            kept.push(d);
        }
    }
    kept
}

/// The value of a date found in `text` by [`find_text_dates`], with the time of day (and
/// zone) written right after it, if any.
pub fn value_at(text: &str, d: &TextDate) -> Option<ParsedDate> {
    let mut end = (d.end + 60).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (time, offset) = match parse_time_after(&text[d.end..end]) {
        Some((t, o)) => (Some(t), o),
        None => (None, None),
    };
    build(d.date, time, offset)
}

/// A date from year, month and day strings, or `None` if impossible or outside 1900..=2100.
pub fn ymd(year: &str, month: &str, day: &str) -> Option<Date> {
    let y: i16 = year.parse().ok()?;
    let m: i8 = month.parse().ok()?;
    let d: i8 = day.parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// The UTC value of a day with an optional time and UTC offset (seconds east of UTC).
/// A time without offset is taken as UTC; a day without time is midnight UTC, date-only.
pub fn build(date: Date, time: Option<Time>, offset: Option<i32>) -> Option<ParsedDate> {
    let (dt, date_only) = match time {
        Some(t) => (DateTime::from_parts(date, t), false),
        None => (DateTime::from_parts(date, Time::midnight()), true),
    };
    let offset = if date_only { None } else { offset };
    let at = Offset::from_seconds(offset.unwrap_or(0))
        .ok()?
        .to_timestamp(dt)
        .ok()?;
    Some(ParsedDate {
        local: date,
        at,
        date_only,
        offset,
    })
}

/// `YYYYMMDD` or `YYYYMMDDhhmmss`; every other digit string (epochs, ids) is refused.
fn parse_digits(s: &str) -> Option<ParsedDate> {
    match s.len() {
        8 => build(ymd(&s[0..4], &s[4..6], &s[6..8])?, None, None),
        14 => {
            let date = ymd(&s[0..4], &s[4..6], &s[6..8])?;
            let t = hms(&s[8..10], &s[10..12], Some(&s[12..14]))?;
            build(date, Some(t), None)
        }
        _ => None,
    }
}

fn hms(h: &str, m: &str, s: Option<&str>) -> Option<Time> {
    let h: i8 = h.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    let s: i8 = s.map_or(Some(0), |s| s.parse().ok())?;
    Time::new(h, m, s.min(59), 0).ok()
}

/// ISO 8601 / RFC 3339 at the start of the value, with `-`, `/`, `.` or no separators.
fn parse_iso(s: &str) -> Option<ParsedDate> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s_]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?").unwrap()
    });
    static BASIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,]\d+)?)?)?")
            .unwrap()
    });
    let c = SEP.captures(s).or_else(|| BASIC.captures(s))?;
    let end = c.get(0)?.end();
    if s.as_bytes().get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date = ymd(&c[1], &c[2], &c[3])?;
    let time = match (c.get(4), c.get(5)) {
        (Some(h), Some(m)) => Some(hms(h.as_str(), m.as_str(), c.get(6).map(|x| x.as_str()))?),
        _ => None,
    };
    let rest = s[end..].trim_start();
    let offset = match (time, parse_zone(rest)) {
        (Some(_), Some(o)) => Some(o),
        // "-25:00": an offset that is there but impossible makes the instant unknowable.
        (Some(_), None)
            if rest.starts_with(['+', '-'])
                && rest[1..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            return None
        }
        _ => None,
    };
    build(date, time, offset)
}

/// A time of day (and zone) right after a written date: ", 10:00 Uhr", " um 14.30",
/// " 10:00:00 +0100", " at 3:05 p.m. EST".
fn parse_time_after(rest: &str) -> Option<(Time, Option<i32>)> {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,|@–-]*(?:um\s+|at\s+|à\s+|a las\s+|alle\s+|om\s+|-\s+)?(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?\s*(?:uhr\b|h\b)?\s*\(?")
            .unwrap()
    });
    let c = TIME.captures(rest)?;
    let mut h: i8 = c[1].parse().ok()?;
    if let Some(ampm) = c.get(4) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let t = hms(&h.to_string(), &c[2], c.get(3).map(|m| m.as_str()))?;
    let end = c.get(0)?.end();
    Some((t, parse_zone(&rest[end..])))
}

/// A UTC offset in seconds: `Z`, `+01:00`, `+0100`, `+01`, `GMT`, `UTC+2`, or a common
/// abbreviation (CET/MEZ, CEST/MESZ, EST, PDT, ...). `None` if absent or implausible.
pub fn parse_zone(s: &str) -> Option<i32> {
    static NUM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:gmt|utc)\s*)?([+\-−])(\d{1,2})(?::?(\d{2}))?\b").unwrap()
    });
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Za-z]{1,5})\b").unwrap());
    let s = s.trim_start();
    if let Some(c) = NUM.captures(s) {
        let h: i32 = c[2].parse().ok()?;
        let m: i32 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
        if h > 14 || m > 59 {
            return None;
        }
        let sign = if &c[1] == "+" { 1 } else { -1 };
        return Some(sign * (h * 3600 + m * 60));
    }
    let w = WORD.captures(s)?[1].to_ascii_uppercase();
    let hours = match w.as_str() {
        "Z" | "UTC" | "GMT" | "UT" | "WET" => 0,
        "CET" | "MEZ" | "WEST" | "BST" => 1,
        "CEST" | "MESZ" | "EET" => 2,
        "EEST" | "MSK" => 3,
        "EST" | "CDT" => -5,
        "EDT" => -4,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        "JST" | "KST" => 9,
        "AEST" => 10,
        _ => return None,
    };
    Some(hours * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn rfc3339_with_offset_goes_to_utc() {
        let p = parse_value("2024-03-10T01:30:00+02:00").unwrap();
        assert_eq!(p.at, ts("2024-03-09T23:30:00Z"));
        assert_eq!(p.local, Date::new(2024, 3, 10).unwrap());
        assert!(!p.date_only);
    }

    #[test]
    fn iso_variants() {
        assert_eq!(
            parse_date_value("2019-07-04"),
            Some((ts("2019-07-04T00:00:00Z"), true))
        );
        assert_eq!(
            parse_date_value("2019/07/04 18:05"),
            Some((ts("2019-07-04T18:05:00Z"), false))
        );
        assert_eq!(
            parse_date_value("20190704T180500-0500"),
            Some((ts("2019-07-04T23:05:00Z"), false))
        );
        assert_eq!(
            parse_date_value("20190704"),
            Some((ts("2019-07-04T00:00:00Z"), true))
        );
    }

    #[test]
    fn rfc2822() {
        assert_eq!(
            parse_date_value("Tue, 08 Oct 2019 16:45:10 +0200"),
            Some((ts("2019-10-08T14:45:10Z"), false))
        );
        assert_eq!(
            parse_date_value("Tue, 08 Oct 2019 16:45:10 GMT"),
            Some((ts("2019-10-08T16:45:10Z"), false))
        );
    }

    #[test]
    fn written_dates_in_several_languages() {
        let day = |s| parse_value(s).map(|p| p.local.to_string());
        assert_eq!(day("Oct. 8, 2019"), Some("2019-10-08".into()));
        assert_eq!(day("October 8th, 2019"), Some("2019-10-08".into()));
        assert_eq!(day("8 October 2019"), Some("2019-10-08".into()));
        assert_eq!(day("8. Oktober 2019"), Some("2019-10-08".into()));
        assert_eq!(day("8 octobre 2019"), Some("2019-10-08".into()));
        assert_eq!(day("8 de octubre de 2019"), Some("2019-10-08".into()));
        assert_eq!(day("8 ottobre 2019"), Some("2019-10-08".into()));
        assert_eq!(day("8 oktober 2019"), Some("2019-10-08".into()));
        assert_eq!(day("08.10.2019"), Some("2019-10-08".into()));
        assert_eq!(day("08.10.19"), Some("2019-10-08".into()));
        assert_eq!(day("28/10/2019"), Some("2019-10-28".into()));
        assert_eq!(day("10/28/2019"), Some("2019-10-28".into()));
        assert_eq!(day("08-10-2019 16:45"), Some("2019-10-08".into()));
    }

    #[test]
    fn written_date_with_time_and_zone() {
        let p = parse_value("8. Oktober 2019 um 16:45 Uhr MESZ").unwrap();
        assert_eq!(p.at, ts("2019-10-08T14:45:00Z"));
        let p = parse_value("Oct 8, 2019 3:05 p.m. EST").unwrap();
        assert_eq!(p.at, ts("2019-10-08T20:05:00Z"));
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_rejected() {
        assert_eq!(parse_date_value("2019-02-30"), None);
        assert_eq!(parse_date_value("31. Juni 2019"), None);
        assert_eq!(parse_date_value("1850-01-01"), None);
        assert_eq!(parse_date_value("2150-01-01"), None);
        assert_eq!(parse_date_value("03/04/2019"), None);
        assert_eq!(parse_date_value("1570000000"), None);
        assert_eq!(parse_date_value("2019-13-01"), None);
        assert_eq!(parse_date_value("keine Angabe"), None);
    }

    #[test]
    fn text_dates_skip_longer_numbers() {
        let found = find_text_dates("Tel. 030 12.10.20194 und ab 3. März 2021 wieder");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].date, Date::new(2021, 3, 3).unwrap());
    }

    #[test]
    fn impossible_times_and_offsets_are_not_dates() {
        assert_eq!(parse_date_value("2024-06-01T12:00:00-25:00"), None);
        assert_eq!(parse_date_value("2024-01-01T25:61:61Z"), None);
        let (t, _) = parse_date_value("2024-06-01T12:00:00-05:00").unwrap();
        assert_eq!(t.to_string(), "2024-06-01T17:00:00Z");
    }
}
