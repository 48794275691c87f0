//! How the app applies the editing commands ([`EditCommand`]): edits and their history,
//! adding and deleting items, Save and Save as, the spreadsheet export, the recovery file,
//! and the questions (unsaved edits on quit or open). The commands and the editing state are
//! in [`crate::app::editing`]; the forms in `ui::edit`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::SahelApp;
use crate::app::dialogs::PathPurpose;
use crate::app::editing::{
    EditCommand, RECOVERY_DELAY, RECOVERY_FORMAT, RecoveryFile, unique_id, window_title,
    write_scenario_file,
};
use crate::app::jobs::{Loaded, STAGE_EXPORTING};
use crate::app::message::path_arg;
use crate::app::view::Message;
use crate::model::i18n::{Translations, tr, tr_args};
use crate::model::{
    DatePrecision, Edit, Entity, EntityKind, Event, ItemValue, Relationship, RelationshipKind,
    Section,
};

impl SahelApp {
    /// Applies one editing command (from [`SahelApp::apply`]).
    pub(crate) fn apply_edit_command(&mut self, command: EditCommand) {
        match command {
            EditCommand::Apply { edit, merge } => {
                self.edit(*edit, merge);
            }
            EditCommand::Undo => self.undo_redo(true),
            EditCommand::Redo => self.undo_redo(false),
            EditCommand::AddEvent => self.add_event(),
            EditCommand::OpenEvent(i) => self.open_item(Section::Events, i.index(), None),
            EditCommand::DeleteEvent(i) => self.delete_event(i.index()),
            EditCommand::AddRelationship => self.add_relationship(),
            EditCommand::OpenRelationship(i) => {
                self.open_item(Section::Relationships, i.index(), None);
            }
            EditCommand::AddEntity => self.add_entity(),
            EditCommand::OpenEntity(i) => self.open_item(Section::Entities, i.index(), None),
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
        if !self.document.apply_edit(&edit) {
            return false;
        }
        self.document.history.record(edit, merge);
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
        if self.document.apply_edit(&edit) {
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
            title: tr("new-event"),
            summary: String::new(),
            note: None,
            confidence: None,
            sources: Vec::new(),
            notice: None,
            changes: Vec::new(),
            i18n: Translations::default(),
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
            label: tr("new-tie"),
            short: None,
            kind: RelationshipKind::SecurityCooperation,
            parties,
            in_force_at_start: false,
            start_sources: Vec::new(),
            confirmed_until: None,
            confirmed_source: None,
            site: None,
            i18n: Translations::default(),
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
            name: tr("new-organisation"),
            short: None,
            place: None,
            government: None,
            i18n: Translations::default(),
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
        (errors > 0).then(|| tr_args("msg-not-saved", &[("count", errors.into())]))
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
                self.view.messages.push(Message::note(tr_args(
                    "msg-saved",
                    &[("path", path_arg(&path))],
                )));
            }
            Err(why) => self.view.messages.push(Message {
                headline: tr_args("msg-save-failed", &[("path", path_arg(&path))]),
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
        self.view.messages.push(Message::note(tr("msg-restored")));
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
            _ => self.view.messages.push(Message::note(tr_args(
                "msg-recovery-unreadable",
                &[("path", path_arg(path))],
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
            self.document
                .timeline
                .scenario()
                .title_in(crate::model::i18n::current_lang()),
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
