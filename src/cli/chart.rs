//! `chart`: a state's alignment over time (or the five Sahel states', or a partner's ties by
//! counterpart) written as SVG or PNG.
//! The chart is laid out and drawn by [`crate::export::chart`]; this checks the flags, picks
//! the format and writes the file.

use super::args::ChartArgs;
use crate::export::chart::{ChartError, chart_for, chart_png, chart_svg};
use crate::export::{ExportError, Format, RenderOptions};
use crate::model::Timeline;

/// Runs `chart` on `timeline`: writes the picture and says so.
///
/// # Errors
/// An unknown id or extension, a size out of range, a file that cannot be written.
pub fn run_chart(args: &ChartArgs, timeline: &Timeline) -> Result<String, ChartError> {
    // A partner's chart is as tall as its rows need (26 pixels each, the most it gives them).
    let partner_rows = args
        .country
        .as_deref()
        .and_then(|id| timeline.entity_index(id))
        .filter(|&e| timeline.charts_by_counterpart(e))
        .map(|e| timeline.counterparts(e).rows.len() as u32);
    let size = match (args.size, partner_rows) {
        (Some(s), _) => s,
        (None, Some(rows)) => [1200, 100 + 26 * rows.max(1)],
        (None, None) if args.country.is_some() => [1200, 360],
        (None, None) => [1200, 1000],
    };
    let format = Format::of_path(&args.out);
    if !matches!(format, Some(Format::Png | Format::Svg)) {
        return Err(ChartError::UnknownFormat(args.out.clone()));
    }
    RenderOptions {
        size,
        ..RenderOptions::at(timeline.start().to_date())
    }
    .check_size()?;
    let layout = chart_for(
        timeline,
        args.country.as_deref(),
        [size[0] as f32, size[1] as f32],
    )?;
    let bytes = if format == Some(Format::Svg) {
        chart_svg(&layout).into_bytes()
    } else {
        chart_png(&layout)?
    };
    crate::io::atomic::write_atomic(&args.out, &bytes).map_err(|source| ExportError::Write {
        path: args.out.clone(),
        source,
    })?;
    Ok(format!("wrote {}", args.out.display()))
}
