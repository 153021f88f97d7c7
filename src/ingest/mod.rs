//! Files → [`Article`]s: walking folders, reading bytes, and parsing each supported format.
//!
//! Ingest never stops on bad input. Every file yields its articles plus a list of
//! [`Problem`]s (skipped file, skipped record, or warning), each naming the file and line.
//!
//! | extension | format |
//! |---|---|
//! | `.txt`, `.text`, `.md` | [`text`]: title line, optional `Key: value` header block |
//! | `.json`, `.jsonl`, `.ndjson` | [`json`]: one article per object |
//! | `.sgm`, `.sgml` | [`sgml`]: Reuters-21578 records |
//! | `.html`, `.htm`, `.xhtml` | [`html`]: main text with boilerplate removed, metadata, charsets |
//! | `.nitf` | [`nitf`]: IPTC NITF wire copy, with tagged people, places and organizations |
//! | `.rss`, `.atom` | [`feed`]: RSS 0.9x/1.0/2.0 and Atom feeds, one article per item |
//! | `.xml` | sniffed by root element ([`xml::sniff_xml`]): NITF or feed, else skipped |
//! | any of these + `.gz` | decompressed first |
//! | any other name (`page?id=3`, `site.net.gz`) | [`sniff`]ed: HTML or XML markup, else skipped |
//!
//! A file named as text, JSON or XML whose start is unmistakably an HTML page is read as one.

pub mod decode;
pub mod feed;
pub mod html;
pub mod json;
pub mod nitf;
pub mod problem;
pub mod sgml;
pub mod sniff;
pub mod spaces;
pub mod text;
pub mod walk;
pub mod xml;

use crate::article::Article;
pub use problem::{Cost, Problem};
use std::path::Path;
pub use walk::{walk, SourceFile, Walked};

/// A supported input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text with an optional header block.
    Text,
    /// One JSON object or an array of objects.
    Json,
    /// JSON Lines: one object per line.
    JsonLines,
    /// Reuters-21578 SGML.
    ReutersSgml,
    /// A web page.
    Html,
    /// An IPTC NITF document.
    Nitf,
    /// An RSS or Atom feed.
    Feed,
    /// An `.xml` file: NITF or a feed, told apart by [`xml::sniff_xml`].
    Xml,
}

impl Format {
    /// The format for a file name, by extension (case-insensitive; a `.gz` suffix is looked
    /// through). `None` for unsupported files, which the walker counts and skips.
    pub fn for_path(path: &Path) -> Option<Format> {
        // A name that is not UTF-8 still has its extension ("caf\xe9.txt").
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "txt" | "text" | "md" => Format::Text,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "sgm" | "sgml" => Format::ReutersSgml,
            "html" | "htm" | "xhtml" => Format::Html,
            "nitf" => Format::Nitf,
            "rss" | "atom" => Format::Feed,
            "xml" => Format::Xml,
            _ => return None,
        })
    }
}

/// What one file gave.
#[derive(Debug, Default)]
pub struct FileOutcome {
    /// Parsed articles, ids and paths filled in.
    pub articles: Vec<Article>,
    /// Everything that went wrong, in file order.
    pub problems: Vec<Problem>,
    /// Bytes read from disk (compressed size for `.gz`).
    pub bytes_read: u64,
}

/// Reads and parses one file. Never fails: an unreadable or unparsable file gives no articles
/// and a [`Cost::SkippedFile`] problem.
pub fn read_file(file: &SourceFile) -> FileOutcome {
    let path = file.path.to_string_lossy().into_owned();
    let mut outcome = FileOutcome::default();
    let unsupported = |outcome: &mut FileOutcome| {
        outcome.problems.push(Problem::file(
            &path,
            Cost::SkippedFile,
            "unsupported extension",
            "",
        ));
    };
    // The walker lets through only files whose name has a format or whose start [`sniff`]
    // knows (it read that start already); for a name without one the content decides below.
    let by_name = Format::for_path(&file.path);
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            outcome.problems.push(Problem::file(
                &path,
                Cost::SkippedFile,
                problem::UNREADABLE,
                e.to_string(),
            ));
            return outcome;
        }
    };
    outcome.bytes_read = bytes.len() as u64;
    let gz = path.to_ascii_lowercase().ends_with(".gz");
    let bytes = if gz {
        let g = decode::gunzip(&bytes);
        match g.error {
            Some(e) if g.bytes.is_empty() || e.kind() != std::io::ErrorKind::UnexpectedEof => {
                // Nothing readable, or a checksum that proves the bytes corrupt somewhere.
                outcome.problems.push(Problem::file(
                    &path,
                    Cost::SkippedFile,
                    "bad gzip",
                    e.to_string(),
                ));
                return outcome;
            }
            Some(e) => {
                // The stream ends early, as one cut off mid-write does: what came before the
                // end is read (a record cut in two is reported by its parser).
                outcome.problems.push(Problem::file(
                    &path,
                    Cost::Warning,
                    "gzip cut off",
                    format!(
                        "{e}; read the {} bytes before the end (a corrupt stream ends so too)",
                        g.bytes.len()
                    ),
                ));
            }
            None if g.trailing > 0 => outcome.problems.push(Problem::file(
                &path,
                Cost::Warning,
                "bytes after the gzip stream",
                format!("{} bytes ignored", g.trailing),
            )),
            None => {}
        }
        g.bytes
    } else {
        bytes
    };
    let sniffed = || sniff::sniff(&bytes);
    let format = match by_name {
        // A saved page under a name that says text, JSON or XML is still a page: read as
        // text its title was `<html itemscope …`, and as JSON it gave an error per line.
        Some(Format::Text | Format::Json | Format::JsonLines | Format::Xml)
            if sniffed() == Some(Format::Html) =>
        {
            Some(Format::Html)
        }
        Some(f) => Some(f),
        None => sniffed(),
    };
    let Some(format) = format else {
        unsupported(&mut outcome);
        return outcome;
    };
    outcome.articles = parse_bytes_as(&bytes, format, &path, &mut outcome.problems, file.named)
        .into_iter()
        .map(|(key, mut a)| {
            a.id = match key {
                Some(k) => format!("{}#{k}", file.id_base),
                None => file.id_base.clone(),
            };
            a.path = path.clone();
            a
        })
        .collect();
    // Every file is counted as indexed or skipped: one that parsed but held nothing ("[]", a
    // feed without items, JSON Lines whose every record was skipped) is skipped too.
    let skipped = outcome.problems.iter().any(|p| p.cost == Cost::SkippedFile);
    if outcome.articles.is_empty() && !skipped {
        let records_skipped = outcome
            .problems
            .iter()
            .any(|p| p.cost == Cost::SkippedRecord);
        let detail = if records_skipped {
            "every record was skipped"
        } else {
            "the file holds no article"
        };
        outcome.problems.push(Problem::file(
            &path,
            Cost::SkippedFile,
            "no articles",
            detail,
        ));
    }
    outcome
}

/// Parses decoded file bytes in `format`. Returns `(record key, article)` pairs; the key is
/// `None` for single-article files. Titles, bodies and metadata names come with plain spaces
/// and without zero-width characters ([`spaces`]).
pub fn parse_bytes(
    bytes: &[u8],
    format: Format,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(Option<String>, Article)> {
    parse_bytes_as(bytes, format, path, problems, false)
}

/// [`parse_bytes`] for a file found in a folder (`named` false) or named by the user itself
/// (see [`SourceFile::named`]): a named file is read as text despite a few NUL bytes, and a
/// named text file despite looking like a word list or a data table.
pub fn parse_bytes_as(
    bytes: &[u8],
    format: Format,
    path: &str,
    problems: &mut Vec<Problem>,
    named: bool,
) -> Vec<(Option<String>, Article)> {
    let mut articles = parse_format(bytes, format, path, problems, named);
    for (_, a) in &mut articles {
        if spaces::plain_spaces(&mut a.title) {
            a.title = a.title.trim().to_string();
        }
        spaces::plain_spaces(&mut a.body);
        // Metadata values too: "Federal\u{200b}Reserve" was a facet of its own.
        let lists = [
            &mut a.people,
            &mut a.places,
            &mut a.organizations,
            &mut a.authors,
        ];
        for v in lists.into_iter().flatten() {
            if spaces::plain_spaces(v) {
                *v = v.trim().to_string();
            }
        }
    }
    articles
}

/// [`parse_bytes`] before the clean-up of titles and bodies.
fn parse_format(
    bytes: &[u8],
    format: Format,
    path: &str,
    problems: &mut Vec<Problem>,
    named: bool,
) -> Vec<(Option<String>, Article)> {
    if format == Format::Html {
        // Web pages carry their own charset rules (BOM, meta charset, detection).
        return html_article(bytes, path, problems)
            .map(|a| (None, a))
            .into_iter()
            .collect();
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        problems.push(Problem::file(path, Cost::SkippedFile, "empty file", ""));
        return Vec::new();
    }
    // In JSON Lines a NUL byte is one bad line (JSON cannot hold a raw NUL), not a binary file,
    // and a file the user names is read despite one; control bytes all through it still make
    // a binary file.
    let binary = if decode::mostly_control(bytes) {
        Some("control bytes in the first 8 KiB")
    } else if format != Format::JsonLines && !named && decode::looks_binary(bytes) {
        Some("a NUL byte in the first 8 KiB (name the file itself to read it as text)")
    } else {
        None
    };
    if let Some(detail) = binary {
        problems.push(Problem::file(
            path,
            Cost::SkippedFile,
            "binary file",
            detail,
        ));
        return Vec::new();
    }
    let decoded = match format {
        // XML declares its own charset (`<?xml ... encoding="ISO-8859-1"?>`).
        Format::Nitf | Format::Feed | Format::Xml => xml::decode_xml(bytes),
        _ => decode::decode_text(bytes),
    };
    if let Some(enc) = decoded.guessed {
        problems.push(Problem::file(
            path,
            Cost::Warning,
            "not UTF-8, encoding guessed",
            enc.name(),
        ));
    }
    if decoded.had_invalid_bytes {
        problems.push(Problem::file(
            path,
            Cost::Warning,
            "invalid UTF-8 replaced",
            "",
        ));
    }
    // Before the formats' parsers, so that a title line of zero-width spaces is a blank line;
    // `parse_bytes` cleans the fields again for characters written as escapes.
    let mut text = decoded.text;
    spaces::plain_spaces(&mut text);
    let text = text.as_str();
    match format {
        Format::Text => text::parse_text(text, path, problems, named)
            .map(|a| (None, a))
            .into_iter()
            .collect(),
        Format::Json => json::parse_json(text, path, problems),
        Format::JsonLines => json::parse_jsonl(text, path, problems),
        Format::Html => unreachable!("web pages return above, before decoding"),
        Format::ReutersSgml => sgml::parse_sgml(text, path, problems)
            .into_iter()
            .map(|(k, a)| (Some(k), a))
            .collect(),
        Format::Nitf => nitf::parse_nitf(text, path, problems),
        Format::Feed => feed::parse_feed(text, path, problems),
        Format::Xml => match xml::sniff_xml(text) {
            Some(xml::XmlKind::Nitf) => nitf::parse_nitf(text, path, problems),
            Some(xml::XmlKind::Feed) => feed::parse_feed(text, path, problems),
            None => {
                let root = xml::root_name(text).map_or_else(String::new, |r| format!("root <{r}>"));
                problems.push(Problem::file(
                    path,
                    Cost::SkippedFile,
                    "unsupported XML",
                    root,
                ));
                Vec::new()
            }
        },
    }
}

/// A web page as an article: main text, metadata, and the publication date from the page's
/// structured metadata, dateline, URL or path (see [`crate::extract::date::from_html`]).
fn html_article(bytes: &[u8], path: &str, problems: &mut Vec<Problem>) -> Option<Article> {
    let page = match html::parse_html(bytes, Some(path)) {
        Ok(page) => page,
        Err(e) => {
            let (reason, detail) = match &e {
                html::HtmlError::Empty { .. } => ("empty file", String::new()),
                html::HtmlError::Binary { reason, .. } => ("binary file", reason.to_string()),
                html::HtmlError::BotWall { reason, .. } => ("bot-wall page", reason.clone()),
                html::HtmlError::NoText { .. } => ("no article text", String::new()),
                other => ("unreadable HTML", other.to_string()),
            };
            problems.push(Problem::file(path, Cost::SkippedFile, reason, detail));
            return None;
        }
    };
    let found = crate::extract::date::from_html(
        &page.html,
        page.url.as_deref(),
        Some(path),
        Some(&page.body),
    );
    let source = page
        .site_name
        .clone()
        .or_else(|| page.url.as_deref().and_then(json::domain_of));
    Some(Article {
        title: page.title,
        body: page.body,
        authors: page.authors,
        date: found.as_ref().map(|f| f.at),
        date_source: found.map_or(crate::article::DateSource::None, |f| f.source),
        url: page.url,
        language: page.language,
        source,
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_nul_byte_in_json_lines_costs_one_line() {
        let mut p = Vec::new();
        let got = parse_bytes(
            b"{\"title\":\"a\"}\n{\"title\":\"b\x00\"}\n{\"title\":\"c\"}\n",
            Format::JsonLines,
            "n.jsonl",
            &mut p,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(
            (p.len(), p[0].line, p[0].reason),
            (1, Some(2), "invalid JSON")
        );
    }

    #[test]
    fn unusual_spaces_and_zero_width_characters_leave_titles_and_bodies() {
        let mut p = Vec::new();
        // A title line of a zero-width space is a blank line: the next line is the title.
        let got = parse_bytes(
            "\u{200b}\nStorm\u{200b}\u{200b}Hits Coast\n\nNEW\u{a0}YORK,\u{202f}March 3 - \
             Sen.\u{200b}Cory"
                .as_bytes(),
            Format::Text,
            "a.txt",
            &mut p,
        );
        assert_eq!(got[0].1.title, "Storm Hits Coast");
        assert_eq!(got[0].1.body, "NEW YORK, March 3 - Sen. Cory");
        // Written as JSON escapes, they appear only after parsing.
        let got = parse_bytes(
            br#"{"title":"\u200bStorm\ufeff","text":"Sen.\u200bCory\u2060s",
                "organizations":["Federal\u200bReserve"],"authors":["Jane\u00a0Doe\u200b"]}"#,
            Format::Json,
            "a.json",
            &mut p,
        );
        assert_eq!(
            (got[0].1.title.as_str(), got[0].1.body.as_str()),
            ("Storm", "Sen. Corys")
        );
        assert_eq!(got[0].1.organizations, ["Federal Reserve"]);
        assert_eq!(got[0].1.authors, ["Jane Doe"]);
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn formats_by_extension() {
        let f = |p: &str| Format::for_path(Path::new(p));
        assert_eq!(f("a/b.TXT"), Some(Format::Text));
        assert_eq!(f("x.jsonl.gz"), Some(Format::JsonLines));
        assert_eq!(f("reut2-000.sgm"), Some(Format::ReutersSgml));
        assert_eq!(f("wire/a.NITF"), Some(Format::Nitf));
        assert_eq!(f("news.rss.gz"), Some(Format::Feed));
        assert_eq!(f("news.atom"), Some(Format::Feed));
        assert_eq!(f("dump.xml"), Some(Format::Xml));
        assert_eq!(f("photo.jpg"), None);
        assert_eq!(f("Makefile"), None);
    }

    #[test]
    fn binary_and_empty_files_are_skipped_with_reason() {
        let mut p = Vec::new();
        assert!(parse_bytes(b"\x89PNG\x00\x00garbage", Format::Text, "img.txt", &mut p).is_empty());
        assert!(parse_bytes(b"", Format::Json, "e.json", &mut p).is_empty());
        let reasons: Vec<_> = p.iter().map(|p| (p.cost, p.reason)).collect();
        assert_eq!(
            reasons,
            [
                (Cost::SkippedFile, "binary file"),
                (Cost::SkippedFile, "empty file")
            ]
        );
        // A stray NUL in text: binary in a folder's walk, text when the user names the file.
        let text = b"Port reopens\n\nShips\x00 sailed at dawn.";
        assert!(parse_bytes(text, Format::Text, "n.txt", &mut p).is_empty());
        assert!(p[2].detail.contains("name the file itself"), "{:?}", p[2]);
        let got = parse_bytes_as(text, Format::Text, "n.txt", &mut p, true);
        assert_eq!(got[0].1.title, "Port reopens");
        // Control bytes all through a file stay binary however it is named.
        let junk: Vec<u8> = (0u8..32).cycle().take(4096).collect();
        assert!(parse_bytes_as(&junk, Format::Text, "j.txt", &mut p, true).is_empty());
        assert_eq!(p.last().unwrap().reason, "binary file");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_reported_once_and_article_kept() {
        let mut p = Vec::new();
        let got = parse_bytes(
            b"Caf\xE9 opens\nIn M\xFCnchen today.",
            Format::Text,
            "c.txt",
            &mut p,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.title, "Café opens");
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].reason, p[0].detail.as_str()),
            ("not UTF-8, encoding guessed", "windows-1252")
        );
        // UTF-8 with a stray byte stays UTF-8: the byte is replaced.
        let mut bytes = "Café opens\nIn München ".as_bytes().to_vec();
        bytes.extend(b"\xFF today.");
        let mut p = Vec::new();
        let got = parse_bytes(&bytes, Format::Text, "e.txt", &mut p);
        assert_eq!(got[0].1.body, "In München \u{FFFD} today.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].reason, "invalid UTF-8 replaced");
    }

    #[test]
    fn xml_files_are_sniffed_and_decoded_by_declared_charset() {
        let mut p = Vec::new();
        let nitf = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<nitf><head><title>Caf\xE9 reopens</title></head></nitf>";
        let got = parse_bytes(nitf, Format::Xml, "a.xml", &mut p);
        assert_eq!(got[0].1.title, "Caf\u{e9} reopens");
        let rss = b"<rss><channel><item><title>One</title></item><item><title>Two</title></item></channel></rss>";
        let got = parse_bytes(rss, Format::Xml, "b.xml", &mut p);
        let keys: Vec<_> = got
            .iter()
            .map(|(k, a)| (k.as_deref(), a.title.as_str()))
            .collect();
        assert_eq!(keys, [(Some("1"), "One"), (Some("2"), "Two")]);
        assert!(p.is_empty(), "{p:?}");
        assert!(parse_bytes(b"<svg><rect/></svg>", Format::Xml, "c.xml", &mut p).is_empty());
        assert_eq!(
            (p[0].cost, p[0].reason),
            (Cost::SkippedFile, "unsupported XML")
        );
        assert_eq!(p[0].detail, "root <svg>");
    }

    #[test]
    fn read_file_sets_ids_and_handles_gzip() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let gz_path = dir.path().join("feed.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"title\":\"a\"}\n{\"title\":\"b\"}\n")
            .unwrap();
        std::fs::write(&gz_path, enc.finish().unwrap()).unwrap();
        let file = SourceFile {
            path: gz_path,
            id_base: "news/feed.jsonl.gz".into(),
            named: false,
        };
        let out = read_file(&file);
        let ids: Vec<_> = out.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["news/feed.jsonl.gz#1", "news/feed.jsonl.gz#2"]);
        assert!(out.problems.is_empty());

        let rss_path = dir.path().join("wire.rss.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"<rss><channel><item><title>a</title></item></channel></rss>")
            .unwrap();
        std::fs::write(&rss_path, enc.finish().unwrap()).unwrap();
        let out = read_file(&SourceFile {
            path: rss_path,
            id_base: "news/wire.rss.gz".into(),
            named: false,
        });
        assert_eq!(out.articles[0].id, "news/wire.rss.gz#1");

        let missing = SourceFile {
            path: PathBuf::from("/nonexistent/x.txt"),
            id_base: "x.txt".into(),
            named: false,
        };
        let out = read_file(&missing);
        assert_eq!(out.problems[0].reason, "unreadable");
    }

    #[test]
    fn a_cut_off_gzip_stream_keeps_the_records_before_the_cut() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let lines: String = (0..2000)
            .map(|i| {
                format!(
                    "{{\"title\":\"Story {i}\",\"text\":\"Ferries ran {}.\"}}\n",
                    i * 7919
                )
            })
            .collect();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(lines.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        let read = |bytes: &[u8]| {
            let path = dir.path().join("cut.jsonl.gz");
            std::fs::write(&path, bytes).unwrap();
            read_file(&SourceFile {
                path,
                id_base: "cut.jsonl.gz".into(),
                named: false,
            })
        };
        let out = read(&gz[..gz.len() / 2]);
        let n = out.articles.len();
        assert!((100..2000).contains(&n), "{n}");
        assert_eq!(out.articles[n - 1].title, format!("Story {}", n - 1));
        let seen: Vec<_> = out.problems.iter().map(|p| (p.cost, p.reason)).collect();
        assert_eq!(
            seen,
            [
                (Cost::Warning, "gzip cut off"),
                (Cost::SkippedRecord, "invalid JSON")
            ]
        );
        // Cut inside the header: nothing to read, the file is skipped.
        let out = read(&gz[..5]);
        assert!(out.articles.is_empty());
        assert_eq!(
            (out.problems[0].cost, out.problems[0].reason),
            (Cost::SkippedFile, "bad gzip")
        );
    }
}
