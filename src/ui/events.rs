//! The event list: every event in date order, the current one highlighted; a click jumps to
//! its date; its sources one click away.

use egui::{Color32, RichText};

use crate::app::SahelApp;
use crate::command::Command;
use crate::model::{Change, format_date_with_precision};
use crate::time_control::TimeCommand;

impl SahelApp {
    pub(crate) fn events_ui(&mut self, ui: &mut egui::Ui) {
        let timeline = self.timeline.clone();
        let scenario = timeline.scenario();
        ui.heading("Events");
        let current = timeline.current_event_position(self.time.day());
        ui.label(
            RichText::new(format!(
                "{} events, {} – {}. Click one to go to its date.",
                scenario.events.len(),
                scenario.span.start.year(),
                scenario.span.end.year()
            ))
            .weak(),
        );
        ui.separator();
        let scroll = std::mem::take(&mut self.scroll_to_current);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (pos, &e) in timeline.events_in_order().iter().enumerate() {
                    let event = &scenario.events[e];
                    let is_current = current == Some(pos);
                    let is_past = current.is_some_and(|c| pos <= c);
                    let frame = egui::Frame::new()
                        .inner_margin(egui::Margin::symmetric(6, 4))
                        .corner_radius(4.0)
                        .fill(if is_current {
                            Color32::from_rgba_unmultiplied(0xE3, 0xA8, 0x5B, 90)
                        } else {
                            Color32::TRANSPARENT
                        });
                    let inner = frame.show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let date = format_date_with_precision(event.date, event.precision);
                        let title = RichText::new(format!("{date} · {}", event.title));
                        let title = if is_current {
                            title.strong()
                        } else if is_past {
                            title
                        } else {
                            title.weak()
                        };
                        let clicked = ui
                            .add(egui::Label::new(title).sense(egui::Sense::click()))
                            .on_hover_text(&event.summary)
                            .clicked();
                        if clicked {
                            self.push(Command::Time(TimeCommand::SetDay(
                                crate::model::Day::from_date(event.date),
                            )));
                        }
                        if is_current {
                            ui.label(&event.summary);
                            if let Some(note) = &event.note {
                                ui.label(RichText::new(note).italics().weak());
                            }
                            for change in &event.changes {
                                if let Change::Relationship {
                                    relationship,
                                    status,
                                } = change
                                    && let Some(r) = timeline.relationship_index(relationship)
                                {
                                    ui.label(format!(
                                        "› {}: {}",
                                        scenario.relationships[r].short_label(),
                                        status.label()
                                    ));
                                }
                            }
                        }
                        ui.horizontal_wrapped(|ui| {
                            for (k, source) in event.sources.iter().enumerate() {
                                let label = format!("source {}", k + 1);
                                if ui.link(label).on_hover_text(source).clicked() {
                                    self.push(Command::OpenUrl(source.clone()));
                                }
                            }
                            if event.confidence.as_deref() == Some("low") {
                                ui.label(
                                    RichText::new("low confidence")
                                        .color(Color32::from_rgb(0xB0, 0x60, 0x00)),
                                );
                            }
                        });
                    });
                    if is_current && scroll {
                        inner.response.scroll_to_me(Some(egui::Align::Center));
                    }
                }
            });
    }
}
