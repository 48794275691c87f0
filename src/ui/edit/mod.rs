//! The editing windows: a form per event, relationship or entity being edited, the path
//! window of Save as… and Export as spreadsheet…, and the questions (unsaved edits on quit
//! or open, a recovery file at start). Forms keep the text being typed; whenever it reads
//! as an item different from the document's, they push an edit, so the map and the lists
//! follow as you type. Errors from `check` show beside their fields.

mod event_form;
mod item_forms;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Color32, RichText};

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::editing::{EditCommand, EditState};
use crate::model::{Edit, Item, Problem, Scenario, Section, Severity};

pub(crate) use event_form::EventForm;
pub(crate) use item_forms::{EntityForm, RelationshipForm};

/// What a path window is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PathPurpose {
    /// Save as…
    SaveAs,
    /// Export as spreadsheet…
    ExportSheet,
}

/// A window asking for a path: typed, or chosen with the system's dialog.
struct PathWindow {
    purpose: PathPurpose,
    path: String,
}

/// The editing windows' own state.
pub(crate) struct EditorUi {
    pub event: Option<EventForm>,
    pub relationship: Option<RelationshipForm>,
    pub entity: Option<EntityForm>,
    path_window: Option<PathWindow>,
    chosen_tx: Sender<PathBuf>,
    chosen_rx: Receiver<PathBuf>,
}

impl Default for EditorUi {
    fn default() -> Self {
        let (chosen_tx, chosen_rx) = channel();
        Self {
            event: None,
            relationship: None,
            entity: None,
            path_window: None,
            chosen_tx,
            chosen_rx,
        }
    }
}

impl EditorUi {
    /// Opens the form of an item.
    pub fn open(&mut self, section: Section, index: usize, scenario: &Scenario, session: u64) {
        match section {
            Section::Events => {
                self.event = scenario
                    .events
                    .get(index)
                    .map(|e| EventForm::new(index, e, session));
            }
            Section::Relationships => {
                self.relationship = scenario
                    .relationships
                    .get(index)
                    .map(|r| RelationshipForm::new(index, r, session));
            }
            Section::Entities => {
                self.entity = scenario
                    .entities
                    .get(index)
                    .map(|e| EntityForm::new(index, e, session));
            }
        }
    }

    /// After an undo, a redo or a deletion: a form whose list gained or lost an item is
    /// closed (its index may name another item now); the others follow the document.
    pub fn after_undo(&mut self, edit: &Edit, _scenario: &Scenario) {
        if edit.before.is_some() && edit.after.is_some() {
            return;
        }
        match edit.section {
            Section::Events => self.event = None,
            Section::Relationships => self.relationship = None,
            Section::Entities => self.entity = None,
        }
    }

    /// A click on the map, for a form that is picking a party or a place.
    pub fn map_clicked(&mut self, lon_lat: [f64; 2], entity: Option<String>) {
        if let Some(form) = &mut self.relationship {
            form.map_clicked(entity.as_deref());
        }
        if let Some(form) = &mut self.entity {
            form.map_clicked(lon_lat);
        }
    }

    /// How many fields of the open forms do not read (a date that is no date …).
    pub fn field_errors(&self) -> usize {
        self.event.as_ref().map_or(0, EventForm::field_errors)
            + self
                .relationship
                .as_ref()
                .map_or(0, RelationshipForm::field_errors)
            + self.entity.as_ref().map_or(0, EntityForm::field_errors)
    }

    /// Opens the path window for `purpose`, with `path` or a default filled in.
    pub fn ask_path(&mut self, purpose: PathPurpose, path: Option<PathBuf>) {
        let default = match purpose {
            PathPurpose::SaveAs => "scenario.json",
            PathPurpose::ExportSheet => "scenario.xlsx",
        };
        let path = path.map_or_else(|| default_dir().join(default), |p| p);
        self.path_window = Some(PathWindow {
            purpose,
            path: path.display().to_string(),
        });
    }
}

/// The folder a new file goes in by default: the working folder.
fn default_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

/// Draws the editing windows and the questions; their requests go to `commands`.
pub(crate) fn editor_ui(
    ctx: &egui::Context,
    editor: &mut EditorUi,
    document: &Document,
    editing: &EditState,
    commands: &mut Vec<Command>,
) {
    let scenario = document.timeline.scenario();
    let problems = &document.problems;
    if let Some(form) = &mut editor.event
        && !form.window(ctx, scenario, problems, commands)
    {
        editor.event = None;
    }
    if let Some(form) = &mut editor.relationship
        && !form.window(ctx, scenario, problems, commands)
    {
        editor.relationship = None;
    }
    if let Some(form) = &mut editor.entity
        && !form.window(ctx, scenario, problems, commands)
    {
        editor.entity = None;
    }
    path_window_ui(ctx, editor, commands);
    questions_ui(ctx, document, editing, commands);
}

fn path_window_ui(ctx: &egui::Context, editor: &mut EditorUi, commands: &mut Vec<Command>) {
    while let Ok(path) = editor.chosen_rx.try_recv() {
        if let Some(window) = &mut editor.path_window {
            window.path = path.display().to_string();
        }
    }
    let Some(window) = &mut editor.path_window else {
        return;
    };
    let (title, action, hint) = match window.purpose {
        PathPurpose::SaveAs => (
            "Save scenario as",
            "Save",
            "A .json file (the scenario format), or .xlsx for a workbook.",
        ),
        PathPurpose::ExportSheet => (
            "Export as spreadsheet",
            "Export",
            "An .xlsx workbook, or a folder ending with / for one CSV file per sheet.",
        ),
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(RichText::new(hint).weak());
            ui.horizontal(|ui| {
                ui.label("File:");
                ui.add(egui::TextEdit::singleline(&mut window.path).desired_width(300.0));
                if ui.button("Browse…").clicked() {
                    browse(window.purpose, &window.path, editor.chosen_tx.clone());
                }
            });
            if ui.button(action).clicked() && !window.path.trim().is_empty() {
                let path = PathBuf::from(window.path.trim());
                commands.push(Command::Edit(match window.purpose {
                    PathPurpose::SaveAs => EditCommand::SaveTo(path),
                    PathPurpose::ExportSheet => EditCommand::ExportSheetTo(path),
                }));
                done = true;
            }
        });
    if done || !open {
        editor.path_window = None;
    }
}

/// The system's save dialog on its own thread (it may wait on a portal); the chosen path
/// fills the typed field.
fn browse(purpose: PathPurpose, current: &str, chosen: Sender<PathBuf>) {
    let current = PathBuf::from(current);
    let name = current
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (filter, extensions): (&str, &[&str]) = match purpose {
        PathPurpose::SaveAs => ("Scenario (JSON)", &["json"]),
        PathPurpose::ExportSheet => ("Workbook", &["xlsx"]),
    };
    let spawned = std::thread::Builder::new()
        .name("save-dialog".to_owned())
        .spawn(move || {
            let dialog = rfd::AsyncFileDialog::new()
                .set_file_name(&name)
                .add_filter(filter, extensions);
            if let Some(file) = pollster::block_on(dialog.save_file()) {
                let _ = chosen.send(file.path().to_path_buf());
            }
        });
    // No thread, no dialog: the typed path still works.
    drop(spawned);
}

fn questions_ui(
    ctx: &egui::Context,
    document: &Document,
    editing: &EditState,
    commands: &mut Vec<Command>,
) {
    let mut ask = |id: &str, text: String, buttons: &[(&str, EditCommand)]| {
        egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(text);
            ui.horizontal(|ui| {
                for (label, command) in buttons {
                    if ui.button(*label).clicked() {
                        commands.push(Command::Edit(command.clone()));
                    }
                }
            });
        });
    };
    if editing.quit_asked {
        ask(
            "unsaved-quit",
            "The scenario has unsaved edits.".to_owned(),
            &[
                ("Save", EditCommand::Save),
                ("Quit without saving", EditCommand::QuitWithoutSaving),
                ("Cancel", EditCommand::CancelQuit),
            ],
        );
    } else if editing.pending_replace.is_some() {
        ask(
            "unsaved-open",
            "Another scenario is ready to show, but this one has unsaved edits. Open it and lose them?".to_owned(),
            &[
                ("Keep editing", EditCommand::ConfirmReplace(false)),
                ("Open it, losing the edits", EditCommand::ConfirmReplace(true)),
            ],
        );
    } else if let Some((path, _)) = &editing.recovery_offer {
        let of = path.as_ref().map_or_else(
            || "the embedded scenario".to_owned(),
            |p| p.display().to_string(),
        );
        ask(
            "recovery",
            format!("The last session ended with unsaved edits to {of}. Restore them?"),
            &[
                ("Restore", EditCommand::RestoreRecovery),
                ("Discard", EditCommand::DiscardRecovery),
            ],
        );
    }
    let _ = document;
}

/// The problems `check` found with one item, by pointer.
pub(crate) fn problems_of<'a>(problems: &'a [Problem], item: &Item) -> Vec<&'a Problem> {
    problems.iter().filter(|p| &p.item == item).collect()
}

/// Shows the problems whose pointer starts with `prefix` (all when `None`), red for
/// errors, amber for warnings.
pub(crate) fn problems_ui(ui: &mut egui::Ui, problems: &[&Problem], prefix: &str) {
    for problem in problems {
        let here = if prefix.is_empty() {
            problem.pointer.is_empty()
        } else {
            problem.pointer == prefix || problem.pointer.starts_with(&format!("{prefix}/"))
        };
        if here {
            let colour = match problem.severity {
                Severity::Error => Color32::from_rgb(0xC0, 0x20, 0x20),
                Severity::Warning => Color32::from_rgb(0xB0, 0x60, 0x00),
            };
            ui.label(RichText::new(&problem.message).color(colour).small());
        }
    }
}

/// Shows a field's own error (it does not read), in red.
pub(crate) fn field_error_ui(ui: &mut egui::Ui, error: Option<&String>) {
    if let Some(error) = error {
        ui.label(
            RichText::new(error)
                .color(Color32::from_rgb(0xC0, 0x20, 0x20))
                .small(),
        );
    }
}

/// Lines of a text field, blank ones left out.
pub(crate) fn lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// Text that is empty as `None`.
pub(crate) fn optional(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_owned())
}
