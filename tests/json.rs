//! The JSON wire format, decoded into `deny_unknown_fields` structs: a renamed or added field
//! fails here first, and the README's schema must change with it.

use crate::util::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Results {
    query: String,
    total_hits: usize,
    took_ms: f64,
    hits: Vec<Hit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Hit {
    rank: usize,
    score: Option<f32>,
    id: String,
    path: String,
    title: String,
    date: Option<String>,
    date_source: String,
    people: Vec<String>,
    places: Vec<String>,
    organizations: Vec<String>,
    authors: Vec<String>,
    source: Option<String>,
    url: Option<String>,
    snippet: String,
    highlights: Vec<(usize, usize)>,
}

#[test]
fn json_envelope_and_hit_fields() {
    let (_d, index) = corpus_index();
    let out = dateline_ok(&["search", "offshore wind", "--index", &index, "--json"], 0);
    let r: Results = serde_json::from_str(&out).unwrap();
    assert_eq!(r.query, "offshore wind");
    assert_eq!(r.total_hits, 1);
    assert!(r.took_ms >= 0.0);
    let h = &r.hits[0];
    assert_eq!(h.rank, 1);
    assert!(h.score.unwrap() > 0.0);
    assert_eq!(h.id, "corpus/crawl/seoul-energy.json");
    assert!(h.path.ends_with("corpus/crawl/seoul-energy.json"));
    assert_eq!(
        h.title,
        "South Korea signs offshore wind deal with Danish developer"
    );
    assert_eq!(h.date.as_deref(), Some("2026-02-24T10:00:00Z"));
    assert_eq!(h.date_source, "json-field");
    assert_eq!(h.people, ["Choi Dong-hyun"]);
    assert_eq!(h.authors, ["Park Ji-won"]);
    assert_eq!(h.source.as_deref(), Some("www.harbourwire.example"));
    assert_eq!(
        h.url.as_deref(),
        Some("https://www.harbourwire.example/2026/02/24/korea-offshore-wind")
    );
    // Highlights are character offsets into the snippet.
    let chars: Vec<char> = h.snippet.chars().collect();
    let marked: Vec<String> = h
        .highlights
        .iter()
        .map(|&(a, b)| chars[a..b].iter().collect())
        .collect();
    assert_eq!(marked, ["offshore", "wind"]);
}

#[test]
fn jsonl_is_one_hit_per_line_and_dates_are_null_when_absent() {
    let (_d, index) = corpus_index();
    let out = dateline_ok(&["search", "ferries", "--index", &index, "--jsonl"], 0);
    let hits: Vec<Hit> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "corpus/notes/oslo-ferries.txt");
    let sorted = dateline_ok(
        &[
            "search", "ferries", "--index", &index, "--jsonl", "--sort", "newest",
        ],
        0,
    );
    let hit: Hit = serde_json::from_str(sorted.trim()).unwrap();
    assert_eq!(hit.score, None);
}

#[test]
fn highlights_count_characters_not_bytes() {
    let (_d, index) = corpus_index();
    let out = dateline_ok(&["search", "alcantara", "--index", &index, "--jsonl"], 0);
    let hit: Hit = serde_json::from_str(out.trim()).unwrap();
    let chars: Vec<char> = hit.snippet.chars().collect();
    let (a, b) = hit.highlights[0];
    assert_eq!(chars[a..b].iter().collect::<String>(), "Alcântara");
}
