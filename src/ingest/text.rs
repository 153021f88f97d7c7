//! Plain-text articles (`.txt`, `.text`, `.md`): a title line, an optional header block, a body.
//!
//! Scraped text files rarely carry metadata, but hand-made and exported ones often open with
//! `Key: value` lines (Title, Date, Author/By, Source, URL, People, Places, Organizations).
//! Those lines become fields and stay out of the body.

use super::{Cost, Problem};
use crate::article::{Article, DateSource};
use crate::extract::date::parse_date_value;
use crate::markup::decode_refs;

/// Header keys we understand, lower-case. Other `Key: value` lines inside a block that has at
/// least one of these are dropped from the body too (they are metadata we do not model).
const KNOWN_KEYS: &[&str] = &[
    "title",
    "headline",
    "date",
    "published",
    "author",
    "authors",
    "by",
    "byline",
    "source",
    "url",
    "link",
    "people",
    "persons",
    "places",
    "locations",
    "organizations",
    "orgs",
    "topics",
    "tags",
    "language",
];

/// Longest first line taken whole as the title, in characters.
const MAX_TITLE_LINE: usize = 300;
/// Characters of a longer first line that make the title.
const TITLE_FROM_PARAGRAPH: usize = 120;

/// The first words of `line` up to about `max` characters, cut at a space, with "…".
fn opening_words(line: &str, max: usize) -> String {
    let cut = line.char_indices().nth(max).map_or(line.len(), |(b, _)| b);
    let head = &line[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(sp) if sp > cut / 2 => &head[..sp],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

/// Parses one plain-text article. `article.id` and `article.path` are left for the caller.
///
/// The title is the header's `Title:` or else the first non-empty line; the body is what
/// follows. Returns `None` for a file with no non-blank text, and, unless the user `named` the
/// file itself, for a word list or data lines (a skipped-file problem says which). A `Date:`
/// value that cannot be parsed is reported as a warning and the article keeps no date.
pub fn parse_text(
    text: &str,
    path: &str,
    problems: &mut Vec<Problem>,
    named: bool,
) -> Option<Article> {
    // Classic Mac OS files end lines with a lone CR, which `lines` does not split at: the
    // whole file became the title line.
    let unix;
    let text = if text.contains('\r') {
        unix = text.replace("\r\n", "\n").replace('\r', "\n");
        unix.as_str()
    } else {
        text
    };
    // Text scraped from web pages keeps some of their character references ("Jos&#233;",
    // "&#163;5m", "AT&amp;T": in 10 BBC files), which a search for "José" must find.
    let decoded;
    let text = if text.contains('&') {
        decoded = decode_refs(text);
        decoded.as_str()
    } else {
        text
    };
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let not_news = if named {
        None
    } else if is_word_list(&lines) {
        Some("word list, not an article")
    } else if is_data(&lines) || is_tab_separated(&lines) {
        Some("data lines, not an article")
    } else if is_list(&lines) {
        Some("list, not an article")
    } else {
        None
    };
    if let Some(reason) = not_news {
        problems.push(Problem::file(
            path,
            Cost::SkippedFile,
            reason,
            "name the file itself to read it anyway",
        ));
        return None;
    }
    let mut article = Article::default();
    let mut i = first;
    let header = header_block(&lines[first..]);
    if !header.is_empty() {
        for (n, (key, value)) in header.iter().enumerate() {
            if !value.is_empty() {
                apply_header(&mut article, key, value, path, first + n + 1, problems);
            }
        }
        i = first + header.len();
    }
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    if article.title.is_empty() && i < lines.len() {
        let line = lines[i].trim().trim_start_matches('#').trim();
        if line.chars().count() <= MAX_TITLE_LINE {
            article.title = line.to_string();
            i += 1;
        } else {
            // A paragraph (or a whole text without line breaks), not a title: its opening
            // words stand for the title and the line stays in the body.
            article.title = opening_words(line, TITLE_FROM_PARAGRAPH);
        }
    }
    article.body = lines[i.min(lines.len())..].join("\n").trim().to_string();
    if article.title.is_empty() && article.body.is_empty() {
        return None;
    }
    Some(article)
}

/// Lines a file needs before it can be a [`is_word_list`].
const MIN_LIST_LINES: usize = 20;

/// Whether the non-blank lines are one word each, at least [`MIN_LIST_LINES`] of them: a
/// vocabulary or category list that archives ship beside their articles (Reuters-21578's
/// `all-people-strings.lc.txt`: "abdel-hadi-kandeel", ...), not news. Indexed, each was an
/// "article" whose places and people were every name in the list.
fn is_word_list(lines: &[&str]) -> bool {
    let mut words = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    let mut n = 0;
    let one_word = words.all(|l| {
        n += 1;
        !l.contains(char::is_whitespace)
    });
    one_word && n >= MIN_LIST_LINES
}

/// Lines a file needs before it can be [`is_data`].
const MIN_DATA_LINES: usize = 200;

/// Characters that structure records and code rather than prose: brackets, quotes, `=`, `;`,
/// `|`, `#`, `*`, `_`, backslash. Not `/`, `.`, `,`, `-`, `+` or digits, which tables of prices and
/// results are made of.
const STRUCTURE: &[char] = &[
    '"', '(', ')', '[', ']', '{', '}', '<', '>', '=', ';', '|', '\\', '_', '#', '*',
];

/// Whether at least 15 % of the non-space characters of at least [`MIN_DATA_LINES`] non-blank
/// lines are [`STRUCTURE`]: records or code, not prose. Reuters-21578 ships the CIA World
/// Factbook as 5,185 lines of Prolog facts (`bgfact("Afghanistan","Capital",["Kabul"]).`: 21 %);
/// indexed, it was one "article" with hundreds of people and organizations ("Tirane",
/// "G-77") in the facets of every commodity search. News text stays far below, tables and
/// lists included: at most 6.4 % in a BBC article, 7.3 % in a HuffPost record, 1.9 % in a
/// Reuters story of 50 lines or more, 7.8 % in Reuters' notes on its categories (which
/// [`is_list`] catches).
/// A file with a paragraph of prose ([`is_prose`]) is an article whatever table follows.
fn is_data(lines: &[&str]) -> bool {
    let (mut n, mut chars, mut structure) = (0, 0, 0);
    for l in lines.iter().filter(|l| !l.trim().is_empty()) {
        if is_prose(l) {
            return false;
        }
        n += 1;
        for c in l.chars().filter(|c| !c.is_whitespace()) {
            chars += 1;
            structure += usize::from(STRUCTURE.contains(&c));
        }
    }
    n >= MIN_DATA_LINES && structure * 100 >= chars * 15
}

/// Whether at least 90 % of at least [`MIN_DATA_LINES`] non-blank lines hold two tabs or more:
/// a tab-separated table. GeoNames' `cities15000.txt`, `admin1CodesASCII.txt` and
/// `countryInfo.txt` (its comment lines aside) were each indexed as one "article" naming
/// thousands of places; no BBC article has a single such line.
fn is_tab_separated(lines: &[&str]) -> bool {
    let (mut n, mut tabbed, mut prose) = (0, 0, false);
    for l in lines.iter().filter(|l| !l.trim().is_empty()) {
        n += 1;
        let row = l.bytes().filter(|&b| b == b'\t').nth(1).is_some();
        tabbed += usize::from(row);
        prose |= !row && is_prose(l);
    }
    n >= MIN_DATA_LINES && tabbed * 10 >= n * 9 && !prose
}

/// Characters of a line that make it a paragraph of prose: an article that has one is an
/// article, whatever table or list follows (a results table, 260 names of the fallen).
/// Hard-wrapped notes stay under it (Reuters-21578's, 80 at most).
const PROSE_LINE: usize = 100;

/// Whether a line is a paragraph of prose: longer than [`PROSE_LINE`] characters, under 5 %
/// of them [`STRUCTURE`] (a long row of a Markdown table or a long fact of code is not).
fn is_prose(line: &str) -> bool {
    let (mut chars, mut structure) = (0, 0);
    for c in line.chars() {
        chars += 1;
        structure += usize::from(STRUCTURE.contains(&c));
    }
    chars > PROSE_LINE && structure * 20 < chars
}

/// Whether at least [`MIN_DATA_LINES`] non-blank lines read as the items of a list of names
/// rather than prose or a table: under 10 % of them end as a sentence does (`.`, `?`, `!`,
/// a quote, `:` or `;`), under 10 % hold a digit (tables of prices and results are made of
/// them, and are news), they average six words or fewer, and none is a paragraph of prose
/// (longer than [`PROSE_LINE`]). Reuters-21578's notes on its
/// categories (896 lines: 0.3 % sentence ends, 2.9 % digits, 3.5 words) were one "article"
/// with about 300 people and 170 places, found by nearly every `--person` and `--place`
/// filter. A BBC article's lines end as sentences 86 % to 100 % of the time, its results
/// lists aside (70 lines at most).
fn is_list(lines: &[&str]) -> bool {
    let (mut n, mut ends, mut digits, mut words) = (0, 0, 0, 0);
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if is_prose(l) {
            return false;
        }
        n += 1;
        ends += usize::from(l.ends_with(['.', '?', '!', '"', '\'', ':', ';']));
        digits += usize::from(l.bytes().any(|b| b.is_ascii_digit()));
        words += l.split_whitespace().count();
    }
    n >= MIN_DATA_LINES && ends * 10 < n && digits * 10 < n && words <= 6 * n
}

/// The `(key, value)` pairs of a header block at the top of `lines`, or nothing when the first
/// lines are not a header block with at least one known key.
fn header_block<'a>(lines: &[&'a str]) -> Vec<(String, &'a str)> {
    let mut pairs = Vec::new();
    for line in lines {
        let Some((key, value)) = line.split_once(':') else {
            break;
        };
        let key = key.trim();
        let lower = key.to_lowercase();
        // A known key may be left empty ("Title: " from a template); it still belongs to
        // the header, which would otherwise end before it and leave "Title:" as the title.
        let plausible = !key.is_empty()
            && key.len() <= 24
            && key
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '_')
            && (!value.trim().is_empty() || KNOWN_KEYS.contains(&lower.as_str()));
        if !plausible {
            break;
        }
        pairs.push((lower, value.trim()));
    }
    if pairs.iter().any(|(k, _)| KNOWN_KEYS.contains(&k.as_str())) {
        pairs
    } else {
        Vec::new()
    }
}

fn apply_header(
    a: &mut Article,
    key: &str,
    value: &str,
    path: &str,
    line: usize,
    problems: &mut Vec<Problem>,
) {
    match key {
        "title" | "headline" => a.title = value.to_string(),
        "date" | "published" => match parse_date_value(value) {
            Some((ts, _)) => {
                a.date = Some(ts);
                a.date_source = DateSource::Header;
            }
            None => problems.push(Problem::at_line(
                path,
                line,
                Cost::Warning,
                "unparsable date",
                super::problem::date_detail(value),
            )),
        },
        "author" | "authors" | "by" | "byline" => a.authors.extend(split_list(value)),
        "source" => a.source = Some(value.to_string()),
        "url" | "link" => a.url = Some(value.to_string()),
        "people" | "persons" => a.people.extend(split_list(value)),
        "places" | "locations" => a.places.extend(split_list(value)),
        "organizations" | "orgs" => a.organizations.extend(split_list(value)),
        "topics" | "tags" => a.topics.extend(split_list(value).map(|t| t.to_lowercase())),
        "language" => a.language = Some(value.to_string()),
        _ => {}
    }
}

/// Splits a header list on `;` when present (names may contain commas: "Smith, John"), else `,`.
fn split_list(value: &str) -> impl Iterator<Item = String> + '_ {
    let sep = if value.contains(';') { ';' } else { ',' };
    value
        .split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Article>, Vec<Problem>) {
        let mut problems = Vec::new();
        (parse_text(text, "t.txt", &mut problems, false), problems)
    }

    #[test]
    fn character_references_left_by_scraping_are_decoded() {
        let (a, _) =
            parse("Jos&#233; Mourinho &amp; Chelsea\n\nThe &#163;5m deal (R&D; AT&T) &bogus;.\n");
        let a = a.unwrap();
        assert_eq!(a.title, "José Mourinho & Chelsea");
        assert_eq!(a.body, "The £5m deal (R&D; AT&T) &bogus;.");
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let (a, _) = parse("Storm Hits Coast\r\rCANTON, Ohio - Rain fell.\rMore rain.\r");
        let a = a.unwrap();
        assert_eq!(a.title, "Storm Hits Coast");
        assert!(
            a.body.starts_with("CANTON, Ohio - Rain fell.\nMore rain."),
            "{:?}",
            a.body
        );
        let (a, _) = parse("Title\r\nBody line.\r\n");
        assert_eq!(a.unwrap().body, "Body line.");
    }

    #[test]
    fn a_paragraph_first_line_gives_a_short_title_and_stays_in_the_body() {
        let line = "Storm ".repeat(2000);
        let mut p = Vec::new();
        let a = parse_text(&format!("{line}\nSecond line."), "x.txt", &mut p, false).unwrap();
        assert!(a.title.chars().count() <= 121, "{}", a.title.len());
        assert!(
            a.title.starts_with("Storm Storm") && a.title.ends_with("Storm…"),
            "{}",
            a.title
        );
        assert!(a.body.starts_with("Storm Storm") && a.body.ends_with("Second line."));
        let one_word = "x".repeat(500);
        let b = parse_text(&one_word, "y.txt", &mut p, false).unwrap();
        assert_eq!(b.title.chars().count(), 121);
        assert_eq!(b.body, one_word);
        let c = parse_text("Short title\nBody.", "z.txt", &mut p, false).unwrap();
        assert_eq!(
            (c.title.as_str(), c.body.as_str()),
            ("Short title", "Body.")
        );
    }

    #[test]
    fn title_is_first_non_empty_line() {
        let (a, p) = parse("\n\n  Harbour reopens after storm \nThe port of Lisbon opened.\n");
        let a = a.unwrap();
        assert_eq!(a.title, "Harbour reopens after storm");
        assert_eq!(a.body, "The port of Lisbon opened.");
        assert_eq!(a.date, None);
        assert_eq!(a.date_source, DateSource::None);
        assert!(p.is_empty());
    }

    #[test]
    fn header_block_becomes_fields() {
        let text = "Title: Mayor opens bridge\nDate: 2026-03-04\nBy: Ana Ruiz; Tom Lee\n\
                    People: Ana Ruiz, Bo Chen\nPlaces: Lisbon\nSource: Example Post\n\nThe body.\n";
        let (a, p) = parse(text);
        let a = a.unwrap();
        assert_eq!(a.title, "Mayor opens bridge");
        assert_eq!(a.body, "The body.");
        assert_eq!(a.date.unwrap().to_string(), "2026-03-04T00:00:00Z");
        assert_eq!(a.date_source, DateSource::Header);
        assert_eq!(a.authors, ["Ana Ruiz", "Tom Lee"]);
        assert_eq!(a.people, ["Ana Ruiz", "Bo Chen"]);
        assert_eq!(a.places, ["Lisbon"]);
        assert_eq!(a.source.as_deref(), Some("Example Post"));
        assert!(p.is_empty());
    }

    #[test]
    fn header_without_title_takes_next_line() {
        let (a, _) = parse("Date: 2026-01-02\n\nRain in Porto\nIt rained.");
        let a = a.unwrap();
        assert_eq!(a.title, "Rain in Porto");
        assert_eq!(a.body, "It rained.");
    }

    #[test]
    fn colon_in_first_line_is_not_a_header() {
        let (a, _) = parse("Breaking: floods in Valencia\nWater rose overnight.");
        let a = a.unwrap();
        assert_eq!(a.title, "Breaking: floods in Valencia");
        assert_eq!(a.body, "Water rose overnight.");
    }

    #[test]
    fn an_empty_known_key_stays_in_the_header() {
        let (a, p) = parse("Title: \nDate: 2024-05-01\n\nFloods hit the valley.");
        let a = a.unwrap();
        assert_eq!(a.title, "Floods hit the valley.");
        assert_eq!(a.body, "");
        assert!(a.date.is_some());
        assert!(p.is_empty(), "{p:?}");
        // An unknown key left empty is text.
        let (a, _) = parse("Note: \nDate: 2024-05-01\n\nBody.");
        assert_eq!(a.unwrap().title, "Note:");
    }

    #[test]
    fn bad_date_is_a_warning_not_a_loss() {
        let (a, p) = parse("Title: X\nDate: the 40th of Smarch\n\nBody");
        let a = a.unwrap();
        assert_eq!(a.title, "X");
        assert_eq!(a.date, None);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, Some(2));
        assert_eq!(p[0].reason, "unparsable date");
    }

    #[test]
    fn data_lines_are_no_article() {
        let facts: String = (0..MIN_DATA_LINES)
            .map(|i| format!("fact(\"Place{i}\",\"Capital\",[\"Town {i}\"]).\n"))
            .collect();
        let intro = "Facts about countries, extracted from a public almanac by two of us.\n\n";
        let (a, problems) = parse(&format!("{intro}{facts}"));
        assert!(a.is_none());
        assert_eq!(problems[0].reason, "data lines, not an article");
        // A file the user names itself is read anyway.
        let mut p = Vec::new();
        let named = parse_text(&format!("{intro}{facts}"), "f.txt", &mut p, true);
        assert_eq!(named.unwrap().title, intro.trim());
        assert!(p.is_empty(), "{p:?}");
        // Fewer lines are an article; so are long tables of results and prices, and lists.
        let (few, _) = facts.split_at(facts.len() / 2);
        assert!(parse(few).0.is_some());
        let lead = "Weekend round-up\n\nAll the results from the weekend's matches.\n";
        for row in [
            "Arsenal 2-1 Bolton (Henry 12, 67; Davies 80)",
            "ACME HOLDINGS 1234.5 +12.3 3/4",
            "Jane Smith, Chief Executive, for services to industry",
        ] {
            let table = format!("{lead}{}", format!("{row}\n").repeat(2 * MIN_DATA_LINES));
            assert!(parse(&table).0.is_some(), "{row}");
        }
    }

    #[test]
    fn tab_separated_tables_and_lists_of_names_are_no_article() {
        let row = |i: usize| format!("{i}\tPort Town {i}\tPort Town\tPPL\tXX\n");
        let tsv: String = (0..MIN_DATA_LINES).map(row).collect();
        let (a, problems) = parse(&format!("# towns, one per line\n{tsv}"));
        assert!(a.is_none());
        assert_eq!(problems[0].reason, "data lines, not an article");
        // A tab now and then (pasted from a spreadsheet) is still prose.
        let prose = "The council met on Monday.\tIt voted to reopen the port.\n".repeat(300);
        assert!(parse(&prose).0.is_some());

        let names = [
            "Finance Minister Ana Duarte",
            "PORTUGAL",
            "@item Rui Falcao (FALCAO)",
        ];
        let list: String = (0..MIN_DATA_LINES)
            .map(|i| format!("{}\n", names[i % 3]))
            .collect();
        let (a, problems) = parse(&format!("Notes on the categories\n\n{list}"));
        assert!(a.is_none());
        assert_eq!(problems[0].reason, "list, not an article");
        let mut p = Vec::new();
        assert!(parse_text(&list, "n.txt", &mut p, true).is_some());
        // Shorter lists, prose, and lists of figures stay articles.
        assert!(parse(&list[..list.len() / 2]).0.is_some());
        let sentences = "Ana Duarte spoke.\n".repeat(2 * MIN_DATA_LINES);
        assert!(parse(&sentences).0.is_some());
        let prices = "ACME HOLDINGS 1234.5 +12.3\n".repeat(2 * MIN_DATA_LINES);
        assert!(parse(&prices).0.is_some());
        // An article whose lead paragraph comes before the list or the table is an article.
        let lead =
            "MEMORIAL DAY\n\nWASHINGTON (AP) - The names of the fallen were read aloud at the \
                    ceremony on Monday, one by one, as families stood in the rain.\n";
        assert!(parse(&format!("{lead}{list}")).0.is_some());
        assert!(parse(&format!("{lead}{tsv}")).0.is_some());
        let results: String = (0..MIN_DATA_LINES)
            .map(|i| format!("| {i} | Runner {i} | KEN | 2:{i:02}:31 |\n"))
            .collect();
        assert!(parse(&format!("{lead}{results}")).0.is_some());
        assert_eq!(parse(&results).1[0].reason, "data lines, not an article");
        // A long row is not a paragraph.
        let wide = format!("| {} |\n", ["cell"; 30].join(" | "));
        assert!(!is_prose(&wide) && is_prose(lead.lines().nth(2).unwrap()));
        assert_eq!(
            parse(&format!("{wide}{results}")).1[0].reason,
            "data lines, not an article"
        );
    }

    #[test]
    fn a_list_of_words_is_no_article() {
        let list: String = (0..MIN_LIST_LINES).map(|i| format!("term-{i}\n")).collect();
        let (a, problems) = parse(&list);
        assert!(a.is_none());
        assert_eq!(problems[0].reason, "word list, not an article");
        let mut p = Vec::new();
        assert_eq!(
            parse_text(&list, "w.txt", &mut p, true).unwrap().title,
            "term-0"
        );
        // A short list, or one line of prose among the words, is kept.
        let short: String = (0..MIN_LIST_LINES - 1)
            .map(|i| format!("term-{i}\n"))
            .collect();
        assert!(parse(&short).0.is_some());
        assert!(parse(&format!("Port reopens after storm\n{list}"))
            .0
            .is_some());
    }

    #[test]
    fn empty_text_is_no_article() {
        assert!(parse("").0.is_none());
        assert!(parse(" \n\t\n").0.is_none());
    }
}
