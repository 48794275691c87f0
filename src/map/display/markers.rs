//! The marker planner: where arcs leave the view, an arrow and the far end's name, one per
//! far entity and side, their labels kept apart along each edge.

use super::{Anchor, DisplayList, Paint, SceneRef, TextStyle};
use crate::map::scene::SceneLink;
use crate::map::style;
use crate::map::text;
use crate::model::EntityIx;
use crate::model::RelIx;
use crate::model::Status;

/// A marker where arcs leave the view: which way, toward whom, how many.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeMarker {
    /// Where the arcs leave the view (inset a little), pixels.
    pub at: [f32; 2],
    /// The way out, a unit vector in pixels (y down).
    pub direction: [f32; 2],
    /// The entity beyond the edge.
    pub far: EntityIx,
    /// The far end, world coordinates.
    pub far_world: [f64; 2],
    /// The other end of the first arc, world coordinates (in view, or beyond another edge
    /// when the arc only crosses the view).
    pub near_world: [f64; 2],
    /// How many arcs leave here toward `far`.
    pub count: usize,
    /// The ties whose arcs leave here (relationship indices), one per arc.
    pub relationships: Vec<RelIx>,
    /// Both ends of every arc that leaves here, world coordinates: what a click frames.
    pub ends_world: Vec<[f64; 2]>,
    /// The label: the far end's name, with the count when several arcs leave together.
    pub label: String,
    /// Where the label's text is centred.
    pub label_at: [f32; 2],
    /// The marker's box (arrow and label): min x, min y, max x, max y. When the label had
    /// to move along the edge, away from a Sahel state's name, the box spans what lies
    /// between them too: hit-test and keep clear of [`Self::boxes`] instead.
    pub bounds: [f32; 4],
}

impl EdgeMarker {
    /// The arrow's box and the label's box (min x, min y, max x, max y): where the marker
    /// takes the pointer, and what other labels keep clear of.
    pub fn boxes(&self) -> [[f32; 4]; 2] {
        let a = self.at;
        [
            [a[0] - 8.0, a[1] - 8.0, a[0] + 8.0, a[1] + 8.0],
            marker_label_box(self),
        ]
    }

    /// Whether `p` (pixels) is on the marker: its arrow or its label.
    pub fn contains(&self, p: [f32; 2]) -> bool {
        self.boxes()
            .iter()
            .any(|b| p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3])
    }

    /// The world box a click on the marker frames: every end of its arcs, lowest corner
    /// then highest.
    pub fn frame_world(&self) -> ([f64; 2], [f64; 2]) {
        let mut lo = [
            self.far_world[0].min(self.near_world[0]),
            self.far_world[1].min(self.near_world[1]),
        ];
        let mut hi = [
            self.far_world[0].max(self.near_world[0]),
            self.far_world[1].max(self.near_world[1]),
        ];
        for w in &self.ends_world {
            for k in 0..2 {
                lo[k] = lo[k].min(w[k]);
                hi[k] = hi[k].max(w[k]);
            }
        }
        (lo, hi)
    }
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

/// The part of the segment from `a` to `b` inside the rectangle `[min, max]`, as the range of
/// its parameter (0 at `a`, 1 at `b`), if any (Liang–Barsky).
fn clip_segment(a: [f32; 2], b: [f32; 2], min: [f32; 2], max: [f32; 2]) -> Option<(f32, f32)> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for k in 0..2 {
        for (p, q) in [(-d[k], a[k] - min[k]), (d[k], max[k] - a[k])] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

/// A point on the rectangle's edge where an arc leaves it, and the way out.
type Exit = ([f32; 2], [f32; 2]);

/// Where an arc through `pts` (pixels) leaves the rectangle `[min, max]`: toward its first
/// end (where it first enters, if it starts outside) and toward its last end (where it last
/// leaves, if it ends outside). Nothing for an arc that never enters the rectangle.
fn arc_exits(pts: &[[f32; 2]], min: [f32; 2], max: [f32; 2]) -> (Option<Exit>, Option<Exit>) {
    let lerp =
        |a: [f32; 2], b: [f32; 2], t: f32| [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    let clipped: Vec<(usize, f32, f32)> = pts
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| clip_segment(w[0], w[1], min, max).map(|(t0, t1)| (i, t0, t1)))
        .collect();
    let (Some(&(i, t0, _)), Some(&(j, _, t1))) = (clipped.first(), clipped.last()) else {
        return (None, None);
    };
    let back = (i > 0 || t0 > 0.0).then(|| {
        let (a, b) = (pts[i], pts[i + 1]);
        (lerp(a, b, t0), [a[0] - b[0], a[1] - b[1]])
    });
    let ahead = (j + 2 < pts.len() || t1 < 1.0).then(|| {
        let (a, b) = (pts[j], pts[j + 1]);
        (lerp(a, b, t1), [b[0] - a[0], b[1] - a[1]])
    });
    (back, ahead)
}

/// The markers for arcs that leave the frame, one per far entity and side of the frame: an
/// arc with one end in view leaves toward the other; one that only crosses the view leaves
/// toward both, so every arc that leaves can be followed. With a focus, only the focused
/// entity's arcs count. Ended ties count only in compare mode (where they are drawn as a
/// change).
pub fn edge_markers(
    frame: &DisplayList,
    scene: SceneRef<'_>,
    focus: Option<EntityIx>,
) -> Vec<EdgeMarker> {
    let min = [EDGE_INSET, EDGE_INSET];
    let max = [frame.size[0] - EDGE_INSET, frame.size[1] - EDGE_INSET];
    if max[0] <= min[0] || max[1] <= min[1] {
        return Vec::new();
    }
    let mut markers: Vec<(Side, EdgeMarker)> = Vec::new();
    for link in scene.links {
        if link.status == Status::Ended && link.change.is_none() {
            continue;
        }
        if focus.is_some_and(|f| !link.ends.contains(&f)) {
            continue;
        }
        for (side, marker) in leaving(frame, link, min, max) {
            if let Some((_, m)) = markers
                .iter_mut()
                .find(|(s, m)| *s == side && m.far == marker.far)
            {
                m.count += 1;
                m.relationships.push(link.relationship);
                m.ends_world.extend_from_slice(&marker.ends_world);
                continue;
            }
            markers.push((side, marker));
        }
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

/// Where `link` leaves the rectangle `[min, max]` of `frame`: toward each end beyond it, the
/// side and a marker for one arc, not yet labelled.
fn leaving(
    frame: &DisplayList,
    link: &SceneLink,
    min: [f32; 2],
    max: [f32; 2],
) -> Vec<(Side, EdgeMarker)> {
    let pts: Vec<[f32; 2]> = link
        .points_world
        .iter()
        .map(|&w| frame.pixel_from_world(w))
        .collect();
    let (Some(&first), Some(&last)) = (link.points_world.first(), link.points_world.last()) else {
        return Vec::new();
    };
    let (back, ahead) = arc_exits(&pts, min, max);
    let exits = [
        back.map(|e| (e, link.ends[0], first, last)),
        ahead.map(|e| (e, link.ends[1], last, first)),
    ];
    exits
        .into_iter()
        .flatten()
        .map(|((at, d), far, far_world, near_world)| {
            let side = if (at[0] - min[0]).abs() < 0.5 {
                0
            } else if (at[0] - max[0]).abs() < 0.5 {
                1
            } else if (at[1] - min[1]).abs() < 0.5 {
                2
            } else {
                3
            };
            let len = d[0].hypot(d[1]).max(1e-6);
            (
                side,
                EdgeMarker {
                    at,
                    direction: [d[0] / len, d[1] / len],
                    far,
                    far_world,
                    near_world,
                    count: 1,
                    relationships: vec![link.relationship],
                    ends_world: vec![near_world, far_world],
                    label: String::new(),
                    label_at: at,
                    bounds: [0.0; 4],
                },
            )
        })
        .collect()
}

/// The marker `m` on `side` with its label (the far end's name, with the count when several
/// arcs leave together) beside the arrow, inside the frame, and its box.
fn labelled(frame: &DisplayList, scene: SceneRef<'_>, side: Side, mut m: EdgeMarker) -> EdgeMarker {
    let name = scene
        .entity_names
        .get(m.far.index())
        .map_or("?", String::as_str);
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

/// An edge marker's label box: min x, min y, max x, max y.
fn marker_label_box(m: &EdgeMarker) -> [f32; 4] {
    let w = text::width(&m.label, EDGE_LABEL.size);
    let (ascent, descent) = text::ascent_descent(EDGE_LABEL.size);
    let h = ascent - descent;
    let c = m.label_at;
    [
        c[0] - w / 2.0,
        c[1] - h / 2.0,
        c[0] + w / 2.0,
        c[1] + h / 2.0,
    ]
}

/// Moves the labels of `markers` along their edge, the least distance that clears them of
/// `reserved` (the Sahel states' labels, which the view is about, and the organisations'
/// discs) and of each other; a label that finds no clear place within a few lines stays
/// where it was. The arrows stay where the arcs leave.
pub fn clear_marker_labels(markers: &mut [EdgeMarker], reserved: &[[f32; 4]], size: [f32; 2]) {
    let overlaps =
        |a: &[f32; 4], b: &[f32; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    for i in 0..markers.len() {
        let others: Vec<[f32; 4]> = markers
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, m)| marker_label_box(m))
            .collect();
        let m = &mut markers[i];
        let blocked = |b: &[f32; 4]| {
            let padded = [b[0] - 2.0, b[1] - 2.0, b[2] + 2.0, b[3] + 2.0];
            reserved.iter().chain(&others).any(|r| overlaps(&padded, r))
        };
        let here = marker_label_box(m);
        if !blocked(&here) {
            continue;
        }
        // On the left or right edge a label slides up or down, on the top or bottom sideways.
        let on_side_edge =
            (m.at[0] - EDGE_INSET).abs() < 0.5 || (m.at[0] - (size[0] - EDGE_INSET)).abs() < 0.5;
        let (k, step) = if on_side_edge {
            (1, here[3] - here[1] + 3.0)
        } else {
            (0, 16.0)
        };
        let fits = |b: &[f32; 4]| {
            b[0] >= 2.0 && b[1] >= 2.0 && b[2] <= size[0] - 2.0 && b[3] <= size[1] - 2.0
        };
        let found = (1..=12)
            .flat_map(|n| [n as f32, -(n as f32)])
            .find_map(|n| {
                let mut b = here;
                b[k] += n * step;
                b[k + 2] += n * step;
                (fits(&b) && !blocked(&b)).then_some(n * step)
            });
        let Some(shift) = found else { continue };
        m.label_at[k] += shift;
        let b = marker_label_box(m);
        m.bounds = [
            b[0].min(m.at[0] - 8.0),
            b[1].min(m.at[1] - 8.0),
            b[2].max(m.at[0] + 8.0),
            b[3].max(m.at[1] + 8.0),
        ];
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
            relationship: RelIx::new(relationship),
            status,
            unconfirmed_since: None,
            points_world: (0..=10)
                .map(|i| world_from_lon_lat(lon * f64::from(i) / 10.0, 0.0))
                .collect(),
            ends: [EntityIx::new(0), EntityIx::new(far)],
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
        assert_eq!(m.far, EntityIx::new(1));
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
    fn an_arc_crossing_the_view_gets_a_marker_toward_each_end() {
        let frame = frame();
        // From 60° west to 60° east along the equator, through the view: both ends beyond it.
        let mut link = eastward(0, 1, 60.0, Status::Active);
        link.points_world = (0..=10)
            .map(|i| world_from_lon_lat(-60.0 + 12.0 * f64::from(i), 0.0))
            .collect();
        link.ends = [EntityIx::new(2), EntityIx::new(1)];
        let scene = scene(vec![link]);
        let markers = edge_markers(&frame, scene.as_ref(), None);
        let mut fars: Vec<usize> = markers.iter().map(|m| m.far.index()).collect();
        fars.sort_unstable();
        assert_eq!(fars, [1, 2], "{markers:?}");
        let chad = markers
            .iter()
            .find(|m| m.far == EntityIx::new(2))
            .expect("toward Chad");
        assert!(
            chad.direction[0] < -0.99 && chad.at[0] <= EDGE_INSET + 0.01,
            "{chad:?}"
        );
        assert_eq!(chad.relationships, [RelIx::new(0)]);
        // A click frames both ends.
        let (lo, hi) = chad.frame_world();
        assert!(lo[0] <= world_from_lon_lat(-60.0, 0.0)[0]);
        assert!(hi[0] >= world_from_lon_lat(60.0, 0.0)[0]);
    }

    #[test]
    fn a_marker_label_slides_along_its_edge_off_a_reserved_box() {
        let frame = frame();
        let scene = scene(vec![eastward(0, 1, 60.0, Status::Active)]);
        let mut markers = edge_markers(&frame, scene.as_ref(), None);
        let before = markers[0].clone();
        let reserved = [marker_label_box(&before)];
        clear_marker_labels(&mut markers, &reserved, frame.size);
        let m = &markers[0];
        assert_eq!(m.at, before.at, "the arrow stays");
        assert_eq!(m.label_at[0], before.label_at[0]);
        let [_, label] = m.boxes();
        let r = reserved[0];
        assert!(
            label[1] >= r[3] || label[3] <= r[1],
            "{label:?} clear of {r:?}"
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
        assert_eq!((markers[0].far, markers[0].count), (EntityIx::new(1), 2));
        assert_eq!(markers[0].label, "France (2)");
        // In focus on an entity that is not an end: nothing.
        assert!(edge_markers(&frame, scene.as_ref(), Some(EntityIx::new(2))).is_empty());
    }
}
