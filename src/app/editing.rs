//! Editing the scenario in the app: the edit commands the panels push, what the app keeps
//! for editing beside the document (the recovery file, questions waiting for an answer), and
//! the files it writes. [`crate::app::edit_apply`] applies the commands. Every edit goes
//! through [`crate::model::Edit`], so it can be undone; the scenario is re-indexed and
//! re-checked after each one (the map, the lists and the charts follow, and errors show
//! beside their fields). Saving writes the shipped file's formatting atomically on a job; a
//! recovery file is written a moment after each edit and offered at the next start if the
//! app ended without saving.

use std::path::{Path, PathBuf};

use crate::app::jobs::Loaded;
use crate::model::{Edit, Scenario};

/// Seconds after the last edit before the recovery file is written.
pub const RECOVERY_DELAY: f64 = 1.0;

/// The format marker of a recovery file.
pub(crate) const RECOVERY_FORMAT: &str = "sahel-atlas/recovery@1";

/// An editing request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Apply an edit from a form; edits with the same `merge` key of one item merge into
    /// one undo step (typing in a field).
    Apply {
        /// The edit (boxed: an item is large).
        edit: Box<Edit>,
        /// The form's session.
        merge: Option<u64>,
    },
    /// Undo the last edit.
    Undo,
    /// Redo the last edit undone.
    Redo,
    /// A new event at the current date, opened in its form.
    AddEvent,
    /// Open an event's form.
    OpenEvent(crate::model::EventIx),
    /// Delete an event.
    DeleteEvent(crate::model::EventIx),
    /// A new relationship (with the selected entity as a party), opened in its form.
    AddRelationship,
    /// Open a relationship's form.
    OpenRelationship(crate::model::RelIx),
    /// A new organisation, opened in its form.
    AddEntity,
    /// Open an entity's form.
    OpenEntity(crate::model::EntityIx),
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
pub(crate) struct RecoveryFile {
    /// [`RECOVERY_FORMAT`].
    pub format: String,
    /// The file the edits were made to, if any.
    pub path: Option<PathBuf>,
    /// The scenario as edited.
    pub scenario: Scenario,
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
    let key = if dirty {
        "window-title-unsaved"
    } else {
        "window-title"
    };
    crate::model::i18n::tr_args(key, &[("name", name.into())])
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
        crate::model::i18n::set_thread_lang(crate::model::i18n::Lang::Fr);
        assert_eq!(
            window_title("T", None, true),
            "T • modifications non enregistrées — Sahel Atlas"
        );
    }
}
