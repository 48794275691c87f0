//! Event layers on the map and in the app (issue #22): hexagon totals and the legend's
//! window totals equal point totals, the
//! display list draws hexagons at low zoom and points close up, `render` and `export` take
//! `--events` and `--window`, the app adds a layer, scrubs and lists a hexagon's events, and
//! the screen and the PNG draw a picture with the layer alike.

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::event_view::EventCommand;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::export::{MapData, RenderOptions};
use sahel_atlas::io::{ColumnChoices, read_event_layer};
use sahel_atlas::map::display::{DisplayList, Item};
use sahel_atlas::map::events::{EventMap, EventMarks, EventOptions, hex_totals, layer_filters};
use sahel_atlas::map::{MapCamera, world_from_lon_lat};
use sahel_atlas::model::{Day, EventFilter, EventLayer, EventWindow};

use crate::app_ui::{click_at, harness, map_rect, screen_of};
use crate::common::{day, fixture, sahel_atlas};

fn acled() -> Arc<EventMap> {
    let load = read_event_layer(&fixture("events/acled_31.csv"), &ColumnChoices::default())
        .expect("fixture loads");
    Arc::new(EventMap::new(load.layer, load.skipped))
}

/// A layer of `n` made-up events spread over West Africa and 2015–2024 (deterministic).
fn spread_layer(n: usize) -> Arc<EventMap> {
    let mut layer = EventLayer {
        kinds: vec!["Battles".into(), "Protests".into()],
        strings: vec![String::new(), "Actor A".into(), "Actor B".into()],
        ..EventLayer::default()
    };
    let start = day("2015-01-01").0;
    for i in 0..n {
        let t = i as f32 / n as f32;
        layer.day.push(start + (i as i32 * 3653) / n as i32);
        layer.lon.push(-15.0 + 30.0 * ((t * 97.0).fract()));
        layer.lat.push(8.0 + 14.0 * ((t * 31.0).fract()));
        layer.fatalities.push((i % 7) as u32);
        layer.kind.push((i % 2) as u8);
        layer.actors.push([1 + (i % 2) as u32, 0]);
        layer.country.push(0);
    }
    Arc::new(EventMap::new(layer, 0))
}

#[test]
fn hexagon_totals_equal_the_totals_of_the_points_they_hold() {
    let layers = vec![spread_layer(5000), acled()];
    for filter in [
        EventFilter::default(),
        EventFilter {
            hidden_kinds: vec!["Protests".into()],
            actor: String::new(),
        },
        EventFilter {
            hidden_kinds: Vec::new(),
            actor: "actor a".into(),
        },
    ] {
        let filters = layer_filters(&layers, &filter);
        for window in EventWindow::CHOICES {
            for date in ["2016-03-01", "2020-07-15", "2023-07-31"] {
                let marks = EventMarks {
                    layers: &layers,
                    filters: &filters,
                    day: day(date),
                    window,
                    aggregate: Default::default(),
                };
                let (events, deaths) = marks.shown().fold((0u64, 0u64), |(n, d), (l, i)| {
                    (n + 1, d + u64::from(layers[l].layer.fatalities[i]))
                });
                // The legend's totals, kept between frames and updated by what came in or left.
                let legend = layers
                    .iter()
                    .enumerate()
                    .fold((0u64, 0u64), |(n, d), (l, m)| {
                        let range = m.layer.in_window(day(date), window);
                        let (a, b) = m.window_totals(range, filters.get(l));
                        (n + a as u64, d + b)
                    });
                assert_eq!(legend, (events, deaths), "legend at {date} {window:?}");
                for scale in [150.0, 600.0, 1000.0, 2400.0] {
                    let hexes = hex_totals(&marks, scale);
                    let n: u64 = hexes.iter().map(|h| u64::from(h.events)).sum();
                    let d: u64 = hexes.iter().map(|h| h.fatalities).sum();
                    assert_eq!((n, d), (events, deaths), "{date} {window:?} at {scale}");
                }
            }
        }
    }
}

fn event_items(list: &DisplayList) -> (usize, usize) {
    let mut in_group = false;
    let (mut rings, mut circles) = (0, 0);
    for item in &list.items {
        match item {
            Item::Group("events") => in_group = true,
            Item::EndGroup => in_group = false,
            Item::Rings { .. } if in_group => rings += 1,
            Item::Circle { .. } if in_group => circles += 1,
            _ => {}
        }
    }
    (rings, circles)
}

#[test]
fn low_zoom_draws_hexagons_under_the_links_and_close_up_draws_points() {
    let layer = crate::common::coarse();
    let timeline = crate::common::timeline();
    let data = MapData {
        layer: &layer,
        places: &layer,
        timeline: &timeline,
    };
    let events = EventOptions {
        layers: vec![acled()],
        window: EventWindow::All,
        ..Default::default()
    };
    let sahel = RenderOptions {
        size: [900, 560],
        camera: Some(MapCamera::sahel([900.0, 560.0])),
        events: events.clone(),
        ..RenderOptions::at(jiff::civil::date(2023, 7, 31))
    };
    let list = sahel_atlas::export::frame(&data, &sahel);
    let (rings, circles) = event_items(&list);
    assert!(
        rings >= 4 && circles == 0,
        "hexagons: {rings} rings, {circles} circles"
    );
    let events_at = list.items.iter().position(|i| *i == Item::Group("events"));
    let links_at = list.items.iter().position(|i| *i == Item::Group("links"));
    assert!(events_at < links_at, "events are drawn under the links");
    let close = RenderOptions {
        camera: Some(MapCamera::centered_on_lon_lat(0.0, 15.0, 6000.0)),
        ..sahel.clone()
    };
    let (rings, circles) = event_items(&sahel_atlas::export::frame(&data, &close));
    assert!(
        rings == 0 && circles >= 2,
        "points: {rings} rings, {circles} circles"
    );
    // Out of the window: nothing.
    let before = RenderOptions {
        events: EventOptions {
            window: EventWindow::Days(7),
            ..events
        },
        ..RenderOptions::at(jiff::civil::date(2023, 7, 10))
    };
    let (rings, circles) = event_items(&sahel_atlas::export::frame(&data, &before));
    assert_eq!((rings, circles), (0, 0));
}

#[test]
fn render_and_export_take_events_and_a_window() {
    let dir = std::env::temp_dir().join(format!("sahel-events-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let events = fixture("events/acled_31.csv");
    let png = dir.join("events.png");
    let ran = sahel_atlas([
        "render".as_ref(),
        "--events".as_ref(),
        events.as_os_str(),
        "--window".as_ref(),
        "30d".as_ref(),
        "--at".as_ref(),
        "2023-07-31".as_ref(),
        "--out".as_ref(),
        png.as_os_str(),
    ]);
    assert!(ran.ok, "{}", ran.stderr);
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
    let csv = dir.join("events.csv");
    let ran = sahel_atlas([
        "export".as_ref(),
        "--events".as_ref(),
        events.as_os_str(),
        "--window".as_ref(),
        "7d".as_ref(),
        "--at".as_ref(),
        "2023-07-31".as_ref(),
        "--out".as_ref(),
        csv.as_os_str(),
    ]);
    assert!(ran.ok, "{}", ran.stderr);
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("layer,id,date,event_type,actor1"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines.len(),
        4,
        "three events in the 7 days to 31 July: {text}"
    );
    assert!(
        lines[1].contains(",TST4,2023-07-30,Explosions/Remote violence,"),
        "{text}"
    );
    let geojson = dir.join("events.geojson");
    let ran = sahel_atlas([
        "export".as_ref(),
        "--events".as_ref(),
        events.as_os_str(),
        "--at".as_ref(),
        "2023-07-31".as_ref(),
        "--out".as_ref(),
        geojson.as_os_str(),
    ]);
    assert!(ran.ok, "{}", ran.stderr);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&geojson).unwrap()).unwrap();
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 4, "30 days by default");
    assert_eq!(features[0]["properties"]["fatalities"], 12);
    assert_eq!(features[0]["geometry"]["coordinates"][1], 14.1);
    let bad = sahel_atlas([
        "render".as_ref(),
        "--window".as_ref(),
        "fortnight".as_ref(),
        "--at".as_ref(),
        "2023-07-31".as_ref(),
        "--out".as_ref(),
        png.as_os_str(),
    ]);
    assert!(
        !bad.ok && bad.stderr.contains("is not a window"),
        "{}",
        bad.stderr
    );
    std::fs::remove_dir_all(&dir).ok();
}

fn wait_idle(h: &mut Harness<'_, SahelApp>) {
    for _ in 0..3000 {
        h.step();
        if h.state().is_idle() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(2);
}

fn set_day(h: &mut Harness<'_, SahelApp>, date: &str) {
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDay(day(date))));
    h.run_steps(2);
}

#[test]
fn the_app_adds_a_layer_scrubs_and_lists_a_hexagons_events() {
    let mut h = harness();
    h.state_mut()
        .push(Command::Load(fixture("events/acled_31.csv"), None));
    h.step();
    wait_idle(&mut h);
    assert_eq!(
        h.state().document.events.len(),
        1,
        "{:?}",
        h.state().view.messages
    );
    // The layer's legend is a section of the side panel, beside the map, never over it.
    let legend = h.get_by_label_contains("Conflict events").rect();
    let map = map_rect(&h);
    assert!(
        legend.max.x <= map.min.x + 1.0,
        "the layer's legend {legend:?} covers the map {map:?}"
    );
    h.get_by_label_contains("ACLED: 6 events");
    set_day(&mut h, "2023-07-31");
    h.get_by_label_contains("4 events, 18 fatalities in the window ending 31 Jul 2023");
    set_day(&mut h, "2023-07-05");
    h.get_by_label_contains("2 events, 3 fatalities in the window ending 5 Jul 2023");
    // The Ansongo event (1 July, 3 fatalities) sits in a hexagon at the Sahel view. Arcs
    // are drawn over the hexagons and win a click: where one is hit, try beside it, still
    // inside the hexagon.
    let at = screen_of(&h, 0.5022, 15.6597);
    let mut listed = None;
    for d in [[0.0, 0.0], [4.0, 0.0], [-4.0, 0.0], [0.0, 4.0], [0.0, -4.0]] {
        click_at(&mut h, at + egui::vec2(d[0], d[1]));
        let view = &h.state().view;
        listed = view.events.listed.clone();
        if listed.is_some() {
            break;
        }
        eprintln!(
            "no list at {d:?}: selected {:?}, link {:?}",
            view.selected, view.selected_link
        );
        h.state_mut().push(Command::SelectLink(None));
        h.run_steps(2);
    }
    let listed = listed.expect("a hexagon's events listed");
    assert!(listed.hexagon);
    assert_eq!(listed.events.len(), 1);
    // The list opens over the right panel, not over the Sahel.
    let list = h.get_by_label("Events here").rect();
    assert!(
        list.center().x > map.center().x,
        "the list {list:?} sits left of the map's middle"
    );
    h.get_by_label_contains("1 Jul 2023 · Battles");
    h.get_by_label_contains("Test Armed Group A – Test State Forces");
    h.get_by_label_contains("Synthetic test row, not a real event.");
    // The window and the filter change what is shown.
    h.state_mut()
        .push(Command::Events(EventCommand::SetWindow(EventWindow::Days(
            7,
        ))));
    h.run_steps(2);
    h.get_by_label_contains("1 event, 3 fatalities in the window ending 5 Jul 2023");
    let hide = EventFilter {
        hidden_kinds: vec!["Battles".into()],
        actor: String::new(),
    };
    h.state_mut()
        .push(Command::Events(EventCommand::SetFilter(hide)));
    h.run_steps(2);
    h.get_by_label_contains("0 events, 0 fatalities in the window ending 5 Jul 2023");
}

#[test]
fn a_selected_state_shows_its_events_in_the_window() {
    let mut h = harness();
    h.state_mut()
        .push(Command::Load(fixture("events/acled_31.csv"), None));
    h.step();
    wait_idle(&mut h);
    set_day(&mut h, "2023-07-31");
    h.state_mut()
        .push(Command::SelectCountry(Some("MLI".into())));
    h.run_steps(3);
    // Mali's events in the 30 days to 31 July: Boni (5) and Kidal (0).
    h.get_by_label_contains("2 events, 5 fatalities in the 30 days to 31 Jul 2023");
    h.get_by_label_contains("Alignment over time");
}

#[test]
fn a_bad_event_file_changes_nothing_and_a_layer_with_bad_rows_loads() {
    let mut h = harness();
    h.state_mut()
        .push(Command::Load(fixture("events/acled_31.csv"), None));
    h.step();
    wait_idle(&mut h);
    h.state_mut().push(Command::Load(
        fixture("events/not_events.csv"),
        Some(sahel_atlas::io::FileKind::Events),
    ));
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().document.events.len(), 1, "the loaded layer stays");
    h.state_mut()
        .push(Command::Load(fixture("events/acled_bad_rows.csv"), None));
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().document.events.len(), 2);
    h.get_by_label_contains("4 rows of the file left out: they could not be read");
    h.get_by_label_contains("acled_bad_rows.csv:4:44: error: latitude 'north' is not a number");
}

#[test]
fn the_screen_and_the_png_draw_the_event_layer_alike() {
    let layer = crate::common::fine();
    let coarse = crate::common::coarse();
    let timeline = crate::common::timeline();
    let data = MapData {
        layer: &layer,
        places: &coarse,
        timeline: &timeline,
    };
    let events = spread_layer(20_000);
    for camera in [
        MapCamera::sahel([900.0, 560.0]),
        MapCamera::centered_on_lon_lat(-2.0, 14.0, 5000.0),
    ] {
        let options = RenderOptions {
            size: [900, 560],
            camera: Some(camera),
            events: EventOptions {
                layers: vec![events.clone()],
                window: EventWindow::Days(365),
                ..Default::default()
            },
            ..RenderOptions::at(jiff::civil::date(2020, 6, 1))
        };
        let list = sahel_atlas::export::frame(&data, &options);
        let (rings, circles) = event_items(&list);
        assert!(rings + circles > 20, "the layer is in the picture");
        crate::one_picture::assert_screen_matches_png(&data, &options, &layer);
    }
}

#[test]
fn hexagon_grids_are_cached_per_zoom_level() {
    let map = spread_layer(1000);
    let a = map.grid(1000.0) as *const _;
    let b = map.grid(1010.0) as *const _;
    let c = map.grid(2100.0) as *const _;
    assert_eq!(a, b, "one grid per zoom level");
    assert_ne!(a, c);
    let p = world_from_lon_lat(f64::from(map.layer.lon[0]), f64::from(map.layer.lat[0]));
    assert_eq!(
        map.grid(1000.0).cell_at(p),
        Some(map.grid(1000.0).cell_of[0])
    );
    let _ = Day(0);
}

#[test]
fn a_csv_whose_columns_are_not_known_asks_for_them_then_loads_and_is_remembered() {
    let mut h = harness();
    // Dropped or opened without saying what it is: a CSV of three columns or more is taken
    // for an event layer.
    h.state_mut()
        .push(Command::Load(fixture("events/generic.csv"), None));
    h.step();
    wait_idle(&mut h);
    let (_, preview) = h
        .state()
        .view
        .events
        .choosing
        .clone()
        .unwrap_or_else(|| panic!("the dialog asks: {:?}", h.state().view.messages));
    assert_eq!(
        preview.header,
        ["when", "lat", "lng", "category", "description"]
    );
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.guess(), [0, 1, 2], "guessed from the first rows");
    h.get_by_label_contains("No column of this CSV is recognised");
    h.get_by_label_contains("Latitude (lat)");
    h.get_by_label("Load").click();
    h.run_steps(2);
    wait_idle(&mut h);
    assert!(h.state().view.events.choosing.is_none());
    let events = &h.state().document.events;
    assert_eq!(events.len(), 1, "{:?}", h.state().view.messages);
    assert_eq!(events[0].layer.len(), 2);
    assert_eq!(events[0].layer.kind_name(0), "Drone strike");
    // Remembered for that header: the same file loads again without asking.
    h.state_mut()
        .push(Command::Load(fixture("events/generic.csv"), None));
    h.step();
    wait_idle(&mut h);
    assert!(h.state().view.events.choosing.is_none());
    assert_eq!(h.state().document.events.len(), 2);
}
