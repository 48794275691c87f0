//! Self-intersections in country shapes, found with an R-tree of edges so that a 1:10m layer
//! (half a million edges) is checked in well under a second. Shapes that fail still draw, so
//! these are warnings.

use geo::line_intersection::{LineIntersection, line_intersection};
use geo::{Coord, Line, MultiPolygon};
use rstar::primitives::GeomWithData;
use rstar::{AABB, RTree, RTreeObject};

type Edge = GeomWithData<rstar::primitives::Line<[f64; 2]>, (u32, u32)>;

/// Up to `max` self-intersections of the shape's rings (a ring crossing or touching itself, or
/// a hole crossing its outer ring), each described for a person.
pub fn self_intersections(shape: &MultiPolygon<f64>, max: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (p, polygon) in shape.0.iter().enumerate() {
        let rings: Vec<&[Coord<f64>]> = std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .map(|r| r.0.as_slice())
            .collect();
        let mut edges = Vec::new();
        for (r, ring) in rings.iter().enumerate() {
            for (i, w) in ring.windows(2).enumerate() {
                if w[0] != w[1] {
                    edges.push(Edge::new(
                        rstar::primitives::Line::new([w[0].x, w[0].y], [w[1].x, w[1].y]),
                        (r as u32, i as u32),
                    ));
                }
            }
        }
        let tree = RTree::bulk_load(edges);
        for edge in tree.iter() {
            let (r, i) = edge.data;
            let envelope: AABB<[f64; 2]> = edge.envelope();
            for other in tree.locate_in_envelope_intersecting(envelope) {
                let (r2, j) = other.data;
                if (r2, j) <= (r, i) || adjacent(rings[r as usize].len(), r, i, r2, j) {
                    continue;
                }
                let a = Line::new(to_coord(edge.geom().from), to_coord(edge.geom().to));
                let b = Line::new(to_coord(other.geom().from), to_coord(other.geom().to));
                let Some(hit) = line_intersection(a, b) else {
                    continue;
                };
                let at = match hit {
                    LineIntersection::SinglePoint { intersection, .. } => intersection,
                    LineIntersection::Collinear { intersection } => intersection.start,
                };
                let what = if r == r2 {
                    if r == 0 {
                        "the outer ring".to_owned()
                    } else {
                        format!("hole {r}")
                    }
                } else {
                    format!(
                        "{} and hole {r2}",
                        if r == 0 {
                            "the outer ring".to_owned()
                        } else {
                            format!("hole {r}")
                        }
                    )
                };
                // Several edges meeting at one point are one problem.
                if !seen.insert((p, format!("{:.5},{:.5}", at.x, at.y))) {
                    continue;
                }
                found.push(format!(
                    "polygon {p}: {what} cross{} at ({:.5}, {:.5}) (edges {i} and {j})",
                    if r == r2 { "es itself" } else { "" },
                    at.x,
                    at.y
                ));
                if found.len() >= max {
                    return found;
                }
            }
        }
    }
    found
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

    #[test]
    fn finds_a_bow_tie_and_passes_a_square() {
        let square = Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (1.0, 0.0),
                (1.0, 1.0),
                (0.0, 1.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        assert!(self_intersections(&MultiPolygon(vec![square]), 5).is_empty());
        let bow_tie = Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (1.0, 1.0),
                (1.0, 0.0),
                (0.0, 1.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        let found = self_intersections(&MultiPolygon(vec![bow_tie]), 5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("crosses itself at (0.50000, 0.50000)"),
            "{found:?}"
        );
    }
}
