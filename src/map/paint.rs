//! The egui backend of the [`super::display`] list, a [`Canvas`] like the PNG and SVG ones:
//! countries from triangle meshes cached per view (through [`Canvas::country_part`]), borders
//! as anti-aliased line meshes with limited mitres, filled rings triangulated by the even-odd
//! rule (egui fills only convex paths), and the rest with egui's shapes.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Vec2};

use super::display::{
    self, Anchor, Canvas, CountryPart, DisplayList, Item, Line, Meta, Paint, TextStyle,
};
use super::layer::MapLayer;

/// An egui colour for a paint.
pub fn color(paint: Paint) -> Color32 {
    let [r, g, b] = paint.rgb;
    let a = (paint.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn stroke(line: &Line) -> Stroke {
    Stroke::new(line.width, color(line.paint))
}

/// The fill mesh of the last frame, reused while nothing that shapes it changes.
#[derive(Default)]
pub struct MeshCache {
    key: Option<(crate::map::MapCamera, [u32; 5], usize, u64, bool)>,
    fill: std::sync::Arc<Mesh>,
    /// Borders as an anti-aliased line mesh, built once per view rather than every frame.
    outlines: std::sync::Arc<Mesh>,
}

/// Paints `list` with its top-left corner at `origin`, countries from `layer` through the
/// cached meshes.
pub fn paint(
    painter: &egui::Painter,
    origin: Pos2,
    list: &DisplayList,
    layer: &MapLayer,
    cache: &mut MeshCache,
) {
    let mut canvas = EguiCanvas::new(painter, origin, Some(cache));
    display::replay(list, layer, &mut canvas);
}

/// The screen backend: a [`Canvas`] on an egui painter, with its top-left corner at
/// `origin`. With a [`MeshCache`], countries are drawn from cached triangle meshes (egui fills
/// only convex paths, and rebuilding the world's meshes every frame would cost too much);
/// without one (a chart) there are none to draw.
pub struct EguiCanvas<'a> {
    painter: &'a egui::Painter,
    origin: Pos2,
    cache: Option<&'a mut MeshCache>,
}

impl<'a> EguiCanvas<'a> {
    /// A canvas drawing at `origin` on `painter`.
    pub fn new(painter: &'a egui::Painter, origin: Pos2, cache: Option<&'a mut MeshCache>) -> Self {
        Self {
            painter,
            origin,
            cache,
        }
    }

    fn at(&self, p: [f32; 2]) -> Pos2 {
        Pos2::new(self.origin.x + p[0], self.origin.y + p[1])
    }
}

impl Canvas for EguiCanvas<'_> {
    fn rings(
        &mut self,
        rings: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        _meta: Option<Meta>,
    ) {
        if let Some(fill) = fill {
            let mut mesh = Mesh::default();
            for (vertices, indices) in even_odd_triangles(rings) {
                let base = mesh.vertices.len() as u32;
                mesh.vertices.extend(vertices.iter().map(|&p| Vertex {
                    pos: self.at(p),
                    uv: WHITE_UV,
                    color: color(fill),
                }));
                mesh.indices
                    .extend(indices.iter().map(|&i| base + i as u32));
            }
            self.painter.add(Shape::mesh(mesh));
        }
        if let Some(line) = line {
            for ring in rings {
                let points: Vec<Pos2> = ring.iter().map(|&p| self.at(p)).collect();
                self.painter.add(Shape::closed_line(points, stroke(line)));
            }
        }
    }

    fn polyline(&mut self, points: &[[f32; 2]], line: &Line, _meta: Option<Meta>) {
        let points: Vec<Pos2> = points.iter().map(|&p| self.at(p)).collect();
        match line.dash {
            None => {
                self.painter.add(Shape::line(points, stroke(line)));
            }
            Some((dash, gap)) => {
                self.painter
                    .extend(Shape::dashed_line(&points, stroke(line), dash, gap));
            }
        }
    }

    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line) {
        self.painter
            .circle(self.at(center), radius, color(fill), stroke(line));
    }

    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>) {
        self.painter.rect(
            Rect::from_min_max(self.at(min), self.at(max)),
            0.0,
            fill.map_or(Color32::TRANSPARENT, color),
            line.map_or(Stroke::NONE, stroke),
            egui::StrokeKind::Middle,
        );
    }

    fn text(&mut self, at: [f32; 2], text: &str, style: &TextStyle) {
        text_with_halo(self.painter, self.at(at), text, style);
    }

    fn country_part(
        &mut self,
        list: &DisplayList,
        layer: &MapLayer,
        part: CountryPart<'_>,
    ) -> bool {
        let Some(cache) = self.cache.as_deref_mut() else {
            return false;
        };
        let origin = self.origin;
        let to_screen = |w: [f64; 2]| {
            let p = list.pixel_from_world(w);
            Pos2::new(origin.x + p[0], origin.y + p[1])
        };
        match part {
            CountryPart::Fills | CountryPart::Borders(_) => {
                let ppp = self.painter.ctx().pixels_per_point();
                let rect = Rect::from_min_size(origin, Vec2::new(list.size[0], list.size[1]));
                // The borders are built with the fills, into the same cached meshes.
                let border = list.items.iter().find_map(|i| match i {
                    Item::Borders(line) => Some(*line),
                    _ => None,
                });
                countries(cache, list, layer, rect, ppp, border, &to_screen);
                let mesh = if matches!(part, CountryPart::Fills) {
                    cache.fill.clone()
                } else {
                    cache.outlines.clone()
                };
                self.painter.add(Shape::Mesh(mesh));
            }
            CountryPart::Tint(c, tint) => {
                let meshes = layer.meshes_for_scale(list.camera.scale);
                if let Some(m) = meshes.get(c.index()) {
                    let mut mesh = Mesh::default();
                    let view = Some(list.world_bounds());
                    append_fill(&mut mesh, m, color(tint), view, &to_screen, &mut Vec::new());
                    self.painter.add(Shape::mesh(mesh));
                }
            }
            CountryPart::Outline(c, line) => {
                // At the detail drawn at this zoom: the full 1:10m outline of Russia under
                // the pointer at a world view would cost more than the whole map.
                let meshes = layer.meshes_for_scale(list.camera.scale);
                if let Some(m) = meshes.get(c.index()) {
                    let thin = ThinLine {
                        width: line.width,
                        color: color(line.paint),
                        feather: 1.0 / self.painter.ctx().pixels_per_point(),
                    };
                    let mut outline = Mesh::default();
                    for ring in m.rings() {
                        let points = decimated(ring, &to_screen, 0.5);
                        if points.len() >= 3 {
                            thin.append(&mut outline, &points, true);
                        }
                    }
                    self.painter.add(Shape::mesh(outline));
                }
            }
        }
        true
    }
}

/// Triangles filling `rings` by the even-odd rule, as the SVG and PNG backends fill them: a
/// ring inside an odd number of others is a hole of the smallest ring around it, the others
/// are outer rings. Each polygon's vertices and triangle indices.
fn even_odd_triangles(rings: &[Vec<[f32; 2]>]) -> Vec<(Vec<[f32; 2]>, Vec<usize>)> {
    use geo::TriangulateEarcut as _;
    let inside = |p: [f32; 2], ring: &[[f32; 2]]| {
        let mut crossings = false;
        for (i, a) in ring.iter().enumerate() {
            let b = ring[(i + 1) % ring.len()];
            if (a[1] > p[1]) != (b[1] > p[1])
                && p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
            {
                crossings = !crossings;
            }
        }
        crossings
    };
    let rings: Vec<&Vec<[f32; 2]>> = rings.iter().filter(|r| r.len() >= 3).collect();
    // For each ring, the rings around it (by its first point).
    let around: Vec<Vec<usize>> = rings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (0..rings.len())
                .filter(|&j| j != i && inside(r[0], rings[j]))
                .collect()
        })
        .collect();
    let line = |r: &Vec<[f32; 2]>| {
        geo::LineString::from(r.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>())
    };
    let mut out = Vec::new();
    for (i, r) in rings.iter().enumerate() {
        if around[i].len() % 2 == 1 {
            continue;
        }
        // Holes: rings one level deeper whose nearest outer ring is this one.
        let holes = (0..rings.len())
            .filter(|&j| around[j].len() == around[i].len() + 1 && around[j].contains(&i))
            .map(|j| line(rings[j]))
            .collect();
        let raw = geo::Polygon::new(line(r), holes).earcut_triangles_raw();
        out.push((raw.vertices, raw.triangle_indices));
    }
    out
}

/// Text centred vertically on `at`, with the light halo labels have on the map.
pub fn text_with_halo(painter: &egui::Painter, at: Pos2, text: &str, style: &TextStyle) {
    let align = match style.anchor {
        Anchor::Start => egui::Align2::LEFT_CENTER,
        Anchor::Middle => egui::Align2::CENTER_CENTER,
        Anchor::End => egui::Align2::RIGHT_CENTER,
    };
    let font = FontId::proportional(egui_font_size(style.size));
    if style.halo {
        let halo = Color32::from_white_alpha(200);
        for d in [
            Vec2::new(-1.0, 0.0),
            Vec2::new(1.0, 0.0),
            Vec2::new(0.0, -1.0),
            Vec2::new(0.0, 1.0),
        ] {
            painter.text(at + d, align, text, font.clone(), halo);
        }
    }
    painter.text(at, align, text, font, color(style.paint));
}

/// The egui font size that sets text as large as the exports' em size.
pub fn egui_font_size(em: f32) -> f32 {
    em
}

/// Builds the cached country fill and border meshes for this view if they are stale.
fn countries(
    cache: &mut MeshCache,
    list: &DisplayList,
    layer: &MapLayer,
    rect: Rect,
    ppp: f32,
    border: Option<Line>,
    to_screen: &impl Fn([f64; 2]) -> Pos2,
) {
    let key = (
        list.camera,
        [rect.min.x, rect.min.y, rect.max.x, rect.max.y, ppp].map(f32::to_bits),
        std::ptr::from_ref(layer) as usize,
        fills_hash(&list.fills, border),
        layer.simplified_ready(),
    );
    if cache.key == Some(key) {
        return;
    }
    cache.key = Some(key);
    let (min_world, max_world) = list.world_bounds();
    let mut mesh = Mesh::default();
    let mut outlines = Mesh::default();
    let line = border.map(|b| ThinLine {
        width: b.width,
        color: color(b.paint),
        feather: 1.0 / ppp,
    });
    let meshes = layer.meshes_for_scale(list.camera.scale);
    // Outlines reach a little past the edge so that their joins stay out of sight.
    let clip = rect.expand(4.0);
    let mut remap = Vec::new();
    for c in layer.countries_in(min_world, max_world) {
        let Some(m) = meshes.get(c.index()) else {
            continue;
        };
        let fill = list
            .fills
            .get(c.index())
            .map_or(crate::map::style::LAND, |&rgb| rgb);
        let whole = m.bbox[0] >= min_world[0]
            && m.bbox[1] >= min_world[1]
            && m.bbox[2] <= max_world[0]
            && m.bbox[3] <= max_world[1];
        append_fill(
            &mut mesh,
            m,
            color(Paint::solid(fill)),
            (!whole).then_some((min_world, max_world)),
            to_screen,
            &mut remap,
        );
        let Some(line) = line else { continue };
        for ring in m.rings() {
            let points = decimated(ring, to_screen, OUTLINE_STEP);
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

fn fills_hash(fills: &[crate::map::style::Rgb], border: Option<Line>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fills.hash(&mut h);
    border
        .map(|b| (b.width.to_bits(), b.paint.rgb))
        .hash(&mut h);
    h.finish()
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
