//! Hard cases run through the embedded model, on original sentences. Each test asserts what
//! the shipped model really does; known failures are listed at the end as documentation.

use super::Recognizer;
use crate::article::EntityKind::{self, Misc, Org, Person, Place};

fn found(text: &str) -> Vec<(EntityKind, String)> {
    Recognizer::embedded()
        .recognize(text)
        .into_iter()
        .map(|m| (m.kind, m.text))
        .collect()
}

fn has(text: &str, kind: EntityKind, name: &str) -> bool {
    found(text).iter().any(|(k, t)| *k == kind && t == name)
}

#[test]
fn hyphenated_names_and_particles() {
    let t = "Former minister Hans-Dieter Kellner met Ursula von der Leyen in Brussels on Tuesday.";
    assert_eq!(
        found(t),
        vec![
            (Person, "Hans-Dieter Kellner".into()),
            (Person, "Ursula von der Leyen".into()),
            (Place, "Brussels".into()),
        ]
    );
}

#[test]
fn initials_and_family_name_first() {
    assert!(has(
        "The novel by J.K. Rowling sold well.",
        Person,
        "J.K. Rowling"
    ));
    let t = "South Korean President Moon Jae-in met Chinese President Xi Jinping in Beijing.";
    assert!(has(t, Person, "Moon Jae-in"));
    assert!(has(t, Person, "Xi Jinping"));
    assert!(has(t, Place, "Beijing"));
}

#[test]
fn first_name_before_a_middle_initial() {
    // The model leaves "Christopher" out; the first name list brings it back.
    assert_eq!(
        found("Officers also arrested Christopher L. Tays, 32, of Franklin."),
        vec![
            (Person, "Christopher L. Tays".into()),
            (Place, "Franklin".into())
        ]
    );
    // A word of another entity stays there.
    assert!(has("He met Paris J. Smith.", Person, "J. Smith"));
}

#[test]
fn names_after_titles_of_office() {
    // The model alone reads "[Sen.]ORG Cory [Booker]PER", "[Senator Rand]ORG [Paul]PER" and
    // "[Rep. Martha McSally of Arizona]LOC"; `titles.rs` puts the names together.
    let t = "Sen. Cory Booker said the bill would fail, and Senator Rand Paul objected.";
    assert_eq!(
        found(t),
        vec![(Person, "Cory Booker".into()), (Person, "Rand Paul".into())]
    );
    assert_eq!(
        found("Rep. Martha McSally of Arizona voted no."),
        vec![(Person, "Martha McSally".into()), (Place, "Arizona".into())]
    );
    assert!(has(
        "Lt. Gov. John Fetterman spoke.",
        Person,
        "John Fetterman"
    ));
}

#[test]
fn one_word_names_in_context() {
    assert_eq!(
        found("Striker Ronaldo scored twice, and coach Mourinho praised him."),
        vec![(Person, "Ronaldo".into()), (Person, "Mourinho".into())]
    );
}

#[test]
fn jordan_country_and_person() {
    assert_eq!(
        found("Officials in Jordan said Michael Jordan would visit Amman next week."),
        vec![
            (Place, "Jordan".into()),
            (Person, "Michael Jordan".into()),
            (Place, "Amman".into()),
        ]
    );
}

#[test]
fn washington_georgia_paris_as_places() {
    assert!(has(
        "Senators in Washington questioned the plan.",
        Place,
        "Washington"
    ));
    assert!(has(
        "Mr. Washington said he would run again.",
        Person,
        "Washington"
    ));
    let t = "Tbilisi is the capital of Georgia, and voters in Atlanta, Georgia, went to the polls.";
    let f = found(t);
    assert_eq!(
        f.iter()
            .filter(|(k, n)| *k == Place && n == "Georgia")
            .count(),
        2,
        "{f:?}"
    );
    assert!(has(
        "Paris Hilton landed in Paris on Monday.",
        Place,
        "Paris"
    ));
}

#[test]
fn title_case_headlines_are_truecased() {
    assert_eq!(
        found("Police Arrest Mayor Of Springfield After Long Probe"),
        vec![(Place, "Springfield".into())]
    );
    // A word inside a known multi-word name keeps its capital.
    assert!(has(
        "Poll Shows Tightening Race In Key New York Primary",
        Place,
        "New York"
    ));
    assert_eq!(
        found("Heavy Rain Floods Streets In Lagos As Nigeria Braces For More Storms"),
        vec![(Place, "Lagos".into()), (Place, "Nigeria".into())]
    );
    assert_eq!(
        found("Samsung Shares Jump After Strong Earnings In Seoul"),
        vec![(Org, "Samsung".into()), (Place, "Seoul".into())]
    );
}

#[test]
fn all_caps_dateline() {
    let t = "SEOUL, Dec. 5 (Yonhap) -- South Korea's central bank kept rates unchanged.";
    let f = found(t);
    assert_eq!(f[0], (Place, "SEOUL".into()));
    assert!(f.contains(&(Place, "South Korea".into())), "{f:?}");
    assert!(has("GENEVA (Reuters) - Talks resumed.", Place, "GENEVA"));
}

#[test]
fn sentence_initial_common_words_are_not_entities() {
    assert!(found(
        "However, analysts expect growth. Yesterday the market fell. Still, traders were calm."
    )
    .is_empty());
}

#[test]
fn organizations_containing_place_names() {
    assert_eq!(
        found("The Bank of Korea raised rates, the New York Times reported, citing Samsung Electronics."),
        vec![
            (Org, "Bank of Korea".into()),
            (Org, "New York Times".into()),
            (Org, "Samsung Electronics".into()),
        ]
    );
    assert!(has(
        "Paul O'Brien, a spokesman for Dublin City Council, declined to comment.",
        Org,
        "Dublin City Council"
    ));
}

#[test]
fn possessive_and_apostrophe_names_with_char_offsets() {
    let t = "Kim's aide met Paul O'Brien in Dublin.";
    let m = Recognizer::embedded().recognize(t);
    assert_eq!(m[0].text, "Kim");
    assert_eq!((m[0].kind, m[0].start, m[0].end), (Person, 0, 3));
    assert!(m
        .iter()
        .any(|x| x.text == "Paul O'Brien" && x.kind == Person));
    let t = "Żaneta Nowak przyjechała do Łodzi.";
    let m = Recognizer::embedded().recognize(t);
    let first = m.first().expect("a mention");
    assert_eq!((first.start, first.end), (0, 12), "{m:?}");
    assert_eq!(
        t.chars()
            .skip(first.start)
            .take(first.end - first.start)
            .collect::<String>(),
        first.text
    );
}

#[test]
fn honorific_stays_outside_the_name() {
    assert_eq!(
        found("Mr. Obama told reporters that he would return."),
        vec![(Person, "Obama".into())]
    );
}

/// Known gaps (asserted as they are, so a better model shows up as a failing test to update):
/// a lowercase particle "bin" splitting a name, a person named after a place at sentence start
/// (typed ORG), and sport-page "Jordan" (typed LOC). Also weak, not asserted: one-word celebrity
/// names with no context ("Madonna" → ORG) and "Moon Jae-in" without a title (→ MISC).
#[test]
fn known_gaps() {
    assert!(!has(
        "Omar bin Laden's cousin arrived.",
        Person,
        "Omar bin Laden"
    ));
    assert!(!has(
        "Jordan scored 30 points for the Bulls on Friday.",
        Person,
        "Jordan"
    ));
    assert!(!has(
        "Paris Hilton landed in Paris on Monday.",
        Person,
        "Paris Hilton"
    ));
    let _ = Misc;
}

#[test]
fn a_text_longer_than_one_run_is_tagged_throughout() {
    let sentence = "Ana Vidal flew to Lisbon on Monday . ";
    let n = super::tagger::CHUNK_TOKENS / 8 + 50;
    let text = sentence.repeat(n);
    let m = Recognizer::embedded().recognize(&text);
    let last = m.last().expect("mentions");
    assert_eq!(&text[text.len() - sentence.len()..][..9], "Ana Vidal");
    // The last sentence, tagged in the second run, yields the same mentions as the first.
    let per = Recognizer::embedded().recognize(sentence).len();
    assert!(per >= 2, "{per}");
    assert_eq!(m.len(), per * n);
    let chars = text.chars().count();
    assert_eq!(
        last.end,
        chars - sentence.len() + sentence.find(" on").unwrap()
    );
}

#[test]
fn lowercase_words_never_end_or_open_a_name() {
    use super::labels::Span;
    use super::tagger::trim_lowercase_edges;
    let words = [
        "of", "Kentucky", "Bank", "forecast", "the", "de", "Klerk", "Trump", "’s", "plan", "x",
        "Bank", "said", ".", "(", "AT&T", ")", "Paul", "Volcker", "told", "Congress", "Bank", "of",
        "New", "Zealand", "said",
    ];
    let sp = |start, end| Span { start, end, ty: 0 };
    let mut spans = vec![
        sp(0, 2),
        sp(2, 5),
        sp(5, 7),
        sp(7, 10),
        sp(10, 11),
        sp(11, 14),
        sp(14, 17),
        sp(17, 21),
        sp(21, 26),
    ];
    trim_lowercase_edges(&words, &mut spans);
    assert_eq!(
        spans,
        vec![
            sp(1, 2),
            sp(2, 3),
            sp(5, 7),
            sp(7, 8),
            sp(11, 12),
            sp(14, 17),
            sp(17, 19),
            sp(20, 21),
            sp(21, 25)
        ]
    );
}

#[test]
fn edges_trim_without_inner_breaks_and_non_ascii_case_counts() {
    use super::labels::Span;
    use super::tagger::trim_lowercase_edges;
    let sp = |start, end| Span { start, end, ty: 2 };
    // No word inside breaks the span: only its possessive edge goes.
    let mut spans = vec![sp(0, 4)];
    trim_lowercase_edges(&["Bank", "of", "Korea", "’s"], &mut spans);
    assert_eq!(spans, vec![sp(0, 3)]);
    // "es" joins a place's words as "of" does: "Dar" and "Salaam" were two places.
    let mut spans = vec![sp(0, 3)];
    trim_lowercase_edges(&["Dar", "es", "Salaam"], &mut spans);
    assert_eq!(spans, vec![sp(0, 3)]);
    // Case outside ASCII: "élan" is a lower-case word, "Éva" and "iÉva" are not.
    let mut spans = vec![sp(0, 4), sp(4, 6)];
    trim_lowercase_edges(&["São", "Paulo", "élan", "Éva", "Ana", "iÉva"], &mut spans);
    assert_eq!(spans, vec![sp(0, 2), sp(3, 4), sp(4, 6)]);
    // The sentence's period goes; a name's own period is on its token.
    let mut spans = vec![sp(0, 3), sp(3, 5)];
    trim_lowercase_edges(&["Harbour", "Week", ".", "Acme", "Co."], &mut spans);
    assert_eq!(spans, vec![sp(0, 2), sp(3, 5)]);
}

#[test]
fn words_capitalized_by_position_open_no_name_alone() {
    use super::features::token_info;
    use super::tagger::has_capital;
    let infos = |s: &str| s.split(' ').map(token_info).collect::<Vec<_>>();
    let t = infos("The company said on March 4 that Theresa May and In Tokyo rose");
    let capital: Vec<bool> = (0..t.len()).map(|i| has_capital(&t, i)).collect();
    assert_eq!(
        capital,
        [false, false, false, false, false, false, false, true, true, false, true, true, false]
    );
    // No mention, and no scoring, of a sentence-initial "He" or "Also" (Reuters read them as
    // a person and a place).
    let rec = Recognizer::embedded();
    assert!(rec.recognize("He said so. Also, prices rose.").is_empty());
    let m = rec.recognize("Meanwhile, Theresa May said the Hague talks would go on.");
    let names: Vec<&str> = m.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Theresa May"), "{names:?}");
}

#[test]
fn typographic_quotes_read_as_ascii_ones() {
    // Web copy writes the possessive and quotes typographically; the model learned them from
    // ASCII text. Invented sentence; both spellings give the same mentions.
    let curly = "Norvale’s New York office said “Harbor Lights” would open.";
    let ascii = "Norvale's New York office said \"Harbor Lights\" would open.";
    assert_eq!(found(curly), found(ascii));
    assert!(has(curly, Place, "New York"), "{:?}", found(curly));
    assert!(!found(curly).iter().any(|(_, t)| t.contains('’')));
}
