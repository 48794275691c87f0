//! Rules that make a scenario coherent, checked after it parses.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::i18n::Translations;
use super::json_pointer::escape_token;
use super::source::web_address;
use super::{
    Change, DatePrecision, Entity, EntityKind, Event, Relationship, SCENARIO_FORMAT, Scenario,
    ScenarioSpan, Status, parse_colour,
};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the scenario still loads.
    Warning,
    /// The scenario cannot be used.
    Error,
}

/// Which part of a scenario a problem is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The file as a whole (format, span).
    Scenario,
    /// `entities[index]`.
    Entity(usize),
    /// `relationships[index]`.
    Relationship(usize),
    /// `events[index]`.
    Event(usize),
    /// `groups[index]`.
    Group(usize),
}

/// One thing wrong with a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub item: Item,
    /// The id of that item, if it has one.
    pub id: Option<String>,
    /// A JSON Pointer (RFC 6901) from the item to the value the problem is about, to point at
    /// it in the file: `/changes/0/relationship`, `/sources`; empty for the item itself.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

/// The problems of a check as they are found, each with its place; [`Problems::sorted`] puts
/// errors first and keeps the order they were found in otherwise.
#[derive(Debug, Default)]
struct Problems {
    found: Vec<Problem>,
}

/// Where a problem is: the item and its id.
#[derive(Clone, Copy)]
struct At<'s> {
    item: fn(usize) -> Item,
    index: usize,
    id: Option<&'s str>,
}

impl<'s> At<'s> {
    fn new(item: fn(usize) -> Item, index: usize, id: Option<&'s str>) -> Self {
        Self { item, index, id }
    }
}

impl Problems {
    fn push(&mut self, severity: Severity, at: At<'_>, pointer: &str, message: String) {
        self.found.push(Problem {
            severity,
            item: (at.item)(at.index),
            id: at.id.map(str::to_owned),
            pointer: pointer.to_owned(),
            message,
        });
    }

    /// An error at `at`, `pointer` within it.
    fn error(&mut self, at: At<'_>, pointer: &str, message: String) {
        self.push(Severity::Error, at, pointer, message);
    }

    /// A warning at `at`, `pointer` within it.
    fn warning(&mut self, at: At<'_>, pointer: &str, message: String) {
        self.push(Severity::Warning, at, pointer, message);
    }

    /// Errors first, then warnings, each in the order found.
    fn sorted(mut self) -> Vec<Problem> {
        self.found.sort_by_key(|p| std::cmp::Reverse(p.severity));
        self.found
    }
}

/// The scenario as a whole: [`Item::Scenario`] has no index.
fn the_scenario(_: usize) -> Item {
    Item::Scenario
}

/// Checks a parsed scenario: unknown or duplicate ids, events without sources, impossible or
/// out-of-span dates, status changes that make no sense. Errors first, then warnings.
pub fn check(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Problems::default();
    check_header(scenario, &mut problems);
    let entity_kinds = check_entities(scenario, &mut problems);
    check_groups(scenario, &entity_kinds, &mut problems);
    let relationship_ids = check_relationships(scenario, &entity_kinds, &mut problems);
    let histories = check_events(scenario, &entity_kinds, &relationship_ids, &mut problems);
    check_histories(scenario, histories, &mut problems);
    check_sites(scenario, &mut problems);
    check_notices(scenario, &mut problems);
    check_translations(scenario, &mut problems);
    problems.sorted()
}

/// The format, the span and the research date.
fn check_header(scenario: &Scenario, problems: &mut Problems) {
    let at = At::new(the_scenario, 0, None);
    if scenario.format != SCENARIO_FORMAT {
        problems.error(
            at,
            "/format",
            format!(
                "format is {}; this app reads \"{SCENARIO_FORMAT}\"",
                quote(&scenario.format)
            ),
        );
    }
    let span = scenario.span;
    if span.start > span.end {
        problems.error(
            at,
            "/span/start",
            format!("span starts ({}) after it ends ({})", span.start, span.end),
        );
    }
    if let Some(until) = scenario.research_until
        && (until < span.start || until > span.end)
    {
        problems.warning(
            at,
            "/research_until",
            format!(
                "research_until {until} is outside the span {} – {}",
                span.start, span.end
            ),
        );
    }
}

/// Each entity: its id, place and government; returns the kind of each id.
fn check_entities<'s>(
    scenario: &'s Scenario,
    problems: &mut Problems,
) -> HashMap<&'s str, EntityKind> {
    let mut entity_kinds: HashMap<&str, EntityKind> = HashMap::default();
    for (i, entity) in scenario.entities.iter().enumerate() {
        let id = entity.id.as_str();
        if id.trim().is_empty() {
            let at = At::new(Item::Entity, i, None);
            problems.error(at, "/id", "entity has an empty id".into());
        }
        let at = At::new(Item::Entity, i, Some(id));
        if entity_kinds.insert(id, entity.kind).is_some() {
            problems.error(at, "/id", format!("duplicate entity id {}", quote(id)));
        }
        check_entity(entity, at, problems);
    }
    entity_kinds
}

/// One entity's place and government.
fn check_entity(entity: &Entity, at: At<'_>, problems: &mut Problems) {
    let q = Quoted(&entity.id);
    if let Some(place) = &entity.place {
        let on_earth = (-180.0..=180.0).contains(&place.lon) && (-90.0..=90.0).contains(&place.lat);
        if !on_earth {
            problems.error(
                at,
                "/place",
                format!(
                    "{q}: place ({}, {}) is not a longitude/latitude (-180..180, -90..90)",
                    place.lon, place.lat
                ),
            );
        }
    } else if entity.kind == EntityKind::Organisation {
        problems.warning(
            at,
            "/id",
            format!("organisation {q} has no place: its links cannot be drawn"),
        );
    }
    if entity.government.is_some() && entity.kind != EntityKind::State {
        problems.error(
            at,
            "/government",
            format!("{q} is an organisation but has a government"),
        );
    }
    let government_sources = entity.government.iter().flat_map(|g| g.sources.iter());
    for (s, source) in government_sources.enumerate() {
        if let Some(why) = unsafe_source(source) {
            problems.error(
                at,
                &format!("/government/sources/{s}"),
                format!("{q}: government source {}: {why}", quote(source)),
            );
        }
    }
}

/// Each group: its id and colour, and members that are known and in one group only.
fn check_groups(
    scenario: &Scenario,
    entity_kinds: &HashMap<&str, EntityKind>,
    problems: &mut Problems,
) {
    let mut group_ids: HashSet<&str> = HashSet::default();
    // Entity id -> the group that first listed it.
    let mut grouped: HashMap<&str, &str> = HashMap::default();
    for (g, group) in scenario.groups.iter().enumerate() {
        let id = group.id.as_str();
        let q = Quoted(id);
        let at = At::new(Item::Group, g, Some(id));
        if id.trim().is_empty() {
            let at = At::new(Item::Group, g, None);
            problems.error(at, "/id", "group has an empty id".into());
        } else if !group_ids.insert(id) {
            problems.error(at, "/id", format!("duplicate group id {q}"));
        }
        if let Some(colour) = &group.colour
            && parse_colour(colour).is_none()
        {
            problems.error(
                at,
                "/colour",
                format!(
                    "group {q}: colour {} is not of the form #rrggbb",
                    quote(colour)
                ),
            );
        }
        for (m, member) in group.members.iter().enumerate() {
            let pointer = || format!("/members/{m}");
            if !entity_kinds.contains_key(member.as_str()) {
                problems.error(
                    at,
                    &pointer(),
                    format!("group {q} lists unknown entity {}", quote(member)),
                );
            } else if let Some(first) = grouped.insert(member.as_str(), id) {
                grouped.insert(member.as_str(), first);
                let message = if first == id {
                    format!("group {q} lists {} twice", quote(member))
                } else {
                    format!(
                        "{} is in two groups, {} and {q}; an entity belongs to one group",
                        quote(member),
                        quote(first)
                    )
                };
                problems.error(at, &pointer(), message);
            }
        }
    }
}

/// Each relationship: its id, parties, confirmation and sources; returns each id with the
/// index of the first relationship that has it.
fn check_relationships<'s>(
    scenario: &'s Scenario,
    entity_kinds: &HashMap<&str, EntityKind>,
    problems: &mut Problems,
) -> HashMap<&'s str, usize> {
    let mut relationship_ids: HashMap<&str, usize> = HashMap::default();
    for (i, rel) in scenario.relationships.iter().enumerate() {
        let id = rel.id.as_str();
        let q = Quoted(id);
        let at = At::new(Item::Relationship, i, Some(id));
        if let std::collections::hash_map::Entry::Vacant(first) = relationship_ids.entry(id) {
            first.insert(i);
        } else {
            problems.error(at, "/id", format!("duplicate relationship id {q}"));
        }
        if rel.parties.len() < 2 {
            problems.error(
                at,
                "/parties",
                format!(
                    "relationship {q} has {} part{}; it needs at least two",
                    rel.parties.len(),
                    if rel.parties.len() == 1 { "y" } else { "ies" }
                ),
            );
        }
        check_confirmation(rel, scenario.span, at, problems);
        check_relationship_sources(rel, at, problems);
        check_parties(rel, entity_kinds, at, problems);
    }
    relationship_ids
}

/// A relationship's `confirmed_until`: in the span, with the page that confirmed it.
fn check_confirmation(rel: &Relationship, span: ScenarioSpan, at: At<'_>, problems: &mut Problems) {
    let Some(confirmed) = rel.confirmed_until else {
        return;
    };
    let q = Quoted(&rel.id);
    if confirmed < span.start || confirmed > span.end {
        problems.warning(
            at,
            "/confirmed_until",
            format!(
                "relationship {q}: confirmed_until {confirmed} is outside the span {} – {}",
                span.start, span.end
            ),
        );
    }
    if rel.confirmed_source.is_none() {
        problems.warning(
            at,
            "/confirmed_until",
            format!(
                "relationship {q} gives confirmed_until but no confirmed_source: say which page confirmed the status then"
            ),
        );
    }
}

/// A relationship's start sources and confirmed source: web addresses only.
fn check_relationship_sources(rel: &Relationship, at: At<'_>, problems: &mut Problems) {
    let q = Quoted(&rel.id);
    for (s, source) in rel.start_sources.iter().enumerate() {
        if let Some(why) = unsafe_source(source) {
            problems.error(
                at,
                &format!("/start_sources/{s}"),
                format!("relationship {q}: start source {}: {why}", quote(source)),
            );
        }
    }
    if let Some(source) = &rel.confirmed_source
        && let Some(why) = unsafe_source(source)
    {
        problems.error(
            at,
            "/confirmed_source",
            format!(
                "relationship {q}: confirmed_source {}: {why}",
                quote(source)
            ),
        );
    }
}

/// A relationship's parties: known entities, each once.
fn check_parties(
    rel: &Relationship,
    entity_kinds: &HashMap<&str, EntityKind>,
    at: At<'_>,
    problems: &mut Problems,
) {
    let q = Quoted(&rel.id);
    let mut seen = HashSet::default();
    for (p, party) in rel.parties.iter().enumerate() {
        let pointer = || format!("/parties/{p}");
        if !entity_kinds.contains_key(party.as_str()) {
            problems.error(
                at,
                &pointer(),
                format!("relationship {q} names unknown entity {}", quote(party)),
            );
        }
        if !seen.insert(party) {
            problems.error(
                at,
                &pointer(),
                format!("relationship {q} names {} twice", quote(party)),
            );
        }
    }
}

/// Per relationship (the first with its id), its changes (see [`HistoryEntry`]), to judge
/// transitions in date order.
type Histories = Vec<Vec<HistoryEntry>>;

/// Each event: its id, sources, dates and changes; returns each relationship's history.
fn check_events(
    scenario: &Scenario,
    entity_kinds: &HashMap<&str, EntityKind>,
    relationship_ids: &HashMap<&str, usize>,
    problems: &mut Problems,
) -> Histories {
    let mut event_ids: HashSet<&str> = HashSet::default();
    event_ids.reserve(scenario.events.len());
    let mut histories: Histories = vec![Vec::new(); scenario.relationships.len()];
    for (i, event) in scenario.events.iter().enumerate() {
        let id = event.id.as_str();
        let at = At::new(Item::Event, i, Some(id));
        if !event_ids.insert(id) {
            problems.error(at, "/id", format!("duplicate event id {}", quote(id)));
        }
        check_event_sources(event, at, problems);
        check_event_dates(event, scenario.span, at, problems);
        let known = Known {
            entity_kinds,
            relationship_ids,
        };
        check_changes(event, i, known, &mut histories, problems);
    }
    histories
}

/// An event's sources: at least one, web addresses only.
fn check_event_sources(event: &Event, at: At<'_>, problems: &mut Problems) {
    let q = Quoted(&event.id);
    if event.sources.is_empty() {
        problems.error(
            at,
            "/sources",
            format!("event {q} has no source; give at least one web address"),
        );
    }
    for (s, source) in event.sources.iter().enumerate() {
        if let Some(why) = unsafe_source(source) {
            problems.error(
                at,
                &format!("/sources/{s}"),
                format!("event {q}: source {}: {why}", quote(source)),
            );
        }
    }
}

/// An event's date, effective date and precision.
fn check_event_dates(event: &Event, span: ScenarioSpan, at: At<'_>, problems: &mut Problems) {
    let q = Quoted(&event.id);
    if event.date < span.start || event.date > span.end {
        problems.warning(
            at,
            "/date",
            format!(
                "event {q} on {} is outside the span {} – {}",
                event.date, span.start, span.end
            ),
        );
    }
    if let Some(effective) = event.effective {
        if effective < event.date {
            problems.warning(
                at,
                "/effective",
                format!(
                    "event {q} takes effect on {effective}, before its date {}",
                    event.date
                ),
            );
        } else if effective > span.end {
            problems.warning(
                at,
                "/effective",
                format!(
                    "event {q} takes effect on {effective}, after the span ends ({})",
                    span.end
                ),
            );
        }
    }
    match event.precision {
        DatePrecision::Month if event.date.day() != 1 => problems.warning(
            at,
            "/date",
            format!("event {q} has month precision but its date is not the 1st"),
        ),
        DatePrecision::Year if (event.date.month(), event.date.day()) != (1, 1) => problems
            .warning(
                at,
                "/date",
                format!("event {q} has year precision but its date is not 1 January"),
            ),
        _ => {}
    }
}

/// The ids an event's changes may name.
#[derive(Clone, Copy)]
struct Known<'k, 's> {
    entity_kinds: &'k HashMap<&'s str, EntityKind>,
    relationship_ids: &'k HashMap<&'s str, usize>,
}

/// An event's changes: known relationships, each changed once, and states (not
/// organisations) given a government; each relationship's change goes into its history.
fn check_changes(
    event: &Event,
    i: usize,
    known: Known<'_, '_>,
    histories: &mut Histories,
    problems: &mut Problems,
) {
    let q = Quoted(&event.id);
    let at = At::new(Item::Event, i, Some(event.id.as_str()));
    // The relationships changed so far: a list, as an event changes one or two (a set would
    // allocate for each of 10,000 events on every edit).
    let mut changed: Vec<&str> = Vec::new();
    for (c, change) in event.changes.iter().enumerate() {
        let (relationship, status) = match change {
            Change::Relationship {
                relationship,
                status,
                ..
            } => (relationship, Some(*status)),
            Change::Reaffirmed { relationship, .. } | Change::Size { relationship, .. } => {
                (relationship, None)
            }
            Change::State { state, .. } => {
                check_state_change(state, q, c, known, at, problems);
                continue;
            }
        };
        let pointer = || format!("/changes/{c}/relationship");
        let Some(&r) = known.relationship_ids.get(relationship.as_str()) else {
            problems.error(
                at,
                &pointer(),
                format!(
                    "event {q} changes unknown relationship {}",
                    quote(relationship)
                ),
            );
            continue;
        };
        if changed.contains(&relationship.as_str()) {
            problems.error(
                at,
                &pointer(),
                format!("event {q} changes {} twice", quote(relationship)),
            );
        } else {
            changed.push(relationship.as_str());
        }
        histories[r].push((event.effective_date(), status, i, c));
    }
}

/// A change of government (change `c` of the event `q`): of a known state.
fn check_state_change(
    state: &str,
    q: Quoted<'_>,
    c: usize,
    known: Known<'_, '_>,
    at: At<'_>,
    problems: &mut Problems,
) {
    let pointer = || format!("/changes/{c}/state");
    match known.entity_kinds.get(state) {
        None => problems.error(
            at,
            &pointer(),
            format!("event {q} changes unknown state {}", quote(state)),
        ),
        Some(EntityKind::Organisation) => problems.error(
            at,
            &pointer(),
            format!(
                "event {q} gives a government to organisation {}; only states have one",
                quote(state)
            ),
        ),
        Some(EntityKind::State) => {}
    }
}

/// Each relationship's changes in date order: it appears at all, and every status follows
/// from the one before; reaffirmations and sizes of a tie that does not exist yet or has
/// ended.
fn check_histories(scenario: &Scenario, mut histories: Histories, problems: &mut Problems) {
    for (r, rel) in scenario.relationships.iter().enumerate() {
        // A second relationship with the same id has none (its duplicate id is an error).
        let mut history = histories.get_mut(r).map(std::mem::take).unwrap_or_default();
        history.sort_by_key(|&(date, _, i, c)| (date, i, c));
        if history.is_empty() && !rel.in_force_at_start {
            problems.warning(
                At::new(Item::Relationship, r, Some(rel.id.as_str())),
                "/id",
                format!(
                    "relationship {} has no events: it never appears",
                    quote(&rel.id)
                ),
            );
        }
        let mut previous = rel.in_force_at_start.then_some(Status::Active);
        for &(_, status, i, c) in &history {
            let event = &scenario.events[i];
            let at = At::new(Item::Event, i, Some(event.id.as_str()));
            match status {
                None => check_restatement(event, c, &rel.id, previous, at, problems),
                Some(status) => {
                    if let Some(why) = senseless_transition(previous, status) {
                        problems.warning(
                            at,
                            &format!("/changes/{c}/status"),
                            format!(
                                "event {} sets {} to {status}: {why}",
                                quote(&event.id),
                                quote(&rel.id)
                            ),
                        );
                    }
                    previous = Some(status);
                }
            }
        }
    }
}

/// Change `c` of `event` reaffirms relationship `rel_id` or gives its size: it must exist
/// (`previous` is its status before) and not have ended.
fn check_restatement(
    event: &Event,
    c: usize,
    rel_id: &str,
    previous: Option<Status>,
    at: At<'_>,
    problems: &mut Problems,
) {
    let why = match previous {
        None => "it does not exist yet (no earlier event, and not in force at the start)",
        Some(Status::Ended) => "it had already ended",
        Some(_) => return,
    };
    let (key, verb) = match &event.changes[c] {
        Change::Size { size, .. } if size.troops.is_some() => ("troops", "gives the size of"),
        Change::Size { .. } => ("amount", "gives the size of"),
        _ => ("reaffirmed", "reaffirms"),
    };
    problems.warning(
        at,
        &format!("/changes/{c}/{key}"),
        format!("event {} {verb} {}: {why}", quote(&event.id), quote(rel_id)),
    );
}

/// Sites off the Earth or without a name (errors).
fn check_sites(scenario: &Scenario, problems: &mut Problems) {
    for (r, rel) in scenario.relationships.iter().enumerate() {
        let Some(site) = &rel.site else { continue };
        let at = At::new(Item::Relationship, r, Some(rel.id.as_str()));
        let q = Quoted(&rel.id);
        if site.name.trim().is_empty() {
            problems.error(
                at,
                "/site/name",
                format!("relationship {q} has a site without a name"),
            );
        }
        if !(-180.0..=180.0).contains(&site.lon) {
            problems.error(
                at,
                "/site/lon",
                format!(
                    "relationship {q}: site longitude {} is outside -180..180",
                    site.lon
                ),
            );
        }
        if !(-90.0..=90.0).contains(&site.lat) {
            problems.error(
                at,
                "/site/lat",
                format!(
                    "relationship {q}: site latitude {} is outside -90..90 (is it [lon, lat]?)",
                    site.lat
                ),
            );
        }
    }
}

/// Notices on events that start no winding down (warnings).
fn check_notices(scenario: &Scenario, problems: &mut Problems) {
    for (i, event) in scenario.events.iter().enumerate() {
        let winds_down = event.changes.iter().any(|c| {
            matches!(
                c,
                Change::Relationship {
                    status: Status::WindingDown,
                    ..
                }
            )
        });
        if event.notice.is_some() && !winds_down {
            problems.warning(
                At::new(Item::Event, i, Some(event.id.as_str())),
                "/notice",
                format!(
                    "event {} has a notice but sets no tie to winding-down; the notice counts from the event that does",
                    quote(&event.id)
                ),
            );
        }
    }
}

/// A relationship's change in [`check`]: (effective date, status or `None` for a
/// reaffirmation, event index, change index).
type HistoryEntry = (jiff::civil::Date, Option<Status>, usize, usize);

/// [`quote`] done when a message is written, not before: most items have no problem, and a
/// check of 10,000 events would otherwise quote every id.
#[derive(Clone, Copy)]
struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    /// See [`quote`]; written straight into the message, without a string of its own.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        const MAX_CHARS: usize = 40;
        f.write_char('"')?;
        // The usual id: short, printable ASCII without quotes, written at once.
        let plain = self.0.len() <= MAX_CHARS
            && self
                .0
                .bytes()
                .all(|b| (b' '..0x7f).contains(&b) && b != b'"');
        if plain {
            f.write_str(self.0)?;
        } else {
            for (n, c) in self.0.chars().enumerate() {
                if n == MAX_CHARS {
                    f.write_char('…')?;
                    break;
                }
                match c {
                    '"' => f.write_str("\\\"")?,
                    c if c.is_control() => write!(f, "{}", c.escape_default())?,
                    c => f.write_char(c)?,
                }
            }
        }
        f.write_char('"')
    }
}

/// An id or other text from the file, in double quotes for a message: control characters
/// escaped, cut to 40 characters.
pub(super) fn quote(text: &str) -> String {
    Quoted(text).to_string()
}

/// Why a source address may not be opened, if so (the reason says it "is not a complete web
/// address" or names its scheme): only `http` and `https` addresses with a host and no spaces or
/// control characters are web pages a reader can open; a scenario is someone else's file, and `file:`, `javascript:`,
/// `smb:` … (or no scheme at all) would hand the operating system anything.
pub fn unsafe_source(source: &str) -> Option<String> {
    // The usual source, a whole web address: safe (it begins `http://` or `https://`, its
    // host is not empty, and it has no spaces or control characters, all of which the rules
    // below ask). This runs for every source of every event on each edit in the app.
    if web_address(source).is_some_and(|address| address.len() == source.len()) {
        return None;
    }
    let scheme = source
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
    let rest_ok = |prefix: usize| {
        source.get(prefix..).is_some_and(|rest| {
            rest.starts_with("//") && rest.len() > 2 && !rest.contains(char::is_whitespace)
        })
    };
    let web = web_address(source) == Some(source);
    // Compared without case and without allocating: this runs for every source of every
    // event on each edit in the app.
    let is = |name: &str| scheme.is_some_and(|s| s.eq_ignore_ascii_case(name));
    match scheme {
        Some(_) if is("http") && web && rest_ok(5) => None,
        Some(_) if is("https") && web && rest_ok(6) => None,
        Some(_) if is("http") || is("https") => Some(
            "is not a complete web address (http(s):// then a host, with no spaces or control \
             characters)"
                .to_owned(),
        ),
        Some(other) => Some(format!(
            "is a {}: address; only http and https sources are allowed (they are opened in a browser)",
            other.to_ascii_lowercase()
        )),
        None => {
            Some("has no scheme; a source is a web address starting http:// or https://".to_owned())
        }
    }
}

/// Why going from `previous` to `next` makes no sense, if it does not.
fn senseless_transition(previous: Option<Status>, next: Status) -> Option<&'static str> {
    use Status::{Active, Ended, Planned, Suspended, WindingDown};
    match (previous, next) {
        (None, Suspended | WindingDown | Ended) => Some(
            "it never began (no earlier event, and not in force at the start); add an event that makes it planned or active first, or set in_force_at_start",
        ),
        (Some(a), b) if a == b => Some(
            "it already had that status (for an event that only reaffirms a tie, write {\"relationship\": …, \"reaffirmed\": true})",
        ),
        (Some(Active | Suspended | WindingDown), Planned) => {
            Some("a relationship already under way cannot go back to planned")
        }
        (Some(Planned), Suspended) => {
            Some("it never began (it is only planned); add an event that makes it active first")
        }
        (Some(Ended), Suspended | WindingDown) => Some("it had already ended"),
        _ => None,
    }
}

// Translations: each `i18n` entry names a language code and fields the item has. A
// misspelt field ("titel") or one the item does not have ("label" on an event) is a warning:
// the scenario loads, and the translation is never shown.

/// The fields each kind of item may translate.
const EVENT_FIELDS: [&str; 3] = ["title", "summary", "note"];
const RELATIONSHIP_FIELDS: [&str; 2] = ["label", "short"];
const ENTITY_FIELDS: [&str; 3] = ["name", "short", "place"];
const GROUP_FIELDS: [&str; 1] = ["label"];
const SCENARIO_FIELDS: [&str; 2] = ["title", "description"];

/// Warnings for translations of fields an item does not have, and for language codes that
/// are not two or three lower-case letters.
fn check_translations(scenario: &Scenario, problems: &mut Problems) {
    let items = (scenario.events.iter().enumerate())
        .map(|(i, e)| {
            (
                At::new(Item::Event, i, Some(&e.id)),
                "event",
                &e.i18n,
                &EVENT_FIELDS[..],
            )
        })
        .chain(scenario.relationships.iter().enumerate().map(|(i, r)| {
            let at = At::new(Item::Relationship, i, Some(r.id.as_str()));
            (at, "relationship", &r.i18n, &RELATIONSHIP_FIELDS[..])
        }))
        .chain(scenario.entities.iter().enumerate().map(|(i, e)| {
            let at = At::new(Item::Entity, i, Some(e.id.as_str()));
            (at, "entity", &e.i18n, &ENTITY_FIELDS[..])
        }))
        .chain(scenario.groups.iter().enumerate().map(|(i, g)| {
            let at = At::new(Item::Group, i, Some(g.id.as_str()));
            (at, "group", &g.i18n, &GROUP_FIELDS[..])
        }))
        .chain(std::iter::once((
            At::new(the_scenario, 0, None),
            "scenario",
            &scenario.i18n,
            &SCENARIO_FIELDS[..],
        )));
    for (at, kind, translations, fields) in items {
        check_translation(problems, at, kind, translations, fields);
    }
}

fn check_translation(
    problems: &mut Problems,
    at: At<'_>,
    kind: &str,
    translations: &Translations,
    fields: &[&str],
) {
    // "event \"x\"", or "scenario" for the scenario's own, which has no id.
    // Formatted only when a problem is reported.
    let who = || {
        at.id
            .map_or_else(|| kind.to_owned(), |id| format!("{kind} {}", quote(id)))
    };
    for lang in translations.0.keys() {
        let code_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
        if !code_ok {
            problems.warning(
                at,
                &format!("/i18n/{}", escape_token(lang)),
                format!(
                    "{}: {} is not a language code (two or three lower-case letters, such as \"fr\")",
                    who(),
                    quote(lang)
                ),
            );
        }
    }
    for (lang, field) in translations.fields() {
        if !fields.contains(&field) {
            let suggestion = fields
                .iter()
                .find(|f| strsim::jaro_winkler(f, field) > 0.8)
                .map(|f| format!("; did you mean \"{f}\"?"))
                .unwrap_or_default();
            problems.warning(
                at,
                &format!("/i18n/{}/{}", escape_token(lang), escape_token(field)),
                format!(
                    "{}: i18n.{lang} translates {}, which {kind}s do not have (they translate {}){suggestion}",
                    who(),
                    quote(field),
                    fields.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_sources_are_safe() {
        for good in [
            "https://example.org/a b".replace(' ', "%20").as_str(),
            "http://x.y",
            "HTTPS://X.Y/z",
        ] {
            assert_eq!(unsafe_source(good), None, "{good}");
        }
        for (bad, phrase) in [
            ("file:///etc/passwd", "a file: address"),
            ("javascript:alert(1)", "a javascript: address"),
            ("smb://server/share", "a smb: address"),
            ("www.example.org", "no scheme"),
            ("https:/example.org", "not a complete web address"),
            ("https://", "not a complete web address"),
            ("https://exa mple.org", "not a complete web address"),
            ("https:///etc/passwd", "not a complete web address"),
            ("https://example.org/\u{7}", "not a complete web address"),
            (" https://example.org", "no scheme"),
        ] {
            let why = unsafe_source(bad).unwrap_or_default();
            assert!(why.contains(phrase), "{bad}: {why}");
        }
    }

    #[test]
    fn transitions() {
        assert!(senseless_transition(None, Status::Active).is_none());
        assert!(senseless_transition(None, Status::Ended).is_some());
        assert!(senseless_transition(Some(Status::Active), Status::WindingDown).is_none());
        assert!(senseless_transition(Some(Status::Ended), Status::WindingDown).is_some());
        assert!(senseless_transition(Some(Status::Ended), Status::Active).is_none());
    }
}
