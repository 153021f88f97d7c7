//! Names run on into a headline's predicate: "Idris Elba Reveals …", "Mocks Christine Blasey
//! Ford", "JOHNSON SAYS …", "REAGAN TO VETO". Title Case and capitals take away the case that
//! ends a name, so the recognizer's span swallows the verb after it (HuffPost headlines, Reuters
//! wire headlines); a closed list of headline verbs and the function words cut it back.

use super::parties::{part, rewrite_each};
use super::text::{is_glue_word, with_table_key};
use crate::article::{EntityKind, Mention};

/// Verbs that Title Case headlines put right after a name ("Idris Elba Reveals …", "Cardi B
/// Donates …", "Aaron Rodgers Rips Joe Biden"), from the HuffPost headlines' most frequent
/// capitalized "-s" words after a capitalized word, and Reuters' capitals ("FUNARO REJECTS",
/// "MIYAZAWA SEES"), whitespace-separated. None is a surname; nouns that are ("Banks",
/// "Jobs", "Waters", "Sessions", "Styles", "Marks") or that end organization names ("Chicago
/// Bears", "Mutual Shares", "Asbestos Claims Facility", "Funniest Tweets") are left out. The
/// second block came from the person mentions of HuffPost titles that still ran on into a verb
/// after the first ("Anthony Fauci Dismantles", "Lou Dobbs Fumes", "Rachel Wood Flips").
const HEADLINE_VERBS: &str = "\
    accuses acquires admits agrees announces apologizes appears appoints approves asks attacks \
    backs bans basks becomes blames blasts blocks breaks brings buys calls cancels celebrates \
    comes compares completes confirms crashes cuts debuts declares defends delivers demands \
    denies dies dismisses does donates downplays drops ends expects explains extends faces \
    fails fights finds gets gives goes hits inherits joins kills launches leaves lifts loses \
    lowers makes mocks nails offers opens opposes plans pleads praises pulls puts raises \
    refuses rejects releases resigns responds returns reveals revokes rips says seeks sees \
    sends sets shakes shreds signs slams slights starts strays sues suggests takes talks taunts \
    tells testifies thinks threatens tries trolls turns unveils urges vows wants warns wins \
    begs busts condemns destroys dings dismantles dodges flips fumes grills ignites imagines \
    injures laughs lashes marries pauses prompts rallies readies roasts shatters steals torches \
    unloads";

/// Verbs of wire headlines in capitals that are nouns, or parts of names, in mixed case
/// ("Consumer Reports", "Estimates"): "USDA ESTIMATES" (12 Reuters articles), "USDA
/// REPORTS" (9), "REAGAN SAID", "SHULTZ WELCOMES" stood as organizations.
const CAPS_HEADLINE_VERBS: &[&str] = &[
    "ESTIMATES",
    "HOPES",
    "QUERIES",
    "REPORTS",
    "SAID",
    "SHOWS",
    "STRESSES",
    "WELCOMES",
];

/// [`HEADLINE_VERBS`] as a set of byte strings, the form `text::with_table_key` gives.
fn headline_verbs() -> &'static rustc_hash::FxHashSet<&'static [u8]> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static [u8]>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        HEADLINE_VERBS
            .split_whitespace()
            .map(str::as_bytes)
            .collect()
    })
}

/// Cuts person and organization mentions at a capitalized headline verb
/// ([`HEADLINE_VERBS`]): "Idris Elba Reveals" is Idris Elba, "Mocks Christine Blasey Ford"
/// is Christine Blasey Ford, and "Cardi B Donates" is Cardi B (HuffPost headlines, 10,000
/// records). What follows the verb is dropped; it opens the headline's predicate. A function
/// word left at the end goes too: wire headlines in capitals run a name on into "TO"
/// ("REAGAN TO VETO", "PHILIPPINES TO SELL": 200 Reuters articles).
pub fn cut_headline_verbs(mentions: &mut Vec<Mention>) {
    // Every verb ends in "s": most words are turned away before the list scan.
    let verb = |w: &str| {
        (w.len() > 3
            && w.ends_with(['s', 'S'])
            && w.starts_with(char::is_uppercase)
            && with_table_key(w, |k| headline_verbs().contains(k)))
            || CAPS_HEADLINE_VERBS.contains(&w)
    };
    // Not "A": Norwegian "A/S" firms end in it ("Den Norske Stats Oljeselskap A").
    let ends_nothing = is_glue_word;
    let cut = |m: &Mention| {
        matches!(m.kind, EntityKind::Org | EntityKind::Person)
            && m.text.contains(' ')
            && (m.text.split(' ').any(verb) || m.text.rsplit(' ').next().is_some_and(ends_nothing))
    };
    rewrite_each(mentions, cut, |m, out| {
        let (mut from, mut to) = (0, m.text.len());
        for w in m.text.split(' ') {
            let at = w.as_ptr() as usize - m.text.as_ptr() as usize;
            if !verb(w) {
                continue;
            }
            if at == from {
                // The verb opens the mention: the name follows it.
                from = (at + w.len() + 1).min(to);
                continue;
            }
            to = at.saturating_sub(1).max(from);
            break;
        }
        while let Some((head, last)) = m.text[from..to].rsplit_once(' ') {
            if !ends_nothing(last) {
                break;
            }
            to = from + head.len();
        }
        if !m.text[from..to].trim().is_empty() {
            out.push(part(&m, from, to));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::*;

    /// The mentions left of `name` (the first such text in `t`) after the cut, each checked
    /// against the text at its offsets.
    fn cut(t: &str, name: &str, kind: EntityKind) -> Vec<String> {
        let mut v = vec![m(t, kind, name, 0)];
        cut_headline_verbs(&mut v);
        for x in &v {
            let got: String = t.chars().skip(x.start).take(x.end - x.start).collect();
            assert_eq!(got, x.text);
        }
        v.into_iter().map(|x| x.text).collect()
    }

    #[test]
    fn a_headline_verb_ends_the_name() {
        use EntityKind::{Org, Person};
        let t = "Ada Okafor Reveals Plan; Mocks Lena Varga; Kestrel Co Donates; Mutual Shares.";
        assert_eq!(cut(t, "Ada Okafor Reveals Plan", Person), ["Ada Okafor"]);
        assert_eq!(cut(t, "Mocks Lena Varga", Person), ["Lena Varga"]);
        assert_eq!(cut(t, "Kestrel Co Donates", Org), ["Kestrel Co"]);
        assert_eq!(cut(t, "Mutual Shares", Org), ["Mutual Shares"]);
        let t = "Tomas Brel Dismantles Claim; Dings Mira Lund";
        assert_eq!(cut(t, "Tomas Brel Dismantles", Person), ["Tomas Brel"]);
        assert_eq!(cut(t, "Dings Mira Lund", Person), ["Mira Lund"]);
        let t = "REAGAN TO VETO; Bank of Japan; Den Norske Stats Oljeselskap A";
        assert_eq!(cut(t, "REAGAN TO", Org), ["REAGAN"]);
        assert_eq!(cut(t, "Bank of Japan", Org), ["Bank of Japan"]);
        let norske = "Den Norske Stats Oljeselskap A";
        assert_eq!(cut(t, norske, Org), [norske]);
        // Capitals-only verbs: nouns in mixed case.
        let t = "FARM AGENCY ESTIMATES CROP; Shopper Reports Inc";
        assert_eq!(cut(t, "FARM AGENCY ESTIMATES", Org), ["FARM AGENCY"]);
        assert_eq!(cut(t, "Shopper Reports Inc", Org), ["Shopper Reports Inc"]);
    }
}
