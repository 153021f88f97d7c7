//! Weight-row ids of the base features, assembled per sentence from ids cached per word.
//!
//! Most base features are a template applied to one attribute of one token: the word before
//! (`T_L_M1` of the previous word's lowercase form), two after (`T_S_P2` of its shape), the
//! token's own cluster, ... Their row ids depend on that word alone, so [`word_ids`] resolves
//! them once per word form (the word cache keeps them) and [`context_ids`] only hashes and
//! looks up the features that combine two tokens or sentence-level state. The output is the
//! id sequence of `features::context_features` in the same order, with `u32::MAX` where that
//! function emits a feature without a row or emits nothing; both add nothing to a score, so
//! the summed scores are identical.

use super::features::*;
use super::gazetteer::{GazCodes, GAZ_CATS};
use super::hash::{combine, feature_key};
use super::model::Weights;

/// No row.
pub(crate) const NONE: u32 = u32::MAX;

/// Row ids that depend on one word only: as a neighbour of the token being scored
/// (`T_L_M1` ... `T_PT1_LM1`) and as that token itself (clusters and its conjunctions with
/// a previous `O` tag).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordIds {
    l_m1: u32,
    l_m2: u32,
    l_p1: u32,
    l_p2: u32,
    s_m1: u32,
    s_p1: u32,
    s_m2: u32,
    s_p2: u32,
    cf_m1: u32,
    cf_m2: u32,
    cf_p1: u32,
    cf_p2: u32,
    cc_m1: u32,
    cc_p1: u32,
    /// `T_SUF_M1` / `T_SUF_P1` (only for words of 3+ chars).
    suf_m1: u32,
    suf_p1: u32,
    /// `T_PT1_LM1` after an `O`, as the previous word.
    pt1_lm1_o: u32,
    /// `T_CF`, `T_CC`, `T_CF_S` of the word itself (only when clustered).
    cf: u32,
    cc: u32,
    cf_s: u32,
    /// `T_PT1_L`, `T_PT1_S`, `T_PT1_CF` of the word after an `O`.
    pub(crate) pt1_o: [u32; 3],
    /// `T_FIRST` of the word; `T_SCASE` for sentence case 0, 1, 2; `T_SCASE_L` for 1, 2.
    first: u32,
    scase: [u32; 3],
    scase_l: [u32; 2],
}

/// Row ids that depend on the model only: the sentence-boundary pseudo-words and the
/// gazetteer templates without the word's shape.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ModelIds {
    /// Neighbour ids before the start (`BOS`) and after the end (`EOS`).
    edges: [WordIds; 2],
    /// `T_GAZ` per category and code 1..=4.
    gaz: [[u32; 4]; GAZ_CATS],
    /// `T_GAZ_M1`, `T_GAZ_P1` per category.
    gaz_m1: [u32; GAZ_CATS],
    gaz_p1: [u32; GAZ_CATS],
    /// `T_HIST`, `T_HIST_M1`, `T_HIST_P1` per memory value 1..=[`HIST_VALUES`].
    pub(crate) hist: [[u32; HIST_VALUES]; 3],
}

/// Memory values the hist templates are pre-resolved for (`DocMemory::lookup` returns at
/// most 1 + 3 + 4 = 8).
pub(crate) const HIST_VALUES: usize = 8;

/// Ids of the neighbour templates for attribute values (lowercase hash, short shape, fine
/// and coarse cluster values as the templates hash them).
fn neighbour(w: &Weights, lower: u64, shape: u64, fine: u64, coarse: u64) -> WordIds {
    let id = |t: u32, v: u64| w.id_of(feature_key(t, v));
    WordIds {
        l_m1: id(T_L_M1, lower),
        l_m2: id(T_L_M2, lower),
        l_p1: id(T_L_P1, lower),
        l_p2: id(T_L_P2, lower),
        s_m1: id(T_S_M1, shape),
        s_p1: id(T_S_P1, shape),
        s_m2: id(T_S_M2, shape),
        s_p2: id(T_S_P2, shape),
        cf_m1: id(T_CF_M1, fine),
        cf_m2: id(T_CF_M2, fine),
        cf_p1: id(T_CF_P1, fine),
        cf_p2: id(T_CF_P2, fine),
        cc_m1: id(T_CC_M1, coarse),
        cc_p1: id(T_CC_P1, coarse),
        suf_m1: NONE,
        suf_p1: NONE,
        pt1_lm1_o: NONE,
        cf: NONE,
        cc: NONE,
        cf_s: NONE,
        pt1_o: [NONE; 3],
        first: NONE,
        scase: [NONE; 3],
        scase_l: [NONE; 2],
    }
}

/// The ids of a real token with descriptors `t` (clusters filled in).
pub(crate) fn word_ids(w: &Weights, t: &TokenInfo) -> WordIds {
    let id = |k: u32| w.id_of(k);
    let (fine, coarse) = (u64::from(t.fine), u64::from(t.coarse));
    let mut x = neighbour(w, t.lower, t.short_shape, fine, coarse);
    if t.nchars >= 3 {
        x.suf_m1 = id(feature_key(T_SUF_M1, t.suffix[2]));
        x.suf_p1 = id(feature_key(T_SUF_P1, t.suffix[2]));
    }
    let o = u64::from(super::labels::O);
    x.pt1_lm1_o = id(feature_key(T_PT1_LM1, combine(o, t.lower)));
    if t.fine != 0 {
        x.cf = id(feature_key(T_CF, fine));
        x.cc = id(feature_key(T_CC, coarse));
        x.cf_s = id(feature_key(T_CF_S, combine(fine, t.short_shape)));
    }
    x.pt1_o = [
        id(feature_key(T_PT1_L, combine(o, t.lower))),
        id(feature_key(T_PT1_S, combine(o, t.short_shape))),
        id(feature_key(T_PT1_CF, combine(o, fine))),
    ];
    x.first = id(feature_key(T_FIRST, t.short_shape));
    x.scase = [0u64, 1, 2].map(|c| id(feature_key(T_SCASE, combine(c, t.short_shape))));
    x.scase_l = [1u64, 2].map(|c| id(feature_key(T_SCASE_L, combine(c, t.lower))));
    x
}

/// The model-level ids of `w`.
pub(crate) fn model_ids(w: &Weights) -> ModelIds {
    let id = |k: u32| w.id_of(k);
    let mut m = ModelIds {
        edges: [
            neighbour(w, BOS, BOS, BOS, BOS),
            neighbour(w, EOS, EOS, EOS, EOS),
        ],
        ..ModelIds::default()
    };
    for c in 0..GAZ_CATS {
        for code in 1..=4u64 {
            m.gaz[c][code as usize - 1] = id(feature_key(T_GAZ, c as u64 * 8 + code));
        }
        m.gaz_m1[c] = id(feature_key(T_GAZ_M1, c as u64));
        m.gaz_p1[c] = id(feature_key(T_GAZ_P1, c as u64));
    }
    for (row, t) in m.hist.iter_mut().zip([T_HIST, T_HIST_M1, T_HIST_P1]) {
        for (h, d) in (1u64..).zip(row.iter_mut()) {
            *d = id(feature_key(t, h));
        }
    }
    m
}

/// A sentence's tokens, their per-word ids and the boundary ids.
pub(crate) struct SentenceIds<'a> {
    /// Descriptors of the tokens.
    pub infos: &'a [TokenInfo],
    /// [`word_ids`] of each token.
    pub ids: &'a [WordIds],
    /// [`model_ids`].
    pub model: &'a ModelIds,
}

impl SentenceIds<'_> {
    #[inline]
    fn at(&self, j: isize) -> &WordIds {
        if j < 0 {
            &self.model.edges[0]
        } else {
            self.ids.get(j as usize).unwrap_or(&self.model.edges[1])
        }
    }
}

/// Appends to `ids` the row ids of `context_features(s.infos, gaz, i, scase)` in order; the
/// features that need hashing get a placeholder whose position and key are appended to
/// `pending` for one batched lookup ([`Weights::resolve`]).
#[inline]
pub(crate) fn context_ids(
    s: &SentenceIds<'_>,
    gaz: &[GazCodes],
    i: usize,
    scase: u64,
    ids: &mut Vec<u32>,
    pending: &mut Vec<(u32, u32)>,
) {
    let infos = s.infos;
    let t = &infos[i];
    let ii = i as isize;
    let mut key = |ids: &mut Vec<u32>, k: u32| {
        pending.push((ids.len() as u32, k));
        ids.push(NONE);
    };
    let lower_at = |j: isize| attr_at(infos, j, |x| x.lower);
    let shape_at = |j: isize| attr_at(infos, j, |x| x.short_shape);
    let (m1, m2, p1, p2) = (s.at(ii - 1), s.at(ii - 2), s.at(ii + 1), s.at(ii + 2));
    ids.extend_from_slice(&[m1.l_m1, m2.l_m2, p1.l_p1, p2.l_p2, m1.s_m1, p1.s_p1]);
    key(
        ids,
        feature_key(T_S_M1_0, combine(shape_at(ii - 1), t.short_shape)),
    );
    key(
        ids,
        feature_key(T_S_0_P1, combine(t.short_shape, shape_at(ii + 1))),
    );
    key(
        ids,
        feature_key(T_BI_M1, combine(lower_at(ii - 1), t.lower)),
    );
    key(
        ids,
        feature_key(T_BI_P1, combine(t.lower, lower_at(ii + 1))),
    );
    key(
        ids,
        feature_key(T_L_M1_S, combine(lower_at(ii - 1), t.short_shape)),
    );
    let me = &s.ids[i];
    if i > 0 {
        ids.push(m1.suf_m1);
    } else {
        ids.push(me.first);
    }
    match scase {
        0 => ids.push(me.scase[0]),
        1 | 2 => ids.extend_from_slice(&[me.scase[scase as usize], me.scase_l[scase as usize - 1]]),
        _ => {
            // `sentence_case` returns 0..=2; kept general anyway.
            key(ids, feature_key(T_SCASE, combine(scase, t.short_shape)));
            key(ids, feature_key(T_SCASE_L, combine(scase, t.lower)));
        }
    }
    let m = s.model;
    for (c, &code) in gaz[i].iter().enumerate() {
        if code != 0 {
            let v = (c as u64) * 8 + u64::from(code);
            match m.gaz[c].get(usize::from(code).wrapping_sub(1)) {
                Some(&g) => ids.push(g),
                None => key(ids, feature_key(T_GAZ, v)),
            }
            key(ids, feature_key(T_GAZ_S, combine(v, t.short_shape)));
        }
        if i > 0 && gaz[i - 1][c] != 0 {
            ids.push(m.gaz_m1[c]);
        }
        if i + 1 < infos.len() && gaz[i + 1][c] != 0 {
            ids.push(m.gaz_p1[c]);
        }
    }
    ids.extend_from_slice(&[me.cf, me.cc, me.cf_s]);
    ids.extend_from_slice(&[m1.cf_m1, m2.cf_m2, p2.cf_p2, m2.s_m2, p2.s_p2]);
    ids.extend_from_slice(&[p1.suf_p1, p1.cf_p1, m1.cc_m1, p1.cc_p1]);
}

/// Row ids of `tag_word_features(infos, i, O)`: the O-conjunctions of token `i`, padded with
/// [`NONE`] at `i == 0`.
pub(crate) fn o_ids(s: &SentenceIds<'_>, i: usize) -> [u32; 4] {
    let me = &s.ids[i];
    let lm1 = if i > 0 { s.ids[i - 1].pt1_lm1_o } else { NONE };
    [me.pt1_o[0], me.pt1_o[1], me.pt1_o[2], lm1]
}

#[cfg(test)]
mod tests {
    use super::super::tagger::{prepare, Recognizer, Scratch};
    use super::*;

    /// The ids assembled from per-word ids equal the ids of the features themselves, in
    /// order, once absent rows are dropped.
    #[test]
    fn context_ids_match_context_features() {
        let rec = Recognizer::embedded();
        let w = &rec.weights;
        let model = model_ids(w);
        for text in [
            "Mayor Ana Kovac of Split met IBM staff in New York on Tuesday .",
            "RAIN HITS OSLO AS STORM NEARS",
            "Floods Hit The Coast Of Peru",
            "x",
        ] {
            let words: Vec<&str> = text.split(' ').collect();
            let mut sc = Scratch::default();
            let scase = prepare(&rec.gaz, &rec.clusters, &words, &mut sc, true);
            let wid: Vec<WordIds> = sc.infos.iter().map(|t| word_ids(w, t)).collect();
            let sent = SentenceIds {
                infos: &sc.infos,
                ids: &wid,
                model: &model,
            };
            for i in 0..words.len() {
                let (mut ids, mut pending) = (Vec::new(), Vec::new());
                context_ids(&sent, &sc.gaz, i, scase, &mut ids, &mut pending);
                let keys: Vec<u32> = pending.iter().map(|p| p.1).collect();
                let mut found = Vec::new();
                w.resolve(&keys, &mut found);
                for (&(at, _), &id) in pending.iter().zip(&found) {
                    ids[at as usize] = id;
                }
                let mut feats = Vec::new();
                context_features(&sc.infos, &sc.gaz, i, scase, &mut feats);
                let mut want = Vec::new();
                w.resolve(&feats, &mut want);
                let strip =
                    |v: &[u32]| v.iter().copied().filter(|&x| x != NONE).collect::<Vec<_>>();
                assert_eq!(strip(&ids), strip(&want), "{text:?} token {i}");
                assert!(!strip(&want).is_empty());
                let mut tf = Vec::new();
                tag_word_features(&sc.infos, i, super::super::labels::O, &mut tf);
                let mut tw = Vec::new();
                w.resolve(&tf, &mut tw);
                assert_eq!(strip(&o_ids(&sent, i)), strip(&tw));
            }
        }
    }
}
