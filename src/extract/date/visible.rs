//! Publication dates printed for readers of a web page: the byline element, the date next
//! to the title, and dates introduced by a cue word ("Veröffentlicht am …").
//!
//! Exists because many pages (blogs, institutional sites, small newspapers) carry no
//! structured date at all, and because the printed date is what a reader (and a human
//! annotator) takes as the publication day when CMS metadata disagrees.

use std::sync::LazyLock;

use regex::Regex;

use super::parse::{find_text_dates, parse_value, value_at, ParsedDate};
use super::scan::{visible_text, Tag};

/// The date printed next to the page's title: the first full date in the first 400
/// characters of visible text from the first `<h1>` on, else the last one in the 200
/// characters before it. Bylines sit there in most article templates.
pub fn title_date(html: &str, tags: &[Tag]) -> Option<ParsedDate> {
    // The first <h1> is sometimes the site's name; the article title is among the first few.
    tags.iter()
        .filter(|t| t.name == "h1" && !t.closing)
        .take(3)
        .find_map(|h1| date_by_heading(html, h1))
}

fn date_by_heading(html: &str, h1: &Tag) -> Option<ParsedDate> {
    let after = visible_text(&html[h1.start..floor(html, h1.start + 4000)]);
    if let Some(d) = find_text_dates(&after).into_iter().find(|d| d.start < 400) {
        return value_at(&after, &d);
    }
    let from = ceil(html, h1.start.saturating_sub(1500));
    let before = visible_text(&html[from..h1.start]);
    let d = find_text_dates(&before)
        .into_iter()
        .rev()
        .find(|d| before.len() - d.start < 200)?;
    value_at(&before, &d)
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The date in the text of an element whose `class`/`id` names a date or byline (`date`,
/// `datum`, `byline`, `meta`, `posted`, `publish`, ...), or in the `title` of an hAtom
/// `.published` element. Update/comment/calendar elements are skipped; only a date within
/// the first 120 characters of the 300 bytes after the opening tag counts. Of several such
/// elements, the one nearest the first `<h1>` wins (one before it counts double distance):
/// the first in the document is often a "today" ticker or a teaser of another article.
pub fn byline_date(html: &str, tags: &[Tag]) -> Option<ParsedDate> {
    const WANT: &[&str] = &[
        "date",
        "datum",
        "byline",
        "posted",
        "publish",
        "entry-meta",
        "post-meta",
        "article-meta",
        "meta-info",
        "dateline",
        "timestamp",
        "zeitstempel",
        "author",
        "autor",
        "created",
        "submitted",
        "postmeta",
        "asset-meta",
        "_time",
        "-time",
        "time-",
    ];
    const AVOID: &[&str] = &[
        "updat",
        "modif",
        "comment",
        "calendar",
        "kalender",
        "event",
        "termin",
        "archive",
        "widget",
        "sidebar",
        "footer",
        "copyright",
        "validat",
        "mandate",
        "candidate",
    ];
    let anchor = tags
        .iter()
        .find(|t| t.name == "h1" && !t.closing)
        .map(|t| t.start);
    let mut best: Option<(usize, ParsedDate)> = None;
    let mut last_end = 0;
    for t in tags.iter().filter(|t| !t.closing) {
        let id = format!(
            "{} {}",
            t.attr("class").unwrap_or(""),
            t.attr("id").unwrap_or("")
        )
        .to_ascii_lowercase();
        let wanted =
            WANT.iter().any(|k| id.contains(k)) || id.split_whitespace().any(|c| c == "time");
        if !wanted || AVOID.iter().any(|k| id.contains(k)) || t.end < last_end {
            continue;
        }
        let mut found = None;
        if id.contains("published") {
            found = t.attr("title").and_then(parse_value);
        }
        if found.is_none() {
            let text = visible_text(&html[t.end..floor(html, t.end + 300)]);
            found = find_text_dates(&text)
                .first()
                .filter(|d| d.start < 120)
                .and_then(|d| value_at(&text, d));
        }
        let Some(found) = found else { continue };
        // Nested date-ish elements read the same text; count it once.
        last_end = t.end + 300;
        let distance = match anchor {
            None => return Some(found),
            Some(a) if t.start >= a => t.start - a,
            Some(a) => 2 * (a - t.start),
        };
        if best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, found));
        }
    }
    best.map(|(_, d)| d)
}

/// A full date introduced by a publication cue word ("Veröffentlicht am", "Published",
/// "Posted on", "Erstellt", "Publié le", "Publicado", "Pubblicato", "Datum:", "Stand:")
/// within 40 bytes after it, anywhere in `text`.
pub fn cued_text_date(text: &str) -> Option<ParsedDate> {
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        // No \b: Unicode word boundaries make the scan of a whole page several times slower;
        // the boundary before the cue is checked by hand below.
        Regex::new(r"(?i)(?:veröffentlicht|publiziert|erschienen|erstellt|published|posted|publié|publicado|pubblicato|gepubliceerd|geplaatst|datum|stand)").unwrap()
    });
    for m in CUE.find_iter(text) {
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let mut cut = (m.end() + 60).min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[m.end()..cut];
        if let Some(d) = find_text_dates(window).first().filter(|d| d.start < 40) {
            return value_at(window, d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan_tags;
    use super::*;

    #[test]
    fn byline_and_cues() {
        let h = r#"<div class="sidebar-date">1.1.2000</div><p class="article-date">Von A. Muster | 14. April 2021, 09:12 Uhr</p>"#;
        assert_eq!(
            byline_date(h, &scan_tags(h)).map(|d| d.local.to_string()),
            Some("2021-04-14".into())
        );
        let t = "Ein Bericht. Veröffentlicht am 3. Mai 2021 von der Redaktion.";
        assert_eq!(
            cued_text_date(t).map(|d| d.local.to_string()),
            Some("2021-05-03".into())
        );
        assert_eq!(
            cued_text_date("Gegründet 1999, am 3. Mai 2021 gefeiert."),
            None
        );
    }

    #[test]
    fn title_neighbourhood() {
        let h = "<h1>Site</h1><nav>Menu</nav><h1>Regen</h1><div>Stand: 02.03.2024</div>";
        assert_eq!(
            title_date(h, &scan_tags(h)).map(|d| d.local.to_string()),
            Some("2024-03-02".into())
        );
        let h = "<span>Sonntag, 3. März 2024</span><h1>Regen</h1><p>Text ohne Datum.</p>";
        assert_eq!(
            title_date(h, &scan_tags(h)).map(|d| d.local.to_string()),
            Some("2024-03-03".into())
        );
        assert_eq!(
            title_date("<p>2024-03-03</p>", &scan_tags("<p>2024-03-03</p>")),
            None
        );
    }
}
