//! Companies whose names open with a nationality: "American Motors Corp.", "British Petroleum
//! Co PLC", "Canadian Pacific Ltd".
//!
//! The recognizer reads the first word as a nationality (MISC) and the rest as the company
//! ("[American] [Motors] Corp."), so the article listed the organization "Motors". A MISC word
//! right before an organization, with only a space or a line break between them, is part of
//! its name when a legal form ends the name or follows it: a legal form follows a company's
//! full name, and "the American [IBM]" has none.

use crate::article::{EntityKind, Mention};

/// Rewrites `mentions` (sorted by start, char offsets into `text`) so that a nationality
/// before a company's name is part of it; see the module docs.
pub fn join_adjective_firms(text: &str, mentions: &mut Vec<Mention>) {
    if !mentions.windows(2).any(|w| {
        w[0].kind == EntityKind::Misc && matches!(w[1].kind, EntityKind::Org | EntityKind::Person)
    }) {
        return;
    }
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(prev) = out.last_mut() {
            // The recognizer also types the rest as a person when it ends in the legal form
            // ("[Motors Corp.]"), which normalization reads as a company later.
            let firm = m.kind == EntityKind::Org
                || (m.kind == EntityKind::Person
                    && m.text.split_whitespace().last().is_some_and(ends_legal));
            if prev.kind == EntityKind::Misc && firm && is_adjective_word(&prev.text) {
                let (gap_from, gap_to) = (bytes_at.byte(prev.end), bytes_at.byte(m.start));
                let gap = text.get(gap_from..gap_to).unwrap_or("x");
                let end = bytes_at.byte(m.end);
                let next = text[end..].split_whitespace().next();
                let legal = m
                    .text
                    .split_whitespace()
                    .last()
                    .into_iter()
                    .chain(next)
                    .any(ends_legal);
                if !gap.is_empty() && gap.len() <= 2 && gap.trim().is_empty() && legal {
                    let from = bytes_at.byte(prev.start);
                    prev.kind = EntityKind::Org;
                    prev.end = m.end;
                    prev.text = text[from..end].to_string();
                    continue;
                }
            }
        }
        out.push(m);
    }
    *mentions = out;
}

/// Whether `word`, without trailing punctuation, is a legal form ("Corp.", "Ltd,").
fn ends_legal(word: &str) -> bool {
    let w = word.trim_end_matches([',', ';', ')']);
    super::is_legal_form_word(w) || super::is_legal_form_word(w.trim_end_matches('.'))
}

/// One capitalized word of letters: "American", "Canadian"; not "London-based", "B-minus"
/// or "Privately-held", which the recognizer also marks MISC before a company.
fn is_adjective_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    fn joined(text: &str, ms: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        let mut mentions: Vec<Mention> = ms.iter().map(|&(k, n)| m(text, k, n, 0)).collect();
        join_adjective_firms(text, &mut mentions);
        mentions.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    #[test]
    fn a_nationality_before_a_company_with_a_legal_form_is_its_name() {
        use EntityKind::{Misc, Org, Person};
        let t = "Chrysler will buy American\nMotors Corp., Renault said.";
        assert_eq!(
            joined(t, &[(Misc, "American"), (Org, "Motors")]),
            [(Org, "American\nMotors".to_string())]
        );
        assert_eq!(
            joined(t, &[(Misc, "American"), (Person, "Motors Corp.")]),
            [(Org, "American\nMotors Corp.".to_string())]
        );
        let t = "British Petroleum Co PLC rose.";
        assert_eq!(
            joined(t, &[(Misc, "British"), (Org, "Petroleum Co PLC")]),
            [(Org, "British Petroleum Co PLC".to_string())]
        );
    }

    #[test]
    fn without_a_legal_form_or_with_more_between_it_stays() {
        use EntityKind::{Misc, Org};
        let t = "The American IBM unit said.";
        assert_eq!(
            joined(t, &[(Misc, "American"), (Org, "IBM")]),
            [(Misc, "American".to_string()), (Org, "IBM".to_string())]
        );
        let t = "London-based Atlas Maritime Ltd said.";
        assert_eq!(
            joined(t, &[(Misc, "London-based"), (Org, "Atlas Maritime")]),
            [
                (Misc, "London-based".to_string()),
                (Org, "Atlas Maritime".to_string())
            ]
        );
        let t = "French state-owned Renault SA said.";
        assert_eq!(
            joined(t, &[(Misc, "French"), (Org, "Renault")]),
            [(Misc, "French".to_string()), (Org, "Renault".to_string())]
        );
    }
}
