//! Exact-span scoring in the style of conlleval (CoNLL-2003): an entity counts as correct only
//! if its type and both boundaries match the gold entity.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::conll::{read_conll, Document};
use super::document::DocScratch;
use super::labels::{type_name, Span, NUM_TYPES};
use super::tagger::Recognizer;
use super::NerError;

/// Precision, recall and F1 (fractions 0..1) of one entity type or of all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// Correct / predicted.
    pub precision: f64,
    /// Correct / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Number of gold entities.
    pub support: usize,
}

impl Score {
    fn from_counts(correct: usize, predicted: usize, gold: usize) -> Score {
        let p = if predicted == 0 {
            0.0
        } else {
            correct as f64 / predicted as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            correct as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Score {
            precision: p,
            recall: r,
            f1,
            support: gold,
        }
    }
}

/// Per-type and overall scores plus tagging speed; serializes as
/// `{"PER":{..},"LOC":{..},"ORG":{..},"MISC":{..},"overall":{..},"tokens_per_s":..}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvalReport {
    /// Persons.
    #[serde(rename = "PER")]
    pub per: Score,
    /// Locations.
    #[serde(rename = "LOC")]
    pub loc: Score,
    /// Organizations.
    #[serde(rename = "ORG")]
    pub org: Score,
    /// Miscellaneous.
    #[serde(rename = "MISC")]
    pub misc: Score,
    /// Micro-average over all types.
    pub overall: Score,
    /// Tokens tagged per second (features + decoding on gold tokens, one thread).
    pub tokens_per_s: f64,
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>8}",
            "type", "precision", "recall", "f1", "support"
        )?;
        for (name, s) in [
            ("PER", &self.per),
            ("LOC", &self.loc),
            ("ORG", &self.org),
            ("MISC", &self.misc),
            ("overall", &self.overall),
        ] {
            writeln!(
                f,
                "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>8}",
                name, s.precision, s.recall, s.f1, s.support
            )?;
        }
        write!(f, "tokens/s: {:.0}", self.tokens_per_s)
    }
}

/// Counts of correct, predicted and gold entities per type.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    correct: [usize; NUM_TYPES],
    predicted: [usize; NUM_TYPES],
    gold: [usize; NUM_TYPES],
}

impl Counts {
    /// Adds one sentence's gold and predicted spans.
    pub(crate) fn add(&mut self, gold: &[Span], pred: &[Span]) {
        let g: HashSet<&Span> = gold.iter().collect();
        for s in gold {
            self.gold[s.ty] += 1;
        }
        for s in pred {
            self.predicted[s.ty] += 1;
            if g.contains(s) {
                self.correct[s.ty] += 1;
            }
        }
    }

    /// The report (with `tokens_per_s` left at 0).
    pub(crate) fn report(&self) -> EvalReport {
        let s = |t: usize| Score::from_counts(self.correct[t], self.predicted[t], self.gold[t]);
        let sum = |a: &[usize; NUM_TYPES]| a.iter().sum::<usize>();
        EvalReport {
            per: s(0),
            loc: s(1),
            org: s(2),
            misc: s(3),
            overall: Score::from_counts(sum(&self.correct), sum(&self.predicted), sum(&self.gold)),
            tokens_per_s: 0.0,
        }
    }
}

/// Tags every sentence of `docs` (the gold tokens, document by document) and scores it.
pub(crate) fn evaluate_docs(rec: &Recognizer, docs: &[Document]) -> EvalReport {
    let mut counts = Counts::default();
    let mut ds = DocScratch::default();
    let (mut tokens, mut busy) = (0usize, 0f64);
    let mut pred: Vec<Span> = Vec::new();
    for d in docs {
        let (words, sents) = flatten(d);
        let t0 = Instant::now();
        rec.tag_document(&words, &sents, &mut ds);
        busy += t0.elapsed().as_secs_f64();
        tokens += words.len();
        for (k, s) in d.sentences.iter().enumerate() {
            pred.clear();
            pred.extend(ds.spans.iter().filter(|e| e.0 == k).map(|e| e.1));
            counts.add(&s.gold, &pred);
        }
    }
    let mut r = counts.report();
    r.tokens_per_s = tokens as f64 / busy.max(1e-9);
    r
}

/// All words of a document and its sentences as ranges over them.
fn flatten(d: &Document) -> (Vec<&str>, Vec<Range<usize>>) {
    let mut words = Vec::with_capacity(d.token_count());
    let mut sents = Vec::with_capacity(d.sentences.len());
    for s in &d.sentences {
        let a = words.len();
        words.extend(s.tokens.iter().map(String::as_str));
        sents.push(a..words.len());
    }
    (words, sents)
}

/// Scores `rec` on a CoNLL-2003 file (exact spans, conlleval-style); see [`EvalReport`].
///
/// Errors: [`NerError::Io`] / [`NerError::Conll`] for an unreadable or malformed file.
pub fn evaluate_conll(rec: &Recognizer, path: &Path) -> Result<EvalReport, NerError> {
    Ok(evaluate_docs(rec, &read_conll(path)?))
}

/// Name of entity type `t` as CoNLL writes it (PER, LOC, ORG, MISC).
pub fn conll_type_name(t: usize) -> &'static str {
    type_name(t)
}

/// Lists each sentence with a wrong entity as `gold | predicted` lines (error analysis aid).
///
/// Errors: as [`evaluate_conll`].
pub fn error_listing(rec: &Recognizer, path: &Path) -> Result<String, NerError> {
    let docs = read_conll(path)?;
    let mut ds = DocScratch::default();
    let mut out = String::new();
    let show = |toks: &[String], sp: &[Span]| -> String {
        sp.iter()
            .map(|s| format!("[{} {}]", type_name(s.ty), toks[s.start..s.end].join(" ")))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for d in &docs {
        let (words, sents) = flatten(d);
        rec.tag_document(&words, &sents, &mut ds);
        for (k, s) in d.sentences.iter().enumerate() {
            let mut g = s.gold.clone();
            let mut p: Vec<Span> = ds.spans.iter().filter(|e| e.0 == k).map(|e| e.1).collect();
            g.sort();
            p.sort();
            if g != p {
                let gm: Vec<Span> = g.iter().filter(|x| !p.contains(x)).copied().collect();
                let pm: Vec<Span> = p.iter().filter(|x| !g.contains(x)).copied().collect();
                out.push_str(&format!(
                    "{}\n  gold: {}\n  pred: {}\n",
                    s.tokens.join(" "),
                    show(&s.tokens, &gm),
                    show(&s.tokens, &pm)
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_scoring() {
        let gold = [
            Span {
                start: 0,
                end: 2,
                ty: 0,
            },
            Span {
                start: 4,
                end: 5,
                ty: 1,
            },
        ];
        // One exact match, one boundary error (counts as a false positive and a miss).
        let pred = [
            Span {
                start: 0,
                end: 2,
                ty: 0,
            },
            Span {
                start: 3,
                end: 5,
                ty: 1,
            },
        ];
        let mut c = Counts::default();
        c.add(&gold, &pred);
        c.add(
            &[Span {
                start: 1,
                end: 2,
                ty: 2,
            }],
            &[],
        );
        let r = c.report();
        assert_eq!(r.per.f1, 1.0);
        assert_eq!(
            (r.loc.precision, r.loc.recall, r.loc.support),
            (0.0, 0.0, 1)
        );
        assert_eq!(r.org.support, 1);
        assert!((r.overall.precision - 0.5).abs() < 1e-12);
        assert!((r.overall.recall - 1.0 / 3.0).abs() < 1e-12);
        assert!((r.overall.f1 - 0.4).abs() < 1e-12);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["PER"]["support"], 1);
        assert!(json["overall"]["f1"].is_number() && json["tokens_per_s"].is_number());
        assert!(r.to_string().contains("overall"));
    }
}

#[cfg(test)]
mod dev_floor {
    use super::*;

    /// The shipped model must keep the dev-set floors the project relies on.
    #[test]
    fn embedded_model_meets_dev_floors() {
        let Some(dev) = crate::eval::shared("corpora/conll2003-en/eng.testa") else {
            return;
        };
        let r = evaluate_conll(Recognizer::embedded(), &dev).unwrap();
        println!("{r}");
        assert_eq!(r.overall.support, 5942);
        assert!(r.per.f1 >= 0.92, "PER {}", r.per.f1);
        assert!(r.loc.f1 >= 0.90, "LOC {}", r.loc.f1);
        assert!(r.org.f1 >= 0.80, "ORG {}", r.org.f1);
    }
}
