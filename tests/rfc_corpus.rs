//! The RFC corpus: one country layer per MUST or SHOULD of RFC 7946 (GeoJSON) and RFC 8259
//! (JSON) that a country layer can break, each named after its section
//! (`rfc7946-3.1.6-unclosed-ring.geojson`), and `EXPECTED.tsv` beside them saying what
//! `check` makes of it: error, warning or ok, the LINE:COL of the first message, and a phrase
//! of it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use sahel_atlas::cli::check_bytes;
use sahel_atlas::io::Where;
use sahel_atlas::model::Severity;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rfc")
}

/// `EXPECTED.tsv`: file → (outcome, place, phrase).
fn expectations() -> BTreeMap<String, (String, String, String)> {
    let text = std::fs::read_to_string(corpus().join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "EXPECTED.tsv: {l}");
            (
                cols[0].to_owned(),
                (cols[1].to_owned(), cols[2].to_owned(), cols[3].to_owned()),
            )
        })
        .collect()
}

fn is_section_name(file: &str) -> bool {
    let Some(rest) = file
        .strip_prefix("rfc7946-")
        .or_else(|| file.strip_prefix("rfc8259-"))
    else {
        return false;
    };
    let Some((section, what)) = rest.split_once('-') else {
        return false;
    };
    !section.is_empty()
        && section.chars().all(|c| c.is_ascii_digit() || c == '.')
        && what.ends_with(".geojson")
        && what
            .trim_end_matches(".geojson")
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_rfc_fixture_has_its_outcome_place_and_phrase() {
    let mut expected = expectations();
    let mut files: Vec<String> = std::fs::read_dir(corpus())
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".geojson"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "only {} fixtures", files.len());
    let mut outcomes = BTreeMap::<String, usize>::new();
    for file in &files {
        assert!(
            is_section_name(file),
            "{file} is not named rfcNNNN-SECTION-what"
        );
        let (outcome, place, phrase) = expected
            .remove(file)
            .unwrap_or_else(|| panic!("{file} has no line in EXPECTED.tsv"));
        *outcomes.entry(outcome.clone()).or_default() += 1;
        assert_eq!(
            file.ends_with("-ok.geojson"),
            outcome == "ok",
            "{file}: files that load without a word end in -ok"
        );
        let bytes = std::fs::read(corpus().join(file)).expect("fixture");
        let report = check_bytes(file, &bytes);
        let all: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        // Every message is at a line and column, or about the file as a whole.
        for d in &report.diagnostics {
            assert!(
                matches!(
                    d.place,
                    Where::LineColumn { .. } | Where::FeatureAt { .. } | Where::File
                ),
                "{file}: no LINE:COL: {d}"
            );
            assert!(d.to_string().starts_with(file), "{d}");
        }
        match outcome.as_str() {
            "ok" => {
                assert!(report.diagnostics.is_empty(), "{file}: {all:#?}");
                assert!(report.summary.is_some(), "{file}");
                continue;
            }
            "error" => assert!(report.failed(), "{file}: should fail: {all:#?}"),
            "warning" => {
                assert!(!report.failed(), "{file}: should load: {all:#?}");
                assert!(report.summary.is_some(), "{file}");
            }
            other => panic!("{file}: outcome {other}"),
        }
        let first = &report.diagnostics[0];
        let severity = if outcome == "error" {
            Severity::Error
        } else {
            Severity::Warning
        };
        assert_eq!(first.severity, severity, "{file}: {first}");
        let at = match first.place {
            Where::LineColumn { line, column } | Where::FeatureAt { line, column, .. } => {
                format!("{line}:{column}")
            }
            _ => "file".to_owned(),
        };
        assert_eq!(at, place, "{file}: {first}");
        assert!(
            first.message.contains(&phrase),
            "{file}: expected {phrase:?} in {first}"
        );
    }
    assert!(
        expected.is_empty(),
        "EXPECTED.tsv names files that are not there: {:?}",
        expected.keys()
    );
    // Each kind of outcome is there.
    for kind in ["ok", "error", "warning"] {
        assert!(outcomes.get(kind).is_some_and(|&n| n >= 5), "{outcomes:?}");
    }
}

#[test]
fn a_points_file_with_a_real_defect_names_it_before_saying_points_are_not_countries() {
    for (file, defect) in [
        (
            "rfc7946-3.1.1-points-with-a-string-coordinate.geojson",
            "is not a number",
        ),
        ("rfc7946-5-points-with-malformed-bbox.geojson", "\"bbox\""),
    ] {
        let bytes = std::fs::read(corpus().join(file)).expect("fixture");
        let report = check_bytes(file, &bytes);
        assert!(report.diagnostics[0].message.contains(defect), "{file}");
        assert!(
            report.diagnostics[1..]
                .iter()
                .all(|d| d.message.contains("a country must be a Polygon")),
            "{file}: {:?}",
            report.diagnostics
        );
    }
}
