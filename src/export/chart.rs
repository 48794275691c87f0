//! The alignment chart: for one state or the five Sahel states, its live ties per partner
//! group over the whole span, stacked ([`crate::model::Timeline::alignment`]); for a partner
//! (France, Russia, the EU…), one row per counterpart, coloured by the status of their ties
//! over time ([`crate::model::Timeline::counterparts`], [`counterpart_chart`]).
//!
//! One layout ([`alignment_chart`]) is a list of the map's display items (rectangles,
//! polylines, texts) in pixels, drawn by the map's own backends: SVG, PNG (tiny-skia) and the
//! screen (egui), so the three show the same chart. This module keeps only the layout and
//! its hit-testing (which band is under a point, which day at an x).

use std::path::PathBuf;

use super::ExportError;
use crate::map::display::{Anchor, Item, Line, Paint, TextStyle};
use crate::map::style::status_rgb;
use crate::map::text;
use crate::model::i18n::{current_lang, tr};
use crate::model::{Alignment, Counterparts, Day, EntityIx, SAHEL_STATES, Status, Timeline};

/// An sRGB colour.
pub type Rgb = [u8; 3];

const INK: Rgb = [0x1D, 0x2B, 0x3A];
const GRID: Rgb = [0xD5, 0xD2, 0xCC];
const WEAK: Rgb = [0x6A, 0x6A, 0x6A];
const BACKGROUND: Rgb = [0xFF, 0xFF, 0xFF];

/// One band of the chart: a group's ties of one state during one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// The state.
    pub entity: EntityIx,
    /// The step (index into [`Alignment::steps`]).
    pub step: usize,
    /// The partner group.
    pub group: usize,
}

/// Where a band of the chart is drawn, pixels (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandBox {
    /// Top left.
    pub min: [f32; 2],
    /// Bottom right.
    pub max: [f32; 2],
    /// The band.
    pub band: Band,
}

/// One state's plot inside the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Plot {
    /// The state's alignment.
    pub alignment: Alignment,
    /// The plot area: left, top, right, bottom.
    pub rect: [f32; 4],
}

/// One band of a partner's chart: its ties with one counterpart during one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TieBand {
    /// The partner.
    pub entity: EntityIx,
    /// The counterpart.
    pub counterpart: EntityIx,
    /// The step (index into the row's [`crate::model::CounterpartRow::steps`]).
    pub step: usize,
    /// The most live status of their ties during the step.
    pub status: Status,
}

/// Where a band of a partner's chart is drawn, pixels (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TieBox {
    /// Top left.
    pub min: [f32; 2],
    /// Bottom right.
    pub max: [f32; 2],
    /// The band.
    pub band: TieBand,
}

/// One counterpart's row of a partner's chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowBox {
    /// The counterpart.
    pub counterpart: EntityIx,
    /// The row's plot area: left, top, right, bottom.
    pub rect: [f32; 4],
}

/// A laid-out chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    /// Width and height.
    pub size: [f32; 2],
    /// In drawing order.
    pub items: Vec<Item>,
    /// Where each band of a state's chart is, for hit-testing.
    pub bands: Vec<BandBox>,
    /// One per state (none in a partner's chart).
    pub plots: Vec<Plot>,
    /// A partner's chart: its ties by counterpart (`None` in a state's chart).
    pub counterparts: Option<Counterparts>,
    /// A partner's chart: one per counterpart, in the order of `counterparts.rows`.
    pub rows: Vec<RowBox>,
    /// A partner's chart: where each band is, for hit-testing.
    pub tie_bands: Vec<TieBox>,
    /// The time axis's left and right ends.
    x: [f32; 2],
    start: Day,
    end: Day,
}

impl ChartLayout {
    /// The x of the start of `day` in any plot.
    pub fn x_of(&self, day: Day) -> f32 {
        let [x0, x1] = self.x;
        let span = (self.end.0 - self.start.0 + 1).max(1) as f32;
        x0 + (day.0 - self.start.0) as f32 / span * (x1 - x0)
    }

    /// The day at `x`, clamped to the span.
    pub fn day_at(&self, x: f32) -> Day {
        let [x0, x1] = self.x;
        let span = (self.end.0 - self.start.0 + 1).max(1) as f32;
        let t = ((x - x0) / (x1 - x0).max(1.0)).clamp(0.0, 1.0);
        Day((self.start.0 + (t * span).floor() as i32).min(self.end.0))
    }

    /// The band of a state's chart under a point, if any.
    pub fn band_at(&self, p: [f32; 2]) -> Option<Band> {
        self.bands
            .iter()
            .rev()
            .find(|b| p[0] >= b.min[0] && p[0] < b.max[0] && p[1] >= b.min[1] && p[1] < b.max[1])
            .map(|b| b.band)
    }

    /// The band of a partner's chart under a point, if any.
    pub fn tie_band_at(&self, p: [f32; 2]) -> Option<TieBand> {
        self.tie_bands
            .iter()
            .find(|b| p[0] >= b.min[0] && p[0] < b.max[0] && p[1] >= b.min[1] && p[1] < b.max[1])
            .map(|b| b.band)
    }

    /// The row of a partner's chart at height `y` (anywhere across the chart), if any.
    pub fn row_at(&self, y: f32) -> Option<&RowBox> {
        self.rows.iter().find(|r| y >= r.rect[1] && y < r.rect[3])
    }
}

/// Lays out the alignment chart of `entities` (one state, or several stacked as small
/// multiples sharing one scale) in `size` pixels, with a line at `marker` (the current date in
/// the app) and a legend of the groups that appear.
pub fn alignment_chart(
    timeline: &Timeline,
    entities: &[EntityIx],
    size: [f32; 2],
    marker: Option<Day>,
    title: Option<&str>,
) -> ChartLayout {
    let [w, h] = size;
    let mut items = Vec::new();
    let mut bands = Vec::new();
    let (start, end) = (timeline.start(), timeline.end());
    let alignments: Vec<Alignment> = entities.iter().map(|&e| timeline.alignment(e)).collect();
    let max = alignments
        .iter()
        .map(Alignment::max_total)
        .max()
        .unwrap_or(0)
        .max(1);
    let title_h = if title.is_some() { 30.0 } else { 0.0 };
    let (left, right, axis_h, legend_h) = (34.0, 12.0, 18.0, 24.0);
    if let Some(title) = title {
        items.push(text_item(
            [left, 21.0],
            title.to_owned(),
            17.0,
            INK,
            Anchor::Start,
        ));
    }
    let n = entities.len().max(1) as f32;
    let panels_h = (h - title_h - axis_h - legend_h).max(n * 30.0);
    let panel_h = panels_h / n;
    let axis = TimeAxis {
        x0: left,
        x1: (w - right).max(left + 10.0),
        start,
        span: (end.0 - start.0 + 1).max(1) as f32,
    };
    let used_groups = used_groups(timeline, &alignments);
    let mut plots = Vec::new();
    for (k, alignment) in alignments.into_iter().enumerate() {
        let top = title_h + k as f32 * panel_h;
        let panel = Panel {
            top,
            bottom: top + panel_h - 4.0,
            max,
        };
        plots.push(plot_panel(
            &mut items, &mut bands, timeline, alignment, axis, panel,
        ));
    }
    let axis_y = title_h + panels_h;
    year_axis(&mut items, axis, end, [title_h + PANEL_TITLE_H, axis_y]);
    if let Some(day) = marker.filter(|d| (start..=end).contains(d)) {
        let x = axis.x_of(day);
        items.push(line_item([x, title_h], [x, axis_y], INK, 2.0));
    }
    let y = legend(
        &mut items,
        timeline,
        &used_groups,
        axis,
        axis_y + axis_h + 14.0,
    );
    let size = [w, h.max(y + 8.0)];
    ChartLayout {
        size,
        items,
        bands,
        plots,
        counterparts: None,
        rows: Vec::new(),
        tie_bands: Vec::new(),
        x: [axis.x0, axis.x1],
        start,
        end,
    }
}

/// The height of a panel's title (the state's name) above its plot.
const PANEL_TITLE_H: f32 = 18.0;

/// The chart's time axis: from `x0` (the span's start) to `x1` (the day after its end).
#[derive(Clone, Copy)]
struct TimeAxis {
    x0: f32,
    x1: f32,
    start: Day,
    /// Days in the span, at least 1.
    span: f32,
}

impl TimeAxis {
    fn x_of(&self, d: Day) -> f32 {
        self.x0 + (d.0 - self.start.0) as f32 / self.span * (self.x1 - self.x0)
    }
}

/// One state's panel: its top, the bottom of its plot, and the count at the plot's top.
#[derive(Clone, Copy)]
struct Panel {
    top: f32,
    bottom: f32,
    max: u32,
}

/// Whether each partner group has a tie in any of `alignments` (the legend shows those).
fn used_groups(timeline: &Timeline, alignments: &[Alignment]) -> Vec<bool> {
    let mut used = vec![false; timeline.groups().len()];
    for a in alignments {
        for s in &a.steps {
            for (g, &c) in s.counts.iter().enumerate() {
                used[g] |= c > 0;
            }
        }
    }
    used
}

/// One state's panel: its name, the grid with its counts, and a band per group and step,
/// stacked (each band's box in `bands`, for hit-testing).
fn plot_panel(
    items: &mut Vec<Item>,
    bands: &mut Vec<BandBox>,
    timeline: &Timeline,
    alignment: Alignment,
    axis: TimeAxis,
    panel: Panel,
) -> Plot {
    let (x0, x1) = (axis.x0, axis.x1);
    let (y0, y1) = (panel.top + PANEL_TITLE_H, panel.bottom);
    let max = panel.max;
    let lang = current_lang();
    let name = timeline
        .scenario()
        .entity_at(alignment.entity)
        .map_or("", |e| e.name_in(lang));
    items.push(text_item(
        [x0, panel.top + PANEL_TITLE_H - 5.0],
        name.to_owned(),
        13.0,
        INK,
        Anchor::Start,
    ));
    // Grid and counts.
    let unit = (y1 - y0) / max as f32;
    let every = if max <= 6 {
        1
    } else if max <= 15 {
        2
    } else {
        5
    };
    for v in (0..=max).step_by(every) {
        let y = y1 - v as f32 * unit;
        items.push(line_item([x0, y], [x1, y], GRID, 1.0));
        items.push(text_item(
            [x0 - 5.0, y + 4.0],
            v.to_string(),
            10.0,
            WEAK,
            Anchor::End,
        ));
    }
    // The bands.
    for (i, step) in alignment.steps.iter().enumerate() {
        let (a, b) = (
            axis.x_of(step.from),
            axis.x_of(alignment.step_end(i).plus(1)),
        );
        let mut bottom = y1;
        for (g, &count) in step.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let top = bottom - count as f32 * unit;
            let (min, max) = ([a, top].map(f32::round), [b, bottom].map(f32::round));
            items.push(rect_item(min, max, timeline.groups()[g].colour));
            bands.push(BandBox {
                min,
                max,
                band: Band {
                    entity: alignment.entity,
                    step: i,
                    group: g,
                },
            });
            bottom = top;
        }
    }
    Plot {
        alignment,
        rect: [x0, y0, x1, y1],
    }
}

/// A line at each 1 January from `top` to just below `axis_y` (`[top, axis_y]`), labelled
/// every year, or every few years when the labels would crowd each other.
fn year_axis(items: &mut Vec<Item>, axis: TimeAxis, end: Day, [top, axis_y]: [f32; 2]) {
    let year_w = (axis.x1 - axis.x0) * 365.25 / axis.span;
    let label_every = [1i16, 2, 5, 10]
        .into_iter()
        .find(|&k| year_w * f32::from(k) >= 32.0)
        .unwrap_or(10);
    for year in axis.start.to_date().year()..=end.to_date().year() {
        let Ok(date) = jiff::civil::Date::new(year, 1, 1) else {
            continue;
        };
        let d = Day::from_date(date);
        if d < axis.start {
            continue;
        }
        let x = axis.x_of(d);
        items.push(line_item([x, top], [x, axis_y + 3.0], GRID, 1.0));
        if year % label_every != 0 {
            continue;
        }
        items.push(text_item(
            [x + 2.0, axis_y + 14.0],
            year.to_string(),
            10.0,
            WEAK,
            Anchor::Start,
        ));
    }
}

/// The legend of the groups used, from `y` down, wrapped onto more lines when narrow (the
/// chart grows to hold them); returns the last line's y.
fn legend(
    items: &mut Vec<Item>,
    timeline: &Timeline,
    used_groups: &[bool],
    axis: TimeAxis,
    mut y: f32,
) -> f32 {
    let (x0, x1) = (axis.x0, axis.x1);
    let mut x = x0;
    let lang = current_lang();
    for (g, group) in timeline.groups().iter().enumerate() {
        if !used_groups[g] {
            continue;
        }
        let label = group.label_in(lang);
        let item_w = 16.0 + text::width(label, 11.0);
        if x > x0 && x + item_w > x1 {
            x = x0;
            y += 16.0;
        }
        items.push(rect_item([x, y - 10.0], [x + 12.0, y + 2.0], group.colour));
        items.push(text_item(
            [x + 16.0, y],
            label.to_owned(),
            11.0,
            INK,
            Anchor::Start,
        ));
        x += item_w + 18.0;
    }
    y
}

/// A key of `entries` (a swatch and a label each) from `x[0]`, wrapped onto more lines when
/// narrow, the first baseline at `y`; returns the last baseline.
fn key(items: &mut Vec<Item>, entries: &[(Rgb, &str)], x: [f32; 2], y: f32) -> f32 {
    let [x0, x1] = x;
    let (mut x, mut y) = (x0, y);
    for &(colour, label) in entries {
        let item_w = 16.0 + text::width(label, 11.0);
        if x > x0 && x + item_w > x1 {
            x = x0;
            y += 16.0;
        }
        items.push(rect_item([x, y - 10.0], [x + 12.0, y + 2.0], colour));
        items.push(text_item(
            [x + 16.0, y],
            label.to_owned(),
            11.0,
            INK,
            Anchor::Start,
        ));
        x += item_w + 18.0;
    }
    y
}

/// `text` cut with "…" to fit `width` at `size`.
fn fitted(text: &str, size: f32, width: f32) -> String {
    if text::width(text, size) <= width {
        return text.to_owned();
    }
    let mut cut: String = text.to_owned();
    while !cut.is_empty() && text::width(&format!("{cut}…"), size) > width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// Lays out a partner's chart (`entity`, any entity but a Sahel state): one row per
/// counterpart, a band per step coloured by the status of their ties (ended ones thin), in
/// `size` pixels (taller when the rows need it), with a line at `marker` and a key of the
/// statuses that appear.
pub fn counterpart_chart(
    timeline: &Timeline,
    entity: EntityIx,
    size: [f32; 2],
    marker: Option<Day>,
    title: Option<&str>,
) -> ChartLayout {
    let [w, h] = size;
    let mut items = Vec::new();
    let (start, end) = (timeline.start(), timeline.end());
    let counterparts = timeline.counterparts(entity);
    let title_h = if title.is_some() { 30.0 } else { 0.0 };
    if let Some(title) = title {
        items.push(text_item(
            [12.0, 21.0],
            title.to_owned(),
            17.0,
            INK,
            Anchor::Start,
        ));
    }
    let (right, axis_h, legend_h, top_pad) = (12.0, 18.0, 24.0, 6.0);
    let widest = counterparts
        .rows
        .iter()
        .map(|r| text::width(entity_name(timeline, r.counterpart), 11.0))
        .fold(0.0_f32, f32::max);
    let label_w = (widest + 10.0).clamp(40.0, (w * 0.36).max(40.0));
    let axis = TimeAxis {
        x0: label_w + 4.0,
        x1: (w - right).max(label_w + 14.0),
        start,
        span: (end.0 - start.0 + 1).max(1) as f32,
    };
    let n = counterparts.rows.len().max(1) as f32;
    let row_h = ((h - title_h - top_pad - axis_h - legend_h) / n).clamp(13.0, 26.0);
    let mut rows = Vec::new();
    let mut tie_bands = Vec::new();
    let mut used = [false; Status::ALL.len()];
    for (k, row) in counterparts.rows.iter().enumerate() {
        let top = title_h + top_pad + k as f32 * row_h;
        let rect = [axis.x0, top + 1.0, axis.x1, top + row_h - 1.0];
        let name = fitted(entity_name(timeline, row.counterpart), 11.0, label_w - 6.0);
        items.extend(row_frame(rect, name));
        for (i, &(from, status)) in row.steps.iter().enumerate() {
            let Some(status) = status else { continue };
            if let Some(u) = Status::ALL.iter().position(|&s| s == status) {
                used[u] = true;
            }
            let days = [from, counterparts.step_end(row, i).plus(1)];
            let (item, min, max) = status_band(axis, rect, days, status);
            items.push(item);
            tie_bands.push(TieBox {
                min,
                max,
                band: TieBand {
                    entity,
                    counterpart: row.counterpart,
                    step: i,
                    status,
                },
            });
        }
        rows.push(RowBox {
            counterpart: row.counterpart,
            rect,
        });
    }
    let axis_y = title_h + top_pad + n * row_h;
    if counterparts.rows.is_empty() {
        items.push(text_item(
            [axis.x0, axis_y - 4.0],
            tr("chart-no-ties"),
            11.0,
            WEAK,
            Anchor::Start,
        ));
    }
    year_axis(&mut items, axis, end, [title_h + top_pad, axis_y]);
    if let Some(day) = marker.filter(|d| (start..=end).contains(d)) {
        let x = axis.x_of(day);
        items.push(line_item([x, title_h], [x, axis_y], INK, 2.0));
    }
    let entries: Vec<(Rgb, &str)> = Status::ALL
        .into_iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(s, _)| (status_rgb(s), s.label()))
        .collect();
    let y = key(
        &mut items,
        &entries,
        [axis.x0, axis.x1],
        axis_y + axis_h + 14.0,
    );
    ChartLayout {
        size: [w, h.max(y + 8.0)],
        items,
        bands: Vec::new(),
        plots: Vec::new(),
        counterparts: Some(counterparts),
        rows,
        tie_bands,
        x: [axis.x0, axis.x1],
        start,
        end,
    }
}

/// An entity's name in the thread's language ("?" for an unknown index).
fn entity_name(timeline: &Timeline, entity: EntityIx) -> &str {
    timeline
        .scenario()
        .entity_at(entity)
        .map_or("?", |e| e.name_in(current_lang()))
}

/// A row's grid line through its middle and its name, right-aligned before the plot.
fn row_frame(rect: [f32; 4], name: String) -> [Item; 2] {
    let [x0, y0, x1, y1] = rect;
    let mid = (y0 + y1) / 2.0;
    let (ascent, descent) = text::ascent_descent(11.0);
    [
        line_item([x0, mid], [x1, mid], GRID, 1.0),
        text_item(
            [x0 - 6.0, mid + (ascent + descent) / 2.0],
            name,
            11.0,
            INK,
            Anchor::End,
        ),
    ]
}

/// The band of a row `rect` from `days[0]` to the start of `days[1]` in the colour of
/// `status` (an ended tie a thin line: it was there, it is over), and the box it answers to
/// the pointer in (the row's full height).
fn status_band(
    axis: TimeAxis,
    rect: [f32; 4],
    days: [Day; 2],
    status: Status,
) -> (Item, [f32; 2], [f32; 2]) {
    let [_, y0, _, y1] = rect;
    let mid = (y0 + y1) / 2.0;
    let (a, b) = (axis.x_of(days[0]), axis.x_of(days[1]));
    let (t, u) = if status == Status::Ended {
        (mid - 1.5, mid + 1.5)
    } else {
        (y0 + 1.0, y1 - 1.0)
    };
    let item = rect_item([a, t], [b, u], status_rgb(status));
    (item, [a.round(), y0], [b.round(), y1])
}

/// A text whose `at` is on its baseline (as the layout places it), as a display item (whose
/// `at` is the middle of its line).
fn text_item(at: [f32; 2], text: String, size: f32, rgb: Rgb, anchor: Anchor) -> Item {
    let (ascent, descent) = text::ascent_descent(size);
    Item::Text {
        at: [at[0], at[1] - (ascent + descent) / 2.0],
        text,
        style: TextStyle {
            size,
            paint: Paint::solid(rgb),
            anchor,
            halo: false,
        },
    }
}

fn line_item(from: [f32; 2], to: [f32; 2], rgb: Rgb, width: f32) -> Item {
    Item::Polyline {
        points: vec![from, to],
        line: Line::solid(rgb, width),
        meta: None,
    }
}

/// A filled rectangle on whole pixels, so that every backend draws the same crisp edges.
fn rect_item(min: [f32; 2], max: [f32; 2], rgb: Rgb) -> Item {
    Item::Rect {
        min: min.map(f32::round),
        max: max.map(f32::round),
        fill: Some(Paint::solid(rgb)),
        line: None,
    }
}

/// The chart as an SVG document.
pub fn chart_svg(layout: &ChartLayout) -> String {
    super::svg::items_svg(
        layout.size,
        &tr("chart-svg-title"),
        BACKGROUND,
        &layout.items,
    )
}

/// The chart as RGBA pixels (not premultiplied), row by row.
///
/// # Errors
/// [`ExportError::BadSize`] when the size is zero or too large.
pub fn chart_rgba(layout: &ChartLayout) -> Result<(u32, u32, Vec<u8>), ExportError> {
    let (w, h) = (layout.size[0].round() as u32, layout.size[1].round() as u32);
    let rgba = super::png::rasterise_items([w, h], BACKGROUND, &layout.items)?;
    Ok((w, h, rgba))
}

/// The chart as a PNG file's bytes.
///
/// # Errors
/// A bad size, or the encoder failing.
pub fn chart_png(layout: &ChartLayout) -> Result<Vec<u8>, ExportError> {
    let (w, h, rgba) = chart_rgba(layout)?;
    super::png::encode_png_fast([w, h], &rgba)
}

/// The chart of one entity as the app's details panel shows it, `width` pixels wide: a
/// partner's ties by counterpart (60 pixels high and 16 a row) when it charts by
/// counterpart, else its ties per partner group (150 pixels high); taller when the legend
/// wraps. `None` when it has no ties to chart. The app and its tests both lay the chart out
/// through this.
pub fn details_chart(
    timeline: &Timeline,
    entity: EntityIx,
    width: f32,
    marker: Option<Day>,
) -> Option<ChartLayout> {
    if timeline.charts_by_counterpart(entity) {
        let rows = timeline.counterparts(entity).rows.len();
        let height = 60.0 + 16.0 * rows as f32;
        (rows > 0).then(|| counterpart_chart(timeline, entity, [width, height], marker, None))
    } else {
        (timeline.alignment(entity).max_total() > 0)
            .then(|| alignment_chart(timeline, &[entity], [width, 150.0], marker, None))
    }
}

/// The chart of one entity (`Some(id)`: a Sahel state's ties per partner group, any other
/// entity's by counterpart) or of the five Sahel states (`None`), laid out for a picture of
/// `size` pixels with a title.
///
/// # Errors
/// An id the scenario does not know.
pub fn chart_for(
    timeline: &Timeline,
    country: Option<&str>,
    size: [f32; 2],
) -> Result<ChartLayout, ChartError> {
    let scenario = timeline.scenario();
    let lang = current_lang();
    let years = |key: &str, name: Option<&str>| {
        let mut args: Vec<crate::model::i18n::Arg<'_>> = vec![
            (
                "start",
                timeline.start().to_date().year().to_string().into(),
            ),
            ("end", timeline.end().to_date().year().to_string().into()),
        ];
        if let Some(name) = name {
            args.push(("name", name.to_owned().into()));
        }
        crate::model::i18n::tr_args(key, &args)
    };
    let (entities, title) = match country {
        Some(id) => {
            let e = timeline
                .entity_index(id)
                .ok_or_else(|| ChartError::UnknownEntity(id.to_owned()))?;
            if timeline.charts_by_counterpart(e) {
                let title = years(
                    "chart-title-counterparts",
                    Some(scenario.entities[e].name_in(lang)),
                );
                return Ok(counterpart_chart(timeline, e, size, None, Some(&title)));
            }
            (
                vec![e],
                years(
                    "chart-title-groups",
                    Some(scenario.entities[e].name_in(lang)),
                ),
            )
        }
        None => (
            SAHEL_STATES
                .iter()
                .filter_map(|s| timeline.entity_index(s))
                .collect(),
            years("chart-title-sahel", None),
        ),
    };
    Ok(alignment_chart(
        timeline,
        &entities,
        size,
        None,
        Some(&title),
    ))
}

/// Why a chart could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// `--country` names no entity of the scenario.
    #[error("the scenario has no entity '{0}'")]
    UnknownEntity(String),
    /// `--out` is neither .svg nor .png.
    #[error("cannot tell what to write to '{}': end --out with .png or .svg", .0.display())]
    UnknownFormat(PathBuf),
    /// The picture could not be drawn or written.
    #[error(transparent)]
    Export(#[from] super::ExportError),
}
