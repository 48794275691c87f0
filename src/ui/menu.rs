//! The menu bar.

use super::Cx;
use crate::app::command::Command;
use crate::app::editing::EditCommand;
use crate::io::FileKind;

pub(crate) fn menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, cx));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, cx));
        ui.menu_button("View", |ui| view_menu_ui(ui, cx));
        ui.menu_button("Help", |ui| help_menu_ui(ui, cx));
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

/// The README, shown from Help → About.
const README: &str = include_str!("../../README.md");

/// Help → About: the version, what the data covers, the licences, and the README.
pub(crate) fn about_window(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let mut open = cx.memory.about_open;
    egui::Window::new("About Sahel Atlas")
        .id(egui::Id::unique("about"))
        .open(&mut open)
        .collapsible(false)
        .default_width(420.0)
        .show(ui.ctx(), |ui| {
            ui.label(
                egui::RichText::new(format!("Sahel Atlas {}", env!("CARGO_PKG_VERSION"))).strong(),
            );
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.separator();
            let timeline = &cx.document.timeline;
            let scenario = timeline.scenario();
            ui.label(format!("Scenario: {}", scenario.title));
            ui.label(format!(
                "Data: {} events on {} ties, {} to {}",
                scenario.events.len(),
                scenario.relationships.len(),
                scenario.span.start,
                scenario.span.end
            ));
            if let Some(until) = timeline.research_until() {
                ui.label(format!("Research covers events up to {}", until.to_date()));
            }
            ui.label("Countries: Natural Earth (public domain)");
            ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
            ui.separator();
            egui::CollapsingHeader::new("README")
                .id_salt("about_readme")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(360.0)
                        .show(ui, |ui| {
                            ui.label(egui::RichText::new(README).monospace().size(11.0));
                        });
                });
        });
    cx.memory.about_open = open;
}

fn file_menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if ui.button("Open countries…").clicked() {
        cx.push(Command::OpenDialog(FileKind::Countries));
    }
    if ui.button("Open scenario…").clicked() {
        cx.push(Command::OpenDialog(FileKind::Scenario));
    }
    if ui.button("Add event layer…").clicked() {
        cx.push(Command::OpenDialog(FileKind::Events));
    }
    let edit = |c| Command::Edit(c);
    if ui.button("Save").on_hover_text("Ctrl+S").clicked() {
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
        // With event layers, the data exports are the events in the window.
        let events = !cx.document.events.is_empty();
        let (geojson, csv) = if events {
            (
                "Events in the window as GeoJSON…",
                "Events in the window as CSV…",
            )
        } else {
            (
                "State at this date as GeoJSON…",
                "State at this date as CSV…",
            )
        };
        for (label, format) in [
            ("Map as PNG…", Format::Png),
            ("Map as SVG…", Format::Svg),
            (geojson, Format::GeoJson),
            (csv, Format::Csv),
        ] {
            if ui.button(label).clicked() {
                cx.push(Command::ExportDialog(format));
            }
        }
        let comparing = cx.view.compare.range.is_some();
        for (label, markdown) in [("Changes as CSV…", false), ("Changes as Markdown…", true)] {
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
    ui.label(egui::RichText::new("Or drop a .geojson or scenario file on the window").weak());
    ui.separator();
    if ui.button("Quit").on_hover_text("Ctrl+Q").clicked() {
        cx.push(Command::Quit);
    }
}

fn view_menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if ui.button("Zoom in  (+)").clicked() {
        cx.push(Command::ZoomIn);
    }
    if ui.button("Zoom out  (−)").clicked() {
        cx.push(Command::ZoomOut);
    }
    if ui.button("Reset view  (0)").clicked() {
        cx.push(Command::ResetView);
    }
    // The same setting as the legend's "Ended" box.
    let mut hide = cx.view.hide_ended;
    if ui.checkbox(&mut hide, "Hide ended links").changed() {
        cx.push(Command::SetHideEnded(hide));
    }
    let mut focus = cx.view.focus_ties;
    if ui
        .checkbox(&mut focus, "Focus on the selection")
        .on_hover_text("Fade the ties of everything but the selected country or organisation")
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
}

fn help_menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
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
    ui.label("Ctrl+F or /: find a country   Ctrl+Q: quit");
    ui.label("Ctrl+Z / Ctrl+Shift+Z: undo / redo an edit   Ctrl+S: save");
    ui.separator();
    if ui.button("About Sahel Atlas").clicked() {
        cx.memory.about_open = true;
    }
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
