//! The map keeps the Sahel in view (issue #20): panels, banners and compare mode never cover
//! it, framing fits both ends and their labels, clicks do what the hover said, the controls
//! keep their places, and every file dialog has a typed path.

use egui::accesskit::Role;
use egui::{Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::compare::CompareCommand;
use sahel_atlas::app::dialogs::PathPurpose;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::app::view::Message;
use sahel_atlas::model::Status;

use crate::app_ui::{click_at, screen_of};
use crate::common::day;

/// The five Sahel capitals: Nouakchott, Bamako, Ouagadougou, Niamey, N'Djamena.
const CAPITALS: [(&str, f64, f64, &str); 5] = [
    ("Nouakchott", -15.98, 18.09, "Mauritania"),
    ("Bamako", -8.00, 12.65, "Mali"),
    ("Ouagadougou", -1.52, 12.37, "Burkina Faso"),
    ("Niamey", 2.11, 13.51, "Niger"),
    ("N'Djamena", 15.04, 12.13, "Chad"),
];

/// The app in a window of `size`, after its first frames (the 1:50m layer may still be on
/// its way).
fn app_of_size(w: f32, h: f32) -> Harness<'static, SahelApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(w, h))
        .with_max_steps(400)
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            crate::common::app_in_english(),
        );
    harness.run_steps(3);
    harness
}

fn go_to(h: &mut Harness<'_, SahelApp>, date: &str) {
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDay(day(date))));
    h.run_steps(3);
}

fn hover(h: &mut Harness<'_, SahelApp>, pos: Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    h.run_steps(2);
}

/// Every widget but the map whose box holds `p`.
fn widgets_at(h: &Harness<'_, SahelApp>, p: Pos2) -> Vec<String> {
    h.get_all_by(|node| {
        !matches!(node.role(), Role::Window | Role::GenericContainer)
            && node.label().as_deref() != Some(sahel_atlas::map::widget::map_label())
            && !crate::app_ui::on_map(node)
            && node.raw_bounds().is_some()
    })
    .filter(|node| node.rect().contains(p))
    .map(|node| {
        let node = node.accesskit_node();
        format!("{:?} {:?}", node.role(), node.label())
    })
    .collect()
}

fn compare_mode_keeps_the_capitals_in_view(w: f32, h_: f32) {
    let mut h = app_of_size(w, h_);
    go_to(&mut h, "2023-12-04");
    // A banner first: compare mode frames the map below it.
    h.state_mut().push(Command::ShowMessage(Message::error(
        "Could not open broken.geojson: 1 problem found. Nothing was changed.",
    )));
    h.run_steps(3);
    h.state_mut()
        .push(Command::Compare(CompareCommand::WithCurrent(day(
            "2023-07-25",
        ))));
    h.run_steps(80); // the flight
    assert!(h.state().compare_range().is_some());
    assert!(h.get_all_by_label_contains("Niger (").next().is_some());
    let (map, visible) = (h.state().view.map_rect, h.state().view.visible_rect);
    assert!(visible.min.y > map.min.y, "the banner is left out");
    assert!(map.contains_rect(visible));
    // The pointer away from the map (no tooltip on it).
    hover(&mut h, Pos2::new(w - 2.0, 2.0));
    for (name, lon, lat, _) in CAPITALS {
        let p = screen_of(&h, lon, lat);
        assert!(
            visible.shrink(20.0).contains(p),
            "{w}x{h_}: {name} at {p:?} outside the visible {visible:?}"
        );
        let covering = widgets_at(&h, p);
        assert!(covering.is_empty(), "{w}x{h_}: {name} under {covering:?}");
    }
    for (name, lon, lat, country) in CAPITALS {
        let p = screen_of(&h, lon, lat);
        // The map, and nothing above it, takes the pointer there: its node's value (what a
        // screen reader says) is the country under the pointer.
        hover(&mut h, p);
        let under = h
            .get_by_role_and_label(Role::Canvas, sahel_atlas::map::widget::map_label())
            .value();
        assert_eq!(
            under.as_deref(),
            Some(country),
            "{w}x{h_}: the map is not under the pointer at {name}"
        );
    }
}

#[test]
fn compare_mode_keeps_the_five_sahel_capitals_in_the_visible_rectangle() {
    compare_mode_keeps_the_capitals_in_view(1500.0, 920.0);
    compare_mode_keeps_the_capitals_in_view(1024.0, 640.0);
}

#[test]
fn a_click_inside_mali_on_a_faded_arc_selects_mali_on_the_first_frame() {
    let mut h = Harness::builder()
        .with_size(Vec2::new(1500.0, 920.0))
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            crate::common::app_in_english(),
        );
    h.step();
    // The France–Burkina Faso tie ended in 2023: its arc is drawn faded across Mali.
    let app = h.state();
    let timeline = app.timeline();
    let scene = app.scene();
    let layer = app.layer().clone();
    let ended: Vec<_> = scene
        .links
        .iter()
        .filter(|l| {
            let parties = &timeline.scenario().relationships[l.relationship].parties;
            l.status == Status::Ended
                && parties.iter().any(|p| p == "FRA")
                && parties.iter().any(|p| p == "BFA")
        })
        .collect();
    assert!(!ended.is_empty(), "an ended France–Burkina Faso tie");
    let mali = layer.country_index("MLI").expect("Mali");
    let camera = app.view.camera.expect("camera after the first frame");
    let rect = app.view.map_rect;
    let labels: Vec<Rect> = crate::app_ui::map_labels(&h)
        .into_iter()
        .map(|(_, bounds)| bounds.expand(25.0))
        .collect();
    let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
    let on_arc = ended
        .iter()
        .flat_map(|l| l.points_world.iter())
        .filter(|&&w| layer.country_at_world(w) == Some(mali))
        .map(|&w| {
            let s = camera.screen_from_world(w, center);
            Pos2::new(s[0] as f32, s[1] as f32)
        })
        .find(|p| !labels.iter().any(|r| r.contains(*p)))
        .expect("a point of the arc inside Mali, away from the labels");
    click_at(&mut h, on_arc);
    assert_eq!(h.state().view.selected.as_deref(), Some("MLI"));
    assert_eq!(h.state().view.selected_link, None, "not the faded arc");
}

/// The boxes of the time bar's controls.
fn control_rects(h: &Harness<'_, SahelApp>) -> Vec<(String, Rect)> {
    let play = if h.state().view.time.playing {
        "Pause"
    } else {
        "Play"
    };
    [
        "« Start",
        "‹ Previous event",
        play,
        "Next event ›",
        "End »",
        "Loop",
        "Go to date",
    ]
    .into_iter()
    .map(|label| {
        let rect = h.get_by_label(label).rect();
        (label.replace("Pause", "Play"), rect)
    })
    .collect()
}

#[test]
fn the_control_row_keeps_its_places_across_dates_and_playback() {
    let mut h = app_of_size(1500.0, 920.0);
    go_to(&mut h, "2012-01-01");
    let first = control_rects(&h);
    // Dates of every width: short months, long months, a month-precision event.
    for date in [
        "2013-05-01",
        "2020-09-28",
        "2023-12-04",
        "2024-11-30",
        "2016-07-07",
    ] {
        go_to(&mut h, date);
        assert_eq!(control_rects(&h), first, "at {date}");
    }
    // "Next event ›" clicked again and again stays under the pointer, and never hits Play.
    for _ in 0..5 {
        let next = h.get_by_label("Next event ›").rect().center();
        let before = h.state().day();
        click_at(&mut h, next);
        assert!(!h.state().view.time.playing, "the click landed on Play");
        assert!(h.state().day() > before);
        assert_eq!(control_rects(&h), first);
    }
    // Playing: Pause sits where Play was.
    h.get_by_label("Play").click();
    h.run_steps(2);
    assert!(h.state().view.time.playing);
    assert_eq!(control_rects(&h), first);
}

#[test]
fn a_month_precision_event_shows_as_its_month() {
    let mut h = app_of_size(1500.0, 920.0);
    let timeline = h.state().timeline().clone();
    let events = &timeline.scenario().events;
    let month = sahel_atlas::model::DatePrecision::Month;
    // An event known to the month, alone on its date.
    let event = events
        .iter()
        .find(|e| {
            e.precision == month
                && events
                    .iter()
                    .all(|o| o.date != e.date || o.precision == month)
        })
        .expect("an event known to the month");
    let date = event.date.to_string();
    go_to(&mut h, &date);
    let month = event.date.strftime("%B %Y").to_string();
    let day_first = event.date.strftime("%-d %B %Y").to_string();
    h.get_by_label(&month);
    assert!(h.query_by_label(&day_first).is_none(), "{day_first} shown");
}

#[test]
fn a_typed_path_exports_the_map_where_no_dialog_can_be_shown() {
    let dir = std::env::temp_dir().join(format!("sahel-atlas-typed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut h = app_of_size(1500.0, 920.0);
    for (purpose, title, name) in [
        (
            PathPurpose::Export(sahel_atlas::export::Format::Png),
            "Export the map as PNG",
            "typed-map",
        ),
        (
            PathPurpose::Export(sahel_atlas::export::Format::Csv),
            "Export the state as CSV",
            "typed-state.csv",
        ),
    ] {
        h.state_mut().push(Command::AskPath(purpose));
        h.run_steps(3);
        h.get_by_label(title);
        let target = dir.join(name);
        h.get_by_role_and_label(Role::TextInput, "Path")
            .set_text_value_accesskit(&target.display().to_string());
        h.run_steps(2);
        h.get_by_role_and_label(Role::Button, "Export").click();
        h.run_steps(2);
        assert!(h.query_by_label(title).is_none(), "the window closes");
        crate::app_ui::wait_idle(&mut h);
        let written = if target.extension().is_some() {
            target
        } else {
            target.with_extension("png")
        };
        let bytes = std::fs::read(&written).expect("the typed path was written");
        assert!(bytes.len() > 100, "{}", written.display());
        if written.extension().is_some_and(|e| e == "png") {
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        } else {
            let text = String::from_utf8(bytes).expect("CSV text");
            assert!(text.lines().count() > 10);
        }
        let note = format!("Exported {}.", written.display());
        assert!(
            h.state().view.messages.iter().any(|m| m.headline == note),
            "{:?}",
            h.state().view.messages
        );
    }
    // Every other file dialog has the window too; Cancel closes it and does nothing.
    for (purpose, title) in [
        (
            PathPurpose::Open(sahel_atlas::io::FileKind::Countries),
            "Open countries",
        ),
        (
            PathPurpose::Open(sahel_atlas::io::FileKind::Scenario),
            "Open scenario",
        ),
        (
            PathPurpose::Export(sahel_atlas::export::Format::Svg),
            "Export the map as SVG",
        ),
        (
            PathPurpose::Export(sahel_atlas::export::Format::GeoJson),
            "Export the state as GeoJSON",
        ),
        (PathPurpose::Changes(true), "Export the changes as Markdown"),
        (PathPurpose::Changes(false), "Export the changes as CSV"),
    ] {
        h.state_mut().push(Command::AskPath(purpose));
        h.run_steps(3);
        h.get_by_label(title);
        h.get_by_role_and_label(Role::Button, "Cancel").click();
        h.run_steps(3);
        assert!(h.query_by_label(title).is_none());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_sahel_alignment_window_fits_the_smallest_window() {
    for (w, h_) in [(1024.0, 640.0), (1500.0, 920.0)] {
        let mut h = app_of_size(w, h_);
        h.state_mut()
            .push(Command::Compare(CompareCommand::ShowSahelChart(true)));
        h.run_steps(4);
        let chart = h.get_by_label("Alignment chart: Sahel states").rect();
        assert!(
            chart.max.y <= h_,
            "{w}×{h_}: the chart ends at {}",
            chart.max.y
        );
        assert!(chart.height() >= 200.0, "{chart:?}");
        if h_ > 900.0 {
            // Room for the five at their full height.
            assert!(chart.height() >= 600.0, "{chart:?}");
        }
    }
}

#[test]
fn the_time_strip_reaches_the_end_of_the_span_in_the_smallest_window() {
    let mut h = app_of_size(1024.0, 640.0);
    go_to(&mut h, "2023-12-04");
    let end = h.state().timeline().end();
    let at_end = crate::app_ui::strip_point(&h, end);
    let x = at_end.x;
    assert!(x < 1024.0 - 4.0, "the span's end at x = {x}");
    // A click near the strip's end goes to the last year.
    click_at(&mut h, Pos2::new(x - 1.0, at_end.y));
    assert_eq!(h.state().day().to_date().year(), end.to_date().year());
    h.get_by_label("Go to date");
    let go = h.get_by_role_and_label(Role::Button, "Go").rect();
    assert!(go.max.x <= 1024.0, "Go is clipped: {go:?}");
    // The map keeps about half the window's width.
    let map = h.state().view.map_rect;
    assert!(map.width() >= 440.0, "{map:?}");
}

#[test]
fn banners_do_not_move_or_reframe_the_map() {
    let mut h = app_of_size(1500.0, 920.0);
    let (rect, camera) = (h.state().view.map_rect, h.state().view.camera);
    h.state_mut().push(Command::ShowMessage(Message::error(
        "Could not open x.geojson.",
    )));
    h.run_steps(3);
    assert_eq!(h.state().view.map_rect, rect);
    assert_eq!(h.state().view.camera, camera);
    assert!(h.state().view.visible_rect.min.y > rect.min.y);
    h.get_by_label("Dismiss").click();
    h.run_steps(3);
    assert!(h.state().view.messages.is_empty());
    assert_eq!(h.state().view.camera, camera);
}

#[test]
fn ctrl_f_and_slash_focus_find_and_a_space_typed_there_does_not_play() {
    let mut h = app_of_size(1500.0, 920.0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Find a country")
            .is_focused()
    );
    h.get_by_role_and_label(Role::TextInput, "Find a country")
        .type_text("burkina faso");
    h.key_press(egui::Key::Space);
    h.run_steps(3);
    assert!(
        !h.state().view.time.playing,
        "typing a space started playback"
    );
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().view.selected.as_deref(), Some("BFA"));
    // `/` focuses it too, and is not typed into it.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    h.event(egui::Event::Key {
        key: egui::Key::Slash,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::Text("/".to_owned()));
    h.run_steps(2);
    let find = h.get_by_role_and_label(Role::TextInput, "Find a country");
    assert!(find.is_focused());
    assert_eq!(find.value().as_deref(), Some(""));
}

#[test]
fn hide_ended_links_is_one_setting_with_the_legends_ended_box() {
    let mut h = app_of_size(1500.0, 920.0);
    h.state_mut().push(Command::SetHideEnded(true));
    h.run_steps(2);
    assert!(
        h.state()
            .view
            .filter
            .hidden_statuses
            .contains(&Status::Ended)
    );
    let mut filter = h.state().view.filter.clone();
    filter.toggle_status(Status::Ended);
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(2);
    assert!(!h.state().view.hide_ended);
    assert!(
        h.query_by_label("Hide ended links").is_none(),
        "not in the time bar"
    );
}

#[test]
fn the_legend_is_a_section_of_the_side_panel_and_its_rows_stay_put() {
    let mut h = app_of_size(1500.0, 920.0);
    go_to(&mut h, "2023-12-05");
    let map = h.state().view.map_rect;
    let row = |h: &Harness<'_, SahelApp>, status: Status| {
        let n = h
            .state()
            .state()
            .links()
            .filter(|l| l.status == status)
            .count();
        h.get_by_label(&format!("{} ({n})", status.label())).rect()
    };
    let before: Vec<Rect> = Status::ALL.iter().map(|&s| row(&h, s)).collect();
    for r in &before {
        assert!(!map.intersects(*r), "a legend row on the map: {r:?}");
    }
    let show_all = h.get_by_label("Show all links").rect();
    // Hiding a status moves nothing: the next click at the same place hits the same row.
    let active = h
        .get_all_by_role(Role::CheckBox)
        .find(|n| (n.rect().center().y - before[1].center().y).abs() < 2.0)
        .expect("the box of a row")
        .rect()
        .center();
    click_at(&mut h, active);
    assert!(!h.state().view.filter.is_empty());
    let after: Vec<Rect> = Status::ALL
        .iter()
        .map(|&s| {
            let label = format!("{} (", s.label());
            h.get_all_by_label_contains(&label)
                .next()
                .expect("row")
                .rect()
        })
        .collect();
    assert_eq!(before, after);
    assert_eq!(h.get_by_label("Show all links").rect(), show_all);
    click_at(&mut h, active);
    assert!(h.state().view.filter.is_empty(), "the same box again");
}

#[test]
fn the_events_list_filters_by_text_state_partner_and_kind_and_the_keys_pick_a_row() {
    let mut h = app_of_size(1500.0, 920.0);
    let total = h.state().timeline().scenario().events.len();
    h.get_by_label(&format!(
        "{total} of {total} events, 2012 – 2026. Click one to go to its date."
    ));
    let field = h.get_by_role_and_label(Role::TextInput, "Filter events");
    field.click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Filter events")
        .type_text("wagner");
    h.run_steps(3);
    let count = |h: &Harness<'_, SahelApp>| -> usize {
        let node = h
            .get_all_by_label_contains(" events, 2012")
            .next()
            .expect("the count");
        let node = node.accesskit_node();
        let label = node.value().or(node.label()).unwrap_or_default();
        label
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a number")
    };
    let wagner = count(&h);
    assert!(wagner > 0 && wagner < total, "{wagner}");
    // Down picks the first row, Enter goes to its date.
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    let timeline = h.state().timeline().clone();
    let first = timeline
        .events_in_order()
        .iter()
        .map(|&e| &timeline.scenario().events[e])
        .find(|e| sahel_atlas::fold(&format!("{} {}", e.title, e.summary)).contains("wagner"))
        .expect("a Wagner event");
    assert_eq!(
        h.state().day(),
        sahel_atlas::model::Day::from_date(first.date)
    );
}

/// Compare mode as `sahel-atlas --at 2023-12-04 --since 2023-07-25` opens it, in a window of
/// `w`×`h`, after the flight.
fn comparing(w: f32, h: f32) -> Harness<'static, SahelApp> {
    let mut app = app_of_size(w, h);
    go_to(&mut app, "2023-12-04");
    app.state_mut()
        .push(Command::Compare(CompareCommand::WithCurrent(day(
            "2023-07-25",
        ))));
    app.run_steps(80);
    hover(&mut app, Pos2::new(w - 2.0, 2.0));
    app
}

#[test]
fn in_compare_mode_marker_labels_keep_clear_of_country_labels_and_organisations() {
    use sahel_atlas::map::display::marks;
    for (w, h_) in [(1024.0, 640.0), (1500.0, 920.0)] {
        let h = comparing(w, h_);
        let app = h.state();
        // The map's names and markers, as the accessibility tree has them (screen points).
        let (labels, markers) = (
            crate::app_ui::map_labels(&h),
            crate::app_ui::map_markers(&h),
        );
        assert!(!markers.is_empty(), "{w}x{h_}: markers");
        // Open boxes: touching is not overlapping.
        let overlaps = |a: &Rect, b: &Rect| {
            a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
        };
        for (m, b) in &markers {
            for (text, bounds) in &labels {
                assert!(
                    !overlaps(b, bounds),
                    "{w}x{h_}: marker {m} overlaps the label {text}"
                );
            }
            let rect = app.view.map_rect;
            let camera = app.view.camera.expect("camera");
            let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
            for node in &app.scene().nodes {
                let s = camera.screen_from_world(node.world, center);
                let disc = Rect::from_center_size(
                    Pos2::new(s[0] as f32, s[1] as f32),
                    Vec2::splat(2.0 * marks::NODE_RADIUS),
                );
                assert!(
                    !overlaps(b, &disc),
                    "{w}x{h_}: marker {m} covers {}'s disc",
                    node.label
                );
            }
        }
        // Mauritania, where most of the marker labels leave by the left edge, keeps its name.
        assert!(
            labels.iter().any(|(text, _)| text == "Mauritania"),
            "{w}x{h_}: Mauritania is labelled"
        );
    }
}

#[test]
fn in_compare_mode_the_legend_rows_fit_the_side_panel() {
    for (w, h_) in [(1024.0, 640.0), (1500.0, 920.0)] {
        let h = comparing(w, h_);
        let map = h.state().view.map_rect;
        for (key, _) in sahel_atlas::map::display::COMPARE_LEGEND {
            let label = sahel_atlas::model::i18n::tr_static(key);
            // The legend's row, in the side panel left of the map.
            let rows: Vec<Rect> = h
                .get_all_by_label(label)
                .map(|n| n.rect())
                .filter(|r| r.min.x < map.min.x)
                .collect();
            assert!(!rows.is_empty(), "{w}x{h_}: no row \"{label}\"");
            for r in rows {
                assert!(
                    r.max.x <= map.min.x,
                    "{w}x{h_}: \"{label}\" ends at {} beyond the panel's edge at {}",
                    r.max.x,
                    map.min.x
                );
            }
        }
    }
}

/// The side panel's texts and buttons that run past its edge (the map's left side), with
/// their right ends.
fn past_the_side_panel(h: &Harness<'_, SahelApp>) -> Vec<(String, f32)> {
    let (edge, bottom) = (h.state().view.map_rect.min.x, h.state().view.map_rect.max.y);
    h.get_all_by(|node| {
        matches!(node.role(), Role::Label | Role::Button | Role::CheckBox)
            && node.raw_bounds().is_some()
    })
    .filter(|node| {
        let r = node.rect();
        r.min.x < edge - 20.0 && r.max.x > edge + 1.0 && r.min.y > 30.0 && r.max.y < bottom
    })
    .map(|node| {
        let r = node.rect();
        let node = node.accesskit_node();
        (format!("{:?}", node.label().or(node.value())), r.max.x)
    })
    .collect()
}

#[test]
fn the_side_panel_wraps_its_texts_when_the_window_shrinks() {
    let mut h = app_of_size(1500.0, 920.0);
    h.set_size(Vec2::new(1024.0, 640.0));
    h.run_steps(5);
    let past = past_the_side_panel(&h);
    assert!(past.is_empty(), "past the panel's edge: {past:?}");
    // Every section of the legend open, and an organisation with a long name selected.
    for section in ["Width and sites", "Kinds", "Partners", "Countries"] {
        h.get_by_label(section).click();
        h.run_steps(3);
    }
    h.state_mut()
        .push(Command::SelectCountry(Some("PLATFORM".to_owned())));
    h.run_steps(5);
    let past = past_the_side_panel(&h);
    assert!(past.is_empty(), "past the panel's edge: {past:?}");
    // A state's facts: their names keep to one line while the facts wrap.
    h.state_mut()
        .push(Command::SelectCountry(Some("MLI".to_owned())));
    h.run_steps(5);
    let past = past_the_side_panel(&h);
    assert!(past.is_empty(), "past the panel's edge: {past:?}");
    let population = h.get_by_label("Population").rect();
    assert!(population.height() < 20.0, "{population:?}");
}

#[test]
fn file_has_quit_and_help_has_about_with_the_version() {
    let mut h = app_of_size(1500.0, 920.0);
    h.get_by_label("File").click();
    h.run_steps(3);
    h.get_by_label("Quit");
    h.get_by_label("File").click();
    h.run_steps(3);
    h.get_by_label("Help").click();
    h.run_steps(3);
    h.get_by_label("About Sahel Atlas").click();
    h.run_steps(5);
    let version = format!("Sahel Atlas {}", env!("CARGO_PKG_VERSION"));
    assert!(
        h.query_all_by_label_contains(&version).next().is_some(),
        "the About window names the version"
    );
}
