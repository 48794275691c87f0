//! The Equal Earth projection (Šavrič, Patterson & Jenny, 2018): an equal-area projection made
//! for thematic world maps.
//!
//! `lon_lat` is WGS84 degrees; `world` is the projected plane in units of the Earth's radius,
//! x east, y north. The whole world spans about x ∈ [-2.71, 2.71], y ∈ [-1.32, 1.32].

const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;
const M: f64 = 0.866_025_403_784_438_6; // √3 / 2

/// Projects a longitude/latitude in degrees to world coordinates.
pub fn world_from_lon_lat(lon: f64, lat: f64) -> [f64; 2] {
    let lambda = lon.to_radians();
    let phi = lat.to_radians();
    let sin_theta = M * phi.sin();
    let theta = sin_theta.asin();
    // cos θ from sin θ: one square root instead of a third trigonometric call (θ stays within
    // ±60°, so the difference never cancels).
    let cos_theta = (1.0 - sin_theta * sin_theta).sqrt();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * cos_theta / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    [x, y]
}

/// The inverse: world coordinates to longitude/latitude in degrees. Points outside the world's
/// outline give longitudes beyond ±180.
pub fn lon_lat_from_world(x: f64, y: f64) -> [f64; 2] {
    let limit = world_from_lon_lat(0.0, 90.0)[1];
    let y = y.clamp(-limit, limit);
    // Newton's method on y(θ) = θ (A1 + A2 θ² + A3 θ⁶ + A4 θ⁸).
    let mut theta = y / A1;
    for _ in 0..12 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let df = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let delta = f / df;
        theta -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let lambda = M * x * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / theta.cos();
    let phi = (theta.sin() / M).clamp(-1.0, 1.0).asin();
    [lambda.to_degrees(), phi.to_degrees()]
}

/// The longitude/latitude box of the world rectangle `min`..`max`: every point of the map
/// within the rectangle has its longitude and latitude in the box (degrees: west, south, east,
/// north).
pub fn lon_lat_box_of_world(min: [f64; 2], max: [f64; 2]) -> [f64; 4] {
    // Latitude depends on y alone and grows with it. Longitude is x divided by a factor that
    // is largest at the equator and falls toward the poles: along either vertical edge it is
    // extreme at the top, the bottom or the equator, and between the edges it moves with x.
    let equator = 0.0_f64.clamp(min[1], max[1]);
    let (mut west, mut east) = (f64::MAX, f64::MIN);
    for x in [min[0], max[0]] {
        for y in [min[1], max[1], equator] {
            let lon = lon_lat_from_world(x, y)[0];
            west = west.min(lon);
            east = east.max(lon);
        }
    }
    [
        west.clamp(-180.0, 180.0),
        lon_lat_from_world(0.0, min[1])[1],
        east.clamp(-180.0, 180.0),
        lon_lat_from_world(0.0, max[1])[1],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_world_rectangle_s_box_holds_every_point_of_the_map_within_it() {
        for (min, max) in [
            ([-0.5, 0.1], [0.6, 0.9]),
            ([-3.0, -1.5], [3.0, 1.5]),
            ([0.2, -0.4], [0.3, -0.1]),
            ([-2.0, -0.2], [-1.0, 0.3]),
        ] {
            let [west, south, east, north] = lon_lat_box_of_world(min, max);
            assert!(west <= east && south <= north);
            for i in 0..=40 {
                for j in 0..=40 {
                    let x = min[0] + (max[0] - min[0]) * f64::from(i) / 40.0;
                    let y = min[1] + (max[1] - min[1]) * f64::from(j) / 40.0;
                    let [lon, lat] = lon_lat_from_world(x, y);
                    if lon.abs() > 180.0 {
                        continue; // off the map
                    }
                    let slack = 1e-9;
                    assert!(
                        lon >= west - slack && lon <= east + slack,
                        "{lon} in {west}..{east}"
                    );
                    assert!(
                        lat >= south - slack && lat <= north + slack,
                        "{lat} in {south}..{north}"
                    );
                }
            }
        }
        // The whole world: the whole Earth.
        assert_eq!(
            lon_lat_box_of_world([-3.0, -1.5], [3.0, 1.5]),
            [-180.0, -90.0, 180.0, 90.0]
        );
    }

    #[test]
    fn round_trips() {
        for lon in (-180..=180).step_by(15) {
            for lat in (-88..=88).step_by(8) {
                let [x, y] = world_from_lon_lat(f64::from(lon), f64::from(lat));
                let [lon2, lat2] = lon_lat_from_world(x, y);
                assert!(
                    (lon2 - f64::from(lon)).abs() < 1e-9,
                    "{lon},{lat} -> {lon2}"
                );
                assert!(
                    (lat2 - f64::from(lat)).abs() < 1e-9,
                    "{lon},{lat} -> {lat2}"
                );
            }
        }
    }

    #[test]
    fn known_extent() {
        // The published Equal Earth extent: x up to ±2.7066, y up to ±1.3173 (unit sphere).
        let [x, _] = world_from_lon_lat(180.0, 0.0);
        let [_, y] = world_from_lon_lat(0.0, 90.0);
        assert!((x - 2.7066).abs() < 1e-3, "{x}");
        assert!((y - 1.3173).abs() < 1e-3, "{y}");
    }
}
