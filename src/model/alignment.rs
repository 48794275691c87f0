//! Alignment over time: for a state, how many of its live ties each partner group holds, as a
//! step series over the whole span, for the stacked chart.
//!
//! **Live** here means *active* or *winding-down*: the tie is operating (troops still on the
//! ground, a mission still at work) on that day. *Planned* ties are not yet operating,
//! *suspended* ones have stopped (US aid to Niger after the 2023 coup), *ended* ones are over:
//! counting them would show a state still leaning on partners it has turned away from.
//! Sanctions are left out: they are ties *against* a state, not alignment with the sanctioner.

use super::{Day, RelationshipKind, Status, Timeline};

/// Whether a tie in this status counts in the alignment chart.
pub fn counts_for_alignment(status: Status) -> bool {
    matches!(status, Status::Active | Status::WindingDown)
}

/// From `from` until the next step (or the span's end), the number of live ties per group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlignmentStep {
    /// First day of the step.
    pub from: Day,
    /// Per group (index into [`Timeline::groups`]), the number of live ties.
    pub counts: Vec<u32>,
}

/// A state's alignment over the whole span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alignment {
    /// The state (index into [`super::Scenario::entities`]).
    pub entity: usize,
    /// In date order; the first starts at the span's start; consecutive steps differ.
    pub steps: Vec<AlignmentStep>,
    /// The span's last day (the last step runs to it).
    pub end: Day,
}

impl Alignment {
    /// The largest total of any step.
    pub fn max_total(&self) -> u32 {
        self.steps
            .iter()
            .map(|s| s.counts.iter().sum::<u32>())
            .max()
            .unwrap_or(0)
    }

    /// The step in force on `day` (the first one before the span).
    pub fn step_at(&self, day: Day) -> Option<&AlignmentStep> {
        let i = self.steps.partition_point(|s| s.from <= day);
        self.steps.get(i.saturating_sub(1))
    }

    /// The last day of step `i`.
    pub fn step_end(&self, i: usize) -> Day {
        self.steps
            .get(i + 1)
            .map_or(self.end, |next| next.from.plus(-1))
    }
}

impl Timeline {
    /// The relationships that count in an entity's alignment: those it is a party to, except
    /// sanctions.
    fn alignment_relationships(&self, entity: usize) -> Vec<usize> {
        let Some(id) = self.scenario().entities.get(entity).map(|e| e.id.as_str()) else {
            return Vec::new();
        };
        self.scenario()
            .relationships
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.kind != RelationshipKind::Sanctions && r.parties.iter().any(|p| p == id)
            })
            .map(|(i, _)| i)
            .collect()
    }

    fn status_on(&self, relationship: usize, day: Day) -> Option<Status> {
        let mut status = self.scenario().relationships[relationship]
            .in_force_at_start
            .then_some(Status::Active);
        for (d, s, _) in self.relationship_history(relationship) {
            if d > day {
                break;
            }
            status = Some(s);
        }
        status
    }

    /// The entity's live ties per partner group over the whole span (see the module
    /// documentation for what counts).
    pub fn alignment(&self, entity: usize) -> Alignment {
        let relationships = self.alignment_relationships(entity);
        let mut days: Vec<Day> = vec![self.start()];
        for &r in &relationships {
            days.extend(
                self.relationship_history(r)
                    .map(|(d, _, _)| d)
                    .filter(|&d| d > self.start() && d <= self.end()),
            );
        }
        days.sort_unstable();
        days.dedup();
        let mut steps: Vec<AlignmentStep> = Vec::new();
        for day in days {
            let mut counts = vec![0u32; self.groups().len()];
            for &r in &relationships {
                if self.status_on(r, day).is_some_and(counts_for_alignment) {
                    counts[self.group_of_relationship(r)] += 1;
                }
            }
            if steps.last().is_none_or(|s| s.counts != counts) {
                steps.push(AlignmentStep { from: day, counts });
            }
        }
        Alignment {
            entity,
            steps,
            end: self.end(),
        }
    }

    /// The ties behind one band of the chart: the entity's live ties of `group` on `day`.
    pub fn alignment_ties(&self, entity: usize, group: usize, day: Day) -> Vec<usize> {
        self.alignment_relationships(entity)
            .into_iter()
            .filter(|&r| {
                self.group_of_relationship(r) == group
                    && self.status_on(r, day).is_some_and(counts_for_alignment)
            })
            .collect()
    }
}
