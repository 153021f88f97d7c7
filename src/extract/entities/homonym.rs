//! Cities named like a city of another country, settled by the article's other places.
//!
//! The gazetteer gives each name one place, without context: "Newcastle" is Newcastle, New
//! South Wales (its own name, and the more populous), "Westminster" the Colorado city. A BBC
//! story that also names London and England means Newcastle upon Tyne and the City of
//! Westminster (52 and 15 BBC articles had the wrong country, so `--place australia` found
//! Newcastle United).

use super::Entity;
use crate::article::EntityKind;
use crate::extract::gazetteer::Gazetteer;

/// The fewest other places an article must name in the namesake's country. One is enough
/// with the other conditions: over Reuters, BBC and HuffPost this pass moved 202 places
/// (Cambridge, Mass.; Newcastle upon Tyne 26; Burlington, Woburn, Newton, Mass.; San José,
/// Costa Rica; Gloucester); of those read, one was wrong (Vancouver, B.C. beside nine US
/// places).
const MIN_CONTEXT: usize = 1;

/// Cities whose name alone means them, whatever country an article is about, although their
/// city proper is small: the G7 summit of 1987 met in Venice, not in Venice, Florida.
const FAMOUS: &[&str] = &[
    "Venice",
    "Florence",
    "Bethlehem",
    "Nazareth",
    "Oxford",
    "Geneva",
];

/// How many times more people the city may have than the namesake that replaces it. A famous
/// city is far bigger than its namesakes: at 20, Venice, Italy went to Florida and Athens to
/// Georgia beside US places, and Washington to Tyne and Wear beside British ones. At 4,
/// Newcastle upon Tyne (300,125) still replaces Newcastle, New South Wales (508,437), but
/// Sale, Greater Manchester (55,689) no longer replaces Salé, Morocco.
const MAX_POPULATION_RATIO: u64 = 4;

/// Moves each city of `entities` that no other place of the article shares a country with to
/// the city the name means at home in the country of the article's other places
/// ([`Gazetteer::city_in_country`]): when at least [`MIN_CONTEXT`] of them lie there, more
/// than in any other country, the city is not one of the [`FAMOUS`], and it has at most
/// [`MAX_POPULATION_RATIO`] times the namesake's people. An entity that already stands for
/// the namesake takes the mentions over.
pub(super) fn cities_in_the_articles_country(entities: &mut Vec<Entity>, gaz: &Gazetteer) {
    let mut moved = false;
    for i in 0..entities.len() {
        let e = &entities[i];
        let city = match (e.kind, e.geonames_id, e.country.as_deref()) {
            (EntityKind::Place, Some(id), Some(_)) => gaz.city_by_id(id),
            _ => None,
        };
        let Some(city) = city else {
            continue;
        };
        // The other places' countries, one entry per place.
        let mut countries: Vec<&str> = entities
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && o.kind == EntityKind::Place && o.name != e.name)
            .filter_map(|(_, o)| o.country.as_deref())
            .collect();
        if countries.contains(&city.country.as_str()) {
            continue;
        }
        if FAMOUS.contains(&city.name.as_str()) {
            continue;
        }
        countries.sort_unstable();
        let mut by_country: Vec<(usize, &str)> = countries
            .chunk_by(|a, b| a == b)
            .map(|same| (same.len(), same[0]))
            .collect();
        by_country.sort_unstable_by(|a, b| b.cmp(a));
        // The country most of the other places lie in, ahead of any other.
        let lead = match by_country[..] {
            [(n, c), ..] if n >= MIN_CONTEXT => {
                (by_country.get(1).is_none_or(|&(m, _)| m < n)).then_some(c)
            }
            _ => None,
        };
        let home = lead
            .and_then(|c| gaz.city_in_country(&e.name, c))
            .filter(|home| home.population * MAX_POPULATION_RATIO >= city.population);
        if let Some(home) = home {
            let e = &mut entities[i];
            e.name = home.name.clone();
            e.country = Some(home.country.clone());
            e.geonames_id = Some(home.geonames_id);
            moved = true;
        }
    }
    if moved {
        super::join_same_places(entities);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::Origin;
    use crate::extract::gazetteer;

    fn place(name: &str) -> Entity {
        let gaz = gazetteer::embedded().unwrap();
        let p = gaz.lookup(name).unwrap();
        Entity {
            kind: EntityKind::Place,
            name: p.name.clone(),
            mentions: vec![(0, name.len())],
            origin: Origin::Text,
            country: Some(p.country.clone()),
            geonames_id: Some(p.geonames_id),
        }
    }

    fn settled(names: &[&str]) -> Vec<(String, String)> {
        let mut entities: Vec<Entity> = names.iter().map(|n| place(n)).collect();
        cities_in_the_articles_country(&mut entities, gazetteer::embedded().unwrap());
        entities
            .into_iter()
            .map(|e| (e.name, e.country.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_city_follows_the_country_of_the_other_places() {
        let pair = |n: &str, c: &str| (n.to_string(), c.to_string());
        assert_eq!(place("Newcastle").country.as_deref(), Some("Australia"));
        assert_eq!(
            settled(&["Newcastle", "Liverpool"]),
            [
                pair("Newcastle upon Tyne", "United Kingdom"),
                pair("Liverpool", "United Kingdom")
            ]
        );
        assert_eq!(
            settled(&["Westminster", "England"])[0],
            pair("City of Westminster", "United Kingdom")
        );
        // Alone, beside its own country, or far bigger than the namesake: unchanged.
        assert_eq!(settled(&["Venice", "Boston"])[0], pair("Venice", "Italy"));
        assert_eq!(settled(&["Newcastle"])[0], pair("Newcastle", "Australia"));
        assert_eq!(
            settled(&["Newcastle", "Sydney", "Liverpool"])[0],
            pair("Newcastle", "Australia")
        );
        assert_eq!(settled(&["Paris", "Houston"])[0], pair("Paris", "France"));
    }

    #[test]
    fn two_mentions_of_one_city_become_one_entity() {
        let mut entities = vec![
            place("Newcastle upon Tyne"),
            place("Newcastle"),
            place("Leeds"),
        ];
        cities_in_the_articles_country(&mut entities, gazetteer::embedded().unwrap());
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Newcastle upon Tyne", "Leeds"]);
        assert_eq!(entities[0].mentions, [(0, 9), (0, 19)]);
    }
}
