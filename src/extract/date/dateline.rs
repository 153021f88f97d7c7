//! The dateline of a news text ("SEOUL, Dec. 5 (Yonhap) --", "NAIROBI (July 14) -",
//! "BERLIN, 5. Dezember 2025 (dpa) -") and `Date:` lines of plain-text header blocks.
//!
//! Exists because wire copy and plain-text archives carry their date only in the text. A
//! year-less dateline is completed only from another reliable signal (the URL, the file path,
//! or a full date elsewhere in the same text); without one it yields nothing.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::lang::{month_alternation, month_from_word};
use super::parse::{find_text_dates, parse_value, ParsedDate};
use super::url::year_in_locator;

/// How far into the text a dateline may start (bytes); a dateline opens the story, so a
/// place-and-date further down is a mention, not the dateline.
const DATELINE_WINDOW: usize = 600;

/// A dateline's date as written: the year may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatelineHit {
    /// Year if the dateline states one.
    pub year: Option<i16>,
    /// Month, 1..=12.
    pub month: i8,
    /// Day of month, 1..=31 (validated only once the year is known).
    pub day: i8,
    /// Byte offset in the text just past the dateline's date.
    pub end: usize,
}

/// The character classes the dateline patterns are written with, as regex syntax: whitespace
/// alone (`space`) and inside a class (`spaces`), dashes inside a class, upper-case letters,
/// letters inside a class, digits, and anything but ')' and a line break.
struct Classes {
    space: &'static str,
    spaces: &'static str,
    dashes: &'static str,
    upper: &'static str,
    letters: &'static str,
    digit: &'static str,
    not_close: &'static str,
}

/// Unicode's classes, for any text.
const UNICODE: Classes = Classes {
    space: r"\s",
    spaces: r"\s",
    dashes: r"\p{Pd}",
    upper: r"\p{Lu}",
    letters: r"\p{L}",
    digit: r"\d",
    not_close: r"[^)\n]",
};

/// The ASCII characters of each of [`UNICODE`]'s classes. On an ASCII text they match what
/// Unicode's do, and their automaton compiles in a small part of the instructions: the
/// Unicode patterns' bounded repeats of `\p{L}` cost some 200 million instructions to build,
/// more than the rest of a run's date extraction.
const ASCII: Classes = Classes {
    space: r"[\t\n\x0B\x0C\r ]",
    spaces: r"\t\n\x0B\x0C\r ",
    dashes: r"\-",
    upper: r"[A-Z]",
    letters: r"A-Za-z",
    digit: r"[0-9]",
    not_close: r"[\x00-\x09\x0B-\x28\x2A-\x7F]",
};

/// The month-day and the day-month dateline patterns, written with classes `c`.
fn dateline_regexes(c: &Classes) -> [Regex; 2] {
    let Classes {
        space: sp,
        spaces: s,
        dashes: pd,
        upper: lu,
        letters: l,
        digit: d,
        not_close: nc,
    } = c;
    let m = month_alternation();
    let md = format!(
        r"(?m)^[{s}{pd}*•]*{lu}[{l}.'’/ -]{{1,40}}?(?:,{sp}*[{l}.' ]{{1,30}}?)?(?:,{sp}*|{sp}*\({sp}*)(?i:({m}))\.?{sp}+({d}{{1,2}})(?:st|nd|rd|th)?(?:,?{sp}+((?:19|20){d}{{2}}))?{sp}*\)?{sp}*(?:\({nc}{{1,40}}\){sp}*)?[-–—:]"
    );
    let dm = format!(
        r"(?m)^[{s}{pd}*•]*{lu}[{l}.'’/ -]{{1,40}}?(?:,{sp}*[{l}.' ]{{1,30}}?)?(?:,{sp}*|{sp}*\({sp}*)({d}{{1,2}})\.?{sp}+(?:de{sp}+)?(?i:({m}))\.?(?:,?{sp}+(?:de{sp}+)?((?:19|20){d}{{2}}))?{sp}*\)?{sp}*(?:\({nc}{{1,40}}\){sp}*)?[-–—:]"
    );
    [md, dm].map(|p| Regex::new(&p).unwrap())
}

/// Finds the dateline near the start of `text`: an upper-case-initial place name (optionally
/// ", region"), then month-day or day-month (optionally with a year, optionally in
/// parentheses), an optional agency in parentheses and a dash or colon.
pub fn find_dateline(text: &str) -> Option<DatelineHit> {
    static UNICODE_RES: LazyLock<[Regex; 2]> = LazyLock::new(|| dateline_regexes(&UNICODE));
    static ASCII_RES: LazyLock<[Regex; 2]> = LazyLock::new(|| dateline_regexes(&ASCII));
    let mut cut = DATELINE_WINDOW.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let [md, dm] = if head.is_ascii() {
        &*ASCII_RES
    } else {
        &*UNICODE_RES
    };
    let hit = |month: &str, day: &str, year: Option<regex::Match>, end: usize| {
        Some(DatelineHit {
            year: year.and_then(|y| y.as_str().parse().ok()),
            month: month_from_word(month)? as i8,
            day: day.parse().ok().filter(|d| (1..=31).contains(d))?,
            end,
        })
    };
    let a = md
        .captures(head)
        .and_then(|c| hit(&c[1], &c[2], c.get(3), c.get(0)?.end()));
    let b = dm
        .captures(head)
        .and_then(|c| hit(&c[2], &c[1], c.get(3), c.get(0)?.end()));
    match (a, b) {
        (Some(a), Some(b)) => Some(if a.end <= b.end { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The day of the dateline of `text`, its year taken in order from the dateline itself, the
/// URL, the file path, or the first full date elsewhere in the text. `None` when there is no
/// dateline, no year signal, or the completed day is impossible (Feb 29 of a common year).
///
/// A date in the text only says which year is near: the dateline's day is taken in the one
/// year that puts it from 90 days before to half a year after that date (a story mostly looks
/// back on recent events, or ahead on close ones: "SEOUL, Jan. 2 -" after "announced on Oct.
/// 14, 2024" is 2025-01-02, before "talks resume on Jan. 5, 2025" too); the window is shorter
/// than a year, so at most one year fits, and when none does the date stays unknown.
pub fn dateline_date(text: &str, url: Option<&str>, path: Option<&str>) -> Option<Date> {
    let hit = find_dateline(text)?;
    let in_range = |y: i16| (1900..=2100).contains(&y);
    let known = hit
        .year
        .or_else(|| url.and_then(year_in_locator))
        .or_else(|| path.and_then(year_in_locator));
    if let Some(year) = known {
        return in_range(year)
            .then(|| Date::new(year, hit.month, hit.day).ok())
            .flatten();
    }
    let near = find_text_dates(text).first()?.date;
    [
        near.year().saturating_sub(1),
        near.year(),
        near.year().saturating_add(1),
    ]
    .into_iter()
    .filter(|&y| in_range(y))
    .filter_map(|y| Date::new(y, hit.month, hit.day).ok())
    .find(|&day| {
        let after = near.until(day).map_or(-1, |span| span.get_days());
        (-90..=183).contains(&after)
    })
}

/// The date of a `Date:`-style line in the first lines of a plain-text article (`Date:`,
/// `Datum:`, `Published:`, `Veröffentlicht:`, `Fecha:`, `Publié le`), parsed with
/// [`parse_value`].
pub fn header_date(text: &str) -> Option<ParsedDate> {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?im)^\s*(?:date|datum|published|publication date|posted|veröffentlicht(?: am)?|fecha|publié le|data|pubdate)\s*[:=]?\s*(.{6,80})$").unwrap()
    });
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    LINE.captures_iter(&head).find_map(|c| parse_value(&c[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Date::new(y, m, day).ok()
    }

    #[test]
    fn wire_datelines() {
        let t = "HALIFAX, Nov. 3 (CP) -- Ferries stayed in port on Monday.";
        assert_eq!(
            find_dateline(t).map(|h| (h.year, h.month, h.day)),
            Some((None, 11, 3))
        );
        let t = "KISUMU (Aug 21) - Fishermen said the lake rose again.";
        assert_eq!(find_dateline(t).map(|h| (h.month, h.day)), Some((8, 21)));
        let t = "POTSDAM, 4. Februar 2023 (dpa) - Der Landtag tagte lange.";
        assert_eq!(
            find_dateline(t).map(|h| (h.year, h.month, h.day)),
            Some((Some(2023), 2, 4))
        );
        let t = "Lyon, 7 mai 2022 – La ville a voté.";
        assert_eq!(dateline_date(t, None, None), d(2022, 5, 7));
        let t = "QUITO, Oct. 2, 2018 -- Voters lined up early.";
        assert_eq!(dateline_date(t, None, None), d(2018, 10, 2));
    }

    #[test]
    fn yearless_dateline_takes_year_from_other_signals() {
        let t = "HALIFAX, Nov. 3 (CP) -- Ferries stayed in port.";
        assert_eq!(
            dateline_date(t, Some("https://example.org/2016/11/ferries"), None),
            d(2016, 11, 3)
        );
        assert_eq!(
            dateline_date(t, None, Some("/archive/2015/ferries.txt")),
            d(2015, 11, 3)
        );
        let t2 = format!("{t} The last storm, on 12 October 2014, was worse.");
        assert_eq!(dateline_date(&t2, None, None), d(2014, 11, 3));
        // The dateline's day falls after the date the text names, in that year or the next.
        let t3 = "SEOUL, Jan. 2 (Yonhap) -- The plan, first announced on Oct. 14, 2024, passed.";
        assert_eq!(dateline_date(t3, None, None), d(2025, 1, 2));
        // A date far from the dateline's day in both years says nothing: no date.
        let t4 = "HALIFAX, Nov. 3 (CP) -- The rule takes effect on March 1, 2015.";
        assert_eq!(dateline_date(t4, None, None), None);
        // A close upcoming date: the dateline's day shortly before it.
        let t5 = "SEOUL, Jan. 2 (Yonhap) -- Talks resume on Jan. 5, 2025.";
        assert_eq!(dateline_date(t5, None, None), d(2025, 1, 2));
        let t6 = "SEOUL, Dec. 30 (Yonhap) -- The rule takes effect on Jan. 1, 2026.";
        assert_eq!(dateline_date(t6, None, None), d(2025, 12, 30));
        assert_eq!(dateline_date(t, None, None), None);
    }

    #[test]
    fn yearless_feb_29_needs_a_leap_year() {
        let t = "OSLO, Feb. 29 (NTB) -- Snow.";
        assert_eq!(
            dateline_date(t, Some("https://x.example/2019/x"), None),
            None
        );
        assert_eq!(
            dateline_date(t, Some("https://x.example/2020/x"), None),
            d(2020, 2, 29)
        );
    }

    #[test]
    fn no_dateline_in_ordinary_prose() {
        assert_eq!(
            find_dateline("The council met in May 2020 and again later."),
            None
        );
        assert_eq!(find_dateline("Ferries stayed in port on Monday."), None);
    }

    #[test]
    fn ascii_classes_match_unicode_ones_on_ascii() {
        let class = |c: &Classes| {
            [
                c.space.to_string(),
                format!("[{}]", c.spaces),
                format!("[{}]", c.dashes),
                c.upper.to_string(),
                format!("[{}]", c.letters),
                c.digit.to_string(),
                c.not_close.to_string(),
            ]
            .map(|p| Regex::new(&format!("^{p}$")).unwrap())
        };
        for (u, a) in class(&UNICODE).iter().zip(class(&ASCII).iter()) {
            for c in (0u8..128).map(char::from) {
                let s = c.to_string();
                assert_eq!(u.is_match(&s), a.is_match(&s), "{u} {a} {c:?}");
            }
        }
        // Both pattern sets find the same datelines in ASCII text.
        let t = "HALIFAX, N.S., Nov. 3rd, 2018 (CP) -- x\nLyon, 7 mai 2022 - x";
        let [umd, udm] = dateline_regexes(&UNICODE);
        let [amd, adm] = dateline_regexes(&ASCII);
        let spans = |re: &Regex| {
            re.captures(t)
                .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
        };
        assert!(spans(&umd).is_some() && spans(&udm).is_some());
        assert_eq!(spans(&umd), spans(&amd));
        assert_eq!(spans(&udm), spans(&adm));
    }

    #[test]
    fn header_lines() {
        let t = "Title: Ferries\nDate: 2017-06-02 09:00\n\nFerries stayed in port.";
        assert_eq!(header_date(t).map(|p| p.local), d(2017, 6, 2));
        assert_eq!(header_date("Ferries stayed in port."), None);
    }
}
