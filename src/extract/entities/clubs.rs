//! Sports clubs named like people or towns: "Chelsea have won", "Liverpool are still in
//! negotiations", "the Everton captain".
//!
//! The recognizer types a club by its name's other senses: "Chelsea" was a person in 58 BBC
//! articles and "Liverpool" a place in 37, never an organization. British sports copy gives a
//! club away by grammar: a plural verb after one proper name ("Chelsea have", as no person
//! "have") in a match report, unless the name is one of a list or follows a preposition
//! ("prices in New York were"), or a squad word after it ("Chelsea striker", "the Liverpool
//! fans").
//! [`club_names`] finds such names; `normalize` makes them organizations in all its mentions in the article (one
//! sense per discourse, Gale, Church & Yarowsky 1992).

use crate::article::{EntityKind, Mention};
use crate::extract::CharToByte;

/// Verbs in the plural that follow a club's name ("Chelsea have", "Liverpool are").
const PLURAL_VERBS: &[&str] = &["are", "have", "were"];

/// Nouns of a team's people and parts that a club's name modifies ("Chelsea striker"); not
/// those a company shares ("Olivetti boss", "Santa Fe chairman", "the Neti team").
const SQUAD_WORDS: &[&str] = &[
    "captain",
    "coach",
    "defender",
    "fans",
    "goalkeeper",
    "keeper",
    "manager",
    "midfielder",
    "squad",
    "striker",
    "supporters",
    "winger",
];

/// Words of match reports; a plural verb after a name counts only in a text with three of
/// them: elsewhere "if Olivetti were approached" or "talks with the late Shah have made
/// progress" put a plural verb after a person or a company.
const SPORT_WORDS: &[&str] = &[
    "club",
    "coach",
    "cup",
    "defeat",
    "draw",
    "fixture",
    "football",
    "goal",
    "goals",
    "goalkeeper",
    "league",
    "match",
    "midfielder",
    "penalty",
    "premiership",
    "referee",
    "scored",
    "season",
    "stadium",
    "striker",
    "title",
    "tournament",
    "transfer",
];

/// Squad words a company shares, which count only in a match report ("Chelsea boss", "the
/// Liverpool side").
const SPORT_SQUAD_WORDS: &[&str] = &["boss", "chairman", "player", "players", "side", "team"];

/// Clubs named like people, which a match report names a club with no grammar to show it
/// ("they face Chelsea in Sunday's final", "the top three of Chelsea, Manchester United and
/// Arsenal"): "Chelsea" was a person in 33 BBC sport articles.
const CLUBS_NAMED_LIKE_PEOPLE: &[&str] = &["Chelsea", "Everton", "Fulham", "Charlton", "Wigan"];

/// The names in `mentions` (char offsets into `text`) that some mention shows to be a club
/// (see the module docs): one-word names typed as people, and names typed as places or
/// organizations that `is_city` accepts (a country before "are" is its national team, and
/// stays a place). `normalize` makes all their mentions organizations, also over its rule that
/// an organization named like a well-known city is the city ("Lisbon stocks rise").
pub(super) fn club_names(
    text: &str,
    mentions: &[&Mention],
    is_city: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut bytes_at = CharToByte::new(text);
    let mut clubs: Vec<String> = Vec::new();
    let sport = || {
        let mut seen = 0u32;
        for w in text.split(|c: char| !c.is_alphabetic()) {
            if let Some(i) = SPORT_WORDS.iter().position(|s| s.eq_ignore_ascii_case(w)) {
                seen |= 1 << i;
            }
        }
        seen.count_ones() >= 3
    };
    let mut sport_text: Option<bool> = None;
    for m in mentions {
        let candidate = match m.kind {
            EntityKind::Person => !m.text.contains(char::is_whitespace),
            EntityKind::Place | EntityKind::Org => true,
            EntityKind::Misc => false,
        };
        if !candidate || clubs.contains(&m.text) {
            continue;
        }
        // Not when the article names a person so ("Chelsea Clinton", then "Chelsea").
        let full_name_elsewhere = || {
            mentions.iter().any(|o| {
                o.kind == EntityKind::Person
                    && o.text.len() > m.text.len()
                    && o.text.starts_with(m.text.as_str())
                    && o.text[m.text.len()..].starts_with(' ')
            })
        };
        if m.kind == EntityKind::Person
            && CLUBS_NAMED_LIKE_PEOPLE.contains(&m.text.as_str())
            && *sport_text.get_or_insert_with(sport)
            && !full_name_elsewhere()
        {
            clubs.push(m.text.clone());
            continue;
        }
        let after = &text[bytes_at.byte(m.end)..];
        let Some(next) = after
            .strip_prefix(' ')
            .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
        else {
            continue;
        };
        let plural = PLURAL_VERBS.contains(&next)
            && !subject_elsewhere(&text[..bytes_at.byte(m.start)])
            && *sport_text.get_or_insert_with(sport);
        let squad = SQUAD_WORDS.contains(&next)
            || (SPORT_SQUAD_WORDS.contains(&next) && *sport_text.get_or_insert_with(sport));
        if (plural || squad) && (m.kind == EntityKind::Person || is_city(&m.text)) {
            clubs.push(m.text.clone());
        }
    }
    clubs
}

/// Whether the words before a name followed by a plural verb make the name only part of the
/// subject: one of a list ("Reagan and Mulroney were", "Sao Paulo, Rio are") or the object of a
/// preposition ("prices in New York were").
fn subject_elsewhere(before: &str) -> bool {
    const JOINS: &[&str] = &[
        "and",
        "or",
        "&",
        "in",
        "at",
        "from",
        "to",
        "of",
        "for",
        "on",
        "near",
        "by",
        "with",
        "across",
        "around",
        "outside",
        "inside",
        "within",
        "throughout",
        "between",
        "than",
        "if",
    ];
    let before = before.trim_end();
    before.ends_with(',')
        || before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| JOINS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, ms: &[(EntityKind, &str)]) -> Vec<EntityKind> {
        let mut mentions: Vec<Mention> = Vec::new();
        let mut from = 0;
        for &(kind, t) in ms {
            // The next occurrence after the previous mention ("Chelsea" after "Chelsea Clinton").
            let mention = super::super::tests::m(text, kind, t, text[..from].matches(t).count());
            from = mention.end;
            mentions.push(mention);
        }
        let is_city = |n: &str| matches!(n, "Liverpool" | "Newcastle");
        let refs: Vec<&Mention> = mentions.iter().collect();
        let clubs = club_names(text, &refs, &is_city);
        mentions
            .iter()
            .map(|m| {
                if clubs.contains(&m.text) {
                    EntityKind::Org
                } else {
                    m.kind
                }
            })
            .collect()
    }

    #[test]
    fn a_plural_verb_or_a_squad_word_shows_a_club() {
        use EntityKind::{Org, Person, Place};
        let t = "Chelsea have won the match by a goal. Mourinho praised Chelsea. Liverpool are second in \
                 the league in Liverpool.";
        let ms = [
            (Person, "Chelsea"),
            (Person, "Mourinho"),
            (Person, "Chelsea"),
            (Place, "Liverpool"),
            (Place, "Liverpool"),
        ];
        assert_eq!(kinds(t, &ms), [Org, Person, Org, Org, Org]);
        // A club named like a person, in a match report, with no grammar to show it.
        let t = "United face Chelsea in the cup final; the league title and a goal decide it.";
        assert_eq!(kinds(t, &[(Person, "Chelsea")]), [Org]);
        let t = "Chelsea said she would vote.";
        assert_eq!(kinds(t, &[(Person, "Chelsea")]), [Person]);
        let t = "The Newcastle striker left.";
        assert_eq!(kinds(t, &[(Place, "Newcastle")]), [Org]);
    }

    #[test]
    fn people_countries_and_other_verbs_stay() {
        use EntityKind::{Person, Place};
        // A country's team is still read as the country; a person "has".
        let t = "England are out of the cup after a goal in the match. Chelsea Clinton has left. \
                 Chelsea said.";
        let ms = [
            (Place, "England"),
            (Person, "Chelsea Clinton"),
            (Person, "Chelsea"),
        ];
        assert_eq!(kinds(t, &ms), [Place, Person, Person]);
        // Lists and prepositions: the verb's subject is more than the name.
        let t = "Reagan and Mulroney were there. Prices in Liverpool are up. Hull, Leeds are \
                 in the league title match";
        let ms = [
            (Person, "Reagan"),
            (Person, "Mulroney"),
            (Place, "Liverpool"),
            (Person, "Hull"),
            (Person, "Leeds"),
        ];
        assert_eq!(kinds(t, &ms), [Person, Person, Place, Person, Person]);
        // Outside match reports a plural verb says nothing; a company's chairman neither.
        let t = "If Olivetti were approached, Santa Fe chairman John Schmidt said.";
        let ms = [(Person, "Olivetti"), (Place, "Santa Fe")];
        assert_eq!(kinds(t, &ms), [Person, Place]);
        let t = "Paris said. Madonna, who are";
        assert_eq!(
            kinds(t, &[(Person, "Paris"), (Person, "Madonna")]),
            [Person, Person]
        );
    }
}
