//! Hand-curated name tables the GeoNames extracts lack: common short names for countries whose
//! GeoNames name news writers rarely use, abbreviations (U.S., UK, UAE), a few city overrides
//! where news usage differs from "largest population wins", and the Reuters-21578 PLACES tags
//! that do not match a current country name (historical states and hyphenated abbreviations).

/// Buildings, streets and districts that news uses for the institution inside them. GeoNames
/// lists several of them as alternate names of real cities ("White House" for Casablanca,
/// "Google" for Topeka's 2010 publicity name), so a lookup must never resolve them to a place.
pub const INSTITUTIONS: &[&str] = &[
    "White House",
    "Whitehall",
    "Google",
    "Pentagon",
    "Kremlin",
    "Downing Street",
    "Capitol Hill",
    "Wall Street",
    "Elysee",
    "Blue House",
    "Foggy Bottom",
    "Fleet Street",
    "Madison Avenue",
    "Silicon Valley",
    "Zhongnanhai",
    "Quai d'Orsay",
    "Vatican",
    "United Nations",
];

/// Organizations whose one-word names GeoNames gives a city or region, as its own name or an
/// alternate one: "Hamas" (Hamm, Germany), "Mobil" (Mobile, Alabama), "Toyota" (Toyota,
/// Japan), "Meta" (Meta, Colombia). In news they name the organization, so, like
/// [`INSTITUTIONS`], a lookup never resolves them to a place (Hamm still resolves).
pub const ORGANIZATIONS: &[&str] = &[
    "Hamas",
    "Mobil",
    "Toyota",
    "Meta",
    "Allegheny",
    "Bally",
    "Trident",
    "Zara",
    "Ciba",
];

/// Canonical display names replacing GeoNames `countryInfo.txt` names, by ISO 3166 code.
pub const COUNTRY_NAME_OVERRIDES: &[(&str, &str)] = &[
    ("NL", "Netherlands"),
    ("TL", "Timor-Leste"),
    ("VA", "Vatican City"),
    ("AX", "Åland Islands"),
    ("PS", "Palestinian Territories"),
    ("BQ", "Bonaire, Saint Eustatius and Saba"),
];

/// Alternative names resolving to a country, by ISO 3166 code. Keys are matched through
/// `fold::lookup_key`, so punctuation and case do not matter ("U.S.A." = "usa").
/// "Korea" alone resolves to South Korea (by far the more frequent referent in news);
/// "Congo" alone resolves to the Republic of the Congo, as in Reuters-21578 where Zaire is separate.
/// Historical names follow the Reuters tag rule below (Soviet Union → Russia, West Germany →
/// Germany) so that text mentions and 1987 metadata tags merge into one entity.
pub const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("H.K.", "HK"),
    ("US", "US"),
    ("USA", "US"),
    ("America", "US"),
    ("United States of America", "US"),
    ("UK", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("United Kingdom of Great Britain and Northern Ireland", "GB"),
    ("Korea, Republic of", "KR"),
    ("Republic of Korea", "KR"),
    ("Korea", "KR"),
    ("ROK", "KR"),
    ("Korea, Democratic People's Republic of", "KP"),
    ("Democratic People's Republic of Korea", "KP"),
    ("DPRK", "KP"),
    ("Russian Federation", "RU"),
    ("Soviet Union", "RU"),
    ("USSR", "RU"),
    ("West Germany", "DE"),
    ("East Germany", "DE"),
    ("Iran, Islamic Republic of", "IR"),
    ("Islamic Republic of Iran", "IR"),
    ("Syrian Arab Republic", "SY"),
    ("Viet Nam", "VN"),
    ("Lao People's Democratic Republic", "LA"),
    ("Lao PDR", "LA"),
    ("Czech Republic", "CZ"),
    ("Côte d'Ivoire", "CI"),
    ("Cape Verde", "CV"),
    ("Swaziland", "SZ"),
    ("Burma", "MM"),
    ("Macedonia", "MK"),
    ("Democratic Republic of Congo", "CD"),
    ("DR Congo", "CD"),
    ("DRC", "CD"),
    ("Congo-Kinshasa", "CD"),
    ("Zaire", "CD"),
    ("Congo", "CG"),
    ("Congo-Brazzaville", "CG"),
    ("Holland", "NL"),
    ("UAE", "AE"),
    ("Emirates", "AE"),
    ("Holy See", "VA"),
    ("Vatican", "VA"),
    ("East Timor", "TL"),
    ("Timor Leste", "TL"),
    ("Palestine", "PS"),
    ("Palestinian Territory", "PS"),
    ("Bosnia", "BA"),
    ("Trinidad", "TT"),
    ("People's Republic of China", "CN"),
    ("PRC", "CN"),
    ("Mainland China", "CN"),
    ("Kampuchea", "KH"),
    ("Western Samoa", "WS"),
    ("St. Kitts and Nevis", "KN"),
    ("St. Lucia", "LC"),
    ("St. Vincent and the Grenadines", "VC"),
    ("Türkiye", "TR"),
    ("Macau", "MO"),
    ("Falklands", "FK"),
    ("Aland Islands", "AX"),
    ("Micronesia, Federated States of", "FM"),
    ("Tanzania, United Republic of", "TZ"),
    ("Moldova, Republic of", "MD"),
];

/// City aliases by GeoNames id where the news referent is not the largest-population candidate
/// (the state of New York and the state of Washington outweigh the cities by summed population),
/// or where the English name is too far from GeoNames' own for an alternate name (`build.rs`).
pub const CITY_ALIASES: &[(&str, u32)] = &[
    ("New York", 5128581),
    ("NYC", 5128581),
    ("Washington", 4140963),
    ("Washington DC", 4140963),
    ("Washington, D.C.", 4140963),
    ("LA", 5368361),
    ("Kiev", 703448),
    // English names too far from GeoNames' own ones ("Köln", "Makkah", "Gaza") for the
    // alternate-name rule in `build.rs`.
    ("Cologne", 2886242),
    ("Mecca", 104515),
    ("Gaza City", 281133),
    // London districts that sports news names for their stadiums; GeoNames lists no town
    // of these names over 15,000 people ("Twickenham" alone was Huntsville, Alabama's).
    ("Twickenham", 2643743),
    ("Wembley", 2643743),
];

/// AP-style abbreviations of US states as wire datelines write them ("MINNETONKA, Minn.",
/// "BIRMINGHAM, Ala."), by GeoNames admin1 code. Without them GeoNames alternate names send
/// "Minn." to Minden and "Pa." to a town in Burkina Faso. "La." is left out: its key is that
/// of "LA", Los Angeles; text extraction tells them apart by the period
/// (`entities::place::is_louisiana_abbreviation`). States AP spells out (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) need
/// no entry. Older wire styles' "Penn." and "Wisc." (24 and 4 datelines in Reuters-21578) are
/// kept too.
pub const REGION_ALIASES: &[(&str, &str)] = &[
    ("Ala", "US.AL"),
    ("Ariz", "US.AZ"),
    ("Ark", "US.AR"),
    ("Calif", "US.CA"),
    ("Colo", "US.CO"),
    ("Conn", "US.CT"),
    ("Del", "US.DE"),
    ("Fla", "US.FL"),
    ("Ga", "US.GA"),
    ("Ill", "US.IL"),
    ("Ind", "US.IN"),
    ("Kan", "US.KS"),
    ("Kans", "US.KS"),
    ("Ky", "US.KY"),
    ("Md", "US.MD"),
    ("Mass", "US.MA"),
    ("Mich", "US.MI"),
    ("Minn", "US.MN"),
    ("Miss", "US.MS"),
    ("Mo", "US.MO"),
    ("Mont", "US.MT"),
    ("Neb", "US.NE"),
    ("Nev", "US.NV"),
    ("N.H.", "US.NH"),
    ("N.J.", "US.NJ"),
    ("N.M.", "US.NM"),
    ("N.Y.", "US.NY"),
    ("N.C.", "US.NC"),
    ("N.D.", "US.ND"),
    ("Okla", "US.OK"),
    ("Ore", "US.OR"),
    ("Pa", "US.PA"),
    ("Penn", "US.PA"),
    ("R.I.", "US.RI"),
    ("S.C.", "US.SC"),
    ("S.D.", "US.SD"),
    ("Tenn", "US.TN"),
    ("Tex", "US.TX"),
    ("Vt", "US.VT"),
    ("Va", "US.VA"),
    ("Wash", "US.WA"),
    ("W.Va.", "US.WV"),
    ("Wis", "US.WI"),
    ("Wisc", "US.WI"),
    ("Wyo", "US.WY"),
];

/// Reuters-21578 PLACES tags (lower-case, hyphenated) that a plain name lookup would miss or get
/// wrong, mapped to ISO codes. Historical states map to their principal present-day successor:
/// ussr → Russia, west-germany and east-germany → Germany, czechoslovakia → Czechia,
/// yugoslavia → Serbia, kampuchea → Cambodia, zaire → DR Congo, both Yemens → Yemen,
/// netherlands-antilles → the GeoNames "Netherlands Antilles" entry (AN) itself.
pub const REUTERS_TAGS: &[(&str, &str)] = &[
    ("usa", "US"),
    ("antigua", "AG"),
    ("uk", "GB"),
    ("uae", "AE"),
    ("ussr", "RU"),
    ("west-germany", "DE"),
    ("east-germany", "DE"),
    ("czechoslovakia", "CZ"),
    ("yugoslavia", "RS"),
    ("kampuchea", "KH"),
    ("burma", "MM"),
    ("zaire", "CD"),
    ("congo", "CG"),
    ("swaziland", "SZ"),
    ("western-samoa", "WS"),
    ("yemen-arab-republic", "YE"),
    ("yemen-demo-republic", "YE"),
    ("netherlands-antilles", "AN"),
    ("ivory-coast", "CI"),
    ("vatican", "VA"),
    ("trinidad-tobago", "TT"),
    ("cape-verde", "CV"),
    ("macao", "MO"),
    ("hong-kong", "HK"),
    ("us-virgin-islands", "VI"),
    ("british-virgin-islands", "VG"),
    ("south-korea", "KR"),
    ("north-korea", "KP"),
];

/// Names (';'-separated) that never resolve, even if some GeoNames row carries them as a name or alternate
/// ("German" is a parish on the Isle of Man, "Thai" an alternate name of Alor Setar, "Africa" of
/// Mahdia). Nationality adjectives are not places (the recognizer labels them MISC); continents
/// and macro-regions are places the gazetteer does not model, so they stay as written.
pub const NOT_PLACES: &str = "\
    Africa; Asia; Europe; Oceania; North America; South America; Latin America; \
    Central America; Middle East; Near East; Far East; Gulf; Persian Gulf; Caribbean; Pacific; \
    Atlantic; Mediterranean; Scandinavia; Balkans; Baltic; Baltics; Southeast Asia; East Asia; \
    South Asia; Central Asia; West Africa; East Africa; North Africa; Southern Africa; \
    Western Europe; Eastern Europe; Sahel; Arctic; West; East; North; South; Central; Midwest; \
    Afghan; African; Albanian; Algerian; American; Angolan; Arab; Arabian; Argentine; \
    Argentinian; Armenian; Asian; Australian; Austrian; Azerbaijani; Bahraini; Bangladeshi; \
    Belarusian; Belgian; Bolivian; Bosnian; Brazilian; British; Bulgarian; Burmese; Cambodian; \
    Cameroonian; Canadian; Chilean; Chinese; Colombian; Congolese; Croatian; Cuban; Cypriot; \
    Czech; Danish; Dutch; Ecuadorian; Egyptian; Emirati; English; Eritrean; Estonian; \
    Ethiopian; European; Filipino; Finnish; French; Georgian; German; Ghanaian; Greek; \
    Guatemalan; Haitian; Honduran; Hungarian; Icelandic; Indian; Indonesian; Iranian; Iraqi; \
    Irish; Israeli; Italian; Ivorian; Jamaican; Japanese; Jordanian; Kazakh; Kenyan; Korean; \
    Kurdish; Kuwaiti; Kyrgyz; Lao; Latvian; Lebanese; Liberian; Libyan; Lithuanian; Malaysian; \
    Malian; Maltese; Mexican; Moldovan; Mongolian; Moroccan; Mozambican; Namibian; Nepalese; \
    Nicaraguan; Nigerian; Nigerien; Norwegian; Omani; Pakistani; Palestinian; Panamanian; \
    Paraguayan; Persian; Peruvian; Polish; Portuguese; Qatari; Romanian; Russian; Rwandan; \
    Salvadoran; Saudi; Scottish; Senegalese; Serbian; Singaporean; Slovak; Slovenian; Somali; \
    Soviet; Spanish; Sri Lankan; Sudanese; Swedish; Swiss; Syrian; Taiwanese; Tajik; Tanzanian; \
    Thai; Tibetan; Tunisian; Turkish; Turkmen; Ugandan; Ukrainian; Uruguayan; Uzbek; \
    Venezuelan; Vietnamese; Welsh; Yemeni; Zambian; Zimbabwean";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn tables_have_no_duplicate_keys() {
        let mut seen = HashSet::new();
        for (k, _) in COUNTRY_ALIASES {
            assert!(
                seen.insert(crate::extract::gazetteer::fold::lookup_key(k)),
                "{k}"
            );
        }
        let tags: HashSet<_> = REUTERS_TAGS.iter().map(|(t, _)| *t).collect();
        assert_eq!(tags.len(), REUTERS_TAGS.len());
    }
}
