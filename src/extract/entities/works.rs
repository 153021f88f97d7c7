//! Titles of films, books, songs and shows, which name no person, place or organization:
//! "the film Million Dollar Baby", "comedy Are We There Yet?", "the drama Sideways". The
//! recognizer reads them as whatever their words look like, so BBC entertainment stories gave
//! the organizations "Aviator" (28 articles) and "Million Dollar Baby" (25) and the person
//! "Finding Neverland". A mention right after a noun for a work is a title, and so is every
//! other mention of the same words in the article (one sense per discourse, Gale, Church &
//! Yarowsky 1992).

use crate::article::Mention;

/// Nouns for a work whose title may follow directly ("the film Ray"). Not "play", "book" or
/// "single", which read as verbs or an adjective before names ("Chelsea will play Arsenal").
const WORK_NOUNS: &[&str] = &[
    "album",
    "biopic",
    "comedy",
    "documentary",
    "drama",
    "film",
    "films",
    "movie",
    "movies",
    "musical",
    "novel",
    "opera",
    "series",
    "sitcom",
    "song",
    "thriller",
];

/// Words before which a work noun is a verb ("to film Madonna", "will film Cruise").
const VERB_MARKERS: &[&str] = &[
    "can", "could", "did", "may", "might", "must", "not", "shall", "should", "to", "will", "would",
];

/// Drops from `mentions` (char offsets into `text`, in text order) each mention that follows
/// one of the [`WORK_NOUNS`] across one space (or a space and an opening quote), unless a
/// [`VERB_MARKERS`] word makes the noun a verb, and every mention with the same text.
pub fn drop_titles_of_works(text: &str, mentions: &mut Vec<Mention>) {
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut titles: Vec<String> = Vec::new();
    for m in mentions.iter() {
        let start = bytes_at.byte(m.start);
        let before = text[..start].trim_end_matches(['"', '\'', '“', '‘']);
        let Some(noun) = before.strip_suffix(' ') else {
            continue;
        };
        let mut words = noun.rsplit(|c: char| !c.is_alphabetic());
        let word = words.next().unwrap_or("");
        let verb = words.next().is_some_and(|w| VERB_MARKERS.contains(&w));
        if WORK_NOUNS.contains(&word) && !verb && !titles.contains(&m.text) {
            titles.push(m.text.clone());
        }
    }
    if !titles.is_empty() {
        mentions.retain(|m| !titles.contains(&m.text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind;

    fn mention(kind: EntityKind, name: &str, text: &str, nth: usize) -> Mention {
        let b = text.match_indices(name).nth(nth).unwrap().0;
        let start = text[..b].chars().count();
        Mention {
            kind,
            start,
            end: start + name.chars().count(),
            text: name.into(),
        }
    }

    #[test]
    fn titles_after_work_nouns_and_their_other_mentions() {
        let t = "Clint Eastwood's film Million Dollar Baby beat the comedy \"Sideways\". \
                 Million Dollar Baby won four awards. Film star Hilary Swank thanked Eastwood, who will film Madonna next.";
        let mut ms = vec![
            mention(EntityKind::Person, "Clint Eastwood", t, 0),
            mention(EntityKind::Org, "Million Dollar Baby", t, 0),
            mention(EntityKind::Org, "Sideways", t, 0),
            mention(EntityKind::Org, "Million Dollar Baby", t, 1),
            mention(EntityKind::Person, "Hilary Swank", t, 0),
            mention(EntityKind::Person, "Eastwood", t, 1),
            mention(EntityKind::Person, "Madonna", t, 0),
        ];
        drop_titles_of_works(t, &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            names,
            ["Clint Eastwood", "Hilary Swank", "Eastwood", "Madonna"]
        );
    }
}
