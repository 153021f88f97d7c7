//! Two names that the recognizer read as one, and one it read as two ("[Chicago Board] of
//! [Trade]", [`join_of_names`]): "[Goldman, Sachs and Co and Morgan Stanley]",
//! "[Moody's and Standard and Poor's]", "[Shell Oil Co. Jones Day Reavis and Pogue]".
//!
//! Underwriters and rating agencies come in pairs joined by "and", and the recognizer runs one
//! name over both; Reuters-21578 had about 20 such organization facet values. A name ends
//! where its legal form ends ("... and Co"), or at a possessive ("Moody's"), so an "and" or
//! "&" right after either, before a capitalized word that is not itself a legal form, separates
//! two parties. "Smith Barney, Harris Upham and Co", "Procter and Gamble" and "Standard and
//! Poor's Corp" stay whole.
//!
//! An abbreviated legal form keeps its period ("Co."), so the tokenizer sees no sentence end
//! after it and the recognizer ran a company on into the next sentence: "Corp. The", "Telegraph
//! Co. It" (about 140 Reuters articles). A capitalized word after "Co.", "Corp.", "Inc.",
//! "Ltd." or "Plc." opens a new sentence; what follows is its own mention, or nothing when it
//! is a word like "The" or "He". (Splitting sentences there in the tokenizer would change the
//! word clusters the shipped model was trained with.)
//!
//! Lists run together too, at a comma or a semicolon: "[Barbra Streisand, Viola Davis]"
//! ([`split_listed_names`]).

use crate::article::{EntityKind, Mention};

/// Splits organization and person mentions of `mentions` where two names meet (see the
/// module docs): at every "and" or "&" that separates two companies, and after an abbreviated
/// legal form that ends a sentence. A company's part becomes an organization. Offsets are char
/// offsets; order is kept.
pub fn split_joined_parties(mentions: &mut Vec<Mention>) {
    let joined = |m: &Mention| {
        matches!(
            m.kind,
            EntityKind::Org | EntityKind::Person | EntityKind::Place
        ) && has_party_separator(&m.text)
    };
    rewrite_each(mentions, joined, |m, out| {
        let mut from = 0;
        for (at, sep) in separators(&m.text) {
            let (left, right) = (&m.text[from..at], &m.text[at + sep..]);
            let sentence = m.text[..at].ends_with('.');
            // A place runs on into the next sentence only: "San Jose, Calif. It".
            let company = sentence && m.kind != EntityKind::Place && ends_in_abbreviated_form(left);
            let splits = if sentence {
                // "Co. Inc." is one name: `opens_a_name` wants no legal form next.
                (company && opens_a_name(right)) || ends_before_a_clause(left, right)
            } else {
                let company = m.kind == EntityKind::Org && ends_a_company(left);
                (company || two_people(&m, left, right)) && opens_a_name(right)
            };
            if splits {
                let mut first = part(&m, from, at);
                // An abbreviation alone names no person ("N.J. It"): typed an organization,
                // a known place among them becomes the place (`corrected_kind`).
                let abbreviation = !first.text.trim().contains(char::is_whitespace);
                if company || (m.kind == EntityKind::Person && abbreviation) {
                    first.kind = EntityKind::Org;
                }
                out.push(first);
                from = at + sep;
            }
        }
        if from == 0 {
            out.push(m);
            return;
        }
        let rest = part(&m, from, m.text.len());
        // "Corp. The", "Co. He", "Co. In Europe": the next sentence's opening words name
        // nothing; "The Federal Savings and Loan Insurance Corp" still names a company.
        let first = rest.text.split(char::is_whitespace).next().unwrap_or("");
        let one_word = first.len() == rest.text.len();
        if !opens_a_clause(first) || (first == "The" && !one_word) {
            out.push(rest);
        }
    });
}

/// Splits organization and person mentions that run over a list: at every "; ", and at a
/// ", " after two or more words when no "and" or "&" follows in the mention and the next part
/// opens with a capitalized word that is no legal form. The recognizer reads "Barbra
/// Streisand, Viola Davis" and "Truth Social, Patel" as one organization (51 HuffPost
/// records); firms named by their partners keep their commas ("Goldman, Sachs", "Smith
/// Barney, Harris Upham and Co", "Merrill Lynch, Pierce, Fenner and Smith"), and so does
/// "Acme Holdings, Inc". A bar (`|`, table cells and menus) always splits, and a part that
/// does not open with a capital letter ("2-1", "---") is dropped. Each part keeps the
/// mention's kind. Offsets are char offsets; order is kept.
pub fn split_listed_names(mentions: &mut Vec<Mention>) {
    // A bar separates table cells and menu items, never words of one name: the recognizer
    // ran "Home | Score | Away | |---| | Fulham" together from a Markdown results table.
    rewrite_each(
        mentions,
        |m| m.text.contains('|'),
        |m, out| {
            let mut from = 0;
            for cell in m.text.split('|') {
                let name = cell.trim();
                if name.starts_with(char::is_uppercase) {
                    let at = from + (cell.len() - cell.trim_start().len());
                    out.push(part(&m, at, at + name.len()));
                }
                from += cell.len() + 1;
            }
        },
    );
    let listed = |m: &Mention| {
        matches!(m.kind, EntityKind::Org | EntityKind::Person)
            // ", " or "; ", as bytes: `str::contains` builds a searcher per call, and this
            // asks twice of every mention of every article.
            && m.text
                .as_bytes()
                .windows(2)
                .any(|w| matches!(w, [b',' | b';', b' ']))
    };
    rewrite_each(mentions, listed, |m, out| {
        // Start of the mention's next part, and of the text after the last comma.
        let (mut from, mut segment) = (0, 0);
        for (at, sep) in m.text.match_indices([',', ';']) {
            let right = &m.text[at + 1..];
            let left = &m.text[segment..at];
            segment = at + 1;
            if !right.starts_with(' ') {
                continue;
            }
            let right = right.trim_start();
            // "Washington, D.C.", "Acme, Del.": an abbreviation alone ends the name.
            let abbreviation =
                !right.trim_end().contains(char::is_whitespace) && right.trim_end().ends_with('.');
            let splits = sep == ";"
                || (left.trim().contains(char::is_whitespace)
                    && !right.split_whitespace().any(|w| w == "and" || w == "&")
                    && opens_a_name(right)
                    && !abbreviation);
            let head = m.text[from..at].trim_end();
            if splits && !head.is_empty() {
                out.push(part(&m, from, from + head.len()));
                from = m.text.len() - right.len();
            }
        }
        if from == 0 {
            out.push(m);
        } else {
            out.push(part(&m, from, m.text.len()));
        }
    });
}

/// Splits a name that the recognizer ran on over a possessive into the owner and the person
/// after it: "[Fox News Digital's Danielle Wallace]" → "[Fox News Digital]", "[Danielle
/// Wallace]" (a person), when what follows "'s" is two or three capitalized words opening
/// with a first name (`is_first_name`, which should leave out words also written in lower
/// case: "North", "National") and holding no organization head noun, as in web pages'
/// bylines and captions. The owner keeps the mention's kind. "Moody's Investors Service" and
/// "McDonald's Corp" stay whole.
/// Offsets are char offsets; order is kept.
pub fn split_possessive_people(mentions: &mut Vec<Mention>, is_first_name: &dyn Fn(&str) -> bool) {
    let owner_end = |m: &Mention| {
        // Most mentions hold no apostrophe: one byte scan turns them away.
        memchr::memchr2(b'\'', 0xE2, m.text.as_bytes())?;
        let (at, len) = m
            .text
            .find("'s ")
            .map(|i| (i, 3))
            .or_else(|| m.text.find("\u{2019}s ").map(|i| (i, "\u{2019}s ".len())))?;
        let rest: Vec<&str> = m.text[at + len..].split(' ').collect();
        let named = (2..=3).contains(&rest.len())
            && rest.iter().all(|w| w.starts_with(char::is_uppercase))
            && !rest.iter().any(|w| super::is_org_head_noun(w))
            && is_first_name(rest[0]);
        (named && at > 0).then_some((at, at + len))
    };
    rewrite_each(
        mentions,
        |m| matches!(m.kind, EntityKind::Org | EntityKind::Person) && owner_end(m).is_some(),
        |m, out| {
            let Some((at, person)) = owner_end(&m) else {
                return out.push(m);
            };
            out.push(part(&m, 0, at));
            out.push(Mention {
                kind: EntityKind::Person,
                ..part(&m, person, m.text.len())
            });
        },
    );
}

/// Replaces each mention that `candidate` picks by what `rewrite` pushes for it, keeping the
/// others and the order; returns at once when none is picked (most articles).
pub(super) fn rewrite_each(
    mentions: &mut Vec<Mention>,
    candidate: impl Fn(&Mention) -> bool,
    mut rewrite: impl FnMut(Mention, &mut Vec<Mention>),
) {
    if !mentions.iter().any(&candidate) {
        return;
    }
    let mut out = Vec::with_capacity(mentions.len() + 1);
    for m in mentions.drain(..) {
        if candidate(&m) {
            rewrite(m, &mut out);
        } else {
            out.push(m);
        }
    }
    *mentions = out;
}

/// Splits a mention that joins places with "and" or "&" into one place mention each, when
/// `is_place` knows every part: the recognizer read "the U.S. And West Germany" as one
/// organization (27 Reuters articles) and "New York and London" may come out so too.
/// Offsets are char offsets; order is kept.
pub fn split_joined_places(mentions: &mut Vec<Mention>, is_place: &dyn Fn(&str) -> bool) {
    let joined = |m: &Mention| {
        m.kind != EntityKind::Place
            && spaces_before(&m.text, |rest| {
                rest.starts_with(b"and ") || rest.starts_with(b"And ") || rest.starts_with(b"& ")
            })
    };
    rewrite_each(mentions, joined, |m, out| {
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        for sep in [" and ", " And ", " & "] {
            cuts.extend(m.text.match_indices(sep).map(|(p, s)| (p, s.len())));
        }
        cuts.sort_unstable();
        let mut parts = Vec::with_capacity(cuts.len() + 1);
        let mut from = 0;
        for (at, len) in cuts {
            parts.push((from, at));
            from = at + len;
        }
        parts.push((from, m.text.len()));
        if parts.iter().all(|&(a, b)| is_place(&m.text[a..b])) {
            out.extend(parts.into_iter().map(|(a, b)| Mention {
                kind: EntityKind::Place,
                ..part(&m, a, b)
            }));
        } else {
            out.push(m);
        }
    });
}

/// Joins an organization mention ending in a head noun and the organization or place mention
/// after it across "of", which the recognizer split: "[Chicago Board] of [Trade]" (55
/// Reuters articles), "[Federal Reserve Bank] of [New York]". Offsets are char offsets into
/// `text`; mentions are in text order and stay so.
pub fn join_of_names(text: &str, mentions: &mut Vec<Mention>) {
    if mentions.len() < 2 || !text.contains(" of") {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut out: Vec<(Mention, usize)> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let s = bytes_at.byte(m.start);
        if let Some((prev, prev_start)) = out.last_mut() {
            let prev_end = bytes_at.byte(prev.end);
            let gap = text.get(prev_end..s).unwrap_or("");
            // Cheapest test first: this runs for every pair of neighbouring mentions.
            let joins = prev.kind == EntityKind::Org
                && matches!(m.kind, EntityKind::Org | EntityKind::Place)
                && gap.len() < 16
                && gap.split_whitespace().eq(["of"])
                && !gap.contains("\n\n")
                && prev
                    .text
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| {
                        w.starts_with(char::is_uppercase) && super::is_org_head_noun(w)
                    });
            if joins {
                // The recognizer's span may run on into an apposition: "[Trade, CBT]",
                // "[Trade (CBOT]". The name ends before it; the rest stays a mention.
                let cut = m.text.find([',', '(', ';']).unwrap_or(m.text.len());
                let name_end = s + m.text[..cut].trim_end().len();
                prev.text = text[*prev_start..name_end].to_string();
                prev.end = prev.start + prev.text.chars().count();
                let rest = m.text[cut..].trim_start_matches([',', '(', ';', ' ']);
                if !rest.is_empty() {
                    let from = m.text.len() - rest.len();
                    let start = m.start + m.text[..from].chars().count();
                    let rest = Mention {
                        kind: m.kind,
                        start,
                        end: m.end,
                        text: rest.to_string(),
                    };
                    out.push((rest, s + from));
                }
                continue;
            }
        }
        out.push((m, s));
    }
    mentions.extend(out.into_iter().map(|(m, _)| m));
}

/// Capitalized words that open a sentence and name nothing, besides the function words.
const PRONOUNS: &[&str] = &[
    "A", "I", "It", "Its", "That", "This", "We", "What", "Which", "Who",
];

/// Auxiliaries and reporting verbs that follow a sentence's subject and never continue a name
/// ("the U.S. Will", "U.K. Would", "the U.S. Has"). "May" and "Can" are left out: Theresa May,
/// American Can.
const CLAUSE_VERBS: &[&str] = &[
    "are", "could", "had", "has", "have", "is", "said", "says", "should", "was", "were", "will",
    "would",
];

/// Whether `word`, in any case, opens a sentence and continues no name before it: a
/// capitalized function word (`ner::is_capitalized_function_word`), one of [`PRONOUNS`] or
/// [`CLAUSE_VERBS`].
fn opens_a_clause(word: &str) -> bool {
    let any = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    crate::extract::ner::is_capitalized_function_word(word) || any(PRONOUNS) || any(CLAUSE_VERBS)
}

/// Whether a period at the end of `left` ends a sentence because `right` opens the next one
/// with a word that continues no name: "in the U.S. He said", "U.S. WILL" in a wire headline,
/// "Calif. It". The tokenizer keeps an abbreviation's period in its word, so the recognizer
/// runs the name on (Reuters: "U.S. Will" 15 articles, "U.S. He" 6). Not after a title
/// ("Mr. He", the Chinese family name).
fn ends_before_a_clause(left: &str, right: &str) -> bool {
    let last = left.rsplit(char::is_whitespace).next().unwrap_or("");
    let next = right.split(char::is_whitespace).next().unwrap_or("");
    // "U.S. And West Germany" is left to `split_joined_places`.
    let joins = ["and", "or"].iter().any(|w| w.eq_ignore_ascii_case(next));
    last.len() > 2 && !super::person::is_personal_title(last) && opens_a_clause(next) && !joins
}

/// Whether `text` holds " and ", " & ", ". " or ".\n": whether [`split_joined_parties`] need
/// look at it. One pass over the bytes: `str::contains` builds a searcher per call, and this
/// asks four times of every mention of every article.
fn has_party_separator(text: &str) -> bool {
    let b = text.as_bytes();
    spaces_before(text, |rest| {
        rest.starts_with(b"and ") || rest.starts_with(b"& ")
    }) || b.windows(2).any(|w| matches!(w, [b'.', b' ' | b'\n']))
}

/// Whether some space in `text` has bytes after it that `after` accepts.
fn spaces_before(text: &str, after: impl Fn(&[u8]) -> bool) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| b[i] == b' ' && after(&b[i + 1..]))
}

/// Byte offsets of " and ", " & " and the whitespace after a period in `text`, with their
/// lengths, in order.
fn separators(text: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = text
        .match_indices(" and ")
        .map(|(p, s)| (p, s.len()))
        .chain(text.match_indices(" & ").map(|(p, s)| (p, s.len())))
        .chain(text.match_indices('.').filter_map(|(p, _)| {
            // Wire copy breaks lines anywhere: "Co.\nThe".
            let rest = &text[p + 1..];
            let gap = rest.len() - rest.trim_start().len();
            (gap > 0).then_some((p + 1, gap))
        }))
        .collect();
    found.sort_unstable();
    found
}

/// Whether a person mention joins two full names at " and " or " & ": two words or more on
/// each side ("Tsai Ing-wen and Jean-Luc Mélenchon", "Lord Falconer and Lady Morgan"), or,
/// in any mention, two family-name-first names ("Xi Jinping and Moon Jae-in" typed ORG). The
/// recognizer never types one person that way; "Jones Day Reavis and Pogue" (a law firm typed
/// PER) has one word on the right and stays whole.
fn two_people(m: &Mention, left: &str, right: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    let asian = |s: &str| super::person::is_east_asian_name(s);
    (m.kind == EntityKind::Person && words(left) >= 2 && words(right) >= 2)
        || (asian(left) && asian(right))
}

/// Whether `name` ends in an abbreviated legal form with its period ("Shell Oil Co.").
fn ends_in_abbreviated_form(name: &str) -> bool {
    let last = name.rsplit(char::is_whitespace).next().unwrap_or("");
    [
        "Co.", "Corp.", "Inc.", "Ltd.", "Plc.", "PLC.", "CO.", "CORP.", "INC.", "LTD.",
    ]
    .contains(&last)
}

/// Whether `name` ends as only a whole company name does: in a legal form ("Goldman, Sachs and
/// Co", "Acme Inc.") or a possessive ("Moody's").
fn ends_a_company(name: &str) -> bool {
    let last = name.rsplit(char::is_whitespace).next().unwrap_or("");
    let possessive = ["'s", "’s"].iter().any(|s| last.ends_with(s)) && last.len() > 3;
    name.contains(char::is_alphabetic) && (possessive || super::is_legal_form_word(last))
}

/// Whether `rest` opens another name: a capitalized first word that is no legal form ("and
/// Co" continues the name before it).
fn opens_a_name(rest: &str) -> bool {
    let first = rest.split(char::is_whitespace).next().unwrap_or("");
    first.starts_with(char::is_uppercase) && !super::is_legal_form_word(first)
}

/// The part of mention `m` at bytes `from..to` of its text, as a mention of the same kind.
pub(super) fn part(m: &Mention, from: usize, to: usize) -> Mention {
    let start = m.start + m.text[..from].chars().count();
    let text = m.text[from..to].to_string();
    Mention {
        kind: m.kind,
        start,
        end: start + text.chars().count(),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    fn split(text: &str, name: &str) -> Vec<(usize, usize, String)> {
        let mut v = vec![m(text, EntityKind::Org, name, 0)];
        split_joined_parties(&mut v);
        for x in &v {
            let got: String = text.chars().skip(x.start).take(x.end - x.start).collect();
            assert_eq!(got, x.text);
        }
        v.into_iter().map(|x| (x.start, x.end, x.text)).collect()
    }

    #[test]
    fn a_person_after_a_possessive_is_split_off() {
        let first = |w: &str| w == "Dana";
        let text = "By Harbour News Digital's Dana Wexler and Moody's Investors Service at \
                    Tern's Dana Children Bank.";
        let mut v = vec![
            m(
                text,
                EntityKind::Org,
                "Harbour News Digital's Dana Wexler",
                0,
            ),
            m(text, EntityKind::Org, "Moody's Investors Service", 0),
            m(text, EntityKind::Org, "Tern's Dana Children Bank", 0),
        ];
        split_possessive_people(&mut v, &first);
        let got: Vec<_> = v
            .iter()
            .map(|x| {
                let at: String = text.chars().skip(x.start).take(x.end - x.start).collect();
                assert_eq!(at, x.text);
                (x.kind, x.text.as_str())
            })
            .collect();
        assert_eq!(
            got,
            [
                (EntityKind::Org, "Harbour News Digital"),
                (EntityKind::Person, "Dana Wexler"),
                (EntityKind::Org, "Moody's Investors Service"),
                (EntityKind::Org, "Tern's Dana Children Bank")
            ]
        );
    }

    #[test]
    fn a_list_read_as_one_name_is_split() {
        let listed = |text: &str, name: &str| {
            let mut v = vec![m(text, EntityKind::Org, name, 0)];
            split_listed_names(&mut v);
            for x in &v {
                let got: String = text.chars().skip(x.start).take(x.end - x.start).collect();
                assert_eq!(got, x.text);
            }
            v.into_iter().map(|x| x.text).collect::<Vec<_>>()
        };
        let t = "Guests Mara Quill, Dev Okoro, Ines Tal and Bo Reyes came; Harrow Bank; Zeta Corp.";
        assert_eq!(
            listed(t, "Mara Quill, Dev Okoro"),
            ["Mara Quill", "Dev Okoro"]
        );
        assert_eq!(
            listed(t, "Harrow Bank; Zeta Corp"),
            ["Harrow Bank", "Zeta Corp"]
        );
        // Firms named by their partners, a legal form or an abbreviation after the comma.
        for name in [
            "Kestrel, Vane",
            "Kestrel Vane, Holt Ames and Co",
            "Kestrel Vane, Holt, Ames and Co",
            "Kestrel Holdings, Inc",
            "Kestrel Park in Washington, D.C.",
        ] {
            let t = format!("Shares of {name} rose.");
            assert_eq!(listed(&t, name), [name]);
        }
        // Cells of a Markdown table: the bars split, the score and the rule go.
        let t = "| Tern Rovers | 2-1 | Halden Town |\n|---|---|---|";
        assert_eq!(
            listed(t, "Tern Rovers | 2-1 | Halden Town |\n|---|"),
            ["Tern Rovers", "Halden Town"]
        );
    }

    #[test]
    fn two_companies_joined_by_and_are_two_mentions() {
        let t = "Led by Goldman, Sachs and Co and Morgan Stanley, the issue sold.";
        assert_eq!(
            split(t, "Goldman, Sachs and Co and Morgan Stanley"),
            [
                (7, 28, "Goldman, Sachs and Co".to_string()),
                (33, 47, "Morgan Stanley".to_string())
            ]
        );
        let t =
            "Both Moody's and Standard and Poor's cut the rating; Acme Inc. & Zeta Corp agreed.";
        let names: Vec<String> = split(t, "Moody's and Standard and Poor's")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(names, ["Moody's", "Standard and Poor's"]);
        let names: Vec<String> = split(t, "Acme Inc. & Zeta Corp")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(names, ["Acme Inc.", "Zeta Corp"]);
    }

    #[test]
    fn a_company_ending_a_sentence_is_split_from_the_next_one() {
        let t = "Lawyers for Shell Oil Co. Jones Day Reavis and Pogue filed. Acme Corp.\nThe \
                 rest. Zeta Co. Inc. rose.";
        let names = |name: &str, kind: EntityKind| {
            let mut v = vec![m(t, kind, name, 0)];
            split_joined_parties(&mut v);
            v.into_iter().map(|x| (x.kind, x.text)).collect::<Vec<_>>()
        };
        assert_eq!(
            names(
                "Shell Oil Co. Jones Day Reavis and Pogue",
                EntityKind::Person
            ),
            [
                (EntityKind::Org, "Shell Oil Co.".to_string()),
                (EntityKind::Person, "Jones Day Reavis and Pogue".to_string())
            ]
        );
        assert_eq!(
            names("Acme Corp.\nThe", EntityKind::Org),
            [(EntityKind::Org, "Acme Corp.".to_string())]
        );
        let t2 = "Phillips Petroleum Co. In Europe it fell.";
        let mut v = vec![m(
            t2,
            EntityKind::Org,
            "Phillips Petroleum Co. In Europe",
            0,
        )];
        split_joined_parties(&mut v);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].text, "Phillips Petroleum Co.");
        assert_eq!(
            names("Zeta Co. Inc.", EntityKind::Org),
            [(EntityKind::Org, "Zeta Co. Inc.".to_string())]
        );
        // Offsets of the second part.
        let mut v = vec![m(
            t,
            EntityKind::Org,
            "Shell Oil Co. Jones Day Reavis and Pogue",
            0,
        )];
        split_joined_parties(&mut v);
        assert_eq!((v[1].start, v[1].end), (26, 52));
    }

    #[test]
    fn an_abbreviation_ending_a_sentence_ends_the_name() {
        use EntityKind::{Org, Person, Place};
        let t = "Sales to the U.S. He said so. MOSCOW SEES U.S. WILL ACT. Rain in San Jose, \
                 Calif. It fell. Mr. He Wen met Sen. Will Okafor. Ana Ruiz Jr. Has left.";
        let names = |name: &str, kind: EntityKind| {
            let mut v = vec![m(t, kind, name, 0)];
            split_joined_parties(&mut v);
            v.into_iter().map(|x| (x.kind, x.text)).collect::<Vec<_>>()
        };
        assert_eq!(names("U.S. He", Org), [(Org, "U.S.".to_string())]);
        assert_eq!(names("U.S. WILL", Org), [(Org, "U.S.".to_string())]);
        assert_eq!(
            names("San Jose, Calif. It", Place),
            [(Place, "San Jose, Calif.".to_string())]
        );
        // Titles open names ("He" is a family name); "Jr." is no title.
        for name in ["Mr. He Wen", "Sen. Will Okafor"] {
            assert_eq!(names(name, Person), [(Person, name.to_string())]);
        }
        assert_eq!(
            names("Ana Ruiz Jr. Has", Person),
            [(Person, "Ana Ruiz Jr.".to_string())]
        );
    }

    #[test]
    fn two_people_joined_by_and_are_two_mentions() {
        let t = "Tsai Ing-wen and Jean-Luc Picard met Jones Day Reavis and Pogue lawyers.";
        let names = |name: &str| {
            let mut v = vec![m(t, EntityKind::Person, name, 0)];
            split_joined_parties(&mut v);
            v.into_iter().map(|x| x.text).collect::<Vec<_>>()
        };
        assert_eq!(
            names("Tsai Ing-wen and Jean-Luc Picard"),
            ["Tsai Ing-wen", "Jean-Luc Picard"]
        );
        assert_eq!(
            names("Jones Day Reavis and Pogue"),
            ["Jones Day Reavis and Pogue"]
        );
    }

    #[test]
    fn an_organization_split_at_of_is_joined() {
        use EntityKind::{Org, Person, Place};
        let t = "On the Chicago Board of Trade, the Federal Reserve Bank of New York and the \
                 Board of Ana Ruiz met; IBM of Armonk did not. The Board of Trade (CBOT) met.";
        let mut v = vec![
            m(t, Org, "Chicago Board", 0),
            m(t, Org, "Trade", 0),
            m(t, Org, "Federal Reserve Bank", 0),
            m(t, Place, "New York", 0),
            m(t, Org, "Board", 1),
            m(t, Person, "Ana Ruiz", 0),
            m(t, Org, "IBM", 0),
            m(t, Place, "Armonk", 0),
            m(t, Org, "Board", 2),
            m(t, Org, "Trade (CBOT", 0),
        ];
        join_of_names(t, &mut v);
        let got: Vec<(EntityKind, &str)> = v.iter().map(|x| (x.kind, x.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Org, "Chicago Board of Trade"),
                (Org, "Federal Reserve Bank of New York"),
                (Org, "Board"),
                (Person, "Ana Ruiz"),
                (Org, "IBM"),
                (Place, "Armonk"),
                (Org, "Board of Trade"),
                (Org, "CBOT"),
            ]
        );
        let cbot = &v[7];
        assert_eq!(
            t.chars()
                .skip(cbot.start)
                .take(cbot.end - cbot.start)
                .collect::<String>(),
            "CBOT"
        );
        assert_eq!((v[0].start, v[0].end), (7, 29));
    }

    #[test]
    fn places_joined_by_and_are_places() {
        use EntityKind::{Org, Place};
        let t = "Talks between the U.S. And West Germany, and New York and Acme, ended.";
        let known = |p: &str| ["U.S.", "West Germany", "New York"].contains(&p);
        let mut v = vec![
            m(t, Org, "U.S. And West Germany", 0),
            m(t, Org, "New York and Acme", 0),
        ];
        split_joined_places(&mut v, &known);
        let got: Vec<(EntityKind, &str, usize, usize)> = v
            .iter()
            .map(|x| (x.kind, x.text.as_str(), x.start, x.end))
            .collect();
        assert_eq!(
            got,
            [
                (Place, "U.S.", 18, 22),
                (Place, "West Germany", 27, 39),
                (Org, "New York and Acme", 45, 62),
            ]
        );
    }

    #[test]
    fn one_company_with_and_in_its_name_stays_whole() {
        let t = "Smith Barney, Harris Upham and Co, Procter and Gamble, Standard and Poor's Corp, \
                 McDonald and Co Investments and Café Ltd and Co acted.";
        for name in [
            "Smith Barney, Harris Upham and Co",
            "Procter and Gamble",
            "Standard and Poor's Corp",
            "McDonald and Co Investments",
            "Café Ltd and Co",
        ] {
            let start = t[..t.find(name).unwrap()].chars().count();
            assert_eq!(
                split(t, name),
                [(start, start + name.chars().count(), name.to_string())]
            );
        }
    }
}
