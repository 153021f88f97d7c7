//! End-to-end tests of [`normalize`] on invented sentences, with the small fixture gazetteer.

use super::*;
use crate::extract::gazetteer::fold::exact_key;
use crate::extract::gazetteer::tests::fixture_gazetteer;

/// A reproducible stream of numbers below `n` for generated test inputs (xorshift64,
/// Marsaglia 2003).
pub(super) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}

/// A mention of the `nth` (0-based) occurrence of `needle` in `text`, with char offsets.
pub(super) fn m(text: &str, kind: EntityKind, needle: &str, nth: usize) -> Mention {
    let (byte, _) = text.match_indices(needle).nth(nth).expect("needle in text");
    let start = text[..byte].chars().count();
    Mention {
        kind,
        start,
        end: start + needle.chars().count(),
        text: needle.to_string(),
    }
}

/// Runs a mention pass `f` over mentions of the first occurrences of `names` in `text`,
/// checks that each resulting mention's text is the text at its offsets, and gives them as
/// "Kind text".
pub(super) fn rewritten(
    text: &str,
    names: &[(EntityKind, &str)],
    f: impl FnOnce(&mut Vec<Mention>),
) -> Vec<String> {
    let mut v: Vec<Mention> = names.iter().map(|&(k, n)| m(text, k, n, 0)).collect();
    f(&mut v);
    for x in &v {
        let got: String = text.chars().skip(x.start).take(x.end - x.start).collect();
        assert_eq!(got, x.text, "{text}");
    }
    v.into_iter()
        .map(|x| format!("{:?} {}", x.kind, x.text))
        .collect()
}

fn names(ents: &[Entity]) -> Vec<(EntityKind, &str)> {
    ents.iter().map(|e| (e.kind, e.name.as_str())).collect()
}

use EntityKind::{Misc, Org, Person, Place};

#[test]
fn people_titles_possessives_and_short_mentions() {
    let t =
        "President Amara Okafor met CEO Dana Whitfield in Seoul. Okafor's aides said Whitfield \
             and Dana later toured the port. Mr. Okafor left on Friday.";
    let ms = vec![
        m(t, Person, "President Amara Okafor", 0),
        m(t, Person, "CEO Dana Whitfield", 0),
        m(t, Place, "Seoul", 0),
        m(t, Person, "Okafor's", 0),
        m(t, Person, "Whitfield", 1),
        m(t, Person, "Dana", 1),
        m(t, Person, "Mr. Okafor", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Person, "Amara Okafor"),
            (Person, "Dana Whitfield"),
            (Place, "Seoul")
        ]
    );
    assert_eq!(e[0].mentions.len(), 3);
    assert_eq!(e[1].mentions.len(), 3);
    // Offsets point at the name itself, without the title.
    let (s, end) = e[0].mentions[0];
    assert_eq!(
        t.chars().skip(s).take(end - s).collect::<String>(),
        "Amara Okafor"
    );
    assert_eq!(e[2].country.as_deref(), Some("South Korea"));
    assert_eq!(e[2].geonames_id, Some(1835848));
}

#[test]
fn name_shapes_and_family_name_first() {
    let t = "Xi Jinping greeted Moon Jae-in, while Ursula von der Leyen spoke with Conan O'Brien \
             and Mohammed bin Salman. Later Xi and Moon left; von der Leyen stayed.";
    let ms: Vec<Mention> = [
        "Xi Jinping",
        "Moon Jae-in",
        "Ursula von der Leyen",
        "Conan O'Brien",
        "Mohammed bin Salman",
    ]
    .iter()
    .map(|n| m(t, Person, n, 0))
    .chain([
        m(t, Person, "Xi", 1),
        m(t, Person, "Moon", 1),
        m(t, Person, "von der Leyen", 1),
    ])
    .collect();
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    let got: Vec<_> = e
        .iter()
        .map(|e| (e.name.as_str(), e.mentions.len()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Xi Jinping", 2),
            ("Moon Jae-in", 2),
            ("Ursula von der Leyen", 2),
            ("Conan O'Brien", 1),
            ("Mohammed bin Salman", 1)
        ]
    );
}

#[test]
fn places_aliases_and_unknowns() {
    let t =
        "Ships left the U.S. for Britain, then Korea's ports, and reached Lower Fenwick and Upper \
         Fenwick. Lower Fenwick cheered.";
    let ms = vec![
        m(t, Place, "U.S.", 0),
        m(t, Place, "Britain", 0),
        m(t, Place, "Korea's", 0),
        m(t, Place, "Lower Fenwick", 0),
        m(t, Place, "Upper Fenwick", 0),
        m(t, Place, "Lower Fenwick", 1),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Place, "United States"),
            (Place, "United Kingdom"),
            (Place, "South Korea"),
            // Unknown to the gazetteer: kept as written when named twice, dropped when once.
            (Place, "Lower Fenwick")
        ]
    );
    assert_eq!(e[3].country, None);
}

#[test]
fn orgs_merge_suffix_case_and_the() {
    let t = "ACME WIDGETS CORP said profit rose. The Acme Widgets Inc. board agreed, and Acme Widgets' \
             shares climbed while Harbour Foods Ltd fell.";
    let ms = vec![
        m(t, Org, "ACME WIDGETS CORP", 0),
        m(t, Org, "The Acme Widgets Inc.", 0),
        m(t, Org, "Acme Widgets'", 0),
        m(t, Org, "Harbour Foods Ltd", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![(Org, "Acme Widgets"), (Org, "Harbour Foods")]
    );
    assert_eq!(e[0].mentions.len(), 3);
}

#[test]
fn metadata_merges_with_text() {
    let t = "West German exporters met Tobias Lind in Bonn as OPEC ministers gathered in Paris. \
             The World Bank agreed.";
    let ms = vec![
        m(t, Misc, "West German", 0),
        m(t, Person, "Tobias Lind", 0),
        m(t, Place, "Paris", 0),
        m(t, Org, "OPEC", 0),
        m(t, Org, "World Bank", 0),
    ];
    let meta = MetadataEntities {
        people: vec!["lind".into(), "hana-kato".into()],
        places: vec!["west-germany".into(), "france".into(), "usa".into()],
        orgs: vec!["opec".into(), "worldbank".into()],
    };
    let e = normalize(t, &ms, &meta, fixture_gazetteer());
    let got: Vec<_> = e.iter().map(|e| (e.name.as_str(), e.origin)).collect();
    assert_eq!(
        got,
        vec![
            ("Tobias Lind", Origin::Both),
            ("OPEC", Origin::Both),
            ("Paris", Origin::Text),
            ("World Bank", Origin::Both),
            ("Hana Kato", Origin::Metadata),
            ("Germany", Origin::Metadata),
            ("France", Origin::Metadata),
            ("United States", Origin::Metadata)
        ]
    );
}

#[test]
fn captions_junk_and_misc_are_dropped() {
    let t = "Floods hit Tromsø on Monday.\nPhoto: Kari Holm / Northwind Agency\nOfficials in Tromsø said 42 \
             homes were lost. (Reporting by Mira Kovač; Editing by Tom Reed)";
    let ms = vec![
        m(t, Place, "Tromsø", 0),
        m(t, Place, "Tromsø", 1),
        m(t, Person, "Kari Holm", 0),
        m(t, Org, "Northwind Agency", 0),
        m(t, Org, "42", 0),
        m(t, Person, "O", 0),
        m(t, Misc, "Monday", 0),
        m(t, Person, "Mira Kovač", 0),
        m(t, Person, "Tom Reed", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(names(&e), vec![(Place, "Tromsø")]);
}

#[test]
fn exact_key_folds_accents() {
    assert_eq!(exact_key("São Paulo"), exact_key("sao  paulo"));
    assert_eq!(exact_key(" Zoë   Hart "), "zoe hart");
}

#[test]
fn entity_serializes() {
    let e = Entity {
        kind: Place,
        name: "Seoul".into(),
        mentions: vec![(3, 8)],
        origin: Origin::Both,
        country: Some("South Korea".into()),
        geonames_id: Some(1835848),
        aliases: Vec::new(),
    };
    let j = serde_json::to_string(&e).unwrap();
    assert_eq!(
        j,
        r#"{"kind":"place","name":"Seoul","mentions":[[3,8]],"origin":"both","country":"South Korea","geonames_id":1835848}"#
    );
}

#[test]
fn embedded_gazetteer_end_to_end() {
    let gaz = crate::extract::gazetteer::embedded().expect("embedded gazetteer decodes");
    let t = "Negotiators from Seoul flew to Washington on Tuesday; U.S. and Korean officials met later \
             in São Paulo, then in sao paulo again.";
    let ms = vec![
        m(t, Place, "Seoul", 0),
        m(t, Place, "Washington", 0),
        m(t, Place, "U.S.", 0),
        m(t, Misc, "Korean", 0),
        m(t, Place, "São Paulo", 0),
        m(t, Place, "sao paulo", 0),
    ];
    let meta = MetadataEntities {
        places: vec!["usa".into(), "south-korea".into()],
        ..Default::default()
    };
    let e = normalize(t, &ms, &meta, gaz);
    let got: Vec<_> = e
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.country.as_deref(),
                e.origin,
                e.mentions.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Seoul", Some("South Korea"), Origin::Text, 1),
            ("Washington", Some("United States"), Origin::Text, 1),
            ("United States", Some("United States"), Origin::Both, 1),
            ("São Paulo", Some("Brazil"), Origin::Text, 2),
            ("South Korea", Some("South Korea"), Origin::Metadata, 0),
        ]
    );
}

#[test]
fn organizations_geonames_names_as_towns_stay_organizations() {
    // GeoNames lists "Hamas" as a name of Hamm and "Mobil" of Mobile; one-word organization
    // mentions found in the gazetteer otherwise become places.
    let gaz = crate::extract::gazetteer::embedded().expect("embedded gazetteer decodes");
    let t = "Hamas said Mobil and Toyota would leave Basle, and Hamas agreed.";
    let ms = vec![
        m(t, Org, "Hamas", 0),
        m(t, Org, "Mobil", 0),
        m(t, Place, "Toyota", 0),
        m(t, Org, "Basle", 0),
        m(t, Place, "Hamas", 1),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), gaz);
    assert_eq!(
        names(&e),
        vec![
            (Org, "Hamas"),
            (Org, "Mobil"),
            (Org, "Toyota"),
            (Place, "Basel"),
        ]
    );
    assert_eq!(e[0].mentions.len(), 2);
    // The towns keep their own names.
    assert_eq!(
        gaz.lookup("Hamm").map(|p| p.country.as_str()),
        Some("Germany")
    );
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        "東京都",
        "東京都の",
        "'s",
        "’",
        "the",
        "The ",
        "  ",
        "-",
        "Ã",
        "Mr.",
        "Inc.",
        "the 東京",
        "Ü's",
        "(",
        "’s’s",
    ];
    let ms: Vec<Mention> = odd
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            [Person, Place, Org, Misc].map(|kind| Mention {
                kind,
                start: i * 3,
                end: i * 3 + 99,
                text: t.to_string(),
            })
        })
        .collect();
    let meta = MetadataEntities {
        people: odd.map(String::from).to_vec(),
        places: odd.map(String::from).to_vec(),
        orgs: odd.map(String::from).to_vec(),
    };
    let e = normalize("Photo: ©\n(Reporting by", &ms, &meta, fixture_gazetteer());
    assert!(
        e.iter()
            .all(|e| e.name.chars().filter(|c| c.is_alphabetic()).count() >= 2),
        "{e:?}"
    );
}

/// An entity found in the text once, at char `at`.
pub(super) fn ent(kind: EntityKind, name: &str, at: usize) -> Entity {
    Entity {
        kind,
        name: name.into(),
        mentions: vec![(at, at + name.len())],
        origin: Origin::Text,
        country: None,
        geonames_id: None,
        aliases: Vec::new(),
    }
}

#[test]
fn a_surname_typed_org_joins_the_person() {
    let mut es = vec![
        ent(EntityKind::Org, "Okafor", 0),
        ent(EntityKind::Person, "Ada Okafor", 20),
        ent(EntityKind::Place, "Jordan", 40),
        ent(EntityKind::Person, "Michael Jordan", 60),
    ];
    surnames_typed_org_are_people(&mut es);
    let names: Vec<_> = es
        .iter()
        .map(|e| (e.kind, e.name.as_str(), e.mentions.len()))
        .collect();
    assert_eq!(
        names,
        [
            (EntityKind::Person, "Ada Okafor", 2),
            (EntityKind::Place, "Jordan", 1),
            (EntityKind::Person, "Michael Jordan", 1)
        ]
    );
}

/// A wire headline's surname in capitals joins the person the body names in full, unless
/// another organization holds the word.
#[test]
fn a_surname_in_capitals_joins_the_person() {
    let mut es = vec![
        ent(EntityKind::Org, "OKONKWO", 0),
        ent(EntityKind::Place, "Lagos", 30),
        ent(EntityKind::Person, "Adaeze Okonkwo", 60),
    ];
    surnames_typed_org_are_people(&mut es);
    assert_eq!(es.len(), 2, "{es:?}");
    assert_eq!(es[1].name, "Adaeze Okonkwo");
    assert_eq!(es[1].mentions, vec![(0, 7), (60, 74)]);
    let three = || {
        vec![
            ent(EntityKind::Org, "HALVORSEN", 0),
            ent(EntityKind::Org, "Halvorsen Shipping", 40),
            ent(EntityKind::Person, "Ingrid Halvorsen", 80),
        ]
    };
    let mut es = three();
    surnames_typed_org_are_people(&mut es);
    assert_eq!(es, three());
    // Nor does a word only a one-word person has, or an organization metadata named too.
    let mut es = vec![
        ent(EntityKind::Org, "GOULD", 0),
        ent(EntityKind::Person, "Gould", 40),
        ent(EntityKind::Org, "LYNG", 60),
        ent(EntityKind::Person, "Richard Lyng", 80),
    ];
    es[2].origin = Origin::Both;
    let before = es.clone();
    surnames_typed_org_are_people(&mut es);
    assert_eq!(es, before);
}

#[test]
fn head_nouns_and_street_words_override_a_person_label() {
    let t = "Downing Street said the Federal Reserve's chairman, Mr Tobias Wren, met Labour Party \
             officials on Harbour Road. Mathews Conveyer Co rose.";
    let ms = vec![
        m(t, Person, "Downing Street", 0),
        m(t, Person, "Federal Reserve's", 0),
        m(t, Person, "Tobias Wren", 0),
        m(t, Person, "Labour Party", 0),
        m(t, Person, "Harbour Road", 0),
        m(t, Person, "Mathews Conveyer Co", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    let got = names(&e);
    assert!(got.contains(&(Org, "Mathews Conveyer")), "{got:?}");
    assert!(got.contains(&(Org, "Federal Reserve")), "{got:?}");
    assert!(got.contains(&(Org, "Labour Party")), "{got:?}");
    assert!(got.contains(&(Person, "Tobias Wren")), "{got:?}");
    // Named twice, so kept although the gazetteer does not know it.
    let t2 = format!("{t} Downing Street later denied it.");
    let mut ms2 = ms.clone();
    ms2.push(m(&t2, Person, "Downing Street", 1));
    let e2 = normalize(&t2, &ms2, &MetadataEntities::default(), fixture_gazetteer());
    assert!(
        names(&e2).contains(&(Place, "Downing Street")),
        "{:?}",
        names(&e2)
    );
    assert_eq!(
        names(&e2).iter().filter(|(k, _)| *k == Person).count(),
        1,
        "{:?}",
        names(&e2)
    );
}

#[test]
fn one_name_gets_one_kind_per_article() {
    let t = "Halvorsen Marine raised prices. Halvorsen Marine shares fell, and analysts said \
             Halvorsen Marine would wait.";
    // Typed ORG twice and PER once (as the recognizer sometimes does): one ORG, 3 mentions.
    let ms = vec![
        m(t, Org, "Halvorsen Marine", 0),
        m(t, Person, "Halvorsen Marine", 1),
        m(t, Org, "Halvorsen Marine", 2),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(names(&e), vec![(Org, "Halvorsen Marine")]);
    assert_eq!(e[0].mentions.len(), 3);
    // A place typed once joins the majority instead of being dropped as an unknown place.
    let ms = vec![
        m(t, Org, "Halvorsen Marine", 0),
        m(t, Org, "Halvorsen Marine", 1),
        m(t, Place, "Halvorsen Marine", 2),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(names(&e), vec![(Org, "Halvorsen Marine")]);
    assert_eq!(e[0].mentions.len(), 3);
    // Metadata decides over a text majority.
    let md = MetadataEntities {
        people: vec!["Halvorsen Marine".into()],
        ..MetadataEntities::default()
    };
    let e = normalize(t, &ms, &md, fixture_gazetteer());
    assert_eq!(names(&e), vec![(Person, "Halvorsen Marine")], "{e:?}");
    assert_eq!(e[0].mentions.len(), 3);
}

#[test]
fn an_org_span_running_into_a_role_and_name_is_split_and_split_names_rejoin() {
    let t = "Harbour Authority Chairman Tomas Berg spoke. Fisheries Minister Ines then Vidal left.";
    let ms = vec![
        m(t, Org, "Harbour Authority Chairman Tomas Berg", 0),
        m(t, Org, "Fisheries Minister Ines", 0),
        m(t, Person, "Vidal", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Org, "Harbour Authority"),
            (Person, "Tomas Berg"),
            (Org, "Fisheries"),
            (Person, "Ines"),
            (Person, "Vidal"),
        ]
    );
    let berg = e.iter().find(|x| x.name == "Tomas Berg").unwrap();
    let (s, end) = berg.mentions[0];
    assert_eq!(
        t.chars().skip(s).take(end - s).collect::<String>(),
        "Tomas Berg"
    );
    // Only a space between: one person.
    let t = "Fisheries Minister Ines Vidal left.";
    let ms = vec![
        m(t, Org, "Fisheries Minister Ines", 0),
        m(t, Person, "Vidal", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(names(&e), vec![(Org, "Fisheries"), (Person, "Ines Vidal")]);
}

#[test]
fn a_name_split_at_its_particles_rejoins() {
    // The recognizer often leaves lower-case particles out of a name, across line breaks too.
    let t = "Envoy Marta Ruiz de\nla Fuente met Karim bin Tarek. Later Ruiz said Karim and \
             Ana de Leon agreed, as did Tomas Silva de Souza; Silva spoke last.";
    let ms = vec![
        m(t, Person, "Marta Ruiz", 0),
        m(t, Person, "Fuente", 0),
        m(t, Person, "Karim", 0),
        // The family name after a particle may come out an organization.
        m(t, Org, "Tarek", 0),
        m(t, Person, "Ruiz", 1),
        // "and" is no particle: Karim and Ana stay two people.
        m(t, Person, "Karim", 1),
        m(t, Person, "Ana", 0),
        m(t, Person, "Leon", 0),
        m(t, Person, "Tomas Silva de Souza", 0),
        m(t, Person, "Silva", 1),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Person, "Marta Ruiz de la Fuente"),
            (Person, "Karim bin Tarek"),
            (Person, "Ana de Leon"),
            (Person, "Tomas Silva de Souza"),
        ]
    );
    // Short forms: "Ruiz" is the word before the particles, "Karim" the first word, "Silva"
    // the word before "de".
    assert_eq!(e[0].mentions.len(), 2);
    assert_eq!(e[1].mentions.len(), 2);
    assert_eq!(e[3].mentions.len(), 2);
    let (s, end) = e[0].mentions[0];
    assert_eq!(
        t.chars().skip(s).take(end - s).collect::<String>(),
        "Marta Ruiz de\nla Fuente"
    );
}

#[test]
fn city_comma_region_settles_both_names() {
    let t = "Voters in Atlanta, Georgia, and in Paris, Texas, met. Paris and Georgia also voted.";
    let ms = vec![
        m(t, Place, "Atlanta", 0),
        m(t, Place, "Georgia", 0),
        m(t, Place, "Paris", 0),
        m(t, Place, "Texas", 0),
        m(t, Place, "Paris", 1),
        m(t, Place, "Georgia", 1),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    let got: Vec<(&str, Option<u32>, usize)> = e
        .iter()
        .map(|x| (x.name.as_str(), x.geonames_id, x.mentions.len()))
        .collect();
    // The US state and the Texas town after their city; "Paris" alone, after "Paris, Texas",
    // is that town again (one name, one place per article), and "Georgia" alone, in an
    // article of US places, is the state too.
    assert!(got.contains(&("Georgia", Some(4197000), 2)), "{got:?}");
    assert!(got.contains(&("Paris", Some(4717560), 2)), "{got:?}");
    assert!(!got.iter().any(|g| g.1 == Some(2988507)), "{got:?}");
    assert_eq!(
        got.iter().filter(|g| g.0 == "Georgia").count(),
        1,
        "{got:?}"
    );
}

#[test]
fn a_region_names_the_town_before_it() {
    let gaz = crate::extract::gazetteer::embedded().expect("embedded gazetteer decodes");
    let places = |t: &str, names: &[&str]| -> Vec<(String, Option<String>, bool)> {
        let ms: Vec<Mention> = names.iter().map(|n| m(t, Place, n, 0)).collect();
        normalize(t, &ms, &MetadataEntities::default(), gaz)
            .into_iter()
            .map(|e| (e.name, e.country, e.geonames_id.is_some()))
            .collect()
    };
    let us = || Some("United States".to_string());
    // "Canton" alone is Guangzhou; after it, Ohio says which Canton.
    let got = places("CANTON, Ohio, March 3 - Sales rose.", &["CANTON", "Ohio"]);
    assert_eq!(got[0], ("Canton".into(), us(), true));
    // ... and so is every other "Canton" of that article, before or after it (`nth`
    // occurrences of names as place mentions).
    let entities = |t: &str, names: &[(&str, usize)]| {
        let ms: Vec<Mention> = names.iter().map(|&(n, k)| m(t, Place, n, k)).collect();
        normalize(t, &ms, &MetadataEntities::default(), gaz)
    };
    let t = "Canton Plant\n\nCANTON, Ohio, March 3 - The Canton plant grew.";
    let e = entities(
        t,
        &[("Canton", 0), ("CANTON", 0), ("Ohio", 0), ("Canton", 1)],
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!((e[0].name.as_str(), e[0].mentions.len()), ("Canton", 3));
    assert_eq!(e[0].country, us());
    // A Canton with its own comma keeps its own reading.
    let t = "CANTON, Ohio, March 3 - Exports to Canton, China rose.";
    let e = entities(
        t,
        &[("CANTON", 0), ("Ohio", 0), ("Canton", 0), ("China", 0)],
    );
    let cantons: Vec<Option<&str>> = e
        .iter()
        .filter(|x| x.mentions.len() == 1 && x.name != "Ohio" && x.name != "China")
        .map(|x| x.country.as_deref())
        .collect();
    assert_eq!(cantons, [Some("United States"), Some("China")], "{e:?}");
    // No Kenilworth in New Jersey in the gazetteer: a town there, not Kenilworth, England.
    let got = places(
        "KENILWORTH, N.J., March 3 - It said.",
        &["KENILWORTH", "N.J."],
    );
    assert_eq!(got[0], ("Kenilworth".into(), us(), false));
    // A town the gazetteer lacks takes its region's country; in a dateline the wrong city of
    // the right country gives way too (St. Joseph, Missouri, is the gazetteer's).
    let got = places(
        "OAK BROOK, Ill., March 3 - It said.",
        &["OAK BROOK", "Ill."],
    );
    assert_eq!(got[0], ("Oak Brook".into(), us(), false));
    let got = places(
        "X\n  ST. JOSEPH, Mich., April 2 - It",
        &["ST. JOSEPH", "Mich."],
    );
    assert_eq!(got[0], ("St. Joseph".into(), us(), false));
    let got = places(
        "Fairs in Malibu, California, and Davos, Switzerland.",
        &["Malibu", "California", "Davos", "Switzerland"],
    );
    assert_eq!(got[0], ("Malibu".into(), us(), false));
    assert!(!got.iter().any(|g| g.0 == "Davos"), "{got:?}");
    // Within one country a region after a city is as often a list: no change.
    let got = places(
        "Banks in Zurich, Geneva and Basle.",
        &["Zurich", "Geneva", "Basle"],
    );
    assert_eq!(got[0].0, "Zürich");
    assert!(got[0].2);
}

#[test]
fn names_longer_than_any_name_are_dropped() {
    let long = "A".repeat(500);
    let t = format!("Shares of {long} Corp and of Acme Widget Corp rose.");
    let ms = vec![
        m(&t, Org, &format!("{long} Corp"), 0),
        m(&t, Org, "Acme Widget Corp", 0),
    ];
    let e = normalize(&t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    let names: Vec<&str> = e.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Acme Widget"]);
}

#[test]
fn news_agencies_are_organizations() {
    let t = "A Reuter survey shows output fell, AFP's tally agrees.";
    let ms = vec![m(t, Person, "Reuter", 0), m(t, Person, "AFP's", 0)];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(names(&e), vec![(Org, "Reuters"), (Org, "AFP")]);
}

#[test]
fn tickers_in_wire_markup_name_nothing() {
    let t = "Husky Oil Ltd <HYO.TO> of Canada said. Corp officials agreed.";
    let ms = vec![
        m(t, Org, "Husky Oil Ltd", 0),
        m(t, Org, "HYO", 0),
        m(t, Person, "Corp", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(names(&e), vec![(Org, "Husky Oil")]);
    // Reuters web copy: index and currency codes.
    let t = "The Dow Jones Industrial Average .DJI fell and the euro EUR= rose, Nasdaq said.";
    let ms = vec![
        m(t, Org, "Dow Jones Industrial Average", 0),
        m(t, Org, "DJI", 0),
        m(t, Org, "EUR", 0),
        m(t, Org, "Nasdaq", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![(Org, "Dow Jones Industrial Average"), (Org, "Nasdaq")]
    );
}

#[test]
fn a_country_named_like_a_region_follows_the_articles_other_places() {
    let g = fixture_gazetteer();
    let t = "Georgia voters lined up in Atlanta, and in Seattle too.";
    let ms = vec![
        m(t, Place, "Georgia", 0),
        m(t, Place, "Atlanta", 0),
        m(t, Place, "Seattle", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), g);
    assert_eq!(e[0].name, "Georgia");
    assert_eq!(
        (e[0].country.as_deref(), e[0].geonames_id),
        (Some("United States"), Some(4197000))
    );
    // With nothing else, or with a place in the country Georgia, it stays the country.
    let t = "Georgia voted.";
    let e = normalize(
        t,
        &[m(t, Place, "Georgia", 0)],
        &MetadataEntities::default(),
        g,
    );
    assert_eq!(e[0].country.as_deref(), Some("Georgia"));
}

#[test]
fn companies_named_in_the_possessive_keep_it() {
    let t = "Ratings were cut by Standard\nand Poor's Corp on Monday. Brantley's said it agreed, \
             and Brightwell's said so too. Harrow Bank and Brantley's stayed silent. Kestrel \
             Motors' chief said Kestrel's new car sells, while Teller's plan failed and a \
             friend of Teller's. Lenders track the Standard and Poor's 500 index. Fleetwood \
             Mac's co-founder left and GM's reduced output hurt.";
    let ms = vec![
        m(t, Org, "Standard", 0),
        m(t, Org, "Poor", 0),
        m(t, Org, "Brantley", 0),
        m(t, Org, "Brightwell", 0),
        m(t, Org, "Harrow Bank", 0),
        m(t, Org, "Brantley", 1),
        m(t, Org, "Kestrel Motors", 0),
        m(t, Org, "Kestrel", 1),
        m(t, Person, "Teller", 0),
        m(t, Person, "Teller", 1),
        m(t, Org, "Poor", 1),
        m(t, Org, "Fleetwood Mac", 0),
        m(t, Org, "GM", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Org, "Standard and Poor's"),
            (Org, "Brantley's"),
            (Org, "Brightwell's"),
            (Org, "Harrow Bank"),
            (Org, "Kestrel Motors"),
            (Org, "Kestrel"),
            (Person, "Teller"),
            (Org, "Fleetwood Mac"),
            (Org, "GM"),
        ],
        "a reporting verb, a legal form or 'Word and' before make the possessive part of \
         the name; ownership ('new car', 'plan', 'co-founder', 'reduced output') and 'Bank \
         and' do not"
    );
    // Both mentions of the rating agency, the second before "500", and only the first
    // "Standard": the word joins, its own candidate gives way.
    let sp = &e[0];
    assert_eq!(sp.mentions.len(), 2);
    let (s, end) = sp.mentions[0];
    assert_eq!(
        t.chars().skip(s).take(end - s).collect::<String>(),
        "Standard\nand Poor's"
    );
    // The second "Brantley" ("Brantley's stayed") is the same company as the first.
    assert_eq!(e[1].mentions.len(), 2, "{:?}", e[1]);
}

#[test]
fn the_exchequer_is_an_office() {
    let t = "Chancellor of the Exchequer Nigel Lawson said rates would hold.";
    let ms = vec![m(t, Org, "Exchequer Nigel Lawson", 0)];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(names(&e), vec![(Person, "Nigel Lawson")]);
}

#[test]
fn a_longer_possessive_name_names_the_company_too() {
    let t =
        "Brantley's Investors Service cut the rating. The notes are rated A by Brantley's and AA \
             by others. Kestrel's Widget Co and Kestrel's new car.";
    let ms = vec![
        m(t, Org, "Brantley's Investors Service", 0),
        m(t, Org, "Brantley", 1),
        m(t, Org, "Kestrel", 1),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Org, "Brantley's Investors Service"),
            (Org, "Brantley's"),
            // "Widget Co" ends in no organization word once its legal form is gone.
            (Org, "Kestrel"),
        ]
    );
}

#[test]
fn a_rating_agency_after_by_keeps_its_possessive() {
    // Invented issuers and agency: a real agency takes its listed name (`well_known`).
    let t = "The Harrow notes are rated A-2 by\nBrantley's and AA by Standard and Poor's. Kestrel \
             bonds were rated AAA by both Brantley's and Standard and Poor's. Output was hurt by \
             Harlan's and the union's plans.";
    let ms = vec![
        m(t, Org, "Brantley", 0),
        m(t, Org, "Standard and Poor", 0),
        // As `parties` splits the recognizer's "Brantley's and Standard and Poor".
        m(t, Org, "Brantley's", 1),
        m(t, Org, "Standard and Poor", 1),
        m(t, Org, "Harlan", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Org, "Brantley's"),
            (Org, "Standard and Poor's"),
            (Org, "Harlan"),
        ],
        "after 'by' with nothing owned after it, or before a conjunct that owns nothing, \
         the possessive is the name; 'by Harlan's and the union's plans' owns"
    );
    assert_eq!(e[0].mentions.len(), 2);
    assert_eq!(e[1].mentions.len(), 2);
}

#[test]
fn a_possessive_before_a_comma_names_the_company() {
    let t = "Harrow was downgraded by Standard and Poor's, the agency said. The Grain and Feed \
             Trade Association's, members agreed.";
    let ms = vec![
        m(t, Org, "Standard", 0),
        m(t, Org, "Poor", 0),
        m(t, Org, "Feed Trade Association", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Org, "Standard and Poor's"),
            (Org, "Feed Trade Association")
        ]
    );
}

/// A name before "scale", "disease", "scheme" or "syndrome" names the thing, not a person;
/// the same name elsewhere still does.
#[test]
fn names_of_things_after_people_are_no_people() {
    let t = "The tremor measured 5.1 on the Richter\n    scale. Hollis Wendt ran a Ponzi \
             scheme, and his wife has Alzheimer's disease. Geologist Ada Richter said so. The \
             Kelmar scheme pays well.";
    let ms = vec![
        m(t, Person, "Richter", 0),
        m(t, Person, "Hollis Wendt", 0),
        m(t, Person, "Ponzi", 0),
        m(t, Org, "Alzheimer", 0),
        m(t, Person, "Ada Richter", 0),
        m(t, Org, "Kelmar", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Person, "Hollis Wendt"),
            (Person, "Ada Richter"),
            (Org, "Kelmar")
        ]
    );
    assert_eq!(e[1].mentions.len(), 1);
}

/// A name the text writes as a company (before a legal form, or whole in Reuters' angle
/// brackets) is an organization, however many mentions call it a person; a person before
/// "co-author" or inside a longer bracketed name stays one.
#[test]
fn names_written_as_companies_are_organizations() {
    let t = "HALDANE PRICE SETS PAYOUT\n\nHaldane Price Corp said it would pay. <Brannock Hale> \
             bought shares, Brannock Hale said. John Craig, co-author of a report, praised \
             <Ines Moreau Finance>.";
    let ms = vec![
        m(t, Person, "HALDANE PRICE", 0),
        m(t, Org, "Haldane Price Corp", 0),
        m(t, Person, "Brannock Hale", 0),
        m(t, Person, "Brannock Hale", 1),
        m(t, Person, "John Craig", 0),
        m(t, Person, "Ines Moreau", 0),
    ];
    let e = normalize(t, &ms, &MetadataEntities::default(), fixture_gazetteer());
    assert_eq!(
        names(&e),
        vec![
            (Org, "Haldane Price"),
            (Org, "Brannock Hale"),
            (Person, "John Craig"),
            (Person, "Ines Moreau")
        ]
    );
    assert_eq!((e[0].mentions.len(), e[1].mentions.len()), (2, 2));
}
