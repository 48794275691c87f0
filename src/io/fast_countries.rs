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
/// On two threads: a large text is split between them at a feature boundary found after its
/// middle (see [`parse_split`]), so each reads half of it; otherwise (or when the split's
/// checks fail) both read the whole text, each building every other feature.
pub(super) fn parse_fast(text: &[u8]) -> Option<Vec<Country>> {
    parse_split(text).or_else(|| parse_by_parity(text))
}

/// Build every feature (not one parity): see [`Half`].
const ALL: usize = 2;

/// Below this size the features are shared by parity (the split is not worth its copy).
const SPLIT_BYTES: usize = 4 << 20;

/// A large layer parsed in two halves, each by one thread that reads only its half: the
/// second from a feature that starts after the middle of the text, the first from the start
/// to the comma before that feature (closed there with `]}`). Where a feature starts is
/// guessed, then checked: the guess must parse as a feature followed by `,` or `]` (else the
/// next one is tried); the first half must parse as a collection whose last member is the
/// features array, so the comma was between two features (a comma in a string, or deeper,
/// leaves it unclosed); and the second half must run to the array's end, the collection's end
/// and white space only. `None` for a small text or when a check fails; then
/// [`parse_by_parity`] decides.
fn parse_split(text: &[u8]) -> Option<Vec<Country>> {
    if text.len() < SPLIT_BYTES {
        return None;
    }
    let (send_comma, comma) = std::sync::mpsc::channel::<Option<usize>>();
    let (send_count, count) = std::sync::mpsc::channel::<Option<usize>>();
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(move || {
            let features = second_half(text, &send_comma);
            // The second half's features are numbered after the first half's.
            let offset = count.recv().ok().flatten()?;
            features?
                .into_iter()
                .enumerate()
                .map(|(i, f)| country_of((offset + i, f)))
                .collect::<Option<Vec<_>>>()
        });
        let first = (comma.recv().ok().flatten()).and_then(|comma| first_half(text, comma));
        // The second thread waits for this: it always gets an answer.
        let _ = send_count.send(first.as_ref().map(|(count, _)| *count));
        let first = first.and_then(|(_, features)| {
            features
                .into_iter()
                .map(country_of)
                .collect::<Option<Vec<_>>>()
        });
        (first, second.join().ok().flatten())
    });
    let mut countries = first?;
    countries.extend(second?);
    let mut seen = HashSet::new();
    countries
        .iter()
        .all(|c| seen.insert(c.key.as_str()))
        .then_some(countries)
}

/// The second half's features: from the first place after the middle where a feature
/// parses, followed by `,` or `]` (tried at up to 16 places). Sends the comma before that
/// feature as soon as it is found (or `None`), so the first half can start.
fn second_half(
    text: &[u8],
    send_comma: &std::sync::mpsc::Sender<Option<usize>>,
) -> Option<Vec<Feature>> {
    let mut from = text.len() / 2;
    for _ in 0..16 {
        let Some((comma, start)) = feature_after(text, from) else {
            break;
        };
        if let Some((feature, next)) = feature_at(text, start) {
            let _ = send_comma.send(Some(comma));
            return features_from(text, feature, next);
        }
        from = start + 1;
    }
    let _ = send_comma.send(None);
    None
}

/// A feature at `at`, and where the next `,` or `]` is after it.
fn feature_at(text: &[u8], at: usize) -> Option<(Feature, usize)> {
    let mut stream = serde_json::Deserializer::from_slice(text.get(at..)?).into_iter::<Feature>();
    let feature = stream.next()?.ok()?;
    let next = skip_space(text, at + stream.byte_offset());
    matches!(text.get(next)?, b',' | b']').then_some((feature, next))
}

/// JSON's white space.
fn skip_space(text: &[u8], mut at: usize) -> usize {
    while text
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
    {
        at += 1;
    }
    at
}

/// The first `{` at or after `from` that follows `}` and `,` (white space between): where a
/// feature may start, and the comma before it.
fn feature_after(text: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    loop {
        let open = at + text.get(at..)?.iter().position(|&b| b == b'{')?;
        let before = |end: usize| {
            text[..end]
                .iter()
                .rposition(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
        };
        if let Some(comma) = before(open)
            && text[comma] == b','
            && before(comma).is_some_and(|close| text[close] == b'}')
        {
            return Some((comma, open));
        }
        at = open + 1;
    }
}

/// `first` and the features after it (`at`: the `,` or `]` after `first`) to the end of the
/// array, which must be followed by the end of the collection and white space only.
fn features_from(text: &[u8], first: Feature, mut at: usize) -> Option<Vec<Feature>> {
    let mut features = vec![first];
    loop {
        match text.get(at)? {
            b',' => {
                let (feature, next) = feature_at(text, skip_space(text, at + 1))?;
                features.push(feature);
                at = next;
            }
            b']' => {
                let end = skip_space(text, at + 1);
                let closed =
                    text.get(end) == Some(&b'}') && skip_space(text, end + 1) == text.len();
                return closed.then_some(features);
            }
            _ => return None,
        }
    }
}

/// The collection up to `comma` (between two features), closed there: how many features it
/// has, and each with its index. `None` unless it is a collection whose last member is the
/// features array.
fn first_half(text: &[u8], comma: usize) -> Option<(usize, Vec<(usize, Feature)>)> {
    let mut closed = Vec::with_capacity(comma + 2);
    closed.extend_from_slice(&text[..comma]);
    closed.extend_from_slice(b"]}");
    let mut json = serde_json::Deserializer::from_slice(&closed);
    let collection = Half { parity: ALL }.deserialize(&mut json).ok()?;
    json.end().ok()?;
    let clean =
        collection.kind == "FeatureCollection" && collection.count > 0 && collection.features_last;
    clean.then_some((collection.count, collection.features))
}

/// A smaller layer: two threads read the whole text, each building every other feature.
fn parse_by_parity(text: &[u8]) -> Option<Vec<Country>> {
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
    /// Whether the features array is the collection's last member.
    features_last: bool,
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
        let features_last = names.last().is_some_and(|n| n == "features");
        unique(names)?;
        let kind = kind.ok_or_else(|| A::Error::missing_field("type"))?;
        let (count, features) = features.ok_or_else(|| A::Error::missing_field("features"))?;
        Ok(HalfCollection {
            kind,
            features_last,
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
            let more = if self.parity == ALL || count % 2 == self.parity {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A collection of `n` small square countries, with `extra` text in each one's properties
    /// and `after` after the features array.
    fn collection(n: u32, extra: &str, after: &str) -> String {
        let features: Vec<String> = (0..n)
            .map(|i| {
                let x = i % 170;
                format!(
                    r#"{{"type":"Feature","properties":{{"ADM0_A3":"K{i}","NOTE":"{extra}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},0],[{x}.5,0],[{x}.5,1],[{x},0]]]}}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]{after}}}"#,
            features.join(",\n")
        )
    }

    #[test]
    fn a_large_layer_is_split_between_the_threads_at_a_feature() {
        // Commas, braces and whole fake features inside strings near every split point.
        let tricky = r#"}, {\"type\":\"Feature\"}, {"#;
        let text = collection(30_000, tricky, "");
        assert!(text.len() > SPLIT_BYTES);
        let split = parse_split(text.as_bytes()).expect("split");
        assert_eq!(split.len(), 30_000);
        assert_eq!(Some(split), parse_by_parity(text.as_bytes()));
        // Natural Earth's 1:50m layer (4.5 MB) takes the split.
        let ne = crate::io::embedded::COUNTRIES_50M;
        assert!(ne.len() > SPLIT_BYTES);
        assert_eq!(parse_split(ne), parse_by_parity(ne));
        assert!(parse_split(ne).is_some());
        // A member after the features: not split, read by parity.
        let text = collection(30_000, "x", r#","bbox":[0,0,170,1]"#);
        assert!(parse_split(text.as_bytes()).is_none());
        assert_eq!(parse_fast(text.as_bytes()).map(|c| c.len()), Some(30_000));
        // A broken feature in the second half, or text after the collection: not clean.
        let text = collection(30_000, "x", "").replace(
            r#""K29000","NOTE":"x"},"geometry":{"type":"Polygon""#,
            r#""K29000","NOTE":"x"},"geometry":{"type":"Polygone""#,
        );
        assert!(text.contains("Polygone"));
        assert!(parse_fast(text.as_bytes()).is_none());
        let text = collection(30_000, "x", "") + " x";
        assert!(parse_fast(text.as_bytes()).is_none());
        // The same key in both halves.
        let text = collection(30_000, "x", "").replace("\"K29000\"", "\"K1\"");
        assert!(parse_fast(text.as_bytes()).is_none());
    }
}
