//! Training: greedy averaged perceptron over BILOU tags (Collins 2002; greedy decoding with
//! predicted history as in Ratinov & Roth 2009), deterministic (fixed-seed document shuffle).
//!
//! Each document is decoded twice per epoch, as at run time: pass 1 without updates fills the
//! document memory, pass 2 learns with it frozen. Because the model labels its own training
//! data almost perfectly, the memory feature is hidden for a fraction of tokens
//! (`history_dropout`) so the model does not trust it blindly. Reproduce the shipped model with
//! `train(shared_root, &TrainOptions::default())` (about 20 s on one core; byte-identical
//! output on every run).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::clusters::Clusters;
use super::conll::{read_conll, Document};
use super::eval::evaluate_docs;
use super::gazetteer::Gazetteer;
use super::labels::{tags_from_spans, NUM_TAGS};
use super::model::Weights;
use super::tagger::{argmax_allowed, decode_sentence, DocMemory, IdMap, Recognizer, Scratch};
use super::NerError;

/// Folds of the jackknifed training-name gazetteer.
const FOLDS: usize = 5;

/// Training settings. `Default` gives the settings of the shipped model.
#[derive(Debug, Clone, Serialize)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Averaged weights with magnitude below this are dropped from the model file.
    pub prune: f32,
    /// Whether to build and use gazetteer features.
    pub gazetteer: bool,
    /// Whether to build and use word-cluster features (adds ~5 s of clustering).
    pub clusters: bool,
    /// Whether entity names of `eng.train` join the gazetteer (jackknifed during training).
    pub train_names: bool,
    /// Fraction of training tokens whose document-history feature is hidden.
    pub history_dropout: f64,
    /// Seed of the per-epoch document shuffle.
    pub seed: u64,
    /// Optional CoNLL dev file scored after each epoch (model selection only, never trained on).
    pub dev: Option<PathBuf>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 20,
            prune: 0.05,
            gazetteer: true,
            clusters: true,
            train_names: true,
            history_dropout: 0.2,
            // The best CoNLL dev F1 of six seeds tried (1–5 and 20091207: 0.9086–0.9106).
            seed: 5,
            dev: None,
        }
    }
}

/// What training did, for logs and the project's reproducibility notes.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// Options used.
    pub options: TrainOptions,
    /// Training sentences.
    pub sentences: usize,
    /// Training tokens.
    pub tokens: usize,
    /// Clustered words in the model.
    pub cluster_words: usize,
    /// Gazetteer phrases in the model.
    pub gazetteer_phrases: usize,
    /// Weight rows before and after pruning.
    pub features_trained: usize,
    /// Weight rows in the model file.
    pub features_kept: usize,
    /// Token accuracy on the training data during each epoch (greedy, predicted history).
    pub epoch_train_accuracy: Vec<f64>,
    /// Overall dev F1 after each epoch, if a dev file was given.
    pub epoch_dev_f1: Vec<f64>,
    /// Size of the gzipped model file in bytes.
    pub model_bytes: usize,
    /// Wall-clock training time in seconds (including reading data).
    pub seconds: f64,
}

/// Trains the shipped model from `shared_root` (`corpora/conll2003-en/eng.train` plus the
/// gazetteer lists, see `gazetteer.rs`) and returns the model file bytes (gzipped).
///
/// Errors: [`NerError::Io`]/[`NerError::Conll`] for missing or malformed data.
pub fn train(shared_root: &Path, opts: &TrainOptions) -> Result<(Vec<u8>, TrainReport), NerError> {
    let t0 = Instant::now();
    let docs = read_conll(&shared_root.join("corpora/conll2003-en/eng.train"))?;
    let gaz = if opts.gazetteer {
        Gazetteer::build(shared_root)?
    } else {
        Gazetteer::default()
    };
    let clusters = if opts.clusters {
        Clusters::build(shared_root)?
    } else {
        Clusters::default()
    };
    let dev = match &opts.dev {
        Some(p) => Some(read_conll(p)?),
        None => None,
    };
    let (rec, mut report) = train_documents(&docs, gaz, clusters, opts, dev.as_deref());
    let bytes = rec.to_bytes();
    report.model_bytes = bytes.len();
    report.seconds = t0.elapsed().as_secs_f64();
    Ok((bytes, report))
}

/// Perceptron state: weights `w` and the running sums `u` of `c * update` for averaging
/// (Daumé's trick: average = w - u / c).
#[derive(Default)]
struct Perceptron {
    index: IdMap<u32, u32>,
    w: Vec<[f32; NUM_TAGS]>,
    u: Vec<[f64; NUM_TAGS]>,
    c: f64,
}

impl Perceptron {
    fn score(&self, feats: &[u32], s: &mut [f32; NUM_TAGS]) {
        *s = [0.0; NUM_TAGS];
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for (a, b) in s.iter_mut().zip(&self.w[r as usize]) {
                    *a += b;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u32], gold: u8, pred: u8) {
        for &f in feats {
            let next = self.w.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == self.w.len() {
                self.w.push([0.0; NUM_TAGS]);
                self.u.push([0.0; NUM_TAGS]);
            }
            self.w[r][gold as usize] += 1.0;
            self.u[r][gold as usize] += self.c;
            self.w[r][pred as usize] -= 1.0;
            self.u[r][pred as usize] -= self.c;
        }
    }

    /// Averaged weight rows, sorted by key (so callers iterate deterministically).
    fn averaged_rows(&self) -> Vec<(u32, [f32; NUM_TAGS])> {
        let c = self.c.max(1.0);
        let mut rows: Vec<(u32, [f32; NUM_TAGS])> = self
            .index
            .iter()
            .map(|(&k, &r)| {
                let mut a = [0f32; NUM_TAGS];
                for (j, v) in a.iter_mut().enumerate() {
                    *v = (f64::from(self.w[r as usize][j]) - self.u[r as usize][j] / c) as f32;
                }
                (k, a)
            })
            .collect();
        rows.sort_unstable_by_key(|e| e.0);
        rows
    }
}

/// Trains on in-memory documents with a given gazetteer; `dev` documents, if any, are scored
/// after each epoch. Deterministic for fixed inputs and options.
pub(crate) fn train_documents(
    docs: &[Document],
    gaz: Gazetteer,
    clusters: Clusters,
    opts: &TrainOptions,
    dev: Option<&[Document]>,
) -> (Recognizer, TrainReport) {
    let gold: Vec<Vec<Vec<u8>>> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| tags_from_spans(&s.gold, s.tokens.len()))
                .collect()
        })
        .collect();
    let mut report = TrainReport {
        options: opts.clone(),
        sentences: docs.iter().map(|d| d.sentences.len()).sum(),
        tokens: docs.iter().map(Document::token_count).sum(),
        gazetteer_phrases: gaz.len(),
        cluster_words: clusters.len(),
        features_trained: 0,
        features_kept: 0,
        epoch_train_accuracy: Vec::new(),
        epoch_dev_f1: Vec::new(),
        model_bytes: 0,
        seconds: 0.0,
    };
    // Names of the training documents join the gazetteer, jackknifed: a document in fold f
    // is trained with the names of the other folds only, so the feature is as unreliable as it
    // will be on unseen text; the shipped gazetteer has the names of all folds.
    let folds: Vec<Gazetteer> = (0..FOLDS)
        .map(|f| {
            if opts.train_names {
                gaz.with_train_names(
                    docs.iter()
                        .enumerate()
                        .filter(|e| e.0 % FOLDS != f)
                        .map(|e| e.1),
                )
            } else {
                gaz.clone()
            }
        })
        .collect();
    let gaz = if opts.train_names {
        gaz.with_train_names(docs.iter())
    } else {
        gaz
    };
    report.gazetteer_phrases = gaz.len();
    let mut rec = Recognizer {
        weights: Weights::default(),
        gaz,
        clusters,
    };
    let data = TrainData {
        docs,
        gold: &gold,
        folds: &folds,
    };
    let p = train_one(&data, &mut rec, opts, dev, &mut report);
    report.features_trained = p.w.len();
    rec.weights = Weights::quantize(p.averaged_rows(), opts.prune);
    report.features_kept = rec.weights.len();
    (rec, report)
}

/// Training documents, their gold BILOU tags, and the gazetteer of each jackknife fold.
struct TrainData<'a> {
    docs: &'a [Document],
    gold: &'a [Vec<Vec<u8>>],
    folds: &'a [Gazetteer],
}

/// One perceptron: `opts.epochs` passes in an order shuffled from `opts.seed`.
fn train_one(
    data: &TrainData<'_>,
    rec: &mut Recognizer,
    opts: &TrainOptions,
    dev: Option<&[Document]>,
    report: &mut TrainReport,
) -> Perceptron {
    let (docs, gold, folds) = (data.docs, data.gold, data.folds);
    let seed = opts.seed;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = seed | 1;
    let mut p = Perceptron::default();
    let (mut mem, mut sc) = (DocMemory::default(), Scratch::default());
    if opts.history_dropout > 0.0 {
        mem.drop_state = seed.rotate_left(17) | 1;
        mem.drop_rate = opts.history_dropout;
    }
    let mut words: Vec<&str> = Vec::new();
    for _ in 0..opts.epochs {
        // Fisher-Yates with xorshift64: the same seed gives the same order on every machine.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &d in &order {
            mem.clear();
            // Pass 1 (no updates) fills the document memory with the current model's labels
            // for the whole document; pass 2 learns with that memory frozen, as at run time.
            let mut scores = [0f32; NUM_TAGS];
            for s in &docs[d].sentences {
                words.clear();
                words.extend(s.tokens.iter().map(String::as_str));
                decode_sentence(
                    &folds[d % FOLDS],
                    &rec.clusters,
                    &words,
                    &mut mem,
                    &mut sc,
                    false,
                    |_, feats, allowed| {
                        p.score(feats, &mut scores);
                        argmax_allowed(&scores, allowed)
                    },
                );
            }
            mem.frozen = true;
            for (s, g) in docs[d].sentences.iter().zip(&gold[d]) {
                words.clear();
                words.extend(s.tokens.iter().map(String::as_str));
                let mut scores = [0f32; NUM_TAGS];
                decode_sentence(
                    &folds[d % FOLDS],
                    &rec.clusters,
                    &words,
                    &mut mem,
                    &mut sc,
                    false,
                    |i, feats, allowed| {
                        p.c += 1.0;
                        p.score(feats, &mut scores);
                        let pred = argmax_allowed(&scores, allowed);
                        if pred != g[i] {
                            p.update(feats, g[i], pred);
                        } else {
                            right += 1;
                        }
                        total += 1;
                        pred
                    },
                );
            }
        }
        report
            .epoch_train_accuracy
            .push(right as f64 / total.max(1) as f64);
        if let Some(dev) = dev {
            rec.weights = Weights::quantize(p.averaged_rows(), opts.prune);
            report.epoch_dev_f1.push(evaluate_docs(rec, dev).overall.f1);
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::super::conll::parse_conll;
    use super::*;
    use crate::article::EntityKind;

    /// Original toy sentences, several documents so the shuffle and memory are exercised.
    fn toy_docs() -> Vec<Document> {
        let mut text = String::new();
        let people = ["Marta Quill", "Oren Vasko", "Lina Dorsey"];
        let places = ["Velmora", "Port Ashby", "Kestrel Bay"];
        fn line(text: &mut String, w: &str, t: &str) {
            text.push_str(&format!("{w} X X {t}\n"));
        }
        for (i, p) in people.iter().enumerate() {
            let pl = places[i];
            let (first, last) = p.split_once(' ').unwrap_or((p, ""));
            line(&mut text, first, "I-PER");
            line(&mut text, last, "I-PER");
            line(&mut text, "visited", "O");
            for w in pl.split(' ') {
                line(&mut text, w, "I-LOC");
            }
            line(&mut text, "on", "O");
            line(&mut text, "Monday", "O");
            line(&mut text, ".", "O");
            text.push('\n');
            line(&mut text, "The", "O");
            line(&mut text, "mayor", "O");
            line(&mut text, "of", "O");
            for w in pl.split(' ') {
                line(&mut text, w, "I-LOC");
            }
            line(&mut text, "greeted", "O");
            line(&mut text, last, "I-PER");
            line(&mut text, ".", "O");
            text.push_str("\n-DOCSTART- -X- O O\n\n");
        }
        parse_conll(&text, "toy").unwrap()
    }

    #[test]
    fn tiny_model_trains_serializes_and_recognizes() {
        let docs = toy_docs();
        let opts = TrainOptions {
            epochs: 8,
            prune: 0.0,
            ..TrainOptions::default()
        };
        let (rec, report) = train_documents(
            &docs,
            Gazetteer::default(),
            Clusters::default(),
            &opts,
            None,
        );
        assert_eq!(report.sentences, 6);
        assert!(report.epoch_train_accuracy.last().copied().unwrap_or(0.0) > 0.9);
        let bytes = rec.to_bytes();
        let back = Recognizer::from_bytes(&bytes).unwrap();
        assert_eq!(back.feature_count(), rec.feature_count());
        let text = "Oren Vasko visited Velmora on Monday.";
        let m = back.recognize(text);
        assert_eq!(m, rec.recognize(text));
        let got: Vec<(EntityKind, &str)> = m.iter().map(|m| (m.kind, m.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (EntityKind::Person, "Oren Vasko"),
                (EntityKind::Place, "Velmora")
            ]
        );
        assert_eq!((m[0].start, m[0].end), (0, 10));
        assert!(Recognizer::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        // Determinism: the same inputs give byte-identical models.
        let (again, _) = train_documents(
            &docs,
            Gazetteer::default(),
            Clusters::default(),
            &opts,
            None,
        );
        assert_eq!(again.to_bytes(), bytes);
    }
}
