//! Real third-party data from ../shared (never copied into the repo). Each test prints SKIP
//! when the data is absent.

use crate::util::*;

#[test]
fn reuters_21578_end_to_end() {
    let Some(dir) = shared("corpora/reuters21578") else {
        return;
    };
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert_eq!(files.len(), 22);
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx").display().to_string();
    let mut args = vec!["index", "--index", &index, "--json", "--quiet"];
    args.extend(files.iter().map(String::as_str));
    let v: serde_json::Value = serde_json::from_str(&dateline_ok(&args, 0)).unwrap();
    // One record of the 21,578 is empty: no text and no tags (NEWID 12793).
    assert_eq!(v["articles_indexed"], 21577);
    assert_eq!(v["documents_in_index"], 21577);
    assert_eq!(v["skipped_records"]["no title or text"], 1);
    assert_eq!(v["warnings"]["not UTF-8, encoding guessed"], 1);

    let a: serde_json::Value = serde_json::from_str(&dateline_ok(
        &[
            "show",
            "reuters21578/reut2-000.sgm#1",
            "--index",
            &index,
            "--json",
        ],
        0,
    ))
    .unwrap();
    assert_eq!(a["date"], "1987-02-26T15:01:01Z");
    // Reuters tags are mapped to canonical gazetteer names.
    // Reuters tags are mapped to canonical gazetteer names; the recognizer adds places named in
    // the text (the dateline SALVADOR is the Brazilian city).
    let places: Vec<&str> = a["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for place in ["El Salvador", "United States", "Uruguay", "Salvador"] {
        assert!(places.contains(&place), "{places:?}");
    }
    assert_eq!(a["topics"], serde_json::json!(["cocoa"]));

    let top = json_lines(&dateline_ok(
        &[
            "search", "cocoa", "--index", &index, "--jsonl", "--limit", "1",
        ],
        0,
    ));
    assert!(
        top[0]["title"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("cocoa"),
        "{}",
        top[0]
    );

    let out = dateline_ok(
        &[
            "search", "", "--place", "japan", "--since", "1987-03", "--until", "1987-03",
            "--index", &index, "--jsonl", "--limit", "100000",
        ],
        0,
    );
    let hits = json_lines(&out);
    let gaz = dateline::extract::gazetteer::embedded().unwrap();
    let mut tagged = 0;
    assert!(hits.len() > 100, "{}", hits.len());
    for h in &hits {
        let date = h["date"].as_str().unwrap();
        assert!(date.starts_with("1987-03-"), "{date}");
        // Tagged japan, or naming a place in Japan (a country filter covers its cities).
        let places: Vec<&str> = h["places"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let in_japan =
            |p: &&str| *p == "Japan" || gaz.lookup(p).is_some_and(|g| g.country == "Japan");
        assert!(places.iter().any(in_japan), "{places:?}");
        tagged += usize::from(places.contains(&"Japan"));
    }
    assert!(tagged > 100, "{tagged}");

    // A filter value that is an alias finds the canonical place.
    let usa = dateline_ok(
        &[
            "search", "cocoa", "--place", "usa", "--index", &index, "--json",
        ],
        0,
    );
    let us = dateline_ok(
        &[
            "search",
            "cocoa",
            "--place",
            "United States",
            "--index",
            &index,
            "--json",
        ],
        0,
    );
    let total =
        |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap()["total_hits"].clone();
    assert_eq!(total(&usa), total(&us));
    assert!(total(&us).as_u64().unwrap() > 10);

    let v: serde_json::Value = serde_json::from_str(&dateline_ok(&args, 0)).unwrap();
    assert_eq!(v["documents_in_index"], 21577);
}

#[test]
fn bbc_news_every_file_is_indexed_or_accounted_for() {
    let Some(dir) = shared("corpora/bbc-news") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx").display().to_string();
    let out = dateline_ok(
        &[
            "index",
            &dir.display().to_string(),
            "--index",
            &index,
            "--json",
            "--quiet",
        ],
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let skipped: u64 = v["skipped_files"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(
        v["files_indexed"].as_u64().unwrap() + skipped,
        v["files_seen"].as_u64().unwrap()
    );
    assert_eq!(v["articles_indexed"], 2225);
    assert_eq!(
        v["skipped_files"],
        serde_json::json!({"documentation file": 2})
    );
    assert_eq!(v["warnings"]["not UTF-8, encoding guessed"], 1);
}

/// HuffPost headline-only records name "Trump" with nothing around it; the file's other
/// records name Donald Trump in full, and the file's articles are linked together.
#[test]
fn huffpost_surnames_link_to_the_files_person() {
    let Some(file) =
        shared("corpora/huffpost-news-category-subset/News_Category_Dataset_v3.first9999.jsonl")
    else {
        return;
    };
    let out = dateline_ok(&["extract", &file.display().to_string()], 0);
    let records = json_lines(&out);
    assert_eq!(records.len(), 9999);
    let with = |field: &str, name: &str| {
        records
            .iter()
            .filter(|r| r[field].as_array().unwrap().iter().any(|v| v == name))
            .count()
    };
    // Before the link: "Trump" was an organization in 525 records.
    assert!(
        with("organizations", "Trump") < 10,
        "{}",
        with("organizations", "Trump")
    );
    assert!(
        with("people", "Donald Trump") > 900,
        "{}",
        with("people", "Donald Trump")
    );
    assert!(with("people", "Melania Trump") > 10);
}

/// The committed model files are exactly what the documented commands make from ../shared.
#[test]
fn committed_models_are_reproducible() {
    let Some(root) = shared("corpora/geonames").map(|g| g.join("../..")) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let root = root.display().to_string();
    for (what, committed) in [
        ("gazetteer", "models/gazetteer.bin.gz"),
        ("ner", "models/ner.bin.gz"),
    ] {
        let out = tmp.path().join(what).display().to_string();
        dateline_ok(&["train", what, "--shared", &root, "--out", &out], 0);
        let made = std::fs::read(&out).unwrap();
        let shipped =
            std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(committed))
                .unwrap();
        assert!(
            made == shipped,
            "{committed} differs from `dateline train {what}` output: regenerate it"
        );
    }
}

#[test]
fn geonames_tables_are_not_articles() {
    let Some(dir) = shared("corpora/geonames") else {
        return;
    };
    // Three tab-separated tables and a PROVENANCE.md: nothing to index, so exit 1.
    let out = dateline(&["extract", "--no-extract", &dir.display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.matches("data lines, not an article").count(),
        3,
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn reuters_vocabulary_lists_are_not_articles() {
    let Some(dir) = shared("corpora/reuters21578") else {
        return;
    };
    // Walking the folder skips its five word lists, its CIA World Factbook in Prolog and its
    // notes on the categories, a list of names and codes that every `--person` and `--place`
    // filter found.
    let out = dateline(&["extract", "--no-extract", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    for k in ["exchanges", "orgs", "people", "places", "topics"] {
        let line = format!("all-{k}-strings.lc.txt: skipped file: word list, not an article");
        assert!(err.contains(&line), "{line}\n{err}");
    }
    assert_eq!(err.matches("word list, not an article").count(), 5, "{err}");
    assert!(
        err.contains(
            "feldman-cia-worldfactbook-data.txt: skipped file: data lines, not an article"
        ),
        "{err}"
    );
    assert!(
        err.contains("cat-descriptions_120396.txt: skipped file: list, not an article"),
        "{err}"
    );
    let ids = String::from_utf8_lossy(&out.stdout);
    assert_eq!(ids.lines().count(), 21_577);
    assert!(!ids.contains("strings.lc.txt") && !ids.contains("worldfactbook"));
    // Named itself, a list is read, as ripgrep reads a file it is given.
    let list = dir.join("all-people-strings.lc.txt");
    let out = dateline(&["extract", "--no-extract", &list.display().to_string()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}
