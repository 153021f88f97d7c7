//! Bytes to text: gzip, byte-order marks, and invalid UTF-8.
//!
//! Input files come from scrapers and old archives, so text is read as UTF-8 but never trusted:
//! a UTF-8, UTF-16 or UTF-32 BOM picks the encoding, a file in a legacy 8-bit encoding is
//! recognized and read in it, invalid bytes in UTF-8 are replaced (the caller reports the file
//! once either way), and a NUL byte early in the file marks it as binary.

use std::io::Read;

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// True when some bytes were not valid in the encoding and were replaced by U+FFFD.
    pub had_invalid_bytes: bool,
    /// The legacy encoding the text was read in when it was not UTF-8 (see [`decode_text`]).
    pub guessed: Option<&'static encoding_rs::Encoding>,
}

/// Decodes bytes as UTF-8, or UTF-16 or UTF-32 when a BOM says so. A UTF-8 BOM is dropped.
///
/// Bytes that are not UTF-8 and hold no UTF-8 character beyond ASCII come from a legacy 8-bit
/// encoding (an old Latin-1 or Windows-1252 archive: "Caf\xE9"); it is guessed with
/// `chardetng` (Firefox's detector) and named in [`Decoded::guessed`]. Otherwise invalid
/// sequences in UTF-8 become U+FFFD and set [`Decoded::had_invalid_bytes`].
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some(big_endian) = utf32_bom(bytes) {
        let (text, invalid) = decode_utf32(&bytes[4..], big_endian);
        return Decoded {
            text,
            had_invalid_bytes: invalid > 0,
            guessed: None,
        };
    }
    let (encoding, bom_len) =
        encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_8, 0));
    let body = &bytes[bom_len..];
    if encoding == encoding_rs::UTF_8
        && std::str::from_utf8(body).is_err()
        && !has_utf8_beyond_ascii(body)
    {
        let guess = guess_legacy_encoding(body);
        let (text, had_errors) = guess.decode_without_bom_handling(body);
        return Decoded {
            text: text.into_owned(),
            had_invalid_bytes: had_errors,
            guessed: Some(guess),
        };
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    Decoded {
        text: text.into_owned(),
        had_invalid_bytes: had_errors,
        guessed: None,
    }
}

/// Below this many non-ASCII bytes, a legacy 8-bit text is read as windows-1252.
const FEW_HIGH_BYTES: usize = 16;

/// The legacy 8-bit encoding of `bytes`, which are not UTF-8: `chardetng`'s guess (Firefox's
/// detector), or windows-1252 when fewer than [`FEW_HIGH_BYTES`] bytes are beyond ASCII. So
/// few bytes cannot tell encodings apart (chardetng reads the one 0xA3 of a BBC file, "£" in
/// windows-1252, as "Ł" of windows-1250), and English news archives then mean windows-1252.
pub fn guess_legacy_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    if bytes.iter().filter(|b| !b.is_ascii()).count() < FEW_HIGH_BYTES {
        return encoding_rs::WINDOWS_1252;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Whether `bytes` hold a valid UTF-8 sequence for a character beyond ASCII.
fn has_utf8_beyond_ascii(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

/// True when the first 8 KiB, outside a UTF-16 text, hold a NUL byte or more than 1 in 20
/// control bytes (other than tab, line breaks and form feed): the file is binary. Text in any
/// 8-bit encoding has almost none of them; random or compressed data has 1 in 10.
pub fn looks_binary(bytes: &[u8]) -> bool {
    !utf16(bytes) && (head(bytes).contains(&0) || control_heavy(head(bytes)))
}

/// True when more than 1 in 20 of the first 8 KiB, outside a UTF-16 text, are control bytes
/// (NUL included; tab, line breaks and form feed not): random or compressed data, whatever
/// its extension says.
pub fn mostly_control(bytes: &[u8]) -> bool {
    !utf16(bytes) && control_heavy(head(bytes))
}

/// Whether a BOM marks the bytes as UTF-16 or UTF-32, whose text holds NUL bytes. A UTF-32
/// BOM counts only when its first 8 KiB decode with at most 1 unit in 20 invalid: "FF FE 00
/// 00" before random bytes is no text.
fn utf16(bytes: &[u8]) -> bool {
    if let Some(big_endian) = utf32_bom(bytes) {
        let head = &bytes[4..bytes.len().min(8192)];
        let (_, invalid) = decode_utf32(head, big_endian);
        return invalid * 20 <= head.len() / 4;
    }
    encoding_rs::Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8)
}

/// `Some(big_endian)` when `bytes` open with a UTF-32 BOM (FF FE 00 00 or 00 00 FE FF), which
/// `encoding_rs` does not know: it would read the first as UTF-16 and every other char as NUL.
fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..4)? {
        [0xFF, 0xFE, 0, 0] => Some(false),
        [0, 0, 0xFE, 0xFF] => Some(true),
        _ => None,
    }
}

/// UTF-32 `bytes` (without BOM) as text, and how many units were no Unicode scalar value or
/// cut short at the end (each becomes U+FFFD).
fn decode_utf32(bytes: &[u8], big_endian: bool) -> (String, usize) {
    let mut invalid = 0;
    let mut text = String::with_capacity(bytes.len() / 4);
    let units = bytes.chunks(4);
    for unit in units {
        let c = <[u8; 4]>::try_from(unit).ok().and_then(|u| {
            let v = if big_endian {
                u32::from_be_bytes(u)
            } else {
                u32::from_le_bytes(u)
            };
            char::from_u32(v)
        });
        text.push(c.unwrap_or_else(|| {
            invalid += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    (text, invalid)
}

/// The first 8 KiB, which decide whether a file is binary.
fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(8192)]
}

fn control_heavy(head: &[u8]) -> bool {
    let control = |&&b: &&u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F;
    head.iter().filter(control).count() * 20 > head.len()
}

/// What [`gunzip`] made of a gzip file.
#[derive(Debug, Default)]
pub struct Gunzipped {
    /// The decompressed bytes, as far as the stream went.
    pub bytes: Vec<u8>,
    /// The error that stopped decompression, if any: `UnexpectedEof` for a stream that ends
    /// early (cut off mid-write, or corrupt so that it seems to go on), `InvalidInput` for a
    /// checksum that does not match (the bytes are corrupt somewhere).
    pub error: Option<std::io::Error>,
    /// Bytes after the last complete member that are no gzip member (padding, junk).
    pub trailing: usize,
}

/// Decompresses a gzip file member by member (as `cat a.gz b.gz` makes them), as far as it
/// goes: a download or crawl stopped mid-write leaves a stream cut off, and the records before
/// the cut are whole. Bytes after a complete member that do not open another are counted in
/// [`Gunzipped::trailing`], not decoded.
pub fn gunzip(bytes: &[u8]) -> Gunzipped {
    let mut out = Gunzipped {
        bytes: Vec::with_capacity(bytes.len() * 4),
        ..Gunzipped::default()
    };
    let mut rest = bytes;
    loop {
        let mut member = flate2::bufread::GzDecoder::new(rest);
        // On an error, `read_to_end` keeps what it read before it.
        if let Err(e) = member.read_to_end(&mut out.bytes) {
            out.error = Some(e);
            break;
        }
        rest = member.into_inner();
        if rest.is_empty() {
            break;
        }
        if !rest.starts_with(&[0x1f, 0x8b]) {
            out.trailing = rest.len();
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode_text(b"\xEF\xBB\xBFTitle\nbody");
        assert_eq!(d.text, "Title\nbody");
        assert!(!d.had_invalid_bytes);
    }

    #[test]
    fn a_lone_high_byte_is_windows_1252() {
        // Reuters-21578 reut2-017.sgm and BBC sport/199.txt have one each.
        let d = decode_text(b"growth.\xFC side, a \xA315.8m fee");
        assert_eq!(d.text, "growth.ü side, a £15.8m fee");
        assert_eq!(d.guessed, Some(encoding_rs::WINDOWS_1252));
    }

    #[test]
    fn legacy_encodings_are_guessed_but_utf8_with_a_stray_byte_stays_utf8() {
        let d = decode_text(b"Caf\xE9 in Z\xFCrich\nThe caf\xE9 reopened on Monday.");
        assert_eq!(d.text, "Café in Zürich\nThe café reopened on Monday.");
        assert!(!d.had_invalid_bytes);
        assert_eq!(d.guessed.map(|e| e.name()), Some("windows-1252"));
        let d = decode_text(
            "Zürich \u{2013} "
                .as_bytes()
                .iter()
                .chain(b"\xFF")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(d.text, "Zürich \u{2013} \u{FFFD}");
        assert!(d.had_invalid_bytes && d.guessed.is_none());
    }

    #[test]
    fn utf16_bom_is_honoured() {
        let d = decode_text(b"\xFF\xFEh\x00i\x00");
        assert_eq!(d.text, "hi");
        assert!(!looks_binary(b"\xFF\xFEh\x00i\x00"));
    }

    #[test]
    fn utf32_bom_is_honoured_and_garbage_after_it_is_binary() {
        let le: Vec<u8> = "\u{feff}Café 😀"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be: Vec<u8> = "\u{feff}Café 😀"
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        for bytes in [&le, &be] {
            let d = decode_text(bytes);
            assert_eq!((d.text.as_str(), d.had_invalid_bytes), ("Café 😀", false));
            assert!(!looks_binary(bytes));
        }
        // A cut-off last unit is one replacement char.
        let d = decode_text(&le[..le.len() - 1]);
        assert_eq!(
            (d.text.as_str(), d.had_invalid_bytes),
            ("Café \u{fffd}", true)
        );
        assert!(looks_binary(
            b"\xFF\xFE\x00\x00 garbage \x80\x81\n\n\x00\x01\x02 body"
        ));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"));
        assert!(!looks_binary("plain text, café".as_bytes()));
        // No NUL, but control bytes as in random or compressed data (xorshift bytes here).
        let mut x: u32 = 2463534242;
        let noise: Vec<u8> = (0..20_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8 | 1
            })
            .collect();
        assert!(looks_binary(&noise));
        assert!(mostly_control(&noise));
        // One NUL in a long text is a bad line of JSON Lines, not a binary file.
        let mut lines = "{\"title\": \"a\"}\n".repeat(100).into_bytes();
        lines[5] = 0;
        assert!(looks_binary(&lines) && !mostly_control(&lines));
        assert!(!looks_binary(
            b"Title\n\tIndented body\r\n\x0Cnext page \x1B[0m"
        ));
    }

    #[test]
    fn gunzip_round_trip_and_garbage() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        let g = gunzip(&gz);
        assert_eq!(
            (g.bytes.as_slice(), g.error.is_none()),
            (&b"hello"[..], true)
        );
        let g = gunzip(b"not gzip at all");
        assert!(g.bytes.is_empty() && g.error.is_some());
        // Two members, then junk: both members read, the junk counted.
        let two = [gz.as_slice(), gz.as_slice(), b"junk!"].concat();
        let g = gunzip(&two);
        assert_eq!((g.bytes.as_slice(), g.trailing), (&b"hellohello"[..], 5));
        assert!(g.error.is_none());
        // A checksum that does not match.
        let mut bad = gz.clone();
        let at = bad.len() - 6;
        bad[at] ^= 0xff;
        let kind = gunzip(&bad).error.map(|e| e.kind());
        assert_eq!(kind, Some(std::io::ErrorKind::InvalidInput));
        // Cut off: what came before the cut is kept.
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::none());
        enc.write_all(&b"line one\n".repeat(1000)).unwrap();
        let gz = enc.finish().unwrap();
        let g = gunzip(&gz[..gz.len() / 2]);
        let kind = g.error.map(|e| e.kind());
        assert_eq!(kind, Some(std::io::ErrorKind::UnexpectedEof));
        let out = g.bytes;
        assert!(
            out.len() > 4000 && out.starts_with(b"line one\nline one"),
            "{}",
            out.len()
        );
    }
}
