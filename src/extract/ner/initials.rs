//! Companies known by initials joined with an ampersand: AT&T, P&O, M&S, PG&E, J&J.
//!
//! The model learned such a token only where CoNLL-2003's training text wrote it ("S&P"), so
//! the best known of them went unmarked: "AT&T" was no organization in any of the 22 HuffPost
//! and Reuters-21578 articles that name it, and `--org AT&T` found nothing. The token's shape
//! settles it, but for the handful of such initials that stand for ordinary phrases: R&B (46
//! times in the same corpora), Q&A, R&D, B&B, the savings and loans of S&L.

use super::labels::Span;

/// Ampersand initials that name no organization: a music genre, a kind of business or
/// trade, or a phrase of finance and publishing.
const ORDINARY: &[&str] = &[
    "A&E", "A&R", "B&B", "B&W", "C&F", "C&I", "F&B", "F&O", "G&A", "M&A", "P&L", "Q&A", "R&B",
    "R&D", "R&R", "S&L", "T&C", "T&E",
];

/// Whether `w` is a company's initials: one to three capital letters, `&`, one to three
/// capital letters, and not one of the [`ORDINARY`] phrases.
pub(crate) fn is_ampersand_initials(w: &str) -> bool {
    let Some((a, b)) = w.split_once('&') else {
        return false;
    };
    let initials =
        |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_uppercase());
    initials(a) && initials(b) && !ORDINARY.contains(&w)
}

/// Adds an organization span for each token of one sentence (`words`; `spans` sorted and
/// disjoint, and kept so) that [`is_ampersand_initials`] and that no span covers.
pub(crate) fn ampersand_initials(words: &[&str], spans: &mut Vec<Span>) {
    for (i, w) in words.iter().enumerate() {
        // Most words are turned away by their length or first letter.
        if !(3..=7).contains(&w.len()) || !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        if !is_ampersand_initials(w) {
            continue;
        }
        let at = spans.partition_point(|s| s.end <= i);
        if spans.get(at).is_some_and(|s| s.start <= i) {
            continue;
        }
        spans.insert(
            at,
            Span {
                start: i,
                end: i + 1,
                ty: 2,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_initials_are_told_from_ordinary_phrases() {
        for w in ["AT&T", "P&O", "M&S", "PG&E", "J&J", "S&P", "H&M"] {
            assert!(is_ampersand_initials(w), "{w}");
        }
        for w in [
            "R&B", "Q&A", "R&D", "S&L", "M&A", "&", "AT&", "&T", "At&t", "ABCD&E", "A&B&C",
        ] {
            assert!(!is_ampersand_initials(w), "{w}");
        }
    }

    #[test]
    fn unmarked_initials_become_an_organization() {
        let words = [
            "Shares", "of", "AT&T", "and", "Kelmar", "Corp", "rose", ";", "R&D", "fell",
        ];
        let mut spans = vec![Span {
            start: 4,
            end: 6,
            ty: 2,
        }];
        ampersand_initials(&words, &mut spans);
        let got: Vec<_> = spans.iter().map(|s| (s.start, s.end, s.ty)).collect();
        assert_eq!(got, [(2, 3, 2), (4, 6, 2)]);
        // A span the model made is kept as it is.
        let mut spans = vec![Span {
            start: 2,
            end: 3,
            ty: 0,
        }];
        ampersand_initials(&words, &mut spans);
        assert_eq!((spans.len(), spans[0].ty), (1, 0));
    }
}
