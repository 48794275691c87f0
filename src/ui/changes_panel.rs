//! Compare mode in the UI: the Changes panel (what changed between the two dates, grouped by
//! Sahel state, each change with the events that caused it), the "Compare with" field, and the
//! range on the time strip (shift-click or shift-drag marks it).

use egui::{Color32, Pos2, Rect, RichText, Stroke};

use super::Cx;
use crate::app::command::Command;
use crate::app::compare::CompareCommand;
use crate::app::message::Message;
use crate::app::time_control::TimeCommand;
use crate::map::widget::palette;
use crate::model::i18n::{current_lang, format_day_short, tr, tr_args};
use crate::model::{ChangeKind, Day, Status, format_date_with_precision, parse_date};

/// The range's colour on the time strip.
const RANGE: Color32 = Color32::from_rgb(0x2C, 0x5A, 0xA0);

fn compare(command: CompareCommand) -> Command {
    Command::Compare(command)
}

fn status_text(status: Option<Status>) -> RichText {
    match status {
        Some(s) => RichText::new(s.label()).color(palette::status(s)),
        None => RichText::new(tr("changes-none")).weak(),
    }
}

fn kind_label(kind: ChangeKind) -> String {
    tr(match kind {
        ChangeKind::Appeared => "changes-appeared",
        ChangeKind::Ended => "changes-ended",
        ChangeKind::Changed => "changes-changed",
    })
}

/// The Changes, in the right panel while comparing.
pub(crate) fn changes_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let Some(diff) = cx.at_date.compare.diff().cloned() else {
        return;
    };
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let lang = current_lang();
    let fmt = |d: Day| format_day_short(d.to_date(), lang);
    ui.heading(tr("changes-heading"));
    ui.label(tr_args(
        "changes-from-to",
        &[("from", fmt(diff.from).into()), ("to", fmt(diff.to).into())],
    ));
    ui.horizontal(|ui| {
        if ui
            .button(tr("changes-leave"))
            .on_hover_text(tr("changes-leave-hint"))
            .clicked()
        {
            cx.push(compare(CompareCommand::Leave));
        }
        ui.menu_button(tr("changes-export"), |ui| {
            if ui.button(tr("changes-as-csv")).clicked() {
                cx.push(compare(CompareCommand::ExportChanges { markdown: false }));
            }
            if ui.button(tr("changes-as-markdown")).clicked() {
                cx.push(compare(CompareCommand::ExportChanges { markdown: true }));
            }
        });
    });
    ui.label(
        RichText::new(tr_args(
            "changes-count",
            &[("count", diff.changes.len().into())],
        ))
        .strong(),
    );
    ui.separator();
    if diff.is_empty() {
        ui.label(RichText::new(tr("changes-nothing")).weak());
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for group in diff.by_sahel_state(&timeline) {
                let heading = crate::export::change_list::sahel_heading(&timeline, group.state);
                egui::CollapsingHeader::new(
                    RichText::new(format!("{heading} ({})", group.changes.len())).strong(),
                )
                .id_salt(("changes", group.state))
                .default_open(true)
                .show(ui, |ui| {
                    for &i in &group.changes {
                        let c = &diff.changes[i];
                        let rel = &scenario.relationships[c.relationship];
                        let selected = cx.view.selected_link == Some(c.relationship);
                        if ui
                            .selectable_label(selected, RichText::new(rel.label_in(lang)).strong())
                            .on_hover_text(tr("details-show-history"))
                            .clicked()
                        {
                            cx.push(Command::SelectLink(Some(c.relationship)));
                        }
                        ui.horizontal_wrapped(|ui| {
                            ui.label(tr_args(
                                "changes-kind-row",
                                &[("kind", kind_label(c.kind()).into())],
                            ));
                            ui.label(status_text(c.from));
                            ui.label(tr("changes-to"));
                            ui.label(status_text(c.to));
                        });
                        for &e in &c.events {
                            let event = &scenario.events[e];
                            let text = format!(
                                "{} · {}",
                                format_date_with_precision(event.date, event.precision),
                                event.title_in(lang)
                            );
                            if ui
                                .add(egui::Link::new(RichText::new(text).small()))
                                .on_hover_text(super::words::summary_hover(event, lang))
                                .clicked()
                            {
                                // Applying it also scrolls the event list to the event.
                                cx.push(Command::Time(TimeCommand::SetDay(Day::from_date(
                                    event.date,
                                ))));
                            }
                        }
                        ui.add_space(4.0);
                    }
                });
            }
        });
}

/// The "Compare with" field of the time bar.
pub(crate) fn compare_field_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let label = ui.label(tr("changes-compare-with"));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut cx.memory.compare_input)
                .hint_text(tr("time-date-format"))
                .desired_width(super::words::date_field_width(ui)),
        )
        .labelled_by(label.id)
        .on_hover_text(tr("changes-compare-hint"));
    let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if ui.button(tr("changes-compare")).clicked() || submitted {
        match parse_date(&cx.memory.compare_input) {
            Ok(date) => {
                cx.push(compare(CompareCommand::WithCurrent(Day::from_date(date))));
                cx.memory.compare_input.clear();
            }
            Err(e) => cx.push(Command::ShowMessage(Message::error(tr_args(
                "changes-bad-date",
                &[("error", e.to_string().into())],
            )))),
        }
    }
}

/// Shift-click (compare with the current date) and shift-drag (compare the two ends) on the
/// time strip. Returns whether the gesture was a comparison, so the strip does not also move
/// the date.
pub(crate) fn compare_strip_input(
    ui: &egui::Ui,
    cx: &mut Cx<'_>,
    response: &egui::Response,
    day_of: &dyn Fn(f32) -> Day,
) -> bool {
    let shift = ui.input(|i| i.modifiers.shift);
    if response.drag_started() && shift {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        cx.memory.drag_anchor = origin.map(|o| day_of(o.x));
    }
    if let Some(anchor) = cx.memory.drag_anchor {
        if let Some(p) = response.interact_pointer_pos() {
            let (a, b) = (anchor, day_of(p.x));
            if Some((a.min(b), a.max(b))) != cx.view.compare.range {
                cx.push(compare(CompareCommand::SetRange(Some((a, b)))));
            }
        }
        if !response.dragged() {
            cx.memory.drag_anchor = None;
        }
        return true;
    }
    if shift && response.clicked() {
        if let Some(p) = response.interact_pointer_pos() {
            cx.push(compare(CompareCommand::WithCurrent(day_of(p.x))));
        }
        return true;
    }
    false
}

/// The compared range on the time strip: a band between the two dates, a line at each.
pub(crate) fn compare_strip_paint(
    painter: &egui::Painter,
    cx: &Cx<'_>,
    track: Rect,
    x_of: &dyn Fn(Day) -> f32,
) {
    let Some((from, to)) = cx.view.compare.range else {
        return;
    };
    let (a, b) = (x_of(from), x_of(to));
    painter.rect_filled(
        Rect::from_min_max(
            Pos2::new(a, track.min.y),
            Pos2::new(b.max(a + 1.0), track.max.y),
        ),
        0.0,
        RANGE.gamma_multiply(0.25),
    );
    for x in [a, b] {
        painter.line_segment(
            [Pos2::new(x, track.min.y - 4.0), Pos2::new(x, track.max.y)],
            Stroke::new(2.0, RANGE),
        );
    }
}
