//! What the app remembers between runs (through eframe's storage): the view, the date, the
//! selection, the open files and the recent list. Plain data, converted from the view and
//! document ([`Persisted::of`]) and back ([`Persisted::restore`]). Panel sizes are kept by
//! egui's own memory.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::time_control::TimeCommand;
use crate::app::view::{Message, View};
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
                .and_then(|r| document.timeline.scenario().relationships.get(r))
                .map(|r| r.id.clone()),
            hide_ended: view.hide_ended,
            countries_path: document.countries_path.clone(),
            scenario_path: document.scenario_path.clone(),
            recent: document.recent.clone(),
            filter: view.filter.clone(),
            focus_ties: Some(view.focus_ties),
            theme: view.theme,
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
        view.hide_ended = self.hide_ended;
        view.filter = self.filter;
        view.focus_ties = self.focus_ties.unwrap_or(true);
        view.theme = self.theme;
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
                let what = match kind {
                    FileKind::Countries => "countries",
                    FileKind::Scenario => "scenario",
                };
                view.messages.push(Message::note(format!(
                    "The {what} file open last time, {}, has since vanished; showing the \
                     embedded data.",
                    path.display()
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
