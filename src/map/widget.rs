//! The map widget: paints countries, links and organisation nodes with a [`MapCamera`], and
//! turns the pointer into pan, zoom, hover and click. Rebuilt every frame; the camera and the
//! mesh cache persist in the app.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use super::camera::MapCamera;
use super::layer::MapLayer;
use super::links::distance_to_polyline;
use super::projection::world_from_lon_lat;
use super::scene::{SceneLink, SceneNode};
use crate::model::Status;

/// The map's colours as egui colours (see [`super::style`]).
pub mod palette {
    use egui::Color32;

    use crate::map::style::{self, Rgb};

    /// An RGB triple as an egui colour.
    pub const fn color(rgb: Rgb) -> Color32 {
        Color32::from_rgb(rgb[0], rgb[1], rgb[2])
    }
    /// Outside the world's outline.
    pub const SPACE: Color32 = color(style::SPACE);
    /// The sea.
    pub const SEA: Color32 = color(style::SEA);
    /// Countries that are neither Sahel states nor partners.
    pub const LAND: Color32 = color(style::LAND);
    /// Sahel states.
    pub const SAHEL: Color32 = color(style::SAHEL);
    /// Sahel states under military rule at the date.
    pub const SAHEL_MILITARY: Color32 = color(style::SAHEL_MILITARY);
    /// Partner states.
    pub const PARTNER: Color32 = color(style::PARTNER);
    /// Borders.
    pub const BORDER: Color32 = color(style::BORDER);
    /// The selected country's outline.
    pub const SELECTED: Color32 = color(style::INK);
    /// Labels.
    pub const LABEL: Color32 = color(style::LABEL);

    /// The colour of a link by status.
    pub fn status(status: crate::model::Status) -> Color32 {
        color(style::status_rgb(status))
    }
}

/// How a link is drawn for a status, so statuses differ without colour too.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkLook {
    /// Colour.
    pub color: Color32,
    /// Line width in points.
    pub width: f32,
    /// Dash and gap lengths in points; `None` for a solid line.
    pub dash: Option<(f32, f32)>,
}

impl LinkLook {
    /// The look of a link with this status.
    pub fn of(status: Status) -> Self {
        let st = crate::map::style::LinkStyle::of(status);
        Self {
            color: palette::color(st.rgb).gamma_multiply(st.alpha),
            width: st.width,
            dash: st.dash,
        }
    }

    /// Paints `points` with this look.
    pub fn paint(&self, painter: &egui::Painter, points: &[Pos2], emphasis: f32) {
        let stroke = Stroke::new(self.width * emphasis, self.color);
        match self.dash {
            None => {
                painter.add(Shape::line(points.to_vec(), stroke));
            }
            Some((dash, gap)) => {
                painter.extend(Shape::dashed_line(points, stroke, dash, gap));
            }
        }
    }
}

/// Everything the widget needs to draw one frame.
pub struct MapScene<'a> {
    /// The country layer.
    pub layer: &'a MapLayer,
    /// Fill colour per country of the layer.
    pub fills: &'a [crate::map::style::Rgb],
    /// Countries that get a label, with the label text.
    pub labels: &'a [(usize, String)],
    /// The selected country.
    pub selected: Option<usize>,
    /// Links to draw, in drawing order.
    pub links: &'a [SceneLink],
    /// The highlighted link (hovered in a list, selected).
    pub highlighted_link: Option<usize>,
    /// Organisation nodes.
    pub nodes: &'a [SceneNode],
}

/// What happened on the map this frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapResponse {
    /// The country under the pointer.
    pub hovered_country: Option<usize>,
    /// The link under the pointer (relationship index).
    pub hovered_link: Option<usize>,
    /// The organisation node under the pointer (entity index).
    pub hovered_node: Option<usize>,
    /// A click: on what.
    pub clicked: Option<MapClick>,
    /// Pointer position as lon/lat, when over the map.
    pub pointer_lon_lat: Option<[f64; 2]>,
}

/// What a click on the map hit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapClick {
    /// A country (index in the layer).
    Country(usize),
    /// A link (relationship index).
    Link(usize),
    /// An organisation node (entity index).
    Node(usize),
    /// The sea, or anything that is not a country.
    Nothing,
}

/// The fill mesh of the last frame, reused while nothing that shapes it changes.
#[derive(Default)]
pub struct MeshCache {
    key: Option<(MapCamera, [u32; 5], usize, u64, bool)>,
    fill: std::sync::Arc<Mesh>,
    /// Borders as an anti-aliased line mesh, built once per view rather than every frame.
    outlines: std::sync::Arc<Mesh>,
}

/// Shows the map in `rect`, handling input and painting the scene.
pub fn map_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    camera: &mut MapCamera,
    scene: &MapScene<'_>,
    cache: &mut MeshCache,
) -> MapResponse {
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
    let mut out = MapResponse::default();

    // Input: drag pans, wheel and pinch zoom about the pointer.
    if response.dragged() {
        let d = response.drag_delta();
        *camera = camera.panned_by([f64::from(d.x), f64::from(d.y)]);
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let mut factor = f64::from(zoom);
        if scroll.y != 0.0 {
            factor *= (f64::from(scroll.y) / 300.0).exp();
        }
        if (factor - 1.0).abs() > 1e-6 {
            let p = [f64::from(pointer.x), f64::from(pointer.y)];
            *camera = camera.zoomed_at(p, center, factor);
        }
    }

    let painter = ui.painter_at(rect);
    let to_screen = |w: [f64; 2]| {
        let s = camera.screen_from_world(w, center);
        Pos2::new(s[0] as f32, s[1] as f32)
    };

    // Background and the world's outline.
    painter.rect_filled(rect, 0.0, palette::SPACE);
    painter.add(Shape::convex_polygon(
        world_outline().iter().map(|&w| to_screen(w)).collect(),
        palette::SEA,
        Stroke::new(1.0, palette::BORDER.gamma_multiply(0.6)),
    ));

    // Countries: cached fill mesh and outlines.
    let min_world =
        camera.world_from_screen([f64::from(rect.min.x), f64::from(rect.max.y)], center);
    let max_world =
        camera.world_from_screen([f64::from(rect.max.x), f64::from(rect.min.y)], center);
    let key = (
        *camera,
        [
            rect.min.x,
            rect.min.y,
            rect.max.x,
            rect.max.y,
            ui.ctx().pixels_per_point(),
        ]
        .map(f32::to_bits),
        std::ptr::from_ref(scene.layer) as usize,
        fills_hash(scene.fills),
        scene.layer.simplified_ready(),
    );
    if cache.key != Some(key) {
        cache.key = Some(key);
        let mut mesh = Mesh::default();
        let mut outlines = Mesh::default();
        let line = ThinLine {
            width: border_width(camera.scale),
            color: palette::BORDER,
            feather: 1.0 / ui.ctx().pixels_per_point(),
        };
        let meshes = scene.layer.meshes_for_scale(camera.scale);
        // Outlines reach a little past the edge so that their joins stay out of sight.
        let clip = rect.expand(4.0);
        let mut remap = Vec::new();
        for c in scene.layer.countries_in(min_world, max_world) {
            let m = &meshes[c];
            let color = scene
                .fills
                .get(c)
                .map_or(palette::LAND, |&rgb| palette::color(rgb));
            let whole = m.bbox[0] >= min_world[0]
                && m.bbox[1] >= min_world[1]
                && m.bbox[2] <= max_world[0]
                && m.bbox[3] <= max_world[1];
            append_fill(
                &mut mesh,
                m,
                color,
                (!whole).then_some((min_world, max_world)),
                &to_screen,
                &mut remap,
            );
            for ring in m.rings() {
                let points = decimated(ring, &to_screen, OUTLINE_STEP);
                if points.len() < 3 {
                    continue;
                }
                match (!whole).then(|| visible_runs(&points, clip)).flatten() {
                    None => line.append(&mut outlines, &points, true),
                    Some(runs) => {
                        for run in runs {
                            line.append(&mut outlines, &run, false);
                        }
                    }
                }
            }
        }
        cache.fill = std::sync::Arc::new(mesh);
        cache.outlines = std::sync::Arc::new(outlines);
    }
    painter.add(Shape::Mesh(cache.fill.clone()));
    painter.add(Shape::Mesh(cache.outlines.clone()));

    // Hover.
    let pointer = response.hover_pos().filter(|p| rect.contains(*p));
    if let Some(p) = pointer {
        let world = camera.world_from_screen([f64::from(p.x), f64::from(p.y)], center);
        out.pointer_lon_lat = Some(super::projection::lon_lat_from_world(world[0], world[1]));
        out.hovered_node = scene
            .nodes
            .iter()
            .find(|n| to_screen(n.world).distance(p) <= 9.0)
            .map(|n| n.entity);
        if out.hovered_node.is_none() {
            let pointer_world = world;
            let tolerance = 6.0 / camera.scale;
            out.hovered_link = scene
                .links
                .iter()
                .rev()
                .find(|l| distance_to_polyline(pointer_world, &l.points_world) <= tolerance)
                .map(|l| l.relationship);
        }
        if out.hovered_node.is_none() && out.hovered_link.is_none() {
            out.hovered_country = scene.layer.country_at_world(world);
        }
    }

    // Hovered and selected countries.
    for (c, stroke) in [
        (
            out.hovered_country,
            Stroke::new(1.5, palette::SELECTED.gamma_multiply(0.6)),
        ),
        (scene.selected, Stroke::new(2.5, palette::SELECTED)),
    ] {
        let Some(c) = c else { continue };
        // At the detail drawn at this zoom: the full 1:10m outline of Russia under the pointer
        // at a world view would cost more than the whole map.
        let Some(m) = scene.layer.meshes_for_scale(camera.scale).get(c) else {
            continue;
        };
        if Some(c) == out.hovered_country && Some(c) != scene.selected {
            let mut mesh = Mesh::default();
            append_fill(
                &mut mesh,
                m,
                Color32::from_white_alpha(70),
                Some((min_world, max_world)),
                &to_screen,
                &mut Vec::new(),
            );
            painter.add(Shape::mesh(mesh));
        }
        let line = ThinLine {
            width: stroke.width,
            color: stroke.color,
            feather: 1.0 / ui.ctx().pixels_per_point(),
        };
        let mut outline = Mesh::default();
        for ring in m.rings() {
            let points = decimated(ring, &to_screen, 0.5);
            if points.len() >= 3 {
                line.append(&mut outline, &points, true);
            }
        }
        painter.add(Shape::mesh(outline));
    }

    // Links, ended ones first so live ones sit on top.
    let mut screen_points = Vec::new();
    for link in scene.links {
        screen_points.clear();
        screen_points.extend(link.points_world.iter().map(|&w| to_screen(w)));
        let emphasis = if Some(link.relationship) == out.hovered_link
            || Some(link.relationship) == scene.highlighted_link
        {
            1.8
        } else {
            1.0
        };
        LinkLook::of(link.status).paint(&painter, &screen_points, emphasis);
    }

    // Organisation nodes, then labels: Sahel states first, then organisations, then
    // partners, each left out where it would overlap one already placed.
    let mut placed: Vec<Rect> = Vec::new();
    for node in scene.nodes {
        let p = to_screen(node.world);
        if !rect.expand(40.0).contains(p) {
            continue;
        }
        let hovered = out.hovered_node == Some(node.entity);
        painter.circle(
            p,
            if hovered { 7.5 } else { 6.0 },
            Color32::WHITE,
            Stroke::new(2.0, palette::SELECTED),
        );
    }
    let sahel_first = scene
        .labels
        .iter()
        .filter(|(c, _)| is_sahel(scene.layer, *c))
        .chain(
            scene
                .labels
                .iter()
                .filter(|(c, _)| !is_sahel(scene.layer, *c)),
        );
    let country_labels = sahel_first.filter_map(|(c, text)| {
        let p = to_screen(*scene.layer.labels_world.get(*c)?);
        rect.contains(p).then_some((
            p,
            text.as_str(),
            12.5,
            palette::LABEL,
            is_sahel(scene.layer, *c),
        ))
    });
    let node_labels = scene.nodes.iter().filter_map(|node| {
        let p = to_screen(node.world) + Vec2::new(0.0, -14.0);
        rect.contains(p)
            .then_some((p, node.label.as_str(), 11.5, palette::SELECTED, false))
    });
    let (sahel, partners): (Vec<_>, Vec<_>) = country_labels.partition(|l| l.4);
    for (p, text, size, color, _) in sahel.into_iter().chain(node_labels).chain(partners) {
        let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), color);
        let bounds = egui::Align2::CENTER_CENTER
            .anchor_size(p, galley.size())
            .expand(1.5);
        if placed.iter().any(|r| r.intersects(bounds)) {
            continue;
        }
        placed.push(bounds);
        halo_text(&painter, p, text, size, color);
    }

    if response.clicked() {
        out.clicked = Some(
            match (out.hovered_node, out.hovered_link, out.hovered_country) {
                (Some(n), _, _) => MapClick::Node(n),
                (None, Some(l), _) => MapClick::Link(l),
                (None, None, Some(c)) => MapClick::Country(c),
                (None, None, None) => MapClick::Nothing,
            },
        );
    }
    out
}

fn is_sahel(layer: &MapLayer, c: usize) -> bool {
    layer
        .countries()
        .get(c)
        .is_some_and(|country| crate::model::is_sahel_state(&country.key))
}

/// Text with a light halo so it reads over any fill.
fn halo_text(painter: &egui::Painter, at: Pos2, text: &str, size: f32, color: Color32) {
    let font = FontId::proportional(size);
    let halo = Color32::from_white_alpha(200);
    for d in [
        Vec2::new(-1.0, 0.0),
        Vec2::new(1.0, 0.0),
        Vec2::new(0.0, -1.0),
        Vec2::new(0.0, 1.0),
    ] {
        painter.text(
            at + d,
            egui::Align2::CENTER_CENTER,
            text,
            font.clone(),
            halo,
        );
    }
    painter.text(at, egui::Align2::CENTER_CENTER, text, font, color);
}

/// Border width: thinner when the whole world is shown.
fn border_width(scale: f64) -> f32 {
    if scale < 400.0 { 0.5 } else { 0.8 }
}

/// Appends a country's triangles to `out` in screen points; with `view` (world min and max),
/// only the triangles that meet it, so a country mostly off screen costs little.
fn append_fill(
    out: &mut Mesh,
    m: &crate::map::CountryMesh,
    color: Color32,
    view: Option<([f64; 2], [f64; 2])>,
    to_screen: &impl Fn([f64; 2]) -> Pos2,
    remap: &mut Vec<u32>,
) {
    let vertex = |v: [f32; 2]| Vertex {
        pos: to_screen([f64::from(v[0]), f64::from(v[1])]),
        uv: WHITE_UV,
        color,
    };
    let base = out.vertices.len() as u32;
    let Some((min, max)) = view else {
        out.vertices.extend(m.vertices.iter().map(|&v| vertex(v)));
        out.indices.extend(m.indices.iter().map(|i| base + i));
        return;
    };
    let (min, max) = (
        [min[0] as f32, min[1] as f32],
        [max[0] as f32, max[1] as f32],
    );
    remap.clear();
    remap.resize(m.vertices.len(), u32::MAX);
    for triangle in m.indices.chunks_exact(3) {
        let (Some(a), Some(b), Some(c)) = (
            m.vertices.get(triangle[0] as usize),
            m.vertices.get(triangle[1] as usize),
            m.vertices.get(triangle[2] as usize),
        ) else {
            continue;
        };
        let corners = [a, b, c];
        let outside = (0..2).any(|k| {
            corners.iter().all(|p| p[k] < min[k]) || corners.iter().all(|p| p[k] > max[k])
        });
        if outside {
            continue;
        }
        for (&i, &p) in triangle.iter().zip(&corners) {
            let slot = &mut remap[i as usize];
            if *slot == u32::MAX {
                *slot = out.vertices.len() as u32;
                out.vertices.push(vertex(*p));
            }
            out.indices.push(*slot);
        }
    }
}

/// The parts of a closed ring (screen points) that pass through `clip`, as open polylines;
/// `None` when every segment does (draw the ring whole, closed).
fn visible_runs(points: &[Pos2], clip: Rect) -> Option<Vec<Vec<Pos2>>> {
    let n = points.len();
    let segment_visible = |i: usize| {
        let (a, b) = (points[i], points[(i + 1) % n]);
        Rect::from_two_pos(a, b).intersects(clip)
    };
    // Start after a hidden segment so that no run is cut in two where the ring starts.
    let hidden = (0..n).find(|&i| !segment_visible(i))?;
    let mut runs = Vec::new();
    let mut run: Vec<Pos2> = Vec::new();
    for k in 1..=n {
        let i = (hidden + k) % n;
        if segment_visible(i) {
            if run.is_empty() {
                run.push(points[i]);
            }
            run.push(points[(i + 1) % n]);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    Some(runs)
}

/// Points closer than this to the last one kept are left out of country outlines.
const OUTLINE_STEP: f32 = 1.5;

/// An anti-aliased line drawn as a mesh: like egui's own strokes (a ridge one pixel to each
/// side for lines thinner than a pixel, a band with feathered edges for thicker ones), but
/// with mitres limited to twice the width, so that a coastline turning back on itself at a
/// low zoom stays a short corner instead of a spike across the map.
#[derive(Clone, Copy, Debug)]
struct ThinLine {
    width: f32,
    color: Color32,
    /// One physical pixel, in points.
    feather: f32,
}

impl ThinLine {
    fn append(&self, out: &mut Mesh, points: &[Pos2], closed: bool) {
        let n = points.len();
        if n < 2 {
            return;
        }
        // Segment i runs from point i to point i + 1 (the last back to the first if closed).
        let segments = if closed { n } else { n - 1 };
        let normals: Vec<Vec2> = (0..segments)
            .map(|i| (points[(i + 1) % n] - points[i]).normalized().rot90())
            .collect();
        let thin = self.width <= self.feather;
        let per_point = if thin { 3 } else { 4 };
        let base = out.vertices.len() as u32;
        out.vertices.reserve(per_point * n);
        out.indices.reserve(3 * 2 * (per_point - 1) * segments);
        let clear = Color32::TRANSPARENT;
        let middle = self.color.gamma_multiply(self.width / self.feather);
        let inner = 0.5 * (self.width - self.feather);
        let outer = 0.5 * (self.width + self.feather);
        for (i, &p) in points.iter().enumerate() {
            let before = if i > 0 { i - 1 } else { n - 1 };
            let after = normals.get(i).or(normals.get(before)).copied();
            let before = normals.get(before).or(normals.get(i)).copied();
            let (n0, n1) = (before.unwrap_or(Vec2::ZERO), after.unwrap_or(Vec2::ZERO));
            let mean = (n0 + n1) * 0.5;
            let length_sq = mean.length_sq();
            // The mitre is mean / |mean|²; at most twice as long as the normal.
            let miter = if length_sq >= 0.25 {
                mean / length_sq
            } else {
                n1 * 2.0
            };
            if thin {
                out.colored_vertex(p + miter * self.feather, clear);
                out.colored_vertex(p, middle);
                out.colored_vertex(p - miter * self.feather, clear);
            } else {
                out.colored_vertex(p + miter * outer, clear);
                out.colored_vertex(p + miter * inner, self.color);
                out.colored_vertex(p - miter * inner, self.color);
                out.colored_vertex(p - miter * outer, clear);
            }
        }
        let stride = per_point as u32;
        for s in 0..segments {
            let (i0, i1) = (s as u32, ((s + 1) % n) as u32);
            let (a, b) = (base + stride * i0, base + stride * i1);
            for k in 0..stride - 1 {
                out.add_triangle(a + k, a + k + 1, b + k);
                out.add_triangle(a + k + 1, b + k, b + k + 1);
            }
        }
    }
}

/// A ring in screen points, dropping points closer than `min_step` to the last one kept.
fn decimated(ring: &[[f32; 2]], to_screen: &impl Fn([f64; 2]) -> Pos2, min_step: f32) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(ring.len().min(256));
    let min2 = min_step * min_step;
    for v in ring {
        let p = to_screen([f64::from(v[0]), f64::from(v[1])]);
        if out.last().is_none_or(|q| (p - *q).length_sq() >= min2) {
            out.push(p);
        }
    }
    // A ring whose last point came back onto its first: drawn closed, it needs it once.
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

fn fills_hash(fills: &[crate::map::style::Rgb]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fills.hash(&mut h);
    h.finish()
}

/// The outline of the Equal Earth world, world coordinates, counter-clockwise.
fn world_outline() -> &'static [[f64; 2]] {
    static OUTLINE: std::sync::OnceLock<Vec<[f64; 2]>> = std::sync::OnceLock::new();
    OUTLINE.get_or_init(|| {
        let mut points = Vec::new();
        for i in 0..=36 {
            points.push(world_from_lon_lat(180.0, -90.0 + 5.0 * f64::from(i)));
        }
        for i in 0..=36 {
            points.push(world_from_lon_lat(-180.0, 90.0 - 5.0 * f64::from(i)));
        }
        points
    })
}

/// Screen position of a lon/lat for a camera and viewport: what tests click.
pub fn screen_from_lon_lat(camera: &MapCamera, rect: Rect, lon: f64, lat: f64) -> Pos2 {
    let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
    let s = camera.screen_from_world(world_from_lon_lat(lon, lat), center);
    Pos2::new(s[0] as f32, s[1] as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance_to_nearest(p: Pos2, points: &[Pos2]) -> f32 {
        points
            .iter()
            .map(|q| q.distance(p))
            .fold(f32::INFINITY, f32::min)
    }

    #[test]
    fn a_line_that_turns_back_on_itself_has_no_spike() {
        // A coastline at a low zoom: out along a thin peninsula and straight back.
        let ring = [
            Pos2::new(0.0, 0.0),
            Pos2::new(100.0, 0.0),
            Pos2::new(0.0, 0.3),
            Pos2::new(-20.0, 40.0),
        ];
        for width in [0.8, 2.5] {
            let line = ThinLine {
                width,
                color: Color32::BLACK,
                feather: 1.0,
            };
            let mut mesh = Mesh::default();
            line.append(&mut mesh, &ring, true);
            let reach = 2.0 * (width + 1.0);
            for v in &mesh.vertices {
                let d = distance_to_nearest(v.pos, &ring);
                assert!(
                    d <= reach,
                    "vertex {:?} is {d} from the line (width {width})",
                    v.pos
                );
            }
            assert!(
                mesh.indices
                    .iter()
                    .all(|&i| (i as usize) < mesh.vertices.len())
            );
        }
    }

    #[test]
    fn a_thin_line_costs_four_triangles_a_segment() {
        let points = [
            Pos2::new(0.0, 0.0),
            Pos2::new(10.0, 0.0),
            Pos2::new(10.0, 10.0),
        ];
        let line = ThinLine {
            width: 0.8,
            color: Color32::BLACK,
            feather: 1.0,
        };
        let mut open = Mesh::default();
        line.append(&mut open, &points, false);
        assert_eq!((open.vertices.len(), open.indices.len()), (9, 2 * 4 * 3));
        let mut closed = Mesh::default();
        line.append(&mut closed, &points, true);
        assert_eq!(closed.indices.len(), 3 * 4 * 3);
    }

    #[test]
    fn only_the_visible_parts_of_a_ring_are_kept() {
        let clip = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(100.0, 100.0));
        let inside = [
            Pos2::new(10.0, 10.0),
            Pos2::new(90.0, 10.0),
            Pos2::new(90.0, 90.0),
        ];
        assert!(visible_runs(&inside, clip).is_none());
        // A ring that leaves the view on the right: one open run through the view, starting
        // and ending at the points just outside, and nothing of the far side.
        let crossing = [
            Pos2::new(50.0, 20.0),
            Pos2::new(150.0, 20.0),
            Pos2::new(400.0, 20.0),
            Pos2::new(400.0, 80.0),
            Pos2::new(150.0, 80.0),
            Pos2::new(50.0, 80.0),
        ];
        let runs = visible_runs(&crossing, clip).expect("partly visible");
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!(run.first(), Some(&Pos2::new(150.0, 80.0)));
        assert_eq!(run.last(), Some(&Pos2::new(150.0, 20.0)));
        assert!(!run.contains(&Pos2::new(400.0, 20.0)));
    }

    #[test]
    fn fills_off_screen_are_left_out_and_the_rest_is_reindexed() {
        // Two triangles side by side, world coordinates; the view holds only the left one.
        let m = crate::map::CountryMesh {
            vertices: vec![
                [0.0, 0.0],
                [1.0, 0.0],
                [0.0, 1.0],
                [5.0, 0.0],
                [6.0, 0.0],
                [5.0, 1.0],
            ],
            indices: vec![0, 1, 2, 3, 4, 5],
            ring_ends: vec![3, 6],
            bbox: [0.0, 0.0, 6.0, 1.0],
        };
        let to_screen = |w: [f64; 2]| Pos2::new(w[0] as f32 * 10.0, w[1] as f32 * 10.0);
        let mut all = Mesh::default();
        append_fill(
            &mut all,
            &m,
            Color32::RED,
            None,
            &to_screen,
            &mut Vec::new(),
        );
        assert_eq!((all.vertices.len(), all.indices.len()), (6, 6));
        let mut clipped = Mesh::default();
        clipped.vertices.push(Vertex::default()); // indices must start after what is there
        let view = Some(([-1.0, -1.0], [2.0, 2.0]));
        append_fill(
            &mut clipped,
            &m,
            Color32::RED,
            view,
            &to_screen,
            &mut Vec::new(),
        );
        assert_eq!(clipped.vertices.len(), 4);
        assert_eq!(clipped.indices, vec![1, 2, 3]);
        assert_eq!(clipped.vertices[2].pos, Pos2::new(10.0, 0.0));
    }
}
