//! The atlas in French and English (issue #23): the command line's `--lang`, the pictures'
//! words and dates, the scenario's translations.

use crate::common::{fixture, sahel_atlas};

#[test]
fn render_in_french_writes_the_date_and_country_names_in_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.svg");
    let ran = sahel_atlas([
        "render",
        "--lang",
        "fr",
        "--at",
        "2023-12-04",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(ran.ok, "{ran:?}");
    let svg = std::fs::read_to_string(&out).expect("svg written");
    assert!(svg.contains("4 décembre 2023"), "no French date in the SVG");
    assert!(svg.contains(">Tchad<"), "Chad is not labelled Tchad");
    assert!(!svg.contains(">Chad<"), "Chad is still labelled in English");
    assert!(
        svg.contains("Dernier événement"),
        "the title panel is in English"
    );

    // The same picture in English, for contrast.
    let ran = sahel_atlas([
        "render",
        "--lang",
        "en",
        "--at",
        "2023-12-04",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(ran.ok, "{ran:?}");
    let svg = std::fs::read_to_string(&out).expect("svg written");
    assert!(svg.contains("4 December 2023"));
    assert!(svg.contains(">Chad<"));
}

#[test]
fn state_json_carries_the_scenario_s_french_labels() {
    let scenario = fixture("scenario/tiny_fr.json");
    let scenario = scenario.to_str().expect("utf-8 path");
    let run = |lang: &str| {
        let ran = sahel_atlas([
            "state",
            "--json",
            "--at",
            "2020-06-01",
            "--lang",
            lang,
            "--scenario",
            scenario,
        ]);
        assert!(ran.ok, "{ran:?}");
        serde_json::from_str::<serde_json::Value>(&ran.stdout).expect("state --json is JSON")
    };
    let fr = run("fr");
    assert_eq!(fr["lang"], "fr");
    assert_eq!(fr["links"][0]["label"], "Une mission");
    let en = run("en");
    assert_eq!(en["lang"], "en");
    assert_eq!(en["links"][0]["label"], "A mission");
}

#[test]
fn export_writes_labels_and_names_in_the_language_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let scenario = fixture("scenario/tiny_fr.json");
    let scenario = scenario.to_str().expect("utf-8 path");
    for (lang, label, name) in [
        ("fr", "Une mission", "Union européenne"),
        ("en", "A mission", "European Union"),
    ] {
        let csv = dir.path().join(format!("state-{lang}.csv"));
        let geojson = dir.path().join(format!("state-{lang}.geojson"));
        for out in [&csv, &geojson] {
            let out = out.to_str().expect("utf-8 path");
            let args = ["export", "--at", "2020-06-01", "--lang", lang];
            let ran = sahel_atlas(
                args.into_iter()
                    .chain(["--scenario", scenario, "--out", out]),
            );
            assert!(ran.ok, "{ran:?}");
        }
        let csv = std::fs::read_to_string(&csv).expect("csv written");
        assert!(csv.contains(&format!("mission,{label},")), "{lang}: {csv}");
        let geojson = std::fs::read_to_string(&geojson).expect("geojson written");
        let geojson: serde_json::Value = serde_json::from_str(&geojson).expect("GeoJSON");
        let features = geojson["features"].as_array().expect("features");
        let of = |kind: &str| {
            features
                .iter()
                .find(|f| f["properties"]["feature"] == kind)
                .map(|f| f["properties"].clone())
                .unwrap_or_default()
        };
        assert_eq!(of("link")["label"], label, "{lang}");
        assert_eq!(of("organisation")["name"], name, "{lang}");
        // Codes and statuses stay machine values in every language.
        assert_eq!(of("link")["status"], "active", "{lang}");
    }
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let ran = sahel_atlas(["state", "--at", "2020-06-01", "--lang", "de"]);
    assert!(!ran.ok);
    assert!(ran.stderr.contains("de"), "{}", ran.stderr);
}

#[test]
fn check_warns_on_a_translation_of_a_field_the_item_does_not_have() {
    let text = std::fs::read_to_string(fixture("scenario/tiny_fr.json")).expect("fixture");
    let text = text
        .replace(
            r#"{"fr": {"title": "Début"}}"#,
            r#"{"fr": {"titel": "Début"}}"#,
        )
        .replace(r#""short": "Mission"}"#, r#""summary": "Mission"}"#);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tiny_fr.json");
    std::fs::write(&path, text).expect("write");
    let ran = sahel_atlas(["check", path.to_str().expect("utf-8 path")]);
    // Warnings only: the scenario loads.
    assert!(ran.ok, "{ran:?}");
    let report = format!("{}{}", ran.stdout, ran.stderr);
    let titel = report
        .lines()
        .find(|l| l.contains("\"titel\""))
        .unwrap_or_else(|| panic!("no warning on titel: {report}"));
    assert!(titel.contains("warning"), "{titel}");
    assert!(titel.contains("did you mean \"title\""), "{titel}");
    assert!(
        titel.contains("tiny_fr.json:19:"),
        "not located at its line: {titel}"
    );
    let summary = report
        .lines()
        .find(|l| l.contains("\"summary\""))
        .unwrap_or_else(|| panic!("no warning on summary: {report}"));
    assert!(summary.contains("relationships do not have"), "{summary}");
    // The clean fixture has no such warning.
    let ran = sahel_atlas([
        "check",
        fixture("scenario/tiny_fr.json").to_str().expect("path"),
    ]);
    assert!(ran.ok && !ran.stdout.contains("warning"), "{ran:?}");
}
