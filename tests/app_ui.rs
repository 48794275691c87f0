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
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            crate::common::app_in_english(),
        );
    harness.run_steps(3);
    // The 1:50m layer is prepared off the UI thread.
    wait_idle(&mut harness);
    harness
}

/// The map's rectangle as last drawn: its node in the accessibility tree.
pub fn map_rect(harness: &Harness<'_, SahelApp>) -> egui::Rect {
    harness
        .get_by_role_and_label(Role::Canvas, sahel_atlas::map::widget::map_label())
        .rect()
}

/// The names the map placed in its last frame: the label children of its node in the
/// accessibility tree, each with its text and box (screen points).
pub fn map_labels(harness: &Harness<'_, SahelApp>) -> Vec<(String, egui::Rect)> {
    map_children(harness, Role::Label)
}

/// The edge markers the map placed in its last frame: the button children of its node, each
/// with its label and the box of that label (screen points).
pub fn map_markers(harness: &Harness<'_, SahelApp>) -> Vec<(String, egui::Rect)> {
    map_children(harness, Role::Button)
}

/// Whether `node` is one of the names or markers placed on the map (a child of its node).
pub fn on_map(node: &egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    node.parent()
        .is_some_and(|p| p.label().as_deref() == Some(sahel_atlas::map::widget::map_label()))
}

fn map_children(harness: &Harness<'_, SahelApp>, role: Role) -> Vec<(String, egui::Rect)> {
    let map = harness.get_by_role_and_label(Role::Canvas, sahel_atlas::map::widget::map_label());
    map.query_all_by_role(role)
        .map(|n| {
            let node = egui_kittest::kittest::NodeT::accesskit_node(&n);
            let text = node.value().or_else(|| node.label()).unwrap_or_default();
            (text, n.rect())
        })
        .collect()
}

/// Screen position of a lon/lat on the app's map as last drawn.
pub fn screen_of(harness: &Harness<'_, SahelApp>, lon: f64, lat: f64) -> Pos2 {
    let camera = harness.state().view.camera;
    screen_from_lon_lat(
        &camera.expect("camera after first frame"),
        map_rect(harness),
        lon,
        lat,
    )
}

/// Where the time strip shows `day`, half way up its track: found through its node in the
/// accessibility tree (a slider named "Time strip" whose bounds are the track).
pub fn strip_point(harness: &Harness<'_, SahelApp>, day: sahel_atlas::model::Day) -> Pos2 {
    let track = harness
        .get_by_role_and_label(Role::Slider, "Time strip")
        .rect();
    let timeline = harness.state().timeline();
    let (start, end) = (timeline.start(), timeline.end());
    let t = f64::from(day.0 - start.0) / f64::from((end.0 - start.0).max(1));
    Pos2::new(track.min.x + t as f32 * track.width(), track.center().y)
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
    assert_eq!(h.state().view.selected.as_deref(), Some("NER"));
    assert!(!h.get_all_by_label("Niger").collect::<Vec<_>>().is_empty());
    h.get_by_label_contains("Republic of Niger");
    h.get_by_label_contains("Population");
}

#[test]
fn escape_clears_the_selection() {
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    assert!(h.state().view.selected.is_some());
    press(&mut h, egui::Key::Escape);
    assert_eq!(h.state().view.selected, None);
}

#[test]
fn clicking_the_sea_clears_the_selection() {
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    let gulf = screen_of(&h, 2.0, 2.0);
    click_at(&mut h, gulf);
    assert_eq!(h.state().view.selected, None);
}

#[test]
fn zoom_buttons_change_the_view() {
    let mut h = harness();
    let before = h.state().view.camera.expect("camera").scale;
    h.get_by_label("+").click();
    h.run_steps(2);
    let zoomed = h.state().view.camera.expect("camera").scale;
    assert!(zoomed > before * 1.2, "{before} -> {zoomed}");
    h.get_by_label("−").click();
    h.run_steps(2);
    let back = h.state().view.camera.expect("camera").scale;
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
    let before = h.state().view.camera.expect("camera").scale;
    wheel_at(&mut h, niamey, 240.0);
    let after = h.state().view.camera.expect("camera").scale;
    assert!(after > before * 1.5, "{before} -> {after}");
    assert!(h.state().showing_fine_layer());
    // Niamey is still under the pointer, and the fine layer hits Niger there.
    let still = screen_of(&h, 2.11, 13.51);
    assert!(
        still.distance(niamey) < 2.0,
        "{niamey:?} moved to {still:?}"
    );
    click_at(&mut h, niamey);
    assert_eq!(h.state().view.selected.as_deref(), Some("NER"));
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
    assert_eq!(h.state().view.selected.as_deref(), Some("MLI"));
}

#[test]
fn searching_is_accent_and_case_blind() {
    let layer = sahel_atlas::map::embedded::coarse_layer().expect("layer");
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
    // Near the current date (5 Dec 2023) in the list: Burkina Faso and Niger leave the G5.
    let node = h.get_by_label_contains("2 Dec 2023 · Burkina Faso and Niger quit");
    node.click();
    h.run_steps(3);
    assert_eq!(h.state().day(), day("2023-12-02"));
}

#[test]
fn play_advances_time() {
    let mut h = harness();
    let before = h.state().day();
    h.get_by_label("Play").click();
    h.run_steps(30);
    assert!(h.state().view.time.playing || h.state().day() > before);
    assert!(
        h.state().day() > before,
        "{:?} -> {:?}",
        before,
        h.state().day()
    );
    press(&mut h, egui::Key::Space);
    assert!(!h.state().view.time.playing);
}

#[test]
fn niger_government_changes_across_the_july_2023_coup_in_the_panel() {
    let mut h = harness();
    h.state_mut().push(sahel_atlas::app::command::Command::Time(
        sahel_atlas::app::time_control::TimeCommand::SetDay(day("2023-07-25")),
    ));
    h.run_steps(2);
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    h.get_by_label_contains("Government: civilian, Mohamed Bazoum");
    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().day(), day("2023-07-26"));
    h.get_by_label_contains("Government: military, CNSP junta");
    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().day(), day("2023-07-28"));
    h.get_by_label_contains("Government: military, Abdourahamane Tiani");
}

/// A file dropped on the window, as the platform reports it.
#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, SahelApp>, path: &str) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.into())));
    harness.step();
    // Loading runs off the UI thread; wait for it like a person would.
    wait_idle(harness);
}

fn fixture(name: &str) -> String {
    crate::common::fixture(name).display().to_string()
}

#[test]
fn a_broken_file_dropped_on_the_window_changes_nothing_and_says_why() {
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    let countries_before = h.state().layer().countries().len();
    let events_before = h.state().timeline().scenario().events.len();
    let day_before = h.state().day();
    drop_file(&mut h, &fixture("countries/truncated.geojson"));
    let app = h.state();
    assert_eq!(app.layer().countries().len(), countries_before);
    assert_eq!(app.timeline().scenario().events.len(), events_before);
    assert_eq!(app.day(), day_before);
    assert_eq!(app.view.selected.as_deref(), Some("NER"));
    assert_eq!(app.view.messages.len(), 1);
    h.get_by_label_contains("Could not open");
    h.get_by_label_contains("truncated.geojson:2:");
    h.get_by_label_contains("ends too soon");
    // The map still works: Niger is still there to click.
    click_at(&mut h, niamey);
    assert_eq!(h.state().view.selected.as_deref(), Some("NER"));
}

#[test]
fn a_scenario_dropped_on_the_window_replaces_the_scenario() {
    let mut h = harness();
    drop_file(&mut h, &fixture("scenario/tiny.json"));
    let app = h.state();
    assert!(app.view.messages.is_empty(), "{:?}", app.view.messages);
    assert_eq!(app.timeline().scenario().title, "Tiny");
    h.get_by_label_contains("2 events");
}

#[test]
fn the_app_remembers_date_selection_and_view() {
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    h.get_by_label("+").click();
    h.run_steps(2);
    press(&mut h, egui::Key::ArrowLeft);
    let saved = h.state().persisted();
    let mut next = harness();
    next.state_mut().restore(saved.clone());
    next.run_steps(3);
    let app = next.state();
    assert_eq!(app.day(), h.state().day());
    assert_eq!(app.view.selected.as_deref(), Some("NER"));
    assert_eq!(app.view.camera, h.state().view.camera);
}

#[test]
fn a_remembered_file_that_has_vanished_is_reported_not_fatal() {
    let mut h = harness();
    h.state_mut().restore(sahel_atlas::app::persist::Persisted {
        scenario_path: Some("/nonexistent/gone.json".into()),
        ..Default::default()
    });
    h.run_steps(2);
    assert!(h.state().timeline().scenario().events.len() >= 134);
    h.get_by_label_contains("gone.json, has since vanished");
}

#[test]
fn ended_links_fade_and_can_be_hidden() {
    use sahel_atlas::model::Status;
    let mut h = harness();
    let ended = |h: &Harness<'_, SahelApp>| {
        h.state()
            .scene()
            .links
            .iter()
            .filter(|l| l.status == Status::Ended)
            .count()
    };
    assert!(ended(&h) > 0, "some links have ended by December 2023");
    // The legend's "Ended" row (one setting with View → Hide ended links).
    h.get_all_by_label_contains("Ended (")
        .next()
        .expect("the legend's Ended row")
        .click();
    h.run_steps(2);
    assert_eq!(ended(&h), 0);
    assert!(h.state().view.hide_ended);
    assert!(!h.state().scene().links.is_empty(), "live links stay");
}

#[test]
fn a_link_click_shows_its_history() {
    let mut h = harness();
    // The list of links at the date is reachable without the mouse on the map.
    h.get_by_label_contains("All links at this date").click();
    h.run_steps(2);
    h.get_by_label_contains("EU Military Partnership Mission in Niger (EUMPM Niger) — since")
        .click_accesskit();
    h.run_steps(2);
    let t = crate::common::timeline();
    assert_eq!(
        h.state().view.selected_link,
        t.relationship_index("eumpm-niger")
    );
    h.get_by_label_contains("History");
    h.get_by_label_contains("Winding down: Niger ends the EU's two missions");
}

pub fn wait_idle(harness: &mut Harness<'_, SahelApp>) {
    for _ in 0..6000 {
        harness.step();
        if harness.state().is_idle() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(2);
}

#[test]
fn the_app_exports_the_view_as_png_and_the_state_as_geojson() {
    let dir = std::env::temp_dir().join(format!("sahel-atlas-app-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut h = harness();
    let png = dir.join("view.png");
    let geojson = dir.join("state.geojson");
    h.state_mut()
        .push(sahel_atlas::app::command::Command::ExportTo(png.clone()));
    h.state_mut()
        .push(sahel_atlas::app::command::Command::ExportTo(
            geojson.clone(),
        ));
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.get_all_by_label_contains("Exported").count(), 2);
    let image = image::open(&png).expect("PNG decodes");
    assert_eq!(image.width(), 1600);
    let text = std::fs::read_to_string(&geojson).expect("GeoJSON written");
    let parsed: geojson::GeoJson = text.parse().expect("GeoJSON parses");
    let geojson::GeoJson::FeatureCollection(fc) = parsed else {
        panic!("not a collection")
    };
    assert!(
        fc.features
            .iter()
            .any(|f| f.property("id").and_then(|v| v.as_str()) == Some("eumpm-niger"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn typing_a_date_jumps_to_it_and_a_bad_one_is_explained() {
    let mut h = harness();
    let field = || Role::TextInput;
    h.get_by_role_and_label(field(), "Go to date").click();
    h.run_steps(2);
    h.get_by_role_and_label(field(), "Go to date")
        .type_text("2019-06-01");
    h.run_steps(2);
    press(&mut h, egui::Key::Enter);
    assert_eq!(h.state().day(), day("2019-06-01"));
    h.get_by_label("1 June 2019");
    h.get_by_role_and_label(field(), "Go to date").click();
    h.run_steps(2);
    h.get_by_role_and_label(field(), "Go to date")
        .type_text("2019-02-30");
    h.run_steps(2);
    press(&mut h, egui::Key::Enter);
    assert_eq!(h.state().day(), day("2019-06-01"));
    h.get_by_label_contains("not a real calendar date");
}

#[test]
fn back_to_the_embedded_data_loads_off_the_ui_thread() {
    let mut h = harness();
    drop_file(&mut h, &fixture("scenario/tiny.json"));
    assert_eq!(h.state().timeline().scenario().title, "Tiny");
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Back to the embedded data").click();
    h.step();
    // The frame that applied the command only started a job: the data is as it was.
    assert_eq!(h.state().timeline().scenario().title, "Tiny");
    assert!(!h.state().is_idle(), "a job is under way");
    wait_idle(&mut h);
    let app = h.state();
    assert!(app.timeline().scenario().events.len() >= 134);
    assert_eq!(app.document.scenario_path, None);
    assert!(app.view.messages.is_empty(), "{:?}", app.view.messages);
}

/// The app on the tiny scenario with its first event's source replaced by `source`, at the
/// date of that event (so its card, with its sources, is shown).
fn tiny_app_with_source(source: &str) -> Harness<'static, SahelApp> {
    let bytes = std::fs::read(crate::common::fixture("scenario/tiny.json")).expect("fixture");
    let (mut scenario, _) =
        sahel_atlas::io::parse_scenario("tiny.json", &bytes).expect("tiny scenario");
    scenario.events[0].sources = vec![source.to_owned()];
    let document = sahel_atlas::app::document::Document::new(
        crate::common::coarse(),
        None,
        std::sync::Arc::new(sahel_atlas::model::Timeline::new(scenario)),
    );
    let mut app = crate::common::in_lang(
        SahelApp::with_document(document),
        sahel_atlas::model::i18n::Lang::En,
    );
    app.push(sahel_atlas::app::command::Command::Time(
        sahel_atlas::app::time_control::TimeCommand::SetDay(day("2020-03-01")),
    ));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1500.0, 920.0))
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(3);
    h
}

#[test]
fn a_source_that_is_not_a_web_address_is_text_not_a_link() {
    let h = tiny_app_with_source("file:///etc/passwd");
    h.get_by_label_contains("file:///etc/passwd (not a web address; not opened)");
    assert!(
        h.query_by_role_and_label(Role::Link, "source 1").is_none(),
        "the file source is a link"
    );
    // The same scenario with a web address: a link.
    let h = tiny_app_with_source("https://example.org/a");
    h.get_by_role_and_label(Role::Link, "source 1");
    assert!(h.query_by_label_contains("not a web address").is_none());
}

#[test]
fn app_settings_are_saved_atomically_and_restore_the_view() {
    use sahel_atlas::app::settings::{EGUI_KEY, SETTINGS_FILE, Settings, WINDOW_KEY};
    /// eframe's storage as App::save sees it, after eframe put the window and egui's memory.
    #[derive(Default)]
    struct Storage(std::collections::HashMap<String, String>);
    impl eframe::Storage for Storage {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(SETTINGS_FILE);
    let mut h = harness();
    let niamey = screen_of(&h, 2.11, 13.51);
    click_at(&mut h, niamey);
    h.run_steps(2);
    let mut storage = Storage::default();
    storage.0.insert(WINDOW_KEY.into(), "(w)".into());
    storage.0.insert(EGUI_KEY.into(), "(e)".into());
    h.state_mut().settings_path = Some(path.clone());
    eframe::App::save(h.state_mut(), &mut storage);
    // Complete, and no temporary file beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from(SETTINGS_FILE)]);
    let settings = Settings::read(&path).unwrap().unwrap();
    assert_eq!(settings.0[WINDOW_KEY], "(w)");
    assert_eq!(settings.0[EGUI_KEY], "(e)");
    assert_eq!(storage.0.keys().collect::<Vec<_>>(), [WINDOW_KEY]);
    let remembered = settings.persisted().unwrap();
    assert_eq!(remembered, h.state().persisted());
    let mut next = harness();
    next.state_mut().restore(remembered);
    next.run_steps(3);
    assert_eq!(next.state().view.selected.as_deref(), Some("NER"));
    assert_eq!(next.state().day(), h.state().day());
    // A save that cannot be written says so once and keeps the old file.
    let before = std::fs::read(&path).unwrap();
    h.state_mut().settings_path = Some(dir.path().to_path_buf());
    eframe::App::save(h.state_mut(), &mut storage);
    eframe::App::save(h.state_mut(), &mut storage);
    let said = h
        .state()
        .view
        .messages
        .iter()
        .filter(|m| format!("{m:?}").contains("settings could not be saved"))
        .count();
    assert_eq!(said, 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Issue #20 item 10: Tab walks the controls, not the event list's "src" links (one per
/// event), and reaches the legend's checkboxes within a few dozen presses.
#[test]
fn tab_skips_the_event_lists_source_links_and_reaches_the_legend() {
    use egui_kittest::kittest::{By, NodeT as _};
    let mut h = harness();
    let mut focused = Vec::new();
    for _ in 0..60 {
        h.key_press(egui::Key::Tab);
        h.run_steps(2);
        if let Some(node) = h.query_all(By::new()).find(|n| n.is_focused()) {
            focused.push(node.accesskit_node().label().unwrap_or_default());
        }
    }
    assert!(
        !focused.iter().any(|l| l == "src"),
        "Tab stopped on a source link: {focused:?}"
    );
    assert!(
        focused.iter().any(|l| l == "Show links that are active"),
        "Tab never reached the legend's status boxes in 60 presses: {focused:?}"
    );
}
