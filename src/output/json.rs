//! The JSON wire format of `dateline search --json` / `--jsonl` — scripts depend on it.
//!
//! `--json` prints one object:
//!
//! ```json
//! {"query": "cocoa", "total_hits": 73, "took_ms": 3.1, "hits": [HIT, ...],
//!  "facets": {"people": [{"name": "...", "count": 3}], "places": [...], "organizations": [...]}}
//! ```
//!
//! `facets` is present only with `--facets`. With no hits, `"unmatched_filters": [{"filter":
//! "place", "value": "Atlantis"}]` names each `--person`/`--place`/`--org` value, the
//! `--since`/`--until` period (`"filter": "date"`) and each `person:`, `place:`, `org:`,
//! `topic:` or `date:` value of the query that no article in the index meets; a `topic`
//! entry may carry `"similar": ["money-fx", ...]`, topics that start with the value. With no
//! hits, `"notes"` holds the text output's `note:` lines (syntax other tools read, taken here
//! as words). `--jsonl` prints one HIT per line and nothing else.
//! A HIT:
//!
//! | key | type | meaning |
//! |---|---|---|
//! | `rank` | integer | 1-based position in the whole result list (`--offset` included) |
//! | `score` | number or null | BM25 score; null when sorted by date |
//! | `id` | string | article id, for `dateline show` |
//! | `path` | string | source file |
//! | `title` | string | headline (may be empty) |
//! | `date` | string or null | RFC 3339 UTC instant (`1987-02-26T15:01:01Z`); null when undated |
//! | `date_source` | string | where the date came from (`metadata`, `header`, `json-field`, ... `none`) |
//! | `people`, `places`, `organizations`, `authors` | array of strings | display names, maybe empty |
//! | `source`, `url` | string or null | publisher or domain; canonical URL |
//! | `snippet` | string | about 200 characters of body, whitespace collapsed, `…` at cuts |
//! | `highlights` | array of `[start, end]` | matches in `snippet`: **character** (Unicode scalar) offsets, half-open, sorted |
//!
//! New keys may be added; existing keys keep their names and types.

use crate::search::{facets::Facets, Hit, SearchResults, UnmatchedFilter};
use serde::Serialize;

/// One hit on the wire.
#[derive(Debug, Serialize)]
pub struct JsonHit<'a> {
    /// See the module table.
    pub rank: usize,
    /// See the module table.
    pub score: Option<f32>,
    /// See the module table.
    pub id: &'a str,
    /// See the module table.
    pub path: &'a str,
    /// See the module table.
    pub title: &'a str,
    /// See the module table.
    pub date: Option<String>,
    /// See the module table.
    pub date_source: &'static str,
    /// See the module table.
    pub people: &'a [String],
    /// See the module table.
    pub places: &'a [String],
    /// See the module table.
    pub organizations: &'a [String],
    /// See the module table.
    pub authors: &'a [String],
    /// See the module table.
    pub source: Option<&'a str>,
    /// See the module table.
    pub url: Option<&'a str>,
    /// See the module table.
    pub snippet: &'a str,
    /// See the module table.
    pub highlights: &'a [(usize, usize)],
}

impl<'a> From<&'a Hit> for JsonHit<'a> {
    fn from(h: &'a Hit) -> Self {
        let a = &h.article;
        JsonHit {
            rank: h.rank,
            score: h.score,
            id: &a.id,
            path: &a.path,
            title: &a.title,
            date: a.date.map(|d| d.to_string()),
            date_source: a.date_source.as_str(),
            people: &a.people,
            places: &a.places,
            organizations: &a.organizations,
            authors: &a.authors,
            source: a.source.as_deref(),
            url: a.url.as_deref(),
            snippet: &h.snippet.text,
            highlights: &h.snippet.highlights,
        }
    }
}

/// The `--json` envelope.
#[derive(Debug, Serialize)]
pub struct JsonResults<'a> {
    /// The query as given.
    pub query: &'a str,
    /// Matching articles in the whole index.
    pub total_hits: usize,
    /// Milliseconds spent searching.
    pub took_ms: f64,
    /// The page of hits.
    pub hits: Vec<JsonHit<'a>>,
    /// Top entities across all hits, with `--facets`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<&'a Facets>,
    /// With no hits: the filters no article in the index meets, `[{"filter", "value"}]`.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub unmatched_filters: &'a [UnmatchedFilter],
    /// With no hits: notes on query syntax read as words ([`crate::search::syntax::hints`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The `--json` document for a page of results.
pub fn results(r: &SearchResults) -> String {
    let wire = JsonResults {
        query: &r.query,
        total_hits: r.total_hits,
        took_ms: (r.took_ms * 1000.0).round() / 1000.0,
        hits: r.hits.iter().map(JsonHit::from).collect(),
        facets: r.facets.as_ref(),
        unmatched_filters: &r.unmatched_filters,
        notes: if r.total_hits == 0 {
            crate::search::syntax::hints(&r.query)
        } else {
            Vec::new()
        },
    };
    serde_json::to_string(&wire).unwrap_or_default()
}

/// The `--jsonl` lines for a page of results, one hit per line, each ending in `\n`.
pub fn hit_lines(r: &SearchResults) -> String {
    let mut out = String::new();
    for h in &r.hits {
        out.push_str(&serde_json::to_string(&JsonHit::from(h)).unwrap_or_default());
        out.push('\n');
    }
    out
}
