//! One-word "people" that are a company's short name in the same article: "Rohm and Haas ...
//! Haas said", "Wang Laboratories ... Wang's sales", "Getty Oil ... Getty shareholders".
//!
//! Companies named after their founders are written by a surname once the full name has
//! been given, and the recognizer, seeing a capitalized surname alone, says PERSON. In the
//! Reuters, BBC and HuffPost articles 973 one-word people were a word of an organization of the
//! same article and of no person's name there. This pass takes 825 of them; a sample of 40
//! read was 40 companies. A retest had found real people taken too, whom a title before a
//! mention now keeps ("President Aquino", beside the headline words "AQUINO DISBANDS"), and
//! short names missed where the company's name writes them with a hyphen, a comma or a
//! possessive (Daimler-Benz, "Goldman, Sachs", Moody's).
//! The word is then a mention of that organization, not a person the article names.

use super::{Entity, EntityKind, Origin};
use crate::extract::gazetteer::fold::exact_key;

/// Merges into an organization of `entities` each one-word person from the text whose word
/// is a word of that organization's name ("Haas" into Rohm and Haas, "Daimler" into
/// Daimler-Benz, "Goldman" into "Goldman, Sachs"), unless
/// - a personal title stands before one of its mentions in `text` ("President Aquino", "Mr
///   Spitzer"; not "General Electric"; mentions are char offsets into it), or a longer
///   person name of the article has the word ("Brown" after "Gordon Brown");
/// - the organization's name reads like a person's: a first name (`is_first_name`) comes
///   before the word there ("George W Bush"), or a title one or two words before it (the
///   recognizer ran a role into a name: "Defense Secretary Caspar Weinberger"); it is two or
///   three capitalized words ending in the word, none an ordinary word (`is_common_word`) or a
///   title ("Nicola Sturgeon" typed ORG, not "General Electric"); or it is a family-name-first
///   name ([`super::is_east_asian_name`]).
///
/// An organization whose name opens with the word is preferred ("Hughes Tool" over "Baker
/// Hughes" for "Hughes").
pub fn people_named_for_firms(
    text: &str,
    entities: &mut Vec<Entity>,
    is_first_name: &dyn Fn(&str) -> bool,
    is_common_word: &dyn Fn(&str) -> bool,
) {
    let single = |e: &Entity| {
        e.kind == EntityKind::Person
            && e.origin == Origin::Text
            && !e.name.contains(char::is_whitespace)
    };
    if !entities.iter().any(single) {
        return;
    }
    // Word keys of the organizations' names, and of the longer person names, once: the
    // people of an article are checked against the same lists.
    let org_keys: Vec<(usize, Vec<String>)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Org)
        .map(|(i, e)| (i, name_words(&e.name).into_iter().map(exact_key).collect()))
        .filter(|(_, keys): &(usize, Vec<String>)| keys.len() >= 2)
        .collect();
    if org_keys.is_empty() {
        return;
    }
    let person_keys: rustc_hash::FxHashSet<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.name.contains(char::is_whitespace))
        .flat_map(|e| e.name.split_whitespace().map(exact_key))
        .collect();
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut after_title = |at: usize| {
        let before = text[..bytes_at.byte(at)].trim_end();
        before.rsplit(char::is_whitespace).next().is_some_and(|w| {
            super::person::is_personal_title(w.trim_matches(|c: char| !c.is_alphanumeric()))
        })
    };
    // (person, organization) pairs; organizations stay where they are, so every choice is
    // made on the article's entities as they were.
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        if !single(e) {
            continue;
        }
        let key = exact_key(&e.name);
        if person_keys.contains(&key)
            || !org_keys.iter().any(|(_, keys)| keys.contains(&key))
            || e.mentions.iter().any(|&(at, _)| after_title(at))
        {
            continue;
        }
        if let Some(firm) = firm_with_word(entities, &org_keys, &key, is_first_name, is_common_word)
        {
            moves.push((k, firm));
        }
    }
    for &(k, firm) in &moves {
        let mentions = std::mem::take(&mut entities[k].mentions);
        entities[firm].absorb(mentions);
    }
    let mut moved = vec![false; entities.len()];
    for &(k, _) in &moves {
        moved[k] = true;
    }
    let mut moved = moved.into_iter();
    entities.retain(|_| !moved.next().unwrap_or(false));
}

/// The words of an organization's name as a short mention would write them: split at spaces
/// and hyphens, without edge punctuation or a possessive ("Goldman, Sachs" → Goldman, Sachs;
/// "Chesebrough-Pond's" → Chesebrough, Pond).
fn name_words(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            let w = &w[..w.len() - super::text::possessive_len(w)];
            w.trim_matches(|c: char| !c.is_alphanumeric())
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Index of the organization of `entities` with a word keyed `key` that reads as a company,
/// preferring one whose name opens with it; `org_keys` holds the organizations' indices and
/// the keys of their [`name_words`].
fn firm_with_word(
    entities: &[Entity],
    org_keys: &[(usize, Vec<String>)],
    key: &str,
    is_first_name: &dyn Fn(&str) -> bool,
    is_common_word: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let mut found: Option<(usize, bool)> = None;
    for (i, keys) in org_keys {
        let Some(at) = keys.iter().position(|w| w == key) else {
            continue;
        };
        let e = &entities[*i];
        let words = name_words(&e.name);
        let after_first_name = words[..at].iter().any(|w| is_first_name(w));
        // A title right before the word, or before the first name before it: "Commissioner
        // Frans Andriessen", "Attorney General Elliot Spitzer". "General" right before it
        // opens a company's name instead ("General Electric", "Volvo and General Electric").
        let after_role = (at.saturating_sub(2)..at).any(|j| {
            super::is_title_word(words[j])
                && (j + 2 == at || !words[j].eq_ignore_ascii_case("general"))
        });
        let person_shaped = at + 1 == words.len()
            && words.len() <= 3
            && words.iter().all(|w| super::is_capitalized_name_word(w))
            && !words[..at]
                .iter()
                .any(|w| is_common_word(w) || super::is_title_word(w));
        if after_first_name || after_role || person_shaped || super::is_east_asian_name(&e.name) {
            continue;
        }
        let opens = at == 0;
        if found.is_none_or(|(_, o)| opens && !o) {
            found = Some((*i, opens));
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

    /// Runs the pass on `entities` found in `text`.
    fn run_in(text: &str, mut entities: Vec<Entity>) -> Vec<Entity> {
        people_named_for_firms(text, &mut entities, &|w| FIRST_NAMES.contains(&w), &|w| {
            ["General", "Blue"].contains(&w)
        });
        entities
    }

    fn run(entities: Vec<Entity>) -> Vec<Entity> {
        run_in(&" ".repeat(200), entities)
    }

    /// The person "Okafor" and one organization named `org`: what the pass leaves.
    fn with_org(org: &str) -> Vec<(EntityKind, String, usize)> {
        run(vec![
            ent(EntityKind::Org, org, 0),
            ent(EntityKind::Person, "Okafor", 150),
        ])
        .into_iter()
        .map(|e| (e.kind, e.name, e.mentions.len()))
        .collect()
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
        // Written with a hyphen, a comma or a possessive; after "General" or an ordinary word;
        // in capitals.
        for org in [
            "Okafor-Benz",
            "Okafor, Mensah",
            "Okafor's Investors Service",
            "General Okafor",
            "Blue Okafor",
            "OKAFOR GROUP",
            "OKAFOR MINERALS",
            "Zorbia and General Okafor",
        ] {
            assert_eq!(with_org(org), [(Org, org.to_string(), 2)], "{org}");
        }
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
        // The organization is a person's name, a role run into one, or a name family-name
        // first.
        for org in [
            "Minister Ama Okafor",
            "Farm Commissioner Baako Okafor",
            "President Okafor",
            "Baako Okafor",
        ] {
            assert_eq!(with_org(org).len(), 2, "{org}");
        }
        let kept = vec![ent(Org, "Chen Jin Ho", 0), ent(Person, "Chen", 50)];
        assert_eq!(run(kept.clone()), kept);
        // No organization has the word.
        let kept = vec![ent(Org, "Zorbia Holdings", 0), ent(Person, "Okafor", 50)];
        assert_eq!(run(kept.clone()), kept);
        // A title stands before a mention of it.
        let text = "Okafor Holdings grew. President Okafor said so.";
        let kept = vec![ent(Org, "Okafor Holdings", 0), ent(Person, "Okafor", 32)];
        assert_eq!(run_in(text, kept.clone()), kept);
    }
}
