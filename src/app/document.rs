//! The document: what is open. The country layers, the scenario indexed as a timeline, the
//! files they came from and the recent files. Changed only by [`crate::SahelApp::apply`] and
//! by finished background jobs; panels read it.

use std::path::PathBuf;
use std::sync::Arc;

use crate::map::{MapCamera, MapLayer};
use crate::model::{EditHistory, Problem, Timeline};

/// Above this many points per world unit the fine (1:50m) layer is drawn.
pub const FINE_LAYER_SCALE: f64 = 1100.0;

/// How many recent files are remembered.
const RECENT: usize = 8;

/// What is open.
pub struct Document {
    /// The layer drawn at low zooms (the embedded 1:110m, or an opened country file at every
    /// zoom); also where states' link ends are placed.
    pub coarse: Arc<MapLayer>,
    /// The embedded 1:50m layer, drawn when zoomed in, once prepared.
    pub fine: Option<Arc<MapLayer>>,
    /// The scenario, indexed.
    pub timeline: Arc<Timeline>,
    /// The countries file open, if not the embedded layers.
    pub countries_path: Option<PathBuf>,
    /// The scenario file open, if not the embedded one.
    pub scenario_path: Option<PathBuf>,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Conflict-event layers, drawn in order under the links.
    pub events: Vec<Arc<crate::map::events::EventMap>>,
    /// The files they came from.
    pub event_paths: Vec<PathBuf>,
    /// Bumped whenever the data change, to invalidate what is derived from them.
    pub generation: u64,
    /// The edits made to the scenario since it was opened: undo, redo, unsaved changes.
    pub history: EditHistory,
    /// What `check` says of the scenario as edited (errors block saving), kept current by
    /// every edit.
    pub problems: Vec<Problem>,
}

impl Document {
    /// A document of these layers and this timeline, opened from no file.
    pub fn new(
        coarse: Arc<MapLayer>,
        fine: Option<Arc<MapLayer>>,
        timeline: Arc<Timeline>,
    ) -> Self {
        Self {
            coarse,
            fine,
            timeline,
            countries_path: None,
            scenario_path: None,
            recent: Vec::new(),
            events: Vec::new(),
            event_paths: Vec::new(),
            generation: 0,
            history: EditHistory::default(),
            problems: Vec::new(),
        }
    }

    /// The layer drawn with `camera`: the fine one when it is ready and the camera is zoomed
    /// in past [`FINE_LAYER_SCALE`].
    pub fn layer_for(&self, camera: Option<MapCamera>) -> &Arc<MapLayer> {
        match (&self.fine, camera) {
            (Some(fine), Some(cam)) if cam.scale >= FINE_LAYER_SCALE => fine,
            _ => &self.coarse,
        }
    }

    /// Shows a country layer instead of the embedded ones (at every zoom).
    pub fn set_countries(&mut self, layer: Arc<MapLayer>, path: Option<PathBuf>) {
        self.coarse = layer;
        self.fine = None;
        self.countries_path = path;
        self.generation += 1;
    }

    /// Shows another scenario.
    pub fn set_timeline(&mut self, timeline: Arc<Timeline>, path: Option<PathBuf>) {
        self.timeline = timeline;
        self.scenario_path = path;
        self.generation += 1;
        self.history = EditHistory::default();
        self.problems = crate::model::check(self.timeline.scenario());
    }

    /// Applies `edit` to the scenario, indexes it anew and checks it; the history is the
    /// caller's. In place when nothing else holds the timeline (a background job may: then
    /// on a copy). `false`, and nothing changed, when the edit does not apply.
    pub fn apply_edit(&mut self, edit: &crate::model::Edit) -> bool {
        let applied = match Arc::get_mut(&mut self.timeline) {
            Some(timeline) => timeline.apply_edit(edit),
            None => {
                let mut scenario = self.timeline.scenario().clone();
                let applied = edit.apply(&mut scenario);
                if applied {
                    self.timeline = Arc::new(Timeline::new(scenario));
                }
                applied
            }
        };
        if applied {
            self.problems = crate::model::check(self.timeline.scenario());
            self.generation += 1;
        }
        applied
    }

    /// Whether the scenario has edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// How many errors `check` finds in the scenario as edited.
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == crate::model::Severity::Error)
            .count()
    }

    /// Puts `path` first in the recent files.
    pub fn remember_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }
}
