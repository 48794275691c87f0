//! What the app remembers between runs (in the settings file, [`crate::app::settings`]):
//! the view, the date, the selection, the open files and the recent list. Plain data, converted from the view and
//! document ([`Persisted::of`]) and back ([`Persisted::restore`]). Panel sizes are kept by
//! egui's own memory.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::message::Message;
use crate::app::time_control::TimeCommand;
use crate::app::view::View;
use crate::io::FileKind;
use crate::map::MapCamera;
use crate::model::Day;

/// The key under which the app's state is stored.
pub const STORAGE_KEY: &str = "sahel-atlas";

/// The remembered state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// The camera, if the person had moved it.
    pub camera: Option<MapCamera>,
    /// The day shown, as days since 1970-01-01.
    pub day: Option<i32>,
    /// The selected country.
    pub selected: Option<String>,
    /// The selected link's relationship id.
    pub selected_link: Option<String>,
    /// Whether ended links were hidden.
    pub hide_ended: bool,
    /// The countries file open, if not the embedded layers.
    pub countries_path: Option<PathBuf>,
    /// The scenario file open, if not the embedded one.
    pub scenario_path: Option<PathBuf>,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Which links were drawn.
    pub filter: crate::model::LinkFilter,
    /// Whether the selection's ties were in focus (`None`: the default, on).
    pub focus_ties: Option<bool>,
    /// The theme chosen.
    pub theme: crate::app::view::ThemeChoice,
    /// The language chosen in View → Language (`None`: the system's).
    pub lang: Option<crate::model::i18n::Lang>,
    /// The event layers' window, filter, hexagon values and the CSV columns chosen per
    /// header.
    pub events: PersistedEvents,
}

/// What is remembered of the event layers' view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersistedEvents {
    /// The window.
    pub window: crate::model::EventWindow,
    /// Types left out and actor text.
    pub filter: crate::model::EventFilter,
    /// What hexagons hold.
    pub aggregate: crate::map::events::Aggregate,
    /// Columns chosen per CSV header.
    pub choices: crate::io::ColumnChoices,
}

impl Persisted {
    /// What to remember of a view of a document.
    pub fn of(view: &View, document: &Document) -> Self {
        Self {
            camera: (!view.camera_is_default).then_some(view.camera).flatten(),
            day: Some(view.day().0),
            selected: view.selected.clone(),
            selected_link: view
                .selected_link
                .and_then(|r| document.timeline.scenario().relationship_at(r))
                .map(|r| r.id.clone()),
            hide_ended: view.hide_ended,
            countries_path: document.countries_path.clone(),
            scenario_path: document.scenario_path.clone(),
            recent: document.recent.clone(),
            filter: view.filter.clone(),
            focus_ties: Some(view.focus_ties),
            theme: view.theme,
            lang: view.lang_choice,
            events: PersistedEvents {
                window: view.events.window,
                filter: view.events.filter.clone(),
                aggregate: view.events.aggregate,
                choices: view.events.choices.clone(),
            },
        }
    }

    /// Puts the remembered state back into `view` and `document`, and returns the commands
    /// that finish the job: loading the remembered files (off the UI thread) and going to the
    /// remembered day. A file that has since vanished is reported in the view's messages and
    /// the embedded data stays.
    pub fn restore(self, view: &mut View, document: &mut Document) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(camera) = self.camera {
            view.camera = Some(camera.clamped());
            view.camera_is_default = false;
        }
        // One setting: hidden when either was remembered hidden.
        view.filter = self.filter;
        let ended = crate::model::Status::Ended;
        if self.hide_ended && !view.filter.hidden_statuses.contains(&ended) {
            view.filter.toggle_status(ended);
        }
        view.hide_ended = view.filter.hidden_statuses.contains(&ended);
        view.focus_ties = self.focus_ties.unwrap_or(true);
        view.theme = self.theme;
        view.lang_choice = self.lang;
        view.events.window = self.events.window;
        view.events.filter = self.events.filter;
        view.events.aggregate = self.events.aggregate;
        view.events.choices = self.events.choices;
        view.selected = self.selected;
        document.recent = self.recent.into_iter().filter(|r| r.exists()).collect();
        for (path, kind) in [
            (self.countries_path, FileKind::Countries),
            (self.scenario_path, FileKind::Scenario),
        ] {
            let Some(path) = path else { continue };
            if path.exists() {
                commands.push(Command::Load(path, Some(kind)));
            } else {
                // Only countries and scenarios are reopened here.
                let key = match kind {
                    FileKind::Countries => "msg-vanished-countries",
                    _ => "msg-vanished-scenario",
                };
                view.messages
                    .push(Message::note(crate::model::i18n::tr_args(
                        key,
                        &[("path", crate::app::message::path_arg(&path))],
                    )));
            }
        }
        if let Some(day) = self.day {
            commands.push(Command::Time(TimeCommand::SetDay(Day(day))));
        }
        if let Some(id) = self.selected_link {
            view.pending_link_id = Some(id);
        }
        commands
    }
}
