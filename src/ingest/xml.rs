//! XML plumbing shared by NITF and RSS/Atom ingest: sniffing `.xml` files, decoding bytes by
//! the declared charset, and a small element tree read with `quick-xml`.
//!
//! Both formats are small documents read whole, so a tree (rather than a pull parser threaded
//! through each format) keeps the format code a list of lookups. The tree is built leniently
//! (bare `&` and HTML entity names are accepted, as crawled feeds hold them) but a real syntax
//! error stops it: what was read before stays in the tree, and the error names its line, so a
//! format can keep complete records and report the rest.

use super::decode::{decode_text, Decoded};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// What a sniffed XML document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlKind {
    /// An IPTC NITF document (root `<nitf>`).
    Nitf,
    /// An RSS 0.9x/2.0 (`<rss>`), RSS 1.0 (`<rdf:RDF>`) or Atom (`<feed>`) feed.
    Feed,
}

/// How many leading bytes [`sniff_xml`] looks at.
pub const SNIFF_BYTES: usize = 2048;

/// The deepest element nesting [`parse_tree`] accepts. News documents nest a dozen levels;
/// the tree is walked recursively, so a hostile file must not nest without bound.
pub const MAX_DEPTH: usize = 256;

/// The kind of an XML document, from its root element in the first [`SNIFF_BYTES`] bytes:
/// `nitf` → [`XmlKind::Nitf`]; `rss`, `feed`, `rdf:RDF` (any prefix on `feed`/`RDF`) →
/// [`XmlKind::Feed`]. When no root element starts there (a long comment or DTD), the first of
/// `<nitf`, `<rss`, `<feed`, `<rdf:RDF` found in those bytes decides. `None` otherwise.
pub fn sniff_xml(text: &str) -> Option<XmlKind> {
    let head = prefix(text, SNIFF_BYTES);
    if let Some(name) = root_name(head) {
        return kind_of(name);
    }
    [
        ("<nitf", XmlKind::Nitf),
        ("<rss", XmlKind::Feed),
        ("<feed", XmlKind::Feed),
        ("<rdf:RDF", XmlKind::Feed),
    ]
    .into_iter()
    .filter_map(|(tag, kind)| head.find(tag).map(|at| (at, kind)))
    .min_by_key(|&(at, _)| at)
    .map(|(_, kind)| kind)
}

fn kind_of(root: &str) -> Option<XmlKind> {
    let local = root.rsplit(':').next().unwrap_or(root);
    match local {
        "nitf" => Some(XmlKind::Nitf),
        "rss" | "feed" | "RDF" => Some(XmlKind::Feed),
        _ => None,
    }
}

/// The name of the root element (as written, with any prefix): the first tag that is not a
/// declaration, processing instruction, comment or DOCTYPE. `None` when `text` has none.
pub fn root_name(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        let at = rest.find('<')?;
        rest = &rest[at..];
        let skip_to = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<!") {
            // DOCTYPE; an internal subset `[...]` ends with `]>`.
            if rest[..rest.find('>').unwrap_or(rest.len())].contains('[') {
                "]>"
            } else {
                ">"
            }
        } else {
            let name = &rest[1..];
            let end = name
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(name.len());
            return (end > 0).then(|| &name[..end]);
        };
        rest = &rest[rest.find(skip_to)? + skip_to.len()..];
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Decodes an XML file's bytes: a BOM wins, then the `encoding` of the XML declaration
/// (`<?xml version="1.0" encoding="ISO-8859-1"?>`, any WHATWG label), else UTF-8. Invalid
/// sequences become U+FFFD and set [`Decoded::had_invalid_bytes`].
pub fn decode_xml(bytes: &[u8]) -> Decoded {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let declared = head
        .strip_prefix("<?xml")
        .and_then(|d| d.split("?>").next())
        .and_then(|d| d.split_once("encoding")?.1.split(['"', '\'']).nth(1))
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    match declared {
        // A UTF-16 label without a BOM is a mislabelled UTF-8 file (the declaration was readable).
        Some(enc) if enc != encoding_rs::UTF_8 && enc.is_ascii_compatible() => {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                had_invalid_bytes: had_errors,
                guessed: None,
            }
        }
        _ => decode_text(bytes),
    }
}

/// One element of the tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// Qualified name as written (`item`, `dc:creator`, `body.content`).
    pub name: String,
    /// Attributes in document order, values with references resolved.
    pub attrs: Vec<(String, String)>,
    /// Child elements and text, in document order.
    pub children: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: usize,
    /// False when the document broke off before this element's end tag.
    pub closed: bool,
}

/// A child of an [`Element`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A nested element.
    Element(Element),
    /// Character data (text and CDATA), references resolved.
    Text(String),
}

/// Why a document could not be read to its end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct XmlError {
    /// 1-based line where the parser stopped.
    pub line: usize,
    /// The parser's message.
    pub message: String,
}

impl Element {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element for which `is` holds.
    pub fn child(&self, is: impl Fn(&str) -> bool) -> Option<&Element> {
        self.elements().find(|e| is(&e.name))
    }

    /// The first child named `name`.
    pub fn child_named(&self, name: &str) -> Option<&Element> {
        self.child(|n| n == name)
    }

    /// The element at a `/`-separated path of child names (`head/docdata/date.issue`).
    pub fn at(&self, path: &str) -> Option<&Element> {
        path.split('/')
            .try_fold(self, |e, name| e.child_named(name))
    }

    /// Every descendant element (not `self`), depth-first in document order.
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.elements().collect();
        stack.reverse();
        while let Some(e) = stack.pop() {
            out.push(e);
            stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
        }
        out
    }

    /// All text below this element, concatenated as written (no separators added).
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.push_text(out),
            }
        }
    }

    /// The content below this element re-serialized as markup (for Atom `type="xhtml"`
    /// content, which arrives as elements rather than escaped text).
    pub fn inner_markup(&self) -> String {
        let mut out = String::new();
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(&quick_xml::escape::escape(t.as_str())),
                Node::Element(e) => {
                    let local = e.name.rsplit(':').next().unwrap_or(&e.name);
                    out.push('<');
                    out.push_str(local);
                    out.push('>');
                    out.push_str(&e.inner_markup());
                    out.push_str("</");
                    out.push_str(local);
                    out.push('>');
                }
            }
        }
        out
    }
}

/// Reads a whole document into a tree. Returns the document node (name `""`, holding the
/// root element) and, when the document is malformed or ends early, the error; the tree then
/// holds everything read before it, with unfinished elements marked `closed: false`.
pub fn parse_tree(text: &str) -> (Element, Option<XmlError>) {
    let mut reader = Reader::from_str(text);
    // Crawled feeds hold bare `&` in text; it is not worth losing an article over.
    reader.config_mut().allow_dangling_amp = true;
    let mut lines = LineCounter::default();
    let mut stack = vec![Element {
        line: 1,
        ..Element::default()
    }];
    let error = loop {
        let start = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(Event::Start(_)) if stack.len() > MAX_DEPTH => {
                break Some(XmlError {
                    line: lines.line_at(text, start),
                    message: format!("elements nested deeper than {MAX_DEPTH}"),
                });
            }
            Ok(Event::Start(e)) => stack.push(element(&e, lines.line_at(text, start))),
            Ok(Event::Empty(e)) => {
                let mut el = element(&e, lines.line_at(text, start));
                el.closed = true;
                push_node(&mut stack, Node::Element(el));
            }
            Ok(Event::End(_)) => {
                // The reader checks that end tags match, so the stack holds the open element.
                if stack.len() > 1 {
                    let mut el = stack.pop().unwrap_or_default();
                    el.closed = true;
                    push_node(&mut stack, Node::Element(el));
                }
            }
            Ok(Event::Text(t)) => push_text(&mut stack, &t.xml10_content()),
            Ok(Event::CData(t)) => push_text(&mut stack, &t.xml10_content()),
            Ok(Event::GeneralRef(r)) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match resolve_predefined_entity(&r) {
                        Some(s) => s.to_string(),
                        // An undeclared entity stays as written, for HTML decoding later.
                        None => format!("&{};", &*r),
                    },
                };
                push_text(&mut stack, &resolved);
            }
            Ok(Event::Eof) => {
                break (stack.len() > 1).then(|| XmlError {
                    line: lines.line_at(text, text.len()),
                    message: format!(
                        "unexpected end of file inside <{}>",
                        stack.last().map_or("", |e| e.name.as_str())
                    ),
                });
            }
            Ok(_) => {}
            Err(e) => {
                break Some(XmlError {
                    line: lines.line_at(text, reader.error_position() as usize),
                    message: e.to_string(),
                })
            }
        }
    };
    while stack.len() > 1 {
        let el = stack.pop().unwrap_or_default();
        push_node(&mut stack, Node::Element(el));
    }
    (stack.pop().unwrap_or_default(), error)
}

fn element(e: &BytesStart<'_>, line: usize) -> Element {
    let mut attrs = Vec::new();
    let mut it = e.attributes();
    it.with_checks(false);
    for a in it.flatten() {
        let value = a
            .normalized_value_with(XmlVersion::Implicit1_0, 8, resolve_predefined_entity)
            .map_or_else(|_| a.value.to_string(), |v| v.into_owned());
        attrs.push((a.key.as_ref().to_string(), value));
    }
    Element {
        name: e.name().as_ref().to_string(),
        attrs,
        children: Vec::new(),
        line,
        closed: false,
    }
}

fn push_node(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

/// Appends text to the open element, merging with a preceding text node so that text split by
/// references reads as one string.
fn push_text(stack: &mut [Element], s: &str) {
    let Some(top) = stack.last_mut() else { return };
    if let Some(Node::Text(prev)) = top.children.last_mut() {
        prev.push_str(s);
    } else {
        top.children.push(Node::Text(s.to_string()));
    }
}

/// Byte offset → 1-based line, counting forward from the previous query (offsets only grow,
/// except for error positions, which are recounted from the start).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 0;
        }
        self.line += text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line + 1
    }
}

/// An ingest parser's signature: text, path, problems → keyed articles.
#[cfg(test)]
type ParseFn =
    fn(&str, &str, &mut Vec<super::Problem>) -> Vec<(Option<String>, crate::article::Article)>;

/// For tests: every prefix of `doc` (every 5 bytes) gives an article or a problem, never silence
/// or a panic.
#[cfg(test)]
pub(crate) fn assert_truncations_handled(doc: &str, parse: ParseFn) {
    for end in (0..doc.len())
        .step_by(5)
        .filter(|&i| doc.is_char_boundary(i))
    {
        let mut p = Vec::new();
        let got = parse(&doc[..end], "t", &mut p);
        assert!(
            !got.is_empty() || !p.is_empty(),
            "silent loss at byte {end}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_root_element_past_prolog() {
        let nitf = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"nitf-3-6.dtd\">\n\
                    <!-- wire copy --><nitf><head/></nitf>";
        assert_eq!(sniff_xml(nitf), Some(XmlKind::Nitf));
        assert_eq!(
            sniff_xml("<rss version=\"2.0\"><channel/></rss>"),
            Some(XmlKind::Feed)
        );
        assert_eq!(
            sniff_xml("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"),
            Some(XmlKind::Feed)
        );
        assert_eq!(sniff_xml("<rdf:RDF><item/></rdf:RDF>"), Some(XmlKind::Feed));
        assert_eq!(sniff_xml("<!DOCTYPE x [ <!ENTITY a \"b\"> ]><svg/>"), None);
        assert_eq!(sniff_xml("<urlset><url/></urlset>"), None);
        assert_eq!(sniff_xml("no markup at all"), None);
        // A comment longer than the sniff window: fall back to the first known tag.
        let long = format!("<!--{}--><rss/>", "x".repeat(3000));
        assert_eq!(sniff_xml(&long), None);
        let late = format!("<!--{} <rss", "é".repeat(100));
        assert_eq!(sniff_xml(&late), Some(XmlKind::Feed));
        assert_eq!(root_name("<?xml version='1.0'?><a:b x='1'>"), Some("a:b"));
    }

    #[test]
    fn tree_resolves_references_and_keeps_lines() {
        let (doc, err) = parse_tree(
            "<a x=\"1 &amp; 2\">\n  <b>caf&#233; &amp; <![CDATA[<i>bar</i>]]> &nbsp;&bogus; & co</b>\n<c/></a>",
        );
        assert_eq!(err, None);
        let a = doc.child_named("a").unwrap();
        assert_eq!(a.attr("x"), Some("1 & 2"));
        let b = a.child_named("b").unwrap();
        assert_eq!(b.line, 2);
        assert_eq!(b.text(), "café & <i>bar</i> \u{a0}&bogus; & co");
        assert!(a.at("c").unwrap().closed);
        assert_eq!(a.descendants().len(), 2);
    }

    #[test]
    fn broken_document_keeps_what_was_read() {
        let (doc, err) = parse_tree("<a>\n<b>one</b>\n<c>two</d>\n</a>");
        let err = err.unwrap();
        assert_eq!(err.line, 3);
        let a = doc.child_named("a").unwrap();
        assert!(!a.closed);
        assert!(a.child_named("b").unwrap().closed);
        assert_eq!(a.child_named("c").unwrap().text(), "two");

        let (doc, err) = parse_tree("<a>\n<b>cut");
        assert_eq!(err.unwrap().message, "unexpected end of file inside <b>");
        assert_eq!(doc.at("a/b").unwrap().text(), "cut");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "<a>".repeat(100_000);
        let (doc, err) = parse_tree(&deep);
        assert_eq!(err.unwrap().message, "elements nested deeper than 256");
        assert_eq!(doc.descendants().len(), 256);
    }

    #[test]
    fn xhtml_markup_is_reserialized() {
        let (doc, _) = parse_tree("<c><div xmlns=\"x\"><p>One &lt; two</p><p>Three</p></div></c>");
        assert_eq!(
            doc.child_named("c").unwrap().inner_markup(),
            "<div><p>One &lt; two</p><p>Three</p></div>"
        );
    }

    #[test]
    fn declared_charset_is_honoured() {
        let d = decode_xml(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Mal\xE9</t>");
        assert!(d.text.ends_with("<t>Malé</t>"));
        assert!(!d.had_invalid_bytes);
        let d = decode_xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>Malé</t>".as_bytes());
        assert!(d.text.ends_with("<t>Malé</t>"));
        // Undeclared and not UTF-8: a legacy encoding, guessed.
        let d = decode_xml(b"<t>Mal\xE9</t>");
        assert_eq!(d.text, "<t>Malé</t>");
        assert!(d.guessed.is_some() && !d.had_invalid_bytes);
    }
}
