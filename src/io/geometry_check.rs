//! Invalid country shapes (OGC Simple Features rules): rings that cross themselves, holes that
//! cross their outer ring, and parts of a MultiPolygon that overlap. Found with an R-tree of
//! edges so that a 1:10m layer (half a million edges) is checked in well under a second.
//! Shapes that fail still draw, so these are warnings.
//!
//! Why not `geo::Validation` (issue #18): `cargo bench --bench atlas -- geometry_validation`,
//! 5 Dec 2026 on the busy 2-core machine, every country of a layer: 1:50m 142 ms here against
//! 1.36 s for `validation_errors`, 1:10m 1.1 s against 33.8 s (30× slower: it compares
//! edges without an index). Both flag the same countries (none at 1:50m, one at 1:10m). This
//! module stays: it is the one fast enough to run on every load, and it says where (polygon,
//! ring, position) for the warning's place.
//!
//! Touching is not crossing: a hole may touch its outer ring (or another hole) at a single
//! point, and two parts of a country may touch at a point or along a border. Touching at two
//! or more points cuts an interior in two: that is a warning too.

use std::collections::{HashMap, HashSet};

use geo::line_intersection::{LineIntersection, line_intersection};
use geo::{BoundingRect, Coord, Line, MultiPolygon};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, Envelope, RTree, RTreeObject};

/// An edge and where it is: (polygon, ring, index of its first position).
type Edge = GeomWithData<rstar::primitives::Line<[f64; 2]>, (u32, u32, u32)>;

/// One problem with a shape, and the position it starts at.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Index of the polygon in the MultiPolygon.
    pub polygon: usize,
    /// Ring of that polygon: 0 the outer ring, then the holes.
    pub ring: usize,
    /// Index of the position in that ring.
    pub position: usize,
    /// What is wrong, for a person.
    pub message: String,
}

/// Up to `max` self-intersections of the shape's rings (a ring crossing or touching itself, or
/// a hole crossing its outer ring), each described for a person.
pub fn self_intersections(shape: &MultiPolygon<f64>, max: usize) -> Vec<String> {
    invalid_geometry(shape, max)
        .into_iter()
        .map(|f| f.message)
        .collect()
}

fn ring_name(r: u32) -> String {
    if r == 0 {
        "the outer ring".to_owned()
    } else {
        format!("hole {r}")
    }
}

/// Up to `max` problems with the shape: rings that cross themselves, rings of one polygon
/// that cross each other, parts that overlap.
pub fn invalid_geometry(shape: &MultiPolygon<f64>, max: usize) -> Vec<Finding> {
    let rings: Vec<Vec<&[Coord<f64>]>> = shape
        .0
        .iter()
        .map(|polygon| {
            std::iter::once(polygon.exterior())
                .chain(polygon.interiors())
                .map(|r| r.0.as_slice())
                .collect()
        })
        .collect();
    let edges_by_part = edges_by_part(&rings);
    let mut found = Found {
        list: Vec::new(),
        max,
        overlapping: HashSet::new(),
    };
    let Some(meetings) = crossings(&mut found, &rings, &edges_by_part) else {
        return found.list;
    };
    if touches(&mut found, meetings).is_some() {
        nested_parts(&mut found, shape, &edges_by_part);
    }
    found.list
}

/// The findings so far, up to `max`, and the pairs of parts known to overlap.
struct Found {
    list: Vec<Finding>,
    max: usize,
    /// (lower part, higher part).
    overlapping: HashSet<(u32, u32)>,
}

impl Found {
    /// Adds a finding; `None` once there are `max`.
    fn push(&mut self, finding: Finding) -> Option<()> {
        self.list.push(finding);
        (self.list.len() < self.max).then_some(())
    }
}

/// Every edge of each part (polygon), with where it is; edges of zero length left out.
fn edges_by_part(rings: &[Vec<&[Coord<f64>]>]) -> Vec<Vec<Edge>> {
    let mut edges_by_part: Vec<Vec<Edge>> = vec![Vec::new(); rings.len()];
    for (p, polygon_rings) in rings.iter().enumerate() {
        for (r, ring) in polygon_rings.iter().enumerate() {
            for (i, w) in ring.windows(2).enumerate() {
                if w[0] != w[1] {
                    edges_by_part[p].push(Edge::new(
                        rstar::primitives::Line::new([w[0].x, w[0].y], [w[1].x, w[1].y]),
                        (p as u32, r as u32, i as u32),
                    ));
                }
            }
        }
    }
    edges_by_part
}

/// Where rings of one polygon, or two parts, meet without crossing, by (polygon, ring,
/// other polygon, other ring); two parts by (part, 0, other part, 0).
type Meetings = HashMap<(u32, u32, u32, u32), Meeting>;

/// Edges that cross (rings crossing themselves or each other, parts that overlap), found;
/// returns where rings and parts meet without crossing, or `None` once `max` are found.
fn crossings(
    found: &mut Found,
    rings: &[Vec<&[Coord<f64>]>],
    edges_by_part: &[Vec<Edge>],
) -> Option<Meetings> {
    let mut seen_points = HashSet::new();
    let tree = RTree::bulk_load(edges_by_part.concat());
    let mut meetings = Meetings::new();
    for edge in tree.iter() {
        let (p, r, i) = edge.data;
        let envelope: AABB<[f64; 2]> = edge.envelope();
        for other in tree.locate_in_envelope_intersecting(&envelope) {
            let (p2, r2, j) = other.data;
            if (p2, r2, j) <= (p, r, i)
                || (p == p2 && adjacent(rings[p as usize][r as usize].len(), r, i, r2, j))
            {
                continue;
            }
            let a = Line::new(to_coord(edge.geom().from), to_coord(edge.geom().to));
            let b = Line::new(to_coord(other.geom().from), to_coord(other.geom().to));
            let Some(hit) = line_intersection(a, b) else {
                continue;
            };
            // A crossing: one point inside both edges. Shared: a stretch of both (not a point).
            let (at, crossing, shared) = match hit {
                LineIntersection::SinglePoint {
                    intersection,
                    is_proper,
                } => (intersection, is_proper, false),
                LineIntersection::Collinear { intersection } => (
                    intersection.start,
                    false,
                    intersection.start != intersection.end,
                ),
            };
            // Where rings of one polygon, or two parts, meet without crossing: counted after
            // the loop (two or more points cut the interior in two).
            if !crossing && (p != p2 || r != r2) {
                note_meeting(&mut meetings, (p, r, i), (p2, r2), hit);
            }
            let Some(message) =
                crossing_message(found, (p, r, i), (p2, r2, j), at, crossing, shared)
            else {
                continue;
            };
            // Several edges meeting at one point are one problem.
            if p == p2 && !seen_points.insert((p, format!("{:.5},{:.5}", at.x, at.y))) {
                continue;
            }
            found.push(Finding {
                polygon: p as usize,
                ring: r as usize,
                position: i as usize,
                message,
            })?;
        }
    }
    Some(meetings)
}

/// Notes where edge `(p, r, i)` meets ring `r2` of polygon `p2` without crossing it.
fn note_meeting(
    meetings: &mut Meetings,
    (p, r, i): (u32, u32, u32),
    (p2, r2): (u32, u32),
    hit: LineIntersection<f64>,
) {
    let key = if p == p2 {
        (p, r, p2, r2)
    } else {
        (p, 0, p2, 0)
    };
    let entry = meetings.entry(key).or_insert_with(|| Meeting {
        first: (p, r, i),
        points: Vec::new(),
        shared: Vec::new(),
    });
    // The earliest edge in the file, whatever order the R-tree gives them in.
    entry.first = entry.first.min((p, r, i));
    match hit {
        LineIntersection::Collinear { intersection } if intersection.start != intersection.end => {
            entry.shared.push((intersection.start, intersection.end));
        }
        LineIntersection::Collinear { intersection } => {
            entry.points.push(intersection.start);
        }
        LineIntersection::SinglePoint { intersection, .. } => {
            entry.points.push(intersection);
        }
    }
}

/// What is wrong where edge `(p, r, i)` meets edge `(p2, r2, j)` at `at`, if anything: parts
/// whose edges cross overlap (said once per pair), rings of one polygon must not cross or
/// share a stretch, a ring must not cross itself.
fn crossing_message(
    found: &mut Found,
    (p, r, i): (u32, u32, u32),
    (p2, r2, j): (u32, u32, u32),
    at: Coord<f64>,
    crossing: bool,
    shared: bool,
) -> Option<String> {
    if p != p2 {
        // Parts that touch or share a border are fine; parts whose edges cross overlap.
        if !crossing || !found.overlapping.insert((p, p2)) {
            return None;
        }
        Some(format!(
            "polygons {p} and {p2} overlap: {} of polygon {p} crosses {} of polygon {p2} at ({:.5}, {:.5}) (OGC Simple Features: the parts of a MultiPolygon must not overlap)",
            ring_name(r),
            ring_name(r2),
            at.x,
            at.y
        ))
    } else if r != r2 {
        // A hole touching its outer ring (or another hole) at a point is valid.
        if !crossing && !shared {
            return None;
        }
        Some(format!(
            "polygon {p}: {} and {} cross at ({:.5}, {:.5}) (edges {i} and {j})",
            ring_name(r),
            ring_name(r2),
            at.x,
            at.y
        ))
    } else {
        Some(format!(
            "polygon {p}: {} crosses itself at ({:.5}, {:.5}) (edges {i} and {j})",
            ring_name(r),
            at.x,
            at.y
        ))
    }
}

/// A hole touching its outer ring (or another hole) at two or more points, or two parts
/// touching at two or more points, cut an interior in two (OGC Simple Features: a polygon's
/// interior is connected; GEOS: "Interior is disconnected"). Points on a border two parts
/// share are the ends of that border, not touches. `None` once `max` are found.
fn touches(found: &mut Found, meetings: Meetings) -> Option<()> {
    let mut meetings: Vec<((u32, u32, u32, u32), Meeting)> = meetings.into_iter().collect();
    meetings.sort_by_key(|(key, _)| *key);
    for ((p, r, p2, r2), meeting) in meetings {
        let mut touches = meeting.touch_points();
        touches.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        if touches.len() < 2 {
            continue;
        }
        let shown: Vec<String> = touches
            .iter()
            .take(3)
            .map(|c| format!("({:.5}, {:.5})", c.x, c.y))
            .collect();
        let more = if touches.len() > 3 { ", …" } else { "" };
        let message = if p == p2 {
            format!(
                "polygon {p}: {} and {} touch at {} points, {}{more}: they cut the polygon's \
                 interior in two (OGC Simple Features: a polygon's interior is connected; a \
                 hole may touch its outer ring at one point only)",
                ring_name(r),
                ring_name(r2),
                touches.len(),
                shown.join(", ")
            )
        } else {
            format!(
                "polygons {p} and {p2} touch at {} points, {}{more}: the area between them is \
                 cut off (OGC Simple Features: the interior is disconnected; parts may touch \
                 at one point, or share a border)",
                touches.len(),
                shown.join(", ")
            )
        };
        let (fp, fr, fi) = meeting.first;
        found.push(Finding {
            polygon: fp as usize,
            ring: fr as usize,
            position: fi as usize,
            message,
        })?;
    }
    Some(())
}

/// Parts wholly inside another part (an island drawn twice, say): no edges cross, so look
/// for a part whose bounding box holds another's and whose area holds its vertices.
fn nested_parts(found: &mut Found, shape: &MultiPolygon<f64>, edges_by_part: &[Vec<Edge>]) {
    let boxes: Vec<Option<Rectangle<[f64; 2]>>> = shape
        .0
        .iter()
        .map(|polygon| {
            polygon
                .bounding_rect()
                .map(|b| Rectangle::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]))
        })
        .collect();
    let box_tree = RTree::bulk_load(
        boxes
            .iter()
            .enumerate()
            .filter_map(|(p, b)| b.map(|b| GeomWithData::new(b, p)))
            .collect::<Vec<_>>(),
    );
    // Each outer part's own edges, for the rays: built when first needed.
    let mut part_trees: HashMap<usize, RTree<Edge>> = HashMap::new();
    for (inner, inner_box) in boxes.iter().enumerate() {
        let Some(inner_box) = inner_box else { continue };
        let envelope = inner_box.envelope();
        for outer in box_tree.locate_in_envelope_intersecting(&envelope) {
            let o = outer.data;
            if o == inner
                || !outer.envelope().contains_envelope(&envelope)
                || found
                    .overlapping
                    .contains(&(o.min(inner) as u32, o.max(inner) as u32))
            {
                continue;
            }
            let part_tree = part_trees
                .entry(o)
                .or_insert_with(|| RTree::bulk_load(edges_by_part[o].clone()));
            let vertices = &shape.0[inner].exterior().0;
            let inside = vertices
                .iter()
                .take(3)
                .filter(|&&v| inside_part(part_tree, v, outer.envelope().upper()[0]))
                .count();
            if inside >= 2 {
                found
                    .overlapping
                    .insert((o.min(inner) as u32, o.max(inner) as u32));
                let pushed = found.push(Finding {
                    polygon: inner,
                    ring: 0,
                    position: 0,
                    message: format!(
                        "polygons {o} and {inner} overlap: polygon {inner} lies inside polygon {o} (OGC Simple Features: the parts of a MultiPolygon must not overlap)"
                    ),
                });
                if pushed.is_none() {
                    return;
                }
            }
        }
    }
}

/// Where two rings of a polygon, or two parts, meet without crossing.
struct Meeting {
    /// The earliest edge (in file order) that meets the other ring or part: (polygon, ring,
    /// position).
    first: (u32, u32, u32),
    /// Single points where an edge of one touches an edge of the other.
    points: Vec<Coord<f64>>,
    /// Stretches both share (a common border).
    shared: Vec<(Coord<f64>, Coord<f64>)>,
}

impl Meeting {
    /// The distinct points where the two touch, leaving out those on a shared stretch.
    fn touch_points(&self) -> Vec<Coord<f64>> {
        let on_shared = |c: &Coord<f64>| {
            self.shared.iter().any(|&(a, b)| {
                let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
                let within =
                    |v: f64, e: f64, f: f64| v >= e.min(f) - 1e-12 && v <= e.max(f) + 1e-12;
                cross.abs() <= 1e-12 * (1.0 + (b.x - a.x).abs() + (b.y - a.y).abs())
                    && within(c.x, a.x, b.x)
                    && within(c.y, a.y, b.y)
            })
        };
        let mut distinct: Vec<Coord<f64>> = Vec::new();
        for c in self.points.iter().filter(|c| !on_shared(c)) {
            if !distinct
                .iter()
                .any(|d| (d.x - c.x).abs() < 1e-9 && (d.y - c.y).abs() < 1e-9)
            {
                distinct.push(*c);
            }
        }
        distinct
    }
}

/// Whether `v` lies in the area of the polygon whose edges `tree` holds (holes excluded): a
/// ray to the east crosses them an odd number of times.
fn inside_part(tree: &RTree<Edge>, v: Coord<f64>, east: f64) -> bool {
    let ray = AABB::from_corners([v.x, v.y], [east + 1.0, v.y]);
    let mut crossings = 0;
    for edge in tree.locate_in_envelope_intersecting(&ray) {
        let (a, b) = (edge.geom().from, edge.geom().to);
        if (a[1] > v.y) != (b[1] > v.y) {
            let x = a[0] + (v.y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            if x > v.x {
                crossings += 1;
            }
        }
    }
    crossings % 2 == 1
}

/// `check`'s warnings about invalid shapes in a layer that loaded from `bytes` (the file
/// `name`): one per country, at the line and column of the first problem's position.
pub fn geometry_warnings(
    name: &str,
    bytes: &[u8],
    layer: &super::CountryLayer,
) -> Vec<super::Diagnostic> {
    use super::json_text::{elements, line_columns, resolve, skip_ws};
    let bytes = super::read::gunzip_if_needed(name, bytes).unwrap_or_default();
    let text = super::json_error::strip_bom(&bytes);
    let mut found: Vec<(usize, Vec<Finding>)> = layer
        .countries
        .iter()
        .enumerate()
        .filter_map(|(c, country)| {
            let findings = invalid_geometry(&country.shape_lon_lat, 3);
            (!findings.is_empty()).then_some((c, findings))
        })
        .collect();
    found.truncate(super::diagnostic::MAX_DIAGNOSTICS);
    if found.is_empty() {
        return Vec::new();
    }
    let root = skip_ws(text, 0);
    let starts = resolve(text, root, "/features")
        .map(|at| elements(text, at))
        .unwrap_or_default();
    let offsets: Vec<Option<usize>> = found
        .iter()
        .map(|(c, findings)| {
            let start = *starts.get(layer.countries[*c].feature)?;
            let first = &findings[0];
            let single = resolve(text, start, "/geometry/type")
                .ok()
                .and_then(|at| text.get(at..))
                .is_some_and(|t| t.starts_with(b"\"Polygon\""));
            let pointer = if single {
                format!("/geometry/coordinates/{}/{}", first.ring, first.position)
            } else {
                format!(
                    "/geometry/coordinates/{}/{}/{}",
                    first.polygon, first.ring, first.position
                )
            };
            Some(resolve(text, start, &pointer).unwrap_or_else(|nearest| nearest))
        })
        .collect();
    let places = line_columns(
        text,
        &offsets.iter().map(|o| o.unwrap_or(0)).collect::<Vec<_>>(),
    );
    found
        .into_iter()
        .zip(offsets.into_iter().zip(places))
        .map(|((c, findings), (offset, (line, column)))| {
            let country = &layer.countries[c];
            let key = Some(super::diagnostic::shorten(&country.key));
            let place = match offset {
                Some(_) => super::Where::FeatureAt {
                    line,
                    column,
                    index: country.feature,
                    key,
                },
                None => super::Where::Feature {
                    index: country.feature,
                    key,
                },
            };
            let text: Vec<String> = findings.into_iter().map(|f| f.message).collect();
            super::Diagnostic::warning(
                name,
                place,
                format!("invalid geometry: {}", text.join("; ")),
            )
        })
        .collect()
}

fn to_coord(p: [f64; 2]) -> Coord<f64> {
    Coord { x: p[0], y: p[1] }
}

/// Whether edges `i` and `j` of the same ring share an endpoint by construction.
fn adjacent(ring_len: usize, r: u32, i: u32, r2: u32, j: u32) -> bool {
    if r != r2 {
        return false;
    }
    let last = ring_len.saturating_sub(2) as u32; // edges are 0..=len-2 on a closed ring
    i.abs_diff(j) == 1 || (i.min(j) == 0 && i.max(j) == last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{LineString, Polygon};

    fn ring(points: &[(f64, f64)]) -> LineString<f64> {
        LineString::from(points.to_vec())
    }

    fn square(x: f64, y: f64, size: f64) -> LineString<f64> {
        ring(&[
            (x, y),
            (x + size, y),
            (x + size, y + size),
            (x, y + size),
            (x, y),
        ])
    }

    #[test]
    fn finds_a_bow_tie_and_passes_a_square() {
        let square = Polygon::new(square(0.0, 0.0, 1.0), vec![]);
        assert!(self_intersections(&MultiPolygon(vec![square]), 5).is_empty());
        let bow_tie = Polygon::new(
            ring(&[(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)]),
            vec![],
        );
        let found = self_intersections(&MultiPolygon(vec![bow_tie]), 5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("crosses itself at (0.50000, 0.50000)"),
            "{found:?}"
        );
    }

    #[test]
    fn a_hole_touching_its_outer_ring_at_one_point_is_valid_and_one_crossing_it_is_not() {
        let outer = square(0.0, 0.0, 4.0);
        // A triangle hole with one corner on the outer ring's bottom edge.
        let touching = ring(&[(2.0, 0.0), (3.0, 2.0), (1.0, 2.0), (2.0, 0.0)]);
        let shape = MultiPolygon(vec![Polygon::new(outer.clone(), vec![touching])]);
        assert!(invalid_geometry(&shape, 5).is_empty());
        let crossing = ring(&[(2.0, -1.0), (3.0, 2.0), (1.0, 2.0), (2.0, -1.0)]);
        let shape = MultiPolygon(vec![Polygon::new(outer, vec![crossing])]);
        let found = invalid_geometry(&shape, 5);
        assert!(!found.is_empty());
        assert!(
            found[0].message.contains("the outer ring and hole 1 cross"),
            "{found:?}"
        );
    }

    #[test]
    fn overlapping_parts_of_a_multipolygon_are_found_touching_ones_are_not() {
        let a = Polygon::new(square(0.0, 0.0, 2.0), vec![]);
        let crossing = Polygon::new(square(1.0, 1.0, 2.0), vec![]);
        let found = invalid_geometry(&MultiPolygon(vec![a.clone(), crossing]), 5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.starts_with("polygons 0 and 1 overlap"),
            "{found:?}"
        );
        let inside = Polygon::new(square(0.5, 0.5, 1.0), vec![]);
        let found = invalid_geometry(&MultiPolygon(vec![a.clone(), inside]), 5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("polygon 1 lies inside polygon 0"),
            "{found:?}"
        );
        // Sharing a border, touching at a corner, or an island in a lake: all fine.
        let beside = Polygon::new(square(2.0, 0.0, 2.0), vec![]);
        let corner = Polygon::new(square(2.0, 2.0, 1.0), vec![]);
        let lake = Polygon::new(square(10.0, 0.0, 4.0), vec![square(11.0, 1.0, 2.0)]);
        let island = Polygon::new(square(11.5, 1.5, 1.0), vec![]);
        let shape = MultiPolygon(vec![a, beside, corner, lake, island]);
        assert!(
            invalid_geometry(&shape, 5).is_empty(),
            "{:?}",
            invalid_geometry(&shape, 5)
        );
    }
}
