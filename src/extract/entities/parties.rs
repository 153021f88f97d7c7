//! Two companies that the recognizer read as one name: "[Goldman, Sachs and Co and Morgan
//! Stanley]", "[Moody's and Standard and Poor's]".
//!
//! Underwriters and rating agencies come in pairs joined by "and", and the recognizer runs one
//! name over both; Reuters-21578 had about 20 such organization facet values. A name ends
//! where its legal form ends ("... and Co"), or at a possessive ("Moody's"), so an "and" or
//! "&" right after either, before a capitalized word that is not itself a legal form, separates
//! two parties. "Smith Barney, Harris Upham and Co", "Procter and Gamble" and "Standard and
//! Poor's Corp" stay whole.

use crate::article::{EntityKind, Mention};

/// Splits each organization mention of `mentions` at every "and" or "&" that separates two
/// companies (see the module docs). Offsets are char offsets; order is kept.
pub fn split_joined_parties(mentions: &mut Vec<Mention>) {
    if !mentions
        .iter()
        .any(|m| m.kind == EntityKind::Org && (m.text.contains(" and ") || m.text.contains(" & ")))
    {
        return;
    }
    let mut out = Vec::with_capacity(mentions.len() + 1);
    for m in mentions.drain(..) {
        if m.kind != EntityKind::Org {
            out.push(m);
            continue;
        }
        let mut from = 0;
        for (at, sep) in separators(&m.text) {
            let (left, right) = (&m.text[from..at], &m.text[at + sep..]);
            if ends_a_company(left) && opens_a_name(right) {
                out.push(part(&m, from, at));
                from = at + sep;
            }
        }
        if from == 0 {
            out.push(m);
        } else {
            out.push(part(&m, from, m.text.len()));
        }
    }
    *mentions = out;
}

/// Byte offsets of " and " and " & " in `text`, with their lengths, in order.
fn separators(text: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = text
        .match_indices(" and ")
        .map(|(p, s)| (p, s.len()))
        .chain(text.match_indices(" & ").map(|(p, s)| (p, s.len())))
        .collect();
    found.sort_unstable();
    found
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
fn part(m: &Mention, from: usize, to: usize) -> Mention {
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
