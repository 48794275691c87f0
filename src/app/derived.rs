//! What is derived from the document and the view at the date: the state and the scenes the
//! map draws. Rebuilt only when the date, the filters or the data change; incrementally
//! ([`crate::model::Timeline::seek`]) while scrubbing.

use crate::app::document::Document;
use crate::app::view::View;
use crate::map::MapLayer;
use crate::map::scene::{Scene, SceneOptions, build_scene_with};
use crate::model::{Day, State};

/// What the scenes were built for: the day, hiding ended links, the document generation,
/// the filter, the compare range and the language (of the labels).
type SceneKey = (
    Day,
    bool,
    u64,
    crate::model::LinkFilter,
    Option<(Day, Day)>,
    crate::model::i18n::Lang,
);

/// The state at the view's date, and what the map draws from it.
pub struct AtDate {
    /// The day, filter and document generation this was built for.
    key: Option<SceneKey>,
    /// The state at the date.
    pub state: State,
    /// The scene on the coarse layer.
    pub coarse: Scene,
    /// The scene on the fine layer, when there is one.
    pub fine: Option<Scene>,
    /// What changed between the compared dates, while compare mode is on.
    pub compare: crate::app::compare::DiffCache,
    /// The event layers' filters and the selected state's events.
    pub events: crate::app::event_view::EventsDerived,
}

impl AtDate {
    /// The state and scenes for `view` of `document`.
    pub fn new(document: &Document, view: &View) -> Self {
        let mut at = Self {
            key: None,
            state: document.timeline.state_at(view.day()),
            coarse: Scene::default(),
            fine: None,
            compare: crate::app::compare::DiffCache::default(),
            events: crate::app::event_view::EventsDerived::default(),
        };
        at.refresh(document, view);
        at
    }

    /// Brings this up to date with the view's date and filters and the document; does
    /// nothing when none changed.
    pub fn refresh(&mut self, document: &Document, view: &View) {
        self.compare.refresh(document, view.compare.range);
        let selected = view
            .selected
            .as_deref()
            .and_then(|k| document.coarse.country_index(k));
        self.events.refresh(
            &document.events,
            &view.events.filter,
            &document.coarse,
            selected,
        );
        let day = view.day();
        let key = (
            day,
            view.hide_ended,
            document.generation,
            view.filter.clone(),
            view.compare.range,
            view.lang(),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        if self.key.as_ref().map(|k| k.2) != Some(document.generation) {
            self.state = document.timeline.state_at(day);
        } else {
            document.timeline.seek(&mut self.state, day);
        }
        let state = &self.state;
        let options = SceneOptions {
            hide_ended: view.hide_ended,
            filter: view.filter.clone(),
            compare: view.compare.range,
        };
        let scene = |layer: &MapLayer| {
            build_scene_with(layer, &document.coarse, &document.timeline, state, &options)
        };
        let coarse = scene(&document.coarse);
        let fine = document.fine.as_deref().map(scene);
        self.coarse = coarse;
        self.fine = fine;
        self.key = Some(key);
    }

    /// The scene on the layer drawn: the fine one when `fine` and it exists.
    pub fn scene(&self, fine: bool) -> &Scene {
        match (&self.fine, fine) {
            (Some(scene), true) => scene,
            _ => &self.coarse,
        }
    }
}
