//! Lenient parsing of one date value as formats carry it (header blocks, JSON fields).

use jiff::{civil, tz::TimeZone, Timestamp};

/// Parses a date value: RFC 3339 / ISO 8601 (`2025-12-05T10:00:00+09:00`, `2025-12-05 10:00`,
/// `2025-12-05`) or RFC 2822 (`Fri, 05 Dec 2025 10:00:00 +0000`).
///
/// Returns the instant in UTC and whether the value held only a day (stored as midnight UTC).
/// A value without an offset is read as UTC. Years outside 1900..=2100 are rejected.
pub fn parse_date_value(s: &str) -> Option<(Timestamp, bool)> {
    let s = s.trim();
    let ts = if let Ok(ts) = s.parse::<Timestamp>() {
        Some((ts, false))
    } else if let Ok(dt) = jiff::fmt::rfc2822::parse(s) {
        Some((dt.timestamp(), false))
    } else if let Some(d) = (s.len() == 10)
        .then(|| s.parse::<civil::Date>().ok())
        .flatten()
    {
        let midnight = d.to_datetime(civil::Time::midnight());
        TimeZone::UTC.to_timestamp(midnight).ok().map(|t| (t, true))
    } else if let Ok(dt) = s.replace(' ', "T").parse::<civil::DateTime>() {
        TimeZone::UTC.to_timestamp(dt).ok().map(|t| (t, false))
    } else {
        let head = s.get(..10)?;
        let d = head.parse::<civil::Date>().ok()?;
        TimeZone::UTC
            .to_timestamp(d.to_datetime(civil::Time::midnight()))
            .ok()
            .map(|t| (t, true))
    }?;
    let year = TimeZone::UTC.to_datetime(ts.0).year();
    (1900..=2100).contains(&year).then_some(ts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let (t, only) = parse_date_value("2025-12-05T10:00:00+09:00").unwrap();
        assert_eq!(t.to_string(), "2025-12-05T01:00:00Z");
        assert!(!only);
        let (t, only) = parse_date_value("2025-12-05").unwrap();
        assert_eq!(t.to_string(), "2025-12-05T00:00:00Z");
        assert!(only);
        let (t, _) = parse_date_value("Fri, 05 Dec 2025 10:00:00 +0100").unwrap();
        assert_eq!(t.to_string(), "2025-12-05T09:00:00Z");
        let (t, _) = parse_date_value("2025-12-05 10:30:00").unwrap();
        assert_eq!(t.to_string(), "2025-12-05T10:30:00Z");
        assert!(parse_date_value("yesterday").is_none());
        assert!(parse_date_value("2025-13-45").is_none());
        assert!(parse_date_value("1066-10-14").is_none());
    }
}
