//! The Zyte (Scrapinghub) article-extraction-benchmark metric: shingle precision, recall and F1.
//!
//! This is a line-by-line port of `evaluate.py` in scrapinghub/article-extraction-benchmark
//! (MIT), so that numbers measured here compare with the published table:
//!
//! - tokens are the matches of Python's `re.findall(r"\w+", text)` (case kept);
//! - a text's shingles are its token 4-grams, counted as a multiset (a text with fewer than
//!   four tokens yields one shorter shingle, an empty text none);
//! - per page, `tp = Σ min(true, pred)`, `fp = Σ max(0, pred - true)`,
//!   `fn = Σ max(0, true - pred)` over all shingles, then divided by `tp + fp + fn`;
//! - per-page precision `tp / (tp + fp)` (1 when `fp = fn = 0`, 0 when `tp = fp = 0`) is
//!   averaged over pages with `tp + fp > 0`; recall likewise over pages with `tp + fn > 0`;
//! - `F1 = 2PR / (P + R)` of those two means (not a mean of per-page F1).

use std::collections::HashMap;

/// One page's shingle counts, normalized so they sum to 1 (all zero for two empty texts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TpFpFn {
    /// Shingles in both texts.
    pub tp: f64,
    /// Shingles only in the prediction.
    pub fp: f64,
    /// Shingles only in the ground truth.
    pub fn_: f64,
}

/// Python `\w` on `str`: `str.isalnum()` or `_`.
///
/// Rust's `is_alphanumeric` also accepts Unicode `Other_Alphabetic` combining marks (Arabic
/// harakat, Hebrew points, Indic vowel signs), which Python's `\w` does not; the common mark
/// blocks are excluded here so that vocalized Arabic splits into the same tokens as in Python.
fn is_word_char(c: char) -> bool {
    if c == '_' {
        return true;
    }
    if !c.is_alphanumeric() {
        return false;
    }
    !matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0711 | 0x0730..=0x074A
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0A01..=0x0A03 | 0x0A3C..=0x0A51
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0x24B6..=0x24E9 | 0xFE20..=0xFE2F)
}

/// Splits `text` into `\w+` tokens (see `is_word_char`), keeping case.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Multiset of token 4-grams, as `_all_shingles(text, 4)` in `evaluate.py`.
fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    const N: usize = 4;
    let tokens = tokenize(text);
    let mut counts = HashMap::new();
    let last = tokens.len().saturating_sub(N) + 1;
    for i in 0..last.max(1) {
        let end = (i + N).min(tokens.len());
        if i < end {
            *counts.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
        }
    }
    counts
}

/// Normalized shingle matching of one page (`string_shingle_matching` in `evaluate.py`).
pub fn shingle_matching(truth: &str, pred: &str) -> TpFpFn {
    let t = shingles(truth);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += f64::from(tc.min(pc));
        fn_ += f64::from(tc.saturating_sub(pc));
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += f64::from(pc.saturating_sub(tc));
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        TpFpFn {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        TpFpFn { tp, fp, fn_ }
    }
}

/// Per-page precision with `evaluate.py`'s conventions for empty texts.
pub fn precision(m: TpFpFn) -> f64 {
    if m.fp == 0.0 && m.fn_ == 0.0 {
        1.0
    } else if m.tp == 0.0 && m.fp == 0.0 {
        0.0
    } else {
        m.tp / (m.tp + m.fp)
    }
}

/// Per-page recall with `evaluate.py`'s conventions for empty texts.
pub fn recall(m: TpFpFn) -> f64 {
    if m.fp == 0.0 && m.fn_ == 0.0 {
        1.0
    } else if m.tp == 0.0 && m.fn_ == 0.0 {
        0.0
    } else {
        m.tp / (m.tp + m.fn_)
    }
}

/// Corpus figures `(precision, recall, f1)` from per-page counts (`metrics_from_tp_fp_fns`).
///
/// Returns zeros when no page qualifies for a mean (the Python raises instead).
pub fn aggregate(pages: &[TpFpFn]) -> (f64, f64, f64) {
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let p = mean(
        pages
            .iter()
            .filter(|m| m.tp + m.fp > 0.0)
            .map(|&m| precision(m))
            .collect(),
    );
    let r = mean(
        pages
            .iter()
            .filter(|m| m.tp + m.fn_ > 0.0)
            .map(|&m| recall(m))
            .collect(),
    );
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_python_w() {
        assert_eq!(
            tokenize("It's a co-op, 3.5 snake_case!"),
            ["It", "s", "a", "co", "op", "3", "5", "snake_case"]
        );
        assert_eq!(tokenize("Zürich café"), ["Zürich", "café"]);
        assert!(tokenize(" -- ").is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let m = shingle_matching("one two three four five", "one two three four five");
        assert_eq!(
            m,
            TpFpFn {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        assert_eq!(aggregate(&[m]), (1.0, 1.0, 1.0));
    }

    #[test]
    fn partial_overlap_counts_shingles() {
        // truth: 2 shingles (a b c d, b c d e); pred: 3 (a b c d, b c d e, c d e f).
        let m = shingle_matching("a b c d e", "a b c d e f");
        assert!((m.tp - 2.0 / 3.0).abs() < 1e-12);
        assert!((m.fp - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(m.fn_, 0.0);
        assert!((precision(m) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(recall(m), 1.0);
    }

    #[test]
    fn short_and_empty_texts() {
        // Fewer than four tokens: one short shingle.
        let m = shingle_matching("hello world", "hello world");
        assert_eq!(m.tp, 1.0);
        // Empty prediction: recall 0, and the page is left out of the precision mean.
        let e = shingle_matching("a b c d", "");
        assert_eq!(
            e,
            TpFpFn {
                tp: 0.0,
                fp: 0.0,
                fn_: 1.0
            }
        );
        let (p, r, _) = aggregate(&[e, m]);
        assert_eq!((p, r), (1.0, 0.5));
    }
}
