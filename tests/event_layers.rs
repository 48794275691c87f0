//! Event layers (issue #22): a parser test per format, rows left out with their LINE:COL,
//! `check` on event files, the time window at its boundaries.

use sahel_atlas::io::{
    ColumnChoice, ColumnChoices, EventLimits, EventLoad, FileKind, detect_kind, event_details,
    read_event_layer,
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

/// A CSV of `rows` dated events, each padded with `pad` bytes in a column no one reads,
/// made as it is read: the whole of it is never in memory.
struct PaddedRows {
    pending: Vec<u8>,
    at: usize,
    rows_left: usize,
    row: Vec<u8>,
}

impl PaddedRows {
    fn new(rows: usize, pad: usize) -> Self {
        let mut row = b"2024-01-15,14.5,-1.5,Synthetic row; not a real event.,".to_vec();
        row.extend(std::iter::repeat_n(b'x', pad));
        row.push(b'\n');
        Self {
            pending: b"event_date,latitude,longitude,notes,padding\n".to_vec(),
            at: 0,
            rows_left: rows,
            row,
        }
    }

    fn len(rows: usize, pad: usize) -> u64 {
        let p = Self::new(rows, pad);
        (p.pending.len() + rows * p.row.len()) as u64
    }
}

impl std::io::Read for PaddedRows {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pending.len() {
            if self.rows_left == 0 {
                return Ok(0);
            }
            self.rows_left -= 1;
            self.pending.clone_from(&self.row);
            self.at = 0;
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[test]
fn a_csv_larger_than_the_old_256_mb_cap_is_read_as_it_streams() {
    // 2,700 rows of 100 KiB: 277 MB, more than the 256 MiB that files are otherwise capped at.
    let (rows, pad) = (2_700, 100 << 10);
    assert!(PaddedRows::len(rows, pad) > sahel_atlas::io::MAX_FILE_BYTES);
    let l = sahel_atlas::io::parse_event_stream(
        "big.csv",
        PaddedRows::new(rows, pad),
        &ColumnChoices::default(),
        &EventLimits::default(),
    )
    .unwrap_or_else(|e| panic!("not refused for its size: {e}"));
    assert_eq!(l.layer.len(), rows);
    assert_eq!(l.skipped, 0);
    assert_eq!(
        event_details(&l.layer, rows - 1).notes,
        "Synthetic row; not a real event."
    );
}

#[test]
fn an_event_file_is_streamed_from_disk_and_gzip_with_its_progress() {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("sahel-events-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A gzip file of the header, then 40 members each holding the same 1,000 padded rows:
    // 18 MB of text from a file of a few KB.
    let mut rows = Vec::new();
    std::io::Read::read_to_end(&mut PaddedRows::new(1_000, 400), &mut rows).unwrap();
    let header = rows
        .splice(..rows.iter().position(|&b| b == b'\n').unwrap() + 1, [])
        .collect::<Vec<u8>>();
    let gz = |text: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(text).unwrap();
        e.finish().unwrap()
    };
    let mut file = gz(&header);
    let one = gz(&rows);
    for _ in 0..40 {
        file.extend_from_slice(&one);
    }
    let path = dir.join("padded.csv.gz");
    std::fs::write(&path, &file).unwrap();
    let seen = std::cell::Cell::new((0u64, 0u64));
    let l = sahel_atlas::io::read_event_layer_with(
        &path,
        &ColumnChoices::default(),
        &EventLimits::default(),
        &|done, total| seen.set((done, total)),
    )
    .unwrap();
    assert_eq!(l.layer.len(), 40_000);
    assert_eq!(
        seen.get(),
        (file.len() as u64, file.len() as u64),
        "read to the end"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn limits_on_events_rows_and_geojson_are_clear_errors() {
    let acled = fixture("events/acled_31.csv");
    let limits = EventLimits {
        max_events: 3,
        ..EventLimits::default()
    };
    let err = sahel_atlas::io::read_event_layer_with(
        &acled,
        &ColumnChoices::default(),
        &limits,
        &|_, _| {},
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("acled_31.csv: error: has more than 3 events, the most one layer holds"),
        "{err}"
    );

    let limits = EventLimits {
        max_row_bytes: 100,
        ..EventLimits::default()
    };
    let err = sahel_atlas::io::parse_event_stream(
        "long.csv",
        PaddedRows::new(3, 200 << 10),
        &ColumnChoices::default(),
        &limits,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("long.csv: error: cannot be read past line 2: a row is longer than 100 bytes"),
        "{err}"
    );

    let limits = EventLimits {
        max_geojson_bytes: 100,
        ..EventLimits::default()
    };
    let points = fixture("events/points.geojson");
    let err = sahel_atlas::io::read_event_layer_with(
        &points,
        &ColumnChoices::default(),
        &limits,
        &|_, _| {},
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("is a GeoJSON event layer larger than 100 bytes"),
        "{err}"
    );
}

#[test]
fn a_truncated_gzip_event_file_is_refused_whole() {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("sahel-events-cut-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = Vec::new();
    std::io::Read::read_to_end(&mut PaddedRows::new(2_000, 100), &mut text).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&text).unwrap();
    let whole = gz.finish().unwrap();
    let path = dir.join("cut.csv.gz");
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let err = read_event_layer(&path, &ColumnChoices::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("cut.csv.gz: error: cannot be read past line"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_column_dialog_guesses_the_date_and_coordinates_from_the_first_rows() {
    let preview = |text: &str| sahel_atlas::io::csv_preview(text.as_bytes()).unwrap();
    // By values: the date first, then a number within ±90, then one within ±180.
    let p =
        preview("id,reported,north,east,what\n7,2024-03-01,13.5,2.1,x\n8,2 March 2024,14,-1,y\n");
    assert_eq!(p.guess(), [1, 2, 3]);
    // By names when values allow both: longitude before latitude.
    let p = preview("when,x_lng,y_lat\n2024-03-01,2.1,13.5\n");
    assert_eq!(p.guess(), [0, 2, 1]);
    // Nothing fits: the first three columns.
    let p = preview("a,b,c,d\nfoo,bar,baz,qux\n");
    assert_eq!(p.guess(), [0, 1, 2]);
    assert_eq!(p.header, ["a", "b", "c", "d"]);
}
