//! Conflict events on the map: each layer's events projected once, hexagon grids cached per
//! zoom level, and what a frame draws of them ([`event_items`]): points coloured by type and
//! sized by fatalities, fading with age, or at low zoom hexagons holding a count or a sum of
//! fatalities. Picking ([`pick_events`]) finds the events at a point or in a hexagon, from
//! the same grid the frame drew.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use super::display::{DisplayList, Item, Line, Paint};
use super::projection::world_from_lon_lat;
use super::style::Rgb;
use crate::model::i18n::{current_lang, format_day_short, tr, tr_args};
use crate::model::{Day, EventFilter, EventLayer, EventWindow, LayerFilter};

/// Below this zoom (pixels per world unit; the Sahel view is about 1,000) events are drawn
/// as hexagons; above it, as points.
pub const HEXAGONS_BELOW_SCALE: f64 = 2_500.0;

/// A hexagon's radius on screen at the zoom its grid was made for, pixels (up to twice that
/// between two levels).
pub const HEX_RADIUS_PX: f64 = 9.0;

/// Zoom levels with a grid: level `n` is a scale from 2ⁿ to 2ⁿ⁺¹ pixels per world unit.
const LEVELS: usize = 24;

/// How hexagons are valued.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Aggregate {
    /// Events in the window.
    #[default]
    Count,
    /// Fatalities in the window.
    Fatalities,
}

/// A hexagon grid at one zoom level: the cell of each event, and each cell's centre.
#[derive(Debug)]
pub struct HexGrid {
    /// Circumradius, world units.
    pub radius: f64,
    /// The cell of each event (index into `centers`).
    pub cell_of: Vec<u32>,
    /// Each cell's centre, world units.
    pub centers: Vec<[f64; 2]>,
    cells: HashMap<(i32, i32), u32>,
    /// The events of each cell, ascending: `members[starts[c]..starts[c + 1]]`.
    members: Vec<u32>,
    starts: Vec<u32>,
}

/// The axial coordinates of the pointy-top hexagon of circumradius `r` holding `p`.
fn hex_of(p: [f64; 2], r: f64) -> (i32, i32) {
    let q = (3f64.sqrt() / 3.0 * p[0] - p[1] / 3.0) / r;
    let s = 2.0 / 3.0 * p[1] / r;
    let (x, z) = (q, s);
    let y = -x - z;
    let (mut rx, ry, mut rz) = (x.round(), y.round(), z.round());
    let (dx, dy, dz) = ((rx - x).abs(), (ry - y).abs(), (rz - z).abs());
    if dx > dy && dx > dz {
        rx = -ry - rz;
    } else if dy <= dz {
        rz = -rx - ry;
    }
    (rx as i32, rz as i32)
}

fn hex_center(cell: (i32, i32), r: f64) -> [f64; 2] {
    let (q, s) = (f64::from(cell.0), f64::from(cell.1));
    [r * 3f64.sqrt() * (q + s / 2.0), r * 1.5 * s]
}

/// The corners of the hexagon of circumradius `r` (pixels) about `c`.
pub fn hexagon(c: [f32; 2], r: f32) -> Vec<[f32; 2]> {
    (0..6)
        .map(|k| {
            let a = std::f32::consts::FRAC_PI_3 * k as f32 + std::f32::consts::FRAC_PI_6;
            [c[0] + r * a.cos(), c[1] + r * a.sin()]
        })
        .collect()
}

impl HexGrid {
    fn new(world: &[[f32; 2]], radius: f64) -> Self {
        let mut cells = HashMap::new();
        let mut centers = Vec::new();
        let cell_of = world
            .iter()
            .map(|p| {
                let key = hex_of([f64::from(p[0]), f64::from(p[1])], radius);
                *cells.entry(key).or_insert_with(|| {
                    centers.push(hex_center(key, radius));
                    u32::try_from(centers.len() - 1).unwrap_or(u32::MAX)
                })
            })
            .collect::<Vec<u32>>();
        // A counting sort of the events by cell, keeping date order within each cell.
        let mut starts = vec![0u32; centers.len() + 1];
        for &c in &cell_of {
            starts[c as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut members = vec![0u32; cell_of.len()];
        for (i, &c) in cell_of.iter().enumerate() {
            let slot = &mut next[c as usize];
            members[*slot as usize] = u32::try_from(i).unwrap_or(u32::MAX);
            *slot += 1;
        }
        Self {
            radius,
            cell_of,
            centers,
            cells,
            members,
            starts,
        }
    }

    /// The events of `cell` whose index is in `range`, ascending.
    pub fn events_in(&self, cell: u32, range: Range<usize>) -> &[u32] {
        let c = cell as usize;
        let (Some(&a), Some(&b)) = (self.starts.get(c), self.starts.get(c + 1)) else {
            return &[];
        };
        let all = self.members.get(a as usize..b as usize).unwrap_or_default();
        let from = all.partition_point(|&i| (i as usize) < range.start);
        let to = all.partition_point(|&i| (i as usize) < range.end);
        &all[from..to.max(from)]
    }

    /// The cell holding a world point, if any event is in it.
    pub fn cell_at(&self, world: [f64; 2]) -> Option<u32> {
        self.cells.get(&hex_of(world, self.radius)).copied()
    }

    /// The cells with events within three steps of the one holding a world point (37 cells,
    /// covering every point within two radii of it).
    pub fn cells_around(&self, world: [f64; 2]) -> impl Iterator<Item = u32> + '_ {
        let (q, r) = hex_of(world, self.radius);
        (-3..=3_i32)
            .flat_map(|dq| (-3..=3_i32).map(move |dr| (dq, dr)))
            .filter(|(dq, dr)| (dq + dr).abs() <= 3)
            .filter_map(move |(dq, dr)| self.cells.get(&(q + dq, r + dr)).copied())
    }
}

/// An event layer ready for the map, and the first rows it left out.
#[derive(Debug)]
pub struct LoadedEvents {
    /// The layer, projected.
    pub map: std::sync::Arc<EventMap>,
    /// Where and why rows were left out (the first of them).
    pub problems: Vec<crate::io::Diagnostic>,
}

/// An event layer ready for the map: the events, their world positions, the hexagon
/// grids made so far, and the last window's totals per hexagon.
#[derive(Debug)]
pub struct EventMap {
    /// The events.
    pub layer: EventLayer,
    /// Each event's world position.
    pub world: Vec<[f32; 2]>,
    /// Rows of the file left out.
    pub skipped: usize,
    grids: [OnceLock<HexGrid>; LEVELS],
    sums: Mutex<Option<WindowSums>>,
    totals: Mutex<Option<WindowTotals>>,
}

/// Events and fatalities shown in the last window asked for, kept between frames like
/// [`WindowSums`], for the legend's line of totals.
#[derive(Debug)]
struct WindowTotals {
    filter: u64,
    range: Range<usize>,
    events: usize,
    fatalities: u64,
}

/// Events and fatalities per hexagon of one grid for a range of events under a filter: kept
/// between frames, so that moving the window by a day adds the events that came in and
/// takes away those that left, instead of counting the window again.
#[derive(Debug)]
struct WindowSums {
    level: usize,
    filter: u64,
    range: Range<usize>,
    events: Vec<u32>,
    fatalities: Vec<u64>,
}

impl EventMap {
    /// Projects the events of `layer`.
    pub fn new(layer: EventLayer, skipped: usize) -> Self {
        let world = layer
            .lon
            .iter()
            .zip(&layer.lat)
            .map(|(&lon, &lat)| {
                let w = world_from_lon_lat(f64::from(lon), f64::from(lat));
                [w[0] as f32, w[1] as f32]
            })
            .collect();
        Self {
            layer,
            world,
            skipped,
            grids: std::array::from_fn(|_| OnceLock::new()),
            sums: Mutex::new(None),
            totals: Mutex::new(None),
        }
    }

    /// The events of `range` shown by `filter`, and their fatalities: counted from the last
    /// window's totals by adding the events that came in and taking away those that left.
    pub fn window_totals(&self, range: Range<usize>, filter: Option<&LayerFilter>) -> (usize, u64) {
        let key = filter.map_or(0, LayerFilter::key);
        let Ok(mut guard) = self.totals.lock() else {
            return (0, 0);
        };
        let t = guard.get_or_insert(WindowTotals {
            filter: key,
            range: range.start..range.start,
            events: 0,
            fatalities: 0,
        });
        if t.filter != key || t.range.end <= range.start || range.end <= t.range.start {
            *t = WindowTotals {
                filter: key,
                range: range.start..range.start,
                events: 0,
                fatalities: 0,
            };
        }
        let shown = |i: usize| filter.is_none_or(|f| f.shows_all() || f.shows(&self.layer, i));
        let fatalities = &self.layer.fatalities;
        let (mut events, mut deaths) = (t.events as i64, i64::try_from(t.fatalities).unwrap_or(0));
        let mut add = |r: Range<usize>, sign: i64| {
            for i in r {
                if shown(i) {
                    events += sign;
                    deaths += sign * i64::from(fatalities.get(i).copied().unwrap_or(0));
                }
            }
        };
        let old = t.range.clone();
        add(range.start..old.start, 1);
        add(old.end..range.end, 1);
        add(old.start..range.start.min(old.end), -1);
        add(range.end.max(old.start)..old.end, -1);
        t.range = range;
        t.events = usize::try_from(events).unwrap_or(0);
        t.fatalities = u64::try_from(deaths).unwrap_or(0);
        (t.events, t.fatalities)
    }

    /// Calls `each` with every hexagon of the grid at `scale` holding events of `range`
    /// shown by `filter`: its cell, events and fatalities.
    pub fn window_sums(
        &self,
        scale: f64,
        range: Range<usize>,
        filter: Option<&LayerFilter>,
        mut each: impl FnMut(u32, u32, u64),
    ) {
        let level = grid_level(scale);
        let grid = self.grid(scale);
        let key = filter.map_or(0, LayerFilter::key);
        let Ok(mut guard) = self.sums.lock() else {
            return;
        };
        let reusable = guard.as_ref().is_some_and(|s| {
            s.level == level
                && s.filter == key
                && s.range.start < range.end
                && range.start < s.range.end
        });
        if !reusable {
            *guard = Some(WindowSums {
                level,
                filter: key,
                range: range.start..range.start,
                events: vec![0; grid.centers.len()],
                fatalities: vec![0; grid.centers.len()],
            });
        }
        let Some(sums) = guard.as_mut() else { return };
        let shown = |i: usize| filter.is_none_or(|f| f.shows_all() || f.shows(&self.layer, i));
        let mut add = |i: usize, sign: bool| {
            if !shown(i) {
                return;
            }
            let (Some(&c), Some(&d)) = (grid.cell_of.get(i), self.layer.fatalities.get(i)) else {
                return;
            };
            let c = c as usize;
            if sign {
                sums.events[c] += 1;
                sums.fatalities[c] += u64::from(d);
            } else {
                sums.events[c] -= 1;
                sums.fatalities[c] -= u64::from(d);
            }
        };
        let old = sums.range.clone();
        // Grow first, then shrink, so no total goes below zero.
        (range.start..old.start).for_each(|i| add(i, true));
        (old.end..range.end).for_each(|i| add(i, true));
        (old.start..range.start.min(old.end)).for_each(|i| add(i, false));
        (range.end.max(old.start)..old.end).for_each(|i| add(i, false));
        sums.range = range;
        for (cell, (&n, &d)) in sums.events.iter().zip(&sums.fatalities).enumerate() {
            if n > 0 {
                each(u32::try_from(cell).unwrap_or(u32::MAX), n, d);
            }
        }
    }

    /// Makes the hexagon grids of these zooms now (those drawing hexagons), so that the
    /// first frames at them do not wait: called off the UI thread when a layer loads, with
    /// the current, world and Sahel views' scales.
    pub fn prepare_grids(&self, scales: &[f64]) {
        for &scale in scales {
            if EventMarks::hexagons_at(scale) {
                self.grid(scale);
            }
        }
    }

    /// The hexagon grid for a zoom, made on first use and kept.
    pub fn grid(&self, scale: f64) -> &HexGrid {
        let level = grid_level(scale);
        self.grids[level]
            .get_or_init(|| HexGrid::new(&self.world, HEX_RADIUS_PX / f64::from(1u32 << level)))
    }
}

fn grid_level(scale: f64) -> usize {
    (scale.max(1.0).log2().floor() as usize).min(LEVELS - 1)
}

/// What a frame shows of the event layers.
#[derive(Clone, Copy, Debug)]
pub struct EventMarks<'a> {
    /// The layers, drawn in order.
    pub layers: &'a [Arc<EventMap>],
    /// Per layer, which events are shown.
    pub filters: &'a [LayerFilter],
    /// The slider's date.
    pub day: Day,
    /// The window ending at it.
    pub window: EventWindow,
    /// How hexagons are valued.
    pub aggregate: Aggregate,
}

/// The event layers a picture draws, and how.
#[derive(Clone, Debug, Default)]
pub struct EventOptions {
    /// The layers.
    pub layers: Vec<Arc<EventMap>>,
    /// The window ending at the picture's date.
    pub window: EventWindow,
    /// Types and actors shown.
    pub filter: EventFilter,
    /// How hexagons are valued.
    pub aggregate: Aggregate,
}

impl PartialEq for EventOptions {
    fn eq(&self, other: &Self) -> bool {
        self.layers.len() == other.layers.len()
            && self
                .layers
                .iter()
                .zip(&other.layers)
                .all(|(a, b)| Arc::ptr_eq(a, b))
            && self.window == other.window
            && self.filter == other.filter
            && self.aggregate == other.aggregate
    }
}

impl EventOptions {
    /// The marks of a frame at `day`, with `filters` made by [`layer_filters`] from
    /// [`Self::filter`]; `None` without layers.
    pub fn marks<'a>(&'a self, day: Day, filters: &'a [LayerFilter]) -> Option<EventMarks<'a>> {
        (!self.layers.is_empty()).then_some(EventMarks {
            layers: &self.layers,
            filters,
            day,
            window: self.window,
            aggregate: self.aggregate,
        })
    }
}

/// The caption line of a picture with event layers: which files, which window, and what the
/// marks mean at this zoom; `None` without layers.
pub fn caption(events: &EventOptions, date: jiff::civil::Date, scale: f64) -> Option<String> {
    if events.layers.is_empty() {
        return None;
    }
    let names: Vec<String> = events
        .layers
        .iter()
        .map(|m| {
            let name = std::path::Path::new(&m.layer.name).file_name().map_or_else(
                || m.layer.name.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
            match m.layer.format {
                Some(f) => format!("{name} ({})", f.label()),
                None => name,
            }
        })
        .collect();
    let marks = tr(if EventMarks::hexagons_at(scale) {
        match events.aggregate {
            Aggregate::Count => "layers-caption-hex-count",
            Aggregate::Fatalities => "layers-caption-hex-fatalities",
        }
    } else {
        "layers-caption-points"
    });
    let date = format_day_short(date, current_lang());
    let mut args = vec![
        ("date", date.into()),
        ("marks", marks.into()),
        ("names", names.join(", ").into()),
    ];
    let key = match events.window {
        EventWindow::Days(n) => {
            args.push(("days", n.into()));
            "layers-caption-days"
        }
        EventWindow::All => "layers-caption-all",
    };
    Some(tr_args(key, &args))
}

/// An event type's name in the thread's language: ACLED's and UCDP's types are translated,
/// any other (a CSV's own types) is shown as the file has it. Filters keep the file's names.
pub fn event_type_name(name: &str) -> &str {
    let key = match name {
        "Battles" => "event-type-battles",
        "Violence against civilians" => "event-type-violence-against-civilians",
        "Explosions/Remote violence" => "event-type-explosions",
        "Riots" => "event-type-riots",
        "Protests" => "event-type-protests",
        "Strategic developments" => "event-type-strategic",
        "State-based conflict" => "event-type-state-based",
        "Non-state conflict" => "event-type-non-state",
        "One-sided violence" => "event-type-one-sided",
        _ => return name,
    };
    crate::model::i18n::tr_static(key)
}

/// The filters of `filter` prepared for each layer.
pub fn layer_filters(layers: &[Arc<EventMap>], filter: &EventFilter) -> Vec<LayerFilter> {
    layers
        .iter()
        .map(|m| LayerFilter::new(&m.layer, filter))
        .collect()
}

impl EventMarks<'_> {
    /// Whether this zoom draws hexagons.
    pub fn hexagons_at(scale: f64) -> bool {
        scale < HEXAGONS_BELOW_SCALE
    }

    /// Each layer's events shown in the window: layer index and event indices.
    pub fn shown(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.layers.iter().enumerate().flat_map(move |(l, map)| {
            let filter = self.filters.get(l);
            map.layer
                .in_window(self.day, self.window)
                .filter(move |&i| filter.is_none_or(|f| f.shows(&map.layer, i)))
                .map(move |i| (l, i))
        })
    }
}

/// The colour of an event type: ACLED's six and UCDP's three by name, others from a palette.
pub fn kind_rgb(name: &str, index: usize) -> Rgb {
    match name {
        "Battles" | "State-based conflict" => [0xB2, 0x18, 0x2B],
        "Violence against civilians" | "One-sided violence" => [0x76, 0x2A, 0x83],
        "Explosions/Remote violence" | "Non-state conflict" => [0xC5, 0x1B, 0x7D],
        "Riots" => [0x8C, 0x51, 0x0A],
        "Protests" => [0x21, 0x66, 0xAC],
        "Strategic developments" => [0x4D, 0x4D, 0x4D],
        _ => OTHER_KINDS[index % OTHER_KINDS.len()],
    }
}

const OTHER_KINDS: [Rgb; 6] = [
    [0xB2, 0x18, 0x2B],
    [0x21, 0x66, 0xAC],
    [0x1B, 0x78, 0x37],
    [0x76, 0x2A, 0x83],
    [0x8C, 0x51, 0x0A],
    [0x4D, 0x4D, 0x4D],
];

/// A point's radius, pixels, for its fatalities.
pub fn point_radius(fatalities: u32) -> f32 {
    (2.5 + 1.3 * (fatalities as f32).sqrt()).min(14.0)
}

/// Hexagon values at which the colour ramp ends: counts and fatalities.
pub const HEX_RAMP_TOP: [f32; 2] = [200.0, 1000.0];

/// The hexagons' colour ramp from light to dark red, `t` in 0..=1.
pub fn hex_rgb(t: f32) -> Rgb {
    const LOW: [f32; 3] = [0xFB as f32, 0x8C as f32, 0x6E as f32];
    const HIGH: [f32; 3] = [0x67 as f32, 0x00 as f32, 0x0D as f32];
    let t = t.clamp(0.0, 1.0);
    std::array::from_fn(|k| (LOW[k] + (HIGH[k] - LOW[k]) * t).round() as u8)
}

/// Where a hexagon's value sits on the ramp (logarithmic).
pub fn hex_t(value: f32, aggregate: Aggregate) -> f32 {
    let top = match aggregate {
        Aggregate::Count => HEX_RAMP_TOP[0],
        Aggregate::Fatalities => HEX_RAMP_TOP[1],
    };
    (1.0 + value).ln() / (1.0 + top).ln()
}

/// One hexagon of a frame: its cell, centre (world), events and fatalities.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HexTotal {
    /// The layer.
    pub layer: usize,
    /// The cell in the layer's grid at this zoom.
    pub cell: u32,
    /// Centre, world units.
    pub center: [f64; 2],
    /// Events shown in it.
    pub events: u32,
    /// Their fatalities.
    pub fatalities: u64,
}

/// The hexagons holding shown events at a zoom, each with its totals.
pub fn hex_totals(marks: &EventMarks<'_>, scale: f64) -> Vec<HexTotal> {
    let mut out = Vec::new();
    for (l, map) in marks.layers.iter().enumerate() {
        let grid = map.grid(scale);
        let range = map.layer.in_window(marks.day, marks.window);
        map.window_sums(
            scale,
            range,
            marks.filters.get(l),
            |cell, events, fatalities| {
                out.push(HexTotal {
                    layer: l,
                    cell,
                    center: grid.centers[cell as usize],
                    events,
                    fatalities,
                });
            },
        );
    }
    out
}

/// The items drawing the events of a frame: hexagons at low zoom, else points.
pub fn event_items(list: &DisplayList, marks: &EventMarks<'_>) -> Vec<Item> {
    let scale = list.camera.scale;
    let mut items = Vec::new();
    if EventMarks::hexagons_at(scale) {
        for hex in hex_totals(marks, scale) {
            let c = list.pixel_from_world(hex.center);
            let Some(map) = marks.layers.get(hex.layer) else {
                continue;
            };
            let r = (map.grid(scale).radius * scale) as f32;
            if !list.contains(c, r) {
                continue;
            }
            let value = match marks.aggregate {
                Aggregate::Count => hex.events as f32,
                Aggregate::Fatalities => hex.fatalities as f32,
            };
            items.push(Item::Rings {
                rings: vec![hexagon(c, r - 0.5)],
                fill: Some(Paint {
                    rgb: hex_rgb(hex_t(value, marks.aggregate)),
                    alpha: 0.8,
                }),
                line: None,
            });
        }
        return items;
    }
    for (l, i) in marks.shown() {
        let map = &marks.layers[l];
        let w = map.world[i];
        let c = list.pixel_from_world([f64::from(w[0]), f64::from(w[1])]);
        let radius = point_radius(map.layer.fatalities[i]);
        if !list.contains(c, radius) {
            continue;
        }
        let age = marks.day.0 - map.layer.day[i];
        let strength = marks.window.strength(age);
        let kind = map.layer.kind[i] as usize;
        items.push(Item::Circle {
            center: c,
            radius,
            fill: Paint {
                rgb: kind_rgb(map.layer.kind_name(i), kind),
                alpha: 0.85 * strength,
            },
            line: Line {
                paint: Paint {
                    rgb: [0xFF, 0xFF, 0xFF],
                    alpha: 0.8 * strength,
                },
                width: 0.75,
                dash: None,
            },
        });
    }
    items
}

/// What the pointer is on among the events: one point's events, or a hexagon's.
#[derive(Clone, Debug, PartialEq)]
pub struct EventPick {
    /// The events, layer and index, newest first.
    pub events: Vec<(usize, usize)>,
    /// Whether they are a hexagon's (else a point's, or points at one place).
    pub hexagon: bool,
}

/// The events at a frame pixel: in the hexagon under it at low zoom, else the points whose
/// disc holds it (the topmost and any at the same place).
pub fn pick_events(list: &DisplayList, marks: &EventMarks<'_>, p: [f32; 2]) -> Option<EventPick> {
    let scale = list.camera.scale;
    let world = list
        .camera
        .world_from_screen([f64::from(p[0]), f64::from(p[1])], list.center());
    let mut events = Vec::new();
    let hexagon = EventMarks::hexagons_at(scale);
    if hexagon {
        for (l, map) in marks.layers.iter().enumerate() {
            let grid = map.grid(scale);
            let Some(cell) = grid.cell_at(world) else {
                continue;
            };
            let range = map.layer.in_window(marks.day, marks.window);
            let filter = marks.filters.get(l);
            events.extend(
                grid.events_in(cell, range)
                    .iter()
                    .map(|&i| i as usize)
                    .filter(|&i| filter.is_none_or(|f| f.shows(&map.layer, i)))
                    .map(|i| (l, i)),
            );
        }
    } else {
        // Points are drawn by layer, then by date: the last one under the pointer is on top.
        // Only the cells around the pointer can hold a disc that reaches it (cells are at
        // least HEX_RADIUS_PX across on screen; discs at most 14 pixels plus the margin).
        let mut near: Vec<(usize, usize)> = Vec::new();
        for (l, map) in marks.layers.iter().enumerate() {
            let grid = map.grid(scale);
            let range = map.layer.in_window(marks.day, marks.window);
            let filter = marks.filters.get(l);
            let mut here: Vec<usize> = grid
                .cells_around(world)
                .flat_map(|cell| {
                    grid.events_in(cell, range.clone())
                        .iter()
                        .map(|&i| i as usize)
                })
                .filter(|&i| filter.is_none_or(|f| f.shows(&map.layer, i)))
                .collect();
            here.sort_unstable();
            near.extend(here.into_iter().map(|i| (l, i)));
        }
        let on = |&(l, i): &(usize, usize)| {
            let w = marks.layers[l].world[i];
            let c = list.pixel_from_world([f64::from(w[0]), f64::from(w[1])]);
            let r = point_radius(marks.layers[l].layer.fatalities[i]) + 1.5;
            (c[0] - p[0]).hypot(c[1] - p[1]) <= r
        };
        if let Some(&(tl, ti)) = near.iter().rev().find(|e| on(e)) {
            let at = marks.layers[tl].world[ti];
            events = near
                .into_iter()
                .filter(|&(l, i)| marks.layers[l].world[i] == at)
                .collect();
        }
    }
    events.reverse();
    (!events.is_empty()).then_some(EventPick { events, hexagon })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexagon_cells_hold_their_centres() {
        for r in [0.01, 0.3] {
            for p in [[0.0, 0.0], [0.123, -0.456], [1.5, 0.9], [-2.0, 1.1]] {
                let cell = hex_of(p, r);
                let c = hex_center(cell, r);
                assert!(
                    (c[0] - p[0]).hypot(c[1] - p[1]) <= r * 1.0001,
                    "{p:?} in {cell:?}"
                );
                assert_eq!(hex_of(c, r), cell);
            }
        }
    }

    #[test]
    fn grid_levels_follow_the_scale() {
        assert_eq!(grid_level(1000.0), 9);
        assert_eq!(grid_level(1024.0), 10);
        assert_eq!(grid_level(0.0), 0);
    }
}
