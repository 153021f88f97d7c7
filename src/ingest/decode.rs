//! Bytes to text: gzip, byte-order marks, and invalid UTF-8.
//!
//! Input files come from scrapers and old archives, so text is read as UTF-8 but never trusted:
//! a UTF-8/UTF-16 BOM picks the encoding, invalid bytes are replaced (the caller reports the
//! file once), and a NUL byte early in the file marks it as binary.

use std::io::Read;

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// True when some bytes were not valid in the encoding and were replaced by U+FFFD.
    pub had_invalid_bytes: bool,
}

/// Decodes bytes as UTF-8, or UTF-16 when a UTF-16 BOM says so. A UTF-8 BOM is dropped.
/// Invalid sequences become U+FFFD and set [`Decoded::had_invalid_bytes`].
pub fn decode_text(bytes: &[u8]) -> Decoded {
    let (encoding, bom_len) =
        encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_8, 0));
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
    Decoded {
        text: text.into_owned(),
        had_invalid_bytes: had_errors,
    }
}

/// True when the first 8 KiB hold a NUL byte outside a UTF-16 text: the file is binary.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if encoding_rs::Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return false;
    }
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Decompresses a gzip stream completely.
///
/// # Errors
/// The stream is not valid gzip, or is truncated.
pub fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 4);
    flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
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
    fn invalid_byte_is_replaced_and_flagged() {
        let d = decode_text(b"growth.\xFC side");
        assert_eq!(d.text, "growth.\u{FFFD} side");
        assert!(d.had_invalid_bytes);
    }

    #[test]
    fn utf16_bom_is_honoured() {
        let d = decode_text(b"\xFF\xFEh\x00i\x00");
        assert_eq!(d.text, "hi");
        assert!(!looks_binary(b"\xFF\xFEh\x00i\x00"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"));
        assert!(!looks_binary("plain text, café".as_bytes()));
    }

    #[test]
    fn gunzip_round_trip_and_garbage() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(gunzip(&gz).unwrap(), b"hello");
        assert!(gunzip(b"not gzip at all").is_err());
    }
}
