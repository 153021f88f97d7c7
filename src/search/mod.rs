//! Searching an index: the query language, filters, ranking, sorting, snippets and facets.
//!
//! [`run`] opens the index, parses the query ([`syntax`]), builds one Tantivy query with the
//! filters ([`query`]), collects the page of hits plus the total count (and facets when asked)
//! in a single pass, and makes a snippet for each hit on the page ([`snippet`]).

pub mod facets;
pub mod period;
pub mod query;
pub mod snippet;
pub mod syntax;

use crate::article::Article;
use crate::index::{self, document::from_document, IndexError};
use facets::{FacetCollector, Facets};
pub use query::Filters;
use serde::Serialize;
pub use snippet::Snippet;
use std::path::Path;
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, TantivyDocument};

/// Errors a search can end with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// The query has a structural error.
    #[error(transparent)]
    Syntax(#[from] syntax::SyntaxError),
    /// A date given to a flag or `date:` is not a period.
    #[error("{what} {value:?} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or RFC 3339")]
    BadDate {
        /// The flag or prefix (`--since`, `date:`).
        what: String,
        /// The value given.
        value: String,
    },
    /// `--since` starts after `--until` ends: no article could match.
    #[error("--since is after --until: the period is empty")]
    EmptyPeriod,
    /// The index could not be opened.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// Tantivy failed while searching. Not a `source`, as in [`IndexError::Tantivy`].
    #[error("search failed: {}", crate::index::plain(.0))]
    Tantivy(tantivy::TantivyError),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Tantivy(e)
    }
}

/// Hit order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// BM25 score, best first.
    #[default]
    Relevance,
    /// Date, newest first (undated articles last).
    Newest,
    /// Date, oldest first (undated articles last).
    Oldest,
}

/// What to search for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query string, in the language of [`syntax`].
    pub query: String,
    /// Restrictions that every hit must meet.
    pub filters: Filters,
    /// Hit order; `None`: by relevance when the query searches words of the title or body
    /// ([`syntax::ranks`]), else newest first, as every hit of filters, names or dates alone
    /// scores the same.
    pub sort: Option<Sort>,
    /// Hits on the page.
    pub limit: usize,
    /// Hits to skip before the page.
    pub offset: usize,
    /// How many top values per entity field to count across all hits; 0 = no facets.
    pub facets: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: Filters::default(),
            sort: None,
            limit: 10,
            offset: 0,
            facets: 0,
        }
    }
}

/// One hit on the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// 1-based position in the full result list (offset included).
    pub rank: usize,
    /// BM25 score; `None` when hits are sorted by date.
    pub score: Option<f32>,
    /// The stored article.
    pub article: Article,
    /// The snippet for this hit.
    pub snippet: Snippet,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Number of matching articles in the whole index.
    pub total_hits: usize,
    /// Milliseconds spent in the search, index opening included.
    pub took_ms: f64,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Top people, places and organizations across all hits, when asked for.
    pub facets: Option<Facets>,
    /// When nothing matched: the filters that no article in the whole index meets, so that
    /// "no hits" can say which one excluded everything (an unknown place, a misspelled name).
    pub unmatched_filters: Vec<UnmatchedFilter>,
}

/// A filter or field prefix that no article in the index meets
/// ([`SearchResults::unmatched_filters`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnmatchedFilter {
    /// `person`, `place`, `org` or `date` (options or prefixes), or `topic` (prefix).
    pub filter: &'static str,
    /// The value as given (`=` included), or for `date` the period: "from INSTANT",
    /// "before INSTANT" or both.
    pub value: String,
    /// For `topic`: up to [`SIMILAR_TOPICS`] indexed topics that start with the value
    /// (`money` → `money-fx`, `money-supply`), since topics match whole; otherwise empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub similar: Vec<String>,
}

/// How many topics [`UnmatchedFilter::similar`] names at most.
pub const SIMILAR_TOPICS: usize = 5;

/// Indexed topics that start with `value` as typed, in lower case or in capitals (topics are
/// stored as written), sorted; at most [`SIMILAR_TOPICS`].
fn similar_topics(
    searcher: &tantivy::Searcher,
    fields: &index::Fields,
    value: &str,
) -> tantivy::Result<Vec<String>> {
    let mut found = std::collections::BTreeSet::new();
    for form in [
        value.to_string(),
        value.to_lowercase(),
        value.to_uppercase(),
    ] {
        found.extend(terms_with_prefix(
            searcher,
            fields.topics,
            &form,
            SIMILAR_TOPICS,
        )?);
    }
    Ok(found.into_iter().take(SIMILAR_TOPICS).collect())
}

/// Runs a search on the index in `index_dir`.
///
/// # Errors
/// [`SearchError`]: a syntax error, a bad `date:` value, a missing or unreadable index.
pub fn run(index_dir: &Path, req: &SearchRequest) -> Result<SearchResults, SearchError> {
    let started = Instant::now();
    let (index, fields) = index::open(index_dir)?;
    let mut node = syntax::parse(&req.query)?;
    let sort = req.sort.unwrap_or(if syntax::ranks(&node) {
        Sort::Relevance
    } else {
        Sort::Newest
    });
    if let (Some(since), Some(until)) = (req.filters.since, req.filters.until) {
        if since.start >= until.end {
            return Err(SearchError::EmptyPeriod);
        }
    }
    let searcher = committed_searcher(&index, index_dir)?;
    let typed_filters = &req.filters;
    let mut filters = req.filters.clone();
    // Resolved after a leading `=` (exact match), which stays.
    let split = |v: &str| match v.strip_prefix(query::EXACT) {
        Some(rest) => (query::EXACT.to_string(), rest.to_string()),
        None => (String::new(), v.to_string()),
    };
    for place in &mut filters.places {
        let (mark, name) = split(place);
        if let Some(canonical) = resolve_place(&searcher, &fields, &name)? {
            *place = mark + &canonical;
        }
    }
    for org in &mut filters.orgs {
        let (mark, name) = split(org);
        if let Some(resolved) = resolve_org(&searcher, &fields, &name)? {
            *org = mark + &resolved;
        }
    }
    let typed_node = node.clone();
    resolve_prefixes(&mut node, syntax::Scope::Place, &mut |p| {
        resolve_place(&searcher, &fields, p)
    })?;
    resolve_prefixes(&mut node, syntax::Scope::Org, &mut |o| {
        resolve_org(&searcher, &fields, o)
    })?;
    // Typed text with nothing searchable in it finds nothing; only an empty query (with or
    // without filters) lists every article.
    let query: Box<dyn tantivy::query::Query> =
        if !req.query.trim().is_empty() && !query::has_terms(&fields, &node)? {
            Box::new(tantivy::query::EmptyQuery)
        } else {
            query::build(&fields, &node, &filters)?
        };
    // Tantivy sizes its heap by limit + offset: no page is larger than the index, and a huge
    // `--limit` aborted the process on the allocation.
    let docs = usize::try_from(searcher.num_docs())
        .unwrap_or(usize::MAX)
        .max(1);
    let top = TopDocs::with_limit(req.limit.clamp(1, docs)).and_offset(req.offset.min(docs));
    let (page, total_hits): (Vec<(Option<f32>, DocAddress)>, usize) = match sort {
        Sort::Relevance => {
            let (docs, n) = searcher.search(&query, &(top.order_by_score(), Count))?;
            (docs.into_iter().map(|(s, d)| (Some(s), d)).collect(), n)
        }
        Sort::Newest | Sort::Oldest => {
            let order = if sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let (docs, n) = searcher.search(
                &query,
                &(top.order_by_fast_field::<DateTime>("date", order), Count),
            )?;
            (docs.into_iter().map(|(_, d)| (None, d)).collect(), n)
        }
    };
    let page = if req.limit == 0 { Vec::new() } else { page };
    let facets = if req.facets > 0 {
        let (people, places, organizations) = searcher.search(
            &query,
            &(
                FacetCollector::new("person", req.facets),
                FacetCollector::new("place", req.facets),
                FacetCollector::new("org", req.facets),
            ),
        )?;
        Some(Facets {
            people,
            places,
            organizations,
        })
    } else {
        None
    };
    let mut unmatched_filters = Vec::new();
    if total_hits == 0 {
        // Counted only when nothing matched: one term or range query per filter, then per
        // `place:`-like prefix of the query.
        let mut resolved = query::filter_queries(&fields, &filters);
        let mut typed = query::filter_queries(&fields, typed_filters);
        resolved.extend(query::scoped_queries(&fields, &node)?);
        typed.extend(query::scoped_queries(&fields, &typed_node)?);
        let pairs = resolved.into_iter().zip(typed);
        for ((filter, _, q), (_, value, _)) in pairs {
            if searcher.search(&*q, &Count)? == 0 {
                let similar = if filter == "topic" {
                    similar_topics(&searcher, &fields, &value)?
                } else {
                    Vec::new()
                };
                unmatched_filters.push(UnmatchedFilter {
                    filter,
                    value,
                    similar,
                });
            }
        }
    }
    let mut generator = SnippetGenerator::create(&searcher, &*query, fields.body)?;
    generator.set_max_num_chars(snippet::SNIPPET_CHARS);
    let mut analyzer = crate::index::schema::news_analyzer();
    let emphasis = snippet::Emphasis::of_query(&node, &mut analyzer);
    let mut hits = Vec::with_capacity(page.len());
    for (i, (score, address)) in page.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(address)?;
        let article = from_document(&fields, &doc);
        let snippet = snippet::snippet_with(&generator, &emphasis, &mut analyzer, &article.body);
        hits.push(Hit {
            rank: req.offset + i + 1,
            score,
            article,
            snippet,
        });
    }
    Ok(SearchResults {
        query: req.query.clone(),
        total_hits,
        took_ms: started.elapsed().as_secs_f64() * 1000.0,
        hits,
        facets,
        unmatched_filters,
    })
}

/// Applies `resolve` to every word or phrase of the query with field prefix `scope` (`place:`,
/// `org:`), as to the matching filter option.
fn resolve_prefixes(
    node: &mut syntax::Node,
    scope: syntax::Scope,
    resolve: &mut impl FnMut(&str) -> tantivy::Result<Option<String>>,
) -> tantivy::Result<()> {
    use syntax::Node;
    match node {
        Node::Word(Some(s), text) | Node::Phrase(Some(s), text) if *s == scope => {
            if let Some(canonical) = resolve(text)? {
                *node = Node::Phrase(Some(scope), canonical);
            }
        }
        Node::Word(..) | Node::Phrase(..) => {}
        Node::Not(inner) => resolve_prefixes(inner, scope, resolve)?,
        Node::And(items) | Node::Or(items) => {
            for item in items {
                resolve_prefixes(item, scope, resolve)?;
            }
        }
    }
    Ok(())
}

/// The organization name to filter on: for one of the forms of an organization news writes
/// several ways, its name ("Organization of Petroleum Exporting Countries" → "OPEC", which
/// every article naming it carries, whatever form it wrote); when no article carries `org`
/// as written, the name extraction would have stored ("General Motors Corp" → "General
/// Motors"); else `None` to keep the value.
fn resolve_org(
    searcher: &tantivy::Searcher,
    fields: &index::Fields,
    org: &str,
) -> tantivy::Result<Option<String>> {
    if let Some(name) = crate::extract::entities::well_known_name(org) {
        let key = index::schema::exact_key;
        return Ok((key(name) != key(org)).then(|| name.to_string()));
    }
    if carried(searcher, fields.org, org)? {
        return Ok(None);
    }
    Ok(crate::extract::entities::org_filter_name(org))
}

/// Whether some article carries `value` in the exact-value field `field`.
fn carried(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    value: &str,
) -> tantivy::Result<bool> {
    let key = index::schema::exact_key(value);
    Ok(searcher.doc_freq(&tantivy::Term::from_field_text(field, &key))? > 0)
}

/// The canonical name for a place filter that no article carries as written ("usa", "U.S.",
/// "Britain"), through the gazetteer; `None` to keep the value. The gazetteer is decoded only
/// in that case, so ordinary searches stay fast.
fn resolve_place(
    searcher: &tantivy::Searcher,
    fields: &index::Fields,
    place: &str,
) -> tantivy::Result<Option<String>> {
    if carried(searcher, fields.place, place)? {
        return Ok(None);
    }
    let Ok(gaz) = crate::extract::gazetteer::embedded() else {
        return Ok(None);
    };
    Ok(gaz
        .lookup(place)
        .or_else(|| gaz.canonical_reuters_place(place))
        .map(|p| p.name.clone()))
}

/// A searcher over the index as last committed. `Manual` reload: the default policy starts a
/// file watcher thread, which a one-shot CLI search does not need and pays for in latency.
fn open_searcher(index: &tantivy::Index) -> tantivy::Result<tantivy::Searcher> {
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    Ok(reader.searcher())
}

/// [`open_searcher`], or an error when the index holds no document: [`IndexError::Building`]
/// while its first run has not committed, [`IndexError::NoArticles`] after a run finished
/// without finding any article (it wrote the index's roots file last), and
/// [`IndexError::Empty`] after a first run stopped (Ctrl-C): a search would say "no hits" as
/// if the archive had some and none matched.
fn committed_searcher(
    index: &tantivy::Index,
    index_dir: &Path,
) -> Result<tantivy::Searcher, SearchError> {
    let searcher = open_searcher(index)?;
    if searcher.num_docs() == 0 {
        return Err(if index::being_written(index) {
            IndexError::Building(index_dir.into())
        } else if index_dir.join(index::writer::ROOTS_FILE).exists() {
            IndexError::NoArticles(index_dir.into())
        } else {
            IndexError::Empty(index_dir.into())
        }
        .into());
    }
    Ok(searcher)
}

/// What [`show`] found.
#[derive(Debug)]
pub enum Shown {
    /// The article.
    Article(Box<Article>),
    /// The argument named a file of several articles: their ids, the first
    /// [`SHOWN_IDS`] in order, and how many there are in all.
    Several(Vec<String>, usize),
    /// The argument is a file, but the index holds no article from it (skipped, or never
    /// indexed).
    NotIndexed,
    /// No article has the id, and no file has the path.
    Missing,
}

/// Ids [`Shown::Several`] lists at most.
pub const SHOWN_IDS: usize = 5;

/// Fetches one stored article by id. A file path is taken as the ids the index gave that
/// file (`../shared/corpora/bbc-news/business/129.txt` → `bbc-news/business/129.txt`), as
/// `dateline index` names them from the folders it remembers; a file of several articles
/// gives their ids.
///
/// # Errors
/// The index cannot be opened or read.
pub fn show(index_dir: &Path, id: &str) -> Result<Shown, SearchError> {
    let (index, fields) = index::open(index_dir)?;
    let searcher = committed_searcher(&index, index_dir)?;
    let by_id = |id: &str| -> Result<Option<Article>, SearchError> {
        let term = tantivy::Term::from_field_text(fields.id, id);
        let q = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let found = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        Ok(match found.first() {
            Some((_, address)) => Some(from_document(&fields, &searcher.doc(*address)?)),
            None => None,
        })
    };
    if let Some(a) = by_id(id)? {
        return Ok(Shown::Article(Box::new(a)));
    }
    let path = Path::new(id);
    if !path.is_file() {
        return Ok(Shown::Missing);
    }
    let known = index::writer::load_roots(index_dir)?;
    let walked = crate::ingest::walk(&[path.to_path_buf()], Some(index_dir), &known);
    let Some(file) = walked.files.first() else {
        return Ok(Shown::NotIndexed);
    };
    if let Some(a) = by_id(&file.id_base)? {
        return Ok(Shown::Article(Box::new(a)));
    }
    // A file of several articles: its articles' ids are its id, '#' and a record key. The
    // id terms are read from the term dictionaries, without loading a document.
    let prefix = format!("{}#", file.id_base);
    let ids = terms_with_prefix(&searcher, fields.id, &prefix, usize::MAX)?;
    if ids.is_empty() {
        return Ok(Shown::NotIndexed);
    }
    // A feed or JSON file of one record: its article, as for a file of one article.
    let only = ids.first().filter(|_| ids.len() == 1);
    if let Some(a) = only.map(|id| by_id(id)).transpose()?.flatten() {
        return Ok(Shown::Article(Box::new(a)));
    }
    // Record keys are numbers mostly: "#2" before "#10".
    let mut ids: Vec<String> = ids.into_iter().collect();
    ids.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    let n = ids.len();
    ids.truncate(SHOWN_IDS);
    Ok(Shown::Several(ids, n))
}

/// The indexed terms of `field` that start with `prefix`, read from every segment's term
/// dictionary without loading a document; at most `limit` from each segment.
fn terms_with_prefix(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    prefix: &str,
    limit: usize,
) -> tantivy::Result<std::collections::BTreeSet<String>> {
    let mut found = std::collections::BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        let mut taken = 0;
        while taken < limit && stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if !term.starts_with(prefix) {
                break;
            }
            found.insert(term.to_string());
            taken += 1;
        }
    }
    Ok(found)
}
