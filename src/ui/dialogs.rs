//! Native file dialogs, run off the UI thread so a missing desktop portal never freezes the
//! app. The chosen path comes back as a load, the same way drag-and-drop and the command line
//! load files.

use std::time::{Duration, Instant};

use crate::app::{Loaded, SahelApp};
use crate::io::FileKind;

impl SahelApp {
    pub(crate) fn open_dialog(&mut self, kind: FileKind) {
        let tx = self.loaded_tx.clone();
        let (title, filter_name, extensions): (&str, &str, &[&str]) = match kind {
            FileKind::Countries => ("Open countries", "GeoJSON", &["geojson", "json", "gz"]),
            FileKind::Scenario => ("Open scenario", "Scenario (JSON)", &["json"]),
        };
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title(title)
                    .add_filter(filter_name, extensions)
                    .add_filter("All files", &["*"]);
                let chosen = pollster::block_on(dialog.pick_file());
                let message = match chosen {
                    Some(file) => Loaded::DialogChose(file.path().to_path_buf(), kind),
                    None if started.elapsed() < Duration::from_millis(400) => Loaded::DialogFailed(
                        "No file dialog could be shown (no desktop portal or zenity answered). \
                         Drop the file on the window instead, or start the app with \
                         --countries FILE / --scenario FILE."
                            .to_owned(),
                    ),
                    None => return,
                };
                let _ = tx.send(message);
            });
        if spawned.is_err() {
            self.messages.push(crate::app::Message {
                headline: "Could not start the file dialog. Drop the file on the window instead."
                    .to_owned(),
                details: Vec::new(),
                is_error: true,
            });
        }
    }
}

impl SahelApp {
    pub(crate) fn export_dialog(&mut self, format: crate::export::Format) {
        use crate::export::Format;
        let (name, ext) = match format {
            Format::Png => ("PNG image", "png"),
            Format::Svg => ("SVG drawing", "svg"),
            Format::GeoJson => ("GeoJSON", "geojson"),
            Format::Csv => ("CSV", "csv"),
        };
        let file_name = format!("sahel-atlas-{}.{ext}", self.day().to_date());
        let tx = self.loaded_tx.clone();
        let spawned = std::thread::Builder::new()
            .name("export-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Export")
                    .set_file_name(&file_name)
                    .add_filter(name, &[ext]);
                let message = match pollster::block_on(dialog.save_file()) {
                    Some(file) => Loaded::ExportChose(file.path().to_path_buf()),
                    None if started.elapsed() < Duration::from_millis(400) => Loaded::DialogFailed(
                        "No file dialog could be shown (no desktop portal or zenity answered). \
                         Use `sahel-atlas render` or `sahel-atlas export` on the command line instead."
                            .to_owned(),
                    ),
                    None => return,
                };
                let _ = tx.send(message);
            });
        if spawned.is_err() {
            self.messages.push(crate::app::Message {
                headline: "Could not start the file dialog.".to_owned(),
                details: Vec::new(),
                is_error: true,
            });
        }
    }
}
