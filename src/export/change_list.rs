//! What changed, as text: a [`Diff`] between two dates as a table, JSON, CSV or Markdown (with
//! sources), and the yearly change log as text or Markdown. Behind `sahel-atlas diff` and
//! `sahel-atlas changelog` (`crate::cli::change_list`), and the app's exports of the Changes
//! panel.

use std::fmt::Write as _;

use serde::Serialize;

use crate::export::escape::{csv_cell, markdown_link, markdown_text};
use crate::model::{
    DatePrecision, Day, Diff, LogEntry, Timeline, YearLog, format_date_with_precision,
};

/// One change in `diff --json`.
#[derive(Debug, Serialize)]
pub struct ChangeJson<'a> {
    /// Relationship id.
    pub id: &'a str,
    /// Its label.
    pub label: &'a str,
    /// The relationship's kind (`military-mission`, …).
    pub kind: &'a str,
    /// `appeared`, `ended` or `changed`.
    pub change: &'static str,
    /// The partner group's id.
    pub group: &'a str,
    /// Entity ids.
    pub parties: &'a [String],
    /// Status at `from`; `null` when it did not exist then.
    pub from_status: Option<&'static str>,
    /// Status at `to`; `null` when it does not exist then.
    pub to_status: Option<&'static str>,
    /// Ids of the events between the dates that changed it, in date order.
    pub events: Vec<&'a str>,
}

/// The whole of `diff --json`.
#[derive(Debug, Serialize)]
pub struct DiffJson<'a> {
    /// The first date, `YYYY-MM-DD`.
    pub from: String,
    /// The second date.
    pub to: String,
    /// Every tie whose status differs.
    pub changes: Vec<ChangeJson<'a>>,
}

/// A diff in the shape `diff --json` prints.
pub fn diff_json<'a>(timeline: &'a Timeline, diff: &Diff) -> DiffJson<'a> {
    let scenario = timeline.scenario();
    let changes = diff
        .changes
        .iter()
        .map(|c| {
            let rel = &scenario.relationships[c.relationship];
            ChangeJson {
                id: &rel.id,
                label: &rel.label,
                kind: rel.kind.as_str(),
                change: c.kind().as_str(),
                group: &timeline.groups()[timeline.group_of_relationship(c.relationship)].id,
                parties: &rel.parties,
                from_status: c.from.map(|s| s.as_str()),
                to_status: c.to.map(|s| s.as_str()),
                events: c
                    .events
                    .iter()
                    .map(|&e| scenario.events[e].id.as_str())
                    .collect(),
            }
        })
        .collect();
    DiffJson {
        from: diff.from.to_date().to_string(),
        to: diff.to.to_date().to_string(),
        changes,
    }
}

fn status_word(status: Option<crate::model::Status>) -> &'static str {
    status.map_or("none", |s| s.as_str())
}

/// The heading of a group of the Changes panel: a Sahel state's name, or "Other ties".
pub fn sahel_heading(timeline: &Timeline, state: Option<&str>) -> String {
    state.map_or_else(
        || "Other ties".to_owned(),
        |s| timeline.scenario().entity_name(s).to_owned(),
    )
}

fn day_text(timeline: &Timeline, event: crate::model::EventIx) -> String {
    let e = &timeline.scenario().events[event];
    format_date_with_precision(e.date, e.precision)
}

/// A diff as a readable table, grouped by Sahel state.
pub fn diff_table(timeline: &Timeline, diff: &Diff) -> String {
    let scenario = timeline.scenario();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Changes from {} to {}: {}",
        diff.from.to_date(),
        diff.to.to_date(),
        diff.changes.len()
    );
    for group in diff.by_sahel_state(timeline) {
        let _ = writeln!(out, "\n{}", sahel_heading(timeline, group.state));
        for &i in &group.changes {
            let c = &diff.changes[i];
            let rel = &scenario.relationships[c.relationship];
            let _ = writeln!(
                out,
                "  {:<9} {:<60} {} -> {}   ({})",
                c.kind().as_str(),
                rel.label.chars().take(60).collect::<String>(),
                status_word(c.from),
                status_word(c.to),
                rel.parties.join(", ")
            );
            for &e in &c.events {
                let _ = writeln!(
                    out,
                    "            {:<12} {}",
                    day_text(timeline, e),
                    scenario.events[e].title
                );
            }
        }
    }
    out
}

/// A diff as CSV: one row per change, with its events, their dates and their sources.
pub fn diff_csv(timeline: &Timeline, diff: &Diff) -> String {
    let scenario = timeline.scenario();
    let mut out = String::from(
        "from,to,id,label,kind,change,group,parties,from_status,to_status,events,event_dates,sources\n",
    );
    for c in &diff.changes {
        let rel = &scenario.relationships[c.relationship];
        let events: Vec<&str> = c
            .events
            .iter()
            .map(|&e| scenario.events[e].id.as_str())
            .collect();
        let dates: Vec<String> = c
            .events
            .iter()
            .map(|&e| scenario.events[e].date.to_string())
            .collect();
        let mut sources: Vec<&str> = Vec::new();
        for &e in &c.events {
            for s in &scenario.events[e].sources {
                if !sources.contains(&s.as_str()) {
                    sources.push(s);
                }
            }
        }
        let fields = [
            diff.from.to_date().to_string(),
            diff.to.to_date().to_string(),
            rel.id.clone(),
            rel.label.clone(),
            rel.kind.as_str().to_owned(),
            c.kind().as_str().to_owned(),
            timeline.groups()[timeline.group_of_relationship(c.relationship)]
                .id
                .clone(),
            rel.parties.join(" "),
            c.from.map(|s| s.as_str()).unwrap_or_default().to_owned(),
            c.to.map(|s| s.as_str()).unwrap_or_default().to_owned(),
            events.join(" "),
            dates.join(" "),
            sources.join(" "),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_cell(f)).collect();
        let _ = writeln!(out, "{}", row.join(","));
    }
    out
}

/// An event as one Markdown line: date, title, numbered source links.
fn event_markdown(timeline: &Timeline, event: crate::model::EventIx) -> String {
    let e = &timeline.scenario().events[event];
    let links: Vec<String> = e
        .sources
        .iter()
        .enumerate()
        .map(|(n, s)| markdown_link(&(n + 1).to_string(), s))
        .collect();
    format!(
        "{}: {} (sources: {})",
        format_date_with_precision(e.date, e.precision),
        markdown_text(&e.title),
        links.join(", ")
    )
}

/// A diff as Markdown, grouped by Sahel state, every event with its sources.
pub fn diff_markdown(timeline: &Timeline, diff: &Diff) -> String {
    let scenario = timeline.scenario();
    let day = |d: Day| format_date_with_precision(d.to_date(), DatePrecision::Day);
    let mut out = format!(
        "# What changed from {} to {}\n\n{} tie(s) changed status ({}).\n",
        day(diff.from),
        day(diff.to),
        diff.changes.len(),
        markdown_text(&scenario.title)
    );
    for group in diff.by_sahel_state(timeline) {
        let _ = writeln!(
            out,
            "\n## {}\n",
            markdown_text(&sahel_heading(timeline, group.state))
        );
        for &i in &group.changes {
            let c = &diff.changes[i];
            let rel = &scenario.relationships[c.relationship];
            let _ = writeln!(
                out,
                "- **{}** ({}; {}): {}, {} → {}",
                markdown_text(&rel.label),
                rel.kind.label(),
                rel.parties
                    .iter()
                    .map(|p| markdown_text(scenario.entity_name(p)))
                    .collect::<Vec<_>>()
                    .join(", "),
                c.kind().as_str(),
                status_word(c.from),
                status_word(c.to)
            );
            for &e in &c.events {
                let _ = writeln!(out, "  - {}", event_markdown(timeline, e));
            }
        }
    }
    out
}

fn log_line(timeline: &Timeline, entry: &LogEntry) -> (String, String, String) {
    let scenario = timeline.scenario();
    let rel = &scenario.relationships[entry.relationship];
    (
        day_text(timeline, entry.event),
        rel.label.clone(),
        rel.parties.join(", "),
    )
}

/// The change log as text: per year, what began and what ended.
pub fn changelog_text(timeline: &Timeline, years: &[YearLog]) -> String {
    let mut out = String::new();
    for y in years {
        let _ = writeln!(out, "{}", y.year);
        for (title, list) in [("began", &y.began), ("ended", &y.ended)] {
            let _ = writeln!(out, "  {} {title}", list.len());
            for entry in list {
                let (date, label, parties) = log_line(timeline, entry);
                let _ = writeln!(out, "    {date:<12} {label} ({parties})");
            }
        }
        out.push('\n');
    }
    out
}

/// The change log as Markdown, every entry with its event and sources.
pub fn changelog_markdown(timeline: &Timeline, years: &[YearLog]) -> String {
    let scenario = timeline.scenario();
    let mut out = format!(
        "# Ties that began and ended, by year\n\n{}\n",
        markdown_text(&scenario.title)
    );
    for y in years {
        let _ = writeln!(out, "\n## {}\n", y.year);
        for (title, list) in [("Began", &y.began), ("Ended", &y.ended)] {
            let _ = writeln!(out, "**{title}** ({})\n", list.len());
            for entry in list {
                let rel = &scenario.relationships[entry.relationship];
                let _ = writeln!(
                    out,
                    "- **{}**: {}",
                    markdown_text(&rel.label),
                    event_markdown(timeline, entry.event)
                );
            }
            out.push('\n');
        }
    }
    out
}
