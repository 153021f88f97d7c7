//! A small forgiving scanner of HTML tags: names, attributes and raw-text element bodies, plus
//! character-reference decoding and visible text. Shared by date extraction, the Reuters SGML
//! reader (references) and the HTML reader's fallback for pages too deep for a DOM.
//!
//! Exists because date extraction needs only tags and attributes (`<meta>`, `<time>`,
//! `<script type="application/ld+json">`, elements with a date-ish class), never a DOM. A
//! linear byte scan is several times faster than building an html5ever tree, tolerates any
//! broken markup, and cannot fail: every input yields some list of tags.

/// One start or end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Lower-cased tag name.
    pub name: String,
    /// Attributes in source order: lower-cased name, entity-decoded value ("" when bare).
    pub attrs: Vec<(String, String)>,
    /// True for `</name>`.
    pub closing: bool,
    /// Byte offset of the `<`.
    pub start: usize,
    /// Byte offset just past the `>` (or the end of the input).
    pub end: usize,
    /// For `<script>` and `<style>`: the byte range of the raw body (half-open).
    pub body: Option<(usize, usize)>,
}

impl Tag {
    /// The value of attribute `name` (lower-case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// All tags of `html` in order. Comments, doctypes and processing instructions are skipped;
/// the bodies of `script` and `style` are not scanned for tags.
pub fn scan_tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        if rest.first().is_some_and(|&c| c == b'!' || c == b'?') {
            i = memchr(b'>', &b[lt..]).map_or(b.len(), |p| lt + p + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let mut j = name_start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        if j == name_start || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let (attrs, end) = parse_attrs(html, j);
        let mut tag = Tag {
            name,
            attrs,
            closing,
            start: lt,
            end,
            body: None,
        };
        i = end;
        if !closing && (tag.name == "script" || tag.name == "style") {
            let close = format!("</{}", tag.name);
            let body_end = find_ci(b, end, close.as_bytes()).unwrap_or(b.len());
            tag.body = Some((end, body_end));
            i = body_end;
        }
        out.push(tag);
    }
    out
}

/// Attributes from byte `j` (just after the tag name) to the closing `>`.
fn parse_attrs(html: &str, mut j: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            j += 1;
        }
        if j >= b.len() {
            return (attrs, b.len());
        }
        if b[j] == b'>' {
            return (attrs, j + 1);
        }
        let ks = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
            j += 1;
        }
        let key = html[ks..j].to_ascii_lowercase();
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let vs = j + 1;
                let ve = memchr(q, &b[vs..]).map_or(b.len(), |p| vs + p);
                value = decode_entities(&html[vs..ve]);
                j = (ve + 1).min(b.len());
            } else {
                let vs = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = decode_entities(&html[vs..j]);
            }
        }
        if ks == j {
            j += 1;
        }
        if !key.is_empty() {
            attrs.push((key, value));
        }
    }
}

/// Decodes the entities that occur in date values and short texts (`&amp;`, `&nbsp;`,
/// `&#43;`, `&#x2B;`, ...); unknown entities are kept verbatim.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let semi = rest.as_bytes()[..rest.len().min(10)]
            .iter()
            .position(|&c| c == b';');
        let decoded = semi.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "lt" => '<',
                "gt" => '>',
                // Typographic spaces separate the parts of printed dates ("4.&thinsp;2.&thinsp;2022").
                "nbsp" | "thinsp" | "ensp" | "emsp" | "hairsp" | "puncsp" | "numsp" => ' ',
                "auml" => 'ä',
                "ouml" => 'ö',
                "uuml" => 'ü',
                "Auml" => 'Ä',
                "Ouml" => 'Ö',
                "Uuml" => 'Ü',
                "szlig" => 'ß',
                "eacute" => 'é',
                "egrave" => 'è',
                "ccedil" => 'ç',
                "ndash" => '–',
                "mdash" => '—',
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let n = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(n)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// [`decode_entities`] for article text, dropping the control codes other than newline and
/// tab that references can produce (Reuters-21578 writes transmission markers as `&#3;`), for
/// the readers whose text is escaped: Reuters SGML, and plain text scraped from web pages
/// ("Jos&#233;").
pub fn decode_refs(s: &str) -> String {
    let mut out = decode_entities(s);
    out.retain(|c| !c.is_control() || c == '\n' || c == '\t');
    out
}

/// The visible text of an HTML fragment: tags removed (block tags become newlines),
/// script/style bodies dropped, entities decoded, runs of spaces collapsed.
pub fn visible_text(html: &str) -> String {
    text_between_tags(html, &scan_tags(html), 0)
}

/// [`visible_text`] of `html` from already scanned `tags` (of that same string), starting at
/// the first tag given.
pub fn visible_text_of(html: &str, tags: &[Tag]) -> String {
    text_between_tags(html, tags, tags.first().map_or(0, |t| t.start))
}

fn text_between_tags(html: &str, tags: &[Tag], mut pos: usize) -> String {
    let mut out = String::with_capacity(html.len() / 3);
    for t in tags {
        push_text(&mut out, &html[pos.min(t.start)..t.start]);
        if matches!(
            t.name.as_str(),
            "p" | "div"
                | "br"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "li"
                | "tr"
                | "article"
                | "section"
                | "header"
                | "footer"
                | "td"
                | "dd"
                | "dt"
        ) {
            out.push('\n');
        } else {
            out.push(' ');
        }
        pos = t.body.map_or(t.end, |(_, e)| e).max(pos);
    }
    if pos < html.len() {
        push_text(&mut out, &html[pos..]);
    }
    out
}

fn push_text(out: &mut String, raw: &str) {
    let text = decode_entities(raw);
    let mut last_space = out.ends_with([' ', '\n']);
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_attributes() {
        let h = r#"<!-- <meta name="x"> --><META Name="pubdate" content='2020-01-02'><time datetime=2020-01-03 pubdate>x</time>"#;
        let tags = scan_tags(h);
        assert_eq!(tags.len(), 3);
        assert_eq!(tags[0].name, "meta");
        assert_eq!(tags[0].attr("name"), Some("pubdate"));
        assert_eq!(tags[0].attr("content"), Some("2020-01-02"));
        assert_eq!(tags[1].attr("datetime"), Some("2020-01-03"));
        assert_eq!(tags[1].attr("pubdate"), Some(""));
        assert!(tags[2].closing);
    }

    #[test]
    fn script_bodies_are_opaque() {
        let h = r#"<script type="application/ld+json">{"a":"<b>"}</script><p>Hi</p>"#;
        let tags = scan_tags(h);
        assert_eq!(tags[0].body.map(|(s, e)| &h[s..e]), Some(r#"{"a":"<b>"}"#));
        assert_eq!(tags[1].name, "script");
        assert_eq!(tags[2].name, "p");
    }

    #[test]
    fn text_and_entities() {
        assert_eq!(
            decode_entities("2020-01-02T10:00:00&#43;01:00"),
            "2020-01-02T10:00:00+01:00"
        );
        assert_eq!(decode_entities("a &bogus; b &amp"), "a &bogus; b &amp");
        assert_eq!(decode_entities("&ääääää;"), "&ääääää;");
        let t = visible_text("<p>Am 3.&nbsp;M&auml;rz</p><script>var x='<p>';</script><p>Ende</p>");
        assert!(t.contains("Am 3. März"), "{t}");
        assert!(!t.contains("var x"));
        assert!(t.contains("Ende"));
    }

    #[test]
    fn typographic_space_entities_are_spaces() {
        assert_eq!(decode_entities("4.&thinsp;2.&thinsp;2022"), "4. 2. 2022");
        assert_eq!(decode_entities("7&ensp;Mai&emsp;2020"), "7 Mai 2020");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for h in [
            "<",
            "<a href=\"",
            "<a b='c",
            "<script>",
            "</",
            "<ä>",
            "<!--",
        ] {
            let _ = scan_tags(h);
            let _ = visible_text(h);
        }
    }
}
