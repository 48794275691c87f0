//! The change log: per calendar year, the ties that began and the ties that ended.
//!
//! A tie **begins** when an event makes it active while it was not under way before: it did
//! not exist, was only planned, or had ended (a resumption after an end begins it again; going
//! from suspended back to active does not). A tie **ends** when an event sets it to ended.
//! Ties in force at the span's start have no beginning in the log.

use super::{Day, Status, Timeline};

/// One beginning or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// The day.
    pub day: Day,
    /// Index into [`super::Scenario::relationships`].
    pub relationship: usize,
    /// The event (index into [`super::Scenario::events`]).
    pub event: usize,
}

/// What began and ended in one calendar year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearLog {
    /// The year.
    pub year: i16,
    /// Ties that began, in date order.
    pub began: Vec<LogEntry>,
    /// Ties that ended, in date order.
    pub ended: Vec<LogEntry>,
}

impl Timeline {
    /// Per calendar year with something to say, in order: the ties that began and ended (see
    /// the module documentation for what counts).
    pub fn changelog(&self) -> Vec<YearLog> {
        let mut entries: Vec<(bool, LogEntry)> = Vec::new();
        let relationships = &self.scenario().relationships;
        for (r, rel) in relationships.iter().enumerate() {
            let mut previous = rel.in_force_at_start.then_some(Status::Active);
            for (day, status, event) in self.relationship_history(r) {
                let entry = LogEntry {
                    day,
                    relationship: r,
                    event,
                };
                match (previous, status) {
                    (None | Some(Status::Planned | Status::Ended), Status::Active) => {
                        entries.push((true, entry));
                    }
                    (Some(p), Status::Ended) if p != Status::Ended => {
                        entries.push((false, entry));
                    }
                    (None, Status::Ended) => entries.push((false, entry)),
                    _ => {}
                }
                previous = Some(status);
            }
        }
        entries.sort_by_key(|(_, e)| (e.day, e.event, e.relationship));
        let mut years: Vec<YearLog> = Vec::new();
        for (began, entry) in entries {
            let year = entry.day.to_date().year();
            if years.last().is_none_or(|y| y.year != year) {
                years.push(YearLog {
                    year,
                    began: Vec::new(),
                    ended: Vec::new(),
                });
            }
            if let Some(log) = years.last_mut() {
                if began {
                    log.began.push(entry);
                } else {
                    log.ended.push(entry);
                }
            }
        }
        years
    }

    /// The change log of one year (empty lists when nothing began or ended).
    pub fn changelog_of_year(&self, year: i16) -> YearLog {
        self.changelog()
            .into_iter()
            .find(|y| y.year == year)
            .unwrap_or(YearLog {
                year,
                began: Vec::new(),
                ended: Vec::new(),
            })
    }
}
