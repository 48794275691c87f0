//! The alignment chart in the app: a selected state's live ties per partner group over the
//! whole span (in the details panel), a selected partner's ties by counterpart (France,
//! Russia, the EU: one row per counterpart, coloured by status), and the five Sahel states
//! together (View menu). The
//! same layout as `sahel-atlas chart` ([`crate::export::chart`]), drawn through the map's
//! egui backend ([`EguiCanvas`]).
//! The current date is marked; a click moves the date; hovering a band lists its ties.
//!
//! Not egui_plot (0.38 is built for egui 0.37): the chart is a handful of rectangles, and
//! drawing the export's own layout keeps the app's chart and `sahel-atlas chart` the same
//! picture without another dependency.

use egui::{Color32, Pos2, Sense, Vec2};

use super::Cx;
use crate::app::command::Command;
use crate::app::compare::CompareCommand;
use crate::app::time_control::TimeCommand;
use crate::export::chart::{ChartLayout, alignment_chart, details_chart};
use crate::map::paint::EguiCanvas;
use crate::model::EntityIx;
use crate::model::i18n::{current_lang, format_day_short, tr, tr_args};
use crate::model::{Day, SAHEL_STATES, Timeline};

/// The chart of one state or partner in the details panel (nothing when it has no ties).
pub(crate) fn alignment_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, entity: EntityIx) {
    let timeline = &cx.document.timeline;
    let width = ui.available_width().max(200.0);
    let Some(layout) = details_chart(timeline, entity, width, Some(cx.view.day())) else {
        return;
    };
    ui.add_space(4.0);
    if layout.counterparts.is_some() {
        ui.label(egui::RichText::new(tr("alignment-by-counterpart")).strong())
            .on_hover_text(tr("alignment-by-counterpart-hint"));
    } else {
        ui.label(egui::RichText::new(tr("alignment-over-time")).strong())
            .on_hover_text(tr("alignment-over-time-hint"));
    }
    chart_ui(ui, cx, &[entity], layout);
}

/// Draws the chart `layout` of `entities` with its interactions.
fn chart_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, entities: &[EntityIx], layout: ChartLayout) {
    let timeline = cx.document.timeline.clone();
    let (rect, response) = ui.allocate_exact_size(
        Vec2::new(layout.size[0], layout.size[1]),
        Sense::click_and_drag(),
    );
    let label = chart_label(&timeline, entities, layout.counterparts.is_some());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Canvas, true, &label));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, Color32::WHITE);
    let mut canvas = EguiCanvas::new(&painter, rect.min, None);
    crate::map::display::replay_items(&layout.items, None, &mut canvas);
    let local = |p: Pos2| [p.x - rect.min.x, p.y - rect.min.y];
    if let Some(p) = response.interact_pointer_pos()
        && (response.clicked() || response.dragged())
    {
        let day = layout.day_at(local(p)[0]);
        if day != cx.view.day() {
            cx.push(Command::Time(TimeCommand::SetDay(day)));
        }
    }
    if let Some(p) = response.hover_pos() {
        let text = band_tooltip(&timeline, &layout, local(p));
        response.on_hover_text_at_pointer(text);
    }
    cx.memory.charts.push(layout);
}

/// The chart's name in the accessibility tree: "Alignment chart: Niger", "Ties by
/// counterpart: France", or "Alignment chart: Sahel states" for the five together. Tests
/// and screen readers find the chart by it; its bounds are the chart's, whose layout is
/// `sahel-atlas chart`'s for that size.
fn chart_label(timeline: &Timeline, entities: &[EntityIx], by_counterpart: bool) -> String {
    let name = match entities {
        &[e] => timeline
            .scenario()
            .entity_at(e)
            .map_or("?", |e| e.name.as_str()),
        _ => "Sahel states",
    };
    let chart = if by_counterpart {
        "Ties by counterpart"
    } else {
        "Alignment chart"
    };
    format!("{chart}: {name}")
}

/// What the pointer is over: a band's group, dates and ties, or the date.
fn band_tooltip(timeline: &Timeline, layout: &ChartLayout, p: [f32; 2]) -> String {
    let lang = current_lang();
    let fmt = |d: Day| format_day_short(d.to_date(), lang);
    if layout.counterparts.is_some() {
        return tie_tooltip(timeline, layout, p);
    }
    let Some(band) = layout.band_at(p) else {
        return click_to_go(fmt(layout.day_at(p[0])));
    };
    let Some(plot) = layout
        .plots
        .iter()
        .find(|plot| plot.alignment.entity == band.entity)
    else {
        return String::new();
    };
    let step = &plot.alignment.steps[band.step];
    let group = &timeline.groups()[band.group];
    let scenario = timeline.scenario();
    let ties = timeline.alignment_ties(band.entity, band.group, step.from);
    let mut text = tr_args(
        "alignment-band",
        &[
            (
                "entity",
                scenario.entities[band.entity].name_in(lang).into(),
            ),
            ("group", group.label_in(lang).into()),
            ("count", ties.len().into()),
            ("from", fmt(step.from).into()),
            ("to", fmt(plot.alignment.step_end(band.step)).into()),
        ],
    );
    for r in ties {
        text.push_str("\n• ");
        text.push_str(scenario.relationships[r].label_in(lang));
    }
    text
}

/// What the pointer is over in a partner's chart: the counterpart's ties and their status on
/// the day under it, or the date.
fn tie_tooltip(timeline: &Timeline, layout: &ChartLayout, p: [f32; 2]) -> String {
    let lang = current_lang();
    let fmt = |d: Day| format_day_short(d.to_date(), lang);
    let day = layout.day_at(p[0]);
    let (Some(counterparts), Some(row)) = (&layout.counterparts, layout.row_at(p[1])) else {
        return click_to_go(fmt(day));
    };
    let scenario = timeline.scenario();
    let name = |e: EntityIx| scenario.entity_at(e).map_or("?", |e| e.name_in(lang));
    let mut text = match layout.tie_band_at(p) {
        Some(band) => {
            let steps = counterparts
                .rows
                .iter()
                .find(|r| r.counterpart == band.counterpart);
            let (from, to) = steps.map_or((day, day), |r| {
                (r.steps[band.step].0, counterparts.step_end(r, band.step))
            });
            tr_args(
                "alignment-tie-band",
                &[
                    ("entity", name(counterparts.entity).into()),
                    ("counterpart", name(band.counterpart).into()),
                    ("status", band.status.label().to_lowercase().into()),
                    ("from", fmt(from).into()),
                    ("to", fmt(to).into()),
                ],
            )
        }
        None => tr_args(
            "alignment-no-tie",
            &[
                ("entity", name(counterparts.entity).into()),
                ("counterpart", name(row.counterpart).into()),
                ("date", fmt(day).into()),
            ],
        ),
    };
    for (r, status) in timeline.counterpart_ties(counterparts.entity, row.counterpart, day) {
        let status = status.map_or_else(|| tr("alignment-not-begun"), |s| s.label().to_lowercase());
        text.push_str(&format!(
            "\n• {} ({status})",
            scenario.relationships[r].label_in(lang)
        ));
    }
    text
}

/// "4 Dec 2023: click to go there".
fn click_to_go(date: String) -> String {
    tr_args("alignment-click-to-go", &[("date", date.into())])
}

/// What the Sahel chart window needs besides its chart: title bar, hint, margins, and a
/// little space above and below the window.
const SAHEL_WINDOW_CHROME: f32 = 120.0;

/// View → "Alignment of the Sahel states": the five charts stacked on one scale.
pub(crate) fn sahel_chart_window(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if !cx.view.compare.show_sahel_chart {
        return;
    }
    let mut open = true;
    let entities: Vec<EntityIx> = SAHEL_STATES
        .iter()
        .filter_map(|s| cx.document.timeline.entity_index(s))
        .collect();
    // The five charts share what the screen has: in a 1024×640 window the chart window,
    // its title bar and hint stay on the screen (110 pixels a chart where there is room).
    let screen = ui.ctx().content_rect().height();
    let room = (screen - SAHEL_WINDOW_CHROME).max(200.0);
    egui::Window::new(tr("alignment-sahel-title"))
        .id(egui::Id::unique("sahel_alignment_window"))
        .open(&mut open)
        .default_size([760.0, 640.0_f32.min(screen - 16.0)])
        .show(ui.ctx(), |ui| {
            ui.label(egui::RichText::new(tr("alignment-sahel-hint")).weak());
            let width = ui.available_width().max(300.0);
            let height = (110.0 * entities.len() as f32 + 50.0).min(room).max(200.0);
            let layout = alignment_chart(
                &cx.document.timeline,
                &entities,
                [width, height],
                Some(cx.view.day()),
                None,
            );
            chart_ui(ui, cx, &entities, layout);
        });
    if !open {
        cx.push(Command::Compare(CompareCommand::ShowSahelChart(false)));
    }
}
