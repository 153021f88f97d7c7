//! Small towns abroad that nothing else in the article places there.
//!
//! The gazetteer gives a name the most populous of its places, without context, and a place
//! carries its country into `--place` filters. So "Brits" (the Brit Awards) was Brits, South
//! Africa, "Nigel" (Farage) Nigel, South Africa, "Kinross" (Scotland) the South African town,
//! "Federal" a town of Argentina, and `--place "South Africa"` found 17 BBC stories about
//! none of it. A town of a country that no other place of the article is in, too small for
//! its name alone to mean it and unknown to the recognizer's news lists, is not trusted with
//! that country: a word, a first name or the surname of one of the article's people is no
//! place at all, and another name stays a place without a country. A dateline ("BASLE, March
//! 3") or a region after a comma ("Oshawa, Ont.") places a town by itself.

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

/// People below which a town in an unsupported country loses its country. Between this and
/// [`ALONE`] (Middlesbrough, Basel, Piraeus, Parma, and Brits, South Africa, 122,497) it does
/// only where the text writes "the" before it, as one writes an event or a team ("at the
/// Brits", "the Middlesbrough striker"), not a town.
const SMALL: u64 = 100_000;

/// Applies the module's rule to each text place of `entities` that is a city; `char_at` gives
/// the text's chars by the mentions' offsets.
pub(super) fn unplaced_small_towns(
    entities: &mut Vec<Entity>,
    gaz: &Gazetteer,
    char_at: &dyn Fn(usize) -> Option<char>,
) {
    let Ok(recognizer) = Recognizer::try_embedded() else {
        return;
    };
    let surnames: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.name.contains(' '))
        .filter_map(|e| e.name.split(' ').next_back())
        .collect();
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
        if FAMOUS.contains(&city.name.as_str())
            || recognizer.is_known_place(&e.name)
            || e.mentions.iter().any(|&m| placed_by_text(m, char_at, gaz))
        {
            continue;
        }
        let countries = other_countries(entities, i, None);
        if countries.contains(&city.country.as_str()) {
            continue;
        }
        let word = !e.name.contains(' ')
            && (recognizer.is_lowercase_word(&e.name)
                || recognizer.is_first_name(&e.name)
                || (recognizer.is_surname(&e.name) && surnames.contains(&e.name.as_str())));
        let after_the = || {
            e.mentions
                .iter()
                .any(|&(start, _)| after_the(start, char_at))
        };
        if word {
            drop[i] = true;
        } else if !countries.is_empty() && (city.population < SMALL || after_the()) {
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

/// Whether the mention `(start, end)` is a dateline's place (in capitals, opening a line) or
/// a town a region or country follows after a comma ("Oshawa, Ont."; not a list of names,
/// "Almunia, Kabba, Shaw").
fn placed_by_text(
    (start, end): (usize, usize),
    char_at: &dyn Fn(usize) -> Option<char>,
    gaz: &Gazetteer,
) -> bool {
    let opens_line = (1..=12)
        .map(|k| start.checked_sub(k).and_then(char_at))
        .find(|c| !matches!(c, Some(' ' | '\t')))
        .is_none_or(|c| c.is_none_or(|c| c == '\n'));
    let capitals = (start..end).all(|i| !char_at(i).is_some_and(char::is_lowercase));
    let region_after = char_at(end) == Some(',') && char_at(end + 1) == Some(' ') && {
        let next: String = (end + 2..end + 40)
            .map_while(|i| char_at(i).filter(|c| c.is_alphabetic() || *c == '.'))
            .collect();
        next.starts_with(char::is_uppercase)
            && gaz.lookup(&next).is_some_and(|p| p.kind != PlaceKind::City)
    };
    (opens_line && capitals) || region_after
}

/// Whether "the " (lower case) comes right before char offset `start`.
fn after_the(start: usize, char_at: &dyn Fn(usize) -> Option<char>) -> bool {
    start >= 4
        && (1..=4)
            .map(|k| char_at(start - k))
            .eq([Some(' '), Some('e'), Some('h'), Some('t')])
        && !start
            .checked_sub(5)
            .and_then(char_at)
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::homonym::tests::place;
    use crate::extract::gazetteer;

    /// Each place left after the pass over `text`, with its country ("" for none); each name
    /// is mentioned where `text` first has it.
    fn placed_in(text: &str, names: &[&str]) -> Vec<(String, String)> {
        let mut entities: Vec<Entity> = names
            .iter()
            .map(|n| {
                let mut e = place(n);
                let start = text.find(n).map_or(0, |b| text[..b].chars().count());
                e.mentions = vec![(start, start + n.chars().count())];
                e
            })
            .collect();
        let chars: Vec<char> = text.chars().collect();
        let char_at = |i: usize| chars.get(i).copied();
        unplaced_small_towns(&mut entities, gazetteer::embedded().unwrap(), &char_at);
        entities
            .into_iter()
            .map(|e| (e.name, e.country.unwrap_or_default()))
            .collect()
    }

    fn placed(names: &[&str]) -> Vec<(String, String)> {
        placed_in(&names.join(" and "), names)
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|&(a, b)| (a.into(), b.into())).collect()
    }

    #[test]
    fn a_small_town_abroad_keeps_its_country_only_beside_it() {
        assert_eq!(place("Brits").country.as_deref(), Some("South Africa"));
        // The Brit Awards in a story from London: the name stays, the country goes; a town of
        // over 100,000 people loses it only after "the".
        assert_eq!(
            placed_in("Stars at the Brits in London.", &["Brits", "London"]),
            pairs(&[("Brits", ""), ("London", "United Kingdom")])
        );
        assert_eq!(placed(&["Brits", "London"])[0].1, "South Africa");
        assert_eq!(placed(&["Kinross", "London"])[0].1, "");
        let list = "Almunia, Kinross, Shaw and others played in London.";
        assert_eq!(placed_in(list, &["Kinross", "London"])[0].1, "");
        // A dateline or a region after a comma places it.
        for text in [
            "KINROSS, March 3 - Gold rose in London.",
            "In Kinross, Gauteng, and London.",
        ] {
            assert_eq!(
                placed_in(text, &["Kinross", "London"])[0].1,
                "South Africa",
                "{text}"
            );
        }
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
