//! What both country loaders (the fast path and the full loader) build and share: the
//! [`Country`] and [`CountryLayer`] types, the key chain, the properties the atlas reads, and
//! the checks of GeoJSON members both make the same way (`bbox`, `crs`).

use std::collections::BTreeMap;

use geo::{Coord, MultiPolygon};
use serde_json::Value;

use super::Diagnostic;

/// A GeoJSON object's members.
pub(super) type JsonObject = serde_json::Map<String, Value>;

/// Which member gave a country its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeySource {
    /// The `ADM0_A3` property (Natural Earth).
    Adm0A3,
    /// The `ISO_A3` property.
    IsoA3,
    /// The `ISO_A3_EH` property.
    IsoA3Eh,
    /// The feature's `id`.
    Id,
    /// None of them had a usable value: the key is made up (`#` and the feature's index) and
    /// no scenario can refer to the country. It is drawn and can be clicked.
    Synthetic,
}

impl KeySource {
    /// The member's name, as in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Adm0A3 => "ADM0_A3",
            Self::IsoA3 => "ISO_A3",
            Self::IsoA3Eh => "ISO_A3_EH",
            Self::Id => "id",
            Self::Synthetic => "no key",
        }
    }
}

/// One country of a layer, with the properties the atlas shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// `ADM0_A3` (or the fallback key; see [`KeySource`]).
    pub key: String,
    /// Which member the key came from.
    pub key_source: KeySource,
    /// Its index in the file's `features` array.
    pub feature: usize,
    /// Short name (`NAME`).
    pub name: String,
    /// Long name (`NAME_LONG`).
    pub name_long: String,
    /// French name (`NAME_FR`), where the layer has it.
    pub name_fr: Option<String>,
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

crate::model::index_type! {
    /// The index of a country in [`CountryLayer::countries`], and in the per-country tables
    /// of the map's layer built from it (meshes, label points, the scene's fills). A typed
    /// index so that a country's index and an entity's of the scenario (`ADM0_A3` keys name
    /// both, in different orders) cannot be mixed up: `countries[entity]` does not compile.
    ///
    /// ```compile_fail
    /// use sahel_atlas::io::CountryLayer;
    /// use sahel_atlas::model::EntityIx;
    ///
    /// // An entity of the scenario is no country of the layer: this does not compile.
    /// fn key(layer: &CountryLayer, entity: EntityIx) -> &str {
    ///     &layer.countries[entity].key
    /// }
    /// ```
    ///
    /// ```
    /// use sahel_atlas::io::{CountryIx, CountryLayer};
    ///
    /// fn key(layer: &CountryLayer, country: CountryIx) -> &str {
    ///     &layer.countries[country].key
    /// }
    /// let layer = sahel_atlas::map::embedded::coarse_layer().expect("embedded layer");
    /// let niger = layer.country_index("NER").expect("Niger");
    /// assert_eq!(key(&layer.layer, niger), "NER");
    /// ```
    CountryIx => Country
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

impl Country {
    /// Its short name in `lang`: `NAME_FR` in French where the layer has it, else `NAME`.
    pub fn name_in(&self, lang: crate::model::i18n::Lang) -> &str {
        match (lang, &self.name_fr) {
            (crate::model::i18n::Lang::Fr, Some(fr)) => fr,
            _ => &self.name,
        }
    }
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

    /// Which members the countries are keyed by, for people: "ADM0_A3", or
    /// "id (175), no key (3)" when they differ.
    pub fn keyed_by(&self) -> String {
        let mut counts: BTreeMap<KeySource, usize> = BTreeMap::new();
        for c in &self.countries {
            *counts.entry(c.key_source).or_default() += 1;
        }
        if counts.len() == 1
            && let Some(source) = counts.keys().next()
        {
            return source.as_str().to_owned();
        }
        counts
            .iter()
            .map(|(source, n)| format!("{} ({n})", source.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The key of a feature and where it came from: `ADM0_A3`, else `ISO_A3`, else `ISO_A3_EH`,
/// else the feature `id`; Natural Earth's `-99` ("none") is skipped in every one of them.
pub(super) fn feature_key(props: &JsonObject, id: Option<&Value>) -> Option<(String, KeySource)> {
    for (field, source) in [
        ("ADM0_A3", KeySource::Adm0A3),
        ("ISO_A3", KeySource::IsoA3),
        ("ISO_A3_EH", KeySource::IsoA3Eh),
    ] {
        if let Some(value) = text(props, field) {
            return Some((value, source));
        }
    }
    let id = match id? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!id.is_empty() && id != "-99").then_some((id, KeySource::Id))
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

fn number_signed(props: &JsonObject, field: &str) -> Option<f64> {
    props.get(field)?.as_f64().filter(|n| n.is_finite())
}

/// A longitude/latitude box in degrees: west, south, east, north.
pub type LonLatBox = [f64; 4];

/// Where the label goes (`LABEL_X`, `LABEL_Y`), when both are there and on the Earth.
pub(super) fn label_point(props: &JsonObject) -> Option<[f64; 2]> {
    match (
        number_signed(props, "LABEL_X"),
        number_signed(props, "LABEL_Y"),
    ) {
        (Some(x), Some(y)) if (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y) => {
            Some([x, y])
        }
        _ => None,
    }
}

/// A country from its key, properties and shape. `feature` is its index in the file.
pub(super) fn country_from(
    (key, key_source): (String, KeySource),
    feature: usize,
    props: &JsonObject,
    shape: MultiPolygon<f64>,
) -> Country {
    let name = text(props, "NAME")
        .or_else(|| text(props, "ADMIN"))
        .or_else(|| text(props, "name"))
        .unwrap_or_else(|| {
            if key_source == KeySource::Synthetic {
                format!("feature {feature}")
            } else {
                key.clone()
            }
        });
    let label = label_point(props);
    Country {
        name_long: text(props, "NAME_LONG").unwrap_or_else(|| name.clone()),
        name_fr: text(props, "NAME_FR"),
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
        key_source,
        feature,
    }
}

/// A key for a feature that has none, which no real key of the layer has: `#` and the
/// feature's index (`#12`), with more `#` in front if the layer uses that already.
pub(super) fn synthetic_key(feature: usize, taken: &impl Fn(&str) -> bool) -> String {
    let mut key = format!("#{feature}");
    while taken(&key) {
        key.insert(0, '#');
    }
    key
}

/// What is wrong with a `bbox` member, if anything (RFC 7946 §5).
pub(super) fn bbox_problem(bbox: &Value) -> Option<String> {
    const WHAT: &str =
        "RFC 7946 §5: a bbox is [west, south, east, north], or 6 numbers with heights";
    let Value::Array(items) = bbox else {
        return Some(format!(
            "\"bbox\" is {}; {WHAT}",
            super::json_error::describe(bbox)
        ));
    };
    if let Some(bad) = items.iter().find(|v| !v.is_number()) {
        return Some(format!(
            "\"bbox\" holds {}, not a number; {WHAT}",
            super::json_error::describe(bad)
        ));
    }
    if items.len() != 4 && items.len() != 6 {
        return Some(format!(
            "\"bbox\" has {} number{}; {WHAT}",
            items.len(),
            if items.len() == 1 { "" } else { "s" }
        ));
    }
    let n: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
    let half = n.len() / 2;
    let (west, south, east, north) = (n[0], n[1], n[half], n[half + 1]);
    let lon = -180.0..=180.0;
    let lat = -90.0..=90.0;
    if !lon.contains(&west)
        || !lon.contains(&east)
        || !lat.contains(&south)
        || !lat.contains(&north)
    {
        return Some(format!(
            "\"bbox\" [{west}, {south}, {east}, {north}] is not longitudes and latitudes in degrees; {WHAT}"
        ));
    }
    if south > north {
        return Some(format!(
            "\"bbox\" has its south edge ({south}) north of its north edge ({north}); {WHAT}"
        ));
    }
    None
}

/// What is wrong with a `crs` member, if anything: GeoJSON is WGS 84 longitude and latitude
/// (RFC 7946 §4); the 2008 format's `crs` may only say so.
pub(super) fn crs_problem(crs: &Value) -> Option<String> {
    const WGS84: [&str; 6] = [
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "urn:ogc:def:crs:OGC::CRS84",
        "urn:ogc:def:crs:EPSG::4326",
        "EPSG:4326",
        "CRS84",
        "OGC:CRS84",
    ];
    let name = match crs {
        Value::Null => return None,
        Value::Object(crs) => crs
            .get("properties")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str),
        _ => None,
    };
    match name {
        Some(name) if WGS84.iter().any(|w| w.eq_ignore_ascii_case(name.trim())) => None,
        Some(name) => Some(format!(
            "\"crs\" names {}; RFC 7946 §4: positions are WGS 84 longitude and latitude in degrees, so reproject the layer (ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)",
            super::diagnostic::shorten(name)
        )),
        None => Some(
            "\"crs\" is not a named CRS; RFC 7946 §4 has no \"crs\": positions are WGS 84 longitude and latitude in degrees"
                .to_owned(),
        ),
    }
}

/// Whether an edge goes more than half way round the Earth in longitude: it is meant to cross
/// the antimeridian (RFC 7946 §3.1.9). Edges along a pole (Antarctica's, at -90°) do not count.
pub(super) fn crosses_antimeridian(a: Coord<f64>, b: Coord<f64>) -> bool {
    (a.x - b.x).abs() > 180.0 && !(a.y.abs() >= 89.999_999 && b.y.abs() >= 89.999_999)
}
