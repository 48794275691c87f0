//! The loaders on good and bad input (the bad-input corpus lives in tests/fixtures).

use sahel_atlas::io::{Where, parse_countries, parse_scenario};

#[test]
fn the_embedded_files_load() {
    let coarse = parse_countries("110m", sahel_atlas::io::embedded::COUNTRIES_110M).expect("110m");
    assert_eq!(coarse.countries.len(), 177);
    let fine = parse_countries("50m", sahel_atlas::io::embedded::COUNTRIES_50M).expect("50m");
    assert_eq!(fine.countries.len(), 242);
    let (scenario, warnings) =
        parse_scenario("scenario", sahel_atlas::io::embedded::DEFAULT_SCENARIO).expect("scenario");
    assert!(scenario.events.len() >= 134);
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.is_empty(),
        "the shipped scenario warns: {warnings:#?}"
    );
    // The app reads it without those checks: the same scenario.
    let timeline = sahel_atlas::io::embedded::default_timeline().expect("embedded");
    assert!(*timeline.scenario() == scenario);
}

#[test]
fn truncated_geojson_says_where_it_ends() {
    let bytes =
        std::fs::read(crate::common::fixture("countries/truncated.geojson")).expect("fixture");
    let err = parse_countries("truncated.geojson", &bytes).expect_err("truncated");
    let d = &err.diagnostics[0];
    assert!(matches!(d.place, Where::LineColumn { line: 2, .. }), "{d}");
    assert!(d.to_string().starts_with("truncated.geojson:2:"), "{d}");
}
