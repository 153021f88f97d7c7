//! The Tantivy index: its schema, and writing articles into it.
//!
//! Writing is an upsert by article id (a delete of the id, then the add, in batches that run one
//! at a time; see `writer.rs`), so indexing the same files twice leaves one copy of each
//! article. Parsing runs on all cores; the writer gets
//! a fixed memory budget and commits at the end of the run and every
//! [`IndexOptions::commit_every`] articles, so an interrupted run keeps what it committed.

pub mod document;
pub mod schema;
mod shared_dir;
pub mod writer;

pub use schema::Fields;
pub use writer::{build, IndexOptions, IndexReport, Observer};

use std::path::{Path, PathBuf};
use tantivy::directory::error::LockError;
use tantivy::{Index, TantivyError};

/// Errors opening or writing an index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// Another process holds the index's writer lock.
    #[error("index {} is being written by another process", .0.display())]
    Locked(PathBuf),
    /// The index holds no document yet and another process is writing it: its first run has
    /// not committed.
    #[error(
        "index {} is being built by another process and holds nothing yet; search again when \
         that run ends",
        .0.display()
    )]
    Building(PathBuf),
    /// The index holds no document and no run is writing it, and no run finished: its first
    /// run stopped before it committed.
    #[error(
        "index {} holds no articles (did its first run stop early?): run `dateline index \
         PATH --index {}` again",
        .0.display(),
        .0.display()
    )]
    Empty(PathBuf),
    /// The index holds no document after a run that finished: the files it was given held
    /// no articles (empty, binary, or not news; that run's summary counted them).
    #[error(
        "index {} holds no articles: no file given to `dateline index` gave one (its summary \
         says why each was skipped)",
        .0.display()
    )]
    NoArticles(PathBuf),
    /// There is no index at that path.
    #[error(
        "no index in folder \"{}\": run `dateline index` first (or pass --index DIR)",
        .0.display()
    )]
    Missing(PathBuf),
    /// The index path names a file: an index is a folder.
    #[error("{} is a file, not an index folder; give --index a folder", .0.display())]
    NotAFolder(PathBuf),
    /// The folder holds other files but no index: writing one there would mix it with them.
    #[error(
        "{} holds files but no index; give --index a new or empty folder",
        .0.display()
    )]
    NotAnIndex(PathBuf),
    /// The paths to index hold no file, or none that exists or can be read; no index was
    /// created or changed.
    #[error("nothing to index: {0}")]
    NoInput(String),
    /// The folder holds an index with another schema (an older dateline, or another tool).
    #[error("index {} was built with a different schema; delete it and index again", .0.display())]
    SchemaMismatch(PathBuf),
    /// The index folder could not be created or read.
    #[error("index {}: {source}", path.display())]
    Io {
        /// The index folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Any other Tantivy error. Not a `source`: the message holds its text in words
    /// ([`plain`]), which the error's own chain would repeat as a debug dump.
    #[error("index {}: {}", path.display(), plain(error))]
    Tantivy {
        /// The index folder.
        path: PathBuf,
        /// The underlying error.
        error: TantivyError,
    },
}

/// `e` in words. Tantivy prints a file's I/O error as a debug dump (`IoError { io_error: Os
/// { code: 13, kind: PermissionDenied, … }, filepath: "meta.json" }`); this gives the file and
/// the system's message instead ("meta.json: Permission denied (os error 13)"), and so for the
/// lock file it could not create in a folder this user may not write. A damaged file
/// (Tantivy's "Footer magic byte mismatch. File corrupted or index was created using old an
/// tantivy version …") is named with the remedy: build the index again.
pub(crate) fn plain(e: &TantivyError) -> String {
    use tantivy::directory::error::OpenReadError;
    let text = match e {
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            format!("{}: {io_error}", filepath.display())
        }
        TantivyError::LockFailure(LockError::IoError(io_error), _) => io_error.to_string(),
        other => other.to_string(),
    };
    let damaged = matches!(
        e,
        TantivyError::DataCorruption(_) | TantivyError::IncompatibleIndex(_)
    ) || text.to_ascii_lowercase().contains("corrupt");
    if damaged {
        // Tantivy's advice for a damaged file is to use a newer Tantivy; what helps is
        // building the index again from the articles.
        let what = text.split(". ").next().unwrap_or(&text);
        format!("{what}: the index is damaged; delete its folder and run `dateline index` again")
    } else {
        text
    }
}

impl IndexError {
    pub(crate) fn from_tantivy(path: &Path, e: TantivyError) -> IndexError {
        match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => IndexError::Locked(path.into()),
            TantivyError::SchemaError(_) => IndexError::SchemaMismatch(path.into()),
            error => IndexError::Tantivy {
                path: path.into(),
                error,
            },
        }
    }
}

/// Opens an existing index for reading, with the analyzers registered. A folder this user
/// may read but not write can be searched (see `shared_dir`).
///
/// # Errors
/// [`IndexError::Missing`] when `dir` holds no index; [`IndexError::SchemaMismatch`] when its
/// schema is not this version's.
pub fn open(dir: &Path) -> Result<(Index, Fields), IndexError> {
    if dir.is_file() {
        return Err(IndexError::NotAFolder(dir.into()));
    }
    match std::fs::metadata(dir.join("meta.json")) {
        Ok(m) if m.is_file() => {}
        // A folder this user may not enter is no missing index.
        Err(source) if source.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(IndexError::Io {
                path: dir.into(),
                source,
            })
        }
        _ => return Err(IndexError::Missing(dir.into())),
    }
    let directory = tantivy::directory::MmapDirectory::open(dir).map_err(|e| IndexError::Io {
        path: dir.into(),
        source: std::io::Error::other(e),
    })?;
    let index = Index::open(shared_dir::SharedDirectory(directory))
        .map_err(|e| IndexError::from_tantivy(dir, e))?;
    let fields = Fields::new();
    if index.schema() != fields.schema {
        return Err(IndexError::SchemaMismatch(dir.into()));
    }
    schema::register_analyzers(&index);
    Ok((index, fields))
}

/// Whether another process holds the index's writer lock (Tantivy's `INDEX_WRITER_LOCK`,
/// taken and released at once when free). For telling an index that is empty from one whose
/// first run has not committed yet; false when the lock cannot be tried (read-only folder).
pub fn being_written(index: &Index) -> bool {
    use tantivy::directory::{Directory, INDEX_WRITER_LOCK};
    matches!(
        index.directory().acquire_lock(&INDEX_WRITER_LOCK),
        Err(LockError::LockBusy)
    )
}

/// Opens the index in `dir`, creating the folder and an empty index when there is none.
///
/// # Errors
/// As [`open`], plus I/O errors creating the folder and [`IndexError::NotAnIndex`] for a
/// folder that holds other files.
pub fn open_or_create(dir: &Path) -> Result<(Index, Fields), IndexError> {
    if dir.join("meta.json").is_file() {
        return open(dir);
    }
    if dir.is_file() {
        return Err(IndexError::NotAFolder(dir.into()));
    }
    if holds_other_files(dir) {
        return Err(IndexError::NotAnIndex(dir.into()));
    }
    std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
        path: dir.into(),
        source,
    })?;
    let fields = Fields::new();
    let index = match Index::create_in_dir(dir, fields.schema.clone()) {
        // Another run created it first: use it (its writer lock then tells this run so).
        Err(TantivyError::IndexAlreadyExists) => return open(dir),
        created => created.map_err(|e| IndexError::from_tantivy(dir, e))?,
    };
    schema::register_analyzers(&index);
    Ok((index, fields))
}

/// Whether `dir` exists and holds anything besides hidden files and a README (the shipped
/// `index/` folder has those two).
fn holds_other_files(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|e| {
        let name = e.file_name().to_string_lossy().to_lowercase();
        !(name.starts_with('.') || name.starts_with("readme"))
    })
}
