//! The map: projection, camera, the triangulated country layer with its hit test, link
//! geometry, and the egui widget that paints them and handles pan, zoom, hover and click.
//!
//! Only `widget` and `paint` (the egui backend of the `display` list) know about egui; the
//! rest is plain maths tested as plain Rust.

pub mod camera;
pub mod display;
pub mod embedded;
pub mod layer;
pub mod links;
pub mod paint;
pub mod pip;
pub mod projection;
pub mod scene;
pub mod search;
pub mod style;
pub(crate) mod text;
pub mod widget;

pub use camera::MapCamera;
pub use layer::{CountryMesh, MapLayer};
pub use projection::{lon_lat_from_world, world_from_lon_lat};
