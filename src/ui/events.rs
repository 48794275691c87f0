//! The event list: the current event as a card (summary, what it changed, its sources), then
//! every event in date order, one line each, drawn only where visible so that scenarios of any
//! size scroll smoothly. A click on a line jumps to its date; its sources are one click away.
//! A filter above the list keeps the events of a text, a Sahel state, a partner or a kind;
//! Up and Down in its field pick a row, Enter goes to its date.

use egui::{Color32, RichText};

use super::Cx;
use crate::app::command::Command;
use crate::app::editing::EditCommand;
use crate::app::time_control::TimeCommand;
use crate::model::EventIx;
use crate::model::i18n::{current_lang, tr, tr_args};
use crate::model::{Change, Day, RelationshipKind, Timeline, is_sahel_state};

/// Height of one line of the list.
const ROW_HEIGHT: f32 = 20.0;

/// The events list's filter: a text, a Sahel state, a partner and a kind, and the row picked
/// with the arrow keys (a position in the filtered list).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EventFilter {
    /// Words of the title, summary or date (any case, accents optional).
    pub text: String,
    /// A Sahel state's id: events that change its ties or its government.
    pub state: Option<String>,
    /// A partner's id: events that change a tie it is party to.
    pub partner: Option<String>,
    /// A kind of tie: events that change a tie of that kind.
    pub kind: Option<RelationshipKind>,
    /// The row picked with the arrow keys.
    pub picked: Option<usize>,
}

impl EventFilter {
    fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.state.is_none()
            && self.partner.is_none()
            && self.kind.is_none()
    }

    /// Whether the event `e` of `timeline` passes.
    fn keeps(&self, timeline: &Timeline, e: EventIx) -> bool {
        let scenario = timeline.scenario();
        let event = &scenario.events[e];
        let text = crate::map::search::fold(self.text.trim());
        if !text.is_empty() {
            let haystack = crate::map::search::fold(&format!(
                "{} {} {}",
                event.dates_label(),
                event.title_in(current_lang()),
                event.summary_in(current_lang()).text
            ));
            if !text.split_whitespace().all(|w| haystack.contains(w)) {
                return false;
            }
        }
        let ties = || {
            event.changes.iter().filter_map(|c| match c {
                Change::Relationship { relationship, .. }
                | Change::Reaffirmed { relationship, .. }
                | Change::Size { relationship, .. } => timeline
                    .relationship_index(relationship)
                    .map(|r| &scenario.relationships[r]),
                Change::State { .. } => None,
            })
        };
        let party = |id: &str| ties().any(|r| r.parties.iter().any(|p| p == id));
        let state_ok = self.state.as_deref().is_none_or(|id| {
            party(id)
                || event
                    .changes
                    .iter()
                    .any(|c| matches!(c, Change::State { state, .. } if state == id))
        });
        let partner_ok = self.partner.as_deref().is_none_or(party);
        let kind_ok = self.kind.is_none_or(|k| ties().any(|r| r.kind == k));
        state_ok && partner_ok && kind_ok
    }
}

pub(crate) fn events_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    ui.heading(tr("events-heading"));
    let current = timeline.current_event_position(cx.view.time.day());
    if let Some(pos) = current {
        current_event_card_ui(ui, cx, timeline.events_in_order()[pos]);
    }
    ui.separator();
    let picked_by_keys = filter_ui(ui, cx);
    let order = timeline.events_in_order();
    let shown: Vec<usize> = (0..order.len())
        .filter(|&pos| cx.memory.event_filter.keeps(&timeline, order[pos]))
        .collect();
    ui.label(
        RichText::new(tr_args(
            "events-count",
            &[
                ("shown", shown.len().into()),
                ("total", scenario.events.len().into()),
                ("start", scenario.span.start.year().to_string().into()),
                ("end", scenario.span.end.year().to_string().into()),
            ],
        ))
        .weak(),
    );
    let picked = cx.memory.event_filter.picked.filter(|&p| p < shown.len());
    if let Some(p) = picked
        && picked_by_keys.is_some()
    {
        let event = &scenario.events[order[shown[p]]];
        if picked_by_keys == Some(true) {
            cx.push(Command::Time(TimeCommand::SetDay(Day::from_date(
                event.date,
            ))));
        }
    }
    event_rows_ui(ui, cx, &shown, current, picked, picked_by_keys.is_some());
}

/// The filter's row: the text field and the three choices. Up and Down in the text field
/// pick a row, Enter goes to its date. Returns `Some(true)` when Enter was pressed on a
/// picked row, `Some(false)` when the pick moved, `None` otherwise.
fn filter_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) -> Option<bool> {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let before = cx.memory.event_filter.clone();
    let f = &mut cx.memory.event_filter;
    let label = ui.label(tr("events-filter"));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut f.text)
                .hint_text(tr("events-filter-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let lang = current_lang();
    let any = tr("events-any");
    let name = |id: &Option<String>| {
        id.as_deref().map_or_else(
            || any.clone(),
            |id| scenario.entity_name_in(id, lang).to_owned(),
        )
    };
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label(tr("events-state"))
            .selected_text(name(&f.state))
            .width(90.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.state, None, &any);
                for id in crate::model::SAHEL_STATES {
                    let text = scenario.entity_name_in(id, lang).to_owned();
                    ui.selectable_value(&mut f.state, Some(id.to_owned()), text);
                }
            });
        egui::ComboBox::from_label(tr("events-partner"))
            .selected_text(name(&f.partner))
            .width(90.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.partner, None, &any);
                for e in scenario.entities.iter().filter(|e| !is_sahel_state(&e.id)) {
                    ui.selectable_value(&mut f.partner, Some(e.id.clone()), e.name_in(lang));
                }
            });
        let kind = f.kind.map_or_else(|| any.clone(), |k| k.label().to_owned());
        egui::ComboBox::from_label(tr("events-kind"))
            .selected_text(kind)
            .width(90.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.kind, None, &any);
                for k in RelationshipKind::ALL {
                    if scenario.relationships.iter().any(|r| r.kind == k) {
                        ui.selectable_value(&mut f.kind, Some(k), k.label());
                    }
                }
            });
        if !f.is_empty() && ui.small_button(tr("events-clear")).clicked() {
            *f = EventFilter::default();
        }
    });
    if !field.has_focus() && !field.lost_focus() {
        if *f != before {
            f.picked = None;
        }
        return None;
    }
    let (up, down, enter) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.key_pressed(egui::Key::Enter),
        )
    });
    if f.text != before.text {
        f.picked = None;
    }
    if up || down {
        f.picked = Some(match (f.picked, down) {
            (None, _) => 0,
            (Some(p), true) => p + 1,
            (Some(p), false) => p.saturating_sub(1),
        });
        field.request_focus();
        return Some(false);
    }
    if enter && field.lost_focus() && f.picked.is_some() {
        return Some(true);
    }
    None
}

/// The list's rows (only those in view are laid out). It follows the date as it moves, but
/// not while the pointer is over it, so a click lands on the row it was aimed at.
fn event_rows_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    shown: &[usize],
    current: Option<usize>,
    picked: Option<usize>,
    follow_pick: bool,
) {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let order = timeline.events_in_order();
    let lang = current_lang();
    let pointer_over = ui.rect_contains_pointer(ui.available_rect_before_wrap());
    let mut area = egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("event_list");
    let stride = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let target = if follow_pick {
        picked
    } else if cx.view.scroll_to_current && !pointer_over {
        current.map(|c| shown.partition_point(|&p| p < c))
    } else {
        None
    };
    if let Some(row) = target {
        let offset = (row as f32 + 0.5) * stride - ui.available_height() / 2.0;
        area = area.vertical_scroll_offset(offset.max(0.0));
    }
    area.show_rows(ui, ROW_HEIGHT, shown.len(), |ui, rows| {
        for row in rows {
            let pos = shown[row];
            let event = &scenario.events[order[pos]];
            let is_current = current == Some(pos);
            let is_past = current.is_some_and(|c| pos <= c);
            ui.horizontal(|ui| {
                ui.set_height(ROW_HEIGHT);
                let text = RichText::new(format!(
                    "{} · {}",
                    event.dates_label(),
                    event.title_in(lang)
                ));
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
                let label = ui
                    .add(
                        egui::Label::new(text)
                            .truncate()
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(super::words::summary_hover(event, lang));
                if picked == Some(row) {
                    let stroke = ui.visuals().selection.stroke;
                    ui.painter().rect_stroke(
                        label.rect.expand(1.0),
                        2.0,
                        stroke,
                        egui::StrokeKind::Outside,
                    );
                }
                let index = order[pos];
                label.context_menu(|ui| {
                    if ui.button(tr("events-edit-event")).clicked() {
                        cx.commands
                            .push(Command::Edit(EditCommand::OpenEvent(index)));
                    }
                    if ui.button(tr("events-delete-event")).clicked() {
                        cx.commands
                            .push(Command::Edit(EditCommand::DeleteEvent(index)));
                    }
                });
                if label.clicked() {
                    cx.push(Command::Time(TimeCommand::SetDay(Day::from_date(
                        event.date,
                    ))));
                }
            });
        }
    });
}

/// The current event in full: what happened, what it changed, and its sources.
fn current_event_card_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, e: EventIx) {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let event = &scenario.events[e];
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(8, 6))
        .corner_radius(4.0)
        .fill(Color32::from_rgba_unmultiplied(0xE3, 0xA8, 0x5B, 60))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let lang = current_lang();
            let date = event.dates_label();
            ui.label(RichText::new(format!("{date} · {}", event.title_in(lang))).strong());
            let summary = event.summary_in(lang);
            if summary.fallback {
                ui.horizontal_wrapped(|ui| {
                    super::words::in_english_mark(ui);
                });
            }
            ui.label(summary.text);
            if let Some(note) = event.note_in(lang) {
                ui.label(RichText::new(note.text).italics().weak());
                if note.fallback && !summary.fallback {
                    super::words::in_english_mark(ui);
                }
            }
            for change in &event.changes {
                if let Some(line) = change_line(&timeline, change) {
                    ui.label(line);
                }
            }
            if let Some(notice) = event.notice {
                ui.label(tr_args(
                    "events-notice",
                    &[("notice", notice.to_string().into())],
                ));
            }
            ui.horizontal(|ui| {
                if ui.small_button(tr("events-edit")).clicked() {
                    cx.push(Command::Edit(EditCommand::OpenEvent(e)));
                }
                if ui.small_button(tr("events-delete")).clicked() {
                    cx.push(Command::Edit(EditCommand::DeleteEvent(e)));
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(tr("events-sources"));
                super::sources::sources_ui(ui, &event.sources, cx.commands);
                if event.confidence.as_deref() == Some("low") {
                    ui.label(
                        RichText::new(tr("events-low-confidence"))
                            .color(Color32::from_rgb(0xB0, 0x60, 0x00)),
                    );
                }
            });
        });
}

/// "› EUMPM Niger: winding down", "› French forces in Niger: active · 1,500 troops", "› Niger:
/// military government, Abdourahamane Tiani"; `None` for an unknown relationship.
fn change_line(timeline: &crate::model::Timeline, change: &Change) -> Option<String> {
    let scenario = timeline.scenario();
    let lang = current_lang();
    let size = change
        .size()
        .map(|s| format!(" · {}", s.label()))
        .unwrap_or_default();
    let tie = |id: &str| {
        timeline
            .relationship_index(id)
            .map(|r| scenario.relationships[r].short_label_in(lang).to_owned())
    };
    match change {
        Change::Relationship {
            relationship,
            status,
            ..
        } => Some(tr_args(
            "events-change-status",
            &[
                ("tie", tie(relationship)?.into()),
                ("what", format!("{}{size}", status.label()).into()),
            ],
        )),
        Change::Reaffirmed { relationship, .. } => Some(tr_args(
            "events-change-reaffirmed",
            &[("tie", tie(relationship)?.into()), ("size", size.into())],
        )),
        Change::Size { relationship, .. } => Some(tr_args(
            "events-change-size",
            &[("tie", tie(relationship)?.into()), ("size", size.into())],
        )),
        Change::State {
            state,
            government,
            leader,
        } => Some(tr_args(
            "events-change-government",
            &[
                ("state", scenario.entity_name_in(state, lang).into()),
                ("form", super::words::government_word(*government).into()),
                (
                    "leader",
                    leader
                        .as_deref()
                        .map(|l| format!(", {l}"))
                        .unwrap_or_default()
                        .into(),
                ),
            ],
        )),
    }
}
