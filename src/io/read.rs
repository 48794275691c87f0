//! Reading a file's bytes with limits, gunzipping when needed.

use std::io::Read;
use std::path::Path;

use super::{Diagnostic, LoadError, Where};

/// The largest file (or gunzipped content) the loaders accept: 1 GiB.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Reads a file, gunzipping it if it starts with the gzip magic bytes.
///
/// # Errors
/// The file cannot be read, is larger than [`MAX_FILE_BYTES`], or is not valid gzip.
pub fn read_file_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let fail = |message: String| LoadError::single(Diagnostic::error(&name, Where::File, message));
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(fail("is a folder, not a file".to_owned()));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(fail(format!(
                "is {} MB; the largest file this app reads is {} MB",
                meta.len() >> 20,
                MAX_FILE_BYTES >> 20
            )));
        }
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    gunzip_if_needed(&name, bytes)
}

/// Gunzips `bytes` if they start with the gzip magic, with the same size limit.
///
/// # Errors
/// Broken gzip data, or content larger than [`MAX_FILE_BYTES`].
pub(crate) fn gunzip_if_needed(name: &str, bytes: Vec<u8>) -> Result<Vec<u8>, LoadError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes.as_slice()).take(MAX_FILE_BYTES + 1);
    decoder.read_to_end(&mut out).map_err(|e| {
        LoadError::single(Diagnostic::error(
            name,
            Where::File,
            format!("is gzip-compressed but cannot be decompressed: {e}"),
        ))
    })?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::single(Diagnostic::error(
            name,
            Where::File,
            format!(
                "decompresses to more than {} MB, the most this app reads",
                MAX_FILE_BYTES >> 20
            ),
        )));
    }
    Ok(out)
}
