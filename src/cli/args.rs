//! The command line's shape: subcommands, flags and their help text (clap derive). Nothing
//! here does any work; `run.rs` does.

use clap::{Parser, Subcommand};
use dateline::search;
use std::path::PathBuf;

const ABOUT: &str =
    "Full-text search for news archives, with real fields for date, people, places and organizations.";

const SEARCH_EXAMPLES: &str = "\
Query language:
  cocoa exports              all words are required
  \"central bank\"             a phrase
  cocoa OR coffee            either word
  cocoa -brazil              exclude (also: cocoa NOT brazil, cocoa --brazil)
  (cocoa OR coffee) ghana    grouping
  title:cocoa body:\"crop estimates\" person:volcker place:japan org:opec date:1987-03
  topic:crude                a whole topic or category, in any case

Examples (on the bundled corpus, after `dateline index`):
  dateline search strike
  dateline search '\"central bank\"' --since 2026-03 --until 2026-03
  dateline search prices --person wanjiru --sort newest --limit 5
  dateline search '' --place \"South Korea\"        # also articles naming only Seoul or Busan
  dateline search 'cocoa OR coffee' --json | jq '.hits[].title'
  dateline search nairobi --facets
  dateline search '' --org \"=Kenya Red Cross\"    # '=': the whole name only, as facets count it
  dateline search '' --facet-limit 50 --limit 0   # the 50 most named of each, all articles
  dateline search -- -strike                     # a query may also start with '-'

Exit status: 0 when there are hits, 1 when there are none, 2 on error.";

#[derive(Parser)]
#[command(name = "dateline", version, about = ABOUT)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Index folders or files of articles: txt, md, json, jsonl, html, nitf, rss/atom, xml,
    /// Reuters .sgm, and .gz of any of these.
    #[command(
        after_help = "Examples:\n  dateline index                      # ./corpus into ./index\n  \
        dateline index ~/archive --index ~/archive.idx\n  dateline index a.jsonl b.sgm --json\n\n\
        Re-indexing the same files replaces their articles (upsert by id). Files named \
        themselves are read whatever they look like; a folder's README, word lists, data \
        tables, lists of names and files with NUL bytes are skipped.\n\n\
        Ctrl-C stops cleanly: the articles read so far are committed, and running the same \
        command again completes the index, without duplicates.\n\n\
        Exit status: 0 when the index holds articles, 1 when it holds none (the files held \
        none), 2 when a path cannot be read or the index cannot be written, 130 after Ctrl-C."
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
        /// Writer memory budget in MB, shared by the writer threads (each gets 15 MB to 4 GB).
        #[arg(long, default_value_t = 256)]
        memory_mb: usize,
        /// Worker threads (0 = one per core; at most 64).
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=64))]
        threads: u8,
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
    /// Print one stored article in full: its fields as the index holds them.
    ///
    /// The index keeps each article's people, places and organizations but not their
    /// mentions, so `--json` has `"entities": []`; `dateline extract FILE` prints the entities
    /// with their origins and character offsets. A file's own path also names its article
    /// (a file of several articles gets their ids listed). Exits 1 when no article has the id.
    #[command(
        after_help = "Examples:\n  dateline show corpus/wire/2026-03-02-nairobi-floods.txt\n  \
                      dateline show corpus/wire/archive.sgm#1 --json   # one article of a multi-article file"
    )]
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
    /// Print the articles parsed from files as JSON Lines, exactly what `dateline index` would
    /// receive for the same paths.
    #[command(after_help = "Examples:
  dateline extract corpus/wire/2026-02-14-seoul-chips.txt
  dateline extract corpus/feeds/science.jsonl --no-extract

Ids start at the named folder, or at a named file's own folder: `extract corpus/feeds` gives
feeds/science.jsonl#1, while an index built from `corpus` holds corpus/feeds/science.jsonl#1.

Exit status: 0 when articles were printed, 1 when the files hold none, 2 when a path cannot be
read. Problems with single files or records go to stderr and the rest is still printed.")]
    Extract {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Skip extraction from the text (metadata only).
        #[arg(long)]
        no_extract: bool,
    },
    /// For developers: measure extraction against third-party gold data (see README:
    /// Evaluation).
    #[command(subcommand)]
    Eval(EvalCommand),
    /// For developers: regenerate a committed model file from the third-party data in
    /// ../shared.
    #[command(
        subcommand,
        after_help = "Examples:\n  dateline train gazetteer && dateline train ner && cargo build --release\n  \
                      dateline train ner --out /tmp/ner.bin.gz --dev ../shared/corpora/conll2003-en/eng.testa"
    )]
    Train(TrainCommand),
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Article-body extraction on the Zyte benchmark: token-shingle precision, recall, F1.
    #[command(
        after_help = "Example:\n  dateline eval html --zyte ../shared/corpora/article-extraction-benchmark"
    )]
    Html {
        /// Benchmark folder (holds ground-truth.json and html/*.html.gz) [default:
        /// $DATELINE_SHARED or ../shared, then corpora/article-extraction-benchmark].
        #[arg(long, value_name = "DIR")]
        zyte: Option<PathBuf>,
        /// Print {"precision","recall","f1","pages"}.
        #[arg(long)]
        json: bool,
    },
    /// Publication dates on htmldate-eval: share of pages correct, wrong, missing.
    #[command(
        after_help = "Example:\n  dateline eval dates --htmldate ../shared/corpora/htmldate-eval"
    )]
    Dates {
        /// Evaluation folder (holds eval_default.json, eval/ and cache/) [default:
        /// $DATELINE_SHARED or ../shared, then corpora/htmldate-eval].
        #[arg(long, value_name = "DIR")]
        htmldate: Option<PathBuf>,
        /// Print {"pages","correct","wrong","missing"} (fractions).
        #[arg(long)]
        json: bool,
    },
    /// The entity recognizer on CoNLL-2003 data: exact-span P/R/F1 per type, and tokens/s.
    #[command(
        after_help = "Example:\n  dateline eval ner --conll ../shared/corpora/conll2003-en/eng.testa"
    )]
    Ner {
        /// A CoNLL-2003 file (IOB tags in the last column) [default: $DATELINE_SHARED or
        /// ../shared, then corpora/conll2003-en/eng.testa, the dev split].
        #[arg(long, value_name = "FILE")]
        conll: Option<PathBuf>,
        /// Print {"PER":{"precision","recall","f1","support"},…,"overall":{…},"tokens_per_s"}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum TrainCommand {
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
#[command(args_override_self = true, allow_negative_numbers = true)]
pub struct SearchArgs {
    /// The query (see the query language below). May be left out or empty when filters are
    /// given: `dateline search --place germany`.
    #[arg(allow_hyphen_values = true, default_value = "", value_parser = query_text)]
    pub query: String,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Only articles naming this person (whole name or a word of it; `=NAME`: that whole name
    /// only, as facets count it); repeatable, all must match.
    #[arg(long, value_name = "NAME", value_parser = filter_name)]
    pub person: Vec<String>,
    /// Only articles naming this place, or a place in this country or state (`=NAME`: that
    /// whole name only, as facets count it); repeatable, all must match.
    #[arg(long, value_name = "NAME", value_parser = filter_name)]
    pub place: Vec<String>,
    /// Only articles naming this organization (whole name, a word of it or an alias such as
    /// an acronym; `=NAME`: that whole name only, as facets count it); repeatable, all must
    /// match.
    #[arg(long, value_name = "NAME", value_parser = filter_name)]
    pub org: Vec<String>,
    /// Only articles dated in or after this period: YYYY, YYYY-MM, YYYY-MM-DD,
    /// YYYY-MM-DDTHH:MM (UTC) or RFC 3339.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles dated in or before this period (inclusive: --until 1987-03 includes 31 March).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Hit order [default: relevance; newest when the query searches no words, only filters,
    /// names or dates (`''`, `place:japan`), whose scores say nothing].
    #[arg(long, value_enum)]
    pub sort: Option<search::Sort>,
    /// Hits to print.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = count)]
    pub limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0, value_parser = count)]
    pub offset: usize,
    /// Also count the top people, places and organizations across all hits.
    #[arg(long)]
    pub facets: bool,
    /// Values per facet (default 10, at least 1); implies --facets.
    #[arg(long, value_name = "N", value_parser = facet_limit)]
    pub facet_limit: Option<usize>,
    /// Print one JSON object (schema in the README).
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Print one JSON object per hit, one per line (hits only: facets need --json).
    #[arg(long, conflicts_with_all = ["facets", "facet_limit"])]
    pub jsonl: bool,
    /// Colour: auto (terminal and no NO_COLOR), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The query argument: a word after a single dash is an exclusion (`-brazil`), but one
/// after two dashes at the start is a mistyped option (`--limt 5`), which would otherwise
/// search for everything but "limt" and exit 0.
fn query_text(value: &str) -> Result<String, String> {
    let rest = value.trim_start_matches('-');
    if value.len() - rest.len() >= 2 && rest.starts_with(char::is_alphabetic) {
        return Err(format!(
            "no such option; to leave out articles with the word, write -{rest}"
        ));
    }
    Ok(value.to_string())
}

/// A `--limit` or `--offset` value: a whole number, 0 or more. Rust's own message for `-1`
/// or `ten` ("invalid digit found in string") says nothing of what is wanted.
fn count(value: &str) -> Result<usize, String> {
    value
        .parse::<usize>()
        .map_err(|_| "expected a whole number, 0 or more".to_string())
}

/// A `--facet-limit` value: 0 would ask for facets and list none, so it is a usage error.
fn facet_limit(value: &str) -> Result<usize, String> {
    let n = value.parse::<usize>();
    match n.map_err(|_| "expected a whole number, 1 or more".to_string())? {
        0 => Err("facets list at least 1 value each; leave out --facet-limit for none".into()),
        n => Ok(n),
    }
}

/// A `--person`, `--place` or `--org` value: a blank one, or one of punctuation alone, would
/// match nothing (names are compared without punctuation) and silently return no hits, so it
/// is a usage error.
fn filter_name(value: &str) -> Result<String, String> {
    // Spaces of any kind and invisible characters alone are blank too, as ingest reads them.
    let mut plain = value
        .strip_prefix(dateline::search::query::EXACT)
        .unwrap_or(value)
        .to_string();
    dateline::ingest::spaces::plain_spaces(&mut plain);
    if !plain.chars().any(char::is_alphanumeric) {
        return Err("a filter needs a name, e.g. --place germany or --person \"Ana Ruiz\"".into());
    }
    Ok(value.to_string())
}
