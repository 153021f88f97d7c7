//! Feature extraction: per-token hashed descriptors and the feature templates of the tagger.
//!
//! Templates follow Ratinov & Roth (2009, "Design challenges and misconceptions in NER"):
//! lowercased word and its ±2 context, word shape, prefixes/suffixes up to 4, capitalization
//! patterns of the sentence, gazetteer matches, and the entity type the same word received
//! earlier in the document ("extended prediction history"). Features are 32-bit keys (see
//! `hash.rs`); nothing here allocates per token.

use super::gazetteer::GazCodes;
use super::hash::{combine, feature_key, fnv_char, hash_lower, FNV_OFFSET};

/// Token has an uppercase first char.
pub(crate) const F_INIT_CAP: u8 = 1;
/// Token has letters and none lowercase.
pub(crate) const F_ALL_CAPS: u8 = 2;
/// Token has a digit.
pub(crate) const F_DIGIT: u8 = 4;
/// Token has a lowercase first char.
pub(crate) const F_INIT_LOWER: u8 = 8;
/// Token has no letter or digit.
pub(crate) const F_PUNCT: u8 = 16;
/// Token is one of the [`PARTICLES`], written in lower case.
pub(crate) const F_PARTICLE: u8 = 32;

/// Token is one of the [`CAPITALIZED_FUNCTION_WORDS`] with only its first letter capitalized.
pub(crate) const F_FUNCTION: u8 = 64;

/// Words capitalized only by position (a sentence's first word) or by convention (months,
/// weekdays), never the start of a name when no capitalized word stands next to them: "The
/// company said", "It rose", "March 4", "on Monday the". Reuters-21578 has 130,000 such
/// tokens; the recognizer leaves them and their neighbours unscored (`tagger::has_capital`).
/// Single letters are left out ("A. Smith").
pub(crate) const CAPITALIZED_FUNCTION_WORDS: &[&str] = &[
    "after",
    "also",
    "although",
    "an",
    "and",
    "another",
    "april",
    "as",
    "at",
    "august",
    "before",
    "both",
    "but",
    "december",
    "despite",
    "during",
    "each",
    "earlier",
    "february",
    "for",
    "friday",
    "from",
    "he",
    "her",
    "his",
    "however",
    "if",
    "in",
    "its",
    "january",
    "july",
    "june",
    "last",
    "later",
    "many",
    "march",
    "meanwhile",
    "monday",
    "most",
    "november",
    "october",
    "on",
    "or",
    "other",
    "our",
    "saturday",
    "september",
    "she",
    "since",
    "some",
    "such",
    "sunday",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thursday",
    "to",
    "tuesday",
    "under",
    "we",
    "wednesday",
    "when",
    "while",
    "with",
    "without",
    "you",
];

/// Particles that may open a name in lower case: "de Klerk", "van Gogh", "bin Salman".
pub(crate) const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "ten", "ter", "van", "von", "zu",
];

/// [`hash_lower`] of each of the [`PARTICLES`].
fn particle_hashes() -> &'static [u64] {
    static H: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    H.get_or_init(|| PARTICLES.iter().map(|p| hash_lower(p)).collect())
}

/// [`hash_lower`] of each of the [`CAPITALIZED_FUNCTION_WORDS`], sorted.
fn function_hashes() -> &'static [u64] {
    static H: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    H.get_or_init(|| {
        let mut h: Vec<u64> = CAPITALIZED_FUNCTION_WORDS
            .iter()
            .map(|w| hash_lower(w))
            .collect();
        h.sort_unstable();
        h
    })
}

/// Hashed descriptors of one token, computed once and shared by all templates.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    /// Hash of the lowercased token.
    pub lower: u64,
    /// Hash of the token as written.
    pub exact: u64,
    /// Hash of the shape with runs capped at 4 ("Xxxx", "X.X.", "dddd-dd-dd").
    pub shape: u64,
    /// Hash of the shape with runs collapsed ("Xx", "X.X.", "d-d-d").
    pub short_shape: u64,
    /// Hashes of the lowercased prefixes of 1..=4 chars.
    pub prefix: [u64; 4],
    /// Hashes of the lowercased suffixes of 1..=4 chars.
    pub suffix: [u64; 4],
    /// Length in chars, saturating at 255.
    pub nchars: u8,
    /// `F_*` bits.
    pub flags: u8,
    /// 1 + fine word cluster, or 0 if the word was not clustered.
    pub fine: u16,
    /// 1 + coarse word cluster, or 0.
    pub coarse: u16,
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Computes the descriptors of `word`.
pub(crate) fn token_info(word: &str) -> TokenInfo {
    token_info_with(word, false)
}

/// Computes the descriptors of `word`, or of its lowercased form when `lowered` (truecasing a
/// Title Case headline) without building the lowercased string.
pub(crate) fn token_info_with(word: &str, lowered: bool) -> TokenInfo {
    let fold = |c: char| {
        if lowered {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        }
    };
    let mut t = TokenInfo {
        lower: hash_lower(word),
        ..TokenInfo::default()
    };
    let (mut exact, mut shape, mut short) = (FNV_OFFSET, FNV_OFFSET, FNV_OFFSET);
    let (mut pre, mut last, mut run) = (FNV_OFFSET, '\0', 0u32);
    let (mut n, mut letters, mut lowers, mut alnum) = (0usize, 0, 0, 0);
    for c in word.chars().map(fold) {
        exact = fnv_char(exact, c);
        let lc = c.to_lowercase().next().unwrap_or(c);
        if n < 4 {
            pre = fnv_char(pre, lc);
            t.prefix[n] = pre;
        }
        if n == 0 {
            if c.is_uppercase() {
                t.flags |= F_INIT_CAP;
            } else if c.is_lowercase() {
                t.flags |= F_INIT_LOWER;
            }
        }
        let s = shape_char(c);
        if s == last {
            run += 1;
        } else {
            run = 1;
            short = fnv_char(short, s);
        }
        if run <= 4 {
            shape = fnv_char(shape, s);
        }
        last = s;
        letters += usize::from(c.is_alphabetic());
        lowers += usize::from(c.is_lowercase());
        alnum += usize::from(c.is_alphanumeric());
        if c.is_numeric() {
            t.flags |= F_DIGIT;
        }
        n += 1;
    }
    if letters > 0 && lowers == 0 {
        t.flags |= F_ALL_CAPS;
    }
    if alnum == 0 {
        t.flags |= F_PUNCT;
    }
    if t.flags & F_INIT_LOWER != 0 && lowers == n && n <= 5 && particle_hashes().contains(&t.lower)
    {
        t.flags |= F_PARTICLE;
    }
    if t.flags & (F_INIT_CAP | F_ALL_CAPS) == F_INIT_CAP
        && function_hashes().binary_search(&t.lower).is_ok()
    {
        t.flags |= F_FUNCTION;
    }
    let mut suf = FNV_OFFSET;
    for (k, c) in word.chars().rev().take(4).map(fold).enumerate() {
        suf = fnv_char(suf, c.to_lowercase().next().unwrap_or(c));
        t.suffix[k] = suf;
    }
    t.exact = exact;
    t.shape = shape;
    t.short_shape = short;
    t.nchars = n.min(255) as u8;
    t
}

/// Capitalization pattern of a whole sentence, a strong cue in headlines and datelines.
pub(crate) fn sentence_case(infos: &[TokenInfo]) -> u64 {
    let (mut words, mut caps, mut lower) = (0, 0, 0);
    for t in infos {
        if t.flags & (F_INIT_CAP | F_INIT_LOWER) != 0 {
            words += 1;
            caps += usize::from(t.flags & F_ALL_CAPS != 0 && t.nchars > 1);
            lower += usize::from(t.flags & F_INIT_LOWER != 0);
        }
    }
    if words < 2 {
        0
    } else if caps * 2 > words {
        2 // mostly ALL CAPS: headline or dateline
    } else if lower * 5 < words {
        1 // Title Case
    } else {
        0
    }
}

pub(crate) const BOS: u64 = 0x5eed_0001;
pub(crate) const EOS: u64 = 0x5eed_0002;

/// Attribute `f` of the token at position `j` of sentence `s`, or the boundary pseudo-values
/// [`BOS`] before it and [`EOS`] after it: the context templates' view of a neighbour.
#[inline]
pub(crate) fn attr_at(s: &[TokenInfo], j: isize, f: impl Fn(&TokenInfo) -> u64) -> u64 {
    if j < 0 {
        BOS
    } else {
        s.get(j as usize).map_or(EOS, f)
    }
}

// Template ids; changing any of them invalidates trained models.
pub(crate) const T_BIAS: u32 = 1;
pub(crate) const T_LOWER: u32 = 2;
pub(crate) const T_EXACT: u32 = 3;
pub(crate) const T_SHAPE: u32 = 4;
pub(crate) const T_SSHAPE: u32 = 5;
pub(crate) const T_PRE: u32 = 6; // ..=9
pub(crate) const T_SUF: u32 = 10; // ..=13
pub(crate) const T_L_M1: u32 = 14;
pub(crate) const T_L_M2: u32 = 15;
pub(crate) const T_L_P1: u32 = 16;
pub(crate) const T_L_P2: u32 = 17;
pub(crate) const T_S_M1: u32 = 18;
pub(crate) const T_S_P1: u32 = 19;
pub(crate) const T_S_M1_0: u32 = 20;
pub(crate) const T_S_0_P1: u32 = 21;
pub(crate) const T_BI_M1: u32 = 22;
pub(crate) const T_BI_P1: u32 = 23;
pub(crate) const T_FIRST: u32 = 24;
pub(crate) const T_SCASE: u32 = 25;
pub(crate) const T_SCASE_L: u32 = 26;
pub(crate) const T_GAZ: u32 = 27;
pub(crate) const T_GAZ_M1: u32 = 28;
pub(crate) const T_GAZ_P1: u32 = 29;
pub(crate) const T_HIST: u32 = 30;
pub(crate) const T_HIST_S: u32 = 31;
pub(crate) const T_PT1: u32 = 32;
pub(crate) const T_PT12: u32 = 33;
pub(crate) const T_PT1_L: u32 = 34;
pub(crate) const T_PT1_S: u32 = 35;
pub(crate) const T_GAZ_S: u32 = 36;
pub(crate) const T_SUF_M1: u32 = 37;
pub(crate) const T_L_M1_S: u32 = 38;
pub(crate) const T_CF: u32 = 39;
pub(crate) const T_CC: u32 = 40;
pub(crate) const T_CF_M1: u32 = 41;
pub(crate) const T_CF_P1: u32 = 42;
pub(crate) const T_CC_M1: u32 = 43;
pub(crate) const T_CC_P1: u32 = 44;
pub(crate) const T_CF_S: u32 = 45;
pub(crate) const T_HIST_M1: u32 = 46;
pub(crate) const T_HIST_P1: u32 = 47;
pub(crate) const T_S_M2: u32 = 48;
pub(crate) const T_S_P2: u32 = 49;
pub(crate) const T_SUF_P1: u32 = 50;
pub(crate) const T_CF_M2: u32 = 51;
pub(crate) const T_CF_P2: u32 = 52;
pub(crate) const T_PT1_CF: u32 = 53;
pub(crate) const T_PT1_LM1: u32 = 54;

/// Appends the features of token `i` that do not depend on the tags of this sentence:
/// [`base_features`] then [`hist_features`].
///
/// `hist[j]` is 0, or 1 + the entity type word `j` most often received earlier in the document.
pub(crate) fn static_features(
    s: &[TokenInfo],
    gaz: &[GazCodes],
    i: usize,
    scase: u64,
    hist: &[u8],
    out: &mut Vec<u32>,
) {
    base_features(s, gaz, i, scase, out);
    hist_features(s, i, hist, out);
}

/// Appends the features of token `i` that depend only on the sentence itself (words, case
/// class, gazetteer codes): identical in both passes, so the tagger scores them once.
/// [`word_features`] then [`context_features`].
pub(crate) fn base_features(
    s: &[TokenInfo],
    gaz: &[GazCodes],
    i: usize,
    scase: u64,
    out: &mut Vec<u32>,
) {
    word_features(&s[i], out);
    context_features(s, gaz, i, scase, out);
}

/// Appends the first base features of a token, those that depend on the token alone (bias,
/// word, shapes, affixes): the same wherever the word occurs, so their sum can be cached per
/// word.
pub(crate) fn word_features(t: &TokenInfo, out: &mut Vec<u32>) {
    out.push(feature_key(T_BIAS, 0));
    out.push(feature_key(T_LOWER, t.lower));
    out.push(feature_key(T_EXACT, t.exact));
    out.push(feature_key(T_SHAPE, t.shape));
    out.push(feature_key(T_SSHAPE, t.short_shape));
    let n = usize::from(t.nchars).min(4);
    for k in 0..n {
        out.push(feature_key(T_PRE + k as u32, t.prefix[k]));
        out.push(feature_key(T_SUF + k as u32, t.suffix[k]));
    }
}

/// Appends the base features of token `i` that follow [`word_features`]: context words and
/// shapes, sentence case, gazetteer and clusters.
pub(crate) fn context_features(
    s: &[TokenInfo],
    gaz: &[GazCodes],
    i: usize,
    scase: u64,
    out: &mut Vec<u32>,
) {
    let t = &s[i];
    let lower_at = |j: isize| attr_at(s, j, |x| x.lower);
    let shape_at = |j: isize| attr_at(s, j, |x| x.short_shape);
    let ii = i as isize;
    out.push(feature_key(T_L_M1, lower_at(ii - 1)));
    out.push(feature_key(T_L_M2, lower_at(ii - 2)));
    out.push(feature_key(T_L_P1, lower_at(ii + 1)));
    out.push(feature_key(T_L_P2, lower_at(ii + 2)));
    out.push(feature_key(T_S_M1, shape_at(ii - 1)));
    out.push(feature_key(T_S_P1, shape_at(ii + 1)));
    out.push(feature_key(
        T_S_M1_0,
        combine(shape_at(ii - 1), t.short_shape),
    ));
    out.push(feature_key(
        T_S_0_P1,
        combine(t.short_shape, shape_at(ii + 1)),
    ));
    out.push(feature_key(T_BI_M1, combine(lower_at(ii - 1), t.lower)));
    out.push(feature_key(T_BI_P1, combine(t.lower, lower_at(ii + 1))));
    out.push(feature_key(
        T_L_M1_S,
        combine(lower_at(ii - 1), t.short_shape),
    ));
    if i > 0 {
        let p = &s[i - 1];
        if p.nchars >= 3 {
            out.push(feature_key(T_SUF_M1, p.suffix[2]));
        }
    } else {
        out.push(feature_key(T_FIRST, t.short_shape));
    }
    out.push(feature_key(T_SCASE, combine(scase, t.short_shape)));
    if scase != 0 {
        out.push(feature_key(T_SCASE_L, combine(scase, t.lower)));
    }
    for (c, &code) in gaz[i].iter().enumerate() {
        if code != 0 {
            let v = (c as u64) * 8 + u64::from(code);
            out.push(feature_key(T_GAZ, v));
            out.push(feature_key(T_GAZ_S, combine(v, t.short_shape)));
        }
        if i > 0 && gaz[i - 1][c] != 0 {
            out.push(feature_key(T_GAZ_M1, c as u64));
        }
        if i + 1 < s.len() && gaz[i + 1][c] != 0 {
            out.push(feature_key(T_GAZ_P1, c as u64));
        }
    }
    if t.fine != 0 {
        out.push(feature_key(T_CF, u64::from(t.fine)));
        out.push(feature_key(T_CC, u64::from(t.coarse)));
        out.push(feature_key(
            T_CF_S,
            combine(u64::from(t.fine), t.short_shape),
        ));
    }
    let fine_at = |j: isize| attr_at(s, j, |x| u64::from(x.fine));
    let coarse_at = |j: isize| attr_at(s, j, |x| u64::from(x.coarse));
    out.push(feature_key(T_CF_M1, fine_at(ii - 1)));
    out.push(feature_key(T_CF_M2, fine_at(ii - 2)));
    out.push(feature_key(T_CF_P2, fine_at(ii + 2)));
    out.push(feature_key(T_S_M2, shape_at(ii - 2)));
    out.push(feature_key(T_S_P2, shape_at(ii + 2)));
    if let Some(nx) = s.get(i + 1).filter(|x| x.nchars >= 3) {
        out.push(feature_key(T_SUF_P1, nx.suffix[2]));
    }
    out.push(feature_key(T_CF_P1, fine_at(ii + 1)));
    out.push(feature_key(T_CC_M1, coarse_at(ii - 1)));
    out.push(feature_key(T_CC_P1, coarse_at(ii + 1)));
}

/// Appends the document-memory features of token `i` (they come last among the static
/// features, so a score can continue from the [`base_features`] prefix).
pub(crate) fn hist_features(s: &[TokenInfo], i: usize, hist: &[u8], out: &mut Vec<u32>) {
    let t = &s[i];
    let h = hist[i];
    if h != 0 {
        out.push(feature_key(T_HIST, u64::from(h)));
        out.push(feature_key(T_HIST_S, combine(u64::from(h), t.short_shape)));
    }
    if i > 0 && hist[i - 1] != 0 {
        out.push(feature_key(T_HIST_M1, u64::from(hist[i - 1])));
    }
    if i + 1 < s.len() && hist[i + 1] != 0 {
        out.push(feature_key(T_HIST_P1, u64::from(hist[i + 1])));
    }
}

/// Appends the features that depend on the two previous tags (greedy left-to-right decoding):
/// [`tag_pair_features`] then [`tag_word_features`].
#[inline]
pub(crate) fn tag_features(s: &[TokenInfo], i: usize, prev1: u8, prev2: u8, out: &mut Vec<u32>) {
    tag_pair_features(prev1, prev2, out);
    tag_word_features(s, i, prev1, out);
}

/// Appends the features of the two previous tags alone (the same for every token).
#[inline]
pub(crate) fn tag_pair_features(prev1: u8, prev2: u8, out: &mut Vec<u32>) {
    let p1 = u64::from(prev1);
    out.push(feature_key(T_PT1, p1));
    out.push(feature_key(T_PT12, p1 * 64 + u64::from(prev2)));
}

/// Appends the conjunctions of the previous tag with token `i`'s word, shape, cluster and
/// previous word (3 features at `i == 0`, else 4).
#[inline]
pub(crate) fn tag_word_features(s: &[TokenInfo], i: usize, prev1: u8, out: &mut Vec<u32>) {
    let t = &s[i];
    let p1 = u64::from(prev1);
    out.push(feature_key(T_PT1_L, combine(p1, t.lower)));
    out.push(feature_key(T_PT1_S, combine(p1, t.short_shape)));
    out.push(feature_key(T_PT1_CF, combine(p1, u64::from(t.fine))));
    if i > 0 {
        out.push(feature_key(T_PT1_LM1, combine(p1, s[i - 1].lower)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let a = token_info("Seoul");
        let b = token_info("Paris");
        assert_eq!(a.short_shape, b.short_shape);
        assert_eq!(a.shape, b.shape);
        assert_eq!(a.flags, F_INIT_CAP);
        assert_eq!(token_info("NATO").flags, F_INIT_CAP | F_ALL_CAPS);
        assert_eq!(token_info("1996").flags, F_DIGIT);
        assert_eq!(token_info(",").flags, F_PUNCT);
        assert_eq!(token_info("van").flags, F_INIT_LOWER | F_PARTICLE);
        assert_eq!(token_info("Van").flags, F_INIT_CAP);
        assert_eq!(token_info("vane").flags, F_INIT_LOWER);
        assert_eq!(token_info("The").flags, F_INIT_CAP | F_FUNCTION);
        assert_eq!(token_info("March").flags, F_INIT_CAP | F_FUNCTION);
        assert_eq!(token_info("THE").flags, F_INIT_CAP | F_ALL_CAPS);
        assert_eq!(token_info("the").flags, F_INIT_LOWER);
        assert_eq!(token_info("Theo").flags, F_INIT_CAP);
        assert_ne!(token_info("Kim").shape, token_info("Kimberly").shape);
        assert_eq!(
            token_info("Rowling").suffix[2],
            token_info("walking").suffix[2]
        );
    }

    #[test]
    fn sentence_case_classes() {
        let caps: Vec<_> = ["RAIN", "HITS", "OSLO"]
            .iter()
            .map(|w| token_info(w))
            .collect();
        let title: Vec<_> = ["Rain", "Hits", "Oslo"]
            .iter()
            .map(|w| token_info(w))
            .collect();
        let plain: Vec<_> = ["Rain", "hits", "Oslo"]
            .iter()
            .map(|w| token_info(w))
            .collect();
        assert_eq!(sentence_case(&caps), 2);
        assert_eq!(sentence_case(&title), 1);
        assert_eq!(sentence_case(&plain), 0);
    }
}
