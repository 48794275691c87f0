//! The map camera: which part of the projected world is on screen, and how large.
//!
//! `screen` is egui points with y down; `world` is the projected plane with y up. The camera
//! keeps the world point at the centre of the viewport and the scale in points per world unit.

use serde::{Deserialize, Serialize};

use super::projection::world_from_lon_lat;

/// Fewest points per world unit: the whole world about 700 points wide.
pub const MIN_SCALE: f64 = 120.0;
/// Most points per world unit: about 30 m per point.
pub const MAX_SCALE: f64 = 200_000.0;

/// The default view's lon/lat box: the Sahel with Europe to the north.
pub const SAHEL_LON_LAT: [[f64; 2]; 2] = [[-20.0, -2.0], [34.0, 54.0]];

/// A view of the world: centre and scale. Cheap to copy; operations return a new camera.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapCamera {
    /// The world point at the centre of the viewport.
    pub center_world: [f64; 2],
    /// Screen points per world unit.
    pub scale: f64,
}

impl MapCamera {
    /// The default view: the Sahel with Europe to the north, for a viewport of this size.
    pub fn sahel(viewport_size: [f64; 2]) -> Self {
        Self::framing_lon_lat(SAHEL_LON_LAT[0], SAHEL_LON_LAT[1], viewport_size)
    }

    /// A camera showing the whole world.
    pub fn world(viewport_size: [f64; 2]) -> Self {
        Self::framing_lon_lat([-180.0, -60.0], [180.0, 85.0], viewport_size)
    }

    /// A camera that fits the lon/lat box `min`..`max` into the viewport.
    pub fn framing_lon_lat(min: [f64; 2], max: [f64; 2], viewport_size: [f64; 2]) -> Self {
        let corners = [
            world_from_lon_lat(min[0], min[1]),
            world_from_lon_lat(max[0], min[1]),
            world_from_lon_lat(min[0], max[1]),
            world_from_lon_lat(max[0], max[1]),
        ];
        let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
        for c in corners {
            for k in 0..2 {
                lo[k] = lo[k].min(c[k]);
                hi[k] = hi[k].max(c[k]);
            }
        }
        let width = (hi[0] - lo[0]).max(1e-9);
        let height = (hi[1] - lo[1]).max(1e-9);
        let scale = (viewport_size[0].max(1.0) / width).min(viewport_size[1].max(1.0) / height);
        Self {
            center_world: [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0],
            scale: scale.clamp(MIN_SCALE, MAX_SCALE),
        }
    }

    /// A camera that fits the lon/lat box `min`..`max` into the part `visible` of a viewport
    /// of `viewport_size` (see [`MapCamera::framing_world_in`]).
    pub fn framing_lon_lat_in(
        min: [f64; 2],
        max: [f64; 2],
        viewport_size: [f64; 2],
        visible: [f64; 4],
        margin: [f64; 2],
    ) -> Self {
        let corners = [
            world_from_lon_lat(min[0], min[1]),
            world_from_lon_lat(max[0], min[1]),
            world_from_lon_lat(min[0], max[1]),
            world_from_lon_lat(max[0], max[1]),
            world_from_lon_lat((min[0] + max[0]) / 2.0, max[1]),
            world_from_lon_lat((min[0] + max[0]) / 2.0, min[1]),
        ];
        let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
        for c in corners {
            for k in 0..2 {
                lo[k] = lo[k].min(c[k]);
                hi[k] = hi[k].max(c[k]);
            }
        }
        Self::framing_world_in(lo, hi, viewport_size, visible, margin)
    }

    /// A camera that fits the world box `lo`..`hi` into `visible`, the part of a viewport of
    /// `viewport_size` that no panel covers (min x, min y, max x, max y, viewport pixels from
    /// its top-left corner), keeping `margin` pixels free on each side (room for the ends'
    /// labels), and showing nothing beyond the world's edge where the world fills the view.
    pub fn framing_world_in(
        lo: [f64; 2],
        hi: [f64; 2],
        viewport_size: [f64; 2],
        visible: [f64; 4],
        margin: [f64; 2],
    ) -> Self {
        let room = [
            (visible[2] - visible[0] - 2.0 * margin[0]).max(40.0),
            (visible[3] - visible[1] - 2.0 * margin[1]).max(40.0),
        ];
        let width = (hi[0] - lo[0]).max(1e-9);
        let height = (hi[1] - lo[1]).max(1e-9);
        let scale = (room[0] / width)
            .min(room[1] / height)
            .clamp(MIN_SCALE, MAX_SCALE);
        let box_center = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
        let visible_center = [
            (visible[0] + visible[2]) / 2.0,
            (visible[1] + visible[3]) / 2.0,
        ];
        let camera = Self {
            center_world: [
                box_center[0] - (visible_center[0] - viewport_size[0] / 2.0) / scale,
                box_center[1] + (visible_center[1] - viewport_size[1] / 2.0) / scale,
            ],
            scale,
        };
        camera.within_world(viewport_size)
    }

    /// Moved so that a viewport of `viewport_size` shows nothing beyond the world's edge
    /// (its bounding box), on each axis where the world is larger than the view; centred on
    /// the world on an axis where it is smaller.
    #[must_use]
    pub fn within_world(&self, viewport_size: [f64; 2]) -> Self {
        let [xmax, _] = world_from_lon_lat(180.0, 0.0);
        let [_, ymax] = world_from_lon_lat(0.0, 90.0);
        let mut center = self.center_world;
        for (k, edge) in [xmax, ymax].into_iter().enumerate() {
            let half = viewport_size[k] / 2.0 / self.scale;
            center[k] = if half >= edge {
                0.0
            } else {
                center[k].clamp(-edge + half, edge - half)
            };
        }
        Self {
            center_world: center,
            scale: self.scale,
        }
    }

    /// A camera centred on a lon/lat at a given scale.
    pub fn centered_on_lon_lat(lon: f64, lat: f64, scale: f64) -> Self {
        Self {
            center_world: world_from_lon_lat(lon, lat),
            scale: scale.clamp(MIN_SCALE, MAX_SCALE),
        }
    }

    /// Screen position of a world point, for a viewport centred at `viewport_center`.
    pub fn screen_from_world(&self, world: [f64; 2], viewport_center: [f64; 2]) -> [f64; 2] {
        [
            viewport_center[0] + (world[0] - self.center_world[0]) * self.scale,
            viewport_center[1] - (world[1] - self.center_world[1]) * self.scale,
        ]
    }

    /// World point under a screen position.
    pub fn world_from_screen(&self, screen: [f64; 2], viewport_center: [f64; 2]) -> [f64; 2] {
        [
            self.center_world[0] + (screen[0] - viewport_center[0]) / self.scale,
            self.center_world[1] - (screen[1] - viewport_center[1]) / self.scale,
        ]
    }

    /// Zoomed by `factor` about a screen point, which stays over the same world point.
    #[must_use]
    pub fn zoomed_at(&self, screen: [f64; 2], viewport_center: [f64; 2], factor: f64) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = self.world_from_screen(screen, viewport_center);
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let mut zoomed = Self {
            center_world: self.center_world,
            scale,
        };
        let moved = zoomed.world_from_screen(screen, viewport_center);
        zoomed.center_world[0] += anchor[0] - moved[0];
        zoomed.center_world[1] += anchor[1] - moved[1];
        zoomed.clamped()
    }

    /// Moved so that the map follows a drag of `delta` screen points.
    #[must_use]
    pub fn panned_by(&self, delta: [f64; 2]) -> Self {
        Self {
            center_world: [
                self.center_world[0] - delta[0] / self.scale,
                self.center_world[1] + delta[1] / self.scale,
            ],
            scale: self.scale,
        }
        .clamped()
    }

    /// Keeps the centre within the world's extent.
    #[must_use]
    pub fn clamped(&self) -> Self {
        let [xmax, _] = world_from_lon_lat(180.0, 0.0);
        let [_, ymax] = world_from_lon_lat(0.0, 90.0);
        Self {
            center_world: [
                self.center_world[0].clamp(-xmax, xmax),
                self.center_world[1].clamp(-ymax, ymax),
            ],
            scale: self.scale.clamp(MIN_SCALE, MAX_SCALE),
        }
    }

    /// Linear interpolation towards `other` (for animated fly-to), `t` in 0..=1; the scale is
    /// interpolated geometrically.
    #[must_use]
    pub fn lerp(&self, other: &Self, t: f64) -> Self {
        let t = t.clamp(0.0, 1.0);
        Self {
            center_world: [
                self.center_world[0] + (other.center_world[0] - self.center_world[0]) * t,
                self.center_world[1] + (other.center_world[1] - self.center_world[1]) * t,
            ],
            scale: self.scale * (other.scale / self.scale).powf(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_world_round_trip() {
        let cam = MapCamera::sahel([1200.0, 800.0]);
        let c = [600.0, 400.0];
        let w = [0.3, 0.5];
        let s = cam.screen_from_world(w, c);
        let back = cam.world_from_screen(s, c);
        assert!((back[0] - w[0]).abs() < 1e-12 && (back[1] - w[1]).abs() < 1e-12);
    }

    #[test]
    fn zoom_keeps_point_under_pointer() {
        let cam = MapCamera::sahel([1200.0, 800.0]);
        let c = [600.0, 400.0];
        let pointer = [300.0, 200.0];
        let before = cam.world_from_screen(pointer, c);
        let zoomed = cam.zoomed_at(pointer, c, 2.0);
        let after = zoomed.world_from_screen(pointer, c);
        assert!((zoomed.scale / cam.scale - 2.0).abs() < 1e-9);
        assert!((before[0] - after[0]).abs() < 1e-12 && (before[1] - after[1]).abs() < 1e-12);
    }

    #[test]
    fn framing_in_a_part_of_the_view_puts_the_box_there_with_its_margins() {
        let size = [1000.0, 700.0];
        let visible = [0.0, 120.0, 1000.0, 700.0];
        let (bamako, moscow) = (
            world_from_lon_lat(-8.0, 12.65),
            world_from_lon_lat(37.6, 55.75),
        );
        let lo = [bamako[0].min(moscow[0]), bamako[1].min(moscow[1])];
        let hi = [bamako[0].max(moscow[0]), bamako[1].max(moscow[1])];
        let cam = MapCamera::framing_world_in(lo, hi, size, visible, [80.0, 30.0]);
        let c = [500.0, 350.0];
        for w in [bamako, moscow] {
            let s = cam.screen_from_world(w, c);
            assert!(s[0] >= 79.0 && s[0] <= 921.0, "{s:?}");
            assert!(s[1] >= 149.0 && s[1] <= 671.0, "{s:?}");
        }
    }

    #[test]
    fn a_framing_near_the_edge_of_the_world_shows_nothing_beyond_it() {
        let size = [800.0, 600.0];
        let cam = MapCamera::framing_lon_lat_in(
            [170.0, 60.0],
            [179.0, 70.0],
            size,
            [0.0, 0.0, 800.0, 600.0],
            [60.0, 20.0],
        );
        let [xmax, _] = world_from_lon_lat(180.0, 0.0);
        let right = cam.world_from_screen([800.0, 300.0], [400.0, 300.0]);
        assert!(right[0] <= xmax + 1e-9, "{right:?} beyond {xmax}");
    }

    #[test]
    fn default_view_frames_sahel_and_europe() {
        let size = [1200.0, 800.0];
        let cam = MapCamera::sahel(size);
        let c = [600.0, 400.0];
        for (lon, lat) in [(2.11, 13.51), (2.35, 48.86), (15.0, 12.1), (-15.9, 18.1)] {
            let s = cam.screen_from_world(world_from_lon_lat(lon, lat), c);
            assert!(
                s[0] > 0.0 && s[0] < size[0] && s[1] > 0.0 && s[1] < size[1],
                "{lon},{lat}"
            );
        }
    }
}
