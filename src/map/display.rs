//! One display list for every picture of the map: the screen, the PNG and the SVG exports.
//!
//! [`map_frame`] turns a layer, a camera, a [`Scene`] and what is hovered or selected into a
//! renderer-free [`DisplayList`]: filled country meshes, strokes with width and dash,
//! markers, text with anchor, size and halo, and (for exports) the title, legend and caption
//! blocks. Label placement is done here, once, so no backend can drift from another. Three
//! small backends replay it: the egui painter ([`super::paint`]), `tiny-skia` for PNG and the
//! SVG writer (`crate::export`).
//!
//! Positions are frame pixels (one egui point is one output pixel), y down, origin at the
//! frame's top left.

use super::camera::MapCamera;
use super::layer::{CountryMesh, MapLayer};
use super::projection::world_from_lon_lat;
use super::scene::{Scene, SceneLink, SceneNode};
use super::style::{self, LinkStyle, Rgb};
use super::text;
use crate::model::{ChangeKind, Status, is_sahel_state};

/// A colour with an opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    /// sRGB colour.
    pub rgb: Rgb,
    /// Opacity, 0..=1.
    pub alpha: f32,
}

impl Paint {
    /// An opaque colour.
    pub const fn solid(rgb: Rgb) -> Self {
        Self { rgb, alpha: 1.0 }
    }
}

/// How a line is stroked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Colour and opacity.
    pub paint: Paint,
    /// Width in pixels.
    pub width: f32,
    /// Dash and gap lengths; `None` for solid.
    pub dash: Option<(f32, f32)>,
}

impl Line {
    /// A solid line.
    pub const fn solid(rgb: Rgb, width: f32) -> Self {
        Self {
            paint: Paint::solid(rgb),
            width,
            dash: None,
        }
    }

    /// A link's line for a status.
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

    /// A link whose status no source has confirmed since a date: its status's colour,
    /// fainter and finely dotted, so it does not assert what nobody reported.
    pub fn unconfirmed(status: Status) -> Self {
        let line = Self::of_link(status);
        Self {
            paint: Paint {
                alpha: line.paint.alpha * 0.6,
                ..line.paint
            },
            width: line.width.min(2.0),
            dash: Some((1.5, 3.5)),
        }
    }

    /// The legend's label for unconfirmed links.
    pub const UNCONFIRMED_LABEL: &'static str = "Status not confirmed lately";

    /// This line, `factor` times as wide.
    #[must_use]
    pub fn widened(self, factor: f32) -> Self {
        Self {
            width: self.width * factor,
            ..self
        }
    }

    /// This line at `factor` of its opacity.
    #[must_use]
    pub fn faded(self, factor: f32) -> Self {
        Self {
            paint: Paint {
                alpha: self.paint.alpha * factor,
                ..self.paint
            },
            ..self
        }
    }
}

/// Where a text's position sits horizontally; vertically the position is always the middle
/// of the text's line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The position is where the text starts.
    Start,
    /// The position is the text's centre.
    Middle,
    /// The position is where the text ends (numbers right-aligned on an axis).
    End,
}

/// How a text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// Em size, pixels.
    pub size: f32,
    /// Colour.
    pub paint: Paint,
    /// Horizontal anchor.
    pub anchor: Anchor,
    /// A light halo so it reads over any fill (labels on the map).
    pub halo: bool,
}

/// What a shape stands for, so SVG readers can tell (ignored by pixels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meta {
    /// A country of the layer.
    Country(usize),
    /// A link: the relationship and its status.
    Link(usize, Status),
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Starts a named group (an SVG `<g id>`).
    Group(&'static str),
    /// Ends the group begun last.
    EndGroup,
    /// Every country of the layer that meets the view, filled with [`DisplayList::fills`]:
    /// the layer's triangle meshes for the screen, their rings for the exports.
    Countries,
    /// Every country's outline, as the borders.
    Borders(Line),
    /// One country tinted (hover).
    CountryTint(usize, Paint),
    /// One country's outline (hover, selection).
    CountryOutline(usize, Line),
    /// Closed rings, filled with the even-odd rule and/or outlined.
    Rings {
        /// The rings, pixels.
        rings: Vec<Vec<[f32; 2]>>,
        /// Fill.
        fill: Option<Paint>,
        /// Outline.
        line: Option<Line>,
    },
    /// An open polyline.
    Polyline {
        /// Points, pixels.
        points: Vec<[f32; 2]>,
        /// Stroke.
        line: Line,
        /// What it stands for.
        meta: Option<Meta>,
    },
    /// A circle.
    Circle {
        /// Centre, pixels.
        center: [f32; 2],
        /// Radius, pixels.
        radius: f32,
        /// Fill.
        fill: Paint,
        /// Outline.
        line: Line,
    },
    /// An axis-aligned rectangle.
    Rect {
        /// Top-left corner.
        min: [f32; 2],
        /// Bottom-right corner.
        max: [f32; 2],
        /// Fill.
        fill: Option<Paint>,
        /// Outline.
        line: Option<Line>,
    },
    /// A line of text.
    Text {
        /// Anchor point: see [`Anchor`]; vertically the middle of the line.
        at: [f32; 2],
        /// The text.
        text: String,
        /// How it is set.
        style: TextStyle,
    },
}

/// A frame to draw: the view and the items, in drawing order.
#[derive(Clone, Debug)]
pub struct DisplayList {
    /// Width and height, pixels.
    pub size: [f32; 2],
    /// The camera the frame was built with.
    pub camera: MapCamera,
    /// Fill per country of the layer, for [`Item::Countries`].
    pub fills: Vec<Rgb>,
    /// What to draw.
    pub items: Vec<Item>,
}

impl DisplayList {
    /// An empty list for a frame of `size` seen through `camera`.
    pub fn new(size: [f32; 2], camera: MapCamera) -> Self {
        Self {
            size,
            camera,
            fills: Vec::new(),
            items: Vec::new(),
        }
    }

    /// The centre of the frame, pixels: the camera's viewport centre.
    pub fn center(&self) -> [f64; 2] {
        [f64::from(self.size[0]) / 2.0, f64::from(self.size[1]) / 2.0]
    }

    /// A world position in frame pixels.
    pub fn pixel_from_world(&self, world: [f64; 2]) -> [f32; 2] {
        let s = self.camera.screen_from_world(world, self.center());
        [s[0] as f32, s[1] as f32]
    }

    /// The world rectangle in the frame: min and max corners.
    pub fn world_bounds(&self) -> ([f64; 2], [f64; 2]) {
        let [w, h] = self.size.map(f64::from);
        let c = self.center();
        (
            self.camera.world_from_screen([0.0, h], c),
            self.camera.world_from_screen([w, 0.0], c),
        )
    }

    /// Whether `p` lies within the frame grown by `margin`.
    pub fn contains(&self, p: [f32; 2], margin: f32) -> bool {
        p[0] >= -margin
            && p[1] >= -margin
            && p[0] <= self.size[0] + margin
            && p[1] <= self.size[1] + margin
    }

    /// The bounding boxes of every text (min x, min y, max x, max y), grown by `margin`:
    /// where pictures from different text rasterisers may differ.
    pub fn text_boxes(&self, margin: f32) -> Vec<[f32; 4]> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { at, text, style } => {
                    let b = text_box(*at, text, style);
                    Some([b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin])
                }
                _ => None,
            })
            .collect()
    }

    /// The texts drawn, in order (what tests read).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// The box a text covers: min x, min y, max x, max y.
pub fn text_box(at: [f32; 2], text: &str, style: &TextStyle) -> [f32; 4] {
    let w = text::width(text, style.size);
    let (ascent, descent) = text::ascent_descent(style.size);
    let h = ascent - descent;
    let x0 = match style.anchor {
        Anchor::Start => at[0],
        Anchor::Middle => at[0] - w / 2.0,
        Anchor::End => at[0] - w,
    };
    [x0, at[1] - h / 2.0, x0 + w, at[1] + h / 2.0]
}

/// The baseline's y of a line of text of `size` centred vertically on `y`.
pub fn baseline_y(y: f32, size: f32) -> f32 {
    let (ascent, descent) = text::ascent_descent(size);
    y + (ascent + descent) / 2.0
}

/// A country's rings in frame pixels, skipping points closer than `min_step` to the last kept
/// one and the closing repeat; rings wholly out of the frame and rings of fewer than 3 points
/// are left out.
pub fn country_rings(list: &DisplayList, mesh: &CountryMesh, min_step: f32) -> Vec<Vec<[f32; 2]>> {
    mesh.rings()
        .filter_map(|ring| {
            let mut out: Vec<[f32; 2]> = Vec::with_capacity(ring.len().min(1024));
            let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
            for v in ring {
                let p = list.pixel_from_world([f64::from(v[0]), f64::from(v[1])]);
                let keep = out.last().is_none_or(|q| {
                    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                    dx * dx + dy * dy >= min_step * min_step
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
                hi[0] >= 0.0 && hi[1] >= 0.0 && lo[0] <= list.size[0] && lo[1] <= list.size[1];
            (out.len() >= 3 && visible).then_some(out)
        })
        .collect()
}

/// Border width: thinner when the whole world is shown.
pub fn border_width(scale: f64) -> f32 {
    if scale < 400.0 { 0.5 } else { 0.8 }
}

/// The outline of the Equal Earth world, world coordinates, counter-clockwise.
pub fn world_outline() -> &'static [[f64; 2]] {
    static OUTLINE: std::sync::OnceLock<Vec<[f64; 2]>> = std::sync::OnceLock::new();
    OUTLINE.get_or_init(|| {
        let east = (0..=36).map(|i| world_from_lon_lat(180.0, -90.0 + 5.0 * f64::from(i)));
        let west = (0..=36).map(|i| world_from_lon_lat(-180.0, 90.0 - 5.0 * f64::from(i)));
        east.chain(west).collect()
    })
}

/// The country fills a legend explains, on screen and in exports alike.
pub const LEGEND_FILLS: [(Rgb, &str); 5] = [
    (style::SAHEL, "Sahel state"),
    (style::SAHEL_MILITARY, "Sahel state under military rule"),
    (style::PARTNER, "Partner with a live tie"),
    (style::FORMER_PARTNER, "Former partner"),
    (style::LAND, "Other country"),
];

/// Sizes and looks of the map's marks, shared by every backend.
pub mod marks {
    use super::{Line, Paint, TextStyle};
    use crate::map::style;

    /// A country label.
    pub const COUNTRY_LABEL: TextStyle = TextStyle {
        size: 12.5,
        paint: Paint::solid(style::LABEL),
        anchor: super::Anchor::Middle,
        halo: true,
    };
    /// An organisation node's label.
    pub const NODE_LABEL: TextStyle = TextStyle {
        size: 11.5,
        paint: Paint::solid(style::INK),
        anchor: super::Anchor::Middle,
        halo: true,
    };
    /// The node's radius, pixels.
    pub const NODE_RADIUS: f32 = 6.0;
    /// How far above its node a node's label sits.
    pub const NODE_LABEL_OFFSET: f32 = 14.0;
    /// The node's fill.
    pub const NODE_FILL: Paint = Paint::solid([0xFF, 0xFF, 0xFF]);
    /// The node's outline.
    pub const NODE_LINE: Line = Line::solid(style::INK, 2.0);
    /// The sea's edge.
    pub const SEA_EDGE: Line = Line {
        paint: Paint {
            rgb: style::BORDER,
            alpha: 0.6,
        },
        width: 1.0,
        dash: None,
    };
    /// The selected country's outline.
    pub const SELECTED: Line = Line::solid(style::INK, 2.5);
    /// The hovered country's outline.
    pub const HOVERED: Line = Line {
        paint: Paint {
            rgb: style::INK,
            alpha: 0.6,
        },
        width: 1.5,
        dash: None,
    };
    /// The hovered country's tint.
    pub const HOVER_TINT: Paint = Paint {
        rgb: [0xFF, 0xFF, 0xFF],
        alpha: 70.0 / 255.0,
    };
    /// The light halo under a tie that appeared (compare mode).
    pub const APPEARED_HALO: Line = Line {
        paint: Paint {
            rgb: [0x9B, 0xE0, 0x9F],
            alpha: 0.7,
        },
        width: 8.0,
        dash: None,
    };
    /// A tie that ended between the two dates (compare mode).
    pub const ENDED_IN_RANGE: Line = Line {
        paint: Paint {
            rgb: style::INK,
            alpha: 0.85,
        },
        width: 2.0,
        dash: Some((5.0, 4.0)),
    };
    /// How much wider an emphasised link is drawn.
    pub const LINK_EMPHASIS: f32 = 1.8;
}

/// What a frame draws of a [`Scene`], borrowed (the widget's scene lives in the app).
#[derive(Clone, Copy, Debug)]
pub struct SceneRef<'a> {
    /// Fill per country of the layer.
    pub fills: &'a [Rgb],
    /// Countries with a label, and the label.
    pub labels: &'a [(usize, String)],
    /// Links, in drawing order.
    pub links: &'a [SceneLink],
    /// Organisation nodes.
    pub nodes: &'a [SceneNode],
    /// A short name per entity, for the markers at the view's edge.
    pub entity_names: &'a [String],
}

impl Scene {
    /// The scene, borrowed for a frame.
    pub fn as_ref(&self) -> SceneRef<'_> {
        SceneRef {
            fills: &self.fills,
            labels: &self.labels,
            links: &self.links,
            nodes: &self.nodes,
            entity_names: &self.entity_names,
        }
    }
}

/// What is hovered, selected or emphasised in a frame of the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Highlights {
    /// The selected country (index in the layer).
    pub selected_country: Option<usize>,
    /// The country under the pointer.
    pub hovered_country: Option<usize>,
    /// The link under the pointer (relationship index).
    pub hovered_link: Option<usize>,
    /// The selected or list-hovered link.
    pub highlighted_link: Option<usize>,
    /// The organisation node under the pointer (entity index).
    pub hovered_node: Option<usize>,
    /// The entity in focus (the selected country or organisation): its ties are drawn at
    /// full strength, the others faded, and only its ties get markers at the view's edge.
    pub focus: Option<usize>,
    /// Compare mode: ties that changed are drawn by their change, the rest faded.
    pub compare: bool,
}

/// Below this zoom (pixels per world unit; the default Sahel view is about 1,000) and with
/// nothing in focus, links between the same two ends are bundled into one arc with a count.
pub const BUNDLE_BELOW_SCALE: f64 = 1_800.0;

/// An arc as drawn: a link of the scene and how many links it stands for (more than one
/// when bundled).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrawnArc {
    /// Index into the scene's links.
    pub link: usize,
    /// How many links between the same two ends it stands for.
    pub count: usize,
}

/// The arcs a frame draws, in drawing order: every link of the scene, or at low zoom with
/// nothing in focus, one arc per pair of ends (the link with the liveliest status, on the
/// pair's first arc) with the number of links it stands for. Picking uses the same list, so
/// a click only ever finds an arc that is drawn.
pub fn drawn_arcs(scene: SceneRef<'_>, camera: &MapCamera, focus: Option<usize>) -> Vec<DrawnArc> {
    // Zoomed in, in focus, or comparing (every change must show): every link its own arc.
    let comparing = scene.links.iter().any(|l| l.change.is_some());
    if focus.is_some() || comparing || camera.scale >= BUNDLE_BELOW_SCALE {
        return (0..scene.links.len())
            .map(|link| DrawnArc { link, count: 1 })
            .collect();
    }
    let pair = |ends: [usize; 2]| (ends[0].min(ends[1]), ends[0].max(ends[1]));
    // Per pair: the first link (its arc, the least bent), the liveliest and the count.
    let mut groups: std::collections::HashMap<(usize, usize), (usize, usize, usize)> =
        std::collections::HashMap::new();
    for (i, link) in scene.links.iter().enumerate() {
        let g = groups.entry(pair(link.ends)).or_insert((i, i, 0));
        g.2 += 1;
        if link.status.liveliness() > scene.links[g.1].status.liveliness() {
            g.1 = i;
        }
    }
    let mut arcs: Vec<DrawnArc> = groups
        .into_values()
        .map(|(_, liveliest, count)| DrawnArc {
            link: liveliest,
            count,
        })
        .collect();
    // Drawing order as the scene's (ended first).
    arcs.sort_by_key(|a| a.link);
    arcs
}

/// The points of an arc in pixels, its ends drawn back a little so that arcs leave a hub
/// spread around it rather than from one pixel, and stop short of the place they reach.
fn trimmed(points: Vec<[f32; 2]>, start: f32, end: f32) -> Vec<[f32; 2]> {
    fn cut_front(mut points: Vec<[f32; 2]>, by: f32) -> Vec<[f32; 2]> {
        let mut left = by;
        while points.len() > 2 {
            let (a, b) = (points[0], points[1]);
            let d = (b[0] - a[0]).hypot(b[1] - a[1]);
            if d > left {
                let t = left / d;
                points[0] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
                return points;
            }
            left -= d;
            points.remove(0);
        }
        points
    }
    let total: f32 = points
        .windows(2)
        .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
        .sum();
    if total <= 3.0 * (start + end) {
        return points;
    }
    let mut points = cut_front(points, start);
    points.reverse();
    let mut points = cut_front(points, end);
    points.reverse();
    points
}

/// How compare mode draws a tie: unchanged ones faded; one that appeared over a light halo;
/// one that ended in ink, dashed, with a cross at its middle; one that changed
/// status in its old colour up to the middle and its new colour from there.
fn compare_link(items: &mut Vec<Item>, link: &SceneLink, points: Vec<[f32; 2]>, emphasised: bool) {
    let meta = Some(Meta::Link(link.relationship, link.status));
    let widen = |line: Line| {
        if emphasised {
            line.widened(marks::LINK_EMPHASIS)
        } else {
            line
        }
    };
    match link.change {
        None => items.push(Item::Polyline {
            points,
            line: widen(Line::of_link(link.status).faded(OUT_OF_FOCUS)),
            meta,
        }),
        Some((_, ChangeKind::Appeared)) => {
            items.push(Item::Polyline {
                points: points.clone(),
                line: marks::APPEARED_HALO,
                meta: None,
            });
            items.push(Item::Polyline {
                points,
                line: widen(Line::of_link(link.status)),
                meta,
            });
        }
        Some((_, ChangeKind::Ended)) => {
            let mid = points.get(points.len() / 2).copied();
            items.push(Item::Polyline {
                points,
                line: widen(marks::ENDED_IN_RANGE),
                meta,
            });
            if let Some([x, y]) = mid {
                for (a, b) in [([-4.0, -4.0], [4.0, 4.0]), ([-4.0, 4.0], [4.0, -4.0])] {
                    items.push(Item::Polyline {
                        points: vec![[x + a[0], y + a[1]], [x + b[0], y + b[1]]],
                        line: Line::solid(style::INK, 2.0),
                        meta: None,
                    });
                }
            }
        }
        Some((from, ChangeKind::Changed)) => {
            let half = points.len() / 2;
            let (first, second) = (
                points[..=half.min(points.len() - 1)].to_vec(),
                points[half..].to_vec(),
            );
            items.push(Item::Polyline {
                points: first,
                line: widen(Line::of_link(from.unwrap_or(link.status))),
                meta,
            });
            items.push(Item::Polyline {
                points: second,
                line: widen(Line::of_link(link.status)),
                meta,
            });
        }
    }
}

/// The legend's rows for compare mode: label and a sample drawing each.
pub const COMPARE_LEGEND: [(&str, ChangeKind); 3] = [
    ("Appeared", ChangeKind::Appeared),
    ("Ended", ChangeKind::Ended),
    ("Changed status (old colour, then new)", ChangeKind::Changed),
];

/// A sample of a compare-mode drawing between `a` and `b` (legends).
pub fn compare_sample(kind: ChangeKind, a: [f32; 2], b: [f32; 2]) -> Vec<Item> {
    let points: Vec<[f32; 2]> = (0..=8)
        .map(|i| {
            let t = i as f32 / 8.0;
            [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
        })
        .collect();
    let (status, from) = match kind {
        ChangeKind::Appeared => (Status::Active, None),
        ChangeKind::Ended => (Status::Ended, Some(Status::Active)),
        ChangeKind::Changed => (Status::WindingDown, Some(Status::Active)),
    };
    let link = SceneLink {
        relationship: usize::MAX,
        status,
        unconfirmed_since: None,
        points_world: Vec::new(),
        ends: [0, 0],
        change: Some((from, kind)),
    };
    let mut items = Vec::new();
    compare_link(&mut items, &link, points, false);
    for item in &mut items {
        if let Item::Polyline { meta, .. } = item {
            *meta = None;
        }
    }
    items
}

/// How far from its hub an arc starts, and from its other end it stops, pixels.
const ARC_TRIM: (f32, f32) = (7.0, 3.0);

/// The count on a bundled arc.
pub const BUNDLE_LABEL: TextStyle = TextStyle {
    size: 10.5,
    paint: Paint::solid(style::INK),
    anchor: Anchor::Middle,
    halo: true,
};

/// How much of their opacity links out of focus keep.
pub const OUT_OF_FOCUS: f32 = 0.22;

/// A marker where arcs leave the view: which way, toward whom, how many.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeMarker {
    /// Where the arcs leave the view (inset a little), pixels.
    pub at: [f32; 2],
    /// The way out, a unit vector in pixels (y down).
    pub direction: [f32; 2],
    /// The entity beyond the edge.
    pub far: usize,
    /// The far end, world coordinates.
    pub far_world: [f64; 2],
    /// The end in view, world coordinates (of the first arc).
    pub near_world: [f64; 2],
    /// How many arcs leave here toward `far`.
    pub count: usize,
    /// The label: the far end's name, with the count when several arcs leave together.
    pub label: String,
    /// Where the label's text is centred.
    pub label_at: [f32; 2],
    /// The marker's box (arrow and label): min x, min y, max x, max y.
    pub bounds: [f32; 4],
}

/// How far inside the frame's edge the markers sit.
const EDGE_INSET: f32 = 14.0;
/// The markers' text.
pub const EDGE_LABEL: TextStyle = TextStyle {
    size: 11.5,
    paint: Paint::solid(style::INK),
    anchor: Anchor::Middle,
    halo: true,
};

/// Where the segment from `inside` to `outside` crosses the rectangle `[min, max]`.
fn exit_point(inside: [f32; 2], outside: [f32; 2], min: [f32; 2], max: [f32; 2]) -> [f32; 2] {
    let d = [outside[0] - inside[0], outside[1] - inside[1]];
    let mut t = 1.0_f32;
    for k in 0..2 {
        if d[k] > 0.0 {
            t = t.min((max[k] - inside[k]) / d[k]);
        } else if d[k] < 0.0 {
            t = t.min((min[k] - inside[k]) / d[k]);
        }
    }
    let t = t.clamp(0.0, 1.0);
    [inside[0] + d[0] * t, inside[1] + d[1] * t]
}

/// The markers for arcs with one end in the frame and the other beyond its edge, one per far
/// entity and side of the frame. With a focus, only the focused entity's arcs count.
pub fn edge_markers(
    frame: &DisplayList,
    scene: SceneRef<'_>,
    focus: Option<usize>,
) -> Vec<EdgeMarker> {
    let min = [EDGE_INSET, EDGE_INSET];
    let max = [frame.size[0] - EDGE_INSET, frame.size[1] - EDGE_INSET];
    if max[0] <= min[0] || max[1] <= min[1] {
        return Vec::new();
    }
    let inside = |p: [f32; 2]| p[0] >= min[0] && p[1] >= min[1] && p[0] <= max[0] && p[1] <= max[1];
    let mut markers: Vec<(usize, EdgeMarker)> = Vec::new();
    for link in scene.links {
        if link.status == Status::Ended {
            continue;
        }
        if focus.is_some_and(|f| !link.ends.contains(&f)) {
            continue;
        }
        let pts: Vec<[f32; 2]> = link
            .points_world
            .iter()
            .map(|&w| frame.pixel_from_world(w))
            .collect();
        let (Some(&first), Some(&last)) = (pts.first(), pts.last()) else {
            continue;
        };
        let (from_first, far, near_world, far_world) = match (inside(first), inside(last)) {
            (true, false) => (
                true,
                link.ends[1],
                link.points_world[0],
                link.points_world[pts.len() - 1],
            ),
            (false, true) => (
                false,
                link.ends[0],
                link.points_world[pts.len() - 1],
                link.points_world[0],
            ),
            _ => continue,
        };
        let ordered: Vec<[f32; 2]> = if from_first {
            pts.clone()
        } else {
            pts.iter().rev().copied().collect()
        };
        let Some(k) = ordered.iter().position(|&p| !inside(p)) else {
            continue;
        };
        let (a, b) = (ordered[k.saturating_sub(1)], ordered[k]);
        let at = exit_point(a, b, min, max);
        // The side it leaves by: 0 left, 1 right, 2 top, 3 bottom.
        let side = if (at[0] - min[0]).abs() < 0.5 {
            0
        } else if (at[0] - max[0]).abs() < 0.5 {
            1
        } else if (at[1] - min[1]).abs() < 0.5 {
            2
        } else {
            3
        };
        if let Some((_, m)) = markers.iter_mut().find(|(s, m)| *s == side && m.far == far) {
            m.count += 1;
            continue;
        }
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = dx.hypot(dy).max(1e-6);
        markers.push((
            side,
            EdgeMarker {
                at,
                direction: [dx / len, dy / len],
                far,
                far_world,
                near_world,
                count: 1,
                label: String::new(),
                label_at: at,
                bounds: [0.0; 4],
            },
        ));
    }
    let mut placed: Vec<(usize, EdgeMarker)> = markers
        .into_iter()
        .map(|(side, mut m)| {
            let name = scene.entity_names.get(m.far).map_or("?", String::as_str);
            m.label = if m.count > 1 {
                format!("{name} ({})", m.count)
            } else {
                name.to_owned()
            };
            let w = text::width(&m.label, EDGE_LABEL.size);
            let (ascent, descent) = text::ascent_descent(EDGE_LABEL.size);
            let h = ascent - descent;
            // The label sits inside the frame, beside the arrow.
            let mut c = match side {
                0 => [m.at[0] + 10.0 + w / 2.0, m.at[1]],
                1 => [m.at[0] - 10.0 - w / 2.0, m.at[1]],
                2 => [m.at[0], m.at[1] + 8.0 + h / 2.0],
                _ => [m.at[0], m.at[1] - 8.0 - h / 2.0],
            };
            c[0] = c[0].clamp(
                w / 2.0 + 2.0,
                (frame.size[0] - w / 2.0 - 2.0).max(w / 2.0 + 2.0),
            );
            m.label_at = c;
            let b = [
                c[0] - w / 2.0,
                c[1] - h / 2.0,
                c[0] + w / 2.0,
                c[1] + h / 2.0,
            ];
            m.bounds = [
                b[0].min(m.at[0] - 8.0),
                b[1].min(m.at[1] - 8.0),
                b[2].max(m.at[0] + 8.0),
                b[3].max(m.at[1] + 8.0),
            ];
            (side, m)
        })
        .collect();
    // Labels on one side never overlap: sorted along the edge, each moves on past the one
    // before it (the arrows stay where the arcs leave).
    placed.sort_by(|a, b| {
        let along = |(side, m): &(usize, EdgeMarker)| if *side < 2 { m.at[1] } else { m.at[0] };
        (a.0, along(a))
            .partial_cmp(&(b.0, along(b)))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    for i in 1..placed.len() {
        let (before, rest) = placed.split_at_mut(i);
        let (prev_side, prev) = &before[i - 1];
        let (side, m) = &mut rest[0];
        if side != prev_side {
            continue;
        }
        let k = if *side < 2 { 1 } else { 0 };
        let lo = |m: &EdgeMarker| {
            let w = text::width(&m.label, EDGE_LABEL.size);
            let (ascent, descent) = text::ascent_descent(EDGE_LABEL.size);
            let half = if k == 0 {
                w / 2.0
            } else {
                (ascent - descent) / 2.0
            };
            (m.label_at[k] - half, m.label_at[k] + half)
        };
        let (_, prev_end) = lo(prev);
        let (start, _) = lo(m);
        let shift = prev_end + 6.0 - start;
        if shift > 0.0 {
            m.label_at[k] += shift;
            m.bounds[k] = m.bounds[k].min(m.label_at[k] - (m.label_at[k] - start - shift));
            m.bounds[k + 2] += shift;
        }
    }
    placed.into_iter().map(|(_, m)| m).collect()
}

/// The arrow of an edge marker: a small triangle at `at` pointing along `direction`.
fn arrow(at: [f32; 2], direction: [f32; 2]) -> Vec<[f32; 2]> {
    let [dx, dy] = direction;
    let (nx, ny) = (-dy, dx);
    let tip = [at[0] + dx * 6.0, at[1] + dy * 6.0];
    let back = [at[0] - dx * 4.0, at[1] - dy * 4.0];
    vec![
        tip,
        [back[0] + nx * 5.0, back[1] + ny * 5.0],
        [back[0] - nx * 5.0, back[1] - ny * 5.0],
    ]
}

/// A label placed on the map: where, its text and box.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Centre, pixels.
    pub at: [f32; 2],
    /// Its text.
    pub text: String,
    /// Its box: min x, min y, max x, max y.
    pub bounds: [f32; 4],
    /// What it names.
    pub names: Labelled,
}

/// What a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Labelled {
    /// A country of the layer.
    Country(usize),
    /// An organisation node (entity index).
    Node(usize),
}

/// Places the labels of `scene` in a frame: Sahel states first, then organisations, then
/// partners, each at its place or, where that is taken, just below, above, right or left of
/// it, and left out where all five would overlap a label already placed or a node's disc.
/// Countries and organisation nodes share one placement, so no two labels ever overlap.
pub fn place_labels<'a>(
    list: &DisplayList,
    layer: &MapLayer,
    scene: SceneRef<'a>,
    obstacles: &[[f32; 4]],
) -> Vec<PlacedLabel> {
    struct Candidate<'b> {
        at: [f32; 2],
        text: &'b str,
        style: &'static TextStyle,
        names: Labelled,
    }
    let is_sahel = |c: usize| {
        layer
            .countries()
            .get(c)
            .is_some_and(|country| is_sahel_state(&country.key))
    };
    let country = |label: &'a (usize, String)| -> Option<Candidate<'a>> {
        let (c, text) = (label.0, &label.1);
        let at = list.pixel_from_world(*layer.labels_world.get(c)?);
        list.contains(at, 0.0).then_some(Candidate {
            at,
            text: text.as_str(),
            style: &marks::COUNTRY_LABEL,
            names: Labelled::Country(c),
        })
    };
    let sahel = scene
        .labels
        .iter()
        .filter(|(c, _)| is_sahel(*c))
        .filter_map(country);
    let nodes = scene.nodes.iter().filter_map(|node| {
        let p = list.pixel_from_world(node.world);
        let at = [p[0], p[1] - marks::NODE_LABEL_OFFSET];
        list.contains(at, 0.0).then_some(Candidate {
            at,
            text: node.label.as_str(),
            style: &marks::NODE_LABEL,
            names: Labelled::Node(node.entity),
        })
    });
    let partners = scene
        .labels
        .iter()
        .filter(|(c, _)| !is_sahel(*c))
        .filter_map(country);
    // Node symbols are obstacles too: a label never covers an organisation's disc.
    let mut taken: Vec<[f32; 4]> = scene
        .nodes
        .iter()
        .map(|n| {
            let p = list.pixel_from_world(n.world);
            let r = marks::NODE_RADIUS + 1.0;
            [p[0] - r, p[1] - r, p[0] + r, p[1] + r]
        })
        .collect();
    let node_count = taken.len();
    taken.extend_from_slice(obstacles);
    let mut placed = Vec::new();
    for c in sahel.chain(nodes).chain(partners) {
        // A node's own disc sits just under its label: it does not count against it.
        let own_disc = match c.names {
            Labelled::Node(e) => scene.nodes.iter().position(|n| n.entity == e),
            Labelled::Country(_) => None,
        };
        let w = text::width(c.text, c.style.size);
        // The preferred spot, then just below, just above, right and left of it.
        let shifts: [[f32; 2]; 5] = match c.names {
            Labelled::Country(_) => [
                [0.0, 0.0],
                [0.0, 14.0],
                [0.0, -14.0],
                [w * 0.5 + 10.0, 0.0],
                [-w * 0.5 - 10.0, 0.0],
            ],
            Labelled::Node(_) => [
                [0.0, 0.0],
                [0.0, 2.0 * marks::NODE_LABEL_OFFSET],
                [w * 0.5 + 10.0, marks::NODE_LABEL_OFFSET],
                [-w * 0.5 - 10.0, marks::NODE_LABEL_OFFSET],
                [0.0, -12.0],
            ],
        };
        let spot = shifts.iter().find_map(|d| {
            let at = [c.at[0] + d[0], c.at[1] + d[1]];
            let b = text_box(at, c.text, c.style);
            let bounds = [b[0] - 1.5, b[1] - 1.5, b[2] + 1.5, b[3] + 1.5];
            let overlaps = |r: &[f32; 4]| {
                bounds[0] < r[2] && r[0] < bounds[2] && bounds[1] < r[3] && r[1] < bounds[3]
            };
            let blocked = taken
                .iter()
                .enumerate()
                .any(|(i, r)| Some(i) != own_disc.filter(|_| i < node_count) && overlaps(r));
            (!blocked && list.contains([at[0], at[1]], 0.0)).then_some((at, bounds))
        });
        let Some((at, bounds)) = spot else { continue };
        taken.push(bounds);
        placed.push(PlacedLabel {
            at,
            text: c.text.to_owned(),
            bounds,
            names: c.names,
        });
    }
    placed
}

/// What a frame of the map places before it draws: the labels, the markers at the edge and
/// the arcs drawn. Worked out once a frame, for drawing and for picking alike.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FramePlan {
    /// Labels of countries and organisations, placed.
    pub labels: Vec<PlacedLabel>,
    /// Markers where arcs leave the view.
    pub markers: Vec<EdgeMarker>,
    /// The arcs drawn (bundled at low zoom).
    pub arcs: Vec<DrawnArc>,
}

/// Places a frame of `size` seen through `camera`: markers first, then the labels around them,
/// and the arcs drawn.
pub fn plan_frame(
    layer: &MapLayer,
    scene: SceneRef<'_>,
    camera: MapCamera,
    size: [f32; 2],
    focus: Option<usize>,
) -> FramePlan {
    let frame = DisplayList::new(size, camera);
    let markers = edge_markers(&frame, scene, focus);
    let obstacles: Vec<[f32; 4]> = markers.iter().map(|m| m.bounds).collect();
    FramePlan {
        labels: place_labels(&frame, layer, scene, &obstacles),
        markers,
        arcs: drawn_arcs(scene, &camera, focus),
    }
}

/// Builds the display list of the map itself (no title, legend or caption): background, sea,
/// countries, borders, highlights, links, organisation nodes and labels, as the app shows
/// them.
pub fn map_frame(
    layer: &MapLayer,
    scene: SceneRef<'_>,
    camera: MapCamera,
    size: [f32; 2],
    highlights: &Highlights,
) -> DisplayList {
    let plan = plan_frame(layer, scene, camera, size, highlights.focus);
    map_frame_planned(scene, camera, size, highlights, &plan)
}

/// [`map_frame`] with the frame already planned by [`plan_frame`] (the widget plans first to
/// know what the pointer is on).
pub fn map_frame_planned(
    scene: SceneRef<'_>,
    camera: MapCamera,
    size: [f32; 2],
    highlights: &Highlights,
    plan: &FramePlan,
) -> DisplayList {
    let mut list = DisplayList::new(size, camera);
    list.fills.extend_from_slice(scene.fills);
    let [w, h] = size;
    list.items.push(Item::Rect {
        min: [0.0, 0.0],
        max: [w, h],
        fill: Some(Paint::solid(style::SPACE)),
        line: None,
    });
    let outline: Vec<[f32; 2]> = world_outline()
        .iter()
        .map(|&p| list.pixel_from_world(p))
        .collect();
    list.items.push(Item::Rings {
        rings: vec![outline],
        fill: Some(Paint::solid(style::SEA)),
        line: Some(marks::SEA_EDGE),
    });
    list.items.push(Item::Group("countries"));
    list.items.push(Item::Countries);
    list.items.push(Item::EndGroup);
    list.items.push(Item::Group("borders"));
    list.items.push(Item::Borders(Line::solid(
        style::BORDER,
        border_width(camera.scale),
    )));
    list.items.push(Item::EndGroup);

    if let Some(c) = highlights.hovered_country
        && highlights.selected_country != Some(c)
    {
        list.items.push(Item::CountryTint(c, marks::HOVER_TINT));
        list.items.push(Item::CountryOutline(c, marks::HOVERED));
    }
    if let Some(c) = highlights.selected_country {
        list.items.push(Item::CountryOutline(c, marks::SELECTED));
    }

    list.items.push(Item::Group("links"));
    let focused = |ends: &[usize; 2]| highlights.focus.is_none_or(|f| ends.contains(&f));
    let mut counts = Vec::new();
    // Ties out of focus first, faded, so the focused ones sit on top.
    for in_focus in [false, true] {
        for arc in &plan.arcs {
            let Some(link) = scene.links.get(arc.link) else {
                continue;
            };
            if focused(&link.ends) != in_focus {
                continue;
            }
            let emphasised = Some(link.relationship) == highlights.hovered_link
                || Some(link.relationship) == highlights.highlighted_link;
            let mut line = if link.unconfirmed_since.is_some() {
                Line::unconfirmed(link.status)
            } else {
                Line::of_link(link.status)
            };
            if emphasised {
                line = line.widened(marks::LINK_EMPHASIS);
            } else if !in_focus {
                line = line.faded(OUT_OF_FOCUS);
            }
            let points: Vec<[f32; 2]> = link
                .points_world
                .iter()
                .map(|&p| list.pixel_from_world(p))
                .collect();
            let points = trimmed(points, ARC_TRIM.0, ARC_TRIM.1);
            if highlights.compare {
                compare_link(&mut list.items, link, points, emphasised);
                continue;
            }
            if arc.count > 1
                && let Some(&mid) = points.get(points.len() / 2)
            {
                counts.push((mid, arc.count));
            }
            list.items.push(Item::Polyline {
                points,
                line,
                meta: Some(Meta::Link(link.relationship, link.status)),
            });
        }
    }
    for (mid, count) in counts {
        if list.contains(mid, 0.0) {
            list.items.push(Item::Circle {
                center: mid,
                radius: 7.0,
                fill: marks::NODE_FILL,
                line: Line::solid(style::BORDER, 1.0),
            });
            list.items.push(Item::Text {
                at: mid,
                text: count.to_string(),
                style: BUNDLE_LABEL,
            });
        }
    }
    list.items.push(Item::EndGroup);

    list.items.push(Item::Group("organisations"));
    for node in scene.nodes {
        let p = list.pixel_from_world(node.world);
        if !list.contains(p, 40.0) {
            continue;
        }
        let hovered = highlights.hovered_node == Some(node.entity);
        list.items.push(Item::Circle {
            center: p,
            radius: if hovered {
                marks::NODE_RADIUS * 1.25
            } else {
                marks::NODE_RADIUS
            },
            fill: marks::NODE_FILL,
            line: marks::NODE_LINE,
        });
    }
    list.items.push(Item::EndGroup);

    list.items.push(Item::Group("edge-markers"));
    for m in &plan.markers {
        list.items.push(Item::Rings {
            rings: vec![arrow(m.at, m.direction)],
            fill: Some(Paint::solid(style::INK)),
            line: None,
        });
        list.items.push(Item::Text {
            at: m.label_at,
            text: m.label.clone(),
            style: EDGE_LABEL,
        });
    }
    list.items.push(Item::EndGroup);

    list.items.push(Item::Group("labels"));
    for label in &plan.labels {
        let style = match label.names {
            Labelled::Country(_) => marks::COUNTRY_LABEL,
            Labelled::Node(_) => marks::NODE_LABEL,
        };
        list.items.push(Item::Text {
            at: label.at,
            text: label.text.clone(),
            style,
        });
    }
    list.items.push(Item::EndGroup);
    list
}

/// One of the layer's country items, offered to [`Canvas::country_part`] before it is drawn
/// as rings.
#[derive(Clone, Copy, Debug)]
pub enum CountryPart<'a> {
    /// [`Item::Countries`]: every country in view, filled with [`DisplayList::fills`].
    Fills,
    /// [`Item::Borders`].
    Borders(&'a Line),
    /// [`Item::CountryTint`].
    Tint(usize, Paint),
    /// [`Item::CountryOutline`].
    Outline(usize, &'a Line),
}

/// A backend: PNG (tiny-skia), SVG and the screen (egui) each implement it, and [`replay`]
/// walks a list onto it. Countries come as rings in pixels through [`Canvas::rings`] unless
/// the backend draws them its own way ([`Canvas::country_part`]: the screen's cached
/// meshes).
pub trait Canvas {
    /// Starts a named group (an SVG `<g id>`).
    fn begin_group(&mut self, _id: &str) {}
    /// Ends the group begun last.
    fn end_group(&mut self) {}
    /// Closed rings, filled with the even-odd rule and/or outlined.
    fn rings(
        &mut self,
        rings: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        meta: Option<Meta>,
    );
    /// An open polyline.
    fn polyline(&mut self, points: &[[f32; 2]], line: &Line, meta: Option<Meta>);
    /// A circle.
    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line);
    /// An axis-aligned rectangle.
    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>);
    /// A line of text centred vertically on `at`.
    fn text(&mut self, at: [f32; 2], text: &str, style: &TextStyle);
    /// Country ring points closer than this (pixels) to the last one kept are left out:
    /// vector output keeps detail for zooming in, pixels match the screen's borders.
    fn ring_step(&self) -> f32 {
        0.5
    }
    /// Draws a country item its own way and returns true, or returns false to get it as
    /// rings (the default).
    fn country_part(
        &mut self,
        _list: &DisplayList,
        _layer: &MapLayer,
        _part: CountryPart<'_>,
    ) -> bool {
        false
    }
}

/// Draws `list` onto `canvas`, countries from `layer`'s meshes at the detail for the list's
/// zoom.
pub fn replay(list: &DisplayList, layer: &MapLayer, canvas: &mut impl Canvas) {
    replay_items(&list.items, Some((list, layer)), canvas);
}

/// Draws `items` onto `canvas`: the one walk over [`Item`]. Country items need the list they
/// belong to and its layer (`countries`); without them (a chart) they draw nothing.
pub fn replay_items(
    items: &[Item],
    countries: Option<(&DisplayList, &MapLayer)>,
    canvas: &mut impl Canvas,
) {
    let mut borders: Vec<Vec<[f32; 2]>> = Vec::new();
    for item in items {
        match item {
            Item::Group(id) => canvas.begin_group(id),
            Item::EndGroup => canvas.end_group(),
            Item::Countries => {
                if let Some((list, layer)) = countries {
                    borders = country_fills(list, layer, canvas);
                }
            }
            Item::Borders(line) => {
                if let Some((list, layer)) = countries
                    && !canvas.country_part(list, layer, CountryPart::Borders(line))
                {
                    if borders.is_empty() {
                        borders = rings_in_view(list, layer, canvas.ring_step());
                    }
                    canvas.rings(&borders, None, Some(line), None);
                }
            }
            Item::CountryTint(c, paint) => {
                if let Some((list, layer)) = countries
                    && !canvas.country_part(list, layer, CountryPart::Tint(*c, *paint))
                    && let Some(mesh) = layer.meshes_for_scale(list.camera.scale).get(*c)
                {
                    let rings = country_rings(list, mesh, canvas.ring_step());
                    canvas.rings(&rings, Some(*paint), None, None);
                }
            }
            Item::CountryOutline(c, line) => {
                if let Some((list, layer)) = countries
                    && !canvas.country_part(list, layer, CountryPart::Outline(*c, line))
                    && let Some(mesh) = layer.meshes_for_scale(list.camera.scale).get(*c)
                {
                    let rings = country_rings(list, mesh, canvas.ring_step());
                    canvas.rings(&rings, None, Some(line), None);
                }
            }
            Item::Rings { rings, fill, line } => canvas.rings(rings, *fill, line.as_ref(), None),
            Item::Polyline { points, line, meta } => canvas.polyline(points, line, *meta),
            Item::Circle {
                center,
                radius,
                fill,
                line,
            } => canvas.circle(*center, *radius, *fill, line),
            Item::Rect {
                min,
                max,
                fill,
                line,
            } => canvas.rect(*min, *max, *fill, line.as_ref()),
            Item::Text { at, text, style } => canvas.text(*at, text, style),
        }
    }
}

/// Fills every country in view (through the backend's own way when it has one) and returns
/// the rings drawn, for the borders that follow.
fn country_fills(
    list: &DisplayList,
    layer: &MapLayer,
    canvas: &mut impl Canvas,
) -> Vec<Vec<[f32; 2]>> {
    if canvas.country_part(list, layer, CountryPart::Fills) {
        return Vec::new();
    }
    let meshes = layer.meshes_for_scale(list.camera.scale);
    let (min, max) = list.world_bounds();
    let step = canvas.ring_step();
    let mut drawn = Vec::new();
    for c in layer.countries_in(min, max) {
        let Some(mesh) = meshes.get(c) else { continue };
        let rings = country_rings(list, mesh, step);
        if rings.is_empty() {
            continue;
        }
        let fill = list.fills.get(c).copied().unwrap_or(style::LAND);
        canvas.rings(
            &rings,
            Some(Paint::solid(fill)),
            None,
            Some(Meta::Country(c)),
        );
        drawn.extend(rings);
    }
    drawn
}

/// Every country's rings in view, pixels.
fn rings_in_view(list: &DisplayList, layer: &MapLayer, step: f32) -> Vec<Vec<[f32; 2]>> {
    let meshes = layer.meshes_for_scale(list.camera.scale);
    let (min, max) = list.world_bounds();
    layer
        .countries_in(min, max)
        .filter_map(|c| meshes.get(c))
        .flat_map(|mesh| country_rings(list, mesh, step))
        .collect()
}
