//! Company names that the recognizer cut at their start: "[Manhattan Corp]" for "Chase
//! Manhattan Corp", "[Telegraph Co]" for "American Telephone and Telegraph Co", "[Loan
//! Association]" for "Home Savings and Loan Association".
//!
//! Names made of ordinary words ("Chase", "Telephone", "Savings") are the recognizer's blind
//! spot: it learned them as lower-case words. In Reuters-21578 "Manhattan", "Telegraph" and
//! "Loan Association" were organizations in 30 to 75 articles each. Two shapes are restored,
//! both only before a legal form (or, for the second, an organization's head noun), where
//! the words in front can only belong to the name:
//! - One capitalized word right before the mention ("said Chase Manhattan Corp"). At a
//!   sentence's start the capital proves nothing for an ordinary word ("Rival Chrysler Corp
//!   said"): it is taken there only if the article also writes it capitalized mid-sentence.
//! - "X and Y" ("American Telephone and Telegraph Co", "Food and Drug Administration"). Where
//!   X is a proper name, a place or the recognizer's organization, the article must never
//!   write X alone: two parties stay apart ("Ford and Chrysler Corp", "Ford said"; "Japan and
//!   Sony Corp").
//!
//! The article's other mentions of a restored name follow it: one sense per discourse (Gale,
//! Church & Yarowsky 1992), as in `firm.rs`.

use super::firm::{is_firm_word, is_foreign_form, is_written_legal_form, org_over};
use super::org::is_head_noun;
use super::text::is_capitalized_name_word;
use crate::article::{EntityKind, Mention};

/// A yes-or-no question about a word or name, answered by a model part (clusters, gazetteer).
type WordTest<'a> = &'a dyn Fn(&str) -> bool;

/// Last words of an organization that is whole without the words after "and" ("Rexnord's
/// Process Machinery Division and Mathews Conveyor Co" are two businesses).
const UNIT_WORDS: &[&str] = &["Division", "Holdings", "Operations", "Subsidiary", "Unit"];

/// Words before a place that make it a location, not the start of a name.
const LOCATIVES: &[&str] = &["at", "from", "in", "near", "of", "outside", "to"];

/// Most searches for a word's other occurrences per text (each scans the text once), so that
/// a huge one-article file full of companies stays linear.
const MAX_SEARCHES: usize = 64;

/// Rewrites `mentions` (char offsets into `text`) so that company names cut at their start
/// are whole organization mentions, as the module docs describe. `is_ordinary(word)` says
/// whether a word is an ordinary lower-case word (the recognizer's word clusters) or a
/// results-table word ("Shr"), `is_country(name)` whether a name is a country's (the
/// gazetteer).
pub fn restore_firm_starts(
    text: &str,
    mentions: &mut Vec<Mention>,
    is_ordinary: &dyn Fn(&str) -> bool,
    is_country: &dyn Fn(&str) -> bool,
) {
    if mentions.is_empty() {
        return;
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    let mut bytes_at = crate::extract::CharToByte::new(text);
    let mut out: Vec<(Mention, usize, usize)> = Vec::with_capacity(mentions.len());
    let mut names: Vec<String> = Vec::new();
    let mut searches = 0;
    for m in mentions.drain(..) {
        let (s, e) = (bytes_at.byte(m.start), bytes_at.byte(m.end));
        // Any kind for "X and Y": the recognizer read "Drug Administration" as a place. Every
        // mention passes here, so the cheap tests come first: a mention that is no company's
        // and follows no "and" has nothing to restore.
        let company = matches!(m.kind, EntityKind::Org | EntityKind::Person);
        let after_and = word_before(text, s).is_some_and(|(_, w)| w == "and" || w == "&");
        let words = (company || after_and)
            .then(|| name_words(text, &m.text, e, after_and))
            .flatten();
        let Some(name_words) = words else {
            out.push((m, s, e));
            continue;
        };
        let prev_end = out.last().map_or(0, |p| p.2);
        if let Some(from) = coordinated_start(
            text,
            s,
            &out,
            &name_words,
            (is_ordinary, is_country),
            &mut searches,
        ) {
            while out.last().is_some_and(|p| p.1 >= from) {
                out.pop();
            }
            let joined = org_over(text, m.start - text[from..s].chars().count(), from, e);
            names.push(without_legal_form(&joined.text));
            out.push((joined, from, e));
            continue;
        }
        let word = word_before(text, s).filter(|&(ws, w)| {
            !new_row(&text[ws + w.len()..s])
                && ws >= prev_end
                && company
                && name_words.legal
                && opens_the_name(text, ws, w, (is_ordinary, is_country), &mut searches)
        });
        match word {
            Some((ws, _)) => {
                let joined = org_over(text, m.start - text[ws..s].chars().count(), ws, e);
                names.push(without_legal_form(&joined.text));
                out.push((joined, ws, e));
            }
            None => out.push((m, s, e)),
        }
    }
    names.retain(|n| n.contains(' '));
    names.sort();
    names.dedup();
    if !names.is_empty() {
        follow_restored_names(text, &names, &mut out);
    }
    mentions.extend(out.into_iter().map(|(m, ..)| m));
}

/// The words of a company mention before its legal form, and whether one ends it: `None`
/// unless a capitalized legal form ends the mention or follows it ("[Manhattan Corp]",
/// "[Chase Manhattan] Corp"), or, with `head_nouns`, a head noun ends it ("[Drug
/// Administration]").
struct NameWords<'a> {
    words: Vec<&'a str>,
    legal: bool,
}

fn name_words<'a>(
    text: &str,
    mention: &'a str,
    end: usize,
    head_nouns: bool,
) -> Option<NameWords<'a>> {
    let legal = is_written_legal_form;
    let last = mention.split_whitespace().next_back()?;
    let after = text[end..].trim_start_matches([' ', ',']);
    let next = after
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    // Every mention passes here: most have neither word capitalized after them nor a
    // capitalized last word that could be a legal form or head noun.
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    if !capital(last) && !capital(next) {
        return None;
    }
    let mut words: Vec<&str> = mention.split_whitespace().collect();
    let legal_form = if legal(last) {
        words.pop();
        if words.last().is_some_and(|w| *w == "and" || *w == "&") {
            words.pop();
        }
        true
    } else {
        text[end..].starts_with([' ', ',']) && legal(next)
    };
    let head = head_nouns
        && !legal_form
        && last.starts_with(|c: char| c.is_uppercase())
        && is_head_noun(last);
    (!words.is_empty() && (legal_form || head)).then_some(NameWords {
        words,
        legal: legal_form,
    })
}

/// Byte start of "X and" before a company mention at byte `start` (of ordinary words unless
/// a legal form ends it): X is one to four capitalized words, some of them a MISC mention
/// ("American"), after which the name runs on ("Home Savings and [Loan Association]"). Where
/// X holds a word that is no ordinary word, a place or the recognizer's organization mention
/// ending in an ordinary word ("[American Telephone] and [Telegraph Co]"), the article must
/// never write X without "and" and the name after it. `None` where X is a person, a whole
/// company (legal form, "Division") or a proper name written alone ("Ford and Chrysler
/// Corp", "Ford said").
fn coordinated_start(
    text: &str,
    start: usize,
    out: &[(Mention, usize, usize)],
    name: &NameWords<'_>,
    (is_ordinary, is_country): (WordTest<'_>, WordTest<'_>),
    searches: &mut usize,
) -> Option<usize> {
    let plain = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !crate::extract::ner::is_capitalized_function_word(w)
            && !super::person::is_title(w)
    };
    let (and_at, and) = word_before(text, start)?;
    if and != "and" && and != "&" {
        return None;
    }
    let ordinary = |w: &str| plain(w) && !describes(w) && (is_ordinary(w) || is_head_noun(w));
    // A head noun alone is one party of two ("the White House and Congress").
    let shaped = name.legal || name.words.len() >= 2;
    // Before a legal form any capitalized words ("Telegraph" is no everyday word); before a
    // head noun alone, ordinary ones ("Food and Drug Administration").
    let fits = |w: &&str| {
        if name.legal {
            plain(w) && !describes(w)
        } else {
            ordinary(w)
        }
    };
    if !shaped || name.words.len() > 3 || !name.words.iter().all(fits) {
        return None;
    }
    // `out` is sorted by start: only the last mention starting at or before `b` can cover it.
    let covering = |b: usize| {
        let k = out.partition_point(|p| p.1 <= b);
        k.checked_sub(1).map(|k| &out[k]).filter(|p| b < p.2)
    };
    let mut from = None;
    let mut at = and_at;
    // Whether X holds the recognizer's organization or place ("[Pacific Gas] and Electric",
    // "[Hongkong] and Shanghai Banking") or a word that is no ordinary word ("Home Savings"),
    // which needs the article's word for it.
    let mut named = false;
    // Whether X holds a country: then the name after "and" must be ordinary words too, as a
    // country and a company are two parties ("Japan and Sony Corp", "Canada and Northern
    // Telecom Ltd"); a town or region may open a name ("Gulf and Western").
    let mut country = false;
    for k in 0..4 {
        let Some((ws, w)) = word_before(text, at) else {
            break;
        };
        // A legal form ends a whole company: "Norma Bork Associates Inc and Bork Medical".
        if super::is_legal_form_word(w) {
            return None;
        }
        let taken = match covering(ws) {
            // A name ending in a head noun is whole ("Process Machinery Division and ..."), and
            // so is a long one ("Merrill Lynch Capital Markets and Lazard Freres").
            Some((p, ..)) if p.kind == EntityKind::Org => {
                let own = p.text.split_whitespace().count() <= 3
                    && plain(w)
                    && !describes(w)
                    && (k > 0 || (is_ordinary(w) && !is_head_noun(w) && !is_firm_word(w)))
                    && !UNIT_WORDS.contains(&w);
                named |= own;
                own
            }
            Some((p, ..)) if p.kind == EntityKind::Place => {
                named |= plain(w);
                country |= is_country(&p.text);
                plain(w) && !describes(w)
            }
            Some((p, ..)) => p.kind == EntityKind::Misc && plain(w) && !describes(w),
            None => {
                let word = plain(w) && !describes(w);
                named |= word && !ordinary(w);
                word
            }
        };
        if !taken {
            // An organization or person right before "and" is the other party.
            if covering(ws)
                .is_some_and(|p| matches!(p.0.kind, EntityKind::Org | EntityKind::Person))
                && from.is_none()
            {
                return None;
            }
            break;
        }
        from = Some(ws);
        at = ws;
    }
    let from = from?;
    if country && !name.words.iter().all(|w| ordinary(w)) {
        return None;
    }
    // A place after a preposition is where something is ("First National Bank of Minneapolis
    // and Salomon Inc", "Husky Oil Ltd of Canada and Pearson Plc").
    let located = word_before(text, from).is_some_and(|(_, w)| LOCATIVES.contains(&w));
    if located && covering(from).is_some_and(|p| p.0.kind == EntityKind::Place) {
        return None;
    }
    // A mention that starts before X and runs into it is a name of its own.
    if covering(from).is_some_and(|p| p.1 < from) {
        return None;
    }
    if named {
        *searches += 1;
        let x = text[from..and_at].trim_end();
        let first = name.words.first()?;
        if *searches > MAX_SEARCHES || !always_joined(text, x, first) {
            return None;
        }
    }
    // A fourth capitalized word before X: a Title Case line or a longer name; left alone.
    let title_case = word_before(text, from).is_some_and(|(_, w)| capitalized(w));
    (!title_case || starts_sentence(text, from)).then_some(from)
}

/// Whether every occurrence of `x` in `text`, as written or in capitals (wire headlines), is
/// followed by "and" or "&" and `first` (in any case): "Pacific Gas" is then the start of
/// "Pacific Gas and Electric", not a company of its own, and "MINNEAPOLIS, March 3" shows
/// the city in "Minneapolis and Salomon Brothers" to be a place.
fn always_joined(text: &str, x: &str, first: &str) -> bool {
    let upper = x.to_uppercase();
    let mut found = text.match_indices(x).map(|(p, _)| p).collect::<Vec<_>>();
    if upper != x {
        found.extend(text.match_indices(upper.as_str()).map(|(p, _)| p));
    }
    found.into_iter().all(|p| {
        let rest = text[p + x.len()..].trim_start();
        let word = rest.split(char::is_whitespace).next().unwrap_or("");
        let after = rest[word.len()..].trim_start();
        (word.eq_ignore_ascii_case("and") || word == "&")
            && after
                .get(..first.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(first))
    })
}

/// Whether capitalized `word` at byte `at`, right before a company mention, opens the
/// company's name: not a title, nor a word capitalized by position ("The", "March"), nor a
/// country's possessive ("Britain's Hanson Trust"), nor the last of a Title Case run. At a
/// sentence's start, an ordinary word (or a results-table word, see `is_ordinary`) opens it
/// only when the article also writes it capitalized mid-sentence: "Chase Manhattan Corp
/// said" takes "Chase", "Rival Chrysler Corp said" needs "Rival" elsewhere.
fn opens_the_name(
    text: &str,
    at: usize,
    word: &str,
    (is_ordinary, is_country): (WordTest<'_>, WordTest<'_>),
    searches: &mut usize,
) -> bool {
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if !is_capitalized_name_word(word)
        || describes(word)
        || super::person::is_title(word)
        || crate::extract::ner::is_capitalized_function_word(word)
        || (stem.len() < word.len() && is_country(stem))
    {
        return false;
    }
    if !starts_sentence(text, at) {
        return !word_before(text, at).is_some_and(|(_, w)| capitalized(w));
    }
    if !is_ordinary(word) {
        return true;
    }
    *searches += 1;
    if *searches > MAX_SEARCHES {
        return false;
    }
    text.match_indices(word).any(|(p, _)| {
        // Not opening a table row either ("\n    Shr ...").
        let gap = text[..p].len() - text[..p].trim_end().len();
        p != at
            && bounded(text, p, p + word.len())
            && !new_row(&text[p - gap..p])
            && !starts_sentence(text, p)
            && !word_before(text, p).is_some_and(|(_, w)| capitalized(w))
    })
}

/// Whether `w` is a compound adjective that describes a company rather than names it:
/// a hyphen part in lower case ("London-based", "Japanese-owned", "B-minus").
fn describes(w: &str) -> bool {
    w.split('-')
        .skip(1)
        .any(|p| p.starts_with(char::is_lowercase))
}

/// Whether `w` is capitalized other than by position or convention ("The", "March"): in
/// front of a name, the sign of a Title Case line or a longer name.
fn capitalized(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && !crate::extract::ner::is_capitalized_function_word(w)
}

/// The word (a run of non-whitespace) that ends before byte `at` past spaces and at most one
/// line break (wire copy breaks lines mid-sentence), with its byte start.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = &text[..at];
    let trimmed = before.trim_end();
    let gap = &before[trimmed.len()..];
    if trimmed.is_empty() || gap.is_empty() || gap.matches('\n').count() > 1 {
        return None;
    }
    let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
        i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
    });
    Some((start, &trimmed[start..]))
}

/// Whether whitespace `gap` starts an indented line: a paragraph or a table row in wire copy
/// ("Year\n Eac Industries Inc", "\n    Shr 1.20 dlrs"), where a plain line break only
/// wraps running text ("American Telephone and\nTelegraph Co").
fn new_row(gap: &str) -> bool {
    gap.contains("\n ") || gap.contains("\n\t")
}

/// Whether byte `at` opens a sentence: the text's start, after a blank line, or after
/// sentence-ending or opening punctuation other than an abbreviation's period ("U.S.",
/// "F.C."). Unlike `extract::opens_sentence`, which takes every line break for a sentence's
/// start (headlines, captions), a single line break is not one here: wire copy wraps its
/// lines inside company names ("American Telephone and\nTelegraph Co").
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let trimmed = before.trim_end();
    let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let abbreviation = last_word.ends_with('.')
        && (last_word[..last_word.len() - 1].contains('.') || last_word.chars().count() == 2);
    trimmed.is_empty()
        || before[trimmed.len()..].matches('\n').count() > 1
        || (trimmed.ends_with(['.', '!', '?', ':', ';', '"', '“', '(', '-']) && !abbreviation)
}

/// Whether bytes `from..to` of `text` are whole words.
fn bounded(text: &str, from: usize, to: usize) -> bool {
    !text[..from].ends_with(char::is_alphanumeric) && !text[to..].starts_with(char::is_alphanumeric)
}

/// `name` without its trailing legal forms ("Chase Manhattan Corp" → "Chase Manhattan"),
/// continental ones too ("Deutsche Babcock AG" → "Deutsche Babcock"), which `org`'s merge
/// key keeps but later mentions drop.
fn without_legal_form(name: &str) -> String {
    let mut words: Vec<&str> = name[..super::org::without_legal_forms(name)]
        .split_whitespace()
        .collect();
    if words.len() > 1 && words.last().is_some_and(|w| is_foreign_form(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Makes every other whole-word occurrence of the restored `names` in `text` an organization
/// mention, replacing the mentions inside it; an occurrence that a longer mention covers, or
/// that a mention crosses, is left alone. `out` holds (mention, byte start, byte end) sorted
/// by start and stays so.
fn follow_restored_names(text: &str, names: &[String], out: &mut Vec<(Mention, usize, usize)>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for n in names {
        found.extend(
            text.match_indices(n.as_str())
                .map(|(p, _)| (p, p + n.len()))
                .filter(|&(p, q)| bounded(text, p, q)),
        );
    }
    found.sort_unstable();
    // One merge of two sorted lists, so a long text with many mentions stays linear.
    let mut old: Vec<Option<(Mention, usize, usize)>> =
        std::mem::take(out).into_iter().map(Some).collect();
    let mut i = 0;
    let (mut char_at, mut byte_at) = (0, 0);
    for (p, q) in found {
        while let Some(m) = old
            .get_mut(i)
            .filter(|m| m.as_ref().is_some_and(|m| m.1 < p))
        {
            out.extend(m.take());
            i += 1;
        }
        // A mention (or an occurrence just made one) that runs into this one covers or
        // crosses it.
        if out.last().is_some_and(|m| m.2 > p) {
            continue;
        }
        let inside = old[i..]
            .iter()
            .flatten()
            .take_while(|m| m.1 < q)
            .map(|m| (m.1 == p && m.2 >= q, m.2 > q))
            .collect::<Vec<_>>();
        if inside.iter().any(|&(whole, crosses)| whole || crosses) {
            continue;
        }
        i += inside.len();
        char_at += text[byte_at..p].chars().count();
        byte_at = p;
        out.push((org_over(text, char_at, p, q), p, q));
    }
    out.extend(old.into_iter().skip(i).flatten());
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    const ORDINARY: &[&str] = &[
        "rival",
        "shr",
        "telephone",
        "telegraph",
        "loan",
        "association",
        "food",
        "drug",
        "administration",
        "cable",
        "wireless",
        "home",
    ];

    fn ordinary(w: &str) -> bool {
        ORDINARY.iter().any(|o| o.eq_ignore_ascii_case(w))
    }

    fn restored(text: &str, ms: &[(EntityKind, &str, usize)]) -> Vec<(EntityKind, String)> {
        let mut v: Vec<Mention> = ms.iter().map(|&(k, w, n)| m(text, k, w, n)).collect();
        restore_firm_starts(text, &mut v, &ordinary, &|p| {
            ["Japan", "Canada", "Britain"].contains(&p)
        });
        for m in &v {
            let got: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(got, m.text, "offsets of {m:?}");
        }
        v.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    use EntityKind::{Misc, Org, Person, Place};

    #[test]
    fn a_word_before_a_legal_form_mid_sentence_joins_the_name() {
        let text = "Analysts said Chase Manhattan Corp raised its rate.";
        assert_eq!(
            restored(text, &[(Person, "Manhattan Corp", 0)]),
            [(Org, "Chase Manhattan Corp".to_string())]
        );
    }

    #[test]
    fn at_a_sentence_start_the_word_needs_a_capitalized_use_mid_sentence() {
        let text = "Chase Manhattan Corp said it raised its prime rate.\n\nAnalysts said Chase \
                    Manhattan would follow.";
        assert_eq!(
            restored(
                text,
                &[(Person, "Manhattan Corp", 0), (Place, "Manhattan", 1)]
            ),
            [
                (Org, "Chase Manhattan Corp".to_string()),
                (Org, "Chase Manhattan".to_string())
            ]
        );
        // Alone, "Rival" at a sentence's start stays out; so does a title or "The".
        for text in [
            "Rival Chrysler Corp said it would match the cut.",
            "Chairman Chrysler Corp said so.",
            "The Chrysler Corp plan. Analysts said the Chrysler Corp plan was late.",
        ] {
            assert_eq!(
                restored(text, &[(Org, "Chrysler Corp", 0)]),
                [(Org, "Chrysler Corp".to_string())],
                "{text}"
            );
        }
        // A word that is no ordinary word opens the name even alone ("chase" is in no test
        // list of ordinary words, as in the shipped clusters); a country's possessive never.
        let text = "Chase Manhattan Corp said rates rose. Britain's Hanson Trust Plc agreed.";
        assert_eq!(
            restored(
                text,
                &[(Person, "Manhattan Corp", 0), (Org, "Hanson Trust Plc", 0)]
            ),
            [
                (Org, "Chase Manhattan Corp".to_string()),
                (Org, "Hanson Trust Plc".to_string())
            ]
        );
        // "Shearson" mid-sentence elsewhere is enough; a table's "Shr" never is.
        let text = "Shearson Lehman Brothers Inc said it agreed, a Shearson spokesman said.";
        assert_eq!(
            restored(text, &[(Org, "Lehman Brothers Inc", 0)]),
            [(Org, "Shearson Lehman Brothers Inc".to_string())]
        );
        let text = "Year\n Eac Industries Inc shr loss 65 cts";
        assert_eq!(
            restored(text, &[(Org, "Eac Industries Inc", 0)]),
            [(Org, "Eac Industries Inc".to_string())]
        );
        let text = "NEW YORK - Shr Royal Dutch Petroleum Co 2.30 dlrs\n Shr Shell 1.38 dlrs";
        assert_eq!(
            restored(text, &[(Org, "Royal Dutch Petroleum Co", 0)]),
            [(Org, "Royal Dutch Petroleum Co".to_string())]
        );
        // An abbreviation's period ends no sentence; the capitalized "U.S." then marks a
        // Title Case run.
        let text = "Beatty, of U.S. Packer John Morrell and Co, said so.";
        assert_eq!(
            restored(text, &[(Org, "John Morrell and Co", 0)]),
            [(Org, "John Morrell and Co".to_string())]
        );
    }

    #[test]
    fn title_case_lines_and_other_mentions_are_left_alone() {
        // The word before "Chase" is capitalized too: a headline, not a name.
        let text = "Bank Rivals Chase Manhattan Corp Raise Rates";
        assert_eq!(
            restored(text, &[(Org, "Manhattan Corp", 0)]),
            [(Org, "Manhattan Corp".to_string())]
        );
        // The word before belongs to another mention.
        let text = "shares of U.S. Steel Corp rose";
        assert_eq!(
            restored(text, &[(Place, "U.S.", 0), (Org, "Steel Corp", 0)]),
            [(Place, "U.S.".to_string()), (Org, "Steel Corp".to_string())]
        );
        // No legal form: nothing to go by.
        let text = "Analysts said Chase Manhattan would follow.";
        assert_eq!(
            restored(text, &[(Place, "Manhattan", 0)]),
            [(Place, "Manhattan".to_string())]
        );
    }

    #[test]
    fn ordinary_words_joined_by_and_make_one_name() {
        let text = "American Telephone and Telegraph Co said the Food and Drug Administration \
                    and Home Savings and Loan Association agreed; Cable and Wireless Plc too.";
        assert_eq!(
            restored(
                text,
                &[
                    (Misc, "American", 0),
                    (Org, "Telegraph Co", 0),
                    (Place, "Food", 0),
                    (Place, "Drug Administration", 0),
                    (Org, "Loan Association", 0),
                    (Org, "Wireless Plc", 0),
                ]
            ),
            [
                (Org, "American Telephone and Telegraph Co".to_string()),
                (Org, "Food and Drug Administration".to_string()),
                (Org, "Home Savings and Loan Association".to_string()),
                (Org, "Cable and Wireless Plc".to_string()),
            ]
        );
    }

    #[test]
    fn a_name_the_recognizer_split_at_and_is_joined() {
        let text = "DENVER - American Telephone and Telegraph Co said\nit has a new wire. \
                    American Telephone and\nTelegraph Co shares rose.";
        assert_eq!(
            restored(
                text,
                &[
                    (Org, "American Telephone", 0),
                    (Org, "Telegraph Co", 0),
                    (Org, "American Telephone", 1),
                    (Org, "Telegraph Co", 1),
                ]
            ),
            [
                (Org, "American Telephone and Telegraph Co".to_string()),
                (Org, "American Telephone and\nTelegraph Co".to_string()),
            ]
        );
        // The recognizer's cuts as found in Reuters-21578 (reut2-000 #401 and others).
        let text = "MOBILE, Ala. - First Southern Federal Savings and\nLoan Association said \
                    the Food and Drug Administration agreed.";
        assert_eq!(
            restored(
                text,
                &[
                    (Place, "MOBILE", 0),
                    (Place, "Ala", 0),
                    (Misc, "Southern Federal Savings", 0),
                    (Org, "Loan Association", 0),
                    (Org, "Food", 0),
                    (Person, "Drug Administration", 0),
                ]
            ),
            [
                (Place, "MOBILE".to_string()),
                (Place, "Ala".to_string()),
                (
                    Org,
                    "First Southern Federal Savings and\nLoan Association".to_string()
                ),
                (Org, "Food and Drug Administration".to_string()),
            ]
        );
        // A place after a preposition is a location; a unit of one company is whole.
        let text = "loans from First National Bank of Minneapolis and Salomon Inc; Rexnord \
                    will sell its Process Machinery Division and Mathews Conveyor Co.";
        let found = [
            (Org, "First National Bank", 0),
            (Place, "Minneapolis", 0),
            (Org, "Salomon Inc", 0),
            (Org, "Rexnord", 0),
            (Org, "Process Machinery Division", 0),
            (Org, "Mathews Conveyor Co", 0),
        ];
        let unchanged: Vec<_> = found.iter().map(|&(k, w, _)| (k, w.to_string())).collect();
        assert_eq!(restored(text, &found), unchanged);
        // A place needs the same: "Minneapolis" stands alone in the dateline.
        let text = "MINNEAPOLIS, March 3 - Pillsbury said Minneapolis and Salomon Brothers Inc \
                    agreed. Hongkong and Shanghai Banking Corp lent.";
        assert_eq!(
            restored(
                text,
                &[
                    (Place, "MINNEAPOLIS", 0),
                    (Org, "Pillsbury", 0),
                    (Place, "Minneapolis", 0),
                    (Org, "Salomon Brothers Inc", 0),
                    (Place, "Hongkong", 0),
                    (Org, "Shanghai Banking Corp", 0),
                ]
            ),
            [
                (Place, "MINNEAPOLIS".to_string()),
                (Org, "Pillsbury".to_string()),
                (Place, "Minneapolis".to_string()),
                (Org, "Salomon Brothers Inc".to_string()),
                (Org, "Hongkong and Shanghai Banking Corp".to_string()),
            ]
        );
        let text = "Officials said Japan and Sony Corp agreed.";
        assert_eq!(
            restored(text, &[(Place, "Japan", 0), (Org, "Sony Corp", 0)]),
            [(Place, "Japan".to_string()), (Org, "Sony Corp".to_string())]
        );
        // Written alone elsewhere, it is a party of its own.
        let text = "Ford Motor and General Motors Corp agreed; Ford Motor said so.";
        assert_eq!(
            restored(
                text,
                &[
                    (Org, "Ford Motor", 0),
                    (Org, "General Motors Corp", 0),
                    (Org, "Ford Motor", 1)
                ]
            ),
            [
                (Org, "Ford Motor".to_string()),
                (Org, "General Motors Corp".to_string()),
                (Org, "Ford Motor".to_string())
            ]
        );
    }

    #[test]
    fn two_parties_joined_by_and_stay_apart() {
        let text = "talks between Ford and Chrysler Corp and between IBM and Telegraph Co \
                    ended; The Savings and Loan Association met.";
        let apart = "Merrill Lynch Capital Markets and Lazard Freres Inc and Acme Inc and \
                     Telephone Co led it.";
        assert_eq!(
            restored(
                apart,
                &[
                    (Org, "Merrill Lynch Capital Markets", 0),
                    (Org, "Lazard Freres Inc", 0),
                    (Org, "Acme Inc", 0),
                    (Org, "Telephone Co", 0),
                ]
            ),
            [
                (Org, "Merrill Lynch Capital Markets".to_string()),
                (Org, "Lazard Freres Inc".to_string()),
                (Org, "Acme Inc".to_string()),
                (Org, "Telephone Co".to_string()),
            ]
        );
        assert_eq!(
            restored(
                text,
                &[
                    (Org, "Ford", 0),
                    (Org, "Chrysler Corp", 0),
                    (Org, "IBM", 0),
                    (Org, "Telegraph Co", 0),
                    (Org, "Loan Association", 0),
                ]
            ),
            [
                (Org, "Ford".to_string()),
                (Org, "Chrysler Corp".to_string()),
                (Org, "IBM".to_string()),
                (Org, "Telegraph Co".to_string()),
                (Org, "Savings and Loan Association".to_string()),
            ]
        );
    }

    #[test]
    fn non_ascii_text_keeps_char_offsets() {
        let text = "Café owners said Chase Manhattan Corp lent €5 million; Chase Manhattan did.";
        assert_eq!(
            restored(text, &[(Org, "Manhattan Corp", 0), (Place, "Manhattan", 1)]),
            [
                (Org, "Chase Manhattan Corp".to_string()),
                (Org, "Chase Manhattan".to_string())
            ]
        );
    }
}
