//! The shipped scenario's provenance (issue #19): no tie stays winding down past the notice
//! its denunciation gave. (That every tie begins planned or active, or in force at the start
//! with a source, is `data_dates::every_tie_begins_planned_or_active_or_is_in_force_at_the_start_with_a_source`.)

use sahel_atlas::model::{Item, check_sources};

use crate::common::timeline;

#[test]
fn no_tie_of_the_shipped_scenario_winds_down_past_its_notice() {
    let t = timeline();
    let past: Vec<String> = check_sources(t.scenario())
        .into_iter()
        .filter(|p| matches!(p.item, Item::Event(_)) && p.pointer == "/notice")
        .map(|p| p.message)
        .collect();
    assert!(past.is_empty(), "{past:#?}");
}

#[test]
fn every_tie_check_sources_lists_is_an_exception_with_its_reason_in_data_md() {
    // `check --sources` on the shipped scenario either passes or lists ties that
    // docs/DATA.md names with why no later source was given (issue #19 item 2).
    let t = timeline();
    let data_md =
        std::fs::read_to_string(crate::common::project_file("docs/DATA.md")).expect("docs/DATA.md");
    let scenario = t.scenario();
    let unexplained: Vec<String> = check_sources(scenario)
        .into_iter()
        .filter_map(|p| {
            let id = match p.item {
                Item::Relationship(r) => scenario.relationships.get(r)?.id.clone(),
                _ => p.id.clone()?,
            };
            let named = data_md.contains(&format!("`{id}`"));
            (!named).then(|| format!("{id}: {}", p.message))
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "listed by check --sources but not explained in docs/DATA.md: {unexplained:#?}"
    );
}
