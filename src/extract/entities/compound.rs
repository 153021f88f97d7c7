//! Places inside hyphenated compounds: "a UK-based consultancy", "the New York-based fund",
//! "the London-born actor", "a Hong Kong-listed firm". The recognizer reads such a compound
//! as one MISC or ORG token or misses it, so the place in it was lost: BBC News writes 121 of
//! them ("UK-based", "US-based", "Edinburgh-based"), none found before.

use crate::article::{EntityKind, Mention};

/// Words after the hyphen that make the part before it a place.
const SUFFIXES: &[&str] = &["-based", "-born", "-headquartered", "-listed"];

/// Most capitalized words a place before the hyphen may have ("Hong Kong", "Rio de Janeiro"
/// has a lower-case word and is not tried whole).
const MAX_WORDS: usize = 3;

/// Adds a PLACE mention for the place before each "-based", "-born", "-headquartered" or
/// "-listed" in `text` that `is_place` knows (the longest run of capitalized words ending at
/// the hyphen, up to [`MAX_WORDS`]), and drops the mentions within the compound, which the new
/// mention replaces. A compound inside a longer person or organization is left alone
/// ("Berlin-based Zalando" stays with the recognizer). Offsets are char offsets; mentions stay
/// in text order.
pub fn places_in_compounds(
    text: &str,
    mentions: &mut Vec<Mention>,
    is_place: &dyn Fn(&str) -> bool,
) {
    // One scan for the hyphen (a memchr search), then the suffix after it.
    let hits: Vec<(usize, usize)> = text
        .match_indices('-')
        .filter_map(|(at, _)| {
            let s = SUFFIXES.iter().find(|s| text[at..].starts_with(*s))?;
            Some((at, at + s.len()))
        })
        .filter(|&(_, end)| !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '-'))
        .collect();
    if hits.is_empty() {
        return;
    }
    // Char offsets counted forward once over all hits: linear in the text.
    let (mut byte, mut chars) = (0, 0);
    let mut char_at = |b: usize| {
        chars += text[byte..b].chars().count();
        byte = b;
        chars
    };
    let before = mentions.len();
    for (hyphen, end) in hits {
        let Some(start) = place_start(text, hyphen, is_place) else {
            continue;
        };
        let (cs, ch) = (char_at(start), char_at(hyphen));
        let ce = ch + (end - hyphen);
        let overlapping = |m: &Mention| m.start < ce && cs < m.end;
        // A name running past the compound is left to the recognizer; one that is only the
        // compound ("Sao Paulo-based" typed ORG) is replaced.
        let longer = |m: &Mention| m.start < cs || m.end > ce;
        if mentions.iter().any(|m| {
            overlapping(m) && longer(m) && matches!(m.kind, EntityKind::Person | EntityKind::Org)
        }) {
            continue;
        }
        mentions.retain(|m| !overlapping(m));
        mentions.push(Mention {
            kind: EntityKind::Place,
            start: cs,
            end: ch,
            text: text[start..hyphen].to_string(),
        });
    }
    if mentions.len() != before || mentions.windows(2).any(|w| w[0].start > w[1].start) {
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// Byte offset where the place ending at `hyphen` starts: the longest run of up to
/// [`MAX_WORDS`] capitalized words that `is_place` knows, joined by spaces or a line break
/// (hard-wrapped wire copy writes "a New\nJersey-based company").
fn place_start(text: &str, hyphen: usize, is_place: &dyn Fn(&str) -> bool) -> Option<usize> {
    let before = &text[..hyphen];
    let mut starts = Vec::with_capacity(MAX_WORDS);
    let mut end = before.len();
    while starts.len() < MAX_WORDS {
        let word_start = before[..end]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..end];
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        starts.push(word_start);
        let gap = before[..word_start].len() - before[..word_start].trim_end().len();
        let gap_text = &before[word_start - gap..word_start];
        if gap == 0 || gap > 8 || gap_text.matches('\n').count() > 1 {
            break;
        }
        end = word_start - gap;
    }
    starts
        .into_iter()
        .rev()
        .find(|&s| is_place(&before[s..].split_whitespace().collect::<Vec<_>>().join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(kind: EntityKind, text: &str, all: &str) -> Mention {
        let b = all.find(text).unwrap();
        let start = all[..b].chars().count();
        Mention {
            kind,
            start,
            end: start + text.chars().count(),
            text: text.into(),
        }
    }

    #[test]
    fn places_before_based_and_born() {
        let known = |n: &str| ["UK", "New York", "York", "London", "Zürich"].contains(&n);
        let t = "The UK-based firm hired a New York-based fund and a Zürich-born analyst, \
                 not a Mars-based one; Berlin-based Zalando and the London-based-ish fund, \
                 a New\n    York-based bank.";
        let mut ms = vec![
            mention(EntityKind::Org, "UK-based", t),
            mention(EntityKind::Misc, "New York-based", t),
            mention(EntityKind::Org, "Berlin-based Zalando", t),
        ];
        places_in_compounds(t, &mut ms, &known);
        let got: Vec<(EntityKind, String, usize, usize)> = ms
            .iter()
            .map(|m| (m.kind, m.text.clone(), m.start, m.end))
            .collect();
        let want = |kind: EntityKind, s: &str| {
            let m = mention(kind, s, t);
            (kind, m.text, m.start, m.end)
        };
        assert_eq!(
            got,
            vec![
                want(EntityKind::Place, "UK"),
                want(EntityKind::Place, "New York"),
                want(EntityKind::Place, "Zürich"),
                want(EntityKind::Org, "Berlin-based Zalando"),
                want(EntityKind::Place, "New\n    York"),
            ]
        );
    }
}
