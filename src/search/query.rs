//! The syntax tree and the command-line filters → one Tantivy query.
//!
//! Ranking is BM25 (Robertson & Zaragoza 2009, as Tantivy implements it) over `title`, boosted
//! [`TITLE_BOOST`]×, and `body`. Filters are `Must` clauses, so they restrict without changing
//! how hits rank against each other.

use super::period::{parse_period, Period};
use super::syntax::{Node, Scope};
use super::SearchError;
use crate::index::schema::{exact_key, news_tokens, Fields};
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

/// Boolean clauses, as Tantivy's `BooleanQuery` takes them.
type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// How much more a title match weighs than a body match.
pub const TITLE_BOOST: f32 = 2.0;

/// Restrictions from the command line; every one must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Each must be one of the article's people (whole name, or words inside a name).
    pub people: Vec<String>,
    /// Each must be one of the article's places or their countries.
    pub places: Vec<String>,
    /// Each must be one of the article's organizations.
    pub orgs: Vec<String>,
    /// Articles dated at or after the start of this period.
    pub since: Option<Period>,
    /// Articles dated before the end of this period.
    pub until: Option<Period>,
}

/// Builds the query for a parsed query string plus filters.
///
/// # Errors
/// [`SearchError::BadDate`] for a `date:` value that is not a period.
pub fn build(f: &Fields, node: &Node, filters: &Filters) -> Result<Box<dyn Query>, SearchError> {
    let mut clauses: Clauses = Vec::new();
    if let Some(q) = node_query(f, node)? {
        clauses.push((Occur::Must, q));
    } else if has_exclusions(node) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
        clauses.extend(exclusions(f, node)?);
    }
    clauses.extend(
        filter_queries(f, filters)
            .into_iter()
            .map(|(_, _, q)| (Occur::Must, q)),
    );
    if clauses.is_empty() {
        return Ok(Box::new(AllQuery));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// Each filter of `filters` as a query of its own, with the option that set it and its value
/// as typed: `("place", "Atlantis", query)`; the date bounds are one `("date", "from A before
/// B", query)` with the instants they stand for. [`build`] requires them all; [`super::run`]
/// counts each alone to say which filter no article in the index meets.
pub fn filter_queries(f: &Fields, filters: &Filters) -> Vec<ScopedQuery> {
    let mut out: Vec<ScopedQuery> = Vec::new();
    for (label, values, exact, words) in [
        ("person", &filters.people, f.person, f.person_text),
        ("place", &filters.places, f.place, f.place_text),
        ("org", &filters.orgs, f.org, f.org_text),
    ] {
        let alias = (exact == f.org).then_some(f.org_alias);
        for v in values {
            out.push((label, v.clone(), entity_query(exact, alias, words, v)));
        }
    }
    if let Some(q) = date_filter(f, filters) {
        let label = period_label(filters.since.map(|p| p.start), filters.until.map(|p| p.end));
        out.push(("date", label, q));
    }
    out
}

/// How a date bound is named where nothing met it: "from A", "before B" or both.
fn period_label(from: Option<jiff::Timestamp>, before: Option<jiff::Timestamp>) -> String {
    let from = from.map(|t| format!("from {t}"));
    let before = before.map(|t| format!("before {t}"));
    [from, before]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each required `person:`, `place:`, `org:`, `topic:` and `date:` word or phrase of `node`
/// (not one under `-`, NOT or OR) as a query of its own, labelled as [`filter_queries`] labels
/// the options: `("topic", "money", query)`, `("date", "from A before B", query)`.
///
/// # Errors
/// [`SearchError::BadDate`] for a `date:` value that is not a period.
pub fn scoped_queries(f: &Fields, node: &Node) -> Result<Vec<ScopedQuery>, SearchError> {
    let mut out = Vec::new();
    collect_scoped(f, node, &mut out)?;
    Ok(out)
}

/// A label, a value and its query, as [`filter_queries`] and [`scoped_queries`] give them.
pub type ScopedQuery = (&'static str, String, Box<dyn Query>);

fn collect_scoped(f: &Fields, node: &Node, out: &mut Vec<ScopedQuery>) -> Result<(), SearchError> {
    match node {
        Node::Word(Some(scope), text) | Node::Phrase(Some(scope), text) => {
            let label = match scope {
                Scope::Person => "person",
                Scope::Place => "place",
                Scope::Org => "org",
                Scope::Topic => "topic",
                Scope::Date => "date",
                Scope::Title | Scope::Body => return Ok(()),
            };
            let value = match (scope, parse_period(text)) {
                (Scope::Date, Some(p)) => period_label(Some(p.start), Some(p.end)),
                _ => text.clone(),
            };
            if let Some(q) = leaf(f, Some(*scope), text)? {
                out.push((label, value, q));
            }
        }
        // Under OR, a value that matches nothing need not be why nothing matched.
        Node::Word(None, _) | Node::Phrase(None, _) | Node::Not(_) | Node::Or(_) => {}
        Node::And(items) => {
            for item in items {
                collect_scoped(f, item, out)?;
            }
        }
    }
    Ok(())
}

/// The `--since`/`--until` range as one query, or `None` when neither is set.
fn date_filter(f: &Fields, filters: &Filters) -> Option<Box<dyn Query>> {
    if filters.since.is_none() && filters.until.is_none() {
        return None;
    }
    let lower = filters.since.map_or(Bound::Unbounded, |p| {
        Bound::Included(date_term(f.date, p.start))
    });
    let upper = filters.until.map_or(Bound::Unbounded, |p| {
        Bound::Excluded(date_term(f.date, p.end))
    });
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// Whether `node` searches for anything: a word the analyzer keeps, or an exclusion. A
/// query of punctuation or operators alone (`!!!`, `"`, `-`, `OR`) does not.
///
/// # Errors
/// As [`build`].
pub fn has_terms(f: &Fields, node: &Node) -> Result<bool, SearchError> {
    Ok(has_exclusions(node) || node_query(f, node)?.is_some())
}

fn has_exclusions(node: &Node) -> bool {
    match node {
        Node::Not(_) => true,
        Node::And(items) => items.iter().any(|n| matches!(n, Node::Not(_))),
        _ => false,
    }
}

fn exclusions(f: &Fields, node: &Node) -> Result<Clauses, SearchError> {
    let items = match node {
        Node::And(items) => items.as_slice(),
        other => std::slice::from_ref(other),
    };
    let mut out = Vec::new();
    for item in items {
        if let Node::Not(inner) = item {
            if let Some(q) = node_query(f, inner)? {
                out.push((Occur::MustNot, q));
            }
        }
    }
    Ok(out)
}

/// The query for a node, or `None` when it can match nothing positively (no tokens, or only
/// exclusions).
fn node_query(f: &Fields, node: &Node) -> Result<Option<Box<dyn Query>>, SearchError> {
    Ok(match node {
        Node::Word(scope, text) | Node::Phrase(scope, text) => leaf(f, *scope, text)?,
        Node::Not(_) => None,
        Node::And(items) => {
            let mut clauses = Vec::new();
            for item in items {
                match item {
                    Node::Not(inner) => {
                        if let Some(q) = node_query(f, inner)? {
                            clauses.push((Occur::MustNot, q));
                        }
                    }
                    other => {
                        if let Some(q) = node_query(f, other)? {
                            clauses.push((Occur::Must, q));
                        }
                    }
                }
            }
            if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
                return Ok(None);
            }
            Some(Box::new(BooleanQuery::new(clauses)))
        }
        Node::Or(items) => {
            let mut clauses: Clauses = Vec::new();
            for item in items {
                let q = match item {
                    Node::Not(_) => {
                        let mut c = vec![(Occur::Must, Box::new(AllQuery) as Box<dyn Query>)];
                        c.extend(exclusions(f, item)?);
                        Some(Box::new(BooleanQuery::new(c)) as Box<dyn Query>)
                    }
                    other => node_query(f, other)?,
                };
                clauses.extend(q.map(|q| (Occur::Should, q)));
            }
            (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
        }
    })
}

fn leaf(
    f: &Fields,
    scope: Option<Scope>,
    text: &str,
) -> Result<Option<Box<dyn Query>>, SearchError> {
    Ok(match scope {
        None => {
            let title = words_query(f.title, text)
                .map(|q| Box::new(BoostQuery::new(q, TITLE_BOOST)) as Box<dyn Query>);
            let body = words_query(f.body, text);
            let parts: Vec<_> = title
                .into_iter()
                .chain(body)
                .map(|q| (Occur::Should, q))
                .collect();
            (!parts.is_empty()).then(|| Box::new(BooleanQuery::new(parts)) as Box<dyn Query>)
        }
        Some(Scope::Title) => words_query(f.title, text),
        Some(Scope::Body) => words_query(f.body, text),
        Some(Scope::Person) => Some(entity_query(f.person, None, f.person_text, text)),
        Some(Scope::Place) => Some(entity_query(f.place, None, f.place_text, text)),
        Some(Scope::Org) => Some(entity_query(f.org, Some(f.org_alias), f.org_text, text)),
        Some(Scope::Topic) => {
            // Topics are indexed as written: Reuters' in lower case, JSON categories often in
            // capitals ("POLITICS").
            let mut forms = vec![text.to_string(), text.to_lowercase(), text.to_uppercase()];
            forms.sort_unstable();
            forms.dedup();
            let parts: Clauses = forms
                .iter()
                .map(|t| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(f.topics, t),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            Some(Box::new(BooleanQuery::new(parts)))
        }
        Some(Scope::Date) => {
            let p = parse_period(text).ok_or_else(|| SearchError::BadDate {
                what: "date:".into(),
                value: text.to_string(),
            })?;
            let range = RangeQuery::new(
                Bound::Included(date_term(f.date, p.start)),
                Bound::Excluded(date_term(f.date, p.end)),
            );
            Some(Box::new(range))
        }
    })
}

/// Matches `text` in an analyzed field: one token → term query, several → phrase query.
fn words_query(field: Field, text: &str) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = news_tokens(text)
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// A name as a whole value (case- and accent-insensitive), as another form of it in the
/// `alias` field (an organization's acronym), or as words inside a name: `altman` and `Sam
/// Altman` both find "Sam Altman", `IMF` the International Monetary Fund. With a leading `=`
/// ([`EXACT`]), the whole shown value only: `=Treasury` finds the articles a facet counts
/// under "Treasury", not those naming the "Treasury Department".
fn entity_query(exact: Field, alias: Option<Field>, words: Field, name: &str) -> Box<dyn Query> {
    if let Some(whole) = name.strip_prefix(EXACT) {
        return Box::new(TermQuery::new(
            Term::from_field_text(exact, &exact_key(whole)),
            IndexRecordOption::Basic,
        ));
    }
    let key = exact_key(name);
    let mut parts: Vec<(Occur, Box<dyn Query>)> = [Some(exact), alias]
        .into_iter()
        .flatten()
        .map(|field| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(field, &key),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, q)
        })
        .collect();
    if let Some(q) = words_query(words, name) {
        parts.push((Occur::Should, q));
    }
    Box::new(BooleanQuery::new(parts))
}

/// Leads a filter value that must equal a whole name (`--org =Treasury`).
pub const EXACT: char = '=';

/// Tantivy keeps dates as nanoseconds in an `i64` (years 1677 to 2262): a bound past either
/// end is clamped to it, where it wrapped round before (`--since 2300` matched every article).
/// Stored dates lie in 1900..=2100 (`extract::date`), so clamping changes no hit.
fn date_term(field: Field, at: jiff::Timestamp) -> Term {
    let nanos = i64::try_from(at.as_nanosecond()).unwrap_or(if at.as_second() < 0 {
        i64::MIN
    } else {
        i64::MAX
    });
    Term::from_field_date_for_search(field, DateTime::from_timestamp_nanos(nanos))
}
