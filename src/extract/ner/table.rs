//! A read-only open-addressing hash table from non-zero 32-bit keys to 32-bit values.
//!
//! Keys are already avalanche-hashed feature keys, so the slot is the key's low bits; linear
//! probing on a table at most half full keeps lookups to one or two probes. Each slot packs its
//! key and value into one `u64`, so a probe touches one cache line, not one per array (the
//! weight lookups of the tagger are bound by cache misses, not arithmetic).

/// Map from non-zero `u32` keys to `u32` values.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyTable {
    /// `key | value << 32`; key 0 marks an empty slot.
    slots: Vec<u64>,
    mask: usize,
}

impl KeyTable {
    /// Builds a table from `(key, value)` pairs; key 0 is skipped and duplicate keys keep the
    /// last value.
    pub(crate) fn build(pairs: impl ExactSizeIterator<Item = (u32, u32)>) -> KeyTable {
        let cap = (pairs.len() * 2).next_power_of_two().max(16);
        let mut t = KeyTable {
            slots: vec![0; cap],
            mask: cap - 1,
        };
        for (k, v) in pairs {
            if k == 0 {
                continue;
            }
            let mut i = k as usize & t.mask;
            while t.slots[i] as u32 != 0 && t.slots[i] as u32 != k {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = u64::from(k) | u64::from(v) << 32;
        }
        t
    }

    /// The value of `key`, if present.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s as u32 == key {
                return Some((s >> 32) as u32);
            }
            if s as u32 == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Hints the CPU to start loading the home slot of `key`, so a batch of lookups overlaps
    /// its cache misses instead of paying them one after another.
    #[inline]
    pub(crate) fn prefetch(&self, key: u32) {
        if let Some(s) = self.slots.get(key as usize & self.mask) {
            super::prefetch::prefetch(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_with_collisions_on_low_bits() {
        let t = KeyTable::build([(16u32, 1u32), (32, 2), (48, 3), (7, 4)].into_iter());
        assert_eq!(t.get(32), Some(2));
        assert_eq!(t.get(48), Some(3));
        assert_eq!(t.get(7), Some(4));
        assert_eq!(t.get(64), None);
        assert_eq!(KeyTable::default().get(5), None);
        t.prefetch(48);
        KeyTable::default().prefetch(5);
    }

    #[test]
    fn values_use_all_32_bits() {
        let t = KeyTable::build([(5u32, u32::MAX), (21, 0)].into_iter());
        assert_eq!(t.get(5), Some(u32::MAX));
        assert_eq!(t.get(21), Some(0));
    }
}
