//! Cutting polygons that cross the antimeridian in two at ±180°, as RFC 7946 §3.1.9 says
//! GeoJSON should already be. Layers made for spherical renderers (world-atlas's TopoJSON,
//! converted) have rings with an edge from 179° to -179°; drawn flat, such an edge runs the
//! long way round the world and the country's fill becomes a band across the map.

use geo::{Coord, LineString, Polygon};

use super::country::crosses_antimeridian;

/// Whether any ring of the polygon has an edge that crosses the antimeridian.
pub(super) fn crosses(polygon: &Polygon<f64>) -> bool {
    std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .any(|ring| ring.0.windows(2).any(|w| crosses_antimeridian(w[0], w[1])))
}

/// The ring with longitudes made continuous (an edge never jumps by more than 180°), and by
/// how much the last position's longitude was moved (0, or ±360 when the ring goes round a
/// pole).
fn unwrap(ring: &[Coord<f64>]) -> (Vec<Coord<f64>>, f64) {
    let mut out: Vec<Coord<f64>> = Vec::with_capacity(ring.len() + 4);
    let mut shift = 0.0;
    for (i, c) in ring.iter().enumerate() {
        if i > 0 {
            let previous = ring[i - 1];
            if crosses_antimeridian(previous, *c) {
                shift += if c.x < previous.x { 360.0 } else { -360.0 };
            }
        }
        out.push(Coord {
            x: c.x + shift,
            y: c.y,
        });
    }
    (out, shift)
}

/// The part of a ring on one side of the meridian `x` (Sutherland–Hodgman): `keep_west`
/// keeps longitudes up to `x`, else from `x`. Closed, or empty when nothing is left.
fn clip(ring: &[Coord<f64>], x: f64, keep_west: bool) -> Vec<Coord<f64>> {
    let inside = |c: &Coord<f64>| if keep_west { c.x <= x } else { c.x >= x };
    let mut out = Vec::with_capacity(ring.len() + 4);
    let n = ring.len().saturating_sub(1); // the last position repeats the first
    for i in 0..n {
        let (a, b) = (ring[i], ring[i + 1]);
        match (inside(&a), inside(&b)) {
            (true, true) => out.push(b),
            (true, false) => out.push(cut(a, b, x)),
            (false, true) => {
                out.push(cut(a, b, x));
                out.push(b);
            }
            (false, false) => {}
        }
    }
    if out.len() < 3 {
        return Vec::new();
    }
    if out.first() != out.last()
        && let Some(&first) = out.first()
    {
        out.push(first);
    }
    if out.len() < 4 { Vec::new() } else { out }
}

fn cut(a: Coord<f64>, b: Coord<f64>, x: f64) -> Coord<f64> {
    let t = if b.x == a.x {
        0.0
    } else {
        (x - a.x) / (b.x - a.x)
    };
    Coord {
        x,
        y: a.y + t * (b.y - a.y),
    }
}

fn shifted(ring: Vec<Coord<f64>>, by: f64) -> LineString<f64> {
    LineString(
        ring.into_iter()
            .map(|c| Coord {
                x: (c.x + by).clamp(-180.0, 180.0),
                y: c.y,
            })
            .collect(),
    )
}

/// A ring made continuous and closed round a pole if it goes round one, with its longitudes
/// between `base - 180` and `base + 540` or so.
fn continuous(ring: &[Coord<f64>]) -> Vec<Coord<f64>> {
    let (mut ring, shift) = unwrap(ring);
    if shift != 0.0 {
        // Round a pole (Antarctica): close the ring along it.
        let mean = ring.iter().map(|c| c.y).sum::<f64>() / ring.len().max(1) as f64;
        let pole = if mean < 0.0 { -90.0 } else { 90.0 };
        if let (Some(&first), Some(&last)) = (ring.first(), ring.last()) {
            ring.push(Coord { x: last.x, y: pole });
            ring.push(Coord {
                x: first.x,
                y: pole,
            });
            ring.push(first);
        }
    }
    ring
}

/// The polygon cut at ±180° into the pieces that lie within -180..180.
pub(super) fn cut_polygon(polygon: &Polygon<f64>) -> Vec<Polygon<f64>> {
    let exterior = continuous(&polygon.exterior().0);
    let (min, max) = exterior
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), c| {
            (lo.min(c.x), hi.max(c.x))
        });
    // The meridians the unwrapped ring crosses, each ±180 + k·360, and the window between them.
    let first_window = ((min + 180.0) / 360.0).floor() as i64;
    let last_window = ((max + 180.0) / 360.0).ceil() as i64 - 1;
    let mut pieces = Vec::new();
    for k in first_window..=last_window.max(first_window) {
        let west_edge = -180.0 + 360.0 * k as f64;
        let east_edge = west_edge + 360.0;
        let clipped = clip(&clip(&exterior, west_edge, false), east_edge, true);
        if clipped.is_empty() {
            continue;
        }
        let holes = polygon
            .interiors()
            .iter()
            .filter_map(|hole| {
                let mut ring = continuous(&hole.0);
                // Bring the hole next to the piece.
                let centre = ring.iter().map(|c| c.x).sum::<f64>() / ring.len().max(1) as f64;
                let k_hole = ((centre + 180.0) / 360.0).floor();
                for c in &mut ring {
                    c.x += 360.0 * (k as f64 - k_hole);
                }
                let clipped = clip(&clip(&ring, west_edge, false), east_edge, true);
                (!clipped.is_empty()).then(|| shifted(clipped, -360.0 * k as f64))
            })
            .collect();
        pieces.push(Polygon::new(shifted(clipped, -360.0 * k as f64), holes));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Area;

    #[test]
    fn a_ring_across_the_antimeridian_becomes_two_pieces_of_the_same_area() {
        // Fiji-like: 179 to -179 (181 unwrapped), 2 degrees wide.
        let ring = LineString::from(vec![
            (179.0, -17.0),
            (-179.0, -17.0),
            (-179.0, -16.0),
            (179.0, -16.0),
            (179.0, -17.0),
        ]);
        let polygon = Polygon::new(ring, vec![]);
        assert!(crosses(&polygon));
        let pieces = cut_polygon(&polygon);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        let area: f64 = pieces.iter().map(|p| p.unsigned_area()).sum();
        assert!((area - 2.0).abs() < 1e-9, "{area}");
        for p in &pieces {
            assert!(!crosses(p), "{p:?}");
            assert!(
                p.exterior()
                    .0
                    .iter()
                    .all(|c| (-180.0..=180.0).contains(&c.x))
            );
        }
    }

    #[test]
    fn a_ring_round_the_south_pole_is_closed_along_it() {
        let ring = LineString::from(vec![
            (-170.0, -80.0),
            (-10.0, -75.0),
            (100.0, -70.0),
            (175.0, -78.0),
            (-170.0, -80.0),
        ]);
        let polygon = Polygon::new(ring, vec![]);
        assert!(crosses(&polygon));
        let pieces = cut_polygon(&polygon);
        assert!(!pieces.is_empty());
        for p in &pieces {
            assert!(!crosses(p), "{p:?}");
            assert!(p.exterior().0.iter().any(|c| c.y == -90.0), "{p:?}");
        }
    }
}
