//! `state_at(t)` equals a naive fold of the events up to `t`, and `seek` equals `state_at`,
//! for random scenarios and dates.

use jiff::civil::Date;
use proptest::prelude::*;
use sahel_atlas::model::RelIx;
use sahel_atlas::model::{
    Change, DatePrecision, Day, Entity, EntityKind, Event, GovernmentForm, Relationship,
    RelationshipKind, SCENARIO_FORMAT, Scenario, ScenarioSpan, Status, Timeline,
};

pub(crate) const START: Date = Date::constant(2012, 1, 1);

fn status_strategy() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

prop_compose! {
    pub(crate) fn scenario_strategy()(
        n_rel in 1usize..12,
        raw_events in prop::collection::vec(
            (0i32..5000, prop::option::of(0i32..800),
             prop::collection::vec((0usize..12, prop::option::of(status_strategy())), 0..4),
             prop::option::of((0usize..3, any::<bool>()))),
            0..60),
        in_force in prop::collection::vec(any::<bool>(), 12),
        confirmed in prop::collection::vec(prop::option::of(0i32..5000), 12),
    ) -> Scenario {
        let states = ["MLI", "NER", "BFA"];
        let mut entities: Vec<Entity> = states.iter().map(|id| Entity {
            i18n: Default::default(),
            id: (*id).to_owned(), kind: EntityKind::State, name: (*id).to_owned(), short: None, place: None, government: None,
        }).collect();
        entities.push(Entity { id: "EU".into(), kind: EntityKind::Organisation, name: "EU".into(), short: None, place: None, government: None, i18n: Default::default() });
        let relationships = (0..n_rel).map(|i| Relationship {
            i18n: Default::default(),
            id: format!("r{i}"), label: format!("R{i}"), short: None, kind: RelationshipKind::Other,
            parties: vec!["EU".into(), states[i % 3].to_owned()], in_force_at_start: in_force[i],
            start_sources: Vec::new(),
            confirmed_until: confirmed[i].map(|c| START.saturating_add(jiff::SignedDuration::from_hours(i64::from(c) * 24))),
            confirmed_source: None,
            site: None,
        }).collect();
        let events = raw_events.into_iter().enumerate().map(|(i, (offset, delay, changes, gov))| {
            let date = START.saturating_add(jiff::SignedDuration::from_hours(i64::from(offset) * 24));
            let effective = delay.map(|d| date.saturating_add(jiff::SignedDuration::from_hours(i64::from(d) * 24)));
            let mut list: Vec<Change> = changes.into_iter().filter(|(r, _)| *r < n_rel)
                .map(|(r, status)| match status {
                    Some(status) => Change::Relationship { relationship: format!("r{r}"), status, size: Default::default() },
                    None => Change::Reaffirmed { relationship: format!("r{r}"), size: Default::default() },
                }).collect();
            if let Some((s, military)) = gov {
                list.push(Change::State {
                    state: states[s].to_owned(),
                    government: if military { GovernmentForm::Military } else { GovernmentForm::Civilian },
                    leader: Some(format!("leader {i}")),
                });
            }
            Event { id: format!("e{i}"), date, effective, precision: DatePrecision::Day, title: String::new(), summary: String::new(),
                note: None, confidence: None,
            notice: None, sources: vec!["https://example.org".into()], changes: list, i18n: Default::default() }
        }).collect();
        Scenario {
            format: SCENARIO_FORMAT.into(), title: "random".into(), description: String::new(), i18n: Default::default(),
            span: ScenarioSpan { start: START, end: Date::constant(2026, 12, 31) },
            research_until: None,
            groups: Vec::new(),
            entities, relationships, events,
        }
    }
}

/// A link as compared: status, since, and the day it was last confirmed when unconfirmed.
type Link = (Status, Option<Day>, Option<Day>);

/// The naive answer: replay every change taking effect on or before `day`, in effective date
/// then file order.
fn naive(
    scenario: &Scenario,
    day: Day,
) -> (Vec<Option<Link>>, Vec<Option<(GovernmentForm, String)>>) {
    let mut links: Vec<Option<(Status, Option<Day>)>> = scenario
        .relationships
        .iter()
        .map(|r| r.in_force_at_start.then_some((Status::Active, None)))
        .collect();
    let mut govs: Vec<Option<(GovernmentForm, String)>> = vec![None; scenario.entities.len()];
    let mut order: Vec<usize> = (0..scenario.events.len()).collect();
    order.sort_by_key(|&i| {
        (
            scenario.events[i]
                .effective
                .unwrap_or(scenario.events[i].date),
            i,
        )
    });
    for i in order {
        let e = &scenario.events[i];
        let d = Day::from_date(e.effective.unwrap_or(e.date));
        if d > day {
            break;
        }
        for c in &e.changes {
            match c {
                Change::Relationship {
                    relationship,
                    status,
                    ..
                } => {
                    let r = scenario
                        .relationships
                        .iter()
                        .position(|x| &x.id == relationship)
                        .expect("rel");
                    links[r] = Some((*status, Some(d)));
                }
                Change::Reaffirmed { .. } | Change::Size { .. } => {}
                Change::State {
                    state,
                    government,
                    leader,
                } => {
                    let s = scenario
                        .entities
                        .iter()
                        .position(|x| &x.id == state)
                        .expect("state");
                    govs[s] = Some((*government, leader.clone().unwrap_or_default()));
                }
            }
        }
    }
    let links = links
        .into_iter()
        .zip(&scenario.relationships)
        .map(|(link, rel)| {
            link.map(|(status, since)| {
                let confirmed = rel.confirmed_until.map(Day::from_date);
                let unconfirmed = confirmed.filter(|&c| {
                    day > c && status != Status::Ended && since.is_none_or(|s| s <= c)
                });
                (status, since, unconfirmed)
            })
        })
        .collect();
    (links, govs)
}

fn observed(
    t: &Timeline,
    state: &sahel_atlas::model::State,
) -> (Vec<Option<Link>>, Vec<Option<(GovernmentForm, String)>>) {
    let links = RelIx::all(t.scenario().relationships.len())
        .map(|r| {
            state.link(r).map(|l| {
                assert_eq!(l.last_confirmed, t.unconfirmed_since(r, state.day));
                (l.status, l.since, l.last_confirmed)
            })
        })
        .collect();
    let govs = sahel_atlas::model::EntityIx::all(t.scenario().entities.len())
        .map(|e| {
            state.country(e).map(|c| {
                (
                    c.government,
                    c.leader.as_deref().unwrap_or_default().to_owned(),
                )
            })
        })
        .collect();
    (links, govs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn state_at_equals_naive_fold(scenario in scenario_strategy(), offsets in prop::collection::vec(-100i32..5200, 1..8)) {
        let t = Timeline::new(scenario.clone());
        for offset in offsets {
            let day = Day(Day::from_date(START).0 + offset);
            prop_assert_eq!(observed(&t, &t.state_at(day)), naive(&scenario, day));
        }
    }

    #[test]
    fn seek_equals_state_at(scenario in scenario_strategy(), offsets in prop::collection::vec(-100i32..5200, 1..30)) {
        let t = Timeline::new(scenario);
        let mut state = t.state_at(Day::from_date(START));
        for offset in offsets {
            let day = Day(Day::from_date(START).0 + offset);
            t.seek(&mut state, day);
            prop_assert_eq!(&state, &t.state_at(day));
        }
    }
}

/// Thousands of events, so that `state_at` starts from snapshots past the first.
#[test]
fn state_at_equals_naive_fold_across_many_snapshots() {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let n_rel = 40;
    let relationships = (0..n_rel)
        .map(|i| Relationship {
            i18n: Default::default(),
            id: format!("r{i}"),
            label: format!("R{i}"),
            short: None,
            kind: RelationshipKind::Other,
            parties: vec!["EU".into(), "MLI".into()],
            in_force_at_start: i % 7 == 0,
            start_sources: Vec::new(),
            confirmed_until: (i % 5 == 0).then(|| {
                START.saturating_add(jiff::SignedDuration::from_hours(i as i64 * 24 * 90))
            }),
            confirmed_source: None,
            site: None,
        })
        .collect();
    let events = (0..5000)
        .map(|i| Event {
            i18n: Default::default(),
            id: format!("e{i}"),
            date: START.saturating_add(jiff::SignedDuration::from_hours(
                (next() % 5000) as i64 * 24,
            )),
            effective: (i % 3 == 0).then(|| {
                Date::constant(2013, 6, 1).saturating_add(jiff::SignedDuration::from_hours(
                    (next() % 4000) as i64 * 24,
                ))
            }),
            precision: DatePrecision::Day,
            title: String::new(),
            summary: String::new(),
            note: None,
            confidence: None,
            notice: None,
            sources: vec!["https://example.org".into()],
            changes: vec![Change::Relationship {
                relationship: format!("r{}", next() % n_rel),
                status: Status::ALL[(next() % 5) as usize],
                size: Default::default(),
            }],
        })
        .collect();
    let entities = ["MLI", "EU"]
        .iter()
        .map(|id| Entity {
            i18n: Default::default(),
            id: (*id).into(),
            kind: if *id == "EU" {
                EntityKind::Organisation
            } else {
                EntityKind::State
            },
            name: (*id).into(),
            short: None,
            place: None,
            government: None,
        })
        .collect();
    let scenario = Scenario {
        format: SCENARIO_FORMAT.into(),
        title: "many".into(),
        description: String::new(),
        i18n: Default::default(),
        span: ScenarioSpan {
            start: START,
            end: Date::constant(2026, 12, 31),
        },
        research_until: None,
        groups: Vec::new(),
        entities,
        relationships,
        events,
    };
    let t = Timeline::new(scenario.clone());
    let mut walked = t.state_at(Day::from_date(START));
    for k in 0..120 {
        let day = Day(Day::from_date(START).0 - 3 + k * 43);
        let fresh = t.state_at(day);
        assert_eq!(observed(&t, &fresh), naive(&scenario, day), "day {day:?}");
        t.seek(&mut walked, day);
        assert_eq!(walked, fresh, "seek to {day:?}");
    }
}
