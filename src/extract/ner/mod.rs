//! Named-entity recognition for article text: PERSON, PLACE, ORG and MISC mentions.
//!
//! A greedy averaged perceptron over BILOU tags (Collins 2002; Ratinov & Roth 2009) with hashed
//! features, gazetteers, word clusters and a two-pass document memory, trained on CoNLL-2003
//! `eng.train` by [`train`] and shipped as one gzipped file embedded in the binary
//! (`models/ner.bin.gz`, about 1.2 MB, see [`Recognizer::embedded`]). The binary needs no
//! corpus at run time; only [`train`] and [`evaluate_conll`] read the shared corpora.
//!
//! Files: `tokenize` (raw text → tokens, sentences), `features` and `hash` (feature templates),
//! `gazetteer` (name lists), `clusters` (word clusters), `labels` (BILOU), `titles` (names after
//! "Sen."), `table` and `model`
//! (weights, file format), `tagger` (sentence preparation, training-time decoding, document
//! memory, [`Recognizer`]), `document` (fast two-pass inference), `word_ids` and `word_cache`
//! (feature rows resolved once per word form), `prefetch` (memory hints), `train`, `conll`
//! (reader), `eval` (scorer), `hard_cases` (tests of the shipped model on tricky sentences).
//!
//! Speed: scores are exact integer sums of the quantized weight rows, so inference may group
//! them freely (per word, per sentence, per pass) and still equal summing every feature row
//! from zero, while reading far fewer rows; tokens far from any capital letter are tagged `O`
//! without scoring (`tagger::skippable`). See `document.rs`.

mod clusters;
mod conll;
mod document;
mod eval;
mod features;
mod gazetteer;
mod hash;
mod initials;
mod labels;
mod model;
mod prefetch;
mod table;
mod tagger;
mod titles;
mod tokenize;
mod train;
mod word_cache;
mod word_ids;

#[cfg(test)]
mod hard_cases;

pub use clusters::Clusters;
pub use conll::{parse_conll, read_conll, Document, Sentence};
pub use eval::{conll_type_name, error_listing, evaluate_conll, EvalReport, Score};
pub(crate) use features::PARTICLES;
pub use gazetteer::Gazetteer;
pub use tagger::Recognizer;
pub(crate) use titles::is_roman_numeral;
pub use tokenize::{tokenize, Token};
pub use train::{train, TrainOptions, TrainReport};

/// Whether `word` (any case) is a word capitalized only by position or convention: a
/// sentence-opening function word, a month or a weekday ("The", "March", "Monday"; the list
/// the recognizer uses to leave such words unscored).
pub fn is_capitalized_function_word(word: &str) -> bool {
    features::CAPITALIZED_FUNCTION_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Errors of loading, training and evaluating the recognizer.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A CoNLL line is malformed.
    #[error("{file}:{line}: {reason}")]
    Conll {
        /// The file (or the name given to the parser).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The model bytes are not a valid model.
    #[error("NER model: {0}")]
    Model(String),
}
