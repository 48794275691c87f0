//! What the map shows at a date, worked out once when the date or the data change: the role
//! and fill of every country, the labelled countries, the link arcs and the organisation
//! nodes. Pure data in world coordinates, drawn by the egui widget and by the exports alike.

use std::collections::HashSet;

use super::layer::MapLayer;
use super::links::{Arc, fanned_bends};
use super::projection::world_from_lon_lat;
use super::style::{self, Rgb};
use crate::io::CountryIx;
use crate::model::{
    ChangeKind, Day, EntityIx, EntityKind, GovernmentForm, LinkFilter, LinkState, RelIx, Site,
    State, Status, Timeline, is_sahel_state,
};

/// A link ready to draw: its arc sampled in world coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneLink {
    /// Its relationship.
    pub relationship: RelIx,
    /// Its status at the date.
    pub status: Status,
    /// When its status is unconfirmed at the date, the day it was last confirmed (draw it in
    /// the unconfirmed style); `None` while confirmed.
    pub unconfirmed_since: Option<Day>,
    /// Points along the arc, world coordinates.
    pub points_world: Vec<[f64; 2]>,
    /// The entities at the arc's two ends: the hub, then the other party.
    pub ends: [EntityIx; 2],
    /// In compare mode, how the tie differs between the two dates (its status at the first
    /// date and the kind of change); `None` when it does not, or outside compare mode.
    pub change: Option<(Option<Status>, ChangeKind)>,
    /// Troops at the date, where known (the arc's width follows them).
    pub troops: Option<u32>,
    /// The site the arc ends at instead of its host's place (index into [`Scene::sites`]).
    pub site: Option<usize>,
}

/// A place on the ground where ties are (a base, a camp): a small marker, named when zoomed
/// in.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneSite {
    /// Its name ("Air Base 101, Niamey").
    pub name: String,
    /// Where, world coordinates.
    pub world: [f64; 2],
}

/// An organisation's node.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    /// Its entity.
    pub entity: EntityIx,
    /// Where, world coordinates.
    pub world: [f64; 2],
    /// Its label.
    pub label: String,
}

/// Everything drawn at one date on one layer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Fill per country of the layer.
    pub fills: Vec<Rgb>,
    /// Countries with a label, and the label.
    pub labels: Vec<(CountryIx, String)>,
    /// Links, in drawing order (ended first, so live ones sit on top).
    pub links: Vec<SceneLink>,
    /// Organisation nodes that have a link at the date.
    pub nodes: Vec<SceneNode>,
    /// A short name per entity of the scenario, for markers at the view's edge.
    pub entity_names: Vec<String>,
    /// The sites the drawn arcs end at, once each.
    pub sites: Vec<SceneSite>,
}

/// What a scene leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SceneOptions {
    /// Leave out links that have ended.
    pub hide_ended: bool,
    /// Statuses, kinds and partner groups left out.
    pub filter: LinkFilter,
    /// Compare mode: the two dates, earlier first. The scene is then the state at the later
    /// date, each tie tagged with how it differs from the earlier one.
    pub compare: Option<(Day, Day)>,
}

/// Where an entity sits, world coordinates: a state's label point in `places` (the layer that
/// gives countries' label points), else the place the scenario gives.
pub fn entity_world(timeline: &Timeline, places: &MapLayer, entity: EntityIx) -> Option<[f64; 2]> {
    let e = timeline.scenario().entity_at(entity)?;
    if e.kind == EntityKind::State
        && let Some(c) = places.country_index(&e.id)
    {
        return places.label_world(c);
    }
    e.place.as_ref().map(|p| world_from_lon_lat(p.lon, p.lat))
}

/// States that share a relationship with a Sahel state, at any date of the scenario.
pub fn partner_states(timeline: &Timeline) -> HashSet<&str> {
    let mut partners = HashSet::new();
    for rel in &timeline.scenario().relationships {
        if rel.parties.iter().any(|p| is_sahel_state(p)) {
            partners.extend(
                rel.parties
                    .iter()
                    .filter(|p| !is_sahel_state(p))
                    .map(String::as_str),
            );
        }
    }
    partners
}

/// Builds the scene for `layer` at `state`. `places` gives states' label points for link ends
/// (the coarse layer, so links do not move when the layer switches).
pub fn build_scene(
    layer: &MapLayer,
    places: &MapLayer,
    timeline: &Timeline,
    state: &State,
    hide_ended: bool,
) -> Scene {
    let options = SceneOptions {
        hide_ended,
        ..SceneOptions::default()
    };
    build_scene_with(layer, places, timeline, state, &options)
}

/// [`build_scene`] with a filter of what links are drawn.
pub fn build_scene_with(
    layer: &MapLayer,
    places: &MapLayer,
    timeline: &Timeline,
    state: &State,
    options: &SceneOptions,
) -> Scene {
    let compared;
    let (state, diff) = match options.compare {
        Some((from, to)) => {
            compared = timeline.state_at(to);
            (&compared, Some(timeline.diff(from, to)))
        }
        None => (state, None),
    };
    let change_of = |relationship: RelIx| {
        diff.as_ref()?
            .changes
            .iter()
            .find(|c| c.relationship == relationship)
            .map(|c| (c.from, c.kind()))
    };
    let partners = partner_states(timeline);
    let lang = crate::model::i18n::current_lang();
    let labels = layer
        .countries_ix()
        .filter(|(_, c)| is_sahel_state(&c.key) || partners.contains(c.key.as_str()))
        .map(|(i, c)| (i, c.name_in(lang).to_owned()))
        .collect();
    let (links, sites) = scene_links(places, timeline, state, options, &change_of);
    Scene {
        fills: country_fills(layer, timeline, state, &partners),
        labels,
        nodes: scene_nodes(places, timeline, &links),
        links,
        entity_names: entity_names(layer, timeline),
        sites,
    }
}

/// Each country's fill at `state`: Sahel states (under military rule or not), partners with
/// a live tie, former partners, the rest.
fn country_fills(
    layer: &MapLayer,
    timeline: &Timeline,
    state: &State,
    partners: &HashSet<&str>,
) -> Vec<Rgb> {
    let scenario = timeline.scenario();
    let mut live: HashSet<&str> = HashSet::new();
    for link in state.links() {
        if link.status != Status::Ended {
            live.extend(
                scenario.relationships[link.relationship]
                    .parties
                    .iter()
                    .map(String::as_str),
            );
        }
    }
    let military: HashSet<&str> = state
        .countries
        .iter()
        .filter(|c| c.government == GovernmentForm::Military)
        .map(|c| scenario.entities[c.entity].id.as_str())
        .collect();
    layer
        .countries()
        .iter()
        .map(|c| {
            let k = c.key.as_str();
            if is_sahel_state(k) {
                if military.contains(k) {
                    style::SAHEL_MILITARY
                } else {
                    style::SAHEL
                }
            } else if partners.contains(k) {
                if live.contains(k) {
                    style::PARTNER
                } else {
                    style::FORMER_PARTNER
                }
            } else {
                style::LAND
            }
        })
        .collect()
}

/// The organisations with a link drawn, as nodes at their places.
fn scene_nodes(places: &MapLayer, timeline: &Timeline, links: &[SceneLink]) -> Vec<SceneNode> {
    let lang = crate::model::i18n::current_lang();
    timeline
        .scenario()
        .entities_ix()
        .filter(|(i, e)| {
            e.kind == EntityKind::Organisation && links.iter().any(|l| l.ends.contains(i))
        })
        .filter_map(|(i, e)| {
            Some(SceneNode {
                entity: i,
                world: entity_world(timeline, places, i)?,
                label: org_label(e, lang),
            })
        })
        .collect()
}

/// A short name per entity: an organisation's short name, a state's name in the layer.
fn entity_names(layer: &MapLayer, timeline: &Timeline) -> Vec<String> {
    let lang = crate::model::i18n::current_lang();
    timeline
        .scenario()
        .entities
        .iter()
        .map(|e| match e.kind {
            EntityKind::Organisation => org_label(e, lang),
            _ => layer
                .country_index(&e.id)
                .and_then(|c| layer.country(c))
                .map_or_else(
                    || e.i18n.or(lang, "name", &e.name).to_owned(),
                    |c| c.name_in(lang).to_owned(),
                ),
        })
        .collect()
}

/// One arc from each link's hub to each other party, fanned out per pair; the arc to the
/// second party ends at the tie's site when it has one. Ended links first, so live ones sit
/// on top. Returns the links and the sites they end at (once each).
fn scene_links(
    places: &MapLayer,
    timeline: &Timeline,
    state: &State,
    options: &SceneOptions,
    change_of: &dyn Fn(RelIx) -> Option<(Option<Status>, ChangeKind)>,
) -> (Vec<SceneLink>, Vec<SceneSite>) {
    let scenario = timeline.scenario();
    let mut arcs: Vec<(LinkState, EntityIx, EntityIx, Option<&Site>)> = Vec::new();
    for link in state.links() {
        let rel = &scenario.relationships[link.relationship];
        if (options.hide_ended && link.status == Status::Ended)
            || !options.filter.shows(
                link.status,
                rel.kind,
                timeline.group_id_of_relationship(link.relationship),
            )
        {
            continue;
        }
        let Some(hub) = rel.parties.first().and_then(|p| timeline.entity_index(p)) else {
            continue;
        };
        for (k, party) in rel.parties.iter().skip(1).enumerate() {
            if let Some(other) = timeline.entity_index(party) {
                arcs.push((link, hub, other, rel.site.as_ref().filter(|_| k == 0)));
            }
        }
    }
    // Arcs to a site fan out among themselves, not with those to the host's capital.
    let bends = fanned_bends(
        &arcs
            .iter()
            .map(|a| (a.1, a.2, a.3.map(|s| s.name.as_str())))
            .map(|(h, o, s)| ((h, s), (o, s)))
            .collect::<Vec<_>>(),
    );
    let mut links = Vec::with_capacity(arcs.len());
    let mut sites: Vec<SceneSite> = Vec::new();
    for (&(link, hub, other, site), bend) in arcs.iter().zip(bends) {
        let far = match site {
            Some(s) => Some(world_from_lon_lat(s.lon, s.lat)),
            None => entity_world(timeline, places, other),
        };
        let (Some(a), Some(b)) = (entity_world(timeline, places, hub), far) else {
            continue;
        };
        let site = site.map(|s| {
            sites
                .iter()
                .position(|k| k.name == s.name)
                .unwrap_or_else(|| {
                    sites.push(SceneSite {
                        name: s.name.clone(),
                        world: b,
                    });
                    sites.len() - 1
                })
        });
        links.push(SceneLink {
            relationship: link.relationship,
            status: link.status,
            unconfirmed_since: link.last_confirmed,
            points_world: Arc::new(a, b, bend).points(32).collect(),
            ends: [hub, other],
            change: change_of(link.relationship),
            troops: link.size.troops,
            site,
        });
    }
    links.sort_by_key(|l| l.status != Status::Ended);
    (links, sites)
}

/// A map label for an organisation: its id when short, else its name without brackets.
fn short_org_name(id: &str, name: &str) -> String {
    match id {
        "G5_SAHEL" => "G5 Sahel".to_owned(),
        "AFRICA_CORPS" => "Africa Corps".to_owned(),
        "WAGNER" => "Wagner".to_owned(),
        _ if id.len() <= 6 => id.replace('_', " "),
        _ => name.split(" (").next().unwrap_or(name).to_owned(),
    }
}

/// An organisation's label on the map, in `lang`: its (translated) short name, or one made
/// from its name.
fn org_label(e: &crate::model::Entity, lang: crate::model::i18n::Lang) -> String {
    match e.i18n.get(lang, "short").or(e.short.as_deref()) {
        Some(short) => short.to_owned(),
        None => short_org_name(&e.id, e.i18n.or(lang, "name", &e.name)),
    }
}
