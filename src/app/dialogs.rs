//! File paths: asked with the native dialog, run off the UI thread so a missing desktop
//! portal never freezes the app, or typed where no dialog can be shown (i3, sway, minimal
//! installs). The chosen path comes back as a load or an export, the same way drag-and-drop
//! and the command line load files. Only [`crate::SahelApp::apply`] calls these, for
//! `Command::OpenDialog`, `Command::ExportDialog` and the change list's export; the result
//! comes back through [`Jobs`]: a path, or [`Loaded::NoDialog`], which opens the typed-path
//! window ([`PathPrompt`]) for the same purpose.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::app::jobs::{Jobs, Loaded};
use crate::app::message::Message;
use crate::model::Day;
use crate::model::i18n::tr;

pub use crate::app::path_purpose::PathPurpose;

/// The typed-path window's state: what the path is for, the path being typed, and why no
/// dialog was shown.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The path as typed so far (a suggestion to start with).
    pub path: String,
    /// Why the window is there.
    pub why: String,
}

impl PathPrompt {
    /// The window for `purpose`, starting from `suggested`, saying `why`.
    pub fn new(purpose: PathPurpose, suggested: &std::path::Path, why: &str) -> Self {
        Self {
            purpose,
            path: suggested.display().to_string(),
            why: why.to_owned(),
        }
    }
}

/// The folder a path is first suggested in: the home folder, else the current one.
fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// The path suggested for `purpose` on `day` (for the change list, of the range compared).
pub fn suggested_path(purpose: &PathPurpose, day: Day, range: Option<(Day, Day)>) -> PathBuf {
    let (_, extensions) = purpose.filter();
    let ext = extensions.first().copied().unwrap_or("txt");
    let name = match purpose {
        PathPurpose::Open(_) => return home().join(""),
        PathPurpose::Export(_) => format!("sahel-atlas-{}.{ext}", day.to_date()),
        PathPurpose::Animation(_) => format!("sahel-atlas.{ext}"),
        PathPurpose::SaveAs | PathPurpose::ExportSheet => format!("scenario.{ext}"),
        PathPurpose::Changes(_) => {
            let (from, to) = range.unwrap_or((day, day));
            format!(
                "sahel-atlas-changes-{}-{}.{ext}",
                from.to_date(),
                to.to_date()
            )
        }
    };
    home().join(name)
}

/// Asks for a path for `purpose` with the native dialog, off the UI thread, suggesting
/// `suggested`; the answer comes back as a path for the purpose, or as [`Loaded::NoDialog`]
/// when no dialog could be shown (it came back at once), which opens the typed-path window.
/// A dialog the person cancelled brings nothing back.
///
/// # Errors
/// A message to show when the dialog's thread cannot start.
pub(crate) fn ask_path(
    jobs: &Jobs,
    purpose: PathPurpose,
    suggested: PathBuf,
) -> Result<(), Message> {
    let (filter_name, extensions) = purpose.filter();
    // In the language of the frame that asked (the dialog's thread has none of its own).
    let (title, all_files) = (purpose.title(), tr("path-filter-all"));
    let spawned = jobs.spawn_quiet("file-dialog", move || {
        let started = Instant::now();
        let mut dialog = rfd::AsyncFileDialog::new()
            .set_title(title)
            .add_filter(filter_name, extensions);
        let chosen = if let PathPurpose::Open(_) = purpose {
            dialog = dialog.add_filter(all_files, &["*"]);
            pollster::block_on(dialog.pick_file())
        } else {
            if let Some(name) = suggested.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            pollster::block_on(dialog.save_file())
        };
        match chosen {
            Some(file) => Some(Loaded::PathChosen(purpose, file.path().to_path_buf())),
            None if started.elapsed() < Duration::from_millis(400) => {
                Some(Loaded::NoDialog(purpose, suggested))
            }
            None => None,
        }
    });
    spawned.map_err(|_| Message::error(tr("path-dialog-failed")))
}
