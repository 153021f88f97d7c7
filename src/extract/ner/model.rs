//! The model file: perceptron weights and gazetteer in one compact binary, optionally gzipped.
//!
//! Layout (all integers LEB128 varints unless noted): magic `DLNER01\n`; number of tags; weight
//! scale (f32 LE); feature count; per feature (sorted by key) the key delta, a bit mask of the
//! tags with non-zero weight and each such weight as a zigzag i16 multiple of the scale;
//! gazetteer phrase count; per phrase the key delta and a category mask (varint); clustered word
//! count; per word the key delta and `fine << 8 | coarse` (u16 LE); truecasing word count; per
//! word the key delta. Weights are
//! quantized to 16 bits and tiny ones pruned, which with gzip keeps the file a few MB.

use std::io::Read;

use super::clusters::Clusters;
use super::gazetteer::Gazetteer;
use super::labels::NUM_TAGS;
use super::table::KeyTable;
use super::NerError;

const MAGIC: &[u8; 8] = b"DLNER01\n";

/// Scores of tags 1..`NUM_TAGS` (all but `O`) minus the score of `O`, in units of the model's
/// weight scale. Relative scores rank the tags exactly as the absolute ones do (`O` scores 0),
/// and integer sums do not depend on their order, so a score may be assembled from partial
/// sums in any grouping and still equal the sum of its feature rows from zero.
pub(crate) type Scores = [i32; NUM_TAGS - 1];

/// One feature's weights as [`Scores`] lanes (tag minus `O`), when they all fit in `i16`:
/// half a cache line, so the model's rows take 3.4 MB and a row read is one line.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Row([i16; NUM_TAGS - 1]);

/// Perceptron weights: feature key → one row of relative tag scores ([`Scores`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    table: KeyTable,
    /// Row ids below `rows.len()` index here ...
    rows: Vec<Row>,
    /// ... and the few rows whose relative weights overflow `i16` follow as `i32`.
    wide: Vec<Scores>,
    /// Sparse quantized form kept for re-serialization: (key, per-tag i16), and the scale.
    quant: Vec<(u32, [i16; NUM_TAGS])>,
    scale: f32,
    /// Identity of these weights for per-thread caches (0 for the empty default).
    id: u64,
}

/// Features resolved per batch in [`Weights::add`]: enough for one token's features.
const BATCH: usize = 64;

impl Weights {
    /// Quantizes dense rows to i16 multiples of `max|w| / 32767`, dropping weights whose
    /// magnitude is below `prune` and rows left empty.
    pub(crate) fn quantize(rows: Vec<(u32, [f32; NUM_TAGS])>, prune: f32) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut quant: Vec<(u32, [i16; NUM_TAGS])> = rows
            .into_iter()
            .filter_map(|(k, r)| {
                let mut q = [0i16; NUM_TAGS];
                for (d, w) in q.iter_mut().zip(r) {
                    if w.abs() >= prune {
                        *d = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                    }
                }
                q.iter().any(|&v| v != 0).then_some((k, q))
            })
            .collect();
        quant.sort_unstable_by_key(|e| e.0);
        quant.dedup_by_key(|e| e.0);
        Weights::from_quant(quant, scale)
    }

    fn from_quant(quant: Vec<(u32, [i16; NUM_TAGS])>, scale: f32) -> Weights {
        let relative = |q: &[i16; NUM_TAGS]| -> Scores {
            let mut r = [0i32; NUM_TAGS - 1];
            for (d, &v) in r.iter_mut().zip(&q[1..]) {
                *d = i32::from(v) - i32::from(q[0]);
            }
            r
        };
        let (mut rows, mut wide, mut narrow_keys, mut wide_keys) = (vec![], vec![], vec![], vec![]);
        for (k, q) in &quant {
            let r = relative(q);
            if r.iter().all(|&v| i16::try_from(v).is_ok()) {
                rows.push(Row(r.map(|v| v as i16)));
                narrow_keys.push(*k);
            } else {
                wide.push(r);
                wide_keys.push(*k);
            }
        }
        let ids = narrow_keys.into_iter().chain(wide_keys).zip(0u32..);
        let table = KeyTable::build(ids.collect::<Vec<_>>().into_iter());
        Weights {
            table,
            rows,
            wide,
            quant,
            scale,
            id: super::word_cache::model_id(),
        }
    }

    /// Number of feature rows.
    pub(crate) fn len(&self) -> usize {
        self.quant.len()
    }

    /// Identity of these weights (fresh per construction, shared by clones).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Sets `scores` to the summed weight rows of `feats` (unknown features add nothing).
    #[inline]
    pub(crate) fn score(&self, feats: &[u32], scores: &mut Scores) {
        *scores = [0; NUM_TAGS - 1];
        self.add(feats, scores);
    }

    /// The real-valued score of tag `t` relative to `O` that `scores` stands for.
    #[cfg(test)]
    pub(crate) fn to_real(&self, scores: &Scores, t: usize) -> f32 {
        t.checked_sub(1)
            .and_then(|k| scores.get(k))
            .map_or(0.0, |&v| v as f32 * self.scale)
    }

    /// Row id of feature `key`, or `u32::MAX` if the model has no row for it.
    #[inline]
    pub(crate) fn id_of(&self, key: u32) -> u32 {
        self.table.get(key).unwrap_or(u32::MAX)
    }

    /// Row ids of `feats` in order, appended to `ids` (`u32::MAX` for an unknown feature).
    ///
    /// Meant for a whole sentence's features at once: slots are prefetched a fixed distance
    /// ahead of their probe and rows as soon as they are found, so the cache misses of many
    /// tokens overlap (the tagger is bound by these misses, not by arithmetic).
    pub(crate) fn resolve(&self, feats: &[u32], ids: &mut Vec<u32>) {
        const AHEAD: usize = 24;
        for &f in feats.iter().take(AHEAD) {
            self.table.prefetch(f);
        }
        for (j, &f) in feats.iter().enumerate() {
            if let Some(&g) = feats.get(j + AHEAD) {
                self.table.prefetch(g);
            }
            match self.table.get(f) {
                Some(r) => {
                    if let Some(row) = self.rows.get(r as usize) {
                        super::prefetch::prefetch(row);
                    }
                    ids.push(r);
                }
                None => ids.push(u32::MAX),
            }
        }
    }

    /// Hints the CPU to load the rows `ids` (unknown ids are skipped).
    #[inline]
    pub(crate) fn prefetch_rows(&self, ids: &[u32]) {
        for &r in ids {
            if let Some(row) = self.rows.get(r as usize) {
                super::prefetch::prefetch(row);
            }
        }
    }

    /// Adds the rows [`Weights::resolve`] found to `scores` (unknown ids add nothing); the
    /// same sums as [`Weights::add`] of the features.
    #[inline]
    pub(crate) fn add_rows(&self, ids: &[u32], scores: &mut Scores) {
        for &r in ids {
            self.add_row(r, scores);
        }
    }

    /// Adds row `r` to `scores` (an unknown id adds nothing).
    #[inline]
    pub(crate) fn add_row(&self, r: u32, scores: &mut Scores) {
        if let Some(row) = self.rows.get(r as usize) {
            for (s, &x) in scores.iter_mut().zip(&row.0) {
                *s += i32::from(x);
            }
        } else if let Some(row) = (r as usize)
            .checked_sub(self.rows.len())
            .and_then(|k| self.wide.get(k))
        {
            add_scores(scores, row);
        }
    }

    /// Adds the weight rows of `feats` to `scores` (unknown features add nothing).
    ///
    /// Sums are exact integers, so a score split into parts (a word's own features cached,
    /// a context's added later) equals the whole sum: the tagger relies on this.
    #[inline]
    pub(crate) fn add(&self, feats: &[u32], scores: &mut Scores) {
        let mut ids = [0u32; BATCH];
        for chunk in feats.chunks(BATCH) {
            for &f in chunk {
                self.table.prefetch(f);
            }
            let mut n = 0;
            for &f in chunk {
                if let Some(r) = self.table.get(f) {
                    if let Some(row) = self.rows.get(r as usize) {
                        super::prefetch::prefetch(row);
                    }
                    ids[n] = r;
                    n += 1;
                }
            }
            self.add_rows(&ids[..n], scores);
        }
    }
}

/// `a += b`, lane by lane.
#[inline]
pub(crate) fn add_scores(a: &mut Scores, b: &Scores) {
    for (x, &y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl Reader<'_> {
    fn bad(&self, what: &str) -> NerError {
        NerError::Model(format!("{what} at byte {}", self.p))
    }

    fn byte(&mut self) -> Result<u8, NerError> {
        let v = *self.b.get(self.p).ok_or_else(|| self.bad("truncated"))?;
        self.p += 1;
        Ok(v)
    }

    fn varint(&mut self) -> Result<u64, NerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.bad("overlong varint"))
    }

    fn u32v(&mut self) -> Result<u32, NerError> {
        u32::try_from(self.varint()?).map_err(|_| self.bad("value out of range"))
    }

    /// A count that cannot exceed the bytes left (each item takes at least one byte).
    fn count(&mut self) -> Result<usize, NerError> {
        let n = self.varint()? as usize;
        if n > self.b.len() - self.p {
            return Err(self.bad("count larger than file"));
        }
        Ok(n)
    }
}

/// Serializes weights and gazetteer, gzip-compressed.
pub(crate) fn encode(w: &Weights, gaz: &Gazetteer, cl: &Clusters) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, NUM_TAGS as u64);
    out.extend_from_slice(&w.scale.to_le_bytes());
    put_varint(&mut out, w.quant.len() as u64);
    let mut prev = 0u32;
    for (k, q) in &w.quant {
        put_varint(&mut out, u64::from(k - prev));
        prev = *k;
        let mask = q
            .iter()
            .enumerate()
            .fold(0u64, |m, (i, &v)| m | (u64::from(v != 0) << i));
        put_varint(&mut out, mask);
        for &v in q.iter().filter(|&&v| v != 0) {
            put_varint(
                &mut out,
                ((i64::from(v) << 1) ^ (i64::from(v) >> 63)) as u64,
            );
        }
    }
    put_varint(&mut out, gaz.entries.len() as u64);
    let mut prev = 0u32;
    for &(k, m) in &gaz.entries {
        put_varint(&mut out, u64::from(k - prev));
        prev = k;
        put_varint(&mut out, u64::from(m));
    }
    put_varint(&mut out, cl.entries.len() as u64);
    let mut prev = 0u32;
    for &(k, v) in &cl.entries {
        put_varint(&mut out, u64::from(k - prev));
        prev = k;
        out.extend_from_slice(&v.to_le_bytes());
    }
    put_varint(&mut out, cl.common.len() as u64);
    let mut prev = 0u32;
    for &k in &cl.common {
        put_varint(&mut out, u64::from(k - prev));
        prev = k;
    }
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = std::io::Write::write_all(&mut enc, &out);
    enc.finish().unwrap_or_default()
}

/// Decodes [`encode`]'s output (gzipped or raw).
///
/// Errors: [`NerError::Model`] naming the byte offset of a truncated or malformed field.
pub(crate) fn decode(bytes: &[u8]) -> Result<(Weights, Gazetteer, Clusters), NerError> {
    let raw;
    let b = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut v = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut v)
            .map_err(|e| NerError::Model(format!("gzip: {e}")))?;
        raw = v;
        &raw[..]
    } else {
        bytes
    };
    if !b.starts_with(MAGIC) {
        return Err(NerError::Model(
            "not a dateline NER model (bad magic)".into(),
        ));
    }
    let mut r = Reader { b, p: MAGIC.len() };
    if r.varint()? != NUM_TAGS as u64 {
        return Err(r.bad("tag count mismatch"));
    }
    let sb = [r.byte()?, r.byte()?, r.byte()?, r.byte()?];
    let scale = f32::from_le_bytes(sb);
    if !scale.is_finite() || scale <= 0.0 {
        return Err(r.bad("bad scale"));
    }
    let n = r.count()?;
    let mut quant = Vec::with_capacity(n);
    let mut key = 0u32;
    for _ in 0..n {
        key = key
            .checked_add(r.u32v()?)
            .ok_or_else(|| r.bad("key overflow"))?;
        let mask = r.varint()?;
        if mask >> NUM_TAGS != 0 {
            return Err(r.bad("bad tag mask"));
        }
        let mut q = [0i16; NUM_TAGS];
        for (i, d) in q.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                let z = r.varint()?;
                let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
                *d = i16::try_from(v).map_err(|_| r.bad("weight out of range"))?;
            }
        }
        quant.push((key, q));
    }
    let n = r.count()?;
    let mut entries = Vec::with_capacity(n);
    let mut key = 0u32;
    for _ in 0..n {
        key = key
            .checked_add(r.u32v()?)
            .ok_or_else(|| r.bad("key overflow"))?;
        let m = u16::try_from(r.varint()?).map_err(|_| r.bad("bad category mask"))?;
        entries.push((key, m));
    }
    let n = r.count()?;
    let mut clusters = Vec::with_capacity(n);
    let mut key = 0u32;
    for _ in 0..n {
        key = key
            .checked_add(r.u32v()?)
            .ok_or_else(|| r.bad("key overflow"))?;
        clusters.push((key, u16::from_le_bytes([r.byte()?, r.byte()?])));
    }
    let n = r.count()?;
    let mut common = Vec::with_capacity(n);
    let mut key = 0u32;
    for _ in 0..n {
        key = key
            .checked_add(r.u32v()?)
            .ok_or_else(|| r.bad("key overflow"))?;
        common.push(key);
    }
    if r.p != b.len() {
        return Err(r.bad("trailing bytes"));
    }
    Ok((
        Weights::from_quant(quant, scale),
        Gazetteer::from_entries(entries),
        Clusters::from_entries(clusters, common),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::{from_names, CAT_CITY};
    use super::*;

    #[test]
    fn rows_too_wide_for_i16_keep_exact_sums() {
        let mut wide = [0f32; NUM_TAGS];
        wide[0] = -1.0;
        wide[1] = 1.0;
        let mut narrow = [0f32; NUM_TAGS];
        narrow[1] = 0.5;
        let w = Weights::quantize(vec![(3, wide), (8, narrow)], 0.0);
        assert_eq!((w.rows.len(), w.wide.len()), (1, 1));
        let mut s = [0; NUM_TAGS - 1];
        w.score(&[3, 8, 3, 99], &mut s);
        // Tag 1 minus O: 2 + 0.5 + 2, in units of the scale (1 / 32767).
        assert_eq!(s[0], 2 * 65534 + 16384);
        assert_eq!(s[1], 2 * 32767);
    }

    #[test]
    fn round_trip_and_corruption() {
        let mut r1 = [0f32; NUM_TAGS];
        r1[0] = 2.0;
        r1[5] = -1.0;
        r1[6] = 0.0001;
        let w = Weights::quantize(vec![(42, r1), (7, [0.0; NUM_TAGS])], 0.001);
        assert_eq!(w.len(), 1);
        let g = from_names(&[("Oslo", CAT_CITY)]);
        let cl = Clusters::from_entries(vec![(9, 0x0102)], vec![5, 3]);
        let bytes = encode(&w, &g, &cl);
        let (w2, g2, c2) = decode(&bytes).unwrap();
        assert_eq!(c2.entries, vec![(9, 0x0102)]);
        assert_eq!(c2.common, vec![3, 5]);
        let mut s = [0; NUM_TAGS - 1];
        w2.score(&[42, 42, 9], &mut s);
        // Relative to O: tag 5 is -2 - 4, tag 6 (pruned) 0 - 4.
        assert_eq!(w2.to_real(&s, 0), 0.0);
        assert!((w2.to_real(&s, 5) + 6.0).abs() < 1e-3, "{s:?}");
        assert!((w2.to_real(&s, 6) + 4.0).abs() < 1e-3, "{s:?}");
        assert_eq!(g2.len(), 1);
        assert!(decode(b"nonsense").is_err());
        let (wr, gr) = (w2, g2);
        let cl = c2;
        let raw = {
            let mut v = Vec::new();
            flate2::read::GzDecoder::new(&encode(&wr, &gr, &cl)[..])
                .read_to_end(&mut v)
                .unwrap();
            v
        };
        assert!(decode(&raw[..raw.len() - 1]).is_err());
    }
}
