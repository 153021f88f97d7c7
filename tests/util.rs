//! Helpers shared by the integration tests: running the binary, temp folders, ../shared.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the `dateline` binary built for this test run.
pub fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the dateline binary runs")
}

/// Like [`dateline`], asserting the exit code, and returning stdout.
#[track_caller]
pub fn dateline_ok(args: &[&str], code: i32) -> String {
    let out = dateline(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "dateline {args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// A temp folder holding a folder `name` with `files` (file name, contents): the guard, which
/// keeps it alive, and the inner folder's path.
pub fn folder_with(name: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join(name);
    std::fs::create_dir(&inner).unwrap();
    for (file, text) in files {
        std::fs::write(inner.join(file), text).unwrap();
    }
    (dir, inner)
}

/// The bundled sample corpus.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A fresh index of `corpus/` in a temp folder (kept alive by the returned guard).
pub fn corpus_index() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index").display().to_string();
    dateline_ok(
        &[
            "index",
            &corpus().display().to_string(),
            "--index",
            &index,
            "--quiet",
        ],
        0,
    );
    (dir, index)
}

/// `dateline::eval::shared_root()/what` (env `DATELINE_SHARED`, default `../shared`; tests run
/// in the checkout), or `None` after printing a SKIP line when it is absent.
pub fn shared(what: &str) -> Option<PathBuf> {
    let path = dateline::eval::shared_root().join(what);
    if path.exists() {
        Some(path)
    } else {
        // Straight to stderr: the test harness captures `println!`, and a SKIP must show.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIP: {} not found (set DATELINE_SHARED)",
            path.display()
        );
        None
    }
}

/// Parses each line of JSON Lines output.
pub fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The `id` of each JSON Lines hit.
pub fn ids(jsonl: &str) -> Vec<String> {
    json_lines(jsonl)
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}
