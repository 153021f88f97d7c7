//! Companies named after their home: "General Motors of Canada Ltd", "Canon of Virginia Inc",
//! "Empire of Carolina Inc".
//!
//! The recognizer reads the place and the legal form after "of" as a company of its own
//! ("General Motors" and "[Canada Ltd]ORG"), so the organization field listed "Canada" or
//! "Virginia" (77 Reuters-21578 mentions of this shape in the entity dump) while the company
//! was cut short or lost. A legal form closes one name: [`join_firms_of_places`] makes the
//! words before "of", the place and the legal form one organization.

use super::firm::{is_written_legal_form, org_over};
use super::text::is_capitalized_name_word;
use crate::article::{EntityKind, Mention};

/// Most capitalized words before "of" that open the company's name when no mention covers
/// them ("Empire", "Ford Motor Co").
const MAX_HEAD_WORDS: usize = 3;

/// Rewrites `mentions` (sorted by start, char offsets into `text`) so that each organization
/// mention of a place (`is_place`: "Canada", "Virginia") and a legal form ("Canada Ltd")
/// right after "of" and a capitalized word becomes one organization with the name before
/// "of": the organization mention ending at that word if there is one ("[General Motors] of
/// [Canada Ltd]"), else up to [`MAX_HEAD_WORDS`] capitalized words that are no ordinary
/// words (`is_ordinary`: "Canon of [Virginia Inc]", not "Shares of [Texas Inc]"). A person
/// before "of" is someone at the company ("David Wyss of Data Resources Inc"), as is a
/// first name or a place; a lower-case word ("a unit of Canada Ltd") leaves the mention
/// alone.
pub fn join_firms_of_places(
    text: &str,
    mentions: &mut Vec<Mention>,
    is_place: &dyn Fn(&str) -> bool,
    is_ordinary: &dyn Fn(&str) -> bool,
) {
    if !text.contains(" of ") {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let shaped = m.kind == EntityKind::Org
            && m.text.rsplit_once(' ').is_some_and(|(place, form)| {
                is_written_legal_form(form)
                    && place.split(' ').all(|w| w.starts_with(char::is_uppercase))
                    && is_place(place)
            });
        if !shaped {
            out.push(m);
            continue;
        }
        let start = bytes_at.byte(m.start);
        let end = bytes_at.byte(m.end);
        let Some(head) = text[..start].strip_suffix(" of ") else {
            out.push(m);
            continue;
        };
        // An organization mention before "of" opens the name; with no mention there, the
        // capitalized words do, unless a mention reaches into them.
        let prev_end = out.last().map(|p| (bytes_at.byte(p.end), p.kind));
        let from = match prev_end {
            Some((e, kind)) if e == head.len() => {
                (kind == EntityKind::Org).then(|| bytes_at.byte(out[out.len() - 1].start))
            }
            Some((e, _)) => head_words_start(head, is_ordinary).filter(|&f| f >= e),
            None => head_words_start(head, is_ordinary),
        };
        let Some(from) = from else {
            out.push(m);
            continue;
        };
        if prev_end.is_some_and(|(e, _)| e == head.len()) {
            out.pop();
        }
        let start_char = m.start - text[from..start].chars().count();
        out.push(org_over(text, start_char, from, end));
    }
    *mentions = out;
}

/// Byte offset where the run of capitalized name words ending `head` starts (at most
/// [`MAX_HEAD_WORDS`], none an ordinary word), or `None`.
fn head_words_start(head: &str, is_ordinary: &dyn Fn(&str) -> bool) -> Option<usize> {
    let mut from = head.len();
    let mut n = 0;
    for w in head.rsplit(' ') {
        let name_word = is_capitalized_name_word(w) || is_written_legal_form(w);
        if n == MAX_HEAD_WORDS || !name_word || is_ordinary(w) {
            break;
        }
        from -= w.len() + usize::from(from < head.len());
        n += 1;
    }
    (n > 0).then_some(from)
}

#[cfg(test)]
mod tests {
    use super::super::tests::rewritten;
    use super::*;

    fn joined(text: &str, ms: &[(EntityKind, &str)]) -> Vec<String> {
        let place = |w: &str| ["Canada", "Virginia", "Carolina", "Alberta", "Osaka"].contains(&w);
        let ordinary = |w: &str| ["Shares", "In", "The"].contains(&w);
        rewritten(text, ms, |v| {
            join_firms_of_places(text, v, &place, &ordinary)
        })
    }

    #[test]
    fn a_company_of_a_place_is_one_name() {
        use EntityKind::{Org, Person, Place};
        let t = "Über: a unit of General Motors of Canada Ltd said.";
        assert_eq!(
            joined(t, &[(Org, "General Motors"), (Org, "Canada Ltd")]),
            ["Org General Motors of Canada Ltd"]
        );
        let t = "Japan said Canon of Virginia Inc has opened. The Empire of Carolina Inc rose.";
        assert_eq!(
            joined(
                t,
                &[
                    (Place, "Japan"),
                    (Org, "Virginia Inc"),
                    (Org, "Carolina Inc")
                ]
            ),
            [
                "Place Japan",
                "Org Canon of Virginia Inc",
                "Org Empire of Carolina Inc"
            ]
        );
        // A lower-case word, an ordinary word, a place or a person before "of", no legal
        // form, or no place before it.
        let t = "a unit of Canada Ltd; Shares of Alberta Inc; Bank of Canada; Japan of Osaka \
                 Inc; Ana Ruiz of Osaka Ltd; Acme of Data Inc";
        let ms = [
            (Org, "Canada Ltd"),
            (Org, "Alberta Inc"),
            (Org, "Canada"),
            (Place, "Japan"),
            (Person, "Ana Ruiz"),
            (Org, "Osaka Ltd"),
            (Org, "Data Inc"),
        ];
        let want: Vec<String> = ms.iter().map(|(k, n)| format!("{k:?} {n}")).collect();
        assert_eq!(joined(t, &ms), want);
    }
}
