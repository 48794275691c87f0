//! Event layers (issue #22): a parser test per format, rows left out with their LINE:COL,
//! `check` on event files, the time window at its boundaries.

use sahel_atlas::io::{
    ColumnChoice, ColumnChoices, EventLoad, FileKind, detect_kind, event_details, read_event_layer,
};
use sahel_atlas::model::{EventFormat, EventWindow};

use crate::common::{day, fixture, sahel_atlas};

fn load(name: &str) -> EventLoad {
    read_event_layer(
        &fixture(&format!("events/{name}")),
        &ColumnChoices::default(),
    )
    .unwrap_or_else(|e| panic!("{name} loads: {e}"))
}

fn dates(load: &EventLoad) -> Vec<String> {
    (0..load.layer.len())
        .map(|i| load.layer.date(i).to_date().to_string())
        .collect()
}

#[test]
fn acled_31_columns_load_sorted_by_date_with_types_actors_and_notes() {
    let l = load("acled_31.csv");
    assert_eq!(l.layer.format, Some(EventFormat::Acled));
    assert_eq!(l.skipped, 0);
    assert_eq!(
        dates(&l),
        [
            "2023-06-15",
            "2023-07-01",
            "2023-07-20",
            "2023-07-30",
            "2023-07-31",
            "2023-07-31"
        ]
    );
    let layer = &l.layer;
    assert_eq!(layer.kind_name(0), "Protests");
    assert_eq!(layer.kind_name(1), "Battles");
    assert_eq!(layer.kind_name(2), "Violence against civilians");
    assert_eq!(layer.kind_name(3), "Explosions/Remote violence");
    assert_eq!(layer.fatalities, [0, 3, 12, 5, 0, 1]);
    assert_eq!(
        layer.actors_text(1),
        "Test Armed Group A – Test State Forces"
    );
    assert_eq!(layer.string(layer.country[2]), "Burkina Faso");
    assert!((layer.lat[1] - 15.6597).abs() < 1e-4 && (layer.lon[1] - 0.5022).abs() < 1e-4);
    let d = event_details(layer, 1);
    assert_eq!(d.notes, "Synthetic test row, not a real event.");
    assert_eq!(d.source, "Test fixture");
    assert_eq!(d.id, "TST1");
    assert_eq!(event_details(layer, 5).id, "TST6");
}

#[test]
fn older_acled_exports_with_other_columns_and_written_dates_load() {
    let l = load("acled_older.csv");
    assert_eq!(l.layer.format, Some(EventFormat::Acled));
    assert_eq!(dates(&l), ["2019-01-03", "2024-02-29", "2025-05-16"]);
    let layer = &l.layer;
    assert_eq!(layer.kind_name(2), "Battles");
    assert!((layer.lon[2] - 2.4).abs() < 1e-4 && (layer.lat[2] - 15.92).abs() < 1e-4);
    assert_eq!(layer.fatalities, [7, 0, 4]);
    assert_eq!(
        event_details(layer, 2).notes,
        "Synthetic test row, not a real event."
    );
}

#[test]
fn ucdp_ged_loads_its_three_types_and_best_estimate() {
    let l = load("ucdp_ged.csv");
    assert_eq!(l.layer.format, Some(EventFormat::Ucdp));
    assert_eq!(dates(&l), ["2019-01-03", "2019-02-10", "2020-03-01"]);
    let layer = &l.layer;
    assert_eq!(layer.kind_name(0), "State-based conflict");
    assert_eq!(layer.kind_name(1), "Non-state conflict");
    assert_eq!(layer.kind_name(2), "One-sided violence");
    assert_eq!(layer.fatalities, [5, 2, 9]);
    assert_eq!(
        layer.actors_text(0),
        "Government of Test – Test Armed Group A"
    );
    assert_eq!(event_details(layer, 0).id, "1001");
}

#[test]
fn geojson_points_load_and_a_bad_feature_is_left_out_by_index() {
    let l = load("points.geojson");
    assert_eq!(l.layer.format, Some(EventFormat::GeoJson));
    assert_eq!(dates(&l), ["2021-11-20", "2021-11-20"]);
    assert_eq!(l.skipped, 1);
    let problem = l.problems[0].to_string();
    assert!(
        problem.contains("feature 2") && problem.contains("'someday' is not a date"),
        "{problem}"
    );
    assert_eq!(event_details(&l.layer, 0).source, "Test fixture");
}

#[test]
fn any_csv_with_a_date_and_coordinates_loads() {
    let l = load("dated_points.csv");
    assert_eq!(l.layer.format, Some(EventFormat::Csv));
    assert_eq!(dates(&l), ["2022-02-01"]);
    assert_eq!(l.layer.kind_name(0), "Incident");
}

#[test]
fn a_csv_whose_columns_are_not_recognised_loads_with_the_columns_chosen_for_its_header() {
    let path = fixture("events/generic.csv");
    let err = read_event_layer(&path, &ColumnChoices::default()).unwrap_err();
    assert!(err.to_string().contains("no date column"), "{err}");
    let header = sahel_atlas::io::csv_header(&std::fs::read(&path).unwrap()).unwrap();
    let mut choices = ColumnChoices::default();
    choices.insert(
        sahel_atlas::io::header_key(&header),
        ColumnChoice {
            date: "when".into(),
            latitude: "lat".into(),
            longitude: "lng".into(),
        },
    );
    let l = read_event_layer(&path, &choices).unwrap();
    assert_eq!(l.layer.len(), 2);
    assert_eq!(l.layer.kind_name(0), "Drone strike");
    assert!((l.layer.lat[1] - 13.5).abs() < 1e-4);
}

#[test]
fn gzip_event_layers_load() {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("sahel-events-gz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("acled.csv.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&std::fs::read(fixture("events/acled_31.csv")).unwrap())
        .unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let l = read_event_layer(&path, &ColumnChoices::default()).unwrap();
    assert_eq!(l.layer.len(), 6);
    assert_eq!(event_details(&l.layer, 1).id, "TST1");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_rows_are_left_out_and_located_by_line_and_column() {
    let l = load("acled_bad_rows.csv");
    assert_eq!(l.layer.len(), 2, "the two good rows load");
    assert_eq!(l.skipped, 4);
    let name = fixture("events/acled_bad_rows.csv").display().to_string();
    let problems: Vec<String> = l.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            format!("{name}:3:4: error: '2023-13-01' is not a date (YYYY-MM-DD or 16 May 2025)"),
            format!("{name}:4:44: error: latitude 'north' is not a number"),
            format!("{name}:5:58: error: fatalities '-2' is not a whole number"),
            format!("{name}:6:41: error: the row ends before its latitude"),
        ]
    );
}

#[test]
fn files_that_are_not_event_layers_are_refused_with_a_reason() {
    let err =
        read_event_layer(&fixture("events/not_events.csv"), &ColumnChoices::default()).unwrap_err();
    assert!(err.to_string().contains("is not an event layer"), "{err}");
    let err =
        read_event_layer(&fixture("events/missing.csv"), &ColumnChoices::default()).unwrap_err();
    assert!(err.to_string().contains("cannot open"), "{err}");
}

#[test]
fn event_files_are_detected_by_their_content() {
    for name in [
        "acled_31.csv",
        "ucdp_ged.csv",
        "points.geojson",
        "acled_older.csv",
    ] {
        let bytes = std::fs::read(fixture(&format!("events/{name}"))).unwrap();
        assert_eq!(detect_kind(&bytes), FileKind::Events, "{name}");
    }
}

#[test]
fn check_reports_bad_rows_as_file_line_col_errors() {
    let path = fixture("events/acled_bad_rows.csv");
    let ran = sahel_atlas(["check".as_ref(), path.as_os_str()]);
    assert!(!ran.ok);
    let name = path.display().to_string();
    assert!(
        ran.stdout.contains(&format!(
            "{name}:4:44: error: latitude 'north' is not a number"
        )),
        "{}",
        ran.stdout
    );
    let good = fixture("events/acled_31.csv");
    let ran = sahel_atlas(["check".as_ref(), good.as_os_str()]);
    assert!(ran.ok, "{}", ran.stdout);
    assert!(
        ran.stdout
            .contains("ACLED event layer: 6 events, 2023-06-15 – 2023-07-31"),
        "{}",
        ran.stdout
    );
}

#[test]
fn the_window_ends_at_the_slider_date_and_excludes_a_window_length_earlier() {
    let l = load("acled_31.csv");
    // Events on 2023-07-01 (in 30 days of 2023-07-30? it is 29 days before: in) and on
    // 2023-06-15.
    let layer = &l.layer;
    let at = day("2023-07-31");
    let r = layer.in_window(at, EventWindow::Days(30));
    assert_eq!(
        dates(&l)[r.clone()],
        ["2023-07-20", "2023-07-30", "2023-07-31", "2023-07-31"]
    );
    // 2023-07-01 is exactly 30 days before 2023-07-31: out; a day later it is the first in.
    assert!(!r.contains(&1));
    let r = layer.in_window(day("2023-07-30"), EventWindow::Days(30));
    assert_eq!(r.start, 1);
    assert_eq!(
        layer
            .in_window(day("2023-07-31"), EventWindow::Days(7))
            .len(),
        3
    );
    assert_eq!(
        layer.in_window(day("2023-07-31"), EventWindow::All).len(),
        6
    );
    assert_eq!(
        layer.in_window(day("2023-06-14"), EventWindow::All).len(),
        0
    );
}
