//! Sites, sizes and notices (issue #19): read from a scenario, answered by the timeline,
//! carried by `state --json` and `export`, drawn on the map, and `check --sources`.

use sahel_atlas::model::RelIx;
use std::sync::Arc;

use sahel_atlas::map::MapCamera;
use sahel_atlas::map::display::{
    self, Highlights, Item, Meta, SITE_LABEL_SCALE, TROOPS_LEGEND_LABEL, map_frame, troops_width,
};
use sahel_atlas::map::projection::world_from_lon_lat;
use sahel_atlas::map::scene::build_scene;
use sahel_atlas::model::{Change, Notice, Size, Status, Timeline};

use crate::common::{Ran, coarse, day, fixture, sahel_atlas as run_atlas};

const FIXTURE: &str = "scenario/sites_sizes.json";

/// The fixture, loaded as the app and `check` load it.
fn sites_and_sizes() -> Arc<Timeline> {
    let bytes = std::fs::read(fixture(FIXTURE)).expect("fixture");
    let (scenario, warnings) =
        sahel_atlas::io::parse_scenario(FIXTURE, &bytes).expect("the fixture loads");
    assert!(warnings.is_empty(), "{warnings:#?}");
    Arc::new(Timeline::new(scenario))
}

#[test]
fn sites_sizes_and_notices_are_read_from_the_file() {
    let t = sites_and_sizes();
    let s = t.scenario();
    let site = s.relationships[0].site.as_ref().expect("a site");
    assert_eq!(site.name, "Air Base 101, Niamey");
    assert_eq!((site.lon, site.lat), (2.1703, 13.4817));
    assert!(s.relationships[1].site.is_none());
    // A size with a status, with a reaffirmation, and alone.
    assert!(matches!(
        &s.events[0].changes[0],
        Change::Relationship {
            size: Size {
                troops: Some(1500),
                amount: None
            },
            ..
        }
    ));
    let amount = s.events[0].changes[1]
        .size()
        .and_then(|z| z.amount)
        .expect("amount");
    assert_eq!(
        (amount.value, amount.currency.as_str()),
        (27_300_000, "EUR")
    );
    assert!(matches!(
        &s.events[1].changes[0],
        Change::Size {
            size: Size {
                troops: Some(2000),
                ..
            },
            ..
        }
    ));
    assert!(
        matches!(&s.events[2].changes[0], Change::Reaffirmed { size, .. } if size.amount.is_some())
    );
    assert_eq!(s.events[3].notice, Some(Notice::parse("P6M").unwrap()));
    // Written back, the file reads the same.
    let text = serde_json::to_string(s).unwrap();
    assert!(text.contains(r#""notice":"P6M""#) && text.contains(r#""troops":2000"#));
    let again: sahel_atlas::model::Scenario = serde_json::from_str(&text).unwrap();
    assert_eq!(&again, s);
}

#[test]
fn bad_sizes_sites_and_notices_are_clear_errors_at_their_place() {
    let good = std::fs::read_to_string(fixture(FIXTURE)).unwrap();
    for (from, to, says) in [
        (r#""troops": 1500"#, r#""troops": -5"#, "invalid value"),
        (r#""currency": "EUR""#, r#""currency": "euro""#, "ISO 4217"),
        (
            r#""notice": "P6M""#,
            r#""notice": "six months""#,
            "ISO 8601 period",
        ),
        (r#""lat": 13.4817"#, r#""lat": 113.4817"#, "site latitude"),
        (
            r#"{"relationship": "fra-ner", "troops": 2000}"#,
            r#"{"troops": 2000}"#,
            "add \"relationship\"",
        ),
    ] {
        assert!(good.contains(from), "{from}");
        let bad = good.replacen(from, to, 1);
        let error =
            sahel_atlas::io::parse_scenario("bad.json", bad.as_bytes()).expect_err("does not load");
        let line = error.diagnostics[0].to_string();
        assert!(
            line.starts_with("bad.json:") && line.contains(says),
            "{line}"
        );
    }
}

#[test]
fn the_timeline_answers_each_ties_size_at_a_date() {
    let t = sites_and_sizes();
    let troops = |date: &str| {
        t.state_at(day(date))
            .link(RelIx::new(0))
            .map(|l| l.size.troops)
    };
    assert_eq!(troops("2020-02-01"), None, "not yet there");
    assert_eq!(troops("2020-03-01"), Some(Some(1500)));
    // A size-only change updates the size from its date, the status stays.
    assert_eq!(troops("2020-09-01"), Some(Some(2000)));
    assert_eq!(
        t.state_at(day("2020-09-01"))
            .link(RelIx::new(0))
            .unwrap()
            .status,
        Status::Active
    );
    assert_eq!(troops("2021-06-01"), Some(Some(400)));
    // Once ended, a tie has no size; its history keeps the figures.
    assert_eq!(troops("2021-10-01"), Some(None));
    assert_eq!(
        t.size_at(RelIx::new(0), day("2021-10-01")).troops,
        Some(400)
    );
    let history: Vec<Option<u32>> = t
        .size_history(RelIx::new(0))
        .map(|(_, s, _)| s.troops)
        .collect();
    assert_eq!(history, [Some(1500), Some(2000), Some(400)]);
    // The EU mission's amount, renewed by a reaffirmation; troops never given.
    let eu = t.state_at(day("2021-07-01")).link(RelIx::new(1)).unwrap();
    assert_eq!(eu.size.amount.map(|a| a.value), Some(40_000_000));
    assert_eq!(eu.size.troops, None);
    assert_eq!(eu.size.label(), "€40 million");
    // Seeking there gives the same as building the state afresh.
    let mut state = t.state_at(day("2020-01-01"));
    t.seek(&mut state, day("2020-09-15"));
    assert_eq!(state.link(RelIx::new(0)).unwrap().size.troops, Some(2000));
}

#[test]
fn state_json_carries_site_troops_and_amount() {
    let path = fixture(FIXTURE);
    let path = path.to_str().unwrap();
    let ran = run_atlas(["state", "--at", "2020-10-01", "--json", "--scenario", path]);
    assert!(ran.ok, "{}", ran.stderr);
    let v: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let link = |id: &str| {
        v["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .cloned()
            .unwrap()
    };
    let fra = link("fra-ner");
    assert_eq!(
        fra["site"],
        serde_json::json!({"name": "Air Base 101, Niamey", "lon": 2.1703, "lat": 13.4817})
    );
    assert_eq!(fra["troops"], 2000);
    assert_eq!(fra["amount"], serde_json::Value::Null);
    let eu = link("eu-ner");
    assert_eq!(eu["site"], serde_json::Value::Null);
    assert_eq!(
        eu["amount"],
        serde_json::json!({"value": 27_300_000, "currency": "EUR"})
    );
    // The table says it too.
    let table = run_atlas(["state", "--at", "2020-10-01", "--scenario", path]);
    assert!(
        table
            .stdout
            .contains("at Air Base 101, Niamey  2,000 troops"),
        "{}",
        table.stdout
    );
}

#[test]
fn export_geojson_and_csv_carry_site_troops_and_amount() {
    let t = sites_and_sizes();
    let date = sahel_atlas::model::parse_date("2020-10-01").unwrap();
    let geojson = sahel_atlas::export::state_geojson(&t, &coarse(), date);
    let v: serde_json::Value = serde_json::from_str(&geojson).unwrap();
    let features = v["features"].as_array().unwrap();
    let arc = features
        .iter()
        .find(|f| f["properties"]["id"] == "fra-ner")
        .expect("the arc");
    let p = &arc["properties"];
    assert_eq!(
        (&p["site"], &p["site_lon"], &p["site_lat"], &p["troops"]),
        (
            &serde_json::json!("Air Base 101, Niamey"),
            &serde_json::json!(2.1703),
            &serde_json::json!(13.4817),
            &serde_json::json!(2000)
        )
    );
    // The arc ends at the site, which is a point of its own.
    let end = arc["geometry"]["coordinates"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(end, serde_json::json!([2.1703, 13.4817]));
    assert!(features.iter().any(|f| f["properties"]["feature"] == "site"
        && f["properties"]["ties"] == "fra-ner"
        && f["geometry"]["coordinates"] == serde_json::json!([2.1703, 13.4817])));
    let eu = features
        .iter()
        .find(|f| f["properties"]["id"] == "eu-ner")
        .unwrap();
    assert_eq!(eu["properties"]["amount"], 27_300_000);
    assert_eq!(eu["properties"]["amount_currency"], "EUR");

    let csv = sahel_atlas::export::state_csv(&t, date);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",site,site_lon,site_lat,troops,amount,amount_currency")
    );
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows[0].starts_with("fra-ner,") && rows[0].ends_with(",2000,,"),
        "{}",
        rows[0]
    );
    assert!(
        rows[0].contains(",\"Air Base 101, Niamey\",2.1703,13.4817,"),
        "{}",
        rows[0]
    );
    assert!(rows[1].ends_with(",,,,,27300000,EUR"), "{}", rows[1]);
}

/// The display list of the fixture's map at `date`, seen at `scale` around Niamey.
fn frame_at(t: &Timeline, date: &str, scale: f64) -> display::DisplayList {
    let layer = coarse();
    let state = t.state_at(day(date));
    let scene = build_scene(&layer, &layer, t, &state, false);
    let camera = MapCamera {
        center_world: world_from_lon_lat(5.0, 20.0),
        scale,
    };
    map_frame(
        &layer,
        scene.as_ref(),
        camera,
        [1600.0, 1000.0],
        &Highlights::default(),
    )
}

#[test]
fn an_arc_with_a_site_ends_at_the_site_with_a_marker_named_when_zoomed_in() {
    let t = sites_and_sizes();
    let layer = coarse();
    let state = t.state_at(day("2020-10-01"));
    let scene = build_scene(&layer, &layer, &t, &state, false);
    let fra = scene
        .links
        .iter()
        .find(|l| l.relationship == RelIx::new(0))
        .unwrap();
    assert_eq!(
        fra.points_world.last().copied(),
        Some(world_from_lon_lat(2.1703, 13.4817))
    );
    let eu = scene
        .links
        .iter()
        .find(|l| l.relationship == RelIx::new(1))
        .unwrap();
    assert_ne!(
        eu.points_world.last(),
        fra.points_world.last(),
        "the EU's arc goes to Niger"
    );

    let zoomed = frame_at(&t, "2020-10-01", SITE_LABEL_SCALE);
    let site_px = zoomed.pixel_from_world(world_from_lon_lat(2.1703, 13.4817));
    let marker = zoomed.items.iter().any(|i| match i {
        Item::Rings { rings, .. } => {
            rings.len() == 1
                && rings[0].len() == 4
                && rings[0]
                    .iter()
                    .all(|p| (p[0] - site_px[0]).abs() <= 4.01 && (p[1] - site_px[1]).abs() <= 4.01)
        }
        _ => false,
    });
    assert!(marker, "a diamond at the site");
    assert!(zoomed.texts().any(|t| t == "Air Base 101, Niamey"));
    // Zoomed out: the marker stays, the name goes.
    let wide = frame_at(&t, "2020-10-01", SITE_LABEL_SCALE / 2.0);
    assert!(!wide.texts().any(|t| t == "Air Base 101, Niamey"));
    assert!(wide.items.iter().any(|i| matches!(i, Item::Group("sites"))));
}

#[test]
fn arc_width_follows_troops_where_known() {
    let t = sites_and_sizes();
    let width_of = |date: &str, r: RelIx| {
        frame_at(&t, date, 1000.0)
            .items
            .iter()
            .find_map(|i| match i {
                Item::Polyline {
                    line,
                    meta: Some(Meta::Link(x, _)),
                    ..
                } if *x == r => Some(line.width),
                _ => None,
            })
    };
    assert_eq!(
        width_of("2020-06-01", RelIx::new(0)),
        Some(troops_width(1500))
    );
    assert_eq!(
        width_of("2020-10-01", RelIx::new(0)),
        Some(troops_width(2000))
    );
    assert!(troops_width(2000) > troops_width(1500) && troops_width(10_000) > troops_width(2000));
    // No troops given: the status's width.
    assert_eq!(
        width_of("2020-10-01", RelIx::new(1)),
        Some(display::Line::of_link(Status::Active).width)
    );
    // The legend explains the scale, in pictures as on screen.
    let layer = coarse();
    let data = sahel_atlas::export::MapData {
        layer: &layer,
        places: &layer,
        timeline: &t,
    };
    let options = sahel_atlas::export::RenderOptions {
        size: [1600, 1000],
        ..sahel_atlas::export::RenderOptions::at(
            sahel_atlas::model::parse_date("2020-10-01").unwrap(),
        )
    };
    let picture = sahel_atlas::export::frame(&data, &options);
    let label = sahel_atlas::model::i18n::tr_static(TROOPS_LEGEND_LABEL);
    assert!(
        picture.texts().any(|t| t == label),
        "no {label:?} in the legend"
    );
}

fn check_sources(file: &str) -> Ran {
    let path = fixture(file);
    run_atlas(["check", "--sources", path.to_str().unwrap()])
}

#[test]
fn check_sources_passes_a_scenario_whose_ties_are_all_sourced() {
    let ran = check_sources(FIXTURE);
    assert!(ran.ok, "{}", ran.stdout);
    assert!(
        ran.stdout
            .contains(": sources: every tie's beginning has a source"),
        "{}",
        ran.stdout
    );
}

#[test]
fn check_sources_lists_a_tie_whose_beginning_has_no_source() {
    let ran = check_sources("scenario/sources/unsourced_beginning.json");
    assert_eq!(ran.code, Some(1), "{}", ran.stdout);
    let lines = error_lines(&ran.stdout);
    assert_eq!(lines.len(), 1, "{}", ran.stdout);
    assert!(
        lines[0].contains(
            "unsourced_beginning.json:11:5: error: beginning without a source: \"old-agreement\""
        ),
        "{}",
        lines[0]
    );
    // Plain `check` is clean: the lists are only asked for with --sources.
    let plain = run_atlas([
        "check",
        fixture("scenario/sources/unsourced_beginning.json")
            .to_str()
            .unwrap(),
    ]);
    assert!(
        plain.ok && !plain.stdout.contains("error"),
        "{}",
        plain.stdout
    );
}

#[test]
fn check_sources_lists_a_status_unconfirmed_for_a_year() {
    let ran = check_sources("scenario/sources/stale_status.json");
    assert_eq!(ran.code, Some(1), "{}", ran.stdout);
    let lines = error_lines(&ran.stdout);
    assert_eq!(lines.len(), 1, "{}", ran.stdout);
    assert!(lines[0].contains("stale_status.json:11:5: error: status not confirmed lately: \"cooperation\" is active on research_until 2021-11-30, but no source has spoken of it since 2020-02-01"), "{}", lines[0]);
}

#[test]
fn check_sources_lists_a_tie_winding_down_past_its_notice() {
    let ran = check_sources("scenario/sources/past_notice.json");
    assert_eq!(ran.code, Some(1), "{}", ran.stdout);
    let lines = error_lines(&ran.stdout);
    assert_eq!(lines.len(), 1, "{}", ran.stdout);
    assert!(
        lines[0].contains("past_notice.json:16:"),
        "at the notice: {}",
        lines[0]
    );
    assert!(lines[0].contains("winding down past its notice: \"agreement\" winds down from 2020-12-01 with notice P6M (it ran out on 2021-06-01), but is still winding down on 2021-11-30"), "{}", lines[0]);
}

#[test]
fn the_shipped_scenario_puts_the_presences_at_their_bases_with_their_sizes() {
    let t = crate::common::timeline();
    let tie = |id: &str| t.relationship_index(id).expect(id);
    let site = |id: &str| {
        t.scenario().relationships[tie(id)]
            .site
            .clone()
            .expect(id)
            .name
    };
    assert_eq!(site("fra-forces-ner"), "Air Base 101, Niamey");
    assert_eq!(site("usa-ner-forces"), "Air Base 201, Agadez");
    assert_eq!(site("fra-forces-tcd"), "Adji Kosseï air base, N'Djamena");
    assert!(site("fra-forces-bfa").contains("Kamboinsin"));
    assert!(site("fra-base-civ").contains("Port-Bouët"));
    assert!(site("deu-minusma-contingent").contains("Gao"));
    assert_eq!(site("tcd-minusma-contingent"), "Tessalit");
    let troops = |id: &str, date: &str| {
        t.state_at(day(date))
            .link(tie(id))
            .and_then(|l| l.size.troops)
    };
    assert_eq!(troops("fra-forces-ner", "2023-11-01"), Some(1500));
    assert_eq!(troops("usa-ner-forces", "2024-04-01"), Some(1000));
    assert_eq!(troops("minusma", "2017-01-01"), Some(13_289));
    assert_eq!(troops("fra-forces-ner", "2024-01-01"), None, "ended");
    let eumpm = t
        .state_at(day("2023-06-01"))
        .link(tie("eumpm-niger"))
        .unwrap();
    // About ten people at its launch (Bruxelles2 via IMI, issue #19's second pass) and the
    // Council's budget.
    assert_eq!(eumpm.size.label(), "10 troops · €27.3 million");
    // Every figure comes with the sources of the event that gives it.
    for (r, _) in t.scenario().relationships_ix() {
        for (_, _, e) in t.size_history(r) {
            assert!(!t.scenario().events[e].sources.is_empty());
        }
    }
}

/// The `error:` lines of a `check` report.
fn error_lines(stdout: &str) -> Vec<&str> {
    stdout.lines().filter(|l| l.contains("error:")).collect()
}
