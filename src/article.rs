//! The article model: what every ingest format produces and what the index receives.

use serde::Serialize;

/// Where an article's `date` came from, in order of trust (most trusted first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// A structured date field of a wire format (Reuters-21578 `<DATE>`).
    Metadata,
    /// JSON-LD `datePublished` (or `dateCreated`) in a web page.
    Jsonld,
    /// A `<meta>` tag: `article:published_time`, `og:`, Dublin Core, `pubdate`, ...
    Meta,
    /// A `<time datetime>` element.
    TimeTag,
    /// A date field of a JSON record (`date_publish`, `published_at`, ...).
    JsonField,
    /// A `Date:` line of a plain-text header block.
    Header,
    /// NITF `pubdata date.publication` or `docdata date.issue`.
    Nitf,
    /// The article's dateline ("SEOUL, Dec. 5 (Yonhap) --").
    Dateline,
    /// A date in the article's URL (`/2025/12/05/`).
    Url,
    /// A date in the file path (`2025-12-05-slug.txt`).
    Path,
    /// No date was found; the article's `date` is `None`.
    #[default]
    None,
}

impl DateSource {
    /// Every variant, most trusted first.
    pub const ALL: [DateSource; 11] = [
        DateSource::Metadata,
        DateSource::Jsonld,
        DateSource::Meta,
        DateSource::TimeTag,
        DateSource::JsonField,
        DateSource::Header,
        DateSource::Nitf,
        DateSource::Dateline,
        DateSource::Url,
        DateSource::Path,
        DateSource::None,
    ];

    /// The name used in the index and in JSON (`time-tag`, `json-field`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Jsonld => "jsonld",
            DateSource::Meta => "meta",
            DateSource::TimeTag => "time-tag",
            DateSource::JsonField => "json-field",
            DateSource::Header => "header",
            DateSource::Nitf => "nitf",
            DateSource::Dateline => "dateline",
            DateSource::Url => "url",
            DateSource::Path => "path",
            DateSource::None => "none",
        }
    }

    /// The variant named `name` ([`DateSource::as_str`]); `None` for an unknown name.
    pub fn from_name(name: &str) -> Option<DateSource> {
        DateSource::ALL.into_iter().find(|d| d.as_str() == name)
    }
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person (CoNLL PER).
    Person,
    /// A country, region, city or geographic feature (CoNLL LOC).
    Place,
    /// A company, agency, team or other organization (CoNLL ORG).
    Org,
    /// Anything else CoNLL calls MISC (nationalities, events, ...); never indexed.
    Misc,
}

/// One span of text that the recognizer labelled, before normalization.
///
/// `start` and `end` are **character** (Unicode scalar) offsets into the text passed to the
/// recognizer, half-open: `text.chars().skip(start).take(end - start)` is the mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// PERSON, PLACE, ORG or MISC.
    pub kind: EntityKind,
    /// First character, inclusive.
    pub start: usize,
    /// Last character, exclusive.
    pub end: usize,
    /// The mention as written.
    pub text: String,
}

/// One news article, as every ingest format produces it and as the index receives it.
///
/// Fields a format does not provide stay empty (`None`, empty `Vec`, empty `String`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: `ROOT/RELATIVE/PATH` from the indexed folder's own name, plus
    /// `#KEY` for files holding several articles (`reuters21578/reut2-000.sgm#1` for NEWID 1,
    /// `feeds/day.jsonl#12` for line 12, `dump/all.json#3` for the fourth array element).
    pub id: String,
    /// The file the article came from, as given on the command line joined with its path below it.
    pub path: String,
    /// Headline; may be empty for untitled records.
    pub title: String,
    /// Article text; paragraphs separated by blank lines.
    pub body: String,
    /// Publication instant in UTC; `None` when no trustworthy date was found. A date-only value
    /// is stored as midnight UTC of that day.
    pub date: Option<jiff::Timestamp>,
    /// Where `date` came from.
    pub date_source: DateSource,
    /// People, display names.
    pub people: Vec<String>,
    /// Places, display names.
    pub places: Vec<String>,
    /// Organizations, display names.
    pub organizations: Vec<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publisher or domain.
    pub source: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Subject codes (Reuters TOPICS), lower-case.
    pub topics: Vec<String>,
    /// Language code when the format gives one (`en`, `de`).
    pub language: Option<String>,
    /// Normalized entities with their origin (text, metadata, both) and mention offsets into
    /// [`Article::text`]; filled by [`crate::extract::enrich`], empty before, and not stored
    /// in the index (an article read back from the index has none). Always serialized, as
    /// `[]` when empty, so scripts can rely on the key.
    pub entities: Vec<crate::extract::entities::Entity>,
}

impl Article {
    /// The text entities are recognized in: the title, a blank line, the body. Mention offsets
    /// in [`Article::entities`] are character offsets into this string.
    pub fn text(&self) -> String {
        if self.title.is_empty() {
            return self.body.clone();
        }
        format!("{}\n\n{}", self.title, self.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_source_names_match_serde() {
        for d in DateSource::ALL {
            assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
            assert_eq!(DateSource::from_name(d.as_str()), Some(d));
        }
        assert_eq!(DateSource::from_name("tomorrow"), None);
    }
}
