//! Printing results: terminal text ([`text`], made safe to print by [`safe`]) and the JSON wire
//! format ([`json`]).

pub mod json;
pub mod safe;
pub mod text;
