//! The scenario indexed by time: the state at any date without replaying history.
//!
//! Every change of every relationship and state sits in one date-ordered list of steps. A
//! [`State`] is how many of each relationship's changes apply (statuses are read from those
//! counts on demand), so [`Timeline::state_at`] copies the nearest snapshot of counts (one every
//! [`SNAPSHOT_STEPS`] steps) and applies at most that many steps, and [`Timeline::seek`] moves an
//! existing state by applying or undoing only the steps in between, which is what scrubbing
//! does.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::{
    Change, Day, EntityIx, EntityKind, Event, EventIx, GovernmentForm, OTHER_GROUP, RelIx,
    Scenario, Size, Status, is_sahel_state, parse_colour,
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
    /// Translations of its label (the scenario group's `i18n`).
    pub i18n: super::i18n::Translations,
}

/// The label of the "other" group the atlas adds when a scenario has none, in every language
/// but English.
fn other_group_translations() -> super::i18n::Translations {
    use super::i18n::{Lang, tr_in};
    let mut t = super::i18n::Translations::default();
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        t.0.entry(lang.code().to_owned())
            .or_default()
            .insert("label".to_owned(), tr_in(lang, "group-other", &[]));
    }
    t
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
    /// Per relationship: the day its status was last confirmed, if the scenario says.
    confirmed_until: Vec<Option<Day>>,
    /// Every relationship's sizes over time.
    sizes: SizeIndex,
}

/// One dated size of one relationship: what the event gave, and the size from then on (the
/// latest troops and the latest amount given on or before that day).
#[derive(Clone, Copy, Debug)]
struct SizeStep {
    day: Day,
    given: Size,
    size: Size,
    event: u32,
}

/// Every relationship's size steps, flattened, in effective-date order per relationship.
#[derive(Debug, Default)]
struct SizeIndex {
    steps: Vec<SizeStep>,
    /// `steps[offsets[r]..offsets[r + 1]]` are relationship `r`'s.
    offsets: Vec<u32>,
}

impl SizeIndex {
    /// Indexes the sizes events give, taking effect on each event's effective day (file
    /// order within a day).
    /// `order`: the events' indices by effective date (stable).
    fn new(
        scenario: &Scenario,
        relationship_index: &HashMap<String, usize>,
        order: &[usize],
    ) -> Self {
        let mut per_relationship: Vec<Vec<SizeStep>> =
            vec![Vec::new(); scenario.relationships.len()];
        for &i in order {
            let event = &scenario.events[i];
            for change in &event.changes {
                let (Some(id), Some(given)) = (change.relationship(), change.size()) else {
                    continue;
                };
                let Some(&r) = relationship_index.get(id) else {
                    continue;
                };
                let steps = &mut per_relationship[r];
                let before = steps.last().map(|s| s.size).unwrap_or_default();
                steps.push(SizeStep {
                    day: Day::from_date(event.effective_date()),
                    given: *given,
                    size: Size {
                        troops: given.troops.or(before.troops),
                        amount: given.amount.or(before.amount),
                    },
                    event: u32::try_from(i).unwrap_or(u32::MAX),
                });
            }
        }
        let mut index = Self::default();
        for steps in per_relationship {
            index.offsets.push(index.steps.len() as u32);
            index.steps.extend(steps);
        }
        index.offsets.push(index.steps.len() as u32);
        index
    }

    fn of(&self, r: usize) -> &[SizeStep] {
        match (self.offsets.get(r), self.offsets.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.steps[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Relationship `r`'s size on `day`: one binary search in its own steps.
    fn at(&self, r: usize, day: Day) -> Size {
        let steps = self.of(r);
        let k = steps.partition_point(|s| s.day <= day);
        k.checked_sub(1).map(|k| steps[k].size).unwrap_or_default()
    }
}

impl LinkIndex {
    /// Relationship `r`'s changes in date order (none for an unknown index).
    fn changes_of(&self, r: usize) -> &[StatusChange] {
        match (self.offsets.get(r), self.offsets.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.changes[a as usize..b as usize],
            _ => &[],
        }
    }

    fn link_state(&self, r: usize, applied: u32, day: Day) -> Option<LinkState> {
        let mut link = match applied.checked_sub(1) {
            Some(k) => {
                let c = self.changes[self.offsets[r] as usize + k as usize];
                LinkState {
                    relationship: RelIx::new(r),
                    status: c.status,
                    since: Some(c.day),
                    event: Some(EventIx::new(c.event as usize)),
                    last_confirmed: None,
                    size: Size::default(),
                }
            }
            None if self.in_force_at_start[r] => LinkState {
                relationship: RelIx::new(r),
                status: Status::Active,
                since: None,
                event: None,
                last_confirmed: None,
                size: Size::default(),
            },
            None => return None,
        };
        if link.status != Status::Ended {
            link.size = self.sizes.at(r, day);
        }
        link.last_confirmed = self
            .confirmed_until
            .get(r)
            .copied()
            .flatten()
            .filter(|&c| unconfirmed(link.status, link.since, c, day));
        Some(link)
    }
}

/// Whether a status set on `since` (`None`: before the span) and last confirmed on `confirmed`
/// is unconfirmed on `day`: the day is past the confirmation, no later change has set the
/// status, and the tie has not ended.
fn unconfirmed(status: Status, since: Option<Day>, confirmed: Day, day: Day) -> bool {
    day > confirmed && status != Status::Ended && since.is_none_or(|s| s <= confirmed)
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
    research_until: Option<Day>,
    relationship_index: HashMap<String, usize>,
    entity_index: HashMap<String, usize>,
    /// The entities (states) that have a government, and their changes sorted by day.
    country_entities: Vec<usize>,
    country_changes: Vec<Vec<GovernmentChange>>,
    /// Event indices sorted by date (stable), and their days.
    events_by_day: Vec<EventIx>,
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
    /// Its relationship.
    pub relationship: RelIx,
    /// Status at the date.
    pub status: Status,
    /// The day this status began; `None` when in force since before the span.
    pub since: Option<Day>,
    /// The event that set it.
    pub event: Option<EventIx>,
    /// When the status is unconfirmed at the date, the day a source last confirmed it (the
    /// relationship's `confirmed_until`); `None` while it is confirmed.
    pub last_confirmed: Option<Day>,
    /// Its size at the date: the latest troops and amount given on or before it (nothing
    /// once the tie has ended).
    pub size: Size,
}

impl LinkState {
    /// "status last confirmed on 5 Jan 2025" when the status is unconfirmed at the date (in the
    /// thread's language).
    pub fn unconfirmed_note(&self) -> Option<String> {
        self.last_confirmed.map(|d| {
            let lang = super::i18n::current_lang();
            super::i18n::tr_in(
                lang,
                "tie-last-confirmed",
                &[(
                    "date",
                    super::i18n::format_day_short(d.to_date(), lang).into(),
                )],
            )
        })
    }
}

/// A state's government at a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryState {
    /// The state.
    pub entity: EntityIx,
    /// Civilian or military.
    pub government: GovernmentForm,
    /// Who leads it.
    pub leader: Option<Arc<str>>,
    /// The day this government began, if an event set it.
    pub since: Option<Day>,
    /// The event that set it.
    pub event: Option<EventIx>,
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
        let relationship_index = index_by_id(scenario.relationships.iter().map(|r| &r.id));
        let entity_index = index_by_id(scenario.entities.iter().map(|e| &e.id));
        let start = Day::from_date(scenario.span.start);
        let end = Day::from_date(scenario.span.end).max(start);

        let (events_by_day, event_days) = sorted_events(&scenario, |e| e.date);
        let events_by_day: Vec<EventIx> = events_by_day.into_iter().map(EventIx::new).collect();
        // Changes take effect on each event's effective day: indexed in that order (file order
        // within a day).
        let (events_by_effect, _) = sorted_events(&scenario, Event::effective_date);
        let changes = Changes::of(
            &scenario,
            &relationship_index,
            &entity_index,
            &events_by_effect,
        );
        let (step_days, steps) = changes.steps();
        let sizes = SizeIndex::new(&scenario, &relationship_index, &events_by_effect);
        let links = Arc::new(LinkIndex::of(&scenario, &changes.links, sizes));
        let snapshots = changes.snapshots(&steps);
        let (groups, entity_group, relationship_partner, relationship_group) =
            resolve_groups(&scenario, &entity_index);

        Self {
            research_until: scenario.research_until.map(Day::from_date),
            groups,
            entity_group,
            relationship_partner,
            relationship_group,
            scenario,
            start,
            end,
            relationship_index,
            entity_index,
            country_entities: changes.country_entities,
            country_changes: changes.countries,
            events_by_day,
            event_days,
            steps,
            step_days,
            links,
            snapshots,
        }
    }

    /// Applies `edit` to the scenario in place and indexes it anew: the app's path for every
    /// edit, so a keystroke does not copy the whole scenario. `false`, and nothing changed,
    /// when the edit does not apply (see [`super::Edit::apply`]).
    pub fn apply_edit(&mut self, edit: &super::Edit) -> bool {
        if !edit.apply(&mut self.scenario) {
            return false;
        }
        let scenario = std::mem::replace(&mut self.scenario, Scenario::empty());
        *self = Self::new(scenario);
        true
    }

    /// The partner groups, in the file's order, with an "other" group last when the file has
    /// none (so every entity and relationship has a group).
    pub fn groups(&self) -> &[PartnerGroup] {
        &self.groups
    }

    /// The group (index into [`Self::groups`]) of an entity: the group that lists it, else
    /// "other".
    pub fn group_of_entity(&self, entity: EntityIx) -> usize {
        self.entity_group
            .get(entity.index())
            .copied()
            .unwrap_or(self.groups.len().saturating_sub(1))
    }

    /// The entity that decides a relationship's group: its first party that is not a Sahel
    /// state, or its first party when all are (`None` for an unknown index or no known party).
    pub fn partner_of_relationship(&self, relationship: RelIx) -> Option<EntityIx> {
        self.relationship_partner
            .get(relationship.index())
            .copied()
            .flatten()
            .map(EntityIx::new)
    }

    /// The group (index into [`Self::groups`]) of a relationship: its partner's group (see
    /// [`Self::partner_of_relationship`]); "other" when it has no known party.
    pub fn group_id_of_relationship(&self, relationship: RelIx) -> Option<&str> {
        self.groups
            .get(self.group_of_relationship(relationship))
            .map(|g| g.id.as_str())
    }

    /// The index (in [`Self::groups`]) of a relationship's partner group.
    pub fn group_of_relationship(&self, relationship: RelIx) -> usize {
        self.relationship_group
            .get(relationship.index())
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

    /// The last day the scenario's research covers, if it says.
    pub fn research_until(&self) -> Option<Day> {
        self.research_until
    }

    /// Whether `day` is past the research: what the map shows then is what was known on
    /// [`Self::research_until`].
    pub fn beyond_research(&self, day: Day) -> bool {
        self.research_until.is_some_and(|r| day > r)
    }

    /// The day a relationship's status was last confirmed (its `confirmed_until`), if the
    /// scenario says.
    pub fn confirmed_until(&self, relationship: RelIx) -> Option<Day> {
        self.links
            .confirmed_until
            .get(relationship.index())
            .copied()
            .flatten()
    }

    /// If the relationship exists on `day` but its status there has not been confirmed since
    /// its `confirmed_until`, that day ("status last confirmed on …"); else `None`.
    pub fn unconfirmed_since(&self, relationship: RelIx, day: Day) -> Option<Day> {
        let confirmed = self.confirmed_until(relationship)?;
        let changes = self.links.changes_of(relationship.index());
        let k = changes.partition_point(|c| c.day <= day);
        let (status, since) = match k.checked_sub(1) {
            Some(k) => (changes[k].status, Some(changes[k].day)),
            None if self.links.in_force_at_start.get(relationship.index()) == Some(&true) => {
                (Status::Active, None)
            }
            None => return None,
        };
        unconfirmed(status, since, confirmed, day).then_some(confirmed)
    }

    /// Index of the relationship with this id.
    pub fn relationship_index(&self, id: &str) -> Option<RelIx> {
        self.relationship_index.get(id).copied().map(RelIx::new)
    }

    /// Index of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<EntityIx> {
        self.entity_index.get(id).copied().map(EntityIx::new)
    }

    /// Event indices in date order.
    pub fn events_in_order(&self) -> &[EventIx] {
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

    /// The status history of one relationship: (day it took effect, status, event index), in
    /// date order.
    pub fn relationship_history(
        &self,
        relationship: RelIx,
    ) -> impl Iterator<Item = (Day, Status, EventIx)> + '_ {
        self.links
            .changes_of(relationship.index())
            .iter()
            .map(|c| (c.day, c.status, EventIx::new(c.event as usize)))
    }

    /// The sizes one relationship's events give: (day it takes effect, the size given, event
    /// index), in date order.
    pub fn size_history(
        &self,
        relationship: RelIx,
    ) -> impl Iterator<Item = (Day, Size, EventIx)> + '_ {
        self.links
            .sizes
            .of(relationship.index())
            .iter()
            .map(|s| (s.day, s.given, EventIx::new(s.event as usize)))
    }

    /// A relationship's size on `day` (the latest troops and amount given on or before it),
    /// whatever its status.
    pub fn size_at(&self, relationship: RelIx, day: Day) -> Size {
        self.links.sizes.at(relationship.index(), day)
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
                    entity: EntityIx::new(self.country_entities[slot]),
                    government: c.form,
                    leader: c.leader.clone(),
                    since: c.event.map(|_| c.day),
                    event: c.event.map(|e| EventIx::new(e as usize)),
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
            i18n: g.i18n.clone(),
        })
        .collect();
    let other = match groups.iter().position(|g| g.id == OTHER_GROUP) {
        Some(i) => i,
        None => {
            groups.push(PartnerGroup {
                id: OTHER_GROUP.to_owned(),
                label: super::i18n::tr_in(super::i18n::Lang::En, "group-other", &[]),
                colour: GROUP_PALETTE[4],
                i18n: other_group_translations(),
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
            .filter_map(|(r, &applied)| self.links.link_state(r, applied, self.day))
    }

    /// The link state of a relationship, if it exists at this date.
    pub fn link(&self, relationship: RelIx) -> Option<LinkState> {
        let applied = *self.link_applied.get(relationship.index())?;
        self.links
            .link_state(relationship.index(), applied, self.day)
    }

    /// The government of an entity at this date, if known.
    pub fn country(&self, entity: EntityIx) -> Option<&CountryState> {
        self.countries.iter().find(|c| c.entity == entity)
    }
}

/// The events' indices sorted by `date` (file order within a day), and their days. The keys
/// are read once, in file order, and sorted beside the indices: an edit of 10,000 events
/// sorts them twice.
fn sorted_events(scenario: &Scenario, date: impl Fn(&Event) -> Date) -> (Vec<usize>, Vec<Day>) {
    let mut keyed: Vec<(Day, usize)> = (scenario.events.iter().enumerate())
        .map(|(i, e)| (Day::from_date(date(e)), i))
        .collect();
    // Unstable but equal to a stable sort by day: the indices are distinct.
    keyed.sort_unstable();
    keyed.into_iter().map(|(day, i)| (i, day)).unzip()
}

/// The position of each id in a list of items with ids.
fn index_by_id<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

/// The changes of a scenario per relationship and per country, each list in the order the
/// changes take effect.
struct Changes {
    /// Per relationship, its status changes.
    links: Vec<Vec<StatusChange>>,
    /// The entity of each country slot.
    country_entities: Vec<usize>,
    /// Per country slot, its governments (the one declared at the start first).
    countries: Vec<Vec<GovernmentChange>>,
}

impl Changes {
    /// Indexes the scenario's changes: states with a government at the start first, then every
    /// event's changes on its effective day, in `events_by_effect` order.
    fn of(
        scenario: &Scenario,
        relationship_index: &HashMap<String, usize>,
        entity_index: &HashMap<String, usize>,
        events_by_effect: &[usize],
    ) -> Self {
        let mut changes = Self {
            links: vec![Vec::new(); scenario.relationships.len()],
            country_entities: Vec::new(),
            countries: Vec::new(),
        };
        let mut country_slot: HashMap<usize, usize> = HashMap::default();
        for (i, entity) in scenario.entities.iter().enumerate() {
            if let (EntityKind::State, Some(gov)) = (entity.kind, &entity.government) {
                country_slot.insert(i, changes.country_entities.len());
                changes.country_entities.push(i);
                changes.countries.push(vec![GovernmentChange {
                    day: Day(i32::MIN),
                    form: gov.form,
                    leader: gov.leader.as_deref().map(Arc::from),
                    event: None,
                }]);
            }
        }
        for &event_index in events_by_effect {
            let event = &scenario.events[event_index];
            let day = Day::from_date(event.effective_date());
            let event_u32 = u32::try_from(event_index).unwrap_or(u32::MAX);
            for change in &event.changes {
                match change {
                    Change::Relationship {
                        relationship,
                        status,
                        ..
                    } => {
                        if let Some(&r) = relationship_index.get(relationship) {
                            changes.links[r].push(StatusChange {
                                day,
                                status: *status,
                                event: event_u32,
                            });
                        }
                    }
                    Change::Reaffirmed { .. } | Change::Size { .. } => {}
                    Change::State {
                        state,
                        government,
                        leader,
                    } => {
                        let Some(&e) = entity_index.get(state) else {
                            continue;
                        };
                        let slot = *country_slot.entry(e).or_insert_with(|| {
                            changes.country_entities.push(e);
                            changes.countries.push(Vec::new());
                            changes.country_entities.len() - 1
                        });
                        changes.countries[slot].push(GovernmentChange {
                            day,
                            form: *government,
                            leader: leader.as_deref().map(Arc::from),
                            event: Some(event_u32),
                        });
                    }
                }
            }
        }
        changes
    }

    /// Every change made by an event as one step, in the order they take effect (by day,
    /// then by event), with each step's day.
    fn steps(&self) -> (Vec<Day>, Vec<Step>) {
        let mut steps: Vec<(Day, usize, Step)> = Vec::new();
        for (r, changes) in self.links.iter().enumerate() {
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
        for (slot, changes) in self.countries.iter().enumerate() {
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
        (step_days, steps.into_iter().map(|s| s.2).collect())
    }

    /// Snapshots of the counts applied every [`SNAPSHOT_STEPS`] steps, the first before any
    /// step (the governments declared at the start count as applied).
    fn snapshots(&self, steps: &[Step]) -> Vec<Snapshot> {
        let mut link_applied = vec![0u32; self.links.len()];
        let mut country_applied: Vec<u32> = self
            .countries
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
        snapshots
    }
}

impl LinkIndex {
    /// The status changes of every relationship in one flat list, and what the scenario says
    /// of each at the start and of its confirmation, with their `sizes`.
    fn of(scenario: &Scenario, link_changes: &[Vec<StatusChange>], sizes: SizeIndex) -> Self {
        let mut offsets = Vec::with_capacity(link_changes.len() + 1);
        let mut flat = Vec::with_capacity(link_changes.iter().map(Vec::len).sum());
        for changes in link_changes {
            offsets.push(flat.len() as u32);
            flat.extend_from_slice(changes);
        }
        offsets.push(flat.len() as u32);
        Self {
            changes: flat,
            offsets,
            in_force_at_start: scenario
                .relationships
                .iter()
                .map(|r| r.in_force_at_start)
                .collect(),
            confirmed_until: scenario
                .relationships
                .iter()
                .map(|r| r.confirmed_until.map(Day::from_date))
                .collect(),
            sizes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Severity, check};

    /// A scenario from the JSON of its relationships and events.
    fn scenario(relationships: &str, events: &str, extra: &str) -> Scenario {
        let text = format!(
            r#"{{"format": "sahel-atlas/scenario@1", "title": "t",
                "span": {{"start": "2012-01-01", "end": "2026-12-31"}}{extra},
                "entities": [
                  {{"id": "MLI", "kind": "state", "name": "Mali"}},
                  {{"id": "ECOWAS", "kind": "organisation", "name": "ECOWAS",
                    "place": {{"lon": 7.5, "lat": 9.0}}}}],
                "relationships": [{relationships}],
                "events": [{events}]}}"#
        );
        serde_json::from_str(&text).unwrap()
    }

    fn day(y: i16, m: i8, d: i8) -> Day {
        Day::from_date(Date::constant(y, m, d))
    }

    const MEMBERSHIP: &str = r#"{"id": "m", "label": "Mali in ECOWAS", "kind": "membership",
        "parties": ["ECOWAS", "MLI"], "in_force_at_start": true,
        "start_sources": ["https://en.wikipedia.org/wiki/ECOWAS"]}"#;

    /// Mali's exit from ECOWAS: announced on 28 January 2024, effective a year later.
    const EXIT: &str = r#"{"id": "exit", "date": "2024-01-28", "effective": "2025-01-29",
        "title": "Exit", "sources": ["https://example.org"],
        "changes": [{"relationship": "m", "status": "ended"}]}"#;

    #[test]
    fn an_edit_in_place_indexes_the_scenario_as_a_new_timeline_would() {
        use crate::model::{Edit, ItemValue, Section};
        let s = scenario(MEMBERSHIP, EXIT, "");
        let mut t = Timeline::new(s.clone());
        let mut exit = s.events[0].clone();
        exit.effective = None;
        exit.date = Date::constant(2020, 3, 1);
        let edit = Edit {
            section: Section::Events,
            index: 0,
            before: Some(ItemValue::Event(s.events[0].clone())),
            after: Some(ItemValue::Event(exit)),
        };
        assert!(t.apply_edit(&edit));
        let mut edited = s.clone();
        assert!(edit.apply(&mut edited));
        let fresh = Timeline::new(edited.clone());
        assert_eq!(t.scenario(), &edited);
        assert_eq!(t.event_days(), fresh.event_days());
        assert_eq!(t.event_days(), &[day(2020, 3, 1)]);
        for d in [day(2019, 1, 1), day(2020, 3, 1), day(2025, 1, 29)] {
            assert_eq!(
                t.state_at(d).link(RelIx::new(0)),
                fresh.state_at(d).link(RelIx::new(0))
            );
        }
        // An edit that does not apply changes nothing.
        let outside = Edit {
            index: 5,
            ..edit.inverse()
        };
        assert!(!t.apply_edit(&outside));
        assert_eq!(t.scenario(), &edited);
        // Undone in place: the timeline of the file as it was.
        assert!(t.apply_edit(&edit.inverse()));
        assert_eq!(t.scenario(), &s);
        assert_eq!(t.event_days(), &[day(2024, 1, 28)]);
    }

    #[test]
    fn an_exit_takes_effect_on_its_effective_day() {
        let s = scenario(MEMBERSHIP, EXIT, "");
        assert!(check(&s).is_empty(), "{:?}", check(&s));
        let t = Timeline::new(s);
        // Listed on the announcement day …
        assert_eq!(t.event_days(), &[day(2024, 1, 28)]);
        assert_eq!(
            t.scenario().events[0].dates_label(),
            "announced 28 Jan 2024 · effective 29 Jan 2025"
        );
        // … but the membership holds until the effective day.
        let before = t.state_at(day(2025, 1, 28)).link(RelIx::new(0)).unwrap();
        assert_eq!((before.status, before.since), (Status::Active, None));
        let after = t.state_at(day(2025, 1, 29)).link(RelIx::new(0)).unwrap();
        assert_eq!(after.status, Status::Ended);
        assert_eq!(after.since, Some(day(2025, 1, 29)));
        assert_eq!(
            t.relationship_history(RelIx::new(0))
                .map(|h| h.0)
                .collect::<Vec<_>>(),
            vec![day(2025, 1, 29)]
        );
    }

    #[test]
    fn changes_are_ordered_by_effective_day_not_announcement() {
        // Announced first but effective last: the suspension of 2021 comes before it.
        let s = scenario(
            MEMBERSHIP,
            r#"{"id": "exit", "date": "2020-01-01", "effective": "2022-01-01",
                "title": "Exit", "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "status": "ended"}]},
               {"id": "suspend", "date": "2021-01-01", "title": "Suspended",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "status": "suspended"}]}"#,
            "",
        );
        assert!(check(&s).is_empty(), "{:?}", check(&s));
        let t = Timeline::new(s);
        assert_eq!(
            t.state_at(day(2021, 6, 1))
                .link(RelIx::new(0))
                .unwrap()
                .status,
            Status::Suspended
        );
        assert_eq!(
            t.state_at(day(2022, 6, 1))
                .link(RelIx::new(0))
                .unwrap()
                .status,
            Status::Ended
        );
    }

    #[test]
    fn a_status_past_its_confirmation_is_unconfirmed_until_an_event_sets_it() {
        let rel = r#"{"id": "m", "label": "Mali in ECOWAS", "kind": "membership",
            "parties": ["ECOWAS", "MLI"], "confirmed_until": "2020-06-30",
            "confirmed_source": "https://example.org/confirmed"}"#;
        let s = scenario(
            rel,
            r#"{"id": "a", "date": "2015-01-01", "title": "Joins",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "status": "active"}]},
               {"id": "b", "date": "2022-01-01", "title": "Suspended",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "status": "suspended"}]}"#,
            "",
        );
        assert!(check(&s).is_empty(), "{:?}", check(&s));
        let t = Timeline::new(s);
        let confirmed = day(2020, 6, 30);
        assert_eq!(t.confirmed_until(RelIx::new(0)), Some(confirmed));
        // Not yet in force: nothing to confirm.
        assert_eq!(t.unconfirmed_since(RelIx::new(0), day(2014, 1, 1)), None);
        // Confirmed up to and on the day.
        assert_eq!(
            t.state_at(confirmed)
                .link(RelIx::new(0))
                .unwrap()
                .last_confirmed,
            None
        );
        assert_eq!(t.unconfirmed_since(RelIx::new(0), confirmed), None);
        // After it, until the next event.
        let later = t.state_at(day(2021, 1, 1)).link(RelIx::new(0)).unwrap();
        assert_eq!(later.last_confirmed, Some(confirmed));
        assert_eq!(
            t.unconfirmed_since(RelIx::new(0), day(2021, 1, 1)),
            Some(confirmed)
        );
        assert_eq!(
            later.unconfirmed_note().unwrap(),
            "status last confirmed on 30 Jun 2020"
        );
        // The 2022 event sets the status again: confirmed.
        assert_eq!(
            t.state_at(day(2023, 1, 1))
                .link(RelIx::new(0))
                .unwrap()
                .last_confirmed,
            None
        );
        assert_eq!(t.unconfirmed_since(RelIx::new(0), day(2023, 1, 1)), None);
    }

    #[test]
    fn an_ended_tie_is_never_unconfirmed() {
        let rel = r#"{"id": "m", "label": "x", "kind": "membership", "parties": ["ECOWAS", "MLI"],
            "in_force_at_start": true, "confirmed_until": "2013-01-01",
            "confirmed_source": "https://example.org"}"#;
        let s = scenario(
            rel,
            r#"{"id": "a", "date": "2012-06-01", "title": "Ends",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "status": "ended"}]}"#,
            "",
        );
        let t = Timeline::new(s);
        assert_eq!(t.unconfirmed_since(RelIx::new(0), day(2020, 1, 1)), None);
        assert_eq!(
            t.state_at(day(2020, 1, 1))
                .link(RelIx::new(0))
                .unwrap()
                .last_confirmed,
            None
        );
    }

    #[test]
    fn research_until_is_exposed() {
        let s = scenario(MEMBERSHIP, "", r#", "research_until": "2026-04-30""#);
        assert!(check(&s).is_empty(), "{:?}", check(&s));
        let t = Timeline::new(s);
        assert_eq!(t.research_until(), Some(day(2026, 4, 30)));
        assert!(!t.beyond_research(day(2026, 4, 30)));
        assert!(t.beyond_research(day(2026, 5, 1)));
        let none = Timeline::new(scenario(MEMBERSHIP, "", ""));
        assert_eq!(none.research_until(), None);
        assert!(!none.beyond_research(day(2026, 12, 31)));
    }

    #[test]
    fn a_reaffirmation_changes_nothing_and_warns_about_nothing() {
        let s = scenario(
            MEMBERSHIP,
            r#"{"id": "a", "date": "2014-01-01", "title": "Reaffirmed",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "reaffirmed": true}]},
               {"id": "b", "date": "2015-01-01", "title": "Only news",
                "sources": ["https://example.org"]}"#,
            "",
        );
        assert!(check(&s).is_empty(), "{:?}", check(&s));
        assert_eq!(
            s.events[0].changes,
            vec![Change::Reaffirmed {
                relationship: "m".into(),
                size: Size::default(),
            }]
        );
        let t = Timeline::new(s);
        let link = t.state_at(day(2016, 1, 1)).link(RelIx::new(0)).unwrap();
        assert_eq!(
            (link.status, link.since, link.event),
            (Status::Active, None, None)
        );
        assert_eq!(t.relationship_history(RelIx::new(0)).count(), 0);
    }

    #[test]
    fn reaffirming_what_does_not_exist_is_a_warning() {
        let rel =
            r#"{"id": "m", "label": "x", "kind": "membership", "parties": ["ECOWAS", "MLI"]}"#;
        let s = scenario(
            rel,
            r#"{"id": "a", "date": "2014-01-01", "title": "Reaffirmed",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "reaffirmed": true}]}"#,
            "",
        );
        let problems = check(&s);
        assert!(
            problems.iter().any(|p| p.severity == Severity::Warning
                && p.message.contains("reaffirms \"m\": it does not exist yet")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_change_cannot_both_set_a_status_and_reaffirm() {
        let text = r#"{"relationship": "m", "status": "active", "reaffirmed": true}"#;
        let e = serde_json::from_str::<Change>(text)
            .unwrap_err()
            .to_string();
        assert!(e.contains("not both"), "{e}");
    }

    #[test]
    fn never_began_names_the_fix() {
        let rel =
            r#"{"id": "m", "label": "x", "kind": "membership", "parties": ["ECOWAS", "MLI"]}"#;
        let s = scenario(
            rel,
            r#"{"id": "a", "date": "2014-01-01", "title": "Suspended",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "status": "suspended"}]}"#,
            "",
        );
        let problems = check(&s);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(problems[0].message.contains("it never began"));
        assert!(
            problems[0].message.contains(
                "add an event that makes it planned or active first, or set in_force_at_start"
            ),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn odd_effective_dates_and_confirmations_are_warnings() {
        let rel = r#"{"id": "m", "label": "x", "kind": "membership", "parties": ["ECOWAS", "MLI"],
            "in_force_at_start": true, "confirmed_until": "2030-01-01"}"#;
        let s = scenario(
            rel,
            r#"{"id": "a", "date": "2014-01-01", "effective": "2013-01-01", "title": "x",
                "sources": ["https://example.org"],
                "changes": [{"relationship": "m", "status": "ended"}]}"#,
            r#", "research_until": "2011-01-01""#,
        );
        let messages: Vec<String> = check(&s).into_iter().map(|p| p.message).collect();
        for expected in [
            "takes effect on 2013-01-01, before its date 2014-01-01",
            "confirmed_until 2030-01-01 is outside the span",
            "no confirmed_source",
            "research_until 2011-01-01 is outside the span",
        ] {
            assert!(
                messages.iter().any(|m| m.contains(expected)),
                "{expected}: {messages:?}"
            );
        }
    }

    fn scenario_with_groups(groups: &str) -> Scenario {
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
        let t = Timeline::new(scenario_with_groups(
            r##""groups": [{"id": "western", "label": "W", "colour": "#010203", "members": ["FRA"]},
                           {"id": "regional", "label": "R", "members": ["NER", "MLI"]}],"##,
        ));
        let ids: Vec<&str> = t.groups().iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["western", "regional", "other"]);
        assert_eq!(t.groups()[0].colour, [1, 2, 3]);
        // The partner decides, wherever it sits among the parties.
        assert_eq!(t.group_of_relationship(RelIx::new(0)), 0);
        assert_eq!(
            t.partner_of_relationship(RelIx::new(0)),
            t.entity_index("FRA")
        );
        // Sahel states only: the first party's group.
        assert_eq!(t.group_of_relationship(RelIx::new(1)), 1);
        // Not listed: other.
        assert_eq!(t.group_of_relationship(RelIx::new(2)), 2);
        assert_eq!(
            t.group_of_entity(t.entity_index("TUR").unwrap_or(EntityIx::new(9))),
            2
        );
    }

    #[test]
    fn a_scenario_without_groups_puts_everything_in_other() {
        let t = Timeline::new(scenario_with_groups(""));
        assert_eq!(t.groups().len(), 1);
        assert_eq!(t.groups()[0].id, OTHER_GROUP);
        assert!(RelIx::all(3).all(|r| t.group_of_relationship(r) == 0));
    }
}
