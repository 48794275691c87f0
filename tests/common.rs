//! Shared helpers: the embedded data, and verbs for driving the app.

use std::sync::Arc;

use sahel_atlas::map::MapLayer;
use sahel_atlas::model::{Day, Timeline};

pub fn coarse() -> Arc<MapLayer> {
    sahel_atlas::data::coarse_layer().expect("embedded 1:110m parses")
}

pub fn fine() -> Arc<MapLayer> {
    sahel_atlas::data::fine_layer().expect("embedded 1:50m parses")
}

pub fn timeline() -> Arc<Timeline> {
    sahel_atlas::data::default_timeline().expect("embedded scenario parses")
}

pub fn day(text: &str) -> Day {
    Day::from_date(sahel_atlas::model::parse_date(text).expect("test date"))
}
