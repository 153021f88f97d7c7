//! The `dateline` command line, kept out of `main.rs` so that it stays a screen long:
//! [`args`] declares the commands and flags, [`run`] carries them out.

pub mod args;
pub mod run;
