//! The data the binary embeds: Natural Earth 1:110m and 1:50m countries and the default
//! scenario, parsed once on first use. [`crate::map::embedded`] prepares the layers to draw.

use std::sync::{Arc, OnceLock};

use crate::io::LoadError;
use crate::model::Timeline;

/// Natural Earth Admin 0 countries, 1:110m (public domain).
pub const COUNTRIES_110M: &[u8] = include_bytes!("../../geodata/ne_110m_admin_0_countries.geojson");
/// Natural Earth Admin 0 countries, 1:50m (public domain).
pub const COUNTRIES_50M: &[u8] = include_bytes!("../../geodata/ne_50m_admin_0_countries.geojson");
/// The default scenario: the Sahel's security ties 2012–2026, every event sourced.
pub const DEFAULT_SCENARIO: &[u8] = include_bytes!("../../geodata/scenario.json");

/// The name the embedded 1:110m layer goes by in messages.
pub const COARSE_NAME: &str = "embedded Natural Earth 1:110m";
/// The name the embedded 1:50m layer goes by in messages.
pub const FINE_NAME: &str = "embedded Natural Earth 1:50m";
/// The name the embedded scenario goes by in messages.
pub const SCENARIO_NAME: &str = "embedded scenario (geodata/scenario.json)";

/// The embedded default scenario, indexed.
///
/// # Errors
/// Only if the embedded file were broken (a test checks it is not).
pub fn default_timeline() -> Result<Arc<Timeline>, LoadError> {
    static TIMELINE: OnceLock<Result<Arc<Timeline>, LoadError>> = OnceLock::new();
    TIMELINE
        .get_or_init(|| {
            super::scenario_file::parse_embedded_scenario(SCENARIO_NAME, DEFAULT_SCENARIO)
                .map(|s| Arc::new(Timeline::new(s)))
        })
        .clone()
}
