//! Problems found while reading input: one bad file, line, record or date costs only itself.
//!
//! Every problem names where it happened (file, and line or record when known) and why, so the
//! CLI can print `dateline: PATH:LINE: reason` and the summary can count what was skipped.

use serde::Serialize;
use std::fmt;

/// What a problem cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cost {
    /// The whole file gave no article (unreadable, binary, unsupported, not JSON, ...).
    SkippedFile,
    /// A path could not be walked (a folder without permission, a dangling link, a loop);
    /// counted with the skipped files.
    SkippedPath,
    /// One record or line of the file gave no article; the rest were kept.
    SkippedRecord,
    /// The article was kept, but a value was repaired or dropped (bad date, invalid UTF-8).
    Warning,
}

/// The [`Problem::reason`] of a file the operating system would not let us read (no
/// permission, an I/O error): the CLI exits 2 for it, as for an unreadable path.
pub const UNREADABLE: &str = "unreadable";

/// One problem in one input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file, as walked.
    pub path: String,
    /// 1-based line number when known.
    pub line: Option<usize>,
    /// What it cost.
    pub cost: Cost,
    /// Short, stable category for the summary (`unsupported extension`, `invalid JSON`, ...).
    pub reason: &'static str,
    /// Human detail: the offending value or parser message; may be empty.
    pub detail: String,
}

impl Problem {
    /// A problem with no line number.
    pub fn file(path: &str, cost: Cost, reason: &'static str, detail: impl Into<String>) -> Self {
        Problem {
            path: path.to_string(),
            line: None,
            cost,
            reason,
            detail: detail.into(),
        }
    }

    /// A problem at a 1-based line.
    pub fn at_line(
        path: &str,
        line: usize,
        cost: Cost,
        reason: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.to_string(),
            line: Some(line),
            cost,
            reason,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let what = match self.cost {
            Cost::SkippedFile => "skipped file",
            Cost::SkippedPath => "skipped path",
            Cost::SkippedRecord => "skipped record",
            Cost::Warning => "warning",
        };
        write!(f, ": {what}: {}", self.reason)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// The detail of an `unparsable date` warning: a sample of `raw`, and why when it holds a
/// year outside the 1900..=2100 that date parsing accepts ("1 April 1899 (only years
/// 1900–2100 are read)"), so an old archive's dates are not reported as garbled.
pub fn date_detail(raw: &str) -> String {
    let mut out = sample(raw.trim(), 40);
    let out_of_range = raw
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<u16>().ok())
        .any(|y| !(1900..=2100).contains(&y));
    if out_of_range {
        out.push_str(" (only years 1900–2100 are read)");
    }
    out
}

/// Cuts a sample of bad input to at most `max_chars` characters for an error message.
pub fn sample(s: &str, max_chars: usize) -> String {
    let mut out: String = s.chars().take(max_chars).collect();
    if s.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_detail_says_when_the_year_is_out_of_range() {
        assert_eq!(
            date_detail(" 1 April 1899 "),
            "1 April 1899 (only years 1900–2100 are read)"
        );
        assert_eq!(date_detail("Tuesday-ish"), "Tuesday-ish");
        assert_eq!(date_detail("2024-13-45"), "2024-13-45");
    }

    #[test]
    fn display_names_file_line_and_reason() {
        let p = Problem::at_line("a/b.jsonl", 7, Cost::SkippedRecord, "invalid JSON", "EOF");
        assert_eq!(
            p.to_string(),
            "a/b.jsonl:7: skipped record: invalid JSON: EOF"
        );
        let p = Problem::file("x.bin", Cost::SkippedFile, "binary file", "");
        assert_eq!(p.to_string(), "x.bin: skipped file: binary file");
    }

    #[test]
    fn sample_cuts_on_characters() {
        assert_eq!(sample("héllo wörld", 5), "héllo…");
        assert_eq!(sample("abc", 5), "abc");
    }
}
