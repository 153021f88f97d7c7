//! Big cities and countries of several words that the recognizer typed as people: "Gunman In
//! Denver Who Killed 5" (Denver a person in 26 HuffPost and BBC articles, a retest), "a raid
//! of her Burkina Faso home".
//!
//! Title Case headlines and unusual contexts make the recognizer read a well-known place as a
//! name; then `--place denver` misses the article. A person entity named exactly like such a
//! place, with no first name or surname of the name lists in it, is the place.

use super::{Entity, EntityKind, Origin};
use crate::extract::gazetteer::{country_of, Gazetteer, PlaceKind};

/// Titles of royalty and nobility, which `person` keeps in names ("Prince Harry") and so
/// does not count as titles.
const ROYAL: &[&str] = &[
    "Duchess", "Duke", "Emperor", "Empress", "King", "Lady", "Lord", "Pope", "Prince", "Princess",
    "Queen",
];

/// Fewest people in a city whose name alone makes a person entity of that name the city.
const BIG_CITY: u64 = 500_000;

/// Retypes as places the person entities from the text named exactly like a country of two
/// words or more ("Burkina Faso", "South Korea") or a city of [`BIG_CITY`] people or more
/// ("Denver"), by the place's own name (not an alternate one: "Manning" is no Wanning), unless
/// `is_name_word` knows the one word as a first name or surname ("Chelsea", "Florence",
/// "Houston") or a title stands before a mention in `text` ("Princess Charlotte"; mentions are
/// char offsets into it). An article that names the place already keeps one entity, with both
/// sets of mentions.
pub fn people_named_as_places(
    text: &str,
    entities: &mut Vec<Entity>,
    gaz: &Gazetteer,
    is_name_word: &dyn Fn(&str) -> bool,
) {
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut after_title = |at: usize| {
        text[..bytes_at.byte(at)]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| super::is_title_word(w) || ROYAL.contains(&w))
    };
    let mut k = 0;
    while k < entities.len() {
        let e = &entities[k];
        let place = (e.kind == EntityKind::Person && e.origin == Origin::Text)
            .then(|| gaz.lookup(&e.name))
            .flatten()
            .filter(|p| {
                // The place's own name, not an alternate one ("Manning" is no Wanning).
                let own = crate::extract::gazetteer::fold::lookup_key(&p.name)
                    == crate::extract::gazetteer::fold::lookup_key(&e.name);
                let words = e.name.split_whitespace().count();
                let country = p.kind == PlaceKind::Country && words >= 2;
                let city = p.kind == PlaceKind::City
                    && words == 1
                    && p.population >= BIG_CITY
                    && !is_name_word(&e.name);
                own && (country || city)
            })
            .filter(|_| !e.mentions.iter().any(|&(s, _)| after_title(s)));
        let Some(p) = place else {
            k += 1;
            continue;
        };
        let same = entities
            .iter()
            .position(|o| o.kind == EntityKind::Place && o.geonames_id == Some(p.geonames_id));
        if let Some(i) = same {
            let mentions = std::mem::take(&mut entities[k].mentions);
            entities[i].absorb(mentions);
            entities.remove(k);
            continue;
        }
        let e = &mut entities[k];
        e.kind = EntityKind::Place;
        e.name = p.name.clone();
        e.country = country_of(p).map(str::to_string);
        e.geonames_id = Some(p.geonames_id);
        k += 1;
    }
}

/// Merges into a person each one-word place from the text that the gazetteer does not know
/// and that is the last word of a person's name of two words or more in the same article:
/// "Yet Sondland has already amended his testimony" beside "Ambassador Gordon Sondland"
/// (an AP page of the Zyte benchmark). A known place keeps its reading ("Jordan" beside
/// "Michael Jordan" is for the article's other rules to settle).
pub fn surnames_read_as_places(entities: &mut Vec<Entity>) {
    let mut k = 0;
    while k < entities.len() {
        let e = &entities[k];
        let unknown_place = e.kind == EntityKind::Place
            && e.origin == Origin::Text
            && e.geonames_id.is_none()
            && !e.name.contains(' ');
        let person = unknown_place
            .then(|| {
                entities.iter().position(|p| {
                    p.kind == EntityKind::Person
                        && p.name.contains(' ')
                        && p.name.rsplit(' ').next() == Some(e.name.as_str())
                })
            })
            .flatten();
        match person {
            Some(i) => {
                let mentions = std::mem::take(&mut entities[k].mentions);
                entities[i].absorb(mentions);
                entities.remove(k);
            }
            None => k += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(kind: EntityKind, name: &str, at: usize) -> Entity {
        Entity {
            kind,
            name: name.to_string(),
            mentions: vec![(at, at + name.chars().count())],
            origin: Origin::Text,
            country: None,
            geonames_id: None,
            aliases: Vec::new(),
        }
    }

    #[test]
    fn an_unknown_place_named_like_a_person_s_surname_is_that_person() {
        use EntityKind::{Person, Place};
        let mut jordan = entity(Place, "Jordan", 40);
        jordan.geonames_id = Some(248_816);
        let mut es = vec![
            entity(Person, "Gordon Sondland", 0),
            entity(Place, "Sondland", 20),
            entity(Person, "Michael Jordan", 30),
            jordan,
            entity(Place, "Kovac", 50),
        ];
        surnames_read_as_places(&mut es);
        let got: Vec<(EntityKind, &str, usize)> = es
            .iter()
            .map(|e| (e.kind, e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(
            got,
            [
                (Person, "Gordon Sondland", 2),
                (Person, "Michael Jordan", 1),
                (Place, "Jordan", 1),
                (Place, "Kovac", 1),
            ]
        );
    }

    #[test]
    fn big_places_typed_people_are_places() {
        use EntityKind::{Person, Place};
        let gaz = crate::extract::gazetteer::embedded().expect("embedded gazetteer decodes");
        let mut es = vec![
            entity(Person, "Denver", 0),
            entity(Person, "Burkina Faso", 10),
            entity(Person, "Chelsea", 30),
            entity(Person, "Ana Kovac", 40),
            entity(Person, "Norwich", 50),
            entity(Person, "Landen", 60),
        ];
        let text = "Denver    Burkina Faso        Chelsea   Ana Kovac Norwich   Landen";
        people_named_as_places(text, &mut es, gaz, &|w| w == "Chelsea");
        let got: Vec<(EntityKind, &str, Option<&str>)> = es
            .iter()
            .map(|e| (e.kind, e.name.as_str(), e.country.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Place, "Denver", Some("United States")),
                (Place, "Burkina Faso", Some("Burkina Faso")),
                (Person, "Chelsea", None),
                (Person, "Ana Kovac", None),
                // A city of fewer than half a million people stays a person.
                (Person, "Norwich", None),
                // Not by an alternate name of London.
                (Person, "Landen", None),
            ]
        );
        // The place named elsewhere in the article takes the person's mentions.
        let mut denver = entity(Place, "Denver", 0);
        denver.geonames_id = gaz.lookup("Denver").map(|p| p.geonames_id);
        let mut es = vec![denver, entity(Person, "Denver", 20)];
        let text = "Denver in the Rockies: Denver";
        people_named_as_places(text, &mut es, gaz, &|_| false);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].mentions, [(0, 6), (20, 26)]);
        // A title before a mention makes the name a person's.
        let text = "Princess Charlotte";
        let mut es = vec![entity(Person, "Charlotte", 9)];
        people_named_as_places(text, &mut es, gaz, &|_| false);
        assert_eq!(es[0].kind, Person);
    }
}
