//! Governments named after their leader: "the Reagan administration", "the Trump
//! administration".
//!
//! The recognizer reads "Reagan" there as an organization or a miscellaneous name (the phrase
//! names a government), so the person went missing from `--person Reagan` and "Reagan" was an
//! organization in 104 Reuters-21578 articles that name him nowhere else. The surname before
//! a lower-case "administration" is the leader's: it becomes a person mention. Places before it
//! are left alone ("the Moscow administration"), and so are multi-word names ("the Food and Drug
//! Administration" is an agency).

use crate::article::{EntityKind, Mention};

/// Retypes as a person each one-word organization or MISC mention followed by whitespace and
/// "administration" in `text` (char offsets, as the recognizer gives them).
pub fn leaders_of_administrations(text: &str, mentions: &mut [Mention]) {
    if !text.contains("administration") {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    for m in mentions.iter_mut() {
        let candidate = matches!(m.kind, EntityKind::Org | EntityKind::Misc)
            && m.text.starts_with(|c: char| c.is_uppercase())
            && !m.text.contains(char::is_whitespace)
            && m.text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
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
        leaders_of_administrations(text, &mut v);
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
    fn agencies_places_and_other_words_stay() {
        let t = "The Moscow administration, the Food and Drug Administration, the Labour \
                 government and Acme administrations disagreed; Acme Corp administration fees.";
        assert_eq!(
            kinds(
                t,
                &[
                    (Place, "Moscow"),
                    (Org, "Food and Drug Administration"),
                    (Org, "Labour"),
                    (Org, "Acme"),
                    (Org, "Acme Corp"),
                ]
            ),
            [Place, Org, Org, Org, Org]
        );
    }
}
