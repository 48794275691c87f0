//! Rules that make a scenario coherent, checked after it parses.

use std::collections::{HashMap, HashSet};

use super::{Change, DatePrecision, EntityKind, SCENARIO_FORMAT, Scenario, Status, parse_colour};

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

/// Checks a parsed scenario: unknown or duplicate ids, events without sources, impossible or
/// out-of-span dates, status changes that make no sense. Errors first, then warnings.
pub fn check(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |severity, item, id: Option<&str>, pointer: &str, message: String| {
        problems.push(Problem {
            severity,
            item,
            id: id.map(str::to_owned),
            pointer: pointer.to_owned(),
            message,
        });
    };
    use Severity::{Error, Warning};

    if scenario.format != SCENARIO_FORMAT {
        push(
            Error,
            Item::Scenario,
            None,
            "/format",
            format!(
                "format is {}; this app reads \"{SCENARIO_FORMAT}\"",
                quote(&scenario.format)
            ),
        );
    }
    let span = scenario.span;
    if span.start > span.end {
        push(
            Error,
            Item::Scenario,
            None,
            "/span/start",
            format!("span starts ({}) after it ends ({})", span.start, span.end),
        );
    }

    if let Some(until) = scenario.research_until
        && (until < span.start || until > span.end)
    {
        push(
            Warning,
            Item::Scenario,
            None,
            "/research_until",
            format!(
                "research_until {until} is outside the span {} – {}",
                span.start, span.end
            ),
        );
    }

    let mut entity_kinds: HashMap<&str, EntityKind> = HashMap::new();
    for (i, entity) in scenario.entities.iter().enumerate() {
        let id = entity.id.as_str();
        let q = quote(id);
        if id.trim().is_empty() {
            push(
                Error,
                Item::Entity(i),
                None,
                "/id",
                "entity has an empty id".into(),
            );
        }
        if entity_kinds.insert(id, entity.kind).is_some() {
            push(
                Error,
                Item::Entity(i),
                Some(id),
                "/id",
                format!("duplicate entity id {q}"),
            );
        }
        if let Some(place) = &entity.place {
            let on_earth =
                (-180.0..=180.0).contains(&place.lon) && (-90.0..=90.0).contains(&place.lat);
            if !on_earth {
                push(
                    Error,
                    Item::Entity(i),
                    Some(id),
                    "/place",
                    format!(
                        "{q}: place ({}, {}) is not a longitude/latitude (-180..180, -90..90)",
                        place.lon, place.lat
                    ),
                );
            }
        } else if entity.kind == EntityKind::Organisation {
            push(
                Warning,
                Item::Entity(i),
                Some(id),
                "/id",
                format!("organisation {q} has no place: its links cannot be drawn"),
            );
        }
        if entity.government.is_some() && entity.kind != EntityKind::State {
            push(
                Error,
                Item::Entity(i),
                Some(id),
                "/government",
                format!("{q} is an organisation but has a government"),
            );
        }
        let government_sources = entity.government.iter().flat_map(|g| g.sources.iter());
        for (s, source) in government_sources.enumerate() {
            if let Some(why) = unsafe_source(source) {
                push(
                    Error,
                    Item::Entity(i),
                    Some(id),
                    &format!("/government/sources/{s}"),
                    format!("{q}: government source {}: {why}", quote(source)),
                );
            }
        }
    }

    let mut group_ids: HashSet<&str> = HashSet::new();
    // Entity id -> the group that first listed it.
    let mut grouped: HashMap<&str, &str> = HashMap::new();
    for (g, group) in scenario.groups.iter().enumerate() {
        let id = group.id.as_str();
        let q = quote(id);
        if id.trim().is_empty() {
            push(
                Error,
                Item::Group(g),
                None,
                "/id",
                "group has an empty id".into(),
            );
        } else if !group_ids.insert(id) {
            push(
                Error,
                Item::Group(g),
                Some(id),
                "/id",
                format!("duplicate group id {q}"),
            );
        }
        if let Some(colour) = &group.colour
            && parse_colour(colour).is_none()
        {
            push(
                Error,
                Item::Group(g),
                Some(id),
                "/colour",
                format!(
                    "group {q}: colour {} is not of the form #rrggbb",
                    quote(colour)
                ),
            );
        }
        for (m, member) in group.members.iter().enumerate() {
            let pointer = format!("/members/{m}");
            if !entity_kinds.contains_key(member.as_str()) {
                push(
                    Error,
                    Item::Group(g),
                    Some(id),
                    &pointer,
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
                push(Error, Item::Group(g), Some(id), &pointer, message);
            }
        }
    }

    let mut relationship_ids: HashSet<&str> = HashSet::new();
    for (i, rel) in scenario.relationships.iter().enumerate() {
        let id = rel.id.as_str();
        let q = quote(id);
        if !relationship_ids.insert(id) {
            push(
                Error,
                Item::Relationship(i),
                Some(id),
                "/id",
                format!("duplicate relationship id {q}"),
            );
        }
        if rel.parties.len() < 2 {
            push(
                Error,
                Item::Relationship(i),
                Some(id),
                "/parties",
                format!(
                    "relationship {q} has {} part{}; it needs at least two",
                    rel.parties.len(),
                    if rel.parties.len() == 1 { "y" } else { "ies" }
                ),
            );
        }
        if let Some(confirmed) = rel.confirmed_until {
            if confirmed < span.start || confirmed > span.end {
                push(
                    Warning,
                    Item::Relationship(i),
                    Some(id),
                    "/confirmed_until",
                    format!(
                        "relationship {q}: confirmed_until {confirmed} is outside the span {} – {}",
                        span.start, span.end
                    ),
                );
            }
            if rel.confirmed_source.is_none() {
                push(
                    Warning,
                    Item::Relationship(i),
                    Some(id),
                    "/confirmed_until",
                    format!(
                        "relationship {q} gives confirmed_until but no confirmed_source: say which page confirmed the status then"
                    ),
                );
            }
        }
        for (s, source) in rel.start_sources.iter().enumerate() {
            if let Some(why) = unsafe_source(source) {
                push(
                    Error,
                    Item::Relationship(i),
                    Some(id),
                    &format!("/start_sources/{s}"),
                    format!("relationship {q}: start source {}: {why}", quote(source)),
                );
            }
        }
        if let Some(source) = &rel.confirmed_source
            && let Some(why) = unsafe_source(source)
        {
            push(
                Error,
                Item::Relationship(i),
                Some(id),
                "/confirmed_source",
                format!(
                    "relationship {q}: confirmed_source {}: {why}",
                    quote(source)
                ),
            );
        }
        let mut seen = HashSet::new();
        for (p, party) in rel.parties.iter().enumerate() {
            let pointer = format!("/parties/{p}");
            if !entity_kinds.contains_key(party.as_str()) {
                push(
                    Error,
                    Item::Relationship(i),
                    Some(id),
                    &pointer,
                    format!("relationship {q} names unknown entity {}", quote(party)),
                );
            }
            if !seen.insert(party) {
                push(
                    Error,
                    Item::Relationship(i),
                    Some(id),
                    &pointer,
                    format!("relationship {q} names {} twice", quote(party)),
                );
            }
        }
    }

    let mut event_ids: HashSet<&str> = HashSet::new();
    // Per relationship: (effective date, status or `None` for a reaffirmation, event index,
    // change index), to judge transitions in date order.
    let mut histories: HashMap<&str, Vec<HistoryEntry>> = HashMap::new();
    for (i, event) in scenario.events.iter().enumerate() {
        let id = event.id.as_str();
        let q = quote(id);
        if !event_ids.insert(id) {
            push(
                Error,
                Item::Event(i),
                Some(id),
                "/id",
                format!("duplicate event id {q}"),
            );
        }
        if event.sources.is_empty() {
            push(
                Error,
                Item::Event(i),
                Some(id),
                "/sources",
                format!("event {q} has no source; give at least one web address"),
            );
        }
        for (s, source) in event.sources.iter().enumerate() {
            if let Some(why) = unsafe_source(source) {
                push(
                    Error,
                    Item::Event(i),
                    Some(id),
                    &format!("/sources/{s}"),
                    format!("event {q}: source {}: {why}", quote(source)),
                );
            }
        }
        if event.date < span.start || event.date > span.end {
            push(
                Warning,
                Item::Event(i),
                Some(id),
                "/date",
                format!(
                    "event {q} on {} is outside the span {} – {}",
                    event.date, span.start, span.end
                ),
            );
        }
        if let Some(effective) = event.effective {
            if effective < event.date {
                push(
                    Warning,
                    Item::Event(i),
                    Some(id),
                    "/effective",
                    format!(
                        "event {q} takes effect on {effective}, before its date {}",
                        event.date
                    ),
                );
            } else if effective > span.end {
                push(
                    Warning,
                    Item::Event(i),
                    Some(id),
                    "/effective",
                    format!(
                        "event {q} takes effect on {effective}, after the span ends ({})",
                        span.end
                    ),
                );
            }
        }
        match event.precision {
            DatePrecision::Month if event.date.day() != 1 => push(
                Warning,
                Item::Event(i),
                Some(id),
                "/date",
                format!("event {q} has month precision but its date is not the 1st"),
            ),
            DatePrecision::Year if (event.date.month(), event.date.day()) != (1, 1) => push(
                Warning,
                Item::Event(i),
                Some(id),
                "/date",
                format!("event {q} has year precision but its date is not 1 January"),
            ),
            _ => {}
        }
        let mut changed = HashSet::new();
        for (c, change) in event.changes.iter().enumerate() {
            let (relationship, status) = match change {
                Change::Relationship {
                    relationship,
                    status,
                    ..
                } => (Some(relationship), Some(*status)),
                Change::Reaffirmed { relationship, .. } | Change::Size { relationship, .. } => {
                    (Some(relationship), None)
                }
                Change::State { .. } => (None, None),
            };
            match (change, relationship) {
                (_, Some(relationship)) => {
                    let pointer = format!("/changes/{c}/relationship");
                    if !relationship_ids.contains(relationship.as_str()) {
                        push(
                            Error,
                            Item::Event(i),
                            Some(id),
                            &pointer,
                            format!(
                                "event {q} changes unknown relationship {}",
                                quote(relationship)
                            ),
                        );
                        continue;
                    }
                    if !changed.insert(relationship.as_str()) {
                        push(
                            Error,
                            Item::Event(i),
                            Some(id),
                            &pointer,
                            format!("event {q} changes {} twice", quote(relationship)),
                        );
                    }
                    histories.entry(relationship.as_str()).or_default().push((
                        event.effective_date(),
                        status,
                        i,
                        c,
                    ));
                }
                (Change::State { state, .. }, None) => {
                    let pointer = format!("/changes/{c}/state");
                    match entity_kinds.get(state.as_str()) {
                        None => push(
                            Error,
                            Item::Event(i),
                            Some(id),
                            &pointer,
                            format!("event {q} changes unknown state {}", quote(state)),
                        ),
                        Some(EntityKind::Organisation) => push(
                            Error,
                            Item::Event(i),
                            Some(id),
                            &pointer,
                            format!(
                                "event {q} gives a government to organisation {}; only states have one",
                                quote(state)
                            ),
                        ),
                        Some(EntityKind::State) => {}
                    }
                }
                (_, None) => {}
            }
        }
    }

    for (r, rel) in scenario.relationships.iter().enumerate() {
        let mut history = histories.remove(rel.id.as_str()).unwrap_or_default();
        history.sort_by_key(|&(date, _, i, c)| (date, i, c));
        if history.is_empty() && !rel.in_force_at_start {
            push(
                Warning,
                Item::Relationship(r),
                Some(&rel.id),
                "/id",
                format!(
                    "relationship {} has no events: it never appears",
                    quote(&rel.id)
                ),
            );
        }
        let mut previous = rel.in_force_at_start.then_some(Status::Active);
        for &(_, status, i, c) in &history {
            let event_id = scenario.events[i].id.as_str();
            let Some(status) = status else {
                let why = match previous {
                    None => Some(
                        "it does not exist yet (no earlier event, and not in force at the start)",
                    ),
                    Some(Status::Ended) => Some("it had already ended"),
                    Some(_) => None,
                };
                if let Some(why) = why {
                    let (key, verb) = match &scenario.events[i].changes[c] {
                        Change::Size { size, .. } if size.troops.is_some() => {
                            ("troops", "gives the size of")
                        }
                        Change::Size { .. } => ("amount", "gives the size of"),
                        _ => ("reaffirmed", "reaffirms"),
                    };
                    push(
                        Warning,
                        Item::Event(i),
                        Some(event_id),
                        &format!("/changes/{c}/{key}"),
                        format!("event {} {verb} {}: {why}", quote(event_id), quote(&rel.id)),
                    );
                }
                continue;
            };
            if let Some(why) = senseless_transition(previous, status) {
                push(
                    Warning,
                    Item::Event(i),
                    Some(event_id),
                    &format!("/changes/{c}/status"),
                    format!(
                        "event {} sets {} to {status}: {why}",
                        quote(event_id),
                        quote(&rel.id)
                    ),
                );
            }
            previous = Some(status);
        }
    }

    problems.extend(check_sites_and_notices(scenario));
    problems.extend(super::check_translations::check_translations(scenario));
    problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
    problems
}

/// Sites off the Earth or without a name (errors), and notices on events that start no
/// winding down (warnings).
fn check_sites_and_notices(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (r, rel) in scenario.relationships.iter().enumerate() {
        let Some(site) = &rel.site else { continue };
        let mut error = |pointer: &str, message: String| {
            problems.push(Problem {
                severity: Severity::Error,
                item: Item::Relationship(r),
                id: Some(rel.id.clone()),
                pointer: pointer.to_owned(),
                message,
            });
        };
        let q = quote(&rel.id);
        if site.name.trim().is_empty() {
            error(
                "/site/name",
                format!("relationship {q} has a site without a name"),
            );
        }
        if !(-180.0..=180.0).contains(&site.lon) {
            error(
                "/site/lon",
                format!(
                    "relationship {q}: site longitude {} is outside -180..180",
                    site.lon
                ),
            );
        }
        if !(-90.0..=90.0).contains(&site.lat) {
            error(
                "/site/lat",
                format!(
                    "relationship {q}: site latitude {} is outside -90..90 (is it [lon, lat]?)",
                    site.lat
                ),
            );
        }
    }
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
            problems.push(Problem {
                severity: Severity::Warning,
                item: Item::Event(i),
                id: Some(event.id.clone()),
                pointer: "/notice".to_owned(),
                message: format!(
                    "event {} has a notice but sets no tie to winding-down; the notice counts from the event that does",
                    quote(&event.id)
                ),
            });
        }
    }
    problems
}

/// A relationship's change in [`check`]: (effective date, status or `None` for a
/// reaffirmation, event index, change index).
type HistoryEntry = (jiff::civil::Date, Option<Status>, usize, usize);

/// An id or other text from the file, in double quotes for a message: control characters
/// escaped, cut to 40 characters.
pub(super) fn quote(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut out = String::from('"');
    for (n, c) in text.chars().enumerate() {
        if n == MAX_CHARS {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Why a source address may not be opened, if so (the reason says it "is not a complete web
/// address" or names its scheme): only `http` and `https` addresses with a host and no spaces or
/// control characters are web pages a reader can open; a scenario is someone else's file, and `file:`, `javascript:`,
/// `smb:` … (or no scheme at all) would hand the operating system anything.
pub fn unsafe_source(source: &str) -> Option<String> {
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
    let web = super::source::web_address(source) == Some(source);
    match scheme.map(str::to_ascii_lowercase).as_deref() {
        Some("http") if web && rest_ok(5) => None,
        Some("https") if web && rest_ok(6) => None,
        Some("http" | "https") => Some(
            "is not a complete web address (http(s):// then a host, with no spaces or control \
             characters)"
                .to_owned(),
        ),
        Some(other) => Some(format!(
            "is a {other}: address; only http and https sources are allowed (they are opened in a browser)"
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
