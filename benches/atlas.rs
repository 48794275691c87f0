//! Benchmarks on real data: loading layers, full UI frames while scrubbing, hit tests, the
//! state at a date, and headless rendering. Run with `cargo bench --bench atlas`; the 1:10m
//! cases read `../shared/geodata/ne_10m_admin_0_countries.geojson` (or `$SAHEL_ATLAS_10M`) and
//! are skipped with a note when it is not there.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports on the console

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::io::parse_countries;
use sahel_atlas::map::{MapCamera, MapLayer, world_from_lon_lat};
use sahel_atlas::model::{
    Change, DatePrecision, Day, Entity, EntityKind, Event, Relationship, RelationshipKind,
    SCENARIO_FORMAT, Scenario, ScenarioSpan, Status, Timeline,
};

fn ten_m_bytes() -> Option<Vec<u8>> {
    let path = std::env::var("SAHEL_ATLAS_10M").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/geodata/ne_10m_admin_0_countries.geojson"
        )
        .to_owned()
    });
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(e) => {
            eprintln!("skipping 1:10m cases: {path}: {e}");
            None
        }
    }
}

fn load_layer(name: &str, bytes: &[u8]) -> MapLayer {
    match parse_countries(name, bytes) {
        Ok(layer) => MapLayer::new(layer),
        Err(e) => panic!("{e}"),
    }
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_triangulate_index");
    group.sample_size(10);
    let mut inputs: Vec<(&str, Vec<u8>)> = vec![
        ("110m", sahel_atlas::io::embedded::COUNTRIES_110M.to_vec()),
        ("50m", sahel_atlas::io::embedded::COUNTRIES_50M.to_vec()),
    ];
    if let Some(b) = ten_m_bytes() {
        inputs.push(("10m", b));
    }
    for (name, bytes) in &inputs {
        group.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            // Timed: parse, project, triangulate, index. Not timed: the simplified meshes
            // that a background thread builds afterwards, and dropping the layer.
            b.iter_custom(|iterations| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    let start = std::time::Instant::now();
                    let layer = load_layer(name, bytes);
                    total += start.elapsed();
                    layer.wait_for_simplified();
                    drop(black_box(layer));
                }
                total
            });
        });
    }
    group.finish();
}

/// One full UI frame (layout, map shapes, links, panels and tessellation, no GPU) while the
/// slider moves one day per frame.
fn bench_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui_frame_scrubbing");
    group.sample_size(30);
    let mut layers: Vec<(&str, Arc<MapLayer>)> = Vec::new();
    if let Ok(fine) = sahel_atlas::map::embedded::fine_layer() {
        layers.push(("50m", fine));
    }
    if let Some(b) = ten_m_bytes() {
        layers.push(("10m", Arc::new(load_layer("10m", &b))));
    }
    for (_, layer) in &layers {
        layer.wait_for_simplified();
    }
    let views: [(&str, MapCamera); 3] = [
        ("world", MapCamera::world([1100.0, 780.0])),
        ("regional", MapCamera::sahel([1100.0, 780.0])),
        (
            "close",
            MapCamera::centered_on_lon_lat(2.11, 13.51, 12_000.0),
        ),
    ];
    for (layer_name, layer) in &layers {
        for (view_name, camera) in &views {
            let ctx = egui::Context::default();
            let mut app = SahelApp::new();
            app.set_countries(layer.clone());
            let input = || egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1600.0, 1000.0),
                )),
                ..Default::default()
            };
            // Settle layout, then pin the camera.
            for _ in 0..3 {
                let _ = ctx.run_ui(input(), |ui| app.show(ui));
            }
            app.view.camera = Some(*camera);
            let start = Day::from_date(Date::constant(2012, 1, 1));
            let mut day = start;
            group.bench_function(BenchmarkId::new(*layer_name, view_name), |b| {
                b.iter(|| {
                    day = if day.0 > start.0 + 5000 {
                        start
                    } else {
                        day.plus(1)
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

fn bench_hit_test(c: &mut Criterion) {
    let mut group = c.benchmark_group("hit_test");
    let mut layers: Vec<(&str, Arc<MapLayer>)> = Vec::new();
    if let Ok(fine) = sahel_atlas::map::embedded::fine_layer() {
        layers.push(("50m", fine));
    }
    if let Some(b) = ten_m_bytes() {
        layers.push(("10m", Arc::new(load_layer("10m", &b))));
    }
    for (name, layer) in &layers {
        let points: Vec<[f64; 2]> = (0..64)
            .map(|i| world_from_lon_lat(-20.0 + f64::from(i) * 0.9, 5.0 + f64::from(i % 16) * 3.0))
            .collect();
        let mut k = 0;
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                k = (k + 1) % points.len();
                black_box(layer.country_at_world(points[k]))
            });
        });
    }
    group.finish();
}

/// A scenario of `relationships` links and `events` events over 40 years, deterministic.
fn synthetic_scenario(relationships: usize, events: usize) -> Scenario {
    let start = Date::constant(1990, 1, 1);
    let entities = (0..100)
        .map(|i| Entity {
            i18n: Default::default(),
            id: format!("S{i}"),
            kind: EntityKind::State,
            name: format!("State {i}"),
            short: None,
            place: None,
            government: None,
        })
        .collect();
    let rels = (0..relationships)
        .map(|i| Relationship {
            i18n: Default::default(),
            id: format!("r{i}"),
            label: format!("R{i}"),
            short: None,
            kind: RelationshipKind::Other,
            parties: vec![format!("S{}", i % 100), format!("S{}", (i * 7 + 1) % 100)],
            in_force_at_start: false,
            start_sources: Vec::new(),
            confirmed_until: None,
            confirmed_source: None,
            site: None,
        })
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let events = (0..events)
        .map(|i| {
            let day = (next() % (40 * 365)) as i64;
            let r = (next() % relationships as u64) as usize;
            Event {
                i18n: Default::default(),
                id: format!("e{i}"),
                date: start.saturating_add(jiff::SignedDuration::from_hours(day * 24)),
                effective: None,
                precision: DatePrecision::Day,
                title: String::new(),
                summary: String::new(),
                note: None,
                confidence: None,
                notice: None,
                sources: vec!["https://example.org".to_owned()],
                changes: vec![Change::Relationship {
                    relationship: format!("r{r}"),
                    status: Status::ALL[(next() % 5) as usize],
                    size: Default::default(),
                }],
            }
        })
        .collect();
    Scenario {
        format: SCENARIO_FORMAT.to_owned(),
        title: "synthetic".to_owned(),
        description: String::new(),
        i18n: Default::default(),
        span: ScenarioSpan {
            start,
            end: Date::constant(2030, 1, 1),
        },
        research_until: None,
        groups: Vec::new(),
        entities,
        relationships: rels,
        events,
    }
}

fn bench_state_at(c: &mut Criterion) {
    let mut group = c.benchmark_group("state_at");
    let shipped = sahel_atlas::io::embedded::default_timeline().map(|t| (*t).clone());
    let big = Timeline::new(synthetic_scenario(10_000, 100_000));
    let mut cases: Vec<(&str, Timeline)> = vec![("100k_events_10k_links", big)];
    if let Ok(t) = shipped {
        cases.insert(0, ("shipped", t));
    }
    for (name, t) in &cases {
        let (start, end) = (t.start().0, t.end().0);
        let mut day = start;
        group.bench_function(BenchmarkId::new("fresh", name), |b| {
            b.iter(|| {
                day = if day >= end { start } else { day + 37 };
                black_box(t.state_at(Day(day)))
            });
        });
        let mut state = t.state_at(Day(start));
        let mut day = start;
        group.bench_function(BenchmarkId::new("scrub_one_day", name), |b| {
            b.iter(|| {
                day = if day >= end { start } else { day + 1 };
                t.seek(&mut state, Day(day));
                black_box(state.day)
            });
        });
    }
    group.finish();
}

/// 13 monthly frames at 1280×720 on the embedded 1:50m layer (as `render` draws them):
/// numbered PNGs (the frames a person would hand to ffmpeg) against an MP4 and a GIF.
fn bench_animation(c: &mut Criterion) {
    use sahel_atlas::export::{
        AnimationProgress, AnimationRequest, FrameStep, MapData, RenderOptions, render_animation,
        render_frames,
    };
    let (Ok(fine), Ok(coarse), Ok(timeline)) = (
        sahel_atlas::map::embedded::fine_layer(),
        sahel_atlas::map::embedded::coarse_layer(),
        sahel_atlas::io::embedded::default_timeline(),
    ) else {
        eprintln!("skipping animation: the embedded data did not load");
        return;
    };
    let data = MapData {
        layer: &fine,
        places: &coarse,
        timeline: &timeline,
    };
    let (from, to) = (Date::constant(2023, 1, 1), Date::constant(2024, 1, 1));
    let Ok(step) = FrameStep::parse("1m") else {
        return;
    };
    let options = RenderOptions {
        size: [1280, 720],
        ..RenderOptions::at(from)
    };
    let request = AnimationRequest {
        from,
        to,
        step,
        fps: 2.0,
        hold_events: 0.0,
    };
    let dir = std::env::temp_dir().join(format!("sahel-atlas-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut group = c.benchmark_group("animation");
    group.sample_size(10);
    group.bench_function("13_frames_1280x720_png", |b| {
        b.iter(|| {
            black_box(render_frames(
                &data,
                &options,
                from,
                to,
                step,
                &dir.join("png"),
            ))
        })
    });
    for ext in ["mp4", "gif"] {
        let out = dir.join(format!("clip.{ext}"));
        group.bench_function(format!("13_frames_1280x720_{ext}"), |b| {
            b.iter(|| {
                let progress = AnimationProgress::default();
                black_box(render_animation(&data, &options, &request, &out, &progress).is_ok())
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The crate's own geometry check against `geo::Validation` on every country of a layer:
/// the choice written at the top of `src/io/geometry_check.rs` rests on it.
fn bench_validation(c: &mut Criterion) {
    use geo::Validation as _;
    let mut group = c.benchmark_group("geometry_validation");
    group.sample_size(10);
    let mut inputs: Vec<(&str, Vec<u8>)> =
        vec![("50m", sahel_atlas::io::embedded::COUNTRIES_50M.to_vec())];
    if let Some(b) = ten_m_bytes() {
        inputs.push(("10m", b));
    }
    for (name, bytes) in &inputs {
        let layer = match parse_countries(name, bytes) {
            Ok(layer) => layer,
            Err(e) => panic!("{e}"),
        };
        let shapes: Vec<_> = layer.countries.iter().map(|c| &c.shape_lon_lat).collect();
        // What each finds, beside how fast: the choice rests on both.
        let flagged = |invalid: &dyn Fn(&geo::MultiPolygon<f64>) -> bool| {
            shapes.iter().filter(|s| invalid(s)).count()
        };
        let ours =
            flagged(&|s| !sahel_atlas::io::geometry_check::invalid_geometry(s, 20).is_empty());
        let geos = flagged(&|s| !s.is_valid());
        #[allow(clippy::print_stderr)] // a benchmark reports on the console
        {
            eprintln!(
                "{name}: {} countries; flagged by io/geometry_check.rs: {ours}, by geo::Validation: {geos}",
                shapes.len()
            );
        }
        group.bench_with_input(BenchmarkId::new("geometry_check", name), &shapes, |b, s| {
            b.iter(|| {
                s.iter()
                    .map(|shape| sahel_atlas::io::geometry_check::invalid_geometry(shape, 20).len())
                    .sum::<usize>()
            });
        });
        group.bench_with_input(BenchmarkId::new("geo_validation", name), &shapes, |b, s| {
            b.iter(|| {
                s.iter()
                    .map(|shape| shape.validation_errors().len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_validation,
    bench_animation,
    bench_state_at,
    bench_hit_test,
    bench_load,
    bench_frame
);
criterion_main!(benches);
