//! Benchmark on Reuters-21578 (../shared): indexing throughput, search latency in-process and
//! through the CLI, side by side with `rg -i -c` over the same files. Prints figures; asserts
//! nothing about time (these machines are shared and noisy: compare the ratios).
//!
//! Run with `scripts/bench.sh` (installs ripgrep when missing) or `cargo bench --bench reuters`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use dateline::{index, search};

// The same allocator as the `dateline` binary, so in-process figures match the CLI's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WORDS: &[&str] = &[
    "cocoa",
    "oil",
    "japan",
    "dollar",
    "wheat",
    "opec",
    "tariffs",
    "bundesbank",
    "coffee",
    "gold",
    "yen",
    "merger",
    "inflation",
    "strike",
    "copper",
    "volcker",
    "soybeans",
    "brazil",
    "debt",
    "sugar",
];

fn main() {
    // As the binary does, so in-process figures match the CLI's.
    dateline::alloc::keep_freed_memory();
    let shared = dateline::eval::shared_root();
    let dir = shared.join("corpora/reuters21578");
    if !dir.exists() {
        println!("SKIP: {} not found (set DATELINE_SHARED)", dir.display());
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let tmp = tempfile::tempdir().expect("temp dir");

    println!(
        "## Indexing Reuters-21578 ({} files), each way twice, alternating",
        files.len()
    );
    let mut report = None;
    let mut best = [f64::MAX; 2];
    for (round, (label, extract)) in [
        ("without extraction", false),
        ("with extraction", true),
        ("without extraction", false),
        ("with extraction", true),
    ]
    .into_iter()
    .enumerate()
    {
        let idx = tmp.path().join(format!("idx-{extract}-{round}"));
        let opts = index::IndexOptions {
            extract,
            ..index::IndexOptions::default()
        };
        let r = index::build(&files, &idx, &opts, &()).expect("indexing works");
        best[usize::from(extract)] = best[usize::from(extract)].min(r.seconds);
        println!(
            "{label:<20} {:>6.2} s  {:>8.0} articles/s  {:>6.1} MB/s  index {:>5.1} MB  ({} articles)",
            r.seconds,
            r.articles_per_s,
            r.mb_per_s,
            dir_size(&idx) as f64 / 1e6,
            r.articles_indexed
        );
        report = Some((idx, r));
    }
    println!(
        "with / without extraction (best of two each): {:.2} s / {:.2} s = {:.1}x",
        best[1],
        best[0],
        best[1] / best[0]
    );
    println!(
        "peak RSS (both runs, in-process): {:.0} MB",
        peak_rss_kb() as f64 / 1024.0
    );
    let (idx, _) = report.expect("indexed");

    println!("\n## Entity recognizer alone, one core (tokenize + features + two passes)");
    let mut articles = Vec::new();
    for f in dateline::ingest::walk(&files, None, &[]).files {
        articles.extend(dateline::ingest::read_file(&f).articles);
    }
    let rec = dateline::extract::ner::Recognizer::try_embedded().expect("embedded model");
    let texts: Vec<String> = articles.iter().map(|a| a.text()).collect();
    let started = Instant::now();
    let found: Vec<Vec<dateline::article::Mention>> =
        texts.iter().map(|t| rec.recognize(t)).collect();
    let secs = started.elapsed().as_secs_f64();
    let mentions: usize = found.iter().map(Vec::len).sum();
    let tokens = rec_tokens(&texts);
    println!(
        "{} articles, {:.2}M tokens, {mentions} mentions in {secs:.2} s: {:.0}k tokens/s",
        texts.len(),
        tokens as f64 / 1e6,
        tokens as f64 / secs / 1e3
    );

    println!("\n## Entity normalization alone, one core (those mentions + metadata → entities)");
    let gaz = dateline::extract::gazetteer::embedded().expect("embedded gazetteer");
    let started = Instant::now();
    let mut entities = 0;
    for ((a, text), m) in articles.iter().zip(&texts).zip(&found) {
        let metadata = dateline::extract::entities::MetadataEntities {
            people: a.people.clone(),
            places: a.places.clone(),
            orgs: a.organizations.clone(),
        };
        entities += dateline::extract::entities::normalize(text, m, &metadata, gaz).len();
    }
    println!(
        "{entities} entities in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    println!("\n## Search latency, in-process (index opened per query, as the CLI does)");
    let mut queries: Vec<(String, search::Filters)> = Vec::new();
    for w in WORDS {
        queries.push((w.to_string(), search::Filters::default()));
        queries.push((format!("{w} prices"), search::Filters::default()));
        queries.push((format!("\"{w} prices\""), search::Filters::default()));
        let since = search::period::parse_period("1987-03");
        queries.push((
            w.to_string(),
            search::Filters {
                places: vec!["usa".into()],
                since,
                until: since,
                ..Default::default()
            },
        ));
        queries.push((format!("{w} OR trade -japan"), search::Filters::default()));
    }
    let mut times = Vec::new();
    for _ in 0..2 {
        for (q, filters) in &queries {
            let req = search::SearchRequest {
                query: q.clone(),
                filters: filters.clone(),
                ..Default::default()
            };
            let t = Instant::now();
            let r = search::run(&idx, &req).expect("search works");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(r);
        }
    }
    println!(
        "{} queries: median {:.2} ms, p99 {:.2} ms",
        times.len(),
        pct(&mut times, 50.0),
        pct(&mut times, 99.0)
    );

    println!("\n## CLI vs ripgrep, same words, same files (median of 5 runs each)");
    let rg = Command::new("rg").arg("--version").output().is_ok();
    if !rg {
        println!("(rg not installed: scripts/bench.sh installs it)");
    }
    println!(
        "{:<12} {:>9} {:>9} {:>7} {:>8}",
        "word", "CLI ms", "rg ms", "rg/CLI", "hits"
    );
    let mut cli_all = Vec::new();
    let idx_s = idx.display().to_string();
    for w in WORDS {
        let mut cli = Vec::new();
        let mut hits = String::new();
        for _ in 0..5 {
            let t = Instant::now();
            let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
                .args(["search", w, "--index", &idx_s, "--json", "--limit", "10"])
                .output()
                .expect("CLI runs");
            cli.push(t.elapsed().as_secs_f64() * 1000.0);
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            hits = v["total_hits"].to_string();
        }
        let cli_ms = pct(&mut cli, 50.0);
        cli_all.push(cli_ms);
        let rg_ms = if rg {
            let mut t_rg = Vec::new();
            for _ in 0..5 {
                let t = Instant::now();
                let _ = Command::new("rg")
                    .args(["-i", "-c", w])
                    .args(&files)
                    .output();
                t_rg.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            pct(&mut t_rg, 50.0)
        } else {
            f64::NAN
        };
        println!(
            "{w:<12} {cli_ms:>9.2} {rg_ms:>9.2} {:>7.1} {hits:>8}",
            rg_ms / cli_ms
        );
    }
    println!(
        "CLI median over all words: {:.2} ms",
        pct(&mut cli_all, 50.0)
    );
}

/// Tokens as the recognizer counts them.
fn rec_tokens(texts: &[String]) -> usize {
    let (mut toks, mut sents) = (Vec::new(), Vec::new());
    texts
        .iter()
        .map(|t| {
            dateline::extract::ner::tokenize(t, &mut toks, &mut sents);
            toks.len()
        })
        .sum()
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
    v[i.min(v.len() - 1)]
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Peak resident set size of this process in KiB (Linux `VmHWM`), 0 elsewhere.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
