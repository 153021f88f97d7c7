//! Periods a user names on the command line: `--since 2026`, `--until 1987-03`, `date:1987-03-02`.
//!
//! A period covers its whole extent, so both ends of a range are inclusive in the way people
//! mean them: `--until 1987-03` includes all of 31 March.

use jiff::{civil, tz::TimeZone, Timestamp, ToSpan};

/// A half-open span of time `[start, end)` in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First instant inside the period.
    pub start: Timestamp,
    /// First instant after the period.
    pub end: Timestamp,
}

/// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (days are UTC), an RFC 3339 instant or a date and
/// time without an offset, read as UTC: a period of one second, or of one minute when the
/// time has no seconds. Returns `None` for anything else, including impossible dates like `2025-02-30`.
/// The last days of year 9999 end at [`Timestamp::MAX`].
pub fn parse_period(s: &str) -> Option<Period> {
    let s = s.trim();
    let instant = s.parse::<Timestamp>().ok().or_else(|| {
        // A date and time without an offset ("1987-03-01T10:00", "1987-03-01 10:00:30") is
        // UTC, as days are.
        let civil = s
            .contains(':')
            .then(|| s.parse::<civil::DateTime>().ok())??;
        TimeZone::UTC.to_timestamp(civil).ok()
    });
    if let Some(ts) = instant {
        // A time to the minute covers its minute, one to the second its second.
        let time = s.split(['T', 't', ' ']).nth(1).unwrap_or("");
        let clock = time.split(['Z', 'z', '+', '-']).next().unwrap_or("");
        let extent = if clock.matches(':').count() >= 2 {
            1.second()
        } else {
            1.minute()
        };
        return Some(Period {
            start: ts,
            end: ts.checked_add(extent).ok()?,
        });
    }
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<i16> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    // A period's end may fall past the last instant jiff represents (9999-12-30T22:00Z, so
    // that every civil time of every offset exists): it then stays open at that instant, and
    // a start past it leaves the period empty, as every later date would.
    let (start, end) = match parts.as_slice() {
        [y] => {
            let d = civil::Date::new(num(y, 4)?, 1, 1).ok()?;
            (d, d.checked_add(1.year()).ok())
        }
        [y, m] => {
            let d = civil::Date::new(num(y, 4)?, num(m, 2)? as i8, 1).ok()?;
            (d, d.checked_add(1.month()).ok())
        }
        [y, m, day] => {
            let d = civil::Date::new(num(y, 4)?, num(m, 2)? as i8, num(day, 2)? as i8).ok()?;
            (d, d.checked_add(1.day()).ok())
        }
        _ => return None,
    };
    let utc = |d: civil::Date| {
        TimeZone::UTC
            .to_timestamp(d.to_datetime(civil::Time::midnight()))
            .unwrap_or(Timestamp::MAX)
    };
    Some(Period {
        start: utc(start),
        end: end.map_or(Timestamp::MAX, utc),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str) -> Option<(String, String)> {
        parse_period(s).map(|p| (p.start.to_string(), p.end.to_string()))
    }

    #[test]
    fn periods_cover_their_whole_extent() {
        assert_eq!(
            span("1987"),
            Some(("1987-01-01T00:00:00Z".into(), "1988-01-01T00:00:00Z".into()))
        );
        assert_eq!(
            span("1987-03"),
            Some(("1987-03-01T00:00:00Z".into(), "1987-04-01T00:00:00Z".into()))
        );
        assert_eq!(
            span("2024-02-29"),
            Some(("2024-02-29T00:00:00Z".into(), "2024-03-01T00:00:00Z".into()))
        );
        assert_eq!(
            span("2026-01-02T03:04:05+01:00"),
            Some(("2026-01-02T02:04:05Z".into(), "2026-01-02T02:04:06Z".into()))
        );
        // Without an offset, UTC, as a day is.
        assert_eq!(
            span("1987-03-01 10:00:00"),
            Some(("1987-03-01T10:00:00Z".into(), "1987-03-01T10:00:01Z".into()))
        );
        // To the minute: the whole minute.
        for minute in [
            "1987-03-01T10:00",
            "1987-03-01T11:00+01:00",
            "1987-03-01T10:00Z",
        ] {
            assert_eq!(
                span(minute),
                Some(("1987-03-01T10:00:00Z".into(), "1987-03-01T10:01:00Z".into())),
                "{minute}"
            );
        }
    }

    #[test]
    fn the_last_days_a_timestamp_holds_are_periods() {
        for last in ["9999", "9999-12", "9999-12-30", "9999-12-31"] {
            let p = parse_period(last).unwrap_or_else(|| panic!("{last}"));
            assert_eq!(p.end, Timestamp::MAX, "{last}");
            assert!(p.start <= p.end, "{last}");
        }
        assert_eq!(parse_period("9999-12-31").unwrap().start, Timestamp::MAX);
        assert_eq!(
            parse_period("9999-12-30").unwrap().start.to_string(),
            "9999-12-30T00:00:00Z"
        );
    }

    #[test]
    fn bad_values_are_none() {
        for bad in [
            "",
            "87",
            "1987-3",
            "2025-02-30",
            "March",
            "1987-13",
            "1987-03-01-02",
            "1987-03-01T25:00",
            "10:00",
        ] {
            assert_eq!(parse_period(bad), None, "{bad}");
        }
    }
}
