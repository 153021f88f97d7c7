//! Names of bodies that go on with "on" or "for": "General Agreement on Tariffs and Trade",
//! "Economic Commission for Africa", "Office for National Statistics".
//!
//! CoNLL-2003 has few such names, so the recognizer stops before the lower-case word: Reuters
//! gave the organization "General Agreement" in 52 articles (its acronym GATT could then join
//! nothing), "National Commission", "House Agriculture Subcommittee", and the rest of the name
//! became a place ("Africa") or nothing. [`names_of_organs`] takes the rest back.

use crate::article::{EntityKind, Mention};

/// Whether `word` ends names that may go on with "on" or "for" and capitalized words. A
/// `match`, not a list search: this runs on every organization mention.
fn is_organ_head(word: &str) -> bool {
    matches!(
        word,
        "Agency"
            | "Agreement"
            | "Association"
            | "Centre"
            | "Center"
            | "Commission"
            | "Committee"
            | "Conference"
            | "Council"
            | "Court"
            | "Department"
            | "Force"
            | "Foundation"
            | "Group"
            | "Institute"
            | "Ministry"
            | "Office"
            | "Organisation"
            | "Organization"
            | "Subcommittee"
    )
}

/// Whether capitalized `word` ends the name instead: a weekday or month of the news ("the
/// Commerce Department on Monday", "the SEC on March 3"), or a legal form, which ends a
/// company's name, not a body's ("the Committee on Company Law Reform" would lose its end to
/// one in normalization).
fn ends_name(word: &str) -> bool {
    super::works::WEEKDAYS.contains(&word)
        || crate::extract::date::lang::month_from_word(word).is_some()
        || super::org::is_legal_form(word)
        || matches!(word, "Today" | "Tomorrow" | "Yesterday")
}

/// Extends each organization mention (char offsets into `text`, sorted by start) whose last
/// word is an organ's head ([`is_organ_head`]) over " on " or " for " and the capitalized words after
/// it, which "and" or "of" may join ("on Tariffs and Trade"; one line break allowed between
/// words, as wire copy wraps): not over a date word or legal form, a lower-case word or
/// punctuation.
/// Other mentions inside the taken words ("Africa", or "Trade" of "Tariffs and Trade") are
/// dropped; a person's name of two words or more, or a mention that starts inside them and
/// ends after them, ends the name before it.
pub fn names_of_organs(text: &str, mentions: &mut Vec<Mention>) {
    let organ = |m: &Mention| {
        m.kind == EntityKind::Org && is_organ_head(m.text.rsplit([' ', '\n']).next().unwrap_or(""))
    };
    // Most articles name no such body: a look at their mentions says so before the text is read.
    if !mentions.iter().any(organ) {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        if !organ(m) {
            k += 1;
            continue;
        }
        let from = bytes_at.byte(m.end);
        let Some(taken) = continuation(&text[from..]) else {
            k += 1;
            continue;
        };
        let mut new_end = m.end + taken.chars().count();
        // A later mention that reaches past the taken words, or a full person's name inside
        // them, ends them (a one-word "person" there is the recognizer's slip: "Tariffs and
        // Trade" gave the person "Trade").
        if let Some(n) = mentions[k + 1..].iter().find(|n| {
            let full_name = n.kind == EntityKind::Person && n.text.contains([' ', '\n']);
            n.start < new_end && (n.end > new_end || full_name)
        }) {
            let keep = n.start.saturating_sub(m.end);
            let cut: String = taken.chars().take(keep).collect();
            match continuation(&cut) {
                Some(t) => new_end = m.end + t.chars().count(),
                None => {
                    k += 1;
                    continue;
                }
            }
        }
        let end = m.end;
        let added: String = text[from..].chars().take(new_end - end).collect();
        let m = &mut mentions[k];
        m.text.push_str(&added);
        m.end = new_end;
        let mut j = k + 1;
        while j < mentions.len() {
            if mentions[j].start >= end && mentions[j].end <= new_end {
                mentions.remove(j);
            } else {
                j += 1;
            }
        }
        k += 1;
    }
}

/// The longest prefix of `rest` (the text right after a name) that is " on " or " for " and
/// capitalized words joined by spaces, "and" or "of", or `None`.
fn continuation(rest: &str) -> Option<&str> {
    let word = rest
        .strip_prefix(" on")
        .or_else(|| rest.strip_prefix(" for"))?;
    let after = gap(word)?;
    let mut at = rest.len() - after.len();
    let mut end = None;
    loop {
        let word_len = rest[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .unwrap_or(rest.len() - at);
        let word = &rest[at..at + word_len];
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && !ends_name(word.trim_end_matches("'s"));
        let joiner = matches!(word, "and" | "of") && end.is_some();
        if word.ends_with("'s") || !(capital || joiner) {
            break;
        }
        if capital {
            end = Some(at + word_len);
        }
        at += word_len;
        match gap(&rest[at..]) {
            Some(r) => at = rest.len() - r.len(),
            None => break,
        }
    }
    end.map(|e| &rest[..e])
}

/// `s` after one space, or one line break and the next line's indentation, if a word follows.
fn gap(s: &str) -> Option<&str> {
    s.strip_prefix(' ')
        .or_else(|| s.strip_prefix('\n').map(|r| r.trim_start_matches(' ')))
        .filter(|r| r.starts_with(|c: char| !c.is_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str, name: &str) -> Mention {
        let start = text[..text.find(name).unwrap()].chars().count();
        Mention {
            kind: EntityKind::Org,
            start,
            end: start + name.chars().count(),
            text: name.into(),
        }
    }

    fn names(text: &str, mut mentions: Vec<Mention>) -> Vec<String> {
        names_of_organs(text, &mut mentions);
        mentions.into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn bodies_named_with_on_or_for_are_whole() {
        // The recognizer's "Trade" alone joins the name, as an organization or a person.
        let t = "Talks under the General Agreement on Tariffs and Trade\n(GATT) resumed.";
        let mut trade = org(t, "Trade");
        assert_eq!(
            names(t, vec![org(t, "General Agreement"), trade.clone()]),
            ["General Agreement on Tariffs and Trade"]
        );
        trade.kind = EntityKind::Person;
        assert_eq!(
            names(t, vec![org(t, "General Agreement"), trade]),
            ["General Agreement on Tariffs and Trade"]
        );
        // Wire copy wraps lines; a place inside the name is part of it.
        let t = "the Economic Commission for\n    Africa said.";
        let mut africa = org(t, "Africa");
        africa.kind = EntityKind::Place;
        assert_eq!(
            names(t, vec![org(t, "Economic Commission"), africa]),
            ["Economic Commission for\n    Africa"]
        );
        let t = "figures from the Office for National Statistics show";
        assert_eq!(
            names(t, vec![org(t, "Office")]),
            ["Office for National Statistics"]
        );
    }

    #[test]
    fn days_lower_case_words_and_other_names_end_it() {
        for t in [
            "The Commerce Department on Monday said",
            "the SEC Commission on March 3",
            "the Trade Commission on imports",
            "the Trade Commission for its part",
            "the Trade Commission on Reagan's plan",
        ] {
            let name = if t.contains("SEC") {
                "SEC Commission"
            } else if t.contains("Commerce") {
                "Commerce Department"
            } else {
                "Trade Commission"
            };
            assert_eq!(names(t, vec![org(t, name)]), [name], "{t}");
        }
        // Only organizations, and a name stops before a person's or one that runs on.
        let t = "the Trade Commission on Tariffs Joe Smith";
        let mut person = org(t, "Joe Smith");
        person.kind = EntityKind::Person;
        let got = names(t, vec![org(t, "Trade Commission"), person.clone()]);
        assert_eq!(got, ["Trade Commission on Tariffs", "Joe Smith"]);
        let t = "the Trade Commission on Tariffs Bank Holdings Ltd";
        let firm = org(t, "Bank Holdings Ltd");
        let got = names(t, vec![org(t, "Trade Commission"), firm]);
        assert_eq!(got, ["Trade Commission on Tariffs", "Bank Holdings Ltd"]);
        let mut not_org = org(t, "Trade Commission");
        not_org.kind = EntityKind::Person;
        assert_eq!(names(t, vec![not_org]), ["Trade Commission"]);
        let t = "the Committee on Company Law Reform";
        assert_eq!(names(t, vec![org(t, "Committee")]), ["Committee"]);
    }
}
