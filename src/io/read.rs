//! Reading a file's bytes with limits, gunzipping when needed.

use std::borrow::Cow;
use std::io::{Read, Seek};
use std::path::Path;

use super::{Diagnostic, LoadError, Where};

/// The largest file (or gunzipped content) the loaders of countries, scenarios and GeoJSON
/// event layers accept: 256 MiB, ten times Natural Earth's most detailed country layer.
/// Parsed JSON takes several times its size in memory. CSV event layers are streamed and
/// have no such limit (`crate::io::EventLimits`).
pub const MAX_FILE_BYTES: u64 = 1 << 28;

/// Reads a file, gunzipping it if it starts with the gzip magic bytes.
///
/// # Errors
/// The file cannot be read, is larger than [`MAX_FILE_BYTES`], or is not valid gzip.
pub fn read_file_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let (file, len) = open_file(path)?;
    read_opened(&path.display().to_string(), &file, len)
}

/// [`read_file_bytes`] of a file opened with [`open_file`], `expected_len` long by its
/// metadata, named `name` in messages.
fn read_opened(name: &str, file: &std::fs::File, expected_len: u64) -> Result<Vec<u8>, LoadError> {
    let fail = |message: String| LoadError::single(Diagnostic::error(name, Where::File, message));
    if expected_len > MAX_FILE_BYTES {
        return Err(fail(too_large(Some(expected_len))));
    }
    let bytes = match read_in_halves(file, expected_len) {
        Some(bytes) => bytes,
        None => {
            // Sized from the metadata: reading through `take` gives no size hint, and a
            // vector grown by doubling would hold up to twice the file at the peak of a load.
            let mut bytes = Vec::with_capacity(usize::try_from(expected_len).unwrap_or(0) + 1);
            let mut file = file;
            file.seek(std::io::SeekFrom::Start(0))
                .map_err(|e| fail(format!("cannot read: {e}")))?;
            file.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| fail(format!("cannot read: {e}")))?;
            bytes
        }
    };
    // A pipe or a file that grew while it was read.
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(too_large(None)));
    }
    match gunzip_if_needed(name, &bytes)? {
        Cow::Borrowed(_) => Ok(bytes),
        Cow::Owned(gunzipped) => Ok(gunzipped),
    }
}

/// A file's bytes: read into memory, or mapped (a large file in a process that maps:
/// [`super::memory::map_files_with_guard`]).
pub(crate) enum FileBytes {
    /// Read (and gunzipped, when it was gzip).
    Read(Vec<u8>),
    /// Mapped as it is on disk.
    Mapped(super::memory::MappedFile),
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Self::Read(bytes) => bytes,
            Self::Mapped(map) => map,
        }
    }
}

/// [`read_file_bytes`], mapping a large file instead of reading it where this process maps
/// files. A mapped gzip file is gunzipped by the parser, as bytes from memory are.
///
/// # Errors
/// As [`read_file_bytes`].
pub(crate) fn map_or_read_file(path: &Path) -> Result<FileBytes, LoadError> {
    let name = path.display().to_string();
    let (file, len) = open_file(path)?;
    if (super::memory::LARGE_FILE..=MAX_FILE_BYTES).contains(&len)
        && let Some(map) = usize::try_from(len)
            .ok()
            .and_then(|len| super::memory::MappedFile::map(&file, len, &name))
    {
        return Ok(FileBytes::Mapped(map));
    }
    read_opened(&name, &file, len).map(FileBytes::Read)
}

/// A large file read on two threads, each half into its part of the buffer: most of a
/// read from the page cache is the kernel copying into fresh pages, and two cores do that
/// in half the time (the 1:10m country layer is 22 MB). `None` for a small file, or one
/// whose length is not what its metadata said (then it is read the usual way).
#[cfg(unix)]
fn read_in_halves(file: &std::fs::File, len: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    if !(super::memory::LARGE_FILE..=MAX_FILE_BYTES).contains(&len) {
        return None;
    }
    let len = usize::try_from(len).ok()?;
    // Zeroed by the allocator's fresh pages, not written twice.
    let mut bytes = vec![0u8; len];
    // 2 MiB pages: a tenth of the faults' cost (`io::memory`).
    super::memory::advise_huge_pages(&mut bytes);
    let half = len / 2;
    let (first, second) = bytes.split_at_mut(half);
    let (a, b) = std::thread::scope(|scope| {
        let b = scope.spawn(|| file.read_exact_at(second, half as u64).is_ok());
        let a = file.read_exact_at(first, 0).is_ok();
        (a, b.join().unwrap_or(false))
    });
    // Nothing past the length the metadata gave (a file that grew is read again, whole).
    let mut past = [0u8; 1];
    let ended = matches!(file.read_at(&mut past, len as u64), Ok(0));
    (a && b && ended).then_some(bytes)
}

#[cfg(not(unix))]
fn read_in_halves(_: &std::fs::File, _: u64) -> Option<Vec<u8>> {
    None
}

/// Opens a file to read: not a folder, not a device. Returns it and its length (0 when
/// unknown).
///
/// # Errors
/// It cannot be opened, or is a folder or a device.
pub(crate) fn open_file(path: &Path) -> Result<(std::fs::File, u64), LoadError> {
    let name = path.display().to_string();
    let fail = |message: String| LoadError::single(Diagnostic::error(&name, Where::File, message));
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let mut len = 0;
    if let Ok(meta) = file.metadata() {
        len = meta.len();
        if meta.is_dir() {
            return Err(fail("is a folder, not a file".to_owned()));
        }
        if is_device(&meta) {
            return Err(fail(
                "is not a regular file (a device such as /dev/zero): give a file".to_owned(),
            ));
        }
    }
    Ok((file, len))
}

/// The first `limit` bytes of a file's text, decompressed when it is gzip (less when the
/// file is shorter, or its gzip is broken early on): enough to tell what it is.
///
/// # Errors
/// It cannot be opened or read.
pub fn read_head(path: &Path, limit: usize) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let (file, _) = open_file(path)?;
    let mut reader = std::io::BufReader::new(file);
    let gzip = std::io::BufRead::fill_buf(&mut reader)
        .map_err(|e| {
            LoadError::single(Diagnostic::error(
                &name,
                Where::File,
                format!("cannot read: {e}"),
            ))
        })?
        .starts_with(&[0x1f, 0x8b]);
    let mut head = Vec::new();
    let limit = limit as u64;
    let read = if gzip {
        flate2::bufread::MultiGzDecoder::new(reader)
            .take(limit)
            .read_to_end(&mut head)
    } else {
        reader.take(limit).read_to_end(&mut head)
    };
    // Broken gzip: what could be decompressed tells the kind; its loader says what is wrong.
    if let Err(e) = read
        && !gzip
    {
        return Err(LoadError::single(Diagnostic::error(
            &name,
            Where::File,
            format!("cannot read: {e}"),
        )));
    }
    Ok(head)
}

/// "is larger than 256 MB, the most this app reads", with the size when known.
fn too_large(len: Option<u64>) -> String {
    let max = MAX_FILE_BYTES >> 20;
    match len {
        Some(len) => format!(
            "is larger than {max} MB ({:.1} MB), the most this app reads",
            len as f64 / f64::from(1 << 20)
        ),
        None => format!("is larger than {max} MB, the most this app reads"),
    }
}

/// Whether the metadata is of a character or block device (endless, or not a document).
#[cfg(unix)]
fn is_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    let t = meta.file_type();
    t.is_char_device() || t.is_block_device() || t.is_socket()
}

#[cfg(not(unix))]
fn is_device(meta: &std::fs::Metadata) -> bool {
    !meta.is_file() && !meta.is_dir()
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
                too_large(Some(bytes.len() as u64)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_read_in_halves_is_the_file() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("large.geojson");
        // 5 MB of varied bytes, odd length: the halves meet mid-pattern.
        let bytes: Vec<u8> = (0..5_000_001u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).expect("written");
        let read = read_file_bytes(&path).expect("read");
        assert_eq!(read.len(), bytes.len());
        assert!(read == bytes);
        // Gzip of a large file is gunzipped as before.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &bytes).expect("compressed");
        let gz = gz.finish().expect("compressed");
        std::fs::write(&path, &gz).expect("written");
        assert!(read_file_bytes(&path).expect("gunzipped") == bytes);
    }
}
