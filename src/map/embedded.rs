//! The embedded country layers, ready to draw. Each is parsed on first use and shared while
//! anyone holds it; a layer nobody holds any more (the app opened another) is freed and
//! parsed again if needed.

use std::sync::{Arc, Mutex, Weak};

use crate::io::embedded::{COARSE_NAME, COUNTRIES_50M, COUNTRIES_110M, FINE_NAME};
use crate::io::{LoadError, parse_countries};
use crate::map::MapLayer;

/// The embedded 1:110m layer, ready to draw.
///
/// # Errors
/// Only if the embedded file were broken (a test checks it is not).
pub fn coarse_layer() -> Result<Arc<MapLayer>, LoadError> {
    static LAYER: Mutex<Weak<MapLayer>> = Mutex::new(Weak::new());
    shared_layer(&LAYER, COARSE_NAME, COUNTRIES_110M)
}

/// The layer in `cache` if someone still holds it, else parsed and prepared anew.
fn shared_layer(
    cache: &Mutex<Weak<MapLayer>>,
    name: &str,
    bytes: &[u8],
) -> Result<Arc<MapLayer>, LoadError> {
    let mut cached = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(layer) = cached.upgrade() {
        return Ok(layer);
    }
    let layer = Arc::new(MapLayer::new(parse_countries(name, bytes)?));
    *cached = Arc::downgrade(&layer);
    Ok(layer)
}

/// The embedded 1:50m layer, ready to draw.
///
/// # Errors
/// Only if the embedded file were broken (a test checks it is not).
pub fn fine_layer() -> Result<Arc<MapLayer>, LoadError> {
    static LAYER: Mutex<Weak<MapLayer>> = Mutex::new(Weak::new());
    shared_layer(&LAYER, FINE_NAME, COUNTRIES_50M)
}

/// The embedded 1:50m layer for pictures and exports: outlines and label points only
/// ([`MapLayer::outlines_only`]), parsed anew. Without the triangles, hit-test index and
/// simplified copies the window needs, a one-shot `render` spends its time drawing.
///
/// # Errors
/// Only if the embedded file were broken (a test checks it is not).
pub fn fine_outlines() -> Result<Arc<MapLayer>, LoadError> {
    fine_outlines_within(None)
}

/// [`fine_outlines`] for pictures of one view: parts of countries wholly outside `within`
/// are left out ([`crate::io::read_countries_within`]).
///
/// # Errors
/// Only if the embedded file were broken (a test checks it is not).
pub fn fine_outlines_within(
    within: Option<crate::io::LonLatBox>,
) -> Result<Arc<MapLayer>, LoadError> {
    Ok(Arc::new(MapLayer::outlines_only(
        crate::io::parse_countries_within(FINE_NAME, COUNTRIES_50M, within)?,
    )))
}

/// The embedded 1:110m layer for pictures and exports (see [`fine_outlines`]).
///
/// # Errors
/// Only if the embedded file were broken (a test checks it is not).
pub fn coarse_outlines() -> Result<Arc<MapLayer>, LoadError> {
    Ok(Arc::new(MapLayer::outlines_only(parse_countries(
        COARSE_NAME,
        COUNTRIES_110M,
    )?)))
}
