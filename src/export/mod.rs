//! Exports: the map at a date as a PNG or an SVG picture, a series of PNG frames, and the
//! state at a date as GeoJSON or CSV for GIS tools. Headless: nothing here needs a window.
//!
//! The pictures are one [`crate::map::display`] list, the one the app's map widget paints,
//! with a title, the date, a legend and a caption with the sources of what is shown added
//! ([`frame`]). Two backends replay it: `tiny-skia` for PNG and plain text for SVG, so both
//! show the picture the screen shows.
//!
//! Sizes are output pixels; one app point is one output pixel, so a 1600×1000 picture at the
//! default camera looks like a 1600×1000 map view in the app.

mod animation;
mod animation_frame;
pub mod change_list;
pub mod chart;
pub mod escape;
mod events;
mod frames;
mod gif_out;
mod mp4_out;
mod picture;
mod png;
mod png_parts;
mod state;
mod svg;
mod write;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::map::{MapCamera, MapLayer};
use crate::model::Timeline;

pub use animation::{
    AnimationFormat, AnimationProgress, AnimationRequest, AnimationSummary, animation_schedule,
    render_animation,
};
pub use animation_frame::AnimationFrame;
pub use events::{EVENT_COLUMNS, events_csv, events_geojson};
pub use frames::{FrameStep, StepUnit, frame_dates, is_frame_pattern, render_frames};
pub use picture::caption_sources;
pub use picture::frame;
pub use png::{rasterise, rasterise_in_bands, render_png, render_rgba, render_rgba_in_bands};
pub use state::{state_csv, state_csv_filtered, state_geojson, state_geojson_filtered};
pub use svg::render_svg;
pub use write::{export_bytes, export_to_file};

/// The largest width or height of a picture, pixels.
pub const MAX_SIDE: u32 = 16_384;
/// The most pixels in a picture (64 megapixels, 256 MB of RGBA).
pub const MAX_PIXELS: u64 = 64 << 20;
/// The most frames one `render_frames` call writes.
pub const MAX_FRAMES: usize = 10_000;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The picture size is zero or too large.
    #[error(
        "a picture of {0}×{1} pixels cannot be drawn: each side must be 1 to {MAX_SIDE} \
         pixels and the whole at most {mp} megapixels",
        mp = MAX_PIXELS >> 20
    )]
    BadSize(u32, u32),
    /// The PNG encoder failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
    /// A frame step such as `1m` could not be read.
    #[error("{0}")]
    BadStep(String),
    /// The frame dates make no series.
    #[error("{0}")]
    BadRange(String),
    /// An animation's settings make no clip (frame rate, hold, format).
    #[error("{0}")]
    BadAnimation(String),
    /// A clip could not be encoded (the H.264 or GIF encoder failed).
    #[error("cannot encode the clip: {0}")]
    Clip(String),
    /// The export was cancelled; nothing was left at the path asked for.
    #[error("the export was cancelled")]
    Cancelled,
    /// A file or folder could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// What a picture is drawn from: the layer to draw, the layer that places states' link ends
/// (the app uses its coarse layer), and the timeline.
#[derive(Clone, Copy, Debug)]
pub struct MapData<'a> {
    /// The countries drawn.
    pub layer: &'a MapLayer,
    /// Where states' links and points sit (their label points in this layer).
    pub places: &'a MapLayer,
    /// The scenario, indexed.
    pub timeline: &'a Timeline,
}

/// What to draw: the date, the size, the view and which links.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// The date shown.
    pub date: Date,
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// The view; `None` for [`MapCamera::sahel`] at this size. Its scale is output pixels per
    /// world unit (see [`parse_view`]).
    pub camera: Option<MapCamera>,
    /// Leave out links that have ended, as the app's "hide ended" switch does.
    pub hide_ended: bool,
    /// Statuses, kinds and partner groups left out (the legend's filters); the caption says
    /// what was.
    pub filter: crate::model::LinkFilter,
    /// The entity in focus (an id, such as `NER`): its ties at full strength, the rest faded,
    /// and markers where its arcs leave the picture.
    pub focus: Option<String>,
    /// Compare mode: draw what changed between these two dates (in either order) on the map
    /// of the later one; the title says "from A to B".
    pub compare: Option<(Date, Date)>,
    /// A headline drawn large in the title panel in place of the latest event: the titles of
    /// the events an animation frame is held on. `None` for ordinary pictures; `Some("")`
    /// for the other frames of a clip with holds: the latest event as usual, in a panel with
    /// the headline's room, so that the layout does not jump between frames.
    pub headline: Option<String>,
    /// Conflict-event layers drawn under the links, their window and filters.
    pub events: crate::map::events::EventOptions,
}

impl RenderOptions {
    /// The default picture of a date: 1600×1000, the Sahel view, ended links shown.
    pub fn at(date: Date) -> Self {
        Self {
            date,
            size: [1600, 1000],
            camera: None,
            hide_ended: false,
            filter: crate::model::LinkFilter::default(),
            focus: None,
            compare: None,
            headline: None,
            events: crate::map::events::EventOptions::default(),
        }
    }

    /// The camera used: the given one, else the Sahel view for the size.
    pub fn camera(&self) -> MapCamera {
        camera_or_sahel(self.camera, self.size)
    }

    /// Checks the size against [`MAX_SIDE`] and [`MAX_PIXELS`].
    ///
    /// # Errors
    /// [`ExportError::BadSize`] when a side is 0 or the picture is too large.
    pub fn check_size(&self) -> Result<(), ExportError> {
        let [w, h] = self.size;
        let ok = (1..=MAX_SIDE).contains(&w)
            && (1..=MAX_SIDE).contains(&h)
            && u64::from(w) * u64::from(h) <= MAX_PIXELS;
        if ok {
            Ok(())
        } else {
            Err(ExportError::BadSize(w, h))
        }
    }
}

/// The formats an export can be written in, from the output file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.png`
    Png,
    /// `.svg`
    Svg,
    /// `.geojson` or `.json`
    GeoJson,
    /// `.csv`
    Csv,
}

impl Format {
    /// The format a path's extension names (case-insensitive), if any.
    pub fn of_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            "geojson" | "json" => Some(Self::GeoJson),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// Why a `--size` or `--view` text was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ArgError {
    /// Not two whole numbers joined by `x`.
    #[error("'{0}' is not a size of the form WIDTHxHEIGHT, such as 1600x1000")]
    SizeShape(String),
    /// A side is 0 or the picture is too large.
    #[error("{}", ExportError::BadSize(*.0, *.1))]
    SizeOutOfRange(u32, u32),
    /// Not three numbers separated by commas.
    #[error("'{0}' is not a view of the form LON,LAT,ZOOM, such as 5,20,1000")]
    ViewShape(String),
    /// The centre is not a longitude and latitude.
    #[error("the view's centre {0},{1} is not a longitude (-180 to 180) and latitude (-90 to 90)")]
    CentreOffEarth(f64, f64),
    /// The zoom is not a scale the camera allows.
    #[error(
        "the view's zoom {0} is out of range: it is pixels per world unit, 1 to {max}",
        max = crate::map::camera::MAX_SCALE
    )]
    ZoomOutOfRange(f64),
}

/// Parses `--size WxH`, e.g. `1600x1000`.
///
/// # Errors
/// [`ArgError`] if the text is not two whole numbers joined by `x`, or the size is out of
/// range.
pub fn parse_size(text: &str) -> Result<[u32; 2], ArgError> {
    let bad = || ArgError::SizeShape(text.to_owned());
    let (w, h) = text.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let (Ok(w), Ok(h)) = (w.trim().parse::<u32>(), h.trim().parse::<u32>()) else {
        return Err(bad());
    };
    let options = RenderOptions {
        size: [w, h],
        ..RenderOptions::at(Date::constant(2000, 1, 1))
    };
    options
        .check_size()
        .map_err(|_| ArgError::SizeOutOfRange(w, h))?;
    Ok([w, h])
}

/// Parses `--view LON,LAT,ZOOM`: the lon/lat (degrees) at the centre of the picture and the
/// zoom as the camera's scale, output pixels per world unit. The Equal Earth world is about
/// 5.4 units wide, so ZOOM 300 shows the whole world in about 1600 pixels; the default Sahel
/// view of a 1600×1000 picture is about ZOOM 1000; ZOOM 4000 shows a country or two.
///
/// # Errors
/// [`ArgError`] if the text is not three numbers, or they are out of range.
pub fn parse_view(text: &str) -> Result<MapCamera, ArgError> {
    let numbers: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    let [lon, lat, zoom] = numbers[..] else {
        return Err(ArgError::ViewShape(text.to_owned()));
    };
    // NaN and infinities fail these range checks too.
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(ArgError::CentreOffEarth(lon, lat));
    }
    if !(1.0..=crate::map::camera::MAX_SCALE).contains(&zoom) {
        return Err(ArgError::ZoomOutOfRange(zoom));
    }
    Ok(MapCamera {
        center_world: crate::map::world_from_lon_lat(lon, lat),
        scale: zoom,
    })
}

/// `camera`, else the Sahel view for a picture of `size` pixels.
fn camera_or_sahel(camera: Option<MapCamera>, size: [u32; 2]) -> MapCamera {
    camera.unwrap_or_else(|| MapCamera::sahel(size.map(f64::from)))
}

/// The longitude/latitude box that a picture of `size` pixels through `camera` (the Sahel
/// view when `None`, as [`RenderOptions::camera`]) shows, eight pixels wider on every side:
/// what a one-shot picture needs of a country layer ([`crate::io::read_countries_within`]).
pub fn lon_lat_in_view(camera: Option<MapCamera>, size: [u32; 2]) -> crate::io::LonLatBox {
    let camera = camera_or_sahel(camera, size);
    let frame = crate::map::display::DisplayList::new(size.map(|s| s as f32), camera);
    let (min, max) = frame.world_bounds();
    let spare = 8.0 / camera.scale;
    crate::map::projection::lon_lat_box_of_world(
        [min[0] - spare, min[1] - spare],
        [max[0] + spare, max[1] + spare],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_are_bounded() {
        assert_eq!(parse_size("1600x1000"), Ok([1600, 1000]));
        assert_eq!(parse_size(" 800 X 600 "), Ok([800, 600]));
        for bad in [
            "", "1600", "1600x", "x1000", "0x10", "-5x10", "1.5x2", "20000x10",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn views_parse_and_are_bounded() {
        let camera = parse_view("-2, 14, 3000").map_err(|e| e.to_string());
        assert_eq!(
            camera.map(|c| c.scale),
            Ok(3000.0),
            "a negative longitude and spaces"
        );
        for bad in [
            "",
            "1,2",
            "1,2,3,4",
            "a,b,c",
            "200,0,1000",
            "0,95,1000",
            "0,0,0",
            "0,0,NaN",
        ] {
            assert!(parse_view(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(Format::of_path(Path::new("a/b.PNG")), Some(Format::Png));
        assert_eq!(
            Format::of_path(Path::new("b.geojson")),
            Some(Format::GeoJson)
        );
        assert_eq!(Format::of_path(Path::new("b.jpg")), None);
        assert_eq!(Format::of_path(Path::new("b")), None);
    }
}
