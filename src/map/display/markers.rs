//! The marker planner: where arcs leave the view, an arrow and the far end's name, one per
//! far entity and side, their labels kept apart along each edge.

use super::{Anchor, DisplayList, Paint, SceneRef, TextStyle};
use crate::map::scene::SceneLink;
use crate::map::style;
use crate::map::text;
use crate::model::Status;

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
    let mut markers: Vec<(Side, EdgeMarker)> = Vec::new();
    for link in scene.links {
        if link.status == Status::Ended {
            continue;
        }
        if focus.is_some_and(|f| !link.ends.contains(&f)) {
            continue;
        }
        let Some((side, marker)) = leaving(frame, link, min, max) else {
            continue;
        };
        if let Some((_, m)) = markers
            .iter_mut()
            .find(|(s, m)| *s == side && m.far == marker.far)
        {
            m.count += 1;
            continue;
        }
        markers.push((side, marker));
    }
    let mut placed: Vec<(Side, EdgeMarker)> = markers
        .into_iter()
        .map(|(side, m)| (side, labelled(frame, scene, side, m)))
        .collect();
    spread_along_edges(&mut placed);
    placed.into_iter().map(|(_, m)| m).collect()
}

/// The side of the frame an arc leaves by: 0 left, 1 right, 2 top, 3 bottom.
type Side = usize;

/// Where `link` leaves the rectangle `[min, max]` of `frame`, when one end is in it and the
/// other beyond: the side and a marker for one arc, not yet labelled.
fn leaving(
    frame: &DisplayList,
    link: &SceneLink,
    min: [f32; 2],
    max: [f32; 2],
) -> Option<(Side, EdgeMarker)> {
    let inside = |p: [f32; 2]| p[0] >= min[0] && p[1] >= min[1] && p[0] <= max[0] && p[1] <= max[1];
    let pts: Vec<[f32; 2]> = link
        .points_world
        .iter()
        .map(|&w| frame.pixel_from_world(w))
        .collect();
    let (Some(&first), Some(&last)) = (pts.first(), pts.last()) else {
        return None;
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
        _ => return None,
    };
    let ordered: Vec<[f32; 2]> = if from_first {
        pts
    } else {
        pts.iter().rev().copied().collect()
    };
    let k = ordered.iter().position(|&p| !inside(p))?;
    let (a, b) = (ordered[k.saturating_sub(1)], ordered[k]);
    let at = exit_point(a, b, min, max);
    let side = if (at[0] - min[0]).abs() < 0.5 {
        0
    } else if (at[0] - max[0]).abs() < 0.5 {
        1
    } else if (at[1] - min[1]).abs() < 0.5 {
        2
    } else {
        3
    };
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len = dx.hypot(dy).max(1e-6);
    Some((
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
    ))
}

/// The marker `m` on `side` with its label (the far end's name, with the count when several
/// arcs leave together) beside the arrow, inside the frame, and its box.
fn labelled(frame: &DisplayList, scene: SceneRef<'_>, side: Side, mut m: EdgeMarker) -> EdgeMarker {
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
    m
}

/// Labels on one side never overlap: sorted along the edge, each moves on past the one
/// before it (the arrows stay where the arcs leave).
fn spread_along_edges(placed: &mut [(Side, EdgeMarker)]) {
    placed.sort_by(|a, b| {
        let along = |(side, m): &(Side, EdgeMarker)| if *side < 2 { m.at[1] } else { m.at[0] };
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
}

/// The arrow of an edge marker: a small triangle at `at` pointing along `direction`.
pub(super) fn arrow(at: [f32; 2], direction: [f32; 2]) -> Vec<[f32; 2]> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::camera::MapCamera;
    use crate::map::projection::world_from_lon_lat;
    use crate::map::scene::{Scene, SceneLink};

    /// A straight arc from (0°, 0°) to `lon`° east along the equator, between entities
    /// 0 and `far`.
    fn eastward(relationship: usize, far: usize, lon: f64, status: Status) -> SceneLink {
        SceneLink {
            relationship,
            status,
            unconfirmed_since: None,
            points_world: (0..=10)
                .map(|i| world_from_lon_lat(lon * f64::from(i) / 10.0, 0.0))
                .collect(),
            ends: [0, far],
            change: None,
            troops: None,
            site: None,
        }
    }

    fn frame() -> DisplayList {
        DisplayList::new(
            [400.0, 300.0],
            MapCamera::centered_on_lon_lat(0.0, 0.0, 1_000.0),
        )
    }

    fn scene(links: Vec<SceneLink>) -> Scene {
        Scene {
            links,
            entity_names: vec!["Niger".into(), "France".into(), "Chad".into()],
            ..Scene::default()
        }
    }

    #[test]
    fn an_arc_leaving_the_view_gets_a_marker_on_the_right_edge() {
        let frame = frame();
        let scene = scene(vec![eastward(0, 1, 60.0, Status::Active)]);
        let markers = edge_markers(&frame, scene.as_ref(), None);
        assert_eq!(markers.len(), 1, "{markers:?}");
        let m = &markers[0];
        assert_eq!(m.far, 1);
        assert_eq!(m.count, 1);
        assert_eq!(m.label, "France");
        assert!(
            (m.at[0] - (frame.size[0] - EDGE_INSET)).abs() < 0.01,
            "{m:?}"
        );
        assert!((m.at[1] - frame.size[1] / 2.0).abs() < 0.5, "{m:?}");
        assert!(m.direction[0] > 0.99, "points right: {m:?}");
        // The label sits inside the frame, left of the arrow.
        assert!(
            m.label_at[0] < m.at[0] && m.bounds[2] <= frame.size[0],
            "{m:?}"
        );
    }

    #[test]
    fn arcs_toward_one_entity_share_a_marker_with_their_count() {
        let frame = frame();
        let scene = scene(vec![
            eastward(0, 1, 60.0, Status::Active),
            eastward(1, 1, 70.0, Status::Suspended),
            // Ended ties and ties wholly in view get none.
            eastward(2, 2, 60.0, Status::Ended),
            eastward(3, 2, 2.0, Status::Active),
        ]);
        let markers = edge_markers(&frame, scene.as_ref(), None);
        assert_eq!(markers.len(), 1, "{markers:?}");
        assert_eq!((markers[0].far, markers[0].count), (1, 2));
        assert_eq!(markers[0].label, "France (2)");
        // In focus on an entity that is not an end: nothing.
        assert!(edge_markers(&frame, scene.as_ref(), Some(2)).is_empty());
    }
}
