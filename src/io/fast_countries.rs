//! The fast path for country layers: typed deserialisation straight into flat coordinate
//! buffers, skipping the generic JSON tree. It accepts only input the full loader would
//! accept without a word; anything unusual returns `None` and the full loader (which explains
//! every problem with its place) runs instead, so results never differ.

use std::collections::HashSet;
use std::fmt;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::Country;

#[derive(Deserialize)]
struct Collection {
    #[serde(rename = "type")]
    kind: String,
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: Option<Value>,
    properties: Option<Props>,
    geometry: Option<Geometry>,
}

/// The properties the atlas reads; the rest are skipped without being stored.
#[derive(Deserialize)]
#[allow(non_snake_case)]
struct Props {
    ADM0_A3: Option<Value>,
    ISO_A3: Option<Value>,
    ISO_A3_EH: Option<Value>,
    ISO_A2: Option<Value>,
    ISO_A2_EH: Option<Value>,
    NAME: Option<Value>,
    ADMIN: Option<Value>,
    name: Option<Value>,
    NAME_LONG: Option<Value>,
    FORMAL_EN: Option<Value>,
    POP_EST: Option<Value>,
    POP_YEAR: Option<Value>,
    GDP_MD: Option<Value>,
    GDP_YEAR: Option<Value>,
    CONTINENT: Option<Value>,
    REGION_UN: Option<Value>,
    SUBREGION: Option<Value>,
    LABEL_X: Option<Value>,
    LABEL_Y: Option<Value>,
}

impl Props {
    fn into_map(self) -> Map<String, Value> {
        let mut map = Map::new();
        let fields = [
            ("ADM0_A3", self.ADM0_A3),
            ("ISO_A3", self.ISO_A3),
            ("ISO_A3_EH", self.ISO_A3_EH),
            ("ISO_A2", self.ISO_A2),
            ("ISO_A2_EH", self.ISO_A2_EH),
            ("NAME", self.NAME),
            ("ADMIN", self.ADMIN),
            ("name", self.name),
            ("NAME_LONG", self.NAME_LONG),
            ("FORMAL_EN", self.FORMAL_EN),
            ("POP_EST", self.POP_EST),
            ("POP_YEAR", self.POP_YEAR),
            ("GDP_MD", self.GDP_MD),
            ("GDP_YEAR", self.GDP_YEAR),
            ("CONTINENT", self.CONTINENT),
            ("REGION_UN", self.REGION_UN),
            ("SUBREGION", self.SUBREGION),
            ("LABEL_X", self.LABEL_X),
            ("LABEL_Y", self.LABEL_Y),
        ];
        for (k, v) in fields {
            if let Some(v) = v {
                map.insert(k.to_owned(), v);
            }
        }
        map
    }
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Nested,
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

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Item::Other)
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
            (None, 2 | 3) => {
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
pub(super) fn parse_fast(text: &[u8]) -> Option<Vec<Country>> {
    let collection: Collection = serde_json::from_slice(text).ok()?;
    if collection.kind != "FeatureCollection" || collection.features.is_empty() {
        return None;
    }
    let mut seen = HashSet::new();
    let mut countries = Vec::with_capacity(collection.features.len());
    for feature in collection.features {
        if feature.kind != "Feature" {
            return None;
        }
        let props = feature.properties?.into_map();
        let key = super::countries::feature_key(&props, feature.id.as_ref())?;
        if !seen.insert(key.clone()) {
            return None;
        }
        let geometry = feature.geometry?;
        let shape = shape_of(&geometry)?;
        countries.push(super::countries::country_from(key, &props, shape));
    }
    Some(countries)
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
                if ring.len() < 4 {
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
                    coords.push(Coord {
                        x: lon.clamp(-180.0, 180.0),
                        y: lat.clamp(-90.0, 90.0),
                    });
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
