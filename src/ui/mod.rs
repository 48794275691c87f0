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
mod event_layers;
mod events;
mod legend;
mod map_area;
mod menu;
mod path_prompt;
mod sources;
mod time_bar;
mod words;

pub(crate) use map_area::map_area_ui;

/// The panels around the map: menu, time bar, the side panel (Find, legend, details) and the
/// right panel (events, or while comparing the Changes, with the events one click away),
/// and the windows. Each side panel takes at most about a quarter of the window, so the map
/// keeps at least half of it down to 1024 points wide. The side panel comes first, so Tab
/// reaches Find and the legend before the event list.
pub(crate) fn layout_panels(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let width = ui.ctx().content_rect().width();
    egui::Panel::top("menu").show(ui, |ui| menu::menu_ui(ui, cx));
    egui::Panel::bottom("time_bar").show(ui, |ui| time_bar::time_bar_ui(ui, cx));
    egui::Panel::left("details")
        .default_size(270.0_f32.min(width * 0.24))
        .size_range(180.0..=(width * 0.25).max(180.0))
        .show(ui, |ui| details::details_ui(ui, cx));
    egui::Panel::right("events")
        .default_size(300.0_f32.min(width * 0.26))
        .size_range(200.0..=(width * 0.27).max(200.0))
        .show(ui, |ui| right_panel_ui(ui, cx));
    compare_windows(ui, cx);
    path_prompt::path_prompt_window(ui, cx);
    menu::about_window(ui, cx);
}

/// The right panel: the event list, or while comparing the Changes, with a tab for each.
fn right_panel_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if cx.view.compare.range.is_none() {
        cx.memory.events_while_comparing = false;
        events::events_ui(ui, cx);
        return;
    }
    ui.horizontal(|ui| {
        let events = cx.memory.events_while_comparing;
        if ui
            .selectable_label(!events, crate::model::i18n::tr("panel-tab-changes"))
            .clicked()
        {
            cx.memory.events_while_comparing = false;
        }
        if ui
            .selectable_label(events, crate::model::i18n::tr("panel-tab-events"))
            .clicked()
        {
            cx.memory.events_while_comparing = true;
        }
    });
    ui.separator();
    if cx.memory.events_while_comparing {
        events::events_ui(ui, cx);
    } else {
        changes_panel::changes_ui(ui, cx);
    }
}

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

/// The panels' own widget state: text being typed, a drag under way, and the charts drawn
/// in this frame; neither document nor view.
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
    /// While comparing, the right panel shows the events rather than the Changes.
    pub events_while_comparing: bool,
    /// The events list's filter: text, state, partner and kind, and the row picked with the
    /// arrow keys.
    pub event_filter: events::EventFilter,
    /// Focus the Find field in this frame (Ctrl+F or `/`).
    pub focus_find: bool,
    /// Find was focused by `/`, whose text may come a frame later: it is not typed there.
    pub slash_pending: bool,
    /// Help → About is open.
    pub about_open: bool,
    /// A typed path asked for where no file dialog could be shown.
    pub path_prompt: Option<crate::app::dialogs::PathPrompt>,
    /// The layouts of the alignment charts drawn this frame (the conflict-events chart
    /// beside one shares its scale).
    pub charts: Vec<crate::export::chart::ChartLayout>,
}

/// The windows of the View and Help menus: the change log and the Sahel-wide chart.
pub(crate) fn compare_windows(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    changelog_window::changelog_window(ui, cx);
    alignment::sahel_chart_window(ui, cx);
}

/// A label that answers clicks, for lists whose rows go somewhere.
pub(crate) fn click_label(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).sense(egui::Sense::click()))
}
