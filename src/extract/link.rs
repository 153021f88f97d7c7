//! Names linked across the articles of one file: a surname the recognizer typed as an
//! organization becomes the person the file names so, a name takes the kind most of the
//! file's articles give it ([`link_kinds`]), and "Georgia" with nothing around it the Georgia
//! the file's other articles name ([`link_places`]).
//!
//! A record of a news dump is often a headline and a line of text. In "Media Ask Judge To
//! Release Trump Search Warrant Affidavit" nothing tells the recognizer that "Trump" is a
//! person, and it said organization in 550 of 10,000 HuffPost records, while 424 other records
//! of the same file name "Donald Trump" in full. Within one article the short mention would join
//! the full name (`entities::merge`); across the articles of one file the same evidence is
//! there, so it is used the same way: a one-word organization becomes the person, and a
//! one-word person takes the full name, when one full name with that surname dominates the
//! file and the word opens an organization's name there less often ("Ford" of Ford Motor
//! stays a company even where a file names Gerald Ford). Facets then count one "Joe Biden",
//! not "Biden" and "Joe Biden" apart.

// FxHash: keys are short names, hashed for every multi-word entity of every article.
use rustc_hash::FxHashMap as HashMap;

use crate::article::{Article, EntityKind};
use crate::extract::entities::{Entity, Origin};
use crate::extract::gazetteer::fold::exact_key;
use crate::extract::gazetteer::Gazetteer;

/// Articles (at least) that must name the full person before the surname links to it: a
/// figure the file keeps returning to. With fewer, an unrelated bearer of the name is too
/// likely ("Ford Recalls SUVs" in a file naming Christine Blasey Ford a dozen times).
const MIN_ARTICLES: usize = 20;

/// Generational suffixes skipped when taking a full name's surname ("Donald Trump Jr.").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Retypes one-word organization entities of `articles` (the articles of one file, enriched)
/// as the person whose surname they are, and gives one-word person entities that person's
/// full name (HuffPost "Biden" 162 records → Joe Biden, "Mueller" → Robert Mueller), merging
/// them into that person's entity when the article has one, and rebuilds the articles'
/// `people` and `organizations` lists. The link
/// holds when one full name has the surname in at least [`MIN_ARTICLES`] articles and in five
/// times as many as any other full name with it (a surname alone names the best-known bearer:
/// Donald Trump, not Melania Trump), and when at most half as many articles have an
/// organization whose name opens with the word. Metadata entities are never changed.
/// Order-independent: the counts are over all of `articles`.
pub fn link_surnames(articles: &mut [Article]) {
    // surname key → (full-name key → (articles, display name)); word key → articles with a
    // longer organization name opening with it.
    let mut full: HashMap<String, HashMap<String, (usize, String)>> = HashMap::default();
    let mut opens_org: HashMap<String, usize> = HashMap::default();
    for a in articles.iter() {
        // An article's entities are one per name already; organizations count once per
        // opening word ("Trump Tower" and "Trump Organization").
        let mut org_words: Vec<String> = Vec::new();
        for e in &a.entities {
            let person = e.kind == EntityKind::Person;
            if !(person || e.kind == EntityKind::Org) || !e.name.contains(char::is_whitespace) {
                continue;
            }
            let mut words = e.name.split_whitespace();
            if !person {
                let first = exact_key(words.next().unwrap_or(""));
                if !org_words.contains(&first) {
                    *opens_org.entry(first.clone()).or_default() += 1;
                    org_words.push(first);
                }
                continue;
            }
            let Some(surname) = words
                .rev()
                .map(|w| exact_key(w.trim_end_matches('.')))
                .find(|w| !SUFFIXES.contains(&w.as_str()))
            else {
                continue;
            };
            let slot = full
                .entry(surname)
                .or_default()
                .entry(exact_key(&e.name))
                .or_insert_with(|| (0, e.name.clone()));
            slot.0 += 1;
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

/// Minimum articles of a file that must settle a name like "Georgia" on one region, with
/// other places there, before the file's undecided articles follow them.
const MIN_PLACE_VOTES: usize = 5;

/// Gives a place named like a country and a first-level region elsewhere ("Georgia": the
/// country, and the US state) that an article left at the country for want of other places
/// (`entities::regions_over_countries` decides with them) the region the rest of the file
/// shows: when at least [`MIN_PLACE_VOTES`] articles of `articles` settle the name on one
/// region, four times as many as settle it on the country or another region (by places in
/// that country). A HuffPost headline "Appeals Court Allows Georgia Abortion Law" names the
/// US state, as the file's other Georgia records do. Returns the indices of the articles
/// changed, whose extra country keys must be recomputed.
pub fn link_places(articles: &mut [Article], gaz: &Gazetteer) -> Vec<usize> {
    // Per name key: votes per GeoNames id (a region's, or the country's).
    let mut votes: HashMap<String, HashMap<u32, usize>> = HashMap::default();
    let mut undecided: Vec<(usize, usize, String)> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for (ei, e) in a.entities.iter().enumerate() {
            if e.kind != EntityKind::Place || e.geonames_id.is_none() {
                continue;
            }
            let regions = gaz.regions_named(&e.name);
            if regions.is_empty() {
                continue;
            }
            let key = exact_key(&e.name);
            let id = e.geonames_id.unwrap_or_default();
            let as_country = e.country.as_deref() == Some(e.name.as_str());
            let evidence = !as_country
                || a.entities.iter().any(|o| {
                    o.kind == EntityKind::Place
                        && o.name != e.name
                        && o.country.as_deref() == Some(e.name.as_str())
                });
            if evidence {
                *votes.entry(key).or_default().entry(id).or_default() += 1;
            } else {
                undecided.push((ai, ei, key));
            }
        }
    }
    let mut changed = Vec::new();
    for (ai, ei, key) in undecided {
        let Some(v) = votes.get(&key) else {
            continue;
        };
        let total: usize = v.values().sum();
        let Some((&id, &n)) = v.iter().max_by_key(|&(id, n)| (*n, std::cmp::Reverse(*id))) else {
            continue;
        };
        let e = &articles[ai].entities[ei];
        let Some(region) = gaz
            .regions_named(&e.name)
            .into_iter()
            .find(|r| r.geonames_id == id)
        else {
            continue;
        };
        if n >= MIN_PLACE_VOTES && n >= 4 * (total - n) {
            let country = region.country.clone();
            let e = &mut articles[ai].entities[ei];
            e.country = Some(country);
            e.geonames_id = Some(id);
            if changed.last() != Some(&ai) {
                changed.push(ai);
            }
        }
    }
    changed
}

/// The full name one-word organization or person `e` links to, if any.
fn person_of<'a>(e: &Entity, linked: &'a HashMap<String, String>) -> Option<&'a String> {
    let one_word = !e.name.contains(char::is_whitespace);
    // An acronym is no surname ("UN" beside Kim Jong Un), nor is a two-letter word.
    let acronym = !e.name.chars().any(char::is_lowercase);
    let word = one_word && !acronym && e.name.chars().count() > 2;
    let kind = matches!(e.kind, EntityKind::Org | EntityKind::Person);
    (kind && e.origin == Origin::Text && word)
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
    merge_same_names(a);
}

/// Merges the person and organization entities of `a` that now share kind and name (the
/// first in order keeps its place, and gains the others' mentions and aliases) and rebuilds
/// the article's name lists.
pub(crate) fn merge_same_names(a: &mut Article) {
    let mut merged: Vec<Entity> = Vec::with_capacity(a.entities.len());
    for e in a.entities.drain(..) {
        let key = exact_key(&e.name);
        let same = |x: &&mut Entity| {
            x.kind == e.kind && e.kind != EntityKind::Place && exact_key(&x.name) == key
        };
        match merged.iter_mut().find(same) {
            Some(p) => {
                p.absorb(e.mentions);
                for alias in e.aliases {
                    if !p.aliases.contains(&alias) && exact_key(&alias) != key {
                        p.aliases.push(alias);
                    }
                }
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

/// Words a firm's name may end in after its founders' names, which the recognizer reads as a
/// person alone ("E.F. Hutton" of E.F. Hutton Group). Legal forms are gone from organization
/// names already.
const FIRM_TAILS: &[&str] = &[
    "brothers",
    "capital",
    "group",
    "holdings",
    "partners",
    "securities",
];

/// Articles (at least) on the majority side before [`link_kinds`] follows it.
const MIN_KIND_ARTICLES: usize = 3;

/// Gives a name of two words or more the kind that most articles of the file give it: a
/// person when at least [`MIN_KIND_ARTICLES`] articles, twice as many as not, have it as a
/// person ("Kamala Harris" typed organization in Title Case headlines), and a firm when as
/// many have it as an organization and some name the firm with its tail word ("E.F. Hutton"
/// is E.F. Hutton Group in a file that names the firm so, and takes that name). Without the
/// tail word the evidence for a firm is too weak: headline-only records type people as
/// organizations ("LeBron James"). Metadata entities are never changed.
pub fn link_kinds(articles: &mut [Article]) {
    // Key → articles with it as a person, as an organization, and the firm's name with its
    // tail word (if some article has it so).
    #[derive(Default)]
    struct Seen {
        people: usize,
        orgs: usize,
        firm: Option<String>,
    }
    let mut seen: HashMap<String, Seen> = HashMap::default();
    for a in articles.iter() {
        let mut keys: Vec<(String, bool)> = Vec::new();
        for e in &a.entities {
            let person = e.kind == EntityKind::Person;
            if !(person || e.kind == EntityKind::Org) || !e.name.contains(char::is_whitespace) {
                continue;
            }
            let key = if person {
                exact_key(&e.name)
            } else {
                firm_key(&e.name)
            };
            let tailed = !person && key != exact_key(&e.name);
            let slot = seen.entry(key.clone()).or_default();
            if tailed && slot.firm.is_none() {
                slot.firm = Some(e.name.clone());
            }
            if keys.iter().any(|(k, p)| *k == key && *p == person) {
                continue;
            }
            if person {
                slot.people += 1;
            } else {
                slot.orgs += 1;
            }
            keys.push((key, person));
        }
    }
    let major = |n: usize, m: usize| n >= MIN_KIND_ARTICLES && m > 0 && n >= 2 * m;
    // Key → the kind and name its minority-kind entities take.
    let decided: HashMap<String, (EntityKind, Option<String>)> = seen
        .into_iter()
        .filter_map(|(key, s)| {
            if major(s.people, s.orgs) {
                Some((key, (EntityKind::Person, None)))
            } else if major(s.orgs, s.people) && s.firm.is_some() {
                Some((key, (EntityKind::Org, s.firm)))
            } else {
                None
            }
        })
        .collect();
    if decided.is_empty() {
        return;
    }
    for a in articles.iter_mut() {
        let mut changed = false;
        for e in a.entities.iter_mut() {
            let person = e.kind == EntityKind::Person;
            let multi = e.name.contains(char::is_whitespace);
            if !(person || e.kind == EntityKind::Org) || !multi || e.origin != Origin::Text {
                continue;
            }
            // An organization named with its tail word ("E.F. Hutton Group") stays one.
            let key = exact_key(&e.name);
            if let Some((kind, name)) = decided.get(&key).filter(|(k, _)| *k != e.kind) {
                e.kind = *kind;
                if let Some(name) = name {
                    e.name = name.clone();
                }
                changed = true;
            }
        }
        if changed {
            merge_same_names(a);
        }
    }
}

/// [`exact_key`] of organization name `name` without [`FIRM_TAILS`] words at its end,
/// keeping two words at least.
fn firm_key(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 2
        && words
            .last()
            .is_some_and(|w| FIRM_TAILS.iter().any(|t| t.eq_ignore_ascii_case(w)))
    {
        words.pop();
    }
    exact_key(&words.join(" "))
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
                aliases: Vec::new(),
            })
            .collect();
        let mut a = Article {
            entities,
            ..Article::default()
        };
        relink(&mut a, &HashMap::default());
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
            article(&[(Org, "Quell"), (Org, "Vantor")]),
            article(&[(Org, "QUELL"), (Org, "Qu")]),
        ]);
        // "Vantor" opens a company's name in more than half as many articles: no link.
        file.extend((0..MIN_ARTICLES / 2 + 1).map(|_| article(&[(Org, "Vantor Motors")])));
        let n = MIN_ARTICLES * 2 - 1;
        link_surnames(&mut file);
        assert_eq!(file[n].people, ["Dana Quell"]);
        assert!(file[n].organizations.is_empty());
        assert_eq!(file[n].entities[0].mentions, [(0, 10), (10, 15)]);
        assert_eq!(file[n + 1].people, ["Dana Quell"]);
        assert_eq!(file[n + 1].organizations, ["Vantor"]);
        // Acronyms and two-letter words stay organizations.
        assert_eq!(file[n + 2].organizations, ["QUELL", "Qu"]);
    }

    #[test]
    fn a_surname_alone_becomes_the_files_full_name() {
        use EntityKind::Person;
        let mut file = naming(MIN_ARTICLES, "Dana Quell");
        file.push(article(&[(Person, "Quell"), (Person, "Ari Vantor")]));
        file.push(article(&[(Person, "Vantor")]));
        link_surnames(&mut file);
        assert_eq!(file[MIN_ARTICLES].people, ["Dana Quell", "Ari Vantor"]);
        // One article naming Ari Vantor is no figure of the file.
        assert_eq!(file[MIN_ARTICLES + 1].people, ["Vantor"]);
    }

    #[test]
    fn georgia_alone_follows_the_files_other_georgias() {
        let gaz = crate::extract::gazetteer::embedded().expect("embedded gazetteer");
        let place = |name: &str, country: &str, id: u32| Entity {
            kind: EntityKind::Place,
            name: name.into(),
            mentions: vec![(0, name.len())],
            origin: Origin::Text,
            country: Some(country.into()),
            geonames_id: Some(id),
            aliases: Vec::new(),
        };
        let with = |entities: Vec<Entity>| Article {
            entities,
            ..Article::default()
        };
        // The US state (4197000) in articles that name Atlanta; the country (614540) alone.
        let state = || place("Georgia", "United States", 4197000);
        let atlanta = || place("Atlanta", "United States", 4180439);
        let alone = || place("Georgia", "Georgia", 614540);
        let mut file: Vec<Article> = (0..MIN_PLACE_VOTES)
            .map(|_| with(vec![state(), atlanta()]))
            .collect();
        file.push(with(vec![alone()]));
        assert_eq!(link_places(&mut file, gaz), [MIN_PLACE_VOTES]);
        let g = &file[MIN_PLACE_VOTES].entities[0];
        assert_eq!(
            (g.country.as_deref(), g.geonames_id),
            (Some("United States"), Some(4197000))
        );
        // Two articles name Tbilisi with Georgia: five for the state are not four times as many.
        let mut file: Vec<Article> = (0..MIN_PLACE_VOTES)
            .map(|_| with(vec![state(), atlanta()]))
            .collect();
        let tbilisi = || with(vec![alone(), place("Tbilisi", "Georgia", 611717)]);
        file.extend([tbilisi(), tbilisi(), with(vec![alone()])]);
        assert!(link_places(&mut file, gaz).is_empty());
    }

    #[test]
    fn a_name_takes_the_kind_most_of_the_file_gives_it() {
        use EntityKind::{Org, Person};
        // A person typed organization in one record; a firm read as its founder's name.
        let mut file = naming(MIN_KIND_ARTICLES, "Dana Quell");
        file.push(article(&[(Org, "Dana Quell"), (Org, "Harrow Bank")]));
        for _ in 0..MIN_KIND_ARTICLES {
            file.push(article(&[(Org, "A.B. Vantor Group")]));
        }
        file.push(article(&[
            (Person, "A.B. Vantor"),
            (Org, "A.B. Vantor Group"),
        ]));
        // Without the firm's tail word, people stay people (headlines over-type organizations).
        for _ in 0..MIN_KIND_ARTICLES {
            file.push(article(&[(Org, "Mira Sol")]));
        }
        file.push(article(&[(Person, "Mira Sol")]));
        link_kinds(&mut file);
        let n = MIN_KIND_ARTICLES;
        assert_eq!(file[n].people, ["Dana Quell"]);
        assert_eq!(file[n].organizations, ["Harrow Bank"]);
        let hutton = &file[2 * n + 1];
        assert!(hutton.people.is_empty());
        assert_eq!(hutton.organizations, ["A.B. Vantor Group"]);
        assert_eq!(hutton.entities[0].mentions.len(), 2);
        assert_eq!(file.last().unwrap().people, ["Mira Sol"]);
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
