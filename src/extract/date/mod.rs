//! Trustworthy publication dates for articles of every ingest format.
//!
//! Owns the order of trust, from most to least trusted: structured metadata (JSON-LD,
//! `<meta>`, `<time>`, bylines, header lines), the article's dateline, a date in the URL, a
//! date in the file path; else no date. A wrong date is worse than none (it silently hides an
//! article from `--since/--until`), so every recognizer rejects ambiguous, impossible and
//! out-of-range (outside 1900..=2100) values, never reads the clock and never invents a year.
//! For web pages the signals vote ([`vote`]): metadata beats any single other signal, two
//! agreeing visible signals beat metadata, and a close conflict yields no date.

pub mod blocks;
pub mod dateline;
pub mod eval;
pub mod html;
pub mod lang;
pub mod parse;
pub mod url;
pub mod visible;
pub mod vote;

use jiff::civil::Date;
use jiff::Timestamp;

use crate::article::DateSource;

pub use eval::{evaluate_htmldate, DateError, DateEvalReport};
pub use parse::parse_date_value;

/// A publication date and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// The instant in UTC; midnight UTC of `local_date` when `date_only`.
    pub at: Timestamp,
    /// The signal that produced it.
    pub source: DateSource,
    /// True when the source gave a day without a time of day.
    pub date_only: bool,
    /// The calendar day as written in the source (its own time zone), before conversion to
    /// UTC. Differs from `at`'s UTC day for times near midnight with a non-zero offset.
    pub local_date: Date,
}

impl FoundDate {
    fn new(p: parse::ParsedDate, source: DateSource) -> FoundDate {
        FoundDate {
            at: p.at,
            source,
            date_only: p.date_only,
            local_date: p.local,
        }
    }

    fn from_day(d: Date, source: DateSource) -> Option<FoundDate> {
        parse::build(d, None, None).map(|p| FoundDate::new(p, source))
    }
}

/// The publication date of a web page.
///
/// Signals, in order of trust: JSON-LD, `<meta>` (incl. microdata), `<time>`, a byline
/// element (`Header`), the date printed by the title (`Header`), the text's dateline, the
/// URL, a date after a publication cue in the text ("Veröffentlicht am …", `Header`); the
/// file path only when none of these exists. Each signal votes for its day with a fixed
/// weight ([`vote::weight`]); the heaviest day wins if it leads the runner-up by at least
/// [`vote::CONFLICT_MARGIN`], else there is no date (a wrong date is worse than none). The weights
/// make structured metadata (1.0) beat any single other signal, and yield only to two visible
/// signals that agree on another day (a byline printed under the title counts as both the
/// byline and the title's date, which empirically outweighs CMS metadata). The date returned is that of the most trusted signal
/// voting for the winning day (so a metadata time of day is kept).
///
/// A structured value written in UTC near midnight is moved to the neighbouring day when the
/// URL, a local-offset copy of the same instant, the byline or the title show that day (a UTC
/// time hides the publisher's calendar day; see [`vote::local_day`]); `at` keeps the instant.
///
/// `url` is the page's address, `path` the file it was read from; `body_text` the extracted
/// main text when available (else the page's visible text is used for the dateline and cue
/// rules). Never fails; `None` when no signal is trustworthy.
pub fn from_html(
    html: &str,
    url: Option<&str>,
    path: Option<&str>,
    body_text: Option<&str>,
) -> Option<FoundDate> {
    let tags = crate::markup::scan_tags(html);
    let url_day = url.and_then(url::date_in_locator);
    let byline = visible::byline_date(html, &tags);
    let title = visible::title_date(html, &tags);
    let owned;
    let text = match body_text {
        Some(t) => t,
        None => {
            let body = tags
                .iter()
                .position(|t| t.name == "body" && !t.closing)
                .unwrap_or(0);
            owned = crate::markup::visible_text_of(html, &tags[body..]);
            &owned
        }
    };
    let hints = |p: parse::ParsedDate| {
        let same_instant = html::same_instant_local_day(&tags, p.at);
        let days = [
            url_day,
            same_instant,
            byline.map(|b| b.local),
            title.map(|b| b.local),
        ];
        vote::local_day(p, &days)
    };
    let day = |d: Date| parse::build(d, None, None);
    use vote::weight as w;
    // Most trusted first: ties of days inside the vote go to the earlier candidate.
    let candidates: Vec<vote::Candidate> = [
        (
            html::json_ld_date(html, &tags).map(hints),
            DateSource::Jsonld,
            w::STRUCTURED,
        ),
        (
            html::meta_date(&tags).map(hints),
            DateSource::Meta,
            w::STRUCTURED,
        ),
        (
            html::time_tag_date(&tags).map(hints),
            DateSource::TimeTag,
            w::TIME_TAG,
        ),
        (
            html::script_field_date(html, &tags).map(hints),
            DateSource::JsonField,
            w::SCRIPT_FIELD,
        ),
        (byline, DateSource::Header, w::BYLINE),
        (title, DateSource::Header, w::TITLE),
        (
            dateline::dateline_date(text, url, path).and_then(day),
            DateSource::Dateline,
            w::DATELINE_OR_URL,
        ),
        (url_day.and_then(day), DateSource::Url, w::DATELINE_OR_URL),
        (visible::cued_text_date(text), DateSource::Header, w::CUED),
    ]
    .into_iter()
    .filter_map(|(c, source, weight)| {
        c.map(|date| vote::Candidate {
            date,
            source,
            weight,
        })
    })
    .collect();
    if candidates.is_empty() {
        return path
            .and_then(url::date_in_locator)
            .and_then(|d| FoundDate::from_day(d, DateSource::Path));
    }
    vote::elect(&candidates).map(|c| FoundDate::new(c.date, c.source))
}

/// The date of a plain-text article: a `Date:` line in its header block, else its dateline
/// (a year-less dateline completed from `url`, `path` or a full date in the text), else a
/// date in `url`, else in `path`. `None` when there is none.
pub fn from_text(text: &str, url: Option<&str>, path: Option<&str>) -> Option<FoundDate> {
    if let Some(p) = dateline::header_date(text) {
        return Some(FoundDate::new(p, DateSource::Header));
    }
    if let Some(d) = dateline::dateline_date(text, url, path) {
        return FoundDate::from_day(d, DateSource::Dateline);
    }
    if let Some(d) = url.and_then(url::date_in_locator) {
        return FoundDate::from_day(d, DateSource::Url);
    }
    path.and_then(url::date_in_locator)
        .and_then(|d| FoundDate::from_day(d, DateSource::Path))
}

/// The full date written in a URL or a file path (`/2025/12/05/`, `2025-12-05-slug.txt`,
/// `/20251205/`), date-only. The source is `Url` when `s` has a scheme (`://`), else `Path`.
pub fn from_url_or_path(s: &str) -> Option<FoundDate> {
    let source = if s.contains("://") {
        DateSource::Url
    } else {
        DateSource::Path
    };
    url::date_in_locator(s).and_then(|d| FoundDate::from_day(d, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(f: Option<FoundDate>) -> Option<(String, DateSource)> {
        f.map(|f| (f.local_date.to_string(), f.source))
    }

    #[test]
    fn json_ld_in_a_page() {
        let h = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour reopens",
             "datePublished":"2022-08-19T06:15:00+02:00"}</script></head>
            <body><h1>Harbour reopens</h1><p>Boats are back.</p></body></html>"#;
        let f = from_html(h, None, None, None).unwrap();
        assert_eq!(f.source, DateSource::Jsonld);
        assert_eq!(f.at.to_string(), "2022-08-19T04:15:00Z");
        assert!(!f.date_only);
    }

    #[test]
    fn meta_tag_and_timezone_conversion() {
        let h = r#"<meta property="article:published_time" content="2021-06-30T23:30:00-04:00">"#;
        let f = from_html(h, None, None, None).unwrap();
        assert_eq!(f.source, DateSource::Meta);
        assert_eq!(f.at.to_string(), "2021-07-01T03:30:00Z");
        assert_eq!(f.local_date.to_string(), "2021-06-30");
    }

    #[test]
    fn time_tag() {
        let h =
            r#"<body><h1>Hail in May</h1><time datetime="2020-05-14">14. Mai 2020</time></body>"#;
        let f = from_html(h, None, None, None).unwrap();
        assert_eq!(
            day(Some(f)),
            Some(("2020-05-14".into(), DateSource::TimeTag))
        );
        assert!(f.date_only);
        assert_eq!(f.at.to_string(), "2020-05-14T00:00:00Z");
    }

    #[test]
    fn visible_byline_in_several_languages() {
        for (byline, want) in [
            (
                "Von Erika Beispiel | 5. Dezember 2025, 08:10 Uhr",
                "2025-12-05",
            ),
            (
                "Par Jeanne Exemple, publié le 5 décembre 2025",
                "2025-12-05",
            ),
            ("Por Ana Ejemplo, 5 de diciembre de 2025", "2025-12-05"),
            ("Di Marco Esempio, 5 dicembre 2025", "2025-12-05"),
            ("Door Piet Voorbeeld, 5 december 2025", "2025-12-05"),
            ("Von Erika Beispiel, 05.12.2025", "2025-12-05"),
        ] {
            let h = format!(r#"<h1>Titel</h1><p class="article-byline">{byline}</p><p>Text.</p>"#);
            assert_eq!(
                day(from_html(&h, None, None, None)).map(|d| d.0),
                Some(want.into()),
                "{byline}"
            );
        }
    }

    #[test]
    fn dateline_with_and_without_year() {
        let t = "WELLINGTON, March 3, 2026 -- Parliament sat late.";
        assert_eq!(
            day(from_text(t, None, None)),
            Some(("2026-03-03".into(), DateSource::Dateline))
        );
        let t = "WELLINGTON, March 3 (NZPA) -- Parliament sat late.";
        assert_eq!(day(from_text(t, None, None)), None);
        assert_eq!(
            day(from_text(
                t,
                Some("https://news.example/2024/03/parliament"),
                None
            )),
            Some(("2024-03-03".into(), DateSource::Dateline))
        );
        assert_eq!(
            day(from_text(t, None, Some("archive/2023/parliament.txt"))),
            Some(("2023-03-03".into(), DateSource::Dateline))
        );
        let t2 = format!("{t} The previous sitting, on 28 February 2022, ended early.");
        assert_eq!(
            day(from_text(&t2, None, None)),
            Some(("2022-03-03".into(), DateSource::Dateline))
        );
        let t = "GRAZ, 3. März (APA) - Der Landtag tagte lange.";
        assert_eq!(
            day(from_text(
                t,
                Some("https://news.example/2021/landtag"),
                None
            )),
            Some(("2021-03-03".into(), DateSource::Dateline))
        );
    }

    #[test]
    fn url_and_path_dates() {
        assert_eq!(
            day(from_url_or_path("https://news.example/2019/11/21/storm/")),
            Some(("2019-11-21".into(), DateSource::Url))
        );
        assert_eq!(
            day(from_url_or_path("/data/wire/2019-11-21-storm.txt")),
            Some(("2019-11-21".into(), DateSource::Path))
        );
        let t = "A storm hit the coast.";
        assert_eq!(
            day(from_text(
                t,
                Some("https://news.example/20191121/storm"),
                None
            ))
            .unwrap()
            .1,
            DateSource::Url
        );
        assert_eq!(
            day(from_text(t, None, Some("2019_11_21_storm.txt")))
                .unwrap()
                .1,
            DateSource::Path
        );
        let h = "<h1>Storm</h1><p>A storm hit the coast.</p>";
        assert_eq!(
            day(from_html(
                h,
                Some("https://news.example/2019/11/21/storm"),
                None,
                None
            )),
            Some(("2019-11-21".into(), DateSource::Url))
        );
        assert_eq!(
            day(from_html(
                h,
                None,
                Some("pages/2019-11-21-storm.html"),
                None
            )),
            Some(("2019-11-21".into(), DateSource::Path))
        );
    }

    #[test]
    fn metadata_wins_over_a_single_conflicting_signal() {
        let meta = r#"<meta name="pubdate" content="2018-04-02">"#;
        let h = format!("{meta}<h1>Flood</h1><p>Rivers rose.</p>");
        let f = from_html(
            &h,
            Some("https://news.example/2018/03/30/flood"),
            None,
            None,
        );
        assert_eq!(day(f), Some(("2018-04-02".into(), DateSource::Meta)));
        let h = format!("{meta}<p class=\"byline\">30 March 2018</p><p>Rivers rose.</p>");
        assert_eq!(
            day(from_html(&h, None, None, None)),
            Some(("2018-04-02".into(), DateSource::Meta))
        );
        let t = "DHAKA, March 30, 2018 -- Rivers rose.";
        assert_eq!(
            day(from_html(meta, None, None, Some(t))),
            Some(("2018-04-02".into(), DateSource::Meta))
        );
    }

    #[test]
    fn two_agreeing_visible_signals_outvote_metadata() {
        let h = r#"<meta name="date" content="2018-04-09"><h1>Flood</h1><p>Rivers rose.</p>
            <p>Posted 30 March 2018</p>"#;
        let f = from_html(h, Some("https://news.example/2018/03/30/flood"), None, None);
        assert_eq!(day(f), Some(("2018-03-30".into(), DateSource::Header)));
        // A byline right under the title is both a byline and the title's date.
        let h = r#"<meta name="date" content="2018-04-09"><h1>Flood</h1>
            <p class="byline">30 March 2018</p><p>Rivers rose.</p>"#;
        assert_eq!(
            day(from_html(h, None, None, None)),
            Some(("2018-03-30".into(), DateSource::Header))
        );
    }

    #[test]
    fn evenly_conflicting_signals_give_no_date() {
        let h = r#"<time datetime="2018-04-09"></time><p>Rivers rose.</p>"#;
        assert!(from_html(h, Some("https://news.example/2018/03/30/flood"), None, None).is_some());
        let h = r#"<p class="byline">1 April 2018</p><p>Rivers rose.</p>"#;
        assert_eq!(
            from_html(h, Some("https://news.example/2018/03/30/flood"), None, None),
            None
        );
    }

    #[test]
    fn utc_metadata_takes_the_local_day_of_the_url() {
        let h = r#"<meta property="article:published_time" content="2023-03-08T02:10:00Z">"#;
        let f = from_html(
            h,
            Some("https://news.example/2023/03/07/late-vote/"),
            None,
            None,
        )
        .unwrap();
        assert_eq!(f.local_date.to_string(), "2023-03-07");
        assert_eq!(f.at.to_string(), "2023-03-08T02:10:00Z");
    }

    #[test]
    fn impossible_dates_are_rejected() {
        let h = r#"<meta name="pubdate" content="2021-02-30"><p class="date">31.04.2021</p>"#;
        assert_eq!(
            from_html(h, Some("https://x.example/2021/13/01/a"), None, None),
            None
        );
        assert_eq!(from_url_or_path("/wire/1899-12-31-old.txt"), None);
        assert_eq!(
            from_text(
                "OSLO, Feb. 30 (NTB) -- Snow.",
                Some("https://x.example/2021/a"),
                None
            ),
            None
        );
    }

    #[test]
    fn no_date_means_none() {
        assert_eq!(
            from_html(
                "<html><body><h1>Hello</h1><p>No dates here.</p></body></html>",
                None,
                None,
                None
            ),
            None
        );
        assert_eq!(from_html("", None, None, None), None);
        assert_eq!(
            from_text("Just some words, 42 of them, since 1999.", None, None),
            None
        );
        assert_eq!(
            from_url_or_path("https://x.example/article/123456789"),
            None
        );
    }

    #[test]
    fn header_line_in_plain_text() {
        let t = "Title: Storm\nDate: Tue, 08 Oct 2019 16:45:10 +0200\n\nRain.";
        let f = from_text(t, Some("https://x.example/2018/01/01/a"), None).unwrap();
        assert_eq!(f.source, DateSource::Header);
        assert_eq!(f.at.to_string(), "2019-10-08T14:45:10Z");
    }
}

#[cfg(test)]
mod robustness {
    use super::*;

    #[test]
    fn every_prefix_of_a_page_is_safe() {
        let page = r#"<html><head><meta charset="utf-8"><script type="application/ld+json">{"@type":"Article","datePublished":"2024-02-29T23:59:59+14:00"}</script>
            <meta name="date" content="29.02.2024"></head><body><h1>Überschrift – Ä</h1>
            <p class="date">Veröffentlicht am 29. Februar 2024 um 23:59 Uhr &amp; später</p>
            <time datetime="2024-02-29T12:00:00−05:00">x</time><!-- unterminated"#;
        let mut i = 0;
        while i <= page.len() {
            if page.is_char_boundary(i) {
                let s = &page[..i];
                let _ = from_html(s, Some(s), Some(s), Some(s));
                let _ = from_text(s, Some(s), Some(s));
                let _ = from_url_or_path(s);
                let _ = parse_date_value(s);
            }
            i += 1;
        }
        let f = from_html(page, None, None, None).unwrap();
        assert_eq!(f.at.to_string(), "2024-02-29T09:59:59Z");
    }

    #[test]
    fn unicode_minus_offset() {
        assert_eq!(
            parse_date_value("2024-02-29T12:00:00−05:00").map(|p| p.0.to_string()),
            Some("2024-02-29T17:00:00Z".into())
        );
        assert_eq!(parse::parse_zone("+5a"), None);
        assert_eq!(parse::parse_zone("a5"), None);
    }
}
