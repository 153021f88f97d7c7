//! The vote that turns a web page's date signals into one date, or none, and the repair of
//! the calendar day of values written in UTC.
//!
//! Exists because no single signal is reliable on real pages (CMS metadata carries migration
//! dates, the first date in a page is often a "today" ticker), while agreement between
//! independent signals is. Weights and margin were chosen on the htmldate BBAW set
//! (A. Barbaresi et al.) from a small grid, keeping structured metadata above any single
//! other signal.

use jiff::civil::Date;

use super::parse::ParsedDate;
use crate::article::DateSource;

/// Vote weights per signal.
pub mod weight {
    /// JSON-LD or `<meta>` (one vote together: they are usually copies of one CMS field).
    pub const STRUCTURED: f32 = 1.0;
    /// An unmarked or marked `<time datetime>`.
    pub const TIME_TAG: f32 = 0.3;
    /// A date field in a page script.
    pub const SCRIPT_FIELD: f32 = 0.3;
    /// A byline element with a date-ish class.
    pub const BYLINE: f32 = 0.7;
    /// The date printed next to the title.
    pub const TITLE: f32 = 0.8;
    /// The text's dateline, or the URL's date.
    pub const DATELINE_OR_URL: f32 = 0.8;
    /// A date after a publication cue word in the text.
    pub const CUED: f32 = 0.5;
}

/// The lead the winning day must have over the runner-up; below it there is no date.
pub const CONFLICT_MARGIN: f32 = 0.15;

/// One signal's date, where it came from and how much it weighs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The date as found.
    pub date: ParsedDate,
    /// The signal.
    pub source: DateSource,
    /// Its vote ([`weight`]).
    pub weight: f32,
}

/// The winning candidate: each day scores the weights of the candidates naming it (JSON-LD
/// and `<meta>` counted once); the best day must lead the runner-up by [`CONFLICT_MARGIN`].
/// Returns the first candidate (callers list them most trusted first) naming that day, so a
/// metadata time of day is kept. `None` when empty, tied or too close.
pub fn elect(candidates: &[Candidate]) -> Option<&Candidate> {
    let score = |d: Date| {
        let mut total = 0.0;
        let mut structured = false;
        for c in candidates.iter().filter(|c| c.date.local == d) {
            let is_structured = matches!(c.source, DateSource::Jsonld | DateSource::Meta);
            if !(is_structured && structured) {
                total += c.weight;
            }
            structured |= is_structured;
        }
        total
    };
    let mut days: Vec<(Date, f32)> = Vec::new();
    for c in candidates {
        if !days.iter().any(|(d, _)| *d == c.date.local) {
            days.push((c.date.local, score(c.date.local)));
        }
    }
    let best = days.iter().map(|(_, s)| *s).fold(0.0f32, f32::max);
    let runner_up = days
        .iter()
        .map(|(_, s)| *s)
        .filter(|s| *s < best)
        .fold(0.0f32, f32::max);
    let tied = days.iter().filter(|(_, s)| *s >= best).count() > 1;
    if best <= 0.0 || tied || best - runner_up < CONFLICT_MARGIN {
        return None;
    }
    let winner = days.iter().find(|(_, s)| *s >= best)?.0;
    candidates.iter().find(|c| c.date.local == winner)
}

/// Repairs the calendar day of a value written in UTC (offset zero or none): the first hint
/// present (callers order them by reliability) that equals the day keeps it, one that is the
/// next day moves it there when the UTC time is 20:00 or later (offsets up to +4: Europe),
/// one that is the previous day when it is before 10:00 (offsets down to -10: the Americas).
/// Values with a local offset or no time are returned unchanged; `at` never changes.
pub fn local_day(p: ParsedDate, hints: &[Option<Date>]) -> ParsedDate {
    if p.offset.unwrap_or(0) != 0 || p.date_only {
        return p;
    }
    let hour = p.at.to_zoned_datetime(jiff::tz::TimeZone::UTC).hour();
    let plausible = |d: &Date| {
        *d == p.local
            || (hour >= 20 && p.local.tomorrow().is_ok_and(|t| t == *d))
            || (hour < 10 && p.local.yesterday().is_ok_and(|y| y == *d))
    };
    match hints.iter().flatten().find(|d| plausible(d)) {
        Some(d) => ParsedDate { local: *d, ..p },
        None => p,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse_value;
    use super::*;

    fn cand(s: &str, source: DateSource, weight: f32) -> Candidate {
        Candidate {
            date: parse_value(s).unwrap(),
            source,
            weight,
        }
    }

    #[test]
    fn structured_counts_once_and_beats_one_other_signal() {
        let c = [
            cand("2020-01-02", DateSource::Jsonld, weight::STRUCTURED),
            cand("2020-01-02", DateSource::Meta, weight::STRUCTURED),
            cand("2020-01-05", DateSource::Url, weight::DATELINE_OR_URL),
        ];
        assert_eq!(elect(&c).map(|c| c.source), Some(DateSource::Jsonld));
        let c2 = [
            c[0],
            c[1],
            c[2],
            cand("2020-01-05", DateSource::Header, weight::TITLE),
        ];
        assert_eq!(elect(&c2).map(|c| c.source), Some(DateSource::Url));
    }

    #[test]
    fn close_votes_and_ties_give_nothing() {
        let c = [
            cand("2020-01-02", DateSource::Header, weight::BYLINE),
            cand("2020-01-05", DateSource::Url, weight::DATELINE_OR_URL),
        ];
        assert_eq!(elect(&c), None);
        assert_eq!(elect(&[]), None);
    }

    #[test]
    fn utc_day_repair_only_near_midnight() {
        let late = parse_value("2020-01-02T22:30:00Z").unwrap();
        let next = Date::new(2020, 1, 3).ok();
        assert_eq!(local_day(late, &[None, next]).local, next.unwrap());
        let noon = parse_value("2020-01-02T12:00:00Z").unwrap();
        assert_eq!(local_day(noon, &[next]).local, noon.local);
        let local = parse_value("2020-01-02T22:30:00+01:00").unwrap();
        assert_eq!(local_day(local, &[next]).local, local.local);
        let early = parse_value("2020-01-02T03:00:00Z").unwrap();
        assert_eq!(
            local_day(early, &[Date::new(2020, 1, 1).ok()]).local.day(),
            1
        );
    }
}
