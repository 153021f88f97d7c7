//! Bytes to text for web pages: BOM, declared charset, then detection when the declaration lies.
//!
//! Archived pages routinely carry a wrong `<meta charset>` (a CMS template says utf-8 while the
//! article body was pasted as windows-1252), so a declaration is trusted only when the bytes agree
//! with it; otherwise the encoding is guessed with `chardetng` (Firefox's detector) and decoded with
//! `encoding_rs` (WHATWG Encoding Standard), which never fails: bad bytes become U+FFFD.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page the `<meta charset>` prescan looks, in bytes. The HTML standard says
/// 1024; real pages put long `<script>` blocks first, so this is more generous.
const PRESCAN_BYTES: usize = 8192;

/// Why a page was decoded with the encoding it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// `<meta charset>` or `<meta http-equiv="Content-Type">`, and the bytes agree.
    Declared,
    /// No usable declaration (or a wrong one) and the bytes are valid UTF-8.
    Utf8Valid,
    /// No usable declaration (or a wrong one): guessed by `chardetng`.
    Detected,
}

/// A decoded page: its text, the encoding used and why.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The page as text; undecodable bytes are U+FFFD.
    pub text: String,
    /// The encoding that produced `text`.
    pub encoding: &'static Encoding,
    /// Why that encoding was chosen.
    pub source: CharsetSource,
}

/// Decodes page bytes: BOM first, then the declared charset when the bytes agree with it, then
/// UTF-8 when valid, then `chardetng`'s guess. Never fails and never panics.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: enc,
            source: CharsetSource::Bom,
        };
    }
    let valid_utf8 = std::str::from_utf8(bytes).ok();
    if let Some(declared) = declared_charset(bytes) {
        if declared == UTF_8 {
            if let Some(s) = valid_utf8 {
                return Decoded {
                    text: s.to_owned(),
                    encoding: UTF_8,
                    source: CharsetSource::Declared,
                };
            }
            // Declared UTF-8 but not UTF-8: the declaration is wrong, fall through to detection.
        } else if valid_utf8.is_some_and(|s| !s.is_ascii()) && declared.is_single_byte() {
            // Multi-byte UTF-8 sequences almost never occur by chance in legacy single-byte
            // text, so valid non-ASCII UTF-8 beats a "latin-1" template declaration.
        } else {
            let (text, had_errors) = declared.decode_without_bom_handling(bytes);
            if !had_errors {
                return Decoded {
                    text: text.into_owned(),
                    encoding: declared,
                    source: CharsetSource::Declared,
                };
            }
        }
    }
    if let Some(s) = valid_utf8 {
        return Decoded {
            text: s.to_owned(),
            encoding: UTF_8,
            source: CharsetSource::Utf8Valid,
        };
    }
    // Only reached for invalid UTF-8, so UTF-8 is not a candidate.
    let enc = crate::ingest::decode::guess_legacy_encoding(bytes);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc,
        source: CharsetSource::Detected,
    }
}

/// The encoding named by the first `<meta charset=…>` or `<meta http-equiv … content="…;
/// charset=…">` in the first `PRESCAN_BYTES` bytes, mapped per the HTML standard (a declared
/// UTF-16 means UTF-8, since a UTF-16 page would have been caught by its BOM or not parse;
/// `x-user-defined` means windows-1252). `None` when absent or not a known label.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        if let Some(label) = charset_in_tag(&lower[start..end]) {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(match enc.name() {
                    "UTF-16LE" | "UTF-16BE" => UTF_8,
                    "x-user-defined" => WINDOWS_1252,
                    _ => enc,
                });
            }
        }
        from = end;
    }
    None
}

/// The value after `charset` and `=` inside one lower-cased `<meta …>` tag, unquoted.
fn charset_in_tag(tag: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(pos) = find(&tag[from..], b"charset") {
        let mut i = from + pos + 7;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) == Some(&b'=') {
            i += 1;
            while tag
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
            {
                i += 1;
            }
            let start = i;
            while tag.get(i).is_some_and(|b| !b"\"'; \t\r\n/>".contains(b)) {
                i += 1;
            }
            if i > start {
                return Some(&tag[start..i]);
            }
        }
        from = from + pos + 7;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_declaration() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=\"iso-8859-1\"><p>Ærø</p>".as_bytes());
        let d = decode(&bytes);
        assert_eq!(d.source, CharsetSource::Bom);
        assert_eq!(d.text, "<meta charset=\"iso-8859-1\"><p>Ærø</p>");
        // UTF-16LE BOM.
        let d = decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]);
        assert_eq!((d.text.as_str(), d.encoding.name()), ("hi", "UTF-16LE"));
    }

    #[test]
    fn honours_declared_legacy_charset() {
        let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        let d = decode(bytes);
        assert_eq!(d.source, CharsetSource::Declared);
        assert_eq!(d.encoding.name(), "windows-1251");
        assert!(d.text.contains("Привет"));
    }

    #[test]
    fn wrong_utf8_declaration_falls_back_to_detection() {
        // windows-1252 bytes (curly quotes, e-acute) in a page that claims utf-8.
        let bytes = b"<meta charset=\"utf-8\"><p>The caf\xe9 owner said \x93we re-opened on Monday\x94 and the r\xe9sum\xe9 was d\xe9j\xe0 vu.</p>";
        let d = decode(bytes);
        assert_eq!(d.source, CharsetSource::Detected);
        assert!(
            d.text.contains("café owner said “we re-opened on Monday”"),
            "{}",
            d.text
        );
    }

    #[test]
    fn valid_utf8_beats_a_latin1_declaration() {
        let d = decode("<meta charset=iso-8859-1><p>naïve — façade</p>".as_bytes());
        assert_eq!(d.source, CharsetSource::Utf8Valid);
        assert!(d.text.contains("naïve — façade"));
    }

    #[test]
    fn label_parsing() {
        assert_eq!(
            declared_charset(b"<META CHARSET='Shift_JIS'>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(declared_charset(b"<meta charset=nonsense>"), None);
        assert_eq!(declared_charset(b"<meta name=x>"), None);
        assert_eq!(declared_charset(b""), None);
    }

    #[test]
    fn garbage_never_panics() {
        let junk: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        let d = decode(&junk);
        assert!(!d.text.is_empty());
        assert_eq!(decode(b"").text, "");
        assert_eq!(decode(b"<meta charset=").text, "<meta charset=");
    }
}
