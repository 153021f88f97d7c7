//! Printing results: terminal text ([`text`]) and the JSON wire format ([`json`]).

pub mod json;
pub mod text;
