//! Atomic output: every file the CLI or the app writes is either the old one or the new one,
//! never half of each (Git's `lockfile.c`, SQLite's rollback rule).
//!
//! The data goes to a uniquely named temporary file in the target's own folder (the
//! `tempfile` crate: `O_EXCL`, a random name such as `.map.png.a1B2c3.part`), is flushed
//! and synced, and is renamed over the target only when complete. On any failure the
//! temporary file is removed and the target is untouched (or still absent). Two writers to
//! one path each write their own temporary file; the last rename wins, and each rename puts
//! a complete file in place. A symlink at the target is written through: the link is
//! resolved and the file it points to is replaced, the link stays.
//!
//! Every live temporary file is in one registry, so that SIGINT and SIGTERM remove them
//! before the process exits ([`remove_live_temporaries`]); a `kill -9` cannot be caught and
//! may leave a `.part` file, never a half-written target.

use std::collections::BTreeSet;
use std::fs::{File, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The paths of the temporary files being written, removed on SIGINT/SIGTERM.
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The most symbolic links followed to find the real target (as Linux's `MAXSYMLINKS`).
const MAX_LINKS: usize = 40;

/// The file a write to `path` replaces: `path` itself, or, when it is a symbolic link, the
/// file the link points to (a dangling link's target is created).
///
/// # Errors
/// A chain of more than 40 links, or a link that cannot be read.
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    let mut target = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&target)?;
                target = if to.is_absolute() {
                    to
                } else {
                    target.parent().unwrap_or(Path::new("")).join(to)
                };
            }
            _ => return Ok(target),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row"
    )))
}

/// The folder a file lives in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A uniquely named temporary file in `folder`, named after `name`, registered as live.
fn temporary_in(
    folder: &Path,
    name: &str,
    permissions: Option<Permissions>,
) -> io::Result<PathBuf> {
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".part");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    let mut live = live();
    let temp = builder.tempfile_in(folder)?;
    // Kept from here on: the registry and our own `Drop` remove it.
    let (_, path) = temp.keep().map_err(|e| e.error)?;
    live.insert(path.clone());
    Ok(path)
}

/// Removes a registered temporary file and forgets it.
fn discard(path: &Path) {
    let mut live = live();
    let _ = std::fs::remove_file(path);
    live.remove(path);
}

/// The permissions a new file gets: the target's own when it exists, else read and write
/// for everyone less the umask (as `File::create` gives).
fn permissions_for(target: &Path) -> io::Result<Option<Permissions>> {
    match std::fs::metadata(target) {
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        )),
        Ok(meta) if !meta.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file (a device, pipe or socket), so it is not replaced",
        )),
        Ok(meta) => Ok(Some(meta.permissions())),
        Err(_) => Ok(default_permissions()),
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    // Applied through open(2), so the umask takes its share.
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<Permissions> {
    None
}

/// A file being written atomically: write to it, then [`AtomicFile::commit`]. Dropped
/// without a commit, it removes its temporary file and the target stays as it was.
#[derive(Debug)]
pub struct AtomicFile {
    writer: Option<BufWriter<File>>,
    temp: PathBuf,
    target: PathBuf,
}

impl AtomicFile {
    /// Starts writing `path` (through a symlink, to the file it points to).
    ///
    /// # Errors
    /// The folder cannot hold a new file, or the target is a folder or not a regular file.
    pub fn create(path: &Path) -> io::Result<Self> {
        let target = resolve_target(path)?;
        let permissions = permissions_for(&target)?;
        let name = target
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let temp = temporary_in(folder_of(&target), &name, permissions.clone())?;
        let opened = std::fs::OpenOptions::new().write(true).open(&temp);
        // An existing file's mode exactly, past the umask.
        let opened = match (opened, permissions) {
            (Ok(file), Some(p)) if target.exists() => file.set_permissions(p).map(|()| file),
            (opened, _) => opened,
        };
        let file = match opened {
            Ok(file) => file,
            Err(e) => {
                discard(&temp);
                return Err(e);
            }
        };
        Ok(Self {
            writer: Some(BufWriter::with_capacity(1 << 16, file)),
            temp,
            target,
        })
    }

    /// The temporary file's path (for tests and messages).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// The file that [`AtomicFile::commit`] replaces (the symlink resolved).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes and syncs the data, then renames the temporary file over the target.
    ///
    /// # Errors
    /// Writing, syncing or renaming failed: the temporary file is removed and the target
    /// is as it was.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(writer) = self.writer.take() else {
            return Err(io::Error::other("the file was already committed"));
        };
        let file = writer
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        {
            let mut live = live();
            std::fs::rename(&self.temp, &self.target)?;
            live.remove(&self.temp);
        }
        // The rename itself reaches the disk with the folder's entry.
        if let Ok(folder) = File::open(folder_of(&self.target)) {
            let _ = folder.sync_all();
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.writer {
            Some(w) => w.write(buf),
            None => Err(io::Error::other("the file was already committed")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.writer {
            Some(w) => w.write_all(buf),
            None => Err(io::Error::other("the file was already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.writer {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Closed first, then removed (a no-op after a commit: the path is no longer there
        // under that name, and the registry no longer holds it).
        self.writer = None;
        if live().contains(&self.temp) {
            discard(&self.temp);
        }
    }
}

/// A scratch file beside an output (an MP4's samples before they are laid out), removed
/// when dropped and on SIGINT/SIGTERM.
#[derive(Debug)]
pub struct ScratchFile {
    path: PathBuf,
}

impl ScratchFile {
    /// A new, empty, uniquely named scratch file in the folder of `beside`'s real target.
    ///
    /// # Errors
    /// The folder cannot hold a new file.
    pub fn beside(beside: &Path, what: &str) -> io::Result<Self> {
        let target = resolve_target(beside)?;
        let name = target
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let path = temporary_in(
            folder_of(&target),
            &format!("{name}.{what}"),
            default_permissions(),
        )?;
        Ok(Self { path })
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens it for writing.
    ///
    /// # Errors
    /// What the system says.
    pub fn open_for_writing(&self) -> io::Result<File> {
        std::fs::OpenOptions::new().write(true).open(&self.path)
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        discard(&self.path);
    }
}

/// Writes `bytes` to `path` atomically: the target ends up holding exactly `bytes`, or,
/// on failure, exactly what it held before.
///
/// # Errors
/// The file cannot be created, written, synced or renamed (see [`AtomicFile`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes `path` atomically with what `f` writes: on `Ok` the whole output replaces the
/// target; on an error from `f` or from the file system, the target is untouched and no
/// temporary file remains.
///
/// # Errors
/// `f`'s error, or the file system's converted into `E`.
pub fn write_atomic_with<E: From<io::Error>>(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let mut file = AtomicFile::create(path)?;
    f(&mut file)?;
    file.commit()?;
    Ok(())
}

/// Removes every live temporary file and returns with the registry locked, so that no new
/// one appears and none is renamed: the caller (the SIGINT/SIGTERM handler) then exits.
/// Returns how many were removed.
pub fn remove_live_temporaries() -> (usize, MutexGuard<'static, BTreeSet<PathBuf>>) {
    let mut live = live();
    let mut removed = 0;
    for path in live.iter() {
        if std::fs::remove_file(path).is_ok() {
            removed += 1;
        }
    }
    live.clear();
    (removed, live)
}

/// How many temporary files are being written now (for tests).
pub fn live_temporaries() -> usize {
    live().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("sahel-atlas-atomic-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = folder("replace");
        let path = dir.join("a.txt");
        write_atomic(&path, b"old and longer").expect("first");
        write_atomic(&path, b"new").expect("second");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        assert_eq!(names(&dir), ["a.txt"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_the_target_as_it_was_and_no_temporary() {
        let dir = folder("fail");
        let path = dir.join("a.txt");
        write_atomic(&path, b"old").expect("first");
        let result: Result<(), io::Error> = write_atomic_with(&path, |w| {
            w.write_all(b"half of the new")?;
            Err(io::Error::other("the encoder failed"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
        assert_eq!(names(&dir), ["a.txt"]);
        // Absent stays absent.
        let missing = dir.join("b.txt");
        let result: Result<(), io::Error> =
            write_atomic_with(&missing, |_| Err(io::Error::other("no")));
        assert!(result.is_err() && !missing.exists());
        assert_eq!(names(&dir), ["a.txt"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn temporaries_are_unique_hidden_and_beside_the_target() {
        let dir = folder("unique");
        let path = dir.join("clip.gif");
        let a = AtomicFile::create(&path).expect("a");
        let b = AtomicFile::create(&path).expect("b");
        assert_ne!(a.temp_path(), b.temp_path());
        for t in [a.temp_path(), b.temp_path()] {
            assert_eq!(t.parent(), Some(dir.as_path()));
            let name = t.file_name().unwrap_or_default().to_string_lossy();
            assert!(
                name.starts_with(".clip.gif.") && name.ends_with(".part"),
                "{name}"
            );
        }
        drop((a, b));
        assert!(names(&dir).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = folder("link");
        let real = dir.join("real.csv");
        let link = dir.join("link.csv");
        std::fs::write(&real, "old").expect("real");
        std::os::unix::fs::symlink("real.csv", &link).expect("symlink");
        write_atomic(&link, b"new").expect("through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("real"), b"new");
        assert_eq!(names(&dir), ["link.csv", "real.csv"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_of_an_existing_file_are_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = folder("mode");
        let path = dir.join("a.txt");
        std::fs::write(&path, "old").expect("old");
        std::fs::set_permissions(&path, Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&path, b"new").expect("write");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn folders_and_devices_are_not_replaced() {
        let dir = folder("dir");
        let e = write_atomic(&dir, b"x").expect_err("a folder");
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
        #[cfg(unix)]
        {
            let e = write_atomic(Path::new("/dev/null"), b"x").expect_err("a device");
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
