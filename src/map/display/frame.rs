//! Building a frame's display list from its plan: background, sea, countries, borders,
//! highlights, links, organisation nodes, sites, edge markers and labels.

use super::markers::arrow;
use super::{
    BUNDLE_LABEL, DisplayList, DrawnArc, EDGE_LABEL, EdgeMarker, FramePlan, Item, Labelled, Line,
    Meta, Paint, PlacedLabel, SceneRef, compare_link, link_line, marks, plan_frame, site_marker,
};
use crate::io::CountryIx;
use crate::map::camera::MapCamera;
use crate::map::layer::MapLayer;
use crate::map::projection::world_from_lon_lat;
use crate::map::style;
use crate::model::EntityIx;
use crate::model::RelIx;

/// What is hovered, selected or emphasised in a frame of the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Highlights {
    /// The selected country (index in the layer).
    pub selected_country: Option<CountryIx>,
    /// The country under the pointer.
    pub hovered_country: Option<CountryIx>,
    /// The link under the pointer (relationship index).
    pub hovered_link: Option<RelIx>,
    /// The selected or list-hovered link.
    pub highlighted_link: Option<RelIx>,
    /// The organisation node under the pointer (entity index).
    pub hovered_node: Option<EntityIx>,
    /// The entity in focus (the selected country or organisation): its ties are drawn at
    /// full strength, the others faded, and only its ties get markers at the view's edge.
    pub focus: Option<EntityIx>,
    /// Compare mode: ties that changed are drawn by their change, the rest faded.
    pub compare: bool,
    /// The edge marker under the pointer (index into the plan's markers): boxed, its arcs
    /// emphasised.
    pub hovered_marker: Option<usize>,
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

/// The markers of the sites the drawn arcs end at, once each.
fn push_sites(list: &mut DisplayList, scene: SceneRef<'_>, arcs: &[DrawnArc]) {
    let mut drawn: Vec<usize> = arcs
        .iter()
        .filter_map(|a| scene.links.get(a.link)?.site)
        .collect();
    drawn.sort_unstable();
    drawn.dedup();
    list.items.push(Item::Group("sites"));
    for site in drawn.into_iter().filter_map(|i| scene.sites.get(i)) {
        let p = list.pixel_from_world(site.world);
        if list.contains(p, 10.0) {
            list.items.push(site_marker(p));
        }
    }
    list.items.push(Item::EndGroup);
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

/// How far from its hub an arc starts, and from its other end it stops, pixels.
const ARC_TRIM: (f32, f32) = (7.0, 3.0);

/// The radius of the disc that holds a bundle's count, pixels.
pub const BUNDLE_COUNT_RADIUS: f32 = 7.0;

/// Where the frame draws the count of each bundled arc (more than one tie between the same
/// two ends) that it shows: the disc's centre and the arc (index into `arcs`). Picking uses
/// it, so hovering a count finds the ties it counts.
pub fn bundle_counts(
    list: &DisplayList,
    scene: SceneRef<'_>,
    arcs: &[DrawnArc],
) -> Vec<([f32; 2], usize)> {
    arcs.iter()
        .enumerate()
        .filter(|(_, arc)| arc.count > 1)
        .filter_map(|(i, arc)| {
            let link = scene.links.get(arc.link)?;
            let points: Vec<[f32; 2]> = link
                .points_world
                .iter()
                .map(|&p| list.pixel_from_world(p))
                .collect();
            let points = trimmed(points, ARC_TRIM.0, ARC_TRIM.1);
            let mid = *points.get(points.len() / 2)?;
            list.contains(mid, 0.0).then_some((mid, i))
        })
        .collect()
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
    push_ground(&mut list);
    push_country_highlights(&mut list, highlights);
    if let Some(events) = &scene.events {
        list.items.push(Item::Group("events"));
        let items = crate::map::events::event_items(&list, events);
        list.items.extend(items);
        list.items.push(Item::EndGroup);
    }
    list.items.push(Item::Group("links"));
    let marked: &[RelIx] = highlights
        .hovered_marker
        .and_then(|m| plan.markers.get(m))
        .map_or(&[], |m| m.relationships.as_slice());
    let counts = push_links(&mut list, scene, highlights, &plan.arcs, marked);
    push_bundle_counts(&mut list, counts);
    list.items.push(Item::EndGroup);
    push_nodes(&mut list, scene, highlights);
    push_sites(&mut list, scene, &plan.arcs);
    push_edge_markers(&mut list, &plan.markers, highlights.hovered_marker);
    push_labels(&mut list, &plan.labels);
    list
}

/// Space, the sea inside the world's outline, the countries and their borders.
fn push_ground(list: &mut DisplayList) {
    let [w, h] = list.size;
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
        border_width(list.camera.scale),
    )));
    list.items.push(Item::EndGroup);
}

/// The hovered country tinted and outlined, the selected one outlined.
fn push_country_highlights(list: &mut DisplayList, highlights: &Highlights) {
    if let Some(c) = highlights.hovered_country
        && highlights.selected_country != Some(c)
    {
        list.items.push(Item::CountryTint(c, marks::HOVER_TINT));
        list.items.push(Item::CountryOutline(c, marks::HOVERED));
    }
    if let Some(c) = highlights.selected_country {
        list.items.push(Item::CountryOutline(c, marks::SELECTED));
    }
}

/// The arcs drawn, ties out of focus first (faded) so the focused ones sit on top, those of
/// `marked` (a hovered edge marker's ties) emphasised; returns where bundled arcs have their
/// middle and how many ties each stands for.
fn push_links(
    list: &mut DisplayList,
    scene: SceneRef<'_>,
    highlights: &Highlights,
    arcs: &[DrawnArc],
    marked: &[RelIx],
) -> Vec<([f32; 2], usize)> {
    let focused = |ends: &[EntityIx; 2]| highlights.focus.is_none_or(|f| ends.contains(&f));
    let mut counts = Vec::new();
    for in_focus in [false, true] {
        for arc in arcs {
            let Some(link) = scene.links.get(arc.link) else {
                continue;
            };
            if focused(&link.ends) != in_focus {
                continue;
            }
            let emphasised = Some(link.relationship) == highlights.hovered_link
                || Some(link.relationship) == highlights.highlighted_link
                || marked.contains(&link.relationship);
            let line = link_line(link, emphasised, in_focus);
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
    counts
}

/// The count of a bundled arc in a small disc at its middle, where that is in the frame.
fn push_bundle_counts(list: &mut DisplayList, counts: Vec<([f32; 2], usize)>) {
    for (mid, count) in counts {
        if list.contains(mid, 0.0) {
            list.items.push(Item::Circle {
                center: mid,
                radius: BUNDLE_COUNT_RADIUS,
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
}

/// The organisations' discs, larger when hovered.
fn push_nodes(list: &mut DisplayList, scene: SceneRef<'_>, highlights: &Highlights) {
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
}

/// The markers where arcs leave the view: an arrow and a label each, the one under the
/// pointer (`hovered`) boxed as a button shows it can be pressed.
fn push_edge_markers(list: &mut DisplayList, markers: &[EdgeMarker], hovered: Option<usize>) {
    list.items.push(Item::Group("edge-markers"));
    for (i, m) in markers.iter().enumerate() {
        if hovered == Some(i) {
            let [arrow, label] = m.boxes();
            // One box around both when they sit together, else one around each.
            let together = arrow[1] < label[3] + 2.0 && label[1] < arrow[3] + 2.0;
            let boxes = if together {
                vec![[
                    arrow[0].min(label[0]),
                    arrow[1].min(label[1]),
                    arrow[2].max(label[2]),
                    arrow[3].max(label[3]),
                ]]
            } else {
                vec![arrow, label]
            };
            for b in boxes {
                list.items.push(Item::Rect {
                    min: [b[0] - 3.0, b[1] - 2.0],
                    max: [b[2] + 3.0, b[3] + 2.0],
                    fill: Some(Paint {
                        rgb: [0xFF, 0xFF, 0xFF],
                        alpha: 0.85,
                    }),
                    line: Some(Line::solid(style::INK, 1.5)),
                });
            }
        }
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
}

/// The placed labels, each in its mark's style.
fn push_labels(list: &mut DisplayList, labels: &[PlacedLabel]) {
    list.items.push(Item::Group("labels"));
    for label in labels {
        let style = match label.names {
            Labelled::Country(_) => marks::COUNTRY_LABEL,
            Labelled::Node(_) => marks::NODE_LABEL,
            Labelled::Site(_) => marks::SITE_LABEL,
        };
        list.items.push(Item::Text {
            at: label.at,
            text: label.text.clone(),
            style,
        });
    }
    list.items.push(Item::EndGroup);
}
