//! The time bar: the date in large type, playback controls, a date field and a strip over the
//! scenario's span with a tick for every event.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use super::Cx;
use crate::app::command::Command;
use crate::app::message::Message;
use crate::app::time_control::{SPEEDS, TimeCommand};
use crate::model::i18n::{
    current_lang, format_day_long, format_day_short, month_name, tr, tr_args,
};
use crate::model::{Day, parse_date};

/// The time bar. Its controls keep their places whatever the date: the date sits in a slot
/// as wide as the widest date, and Play and Pause share one width, so a click lands where the
/// last one did.
pub(crate) fn time_bar_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        date_slot_ui(ui, cx);
        ui.add_space(12.0);
        playback_buttons_ui(ui, cx);
        speed_ui(ui, cx);
    });
    ui.horizontal(|ui| {
        go_to_date_ui(ui, cx);
        ui.separator();
        super::changes_panel::compare_field_ui(ui, cx);
    });
    time_strip_ui(ui, cx);
    ui.add_space(4.0);
}

/// The size of the date's type.
const DATE_SIZE: f32 = 26.0;

/// The date the map shows, as precise as the event it is on, in the interface's language:
/// "March 2020" ("mars 2020") for an event known to the month, "4 December 2023" ("4 décembre
/// 2023") otherwise.
pub(crate) fn date_text(cx: &Cx<'_>) -> String {
    use crate::model::DatePrecision;
    let day = cx.view.time.day();
    // The coarsest precision of the events on this day, unless one is known to the day.
    let precision = cx
        .document
        .timeline
        .scenario()
        .events
        .iter()
        .filter(|e| Day::from_date(e.date) == day)
        .map(|e| e.precision)
        .reduce(|a, b| match (a, b) {
            (DatePrecision::Day, _) | (_, DatePrecision::Day) => DatePrecision::Day,
            (DatePrecision::Month, _) | (_, DatePrecision::Month) => DatePrecision::Month,
            _ => DatePrecision::Year,
        });
    let (date, lang) = (day.to_date(), current_lang());
    match precision {
        Some(DatePrecision::Month) => {
            format!("{} {}", month_name(date.month(), false, lang), date.year())
        }
        Some(DatePrecision::Year) => date.year().to_string(),
        _ => format_day_long(date, lang),
    }
}

fn date_slot_ui(ui: &mut egui::Ui, cx: &Cx<'_>) {
    let font = FontId::proportional(DATE_SIZE);
    // The widest date of any month, set in the same type.
    let lang = current_lang();
    let widest = (1..=12)
        .filter_map(|m| jiff::civil::Date::new(2028, m, 28).ok())
        .map(|d| {
            let text = format_day_long(d, lang);
            ui.painter()
                .layout_no_wrap(text, font.clone(), Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max);
    let start = ui.cursor().min.x;
    let text = egui::RichText::new(date_text(cx)).size(DATE_SIZE).strong();
    let label = ui.label(text).on_hover_text(tr("time-date-hover"));
    let rest = start + widest + 6.0 - label.rect.max.x;
    if rest > 0.0 {
        ui.add_space(rest);
    }
}

fn playback_buttons_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let t = |cx: &mut Cx<'_>, c| cx.push(Command::Time(c));
    if ui
        .button(tr("time-start"))
        .on_hover_text(tr("time-start-hint"))
        .clicked()
    {
        t(cx, TimeCommand::Start);
    }
    if ui
        .button(tr("time-previous"))
        .on_hover_text(tr("time-previous-hint"))
        .clicked()
    {
        t(cx, TimeCommand::PreviousEvent);
    }
    let play = if cx.view.time.playing {
        tr("time-pause")
    } else {
        tr("time-play")
    };
    let height = ui.spacing().interact_size.y;
    if ui
        .add_sized([64.0, height], egui::Button::new(play))
        .on_hover_text(tr("time-play-hint"))
        .clicked()
    {
        t(cx, TimeCommand::TogglePlay);
    }
    if ui
        .button(tr("time-next"))
        .on_hover_text(tr("time-next-hint"))
        .clicked()
    {
        t(cx, TimeCommand::NextEvent);
    }
    if ui
        .button(tr("time-end"))
        .on_hover_text(tr("time-end-hint"))
        .clicked()
    {
        t(cx, TimeCommand::End);
    }
}

fn speed_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let current = SPEEDS
        .iter()
        .find(|(s, _)| (*s - cx.view.time.speed).abs() < 1e-9)
        .map_or_else(|| tr("time-speed-custom"), |(_, key)| tr(key));
    egui::ComboBox::from_label(tr("time-speed"))
        .selected_text(current)
        .width(110.0)
        .show_ui(ui, |ui| {
            for (speed, key) in SPEEDS {
                if ui
                    .selectable_label(cx.view.time.speed == speed, tr(key))
                    .clicked()
                {
                    cx.push(Command::Time(TimeCommand::SetSpeed(speed)));
                }
            }
        });
    let mut looping = cx.view.time.looping;
    if ui.checkbox(&mut looping, tr("time-loop")).changed() {
        cx.push(Command::Time(TimeCommand::SetLoop(looping)));
    }
}

fn go_to_date_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let label = ui.label(tr("time-go-to"));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut cx.memory.date_input)
                .hint_text(tr("time-date-format"))
                .desired_width(super::words::date_field_width(ui)),
        )
        .labelled_by(label.id);
    let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if ui.button(tr("time-go")).clicked() || submitted {
        match parse_date(&cx.memory.date_input) {
            Ok(date) => {
                cx.push(Command::Time(TimeCommand::SetDay(Day::from_date(date))));
                cx.memory.date_input.clear();
            }
            Err(e) => {
                cx.push(Command::ShowMessage(Message::error(tr_args(
                    "time-bad-date",
                    &[("error", e.to_string().into())],
                ))));
            }
        }
    }
}

/// The time strip's name for screen readers (and tests): "Time strip", "Frise du temps".
pub(crate) fn time_strip_label() -> &'static str {
    crate::model::i18n::tr_static("time-strip")
}

/// The strip's node for screen readers: a slider named [`time_strip_label`] whose value is
/// the current day (days since the span's start, and the date as text) and whose bounds are
/// the track, where days map linearly to x (what tests click through kittest).
fn strip_node(
    ui: &egui::Ui,
    response: &egui::Response,
    track: Rect,
    day: Day,
    (start, end): (Day, Day),
) {
    let value = f64::from(day.0 - start.0);
    response.widget_info(|| egui::WidgetInfo::slider(true, value, time_strip_label()));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: track.min.x.into(),
            y0: track.min.y.into(),
            x1: track.max.x.into(),
            y1: track.max.y.into(),
        });
        node.set_min_numeric_value(0.0);
        node.set_max_numeric_value(f64::from((end.0 - start.0).max(1)));
        node.set_value(format_day_long(day.to_date(), current_lang()));
    });
}

/// The strip's track and the days it spans: where a day is and which day is at an x.
#[derive(Clone, Copy)]
struct Track {
    rect: Rect,
    start: Day,
    /// Days from the start to the end, at least 1.
    span: f64,
}

impl Track {
    fn x_of(&self, d: Day) -> f32 {
        self.rect.min.x + (f64::from(d.0 - self.start.0) / self.span) as f32 * self.rect.width()
    }

    fn day_of(&self, x: f32) -> Day {
        let t = f64::from(((x - self.rect.min.x) / self.rect.width()).clamp(0.0, 1.0));
        Day(self.start.0 + (t * self.span).round() as i32)
    }
}

/// The strip: years, a tick per event, the current day; click or drag to set the day.
fn time_strip_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    // Never wider than the window, whatever the rows above ask: the strip always reaches
    // the span's end.
    let right = ui.ctx().content_rect().right() - ui.spacing().window_margin.right as f32;
    let width = ui
        .available_width()
        .min(right - ui.cursor().left())
        .max(40.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 40.0), Sense::click_and_drag());
    let (start, end) = (cx.document.timeline.start(), cx.document.timeline.end());
    let track = Track {
        rect: Rect::from_min_max(
            Pos2::new(rect.min.x + 8.0, rect.min.y + 14.0),
            Pos2::new(rect.max.x - 8.0, rect.max.y - 4.0),
        ),
        start,
        span: f64::from((end.0 - start.0).max(1)),
    };
    strip_node(ui, &response, track.rect, cx.view.time.day(), (start, end));
    let x_of = |d: Day| track.x_of(d);
    let day_of = |x: f32| track.day_of(x);
    let comparing = super::changes_panel::compare_strip_input(ui, cx, &response, &day_of);
    if !comparing
        && let Some(p) = response.interact_pointer_pos()
        && (response.dragged() || response.clicked())
    {
        let d = day_of(p.x);
        if d != cx.view.time.day() {
            cx.push(Command::Time(TimeCommand::SetDay(d)));
        }
    }
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(track.rect, 3.0, visuals.extreme_bg_color);
    super::changes_panel::compare_strip_paint(&painter, cx, track.rect, &x_of);
    // After the last date the research covers: shaded, "beyond the data".
    let research_until = cx.document.timeline.research_until().filter(|&r| r < end);
    if let Some(r) = research_until {
        let beyond = Rect::from_min_max(Pos2::new(x_of(r), track.rect.min.y), track.rect.max);
        painter.rect_filled(beyond, 0.0, visuals.weak_text_color().gamma_multiply(0.25));
    }
    paint_years(&painter, visuals, rect, track, end);
    paint_event_ticks(&painter, visuals, cx, track);
    paint_current_day(&painter, visuals, rect, track, cx.view.time.day());
    if let Some(p) = response.hover_pos() {
        let d = day_of(p.x);
        let lang = current_lang();
        let mut text = format_day_short(d.to_date(), lang);
        if let Some(r) = research_until.filter(|&r| d > r) {
            text.push('\n');
            text.push_str(&tr_args(
                "time-beyond-data",
                &[("date", format_day_short(r.to_date(), lang).into())],
            ));
        }
        response.on_hover_text_at_pointer(text);
    }
}

/// A line and a label at each 1 January from the track's start to `end`.
fn paint_years(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    track: Track,
    end: Day,
) {
    let first_year = track.start.to_date().year();
    let last_year = end.to_date().year();
    for year in first_year..=last_year {
        let Ok(d) = jiff::civil::Date::new(year, 1, 1) else {
            continue;
        };
        let d = Day::from_date(d);
        if d < track.start {
            continue;
        }
        let x = track.x_of(d);
        painter.line_segment(
            [
                Pos2::new(x, track.rect.min.y),
                Pos2::new(x, track.rect.max.y),
            ],
            Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.5)),
        );
        painter.text(
            Pos2::new(x + 2.0, rect.min.y + 1.0),
            Align2::LEFT_TOP,
            year.to_string(),
            FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
    }
}

/// Events: one tick per pixel column that holds any, so any number of events costs at most
/// the strip's width; the latest event on or before the date in red.
fn paint_event_ticks(painter: &egui::Painter, visuals: &egui::Visuals, cx: &Cx<'_>, track: Track) {
    let current = cx
        .document
        .timeline
        .current_event_position(cx.view.time.day());
    let current_day = current.map(|c| cx.document.timeline.event_days()[c]);
    let days = cx.document.timeline.event_days();
    let columns = track.rect.width().max(1.0) as usize;
    let tick = visuals.text_color().gamma_multiply(0.7);
    let mut from = 0;
    for column in 0..columns {
        let x = track.rect.min.x + column as f32 + 0.5;
        let until = track.day_of(x + 0.5);
        let to = from + days[from..].partition_point(|&d| d < until);
        if to > from {
            painter.line_segment(
                [
                    Pos2::new(x, track.rect.min.y + 3.0),
                    Pos2::new(x, track.rect.max.y - 3.0),
                ],
                Stroke::new(1.0, tick),
            );
        }
        from = to;
    }
    if let Some(d) = current_day {
        let x = track.x_of(d);
        painter.line_segment(
            [
                Pos2::new(x, track.rect.min.y + 3.0),
                Pos2::new(x, track.rect.max.y - 3.0),
            ],
            Stroke::new(2.0, Color32::from_rgb(0xC0, 0x39, 0x2B)),
        );
    }
}

/// The current day's handle's colour: navy on the light theme, pale blue on the dark one
/// (navy on the dark strip could not be seen).
fn current_day_colour(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x9C, 0xC8, 0xFF)
    } else {
        Color32::from_rgb(0x1D, 0x2B, 0x3A)
    }
}

/// The current day's handle, in [`current_day_colour`].
fn paint_current_day(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    rect: Rect,
    track: Track,
    day: Day,
) {
    let x = track.x_of(day);
    let handle = current_day_colour(visuals);
    painter.line_segment(
        [Pos2::new(x, rect.min.y + 10.0), Pos2::new(x, rect.max.y)],
        Stroke::new(2.5, handle),
    );
    painter.circle_filled(Pos2::new(x, track.rect.center().y), 5.0, handle);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's contrast ratio of two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let luminance = |c: Color32| {
            let lin = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.040_45 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn the_current_days_handle_stands_out_on_the_strip_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            let handle = current_day_colour(&visuals);
            for background in [visuals.extreme_bg_color, visuals.panel_fill] {
                let ratio = contrast(handle, background);
                assert!(
                    ratio >= 4.5,
                    "dark {}: {handle:?} on {background:?} is {ratio:.1}:1",
                    visuals.dark_mode
                );
            }
        }
    }
}
