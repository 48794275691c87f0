//! Point in polygon for hit tests at the pointer: an even-odd ray cast over the polygon's
//! edges, bucketed into horizontal bands so that a test looks at a few dozen edges even for a
//! 1:10m coastline with tens of thousands of vertices.

use geo::Polygon;

/// A polygon (outer ring and holes) prepared for fast point-in-polygon tests.
#[derive(Clone, Debug)]
pub struct BandedPolygon {
    /// Every edge as (x0, y0, x1, y1).
    edges: Vec<[f64; 4]>,
    /// Lowest y of the polygon and the height of one band.
    y0: f64,
    band_height: f64,
    /// Per band: indices of the edges whose y-range meets the band.
    bands: Vec<Vec<u32>>,
}

impl BandedPolygon {
    /// Prepares a polygon (any coordinates; world coordinates here).
    pub fn new(polygon: &Polygon<f64>) -> Self {
        let mut edges = Vec::new();
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            for w in ring.0.windows(2) {
                let (a, b) = (w[0], w[1]);
                if a.y != b.y || a.x != b.x {
                    edges.push([a.x, a.y, b.x, b.y]);
                }
            }
        }
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for e in &edges {
            lo = lo.min(e[1].min(e[3]));
            hi = hi.max(e[1].max(e[3]));
        }
        let n_bands = ((edges.len() as f64).sqrt() as usize).clamp(1, 4096);
        let height = ((hi - lo) / n_bands as f64).max(f64::MIN_POSITIVE);
        let mut bands = vec![Vec::new(); n_bands];
        if lo.is_finite() {
            for (i, e) in edges.iter().enumerate() {
                let first = band_of(e[1].min(e[3]), lo, height, n_bands);
                let last = band_of(e[1].max(e[3]), lo, height, n_bands);
                for band in &mut bands[first..=last] {
                    band.push(i as u32);
                }
            }
        }
        Self {
            edges,
            y0: lo,
            band_height: height,
            bands,
        }
    }

    /// Whether the point is inside (even-odd rule: holes are outside).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        if self.bands.is_empty() || !self.y0.is_finite() || y < self.y0 {
            return false;
        }
        let band = ((y - self.y0) / self.band_height) as usize;
        let Some(edges) = self.bands.get(band) else {
            return false;
        };
        let mut inside = false;
        for &i in edges {
            let [x0, y0, x1, y1] = self.edges[i as usize];
            // Half-open in y so a vertex on the ray is counted once.
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
    use geo::{Contains, LineString, Point};

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
        let banded = BandedPolygon::new(&polygon);
        for i in 0..110 {
            for j in 0..110 {
                let (x, y) = (f64::from(i) * 0.1 - 0.47, f64::from(j) * 0.1 - 0.43);
                assert_eq!(
                    banded.contains(x, y),
                    polygon.contains(&Point::new(x, y)),
                    "({x}, {y})"
                );
            }
        }
    }
}
