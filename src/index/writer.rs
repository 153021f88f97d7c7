//! `dateline index`: walk, parse on all cores, upsert into the index, summarize.

use super::{open_or_create, IndexError};
use crate::ingest::{self, Cost, Problem};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tantivy::indexer::UserOperation;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// How to index.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Memory the Tantivy writer may use before it flushes a segment, all threads together.
    /// Each writer thread gets its share, raised to Tantivy's floor of 15 MB or lowered to
    /// its ceiling of about 4 GB ([`writer_budget`]).
    pub memory_budget_bytes: usize,
    /// Parser and writer threads; 0 means one per core.
    pub threads: usize,
    /// Commit after roughly this many articles, so an interrupted run keeps its work.
    pub commit_every: usize,
    /// Run entity and date extraction on the text (off only to measure its cost).
    pub extract: bool,
    /// Set from outside (the CLI's Ctrl-C handler) to stop early: no new file, or window of
    /// a file's records (`extract::LINK_WINDOW`), is read; what was read is committed, and
    /// [`IndexReport::interrupted`] is set if anything was left unread.
    pub stop: Option<Arc<AtomicBool>>,
}

/// The writer budget for `threads` writer threads that Tantivy accepts closest to `bytes`:
/// each thread's share must lie in 15,000,000 ..= u32::MAX − 1,000,000 bytes (Tantivy 0.27,
/// `MEMORY_BUDGET_NUM_BYTES_MIN`/`_MAX`, which it does not export).
pub fn writer_budget(bytes: usize, threads: usize) -> usize {
    const MIN: usize = 15_000_000;
    const MAX: usize = u32::MAX as usize - 1_000_000 - 1;
    let threads = threads.max(1);
    (bytes / threads).clamp(MIN, MAX) * threads
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            memory_budget_bytes: 256 << 20,
            threads: 0,
            commit_every: 50_000,
            extract: true,
            stop: None,
        }
    }
}

/// Receives progress while indexing runs; every method has a do-nothing default.
pub trait Observer: Sync {
    /// The walk found `files` files to parse.
    fn files_found(&self, _files: usize) {}
    /// One file was parsed and its articles handed to the writer.
    fn file_done(&self, _bytes: u64) {}
    /// `articles` more articles were handed to the writer: a whole file's, or one window
    /// of [`crate::extract::LINK_WINDOW`] records of a long one, so progress moves within it.
    fn articles_written(&self, _articles: usize) {}
    /// Something in the input was skipped or repaired.
    fn problem(&self, _problem: &Problem) {}
}

impl Observer for () {}

/// The end-of-run summary, as printed by `dateline index` (`--json` prints this object).
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexReport {
    /// Index folder.
    pub index: String,
    /// Every file found under the input paths, supported or not.
    pub files_seen: usize,
    /// Files that gave at least one article, all of whose articles were written.
    pub files_indexed: usize,
    /// Files a stop ([`IndexOptions::stop`]) cut short: some of their articles were written,
    /// the rest wait for the next run. Not counted in `files_indexed`.
    pub files_read_in_part: usize,
    /// Files a stop left unread, or read with none of their articles written: the next run
    /// reads them.
    pub files_unread: usize,
    /// Articles written in this run (new or replaced).
    pub articles_indexed: usize,
    /// Documents in the index after the run.
    pub documents_in_index: u64,
    /// Named paths, folders below them or files that could not be read (a missing path,
    /// no permission): the CLI exits 2 when this is not zero, as ripgrep does.
    pub paths_unreadable: usize,
    /// Files that gave nothing, by reason (`unsupported extension`, `binary file`, ...).
    pub skipped_files: BTreeMap<String, usize>,
    /// Records or lines that gave nothing, by reason.
    pub skipped_records: BTreeMap<String, usize>,
    /// Articles kept with a repaired or dropped value, by reason.
    pub warnings: BTreeMap<String, usize>,
    /// Bytes read from disk.
    pub bytes_read: u64,
    /// Wall-clock seconds for the whole run, commit included.
    pub seconds: f64,
    /// Megabytes (10^6 bytes) read per second.
    pub mb_per_s: f64,
    /// Articles written per second.
    pub articles_per_s: f64,
    /// The run was stopped early ([`IndexOptions::stop`]): the index holds what was read
    /// before the stop, and running again completes it.
    pub interrupted: bool,
}

#[derive(Default)]
struct Tally {
    articles: usize,
    files_indexed: usize,
    files_read_in_part: usize,
    files_unread: usize,
    bytes: u64,
    problems: Vec<Problem>,
}

/// Indexes every supported file under `roots` into the index at `index_dir` (created when
/// missing). Articles whose id is already in the index are replaced.
///
/// # Errors
/// Only for the index itself ([`IndexError::Locked`] when another process is writing it,
/// schema mismatch, I/O). Bad input files never fail the run; they are counted in the report
/// and passed to `observer`.
pub fn build(
    roots: &[PathBuf],
    index_dir: &Path,
    opts: &IndexOptions,
    observer: &dyn Observer,
) -> Result<IndexReport, IndexError> {
    let started = Instant::now();
    let known = load_roots(index_dir)?;
    let walked = ingest::walk(roots, Some(index_dir), &known);
    if walked.files.is_empty() {
        let why: Vec<String> = walked
            .errors
            .iter()
            .map(|(p, why)| format!("{}: {why}", p.display()))
            .collect();
        // Files inside the index folder are never read as articles.
        let inside_index = |r: &PathBuf| {
            let (r, i) = (r.canonicalize().ok(), index_dir.canonicalize().ok());
            r.zip(i).is_some_and(|(r, i)| r.starts_with(i))
        };
        return Err(IndexError::NoInput(if !why.is_empty() {
            why.join("; ")
        } else if let Some(root) = roots.iter().find(|r| inside_index(r)) {
            format!(
                "{} is inside the index folder {}, whose files are never read as articles; \
                 choose another index folder (--index)",
                root.display(),
                index_dir.display()
            )
        } else if let Some(found) = walked.indexes.first() {
            format!(
                "{} is a dateline (Tantivy) index, not a folder of articles; search it with \
                 --index",
                found.display()
            )
        } else if !walked.unsupported.is_empty() || !walked.documentation.is_empty() {
            let found: Vec<String> = [
                (walked.unsupported.len(), "with another extension"),
                (walked.documentation.len(), "documentation"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
            format!(
                "no supported files in the given paths (files: {}); see `dateline index --help` \
                 for the formats read",
                found.join(", ")
            )
        } else {
            "no files in the given paths".into()
        }));
    }
    if opts.extract {
        crate::extract::preload();
    }
    let (index, fields) = open_or_create(index_dir)?;
    // Each thread costs its stack and buffers: `--threads 10000` took 2 GB for 20 articles.
    let threads = if opts.threads == 0 {
        num_cores()
    } else {
        opts.threads.min(MAX_THREADS)
    };
    let tantivy_err = |e| IndexError::from_tantivy(index_dir, e);
    let writer_threads = threads.min(8);
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(
            writer_threads,
            writer_budget(opts.memory_budget_bytes, writer_threads),
        )
        .map_err(tantivy_err)?;
    let mut report = IndexReport {
        index: index_dir.display().to_string(),
        paths_unreadable: walked.errors.len(),
        files_seen: walked.files.len() + walked.unsupported.len() + walked.documentation.len(),
        ..IndexReport::default()
    };
    if !walked.unsupported.is_empty() {
        report
            .skipped_files
            .insert("unsupported extension".into(), walked.unsupported.len());
    }
    if !walked.documentation.is_empty() {
        report
            .skipped_files
            .insert("documentation file".into(), walked.documentation.len());
    }
    if !walked.indexes.is_empty() {
        report
            .skipped_files
            .insert("index folder".into(), walked.indexes.len());
    }
    for (path, why) in &walked.errors {
        // A missing or locked path may be a folder: counted apart from unreadable files.
        let p = Problem::file(
            &path.display().to_string(),
            Cost::SkippedPath,
            "unreadable path",
            why.clone(),
        );
        observer.problem(&p);
        count(&mut report, &p);
    }
    observer.files_found(walked.files.len());

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .ok();
    let mut since_commit = 0;
    let failure: Mutex<Option<tantivy::TantivyError>> = Mutex::new(None);
    // One batch at a time: `run` takes its opstamps and queues its deletes in two steps, and
    // Tantivy assumes its delete queue is in opstamp order (it stops reading a segment's
    // deletes at the first later one, and at commit applies what is left to every document).
    // Interleaved batches broke that and lost whole new segments at commit.
    let run_lock = Mutex::new(());
    // Whether a stop left a file or window unread: a Ctrl-C during the final commit, with
    // everything read, interrupts nothing.
    let cut_short = AtomicBool::new(false);
    let stopped = || {
        let stop = opts
            .stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed));
        if stop {
            cut_short.store(true, Ordering::Relaxed);
        }
        stop
    };
    const CHUNK: usize = 256;
    for (k, chunk) in walked.files.chunks(CHUNK).enumerate() {
        if stopped() {
            report.files_unread += walked.files.len() - k * CHUNK;
            break;
        }
        let work = || {
            chunk
                .par_iter()
                .map(|file| {
                    if stopped() {
                        return Tally {
                            files_unread: 1,
                            ..Tally::default()
                        };
                    }
                    let outcome = ingest::read_file(file);
                    let mut t = Tally {
                        bytes: outcome.bytes_read,
                        ..Tally::default()
                    };
                    let gave_articles = !outcome.articles.is_empty();
                    let mut cut = false;
                    let mut ops = Vec::with_capacity(2 * outcome.articles.len().min(BATCH));
                    let mut send = |ops: &mut Vec<UserOperation>| {
                        let added = ops.len() / 2;
                        let ran = {
                            let _one_at_a_time = run_lock.lock().unwrap_or_else(|p| p.into_inner());
                            writer.run(std::mem::take(ops))
                        };
                        match ran {
                            Ok(_) => t.articles += added,
                            Err(e) => {
                                failure
                                    .lock()
                                    .unwrap_or_else(|p| p.into_inner())
                                    .get_or_insert(e);
                            }
                        }
                    };
                    let mut articles = outcome.articles;
                    let mut problems = outcome.problems;
                    // A file of many records goes in windows of the extractor's own linking
                    // window, so a stop keeps the windows before it.
                    for window in articles.chunks_mut(crate::extract::LINK_WINDOW) {
                        if stopped() {
                            // The next run reads the file again; its articles are upserted
                            // by id, so it completes the file without duplicates.
                            cut = true;
                            break;
                        }
                        let extras = if opts.extract {
                            crate::extract::enrich_file(window, &mut problems)
                        } else {
                            vec![Vec::new(); window.len()]
                        };
                        for (article, extra_places) in window.iter().zip(&extras) {
                            let doc = super::document::to_document(&fields, article, extra_places);
                            ops.push(UserOperation::Delete(Term::from_field_text(
                                fields.id,
                                &article.id,
                            )));
                            ops.push(UserOperation::Add(doc));
                            if ops.len() >= 2 * BATCH {
                                send(&mut ops);
                            }
                        }
                        if !ops.is_empty() {
                            send(&mut ops);
                        }
                        observer.articles_written(window.len());
                    }
                    match (gave_articles, cut, t.articles > 0) {
                        (true, false, _) => t.files_indexed = 1,
                        (true, true, true) => t.files_read_in_part = 1,
                        (true, true, false) => t.files_unread = 1,
                        (false, ..) => {}
                    }
                    for p in &problems {
                        observer.problem(p);
                    }
                    t.problems = problems;
                    observer.file_done(t.bytes);
                    t
                })
                .reduce(Tally::default, |mut a, b| {
                    a.articles += b.articles;
                    a.files_indexed += b.files_indexed;
                    a.files_read_in_part += b.files_read_in_part;
                    a.files_unread += b.files_unread;
                    a.bytes += b.bytes;
                    a.problems.extend(b.problems);
                    a
                })
        };
        let tally = match &pool {
            Some(pool) => pool.install(work),
            None => work(),
        };
        if let Some(e) = failure.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return Err(tantivy_err(e));
        }
        report.articles_indexed += tally.articles;
        report.files_indexed += tally.files_indexed;
        report.files_read_in_part += tally.files_read_in_part;
        report.files_unread += tally.files_unread;
        report.bytes_read += tally.bytes;
        for p in &tally.problems {
            count(&mut report, p);
        }
        since_commit += tally.articles;
        if since_commit >= opts.commit_every {
            writer.commit().map_err(tantivy_err)?;
            share_like_segments(index_dir);
            since_commit = 0;
        }
    }
    report.interrupted = cut_short.load(Ordering::Relaxed);
    writer.commit().map_err(tantivy_err)?;
    writer.wait_merging_threads().map_err(tantivy_err)?;
    share_like_segments(index_dir);
    // A first run stopped before it wrote anything leaves no roots file, by which a search
    // tells it from a finished run whose files held no article.
    let stopped_empty = report.interrupted && report.articles_indexed == 0 && known.is_empty();
    if !walked.new_roots.is_empty() && !stopped_empty {
        let all: Vec<&ingest::walk::Root> = known.iter().chain(&walked.new_roots).collect();
        let json = serde_json::to_vec_pretty(&all).unwrap_or_default();
        std::fs::write(index_dir.join(ROOTS_FILE), json).map_err(|source| IndexError::Io {
            path: index_dir.join(ROOTS_FILE),
            source,
        })?;
    }
    let reader = index.reader().map_err(tantivy_err)?;
    report.documents_in_index = reader.searcher().num_docs();
    report.seconds = started.elapsed().as_secs_f64();
    let secs = report.seconds.max(1e-9);
    report.mb_per_s = report.bytes_read as f64 / 1e6 / secs;
    report.articles_per_s = report.articles_indexed as f64 / secs;
    Ok(report)
}

/// Articles handed to the Tantivy writer at once (each as a delete of its id, then an add).
/// One article at a time wakes an indexing thread per article, which on a 2-core machine
/// preempts the thread extracting the next one: with batches, Reuters-21578 indexes with
/// extraction ~10 % faster and with half the context switches; without extraction, the same.
const BATCH: usize = 256;

/// Where an index remembers the folders it was built from, so that ids stay the same when a
/// later run names a file or subfolder of one of them.
pub const ROOTS_FILE: &str = "dateline-roots.json";

/// The roots an index remembers; none for a new index. A file that cannot be read is an
/// error, not "no roots": ids of a second folder of a known name would then collide with the
/// first's, whose articles it would replace.
pub(crate) fn load_roots(index_dir: &Path) -> Result<Vec<ingest::walk::Root>, IndexError> {
    if !index_dir.is_dir() {
        // No index yet, or a file named as one (reported as such when opening it).
        return Ok(Vec::new());
    }
    let path = index_dir.join(ROOTS_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(IndexError::Io { path, source }),
    };
    serde_json::from_slice(&bytes).map_err(|e| IndexError::Io {
        source: std::io::Error::other(format!(
            "unreadable ({e}); restore it, or delete the index folder and index again"
        )),
        path,
    })
}

fn count(report: &mut IndexReport, p: &Problem) {
    // A file the OS would not let us read is an unreadable path (exit 2, as in ripgrep), not
    // a bad file.
    if p.reason == ingest::problem::UNREADABLE {
        report.paths_unreadable += 1;
    }
    let map = match p.cost {
        Cost::SkippedFile | Cost::SkippedPath => &mut report.skipped_files,
        Cost::SkippedRecord => &mut report.skipped_records,
        Cost::Warning => &mut report.warnings,
    };
    *map.entry(p.reason.to_string()).or_default() += 1;
}

/// Tantivy writes `meta.json` and `.managed.json` through a temporary file, which is created
/// readable by its owner only (mode 0600) whatever the umask; every other file of the index is
/// created as the umask says. Giving these two the mode of a segment file lets the users who
/// may read the rest of the index (a shared or cron-built one) search it. Best effort: a
/// failure leaves the owner's access as it was.
fn share_like_segments(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let segment_mode = entries.filter_map(Result::ok).find_map(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let is_segment_file = !name.starts_with('.') && name.ends_with(".store");
            let meta = e.metadata().ok()?;
            (is_segment_file && meta.is_file()).then(|| meta.permissions().mode() & 0o777)
        });
        if let Some(mode) = segment_mode {
            for name in ["meta.json", ".managed.json"] {
                let _ =
                    std::fs::set_permissions(dir.join(name), std::fs::Permissions::from_mode(mode));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Most parser threads a run starts, whatever `--threads` asks.
const MAX_THREADS: usize = 64;

fn num_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_budget_fits_tantivy_limits_per_thread() {
        assert_eq!(writer_budget(256 << 20, 2), 256 << 20);
        assert_eq!(writer_budget(1 << 20, 2), 30_000_000);
        assert_eq!(writer_budget(usize::MAX, 1), u32::MAX as usize - 1_000_001);
        assert_eq!(writer_budget(0, 0), 15_000_000);
    }

    #[test]
    fn a_file_the_os_refuses_counts_as_an_unreadable_path() {
        let mut report = IndexReport::default();
        for reason in [ingest::problem::UNREADABLE, "binary file"] {
            let p = Problem::file("a.txt", Cost::SkippedFile, reason, "");
            count(&mut report, &p);
        }
        assert_eq!(report.paths_unreadable, 1);
        assert_eq!(report.skipped_files.get("unreadable"), Some(&1));
        assert_eq!(report.skipped_files.get("binary file"), Some(&1));
    }

    #[test]
    fn upsert_keeps_one_copy_and_counts_problems() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("news");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::write(
            corpus.join("a.txt"),
            "Port reopens\nShips sailed into Lisbon.",
        )
        .unwrap();
        std::fs::write(corpus.join("b.jsonl"), "{\"title\":\"x\"}\nnot json\n").unwrap();
        std::fs::write(corpus.join("c.png"), [0u8, 1, 2]).unwrap();
        let index_dir = tmp.path().join("idx");
        let opts = IndexOptions {
            threads: 2,
            ..IndexOptions::default()
        };
        let r = build(std::slice::from_ref(&corpus), &index_dir, &opts, &()).unwrap();
        assert_eq!(r.files_seen, 3);
        assert_eq!(r.files_indexed, 2);
        assert_eq!(r.articles_indexed, 2);
        assert_eq!(r.documents_in_index, 2);
        assert_eq!(r.skipped_files.get("unsupported extension"), Some(&1));
        assert_eq!(r.skipped_records.get("invalid JSON"), Some(&1));
        let again = build(&[corpus], &index_dir, &opts, &()).unwrap();
        assert_eq!(again.articles_indexed, 2);
        assert_eq!(again.documents_in_index, 2);
    }

    /// A temp folder holding folder `news` of `n` one-line reports, and that folder's path.
    fn reports(n: usize) -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("news");
        std::fs::create_dir_all(&corpus).unwrap();
        for i in 0..n {
            let text = format!("Report {i}\nShips sailed into port number {i}.");
            std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
        }
        (tmp, corpus)
    }

    /// Files indexed by several threads at once all reach the index. Tantivy applies the
    /// deletes of an upsert in the order they were queued and assumes that is opstamp order;
    /// two threads' batches used to interleave, and a later commit then deleted a whole new
    /// segment (1 run in 10 lost one of two files).
    #[test]
    fn parallel_files_are_all_kept() {
        let (tmp, corpus) = reports(48);
        let opts = IndexOptions {
            threads: 4,
            extract: false,
            ..IndexOptions::default()
        };
        for round in 0..12 {
            let index_dir = tmp.path().join(format!("idx{round}"));
            let r = build(std::slice::from_ref(&corpus), &index_dir, &opts, &()).unwrap();
            assert_eq!(r.articles_indexed, 48);
            assert_eq!(r.documents_in_index, 48, "round {round}");
        }
    }

    /// When [`StopAt`] sets the stop flag.
    #[derive(PartialEq)]
    enum Moment {
        /// As soon as the files are found, before any is read.
        FilesFound,
        /// Once the first file is done.
        FileDone,
        /// Once the first window of articles is written.
        WindowWritten,
    }

    /// Sets the stop flag at one moment of a run, as a Ctrl-C would.
    struct StopAt(Arc<AtomicBool>, Moment);

    impl StopAt {
        fn at(&self, now: Moment) {
            if self.1 == now {
                self.0.store(true, Ordering::Relaxed);
            }
        }
    }

    impl Observer for StopAt {
        fn files_found(&self, _files: usize) {
            self.at(Moment::FilesFound);
        }
        fn file_done(&self, _bytes: u64) {
            self.at(Moment::FileDone);
        }
        fn articles_written(&self, _articles: usize) {
            self.at(Moment::WindowWritten);
        }
    }

    /// One writer thread, no extraction, and a stop flag that a [`StopAt`] at `moment` sets.
    fn stopping(moment: Moment) -> (IndexOptions, StopAt) {
        let stop = Arc::new(AtomicBool::new(false));
        let opts = IndexOptions {
            threads: 1,
            extract: false,
            stop: Some(Arc::clone(&stop)),
            ..IndexOptions::default()
        };
        (opts, StopAt(stop, moment))
    }

    #[test]
    fn a_stopped_run_commits_what_it_read_and_the_next_completes_it() {
        let (tmp, corpus) = reports(5);
        let index_dir = tmp.path().join("idx");
        let (opts, stopper) = stopping(Moment::FileDone);
        let r = build(std::slice::from_ref(&corpus), &index_dir, &opts, &stopper).unwrap();
        assert!(r.interrupted);
        assert_eq!((r.articles_indexed, r.documents_in_index), (1, 1));
        assert_eq!((r.files_indexed, r.files_unread), (1, 4));
        let opts = IndexOptions { stop: None, ..opts };
        let again = build(&[corpus], &index_dir, &opts, &()).unwrap();
        assert!(!again.interrupted);
        assert_eq!((again.articles_indexed, again.documents_in_index), (5, 5));
    }

    /// A first run stopped before it wrote an article counts every file as unread and leaves
    /// the index as one whose first run stopped, not one whose files held nothing.
    #[test]
    fn a_first_run_stopped_at_once_reads_nothing_and_says_so() {
        let (tmp, corpus) = reports(3);
        let index_dir = tmp.path().join("idx");
        let (opts, stopper) = stopping(Moment::FilesFound);
        let at = std::slice::from_ref(&corpus);
        let r = build(at, &index_dir, &opts, &stopper).unwrap();
        assert!(r.interrupted);
        assert_eq!(
            (r.files_indexed, r.files_unread, r.documents_in_index),
            (0, 3, 0)
        );
        assert!(!index_dir.join(ROOTS_FILE).exists());
        let again = build(at, &index_dir, &IndexOptions { stop: None, ..opts }, &()).unwrap();
        assert_eq!(again.documents_in_index, 3);
        assert!(index_dir.join(ROOTS_FILE).exists());
    }

    /// A stop inside a long file keeps its first window and counts the file as read in part,
    /// not as indexed; the next run completes it.
    #[test]
    fn a_file_stopped_partway_is_read_in_part() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("feed.jsonl");
        let records = crate::extract::LINK_WINDOW + 3;
        let lines: String = (0..records)
            .map(|i| format!("{{\"id\":\"r{i}\",\"title\":\"Port {i}\",\"text\":\"Ships.\"}}\n"))
            .collect();
        std::fs::write(&file, lines).unwrap();
        let index_dir = tmp.path().join("idx");
        let (opts, stopper) = stopping(Moment::WindowWritten);
        let at = std::slice::from_ref(&file);
        let r = build(at, &index_dir, &opts, &stopper).unwrap();
        assert!(r.interrupted);
        assert_eq!((r.files_indexed, r.files_read_in_part), (0, 1));
        assert_eq!(r.files_unread, 0);
        assert_eq!(r.articles_indexed, crate::extract::LINK_WINDOW);
        let opts = IndexOptions { stop: None, ..opts };
        let again = build(at, &index_dir, &opts, &()).unwrap();
        assert_eq!((again.files_indexed, again.files_read_in_part), (1, 0));
        assert_eq!(again.documents_in_index, records as u64);
    }

    #[test]
    fn second_writer_gets_locked_error() {
        let tmp = tempfile::tempdir().unwrap();
        let (index, _) = open_or_create(tmp.path()).unwrap();
        let _held: IndexWriter<TantivyDocument> = index.writer(50_000_000).unwrap();
        let input = tempfile::tempdir().unwrap();
        let file = input.path().join("a.txt");
        std::fs::write(&file, "Rain\n\nIt rained.").unwrap();
        let err = build(&[file], tmp.path(), &IndexOptions::default(), &()).unwrap_err();
        assert!(matches!(err, IndexError::Locked(_)), "{err}");
        assert_eq!(
            err.to_string(),
            format!(
                "index {} is being written by another process",
                tmp.path().display()
            )
        );
    }
}
