//! `dateline index`, `show` and `extract` on the bundled corpus.

use crate::util::*;
use std::path::Path;

#[test]
fn index_summary_counts_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx").display().to_string();
    let out = dateline_ok(
        &[
            "index",
            &corpus().display().to_string(),
            "--index",
            &index,
            "--json",
        ],
        0,
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["files_seen"], 16);
    assert_eq!(v["files_indexed"], 15);
    assert_eq!(v["articles_indexed"], 20);
    assert_eq!(v["documents_in_index"], 20);
    assert_eq!(
        v["skipped_files"],
        serde_json::json!({"documentation file": 1})
    );
    assert!(v["seconds"].as_f64().unwrap() > 0.0);

    // Re-indexing replaces, never duplicates.
    let out = dateline_ok(
        &[
            "index",
            &corpus().display().to_string(),
            "--index",
            &index,
            "--json",
        ],
        0,
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["documents_in_index"], 20);

    let text = dateline_ok(
        &["index", &corpus().display().to_string(), "--index", &index],
        0,
    );
    assert!(
        text.starts_with("indexed 20 articles from 15 of 16 files in "),
        "{text}"
    );
}

/// Re-indexing one file of an indexed folder replaces its articles instead of adding copies.
#[test]
fn reindexing_one_file_keeps_its_ids() {
    let (_dir, index) = corpus_index();
    let file = corpus().join("feeds/science.jsonl").display().to_string();
    let out = dateline_ok(&["index", &file, "--index", &index, "--json"], 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["articles_indexed"], 3);
    assert_eq!(v["documents_in_index"], 20);
    dateline_ok(
        &["show", "corpus/feeds/science.jsonl#1", "--index", &index],
        0,
    );
}

#[test]
fn second_writer_is_refused_with_exit_2() {
    let (_dir, index) = corpus_index();
    let idx = tantivy::Index::open_in_dir(&index).unwrap();
    let _writer: tantivy::IndexWriter = idx.writer(50_000_000).unwrap();
    let out = dateline(&["index", &corpus().display().to_string(), "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        format!("dateline: index {index} is being written by another process")
    );
}

/// While a first run has committed nothing, a search says so instead of "no hits".
#[test]
fn searching_an_index_whose_first_run_is_going_on_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let (idx, _) = dateline::index::open_or_create(&index).unwrap();
    let index = index.display().to_string();
    let writer: tantivy::IndexWriter = idx.writer(50_000_000).unwrap();
    let out = dateline(&["search", "cocoa", "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "dateline: index {index} is being built by another process and holds nothing yet; \
             search again when that run ends"
        )
    );
    // Once that run is gone without a commit (Ctrl-C), the empty index is named as such.
    drop(writer);
    let out = dateline(&["search", "cocoa", "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("holds no articles (did its first run stop early?)"),
        "{err}"
    );
}

/// A run that finished without finding an article exits 1, and a search names the cause
/// instead of suggesting that the run stopped early.
#[test]
fn an_index_of_files_holding_no_article_says_so() {
    let (dir, input) = folder_with("in", &[("empty.txt", "")]);
    let index = dir.path().join("idx").display().to_string();
    let out = dateline(&["index", &input.display().to_string(), "--index", &index]);
    assert_eq!(out.status.code(), Some(1));
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("0 documents in"), "{summary}");
    assert!(
        summary.contains("\nskipped files: 1 × empty file"),
        "{summary}"
    );
    let out = dateline(&["search", "cocoa", "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "dateline: index {index} holds no articles: no file given to `dateline index` gave \
             one (its summary says why each was skipped)"
        )
    );
}

#[test]
fn show_prints_one_article() {
    let (_dir, index) = corpus_index();
    let out = dateline_ok(
        &[
            "show",
            "corpus/wire/archive.sgm#1",
            "--index",
            &index,
            "--json",
        ],
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["title"],
        "GHANA COCOA ARRIVALS SLOW AS RAINS DELAY HARVEST"
    );
    assert_eq!(v["date"], "2026-02-10T14:02:11Z");
    assert_eq!(v["date_source"], "metadata");
    assert_eq!(v["topics"], serde_json::json!(["cocoa"]));
    let text = dateline_ok(&["show", "corpus/wire/archive.sgm#1", "--index", &index], 0);
    assert!(
        text.contains("ACCRA, Feb 10 - Cocoa arrivals at Ghana's ports slowed"),
        "{text}"
    );
    let out = dateline(&["show", "no/such#id", "--index", &index]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("or give the file's own path"), "{err}");
    // A file's own path stands for the id the index gave it ...
    let floods = corpus().join("wire/2026-03-02-nairobi-floods.txt");
    let out = dateline_ok(
        &[
            "show",
            &floods.display().to_string(),
            "--index",
            &index,
            "--json",
        ],
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "corpus/wire/2026-03-02-nairobi-floods.txt");
    // ... and a file of several articles lists their ids.
    let feed = corpus().join("feeds/science.jsonl");
    let out = dateline(&["show", &feed.display().to_string(), "--index", &index]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    // A file the walk skipped is named as such.
    let readme = corpus().join("README.md").display().to_string();
    let out = dateline(&["show", &readme, "--index", &index]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is a file, but"), "{said}");
    let ids = ["#1", "#2", "#3"].map(|k| format!("corpus/feeds/science.jsonl{k}"));
    let said = format!(
        "holds 3 articles in {index}; show one by its id: {}",
        ids.join(", ")
    );
    assert!(err.contains(&said), "{err}");
}

#[test]
fn extract_prints_what_the_index_receives() {
    let file = corpus().join("feeds/science.jsonl");
    let out = dateline_ok(&["extract", &file.display().to_string()], 0);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["id"], "feeds/science.jsonl#2");
    assert_eq!(
        lines[1]["title"],
        "Nairobi start-up tests drone deliveries of vaccines"
    );
    assert_eq!(lines[1]["date"], "2026-03-10T00:00:00Z");
    assert_eq!(lines[1]["date_source"], "json-field");
    assert_eq!(lines[1]["authors"], serde_json::json!(["Otieno Kamau"]));
}

#[test]
fn missing_input_path_exits_2_after_indexing_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx").display().to_string();
    let missing = dir.path().join("no-such-folder").display().to_string();
    let notes = corpus().join("notes").display().to_string();
    let out = dateline(&["index", &missing, &notes, "--index", &index, "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles_indexed"], 3);
    assert_eq!(v["paths_unreadable"], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-folder: skipped path: unreadable path: No such file or directory"),
        "{err}"
    );
}

#[test]
fn missing_index_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(&[
        "search",
        "cocoa",
        "--index",
        &dir.path().join("none").display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index in folder \""));
}

#[test]
fn an_index_path_that_is_a_file_is_named_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("afile");
    std::fs::write(&file, "hi").unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Rain in Oslo\n\nIt rained.").unwrap();
    let idx = file.display().to_string();
    for args in [
        vec!["index", article.to_str().unwrap(), "--index", &idx],
        vec!["search", "rain", "--index", &idx],
    ] {
        let out = dateline(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("afile is a file, not an index folder"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"hi",
        "the file is untouched"
    );
}

#[test]
fn index_never_writes_into_a_folder_of_other_files() {
    let (dir, data) = folder_with("data", &[("a.txt", "Rain in Oslo\n\nIt rained.")]);
    let file = data.join("a.txt").display().to_string();
    let out = dateline(&["index", &file, "--index", &data.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds files but no index"));
    assert_eq!(
        std::fs::read_dir(&data).unwrap().count(),
        1,
        "nothing written"
    );
    // Nothing readable at all: exit 2, and no index folder is created.
    let idx = dir.path().join("idx");
    let missing = dir.path().join("gone.txt").display().to_string();
    let out = dateline(&["index", &missing, "--index", &idx.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to index"));
    assert!(!idx.exists());
    // An empty folder: the same.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = dateline(&[
        "index",
        &empty.display().to_string(),
        "--index",
        &idx.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!idx.exists());
}

#[test]
fn extract_always_has_an_entities_key_and_search_needs_no_query() {
    let file = corpus().join("feeds/science.jsonl");
    let out = dateline_ok(&["extract", "--no-extract", &file.display().to_string()], 0);
    for line in json_lines(&out) {
        assert_eq!(line["entities"], serde_json::json!([]));
    }
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = dateline(&["extract", &empty.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "no articles: exit 1");
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty file"));
    let missing = dir.path().join("gone").display().to_string();
    assert_eq!(dateline(&["extract", &missing]).status.code(), Some(2));
    let (_dir, index) = corpus_index();
    let all = dateline_ok(&["search", "--index", &index, "--json"], 0);
    let with_place = dateline_ok(
        &["search", "--index", &index, "--place", "kenya", "--json"],
        0,
    );
    let total = |s: &str| {
        json_lines(s).last().unwrap()["total_hits"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(total(&all), 20);
    assert!(total(&with_place) >= 1 && total(&with_place) < 20);
}

#[test]
fn any_memory_budget_is_fitted_to_the_writer_threads() {
    // Tantivy wants 15 MB to 4 GB per writer thread; 1 MB or 100 GB must still index.
    for mb in ["1", "100000"] {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("idx").display().to_string();
        let corpus = corpus().join("wire").display().to_string();
        let out = dateline_ok(
            &[
                "index",
                &corpus,
                "--index",
                &index,
                "--memory-mb",
                mb,
                "--threads",
                "2",
                "--json",
            ],
            0,
        );
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert!(v["articles_indexed"].as_u64().unwrap() > 0, "{out}");
    }
}

/// An index can be searched by users who may read it but not write it (a shared or cron-built
/// index): Tantivy wrote two of its files readable by their owner only, and opening it needed
/// a lock file in the folder.
#[test]
#[cfg(unix)]
fn another_user_can_search_a_read_only_index() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (dir, index) = corpus_index();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let store = std::fs::read_dir(&index)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "store"))
        .expect("a segment file");
    let segment_mode = mode(&store);
    for name in ["meta.json", ".managed.json"] {
        assert_eq!(mode(&Path::new(&index).join(name)), segment_mode, "{name}");
    }
    // Then as user nobody, which needs root (to switch) and setpriv (util-linux).
    let me = std::fs::metadata(&index).unwrap().uid();
    let setpriv = Path::new("/usr/bin/setpriv");
    if me != 0 || !setpriv.exists() || segment_mode & 0o004 == 0 {
        // Straight to stderr, as `util::shared` does: the harness captures `eprintln!`.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIP: searching as another user needs root, /usr/bin/setpriv and umask 022"
        );
        return;
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let as_nobody = || {
        std::process::Command::new(setpriv)
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_dateline"))
            .args(["search", "central bank", "--index", &index])
            .output()
            .unwrap()
    };
    let searched = |out: std::process::Output| {
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains("hits 1-3 of 3 for \"central bank\""),
            "{stdout}"
        );
    };
    searched(as_nobody());
    // Indexing into it as that user is refused in words, not with Tantivy's debug dump of
    // the lock file's error, and leaves the index searchable.
    let out = std::process::Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(["index", &corpus().display().to_string(), "--index", &index])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Permission denied"), "{err}");
    assert!(
        !err.contains("IoError") && !err.contains("Custom {"),
        "{err}"
    );
    searched(as_nobody());
    // During a later run Tantivy rewrites `.managed.json` readable by its owner only.
    let managed = Path::new(&index).join(".managed.json");
    std::fs::set_permissions(&managed, std::fs::Permissions::from_mode(0o600)).unwrap();
    searched(as_nobody());
    // A file that user may not read is named with the system's reason, not Tantivy's debug
    // dump of the error.
    let meta = Path::new(&index).join("meta.json");
    std::fs::set_permissions(&meta, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = as_nobody();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("meta.json: Permission denied"), "{err}");
    assert!(!err.contains("IoError"), "{err}");
    std::fs::set_permissions(&meta, std::fs::Permissions::from_mode(0o644)).unwrap();
    // A folder that user may not enter is named as such, not as a missing index.
    std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = as_nobody();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Permission denied"), "{err}");
}

/// Without its roots file an index would give a second folder of a known name the first's ids
/// and replace its articles: a damaged file stops the run instead.
#[test]
fn a_damaged_roots_file_stops_indexing() {
    let (_dir, index) = corpus_index();
    let roots = Path::new(&index).join("dateline-roots.json");
    std::fs::write(&roots, "{not json").unwrap();
    let out = dateline(&["index", &corpus().display().to_string(), "--index", &index]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dateline-roots.json: unreadable (") && err.contains("delete the index"),
        "{err}"
    );
}

/// Ctrl-C stops a run cleanly: exit 130, what was read is committed (the summary still
/// prints), and running the same command again completes the index without duplicates.
#[test]
#[cfg(unix)]
fn ctrl_c_commits_what_was_read_and_the_next_run_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news");
    std::fs::create_dir_all(&corpus).unwrap();
    let files = 3000;
    for i in 0..files {
        let text = format!(
            "Port report {i}\n\nShips from Rotterdam and Hamburg reached Lisbon on Monday, said \
             harbour master Ana Ruiz of the Port Authority, number {i}."
        );
        std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
    }
    let index = dir.path().join("idx");
    let args = |json: bool| {
        let mut a = vec![
            "index".to_string(),
            corpus.display().to_string(),
            "--index".into(),
            index.display().to_string(),
            "--threads".into(),
            "1".into(),
            "-q".into(),
        ];
        if json {
            a.push("--json".into());
        }
        a
    };
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args(true))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The writer's lock appears after the Ctrl-C handler is in place.
    let lock = index.join(".tantivy-writer.lock");
    let started = std::time::Instant::now();
    while !lock.exists() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // SAFETY: kill(2) on the child's own pid, which is alive until we wait for it.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(sent, 0);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {stderr}");
    assert!(
        stderr.contains("interrupted: the index keeps the"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["interrupted"], true);
    let kept = v["documents_in_index"].as_u64().unwrap();
    assert!(kept < files, "{kept}");
    let args = args(true);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let again: serde_json::Value = serde_json::from_str(dateline_ok(&args, 0).trim()).unwrap();
    assert_eq!(again["interrupted"], false);
    assert_eq!(again["documents_in_index"].as_u64(), Some(files));
}
