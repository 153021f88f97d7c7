//! Converting between [`Article`]s and Tantivy documents.

use super::schema::{exact_key, Fields};
use crate::article::{Article, DateSource, EntityKind};
use crate::extract::gazetteer::fold::collapse_whitespace;
use tantivy::schema::{OwnedValue, Value};
use tantivy::{DateTime, TantivyDocument};

/// Builds the document the index stores for an article.
///
/// `extra_places` are exact-value place keys that are indexed but not displayed (the
/// countries of the places the article names); the aliases of its organization entities
/// ("IMF" of International Monetary Fund) are indexed as keys of their own field
/// ([`Fields::org_alias`]), which facets do not count.
pub fn to_document(f: &Fields, a: &Article, extra_places: &[String]) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    doc.add_text(f.path, &a.path);
    doc.add_text(f.title, &a.title);
    doc.add_text(f.body, &a.body);
    doc.add_text(f.date_source, a.date_source.as_str());
    if let Some(date) = a.date {
        doc.add_date(f.date, DateTime::from_timestamp_secs(date.as_second()));
    }
    for (values, exact, words, shown) in [
        (&a.people, f.person, f.person_text, f.people),
        (&a.places, f.place, f.place_text, f.places),
        (&a.organizations, f.org, f.org_text, f.organizations),
    ] {
        let mut shown_values: Vec<&String> = values.iter().collect();
        if exact == f.place {
            shown_values.extend(extra_places);
        }
        let first_alias = shown_values.len();
        if exact == f.org {
            let orgs = a.entities.iter().filter(|e| e.kind == EntityKind::Org);
            shown_values.extend(orgs.flat_map(|e| &e.aliases));
        }
        // The exact field holds display names: its analyzer folds them to keys for filters,
        // while its fast column keeps them as written for facets. One value per key.
        // FxHash and a copy, not a split and join, of names already tidy (nearly all): this
        // runs for every entity of every article.
        // Aliases go to their own field, after the names: a form that is also a shown name
        // stays a name.
        let mut seen = rustc_hash::FxHashSet::default();
        for (i, v) in shown_values.iter().enumerate() {
            let tidy = collapse_whitespace(v);
            if !tidy.is_empty() && seen.insert(exact_key(&tidy)) {
                let field = if i < first_alias { exact } else { f.org_alias };
                doc.add_text(field, &tidy);
            }
        }
        for v in values {
            doc.add_text(words, v);
            doc.add_text(shown, v);
        }
        for v in &shown_values[first_alias..] {
            doc.add_text(words, v);
        }
    }
    for t in &a.topics {
        doc.add_text(f.topics, t);
    }
    for au in &a.authors {
        doc.add_text(f.authors, au);
    }
    for (field, value) in [
        (f.url, &a.url),
        (f.source, &a.source),
        (f.language, &a.language),
    ] {
        if let Some(v) = value {
            doc.add_text(field, v);
        }
    }
    doc
}

/// Reads the stored fields of a document back into an article (without entities, which the
/// index does not store).
pub fn from_document(f: &Fields, doc: &TantivyDocument) -> Article {
    let all = |field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let one = |field| -> Option<String> {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let date = doc
        .get_first(f.date)
        .and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Date(d) => jiff::Timestamp::from_second(d.into_timestamp_secs()).ok(),
            _ => None,
        });
    Article {
        id: one(f.id).unwrap_or_default(),
        path: one(f.path).unwrap_or_default(),
        title: one(f.title).unwrap_or_default(),
        body: one(f.body).unwrap_or_default(),
        date,
        date_source: one(f.date_source)
            .and_then(|n| DateSource::from_name(&n))
            .unwrap_or_default(),
        people: all(f.people),
        places: all(f.places),
        organizations: all(f.organizations),
        authors: all(f.authors),
        source: one(f.source),
        url: one(f.url),
        topics: all(f.topics),
        language: one(f.language),
        entities: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_display_values_and_indexes_keys() {
        let f = Fields::new();
        let a = Article {
            id: "c/a.txt".into(),
            path: "c/a.txt".into(),
            title: "T".into(),
            body: "B".into(),
            date: Some("2026-03-04T05:06:07Z".parse().unwrap()),
            date_source: DateSource::Header,
            people: vec!["Ana Ruiz".into()],
            places: vec!["São Paulo".into(), "sao  paulo".into()],
            topics: vec!["trade".into()],
            url: Some("https://ex.org/a".into()),
            ..Article::default()
        };
        let doc = to_document(&f, &a, &["Brazil".into()]);
        let values: Vec<_> = doc.get_all(f.place).filter_map(|v| v.as_str()).collect();
        assert_eq!(values, ["São Paulo", "Brazil"]);
        // An organization's aliases are keys, not displayed names.
        let org = crate::extract::entities::Entity {
            kind: EntityKind::Org,
            name: "International Monetary Fund".into(),
            mentions: vec![(0, 27)],
            origin: crate::extract::entities::Origin::Text,
            country: None,
            geonames_id: None,
            aliases: vec!["IMF".into()],
        };
        let b = Article {
            organizations: vec![org.name.clone()],
            entities: vec![org],
            ..a.clone()
        };
        let doc = to_document(&f, &b, &[]);
        let keys: Vec<_> = doc.get_all(f.org).filter_map(|v| v.as_str()).collect();
        assert_eq!(keys, ["International Monetary Fund"]);
        let aliases: Vec<_> = doc
            .get_all(f.org_alias)
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(aliases, ["IMF"]);
        let shown: Vec<_> = doc
            .get_all(f.organizations)
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(shown, ["International Monetary Fund"]);
        let back = from_document(&f, &doc);
        assert_eq!(back.places, ["São Paulo", "sao  paulo"]);
        assert_eq!(back.people, ["Ana Ruiz"]);
        assert_eq!(back.date_source, DateSource::Header);
        assert_eq!(back.date.unwrap().to_string(), "2026-03-04T05:06:07Z");
        assert_eq!(back.url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(back.source, None);
    }
}
