//! The menu bar.

use crate::app::SahelApp;
use crate::command::Command;
use crate::io::FileKind;

impl SahelApp {
    pub(crate) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open countries…").clicked() {
                    self.push(Command::OpenDialog(FileKind::Countries));
                }
                if ui.button("Open scenario…").clicked() {
                    self.push(Command::OpenDialog(FileKind::Scenario));
                }
                ui.menu_button("Open recent", |ui| {
                    if self.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in self.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.push(Command::Load(path, None));
                        }
                    }
                });
                ui.menu_button("Export", |ui| {
                    use crate::export::Format;
                    for (label, format) in [
                        ("Map as PNG…", Format::Png),
                        ("Map as SVG…", Format::Svg),
                        ("State at this date as GeoJSON…", Format::GeoJson),
                        ("State at this date as CSV…", Format::Csv),
                    ] {
                        if ui.button(label).clicked() {
                            self.push(Command::ExportDialog(format));
                        }
                    }
                });
                if ui.button("Export animation…").clicked() {
                    self.open_animation_window();
                }
                if ui.button("Back to the embedded data").clicked() {
                    self.push(Command::LoadDefaults);
                }
                ui.separator();
                ui.label(
                    egui::RichText::new("Or drop a .geojson or scenario file on the window").weak(),
                );
            });
            ui.menu_button("View", |ui| {
                if ui.button("Zoom in  (+)").clicked() {
                    self.push(Command::ZoomIn);
                }
                if ui.button("Zoom out  (−)").clicked() {
                    self.push(Command::ZoomOut);
                }
                if ui.button("Reset view  (0)").clicked() {
                    self.push(Command::ResetView);
                }
                let mut hide = self.hide_ended;
                if ui.checkbox(&mut hide, "Hide ended links").changed() {
                    self.push(Command::SetHideEnded(hide));
                }
            });
            ui.menu_button("Help", |ui| {
                ui.label("Drag to pan, wheel or pinch to zoom, click a country for details.");
                ui.label("Left / Right arrow: previous / next event   Space: play / pause");
                ui.label("Home / End: start / end   + / − / 0: zoom in / out / reset");
                ui.label("Esc: clear the selection");
            });
            ui.separator();
            ui.label(egui::RichText::new(&self.timeline.scenario().title).strong());
            if !self.loading.is_empty() {
                ui.spinner();
                let text: Vec<String> = self
                    .loading
                    .iter()
                    .map(|(name, stage)| {
                        let stage = stage.load(std::sync::atomic::Ordering::Relaxed);
                        format!("{name}: {}…", crate::app::stage_label(stage))
                    })
                    .collect();
                ui.label(text.join("   "))
                    .on_hover_text("The map stays usable while files load.");
            }
        });
    }
}
