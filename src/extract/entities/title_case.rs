//! Names made of ordinary words in a Title Case headline: "More Americans [Than Ever
//! Support]PER Same-Sex Marriage", "[Deadly Earthquake Rocks]PER Indonesia's Lombok Island".
//!
//! A headline that capitalizes every word takes away the case that marks names, and the
//! recognizer, trained on running text, reads runs of capitalized ordinary words as people or
//! organizations (an audit of HuffPost records: 48 of 50 sampled Title Case headline spans of
//! this kind were wrong). ALL CAPS wire headlines have the same rule in
//! `extract::drop_caps_common_names`.

use crate::article::{EntityKind, Mention};

/// Fewest words with letters that make a title a Title Case headline.
const MIN_TITLE_WORDS: usize = 4;

/// Drops person and organization mentions of two words or more that lie in the title (the
/// first `title_chars` chars of `text`, char offsets as the recognizer gives them) when the
/// title is in Title Case (at least [`MIN_TITLE_WORDS`] words, each capitalized, some lower
/// case letters), every word of the mention is ordinary (`is_ordinary`: usually written in
/// lower case), no organization head noun or legal form ends it ("Supreme Court"), and the
/// body does not write it the same way ("Best Buy" named again below the headline).
pub fn drop_ordinary_title_names(
    text: &str,
    title_chars: usize,
    mentions: &mut Vec<Mention>,
    is_ordinary: &dyn Fn(&str) -> bool,
) {
    let title_end = text
        .char_indices()
        .nth(title_chars)
        .map_or(text.len(), |(b, _)| b);
    let (title, body) = text.split_at(title_end);
    if !is_title_case(title) {
        return;
    }
    mentions.retain(|m| {
        let candidate = matches!(m.kind, EntityKind::Person | EntityKind::Org)
            && m.end <= title_chars
            && m.text.contains(' ');
        if !candidate {
            return true;
        }
        let mut words = m
            .text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty());
        let ordinary = words.all(|w| {
            let w = w.strip_suffix("'s").unwrap_or(w);
            w.starts_with(char::is_alphabetic) && is_ordinary(w)
        });
        !ordinary
            || (m.kind == EntityKind::Org && super::ends_in_org_word(&m.text))
            || body.contains(m.text.as_str())
    });
}

/// Whether `title` capitalizes each of its [`MIN_TITLE_WORDS`] or more words and is not in
/// capitals throughout.
fn is_title_case(title: &str) -> bool {
    let words: Vec<&str> = title
        .split_whitespace()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    words.len() >= MIN_TITLE_WORDS
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && title.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    const ORDINARY: &[&str] = &[
        "than",
        "ever",
        "support",
        "deadly",
        "earthquake",
        "rocks",
        "best",
        "buy",
        "supreme",
        "court",
        "sale",
    ];

    fn kept(text: &str, title_chars: usize, names: &[(EntityKind, &str)]) -> Vec<String> {
        let mut v: Vec<Mention> = names.iter().map(|&(k, n)| m(text, k, n, 0)).collect();
        drop_ordinary_title_names(text, title_chars, &mut v, &|w| {
            ORDINARY.contains(&w.to_lowercase().as_str())
        });
        v.into_iter().map(|x| x.text).collect()
    }

    #[test]
    fn ordinary_words_in_a_title_case_headline_name_nobody() {
        use EntityKind::{Org, Person, Place};
        let title = "More Voters Than Ever Support Deadly Earthquake Rocks Lombok";
        let text = format!("{title}\n\nThe survey found support rising.");
        let n = title.chars().count();
        let got = kept(
            &text,
            n,
            &[
                (Person, "Than Ever Support"),
                (Person, "Deadly Earthquake Rocks"),
                (Place, "Lombok"),
            ],
        );
        assert_eq!(got, ["Lombok"]);
        // Kept: an organization word at the end, a name written so in the body, a word that
        // is not ordinary, one word only, and any mention outside the title.
        let title = "Supreme Court Backs Best Buy Over Ana Varga Sale";
        let text = format!("{title}\n\nBest Buy said the Supreme Court ruled. Deadly Earthquake");
        let n = title.chars().count();
        let names = [
            (Org, "Supreme Court"),
            (Org, "Best Buy"),
            (Person, "Ana Varga Sale"),
            (Org, "Sale"),
            (Person, "Deadly Earthquake"),
        ];
        assert_eq!(kept(&text, n, &names).len(), 5);
        // Not Title Case: a lower-case word, or too few words.
        for title in ["Than Ever Support for the plan", "Than Ever Support"] {
            let text = format!("{title}\n\nBody.");
            let n = title.chars().count();
            assert_eq!(kept(&text, n, &[(Person, "Than Ever Support")]).len(), 1);
        }
    }
}
