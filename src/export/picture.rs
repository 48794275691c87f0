//! The picture's layout, shared by the PNG and SVG backends: the map drawn as the app's widget
//! draws it (sea, countries, borders, links, labels, organisation nodes), then a title panel
//! with the date, a legend and a caption with the sources.
//!
//! Positions are output pixels, y down. Backends implement [`Canvas`]; everything they are
//! asked to draw is decided here.

use std::collections::HashSet;

use crate::map::display::{self, Anchor, Canvas, DisplayList, Highlights, Line, Paint, TextStyle};
use crate::map::legend_samples::{Sample, draw_sample};
use crate::map::scene::{Scene, SceneOptions, build_scene_with};
use crate::map::style::{self, Rgb};
use crate::map::text;
use crate::model::i18n::{current_lang, format_day_long, format_day_short, tr, tr_args, tr_static};
use crate::model::{ChangeKind, DatePrecision, Day, State, Status, format_date_with_precision};

use super::{MapData, RenderOptions};
use crate::model::EventIx;
use crate::model::RelIx;

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

/// The whole picture as one display list: the map as the app draws it, then the caption
/// with the sources, the title panel with the date and the legend.
pub fn frame(data: &MapData<'_>, options: &RenderOptions) -> DisplayList {
    let state = data.timeline.state_at_date(options.date);
    let scene = build_scene_with(
        data.layer,
        data.places,
        data.timeline,
        &state,
        &SceneOptions {
            hide_ended: options.hide_ended,
            filter: options.filter.clone(),
            compare: options
                .compare
                .map(|(a, b)| (Day::from_date(a.min(b)), Day::from_date(a.max(b)))),
        },
    );
    let size = options.size.map(|s| s as f32);
    let highlights = Highlights {
        focus: options
            .focus
            .as_deref()
            .and_then(|id| data.timeline.entity_index(id)),
        compare: options.compare.is_some(),
        ..Highlights::default()
    };
    let filters = crate::map::events::layer_filters(&options.events.layers, &options.events.filter);
    let marks = display::SceneRef {
        events: options.events.marks(Day::from_date(options.date), &filters),
        ..scene.as_ref()
    };
    let mut list = display::map_frame(data.layer, marks, options.camera(), size, &highlights);
    let mut items = std::mem::take(&mut list.items);
    {
        let mut canvas = display::Recorder(&mut items);
        let caption_top = draw_caption(&mut canvas, data, &scene, &state, &list, options);
        let title_bottom = draw_title(&mut canvas, data, &state, options);
        draw_legend(&mut canvas, size, options, title_bottom, caption_top);
    }
    list.items = items;
    list
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
    let lang = current_lang();
    let title = text::truncated(scenario.title_in(lang), 16.0, max_w).unwrap_or_default();
    let date = match options.compare {
        Some((a, b)) => tr_args(
            "picture-from-to",
            &[
                ("from", format_day_short(a.min(b), lang).into()),
                ("to", format_day_short(a.max(b), lang).into()),
            ],
        ),
        None => format_day_long(options.date, lang),
    };
    let latest = data
        .timeline
        .current_event_position(state.day)
        .and_then(|i| data.timeline.events_in_order().get(i))
        .and_then(|&e| scenario.event_at(e))
        .map(|e| {
            let when = format_date_with_precision(e.date, e.precision);
            let when = match e.precision {
                DatePrecision::Day => when,
                _ => tr_args("picture-approx", &[("date", when.into())]),
            };
            let title = e.i18n.or(lang, "title", &e.title);
            tr_args(
                "picture-latest",
                &[("date", when.into()), ("title", title.into())],
            )
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
        canvas.text(
            [x + PAD, top + h / 2.0],
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

/// One row of a picture's legend: a heading, or a sample and what it stands for.
#[derive(Clone, Copy)]
enum LegendRow {
    Heading(&'static str),
    Link(Line, &'static str),
    Compare(ChangeKind, &'static str),
    Troops,
    Organisation,
    Site,
    Fill(Rgb, &'static str),
}

impl LegendRow {
    /// The sample drawn beside the text (none beside a heading).
    fn sample(self) -> Option<Sample> {
        Some(match self {
            Self::Heading(_) => return None,
            Self::Link(line, _) => Sample::Link(line),
            Self::Compare(kind, _) => Sample::Compare(kind),
            Self::Troops => Sample::Troops(None),
            Self::Organisation => Sample::Organisation,
            Self::Site => Sample::Site,
            Self::Fill(rgb, _) => Sample::Fill(rgb),
        })
    }

    /// What the row says, in the thread's language (the rows hold catalogue keys; a status
    /// row holds its already translated name, which the catalogue passes through).
    fn text(self) -> &'static str {
        tr_static(match self {
            Self::Heading(t) | Self::Link(_, t) | Self::Compare(_, t) | Self::Fill(_, t) => t,
            Self::Troops => display::TROOPS_LEGEND_LABEL,
            Self::Organisation => "legend-organisation",
            Self::Site => display::SITE_LEGEND_LABEL,
        })
    }
}

/// The legend's rows: what changed (comparing), the statuses drawn (without "Ended" when
/// ended links are hidden, nor a status filtered out), unconfirmed, width, organisations,
/// sites, then the country fills.
fn legend_rows(options: &RenderOptions) -> Vec<LegendRow> {
    let mut rows = Vec::new();
    if options.compare.is_some() {
        rows.push(LegendRow::Heading("legend-what-changed"));
        rows.extend(
            display::COMPARE_LEGEND
                .iter()
                .map(|&(label, kind)| LegendRow::Compare(kind, label)),
        );
    }
    rows.push(LegendRow::Heading("legend-links"));
    rows.extend(
        Status::ALL
            .into_iter()
            .filter(|&s| !(options.hide_ended && s == Status::Ended))
            .filter(|s| !options.filter.hidden_statuses.contains(s))
            .map(|s| LegendRow::Link(Line::of_link(s), s.label())),
    );
    rows.push(LegendRow::Link(
        Line::unconfirmed(Status::Active),
        Line::UNCONFIRMED_LABEL,
    ));
    rows.extend([LegendRow::Troops, LegendRow::Organisation, LegendRow::Site]);
    rows.push(LegendRow::Heading("legend-countries"));
    rows.extend(
        display::LEGEND_FILLS
            .iter()
            .map(|&(rgb, label)| LegendRow::Fill(rgb, label)),
    );
    rows
}

/// The legend, bottom left above the caption, if it fits below the title panel.
pub(crate) fn draw_legend(
    canvas: &mut impl Canvas,
    size: [f32; 2],
    options: &RenderOptions,
    top_limit: f32,
    bottom_limit: f32,
) -> Option<f32> {
    const ROW: f32 = 19.0;
    const SIZE: f32 = 12.0;
    const SAMPLE: f32 = 36.0;
    let rows = legend_rows(options);
    let height = rows.len() as f32 * ROW + 2.0 * PAD;
    // Compare mode's labels count even when not comparing, so the legend keeps its width.
    let widest = rows
        .iter()
        .filter(|r| !matches!(r, LegendRow::Heading(_)))
        .map(|r| r.text())
        .chain(display::COMPARE_LEGEND.iter().map(|c| tr_static(c.0)))
        .map(|t| text::width(t, SIZE))
        .fold(0.0, f32::max);
    let width = SAMPLE + 10.0 + widest + 2.0 * PAD;
    let x = MARGIN;
    let y = bottom_limit - MARGIN - height;
    if y < top_limit + MARGIN || x + width > size[0] - MARGIN {
        return None;
    }
    canvas.begin_group("legend");
    canvas.rect(
        [x, y],
        [x + width, y + height],
        Some(PANEL),
        Some(&Line::solid(style::BORDER, 0.8)),
    );
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
    let (left, right, text_x) = (x + PAD, x + PAD + SAMPLE, x + PAD + SAMPLE + 10.0);
    for (k, row) in rows.iter().enumerate() {
        let top = y + PAD + k as f32 * ROW;
        let baseline = top + ROW / 2.0;
        let Some(sample) = row.sample() else {
            canvas.text([left, baseline], row.text(), &heading);
            continue;
        };
        // Fills are inset in their row; lines and marks use all of it.
        let (min, max) = match sample {
            Sample::Fill(_) => ([left + 6.0, top + 3.0], [right - 6.0, top + ROW - 3.0]),
            _ => ([left, top], [right, top + ROW]),
        };
        draw_sample(canvas, sample, min, max);
        canvas.text([text_x, baseline], row.text(), &item);
    }
    canvas.end_group();
    Some(y)
}

/// The caption along the bottom: the sources of what is shown. Returns its top edge.
fn draw_caption(
    canvas: &mut impl Canvas,
    data: &MapData<'_>,
    scene: &Scene,
    state: &State,
    view: &DisplayList,
    options: &RenderOptions,
) -> f32 {
    let [w, h] = view.size;
    let drawn: Vec<RelIx> = scene
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
    let mut lines = if items.is_empty() {
        vec![tr("picture-no-source")]
    } else {
        fit_lines(&tr("picture-sources"), &items, max_lines, &|t: &str| {
            text::width(t, CAPTION_SIZE) <= max_w
        })
    };
    let group_label = |id: &str| {
        data.timeline
            .groups()
            .iter()
            .find(|g| g.id == id)
            .map_or_else(|| id.to_owned(), |g| g.label.clone())
    };
    if let Some(filtered) = options.filter.describe(&group_label)
        && let Some(line) = text::truncated(&filtered, CAPTION_SIZE, max_w)
    {
        lines.insert(0, line);
    }
    if let Some(events) =
        crate::map::events::caption(&options.events, options.date, view.camera.scale)
        && let Some(line) = text::truncated(&events, CAPTION_SIZE, max_w)
    {
        lines.insert(0, line);
    }
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
    for (i, line) in lines.iter().enumerate() {
        let line_top = top + PAD / 2.0 + i as f32 * CAPTION_LINE;
        canvas.text([PAD, line_top + CAPTION_LINE / 2.0], line, &style);
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
    links: &[RelIx],
) -> Vec<&'a str> {
    let scenario = timeline.scenario();
    let latest = timeline
        .current_event_position(state.day)
        .and_then(|i| timeline.events_in_order().get(i).copied());
    let mut events: Vec<EventIx> = links.iter().filter_map(|&r| state.link(r)?.event).collect();
    events.sort_by_key(|&e| std::cmp::Reverse(scenario.event_at(e).map(|e| e.date)));
    let mut seen = HashSet::new();
    latest
        .into_iter()
        .chain(events)
        .filter_map(|e| scenario.event_at(e))
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
            format!(
                "{CAPTION_SEP}{}",
                tr_args("picture-and-more", &[("count", rest.into())])
            )
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
        line.push_str(&tr_args("picture-and-more", &[("count", hidden.into())]));
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
