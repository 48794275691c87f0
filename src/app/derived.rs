//! What is derived from the document and the view at the date: the state and the scenes the
//! map draws. Rebuilt only when the date, the filters or the data change; incrementally
//! ([`crate::model::Timeline::seek`]) while scrubbing.

use crate::app::document::Document;
use crate::app::view::View;
use crate::io::CountryIx;
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

/// The selected country, resolved once each time the selection or the data change (not
/// every frame): its key, where it is in each country layer, and its entity in the scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The selected country's key ([`View::selected`]).
    pub key: Option<String>,
    /// Its index in the coarse layer.
    pub coarse: Option<CountryIx>,
    /// Its index in the fine layer, when there is one.
    pub fine: Option<CountryIx>,
    /// Its entity in the scenario, when it is part of it.
    pub entity: Option<crate::model::EntityIx>,
    /// The document generation it was resolved in.
    generation: Option<u64>,
}

impl Selection {
    /// Resolves `key` in `document`'s layers and scenario, when it or the document changed.
    fn refresh(&mut self, document: &Document, key: Option<&str>) {
        if self.key.as_deref() == key && self.generation == Some(document.generation) {
            return;
        }
        *self = Self {
            key: key.map(str::to_owned),
            coarse: key.and_then(|k| document.coarse.country_index(k)),
            fine: key.and_then(|k| document.fine.as_ref()?.country_index(k)),
            entity: key.and_then(|k| document.timeline.entity_index(k)),
            generation: Some(document.generation),
        };
    }

    /// Its index in the layer drawn: the fine one when `fine`.
    pub fn country(&self, fine: bool) -> Option<CountryIx> {
        if fine { self.fine } else { self.coarse }
    }
}

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
    /// The selected country, resolved.
    pub selection: Selection,
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
            selection: Selection::default(),
        };
        at.refresh(document, view);
        at
    }

    /// Brings this up to date with the view's date and filters and the document; does
    /// nothing when none changed.
    pub fn refresh(&mut self, document: &Document, view: &View) {
        self.compare.refresh(document, view.compare.range);
        self.selection.refresh(document, view.selected.as_deref());
        self.events.refresh(
            &document.events,
            &view.events.filter,
            &document.coarse,
            self.selection.coarse,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Document {
        Document::new(
            crate::map::embedded::coarse_layer().expect("embedded layer"),
            None,
            crate::io::embedded::default_timeline().expect("embedded scenario"),
        )
    }

    #[test]
    fn the_selection_is_resolved_once_per_change_of_key_or_data() {
        let mut document = document();
        let mut selection = Selection::default();
        selection.refresh(&document, Some("NER"));
        let niger = document.coarse.country_index("NER");
        assert!(niger.is_some());
        assert_eq!(selection.coarse, niger);
        assert_eq!(selection.entity, document.timeline.entity_index("NER"));
        assert_eq!(selection.fine, None, "no fine layer yet");
        // Unchanged key and data: kept as it is (a stale value stays, proving no lookup).
        selection.coarse = Some(CountryIx::new(usize::MAX));
        selection.refresh(&document, Some("NER"));
        assert_eq!(selection.coarse, Some(CountryIx::new(usize::MAX)));
        // New data (the 1:50m layer arriving): resolved again, in both layers.
        document.fine = Some(crate::map::embedded::coarse_layer().expect("a second layer"));
        document.generation += 1;
        selection.refresh(&document, Some("NER"));
        assert_eq!((selection.coarse, selection.fine), (niger, niger));
        // A new key, then none.
        selection.refresh(&document, Some("MLI"));
        assert_eq!(selection.entity, document.timeline.entity_index("MLI"));
        assert_eq!(
            selection.country(true),
            document.coarse.country_index("MLI")
        );
        selection.refresh(&document, None);
        assert_eq!(
            selection,
            Selection {
                generation: selection.generation,
                ..Selection::default()
            }
        );
    }
}
