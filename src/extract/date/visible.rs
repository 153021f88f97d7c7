//! Publication dates printed for readers of a web page: the byline element, the date next
//! to the title, and dates introduced by a cue word ("Veröffentlicht am …").
//!
//! Exists because many pages (blogs, institutional sites, small newspapers) carry no
//! structured date at all, and because the printed date is what a reader (and a human
//! annotator) takes as the publication day when CMS metadata disagrees.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{inside, is_logo_h1, side_blocks};
use super::parse::{find_text_dates, parse_value, value_at, ParsedDate};
use crate::markup::{visible_text, Tag};

/// The date printed next to the page's title: the first full date in the first 400
/// characters of visible text from the first `<h1>` on, else the last one in the 200
/// characters before it. Bylines sit there in most article templates. `<h1>`s that are the
/// site's logo ([`is_logo_h1`]) are skipped (the text after them is the masthead, often with
/// a "today" date), and so are dates after an edit cue ([`after_update_cue`]) or an event
/// cue ([`after_event_cue`]).
pub fn title_date(html: &str, tags: &[Tag]) -> Option<ParsedDate> {
    // The first <h1> is sometimes the site's name; the article title is among the first few.
    (0..tags.len())
        .filter(|&i| tags[i].name == "h1" && !tags[i].closing)
        .take(3)
        .filter(|&i| !is_logo_h1(tags, i))
        .find_map(|i| date_by_heading(html, &tags[i]))
}

fn date_by_heading(html: &str, h1: &Tag) -> Option<ParsedDate> {
    let after = visible_text(&html[h1.start..floor(html, h1.start + 4000)]);
    if let Some(d) = find_text_dates(&after)
        .into_iter()
        .filter(|d| d.start < 400)
        .find(|d| !after_update_cue(&after[..d.start]) && !after_event_cue(&after[..d.start]))
    {
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
/// `.published` element. Update/comment/calendar elements are skipped, and so are elements
/// inside comment threads, related-article lists and sidebars ([`side_blocks`]) and dates
/// after an edit cue ([`after_update_cue`], also in the 120 bytes before the element:
/// "last edited: `<span>`…"); only a date within the first 120 characters of the 300 bytes
/// after the opening tag counts. Of several such
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
    let side = side_blocks(tags);
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
        if !wanted
            || AVOID.iter().any(|k| id.contains(k))
            || t.end < last_end
            || inside(&side, t.start)
        {
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
                .filter(|d| {
                    // The cue may stand just before the element ("last edited: <span>…").
                    d.start < 120 && {
                        let lead = &html[ceil(html, t.start.saturating_sub(120))..t.start];
                        let lead = visible_text(lead);
                        !after_update_cue(&format!("{lead} {}", &text[..d.start]))
                    }
                })
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

/// True when `before`, the text just before a date, ends (within its last 40 bytes) with
/// words saying the date is a later edit or the reader's current time, not the publication:
/// "zuletzt (geändert)", "last edited", "last modified", "Aktuelle Zeit", "current time"
/// (wiki and forum footers). A plain "Updated …"/"Aktualisiert …" is deliberately not a cue:
/// when a page prints only that date, it is what readers (and the BBAW annotators) take as
/// the page's date, and rejecting it cost more correct dates than it saved.
pub fn after_update_cue(before: &str) -> bool {
    tail_has(
        before,
        &[
            "zuletzt",
            "geändert",
            "last edited",
            "last modified",
            "aktuelle zeit",
            "current time",
        ],
    )
}

/// True when `before`, the text just before a date, ends (within its last 40 bytes) with a
/// word announcing an event: "(der nächste Stammtisch) findet am …", "next", "prochain",
/// "upcoming", "Termin". Such a date is when something happens, not when the page was
/// written.
pub fn after_event_cue(before: &str) -> bool {
    tail_has(
        before,
        &[
            "findet", "nächste", "next ", "prochain", "upcoming", "termin",
        ],
    )
}

/// True when the last 40 bytes of `text`, lower-cased, contain one of `cues`.
fn tail_has(text: &str, cues: &[&str]) -> bool {
    let mut from = text.len().saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = text[from..].to_lowercase();
    cues.iter().any(|c| tail.contains(c))
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
    use super::*;
    use crate::markup::scan_tags;

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

    #[test]
    fn edit_and_clock_cues_are_not_publication() {
        // A wiki footer and a forum clock are the only date-classed elements.
        let h = r#"<h1>Rueda</h1><p>Figuren.</p>
            <div id="info">Revision 4, last edited: <span class="odate">9 Mar 2019 10:02</span></div>"#;
        assert_eq!(byline_date(h, &scan_tags(h)), None);
        let h = r#"<h1>Forum</h1><p class="time">Aktuelle Zeit: 14.10.2022, 09:15</p>"#;
        assert_eq!(byline_date(h, &scan_tags(h)), None);
        // Comment threads and related-article lists do not date the article.
        let h = r#"<h1>Roboter</h1><p>Bauanleitung.</p>
            <ol class="comment-list"><li><div class="meta">5. Juni 2016 um 10:12</div></li></ol>
            <div class="related"><span class="post-date">01/06/2016</span></div>"#;
        assert_eq!(byline_date(h, &scan_tags(h)), None);
        let h = format!(r#"<p class="byline">Von Ada, 3. Juni 2016</p>{h}"#);
        assert_eq!(
            byline_date(&h, &scan_tags(&h)).map(|d| d.local.to_string()),
            Some("2016-06-03".into())
        );
    }

    #[test]
    fn title_skips_logo_headings_and_event_dates() {
        let h = r#"<h1><a href="/" class="logo">Funk</a></h1><span>Freitag, 9.6.2023</span>
            <nav>Menü</nav><h1>Die Flut</h1><p>Sendung vom 02.05.2021</p>"#;
        assert_eq!(
            title_date(h, &scan_tags(h)).map(|d| d.local.to_string()),
            Some("2021-05-02".into())
        );
        let h = "<h1>Treffen</h1><p>Das nächste Treffen findet am Do. 8. Mai 2025 statt.</p>";
        assert_eq!(title_date(h, &scan_tags(h)), None);
        assert!(after_update_cue("Diese Seite wurde zuletzt am "));
        assert!(!after_update_cue("Veröffentlicht am "));
    }
}
