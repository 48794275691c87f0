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

use super::country::{Country, LonLatBox, country_from, crosses_antimeridian, feature_key};

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
        all_unique(names).ok_or_else(|| serde::de::Error::custom("duplicate member"))
    }
}

/// Whether no name is there twice (RFC 8259 §4: names SHOULD be unique; serde_json keeps the
/// last one without a word): if one is, the full loader says where.
fn all_unique(mut names: Vec<Cow<'_, str>>) -> Option<()> {
    names.sort_unstable();
    names.windows(2).all(|w| w[0] != w[1]).then_some(())
}

/// Any value, read past by serde_json (duplicate member names inside it fail).
struct Skipped;

impl<'de> Deserialize<'de> for Skipped {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Skip.deserialize(deserializer).map(|()| Skipped)
    }
}

/// A place in the text, read forward by hand where the layer's bulk is (the features and their
/// coordinates) and by serde_json for everything else (names with escapes, properties, ids,
/// members the atlas does not read). Every read returns `None` on anything unusual.
struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
    /// Parts wholly outside this box are checked, not kept (see
    /// [`super::read_countries_within`]).
    within: Option<LonLatBox>,
    /// The coordinates of the geometry being read, kept between geometries so that its
    /// buffers grow once per thread rather than once per country.
    scratch: Nested,
    /// The member names of the properties being read (to find one given twice), kept between
    /// features for the same reason.
    property_names: rustc_hash::FxHashSet<Cow<'a, str>>,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a [u8], at: usize, within: Option<LonLatBox>) -> Self {
        Self {
            text,
            at,
            within,
            // Room for a large country's coordinates (Canada at 1:10m has about 70,000
            // positions): the buffer is not copied as it grows. Pages are touched as used.
            scratch: Nested {
                positions: Vec::with_capacity(1 << 17),
                closes: Vec::with_capacity(1 << 12),
            },
            // A Natural Earth feature has about 170 properties.
            property_names: rustc_hash::FxHashSet::with_capacity_and_hasher(
                256,
                rustc_hash::FxBuildHasher,
            ),
        }
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.at = skip_space(self.text, self.at);
        self.text.get(self.at).copied()
    }

    /// Consumes `byte`, after white space.
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Consumes a `,` (true: another element follows) or `close` (false).
    fn comma_or(&mut self, close: u8) -> Option<bool> {
        let next = self.peek()?;
        self.at += 1;
        match next {
            b',' => Some(true),
            b if b == close => Some(false),
            _ => None,
        }
    }

    /// A value read by serde_json from here.
    fn value<T: Deserialize<'a>>(&mut self) -> Option<T> {
        self.peek()?;
        let rest = self.text.get(self.at..)?;
        let mut stream = serde_json::Deserializer::from_slice(rest).into_iter::<T>();
        let value = stream.next()?.ok()?;
        self.at += stream.byte_offset();
        Some(value)
    }

    /// The coordinates at the cursor, into [`Self::scratch`]: arrays of one depth each, down
    /// to positions of exactly two numbers, no deeper than a MultiPolygon's. Anything else (an
    /// empty array, a third number, arrays of mixed depth) is left to the full loader.
    fn coordinates(&mut self) -> Option<()> {
        self.scratch.positions.clear();
        self.scratch.closes.clear();
        if self.peek()? != b'[' {
            return None;
        }
        array(self.text, &mut self.at, &mut self.scratch, 0).map(|_| ())
    }

    /// Reads past a value: by hand for a string without escapes and a number (most
    /// properties), else by serde_json.
    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' if self.plain_string().is_some() => return Some(()),
            b'-' | b'0'..=b'9' => {
                self.at = number(self.text, self.at)?.1;
                return Some(());
            }
            _ => {}
        }
        self.value::<Skipped>().map(|Skipped| ())
    }

    /// A feature's `properties`: `null`, or an object of which the members the atlas reads
    /// ([`READ_PROPERTIES`]) are kept.
    fn properties(&mut self) -> Option<Option<Map<String, Value>>> {
        match self.peek()? {
            b'n' => return self.value::<()>().map(|()| None),
            b'{' => self.at += 1,
            _ => return None,
        }
        let mut kept = Map::new();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(Some(kept));
        }
        // A Natural Earth feature has about 170 properties: names go in a hash set, not a
        // sorted list.
        let mut names = std::mem::take(&mut self.property_names);
        names.clear();
        let kept = loop {
            let Some(name) = self.name() else {
                break None;
            };
            if READ_PROPERTIES.contains(&name.as_ref()) {
                let Some(value) = self.value::<Value>() else {
                    break None;
                };
                kept.insert(name.clone().into_owned(), value);
            } else if self.skip().is_none() {
                break None;
            }
            if !names.insert(name) {
                break None;
            }
            match self.comma_or(b'}') {
                Some(true) => {}
                Some(false) => break Some(Some(kept)),
                None => break None,
            }
        };
        self.property_names = names;
        kept
    }

    /// A member name and its colon; borrowed from the text when it has no escape.
    fn name(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        let name = match self.plain_string() {
            Some(name) => Cow::Borrowed(name),
            // Escapes (or a control character, which serde_json refuses).
            None => Cow::Owned(self.value::<String>()?),
        };
        self.eat(b':')?;
        Some(name)
    }

    /// The string at the cursor (a `"`), read when it has no escape and no control character
    /// (else `None`, the cursor left where it was).
    fn plain_string(&mut self) -> Option<&'a str> {
        let rest = self.text.get(self.at + 1..)?;
        let end = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        if rest[end] != b'"' {
            return None;
        }
        let text = std::str::from_utf8(&rest[..end]).ok()?;
        self.at += end + 2;
        Some(text)
    }

    /// A `bbox` member's value, which must be well formed (else the full loader says how it is
    /// not).
    fn bbox(&mut self) -> Option<()> {
        let bbox: Value = self.value()?;
        super::country::bbox_problem(&bbox).is_none().then_some(())
    }
}

struct Feature {
    kind: String,
    id: Option<Value>,
    properties: Option<Map<String, Value>>,
    geometry: Option<MultiPolygon<f64>>,
}

/// A feature object at the cursor.
fn feature(c: &mut Cursor<'_>) -> Option<Feature> {
    c.eat(b'{')?;
    let (mut kind, mut id, mut properties, mut geometry) = (None, None, None, None);
    let mut names = Vec::new();
    loop {
        let name = c.name()?;
        match name.as_ref() {
            "type" => kind = Some(c.value::<String>()?),
            "id" => id = Some(c.value::<Value>()?),
            "properties" => properties = c.properties()?,
            "geometry" => {
                // Parts may be left out only where the label point does not depend on them.
                let labelled = properties.as_ref().and_then(super::country::label_point);
                let within = c.within.filter(|_| labelled.is_some());
                geometry = geometry_value(c, within)?;
            }
            "bbox" => c.bbox()?,
            // RFC 7946 §7.1: the full loader says what is wrong.
            "coordinates" | "geometries" | "features" => return None,
            _ => c.skip()?,
        }
        names.push(name);
        if !c.comma_or(b'}')? {
            break;
        }
    }
    all_unique(names)?;
    Some(Feature {
        kind: kind?,
        id,
        properties,
        geometry,
    })
}
/// The properties the atlas reads; the rest are read past without being stored.
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

/// A feature's `geometry`: `null` or a Polygon or MultiPolygon, as a shape.
fn geometry_value(
    c: &mut Cursor<'_>,
    within: Option<LonLatBox>,
) -> Option<Option<MultiPolygon<f64>>> {
    if c.peek()? == b'n' {
        c.value::<()>()?;
        return Some(None);
    }
    c.eat(b'{')?;
    let (mut kind, mut coordinates) = (None, false);
    let mut names = Vec::new();
    loop {
        let name = c.name()?;
        match name.as_ref() {
            "type" => kind = Some(c.value::<String>()?),
            "coordinates" => coordinates = c.coordinates().is_some(),
            "bbox" => c.bbox()?,
            "geometry" | "properties" | "features" => return None,
            _ => c.skip()?,
        }
        names.push(name);
        if !c.comma_or(b'}')? {
            break;
        }
    }
    all_unique(names)?;
    coordinates.then_some(())?;
    Some(Some(shape_of(&kind?, &c.scratch, within)?))
}

/// Nested coordinate arrays of any depth, flattened: positions, and for every array above
/// positions its depth and where it ends.
#[derive(Default)]
struct Nested {
    positions: Vec<[f64; 2]>,
    /// (depth above positions: 1 = ring, 2 = polygon, 3 = multipolygon; end index) in the
    /// order the arrays close. For rings the end is in `positions`; above, in `closes`.
    closes: Vec<(u8, u32)>,
}

/// The array at `*at` (a `[`), `level` arrays deep: read into `out`, and its depth above
/// numbers (1: a position).
fn array(text: &[u8], at: &mut usize, out: &mut Nested, level: u8) -> Option<u8> {
    if level > 3 {
        return None;
    }
    let first = skip_space(text, *at + 1);
    if *text.get(first)? != b'[' {
        let (x, end) = number(text, first)?;
        let comma = skip_space(text, end);
        (*text.get(comma)? == b',').then_some(())?;
        let (y, end) = number(text, skip_space(text, comma + 1))?;
        let close = skip_space(text, end);
        (*text.get(close)? == b']').then_some(())?;
        *at = close + 1;
        out.positions.push([x, y]);
        return Some(1);
    }
    *at = first;
    let depth = array(text, at, out, level + 1)?;
    loop {
        let next = skip_space(text, *at);
        match text.get(next)? {
            b',' => {
                *at = skip_space(text, next + 1);
                let same = *text.get(*at)? == b'[' && array(text, at, out, level + 1)? == depth;
                same.then_some(())?;
            }
            b']' => {
                *at = next + 1;
                break;
            }
            _ => return None,
        }
    }
    let end = if depth == 1 {
        out.positions.len()
    } else {
        out.closes.len()
    };
    out.closes.push((depth, u32::try_from(end).ok()?));
    Some(depth + 1)
}

/// Powers of ten a double holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The JSON number at `at` and where it ends, to the bit as serde_json reads it (without its
/// `float_roundtrip` feature, which nothing here enables): the digits as an integer, divided
/// by the power of ten of the fraction's length, so that this path and the full loader never
/// differ. Numbers with an exponent or more than 19 digits go to serde_json itself; text that
/// is not a JSON number is `None`.
fn number(text: &[u8], at: usize) -> Option<(f64, usize)> {
    let negative = text.get(at) == Some(&b'-');
    let digits_from = at + usize::from(negative);
    let mut significand: u64 = 0;
    let mut i = digits(text, digits_from, &mut significand);
    let whole = i - digits_from;
    if whole == 0 || (whole > 1 && text[digits_from] == b'0') {
        return None;
    }
    let mut fraction = 0;
    if text.get(i) == Some(&b'.') {
        i += 1;
        let from = i;
        i = digits(text, i, &mut significand);
        fraction = i - from;
        if fraction == 0 {
            return None;
        }
    }
    if matches!(text.get(i), Some(b'e' | b'E')) || whole + fraction > 19 {
        return number_by_serde(text, at);
    }
    let magnitude = significand as f64 / POW10[fraction];
    Some((if negative { -magnitude } else { magnitude }, i))
}

/// Reads the digits from `at` on into `significand` (wrapping: callers count the digits and
/// leave more than 19 to serde_json); where they end. Eight at a time where eight are there.
fn digits(text: &[u8], mut at: usize, significand: &mut u64) -> usize {
    while let Some(eight) = eight_digits(text, at) {
        *significand = significand.wrapping_mul(100_000_000).wrapping_add(eight);
        at += 8;
    }
    while let Some(&d) = text.get(at).filter(|d| d.is_ascii_digit()) {
        *significand = significand
            .wrapping_mul(10)
            .wrapping_add(u64::from(d - b'0'));
        at += 1;
    }
    at
}

/// The value of the eight bytes at `at` if all are ASCII digits, in a few operations on one
/// word (as fast_float reads digits: Lemire, "Number parsing at a gigabyte per second", 2021).
fn eight_digits(text: &[u8], at: usize) -> Option<u64> {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const MASK: u64 = 0x0000_00FF_0000_00FF;
    const MUL1: u64 = 0x000F_4240_0000_0064; // 100 + (1,000,000 << 32)
    const MUL2: u64 = 0x0000_2710_0000_0001; // 1 + (10,000 << 32)
    let bytes: [u8; 8] = text.get(at..at + 8)?.try_into().ok()?;
    let word = u64::from_le_bytes(bytes);
    let all_digits = (word & HIGH) | ((word.wrapping_add(0x0606_0606_0606_0606) & HIGH) >> 4)
        == 0x3333_3333_3333_3333;
    if !all_digits {
        return None;
    }
    // Pairs, then fours, then the eight: the first byte is the most significant digit.
    let value = word - 0x3030_3030_3030_3030;
    let value = value.wrapping_mul(10).wrapping_add(value >> 8);
    Some(
        (value & MASK)
            .wrapping_mul(MUL1)
            .wrapping_add(((value >> 16) & MASK).wrapping_mul(MUL2))
            >> 32,
    )
}

/// A number the quick reading leaves to serde_json (an exponent, many digits).
#[cold]
fn number_by_serde(text: &[u8], at: usize) -> Option<(f64, usize)> {
    let len = text
        .get(at..)?
        .iter()
        .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        .unwrap_or(text.len() - at);
    let number = serde_json::from_slice::<f64>(&text[at..at + len]).ok()?;
    Some((number, at + len))
}

/// Parses a clean country layer quickly; `None` whenever the full loader might have anything
/// to say (then it runs and says it).
///
/// A large text is split between two threads at a feature boundary found after its middle
/// (see [`parse_split`]), so each reads half of it; a smaller one (or one whose split's checks
/// fail) is read whole on this thread.
pub(super) fn parse_fast(text: &[u8], within: Option<LonLatBox>) -> Option<Vec<Country>> {
    parse_split(text, within).or_else(|| parse_whole(text, within))
}

/// Below this size the text is read on one thread (the split is not worth its thread; the
/// embedded 1:110m layer, 1 MB, is split).
const SPLIT_BYTES: usize = 256 << 10;

/// The collection's members up to its features array, read to the array's opening bracket:
/// the collection's type, if it came first, and the names read.
fn collection_head<'a>(c: &mut Cursor<'a>) -> Option<(Option<String>, Vec<Cow<'a, str>>)> {
    c.eat(b'{')?;
    let (mut kind, mut names) = (None, Vec::new());
    loop {
        let name = c.name()?;
        if name == "features" {
            names.push(name);
            c.eat(b'[')?;
            return Some((kind, names));
        }
        collection_member(c, &name, &mut kind)?;
        names.push(name);
        // A collection without features is not a layer.
        c.comma_or(b'}')?.then_some(())?;
    }
}

/// A collection's member other than `features`.
fn collection_member(c: &mut Cursor<'_>, name: &str, kind: &mut Option<String>) -> Option<()> {
    match name {
        "type" => *kind = Some(c.value::<String>()?),
        "bbox" => c.bbox()?,
        "crs" => {
            let crs: Value = c.value()?;
            super::country::crs_problem(&crs).is_none().then_some(())?;
        }
        "features" | "coordinates" | "geometries" | "geometry" | "properties" => return None,
        _ => c.skip()?,
    }
    Some(())
}

/// A whole layer read on this thread.
fn parse_whole(text: &[u8], within: Option<LonLatBox>) -> Option<Vec<Country>> {
    let mut c = Cursor::new(text, 0, within);
    let (mut kind, mut names) = collection_head(&mut c)?;
    let mut features = Vec::new();
    loop {
        features.push(feature(&mut c)?);
        if !c.comma_or(b']')? {
            break;
        }
    }
    while c.comma_or(b'}')? {
        let name = c.name()?;
        collection_member(&mut c, &name, &mut kind)?;
        names.push(name);
    }
    (skip_space(text, c.at) == text.len() && kind.as_deref() == Some("FeatureCollection"))
        .then_some(())?;
    all_unique(names)?;
    let countries = (features.into_iter().enumerate())
        .map(country_of)
        .collect::<Option<Vec<_>>>()?;
    keys_unique(&countries).then_some(countries)
}

/// Whether no two countries have the same key (else the full loader says which).
fn keys_unique(countries: &[Country]) -> bool {
    let mut seen = HashSet::new();
    countries.iter().all(|c| seen.insert(c.key.as_str()))
}

/// A large layer parsed in two halves, each by one thread that reads only its half: the
/// second from a feature that starts after the middle of the text, the first from the start
/// to the comma before that feature. Where a feature starts is guessed, then checked: the
/// guess must parse as a feature followed by `,` or `]` (else the next one is tried); the
/// first half, read as a collection whose type comes first, must reach that very comma
/// between two of its features (a comma in a string, or deeper, is never reached so); and the
/// second half must run to the array's end, the collection's end and white space only. `None`
/// for a small text or when a check fails; then [`parse_whole`] decides.
fn parse_split(text: &[u8], within: Option<LonLatBox>) -> Option<Vec<Country>> {
    if text.len() < SPLIT_BYTES {
        return None;
    }
    let (send_comma, comma) = std::sync::mpsc::channel::<Option<usize>>();
    let (send_count, count) = std::sync::mpsc::channel::<Option<usize>>();
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(move || {
            let features = second_half(text, &send_comma, within);
            // The second half's features are numbered after the first half's.
            let offset = count.recv().ok().flatten()?;
            features?
                .into_iter()
                .enumerate()
                .map(|(i, f)| country_of((offset + i, f)))
                .collect::<Option<Vec<_>>>()
        });
        let first = first_half(text, &comma, within);
        // The second thread waits for this: it always gets an answer.
        let _ = send_count.send(first.as_ref().map(Vec::len));
        let first = first.and_then(|features| {
            (features.into_iter().enumerate())
                .map(country_of)
                .collect::<Option<Vec<_>>>()
        });
        (first, second.join().ok().flatten())
    });
    let mut countries = first?;
    countries.extend(second?);
    keys_unique(&countries).then_some(countries)
}

/// The collection's features up to the comma the second thread sends (between two
/// features); `None` unless the collection's type comes before its features and the features
/// run to that very comma. The feature after that comma starts after the middle of the text,
/// so the features before are read before it is asked for.
fn first_half(
    text: &[u8],
    comma: &std::sync::mpsc::Receiver<Option<usize>>,
    within: Option<LonLatBox>,
) -> Option<Vec<Feature>> {
    let mut c = Cursor::new(text, 0, within);
    let (kind, names) = collection_head(&mut c)?;
    (kind.as_deref() == Some("FeatureCollection")).then_some(())?;
    all_unique(names)?;
    let middle = text.len() / 2;
    let mut until = None;
    let mut features = Vec::new();
    loop {
        features.push(feature(&mut c)?);
        if c.peek()? != b',' {
            return None;
        }
        // The second half starts at a `{` at or after the middle; the comma is the one before
        // it.
        if skip_space(text, c.at + 1) >= middle {
            let comma = match until {
                Some(comma) => comma,
                None => *until.insert(comma.recv().ok().flatten()?),
            };
            if c.at > comma {
                return None;
            }
            if c.at == comma {
                return Some(features);
            }
        }
        c.at += 1;
    }
}

/// The second half's features: from the first place after the middle where a feature
/// parses, followed by `,` or `]` (tried at up to 16 places). Sends the comma before that
/// feature as soon as it is found (or `None`), so the first half can start.
fn second_half(
    text: &[u8],
    send_comma: &std::sync::mpsc::Sender<Option<usize>>,
    within: Option<LonLatBox>,
) -> Option<Vec<Feature>> {
    let mut c = Cursor::new(text, text.len() / 2, within);
    for _ in 0..16 {
        let Some((comma, start)) = feature_after(text, c.at) else {
            break;
        };
        c.at = start;
        if let Some(feature) = feature_then_comma_or_end(&mut c) {
            let _ = send_comma.send(Some(comma));
            return features_from(&mut c, feature);
        }
        c.at = start + 1;
    }
    let _ = send_comma.send(None);
    None
}

/// A feature at the cursor, which must be followed by `,` or `]` (left there).
fn feature_then_comma_or_end(c: &mut Cursor<'_>) -> Option<Feature> {
    let feature = feature(c)?;
    matches!(c.peek()?, b',' | b']').then_some(feature)
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

/// `first` and the features after it (the cursor at the `,` or `]` after `first`) to the end
/// of the array, which must be followed by the end of the collection and white space only.
fn features_from(c: &mut Cursor<'_>, first: Feature) -> Option<Vec<Feature>> {
    let mut features = vec![first];
    while c.comma_or(b']')? {
        features.push(feature_then_comma_or_end(c)?);
    }
    c.eat(b'}')?;
    (skip_space(c.text, c.at) == c.text.len()).then_some(features)
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
    let shape = feature.geometry?;
    Some(country_from(key, index, &props, shape))
}

/// The shape of a Polygon or MultiPolygon whose every ring and position is valid. With
/// `within`, every part is checked, and those whose bounds lie wholly outside the box are not
/// kept.
fn shape_of(kind: &str, nested: &Nested, within: Option<LonLatBox>) -> Option<MultiPolygon<f64>> {
    let top = nested.closes.last()?.0;
    let want = match kind {
        "Polygon" => 2,
        "MultiPolygon" => 3,
        _ => return None,
    };
    if top != want {
        return None;
    }
    // Walk the closes: rings (depth 1) collect into polygons (depth 2).
    let mut polygons = Vec::new();
    let mut rings: Vec<&[[f64; 2]]> = Vec::new();
    let mut bounds = NO_BOUNDS;
    let mut ring_start = 0usize;
    let mut parts = 0usize;
    for &(depth, end) in &nested.closes {
        match depth {
            1 => {
                let end = end as usize;
                let ring = nested.positions.get(ring_start..end)?;
                ring_start = end;
                checked_ring(ring, &mut bounds)?;
                rings.push(ring);
            }
            2 => {
                parts += 1;
                if within.is_none_or(|within| overlaps(bounds, within)) {
                    let mut it = rings
                        .iter()
                        .map(|ring| LineString(ring.iter().map(clamped).collect()));
                    let exterior = it.next()?;
                    polygons.push(Polygon::new(exterior, it.collect()));
                }
                rings.clear();
                bounds = NO_BOUNDS;
            }
            _ => {}
        }
    }
    (parts > 0).then_some(MultiPolygon(polygons))
}

/// Bounds that hold nothing yet: west, south, east, north.
const NO_BOUNDS: LonLatBox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];

/// Whether two boxes share a point.
fn overlaps(a: LonLatBox, b: LonLatBox) -> bool {
    a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1]
}

/// A position within the Earth's ranges (it may lie beyond them by rounding: see
/// [`checked_ring`]).
fn clamped(&[lon, lat]: &[f64; 2]) -> Coord<f64> {
    Coord {
        x: lon.clamp(-180.0, 180.0),
        y: lat.clamp(-90.0, 90.0),
    }
}

/// Checks a ring as the full loader would find nothing to say of it, growing `bounds`: closed,
/// with four positions or more (RFC 7946 §3.1.6: else the full loader closes it with a
/// warning, or says why it cannot), every position on the Earth (within rounding) and no step
/// across the antimeridian.
fn checked_ring(ring: &[[f64; 2]], bounds: &mut LonLatBox) -> Option<()> {
    const SLACK: f64 = 1e-6;
    if ring.len() < 4 || ring.first() != ring.last() {
        return None;
    }
    let mut previous: Option<Coord<f64>> = None;
    for position in ring {
        let [lon, lat] = *position;
        // Ranges also reject NaN.
        let on_earth = (-180.0 - SLACK..=180.0 + SLACK).contains(&lon)
            && (-90.0 - SLACK..=90.0 + SLACK).contains(&lat);
        if !on_earth {
            return None;
        }
        let here = clamped(position);
        if previous.is_some_and(|previous| crosses_antimeridian(previous, here)) {
            return None;
        }
        previous = Some(here);
        *bounds = [
            bounds[0].min(here.x),
            bounds[1].min(here.y),
            bounds[2].max(here.x),
            bounds[3].max(here.y),
        ];
    }
    Some(())
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
        let split = parse_split(text.as_bytes(), None).expect("split");
        assert_eq!(split.len(), 30_000);
        assert_eq!(Some(split), parse_whole(text.as_bytes(), None));
        // Natural Earth's 1:50m layer (4.5 MB) takes the split.
        let ne = crate::io::embedded::COUNTRIES_50M;
        assert!(ne.len() > SPLIT_BYTES);
        assert_eq!(parse_split(ne, None), parse_whole(ne, None));
        assert!(parse_split(ne, None).is_some());
        // Mostly white space between the features: the middle falls in it, before the comma
        // that the split takes.
        let text = collection(12_000, "x", "").replace(",\n", &format!(",{}", " ".repeat(300)));
        let split = parse_split(text.as_bytes(), None).expect("split in white space");
        assert_eq!(Some(split), parse_whole(text.as_bytes(), None));
        // A member after the features: not split, read whole.
        let text = collection(30_000, "x", r#","bbox":[0,0,170,1]"#);
        assert!(parse_split(text.as_bytes(), None).is_none());
        assert_eq!(
            parse_fast(text.as_bytes(), None).map(|c| c.len()),
            Some(30_000)
        );
        // A broken feature in the second half, or text after the collection: not clean.
        let text = collection(30_000, "x", "").replace(
            r#""K29000","NOTE":"x"},"geometry":{"type":"Polygon""#,
            r#""K29000","NOTE":"x"},"geometry":{"type":"Polygone""#,
        );
        assert!(text.contains("Polygone"));
        assert!(parse_fast(text.as_bytes(), None).is_none());
        let text = collection(30_000, "x", "") + " x";
        assert!(parse_fast(text.as_bytes(), None).is_none());
        // The same key in both halves.
        let text = collection(30_000, "x", "").replace("\"K29000\"", "\"K1\"");
        assert!(parse_fast(text.as_bytes(), None).is_none());
    }

    /// What serde_json reads for `text`, and where the number ends.
    fn by_serde(text: &str) -> Option<(f64, usize)> {
        let end = text
            .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            .unwrap_or(text.len());
        let value = serde_json::from_str::<f64>(&text[..end]).ok()?;
        Some((value, end))
    }

    #[test]
    fn numbers_are_read_to_the_bit_as_serde_json_reads_them() {
        for text in [
            "0",
            "-0",
            "12",
            "-7",
            "0.5",
            "-69.51008875199994",
            "12.437689500000088",
            "-169.51008875199994",
            "179.99999999999997",
            "1e5",
            "-2.5E-3",
            "4.0e+2",
            "123456789012345678901234",
            "0.1000000000000000055511151231257827",
            "9007199254740993",
            "18446744073709551615",
            "18446744073709551616",
            "1234567890.1234567891",
            "-0.0",
        ] {
            let fast = number(text.as_bytes(), 0);
            let want = by_serde(text);
            assert_eq!(
                fast.map(|(v, end)| (v.to_bits(), end)),
                want.map(|(v, end)| (v.to_bits(), end)),
                "{text}"
            );
        }
        // What JSON does not call a number.
        for text in [
            "01", "-01", "1.", "-", ".5", "+1", "1e", "NaN", "-x", "1.e3",
        ] {
            assert_eq!(
                number(text.as_bytes(), 0).map(|(v, end)| (v, &text[..end])),
                None,
                "{text}"
            );
        }
        // Eight digits at once, only when all eight are digits.
        assert_eq!(eight_digits(b"12345678", 0), Some(12_345_678));
        assert_eq!(eight_digits(b"x99999999", 1), Some(99_999_999));
        assert_eq!(eight_digits(b"00000000", 0), Some(0));
        for text in ["1234567", "1234567.", "123/5678", "12345:78", "1234 678"] {
            assert_eq!(eight_digits(text.as_bytes(), 0), None, "{text}");
        }
        // Where a number ends: at the first byte that is not part of it.
        assert_eq!(number(b"-1.25,3]", 0), Some((-1.25, 5)));
        assert_eq!(number(b"[7 ]", 1), Some((7.0, 2)));
    }

    #[test]
    fn many_numbers_are_read_as_serde_json_reads_them() {
        // Every length of fraction a file may have, on both sides of 2^53 and 19 digits.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let digits = (state % 22) as usize;
            let whole = (state >> 8) % 181;
            let fraction = format!("{:022}", state >> 3);
            let sign = if state & 1 == 0 { "-" } else { "" };
            let text = if digits == 0 {
                format!("{sign}{whole}")
            } else {
                format!("{sign}{whole}.{}", &fraction[..digits])
            };
            let fast = number(text.as_bytes(), 0).map(|(v, end)| (v.to_bits(), end));
            let want = by_serde(&text).map(|(v, end)| (v.to_bits(), end));
            assert_eq!(fast, want, "{text}");
        }
    }

    #[test]
    fn the_hand_reader_takes_json_s_freedoms_and_leaves_the_rest() {
        let feature = |geometry: &str, props: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{props},"geometry":{geometry}}}]}}"#
            )
        };
        let square = r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#;
        let props = r#"{"ADM0_A3":"SQR"}"#;
        // White space anywhere, escaped names, exponents, members in any order: taken, and
        // the same countries as the full loader's.
        for text in [
            feature(square, props),
            feature(square, props)
                .replace(',', " ,\n\t")
                .replace(':', " : "),
            feature(square, props).replace(r#""type":"Feature""#, r#""ty\u0070e":"Feature""#),
            feature(&square.replace("[1,0]", "[1e0,0.0e1]"), props),
            feature(
                r#"{"coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"Polygon","x":{"y":[1,"]"]}}"#,
                props,
            ),
        ] {
            let fast = parse_fast(text.as_bytes(), None).unwrap_or_else(|| panic!("taken: {text}"));
            let full = super::super::countries::parse_full("t", text.as_bytes()).expect("full");
            assert_eq!(fast, full.countries, "{text}");
        }
        // Everything irregular goes to the full loader, which explains it.
        for geometry in [
            square.replace("[1,0]", "[1,0,5]"),
            square.replace("[1,0]", "[1]"),
            square.replace("[1,0]", "[1,0,]"),
            square.replace("[1,0]", "[01,0]"),
            square.replace("[1,0]", "[\"1\",0]"),
            square.replace("[1,0]", "[[1,0]]"),
            square.replace("[[[0,0]", "[[[[[0,0]]]"),
            square.replace("[1,0]", "[1,0],[]"),
            square.replace("]]]", "]] ]x"),
            square.replace("Polygon\"", "Polygon\",\"type\":\"Polygon\""),
            square.replace("[1,0]", "[1,0}"),
            r#"{"type":"Polygon"}"#.to_owned(),
            "nul".to_owned(),
        ] {
            assert!(
                parse_fast(feature(&geometry, props).as_bytes(), None).is_none(),
                "{geometry}"
            );
        }
        // Properties of every kind, read past or kept as the full loader keeps them.
        for props in [
            r#"{"ADM0_A3":"SQR","N":-1.5e3,"T":true,"F":false,"Z":null,"E":"a\"b\u00e9","O":{"a":[1,{"b":2}]},"U":"Sénégal"}"#,
            r#"{ "ADM0_A3" : "SQR" , "LABEL_X" : 0.5 , "LABEL_Y" : 1e-1 }"#,
        ] {
            let text = feature(square, props);
            let fast = parse_fast(text.as_bytes(), None).unwrap_or_else(|| panic!("{props}"));
            let full = super::super::countries::parse_full("t", text.as_bytes()).expect("full");
            assert_eq!(fast, full.countries, "{props}");
        }
        for props in [
            r#"{"ADM0_A3":"SQR","ADM0_A3":"SQR"}"#,
            r#"{"ADM0_A3":"SQR""#,
            r#"{"ADM0_A3":"SQR","N":01}"#,
            r#"{"ADM0_A3":"SQR","N":1.}"#,
            "{\"ADM0_A3\":\"SQR\",\"S\":\"a\u{1}b\"}",
            r#"{"ADM0_A3":"SQR","S":"x",}"#,
            r#"{"ADM0_A3":"SQR" "S":"x"}"#,
            r#"[]"#,
        ] {
            assert!(
                parse_fast(feature(square, props).as_bytes(), None).is_none(),
                "{props}"
            );
        }
        for text in [
            feature(square, props).replace(r#""features""#, r#""feat\ures""#),
            feature(square, props).replace(r#""FeatureCollection""#, r#""Feature""#),
            feature(square, props) + "]",
            feature(square, props).replacen('{', r#"{"a":1,"a":2,"#, 1),
            feature(square, props).replace(r#""Feature","#, "\"Feature\",\u{1}"),
        ] {
            assert!(parse_fast(text.as_bytes(), None).is_none(), "{text}");
        }
    }

    #[test]
    fn parts_outside_the_box_are_checked_but_not_kept_where_the_label_does_not_need_them() {
        let square = |x: i32| format!("[[[{x},0],[{},0],[{},1],[{x},0]]]", x + 1, x + 1);
        let layer = |props: &str, geometry_first: bool, parts: &[String]| {
            let geometry = format!(
                r#""geometry":{{"type":"MultiPolygon","coordinates":[{}]}}"#,
                parts.join(",")
            );
            let props = format!(r#""properties":{props}"#);
            let (a, b) = if geometry_first {
                (&geometry, &props)
            } else {
                (&props, &geometry)
            };
            format!(r#"{{"type":"FeatureCollection","features":[{{"type":"Feature",{a},{b}}}]}}"#)
        };
        let labelled = r#"{"ADM0_A3":"TWO","LABEL_X":0.5,"LABEL_Y":0.5}"#;
        let box_ = Some([-10.0, -10.0, 10.0, 10.0]);
        let parts_kept = |text: &str, within| {
            let countries = parse_fast(text.as_bytes(), within).expect("a clean layer");
            countries[0].shape_lon_lat.0.len()
        };
        // Near and far parts: the far one is left out; a part touching the box is kept.
        let text = layer(labelled, false, &[square(0), square(100), square(10)]);
        assert_eq!(parts_kept(&text, None), 3);
        assert_eq!(parts_kept(&text, box_), 2);
        let near = parse_fast(text.as_bytes(), box_).expect("clean");
        let all = parse_fast(text.as_bytes(), None).expect("clean");
        assert_eq!(near[0].shape_lon_lat.0[0], all[0].shape_lon_lat.0[0]);
        assert_eq!(near[0].shape_lon_lat.0[1], all[0].shape_lon_lat.0[2]);
        assert_eq!(near[0].label_lon_lat, all[0].label_lon_lat);
        // Every part far away: the country stays, with no part.
        assert_eq!(parts_kept(&layer(labelled, false, &[square(100)]), box_), 0);
        // No label point, or properties read after the geometry: every part is kept (the
        // label falls back on the largest part).
        let unlabelled = r#"{"ADM0_A3":"TWO"}"#;
        assert_eq!(
            parts_kept(&layer(unlabelled, false, &[square(0), square(100)]), box_),
            2
        );
        assert_eq!(
            parts_kept(&layer(labelled, true, &[square(0), square(100)]), box_),
            2
        );
        // A far part is still checked: a position off the Earth sends the file to the full
        // loader, which says where.
        let off = square(100).replace("[101,1]", "[101,95]");
        assert!(parse_fast(layer(labelled, false, &[square(0), off]).as_bytes(), box_).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// The fast path's promise: whatever it takes, the full loader takes without a word
        /// and reads as the same countries. Single-byte edits of a small valid layer (a byte
        /// deleted, or one of JSON's significant bytes put in or over another) either leave it
        /// to the full loader or keep that promise.
        #[test]
        fn what_the_fast_path_takes_the_full_loader_reads_the_same(
            at in 0usize..10_000,
            edit in 0u8..3,
            byte in proptest::sample::select(b"{}[],:\"\\-.0123456789eE \nabtrunlsf".to_vec()),
        ) {
            let text = br#"{"type":"FeatureCollection","features":[{"type":"Feature","id":7,"properties":{"ADM0_A3":"SQR","NAME":"Square","LABEL_X":0.5,"LABEL_Y":0.25,"POP_EST":12.5e3,"x":[true,null,{"y":"z"}]},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.2],[0.4,0.2],[0.4,0.4],[0.2,0.2]]],[[[5,5],[6,5],[6,6],[5,5]]]]}},{"type":"Feature","properties":{"ADM0_A3":"TRI","NAME":"Tri"},"geometry":{"type":"Polygon","coordinates":[[[10,-1.5],[11,-1.5],[10.5,-0.5],[10,-1.5]]]}}]}"#;
            // Unedited, the layer takes the fast path.
            proptest::prop_assert!(parse_fast(text, None).is_some_and(|c| c.len() == 2));
            let at = at % text.len();
            let mut edited = text.to_vec();
            match edit {
                0 => { edited.remove(at); }
                1 => edited.insert(at, byte),
                _ => edited[at] = byte,
            }
            if let Some(fast) = parse_fast(&edited, None) {
                let full = super::super::countries::parse_full("t", &edited);
                let full = full.map_err(|e| e.to_string());
                proptest::prop_assert!(full.is_ok(), "{}: {:?}", String::from_utf8_lossy(&edited), full);
                let full = full.unwrap_or_else(|_| unreachable!());
                proptest::prop_assert!(full.warnings.is_empty(), "{}: {:?}", String::from_utf8_lossy(&edited), full.warnings);
                proptest::prop_assert_eq!(fast, full.countries);
            }
        }
    }
}
