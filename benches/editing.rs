//! Editing a large scenario (issue #21): one edit as the app makes it while you type (the
//! scenario changed in place, indexed anew, checked with the rules of `check`, and the state
//! at the date computed), and a save (the shipped file's formatting, written atomically), on a
//! generated scenario of 10,000 events.
//!
//! `cargo bench --bench editing`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use sahel_atlas::model::i18n::Translations;
use sahel_atlas::model::{
    Change, DatePrecision, Day, Edit, Entity, EntityKind, Event, ItemValue, Relationship,
    RelationshipKind, SCENARIO_FORMAT, Scenario, ScenarioSpan, Section, Size, Status, Timeline,
    check,
};

/// 10,000 events over 15 years on 400 ties between 60 entities, each event with a title, a
/// summary and two sources, as the shipped file has them; deterministic.
fn scenario_of_10k_events() -> Scenario {
    let start = Date::constant(2012, 1, 1);
    let entities = (0..60)
        .map(|i| Entity {
            id: format!("E{i}"),
            kind: if i < 40 {
                EntityKind::State
            } else {
                EntityKind::Organisation
            },
            name: format!("Entity {i}"),
            short: None,
            place: Some(sahel_atlas::model::Place {
                lon: f64::from(i) - 20.0,
                lat: 10.0,
                label: None,
            }),
            government: None,
            i18n: Translations::default(),
        })
        .collect();
    let relationships = (0..400)
        .map(|i| Relationship {
            id: format!("tie-{i}"),
            label: format!("Tie number {i}"),
            short: None,
            kind: RelationshipKind::ALL[i % RelationshipKind::ALL.len()],
            parties: vec![format!("E{}", i % 60), format!("E{}", (i * 7 + 1) % 60)],
            in_force_at_start: i % 3 == 0,
            start_sources: Vec::new(),
            confirmed_until: None,
            confirmed_source: None,
            site: (i % 10 == 0).then(|| sahel_atlas::model::Site {
                name: format!("Base {i}"),
                lon: 2.0,
                lat: 13.5,
            }),
            i18n: Translations::default(),
        })
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut events: Vec<Event> = (0..10_000)
        .map(|i| {
            let day = (next() % (15 * 365)) as i64;
            Event {
                id: format!("event-{i}"),
                date: start.saturating_add(jiff::SignedDuration::from_hours(day * 24)),
                effective: None,
                precision: DatePrecision::Day,
                title: format!("Something happened to tie {} ({i})", next() % 400),
                summary: "A sentence or two on what happened, who signed or left, and where; \
                          about as long as the summaries of the shipped scenario."
                    .to_owned(),
                note: None,
                confidence: None,
                sources: vec![
                    format!("https://example.org/news/{i}"),
                    format!("https://example.com/archive/{}", next() % 100_000),
                ],
                notice: None,
                changes: vec![Change::Relationship {
                    relationship: format!("tie-{}", next() % 400),
                    status: Status::ALL[(next() % 5) as usize],
                    size: Size {
                        troops: (i % 4 == 0).then_some(100 + (i as u32 % 900)),
                        amount: None,
                    },
                }],
                i18n: Translations::default(),
            }
        })
        .collect();
    events.sort_by_key(|e| e.date);
    Scenario {
        format: SCENARIO_FORMAT.to_owned(),
        title: "10,000 events".to_owned(),
        description: String::new(),
        i18n: Default::default(),
        span: ScenarioSpan {
            start,
            end: Date::constant(2026, 12, 31),
        },
        research_until: None,
        groups: Vec::new(),
        entities,
        relationships,
        events,
    }
}

fn bench_editing(c: &mut Criterion) {
    let timeline = Timeline::new(scenario_of_10k_events());
    let day = Day::from_date(Date::constant(2020, 6, 1));
    let mut group = c.benchmark_group("editing_10k_events");
    let mut n = 0u64;
    // What the app does for one keystroke in an event's form (`Document::apply_edit`): the
    // edit applied in place, the scenario indexed anew and checked, the state at the date.
    let mut edited = Timeline::new(scenario_of_10k_events());
    group.bench_function("edit_check_and_state_at_date", |b| {
        b.iter(|| {
            n += 1;
            let before = edited.scenario().events[5000].clone();
            let mut event = before.clone();
            event.title = format!("Edited {n}");
            let edit = Edit {
                section: Section::Events,
                index: 5000,
                before: Some(ItemValue::Event(before)),
                after: Some(ItemValue::Event(event)),
            };
            assert!(edited.apply_edit(&edit));
            let problems = check(edited.scenario());
            black_box((problems.len(), edited.state_at(day)))
        });
    });
    let dir = std::env::temp_dir().join(format!("sahel-bench-save-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("scenario.json");
    group.bench_function("save", |b| {
        b.iter(|| sahel_atlas::io::write_scenario(&path, timeline.scenario()));
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench_editing);
criterion_main!(benches);
