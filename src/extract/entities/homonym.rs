//! Places named like a place of another country, settled by the article's other places.
//!
//! The gazetteer gives each name one place, without context: "Newcastle" is Newcastle, New
//! South Wales (its own name, and the more populous), "Westminster" the Colorado city, "North
//! East" a region of Ghana. A BBC story that also names London and England means Newcastle
//! upon Tyne and the City of Westminster (52 and 15 BBC articles had the wrong country, so
//! `--place australia` found Newcastle United). Football clubs named after their town
//! ("Chelsea", "Leeds United") count as the article's places here: a match report names
//! clubs, not towns.

use super::Entity;
use crate::article::EntityKind;
use crate::extract::gazetteer::{Gazetteer, Place, PlaceKind};

/// The fewest other places an article must name in the namesake's country. One is enough
/// with the other conditions: over Reuters, BBC and HuffPost this pass moved 202 places
/// (Cambridge, Mass.; Newcastle upon Tyne 26; Burlington, Woburn, Newton, Mass.; San José,
/// Costa Rica; Gloucester); of those read, one was wrong (Vancouver, B.C. beside nine US
/// places). Letting the city's own country be named too, if half as often, and clubs count
/// moved 23 more (Newcastle upon Tyne 19, BBC rugby and football reports naming Australia or
/// Madrid besides English towns).
const MIN_CONTEXT: usize = 1;

/// Cities whose name alone means them, whatever country an article is about, although their
/// city proper is small: the G7 summit of 1987 met in Venice, not in Venice, Florida.
pub(super) const FAMOUS: &[&str] = &[
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

/// Moves each city of `entities` (not one of the [`FAMOUS`]) to its namesake in the country
/// the article's other places point to ([`namesake_at_home`]), or where they settle nothing,
/// its clubs named after a town. An entity that already stands for the namesake takes the
/// mentions over.
pub(super) fn cities_in_the_articles_country(entities: &mut Vec<Entity>, gaz: &Gazetteer) {
    let mut moved = false;
    // Per entity: the country of the town an organization is named after, if a club's name.
    let mut club_countries: Option<Vec<Option<&str>>> = None;
    for i in 0..entities.len() {
        let e = &entities[i];
        let city = match (e.kind, e.geonames_id, e.country.as_deref()) {
            (EntityKind::Place, Some(id), Some(_)) => gaz.city_by_id(id),
            _ => None,
        };
        let Some(city) = city else {
            continue;
        };
        if FAMOUS.contains(&city.name.as_str()) {
            continue;
        }
        // Clubs only where the places settle nothing: "Forest" (Nottingham Forest) is a
        // town in Belgium. Their towns are looked up once per article.
        let home = namesake_at_home(city, other_countries(entities, i, None), gaz).or_else(|| {
            let clubs = club_countries
                .get_or_insert_with(|| entities.iter().map(|o| club_country(o, gaz)).collect());
            namesake_at_home(city, other_countries(entities, i, Some(clubs)), gaz)
        });
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

/// The namesake of `city` in the country that at least [`MIN_CONTEXT`] of `countries` (one
/// entry per other place of the article) name, more than any other country with a namesake
/// ([`Gazetteer::city_in_country`], at most [`MAX_POPULATION_RATIO`] times smaller) and more
/// than twice as often as the city's own country: a rugby report naming England, Bath and
/// Leicester beside Australia means Newcastle upon Tyne; one naming London and Sydney
/// settles nothing.
fn namesake_at_home<'g>(
    city: &Place,
    mut countries: Vec<&str>,
    gaz: &'g Gazetteer,
) -> Option<&'g Place> {
    countries.sort_unstable();
    let own = countries.iter().filter(|&&c| c == city.country).count();
    let mut best: Option<(usize, &Place)> = None;
    let mut tied = false;
    for same in countries.chunk_by(|a, b| a == b) {
        let n = same.len();
        if same[0] == city.country || n < MIN_CONTEXT || n <= 2 * own {
            continue;
        }
        let Some(home) = gaz
            .city_in_country(&city.name, same[0])
            .filter(|home| home.population * MAX_POPULATION_RATIO >= city.population)
        else {
            continue;
        };
        match best {
            Some((m, _)) if m > n => {}
            Some((m, _)) if m == n => tied = true,
            _ => {
                best = Some((n, home));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, home)| home)
}

/// The countries of the places of `entities` other than entry `skip` and its namesakes, one
/// per place, and with `clubs` (per entity, the country of the town an organization is named
/// after, [`town_of_club`]) of the organizations too.
pub(super) fn other_countries<'a>(
    entities: &'a [Entity],
    skip: usize,
    clubs: Option<&[Option<&'a str>]>,
) -> Vec<&'a str> {
    let name = &entities[skip].name;
    entities
        .iter()
        .enumerate()
        .filter(|&(j, o)| j != skip && o.name != *name)
        .filter_map(|(j, o)| match o.kind {
            EntityKind::Place => o.country.as_deref(),
            EntityKind::Org => clubs.and_then(|c| c.get(j).copied().flatten()),
            _ => None,
        })
        .collect()
}

/// The country of the town an organization is named after, when its name reads as a club's
/// ([`town_of_club`]); `None` for other entities.
fn club_country<'g>(e: &Entity, gaz: &'g Gazetteer) -> Option<&'g str> {
    (e.kind == EntityKind::Org)
        .then(|| town_of_club(&e.name))
        .flatten()
        .and_then(|town| gaz.lookup(town))
        .filter(|p| p.kind == PlaceKind::City)
        .map(|p| p.country.as_str())
}

/// Words that end the name of a football club after its town ("Leeds United").
const CLUB_WORDS: &[&str] = &[
    "Albion",
    "Athletic",
    "City",
    "County",
    "FC",
    "Rovers",
    "Town",
    "United",
    "Wanderers",
];

/// The town an organization is named after when it reads as a club's name: one word
/// ("Chelsea", "Liverpool") or a town and a [`CLUB_WORDS`] word ("Manchester United"). A
/// town of several words ("Crystal Palace") is not tried.
fn town_of_club(org: &str) -> Option<&str> {
    match org.split_whitespace().collect::<Vec<_>>()[..] {
        [one] => Some(one),
        [town, club] if CLUB_WORDS.contains(&club) => Some(town),
        _ => None,
    }
}

/// Words that name a part of any country ("the North East", "the Midlands", "the Southern
/// District of New York"): GeoNames has regions of Ghana, Cameroon, Botswana, Zimbabwe,
/// Iceland and Israel named so.
const COMPASS_WORDS: &[&str] = &[
    "Central",
    "District",
    "East",
    "Eastern",
    "Mid",
    "Midlands",
    "North",
    "Northeast",
    "Northern",
    "Northwest",
    "South",
    "Southeast",
    "Southern",
    "Southwest",
    "West",
    "Western",
];

/// Drops each region of `entities` named only by [`COMPASS_WORDS`] ("North East", "South-West")
/// that no other place of the article shares a country with: a BBC story on house prices in
/// "the North East and the South West" is not about Ghana and Cameroon. Beside another place
/// of its country the region stays.
pub(super) fn compass_regions_need_their_country(entities: &mut Vec<Entity>, gaz: &Gazetteer) {
    let compass = |e: &Entity| {
        e.kind == EntityKind::Place
            && e.country.is_some()
            && e.name
                .split([' ', '-'])
                .all(|w| COMPASS_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
    };
    if !entities.iter().any(compass) {
        return;
    }
    let clubs: Vec<Option<&str>> = entities.iter().map(|o| club_country(o, gaz)).collect();
    let keep: Vec<bool> = (0..entities.len())
        .map(|i| {
            let e = &entities[i];
            !compass(e)
                || other_countries(entities, i, Some(&clubs))
                    .contains(&e.country.as_deref().unwrap_or(""))
        })
        .collect();
    let mut k = keep.iter();
    entities.retain(|_| *k.next().unwrap_or(&true));
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::extract::entities::Origin;
    use crate::extract::gazetteer;

    /// A text place entity as the embedded gazetteer resolves `name`, named once.
    pub(in crate::extract::entities) fn place(name: &str) -> Entity {
        let gaz = gazetteer::embedded().unwrap();
        let p = gaz.lookup(name).unwrap();
        Entity {
            kind: EntityKind::Place,
            name: p.name.clone(),
            mentions: vec![(0, name.len())],
            origin: Origin::Text,
            country: Some(p.country.clone()),
            geonames_id: Some(p.geonames_id),
            aliases: Vec::new(),
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
        // Its own country named less than half as often as the namesake's; a tie with a
        // country without a namesake.
        let uk = pair("Newcastle upon Tyne", "United Kingdom");
        assert_eq!(
            settled(&["Newcastle", "England", "Bath", "Leicester", "Australia"])[0],
            uk
        );
        assert_eq!(
            settled(&["Newcastle", "Madrid", "Spain", "England", "Liverpool"])[0],
            uk
        );
        assert_eq!(
            settled(&["Newcastle", "England", "Bath", "Australia", "Sydney"])[0],
            pair("Newcastle", "Australia")
        );
    }

    fn org(name: &str) -> Entity {
        Entity {
            kind: EntityKind::Org,
            name: name.into(),
            mentions: vec![(0, name.len())],
            origin: Origin::Text,
            country: None,
            geonames_id: None,
            aliases: Vec::new(),
        }
    }

    #[test]
    fn clubs_named_after_towns_are_context() {
        let gaz = gazetteer::embedded().unwrap();
        let mut entities = vec![place("Newcastle"), org("Chelsea"), org("Leeds United")];
        cities_in_the_articles_country(&mut entities, gaz);
        assert_eq!(entities[0].name, "Newcastle upon Tyne");
        // A firm's name of several words is no town.
        let mut entities = vec![place("Newcastle"), org("Chelsea Building Society")];
        cities_in_the_articles_country(&mut entities, gaz);
        assert_eq!(entities[0].name, "Newcastle");
    }

    #[test]
    fn compass_regions_stay_only_beside_their_country() {
        let gaz = gazetteer::embedded().unwrap();
        let names = |es: &[Entity]| es.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
        let mut entities = vec![place("North East"), place("South West"), place("London")];
        compass_regions_need_their_country(&mut entities, gaz);
        assert_eq!(names(&entities), ["London"]);
        let mut entities = vec![place("North East"), place("Accra")];
        compass_regions_need_their_country(&mut entities, gaz);
        assert_eq!(names(&entities), ["North East", "Accra"]);
        let mut entities = vec![place("Midlands")];
        compass_regions_need_their_country(&mut entities, gaz);
        assert!(entities.is_empty());
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
