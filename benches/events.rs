//! Event layers at ACLED scale (issue #22): loading a synthetic 10⁶-row ACLED-layout CSV from
//! a file as the app does, and full UI frames while scrubbing with those events on the map,
//! at the world and Sahel views (hexagons) and close up (points). Run with `cargo bench --bench events`; `SAHEL_EVENTS_ROWS`
//! changes the row count (default 1,000,000).

#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports on the console

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::io::{ColumnChoices, parse_event_layer, read_event_layer};
use sahel_atlas::map::MapCamera;
use sahel_atlas::map::events::EventMap;
use sahel_atlas::model::{Day, EventWindow};

#[path = "acled_synth.rs"]
mod acled_synth;

/// Days the slider moves between two frames while scrubbing.
const SCRUB_DAYS: i32 = 7;

fn rows() -> usize {
    std::env::var("SAHEL_EVENTS_ROWS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1_000_000)
}

fn synthetic_csv() -> Vec<u8> {
    let mut bytes = Vec::new();
    acled_synth::write_synthetic_acled(&mut bytes, rows(), 22).unwrap_or_default();
    bytes
}

/// The views whose hexagon grids a layer makes as it loads in the app (a 1600×1000 window).
fn load_scales() -> [f64; 2] {
    [
        MapCamera::world([1100.0, 780.0]).scale,
        MapCamera::sahel([1100.0, 780.0]).scale,
    ]
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("events_load");
    group.sample_size(10);
    // The app's load, off the UI thread: the file read as it streams, parsed, interned,
    // sorted by date, projected, and hexagons made for the world and Sahel views.
    let dir = std::env::temp_dir().join(format!("sahel-events-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("acled_synthetic.csv");
    let bytes = synthetic_csv();
    eprintln!("{} rows, {} MB", rows(), bytes.len() >> 20);
    if let Err(e) = std::fs::write(&path, &bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    drop(bytes);
    group.bench_function(BenchmarkId::new("acled_csv_file", rows()), |b| {
        b.iter(|| {
            let load = read_event_layer(&path, &ColumnChoices::default());
            let map = load.map(|l| {
                let map = EventMap::new(l.layer, l.skipped);
                map.prepare_grids(&load_scales());
                map
            });
            black_box(map.is_ok())
        });
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

fn bench_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("events_ui_frame_scrubbing");
    group.sample_size(30);
    let load = match parse_event_layer("bench.csv", &synthetic_csv(), &ColumnChoices::default()) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    let events = Arc::new(EventMap::new(load.layer, load.skipped));
    let views: [(&str, MapCamera); 3] = [
        ("world", MapCamera::world([1100.0, 780.0])),
        ("sahel", MapCamera::sahel([1100.0, 780.0])),
        ("close", MapCamera::centered_on_lon_lat(-1.5, 14.5, 6_000.0)),
    ];
    for window in [EventWindow::Days(30), EventWindow::All] {
        for (view_name, camera) in &views {
            let ctx = egui::Context::default();
            let mut app = SahelApp::new();
            app.document.events.push(events.clone());
            app.view.events.window = window;
            let input = || egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1600.0, 1000.0),
                )),
                ..Default::default()
            };
            for _ in 0..3 {
                let _ = ctx.run_ui(input(), |ui| app.show(ui));
            }
            app.view.camera = Some(*camera);
            let start = Day::from_date(Date::constant(2012, 1, 1));
            let mut day = start;
            let id = BenchmarkId::new(window.label(), view_name);
            group.bench_function(id, |b| {
                b.iter(|| {
                    // Scrubbing: a week a frame (2012 to 2026 in about 12 s at 60 frames a
                    // second), back to the start after 14 years.
                    day = if day.0 > start.0 + 5000 {
                        start
                    } else {
                        day.plus(SCRUB_DAYS)
                    };
                    app.push(Command::Time(TimeCommand::SetDay(day)));
                    let output = ctx.run_ui(input(), |ui| app.show(ui));
                    black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_load, bench_frame);
criterion_main!(benches);
