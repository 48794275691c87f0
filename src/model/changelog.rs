//! The change log: per calendar year, the ties that began and the ties that ended.
//!
//! A tie **begins** when an event makes it active while it was not under way before: it did
//! not exist, was only planned, or had ended (a resumption after an end begins it again; going
//! from suspended back to active does not). A tie **ends** when an event sets it to ended.
//! Ties in force at the span's start have no beginning in the log.

use super::{Day, EventIx, RelIx, Status, Timeline};

/// One beginning or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// The day.
    pub day: Day,
    /// The tie.
    pub relationship: RelIx,
    /// The event.
    pub event: EventIx,
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
        for (r, rel) in self.scenario().relationships_ix() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beginnings_and_ends_by_year() {
        let text = r#"{"format": "sahel-atlas/scenario@1", "title": "t",
            "span": {"start": "2020-01-01", "end": "2023-12-31"},
            "entities": [{"id": "NER", "kind": "state", "name": "Niger"},
                         {"id": "FRA", "kind": "state", "name": "France"}],
            "relationships": [
              {"id": "a", "label": "A", "kind": "other", "parties": ["FRA", "NER"]},
              {"id": "b", "label": "B", "kind": "other", "parties": ["FRA", "NER"], "in_force_at_start": true}],
            "events": [
              {"id": "e1", "date": "2020-03-01", "title": "t", "sources": ["https://x"],
               "changes": [{"relationship": "a", "status": "planned"}]},
              {"id": "e2", "date": "2021-03-01", "title": "t", "sources": ["https://x"],
               "changes": [{"relationship": "a", "status": "active"}, {"relationship": "b", "status": "suspended"}]},
              {"id": "e3", "date": "2021-06-01", "title": "t", "sources": ["https://x"],
               "changes": [{"relationship": "b", "status": "active"}]},
              {"id": "e4", "date": "2022-05-01", "title": "t", "sources": ["https://x"],
               "changes": [{"relationship": "a", "status": "ended"}, {"relationship": "b", "status": "ended"}]},
              {"id": "e5", "date": "2023-02-01", "title": "t", "sources": ["https://x"],
               "changes": [{"relationship": "a", "status": "active"}]}]}"#;
        let t = Timeline::new(serde_json::from_str(text).expect("scenario"));
        let log = t.changelog();
        let years: Vec<i16> = log.iter().map(|y| y.year).collect();
        // 2020 only planned a tie: nothing began.
        assert_eq!(years, [2021, 2022, 2023]);
        // 2021: a began (planned -> active); b resumed after a suspension, which is no beginning.
        assert_eq!(log[0].began.len(), 1);
        assert_eq!(log[0].began[0].relationship, RelIx::new(0));
        assert!(log[0].ended.is_empty());
        assert_eq!(log[1].ended.len(), 2);
        // Active again after an end: it begins again.
        assert_eq!(log[2].began.len(), 1);
        assert_eq!(t.changelog_of_year(2020).began.len(), 0);
    }
}
