//! Formats told by content, for files whose name says nothing: a crawler saves pages as
//! `article?id=3`, `index` or `example.net.gz`, and a mirror keeps a site's own odd suffixes
//! (`.php`, `.asp`). Only markup is recognized: its opening tags cannot be mistaken, while a
//! file of plain text or JSON without a name to say so may as well be code, a table or a log,
//! which are not articles.

use std::io::Read;
use std::path::Path;

use super::Format;

/// Bytes of a file's start that [`sniff`] looks at.
pub const HEAD: usize = 8192;

/// The format that a file's first bytes (up to [`HEAD`], decompressed) show, or `None`:
/// - [`Format::Html`] when, after a byte-order mark, white space and comments (a saved page's
///   `<!-- saved from url=… -->`), the text opens with `<!DOCTYPE html` or `<html`, or opens
///   with a tag and has `<!DOCTYPE html`, `<html`, `<head` or `<body` within the head (a
///   page whose server printed warnings before it: `<br /><b>Deprecated</b>: …`);
/// - [`Format::Xml`] for `<?xml` (NITF or a feed, as for `.xml` files; XHTML is HTML);
/// - [`Format::Feed`] for a bare `<rss` or `<feed`.
pub fn sniff(head: &[u8]) -> Option<Format> {
    let head = &head[..head.len().min(HEAD)];
    // Every answer but `None` opens with markup (a comment too), and `read_file` asks this
    // of every text, JSON and XML file: most are turned away here, before any copy.
    let opening = head
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(head)
        .trim_ascii_start();
    if !opening.starts_with(b"<") {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    let mut rest = lower.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&lower);
    loop {
        rest = rest.trim_ascii_start();
        match rest.strip_prefix(b"<!--") {
            Some(comment) => {
                let end = comment.windows(3).position(|w| w == b"-->")?;
                rest = &comment[end + 3..];
            }
            None => break,
        }
    }
    let has = |tag: &[u8]| rest.windows(tag.len()).any(|w| w == tag);
    if rest.starts_with(b"<!doctype html") || rest.starts_with(b"<html") {
        Some(Format::Html)
    } else if rest.starts_with(b"<?xml") {
        Some(if has(b"<html") {
            Format::Html
        } else {
            Format::Xml
        })
    } else if rest.starts_with(b"<rss") || rest.starts_with(b"<feed") {
        Some(Format::Feed)
    } else if rest.starts_with(b"<")
        && [&b"<!doctype html"[..], b"<html", b"<head", b"<body"]
            .iter()
            .any(|t| has(t))
    {
        Some(Format::Html)
    } else {
        None
    }
}

/// [`sniff`] on the start of the file at `path`, gunzipped when its name ends in `.gz`.
/// `None` also when the file cannot be read: reading it for real reports why.
pub fn sniff_file(path: &Path) -> Option<Format> {
    let file = std::fs::File::open(path).ok()?;
    let gz = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().to_ascii_lowercase().ends_with(".gz"));
    let mut head = Vec::with_capacity(HEAD);
    let read = if gz {
        flate2::read::GzDecoder::new(file)
            .take(HEAD as u64)
            .read_to_end(&mut head)
    } else {
        file.take(HEAD as u64).read_to_end(&mut head)
    };
    // A gzip stream cut off inside the head still shows what it holds.
    if read.is_err() && head.is_empty() {
        return None;
    }
    sniff(&head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_told_by_its_opening() {
        let s = |t: &str| sniff(t.as_bytes());
        assert_eq!(s("<!DOCTYPE html><title>Hi</title>"), Some(Format::Html));
        assert_eq!(s("\u{feff}  <HTML lang=en>"), Some(Format::Html));
        assert_eq!(
            s("<!-- saved from url=(0040)https://example.org/ -->\n<html>"),
            Some(Format::Html)
        );
        assert_eq!(
            s("<meta charset=utf-8>\n<head><title>x"),
            Some(Format::Html)
        );
        let warned = "<br />\n<b>Deprecated</b>:  Assigning the return value of new by \
                      reference is deprecated in <b>/www/wp-settings.php</b><br />\n"
            .repeat(40)
            + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">";
        assert!(warned.len() > 4000 && warned.len() < HEAD);
        assert_eq!(s(&warned), Some(Format::Html));
        assert_eq!(
            s("<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"x\">"),
            Some(Format::Html)
        );
        assert_eq!(s("<?xml version=\"1.0\"?><nitf>"), Some(Format::Xml));
        assert_eq!(s("<rss version=\"2.0\">"), Some(Format::Feed));
        assert_eq!(
            s("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(Format::Feed)
        );
    }

    #[test]
    fn text_code_and_binary_are_not_guessed() {
        let s = |t: &[u8]| sniff(t);
        assert_eq!(s(b"Rain in Spain\n\nIt rained."), None);
        assert_eq!(s(b"{\"title\": \"x\"}"), None);
        assert_eq!(s(b"if (a < b) { body(); }"), None);
        assert_eq!(s(b"\x89PNG\r\n\x1a\n<html>"), None);
        assert_eq!(s(b"<!-- a comment never closed <html>"), None);
        assert_eq!(s(b""), None);
    }

    #[test]
    fn files_are_sniffed_through_gzip() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("article?id=3");
        std::fs::write(&plain, "<!doctype html><p>Ships.</p>").unwrap();
        assert_eq!(sniff_file(&plain), Some(Format::Html));
        let gz = dir.path().join("example.net.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"<html><body>Ships.</body></html>").unwrap();
        std::fs::write(&gz, enc.finish().unwrap()).unwrap();
        assert_eq!(sniff_file(&gz), Some(Format::Html));
        assert_eq!(sniff_file(&dir.path().join("missing")), None);
    }
}
