//! Finding input files under the paths a user names, and giving each a stable id base.
//!
//! An article id must not change when the archive moves, so it is built from the named folder's
//! own name plus the path below it (`corpus/wire/a.txt`); a file named directly gets its parent
//! folder's name (`reuters21578/reut2-000.sgm`), so naming a folder or its files gives the
//! same ids.

use super::Format;
use std::path::{Path, PathBuf};

/// One file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where to read it.
    pub path: PathBuf,
    /// `FOLDER/RELATIVE/PATH`, with `/` separators: the article id, before any `#record` key.
    pub id_base: String,
    /// Named on the command line itself, not found in a named folder. As in ripgrep, a file
    /// the user names is read whatever it looks like: the checks that keep documentation,
    /// word lists, data tables and files with a NUL byte out of a folder's articles do not
    /// apply to it ([`super::read_file`]).
    pub named: bool,
}

/// The result of walking the input paths.
#[derive(Debug, Default)]
pub struct Walked {
    /// Files in a supported format, in a stable (sorted) order.
    pub files: Vec<SourceFile>,
    /// Files skipped for their extension.
    pub unsupported: Vec<PathBuf>,
    /// An archive's own documentation (README, LICENSE, PROVENANCE, ...), which is not news.
    pub documentation: Vec<PathBuf>,
    /// Folders holding a Tantivy index (a `meta.json` and a `.managed.json`), which are
    /// never read as articles.
    pub indexes: Vec<PathBuf>,
    /// Paths that could not be walked, with the reason.
    pub errors: Vec<(PathBuf, String)>,
    /// Folders walked that lie under no known root: `(canonical path, name)`, for the index to
    /// remember (see [`Root`]).
    pub new_roots: Vec<Root>,
}

/// A folder an index was built from: ids of files below it are `NAME/RELATIVE/PATH` however a
/// later run names them (the folder, a subfolder, or one file).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Root {
    /// Canonical (absolute, resolved) path.
    pub path: PathBuf,
    /// The id prefix: the folder's own name when it was first indexed.
    pub name: String,
}

/// Walks `roots` (files or folders), skipping hidden entries and anything inside `exclude`
/// (the index folder itself). Symlinks are not followed, so loops cannot happen.
///
/// Ids are anchored at the innermost `known` root that holds a file (so re-indexing one file
/// of an indexed folder, or the folder's parent, replaces its articles), else at the named
/// folder, or a named file's parent.
pub fn walk(roots: &[PathBuf], exclude: Option<&Path>, known: &[Root]) -> Walked {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut out = Walked::default();
    for root in roots {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                out.errors.push((root.clone(), io_reason(root, &e)));
                continue;
            }
        };
        let canon = root.canonicalize().unwrap_or_else(|_| root.clone());
        let anchor = known
            .iter()
            .chain(&out.new_roots)
            .filter(|k| canon.starts_with(&k.path))
            .max_by_key(|k| k.path.components().count())
            .cloned();
        let (base_dir, base_name) = match anchor {
            Some(k) => (k.path, k.name),
            None => {
                let dir = if meta.is_dir() {
                    canon.clone()
                } else {
                    canon.parent().map(Path::to_path_buf).unwrap_or_default()
                };
                let name = unique_name(&dir, known.iter().chain(&out.new_roots));
                out.new_roots.push(Root {
                    path: dir.clone(),
                    name: name.clone(),
                });
                (dir, name)
            }
        };
        // Links are followed, as a folder of linked articles means its articles; a dangling
        // link or a loop is an error entry, reported like an unreadable path.
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        let mut indexes = Vec::new();
        let walker = walker.filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let dir = e.file_type().is_dir();
            let excluded = exclude
                .as_ref()
                .is_some_and(|x| dir && e.path().canonicalize().is_ok_and(|p| &p == x));
            // Another index (or this one named as input): its files are no articles.
            let index = dir && !excluded && is_index_dir(e.path());
            if index {
                indexes.push(e.path().to_path_buf());
            }
            !hidden && !excluded && !index
        });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let why = walk_reason(&path, &e);
                    out.errors.push((path, why));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let depth = entry.depth();
            let path = entry.into_path();
            if Format::for_path(&path).is_none() && super::sniff::sniff_file(&path).is_none() {
                out.unsupported.push(path);
                continue;
            }
            let named = depth == 0;
            if is_documentation(&path) && !named {
                out.documentation.push(path);
                continue;
            }
            let below_root = path.strip_prefix(root).unwrap_or(Path::new(""));
            let full = if below_root.as_os_str().is_empty() {
                canon.clone()
            } else {
                canon.join(below_root)
            };
            // A folder indexed before inside the one named now keeps its ids ("sport/1.txt",
            // not "bbc-news/sport/1.txt"), or its articles would be indexed twice.
            let (dir, name) = known
                .iter()
                .filter(|k| full.starts_with(&k.path) && k.path.starts_with(&base_dir))
                .max_by_key(|k| k.path.components().count())
                .map_or((&base_dir, &base_name), |k| (&k.path, &k.name));
            let rel = full.strip_prefix(dir).unwrap_or(&full);
            let rel: Vec<String> = rel.components().map(|c| id_part(c.as_os_str())).collect();
            let id_base = if name.is_empty() {
                rel.join("/")
            } else {
                format!("{name}/{}", rel.join("/"))
            };
            out.files.push(SourceFile {
                path,
                id_base,
                named,
            });
        }
        out.indexes.append(&mut indexes);
    }
    out
}

/// Why walking reached no file at `path`, without walkdir's "IO error for operation on PATH"
/// (the path is printed before the reason already).
fn walk_reason(path: &Path, e: &walkdir::Error) -> String {
    if let Some(ancestor) = e.loop_ancestor() {
        return format!("link loop back to {}", ancestor.display());
    }
    match e.io_error() {
        Some(io) => io_reason(path, io),
        None => e.to_string(),
    }
}

/// An I/O error's reason, naming a dangling link as such: "No such file or directory" for a
/// link that exists reads as a contradiction.
fn io_reason(path: &Path, e: &std::io::Error) -> String {
    let link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if link && e.kind() == std::io::ErrorKind::NotFound {
        match std::fs::read_link(path) {
            Ok(target) => format!("dangling link to {}", target.display()),
            Err(_) => "dangling link".into(),
        }
    } else {
        e.to_string()
    }
}

/// Whether `dir` holds a Tantivy index: its `meta.json` and `.managed.json`.
pub fn is_index_dir(dir: &Path) -> bool {
    dir.join("meta.json").is_file() && dir.join(".managed.json").is_file()
}

/// A file or folder name as a part of an article id: the name itself when it is UTF-8, else
/// its valid parts with each other byte written `%XX`, so that names differing only there keep
/// apart ("caf%E9.txt", "caf%E8.txt"; replacing the bytes by U+FFFD gave both one id, and the
/// second article replaced the first).
fn id_part(name: &std::ffi::OsStr) -> String {
    if let Some(s) = name.to_str() {
        return s.to_string();
    }
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// README, LICENSE, PROVENANCE and the like describe an archive; indexing them as articles
/// would put them in every broad search.
fn is_documentation(path: &Path) -> bool {
    const DOCS: &[&str] = &[
        "readme",
        "license",
        "licence",
        "provenance",
        "changelog",
        "copying",
    ];
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let stem = stem.split('.').next().unwrap_or("");
    DOCS.contains(&stem)
}

/// The id prefix for a new root `dir`: its own name, unless it could give an id another
/// root gives (`2023/news` and `2024/news`, whose articles would otherwise replace each other;
/// or `q` beside a root named `q/news`, whose `news/a.txt` is `q/news/a.txt` too); then as
/// many parent folders as make it unique (`2024/news`), or, failing that, a number
/// (`news~2`).
fn unique_name<'a>(dir: &Path, roots: impl Iterator<Item = &'a Root> + Clone) -> String {
    let overlaps = |a: &str, b: &str| {
        a == b
            || a.strip_prefix(b).is_some_and(|r| r.starts_with('/'))
            || b.strip_prefix(a).is_some_and(|r| r.starts_with('/'))
    };
    let taken = |name: &str| {
        roots
            .clone()
            .any(|r| r.path != dir && overlaps(&r.name, name) && !nested(&r.path, dir))
    };
    let own = dir_name(dir);
    let canon = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut name = own.clone();
    let mut up = canon.parent();
    while taken(&name) {
        match up.and_then(|p| p.file_name().map(|n| (p, id_part(n)))) {
            Some((p, part)) => {
                name = format!("{part}/{name}");
                up = p.parent();
            }
            None => break,
        }
    }
    let mut n = 2;
    let base = name.clone();
    while taken(&name) {
        name = format!("{base}~{n}");
        n += 1;
    }
    name
}

/// Whether one of two folders holds the other: their ids never meet, since files below the
/// inner one keep its ids (see [`walk`]).
fn nested(a: &Path, b: &Path) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The folder's own name, resolving `.` and `..` through the file system.
fn dir_name(dir: &Path) -> String {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(id_part))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Linked files are articles; a dangling link is reported, never skipped in silence; a
    /// name that is not UTF-8 still counts by its extension.
    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_odd_names_kept() {
        use std::os::unix::ffi::OsStrExt;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("archive");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(tmp.path().join("elsewhere.txt"), "A\nb").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("elsewhere.txt"), root.join("linked.txt"))
            .unwrap();
        std::os::unix::fs::symlink(tmp.path().join("missing.txt"), root.join("dangling.txt"))
            .unwrap();
        for odd in [b"caf\xe9.txt", b"caf\xe8.txt"] {
            std::fs::write(root.join(std::ffi::OsStr::from_bytes(odd)), "A\nb").unwrap();
        }
        let w = walk(std::slice::from_ref(&root), None, &[]);
        let mut names: Vec<String> = w
            .files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["caf\u{FFFD}.txt", "caf\u{FFFD}.txt", "linked.txt"]);
        // Their ids stay apart, or one article would replace the other in the index.
        let mut ids: Vec<&str> = w.files.iter().map(|f| f.id_base.as_str()).collect();
        ids.sort();
        assert_eq!(
            ids,
            [
                "archive/caf%E8.txt",
                "archive/caf%E9.txt",
                "archive/linked.txt"
            ]
        );
        assert_eq!(w.errors.len(), 1, "{:?}", w.errors);
        assert!(w.errors[0].0.ends_with("dangling.txt"), "{:?}", w.errors);
        let to = tmp.path().join("missing.txt");
        assert_eq!(w.errors[0].1, format!("dangling link to {}", to.display()));
        assert!(w.unsupported.is_empty());
        // A link back up the tree is a loop, named as such, not walked forever.
        std::os::unix::fs::symlink(&root, root.join("up")).unwrap();
        let w = walk(std::slice::from_ref(&root), None, &[]);
        let why: Vec<&str> = w.errors.iter().map(|e| e.1.as_str()).collect();
        let back = format!("link loop back to {}", root.display());
        assert!(why.contains(&back.as_str()), "{why:?}");
    }

    /// A crawler's page saved without an extension is read as HTML and read whole by
    /// `read_file`; text, code and images under odd names stay out.
    #[test]
    fn pages_without_an_extension_are_told_by_their_markup() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("crawl");
        std::fs::create_dir_all(&root).unwrap();
        let page = "<!-- saved from url=(0022)https://example.org/ -->\n<html><head>\
                    <title>Harbour reopens</title></head><body><article><p>The harbour at \
                    Port Ellery reopened on Monday after three weeks of repairs to the \
                    breakwater, the town council said.</p></article></body></html>";
        std::fs::write(root.join("article?id=3"), page).unwrap();
        std::fs::write(root.join("notes"), "Rain\n\nIt rained.").unwrap();
        std::fs::write(root.join("script.php"), "<?php echo 1; ?>").unwrap();
        std::fs::write(root.join("photo.jpg"), b"\xff\xd8\xff\xe0").unwrap();
        let w = walk(std::slice::from_ref(&root), None, &[]);
        let names: Vec<_> = w.files.iter().map(|f| f.id_base.as_str()).collect();
        assert_eq!(names, ["crawl/article?id=3"]);
        assert_eq!(w.unsupported.len(), 3, "{:?}", w.unsupported);
        let out = super::super::read_file(&w.files[0]);
        assert_eq!(out.articles.len(), 1, "{:?}", out.problems);
        assert_eq!(out.articles[0].title, "Harbour reopens");
        // The same page saved as text, JSON or XML is still read as a page.
        for name in ["page.txt", "page.json", "page.xml"] {
            std::fs::write(root.join(name), page).unwrap();
            let file = SourceFile {
                path: root.join(name),
                id_base: format!("crawl/{name}"),
                named: false,
            };
            let out = super::super::read_file(&file);
            let titles: Vec<_> = out.articles.iter().map(|a| a.title.as_str()).collect();
            assert_eq!(titles, ["Harbour reopens"], "{name}: {:?}", out.problems);
        }
    }

    #[test]
    fn ids_are_stable_for_folder_or_file_arguments() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("archive");
        std::fs::create_dir_all(root.join("wire")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join("idx")).unwrap();
        std::fs::write(root.join("wire/a.txt"), "A\nb").unwrap();
        std::fs::write(root.join("b.json"), "{}").unwrap();
        std::fs::write(root.join("photo.jpg"), "x").unwrap();
        std::fs::write(root.join("README.md"), "# About this archive").unwrap();
        std::fs::write(root.join(".git/c.txt"), "hidden").unwrap();
        std::fs::write(root.join("idx/d.txt"), "index").unwrap();

        let w = walk(std::slice::from_ref(&root), Some(&root.join("idx")), &[]);
        let ids: Vec<_> = w.files.iter().map(|f| f.id_base.as_str()).collect();
        assert_eq!(ids, ["archive/b.json", "archive/wire/a.txt"]);
        assert_eq!(w.unsupported, [root.join("photo.jpg")]);
        assert_eq!(w.documentation, [root.join("README.md")]);
        assert!(w.files.iter().all(|f| !f.named));

        let w = walk(&[root.join("wire/a.txt")], None, &[]);
        assert_eq!(w.files[0].id_base, "wire/a.txt");
        assert!(w.files[0].named);
        // A README named itself is read.
        let w = walk(&[root.join("README.md")], None, &[]);
        assert_eq!(w.files[0].id_base, "archive/README.md");
        assert!(w.files[0].named && w.documentation.is_empty());

        let w = walk(&[root.join("missing")], None, &[]);
        assert_eq!(w.errors.len(), 1);
    }

    #[test]
    fn known_roots_anchor_ids_of_files_below_them() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("archive");
        std::fs::create_dir_all(root.join("feeds/day")).unwrap();
        std::fs::write(root.join("feeds/day/a.jsonl"), "{}").unwrap();
        let first = walk(std::slice::from_ref(&root), None, &[]);
        assert_eq!(first.files[0].id_base, "archive/feeds/day/a.jsonl");
        let known = first.new_roots;
        assert_eq!(known.len(), 1);
        assert_eq!(known[0].name, "archive");
        let again = walk(&[root.join("feeds/day/a.jsonl")], None, &known);
        assert_eq!(again.files[0].id_base, "archive/feeds/day/a.jsonl");
        assert!(again.new_roots.is_empty());
        let sub = walk(&[root.join("feeds")], None, &known);
        assert_eq!(sub.files[0].id_base, "archive/feeds/day/a.jsonl");
    }

    /// Two folders of the same name (`dupA/news`, `dupB/news`) once shared ids, so the second's
    /// articles replaced the first's in the index without a word.
    #[test]
    fn folders_of_the_same_name_get_different_ids() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("dupA/news"), tmp.path().join("dupB/news"));
        for dir in [&a, &b] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("story.txt"), "Story\nbody").unwrap();
        }
        let both = walk(&[a.clone(), b.clone()], None, &[]);
        let ids: Vec<_> = both.files.iter().map(|f| f.id_base.as_str()).collect();
        assert_eq!(ids, ["news/story.txt", "dupB/news/story.txt"]);
        // In two runs, the second sees the first's root; each keeps its ids when named again.
        let first = walk(std::slice::from_ref(&a), None, &[]);
        let second = walk(std::slice::from_ref(&b), None, &first.new_roots);
        assert_eq!(second.files[0].id_base, "dupB/news/story.txt");
        let mut known = first.new_roots;
        known.extend(second.new_roots);
        let again = walk(&[b.join("story.txt"), a.join("story.txt")], None, &known);
        let ids: Vec<_> = again.files.iter().map(|f| f.id_base.as_str()).collect();
        assert_eq!(ids, ["dupB/news/story.txt", "news/story.txt"]);
        // Files named one by one are told apart the same way.
        let files = walk(&[a.join("story.txt"), b.join("story.txt")], None, &[]);
        let ids: Vec<_> = files.files.iter().map(|f| f.id_base.as_str()).collect();
        assert_eq!(ids, ["news/story.txt", "dupB/news/story.txt"]);
        // A root whose name another's ids start with: `three/q` beside `two/q/news`.
        let tmp2 = tempfile::tempdir().unwrap();
        let (qn, q) = (tmp2.path().join("two/q/news"), tmp2.path().join("three/q"));
        std::fs::create_dir_all(&qn).unwrap();
        std::fs::create_dir_all(q.join("news")).unwrap();
        std::fs::write(qn.join("story.txt"), "Two\nbody").unwrap();
        std::fs::write(q.join("news/story.txt"), "Three\nbody").unwrap();
        let first = walk(&[tmp2.path().join("one/news"), qn.clone()], None, &known);
        assert_eq!(first.files[0].id_base, "q/news/story.txt");
        let mut known2 = known.clone();
        known2.extend(first.new_roots);
        let second = walk(std::slice::from_ref(&q), None, &known2);
        assert_eq!(second.files[0].id_base, "three/q/news/story.txt");
        // The same folder named twice is one root, not two.
        let twice = walk(&[a.clone(), a.join(".")], None, &[]);
        assert_eq!(twice.new_roots.len(), 1);
        assert_eq!(twice.files[1].id_base, "news/story.txt");
    }

    #[test]
    fn a_parent_named_after_its_subfolder_keeps_the_subfolders_ids() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("news");
        std::fs::create_dir_all(root.join("sport")).unwrap();
        std::fs::write(root.join("sport/a.txt"), "A\nb").unwrap();
        std::fs::write(root.join("b.txt"), "B\nc").unwrap();
        let first = walk(&[root.join("sport")], None, &[]);
        assert_eq!(first.files[0].id_base, "sport/a.txt");
        let parent = walk(std::slice::from_ref(&root), None, &first.new_roots);
        let ids: Vec<_> = parent.files.iter().map(|f| f.id_base.as_str()).collect();
        assert_eq!(ids, ["news/b.txt", "sport/a.txt"]);
        assert_eq!(parent.new_roots.len(), 1, "the parent is remembered too");
    }
}
