//! What a frame places before it draws ([`FramePlan`]): the labels, the markers at the
//! edge and the arcs drawn, worked out once a frame for drawing and picking alike.

use super::markers::clear_marker_labels;
use super::{
    DisplayList, DrawnArc, EdgeMarker, PlacedLabel, SceneRef, drawn_arcs, edge_markers, marks,
    place_labels, text_box,
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

/// Places a frame of `size` seen through `camera`: markers first (their labels clear of the
/// Sahel states' names and the organisations' discs), then the labels around them, and the
/// arcs drawn.
pub fn plan_frame(
    layer: &MapLayer,
    scene: SceneRef<'_>,
    camera: MapCamera,
    size: [f32; 2],
    focus: Option<crate::model::EntityIx>,
) -> FramePlan {
    let frame = DisplayList::new(size, camera);
    let mut markers = edge_markers(&frame, scene, focus);
    // The Sahel states' labels at their own spots and the organisations' discs come first:
    // markers' labels keep clear of them.
    let reserved: Vec<[f32; 4]> = scene
        .labels
        .iter()
        .filter(|(c, _)| {
            layer
                .country(*c)
                .is_some_and(|country| crate::model::is_sahel_state(&country.key))
        })
        .filter_map(|(c, text)| {
            let at = frame.pixel_from_world(layer.label_world(*c)?);
            frame
                .contains(at, 0.0)
                .then(|| text_box(at, text, &marks::COUNTRY_LABEL))
        })
        .chain(scene.nodes.iter().map(|n| {
            let p = frame.pixel_from_world(n.world);
            let r = marks::NODE_RADIUS + 1.0;
            [p[0] - r, p[1] - r, p[0] + r, p[1] + r]
        }))
        .collect();
    clear_marker_labels(&mut markers, &reserved, size);
    let obstacles: Vec<[f32; 4]> = markers.iter().flat_map(EdgeMarker::boxes).collect();
    FramePlan {
        labels: place_labels(&frame, layer, scene, &obstacles),
        markers,
        arcs: drawn_arcs(scene, &camera, focus),
    }
}
