//! The scenario indexed by time: the state at any date without replaying history.
//!
//! Every change of every relationship and state sits in one date-ordered list of steps. A
//! [`State`] is how many of each relationship's changes apply (statuses are read from those
//! counts on demand), so [`Timeline::state_at`] copies the nearest snapshot of counts (one every
//! [`SNAPSHOT_STEPS`] steps) and applies at most that many steps, and [`Timeline::seek`] moves an
//! existing state by applying or undoing only the steps in between, which is what scrubbing
//! does.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::{
    Change, Day, EntityKind, GovernmentForm, OTHER_GROUP, Scenario, Status, is_sahel_state,
    parse_colour,
};

/// A partner group resolved for drawing: its id, label and colour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerGroup {
    /// Id from the file (`western`, …).
    pub id: String,
    /// Legend text.
    pub label: String,
    /// sRGB colour.
    pub colour: [u8; 3],
}

/// Colours for groups that give none, by position.
const GROUP_PALETTE: [[u8; 3]; 6] = [
    [0x2C, 0x6F, 0xBB],
    [0xB8, 0x32, 0x2E],
    [0xD9, 0x8E, 0x04],
    [0x3A, 0x9B, 0xD9],
    [0x8A, 0x8A, 0x8A],
    [0x7B, 0x4F, 0x9D],
];

/// One dated status change of one relationship.
#[derive(Clone, Copy, Debug)]
struct StatusChange {
    day: Day,
    status: Status,
    event: u32,
}

/// One dated government change of one state.
#[derive(Clone, Debug)]
struct GovernmentChange {
    day: Day,
    form: GovernmentForm,
    leader: Option<Arc<str>>,
    /// `None` for the government the entity declares at the span start.
    event: Option<u32>,
}

/// A change in the global, date-ordered list, for incremental seeking.
#[derive(Clone, Copy, Debug)]
enum Step {
    Link { relationship: u32, index: u32 },
    Country { slot: u32, index: u32 },
}

/// Steps between two snapshots of the counts.
pub const SNAPSHOT_STEPS: usize = 1024;

/// Every relationship's changes, flattened, shared by the timeline and its states.
#[derive(Debug)]
struct LinkIndex {
    changes: Vec<StatusChange>,
    /// `changes[offsets[r]..offsets[r + 1]]` are relationship `r`'s, in date order.
    offsets: Vec<u32>,
    in_force_at_start: Vec<bool>,
}

impl LinkIndex {
    /// Relationship `r`'s changes in date order (none for an unknown index).
    fn changes_of(&self, r: usize) -> &[StatusChange] {
        match (self.offsets.get(r), self.offsets.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.changes[a as usize..b as usize],
            _ => &[],
        }
    }

    fn link_state(&self, r: usize, applied: u32) -> Option<LinkState> {
        match applied.checked_sub(1) {
            Some(k) => {
                let c = self.changes[self.offsets[r] as usize + k as usize];
                Some(LinkState {
                    relationship: r,
                    status: c.status,
                    since: Some(c.day),
                    event: Some(c.event as usize),
                })
            }
            None if self.in_force_at_start[r] => Some(LinkState {
                relationship: r,
                status: Status::Active,
                since: None,
                event: None,
            }),
            None => None,
        }
    }
}

/// The counts after a number of steps.
#[derive(Clone, Debug)]
struct Snapshot {
    steps: usize,
    link_applied: Vec<u32>,
    country_applied: Vec<u32>,
}

/// A scenario indexed for fast queries by date.
#[derive(Clone, Debug)]
pub struct Timeline {
    scenario: Scenario,
    start: Day,
    end: Day,
    relationship_index: HashMap<String, usize>,
    entity_index: HashMap<String, usize>,
    /// The entities (states) that have a government, and their changes sorted by day.
    country_entities: Vec<usize>,
    country_changes: Vec<Vec<GovernmentChange>>,
    /// Event indices sorted by date (stable), and their days.
    events_by_day: Vec<usize>,
    event_days: Vec<Day>,
    /// Every change of every relationship and state, in date order, for [`State::seek`].
    steps: Vec<Step>,
    step_days: Vec<Day>,
    links: Arc<LinkIndex>,
    snapshots: Vec<Snapshot>,
    /// Partner groups, the last-resort "other" one included.
    groups: Vec<PartnerGroup>,
    /// Per entity: its group (index into `groups`).
    entity_group: Vec<usize>,
    /// Per relationship: the entity that decides its group, and that group.
    relationship_partner: Vec<Option<usize>>,
    relationship_group: Vec<usize>,
}

/// The status of one relationship at a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkState {
    /// Index into [`Scenario::relationships`].
    pub relationship: usize,
    /// Status at the date.
    pub status: Status,
    /// The day this status began; `None` when in force since before the span.
    pub since: Option<Day>,
    /// The event that set it (index into [`Scenario::events`]).
    pub event: Option<usize>,
}

/// A state's government at a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryState {
    /// Index into [`Scenario::entities`].
    pub entity: usize,
    /// Civilian or military.
    pub government: GovernmentForm,
    /// Who leads it.
    pub leader: Option<Arc<str>>,
    /// The day this government began, if an event set it.
    pub since: Option<Day>,
    /// The event that set it.
    pub event: Option<usize>,
}

/// Everything that holds at one date.
#[derive(Clone)]
pub struct State {
    /// The date.
    pub day: Day,
    /// Every state with a known government at the date.
    pub countries: Vec<CountryState>,
    links: Arc<LinkIndex>,
    /// Per relationship: how many of its changes apply (0 = none yet).
    link_applied: Vec<u32>,
    /// Per country slot: how many of its changes apply.
    country_applied: Vec<u32>,
    /// How many of the timeline's steps apply.
    steps_applied: usize,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.day == other.day
            && self.countries == other.countries
            && self.link_applied == other.link_applied
            && self.country_applied == other.country_applied
            && self.steps_applied == other.steps_applied
    }
}

impl Eq for State {}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("day", &self.day)
            .field("links", &self.links().collect::<Vec<_>>())
            .field("countries", &self.countries)
            .finish()
    }
}

impl Timeline {
    /// Indexes a scenario. References to unknown ids are ignored here: check the scenario with
    /// [`super::check`] first to report them.
    pub fn new(scenario: Scenario) -> Self {
        let relationship_index: HashMap<String, usize> = scenario
            .relationships
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let entity_index: HashMap<String, usize> = scenario
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let start = Day::from_date(scenario.span.start);
        let end = Day::from_date(scenario.span.end).max(start);

        let mut events_by_day: Vec<usize> = (0..scenario.events.len()).collect();
        events_by_day.sort_by_key(|&i| scenario.events[i].date);
        let event_days: Vec<Day> = events_by_day
            .iter()
            .map(|&i| Day::from_date(scenario.events[i].date))
            .collect();

        let mut link_changes: Vec<Vec<StatusChange>> =
            vec![Vec::new(); scenario.relationships.len()];
        let mut country_slot: HashMap<usize, usize> = HashMap::new();
        let mut country_entities = Vec::new();
        let mut country_changes: Vec<Vec<GovernmentChange>> = Vec::new();
        for (i, entity) in scenario.entities.iter().enumerate() {
            if let (EntityKind::State, Some(gov)) = (entity.kind, &entity.government) {
                country_slot.insert(i, country_entities.len());
                country_entities.push(i);
                country_changes.push(vec![GovernmentChange {
                    day: Day(i32::MIN),
                    form: gov.form,
                    leader: gov.leader.as_deref().map(Arc::from),
                    event: None,
                }]);
            }
        }
        for &event_index in &events_by_day {
            let event = &scenario.events[event_index];
            let day = Day::from_date(event.date);
            let event_u32 = u32::try_from(event_index).unwrap_or(u32::MAX);
            for change in &event.changes {
                match change {
                    Change::Relationship {
                        relationship,
                        status,
                    } => {
                        if let Some(&r) = relationship_index.get(relationship) {
                            link_changes[r].push(StatusChange {
                                day,
                                status: *status,
                                event: event_u32,
                            });
                        }
                    }
                    Change::State {
                        state,
                        government,
                        leader,
                    } => {
                        let Some(&e) = entity_index.get(state) else {
                            continue;
                        };
                        let slot = *country_slot.entry(e).or_insert_with(|| {
                            country_entities.push(e);
                            country_changes.push(Vec::new());
                            country_entities.len() - 1
                        });
                        country_changes[slot].push(GovernmentChange {
                            day,
                            form: *government,
                            leader: leader.as_deref().map(Arc::from),
                            event: Some(event_u32),
                        });
                    }
                }
            }
        }

        let mut steps: Vec<(Day, usize, Step)> = Vec::new();
        for (r, changes) in link_changes.iter().enumerate() {
            for (k, c) in changes.iter().enumerate() {
                let order = c.event as usize;
                steps.push((
                    c.day,
                    order,
                    Step::Link {
                        relationship: r as u32,
                        index: k as u32,
                    },
                ));
            }
        }
        for (slot, changes) in country_changes.iter().enumerate() {
            for (k, c) in changes.iter().enumerate() {
                if let Some(event) = c.event {
                    steps.push((
                        c.day,
                        event as usize,
                        Step::Country {
                            slot: slot as u32,
                            index: k as u32,
                        },
                    ));
                }
            }
        }
        steps.sort_by_key(|&(day, order, _)| (day, order));
        let step_days = steps.iter().map(|s| s.0).collect();
        let steps: Vec<Step> = steps.into_iter().map(|s| s.2).collect();

        let mut offsets = Vec::with_capacity(link_changes.len() + 1);
        let mut flat = Vec::with_capacity(link_changes.iter().map(Vec::len).sum());
        for changes in &link_changes {
            offsets.push(flat.len() as u32);
            flat.extend_from_slice(changes);
        }
        offsets.push(flat.len() as u32);
        let links = Arc::new(LinkIndex {
            changes: flat,
            offsets,
            in_force_at_start: scenario
                .relationships
                .iter()
                .map(|r| r.in_force_at_start)
                .collect(),
        });

        // Snapshots of the counts every SNAPSHOT_STEPS steps, the first before any step (the
        // governments declared at the start count as applied).
        let mut link_applied = vec![0u32; link_changes.len()];
        let mut country_applied: Vec<u32> = country_changes
            .iter()
            .map(|c| u32::from(c.first().is_some_and(|g| g.event.is_none())))
            .collect();
        let mut snapshots = Vec::with_capacity(steps.len() / SNAPSHOT_STEPS + 1);
        for (k, step) in steps.iter().enumerate() {
            if k % SNAPSHOT_STEPS == 0 {
                snapshots.push(Snapshot {
                    steps: k,
                    link_applied: link_applied.clone(),
                    country_applied: country_applied.clone(),
                });
            }
            match *step {
                Step::Link {
                    relationship,
                    index,
                } => link_applied[relationship as usize] = index + 1,
                Step::Country { slot, index } => country_applied[slot as usize] = index + 1,
            }
        }
        if snapshots.is_empty() {
            snapshots.push(Snapshot {
                steps: 0,
                link_applied,
                country_applied,
            });
        }

        let (groups, entity_group, relationship_partner, relationship_group) =
            resolve_groups(&scenario, &entity_index);

        Self {
            groups,
            entity_group,
            relationship_partner,
            relationship_group,
            scenario,
            start,
            end,
            relationship_index,
            entity_index,
            country_entities,
            country_changes,
            events_by_day,
            event_days,
            steps,
            step_days,
            links,
            snapshots,
        }
    }

    /// The partner groups, in the file's order, with an "other" group last when the file has
    /// none (so every entity and relationship has a group).
    pub fn groups(&self) -> &[PartnerGroup] {
        &self.groups
    }

    /// The group (index into [`Self::groups`]) of an entity: the group that lists it, else
    /// "other".
    pub fn group_of_entity(&self, entity: usize) -> usize {
        self.entity_group
            .get(entity)
            .copied()
            .unwrap_or(self.groups.len().saturating_sub(1))
    }

    /// The entity that decides a relationship's group: its first party that is not a Sahel
    /// state, or its first party when all are (`None` for an unknown index or no known party).
    pub fn partner_of_relationship(&self, relationship: usize) -> Option<usize> {
        self.relationship_partner
            .get(relationship)
            .copied()
            .flatten()
    }

    /// The group (index into [`Self::groups`]) of a relationship: its partner's group (see
    /// [`Self::partner_of_relationship`]); "other" when it has no known party.
    pub fn group_of_relationship(&self, relationship: usize) -> usize {
        self.relationship_group
            .get(relationship)
            .copied()
            .unwrap_or(self.groups.len().saturating_sub(1))
    }

    /// The index of the group with this id.
    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.id == id)
    }

    /// The scenario this timeline indexes.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// First day of the span.
    pub fn start(&self) -> Day {
        self.start
    }

    /// Last day of the span.
    pub fn end(&self) -> Day {
        self.end
    }

    /// Index of the relationship with this id.
    pub fn relationship_index(&self, id: &str) -> Option<usize> {
        self.relationship_index.get(id).copied()
    }

    /// Index of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    /// Event indices in date order.
    pub fn events_in_order(&self) -> &[usize] {
        &self.events_by_day
    }

    /// The day of each event in [`Self::events_in_order`].
    pub fn event_days(&self) -> &[Day] {
        &self.event_days
    }

    /// Position (in [`Self::events_in_order`]) of the latest event on or before `day`.
    pub fn current_event_position(&self, day: Day) -> Option<usize> {
        self.event_days
            .partition_point(|&d| d <= day)
            .checked_sub(1)
    }

    /// The day of the first event strictly after `day`.
    pub fn next_event_day(&self, day: Day) -> Option<Day> {
        let i = self.event_days.partition_point(|&d| d <= day);
        self.event_days.get(i).copied()
    }

    /// The day of the last event strictly before `day`.
    pub fn previous_event_day(&self, day: Day) -> Option<Day> {
        let i = self.event_days.partition_point(|&d| d < day);
        i.checked_sub(1).map(|i| self.event_days[i])
    }

    /// The status history of one relationship: (day, status, event index), in date order.
    pub fn relationship_history(
        &self,
        relationship: usize,
    ) -> impl Iterator<Item = (Day, Status, usize)> + '_ {
        self.links
            .changes_of(relationship)
            .iter()
            .map(|c| (c.day, c.status, c.event as usize))
    }

    /// The state at a calendar date.
    pub fn state_at_date(&self, date: Date) -> State {
        self.state_at(Day::from_date(date))
    }

    /// The state at `day`: the nearest snapshot of counts, then at most [`SNAPSHOT_STEPS`]
    /// steps.
    pub fn state_at(&self, day: Day) -> State {
        let mut state = State {
            day,
            countries: Vec::new(),
            links: self.links.clone(),
            link_applied: Vec::new(),
            country_applied: Vec::new(),
            steps_applied: 0,
        };
        self.fill_state(&mut state, day);
        state
    }

    fn fill_state(&self, state: &mut State, day: Day) {
        let target = self.step_days.partition_point(|&d| d <= day);
        let Some(snapshot) = self
            .snapshots
            .get(target / SNAPSHOT_STEPS)
            .or(self.snapshots.last())
        else {
            return;
        };
        state.day = day;
        state.links = self.links.clone();
        state.link_applied.clone_from(&snapshot.link_applied);
        state.country_applied.clone_from(&snapshot.country_applied);
        for step in &self.steps[snapshot.steps.min(target)..target] {
            match *step {
                Step::Link {
                    relationship,
                    index,
                } => state.link_applied[relationship as usize] = index + 1,
                Step::Country { slot, index } => state.country_applied[slot as usize] = index + 1,
            }
        }
        state.steps_applied = target;
        self.rebuild_countries(state);
    }

    /// Moves `state` to `day`, applying or undoing only the changes in between. Equivalent to
    /// `*state = self.state_at(day)`, and much cheaper for small moves.
    pub fn seek(&self, state: &mut State, day: Day) {
        if state.link_applied.len() != self.links.in_force_at_start.len()
            || state.country_applied.len() != self.country_changes.len()
        {
            self.fill_state(state, day);
            return;
        }
        if day == state.day {
            return;
        }
        let target = self.step_days.partition_point(|&d| d <= day);
        if target.abs_diff(state.steps_applied) > SNAPSHOT_STEPS {
            // A long jump: starting from a snapshot is cheaper than walking the steps.
            self.fill_state(state, day);
            return;
        }
        let range = if target >= state.steps_applied {
            state.steps_applied..target
        } else {
            target..state.steps_applied
        };
        let forward = target >= state.steps_applied;
        let mut touched_countries = false;
        // Backwards, undo the latest first so each history ends at its earliest undone change.
        let steps = &self.steps[range];
        let ordered: &mut dyn Iterator<Item = &Step> = if forward {
            &mut steps.iter()
        } else {
            &mut steps.iter().rev()
        };
        for &step in ordered {
            match step {
                Step::Link {
                    relationship,
                    index,
                } => {
                    let r = relationship as usize;
                    state.link_applied[r] = if forward { index + 1 } else { index };
                }
                Step::Country { slot, index } => {
                    state.country_applied[slot as usize] = if forward { index + 1 } else { index };
                    touched_countries = true;
                }
            }
        }
        state.steps_applied = target;
        state.day = day;
        if touched_countries {
            self.rebuild_countries(state);
        }
    }

    fn rebuild_countries(&self, state: &mut State) {
        state.countries.clear();
        for (slot, (&applied, changes)) in state
            .country_applied
            .iter()
            .zip(&self.country_changes)
            .enumerate()
        {
            if let Some(k) = applied.checked_sub(1) {
                let c = &changes[k as usize];
                state.countries.push(CountryState {
                    entity: self.country_entities[slot],
                    government: c.form,
                    leader: c.leader.clone(),
                    since: c.event.map(|_| c.day),
                    event: c.event.map(|e| e as usize),
                });
            }
        }
    }
}

/// Resolves the scenario's groups: the groups with colours (an "other" group appended when
/// missing), each entity's group, each relationship's partner and group. Unknown members and
/// second memberships are ignored here (`check` reports them): the first group listing an
/// entity wins.
#[allow(clippy::type_complexity)]
fn resolve_groups(
    scenario: &Scenario,
    entity_index: &HashMap<String, usize>,
) -> (
    Vec<PartnerGroup>,
    Vec<usize>,
    Vec<Option<usize>>,
    Vec<usize>,
) {
    let mut groups: Vec<PartnerGroup> = scenario
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| PartnerGroup {
            id: g.id.clone(),
            label: g.label.clone(),
            colour: g
                .colour
                .as_deref()
                .and_then(parse_colour)
                .unwrap_or(GROUP_PALETTE[i % GROUP_PALETTE.len()]),
        })
        .collect();
    let other = match groups.iter().position(|g| g.id == OTHER_GROUP) {
        Some(i) => i,
        None => {
            groups.push(PartnerGroup {
                id: OTHER_GROUP.to_owned(),
                label: "Other".to_owned(),
                colour: GROUP_PALETTE[4],
            });
            groups.len() - 1
        }
    };
    let mut entity_group = vec![usize::MAX; scenario.entities.len()];
    for (g, group) in scenario.groups.iter().enumerate() {
        for member in &group.members {
            if let Some(&e) = entity_index.get(member)
                && entity_group[e] == usize::MAX
            {
                entity_group[e] = g;
            }
        }
    }
    for g in &mut entity_group {
        if *g == usize::MAX {
            *g = other;
        }
    }
    let relationship_partner: Vec<Option<usize>> = scenario
        .relationships
        .iter()
        .map(|rel| {
            let known = || {
                rel.parties
                    .iter()
                    .filter_map(|p| entity_index.get(p).copied())
            };
            known()
                .find(|&e| !is_sahel_state(&scenario.entities[e].id))
                .or_else(|| known().next())
        })
        .collect();
    let relationship_group = relationship_partner
        .iter()
        .map(|p| p.map_or(other, |e| entity_group[e]))
        .collect();
    (
        groups,
        entity_group,
        relationship_partner,
        relationship_group,
    )
}

impl State {
    /// Every relationship that exists at this date (ended ones too), in scenario order.
    pub fn links(&self) -> impl Iterator<Item = LinkState> + '_ {
        self.link_applied
            .iter()
            .enumerate()
            .filter_map(|(r, &applied)| self.links.link_state(r, applied))
    }

    /// The link state of a relationship, if it exists at this date.
    pub fn link(&self, relationship: usize) -> Option<LinkState> {
        let applied = *self.link_applied.get(relationship)?;
        self.links.link_state(relationship, applied)
    }

    /// The government of an entity at this date, if known.
    pub fn country(&self, entity: usize) -> Option<&CountryState> {
        self.countries.iter().find(|c| c.entity == entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(groups: &str) -> Scenario {
        let text = format!(
            r#"{{"format": "sahel-atlas/scenario@1", "title": "t",
                "span": {{"start": "2020-01-01", "end": "2021-01-01"}},
                {groups}
                "entities": [
                  {{"id": "NER", "kind": "state", "name": "Niger"}},
                  {{"id": "MLI", "kind": "state", "name": "Mali"}},
                  {{"id": "FRA", "kind": "state", "name": "France"}},
                  {{"id": "TUR", "kind": "state", "name": "Turkey"}}],
                "relationships": [
                  {{"id": "a", "label": "a", "kind": "other", "parties": ["NER", "FRA"]}},
                  {{"id": "b", "label": "b", "kind": "other", "parties": ["MLI", "NER"]}},
                  {{"id": "c", "label": "c", "kind": "other", "parties": ["NER", "TUR"]}}],
                "events": []}}"#
        );
        serde_json::from_str(&text).expect("test scenario")
    }

    #[test]
    fn groups_resolve_with_an_implicit_other() {
        let t = Timeline::new(scenario(
            r##""groups": [{"id": "western", "label": "W", "colour": "#010203", "members": ["FRA"]},
                           {"id": "regional", "label": "R", "members": ["NER", "MLI"]}],"##,
        ));
        let ids: Vec<&str> = t.groups().iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["western", "regional", "other"]);
        assert_eq!(t.groups()[0].colour, [1, 2, 3]);
        // The partner decides, wherever it sits among the parties.
        assert_eq!(t.group_of_relationship(0), 0);
        assert_eq!(t.partner_of_relationship(0), t.entity_index("FRA"));
        // Sahel states only: the first party's group.
        assert_eq!(t.group_of_relationship(1), 1);
        // Not listed: other.
        assert_eq!(t.group_of_relationship(2), 2);
        assert_eq!(t.group_of_entity(t.entity_index("TUR").unwrap_or(9)), 2);
    }

    #[test]
    fn a_scenario_without_groups_puts_everything_in_other() {
        let t = Timeline::new(scenario(""));
        assert_eq!(t.groups().len(), 1);
        assert_eq!(t.groups()[0].id, OTHER_GROUP);
        assert!((0..3).all(|r| t.group_of_relationship(r) == 0));
    }
}
