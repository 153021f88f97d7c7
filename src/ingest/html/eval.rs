//! Evaluation of main-text extraction on the Zyte (Scrapinghub) article-extraction benchmark.
//!
//! The benchmark (github.com/scrapinghub/article-extraction-benchmark, MIT) is 181 news and blog
//! pages `html/<id>.html.gz` with hand-made `ground-truth.json` `articleBody` texts. Each page
//! goes through [`parse_html`] exactly as in ingest (a refused page predicts ""), and the
//! prediction is scored with the benchmark's own shingle metric (`score.rs`).

use std::io::Read;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::score::{aggregate, precision, recall, shingle_matching};
use super::{parse_html, HtmlError};

/// Corpus-level figures; serializes as `{"precision","recall","f1","pages"}` (fractions in 0..=1).
#[derive(Debug, Clone, Serialize)]
pub struct HtmlEvalReport {
    /// Mean per-page shingle precision (pages with a non-empty prediction).
    pub precision: f64,
    /// Mean per-page shingle recall (pages with a non-empty ground truth).
    pub recall: f64,
    /// `2PR / (P + R)` of the two means, as the benchmark computes it.
    pub f1: f64,
    /// Pages evaluated.
    pub pages: usize,
    /// Per-page figures, worst F1 first, for error analysis.
    #[serde(skip)]
    pub per_page: Vec<PageScore>,
    /// Wall-clock seconds spent in [`parse_html`] (decompression and scoring excluded).
    #[serde(skip)]
    pub parse_seconds: f64,
}

/// One page's result.
#[derive(Debug, Clone)]
pub struct PageScore {
    /// Benchmark id (the file stem).
    pub id: String,
    /// Shingle precision of this page.
    pub precision: f64,
    /// Shingle recall of this page.
    pub recall: f64,
}

/// Runs [`parse_html`] on every page of the benchmark at `dir` (the folder holding
/// `ground-truth.json` and `html/`) and scores the bodies.
///
/// Errors: unreadable or malformed `ground-truth.json`, a record without `articleBody`, or a
/// missing/corrupt `html/<id>.html.gz` ([`HtmlError::Io`], [`HtmlError::Json`],
/// [`HtmlError::Record`]).
pub fn evaluate_zyte(dir: &Path) -> Result<HtmlEvalReport, HtmlError> {
    let gt_path = dir.join("ground-truth.json");
    let gt_name = gt_path.display().to_string();
    let raw = std::fs::read_to_string(&gt_path).map_err(|source| HtmlError::Io {
        path: gt_name.clone(),
        source,
    })?;
    let gt: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&raw).map_err(|source| HtmlError::Json {
            path: gt_name.clone(),
            source,
        })?;
    let mut counts = Vec::with_capacity(gt.len());
    let mut per_page = Vec::with_capacity(gt.len());
    let mut parse_seconds = 0.0;
    for (id, rec) in &gt {
        let truth = rec
            .get("articleBody")
            .and_then(|v| v.as_str())
            .ok_or_else(|| HtmlError::Record {
                path: gt_name.clone(),
                id: id.clone(),
                reason: "no string articleBody".into(),
            })?;
        let page_path = dir.join("html").join(format!("{id}.html.gz"));
        let page_name = page_path.display().to_string();
        let file = std::fs::File::open(&page_path).map_err(|source| HtmlError::Io {
            path: page_name.clone(),
            source,
        })?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|source| HtmlError::Io {
                path: page_name.clone(),
                source,
            })?;
        let t0 = Instant::now();
        let pred = parse_html(&bytes, Some(&page_name))
            .map(|p| p.body)
            .unwrap_or_default();
        parse_seconds += t0.elapsed().as_secs_f64();
        let m = shingle_matching(truth, &pred);
        counts.push(m);
        per_page.push(PageScore {
            id: id.clone(),
            precision: precision(m),
            recall: recall(m),
        });
    }
    let f1 = |s: &PageScore| {
        let d = s.precision + s.recall;
        if d > 0.0 {
            2.0 * s.precision * s.recall / d
        } else {
            0.0
        }
    };
    per_page.sort_by(|a, b| f1(a).total_cmp(&f1(b)));
    let (precision, recall, f1) = aggregate(&counts);
    Ok(HtmlEvalReport {
        precision,
        recall,
        f1,
        pages: counts.len(),
        per_page,
        parse_seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Floor measured on the 181 pages; see the module report for the exact figures.
    const F1_FLOOR: f64 = 0.97;

    #[test]
    fn zyte_benchmark_floor() {
        let Some(dir) = crate::eval::shared("corpora/article-extraction-benchmark") else {
            return;
        };
        let r = evaluate_zyte(&dir).unwrap();
        println!("{}", serde_json::to_string(&r).unwrap());
        assert_eq!(r.pages, 181);
        assert!(r.f1 >= F1_FLOOR, "F1 {} below floor {F1_FLOOR}", r.f1);
    }

    #[test]
    fn missing_dir_is_an_io_error() {
        let e = evaluate_zyte(Path::new("/nonexistent/zyte")).unwrap_err();
        assert!(matches!(e, HtmlError::Io { .. }));
        assert!(e
            .to_string()
            .starts_with("/nonexistent/zyte/ground-truth.json: "));
    }

    #[test]
    fn report_serializes_four_fields() {
        let r = HtmlEvalReport {
            precision: 0.5,
            recall: 1.0,
            f1: 2.0 / 3.0,
            pages: 2,
            per_page: vec![],
            parse_seconds: 1.0,
        };
        let v = serde_json::to_value(&r).unwrap();
        let mut keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["f1", "pages", "precision", "recall"]);
    }
}
