//! Native file dialogs, run off the UI thread so a missing desktop portal never freezes the
//! app. The chosen path comes back as a load, the same way drag-and-drop and the command line
//! load files. Only [`crate::SahelApp::apply`] calls these, for `Command::OpenDialog`,
//! `Command::ExportDialog` and the change list's export; the result comes back through
//! [`Jobs`].

use std::time::{Duration, Instant};

use crate::app::jobs::{Jobs, Loaded};
use crate::app::view::Message;
use crate::io::FileKind;
use crate::model::Day;

/// What to say when no dialog could be shown, and what to do instead.
const NO_DIALOG: &str = "No file dialog could be shown (no desktop portal or zenity answered).";

/// Asks for a file to open, off the UI thread; the answer comes back as
/// [`Loaded::DialogChose`].
///
/// # Errors
/// A message to show when the dialog's thread cannot start.
pub(crate) fn open_dialog(jobs: &Jobs, kind: FileKind) -> Result<(), Message> {
    let (title, filter_name, extensions): (&str, &str, &[&str]) = match kind {
        FileKind::Countries => ("Open countries", "GeoJSON", &["geojson", "json", "gz"]),
        FileKind::Scenario => (
            "Open scenario",
            "Scenario (JSON, spreadsheet)",
            &["json", "xlsx", "ods", "xls"],
        ),
    };
    let spawned = jobs.spawn_quiet("file-dialog", move || {
        let started = Instant::now();
        let dialog = rfd::AsyncFileDialog::new()
            .set_title(title)
            .add_filter(filter_name, extensions)
            .add_filter("All files", &["*"]);
        match pollster::block_on(dialog.pick_file()) {
            Some(file) => Some(Loaded::DialogChose(file.path().to_path_buf(), kind)),
            None if started.elapsed() < Duration::from_millis(400) => {
                Some(Loaded::DialogFailed(format!(
                    "{NO_DIALOG} Drop the file on the window instead, or start the app \
                     with --countries FILE / --scenario FILE."
                )))
            }
            None => None,
        }
    });
    spawned.map_err(|_| {
        Message::error("Could not start the file dialog. Drop the file on the window instead.")
    })
}

/// Asks where to export the view at `day` in `format`, off the UI thread; the answer comes
/// back as [`Loaded::ExportChose`].
///
/// # Errors
/// A message to show when the dialog's thread cannot start.
pub(crate) fn export_dialog(
    jobs: &Jobs,
    format: crate::export::Format,
    day: Day,
) -> Result<(), Message> {
    use crate::export::Format;
    let (name, ext) = match format {
        Format::Png => ("PNG image", "png"),
        Format::Svg => ("SVG drawing", "svg"),
        Format::GeoJson => ("GeoJSON", "geojson"),
        Format::Csv => ("CSV", "csv"),
    };
    let file_name = format!("sahel-atlas-{}.{ext}", day.to_date());
    let spawned = jobs.spawn_quiet("export-dialog", move || {
        let started = Instant::now();
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Export")
            .set_file_name(&file_name)
            .add_filter(name, &[ext]);
        match pollster::block_on(dialog.save_file()) {
            Some(file) => Some(Loaded::ExportChose(file.path().to_path_buf())),
            None if started.elapsed() < Duration::from_millis(400) => {
                Some(Loaded::DialogFailed(format!(
                    "{NO_DIALOG} Use `sahel-atlas render` or `sahel-atlas export` on the \
                     command line instead."
                )))
            }
            None => None,
        }
    });
    spawned.map_err(|_| Message::error("Could not start the file dialog."))
}

/// Asks where to write the change list of the range `from`–`to` (Markdown or CSV), off the UI
/// thread; the answer comes back as [`Loaded::ChangesChose`].
///
/// # Errors
/// A message to show when the dialog's thread cannot start.
pub(crate) fn export_changes_dialog(
    jobs: &Jobs,
    markdown: bool,
    (from, to): (Day, Day),
) -> Result<(), Message> {
    let (name, ext) = if markdown {
        ("Markdown", "md")
    } else {
        ("CSV", "csv")
    };
    let file_name = format!(
        "sahel-atlas-changes-{}-{}.{ext}",
        from.to_date(),
        to.to_date()
    );
    let spawned = jobs.spawn_quiet("export-dialog", move || {
        let started = Instant::now();
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Export the changes")
            .set_file_name(&file_name)
            .add_filter(name, &[ext]);
        match pollster::block_on(dialog.save_file()) {
            Some(file) => Some(Loaded::ChangesChose(file.path().to_path_buf(), markdown)),
            None if started.elapsed() < Duration::from_millis(400) => {
                Some(Loaded::DialogFailed(format!(
                    "{NO_DIALOG} Use `sahel-atlas diff --from A --to B --csv` (or \
                     `--markdown`) on the command line instead."
                )))
            }
            None => None,
        }
    });
    spawned.map_err(|_| Message::error("Could not start the file dialog."))
}
