//! Hit tests at known places on both embedded layers, and the shapes that are easy to get
//! wrong: holes, multipolygons, the antimeridian.

use sahel_atlas::map::{MapLayer, lon_lat_from_world, world_from_lon_lat};

use crate::common::{coarse, fine};

fn key_at(layer: &MapLayer, lon: f64, lat: f64) -> Option<String> {
    layer
        .country_at_lon_lat(lon, lat)
        .map(|i| layer.countries()[i].key.clone())
}

const PLACES: [(&str, f64, f64, Option<&str>); 9] = [
    ("Niamey", 2.11, 13.51, Some("NER")),
    ("Bamako", -8.0, 12.64, Some("MLI")),
    ("N'Djamena", 15.06, 12.13, Some("TCD")),
    ("Cayenne", -52.33, 4.92, Some("FRA")),
    ("Maseru", 27.48, -29.31, Some("LSO")),
    ("Ouagadougou", -1.52, 12.37, Some("BFA")),
    ("Nouakchott", -15.95, 18.09, Some("MRT")),
    ("Gulf of Guinea", 3.0, 2.0, None),
    ("Chukotka (Russia east of 180)", 175.0, 67.0, Some("RUS")),
];

#[test]
fn known_places_hit_the_right_country_at_110m() {
    let layer = coarse();
    for (name, lon, lat, want) in PLACES {
        assert_eq!(key_at(&layer, lon, lat).as_deref(), want, "{name}");
    }
}

#[test]
fn known_places_hit_the_right_country_at_50m() {
    let layer = fine();
    for (name, lon, lat, want) in PLACES {
        assert_eq!(key_at(&layer, lon, lat).as_deref(), want, "{name}");
    }
}

#[test]
fn russia_west_of_the_antimeridian_too() {
    // Chukotka's part west of 180°W.
    assert_eq!(key_at(&coarse(), -175.0, 66.5).as_deref(), Some("RUS"));
}

#[test]
fn layers_are_keyed_by_adm0_a3_with_france_and_norway_present() {
    for layer in [coarse(), fine()] {
        for key in [
            "FRA", "NOR", "NER", "MLI", "BFA", "TCD", "MRT", "LSO", "ZAF",
        ] {
            assert!(
                layer.country_index(key).is_some(),
                "{key} in {}",
                layer.layer.source
            );
        }
        let c = layer.country_index("FRA").expect("FRA");
        assert!(
            layer.part_count(c) > 1,
            "France is a multipolygon with overseas parts"
        );
        // Framing France frames its largest part, Europe's, not French Guiana too.
        let [min_lon, min_lat, max_lon, max_lat] = layer
            .largest_part_lon_lat(c)
            .expect("France's largest part");
        assert!(min_lon > -6.0 && max_lon < 10.0 && min_lat > 41.0 && max_lat < 52.0);
        let fra = &layer.countries()[c];
        assert_eq!(fra.population.map(|p| p.1), Some(2019));
        assert!(
            fra.shape_lon_lat.0.is_empty(),
            "the layer's meshes hold the shapes once it is built"
        );
    }
}

#[test]
fn every_country_is_triangulated_to_its_area() {
    // The triangles of each country cover its area (a wrong winding or dropped hole shows up
    // as a mismatch): compare triangle area sums with the polygons' areas in world space.
    use geo::Area;
    let embedded = [
        (coarse(), sahel_atlas::io::embedded::COUNTRIES_110M),
        (fine(), sahel_atlas::io::embedded::COUNTRIES_50M),
    ];
    for (layer, bytes) in embedded {
        // The layer lets its lon/lat shapes go once built; compare with the file's.
        let source = sahel_atlas::io::parse_countries("embedded", bytes).expect("embedded layer");
        assert_eq!(source.countries.len(), layer.countries().len());
        for (i, country) in source.countries.iter().enumerate() {
            let mesh = &layer.meshes[i];
            let tri_area: f64 = mesh
                .indices
                .chunks(3)
                .map(|t| {
                    let [a, b, c] = [t[0], t[1], t[2]].map(|k| mesh.vertices[k as usize]);
                    let (ax, ay, bx, by, cx, cy) = (
                        f64::from(a[0]),
                        f64::from(a[1]),
                        f64::from(b[0]),
                        f64::from(b[1]),
                        f64::from(c[0]),
                        f64::from(c[1]),
                    );
                    ((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)).abs() / 2.0
                })
                .sum();
            let projected = geo::MultiPolygon(
                country
                    .shape_lon_lat
                    .0
                    .iter()
                    .map(|p| {
                        let ring = |r: &geo::LineString<f64>| {
                            geo::LineString(
                                r.0.iter()
                                    .map(|c| {
                                        let [x, y] = world_from_lon_lat(c.x, c.y);
                                        geo::Coord { x, y }
                                    })
                                    .collect(),
                            )
                        };
                        geo::Polygon::new(
                            ring(p.exterior()),
                            p.interiors().iter().map(ring).collect(),
                        )
                    })
                    .collect(),
            );
            let area = projected.unsigned_area();
            // Earcut leaves out degenerate slivers only; Egypt-like invalid rings aside, the
            // areas agree closely.
            let rel = (tri_area - area).abs() / area.max(1e-12);
            assert!(
                rel < 0.02,
                "{} in {}: triangles {tri_area} vs polygon {area}",
                country.key,
                layer.layer.source
            );
        }
    }
}

#[test]
fn projection_round_trips_through_the_layer() {
    // Every vertex of every country of the 1:110m file comes back from the projection to
    // where it was, and lands in its own country's hit test when it is a capital.
    let source =
        sahel_atlas::io::parse_countries("embedded", sahel_atlas::io::embedded::COUNTRIES_110M)
            .expect("110m");
    let mut vertices = 0;
    for country in &source.countries {
        for polygon in &country.shape_lon_lat.0 {
            for c in polygon
                .exterior()
                .coords()
                .chain(polygon.interiors().iter().flat_map(|r| r.coords()))
            {
                let [x, y] = world_from_lon_lat(c.x, c.y);
                let [lon, lat] = lon_lat_from_world(x, y);
                assert!(
                    (lon - c.x).abs() < 1e-7 && (lat - c.y).abs() < 1e-7,
                    "{}: ({}, {}) came back as ({lon}, {lat})",
                    country.key,
                    c.x,
                    c.y
                );
                vertices += 1;
            }
        }
    }
    assert!(vertices > 10_000, "{vertices} vertices");
    let layer = coarse();
    for (name, lon, lat, key) in PLACES {
        let [x, y] = world_from_lon_lat(lon, lat);
        let [lon, lat] = lon_lat_from_world(x, y);
        assert_eq!(key_at(&layer, lon, lat).as_deref(), key, "{name}");
    }
}

#[test]
fn outlines_are_the_files_rings_projected() {
    // The mesh keeps each ring's points once (triangles, outlines and hit tests share them),
    // in the file's order, without the closing repeat.
    let layer = coarse();
    let source =
        sahel_atlas::io::parse_countries("embedded", sahel_atlas::io::embedded::COUNTRIES_110M)
            .unwrap();
    for (i, country) in source.countries.iter().enumerate() {
        let rings: Vec<&[[f32; 2]]> = layer.meshes[i].rings().collect();
        let file_rings: Vec<&geo::LineString<f64>> = country
            .shape_lon_lat
            .0
            .iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .collect();
        assert_eq!(rings.len(), file_rings.len(), "{}", country.key);
        for (ring, file_ring) in rings.iter().zip(file_rings) {
            assert_eq!(ring.len() + 1, file_ring.0.len(), "{}", country.key);
            for (p, c) in ring.iter().zip(&file_ring.0) {
                let [x, y] = world_from_lon_lat(c.x, c.y);
                assert!((f64::from(p[0]) - x).abs() < 1e-5 && (f64::from(p[1]) - y).abs() < 1e-5);
            }
        }
    }
}
