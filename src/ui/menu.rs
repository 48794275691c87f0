//! The menu bar.

use super::Cx;
use crate::app::command::Command;
use crate::app::editing::EditCommand;
use crate::io::FileKind;

pub(crate) fn menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open countries…").clicked() {
                cx.push(Command::OpenDialog(FileKind::Countries));
            }
            if ui.button("Open scenario…").clicked() {
                cx.push(Command::OpenDialog(FileKind::Scenario));
            }
            let edit = |c| Command::Edit(c);
            if ui.button("Save  (Ctrl+S)").clicked() {
                cx.push(edit(EditCommand::Save));
            }
            if ui.button("Save as…").clicked() {
                cx.push(edit(EditCommand::SaveAs));
            }
            if ui.button("Export as spreadsheet…").clicked() {
                cx.push(edit(EditCommand::ExportSheet));
            }
            ui.menu_button("Open recent", |ui| {
                if cx.document.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in &cx.document.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        cx.commands.push(Command::Load(path.clone(), None));
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
                        cx.push(Command::ExportDialog(format));
                    }
                }
                let comparing = cx.view.compare.range.is_some();
                for (label, markdown) in
                    [("Changes as CSV…", false), ("Changes as Markdown…", true)]
                {
                    if ui
                        .add_enabled(comparing, egui::Button::new(label))
                        .on_disabled_hover_text("Mark two dates first: shift-click the time strip")
                        .clicked()
                    {
                        cx.push(Command::Compare(
                            crate::app::compare::CompareCommand::ExportChanges { markdown },
                        ));
                    }
                }
            });
            if ui.button("Export animation…").clicked() {
                cx.push(Command::OpenAnimationWindow);
            }
            if ui.button("Back to the embedded data").clicked() {
                cx.push(Command::LoadDefaults);
            }
            ui.separator();
            ui.label(
                egui::RichText::new("Or drop a .geojson or scenario file on the window").weak(),
            );
        });
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, cx));
        ui.menu_button("View", |ui| {
            if ui.button("Zoom in  (+)").clicked() {
                cx.push(Command::ZoomIn);
            }
            if ui.button("Zoom out  (−)").clicked() {
                cx.push(Command::ZoomOut);
            }
            if ui.button("Reset view  (0)").clicked() {
                cx.push(Command::ResetView);
            }
            let mut hide = cx.view.hide_ended;
            if ui.checkbox(&mut hide, "Hide ended links").changed() {
                cx.push(Command::SetHideEnded(hide));
            }
            let mut focus = cx.view.focus_ties;
            if ui
                .checkbox(&mut focus, "Focus on the selection")
                .on_hover_text(
                    "Fade the ties of everything but the selected country or organisation",
                )
                .changed()
            {
                cx.push(Command::SetFocusTies(focus));
            }
            if ui.button("Alignment of the Sahel states").clicked() {
                cx.push(Command::Compare(
                    crate::app::compare::CompareCommand::ShowSahelChart(true),
                ));
            }
            ui.menu_button("Theme", |ui| {
                for theme in [
                    crate::app::command::ThemeChoice::System,
                    crate::app::command::ThemeChoice::Light,
                    crate::app::command::ThemeChoice::Dark,
                ] {
                    if ui.radio(cx.view.theme == theme, theme.label()).clicked() {
                        cx.push(Command::SetTheme(theme));
                    }
                }
            });
        });
        ui.menu_button("Help", |ui| {
            if ui.button("What changed this year").clicked() {
                cx.push(Command::Compare(
                    crate::app::compare::CompareCommand::ShowChangelog(true),
                ));
            }
            ui.label("Drag to pan, wheel or pinch to zoom, click a country for details.");
            ui.label("Left / Right arrow: previous / next event   Space: play / pause");
            ui.label("Home / End: start / end   + / − / 0: zoom in / out / reset");
            ui.label("Esc: clear the selection, leave compare mode");
            ui.label("Shift-click or shift-drag the time strip: compare two dates");
        });
        ui.separator();
        ui.label(egui::RichText::new(&cx.document.timeline.scenario().title).strong());
        if cx.document.is_dirty() {
            ui.label(egui::RichText::new("• unsaved changes").weak())
                .on_hover_text("File → Save (Ctrl+S) writes them");
        }
        if !cx.jobs.is_empty() {
            ui.spinner();
            let text: Vec<String> = cx
                .jobs
                .statuses()
                .map(|(name, stage)| format!("{name}: {stage}…"))
                .collect();
            ui.label(text.join("   "))
                .on_hover_text("The map stays usable while files load.");
        }
    });
}

/// Edit: undo, redo, and adding events, ties and organisations.
fn edit_menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let history = &cx.document.history;
    let (undo, redo) = (history.can_undo(), history.can_redo());
    if ui
        .add_enabled(undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z"))
        .clicked()
    {
        cx.push(Command::Edit(EditCommand::Undo));
    }
    if ui
        .add_enabled(
            redo,
            egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        cx.push(Command::Edit(EditCommand::Redo));
    }
    ui.separator();
    let date = cx.view.day().to_date();
    if ui.button(format!("Add an event on {date}…")).clicked() {
        cx.push(Command::Edit(EditCommand::AddEvent));
    }
    if ui.button("Add a tie…").clicked() {
        cx.push(Command::Edit(EditCommand::AddRelationship));
    }
    if ui.button("Add an organisation or armed group…").clicked() {
        cx.push(Command::Edit(EditCommand::AddEntity));
    }
    let errors = cx.document.error_count();
    if errors > 0 {
        ui.separator();
        ui.label(
            egui::RichText::new(format!(
                "{errors} error(s): saving waits until they are fixed"
            ))
            .color(egui::Color32::from_rgb(0xC0, 0x20, 0x20)),
        );
    }
}
