//! Companies whose names look like people's: "Dean Witter Reynolds Inc", "James Capel and
//! Co", "Clayton and Dubilier Inc", "E.F. HUTTON GROUP INC", "Royal Dutch/Shell Group".
//!
//! The recognizer types a name by its words, and these are a person's words; it also leaves
//! the legal form out of the span ("[Dean Witter Reynolds] Inc") and splits names at "and"
//! and "/". What follows the name settles it: a legal form after it, directly or after one
//! firm word ("Group", "Sons") or "and" and a name, follows a company and never a person.
//! Such mentions become one organization mention over the whole name. Once an article shows a
//! name of two or more words to be a company, its other mentions as a person are the company
//! too (one sense per discourse, Gale, Church & Yarowsky 1992): "E.F. Hutton said" after
//! "E.F. Hutton and Co Inc". In Reuters-21578 these were people in 100+ articles.

use super::org::{is_head_noun, is_legal_form};
use super::text::is_capitalized_name_word;
use crate::article::{EntityKind, Mention};

/// Words that end or continue a company name after its founders' names ("Alex. Brown and
/// Sons", "Salomon Brothers"), besides the organization head nouns.
const FIRM_WORDS: &[&str] = &[
    "associates",
    "brothers",
    "capital",
    "partners",
    "securities",
    "sons",
];

/// Legal forms of continental companies, which `org`'s merge key leaves in the name but which
/// still mark one ("Deutsche Bank AG").
const FOREIGN_FORMS: &[&[u8]] = &[b"ag", b"bv", b"gmbh", b"nv", b"sa", b"spa"];

/// Makes each name of the shape "Kidder, Peabody and Co" (two capitalized names, a comma,
/// "and Co" or "& Co") one organization mention, in place of the mentions inside it: the
/// recognizer splits it at the comma, often into a person and an organization. In
/// Reuters-21578 "Kidder" (24 articles), "Stearns" (15), "Bear" and "Roebuck" stood alone in
/// the organization facet. Found by a substring search for the rare "and Co", so other text
/// costs one scan.
pub fn join_comma_firm_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for needle in [" and Co", " & Co"] {
        for at in memchr::memmem::find_iter(text.as_bytes(), needle) {
            let end = at + needle.len();
            if text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                continue;
            }
            let last_word = |s: &str| {
                let from = s
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\''))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                from
            };
            let before = &text[..at];
            let second = last_word(before);
            let Some(head) = before[..second].strip_suffix(", ") else {
                continue;
            };
            let first = last_word(head);
            let founder = &head[first..];
            // "Acme Inc, Jefferies and Co" lists two firms.
            let firm_word = is_legal_form(founder) || is_head_noun(founder);
            if is_capitalized_name_word(&before[second..])
                && is_capitalized_name_word(founder)
                && !firm_word
            {
                spans.push((first, end));
            }
        }
    }
    if spans.is_empty() {
        return;
    }
    for (from, to) in spans {
        let start = text[..from].chars().count();
        let end = start + text[from..to].chars().count();
        // A name that runs into the first founder's is another party: "Thomas McKiernan,
        // McKiernan and Co", "Merrill Lynch, Needham and Co".
        if mentions.iter().any(|m| m.start < start && m.end > start) {
            continue;
        }
        mentions.retain(|m| m.end <= start || m.start >= end);
        mentions.push(org_over(text, start, from, to));
    }
    mentions.sort_by_key(|m| (m.start, m.end));
}

/// Rewrites `mentions` (sorted by start, char offsets into `text`) so that company names shaped
/// like people's are single organization mentions; see the module docs.
pub fn join_firm_names(text: &str, mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    // Names of two or more words shown to be companies here, as written.
    let mut firms: Vec<String> = Vec::new();
    for m in mentions.drain(..) {
        // A mention inside a name already joined ("Sons" of "Brown and Sons Inc") goes.
        if out.last().is_some_and(|p| m.start < p.end) {
            continue;
        }
        // Only the recognizer's people: an organization needs no help, and a place or
        // organization before a legal form is often part of a longer name the recognizer cut
        // ("STATE STREET [BOSTON] CORP").
        if m.kind != EntityKind::Person && m.kind != EntityKind::Org {
            out.push(m);
            continue;
        }
        let (start, end) = (bytes_at.byte(m.start), bytes_at.byte(m.end));
        // "Royal Dutch/Shell Group": the recognizer's two halves, one of them an organization.
        if let Some(prev) = out.last_mut() {
            // Not two organizations ("IMF/World Bank meetings").
            let slash = prev.end + 1 == m.start && text[..start].ends_with('/');
            if slash && prev.kind == EntityKind::Person && m.kind == EntityKind::Org {
                let from = bytes_at.byte(prev.start);
                let tail = firm_tail(&text[end..], false).unwrap_or(0);
                *prev = org_over(text, prev.start, from, end + tail);
                continue;
            }
        }
        if m.kind != EntityKind::Person {
            out.push(m);
            continue;
        }
        let one_word = !m.text.contains(char::is_whitespace);
        match firm_tail(&text[end..], one_word) {
            Some(tail) => {
                if m.text.split_whitespace().nth(1).is_some() {
                    firms.push(m.text.clone());
                }
                out.push(org_over(text, m.start, start, end + tail));
            }
            None => out.push(m),
        }
    }
    // Unless the article also writes it as a person's ("trader Ivan Boesky" beside "Ivan
    // Boesky and Co", "Mario Gabelli, head of ... Mario Gabelli and Co"): then it names both.
    let same = |f: &str, t: &str| {
        f.eq_ignore_ascii_case(t)
            || f.rsplit(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(t))
    };
    if firms.is_empty() {
        *mentions = out;
        return;
    }
    let mut personal: Vec<&str> = Vec::new();
    for m in &out {
        if m.kind == EntityKind::Person && firms.iter().any(|f| same(f, &m.text)) {
            let (start, end) = (bytes_at.byte(m.start), bytes_at.byte(m.end));
            if personal_context(text, start, end) {
                personal.push(&m.text);
            }
        }
    }
    firms.retain(|f| !personal.iter().any(|t| same(f, t)));
    // Its surname alone too ("Capel handled the deal" after "James Capel and Co").
    let named = |t: &str| firms.iter().any(|f| same(f, t));
    for m in &mut out {
        if m.kind == EntityKind::Person && named(&m.text) {
            m.kind = EntityKind::Org;
        }
    }
    *mentions = out;
}

/// Words around a name that make it a person's: a role before it ("trader Ivan Boesky",
/// "Chairman ...", see `person::is_title`) or an apposition after it ("Mario Gabelli, head of
/// ...", "..., who").
const PERSON_CONTEXT: &[&str] = &[
    "aged",
    "arbitrageur",
    "financier",
    "founder",
    "head",
    "investor",
    "speculator",
    "trader",
    "who",
    "whose",
];

/// Whether the name at bytes `start..end` of `text` stands in a person's context
/// ([`PERSON_CONTEXT`]).
fn personal_context(text: &str, start: usize, end: usize) -> bool {
    let role = |w: &str| {
        PERSON_CONTEXT.iter().any(|p| p.eq_ignore_ascii_case(w)) || super::person::is_title(w)
    };
    let before = text[..start].trim_end_matches(' ');
    let word_before = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let after = text[end..].strip_prefix(", ").unwrap_or("");
    let word_after = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (before.len() < start && role(word_before))
        || (word_after.starts_with(char::is_lowercase) && role(word_after))
}

/// The organization mention over bytes `from..to` of `text`, which start at char `start`.
pub(super) fn org_over(text: &str, start: usize, from: usize, to: usize) -> Mention {
    let t = &text[from..to];
    Mention {
        kind: EntityKind::Org,
        start,
        end: start + t.chars().count(),
        text: t.to_string(),
    }
}

/// Byte length of the company tail that opens `rest` (the text right after a name), if any:
/// a legal form (", Inc", " Corp."), one firm word or a bracketed country and a legal form
/// (" GROUP INC", " (America) Inc"), "and" or
/// "&" and a firm word (" and Sons", " & Co"), or "and" and a name and a legal form (" and
/// Dubilier Inc") after a name of `one_word` ("Ana Ruiz and Acme Corp" are two parties). The
/// tail ends before a final period or comma.
fn firm_tail(rest: &str, one_word: bool) -> Option<usize> {
    let mut at = 0;
    let mut words = Vec::with_capacity(4);
    while words.len() < 4 {
        // Spaces, or a wire line break ("Dean Witter Reynolds\n    Inc"), but not a blank line;
        // a comma only before the first word (", Inc").
        let gap = &rest[at..];
        let comma = usize::from(gap.starts_with(',') && words.is_empty());
        let space = gap[comma..].len() - gap[comma..].trim_start().len();
        let newlines = gap[comma..comma + space].matches('\n').count();
        if space == 0 || newlines > 1 {
            break;
        }
        let sep = comma + space;
        let word_start = at + sep;
        // A subsidiary's country in brackets counts as one word: "Yamaichi International
        // (America) Inc", "James Capel (Far East) Ltd".
        let bracketed = rest[word_start..]
            .strip_prefix('(')
            .and_then(|r| r.get(..r.find(')')?))
            .filter(|inner| inner.len() <= 24 && inner.starts_with(char::is_uppercase))
            .map(|inner| inner.len() + 2);
        let len = bracketed.unwrap_or_else(|| {
            rest[word_start..]
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '<'))
                .unwrap_or(rest.len() - word_start)
        });
        if len == 0 {
            break;
        }
        let word = &rest[word_start..word_start + len];
        words.push((sep, word));
        at = word_start + len;
    }
    let legal = is_written_legal_form;
    let firm_word = |w: &str| is_head_noun(w) || is_firm_word(w) || w.starts_with('(');
    let capitalized = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let and = |w: &str| w == "&" || w.eq_ignore_ascii_case("and");
    // A period inside a tail word ends the sentence unless the word is a legal form ("Co.").
    let plain = |w: &str| !w.trim_end_matches('.').contains('.') && !w.ends_with('.');
    let end_of = |n: usize| {
        let mut end = 0;
        for &(sep, w) in &words[..n] {
            end += sep + w.len();
        }
        end - usize::from(words[n - 1].1.ends_with('.'))
    };
    let w = |k: usize| words.get(k).map(|&(_, w)| w);
    let comma = rest.starts_with(',');
    match (w(0), w(1), w(2)) {
        (Some(a), ..) if legal(a) => Some(end_of(1)),
        _ if comma => None,
        (Some(a), Some(b), _)
            if firm_word(a) && (capitalized(a) || a.starts_with('(')) && plain(a) && legal(b) =>
        {
            Some(end_of(2))
        }
        (Some(a), Some(b), c) if and(a) && capitalized(b) => {
            if legal(b) || (is_firm_word(b) && plain(b)) {
                let more = c.is_some_and(legal);
                Some(end_of(if more { 3 } else { 2 }))
            } else if one_word && plain(b) && c.is_some_and(legal) {
                Some(end_of(3))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether `w` is a legal form written as names write it, capitalized ("Inc", "Corp.",
/// "AG"): "John Miller, company spokesman" names a person.
pub(super) fn is_written_legal_form(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && (is_legal_form(w) || is_foreign_form(w))
}

pub(super) fn is_firm_word(w: &str) -> bool {
    FIRM_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))
}

pub(super) fn is_foreign_form(w: &str) -> bool {
    super::text::with_table_key(w, |k| FOREIGN_FORMS.contains(&k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, kind: EntityKind, word: &str) -> Mention {
        let b = text.find(word).unwrap();
        let start = text[..b].chars().count();
        Mention {
            kind,
            start,
            end: start + word.chars().count(),
            text: word.to_string(),
        }
    }

    fn joined(text: &str, ms: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        let mut v: Vec<Mention> = ms.iter().map(|&(k, w)| mention(text, k, w)).collect();
        v.sort_by_key(|m| m.start);
        join_firm_names(text, &mut v);
        for m in &v {
            let s: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(s, m.text, "offsets of {m:?}");
        }
        v.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    use EntityKind::{Org, Person, Place};

    /// Joins person mentions given by (byte offset, text) in ASCII `text`.
    fn joined_people(text: &str, people: &[(usize, &str)]) -> Vec<(EntityKind, String)> {
        let mut v: Vec<Mention> = people
            .iter()
            .map(|&(start, t)| Mention {
                kind: Person,
                start,
                end: start + t.len(),
                text: t.to_string(),
            })
            .collect();
        join_firm_names(text, &mut v);
        v.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    fn kinds(v: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        v.iter().map(|&(k, t)| (k, t.to_string())).collect()
    }

    #[test]
    fn a_legal_form_after_a_person_name_makes_a_company() {
        let t = "The bank named Dean Witter Reynolds Inc. as manager.";
        assert_eq!(
            joined(t, &[(Person, "Dean Witter Reynolds")]),
            [(Org, "Dean Witter Reynolds Inc".to_string())]
        );
        let t = "E.F. HUTTON GROUP INC <EFH> NAMES EXECUTIVE";
        assert_eq!(
            joined(t, &[(Person, "E.F. HUTTON"), (Org, "GROUP INC")]),
            [(Org, "E.F. HUTTON GROUP INC".to_string())]
        );
        // Wire copy breaks lines anywhere.
        let t = "Underwriters are Dean Witter Reynolds\n    Inc and others.";
        assert_eq!(
            joined(t, &[(Person, "Dean Witter Reynolds")]),
            [(Org, "Dean Witter Reynolds\n    Inc".to_string())]
        );
        let t = "He thanked Dean Witter Reynolds\n\nInc shares rose.";
        assert_eq!(
            joined(t, &[(Person, "Dean Witter Reynolds")]),
            [(Person, "Dean Witter Reynolds".to_string())]
        );
        let t = "Shares of Yamaichi International (America) Inc rose; Ana Ruiz (Left) Inc too.";
        assert_eq!(
            joined(t, &[(Person, "Yamaichi International")]),
            [(Org, "Yamaichi International (America) Inc".to_string())]
        );
        let t = "Lead manager was Ana Ruiz (pictured) Inc.";
        assert_eq!(
            joined(t, &[(Person, "Ana Ruiz")]),
            [(Person, "Ana Ruiz".to_string())]
        );
        let t = "Shares of Marta Kovac, Inc. rose.";
        assert_eq!(
            joined(t, &[(Person, "Marta Kovac")]),
            [(Org, "Marta Kovac, Inc".to_string())]
        );
    }

    #[test]
    fn and_joins_founders_and_firm_words() {
        let t = "It is managed by Alex. Brown and Sons Inc and Wagner and Brown of Midland.";
        assert_eq!(
            joined(
                t,
                &[
                    (Org, "Alex"),
                    (Person, "Brown"),
                    (Org, "Sons"),
                    (Person, "Wagner"),
                    (Place, "Midland"),
                ]
            ),
            [
                (Org, "Alex".to_string()),
                (Org, "Brown and Sons Inc".to_string()),
                // Two names joined by "and" without a legal form may be two people.
                (Person, "Wagner".to_string()),
                (Place, "Midland".to_string()),
            ]
        );
        let t = "Clayton and Dubilier Inc agreed, said Ana Ruiz at James Capel and Co.";
        assert_eq!(
            joined(
                t,
                &[
                    (Person, "Clayton"),
                    (Org, "Dubilier"),
                    (Person, "Ana Ruiz"),
                    (Person, "James Capel"),
                ]
            ),
            [
                (Org, "Clayton and Dubilier Inc".to_string()),
                (Person, "Ana Ruiz".to_string()),
                (Org, "James Capel and Co".to_string()),
            ]
        );
    }

    #[test]
    fn a_slash_joins_the_halves_of_one_company() {
        let t = "Shell is a unit of Royal Dutch/Shell Group, which said so.";
        assert_eq!(
            joined(
                t,
                &[
                    (Org, "Shell"),
                    (Person, "Royal Dutch"),
                    (Org, "Shell Group")
                ]
            ),
            [
                (Org, "Shell".to_string()),
                (Org, "Royal Dutch/Shell Group".to_string())
            ]
        );
        // Places are not joined ("Dallas/Fort Worth").
        let t = "Flights to Dallas/Fort Worth resumed.";
        assert_eq!(
            joined(t, &[(Place, "Dallas"), (Org, "Fort Worth")]),
            [
                (Place, "Dallas".to_string()),
                (Org, "Fort Worth".to_string())
            ]
        );
    }

    #[test]
    fn other_mentions_of_a_company_name_follow_it() {
        let t = "E.F. Hutton said that E.F. Hutton and Co Inc would sell. Hutton rose. \
                 Ana Ruiz and Gil Hutton left.";
        let people = [
            (0, "E.F. Hutton"),
            (22, "E.F. Hutton"),
            (57, "Hutton"),
            (70, "Ana Ruiz"),
            (83, "Gil Hutton"),
        ];
        assert_eq!(
            joined_people(t, &people),
            kinds(&[
                (Org, "E.F. Hutton"),
                (Org, "E.F. Hutton and Co Inc"),
                (Org, "Hutton"),
                (Person, "Ana Ruiz"),
                (Person, "Gil Hutton"),
            ])
        );
    }

    #[test]
    fn a_founder_named_as_a_person_stays_one() {
        let t = "Mario Gabelli, head of Mario Gabelli and Co, sold. Gabelli said so.";
        let people = [(0, "Mario Gabelli"), (23, "Mario Gabelli"), (51, "Gabelli")];
        assert_eq!(
            joined_people(t, &people),
            kinds(&[
                (Person, "Mario Gabelli"),
                (Org, "Mario Gabelli and Co"),
                (Person, "Gabelli"),
            ])
        );
        let t = "A unit of Ivan Boesky and Co said trader Ivan Boesky agreed.";
        assert_eq!(
            joined_people(t, &[(10, "Ivan Boesky"), (41, "Ivan Boesky")]),
            kinds(&[(Org, "Ivan Boesky and Co"), (Person, "Ivan Boesky")])
        );
    }

    #[test]
    fn people_stay_people() {
        for (t, who) in [
            ("Smith Says Acme Corp Will Grow", "Smith"),
            ("President Ana Ruiz, Acme Corp's chief, spoke.", "Ana Ruiz"),
            ("Talks between Ana Ruiz and Acme Corp ended.", "Ana Ruiz"),
            ("Ana Ruiz and Co-workers left.", "Ana Ruiz"),
            ("He met Ana Ruiz. Co-owners agreed.", "Ana Ruiz"),
            ("He met Jorge Ruiz Sánchez at Acme.", "Jorge Ruiz Sánchez"),
            ("Ana Ruiz, company spokesman, said so.", "Ana Ruiz"),
            ("Ana Ruiz and company left.", "Ana Ruiz"),
        ] {
            assert_eq!(
                joined(t, &[(Person, who)]),
                [(Person, who.to_string())],
                "{t}"
            );
        }
    }

    #[test]
    fn organizations_and_places_are_left_alone() {
        let t = "STATE STREET BOSTON CORP SETS PAYOUT";
        assert_eq!(joined(t, &[(Org, "BOSTON")]), [(Org, "BOSTON".to_string())]);
        let t = "Before the IMF/World Bank meetings, Texaco and Pennzoil Co talked.";
        let ms = [
            (Org, "IMF"),
            (Org, "World Bank"),
            (Org, "Texaco"),
            (Org, "Pennzoil Co"),
        ];
        let want: Vec<_> = ms.iter().map(|&(k, w)| (k, w.to_string())).collect();
        assert_eq!(joined(t, &ms), want);
    }

    #[test]
    fn offsets_count_chars_in_non_ascii_text() {
        let t = "Café owners met Müller Söhne AG and José Pérez Inc in Zürich.";
        assert_eq!(
            joined(
                t,
                &[
                    (Person, "Müller"),
                    (Person, "José Pérez"),
                    (Place, "Zürich")
                ]
            ),
            [
                (Person, "Müller".to_string()),
                (Org, "José Pérez Inc".to_string()),
                (Place, "Zürich".to_string())
            ]
        );
    }

    #[test]
    fn founders_names_with_a_comma_and_co_are_one_firm() {
        use EntityKind::{Org, Person, Place};
        let t = "Analysts at Kidder, Peabody and Co and Bear, Stearns & Co. said Smith, Jones and \
                 Cohen, and Oslo, Bergen and Co-op did not. Ana Ruiz, Ruiz and Co, and Acme Inc, \
                 Jefferies and Co agreed.";
        let mut v = vec![
            mention(t, Org, "Kidder"),
            mention(t, Person, "Peabody"),
            mention(t, Org, "Bear"),
            mention(t, Org, "Stearns"),
            mention(t, Person, "Smith"),
            mention(t, Place, "Oslo"),
            mention(t, Person, "Ana Ruiz"),
        ];
        join_comma_firm_names(t, &mut v);
        let got: Vec<_> = v.iter().map(|x| (x.kind, x.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Org, "Kidder, Peabody and Co"),
                (Org, "Bear, Stearns & Co"),
                (Person, "Smith"),
                (Place, "Oslo"),
                (Person, "Ana Ruiz")
            ]
        );
        for x in &v {
            assert_eq!(
                t.chars()
                    .skip(x.start)
                    .take(x.end - x.start)
                    .collect::<String>(),
                x.text
            );
        }
    }
}
