//! Forms of one organization's name in one article, made one entity: its acronym ("IMF" and
//! "International Monetary Fund", in 132 Reuters and BBC articles listed apart), its name
//! without "Party" or in the plural ("Labour" and "Labour Party", "Liberal Democrat" and
//! "Liberal Democrats"), and a clipped form ("Lib Dems").
//!
//! The entity shows the longest form ("International Monetary Fund", "Labour Party") and keeps
//! the others as aliases, which are indexed as its keys too: `--org IMF` and `--org
//! "International Monetary Fund"` both find an article that writes both. (Showing the
//! shortest one-word form made "Labour" a surname: "Blair Labour" took the party.)

use rustc_hash::FxHashMap as HashMap;

use super::merge::Cand;
use crate::article::EntityKind;

/// Words left out of an acronym ("Organization of the Petroleum Exporting Countries"). Not
/// `text::is_glue_word`'s list: "Drink Or Die" is DOD.
const SKIPPED: &[&str] = &["and", "de", "for", "in", "of", "on", "the", "&"];

/// Whether `short` is `long`'s acronym: 2 to 6 capitals (periods ignored: "U.N.") that are
/// the initials of `long`'s words but [`SKIPPED`] ones, `long` having as many such words and
/// none of them `short` itself ("EC" does not spell out "EC Commission", the body's executive).
pub fn is_acronym(short: &str, long: &str) -> bool {
    let letters: Vec<char> = short.chars().filter(|&c| c != '.').collect();
    if !(2..=6).contains(&letters.len()) || !letters.iter().all(char::is_ascii_uppercase) {
        return false;
    }
    let words = || {
        long.split([' ', '-'])
            .filter(|w| !w.is_empty() && !SKIPPED.iter().any(|s| s.eq_ignore_ascii_case(w)))
    };
    let bare = |w: &str| w.chars().filter(|&c| c != '.').collect::<String>();
    if words().any(|w| bare(w).eq_ignore_ascii_case(&bare(short))) {
        return false;
    }
    let initials: Vec<char> = words().filter_map(|w| w.chars().next()).collect();
    initials.len() == letters.len()
        && initials
            .iter()
            .zip(&letters)
            .all(|(a, b)| a.to_ascii_uppercase() == *b)
}

/// `name`'s words without a last word "Party", each without a plural "s", lower-cased.
fn stems(name: &str) -> Vec<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("party"))
    {
        words.pop();
    }
    words
        .iter()
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
                _ => w,
            }
        })
        .collect()
}

/// Whether `short` is an all-capitals headline's form of `long`: its words are `long`'s first
/// words ("HARCOURT" of Harcourt Brace Jovanovich, "CARSON PIRIE" of Carson Pirie Scott; 939
/// Reuters headlines listed both apart). One short word must have six letters or more: a
/// body's acronym ("USDA", "CBI") is no clipped name.
fn is_headline_form(short: &str, long: &str) -> bool {
    if short.contains(char::is_lowercase) || !long.contains(char::is_lowercase) {
        return false;
    }
    // No allocation: this runs for many pairs of names of each article.
    let same = |a: &str, b: &str| {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    };
    let mut long_words = long.split_whitespace();
    let (mut words, mut letters) = (0, 0);
    for w in short.split_whitespace() {
        if !long_words.next().is_some_and(|l| same(w, l)) {
            return false;
        }
        words += 1;
        letters = w.chars().count();
    }
    (words >= 2 || letters >= 6) && long_words.next().is_some()
}

/// Whether `short` (the fewer letters, with [`stems`] `s`) is another form of `long` (stems
/// `l`): its acronym, or the same words without "Party" or a plural "s" ("Labour",
/// "Conservatives"), or, with two words or more, each word the start of `long`'s word (three
/// letters at least: "Lib Dems").
fn is_form_of(short: &str, s: &[String], long: &str, l: &[String]) -> bool {
    if is_acronym(short, long) || is_headline_form(short, long) {
        return true;
    }
    if s == l {
        return true;
    }
    s.len() == l.len()
        && s.len() >= 2
        && s.iter()
            .zip(l)
            .all(|(a, b)| b.starts_with(a.as_str()) && a.chars().count() >= 3)
}

/// Display-score bonus of the longest form's candidates: more than text over metadata and
/// mixed case over capitals together (`entities::TEXT_BONUS`, `org::display_score`).
const ROOT_BONUS: u8 = 32;

/// Gives the organization candidates whose names are forms of one name ([`is_form_of`]) one
/// key, the longest form's, and that form's candidates a display-score bonus; their names
/// stay, to become the entity's aliases (`merge::assemble`). A form that fits two longer
/// names ("UN" with "United Nations" and "Union Nationale") joins neither.
pub fn join_org_forms(cands: &mut [Cand]) {
    // Distinct organization keys, each with its first name.
    let mut keys: Vec<(&str, &str)> = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::default();
    for c in cands.iter().filter(|c| c.kind == EntityKind::Org) {
        if seen.insert(&c.key, ()).is_none() {
            keys.push((&c.key, &c.name));
        }
    }
    // Quadratic in the distinct names of one article, which are few; a huge file-sized
    // article is left alone.
    if keys.len() < 2 || keys.len() > 200 {
        return;
    }
    // Each short key → the root of the longer keys it is a form of, longest names first so
    // that every longer key knows its own root ("Lib Dems" fits both "Liberal Democrat" and
    // "Liberal Democrats", one root).
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(keys[i].1.len()));
    let stemmed: Vec<Vec<String>> = keys.iter().map(|k| stems(k.1)).collect();
    // Every form starts with the first letter of its name's first word not [`SKIPPED`]
    // ("IMF", "BHP" of The Broken Hill Pty, "Lib Dems"): a cheap test before the others.
    let first = |name: &str| {
        name.split([' ', '-'])
            .find(|w| !w.is_empty() && !SKIPPED.iter().any(|s| s.eq_ignore_ascii_case(w)))
            .and_then(|w| w.chars().next())
            .map(|c| c.to_ascii_lowercase())
    };
    let mut root: Vec<usize> = (0..keys.len()).collect();
    for &i in &order {
        let short = keys[i].1;
        let mut roots: Vec<usize> = (0..keys.len())
            .filter(|&j| {
                let long = keys[j].1;
                long.len() > short.len()
                    && first(long) == first(short)
                    && is_form_of(short, &stemmed[i], long, &stemmed[j])
            })
            .map(|j| root[j])
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if let [r] = roots[..] {
            root[i] = r;
        }
    }
    if root.iter().enumerate().all(|(i, &r)| i == r) {
        return;
    }
    // Each joined key → its root's key, and whether it is the root (the longest form, whose
    // name the entity shows).
    let rewrite: HashMap<&str, (&str, bool)> = (0..keys.len())
        .filter(|&i| root[i] != i || root.contains(&i))
        .map(|i| (keys[i].0, (keys[root[i]].0, root[i] == i)))
        .collect();
    let rewrite: HashMap<String, (String, bool)> = rewrite
        .into_iter()
        .map(|(k, (r, is_root))| (k.to_string(), (r.to_string(), is_root)))
        .collect();
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Org) {
        if let Some((key, is_root)) = rewrite.get(&c.key) {
            c.key.clone_from(key);
            if *is_root {
                // Ahead of the other forms, keeping the usual order among the root's own
                // spellings ("Wall Street" over a headline's "WALL STREET").
                c.score = c.score.saturating_add(ROOT_BONUS);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::fold::exact_key;

    fn org(name: &str) -> Cand {
        Cand {
            kind: EntityKind::Org,
            name: name.into(),
            key: exact_key(name),
            span: Some((0, 1)),
            country: None,
            geonames_id: None,
            score: 2,
        }
    }

    /// The entities' names, each with its aliases.
    fn joined(names: &[&str]) -> Vec<(String, Vec<String>)> {
        let mut cands: Vec<Cand> = names.iter().map(|n| org(n)).collect();
        join_org_forms(&mut cands);
        super::super::merge::assemble(cands)
            .into_iter()
            .map(|e| (e.name, e.aliases))
            .collect()
    }

    fn form_of(short: &str, long: &str) -> bool {
        is_form_of(short, &stems(short), long, &stems(long))
    }

    #[test]
    fn forms_of_one_name() {
        assert!(is_acronym("IMF", "International Monetary Fund"));
        assert!(is_acronym("U.N.", "United Nations"));
        assert!(is_acronym(
            "OPEC",
            "Organization of Petroleum Exporting Countries"
        ));
        assert!(!is_acronym("IBM", "International Monetary Fund"));
        assert!(!is_acronym("Imf", "International Monetary Fund"));
        assert!(!is_acronym("EC", "EC Commission"));
        assert!(!is_acronym("U.S.", "U.S. Steel"));
        assert!(form_of("Labour", "Labour Party"));
        assert!(form_of("Conservatives", "Conservative Party"));
        assert!(form_of("Lib Dems", "Liberal Democrats"));
        assert!(!form_of("Apple", "Applebee's"));
        assert!(!form_of("Bank of Korea", "Bank of Korean Finance"));
        assert!(form_of("HARCOURT", "Harcourt Brace Jovanovich"));
        assert!(form_of("CARSON PIRIE", "Carson Pirie Scott"));
        assert!(!form_of("CBI", "CBI Industries"));
        assert!(!form_of("Harcourt", "Harcourt Brace Jovanovich"));
        assert!(!form_of("CARSON PIRIE", "CARSON PIRIE SCOTT"));
    }

    #[test]
    fn the_longest_form_names_the_entity_and_the_others_are_aliases() {
        let e = |name: &str, aliases: &[&str]| {
            (
                name.to_string(),
                aliases.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            joined(&["IMF", "International Monetary Fund", "IMF"]),
            [e("International Monetary Fund", &["IMF"])]
        );
        assert_eq!(
            joined(&["Labour", "Labour Party"]),
            [e("Labour Party", &["Labour"])]
        );
        assert_eq!(
            joined(&[
                "Liberal Democrats",
                "Lib Dems",
                "Lib Dems",
                "Liberal Democrat"
            ]),
            [e("Liberal Democrats", &["Lib Dems", "Liberal Democrat"])]
        );
        // Two longer names fit: neither is joined.
        assert_eq!(
            joined(&["UN", "United Nations", "Union Nationale"]),
            [
                e("UN", &[]),
                e("United Nations", &[]),
                e("Union Nationale", &[])
            ]
        );
    }
}
