//! Names linked across the articles of one file: a surname the recognizer typed as an
//! organization becomes the person the file names so.
//!
//! A record of a news dump is often a headline and a line of text. In "Media Ask Judge To
//! Release Trump Search Warrant Affidavit" nothing tells the recognizer that "Trump" is a
//! person, and it said organization in 525 of 10,000 HuffPost records, while 424 other records
//! of the same file name "Donald Trump" in full. Within one article the short mention would join
//! the full name (`entities::merge`); across the articles of one file the same evidence is
//! there, so it is used the same way, but only to correct a kind: a one-word organization
//! becomes the person when one full name with that surname dominates the file and the word
//! opens an organization's name there less often ("Ford" of Ford Motor stays a company even
//! where a file names Gerald Ford).

use std::collections::HashMap;

use crate::article::{Article, EntityKind};
use crate::extract::entities::{Entity, Origin};
use crate::extract::gazetteer::fold::exact_key;

/// Articles (at least) that must name the full person before the surname links to it: a
/// figure the file keeps returning to. With fewer, an unrelated bearer of the name is too
/// likely ("Ford Recalls SUVs" in a file naming Christine Blasey Ford a dozen times).
const MIN_ARTICLES: usize = 20;

/// Generational suffixes skipped when taking a full name's surname ("Donald Trump Jr.").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Retypes one-word organization entities of `articles` (the articles of one file, enriched)
/// as the person whose surname they are, merging them into that person's entity when the
/// article has one, and rebuilds the articles' `people` and `organizations` lists. The link
/// holds when one full name has the surname in at least [`MIN_ARTICLES`] articles and in five
/// times as many as any other full name with it (a surname alone names the best-known bearer:
/// Donald Trump, not Melania Trump), and when at most half as many articles have an
/// organization whose name opens with the word. Metadata entities are never changed.
/// Order-independent: the counts are over all of `articles`.
pub fn link_surnames(articles: &mut [Article]) {
    // surname key → (full-name key → (articles, display name)); word key → articles with a
    // longer organization name opening with it.
    let mut full: HashMap<String, HashMap<String, (usize, String)>> = HashMap::new();
    let mut opens_org: HashMap<String, usize> = HashMap::new();
    for a in articles.iter() {
        let mut seen: Vec<String> = Vec::new();
        for e in &a.entities {
            let words: Vec<&str> = e.name.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let key = exact_key(&e.name);
            if seen.contains(&key) {
                continue;
            }
            match e.kind {
                EntityKind::Person => {
                    let Some(surname) = words
                        .iter()
                        .rev()
                        .map(|w| exact_key(w.trim_end_matches('.')))
                        .find(|w| !SUFFIXES.contains(&w.as_str()))
                    else {
                        continue;
                    };
                    let slot = full
                        .entry(surname)
                        .or_default()
                        .entry(key.clone())
                        .or_insert((0, e.name.clone()));
                    slot.0 += 1;
                }
                EntityKind::Org => *opens_org.entry(exact_key(words[0])).or_default() += 1,
                _ => {}
            }
            seen.push(key);
        }
    }
    let linked: HashMap<String, String> = full
        .into_iter()
        .filter_map(|(surname, names)| {
            let mut ranked: Vec<(usize, String)> = names.into_values().collect();
            ranked.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            let second = ranked.get(1).map_or(0, |r| r.0);
            let (count, name) = ranked.into_iter().next()?;
            let org_uses = opens_org.get(&surname).copied().unwrap_or(0);
            let dominant = count >= MIN_ARTICLES && count >= 5 * second;
            (dominant && org_uses * 2 <= count).then_some((surname, name))
        })
        .collect();
    if linked.is_empty() {
        return;
    }
    for a in articles.iter_mut() {
        let retyped = a.entities.iter().any(|e| person_of(e, &linked).is_some());
        if retyped {
            relink(a, &linked);
        }
    }
}

/// The full name one-word organization `e` links to, if any.
fn person_of<'a>(e: &Entity, linked: &'a HashMap<String, String>) -> Option<&'a String> {
    let one_word = !e.name.contains(char::is_whitespace);
    // An acronym is no surname ("UN" beside Kim Jong Un), nor is a two-letter word.
    let acronym = !e.name.chars().any(char::is_lowercase);
    let word = one_word && !acronym && e.name.chars().count() > 2;
    (e.kind == EntityKind::Org && e.origin == Origin::Text && word)
        .then(|| linked.get(&exact_key(&e.name)))
        .flatten()
}

/// Retypes the linked organizations of `a`, merges each into the person entity of the same
/// name (the first in order keeps its place) and rebuilds the article's name lists.
fn relink(a: &mut Article, linked: &HashMap<String, String>) {
    for e in a.entities.iter_mut() {
        if let Some(name) = person_of(e, linked) {
            e.kind = EntityKind::Person;
            e.name = name.clone();
        }
    }
    let mut merged: Vec<Entity> = Vec::with_capacity(a.entities.len());
    for e in a.entities.drain(..) {
        let key = exact_key(&e.name);
        let same = |x: &&mut Entity| {
            x.kind == EntityKind::Person
                && e.kind == EntityKind::Person
                && exact_key(&x.name) == key
        };
        match merged.iter_mut().find(same) {
            Some(p) => {
                p.mentions.extend(e.mentions);
                p.mentions.sort_unstable();
                p.mentions.dedup();
                if p.origin != e.origin {
                    p.origin = Origin::Both;
                }
            }
            None => merged.push(e),
        }
    }
    a.entities = merged;
    a.people = super::names_of(&a.entities, EntityKind::Person);
    a.organizations = super::names_of(&a.entities, EntityKind::Org);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(entities: &[(EntityKind, &str)]) -> Article {
        let entities: Vec<Entity> = entities
            .iter()
            .enumerate()
            .map(|(i, &(kind, name))| Entity {
                kind,
                name: name.into(),
                mentions: vec![(i * 10, i * 10 + name.len())],
                origin: Origin::Text,
                country: None,
                geonames_id: None,
            })
            .collect();
        let mut a = Article {
            entities,
            ..Article::default()
        };
        relink(&mut a, &HashMap::new());
        a
    }

    /// `n` articles naming `name` in full.
    fn naming(n: usize, name: &str) -> Vec<Article> {
        (0..n)
            .map(|_| article(&[(EntityKind::Person, name)]))
            .collect()
    }

    #[test]
    fn a_surname_typed_organization_becomes_the_files_person() {
        use EntityKind::{Org, Person};
        let mut file = naming(MIN_ARTICLES - 1, "Dana Quell");
        file.extend(naming(MIN_ARTICLES, "Ari Vantor"));
        file.extend([
            article(&[(Person, "Dana Quell"), (Org, "Quell")]),
            article(&[(Org, "Quell"), (Org, "Vantor"), (Org, "QUELL")]),
            article(&[(Org, "Qu")]),
        ]);
        // "Vantor" opens a company's name in more than half as many articles: no link.
        file.extend((0..MIN_ARTICLES / 2 + 1).map(|_| article(&[(Org, "Vantor Motors")])));
        let n = MIN_ARTICLES * 2 - 1;
        link_surnames(&mut file);
        assert_eq!(file[n].people, ["Dana Quell"]);
        assert!(file[n].organizations.is_empty());
        assert_eq!(file[n].entities[0].mentions, [(0, 10), (10, 15)]);
        // Acronyms stay organizations.
        assert_eq!(file[n + 1].people, ["Dana Quell"]);
        assert_eq!(file[n + 1].organizations, ["Vantor", "QUELL"]);
        assert_eq!(file[n + 2].organizations, ["Qu"]);
    }

    #[test]
    fn no_link_without_a_dominant_full_name() {
        use EntityKind::{Org, Person};
        // Two full names share the surname, neither in five times as many articles.
        let mut file = naming(MIN_ARTICLES, "Dana Quell");
        file.extend(naming(MIN_ARTICLES / 5 + 1, "Omar Quell"));
        file.push(article(&[(Org, "Quell")]));
        link_surnames(&mut file);
        assert_eq!(file.last().unwrap().organizations, ["Quell"]);
        // Too few articles name the person.
        let mut file = naming(MIN_ARTICLES - 1, "Dana Quell");
        file.push(article(&[(Person, "Ann Lee"), (Org, "Quell")]));
        link_surnames(&mut file);
        assert_eq!(file.last().unwrap().organizations, ["Quell"]);
    }
}
