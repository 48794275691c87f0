//! Help → "What changed this year": per calendar year, the ties that began and ended
//! ([`crate::model::Timeline::changelog`]), for a year in review.

use egui::RichText;

use crate::app::SahelApp;
use crate::command::Command;
use crate::compare::CompareCommand;
use crate::model::{Day, LogEntry, format_date_with_precision};
use crate::time_control::TimeCommand;

impl SahelApp {
    pub(crate) fn changelog_window(&mut self, ui: &mut egui::Ui) {
        if !self.compare.show_changelog {
            return;
        }
        let mut open = true;
        let (first, last) = (
            self.timeline.start().to_date().year(),
            self.timeline.end().to_date().year(),
        );
        let year = self
            .compare
            .changelog_year
            .unwrap_or_else(|| self.day().to_date().year())
            .clamp(first, last);
        egui::Window::new("What changed this year")
            .open(&mut open)
            .default_size([420.0, 480.0])
            .show(ui.ctx(), |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(year > first, egui::Button::new("‹"))
                        .clicked()
                    {
                        self.compare.changelog_year = Some(year - 1);
                    }
                    ui.heading(year.to_string());
                    if ui
                        .add_enabled(year < last, egui::Button::new("›"))
                        .clicked()
                    {
                        self.compare.changelog_year = Some(year + 1);
                    }
                    if ui
                        .button("Copy as Markdown")
                        .on_hover_text("With every event's sources")
                        .clicked()
                    {
                        let log = self.timeline.changelog_of_year(year);
                        let text = crate::changes::changelog_markdown(&self.timeline, &[log]);
                        ui.ctx().copy_text(text);
                    }
                });
                let log = self.timeline.changelog_of_year(year);
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.log_list_ui(ui, "Began", &log.began);
                        ui.add_space(6.0);
                        self.log_list_ui(ui, "Ended", &log.ended);
                    });
            });
        if !open {
            self.push(Command::Compare(CompareCommand::ShowChangelog(false)));
        }
    }

    fn log_list_ui(&mut self, ui: &mut egui::Ui, title: &str, entries: &[LogEntry]) {
        let timeline = self.timeline.clone();
        let scenario = timeline.scenario();
        ui.label(RichText::new(format!("{title} ({})", entries.len())).strong());
        if entries.is_empty() {
            ui.label(RichText::new("None.").weak());
        }
        for entry in entries {
            let rel = &scenario.relationships[entry.relationship];
            let event = &scenario.events[entry.event];
            let text = format!(
                "{} · {}",
                format_date_with_precision(event.date, event.precision),
                rel.label
            );
            if crate::ui::changes::click_label(ui, text)
                .on_hover_text(format!("{}\nClick to go to that date.", event.title))
                .clicked()
            {
                self.push(Command::Time(TimeCommand::SetDay(Day::from_date(
                    event.date,
                ))));
                self.push(Command::SelectLink(Some(entry.relationship)));
                self.scroll_to_current = true;
            }
        }
    }
}
