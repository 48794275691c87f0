//! The state at a date for GIS tools: GeoJSON (RFC 7946: WGS84 lon/lat, no `crs`) with the
//! link arcs, organisations and governments, and CSV (RFC 4180) with one row per link.
//! GeoJSON is built from the `geojson` crate's types (the same crate `check` reads it back
//! with), so a feature always has its `type`, `geometry` and `properties` members.

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, Position};
use jiff::civil::Date;
use serde_json::{Value, json};

use super::escape::csv_cell;
use crate::map::MapLayer;
use crate::map::lon_lat_from_world;
use crate::map::scene::{Scene, SceneOptions, build_scene_with, entity_world};
use crate::model::i18n::current_lang;
use crate::model::{EntityKind, LinkFilter, LinkState, Relationship, Scenario, Timeline};

/// Degrees rounded to 6 decimals (about 10 cm), as RFC 7946 suggests.
fn degrees(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn position(world: [f64; 2]) -> Position {
    // Arcs bowing beyond the world's outline would give longitudes past ±180: clamp.
    let [lon, lat] = lon_lat_from_world(world[0], world[1]);
    Position::from([degrees(lon.clamp(-180.0, 180.0)), degrees(lat)])
}

/// A feature of `geometry` with `properties` (a JSON object; anything else gives none).
pub(super) fn feature(geometry: Geometry, properties: Value) -> Feature {
    let properties: JsonObject = match properties {
        Value::Object(map) => map,
        _ => JsonObject::new(),
    };
    Feature {
        geometry: Some(geometry),
        properties: Some(properties),
        ..Feature::default()
    }
}

/// A FeatureCollection as pretty-printed JSON text ending in a newline.
pub(super) fn collection_text(features: Vec<Feature>) -> String {
    let collection = FeatureCollection {
        features,
        ..FeatureCollection::default()
    };
    let mut text = serde_json::to_string_pretty(&collection).unwrap_or_default();
    text.push('\n');
    text
}

/// A tie's site and size as flat fields, for GIS tools: `site` (its name), `site_lon`,
/// `site_lat`, `troops`, `amount` and `amount_currency`; `null` where unknown.
fn site_and_size(rel: &Relationship, link: &LinkState) -> [(&'static str, Value); 6] {
    let site = rel.site.as_ref();
    let amount = link.size.amount;
    [
        ("site", json!(site.map(|s| s.name.as_str()))),
        ("site_lon", json!(site.map(|s| degrees(s.lon)))),
        ("site_lat", json!(site.map(|s| degrees(s.lat)))),
        ("troops", json!(link.size.troops)),
        ("amount", json!(amount.map(|a| a.value))),
        (
            "amount_currency",
            json!(amount.map(|a| a.currency.as_str().to_owned())),
        ),
    ]
}

/// The sources of the event that set a link's status.
fn link_sources<'a>(scenario: &'a Scenario, link: &LinkState) -> Vec<&'a str> {
    link.event
        .and_then(|e| scenario.events.get(e))
        .map(|e| e.sources.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The state at `date` as a GeoJSON FeatureCollection, labels and names in the thread's
/// language ([`current_lang`]; codes and statuses stay machine values):
/// - a `LineString` per link arc drawn on the map (one per party after the hub), ended links
///   too, with `id`, `label`, `kind`, `status`, `since`, `parties` (joined with `;`),
///   `sources` (joined with ` | `) and `date`;
///   and the tie's `site` (name), `site_lon`, `site_lat`, `troops`, `amount` and
///   `amount_currency` (`null` where unknown);
/// - a `Point` per site the arcs end at: `name`, `ties` (their ids joined with `;`);
/// - a `Point` per organisation with a place: `id`, `name`, `drawn` (whether it has a link on
///   the map at the date);
/// - a `Point` per state with a government at the date: `id`, `name`, `government`,
///   `leader`, `since`.
///
/// Every feature has `feature` (`link`, `organisation` or `state`) to tell them apart.
/// `places` gives states' points (their label points), as on the map.
pub fn state_geojson(timeline: &Timeline, places: &MapLayer, date: Date) -> String {
    state_geojson_filtered(timeline, places, date, &LinkFilter::default())
}

/// [`state_geojson`] with only the links `filter` shows.
pub fn state_geojson_filtered(
    timeline: &Timeline,
    places: &MapLayer,
    date: Date,
    filter: &LinkFilter,
) -> String {
    let scenario = timeline.scenario();
    let state = timeline.state_at_date(date);
    let options = SceneOptions {
        hide_ended: false,
        filter: filter.clone(),
        compare: None,
    };
    let scene = build_scene_with(places, places, timeline, &state, &options);
    let date_text = date.to_string();
    let lang = current_lang();
    let mut features = Vec::new();
    for link in &scene.links {
        let (Some(rel), Some(ls)) = (
            scenario.relationships.get(link.relationship),
            state.link(link.relationship),
        ) else {
            continue;
        };
        let mut properties = json!({
            "feature": "link",
            "id": rel.id,
            "label": rel.i18n.or(lang, "label", &rel.label),
            "kind": rel.kind.as_str(),
            "status": ls.status.as_str(),
            "since": ls.since.map(|d| d.to_date().to_string()),
            "parties": rel.parties.join(";"),
            "sources": link_sources(scenario, &ls).join(" | "),
            "date": date_text,
        });
        for (key, value) in site_and_size(rel, &ls) {
            properties[key] = value;
        }
        let line = Geometry::new_line_string(link.points_world.iter().map(|&p| position(p)));
        features.push(feature(line, properties));
    }
    features.extend(site_features(scenario, &scene, &date_text));
    for (i, e) in scenario.entities.iter().enumerate() {
        if e.kind != EntityKind::Organisation {
            continue;
        }
        let Some(world) = entity_world(timeline, places, i) else {
            continue;
        };
        features.push(feature(
            Geometry::new_point(position(world)),
            json!({
                "feature": "organisation",
                "id": e.id,
                "name": e.i18n.or(lang, "name", &e.name),
                "drawn": scene.nodes.iter().any(|n| n.entity == i),
                "date": date_text,
            }),
        ));
    }
    for c in &state.countries {
        let (Some(e), Some(world)) = (
            scenario.entities.get(c.entity),
            entity_world(timeline, places, c.entity),
        ) else {
            continue;
        };
        features.push(feature(
            Geometry::new_point(position(world)),
            json!({
                "feature": "state",
                "id": e.id,
                "name": e.i18n.or(lang, "name", &e.name),
                "government": c.government.as_str(),
                "leader": c.leader.as_deref(),
                "since": c.since.map(|d| d.to_date().to_string()),
                "date": date_text,
            }),
        ));
    }
    collection_text(features)
}

/// A `Point` feature per site the scene's arcs end at: `name`, `ties` (their ids joined with
/// `;`), `date`.
fn site_features(scenario: &Scenario, scene: &Scene, date_text: &str) -> Vec<Feature> {
    let mut features = Vec::new();
    for (i, site) in scene.sites.iter().enumerate() {
        let ties: Vec<&str> = scene
            .links
            .iter()
            .filter(|l| l.site == Some(i))
            .filter_map(|l| scenario.relationships.get(l.relationship))
            .map(|r| r.id.as_str())
            .collect();
        features.push(feature(
            Geometry::new_point(position(site.world)),
            json!({
                "feature": "site",
                "name": site.name,
                "ties": ties.join(";"),
                "date": date_text,
            }),
        ));
    }
    features
}

/// The links that exist at `date` (ended ones too) as CSV with a header row (labels in the
/// thread's language): `id`, `label`,
/// `kind`, `parties` (joined with `;`), `status`, `since` (empty when in force since before
/// the span), `sources` (joined with ` | `), `site`, `site_lon`, `site_lat`, `troops`,
/// `amount`, `amount_currency` (empty where unknown). Lines end in CRLF (RFC 4180).
pub fn state_csv(timeline: &Timeline, date: Date) -> String {
    state_csv_filtered(timeline, date, &LinkFilter::default())
}

/// [`state_csv`] with only the links `filter` shows.
pub fn state_csv_filtered(timeline: &Timeline, date: Date, filter: &LinkFilter) -> String {
    let scenario = timeline.scenario();
    let state = timeline.state_at_date(date);
    let lang = current_lang();
    let mut out = String::from(
        "id,label,kind,parties,status,since,sources,site,site_lon,site_lat,troops,amount,amount_currency\r\n",
    );
    for link in state.links() {
        let Some(rel) = scenario.relationships.get(link.relationship) else {
            continue;
        };
        if !filter.shows(
            link.status,
            rel.kind,
            timeline.group_id_of_relationship(link.relationship),
        ) {
            continue;
        }
        let since = link
            .since
            .map(|d| d.to_date().to_string())
            .unwrap_or_default();
        let row = [
            rel.id.as_str(),
            rel.i18n.or(lang, "label", &rel.label),
            rel.kind.as_str(),
            &rel.parties.join(";"),
            link.status.as_str(),
            &since,
            &link_sources(scenario, &link).join(" | "),
        ];
        let extra = site_and_size(rel, &link).map(|(_, v)| match v {
            Value::Null => String::new(),
            Value::String(s) => s,
            other => other.to_string(),
        });
        let row: Vec<String> = row
            .iter()
            .map(|f| csv_cell(f))
            .chain(extra.iter().map(|f| csv_cell(f)))
            .collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
