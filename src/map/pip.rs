//! Point in polygon for hit tests at the pointer: an even-odd ray cast over the polygon's
//! edges, bucketed into horizontal bands so that a test looks at a few dozen edges even for a
//! 1:10m coastline with tens of thousands of vertices.

use std::ops::Range;

/// A polygon (outer ring and holes) prepared for fast point-in-polygon tests. It refers to
/// its points by index into the country's vertices (see [`super::CountryMesh`]), so the
/// index costs about 8 bytes an edge and no copy of the coordinates.
#[derive(Clone, Debug)]
pub struct BandedPolygon {
    /// Lowest y of the polygon and the height of one band.
    y0: f64,
    band_height: f64,
    /// Band `b`'s edges are `edges[band_starts[b]..band_starts[b + 1]]`.
    band_starts: Vec<u32>,
    /// Edges as the indices of their two end points, band after band.
    edges: Vec<[u32; 2]>,
}

impl BandedPolygon {
    /// Prepares the polygon whose rings (outer first, then holes; each without its closing
    /// point) are these ranges of `vertices`.
    pub fn new(vertices: &[[f32; 2]], rings: &[Range<u32>]) -> Self {
        let ring_edges = || {
            rings.iter().flat_map(|ring| {
                let (start, end) = (ring.start, ring.end);
                (start..end).map(move |i| [i, if i + 1 == end { start } else { i + 1 }])
            })
        };
        let point = |i: u32| vertices.get(i as usize).copied().unwrap_or([f32::NAN; 2]);
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        let mut n_edges = 0usize;
        for [a, _] in ring_edges() {
            let y = f64::from(point(a)[1]);
            lo = lo.min(y);
            hi = hi.max(y);
            n_edges += 1;
        }
        let n_bands = ((n_edges as f64).sqrt() as usize).clamp(1, 4096);
        let height = ((hi - lo) / n_bands as f64).max(f64::MIN_POSITIVE);
        let band_range = |[a, b]: [u32; 2]| {
            let (ya, yb) = (f64::from(point(a)[1]), f64::from(point(b)[1]));
            (
                band_of(ya.min(yb), lo, height, n_bands),
                band_of(ya.max(yb), lo, height, n_bands),
            )
        };
        // Counting pass, then a filling pass: one exact allocation for all the bands.
        let mut band_starts = vec![0u32; n_bands + 1];
        if lo.is_finite() {
            for edge in ring_edges() {
                let (first, last) = band_range(edge);
                for band in first..=last {
                    band_starts[band + 1] += 1;
                }
            }
        }
        for b in 0..n_bands {
            band_starts[b + 1] += band_starts[b];
        }
        let mut edges = vec![[0u32; 2]; band_starts[n_bands] as usize];
        let mut next: Vec<u32> = band_starts[..n_bands].to_vec();
        if lo.is_finite() {
            for edge in ring_edges() {
                let (first, last) = band_range(edge);
                for slot in &mut next[first..=last] {
                    edges[*slot as usize] = edge;
                    *slot += 1;
                }
            }
        }
        Self {
            y0: lo,
            band_height: height,
            band_starts,
            edges,
        }
    }

    /// Whether the point is inside (even-odd rule: holes are outside); `vertices` are the
    /// ones the polygon was prepared with.
    pub fn contains(&self, vertices: &[[f32; 2]], x: f64, y: f64) -> bool {
        if !self.y0.is_finite() || y < self.y0 {
            return false;
        }
        let band = ((y - self.y0) / self.band_height) as usize;
        let (Some(&start), Some(&end)) =
            (self.band_starts.get(band), self.band_starts.get(band + 1))
        else {
            return false;
        };
        let mut inside = false;
        for &[a, b] in self.edges.get(start as usize..end as usize).unwrap_or(&[]) {
            let (Some(&[x0, y0]), Some(&[x1, y1])) =
                (vertices.get(a as usize), vertices.get(b as usize))
            else {
                continue;
            };
            let (x0, y0, x1, y1) = (f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
            // Half-open in y so a vertex on the ray is counted once; flat edges never cross.
            if (y0 > y) != (y1 > y) {
                let x_cross = x0 + (y - y0) / (y1 - y0) * (x1 - x0);
                if x_cross > x {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

fn band_of(y: f64, lo: f64, height: f64, n: usize) -> usize {
    (((y - lo) / height) as usize).min(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Contains, LineString, Point, Polygon};

    #[test]
    fn agrees_with_geo_on_a_polygon_with_a_hole() {
        let outer = LineString::from(vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (5.0, 4.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ]);
        let hole = LineString::from(vec![
            (2.0, 1.0),
            (3.0, 1.0),
            (3.0, 2.0),
            (2.0, 2.0),
            (2.0, 1.0),
        ]);
        let polygon = Polygon::new(outer, vec![hole]);
        // The rings as the layer keeps them: points in order, without the closing repeat.
        let mut vertices: Vec<[f32; 2]> = Vec::new();
        let mut rings = Vec::new();
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let start = vertices.len() as u32;
            let open = &ring.0[..ring.0.len() - 1];
            vertices.extend(open.iter().map(|c| [c.x as f32, c.y as f32]));
            rings.push(start..vertices.len() as u32);
        }
        let banded = BandedPolygon::new(&vertices, &rings);
        for i in 0..110 {
            for j in 0..110 {
                let (x, y) = (f64::from(i) * 0.1 - 0.47, f64::from(j) * 0.1 - 0.43);
                assert_eq!(
                    banded.contains(&vertices, x, y),
                    polygon.contains(&Point::new(x, y)),
                    "({x}, {y})"
                );
            }
        }
    }
}
