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

fn country_of(feature: Feature) -> Option<Country> {
    if feature.kind != "Feature" {
        return None;
    }
    let props = feature.properties?.into_map();
    let key = super::countries::feature_key(&props, feature.id.as_ref())?;
    let geometry = feature.geometry?;
    let shape = shape_of(&geometry)?;
    Some(super::countries::country_from(key, &props, shape))
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
    features: Vec<Feature>,
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

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        let (mut kind, mut features) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" if kind.is_none() => kind = Some(map.next_value::<String>()?),
                "features" if features.is_none() => {
                    features = Some(map.next_value_seed(HalfFeatures {
                        parity: self.parity,
                    })?);
                }
                "type" | "features" => return Err(A::Error::custom("duplicate member")),
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
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
    type Value = (usize, Vec<Feature>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for HalfFeatures {
    type Value = (usize, Vec<Feature>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut built = Vec::new();
        let mut count = 0;
        loop {
            let more = if count % 2 == self.parity {
                seq.next_element::<Feature>()?
                    .map(|f| built.push(f))
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
