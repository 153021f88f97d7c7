//! Entity normalization: turns the recognizer's raw [`Mention`]s plus metadata values (Reuters
//! tags, JSON `people` fields, header `People:` lines) into clean, canonical, de-duplicated
//! [`Entity`]s for the index.
//!
//! Pipeline ([`normalize`]): drop MISC, caption/credit noise ([`noise_spans`]) and junk (fewer
//! than two letters, table and calendar residue such as "1,337 Bank" or "Feb"); correct kinds
//! the name itself settles ("Federal Reserve" is no person, "DENVER, Colo." is a place);
//! clean each mention by kind (`person.rs`, `place.rs`, `org.rs`; companies named in the
//! possessive, `possessive.rs`; companies named like people, `firm.rs`, company names cut at
//! their start, `firm_start.rs`, two companies read as one, `parties.rs`, names run on into a
//! headline's verb, `headline.rs`, leaders named by their administration,
//! `administration.rs`, company names a stock symbol marks, `tickers.rs`, the place of a
//! wire dateline, `dateline_place.rs`, a place run on into a capitals headline's words,
//! `caps_headline.rs`, which run on the recognizer's mentions before all
//! this; sports clubs named like people or towns, `clubs.rs`); resolve
//! places through the GeoNames gazetteer, a city's homonyms by the article's other places
//! (`homonym.rs`); resolve short
//! person mentions to full names; merge by kind and key (`merge.rs`), recording whether text,
//! metadata or both named each entity.

mod adjective_firm;
mod administration;
mod caps_headline;
mod captions;
mod clubs;
mod compound;
mod dateline_place;
mod double_surname;
mod firm;
mod firm_of_place;
mod firm_start;
mod firm_words;
mod foreign_towns;
mod headline;
mod homonym;
mod merge;
mod numbered;
mod org;
mod org_variants;
mod organs;
mod parties;
mod person;
mod place;
mod place_people;
mod possessive;
mod roles;
mod text;
mod tickers;
mod title_case;
mod well_known;
mod works;

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::article::{EntityKind, Mention};
use crate::extract::gazetteer::fold::exact_key;
use crate::extract::gazetteer::{fold, Gazetteer};
use crate::extract::ner::PARTICLES;
pub use adjective_firm::join_adjective_firms;
pub use administration::leaders_of_administrations;
pub use caps_headline::names_run_into_headline_words;
pub use captions::noise_spans;
pub use compound::places_in_compounds;
pub use dateline_place::dateline_place;
pub use double_surname::places_before_double_surnames;
pub use firm::{join_comma_firm_names, join_firm_names};
pub use firm_of_place::join_firms_of_places;
pub use firm_start::restore_firm_starts;
pub use firm_words::people_named_for_firms;
pub use headline::cut_headline_verbs;
use merge::Cand;
pub use numbered::{names_with_numbers, unmarked_numbered_names};
pub(crate) use org::is_legal_form;
pub use org_variants::is_acronym;
pub use organs::names_of_organs;
pub use parties::{
    join_of_names, split_joined_parties, split_joined_places, split_listed_names,
    split_possessive_people,
};
pub use person::is_east_asian_name;
pub use place_people::{people_named_as_places, surnames_read_as_places};
pub use roles::{people_after_roles, people_after_titles};
pub use text::{extend_person, in_capitals, is_capitalized_name_word};
pub use tickers::names_before_tickers;
pub use title_case::drop_ordinary_title_names;
pub use well_known::well_known_name;
pub use works::drop_titles_of_works;

/// Where an entity was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Only in the article text (recognizer mentions).
    Text,
    /// Only in structured metadata (tags, JSON fields, header lines).
    Metadata,
    /// In both.
    Both,
}

/// One canonical entity of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Person, place or organization (never MISC).
    pub kind: EntityKind,
    /// Canonical name: gazetteer name for known places, the full name for people, the bare name
    /// without legal form for organizations.
    pub name: String,
    /// Character offsets (half-open) of each text mention, sorted; empty for metadata-only.
    pub mentions: Vec<(usize, usize)>,
    /// Text, metadata or both.
    pub origin: Origin,
    /// Country name of a gazetteer place ("South Korea" for Seoul); `None` otherwise.
    pub country: Option<String>,
    /// GeoNames id of a gazetteer place.
    pub geonames_id: Option<u32>,
    /// Other names the article gives an organization ("IMF" for International Monetary Fund),
    /// indexed as its keys too; empty for most entities.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Entity {
    /// Takes `mentions` (another entity's, merged into this one) into this entity's: sorted,
    /// each span once.
    pub(crate) fn absorb(&mut self, mentions: Vec<(usize, usize)>) {
        self.mentions.extend(mentions);
        self.mentions.sort_unstable();
        self.mentions.dedup();
    }
}

/// Entity values from an article's metadata, each as written by the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataEntities {
    /// People (Reuters PEOPLE tags like "james-baker", JSON `people`, header `People:`).
    pub people: Vec<String>,
    /// Places (Reuters PLACES tags like "west-germany", JSON `places`, header `Places:`).
    pub places: Vec<String>,
    /// Organizations (Reuters ORGS tags like "opec", JSON `orgs`).
    pub orgs: Vec<String>,
}

/// Score offset that makes any text spelling beat any metadata spelling as display name.
const TEXT_BONUS: u8 = 10;

/// The merge key of a gazetteer place, "#" and its GeoNames id ("#1835848"), written without
/// the formatting machinery, which cost more than the rest of a place candidate.
fn id_key(id: u32) -> String {
    let mut digits = [0u8; 10];
    let mut n = 0;
    let mut rest = id;
    loop {
        digits[n] = b'0' + (rest % 10) as u8;
        n += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut key = String::with_capacity(n + 1);
    key.push('#');
    key.extend(digits[..n].iter().rev().map(|&d| char::from(d)));
    key
}

fn place_cand(r: place::Resolved, span: Option<(usize, usize)>, score: u8) -> Cand {
    let key = match r.geonames_id {
        Some(id) => id_key(id),
        None => fold::exact_key(&r.name),
    };
    Cand {
        kind: EntityKind::Place,
        key,
        name: r.name,
        span,
        country: r.country,
        geonames_id: r.geonames_id,
        score,
    }
}

/// A candidate keyed by the [`exact_key`] of its name (for organizations that is
/// [`org::key`]: legal forms are gone from cleaned names already).
fn plain_cand(kind: EntityKind, name: String, span: Option<(usize, usize)>, score: u8) -> Cand {
    Cand {
        kind,
        key: fold::exact_key(&name),
        name,
        span,
        country: None,
        geonames_id: None,
        score,
    }
}

/// The mention up to Reuters ticker markup inside it: "Colorado Bancshares <COLC>" →
/// "Colorado Bancshares"; a leading `<` is edge punctuation, trimmed later. Borrowed when
/// nothing is cut, as for nearly every mention.
fn before_markup(m: &Mention) -> Cow<'_, Mention> {
    let inner = m.text.trim_start_matches('<');
    // A byte scan: '<' and '>' are ASCII, so their bytes are the characters.
    let Some(i) = inner.bytes().position(|b| matches!(b, b'<' | b'>')) else {
        return Cow::Borrowed(m);
    };
    let skipped = m.text.chars().count() - inner.chars().count();
    let text = m.text[..m.text.len() - inner.len() + i].to_string();
    let end = m.start + skipped + inner[..i].chars().count();
    Cow::Owned(Mention {
        end,
        text,
        ..m.clone()
    })
}

/// Whether a mention is longer than any name: over 120 bytes, or with a word over 40 (a run
/// of junk such as a 200,000-letter "word" the recognizer typed an organization; the search
/// analyzer drops such words too).
fn too_long(mention: &str) -> bool {
    mention.len() > 120 || mention.split_whitespace().any(|w| w.len() > 40)
}

/// Recognizer confusions that the name itself settles: an institution's building is an ORG
/// ("White House"); a person span ending in an organization's head noun is an ORG ("Federal
/// Reserve", "Labour Party") and one ending in a street word a place ("Downing Street"); an
/// all-caps well-known place name is a place ("DENVER, March 3 -"); an ORG span opening with a
/// role ("Councillor Inés Moreno") is a person; an ORG span that is exactly a well-known place
/// name ("Lisbon" in "Lisbon stocks rise") is a place.
fn corrected_kind(m: &Mention, gaz: &Gazetteer) -> EntityKind {
    if m.kind == EntityKind::Place && crate::extract::gazetteer::is_institution(&m.text) {
        return EntityKind::Org;
    }
    if m.kind != EntityKind::Org && org::is_news_agency(&m.text) {
        return EntityKind::Org;
    }
    if m.kind == EntityKind::Person {
        if org::ends_with_head_noun(&m.text) {
            return EntityKind::Org;
        }
        if place::ends_with_street_word(&m.text) {
            return EntityKind::Place;
        }
    }
    // All-caps text (datelines, wire headlines) defeats the recognizer's case features:
    // "DENVER" comes out PER and "LOS ANGELES" ORG. A well-known place name settles it.
    let letters = || m.text.chars().filter(|c| c.is_alphabetic());
    if m.kind != EntityKind::Place
        && letters().nth(2).is_some()
        && letters().all(char::is_uppercase)
        && gaz.lookup(&m.text).is_some_and(is_well_known)
    {
        return EntityKind::Place;
    }
    // "Rep. Alexandria Ocasio-Cortez" comes out PLACE (Alexandria is a city): a personal
    // title before a name settles it as for organizations below.
    let personal = || person::starts_with_role(&m.text) && !org::ends_with_head_noun(&m.text);
    if m.kind == EntityKind::Place && !place::ends_with_street_word(&m.text) && personal() {
        return EntityKind::Person;
    }
    if m.kind != EntityKind::Org {
        return m.kind;
    }
    if personal() || person::is_east_asian_name(&m.text) {
        EntityKind::Person
    } else if !m.text.contains(' ') && gaz.lookup(&m.text).is_some_and(is_well_known) {
        EntityKind::Place
    } else {
        EntityKind::Org
    }
}

/// A country, or a place of at least 100,000 people: a name that news readers know as a place
/// (Lisbon), unlike the small towns that share ordinary words ("Union", "March").
fn is_well_known(place: &crate::extract::gazetteer::Place) -> bool {
    place.kind == crate::extract::gazetteer::PlaceKind::Country || place.population >= 100_000
}

/// Whether `word` is a title or role word that strips from person names ("President",
/// "Dr.", "U.S.").
pub fn is_title_word(word: &str) -> bool {
    person::is_title(word)
}

/// Whether `word` is a company's legal form, English or continental ("Inc", "Corp.", "GmbH",
/// "SpA").
pub fn is_legal_form_word(word: &str) -> bool {
    org::is_legal_form(word) || firm::is_foreign_form(word)
}

/// Whether `word`, in any case, is an organization head noun ("Bank", "COMMISSION", "Party").
pub fn is_org_head_noun(word: &str) -> bool {
    org::is_head_noun(word)
}

/// Whether a mention, in any case, ends in an organization head noun or legal form ("WORLD
/// BANK", "Federal Reserve", "ACME CORP").
pub fn ends_in_org_word(mention: &str) -> bool {
    org::ends_with_head_noun(&text::tidy_case(mention.trim()))
}

/// The name an organization filter should match: `value` as extraction would have stored it,
/// legal forms and a leading "the" removed ("General Motors Corp." → "General Motors", "the
/// Federal Reserve" → "Federal Reserve"); `None` when nothing is left to remove.
pub fn org_filter_name(value: &str) -> Option<String> {
    org::clean(value, 0)
        .map(|c| c.name)
        .filter(|name| name.as_str() != value.trim())
}

/// Normalizes and merges one article's entities.
///
/// `text` is the text the recognizer saw; `mentions` carry character offsets into it (in any
/// order). Mentions of kind MISC, mentions overlapping [`noise_spans`] of `text`, table and
/// calendar residue, and mentions with fewer than two letters after cleaning are dropped, and
/// so are places named once in the text only that the gazetteer does not know. A name keeps
/// one kind per article (see `one_kind_per_name`). Output order: entities named in the
/// text by first mention, then metadata-only entities (people, places, orgs, in input order).
pub fn normalize(
    text: &str,
    mentions: &[Mention],
    metadata: &MetadataEntities,
    gaz: &Gazetteer,
) -> Vec<Entity> {
    let noise = if mentions.is_empty() {
        Vec::new()
    } else {
        noise_spans(text)
    };
    let mut ms: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            m.kind != EntityKind::Misc
                && m.end > m.start
                && !captions::overlaps(&noise, m.start, m.end)
                && !too_long(&m.text)
        })
        .collect();
    ms.sort_by_key(|m| (m.start, m.end));
    let cut: Vec<Cow<Mention>> = ms.iter().map(|m| before_markup(m)).collect();
    let ms: Vec<&Mention> = cut.iter().map(|m| &**m).collect();
    let is_city = |name: &str| {
        gaz.lookup(name)
            .is_some_and(|p| p.kind == crate::extract::gazetteer::PlaceKind::City)
    };
    let clubs = clubs::club_names(text, &ms, &is_city);
    let mut cands: Vec<Cand> =
        Vec::with_capacity(ms.len() + metadata.people.len() + metadata.places.len());
    // The last place candidate: where it ends and its GeoNames id, for "City, Region".
    // End, GeoNames id, name as written, and whether it opens a line in capitals (a dateline).
    let mut last_place: Option<(usize, Option<u32>, String, bool)> = None;
    // Place candidates whose region after a comma settled them.
    let mut settled: Vec<usize> = Vec::new();
    // Mention offsets count chars. In ASCII text (most wire copy) they index the bytes;
    // otherwise a char table is built on first need: only markup, place lists and adjacent
    // names ask for it.
    let ascii = text.is_ascii();
    let chars: std::cell::OnceCell<Vec<char>> = std::cell::OnceCell::new();
    let char_at = |i: usize| {
        if ascii {
            text.as_bytes().get(i).map(|&b| char::from(b))
        } else {
            chars.get_or_init(|| text.chars().collect()).get(i).copied()
        }
    };
    let markup = text.contains('<');
    // The last mention that reached the match below, and the candidates it started at.
    let mut prev: Option<(&Mention, usize)> = None;
    for m in ms {
        if m.kind != EntityKind::Place
            && (text::is_not_a_name(&m.text) || org::is_bare_legal_form(&m.text))
        {
            continue;
        }
        // A stock ticker in wire markup ("Husky Oil Ltd <HYO.TO>") names no entity (a private
        // company in brackets does: "<Pratt and Whitney>", see `tickers.rs`), nor do
        // the instrument codes of Reuters web copy: an index after a period (".DJI", ".SPX")
        // and a currency before "=" ("EUR=").
        if markup && m.start > 0 && char_at(m.start - 1) == Some('<') && tickers::is_symbol(&m.text)
        {
            continue;
        }
        let index_code = m.start > 0
            && char_at(m.start - 1) == Some('.')
            && (m.start == 1
                || char_at(m.start - 2).is_some_and(|c| c.is_whitespace() || c == '('));
        if index_code || char_at(m.end) == Some('=') {
            continue;
        }
        if m.kind != EntityKind::Place
            && !m.text.contains(' ')
            && text::names_a_thing(&char_at, m.end, m.kind)
        {
            continue;
        }
        let last = prev.replace((m, cands.len()));
        if possessive::cands_of_possessive_name(&char_at, m, last, &mut cands) {
            continue;
        }
        // A mention split off a longer one may end in its "'s" ("Moody's" of "Moody's and
        // Standard and Poor"); the test above wants it after the name.
        if let Some(name) = possessive::without_possessive(m) {
            if possessive::cands_of_possessive_name(&char_at, &name, last, &mut cands) {
                continue;
            }
        }
        let kind = if clubs.contains(&m.text) {
            EntityKind::Org
        } else if city_before_region(&char_at, m, gaz) {
            EntityKind::Place
        } else {
            corrected_kind(m, gaz)
        };
        match kind {
            EntityKind::Person => cands.extend(person::clean(&m.text, m.start).map(|c| {
                plain_cand(
                    EntityKind::Person,
                    c.name,
                    Some((c.start, c.end)),
                    TEXT_BONUS + org::display_score(&m.text),
                )
            })),
            EntityKind::Place => {
                if let Some(mut c) = place::clean(&m.text, m.start) {
                    if place::is_louisiana_abbreviation(&c.name, char_at(c.end)) {
                        c.name = "Louisiana".into();
                    }
                    // Wire copy wraps lines after the comma too ("Napa,\nCalif"). The word
                    // before the comma must be a name: "the assailant, Kan reported" is the
                    // broadcaster.
                    let comma = (1..=3)
                        .filter_map(|k| c.start.checked_sub(k))
                        .find(|&i| char_at(i).is_some_and(|ch| !ch.is_whitespace()))
                        .filter(|&i| char_at(i) == Some(','));
                    let after_comma = comma.is_some_and(|i| {
                        let word_start = (0..i)
                            .rev()
                            .take_while(|&j| char_at(j).is_some_and(|ch| !ch.is_whitespace()))
                            .last();
                        word_start
                            .and_then(&char_at)
                            .is_some_and(char::is_uppercase)
                    });
                    if place::is_bare_state_abbreviation(&c.name, char_at(c.end), after_comma) {
                        continue;
                    }
                    // "City, Region", the wire's line break or any space after the comma.
                    let after_city = match &last_place {
                        Some((end, id, name, dateline))
                            if (end + 2..end + 6).contains(&c.start)
                                && char_at(*end) == Some(',')
                                && (end + 1..c.start)
                                    .all(|i| char_at(i).is_some_and(char::is_whitespace)) =>
                        {
                            Some((*id, name.as_str(), *dateline))
                        }
                        _ => None,
                    };
                    let (cand, settled_prev) = place_in_context(&c, after_city, &mut cands, gaz);
                    if settled_prev {
                        settled.push(cands.len() - 1);
                    }
                    let opens_line = (1..=12)
                        .map(|k| c.start.checked_sub(k).and_then(&char_at))
                        .find(|ch| !matches!(ch, Some(' ' | '\t')))
                        .is_none_or(|ch| ch.is_none_or(|ch| ch == '\n'));
                    let dateline = opens_line && !c.name.chars().any(char::is_lowercase);
                    last_place = Some((c.end, cand.geonames_id, c.name, dateline));
                    cands.push(cand);
                }
            }
            EntityKind::Org => org_cands(m, &mut cands),
            EntityKind::Misc => {}
        }
    }
    same_place_throughout(text, &settled, &mut cands);
    join_adjacent_people(&char_at, &mut cands);
    possessive::possessive_names_win(&mut cands);
    for p in &metadata.people {
        cands.extend(person::clean_metadata(p).map(|n| plain_cand(EntityKind::Person, n, None, 1)));
    }
    for p in &metadata.places {
        cands.extend(place::resolve_metadata(p, gaz).map(|r| place_cand(r, None, 1)));
    }
    for o in &metadata.orgs {
        cands.extend(org::clean_metadata(o).map(|n| {
            let score = org::display_score(&n);
            plain_cand(EntityKind::Org, n, None, score)
        }));
    }
    merge::cut_glued_words(&mut cands);
    merge::resolve_people(&mut cands);
    org_variants::join_org_forms(&mut cands);
    well_known::well_known_names(&mut cands);
    let mut entities = merge::assemble(cands);
    one_kind_per_name(&mut entities, &char_at);
    // A place the gazetteer does not know, named once in the text and never in metadata, is
    // more often a recognizer error ("Covertible") than a village: keep it out of the field.
    // A town its region places (`place_in_context`) stays.
    entities.retain(|e| {
        !(e.kind == EntityKind::Place
            && e.origin == Origin::Text
            && e.geonames_id.is_none()
            && e.country.is_none()
            && e.mentions.len() < 2)
    });
    surnames_typed_org_are_people(&mut entities);
    places_opening_person_names(&char_at, &mut entities);
    regions_over_countries(&mut entities, gaz);
    homonym::cities_in_the_articles_country(&mut entities, gaz);
    homonym::compass_regions_need_their_country(&mut entities, gaz);
    foreign_towns::unplaced_small_towns(&mut entities, gaz, &char_at);
    entities
}

/// Whether a person or organization mention is a city followed by its first-level region after
/// a comma, as wire datelines and addresses write them ("DENVER, Colo.", "GREENWICH, Conn.",
/// "of Denver, Colo."): the recognizer types such capitals PER or ORG, but the gazetteer has
/// the city in that region, or the mention is a dateline (capitals opening a line). A region
/// of several words ("New Mexico") is not looked at.
fn city_before_region(
    char_at: &dyn Fn(usize) -> Option<char>,
    m: &Mention,
    gaz: &Gazetteer,
) -> bool {
    if !matches!(m.kind, EntityKind::Person | EntityKind::Org)
        || char_at(m.end) != Some(',')
        || char_at(m.end + 1) != Some(' ')
    {
        return false;
    }
    let region: String = (m.end + 2..m.end + 24)
        .map_while(|i| char_at(i).filter(|c| c.is_alphabetic() || *c == '.'))
        .collect();
    let admin1 = crate::extract::gazetteer::PlaceKind::Admin1;
    // A dateline opens a line in capitals; its town may be too small for the gazetteer.
    let dateline = (m.start == 0 || char_at(m.start - 1) == Some('\n'))
        && !m.text.chars().any(char::is_lowercase);
    gaz.lookup(&region)
        .filter(|r| r.kind == admin1)
        .is_some_and(|r| dateline || gaz.city_in_region(&m.text, &r.name).is_some())
}

/// A place mention that opens the full name of a person the article names is that person:
/// the recognizer stops after the city in "Alexandria Ocasio-Cortez also tweeted" once it
/// typed "Alexandria" a place. Its mention joins the person's, covering the whole name; a
/// place left without mentions from the text goes.
fn places_opening_person_names(
    char_at: &dyn Fn(usize) -> Option<char>,
    entities: &mut Vec<Entity>,
) {
    // People by their first word: a place mention is compared only with the names it could
    // open, so a long text with many of both costs linear time.
    let mut people: FxHashMap<String, Vec<(usize, Vec<char>)>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            if let Some((first, _)) = e.name.split_once(' ') {
                let name = e.name.chars().collect();
                people.entry(first.to_string()).or_default().push((i, name));
            }
        }
    }
    if people.is_empty() {
        return;
    }
    let spells = |at: usize, name: &[char]| (at..).zip(name).all(|(i, &c)| char_at(i) == Some(c));
    let word_at = |at: usize| -> String {
        (at..at + 64)
            .map_while(|i| char_at(i).filter(|c| *c != ' '))
            .collect()
    };
    let mut moved: Vec<(usize, (usize, usize))> = Vec::new();
    for e in entities.iter_mut() {
        if e.kind != EntityKind::Place || e.origin != Origin::Text {
            continue;
        }
        e.mentions.retain(|&(start, _)| {
            let named = people.get(&word_at(start));
            match named.and_then(|ps| ps.iter().find(|(_, name)| spells(start, name))) {
                Some((p, name)) => {
                    moved.push((*p, (start, start + name.len())));
                    false
                }
                None => true,
            }
        });
    }
    for (p, span) in moved {
        entities[p].mentions.push(span);
        entities[p].mentions.sort_unstable();
        entities[p].mentions.dedup();
    }
    entities.retain(|e| {
        !(e.kind == EntityKind::Place && e.origin == Origin::Text && e.mentions.is_empty())
    });
}

/// A place resolved to a country that shares its name with a first-level region elsewhere
/// ("Georgia": the country, and the US state) is that region when the article names other
/// places in the region's country (Atlanta, Texas) and none in the namesake country (Tbilisi).
/// Only one such region may fit, or nothing changes. An entity that already stands for that
/// region ("Atlanta, Georgia" earlier) takes the mentions over.
fn regions_over_countries(entities: &mut Vec<Entity>, gaz: &Gazetteer) {
    for i in 0..entities.len() {
        let e = &entities[i];
        if e.kind != EntityKind::Place || e.country.as_deref() != Some(e.name.as_str()) {
            continue;
        }
        let regions = gaz.regions_named(&e.name);
        if regions.is_empty() {
            continue;
        }
        // Other places, by country: whether any lies in the namesake country, which in another.
        let others = || {
            entities
                .iter()
                .enumerate()
                .filter(|&(j, o)| j != i && o.kind == EntityKind::Place && o.name != e.name)
        };
        if others().any(|(_, o)| o.country.as_deref() == Some(e.name.as_str())) {
            continue;
        }
        let fits: Vec<_> = regions
            .iter()
            .filter(|r| {
                others().any(|(_, o)| {
                    o.country.as_deref() == Some(r.country.as_str()) && o.name != r.country
                })
            })
            .collect();
        if let [region] = fits[..] {
            let e = &mut entities[i];
            e.country = Some(region.country.clone());
            e.geonames_id = Some(region.geonames_id);
        }
    }
    join_same_places(entities);
}

/// Joins place entities that stand for one gazetteer place (after [`regions_over_countries`]
/// or `homonym` gave one of them another): the first keeps its place and takes the mentions.
fn join_same_places(entities: &mut Vec<Entity>) {
    let mut i = 0;
    while i < entities.len() {
        let id = entities[i].geonames_id;
        let first = entities[..i]
            .iter()
            .position(|o| o.kind == EntityKind::Place && id.is_some() && o.geonames_id == id);
        match first {
            Some(f) if entities[i].kind == EntityKind::Place => {
                let moved = entities.remove(i);
                entities[f].absorb(moved.mentions);
            }
            _ => i += 1,
        }
    }
}

/// The candidate for a cleaned place mention `c`. After "City, " (`after_city`, the city's
/// GeoNames id if the gazetteer knew it, and its name as written) the name may be the city's
/// region ("Atlanta, Georgia": the US state), and the region may say which city the one
/// before was ("Paris, Texas", "Canton, Ohio": the candidate for the city, last in `cands`,
/// is corrected). A first-level region of another country, where the gazetteer has no city
/// of that name, names a town too small for it: "KENILWORTH, N.J." is no longer Kenilworth,
/// England, but Kenilworth in the United States, without a GeoNames id; a town the gazetteer
/// does not know at all takes the country of the region after it ("OAK BROOK, Ill.", "Malibu,
/// California"), or in a dateline of the country ("ZUG, SWITZERLAND").
fn place_in_context(
    c: &text::Core,
    after_city: Option<(Option<u32>, &str, bool)>,
    cands: &mut [Cand],
    gaz: &Gazetteer,
) -> (Cand, bool) {
    let mut settled = false;
    let r = match after_city {
        Some((Some(city), _, _)) => place::resolve_after_city(&c.name, city, gaz),
        _ => place::resolve(&c.name, gaz),
    };
    if let (Some((city_id, city_name, dateline)), Some(prev)) = (after_city, cands.last_mut()) {
        if prev.kind == EntityKind::Place && prev.span.is_some_and(|s| s.1 < c.start) {
            if let Some(city) = gaz.city_in_region(city_name, &r.name) {
                *prev = place_cand(place::resolved(city), prev.span, prev.score);
                settled = true;
            } else if let Some(city_id) = city_id {
                if other_region(gaz, city_id, &c.name, &r, dateline) {
                    let town = place::Resolved {
                        name: text::tidy_case(city_name),
                        country: r.country.clone(),
                        geonames_id: None,
                    };
                    *prev = place_cand(town, prev.span, prev.score);
                    settled = true;
                }
            } else if r.geonames_id.is_some() && is_region(gaz, &c.name, dateline) {
                prev.country = r.country.clone();
                settled = true;
            }
        }
    }
    (place_cand(r, Some((c.start, c.end)), TEXT_BONUS), settled)
}

/// Gives every other text mention of a place written like one that its region settled
/// (`settled`: indexes into `cands` of place candidates that [`place_in_context`] rewrote) the
/// same place: one name names one place in an article ("CANTON, Mass., March 23 - ... toured
/// a factory in Canton" is Canton, Massachusetts twice, not once Guangzhou; a retest). A
/// mention with a comma and a place after it keeps its own reading ("Paris, France" beside
/// "Paris, Texas").
fn same_place_throughout(text: &str, settled: &[usize], cands: &mut [Cand]) {
    if settled.is_empty() {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let places: Vec<(String, usize)> = settled
        .iter()
        .filter_map(|&i| {
            let (s, e) = cands[i].span?;
            Some((
                fold::lookup_key(&text[bytes_at.byte(s)..bytes_at.byte(e)]),
                i,
            ))
        })
        .collect();
    // The written name, unless a comma and another place follow it: "Paris, France" beside
    // "Paris, Texas" says which Paris it is itself ("in Norfolk, performing magic" does not).
    let place_starts: Vec<usize> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Place)
        .filter_map(|c| c.span.map(|s| s.0))
        .collect();
    let mut written = |c: &Cand| {
        let (s, e) = c.span?;
        let (bs, be) = (bytes_at.byte(s), bytes_at.byte(e));
        let own_context = text[be..].starts_with(',')
            && place_starts.iter().any(|&p| (e + 2..e + 5).contains(&p));
        (!own_context).then(|| fold::lookup_key(&text[bs..be]))
    };
    for j in 0..cands.len() {
        if cands[j].kind != EntityKind::Place || settled.contains(&j) {
            continue;
        }
        let Some(w) = written(&cands[j]) else {
            continue;
        };
        if let Some(&(_, i)) = places.iter().find(|(k, _)| *k == w) {
            let r = place::Resolved {
                name: cands[i].name.clone(),
                country: cands[i].country.clone(),
                geonames_id: cands[i].geonames_id,
            };
            cands[j] = place_cand(r, cands[j].span, cands[j].score);
        }
    }
}

/// Whether `written` names a first-level region, or in a `dateline` also a country. In running
/// text a name the gazetteer lacks before a country is as often a company ("Dassault Aviation,
/// France's ...") as a town.
fn is_region(gaz: &Gazetteer, written: &str, dateline: bool) -> bool {
    use crate::extract::gazetteer::PlaceKind;
    gaz.lookup(written)
        .is_some_and(|p| p.kind == PlaceKind::Admin1 || (dateline && p.kind == PlaceKind::Country))
}

/// Whether the region written `written` (resolved `r`) is a first-level region ("Ohio",
/// "N.J.") of another country than the city with GeoNames id `city`, or, in a `dateline`
/// ("ST. JOSEPH, Mich., April 2 -"), a region the city is not in. Elsewhere, within one
/// country, the pair is as often a list ("Zurich, Geneva and Basle", "Peking, Shandong,
/// Shaanxi") as a town and its region.
fn other_region(
    gaz: &Gazetteer,
    city: u32,
    written: &str,
    r: &place::Resolved,
    dateline: bool,
) -> bool {
    let is_region = gaz
        .lookup(written)
        .is_some_and(|p| p.kind == crate::extract::gazetteer::PlaceKind::Admin1);
    let elsewhere = gaz.city_by_id(city).is_some_and(|p| {
        let abroad = crate::extract::gazetteer::country_of(p) != r.country.as_deref();
        let in_region = p
            .admin1
            .as_deref()
            .is_some_and(|a| fold::lookup_key(a) == fold::lookup_key(&r.name));
        abroad || (dateline && !in_region)
    });
    is_region && r.geonames_id.is_some() && elsewhere
}

/// The candidates of an organization mention: the organization, and the person when the span
/// runs on into an office and a name ("Federal Reserve Board Chairman Paul Volcker").
fn org_cands(m: &Mention, cands: &mut Vec<Cand>) {
    let (org_part, person_part) = match person::split_role(&m.text) {
        Some((o, p)) => (o, Some(p)),
        None => (0..m.text.len(), None),
    };
    let at = |byte: usize| m.start + m.text[..byte].chars().count();
    if let Some(p) = person_part {
        cands.extend(person::clean(&m.text[p.clone()], at(p.start)).map(|c| {
            plain_cand(
                EntityKind::Person,
                c.name,
                Some((c.start, c.end)),
                TEXT_BONUS,
            )
        }));
    }
    cands.extend(
        org::clean(&m.text[org_part.clone()], at(org_part.start)).map(|mut c| {
            // The wire signs "Reuter" but is named Reuters.
            if c.name.eq_ignore_ascii_case("reuter") {
                c.name = "Reuters".into();
            }
            let score = TEXT_BONUS + org::display_score(&c.name);
            plain_cand(EntityKind::Org, c.name, Some((c.start, c.end)), score)
        }),
    );
}

/// Joins person candidates that only a space separates ("Minister Gareth" typed ORG, then
/// "Thomas" PER, give "Gareth" and "Thomas"): one name split by the recognizer, since two
/// people are never written side by side without punctuation. So are two that lower-case
/// name particles separate, across a line break too ("Javier Perez" de "Cuellar" gives
/// "Javier Perez de Cuellar"), also when the second part came out an organization
/// ("Mohammed" bin "Salman"). `cands` holds text mentions in text order; `char_at` gives
/// the article's characters by offset.
fn join_adjacent_people(char_at: &dyn Fn(usize) -> Option<char>, cands: &mut Vec<Cand>) {
    if cands.len() < 2 {
        return;
    }
    // A split "org role person" mention yields its person first.
    cands.sort_by_key(|c| c.span.map(|s| s.0));
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        if let (Some(prev), Some((s, e))) = (out.last_mut(), c.span) {
            if let Some((ps, pe)) = prev.span {
                let people = prev.kind == EntityKind::Person && c.kind == EntityKind::Person;
                // After a particle the recognizer may type the family name ORG ("Mohammed
                // bin [Salman]"): a short name with no organization word joins too.
                let family_name = prev.kind == EntityKind::Person
                    && c.kind == EntityKind::Org
                    && c.name.split_whitespace().count() <= 2
                    && !ends_in_org_word(&c.name);
                let joint = if !(people || family_name) || s <= pe {
                    None
                } else if people && s == pe + 1 && char_at(pe) == Some(' ') {
                    Some(String::from(" "))
                } else {
                    particles_between(char_at, pe, s)
                };
                if let Some(joint) = joint {
                    let name = format!("{}{joint}{}", prev.name, c.name);
                    *prev = plain_cand(EntityKind::Person, name, Some((ps, e)), prev.score);
                    continue;
                }
            }
        }
        out.push(c);
    }
    *cands = out;
}

/// " de la " for the text between chars `from` and `to` when it is one to three lower-case
/// name particles ([`PARTICLES`]: "de", "van der", "bin") with whitespace around each, a
/// line break included; `None` otherwise.
fn particles_between(
    char_at: &dyn Fn(usize) -> Option<char>,
    from: usize,
    to: usize,
) -> Option<String> {
    // "de la" is 5 chars; three particles and their spaces fit well within 24. Most gaps
    // between names are ", " or " and ": rejected before anything is collected.
    let blank = |i: usize| char_at(i).is_some_and(char::is_whitespace);
    if to - from > 24 || to < from + 3 || !blank(from) || !blank(to - 1) {
        return None;
    }
    if !char_at(from + 1).is_some_and(|c| c.is_lowercase() || c.is_whitespace()) {
        return None;
    }
    let gap: String = (from..to).map_while(char_at).collect();
    let starts_and_ends_blank =
        gap.starts_with(char::is_whitespace) && gap.ends_with(char::is_whitespace);
    let words: Vec<&str> = gap.split_whitespace().collect();
    let particles =
        !words.is_empty() && words.len() <= 3 && words.iter().all(|w| PARTICLES.contains(w));
    (starts_and_ends_blank && particles).then(|| format!(" {} ", words.join(" ")))
}

/// Gives a name one kind per article, and a person that the text writes as a company
/// ([`written_as_company`]) the kind organization: when the text names the same string (or an
/// organization's alias) as two kinds ("the Federal Reserve's decision" typed PER beside two
/// ORG mentions), the kind that metadata confirms wins, then an organization the text writes
/// as a company ([`written_as_company`]: "Sara Lee Corp said" beside a headline's "SARA
/// LEE"), else the one with the most mentions (the first on a tie), and the others'
/// mentions join it. The recognizer's document memory usually keeps repeated names
/// consistent; this settles what it leaves. `char_at` gives the text's chars, which mention
/// offsets count.
fn one_kind_per_name(entities: &mut Vec<Entity>, char_at: &dyn Fn(usize) -> Option<char>) {
    // A person the text writes as a company is the company, as `firm.rs` makes the mentions
    // it sees so ("Drummond McCall" typed PER in all its mentions, one "<Drummond McCall>").
    for e in entities.iter_mut() {
        if e.kind == EntityKind::Person
            && e.origin == Origin::Text
            && e.mentions.iter().any(|&m| written_as_company(char_at, m))
        {
            e.kind = EntityKind::Org;
        }
    }
    // Entities by key, in order: one hash pass, so an article of any length costs linear time.
    // FxHash, sized up front: this keys every entity of every article.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: FxHashMap<String, usize> =
        FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
    for (j, e) in entities.iter().enumerate() {
        // An organization's aliases name it too: "Sama" typed PER joins the Saudi Arabian
        // Monetary Agency that the article also calls SAMA.
        let g = if e.aliases.is_empty() {
            *group_of.entry(exact_key(&e.name)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            })
        } else {
            let keys: Vec<String> = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|n| exact_key(n))
                .collect();
            let g = match keys.iter().find_map(|k| group_of.get(k)) {
                Some(&g) => g,
                None => {
                    groups.push(Vec::new());
                    groups.len() - 1
                }
            };
            for k in keys {
                group_of.entry(k).or_insert(g);
            }
            g
        };
        groups[g].push(j);
    }
    let mut keep = vec![true; entities.len()];
    for group in groups {
        if group.len() < 2 {
            continue;
        }
        // Only against a person: a place before a legal form is more often a company's
        // home ("the Virginia Corporation commission") than the company.
        let person = group
            .iter()
            .any(|&j| entities[j].kind == EntityKind::Person);
        let rank = |j: usize| {
            let e = &entities[j];
            (
                e.origin != Origin::Text,
                person
                    && e.kind == EntityKind::Org
                    && e.mentions.iter().any(|&m| written_as_company(char_at, m)),
                e.mentions.len(),
            )
        };
        let mut win = group[0];
        for &j in &group[1..] {
            if rank(j) > rank(win) {
                win = j;
            }
        }
        for &j in &group {
            // Same kind, same name, different entity (Georgia the country and the US state)
            // stays apart.
            if entities[j].kind != entities[win].kind {
                let moved = std::mem::take(&mut entities[j].mentions);
                entities[win].mentions.extend(moved);
                keep[j] = false;
            }
        }
        entities[win].mentions.sort_unstable();
        entities[win].mentions.dedup();
    }
    let mut k = keep.iter();
    entities.retain(|_| *k.next().unwrap_or(&true));
}

/// Whether the text writes the mention at chars `(start, end)` as a company's name: whole in
/// Reuters' angle brackets for a company ("<Drummond McCall>"), or before a legal form ("Sara
/// Lee Corp", "Hertz, Inc."), which follows a company and never a person. A person's name
/// that only begins a company's ("<Bernard Tapie Finance>") is not, nor one after "of", "a"
/// or "an", which ends a longer name or tells where a company is registered ("Domino of
/// California Inc", "an Alberta Corp").
fn written_as_company(
    char_at: &dyn Fn(usize) -> Option<char>,
    (start, end): (usize, usize),
) -> bool {
    if start > 0 && char_at(start - 1) == Some('<') && char_at(end) == Some('>') {
        return true;
    }
    let before: String = (start.saturating_sub(4)..start)
        .filter_map(char_at)
        .collect();
    let word_before = before.trim_end().rsplit(' ').next().unwrap_or("");
    if before.ends_with(' ') && matches!(word_before, "of" | "a" | "an") {
        return false;
    }
    let mut at = end;
    if char_at(at) == Some(',') {
        at += 1;
    }
    if char_at(at) != Some(' ') {
        return false;
    }
    let word: String = (at + 1..at + 14)
        .map_while(|i| char_at(i).filter(|c| c.is_alphabetic() || *c == '.'))
        .collect();
    // A whole capitalized word: "John Craig, co-author" and "Will Smith co-stars" have none.
    let after = char_at(at + 1 + word.chars().count());
    word.len() < 13
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && firm::is_written_legal_form(&word)
}

/// A one-word organization found only in the text that is the surname of a person the same
/// article names in full is that person: "Trump said" after "Donald Trump" (the recognizer
/// types many surnames ORG after "Trump administration"-like contexts). Its mentions join the
/// person's. Places are left alone: Jordan the country is not Michael Jordan.
///
/// The surname may be in capitals, as in a wire headline ("MIYAZAWA SAYS YEN RISE HURTS",
/// "LAWSON EXPECTS INTEREST RATE FALL": without case the recognizer reads a lone word before a
/// verb as a company; Reuters-21578 had 230 such values, "MIYAZAWA" in 24 articles). Then no
/// other organization may hold the word: "FORD" beside "Ford Motor" and "Gerald Ford" stays
/// the company.
fn surnames_typed_org_are_people(entities: &mut Vec<Entity>) {
    // The first person of several words with each surname, looked up once per organization.
    let mut by_surname: FxHashMap<&str, usize> = FxHashMap::default();
    for (p, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            if let Some((_, surname)) = e.name.rsplit_once(' ') {
                by_surname.entry(surname).or_insert(p);
            }
        }
    }
    let caps_surname = |name: &str| {
        let caps = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == '\'');
        let in_other_org = || {
            entities.iter().any(|o| {
                o.kind == EntityKind::Org
                    && o.name != name
                    && o.name
                        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
                        .any(|w| w.to_uppercase() == name)
            })
        };
        if !caps {
            return None;
        }
        let person = by_surname
            .iter()
            .filter(|(surname, _)| surname.to_uppercase() == name)
            .map(|(_, &p)| p)
            .min()?;
        (!in_other_org()).then_some(person)
    };
    let moves: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntityKind::Org
                && e.origin == Origin::Text
                && !e.name.contains(char::is_whitespace)
        })
        .filter_map(|(i, e)| {
            let p = by_surname.get(e.name.as_str()).copied();
            p.or_else(|| caps_surname(&e.name)).map(|p| (i, p))
        })
        .collect();
    if moves.is_empty() {
        return;
    }
    for &(i, p) in &moves {
        let mentions = std::mem::take(&mut entities[i].mentions);
        entities[p].absorb(mentions);
    }
    let mut gone = moves.iter().map(|&(i, _)| i).peekable();
    let mut i = 0;
    entities.retain(|_| {
        let drop = gone.next_if_eq(&i).is_some();
        i += 1;
        !drop
    });
}

#[cfg(test)]
mod tests;
