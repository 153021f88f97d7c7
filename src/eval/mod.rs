//! Evaluations against third-party gold data, and where that data lives.
//!
//! | command | data | metric |
//! |---|---|---|
//! | `dateline eval html --zyte DIR` | Zyte article-extraction-benchmark, 181 pages | token-shingle precision/recall/F1 of the body ([`evaluate_zyte`]) |
//! | `dateline eval dates --htmldate DIR` | htmldate-eval, 800 pages | share of pages dated correctly, wrongly, not at all ([`evaluate_htmldate`]) |
//! | `dateline eval ner --conll FILE` | CoNLL-2003 English (dev split) | exact-span precision/recall/F1 per type, conlleval-style ([`evaluate_conll`]) |
//!
//! The data is never copied into the repository: commands and tests read it from
//! [`shared_root`] (env `DATELINE_SHARED`, default `../shared`).

pub use crate::extract::date::{evaluate_htmldate, DateEvalReport};
pub use crate::extract::ner::{evaluate_conll, EvalReport as NerEvalReport};
pub use crate::ingest::html::{evaluate_zyte, HtmlEvalReport};

use std::path::PathBuf;

/// The folder holding third-party data (`corpora/…`): env `DATELINE_SHARED`, or `../shared`
/// relative to the working directory (the checkout's sibling).
pub fn shared_root() -> PathBuf {
    std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"))
}

/// For tests: `shared_root()/what`, or `None` after printing a `SKIP:` line when it is absent.
#[cfg(test)]
pub(crate) fn shared(what: &str) -> Option<PathBuf> {
    let path = shared_root().join(what);
    if path.exists() {
        Some(path)
    } else {
        // Straight to stderr: the test harness captures `println!`, and a SKIP must show.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIP: {} not found (set DATELINE_SHARED)",
            path.display()
        );
        None
    }
}
