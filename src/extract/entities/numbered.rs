//! Broadcasters and series whose names end in a number: "BBC Radio 4", "Channel 4", "Formula 1".
//!
//! The recognizer learned from CoNLL-2003 that a number is never part of a name, so it stops
//! before it: "BBC Radio 4's Today programme" gave the organization "BBC Radio" in 69 BBC
//! articles (an audit of the entity dump), and "Channel 4" the organization (or the place)
//! "Channel". [`names_with_numbers`] takes the number back into the name, and
//! [`unmarked_numbered_names`] adds the names the recognizer did not mark at all.

use crate::article::{EntityKind, Mention};

/// Last words of names that go on with a number.
const NUMBERED_HEADS: &[&str] = &["Channel", "Formula", "Radio"];

/// Extends each mention (char offsets into `text`, in text order) whose last word is one of
/// the [`NUMBERED_HEADS`] over one space and a number of one or two digits that ends a word
/// ("BBC Radio 4's", "Channel 4."; not "Radio 1980s", "Channel 4.5"), making it an
/// organization. Mentions are left alone when the number is part of the next mention.
pub fn names_with_numbers(text: &str, mentions: &mut [Mention]) {
    if !text.as_bytes().iter().any(u8::is_ascii_digit) {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    for k in 0..mentions.len() {
        let last = mentions[k].text.rsplit(' ').next().unwrap_or("");
        if !NUMBERED_HEADS.iter().any(|h| h.eq_ignore_ascii_case(last)) {
            continue;
        }
        let end = bytes_at.byte(mentions[k].end);
        let Some(rest) = text[end..].strip_prefix(' ') else {
            continue;
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = rest[digits..].chars().next();
        let decimal =
            after == Some('.') && rest[digits + 1..].starts_with(|c: char| c.is_ascii_digit());
        if !(1..=2).contains(&digits) || after.is_some_and(char::is_alphanumeric) || decimal {
            continue;
        }
        let new_end = mentions[k].end + 1 + digits;
        if mentions.get(k + 1).is_some_and(|n| n.start < new_end) {
            continue;
        }
        let m = &mut mentions[k];
        m.text.push(' ');
        m.text.push_str(&rest[..digits]);
        m.end = new_end;
        m.kind = EntityKind::Org;
    }
}

/// Adds an organization mention for each "Channel 4" or "Radio 4" (a capitalized
/// [`NUMBERED_HEADS`] word, one space and a number of one or two digits that ends a word) that
/// no mention touches: the recognizer often marks nothing there at all ("the Channel 4 show":
/// 11 of the 20 BBC articles naming Channel 4 listed no such organization; a retest), or a
/// MISC mention of exactly that name becomes one.
/// `mentions` are sorted by start, char offsets into `text`, and stay so.
pub fn unmarked_numbered_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut added: Vec<Mention> = Vec::new();
    for word in NUMBERED_HEADS {
        // Nearly every text has none: one search says so before any other work.
        if !text.contains(word) {
            continue;
        }
        // Chars before byte `b`, counted on from the last match: one pass per head, so a text
        // of 100,000 "Channel 4"s costs linear time.
        let (mut seen_bytes, mut seen_chars) = (0, 0);
        for (b, _) in text.match_indices(word) {
            let Some(rest) = text[b + word.len()..].strip_prefix(' ') else {
                continue;
            };
            let word_start = !text[..b].ends_with(char::is_alphanumeric);
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after = rest[digits..].chars().next();
            let decimal =
                after == Some('.') && rest[digits + 1..].starts_with(|c: char| c.is_ascii_digit());
            if !word_start
                || !(1..=2).contains(&digits)
                || after.is_some_and(char::is_alphanumeric)
                || decimal
            {
                continue;
            }
            let name = &text[b..b + word.len() + 1 + digits];
            seen_chars += text[seen_bytes..b].chars().count();
            seen_bytes = b;
            let (start, end) = (seen_chars, seen_chars + name.len());
            // Mentions are sorted and disjoint: only the ones around `start` can touch it.
            let at = mentions.partition_point(|m| m.end <= start);
            if let Some(m) = mentions.get_mut(at).filter(|m| m.start < end) {
                // The recognizer's MISC reading ("[Channel 4]MISC show") is this name too.
                if m.kind == EntityKind::Misc && (m.start, m.end) == (start, end) {
                    m.kind = EntityKind::Org;
                }
                continue;
            }
            added.push(Mention {
                kind: EntityKind::Org,
                start,
                end,
                text: name.to_string(),
            });
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    fn after(text: &str, names: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        let mut v: Vec<Mention> = names.iter().map(|&(k, n)| m(text, k, n, 0)).collect();
        names_with_numbers(text, &mut v);
        for x in &v {
            let got: String = text.chars().skip(x.start).take(x.end - x.start).collect();
            assert_eq!(got, x.text);
        }
        v.into_iter().map(|x| (x.kind, x.text)).collect()
    }

    #[test]
    fn unmarked_numbered_names_are_organizations() {
        use EntityKind::{Misc, Place};
        let t = "On the Channel 4 show and Radio 1, not Radio 1980s, the Channel 4.5 m or \
                 ChannelRadio 4; in [Channel 5] and Paris.";
        let mut v = vec![
            super::super::tests::m(t, Misc, "Channel 5", 0),
            super::super::tests::m(t, Place, "Paris", 0),
        ];
        unmarked_numbered_names(t, &mut v);
        let got: Vec<(usize, &str)> = v.iter().map(|x| (x.start, x.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (7, "Channel 4"),
                (26, "Radio 1"),
                (93, "Channel 5"),
                (108, "Paris")
            ]
        );
        assert!(v.iter().all(|x| x.kind != Misc));
        for x in &v {
            let at: String = t.chars().skip(x.start).take(x.end - x.start).collect();
            assert_eq!(at, x.text);
        }
    }

    #[test]
    fn the_number_is_part_of_the_name() {
        use EntityKind::{Org, Place};
        let t = "Told BBC Radio 4's Today programme, and Channel 4. Über Formula 1 fans";
        assert_eq!(
            after(
                t,
                &[(Org, "BBC Radio"), (Place, "Channel"), (Org, "Formula")]
            ),
            [
                (Org, "BBC Radio 4".to_string()),
                (Org, "Channel 4".to_string()),
                (Org, "Formula 1".to_string())
            ]
        );
        // Not a decade, a decimal or three digits, nor after other words.
        let t = "Radio 1980s; Channel 4.5 m; Formula 100; Times 4";
        for (k, n) in [
            (Org, "Radio"),
            (Org, "Channel"),
            (Org, "Formula"),
            (Place, "Times"),
        ] {
            assert_eq!(after(t, &[(k, n)]), [(k, n.to_string())]);
        }
    }
}
