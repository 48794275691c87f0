//! Writing one export to a file: the one dispatch by format that `sahel-atlas render`,
//! `sahel-atlas export` and the app's File → Export all go through.

use std::path::Path;

use crate::model::Day;

use super::{
    ExportError, Format, MapData, RenderOptions, render_png, render_svg, state_csv_filtered,
    state_geojson_filtered,
};

/// The bytes of an export of `data` in `format`: the picture (PNG, SVG) of the view in
/// `options`, or the state at `options.date` (GeoJSON, CSV); with event layers in `options`,
/// GeoJSON and CSV hold the events in the window instead.
///
/// # Errors
/// [`ExportError`] when the picture's size is out of range or the PNG cannot be encoded.
pub fn export_bytes(
    format: Format,
    data: &MapData<'_>,
    options: &RenderOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Png => render_png(data, options)?,
        Format::Svg => {
            options.check_size()?;
            render_svg(data, options).into_bytes()
        }
        // With event layers, the data exports are the events in the window.
        Format::GeoJson if !options.events.layers.is_empty() => {
            super::events_geojson(&options.events, Day::from_date(options.date)).into_bytes()
        }
        Format::Csv if !options.events.layers.is_empty() => {
            super::events_csv(&options.events, Day::from_date(options.date)).into_bytes()
        }
        Format::GeoJson => {
            state_geojson_filtered(data.timeline, data.places, options.date, &options.filter)
                .into_bytes()
        }
        Format::Csv => {
            state_csv_filtered(data.timeline, options.date, &options.filter).into_bytes()
        }
    })
}

/// Writes an export of `data` in `format` to `path` (see [`export_bytes`]), atomically
/// ([`crate::io::atomic`]): on any failure `path` is as it was.
///
/// # Errors
/// [`ExportError`] when the export cannot be made or the file cannot be written.
pub fn export_to_file(
    path: &Path,
    format: Format,
    data: &MapData<'_>,
    options: &RenderOptions,
) -> Result<(), ExportError> {
    let bytes = export_bytes(format, data, options)?;
    crate::io::atomic::write_atomic(path, &bytes).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}
