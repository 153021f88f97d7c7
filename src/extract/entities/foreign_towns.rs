//! Small towns abroad that nothing else in the article places there.
//!
//! The gazetteer gives a name the most populous of its places, without context, and a place
//! carries its country into `--place` filters. So "Brits" (the Brit Awards) was Brits, South
//! Africa, "Nigel" (Farage) Nigel, South Africa, "Kinross" (Scotland) the South African town,
//! "Federal" a town of Argentina, and `--place "South Africa"` found 17 BBC stories about
//! none of it. A town of a country that no other place of the article is in, too small for
//! its name alone to mean it and unknown to the recognizer's news lists, is not trusted with
//! that country: a word or a person's name is no place at all, and another name stays a place
//! without a country.

use super::homonym::{other_countries, FAMOUS};
use super::{Entity, Origin};
use crate::article::EntityKind;
use crate::extract::gazetteer::{Gazetteer, PlaceKind};
use crate::extract::ner::Recognizer;

/// People from which a city's name alone names it, in any article: a capital of a small
/// country (Bern, 121,631) or a port the wire names (Piraeus, 163,688) are below it, so only
/// their names, not their countries, are lost beside places of other countries. Over
/// Reuters-21578, BBC and HuffPost, the towns below it in unsupported countries were mostly
/// words ("Time", Norway; "Metro", Indonesia), names ("Nancy", France) and clubs ("Bolton").
const ALONE: u64 = 200_000;

/// Applies the module's rule to each text place of `entities` that is a city.
pub(super) fn unplaced_small_towns(entities: &mut Vec<Entity>, gaz: &Gazetteer) {
    let Ok(recognizer) = Recognizer::try_embedded() else {
        return;
    };
    let mut drop = vec![false; entities.len()];
    let mut unlink = vec![false; entities.len()];
    for (i, e) in entities.iter().enumerate() {
        let city = match (e.kind, e.origin, e.geonames_id) {
            (EntityKind::Place, Origin::Text, Some(id)) => gaz.city_by_id(id),
            _ => None,
        };
        let Some(city) = city.filter(|c| c.kind == PlaceKind::City && c.population < ALONE) else {
            continue;
        };
        if FAMOUS.contains(&city.name.as_str()) || recognizer.is_known_place(&e.name) {
            continue;
        }
        let countries = other_countries(entities, i, None);
        if countries.contains(&city.country.as_str()) {
            continue;
        }
        let word = !e.name.contains(' ')
            && (recognizer.is_lowercase_word(&e.name)
                || recognizer.is_first_name(&e.name)
                || recognizer.is_surname(&e.name));
        if word {
            drop[i] = true;
        } else if !countries.is_empty() {
            unlink[i] = true;
        }
    }
    let mut i = 0;
    entities.retain_mut(|e| {
        let (gone, loose) = (drop[i], unlink[i]);
        i += 1;
        if loose {
            e.country = None;
            e.geonames_id = None;
        }
        !gone
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::homonym::tests::place;
    use crate::extract::gazetteer;

    /// Each place left after the pass, with its country ("" for none).
    fn placed(names: &[&str]) -> Vec<(String, String)> {
        let mut entities: Vec<Entity> = names.iter().map(|n| place(n)).collect();
        unplaced_small_towns(&mut entities, gazetteer::embedded().unwrap());
        entities
            .into_iter()
            .map(|e| (e.name, e.country.unwrap_or_default()))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|&(a, b)| (a.into(), b.into())).collect()
    }

    #[test]
    fn a_small_town_abroad_keeps_its_country_only_beside_it() {
        assert_eq!(place("Brits").country.as_deref(), Some("South Africa"));
        // The Brit Awards in a story from London: the name stays, the country goes.
        assert_eq!(
            placed(&["Brits", "London"]),
            pairs(&[("Brits", ""), ("London", "United Kingdom")])
        );
        // Beside a place of its own country, or alone, it is trusted.
        assert_eq!(
            placed(&["Brits", "Pretoria"]),
            pairs(&[("Brits", "South Africa"), ("Pretoria", "South Africa")])
        );
        assert_eq!(placed(&["Brits"]), pairs(&[("Brits", "South Africa")]));
        // A big city, a famous one and one the news lists know keep their country anywhere.
        assert_eq!(placed(&["Leeds", "Tokyo"])[0].1, "United Kingdom");
        assert_eq!(placed(&["Venice", "Boston"])[0].1, "Italy");
        assert_eq!(placed(&["Hollywood", "London"])[0].1, "United States");
    }

    #[test]
    fn a_word_or_a_name_is_no_town_abroad() {
        // "Nigel" (Farage) is Nigel, South Africa, "Metro" a town of Indonesia.
        for name in ["Nigel", "Metro"] {
            assert_eq!(
                placed(&[name, "London"]),
                pairs(&[("London", "United Kingdom")]),
                "{name}"
            );
        }
        // With no other place to go by, a word is no town either.
        assert!(placed(&["Metro"]).is_empty());
    }
}
