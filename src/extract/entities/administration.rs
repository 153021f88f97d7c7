//! Governments named after their leader: "the Reagan administration", "the Trump
//! administration".
//!
//! The recognizer reads "Reagan" there as an organization or a miscellaneous name (the phrase
//! names a government), so the person went missing from `--person Reagan` and "Reagan" was an
//! organization in 104 Reuters-21578 articles that name him nowhere else. The surname before
//! a lower-case "administration" is the leader's: it becomes a person mention, and so does the
//! name in an organization mention "Reagan Administration" unless it is an ordinary word ("the
//! Maritime Administration"). Places before it are left alone ("the Moscow administration"),
//! and so are longer names ("the Food and Drug Administration" is an agency).

use super::text::is_capitalized_name_word;
use crate::article::{EntityKind, Mention};

/// Retypes as a person each one-word organization or MISC mention followed by whitespace and
/// "administration" in `text` (char offsets, as the recognizer gives them). An organization
/// mention of a name and a capitalized "Administration" ("the Reagan Administration") becomes
/// the person's mention, unless `is_ordinary` says the first word is an ordinary word (the
/// Maritime Administration, the Veterans Administration are agencies).
pub fn leaders_of_administrations(
    text: &str,
    mentions: &mut [Mention],
    is_ordinary: &dyn Fn(&str) -> bool,
) {
    if !text.contains("dministration") {
        return;
    }
    for m in mentions.iter_mut() {
        // Wire copy breaks lines anywhere: "the Reagan\n    Administration".
        let Some((name, rest)) = m.text.split_once(char::is_whitespace) else {
            continue;
        };
        if rest.trim_start() != "Administration" {
            continue;
        }
        if m.kind == EntityKind::Org && is_capitalized_name_word(name) && !is_ordinary(name) {
            m.kind = EntityKind::Person;
            m.end = m.start + name.chars().count();
            m.text.truncate(name.len());
        }
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    for m in mentions.iter_mut() {
        // A capitalized name, not an acronym ("the MSNBC administration" is a network's).
        let candidate = matches!(m.kind, EntityKind::Org | EntityKind::Misc)
            && is_capitalized_name_word(&m.text);
        if !candidate {
            continue;
        }
        // Mentions come in text order, so the offsets are found in one pass over the text.
        let end = bytes_at.byte(m.end);
        // Wire copy breaks lines anywhere ("the Reagan\nadministration").
        let rest = &text[end..];
        let next = rest.trim_start_matches(char::is_whitespace);
        let follows = next.len() < rest.len()
            && next
                .strip_prefix("administration")
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric));
        if follows {
            m.kind = EntityKind::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, ms: &[(EntityKind, &str)]) -> Vec<EntityKind> {
        let mut v: Vec<Mention> = ms
            .iter()
            .map(|&(kind, w)| {
                let start = text[..text.find(w).unwrap()].chars().count();
                Mention {
                    kind,
                    start,
                    end: start + w.chars().count(),
                    text: w.to_string(),
                }
            })
            .collect();
        leaders_of_administrations(text, &mut v, &|w| w == "Maritime");
        v.into_iter().map(|m| m.kind).collect()
    }

    use EntityKind::{Misc, Org, Person, Place};

    #[test]
    fn the_name_before_administration_is_the_leader() {
        let t = "The Reagan administration and the Kovač\nadministration's allies met.";
        assert_eq!(
            kinds(t, &[(Misc, "Reagan"), (Org, "Kovač")]),
            [Person, Person]
        );
    }

    #[test]
    fn a_capitalized_administration_after_a_name_is_the_leader() {
        // The line break is wire copy's.
        let t = "The Reagan\n    Administration and the Maritime Administration met.";
        let mut v = vec![
            Mention {
                kind: Org,
                start: 4,
                end: 29,
                text: "Reagan\n    Administration".into(),
            },
            Mention {
                kind: Org,
                start: 38,
                end: 61,
                text: "Maritime Administration".into(),
            },
        ];
        leaders_of_administrations(t, &mut v, &|w| w == "Maritime");
        let got: Vec<_> = v
            .iter()
            .map(|m| (m.kind, m.start, m.end, m.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Person, 4, 10, "Reagan"),
                (Org, 38, 61, "Maritime Administration")
            ]
        );
    }

    #[test]
    fn agencies_places_and_other_words_stay() {
        let t = "The Moscow administration, the Food and Drug Administration, the Labour \
                 government and Acme administrations disagreed; Acme Corp administration fees; \
                 the MSNBC administration.";
        assert_eq!(
            kinds(
                t,
                &[
                    (Place, "Moscow"),
                    (Org, "Food and Drug Administration"),
                    (Org, "Labour"),
                    (Org, "Acme"),
                    (Org, "Acme Corp"),
                    (Org, "MSNBC"),
                ]
            ),
            [Place, Org, Org, Org, Org, Org]
        );
    }
}
