//! What the app remembers between runs (through eframe's storage): the view, the date, the
//! selection, the open files and the recent list. Panel sizes are kept by egui's own memory.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::app::{Message, SahelApp};
use crate::command::Command;
use crate::io::FileKind;
use crate::map::MapCamera;
use crate::model::Day;
use crate::time_control::TimeCommand;

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
    pub theme: crate::command::ThemeChoice,
}

impl SahelApp {
    /// What to remember of this app.
    pub fn persisted(&self) -> Persisted {
        Persisted {
            camera: (!self.camera_is_default).then_some(self.camera).flatten(),
            day: Some(self.day().0),
            selected: self.selected.clone(),
            selected_link: self
                .selected_link
                .and_then(|r| self.timeline().scenario().relationships.get(r))
                .map(|r| r.id.clone()),
            hide_ended: self.hide_ended,
            countries_path: self.countries_path.clone(),
            scenario_path: self.scenario_path.clone(),
            recent: self.recent.clone(),
            filter: self.filter.clone(),
            focus_ties: Some(self.focus_ties),
            theme: self.theme,
        }
    }

    /// Restores remembered state. Files are reloaded off the UI thread; one that has since
    /// vanished is reported and the embedded data stays.
    pub fn restore(&mut self, p: Persisted) {
        if let Some(camera) = p.camera {
            self.camera = Some(camera.clamped());
            self.camera_is_default = false;
        }
        self.hide_ended = p.hide_ended;
        self.filter = p.filter;
        self.focus_ties = p.focus_ties.unwrap_or(true);
        self.theme = p.theme;
        self.selected = p.selected;
        self.recent = p.recent.into_iter().filter(|r| r.exists()).collect();
        for (path, kind) in [
            (p.countries_path, FileKind::Countries),
            (p.scenario_path, FileKind::Scenario),
        ] {
            let Some(path) = path else { continue };
            if path.exists() {
                self.push(Command::Load(path, Some(kind)));
            } else {
                let what = match kind {
                    FileKind::Countries => "countries",
                    FileKind::Scenario => "scenario",
                };
                self.messages.push(Message {
                    headline: format!(
                        "The {what} file open last time, {}, has since vanished; showing the embedded data.",
                        path.display()
                    ),
                    details: Vec::new(),
                    is_error: false,
                });
            }
        }
        if let Some(day) = p.day {
            self.push(Command::Time(TimeCommand::SetDay(Day(day))));
        }
        if let Some(id) = p.selected_link {
            self.pending_link_id = Some(id);
        }
    }
}
