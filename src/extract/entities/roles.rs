//! People named right after a lower-case role noun: "analyst Kyle Cooper", "Harry Potter
//! author JK Rowling", "striker Ana Ruiz".
//!
//! CoNLL-2003 text seldom runs a role noun into a name without "the" or a comma, and the
//! recognizer types such a name as an organization ("analyst [Craig Sloane]ORG": 80 Reuters,
//! BBC and HuffPost articles in an audit of the entity dump, 95 % of them people). A name of
//! two or three capitalized words right after such a noun, opening with a first name from the
//! recognizer's name lists and ending in no organization word, is a person.
//!
//! The same recognizer runs a body, a capitalized title and its holder's name into one
//! organization: "[Supreme Court Justice Sonia Sotomayor]ORG", "[Senate Majority Leader Chuck
//! Schumer]ORG", "[New York Attorney General Eliot Spitzer]ORG" (about 40 values in the
//! entity dump). [`people_after_titles`] cuts the holder out as a person and keeps what stands
//! before the title when it names a place or an organization.

use super::text::is_capitalized_name_word;
use crate::article::{EntityKind, Mention};

/// Lower-case nouns of a person's role or trade that news copy writes right before a name
/// ("analyst", "author"), whitespace-separated. Nouns that also stand before companies
/// ("maker", "rival", "partner", "owner") are left out.
const ROLE_NOUNS: &str = "\
    actor actress analyst attorney author boss captain chairman chairwoman chef coach colleague \
    columnist comedian correspondent critic defender designer director drummer economist \
    goalkeeper guitarist host journalist lawyer midfielder musician novelist presenter \
    producer rapper reporter singer spokesman spokeswoman star strategist striker teammate \
    trader winger writer";

/// Most words of the name.
const MAX_NAME_WORDS: usize = 3;

/// Retypes as a person each organization mention (char offsets into `text`, in text order)
/// that follows a [`ROLE_NOUNS`] word and one space and holds two or three capitalized name
/// words, the first of which `is_first_name` accepts ("Kyle") or is an initial ("JK", "J.K."),
/// and whose last is no organization head noun or legal form ("analyst Kyle Cooper
/// Associates" is a firm), nor a company `is_known_org` knows ("analyst Goldman Sachs": the
/// name lists hold "Goldman" as a first name).
pub fn people_after_roles(
    text: &str,
    mentions: &mut [Mention],
    is_first_name: &dyn Fn(&str) -> bool,
    is_known_org: &dyn Fn(&str) -> bool,
) {
    let mut bytes_at = crate::extract::CharToByte::new(text);
    for m in mentions.iter_mut() {
        if m.kind != EntityKind::Org {
            continue;
        }
        let words: Vec<&str> = m.text.split(' ').collect();
        let name_shaped = (2..=MAX_NAME_WORDS).contains(&words.len())
            && words
                .iter()
                .all(|w| is_capitalized_name_word(w) || is_initials(w))
            && (is_first_name(words[0]) || is_initials(words[0]))
            && !super::ends_in_org_word(&m.text)
            && !is_known_org(&m.text);
        if !name_shaped {
            continue;
        }
        let start = bytes_at.byte(m.start);
        let Some(before) = text[..start].strip_suffix(' ') else {
            continue;
        };
        let role = before
            .rsplit(|c: char| !c.is_ascii_lowercase())
            .next()
            .unwrap_or("");
        if !role.is_empty() && ROLE_NOUNS.split_whitespace().any(|r| r == role) {
            m.kind = EntityKind::Person;
        }
    }
}

/// Capitalized titles that a body's name runs into before its holder's name ("Supreme Court
/// Justice", "Fire Chief"), lower-cased. A hyphenated word counts by its last part
/// ("Ex-Governor").
const TITLES: &str = "\
    ambassador chairman chairwoman chancellor chief commissioner director governor judge \
    justice leader mayor minister premier president prosecutor secretary senator sheriff \
    speaker spokesman spokeswoman treasurer";

/// Titles of a company's officers, lower-cased: the body before them is the company, kept as
/// an organization even when the recognizer's lists do not know it ("Nissan Motor Chairman
/// Carlos Ghosn").
const CORPORATE_TITLES: &[&str] = &["chairman", "chairwoman", "director"];

/// Two-word titles, lower-cased: "General" alone opens companies ("General Electric").
const TWO_WORD_TITLES: &[&str] = &[
    "attorney general",
    "inspector general",
    "solicitor general",
    "surgeon general",
];

/// Words that qualify a title ("Majority Leader", "Chief Justice", "Prime Minister"),
/// lower-cased.
const TITLE_QUALIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "chief",
    "deputy",
    "executive",
    "former",
    "interim",
    "majority",
    "managing",
    "minority",
    "prime",
    "senior",
    "vice",
];

/// Last words of bodies whose officers are named by title, lower-cased, beyond the head nouns
/// of organization names: "Superior Court Judge", "Senate Majority Leader".
const BODY_NOUNS: &[&str] = &[
    "assembly",
    "cabinet",
    "commons",
    "congress",
    "council",
    "court",
    "house",
    "lords",
    "parliament",
    "police",
    "senate",
];

/// Words that may open a title holder's name in place of a first name ("Lord Goldsmith").
const HONORIFICS: &[&str] = &["ayatollah", "baroness", "dame", "lady", "lord", "sir"];

/// Most words of a title holder's name.
const MAX_HOLDER_WORDS: usize = 4;

/// Splits each organization mention that runs a body, a [`TITLES`] word (or a
/// [`TWO_WORD_TITLES`] pair) and a name into the name, as a person, and the body before the
/// title: a place when `is_place` knows it ("New York"), an organization when it ends in an
/// organization word or `is_known_org` knows it ("Supreme Court", "Senate"), else nothing
/// ("Durham Fire"). The name is two to four capitalized words after the last title word,
/// opening with a first name (`is_first_name`), an initial or an honorific, none of the others
/// an ordinary word (`is_common_word`: "Brian Kemp To Resign" is a headline), and is no
/// organization itself. Offsets are chars into `text`, mentions in text order.
pub fn people_after_titles(
    mentions: &mut Vec<Mention>,
    is_first_name: &dyn Fn(&str) -> bool,
    is_common_word: &dyn Fn(&str) -> bool,
    is_known_org: &dyn Fn(&str) -> bool,
    is_place: &dyn Fn(&str) -> bool,
) {
    let splits = mentions
        .iter()
        .any(|m| m.kind == EntityKind::Org && m.text.contains(' '));
    if !splits {
        return;
    }
    let mut out = Vec::with_capacity(mentions.len() + 1);
    for m in mentions.drain(..) {
        match split_title_holder(&m, is_first_name, is_common_word, is_known_org, is_place) {
            Some(parts) => out.extend(parts),
            None => out.push(m),
        }
    }
    *mentions = out;
}

/// The body (if kept) and the person of one mention, for [`people_after_titles`].
fn split_title_holder(
    m: &Mention,
    is_first_name: &dyn Fn(&str) -> bool,
    is_common_word: &dyn Fn(&str) -> bool,
    is_known_org: &dyn Fn(&str) -> bool,
    is_place: &dyn Fn(&str) -> bool,
) -> Option<Vec<Mention>> {
    if m.kind != EntityKind::Org {
        return None;
    }
    // Offsets below count one space between words: a mention over a line break keeps its
    // reading.
    if m.text.contains(|c: char| c.is_whitespace() && c != ' ') {
        return None;
    }
    let words: Vec<&str> = m.text.split(' ').collect();
    let lower = |w: &str| w.rsplit('-').next().unwrap_or(w).to_lowercase();
    // The last title word with a name after it; `open` is where the title starts.
    let (open, close) = (0..words.len().saturating_sub(2)).rev().find_map(|i| {
        let w = lower(words[i]);
        if i > 0 && TWO_WORD_TITLES.contains(&format!("{} {w}", lower(words[i - 1])).as_str()) {
            Some((i - 1, i))
        } else {
            TITLES.split_whitespace().any(|t| t == w).then_some((i, i))
        }
    })?;
    // Words that qualify the title belong to it, not to the body ("Senate Majority Leader").
    let open = (0..open)
        .rev()
        .take_while(|&k| TITLE_QUALIFIERS.contains(&lower(words[k]).as_str()))
        .last()
        .unwrap_or(open);
    let name = &words[close + 1..];
    let first = name[0];
    let holder = (2..=MAX_HOLDER_WORDS).contains(&name.len())
        && name
            .iter()
            .all(|w| is_capitalized_name_word(w) || is_initials(w))
        && (is_first_name(first)
            || is_initials(first)
            || HONORIFICS.contains(&first.to_lowercase().as_str()))
        && name[1..].iter().all(|w| !is_common_word(w))
        && !super::ends_in_org_word(&name.join(" "))
        && !is_known_org(&name.join(" "));
    if !holder {
        return None;
    }
    // Char offset of word `k`: the words before it and one space after each.
    let at = |k: usize| {
        m.start
            + words[..k]
                .iter()
                .map(|w| w.chars().count() + 1)
                .sum::<usize>()
    };
    // A body that ends in a small word is a list or a sentence, not a body: "[Kim Jong Un and
    // President Donald Trump]" is read by the passes that split lists.
    if open > 0 && !words[open - 1].starts_with(char::is_uppercase) {
        return None;
    }
    let mut parts = Vec::with_capacity(2);
    if open > 0 {
        let body = words[..open].join(" ");
        // An acronym of three letters or more is a body, but one a town shares ("GAO", Gao
        // in Mali) would be read as the town later: left out.
        let acronym = body.len() >= 3 && body.chars().all(|c| c.is_ascii_uppercase());
        // A company's officers: the body is the company, whatever town shares its name
        // ("Santander Chairman Ana Botin").
        let corporate = CORPORATE_TITLES.contains(&lower(words[close]).as_str());
        let kind = if acronym {
            (!is_place(&body)).then_some(EntityKind::Org)
        } else if corporate {
            Some(EntityKind::Org)
        } else if is_place(&body) {
            Some(EntityKind::Place)
        } else if super::ends_in_org_word(&body)
            || is_known_org(&body)
            || BODY_NOUNS.contains(&lower(words[open - 1]).as_str())
        {
            Some(EntityKind::Org)
        } else {
            None
        };
        if let Some(kind) = kind {
            parts.push(Mention {
                kind,
                start: m.start,
                end: at(open) - 1,
                text: body,
            });
        }
    }
    parts.push(Mention {
        kind: EntityKind::Person,
        start: at(close + 1),
        end: m.end,
        text: name.join(" "),
    });
    Some(parts)
}

/// Whether `w` is one or two capital initials, dotted or not: "JK", "J.K.", "J.".
fn is_initials(w: &str) -> bool {
    let letters = w.chars().filter(|c| *c != '.').count();
    (1..=2).contains(&letters)
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && (letters == 2 || w.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    fn kinds(text: &str, names: &[&str]) -> Vec<EntityKind> {
        let mut v: Vec<Mention> = names
            .iter()
            .map(|n| m(text, EntityKind::Org, n, 0))
            .collect();
        let first = |w: &str| ["Kyle", "Morgan", "Ana", "Goldman"].contains(&w);
        people_after_roles(text, &mut v, &first, &|n| n == "Goldman Sachs");
        v.into_iter().map(|x| x.kind).collect()
    }

    #[test]
    fn a_body_s_title_holder_is_a_person() {
        use super::super::tests::rewritten;
        let t = "Supreme Court Justice Sonia Sotomayor wrote; Senate Majority Leader Chuck \
                 Schumer spoke; New York Attorney General Eliot Spitzer sued; Durham Fire \
                 Chief Robert Zoldos and Lords Leader Baroness Amos. Georgia Secretary Of \
                 State Brian Kemp To Resign. General Motors Acceptance Corp; Chief Justice \
                 Earl Warren. Kim Jong Un and President Donald Trump. GAO Senior Associate Director \
                 Robert Gray. FAA Chief Ann Lee. Nissan Motor Chairman Ann Lee. Santander Chairman Ann Lee.";
        let names = [
            "Supreme Court Justice Sonia Sotomayor",
            "Senate Majority Leader Chuck Schumer",
            "New York Attorney General Eliot Spitzer",
            "Durham Fire Chief Robert Zoldos",
            "Lords Leader Baroness Amos",
            "Georgia Secretary Of State Brian Kemp To Resign",
            "General Motors Acceptance Corp",
            "Chief Justice Earl Warren",
            "Kim Jong Un and President Donald Trump",
            "GAO Senior Associate Director Robert Gray",
            "FAA Chief Ann Lee",
            "Nissan Motor Chairman Ann Lee",
            "Santander Chairman Ann Lee",
        ]
        .map(|n| (EntityKind::Org, n));
        let first = |w: &str| {
            [
                "Sonia", "Chuck", "Eliot", "Robert", "Brian", "Earl", "Donald", "Ann",
            ]
            .contains(&w)
        };
        let common = |w: &str| ["To", "Resign", "Of", "State"].contains(&w);
        let org = |n: &str| n == "Senate";
        let place = |n: &str| ["New York", "GAO", "Santander"].contains(&n);
        let got = rewritten(t, &names, |v| {
            people_after_titles(v, &first, &common, &org, &place)
        });
        assert_eq!(
            got,
            [
                "Org Supreme Court",
                "Person Sonia Sotomayor",
                "Org Senate",
                "Person Chuck Schumer",
                "Place New York",
                "Person Eliot Spitzer",
                "Person Robert Zoldos",
                "Org Lords",
                "Person Baroness Amos",
                "Org Georgia Secretary Of State Brian Kemp To Resign",
                "Org General Motors Acceptance Corp",
                "Person Earl Warren",
                "Org Kim Jong Un and President Donald Trump",
                "Person Robert Gray",
                "Org FAA",
                "Person Ann Lee",
                "Org Nissan Motor",
                "Person Ann Lee",
                "Org Santander",
                "Person Ann Lee",
            ]
        );
    }

    #[test]
    fn a_name_after_a_role_noun_is_a_person() {
        use EntityKind::{Org, Person};
        let t = "said analyst Kyle Cooper. The book's author JK Rowling and striker Ana Ruiz-Vega";
        assert_eq!(
            kinds(t, &["Kyle Cooper", "JK Rowling", "Ana Ruiz-Vega"]),
            [Person, Person, Person]
        );
        // No role noun, no first name, an organization word, one word only, or a known company.
        let t = "analysts at Kyle Cooper; analyst Acme Holt; analyst Morgan Stanley Bank; analyst \
                 Kyle; analyst Goldman Sachs";
        let names = [
            "Kyle Cooper",
            "Acme Holt",
            "Morgan Stanley Bank",
            "Kyle",
            "Goldman Sachs",
        ];
        assert_eq!(kinds(t, &names), [Org, Org, Org, Org, Org]);
        // The role noun must stand right before the name, in lower case.
        let t = "Analyst Kyle Cooper; an analyst, Kyle Cooper";
        let mut v = vec![m(t, Org, "Kyle Cooper", 0), m(t, Org, "Kyle Cooper", 1)];
        people_after_roles(t, &mut v, &|w| w == "Kyle", &|_| false);
        assert_eq!([v[0].kind, v[1].kind], [Org, Org]);
    }
}
