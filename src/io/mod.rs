//! Reading and checking files: country layers (GeoJSON) and scenarios (JSON), and the
//! diagnostics that say what is wrong with them and where; and writing files, atomically
//! ([`atomic`]).
//!
//! Every loader takes bytes and a display name, never panics, and either returns the whole
//! result or an error; nothing is half-loaded.

mod antimeridian;
pub mod atomic;
mod countries;
mod country;
mod diagnostic;
pub mod embedded;
mod event_layer;
mod fast_countries;
pub mod geometry_check;
mod json_error;
mod json_text;
pub mod memory;
mod read;
mod scenario_file;
mod scenario_write;
pub mod sheet;
mod strict_text;

pub use countries::{
    collection_findings, parse_countries, parse_countries_within, read_countries,
    read_countries_within,
};
pub use country::{Country, CountryIx, CountryLayer, KeySource, LonLatBox};
pub use diagnostic::{Diagnostic, LoadError, Where};
pub use event_layer::{
    ColumnChoice, ColumnChoices, CsvPreview, EventDetails, EventLimits, EventLoad, PREVIEW_ROWS,
    csv_header, csv_preview, event_details, header_key, looks_like_event_layer, parse_day,
    parse_event_layer, parse_event_stream, read_event_layer, read_event_layer_with,
};
pub use read::{MAX_FILE_BYTES, read_file_bytes, read_head};
pub use scenario_file::{parse_scenario, read_scenario, source_diagnostics};
pub use scenario_write::{scenario_json, write_scenario};

/// What kind of file some bytes look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A GeoJSON country layer.
    Countries,
    /// A Sahel Atlas scenario.
    Scenario,
    /// A conflict-event layer (ACLED, UCDP GED, a CSV or GeoJSON of dated points).
    Events,
}

/// The first 4 KiB of a file's text, decompressed when it is gzip: enough to tell what it
/// is. Broken gzip reads as little as it can; the loader says what is wrong.
pub(crate) fn head_of(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let mut head = Vec::new();
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let _ = flate2::read::MultiGzDecoder::new(bytes)
            .take(4096)
            .read_to_end(&mut head);
    } else {
        head.extend_from_slice(&bytes[..bytes.len().min(4096)]);
    }
    head
}

/// Guesses whether bytes hold a scenario, an event layer or a country layer by looking for the scenario's
/// `format` marker near the start (of the decompressed text, if gzip-compressed).
pub fn detect_kind(bytes: &[u8]) -> FileKind {
    let head = head_of(bytes);
    let head = String::from_utf8_lossy(&head);
    if head.contains("sahel-atlas/scenario") || head.contains("\"relationships\"") {
        FileKind::Scenario
    } else if looks_like_event_layer(bytes) {
        FileKind::Events
    } else {
        FileKind::Countries
    }
}

/// What kind of file `path` holds, from its first 4 KiB (decompressed when gzip), without
/// reading the rest: an event layer can be far larger than a country layer, and is then
/// read as it streams.
///
/// # Errors
/// The file cannot be opened or read.
pub fn detect_file_kind(path: &std::path::Path) -> Result<FileKind, LoadError> {
    Ok(detect_kind(&read_head(path, 4096)?))
}
