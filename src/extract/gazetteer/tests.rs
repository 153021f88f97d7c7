//! Gazetteer tests: a tiny hand-written GeoNames-format fixture (invented rows, real layout) for
//! the lookup rules, plus a check against the real extracts under DATELINE_SHARED.

use super::*;

const COUNTRIES: &str = "# comment line\n\
#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\tCur\tCurName\tPhone\tPF\tPR\tLang\tgeonameid\tneighbours\tEq\n\
US\tUSA\t840\tUS\tUnited States\tWashington\t1\t330000000\tNA\t.us\tUSD\tDollar\t1\t\t\ten\t6252001\t\t\n\
GB\tGBR\t826\tUK\tUnited Kingdom\tLondon\t1\t66000000\tEU\t.uk\tGBP\tPound\t44\t\t\ten\t2635167\t\t\n\
KR\tKOR\t410\tKS\tSouth Korea\tSeoul\t1\t51000000\tAS\t.kr\tKRW\tWon\t82\t\t\tko\t1835841\t\t\n\
GE\tGEO\t268\tGG\tGeorgia\tTbilisi\t1\t3700000\tAS\t.ge\tGEL\tLari\t995\t\t\tka\t614540\t\t\n\
FR\tFRA\t250\tFR\tFrance\tParis\t1\t67000000\tEU\t.fr\tEUR\tEuro\t33\t\t\tfr\t3017382\t\t\n\
RU\tRUS\t643\tRS\tRussia\tMoscow\t1\t144000000\tEU\t.ru\tRUB\tRuble\t7\t\t\tru\t2017370\t\t\n\
DE\tDEU\t276\tGM\tGermany\tBerlin\t1\t83000000\tEU\t.de\tEUR\tEuro\t49\t\t\tde\t2921044\t\t\n\
NL\tNLD\t528\tNL\tThe Netherlands\tAmsterdam\t1\t17000000\tEU\t.nl\tEUR\tEuro\t31\t\t\tnl\t2750405\t\t\n\
SV\tSLV\t222\tES\tEl Salvador\tSan Salvador\t1\t6400000\tNA\t.sv\tUSD\tDollar\t503\t\t\tes\t3585968\t\t\n";

const ADMIN1: &str = "US.GA\tGeorgia\tGeorgia\t4197000\n\
US.WA\tWashington\tWashington\t5815135\n\
US.TX\tTexas\tTexas\t4736286\n\
KR.11\tSeoul\tSeoul\t1835847\n";

fn city(id: u32, name: &str, alts: &str, code: &str, cc: &str, a1: &str, pop: u64) -> String {
    format!("{id}\t{name}\t{name}\t{alts}\t0\t0\tP\t{code}\t{cc}\t\t{a1}\t\t\t\t{pop}\t\t0\tX/Y\t2025-01-01\n")
}

/// The fixture gazetteer, built once per test process (tests run in parallel threads).
pub(crate) fn fixture_gazetteer() -> &'static Gazetteer {
    static FIXTURE: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    FIXTURE.get_or_init(build_fixture)
}

fn build_fixture() -> Gazetteer {
    let dir = std::env::temp_dir().join(format!("dateline-gaz-{}", std::process::id()));
    let geo = dir.join("corpora").join("geonames");
    std::fs::create_dir_all(&geo).unwrap();
    let cities = [
        city(
            1835848,
            "Seoul",
            "Séoul,Seul,SEL,seoulsi",
            "PPLC",
            "KR",
            "11",
            10_000_000,
        ),
        city(2988507, "Paris", "Paname", "PPLC", "FR", "11", 2_100_000),
        city(4717560, "Paris", "", "PPLA2", "US", "TX", 25_000),
        city(
            4140963,
            "Washington",
            "Washington, D.C.",
            "PPLC",
            "US",
            "DC",
            690_000,
        ),
        city(5815001, "Seattle", "", "PPLA2", "US", "WA", 750_000),
        city(4180439, "Atlanta", "", "PPLA", "US", "GA", 500_000),
        city(9000001, "São Bento", "", "PPL", "US", "TX", 60_000),
        city(
            524901,
            "Moscow",
            "Moskva,Moscou",
            "PPLC",
            "RU",
            "48",
            12_000_000,
        ),
    ]
    .concat();
    std::fs::write(geo.join("countryInfo.txt"), COUNTRIES).unwrap();
    std::fs::write(geo.join("admin1CodesASCII.txt"), ADMIN1).unwrap();
    std::fs::write(geo.join("cities15000.txt"), cities).unwrap();
    let bytes = build(&dir).unwrap();
    assert_eq!(bytes, build(&dir).unwrap(), "build must be deterministic");
    std::fs::remove_dir_all(&dir).ok();
    Gazetteer::from_bytes(&bytes).unwrap()
}

fn name<'a>(g: &'a Gazetteer, q: &str) -> Option<&'a str> {
    g.lookup(q).map(|p| p.name.as_str())
}

#[test]
fn aliases_resolve_to_common_country_names() {
    let g = fixture_gazetteer();
    for q in [
        "U.S.",
        "US",
        "u.s.a.",
        "USA",
        "America",
        "United States of America",
        "the United States",
    ] {
        assert_eq!(name(g, q), Some("United States"), "{q}");
    }
    for q in ["UK", "U.K.", "Britain", "Great Britain"] {
        assert_eq!(name(g, q), Some("United Kingdom"), "{q}");
    }
    for q in [
        "South Korea",
        "Korea, Republic of",
        "Republic of Korea",
        "Korea",
    ] {
        assert_eq!(name(g, q), Some("South Korea"), "{q}");
    }
    assert_eq!(name(g, "Russian Federation"), Some("Russia"));
    assert_eq!(name(g, "the Netherlands"), Some("Netherlands"));
    assert_eq!(name(g, "Holland"), Some("Netherlands"));
}

#[test]
fn wire_state_abbreviations_and_no_two_letter_towns() {
    let g = fixture_gazetteer();
    for (abbr, id) in [
        ("Ga.", 4197000),
        ("GA.", 4197000),
        ("Tex.", 4736286),
        ("Wash.", 5815135),
    ] {
        let p = g.lookup(abbr).unwrap_or_else(|| panic!("{abbr}"));
        assert_eq!((p.kind, p.geonames_id), (PlaceKind::Admin1, id), "{abbr}");
    }
    assert_eq!(g.lookup("Georgia").unwrap().kind, PlaceKind::Country);
    assert_eq!(name(g, "US"), Some("United States"));
    assert!(g.lookup("TO").is_none() && g.lookup("Pa").is_none());
}

#[test]
fn ambiguity_rules() {
    let g = fixture_gazetteer();
    let georgia = g.lookup("Georgia").unwrap();
    assert_eq!(
        (georgia.kind, georgia.country_code.as_str()),
        (PlaceKind::Country, "GE")
    );
    let paris = g.lookup("paris").unwrap();
    assert_eq!(
        (paris.country.as_str(), paris.geonames_id),
        ("France", 2988507)
    );
    assert_eq!(g.lookup("Washington").unwrap().geonames_id, 4140963);
    assert_eq!(g.lookup("Washington, D.C.").unwrap().geonames_id, 4140963);
    assert_eq!(name(g, "Paris, Texas"), Some("Paris"));
    assert_eq!(g.lookup("Texas").unwrap().kind, PlaceKind::Admin1);
}

#[test]
fn case_accent_and_alternates() {
    let g = fixture_gazetteer();
    assert_eq!(name(g, "SEOUL"), Some("Seoul"));
    // "Seul" is a four-letter alternate in plain ASCII, not indexed (as "Irna" for Salerno,
    // which is the news agency IRNA); "Moskva" below is long enough.
    assert_eq!(name(g, "Seúl"), None);
    assert_eq!(name(g, "Seoul").unwrap(), name(g, "Séoul").unwrap());
    assert_eq!(name(g, "sao bento"), Some("São Bento"));
    assert_eq!(name(g, "Moskva"), Some("Moscow"));
    // Codes and lower-case search forms from the alternates column are not indexed.
    assert_eq!(name(g, "SEL"), None);
    assert_eq!(name(g, "seoulsi"), None);
    // Nationality adjectives are not places.
    assert_eq!(name(g, "Korean"), None);
    assert_eq!(name(g, "German"), None);
}

#[test]
fn places_keep_their_country() {
    let g = fixture_gazetteer();
    let seoul = g.lookup("Seoul").unwrap();
    assert_eq!(seoul.kind, PlaceKind::City);
    assert_eq!(country_of(seoul), Some("South Korea"));
    assert_eq!(seoul.admin1.as_deref(), Some("Seoul"));
    let seattle = g.lookup("Seattle").unwrap();
    assert_eq!(country_of(seattle), Some("United States"));
    assert_eq!(country_of(g.lookup("France").unwrap()), Some("France"));
}

#[test]
fn reuters_tags() {
    let g = fixture_gazetteer();
    let tag = |t: &str| g.canonical_reuters_place(t).map(|p| p.name.clone());
    assert_eq!(tag("usa").as_deref(), Some("United States"));
    assert_eq!(tag("uk").as_deref(), Some("United Kingdom"));
    assert_eq!(tag("el-salvador ").as_deref(), Some("El Salvador"));
    assert_eq!(tag("west-germany").as_deref(), Some("Germany"));
    assert_eq!(tag("ussr").as_deref(), Some("Russia"));
    assert_eq!(tag("south-korea").as_deref(), Some("South Korea"));
    assert_eq!(tag("atlantis"), None);
}

#[test]
fn real_geonames_values() {
    let Some(geonames) = crate::eval::shared("corpora/geonames") else {
        return;
    };
    let root = geonames.join("../..");
    let bytes = build(&root).unwrap();
    assert!(
        bytes.len() < 4_000_000,
        "gazetteer is {} bytes",
        bytes.len()
    );
    let g = Gazetteer::from_bytes(&bytes).unwrap();
    let countries = g
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .count();
    assert_eq!(countries, 252);
    let seoul = g.lookup("Seoul").unwrap();
    assert_eq!(
        (seoul.geonames_id, country_of(seoul)),
        (1835848, Some("South Korea"))
    );
    assert_eq!(g.lookup("Paris").unwrap().country, "France");
    assert_eq!(g.lookup("São Paulo").unwrap().country, "Brazil");
    assert_eq!(g.lookup("Georgia").unwrap().kind, PlaceKind::Country);
    assert_eq!(g.lookup("New York").unwrap().name, "New York City");
    assert_eq!(g.lookup("Washington").unwrap().geonames_id, 4140963);
    assert_eq!(g.lookup("Korean"), None);
    let tags = std::fs::read_to_string(root.join("corpora/reuters21578/all-places-strings.lc.txt"))
        .unwrap();
    let missing: Vec<&str> = tags
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty() && g.canonical_reuters_place(t).is_none())
        .collect();
    println!(
        "reuters tags: {} unmapped: {missing:?}",
        tags.lines().filter(|t| !t.trim().is_empty()).count()
    );
    assert!(missing.is_empty(), "unmapped Reuters tags: {missing:?}");
}

#[test]
fn embedded_file_decodes() {
    let g = embedded()
        .expect("models/gazetteer.bin.gz decodes (regenerate with gazetteer::build_to_file)");
    assert!(g.len() > 30_000, "{} places", g.len());
    assert_eq!(g.lookup("Seoul").and_then(country_of), Some("South Korea"));
    // Wire abbreviations: "ROCHESTER, N.Y." is the state, "H.K. Dlrs" Hong Kong's.
    let ny = g.lookup("N.Y.").unwrap();
    assert_eq!((ny.name.as_str(), ny.kind), ("New York", PlaceKind::Admin1));
    assert_eq!(g.lookup("H.K.").map(|p| p.name.as_str()), Some("Hong Kong"));
}
