//! `Diff` between two dates holds exactly the ties whose status differs between the CLI's
//! `state --at A` and `state --at B`, with exactly the events between the dates that touched
//! them, for random scenarios and dates.

use sahel_atlas::model::EventIx;
use std::collections::BTreeMap;

use proptest::prelude::*;
use sahel_atlas::model::{Change, Day, Timeline};

use crate::timeline_props::{START, scenario_strategy};

/// Relationship id -> status, as `state --json` prints them.
fn cli_statuses(t: &Timeline, day: Day) -> BTreeMap<String, String> {
    sahel_atlas::cli::state_json(t, day.to_date())
        .links
        .iter()
        .map(|l| (l.id.to_owned(), l.status.to_owned()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn diff_holds_exactly_the_ties_whose_status_differs(
        scenario in scenario_strategy(),
        a in -100i32..5200,
        b in -100i32..5200,
    ) {
        let t = Timeline::new(scenario.clone());
        let (from, to) = (Day(Day::from_date(START).0 + a), Day(Day::from_date(START).0 + b));
        let diff = t.diff(from, to);
        let (at_a, at_b) = (cli_statuses(&t, from), cli_statuses(&t, to));
        let mut expected = BTreeMap::new();
        for rel in &scenario.relationships {
            let (was, is) = (at_a.get(&rel.id).cloned(), at_b.get(&rel.id).cloned());
            if was != is {
                expected.insert(rel.id.clone(), (was, is));
            }
        }
        let got: BTreeMap<String, (Option<String>, Option<String>)> = diff
            .changes
            .iter()
            .map(|c| {
                (
                    scenario.relationships[c.relationship].id.clone(),
                    (c.from.map(|s| s.as_str().to_owned()), c.to.map(|s| s.as_str().to_owned())),
                )
            })
            .collect();
        prop_assert_eq!(&got, &expected);
        if from == to {
            prop_assert!(diff.is_empty());
        }
        // The events: every event dated after the earlier date and on or before the later one
        // that changes the tie, and no other.
        let (early, late) = (from.min(to), from.max(to));
        for c in &diff.changes {
            let id = &scenario.relationships[c.relationship].id;
            let mut want: Vec<EventIx> = EventIx::all(scenario.events.len())
                .filter(|&e| {
                    // A change takes effect on its event's effective day (its date unless an
                    // announcement says later).
                    let day = Day::from_date(scenario.events[e].effective_date());
                    day > early && day <= late && scenario.events[e].changes.iter().any(|ch| {
                        matches!(ch, Change::Relationship { relationship, .. } if relationship == id)
                    })
                })
                .collect();
            let mut have = c.events.clone();
            want.sort_unstable();
            have.sort_unstable();
            prop_assert_eq!(have, want, "events of {}", id);
        }
        // Backwards reads the same changes the other way round.
        let back = t.diff(to, from);
        prop_assert_eq!(back.changes.len(), diff.changes.len());
        for (f, r) in diff.changes.iter().zip(&back.changes) {
            prop_assert_eq!((f.relationship, f.from, f.to), (r.relationship, r.to, r.from));
            prop_assert_eq!(&f.events, &r.events);
        }
    }
}
