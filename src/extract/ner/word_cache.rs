//! A per-thread cache of everything the recognizer derives from a word alone: its descriptors
//! with word clusters ([`TokenInfo`]) and the summed weight rows of its word features (bias,
//! word, shapes, affixes; see `features::word_features`).
//!
//! News text is Zipfian: a few thousand word forms make up most tokens, and computing these
//! costs about 15 hashes and 14 table lookups per token. The cache is direct-mapped and
//! compares the full word bytes, so a hit returns exactly what computing would return; it is
//! tied to one model's weights and clusters through their ids ([`model_id`]).

use std::sync::atomic::{AtomicU64, Ordering};

use super::features::TokenInfo;
use super::model::Scores;
use super::word_ids::WordIds;

/// Number of cached words (a power of two), about 10 MB per thread. On the Reuters-21578
/// bodies 2^13 slots miss on 13.5% of tokens, 2^15 on 6.5%, 2^16 on 4.7%; 2^15 was ~4% faster
/// overall than 2^14.
const SLOTS: usize = 1 << 15;
/// Longest cached word in bytes; longer (rare) words are computed every time.
const MAX_WORD: usize = 24;

/// A fresh model-part id (weights, clusters), never 0: 0 is kept for empty defaults, which
/// all behave the same.
pub(crate) fn model_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What a word alone determines.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordEntry {
    /// Descriptors, with cluster ids filled in.
    pub info: TokenInfo,
    /// Sum of the weight rows of the word features, in feature order from zero.
    pub prefix: Scores,
    /// Row ids of the features of this word as a neighbour or as itself.
    pub ids: WordIds,
}

#[derive(Debug, Clone, Copy, Default)]
#[repr(align(64))]
struct Slot {
    /// Word length in bytes; 0 = empty slot.
    len: u8,
    word: [u8; MAX_WORD],
    entry: WordEntry,
}

/// Direct-mapped word → [`WordEntry`] cache, valid for one (weights id, clusters id) pair.
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    slots: Vec<Slot>,
    owner: (u64, u64),
}

impl WordCache {
    /// Empties the cache unless it already belongs to the model with these part ids.
    pub(crate) fn use_model(&mut self, owner: (u64, u64)) {
        if self.owner != owner || self.slots.is_empty() {
            self.slots.clear();
            self.slots.resize(SLOTS, Slot::default());
            self.owner = owner;
        }
    }

    /// Hints the CPU to load `word`'s slot (call a few words ahead of [`WordCache::get`]).
    #[inline]
    pub(crate) fn prefetch(&self, word: &str) {
        if let Some(s) = self.slots.get(slot_of(word.as_bytes())) {
            // A slot spans several cache lines; ask for all of them.
            super::prefetch::prefetch_all(s);
        }
    }

    /// The entry of `word`, from the cache or from `compute` (whose result is then cached;
    /// words too long to cache are computed into `spare`).
    #[inline]
    pub(crate) fn get<'a>(
        &'a mut self,
        word: &str,
        spare: &'a mut WordEntry,
        compute: impl FnOnce() -> WordEntry,
    ) -> &'a WordEntry {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > MAX_WORD || self.slots.is_empty() {
            *spare = compute();
            return spare;
        }
        let i = slot_of(b);
        let s = &mut self.slots[i];
        if usize::from(s.len) != b.len() || &s.word[..b.len()] != b {
            s.entry = compute();
            s.len = b.len() as u8;
            s.word[..b.len()].copy_from_slice(b);
        }
        &s.entry
    }
}

/// Slot index of a word: FNV-1a over its bytes, high bits.
#[inline]
fn slot_of(b: &[u8]) -> usize {
    let mut h = super::hash::FNV_OFFSET;
    for &c in b {
        h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h >> 40) as usize & (SLOTS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(x: i32) -> WordEntry {
        WordEntry {
            prefix: [x; 16],
            ..WordEntry::default()
        }
    }

    #[test]
    fn hits_only_the_same_word_and_model() {
        let mut c = WordCache::default();
        let mut sp = WordEntry::default();
        c.use_model((1, 2));
        c.prefetch("Gdansk");
        assert_eq!(c.get("Gdansk", &mut sp, || entry(1)).prefix[0], 1);
        assert_eq!(c.get("Gdansk", &mut sp, || entry(9)).prefix[0], 1);
        assert_eq!(c.get("gdansk", &mut sp, || entry(2)).prefix[0], 2);
        let long = "Llanfairpwllgwyngyllgogerychwyrndrobwll";
        assert_eq!(c.get(long, &mut sp, || entry(3)).prefix[0], 3);
        assert_eq!(c.get(long, &mut sp, || entry(4)).prefix[0], 4);
        c.use_model((1, 2));
        assert_eq!(c.get("Gdansk", &mut sp, || entry(9)).prefix[0], 1);
        c.use_model((1, 3));
        assert_eq!(c.get("Gdansk", &mut sp, || entry(5)).prefix[0], 5);
        assert_ne!(model_id(), model_id());
    }
}
