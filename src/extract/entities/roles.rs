//! People named right after a lower-case role noun: "analyst Kyle Cooper", "Harry Potter
//! author JK Rowling", "striker Ana Ruiz".
//!
//! CoNLL-2003 text seldom runs a role noun into a name without "the" or a comma, and the
//! recognizer types such a name as an organization ("analyst [Craig Sloane]ORG": 80 Reuters,
//! BBC and HuffPost articles in an audit of the entity dump, 95 % of them people). A name of
//! two or three capitalized words right after such a noun, opening with a first name from the
//! recognizer's name lists and ending in no organization word, is a person.

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
