//! Bad input never stops a run: each bad file, line or value costs only itself and is counted.

use crate::util::*;

#[test]
fn messy_folder_is_indexed_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("messy");
    std::fs::create_dir_all(&news).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(news.join(name), bytes).unwrap();
    w(
        "latin1.txt",
        b"Caf\xE9 reopens\nThe caf\xE9 in Porto reopened.",
    );
    w("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    w("empty.txt", b"");
    w("lines.jsonl", b"{\"title\":\"good one\"}\n{broken\n{\"title\":\"nan\",\"score\":NaN}\n{\"title\":\"good two\",\"date\":\"not a date\"}\n");
    w("bad.json", b"{\"title\": \"never closed\"");
    w("dates.sgm", b"<REUTERS NEWID=\"1\"><DATE>31-MAR-1987 605:12:19.12</DATE><TEXT><TITLE>T1</TITLE></TEXT></REUTERS>\n<REUTERS NEWID=\"2\"><DATE>garbage</DATE><TEXT><TITLE>T2</TITLE></TEXT></REUTERS>");
    w("photo.jpg", b"\xFF\xD8\xFF");
    // Parses, but holds nothing: counted as skipped, so every file is in one count.
    w("none.json", b"[]");
    w(
        "old.txt",
        b"Title: Old flood\nDate: 1 April 1899\n\nThe river rose.",
    );
    let index = dir.path().join("idx").display().to_string();
    let out = dateline(&[
        "index",
        &news.display().to_string(),
        "--index",
        &index,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files_seen"], 9);
    // Python's NaN reads as null: "nan" is kept; only "{broken" is lost.
    assert_eq!(v["articles_indexed"], 7);
    assert_eq!(v["files_indexed"], 4);
    assert_eq!(
        v["skipped_files"],
        serde_json::json!({"binary file": 1, "empty file": 1, "invalid JSON": 1, "no articles": 1, "unsupported extension": 1})
    );
    assert_eq!(v["skipped_records"], serde_json::json!({"invalid JSON": 1}));
    assert_eq!(
        v["warnings"],
        serde_json::json!({"impossible time, kept the day": 1, "not UTF-8, encoding guessed": 1, "unparsable date": 3})
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("none.json: skipped file: no articles: the file holds no article"),
        "{err}"
    );
    assert!(
        err.contains(
            "old.txt:2: warning: unparsable date: 1 April 1899 (only years 1900–2100 are read)"
        ),
        "{err}"
    );
    assert!(
        err.contains("lines.jsonl:2: skipped record: invalid JSON"),
        "{err}"
    );
    assert!(
        err.contains("binary.txt: skipped file: binary file"),
        "{err}"
    );

    let hits = dateline_ok(
        &[
            "search", "", "--index", &index, "--jsonl", "--sort", "oldest",
        ],
        0,
    );
    let dates: Vec<_> = json_lines(&hits)
        .iter()
        .map(|h| h["date"].clone())
        .collect();
    assert_eq!(dates[0], "1987-03-31T00:00:00Z");
    // The Latin-1 file was read as such, not with replacement characters.
    let cafe = dateline_ok(&["search", "café", "--index", &index, "--jsonl"], 0);
    assert_eq!(json_lines(&cafe)[0]["title"], "Café reopens");
    assert!(
        err.contains("latin1.txt: warning: not UTF-8, encoding guessed: windows-1252"),
        "{err}"
    );
}

#[test]
fn eval_reads_its_data_from_the_shared_folder_by_default() {
    for (what, path) in [
        ("ner", "/nowhere/corpora/conll2003-en/eng.testa"),
        ("html", "/nowhere/corpora/article-extraction-benchmark"),
        ("dates", "/nowhere/corpora/htmldate-eval"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["eval", what])
            .env("DATELINE_SHARED", "/nowhere")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("dateline: ") && err.contains(path),
            "{what}: {err}"
        );
    }
}

#[test]
fn the_index_folder_as_input_is_named_as_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Port reopens\nShips sailed.").unwrap();
    let same = dir.path().display().to_string();
    let out = dateline(&["index", &same, "--index", &same]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is inside the index folder"), "{err}");
    assert!(err.contains("--index"), "{err}");
}

#[test]
fn other_formats_or_another_index_alone_are_nothing_to_index() {
    let (dir, other) = folder_with(
        "other",
        &[("a.pdf", "%PDF-1.4"), ("README.md", "About this folder")],
    );
    let idx = dir.path().join("idx");
    let out = dateline(&[
        "index",
        other.to_str().unwrap(),
        "--index",
        idx.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no supported files")
            && err.contains("1 with another extension, 1 documentation"),
        "{err}"
    );
    assert!(!idx.exists(), "no index is created");

    // An archive holding an old index: the index is skipped, the article indexed.
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    std::fs::write(
        archive.join("a.txt"),
        "Port reopens\nShips sailed from Oslo.",
    )
    .unwrap();
    let old = archive.join("old-index");
    dateline_ok(
        &[
            "index",
            archive.join("a.txt").to_str().unwrap(),
            "--index",
            old.to_str().unwrap(),
        ],
        0,
    );
    let json = dateline_ok(
        &[
            "index",
            archive.to_str().unwrap(),
            "--index",
            idx.to_str().unwrap(),
            "--json",
        ],
        0,
    );
    let report: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(report["articles_indexed"], 1);
    assert_eq!(report["skipped_files"]["index folder"], 1);

    // The index alone, as input.
    let out = dateline(&[
        "index",
        old.to_str().unwrap(),
        "--index",
        dir.path().join("idx2").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a dateline (Tantivy) index"), "{err}");
}

/// `dateline index DIR 2>&1 >/dev/null | head -1`: once the reader of the warnings is gone,
/// the run goes on and commits (it panicked on the next warning and committed nothing).
#[test]
fn a_closed_stderr_does_not_stop_a_run() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        news.join("good.txt"),
        "Port reopens\nThe port in Porto reopened.",
    )
    .unwrap();
    for i in 0..50 {
        std::fs::write(
            news.join(format!("bin{i}.txt")),
            b"\x89PNG\r\n\x1a\n\x00\x00",
        )
        .unwrap();
    }
    let index = dir.path().join("idx").display().to_string();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["index", &news.display().to_string(), "--index", &index])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let out = dateline_ok(&["search", "porto", "--index", &index], 0);
    assert!(out.contains("Port reopens"), "{out}");
}
