//! The view: how the document is looked at. The date and playback, the camera, the selection,
//! the filters, and the messages shown above the map. Plain data, changed only by
//! [`crate::SahelApp::apply`]; panels read it and push [`crate::app::command::Command`]s.
//! [`crate::app::persist::Persisted`] is the part of it that is remembered between runs.

use crate::app::time_control::TimeControl;
use crate::map::MapCamera;
use crate::model::Day;

/// A message for the person: a load that failed, a file that vanished.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// One line.
    pub headline: String,
    /// Every problem found, one per line.
    pub details: Vec<String>,
    /// Red or amber.
    pub is_error: bool,
}

impl Message {
    /// An error of one line.
    pub fn error(headline: impl Into<String>) -> Self {
        Self {
            headline: headline.into(),
            details: Vec::new(),
            is_error: true,
        }
    }

    /// A note of one line (amber).
    pub fn note(headline: impl Into<String>) -> Self {
        Self {
            headline: headline.into(),
            details: Vec::new(),
            is_error: false,
        }
    }

    /// Why a file did not open, with every problem found.
    pub fn from_load_error(what: &str, error: &crate::io::LoadError) -> Self {
        let errors = error.diagnostics.iter().filter(|d| d.is_error()).count();
        Self {
            headline: format!(
                "Could not open {what}: {errors} problem{} found. Nothing was changed.",
                if errors == 1 { "" } else { "s" }
            ),
            details: error.diagnostics.iter().map(ToString::to_string).collect(),
            is_error: true,
        }
    }
}

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
    /// The selected country's key.
    pub selected: Option<String>,
    /// The selected link (relationship index).
    pub selected_link: Option<usize>,
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
    pub panel_hovered_link: Option<usize>,
    /// The arc under the pointer on the map in the last frame.
    pub map_hovered_link: Option<usize>,
    /// Light, dark or the system's theme.
    pub theme: ThemeChoice,
    /// The labels and edge markers the map placed in the last frame (map-local pixels): what
    /// a click on a name or a marker picks.
    pub map_marks: MapMarks,
    /// Compare mode (two dates and what changed between them) and its windows.
    pub compare: crate::app::compare::CompareView,
}

/// The labels and edge markers placed on the map in a frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapMarks {
    /// Labels of countries and organisations.
    pub labels: Vec<crate::map::display::PlacedLabel>,
    /// Markers where arcs leave the view.
    pub markers: Vec<crate::map::display::EdgeMarker>,
}

impl View {
    /// Paused at `day`, the default camera, nothing selected.
    pub fn new(day: Day) -> Self {
        Self {
            time: TimeControl::new(day),
            camera: None,
            camera_is_default: true,
            flight: None,
            map_rect: egui::Rect::NOTHING,
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
            map_marks: MapMarks::default(),
            compare: crate::app::compare::CompareView::default(),
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
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "System",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}
