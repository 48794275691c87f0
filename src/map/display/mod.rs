//! One display list for every picture of the map: the screen, the PNG and the SVG exports.
//!
//! [`map_frame`] turns a layer, a camera, a [`Scene`](crate::map::scene::Scene) and what is
//! hovered or selected into a renderer-free [`DisplayList`]: filled country meshes, strokes
//! with width and dash, markers, text with anchor, size and halo, and (for exports) the title,
//! legend and caption blocks. Placement is done here, once, so no backend can drift from
//! another. Three small backends replay it: the egui painter ([`super::paint`]), `tiny-skia`
//! for PNG and the SVG writer (`crate::export`).
//!
//! One file per job:
//! - `list`: the list itself ([`Item`], [`DisplayList`], [`Paint`], [`Line`], [`TextStyle`]);
//! - [`marks`]: the sizes and looks of the map's marks, and how a link is stroked;
//! - `legend`: what a legend shows (fills, troop widths, compare samples);
//! - `scene_ref`: what a frame draws of a scene ([`SceneRef`]);
//! - the planners: `labels` ([`place_labels`]), `markers` ([`edge_markers`]) and `bundles`
//!   ([`drawn_arcs`]), gathered by `plan` into a [`FramePlan`];
//! - `frame`: the list of a planned frame with what is highlighted ([`map_frame`],
//!   [`Highlights`]);
//! - `replay`: the [`Canvas`] backends implement and [`replay`], the one walk over [`Item`].
//!
//! Positions are frame pixels (one egui point is one output pixel), y down, origin at the
//! frame's top left.

mod bundles;
mod frame;
mod labels;
mod legend;
mod list;
mod markers;
pub mod marks;
mod plan;
mod recorder;
mod replay;
mod scene_ref;

pub use bundles::{BUNDLE_BELOW_SCALE, BUNDLE_LABEL, DrawnArc, drawn_arcs};
pub use frame::{
    BUNDLE_COUNT_RADIUS, Highlights, border_width, bundle_counts, map_frame, map_frame_planned,
    world_outline,
};
pub use labels::{Labelled, PlacedLabel, SITE_LABEL_SCALE, place_labels};
pub use legend::{
    COMPARE_LEGEND, LEGEND_FILLS, SITE_LEGEND_LABEL, TROOPS_LEGEND, TROOPS_LEGEND_LABEL,
    compare_sample, troops_samples,
};
pub use list::{Anchor, DisplayList, Item, Line, Meta, Paint, TextStyle, baseline_y, text_box};
pub use markers::{EDGE_LABEL, EdgeMarker, edge_markers};
use marks::compare_link;
pub use marks::{OUT_OF_FOCUS, at_full_strength, link_line, site_marker, troops_width};
pub use plan::{FramePlan, plan_frame};
pub use recorder::Recorder;
pub use replay::{
    Canvas, CountryPart, CountryRings, country_rings, replay, replay_items, replay_with_rings,
};
pub use scene_ref::SceneRef;
