//! Link geometry: curved arcs between the places of a relationship's parties, fanned out when
//! several links join the same pair. Pure maths in world coordinates.

use std::collections::HashMap;

/// One arc: a quadratic Bézier curve in world coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arc {
    /// Start (the hub party).
    pub from: [f64; 2],
    /// End.
    pub to: [f64; 2],
    /// Control point.
    pub control: [f64; 2],
}

/// How far the first arc between a pair bows out, as a share of its length.
const BASE_BEND: f64 = 0.16;
/// How much further each further arc between the same pair bows out.
const BEND_STEP: f64 = 0.11;

impl Arc {
    /// An arc from `from` to `to` bowing to the left of the direction (lower key → higher key)
    /// by `bend` × length; negative bends bow to the right.
    pub fn new(from: [f64; 2], to: [f64; 2], bend: f64) -> Self {
        let mid = [(from[0] + to[0]) / 2.0, (from[1] + to[1]) / 2.0];
        let d = [to[0] - from[0], to[1] - from[1]];
        // Perpendicular (rotated 90° left), scaled by the length: `bend` is relative.
        let control = [mid[0] - d[1] * bend, mid[1] + d[0] * bend];
        Self { from, to, control }
    }

    /// The point at parameter `t` in 0..=1.
    pub fn point(&self, t: f64) -> [f64; 2] {
        let u = 1.0 - t;
        [
            u * u * self.from[0] + 2.0 * u * t * self.control[0] + t * t * self.to[0],
            u * u * self.from[1] + 2.0 * u * t * self.control[1] + t * t * self.to[1],
        ]
    }

    /// `n + 1` points along the arc.
    pub fn points(&self, n: usize) -> impl Iterator<Item = [f64; 2]> + '_ {
        let n = n.max(1);
        (0..=n).map(move |i| self.point(i as f64 / n as f64))
    }
}

/// The bends for links between pairs of places: links between the same (unordered) pair get
/// distinct bends, alternating sides and growing, so none overlap. `pairs` holds, per link,
/// the ids of its two ends; returns a bend per link, oriented for the pair as given.
pub fn fanned_bends<K: Ord + Clone + std::hash::Hash>(pairs: &[(K, K)]) -> Vec<f64> {
    let mut seen: HashMap<(K, K), usize> = HashMap::new();
    pairs
        .iter()
        .map(|(a, b)| {
            let (key, flipped) = if a <= b {
                ((a.clone(), b.clone()), false)
            } else {
                ((b.clone(), a.clone()), true)
            };
            let k = seen.entry(key).or_insert(0);
            let n = *k;
            *k += 1;
            // 0 → +1 step, 1 → −1, 2 → +2, 3 → −2, …
            let level = (n / 2 + 1) as f64;
            let side = if n.is_multiple_of(2) { 1.0 } else { -1.0 };
            let bend = side * (BASE_BEND + BEND_STEP * (level - 1.0));
            if flipped { -bend } else { bend }
        })
        .collect()
}

/// Distance from `p` to the polyline through `points`.
pub fn distance_to_polyline(p: [f64; 2], points: &[[f64; 2]]) -> f64 {
    points
        .windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f64::INFINITY, f64::min)
}

fn distance_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let ab = [b[0] - a[0], b[1] - a[1]];
    let ap = [p[0] - a[0], p[1] - a[1]];
    let len2 = ab[0] * ab[0] + ab[1] * ab[1];
    let t = if len2 > 0.0 {
        ((ap[0] * ab[0] + ap[1] * ab[1]) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let q = [a[0] + ab[0] * t, a[1] + ab[1] * t];
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_between_the_same_pair_fan_out() {
        let pairs = [("EU", "NER"), ("NER", "EU"), ("EU", "NER"), ("FRA", "NER")];
        let bends = fanned_bends(&pairs);
        // Oriented the same way, the three EU–NER links all differ.
        let oriented = [bends[0], -bends[1], bends[2]];
        assert!(
            oriented[0] != oriented[1] && oriented[1] != oriented[2] && oriented[0] != oriented[2]
        );
        // And their midpoints are apart.
        let (a, b) = ([0.0, 0.0], [1.0, 0.0]);
        let mids: Vec<_> = oriented
            .iter()
            .map(|&k| Arc::new(a, b, k).point(0.5))
            .collect();
        assert!((mids[0][1] - mids[1][1]).abs() > 0.05);
        assert_eq!(bends[3], bends[0]);
    }

    #[test]
    fn arcs_end_where_they_should() {
        let arc = Arc::new([0.0, 0.0], [2.0, 1.0], 0.2);
        assert_eq!(arc.point(0.0), [0.0, 0.0]);
        assert_eq!(arc.point(1.0), [2.0, 1.0]);
        assert!(distance_to_polyline(arc.point(0.3), &arc.points(64).collect::<Vec<_>>()) < 1e-3);
    }
}
