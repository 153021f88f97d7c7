//! `dateline search`: every flag, exact hits, exit codes.

use crate::util::*;

fn search(index: &str, args: &[&str]) -> Vec<String> {
    // The default limit goes first: a later --limit in `args` overrides it.
    let mut all = vec!["search", "--index", index, "--jsonl", "--limit", "100"];
    all.extend_from_slice(args);
    let out = dateline(&all);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{:?}: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    ids(&String::from_utf8(out.stdout).unwrap())
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn keyword_and_phrase() {
    let (_d, index) = corpus_index();
    let hits = search(&index, &["central bank"]);
    assert_eq!(hits[0], "corpus/wire/2026-03-19-berlin-rates.txt");
    assert_eq!(
        sorted(hits),
        [
            "corpus/crawl/market-roundup.json#1",
            "corpus/wire/2026-02-14-seoul-chips.txt",
            "corpus/wire/2026-03-19-berlin-rates.txt"
        ]
    );
    // All words are required: "strike" and "Nairobi" never share an article.
    assert!(search(&index, &["strike nairobi"]).is_empty());
    assert_eq!(
        search(&index, &["\"night-shift pay\""]),
        ["corpus/wire/2026-01-08-lisbon-port.txt"]
    );
    assert_eq!(
        sorted(search(&index, &["strike OR drones"])),
        [
            "corpus/crawl/market-roundup.json#0",
            "corpus/feeds/science.jsonl#2",
            "corpus/notes/montreal-transit.md",
            "corpus/wire/2026-01-08-lisbon-port.txt"
        ]
    );
    assert_eq!(
        search(&index, &["strike -montreal -lisbon"]),
        Vec::<String>::new()
    );
    assert_eq!(
        search(&index, &["title:cocoa"]),
        ["corpus/wire/archive.sgm#1"]
    );
    assert_eq!(
        search(&index, &["coffee date:2026-04"]),
        ["corpus/wire/2026-04-03-nairobi-coffee.txt"]
    );
}

#[test]
fn person_place_org_filters() {
    let (_d, index) = corpus_index();
    let duarte = [
        "corpus/crawl/market-roundup.json#0",
        "corpus/wire/2026-01-08-lisbon-port.txt",
    ];
    assert_eq!(sorted(search(&index, &["", "--person", "duarte"])), duarte);
    assert_eq!(
        sorted(search(&index, &["", "--person", "ANA DUARTE"])),
        duarte
    );
    assert_eq!(sorted(search(&index, &["person:duarte"])), duarte);
    assert_eq!(
        sorted(search(&index, &["", "--place", "south korea"])),
        [
            "corpus/crawl/seoul-energy.json",
            "corpus/feeds/science.jsonl#3",
            "corpus/web/2026-02-05-busan-port.html",
            "corpus/wire/2026-02-14-seoul-chips.txt"
        ]
    );
    assert_eq!(
        sorted(search(
            &index,
            &["prices", "--place", "Nairobi", "--person", "wanjiru"]
        )),
        ["corpus/wire/2026-04-03-nairobi-coffee.txt"]
    );
    let ecb = [
        "corpus/crawl/market-roundup.json#1",
        "corpus/wire/2026-03-19-berlin-rates.txt",
    ];
    assert_eq!(
        sorted(search(&index, &["", "--org", "European Central Bank"])),
        ecb
    );
    // A filter value is read as extraction reads a name: no leading "the", no legal form.
    for name in ["the European Central Bank", "European Central Bank Ltd."] {
        assert_eq!(sorted(search(&index, &["", "--org", name])), ecb, "{name}");
    }
    assert_eq!(
        sorted(search(&index, &["org:\"the European Central Bank\""])),
        ecb
    );
    assert!(search(&index, &["", "--org", "the Central Bank of Atlantis"]).is_empty());
}

#[test]
fn topic_prefix_matches_whole_topics_in_any_case() {
    let (_d, index) = corpus_index();
    let wheat = search(&index, &["topic:wheat"]);
    assert_eq!(wheat.len(), 1, "{wheat:?}");
    assert_eq!(search(&index, &["TOPICS:Wheat"]), wheat);
    assert_eq!(search(&index, &["category:grain"]), wheat);
    assert_eq!(search(&index, &["topic:cocoa OR topic:wheat"]).len(), 2);
    assert!(search(&index, &["topic:whe"]).is_empty());
    // An unknown prefix is a word, and the "no hits" text says so.
    let out = dateline_ok(&["search", "author:smith", "--index", &index], 1);
    assert!(out.contains("note: \"author:\" is not a field"), "{out}");
    // A topic is whole: the no-hit line names the topics that start with what was typed.
    let out = dateline_ok(&["search", "topic:whe", "--index", &index], 1);
    assert_eq!(
        out.lines().nth(1),
        Some("no article in the index has topic \"whe\"; topics that start with it: wheat")
    );
    let json = dateline_ok(
        &["search", "topic:WHE coc*", "--index", &index, "--json"],
        1,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["unmatched_filters"],
        serde_json::json!([{"filter": "topic", "value": "WHE", "similar": ["wheat"]}])
    );
    assert_eq!(v["notes"].as_array().map(Vec::len), Some(1), "{json}");
    assert!(v["notes"][0].as_str().unwrap().contains("no wildcards"));
}

#[test]
fn no_hits_names_the_filters_no_article_meets() {
    let (_d, index) = corpus_index();
    let run = |args: &[&str]| {
        let mut all = vec!["search", "--index", index.as_str()];
        all.extend_from_slice(args);
        dateline_ok(&all, 1)
    };
    // Nairobi is in the corpus, Atlantis nowhere; together they match nothing.
    let text = run(&["coffee", "--place", "Nairobi", "--place", "Atlantis"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("no hits for \"coffee\" ("), "{text}");
    assert_eq!(
        lines[1..],
        ["no article in the index has place \"Atlantis\""]
    );
    let json = run(&[
        "coffee", "--person", "=Wanjiru", "--until", "1999", "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["unmatched_filters"],
        serde_json::json!([
            {"filter": "person", "value": "=Wanjiru"},
            {"filter": "date", "value": "before 2000-01-01T00:00:00Z"}
        ])
    );
    // Prefixes in the query are named as the options are; excluded ones are not, nor one
    // of several alternatives.
    let text = run(&["(place:atlantis OR place:nairobi) zzzqqq"]);
    assert_eq!(text.lines().count(), 1, "{text}");
    let text = run(&["coffee place:nairobi -person:nobody place:atlantis date:1999"]);
    assert_eq!(
        text.lines().skip(1).collect::<Vec<_>>(),
        [
            "no article in the index has place \"atlantis\"",
            "no article in the index is dated from 1999-01-01T00:00:00Z before 2000-01-01T00:00:00Z"
        ]
    );
    // Every filter meets some article: no hits, and no filter to blame.
    let text = run(&["coffee", "--place", "Lisbon", "--person", "wanjiru"]);
    assert_eq!(text.lines().count(), 1, "{text}");
    let json = run(&["coffee", "--place", "Lisbon", "--json"]);
    assert!(!json.contains("unmatched_filters"), "{json}");
}

#[test]
fn date_ranges_are_inclusive_and_sortable() {
    let (_d, index) = corpus_index();
    let march = search(
        &index,
        &[
            "", "--since", "2026-03", "--until", "2026-03", "--sort", "oldest",
        ],
    );
    assert_eq!(
        march,
        [
            "corpus/wire/2026-03-02-nairobi-floods.txt",
            "corpus/wire/archive.sgm#2",
            "corpus/feeds/science.jsonl#2",
            "corpus/crawl/market-roundup.json#1",
            "corpus/wire/2026-03-19-berlin-rates.txt"
        ]
    );
    let newest = search(
        &index,
        &[
            "",
            "--since",
            "2026-03-10",
            "--until",
            "2026-03-19",
            "--sort",
            "newest",
        ],
    );
    assert_eq!(
        newest,
        [
            "corpus/wire/2026-03-19-berlin-rates.txt",
            "corpus/crawl/market-roundup.json#1",
            "corpus/feeds/science.jsonl#2"
        ]
    );
    // Filters alone score every hit the same: without --sort the newest come first, and
    // --sort relevance is still obeyed (in the index's order, which parallel indexing does not
    // fix: only the set is compared).
    let filters = ["", "--since", "2026-03-10", "--until", "2026-03-19"];
    assert_eq!(search(&index, &filters), newest);
    let mut relevance = filters.to_vec();
    relevance.extend(["--sort", "relevance"]);
    assert_eq!(sorted(search(&index, &relevance)), sorted(newest.clone()));
    // Bounds past the years Tantivy's dates hold (1677 to 2262) once wrapped round and
    // matched everything; they match what they say, up to the last day jiff knows.
    let all = search(&index, &[""]).len();
    assert_eq!(all, 20);
    for (flag, value, hits) in [
        ("--since", "2300", 0),
        ("--since", "9999-12-31", 0),
        ("--until", "1600", 0),
        ("--until", "9999-12-31", all),
        ("--since", "1000", all),
    ] {
        let got = search(&index, &["", flag, value]).len();
        assert_eq!(got, hits, "{flag} {value}");
    }
    assert_eq!(search(&index, &["date:2300"]).len(), 0);
    let out = dateline(&["search", "x", "--index", &index, "--since", "March"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "dateline: --since \"March\" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or RFC 3339"
    );
    // A negative number reaches the option's own check, not clap's "unexpected argument".
    let out = dateline(&["search", "x", "--index", &index, "--since", "-1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--since \"-1\" is not a date"));
    let out = dateline(&["search", "x", "--index", &index, "--limit", "-1"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "invalid value '-1' for '--limit <LIMIT>': expected a whole number, 0 or more"
        ),
        "{err}"
    );
}

#[test]
fn limit_and_offset_page_through_hits() {
    let (_d, index) = corpus_index();
    let all = search(&index, &["nairobi", "--sort", "oldest"]);
    assert_eq!(all.len(), 3);
    let page = search(
        &index,
        &[
            "nairobi", "--sort", "oldest", "--limit", "1", "--offset", "1",
        ],
    );
    assert_eq!(page, all[1..2]);
}

#[test]
fn exit_codes_and_pasted_text() {
    let (_d, index) = corpus_index();
    // A full disk behind stdout is an error that names the stream.
    if let Ok(full) = std::fs::File::create("/dev/full") {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["search", "coffee", "--index", &index])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("dateline: writing to standard output: "),
            "{err}"
        );
    }
    assert_eq!(
        dateline(&["search", "zeppelin", "--index", &index])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        dateline(&["search", "coffee", "--index", &index])
            .status
            .code(),
        Some(0)
    );
    for pasted in [
        "U.S. trade",
        "AT&T",
        "Lee Jae-myung",
        "C++",
        "what's next?",
        "\"unbalanced",
        "Note: x",
        "coffee (the crop said",
        "a) coffee",
    ] {
        let code = dateline(&["search", pasted, "--index", &index])
            .status
            .code();
        assert!(matches!(code, Some(0 | 1)), "{pasted}: {code:?}");
    }
    assert_eq!(
        search(&index, &["coffee (the"]),
        search(&index, &["coffee the"])
    );
    assert!(!search(&index, &["coffee (the"]).is_empty());
    assert_eq!(search(&index, &["coffee ("]), search(&index, &["coffee"]));
    // Punctuation or operators alone search for nothing; only an empty query lists all.
    for nothing in ["!!!", "\"", "-", "OR", "NOT", "*"] {
        assert_eq!(
            dateline(&["search", nothing, "--index", &index])
                .status
                .code(),
            Some(1),
            "{nothing}"
        );
    }
    assert_eq!(search(&index, &[""]).len(), 20);
    // A blank filter value, or punctuation alone, is a usage error, not a search that finds
    // nothing.
    for (flag, blank) in [
        ("--person", " "),
        ("--place", "\u{200b}"),
        ("--org", "\u{a0}"),
        ("--org", "=."),
        ("--person", "-"),
    ] {
        let out = dateline(&["search", "", flag, blank, "--index", &index]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("a filter needs a name"), "{err}");
    }
    // A query argument opening with two dashes is a mistyped option, not "everything but
    // bogus"; one dash excludes the word.
    let out = dateline(&["search", "--bogus", "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("write -bogus"), "{err}");
    assert_eq!(search(&index, &["-zzzzunseen"]).len(), 20);
    let out = dateline(&["search", "title:(", "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("query syntax error at column 7: unclosed parenthesis"),
        "{err}"
    );
}

#[test]
fn text_output_shows_rank_date_title_id_entities_and_marked_snippet() {
    let (_d, index) = corpus_index();
    let out = dateline_ok(
        &[
            "search",
            "\"night-shift pay\"",
            "--index",
            &index,
            "--color",
            "never",
        ],
        0,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], " 1. Lisbon port strike ends after nine days");
    assert!(
        lines[1].starts_with("    2026-01-08 · corpus/wire/2026-01-08-lisbon-port.txt · score "),
        "{out}"
    );
    assert_eq!(
        lines[2],
        "    people: Ana Duarte, Rui Falcão · places: Lisbon, Alcântara, Valencia, Portugal · orgs: Port of Lisbon Authority, Sines"
    );
    assert!(
        lines[3].contains("a nine-day strike over **night-shift pay**, the Port"),
        "{out}"
    );
    let colored = dateline_ok(
        &[
            "search",
            "night-shift",
            "--index",
            &index,
            "--color",
            "always",
        ],
        0,
    );
    assert!(
        colored.contains("\x1b[1;33mnight-shift\x1b[0m"),
        "{colored}"
    );
}

#[test]
fn title_only_hit_shows_the_lead() {
    let (_d, index) = corpus_index();
    let out = dateline_ok(&["search", "title:floods", "--index", &index, "--jsonl"], 0);
    let hit = &json_lines(&out)[0];
    assert_eq!(hit["id"], "corpus/wire/2026-03-02-nairobi-floods.txt");
    assert!(hit["snippet"]
        .as_str()
        .unwrap()
        .starts_with("Heavy rain overnight flooded roads"));
    assert_eq!(hit["highlights"], serde_json::json!([]));
}

#[test]
fn facets_count_documents_across_all_hits() {
    let (_d, index) = corpus_index();
    let out = dateline_ok(
        &[
            "search", "nairobi", "--index", &index, "--json", "--facets", "--limit", "1",
        ],
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    let places = &v["facets"]["places"];
    assert_eq!(places[0], serde_json::json!({"name": "Kenya", "count": 3}));
    assert_eq!(
        places[1],
        serde_json::json!({"name": "Nairobi", "count": 3})
    );
    let people = &v["facets"]["people"];
    assert_eq!(
        people[0],
        serde_json::json!({"name": "Grace Wanjiru", "count": 2})
    );
    // --facet-limit sets how many values each facet lists, and asks for facets by itself.
    let facet_sizes = |limit: &str| {
        let out = dateline_ok(
            &[
                "search",
                "",
                "--index",
                &index,
                "--json",
                "--facet-limit",
                limit,
            ],
            0,
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        ["people", "places", "organizations"].map(|k| v["facets"][k].as_array().unwrap().len())
    };
    assert_eq!(facet_sizes("2"), [2, 2, 2]);
    let all = facet_sizes("1000");
    assert!(all.iter().all(|&n| n > 10), "{all:?}");
    // 0 would ask for facets and list none: a usage error, not an empty answer.
    let out = dateline(&["search", "", "--index", &index, "--facet-limit", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at least 1 value"), "{err}");
}

#[test]
fn country_filter_matches_articles_naming_only_a_city() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        news.join("a.txt"),
        "Subway fares rise\nCommuters in Seoul will pay more for subway rides from June, city officials said on Tuesday.",
    )
    .unwrap();
    std::fs::write(
        news.join("b.txt"),
        "Tram line opens\nA new tram line opened in Lyon on Monday.",
    )
    .unwrap();
    std::fs::write(
        news.join("c.txt"),
        "Refinery restarts\nA refinery in Houston restarted on Monday, its owner said.",
    )
    .unwrap();
    let index = dir.path().join("idx").display().to_string();
    dateline_ok(
        &[
            "index",
            &news.display().to_string(),
            "--index",
            &index,
            "--quiet",
        ],
        0,
    );
    assert_eq!(
        search(&index, &["", "--place", "South Korea"]),
        ["news/a.txt"]
    );
    assert_eq!(search(&index, &["", "--place", "seoul"]), ["news/a.txt"]);
    assert_eq!(search(&index, &["", "--place", "France"]), ["news/b.txt"]);
    // A city's state or region is a key too.
    assert_eq!(search(&index, &["", "--place", "texas"]), ["news/c.txt"]);
    assert_eq!(
        search(&index, &["", "--place", "auvergne-rhone-alpes"]),
        ["news/b.txt"]
    );
    // The stored list keeps what the article names; the country is only an index key.
    let out = dateline_ok(&["show", "news/a.txt", "--index", &index, "--json"], 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["places"], serde_json::json!(["Seoul"]));
}

#[test]
fn facets_are_refused_with_jsonl_not_dropped() {
    let (_d, index) = corpus_index();
    for flag in ["--facets", "--facet-limit=3"] {
        let out = dateline(&["search", "bank", "--index", &index, "--jsonl", flag]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot be used with"), "{err}");
    }
}

/// A facet's count is what its name as an exact filter (`=NAME`) finds, for every facet value
/// of the archive; the word filter finds at least as many ("Grace Wanjiru" and "Wanjiru").
#[test]
fn exact_filters_reproduce_facet_counts() {
    let (_d, index) = corpus_index();
    let total = |args: &[&str]| {
        let mut all = vec!["search", "", "--index", &index, "--json", "--limit", "0"];
        all.extend_from_slice(args);
        let out = dateline(&all);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{all:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v
    };
    let facets = total(&["--facet-limit", "1000"]);
    let mut checked = 0;
    for (key, flag) in [
        ("people", "--person"),
        ("places", "--place"),
        ("organizations", "--org"),
    ] {
        for value in facets["facets"][key].as_array().unwrap() {
            let name = value["name"].as_str().unwrap();
            let count = value["count"].as_u64().unwrap();
            let exact = format!("={name}");
            let got = total(&[flag, &exact])["total_hits"].as_u64().unwrap();
            assert_eq!(got, count, "{flag} {exact}");
            let words = total(&[flag, name])["total_hits"].as_u64().unwrap();
            assert!(words >= count, "{flag} {name}: {words} < {count}");
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
    let narrow = total(&["--person", "=Wanjiru"])["total_hits"].as_u64();
    let wide = total(&["--person", "Wanjiru"])["total_hits"].as_u64();
    assert_eq!((narrow, wide), (Some(0), Some(2)));
}

/// An organization's other form ("IMF") finds its articles but is no facet value of its own:
/// the facet counts the International Monetary Fund once.
#[test]
fn aliases_are_found_but_not_counted_as_facets() {
    let (dir, input) = folder_with(
        "in",
        &[(
            "fund.txt",
            "Fund warns on debt\n\nWASHINGTON, May 4 - The International Monetary Fund warned \
             on Tuesday that public debt in poor countries is rising fast. The IMF said its \
             lending would grow this year.\n",
        )],
    );
    let index = dir.path().join("idx").display().to_string();
    dateline_ok(
        &["index", &input.display().to_string(), "--index", &index],
        0,
    );
    assert_eq!(search(&index, &["", "--org", "IMF"]), ["in/fund.txt"]);
    assert_eq!(search(&index, &["org:imf"]), ["in/fund.txt"]);
    assert!(search(&index, &["", "--org", "=IMF"]).is_empty());
    let out = dateline_ok(&["search", "", "--index", &index, "--json", "--facets"], 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["facets"]["organizations"],
        serde_json::json!([{"name": "International Monetary Fund", "count": 1}])
    );
}

/// A filter on one form of an organization news writes several ways finds every article
/// naming it, whatever form each wrote: a retest found `--org "Organization of Petroleum
/// Exporting Countries"` in 2 Reuters articles against 32 for `--org opec`.
#[test]
fn a_filter_on_one_form_finds_the_organization_in_every_form() {
    let (dir, input) = folder_with(
        "in",
        &[
            (
                "full.txt",
                "Oil talks\n\nVIENNA, May 4 - The Organization of Petroleum Exporting \
                 Countries met on Tuesday to discuss output.\n",
            ),
            (
                "short.txt",
                "Oil output\n\nLONDON, May 5 - OPEC ministers said output would stay \
                 unchanged this quarter.\n",
            ),
        ],
    );
    let index = dir.path().join("idx").display().to_string();
    dateline_ok(
        &["index", &input.display().to_string(), "--index", &index],
        0,
    );
    let both = ["in/full.txt", "in/short.txt"];
    for form in ["OPEC", "Organization of Petroleum Exporting Countries"] {
        assert_eq!(sorted(search(&index, &["", "--org", form])), both, "{form}");
    }
    let prefixed = search(
        &index,
        &["org:\"Organisation of the Petroleum Exporting Countries\""],
    );
    assert_eq!(sorted(prefixed), both);
}

/// Spellings of one name that differ only in full stops, commas or hyphens ("Goldman, Sachs",
/// "Goldman Sachs"; "U.N.", "UN") are one facet value and one filter.
#[test]
fn punctuation_variants_are_one_facet_value() {
    let (dir, input) = folder_with(
        "in",
        &[(
            "wire.jsonl",
            "{\"title\":\"Bank hires\",\"text\":\"A bank hired staff.\",\"orgs\":[\"Goldman, Sachs\",\"U.N.\"]}\n\
             {\"title\":\"Bank cuts\",\"text\":\"A bank cut staff.\",\"orgs\":[\"Goldman Sachs\"]}\n\
             {\"title\":\"Bank grows\",\"text\":\"A bank grew.\",\"orgs\":[\"Goldman Sachs\",\"UN\"]}\n",
        )],
    );
    let index = dir.path().join("idx").display().to_string();
    dateline_ok(
        &[
            "index",
            &input.display().to_string(),
            "--index",
            &index,
            "--no-extract",
        ],
        0,
    );
    let out = dateline_ok(&["search", "", "--index", &index, "--json", "--facets"], 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["facets"]["organizations"],
        serde_json::json!([
            {"name": "Goldman Sachs", "count": 3},
            {"name": "U.N.", "count": 2}
        ])
    );
    for (name, hits) in [
        ("=Goldman Sachs", 3),
        ("=goldman, sachs", 3),
        ("=UN", 2),
        ("=u.n.", 2),
    ] {
        assert_eq!(search(&index, &["", "--org", name]).len(), hits, "{name}");
    }
}

/// Tantivy sizes its result heap by the page asked for: `--limit 9999999999999` aborted on the
/// allocation and the largest `usize` panicked.
#[test]
fn any_limit_and_offset_are_fitted_to_the_index() {
    let (_d, index) = corpus_index();
    for limit in ["9999999999999", "18446744073709551615"] {
        let out = dateline_ok(
            &["search", "strike", "--index", &index, "--limit", limit],
            0,
        );
        assert!(out.contains("hits 1-3 of 3 for \"strike\""), "{out}");
    }
    let out = dateline_ok(
        &[
            "search",
            "strike",
            "--index",
            &index,
            "--offset",
            "18446744073709551615",
        ],
        0,
    );
    assert!(out.starts_with("no hits on this page: 3 in all"), "{out}");
}

/// A damaged index file is named with the remedy, not Tantivy's advice to use a newer
/// Tantivy ("Please use tantivy 0.15 or above to recreate the index").
#[test]
fn a_damaged_index_says_to_build_it_again() {
    let (_d, index) = corpus_index();
    let store = std::fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "store"))
        .unwrap();
    let mut bytes = std::fs::read(&store).unwrap();
    let n = bytes.len();
    bytes[n - 8..].copy_from_slice(b"XXXXXXXX");
    std::fs::write(&store, bytes).unwrap();
    let out = dateline(&["search", "bank", "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.trim_end().ends_with(
            "Footer magic byte mismatch: the index is damaged; delete its folder and run \
             `dateline index` again"
        ),
        "{err}"
    );
}
