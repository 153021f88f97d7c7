//! # dateline
//!
//! A full-text search engine for news archives. Point it at a folder of articles (plain text,
//! JSON from crawlers, Reuters-21578 SGML) and it builds a [Tantivy](https://docs.rs/tantivy)
//! index with real fields for date, people, places and organizations; searches return ranked,
//! highlighted snippets as text or JSON.
//!
//! The modules follow the data:
//!
//! - [`ingest`]: files → [`Article`]s (formats, character decoding, bad input reported per
//!   file, line or record);
//! - [`extract`]: fields found in the text (dates, entities);
//! - [`index`]: the schema, and writing articles into a Tantivy index (upsert by id);
//! - [`search`]: the query language, filters, ranking and snippets;
//! - [`output`]: hits as terminal text, JSON and JSON Lines;
//! - [`markup`]: a linear, never-failing HTML tag scanner and entity decoder they share;
//! - [`eval`]: measurements against third-party gold data;
//! - [`alloc`]: the allocator setting the binary and the benchmark share.
//!
//! ```
//! use dateline::{index, search};
//! let dir = tempfile::tempdir()?;
//! let report = index::build(&["corpus".into()], dir.path(), &index::IndexOptions::default(), &())?;
//! assert_eq!(report.articles_indexed, 20);
//! let request = search::SearchRequest { query: "central bank".into(), ..Default::default() };
//! let results = search::run(dir.path(), &request)?;
//! assert_eq!(results.hits[0].article.title, "Central bank holds rates, signals caution on wages");
//! # Ok::<(), anyhow::Error>(())
//! ```

#![deny(missing_docs)]

pub mod alloc;
pub mod article;
pub mod eval;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod markup;
pub mod output;
pub mod search;

pub use article::Article;
