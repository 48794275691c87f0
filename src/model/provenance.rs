//! Where each tie's facts come from: the lists `sahel-atlas check --sources` prints. A tie is
//! listed when its beginning has no source of its own, when its status has not been confirmed
//! for more than 12 months before `research_until`, or when it stays winding down past the
//! notice its denunciation gave.

use jiff::ToSpan;
use jiff::civil::Date;

use super::check::quote;
use super::{Change, Item, Problem, Relationship, Scenario, Severity, Status};

/// How long a status may go without a source before `research_until`.
pub const STALE_AFTER_MONTHS: i32 = 12;

/// One change of one relationship, for these lists.
#[derive(Clone, Copy, Debug)]
struct Step {
    /// When it takes effect.
    effective: Date,
    /// When the event happened or was announced (when a source spoke).
    date: Date,
    /// The status it sets; `None` for a reaffirmation or a size.
    status: Option<Status>,
    /// Event index.
    event: usize,
}

/// Every relationship's changes, in the order they take effect (file order within a day).
fn histories(scenario: &Scenario) -> Vec<Vec<Step>> {
    let index: std::collections::HashMap<&str, usize> = scenario
        .relationships
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut histories = vec![Vec::new(); scenario.relationships.len()];
    for (i, event) in scenario.events.iter().enumerate() {
        for change in &event.changes {
            let Some(&r) = change.relationship().and_then(|id| index.get(id)) else {
                continue;
            };
            let status = match change {
                Change::Relationship { status, .. } => Some(*status),
                _ => None,
            };
            histories[r].push(Step {
                effective: event.effective_date(),
                date: event.date,
                status,
                event: i,
            });
        }
    }
    for h in &mut histories {
        h.sort_by_key(|s| (s.effective, s.event));
    }
    histories
}

/// The provenance lists of `check --sources`, as errors: ties whose beginning has no source,
/// ties whose status is stale at `research_until`, ties winding down past their notice.
pub fn check_sources(scenario: &Scenario) -> Vec<Problem> {
    let histories = histories(scenario);
    let mut problems = Vec::new();
    for (r, (rel, history)) in scenario.relationships.iter().zip(&histories).enumerate() {
        if let Some(message) = unsourced_beginning(scenario, rel, history) {
            problems.push(Problem {
                severity: Severity::Error,
                item: Item::Relationship(r),
                id: Some(rel.id.clone()),
                pointer: String::new(),
                message,
            });
        }
        if let Some(until) = scenario.research_until
            && let Some((pointer, message)) = stale_status(scenario, rel, history, until)
        {
            problems.push(Problem {
                severity: Severity::Error,
                item: Item::Relationship(r),
                id: Some(rel.id.clone()),
                pointer,
                message,
            });
        }
        problems.extend(past_notice(scenario, rel, history));
    }
    problems
}

/// Why a tie's beginning has no source of its own, if it has none: no `start_sources`, and
/// no first event that makes it planned or active.
fn unsourced_beginning(
    scenario: &Scenario,
    rel: &Relationship,
    history: &[Step],
) -> Option<String> {
    if !rel.start_sources.is_empty() {
        return None;
    }
    let q = quote(&rel.id);
    if rel.in_force_at_start {
        return Some(format!(
            "beginning without a source: {q} is in force at the start but has no start_sources"
        ));
    }
    let Some(first) = history.iter().find(|s| s.status.is_some()) else {
        return Some(format!(
            "beginning without a source: {q} has no start_sources and no event that begins it"
        ));
    };
    let event = &scenario.events[first.event];
    match first.status {
        Some(Status::Planned | Status::Active) if !event.sources.is_empty() => None,
        Some(status) => Some(format!(
            "beginning without a source: {q} has no start_sources and its first event {} sets it {status}, not planned or active",
            quote(&event.id)
        )),
        None => None,
    }
}

/// If a tie that holds at `until` (not ended) was last spoken of by a source more than
/// [`STALE_AFTER_MONTHS`] months before it: the pointer and the message.
fn stale_status(
    scenario: &Scenario,
    rel: &Relationship,
    history: &[Step],
    until: Date,
) -> Option<(String, String)> {
    let known: Vec<&Step> = history.iter().filter(|s| s.effective <= until).collect();
    let status = known
        .iter()
        .rev()
        .find_map(|s| s.status)
        .or(rel.in_force_at_start.then_some(Status::Active))?;
    if status == Status::Ended {
        return None;
    }
    let from_events = history
        .iter()
        .filter(|s| s.date <= until)
        .map(|s| s.date)
        .max();
    let confirmed = rel.confirmed_until.filter(|&d| d <= until);
    let last = from_events.max(confirmed).unwrap_or(scenario.span.start);
    let limit = until
        .checked_sub(STALE_AFTER_MONTHS.months())
        .unwrap_or(Date::MIN);
    if last >= limit {
        return None;
    }
    let pointer = if confirmed == Some(last) {
        "/confirmed_until"
    } else {
        ""
    };
    Some((
        pointer.to_owned(),
        format!(
            "status not confirmed lately: {} is {status} on research_until {until}, but no source has spoken of it since {last}, more than {STALE_AFTER_MONTHS} months before",
            quote(&rel.id)
        ),
    ))
}

/// Every time a tie stays winding down after the notice given by the event that started it
/// ran out: until its next status change, or `research_until` (the span's end without one).
fn past_notice(scenario: &Scenario, rel: &Relationship, history: &[Step]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let until = scenario.research_until.unwrap_or(scenario.span.end);
    let changes: Vec<&Step> = history.iter().filter(|s| s.status.is_some()).collect();
    for (k, step) in changes.iter().enumerate() {
        let event = &scenario.events[step.event];
        let (Some(Status::WindingDown), Some(notice)) = (step.status, event.notice) else {
            continue;
        };
        let runs_out = notice.runs_out(event.date);
        let (still, next) = match changes.get(k + 1) {
            Some(next) => (next.effective, format!("until {}", next.effective)),
            None => (until, format!("on {until}, the last day researched")),
        };
        if still > runs_out {
            problems.push(Problem {
                severity: Severity::Error,
                item: Item::Event(step.event),
                id: Some(event.id.clone()),
                pointer: "/notice".to_owned(),
                message: format!(
                    "winding down past its notice: {} winds down from {} with notice {notice} (it ran out on {runs_out}), but is still winding down {next}",
                    quote(&rel.id),
                    event.date
                ),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(relationships: &str, events: &str) -> Scenario {
        let text = format!(
            r#"{{"format": "sahel-atlas/scenario@1", "title": "t",
                "span": {{"start": "2012-01-01", "end": "2026-12-31"}},
                "research_until": "2026-04-27",
                "entities": [
                  {{"id": "MLI", "kind": "state", "name": "Mali"}},
                  {{"id": "FRA", "kind": "state", "name": "France"}}],
                "relationships": [{relationships}],
                "events": [{events}]}}"#
        );
        serde_json::from_str(&text).unwrap()
    }

    const TIE: &str =
        r#"{"id": "t", "label": "T", "kind": "defence-agreement", "parties": ["FRA", "MLI"]}"#;

    fn event(id: &str, date: &str, change: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "date": "{date}", "title": "{id}", "sources": ["https://example.org/{id}"],
                 "changes": [{change}]{extra}}}"#
        )
    }

    fn messages(s: &Scenario) -> Vec<String> {
        check_sources(s).into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn a_beginning_needs_its_own_source() {
        let begins = event(
            "a",
            "2025-06-01",
            r#"{"relationship": "t", "status": "active"}"#,
            "",
        );
        assert!(messages(&scenario(TIE, &begins)).is_empty());
        // First seen when it winds down: its beginning is nowhere.
        let late = event(
            "w",
            "2025-06-01",
            r#"{"relationship": "t", "status": "winding-down"}"#,
            "",
        );
        let found = messages(&scenario(TIE, &late));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("first event \"w\" sets it winding-down"),
            "{found:?}"
        );
        // In force at the start without start_sources, then with them.
        let at_start = TIE.replace("\"parties\"", "\"in_force_at_start\": true, \"parties\"");
        let reaffirm = event(
            "r",
            "2026-01-01",
            r#"{"relationship": "t", "reaffirmed": true}"#,
            "",
        );
        assert!(messages(&scenario(&at_start, &reaffirm))[0].contains("no start_sources"));
        let sourced = at_start.replace(
            "\"parties\"",
            "\"start_sources\": [\"https://example.org/s\"], \"parties\"",
        );
        assert!(messages(&scenario(&sourced, &reaffirm)).is_empty());
    }

    #[test]
    fn a_status_unspoken_of_for_a_year_before_research_until_is_stale() {
        let old = event(
            "a",
            "2024-06-01",
            r#"{"relationship": "t", "status": "active"}"#,
            "",
        );
        let found = messages(&scenario(TIE, &old));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("since 2024-06-01"), "{found:?}");
        // A later size-only event, or confirmed_until, is a source speaking of it.
        let size = event(
            "s",
            "2025-06-01",
            r#"{"relationship": "t", "troops": 100}"#,
            "",
        );
        assert!(messages(&scenario(TIE, &format!("{old}, {size}"))).is_empty());
        let confirmed = TIE.replace(
            "\"parties\"",
            "\"confirmed_until\": \"2025-12-31\", \"confirmed_source\": \"https://example.org/c\", \"parties\"",
        );
        assert!(messages(&scenario(&confirmed, &old)).is_empty());
        // An ended tie needs no confirmation.
        let ended = event(
            "e",
            "2024-07-01",
            r#"{"relationship": "t", "status": "ended"}"#,
            "",
        );
        assert!(messages(&scenario(TIE, &format!("{old}, {ended}"))).is_empty());
    }

    #[test]
    fn winding_down_past_its_notice_is_listed() {
        let begin = event(
            "a",
            "2025-01-01",
            r#"{"relationship": "t", "status": "active"}"#,
            "",
        );
        let denounce = event(
            "d",
            "2025-06-01",
            r#"{"relationship": "t", "status": "winding-down"}"#,
            r#", "notice": "P6M""#,
        );
        // Still winding down on research_until 2026-04-27, the notice ran out 2025-12-01.
        let found = messages(&scenario(TIE, &format!("{begin}, {denounce}")));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("ran out on 2025-12-01"), "{found:?}");
        // Ended on the day the notice ran out: fine; a month later: listed.
        let end = |date| event("e", date, r#"{"relationship": "t", "status": "ended"}"#, "");
        let on_time = format!("{begin}, {denounce}, {}", end("2025-12-01"));
        assert!(messages(&scenario(TIE, &on_time)).is_empty());
        let late = format!("{begin}, {denounce}, {}", end("2026-01-01"));
        assert!(messages(&scenario(TIE, &late))[0].contains("until 2026-01-01"));
    }
}
