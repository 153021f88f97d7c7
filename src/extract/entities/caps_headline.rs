//! A place or nationality run on into ordinary words in an ALL CAPS wire headline, read as an
//! organization: "U.S. TRADE OFFICIAL SAYS", "JAPANESE CRUSHERS BUY CANADIAN RAPESEED", "WEST
//! GERMAN 1986 SUGAR OUTPUT RISES", "U.K. CREDIT BUSINESS FALLS". Without case the recognizer
//! cannot see where a name ends; in Reuters-21578 such values ("JAPANESE CRUSHERS BUY" in 7
//! articles, "U.S. TRADE" in 4) stood in the organization facet. So did a person the body
//! names: "VOLCKER REAFFIRMS", "BALDRIGE PREDICTS".

use crate::article::{EntityKind, Mention};

/// Corrects each organization mention in the title (the first `title_chars` chars of `text`)
/// that is in capitals and is a place a reader knows (`is_place`) or a nationality the text
/// names as MISC, followed by nothing but ordinary words (`is_ordinary`) that are no
/// organization head noun or legal form ("U.K. CREDIT", but not "BANK OF ENGLAND" or "U.S.
/// HOUSE"): a place becomes
/// a place mention of its own words ("KANSAS CITY HOGS UP" names Kansas City), a nationality
/// is dropped. A name the headline marks as a company stays: a stock symbol, legal form, head
/// noun or "AND" after it ("GREAT WESTERN <GWF>", "MESA ROYALTY TRUST"), angle brackets
/// around it ("<ASHFORD FINANCIAL>"), or the body writing it in mixed case ("Delta Dental").
/// So does a place whose first word the mention left out ("ST PAUL CATTLE"). A mention that
/// opens with the surname of a person the body names in full or `metadata_people` names, with no head noun, legal form or "AND"
/// after it, becomes a person mention of that word ("VOLCKER REAFFIRMS" → "VOLCKER").
pub fn names_run_into_headline_words(
    text: &str,
    title_chars: usize,
    mentions: &mut Vec<Mention>,
    is_place: &dyn Fn(&str) -> bool,
    is_ordinary: &dyn Fn(&str) -> bool,
    metadata_people: &[String],
) {
    let in_caps_title = |m: &Mention| {
        m.kind == EntityKind::Org
            && m.end <= title_chars
            && m.text.contains(' ')
            && super::in_capitals(&m.text)
    };
    if !mentions.iter().any(in_caps_title) {
        return;
    }
    let nationality = |w: &str| {
        mentions
            .iter()
            .any(|m| m.kind == EntityKind::Misc && m.text.eq_ignore_ascii_case(w))
    };
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let body = &text[bytes_at.byte(title_chars)..];
    // Lower-cased once, for the first headline name that asks.
    let body_lower = std::cell::OnceCell::new();
    // Surnames of the people the body names in full ("VOLCKER" of Paul Volcker; a name of
    // one word there may be the recognizer's error for a firm, "Alusuisse") or metadata names
    // (Reuters-21578's PEOPLE tags: "lawson").
    let surnames: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.start >= title_chars)
        .filter(|m| {
            // A given name first: "AB Volvo" and "An Alcoa" are the recognizer's errors.
            let mut words = m.text.split_whitespace();
            let first = words.next().unwrap_or("");
            words.next().is_some()
                && super::is_capitalized_name_word(first)
                && !crate::extract::ner::is_capitalized_function_word(first)
        })
        .filter_map(|m| m.text.split_whitespace().next_back())
        .chain(
            metadata_people
                .iter()
                .filter_map(|p| p.split_whitespace().next_back()),
        )
        .collect();
    // Per mention: `None` keeps it, `Some((0, _))` drops it, `Some((n, kind))` keeps its
    // first n words as a mention of that kind.
    let mut fix: Vec<Option<(usize, EntityKind)>> = vec![None; mentions.len()];
    for (k, m) in mentions.iter().enumerate() {
        if !in_caps_title(m) {
            continue;
        }
        // A place of ordinary words ("KANSAS CITY") is the recognizer's kind error, which
        // normalization corrects.
        if is_place(&m.text) {
            continue;
        }
        let after = text[bytes_at.byte(m.end)..].trim_start_matches(' ');
        let next = after.split(' ').next().unwrap_or("").trim_end_matches(',');
        let before = &text[..bytes_at.byte(m.start)];
        // A company the headline marks, or one whose name goes on ("CAROLINA POWER AND
        // LIGHT", "MESA ROYALTY TRUST").
        let marked = before.ends_with('<')
            || after.starts_with('<')
            || super::is_legal_form_word(next)
            || super::is_org_head_noun(next)
            || matches!(next, "AND" | "&");
        // The body writes it as a name ("Delta Dental Plan of California").
        let in_body = || {
            let name = m.text.to_ascii_lowercase();
            let lower: &String = body_lower.get_or_init(|| body.to_ascii_lowercase());
            lower.match_indices(&name).any(|(i, _)| {
                let found = &body[i..i + name.len()];
                found.chars().any(char::is_lowercase)
                    && found.split_whitespace().all(|w| {
                        w.chars()
                            .find(|c| c.is_alphabetic())
                            .is_some_and(char::is_uppercase)
                    })
            })
        };
        if marked || in_body() {
            continue;
        }
        let words: Vec<&str> = m.text.split(' ').collect();
        let ordinary_tail = |from: usize| {
            words[from..].iter().all(|w| {
                is_ordinary(w) && !super::is_org_head_noun(w) && !super::is_legal_form_word(w)
            })
        };
        // The longest head that names a place or nationality, then only ordinary words.
        // The recognizer may have cut a place's first word off: "ST PAUL CATTLE UP".
        let previous = before.trim_end_matches(' ').rsplit([' ', '\n']).next();
        fix[k] = (1..words.len())
            .rev()
            .filter(|&n| ordinary_tail(n))
            .find_map(|n| {
                let head = words[..n].join(" ");
                let cut =
                    previous.is_some_and(|w| !w.is_empty() && is_place(&format!("{w} {head}")));
                if cut {
                    None
                } else if is_place(&head) {
                    Some((n, EntityKind::Place))
                } else {
                    nationality(&head).then_some((0, EntityKind::Misc))
                }
            });
        // A person the body names, run on into the headline's verb: "VOLCKER REAFFIRMS",
        // "NAKASONE SOUNDS CONCILIATORY" (about 75 Reuters-21578 organization values).
        let firm_words = |w: &&str| {
            super::is_org_head_noun(w) || super::is_legal_form_word(w) || matches!(*w, "AND" | "&")
        };
        if fix[k].is_none()
            && surnames.iter().any(|s| s.eq_ignore_ascii_case(words[0]))
            && !words[1..].iter().any(firm_words)
        {
            fix[k] = Some((1, EntityKind::Person));
        }
    }
    let mut k = 0;
    mentions.retain_mut(|m| {
        k += 1;
        match fix[k - 1] {
            None => true,
            Some((0, _)) => false,
            Some((n, kind)) => {
                let head = m.text.split(' ').take(n).collect::<Vec<_>>().join(" ");
                m.end = m.start + head.chars().count();
                m.text = head;
                m.kind = kind;
                true
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    fn mentions(text: &str, spans: &[(EntityKind, &str)]) -> Vec<Mention> {
        spans.iter().map(|&(kind, s)| m(text, kind, s, 0)).collect()
    }

    fn run(text: &str, title: &str, spans: &[(EntityKind, &str)]) -> Vec<String> {
        let mut ms = mentions(text, spans);
        let is_place = |w: &str| ["U.K.", "NORWAY"].iter().any(|p| p.eq_ignore_ascii_case(w));
        let ordinary = |w: &str| {
            [
                "CREDIT", "GROWERS", "SELL", "BANK", "SAYS", "PACIFIC", "SHIPPING",
            ]
            .contains(&w)
        };
        names_run_into_headline_words(
            text,
            title.chars().count(),
            &mut ms,
            &is_place,
            &ordinary,
            &[],
        );
        ms.into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn a_place_or_nationality_before_ordinary_words_is_no_organization() {
        let title = "U.K. CREDIT SAYS NORWEGIAN GROWERS SELL";
        let text = format!("{title}\n\nNorwegian growers said U.K. credit rose.");
        let got = run(
            &text,
            title,
            &[
                (EntityKind::Org, "U.K. CREDIT"),
                (EntityKind::Org, "NORWEGIAN GROWERS SELL"),
                (EntityKind::Misc, "Norwegian"),
                (EntityKind::Place, "U.K."),
            ],
        );
        assert_eq!(got, ["U.K.", "Norwegian", "U.K."]);
    }

    #[test]
    fn a_company_or_head_noun_stays() {
        let title =
            "U.K. BANK SAYS NORWAY PACIFIC <NPC> AND NORWAY SHIPPING INC MERGE <NORWAY CREDIT>";
        let text = format!("{title}\n\nThe two merged.");
        let spans = [
            (EntityKind::Org, "U.K. BANK"),
            (EntityKind::Org, "NORWAY PACIFIC"),
            (EntityKind::Org, "NORWAY SHIPPING"),
            (EntityKind::Org, "NORWAY CREDIT"),
        ];
        let all = [
            "U.K. BANK",
            "NORWAY PACIFIC",
            "NORWAY SHIPPING",
            "NORWAY CREDIT",
        ];
        assert_eq!(run(&text, title, &spans), all);
        // The same words in the body are not a headline's.
        let text = format!("Merger\n\n{title}");
        assert_eq!(run(&text, "Merger", &spans), all);
    }

    #[test]
    fn a_name_that_goes_on_or_the_body_writes_stays() {
        let title = "NORWAY PACIFIC AND SHIPPING SAYS NORWAY CREDIT GROUP AND NORWAY SHIPPING SELL";
        let text = format!("{title}\n\nNorway Shipping of Oslo said.");
        let spans = [
            (EntityKind::Org, "NORWAY PACIFIC"),
            (EntityKind::Org, "NORWAY CREDIT"),
            (EntityKind::Org, "NORWAY SHIPPING"),
        ];
        assert_eq!(
            run(&text, title, &spans),
            ["NORWAY PACIFIC", "NORWAY CREDIT", "NORWAY SHIPPING"]
        );
        // "ST CITY" is the place here, so its cut-off "CITY CREDIT" is left alone.
        let title = "ST CITY CREDIT SAYS";
        let text = format!("{title}\n\nIt said.");
        let is_place = |w: &str| w == "ST CITY";
        let mut ms = mentions(&text, &[(EntityKind::Org, "CITY CREDIT")]);
        names_run_into_headline_words(&text, title.len(), &mut ms, &is_place, &|_| true, &[]);
        assert_eq!(ms[0].kind, EntityKind::Org);
        let is_place = |w: &str| w == "CITY";
        names_run_into_headline_words(&text, title.len(), &mut ms, &is_place, &|_| true, &[]);
        assert_eq!(
            (ms[0].kind, ms[0].text.as_str()),
            (EntityKind::Place, "CITY")
        );
    }

    #[test]
    fn a_person_the_body_names_is_no_organization() {
        let title =
            "MORALES REAFFIRMS PLEDGE AS MORALES GROUP AND MORALES AND ROCA BID ROCA REAFFIRMS ROCA PLEDGE";
        let text =
            format!("{title}\n\nFinance Minister Ana Morales said the pledge stood. An Roca bid.");
        let got = {
            let mut ms = mentions(
                &text,
                &[
                    (EntityKind::Org, "MORALES REAFFIRMS PLEDGE"),
                    (EntityKind::Org, "MORALES GROUP"),
                    (EntityKind::Org, "MORALES AND ROCA"),
                    (EntityKind::Person, "Ana Morales"),
                    (EntityKind::Org, "ROCA PLEDGE"),
                    (EntityKind::Person, "An Roca"),
                ],
            );
            names_run_into_headline_words(&text, title.len(), &mut ms, &|_| false, &|_| false, &[]);
            let mut tagged = mentions(&text, &[(EntityKind::Org, "ROCA REAFFIRMS")]);
            let roca = ["roca".to_string()];
            names_run_into_headline_words(
                &text,
                title.len(),
                &mut tagged,
                &|_| false,
                &|_| false,
                &roca,
            );
            assert_eq!(tagged[0].text, "ROCA");
            ms.into_iter()
                .map(|m| format!("{:?} {}", m.kind, m.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            got,
            [
                "Person MORALES",
                "Org MORALES GROUP",
                "Org MORALES AND ROCA",
                "Person Ana Morales",
                "Org ROCA PLEDGE",
                "Person An Roca"
            ]
        );
    }
}
