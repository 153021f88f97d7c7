//! NITF (`.nitf`, sniffed `.xml`): IPTC's News Industry Text Format, as news agencies deliver
//! wire copy. One document is one article.
//!
//! NITF (IPTC, NITF 3.x, <https://iptc.org/standards/nitf/>) carries what other formats make us
//! guess: the headline, byline, publication date and the people, places and organizations,
//! both tagged inline in the text (`<person>`, `<location>`, `<org>`) and listed in
//! `head/docdata/identified-content`. Elements are matched by their NITF names; namespaces are
//! not resolved (NITF documents do not prefix them).

use super::xml::{parse_tree, Element, Node};
use super::{Cost, Problem};
use crate::article::{Article, DateSource};
use crate::extract::date::parse_date_value;
use crate::ingest::html::text::{collapse_ws, normalize_paragraphs};

/// Parses one NITF document into one article (key `None`).
///
/// Mapping: title ← `body.head/hedline/hl1` (the headline as published), else `head/title`; date ← `head/pubdata
/// @date.publication`, else `head/docdata/date.issue@norm`, both in NITF's compact ISO 8601
/// (`20260421T083000+0100`, `20260421T073000Z`, `20260421`), with [`DateSource::Nitf`];
/// authors ← `body.head/byline` (`<person>` children, else the text without "By " and
/// `<byttl>`, split on "and"/","); body ← the `<p>` and `<hl2>` of `body.content` (not media
/// captions), separated by a blank line; people, places, organizations ← inline `<person>`,
/// `<location>` (its `<city>`, `<state>`, `<region>`, `<country>` when tagged, else its text),
/// `<org>` in the body (byline excluded), then `identified-content` entries (their `value`
/// attribute, else text), deduplicated as written; source ← `docdata/doc.copyright@holder`,
/// else `pubdata@name`; language ← `nitf@baselang` or `xml:lang`. `doc-id` is ignored: ids are
/// path based.
///
/// Problems: malformed XML → `invalid XML` with the line where parsing stopped, as
/// [`Cost::SkippedFile`], or as a [`Cost::Warning`] when a title or text had been read (that
/// partial article is kept); no title and no text → `no title or text`; a date that does not
/// parse → warning `unparsable date` (the next date field is tried).
pub fn parse_nitf(
    text: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(Option<String>, Article)> {
    let (doc, error) = parse_tree(text);
    let root = doc
        .child_named("nitf")
        .or_else(|| doc.elements().next())
        .cloned()
        .unwrap_or_default();
    let article = article(&root, path, problems);
    let has_content = !article.title.is_empty() || !article.body.is_empty();
    if let Some(e) = error {
        let cost = if has_content {
            Cost::Warning
        } else {
            Cost::SkippedFile
        };
        problems.push(Problem::at_line(
            path,
            e.line,
            cost,
            "invalid XML",
            e.message,
        ));
    } else if !has_content {
        problems.push(Problem::file(
            path,
            Cost::SkippedFile,
            "no title or text",
            "",
        ));
    }
    if has_content {
        vec![(None, article)]
    } else {
        Vec::new()
    }
}

fn article(root: &Element, path: &str, problems: &mut Vec<Problem>) -> Article {
    let head = root.child_named("head");
    let body = root.child_named("body");
    let body_head = body.and_then(|b| b.child_named("body.head"));
    let docdata = head.and_then(|h| h.child_named("docdata"));
    let pubdata = head.and_then(|h| h.child_named("pubdata"));

    // The headline as published; `head/title` is the document's title for lists, often a
    // slug or a system's label.
    let title = body_head
        .and_then(|b| b.at("hedline/hl1"))
        .map(|h| collapse_ws(&h.text()))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            head.and_then(|h| h.child_named("title"))
                .map(|t| collapse_ws(&t.text()))
        })
        .unwrap_or_default();
    let mut a = Article {
        title,
        body: body
            .and_then(|b| b.child_named("body.content"))
            .map(paragraphs)
            .unwrap_or_default(),
        authors: body_head.map(bylines).unwrap_or_default(),
        source: docdata
            .and_then(|d| d.child_named("doc.copyright"))
            .and_then(|c| c.attr("holder"))
            .or_else(|| pubdata.and_then(|p| p.attr("name")))
            .map(collapse_ws)
            .filter(|s| !s.is_empty()),
        language: [root.attr("baselang"), root.attr("xml:lang")]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(str::to_string),
        ..Article::default()
    };

    let dates = [
        pubdata.and_then(|p| p.attr("date.publication").map(|d| (d, p.line))),
        docdata
            .and_then(|d| d.child_named("date.issue"))
            .and_then(|d| d.attr("norm").map(|v| (v, d.line))),
    ];
    for (raw, line) in dates.into_iter().flatten() {
        if let Some((ts, _)) = parse_date_value(raw) {
            a.date = Some(ts);
            a.date_source = DateSource::Nitf;
            break;
        }
        problems.push(Problem::at_line(
            path,
            line,
            Cost::Warning,
            "unparsable date",
            super::problem::date_detail(raw),
        ));
    }

    let mut found = Entities::default();
    if let Some(body) = body {
        found.inline(body);
    }
    if let Some(ic) = docdata.and_then(|d| d.child_named("identified-content")) {
        found.identified(ic);
    }
    (a.people, a.places, a.organizations) = (found.people, found.places, found.orgs);
    a
}

/// The paragraphs of `body.content`, blank-line separated; its plain text when it has none.
fn paragraphs(content: &Element) -> String {
    let paras: Vec<String> = walk_paragraphs(content)
        .into_iter()
        .map(|p| collapse_ws(&p.text()))
        .filter(|p| !p.is_empty())
        .collect();
    if paras.is_empty() {
        return normalize_paragraphs(&content.text());
    }
    paras.join("\n\n")
}

fn walk_paragraphs(e: &Element) -> Vec<&Element> {
    let mut out = Vec::new();
    for child in e.elements() {
        match child.name.as_str() {
            "p" | "hl2" => out.push(child),
            // Captions and tables are not the story's running text.
            "media" | "table" => {}
            _ => out.extend(walk_paragraphs(child)),
        }
    }
    out
}

/// Authors from every `<byline>`: tagged `<person>`s, else the line's text.
fn bylines(body_head: &Element) -> Vec<String> {
    let mut out = Vec::new();
    for byline in body_head.elements().filter(|e| e.name == "byline") {
        let tagged: Vec<String> = byline
            .descendants()
            .into_iter()
            .filter(|e| e.name == "person")
            .map(|p| collapse_ws(&p.text()))
            .collect();
        if !tagged.is_empty() {
            push_unique(&mut out, tagged);
            continue;
        }
        let line = collapse_ws(&text_without(byline, &["byttl"]));
        let line = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("by "))
            .or_else(|| line.strip_prefix("BY "))
            .unwrap_or(&line);
        let names = line
            .split(',')
            .flat_map(|part| part.split(" and "))
            .map(str::trim)
            .map(str::to_string);
        push_unique(&mut out, names);
    }
    out
}

/// The text of `e` without the text of child elements named in `skip`.
fn text_without(e: &Element, skip: &[&str]) -> String {
    let mut out = String::new();
    for n in &e.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) if !skip.contains(&c.name.as_str()) => {
                out.push_str(&text_without(c, skip))
            }
            Node::Element(_) => {}
        }
    }
    out
}

/// Adds the non-empty names not yet in `list`, in order.
fn push_unique(list: &mut Vec<String>, names: impl IntoIterator<Item = String>) {
    for n in names {
        if !n.is_empty() && !list.contains(&n) {
            list.push(n);
        }
    }
}

const PLACE_PARTS: &[&str] = &["city", "state", "region", "country"];

#[derive(Default)]
struct Entities {
    people: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
}

impl Entities {
    /// Tags inside the text; the byline names the author, not a subject of the story.
    fn inline(&mut self, e: &Element) {
        for c in e.elements() {
            match c.name.as_str() {
                "byline" => {}
                "person" => push_unique(
                    &mut self.people,
                    [collapse_ws(&text_without(c, &["function"]))],
                ),
                "org" => push_unique(&mut self.orgs, [collapse_ws(&c.text())]),
                "location" => self.location(c, false),
                n if PLACE_PARTS.contains(&n) => {
                    push_unique(&mut self.places, [collapse_ws(&c.text())])
                }
                _ => self.inline(c),
            }
        }
    }

    /// `identified-content` lists entities with a normalized `value`.
    fn identified(&mut self, ic: &Element) {
        let value =
            |e: &Element| collapse_ws(e.attr("value").map_or(e.text(), str::to_string).as_str());
        for c in ic.elements() {
            match c.name.as_str() {
                "person" => push_unique(&mut self.people, [value(c)]),
                "org" => push_unique(&mut self.orgs, [value(c)]),
                "location" => self.location(c, true),
                n if PLACE_PARTS.contains(&n) => push_unique(&mut self.places, [value(c)]),
                _ => {}
            }
        }
    }

    /// A `<location>`: its tagged parts when it has any, else its value or text.
    fn location(&mut self, loc: &Element, prefer_value: bool) {
        let parts: Vec<String> = loc
            .descendants()
            .into_iter()
            .filter(|d| PLACE_PARTS.contains(&d.name.as_str()))
            .map(|d| {
                collapse_ws(
                    d.attr("value")
                        .filter(|_| prefer_value)
                        .map_or(d.text(), str::to_string)
                        .as_str(),
                )
            })
            .collect();
        if !parts.is_empty() {
            push_unique(&mut self.places, parts);
            return;
        }
        let whole = loc
            .attr("value")
            .filter(|_| prefer_value)
            .map_or_else(|| loc.text(), str::to_string);
        push_unique(&mut self.places, [collapse_ws(&whole)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf baselang="en-GB">
  <head>
    <title>Tram line to Porto airport opens early</title>
    <docdata>
      <doc-id id-string="HW-2026-0415-007"/>
      <date.issue norm="20260414"/>
      <doc.copyright holder="Harbour Wire" year="2026"/>
      <identified-content>
        <person value="Beatriz Lacerda"/>
        <org value="Metro do Porto"/>
        <location><city>Porto</city><country>Portugal</country></location>
      </identified-content>
    </docdata>
    <pubdata type="web" name="Harbour Wire Online" date.publication="20260415T093000+0100"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Porto airport tram opens a month early</hl1></hedline>
      <byline>By <person>Tomas Reis</person> <byttl>Transport Correspondent</byttl></byline>
      <dateline><location><city>PORTO</city></location></dateline>
    </body.head>
    <body.content>
      <p>The new tram line linking <location><city>Porto</city>, <country>Portugal</country></location>
         to its airport carried its first passengers on Wednesday, a month ahead of plan.</p>
      <hl2>Crowds at dawn</hl2>
      <p><person>Beatriz Lacerda</person>, chief engineer at <org>Metro do Porto</org>, said trams
         would run every eight minutes &amp; late at night. <person>Ines Moura<function>, a
         nurse,</function></person> called the trip "far quicker".</p>
      <media media-type="image"><media-caption><p>A tram at the airport stop.</p></media-caption></media>
      <p>Trips to <location>Matosinhos</location> start in May.</p>
    </body.content>
  </body>
</nitf>"#;

    #[test]
    fn full_document_maps_every_field() {
        let mut p = Vec::new();
        let got = parse_nitf(FULL, "w/porto.nitf", &mut p);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(got.len(), 1);
        let (key, a) = &got[0];
        assert_eq!(key, &None);
        assert_eq!(a.title, "Porto airport tram opens a month early");
        assert_eq!(a.date.unwrap().to_string(), "2026-04-15T08:30:00Z");
        assert_eq!(a.date_source, DateSource::Nitf);
        assert_eq!(a.authors, ["Tomas Reis"]);
        assert_eq!(
            a.body,
            "The new tram line linking Porto, Portugal to its airport carried its first passengers \
             on Wednesday, a month ahead of plan.\n\nCrowds at dawn\n\nBeatriz Lacerda, chief engineer \
             at Metro do Porto, said trams would run every eight minutes & late at night. Ines \
             Moura, a nurse, called the trip \"far quicker\".\n\nTrips to Matosinhos start in May."
        );
        assert_eq!(a.people, ["Beatriz Lacerda", "Ines Moura"]);
        assert_eq!(a.places, ["PORTO", "Porto", "Portugal", "Matosinhos"]);
        assert_eq!(a.organizations, ["Metro do Porto"]);
        assert_eq!(a.source.as_deref(), Some("Harbour Wire"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn date_issue_only_and_hl1_title() {
        let doc = r#"<nitf><head><docdata><date.issue norm="20260402T221500Z"/></docdata>
            <pubdata name="Coastal Desk"/></head>
            <body><body.head><hedline><hl1>Dune survey finds  nesting plovers</hl1></hedline>
            <byline>by Ana Reyes and Leo Park, Staff</byline></body.head>
            <body.content>Surveyors counted forty nests.</body.content></body></nitf>"#;
        let mut p = Vec::new();
        let got = parse_nitf(doc, "d.nitf", &mut p);
        assert!(p.is_empty(), "{p:?}");
        let a = &got[0].1;
        assert_eq!(a.title, "Dune survey finds nesting plovers");
        assert_eq!(a.date.unwrap().to_string(), "2026-04-02T22:15:00Z");
        assert_eq!(a.date_source, DateSource::Nitf);
        assert_eq!(a.authors, ["Ana Reyes", "Leo Park", "Staff"]);
        assert_eq!(a.body, "Surveyors counted forty nests.");
        assert_eq!(a.source.as_deref(), Some("Coastal Desk"));
    }

    #[test]
    fn bad_publication_date_falls_back_to_issue_date() {
        let doc = r#"<nitf><head><title>T</title><docdata><date.issue norm="20260420T0800+0200"/></docdata>
            <pubdata date.publication="next Tuesday"/></head></nitf>"#;
        let mut p = Vec::new();
        let a = &parse_nitf(doc, "d.nitf", &mut p)[0].1;
        assert_eq!(a.date.unwrap().to_string(), "2026-04-20T06:00:00Z");
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].cost, p[0].reason, p[0].line),
            (Cost::Warning, "unparsable date", Some(2))
        );
        assert_eq!(p[0].detail, "next Tuesday");
    }

    #[test]
    fn broken_nitf_is_skipped_with_line() {
        let mut p = Vec::new();
        let doc =
            "<nitf>\n<head>\n<docdata>\n<date.issue norm=\"20260401\">\n</docdata>\n</head></nitf>";
        assert!(parse_nitf(doc, "b.nitf", &mut p).is_empty());
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].cost, p[0].reason, p[0].line),
            (Cost::SkippedFile, "invalid XML", Some(5))
        );

        let mut p = Vec::new();
        assert!(parse_nitf("this is not XML", "n.nitf", &mut p).is_empty());
        assert_eq!(p[0].reason, "no title or text");
    }

    #[test]
    fn truncated_nitf_keeps_what_was_read() {
        let doc = "<nitf><head><title>Harbour cranes replaced</title></head>\n<body><body.content>\
                   <p>Two cranes arrived.</p><p>The third is due";
        let mut p = Vec::new();
        let got = parse_nitf(doc, "t.nitf", &mut p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.body, "Two cranes arrived.\n\nThe third is due");
        assert_eq!(
            (p[0].cost, p[0].reason, p[0].line),
            (Cost::Warning, "invalid XML", Some(2))
        );
        assert_eq!(p[0].detail, "unexpected end of file inside <p>");
    }

    #[test]
    fn every_truncation_is_handled_without_panic() {
        crate::ingest::xml::assert_truncations_handled(FULL, parse_nitf);
    }
}
