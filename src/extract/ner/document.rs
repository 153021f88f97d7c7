//! Two-pass tagging of one document at inference ([`Recognizer::tag_document`]), organised so
//! that each weight row is read as few times as possible without changing a single score.
//!
//! A token's score is the sum of its feature rows: the base features (words, shapes,
//! gazetteer, clusters), the document-memory features and the features of the two previous
//! tags (see `features.rs`). The base part is the same in both passes, so it is summed once
//! per token and both passes add to it; scores are exact integers (`model::Scores`), so every
//! score equals summing all features from zero. In pass 2 a token whose memory features and
//! previous two tags equal pass 1's has the same score and hence the same tag, so only tokens
//! near a changed memory value are scored again. Tokens that `tagger::skippable` lets through
//! unscored (no capital letter near, no entity open) get `O`; their base part is computed
//! only if decoding ever needs it.
//!
//! Finding the rows is the other cost: a word's own features are pre-summed and most context
//! features pre-resolved per word form (`word_cache`, `word_ids`), the rest are looked up once
//! per sentence in a prefetching batch, and the conjunctions with a previous `O` tag (the most
//! common case) are resolved with the word, so decoding rarely hashes anything.

use super::features::{
    base_features, hist_features, tag_pair_features, tag_word_features, token_info, word_features,
    TokenInfo, F_INIT_CAP, T_HIST_S,
};
use super::gazetteer::GazCodes;
use super::hash::{combine, feature_key};
use super::initials::ampersand_initials;
use super::labels::{allowed_after, spans_from_tags, split, Pos, Span, NUM_TAGS, O};
use super::model::{Scores, Weights};
use super::tagger::{
    best_tag, fix_honorifics, has_capital, may_open_before_capital, open_mask, skippable,
    trim_lowercase_edges, truecase_and_mark, with_clusters, DocMemory, Recognizer,
};
use super::titles::{drop_numeral_spans, fix_titles, royal_first_names};
use super::word_cache::{WordCache, WordEntry};
use super::word_ids::{
    context_ids, model_ids, o_ids, word_ids, ModelIds, SentenceIds, WordIds, HIST_VALUES, NONE,
};
use std::ops::Range;

/// Reusable buffers for two-pass document tagging ([`Recognizer::tag_document`]).
#[derive(Debug, Default)]
pub(crate) struct DocScratch {
    mem: DocMemory,
    sc: super::tagger::Scratch,
    /// Word descriptors and word-feature sums, kept across documents.
    cache: WordCache,
    /// Per token of the current sentence: its word-feature sum.
    word_sums: Vec<Scores>,
    /// Features of one word being computed for the cache.
    word_feats: Vec<u32>,
    /// Entry of the last word too long for the cache.
    spare: WordEntry,
    /// Per token of the current sentence: its word-level row ids.
    word_ids: Vec<WordIds>,
    /// [`model_ids`] of the weights `pair_owner`.
    model: ModelIds,
    /// Base-feature ids still to look up: (position in `ids`, feature key), and the result.
    pending: Vec<(u32, u32)>,
    found: Vec<u32>,
    /// Row ids of the base features of the current sentence (after the cached word sums) and
    /// each token's end in them.
    feat_ends: Vec<usize>,
    ids: Vec<u32>,
    /// Per token of the document: descriptors after headline truecasing.
    infos: Vec<TokenInfo>,
    /// Per token: summed rows of the base features, valid where `have` is set.
    base: Vec<Scores>,
    /// Per token: whether `base` and `o_ids` are computed. Tokens far from any capital
    /// letter are almost never scored (see [`skippable`]), so theirs are computed on demand.
    have: Vec<bool>,
    /// Per token of the document: gazetteer codes; per sentence: case class. What computing
    /// a base score on demand needs.
    gaz: Vec<GazCodes>,
    scases: Vec<u64>,
    /// Per token: row ids of its [`tag_word_features`] after an `O` (the most common previous
    /// tag), resolved in the sentence batch; `u32::MAX` = no row.
    o_ids: Vec<[u32; 4]>,
    /// Row ids of [`tag_pair_features`] per `prev1 * NUM_TAGS + prev2`, for weights `pair_owner`.
    pair_ids: Vec<[u32; 2]>,
    pair_owner: u64,
    /// Per token: memory values and tags of pass 1.
    hist1: Vec<u8>,
    tags1: Vec<u8>,
    /// Pass-2 memory values of the current sentence.
    hist2: Vec<u8>,
    /// Tags and spans of the current sentence.
    tags: Vec<u8>,
    sent_spans: Vec<Span>,
    /// Feature keys being looked up (a batch, or one token's memory / tag features).
    feats: Vec<u32>,
    /// Pass-1 spans: (sentence index, span).
    spans1: Vec<(usize, Span)>,
    /// Final spans: (sentence index, span in sentence-relative token indices).
    pub spans: Vec<(usize, Span)>,
    /// Set by a caller that knows the text has no `&` (most have none): then no token can
    /// be a company's ampersand initials ([`super::initials`]), and none is looked at.
    pub no_ampersand: bool,
}

/// Pass-1 tags and memory values of a sentence, for reuse in pass 2.
struct Previous<'a> {
    tags: &'a [u8],
    hist: &'a [u8],
}

/// One sentence's inputs to decoding: descriptors, base scores and the row ids decoding
/// needs besides them (per-token slices of the [`DocScratch`] fields of the same names).
struct Sentence<'a> {
    infos: &'a [TokenInfo],
    gaz: &'a [GazCodes],
    scase: u64,
    base: &'a mut [Scores],
    have: &'a mut [bool],
    o: &'a mut [[u32; 4]],
    /// [`DocScratch::pair_ids`].
    pair: &'a [[u32; 2]],
    /// [`DocScratch::model`].
    model: &'a ModelIds,
}

impl Sentence<'_> {
    /// Computes token `i`'s base score and `O`-conjunction ids if `base_scores` left them out:
    /// the full base features summed from zero in order, which is what the cached path sums.
    fn ensure_base(&mut self, w: &Weights, i: usize, feats: &mut Vec<u32>) {
        if self.have[i] {
            return;
        }
        feats.clear();
        base_features(self.infos, self.gaz, i, self.scase, feats);
        w.score(feats, &mut self.base[i]);
        feats.clear();
        tag_word_features(self.infos, i, O, feats);
        let mut found = Vec::with_capacity(4);
        w.resolve(feats, &mut found);
        let mut o = [NONE; 4];
        for (d, &id) in o.iter_mut().zip(&found) {
            *d = id;
        }
        self.o[i] = o;
        self.have[i] = true;
    }
}

/// Greedy left-to-right decoding of one sentence from its base scores into `tags`.
///
/// Tokens that [`skippable`] allows get `O` unscored. With `prev`, token `i` keeps its
/// pass-1 tag when its inputs are unchanged: the memory values at `i-1..=i+1` (all that its
/// memory features read) and the two previous tags.
fn decode(
    w: &Weights,
    mut s: Sentence<'_>,
    hist: &[u8],
    prev: Option<Previous<'_>>,
    feats: &mut Vec<u32>,
    tags: &mut Vec<u8>,
) {
    let infos = s.infos;
    let n = infos.len();
    let open = open_mask();
    tags.clear();
    let (mut p1, mut p2) = (O, O);
    for i in 0..n {
        let tg = match &prev {
            _ if skippable(infos, i, p1) => O,
            Some(pv) if unchanged(pv, hist, i, p1, p2) => pv.tags[i],
            _ => {
                let mut allowed = allowed_after(p1);
                if i + 1 == n {
                    allowed &= !open;
                    if allowed == 0 {
                        // Only reachable if the previous tag opened an entity: close it here.
                        allowed = 1 << split(p1).map_or(O, |(t, _)| super::labels::tag(t, Pos::L));
                    }
                }
                // The same rows in the same order as `static_features` + `tag_features`.
                s.ensure_base(w, i, feats);
                let mut scores = s.base[i];
                add_hist(w, s.model, infos, i, hist, feats, &mut scores);
                let pair = usize::from(p1) * NUM_TAGS + usize::from(p2);
                w.add_rows(&s.pair[pair], &mut scores);
                if p1 == O {
                    w.add_rows(&s.o[i], &mut scores);
                } else {
                    feats.clear();
                    tag_word_features(infos, i, p1, feats);
                    w.add(feats, &mut scores);
                }
                best_tag(&scores, allowed)
            }
        };
        tags.push(tg);
        p2 = p1;
        p1 = tg;
    }
}

/// Adds the rows of `hist_features(infos, i, hist)` to `scores`: the templates of a memory
/// value alone come from `model.hist`, so only the one with the word's shape is hashed.
#[inline]
fn add_hist(
    w: &Weights,
    model: &ModelIds,
    infos: &[TokenInfo],
    i: usize,
    hist: &[u8],
    feats: &mut Vec<u32>,
    scores: &mut Scores,
) {
    let at = |j: Option<usize>| j.and_then(|j| hist.get(j)).map_or(0, |&h| usize::from(h));
    let (h0, hm1, hp1) = (at(Some(i)), at(i.checked_sub(1)), at(Some(i + 1)));
    if h0 == 0 && hm1 == 0 && hp1 == 0 {
        return;
    }
    if [h0, hm1, hp1].iter().any(|&h| h > HIST_VALUES) {
        // Not produced by `DocMemory`; kept exact anyway.
        feats.clear();
        hist_features(infos, i, hist, feats);
        w.add(feats, scores);
        return;
    }
    for (t, h) in [h0, hm1, hp1].into_iter().enumerate() {
        if let Some(k) = h.checked_sub(1) {
            w.add_row(model.hist[t][k], scores);
        }
    }
    if h0 != 0 {
        let shape = infos[i].short_shape;
        feats.clear();
        feats.push(feature_key(T_HIST_S, combine(h0 as u64, shape)));
        w.add(feats, scores);
    }
}

/// Whether token `i` sees exactly the inputs it saw in pass 1.
#[inline]
fn unchanged(pv: &Previous<'_>, hist: &[u8], i: usize, p1: u8, p2: u8) -> bool {
    let (lo, hi) = (i.saturating_sub(1), (i + 2).min(hist.len()));
    let q1 = if i >= 1 { pv.tags[i - 1] } else { O };
    let q2 = if i >= 2 { pv.tags[i - 2] } else { O };
    p1 == q1 && p2 == q2 && hist[lo..hi] == pv.hist[lo..hi]
}

impl Recognizer {
    /// Prepares sentence `words` into `ds.sc` (descriptors, truecasing, gazetteer codes) and
    /// appends each token's base score to `ds.base` and its `O`-conjunction ids to `ds.o_ids`
    /// (for tokens next to no capital letter, placeholders that `ds.have` marks as such);
    /// returns the sentence's case class.
    fn base_scores(&self, words: &[&str], ds: &mut DocScratch) -> u64 {
        let w = &self.weights;
        ds.sc.infos.clear();
        ds.word_sums.clear();
        ds.word_ids.clear();
        for word in words.iter().take(4) {
            ds.cache.prefetch(word);
        }
        for (j, word) in words.iter().enumerate() {
            if let Some(next) = words.get(j + 4) {
                ds.cache.prefetch(next);
            }
            let e = ds.cache.get(word, &mut ds.spare, || {
                let info = with_clusters(&self.clusters, token_info(word));
                ds.word_feats.clear();
                word_features(&info, &mut ds.word_feats);
                let mut prefix = [0; NUM_TAGS - 1];
                w.score(&ds.word_feats, &mut prefix);
                let ids = word_ids(w, &info);
                WordEntry { info, prefix, ids }
            });
            ds.sc.infos.push(e.info);
            ds.word_sums.push(e.prefix);
            ds.word_ids.push(e.ids);
        }
        let scase = truecase_and_mark(&self.gaz, &self.clusters, words, &mut ds.sc, true);
        let (infos, gaz) = (&ds.sc.infos, &ds.sc.gaz);
        for (i, t) in infos.iter().enumerate() {
            if ds.sc.truecased[i] {
                // The word's descriptors changed, so its cached ids and sum do not apply.
                ds.word_ids[i] = word_ids(w, t);
            }
        }
        // Row ids of all base features of the sentence, in order; the ones not cached per
        // word are looked up in one batch.
        let sent = SentenceIds {
            infos,
            ids: &ds.word_ids,
            model: &ds.model,
        };
        ds.ids.clear();
        ds.pending.clear();
        ds.feat_ends.clear();
        let first = ds.have.len();
        for (i, t) in infos.iter().enumerate() {
            let need = has_capital(infos, i)
                || may_open_before_capital(infos, i)
                || (i > 0 && has_capital(infos, i - 1));
            ds.have.push(need);
            if !need {
                ds.feat_ends.push(ds.ids.len());
                ds.o_ids.push([NONE; 4]);
                continue;
            }
            if ds.sc.truecased[i] {
                ds.word_feats.clear();
                word_features(t, &mut ds.word_feats);
                for &k in &ds.word_feats {
                    ds.pending.push((ds.ids.len() as u32, k));
                    ds.ids.push(NONE);
                }
            }
            context_ids(&sent, gaz, i, scase, &mut ds.ids, &mut ds.pending);
            ds.feat_ends.push(ds.ids.len());
            let o = o_ids(&sent, i);
            // Decoding reads these rows right after this sentence's base scores.
            w.prefetch_rows(&o);
            ds.o_ids.push(o);
        }
        ds.feats.clear();
        ds.feats.extend(ds.pending.iter().map(|p| p.1));
        ds.found.clear();
        w.resolve(&ds.feats, &mut ds.found);
        for (&(at, _), &id) in ds.pending.iter().zip(&ds.found) {
            ds.ids[at as usize] = id;
        }
        let mut from = 0;
        for (i, &to) in ds.feat_ends.iter().enumerate() {
            if let Some(&ahead) = ds.feat_ends.get(i + 2) {
                w.prefetch_rows(&ds.ids[ds.feat_ends[i + 1]..ahead]);
            }
            let mut b = if ds.sc.truecased[i] || !ds.have[first + i] {
                [0; NUM_TAGS - 1]
            } else {
                ds.word_sums[i]
            };
            w.add_rows(&ds.ids[from..to], &mut b);
            ds.base.push(b);
            from = to;
        }
        ds.gaz.extend_from_slice(gaz);
        ds.scases.push(scase);
        scase
    }

    /// The rules that mend the model's spans of one sentence (`words`), in order: honorifics,
    /// lower-case edges, titles of office, royal names, Roman numerals, ampersand initials. Labels already went
    /// into the document memory: these change what is reported, not what later sentences see.
    fn fix_spans(&self, words: &[&str], spans: &mut Vec<Span>, ampersand: bool) {
        fix_honorifics(words, spans);
        trim_lowercase_edges(words, spans);
        fix_titles(words, spans, |w| self.is_common_word(w));
        royal_first_names(
            words,
            spans,
            |w| self.is_first_name(w),
            |ws| self.is_city(ws),
        );
        drop_numeral_spans(words, spans);
        if ampersand {
            ampersand_initials(words, spans);
        }
    }

    /// Tags one document given all its words and its sentences (consecutive ranges over
    /// `words` starting at 0) in two passes; final spans land in `ds.spans` as (sentence index,
    /// span in sentence-relative tokens), in order.
    ///
    /// Pass 1 tags every sentence and records its labels in the document memory; pass 2 tags
    /// again with the frozen memory, so a name gets the evidence of all its mentions, earlier
    /// or later (Ratinov & Roth 2009's non-local features, two-stage form).
    pub(crate) fn tag_document(&self, words: &[&str], sents: &[Range<usize>], ds: &mut DocScratch) {
        let w = &self.weights;
        ds.cache.use_model((w.id(), self.clusters.id()));
        if ds.pair_owner != w.id() || ds.pair_ids.is_empty() {
            ds.feats.clear();
            for p1 in 0..NUM_TAGS as u8 {
                for p2 in 0..NUM_TAGS as u8 {
                    tag_pair_features(p1, p2, &mut ds.feats);
                }
            }
            ds.ids.clear();
            w.resolve(&ds.feats, &mut ds.ids);
            ds.pair_ids = ds.ids.chunks(2).map(|c| [c[0], c[1]]).collect();
            ds.model = model_ids(w);
            ds.pair_owner = w.id();
        }
        ds.mem.clear();
        ds.infos.clear();
        ds.base.clear();
        ds.have.clear();
        ds.gaz.clear();
        ds.scases.clear();
        ds.o_ids.clear();
        ds.hist1.clear();
        ds.tags1.clear();
        ds.spans1.clear();
        ds.spans.clear();
        for (k, r) in sents.iter().enumerate() {
            let words = &words[r.clone()];
            let scase = self.base_scores(words, ds);
            let infos = &ds.sc.infos;
            let h0 = ds.hist1.len();
            ds.hist1.extend(infos.iter().map(|t| ds.mem.lookup(t)));
            let sent = Sentence {
                infos,
                gaz: &ds.gaz[r.clone()],
                scase,
                base: &mut ds.base[r.clone()],
                have: &mut ds.have[r.clone()],
                o: &mut ds.o_ids[r.clone()],
                pair: &ds.pair_ids,
                model: &ds.model,
            };
            decode(w, sent, &ds.hist1[h0..], None, &mut ds.feats, &mut ds.tags);
            ds.sent_spans.clear();
            spans_from_tags(&ds.tags, &mut ds.sent_spans);
            ds.mem.record(infos, &ds.sent_spans);
            self.fix_spans(words, &mut ds.sent_spans, !ds.no_ampersand);
            ds.spans1.extend(ds.sent_spans.iter().map(|&s| (k, s)));
            ds.tags1.extend_from_slice(&ds.tags);
            ds.infos.extend_from_slice(infos);
        }
        ds.mem.frozen = true;
        let mut j1 = 0usize;
        for (k, r) in sents.iter().enumerate() {
            let start = j1;
            while j1 < ds.spans1.len() && ds.spans1[j1].0 == k {
                j1 += 1;
            }
            let infos = &ds.infos[r.clone()];
            ds.hist2.clear();
            for t in infos {
                ds.hist2
                    .push(ds.mem.lookup_raw(t.lower, t.flags & F_INIT_CAP != 0));
            }
            let hist1 = &ds.hist1[r.clone()];
            if ds.hist2[..] == hist1[..] {
                ds.spans.extend_from_slice(&ds.spans1[start..j1]);
                continue;
            }
            let prev = Previous {
                tags: &ds.tags1[r.clone()],
                hist: hist1,
            };
            let sent = Sentence {
                infos,
                gaz: &ds.gaz[r.clone()],
                scase: ds.scases[k],
                base: &mut ds.base[r.clone()],
                have: &mut ds.have[r.clone()],
                o: &mut ds.o_ids[r.clone()],
                pair: &ds.pair_ids,
                model: &ds.model,
            };
            decode(w, sent, &ds.hist2, Some(prev), &mut ds.feats, &mut ds.tags);
            ds.sent_spans.clear();
            spans_from_tags(&ds.tags, &mut ds.sent_spans);
            self.fix_spans(&words[r.clone()], &mut ds.sent_spans, !ds.no_ampersand);
            ds.spans.extend(ds.sent_spans.iter().map(|&s| (k, s)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::{decode_sentence, Scratch};
    use super::*;

    /// Two-pass tagging as training decodes (plus the skipping rule of inference): every
    /// feature summed from zero, every sentence decoded again in pass 2.
    fn reference(rec: &Recognizer, words: &[&str], sents: &[Range<usize>]) -> Vec<(usize, Span)> {
        let (mut mem, mut sc) = (DocMemory::default(), Scratch::default());
        let mut out = Vec::new();
        for pass in 0..2 {
            mem.frozen = pass == 1;
            for (k, r) in sents.iter().enumerate() {
                let ws = &words[r.clone()];
                let mut scores = [0; NUM_TAGS - 1];
                decode_sentence(
                    &rec.gaz,
                    &rec.clusters,
                    ws,
                    &mut mem,
                    &mut sc,
                    true,
                    |_, f, a| {
                        rec.weights.score(f, &mut scores);
                        best_tag(&scores, a)
                    },
                );
                rec.fix_spans(ws, &mut sc.spans, true);
                if pass == 1 {
                    out.extend(sc.spans.iter().map(|&s| (k, s)));
                }
            }
        }
        out
    }

    #[test]
    fn same_spans_as_full_two_pass_decoding() {
        let rec = Recognizer::embedded();
        let doc = [
            "STORM LASHES BALTIC COAST",
            "Kovac Warns Of Floods In The North",
            "Kovac said on Monday that Gdansk and Klaipeda would close their ports .",
            "Mr. Brenner , a spokesman for Baltic Shipping Lines , agreed .",
            "Ana Kovac , the mayor of Split , flew to Gdansk on Tuesday .",
            "Brenner said Baltic Shipping had lost 3.5 million euros .",
            "Klaipeda port officials declined to comment to Reuters .",
        ];
        let mut words = Vec::new();
        let mut sents = Vec::new();
        for s in doc {
            let start = words.len();
            words.extend(s.split(' '));
            sents.push(start..words.len());
        }
        let mut ds = DocScratch::default();
        rec.tag_document(&words, &sents, &mut ds);
        let want = reference(rec, &words, &sents);
        assert_eq!(ds.spans, want);
        assert!(want.len() >= 8, "{want:?}");
        // A second document with the same scratch (warm word cache) agrees too.
        let n = sents[1].end;
        rec.tag_document(&words[..n], &sents[..2], &mut ds);
        assert_eq!(ds.spans, reference(rec, &words[..n], &sents[..2]));
    }
}
