//! Country layers: GeoJSON FeatureCollections of Polygon/MultiPolygon features, keyed by
//! `ADM0_A3`, else `ISO_A3`, else `ISO_A3_EH`, else the feature `id` (`-99`, Natural Earth's
//! "none", skipped in each).
//!
//! The full loader here reads what the fast path ([`super::fast_countries`]) does not take,
//! and says what is wrong and where, in the words of RFC 7946 (GeoJSON) and RFC 8259 (JSON):
//! errors for what makes the layer mean something else or nothing, warnings for what it
//! repairs or skips (the README's "GeoJSON conformance" section lists them).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::Value;

use super::LonLatBox;
use super::country::{
    Country, CountryLayer, JsonObject, KeySource, bbox_problem, country_from, crosses_antimeridian,
    crs_problem, feature_key, synthetic_key,
};
use super::diagnostic::{MAX_DIAGNOSTICS, shorten};
use super::json_error::{describe, expect_object, json_diagnostic, strip_bom};
use super::json_text::{duplicate_members, elements, line_columns, resolve, skip_ws};
use super::read::{gunzip_if_needed, map_or_read_file};
use super::{Diagnostic, LoadError, Where};
use crate::model::Severity;

/// Reads and parses a country layer file (GeoJSON, optionally gzip-compressed).
///
/// # Errors
/// Every problem that stops the layer from loading, with file and place.
pub fn read_countries(path: &Path) -> Result<CountryLayer, LoadError> {
    read_countries_within(path, None)
}

/// [`read_countries`] for a picture of one place: with `within`, the parts (polygons) of
/// countries that have a label point (`LABEL_X`, `LABEL_Y`) and lie wholly outside that box are
/// checked as every other part, then left out of the layer. A picture of the Sahel from the
/// 1:10m layer needs less than half of its coordinates.
///
/// # Errors
/// Every problem that stops the layer from loading, with file and place.
pub fn read_countries_within(
    path: &Path,
    within: Option<LonLatBox>,
) -> Result<CountryLayer, LoadError> {
    let bytes = map_or_read_file(path)?;
    parse_countries_within(&path.display().to_string(), &bytes, within)
}

/// Parses a country layer from bytes (GeoJSON text, or gzip of it). `name` names the file in
/// messages.
///
/// # Errors
/// Every problem that stops the layer from loading, with file and place.
pub fn parse_countries(name: &str, bytes: &[u8]) -> Result<CountryLayer, LoadError> {
    parse_countries_within(name, bytes, None)
}

/// [`parse_countries`], leaving out parts wholly outside `within` as
/// [`read_countries_within`] says.
///
/// # Errors
/// Every problem that stops the layer from loading, with file and place.
pub fn parse_countries_within(
    name: &str,
    bytes: &[u8],
    within: Option<LonLatBox>,
) -> Result<CountryLayer, LoadError> {
    let bytes = gunzip_if_needed(name, bytes)?;
    let text = strip_bom(&bytes);
    // Clean files take the fast path; anything it does not accept gets the full treatment
    // (which keeps every part).
    if let Some(countries) = super::fast_countries::parse_fast(text, within) {
        return Ok(CountryLayer {
            source: name.to_owned(),
            countries,
            warnings: Vec::new(),
        });
    }
    parse_full(name, text)
}

/// How far a problem goes, to report the first real defect first: a file that is not the JSON
/// it seems, then one that is not GeoJSON, then GeoJSON that is not a country layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// RFC 8259: the JSON text means more than one thing (duplicate member names).
    Json,
    /// RFC 7946: not valid GeoJSON (a string for a number, a malformed bbox, an open ring …).
    GeoJson,
    /// Valid GeoJSON, but not a country layer (points, duplicate keys …).
    Layer,
}

/// A problem found in a feature, at a JSON Pointer from the feature.
#[derive(Debug)]
struct Problem {
    class: Class,
    pointer: String,
    message: String,
}

impl Problem {
    fn geojson(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            class: Class::GeoJson,
            pointer: pointer.into(),
            message: message.into(),
        }
    }
}

/// Where a finding is, until the text is read once to turn places into lines and columns.
enum Spot {
    /// The file as a whole.
    File,
    /// At a byte offset.
    Offset(usize),
    /// At a JSON Pointer from the top of the document.
    Root(String),
    /// At a JSON Pointer from a feature.
    Feature {
        index: usize,
        key: Option<String>,
        pointer: String,
    },
}

struct Finding {
    severity: Severity,
    class: Class,
    spot: Spot,
    message: String,
}

/// What the full loader found, placed at the end.
struct Findings<'a> {
    name: &'a str,
    text: &'a [u8],
    list: Vec<Finding>,
}

impl<'a> Findings<'a> {
    fn error(&mut self, class: Class, spot: Spot, message: impl Into<String>) {
        self.list.push(Finding {
            severity: Severity::Error,
            class,
            spot,
            message: message.into(),
        });
    }

    fn warning(&mut self, spot: Spot, message: impl Into<String>) {
        self.list.push(Finding {
            severity: Severity::Warning,
            class: Class::Layer,
            spot,
            message: message.into(),
        });
    }

    fn has_errors(&self) -> bool {
        self.list.iter().any(|f| f.severity == Severity::Error)
    }

    /// Errors (the deepest defect first, then in file order), then warnings, each at its line
    /// and column.
    fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        self.list
            .sort_by_key(|f| (std::cmp::Reverse(f.severity), f.class));
        // Only the first hundred are shown: place only those.
        let dropped = self.list.split_off(self.list.len().min(MAX_DIAGNOSTICS));
        let text = self.text;
        let root = skip_ws(text, 0);
        let needs_features = self
            .list
            .iter()
            .any(|f| matches!(f.spot, Spot::Feature { .. }));
        let starts = if needs_features {
            resolve(text, root, "/features")
                .map(|at| elements(text, at))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let offsets: Vec<Option<usize>> = self
            .list
            .iter()
            .map(|f| match &f.spot {
                Spot::File => None,
                Spot::Offset(at) => Some(*at),
                Spot::Root(pointer) => Some(resolve(text, root, pointer).unwrap_or_else(|n| n)),
                Spot::Feature { index, pointer, .. } => starts
                    .get(*index)
                    .map(|&start| resolve(text, start, pointer).unwrap_or_else(|n| n)),
            })
            .collect();
        let places = line_columns(
            text,
            &offsets.iter().map(|o| o.unwrap_or(0)).collect::<Vec<_>>(),
        );
        let mut out: Vec<Diagnostic> = self
            .list
            .into_iter()
            .zip(offsets.into_iter().zip(places))
            .map(|(f, (offset, (line, column)))| {
                let place = match (f.spot, offset) {
                    (Spot::Feature { index, key, .. }, Some(_)) => Where::FeatureAt {
                        line,
                        column,
                        index,
                        key: key.as_deref().map(shorten),
                    },
                    (Spot::Feature { index, key, .. }, None) => Where::Feature {
                        index,
                        key: key.as_deref().map(shorten),
                    },
                    (Spot::File, _) => Where::File,
                    (_, _) => Where::LineColumn { line, column },
                };
                Diagnostic {
                    file: self.name.to_owned(),
                    place,
                    severity: f.severity,
                    message: f.message,
                }
            })
            .collect();
        if !dropped.is_empty() {
            let errors = dropped
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            out.push(super::diagnostic::not_shown(
                self.name,
                errors,
                dropped.len() - errors,
            ));
        }
        out
    }
}

/// The most features without a key that get a warning each; more get one for them all.
const KEYLESS_ONE_BY_ONE: usize = 10;

/// The full loader: walks the JSON tree and explains every problem with its place.
pub(super) fn parse_full(name: &str, text: &[u8]) -> Result<CountryLayer, LoadError> {
    expect_object(name, text, WHAT)?;
    let root: Value = serde_json::from_slice(text)
        .map_err(|e| LoadError::single(json_diagnostic(name, text, &e)))?;
    let mut found = Findings {
        name,
        text,
        list: Vec::new(),
    };
    note_duplicate_members(&mut found);
    let Some(features) = collection_features(&mut found, root) else {
        return Err(fail(found));
    };
    let total = features.len();
    let mut countries = Vec::with_capacity(total);
    let mut keys = Keys::default();
    for (index, feature) in features.into_iter().enumerate() {
        let Some((key, props, shape)) = read_feature(&mut found, index, feature) else {
            continue;
        };
        let key = keys.assign(key, index, countries.len());
        countries.push(country_from(key, index, &props, shape));
    }
    keys.finish(&mut countries, total, &mut found);
    if countries.is_empty() && !found.has_errors() {
        found.error(
            Class::Layer,
            Spot::File,
            "the layer has no country features",
        );
    }
    if found.has_errors() {
        Err(fail(found))
    } else {
        Ok(CountryLayer {
            source: name.to_owned(),
            countries,
            warnings: found.into_diagnostics(),
        })
    }
}

/// Every member name an object of the text has twice (RFC 8259 §4).
fn note_duplicate_members(found: &mut Findings<'_>) {
    for duplicate in duplicate_members(found.text, MAX_DIAGNOSTICS) {
        let (line, column) = line_columns(found.text, &[duplicate.first])[0];
        found.error(
            Class::Json,
            Spot::Offset(duplicate.second),
            format!(
                "duplicate member \"{}\": this object has one already, at {line}:{column}; RFC 8259 §4: names SHOULD be unique, and readers differ on which one counts",
                shorten(&duplicate.name)
            ),
        );
    }
}

/// The features of the document's FeatureCollection, with what is wrong with the collection
/// itself noted; `None` when there is no collection or no array of features to read.
fn collection_features(found: &mut Findings<'_>, root: Value) -> Option<Vec<Value>> {
    let Value::Object(mut root) = root else {
        found.error(Class::GeoJson, Spot::Offset(0), format!("expected {WHAT}"));
        return None;
    };
    if let Some((pointer, problem)) = collection_type_problem(&root) {
        found.error(Class::GeoJson, Spot::Root(pointer.to_owned()), problem);
        return None;
    }
    if let Some(problem) = root.get("bbox").and_then(bbox_problem) {
        found.error(Class::GeoJson, Spot::Root("/bbox".to_owned()), problem);
    }
    if let Some(problem) = root.get("crs").and_then(crs_problem) {
        found.error(Class::GeoJson, Spot::Root("/crs".to_owned()), problem);
    }
    for member in foreign_members(&root, "FeatureCollection") {
        found.warning(
            Spot::Root(format!("/{member}")),
            changed_semantics("FeatureCollection", member),
        );
    }
    match root.remove("features") {
        Some(Value::Array(features)) => Some(features),
        Some(other) => {
            found.error(
                Class::GeoJson,
                Spot::Root("/features".to_owned()),
                format!(
                    "\"features\" is {}; it must be an array of GeoJSON Features",
                    describe(&other)
                ),
            );
            None
        }
        None => {
            found.error(
                Class::GeoJson,
                Spot::Root(String::new()),
                "the FeatureCollection has no \"features\" array",
            );
            None
        }
    }
}

/// The place `pointer` in feature `index`, which has `key`.
fn feature_spot(index: usize, key: Option<&str>, pointer: &str) -> Spot {
    Spot::Feature {
        index,
        key: key.map(str::to_owned),
        pointer: pointer.to_owned(),
    }
}

/// A feature as read: its key and where it came from, its properties and its shape.
type ReadFeature = (Option<(String, KeySource)>, JsonObject, MultiPolygon<f64>);

/// A feature's key, properties and shape, with what is wrong with it noted; `None` when it
/// cannot be drawn.
fn read_feature(found: &mut Findings<'_>, index: usize, feature: Value) -> Option<ReadFeature> {
    let Value::Object(mut feature) = feature else {
        found.error(
            Class::GeoJson,
            feature_spot(index, None, ""),
            format!("is {}, not a GeoJSON Feature object", describe(&feature)),
        );
        return None;
    };
    let props = feature_properties(found, index, &mut feature)?;
    let key = feature_key(&props, feature.get("id"));
    let key_text = key.as_ref().map(|k| k.0.clone());
    let spot = |pointer: &str| feature_spot(index, key_text.as_deref(), pointer);
    match feature.get("type") {
        Some(Value::String(t)) if t == "Feature" => {}
        other => {
            let found_type = other.map_or_else(|| "missing".to_owned(), describe);
            found.error(
                Class::GeoJson,
                spot(if other.is_some() { "/type" } else { "" }),
                format!(
                    "\"type\" is {found_type}; each of \"features\" must have \"type\": \"Feature\""
                ),
            );
            return None;
        }
    }
    if let Some(id) = feature.get("id")
        && !matches!(id, Value::String(_) | Value::Number(_) | Value::Null)
    {
        found.warning(
            spot("/id"),
            format!(
                "\"id\" is {}; RFC 7946 §3.2: an id is a string or a number; ignored",
                describe(id)
            ),
        );
    }
    if let Some(problem) = feature.get("bbox").and_then(bbox_problem) {
        found.error(Class::GeoJson, spot("/bbox"), problem);
    }
    let mut notes = Vec::new();
    let shape = read_geometry(feature.get("geometry"), &mut notes);
    if let Err(problem) = &shape {
        found.error(
            problem.class,
            spot(&problem.pointer),
            problem.message.clone(),
        );
        return None;
    }
    for (pointer, message) in notes {
        found.warning(spot(&pointer), message);
    }
    let shape = shape.ok().flatten()?;
    Some((key, props, shape))
}

/// A feature's properties (empty when null or missing), with its foreign members noted;
/// `None` when they are neither an object nor null.
fn feature_properties(
    found: &mut Findings<'_>,
    index: usize,
    feature: &mut JsonObject,
) -> Option<JsonObject> {
    let id_key =
        |feature: &JsonObject| feature_key(&JsonObject::new(), feature.get("id")).map(|k| k.0);
    for member in foreign_members(feature, "Feature") {
        let key = id_key(feature);
        found.warning(
            feature_spot(index, key.as_deref(), &format!("/{member}")),
            changed_semantics("Feature", member),
        );
    }
    match feature.remove("properties") {
        Some(Value::Object(props)) => Some(props),
        Some(Value::Null) => Some(JsonObject::new()),
        None => {
            let key = id_key(feature);
            found.warning(feature_spot(index, key.as_deref(), ""), NO_PROPERTIES);
            Some(JsonObject::new())
        }
        Some(other) => {
            let key = id_key(feature);
            found.error(
                Class::GeoJson,
                feature_spot(index, key.as_deref(), "/properties"),
                format!(
                    "\"properties\" is {}; it must be an object (ADM0_A3, NAME …) or null (RFC 7946 §3.2)",
                    describe(&other)
                ),
            );
            None
        }
    }
}

/// The keys of a layer's countries as they are read: the first feature with a key has it;
/// later ones with the same key, and features without one, get a synthetic key at the end.
#[derive(Default)]
struct Keys {
    /// Key -> the feature that has it.
    seen: HashMap<String, usize>,
    /// Countries without a key.
    keyless: Vec<usize>,
    /// (country, feature that has the key, key, where it came from, its pointer)
    duplicates: Vec<(usize, usize, String, KeySource, String)>,
}

impl Keys {
    /// The key of country `c`, read from feature `index` with `key`: its own, or for now an
    /// empty one when it has none or another feature has it.
    fn assign(
        &mut self,
        key: Option<(String, KeySource)>,
        index: usize,
        c: usize,
    ) -> (String, KeySource) {
        let Some((key, source)) = key else {
            self.keyless.push(c);
            return (String::new(), KeySource::Synthetic);
        };
        match self.seen.get(&key) {
            // A second feature with a key: drawn, but no scenario can refer to it (the
            // first one has the key). World layers do this with dependencies.
            Some(&first) => {
                let member = match source {
                    KeySource::Id => "/id".to_owned(),
                    other => format!("/properties/{}", other.as_str()),
                };
                self.duplicates.push((c, first, key, source, member));
                (String::new(), KeySource::Synthetic)
            }
            None => {
                self.seen.insert(key.clone(), index);
                (key, source)
            }
        }
    }

    /// Gives the countries without a key of their own keys that no real key of the layer
    /// has, and warns of them (one by one, or once for many without a key).
    fn finish(self, countries: &mut [Country], total: usize, found: &mut Findings<'_>) {
        let real: HashSet<String> = self.seen.into_keys().collect();
        for &c in self
            .keyless
            .iter()
            .chain(self.duplicates.iter().map(|d| &d.0))
        {
            let country = &mut countries[c];
            country.key = synthetic_key(country.feature, &|k| real.contains(k));
        }
        for (c, first, key, source, member) in self.duplicates {
            let country = &countries[c];
            found.warning(
                Spot::Feature {
                    index: country.feature,
                    key: Some(country.key.clone()),
                    pointer: member,
                },
                format!(
                    "duplicate key {} ({}): feature {first} has it too; this one is drawn and can be clicked, as {}, but no scenario can refer to it",
                    shorten(&key),
                    source.as_str(),
                    country.key
                ),
            );
        }
        warn_of_keyless(countries, &self.keyless, total, found);
    }
}

/// Warns of the countries without a key: each, or the first for all when there are many.
fn warn_of_keyless(
    countries: &[Country],
    keyless: &[usize],
    total: usize,
    found: &mut Findings<'_>,
) {
    let chain = "ADM0_A3, ISO_A3, ISO_A3_EH or id, other than -99";
    let spot = |country: &Country| Spot::Feature {
        index: country.feature,
        key: Some(country.key.clone()),
        pointer: String::new(),
    };
    if keyless.len() <= KEYLESS_ONE_BY_ONE {
        for &c in keyless {
            let country = &countries[c];
            found.warning(
                spot(country),
                format!(
                    "no key ({chain}): \"{}\" is drawn and can be clicked, as {}, but no scenario can refer to it",
                    shorten(&country.name),
                    country.key
                ),
            );
        }
    } else if let Some(&first) = keyless.first() {
        found.warning(
            spot(&countries[first]),
            format!(
                "{} of {total} features have no key ({chain}), this one first: they are drawn and can be clicked, as #<feature>, but no scenario can refer to them",
                keyless.len()
            ),
        );
    }
}

/// The RFC 7946 rules that hold for any FeatureCollection, whatever its geometries (a layer
/// of points and lines such as `export` writes): `Err` with the errors when a `bbox`
/// anywhere is malformed (§5); else `Ok` with the warnings: Features without `properties`
/// (§3.2) and members that change what an object means (§7.1). Each at its LINE:COL.
///
/// # Errors
/// The malformed `bbox` members, as diagnostics.
pub fn collection_findings(name: &str, bytes: &[u8]) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let Ok(bytes) = gunzip_if_needed(name, bytes) else {
        return Ok(Vec::new());
    };
    let text = strip_bom(&bytes);
    let Ok(Value::Object(root)) = serde_json::from_slice::<Value>(text) else {
        return Ok(Vec::new());
    };
    // (feature index, pointer from the root, is an error, message)
    let mut found = Vec::new();
    type Found = Vec<(Option<usize>, String, bool, String)>;
    let bbox = |found: &mut Found, feature: Option<usize>, object: &JsonObject, at: &str| {
        if let Some(problem) = object.get("bbox").and_then(bbox_problem) {
            found.push((feature, format!("{at}/bbox"), true, problem));
        }
    };
    bbox(&mut found, None, &root, "");
    for member in foreign_members(&root, "FeatureCollection") {
        found.push((
            None,
            format!("/{member}"),
            false,
            changed_semantics("FeatureCollection", member),
        ));
    }
    let features = root.get("features").and_then(Value::as_array);
    for (i, feature) in features.into_iter().flatten().enumerate() {
        let Value::Object(feature) = feature else {
            continue;
        };
        let at = format!("/features/{i}");
        bbox(&mut found, Some(i), feature, &at);
        if !feature.contains_key("properties") {
            found.push((Some(i), at.clone(), false, NO_PROPERTIES.to_owned()));
        }
        for member in foreign_members(feature, "Feature") {
            found.push((
                Some(i),
                format!("{at}/{member}"),
                false,
                changed_semantics("Feature", member),
            ));
        }
        if let Some(Value::Object(geometry)) = feature.get("geometry") {
            bbox(&mut found, Some(i), geometry, &format!("{at}/geometry"));
            for member in foreign_members(geometry, "geometry") {
                found.push((
                    Some(i),
                    format!("{at}/geometry/{member}"),
                    false,
                    changed_semantics("geometry", member),
                ));
            }
        }
    }
    found.truncate(MAX_DIAGNOSTICS);
    let start = skip_ws(text, 0);
    let offsets: Vec<usize> = found
        .iter()
        .map(|(_, pointer, _, _)| resolve(text, start, pointer).unwrap_or_else(|n| n))
        .collect();
    let places = line_columns(text, &offsets);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for ((feature, _, error, message), (line, column)) in found.into_iter().zip(places) {
        let place = match feature {
            Some(index) => Where::FeatureAt {
                line,
                column,
                index,
                key: None,
            },
            None => Where::LineColumn { line, column },
        };
        if error {
            errors.push(Diagnostic::error(name, place, message));
        } else {
            warnings.push(Diagnostic::warning(name, place, message));
        }
    }
    if errors.is_empty() {
        Ok(warnings)
    } else {
        Err(errors)
    }
}

/// The warning for a Feature without a `properties` member.
pub(crate) const NO_PROPERTIES: &str = "has no \"properties\" member (RFC 7946 §3.2: a \
    Feature has one, null when it has no properties); read as null: no key or name comes \
    from properties";

/// The members of a GeoJSON object that RFC 7946 §7.1 forbids it, because they define
/// another kind of object: `coordinates` and `geometries` (geometries) in a FeatureCollection
/// or Feature; `geometry` and `properties` (features) in a FeatureCollection or geometry;
/// `features` (a FeatureCollection) in a Feature or geometry. `what` is
/// `"FeatureCollection"`, `"Feature"` or `"geometry"`.
pub(crate) fn foreign_members<'a>(object: &JsonObject, what: &str) -> Vec<&'a str> {
    let forbidden: &[&'a str] = match what {
        "FeatureCollection" => &["coordinates", "geometries", "geometry", "properties"],
        "Feature" => &["coordinates", "geometries", "features"],
        _ => &["geometry", "properties", "features"],
    };
    forbidden
        .iter()
        .copied()
        .filter(|m| object.contains_key(*m))
        .collect()
}

/// The warning for a member that changes an object's meaning (RFC 7946 §7.1).
pub(crate) fn changed_semantics(what: &str, member: &str) -> String {
    let belongs = match member {
        "coordinates" | "geometries" => "a geometry",
        "geometry" | "properties" => "a Feature",
        _ => "a FeatureCollection",
    };
    let article = if what == "geometry" { "" } else { "a " };
    format!(
        "{article}{what} has a \"{member}\" member, which belongs to {belongs}: RFC 7946 §7.1 \
         forbids members that change what an object means (geojsonhint flags them); ignored"
    )
}

fn fail(found: Findings<'_>) -> LoadError {
    LoadError {
        diagnostics: found.into_diagnostics(),
    }
}

/// What a country layer is, for messages.
const WHAT: &str = "a GeoJSON FeatureCollection of countries";

/// The geometry types of GeoJSON.
const GEOMETRY_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

/// What is wrong with the top-level `type`, if anything, and where.
fn collection_type_problem(root: &JsonObject) -> Option<(&'static str, String)> {
    match root.get("type") {
        Some(Value::String(t)) if t == "FeatureCollection" => None,
        Some(Value::String(t)) if t == "Feature" => Some((
            "/type",
            "this is a single GeoJSON Feature; a country layer is a FeatureCollection: \
             {\"type\": \"FeatureCollection\", \"features\": [ … ]}"
                .to_owned(),
        )),
        Some(Value::String(t)) if GEOMETRY_TYPES.contains(&t.as_str()) => Some((
            "/type",
            format!(
                "this is a bare GeoJSON {t} geometry; a country layer is a FeatureCollection of \
                 Features, each with its country's ADM0_A3 in its properties"
            ),
        )),
        Some(other) => Some((
            "/type",
            format!(
                "\"type\" is {}; expected {WHAT} (\"type\": \"FeatureCollection\")",
                describe(other)
            ),
        )),
        None if root
            .get("format")
            .and_then(Value::as_str)
            .is_some_and(|f| f.starts_with("sahel-atlas/scenario")) =>
        {
            Some((
                "",
                "this is a Sahel Atlas scenario, not a country layer".to_owned(),
            ))
        }
        None => Some((
            "",
            format!(
                "no \"type\"; expected {WHAT} ({{\"type\": \"FeatureCollection\", \"features\": [ … ]}})"
            ),
        )),
    }
}

const RINGS: &str = "an array of rings, each an array of [longitude, latitude] positions";
const POLYGONS: &str =
    "an array of polygons, each an array of rings of [longitude, latitude] positions";

/// A feature's shape: `Ok(None)` when it has none (null, or empty coordinates: a warning in
/// `notes` says it is skipped). Warnings about what was repaired go to `notes` too, as
/// (pointer from the feature, message).
fn read_geometry(
    geometry: Option<&Value>,
    notes: &mut Vec<(String, String)>,
) -> Result<Option<MultiPolygon<f64>>, Problem> {
    let geometry = match geometry {
        None => {
            notes.push((
                String::new(),
                "has no \"geometry\" member (RFC 7946 §3.2 asks for one, null if none); the feature is skipped"
                    .to_owned(),
            ));
            return Ok(None);
        }
        Some(Value::Null) => {
            notes.push((
                "/geometry".to_owned(),
                "has no geometry (null); the feature is skipped".to_owned(),
            ));
            return Ok(None);
        }
        Some(Value::Object(geometry)) => geometry,
        Some(other) => {
            return Err(Problem::geojson(
                "/geometry",
                format!(
                    "\"geometry\" is {}; it must be a Polygon or MultiPolygon object, or null",
                    describe(other)
                ),
            ));
        }
    };
    for member in foreign_members(geometry, "geometry") {
        notes.push((
            format!("/geometry/{member}"),
            changed_semantics("geometry", member),
        ));
    }
    let kind = check_geometry(geometry, "/geometry", 0)?;
    let Some(kind) = kind else {
        notes.push((
            "/geometry/coordinates".to_owned(),
            "has no geometry (empty \"coordinates\"; RFC 7946 §3.1 lets readers take it as null); the feature is skipped"
                .to_owned(),
        ));
        return Ok(None);
    };
    if kind != "Polygon" && kind != "MultiPolygon" {
        return Err(Problem {
            class: Class::Layer,
            pointer: "/geometry/type".to_owned(),
            message: format!("geometry is a {kind}; a country must be a Polygon or MultiPolygon"),
        });
    }
    let Some(Value::Array(coordinates)) = geometry.get("coordinates") else {
        return Err(Problem::geojson("/geometry", "no coordinates"));
    };
    let mut shape = Shape {
        notes,
        long_positions: false,
        antimeridian: false,
    };
    let polygons = if kind == "Polygon" {
        vec![shape.polygon(coordinates, "", "/geometry/coordinates")?]
    } else {
        coordinates
            .iter()
            .enumerate()
            .map(|(i, polygon)| match polygon {
                Value::Array(rings) => shape.polygon(
                    rings,
                    &format!("polygon {i}: "),
                    &format!("/geometry/coordinates/{i}"),
                ),
                _ => Err(Problem::geojson(
                    format!("/geometry/coordinates/{i}"),
                    format!("polygon {i} is not an array"),
                )),
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    // Polygons across the antimeridian (noted above) are cut in two at ±180°.
    Ok(Some(MultiPolygon(
        polygons
            .into_iter()
            .flat_map(|p| {
                if super::antimeridian::crosses(&p) {
                    super::antimeridian::cut_polygon(&p)
                } else {
                    vec![p]
                }
            })
            .collect(),
    )))
}

/// Checks that a geometry object is valid GeoJSON of any type (RFC 7946 §3.1), so that the
/// real defect is named before "a country must be a Polygon". Its type, or `None` when its
/// coordinates (or geometries) are empty.
fn check_geometry<'a>(
    geometry: &'a JsonObject,
    at: &str,
    depth: usize,
) -> Result<Option<&'a str>, Problem> {
    let kind = geometry_kind(geometry, at)?;
    if let Some(problem) = geometry.get("bbox").and_then(bbox_problem) {
        return Err(Problem::geojson(format!("{at}/bbox"), problem));
    }
    if kind == "GeometryCollection" {
        return check_collection(geometry, at, depth).map(|any| any.then_some(kind));
    }
    let Some(coordinates) = geometry_coordinates(geometry, kind, at)? else {
        return Ok(None);
    };
    check_positions(coordinates, kind, at)?;
    Ok(Some(kind))
}

/// A geometry's `"type"`: one of GeoJSON's.
fn geometry_kind<'a>(geometry: &'a JsonObject, at: &str) -> Result<&'a str, Problem> {
    let kind = match geometry.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(other) => {
            return Err(Problem::geojson(
                format!("{at}/type"),
                format!(
                    "geometry \"type\" is {}; a country must be a Polygon or MultiPolygon",
                    describe(other)
                ),
            ));
        }
        None => {
            return Err(Problem::geojson(
                at,
                "geometry has no \"type\"; a country must be a Polygon or MultiPolygon",
            ));
        }
    };
    if !GEOMETRY_TYPES.contains(&kind) {
        return Err(Problem::geojson(
            format!("{at}/type"),
            format!(
                "geometry type \"{}\" is not a GeoJSON geometry (RFC 7946 §1.4 lists them); a country must be a Polygon or MultiPolygon",
                shorten(kind)
            ),
        ));
    }
    Ok(kind)
}

/// A GeometryCollection's members, each checked (down to `depth` 8): whether it has any.
fn check_collection(geometry: &JsonObject, at: &str, depth: usize) -> Result<bool, Problem> {
    let members = match geometry.get("geometries") {
        Some(Value::Array(members)) => members,
        Some(other) => {
            return Err(Problem::geojson(
                format!("{at}/geometries"),
                format!(
                    "\"geometries\" is {}; RFC 7946 §3.1.8: an array of geometry objects",
                    describe(other)
                ),
            ));
        }
        None => {
            return Err(Problem::geojson(
                at,
                "the GeometryCollection has no \"geometries\" (RFC 7946 §3.1.8)",
            ));
        }
    };
    if members.is_empty() {
        return Ok(false);
    }
    for (i, member) in members.iter().enumerate() {
        let here = format!("{at}/geometries/{i}");
        let Value::Object(member) = member else {
            return Err(Problem::geojson(
                here,
                format!(
                    "geometry {i} of the GeometryCollection is {}, not a geometry object",
                    describe(member)
                ),
            ));
        };
        if depth < 8 {
            check_geometry(member, &here, depth + 1)?;
        }
    }
    Ok(true)
}

/// A geometry's `"coordinates"`: an array, `None` when empty (no geometry).
fn geometry_coordinates<'a>(
    geometry: &'a JsonObject,
    kind: &str,
    at: &str,
) -> Result<Option<&'a Value>, Problem> {
    match geometry.get("coordinates") {
        Some(Value::Array(c)) if c.is_empty() => Ok(None),
        Some(c @ Value::Array(_)) => Ok(Some(c)),
        Some(other) => {
            let what = match kind {
                "Polygon" => RINGS,
                "MultiPolygon" => POLYGONS,
                "Point" => "a position, [longitude, latitude]",
                _ => "an array of positions, or of arrays of them",
            };
            Err(Problem::geojson(
                format!("{at}/coordinates"),
                format!(
                    "\"coordinates\" is {}; a {kind}'s coordinates are {what}",
                    describe(other)
                ),
            ))
        }
        None => Err(Problem::geojson(
            at,
            format!("the {kind} has no \"coordinates\""),
        )),
    }
}

/// Every level of a `kind`'s coordinates down to its positions: arrays, then positions.
fn check_positions(coordinates: &Value, kind: &str, at: &str) -> Result<(), Problem> {
    let levels = match kind {
        "Point" => 0,
        "MultiPoint" | "LineString" => 1,
        "MultiLineString" | "Polygon" => 2,
        _ => 3,
    };
    // Depth first without recursion: (value, levels above positions, path of indices).
    let mut stack: Vec<(&Value, usize, Vec<usize>)> = vec![(coordinates, levels, Vec::new())];
    while let Some((value, level, path)) = stack.pop() {
        let pointer = || {
            let mut p = format!("{at}/coordinates");
            for i in &path {
                p.push_str(&format!("/{i}"));
            }
            p
        };
        let name = || part_name(kind, &path);
        if level == 0 {
            position_problem(value, &name())
                .map_or(Ok(()), |m| Err(Problem::geojson(pointer(), m)))?;
            continue;
        }
        let Value::Array(items) = value else {
            let what = match (kind, level) {
                ("Polygon", 1) | ("MultiPolygon", 1) => {
                    "a ring is an array of [longitude, latitude] positions"
                }
                ("MultiPolygon", 2) => "a polygon is an array of rings",
                _ => "an array of positions",
            };
            return Err(Problem::geojson(
                pointer(),
                format!("{} is {}; {what}", name(), describe(value)),
            ));
        };
        for (i, item) in items.iter().enumerate().rev() {
            let mut p = path.clone();
            p.push(i);
            stack.push((item, level - 1, p));
        }
    }
    Ok(())
}

/// What is wrong with a position, if anything (RFC 7946 §3.1.1: two or more numbers).
fn position_problem(position: &Value, name: &str) -> Option<String> {
    let Value::Array(numbers) = position else {
        return Some(format!(
            "{name} is {}; a position is [longitude, latitude]",
            describe(position)
        ));
    };
    if let Some(bad) = numbers.iter().take(3).find(|n| !n.is_number()) {
        return Some(format!(
            "{name}: {} is not a number (RFC 7946 §3.1.1: a position is an array of numbers)",
            describe(bad)
        ));
    }
    match numbers.len() {
        0 => Some(format!("{name} is empty; needs longitude and latitude")),
        1 => Some(format!("{name} has 1 number; needs longitude and latitude")),
        _ => None,
    }
}

/// A person's name for the coordinates at `path` in a geometry of this kind:
/// "polygon 2: hole 1, position 7".
fn part_name(kind: &str, path: &[usize]) -> String {
    let ring = |r: usize| {
        if r == 0 {
            "outer ring".to_owned()
        } else {
            format!("hole {r}")
        }
    };
    let position = |p: Option<&usize>| p.map(|p| format!(", position {p}")).unwrap_or_default();
    match (kind, path) {
        ("Polygon", [r, rest @ ..]) => format!("{}{}", ring(*r), position(rest.first())),
        ("MultiPolygon", [p]) => format!("polygon {p}"),
        ("MultiPolygon", [p, r, rest @ ..]) => {
            format!("polygon {p}: {}{}", ring(*r), position(rest.first()))
        }
        ("MultiLineString", [l, rest @ ..]) => format!("line {l}{}", position(rest.first())),
        (_, [p, ..]) => format!("position {p}"),
        _ => "the Point's position".to_owned(),
    }
}

/// Converts polygons whose structure [`check_geometry`] has checked, noting what it repairs.
struct Shape<'n> {
    notes: &'n mut Vec<(String, String)>,
    /// Whether positions with more than three numbers were noted already.
    long_positions: bool,
    /// Whether an edge across the antimeridian was noted already.
    antimeridian: bool,
}

impl Shape<'_> {
    /// One GeoJSON polygon (rings of positions). `name` prefixes messages ("polygon 2: "),
    /// `at` is its pointer.
    fn polygon(&mut self, rings: &[Value], name: &str, at: &str) -> Result<Polygon<f64>, Problem> {
        if rings.is_empty() {
            return Err(Problem::geojson(at, format!("{name}polygon has no rings")));
        }
        let mut converted = Vec::with_capacity(rings.len());
        for (r, ring) in rings.iter().enumerate() {
            let which = if r == 0 {
                format!("{name}outer ring")
            } else {
                format!("{name}hole {r}")
            };
            let ring_at = format!("{at}/{r}");
            let ring: &[Value] = ring.as_array().map_or(&[], Vec::as_slice);
            converted.push(self.ring(ring, &which, &ring_at)?);
        }
        let exterior = converted.remove(0);
        Ok(Polygon::new(exterior, converted))
    }

    /// A ring (`which`, at `ring_at`): at least 4 positions, closed (else closed, with a note).
    fn ring(
        &mut self,
        ring: &[Value],
        which: &str,
        ring_at: &str,
    ) -> Result<LineString<f64>, Problem> {
        let closed = match (ring.first(), ring.last()) {
            (Some(first), Some(last)) => {
                ring.len() > 1 && position_numbers(first) == position_numbers(last)
            }
            _ => false,
        };
        if closed && ring.len() < 4 {
            return Err(Problem::geojson(
                ring_at,
                format!(
                    "{which} has {} positions; a ring needs at least 4 (closed: the last the same as the first; RFC 7946 §3.1.6)",
                    ring.len()
                ),
            ));
        }
        if !closed && ring.len() < 3 {
            return Err(Problem::geojson(
                ring_at,
                format!(
                    "{which} has {} position{} and is not closed; a ring needs at least 4, the last the same as the first (RFC 7946 §3.1.6)",
                    ring.len(),
                    if ring.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        if !closed {
            self.notes.push((
                format!("{ring_at}/{}", ring.len() - 1),
                format!(
                    "{which} is not closed: its last position is not its first; closed it (RFC 7946 §3.1.6: the first and last positions MUST be the same)"
                ),
            ));
        }
        let mut coords: Vec<Coord<f64>> = Vec::with_capacity(ring.len() + 1);
        for (p, position) in ring.iter().enumerate() {
            let here = self.position(position, which, ring_at, p)?;
            if let Some(previous) = coords.last()
                && crosses_antimeridian(*previous, here)
                && !self.antimeridian
            {
                self.antimeridian = true;
                self.notes.push((
                    format!("{ring_at}/{}", p - 1),
                    format!(
                        "{which}, positions {} and {p}: the edge spans {:.0}° of longitude, the long way round; RFC 7946 §3.1.9: a shape that crosses the antimeridian SHOULD be cut in two at ±180°; cut it there",
                        p - 1,
                        (here.x - previous.x).abs()
                    ),
                ));
            }
            coords.push(here);
        }
        Ok(LineString(coords))
    }

    /// Position `p` of a ring: longitude and latitude in range (rounding noise clamped), with
    /// a note the first time one has more than three numbers.
    fn position(
        &mut self,
        position: &Value,
        which: &str,
        ring_at: &str,
        p: usize,
    ) -> Result<Coord<f64>, Problem> {
        // Natural Earth has 180.00000000000006: allow rounding noise, then clamp.
        const SLACK: f64 = 1e-6;
        let n = position.as_array().map_or(0, Vec::len);
        let [lon, lat, ..] = position_numbers(position)[..] else {
            return Err(Problem::geojson(
                format!("{ring_at}/{p}"),
                format!("{which}, position {p} is not a position"),
            ));
        };
        if !(-180.0 - SLACK..=180.0 + SLACK).contains(&lon) {
            return Err(Problem::geojson(
                format!("{ring_at}/{p}"),
                format!(
                    "{which}, position {p}: longitude {lon} is outside -180..180 (is it [longitude, latitude], in degrees? RFC 7946 §4)"
                ),
            ));
        }
        if !(-90.0 - SLACK..=90.0 + SLACK).contains(&lat) {
            return Err(Problem::geojson(
                format!("{ring_at}/{p}"),
                format!(
                    "{which}, position {p}: latitude {lat} is outside -90..90 (is it [longitude, latitude], in degrees? RFC 7946 §4)"
                ),
            ));
        }
        if n > 3 && !self.long_positions {
            self.long_positions = true;
            self.notes.push((
                format!("{ring_at}/{p}"),
                format!(
                    "{which}, position {p} has {n} numbers; RFC 7946 §3.1.1: positions SHOULD NOT have more than three (longitude, latitude, height); the rest is ignored"
                ),
            ));
        }
        Ok(Coord {
            x: lon.clamp(-180.0, 180.0),
            y: lat.clamp(-90.0, 90.0),
        })
    }
}

/// The numbers of a position (those that are numbers), empty when it is not an array.
fn position_numbers(position: &Value) -> Vec<f64> {
    position
        .as_array()
        .map(|n| n.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(key_props: &str) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{key_props},"geometry":{{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}}}]}}"#
        )
    }

    #[test]
    fn keys_fall_back_from_adm0_to_iso_to_id() {
        let layer = parse_countries(
            "t",
            square(r#"{"ADM0_A3":"FRA","ISO_A3":"-99"}"#).as_bytes(),
        )
        .unwrap();
        assert_eq!(layer.countries[0].key, "FRA");
        let layer = parse_countries(
            "t",
            square(r#"{"ISO_A3":"-99","ISO_A3_EH":"NOR"}"#).as_bytes(),
        )
        .unwrap();
        assert_eq!(layer.countries[0].key, "NOR");
        let layer = parse_countries("t", square(r#"{"ISO_A3":"-99"}"#).as_bytes()).unwrap();
        assert_eq!(layer.countries[0].key, "#0");
        assert_eq!(layer.countries[0].key_source, KeySource::Synthetic);
        assert!(
            layer.warnings[0].message.contains("no key"),
            "{:?}",
            layer.warnings
        );
        // -99 is "none" in the id too, as a string or a number.
        for id in [r#""-99""#, "-99"] {
            let text = square(r#"{"name":"Somaliland"}"#)
                .replace(r#""properties""#, &format!(r#""id":{id},"properties""#));
            let layer = parse_countries("t", text.as_bytes()).unwrap();
            assert_eq!(layer.countries[0].key_source, KeySource::Synthetic, "{id}");
            assert_eq!(layer.countries[0].name, "Somaliland");
        }
        let layer = parse_countries(
            "t",
            square(r#"{"ADM0_A3":"-99","ISO_A3":" -99 ","ISO_A3_EH":"-99"}"#)
                .replace(r#""properties""#, r#""id":"KOS","properties""#)
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(layer.countries[0].key, "KOS");
        assert_eq!(layer.keyed_by(), "id");
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_loader() {
        for bytes in [
            crate::io::embedded::COUNTRIES_110M,
            crate::io::embedded::COUNTRIES_50M,
        ] {
            let fast = super::super::fast_countries::parse_fast(bytes, None)
                .expect("fast path takes clean files");
            let full = parse_full("t", bytes).expect("full loader");
            assert_eq!(fast, full.countries);
        }
        // A file with a problem is left to the full loader.
        let bad = square(r#"{"ISO_A3":"-99"}"#);
        assert!(super::super::fast_countries::parse_fast(bad.as_bytes(), None).is_none());
        let bad = square(r#"{"ADM0_A3":"MLI","ADM0_A3":"NER"}"#);
        assert!(super::super::fast_countries::parse_fast(bad.as_bytes(), None).is_none());
    }

    #[test]
    fn the_fast_path_takes_natural_earth_at_1_10m() {
        // The 1:10m layer is not embedded; the load budget (README, Performance) rests on it
        // taking the fast path.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/geodata/ne_10m_admin_0_countries.geojson"
        );
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("skipped: no {path}");
            return;
        };
        let started = std::time::Instant::now();
        let fast = super::super::fast_countries::parse_fast(&bytes, None);
        eprintln!("fast path on 1:10m: {:?}", started.elapsed());
        assert_eq!(fast.map(|c| c.len()), Some(258));
    }

    #[test]
    fn the_fast_path_reads_features_in_order_whatever_their_number_and_place() {
        // Two threads build every other feature: odd and even counts, "type" after
        // "features", members it does not know, and problems in either half.
        let feature = |key: &str, x: u32| {
            format!(
                r#"{{"type":"Feature","properties":{{"ADM0_A3":"{key}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},0],[{x}.5,0],[{x}.5,1],[{x},0]]]}}}}"#
            )
        };
        for n in 1..=5u32 {
            let features: Vec<String> = (0..n).map(|i| feature(&format!("K{i}"), i)).collect();
            let text = format!(
                r#"{{"name":"t","features":[{}],"bbox":[0,0,9,1],"type":"FeatureCollection"}}"#,
                features.join(",")
            );
            let fast = super::super::fast_countries::parse_fast(text.as_bytes(), None)
                .expect("a clean layer");
            let keys: Vec<&str> = fast.iter().map(|c| c.key.as_str()).collect();
            let want: Vec<String> = (0..n).map(|i| format!("K{i}")).collect();
            assert_eq!(keys, want);
            assert_eq!(
                fast,
                parse_full("t", text.as_bytes()).expect("full").countries
            );
        }
        let fast_rejects = |features: &[String], tail: &str| {
            let text = format!(
                r#"{{"type":"FeatureCollection","features":[{}]}}{tail}"#,
                features.join(",")
            );
            super::super::fast_countries::parse_fast(text.as_bytes(), None).is_none()
        };
        let (a, b, c) = (feature("A", 0), feature("B", 1), feature("C", 2));
        let broken = feature("D", 3).replace("Polygon", "Polygone");
        assert!(fast_rejects(&[a.clone(), b.clone(), broken.clone()], ""));
        assert!(fast_rejects(&[a.clone(), broken, c.clone()], ""));
        assert!(fast_rejects(&[a.clone(), b.clone(), feature("A", 2)], ""));
        assert!(fast_rejects(&[a.clone(), b.clone()], " x"));
        assert!(fast_rejects(&[], ""));
        assert!(!fast_rejects(&[a, b, c], "\n"));
    }
}
