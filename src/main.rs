//! The `dateline` command line: argument parsing and dispatch. The work lives in the library.

use anyhow::Context;
use clap::{Parser, Subcommand};
use dateline::{index, ingest, output, search};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str =
    "Full-text search for news archives, with real fields for date, people and places.";

const SEARCH_EXAMPLES: &str = "\
Query language:
  cocoa exports              all words are required
  \"central bank\"             a phrase
  cocoa OR coffee            either word
  cocoa -brazil              exclude (also: cocoa NOT brazil)
  (cocoa OR coffee) ghana    grouping
  title:cocoa body:\"crop estimates\" person:volcker place:japan org:opec date:1987-03

Examples:
  dateline search cocoa
  dateline search 'interest rates' --place japan --since 1987-03 --until 1987-03
  dateline search trade --person reagan --sort newest --limit 5
  dateline search 'oil prices' --json | jq '.hits[].title'
  dateline search grain --facets

Exit status: 0 when there are hits, 1 when there are none, 2 on error.";

#[derive(Parser)]
#[command(name = "dateline", version, about = ABOUT)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index a folder of articles (txt, md, json, jsonl, Reuters .sgm; also .gz of these).
    #[command(
        after_help = "Examples:\n  dateline index                      # ./corpus into ./index\n  \
        dateline index ~/archive --index ~/archive.idx\n  dateline index a.jsonl b.sgm --json\n\n\
        Re-indexing the same files replaces their articles (upsert by id)."
    )]
    Index {
        /// Files or folders to index.
        #[arg(default_value = "corpus")]
        paths: Vec<PathBuf>,
        /// Index folder (created when missing).
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Print the summary as one JSON object.
        #[arg(long)]
        json: bool,
        /// Writer memory budget in MB.
        #[arg(long, default_value_t = 256)]
        memory_mb: usize,
        /// Worker threads (0 = one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Skip entity and date extraction from the text (metadata only).
        #[arg(long)]
        no_extract: bool,
        /// Do not print a line for each problem in the input (the summary still counts them).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Search the index and print ranked, highlighted hits.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Print one stored article in full.
    Show {
        /// Article id, as printed by search.
        id: String,
        /// Index folder.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure extraction against third-party gold data (see README: Evaluation).
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Regenerate a committed model file from the third-party data in ../shared.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Print the articles parsed from files as JSON Lines, exactly what the index would receive.
    Extract {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Skip extraction from the text (metadata only).
        #[arg(long)]
        no_extract: bool,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Article-body extraction on the Zyte benchmark: token-shingle precision, recall, F1.
    #[command(
        after_help = "Example:\n  dateline eval html --zyte ../shared/corpora/article-extraction-benchmark"
    )]
    Html {
        /// Benchmark folder (holds ground-truth.json and html/*.html.gz).
        #[arg(long, value_name = "DIR")]
        zyte: PathBuf,
        /// Print {"precision","recall","f1","pages"}.
        #[arg(long)]
        json: bool,
    },
    /// Publication dates on htmldate-eval: share of pages correct, wrong, missing.
    #[command(
        after_help = "Example:\n  dateline eval dates --htmldate ../shared/corpora/htmldate-eval"
    )]
    Dates {
        /// Evaluation folder (holds eval_default.json, eval/ and cache/).
        #[arg(long, value_name = "DIR")]
        htmldate: PathBuf,
        /// Print {"pages","correct","wrong","missing"} (fractions).
        #[arg(long)]
        json: bool,
    },
    /// The entity recognizer on CoNLL-2003 data: exact-span P/R/F1 per type, and tokens/s.
    #[command(
        after_help = "Example:\n  dateline eval ner --conll ../shared/corpora/conll2003-en/eng.testa"
    )]
    Ner {
        /// A CoNLL-2003 file (IOB tags in the last column).
        #[arg(long, value_name = "FILE")]
        conll: PathBuf,
        /// Print {"PER":{"precision","recall","f1","support"},…,"overall":{…},"tokens_per_s"}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Rebuild models/gazetteer.bin.gz from GeoNames (cities15000, countryInfo, admin1 codes).
    Gazetteer {
        /// Folder holding corpora/geonames (default: $DATELINE_SHARED or ../shared).
        #[arg(long, value_name = "DIR")]
        shared: Option<PathBuf>,
        /// Output file.
        #[arg(long, default_value = "models/gazetteer.bin.gz")]
        out: PathBuf,
    },
    /// Retrain models/ner.bin.gz: CoNLL-2003 eng.train, GeoNames and name lists, word clusters
    /// from Reuters-21578, BBC and GMB text. Deterministic; about 10 s on one core.
    Ner {
        /// Folder holding corpora/ (default: $DATELINE_SHARED or ../shared).
        #[arg(long, value_name = "DIR")]
        shared: Option<PathBuf>,
        /// Output file.
        #[arg(long, default_value = "models/ner.bin.gz")]
        out: PathBuf,
        /// Score this CoNLL file after each epoch (model selection only; never trained on).
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
#[command(args_override_self = true)]
struct SearchArgs {
    /// The query (see the query language below). May be empty when filters are given.
    #[arg(allow_hyphen_values = true)]
    query: String,
    /// Index folder.
    #[arg(long, default_value = "index")]
    index: PathBuf,
    /// Only articles naming this person (whole name or a word of it); repeatable, all must match.
    #[arg(long, value_name = "NAME")]
    person: Vec<String>,
    /// Only articles naming this place, or a place in this country; repeatable.
    #[arg(long, value_name = "NAME")]
    place: Vec<String>,
    /// Only articles naming this organization; repeatable.
    #[arg(long, value_name = "NAME")]
    org: Vec<String>,
    /// Only articles dated in or after this period: YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles dated in or before this period (inclusive: --until 1987-03 includes 31 March).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Hit order.
    #[arg(long, value_enum, default_value_t = search::Sort::Relevance)]
    sort: search::Sort,
    /// Hits to print.
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Also count the top people, places and organizations across all hits.
    #[arg(long)]
    facets: bool,
    /// Print one JSON object (schema in the README).
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Print one JSON object per hit, one per line.
    #[arg(long)]
    jsonl: bool,
    /// Colour: auto (terminal and no NO_COLOR), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dateline: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
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
                memory_budget_bytes: memory_mb.max(16) << 20,
                threads,
                extract: !no_extract,
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
            Ok(if report.paths_unreadable > 0 {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Search(args) => search_command(args, &mut stdout),
        Command::Eval(EvalCommand::Html { zyte, json }) => {
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
            let r = dateline::eval::evaluate_htmldate(&htmldate)?;
            if json {
                writeln!(stdout, "{}", serde_json::to_string(&r)?)?;
            } else {
                writeln!(
                    stdout,
                    "{} pages: correct {:.1} %, wrong {:.1} %, missing {:.1} % ({:.0} pages/s)",
                    r.pages,
                    r.correct * 100.0,
                    r.wrong * 100.0,
                    r.missing * 100.0,
                    r.pages_per_sec
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Ner { conll, json }) => {
            let r = dateline::eval::evaluate_conll(
                dateline::extract::ner::Recognizer::try_embedded()?,
                &conll,
            )?;
            if json {
                writeln!(stdout, "{}", serde_json::to_string(&r)?)?;
            } else {
                write!(stdout, "{r}")?;
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
            Some(article) => {
                if json {
                    writeln!(stdout, "{}", serde_json::to_string(&article)?)?;
                } else {
                    write!(stdout, "{}", output::text::article(&article))?;
                }
                Ok(ExitCode::SUCCESS)
            }
            None => {
                eprintln!("dateline: no article with id {id:?} in {}", dir.display());
                Ok(ExitCode::from(1))
            }
        },
        Command::Extract { paths, no_extract } => {
            let walked = ingest::walk(&paths, None);
            for (path, why) in &walked.errors {
                eprintln!("dateline: {}: {why}", path.display());
            }
            let mut problems = 0;
            for file in &walked.files {
                let outcome = ingest::read_file(file);
                for p in &outcome.problems {
                    eprintln!("dateline: {p}");
                    problems += 1;
                }
                for mut article in outcome.articles {
                    if !no_extract {
                        dateline::extract::enrich(&mut article);
                    }
                    writeln!(stdout, "{}", serde_json::to_string(&article)?)?;
                }
            }
            let failed = !walked.errors.is_empty() || (walked.files.is_empty() && problems == 0);
            if walked.files.is_empty() {
                eprintln!("dateline: no supported files in the given paths");
            }
            Ok(if failed {
                ExitCode::from(2)
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
        facets: if args.facets { 10 } else { 0 },
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
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos}/{len} files {bytes_per_sec} {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Progress { bar, quiet }
    }
}

impl index::Observer for Progress {
    fn files_found(&self, files: usize) {
        self.bar.set_length(files as u64);
    }
    fn file_done(&self, _bytes: u64) {
        self.bar.inc(1);
    }
    fn problem(&self, problem: &ingest::Problem) {
        if !self.quiet {
            self.bar.suspend(|| eprintln!("dateline: {problem}"));
        }
    }
}
