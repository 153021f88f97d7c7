//! The `dateline` binary: parse the command line, run it, map the outcome to an exit code.
//! The work lives in the library; the commands and flags live in `cli/`.

mod cli;

use clap::Parser;
use std::process::ExitCode;

// Extraction allocates many small strings on every worker thread at once: indexing with
// extraction runs ~15 % faster with mimalloc than with glibc's allocator, for ~60 % more peak
// memory (BENCHMARKS.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`, v2 and v3): how long freed memory waits
/// before it goes back to the OS; -1 = never.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // By default mimalloc returns freed pages to the OS after a second, and the next
    // allocation faults them back in: with transparent huge pages, indexing Reuters-21578 with
    // extraction took ~5,000 page faults that each zeroed up to 2 MB (~9 % of its CPU time in
    // the kernel's `clear_page_erms`); kept, ~850. The process is short-lived and its peak
    // memory is what it is either way.
    // SAFETY: sets a plain integer option; called before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    let cli = cli::args::Cli::parse();
    match cli::run::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if cli::run::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            cli::run::say(cli::run::error_message(&err));
            ExitCode::from(2)
        }
    }
}
