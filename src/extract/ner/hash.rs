//! Allocation-free hashing of token text and feature templates.
//!
//! Every feature the recognizer uses is a 32-bit key: a template id mixed with one or more
//! 64-bit value hashes (word, shape, prefix, ...). Hashing lowercased text char by char means the
//! hot path never builds a `String`. Collisions among the few hundred thousand surviving keys in a
//! 2^32 space are rare and only blur one weight row.

/// FNV-1a 64-bit offset basis (Fowler–Noll–Vo).
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Folds one Unicode scalar into an FNV-1a state (one step per char, not per byte).
#[inline]
pub(crate) fn fnv_char(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(FNV_PRIME)
}

/// FNV-1a over the chars of `s`, lowercased (full Unicode lowercase, ASCII fast path).
#[inline]
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for c in s.chars() {
        if c.is_ascii() {
            h = fnv_char(h, c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                h = fnv_char(h, l);
            }
        }
    }
    h
}

/// Finalizer of splitmix64: spreads all input bits over the output.
#[inline]
pub(crate) fn avalanche(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes order-sensitively (phrase hashes, conjunction features).
#[inline]
pub(crate) fn combine(a: u64, b: u64) -> u64 {
    avalanche(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The 32-bit feature key of template `template` applied to value hash `v`; never 0, because 0
/// marks an empty slot of the weight table.
#[inline]
pub(crate) fn feature_key(template: u32, v: u64) -> u32 {
    let h = avalanche(v ^ (u64::from(template) << 40).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let k = (h >> 32) as u32 ^ h as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_ignores_case_including_non_ascii() {
        assert_eq!(hash_lower("Seoul"), hash_lower("SEOUL"));
        assert_eq!(hash_lower("Łódź"), hash_lower("ŁÓDŹ"));
        assert_ne!(hash_lower("Seoul"), hash_lower("Seou"));
    }

    #[test]
    fn feature_keys_differ_by_template_and_are_nonzero() {
        let v = hash_lower("paris");
        assert_ne!(feature_key(1, v), feature_key(2, v));
        assert_ne!(feature_key(1, v), 0);
        assert_ne!(combine(1, 2), combine(2, 1));
    }
}
