//! What a frame draws of a scene, borrowed: the planners and the frame read it.

use crate::map::scene::{Scene, SceneLink, SceneNode, SceneSite};
use crate::map::style::Rgb;

/// What a frame draws of a [`Scene`], borrowed (the widget's scene lives in the app).
#[derive(Clone, Copy, Debug)]
pub struct SceneRef<'a> {
    /// Fill per country of the layer.
    pub fills: &'a [Rgb],
    /// Countries with a label, and the label.
    pub labels: &'a [(crate::io::CountryIx, String)],
    /// Links, in drawing order.
    pub links: &'a [SceneLink],
    /// Organisation nodes.
    pub nodes: &'a [SceneNode],
    /// A short name per entity, for the markers at the view's edge.
    pub entity_names: &'a [String],
    /// The sites arcs end at.
    pub sites: &'a [SceneSite],
    /// Conflict events in the window, drawn under the links.
    pub events: Option<crate::map::events::EventMarks<'a>>,
}

impl Scene {
    /// The scene, borrowed for a frame.
    pub fn as_ref(&self) -> SceneRef<'_> {
        SceneRef {
            fills: &self.fills,
            labels: &self.labels,
            links: &self.links,
            nodes: &self.nodes,
            entity_names: &self.entity_names,
            sites: &self.sites,
            events: None,
        }
    }
}
