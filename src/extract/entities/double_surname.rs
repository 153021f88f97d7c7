//! People whose first name is also a place, before a double-barrelled surname: "Alexandria
//! Ocasio-Cortez".
//!
//! The recognizer never saw the surname and reads the first name alone as the city, so 24 of
//! the 33 HuffPost records that `--place egypt` found were about the congresswoman (a
//! retest). A capitalized hyphenated surname right after a one-word place makes both one
//! person: no place name is followed by such a word in running text.

use crate::article::{EntityKind, Mention};

/// Makes each one-word place mention (char offsets into `text`, in text order) that one
/// space and an uncovered double-barrelled surname follow ("Ocasio-Cortez", "Lloyd-Webber":
/// two capitalized parts of letters, neither an ordinary word by `is_ordinary`) one person
/// mention over both. Title Case compounds ("Texas Anti-Abortion Law", "Minneapolis Ex-Cop",
/// "Japan Export-Import Bank") have an ordinary part or a prefix; "Saint-", "Sainte-" and
/// "St-" open places and clubs ("Paris Saint-Germain").
pub fn places_before_double_surnames(
    text: &str,
    mentions: &mut [Mention],
    is_ordinary: &dyn Fn(&str) -> bool,
) {
    if !text.contains('-') {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.kind != EntityKind::Place || m.text.contains([' ', '-']) {
            continue;
        }
        let end = bytes_at.byte(m.end);
        let Some(rest) = text[end..].strip_prefix(' ') else {
            continue;
        };
        let word = &rest[..rest
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(rest.len())];
        let word_chars = word.chars().count();
        let free = mentions
            .get(k + 1)
            .is_none_or(|n| n.start > m.end + word_chars);
        if !free || !is_double_surname(word, is_ordinary) {
            continue;
        }
        super::text::extend_person(&mut mentions[k], word);
    }
}

/// Prefixes that Title Case capitalizes in compounds ("Anti-Doping", "Ex-Cop") and "Saint".
const PREFIXES: &[&str] = &[
    "Anti", "Co", "Cross", "Ex", "Inter", "Mid", "Non", "Post", "Pre", "Pro", "Re", "Saint",
    "Sainte", "Self", "St", "Under", "Vice",
];

/// Whether `w` is two capitalized parts of letters joined by one hyphen, neither ordinary nor
/// the first a [`PREFIXES`] word ("Ocasio-Cortez"; not "Saint-Germain", "Free-Fall").
fn is_double_surname(w: &str, is_ordinary: &dyn Fn(&str) -> bool) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let part = |p: &str| {
        let mut cs = p.chars();
        cs.next().is_some_and(char::is_uppercase)
            && p.chars().count() >= 2
            && cs.all(char::is_lowercase)
    };
    // Nor months ("Japan April-May Exports"), titles ("UN Secretary-General") or
    // organization words ("Manchester United-Arsenal").
    let name_part = |p: &str| {
        !is_ordinary(p)
            && crate::extract::date::lang::month_from_word(p).is_none()
            && !super::is_title_word(p)
            && !super::is_org_head_noun(p)
    };
    part(a) && part(b) && !PREFIXES.contains(&a) && name_part(a) && name_part(b)
}

#[cfg(test)]
mod tests {
    use super::super::tests::rewritten;
    use super::*;

    fn after(text: &str, names: &[(EntityKind, &str)]) -> Vec<String> {
        let ordinary = |w: &str| ["Free", "Fall", "Abortion"].contains(&w);
        rewritten(text, names, |v| {
            places_before_double_surnames(text, v, &ordinary)
        })
    }

    #[test]
    fn a_place_before_a_double_surname_is_a_first_name() {
        use EntityKind::{Org, Place};
        let t = "Über: Alexandria Ocasio-Cortez Says No";
        assert_eq!(
            after(t, &[(Place, "Alexandria")]),
            ["Person Alexandria Ocasio-Cortez"]
        );
        // A club, a lower-case part, a prefix, ordinary words, a covered word, an
        // organization, or a place of words.
        for (t, ms) in [
            ("Paris Saint-Germain won", vec![(Place, "Paris")]),
            ("Berlin Anti-war march", vec![(Place, "Berlin")]),
            ("Texas Anti-Abortion Law", vec![(Place, "Texas")]),
            ("Florida Free-Fall Ends", vec![(Place, "Florida")]),
            ("Japan April-May Exports", vec![(Place, "Japan")]),
            ("UN Secretary-General spoke", vec![(Place, "UN")]),
            (
                "Lyon Rhone-Alpes region",
                vec![(Place, "Lyon"), (Place, "Rhone-Alpes")],
            ),
            ("Acme Ocasio-Cortez", vec![(Org, "Acme")]),
            ("New York Ocasio-Cortez", vec![(Place, "New York")]),
        ] {
            let want: Vec<String> = ms.iter().map(|(k, n)| format!("{k:?} {n}")).collect();
            assert_eq!(after(t, &ms), want, "{t}");
        }
    }
}
