//! Bad input never hurts: no file, however malformed, hostile or huge, makes a loader or
//! `check` panic, hang or run out of memory, and every message says which file, where, and
//! what is wrong.
//!
//! One test per file in `tests/fixtures/bad/` (each named for what is wrong with it), files
//! too big to commit made at run time, property tests that feed arbitrary bytes and JSON-shaped
//! garbage to both loaders, and `sahel-atlas check` run as a process.

use std::path::PathBuf;

use proptest::prelude::*;
use sahel_atlas::cli::check_bytes;
use sahel_atlas::io::{
    CountryLayer, Diagnostic, LoadError, Where, parse_countries, parse_scenario, read_countries,
    read_scenario,
};
use sahel_atlas::map::MapLayer;
use sahel_atlas::model::{Scenario, Severity, Timeline};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Verbs

fn bad(kind: &str, file: &str) -> PathBuf {
    crate::common::fixture("bad").join(kind).join(file)
}

/// What a load said, to assert on.
#[derive(Debug)]
struct Said(Diagnostic);

impl Said {
    /// At this line and column.
    fn at(&self, line: usize, column: usize) -> &Self {
        assert_eq!(
            self.0.place,
            Where::LineColumn { line, column },
            "{}",
            self.0
        );
        self
    }

    /// At this line.
    fn at_line(&self, line: usize) -> &Self {
        assert!(
            matches!(self.0.place, Where::LineColumn { line: l, .. } if l == line),
            "expected line {line}: {}",
            self.0
        );
        self
    }

    /// At this feature, with this key (at a line and column in it, or not).
    fn at_feature(&self, index: usize, key: Option<&str>) -> &Self {
        let key = key.map(str::to_owned);
        assert!(
            match &self.0.place {
                Where::Feature { index: i, key: k }
                | Where::FeatureAt {
                    index: i, key: k, ..
                } => *i == index && *k == key,
                _ => false,
            },
            "expected feature {index} ({key:?}): {}",
            self.0
        );
        self
    }

    /// At this line and column of a feature.
    fn at_feature_place(&self, line: usize, column: usize) -> &Self {
        assert!(
            matches!(self.0.place, Where::FeatureAt { line: l, column: c, .. } if (l, c) == (line, column)),
            "expected {line}:{column}: {}",
            self.0
        );
        self
    }

    /// About the file as a whole.
    fn about_the_file(&self) -> &Self {
        assert_eq!(self.0.place, Where::File, "{}", self.0);
        self
    }

    /// With this phrase in its message.
    fn says(&self, phrase: &str) -> &Self {
        assert!(
            self.0.message.contains(phrase),
            "expected {phrase:?} in: {}",
            self.0
        );
        self
    }

    fn is_warning(&self) -> &Self {
        assert_eq!(self.0.severity, Severity::Warning, "{}", self.0);
        self
    }
}

/// Every diagnostic names the file and says something, and the first is an error.
fn first_error(file: &str, error: LoadError) -> Said {
    for d in &error.diagnostics {
        assert_eq!(d.file, file, "{d}");
        assert!(!d.message.trim().is_empty(), "{d}");
        assert!(d.to_string().starts_with(file), "{d}");
    }
    let first = error.diagnostics.into_iter().next().expect("a diagnostic");
    assert!(first.is_error(), "{first}");
    Said(first)
}

/// The country layer `file` fails to load: its first error.
fn countries_error(file: &str) -> Said {
    let path = bad("countries", file);
    let error = read_countries(&path).expect_err("the layer should not load");
    first_error(&path.display().to_string(), error)
}

/// The country layer `file` loads.
fn countries_load(file: &str) -> CountryLayer {
    read_countries(&bad("countries", file)).expect("the layer loads")
}

/// The scenario `file` fails to load: its first error.
fn scenario_error(file: &str) -> Said {
    let path = bad("scenario", file);
    let error = read_scenario(&path).expect_err("the scenario should not load");
    first_error(&path.display().to_string(), error)
}

/// The scenario `file` loads, with these warnings.
fn scenario_load(file: &str) -> (Scenario, Vec<Diagnostic>) {
    let path = bad("scenario", file);
    let (scenario, warnings) = read_scenario(&path).expect("the scenario loads");
    for w in &warnings {
        assert_eq!(w.file, path.display().to_string(), "{w}");
    }
    (scenario, warnings)
}

/// The only warning of a scenario that loads.
fn scenario_warning(file: &str) -> Said {
    let (_, warnings) = scenario_load(file);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    Said(warnings.into_iter().next().expect("one warning"))
}

/// Bytes made at run time fail to load as countries: the first error.
fn countries_error_in(name: &str, bytes: &[u8]) -> Said {
    first_error(
        name,
        parse_countries(name, bytes).expect_err("should not load"),
    )
}

/// Bytes made at run time fail to load as a scenario: the first error.
fn scenario_error_in(name: &str, bytes: &[u8]) -> Said {
    first_error(
        name,
        parse_scenario(name, bytes).expect_err("should not load"),
    )
}

// ---------------------------------------------------------------------------------------------
// Country layers: what the file is

#[test]
fn countries_empty() {
    countries_error("empty.geojson")
        .about_the_file()
        .says("the file is empty");
}

#[test]
fn countries_whitespace_only() {
    countries_error("whitespace_only.geojson")
        .about_the_file()
        .says("the file is empty (only blank space)");
}

#[test]
fn countries_truncated_mid_feature() {
    countries_error("truncated_mid_feature.geojson")
        .at_line(3)
        .says("the file ends too soon");
}

#[test]
fn countries_binary_garbage() {
    countries_error("binary_garbage.geojson")
        .at(1, 1)
        .says("not a text file: it holds binary data");
}

#[test]
fn countries_invalid_utf8_in_a_string() {
    countries_error("invalid_utf8_in_name.geojson")
        .at(3, 65)
        .says("not UTF-8; save the file as UTF-8");
}

#[test]
fn countries_utf8_bom_is_accepted() {
    let layer = countries_load("utf8_bom_loads.geojson");
    assert_eq!(layer.countries.len(), 2);
    assert!(layer.warnings.is_empty(), "{:?}", layer.warnings);
}

#[test]
fn countries_gzip_of_a_valid_file_loads() {
    let layer = countries_load("gzip_of_valid_loads.geojson.gz");
    assert_eq!(layer.countries.len(), 2);
    assert_eq!(layer.countries[0].key, "NER");
}

#[test]
fn countries_corrupt_gzip() {
    countries_error("corrupt_gzip.geojson.gz")
        .about_the_file()
        .says("is gzip-compressed but cannot be decompressed");
}

#[test]
fn countries_bare_array() {
    countries_error("bare_array.geojson")
        .at(1, 1)
        .says("expected a GeoJSON FeatureCollection of countries, but the file holds an array");
}

#[test]
fn countries_feature_instead_of_collection() {
    countries_error("feature_not_collection.geojson")
        .at(1, 10)
        .says("this is a single GeoJSON Feature; a country layer is a FeatureCollection");
}

#[test]
fn countries_geometry_at_top_level() {
    countries_error("geometry_at_top_level.geojson")
        .at(1, 10)
        .says("this is a bare GeoJSON Polygon geometry");
}

#[test]
fn countries_features_not_an_array() {
    countries_error("features_not_array.geojson")
        .at(2, 14)
        .says("\"features\" is an object; it must be an array of GeoJSON Features");
}

#[test]
fn countries_features_missing() {
    countries_error("features_missing.geojson")
        .at(1, 1)
        .says("has no \"features\" array");
}

#[test]
fn countries_no_features_at_all() {
    countries_error("no_features_at_all.geojson")
        .about_the_file()
        .says("the layer has no country features");
}

#[test]
fn countries_trailing_garbage() {
    countries_error("trailing_garbage.geojson")
        .at(5, 1)
        .says("more text after the end of the JSON document, from `}`");
}

// ---------------------------------------------------------------------------------------------
// Country layers: numbers

#[test]
fn countries_nan_literal() {
    countries_error("nan_literal.geojson")
        .at(3, 128)
        .says("NaN is not a number JSON allows");
}

#[test]
fn countries_number_1e999() {
    countries_error("number_1e999.geojson")
        .at(3, 120)
        .says("the number 1e999 is out of range");
}

#[test]
fn countries_latitude_95() {
    countries_error("latitude_95.geojson")
        .at_feature(1, Some("MLI"))
        .says("outer ring, position 2: latitude 95 is outside -90..90");
}

#[test]
fn countries_longitude_minus_200() {
    countries_error("longitude_minus_200.geojson")
        .at_feature(1, Some("MLI"))
        .says("outer ring, position 0: longitude -200 is outside -180..180");
}

// ---------------------------------------------------------------------------------------------
// Country layers: features

#[test]
fn countries_point_geometry() {
    countries_error("point_geometry.geojson")
        .at_feature(1, Some("MLI"))
        .says("geometry is a Point; a country must be a Polygon or MultiPolygon");
}

#[test]
fn countries_linestring_geometry() {
    countries_error("linestring_geometry.geojson")
        .at_feature(1, Some("MLI"))
        .says("geometry is a LineString; a country must be a Polygon or MultiPolygon");
}

#[test]
fn countries_unknown_geometry_type() {
    countries_error("unknown_geometry_type.geojson")
        .at_feature(1, Some("MLI"))
        .says("geometry type \"Circle\" is not a GeoJSON geometry");
}

#[test]
fn countries_ring_with_3_positions() {
    countries_error("ring_with_3_positions.geojson")
        .at_feature(1, Some("MLI"))
        .says("outer ring has 3 positions; a ring needs at least 4");
}

#[test]
fn countries_position_with_one_number() {
    countries_error("position_with_one_number.geojson")
        .at_feature(1, Some("MLI"))
        .says("outer ring, position 3 has 1 number; needs longitude and latitude");
}

#[test]
fn countries_coordinates_a_number() {
    countries_error("coordinates_a_number.geojson")
        .at_feature(1, Some("MLI"))
        .says("\"coordinates\" is the number 5; a Polygon's coordinates are an array of rings");
}

#[test]
fn countries_properties_not_an_object() {
    countries_error("properties_not_object.geojson")
        .at_feature(1, None)
        .says("\"properties\" is the string \"MLI\"; it must be an object");
}

/// The only warning of a country layer that loads.
fn countries_warning(file: &str) -> (CountryLayer, Said) {
    let layer = countries_load(file);
    assert_eq!(layer.warnings.len(), 1, "{:?}", layer.warnings);
    let said = Said(layer.warnings[0].clone());
    said.is_warning();
    (layer, said)
}

#[test]
fn countries_missing_key_is_a_warning() {
    // Drawn and clickable under a key no real one can be, but no scenario can refer to it.
    let (layer, said) = countries_warning("missing_key_warns.geojson");
    said.at_feature(1, Some("#1"))
        .at_feature_place(3, 1)
        .says("no key (ADM0_A3, ISO_A3, ISO_A3_EH or id, other than -99)")
        .says("no scenario can refer to it");
    assert_eq!(layer.countries.len(), 2);
    assert_eq!(layer.countries[1].key, "#1");
    assert_eq!(
        layer.countries[1].key_source,
        sahel_atlas::io::KeySource::Synthetic
    );
    assert_eq!(layer.keyed_by(), "ADM0_A3 (1), no key (1)");
}

#[test]
fn countries_minus_99_everywhere_and_no_id_is_a_warning() {
    let (layer, said) = countries_warning("minus_99_everywhere_no_id_warns.geojson");
    said.at_feature(1, Some("#1")).says("other than -99");
    assert_eq!(layer.countries[1].name, "Somaliland");
}

#[test]
fn countries_duplicate_adm0_a3_is_a_warning() {
    // The first keeps the key; the second is drawn under a key no scenario can name.
    let (layer, said) = countries_warning("duplicate_adm0_a3_warns.geojson");
    said.at_feature(1, Some("#1"))
        .at_feature_place(3, 47)
        .says("duplicate key NER (ADM0_A3): feature 0 has it too; this one is drawn and can be clicked, as #1");
    assert_eq!(layer.countries[0].key, "NER");
    assert_eq!(layer.countries[1].key, "#1");
}

#[test]
fn countries_very_long_key_is_shortened_in_messages() {
    let (_, said) = countries_warning("very_long_key_duplicated_warns.geojson");
    let short = format!("{}…", "X".repeat(40));
    said.at_feature(1, Some("#1"))
        .says(&format!("duplicate key {short}"));
    assert!(said.0.to_string().chars().count() < 400, "{}", said.0);
}

#[test]
fn countries_null_geometry_is_a_warning() {
    // A feature without a shape is skipped; the rest of the layer is still useful.
    let (layer, said) = countries_warning("null_geometry_warns.geojson");
    assert_eq!(layer.countries.len(), 1);
    said.at_feature(1, Some("MLI"))
        .at_feature_place(3, 67)
        .says("has no geometry (null); the feature is skipped");
}

#[test]
fn countries_empty_coordinates_is_the_same_warning_as_null() {
    let (layer, said) = countries_warning("empty_coordinates_warns.geojson");
    assert_eq!(layer.countries.len(), 1);
    said.at_feature(1, Some("MLI"))
        .says("has no geometry (empty \"coordinates\"")
        .says("the feature is skipped");
}

// ---------------------------------------------------------------------------------------------
// Scenarios

#[test]
fn scenario_empty() {
    scenario_error("empty.json")
        .about_the_file()
        .says("the file is empty");
}

#[test]
fn scenario_truncated() {
    scenario_error("truncated.json")
        .at_line(15)
        .says("the file ends too soon");
}

#[test]
fn scenario_utf8_bom_is_accepted() {
    let (scenario, warnings) = scenario_load("utf8_bom_loads.json");
    assert_eq!(scenario.events.len(), 2);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn scenario_not_an_object() {
    scenario_error("not_an_object.json")
        .at(1, 1)
        .says("expected a Sahel Atlas scenario")
        .says("but the file holds an array");
}

#[test]
fn scenario_trailing_garbage() {
    scenario_error("trailing_garbage.json")
        .at(19, 1)
        .says("more text after the end of the JSON document, from `{`");
}

#[test]
fn scenario_wrong_format() {
    scenario_error("wrong_format.json")
        .at(2, 13)
        .says("format is \"sahel-atlas/scenario@2\"; this app reads \"sahel-atlas/scenario@1\"");
}

#[test]
fn scenario_span_starts_after_it_ends() {
    scenario_error("span_start_after_end.json")
        .at(4, 21)
        .says("span starts (2022-01-01) after it ends (2021-12-31)");
}

#[test]
fn scenario_entity_place_off_the_earth() {
    scenario_error("entity_place_off_earth.json")
        .at(7, 77)
        .says("\"EU\": place (4.35, 150.85) is not a longitude/latitude");
}

#[test]
fn scenario_unknown_entity_in_parties() {
    scenario_error("unknown_entity_in_parties.json")
        .at(11, 31)
        .says("relationship \"mission\" names unknown entity \"MLI\"");
}

#[test]
fn scenario_group_unknown_member() {
    scenario_error("group_unknown_member.json")
        .at(6, 61)
        .says("group \"western\" lists unknown entity \"FRA\"");
}

#[test]
fn scenario_group_entity_in_two_groups() {
    scenario_error("group_entity_in_two_groups.json")
        .at(7, 85)
        .says("\"EU\" is in two groups, \"western\" and \"regional\"");
}

#[test]
fn scenario_group_colour_not_hex() {
    scenario_error("group_colour_not_hex.json")
        .at(6, 53)
        .says("colour \"blue\" is not of the form #rrggbb");
}

#[test]
fn scenario_relationship_with_one_party() {
    scenario_error("relationship_one_party.json")
        .at(10, 84)
        .says("relationship \"mission\" has 1 party; it needs at least two");
}

#[test]
fn scenario_duplicate_relationship_id() {
    // The second one is the duplicate, on line 11.
    scenario_error("duplicate_relationship_id.json")
        .at(11, 12)
        .says("duplicate relationship id \"mission\"");
}

#[test]
fn scenario_duplicate_event_id() {
    scenario_error("duplicate_event_id.json")
        .at(15, 12)
        .says("duplicate event id \"start\"");
}

#[test]
fn scenario_event_with_empty_sources() {
    scenario_error("event_sources_empty.json")
        .at(15, 66)
        .says("event \"end\" has no source");
}

#[test]
fn scenario_event_without_sources() {
    scenario_error("event_sources_missing.json")
        .at(15, 5)
        .says("events[1]: missing field `sources`");
}

#[test]
fn scenario_impossible_date() {
    scenario_error("impossible_date_2023_02_30.json")
        .at(15, 27)
        .says("events[1].date: '2023-02-30' is not a real calendar date");
}

#[test]
fn scenario_date_in_the_wrong_shape() {
    scenario_error("date_wrong_shape.json")
        .at(15, 27)
        .says("events[1].date: '01/03/2021' is not a date of the form YYYY-MM-DD");
}

#[test]
fn scenario_unknown_status() {
    scenario_error("status_paused.json")
        .at_line(16)
        .says("events[1].changes[0].status: unknown variant `paused`")
        .says("`winding-down`");
}

#[test]
fn scenario_change_with_both_relationship_and_state() {
    scenario_error("change_with_relationship_and_state.json")
        .at_line(16)
        .says("events[1].changes[0]: a change is either");
}

#[test]
fn scenario_unknown_relationship_in_a_change() {
    scenario_error("unknown_relationship_in_change.json")
        .at(16, 35)
        .says("event \"end\" changes unknown relationship \"misison\"");
}

#[test]
fn scenario_state_change_for_an_organisation() {
    scenario_error("state_change_for_organisation.json")
        .at(16, 28)
        .says("event \"coup\" gives a government to organisation \"EU\"");
}

#[test]
fn scenario_event_outside_the_span_is_a_warning() {
    scenario_warning("event_outside_span_warns.json")
        .is_warning()
        .at(15, 27)
        .says("event \"end\" on 2023-03-01 is outside the span 2020-01-01 – 2021-12-31");
}

#[test]
fn scenario_ended_then_winding_down_is_a_warning() {
    scenario_warning("ended_then_winding_down_warns.json")
        .is_warning()
        .at_line(18)
        .says("event \"wind\" sets \"mission\" to winding-down: it had already ended");
}

#[test]
fn scenario_sources_that_are_not_http_or_https_are_errors() {
    // A scenario is someone else's file: a source is opened by a click, so only web pages.
    for (file, phrase) in [
        (
            "source_file_scheme.json",
            "source \"file:///etc/passwd\": is a file: address",
        ),
        ("source_javascript_scheme.json", "is a javascript: address"),
        ("source_smb_scheme.json", "is a smb: address"),
        ("source_without_scheme.json", "has no scheme"),
    ] {
        scenario_error(file)
            .at(15, 92)
            .says(phrase)
            .says("event \"end\"");
    }
}

#[test]
fn every_fixture_has_a_test() {
    let source = include_str!("bad_input.rs");
    for kind in ["countries", "scenario"] {
        let dir = bad(kind, "");
        let mut count = 0;
        for entry in std::fs::read_dir(&dir).expect("fixture folder") {
            let name = entry.expect("entry").file_name();
            let name = name.to_string_lossy();
            assert!(
                source.contains(&format!("\"{name}\"")),
                "{kind}/{name} has no test"
            );
            count += 1;
        }
        assert!(count >= 14, "{kind}: only {count} fixtures");
    }
}

// ---------------------------------------------------------------------------------------------
// Huge and deep: made at run time

#[test]
fn two_hundred_thousand_nested_brackets_do_not_blow_the_stack() {
    let open = "[".repeat(200_000);
    let closed = format!("{open}{}", "]".repeat(200_000));
    for text in [&open, &closed] {
        countries_error_in("deep.geojson", text.as_bytes())
            .at_line(1)
            .says("nested more than 128 deep");
        scenario_error_in("deep.json", text.as_bytes())
            .at_line(1)
            .says("nested more than 128 deep");
    }
    // Nested inside an object, where the loaders parse straight away.
    let in_object = format!("{{\"type\": \"FeatureCollection\", \"features\": {open}");
    countries_error_in("deep.geojson", in_object.as_bytes()).says("nested more than 128 deep");
    // Even in a field the scenario loader would skip.
    let in_object = format!("{{\"format\": \"sahel-atlas/scenario@1\", \"extra\": {open}");
    scenario_error_in("deep.json", in_object.as_bytes())
        .at(1, 174)
        .says("nested more than 128 deep");
}

#[test]
fn fifty_megabytes_of_brackets_fail_fast() {
    let started = std::time::Instant::now();
    let mut text = b"{\"features\": ".to_vec();
    text.resize(50 << 20, b'[');
    countries_error_in("big.geojson", &text)
        .at_line(1)
        .says("nested more than 128 deep");
    scenario_error_in("big.json", &text).says("nested more than 128 deep");
    let report = check_bytes("big.json", &text);
    assert!(report.failed());
    let bare = vec![b'['; 50 << 20];
    countries_error_in("bare.geojson", &bare).says("nested more than 128 deep");
    // No timing threshold here (the README: benchmarks measure time, tests do not); the
    // depth limit is what keeps this fast, and the messages above prove it was hit.
    eprintln!("50 MB of brackets refused in {:?}", started.elapsed());
}

#[test]
fn a_hundred_thousand_bad_features_give_a_hundred_messages_and_a_count() {
    let feature = r#"{"type": "Feature", "properties": {}, "geometry": null}"#;
    let text = format!(
        r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
        vec![feature; 100_000].join(",")
    );
    let error = parse_countries("many.geojson", text.as_bytes()).expect_err("no shapes");
    assert_eq!(error.diagnostics.len(), 101);
    Said(error.diagnostics[0].clone())
        .about_the_file()
        .says("the layer has no country features");
    Said(error.diagnostics[1].clone())
        .at_feature(0, None)
        .says("the feature is skipped");
    Said(error.diagnostics[100].clone())
        .about_the_file()
        .says("and 99901 more problems (0 errors, 99901 warnings) not shown");
}

#[test]
fn twenty_thousand_bad_events_give_a_hundred_messages_and_a_count() {
    let event = r#"{"id": "same", "date": "2020-01-01", "title": "t", "sources": []}"#;
    let text = format!(
        r#"{{"format": "sahel-atlas/scenario@1", "title": "t",
             "span": {{"start": "2020-01-01", "end": "2020-12-31"}},
             "entities": [], "relationships": [],
             "events": [
{}
]}}"#,
        vec![event; 20_000].join(",\n")
    );
    let error = parse_scenario("many.json", text.as_bytes()).expect_err("no sources");
    assert_eq!(error.diagnostics.len(), 101);
    // Errors in file order: the second event is the first duplicate.
    Said(error.diagnostics[1].clone())
        .at(6, 8)
        .says("duplicate event id \"same\"");
    Said(error.diagnostics[100].clone())
        .about_the_file()
        .says("and 39899 more problems (39899 errors, 0 warnings) not shown");
}

// ---------------------------------------------------------------------------------------------
// The real binary

fn sahel_atlas_check(files: &[PathBuf]) -> (Option<i32>, String) {
    let args = std::iter::once("check".as_ref()).chain(files.iter().map(|f| f.as_os_str()));
    let ran = crate::common::sahel_atlas(args);
    (ran.code, ran.stdout)
}

#[test]
fn check_prints_file_line_column_for_bad_files_and_exits_1() {
    let files = [
        bad("countries", "nan_literal.geojson"),
        bad("scenario", "duplicate_event_id.json"),
        bad("scenario", "status_paused.json"),
    ];
    let (code, out) = sahel_atlas_check(&files);
    assert_eq!(code, Some(1), "{out}");
    for (file, line_column) in files.iter().zip(["3:128", "15:12", "16:"]) {
        let prefix = format!("{}:{line_column}", file.display());
        assert!(
            out.lines()
                .any(|l| l.starts_with(&prefix) && l.contains(": error: ")),
            "no line starting {prefix}:\n{out}"
        );
    }
}

#[test]
fn check_passes_a_good_file_and_exits_0() {
    let good = crate::common::fixture("scenario/tiny.json");
    let (code, out) =
        sahel_atlas_check(&[good, bad("countries", "gzip_of_valid_loads.geojson.gz")]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("ok: ") && out.contains("countries: 2 features"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties: arbitrary bytes and JSON-shaped garbage

/// Loads bytes both ways and through `check`, as the app and the CLI do, and checks every
/// message names the file, says something, and has a real place.
fn load_everything(bytes: &[u8]) {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let well_placed = |d: &Diagnostic, name: &str| {
        assert_eq!(d.file, name, "{d}");
        assert!(!d.message.trim().is_empty(), "{d}");
        if let Where::LineColumn { line, column } | Where::FeatureAt { line, column, .. } = d.place
        {
            assert!(line >= 1 && line <= lines && column >= 1, "{d}");
        }
    };
    match parse_countries("fuzz.geojson", bytes) {
        Ok(layer) => {
            layer
                .warnings
                .iter()
                .for_each(|d| well_placed(d, "fuzz.geojson"));
            let _ = MapLayer::new(layer);
        }
        Err(e) => e
            .diagnostics
            .iter()
            .for_each(|d| well_placed(d, "fuzz.geojson")),
    }
    match parse_scenario("fuzz.json", bytes) {
        Ok((scenario, warnings)) => {
            warnings.iter().for_each(|d| well_placed(d, "fuzz.json"));
            let span = scenario.span;
            let timeline = Timeline::new(scenario);
            let _ = timeline.state_at_date(span.start);
            let _ = timeline.state_at_date(span.end);
        }
        Err(e) => e
            .diagnostics
            .iter()
            .for_each(|d| well_placed(d, "fuzz.json")),
    }
    let report = check_bytes("fuzz", bytes);
    report
        .diagnostics
        .iter()
        .for_each(|d| well_placed(d, "fuzz"));
}

/// Words the loaders look for, so that garbage often gets past the first check.
const WORDS: &[&str] = &[
    "type",
    "FeatureCollection",
    "Feature",
    "features",
    "geometry",
    "Polygon",
    "MultiPolygon",
    "Point",
    "coordinates",
    "properties",
    "ADM0_A3",
    "ISO_A3",
    "-99",
    "id",
    "NER",
    "MLI",
    "format",
    "sahel-atlas/scenario@1",
    "title",
    "span",
    "start",
    "end",
    "entities",
    "relationships",
    "events",
    "kind",
    "state",
    "organisation",
    "name",
    "place",
    "lon",
    "lat",
    "parties",
    "date",
    "sources",
    "changes",
    "relationship",
    "status",
    "active",
    "ended",
    "winding-down",
    "paused",
    "government",
    "military",
    "2020-01-01",
    "2023-02-30",
    "precision",
    "month",
    "in_force_at_start",
    "https://example.org",
    "",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        (-200.0..200.0_f64).prop_map(Value::from),
        prop::sample::select(vec![
            0.0,
            1e308,
            -1e308,
            5e-324,
            90.0,
            95.0,
            180.0,
            -180.000001
        ])
        .prop_map(Value::from),
    ]
}

/// Any JSON value, leaning on the loaders' own words.
fn garbage() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        word().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(word(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Mostly right, sometimes garbage: enough right that some files load.
fn or_garbage(good: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![12 => good, 1 => garbage()].boxed()
}

fn position() -> BoxedStrategy<Value> {
    prop_oneof![
        40 => (-180.0..=180.0_f64, -90.0..=90.0_f64).prop_map(|(lon, lat)| json!([lon, lat])),
        1 => prop::collection::vec(number(), 0..4).prop_map(Value::from),
        1 => garbage(),
    ]
    .boxed()
}

fn ring() -> BoxedStrategy<Value> {
    prop_oneof![
        20 => prop::collection::vec(position(), 4..7).prop_map(Value::from),
        1 => prop::collection::vec(position(), 0..4).prop_map(Value::from),
        1 => garbage(),
    ]
    .boxed()
}

fn polygon() -> BoxedStrategy<Value> {
    or_garbage(prop_oneof![
        8 => prop::collection::vec(ring(), 1..3).prop_map(Value::from),
        1 => Just(json!([])),
    ])
}

fn geometry() -> impl Strategy<Value = Value> {
    prop_oneof![
        5 => polygon().prop_map(|c| json!({"type": "Polygon", "coordinates": c})),
        3 => prop::collection::vec(polygon(), 1..3)
            .prop_map(|c| json!({"type": "MultiPolygon", "coordinates": c})),
        1 => (
            prop::sample::select(vec!["Point", "Circle", "Polygon", "MultiPolygon"]),
            garbage()
        )
            .prop_map(|(kind, c)| json!({"type": kind, "coordinates": c})),
        1 => garbage(),
    ]
}

fn feature() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        20 => prop::sample::select(vec!["NER", "MLI", "BFA", "TCD", "MRT", "SEN", "NGA"])
            .prop_map(str::to_owned),
        1 => Just("-99".to_owned()),
        1 => word(),
    ];
    (
        or_garbage(Just(json!("Feature"))),
        or_garbage(key.prop_map(|key| json!({"ADM0_A3": key, "NAME": "x"}))),
        geometry(),
    )
        .prop_map(|(kind, properties, geometry)| {
            json!({"type": kind, "properties": properties, "geometry": geometry})
        })
}

fn feature_collection() -> impl Strategy<Value = Value> {
    (
        or_garbage(Just(json!("FeatureCollection"))),
        or_garbage(prop::collection::vec(feature(), 1..4).prop_map(Value::from)),
    )
        .prop_map(|(kind, features)| json!({"type": kind, "features": features}))
}

fn date() -> BoxedStrategy<Value> {
    let text = |(y, m, d): (i32, u8, u8)| Value::from(format!("{y:04}-{m:02}-{d:02}"));
    or_garbage(prop_oneof![
        8 => (2000..2030_i32, 1..13_u8, 1..29_u8).prop_map(text),
        1 => (0..10_000_i32, 0..14_u8, 0..33_u8).prop_map(text),
    ])
}

fn id() -> impl Strategy<Value = Value> {
    prop::sample::select(vec!["NER", "MLI", "EU", "m1", "m2", "e1"]).prop_map(Value::from)
}

fn scenario_skeleton() -> impl Strategy<Value = Value> {
    let place = (-180.0..=180.0_f64, -90.0..=90.0_f64)
        .prop_map(|(lon, lat)| json!({"lon": lon, "lat": lat}));
    let entity = (
        id(),
        or_garbage(prop::sample::select(vec!["state", "organisation"]).prop_map(Value::from)),
        or_garbage(prop_oneof![
            6 => place,
            1 => (number(), number()).prop_map(|(lon, lat)| json!({"lon": lon, "lat": lat})),
        ]),
    )
        .prop_map(|(id, kind, place)| json!({"id": id, "kind": kind, "name": "n", "place": place}));
    let relationship = (id(), or_garbage(prop::collection::vec(id(), 0..4).prop_map(Value::from)))
        .prop_map(|(id, parties)| {
            json!({"id": id, "label": "l", "kind": "membership", "parties": parties})
        });
    let status = prop_oneof![
        8 => prop::sample::select(vec!["planned", "active", "suspended", "winding-down", "ended"]),
        1 => Just("paused"),
    ];
    let change = or_garbage(prop_oneof![
        6 => (id(), status).prop_map(|(rel, status)| json!({"relationship": rel, "status": status})),
        1 => (id(), prop::sample::select(vec!["civilian", "military"]))
            .prop_map(|(state, form)| json!({"state": state, "government": form})),
    ]);
    let event = (
        id(),
        date(),
        or_garbage(Just(json!(["https://example.org"]))),
        prop::collection::vec(change, 0..3),
    )
        .prop_map(|(id, date, sources, changes)| {
            json!({"id": id, "date": date, "title": "t", "sources": sources, "changes": changes})
        });
    (
        or_garbage(Just(json!("sahel-atlas/scenario@1"))),
        (date(), date()),
        prop::collection::vec(or_garbage(entity), 0..4),
        prop::collection::vec(or_garbage(relationship), 0..3),
        prop::collection::vec(or_garbage(event), 0..4),
    )
        .prop_map(|(format, (start, end), entities, relationships, events)| {
            json!({"format": format, "title": "t", "span": {"start": start, "end": end},
                   "entities": entities, "relationships": relationships, "events": events})
        })
}

/// A JSON text, pretty or not, sometimes cut short or with one byte changed.
fn serialised(value: impl Strategy<Value = Value>) -> impl Strategy<Value = Vec<u8>> {
    (
        value,
        any::<bool>(),
        0..6_u8,
        any::<prop::sample::Index>(),
        any::<u8>(),
    )
        .prop_map(|(value, pretty, damage, at, byte)| {
            let mut text = if pretty {
                serde_json::to_vec_pretty(&value)
            } else {
                serde_json::to_vec(&value)
            }
            .unwrap_or_default();
            if !text.is_empty() {
                let i = at.index(text.len());
                match damage {
                    0 => text.truncate(i),
                    1 => text[i] = byte,
                    _ => {}
                }
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_hurt(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        load_everything(&bytes);
    }

    #[test]
    fn arbitrary_json_never_hurts(bytes in serialised(garbage())) {
        load_everything(&bytes);
    }

    #[test]
    fn feature_collection_shaped_garbage_never_hurts(bytes in serialised(feature_collection())) {
        load_everything(&bytes);
    }

    #[test]
    fn scenario_shaped_garbage_never_hurts(bytes in serialised(scenario_skeleton())) {
        load_everything(&bytes);
    }
}
