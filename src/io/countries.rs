//! Country layers: GeoJSON FeatureCollections of Polygon/MultiPolygon features, keyed by
//! `ADM0_A3`, else `ISO_A3` / `ISO_A3_EH` when not `-99`, else the feature `id`.

use std::collections::HashMap;
use std::path::Path;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::Value;

use super::diagnostic::{cap_diagnostics, shorten};
use super::json_error::{describe, expect_object, json_diagnostic, strip_bom};
use super::json_text::{line_columns, resolve};
use super::read::{gunzip_if_needed, read_file_bytes};
use super::{Diagnostic, LoadError, Where};

/// A GeoJSON object's members.
type JsonObject = serde_json::Map<String, Value>;

/// One country of a layer, with the properties the atlas shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// `ADM0_A3` (or the fallback key).
    pub key: String,
    /// Short name (`NAME`).
    pub name: String,
    /// Long name (`NAME_LONG`).
    pub name_long: String,
    /// Official name (`FORMAL_EN`).
    pub formal_name: Option<String>,
    /// ISO 3166-1 alpha-3 code, when it has one.
    pub iso_a3: Option<String>,
    /// ISO 3166-1 alpha-2 code, when it has one.
    pub iso_a2: Option<String>,
    /// Population estimate and its year.
    pub population: Option<(f64, i32)>,
    /// GDP in millions of US dollars and its year.
    pub gdp_musd: Option<(f64, i32)>,
    /// Continent.
    pub continent: Option<String>,
    /// UN region.
    pub region: Option<String>,
    /// UN subregion.
    pub subregion: Option<String>,
    /// Where to put the label, lon/lat (`LABEL_X`, `LABEL_Y`).
    pub label_lon_lat: Option<[f64; 2]>,
    /// The shape, in lon/lat degrees. Empty in the countries of a
    /// [`MapLayer`](crate::map::MapLayer), whose meshes hold it from then on.
    pub shape_lon_lat: MultiPolygon<f64>,
}

/// A loaded country layer.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryLayer {
    /// Where it came from, for messages and the window.
    pub source: String,
    /// The countries, in file order.
    pub countries: Vec<Country>,
    /// Warnings found while loading (the layer loaded anyway).
    pub warnings: Vec<Diagnostic>,
}

impl CountryLayer {
    /// Number of polygon vertices in the layer.
    pub fn vertex_count(&self) -> usize {
        use geo::CoordsIter;
        self.countries
            .iter()
            .map(|c| c.shape_lon_lat.coords_count())
            .sum()
    }

    /// The country with this key.
    pub fn country(&self, key: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.key == key)
    }
}

/// Reads and parses a country layer file (GeoJSON, optionally gzip-compressed).
///
/// # Errors
/// Every problem that stops the layer from loading, with file and place.
pub fn read_countries(path: &Path) -> Result<CountryLayer, LoadError> {
    let bytes = read_file_bytes(path)?;
    parse_countries(&path.display().to_string(), &bytes)
}

/// Parses a country layer from bytes (GeoJSON text, or gzip of it). `name` names the file in
/// messages.
///
/// # Errors
/// Every problem that stops the layer from loading, with file and place.
pub fn parse_countries(name: &str, bytes: &[u8]) -> Result<CountryLayer, LoadError> {
    let bytes = gunzip_if_needed(name, bytes)?;
    let text = strip_bom(&bytes);
    // Clean files take the fast path; anything it does not accept gets the full treatment.
    if let Some(countries) = super::fast_countries::parse_fast(text) {
        return Ok(CountryLayer {
            source: name.to_owned(),
            countries,
            warnings: Vec::new(),
        });
    }
    parse_full(name, text)
}

/// The full loader: walks the JSON tree and explains every problem with its place.
fn parse_full(name: &str, text: &[u8]) -> Result<CountryLayer, LoadError> {
    expect_object(name, text, WHAT)?;
    let root: Value = serde_json::from_slice(text)
        .map_err(|e| LoadError::single(json_diagnostic(name, text, &e)))?;
    let Value::Object(mut root) = root else {
        return Err(top_level_error(name, text, "", format!("expected {WHAT}")));
    };
    if let Some(problem) = collection_type_problem(&root) {
        return Err(top_level_error(name, text, "/type", problem));
    }
    let features = match root.remove("features") {
        Some(Value::Array(features)) => features,
        Some(other) => {
            return Err(top_level_error(
                name,
                text,
                "/features",
                format!(
                    "\"features\" is {}; it must be an array of GeoJSON Features",
                    describe(&other)
                ),
            ));
        }
        None => {
            return Err(top_level_error(
                name,
                text,
                "",
                "the FeatureCollection has no \"features\" array".to_owned(),
            ));
        }
    };
    drop(root);

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut countries = Vec::with_capacity(features.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, feature) in features.into_iter().enumerate() {
        let fail = |key: Option<&str>, message: String| {
            let place = Where::Feature {
                index,
                key: key.map(shorten),
            };
            Diagnostic::error(name, place, message)
        };
        let Value::Object(mut feature) = feature else {
            errors.push(fail(
                None,
                format!("is {}, not a GeoJSON Feature object", describe(&feature)),
            ));
            continue;
        };
        let props = match feature.remove("properties") {
            Some(Value::Object(props)) => props,
            None | Some(Value::Null) => JsonObject::new(),
            Some(other) => {
                let key = feature_key(&JsonObject::new(), feature.get("id"));
                errors.push(fail(
                    key.as_deref(),
                    format!(
                        "\"properties\" is {}; it must be an object (ADM0_A3, NAME …)",
                        describe(&other)
                    ),
                ));
                continue;
            }
        };
        let key = feature_key(&props, feature.get("id"));
        match feature.get("type") {
            Some(Value::String(t)) if t == "Feature" => {}
            other => {
                let found = other.map_or_else(|| "missing".to_owned(), describe);
                errors.push(fail(
                    key.as_deref(),
                    format!(
                        "\"type\" is {found}; each of \"features\" must have \"type\": \"Feature\""
                    ),
                ));
                continue;
            }
        }
        let Some(key) = key else {
            errors.push(fail(
                None,
                "no key: the feature has no ADM0_A3, ISO_A3 or ISO_A3_EH property (other than -99) and no id".to_owned(),
            ));
            continue;
        };
        if let Some(first) = seen.insert(key.clone(), index) {
            errors.push(fail(
                Some(&key),
                format!(
                    "duplicate key {}: feature {first} has it too",
                    shorten(&key)
                ),
            ));
        }
        let geometry = match feature.remove("geometry") {
            None | Some(Value::Null) => {
                let place = Where::Feature {
                    index,
                    key: Some(shorten(&key)),
                };
                warnings.push(Diagnostic::warning(
                    name,
                    place,
                    "has no geometry; left out",
                ));
                continue;
            }
            Some(Value::Object(geometry)) => geometry,
            Some(other) => {
                errors.push(fail(
                    Some(&key),
                    format!(
                        "\"geometry\" is {}; it must be a Polygon or MultiPolygon object, or null",
                        describe(&other)
                    ),
                ));
                continue;
            }
        };
        match shape_from(&geometry) {
            Ok(shape) => countries.push(country_from(key, &props, shape)),
            Err(message) => errors.push(fail(Some(&key), message)),
        }
    }
    if countries.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::error(
            name,
            Where::File,
            "the layer has no country features",
        ));
    }
    if errors.is_empty() {
        Ok(CountryLayer {
            source: name.to_owned(),
            countries,
            warnings: cap_diagnostics(name, warnings),
        })
    } else {
        errors.extend(warnings);
        Err(LoadError {
            diagnostics: cap_diagnostics(name, errors),
        })
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

/// What is wrong with the top-level `type`, if anything.
fn collection_type_problem(root: &JsonObject) -> Option<String> {
    match root.get("type") {
        Some(Value::String(t)) if t == "FeatureCollection" => None,
        Some(Value::String(t)) if t == "Feature" => Some(
            "this is a single GeoJSON Feature; a country layer is a FeatureCollection: \
             {\"type\": \"FeatureCollection\", \"features\": [ … ]}"
                .to_owned(),
        ),
        Some(Value::String(t)) if GEOMETRY_TYPES.contains(&t.as_str()) => Some(format!(
            "this is a bare GeoJSON {t} geometry; a country layer is a FeatureCollection of \
             Features, each with its country's ADM0_A3 in its properties"
        )),
        Some(other) => Some(format!(
            "\"type\" is {}; expected {WHAT} (\"type\": \"FeatureCollection\")",
            describe(other)
        )),
        None if root
            .get("format")
            .and_then(Value::as_str)
            .is_some_and(|f| f.starts_with("sahel-atlas/scenario")) =>
        {
            Some("this is a Sahel Atlas scenario, not a country layer".to_owned())
        }
        None => Some(format!(
            "no \"type\"; expected {WHAT} ({{\"type\": \"FeatureCollection\", \"features\": [ … ]}})"
        )),
    }
}

/// An error about the collection as a whole, at the value `pointer` leads to (or as near as
/// it gets).
fn top_level_error(name: &str, text: &[u8], pointer: &str, message: String) -> LoadError {
    let at = resolve(text, 0, pointer).unwrap_or_else(|nearest| nearest);
    let (line, column) = line_columns(text, &[at])[0];
    LoadError::single(Diagnostic::error(
        name,
        Where::LineColumn { line, column },
        message,
    ))
}

/// The key of a feature: `ADM0_A3`, else `ISO_A3` / `ISO_A3_EH`, else the feature id.
pub(super) fn feature_key(props: &JsonObject, id: Option<&Value>) -> Option<String> {
    for field in ["ADM0_A3", "ISO_A3", "ISO_A3_EH"] {
        if let Some(value) = text(props, field) {
            return Some(value);
        }
    }
    match id? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A non-empty string property that is not Natural Earth's `-99` for "none".
fn text(props: &JsonObject, field: &str) -> Option<String> {
    let value = props.get(field)?.as_str()?.trim();
    (!value.is_empty() && value != "-99").then(|| value.to_owned())
}

fn number(props: &JsonObject, field: &str) -> Option<f64> {
    let n = props.get(field)?.as_f64()?;
    (n.is_finite() && n >= 0.0).then_some(n)
}

fn year(props: &JsonObject, field: &str) -> Option<i32> {
    props
        .get(field)?
        .as_i64()
        .and_then(|y| i32::try_from(y).ok())
}

pub(super) fn country_from(key: String, props: &JsonObject, shape: MultiPolygon<f64>) -> Country {
    let name = text(props, "NAME")
        .or_else(|| text(props, "ADMIN"))
        .or_else(|| text(props, "name"))
        .unwrap_or_else(|| key.clone());
    let label = match (
        number_signed(props, "LABEL_X"),
        number_signed(props, "LABEL_Y"),
    ) {
        (Some(x), Some(y)) if (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y) => {
            Some([x, y])
        }
        _ => None,
    };
    Country {
        name_long: text(props, "NAME_LONG").unwrap_or_else(|| name.clone()),
        formal_name: text(props, "FORMAL_EN"),
        iso_a3: text(props, "ISO_A3").or_else(|| text(props, "ISO_A3_EH")),
        iso_a2: text(props, "ISO_A2").or_else(|| text(props, "ISO_A2_EH")),
        population: number(props, "POP_EST").map(|p| (p, year(props, "POP_YEAR").unwrap_or(0))),
        gdp_musd: number(props, "GDP_MD").map(|g| (g, year(props, "GDP_YEAR").unwrap_or(0))),
        continent: text(props, "CONTINENT"),
        region: text(props, "REGION_UN"),
        subregion: text(props, "SUBREGION"),
        label_lon_lat: label,
        shape_lon_lat: shape,
        name,
        key,
    }
}

fn number_signed(props: &JsonObject, field: &str) -> Option<f64> {
    props.get(field)?.as_f64().filter(|n| n.is_finite())
}

/// The shape of a GeoJSON geometry object, which must be a Polygon or MultiPolygon.
fn shape_from(geometry: &JsonObject) -> Result<MultiPolygon<f64>, String> {
    let kind = match geometry.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(other) => {
            return Err(format!(
                "geometry \"type\" is {}; a country must be a Polygon or MultiPolygon",
                describe(other)
            ));
        }
        None => {
            return Err(
                "geometry has no \"type\"; a country must be a Polygon or MultiPolygon".to_owned(),
            );
        }
    };
    if kind != "Polygon" && kind != "MultiPolygon" {
        return Err(if GEOMETRY_TYPES.contains(&kind) {
            format!("geometry is a {kind}; a country must be a Polygon or MultiPolygon")
        } else {
            format!(
                "geometry type \"{}\" is not a GeoJSON geometry; a country must be a Polygon or MultiPolygon",
                shorten(kind)
            )
        });
    }
    let coordinates = match geometry.get("coordinates") {
        Some(Value::Array(coordinates)) => coordinates,
        Some(other) => {
            return Err(format!(
                "\"coordinates\" is {}; a {kind}'s coordinates are {}",
                describe(other),
                if kind == "Polygon" { RINGS } else { POLYGONS }
            ));
        }
        None => return Err(format!("the {kind} has no \"coordinates\"")),
    };
    if kind == "Polygon" {
        return polygon_from(coordinates).map(|p| MultiPolygon(vec![p]));
    }
    if coordinates.is_empty() {
        return Err("MultiPolygon with no polygons".to_owned());
    }
    coordinates
        .iter()
        .enumerate()
        .map(|(i, polygon)| match polygon {
            Value::Array(rings) => polygon_from(rings).map_err(|e| format!("polygon {i}: {e}")),
            other => Err(format!(
                "polygon {i} is {}; a polygon is {RINGS}",
                describe(other)
            )),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(MultiPolygon)
}

const RINGS: &str = "an array of rings, each an array of [longitude, latitude] positions";
const POLYGONS: &str =
    "an array of polygons, each an array of rings of [longitude, latitude] positions";

/// Checks and converts one GeoJSON polygon (rings of positions).
fn polygon_from(rings: &[Value]) -> Result<Polygon<f64>, String> {
    if rings.is_empty() {
        return Err("polygon has no rings".to_owned());
    }
    let mut converted = Vec::with_capacity(rings.len());
    for (r, ring) in rings.iter().enumerate() {
        let which = if r == 0 {
            "outer ring".to_owned()
        } else {
            format!("hole {r}")
        };
        let Value::Array(ring) = ring else {
            return Err(format!(
                "{which} is {}; a ring is an array of [longitude, latitude] positions",
                describe(ring)
            ));
        };
        if ring.len() < 4 {
            return Err(format!(
                "{which} has {} position{}; a ring needs at least 4 (closed)",
                ring.len(),
                if ring.len() == 1 { "" } else { "s" }
            ));
        }
        let mut coords = Vec::with_capacity(ring.len());
        for (p, position) in ring.iter().enumerate() {
            let Value::Array(numbers) = position else {
                return Err(format!(
                    "{which}, position {p} is {}; a position is [longitude, latitude]",
                    describe(position)
                ));
            };
            let (lon, lat) = match numbers.as_slice() {
                [lon, lat, ..] => (lon, lat),
                [_] => {
                    return Err(format!(
                        "{which}, position {p} has 1 number; needs longitude and latitude"
                    ));
                }
                [] => {
                    return Err(format!(
                        "{which}, position {p} is empty; needs longitude and latitude"
                    ));
                }
            };
            let (Some(lon), Some(lat)) = (lon.as_f64(), lat.as_f64()) else {
                let bad = if lon.is_number() { lat } else { lon };
                return Err(format!(
                    "{which}, position {p}: {} is not a number",
                    describe(bad)
                ));
            };
            if !lon.is_finite() || !lat.is_finite() {
                return Err(format!("{which}, position {p}: not a finite number"));
            }
            // Natural Earth has 180.00000000000006: allow rounding noise, then clamp.
            const SLACK: f64 = 1e-6;
            if !(-180.0 - SLACK..=180.0 + SLACK).contains(&lon) {
                return Err(format!(
                    "{which}, position {p}: longitude {lon} is outside -180..180 (is it [longitude, latitude], in degrees?)"
                ));
            }
            if !(-90.0 - SLACK..=90.0 + SLACK).contains(&lat) {
                return Err(format!(
                    "{which}, position {p}: latitude {lat} is outside -90..90 (is it [longitude, latitude], in degrees?)"
                ));
            }
            coords.push(Coord {
                x: lon.clamp(-180.0, 180.0),
                y: lat.clamp(-90.0, 90.0),
            });
        }
        converted.push(LineString(coords));
    }
    let exterior = converted.remove(0);
    Ok(Polygon::new(exterior, converted))
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
        let err = parse_countries("t", square(r#"{"ISO_A3":"-99"}"#).as_bytes()).unwrap_err();
        assert!(err.headline().contains("no key"), "{err}");
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_loader() {
        for bytes in [crate::data::COUNTRIES_110M, crate::data::COUNTRIES_50M] {
            let fast = super::super::fast_countries::parse_fast(bytes)
                .expect("fast path takes clean files");
            let full = parse_full("t", bytes).expect("full loader");
            assert_eq!(fast, full.countries);
        }
        // A file with a problem is left to the full loader.
        let bad = square(r#"{"ISO_A3":"-99"}"#);
        assert!(super::super::fast_countries::parse_fast(bad.as_bytes()).is_none());
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
            let fast =
                super::super::fast_countries::parse_fast(text.as_bytes()).expect("a clean layer");
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
            super::super::fast_countries::parse_fast(text.as_bytes()).is_none()
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
