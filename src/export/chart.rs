//! The alignment chart: for one state or the five Sahel states, its live ties per partner
//! group over the whole span, stacked ([`crate::model::Timeline::alignment`]).
//!
//! One layout ([`alignment_chart`]) is a list of rectangles, lines and texts in pixels; it is
//! written as SVG by hand, as PNG with tiny-skia and the crate's font, and drawn in the app
//! with egui's painter, so the three show the same chart.

use std::fmt::Write as _;
use std::path::PathBuf;

use tiny_skia::{Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use super::ExportError;
use crate::map::text;
use crate::model::{Alignment, Day, SAHEL_STATES, Timeline};

/// An sRGB colour.
pub type Rgb = [u8; 3];

const INK: Rgb = [0x1D, 0x2B, 0x3A];
const GRID: Rgb = [0xD5, 0xD2, 0xCC];
const WEAK: Rgb = [0x6A, 0x6A, 0x6A];
const BACKGROUND: Rgb = [0xFF, 0xFF, 0xFF];

/// Where a text sits relative to its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the start of the baseline.
    Start,
    /// The point is the middle of the baseline.
    Middle,
    /// The point is the end of the baseline.
    End,
}

/// One band of the chart: a group's ties of one state during one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// The state (index into the scenario's entities).
    pub entity: usize,
    /// The step (index into [`Alignment::steps`]).
    pub step: usize,
    /// The partner group.
    pub group: usize,
}

/// What the chart draws, in pixels (y down).
#[derive(Clone, Debug, PartialEq)]
pub enum ChartItem {
    /// A filled rectangle; a band of the chart when `band` is set.
    Rect {
        /// Top left.
        min: [f32; 2],
        /// Bottom right.
        max: [f32; 2],
        /// Fill.
        rgb: Rgb,
        /// The band it draws, if any.
        band: Option<Band>,
    },
    /// A straight line.
    Line {
        /// One end.
        from: [f32; 2],
        /// The other.
        to: [f32; 2],
        /// Colour.
        rgb: Rgb,
        /// Width, pixels.
        width: f32,
    },
    /// A line of text.
    Text {
        /// The anchor point on the baseline.
        at: [f32; 2],
        /// The text.
        text: String,
        /// Size, pixels.
        size: f32,
        /// Colour.
        rgb: Rgb,
        /// Which point of the text `at` is.
        anchor: Anchor,
    },
}

/// One state's plot inside the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Plot {
    /// The state's alignment.
    pub alignment: Alignment,
    /// The plot area: left, top, right, bottom.
    pub rect: [f32; 4],
}

/// A laid-out chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    /// Width and height.
    pub size: [f32; 2],
    /// In drawing order.
    pub items: Vec<ChartItem>,
    /// One per state.
    pub plots: Vec<Plot>,
    start: Day,
    end: Day,
}

impl ChartLayout {
    /// The x of the start of `day` in any plot.
    pub fn x_of(&self, day: Day) -> f32 {
        let Some(plot) = self.plots.first() else {
            return 0.0;
        };
        let [x0, _, x1, _] = plot.rect;
        let span = (self.end.0 - self.start.0 + 1).max(1) as f32;
        x0 + (day.0 - self.start.0) as f32 / span * (x1 - x0)
    }

    /// The day at `x`, clamped to the span.
    pub fn day_at(&self, x: f32) -> Day {
        let Some(plot) = self.plots.first() else {
            return self.start;
        };
        let [x0, _, x1, _] = plot.rect;
        let span = (self.end.0 - self.start.0 + 1).max(1) as f32;
        let t = ((x - x0) / (x1 - x0).max(1.0)).clamp(0.0, 1.0);
        Day((self.start.0 + (t * span).floor() as i32).min(self.end.0))
    }

    /// The band under a point, if any.
    pub fn band_at(&self, p: [f32; 2]) -> Option<Band> {
        self.items.iter().rev().find_map(|item| match item {
            ChartItem::Rect {
                min,
                max,
                band: Some(band),
                ..
            } if p[0] >= min[0] && p[0] < max[0] && p[1] >= min[1] && p[1] < max[1] => Some(*band),
            _ => None,
        })
    }
}

/// Lays out the alignment chart of `entities` (one state, or several stacked as small
/// multiples sharing one scale) in `size` pixels, with a line at `marker` (the current date in
/// the app) and a legend of the groups that appear.
pub fn alignment_chart(
    timeline: &Timeline,
    entities: &[usize],
    size: [f32; 2],
    marker: Option<Day>,
    title: Option<&str>,
) -> ChartLayout {
    let [w, h] = size;
    let mut items = Vec::new();
    let (start, end) = (timeline.start(), timeline.end());
    let alignments: Vec<Alignment> = entities.iter().map(|&e| timeline.alignment(e)).collect();
    let max = alignments
        .iter()
        .map(Alignment::max_total)
        .max()
        .unwrap_or(0)
        .max(1);
    let title_h = if title.is_some() { 30.0 } else { 0.0 };
    let (left, right, axis_h, legend_h, panel_title_h) = (34.0, 12.0, 18.0, 24.0, 18.0);
    if let Some(title) = title {
        items.push(ChartItem::Text {
            at: [left, 21.0],
            text: title.to_owned(),
            size: 17.0,
            rgb: INK,
            anchor: Anchor::Start,
        });
    }
    let n = entities.len().max(1) as f32;
    let panels_h = (h - title_h - axis_h - legend_h).max(n * 30.0);
    let panel_h = panels_h / n;
    let span = (end.0 - start.0 + 1).max(1) as f32;
    let (x0, x1) = (left, (w - right).max(left + 10.0));
    let x_of = |d: Day| x0 + (d.0 - start.0) as f32 / span * (x1 - x0);
    let mut plots = Vec::new();
    let used_groups = {
        let mut used = vec![false; timeline.groups().len()];
        for a in &alignments {
            for s in &a.steps {
                for (g, &c) in s.counts.iter().enumerate() {
                    used[g] |= c > 0;
                }
            }
        }
        used
    };
    for (k, alignment) in alignments.into_iter().enumerate() {
        let top = title_h + k as f32 * panel_h;
        let (y0, y1) = (top + panel_title_h, top + panel_h - 4.0);
        let name = timeline
            .scenario()
            .entities
            .get(alignment.entity)
            .map_or("", |e| e.name.as_str());
        items.push(ChartItem::Text {
            at: [x0, top + panel_title_h - 5.0],
            text: name.to_owned(),
            size: 13.0,
            rgb: INK,
            anchor: Anchor::Start,
        });
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
            items.push(ChartItem::Line {
                from: [x0, y],
                to: [x1, y],
                rgb: GRID,
                width: 1.0,
            });
            items.push(ChartItem::Text {
                at: [x0 - 5.0, y + 4.0],
                text: v.to_string(),
                size: 10.0,
                rgb: WEAK,
                anchor: Anchor::End,
            });
        }
        // The bands.
        for (i, step) in alignment.steps.iter().enumerate() {
            let (a, b) = (x_of(step.from), x_of(alignment.step_end(i).plus(1)));
            let mut bottom = y1;
            for (g, &count) in step.counts.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                let top = bottom - count as f32 * unit;
                items.push(ChartItem::Rect {
                    min: [a, top],
                    max: [b, bottom],
                    rgb: timeline.groups()[g].colour,
                    band: Some(Band {
                        entity: alignment.entity,
                        step: i,
                        group: g,
                    }),
                });
                bottom = top;
            }
        }
        plots.push(Plot {
            alignment,
            rect: [x0, y0, x1, y1],
        });
    }
    // Years along the bottom.
    let axis_y = title_h + panels_h;
    // A label every year, or every few years when they would crowd each other.
    let year_w = (x1 - x0) * 365.25 / span;
    let label_every = [1i16, 2, 5, 10]
        .into_iter()
        .find(|&k| year_w * f32::from(k) >= 32.0)
        .unwrap_or(10);
    for year in start.to_date().year()..=end.to_date().year() {
        let Ok(date) = jiff::civil::Date::new(year, 1, 1) else {
            continue;
        };
        let d = Day::from_date(date);
        if d < start {
            continue;
        }
        let x = x_of(d);
        items.push(ChartItem::Line {
            from: [x, title_h + panel_title_h],
            to: [x, axis_y + 3.0],
            rgb: GRID,
            width: 1.0,
        });
        if year % label_every != 0 {
            continue;
        }
        items.push(ChartItem::Text {
            at: [x + 2.0, axis_y + 14.0],
            text: year.to_string(),
            size: 10.0,
            rgb: WEAK,
            anchor: Anchor::Start,
        });
    }
    if let Some(day) = marker.filter(|d| (start..=end).contains(d)) {
        let x = x_of(day);
        items.push(ChartItem::Line {
            from: [x, title_h],
            to: [x, axis_y],
            rgb: INK,
            width: 2.0,
        });
    }
    // Legend, wrapped onto more lines when narrow (the chart grows to hold them).
    let mut x = x0;
    let mut y = axis_y + axis_h + 14.0;
    for (g, group) in timeline.groups().iter().enumerate() {
        if !used_groups[g] {
            continue;
        }
        let item_w = 16.0 + text::width(&group.label, 11.0);
        if x > x0 && x + item_w > x1 {
            x = x0;
            y += 16.0;
        }
        items.push(ChartItem::Rect {
            min: [x, y - 10.0],
            max: [x + 12.0, y + 2.0],
            rgb: group.colour,
            band: None,
        });
        items.push(ChartItem::Text {
            at: [x + 16.0, y],
            text: group.label.clone(),
            size: 11.0,
            rgb: INK,
            anchor: Anchor::Start,
        });
        x += item_w + 18.0;
    }
    let size = [w, h.max(y + 8.0)];
    ChartLayout {
        size,
        items,
        plots,
        start,
        end,
    }
}

fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as an SVG document.
pub fn chart_svg(layout: &ChartLayout) -> String {
    let [w, h] = layout.size;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"DejaVu Sans, Verdana, sans-serif\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>\n",
        hex(BACKGROUND)
    );
    for item in &layout.items {
        match item {
            ChartItem::Rect { min, max, rgb, .. } => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                    min[0],
                    min[1],
                    max[0] - min[0],
                    max[1] - min[1],
                    hex(*rgb)
                );
            }
            ChartItem::Line {
                from,
                to,
                rgb,
                width,
            } => {
                let _ = writeln!(
                    out,
                    "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{width}\"/>",
                    from[0],
                    from[1],
                    to[0],
                    to[1],
                    hex(*rgb)
                );
            }
            ChartItem::Text {
                at,
                text,
                size,
                rgb,
                anchor,
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" fill=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                    at[0],
                    at[1],
                    hex(*rgb),
                    escape(text)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

fn paint(rgb: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(rgb[0], rgb[1], rgb[2], 255);
    paint.anti_alias = false;
    paint
}

/// The chart as RGBA pixels (not premultiplied), row by row.
///
/// # Errors
/// [`ExportError::BadSize`] when the size is zero or too large.
pub fn chart_rgba(layout: &ChartLayout) -> Result<(u32, u32, Vec<u8>), ExportError> {
    let (w, h) = (layout.size[0].round() as u32, layout.size[1].round() as u32);
    if w == 0 || h == 0 || w > super::MAX_SIDE || h > super::MAX_SIDE {
        return Err(ExportError::BadSize(w, h));
    }
    let mut pixmap = Pixmap::new(w, h).ok_or(ExportError::BadSize(w, h))?;
    pixmap.fill(tiny_skia::Color::from_rgba8(
        BACKGROUND[0],
        BACKGROUND[1],
        BACKGROUND[2],
        255,
    ));
    for item in &layout.items {
        match item {
            ChartItem::Rect { min, max, rgb, .. } => {
                if let Some(r) = Rect::from_ltrb(min[0], min[1], max[0], max[1]) {
                    pixmap.fill_rect(r, &paint(*rgb), Transform::identity(), None);
                }
            }
            ChartItem::Line {
                from,
                to,
                rgb,
                width,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from[0], from[1]);
                pb.line_to(to[0], to[1]);
                if let Some(path) = pb.finish() {
                    let stroke = Stroke {
                        width: *width,
                        ..Stroke::default()
                    };
                    let mut p = paint(*rgb);
                    p.anti_alias = true;
                    pixmap.stroke_path(&path, &p, &stroke, Transform::identity(), None);
                }
            }
            ChartItem::Text {
                at,
                text: t,
                size,
                rgb,
                anchor,
            } => {
                let x = match anchor {
                    Anchor::Start => at[0],
                    Anchor::Middle => at[0] - text::width(t, *size) / 2.0,
                    Anchor::End => at[0] - text::width(t, *size),
                };
                let width = i64::from(w);
                let height = i64::from(h);
                let pixels = pixmap.pixels_mut();
                text::rasterise(t, *size, [x, at[1]], |px, py, coverage| {
                    if px < 0 || py < 0 || px >= width || py >= height {
                        return;
                    }
                    let Some(dst) = usize::try_from(py * width + px)
                        .ok()
                        .and_then(|i| pixels.get_mut(i))
                    else {
                        return;
                    };
                    let a = coverage.clamp(0.0, 1.0);
                    let mix =
                        |s: u8, d: u8| (f32::from(s) * a + f32::from(d) * (1.0 - a)).round() as u8;
                    if let Some(c) = tiny_skia::PremultipliedColorU8::from_rgba(
                        mix(rgb[0], dst.red()),
                        mix(rgb[1], dst.green()),
                        mix(rgb[2], dst.blue()),
                        255,
                    ) {
                        *dst = c;
                    }
                });
            }
        }
    }
    Ok((w, h, pixmap.take_demultiplied()))
}

/// The chart as a PNG file's bytes.
///
/// # Errors
/// A bad size, or the encoder failing.
pub fn chart_png(layout: &ChartLayout) -> Result<Vec<u8>, ExportError> {
    let (w, h, rgba) = chart_rgba(layout)?;
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        writer
            .write_image_data(&rgba)
            .map_err(|e| ExportError::Encode(e.to_string()))?;
    }
    Ok(out)
}

/// The chart of one state (`Some(id)`) or of the five Sahel states (`None`), laid out for a
/// picture of `size` pixels with a title.
///
/// # Errors
/// An id the scenario does not know.
pub fn chart_for(
    timeline: &Timeline,
    country: Option<&str>,
    size: [f32; 2],
) -> Result<ChartLayout, ChartError> {
    let scenario = timeline.scenario();
    let (entities, title) = match country {
        Some(id) => {
            let e = timeline
                .entity_index(id)
                .ok_or_else(|| ChartError::UnknownEntity(id.to_owned()))?;
            if scenario.entities[e].kind != crate::model::EntityKind::State {
                return Err(ChartError::NotAState {
                    id: id.to_owned(),
                    name: scenario.entities[e].name.clone(),
                });
            }
            (
                vec![e],
                format!(
                    "{}: live ties per partner group, {}–{}",
                    scenario.entities[e].name,
                    timeline.start().to_date().year(),
                    timeline.end().to_date().year()
                ),
            )
        }
        None => (
            SAHEL_STATES
                .iter()
                .filter_map(|s| timeline.entity_index(s))
                .collect(),
            format!(
                "The Sahel states: live ties per partner group, {}–{}",
                timeline.start().to_date().year(),
                timeline.end().to_date().year()
            ),
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
    /// `--country` names an organisation: the chart is a state's alignment.
    #[error(
        "--country {id}: {name} is an organisation, not a state; the chart shows a state's \
         ties (give a state such as NER, or leave --country out for the five Sahel states)"
    )]
    NotAState {
        /// The id given.
        id: String,
        /// The organisation's name.
        name: String,
    },
    /// `--out` is neither .svg nor .png.
    #[error("cannot tell what to write to '{}': end --out with .png or .svg", .0.display())]
    UnknownFormat(PathBuf),
    /// The picture could not be drawn or written.
    #[error(transparent)]
    Export(#[from] super::ExportError),
}

/// `sahel-atlas chart`: what it was asked.
#[derive(clap::Args, Debug, Clone, PartialEq)]
pub struct ChartArgs {
    /// The state (`NER`); without it, the five Sahel states stacked.
    #[arg(long, value_name = "ID")]
    pub country: Option<String>,
    /// The picture: .svg or .png.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Width and height in pixels (default 1200x360, or 1200x1000 for the five states).
    #[arg(long, value_name = "WxH", allow_hyphen_values = true, value_parser = super::parse_size)]
    pub size: Option<[u32; 2]>,
}

/// Runs `chart` on `timeline`: writes the picture and says so.
///
/// # Errors
/// An unknown id or extension, a size out of range, a file that cannot be written.
pub fn run_chart(args: &ChartArgs, timeline: &Timeline) -> Result<String, ChartError> {
    let size = match args.size {
        Some(s) => s,
        None if args.country.is_some() => [1200, 360],
        None => [1200, 1000],
    };
    let format = super::Format::of_path(&args.out);
    if !matches!(format, Some(super::Format::Png | super::Format::Svg)) {
        return Err(ChartError::UnknownFormat(args.out.clone()));
    }
    super::RenderOptions {
        size,
        ..super::RenderOptions::at(timeline.start().to_date())
    }
    .check_size()?;
    let layout = chart_for(
        timeline,
        args.country.as_deref(),
        [size[0] as f32, size[1] as f32],
    )?;
    let bytes = if format == Some(super::Format::Svg) {
        chart_svg(&layout).into_bytes()
    } else {
        chart_png(&layout)?
    };
    crate::io::atomic::write_atomic(&args.out, &bytes).map_err(|source| {
        super::ExportError::Write {
            path: args.out.clone(),
            source,
        }
    })?;
    Ok(format!("wrote {}", args.out.display()))
}
