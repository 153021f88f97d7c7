//! Acronyms linked across the articles of one file: "EC" alone becomes the European Community
//! when the file's other articles spell the acronym out so.
//!
//! Within one article an acronym joins the name it abbreviates (`entities::org_variants`),
//! but a wire story often writes only "EC" or "SEC", and then the acronym stood apart: in
//! Reuters-21578, 152 articles listed "EC" and 230 "European Community", so a facet counted
//! one body twice and `--org "European Community"` missed the stories that say "EC". The
//! file's articles that write both are the evidence, used as `link::link_surnames` uses full
//! names: a one-word acronym takes the long name that most of them give it, and keeps the
//! acronym as an alias, which the index stores as a key too (`--org EC` still finds it).

use rustc_hash::FxHashMap as HashMap;

use crate::article::{Article, EntityKind};
use crate::extract::entities::{is_acronym, is_legal_form};
use crate::extract::gazetteer::fold::exact_key;

/// Articles (at least) that must join the acronym to one long name, twice as many as join it
/// to any others together, before the file's other uses of the acronym follow them. An
/// explicit spelling-out in three stories of one file is strong evidence; "EPA" spelled as the
/// Economic Planning Agency twice and the Environmental Protection Agency once decides nothing.
const MIN_ARTICLES: usize = 3;

/// Gives each organization entity of `articles` (the articles of one file, enriched) whose
/// name is an acronym that the file links to one long name (see [`MIN_ARTICLES`]) that long
/// name, with the acronym as an alias, merges it into the article's entity of that name if
/// there is one, and rebuilds the article's organization list. An acronym followed by a stock
/// symbol or a legal form ("ICO <ICO>", "EMS Corp") keeps its name. Metadata entities follow too:
/// the acronym stays a key, so nothing that found the article before stops finding it.
/// Order-independent: the counts are over all of `articles`.
pub fn link_acronyms(articles: &mut [Article]) {
    // Acronym key → (long-name key → (articles, display name)).
    let mut spelled: HashMap<String, HashMap<String, (usize, String)>> = HashMap::default();
    for a in articles.iter() {
        let mut counted: Vec<(String, String)> = Vec::new();
        for e in a.entities.iter().filter(|e| e.kind == EntityKind::Org) {
            for short in e.aliases.iter().filter(|s| is_acronym(s, &e.name)) {
                let pair = (exact_key(short), exact_key(&e.name));
                if counted.contains(&pair) {
                    continue;
                }
                let slot = spelled
                    .entry(pair.0.clone())
                    .or_default()
                    .entry(pair.1.clone())
                    .or_insert((0, e.name.clone()));
                slot.0 += 1;
                counted.push(pair);
            }
        }
    }
    let linked: HashMap<String, String> = spelled
        .into_iter()
        .filter_map(|(short, longs)| {
            let total: usize = longs.values().map(|(n, _)| n).sum();
            let (n, name) = longs
                .into_values()
                .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)))?;
            (n >= MIN_ARTICLES && n >= 2 * (total - n)).then_some((short, name))
        })
        .collect();
    if linked.is_empty() {
        return;
    }
    for a in articles.iter_mut() {
        let mut changed = false;
        let text = std::cell::OnceCell::new();
        for i in 0..a.entities.len() {
            let e = &a.entities[i];
            // One word of at most 6 letters and their periods ("U.N."), before the key is made:
            // this looks at every organization of every article.
            if e.kind != EntityKind::Org || e.name.len() > 12 || e.name.contains(' ') {
                continue;
            }
            let Some(long) = linked.get(&exact_key(&e.name)) else {
                continue;
            };
            // "ICO <ICO>", "EMS Corp": an acronym with its own stock symbol or legal form is a
            // company's name (ICO Inc of Fort Worth, a Calgary courier), whatever the file's
            // other ICO or EMS is.
            let mut bytes_at = super::CharToByte::new(text.get_or_init(|| a.text()));
            if e.mentions
                .iter()
                .any(|&(_, end)| a_firm_follows(&mut bytes_at, end))
            {
                continue;
            }
            let e = &mut a.entities[i];
            let short = std::mem::replace(&mut e.name, long.clone());
            if !e.aliases.contains(&short) {
                e.aliases.push(short);
            }
            changed = true;
        }
        if changed {
            super::link::merge_same_names(a);
        }
    }
}

/// Whether a stock symbol in angle brackets or a legal form ("Corp", "Inc.") follows character
/// offset `end` of the text, after spaces at most.
fn a_firm_follows(bytes_at: &mut super::CharToByte<'_>, end: usize) -> bool {
    let at = bytes_at.byte(end);
    let rest = bytes_at.text[at..].trim_start_matches(' ');
    let word = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or("");
    rest.starts_with('<') || (!word.is_empty() && is_legal_form(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{Entity, Origin};

    fn org(name: &str, aliases: &[&str], at: usize) -> Entity {
        Entity {
            kind: EntityKind::Org,
            name: name.into(),
            mentions: vec![(at, at + name.len())],
            origin: Origin::Text,
            country: None,
            geonames_id: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn article(entities: Vec<Entity>) -> Article {
        let mut a = Article {
            entities,
            ..Article::default()
        };
        crate::extract::link::merge_same_names(&mut a);
        a
    }

    /// `n` articles that spell `short` out as `long`.
    fn spelling(n: usize, short: &str, long: &str) -> Vec<Article> {
        (0..n)
            .map(|_| article(vec![org(long, &[short], 0)]))
            .collect()
    }

    #[test]
    fn an_acronym_alone_takes_the_long_name_the_file_gives_it() {
        let mut file = spelling(MIN_ARTICLES, "EC", "European Community");
        file.push(article(vec![org("EC", &[], 0), org("Eurofer", &[], 10)]));
        // "EC" left apart beside the long name (it fitted a second name there too).
        file.push(article(vec![
            org("European Community", &[], 0),
            org("EC", &[], 30),
        ]));
        link_acronyms(&mut file);
        let n = MIN_ARTICLES;
        assert_eq!(file[n].organizations, ["European Community", "Eurofer"]);
        assert_eq!(file[n].entities[0].aliases, ["EC"]);
        assert_eq!(file[n + 1].organizations, ["European Community"]);
        assert_eq!(file[n + 1].entities[0].mentions, [(0, 18), (30, 32)]);
        assert_eq!(file[n + 1].entities[0].aliases, ["EC"]);
    }

    #[test]
    fn an_acronym_with_its_own_stock_symbol_stays_a_company() {
        let mut file = spelling(MIN_ARTICLES, "ICO", "International Coffee Organization");
        let mut listed = article(vec![org("ICO", &[], 0)]);
        listed.title = "ICO <ICO> TO BE DELISTED".into();
        let mut quota = article(vec![org("ICO", &[], 0)]);
        quota.title = "ICO QUOTA TALKS <KCC>".into();
        let mut firm = article(vec![org("ICO", &[], 4)]);
        firm.title = "THE ICO CORP. RESULTS".into();
        file.extend([listed, quota, firm]);
        link_acronyms(&mut file);
        assert_eq!(file[MIN_ARTICLES].organizations, ["ICO"]);
        // Only a symbol right after the acronym counts.
        assert_eq!(
            file[MIN_ARTICLES + 1].organizations,
            ["International Coffee Organization"]
        );
        // So does a legal form.
        assert_eq!(file[MIN_ARTICLES + 2].organizations, ["ICO"]);
    }

    #[test]
    fn no_link_on_thin_or_split_evidence() {
        // Two spellings are not enough.
        let mut file = spelling(MIN_ARTICLES - 1, "FTC", "Federal Trade Commission");
        // One name must have twice the articles of the others together.
        file.extend(spelling(MIN_ARTICLES, "EPA", "Economic Planning Agency"));
        file.extend(spelling(2, "EPA", "Environmental Protection Agency"));
        file.push(article(vec![org("FTC", &[], 0), org("EPA", &[], 5)]));
        // An alias that is no acronym of its name ("Fed") links nothing.
        file.extend(spelling(MIN_ARTICLES, "Fed", "Federal Reserve"));
        file.push(article(vec![org("Fed", &[], 0)]));
        let n = file.len();
        link_acronyms(&mut file);
        assert_eq!(file[n - MIN_ARTICLES - 2].organizations, ["FTC", "EPA"]);
        assert_eq!(file[n - 1].organizations, ["Fed"]);
    }
}
