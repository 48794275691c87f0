//! The label planner: country, organisation and site labels placed in order of priority,
//! each at its spot or a shift of it, never over another label, a node's disc or a marker.

use super::{DisplayList, SceneRef, TextStyle, marks, text_box};
use crate::io::CountryIx;
use crate::map::layer::MapLayer;
use crate::map::text;
use crate::model::EntityIx;
use crate::model::is_sahel_state;

/// From this zoom on (pixels per world unit: a country or two fill the view) sites are named;
/// below it they are only markers. Above [`BUNDLE_BELOW_SCALE`], so every arc is drawn.
pub const SITE_LABEL_SCALE: f64 = 2_500.0;

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
    Country(CountryIx),
    /// An organisation node.
    Node(EntityIx),
    /// A site (index into the scene's sites).
    Site(usize),
}

/// A label waiting for its place.
struct Candidate<'b> {
    at: [f32; 2],
    text: &'b str,
    style: &'static TextStyle,
    names: Labelled,
}

/// The sites' names, just below their markers, from [`SITE_LABEL_SCALE`] on (none below it).
fn site_candidates<'a>(list: &DisplayList, scene: SceneRef<'a>) -> Vec<Candidate<'a>> {
    let named = list.camera.scale >= SITE_LABEL_SCALE;
    scene
        .sites
        .iter()
        .enumerate()
        .filter(move |_| named)
        .filter_map(|(i, site)| {
            let p = list.pixel_from_world(site.world);
            let at = [p[0], p[1] + marks::SITE_LABEL_OFFSET];
            list.contains(at, 0.0).then_some(Candidate {
                at,
                text: site.name.as_str(),
                style: &marks::SITE_LABEL,
                names: Labelled::Site(i),
            })
        })
        .collect()
}

/// Where a label may go, in order of preference: its spot, then just below, above, right and
/// left of it (a node's label sits above its disc, a site's below its marker).
fn label_shifts(names: Labelled, w: f32) -> [[f32; 2]; 5] {
    match names {
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
        Labelled::Site(_) => [
            [0.0, 0.0],
            [0.0, -2.0 * marks::SITE_LABEL_OFFSET],
            [w * 0.5 + 8.0, -marks::SITE_LABEL_OFFSET],
            [-w * 0.5 - 8.0, -marks::SITE_LABEL_OFFSET],
            [0.0, 10.0],
        ],
    }
}

/// Places the labels of `scene` in a frame: Sahel states first, then organisations, then
/// partners, then sites when zoomed in, each at its place or, where that is taken, just below, above, right or left of
/// it, and left out where all five would overlap a label already placed or a node's disc.
/// Countries and organisation nodes share one placement, so no two labels ever overlap.
pub fn place_labels<'a>(
    list: &DisplayList,
    layer: &MapLayer,
    scene: SceneRef<'a>,
    obstacles: &[[f32; 4]],
) -> Vec<PlacedLabel> {
    let is_sahel = |c: CountryIx| {
        layer
            .country(c)
            .is_some_and(|country| is_sahel_state(&country.key))
    };
    let country = |label: &'a (CountryIx, String)| -> Option<Candidate<'a>> {
        let (c, text) = (label.0, &label.1);
        let at = list.pixel_from_world(layer.label_world(c)?);
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
    let sites = site_candidates(list, scene).into_iter();
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
    for c in sahel.chain(nodes).chain(partners).chain(sites) {
        // A node's own disc sits just under its label: it does not count against it.
        let own_disc = match c.names {
            Labelled::Node(e) => scene.nodes.iter().position(|n| n.entity == e),
            Labelled::Country(_) | Labelled::Site(_) => None,
        };
        let w = text::width(c.text, c.style.size);
        // The preferred spot, then just below, just above, right and left of it.
        let shifts = label_shifts(c.names, w);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::camera::MapCamera;
    use crate::map::projection::world_from_lon_lat;
    use crate::map::scene::{Scene, SceneNode};

    /// Two countries as one square each on the same spot: their labels want the same place.
    fn stacked_layer(keys: [&str; 2]) -> MapLayer {
        let square = r#"{"type": "Polygon", "coordinates": [[[0, 10], [10, 10], [10, 20], [0, 20], [0, 10]]]}"#;
        let json = format!(
            r#"{{"type": "FeatureCollection", "features": [
            {{"type": "Feature", "properties": {{"ADM0_A3": "{}", "NAME": "A"}}, "geometry": {square}}},
            {{"type": "Feature", "properties": {{"ADM0_A3": "{}", "NAME": "B"}}, "geometry": {square}}}
            ]}}"#,
            keys[0], keys[1]
        );
        let layer = crate::io::parse_countries("stacked.geojson", json.as_bytes()).expect("parses");
        MapLayer::new(layer)
    }

    fn overlap(a: [f32; 4], b: [f32; 4]) -> bool {
        a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
    }

    fn assert_apart(placed: &[PlacedLabel]) {
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(
                    !overlap(a.bounds, b.bounds),
                    "{:?} and {:?} overlap",
                    a.text,
                    b.text
                );
            }
        }
    }

    #[test]
    fn a_sahel_state_keeps_its_spot_over_a_partner_listed_first() {
        let scene = Scene {
            labels: vec![
                (CountryIx::new(0), "France".into()),
                (CountryIx::new(1), "Niger".into()),
            ],
            ..Scene::default()
        };
        let list = DisplayList::new(
            [400.0, 300.0],
            MapCamera::centered_on_lon_lat(5.0, 15.0, 1_000.0),
        );
        let label = |placed: &[PlacedLabel], c| {
            placed
                .iter()
                .find(|l| l.names == Labelled::Country(CountryIx::new(c)))
                .cloned()
        };

        let layer = stacked_layer(["FRA", "NER"]);
        assert_eq!(layer.labels_world[0], layer.labels_world[1]);
        let spot = list.pixel_from_world(layer.labels_world[1]);
        let placed = place_labels(&list, &layer, scene.as_ref(), &[]);
        let niger = label(&placed, 1).expect("Niger is placed");
        assert_eq!(niger.at, spot, "the Sahel state keeps its own spot");
        let france = label(&placed, 0);
        assert!(
            france.as_ref().is_none_or(|f| f.at != spot),
            "France moved off the spot or left out: {france:?}"
        );
        assert_apart(&placed);

        // Two partners: the one listed first keeps the spot.
        let layer = stacked_layer(["FRA", "DEU"]);
        let placed = place_labels(&list, &layer, scene.as_ref(), &[]);
        assert_eq!(label(&placed, 0).map(|l| l.at), Some(spot));
        assert!(label(&placed, 1).is_none_or(|l| l.at != spot));
        assert_apart(&placed);
    }

    #[test]
    fn no_two_placed_labels_overlap_and_none_covers_a_node_or_an_obstacle() {
        let layer = crate::map::embedded::coarse_layer().expect("embedded layer");
        let labels: Vec<(CountryIx, String)> = layer
            .countries_ix()
            .map(|(i, c)| (i, c.name.clone()))
            .collect();
        let node = |entity, lon, lat, label: &str| SceneNode {
            entity: EntityIx::new(entity),
            world: world_from_lon_lat(lon, lat),
            label: label.into(),
        };
        let scene = Scene {
            labels,
            nodes: vec![
                node(0, 4.35, 50.85, "European Union"),
                node(1, 7.49, 9.06, "ECOWAS"),
                node(2, 2.1, 13.5, "Alliance of Sahel States"),
            ],
            ..Scene::default()
        };
        let size = [800.0, 500.0];
        let list = DisplayList::new(size, MapCamera::sahel([800.0, 500.0]));
        let obstacle = [380.0, 230.0, 420.0, 270.0];
        let placed = place_labels(&list, &layer, scene.as_ref(), &[obstacle]);
        let in_view = scene
            .labels
            .iter()
            .filter(|(c, _)| {
                list.contains(list.pixel_from_world(layer.labels_world[c.index()]), 0.0)
            })
            .count();
        assert!(placed.len() > 10, "{} placed", placed.len());
        assert!(
            placed.len() < in_view + scene.nodes.len(),
            "crowded: some labels are left out ({} of {})",
            placed.len(),
            in_view + scene.nodes.len()
        );
        assert_apart(&placed);
        for label in &placed {
            assert!(!overlap(label.bounds, obstacle), "{:?}", label.text);
            for node in &scene.nodes {
                let p = list.pixel_from_world(node.world);
                let r = marks::NODE_RADIUS;
                let disc = [p[0] - r, p[1] - r, p[0] + r, p[1] + r];
                let own = label.names == Labelled::Node(node.entity);
                assert!(own || !overlap(label.bounds, disc), "{:?}", label.text);
            }
        }
    }
}
