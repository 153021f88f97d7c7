//! One name for organizations that news writes several ways, none of them a form of another
//! that `org_variants` could join by its letters: "Fed" and "Federal Reserve Board" for the
//! Federal Reserve, "USDA" and "U.S. Agriculture Department", "Moody's" and "Moody's Investors
//! Service".
//!
//! Without it, Reuters-21578's organization facet counted one body two or three times: Fed
//! 334, Federal Reserve 218 and Federal Reserve Board 128 articles; USDA 350 and U.S.
//! Agriculture Department 230; Moody's 178 and Moody's Investors Service 152; CCC 78 and
//! Commodity Credit 74; Ford 86 and Ford Motor 92; OPEC 120 and its name spelled out 11.
//! The list holds only such names, each form unambiguous in news: "Treasury" and
//! "Agriculture Department" alone are left out, as other countries have them too. The forms
//! written stay the entity's aliases, so `--org Fed` still finds the article.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::merge::Cand;
use crate::article::EntityKind;
use crate::extract::gazetteer::fold::exact_key;

/// Each organization's name as shown, and the other forms it is written in.
const NAMES: &[(&str, &[&str])] = &[
    (
        "Federal Reserve",
        &[
            "Fed",
            "Federal Reserve Board",
            "Federal Reserve System",
            "U.S. Federal Reserve",
            "U.S. Federal Reserve Board",
            "US Federal Reserve",
        ],
    ),
    (
        "U.S. Department of Agriculture",
        &[
            "USDA",
            "U.S. Agriculture Department",
            "US Agriculture Department",
            "US Department of Agriculture",
            "United States Department of Agriculture",
        ],
    ),
    (
        "U.S. Treasury",
        &[
            "US Treasury",
            "U.S. Treasury Department",
            "US Treasury Department",
            "United States Treasury",
        ],
    ),
    (
        "OPEC",
        &[
            "Organization of Petroleum Exporting Countries",
            "Organisation of Petroleum Exporting Countries",
            "Organization of the Petroleum Exporting Countries",
            "Organisation of the Petroleum Exporting Countries",
        ],
    ),
    // "Moody" is the recognizer's organization from "Moody's rated", a possessive dropped.
    ("Moody's Investors Service", &["Moody's", "Moody"]),
    (
        "Commodity Credit Corporation",
        &["CCC", "Commodity Credit", "Commodity Credit Corp"],
    ),
    ("Ford Motor", &["Ford"]),
];

/// Key of every form (names shown included) → the name shown and its key.
fn forms() -> &'static HashMap<String, (&'static str, String)> {
    static FORMS: OnceLock<HashMap<String, (&'static str, String)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut map = HashMap::default();
        for &(name, others) in NAMES {
            let key = exact_key(name);
            for form in others.iter().chain([&name]) {
                map.insert(exact_key(form), (name, key.clone()));
            }
        }
        map
    })
}

/// The name shown for `value` when it is one of a listed organization's forms ([`NAMES`]):
/// "Organization of Petroleum Exporting Countries" → "OPEC". A filter on a form finds every
/// article of the organization, not only those that wrote that form.
pub fn well_known_name(value: &str) -> Option<&'static str> {
    forms().get(&exact_key(value)).map(|(name, _)| *name)
}

/// Gives the organization candidates written in one of a listed organization's forms
/// ([`NAMES`]) that organization's key, and each one written otherwise than its name a twin
/// with the name and the highest display score, on the same span: the entity shows the
/// name, and the form written becomes an alias (`merge::assemble`).
pub(super) fn well_known_names(cands: &mut Vec<Cand>) {
    let forms = forms();
    let mut twins = Vec::new();
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Org) {
        let Some((name, key)) = forms.get(&c.key) else {
            continue;
        };
        c.key.clone_from(key);
        if c.name != *name {
            twins.push(Cand {
                name: name.to_string(),
                score: u8::MAX,
                ..c.clone()
            });
        }
    }
    cands.extend(twins);
}

#[cfg(test)]
mod tests {
    use crate::article::Article;

    #[test]
    fn a_form_gives_its_organizations_name() {
        use super::well_known_name;
        let opec = "organisation of the petroleum exporting countries";
        assert_eq!(well_known_name(opec), Some("OPEC"));
        assert_eq!(
            well_known_name("U.S. Federal Reserve"),
            Some("Federal Reserve")
        );
        assert_eq!(well_known_name("OPEC"), Some("OPEC"));
        assert_eq!(well_known_name("Treasury"), None);
    }

    #[test]
    fn forms_of_one_organization_are_one_entity_with_aliases() {
        let mut a = Article {
            title: "Fed holds rates".into(),
            body: "The Federal Reserve Board left rates alone, and the Fed said prices were \
                   steady. The USDA said Ford would buy grain. Moody's rated the bonds."
                .into(),
            ..Article::default()
        };
        crate::extract::enrich_entities(&mut a);
        assert_eq!(
            a.organizations,
            [
                "Federal Reserve",
                "U.S. Department of Agriculture",
                "Ford Motor",
                "Moody's Investors Service"
            ]
        );
        let fed = a
            .entities
            .iter()
            .find(|e| e.name == "Federal Reserve")
            .unwrap();
        assert_eq!(fed.aliases, ["Federal Reserve Board", "Fed"]);
        assert_eq!(fed.mentions.len(), 3, "{:?}", fed.mentions);
    }
}
