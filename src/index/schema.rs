//! The one place that names the index's fields, their Tantivy options, and the analyzers.
//!
//! | field | options | why |
//! |---|---|---|
//! | `id` | raw, indexed, stored | upsert key, `show ID` |
//! | `path`, `url`, `source`, `date_source`, `language` | raw, indexed, stored | display, filters |
//! | `title`, `body` | `news` analyzer with positions, stored | BM25 ranking, phrases, snippets |
//! | `date` | date (seconds): indexed, fast, stored | range filters, newest/oldest sort |
//! | `person`, `place`, `org`, `org_alias` | one token per value ([`exact_key`]: case, accents, full stops, commas and hyphens folded), indexed; fast column (not `org_alias`) keeps display names | exact filters, facets |
//! | `person_text`, `place_text`, `org_text` | `news` analyzer with positions | `--person altman` |
//! | `people`, `places`, `organizations` | stored only | display names |
//! | `topics`, `authors` | raw, indexed, stored | metadata filters |
//!
//! Exact-value fields hold one token per value because Tantivy leaves only one position
//! between the values of a multi-valued tokenized field: a phrase "sam altman" on a tokenized
//! field could match the end of one name and the start of the next. A place also carries its
//! country as an extra `place` value, so a country filter finds articles naming only a city.
//!
//! The `news` analyzer: Unicode-aware simple tokenizer (splits on anything not alphanumeric),
//! tokens over 40 bytes removed, lower-cased, ASCII-folded (`São` → `sao`). No stemming: it trades
//! precision on names for recall on words, and names are what news searches are about.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};
use tantivy::Index;

/// Name of the analyzer for ranked text fields.
pub const NEWS_ANALYZER: &str = "news";
/// Name of the analyzer for exact-value fields (one token per value, its [`exact_key`]). The
/// name changed with the key (it was "exact"), so an index built with the old keys fails the
/// schema check and is rebuilt rather than searched with keys it does not hold.
pub const EXACT_ANALYZER: &str = "exact_key";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The Tantivy schema these fields belong to.
    pub schema: Schema,
    /// Article id: raw, indexed, stored.
    pub id: Field,
    /// Source file path.
    pub path: Field,
    /// Canonical URL.
    pub url: Field,
    /// Publisher or domain.
    pub source: Field,
    /// Where the date came from (`metadata`, `header`, `none`, ...).
    pub date_source: Field,
    /// Language code.
    pub language: Field,
    /// Headline, ranked and boosted.
    pub title: Field,
    /// Article text, ranked; snippets come from here.
    pub body: Field,
    /// Publication instant, UTC, second precision.
    pub date: Field,
    /// People, one [`exact_key`] token per value.
    pub person: Field,
    /// Places and their countries, one [`exact_key`] token per value.
    pub place: Field,
    /// Organizations, one [`exact_key`] token per value.
    pub org: Field,
    /// Other forms of the organizations' names ("IMF" of International Monetary Fund), one
    /// [`exact_key`] token per value: found by `--org IMF` like a name, but no facet value, so a
    /// facet counts each organization once.
    pub org_alias: Field,
    /// Words of people's names.
    pub person_text: Field,
    /// Words of place names.
    pub place_text: Field,
    /// Words of organization names.
    pub org_text: Field,
    /// People as displayed.
    pub people: Field,
    /// Places as displayed.
    pub places: Field,
    /// Organizations as displayed.
    pub organizations: Field,
    /// Subject codes.
    pub topics: Field,
    /// Bylines.
    pub authors: Field,
}

impl Fields {
    /// Builds the schema. Deterministic: the same code always gives the same schema.
    pub fn new() -> Fields {
        let mut b = Schema::builder();
        let words = |stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(NEWS_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let opts = TextOptions::default().set_indexing_options(indexing);
            if stored {
                opts.set_stored()
            } else {
                opts
            }
        };
        let exact = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(EXACT_ANALYZER)
                    .set_index_option(IndexRecordOption::Basic),
            )
            .set_fast("raw");
        let date = DateOptions::from(INDEXED)
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds);
        let id = b.add_text_field("id", STRING | STORED);
        let path = b.add_text_field("path", STRING | STORED);
        let url = b.add_text_field("url", STRING | STORED);
        let source = b.add_text_field("source", STRING | STORED);
        let date_source = b.add_text_field("date_source", STRING | STORED);
        let language = b.add_text_field("language", STRING | STORED);
        let title = b.add_text_field("title", words(true));
        let body = b.add_text_field("body", words(true));
        let date = b.add_date_field("date", date);
        let person = b.add_text_field("person", exact.clone());
        let place = b.add_text_field("place", exact.clone());
        let org = b.add_text_field("org", exact);
        let person_text = b.add_text_field("person_text", words(false));
        let place_text = b.add_text_field("place_text", words(false));
        let org_text = b.add_text_field("org_text", words(false));
        let people = b.add_text_field("people", STORED);
        let places = b.add_text_field("places", STORED);
        let organizations = b.add_text_field("organizations", STORED);
        let topics = b.add_text_field("topics", STRING | STORED | FAST);
        let authors = b.add_text_field("authors", STRING | STORED);
        let org_alias = b.add_text_field(
            "org_alias",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(EXACT_ANALYZER)
                    .set_index_option(IndexRecordOption::Basic),
            ),
        );
        Fields {
            schema: b.build(),
            id,
            path,
            url,
            source,
            date_source,
            language,
            title,
            body,
            date,
            person,
            place,
            org,
            org_alias,
            person_text,
            place_text,
            org_text,
            people,
            places,
            organizations,
            topics,
            authors,
        }
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::new()
    }
}

/// The `news` analyzer (see the module doc).
pub fn news_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(ExactKeyTokenizer::default())
}

/// Tokenizer of the exact-value fields: the whole value as one token, its [`exact_key`], so
/// that the index, filters and facets compare names one way. No token for a value whose key is
/// empty.
#[derive(Clone, Default)]
struct ExactKeyTokenizer {
    token: Token,
}

impl Tokenizer for ExactKeyTokenizer {
    type TokenStream<'a> = ExactKeyStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ExactKeyStream<'a> {
        self.token.reset();
        self.token.text = exact_key(text);
        self.token.offset_to = text.len();
        let has_token = !self.token.text.is_empty();
        ExactKeyStream {
            token: &mut self.token,
            has_token,
        }
    }
}

struct ExactKeyStream<'a> {
    token: &'a mut Token,
    has_token: bool,
}

impl TokenStream for ExactKeyStream<'_> {
    fn advance(&mut self) -> bool {
        std::mem::take(&mut self.has_token)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Registers the analyzers on an opened or created index. Tantivy does not persist analyzers,
/// so every `Index` this crate opens goes through here.
pub fn register_analyzers(index: &Index) {
    index.tokenizers().register(NEWS_ANALYZER, news_analyzer());
    index
        .tokenizers()
        .register(EXACT_ANALYZER, exact_analyzer());
}

/// The exact-value key of a name: lower-cased, accents removed ([`fold::exact_key`]), full
/// stops and commas dropped, hyphens read as spaces, whitespace collapsed.
/// `"  São   Paulo "` → `"sao paulo"`, `"Goldman, Sachs"` → `"goldman sachs"`, `"U.N."` →
/// `"un"`, `"Kilroy-Silk"` → `"kilroy silk"`. Filters and facets compare these keys, so the
/// spellings of one name that differ only so (which sources mix: "U.S. Treasury" and "US
/// Treasury") are one facet value and one filter.
///
/// [`fold::exact_key`]: crate::extract::gazetteer::fold::exact_key
pub fn exact_key(name: &str) -> String {
    use crate::extract::gazetteer::fold;
    let folded = fold::exact_key(name);
    if !folded.contains(['.', ',', '-']) {
        return folded;
    }
    let spaced: String = folded
        .chars()
        .filter(|&c| !matches!(c, '.' | ','))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    fold::collapse_whitespace(&spaced)
}

thread_local! {
    static NEWS: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(news_analyzer());
}

/// The words of `text` as the `news` analyzer indexes them.
pub fn news_tokens(text: &str) -> Vec<String> {
    NEWS.with_borrow_mut(|analyzer| {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_keys_fold_case_accents_and_spaces() {
        assert_eq!(exact_key("  São   Paulo "), "sao paulo");
        assert_eq!(exact_key("Jean-Luc PICARD"), "jean luc picard");
        assert_eq!(exact_key("el-salvador"), "el salvador");
        assert_eq!(exact_key("Okafor, Mensah"), exact_key("Okafor Mensah"));
        assert_eq!(exact_key("U.N."), exact_key("UN"));
        assert_eq!(exact_key("J.P. Morgan"), "jp morgan");
        assert_eq!(exact_key("Zoë's Café"), "zoe's cafe");
        assert_eq!(exact_key(" - . "), "");
    }

    #[test]
    fn exact_fields_index_one_key_per_value() {
        let mut analyzer = exact_analyzer();
        let mut stream = analyzer.token_stream("Goldman, Sachs");
        assert!(stream.advance());
        assert_eq!(stream.token().text, "goldman sachs");
        assert!(!stream.advance());
        drop(stream);
        assert!(!analyzer.token_stream("--").advance());
    }

    #[test]
    fn news_tokens_split_pasted_text() {
        assert_eq!(news_tokens("U.S. trade"), ["u", "s", "trade"]);
        assert_eq!(news_tokens("AT&T"), ["at", "t"]);
        assert_eq!(news_tokens("Lee Jae-myung"), ["lee", "jae", "myung"]);
        assert_eq!(news_tokens("Zürich's"), ["zurich", "s"]);
    }

    /// The schema is a contract with indexes already on disk: a change here must be deliberate.
    #[test]
    fn schema_field_names_are_stable() {
        let fields = Fields::new();
        let names: Vec<_> = fields
            .schema
            .fields()
            .map(|(_, e)| e.name().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "id",
                "path",
                "url",
                "source",
                "date_source",
                "language",
                "title",
                "body",
                "date",
                "person",
                "place",
                "org",
                "person_text",
                "place_text",
                "org_text",
                "people",
                "places",
                "organizations",
                "topics",
                "authors",
                "org_alias"
            ]
        );
        let json = serde_json::to_value(&fields.schema).unwrap();
        assert_eq!(json[9]["options"]["indexing"]["tokenizer"], "exact_key");
        // `true` is Tantivy's spelling of a fast text column with the raw tokenizer.
        assert_eq!(json[9]["options"]["fast"], true, "{}", json[9]);
        assert_eq!(json[8]["options"]["fast"], true);
    }
}
