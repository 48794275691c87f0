//! Writing a file so that it is either the old one or the new one, never half of each.

use std::io::{self, Write as _};
use std::path::Path;

/// Writes `bytes` to `path` atomically: to a temporary file in the same folder, flushed and
/// synced, then renamed over `path`. On error the temporary file is removed and `path` is
/// untouched.
///
/// # Errors
/// The folder is not writable, the disk is full, or the rename fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
