//! Carrying out a parsed command: calls into the library, prints, and picks the exit code
//! (0 hits or success, 1 no hits, 2 error).

use super::args::{Cli, ColorChoice, Command, EvalCommand, SearchArgs, TrainCommand};
use anyhow::Context;
use dateline::{index, ingest, output, search};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The error and its causes on one line, each cause once: library errors often already quote
/// their source in their own message ("PATH: No such file…"), which `{:#}` would repeat.
pub fn error_message(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
    }
    line
}

/// Prints `msg` to stderr after "dateline: ", on one line and without the control characters
/// a file name or an article may carry (`output::safe`).
/// A closed stderr (`dateline index ... 2>&1 >/dev/null | head -1`) is ignored: `eprintln!`
/// panicked there and took the whole run down before it committed anything.
pub fn say(msg: impl std::fmt::Display) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "dateline: {}",
        output::safe::line(&msg.to_string())
    );
}

/// True when writing the output failed because the reader went away (`| head`): not an error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Standard output whose write errors name it: "No space left on device" alone did not say
/// which stream failed (`dateline search yen > /dev/full`). The error's kind is kept, so a
/// closed pipe still ends the run quietly ([`is_broken_pipe`]).
struct Stdout(std::io::StdoutLock<'static>);

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf).map_err(writing_stdout)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(writing_stdout)
    }
}

/// A flag that the first Ctrl-C sets, so indexing stops reading and commits what it read;
/// a second Ctrl-C quits at once (exit 130), losing what was not committed. If the handler
/// cannot be installed, Ctrl-C keeps its default effect and the flag is never set.
fn stop_on_ctrl_c() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::Relaxed) {
            std::process::exit(130);
        }
        say("stopping: committing the articles read so far (Ctrl-C again quits at once)");
    });
    stop
}

fn writing_stdout(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("writing to standard output: {e}"))
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut stdout = Stdout(std::io::stdout().lock());
    match cli.command {
        Command::Index {
            paths,
            index: dir,
            json,
            memory_mb,
            threads,
            no_extract,
            quiet,
        } => {
            let opts = index::IndexOptions {
                memory_budget_bytes: memory_mb.saturating_mul(1 << 20),
                threads: usize::from(threads),
                extract: !no_extract,
                stop: Some(stop_on_ctrl_c()),
                ..index::IndexOptions::default()
            };
            let progress = Progress::new(quiet);
            let report = index::build(&paths, &dir, &opts, &progress)?;
            progress.bar.finish_and_clear();
            if json {
                writeln!(stdout, "{}", serde_json::to_string(&report)?)?;
            } else {
                writeln!(stdout, "{}", output::text::index_summary(&report))?;
            }
            if report.interrupted {
                say(format!(
                    "interrupted: the index keeps the {} articles read before the stop; run the \
                     same command again to complete it (it reads every file again and \
                     replaces what is there, without duplicates)",
                    report.articles_indexed
                ));
                // 128 + SIGINT, as a shell reports a command that Ctrl-C ended.
                return Ok(ExitCode::from(130));
            }
            Ok(if report.paths_unreadable > 0 {
                ExitCode::from(2)
            } else if report.documents_in_index == 0 {
                // Nothing to search: as `extract` and `search` say 1 when they find nothing.
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Search(args) => search_command(args, &mut stdout),
        Command::Eval(EvalCommand::Html { zyte, json }) => {
            let zyte = zyte.unwrap_or_else(|| {
                dateline::eval::shared_root().join("corpora/article-extraction-benchmark")
            });
            let r = dateline::eval::evaluate_zyte(&zyte)?;
            if json {
                writeln!(stdout, "{}", serde_json::to_string(&r)?)?;
            } else {
                let per_s = r.pages as f64 / r.parse_seconds.max(1e-9);
                writeln!(
                    stdout,
                    "{} pages: precision {:.4}, recall {:.4}, F1 {:.4} ({per_s:.0} pages/s)",
                    r.pages, r.precision, r.recall, r.f1
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Dates { htmldate, json }) => {
            let htmldate = htmldate
                .unwrap_or_else(|| dateline::eval::shared_root().join("corpora/htmldate-eval"));
            let r = dateline::eval::evaluate_htmldate(&htmldate)?;
            if json {
                writeln!(stdout, "{}", serde_json::to_string(&r)?)?;
            } else {
                writeln!(
                    stdout,
                    "{} pages: correct {:.1} %, wrong {:.1} %, missing {:.1} % ({:.0} pages/s)\n\
                     on the UTC day the index stores and filters on: correct {:.1} %, wrong {:.1} %",
                    r.pages,
                    r.correct * 100.0,
                    r.wrong * 100.0,
                    r.missing * 100.0,
                    r.pages_per_sec,
                    r.correct_utc_day * 100.0,
                    (1.0 - r.correct_utc_day - r.missing).max(0.0) * 100.0,
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Ner { conll, json }) => {
            let conll = conll.unwrap_or_else(|| {
                dateline::eval::shared_root().join("corpora/conll2003-en/eng.testa")
            });
            let r = dateline::eval::evaluate_conll(
                dateline::extract::ner::Recognizer::try_embedded()?,
                &conll,
            )?;
            if json {
                writeln!(stdout, "{}", serde_json::to_string(&r)?)?;
            } else {
                writeln!(stdout, "{r}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Train(TrainCommand::Ner { shared, out, dev }) => {
            let shared = shared.unwrap_or_else(dateline::eval::shared_root);
            let opts = dateline::extract::ner::TrainOptions {
                dev,
                ..Default::default()
            };
            let (bytes, report) = dateline::extract::ner::train(&shared, &opts)?;
            std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
            eprintln!("{}", serde_json::to_string(&report)?);
            writeln!(stdout, "wrote {} ({} bytes)", out.display(), bytes.len())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Train(TrainCommand::Gazetteer { shared, out }) => {
            let shared = shared.unwrap_or_else(dateline::eval::shared_root);
            let bytes = dateline::extract::gazetteer::build_to_file(&shared, &out)?;
            writeln!(
                stdout,
                "wrote {} ({bytes} bytes) from {}",
                out.display(),
                shared.join("corpora/geonames").display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            id,
            index: dir,
            json,
        } => match search::show(&dir, &id)? {
            search::Shown::Article(article) => {
                if json {
                    writeln!(stdout, "{}", serde_json::to_string(&article)?)?;
                } else {
                    write!(stdout, "{}", output::text::article(&article))?;
                }
                Ok(ExitCode::SUCCESS)
            }
            search::Shown::Several(ids, n) => {
                let more = if n > ids.len() { ", …" } else { "" };
                say(format_args!(
                    "{id} holds {n} articles in {}; show one by its id: {}{more}",
                    dir.display(),
                    ids.join(", ")
                ));
                Ok(ExitCode::from(1))
            }
            search::Shown::NotIndexed => {
                say(format_args!(
                    "{id} is a file, but {} holds no article from it (it was skipped or never \
                     indexed): `dateline index {id} --index {}` adds it",
                    dir.display(),
                    dir.display()
                ));
                Ok(ExitCode::from(1))
            }
            search::Shown::Missing => {
                say(format_args!(
                    "no article with id {id:?} in {}; ids are the folder's name and the path \
                     inside it, as `dateline search` prints them (bbc-news/business/129.txt, \
                     archive.sgm#12), or give the file's own path",
                    dir.display()
                ));
                Ok(ExitCode::from(1))
            }
        },
        Command::Extract { paths, no_extract } => {
            let walked = ingest::walk(&paths, None, &[]);
            for (path, why) in &walked.errors {
                say(format_args!("{}: {why}", path.display()));
            }
            for path in &walked.indexes {
                say(format_args!(
                    "{}: a dateline index, not articles; skipped",
                    path.display()
                ));
            }
            let mut printed = 0usize;
            let mut unreadable = 0usize;
            for file in &walked.files {
                let outcome = ingest::read_file(file);
                for p in &outcome.problems {
                    say(p);
                    unreadable += usize::from(p.reason == ingest::problem::UNREADABLE);
                }
                let mut articles = outcome.articles;
                if !no_extract {
                    let mut problems = Vec::new();
                    dateline::extract::enrich_file(&mut articles, &mut problems);
                    for p in &problems {
                        say(p);
                    }
                }
                for article in &articles {
                    writeln!(stdout, "{}", serde_json::to_string(article)?)?;
                    printed += 1;
                }
            }
            if walked.files.is_empty() {
                say("no supported files in the given paths");
            } else if printed == 0 {
                say("no articles in the given files");
            }
            // As search: 0 with output, 1 without, 2 when a path could not be read.
            Ok(if !walked.errors.is_empty() || unreadable > 0 {
                ExitCode::from(2)
            } else if printed == 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

fn search_command(args: SearchArgs, stdout: &mut impl Write) -> anyhow::Result<ExitCode> {
    let period =
        |flag: &str, v: &Option<String>| -> anyhow::Result<Option<search::period::Period>> {
            v.as_deref()
                .map(|s| {
                    search::period::parse_period(s).ok_or_else(|| {
                        anyhow::Error::new(search::SearchError::BadDate {
                            what: flag.into(),
                            value: s.into(),
                        })
                    })
                })
                .transpose()
        };
    let req = search::SearchRequest {
        query: args.query,
        filters: search::Filters {
            people: args.person,
            places: args.place,
            orgs: args.org,
            since: period("--since", &args.since)?,
            until: period("--until", &args.until)?,
        },
        sort: args.sort,
        limit: args.limit,
        offset: args.offset,
        facets: match (args.facets, args.facet_limit) {
            (_, Some(n)) => n,
            (true, None) => 10,
            (false, None) => 0,
        },
    };
    let results = search::run(&args.index, &req)?;
    if args.json {
        writeln!(stdout, "{}", output::json::results(&results))?;
    } else if args.jsonl {
        write!(stdout, "{}", output::json::hit_lines(&results))?;
    } else {
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        write!(stdout, "{}", output::text::results(&results, color))?;
    }
    stdout.flush()?;
    Ok(if results.total_hits > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Progress on stderr while indexing (drawn only when stderr is a terminal), and one line per
/// input problem.
struct Progress {
    bar: indicatif::ProgressBar,
    quiet: bool,
    articles: std::sync::atomic::AtomicUsize,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos}/{len} files, {msg} articles {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message("0");
        Progress {
            bar,
            quiet,
            articles: Default::default(),
        }
    }
}

impl index::Observer for Progress {
    fn files_found(&self, files: usize) {
        self.bar.set_length(files as u64);
    }
    fn file_done(&self, _bytes: u64) {
        self.bar.inc(1);
    }
    fn articles_written(&self, articles: usize) {
        use std::sync::atomic::Ordering;
        let n = self.articles.fetch_add(articles, Ordering::Relaxed) + articles;
        self.bar.set_message(n.to_string());
    }
    fn problem(&self, problem: &ingest::Problem) {
        if !self.quiet {
            self.bar.suspend(|| say(problem));
        }
    }
}
