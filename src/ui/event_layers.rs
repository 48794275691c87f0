//! The conflict-event layers on screen: the legend section that explains them and filters
//! by type and actor text, the window and hexagon switches, the tooltip over a point or a
//! hexagon, the list of events a click picked, and the dialog that picks a CSV's columns.

use egui::{Color32, Pos2, RichText, Vec2};

use super::Cx;
use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::event_view::EventCommand;
use crate::map::MapCamera;
use crate::map::display::DisplayList;
use crate::map::events::{
    Aggregate, EventMarks, EventPick, HEXAGONS_BELOW_SCALE, hex_rgb, kind_rgb, pick_events,
};
use crate::map::widget::palette::color;
use crate::model::EventWindow;

/// The events under the pointer, if it is over the map.
pub(crate) fn pick_at(
    ui: &egui::Ui,
    marks: &EventMarks<'_>,
    camera: MapCamera,
    rect: egui::Rect,
) -> Option<EventPick> {
    let pos = ui.ctx().pointer_hover_pos().filter(|p| rect.contains(*p))?;
    let list = DisplayList::new([rect.width(), rect.height()], camera);
    pick_events(&list, marks, [pos.x - rect.min.x, pos.y - rect.min.y])
}

/// `word`, or `word` + s unless `n` is 1.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

fn date_text(day: crate::model::Day) -> String {
    day.to_date().strftime("%-d %b %Y").to_string()
}

/// Shows [`tooltip`] at the pointer.
pub(crate) fn tooltip_ui(ui: &egui::Ui, cx: &Cx<'_>, pick: &EventPick, rect: egui::Rect) {
    let Some(pos) = ui.ctx().pointer_hover_pos().filter(|p| rect.contains(*p)) else {
        return;
    };
    let text = tooltip(cx.document, pick);
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        ui.scope_id().with("event_tooltip"),
        pos + Vec2::new(14.0, 14.0),
    )
    .show(|ui| {
        ui.set_min_width(200.0_f32.min(rect.width()));
        ui.set_max_width(360.0);
        ui.label(text);
    });
}

/// The tooltip over picked events: a hexagon's totals, or a point's event.
pub(crate) fn tooltip(document: &Document, pick: &EventPick) -> String {
    let deaths: u64 = pick
        .events
        .iter()
        .filter_map(|&(l, i)| {
            document
                .events
                .get(l)
                .map(|m| u64::from(m.layer.fatalities[i]))
        })
        .sum();
    let n = pick.events.len();
    if pick.hexagon {
        return format!(
            "{n} event{} in this hexagon, {deaths} fatalities\nClick to list them",
            if n == 1 { "" } else { "s" }
        );
    }
    let Some(&(l, i)) = pick.events.first() else {
        return String::new();
    };
    let Some(map) = document.events.get(l) else {
        return String::new();
    };
    let layer = &map.layer;
    let mut text = format!(
        "{} · {}\n{}\nFatalities: {}",
        date_text(layer.date(i)),
        layer.kind_name(i),
        layer.actors_text(i),
        layer.fatalities[i]
    );
    if n > 1 {
        text.push_str(&format!(
            "\nand {} more here ({deaths} fatalities in all)",
            n - 1
        ));
    }
    text.push_str("\nClick for notes and source");
    text
}

/// The event layers' windows: the list of picked events and the column dialog. (Their
/// legend is a section of the side panel's legend, [`legend_section_ui`], so that it never
/// covers the map.)
pub(crate) fn event_windows_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    list_window_ui(ui.ctx(), cx);
    column_dialog_ui(ui.ctx(), cx);
}

/// The event layers' section of the legend, open at first: each layer, the window, the
/// totals, the type filters and the aggregation. Nothing when no layer is loaded.
pub(crate) fn legend_section_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if cx.document.events.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(RichText::new("Conflict events").strong())
        .id_salt("event_legend")
        .default_open(true)
        .show(ui, |ui| legend_ui(ui, cx));
}

fn legend_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let view = &cx.view.events;
    let mut commands = Vec::new();
    for (k, map) in cx.document.events.iter().enumerate() {
        let layer = &map.layer;
        let span = layer
            .span()
            .map(|(a, b)| format!("{} – {}", date_text(a), date_text(b)))
            .unwrap_or_default();
        let name = std::path::Path::new(&layer.name)
            .file_name()
            .map_or(layer.name.clone(), |n| n.to_string_lossy().into_owned());
        ui.horizontal(|ui| {
            ui.label(RichText::new(name).strong());
            if ui.small_button("Remove").clicked() {
                commands.push(EventCommand::Remove(k));
            }
        });
        let format = layer.format.map_or("", |f| f.label());
        ui.label(format!("{format}: {} events, {span}", layer.len()));
        if map.skipped > 0 {
            ui.label(format!(
                "{} rows of the file left out: they could not be read",
                map.skipped
            ));
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Window:");
        for w in EventWindow::CHOICES {
            let label = match w {
                EventWindow::All => "All".to_owned(),
                EventWindow::Days(n) => format!("{n} d"),
            };
            if ui.selectable_label(view.window == w, label).clicked() {
                commands.push(EventCommand::SetWindow(w));
            }
        }
    });
    let day = cx.view.day();
    let (mut events, mut deaths) = (0usize, 0u64);
    if let Some(marks) = cx.at_date.events.marks(&cx.document.events, view, day) {
        // Kept between frames: scrubbing counts only the events that came in or left.
        for (l, map) in marks.layers.iter().enumerate() {
            let range = map.layer.in_window(day, view.window);
            let (n, d) = map.window_totals(range, marks.filters.get(l));
            events += n;
            deaths += d;
        }
    }
    ui.label(format!(
        "{events} {}, {deaths} fatalities in the window ending {}; older events fade.",
        plural(events, "event"),
        date_text(day)
    ));
    kinds_ui(ui, cx, &mut commands);
    aggregate_ui(ui, cx, &mut commands);
    for c in commands {
        cx.push(Command::Events(c));
    }
}

/// Type filters with their colours, and the actor text.
fn kinds_ui(ui: &mut egui::Ui, cx: &Cx<'_>, commands: &mut Vec<EventCommand>) {
    let filter = &cx.view.events.filter;
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for map in &cx.document.events {
        for (k, name) in map.layer.kinds.iter().enumerate() {
            if !kinds.iter().any(|(n, _)| n == name) {
                kinds.push((name.clone(), k));
            }
        }
    }
    ui.label("Points: colour by type, size by fatalities");
    for (name, k) in kinds {
        let mut shown = !filter.hidden_kinds.contains(&name);
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(Vec2::splat(12.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(r.center(), 5.0, color(kind_rgb(&name, k)));
            if ui.checkbox(&mut shown, name.as_str()).changed() {
                let mut f = filter.clone();
                if shown {
                    f.hidden_kinds.retain(|h| *h != name);
                } else {
                    f.hidden_kinds.push(name.clone());
                }
                commands.push(EventCommand::SetFilter(f));
            }
        });
    }
    ui.horizontal(|ui| {
        ui.label("Actor:");
        let mut text = filter.actor.clone();
        let edit = egui::TextEdit::singleline(&mut text)
            .hint_text("any actor")
            .desired_width(160.0);
        if ui.add(edit).changed() {
            commands.push(EventCommand::SetFilter(crate::model::EventFilter {
                actor: text,
                ..filter.clone()
            }));
        }
    });
}

/// The hexagons' switch and colour ramp.
fn aggregate_ui(ui: &mut egui::Ui, cx: &Cx<'_>, commands: &mut Vec<EventCommand>) {
    let aggregate = cx.view.events.aggregate;
    let zoomed_in = cx
        .view
        .camera
        .is_some_and(|c| c.scale >= HEXAGONS_BELOW_SCALE);
    ui.horizontal(|ui| {
        ui.label("Hexagons:");
        for (a, label) in [
            (Aggregate::Count, "Count"),
            (Aggregate::Fatalities, "Fatalities"),
        ] {
            if ui.selectable_label(aggregate == a, label).clicked() {
                commands.push(EventCommand::SetAggregate(a));
            }
        }
    });
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(Vec2::new(90.0, 10.0), egui::Sense::hover());
        for s in 0..18 {
            let t = s as f32 / 17.0;
            let x = r.min.x + r.width() * s as f32 / 18.0;
            let cell = egui::Rect::from_min_size(
                Pos2::new(x, r.min.y),
                Vec2::new(r.width() / 18.0 + 0.5, r.height()),
            );
            ui.painter().rect_filled(cell, 0.0, color(hex_rgb(t)));
        }
        let top = match aggregate {
            Aggregate::Count => "1 … 200+ events",
            Aggregate::Fatalities => "0 … 1000+ deaths",
        };
        ui.label(RichText::new(top).small());
    });
    let note = if zoomed_in {
        "Zoomed in: single events as points."
    } else {
        "Zoom in for single events."
    };
    ui.label(RichText::new(note).small().color(Color32::GRAY));
}

/// The events a click picked: date, type, actors, fatalities, notes and source.
fn list_window_ui(ctx: &egui::Context, cx: &mut Cx<'_>) {
    let Some(pick) = &cx.view.events.listed else {
        return;
    };
    let mut open = true;
    let title = if pick.hexagon {
        format!("{} events in this hexagon", pick.events.len())
    } else {
        format!("{} event(s) here", pick.events.len())
    };
    let mut commands = Vec::new();
    // Over the right panel, where the event list is, rather than over the Sahel.
    egui::Window::new("Events here")
        .id(egui::Id::unique("event_list_window"))
        .open(&mut open)
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(ctx.content_rect().right_top() + egui::vec2(-8.0, 32.0))
        .default_width(320.0)
        .show(ctx, |ui| {
            ui.label(RichText::new(title).strong());
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    for &(l, i) in pick.events.iter().take(200) {
                        let Some(map) = cx.document.events.get(l) else {
                            continue;
                        };
                        event_row_ui(ui, &map.layer, i, &mut commands);
                        ui.separator();
                    }
                    if pick.events.len() > 200 {
                        ui.label(format!(
                            "… and {} more (zoom in to see fewer)",
                            pick.events.len() - 200
                        ));
                    }
                });
        });
    if !open {
        commands.push(Command::Events(EventCommand::List(None)));
    }
    for c in commands {
        cx.push(c);
    }
}

fn event_row_ui(
    ui: &mut egui::Ui,
    layer: &crate::model::EventLayer,
    i: usize,
    commands: &mut Vec<Command>,
) {
    let details = crate::io::event_details(layer, i);
    ui.label(
        RichText::new(format!(
            "{} · {}",
            date_text(layer.date(i)),
            layer.kind_name(i)
        ))
        .strong(),
    );
    let actors = layer.actors_text(i);
    if !actors.is_empty() {
        ui.label(actors);
    }
    ui.label(format!(
        "Fatalities: {} · {}",
        layer.fatalities[i],
        layer.string(layer.country[i])
    ));
    if !details.notes.is_empty() {
        ui.label(RichText::new(details.notes).italics());
    }
    if !details.source.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Source:");
            if crate::model::source::web_address(&details.source).is_some() {
                if ui.link(&details.source).clicked() {
                    commands.push(Command::OpenUrl(details.source.clone()));
                }
            } else {
                ui.label(&details.source);
            }
        });
    }
}

/// Asks which columns of a CSV hold the date, the latitude and the longitude: guessed from
/// the first rows, which are shown under the choices.
fn column_dialog_ui(ctx: &egui::Context, cx: &mut Cx<'_>) {
    let Some((path, preview)) = &cx.view.events.choosing else {
        return;
    };
    let header = &preview.header;
    // Kept per header while the dialog is open, so another file starts from its own guess.
    let id = egui::Id::unique("event_columns").with(crate::io::header_key(header));
    let mut chosen: [usize; 3] = ctx
        .data(|d| d.get_temp(id))
        .unwrap_or_else(|| preview.guess());
    let mut result = None;
    let name = |k: usize| header.get(k).cloned().unwrap_or_default();
    egui::Window::new("Choose the event columns")
        .id(egui::Id::unique("event_columns_window"))
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |f| f.to_string_lossy().into_owned(),
            );
            ui.label(RichText::new(file).strong());
            ui.label(
                "No column of this CSV is recognised as a date or as coordinates. Which \
                 columns hold them? The choice is remembered for files with the same header.",
            );
            ui.add_space(4.0);
            egui::Grid::new("event_column_choices")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (k, (slot, what)) in chosen
                        .iter_mut()
                        .zip(["Date", "Latitude", "Longitude"])
                        .enumerate()
                    {
                        ui.label(what);
                        egui::ComboBox::from_id_salt(("event_column", k))
                            .width(200.0)
                            .selected_text(name(*slot))
                            .show_ui(ui, |ui| {
                                for (c, column) in header.iter().enumerate() {
                                    ui.selectable_value(slot, c, column);
                                }
                            });
                        ui.end_row();
                    }
                });
            if !preview.rows.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new("The first rows, as they would be read:").small());
                egui::Grid::new("event_column_preview")
                    .striped(true)
                    .spacing([12.0, 2.0])
                    .show(ui, |ui| {
                        for (what, &c) in ["Date", "Latitude", "Longitude"].iter().zip(&chosen) {
                            ui.label(RichText::new(format!("{what} ({})", name(c))).strong());
                        }
                        ui.end_row();
                        for row in &preview.rows {
                            for (k, &c) in chosen.iter().enumerate() {
                                let value = row.get(c).map_or("", String::as_str);
                                let number = value.parse::<f64>().ok();
                                let ok = match k {
                                    0 => crate::io::parse_day(value.as_bytes()).is_some(),
                                    1 => number.is_some_and(|v| v.abs() <= 90.0),
                                    _ => number.is_some_and(|v| v.abs() <= 180.0),
                                };
                                let text = RichText::new(value);
                                ui.label(if ok {
                                    text
                                } else {
                                    text.color(ui.visuals().error_fg_color)
                                });
                            }
                            ui.end_row();
                        }
                    });
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Load").clicked() {
                    result = Some(Some(crate::io::ColumnChoice {
                        date: name(chosen[0]),
                        latitude: name(chosen[1]),
                        longitude: name(chosen[2]),
                    }));
                }
                if ui.button("Cancel").clicked() {
                    result = Some(None);
                }
            });
        });
    ctx.data_mut(|d| d.insert_temp(id, chosen));
    if let Some(choice) = result {
        ctx.data_mut(|d| d.remove::<[usize; 3]>(id));
        cx.push(Command::Events(EventCommand::ColumnsChosen(choice)));
    }
}

/// The selected state's conflict events: in the window, and a monthly bar chart over the
/// whole span on the time axis of the alignment chart above it (a click moves the date).
pub(crate) fn state_events_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, entity: usize) {
    let derived = &cx.at_date.events;
    if cx.document.events.is_empty() || derived.selected.is_empty() {
        return;
    }
    let view = &cx.view.events;
    let day = cx.view.day();
    let (mut events, mut deaths) = (0usize, 0u64);
    for (map, mine) in cx.document.events.iter().zip(&derived.selected) {
        let (n, d) = mine.in_range(map.layer.in_window(day, view.window));
        events += n;
        deaths += d;
    }
    ui.add_space(4.0);
    let window = match view.window {
        EventWindow::All => "up to".to_owned(),
        EventWindow::Days(n) => format!("in the {n} days to"),
    };
    ui.label(RichText::new("Conflict events").strong());
    ui.label(format!(
        "{events} {}, {deaths} fatalities {window} {}",
        plural(events, "event"),
        date_text(day)
    ));
    let width = ui.available_width().max(200.0);
    let layout = match cx.memory.charts.last() {
        Some((_, _, layout)) if (layout.size[0] - width).abs() < 1.0 => layout.clone(),
        _ => crate::export::chart::alignment_chart(
            &cx.document.timeline,
            &[entity],
            [width, 150.0],
            None,
            None,
        ),
    };
    monthly_chart_ui(ui, cx, &layout, width);
}

/// Bars of events (or fatalities, as the hexagons) per month, summed over the layers.
fn monthly_chart_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    layout: &crate::export::chart::ChartLayout,
    width: f32,
) {
    let by_deaths = cx.view.events.aggregate == Aggregate::Fatalities;
    let mut months: std::collections::BTreeMap<i32, u64> = std::collections::BTreeMap::new();
    for mine in &cx.at_date.events.selected {
        let (m0, counts, deaths) = &mine.months;
        let values = if by_deaths { deaths } else { counts };
        for (k, &v) in values.iter().enumerate() {
            *months.entry(m0 + k as i32).or_default() += u64::from(v);
        }
    }
    let top = months.values().copied().max().unwrap_or(0).max(1);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 70.0), egui::Sense::click());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, Color32::WHITE);
    let day_of_month = |m: i32| {
        jiff::civil::Date::new(m.div_euclid(12) as i16, (m.rem_euclid(12) + 1) as i8, 1)
            .map(crate::model::Day::from_date)
            .ok()
    };
    let bar_rgb = color(hex_rgb(0.75));
    for (&m, &v) in &months {
        let (Some(a), Some(b)) = (day_of_month(m), day_of_month(m + 1)) else {
            continue;
        };
        let (x0, x1) = (rect.min.x + layout.x_of(a), rect.min.x + layout.x_of(b));
        if v == 0 || x1 < rect.min.x || x0 > rect.max.x {
            continue;
        }
        let h = (rect.height() - 14.0) * v as f32 / top as f32;
        let bar = egui::Rect::from_min_max(
            Pos2::new(x0, rect.max.y - 12.0 - h),
            Pos2::new(x1.max(x0 + 1.0), rect.max.y - 12.0),
        );
        painter.rect_filled(bar, 0.0, bar_rgb);
    }
    let now = rect.min.x + layout.x_of(cx.view.day());
    painter.line_segment(
        [
            Pos2::new(now, rect.min.y),
            Pos2::new(now, rect.max.y - 12.0),
        ],
        egui::Stroke::new(1.5, Color32::from_rgb(0x1D, 0x2B, 0x3A)),
    );
    let what = if by_deaths { "fatalities" } else { "events" };
    painter.text(
        Pos2::new(rect.min.x + 4.0, rect.max.y - 1.0),
        egui::Align2::LEFT_BOTTOM,
        format!("{what} per month, at most {top}"),
        egui::FontId::proportional(10.0),
        Color32::DARK_GRAY,
    );
    if let Some(p) = response.interact_pointer_pos()
        && response.clicked()
    {
        let day = layout.day_at(p.x - rect.min.x);
        cx.push(Command::Time(
            crate::app::time_control::TimeCommand::SetDay(day),
        ));
    }
    if let Some(p) = response.hover_pos() {
        let day = layout.day_at(p.x - rect.min.x);
        let date = day.to_date();
        let m = i32::from(date.year()) * 12 + i32::from(date.month()) - 1;
        let v = months.get(&m).copied().unwrap_or(0);
        response.on_hover_text_at_pointer(format!("{}: {v} {what}", date.strftime("%B %Y")));
    }
}
