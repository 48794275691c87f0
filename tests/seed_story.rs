//! The seed article's story, as the shipped scenario tells it.

use sahel_atlas::model::{DatePrecision, GovernmentForm, Status};

use crate::common::{day, timeline};

fn status_on(relationship: &str, date: &str) -> Option<Status> {
    let t = timeline();
    let r = t
        .relationship_index(relationship)
        .unwrap_or_else(|| panic!("no {relationship}"));
    t.state_at(day(date)).link(r).map(|l| l.status)
}

#[test]
fn niger_eu_missions_are_active_on_3_december_2023() {
    assert_eq!(
        status_on("eucap-sahel-niger", "2023-12-03"),
        Some(Status::Active)
    );
    assert_eq!(status_on("eumpm-niger", "2023-12-03"), Some(Status::Active));
}

#[test]
fn niger_eu_missions_are_not_active_on_5_december_2023() {
    for mission in ["eucap-sahel-niger", "eumpm-niger"] {
        let status = status_on(mission, "2023-12-05");
        assert!(
            matches!(status, Some(Status::WindingDown | Status::Ended)),
            "{mission}: {status:?}"
        );
    }
}

#[test]
fn russia_niger_cooperation_exists_from_4_december_2023() {
    assert_eq!(status_on("rus-ner-defence-cooperation", "2023-12-03"), None);
    assert_eq!(
        status_on("rus-ner-defence-cooperation", "2023-12-04"),
        Some(Status::Active)
    );
}

#[test]
fn french_forces_are_gone_from_niger_by_23_december_2023() {
    assert_eq!(
        status_on("fra-forces-ner", "2023-12-23"),
        Some(Status::Ended)
    );
    assert_ne!(
        status_on("fra-forces-ner", "2023-07-01"),
        Some(Status::Ended)
    );
}

#[test]
fn niger_government_changes_with_the_26_july_2023_coup() {
    let t = timeline();
    let ner = t.entity_index("NER").expect("NER");
    let before = t.state_at(day("2023-07-25"));
    let after = t.state_at(day("2023-07-26"));
    assert_eq!(
        before.country(ner).map(|c| c.government),
        Some(GovernmentForm::Civilian)
    );
    let after = after.country(ner).expect("NER government");
    assert_eq!(after.government, GovernmentForm::Military);
    // The junta announced Bazoum's removal on the evening of 26 July; it named Gen. Tiani its
    // head, and head of state, on 28 July.
    assert!(
        after.leader.as_deref().is_some_and(|l| l.contains("CNSP")),
        "{:?}",
        after.leader
    );
    let named = t.state_at(day("2023-07-28"));
    let named = named.country(ner).expect("NER government");
    assert!(
        named.leader.as_deref().is_some_and(|l| l.contains("Tiani")),
        "{:?}",
        named.leader
    );
}

#[test]
fn every_event_has_a_date_precision_and_a_source() {
    // The precision is written out for every event (the reader's default of "day" would hide a
    // forgotten one), and a date at month or year precision is the first day of its period.
    let raw: serde_json::Value =
        serde_json::from_slice(sahel_atlas::io::embedded::DEFAULT_SCENARIO).expect("json");
    let raw_events = raw["events"].as_array().expect("events");
    let t = timeline();
    assert_eq!(raw_events.len(), t.scenario().events.len());
    for (raw, event) in raw_events.iter().zip(&t.scenario().events) {
        let precision = raw["precision"].as_str();
        assert!(
            matches!(precision, Some("day" | "month" | "year")),
            "{}: precision {precision:?}",
            event.id
        );
        assert_eq!(Some(event.precision.as_str()), precision, "{}", event.id);
        match event.precision {
            DatePrecision::Day => {}
            DatePrecision::Month => assert_eq!(event.date.day(), 1, "{}", event.id),
            DatePrecision::Year => {
                assert_eq!(
                    (event.date.month(), event.date.day()),
                    (1, 1),
                    "{}",
                    event.id
                );
            }
        }
    }
    for event in &t.scenario().events {
        assert!(!event.sources.is_empty(), "{}", event.id);
        assert!(
            event.sources.iter().all(|s| s.starts_with("http")),
            "{}",
            event.id
        );
    }
}

#[test]
fn every_row_of_the_research_timeline_is_an_event_with_its_sources() {
    // A copy of the project's research timeline (../shared/data) is kept with the fixtures,
    // so the test runs the same in a bare clone.
    let text = std::fs::read_to_string(crate::common::fixture(
        "research/sahel-security-timeline.csv",
    ))
    .expect("the research timeline fixture");
    let t = timeline();
    let mut rows = 0;
    for line in text.lines().skip(1) {
        let date = &line[..line.find(',').unwrap_or(0)];
        // Every URL on the row appears among the sources of an event on that date (month
        // precision rows are written YYYY-MM in the CSV and YYYY-MM-01 in the scenario).
        let date = if date.len() == 7 {
            format!("{date}-01")
        } else {
            date.to_owned()
        };
        let urls: Vec<&str> = line
            .split([',', ' ', '"'])
            .filter(|w| w.starts_with("http"))
            .collect();
        assert!(!urls.is_empty(), "row without URL: {line}");
        let found = t.scenario().events.iter().any(|e| {
            e.date.to_string() == date && urls.iter().all(|u| e.sources.iter().any(|s| s == u))
        });
        assert!(found, "no event on {date} with sources {urls:?}");
        rows += 1;
    }
    assert_eq!(rows, 134);
}

#[test]
fn every_entity_of_the_shipped_scenario_is_listed_in_a_group() {
    let t = timeline();
    let listed: Vec<&str> = t
        .scenario()
        .groups
        .iter()
        .flat_map(|g| g.members.iter().map(String::as_str))
        .collect();
    for e in &t.scenario().entities {
        assert!(
            listed.contains(&e.id.as_str()),
            "{} is in no group of geodata/scenario.json",
            e.id
        );
    }
}

#[test]
fn ties_take_the_group_of_their_partner() {
    let t = timeline();
    let group = |rel: &str| {
        let r = t.relationship_index(rel).expect("relationship");
        t.groups()[t.group_of_relationship(r)].id.as_str()
    };
    assert_eq!(group("eumpm-niger"), "western");
    assert_eq!(group("fra-forces-ner"), "western");
    assert_eq!(group("nato-mrt-dcb"), "western");
    assert_eq!(group("rus-ner-defence-cooperation"), "russian");
    assert_eq!(group("wagner-mli"), "russian");
    assert_eq!(group("africa-corps-ner"), "russian");
    assert_eq!(group("ner-aes"), "regional");
    assert_eq!(group("ecowas-sanctions-ner"), "regional");
    // Between Sahel states only: the hub's group, regional.
    assert_eq!(group("aes-unified-force"), "regional");
    assert_eq!(group("minusma"), "un");
    // The first party that is not a Sahel state decides: Algeria, not the UN.
    assert_eq!(group("algiers-peace-agreement"), "other");
    assert_eq!(group("tur-ner-defence-cooperation"), "other");
    // The non-state armed groups are a group of their own: talks with JNIM are theirs.
    assert_eq!(group("jnim-mli-talks"), "armed");
    assert_eq!(group("issp-ner-outreach"), "armed");
    assert_eq!(group("usa-jnim-designation"), "western");
    assert_eq!(t.groups().len(), 6);
}

#[test]
fn the_second_half_of_2023_as_a_diff_tells_the_niger_story() {
    use sahel_atlas::model::ChangeKind;
    let t = timeline();
    let diff = t.diff(day("2023-07-25"), day("2023-12-31"));
    let change = |rel: &str| {
        let r = t.relationship_index(rel).expect("relationship");
        diff.change_of(r)
            .unwrap_or_else(|| panic!("{rel} did not change"))
            .clone()
    };
    for mission in ["eucap-sahel-niger", "eumpm-niger"] {
        let c = change(mission);
        assert_eq!(c.from, Some(Status::Active), "{mission}");
        assert_ne!(c.to, Some(Status::Active), "{mission}");
        assert!(
            c.events
                .iter()
                .any(|&e| t.scenario().events[e].id == "2023-12-04-niger-ends-eu-missions"),
            "{mission}: {:?}",
            c.events
        );
    }
    let french = change("fra-forces-ner");
    assert_eq!(french.to, Some(Status::Ended));
    assert_eq!(french.kind(), ChangeKind::Ended);
    let russia = change("rus-ner-defence-cooperation");
    assert_eq!((russia.from, russia.kind()), (None, ChangeKind::Appeared));
    // Grouped by Sahel state: Niger holds all four.
    let groups = diff.by_sahel_state(&t);
    let niger = groups
        .iter()
        .find(|g| g.state == Some("NER"))
        .expect("Niger changed");
    for rel in [
        "eucap-sahel-niger",
        "eumpm-niger",
        "fra-forces-ner",
        "rus-ner-defence-cooperation",
    ] {
        let r = t.relationship_index(rel).expect("relationship");
        assert!(
            niger
                .changes
                .iter()
                .any(|&i| diff.changes[i].relationship == r),
            "{rel}"
        );
    }
    // Backwards, Russia–Niger cooperation disappears.
    let back = t.diff(day("2023-12-31"), day("2023-07-25"));
    let r = t
        .relationship_index("rus-ner-defence-cooperation")
        .expect("rel");
    assert_eq!(back.change_of(r).map(|c| c.to), Some(None));
    assert!(t.diff(day("2023-07-25"), day("2023-07-25")).is_empty());
}
