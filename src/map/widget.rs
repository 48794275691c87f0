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
    /// Borders, tessellated once per view rather than every frame.
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
        let mut tessellator = egui::epaint::Tessellator::new(
            ui.ctx().pixels_per_point(),
            ui.ctx().tessellation_options(|o| *o),
            [1, 1],
            Vec::new(),
        );
        let border = Stroke::new(border_width(camera.scale), palette::BORDER);
        let meshes = scene.layer.meshes_for_scale(camera.scale);
        for c in scene.layer.countries_in(min_world, max_world) {
            let m = &meshes[c];
            let color = scene
                .fills
                .get(c)
                .map_or(palette::LAND, |&rgb| palette::color(rgb));
            let base = mesh.vertices.len() as u32;
            mesh.vertices.extend(m.vertices.iter().map(|v| Vertex {
                pos: to_screen([f64::from(v[0]), f64::from(v[1])]),
                uv: WHITE_UV,
                color,
            }));
            mesh.indices.extend(m.indices.iter().map(|i| base + i));
            for ring in &m.rings {
                let points = decimated(ring, &to_screen, 1.0);
                if points.len() >= 3 {
                    tessellator.tessellate_path(
                        &egui::epaint::PathShape::closed_line(points, border),
                        &mut outlines,
                    );
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
        let Some(m) = scene.layer.meshes.get(c) else {
            continue;
        };
        if Some(c) == out.hovered_country && Some(c) != scene.selected {
            let mut mesh = Mesh::default();
            mesh.vertices.extend(m.vertices.iter().map(|v| Vertex {
                pos: to_screen([f64::from(v[0]), f64::from(v[1])]),
                uv: WHITE_UV,
                color: Color32::from_white_alpha(70),
            }));
            mesh.indices.extend_from_slice(&m.indices);
            painter.add(Shape::mesh(mesh));
        }
        for ring in &m.rings {
            let points = decimated(ring, &to_screen, 0.5);
            if points.len() >= 3 {
                painter.add(Shape::closed_line(points, stroke));
            }
        }
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
    // Closed rings repeat their first point; closed_line closes them anyway.
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
