//! Titles of films, books, songs and shows, which name no person, place or organization:
//! "the film Million Dollar Baby", "comedy Are We There Yet?", "the drama Sideways". The
//! recognizer reads them as whatever their words look like, so BBC entertainment stories gave
//! the organizations "Aviator" (28 articles) and "Million Dollar Baby" (25) and the person
//! "Finding Neverland". A mention right after a noun for a work is a title, and so is every
//! other mention of the same words in the article (one sense per discourse, Gale, Church &
//! Yarowsky 1992).

use crate::article::{EntityKind, Mention};

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

/// Verbs before a quotation, whose first word is capitalized as a sentence's.
const SPEECH_VERBS: &[&str] = &[
    "added", "asked", "said", "saying", "says", "stated", "told", "tweeted", "wrote",
];

/// Weekdays, capitalized wherever they stand (months: `date::lang::month_from_word`).
pub(crate) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word`, right before a person's name and after the word `previous` (a lower-case
/// word: not a Title Case headline's "Calls Troll An A**hole On Jimmy Kimmel's"), is a function
/// word capitalized in mid-sentence, which only a title does: "on Last Week Tonight" gave the
/// person "Week Tonight" (18 HuffPost records), "watched The Simpsons" the person "Simpsons".
/// Before an opening quote, a capitalized function word or a possessive will do: `The "Last
/// Week Tonight" host`, `HBO's "Last Week Tonight"` (15 more HuffPost records), but not a sentence's end or a comma (`certainty." "If
/// Paul Giamatti`, `observed, "With Fightstar`).
/// Months and weekdays are capitalized anyway ("on Monday John Smith said").
fn opens_a_title(word: &str, previous: &str, quoted: bool) -> bool {
    let mid_sentence = previous.chars().all(char::is_lowercase)
        || (quoted
            && (crate::extract::ner::is_capitalized_function_word(previous)
                || previous.ends_with("'s")
                || previous.ends_with("’s")));
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !previous.is_empty()
        && mid_sentence
        && crate::extract::ner::is_capitalized_function_word(word)
        && !WEEKDAYS.contains(&word)
        && crate::extract::date::lang::month_from_word(word).is_none()
}

/// Words before a place that make its mention the place, not the work named after it ("the
/// film Selma … marched from Selma"). Not "in": "her role in Million Dollar Baby".
const LOCATIVES: &[&str] = &["at", "from", "near", "outside", "to"];

/// Drops from `mentions` (char offsets into `text`, in text order) each mention that follows
/// one of the [`WORK_NOUNS`] across one space (or a space and an opening quote), unless a
/// [`VERB_MARKERS`] word makes the noun a verb, each person that follows a function word
/// capitalized in mid-sentence ([`opens_a_title`]), and every other mention with the same text,
/// but places after one of the [`LOCATIVES`] and those that end a longer person's name in the
/// article (the film Nixon, and the president the article names Richard Nixon and then
/// Nixon). A work named like its subject still takes the subject's other mentions along
/// ("the album Madonna … Madonna toured").
pub fn drop_titles_of_works(text: &str, mentions: &mut Vec<Mention>) {
    let mut bytes_at = crate::extract::CharToByte::new(text);
    // Per mention: the word before it (across spaces and an opening quote), and whether the
    // mention is a title.
    let mut before_words: Vec<&str> = Vec::with_capacity(mentions.len());
    let mut title_at: Vec<bool> = Vec::with_capacity(mentions.len());
    let mut titles: Vec<String> = Vec::new();
    for m in mentions.iter() {
        let start = bytes_at.byte(m.start);
        let before = text[..start].trim_end_matches(['"', '\'', '“', '‘']);
        let spaced = before.ends_with(' ');
        let mut words = before.trim_end().rsplit(|c: char| !c.is_alphabetic());
        let word = words.next().unwrap_or("");
        let previous = words.next().unwrap_or("");
        let verb = VERB_MARKERS.contains(&previous);
        // The whole word before `word`, as spaces delimit it ("A**hole", not "hole"), with
        // nothing but spaces or an opening quote between them: a title in quotes (`on "Last
        // Week Tonight"`), but not a quotation's first word (`said "If`).
        let mut tokens = before.trim_end().rsplit(char::is_whitespace);
        let (previous_token, quoted) = match tokens.next() {
            Some(w) if w.trim_start_matches(['"', '“', '\'', '‘']) == word => {
                let p = tokens.next().unwrap_or("");
                let quoted = w != word;
                if quoted && SPEECH_VERBS.contains(&p) {
                    ("", false)
                } else {
                    (p, quoted)
                }
            }
            _ => ("", false),
        };
        let title = spaced
            && ((WORK_NOUNS.contains(&word) && !verb)
                || (m.kind == EntityKind::Person && opens_a_title(word, previous_token, quoted)));
        if title && !titles.contains(&m.text) {
            titles.push(m.text.clone());
        }
        before_words.push(word);
        title_at.push(title);
    }
    if titles.is_empty() {
        return;
    }
    // Titles that end a longer person's name the article mentions ("Richard Nixon").
    let ends_a_name = |t: &str| {
        mentions.iter().any(|m| {
            m.kind == EntityKind::Person
                && m.text.len() > t.len()
                && m.text.ends_with(t)
                && m.text[..m.text.len() - t.len()].ends_with(' ')
        })
    };
    titles.retain(|t| !ends_a_name(t));
    let mut i = 0;
    mentions.retain(|m| {
        let (word, is_title) = (before_words[i], title_at[i]);
        i += 1;
        let place = m.kind == EntityKind::Place && LOCATIVES.contains(&word);
        !is_title && (place || !titles.contains(&m.text))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(kind: EntityKind, name: &str, text: &str, nth: usize) -> Mention {
        super::super::tests::m(text, kind, name, nth)
    }

    /// The mentions `(kind, name, nth occurrence)` of `text` that [`drop_titles_of_works`]
    /// keeps, as (name, start char).
    fn kept(text: &str, ms: &[(EntityKind, &str, usize)]) -> Vec<(String, usize)> {
        let mut v: Vec<Mention> = ms.iter().map(|&(k, n, i)| mention(k, n, text, i)).collect();
        drop_titles_of_works(text, &mut v);
        v.into_iter().map(|m| (m.text, m.start)).collect()
    }

    fn names(kept: Vec<(String, usize)>) -> Vec<String> {
        kept.into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn titles_after_work_nouns_and_their_other_mentions() {
        let t = "Clint Eastwood's film Million Dollar Baby beat the comedy \"Sideways\". \
                 Million Dollar Baby won four awards. Film star Hilary Swank thanked Eastwood, who will film Madonna next.";
        let got = kept(
            t,
            &[
                (EntityKind::Person, "Clint Eastwood", 0),
                (EntityKind::Org, "Million Dollar Baby", 0),
                (EntityKind::Org, "Sideways", 0),
                (EntityKind::Org, "Million Dollar Baby", 1),
                (EntityKind::Person, "Hilary Swank", 0),
                (EntityKind::Person, "Eastwood", 1),
                (EntityKind::Person, "Madonna", 0),
            ],
        );
        assert_eq!(
            names(got),
            ["Clint Eastwood", "Hilary Swank", "Eastwood", "Madonna"]
        );
    }

    #[test]
    fn a_function_word_capitalized_in_mid_sentence_opens_a_title() {
        let t = "Oliver joked on Last Week Tonight. On Monday John Smith said Week Tonight was \
                 back, and in The Times Ada Lee wrote. Singer Calls Troll An A**hole On Jo Kim. \
                 He said \"If Bo Day is serious\" and said (The Al Roe). She joked on \"Last \
                 Ed Lo\". The \"Last Di Fu\" host, HBO's \"The Ka Wu\". Bad. \"If Al Bo\" was it, \"With Li Po\".";
        let got = kept(
            t,
            &[
                (EntityKind::Person, "Week Tonight", 0),
                (EntityKind::Person, "John Smith", 0),
                (EntityKind::Person, "Week Tonight", 1),
                (EntityKind::Org, "Times", 0),
                (EntityKind::Person, "Ada Lee", 0),
                (EntityKind::Person, "Jo Kim", 0),
                (EntityKind::Person, "Bo Day", 0),
                (EntityKind::Person, "Al Roe", 0),
                (EntityKind::Person, "Ed Lo", 0),
                (EntityKind::Person, "Di Fu", 0),
                (EntityKind::Person, "Ka Wu", 0),
                (EntityKind::Person, "Al Bo", 0),
                (EntityKind::Person, "Li Po", 0),
            ],
        );
        assert_eq!(
            names(got),
            [
                "John Smith",
                "Times",
                "Ada Lee",
                "Jo Kim",
                "Bo Day",
                "Al Roe",
                "Al Bo",
                "Li Po"
            ]
        );
    }

    #[test]
    fn places_and_people_named_like_a_work_stay() {
        let t = "The film Marlow follows the march from Marlow to Dunmore. The film Varga \
                 tells how Ilse Varga won; Varga thanked them.";
        let got = kept(
            t,
            &[
                (EntityKind::Place, "Marlow", 0),
                (EntityKind::Place, "Marlow", 1),
                (EntityKind::Place, "Dunmore", 0),
                (EntityKind::Person, "Varga", 0),
                (EntityKind::Person, "Ilse Varga", 0),
                (EntityKind::Person, "Varga", 2),
            ],
        );
        let at = |s: &str, n: usize| (s.to_string(), mention(EntityKind::Place, s, t, n).start);
        assert_eq!(
            got,
            [
                at("Marlow", 1),
                at("Dunmore", 0),
                at("Ilse Varga", 0),
                at("Varga", 2)
            ]
        );
    }
}
