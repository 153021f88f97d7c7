//! A compact GeoNames gazetteer (countries, first-level admin regions, cities of 15,000+ people)
//! for turning place mentions and Reuters PLACES tags into canonical names with their country.
//!
//! Data: GeoNames (geonames.org) `cities15000.txt`, `countryInfo.txt`, `admin1CodesASCII.txt`,
//! licensed CC BY 4.0. [`build`] derives `models/gazetteer.bin.gz` from them; the binary embeds
//! that file and decodes it once on first use ([`embedded`]).
//!
//! Lookup is case-, accent- and punctuation-insensitive (see [`fold::lookup_key`]); ambiguity is
//! resolved at build time by the rule documented in `build.rs` (curated aliases, then countries,
//! then own names over alternate names, then population). Nationality adjectives ("Korean",
//! "German") are deliberately **not** places: they are not in the tables, and the recognizer
//! labels them MISC, which is never indexed.

pub(crate) mod aliases;
mod build;
mod codec;
pub mod fold;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

pub use build::build;

/// Errors building, encoding or decoding the gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A GeoNames file (or the output file) could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A GeoNames record is malformed (line is 1-based).
    #[error("{path}:{line}: {reason}")]
    Parse {
        /// The GeoNames file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the record.
        reason: String,
    },
    /// The gazetteer could not be serialized.
    #[error("encoding gazetteer: {reason}")]
    Encode {
        /// What failed.
        reason: String,
    },
    /// The gazetteer bytes are corrupt (offset into the gunzipped stream).
    #[error("decoding gazetteer at byte {offset}: {reason}")]
    Decode {
        /// Byte offset into the gunzipped stream.
        offset: usize,
        /// What is wrong there.
        reason: String,
    },
}

/// What sort of place a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum PlaceKind {
    /// A country or dependent territory (GeoNames countryInfo).
    Country = 0,
    /// A first-level administrative division: state, province, region (admin1CodesASCII).
    Admin1 = 1,
    /// A populated place with population > 15,000 or an admin seat (cities15000).
    City = 2,
}

impl PlaceKind {
    fn from_u8(b: u8) -> Option<Self> {
        match b {
            0 => Some(Self::Country),
            1 => Some(Self::Admin1),
            2 => Some(Self::City),
            _ => None,
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Canonical English name ("Seoul", "South Korea", "New York City").
    pub name: String,
    /// Country, admin region or city.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country the place is in (or is): "KR".
    pub country_code: String,
    /// Canonical name of that country ("South Korea"); equals `name` for countries.
    pub country: String,
    /// Name of the first-level region a city lies in, when GeoNames knows it.
    pub admin1: Option<String>,
    /// GeoNames feature id.
    pub geonames_id: u32,
    /// Population (for admin regions: summed population of their cities15000 towns).
    pub population: u64,
}

/// The country a place belongs to (its own name for a country), so a `--place "South Korea"`
/// filter can also match an article naming only Seoul. `None` only if the country is unknown.
pub fn country_of(place: &Place) -> Option<&str> {
    (!place.country.is_empty()).then_some(place.country.as_str())
}

/// The decoded gazetteer: places plus a hash index from lookup keys to the winning place.
/// The maps hash with FxHash: their keys are short names looked up several times per
/// mention, where SipHash cost more than the rest of a lookup, and hash flooding is no concern
/// for a table fixed at build time.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_key: HashMap<String, u32>,
    by_code: HashMap<String, u32>,
    /// First-level regions by (country code, lookup key of the name).
    by_region: HashMap<(String, String), u32>,
    /// Cities by (lookup key of the name, lookup key of their region's name).
    by_city_region: HashMap<(String, String), u32>,
    /// Cities by GeoNames id.
    by_city_id: HashMap<u32, u32>,
    /// First-level regions by the lookup key of their name.
    by_region_name: HashMap<String, Vec<u32>>,
    /// Cities by (lookup key of their name or short name, country name): see
    /// [`Gazetteer::city_in_country`].
    by_city_country: HashMap<(String, String), u32>,
}

/// The names a city goes by at home besides its own: "City of Westminster" → "Westminster",
/// "Newcastle upon Tyne" → "Newcastle", "Frankfurt am Main" → "Frankfurt".
fn short_names(name: &str) -> impl Iterator<Item = &str> {
    let without_city_of = name.strip_prefix("City of ");
    // Every separator opens with " u", " a", "-u" or "-a": few names hold one, and the rest
    // skip six string searches (this runs for each of some 30,000 cities at start-up).
    let may_split = name
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w, [b' ' | b'-', b'u' | b'a']));
    let before_river = [" upon ", " under ", "-upon-", "-under-", " am ", " an der "]
        .iter()
        .filter(|_| may_split)
        .find_map(|sep| name.split_once(sep).map(|(head, _)| head));
    without_city_of.into_iter().chain(before_river)
}

impl Gazetteer {
    /// Decodes bytes produced by [`build`]. Errors: [`GazetteerError::Decode`].
    pub fn from_bytes(gz: &[u8]) -> Result<Self, GazetteerError> {
        let (raw, keys) = codec::decode(gz)?;
        let mut by_code = HashMap::default();
        for (i, p) in raw.iter().enumerate() {
            if p.kind == PlaceKind::Country {
                by_code.insert(String::from_utf8_lossy(&p.cc).into_owned(), i as u32);
            }
        }
        let country_name = |cc: &[u8; 2]| -> String {
            let code = String::from_utf8_lossy(cc);
            by_code
                .get(code.as_ref())
                .map(|&i| raw[i as usize].name.clone())
                .unwrap_or_default()
        };
        let places: Vec<Place> = raw
            .iter()
            .map(|p| Place {
                name: p.name.clone(),
                kind: p.kind,
                country_code: String::from_utf8_lossy(&p.cc).into_owned(),
                country: country_name(&p.cc),
                admin1: (!p.admin1.is_empty()).then(|| p.admin1.clone()),
                geonames_id: p.id,
                population: p.population,
            })
            .collect();
        let by_region: HashMap<(String, String), u32> = places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PlaceKind::Admin1)
            .map(|(i, p)| {
                (
                    (p.country_code.clone(), fold::lookup_key(&p.name)),
                    i as u32,
                )
            })
            .collect();
        // Cities by name and region, and by name (or short name) and country; where two share
        // a key, the more populous one. Each name and region is folded once.
        let mut by_city_region: HashMap<(String, String), u32> = HashMap::default();
        let mut by_city_country: HashMap<(String, String), u32> = HashMap::default();
        let mut region_keys: HashMap<&str, String> = HashMap::default();
        let keep = |map: &mut HashMap<(String, String), u32>, key, i: usize| {
            let slot = map.entry(key).or_insert(i as u32);
            if places[*slot as usize].population < places[i].population {
                *slot = i as u32;
            }
        };
        for (i, p) in places.iter().enumerate() {
            if p.kind != PlaceKind::City {
                continue;
            }
            let name = fold::lookup_key(&p.name);
            if let Some(region) = &p.admin1 {
                let region = region_keys
                    .entry(region.as_str())
                    .or_insert_with(|| fold::lookup_key(region))
                    .clone();
                keep(&mut by_city_region, (name.clone(), region), i);
            }
            for short in short_names(&p.name) {
                keep(
                    &mut by_city_country,
                    (fold::lookup_key(short), p.country.clone()),
                    i,
                );
            }
            keep(&mut by_city_country, (name, p.country.clone()), i);
        }
        let by_city_id = places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PlaceKind::City)
            .map(|(i, p)| (p.geonames_id, i as u32))
            .collect();
        let mut by_region_name: HashMap<String, Vec<u32>> = HashMap::default();
        for ((_, key), &i) in &by_region {
            by_region_name.entry(key.clone()).or_default().push(i);
        }
        for ids in by_region_name.values_mut() {
            ids.sort_unstable();
        }
        Ok(Self {
            places,
            by_key: keys.into_iter().collect(),
            by_city_country,
            by_code,
            by_region,
            by_city_region,
            by_city_id,
            by_region_name,
        })
    }

    /// First-level regions named `name`, in any country ("Georgia" → the US state).
    pub fn regions_named(&self, name: &str) -> Vec<&Place> {
        self.by_region_name
            .get(&fold::lookup_key(name))
            .map(|ids| {
                ids.iter()
                    .filter_map(|&i| self.places.get(i as usize))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The city `name` in the first-level region `region` ("Paris" in "Paris, Texas";
    /// "Portland" in "Portland, Maine"), if the gazetteer has one there.
    pub fn city_in_region(&self, name: &str, region: &str) -> Option<&Place> {
        self.by_city_region
            .get(&(fold::lookup_key(name), fold::lookup_key(region)))
            .and_then(|&i| self.places.get(i as usize))
    }

    /// The most populous city of `country` (a canonical country name) called `name` at home,
    /// by its own name or a short one ("Newcastle" → Newcastle upon Tyne in the United
    /// Kingdom, "Westminster" → City of Westminster), not by an alternate name.
    pub fn city_in_country(&self, name: &str, country: &str) -> Option<&Place> {
        self.by_city_country
            .get(&(fold::lookup_key(name), country.to_string()))
            .and_then(|&i| self.places.get(i as usize))
    }

    /// The city with GeoNames id `id`, if the gazetteer has it.
    pub fn city_by_id(&self, id: u32) -> Option<&Place> {
        self.places.get(*self.by_city_id.get(&id)? as usize)
    }

    /// The region `name` when it is the first-level region of the city with GeoNames id
    /// `city`: in "Atlanta, Georgia" the US state, not the country the name alone means.
    pub fn region_of_city(&self, city: u32, name: &str) -> Option<&Place> {
        let c = self.places.get(*self.by_city_id.get(&city)? as usize)?;
        let key = fold::lookup_key(name);
        if c.admin1.as_deref().map(fold::lookup_key) != Some(key.clone()) {
            return None;
        }
        self.by_region
            .get(&(c.country_code.clone(), key))
            .and_then(|&i| self.places.get(i as usize))
    }

    /// Number of places (countries + regions + cities).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True for the empty gazetteer (e.g. when the embedded file failed to decode).
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// All places, countries first, then admin regions, then cities.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Finds the place a name most sensibly refers to, by own or alternate name, ignoring case,
    /// accents and punctuation; a leading "the" is optional ("the Netherlands"). For "Paris,
    /// Texas"-style input that is not itself a name, the part before the first comma is tried.
    /// Ambiguity rule: see `build.rs` ("Georgia" → the country; "Paris" → Paris, France;
    /// "Washington" → Washington, D.C.; "New York" → New York City).
    pub fn lookup(&self, name: &str) -> Option<&Place> {
        let key = fold::lookup_key(name);
        if key.is_empty() || institution_key(&key) {
            return None;
        }
        let hit = self
            .by_key
            .get(&key)
            .or_else(|| key.strip_prefix("the ").and_then(|k| self.by_key.get(k)));
        if let Some(&i) = hit {
            return self.places.get(i as usize);
        }
        let (head, _) = name.split_once(',')?;
        self.lookup(head)
    }

    /// The country with ISO 3166-1 alpha-2 `code` ("KR").
    pub fn country_by_code(&self, code: &str) -> Option<&Place> {
        self.by_code
            .get(code)
            .and_then(|&i| self.places.get(i as usize))
    }

    /// Maps a Reuters-21578 lower-case PLACES tag ("usa", "west-germany", "el-salvador") to a
    /// place. Historical states map to their principal successor (ussr → Russia, west-germany →
    /// Germany, yugoslavia → Serbia; full table in `aliases.rs`); other tags go through
    /// [`Gazetteer::lookup`] with hyphens read as spaces.
    pub fn canonical_reuters_place(&self, tag: &str) -> Option<&Place> {
        let tag = tag.trim().to_ascii_lowercase();
        match aliases::REUTERS_TAGS.iter().find(|(t, _)| *t == tag) {
            Some((_, code)) => self.country_by_code(code),
            None => self.lookup(&tag),
        }
    }
}

/// True for a building or street that names an institution ("White House", "Kremlin",
/// "Wall Street") or an organization named like a town ("Hamas", "Toyota"; tables in
/// `aliases.rs`): never a place, whatever GeoNames lists.
pub fn is_institution(name: &str) -> bool {
    institution_key(&fold::lookup_key(name))
}

/// True for a nationality adjective or a continent or macro-region ("German", "Arab",
/// "Middle East"; `NOT_PLACES` in `aliases.rs`), names the gazetteer never resolves.
pub fn is_not_place(name: &str) -> bool {
    not_place_key(&fold::lookup_key(name))
}

/// [`is_not_place`] for a name already folded with [`fold::lookup_key`]; the gazetteer build
/// leaves these keys out.
fn not_place_key(key: &str) -> bool {
    static KEYS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        aliases::NOT_PLACES
            .split(';')
            .map(fold::lookup_key)
            .collect()
    });
    keys.contains(key)
}

/// [`is_institution`] for a name already folded with [`fold::lookup_key`].
fn institution_key(key: &str) -> bool {
    static KEYS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        aliases::INSTITUTIONS
            .iter()
            .chain(aliases::ORGANIZATIONS)
            .map(|i| fold::lookup_key(i))
            .collect()
    });
    keys.contains(key.strip_prefix("the ").unwrap_or(key))
}

static EMBEDDED: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();

/// The gazetteer compiled into the binary from `models/gazetteer.bin.gz`, decoded on first call
/// (about 0.1 s) and shared afterwards. The error is returned (every call) if the file is corrupt.
pub fn embedded() -> Result<&'static Gazetteer, &'static GazetteerError> {
    static BYTES: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/gazetteer.bin.gz"
    ));
    EMBEDDED
        .get_or_init(|| Gazetteer::from_bytes(BYTES))
        .as_ref()
}

/// Runs [`build`] and writes the result to `out` (conventionally `models/gazetteer.bin.gz`),
/// creating parent directories. Returns the number of bytes written.
pub fn build_to_file(shared_root: &Path, out: &Path) -> Result<usize, GazetteerError> {
    let bytes = build(shared_root)?;
    let io = |source| GazetteerError::Io {
        path: out.to_path_buf(),
        source,
    };
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(out, &bytes).map_err(io)?;
    Ok(bytes.len())
}

#[cfg(test)]
pub(crate) mod tests;
