//! The compact on-disk form of the gazetteer: a gzip stream (flate2) around a little-endian
//! record layout. Kept separate from building so the binary only needs the decoder and so the
//! decoder can reject truncated or foreign bytes with a typed error instead of panicking.
//!
//! Layout (before gzip): magic `DLGAZ01\n`; `u32` place count; per place `u8` kind, 2 bytes ISO
//! code, `u32` GeoNames id, `u64` population, string name, string admin1 name (empty = none);
//! `u32` key count; per key string key, `u32` place index. Strings are `u16` length + UTF-8.

use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::{Compression, GzBuilder};

use super::{GazetteerError, PlaceKind};

const MAGIC: &[u8; 8] = b"DLGAZ01\n";

/// One place as stored: everything but the country name, which is joined from the country row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPlace {
    /// Country, admin1 or city.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code, ASCII upper case.
    pub cc: [u8; 2],
    /// GeoNames id.
    pub id: u32,
    /// Population (summed over cities for admin1).
    pub population: u64,
    /// Canonical name.
    pub name: String,
    /// Admin1 region name of a city; empty otherwise.
    pub admin1: String,
}

fn put_str(out: &mut Vec<u8>, s: &str) -> Result<(), GazetteerError> {
    let len = u16::try_from(s.len()).map_err(|_| GazetteerError::Encode {
        reason: format!("string longer than 65535 bytes: {:.40}...", s),
    })?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

/// Serializes and gzips places and (key, place index) pairs. Deterministic: the gzip header
/// carries no timestamp or file name, and callers pass keys already sorted.
pub fn encode(places: &[RawPlace], keys: &[(String, u32)]) -> Result<Vec<u8>, GazetteerError> {
    let mut raw = Vec::with_capacity(4 << 20);
    raw.extend_from_slice(MAGIC);
    raw.extend_from_slice(&(places.len() as u32).to_le_bytes());
    for p in places {
        raw.push(p.kind as u8);
        raw.extend_from_slice(&p.cc);
        raw.extend_from_slice(&p.id.to_le_bytes());
        raw.extend_from_slice(&p.population.to_le_bytes());
        put_str(&mut raw, &p.name)?;
        put_str(&mut raw, &p.admin1)?;
    }
    raw.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    for (k, idx) in keys {
        put_str(&mut raw, k)?;
        raw.extend_from_slice(&idx.to_le_bytes());
    }
    let mut enc: GzEncoder<Vec<u8>> = GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), Compression::best());
    enc.write_all(&raw).map_err(|e| GazetteerError::Encode {
        reason: e.to_string(),
    })?;
    enc.finish().map_err(|e| GazetteerError::Encode {
        reason: e.to_string(),
    })
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], GazetteerError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        // The error built only when needed: this runs for every field of every place.
        let end = end.ok_or_else(|| GazetteerError::Decode {
            offset: self.pos,
            reason: "truncated".into(),
        })?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, GazetteerError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, GazetteerError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, GazetteerError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    fn u64(&mut self) -> Result<u64, GazetteerError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn string(&mut self) -> Result<String, GazetteerError> {
        let at = self.pos;
        let len = self.u16()? as usize;
        let b = self.take(len)?;
        String::from_utf8(b.to_vec()).map_err(|_| GazetteerError::Decode {
            offset: at,
            reason: "string is not UTF-8".into(),
        })
    }
}

/// Decoded contents: places, and (lookup key, place index) pairs.
pub type Decoded = (Vec<RawPlace>, Vec<(String, u32)>);

/// Inverse of [`encode`]. Errors: not gzip, wrong magic, truncated record, bad UTF-8, unknown
/// kind byte, or a key pointing past the place table (offsets are into the gunzipped bytes).
pub fn decode(gz: &[u8]) -> Result<Decoded, GazetteerError> {
    let mut raw = Vec::new();
    GzDecoder::new(gz)
        .read_to_end(&mut raw)
        .map_err(|e| GazetteerError::Decode {
            offset: 0,
            reason: format!("gzip: {e}"),
        })?;
    let mut c = Cursor { buf: &raw, pos: 0 };
    if c.take(MAGIC.len())? != MAGIC {
        return Err(GazetteerError::Decode {
            offset: 0,
            reason: "bad magic".into(),
        });
    }
    let n = c.u32()? as usize;
    let mut places = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let at = c.pos;
        let kind = PlaceKind::from_u8(c.u8()?).ok_or_else(|| GazetteerError::Decode {
            offset: at,
            reason: "unknown place kind".into(),
        })?;
        let cc_bytes = c.take(2)?;
        let cc = [cc_bytes[0], cc_bytes[1]];
        let id = c.u32()?;
        let population = c.u64()?;
        let name = c.string()?;
        let admin1 = c.string()?;
        places.push(RawPlace {
            kind,
            cc,
            id,
            population,
            name,
            admin1,
        });
    }
    let k = c.u32()? as usize;
    let mut keys = Vec::with_capacity(k.min(1 << 22));
    for _ in 0..k {
        let key = c.string()?;
        let at = c.pos;
        let idx = c.u32()?;
        if idx as usize >= places.len() {
            return Err(GazetteerError::Decode {
                offset: at,
                reason: "place index out of range".into(),
            });
        }
        keys.push((key, idx));
    }
    Ok((places, keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_deterministic() {
        let places = vec![RawPlace {
            kind: PlaceKind::City,
            cc: *b"PT",
            id: 42,
            population: 123_456,
            name: "Évora Nova".into(),
            admin1: "Alentejo".into(),
        }];
        let keys = vec![("evora nova".to_string(), 0)];
        let a = encode(&places, &keys).unwrap();
        let b = encode(&places, &keys).unwrap();
        assert_eq!(a, b);
        let (p2, k2) = decode(&a).unwrap();
        assert_eq!(p2, places);
        assert_eq!(k2, keys);
    }

    #[test]
    fn rejects_garbage_without_panicking() {
        assert!(decode(b"not gzip at all").is_err());
        let good = encode(&[], &[]).unwrap();
        assert!(decode(&good[..good.len() / 2]).is_err());
    }
}
