//! What changed, as text: a [`Diff`] between two dates as a table, JSON, CSV or Markdown (with
//! sources), and the yearly change log as text or Markdown. Behind `sahel-atlas diff` and
//! `sahel-atlas changelog` (`crate::cli::change_list`), and the app's exports of the Changes
//! panel.
//!
//! The Markdown outputs (and the Changes panel's headings) speak the thread's language
//! (`--lang`, View → Language): their words come from `assets/i18n/*/layers.ftl`, dates are
//! written the language's way, and names, labels and titles use the scenario's translations
//! where it has them. The table, the text change log, CSV and JSON stay in English: they are
//! read by scripts as much as by people.

use std::fmt::Write as _;

use serde::Serialize;

use crate::export::escape::{csv_cell, markdown_link, markdown_text};
use crate::model::i18n::{current_lang, tr, tr_args, tr_static};
use crate::model::{
    DatePrecision, Day, Diff, Event, LogEntry, Relationship, Scenario, Status, Timeline, YearLog,
    format_date_with_precision,
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

/// The heading of a group of the Changes panel: a Sahel state's name, or "Other ties", in
/// the thread's language.
pub fn sahel_heading(timeline: &Timeline, state: Option<&str>) -> String {
    state.map_or_else(
        || tr("changelist-other-ties"),
        |s| entity_name(timeline.scenario(), s).to_owned(),
    )
}

/// An entity's name in the thread's language (its id when there is no such entity).
fn entity_name<'a>(scenario: &'a Scenario, id: &'a str) -> &'a str {
    scenario
        .entity(id)
        .map_or(id, |e| e.i18n.or(current_lang(), "name", &e.name))
}

/// A relationship's label in the thread's language.
fn tie_label(rel: &Relationship) -> &str {
    rel.i18n.or(current_lang(), "label", &rel.label)
}

/// The scenario's title in the thread's language.
fn scenario_title(scenario: &Scenario) -> &str {
    scenario.title_in(current_lang())
}

/// An event's title in the thread's language.
fn event_title(event: &Event) -> &str {
    event.i18n.or(current_lang(), "title", &event.title)
}

/// A status as the Markdown change list writes it ("active", "actif"); "none" for a tie that
/// does not exist at that date.
fn status_text(status: Option<Status>) -> &'static str {
    tr_static(match status {
        None => "changelist-none",
        Some(Status::Planned) => "changelist-status-planned",
        Some(Status::Active) => "changelist-status-active",
        Some(Status::Suspended) => "changelist-status-suspended",
        Some(Status::WindingDown) => "changelist-status-winding-down",
        Some(Status::Ended) => "changelist-status-ended",
    })
}

/// What happened to a tie ("appeared", "ended", "changed"), in the thread's language.
fn change_text(kind: crate::model::ChangeKind) -> &'static str {
    tr_static(match kind {
        crate::model::ChangeKind::Appeared => "changelist-appeared",
        crate::model::ChangeKind::Ended => "changelist-ended",
        crate::model::ChangeKind::Changed => "changelist-changed",
    })
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
        // In English, as the rest of the table.
        let heading = group
            .state
            .map_or("Other ties", |s| scenario.entity_name(s));
        let _ = writeln!(out, "\n{heading}");
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
    tr_args(
        "changelist-event-line",
        &[
            (
                "date",
                format_date_with_precision(e.date, e.precision).into(),
            ),
            ("title", markdown_text(event_title(e)).into()),
            ("links", links.join(", ").into()),
        ],
    )
}

/// A diff as Markdown, grouped by Sahel state, every event with its sources.
pub fn diff_markdown(timeline: &Timeline, diff: &Diff) -> String {
    let scenario = timeline.scenario();
    let day = |d: Day| format_date_with_precision(d.to_date(), DatePrecision::Day);
    let title = tr_args(
        "changelist-diff-title",
        &[("from", day(diff.from).into()), ("to", day(diff.to).into())],
    );
    let count = tr_args(
        "changelist-diff-count",
        &[
            ("count", diff.changes.len().into()),
            ("scenario", markdown_text(scenario_title(scenario)).into()),
        ],
    );
    let mut out = format!("# {title}\n\n{count}\n");
    for group in diff.by_sahel_state(timeline) {
        let _ = writeln!(
            out,
            "\n## {}\n",
            markdown_text(&sahel_heading(timeline, group.state))
        );
        for &i in &group.changes {
            let c = &diff.changes[i];
            let rel = &scenario.relationships[c.relationship];
            let parties = rel
                .parties
                .iter()
                .map(|p| markdown_text(entity_name(scenario, p)))
                .collect::<Vec<_>>()
                .join(", ");
            let line = tr_args(
                "changelist-change-line",
                &[
                    ("label", markdown_text(tie_label(rel)).into()),
                    ("kind", rel.kind.label().into()),
                    ("parties", parties.into()),
                    ("change", change_text(c.kind()).into()),
                    ("from", status_text(c.from).into()),
                    ("to", status_text(c.to).into()),
                ],
            );
            let _ = writeln!(out, "- {line}");
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
        "# {}\n\n{}\n",
        tr("changelist-log-title"),
        markdown_text(scenario_title(scenario))
    );
    for y in years {
        let _ = writeln!(out, "\n## {}\n", y.year);
        for (title, list) in [
            (tr("changelist-began"), &y.began),
            (tr("changelist-ended-heading"), &y.ended),
        ] {
            let _ = writeln!(out, "**{title}** ({})\n", list.len());
            for entry in list {
                let rel = &scenario.relationships[entry.relationship];
                let line = tr_args(
                    "changelist-log-line",
                    &[
                        ("label", markdown_text(tie_label(rel)).into()),
                        ("event", event_markdown(timeline, entry.event).into()),
                    ],
                );
                let _ = writeln!(out, "- {line}");
            }
            out.push('\n');
        }
    }
    out
}
