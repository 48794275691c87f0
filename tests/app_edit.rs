//! Editing in the app (issue #21), driven through egui_kittest: an event added at the date
//! changes its tie on the map and in the details, and undo and redo take it back and forth;
//! a field error blocks saving; a save reads back as the edited scenario and differs from
//! the original only around the edit; a recovery file restores the edits after a crash;
//! another scenario replaces unsaved edits only when confirmed.

use sahel_atlas::model::{EventIx, RelIx};
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use sahel_atlas::SahelApp;
use sahel_atlas::app::command::Command;
use sahel_atlas::app::editing::EditCommand;
use sahel_atlas::app::time_control::TimeCommand;
use sahel_atlas::model::{Status, Timeline};

use crate::common::day;

fn wait_idle(h: &mut Harness<'_, SahelApp>) {
    for _ in 0..6000 {
        h.step();
        if h.state().is_idle() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(2);
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahel-edit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// The app with a copy of the shipped scenario (as the writer writes it) opened from `dir`.
fn app_on_a_copy(dir: &Path) -> (Harness<'static, SahelApp>, PathBuf) {
    let path = dir.join("scenario.json");
    let text = sahel_atlas::io::scenario_json(crate::common::timeline().scenario());
    std::fs::write(&path, text).expect("copy");
    let mut h = crate::app_ui::harness();
    h.state_mut().push(Command::Load(path.clone(), None));
    wait_idle(&mut h);
    assert_eq!(
        h.state().document.scenario_path.as_deref(),
        Some(path.as_path())
    );
    (h, path)
}

fn go_to(h: &mut Harness<'_, SahelApp>, date: &str) {
    h.state_mut()
        .push(Command::Time(TimeCommand::SetDay(day(date))));
    h.run_steps(3);
}

fn menu(h: &mut Harness<'_, SahelApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run_steps(2);
    h.get_by_label_contains(item).click();
    h.run_steps(3);
}

/// Lets a scroll's animation end, so that a click lands where the widget is.
fn settle(h: &mut Harness<'_, SahelApp>) {
    h.run_steps(30);
}

/// Clicks the button labelled `label`, scrolled into view first (the forms scroll).
fn press(h: &mut Harness<'_, SahelApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    h.get_by_label(label).click();
    h.run_steps(3);
}

/// Types `text` into the text field labelled `label`.
fn type_into(h: &mut Harness<'_, SahelApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).scroll_to_me();
    settle(h);
    h.get_by_role_and_label(role, label).click();
    h.run_steps(2);
    // The click put the cursor where it landed: type at the end.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::End);
    h.run_steps(1);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run_steps(3);
}

/// A tie active at the view's date whose short label no other tie has.
fn an_active_tie(h: &Harness<'_, SahelApp>) -> (RelIx, String) {
    let app = h.state();
    let scenario = app.timeline().scenario();
    let unique = |s: &str| {
        scenario
            .relationships
            .iter()
            .filter(|r| r.short_label() == s)
            .count()
            == 1
    };
    RelIx::all(scenario.relationships.len())
        .find(|&r| {
            app.state().link(r).map(|l| l.status) == Some(Status::Active)
                && unique(scenario.relationships[r].short_label())
        })
        .map(|r| (r, scenario.relationships[r].short_label().to_owned()))
        .expect("an active tie")
}

/// The tie's status on the map as drawn at the date.
fn map_status(h: &Harness<'_, SahelApp>, r: RelIx) -> Option<Status> {
    h.state()
        .scene()
        .links
        .iter()
        .find(|l| l.relationship == r)
        .map(|l| l.status)
}

#[test]
fn an_added_event_ends_a_tie_on_the_map_and_in_the_details_and_undo_redo_take_it_back() {
    let mut h = crate::app_ui::harness();
    go_to(&mut h, "2025-06-02");
    let (r, short) = an_active_tie(&h);
    assert_eq!(map_status(&h, r), Some(Status::Active));
    let events = h.state().timeline().scenario().events.len();

    menu(&mut h, "Edit", "Add an event on 2 June 2025");
    type_into(&mut h, Role::TextInput, "Title", " — the agreement ends");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Sources (one per line)",
        "https://example.org/ends",
    );
    press(&mut h, "+ Tie status");
    let combos: Vec<Option<String>> = h
        .get_all_by_role(Role::ComboBox)
        .map(|n| n.value())
        .collect();
    let tie = h
        .get_all_by_role(Role::ComboBox)
        .find(|n| n.value().as_deref() == Some("Choose a tie…"))
        .unwrap_or_else(|| panic!("the tie choice among {combos:?}"));
    tie.scroll_to_me();
    settle(&mut h);
    h.get_all_by_role(Role::ComboBox)
        .find(|n| n.value().as_deref() == Some("Choose a tie…"))
        .expect("the tie choice")
        .click();
    h.run_steps(3);
    let option = h
        .get_all_by_label(&short)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the tie in the list");
    option.scroll_to_me();
    settle(&mut h);
    h.get_all_by_label(&short)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the tie in the list")
        .click();
    h.run_steps(3);
    let status = h
        .get_all_by_role(Role::ComboBox)
        .find(|n| n.value().as_deref() == Some("Active"))
        .expect("the status choice");
    status.click();
    h.run_steps(3);
    h.get_all_by_label("Ended")
        .last()
        .expect("Ended in the list")
        .click();
    h.run_steps(4);

    let app = h.state();
    assert_eq!(app.timeline().scenario().events.len(), events + 1);
    assert_eq!(app.state().link(r).map(|l| l.status), Some(Status::Ended));
    assert_eq!(map_status(&h, r), Some(Status::Ended), "the map follows");
    assert!(h.state().document.is_dirty());
    h.state_mut().push(Command::SelectLink(Some(r)));
    h.run_steps(3);
    h.get_by_label("Now: Ended");

    // Undo: the event is gone (one step for the addition and its typing).
    menu(&mut h, "Edit", "Undo");
    assert_eq!(h.state().timeline().scenario().events.len(), events);
    assert_eq!(map_status(&h, r), Some(Status::Active));
    assert!(!h.state().document.is_dirty());
    h.state_mut().push(Command::SelectLink(Some(r)));
    h.run_steps(3);
    h.get_by_label("Now: Active");
    // Redo, from the keyboard.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run_steps(3);
    assert_eq!(h.state().timeline().scenario().events.len(), events + 1);
    assert_eq!(map_status(&h, r), Some(Status::Ended));
    h.state_mut().push(Command::SelectLink(Some(r)));
    h.run_steps(3);
    h.get_by_label("Now: Ended");
    // And undo from the keyboard.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(map_status(&h, r), Some(Status::Active));
}

#[test]
fn a_field_error_blocks_saving_until_it_is_fixed() {
    let dir = scratch("field-error");
    let (mut h, path) = app_on_a_copy(&dir);
    let before = std::fs::read(&path).expect("file");
    go_to(&mut h, "2024-01-01");
    h.state_mut()
        .push(Command::Edit(EditCommand::OpenEvent(EventIx::new(10))));
    h.run_steps(3);
    // A date that is no date: shown beside the field, and no save.
    type_into(&mut h, Role::TextInput, "Date", "x");
    h.get_by_label_contains("is not a date (YYYY-MM-DD)");
    assert!(h.state().save_refusal().is_some());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_idle(&mut h);
    h.get_by_label_contains("Not saved: 1 error");
    assert_eq!(
        std::fs::read(&path).expect("file"),
        before,
        "the file is untouched"
    );
    // An error of `check`: an event without a source.
    h.get_by_role_and_label(Role::TextInput, "Date").click();
    h.run_steps(2);
    h.key_press(egui::Key::Backspace);
    h.run_steps(3);
    assert!(
        h.state().save_refusal().is_none(),
        "{:?}",
        h.state().save_refusal()
    );
    let sources = Role::MultilineTextInput;
    h.get_by_role_and_label(sources, "Sources (one per line)")
        .click();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(3);
    h.get_by_label_contains("has no source");
    assert!(h.state().save_refusal().is_some());
}

#[test]
fn a_save_reads_back_as_the_edited_scenario_and_differs_only_around_the_edit() {
    let dir = scratch("save");
    let (mut h, path) = app_on_a_copy(&dir);
    let original = std::fs::read_to_string(&path).expect("file");
    h.state_mut()
        .push(Command::Edit(EditCommand::OpenEvent(EventIx::new(42))));
    h.run_steps(3);
    type_into(&mut h, Role::TextInput, "Title", " (edited)");
    assert!(h.state().document.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_idle(&mut h);
    assert!(
        !h.state().document.is_dirty(),
        "{:?}",
        h.state().view.messages
    );
    let saved = std::fs::read_to_string(&path).expect("saved");
    let (scenario, _) =
        sahel_atlas::io::parse_scenario("saved", saved.as_bytes()).expect("reads back");
    assert_eq!(&scenario, h.state().timeline().scenario());
    assert!(scenario.events[42].title.ends_with(" (edited)"));
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(original.lines().count(), saved.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("\"title\"") && changed[0].1.contains("(edited)"));
    // Opened again: the same scenario.
    h.state_mut().push(Command::Load(path.clone(), None));
    wait_idle(&mut h);
    assert_eq!(h.state().timeline().scenario(), &scenario);
}

#[test]
fn a_recovery_file_restores_the_edits_after_a_crash() {
    let dir = scratch("recovery");
    let recovery = dir.join("recovery.json");
    let (mut h, path) = app_on_a_copy(&dir);
    h.state_mut().editing.recovery_path = Some(recovery.clone());
    h.state_mut()
        .push(Command::Edit(EditCommand::OpenEvent(EventIx::new(7))));
    h.run_steps(3);
    type_into(&mut h, Role::TextInput, "Title", " (recovered)");
    let edited = h.state().timeline().scenario().clone();
    // A moment after the last edit, the recovery file is written.
    for _ in 0..600 {
        if recovery.exists() {
            break;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(recovery.exists(), "recovery file written");
    // The crash: the app is gone without saving.
    drop(h);
    assert_ne!(
        &sahel_atlas::io::read_scenario(&path).expect("file").0,
        &edited
    );

    let mut h = crate::app_ui::harness();
    h.state_mut().editing.recovery_path = Some(recovery.clone());
    h.state_mut().look_for_recovery();
    h.run_steps(3);
    h.get_by_label_contains("ended with unsaved edits");
    h.get_by_label("Restore").click();
    h.run_steps(3);
    wait_idle(&mut h);
    let app = h.state();
    assert_eq!(app.timeline().scenario(), &edited);
    assert_eq!(app.document.scenario_path.as_deref(), Some(path.as_path()));
    assert!(app.document.is_dirty(), "restored edits are unsaved");
    // Saved: the recovery file goes.
    h.state_mut().push(Command::Edit(EditCommand::Save));
    wait_idle(&mut h);
    assert!(!recovery.exists());
    assert_eq!(
        &sahel_atlas::io::read_scenario(&path).expect("file").0,
        &edited
    );
}

#[test]
fn opening_another_scenario_with_unsaved_edits_asks_first() {
    let dir = scratch("replace");
    let (mut h, _path) = app_on_a_copy(&dir);
    h.state_mut().push(Command::Edit(EditCommand::AddEvent));
    h.run_steps(3);
    let edited = h.state().timeline().scenario().clone();
    h.state_mut().push(Command::LoadDefaults);
    wait_idle(&mut h);
    h.get_by_label("Keep editing").click();
    h.run_steps(3);
    assert_eq!(h.state().timeline().scenario(), &edited);
    h.state_mut().push(Command::LoadDefaults);
    wait_idle(&mut h);
    h.get_by_label("Open it, losing the edits").click();
    h.run_steps(3);
    let shipped: &Timeline = &crate::common::timeline();
    assert_eq!(h.state().timeline().scenario(), shipped.scenario());
    assert!(!h.state().document.is_dirty());
}

#[test]
fn a_spreadsheet_opens_as_a_scenario() {
    let dir = scratch("open-sheet");
    let xlsx = dir.join("scenario.xlsx");
    sahel_atlas::io::sheet::write_sheets(&xlsx, crate::common::timeline().scenario())
        .expect("xlsx");
    let mut h = crate::app_ui::harness();
    h.state_mut().push(Command::Load(xlsx.clone(), None));
    wait_idle(&mut h);
    assert_eq!(
        h.state().document.scenario_path.as_deref(),
        Some(xlsx.as_path())
    );
    assert_eq!(
        h.state().timeline().scenario(),
        crate::common::timeline().scenario()
    );
}

#[test]
fn a_tie_gets_a_site_and_a_change_a_size_in_their_forms() {
    let mut h = crate::app_ui::harness();
    // An event with one change, a tie's new status without a size; its tie.
    let timeline = h.state().document.timeline.clone();
    let scenario = timeline.scenario();
    let (e, r) = scenario
        .events_ix()
        .filter(|(_, ev)| ev.changes.len() == 1)
        .find_map(|(e, ev)| match &ev.changes[0] {
            sahel_atlas::model::Change::Relationship {
                relationship, size, ..
            } if size.is_empty() => Some((e, timeline.relationship_index(relationship)?)),
            _ => None,
        })
        .expect("an event setting a tie's status, without a size");
    h.state_mut()
        .push(Command::Edit(EditCommand::OpenRelationship(r)));
    h.run_steps(3);
    // A site that does not read yet: said beside the fields, and no save.
    type_into(&mut h, Role::TextInput, "Site name", "Camp Test");
    h.get_by_label_contains("site longitude: \"\" is not a number of degrees");
    assert!(h.state().save_refusal().is_some());
    type_into(&mut h, Role::TextInput, "Site longitude", "2.5");
    type_into(&mut h, Role::TextInput, "Site latitude", "13.25");
    assert!(h.state().save_refusal().is_none());
    let site = h.state().timeline().scenario().relationships[r]
        .site
        .clone();
    assert_eq!(
        site,
        Some(sahel_atlas::model::Site {
            name: "Camp Test".into(),
            lon: 2.5,
            lat: 13.25
        })
    );
    // The details of the tie say where it is.
    h.state_mut().push(Command::SelectLink(Some(r)));
    h.run_steps(3);
    h.get_by_label_contains("Site: Camp Test");

    // An event changing the tie's status gets troops: the details show the size.
    h.state_mut().push(Command::Edit(EditCommand::OpenEvent(e)));
    h.run_steps(3);
    type_into(&mut h, Role::TextInput, "Troops", "many");
    h.get_by_label_contains("troops: \"many\" is not a whole number");
    assert!(h.state().save_refusal().is_some());
    h.get_by_role_and_label(Role::TextInput, "Troops").click();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "Troops")
        .type_text("1500");
    h.run_steps(3);
    assert!(h.state().save_refusal().is_none());
    let change = &h.state().timeline().scenario().events[e].changes[0];
    let sahel_atlas::model::Change::Relationship { size, .. } = change else {
        panic!("{change:?}");
    };
    assert_eq!(size.troops, Some(1500));
    // On the event's date, the tie's details give its size.
    let date = scenario.events[e].date.to_string();
    go_to(&mut h, &date);
    h.state_mut().push(Command::SelectLink(Some(r)));
    h.run_steps(3);
    let now: Vec<String> = h
        .get_all_by_label_contains("1,500 troops")
        .filter_map(|n| {
            n.accesskit_node()
                .label()
                .or_else(|| n.accesskit_node().value())
        })
        .collect();
    assert!(
        now.iter()
            .any(|l| l.starts_with("Now: ") && l.ends_with(" · 1,500 troops")),
        "{now:?}"
    );
}
