//! Searching an index that the user may read but not write: another user's index, one built
//! by a cron job, or one on a read-only mount.
//!
//! Opening segment readers takes Tantivy's meta lock (a lock file in the index folder, so that
//! a concurrent writer does not delete files while they are opened). Where no lock file can
//! be created, the folder cannot be written by this user, so the search goes on without it:
//! the one risk, a writer of the owner's deleting a segment between our reading `meta.json`
//! and opening its files, costs that search an error, never a wrong result. Everything else
//! is Tantivy's `MmapDirectory` unchanged, but for `.managed.json` (see `atomic_read`).

use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};

/// [`MmapDirectory`] whose meta lock is skipped when the folder refuses the lock file.
#[derive(Debug, Clone)]
pub(crate) struct SharedDirectory(pub(crate) MmapDirectory);

impl Directory for SharedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        match self.0.atomic_read(path) {
            // Tantivy rewrites `.managed.json` readable by its owner only during a run (the
            // index writer makes it as readable as the segments at each commit). It lists
            // files for the writer's clean-up; a search does not need it.
            Err(OpenReadError::IoError { io_error, .. })
                if path == Path::new(MANAGED_FILE) && refused(io_error.kind()) =>
            {
                Err(OpenReadError::FileDoesNotExist(path.to_path_buf()))
            }
            other => other,
        }
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.0.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.0.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.0.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath && refused(e.kind()) =>
            {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(watch_callback)
    }
}

/// Tantivy's list of the files it manages, in the index folder.
const MANAGED_FILE: &str = ".managed.json";

/// Errors that mean "this user may not create or read files here".
fn refused(kind: io::ErrorKind) -> bool {
    matches!(
        kind,
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}
