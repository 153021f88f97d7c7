//! Names after a title of office ("Sen. Cory Booker", "Lt. Gov. John Fetterman").
//!
//! CoNLL-2003's Reuters text seldom writes a title before a name, so the model misreads the
//! pattern that American political copy uses in every story: "[Sen.]ORG Cory [Booker]PER" drops
//! the first name, "[Rep. Alexandria Ocasio-Cortez]LOC" and "[Senator Rand]ORG [Paul]PER" get
//! the wrong type or lose half the name. The words after such a title that the model marked as
//! any entity are a person's name: [`fix_titles`] makes them one PER span, starting right after
//! the title (titles themselves are never part of a span; normalization strips the roles it
//! keeps elsewhere).

use super::features::{CAPITALIZED_FUNCTION_WORDS, PARTICLES};
use super::labels::Span;

/// Abbreviated titles of office (lowercase, without their period, which is required: "Gen" and
/// "Rev" alone are words of tables and headlines). The tokenizer keeps their period on the
/// token, so "Sens." ends no sentence.
pub(crate) const ABBREVIATED: &[&str] = &[
    "adm", "atty", "brig", "capt", "cmdr", "col", "cpl", "gen", "gov", "govs", "lt", "maj", "pvt",
    "rep", "reps", "rev", "sen", "sens", "sgt", "supt",
];

/// Titles written out that only ever stand before a person ("General" does not: General
/// Motors).
const WRITTEN_OUT: &[&str] = &["congressman", "congresswoman", "governor", "senator"];

/// Most words of the name after a title: first, middle and last name.
const MAX_NAME_WORDS: usize = 3;

/// Whether `w` is a title of office: "Sen.", "SEN.", "Lt.", "Senator".
pub(crate) fn is_title(w: &str) -> bool {
    if let Some(a) = w.strip_suffix('.') {
        return (2..=4).contains(&a.len())
            && a.starts_with(|c: char| c.is_ascii_uppercase())
            && ABBREVIATED.iter().any(|t| t.eq_ignore_ascii_case(a));
    }
    (7..=13).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && WRITTEN_OUT.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// Titles of royalty and the papacy, which stand before a first name alone ("Prince Harry",
/// "Queen Elizabeth", "Pope Francis").
const ROYAL: &[&str] = &[
    "Emperor", "Empress", "King", "Pope", "Prince", "Princess", "Queen", "Sheikh", "Sultan",
];

/// Words before a place that a royal title and first name may also be ([`royal_first_names`]).
const PLACE_BEFORE: &[&str] = &["in", "to", "from", "at", "near"];

/// Marks a person where a royal or papal title ([`ROYAL`]) stands before a capitalized first
/// name (`is_first_name`): a name the model left unmarked, or that it read with the title as
/// an organization ("[Queen Elizabeth]ORG", the ship and hospital names of its training
/// text). A place keeps its type. Title and name that a gazetteer knows as a town
/// (`is_place`) after "in", "to", "from", "at" or "near" are the town, also where the model
/// marked the name a person ("Police in Prince [Albert]"); elsewhere the prince wins, as
/// Prince Edward is also a town.
/// CoNLL-2003 has few royals: the model marked no person in "Prince Harry spoke" or "Queen
/// Elizabeth said", 58 of the 231 such mentions in the HuffPost sample. A regnal number after
/// the name is part of it ("Queen Elizabeth II"), and so is the title: normalization keeps
/// royal styles ("Pope Leo" without "Pope" is someone else; `entities::person`), and the
/// model's own spans mostly hold them ("Prince Harry"). `spans` stay sorted and disjoint.
pub(crate) fn royal_first_names(
    words: &[&str],
    spans: &mut Vec<Span>,
    is_first_name: impl Fn(&str) -> bool,
    is_place: impl Fn(&[&str]) -> bool,
) {
    for t in 0..words.len().saturating_sub(1) {
        // Runs on every word of every sentence: a title's first letter turns away most.
        if !matches!(
            words[t].as_bytes().first(),
            Some(b'E' | b'K' | b'P' | b'Q' | b'S')
        ) {
            continue;
        }
        let name = words[t + 1];
        // "The Fresh Prince Of Bel-Air": a headline's capitalized "Of" is no name.
        let glue = ["of", "the", "and", "for", "in", "on", "at", "to"]
            .iter()
            .any(|g| g.eq_ignore_ascii_case(name));
        if !ROYAL.contains(&words[t]) || glue || !is_name_word(name, false) || !is_first_name(name)
        {
            continue;
        }
        let town = t > 0 && PLACE_BEFORE.contains(&words[t - 1]) && is_place(&words[t..t + 2]);
        if town {
            // The model's "Prince [Albert]" person in "Police in Prince Albert" is the town.
            if let Some(s) = spans.iter_mut().find(|s| s.start < t + 2 && s.end > t) {
                if s.ty == 0 && s.start >= t && s.end == t + 2 {
                    *s = Span {
                        start: t,
                        end: t + 2,
                        ty: 1,
                    };
                }
            }
            continue;
        }
        // Unmarked, or exactly title and name marked as something else.
        let end = t + 2 + usize::from(words.get(t + 2).is_some_and(|w| is_roman_numeral(w)));
        let touching: Vec<usize> = (0..spans.len())
            .filter(|&i| spans[i].start < end && spans[i].end > t)
            .collect();
        // Title and name exactly, as an organization or as MISC.
        let title_and_name = |s: &Span| s.start == t && s.end == t + 2 && s.ty >= 2;
        let retype = match touching[..] {
            [] => true,
            [i] => title_and_name(&spans[i]),
            [i, n] => title_and_name(&spans[i]) && spans[n].start == t + 2 && spans[n].end == end,
            _ => false,
        };
        if !retype {
            continue;
        }
        spans.retain(|s| !(s.start < end && s.end > t));
        let at = spans.partition_point(|s| s.end <= t);
        spans.insert(
            at,
            Span {
                start: t,
                end,
                ty: 0,
            },
        );
    }
}

/// Drops a span of Roman numerals alone, or joined ("II and IV"): regnal numbers ("II" read as a place) and the parts,
/// stages and tables of wire copy ("Reserves I", "IV" as an organization in Reuters-21578).
pub(crate) fn drop_numeral_spans(words: &[&str], spans: &mut Vec<Span>) {
    let joins = |w: &&str| matches!(*w, "and" | "&" | "," | "to" | "-");
    spans.retain(|s| {
        let ws = &words[s.start..s.end];
        let numeral = |w: Option<&&str>| w.is_some_and(|w| is_roman_numeral(w));
        // "II and IV", "III-V": numerals joined by a conjunction, a comma or a dash.
        !(numeral(ws.first())
            && numeral(ws.last())
            && ws.iter().all(|w| is_roman_numeral(w) || joins(w)))
    });
}

/// "II" to "XXXIX": two or more of I, V and X, in capitals, or title-cased from three letters
/// on ("Iii", as a title-cased headline writes it; "Xi" and "Vi" are names). "X" alone is a
/// name too, and numerals with L, C, D or M read as abbreviations ("DC", "MD").
pub(crate) fn is_roman_numeral(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    let tail = |letters: &[u8]| w.bytes().skip(1).all(|b| letters.contains(&b));
    (2..=6).contains(&w.len())
        && w.starts_with(['I', 'V', 'X'])
        && (tail(b"IVX") || (w.len() >= 3 && tail(b"ivx")))
}

/// Whether `w` may be a word of a person's name after a title: capitalized ("Booker", "J.",
/// "O'Brien", "Ocasio-Cortez") or, inside the name, a particle ("de"); not a sentence word
/// such as "The" or a contraction of a headline ("Won't").
fn is_name_word(w: &str, inside: bool) -> bool {
    if !w.starts_with(char::is_uppercase) {
        return inside && PARTICLES.contains(&w);
    }
    let apostrophe = w.find(['\'', '\u{2019}']);
    apostrophe.is_none_or(|i| i == 1)
        && w.chars().any(char::is_alphabetic)
        && !is_title(w)
        && !CAPITALIZED_FUNCTION_WORDS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(w))
}

/// Rewrites the spans of one sentence (`words`, spans sorted and disjoint) around titles of
/// office. A span that holds only titles is dropped. After a title, the name words (at most
/// [`MAX_NAME_WORDS`]) become one PER span from the first of them when the model marked the
/// first one, or marked a person right after first names that are no ordinary words
/// (`is_common`: "[Sen.] Cory [Booker]", but not "Governor Names [Martha McSally]"). The span
/// ends with the model's span, takes in a person the model marked right after it ("[Senator
/// Rand] [Paul]") or any one-word span after a person ("Sen. [Elizabeth]PER [Warren]LOC") and
/// unmarked words after it that are no ordinary words ("[Alexandria] Ocasio-Cortez Should"),
/// and needs one word that is no ordinary word or was marked a person
/// ("Gov. [Calls]" is no name), two words after a title written out unless the model marked
/// a person ("Governor [Lashes]" is no name either, though "lashes" is too rare to count as
/// an ordinary word).
///
/// A span that began at the title and runs on past the name keeps its rest, as a place after
/// "of" ("[Rep. Martha McSally of Arizona]" → "[Martha McSally]PER of [Arizona]LOC"). Runs after
/// `trim_lowercase_edges`, which ends "[Paul objected]" at "Paul". A span that opens one
/// word before the title loses the title and name ("[GOP Rep. Clay Higgins]" → "[GOP]", "[Clay
/// Higgins]PER"), and two name words after an abbreviated title that the model left unmarked
/// are a person when the first is no ordinary word ("Sens. Cory Booker and"). Left alone: a
/// title inside a longer span ("[Armed Services Sen. Jones Hearing]") and a span the model started at the name that runs on past it ("Sgt.
/// [York Division Air Defense]").
pub(crate) fn fix_titles(words: &[&str], spans: &mut Vec<Span>, is_common: impl Fn(&str) -> bool) {
    let mut t = 0;
    while t < words.len() {
        if !is_title(words[t]) {
            t += 1;
            continue;
        }
        let mut j = t + 1;
        while j < words.len() && is_title(words[j]) {
            j += 1;
        }
        let (mut k, mut names) = (j, 0);
        while k < words.len() && names < MAX_NAME_WORDS && is_name_word(words[k], k > j) {
            names += usize::from(words[k].starts_with(char::is_uppercase));
            k += 1;
        }
        // Particles end no name.
        while k > j && !words[k - 1].starts_with(char::is_uppercase) {
            k -= 1;
        }
        match name_after_title(words, spans, t, j, k, &is_common) {
            Some(e) => make_person(words, spans, t, j, e),
            None => spans.retain(|s| !(s.start >= t && s.end <= j)),
        }
        t = k.max(t + 1);
    }
}

/// The end of the name after titles `t..j` among name words `j..k`, if there is one (see
/// [`fix_titles`]).
fn name_after_title(
    words: &[&str],
    spans: &[Span],
    t: usize,
    j: usize,
    k: usize,
    is_common: &impl Fn(&str) -> bool,
) -> Option<usize> {
    const PER: usize = 0;
    // A span across the title: one word before it is the office's party or state ("[GOP
    // Rep. Clay Higgins]", "[Texas Gov. Greg Abbott]"), and `make_person` cuts it there; more
    // make it someone else's name ("[Armed Services Sen. Jones Hearing]").
    if spans
        .iter()
        .any(|s| s.start < t && s.end > t && (s.start + 1 < t || s.end > k))
    {
        return None;
    }
    let Some(i) = spans.iter().position(|s| s.start < k && s.end > j) else {
        // Nothing marked after an abbreviated title: two name words, the first no ordinary
        // word, are a name still ("Sens. Cory Booker and ..."); a third may be a headline's
        // verb ("Rep. Ted Lieu Lays Out ...").
        let e = (j + 2).min(k);
        let ok = words[j - 1].ends_with('.')
            && e == j + 2
            && words[j..e]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase))
            && !is_common(words[j]);
        return ok.then_some(e);
    };
    let first = spans[i];
    if first.start >= j && first.end > k {
        return None;
    }
    if first.start > j && (first.ty != PER || words[j..first.start].iter().any(|w| is_common(w))) {
        return None;
    }
    let mut e = first.end.min(k);
    let mut person = first.ty == PER;
    // The model's person right after it, or one word of any type right after a first name
    // it marked a person ("Sen. [Elizabeth]PER [Warren]LOC": Warren, Michigan).
    if let Some(next) = spans.get(i + 1) {
        let surname = person && next.end == next.start + 1;
        if (next.ty == PER || surname) && next.start == e && next.end <= k {
            e = next.end;
            person = true;
        }
    }
    while e < k && !spans.iter().any(|s| s.start <= e && s.end > e) && !is_common(words[e]) {
        e += 1;
    }
    // A title written out is also a headline noun ("New Jersey Governor Lashes Rep. ..."): one
    // word after it is a name only if the model marked a person.
    let written_out = !words[j - 1].ends_with('.');
    let named =
        person || (words[j..e].iter().any(|w| !is_common(w)) && !(written_out && e - j < 2));
    // No name word at all ("Gen. [iPhone]", a span from the title into a lower-case word):
    // an empty person span would come out, which slicing the text cannot take.
    (named && e > j).then_some(e)
}

/// Makes `j..e` one PER span: drops the spans inside `t..e` and cuts the ones running on past
/// `e` to their rest, a place when that starts with "of" and a capitalized word, and a second
/// person after "and" when the title before is plural ("Sens. [Glenn] and [Metzenbaum]").
fn make_person(words: &[&str], spans: &mut Vec<Span>, t: usize, j: usize, e: usize) {
    let next_cap = words
        .get(e + 1)
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    let of_place = words.get(e) == Some(&"of") && next_cap;
    let plural = words[t..j]
        .iter()
        .any(|w| w.len() > 3 && w.ends_with("s.") && is_title(w));
    let and_person = words.get(e) == Some(&"and") && next_cap;
    spans.retain_mut(|s| {
        if s.end <= t || s.start >= e {
            return true;
        }
        if s.start < t {
            s.end = t;
            return true;
        }
        if s.end > e {
            s.start = e;
            if of_place || and_person {
                s.start += 1;
                s.ty = if of_place {
                    1
                } else if plural {
                    0
                } else {
                    s.ty
                };
            }
            // A rest of "of" alone is nothing.
            return s.start < s.end;
        }
        false
    });
    let at = spans.partition_point(|s| s.start < j);
    spans.insert(
        at,
        Span {
            start: j,
            end: e,
            ty: 0,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ordinary words of the test sentences, as the model's clusters have them.
    const COMMON: &[&str] = &[
        "demands",
        "rand",
        "names",
        "lashes",
        "signs",
        "bill",
        "should",
        "said",
        "king",
        "introduces",
    ];

    fn sp(start: usize, end: usize, ty: usize) -> Span {
        Span { start, end, ty }
    }

    fn fixed(text: &str, spans: &[Span]) -> Vec<Span> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut s = spans.to_vec();
        fix_titles(&words, &mut s, |w| {
            COMMON.contains(&w.to_lowercase().as_str())
        });
        s
    }

    #[test]
    fn recognizes_titles_of_office() {
        for w in [
            "Sen.",
            "SEN.",
            "Lt.",
            "Gov.",
            "Reps.",
            "Senator",
            "Congresswoman",
        ] {
            assert!(is_title(w), "{w}");
        }
        for w in [
            "Sen", "Gen", "sen.", "St.", "Mr.", "General", "senator", "Senators", ".",
        ] {
            assert!(!is_title(w), "{w}");
        }
    }

    #[test]
    fn the_first_name_after_a_title_joins_the_name() {
        // "[Sen.]ORG Cory [Booker]PER said": the model's reading of a title.
        let s = fixed("Sen. Cory Booker said", &[sp(0, 1, 2), sp(2, 3, 0)]);
        assert_eq!(s, vec![sp(1, 3, 0)]);
        // "[Senator Rand]ORG [Paul]PER objected": "Rand" is an ordinary word (a currency).
        let s = fixed("Senator Rand Paul objected", &[sp(0, 2, 2), sp(2, 3, 0)]);
        assert_eq!(s, vec![sp(1, 3, 0)]);
        // "[Sens. Glenn and Metzenbaum]ORG said": two senators.
        let s = fixed("Sens. Glenn and Metzenbaum said", &[sp(0, 4, 2)]);
        assert_eq!(s, vec![sp(1, 2, 0), sp(3, 4, 0)]);
        // "Sen. [Elizabeth]PER [Warren]LOC said": a surname read as a town.
        let s = fixed("Sen. Elizabeth Warren said", &[sp(1, 2, 0), sp(2, 3, 1)]);
        assert_eq!(s, vec![sp(1, 3, 0)]);
        // Two titles, and a name typed as a place.
        let s = fixed("Lt. Gov. John Fetterman spoke", &[sp(0, 4, 1)]);
        assert_eq!(s, vec![sp(2, 4, 0)]);
        // Unmarked words after the model's span that are no ordinary words.
        let s = fixed("Rep. Alexandria Ocasio-Cortez Should Thank", &[sp(1, 2, 1)]);
        assert_eq!(s, vec![sp(1, 3, 0)]);
    }

    #[test]
    fn a_party_before_the_title_and_unmarked_names() {
        // "[GOP Rep. Clay Higgins]ORG threatened".
        let s = fixed("GOP Rep. Clay Higgins threatened", &[sp(0, 4, 2)]);
        assert_eq!(s, vec![sp(0, 1, 2), sp(2, 4, 0)]);
        // Nothing marked: two name words, the first no ordinary word.
        let s = fixed("Sens. Cory Booker and Kamala Harris", &[sp(4, 6, 0)]);
        assert_eq!(s, vec![sp(1, 3, 0), sp(4, 6, 0)]);
        // One name word, or an ordinary first word, is not enough.
        assert_eq!(fixed("Sen. Booker said", &[]), Vec::<Span>::new());
        assert_eq!(fixed("Sen. Demands Probe Of", &[]), Vec::<Span>::new());
        let s = fixed("Rep. Ted Lieu Lays Out Plan", &[]);
        assert_eq!(s, vec![sp(1, 3, 0)]);
    }

    #[test]
    fn a_span_running_past_the_name_keeps_its_rest() {
        let s = fixed("Rep. Martha McSally of Arizona voted", &[sp(0, 5, 2)]);
        assert_eq!(s, vec![sp(1, 3, 0), sp(4, 5, 1)]);
        // A contraction ends the name.
        let s = fixed("Sen. Mitch McConnell Won't Convene", &[sp(0, 5, 3)]);
        assert_eq!(s, vec![sp(1, 3, 0), sp(3, 5, 3)]);
        // The model started its span at the name and read on: its reading stands.
        let spans = [sp(1, 5, 2)];
        assert_eq!(fixed("Sgt. York Division Air Defense", &spans), spans);
    }

    #[test]
    fn titles_as_headline_nouns_make_no_names() {
        // A Title Case headline: the name ends where the model's span ends.
        let s = fixed("Gov. Tate Reeves Signs Bill", &[sp(1, 3, 2)]);
        assert_eq!(s, vec![sp(1, 3, 0)]);
        // A verb after the title: before a person, or marked alone, or before something else.
        let spans = [sp(2, 4, 0)];
        assert_eq!(fixed("Governor Names Martha McSally To", &spans), spans);
        let spans = [sp(1, 2, 2)];
        assert_eq!(fixed("Governor Lashes Rep. Matt", &spans), spans);
        assert_eq!(fixed("Governor Whips Rep. Matt", &spans), spans);
        let s = fixed("Gov. Cuomo said", &[sp(1, 2, 2)]);
        assert_eq!(s, vec![sp(1, 2, 0)]);
        let s = fixed("Sen. Grassley Asks FBI To", &[sp(0, 1, 2), sp(3, 4, 2)]);
        assert_eq!(s, vec![sp(3, 4, 2)]);
        let spans = [sp(2, 3, 0)];
        assert_eq!(
            fixed("CONGRESSMAN INTRODUCES REAGAN SUGAR BILL", &spans),
            spans
        );
    }

    /// Generated sentences of titles, names, particles, lower-case and function words under
    /// random disjoint spans (a retest found "Sen. C Gen. iPhone" made an empty span, which
    /// panicked when the text was sliced): every span stays non-empty, in bounds, sorted and
    /// disjoint.
    #[test]
    fn generated_sentences_keep_spans_well_formed() {
        let vocab = [
            "Sen.",
            "Sens.",
            "Gen.",
            "Lt.",
            "Governor",
            "Rep.",
            "C",
            "J.",
            "Cory",
            "Booker",
            "de",
            "iPhone",
            "eBay",
            "and",
            "The",
            "said",
            "Names",
            "of",
            "Arizona",
            ".",
            "(D-Okla.)",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = 1 + next(7);
            let words: Vec<&str> = (0..len).map(|_| vocab[next(vocab.len())]).collect();
            let mut spans = Vec::new();
            let mut at = 0;
            while at < len {
                at += next(3);
                if at >= len {
                    break;
                }
                let end = (at + 1 + next(3)).min(len);
                spans.push(sp(at, end, next(4)));
                at = end;
            }
            fix_titles(&words, &mut spans, |w| {
                COMMON.contains(&w.to_lowercase().as_str())
            });
            for (i, s) in spans.iter().enumerate() {
                assert!(s.start < s.end && s.end <= len, "{words:?} {spans:?}");
                assert!(i == 0 || spans[i - 1].end <= s.start, "{words:?} {spans:?}");
            }
        }
    }

    #[test]
    fn titles_alone_and_words_without_a_span_are_left_as_they_are() {
        // Only the title was marked: the model saw no name, so none is made up.
        let s = fixed("Sen. Demands Probe", &[sp(0, 1, 2)]);
        assert_eq!(s, Vec::<Span>::new());
        let s = fixed("the Gen. 2 model", &[]);
        assert_eq!(s, Vec::<Span>::new());
        // A span covering the title and more is someone else's name.
        let spans = [sp(0, 5, 2)];
        assert_eq!(fixed("Armed Services Sen. Jones Hearing", &spans), spans);
        // Spans before and after stay.
        let spans = [sp(0, 1, 1), sp(2, 4, 0), sp(5, 6, 1)];
        assert_eq!(fixed("U.S. Sen. Bob Dole of Kansas", &spans), spans);
    }

    #[test]
    fn a_first_name_after_a_royal_title_is_a_person() {
        let first = |w: &str| ["Harry", "Elizabeth", "Anne", "Albert", "George", "Of"].contains(&w);
        let tag = |text: &str, mut spans: Vec<Span>| {
            let words: Vec<&str> = text.split(' ').collect();
            royal_first_names(&words, &mut spans, first, |p| p == ["Prince", "George"]);
            spans
                .iter()
                .map(|s| (words[s.start..s.end].join(" "), s.ty))
                .collect::<Vec<_>>()
        };
        let sp = |start, end, ty| Span { start, end, ty };
        assert_eq!(
            tag(
                "Britain 's Queen Elizabeth met Prince Harry .",
                vec![sp(0, 1, 1)]
            ),
            [
                ("Britain".to_string(), 1),
                ("Queen Elizabeth".into(), 0),
                ("Prince Harry".into(), 0)
            ]
        );
        // Marked already, no first name, a lower-case word, or the title inside a span.
        assert_eq!(
            tag("Prince Harry spoke", vec![sp(0, 2, 0)]),
            [("Prince Harry".to_string(), 0)]
        );
        assert_eq!(tag("King Lear opens", vec![]), []);
        assert_eq!(tag("The Fresh Prince Of Bel-Air", vec![]), []);
        assert_eq!(tag("Police in Prince George said", vec![]), []);
        assert_eq!(
            tag("Police in Prince George said", vec![sp(3, 4, 0)]),
            [("Prince George".to_string(), 1)]
        );
        assert_eq!(
            tag("Prince George said", vec![]),
            [("Prince George".to_string(), 0)]
        );
        assert_eq!(tag("Queen anne", vec![]), []);
        assert_eq!(
            tag("The Princess Anne Hospital", vec![sp(1, 4, 2)]),
            [("Princess Anne Hospital".to_string(), 2)]
        );
        // Title and name read as an organization, and a regnal number read as a place.
        assert_eq!(
            tag("Queen Elizabeth II spoke", vec![sp(0, 2, 2), sp(2, 3, 1)]),
            [("Queen Elizabeth II".to_string(), 0)]
        );
        assert_eq!(
            tag("Prince Albert mill", vec![sp(0, 2, 1)]),
            [("Prince Albert".to_string(), 1)]
        );
        assert_eq!(
            tag("Queen Elizabeth Hospital", vec![sp(0, 3, 2)]),
            [("Queen Elizabeth Hospital".to_string(), 2)]
        );
    }

    #[test]
    fn spans_of_roman_numerals_alone_are_dropped() {
        let words: Vec<&str> = "Stages II and Iii of Reserves I , IX , X and DC or Xi and IV"
            .split(' ')
            .collect();
        let one = |i| Span {
            start: i,
            end: i + 1,
            ty: 2,
        };
        let mut spans: Vec<Span> = [1, 3, 5, 6, 8, 10, 12, 14].into_iter().map(one).collect();
        // "II and Iii" read as one name, and "Xi and IV": a name with a numeral stays.
        spans.push(Span {
            start: 1,
            end: 4,
            ty: 2,
        });
        spans.push(Span {
            start: 14,
            end: 17,
            ty: 0,
        });
        spans.sort_by_key(|s| (s.start, s.end));
        drop_numeral_spans(&words, &mut spans);
        let kept: Vec<&str> = spans.iter().map(|s| words[s.start]).collect();
        assert_eq!(kept, ["Reserves", "I", "X", "DC", "Xi", "Xi"]);
    }
}
