//! Reading a file's bytes with limits, gunzipping when needed.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use super::{Diagnostic, LoadError, Where};

/// The largest file (or gunzipped content) the loaders accept: 256 MiB, ten times Natural
/// Earth's most detailed country layer. Parsed JSON takes several times its size in memory.
pub const MAX_FILE_BYTES: u64 = 1 << 28;

/// Reads a file, gunzipping it if it starts with the gzip magic bytes.
///
/// # Errors
/// The file cannot be read, is larger than [`MAX_FILE_BYTES`], or is not valid gzip.
pub fn read_file_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let fail = |message: String| LoadError::single(Diagnostic::error(&name, Where::File, message));
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let mut expected_len = 0;
    if let Ok(meta) = file.metadata() {
        expected_len = meta.len();
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
    // Sized from the metadata: reading through `take` gives no size hint, and a vector
    // grown by doubling would hold up to twice the file at the peak of a load.
    let mut bytes = Vec::with_capacity(usize::try_from(expected_len).unwrap_or(0) + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    match gunzip_if_needed(&name, &bytes)? {
        Cow::Borrowed(_) => Ok(bytes),
        Cow::Owned(gunzipped) => Ok(gunzipped),
    }
}

/// Gunzips `bytes` if they start with the gzip magic, with the same size limit; checks the
/// size of bytes that are not compressed too.
///
/// # Errors
/// Broken gzip data, or content larger than [`MAX_FILE_BYTES`].
pub(crate) fn gunzip_if_needed<'a>(
    name: &str,
    bytes: &'a [u8],
) -> Result<Cow<'a, [u8]>, LoadError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::single(Diagnostic::error(
                name,
                Where::File,
                format!(
                    "is {} MB; the largest file this app reads is {} MB",
                    bytes.len() >> 20,
                    MAX_FILE_BYTES >> 20
                ),
            )));
        }
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes).take(MAX_FILE_BYTES + 1);
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
    Ok(Cow::Owned(out))
}
