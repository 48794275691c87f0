//! Country layers of other origins than Natural Earth, as people have them: small extracts in
//! tests/fixtures/world (see its README for where each comes from and its licence), loaded
//! through the app's loader, hit-tested, and one opened in the app and clicked.

use std::path::PathBuf;

use sahel_atlas::io::{CountryLayer, KeySource, read_countries};
use sahel_atlas::map::MapLayer;

fn world(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/world")
        .join(file)
}

fn load(path: &std::path::Path) -> CountryLayer {
    read_countries(path).unwrap_or_else(|e| panic!("{} should load: {e}", path.display()))
}

fn name_at(layer: &MapLayer, lon: f64, lat: f64) -> Option<String> {
    layer
        .country_at_lon_lat(lon, lat)
        .map(|i| layer.countries()[i].name.clone())
}

const NIAMEY: (f64, f64) = (2.11, 13.51);
const BAMAKO: (f64, f64) = (-8.0, 12.64);

#[test]
fn world_atlas_converted_from_topojson_is_keyed_by_its_numeric_ids() {
    let layer = load(&world("world-atlas-countries-110m-extract.geojson"));
    let keys: Vec<&str> = layer.countries.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["242", "466", "562", "#3"]);
    assert_eq!(layer.keyed_by(), "id (3), no key (1)");
    assert!(
        layer
            .warnings
            .iter()
            .any(|w| w.message.contains("\"Somaliland\" is drawn")),
        "{:?}",
        layer.warnings
    );
    // Fiji's ring runs across the antimeridian: cut in two there, with a warning.
    assert!(layer.warnings.iter().any(|w| {
        w.message
            .contains("SHOULD be cut in two at ±180°; cut it there")
    }));
    let map = MapLayer::new(layer);
    assert_eq!(name_at(&map, NIAMEY.0, NIAMEY.1).as_deref(), Some("Niger"));
    assert_eq!(name_at(&map, BAMAKO.0, BAMAKO.1).as_deref(), Some("Mali"));
    assert_eq!(name_at(&map, 178.0, -17.8).as_deref(), Some("Fiji"));
    // Uncut, Fiji's fill would be a band round the world at 16°S.
    for lon in [-150.0, -100.0, 0.0, 100.0] {
        assert_eq!(name_at(&map, lon, -16.3), None, "{lon}");
    }
    let somaliland = map
        .country_at_lon_lat(46.0, 9.8)
        .expect("Somaliland is drawn");
    assert_eq!(map.countries()[somaliland].key, "#3");
    assert_eq!(map.country_index("#3"), Some(somaliland));
}

#[test]
fn geo_maps_countries_land_has_no_key_the_chain_reads_but_draws() {
    // Its code is in an "A3" property, outside the key chain.
    let layer = load(&world("geo-maps-countries-land-10km-extract.geojson"));
    assert_eq!(layer.countries.len(), 3);
    assert!(
        layer
            .countries
            .iter()
            .all(|c| c.key_source == KeySource::Synthetic)
    );
    assert_eq!(layer.keyed_by(), "no key");
    assert_eq!(layer.warnings.len(), 3, "{:?}", layer.warnings);
    let map = MapLayer::new(layer);
    let niger = map
        .country_at_lon_lat(NIAMEY.0, NIAMEY.1)
        .expect("Niger drawn");
    assert_eq!(map.countries()[niger].key, "#0");
    assert_eq!(map.countries()[niger].name, "feature 0");
}

#[test]
fn geojson_world_map_is_keyed_by_nothing_but_named() {
    let layer = load(&world("geojson-world-map-extract.geojson"));
    assert_eq!(layer.countries.len(), 3);
    assert_eq!(layer.keyed_by(), "no key");
    let map = MapLayer::new(layer);
    assert_eq!(name_at(&map, NIAMEY.0, NIAMEY.1).as_deref(), Some("Niger"));
    assert_eq!(name_at(&map, 15.06, 12.5).as_deref(), Some("Chad"));
}

#[test]
fn a_world_layer_keyed_by_id_minus_99_opens_and_its_unkeyed_countries_can_be_clicked() {
    use crate::app_ui::{click_at, harness, screen_of};
    use egui_kittest::kittest::Queryable as _;
    use sahel_atlas::app::command::Command;
    use sahel_atlas::io::FileKind;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rfc/rfc7946-3.2-id-minus-99-world-layer.geojson");
    let layer = load(&path);
    let keys: Vec<&str> = layer.countries.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["NER", "#1", "#2"]);
    assert_eq!(layer.warnings.len(), 2);
    let mut h = harness();
    h.state_mut()
        .push(Command::Load(path.clone(), Some(FileKind::Countries)));
    for _ in 0..3000 {
        h.step();
        if h.state().is_idle() && h.state().layer().countries().len() == 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(3);
    assert_eq!(h.state().layer().countries().len(), 3, "the layer opened");
    let niamey = screen_of(&h, NIAMEY.0, NIAMEY.1);
    click_at(&mut h, niamey);
    assert_eq!(h.state().view.selected.as_deref(), Some("NER"));
    // Northern Cyprus has no key: drawn, clickable, and the app copes.
    let cyprus = screen_of(&h, 33.6, 35.4);
    click_at(&mut h, cyprus);
    assert_eq!(h.state().view.selected.as_deref(), Some("#1"));
    h.run_steps(3);
    assert!(h.get_all_by_label_contains("Northern Cyprus").count() > 0);
}
