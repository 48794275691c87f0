//! The bundle planner: at low zoom with nothing in focus, links between the same two ends
//! are drawn as one arc with a count.

use super::{Anchor, Paint, SceneRef, TextStyle};
use crate::map::camera::MapCamera;
use crate::map::style;
use crate::model::EntityIx;

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
pub fn drawn_arcs(
    scene: SceneRef<'_>,
    camera: &MapCamera,
    focus: Option<EntityIx>,
) -> Vec<DrawnArc> {
    // Zoomed in, in focus, or comparing (every change must show): every link its own arc.
    let comparing = scene.links.iter().any(|l| l.change.is_some());
    if focus.is_some() || comparing || camera.scale >= BUNDLE_BELOW_SCALE {
        return (0..scene.links.len())
            .map(|link| DrawnArc { link, count: 1 })
            .collect();
    }
    let pair = |ends: [EntityIx; 2]| (ends[0].min(ends[1]), ends[0].max(ends[1]));
    // Per pair: the first link (its arc, the least bent), the liveliest and the count.
    let mut groups: std::collections::HashMap<(EntityIx, EntityIx), (usize, usize, usize)> =
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

/// The count on a bundled arc.
pub const BUNDLE_LABEL: TextStyle = TextStyle {
    size: 10.5,
    paint: Paint::solid(style::INK),
    anchor: Anchor::Middle,
    halo: true,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::scene::{Scene, SceneLink};
    use crate::model::{ChangeKind, Status};

    fn link(relationship: usize, ends: [usize; 2], status: Status) -> SceneLink {
        SceneLink {
            relationship: crate::model::RelIx::new(relationship),
            status,
            unconfirmed_since: None,
            points_world: vec![[0.0, 0.0], [0.1, 0.0]],
            ends: ends.map(EntityIx::new),
            change: None,
            troops: None,
            site: None,
        }
    }

    /// Three ties between entities 0 and 1 (one written the other way round), one between 0
    /// and 2.
    fn parallel_ties() -> Scene {
        Scene {
            links: vec![
                link(0, [0, 1], Status::Ended),
                link(1, [0, 2], Status::Active),
                link(2, [1, 0], Status::Active),
                link(3, [0, 1], Status::Suspended),
            ],
            ..Scene::default()
        }
    }

    fn camera(scale: f64) -> MapCamera {
        MapCamera {
            center_world: [0.0, 0.0],
            scale,
        }
    }

    #[test]
    fn parallel_ties_bundle_into_one_arc_with_their_count() {
        let scene = parallel_ties();
        let arcs = drawn_arcs(scene.as_ref(), &camera(BUNDLE_BELOW_SCALE / 2.0), None);
        assert_eq!(
            arcs,
            [
                // 0–2: alone.
                DrawnArc { link: 1, count: 1 },
                // 0–1: three ties, drawn as the liveliest (the active one).
                DrawnArc { link: 2, count: 3 },
            ]
        );
    }

    #[test]
    fn ties_are_not_bundled_zoomed_in_in_focus_or_comparing() {
        let every = |arcs: Vec<DrawnArc>| {
            assert_eq!(
                arcs,
                (0..4)
                    .map(|link| DrawnArc { link, count: 1 })
                    .collect::<Vec<_>>()
            );
        };
        let scene = parallel_ties();
        every(drawn_arcs(
            scene.as_ref(),
            &camera(BUNDLE_BELOW_SCALE),
            None,
        ));
        every(drawn_arcs(
            scene.as_ref(),
            &camera(BUNDLE_BELOW_SCALE / 2.0),
            Some(EntityIx::new(0)),
        ));
        let mut comparing = parallel_ties();
        comparing.links[3].change = Some((Some(Status::Active), ChangeKind::Changed));
        every(drawn_arcs(
            comparing.as_ref(),
            &camera(BUNDLE_BELOW_SCALE / 2.0),
            None,
        ));
    }
}
