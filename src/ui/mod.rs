//! The panels around the map: menu, time bar, event list, details and the map area with its
//! legend. Each is a function of the frame's [`Cx`]: it reads the document, the view and the
//! state at the date through shared references, and pushes [`Command`]s that the app applies
//! after the frame. No panel changes the document or the view.

mod alignment;
pub(crate) mod animation;
mod changelog_window;
mod changes_panel;
mod details;
pub(crate) mod edit;
mod events;
mod legend;
mod map_area;
mod menu;
mod sources;
mod time_bar;

pub(crate) use details::details_ui;
pub(crate) use events::events_ui;
pub(crate) use map_area::map_area_ui;
pub(crate) use menu::menu_ui;
pub(crate) use time_bar::time_bar_ui;

use crate::app::command::Command;
use crate::app::derived::AtDate;
use crate::app::document::Document;
use crate::app::jobs::Jobs;
use crate::app::view::View;

/// What a panel reads and where it puts its requests, for one frame.
pub(crate) struct Cx<'a> {
    /// What is open.
    pub document: &'a Document,
    /// How it is looked at.
    pub view: &'a View,
    /// The state and scenes at the view's date.
    pub at_date: &'a AtDate,
    /// Jobs under way (the menu bar shows them).
    pub jobs: &'a Jobs,
    /// Text being typed in the panels' fields.
    pub memory: &'a mut PanelMemory,
    /// Requests, applied after the frame.
    pub commands: &'a mut Vec<Command>,
}

impl Cx<'_> {
    /// Asks for `command` after the frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The layer drawn at the view's zoom.
    pub fn layer(&self) -> &std::sync::Arc<crate::map::MapLayer> {
        self.document.layer_for(self.view.camera)
    }
}

/// The panels' own widget state: text being typed, a drag under way, and where things were
/// drawn in the last frame (for tests and tools); neither document nor view.
#[derive(Clone, Debug, Default)]
pub(crate) struct PanelMemory {
    /// The country search field.
    pub search: String,
    /// The "Go to date" field.
    pub date_input: String,
    /// The "Compare with" field.
    pub compare_input: String,
    /// Where a shift-drag on the time strip started.
    pub drag_anchor: Option<crate::model::Day>,
    /// The time strip's track as last drawn.
    pub strip_track: Option<egui::Rect>,
    /// The alignment charts drawn this frame: where, the part of it that is visible (not
    /// scrolled away), and their layout.
    pub charts: Vec<(egui::Rect, egui::Rect, crate::export::chart::ChartLayout)>,
}

/// Compare mode's panel (while comparing) and the windows of the View and Help menus. Call
/// between the other side panels and the map.
pub(crate) fn compare_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    changes_panel::changes_panel(ui, cx);
    changelog_window::changelog_window(ui, cx);
    alignment::sahel_chart_window(ui, cx);
}

/// A label that answers clicks, for lists whose rows go somewhere.
pub(crate) fn click_label(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).sense(egui::Sense::click()))
}
