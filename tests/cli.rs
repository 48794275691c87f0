//! The headless subcommands, run as the real binary.

use crate::common::{fixture, project_file};

/// Runs the binary; returns whether it succeeded, its stdout and its stderr.
fn sahel_atlas(args: &[&str]) -> (bool, String, String) {
    let ran = crate::common::sahel_atlas(args);
    (ran.ok, ran.stdout, ran.stderr)
}

#[test]
fn state_json_on_5_december_2023_tells_the_seed_story() {
    let (ok, out, err) = sahel_atlas(&["state", "--at", "2023-12-05", "--json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["date"], "2023-12-05");
    let links = v["links"].as_array().expect("links");
    let eumpm = links
        .iter()
        .find(|l| l["id"] == "eumpm-niger")
        .expect("eumpm-niger");
    assert_eq!(eumpm["status"], "winding-down");
    assert_eq!(eumpm["since"], "2023-12-04");
    assert_eq!(eumpm["parties"], serde_json::json!(["EU", "NER"]));
    assert!(eumpm["sources"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(eumpm["label"].as_str().is_some_and(|l| l.contains("EU")));
    let rus = links
        .iter()
        .find(|l| l["id"] == "rus-ner-defence-cooperation")
        .expect("Russia–Niger");
    assert_eq!(rus["status"], "active");
    let ner = v["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .find(|c| c["id"] == "NER")
        .expect("NER");
    assert_eq!(ner["government"], "military");
    assert_eq!(ner["name"], "Niger");
}

#[test]
fn state_json_keeps_ended_links_with_their_status() {
    let (ok, out, _) = sahel_atlas(&["state", "--at", "2024-01-01", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let fra = v["links"]
        .as_array()
        .expect("links")
        .iter()
        .find(|l| l["id"] == "fra-forces-ner")
        .expect("fra-forces-ner");
    assert_eq!(fra["status"], "ended");
}

#[test]
fn state_table_is_readable() {
    let (ok, out, _) = sahel_atlas(&["state", "--at", "2023-12-05"]);
    assert!(ok);
    assert!(out.contains("State on 2023-12-05"));
    assert!(out.contains("winding-down"));
    assert!(out.contains("NER"));
}

#[test]
fn state_rejects_impossible_dates() {
    for args in [
        &["state", "--at", "2023-02-30"][..],
        &["export", "--at", "2023-02-30", "--out", "x.csv"],
        &[
            "render",
            "--from",
            "2023-01-01",
            "--to",
            "2023-02-30",
            "--step",
            "1m",
            "--out",
            "f/",
        ],
    ] {
        let ran = crate::common::sahel_atlas(args);
        assert_eq!(ran.code, Some(1), "{args:?}");
        let err = ran.stderr;
        assert!(
            err.contains("2023-02-30 is not a real calendar date")
                || err.contains("'2023-02-30' is not a real calendar date"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.starts_with("sahel-atlas: "), "{err}");
    }
}

#[test]
fn state_reads_another_scenario() {
    let path = fixture("scenario/tiny.json");
    let path = path.to_str().expect("UTF-8 path");
    let (ok, out, err) =
        sahel_atlas(&["state", "--at", "2020-06-01", "--json", "--scenario", path]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["links"].as_array().map(Vec::len), Some(1));
}

#[test]
fn check_accepts_the_shipped_files() {
    let ran = crate::common::sahel_atlas([
        "check".as_ref(),
        project_file("geodata/scenario.json").as_os_str(),
        project_file("geodata/ne_110m_admin_0_countries.geojson").as_os_str(),
    ]);
    let (ok, out, err) = (ran.ok, ran.stdout, ran.stderr);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("scenario:") && out.contains("countries: 177 features"),
        "{out}"
    );
}

#[test]
fn check_reports_a_broken_file_with_line_and_column() {
    let path = fixture("countries/truncated.geojson");
    let (ok, out, _) = sahel_atlas(&["check", path.to_str().expect("UTF-8 path")]);
    assert!(!ok);
    assert!(out.contains("truncated.geojson:"), "{out}");
    assert!(out.contains("ends too soon"), "{out}");
}

#[test]
fn exported_geojson_and_csv_are_written_and_check_accepts_the_geojson() {
    let dir = std::env::temp_dir().join(format!("sahel-atlas-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let geojson = dir.join("state.geojson");
    let csv = dir.join("state.csv");
    for out in [&geojson, &csv] {
        let (ok, _, err) = sahel_atlas(&[
            "export",
            "--at",
            "2023-12-05",
            "--out",
            &out.display().to_string(),
        ]);
        assert!(ok, "{err}");
    }
    let (ok, out, err) = sahel_atlas(&["check", &geojson.display().to_string()]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("GeoJSON data, not a country layer"), "{out}");
    let text = std::fs::read_to_string(&csv).expect("CSV");
    assert!(text.starts_with("id,label,kind,parties,status,since,sources"));
    assert!(text.contains("eumpm-niger"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_renderer_is_a_usage_error_that_names_the_choices() {
    let (ok, _, err) = sahel_atlas(&["--renderer", "metal"]);
    assert!(!ok);
    assert!(err.contains("glow") && err.contains("wgpu"), "{err}");
    let (ok, help, _) = sahel_atlas(&["--help"]);
    assert!(ok && help.contains("--renderer"), "{help}");
}
