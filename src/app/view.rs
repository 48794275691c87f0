//! The view: how the document is looked at. The date and playback, the camera, the selection,
//! the filters, and the messages shown above the map. Plain data, changed only by
//! [`crate::SahelApp::apply`]; panels read it and push [`crate::app::command::Command`]s.
//! [`crate::app::persist::Persisted`] is the part of it that is remembered between runs.

use crate::app::time_control::TimeControl;
use crate::map::MapCamera;
use crate::model::Day;

pub use crate::app::message::Message;
use crate::model::RelIx;

/// A camera flight: from, to, and how far along (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    /// Where it started.
    pub from: MapCamera,
    /// Where it ends.
    pub to: MapCamera,
    /// Progress, 0 to 1.
    pub t: f64,
}

/// How the document is looked at.
#[derive(Clone, Debug)]
pub struct View {
    /// Date and playback.
    pub time: TimeControl,
    /// The camera; `None` until the first frame frames the default view.
    pub camera: Option<MapCamera>,
    /// The camera is the default view for the map's size (re-framed when the size changes)
    /// until the person moves it.
    pub camera_is_default: bool,
    /// A flight to a country under way.
    pub flight: Option<Flight>,
    /// The map's rectangle on screen in the last frame.
    pub map_rect: egui::Rect,
    /// The part of the map no banner or panel covers in the last frame: where framing puts
    /// what it frames.
    pub visible_rect: egui::Rect,
    /// The selected country's key.
    pub selected: Option<String>,
    /// The selected link (relationship index).
    pub selected_link: Option<RelIx>,
    /// A link to select, by id, once the scenario that has it is loaded (restored state).
    pub pending_link_id: Option<String>,
    /// Whether ended links are hidden.
    pub hide_ended: bool,
    /// Scroll the event list to the current event in this frame.
    pub scroll_to_current: bool,
    /// Messages shown above the map.
    pub messages: Vec<Message>,
    /// Whether the selected entity's ties are drawn at full strength and the rest faded.
    pub focus_ties: bool,
    /// Which links are drawn (statuses, kinds, partner groups).
    pub filter: crate::model::LinkFilter,
    /// A tie hovered in a panel in the last frame (relationship index).
    pub panel_hovered_link: Option<RelIx>,
    /// The arc under the pointer on the map in the last frame.
    pub map_hovered_link: Option<RelIx>,
    /// Light, dark or the system's theme.
    pub theme: ThemeChoice,
    /// The language chosen in View → Language; `None` follows the system's.
    pub lang_choice: Option<crate::model::i18n::Lang>,
    /// Compare mode (two dates and what changed between them) and its windows.
    pub compare: crate::app::compare::CompareView,
    /// How the conflict-event layers are shown.
    pub events: crate::app::event_view::EventView,
}

impl View {
    /// The language the interface speaks: the one chosen, or the system's.
    pub fn lang(&self) -> crate::model::i18n::Lang {
        self.lang_choice
            .unwrap_or_else(crate::model::i18n::system_lang)
    }

    /// Paused at `day`, the default camera, nothing selected.
    pub fn new(day: Day) -> Self {
        Self {
            time: TimeControl::new(day),
            camera: None,
            camera_is_default: true,
            flight: None,
            map_rect: egui::Rect::NOTHING,
            visible_rect: egui::Rect::NOTHING,
            selected: None,
            selected_link: None,
            pending_link_id: None,
            hide_ended: false,
            scroll_to_current: true,
            messages: Vec::new(),
            focus_ties: true,
            filter: crate::model::LinkFilter::default(),
            panel_hovered_link: None,
            map_hovered_link: None,
            theme: ThemeChoice::default(),
            lang_choice: None,
            compare: crate::app::compare::CompareView::default(),
            events: crate::app::event_view::EventView::default(),
        }
    }

    /// The current day.
    pub fn day(&self) -> Day {
        self.time.day()
    }

    /// The map's size in points (a default before the first frame).
    pub fn map_size(&self) -> [f64; 2] {
        rect_size(self.map_rect)
    }

    /// Zooms one step in (or out) about the map's centre.
    pub fn zoom_step(&mut self, zoom_in: bool) {
        let factor = if zoom_in { 1.5 } else { 1.0 / 1.5 };
        if let Some(cam) = self.camera {
            let c = self.map_rect.center();
            let c = [f64::from(c.x), f64::from(c.y)];
            self.camera = Some(cam.zoomed_at(c, c, factor));
            self.camera_is_default = false;
            self.flight = None;
        }
    }

    /// The map was laid out in `map`, of which banners leave `visible`. The default view
    /// follows the map's size; banners coming and going change only what later framings
    /// avoid, never the camera.
    pub fn set_map_rect(&mut self, map: egui::Rect, visible: egui::Rect) {
        let resized = self.map_rect.size() != map.size();
        self.map_rect = map;
        self.visible_rect = visible;
        if self.camera.is_none() || (self.camera_is_default && resized) {
            self.camera = Some(self.default_camera());
            self.flight = None;
        }
    }

    /// Hides or shows ended links: "Hide ended links" and the legend's "Ended" box are one
    /// setting.
    pub fn set_hide_ended(&mut self, hide: bool) {
        self.hide_ended = hide;
        let ended = crate::model::Status::Ended;
        if self.filter.hidden_statuses.contains(&ended) != hide {
            self.filter.toggle_status(ended);
        }
    }

    /// Which links are drawn; hiding the ended ones is "Hide ended links".
    pub fn set_filter(&mut self, filter: crate::model::LinkFilter) {
        self.hide_ended = filter
            .hidden_statuses
            .contains(&crate::model::Status::Ended);
        self.filter = filter;
    }

    /// Flies the camera to `goal` (or jumps there before the first frame); the view is no
    /// longer the default one.
    pub fn fly_to(&mut self, goal: MapCamera) {
        self.camera_is_default = false;
        match self.camera {
            Some(from) => {
                self.flight = Some(Flight {
                    from,
                    to: goal,
                    t: 0.0,
                })
            }
            None => self.camera = Some(goal),
        }
    }

    /// The visible part of the map, map-local pixels (min x, min y, max x, max y).
    pub fn visible_local(&self) -> [f64; 4] {
        visible_local(self.map_rect, self.visible_rect)
    }

    /// The default view (the Sahel with Europe to the north) in the visible part of the map.
    pub fn default_camera(&self) -> MapCamera {
        default_camera(self.map_rect, self.visible_rect)
    }

    /// A camera framing the world box `lo`..`hi` in the visible part of the map, with room
    /// for the labels of what is at its corners.
    pub fn framing_world(&self, lo: [f64; 2], hi: [f64; 2]) -> MapCamera {
        MapCamera::framing_world_in(lo, hi, self.map_size(), self.visible_local(), LABEL_ROOM)
    }
}

/// Room kept free around what a camera frames, pixels (x, y): a country's label is centred
/// on its place.
pub const LABEL_ROOM: [f64; 2] = [80.0, 28.0];

/// The part `visible` of the map `map`, map-local pixels; the whole map when `visible` is
/// empty or outside it.
pub fn visible_local(map: egui::Rect, visible: egui::Rect) -> [f64; 4] {
    let [w, h] = rect_size(map);
    let v = visible.intersect(map);
    if !map.is_positive() || !v.is_positive() {
        return [0.0, 0.0, w, h];
    }
    [
        f64::from(v.min.x - map.min.x),
        f64::from(v.min.y - map.min.y),
        f64::from(v.max.x - map.min.x),
        f64::from(v.max.y - map.min.y),
    ]
}

/// The default view for a map laid out in `map`, of which `visible` is not covered.
pub fn default_camera(map: egui::Rect, visible: egui::Rect) -> MapCamera {
    MapCamera::framing_lon_lat_in(
        crate::map::camera::SAHEL_LON_LAT[0],
        crate::map::camera::SAHEL_LON_LAT[1],
        rect_size(map),
        visible_local(map, visible),
        [6.0, 6.0],
    )
}

/// A rectangle's size, or a default when it is empty (before the first frame).
pub fn rect_size(rect: egui::Rect) -> [f64; 2] {
    if rect.is_positive() {
        [f64::from(rect.width()), f64::from(rect.height())]
    } else {
        [1000.0, 700.0]
    }
}

/// The app's theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl ThemeChoice {
    /// egui's preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }

    /// Its name in the menu.
    pub fn label(self) -> String {
        crate::model::i18n::tr(match self {
            Self::System => "theme-system",
            Self::Light => "theme-light",
            Self::Dark => "theme-dark",
        })
    }
}
