//! A read-only open-addressing hash table from non-zero 32-bit keys to 32-bit values.
//!
//! Keys are already avalanche-hashed feature keys, so the slot is the key's low bits; linear
//! probing on a table at most half full keeps lookups to one or two cache lines.

/// Map from non-zero `u32` keys to `u32` values.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyTable {
    keys: Vec<u32>,
    vals: Vec<u32>,
    mask: usize,
}

impl KeyTable {
    /// Builds a table from `(key, value)` pairs; key 0 is skipped and duplicate keys keep the
    /// last value.
    pub(crate) fn build(pairs: impl ExactSizeIterator<Item = (u32, u32)>) -> KeyTable {
        let cap = (pairs.len() * 2).next_power_of_two().max(16);
        let mut t = KeyTable {
            keys: vec![0; cap],
            vals: vec![0; cap],
            mask: cap - 1,
        };
        for (k, v) in pairs {
            if k == 0 {
                continue;
            }
            let mut i = k as usize & t.mask;
            while t.keys[i] != 0 && t.keys[i] != k {
                i = (i + 1) & t.mask;
            }
            t.keys[i] = k;
            t.vals[i] = v;
        }
        t
    }

    /// The value of `key`, if present.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<u32> {
        if self.keys.is_empty() {
            return None;
        }
        let mut i = key as usize & self.mask;
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.vals[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
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
    }
}
