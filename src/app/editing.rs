//! Editing the scenario in the app: the edit commands the panels push, and how the app
//! applies them. Every edit goes through [`crate::model::Edit`], so it can be undone; the
//! scenario is re-indexed and re-checked after each one (the map, the lists and the charts
//! follow, and errors show beside their fields). Saving writes the shipped file's formatting
//! atomically on a job; a recovery file is written a moment after each edit and offered at
//! the next start if the app ended without saving.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::SahelApp;
use crate::app::dialogs::PathPurpose;
use crate::app::jobs::{Loaded, STAGE_EXPORTING};
use crate::app::view::Message;
use crate::model::{
    DatePrecision, Edit, Entity, EntityKind, Event, ItemValue, Relationship, RelationshipKind,
    Scenario, Section,
};

/// Seconds after the last edit before the recovery file is written.
pub const RECOVERY_DELAY: f64 = 1.0;

/// The format marker of a recovery file.
const RECOVERY_FORMAT: &str = "sahel-atlas/recovery@1";

/// An editing request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Apply an edit from a form; edits with the same `merge` key of one item merge into
    /// one undo step (typing in a field).
    Apply {
        /// The edit.
        edit: Edit,
        /// The form's session.
        merge: Option<u64>,
    },
    /// Undo the last edit.
    Undo,
    /// Redo the last edit undone.
    Redo,
    /// A new event at the current date, opened in its form.
    AddEvent,
    /// Open an event's form (index into the scenario's events).
    OpenEvent(usize),
    /// Delete an event.
    DeleteEvent(usize),
    /// A new relationship (with the selected entity as a party), opened in its form.
    AddRelationship,
    /// Open a relationship's form.
    OpenRelationship(usize),
    /// A new organisation, opened in its form.
    AddEntity,
    /// Open an entity's form.
    OpenEntity(usize),
    /// Save to the file open, or ask where when there is none.
    Save,
    /// Ask where to save (Save as…).
    SaveAs,
    /// Save to this path (JSON; `.xlsx` or a folder: the sheets).
    SaveTo(PathBuf),
    /// Ask where to export the scenario as a spreadsheet.
    ExportSheet,
    /// Export the scenario as a spreadsheet (`.xlsx`, or a folder of CSV files).
    ExportSheetTo(PathBuf),
    /// The map was clicked at a place, on an entity (country key or organisation id) or not;
    /// a form that is picking takes it.
    MapClicked {
        /// Where, degrees.
        lon_lat: [f64; 2],
        /// The country or organisation clicked.
        entity: Option<String>,
    },
    /// Restore the edits found in the recovery file.
    RestoreRecovery,
    /// Forget the recovery file.
    DiscardRecovery,
    /// The answer to "replace your unsaved edits?" for a scenario that finished loading.
    ConfirmReplace(bool),
    /// Quit, losing the unsaved edits.
    QuitWithoutSaving,
    /// Do not quit after all.
    CancelQuit,
}

/// A recovery file's content.
#[derive(serde::Serialize, serde::Deserialize)]
struct RecoveryFile {
    format: String,
    /// The file the edits were made to, if any.
    path: Option<PathBuf>,
    scenario: Scenario,
}

/// What the app keeps for editing apart from the document: the recovery file, questions
/// waiting for an answer, and the window title last set.
#[derive(Default)]
pub struct EditState {
    /// Where the recovery file goes; `None`: none is written (tests, other tools).
    pub recovery_path: Option<PathBuf>,
    /// Edits since the recovery file was last written.
    pub(crate) recovery_stale: bool,
    /// When (egui time) the recovery file is next due.
    pub(crate) recovery_due: Option<f64>,
    /// A recovery file found at start, offered to restore: its path and scenario.
    pub recovery_offer: Option<(Option<PathBuf>, Box<Scenario>)>,
    /// A scenario that finished loading while edits were unsaved: asked first.
    pub(crate) pending_replace: Option<Loaded>,
    /// The window was asked to close with unsaved edits.
    pub quit_asked: bool,
    /// Quitting without saving was confirmed.
    pub(crate) quit_confirmed: bool,
    /// The window title last sent.
    pub(crate) title: String,
    /// Form sessions handed out (merge keys).
    pub(crate) sessions: u64,
}

impl EditState {
    /// A new merge key for a form.
    pub(crate) fn session(&mut self) -> u64 {
        self.sessions += 1;
        self.sessions
    }
}

/// An id not used by `taken`: `base`, else `base-2`, `base-3` …
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

impl SahelApp {
    /// Applies one editing command (from [`SahelApp::apply`]).
    pub(crate) fn apply_edit_command(&mut self, command: EditCommand) {
        match command {
            EditCommand::Apply { edit, merge } => {
                self.edit(edit, merge);
            }
            EditCommand::Undo => self.undo_redo(true),
            EditCommand::Redo => self.undo_redo(false),
            EditCommand::AddEvent => self.add_event(),
            EditCommand::OpenEvent(i) => self.open_item(Section::Events, i, None),
            EditCommand::DeleteEvent(i) => self.delete_event(i),
            EditCommand::AddRelationship => self.add_relationship(),
            EditCommand::OpenRelationship(i) => self.open_item(Section::Relationships, i, None),
            EditCommand::AddEntity => self.add_entity(),
            EditCommand::OpenEntity(i) => self.open_item(Section::Entities, i, None),
            EditCommand::Save => match self.save_target() {
                Some(path) => self.save_to(path),
                None => self.ask_path(PathPurpose::SaveAs),
            },
            EditCommand::SaveAs => self.ask_path(PathPurpose::SaveAs),
            EditCommand::SaveTo(path) => self.save_to(path),
            EditCommand::ExportSheet => self.ask_path(PathPurpose::ExportSheet),
            EditCommand::ExportSheetTo(path) => self.export_sheet_to(path),
            EditCommand::MapClicked { lon_lat, entity } => {
                self.editor.map_clicked(lon_lat, entity);
            }
            EditCommand::RestoreRecovery => self.restore_recovery(),
            EditCommand::DiscardRecovery => {
                self.editing.recovery_offer = None;
                self.remove_recovery_file();
            }
            EditCommand::ConfirmReplace(yes) => {
                if let Some(loaded) = self.editing.pending_replace.take()
                    && yes
                {
                    self.document.history = crate::model::EditHistory::default();
                    self.finish_loaded(loaded);
                }
            }
            EditCommand::QuitWithoutSaving => {
                self.editing.quit_asked = false;
                self.editing.quit_confirmed = true;
                self.remove_recovery_file();
            }
            EditCommand::CancelQuit => self.editing.quit_asked = false,
        }
    }

    /// Applies `edit` to the scenario and records it; `false` when it does not apply.
    pub(crate) fn edit(&mut self, edit: Edit, merge: Option<u64>) -> bool {
        let mut scenario = self.document.timeline.scenario().clone();
        if !edit.apply(&mut scenario) {
            return false;
        }
        self.document.history.record(edit, merge);
        self.document.set_edited(scenario);
        self.editing.recovery_stale = true;
        self.editing.recovery_due = None;
        true
    }

    fn undo_redo(&mut self, undo: bool) {
        let edit = if undo {
            self.document.history.undo()
        } else {
            self.document.history.redo()
        };
        let Some(edit) = edit else { return };
        let mut scenario = self.document.timeline.scenario().clone();
        if edit.apply(&mut scenario) {
            self.document.set_edited(scenario);
            self.editing.recovery_stale = true;
            self.editing.recovery_due = None;
        }
        self.editor
            .after_undo(&edit, self.document.timeline.scenario());
        self.view.selected_link = None;
    }

    /// Opens an item's form; `session`: the merge key of the edit that added it, so that
    /// the typing merges into the addition (one undo removes the new item).
    fn open_item(&mut self, section: Section, index: usize, session: Option<u64>) {
        let session = session.unwrap_or_else(|| {
            self.document.history.seal();
            self.editing.session()
        });
        self.editor
            .open(section, index, self.document.timeline.scenario(), session);
    }

    fn add_event(&mut self) {
        let scenario = self.document.timeline.scenario();
        let date = self.view.day().to_date();
        let id = unique_id(&format!("{date}-new-event"), |id| {
            scenario.events.iter().any(|e| e.id == id)
        });
        let index = scenario
            .events
            .iter()
            .rposition(|e| e.date <= date)
            .map_or(0, |i| i + 1);
        let event = Event {
            id,
            date,
            effective: None,
            precision: DatePrecision::Day,
            title: "New event".to_owned(),
            summary: String::new(),
            note: None,
            confidence: None,
            sources: Vec::new(),
            notice: None,
            changes: Vec::new(),
        };
        self.insert_and_open(Section::Events, index, ItemValue::Event(event));
    }

    fn delete_event(&mut self, index: usize) {
        let Some(event) = self.document.timeline.scenario().events.get(index).cloned() else {
            return;
        };
        let edit = Edit {
            section: Section::Events,
            index,
            before: Some(ItemValue::Event(event)),
            after: None,
        };
        self.edit(edit.clone(), None);
        self.editor
            .after_undo(&edit, self.document.timeline.scenario());
    }

    fn add_relationship(&mut self) {
        let scenario = self.document.timeline.scenario();
        let id = unique_id("new-tie", |id| {
            scenario.relationships.iter().any(|r| r.id == id)
        });
        let parties = self
            .view
            .selected
            .iter()
            .filter(|k| scenario.entity(k).is_some())
            .cloned()
            .collect();
        let relationship = Relationship {
            id,
            label: "New tie".to_owned(),
            short: None,
            kind: RelationshipKind::SecurityCooperation,
            parties,
            in_force_at_start: false,
            start_sources: Vec::new(),
            confirmed_until: None,
            confirmed_source: None,
            site: None,
        };
        let index = scenario.relationships.len();
        let item = ItemValue::Relationship(relationship);
        self.insert_and_open(Section::Relationships, index, item);
    }

    fn add_entity(&mut self) {
        let scenario = self.document.timeline.scenario();
        let id = unique_id("NEW_ORGANISATION", |id| {
            scenario.entities.iter().any(|e| e.id == id)
        });
        let entity = Entity {
            id,
            kind: EntityKind::Organisation,
            name: "New organisation".to_owned(),
            short: None,
            place: None,
            government: None,
        };
        let index = scenario.entities.len();
        self.insert_and_open(Section::Entities, index, ItemValue::Entity(entity));
    }

    /// Adds an item and opens its form; what is typed in it merges into the addition.
    fn insert_and_open(&mut self, section: Section, index: usize, item: ItemValue) {
        self.document.history.seal();
        let session = self.editing.session();
        if self.edit(Edit::insert(index, item), Some(session)) {
            self.open_item(section, index, Some(session));
        }
    }

    /// Where Save writes: the file open, unless it is none (the embedded scenario) or a
    /// format that cannot be written (`.ods`, `.xls`).
    pub(crate) fn save_target(&self) -> Option<PathBuf> {
        let path = self.document.scenario_path.clone()?;
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("ods" | "xls" | "xlsb" | "gz") => None,
            _ => Some(path),
        }
    }

    /// Why saving is refused now, if it is: errors in the scenario or in a form's fields.
    pub fn save_refusal(&self) -> Option<String> {
        let errors = self.document.error_count() + self.editor.field_errors();
        (errors > 0).then(|| {
            format!(
                "Not saved: {errors} error{} to fix first (marked in red beside the fields).",
                if errors == 1 { "" } else { "s" }
            )
        })
    }

    /// Saves the scenario to `path` on a job: JSON in the shipped file's formatting, or
    /// the sheets for `.xlsx` or a folder; atomically.
    fn save_to(&mut self, path: PathBuf) {
        if let Some(why) = self.save_refusal() {
            self.view.messages.push(Message::error(why));
            return;
        }
        let timeline = self.document.timeline.clone();
        let state = self.document.history.state_id();
        self.jobs
            .spawn(path.display().to_string(), STAGE_EXPORTING, move |_| {
                let result = write_scenario_file(&path, timeline.scenario());
                Loaded::Saved {
                    path,
                    state,
                    result,
                }
            });
    }

    fn export_sheet_to(&mut self, path: PathBuf) {
        let timeline = self.document.timeline.clone();
        self.jobs
            .spawn(path.display().to_string(), STAGE_EXPORTING, move |_| {
                let result = crate::io::sheet::write_sheets(&path, timeline.scenario())
                    .map(drop)
                    .map_err(|e| e.to_string());
                Loaded::Wrote(path, result)
            });
    }

    /// A save finished.
    pub(crate) fn finish_save(&mut self, path: PathBuf, state: u64, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.document.history.mark_saved(state);
                self.document.scenario_path = Some(path.clone());
                self.document.remember_recent(path.clone());
                if !self.document.is_dirty() {
                    self.remove_recovery_file();
                }
                self.view
                    .messages
                    .push(Message::note(format!("Saved {}.", path.display())));
            }
            Err(why) => self.view.messages.push(Message {
                headline: format!("Could not save {}. The file is as it was.", path.display()),
                details: vec![why],
                is_error: true,
            }),
        }
    }

    fn restore_recovery(&mut self) {
        let Some((path, scenario)) = self.editing.recovery_offer.take() else {
            return;
        };
        self.document
            .set_timeline(Arc::new(crate::model::Timeline::new(*scenario)), path);
        self.document.problems = crate::model::check(self.document.timeline.scenario());
        // Not what is on disk: unsaved until saved.
        self.document.history.mark_saved(u64::MAX);
        self.view.messages.push(Message::note(
            "Restored the unsaved edits of the last session. Save to keep them.",
        ));
    }

    /// Reads the recovery file, if there is one, to offer it.
    pub fn look_for_recovery(&mut self) {
        let Some(path) = &self.editing.recovery_path else {
            return;
        };
        let Ok(bytes) = std::fs::read(path) else {
            return;
        };
        match serde_json::from_slice::<RecoveryFile>(&bytes) {
            Ok(file) if file.format == RECOVERY_FORMAT => {
                self.editing.recovery_offer = Some((file.path, Box::new(file.scenario)));
            }
            _ => self.view.messages.push(Message::note(format!(
                "A recovery file was found but could not be read: {}",
                path.display()
            ))),
        }
    }

    fn remove_recovery_file(&mut self) {
        self.editing.recovery_stale = false;
        self.editing.recovery_due = None;
        if let Some(path) = &self.editing.recovery_path {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Once a frame: writes the recovery file when it is due (a moment after the last
    /// edit), sets the window title, and handles a request to close.
    pub(crate) fn editing_frame(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if self.editing.recovery_stale && self.editing.recovery_path.is_some() {
            let due = *self
                .editing
                .recovery_due
                .get_or_insert(now + RECOVERY_DELAY);
            if now >= due {
                self.write_recovery();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            }
        }
        let title = window_title(
            &self.document.timeline.scenario().title,
            self.document.scenario_path.as_deref(),
            self.document.is_dirty(),
        );
        if title != self.editing.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.editing.title = title;
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.document.is_dirty()
            && !self.editing.quit_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.editing.quit_asked = true;
        }
        if self.editing.quit_confirmed {
            self.editing.quit_confirmed = false;
            self.document
                .history
                .mark_saved(self.document.history.state_id());
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Writes the recovery file now (on a job).
    fn write_recovery(&mut self) {
        self.editing.recovery_stale = false;
        self.editing.recovery_due = None;
        let Some(target) = self.editing.recovery_path.clone() else {
            return;
        };
        if !self.document.is_dirty() {
            self.remove_recovery_file();
            return;
        }
        let timeline = self.document.timeline.clone();
        let path = self.document.scenario_path.clone();
        self.jobs
            .spawn_quiet("recovery", move || {
                let file = RecoveryFile {
                    format: RECOVERY_FORMAT.to_owned(),
                    path,
                    scenario: timeline.scenario().clone(),
                };
                let bytes = serde_json::to_vec(&file).unwrap_or_default();
                if let Some(dir) = target.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let _ = crate::io::atomic::write_atomic(&target, &bytes);
                None
            })
            .ok();
    }
}

/// Writes a scenario to `path`: the sheets for `.xlsx` or a folder, else JSON.
///
/// # Errors
/// Why the file could not be written, as text.
pub fn write_scenario_file(path: &Path, scenario: &Scenario) -> Result<(), String> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx || crate::io::sheet::is_folder(path) {
        crate::io::sheet::write_sheets(path, scenario)
            .map(drop)
            .map_err(|e| e.to_string())
    } else {
        crate::io::write_scenario(path, scenario).map_err(|e| e.to_string())
    }
}

/// The window's title: the scenario's file (or title) and a dot while edits are unsaved.
pub fn window_title(title: &str, path: Option<&Path>, dirty: bool) -> String {
    let name = path
        .and_then(|p| p.file_name())
        .map_or_else(|| title.to_owned(), |n| n.to_string_lossy().into_owned());
    let dot = if dirty { " • unsaved changes" } else { "" };
    format!("{name}{dot} — Sahel Atlas")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_unique() {
        let taken = ["a", "a-2"];
        assert_eq!(unique_id("b", |id| taken.contains(&id)), "b");
        assert_eq!(unique_id("a", |id| taken.contains(&id)), "a-3");
    }

    #[test]
    fn the_title_shows_unsaved_changes() {
        let path = Path::new("/x/scenario.json");
        assert_eq!(
            window_title("T", Some(path), false),
            "scenario.json — Sahel Atlas"
        );
        assert!(window_title("T", None, true).starts_with("T • unsaved changes"));
    }
}
