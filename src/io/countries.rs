//! Country layers: GeoJSON FeatureCollections of Polygon/MultiPolygon features, keyed by
//! `ADM0_A3`, else `ISO_A3` / `ISO_A3_EH` when not `-99`, else the feature `id`.

use std::collections::HashMap;
use std::path::Path;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use geojson::{FeatureCollection, GeometryValue, JsonObject};

use super::diagnostic::json_diagnostic;
use super::read::{gunzip_if_needed, read_file_bytes};
use super::{Diagnostic, LoadError, Where};

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
    /// The shape, in lon/lat degrees.
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
        self.countries
            .iter()
            .flat_map(|c| &c.shape_lon_lat.0)
            .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
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
    let bytes = gunzip_if_needed(name, bytes.to_vec())?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::single(Diagnostic::error(
            name,
            Where::File,
            "the file is empty",
        )));
    }
    let collection: FeatureCollection = match serde_json::from_slice(&bytes) {
        Ok(c) => c,
        Err(e) => {
            let mut d = json_diagnostic(name, &e);
            if e.is_data() && !bytes.windows(19).any(|w| w == b"\"FeatureCollection\"") {
                d.message = format!(
                    "expected a GeoJSON FeatureCollection of countries ({})",
                    d.message
                );
            }
            return Err(LoadError::single(d));
        }
    };

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut countries = Vec::with_capacity(collection.features.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, feature) in collection.features.into_iter().enumerate() {
        let props = feature.properties.unwrap_or_default();
        let key = feature_key(&props, feature.id.as_ref());
        let place = Where::Feature {
            index,
            key: key.clone(),
        };
        let Some(key) = key else {
            errors.push(Diagnostic::error(
                name,
                place,
                "no key: the feature has no ADM0_A3, ISO_A3 or ISO_A3_EH property (other than -99) and no id",
            ));
            continue;
        };
        if let Some(first) = seen.insert(key.clone(), index) {
            errors.push(Diagnostic::error(
                name,
                place.clone(),
                format!("duplicate key {key}: feature {first} has it too"),
            ));
        }
        let Some(geometry) = feature.geometry else {
            warnings.push(Diagnostic::warning(
                name,
                place,
                "has no geometry; left out",
            ));
            continue;
        };
        let shape = match geometry.value {
            GeometryValue::Polygon { coordinates } => {
                polygon_from(&coordinates).map(|p| MultiPolygon(vec![p]))
            }
            GeometryValue::MultiPolygon { coordinates } => coordinates
                .iter()
                .enumerate()
                .map(|(i, p)| polygon_from(p).map_err(|e| format!("polygon {i}: {e}")))
                .collect::<Result<Vec<_>, _>>()
                .map(MultiPolygon),
            other => Err(format!(
                "geometry is a {}; a country must be a Polygon or MultiPolygon",
                other.type_name()
            )),
        };
        let shape = match shape {
            Ok(shape) if shape.0.is_empty() => {
                errors.push(Diagnostic::error(
                    name,
                    place,
                    "MultiPolygon with no polygons",
                ));
                continue;
            }
            Ok(shape) => shape,
            Err(message) => {
                errors.push(Diagnostic::error(name, place, message));
                continue;
            }
        };
        countries.push(country_from(key, &props, shape));
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
            warnings,
        })
    } else {
        errors.extend(warnings);
        Err(LoadError {
            diagnostics: errors,
        })
    }
}

/// The key of a feature: `ADM0_A3`, else `ISO_A3` / `ISO_A3_EH`, else the feature id.
fn feature_key(props: &JsonObject, id: Option<&geojson::feature::Id>) -> Option<String> {
    for field in ["ADM0_A3", "ISO_A3", "ISO_A3_EH"] {
        if let Some(value) = text(props, field) {
            return Some(value);
        }
    }
    match id? {
        geojson::feature::Id::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        geojson::feature::Id::Number(n) => Some(n.to_string()),
        geojson::feature::Id::String(_) => None,
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

fn country_from(key: String, props: &JsonObject, shape: MultiPolygon<f64>) -> Country {
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

/// Checks and converts one GeoJSON polygon (rings of positions).
fn polygon_from(rings: &[Vec<geojson::Position>]) -> Result<Polygon<f64>, String> {
    let mut converted = Vec::with_capacity(rings.len());
    if rings.is_empty() {
        return Err("polygon has no rings".to_owned());
    }
    for (r, ring) in rings.iter().enumerate() {
        let which = if r == 0 {
            "outer ring".to_owned()
        } else {
            format!("hole {r}")
        };
        if ring.len() < 4 {
            return Err(format!(
                "{which} has {} positions; a ring needs at least 4 (closed)",
                ring.len()
            ));
        }
        let mut coords = Vec::with_capacity(ring.len());
        for (p, position) in ring.iter().enumerate() {
            let s = position.as_slice();
            let [lon, lat, ..] = *s else {
                return Err(format!(
                    "{which}, position {p}: has {} numbers; needs longitude and latitude",
                    s.len()
                ));
            };
            if !lon.is_finite() || !lat.is_finite() {
                return Err(format!("{which}, position {p}: not a finite number"));
            }
            // Natural Earth has 180.00000000000006: allow rounding noise, then clamp.
            const SLACK: f64 = 1e-6;
            if !(-180.0 - SLACK..=180.0 + SLACK).contains(&lon)
                || !(-90.0 - SLACK..=90.0 + SLACK).contains(&lat)
            {
                return Err(format!(
                    "{which}, position {p}: ({lon}, {lat}) is outside longitude -180..180 / latitude -90..90"
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
}
