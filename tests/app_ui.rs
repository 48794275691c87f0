//! The real app driven through egui_kittest: clicks on the map, keys, buttons and fields.

use egui::accesskit::Role;
use egui::{Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_atlas::SahelApp;
use sahel_atlas::map::widget::screen_from_lon_lat;

use crate::common::day;

pub fn harness() -> Harness<'static, SahelApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1500.0, 920.0))
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), SahelApp::new());
    harness.run_steps(3);
    harness
}

/// Screen position of a lon/lat on the app's map as last drawn.
pub fn screen_of(harness: &Harness<'_, SahelApp>, lon: f64, lat: f64) -> Pos2 {
    let app = harness.state();
    screen_from_lon_lat(
        &app.camera.expect("camera after first frame"),
        app.map_rect,
        lon,
        lat,
    )
}

pub fn click_at(harness: &mut Harness<'_, SahelApp>, pos: Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run_steps(3);
}

fn press(harness: &mut Harness<'_, SahelApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

fn date_label(harness: &Harness<'_, SahelApp>) -> String {
    harness
        .state()
        .day()
        .to_date()
        .strftime("%-d %B %Y")
        .to_string()
}

#[test]
fn clicking_niamey_selects_niger_and_shows_its_details() {
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    assert_eq!(h.state().selected.as_deref(), Some("NER"));
    assert!(!h.get_all_by_label("Niger").collect::<Vec<_>>().is_empty());
    h.get_by_label_contains("Republic of Niger");
    h.get_by_label_contains("Population");
}

#[test]
fn escape_clears_the_selection() {
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    assert!(h.state().selected.is_some());
    press(&mut h, egui::Key::Escape);
    assert_eq!(h.state().selected, None);
}

#[test]
fn clicking_the_sea_clears_the_selection() {
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    let gulf = screen_of(&h, 2.0, 2.0);
    click_at(&mut h, gulf);
    assert_eq!(h.state().selected, None);
}

#[test]
fn zoom_buttons_change_the_view() {
    let mut h = harness();
    let before = h.state().camera.expect("camera").scale;
    h.get_by_label("+").click();
    h.run_steps(2);
    let zoomed = h.state().camera.expect("camera").scale;
    assert!(zoomed > before * 1.2, "{before} -> {zoomed}");
    h.get_by_label("−").click();
    h.run_steps(2);
    let back = h.state().camera.expect("camera").scale;
    assert!((back - before).abs() < 1e-6 * before, "{before} -> {back}");
}

/// Turns the mouse wheel over `pos` until the app settles.
fn wheel_at(harness: &mut Harness<'_, SahelApp>, pos: Pos2, delta_y: f32) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.step();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, delta_y),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(40);
}

#[test]
fn wheel_zooms_about_the_pointer_and_switches_to_the_50m_layer() {
    let mut h = harness();
    assert!(!h.state().showing_fine_layer());
    let niamey = screen_of(&h, 2.11, 13.51);
    let before = h.state().camera.expect("camera").scale;
    wheel_at(&mut h, niamey, 240.0);
    let after = h.state().camera.expect("camera").scale;
    assert!(after > before * 1.5, "{before} -> {after}");
    assert!(h.state().showing_fine_layer());
    // Niamey is still under the pointer, and the fine layer hits Niger there.
    let still = screen_of(&h, 2.11, 13.51);
    assert!(
        still.distance(niamey) < 2.0,
        "{niamey:?} moved to {still:?}"
    );
    click_at(&mut h, niamey);
    assert_eq!(h.state().selected.as_deref(), Some("NER"));
}

#[test]
fn searching_mali_selects_mali() {
    let mut h = harness();
    h.get_by_role_and_label(Role::TextInput, "Find a country")
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Find a country")
        .type_text("mali");
    h.run_steps(2);
    press(&mut h, egui::Key::Enter);
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("MLI"));
}

#[test]
fn searching_is_accent_and_case_blind() {
    let layer = sahel_atlas::data::coarse_layer().expect("layer");
    let hits = sahel_atlas::search_countries(layer.countries(), "cote d'ivoire");
    assert_eq!(
        hits.first().map(|&i| layer.countries()[i].key.as_str()),
        Some("CIV")
    );
    let hits = sahel_atlas::search_countries(layer.countries(), "MALI");
    assert_eq!(
        hits.first().map(|&i| layer.countries()[i].key.as_str()),
        Some("MLI")
    );
}

#[test]
fn arrow_right_moves_to_the_next_event_and_highlights_it() {
    let mut h = harness();
    let start_label = date_label(&h);
    h.get_by_label(&start_label);
    let t = crate::common::timeline();
    let before = t.current_event_position(h.state().day());
    press(&mut h, egui::Key::ArrowRight);
    let after_label = date_label(&h);
    assert_ne!(start_label, after_label);
    h.get_by_label(&after_label);
    let after = t.current_event_position(h.state().day());
    assert_ne!(before, after);
    assert_eq!(Some(h.state().day()), after.map(|p| t.event_days()[p]));
}

#[test]
fn clicking_an_event_in_the_list_lands_on_its_date() {
    let mut h = harness();
    // The event on 26 July 2023: Niger's coup.
    let node = h.get_by_label_contains("26 Jul 2023 ·");
    node.click_accesskit();
    h.run_steps(3);
    assert_eq!(h.state().day(), day("2023-07-26"));
}

#[test]
fn play_advances_time() {
    let mut h = harness();
    let before = h.state().day();
    h.get_by_label("Play").click();
    h.run_steps(30);
    assert!(h.state().time.playing || h.state().day() > before);
    assert!(
        h.state().day() > before,
        "{:?} -> {:?}",
        before,
        h.state().day()
    );
    press(&mut h, egui::Key::Space);
    assert!(!h.state().time.playing);
}

#[test]
fn niger_government_changes_across_the_july_2023_coup_in_the_panel() {
    let mut h = harness();
    h.state_mut().push(sahel_atlas::command::Command::Time(
        sahel_atlas::time_control::TimeCommand::SetDay(day("2023-07-25")),
    ));
    h.run_steps(2);
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    h.get_by_label_contains("Government: civilian, Mohamed Bazoum");
    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().day(), day("2023-07-26"));
    h.get_by_label_contains("Government: military, Abdourahamane Tiani");
}
