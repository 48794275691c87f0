//! Alignment over time: for a state, how many of its live ties each partner group holds, as a
//! step series over the whole span, for the stacked chart.
//!
//! **Live** here means *active* or *winding-down*: the tie is operating (troops still on the
//! ground, a mission still at work) on that day. *Planned* ties are not yet operating,
//! *suspended* ones have stopped (US aid to Niger after the 2023 coup), *ended* ones are over:
//! counting them would show a state still leaning on partners it has turned away from.
//! Sanctions are left out: they are ties *against* a state, not alignment with the sanctioner.
//!
//! A **partner** (France, Russia, the EU: any entity that is not one of the five Sahel states)
//! has one partner group, so counting its ties per group would say nothing. Its chart is
//! grouped by **counterpart** instead ([`Timeline::counterparts`]): one row per state or body
//! it has ties with, coloured by the status of those ties over time.

use super::{
    Day, EntityIx, RelIx, RelationshipKind, SAHEL_STATES, Status, Timeline, is_sahel_state,
};

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
    /// The state.
    pub entity: EntityIx,
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
    fn alignment_relationships(&self, entity: EntityIx) -> Vec<RelIx> {
        let Some(id) = self.scenario().entity_at(entity).map(|e| e.id.as_str()) else {
            return Vec::new();
        };
        self.scenario()
            .relationships_ix()
            .filter(|(_, r)| {
                r.kind != RelationshipKind::Sanctions && r.parties.iter().any(|p| p == id)
            })
            .map(|(i, _)| i)
            .collect()
    }

    fn status_on(&self, relationship: RelIx, day: Day) -> Option<Status> {
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
    pub fn alignment(&self, entity: EntityIx) -> Alignment {
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
    pub fn alignment_ties(&self, entity: EntityIx, group: usize, day: Day) -> Vec<RelIx> {
        self.alignment_relationships(entity)
            .into_iter()
            .filter(|&r| {
                self.group_of_relationship(r) == group
                    && self.status_on(r, day).is_some_and(counts_for_alignment)
            })
            .collect()
    }
}

/// A partner's ties with one counterpart over the whole span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CounterpartRow {
    /// The counterpart.
    pub counterpart: EntityIx,
    /// The ties between the partner and the counterpart, sanctions left out.
    pub relationships: Vec<RelIx>,
    /// In date order, the first at the span's start, consecutive ones differing: from that
    /// day on, the most live status among the ties ([`Status::liveliness`]), `None` while
    /// none of them has begun.
    pub steps: Vec<(Day, Option<Status>)>,
}

impl CounterpartRow {
    /// The status on `day` (the first step's before the span).
    pub fn status_at(&self, day: Day) -> Option<Status> {
        let i = self.steps.partition_point(|s| s.0 <= day);
        self.steps.get(i.saturating_sub(1)).and_then(|s| s.1)
    }
}

/// A partner's ties over the whole span, one row per counterpart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counterparts {
    /// The partner.
    pub entity: EntityIx,
    /// The Sahel states first (in the order of [`SAHEL_STATES`]), then the other
    /// counterparts in the scenario's order.
    pub rows: Vec<CounterpartRow>,
    /// The span's last day (the last step of each row runs to it).
    pub end: Day,
}

impl Counterparts {
    /// The last day of step `i` of `row`.
    pub fn step_end(&self, row: &CounterpartRow, i: usize) -> Day {
        row.steps
            .get(i + 1)
            .map_or(self.end, |next| next.0.plus(-1))
    }
}

impl Timeline {
    /// Whether an entity's chart is grouped by counterpart: every entity but the five Sahel
    /// states (whose chart is grouped by partner group).
    pub fn charts_by_counterpart(&self, entity: EntityIx) -> bool {
        self.scenario()
            .entity_at(entity)
            .is_some_and(|e| !is_sahel_state(&e.id))
    }

    /// The counterparts of `entity` in a relationship it is a party to: the Sahel states among
    /// the other parties, or all the other parties when there is none (France's Takuba tie is
    /// with Mali and Niger, not with the eleven European states beside it).
    fn counterparts_in(&self, entity: EntityIx, relationship: RelIx) -> Vec<EntityIx> {
        let scenario = self.scenario();
        let (Some(me), Some(r)) = (
            scenario.entity_at(entity),
            scenario.relationship_at(relationship),
        ) else {
            return Vec::new();
        };
        let others: Vec<&str> = r
            .parties
            .iter()
            .map(String::as_str)
            .filter(|p| *p != me.id)
            .collect();
        let sahel: Vec<&str> = others
            .iter()
            .copied()
            .filter(|p| is_sahel_state(p))
            .collect();
        let chosen = if sahel.is_empty() { others } else { sahel };
        chosen
            .into_iter()
            .filter_map(|p| self.entity_index(p))
            .collect()
    }

    /// A partner's ties over the whole span, grouped by counterpart (see the module
    /// documentation). Works for any entity; the app and `chart` use it for those that
    /// [`Self::charts_by_counterpart`].
    pub fn counterparts(&self, entity: EntityIx) -> Counterparts {
        let mut rows: Vec<CounterpartRow> = Vec::new();
        for r in self.alignment_relationships(entity) {
            for c in self.counterparts_in(entity, r) {
                match rows.iter_mut().find(|row| row.counterpart == c) {
                    Some(row) => row.relationships.push(r),
                    None => rows.push(CounterpartRow {
                        counterpart: c,
                        relationships: vec![r],
                        steps: Vec::new(),
                    }),
                }
            }
        }
        let scenario = self.scenario();
        let order = |c: EntityIx| {
            let id = scenario.entity_at(c).map_or("", |e| e.id.as_str());
            SAHEL_STATES
                .iter()
                .position(|s| *s == id)
                .map_or((1, c.index()), |k| (0, k))
        };
        rows.sort_by_key(|row| order(row.counterpart));
        for row in &mut rows {
            let mut days: Vec<Day> = vec![self.start()];
            for &r in &row.relationships {
                days.extend(
                    self.relationship_history(r)
                        .map(|(d, _, _)| d)
                        .filter(|&d| d > self.start() && d <= self.end()),
                );
            }
            days.sort_unstable();
            days.dedup();
            for day in days {
                let status = row
                    .relationships
                    .iter()
                    .filter_map(|&r| self.status_on(r, day))
                    .max_by_key(|s| s.liveliness());
                if row.steps.last().is_none_or(|s| s.1 != status) {
                    row.steps.push((day, status));
                }
            }
        }
        Counterparts {
            entity,
            rows,
            end: self.end(),
        }
    }

    /// The ties behind a row of a partner's chart on `day`, each with its status then
    /// (`None`: not begun).
    pub fn counterpart_ties(
        &self,
        entity: EntityIx,
        counterpart: EntityIx,
        day: Day,
    ) -> Vec<(RelIx, Option<Status>)> {
        self.alignment_relationships(entity)
            .into_iter()
            .filter(|&r| self.counterparts_in(entity, r).contains(&counterpart))
            .map(|r| (r, self.status_on(r, day)))
            .collect()
    }
}
