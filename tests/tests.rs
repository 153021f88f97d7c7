//! Integration tests: they run the `dateline` binary as a user would.

mod util;

mod bad_input;
mod cli_index;
mod cli_search;
mod json;
mod real_data;
