//! The map widget: turns the pointer into pan, zoom, hover and click, builds the frame's
//! [`display`](super::display) list and paints it with the egui backend. Rebuilt every
//! frame; the camera and the mesh cache persist in the app.
//!
//! What the pointer is on is decided as a person means it: an organisation's disc, then a
//! label (a country's name selects the country, even where its links end), then a link's
//! own arc away from the labels and the arc's ends, then the country under the pointer.
//! Inside a country only an arc drawn at full strength wins over it; a faded one (ended,
//! out of focus, unchanged in compare mode) never does.

use egui::{Pos2, Rect, Sense};

use super::camera::MapCamera;
use super::display::{self, EdgeMarker, FramePlan, Highlights, Labelled, PlacedLabel};
use super::layer::MapLayer;
use super::links::distance_to_polyline;
use super::projection::world_from_lon_lat;
use super::scene::SceneLink;

pub use super::paint::MeshCache;
use crate::io::CountryIx;
use crate::model::EntityIx;
use crate::model::RelIx;

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

/// Everything the widget needs to draw one frame.
pub struct MapScene<'a> {
    /// The country layer.
    pub layer: &'a MapLayer,
    /// What is drawn: fills, labels, links, organisation nodes (the scene at the date).
    pub marks: display::SceneRef<'a>,
    /// The selected country.
    pub selected: Option<CountryIx>,
    /// The highlighted link (hovered in a list, selected).
    pub highlighted_link: Option<RelIx>,
    /// The entity in focus: its ties at full strength, the rest faded.
    pub focus: Option<EntityIx>,
}

/// What happened on the map this frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapResponse {
    /// The country under the pointer.
    pub hovered_country: Option<CountryIx>,
    /// The link under the pointer (relationship index).
    pub hovered_link: Option<RelIx>,
    /// The organisation node under the pointer (entity index).
    pub hovered_node: Option<EntityIx>,
    /// A click: on what.
    pub clicked: Option<MapClick>,
    /// The labels placed this frame, map-local pixels (what a click on a name picks).
    pub labels: Vec<PlacedLabel>,
    /// The markers where arcs leave the view, map-local pixels.
    pub markers: Vec<EdgeMarker>,
    /// The edge marker under the pointer (index into `markers`).
    pub hovered_marker: Option<usize>,
    /// Every tie the arc under the pointer stands for (relationship indices): more than one
    /// where links between the same two ends are bundled.
    pub hovered_ties: Vec<RelIx>,
    /// Where the pointer is, lon/lat degrees (for a form that picks a place on the map).
    pub pointer_lon_lat: Option<[f64; 2]>,
}

/// What a click on the map hit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapClick {
    /// A country of the layer.
    Country(CountryIx),
    /// A link (relationship index).
    Link(RelIx),
    /// An organisation node.
    Node(EntityIx),
    /// A marker at the view's edge: frame these two places (world coordinates).
    Frame([f64; 2], [f64; 2]),
    /// The sea, or anything that is not a country.
    Nothing,
}

/// The map's name for screen readers (and tests), in the thread's language: "Map", "Carte".
pub fn map_label() -> &'static str {
    crate::model::i18n::tr_static("map-label")
}

/// How close to an arc (points) the pointer must be to be on it.
pub const LINK_PICK_DISTANCE: f32 = 5.0;
/// How far from a label's box and from an arc's ends (points) a link can be picked: the
/// ends sit on countries' label points, where a click means the country.
pub const LINK_PICK_CLEARANCE: f32 = 6.0;

/// What the pointer is on, as a click would take it: see the module's documentation.
pub fn pick(
    frame: &display::DisplayList,
    scene: &MapScene<'_>,
    plan: &FramePlan,
    p: [f32; 2],
) -> MapClick {
    let (labels, markers) = (&plan.labels, &plan.markers);
    let world = frame
        .camera
        .world_from_screen([f64::from(p[0]), f64::from(p[1])], frame.center());
    let near = |q: [f32; 2], d: f32| (q[0] - p[0]).hypot(q[1] - p[1]) <= d;
    if let Some(n) = scene.marks.nodes.iter().find(|n| {
        near(
            frame.pixel_from_world(n.world),
            display::marks::NODE_RADIUS + 3.0,
        )
    }) {
        return MapClick::Node(n.entity);
    }
    let in_box = |b: &[f32; 4], margin: f32| {
        p[0] >= b[0] - margin
            && p[0] <= b[2] + margin
            && p[1] >= b[1] - margin
            && p[1] <= b[3] + margin
    };
    if let Some(m) = markers.iter().find(|m| m.contains(p)) {
        let (lo, hi) = m.frame_world();
        return MapClick::Frame(lo, hi);
    }
    if let Some(label) = labels.iter().find(|l| in_box(&l.bounds, 0.0)) {
        return match label.names {
            Labelled::Country(c) => MapClick::Country(c),
            Labelled::Node(e) => MapClick::Node(e),
            // A site's name stands for the ties that end there: the first one drawn.
            Labelled::Site(i) => scene
                .marks
                .links
                .iter()
                .find(|l| l.site == Some(i))
                .map_or(MapClick::Nothing, |l| MapClick::Link(l.relationship)),
        };
    }
    // A bundle's count stands for every tie between its two ends, faded or not.
    if let Some((_, arc)) = display::bundle_counts(frame, scene.marks, &plan.arcs)
        .into_iter()
        .find(|(c, _)| near(*c, display::BUNDLE_COUNT_RADIUS + 1.0))
        && let Some(link) = plan
            .arcs
            .get(arc)
            .and_then(|a| scene.marks.links.get(a.link))
    {
        return MapClick::Link(link.relationship);
    }
    let country = scene.layer.country_at_world(world);
    let clear_of_labels = !labels
        .iter()
        .any(|l| in_box(&l.bounds, LINK_PICK_CLEARANCE));
    if clear_of_labels {
        let tolerance = f64::from(LINK_PICK_DISTANCE) / frame.camera.scale;
        let on_arc = |l: &&SceneLink| {
            let ends = [l.points_world.first(), l.points_world.last()];
            let clear_of_ends = ends.iter().flatten().all(|&&w| {
                !near(
                    frame.pixel_from_world(w),
                    LINK_PICK_CLEARANCE + LINK_PICK_DISTANCE,
                )
            });
            clear_of_ends && distance_to_polyline(world, &l.points_world) <= tolerance
        };
        let comparing = scene.marks.links.iter().any(|l| l.change.is_some());
        let pickable = |l: &&SceneLink| {
            country.is_none() || display::at_full_strength(l, scene.focus, comparing)
        };
        if let Some(l) = plan
            .arcs
            .iter()
            .rev()
            .filter_map(|a| scene.marks.links.get(a.link))
            .filter(pickable)
            .find(on_arc)
        {
            return MapClick::Link(l.relationship);
        }
    }
    match country {
        Some(c) => MapClick::Country(c),
        None => MapClick::Nothing,
    }
}

/// The names and edge markers placed this frame, as children of the map's node in the
/// accessibility tree: a label per name ([`Role::Label`], bounded by its text) and a button
/// per edge marker ([`Role::Button`], bounded by its label; a click frames both ends). What
/// a screen reader reads of the map beyond the country under the pointer, and what tests find
/// with kittest queries.
///
/// [`Role::Label`]: egui::accesskit::Role::Label
/// [`Role::Button`]: egui::accesskit::Role::Button
fn placed_nodes_ui(ui: &mut egui::Ui, map: egui::Id, rect: Rect, plan: &FramePlan) {
    use egui::accesskit::Role;
    let mut node = |salt: (&str, usize), role: Role, text: &str, bounds: [f32; 4]| {
        let r = Rect::from_min_max(
            rect.min + egui::vec2(bounds[0], bounds[1]),
            rect.min + egui::vec2(bounds[2], bounds[3]),
        );
        let child = ui.new_child(
            egui::UiBuilder::new()
                .id_salt(salt)
                .max_rect(r)
                .accessibility_parent(map)
                .accessibility_role(role),
        );
        ui.ctx().accesskit_node_builder(child.unique_id(), |n| {
            // AccessKit keeps a label's text as its value, a button's as its label.
            if role == Role::Label {
                n.set_value(text);
            } else {
                n.set_label(text);
            }
            n.set_bounds(egui::accesskit::Rect {
                x0: r.min.x.into(),
                y0: r.min.y.into(),
                x1: r.max.x.into(),
                y1: r.max.y.into(),
            });
        });
    };
    for (i, label) in plan.labels.iter().enumerate() {
        node(("map label", i), Role::Label, &label.text, label.bounds);
    }
    for (i, m) in plan.markers.iter().enumerate() {
        let bounds = display::text_box(m.label_at, &m.label, &display::EDGE_LABEL);
        node(("map marker", i), Role::Button, &m.label, bounds);
    }
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
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Canvas, true, map_label())
    });
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

    let size = [rect.width(), rect.height()];
    let frame = display::DisplayList::new(size, *camera);
    let plan = display::plan_frame(scene.layer, scene.marks, *camera, size, scene.focus);

    // What the pointer is on.
    let pointer = response.hover_pos().filter(|p| rect.contains(*p));
    let mut picked = None;
    if let Some(p) = pointer {
        let local = [p.x - rect.min.x, p.y - rect.min.y];
        let world = camera.world_from_screen([f64::from(p.x), f64::from(p.y)], center);
        out.pointer_lon_lat = Some(super::projection::lon_lat_from_world(world[0], world[1]));
        // The map's value for screen readers (and tests): the country under the pointer.
        if let Some(country) =
            (scene.layer.country_at_world(world)).and_then(|c| scene.layer.country(c))
        {
            let name = country.name.clone();
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_value(name));
        }
        let hit = pick(&frame, scene, &plan, local);
        match hit {
            MapClick::Node(n) => out.hovered_node = Some(n),
            MapClick::Link(l) => {
                out.hovered_link = Some(l);
                out.hovered_ties = bundled_ties(scene, &plan, l);
            }
            MapClick::Country(c) => out.hovered_country = Some(c),
            MapClick::Frame(..) => {
                out.hovered_marker = plan.markers.iter().position(|m| m.contains(local));
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            }
            MapClick::Nothing => {}
        }
        picked = Some(hit);
    }

    let highlights = Highlights {
        selected_country: scene.selected,
        hovered_country: out.hovered_country,
        hovered_link: out.hovered_link,
        highlighted_link: scene.highlighted_link,
        hovered_node: out.hovered_node,
        focus: scene.focus,
        compare: scene.marks.links.iter().any(|l| l.change.is_some()),
        hovered_marker: out.hovered_marker,
    };
    let list = display::map_frame_planned(scene.marks, *camera, size, &highlights, &plan);
    let painter = ui.painter_at(rect);
    super::paint::paint(&painter, rect.min, &list, scene.layer, cache);
    placed_nodes_ui(ui, response.id, rect, &plan);
    out.labels = plan.labels;
    out.markers = plan.markers;

    if response.clicked() {
        out.clicked = Some(picked.unwrap_or(MapClick::Nothing));
    }
    out
}

/// The ties an arc stands for: `relationship` alone, or every link between the same two ends
/// when the frame bundles them into its arc.
fn bundled_ties(scene: &MapScene<'_>, plan: &FramePlan, relationship: RelIx) -> Vec<RelIx> {
    let links = scene.marks.links;
    let Some(arc) = plan.arcs.iter().find(|a| {
        links
            .get(a.link)
            .is_some_and(|l| l.relationship == relationship)
    }) else {
        return vec![relationship];
    };
    if arc.count <= 1 {
        return vec![relationship];
    }
    let pair = |e: [EntityIx; 2]| (e[0].min(e[1]), e[0].max(e[1]));
    let ends = pair(links[arc.link].ends);
    let mut ties: Vec<RelIx> = links
        .iter()
        .filter(|l| pair(l.ends) == ends)
        .map(|l| l.relationship)
        .collect();
    // The arc's own tie first.
    ties.sort_by_key(|&r| r != relationship);
    ties
}

/// Screen position of a lon/lat for a camera and viewport: what tests click.
pub fn screen_from_lon_lat(camera: &MapCamera, rect: Rect, lon: f64, lat: f64) -> Pos2 {
    let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
    let s = camera.screen_from_world(world_from_lon_lat(lon, lat), center);
    Pos2::new(s[0] as f32, s[1] as f32)
}
