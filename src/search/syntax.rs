//! The query language: text a user types or pastes → a small syntax tree.
//!
//! ```text
//! cocoa exports            both words (all words are required, as in web search)
//! "central bank"           a phrase
//! cocoa OR coffee          either
//! cocoa -brazil            NOT brazil (also: cocoa NOT brazil)
//! (cocoa OR coffee) ghana  grouping
//! title:cocoa  body:"crop estimates"  person:volcker  place:japan  org:opec  date:1987-03
//! topic:crude             a whole topic or category (exact, any case)
//! ```
//!
//! Pasted text is never an error: punctuation inside words (`U.S.`, `AT&T`, `Jae-myung`,
//! `C++`, `what's next?`) is left to the analyzer, which turns a word of several tokens into a
//! phrase; an unbalanced quote closes at the end; `word:` with an unknown field name is plain
//! text, and so are a parenthesis left open at the end (the group closes there) and a `)`
//! that closes nothing. Only structure that cannot be read is an error: a field prefix with
//! nothing after it (`title:(`, `title:`), a `date:` value that is not a period.

use std::fmt;

/// Fields a query may name with `field:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `title:`
    Title,
    /// `body:`
    Body,
    /// `person:` (words of a name, or the whole name)
    Person,
    /// `place:`
    Place,
    /// `org:`
    Org,
    /// `date:` a period, see [`super::period`].
    Date,
    /// `topic:` one of the article's topics or categories, whole (Reuters-21578's `crude`,
    /// a JSON record's `category`), in any case.
    Topic,
}

impl Scope {
    fn from_prefix(name: &str) -> Option<Scope> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" => Scope::Title,
            "body" | "text" => Scope::Body,
            "person" | "people" => Scope::Person,
            "place" | "places" => Scope::Place,
            "org" | "orgs" | "organization" => Scope::Org,
            "date" => Scope::Date,
            "topic" | "topics" | "category" => Scope::Topic,
            _ => return None,
        })
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A word as typed (may analyze to several tokens, then it is matched as a phrase).
    Word(Option<Scope>, String),
    /// A quoted phrase.
    Phrase(Option<Scope>, String),
    /// All of these (negations inside are exclusions).
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    /// Exclusion.
    Not(Box<Node>),
}

/// A query that cannot be read. `column` is a 1-based character position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("query syntax error at column {column}: {message}")]
pub struct SyntaxError {
    /// 1-based character column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open,
    Close,
    Phrase(String),
    Word(String),
    Field(Scope),
    Minus,
    Plus,
    Or,
    And,
    Not,
}

fn lex(query: &str) -> Vec<(usize, Tok)> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    let boundary = |c: char| c.is_whitespace() || c == '(' || c == ')' || c == '"';
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            depth += 1;
            out.push((col, Tok::Open));
            i += 1;
        } else if c == ')' {
            // A ')' that closes nothing is pasted punctuation ("a) first"), not structure.
            if depth > 0 {
                depth -= 1;
                out.push((col, Tok::Close));
            }
            i += 1;
        } else if c == '"' {
            let end = chars[i + 1..]
                .iter()
                .position(|&c| c == '"')
                .map_or(chars.len(), |p| i + 1 + p);
            out.push((col, Tok::Phrase(chars[i + 1..end].iter().collect())));
            i = end + 1;
        } else if (c == '-' || c == '+')
            && chars
                .get(i + 1)
                .is_some_and(|&n| !boundary(n) || n == '(' || n == '"')
        {
            out.push((col, if c == '-' { Tok::Minus } else { Tok::Plus }));
            i += 1;
        } else {
            let end = chars[i..]
                .iter()
                .position(|&c| boundary(c))
                .map_or(chars.len(), |p| i + p);
            let word: String = chars[i..end].iter().collect();
            match word
                .split_once(':')
                .and_then(|(f, rest)| Some((Scope::from_prefix(f)?, rest)))
            {
                Some((scope, rest)) => {
                    out.push((col, Tok::Field(scope)));
                    if !rest.is_empty() {
                        out.push((
                            col + word.find(':').unwrap_or(0) + 1,
                            Tok::Word(rest.to_string()),
                        ));
                    }
                }
                None => out.push((
                    col,
                    match word.as_str() {
                        "OR" | "||" => Tok::Or,
                        "AND" | "&&" => Tok::And,
                        "NOT" => Tok::Not,
                        _ => Tok::Word(word),
                    },
                )),
            }
            i = end;
        }
    }
    out
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    len: usize,
    depth: usize,
}

/// Parenthesis nesting a query may use. Deeper is no search anyone types, and the recursive
/// parser and query builder must not overflow the stack on it.
pub const MAX_NESTING: usize = 100;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn column(&self) -> usize {
        self.toks.get(self.pos).map_or(self.len + 1, |(c, _)| *c)
    }

    fn err(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            column: self.column(),
            message: message.into(),
        }
    }

    fn or(&mut self, scope: Option<Scope>) -> Result<Node, SyntaxError> {
        let mut alts = vec![self.and(scope)?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            alts.push(self.and(scope)?);
        }
        alts.retain(|n| !matches!(n, Node::And(v) if v.is_empty()));
        Ok(if alts.len() == 1 {
            alts.remove(0)
        } else {
            Node::Or(alts)
        })
    }

    fn and(&mut self, scope: Option<Scope>) -> Result<Node, SyntaxError> {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None | Some(Tok::Close) | Some(Tok::Or) => break,
                Some(Tok::And) => self.pos += 1,
                _ => items.push(self.unary(scope)?),
            }
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::And(items)
        })
    }

    fn unary(&mut self, scope: Option<Scope>) -> Result<Node, SyntaxError> {
        // A loop, not recursion: a pasted run of 100,000 dashes must not overflow the stack.
        let mut negated = false;
        let mut after_minus = false;
        loop {
            let minus = matches!(self.peek(), Some(Tok::Minus));
            match self.peek() {
                // A run of dashes is one minus: `--brazil` (typed as on a command line) means
                // "not brazil"; read as two negations it found only the Brazil articles.
                Some(Tok::Minus) if after_minus => {}
                Some(Tok::Minus) | Some(Tok::Not) => negated = !negated,
                Some(Tok::Plus) => {}
                None => return Ok(Node::And(Vec::new())),
                _ => break,
            }
            after_minus = minus;
            self.pos += 1;
        }
        let node = self.primary(scope)?;
        Ok(if negated {
            Node::Not(Box::new(node))
        } else {
            node
        })
    }

    fn primary(&mut self, scope: Option<Scope>) -> Result<Node, SyntaxError> {
        let (col, tok) = self.toks[self.pos].clone();
        self.pos += 1;
        match tok {
            Tok::Open => {
                self.depth += 1;
                if self.depth > MAX_NESTING {
                    return Err(SyntaxError {
                        column: col,
                        message: format!("parentheses nest deeper than {MAX_NESTING} levels"),
                    });
                }
                let inner = self.or(scope)?;
                self.depth -= 1;
                match self.peek() {
                    Some(Tok::Close) => self.pos += 1,
                    // Pasted text may open a parenthesis it never closes: the group ends at
                    // the end of the query, like an unbalanced quote. Only a field's empty
                    // group (`title:(`) is an error.
                    None if !is_empty(&inner) || scope.is_none() => {}
                    _ => {
                        return Err(SyntaxError {
                            column: col,
                            message: "unclosed parenthesis".into(),
                        })
                    }
                }
                Ok(inner)
            }
            Tok::Close => Err(SyntaxError {
                column: col,
                message: "unmatched ')'".into(),
            }),
            Tok::Field(field) => match self.peek() {
                Some(Tok::Open) | Some(Tok::Phrase(_)) | Some(Tok::Word(_)) => {
                    self.primary(Some(field))
                }
                _ => Err(self.err("a field prefix needs a word, \"phrase\" or (group) after it")),
            },
            Tok::Phrase(p) => Ok(Node::Phrase(scope, p)),
            Tok::Word(w) => Ok(Node::Word(scope, w)),
            // Operators out of place (`OR` at the start) are read as the words they spell.
            Tok::Or => Ok(Node::Word(scope, "OR".into())),
            Tok::And | Tok::Not | Tok::Minus | Tok::Plus => Ok(Node::And(Vec::new())),
        }
    }
}

/// Whether a node holds no word or phrase at all (`()`, `(-)`).
fn is_empty(node: &Node) -> bool {
    match node {
        Node::Word(..) | Node::Phrase(..) => false,
        Node::Not(n) => is_empty(n),
        Node::And(v) | Node::Or(v) => v.iter().all(is_empty),
    }
}

/// Whether `node` ranks hits: it searches words of the title or body (`cocoa`,
/// `title:rates`), not only names, dates or exclusions (`place:japan date:1987-03`), whose
/// scores say nothing about the article.
pub fn ranks(node: &Node) -> bool {
    match node {
        Node::Word(scope, _) | Node::Phrase(scope, _) => {
            matches!(scope, None | Some(Scope::Title | Scope::Body))
        }
        Node::And(nodes) | Node::Or(nodes) => nodes.iter().any(ranks),
        Node::Not(_) => false,
    }
}

/// The field prefixes [`parse`] knows, as a hint lists them.
const FIELDS: &str = "title: body: person: place: org: topic: date:";

/// Notes for a query that found nothing, on syntax that other search tools read and this one
/// takes as words: an unknown `name:` prefix (`author:smith` searched the words "author
/// smith"), a wildcard (`coc*` searched "coc"), a boost or fuzziness (`cocoa^2` searched the
/// phrase "cocoa 2"). One note per kind, in that order; none for a query without them.
pub fn hints(query: &str) -> Vec<String> {
    // Words outside quotes: a quoted phrase is text, whatever it holds.
    let words = || {
        query
            .split('"')
            .step_by(2)
            .flat_map(|part| part.split(|c: char| c.is_whitespace() || c == '(' || c == ')'))
            .map(|w| w.trim_start_matches(['-', '+']))
    };
    let mut out = Vec::new();
    let unknown = words().find_map(|w| {
        let (name, rest) = w.split_once(':')?;
        let known = Scope::from_prefix(name).is_some();
        let url = rest.starts_with("//") || rest.contains('@');
        let plain = name.len() > 1 && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
        (plain && !known && !url && !rest.is_empty()).then_some(name)
    });
    if let Some(name) = unknown {
        out.push(format!(
            "\"{name}:\" is not a field, so it was searched as a word; the fields are {FIELDS}"
        ));
    }
    let has = |pred: &dyn Fn(&str) -> bool| words().any(pred);
    if has(&|w| w.len() > 1 && w.ends_with('*')) {
        out.push(
            "there are no wildcards: * is ignored, so write the whole word (stemming already \
             finds \"rates\" for \"rate\")"
                .into(),
        );
    }
    let tail = |w: &str, mark: char| {
        w.rsplit_once(mark).is_some_and(|(head, n)| {
            head.chars().any(char::is_alphabetic)
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit() || c == '.')
        })
    };
    if has(&|w| tail(w, '^') || tail(w, '~')) {
        out.push(
            "there are no boosts (^) or fuzzy matches (~): the number after them was searched \
             as a word"
                .into(),
        );
    }
    out
}

/// Parses a query. An empty query gives `Node::And(vec![])`, which matches every article.
///
/// # Errors
/// [`SyntaxError`] for a field prefix with nothing after it (`title:`, `title:(`).
/// Pasted text (punctuation, unbalanced quotes and parentheses, unknown `word:` prefixes) is
/// never an error.
pub fn parse(query: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        toks: lex(query),
        pos: 0,
        len: query.chars().count(),
        depth: 0,
    };
    let node = p.or(None)?;
    if p.peek() == Some(&Tok::Close) {
        return Err(p.err("unmatched ')'"));
    }
    Ok(node)
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scope = |s: &Option<Scope>| {
            s.map(|s| format!("{s:?}:").to_lowercase())
                .unwrap_or_default()
        };
        match self {
            Node::Word(s, w) => write!(f, "{}{w}", scope(s)),
            Node::Phrase(s, p) => write!(f, "{}\"{p}\"", scope(s)),
            Node::Not(n) => write!(f, "-{n}"),
            Node::And(v) | Node::Or(v) => {
                let sep = if matches!(self, Node::And(_)) {
                    " "
                } else {
                    " OR "
                };
                let parts: Vec<_> = v.iter().map(ToString::to_string).collect();
                write!(f, "({})", parts.join(sep))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hints_name_the_syntax_other_tools_have() {
        assert!(hints("central bank").is_empty());
        assert!(hints("place:japan title:rates date:1987-03 topic:crude").is_empty());
        // Times, URLs and a colon in prose are not field prefixes.
        assert!(hints("10:30 https://example.com/a note: rates").is_empty());
        let h = hints("author:smith rates");
        assert_eq!(h.len(), 1);
        assert!(h[0].starts_with("\"author:\" is not a field"), "{h:?}");
        assert!(h[0].ends_with("title: body: person: place: org: topic: date:"));
        let h = hints("-foo:bar coc* cocoa^2");
        assert_eq!(h.len(), 3, "{h:?}");
        assert!(h[0].starts_with("\"foo:\""));
        assert!(h[1].starts_with("there are no wildcards"));
        assert!(h[2].starts_with("there are no boosts"));
        assert_eq!(hints("oil~1").len(), 1);
        // A lone * or ^ is punctuation, not syntax; so are questions, quoted text, drive
        // letters, mail addresses and powers.
        assert!(hints("* ^ ~ ? 3^ x^y").is_empty());
        assert!(hints("who is galt? \"author:smith coc*\" C:\\Users mailto:a@b.c 2^10").is_empty());
    }

    use super::*;

    #[test]
    fn only_title_and_body_words_rank() {
        let ranks = |q: &str| super::ranks(&parse(q).unwrap());
        for q in [
            "cocoa",
            "title:rates",
            "place:japan \"bank rate\"",
            "-x OR y",
        ] {
            assert!(ranks(q), "{q}");
        }
        for q in [
            "",
            "place:japan",
            "person:baker date:1987-03",
            "-strike",
            "org:(imf OR ec)",
        ] {
            assert!(!ranks(q), "{q}");
        }
    }

    fn show(q: &str) -> String {
        parse(q)
            .map(|n| n.to_string())
            .unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn words_phrases_and_operators() {
        assert_eq!(show("cocoa exports"), "(cocoa exports)");
        assert_eq!(show("\"central bank\" rates"), "(\"central bank\" rates)");
        assert_eq!(show("cocoa OR coffee"), "(cocoa OR coffee)");
        assert_eq!(show("cocoa -brazil"), "(cocoa -brazil)");
        assert_eq!(show("cocoa NOT brazil"), "(cocoa -brazil)");
        assert_eq!(show("cocoa --brazil"), "(cocoa -brazil)");
        assert_eq!(show("cocoa ---brazil"), "(cocoa -brazil)");
        assert_eq!(show("cocoa NOT -brazil"), "(cocoa brazil)");
        assert_eq!(
            show("(cocoa OR coffee) AND ghana"),
            "((cocoa OR coffee) ghana)"
        );
        assert_eq!(show("title:cocoa place:japan"), "(title:cocoa place:japan)");
        assert_eq!(show("person:\"sam altman\""), "person:\"sam altman\"");
        assert_eq!(
            show("title:(cocoa OR coffee)"),
            "(title:cocoa OR title:coffee)"
        );
        assert_eq!(show(""), "()");
    }

    #[test]
    fn pasted_text_is_never_an_error() {
        assert_eq!(show("U.S. trade"), "(U.S. trade)");
        assert_eq!(show("AT&T"), "AT&T");
        assert_eq!(show("Lee Jae-myung"), "(Lee Jae-myung)");
        assert_eq!(show("C++"), "C++");
        assert_eq!(show("what's next?"), "(what's next?)");
        assert_eq!(show("\"unbalanced quote"), "\"unbalanced quote\"");
        assert_eq!(show("Note: prices rose"), "(Note: prices rose)");
        assert_eq!(show("https://example.com/a"), "https://example.com/a");
        assert_eq!(show("OR cocoa"), "cocoa");
        assert_eq!(show("cocoa OR"), "cocoa");
        assert_eq!(show("- cocoa +"), "(- cocoa +)");
    }

    #[test]
    fn real_syntax_errors() {
        assert_eq!(
            show("title:("),
            "ERR query syntax error at column 7: unclosed parenthesis"
        );
        assert_eq!(
            show("title:"),
            "ERR query syntax error at column 7: a field prefix needs a word, \"phrase\" or (group) after it"
        );
        assert_eq!(
            show("place:("),
            "ERR query syntax error at column 7: unclosed parenthesis"
        );
    }

    #[test]
    fn unbalanced_parentheses_in_pasted_text() {
        assert_eq!(show("(cocoa"), "cocoa");
        assert_eq!(show("cocoa)"), "cocoa");
        assert_eq!(
            show("Baker (the Treasury secretary said"),
            "(Baker (the Treasury secretary said))"
        );
        assert_eq!(show("a) first (b"), "(a first b)");
        assert_eq!(show("prices ("), "(prices ())");
        assert_eq!(show("("), "()");
    }

    #[test]
    fn absurd_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}a{}", "(".repeat(20_000), ")".repeat(20_000));
        assert!(
            show(&deep).contains("parentheses nest deeper than 100 levels"),
            "{}",
            &show(&deep)[..80]
        );
        let ok = format!("{}a{}", "(".repeat(50), ")".repeat(50));
        assert_eq!(show(&ok), "a");
        assert_eq!(show(&format!("{}cocoa", "-".repeat(100_000))), "-cocoa");
        assert_eq!(show(&format!("{}cocoa", "NOT ".repeat(50_000))), "cocoa");
        assert_eq!(show(&format!("{}cocoa", "NOT ".repeat(49_999))), "-cocoa");
    }
}
