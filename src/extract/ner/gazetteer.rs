//! Gazetteers: lists of known multi-word names matched against sentences as features.
//!
//! Sources (all under the shared corpora root): GeoNames `countryInfo.txt` (country names and
//! capitals), `admin1CodesASCII.txt` (first-level regions) and `cities15000.txt` (cities over
//! 15,000 people), GeoNames, CC BY 4.0; Reuters-21578 category lists `all-places-strings.lc.txt`,
//! `all-people-strings.lc.txt` (surnames = last hyphen part), `all-orgs-strings.lc.txt`,
//! `all-exchanges-strings.lc.txt`; and from the GMB-derived `ner_dataset.csv` (Groningen Meaning
//! Bank, VOA newswire; Windows-1252) the first and last tokens of person spans and whole org,
//! geo and gpe spans seen at least twice. Names are deliberately NOT taken from CoNLL `eng.train`:
//! a list built from the training labels fires on every training name and the perceptron learns
//! to trust it blindly (measured: PER dev F1 0.90 -> 0.85). Only 32-bit hashes of tokenized,
//! lowercased phrases are stored.

use std::path::Path;

use super::conll::Document;
use super::features::{TokenInfo, F_INIT_CAP};
use super::hash::{combine, hash_lower};
use super::table::KeyTable;
use super::tokenize::tokenize;
use super::NerError;

/// Number of gazetteer categories.
pub(crate) const GAZ_CATS: usize = 12;
/// Category: country names.
pub(crate) const CAT_COUNTRY: usize = 0;
/// Category: first-level administrative regions.
pub(crate) const CAT_ADMIN1: usize = 1;
/// Category: cities and capitals.
pub(crate) const CAT_CITY: usize = 2;
/// Category: person first names.
pub(crate) const CAT_FIRST: usize = 3;
/// Category: person surnames.
pub(crate) const CAT_SURNAME: usize = 4;
/// Category: organizations and exchanges (acronyms mostly).
pub(crate) const CAT_ORG: usize = 5;
/// Category: GMB geographical names.
pub(crate) const CAT_GEO: usize = 6;
/// Category: GMB geo-political names (countries, nationalities).
pub(crate) const CAT_GPE: usize = 7;
/// Categories 8..12: whole entity spans of CoNLL `eng.train` (PER also adds its last token),
/// one per type. Built per fold during training so a document never sees its own names.
pub(crate) const CAT_TRAIN: usize = 8;
/// Longest phrase matched, in tokens.
pub(crate) const MAX_PHRASE: usize = 4;
/// Mask bit of an entry that is a proper prefix of a longer phrase ("New" of "New York"): a
/// match is extended only past such entries, so most capitalized words cost one lookup.
const PREFIX: u16 = 1 << 15;
/// Mask bits of the categories.
const CATEGORIES: u16 = (1 << GAZ_CATS) - 1;

/// Titles and roles that GMB includes in person spans; skipped when taking first names.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "general",
    "secretary",
    "senator",
    "king",
    "queen",
    "prince",
    "princess",
    "vice",
    "foreign",
    "defense",
    "defence",
    "chancellor",
    "pope",
    "former",
    "lieutenant",
    "colonel",
    "captain",
    "chairman",
    "governor",
    "ambassador",
    "envoy",
    "premier",
    "sheikh",
    "ayatollah",
    "cardinal",
    "archbishop",
    "bishop",
    "judge",
    "justice",
    "attorney",
    "speaker",
    "representative",
    "admiral",
    "commander",
    "chief",
    "leader",
    "sir",
    "lady",
    "lord",
    "senior",
    "deputy",
    "interior",
    "finance",
    "state",
    "u.s.",
    "opposition",
    "mayor",
    "emir",
    "sultan",
    "crown",
    "grand",
    "supreme",
    "ayatollah",
    "rebel",
    "militant",
    "pastor",
    "father",
];

/// Per-token gazetteer codes: for each category 0 = no match, else 1 + BILOU position.
pub(crate) type GazCodes = [u8; GAZ_CATS];

/// Phrase-hash → category bit mask.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub(crate) entries: Vec<(u32, u16)>,
    table: KeyTable,
}

const PHRASE_SEED: u64 = 0x6a7e_77ee_0000_0001;

/// Hash key of a phrase given its token lower hashes.
fn phrase_key(h: u64) -> u32 {
    let k = (h >> 32) as u32 ^ h as u32;
    k.max(1)
}

impl Gazetteer {
    /// Builds the lookup table from sorted `(phrase key, category mask)` entries.
    pub(crate) fn from_entries(mut entries: Vec<(u32, u16)>) -> Gazetteer {
        entries.sort_unstable();
        entries.dedup_by(|a, b| {
            if a.0 == b.0 {
                b.1 |= a.1;
                true
            } else {
                false
            }
        });
        let table = KeyTable::build(entries.iter().map(|&(k, m)| (k, u32::from(m))));
        Gazetteer { entries, table }
    }

    /// Builds the gazetteer from the lists under the shared corpora root (see the module doc).
    ///
    /// Errors: [`NerError::Io`] naming a missing or unreadable list.
    pub fn build(shared_root: &Path) -> Result<Gazetteer, NerError> {
        let mut b = Builder::default();
        let geo = shared_root.join("corpora/geonames");
        for line in read(&geo.join("countryInfo.txt"))?.lines() {
            if line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 5 {
                b.add(cols[4], CAT_COUNTRY);
                b.add(cols[5], CAT_CITY);
            }
        }
        for line in read(&geo.join("admin1CodesASCII.txt"))?.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 2 {
                b.add(cols[1], CAT_ADMIN1);
                b.add(cols[2], CAT_ADMIN1);
            }
        }
        for line in read(&geo.join("cities15000.txt"))?.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 2 {
                b.add(cols[1], CAT_CITY);
                b.add(cols[2], CAT_CITY);
            }
        }
        let reu = shared_root.join("corpora/reuters21578");
        for line in read(&reu.join("all-places-strings.lc.txt"))?.lines() {
            b.add(&line.trim().replace('-', " "), CAT_COUNTRY);
        }
        for line in read(&reu.join("all-people-strings.lc.txt"))?.lines() {
            if let Some(last) = line.trim().rsplit('-').next() {
                b.add(last, CAT_SURNAME);
            }
        }
        for f in ["all-orgs-strings.lc.txt", "all-exchanges-strings.lc.txt"] {
            for line in read(&reu.join(f))?.lines() {
                b.add(line.trim(), CAT_ORG);
            }
        }
        let gmb = shared_root.join("corpora/gmb-ner-dataset/ner_dataset.csv");
        let mut counts: std::collections::HashMap<(String, usize), u32> = Default::default();
        for (words, ty) in gmb_spans(&read(&gmb)?) {
            let mut add = |w: &str, c: usize| *counts.entry((w.to_string(), c)).or_default() += 1;
            match ty {
                "per" => {
                    // GMB puts titles inside person spans ("President George Bush").
                    let name: Vec<&str> = words
                        .iter()
                        .copied()
                        .skip_while(|w| {
                            w.ends_with('.') || TITLES.contains(&w.to_lowercase().as_str())
                        })
                        .collect();
                    if name.len() >= 2 {
                        add(name[0], CAT_FIRST);
                        add(name[name.len() - 1], CAT_SURNAME);
                    }
                }
                "org" => add(&words.join(" "), CAT_ORG),
                "geo" => add(&words.join(" "), CAT_GEO),
                "gpe" => add(&words.join(" "), CAT_GPE),
                _ => {}
            }
        }
        let mut names: Vec<_> = counts.into_iter().filter(|e| e.1 >= 2).collect();
        names.sort();
        for ((w, c), _) in names {
            b.add(&w, c);
        }
        Ok(Gazetteer::from_entries(b.entries))
    }

    /// This gazetteer plus the entity names of the given training documents (categories
    /// `CAT_TRAIN + type`, and first tokens of multi-token PER spans as first names).
    pub(crate) fn with_train_names<'a>(
        &self,
        docs: impl Iterator<Item = &'a Document>,
    ) -> Gazetteer {
        let mut b = Builder {
            entries: self.entries.clone(),
            ..Builder::default()
        };
        for d in docs {
            for s in &d.sentences {
                for sp in &s.gold {
                    let toks = &s.tokens[sp.start..sp.end];
                    b.add(&toks.join(" "), CAT_TRAIN + sp.ty);
                    if sp.ty == 0 && toks.len() >= 2 {
                        b.add(&toks[0], CAT_FIRST);
                        b.add(&toks[toks.len() - 1], CAT_TRAIN);
                    }
                }
            }
        }
        Gazetteer::from_entries(b.entries)
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.1 & CATEGORIES != 0)
            .count()
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Marks, for each token, the longest match per category covering it (BILOU position).
    /// Matches start only at capitalized tokens, which keeps common words like "mobile" quiet.
    /// Whether the one-word phrase `word` (any case) is in category `cat`.
    pub(crate) fn has_word(&self, word: &str, cat: usize) -> bool {
        let key = phrase_key(combine(PHRASE_SEED, hash_lower(word)));
        self.table.get(key).is_some_and(|m| m & (1 << cat) != 0)
    }

    /// Whether the phrase of `words` (any case, at most [`MAX_PHRASE`]) is in category `cat`.
    pub(crate) fn has_phrase(&self, words: &[&str], cat: usize) -> bool {
        if words.is_empty() || words.len() > MAX_PHRASE {
            return false;
        }
        let h = words
            .iter()
            .fold(PHRASE_SEED, |h, w| combine(h, hash_lower(w)));
        self.table
            .get(phrase_key(h))
            .is_some_and(|m| m & (1 << cat) != 0)
    }

    pub(crate) fn mark(&self, infos: &[TokenInfo], out: &mut Vec<GazCodes>) {
        out.clear();
        out.resize(infos.len(), [0; GAZ_CATS]);
        if self.entries.is_empty() {
            return;
        }
        for i in 0..infos.len() {
            if infos[i].flags & F_INIT_CAP == 0 {
                continue;
            }
            let mut h = PHRASE_SEED;
            let mut best = [0usize; GAZ_CATS];
            for len in 1..=MAX_PHRASE.min(infos.len() - i) {
                h = combine(h, infos[i + len - 1].lower);
                // Every prefix of a phrase has an entry, so a missing one ends the search.
                let Some(m) = self.table.get(phrase_key(h)) else {
                    break;
                };
                for (c, b) in best.iter_mut().enumerate() {
                    if m & (1 << c) != 0 {
                        *b = len;
                    }
                }
                if m as u16 & PREFIX == 0 {
                    break;
                }
            }
            for (c, &len) in best.iter().enumerate() {
                for k in 0..len {
                    let code = if len == 1 {
                        4
                    } else if k == 0 {
                        1
                    } else if k + 1 == len {
                        3
                    } else {
                        2
                    };
                    if out[i + k][c] == 0 {
                        out[i + k][c] = code;
                    }
                }
            }
        }
    }
}

/// Entity spans `(words, gmb type)` of the GMB CSV (`Sentence #,Word,POS,Tag`, IOB2 tags).
/// Rows that do not parse are skipped: the file is only a source of names.
fn gmb_spans(text: &str) -> Vec<(Vec<&str>, &str)> {
    let mut out: Vec<(Vec<&str>, &str)> = Vec::new();
    let mut open = false;
    for line in text.lines().skip(1) {
        let line = line.trim_end_matches('\r');
        let Some((rest, tag)) = line.rsplit_once(',') else {
            continue;
        };
        // Word is the second field; a quoted word may itself contain commas.
        let Some((_, rest)) = rest.split_once(',') else {
            continue;
        };
        let Some((word, _pos)) = rest.rsplit_once(',') else {
            continue;
        };
        let word = word.trim_matches('"');
        if let Some(ty) = tag.strip_prefix("B-") {
            out.push((vec![word], ty));
            open = true;
        } else if tag.starts_with("I-") && open {
            if let Some(last) = out.last_mut() {
                last.0.push(word);
            }
        } else {
            open = false;
        }
    }
    out
}

fn read(path: &Path) -> Result<String, NerError> {
    let bytes = std::fs::read(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    // GMB is Windows-1252; the other lists are ASCII/UTF-8, which decode the same way.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => encoding_rs::WINDOWS_1252
            .decode(e.as_bytes())
            .0
            .into_owned(),
    })
}

#[derive(Default)]
struct Builder {
    entries: Vec<(u32, u16)>,
    toks: Vec<super::tokenize::Token>,
    sents: Vec<std::ops::Range<usize>>,
}

impl Builder {
    fn add(&mut self, name: &str, cat: usize) {
        tokenize(name, &mut self.toks, &mut self.sents);
        if self.toks.is_empty() || self.toks.len() > MAX_PHRASE {
            return;
        }
        let mut h = PHRASE_SEED;
        for (k, t) in self.toks.iter().enumerate() {
            h = combine(h, hash_lower(&name[t.byte_start..t.byte_end]));
            let mask = if k + 1 == self.toks.len() {
                1 << cat
            } else {
                PREFIX
            };
            self.entries.push((phrase_key(h), mask));
        }
    }
}

/// Builds a gazetteer from `(name, category)` pairs (tests).
#[cfg(test)]
pub(crate) fn from_names(names: &[(&str, usize)]) -> Gazetteer {
    let mut b = Builder::default();
    for &(n, c) in names {
        b.add(n, c);
    }
    Gazetteer::from_entries(b.entries)
}

#[cfg(test)]
mod tests {
    use super::super::features::token_info;
    use super::*;

    #[test]
    fn marks_longest_match_with_positions() {
        let g = from_names(&[
            ("New York", CAT_CITY),
            ("York", CAT_CITY),
            ("Korea", CAT_COUNTRY),
        ]);
        let infos: Vec<_> = ["in", "New", "York", "and", "KOREA", "york"]
            .iter()
            .map(|w| token_info(w))
            .collect();
        let mut out = Vec::new();
        g.mark(&infos, &mut out);
        assert_eq!(out[1][CAT_CITY], 1);
        assert_eq!(out[2][CAT_CITY], 3);
        assert_eq!(out[4][CAT_COUNTRY], 4);
        assert_eq!(out[5][CAT_CITY], 0, "lowercase start does not match");
        assert_eq!(out[0], [0; GAZ_CATS]);
        assert_eq!(g.len(), 3, "prefix entries are not phrases");
    }

    #[test]
    fn longer_phrases_through_prefixes_only() {
        let g = from_names(&[
            ("Bank of New Zealand", CAT_ORG),
            ("New Zealand", CAT_COUNTRY),
            ("Zealand", CAT_ADMIN1),
        ]);
        let infos: Vec<_> = ["Bank", "of", "New", "Zealand", "Bank", "of", "Japan"]
            .iter()
            .map(|w| token_info(w))
            .collect();
        let mut out = Vec::new();
        g.mark(&infos, &mut out);
        let org: Vec<u8> = out.iter().map(|c| c[CAT_ORG]).collect();
        assert_eq!(org, [1, 2, 2, 3, 0, 0, 0]);
        assert_eq!(out[2][CAT_COUNTRY], 1);
        assert_eq!(out[3][CAT_COUNTRY], 3);
        assert_eq!(out[3][CAT_ADMIN1], 4);
        // "Bank" and "Bank of" are prefixes, not names.
        assert!(out[4].iter().all(|&c| c == 0));
    }
}
