//! The menu bar.

use super::Cx;
use crate::app::command::Command;
use crate::app::editing::EditCommand;
use crate::io::FileKind;
use crate::model::i18n::{Lang, format_day_long, tr, tr_args};

pub(crate) fn menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr("menu-file"), |ui| file_menu_ui(ui, cx));
        ui.menu_button(tr("menu-edit"), |ui| edit_menu_ui(ui, cx));
        ui.menu_button(tr("menu-view"), |ui| view_menu_ui(ui, cx));
        ui.menu_button(tr("menu-help"), |ui| help_menu_ui(ui, cx));
        ui.separator();
        let lang = crate::model::i18n::current_lang();
        let title = cx.document.timeline.scenario().title_in(lang);
        ui.label(egui::RichText::new(title).strong());
        if cx.document.is_dirty() {
            ui.label(egui::RichText::new(tr("unsaved-changes")).weak())
                .on_hover_text(tr("unsaved-changes-hint"));
        }
        if !cx.jobs.is_empty() {
            ui.spinner();
            let text: Vec<String> = cx
                .jobs
                .progress()
                .map(|(name, stage, percent)| {
                    let args = [("name", name.into()), ("stage", stage.into())];
                    match percent {
                        Some(p) => tr_args(
                            "job-progress",
                            &[args[0].clone(), args[1].clone(), ("percent", p.into())],
                        ),
                        None => tr_args("job-progress-no-percent", &args),
                    }
                })
                .collect();
            ui.label(text.join("   ")).on_hover_text(tr("jobs-hint"));
        }
    });
}

/// The README, shown from Help → About.
const README: &str = include_str!("../../README.md");

/// Help → About: the version, what the data covers, the licences, and the README.
pub(crate) fn about_window(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let mut open = cx.memory.about_open;
    egui::Window::new(tr("about-title"))
        .id(egui::Id::unique("about"))
        .open(&mut open)
        .collapsible(false)
        .default_width(420.0)
        .show(ui.ctx(), |ui| {
            ui.label(
                egui::RichText::new(format!("Sahel Atlas {}", env!("CARGO_PKG_VERSION"))).strong(),
            );
            ui.label(tr("about-description"));
            ui.separator();
            let timeline = &cx.document.timeline;
            let scenario = timeline.scenario();
            let lang = crate::model::i18n::current_lang();
            ui.label(tr_args(
                "about-scenario",
                &[("title", scenario.title_in(lang).into())],
            ));
            let description = scenario.description_in(lang);
            if !description.trim().is_empty() {
                egui::CollapsingHeader::new(tr("about-scenario-covers"))
                    .id_salt("about_scenario_description")
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("about_scenario_description_scroll")
                            .max_height(200.0)
                            .show(ui, |ui| ui.label(description));
                    });
            }
            ui.label(tr_args(
                "about-data",
                &[
                    ("events", scenario.events.len().into()),
                    ("ties", scenario.relationships.len().into()),
                    ("start", format_day_long(scenario.span.start, lang).into()),
                    ("end", format_day_long(scenario.span.end, lang).into()),
                ],
            ));
            if let Some(until) = timeline.research_until() {
                ui.label(tr_args(
                    "about-research",
                    &[("date", format_day_long(until.to_date(), lang).into())],
                ));
            }
            ui.label(tr("about-countries"));
            ui.label(tr_args(
                "about-licence",
                &[("licence", env!("CARGO_PKG_LICENSE").into())],
            ));
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
    if ui.button(tr("file-open-countries")).clicked() {
        cx.push(Command::OpenDialog(FileKind::Countries));
    }
    if ui.button(tr("file-open-scenario")).clicked() {
        cx.push(Command::OpenDialog(FileKind::Scenario));
    }
    if ui.button(tr("file-add-event-layer")).clicked() {
        cx.push(Command::OpenDialog(FileKind::Events));
    }
    let edit = |c| Command::Edit(c);
    if ui.button(tr("file-save")).on_hover_text("Ctrl+S").clicked() {
        cx.push(edit(EditCommand::Save));
    }
    if ui
        .button(tr("file-save-as"))
        .on_hover_text("Ctrl+Shift+S")
        .clicked()
    {
        cx.push(edit(EditCommand::SaveAs));
    }
    if ui.button(tr("file-export-sheet")).clicked() {
        cx.push(edit(EditCommand::ExportSheet));
    }
    ui.menu_button(tr("file-open-recent"), |ui| {
        if cx.document.recent.is_empty() {
            ui.label(tr("file-no-recent"));
        }
        for path in &cx.document.recent {
            if ui.button(path.display().to_string()).clicked() {
                cx.commands.push(Command::Load(path.clone(), None));
            }
        }
    });
    ui.menu_button(tr("file-export"), |ui| {
        use crate::export::Format;
        // With event layers, the data exports are the events in the window.
        let events = !cx.document.events.is_empty();
        let (geojson, csv) = if events {
            (tr("export-events-geojson"), tr("export-events-csv"))
        } else {
            (tr("export-state-geojson"), tr("export-state-csv"))
        };
        for (label, format) in [
            (tr("export-map-png"), Format::Png),
            (tr("export-map-svg"), Format::Svg),
            (geojson, Format::GeoJson),
            (csv, Format::Csv),
        ] {
            if ui.button(label).clicked() {
                cx.push(Command::ExportDialog(format));
            }
        }
        let comparing = cx.view.compare.range.is_some();
        for (label, markdown) in [
            (tr("export-changes-csv"), false),
            (tr("export-changes-markdown"), true),
        ] {
            if ui
                .add_enabled(comparing, egui::Button::new(label))
                .on_disabled_hover_text(tr("export-changes-disabled"))
                .clicked()
            {
                cx.push(Command::Compare(
                    crate::app::compare::CompareCommand::ExportChanges { markdown },
                ));
            }
        }
    });
    if ui.button(tr("file-export-animation")).clicked() {
        cx.push(Command::OpenAnimationWindow);
    }
    if ui.button(tr("file-back-to-embedded")).clicked() {
        cx.push(Command::LoadDefaults);
    }
    ui.separator();
    ui.label(egui::RichText::new(tr("file-drop-hint")).weak());
    ui.separator();
    if ui.button(tr("file-quit")).on_hover_text("Ctrl+Q").clicked() {
        cx.push(Command::Quit);
    }
}

fn view_menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if ui.button(tr("view-zoom-in")).clicked() {
        cx.push(Command::ZoomIn);
    }
    if ui.button(tr("view-zoom-out")).clicked() {
        cx.push(Command::ZoomOut);
    }
    if ui.button(tr("view-reset")).clicked() {
        cx.push(Command::ResetView);
    }
    // The same setting as the legend's "Ended" box.
    let mut hide = cx.view.hide_ended;
    if ui.checkbox(&mut hide, tr("view-hide-ended")).changed() {
        cx.push(Command::SetHideEnded(hide));
    }
    let mut focus = cx.view.focus_ties;
    if ui
        .checkbox(&mut focus, tr("view-focus"))
        .on_hover_text(tr("view-focus-hint"))
        .changed()
    {
        cx.push(Command::SetFocusTies(focus));
    }
    if ui.button(tr("view-sahel-alignment")).clicked() {
        cx.push(Command::Compare(
            crate::app::compare::CompareCommand::ShowSahelChart(true),
        ));
    }
    ui.menu_button(tr("view-theme"), |ui| {
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
    ui.menu_button(tr("view-language"), |ui| {
        let system = crate::model::i18n::system_lang();
        let system_label = tr_args("language-system", &[("lang", system.endonym().into())]);
        if ui
            .radio(cx.view.lang_choice.is_none(), system_label)
            .clicked()
        {
            cx.push(Command::SetLang(None));
        }
        for lang in Lang::ALL {
            if ui
                .radio(cx.view.lang_choice == Some(lang), lang.endonym())
                .clicked()
            {
                cx.push(Command::SetLang(Some(lang)));
            }
        }
    });
}

fn help_menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if ui.button(tr("help-changelog")).clicked() {
        cx.push(Command::Compare(
            crate::app::compare::CompareCommand::ShowChangelog(true),
        ));
    }
    ui.label(tr("help-gestures"));
    ui.label(tr("help-keys-events"));
    ui.label(tr("help-keys-span"));
    ui.label(tr("help-keys-escape"));
    ui.label(tr("help-keys-compare"));
    ui.label(tr("help-keys-find"));
    ui.label(tr("help-keys-edit"));
    ui.separator();
    if ui.button(tr("help-about")).clicked() {
        cx.memory.about_open = true;
    }
}

/// Edit: undo, redo, and adding events, ties and organisations.
fn edit_menu_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let history = &cx.document.history;
    let (undo, redo) = (history.can_undo(), history.can_redo());
    if ui
        .add_enabled(
            undo,
            egui::Button::new(tr("edit-undo")).shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        cx.push(Command::Edit(EditCommand::Undo));
    }
    if ui
        .add_enabled(
            redo,
            egui::Button::new(tr("edit-redo")).shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        cx.push(Command::Edit(EditCommand::Redo));
    }
    ui.separator();
    let date = format_day_long(cx.view.day().to_date(), crate::model::i18n::current_lang());
    let add_event = tr_args("edit-add-event", &[("date", date.as_str().into())]);
    if ui.button(add_event).clicked() {
        cx.push(Command::Edit(EditCommand::AddEvent));
    }
    if ui.button(tr("edit-add-tie")).clicked() {
        cx.push(Command::Edit(EditCommand::AddRelationship));
    }
    if ui.button(tr("edit-add-entity")).clicked() {
        cx.push(Command::Edit(EditCommand::AddEntity));
    }
    let errors = cx.document.error_count();
    if errors > 0 {
        ui.separator();
        ui.label(
            egui::RichText::new(tr_args("edit-errors", &[("count", errors.into())]))
                .color(egui::Color32::from_rgb(0xC0, 0x20, 0x20)),
        );
    }
}
