//! What a frame places before it draws ([`FramePlan`]): the labels, the markers at the
//! edge and the arcs drawn, worked out once a frame for drawing and picking alike.

use super::{
    DisplayList, DrawnArc, EdgeMarker, PlacedLabel, SceneRef, drawn_arcs, edge_markers,
    place_labels,
};
use crate::map::camera::MapCamera;
use crate::map::layer::MapLayer;

/// What a frame of the map places before it draws: the labels, the markers at the edge and
/// the arcs drawn. Worked out once a frame, for drawing and for picking alike.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FramePlan {
    /// Labels of countries and organisations, placed.
    pub labels: Vec<PlacedLabel>,
    /// Markers where arcs leave the view.
    pub markers: Vec<EdgeMarker>,
    /// The arcs drawn (bundled at low zoom).
    pub arcs: Vec<DrawnArc>,
}

/// Places a frame of `size` seen through `camera`: markers first, then the labels around them,
/// and the arcs drawn.
pub fn plan_frame(
    layer: &MapLayer,
    scene: SceneRef<'_>,
    camera: MapCamera,
    size: [f32; 2],
    focus: Option<usize>,
) -> FramePlan {
    let frame = DisplayList::new(size, camera);
    let markers = edge_markers(&frame, scene, focus);
    let obstacles: Vec<[f32; 4]> = markers.iter().map(|m| m.bounds).collect();
    FramePlan {
        labels: place_labels(&frame, layer, scene, &obstacles),
        markers,
        arcs: drawn_arcs(scene, &camera, focus),
    }
}
