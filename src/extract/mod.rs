//! Fields found in article text and metadata values: publication dates and named entities.
//!
//! Ingest formats hand over raw values (a `Date:` header, Reuters tags, a JSON `people` list);
//! this module turns them into trustworthy fields. Nothing here reads files.
//!
//! - [`date`]: date values as formats carry them;
//! - [`gazetteer`]: place names → canonical places with their country (GeoNames);
//! - [`ner`]: the embedded recognizer that finds people, places and organizations in text;
//! - [`entities`]: mentions and metadata values → canonical, de-duplicated entities.

pub mod date;
pub mod entities;
pub mod gazetteer;
pub mod ner;

use crate::article::{Article, EntityKind};
use entities::{Entity, MetadataEntities};

/// Finds what metadata did not give: a publication date from the article's dateline, URL or
/// file path ([`date::from_text`]), and normalized entities (see [`enrich_entities`]).
///
/// Returns the extra exact-value place keys to index but not display: the countries of the
/// article's places that it does not name itself (Seoul → "South Korea").
pub fn enrich(article: &mut Article) -> Vec<String> {
    if article.date.is_none() {
        if let Some(found) =
            date::from_text(&article.body, article.url.as_deref(), Some(&article.path))
        {
            article.date = Some(found.at);
            article.date_source = found.source;
        }
    }
    enrich_entities(article)
}

/// Recognizes entity mentions in the article's [`Article::text`], normalizes them together with
/// the metadata values (Reuters tags, JSON and header lists), and fills `people`, `places`, `organizations` and `entities` from them.
///
/// Returns the extra place keys, as [`enrich`] does.
pub fn enrich_entities(article: &mut Article) -> Vec<String> {
    let Ok(gaz) = gazetteer::embedded() else {
        return Vec::new();
    };
    let metadata = MetadataEntities {
        people: std::mem::take(&mut article.people),
        places: std::mem::take(&mut article.places),
        orgs: std::mem::take(&mut article.organizations),
    };
    let text = article.text();
    let mentions = ner::Recognizer::try_embedded()
        .map(|r| r.recognize(&text))
        .unwrap_or_default();
    let entities = entities::normalize(&text, &mentions, &metadata, gaz);
    apply(article, entities)
}

/// Fills the display lists from `entities` and returns the countries to index as extra keys.
fn apply(article: &mut Article, entities: Vec<Entity>) -> Vec<String> {
    let names = |kind| {
        entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone())
            .collect()
    };
    article.people = names(EntityKind::Person);
    article.places = names(EntityKind::Place);
    article.organizations = names(EntityKind::Org);
    let mut countries: Vec<String> = Vec::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Place) {
        if let Some(c) = &e.country {
            if !article.places.contains(c) && !countries.contains(c) {
                countries.push(c.clone());
            }
        }
    }
    article.entities = entities;
    countries
}
