//! Merging cleaned candidates (text mentions and metadata values) into de-duplicated entities:
//! short person mentions resolve to a full name in the same article, candidates with the same
//! kind and merge key become one entity, and the origin records whether text, metadata or both
//! named it.
//!
//! Short-mention rule: a person name whose words are a leading or trailing run of a longer
//! person name in the same article ("Picard", "Jean-Luc", "von der Leyen", metadata "okafor")
//! joins that name. If several longer names qualify ("Lind" with both "Tobias Lind" and "Maja
//! Lind"), a text mention joins the nearest full name mentioned before it (else the first one
//! after it) and a metadata value stays on its own.

// FxHash: the keys are short names of one article, hashed once or twice per candidate.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::hash_map::Entry;

use super::person;
use super::{Entity, Origin};
use crate::article::EntityKind;
use crate::extract::gazetteer::fold::exact_key;

/// One cleaned mention or metadata value, before merging.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Person, place or org.
    pub kind: EntityKind,
    /// Cleaned (and for places, canonical) name.
    pub name: String,
    /// Merge key (same key + kind → same entity).
    pub key: String,
    /// Character span for text mentions; `None` for metadata.
    pub span: Option<(usize, usize)>,
    /// Country of a gazetteer place.
    pub country: Option<String>,
    /// GeoNames id of a gazetteer place.
    pub geonames_id: Option<u32>,
    /// Preference for this candidate's `name` as the entity's display name (higher wins).
    pub score: u8,
}

/// Cuts the ordinary words glued to a person's name where the article also names the person
/// without them: "Taylor Swift Perform" (from "Why Can't Taylor Swift Perform Her Own Songs?")
/// beside "Taylor Swift", "Donald Trump Is No" beside "Donald Trump", "Again Roddick" (a
/// sentence-opening adverb) beside "Andy Roddick". Without the cut, the glued form joins the
/// others as their longest name and becomes the display name of every mention. A tail is cut
/// back to a name of two words or more (not ending in an initial) that another candidate
/// has; a head is cut where the rest is another candidate's name of two words or more, or
/// the surname of another full name: "Rand Paul" beside "Paul" alone stays whole, since
/// first names that are ordinary words (Rand, Drew, Rush) are many. Cut words must be
/// ordinary words ([`person::is_ordinary_word`]), so "Kim Jong Un" beside a truncated "Kim
/// Jong" stays whole. Spans shrink with the names.
pub fn cut_glued_words(cands: &mut [Cand]) {
    let people = || cands.iter().filter(|c| c.kind == EntityKind::Person);
    if people().nth(1).is_none() || !people().any(|c| c.name.contains(' ')) {
        return;
    }
    // Whole keys, and the last words of keys of several words with the keys they end: what
    // a head cut may leave (a name's own last word is no evidence for cutting it).
    let mut names: HashSet<String> = HashSet::default();
    let mut surnames: HashMap<String, Vec<String>> = HashMap::default();
    // An organization's name is no person's to cut back to ("Crazy Eddie Record" beside the
    // retailer Crazy Eddie).
    let orgs: HashSet<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Org)
        .map(|c| c.key.clone())
        .collect();
    for c in people() {
        if let Some((_, last)) = c.key.rsplit_once(' ') {
            let keys = surnames.entry(last.to_string()).or_default();
            if !keys.contains(&c.key) {
                keys.push(c.key.clone());
            }
        }
        names.insert(c.key.clone());
    }
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        let words: Vec<&str> = c.name.split_whitespace().collect();
        // The span arithmetic below needs the name to be the text's words as written.
        let verbatim = c.span.is_none_or(|(s, e)| e - s == c.name.chars().count());
        if words.len() < 2 || !verbatim {
            continue;
        }
        let (mut lo, mut hi) = (0, words.len());
        // Longest kept run first: the fewest words are cut.
        if let Some(n) = (2..words.len()).rev().find(|&n| {
            let kept = exact_key(&words[..n].join(" "));
            !is_initial(words[n - 1])
                && names.contains(&kept)
                && !orgs.contains(&kept)
                && words[n..].iter().all(|w| person::is_ordinary_word(w))
        }) {
            hi = n;
        } else if let Some(n) = (1..words.len())
            .take_while(|&n| person::is_ordinary_word(words[n - 1]))
            .find(|&n| {
                let rest = exact_key(&words[n..].join(" "));
                let other_surname = || {
                    surnames
                        .get(&rest)
                        .is_some_and(|keys| keys.iter().any(|k| *k != c.key))
                };
                if n + 1 == words.len() {
                    other_surname()
                } else {
                    names.contains(&rest)
                }
            })
        {
            lo = n;
        }
        if (lo, hi) == (0, words.len()) {
            continue;
        }
        let kept = words[lo..hi].join(" ");
        let chars = |ws: &[&str]| ws.iter().map(|w| w.chars().count() + 1).sum::<usize>();
        if let Some((start, end)) = c.span {
            c.span = Some((start + chars(&words[..lo]), end - chars(&words[hi..])));
        }
        c.key = exact_key(&kept);
        c.name = kept;
    }
}

/// Whether `word` is an initial, one letter with or without its period ("E.", "J"): a name
/// cut after one has lost its surname, and team sheets write first names so.
fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

/// Rewrites the key and name of short person candidates to the full name they abbreviate.
pub fn resolve_people(cands: &mut [Cand]) {
    // Distinct person keys in first-seen order with their first name, the best display name
    // and where their text mentions start: borrowed from `cands` until the rewrite at the end.
    let mut firsts: Vec<(&str, &str)> = Vec::new();
    let mut best_name: HashMap<&str, (u8, &str)> = HashMap::default();
    let mut starts: HashMap<&str, Vec<usize>> = HashMap::default();
    for c in cands.iter().filter(|c| c.kind == EntityKind::Person) {
        match best_name.entry(&c.key) {
            Entry::Vacant(v) => {
                firsts.push((&c.key, &c.name));
                v.insert((c.score, &c.name));
            }
            Entry::Occupied(mut o) => {
                if c.score > o.get().0 {
                    o.insert((c.score, &c.name));
                }
            }
        }
        if let Some((s, _)) = c.span {
            starts.entry(&c.key).or_default().push(s);
        }
    }
    if firsts.len() < 2 {
        return;
    }
    // The words of each key's first name, folded only now that two names may match.
    let keys: Vec<(&str, Vec<String>)> = firsts
        .into_iter()
        .map(|(key, name)| (key, person::tokens(name)))
        .collect();
    // Longest names first so that every host already knows its own root; of names as long,
    // those opening with an initial last ("R O'Gara" after "Ronan O'Gara", whatever the
    // article's order).
    let opens_with_initial = |t: &[String]| t.len() > 1 && is_initial(&t[0]);
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(keys[i].1.len()),
            opens_with_initial(&keys[i].1),
        )
    });
    // Each name's proper leading and trailing runs of words, and those ending before a
    // particle (the short forms it has, see `person::is_short_form`) → the names that have them, in `keys` order: a name finds its
    // hosts by one lookup, so an article with thousands of names costs linear time.
    let mut hosts: HashMap<&[String], Vec<usize>> = HashMap::default();
    for (j, (_, t2)) in keys.iter().enumerate() {
        let before_particle = person::before_particle(t2);
        for n in 1..t2.len() {
            let mut runs = vec![&t2[..n], &t2[t2.len() - n..]];
            if n < before_particle.len() {
                runs.push(&before_particle[before_particle.len() - n..]);
            }
            for run in runs {
                let v = hosts.entry(run).or_default();
                if v.last() != Some(&j) {
                    v.push(j);
                }
            }
        }
    }
    // Each name of two words or more with its first name cut to the initial, as team
    // sheets write it ("B O'Driscoll" for Brian O'Driscoll) → the names that have it.
    let mut initialed: HashMap<Vec<String>, Vec<usize>> = HashMap::default();
    for (j, (_, t2)) in keys.iter().enumerate() {
        if let [first, rest @ ..] = &t2[..] {
            if !rest.is_empty() && !is_initial(first) {
                let mut form = vec![first.chars().take(1).collect::<String>()];
                form.extend(rest.iter().cloned());
                initialed.entry(form).or_default().push(j);
            }
        }
    }
    let initial_form = |toks: &[String]| -> Option<Vec<String>> {
        opens_with_initial(toks).then(|| {
            let mut form = vec![toks[0].trim_end_matches('.').to_string()];
            form.extend(toks[1..].iter().cloned());
            form
        })
    };
    let mut roots: HashMap<&str, Vec<&str>> = HashMap::default();
    for &i in &order {
        let (key, toks) = &keys[i];
        let mut found: Vec<&str> = Vec::new();
        let by_initial = initial_form(toks).and_then(|f| initialed.get(&f));
        for &j in hosts
            .get(toks.as_slice())
            .into_iter()
            .chain(by_initial)
            .flatten()
        {
            for r in roots.get(keys[j].0).into_iter().flatten() {
                if !found.contains(r) {
                    found.push(r);
                }
            }
        }
        if found.is_empty() {
            found.push(key);
        }
        roots.insert(key, found);
    }
    // (root key, its best name) per candidate that joins another name.
    let chosen: Vec<Option<(String, Option<String>)>> = cands
        .iter()
        .map(|c| {
            if c.kind != EntityKind::Person {
                return None;
            }
            let rs = roots.get(c.key.as_str())?;
            let root = match (rs.as_slice(), c.span) {
                ([only], _) => *only,
                (_, None) => return None,
                (many, Some((at, _))) => nearest(many, at, &starts)?,
            };
            (root != c.key).then(|| {
                let name = best_name.get(root).map(|(_, n)| n.to_string());
                (root.to_string(), name)
            })
        })
        .collect();
    for (c, choice) in cands.iter_mut().zip(chosen) {
        if let Some((root, name)) = choice {
            if let Some(n) = name {
                c.name = n;
            }
            c.key = root;
        }
    }
}

/// The root whose mentions come nearest before `at`, else the first after it.
fn nearest<'a>(
    roots: &[&'a str],
    at: usize,
    starts: &HashMap<&str, Vec<usize>>,
) -> Option<&'a str> {
    let pos = |r: &str| starts.get(r).map(Vec::as_slice).unwrap_or(&[]).to_vec();
    let before = roots
        .iter()
        .filter_map(|r| {
            pos(r)
                .into_iter()
                .filter(|&s| s < at)
                .max()
                .map(|s| (s, *r))
        })
        .max();
    let after = || {
        roots
            .iter()
            .filter_map(|r| {
                pos(r)
                    .into_iter()
                    .filter(|&s| s >= at)
                    .min()
                    .map(|s| (s, *r))
            })
            .min()
    };
    before.or_else(after).map(|(_, r)| r)
}

/// Groups candidates by (kind, key) into entities. Entities named in the text come first, in
/// order of their first mention; metadata-only entities follow in metadata order.
pub fn assemble(cands: Vec<Cand>) -> Vec<Entity> {
    // Sized for the worst case (every candidate its own entity): no growing on the way.
    let mut index: HashMap<(EntityKind, String), usize> =
        HashMap::with_capacity_and_hasher(cands.len(), Default::default());
    let mut out: Vec<(Entity, u8)> = Vec::with_capacity(cands.len());
    for c in cands {
        let origin = if c.span.is_some() {
            Origin::Text
        } else {
            Origin::Metadata
        };
        // The candidate's key and name move into the index and the entity: no copies.
        let (slot, new) = match index.entry((c.kind, c.key)) {
            Entry::Occupied(o) => (*o.get(), false),
            Entry::Vacant(v) => {
                out.push((
                    Entity {
                        kind: c.kind,
                        name: String::new(),
                        mentions: Vec::new(),
                        origin,
                        country: None,
                        geonames_id: None,
                        aliases: Vec::new(),
                    },
                    c.score,
                ));
                (*v.insert(out.len() - 1), true)
            }
        };
        let (e, score) = &mut out[slot];
        if new || c.score > *score {
            let shown = std::mem::replace(&mut e.name, c.name);
            *score = c.score;
            // An organization's other forms (`org_variants`) stay as aliases. Most repeats
            // are the same string and cost nothing here.
            if !new && c.kind == EntityKind::Org && shown != e.name {
                e.aliases.push(shown);
            }
        } else if c.kind == EntityKind::Org && c.name != e.name && !e.aliases.contains(&c.name) {
            e.aliases.push(c.name);
        }
        if e.origin != origin {
            e.origin = Origin::Both;
        }
        if let Some(span) = c.span {
            e.mentions.push(span);
        }
        e.country = e.country.take().or(c.country);
        e.geonames_id = e.geonames_id.or(c.geonames_id);
    }
    let mut ents: Vec<Entity> = out.into_iter().map(|(e, _)| e).collect();
    for e in &mut ents {
        e.mentions.sort_unstable();
        e.mentions.dedup();
        if !e.aliases.is_empty() {
            // Case and legal-form variants share the name's key: no alias.
            let mut keys = vec![exact_key(&e.name)];
            e.aliases.retain(|a| {
                let k = exact_key(a);
                let fresh = !keys.contains(&k);
                keys.push(k);
                fresh
            });
        }
    }
    // Stable: metadata-only entities (no mentions) keep their relative order at the end.
    ents.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.0));
    ents
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::fold::exact_key;

    fn person(name: &str, span: Option<(usize, usize)>) -> Cand {
        Cand {
            kind: EntityKind::Person,
            name: name.into(),
            key: exact_key(name),
            span,
            country: None,
            geonames_id: None,
            score: if span.is_some() { 12 } else { 2 },
        }
    }

    #[test]
    fn short_names_join_full_names() {
        let mut c = vec![
            person("Picard", Some((0, 6))),
            person("Jean-Luc Picard", Some((20, 35))),
            person("Jean-Luc", Some((50, 58))),
            person("okafor", None),
            person("Amara Okafor", Some((70, 82))),
        ];
        resolve_people(&mut c);
        let e = assemble(c);
        let names: Vec<_> = e
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len(), e.origin))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Jean-Luc Picard", 3, Origin::Text),
                ("Amara Okafor", 1, Origin::Both)
            ]
        );
    }

    #[test]
    fn glued_ordinary_words_are_cut_where_the_article_has_the_name() {
        let mut c = vec![
            person("Marta Quist", Some((0, 11))),
            person("Marta Quist Perform", Some((40, 59))),
            person("Ivo Brandt", Some((80, 90))),
            person("Again Brandt", Some((100, 112))),
            person("Stefan E.", Some((120, 129))),
            person("Stefan E. Sank", Some((140, 154))),
            person("Rand Ortega", Some((160, 171))),
            person("Ortega", Some((180, 186))),
        ];
        cut_glued_words(&mut c);
        let got: Vec<_> = c.iter().map(|c| (c.name.as_str(), c.span)).collect();
        assert_eq!(
            got,
            vec![
                ("Marta Quist", Some((0, 11))),
                ("Marta Quist", Some((40, 51))),
                ("Ivo Brandt", Some((80, 90))),
                ("Brandt", Some((106, 112))),
                ("Stefan E.", Some((120, 129))),
                // The kept run would end in an initial.
                ("Stefan E. Sank", Some((140, 154))),
                // "Ortega" alone is no evidence: Rand opens names.
                ("Rand Ortega", Some((160, 171))),
                ("Ortega", Some((180, 186))),
            ]
        );
        resolve_people(&mut c);
        let e = assemble(c);
        assert_eq!(e[0].name, "Marta Quist");
        assert_eq!(e[0].mentions, vec![(0, 11), (40, 51)]);
        assert_eq!(e[1].name, "Ivo Brandt");
        assert_eq!(e[1].mentions, vec![(80, 90), (106, 112)]);
    }

    #[test]
    fn an_initial_and_surname_join_the_full_name() {
        let mut c = vec![
            person("B O'Driscoll", Some((0, 12))),
            person("Brian O'Driscoll", Some((40, 56))),
            person("G. Murray", Some((60, 69))),
            person("Scott Murray", Some((80, 92))),
        ];
        resolve_people(&mut c);
        let e = assemble(c);
        let names: Vec<_> = e
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        // "G. Murray" is someone else.
        assert_eq!(
            names,
            vec![
                ("Brian O'Driscoll", 2),
                ("G. Murray", 1),
                ("Scott Murray", 1)
            ]
        );
    }

    #[test]
    fn ambiguous_surname_takes_nearest_preceding() {
        let mut c = vec![
            person("Tobias Lind", Some((0, 11))),
            person("Maja Lind", Some((40, 49))),
            person("Lind", Some((60, 64))),
            person("lind", None),
        ];
        resolve_people(&mut c);
        let e = assemble(c);
        assert_eq!(e[1].name, "Maja Lind");
        assert_eq!(e[1].mentions, vec![(40, 49), (60, 64)]);
        assert_eq!(
            e.last().map(|e| (e.name.as_str(), e.origin)),
            Some(("lind", Origin::Metadata))
        );
    }
}
