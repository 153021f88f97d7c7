//! Reader for CoNLL-2003 style files: one `token POS chunk NER` line per token, blank lines
//! between sentences, `-DOCSTART-` lines between documents, NER tags in IOB1 (IOB2 is accepted
//! too: `B-` always opens a new entity).

use std::path::Path;

use super::labels::{type_index, Span};
use super::NerError;

/// A sentence: its tokens and the gold entities as token spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Token texts as given in the file.
    pub tokens: Vec<String>,
    /// Gold entities (half-open token ranges).
    pub(crate) gold: Vec<Span>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Sentences in file order.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Number of tokens in all sentences.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

/// Reads a CoNLL file from disk; see [`parse_conll`].
///
/// Errors: [`NerError::Io`] if the file cannot be read, [`NerError::Conll`] naming `file:line`
/// for a malformed line.
pub fn read_conll(path: &Path) -> Result<Vec<Document>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    parse_conll(&text, &path.display().to_string())
}

/// Parses CoNLL text. The token is the first whitespace-separated column and the NER tag the
/// last; lines need at least two columns. `name` is used in error messages.
///
/// Errors: [`NerError::Conll`] for a line with one column or an unknown tag.
pub fn parse_conll(text: &str, name: &str) -> Result<Vec<Document>, NerError> {
    let mut docs = vec![Document::default()];
    let mut cur = Sentence::default();
    let mut prev_type: Option<usize> = None;
    let mut open: Option<(usize, usize)> = None;
    let flush =
        |cur: &mut Sentence, open: &mut Option<(usize, usize)>, docs: &mut Vec<Document>| {
            if let Some((s, t)) = open.take() {
                cur.gold.push(Span {
                    start: s,
                    end: cur.tokens.len(),
                    ty: t,
                });
            }
            if !cur.tokens.is_empty() {
                if let Some(d) = docs.last_mut() {
                    d.sentences.push(std::mem::take(cur));
                }
            }
        };
    for (lineno, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut open, &mut docs);
            prev_type = None;
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut cur, &mut open, &mut docs);
            prev_type = None;
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let bad = |reason: String| NerError::Conll {
            file: name.to_string(),
            line: lineno + 1,
            reason,
        };
        let mut cols = line.split_whitespace();
        let token = cols.next().ok_or_else(|| bad("empty line".into()))?;
        let tag = cols
            .last()
            .ok_or_else(|| bad(format!("only one column: {line:?}")))?;
        let i = cur.tokens.len();
        let (kind, ty) = if tag == "O" {
            ('O', None)
        } else {
            let (p, t) = tag
                .split_once('-')
                .ok_or_else(|| bad(format!("bad NER tag {tag:?}")))?;
            let ty = type_index(t).ok_or_else(|| bad(format!("unknown entity type {t:?}")))?;
            match p {
                "B" => ('B', Some(ty)),
                "I" => ('I', Some(ty)),
                _ => return Err(bad(format!("bad NER tag prefix {tag:?}"))),
            }
        };
        let starts_new = match (kind, ty) {
            ('B', _) => true,
            ('I', Some(t)) => prev_type != Some(t),
            _ => false,
        };
        if ty.is_none() || starts_new {
            if let Some((s, t)) = open.take() {
                cur.gold.push(Span {
                    start: s,
                    end: i,
                    ty: t,
                });
            }
        }
        if starts_new {
            open = ty.map(|t| (i, t));
        }
        prev_type = ty;
        cur.tokens.push(token.to_string());
    }
    flush(&mut cur, &mut open, &mut docs);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Ana NNP I-NP I-PER\nVolkova NNP I-NP I-PER\nvisited VBD I-VP O\n\
Lisbon NNP I-NP I-LOC\nB-LOC-test NNP I-NP B-LOC\n. . O O\n\n-DOCSTART- -X- O O\n\n\
Rivermark NNP I-NP I-ORG\nBank NNP I-NP I-ORG\nrose VBD I-VP O\n";

    #[test]
    fn reads_iob1_spans_and_documents() {
        let docs = parse_conll(SAMPLE, "inline").unwrap();
        assert_eq!(docs.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.tokens.len(), 6);
        assert_eq!(
            s.gold,
            vec![
                Span {
                    start: 0,
                    end: 2,
                    ty: 0
                },
                Span {
                    start: 3,
                    end: 4,
                    ty: 1
                },
                Span {
                    start: 4,
                    end: 5,
                    ty: 1
                },
            ]
        );
        assert_eq!(
            docs[1].sentences[0].gold,
            vec![Span {
                start: 0,
                end: 2,
                ty: 2
            }]
        );
        assert_eq!(docs[1].token_count(), 3);
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let err = parse_conll("Ana NNP I-NP I-PER\nbroken\n", "x.conll").unwrap_err();
        assert!(err.to_string().contains("x.conll:2"), "{err}");
        let err = parse_conll("Ana NNP I-NP I-FOO\n", "y").unwrap_err();
        assert!(err.to_string().contains("y:1"), "{err}");
    }
}
