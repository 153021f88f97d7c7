//! Word clusters from unlabelled news text, a cheap stand-in for Brown clusters (Ratinov & Roth
//! 2009 found cluster features among the most useful for unseen names).
//!
//! Each frequent word is described by counts of the frequent words just left and right of it
//! (log-scaled, L2-normalized), and spherical k-means (deterministic init, fixed iterations)
//! groups the words into `FINE` clusters; the fine centroids are grouped again into `COARSE`
//! clusters. Text: Reuters-21578 `<BODY>` sections, the BBC News files, the GMB word column and
//! the CoNLL `eng.train` tokens (words only, no labels). Only word hashes and cluster ids are
//! kept in the model file.

use std::collections::HashMap;
use std::path::Path;

use super::hash::FNV_OFFSET;
use super::table::KeyTable;
use super::tokenize::tokenize_for_clusters;
use super::NerError;

/// Number of fine clusters.
pub(crate) const FINE: usize = 256;
/// Number of coarse clusters.
pub(crate) const COARSE: usize = 32;
const CONTEXT: usize = 400;
const MIN_COUNT: u32 = 3;
const MAX_VOCAB: usize = 60_000;
const ITERATIONS: usize = 10;

/// Exact-word hash (32 bits) → fine cluster (high byte) and coarse cluster (low byte).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    pub(crate) entries: Vec<(u32, u16)>,
    table: KeyTable,
    /// Lowercase-word keys of words written lowercase at least twice as often as capitalized
    /// (outside sentence starts): the truecasing list for Title Case headlines.
    pub(crate) common: Vec<u32>,
    common_table: KeyTable,
    /// Identity of these clusters for per-thread caches (0 for the empty default).
    id: u64,
}

/// 32-bit key of an exact-word hash.
#[inline]
pub(crate) fn word_key(exact: u64) -> u32 {
    ((exact >> 32) as u32 ^ exact as u32).max(1)
}

impl Clusters {
    /// Builds the lookup table from `(word key, fine << 8 | coarse)` entries.
    pub(crate) fn from_entries(mut entries: Vec<(u32, u16)>, mut common: Vec<u32>) -> Clusters {
        entries.sort_unstable();
        entries.dedup_by_key(|e| e.0);
        common.sort_unstable();
        common.dedup();
        let table = KeyTable::build(entries.iter().map(|&(k, v)| (k, u32::from(v) + 1)));
        let common_table = KeyTable::build(common.iter().map(|&k| (k, 1)));
        Clusters {
            entries,
            table,
            common,
            common_table,
            id: super::word_cache::model_id(),
        }
    }

    /// Whether the word with lowercase hash `lower` is usually written lowercase.
    #[inline]
    pub(crate) fn is_common(&self, lower: u64) -> bool {
        self.common_table.get(word_key(lower)).is_some()
    }

    /// `(fine, coarse)` cluster of the word with exact hash `exact`, if known.
    #[inline]
    pub(crate) fn get(&self, exact: u64) -> Option<(u8, u8)> {
        self.table.get(word_key(exact)).map(|v| {
            let v = v - 1;
            ((v >> 8) as u8, v as u8)
        })
    }

    /// Identity of these clusters (fresh per construction, shared by clones).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Number of clustered words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no word is clustered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Clusters the words of the unlabelled text under `shared_root` (see the module doc).
    ///
    /// Errors: [`NerError::Io`] for an unreadable corpus file.
    pub fn build(shared_root: &Path) -> Result<Clusters, NerError> {
        let texts = corpus_texts(shared_root)?;
        Ok(cluster_texts(
            texts.iter().map(String::as_str),
            FINE,
            COARSE,
        ))
    }
}

fn read_lossy(path: &Path) -> Result<String, NerError> {
    let b = std::fs::read(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    Ok(match String::from_utf8(b) {
        Ok(s) => s,
        Err(e) => encoding_rs::WINDOWS_1252
            .decode(e.as_bytes())
            .0
            .into_owned(),
    })
}

fn sorted_dir(dir: &Path) -> Result<Vec<std::path::PathBuf>, NerError> {
    let io = |e| NerError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

/// The unlabelled texts, in a fixed order.
fn corpus_texts(root: &Path) -> Result<Vec<String>, NerError> {
    let c = root.join("corpora");
    let mut out = Vec::new();
    for p in sorted_dir(&c.join("reuters21578"))? {
        if p.extension().is_some_and(|e| e == "sgm") {
            let s = read_lossy(&p)?;
            for part in s.split("<BODY>").skip(1) {
                let body = part.split("</BODY>").next().unwrap_or("");
                out.push(
                    body.replace("&lt;", "<")
                        .replace("&amp;", "&")
                        .replace("&#3;", ""),
                );
            }
        }
    }
    for d in sorted_dir(&c.join("bbc-news"))? {
        if d.is_dir() {
            for p in sorted_dir(&d)? {
                out.push(read_lossy(&p)?);
            }
        }
    }
    let gmb = read_lossy(&c.join("gmb-ner-dataset/ner_dataset.csv"))?;
    let mut sent = String::new();
    for line in gmb.lines().skip(1) {
        if line.starts_with("Sentence:") && !sent.is_empty() {
            out.push(std::mem::take(&mut sent));
        }
        let mut f = line.splitn(2, ',');
        let rest = f.nth(1).unwrap_or("");
        if let Some((w, _)) = rest.rsplit_once(',').and_then(|(a, _)| a.rsplit_once(',')) {
            sent.push_str(w.trim_matches('"'));
            sent.push(' ');
        }
    }
    out.push(sent);
    let conll = read_lossy(&c.join("conll2003-en/eng.train"))?;
    let mut sent = String::new();
    for line in conll.lines() {
        match line.split_whitespace().next() {
            Some(w) if w != "-DOCSTART-" => {
                sent.push_str(w);
                sent.push(' ');
            }
            _ => out.push(std::mem::take(&mut sent) + "\n\n"),
        }
    }
    out.push(sent);
    Ok(out)
}

fn exact_hash(w: &str) -> u64 {
    w.chars().fold(FNV_OFFSET, super::hash::fnv_char)
}

/// Clusters the words of `texts` (tokenized with the recognizer's tokenizer).
pub(crate) fn cluster_texts<'a>(
    texts: impl Iterator<Item = &'a str>,
    fine: usize,
    coarse: usize,
) -> Clusters {
    // Token ids per text, vocabulary in first-seen order for determinism.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut seqs: Vec<Vec<u32>> = Vec::new();
    let (mut toks, mut sents) = (Vec::new(), Vec::new());
    for t in texts {
        tokenize_for_clusters(t, &mut toks, &mut sents);
        for r in &sents {
            let mut seq = Vec::with_capacity(r.len());
            for tk in &toks[r.clone()] {
                let w = &t[tk.byte_start..tk.byte_end];
                let id = *ids.entry(w).or_insert_with(|| {
                    words.push(w);
                    counts.push(0);
                    (words.len() - 1) as u32
                });
                counts[id as usize] += 1;
                seq.push(id);
            }
            seqs.push(seq);
        }
    }
    // Case statistics per lowercased word, outside sentence starts.
    let mut case: HashMap<u64, (u32, u32)> = HashMap::new();
    for seq in &seqs {
        for &w in seq.iter().skip(1) {
            let word = words[w as usize];
            let first = word.chars().next().unwrap_or(' ');
            let e = case.entry(super::hash::hash_lower(word)).or_default();
            if first.is_lowercase() {
                e.0 += 1;
            } else if first.is_uppercase() {
                e.1 += 1;
            }
        }
    }
    let common: Vec<u32> = case
        .iter()
        .filter(|(_, &(lo, up))| lo >= 3 && lo >= 2 * up)
        .map(|(&h, _)| word_key(h))
        .collect();
    let mut by_freq: Vec<u32> = (0..words.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then(words[a as usize].cmp(words[b as usize]))
    });
    // Context dimension of each word id (u32::MAX = not a context word).
    let mut ctx = vec![u32::MAX; words.len()];
    for (d, &w) in by_freq.iter().take(CONTEXT).enumerate() {
        ctx[w as usize] = d as u32;
    }
    let vocab: Vec<u32> = by_freq
        .iter()
        .copied()
        .filter(|&w| counts[w as usize] >= MIN_COUNT)
        .take(MAX_VOCAB)
        .collect();
    let mut row = vec![u32::MAX; words.len()];
    for (i, &w) in vocab.iter().enumerate() {
        row[w as usize] = i as u32;
    }
    let dim = 2 * CONTEXT;
    let mut sparse: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for seq in &seqs {
        for (i, &w) in seq.iter().enumerate() {
            let r = row[w as usize];
            if r == u32::MAX {
                continue;
            }
            if i > 0 && ctx[seq[i - 1] as usize] != u32::MAX {
                *sparse[r as usize]
                    .entry(ctx[seq[i - 1] as usize])
                    .or_default() += 1.0;
            }
            if i + 1 < seq.len() && ctx[seq[i + 1] as usize] != u32::MAX {
                let d = CONTEXT as u32 + ctx[seq[i + 1] as usize];
                *sparse[r as usize].entry(d).or_default() += 1.0;
            }
        }
    }
    let vecs: Vec<Vec<(u32, f32)>> = sparse
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(d, c)| (d, (1.0 + c).ln())).collect();
            v.sort_by_key(|e| e.0);
            let n = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-6);
            v.iter_mut().for_each(|e| e.1 /= n);
            v
        })
        .collect();
    let k = fine.clamp(1, 256).min(vecs.len().max(1));
    let step = (vecs.len() / k).max(1);
    let mut cent: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut d = vec![0f32; dim];
            for &(j, x) in vecs.get(c * step).map_or(&[][..], |v| &v[..]) {
                d[j as usize] = x;
            }
            d
        })
        .collect();
    let mut assign = vec![0usize; vecs.len()];
    for _ in 0..ITERATIONS {
        for (a, v) in assign.iter_mut().zip(&vecs) {
            let mut best = (f32::NEG_INFINITY, 0);
            for (c, ce) in cent.iter().enumerate() {
                let s: f32 = v.iter().map(|&(j, x)| x * ce[j as usize]).sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            *a = best.1;
        }
        for ce in cent.iter_mut() {
            ce.iter_mut().for_each(|x| *x = 0.0);
        }
        for (a, v) in assign.iter().zip(&vecs) {
            for &(j, x) in v {
                cent[*a][j as usize] += x;
            }
        }
        for ce in cent.iter_mut() {
            let n = ce.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
            ce.iter_mut().for_each(|x| *x /= n);
        }
    }
    let coarse = coarse_of(&cent, coarse);
    let entries = vocab
        .iter()
        .zip(&assign)
        .map(|(&w, &a)| {
            (
                word_key(exact_hash(words[w as usize])),
                ((a as u16) << 8) | coarse[a] as u16,
            )
        })
        .collect();
    Clusters::from_entries(entries, common)
}

/// Groups fine centroids into `coarse` clusters (spherical k-means on the centroids).
fn coarse_of(cent: &[Vec<f32>], coarse: usize) -> Vec<u8> {
    let k = coarse.clamp(1, 256).min(cent.len().max(1));
    let step = (cent.len() / k).max(1);
    let mut cc: Vec<Vec<f32>> = (0..k)
        .map(|c| cent[(c * step).min(cent.len() - 1)].clone())
        .collect();
    let mut assign = vec![0u8; cent.len()];
    for _ in 0..ITERATIONS {
        for (a, v) in assign.iter_mut().zip(cent) {
            let mut best = (f32::NEG_INFINITY, 0);
            for (c, ce) in cc.iter().enumerate() {
                let s: f32 = v.iter().zip(ce).map(|(x, y)| x * y).sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            *a = best.1 as u8;
        }
        for (c, ce) in cc.iter_mut().enumerate() {
            let mut sum = vec![0f32; ce.len()];
            for (a, v) in assign.iter().zip(cent) {
                if usize::from(*a) == c {
                    sum.iter_mut().zip(v).for_each(|(s, x)| *s += x);
                }
            }
            let n = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
            if n > 0.0 {
                *ce = sum.into_iter().map(|x| x / n).collect();
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut texts = Vec::new();
        for name in ["Anna", "Boris", "Carla"] {
            for _ in 0..5 {
                texts.push(format!("Yesterday {name} said that the plan works ."));
            }
        }
        for town in ["Oslo", "Lima", "Kyiv"] {
            for _ in 0..5 {
                texts.push(format!(
                    "We flew to {town} and stayed in {town} for a week ."
                ));
            }
        }
        let c = cluster_texts(texts.iter().map(String::as_str), 2, 1);
        let cl = |w: &str| c.get(exact_hash(w)).map(|x| x.0);
        assert!(cl("Anna").is_some());
        assert_eq!(cl("Anna"), cl("Boris"));
        assert_eq!(cl("Oslo"), cl("Lima"));
        assert_eq!(cl("Zzyzx"), None);
    }
}
