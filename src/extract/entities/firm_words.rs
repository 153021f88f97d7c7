//! One-word "people" that are a company's short name in the same article: "Rohm and Haas ...
//! Haas said", "Wang Laboratories ... Wang's sales", "Getty Oil ... Getty shareholders".
//!
//! Companies named after their founders are written by a surname once the full name has
//! been given, and the recognizer, seeing a capitalized surname alone, says PERSON. In the
//! Reuters, BBC and HuffPost articles 973 one-word people were a word of an organization of the
//! same article and of no person's name there. This pass takes 774 of them; in a sample of
//! 45, 42 were the company, and the other 3 the family name of a Chinese name that the
//! recognizer had typed ORG in full ("Xu Jinfeng"), which no person field held before either.
//! The word is then a mention of that organization, not a person the article names.

use super::{Entity, EntityKind, Origin};
use crate::extract::gazetteer::fold::exact_key;

/// Merges into an organization of `entities` each one-word person from the text whose word
/// is a word of that organization's name ("Haas" into Rohm and Haas), unless a longer person
/// name of the article has the word ("Brown" after "Gordon Brown") or the organization's name
/// reads like a person's: a first name comes before the word there ("MP Martin Bell": the
/// recognizer ran a role into a name; "George W Bush"), as `is_first_name` knows them; it is
/// two or three capitalized words ending in the word ("Nicola Sturgeon"); or it is a
/// family-name-first name ([`super::is_east_asian_name`]). An organization whose name opens
/// with the word is preferred ("Hughes Tool" over "Baker Hughes" for "Hughes").
pub fn people_named_for_firms(entities: &mut Vec<Entity>, is_first_name: &dyn Fn(&str) -> bool) {
    let single = |e: &Entity| {
        e.kind == EntityKind::Person
            && e.origin == Origin::Text
            && !e.name.contains(char::is_whitespace)
    };
    if !entities.iter().any(single) {
        return;
    }
    let mut k = 0;
    while k < entities.len() {
        if !single(&entities[k]) {
            k += 1;
            continue;
        }
        let key = exact_key(&entities[k].name);
        let in_person_name = entities.iter().any(|e| {
            e.kind == EntityKind::Person
                && e.name.contains(char::is_whitespace)
                && e.name.split_whitespace().any(|w| exact_key(w) == key)
        });
        let firm = (!in_person_name)
            .then(|| firm_with_word(entities, &key, is_first_name))
            .flatten();
        let Some(firm) = firm else {
            k += 1;
            continue;
        };
        let person = entities.remove(k);
        let firm = if firm > k { firm - 1 } else { firm };
        entities[firm].absorb(person.mentions);
    }
}

/// Index of the organization of `entities` with a word keyed `key` that reads as a company,
/// preferring one whose name opens with it.
fn firm_with_word(
    entities: &[Entity],
    key: &str,
    is_first_name: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let mut found: Option<(usize, bool)> = None;
    for (i, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Org || !e.name.contains(char::is_whitespace) {
            continue;
        }
        let words: Vec<&str> = e.name.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| exact_key(w) == key) else {
            continue;
        };
        let after_first_name = words[..at].iter().any(|w| is_first_name(w));
        // "Nicola Sturgeon" typed ORG: two or three name words ending in the word are more
        // likely a person the recognizer mistyped than a company ("Deutsche Boerse" is lost).
        let person_shaped = at + 1 == words.len()
            && words.len() <= 3
            && words.iter().all(|w| super::is_capitalized_name_word(w));
        if after_first_name || person_shaped || super::is_east_asian_name(&e.name) {
            continue;
        }
        let opens = at == 0;
        if found.is_none_or(|(_, o)| opens && !o) {
            found = Some((i, opens));
        }
    }
    found.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::super::tests::ent;
    use super::*;

    fn names(entities: &[Entity]) -> Vec<(EntityKind, &str, usize)> {
        entities
            .iter()
            .map(|e| (e.kind, e.name.as_str(), e.mentions.len()))
            .collect()
    }

    const FIRST_NAMES: &[&str] = &["Ama", "Kofi"];

    fn run(mut entities: Vec<Entity>) -> Vec<Entity> {
        people_named_for_firms(&mut entities, &|w| FIRST_NAMES.contains(&w));
        entities
    }

    #[test]
    fn a_surname_alone_is_the_company_named_after_it() {
        use EntityKind::{Org, Person};
        let got = run(vec![
            ent(Org, "Okafor Laboratories", 0),
            ent(Person, "Okafor", 50),
            ent(Org, "Zorbia Mensah Holdings", 70),
            ent(Person, "Mensah", 100),
        ]);
        assert_eq!(
            names(&got),
            [
                (Org, "Okafor Laboratories", 2),
                (Org, "Zorbia Mensah Holdings", 2)
            ]
        );
    }

    #[test]
    fn a_company_opening_with_the_word_is_preferred() {
        use EntityKind::{Org, Person};
        let got = run(vec![
            ent(Org, "Baako Okafor Holdings", 0),
            ent(Org, "Okafor Tool", 20),
            ent(Person, "Okafor", 50),
        ]);
        assert_eq!(
            names(&got),
            [(Org, "Baako Okafor Holdings", 1), (Org, "Okafor Tool", 2)]
        );
    }

    #[test]
    fn people_stay_people() {
        use EntityKind::{Org, Person};
        // A longer person name has the word.
        let kept = vec![
            ent(Person, "Kofi Okafor", 0),
            ent(Org, "Okafor Laboratories", 20),
            ent(Person, "Okafor", 50),
        ];
        assert_eq!(run(kept.clone()), kept);
        // The organization is a role run into a person's name, or a name family-name first.
        for (org, word) in [("Minister Ama Okafor", "Okafor"), ("Chen Jin Ho", "Chen")] {
            let kept = vec![ent(Org, org, 0), ent(Person, word, 50)];
            assert_eq!(run(kept.clone()), kept, "{org}");
        }
        let kept = vec![ent(Org, "Baako Okafor", 0), ent(Person, "Okafor", 50)];
        assert_eq!(run(kept.clone()), kept);
        // No organization has the word.
        let kept = vec![ent(Org, "Zorbia Holdings", 0), ent(Person, "Okafor", 50)];
        assert_eq!(run(kept.clone()), kept);
    }
}
