//! Organization-name cleaning and the merge key that joins safe variants of one name:
//! case ("ACME" / "Acme"), a leading "the", and trailing legal forms (Inc., Corp., Corporation,
//! Ltd., Limited, Co., Company, PLC, LLC, L.P.) — "the Acme Corp." and "Acme" are one org.

use super::text::{
    core, has_name_letters, last_word, possessive_len, tidy_case, trim_range, with_table_key, Core,
};
use crate::extract::gazetteer::fold::exact_key;

/// Trailing legal-form words, compared lower-cased with dots and commas removed (as bytes:
/// see [`with_table_key`]).
const LEGAL_FORMS: &[&[u8]] = &[
    b"inc",
    b"corp",
    b"corporation",
    b"ltd",
    b"limited",
    b"co",
    b"company",
    b"plc",
    b"llc",
    b"lp",
    b"llp",
];

/// Last words that make a name an organization, never a person: "Federal Reserve", "Labour
/// Party", "Bank of Korea" ends in a place but "Korea Development Bank" in "Bank". Surnames
/// that are also such words ("Church", "Court", "Hall", "House") are left out.
const HEAD_NOUNS: &[&str] = &[
    "Administration",
    "Agency",
    "Airlines",
    "Airways",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Club",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Congress",
    "Corporation",
    "Council",
    "Department",
    "Exchange",
    "Federation",
    "Foundation",
    "Fund",
    "Government",
    "Group",
    "Holdings",
    "Industries",
    "Institute",
    "League",
    "Ministry",
    "Navy",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Party",
    "Police",
    "Reserve",
    "Senate",
    "Service",
    "Society",
    "Tribunal",
    "Union",
    "United",
    "University",
];

/// Whether `word`, in any case, is one of the [`HEAD_NOUNS`].
pub fn is_head_noun(word: &str) -> bool {
    HEAD_NOUNS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// Whether a mention's last word (possessive dropped) is an organization head noun, written
/// capitalized as in a name ("Federal Reserve", "Federal Reserve's"; not "reserve"), or a
/// legal form ("H.J. Heinz Co").
pub fn ends_with_head_noun(mention: &str) -> bool {
    last_word(mention).is_some_and(|w| HEAD_NOUNS.contains(&w) || is_legal_form(w))
}

/// News agencies, which the text names as sources ("a Reuter survey", "AFP reported") and a
/// recognizer trained on names alone may type as people.
const AGENCIES: &[&str] = &[
    "afp",
    "ansa",
    "ap",
    "bernama",
    "bloomberg",
    "dpa",
    "efe",
    "interfax",
    "itar-tass",
    "kyodo",
    "reuter",
    "reuters",
    "tass",
    "xinhua",
    "yonhap",
];

/// Whether a mention (possessive dropped, any case) is a news agency's name.
pub fn is_news_agency(mention: &str) -> bool {
    let m = mention.trim();
    let m = &m[..m.len() - super::text::possessive_len(m)];
    if m.is_ascii() {
        // No String in the common case. Only non-ASCII text needs Unicode lower-casing, some
        // of which gives ASCII (the Kelvin sign U+212A gives "k").
        return AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(m));
    }
    AGENCIES.contains(&m.to_lowercase().as_str())
}

/// Whether a mention is nothing but a legal form ("Corp", "Inc."): a fragment, not a name.
pub fn is_bare_legal_form(mention: &str) -> bool {
    let m = mention.trim();
    !m.contains(char::is_whitespace) && is_legal_form(m)
}

pub(crate) fn is_legal_form(word: &str) -> bool {
    with_table_key(word, |k| LEGAL_FORMS.contains(&k))
}

/// Byte length of `name` without trailing legal forms and the "&", "and" or comma before them;
/// never strips the whole name ("Co." alone stays).
pub(super) fn without_legal_forms(name: &str) -> usize {
    let mut end = name.len();
    loop {
        let head = name[..end].trim_end();
        let Some((rest, last)) = head.rsplit_once(char::is_whitespace) else {
            return end;
        };
        if is_legal_form(last) || last == "&" || last.eq_ignore_ascii_case("and") {
            end = rest
                .trim_end_matches(|c: char| c == ',' || c.is_whitespace())
                .len();
            if end == 0 {
                return head.len();
            }
        } else {
            return head.trim_end_matches(',').len();
        }
    }
}

/// Cleans one recognizer mention of an organization starting at character `start`: edge
/// punctuation, a possessive, a leading "the" and trailing legal forms are removed (so the
/// canonical name is the bare "Acme Widgets"). `None` when fewer than two letters remain.
pub fn clean(mention: &str, start: usize) -> Option<Core> {
    let (mut lo, mut hi) = trim_range(mention, 0, mention.len(), |w| {
        is_legal_form(w) || w.len() <= 4
    });
    hi = lo + without_trailing_role(&mention[lo..hi])?;
    let cut = possessive_len(&mention[lo..hi]);
    if cut > 0 {
        hi -= cut;
    }
    let t = &mention[lo..hi];
    if t.len() > 4 && t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the ")) {
        lo += 4;
    }
    hi = lo + without_legal_forms(&mention[lo..hi]);
    let before_months = hi;
    hi = lo + without_trailing_months(&mention[lo..hi]);
    (lo, hi) = trim_range(mention, lo, hi, |w| w.len() <= 4 && w.contains('.'));
    let t = &mention[lo..hi];
    // What a month ended was a commodity contract or a table row ("New York May", "YEAR
    // DEC", "Payable March"): kept only when more than an ordinary word is left ("USDA").
    if hi < before_months && !t.contains(' ') && super::person::is_ordinary_word(&tidy_case(t)) {
        return None;
    }
    hi = lo + without_bracketed_acronym(&mention[lo..hi]);
    let t = &mention[lo..hi];
    // `t` is trimmed: is_bare_legal_form turns away names of several words before keying them.
    if lo >= hi || !has_name_letters(t) || is_bare_legal_form(t) || t.eq_ignore_ascii_case("the") {
        return None;
    }
    Some(core(mention, start, lo, hi))
}

/// Byte length of `name` without an acronym in brackets at its end: "Raffinage (CFR)" → 9,
/// "Landeszentralbanken (LZBs)" → 19. A name is no longer than it was written without its
/// short form, which the text gives as a name of its own. Other brackets stay: "Yamaichi
/// International (Europe)" names a subsidiary.
fn without_bracketed_acronym(name: &str) -> usize {
    let Some(inner) = name.strip_suffix(')') else {
        return name.len();
    };
    let Some((head, acronym)) = inner.rsplit_once(" (") else {
        return name.len();
    };
    let letters = acronym.strip_suffix('s').unwrap_or(acronym);
    let is_acronym = (2..=8).contains(&letters.len())
        && letters
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'&' || b == b'.')
        && letters.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
    if is_acronym && head.chars().any(char::is_alphabetic) {
        head.trim_end().len()
    } else {
        name.len()
    }
}

/// Month names and their abbreviations, lower case.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Whether `word` is a month or months ("Dec", "Sept.", "Oct/Dec", "MARCH").
fn is_month_word(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    // Every month starts with one of these letters: most words are turned away here.
    let first = w.bytes().next().map(|b| b.to_ascii_lowercase());
    matches!(
        first,
        Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
    ) && w
        .split('/')
        .all(|part| MONTHS.iter().any(|m| m.eq_ignore_ascii_case(part)))
}

/// Byte length of `name` without the months (and an "and" between them) at its end, keeping
/// at least its first word: no organization's name ends in a month, while futures quotes and
/// Reuters tables put one after a name ("New York Sept and Oct/Dec", "FERRUZZI MAY").
fn without_trailing_months(name: &str) -> usize {
    let mut end = name.len();
    let mut cut = false;
    fn last_word(s: &str) -> &str {
        s.trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
    }
    let is_and = |w: &str| w == "and" || w == "&";
    while let Some((before, word)) = name[..end].trim_end().rsplit_once(char::is_whitespace) {
        // "and" only between two months: "Ant & Dec" is a name.
        let joins = cut && is_and(word) && is_month_word(last_word(before));
        let month = is_month_word(word) && {
            let prev = last_word(before);
            !is_and(prev) || {
                let rest = before.trim_end();
                is_month_word(last_word(&rest[..rest.len() - prev.len()]))
            }
        };
        if !(month || joins) {
            break;
        }
        cut = true;
        end = before.trim_end().len();
    }
    if cut {
        // A preposition that led to the month goes with it ("Bank in February").
        if let Some((before, word)) = name[..end].rsplit_once(char::is_whitespace) {
            if ["in", "for", "of", "on", "by", "from", "until", "around"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word))
            {
                end = before.trim_end().len();
            }
        }
    }
    end
}

/// Byte length of `name` without a role at its end ("Bundesbank President", "Moody's Vice
/// President", "Federal Reserve Board Chairman": the recognizer ends the organization where
/// the person's name begins), or `None` when the name is nothing but a role ("Finance
/// Minister"). A role is a personal title (`person::is_personal_title`) with the title words
/// before it; it stays when a lower-case word would end what is left ("Office of the Mayor").
fn without_trailing_role(name: &str) -> Option<usize> {
    use super::person::{is_personal_title, is_title};
    let Some((rest, last)) = name.rsplit_once(' ') else {
        return Some(name.len());
    };
    if !is_personal_title(last) {
        return Some(name.len());
    }
    let mut end = rest.len();
    while let Some((before, word)) = name[..end].rsplit_once(' ') {
        if !is_title(word) {
            break;
        }
        end = before.len();
    }
    if is_title(&name[..end]) {
        return None;
    }
    let left_word = name[..end].rsplit(' ').next().unwrap_or("");
    if left_word.starts_with(char::is_lowercase) {
        return Some(name.len());
    }
    Some(end)
}

/// The Reuters-21578 ORGS tags (`all-orgs-strings.lc.txt`) that are neither an acronym of up to
/// five letters nor a plain name: compound codes and long acronyms, with the body's name as
/// news text writes it, so that tag and text name one organization.
const REUTERS_ORG_TAGS: &[(&str, &str)] = &[
    ("adb-africa", "African Development Bank"),
    ("adb-asia", "Asian Development Bank"),
    ("geplacea", "GEPLACEA"),
    ("ico-coffee", "International Coffee Organization"),
    ("ico-islam", "Organisation of the Islamic Conference"),
    ("iwc-whale", "International Whaling Commission"),
    ("iwc-wheat", "International Wheat Council"),
    ("unctad", "UNCTAD"),
    ("worldbank", "World Bank"),
];

/// Display form of a metadata org value: Reuters-21578 ORGS tags are lower-case ("opec",
/// "worldbank"); short single words become acronyms ("OPEC"), the compound tags get their
/// names ([`REUTERS_ORG_TAGS`]), other lower-case values are title-cased with hyphens read as
/// spaces. Values with capitals are kept as written.
pub fn clean_metadata(value: &str) -> Option<String> {
    let v = value.trim();
    if let Some(&(_, name)) = REUTERS_ORG_TAGS.iter().find(|(tag, _)| *tag == v) {
        return Some(name.to_string());
    }
    let lower = !v.chars().any(char::is_uppercase);
    if lower && !v.contains([' ', '-']) && v.chars().count() <= 5 {
        return has_name_letters(v).then(|| v.to_uppercase());
    }
    let v = if lower {
        tidy_case(&v.replace('-', " "))
    } else {
        v.to_string()
    };
    clean(&v, 0).map(|c| c.name)
}

/// Merge key of a cleaned org name: [`exact_key`] of the name (legal forms already gone).
pub fn key(name: &str) -> String {
    exact_key(name)
}

/// How good a variant is as the display name: mixed case beats all capitals (a headline
/// "ACME WIDGETS" loses to "Acme Widgets"), which beats all lower case.
pub fn display_score(name: &str) -> u8 {
    let upper = name.chars().any(char::is_uppercase);
    let lower = name.chars().any(char::is_lowercase);
    match (upper, lower) {
        (true, true) => 2,
        (true, false) => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Option<String> {
        clean(s, 0).map(|c| c.name)
    }

    #[test]
    fn strips_legal_forms_and_the() {
        assert_eq!(name("Acme Widgets Inc.").as_deref(), Some("Acme Widgets"));
        assert_eq!(name("Acme Widgets, Inc.").as_deref(), Some("Acme Widgets"));
        assert_eq!(
            name("the Acme Widgets Corporation").as_deref(),
            Some("Acme Widgets")
        );
        assert_eq!(name("Harbour Foods Ltd").as_deref(), Some("Harbour Foods"));
        assert_eq!(name("Pell & Co.").as_deref(), Some("Pell"));
        assert_eq!(
            name("Northwind Bank PLC's").as_deref(),
            Some("Northwind Bank")
        );
        assert_eq!(name("Quillon LLC").as_deref(), Some("Quillon"));
        assert_eq!(name("Co.").as_deref(), None);
        assert_eq!(name("The").as_deref(), None);
        assert_eq!(name("The Lantern Company").as_deref(), Some("Lantern"));
    }

    #[test]
    fn brackets_after_a_name() {
        // A subsidiary's region stays, with its bracket, once the legal form is gone.
        assert_eq!(
            name("Okonkwo Trading (Asia) Ltd").as_deref(),
            Some("Okonkwo Trading (Asia)")
        );
        // A short form in brackets is a name of its own.
        assert_eq!(
            name("Zorbian Grain Board (ZGB)").as_deref(),
            Some("Zorbian Grain Board")
        );
        assert_eq!(name("Landesbanken (LBs)").as_deref(), Some("Landesbanken"));
        // What a bracket never closed is no part of the name.
        assert_eq!(
            name("Zorbia Fund (Quarterly").as_deref(),
            Some("Zorbia Fund")
        );
    }

    #[test]
    fn months_after_a_name_are_no_part_of_it() {
        assert_eq!(name("FERRUZZI MAY").as_deref(), Some("FERRUZZI"));
        assert_eq!(
            name("Harbour Foods Sept and Oct/Dec").as_deref(),
            Some("Harbour Foods")
        );
        assert_eq!(name("USDA APRIL").as_deref(), Some("USDA"));
        assert_eq!(name("YEAR DEC"), None);
        assert_eq!(name("Payable March"), None);
        assert_eq!(
            name("Harbour Foods in February").as_deref(),
            Some("Harbour Foods")
        );
        assert_eq!(name("Ant & Dec").as_deref(), Some("Ant & Dec"));
        // Only at the end, and never the whole name.
        assert_eq!(name("March of Dimes").as_deref(), Some("March of Dimes"));
        assert_eq!(
            name("May Department Stores").as_deref(),
            Some("May Department Stores")
        );
        assert_eq!(name("May").as_deref(), Some("May"));
    }

    #[test]
    fn variants_share_a_key() {
        let k = |s: &str| key(&name(s).unwrap());
        assert_eq!(k("ACME WIDGETS CORP"), k("Acme Widgets"));
        assert_eq!(k("the Acme Widgets Co."), k("Acme Widgets Inc"));
        assert_ne!(k("Acme Widgets"), k("Acme Gadgets"));
    }

    #[test]
    fn metadata_tags() {
        assert_eq!(clean_metadata("opec").as_deref(), Some("OPEC"));
        let name = |m: &str| clean(m, 0).map(|c| c.name);
        assert_eq!(name("Bundesbank President").as_deref(), Some("Bundesbank"));
        assert_eq!(
            name("Federal Reserve Board Chairman").as_deref(),
            Some("Federal Reserve Board")
        );
        assert_eq!(name("Moody's Vice President").as_deref(), Some("Moody"));
        assert_eq!(name("Finance Minister"), None);
        assert_eq!(name("U.S. Trade Representative"), None);
        assert_eq!(
            name("Office of the Mayor").as_deref(),
            Some("Office of the Mayor")
        );
        assert_eq!(
            clean_metadata("adb-africa").as_deref(),
            Some("African Development Bank")
        );
        assert_eq!(clean_metadata("worldbank").as_deref(), Some("World Bank"));
        assert_eq!(clean_metadata("unctad").as_deref(), Some("UNCTAD"));
        assert_eq!(clean_metadata("comecon").as_deref(), Some("Comecon"));
        assert_eq!(clean_metadata("new-tag").as_deref(), Some("New Tag"));
        assert_eq!(
            clean_metadata("Harbour Foods Ltd").as_deref(),
            Some("Harbour Foods")
        );
    }
}
