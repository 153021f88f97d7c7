//! The place of a wire dateline, "SAN JUAN CAPISTRANO, Calif., March 3 -", as one place
//! mention.
//!
//! A dateline opens the story with its place in capitals, then a region or country, then the
//! date. The recognizer reads such capitals word by word and types them as it can: over the
//! 1,808 Reuters-21578 datelines it left 66 places out ("ENGLEWOOD CLIFFS"), typed 13 as
//! people or organizations (person "Juan Capistrano", organization "OAK" of "OAK BROOK",
//! "ST." of "ST. JOSEPH") and cut 7 to another place ("NEW HYDE PARK" → Hyde Park). The
//! shape settles it: [`dateline_place`] makes the capitals one place mention.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{EntityKind, Mention};

/// How far into the text the dateline may start (bytes), after a headline.
const WINDOW: usize = 400;

/// A line opening with a place in capitals, a comma, an optional region ("Calif.", "N.J.",
/// "Alberta", "SWITZERLAND", "New Mexico") and comma, and a month and day; no capture groups,
/// so a match runs the fast engines only. ASCII classes: the wire writes its datelines in
/// ASCII, and these compile fast.
static DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?";
    let region = r"(?:[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?,[ \t]+)?";
    Regex::new(&format!(
        r"(?-u)\A[ \t]*[A-Z][A-Z.'&-]*(?: [A-Z][A-Z.'&-]*){{0,4}},[ \t]+{region}(?i:{month})[ \t]+[0-9]{{1,2}}\b"
    ))
    .ok()
});

/// Makes the place of the text's dateline one place mention, replacing the mentions inside it
/// (`mentions` sorted by start, char offsets into `text`; kept sorted). A mention across its
/// edges is left alone, as are texts without a dateline in their first [`WINDOW`] bytes.
pub fn dateline_place(text: &str, mentions: &mut Vec<Mention>) {
    let head = &text[..text.floor_char_boundary(WINDOW.min(text.len()))];
    let Some(re) = DATELINE.as_ref() else {
        return;
    };
    // Most lines cannot open a dateline: only one of capitals up to a comma goes to the regex.
    let found = line_starts(head).find_map(|at| {
        let line = &head[at..];
        let body = line.trim_start_matches([' ', '\t']);
        let caps_run = body
            .bytes()
            .take_while(|&b| b.is_ascii_uppercase() || b" .'&-".contains(&b))
            .count();
        let candidate = caps_run > 0 && body.as_bytes().get(caps_run) == Some(&b',');
        // The regex's DFA says whether the line is a dateline; the spans follow from its
        // shape (capture groups would cost a slower engine on every article).
        if !(candidate && re.is_match(line)) {
            return None;
        }
        let start = at + (line.len() - body.len());
        let after = &body[caps_run + 1..];
        let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
        let rest = &after[gap..];
        let region = rest
            .find(',')
            .map(|n| &rest[..n])
            .filter(|r| is_region_shape(r))
            .map(|r| {
                let rs = start + caps_run + 1 + gap;
                (rs, rs + r.len())
            });
        Some((start, start + caps_run, region))
    });
    let Some((bs, be, region)) = found else {
        return;
    };
    let place = &text[bs..be];
    // "UNITED NATIONS, March 3 -": filed at an institution, named as the organization.
    if crate::extract::gazetteer::is_institution(place) {
        return;
    }
    let chars = |b: usize| {
        if text.is_ascii() {
            b
        } else {
            text[..b].chars().count()
        }
    };
    let (s, e) = (chars(bs), chars(be));
    if mentions
        .iter()
        .any(|m| m.start < e && m.end > s && (m.start < s || m.end > e))
    {
        return;
    }
    mentions.retain(|m| !(m.start < e && m.end > s));
    insert_place(mentions, s, e, place);
    // The region the recognizer left out ("CANTON, Mass.", "RIPLEY, W.Va."): it says which
    // town the place is (`normalize`).
    if let Some((rs, re_)) = region {
        let (s, e) = (chars(rs), chars(re_));
        if !mentions.iter().any(|m| m.start < e && m.end > s) {
            insert_place(mentions, s, e, &text[rs..re_]);
        }
    }
}

/// Inserts a place mention over chars `s..e` (text `name`), keeping `mentions` sorted.
fn insert_place(mentions: &mut Vec<Mention>, s: usize, e: usize, name: &str) {
    let at = mentions.partition_point(|m| m.start < s);
    mentions.insert(
        at,
        Mention {
            kind: EntityKind::Place,
            start: s,
            end: e,
            text: name.to_string(),
        },
    );
}

/// Whether `r` has the shape of the regex's region: one or two words of a capital and then
/// letters or periods ("Calif.", "W.Va.", "New Mexico", "SWITZERLAND").
fn is_region_shape(r: &str) -> bool {
    let words: Vec<&str> = r.split(' ').collect();
    words.len() <= 2
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
        })
}

/// Byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str, ms: Vec<(EntityKind, &str)>) -> Vec<String> {
        let mut mentions: Vec<Mention> = ms
            .into_iter()
            .map(|(kind, t)| super::super::tests::m(text, kind, t, 0))
            .collect();
        dateline_place(text, &mut mentions);
        mentions
            .iter()
            .map(|m| format!("{:?} {}", m.kind, m.text))
            .collect()
    }

    #[test]
    fn the_dateline_place_is_one_place() {
        let t = "SAFECARD SERVICES SETS DIVIDEND\n\n    SAN JUAN CAPISTRANO, Calif., March 3 - The";
        let got = after(t, vec![(EntityKind::Person, "JUAN CAPISTRANO")]);
        assert_eq!(got, ["Place SAN JUAN CAPISTRANO", "Place Calif."]);
        let t = "MCDONALD'S PROFIT\n\nOAK BROOK, Ill., March 3 - McDonald's Corp said";
        let got = after(
            t,
            vec![(EntityKind::Org, "OAK"), (EntityKind::Place, "Ill.")],
        );
        assert_eq!(got, ["Place OAK BROOK", "Place Ill."]);
        let t = "X\n\nST. JOSEPH, Mich., April 2 - Whirlpool";
        assert_eq!(after(t, vec![]), ["Place ST. JOSEPH", "Place Mich."]);
        let t = "X\n\nBAAR, SWITZERLAND, March 26 - Marc Rich";
        assert_eq!(after(t, vec![]), ["Place BAAR", "Place SWITZERLAND"]);
        let t = "X\n\nNEW YORK, March 3 - Shares";
        assert_eq!(after(t, vec![]), ["Place NEW YORK"]);
    }

    #[test]
    fn other_capitals_and_late_lines_are_left_alone() {
        // An institution's dateline stays the recognizer's organization.
        let t = "X\n\nUNITED NATIONS, March 3 - The";
        let got = after(t, vec![(EntityKind::Org, "UNITED NATIONS")]);
        assert_eq!(got, ["Org UNITED NATIONS"]);
        // A headline in capitals with a comma, but no date after it.
        let t = "ACME, BETA IN MERGER TALKS\n\nThe two companies said on March 3 they";
        assert!(after(t, vec![]).is_empty());
        // A mention across the edge is the recognizer's longer reading.
        let t = "X\n\nNEW HYDE PARK, N.Y., March 3 - It";
        let got = after(t, vec![(EntityKind::Place, "X\n\nNEW HYDE")]);
        assert_eq!(got, ["Place X\n\nNEW HYDE"]);
        // Past the window: a place and date deep in the story is no dateline.
        let t = format!("{}\nLONDON, March 3 - It", "word ".repeat(100));
        assert!(after(&t, vec![]).is_empty());
        // Text outside ASCII before the dateline keeps char offsets right.
        let t = "ÉTÉ À PARIS\n\nPARIS, July 4 - Le";
        let mut ms = Vec::new();
        dateline_place(t, &mut ms);
        assert_eq!(
            (ms[0].start, ms[0].end, ms[0].text.as_str()),
            (13, 18, "PARIS")
        );
    }

    /// Generated openings (capitals, commas, regions, months, line breaks, letters and
    /// spaces outside ASCII): no panic, and every mention's text is the text at its offsets.
    #[test]
    fn generated_openings_keep_mentions_consistent() {
        let heads = ["", "X\n\n", "É\n  ", "Title\r\r", "a\u{a0}b\n\t"];
        let names = [
            "SAN JUAN",
            "OAK",
            "ZÜRICH",
            "UNITED NATIONS",
            "ST. JOE",
            "É",
            "A-B'C",
        ];
        let commas = [", ", ",", ",\u{a0}", ",  ", " , "];
        let regions = [
            "",
            "Calif., ",
            "N.J., ",
            "SWITZERLAND, ",
            "Mass.,",
            "Über, ",
        ];
        let dates = ["March 3", "MAY 12", "Dec. 5", "März 3", "3 March", ""];
        let tails = ["", " - It said.", "\n", "x"];
        let mut next = super::super::tests::xorshift(0x9e37_79b9_7f4a_7c15u64);
        let mut found = 0;
        for _ in 0..5000 {
            let text = [
                heads[next(heads.len())],
                names[next(names.len())],
                commas[next(commas.len())],
                regions[next(regions.len())],
                dates[next(dates.len())],
                tails[next(tails.len())],
            ]
            .concat();
            let chars: Vec<char> = text.chars().collect();
            let mut mentions = Vec::new();
            dateline_place(&text, &mut mentions);
            found += usize::from(!mentions.is_empty());
            for m in &mentions {
                let got: String = chars[m.start..m.end].iter().collect();
                assert_eq!(got, m.text, "{text:?}");
            }
        }
        assert!(found > 20, "{found}");
    }
}
