//! Builds the compact gazetteer from the GeoNames dump extracts (cities15000.txt,
//! countryInfo.txt, admin1CodesASCII.txt; GeoNames, CC BY 4.0). Ambiguity is resolved here, once,
//! so the runtime lookup is a single hash probe.
//!
//! Resolution rule for a lookup key, in order:
//! 0. nationality adjectives and continent/macro-region names never resolve (`NOT_PLACES`);
//! 1. curated aliases (`aliases.rs`): country aliases, US state abbreviations (Minn., Pa.),
//!    then city overrides (New York → NYC, Washington → Washington, D.C.); other keys of one or
//!    two letters never resolve;
//! 2. a country beats any region or city ("Georgia" → the country, "Mexico" → the country);
//! 3. higher population wins, where an admin1 region's population is the summed population of
//!    its cities15000 towns and a match on an *alternate* name counts a tenth of the population
//!    (so "Hanover" → Hannover, Germany rather than Hanover, Maryland, yet a small town's own
//!    name is not stolen by a big city's obscure exonym); ties → own name, then lower id; an
//!    alternate name counts only when it reads as the same city (`same_city_name`: "Basle",
//!    "Peking", not "Twickenham" for Huntsville, Alabama);
//! 4. if the winner is an admin1 region whose seat city (PPLA/PPLC) has the same name, the city
//!    wins instead ("Seoul", "São Paulo", "Berlin" → the city; the country is the same).
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::aliases::{CITY_ALIASES, COUNTRY_ALIASES, COUNTRY_NAME_OVERRIDES, REGION_ALIASES};
use super::codec::{encode, RawPlace};
use super::fold::lookup_key;
use super::{GazetteerError, PlaceKind};

/// Cities below this population contribute only their own names, not alternate names: small
/// towns' alternates are mostly noise that would capture ordinary words.
const ALTERNATES_MIN_POPULATION: u64 = 50_000;

fn read(path: PathBuf) -> Result<String, GazetteerError> {
    std::fs::read_to_string(&path).map_err(|source| GazetteerError::Io { path, source })
}

fn bad(path: &Path, line: usize, reason: impl Into<String>) -> GazetteerError {
    GazetteerError::Parse {
        path: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

fn cc_of(s: &str) -> Option<[u8; 2]> {
    let b = s.as_bytes();
    (b.len() == 2 && b.iter().all(|c| c.is_ascii_uppercase())).then(|| [b[0], b[1]])
}

/// An alternate name worth indexing: Latin script, starts upper-case, 3..=40 characters, not an
/// all-capitals code (GeoNames mixes IATA codes like "SEL" and lower-case search forms in).
/// Below 5 characters only with a letter beyond ASCII ("Seúl"): plain short alternates are
/// mostly old spellings that equal acronyms in news once case is folded: "Irna" (Salerno) is
/// the Iranian agency IRNA, "Fao" (Al Fāw) the FAO, "Aea" (Tripoli) the AEA.
fn usable_alternate(s: &str) -> bool {
    let n = s.chars().count();
    let latin = |c: char| {
        c.is_ascii_alphabetic()
            || (c.is_alphabetic()
                && (('\u{C0}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)))
            || " -'.’".contains(c)
    };
    (3..=40).contains(&n)
        && (n >= 5 || !s.is_ascii())
        && s.chars().next().is_some_and(|c| c.is_uppercase())
        && s.chars().all(latin)
        && s.chars().any(|c| c.is_lowercase())
}

/// Whether alternate name `alt` of a city with own name `own` (both [`lookup_key`]s) and
/// `population` reads as that city in English news: a spelling of the own name (at most a
/// third of its letters edited, a swap of two counting once, "ue" as "u": Basle, Ghent,
/// Gothenburg, Ruesselsheim), its first words ("Frankfurt" of Frankfurt am Main; "Hague" of
/// The Hague), or the one-word exonym of a city of two million or more (Peking, Bombay,
/// Leningrad). GeoNames also lists old and neighbourhood names of other places, which news
/// uses for those: "Twickenham" (Huntsville, Alabama), "Bethlehem" (Belém), "Westport"
/// (Kansas City), "Garden City" (Singapore).
fn same_city_name(alt: &str, own: &str, population: u64) -> bool {
    // German umlauts spelled out ("Ruesselsheim") read as the folded own name ("russelsheim").
    let spelled = |s: &str| s.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    let (alt, own) = (spelled(alt), spelled(own));
    let (a, o) = (
        alt.strip_prefix("the ").unwrap_or(&alt),
        own.strip_prefix("the ").unwrap_or(&own),
    );
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let (la, lo) = (letters(a), letters(o));
    let longest = la.chars().count().max(lo.chars().count()).max(1);
    let spelling = 3 * strsim::osa_distance(&la, &lo) <= longest;
    let word_of = o
        .strip_prefix(a)
        .is_some_and(|rest| rest.starts_with([' ', '-']));
    let exonym = !a.contains(' ') && population >= 2_000_000;
    spelling || word_of || exonym
}

/// Ranking of one (key, place) candidate; larger wins.
type Rank = (u8, u64, u8, std::cmp::Reverse<u32>);

/// Reads the three GeoNames files under `<shared_root>/corpora/geonames/` and returns the gzipped
/// gazetteer bytes (see `codec.rs`). Deterministic for identical inputs. Errors name the file and
/// line of any unreadable file or malformed record.
pub fn build(shared_root: &Path) -> Result<Vec<u8>, GazetteerError> {
    let dir = shared_root.join("corpora").join("geonames");
    let mut places: Vec<RawPlace> = Vec::new();
    // (lookup key, place index, is own name)
    let mut names: Vec<(String, u32, bool)> = Vec::new();
    // Admin1 region index → its same-named seat city (PPLA/PPLC) index.
    let mut seats: HashMap<u32, u32> = HashMap::new();

    // Countries.
    let path = dir.join("countryInfo.txt");
    let mut country_idx: HashMap<[u8; 2], u32> = HashMap::new();
    for (i, line) in read(path.clone())?.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 17 {
            return Err(bad(
                &path,
                i + 1,
                format!("{} fields, expected at least 17", f.len()),
            ));
        }
        let cc = cc_of(f[0]).ok_or_else(|| bad(&path, i + 1, "bad ISO code"))?;
        let id = f[16]
            .trim()
            .parse()
            .map_err(|_| bad(&path, i + 1, "bad geonameid"))?;
        let population = f[7].trim().parse().unwrap_or(0);
        let name = COUNTRY_NAME_OVERRIDES
            .iter()
            .find(|(c, _)| c.as_bytes() == cc)
            .map_or_else(|| f[4].trim().to_string(), |(_, n)| n.to_string());
        let idx = places.len() as u32;
        names.push((lookup_key(f[4]), idx, true));
        names.push((lookup_key(&name), idx, true));
        country_idx.insert(cc, idx);
        places.push(RawPlace {
            kind: PlaceKind::Country,
            cc,
            id,
            population,
            name,
            admin1: String::new(),
        });
    }

    // Admin1 regions; population filled in from their cities below.
    let path = dir.join("admin1CodesASCII.txt");
    let mut admin_idx: HashMap<String, u32> = HashMap::new();
    for (i, line) in read(path.clone())?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            return Err(bad(&path, i + 1, format!("{} fields, expected 4", f.len())));
        }
        let cc = f[0]
            .get(..2)
            .and_then(cc_of)
            .ok_or_else(|| bad(&path, i + 1, "bad code"))?;
        if !country_idx.contains_key(&cc) {
            continue;
        }
        let id = f[3]
            .trim()
            .parse()
            .map_err(|_| bad(&path, i + 1, "bad geonameid"))?;
        let idx = places.len() as u32;
        names.push((lookup_key(f[1]), idx, true));
        names.push((lookup_key(f[2]), idx, true));
        admin_idx.insert(f[0].to_string(), idx);
        places.push(RawPlace {
            kind: PlaceKind::Admin1,
            cc,
            id,
            population: 0,
            name: f[1].to_string(),
            admin1: String::new(),
        });
    }

    // Cities.
    let path = dir.join("cities15000.txt");
    for (i, line) in read(path.clone())?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 19 {
            return Err(bad(
                &path,
                i + 1,
                format!("{} fields, expected 19", f.len()),
            ));
        }
        let Some(cc) = cc_of(f[8]).filter(|cc| country_idx.contains_key(cc)) else {
            continue;
        };
        let id = f[0]
            .parse()
            .map_err(|_| bad(&path, i + 1, "bad geonameid"))?;
        let population: u64 = f[14].trim().parse().unwrap_or(0);
        let admin = admin_idx.get(&format!("{}.{}", f[8], f[10])).copied();
        if let Some(a) = admin.filter(|_| f[7] == "PPLA" || f[7] == "PPLC") {
            if lookup_key(&places[a as usize].name) == lookup_key(f[1]) {
                seats.insert(a, places.len() as u32);
            }
        }
        let admin1 = match admin {
            Some(a) => {
                places[a as usize].population += population;
                places[a as usize].name.clone()
            }
            None => String::new(),
        };
        let idx = places.len() as u32;
        names.push((lookup_key(f[1]), idx, true));
        names.push((lookup_key(f[2]), idx, true));
        if population >= ALTERNATES_MIN_POPULATION {
            let own = lookup_key(f[1]);
            for alt in f[3].split(',').filter(|a| usable_alternate(a)) {
                let key = lookup_key(alt);
                if same_city_name(&key, &own, population) {
                    names.push((key, idx, false));
                }
            }
        }
        places.push(RawPlace {
            kind: PlaceKind::City,
            cc,
            id,
            population,
            name: f[1].to_string(),
            admin1,
        });
    }

    let rank = |idx: u32, own: bool| -> Rank {
        let p = &places[idx as usize];
        (
            u8::from(p.kind == PlaceKind::Country),
            if own { p.population } else { p.population / 10 },
            u8::from(own),
            std::cmp::Reverse(p.id),
        )
    };
    let mut best: HashMap<String, (Rank, u32)> = HashMap::new();
    for (key, idx, own) in names {
        if key.is_empty() {
            continue;
        }
        let r = rank(idx, own);
        match best.get(&key) {
            Some((old, _)) if *old >= r => {}
            _ => {
                best.insert(key, (r, idx));
            }
        }
    }
    let mut keys: Vec<(String, u32)> = best
        .into_iter()
        .map(|(k, (_, i))| (k, seats.get(&i).copied().unwrap_or(i)))
        .collect();
    let mut curated: HashMap<String, u32> = HashMap::new();
    for (alias, iso) in COUNTRY_ALIASES {
        if let Some(&idx) = cc_of(iso).and_then(|cc| country_idx.get(&cc)) {
            curated.insert(lookup_key(alias), idx);
        }
    }
    for (alias, code) in REGION_ALIASES {
        if let Some(&idx) = admin_idx.get(*code) {
            curated.insert(lookup_key(alias), idx);
        }
    }
    for (alias, gid) in CITY_ALIASES {
        if let Some(idx) = places
            .iter()
            .position(|p| p.kind == PlaceKind::City && p.id == *gid)
        {
            curated.entry(lookup_key(alias)).or_insert(idx as u32);
        }
    }
    // One- and two-letter keys ("to" from Tô, "pa" from Pa) are tickers, abbreviations and
    // words far more often than those towns; only curated ones (US, UK, LA) stay.
    keys.retain(|(k, _)| {
        !curated.contains_key(k) && !super::not_place_key(k) && k.chars().count() > 2
    });
    keys.extend(curated);
    keys.sort();
    encode(&places, &keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternates_of_the_same_city_only() {
        let k = |s: &str| lookup_key(s);
        for (alt, own, pop) in [
            ("Basle", "Basel", 177_000),
            ("Ghent", "Gent", 265_000),
            ("Gothenburg", "Göteborg", 572_000),
            ("Frankfurt", "Frankfurt am Main", 650_000),
            ("Hague", "The Hague", 474_000),
            ("Stoke", "Stoke-on-Trent", 270_000),
            ("Peking", "Beijing", 18_960_000),
            ("Ruesselsheim", "Rüsselsheim am Main", 61_000),
        ] {
            assert!(same_city_name(&k(alt), &k(own), pop), "{alt} → {own}");
        }
        for (alt, own, pop) in [
            ("Twickenham", "Huntsville", 200_000),
            ("Bethlehem", "Belém", 1_400_000),
            ("Westport", "Kansas City", 475_000),
            ("Garden City", "Singapore", 5_600_000),
            ("Main", "Frankfurt am Main", 650_000),
        ] {
            assert!(!same_city_name(&k(alt), &k(own), pop), "{alt} → {own}");
        }
    }

    #[test]
    fn alternate_filter() {
        assert!(usable_alternate("Peking"));
        assert!(usable_alternate("Séoul"));
        assert!(!usable_alternate("SEL"));
        assert!(!usable_alternate("seoulsi"));
        assert!(!usable_alternate("Сеул"));
        assert!(!usable_alternate("Xi"));
        assert!(!usable_alternate("Irna") && usable_alternate("Turin"));
    }

    #[test]
    fn missing_root_is_typed_error() {
        let err = build(Path::new("/definitely/not/here")).unwrap_err();
        assert!(err.to_string().contains("countryInfo.txt"), "{err}");
    }
}
