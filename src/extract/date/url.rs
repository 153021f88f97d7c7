//! Dates written in URLs and file paths: `/2025/12/05/`, `2025-12-05-slug.txt`, `/20251205/`,
//! `/2025/dec/05/`; and the bare year of such a locator, used to complete year-less datelines.
//!
//! Exists because archives name files and pages after their day; it is the last signal tried,
//! after metadata and the dateline.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::lang::{month_alternation, month_from_word};
use super::parse::ymd;

/// The full date (year, month and day all present) in a URL or path, or `None`.
///
/// Accepted shapes, each bounded by `/`, `-`, `_`, `.`, `=` or the ends: `2025/12/05`,
/// `2025-12-05`, `2025_12_05`, `20251205`, `2025/dec/05`. Numbers longer than 8 digits are ids,
/// never dates. Year 1900..=2100 and a real calendar day are required.
pub fn date_in_locator(s: &str) -> Option<Date> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[/_.=-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:$|[/_.?#&=-])")
            .unwrap()
    });
    static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[/_.=-])((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[/_.?#&=-])").unwrap()
    });
    // Day-first with the year last is the European order (`23-01-2022`, `vom_22.04.2020`,
    // `/08112021-`); month-first never appears in this shape in practice.
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[/_.=~-])(\d{2})([-_.]?)(\d{2})[-_.]?((?:19|20)\d{2})(?:$|[/_.?#&=-])")
            .unwrap()
    });
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:^|/)((?:19|20)\d{{2}})/({})/(\d{{1,2}})(?:$|/)",
            month_alternation()
        ))
        .unwrap()
    });
    for c in SEP.captures_iter(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    for c in COMPACT.captures_iter(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    for c in DMY.captures_iter(s) {
        if let Some(d) = ymd(&c[4], &c[3], &c[1]) {
            return Some(d);
        }
    }
    let c = NAMED.captures(s)?;
    ymd(&c[1], &month_from_word(&c[2])?.to_string(), &c[3])
}

/// The year of a locator, when one is plainly written as a path segment or file-name
/// prefix (`/2025/`, `/2025/12/`, `2025-12-slug`), or as part of a full date. Used only to
/// complete a year-less dateline.
pub fn year_in_locator(s: &str) -> Option<i16> {
    if let Some(d) = date_in_locator(s) {
        return Some(d.year());
    }
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[/_=])((?:19|20)\d{2})(?:$|[/_-])").unwrap());
    YEAR.captures_iter(s)
        .filter_map(|c| c[1].parse::<i16>().ok())
        .find(|y| (1900..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Date::new(y, m, day).ok()
    }

    #[test]
    fn url_shapes() {
        assert_eq!(
            date_in_locator("https://example.org/news/2021/04/09/rain-returns/"),
            d(2021, 4, 9)
        );
        assert_eq!(
            date_in_locator("https://example.org/2021/apr/09/rain"),
            d(2021, 4, 9)
        );
        assert_eq!(
            date_in_locator("https://example.org/archiv/20210409/rain.html"),
            d(2021, 4, 9)
        );
        assert_eq!(
            date_in_locator("https://example.org/p?date=2021-04-09"),
            d(2021, 4, 9)
        );
    }

    #[test]
    fn path_shapes() {
        assert_eq!(
            date_in_locator("/data/in/2021-04-09-rain-returns.txt"),
            d(2021, 4, 9)
        );
        assert_eq!(date_in_locator("2021_04_09_rain.txt"), d(2021, 4, 9));
        assert_eq!(
            date_in_locator("https://example.org/news/09-04-2021-rain/"),
            d(2021, 4, 9)
        );
        assert_eq!(
            date_in_locator("https://example.org/bericht_vom_09.04.2021_x"),
            d(2021, 4, 9)
        );
    }

    #[test]
    fn ids_and_partial_dates_are_not_dates() {
        assert_eq!(
            date_in_locator("https://example.org/article/202104091234"),
            None
        );
        assert_eq!(date_in_locator("https://example.org/2021/04/rain"), None);
        assert_eq!(date_in_locator("https://example.org/2021/02/30/x"), None);
        assert_eq!(date_in_locator("https://example.org/id-1570000000"), None);
    }

    #[test]
    fn years() {
        assert_eq!(
            year_in_locator("https://example.org/2021/04/rain"),
            Some(2021)
        );
        assert_eq!(year_in_locator("/archive/1998/story.txt"), Some(1998));
        assert_eq!(year_in_locator("https://example.org/story-12345"), None);
    }
}
