//! Company names the wire marks with a stock symbol, "Chrysler Corp <C>", or with angle
//! brackets when the company has none, "<Acklands Ltd>" (the Reuters convention, as in
//! Reuters-21578).
//!
//! Earnings and dividend items name their company only in an ALL CAPS headline ("NATIONAL
//! COMPUTER SYSTEMS INC <NLCS> 4TH QTR NET"), over a table of figures, and the recognizer finds
//! no name in capitals: 95 of the 1,078 articles of two Reuters files with such marks listed no
//! organization at all, so `--org` could not find them. The mark settles that the words before
//! it (or inside the brackets) name a company: [`names_before_tickers`] makes them one
//! organization mention.

use super::org::is_legal_form;
use crate::article::{EntityKind, Mention};
use crate::extract::CharToByte;

/// Most words of a company name before a symbol.
const MAX_WORDS: usize = 8;
/// Longest company name, in bytes.
const MAX_NAME_BYTES: usize = 100;
/// Most words of a headline that may be all name when no mention marks where the name starts
/// ("HOUSE OF FABRICS <HF>", not "AMEX LISTS PORTAGE INDUSTRIES <PTG>"): in Reuters-21578 such
/// runs of three words are mostly names, of four about half.
const MAX_HEADLINE_WORDS: usize = 3;

/// Whether `s` is a stock symbol as the wire writes it: one to six capitals or digits starting
/// with a capital, with an optional class or exchange suffix ("C", "NLCS", "BTI.L", "RT.A").
pub(super) fn is_symbol(s: &str) -> bool {
    let (root, suffix) = s.split_once('.').unwrap_or((s, "A"));
    let caps = |w: &str, max: usize| {
        (1..=max).contains(&w.len())
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    caps(root, 6) && root.as_bytes()[0].is_ascii_uppercase() && caps(suffix, 3)
}

/// Whether `w` may stand in a company name: it starts with a capital or a digit and has a
/// letter ("3COM", "WD-40", "AT&T", not "15"), or is "&".
fn is_name_word(w: &str) -> bool {
    w == "&"
        || (w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && w.chars().any(char::is_alphabetic))
}

/// Words that open a sentence before a company name besides the capitalized function words:
/// "Yesterday Citicorp <CCI> ...".
const SENTENCE_ADVERBS: &[&str] = &[
    "Additionally",
    "Currently",
    "Finally",
    "Instead",
    "Now",
    "Previously",
    "Recently",
    "Separately",
    "Subsequently",
    "Today",
    "Yesterday",
];

/// Lower-case words inside a company name ("Bank of Boston", "Johnson and Johnson").
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "and" | "de" | "the" | "for")
}

/// A name found by a mark: byte range in the text, and whether it is written in capitals.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Marked {
    start: usize,
    end: usize,
    /// The name with its mark: from the `<` of a bracketed name, to the `>` after a symbol.
    mark: (usize, usize),
    caps: bool,
    /// The name starts the text (a headline, after a correction flag) and has at most
    /// [`MAX_HEADLINE_WORDS`] words: all of it is the name even in capitals.
    short_headline: bool,
    /// The name ends in a legal form: all of it is the name even in capitals when no mention
    /// says where it starts.
    legal: bool,
}

/// The name right before a symbol's `<` at byte `lt`: the run of name words (with connectors
/// inside) that ends there, less a possessive ("Ford Motor Co's <F>") and sentence words
/// before it ("The", "In").
fn name_before(text: &str, lt: usize) -> Option<Marked> {
    let mut end = text[..lt].trim_end().len();
    for p in ["'s", "'S", "\u{2019}s"] {
        if text[..end].ends_with(p) {
            end -= p.len();
        }
    }
    let head = &text[..end];
    // Words from the end, each with its start.
    let mut words: Vec<(usize, &str)> = Vec::new();
    for w in head.rsplit(char::is_whitespace) {
        // Runs of spaces and the wire's line breaks inside a name give empty pieces.
        if w.is_empty() {
            continue;
        }
        let start = w.as_ptr() as usize - head.as_ptr() as usize;
        let inside = !words.is_empty();
        // A new paragraph (a line break before an indent or a blank line) ends the name.
        if let Some(&(next, _)) = words.last() {
            let gap = &head[start + w.len()..next];
            if gap.contains("\n ") || gap.contains("\n\n") || gap.contains("\n\t") {
                break;
            }
        }
        let ends_clause = w.ends_with([',', ';', ':', ')', '"']);
        // "Japan's Minebea <MINA.T>": a possessive before the name is its owner or country.
        let possessive = w.ends_with("'s") || w.ends_with("'S") || w.ends_with("\u{2019}s");
        if words.len() == MAX_WORDS
            || (inside && (ends_clause || possessive))
            || !(is_name_word(w) || (inside && is_connector(w)))
            // "of the U.S. And N.V. Philips <PGLO.AS>": a capitalized "And" in running text.
            || w == "And"
            // "Robinson-Humphrey Co Inc and PaineWebber Group <PWJ>": two companies.
            || (is_legal_form(w) && words.last().is_some_and(|&(_, n)| n == "and"))
        {
            break;
        }
        words.push((start, w));
        if w.starts_with('(') || w.starts_with('"') {
            break;
        }
    }
    while let Some(&(_, w)) = words.last() {
        let sentence_word = (crate::extract::ner::is_capitalized_function_word(w)
            || SENTENCE_ADVERBS.contains(&w))
            && w.chars().skip(1).any(char::is_lowercase);
        let article = w == "A" && words.len() > 1;
        if is_connector(w) || w == "&" || sentence_word || article || w.starts_with(['(', '"']) {
            words.pop();
        } else {
            break;
        }
    }
    let &(mut start, first) = words.last()?;
    // "CORRECTED-LILLY INDUSTRIAL COATINGS INC <LICIA>": the wire's correction flag.
    if let Some(rest) = first.strip_prefix("CORRECTED-") {
        start = end.min(start + first.len() - rest.len());
    }
    let headline_start = text[..start]
        .trim_end()
        .trim_end_matches('-')
        .trim_end()
        .trim_start_matches('(')
        .trim_end_matches(')');
    let headline_start = matches!(headline_start, "" | "CORRECTED");
    let name = &text[start..end];
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    let caps = !name.chars().any(char::is_lowercase);
    let legal = words.first().is_some_and(|&(_, w)| is_legal_form(w));
    Some(Marked {
        start,
        end,
        mark: (start, lt),
        caps,
        short_headline: headline_start && words.len() <= MAX_HEADLINE_WORDS,
        legal,
    })
}

/// The name inside brackets `<...>` (`inner` starts at byte `at`): two to [`MAX_WORDS`] name
/// words or connectors, starting with a capital ("<For Better Living Inc>"), up to a comma
/// ("<Morgan Guaranty Ltd, Hong Kong>").
fn bracketed(inner: &str, at: usize) -> Option<Marked> {
    let name = inner.split(',').next().unwrap_or(inner).trim_end();
    // The mark ends at the `>` unless a comma cut the name ("<Morgan Guaranty Ltd, Hong
    // Kong>": the place stays the recognizer's).
    let gt = if name.len() == inner.trim_end().len() {
        at + inner.len() + 1
    } else {
        at + name.len()
    };
    let inner = name;
    let n = inner.split(' ').count();
    let ok = (2..=MAX_WORDS).contains(&n)
        && inner.starts_with(|c: char| c.is_ascii_uppercase())
        && inner.split(' ').all(|w| is_name_word(w) || is_connector(w));
    ok.then(|| Marked {
        start: at,
        end: at + inner.len(),
        mark: (at - 1, gt),
        caps: !inner.chars().any(char::is_lowercase),
        short_headline: true,
        legal: true,
    })
}

/// Every name a mark shows in `text`, in text order, and the byte ranges of the symbols.
fn marked_names(text: &str) -> (Vec<Marked>, Vec<(usize, usize)>) {
    let mut out: Vec<Marked> = Vec::new();
    let mut symbols = Vec::new();
    for (lt, _) in text.match_indices('<') {
        let rest = &text[lt + 1..];
        let Some(gt) = rest.bytes().take(64).position(|b| b == b'>') else {
            continue;
        };
        let inner = &rest[..gt];
        if inner.contains(['<', '\n']) {
            continue;
        }
        let found = if is_symbol(inner) {
            symbols.push((lt, lt + 2 + inner.len()));
            name_before(text, lt).map(|mut m| {
                m.mark.1 = lt + 2 + inner.len();
                m
            })
        } else {
            bracketed(inner, lt + 1)
        };
        // A name longer than any company's is a run of junk ("AAAA…" over a page).
        if let Some(m) = found.filter(|m| m.end - m.start <= MAX_NAME_BYTES) {
            if out.last().is_none_or(|p| p.end <= m.start) {
                out.push(m);
            }
        }
    }
    (out, symbols)
}

/// Makes each company name that a stock symbol follows or angle brackets enclose one
/// organization mention, replacing the mentions inside it, and drops the mentions of the
/// symbols themselves (`mentions` sorted by start, char offsets into `text`; kept sorted).
///
/// A short headline's start is all name ("EDO <EDO> TO BUY BACK") unless the recognizer found
/// another name at its start ("[DUFF/PHELPS] DOWNGRADES USX <X>"). Other names in capitals
/// start where a mention ending with them starts ("AMEX LISTS [PORTAGE INDUSTRIES] <PTG>"), or
/// without one must end in a legal form ("GREAT ATLANTIC AND PACIFIC TEA CO INC <GAP> DIV"),
/// since capitals hide where a headline's verb ends. In running text a company or person the
/// recognizer found after "of" is the name ("Shares of [Ford Motor] Co <F>"), as is its second
/// of two companies joined by "and" ("[Daewoo Group] and [General Motors] Corp <GM>"), and a
/// mention
/// across either end of the name is the recognizer's longer reading and stays.
pub fn names_before_tickers(text: &str, mentions: &mut Vec<Mention>) {
    if !text.contains('<') {
        return;
    }
    let (names, symbols) = marked_names(text);
    if names.is_empty() && symbols.is_empty() {
        return;
    }
    let mut bytes_at = CharToByte::new(text);
    let ascii = text.is_ascii();
    // The symbols themselves name nothing ("NLCS", "<BOR>", "LON" of "<BTRX.LON>").
    mentions.retain(|m| {
        let (s, e) = (bytes_at.byte(m.start), bytes_at.byte(m.end));
        !symbols.iter().any(|&(a, b)| a <= s && e <= b)
    });
    for n in names {
        // Char offsets, as mentions count them; the name may start later below (`s`).
        let (mut s, e) = (char_of(text, ascii, n.start), char_of(text, ascii, n.end));
        let name_start = s;
        let (ms, me) = (
            char_of(text, ascii, n.mark.0),
            char_of(text, ascii, n.mark.1),
        );
        // Mentions within the name itself.
        let inside = |m: &Mention| m.start >= s && m.end <= e && m.end > m.start;
        // The recognizer's longer reading: a mention across either end of the name and its
        // mark ("[Misc National Computer Systems Inc <NLCS>]" is no longer reading).
        if mentions
            .iter()
            .any(|m| m.start < me && m.end > ms && (m.start < ms || m.end > me))
        {
            continue;
        }
        // The mention that ends the name, or ends before a legal form ending it, and is more
        // than a legal form ("NATIONAL COMPUTER SYSTEMS [INC]").
        let last = mentions.iter().rfind(|m| inside(m)).filter(|m| {
            let tail = &text[bytes_at.byte(m.end)..n.end];
            tail.split_whitespace().all(is_legal_form)
                && !m.text.split_whitespace().all(is_legal_form)
        });
        let named = |m: &Mention| matches!(m.kind, EntityKind::Org | EntityKind::Person);
        // "[Daewoo Group] and [General Motors] Corp <GM>": the recognizer read two names, a
        // company or place before "and"; the symbol's is the second. Not after a person:
        // "[Procter] and [Gamble] Co <PG>" is one company.
        let mut second = None;
        for (p, m) in mentions.iter().zip(mentions.iter().skip(1)) {
            if inside(m)
                && named(m)
                && p.start >= s
                && matches!(p.kind, EntityKind::Org | EntityKind::Place)
                && text
                    .get(bytes_at.byte(p.end)..bytes_at.byte(m.start))
                    .is_some_and(|gap| gap.trim() == "and")
            {
                second = Some(m);
            }
        }
        // "[DUFF/PHELPS] DOWNGRADES USX <X>": a name the recognizer found at the start of a
        // headline in capitals, ending before the symbol's name does.
        let other_first = n.caps
            && !n.legal
            && mentions
                .iter()
                .any(|m| m.start == s && m.end < e && last.is_none_or(|l| l.start != s));
        match (last, second) {
            (_, Some(m)) if !n.caps => s = m.start,
            _ if n.short_headline && !other_first => {}
            // Capitals: the recognizer's company or person says where the name starts.
            (Some(m), _) if n.caps && named(m) => s = m.start,
            // "Shares of [Ford Motor] Co <F>": the recognizer's name after "of" is the company.
            (Some(m), _)
                if !n.caps
                    && named(m)
                    && text[n.start..bytes_at.byte(m.start)]
                        .trim_end()
                        .ends_with(" of") =>
            {
                s = m.start
            }
            _ if n.caps && (other_first || !n.legal) => continue,
            _ => {}
        }
        // A bracket's `<` and a symbol after the name go with it; words before `s` that the
        // name no longer holds ("[Daewoo Group] and") stay.
        let from = if ms < name_start { ms } else { s };
        let to = me.max(e);
        mentions.retain(|m| !(m.start < to && m.end > from));
        let at = mentions.partition_point(|m| m.start < s);
        let (bs, be) = (bytes_at.byte(s), bytes_at.byte(e));
        mentions.insert(
            at,
            Mention {
                kind: EntityKind::Org,
                start: s,
                end: e,
                text: text[bs..be].to_string(),
            },
        );
    }
}

/// Char offset of byte offset `b` (a char boundary) of `text`, which is all ASCII if `ascii`.
fn char_of(text: &str, ascii: bool, b: usize) -> usize {
    if ascii {
        b
    } else {
        text[..b].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first mention of `needle` in `text` (the shared helper, arguments in this file's
    /// order).
    fn m(kind: EntityKind, needle: &str, text: &str) -> Mention {
        super::super::tests::m(text, kind, needle, 0)
    }

    fn orgs(text: &str, mut mentions: Vec<Mention>) -> Vec<String> {
        names_before_tickers(text, &mut mentions);
        mentions
            .into_iter()
            .map(|m| format!("{:?} {}", m.kind, m.text))
            .collect()
    }

    #[test]
    fn symbols_and_brackets_are_recognized() {
        for s in ["C", "NLCS", "BTI.L", "RT.A", "3M"] {
            assert_eq!(is_symbol(s), s != "3M", "{s}");
        }
        assert!(!is_symbol("nlcs") && !is_symbol("TOOLONGX") && !is_symbol("A.BCDE"));
    }

    #[test]
    fn a_headline_names_its_company_before_the_symbol() {
        let t = "NATIONAL COMPUTER SYSTEMS INC <NLCS>4TH QTR NET\n\nMINNEAPOLIS - Shr 25 cts";
        assert_eq!(orgs(t, vec![]), ["Org NATIONAL COMPUTER SYSTEMS INC"]);
        // The recognizer's reading: the legal form and the symbol as organizations.
        let ms = vec![m(EntityKind::Org, "INC", t), m(EntityKind::Org, "NLCS", t)];
        assert_eq!(orgs(t, ms), ["Org NATIONAL COMPUTER SYSTEMS INC"]);
        let t = "EDO <EDO> TO BUY BACK ADDITIONAL 500,000 SHARES";
        assert_eq!(orgs(t, vec![]), ["Org EDO"]);
        let t = "DUFF/PHELPS DOWNGRADES USX <X> DEBT";
        let ms = vec![m(EntityKind::Org, "DUFF/PHELPS", t)];
        assert_eq!(orgs(t, ms), ["Org DUFF/PHELPS"]);
        // A private company in brackets, and a correction's prefix before a legal form.
        let t = "<FOR BETTER LIVING INC> 4TH QTR NET";
        assert_eq!(orgs(t, vec![]), ["Org FOR BETTER LIVING INC"]);
        let t = "CORRECTED-LILLY INDUSTRIAL COATINGS INC <LICIA>";
        assert_eq!(orgs(t, vec![]), ["Org LILLY INDUSTRIAL COATINGS INC"]);
        let t = "(CORRECTED) - TSENG <TSNG> 4TH QTR";
        assert_eq!(orgs(t, vec![]), ["Org TSENG"]);
        let t = "STOP AND SHOP'S <SHP> UNIT";
        assert_eq!(orgs(t, vec![]), ["Org STOP AND SHOP"]);
        let t = "has given <Morgan Guaranty Ltd, Hong Kong> the mandate";
        assert_eq!(orgs(t, vec![]), ["Org Morgan Guaranty Ltd"]);
    }

    #[test]
    fn capitals_need_a_mention_to_start_a_name_after_a_headline_verb() {
        let t = "AMEX LISTS PORTAGE INDUSTRIES <PTG>";
        assert_eq!(orgs(t, vec![]), Vec::<String>::new());
        let ms = vec![m(EntityKind::Person, "PORTAGE INDUSTRIES", t)];
        assert_eq!(orgs(t, ms), ["Org PORTAGE INDUSTRIES"]);
        // A place the recognizer found at the end says nothing of the start.
        let t = "BANK OF NEW YORK <BK> DIVIDEND";
        let ms = vec![m(EntityKind::Place, "NEW YORK", t)];
        assert_eq!(orgs(t, ms), ["Place NEW YORK"]);
        let t = "BANK OF BOSTON <BKB> DIVIDEND";
        let ms = vec![m(EntityKind::Place, "BOSTON", t)];
        assert_eq!(orgs(t, ms), ["Org BANK OF BOSTON"]);
        let t = "UNIT SELLS STAKE IN CHRYSLER CORP <C>";
        let ms = vec![m(EntityKind::Org, "CHRYSLER", t)];
        assert_eq!(orgs(t, ms), ["Org CHRYSLER CORP"]);
    }

    #[test]
    fn running_text_takes_the_capitalized_words_before_the_symbol() {
        let t = "Caltex, a joint venture of Chevron Corp <CHV> and Texaco Inc <TX>, said.";
        let ms = vec![
            m(EntityKind::Org, "Caltex", t),
            m(EntityKind::Person, "Texaco", t),
        ];
        assert_eq!(
            orgs(t, ms),
            ["Org Caltex", "Org Chevron Corp", "Org Texaco Inc"]
        );
        let t = "Shares of Ford Motor Co's <F> fell. The Bank of Boston <BKB> rose.";
        let ms = vec![
            m(EntityKind::Org, "Ford Motor", t),
            m(EntityKind::Place, "Boston", t),
        ];
        assert_eq!(orgs(t, ms), ["Org Ford Motor Co", "Org Bank of Boston"]);
        // Words before the name: a sentence's adverb or article, an owner, a capital "And".
        let t = "Yesterday Citicorp <CCI> bid. A Matsushita Electric <MC.T> unit said.";
        assert_eq!(orgs(t, vec![]), ["Org Citicorp", "Org Matsushita Electric"]);
        let t = "for Japan's Minebea Co <MINA.T> and of the U.S. And N.V. Philips <PGLO.AS>";
        assert_eq!(orgs(t, vec![]), ["Org Minebea Co", "Org N.V. Philips"]);
        // Two companies the recognizer read, and a paragraph before the name.
        let t = "a venture of Daewoo Group and General Motors Corp <GM>.";
        let ms = vec![
            m(EntityKind::Org, "Daewoo Group", t),
            m(EntityKind::Org, "General Motors", t),
        ];
        assert_eq!(orgs(t, ms), ["Org Daewoo Group", "Org General Motors Corp"]);
        let t = "by First Bank of Boston and Salomon Brothers Inc <SB>";
        let ms = vec![
            m(EntityKind::Org, "First Bank of Boston", t),
            m(EntityKind::Org, "Salomon", t),
        ];
        assert_eq!(
            orgs(t, ms),
            ["Org First Bank of Boston", "Org Salomon Brothers Inc"]
        );
        let t = "from Bank of Minneapolis and\nSalomon Inc <SB>, Procter and Gamble Co <PG> and";
        let ms = vec![
            m(EntityKind::Place, "Minneapolis", t),
            m(EntityKind::Org, "Salomon Inc", t),
            m(EntityKind::Person, "Procter", t),
            m(EntityKind::Org, "Gamble", t),
        ];
        assert_eq!(
            orgs(t, ms),
            [
                "Place Minneapolis",
                "Org Salomon Inc",
                "Org Procter and Gamble Co"
            ]
        );
        let t = "Robinson-Humphrey Co Inc and PaineWebber Group <PWJ> and 15\nBoeing Co <BA> jets";
        assert_eq!(orgs(t, vec![]), ["Org PaineWebber Group", "Org Boeing Co"]);
        let t = "advised by Lazard Freres and Co\n    Dillard Department Stores <DDS> said";
        assert_eq!(orgs(t, vec![]), ["Org Dillard Department Stores"]);
        // Whitespace outside ASCII between the words.
        let t = "Acme\u{a0}Widget Corp <AWC>";
        assert_eq!(orgs(t, vec![]), ["Org Acme\u{a0}Widget Corp"]);
        // A longer name the recognizer read stays as it is.
        let t = "the First Bank of Boston Corp <FBB>";
        let ms = vec![m(EntityKind::Org, "First Bank of Boston", t)];
        assert_eq!(orgs(t, ms), ["Org First Bank of Boston Corp"]);
        let t = "a unit of Lehman Brothers Holdings Inc <SHE>";
        let ms = vec![m(EntityKind::Org, "unit of Lehman Brothers", t)];
        assert_eq!(orgs(t, ms.clone()), ["Org unit of Lehman Brothers"]);
        // Across the end: a bracket inside the recognizer's span (Reuters "<Sedio N.V.> of").
        let t = "shares to <Sedio N.V.> of Lugano";
        let ms = vec![m(EntityKind::Org, "Sedio N.V.> of Lugano", t)];
        assert_eq!(orgs(t, ms), ["Org Sedio N.V.> of Lugano"]);
    }

    #[test]
    fn the_recognizer_s_spans_over_marks_give_way() {
        // Spans with the brackets, a second symbol, and a name with its symbol as one MISC.
        let t = "Borg-Warner Corp's <BOR> unit and Visual Graphics Corp <VGCA> <VGCB> said.";
        let ms = vec![
            m(EntityKind::Org, "Borg-Warner Corp", t),
            m(EntityKind::Org, "<BOR>", t),
            m(EntityKind::Org, "Visual Graphics Corp", t),
            m(EntityKind::Org, "VGCA", t),
            m(EntityKind::Org, "<VGCB>", t),
        ];
        assert_eq!(
            orgs(t, ms),
            ["Org Borg-Warner Corp", "Org Visual Graphics Corp"]
        );
        let t = "sold its stake to National Computer Systems Inc <NLCS> on Monday";
        let ms = vec![m(
            EntityKind::Misc,
            "National Computer Systems Inc <NLCS>",
            t,
        )];
        assert_eq!(orgs(t, ms), ["Org National Computer Systems Inc"]);
        let t = "It bought <Acklands Ltd> and <General Computer Corp>.";
        let ms = vec![m(EntityKind::Org, "<Acklands Ltd", t)];
        assert_eq!(
            orgs(t, ms),
            ["Org Acklands Ltd", "Org General Computer Corp"]
        );
        // A company name in capitals with a legal form, whatever the recognizer saw first.
        let t = "CITIZENS FINANCIAL CORP <CTZN> 4TH QTR NET";
        let ms = vec![
            m(EntityKind::Org, "CITIZENS", t),
            m(EntityKind::Org, "<CTZN>", t),
        ];
        assert_eq!(orgs(t, ms), ["Org CITIZENS FINANCIAL CORP"]);
        // No name runs over a page.
        let t = format!("{} Corp <XX> said", "A".repeat(5000));
        assert_eq!(orgs(&t, vec![]), Vec::<String>::new());
    }

    #[test]
    fn other_angle_brackets_name_nothing() {
        for t in [
            "if x <y> then",
            "a <b>bold</b> word",
            "price < 5 and > 3",
            "<A> alone",
            "see <http://example.com/x>",
            "ünïcode Ärger <ÄBC> x",
        ] {
            assert_eq!(orgs(t, vec![]), Vec::<String>::new(), "{t}");
        }
    }

    /// Generated texts of the pieces this file looks at (brackets, capitals, connectors,
    /// possessives, line breaks, whitespace and letters outside ASCII), with mentions over
    /// random words: no panic, and every mention's text is the text at its offsets.
    #[test]
    fn generated_texts_keep_mentions_consistent() {
        let pieces = [
            "<",
            ">",
            "<AB>",
            "<X.L>",
            "Acme",
            "CORP",
            "Inc",
            " ",
            "  ",
            "\n",
            "\n    ",
            "and",
            "of",
            "The",
            "A",
            "'s",
            "’s",
            ",",
            "É",
            "Ärger",
            "\u{a0}",
            "\u{3000}",
            "日本",
            "CORRECTED-",
            "(",
            "\"",
            "Yesterday",
            "And",
            ".",
        ];
        let mut next = super::super::tests::xorshift(0x2545_f491_4f6c_dd1du64);
        let mut rewritten = 0;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..next(30) {
                text.push_str(pieces[next(pieces.len())]);
                if next(3) == 0 {
                    text.push(' ');
                }
            }
            let chars: Vec<char> = text.chars().collect();
            let mut mentions = Vec::new();
            let mut at = 0;
            while at < chars.len() && next(4) != 0 {
                let start = at + next(4);
                let end = (start + 1 + next(6)).min(chars.len());
                if start >= end {
                    break;
                }
                mentions.push(Mention {
                    kind: EntityKind::Org,
                    start,
                    end,
                    text: chars[start..end].iter().collect(),
                });
                at = end;
            }
            let before = mentions.clone();
            names_before_tickers(&text, &mut mentions);
            rewritten += usize::from(mentions != before);
            for w in mentions.windows(2) {
                assert!(w[0].start <= w[1].start, "{text:?}");
            }
            for m in &mentions {
                let got: String = chars[m.start..m.end].iter().collect();
                assert_eq!(got, m.text, "{text:?}");
            }
        }
        // The texts reach the rewriting, not only the early returns.
        assert!(rewritten > 300, "{rewritten}");
    }
}
