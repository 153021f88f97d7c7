//! Results for people at a terminal.
//!
//! ```text
//!  1. BAHIA COCOA REVIEW
//!     1987-02-26 · reuters21578/reut2-000.sgm#1 · score 9.81
//!     places: el-salvador, usa, uruguay
//!     SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, …
//! ```
//!
//! Matches are bold yellow on a colour terminal, and wrapped in `**` otherwise, so that they
//! stay visible in a pipe or a log; `NO_COLOR` (no-color.org) turns colour off. Everything
//! taken from articles goes through [`super::safe`] first.

use super::safe::{block, line};
use crate::search::{facets::FacetCount, Hit, SearchResults, Snippet};
use std::fmt::Write;

const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;33m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// How many characters of the query the summary line echoes before "…".
pub const QUERY_SHOWN: usize = 80;

/// How many people or places a hit shows before "…".
pub const SHOWN_ENTITIES: usize = 4;

/// Renders a page of results. `color` chooses ANSI styling over `**` markers.
pub fn results(r: &SearchResults, color: bool) -> String {
    let mut out = String::new();
    for hit in &r.hits {
        hit_block(&mut out, hit, color);
    }
    let shown = r.hits.len();
    let first = r.hits.first().map_or(0, |h| h.rank);
    // A pasted paragraph is echoed by its start only. The query is echoed in quotes as typed
    // (a phrase query keeps its own: "central bank"), control characters escaped.
    let mut query: String = r
        .query
        .chars()
        .take(QUERY_SHOWN)
        .flat_map(|c| {
            let escaped = c.is_control().then(|| c.escape_default());
            escaped
                .into_iter()
                .flatten()
                .chain((!c.is_control()).then_some(c))
        })
        .collect();
    if r.query.chars().count() > QUERY_SHOWN {
        query.push('…');
    }
    // A filter-only search (`--org Fox`) has no query to echo: `for ""` would read as a
    // search for nothing.
    let query = if r.query.trim().is_empty() {
        String::new()
    } else if query.len() > 1 && query.starts_with('"') && query.ends_with('"') {
        format!(" for {query}")
    } else {
        format!(" for \"{query}\"")
    };
    let _ = if shown == 0 && r.total_hits > 0 {
        writeln!(
            out,
            "no hits on this page: {} in all{} ({:.1} ms)",
            r.total_hits, query, r.took_ms
        )
    } else if shown == 0 {
        writeln!(out, "no hits{query} ({:.1} ms)", r.took_ms).and_then(|()| {
            for u in &r.unmatched_filters {
                match u.filter {
                    "date" => writeln!(out, "no article in the index is dated {}", u.value)?,
                    f if u.similar.is_empty() => writeln!(
                        out,
                        "no article in the index has {f} \"{}\"",
                        line(&u.value)
                    )?,
                    f => writeln!(
                        out,
                        "no article in the index has {f} \"{}\"; {f}s that start with it: {}",
                        line(&u.value),
                        line(&u.similar.join(", "))
                    )?,
                }
            }
            for hint in crate::search::syntax::hints(&r.query) {
                writeln!(out, "note: {}", line(&hint))?;
            }
            Ok(())
        })
    } else {
        writeln!(
            out,
            "hits {first}-{} of {}{} ({:.1} ms)",
            first + shown - 1,
            r.total_hits,
            query,
            r.took_ms
        )
    };
    if let Some(f) = &r.facets {
        for (label, values) in [
            ("people", &f.people),
            ("places", &f.places),
            ("organizations", &f.organizations),
        ] {
            let _ = writeln!(out, "{label}: {}", facet_line(values));
        }
    }
    out
}

fn facet_line(values: &[FacetCount]) -> String {
    if values.is_empty() {
        return "-".into();
    }
    values
        .iter()
        .map(|v| format!("{} ({})", line(&v.name), v.count))
        .collect::<Vec<_>>()
        .join(", ")
}

fn hit_block(out: &mut String, hit: &Hit, color: bool) {
    let a = &hit.article;
    let (bold, dim, reset) = if color {
        (BOLD, DIM, RESET)
    } else {
        ("", "", "")
    };
    let title = if a.title.is_empty() {
        "(untitled)"
    } else {
        &a.title
    };
    let _ = writeln!(out, "{:>2}. {bold}{}{reset}", hit.rank, line(title));
    let date = a.date.map_or("undated".to_string(), |d| {
        d.strftime("%Y-%m-%d").to_string()
    });
    let score = hit
        .score
        .map(|s| format!(" · score {s:.2}"))
        .unwrap_or_default();
    let _ = writeln!(out, "    {dim}{date} · {}{score}{reset}", line(&a.id));
    let mut facts = Vec::new();
    for (label, values) in [
        ("people", &a.people),
        ("places", &a.places),
        ("orgs", &a.organizations),
    ] {
        if !values.is_empty() {
            let mut shown: Vec<&str> = values
                .iter()
                .take(SHOWN_ENTITIES)
                .map(String::as_str)
                .collect();
            if values.len() > SHOWN_ENTITIES {
                shown.push("…");
            }
            facts.push(format!("{label}: {}", line(&shown.join(", "))));
        }
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "    {}", facts.join(" · "));
    }
    if !hit.snippet.text.is_empty() {
        let _ = writeln!(out, "    {}", marked(&hit.snippet, color));
    }
    out.push('\n');
}

/// The snippet with its highlights marked.
pub fn marked(s: &Snippet, color: bool) -> String {
    let (open, close) = if color { (MATCH, RESET) } else { ("**", "**") };
    let chars: Vec<char> = line(&s.text).chars().collect();
    let mut out = String::with_capacity(s.text.len() + 16);
    let mut at = 0;
    for &(start, end) in &s.highlights {
        let (start, end) = (start.min(chars.len()), end.min(chars.len()));
        if start < at {
            continue;
        }
        out.extend(&chars[at..start]);
        out.push_str(open);
        out.extend(&chars[start..end]);
        out.push_str(close);
        at = end;
    }
    out.extend(&chars[at..]);
    out
}

/// `n` and `noun`, plural unless `n` is 1: "1 article", "20 articles".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The end-of-run summary of `dateline index`: one line of counts and speed, then one line per
/// non-empty group of skipped files, skipped records and warnings, each reason with its count
/// as `N × reason` (the reasons hold commas and are nouns that do not take a plural well:
/// "2 documentation file" read as a typo).
pub fn index_summary(r: &crate::index::IndexReport) -> String {
    let mut summary = format!(
        "indexed {} from {} of {} in {:.2} s ({:.1} MB read, {:.1} MB/s, {:.0} articles/s); {} in {}",
        count(r.articles_indexed, "article"),
        r.files_indexed,
        count(r.files_seen, "file"),
        r.seconds,
        r.bytes_read as f64 / 1e6,
        r.mb_per_s,
        r.articles_per_s,
        count(r.documents_in_index as usize, "document"),
        line(&r.index),
    );
    if r.files_read_in_part > 0 {
        let _ = write!(
            summary,
            "\nread in part: {}, stopped before the end",
            count(r.files_read_in_part, "file")
        );
    }
    if r.files_unread > 0 {
        let _ = write!(
            summary,
            "\nnot read: {}, the run stopped first",
            count(r.files_unread, "file")
        );
    }
    for (label, map) in [
        ("skipped files", &r.skipped_files),
        ("skipped records", &r.skipped_records),
        ("warnings", &r.warnings),
    ] {
        if !map.is_empty() {
            let parts: Vec<String> = map
                .iter()
                .map(|(why, n)| format!("{n} × {}", line(why)))
                .collect();
            let _ = write!(summary, "\n{label}: {}", parts.join("; "));
        }
    }
    summary
}

/// One stored article in full, for `dateline show`.
pub fn article(a: &crate::article::Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "id:            {}", line(&a.id));
    let _ = writeln!(out, "path:          {}", line(&a.path));
    let _ = writeln!(out, "title:         {}", line(&a.title));
    let date = a.date.map_or("-".to_string(), |d| d.to_string());
    let _ = writeln!(out, "date:          {date} ({})", a.date_source.as_str());
    for (label, values) in [
        ("people:", &a.people),
        ("places:", &a.places),
        ("organizations:", &a.organizations),
        ("authors:", &a.authors),
        ("topics:", &a.topics),
    ] {
        if !values.is_empty() {
            let _ = writeln!(out, "{label:<15}{}", line(&values.join("; ")));
        }
    }
    for (label, value) in [
        ("source:", &a.source),
        ("url:", &a.url),
        ("language:", &a.language),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "{label:<15}{}", line(v));
        }
    }
    let _ = writeln!(out, "\n{}", block(&a.body));
    out
}

#[cfg(test)]
mod tests {
    use super::article as article_text;
    use super::*;

    #[test]
    fn summary_counts_in_singular_and_plural() {
        let r = crate::index::IndexReport {
            articles_indexed: 1,
            files_indexed: 1,
            files_seen: 1,
            documents_in_index: 3,
            index: "idx".into(),
            ..Default::default()
        };
        let line = index_summary(&r);
        assert!(
            line.starts_with("indexed 1 article from 1 of 1 file in "),
            "{line}"
        );
        assert!(line.contains("; 3 documents in idx"), "{line}");
        assert!(!line.contains('\n'), "{line}");
    }

    #[test]
    fn summary_lists_each_group_of_problems_on_its_own_line() {
        let mut r = crate::index::IndexReport {
            index: "idx".into(),
            ..Default::default()
        };
        r.skipped_files.insert("documentation file".into(), 2);
        r.skipped_files
            .insert("word list, not an article".into(), 5);
        r.warnings.insert("not UTF-8, encoding guessed".into(), 1);
        let text = index_summary(&r);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert_eq!(
            lines[1],
            "skipped files: 2 × documentation file; 5 × word list, not an article"
        );
        assert_eq!(lines[2], "warnings: 1 × not UTF-8, encoding guessed");
        r.files_read_in_part = 1;
        let text = index_summary(&r);
        assert_eq!(
            text.lines().nth(1),
            Some("read in part: 1 file, stopped before the end")
        );
        r.files_unread = 811;
        let text = index_summary(&r);
        assert_eq!(
            text.lines().nth(2),
            Some("not read: 811 files, the run stopped first")
        );
    }

    #[test]
    fn the_query_is_echoed_as_typed() {
        let echo = |q: &str| {
            let r = SearchResults {
                query: q.into(),
                total_hits: 0,
                took_ms: 1.0,
                hits: vec![],
                facets: None,
                unmatched_filters: vec![],
            };
            results(&r, false)
        };
        assert!(echo("central bank").starts_with("no hits for \"central bank\" ("));
        assert!(echo("\"central bank\"").starts_with("no hits for \"central bank\" ("));
        assert!(echo("tab\there").starts_with("no hits for \"tab\\there\" ("));
        let long = "word ".repeat(100);
        assert!(echo(&long).contains("…\" ("));
        assert!(echo("").starts_with("no hits ("), "{}", echo(""));
        assert!(echo("  ").starts_with("no hits ("));
    }

    #[test]
    fn text_from_articles_cannot_act_on_the_terminal() {
        let article = crate::article::Article {
            id: "ctrl.jsonl#1".into(),
            title: "RATES \x1b[2JRISE\nIN LISBON".into(),
            people: vec!["Ann\x1b[1m Lee".into()],
            places: vec!["Lis\nbon".into()],
            body: "Line one.\r\nLine \u{202E}two.".into(),
            ..Default::default()
        };
        let r = SearchResults {
            query: "rates".into(),
            total_hits: 1,
            took_ms: 1.0,
            hits: vec![Hit {
                rank: 1,
                score: Some(1.0),
                article: article.clone(),
                snippet: Snippet {
                    text: "The \x1b]0;pwned\x07 rates rose.".into(),
                    highlights: vec![(15, 20)],
                },
            }],
            facets: None,
            unmatched_filters: vec![],
        };
        let shown = results(&r, false);
        assert!(
            !shown.contains('\x1b') && !shown.contains('\x07'),
            "{shown:?}"
        );
        assert!(
            shown.starts_with(" 1. RATES \u{FFFD}[2JRISE IN LISBON\n"),
            "{shown:?}"
        );
        assert!(shown.contains("people: Ann\u{FFFD}[1m Lee · places: Lis bon\n"));
        // Highlights still fall on the word they marked.
        assert!(
            shown.contains("\u{FFFD}]0;pwned\u{FFFD} **rates** rose."),
            "{shown:?}"
        );
        let full = article_text(&article);
        assert!(
            full.ends_with("\nLine one.\nLine \u{FFFD}two.\n"),
            "{full:?}"
        );
    }

    #[test]
    fn marks_highlights_by_character() {
        let s = Snippet {
            text: "Zürich cocoa".into(),
            highlights: vec![(0, 6), (7, 12)],
        };
        assert_eq!(marked(&s, false), "**Zürich** **cocoa**");
        assert_eq!(
            marked(&s, true),
            "\x1b[1;33mZürich\x1b[0m \x1b[1;33mcocoa\x1b[0m"
        );
        let bad = Snippet {
            text: "ab".into(),
            highlights: vec![(1, 9)],
        };
        assert_eq!(marked(&bad, false), "a**b**");
    }
}
