//! Rules that make a scenario coherent, checked after it parses.

use std::collections::{HashMap, HashSet};

use super::{Change, DatePrecision, EntityKind, SCENARIO_FORMAT, Scenario, Status};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the scenario still loads.
    Warning,
    /// The scenario cannot be used.
    Error,
}

/// Which part of a scenario a problem is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The file as a whole (format, span).
    Scenario,
    /// `entities[index]`.
    Entity(usize),
    /// `relationships[index]`.
    Relationship(usize),
    /// `events[index]`.
    Event(usize),
}

/// One thing wrong with a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub item: Item,
    /// The id of that item, if it has one, to find it in the file.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Checks a parsed scenario: unknown or duplicate ids, events without sources, impossible or
/// out-of-span dates, status changes that make no sense. Errors first, then warnings.
pub fn check(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |severity, item, id: Option<&str>, message: String| {
        problems.push(Problem {
            severity,
            item,
            id: id.map(str::to_owned),
            message,
        });
    };
    use Severity::{Error, Warning};

    if scenario.format != SCENARIO_FORMAT {
        push(
            Error,
            Item::Scenario,
            None,
            format!(
                "format is \"{}\"; this app reads \"{SCENARIO_FORMAT}\"",
                scenario.format
            ),
        );
    }
    let span = scenario.span;
    if span.start > span.end {
        push(
            Error,
            Item::Scenario,
            None,
            format!("span starts ({}) after it ends ({})", span.start, span.end),
        );
    }

    let mut entity_kinds: HashMap<&str, EntityKind> = HashMap::new();
    for (i, entity) in scenario.entities.iter().enumerate() {
        let id = entity.id.as_str();
        if id.trim().is_empty() {
            push(
                Error,
                Item::Entity(i),
                None,
                "entity has an empty id".into(),
            );
        }
        if entity_kinds.insert(id, entity.kind).is_some() {
            push(
                Error,
                Item::Entity(i),
                Some(id),
                format!("duplicate entity id \"{id}\""),
            );
        }
        if let Some(place) = &entity.place {
            let on_earth =
                (-180.0..=180.0).contains(&place.lon) && (-90.0..=90.0).contains(&place.lat);
            if !on_earth {
                push(
                    Error,
                    Item::Entity(i),
                    Some(id),
                    format!(
                        "place ({}, {}) is not a longitude/latitude",
                        place.lon, place.lat
                    ),
                );
            }
        } else if entity.kind == EntityKind::Organisation {
            push(
                Warning,
                Item::Entity(i),
                Some(id),
                format!("organisation \"{id}\" has no place: its links cannot be drawn"),
            );
        }
        if entity.government.is_some() && entity.kind != EntityKind::State {
            push(
                Error,
                Item::Entity(i),
                Some(id),
                format!("\"{id}\" is an organisation but has a government"),
            );
        }
    }

    let mut relationship_ids: HashSet<&str> = HashSet::new();
    for (i, rel) in scenario.relationships.iter().enumerate() {
        let id = rel.id.as_str();
        if !relationship_ids.insert(id) {
            push(
                Error,
                Item::Relationship(i),
                Some(id),
                format!("duplicate relationship id \"{id}\""),
            );
        }
        if rel.parties.len() < 2 {
            push(
                Error,
                Item::Relationship(i),
                Some(id),
                format!("relationship \"{id}\" needs at least two parties"),
            );
        }
        let mut seen = HashSet::new();
        for party in &rel.parties {
            if !entity_kinds.contains_key(party.as_str()) {
                push(
                    Error,
                    Item::Relationship(i),
                    Some(id),
                    format!("relationship \"{id}\" names unknown entity \"{party}\""),
                );
            }
            if !seen.insert(party) {
                push(
                    Error,
                    Item::Relationship(i),
                    Some(id),
                    format!("relationship \"{id}\" names \"{party}\" twice"),
                );
            }
        }
    }

    let mut event_ids: HashSet<&str> = HashSet::new();
    // Per relationship: (date, status, event index) in date order, to judge transitions.
    let mut histories: HashMap<&str, Vec<(jiff::civil::Date, Status, usize)>> = HashMap::new();
    for (i, event) in scenario.events.iter().enumerate() {
        let id = event.id.as_str();
        if !event_ids.insert(id) {
            push(
                Error,
                Item::Event(i),
                Some(id),
                format!("duplicate event id \"{id}\""),
            );
        }
        if event.sources.is_empty() {
            push(
                Error,
                Item::Event(i),
                Some(id),
                format!("event \"{id}\" has no source"),
            );
        }
        for source in &event.sources {
            if !(source.starts_with("https://") || source.starts_with("http://")) {
                push(
                    Warning,
                    Item::Event(i),
                    Some(id),
                    format!("event \"{id}\": source \"{source}\" is not a web address"),
                );
            }
        }
        if event.date < span.start || event.date > span.end {
            push(
                Warning,
                Item::Event(i),
                Some(id),
                format!(
                    "event \"{id}\" on {} is outside the span {} – {}",
                    event.date, span.start, span.end
                ),
            );
        }
        match event.precision {
            DatePrecision::Month if event.date.day() != 1 => push(
                Warning,
                Item::Event(i),
                Some(id),
                format!("event \"{id}\" has month precision but its date is not the 1st"),
            ),
            DatePrecision::Year if (event.date.month(), event.date.day()) != (1, 1) => push(
                Warning,
                Item::Event(i),
                Some(id),
                format!("event \"{id}\" has year precision but its date is not 1 January"),
            ),
            _ => {}
        }
        let mut changed = HashSet::new();
        for change in &event.changes {
            match change {
                Change::Relationship {
                    relationship,
                    status,
                } => {
                    if !relationship_ids.contains(relationship.as_str()) {
                        push(
                            Error,
                            Item::Event(i),
                            Some(id),
                            format!(
                                "event \"{id}\" changes unknown relationship \"{relationship}\""
                            ),
                        );
                        continue;
                    }
                    if !changed.insert(relationship.as_str()) {
                        push(
                            Error,
                            Item::Event(i),
                            Some(id),
                            format!("event \"{id}\" changes \"{relationship}\" twice"),
                        );
                    }
                    histories
                        .entry(relationship.as_str())
                        .or_default()
                        .push((event.date, *status, i));
                }
                Change::State { state, .. } => match entity_kinds.get(state.as_str()) {
                    None => push(
                        Error,
                        Item::Event(i),
                        Some(id),
                        format!("event \"{id}\" changes unknown state \"{state}\""),
                    ),
                    Some(EntityKind::Organisation) => push(
                        Error,
                        Item::Event(i),
                        Some(id),
                        format!("event \"{id}\" gives a government to organisation \"{state}\""),
                    ),
                    Some(EntityKind::State) => {}
                },
            }
        }
    }

    for (r, rel) in scenario.relationships.iter().enumerate() {
        let mut history = histories.remove(rel.id.as_str()).unwrap_or_default();
        history.sort_by_key(|&(date, _, i)| (date, i));
        if history.is_empty() && !rel.in_force_at_start {
            push(
                Warning,
                Item::Relationship(r),
                Some(&rel.id),
                format!(
                    "relationship \"{}\" has no events: it never appears",
                    rel.id
                ),
            );
        }
        let mut previous = rel.in_force_at_start.then_some(Status::Active);
        for &(_, status, i) in &history {
            let event_id = scenario.events[i].id.as_str();
            if let Some(why) = senseless_transition(previous, status) {
                push(
                    Warning,
                    Item::Event(i),
                    Some(event_id),
                    format!(
                        "event \"{event_id}\" sets \"{}\" to {status}: {why}",
                        rel.id
                    ),
                );
            }
            previous = Some(status);
        }
    }

    problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
    problems
}

/// Why going from `previous` to `next` makes no sense, if it does not.
fn senseless_transition(previous: Option<Status>, next: Status) -> Option<&'static str> {
    use Status::{Active, Ended, Planned, Suspended, WindingDown};
    match (previous, next) {
        (None, Suspended | WindingDown | Ended) => {
            Some("it never began (no earlier event, and not in force at the start)")
        }
        (Some(a), b) if a == b => Some("it already had that status"),
        (Some(Active | Suspended | WindingDown), Planned) => {
            Some("a relationship already under way cannot go back to planned")
        }
        (Some(Planned), Suspended) => Some("it never began"),
        (Some(Ended), Suspended | WindingDown) => Some("it had already ended"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert!(senseless_transition(None, Status::Active).is_none());
        assert!(senseless_transition(None, Status::Ended).is_some());
        assert!(senseless_transition(Some(Status::Active), Status::WindingDown).is_none());
        assert!(senseless_transition(Some(Status::Ended), Status::WindingDown).is_some());
        assert!(senseless_transition(Some(Status::Ended), Status::Active).is_none());
    }
}
