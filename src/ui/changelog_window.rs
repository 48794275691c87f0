//! Help → "What changed this year": per calendar year, the ties that began and ended
//! ([`crate::model::Timeline::changelog`]), for a year in review.

use egui::RichText;

use super::Cx;
use crate::app::command::Command;
use crate::app::compare::CompareCommand;
use crate::app::time_control::TimeCommand;
use crate::model::i18n::{current_lang, tr, tr_args};
use crate::model::{Day, LogEntry, Timeline, format_date_with_precision};

pub(crate) fn changelog_window(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if !cx.view.compare.show_changelog {
        return;
    }
    let timeline = cx.document.timeline.clone();
    let mut open = true;
    let (first, last) = (
        timeline.start().to_date().year(),
        timeline.end().to_date().year(),
    );
    let year = cx
        .view
        .compare
        .changelog_year
        .unwrap_or_else(|| cx.view.day().to_date().year())
        .clamp(first, last);
    let set_year = |y: i16| Command::Compare(CompareCommand::SetChangelogYear(Some(y)));
    egui::Window::new(tr("changelog-title"))
        .id(egui::Id::unique("changelog_window"))
        .open(&mut open)
        .default_size([420.0, 480.0])
        .show(ui.ctx(), |ui| {
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(year > first, egui::Button::new("‹"))
                    .on_hover_text(tr("changelog-year-before"))
                    .clicked()
                {
                    cx.push(set_year(year - 1));
                }
                ui.heading(year.to_string());
                if ui
                    .add_enabled(year < last, egui::Button::new("›"))
                    .on_hover_text(tr("changelog-year-after"))
                    .clicked()
                {
                    cx.push(set_year(year + 1));
                }
                if ui
                    .button(tr("changelog-copy"))
                    .on_hover_text(tr("changelog-copy-hint"))
                    .clicked()
                {
                    let log = timeline.changelog_of_year(year);
                    let text = crate::export::change_list::changelog_markdown(&timeline, &[log]);
                    ui.ctx().copy_text(text);
                }
            });
            let log = timeline.changelog_of_year(year);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    log_list_ui(ui, cx, &timeline, &tr("changelog-began"), &log.began);
                    ui.add_space(6.0);
                    log_list_ui(ui, cx, &timeline, &tr("changelog-ended"), &log.ended);
                });
        });
    if !open {
        cx.push(Command::Compare(CompareCommand::ShowChangelog(false)));
    }
}

fn log_list_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    timeline: &Timeline,
    title: &str,
    entries: &[LogEntry],
) {
    let scenario = timeline.scenario();
    let lang = current_lang();
    let heading = tr_args(
        "changelog-list",
        &[("title", title.into()), ("count", entries.len().into())],
    );
    ui.label(RichText::new(heading).strong());
    if entries.is_empty() {
        ui.label(RichText::new(tr("changelog-none")).weak());
    }
    for entry in entries {
        let rel = &scenario.relationships[entry.relationship];
        let event = &scenario.events[entry.event];
        let text = format!(
            "{} · {}",
            format_date_with_precision(event.date, event.precision),
            rel.label_in(lang)
        );
        if super::click_label(ui, text)
            .on_hover_text(tr_args(
                "changelog-go-hint",
                &[("title", event.title_in(lang).into())],
            ))
            .clicked()
        {
            // Applying it also scrolls the event list to the event.
            cx.push(Command::Time(TimeCommand::SetDay(Day::from_date(
                event.date,
            ))));
            cx.push(Command::SelectLink(Some(entry.relationship)));
        }
    }
}
