//! What changed between two dates: every tie whose status differs, and the events that did it.
//!
//! A [`Diff`] compares the state at `from` with the state at `to` (the same states
//! [`Timeline::state_at`] gives, and so `sahel-atlas state --at`). `from` may be later than
//! `to`: the comparison then reads backwards (a tie that exists at `from` but not yet at `to`
//! has `to: None`). Equal dates give no changes.

use super::{Day, EventIx, RelIx, Status, Timeline, is_sahel_state};

/// How a tie differs between the two dates, for drawing and legends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// It did not exist at the first date and is live (not ended) at the second.
    Appeared,
    /// It is ended at the second date, or does not exist then (reading backwards), having
    /// been something else at the first.
    Ended,
    /// It exists at both dates with different statuses, and has not ended at the second.
    Changed,
}

impl ChangeKind {
    /// The word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Appeared => "appeared",
            Self::Ended => "ended",
            Self::Changed => "changed",
        }
    }
}

/// One tie whose status differs between the two dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TieChange {
    /// The tie.
    pub relationship: RelIx,
    /// Its status at the first date; `None` when it did not exist then.
    pub from: Option<Status>,
    /// Its status at the second date; `None` when it does not exist then.
    pub to: Option<Status>,
    /// The events between the two dates that changed it, in date order: those after the
    /// earlier date and on or before the later one.
    pub events: Vec<EventIx>,
}

impl TieChange {
    /// Appeared, ended or changed.
    pub fn kind(&self) -> ChangeKind {
        match (self.from, self.to) {
            (_, None | Some(Status::Ended)) => ChangeKind::Ended,
            (None, Some(_)) => ChangeKind::Appeared,
            (Some(_), Some(_)) => ChangeKind::Changed,
        }
    }
}

/// Every tie whose status differs between two dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    /// The first date (the state compared from).
    pub from: Day,
    /// The second date (the state compared to).
    pub to: Day,
    /// In scenario order of the relationships.
    pub changes: Vec<TieChange>,
}

/// The changes under one Sahel state, for the Changes panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SahelChanges {
    /// The Sahel state's id (`NER`), or `None` for the ties with no Sahel state among their
    /// parties.
    pub state: Option<&'static str>,
    /// Indices into [`Diff::changes`].
    pub changes: Vec<usize>,
}

impl Diff {
    /// Compares the state at `from` with the state at `to`.
    pub fn between(timeline: &Timeline, from: Day, to: Day) -> Self {
        let mut changes = Vec::new();
        if from != to {
            let (a, b) = (timeline.state_at(from), timeline.state_at(to));
            let (early, late) = if from < to { (from, to) } else { (to, from) };
            for r in RelIx::all(timeline.scenario().relationships.len()) {
                let (was, is) = (a.link(r).map(|l| l.status), b.link(r).map(|l| l.status));
                if was == is {
                    continue;
                }
                let mut events: Vec<EventIx> = timeline
                    .relationship_history(r)
                    .filter(|&(day, _, _)| day > early && day <= late)
                    .map(|(_, _, event)| event)
                    .collect();
                // An event that (wrongly) changes a tie twice is named once.
                events.dedup();
                changes.push(TieChange {
                    relationship: r,
                    from: was,
                    to: is,
                    events,
                });
            }
        }
        Self { from, to, changes }
    }

    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The change of a relationship, if it changed.
    pub fn change_of(&self, relationship: RelIx) -> Option<&TieChange> {
        self.changes.iter().find(|c| c.relationship == relationship)
    }

    /// The changes grouped by Sahel state, in the order of [`super::SAHEL_STATES`]: a change
    /// sits under every Sahel state among its parties; those with none come last, under
    /// `None`. States without changes are left out.
    pub fn by_sahel_state(&self, timeline: &Timeline) -> Vec<SahelChanges> {
        let relationships = &timeline.scenario().relationships;
        let mut out: Vec<SahelChanges> = super::SAHEL_STATES
            .iter()
            .map(|&s| SahelChanges {
                state: Some(s),
                changes: Vec::new(),
            })
            .collect();
        let mut rest = Vec::new();
        for (i, change) in self.changes.iter().enumerate() {
            let parties = &relationships[change.relationship].parties;
            let mut placed = false;
            for group in &mut out {
                if group.state.is_some_and(|s| parties.iter().any(|p| p == s)) {
                    group.changes.push(i);
                    placed = true;
                }
            }
            if !placed && !parties.iter().any(|p| is_sahel_state(p)) {
                rest.push(i);
            }
        }
        out.retain(|g| !g.changes.is_empty());
        if !rest.is_empty() {
            out.push(SahelChanges {
                state: None,
                changes: rest,
            });
        }
        out
    }
}

impl Timeline {
    /// Every tie whose status differs between `from` and `to`: see [`Diff`].
    pub fn diff(&self, from: Day, to: Day) -> Diff {
        Diff::between(self, from, to)
    }
}
