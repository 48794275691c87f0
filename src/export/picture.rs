//! The picture's layout, shared by the PNG and SVG backends: the map drawn as the app's widget
//! draws it (sea, countries, borders, links, labels, organisation nodes), then a title panel
//! with the date, a legend and a caption with the sources.
//!
//! Positions are output pixels, y down. Backends implement [`Canvas`]; everything they are
//! asked to draw is decided here.

use std::collections::HashSet;

use crate::map::scene::{Scene, build_scene};
use crate::map::style::{self, LinkStyle, Rgb};
use crate::map::{MapCamera, world_from_lon_lat};
use crate::model::{DatePrecision, State, Status, format_date_with_precision};

use super::text;
use super::{MapData, RenderOptions};

/// A colour with an opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Paint {
    pub rgb: Rgb,
    pub alpha: f32,
}

impl Paint {
    pub const fn solid(rgb: Rgb) -> Self {
        Self { rgb, alpha: 1.0 }
    }
}

/// How a line is stroked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Line {
    pub paint: Paint,
    pub width: f32,
    /// Dash and gap lengths; `None` for solid.
    pub dash: Option<(f32, f32)>,
}

impl Line {
    pub const fn solid(rgb: Rgb, width: f32) -> Self {
        Self {
            paint: Paint::solid(rgb),
            width,
            dash: None,
        }
    }

    /// A link's line, as the app draws it.
    pub fn of_link(status: Status) -> Self {
        let s = LinkStyle::of(status);
        Self {
            paint: Paint {
                rgb: s.rgb,
                alpha: s.alpha,
            },
            width: s.width,
            dash: s.dash,
        }
    }
}

/// Where a text's `at` point sits horizontally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
}

/// How a text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TextStyle {
    /// Em size, pixels.
    pub size: f32,
    pub paint: Paint,
    pub anchor: Anchor,
    /// A light halo so it reads over any fill (labels on the map).
    pub halo: bool,
}

/// What a shape stands for, for SVG readers (ignored in PNG).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Meta<'a> {
    pub class: &'a str,
    pub key: &'a str,
    pub title: &'a str,
}

/// A drawing surface: PNG pixels or SVG elements.
pub(crate) trait Canvas {
    /// Starts a named group (an SVG `<g id>`).
    fn begin_group(&mut self, id: &str);
    /// Ends the group begun last.
    fn end_group(&mut self);
    /// Closed rings, filled with the even-odd rule and/or outlined.
    fn rings(
        &mut self,
        rings: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        meta: Option<Meta<'_>>,
    );
    /// An open polyline.
    fn polyline(&mut self, points: &[[f32; 2]], line: &Line, meta: Option<Meta<'_>>);
    /// A circle.
    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line);
    /// An axis-aligned rectangle.
    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>);
    /// Text whose baseline passes through `at`.
    fn text(&mut self, at: [f32; 2], text: &str, style: &TextStyle);
}

/// Rings closer than this to the previous kept point (pixels) are skipped.
const MIN_STEP: f32 = 0.5;
/// Panels' background.
const PANEL: Paint = Paint {
    rgb: [0xFF, 0xFF, 0xFF],
    alpha: 0.88,
};
const MARGIN: f32 = 16.0;
const PAD: f32 = 12.0;
const CAPTION_SIZE: f32 = 11.0;
const CAPTION_LINE: f32 = 15.0;
const CAPTION_SEP: &str = "  ·  ";

/// Draws the whole picture onto `canvas`.
pub(crate) fn draw(canvas: &mut impl Canvas, data: &MapData<'_>, options: &RenderOptions) {
    let state = data.timeline.state_at_date(options.date);
    let scene = build_scene(
        data.layer,
        data.places,
        data.timeline,
        &state,
        options.hide_ended,
    );
    let view = View::new(options);
    draw_map(canvas, data, &scene, &view);
    let caption_top = draw_caption(canvas, data, &scene, &state, &view);
    let title_bottom = draw_title(canvas, data, &state, options);
    draw_legend(canvas, &view, options.hide_ended, title_bottom, caption_top);
}

/// The camera and the picture's size, with the transform from world to pixels.
struct View {
    camera: MapCamera,
    size: [f32; 2],
    center: [f64; 2],
}

impl View {
    fn new(options: &RenderOptions) -> Self {
        let [w, h] = options.size.map(|s| s as f32);
        Self {
            camera: options.camera(),
            size: [w, h],
            center: [f64::from(w) / 2.0, f64::from(h) / 2.0],
        }
    }

    fn pixel_from_world(&self, world: [f64; 2]) -> [f32; 2] {
        let s = self.camera.screen_from_world(world, self.center);
        [s[0] as f32, s[1] as f32]
    }

    fn contains(&self, p: [f32; 2], margin: f32) -> bool {
        p[0] >= -margin
            && p[1] >= -margin
            && p[0] <= self.size[0] + margin
            && p[1] <= self.size[1] + margin
    }

    /// The world rectangle on the picture: min and max corners.
    fn world_bounds(&self) -> ([f64; 2], [f64; 2]) {
        let [w, h] = self.size.map(f64::from);
        let min = self.camera.world_from_screen([0.0, h], self.center);
        let max = self.camera.world_from_screen([w, 0.0], self.center);
        (min, max)
    }

    /// A ring in pixels, skipping points closer than [`MIN_STEP`] to the last kept one and
    /// the closing repeat; `None` when fewer than 3 points are left or it is out of view.
    fn ring(&self, ring: &[[f32; 2]]) -> Option<Vec<[f32; 2]>> {
        let mut out: Vec<[f32; 2]> = Vec::with_capacity(ring.len().min(1024));
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for v in ring {
            let p = self.pixel_from_world([f64::from(v[0]), f64::from(v[1])]);
            let keep = out.last().is_none_or(|q| {
                let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                dx * dx + dy * dy >= MIN_STEP * MIN_STEP
            });
            if keep {
                for k in 0..2 {
                    lo[k] = lo[k].min(p[k]);
                    hi[k] = hi[k].max(p[k]);
                }
                out.push(p);
            }
        }
        if out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        let visible =
            hi[0] >= 0.0 && hi[1] >= 0.0 && lo[0] <= self.size[0] && lo[1] <= self.size[1];
        (out.len() >= 3 && visible).then_some(out)
    }
}

/// Border width: thinner when the whole world is shown (as the app).
fn border_width(scale: f64) -> f32 {
    if scale < 400.0 { 0.5 } else { 0.8 }
}

/// The outline of the Equal Earth world, world coordinates (as the app draws it).
fn world_outline() -> Vec<[f64; 2]> {
    let east = (0..=36).map(|i| world_from_lon_lat(180.0, -90.0 + 5.0 * f64::from(i)));
    let west = (0..=36).map(|i| world_from_lon_lat(-180.0, 90.0 - 5.0 * f64::from(i)));
    east.chain(west).collect()
}

/// The map itself, as the app's widget draws it.
fn draw_map(canvas: &mut impl Canvas, data: &MapData<'_>, scene: &Scene, view: &View) {
    let [w, h] = view.size;
    canvas.rect([0.0, 0.0], [w, h], Some(Paint::solid(style::SPACE)), None);
    let outline: Vec<[f32; 2]> = world_outline()
        .into_iter()
        .map(|p| view.pixel_from_world(p))
        .collect();
    let sea_edge = Line {
        paint: Paint {
            rgb: style::BORDER,
            alpha: 0.6,
        },
        width: 1.0,
        dash: None,
    };
    canvas.rings(
        &[outline],
        Some(Paint::solid(style::SEA)),
        Some(&sea_edge),
        None,
    );

    // Countries in view: fills, then all borders on top (as the app's mesh, then outlines).
    let (min, max) = view.world_bounds();
    let layer = data.layer;
    let mut all_rings = Vec::new();
    canvas.begin_group("countries");
    for c in layer.countries_in(min, max) {
        let (Some(mesh), Some(country)) = (layer.meshes.get(c), layer.countries().get(c)) else {
            continue;
        };
        let rings: Vec<Vec<[f32; 2]>> = mesh.rings().filter_map(|r| view.ring(r)).collect();
        if rings.is_empty() {
            continue;
        }
        let fill = scene.fills.get(c).copied().unwrap_or(style::LAND);
        canvas.rings(
            &rings,
            Some(Paint::solid(fill)),
            None,
            Some(Meta {
                class: "country",
                key: &country.key,
                title: &country.name,
            }),
        );
        all_rings.extend(rings);
    }
    canvas.end_group();
    canvas.begin_group("borders");
    let border = Line::solid(style::BORDER, border_width(view.camera.scale));
    canvas.rings(&all_rings, None, Some(&border), None);
    canvas.end_group();

    // Links, ended ones first so live ones sit on top.
    let scenario = data.timeline.scenario();
    canvas.begin_group("links");
    for link in &scene.links {
        let points: Vec<[f32; 2]> = link
            .points_world
            .iter()
            .map(|&p| view.pixel_from_world(p))
            .collect();
        let rel = scenario.relationships.get(link.relationship);
        canvas.polyline(
            &points,
            &Line::of_link(link.status),
            rel.map(|r| Meta {
                class: link.status.as_str(),
                key: &r.id,
                title: &r.label,
            }),
        );
    }
    canvas.end_group();

    // Labels of Sahel and partner countries.
    canvas.begin_group("labels");
    let label = TextStyle {
        size: 12.5,
        paint: Paint::solid(style::LABEL),
        anchor: Anchor::Middle,
        halo: true,
    };
    for (c, name) in &scene.labels {
        if let Some(&w) = layer.labels_world.get(*c) {
            let p = view.pixel_from_world(w);
            if view.contains(p, 0.0) {
                canvas.text(centred_baseline(p, label.size), name, &label);
            }
        }
    }
    canvas.end_group();

    // Organisation nodes.
    canvas.begin_group("organisations");
    let node_label = TextStyle {
        size: 11.5,
        paint: Paint::solid(style::INK),
        anchor: Anchor::Middle,
        halo: true,
    };
    for node in &scene.nodes {
        let p = view.pixel_from_world(node.world);
        if !view.contains(p, 40.0) {
            continue;
        }
        node_symbol(canvas, p);
        canvas.text(
            centred_baseline([p[0], p[1] - 14.0], node_label.size),
            &node.label,
            &node_label,
        );
    }
    canvas.end_group();
}

/// An organisation's node: a white disc with an ink outline.
fn node_symbol(canvas: &mut impl Canvas, p: [f32; 2]) {
    canvas.circle(
        p,
        6.0,
        Paint::solid([0xFF, 0xFF, 0xFF]),
        &Line::solid(style::INK, 2.0),
    );
}

/// The baseline point that centres a line of text of `size` vertically on `p`.
fn centred_baseline(p: [f32; 2], size: f32) -> [f32; 2] {
    let (ascent, descent) = text::ascent_descent(size);
    [p[0], p[1] + (ascent + descent) / 2.0]
}

/// The size of an animation frame's headline (see [`RenderOptions::headline`]).
pub(crate) const HEADLINE_SIZE: f32 = 18.0;

/// The widest a line of the title panel may be in a picture `width` pixels wide.
pub(crate) fn title_max_width(width: u32) -> f32 {
    (width as f32 - 2.0 * (MARGIN + PAD)).clamp(60.0, 560.0)
}

/// Title, date and latest event (or the headline), top left. Returns the panel's bottom edge.
fn draw_title(
    canvas: &mut impl Canvas,
    data: &MapData<'_>,
    state: &State,
    options: &RenderOptions,
) -> f32 {
    let scenario = data.timeline.scenario();
    let max_w = title_max_width(options.size[0]);
    let title = text::truncated(&scenario.title, 16.0, max_w).unwrap_or_default();
    let date = options.date.strftime("%-d %B %Y").to_string();
    let latest = data
        .timeline
        .current_event_position(state.day)
        .and_then(|i| data.timeline.events_in_order().get(i))
        .and_then(|&e| scenario.events.get(e))
        .map(|e| {
            let when = format_date_with_precision(e.date, e.precision);
            let when = match e.precision {
                DatePrecision::Day => when,
                _ => format!("{when} (approx.)"),
            };
            format!("Latest event: {when} — {}", e.title)
        });
    let latest = latest.and_then(|l| text::truncated(&l, 12.0, max_w));
    // An animation's held frame: the event titles, large, in place of the latest event. An
    // empty headline (the other frames of a clip with holds) keeps the latest event but the
    // headline's room, so that the panel and the legend do not jump from frame to frame.
    let latest = match options.headline.as_deref() {
        Some(h) if !h.is_empty() => {
            text::truncated(h, HEADLINE_SIZE, max_w).map(|h| (h, HEADLINE_SIZE, style::INK))
        }
        _ => latest.map(|l| (l, 12.0, style::LABEL)),
    };
    let row = |size: f32| {
        if size == 12.0 && options.headline.is_some() {
            HEADLINE_SIZE * 1.3
        } else {
            size * 1.3
        }
    };
    let lines: Vec<(String, f32, Rgb)> = [
        Some((title, 16.0, style::LABEL)),
        Some((date, 34.0, style::INK)),
        latest,
    ]
    .into_iter()
    .flatten()
    .filter(|(t, _, _)| !t.is_empty())
    .collect();
    let width = lines
        .iter()
        .map(|(t, size, _)| text::width(t, *size))
        .fold(0.0, f32::max);
    let heights: Vec<f32> = lines.iter().map(|(_, size, _)| row(*size)).collect();
    let height: f32 = heights.iter().sum();
    let (x, y) = (MARGIN, MARGIN);
    canvas.begin_group("title");
    canvas.rect(
        [x, y],
        [x + width + 2.0 * PAD, y + height + 2.0 * PAD],
        Some(PANEL),
        Some(&Line::solid(style::BORDER, 0.8)),
    );
    let mut top = y + PAD;
    for ((t, size, rgb), h) in lines.iter().zip(&heights) {
        let (ascent, descent) = text::ascent_descent(*size);
        let baseline = top + (h + ascent + descent) / 2.0;
        canvas.text(
            [x + PAD, baseline],
            t,
            &TextStyle {
                size: *size,
                paint: Paint::solid(*rgb),
                anchor: Anchor::Start,
                halo: false,
            },
        );
        top += h;
    }
    canvas.end_group();
    y + height + 2.0 * PAD
}

/// The legend, bottom left above the caption, if it fits below the title panel. Without
/// "Ended" when ended links are hidden.
fn draw_legend(
    canvas: &mut impl Canvas,
    view: &View,
    hide_ended: bool,
    top_limit: f32,
    bottom_limit: f32,
) {
    const ROW: f32 = 19.0;
    const SIZE: f32 = 12.0;
    const SAMPLE: f32 = 36.0;
    let fills: [(Rgb, &str); 5] = [
        (style::SAHEL, "Sahel state"),
        (style::SAHEL_MILITARY, "Sahel state under military rule"),
        (style::PARTNER, "Partner with a live tie"),
        (style::FORMER_PARTNER, "Former partner"),
        (style::LAND, "Other country"),
    ];
    let statuses: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|&s| !(hide_ended && s == Status::Ended))
        .collect();
    let row_count = 2 + statuses.len() + 1 + fills.len();
    let height = row_count as f32 * ROW + 2.0 * PAD;
    let widest = statuses
        .iter()
        .map(|s| s.label())
        .chain(["Organisation"])
        .chain(fills.iter().map(|f| f.1))
        .map(|t| text::width(t, SIZE))
        .fold(0.0, f32::max);
    let width = SAMPLE + 10.0 + widest + 2.0 * PAD;
    let x = MARGIN;
    let y = bottom_limit - MARGIN - height;
    if y < top_limit + MARGIN || x + width > view.size[0] - MARGIN {
        return;
    }
    canvas.begin_group("legend");
    canvas.rect(
        [x, y],
        [x + width, y + height],
        Some(PANEL),
        Some(&Line::solid(style::BORDER, 0.8)),
    );
    let (ascent, descent) = text::ascent_descent(SIZE);
    let mut row_top = y + PAD;
    let mut row = |canvas: &mut dyn FnMut(f32, f32)| {
        canvas(row_top, row_top + (ROW + ascent + descent) / 2.0);
        row_top += ROW;
    };
    let heading = TextStyle {
        size: SIZE,
        paint: Paint::solid(style::INK),
        anchor: Anchor::Start,
        halo: false,
    };
    let item = TextStyle {
        paint: Paint::solid(style::LABEL),
        ..heading
    };
    let text_x = x + PAD + SAMPLE + 10.0;
    row(&mut |_, baseline| canvas.text([x + PAD, baseline], "Links", &heading));
    for &status in &statuses {
        row(&mut |top, baseline| {
            let mid = top + ROW / 2.0;
            canvas.polyline(
                &[[x + PAD, mid], [x + PAD + SAMPLE, mid]],
                &Line::of_link(status),
                None,
            );
            canvas.text([text_x, baseline], status.label(), &item);
        });
    }
    row(&mut |top, baseline| {
        node_symbol(canvas, [x + PAD + SAMPLE / 2.0, top + ROW / 2.0]);
        canvas.text([text_x, baseline], "Organisation", &item);
    });
    row(&mut |_, baseline| canvas.text([x + PAD, baseline], "Countries", &heading));
    for (rgb, label) in fills {
        row(&mut |top, baseline| {
            canvas.rect(
                [x + PAD + 6.0, top + 3.0],
                [x + PAD + SAMPLE - 6.0, top + ROW - 3.0],
                Some(Paint::solid(rgb)),
                Some(&Line::solid(style::BORDER, 0.8)),
            );
            canvas.text([text_x, baseline], label, &item);
        });
    }
    canvas.end_group();
}

/// The caption along the bottom: the sources of what is shown. Returns its top edge.
fn draw_caption(
    canvas: &mut impl Canvas,
    data: &MapData<'_>,
    scene: &Scene,
    state: &State,
    view: &View,
) -> f32 {
    let [w, h] = view.size;
    let drawn: Vec<usize> = scene
        .links
        .iter()
        .filter(|l| {
            l.points_world
                .iter()
                .any(|&p| view.contains(view.pixel_from_world(p), 0.0))
        })
        .map(|l| l.relationship)
        .collect();
    let sources = caption_sources(data.timeline, state, &drawn);
    let items: Vec<String> = sources.iter().map(|s| short_source(s)).collect();
    let max_lines = (((h * 0.12) / CAPTION_LINE).floor() as usize).clamp(1, 4);
    let max_w = w - 2.0 * PAD;
    let lines = if items.is_empty() {
        vec!["No sourced event on or before this date.".to_owned()]
    } else {
        fit_lines(
            "Sources of the events shown: ",
            &items,
            max_lines,
            &|t: &str| text::width(t, CAPTION_SIZE) <= max_w,
        )
    };
    let height = lines.len() as f32 * CAPTION_LINE + PAD;
    let top = h - height;
    canvas.begin_group("caption");
    canvas.rect([0.0, top], [w, h], Some(PANEL), None);
    let style = TextStyle {
        size: CAPTION_SIZE,
        paint: Paint::solid(style::LABEL),
        anchor: Anchor::Start,
        halo: false,
    };
    let (ascent, descent) = text::ascent_descent(CAPTION_SIZE);
    for (i, line) in lines.iter().enumerate() {
        let line_top = top + PAD / 2.0 + i as f32 * CAPTION_LINE;
        let baseline = line_top + (CAPTION_LINE + ascent + descent) / 2.0;
        canvas.text([PAD, baseline], line, &style);
    }
    canvas.end_group();
    top
}

/// The sources of what a picture shows, deduplicated, most relevant first: those of the
/// latest event on or before the state's date, then those of the events that set the
/// current status of each of `links` (relationship indices), most recent first.
pub fn caption_sources<'a>(
    timeline: &'a crate::model::Timeline,
    state: &State,
    links: &[usize],
) -> Vec<&'a str> {
    let scenario = timeline.scenario();
    let latest = timeline
        .current_event_position(state.day)
        .and_then(|i| timeline.events_in_order().get(i).copied());
    let mut events: Vec<usize> = links.iter().filter_map(|&r| state.link(r)?.event).collect();
    events.sort_by_key(|&e| std::cmp::Reverse(scenario.events.get(e).map(|e| e.date)));
    let mut seen = HashSet::new();
    latest
        .into_iter()
        .chain(events)
        .filter_map(|e| scenario.events.get(e))
        .flat_map(|e| e.sources.iter().map(String::as_str))
        .filter(|s| seen.insert(*s))
        .collect()
}

/// A source as the caption shows it: without `https://` and `www.`.
fn short_source(source: &str) -> String {
    let s = source.trim();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    s.strip_prefix("www.").unwrap_or(s).to_owned()
}

/// Sets `items` after `prefix` in at most `max_lines` lines that each satisfy `fits`,
/// separated by [`CAPTION_SEP`]; an item too long for a line on its own is cut with an
/// ellipsis. When not all fit, the last line ends with "and N more".
fn fit_lines(
    prefix: &str,
    items: &[String],
    max_lines: usize,
    fits: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut lines = vec![prefix.to_owned()];
    let mut fresh = true;
    let mut shown = 0;
    while shown < items.len() {
        let item = &items[shown];
        let rest = items.len() - shown - 1;
        let on_last = lines.len() >= max_lines;
        let Some(line) = lines.last_mut() else { break };
        let head = if fresh {
            line.clone()
        } else {
            format!("{line}{CAPTION_SEP}")
        };
        let tail = if on_last && rest > 0 {
            format!("{CAPTION_SEP}and {rest} more")
        } else {
            String::new()
        };
        if fits(&format!("{head}{item}{tail}")) {
            *line = format!("{head}{item}");
            fresh = false;
            shown += 1;
            continue;
        }
        if !fresh && !on_last {
            lines.push(String::new());
            fresh = true;
            continue;
        }
        if fresh && let Some(cut) = text::cut_to_fit(item, &|t| fits(&format!("{head}{t}{tail}"))) {
            *line = format!("{head}{cut}");
            fresh = false;
            shown += 1;
            continue;
        }
        break;
    }
    let hidden = items.len() - shown;
    if hidden > 0
        && let Some(line) = lines.last_mut()
    {
        if !fresh {
            line.push_str(CAPTION_SEP);
        }
        line.push_str(&format!("and {hidden} more"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("source-{i}")).collect()
    }

    #[test]
    fn everything_fits_on_one_line_when_short() {
        let lines = fit_lines("S: ", &items(3), 2, &|t| t.chars().count() <= 80);
        assert_eq!(lines, ["S: source-0  ·  source-1  ·  source-2"]);
    }

    #[test]
    fn too_many_sources_end_with_and_n_more() {
        let lines = fit_lines("S: ", &items(40), 2, &|t| t.chars().count() <= 40);
        assert_eq!(lines.len(), 2);
        let last = lines.last().cloned().unwrap_or_default();
        let shown: usize = lines.iter().map(|l| l.matches("source-").count()).sum();
        assert!(
            last.ends_with(&format!("and {} more", 40 - shown)),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:?}");
    }

    #[test]
    fn a_long_source_is_cut() {
        let long = vec!["x".repeat(100)];
        let lines = fit_lines("S: ", &long, 1, &|t| t.chars().count() <= 30);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with('…') && lines[0].chars().count() <= 30);
    }

    #[test]
    fn sources_are_shortened() {
        assert_eq!(short_source("https://www.example.org/a"), "example.org/a");
        assert_eq!(short_source("http://x.org"), "x.org");
    }
}
