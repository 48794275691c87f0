//! The event list: the current event as a card (summary, what it changed, its sources), then
//! every event in date order, one line each, drawn only where visible so that scenarios of any
//! size scroll smoothly. A click on a line jumps to its date; its sources are one click away.

use egui::{Color32, RichText};

use super::Cx;
use crate::app::command::Command;
use crate::app::editing::EditCommand;
use crate::app::time_control::TimeCommand;
use crate::model::{Change, Day};

/// Height of one line of the list.
const ROW_HEIGHT: f32 = 20.0;

pub(crate) fn events_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    ui.heading("Events");
    let current = timeline.current_event_position(cx.view.time.day());
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
    if let Some(pos) = current {
        current_event_card_ui(ui, cx, timeline.events_in_order()[pos]);
        ui.separator();
    }

    let scroll = cx.view.scroll_to_current;
    let mut area = egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("event_list");
    if scroll && let Some(pos) = current {
        let visible = ui.available_height();
        let stride = ROW_HEIGHT + ui.spacing().item_spacing.y;
        let offset = (pos as f32 + 0.5) * stride - visible / 2.0;
        area = area.vertical_scroll_offset(offset.max(0.0));
    }
    let order = timeline.events_in_order();
    area.show_rows(ui, ROW_HEIGHT, order.len(), |ui, rows| {
        for pos in rows {
            let event = &scenario.events[order[pos]];
            let is_current = current == Some(pos);
            let is_past = current.is_some_and(|c| pos <= c);
            ui.horizontal(|ui| {
                ui.set_height(ROW_HEIGHT);
                let text = RichText::new(format!("{} · {}", event.dates_label(), event.title));
                let text = if is_current {
                    text.strong()
                        .background_color(Color32::from_rgba_unmultiplied(0xE3, 0xA8, 0x5B, 90))
                } else if is_past {
                    text
                } else {
                    text.weak()
                };
                if let Some(source) = event.sources.first() {
                    super::sources::compact_source_ui(ui, source, cx.commands);
                }
                let response = ui
                    .add(
                        egui::Label::new(text)
                            .truncate()
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(&event.summary);
                let index = order[pos];
                response.context_menu(|ui| {
                    if ui.button("Edit event…").clicked() {
                        cx.commands
                            .push(Command::Edit(EditCommand::OpenEvent(index)));
                    }
                    if ui.button("Delete event").clicked() {
                        cx.commands
                            .push(Command::Edit(EditCommand::DeleteEvent(index)));
                    }
                });
                let clicked = response.clicked();
                if clicked {
                    cx.push(Command::Time(TimeCommand::SetDay(Day::from_date(
                        event.date,
                    ))));
                }
            });
        }
    });
}

/// The current event in full: what happened, what it changed, and its sources.
fn current_event_card_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, e: usize) {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let event = &scenario.events[e];
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(8, 6))
        .corner_radius(4.0)
        .fill(Color32::from_rgba_unmultiplied(0xE3, 0xA8, 0x5B, 60))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let date = event.dates_label();
            ui.label(RichText::new(format!("{date} · {}", event.title)).strong());
            ui.label(&event.summary);
            if let Some(note) = &event.note {
                ui.label(RichText::new(note).italics().weak());
            }
            for change in &event.changes {
                match change {
                    Change::Relationship {
                        relationship,
                        status,
                    } => {
                        if let Some(r) = timeline.relationship_index(relationship) {
                            ui.label(format!(
                                "› {}: {}",
                                scenario.relationships[r].short_label(),
                                status.label()
                            ));
                        }
                    }
                    Change::Reaffirmed { relationship } => {
                        if let Some(r) = timeline.relationship_index(relationship) {
                            ui.label(format!(
                                "› {}: reaffirmed",
                                scenario.relationships[r].short_label()
                            ));
                        }
                    }
                    Change::State {
                        state,
                        government,
                        leader,
                    } => {
                        ui.label(format!(
                            "› {}: {} government{}",
                            scenario.entity_name(state),
                            government.as_str(),
                            leader
                                .as_deref()
                                .map(|l| format!(", {l}"))
                                .unwrap_or_default()
                        ));
                    }
                }
            }
            ui.horizontal(|ui| {
                if ui.small_button("Edit…").clicked() {
                    cx.push(Command::Edit(EditCommand::OpenEvent(e)));
                }
                if ui.small_button("Delete").clicked() {
                    cx.push(Command::Edit(EditCommand::DeleteEvent(e)));
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Sources:");
                super::sources::sources_ui(ui, &event.sources, cx.commands);
                if event.confidence.as_deref() == Some("low") {
                    ui.label(
                        RichText::new("low confidence").color(Color32::from_rgb(0xB0, 0x60, 0x00)),
                    );
                }
            });
        });
}
