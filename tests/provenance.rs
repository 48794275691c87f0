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
