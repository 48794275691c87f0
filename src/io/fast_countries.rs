//! The fast path for country layers: typed deserialisation straight into flat coordinate
//! buffers, skipping the generic JSON tree. It accepts only input the full loader would
//! accept without a word; anything unusual returns `None` and the full loader (which explains
//! every problem with its place) runs instead, so results never differ.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::country::{Country, country_from, crosses_antimeridian, feature_key};

/// A member name, borrowed from the text when it has no escapes.
struct Name<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Name<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Name<'de>, E> {
                Ok(Name(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// Fails on an object that has a member name twice (RFC 8259 §4: names SHOULD be unique;
/// serde_json keeps the last one without a word): the full loader then says where.
fn unique<E: serde::de::Error>(mut names: Vec<Cow<'_, str>>) -> Result<(), E> {
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err(E::custom("duplicate member"));
    }
    Ok(())
}

/// Reads past any value, failing on duplicate member names anywhere inside it.
struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut names = Vec::new();
        while let Some(name) = map.next_key::<Name<'de>>()? {
            names.push(name.0);
            map.next_value_seed(Skip)?;
        }
        unique(names)
    }
}

/// A `bbox` member, which must be well formed (else the full loader says how it is not).
fn checked_bbox<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    let bbox: Value = map.next_value()?;
    match super::country::bbox_problem(&bbox) {
        None => Ok(()),
        Some(problem) => Err(serde::de::Error::custom(problem)),
    }
}

struct Feature {
    kind: String,
    id: Option<Value>,
    properties: Option<Map<String, Value>>,
    geometry: Option<Geometry>,
}

impl<'de> Deserialize<'de> for Feature {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Feature;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GeoJSON Feature")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Feature, A::Error> {
                let (mut kind, mut id, mut properties, mut geometry) = (None, None, None, None);
                let mut names = Vec::new();
                while let Some(name) = map.next_key::<Name<'de>>()? {
                    match name.0.as_ref() {
                        "type" => kind = Some(map.next_value::<String>()?),
                        "id" => id = Some(map.next_value::<Value>()?),
                        "properties" => {
                            properties = map.next_value::<Option<Props>>()?.map(|p| p.0)
                        }
                        "geometry" => geometry = map.next_value::<Option<Geometry>>()?,
                        "bbox" => checked_bbox(&mut map)?,
                        // RFC 7946 §7.1: the full loader says what is wrong.
                        "coordinates" | "geometries" | "features" => {
                            return Err(serde::de::Error::custom("a geometry's member"));
                        }
                        _ => map.next_value_seed(Skip)?,
                    }
                    names.push(name.0);
                }
                unique(names)?;
                Ok(Feature {
                    kind: kind.ok_or_else(|| serde::de::Error::missing_field("type"))?,
                    id,
                    properties,
                    geometry,
                })
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// The properties the atlas reads; the rest are read past without being stored.
struct Props(Map<String, Value>);

/// The properties [`Props`] keeps.
const READ_PROPERTIES: [&str; 20] = [
    "ADM0_A3",
    "ISO_A3",
    "ISO_A3_EH",
    "ISO_A2",
    "ISO_A2_EH",
    "NAME",
    "ADMIN",
    "name",
    "NAME_LONG",
    "NAME_FR",
    "FORMAL_EN",
    "POP_EST",
    "POP_YEAR",
    "GDP_MD",
    "GDP_YEAR",
    "CONTINENT",
    "REGION_UN",
    "SUBREGION",
    "LABEL_X",
    "LABEL_Y",
];

impl<'de> Deserialize<'de> for Props {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Props;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of properties")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Props, A::Error> {
                let mut kept = Map::new();
                let mut names = Vec::new();
                while let Some(name) = map.next_key::<Name<'de>>()? {
                    if READ_PROPERTIES.contains(&name.0.as_ref()) {
                        kept.insert(name.0.clone().into_owned(), map.next_value::<Value>()?);
                    } else {
                        map.next_value_seed(Skip)?;
                    }
                    names.push(name.0);
                }
                unique(names)?;
                Ok(Props(kept))
            }
        }
        deserializer.deserialize_map(V)
    }
}

struct Geometry {
    kind: String,
    coordinates: Nested,
}

impl<'de> Deserialize<'de> for Geometry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Geometry;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GeoJSON geometry")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Geometry, A::Error> {
                use serde::de::Error;
                let (mut kind, mut coordinates) = (None, None);
                let mut names = Vec::new();
                while let Some(name) = map.next_key::<Name<'de>>()? {
                    match name.0.as_ref() {
                        "type" => kind = Some(map.next_value::<String>()?),
                        "coordinates" => coordinates = Some(map.next_value::<Nested>()?),
                        "bbox" => checked_bbox(&mut map)?,
                        "geometry" | "properties" | "features" => {
                            return Err(A::Error::custom("a Feature's member"));
                        }
                        _ => map.next_value_seed(Skip)?,
                    }
                    names.push(name.0);
                }
                unique(names)?;
                Ok(Geometry {
                    kind: kind.ok_or_else(|| A::Error::missing_field("type"))?,
                    coordinates: coordinates
                        .ok_or_else(|| A::Error::missing_field("coordinates"))?,
                })
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// Nested coordinate arrays of any depth, flattened: positions, and for every array above
/// positions its depth and where it ends.
#[derive(Default)]
struct Nested {
    positions: Vec<[f64; 2]>,
    /// (depth above positions: 1 = ring, 2 = polygon, 3 = multipolygon; end index) in the
    /// order the arrays close. For rings the end is in `positions`; above, in `closes`.
    closes: Vec<(u8, u32)>,
    bad: bool,
}

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut nested = Nested::default();
        let top = deserializer.deserialize_any(Elem { out: &mut nested })?;
        if !matches!(top, Item::Array(Some(_))) {
            nested.bad = true;
        }
        Ok(nested)
    }
}

/// What one element of a coordinate array turned out to be.
enum Item {
    Number(f64),
    /// An array; its depth above numbers (1 = a position), `None` if irregular.
    Array(Option<u8>),
    Other,
}

/// Reads one element into the flat buffers.
struct Elem<'a> {
    out: &'a mut Nested,
}

impl<'de> DeserializeSeed<'de> for Elem<'_> {
    type Value = Item;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Item, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Elem<'_> {
    type Value = Item;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("nested arrays of numbers")
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Item, E> {
        Ok(Item::Number(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Item, E> {
        Ok(Item::Number(v as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Item, E> {
        Ok(Item::Number(v as f64))
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Item, E> {
        Ok(Item::Other)
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Item, E> {
        Ok(Item::Other)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Item, E> {
        Ok(Item::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Item, A::Error> {
        // An object among coordinates: not for the fast path.
        Err(serde::de::Error::custom("an object among coordinates"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
        let mut numbers = [0.0_f64; 3];
        let mut count = 0usize;
        let mut depth: Option<u8> = None;
        let mut regular = true;
        while let Some(item) = seq.next_element_seed(Elem {
            out: &mut *self.out,
        })? {
            match (item, depth, count) {
                (Item::Number(n), None, c) if c < 3 => {
                    numbers[c] = n;
                    count += 1;
                }
                (Item::Array(Some(d)), None, 0) => depth = Some(d),
                (Item::Array(Some(d)), Some(e), 0) if d == e => {}
                _ => regular = false,
            }
        }
        if !regular {
            return Ok(Item::Array(None));
        }
        match (depth, count) {
            (None, 2) => {
                self.out.positions.push([numbers[0], numbers[1]]);
                Ok(Item::Array(Some(1)))
            }
            (Some(d), 0) => {
                let end = if d == 1 {
                    self.out.positions.len()
                } else {
                    self.out.closes.len()
                };
                self.out.closes.push((d, end as u32));
                Ok(Item::Array(Some(d + 1)))
            }
            _ => Ok(Item::Array(None)),
        }
    }
}

/// Parses a clean country layer quickly; `None` whenever the full loader might have anything
/// to say (then it runs and says it).
///
/// Two threads read the whole text, each building every other feature: reading JSON is the
/// cheap part (22 ms for the 1:10m file here), turning its numbers into coordinates and
/// shapes the costly one (another 33 ms), and that half is shared.
pub(super) fn parse_fast(text: &[u8]) -> Option<Vec<Country>> {
    let half = |parity: usize| -> Option<(usize, Vec<Country>)> {
        let mut json = serde_json::Deserializer::from_slice(text);
        let collection = Half { parity }.deserialize(&mut json).ok()?;
        // Nothing but white space after the document (what `from_slice` checks).
        json.end().ok()?;
        if collection.kind != "FeatureCollection" || collection.count == 0 {
            return None;
        }
        let countries = collection
            .features
            .into_iter()
            .map(country_of)
            .collect::<Option<Vec<_>>>()?;
        Some((collection.count, countries))
    };
    let (even, odd) = std::thread::scope(|scope| {
        let odd = scope.spawn(|| half(1));
        let even = half(0);
        (even, odd.join().ok().flatten())
    });
    let ((count, even), (_, odd)) = (even?, odd?);
    // Back in the file's order: even, odd, even, …
    let mut countries = Vec::with_capacity(count);
    let (mut even, mut odd) = (even.into_iter(), odd.into_iter());
    for i in 0..count {
        countries.push(if i % 2 == 0 {
            even.next()?
        } else {
            odd.next()?
        });
    }
    let mut seen = HashSet::new();
    countries
        .iter()
        .all(|c| seen.insert(c.key.as_str()))
        .then_some(countries)
}

fn country_of((index, feature): (usize, Feature)) -> Option<Country> {
    if feature.kind != "Feature" {
        return None;
    }
    if feature
        .id
        .as_ref()
        .is_some_and(|id| !matches!(id, Value::String(_) | Value::Number(_) | Value::Null))
    {
        return None;
    }
    let props = feature.properties?;
    let key = feature_key(&props, feature.id.as_ref())?;
    let geometry = feature.geometry?;
    let shape = shape_of(&geometry)?;
    Some(country_from(key, index, &props, shape))
}

/// A feature collection read by one of [`parse_fast`]'s threads: the features whose index
/// has this parity are built, the others only read past.
struct Half {
    parity: usize,
}

struct HalfCollection {
    kind: String,
    /// How many features the collection has, built or not.
    count: usize,
    features: Vec<(usize, Feature)>,
}

impl<'de> DeserializeSeed<'de> for Half {
    type Value = HalfCollection;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Half {
    type Value = HalfCollection;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        let (mut kind, mut features) = (None, None);
        let mut names = Vec::new();
        while let Some(name) = map.next_key::<Name<'de>>()? {
            match name.0.as_ref() {
                "type" => kind = Some(map.next_value::<String>()?),
                "features" => {
                    features = Some(map.next_value_seed(HalfFeatures {
                        parity: self.parity,
                    })?);
                }
                "bbox" => checked_bbox(&mut map)?,
                "crs" => {
                    let crs: Value = map.next_value()?;
                    if let Some(problem) = super::country::crs_problem(&crs) {
                        return Err(A::Error::custom(problem));
                    }
                }
                "coordinates" | "geometries" | "geometry" | "properties" => {
                    return Err(A::Error::custom("a member of another kind of object"));
                }
                _ => map.next_value_seed(Skip)?,
            }
            names.push(name.0);
        }
        unique(names)?;
        let kind = kind.ok_or_else(|| A::Error::missing_field("type"))?;
        let (count, features) = features.ok_or_else(|| A::Error::missing_field("features"))?;
        Ok(HalfCollection {
            kind,
            count,
            features,
        })
    }
}

/// The features array for one parity: (how many in all, the ones built).
struct HalfFeatures {
    parity: usize,
}

impl<'de> DeserializeSeed<'de> for HalfFeatures {
    type Value = (usize, Vec<(usize, Feature)>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for HalfFeatures {
    type Value = (usize, Vec<(usize, Feature)>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut built = Vec::new();
        let mut count = 0;
        loop {
            let more = if count % 2 == self.parity {
                seq.next_element::<Feature>()?
                    .map(|f| built.push((count, f)))
                    .is_some()
            } else {
                seq.next_element::<serde::de::IgnoredAny>()?.is_some()
            };
            if !more {
                return Ok((count, built));
            }
            count += 1;
        }
    }
}

/// The shape of a Polygon or MultiPolygon whose every ring and position is valid.
fn shape_of(geometry: &Geometry) -> Option<MultiPolygon<f64>> {
    let nested = &geometry.coordinates;
    if nested.bad {
        return None;
    }
    let top = nested.closes.last()?.0;
    let want = match geometry.kind.as_str() {
        "Polygon" => 2,
        "MultiPolygon" => 3,
        _ => return None,
    };
    if top != want {
        return None;
    }
    // Walk the closes: rings (depth 1) collect into polygons (depth 2).
    let mut polygons = Vec::new();
    let mut rings: Vec<LineString<f64>> = Vec::new();
    let mut ring_start = 0usize;
    for &(depth, end) in &nested.closes {
        match depth {
            1 => {
                let end = end as usize;
                let ring = nested.positions.get(ring_start..end)?;
                ring_start = end;
                // Closed, with four positions or more (RFC 7946 §3.1.6): else the full loader
                // closes it with a warning, or says why it cannot.
                if ring.len() < 4 || ring.first() != ring.last() {
                    return None;
                }
                let mut coords = Vec::with_capacity(ring.len());
                for &[lon, lat] in ring {
                    const SLACK: f64 = 1e-6;
                    // Ranges also reject NaN.
                    let on_earth = (-180.0 - SLACK..=180.0 + SLACK).contains(&lon)
                        && (-90.0 - SLACK..=90.0 + SLACK).contains(&lat);
                    if !on_earth {
                        return None;
                    }
                    let here = Coord {
                        x: lon.clamp(-180.0, 180.0),
                        y: lat.clamp(-90.0, 90.0),
                    };
                    if coords
                        .last()
                        .is_some_and(|&previous| crosses_antimeridian(previous, here))
                    {
                        return None;
                    }
                    coords.push(here);
                }
                rings.push(LineString(coords));
            }
            2 => {
                let mut it = std::mem::take(&mut rings).into_iter();
                let exterior = it.next()?;
                polygons.push(Polygon::new(exterior, it.collect()));
            }
            _ => {}
        }
    }
    if polygons.is_empty() {
        return None;
    }
    Some(MultiPolygon(polygons))
}
