//! Companies named in the possessive: "Moody's", "Sainsbury's", "Standard and Poor's".
//!
//! The recognizer, like CoNLL-2003, leaves "'s" out of names, and normalization drops a
//! possessive of ownership ("Apple's new phone" → Apple). Some companies' names are
//! possessives, though; what follows the "'s" tells them apart (a reporting verb or a legal
//! form never follows a possessive of ownership, and after "by" a rating agency's name owns
//! nothing: "rated A by Moody's and AA by ..."), and "Word and" before one is part of it.

use super::merge::Cand;
use super::{org, org_cands};
use crate::article::{EntityKind, Mention};

/// Pushes the candidates of organization mention `m` and returns true when it is a company
/// named in the possessive ([`named_possessively`]); else leaves `cands` alone. `last` is the
/// previous mention with the length of `cands` before it: when the name takes that mention's
/// word ("Standard" of "Standard and Poor's"), its candidates give way.
pub(super) fn cands_of_possessive_name(
    char_at: &dyn Fn(usize) -> Option<char>,
    m: &Mention,
    last: Option<(&Mention, usize)>,
    cands: &mut Vec<Cand>,
) -> bool {
    // People are left out: for them "'s said" is mostly "has said" ("Branson's said he
    // ..."), while wire copy names companies so ("Moody's said").
    if m.kind != EntityKind::Org || !possessive_follows(char_at, m.end) {
        return false;
    }
    let named = named_possessively(char_at, m.end) || rated_by(char_at, m.start, m.end);
    // "Standard and Poor's Corp": the recognizer splits the name at "and" (and often misses
    // "Standard"); such a name takes the capitalized word before "and" with it, also before a
    // number, a comma or the sentence's end ("Standard and Poor's 500 index", "rated AA by
    // Standard and Poor's."), where a lone possessive is often elliptical ("MCI took
    // Verizon's.").
    let also_named = || {
        let after = char_at(m.end + 2);
        let digit = char_at(m.end + 3).is_some_and(|c| c.is_ascii_digit());
        let end = after == Some('.') && !char_at(m.end + 3).is_some_and(char::is_alphanumeric);
        // Nor does a possessive of ownership stand before a comma: "by Standard and Poor's,
        // the agency said" (a one-word mention only: "the Grain and Feed Trade Association's,"
        // is the association's something).
        let comma = after == Some(',') && !m.text.contains(' ');
        (after == Some(' ') && digit) || end || comma
    };
    let and_before = (named || also_named())
        .then(|| word_and_before(char_at, m.start))
        .flatten();
    // The recognizer's mention may be "Word and Word" already ("Standard and Poor"); a
    // longer name before an elliptical possessive is not ("the Transport and General
    // Workers' Union's.").
    let holds_word_and = || {
        let words: Vec<&str> = m.text.split_whitespace().collect();
        matches!(words.as_slice(), [a, "and", b]
            if a.starts_with(char::is_uppercase) && b.starts_with(char::is_uppercase))
    };
    if !named && and_before.is_none() && !(also_named() && holds_word_and()) {
        return false;
    }
    let joined = and_before.map(|(start, left)| {
        if let Some((_, mark)) = last.filter(|(p, _)| p.start == start) {
            cands.truncate(mark);
        }
        Mention {
            kind: EntityKind::Org,
            start,
            end: m.end,
            text: format!("{left}{}", m.text),
        }
    });
    let m = joined.as_ref().unwrap_or(m);
    let before = cands.len();
    org_cands(m, cands);
    for c in &mut cands[before..] {
        if c.kind == EntityKind::Org && c.span.is_some_and(|s| s.1 == m.end) {
            c.name.push_str("'s");
            c.key = org::key(&c.name);
            c.span = c.span.map(|(a, b)| (a, b + 2));
        }
    }
    true
}

/// Mention `m` without the "'s" (or "’s") its text ends in, if it does.
pub(super) fn without_possessive(m: &Mention) -> Option<Mention> {
    let text = m
        .text
        .strip_suffix("'s")
        .or_else(|| m.text.strip_suffix("’s"))?;
    (!text.is_empty()).then(|| Mention {
        kind: m.kind,
        start: m.start,
        end: m.end - 2,
        text: text.to_string(),
    })
}

/// Gives an article's organization (or person) mentions "X" the name "X's" when an
/// organization mention showed that the company is called so ("Moody's said ..." and later
/// "Moody's ratings"), so the field lists it once. A longer name that opens with one word in
/// the possessive and ends in an organization word shows it too ("Moody's Investors
/// Service" before "rated A by Moody's and AA by ...").
pub(super) fn possessive_names_win(cands: &mut [Cand]) {
    let named: Vec<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Org && c.span.is_some())
        .filter_map(|c| {
            c.name
                .strip_suffix("'s")
                .or_else(|| possessive_opening(&c.name))
        })
        .map(org::key)
        .collect();
    for c in cands.iter_mut() {
        // The recognizer types some of the company's mentions PER ("Moody's said").
        let text_name = matches!(c.kind, EntityKind::Org | EntityKind::Person) && c.span.is_some();
        if text_name && named.contains(&c.key) {
            c.kind = EntityKind::Org;
            c.name.push_str("'s");
            c.key = org::key(&c.name);
        }
    }
}

/// "Moody" of "Moody's Investors Service": the one word in the possessive that opens an
/// organization name ending in an organization word.
fn possessive_opening(name: &str) -> Option<&str> {
    let (word, rest) = name.split_once("'s ")?;
    let one_word = !word.is_empty() && !word.contains(char::is_whitespace);
    (one_word && org::ends_with_head_noun(rest)).then_some(word)
}

/// Whether "'s" (or "’s", "'S") follows char `end` as a word's ending.
fn possessive_follows(char_at: &dyn Fn(usize) -> Option<char>, end: usize) -> bool {
    matches!(char_at(end), Some('\'' | '\u{2019}'))
        && matches!(char_at(end + 1), Some('s' | 'S'))
        && !char_at(end + 2).is_some_and(char::is_alphanumeric)
}

/// Whether the name ending at char `end`, [`possessive_follows`] it, is a company's name in
/// the possessive form ("Moody's", "Sainsbury's", "Poor's" of "Standard and Poor's Corp"):
/// after "'s" comes a verb of reporting (headline present tense too) or a legal form, which a
/// possessive of ownership never has ("Apple's new phone", "GM's plan"). The recognizer,
/// like CoNLL, leaves "'s" out of names.
fn named_possessively(char_at: &dyn Fn(usize) -> Option<char>, end: usize) -> bool {
    // Only verbs that are neither nouns nor adjectives after a possessive ("GM's reduced
    // output", "Mr Blair's reported views", "ABC's May issue", "Trump's will").
    const VERBS: &[&str] = &[
        "affirmed",
        "affirms",
        "assigned",
        "cited",
        "downgraded",
        "downgrades",
        "expects",
        "noted",
        "placed",
        "pointed",
        "said",
        "says",
        "sees",
        "upgraded",
        "upgrades",
    ];
    let space = |i: usize| char_at(i).is_some_and(char::is_whitespace);
    // Wire copy breaks lines anywhere: "Standard and Poor's\n    Corp said".
    let mut at = end + 2;
    while at < end + 12 && space(at) {
        at += 1;
    }
    let word: String = (at..at + 12)
        .map_while(|i| char_at(i).filter(|c| c.is_alphabetic()))
        .collect();
    // A whole word: "co" of "Fleetwood Mac's co-founder" is no "Co".
    let next = char_at(at + word.chars().count());
    if next.is_some_and(|c| c == '-' || c.is_alphanumeric()) {
        return false;
    }
    VERBS.iter().any(|v| v.eq_ignore_ascii_case(&word)) || org::is_legal_form(&word)
}

/// Whether the name at chars `start..end`, [`possessive_follows`] it, is a rating agency's
/// name after "by" (or "by both") with nothing owned after it, as wire copy gives ratings:
/// "rated A-2 by Moody's and AA by Standard and Poor's", "cut by Moody's." After "and" or "or" the next
/// conjunct, up to its "by" or punctuation, must have no possessive of its own ("by GM's and
/// Ford's plans" are two possessives of ownership).
fn rated_by(char_at: &dyn Fn(usize) -> Option<char>, start: usize, end: usize) -> bool {
    // Where whole word `word` starts when it and spaces stand right before char `to`.
    let word_before = |to: usize, word: &str| {
        let at = spaces_back(char_at, to);
        let n = word.len();
        (at > n
            && at < to
            && (at - n..at).map_while(char_at).eq(word.chars())
            && !char_at(at - n - 1).is_some_and(char::is_alphanumeric))
        .then_some(at - n)
    };
    // "by Moody's", "by both Moody's and ...".
    let by = word_before(start, "by")
        .or_else(|| word_before(start, "both").and_then(|at| word_before(at, "by")));
    if by.is_none() {
        return false;
    }
    // The text after "'s" up to the end of the next conjunct (at most 60 chars).
    let after: String = (end + 2..end + 62).map_while(char_at).collect();
    let rest = after.trim_start();
    if rest.starts_with(['.', ',', ';', ')']) || rest.is_empty() {
        return true;
    }
    let Some(conjunct) = rest
        .strip_prefix("and")
        .or_else(|| rest.strip_prefix("or"))
        .filter(|r| r.starts_with(char::is_whitespace))
    else {
        return false;
    };
    for word in conjunct.split_whitespace() {
        if word == "by" {
            break;
        }
        if word.contains(['\'', '\u{2019}']) {
            // Unless that possessive owns nothing either: "by both Moody's and Standard and
            // Poor's."
            return word.ends_with(['.', ',', ';', ')']);
        }
        if word.ends_with(['.', ',', ';', ')']) {
            break;
        }
    }
    true
}

/// Char `at` moved back over the whitespace before it, line breaks included, by 8 at most
/// (wire copy breaks and indents lines anywhere: "Standard\n    and Poor's").
fn spaces_back(char_at: &dyn Fn(usize) -> Option<char>, mut at: usize) -> usize {
    let from = at;
    while at > 0 && from - at < 8 && char_at(at - 1).is_some_and(char::is_whitespace) {
        at -= 1;
    }
    at
}

/// The one capitalized word and the "and" or "&" right before char `start`, spaces or line
/// breaks around it, as (the word's first char, the text from it to `start`): "Standard and "
/// before "Poor's".
fn word_and_before(
    char_at: &dyn Fn(usize) -> Option<char>,
    start: usize,
) -> Option<(usize, String)> {
    let mut at = start;
    let back_over_spaces = |at: &mut usize| {
        let from = *at;
        *at = spaces_back(char_at, from);
        *at < from
    };
    if !back_over_spaces(&mut at) {
        return None;
    }
    let (amp, and) = (
        char_at(at.checked_sub(1)?) == Some('&'),
        at >= 3 && (at - 3..at).map_while(char_at).eq("and".chars()),
    );
    at -= if amp {
        1
    } else if and {
        3
    } else {
        return None;
    };
    if !back_over_spaces(&mut at) {
        return None;
    }
    let end = at;
    while at > 0 && end - at < 20 && char_at(at - 1).is_some_and(char::is_alphabetic) {
        at -= 1;
    }
    let boundary = at == 0 || !char_at(at - 1).is_some_and(char::is_alphanumeric);
    let capitalized = char_at(at).is_some_and(char::is_uppercase);
    // Not the end of a longer name: "Chase Manhattan and Moody's said" names two banks.
    let mut prev_word = at;
    back_over_spaces(&mut prev_word);
    let after_name = prev_word < at
        && prev_word > 0
        && char_at(prev_word - 1).is_some_and(char::is_alphabetic)
        && {
            let mut w = prev_word;
            while w > 0 && char_at(w - 1).is_some_and(char::is_alphabetic) {
                w -= 1;
            }
            char_at(w).is_some_and(char::is_uppercase)
        };
    let text: String = (at..start).map_while(char_at).collect();
    (boundary && capitalized && !after_name && at < end).then_some((at, text))
}
