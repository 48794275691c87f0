//! Reading conflict-event layers: ACLED exports, UCDP GED CSVs, any CSV with a date and
//! latitude/longitude columns, and GeoJSON points with a date property. A layer is recognised
//! by the columns it needs, so exports with fewer, reordered or extra columns load.
//!
//! Rows that cannot be read (no date, a latitude that is not a number …) are left out; the
//! layer loads with their count and the first [`MAX_DIAGNOSTICS`] places as `FILE:LINE:COL`.
//! A CSV is read as it streams (gunzipped on the way), so a file of any size loads when its
//! events fit in memory; only the notes, source and id of each event are kept as text
//! ([`event_details`]).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::diagnostic::{MAX_DIAGNOSTICS, shorten};
use super::read::{MAX_FILE_BYTES, open_file};
use super::{Diagnostic, LoadError, Where};
use crate::model::event_layer::{ACLED_TYPES, UCDP_TYPES};
use crate::model::{EventFormat, EventLayer, EventTexts};

/// A layer read from a file, and the rows left out.
#[derive(Clone, Debug)]
pub struct EventLoad {
    /// The events read.
    pub layer: EventLayer,
    /// Rows (or features) left out because they could not be read.
    pub skipped: usize,
    /// Where and why, for the first [`MAX_DIAGNOSTICS`] of them.
    pub problems: Vec<Diagnostic>,
}

/// The columns a person chose for a CSV whose columns were not recognised: date, latitude
/// and longitude, by name.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColumnChoice {
    /// The date column.
    pub date: String,
    /// The latitude column.
    pub latitude: String,
    /// The longitude column.
    pub longitude: String,
}

/// Column choices remembered per header (the header's names joined with commas).
pub type ColumnChoices = HashMap<String, ColumnChoice>;

/// The key a CSV header is remembered by.
pub fn header_key(names: &[String]) -> String {
    names.join(",")
}

/// Limits on what one event layer may hold. A CSV is streamed: memory follows the events
/// kept (their columns and texts), not the file, so only a layer with more events than the
/// app can index, a row too long to be a row of events, or GeoJSON (parsed whole) larger
/// than [`MAX_FILE_BYTES`] is refused for its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventLimits {
    /// Events in one layer.
    pub max_events: usize,
    /// Bytes in one CSV row.
    pub max_row_bytes: u64,
    /// Bytes of a GeoJSON event layer (decompressed).
    pub max_geojson_bytes: u64,
}

impl Default for EventLimits {
    fn default() -> Self {
        Self {
            // Events are indexed with 32 bits; ACLED's whole world export is a few million.
            max_events: 100_000_000,
            max_row_bytes: 16 << 20,
            max_geojson_bytes: MAX_FILE_BYTES,
        }
    }
}

/// Reads an event layer from a file (gzip allowed), with `choices` for CSVs whose columns
/// are not recognised.
///
/// # Errors
/// The file cannot be read, is not an event layer, or has no event that can be read.
pub fn read_event_layer(path: &Path, choices: &ColumnChoices) -> Result<EventLoad, LoadError> {
    read_event_layer_with(path, choices, &EventLimits::default(), &|_, _| {})
}

/// [`read_event_layer`] within `limits`, telling `progress` how many bytes of the file
/// (compressed, for gzip) have been read, and the file's length, as it goes.
///
/// # Errors
/// The file cannot be read, is not an event layer, has no event that can be read, or goes
/// past a limit.
pub fn read_event_layer_with(
    path: &Path,
    choices: &ColumnChoices,
    limits: &EventLimits,
    progress: &dyn Fn(u64, u64),
) -> Result<EventLoad, LoadError> {
    let name = path.display().to_string();
    let (file, len) = open_file(path)?;
    let counted = Counted {
        inner: file,
        read: 0,
        reported: 0,
        report: &|read| progress(read, len),
    };
    parse_event_stream(&name, counted, choices, limits)
}

/// Parses an event layer from bytes (gzip allowed) that came from a file called `name`.
///
/// # Errors
/// Not an event layer (no date or no latitude/longitude column), or no event can be read.
pub fn parse_event_layer(
    name: &str,
    bytes: &[u8],
    choices: &ColumnChoices,
) -> Result<EventLoad, LoadError> {
    parse_event_stream(name, bytes, choices, &EventLimits::default())
}

/// Parses an event layer from a stream (gzip allowed) that came from a file called `name`,
/// within `limits`: a CSV is read as it streams, never whole.
///
/// # Errors
/// Not an event layer, no event can be read, the stream breaks, or a limit is passed.
pub fn parse_event_stream(
    name: &str,
    source: impl Read,
    choices: &ColumnChoices,
    limits: &EventLimits,
) -> Result<EventLoad, LoadError> {
    let fail = |m: String| LoadError::single(Diagnostic::error(name, Where::File, m));
    let cannot_read = |e: std::io::Error| fail(format!("cannot read: {e}"));
    let mut raw = BufReader::with_capacity(1 << 16, source);
    let gzip = raw
        .fill_buf()
        .map_err(cannot_read)?
        .starts_with(&[0x1f, 0x8b]);
    let text: Box<dyn Read + '_> = if gzip {
        Box::new(flate2::bufread::MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut text = BufReader::with_capacity(1 << 16, text);
    let start = text.fill_buf().map_err(|e| {
        if gzip {
            fail(format!(
                "is gzip-compressed but cannot be decompressed: {e}"
            ))
        } else {
            cannot_read(e)
        }
    })?;
    if start.starts_with(b"\xEF\xBB\xBF") {
        text.consume(3);
    }
    let load = if is_json(text.fill_buf().map_err(cannot_read)?) {
        let mut bytes = Vec::new();
        text.take(limits.max_geojson_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(format!("cannot read: {e}")))?;
        if bytes.len() as u64 > limits.max_geojson_bytes {
            return Err(fail(format!(
                "is a GeoJSON event layer larger than {}, the most this app reads as \
                 GeoJSON (it is parsed whole): give the events as CSV, which is read as it \
                 streams",
                size_text(limits.max_geojson_bytes)
            )));
        }
        parse_geojson(name, &bytes)?
    } else {
        parse_csv(name, text, choices, limits)?
    };
    if load.layer.is_empty() {
        let mut diagnostics = vec![Diagnostic::error(
            name,
            Where::File,
            format!(
                "has no event that can be read ({} rows left out)",
                load.skipped
            ),
        )];
        diagnostics.extend(load.problems);
        return Err(LoadError { diagnostics });
    }
    Ok(load)
}

/// A size as people read it: "16 MB", or "100 bytes" below a megabyte.
fn size_text(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// A reader that counts the bytes read through it and reports the count every 4 MiB.
struct Counted<'a, R> {
    inner: R,
    read: u64,
    reported: u64,
    report: &'a dyn Fn(u64),
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read >= self.reported + (4 << 20) || n == 0 {
            self.reported = self.read;
            (self.report)(self.read);
        }
        Ok(n)
    }
}

/// The text a CSV reader has been given, the last part of it kept so that a row left out
/// can be located to its column; and the limit on a row's length.
struct Tail {
    /// Bytes given so far.
    given: u64,
    /// The last bytes given: `kept` starts at byte `kept_from` of the text.
    kept: Vec<u8>,
    kept_from: u64,
    /// Where the row being read starts.
    row_start: u64,
    max_row_bytes: u64,
}

/// How much text [`Tail`] keeps: rows up to about this long are located to the column.
const TAIL_BYTES: usize = 1 << 20;

impl Tail {
    /// The text from byte `from` on, if still kept.
    fn from(&self, from: u64) -> Option<&[u8]> {
        let at = usize::try_from(from.checked_sub(self.kept_from)?).ok()?;
        self.kept.get(at..)
    }
}

/// A reader that gives its text to a CSV reader and keeps its [`Tail`].
struct Tailed<R> {
    inner: R,
    tail: std::rc::Rc<std::cell::RefCell<Tail>>,
}

impl<R: Read> Read for Tailed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut t = self.tail.borrow_mut();
        if t.given.saturating_sub(t.row_start) > t.max_row_bytes + (1 << 16) {
            return Err(std::io::Error::other(format!(
                "a row is longer than {}: this is not a table of events (or a quote is \
                 never closed)",
                size_text(t.max_row_bytes)
            )));
        }
        let n = self.inner.read(buf)?;
        let given = &buf[..n];
        if t.kept.len() + n > 2 * TAIL_BYTES {
            // Rows before the one being read are never located again: drop them (then little
            // is left to move), and keep at most TAIL_BYTES of a long row.
            let before_row =
                usize::try_from(t.row_start.saturating_sub(t.kept_from)).unwrap_or(usize::MAX);
            let drop = (t.kept.len() + n)
                .saturating_sub(TAIL_BYTES)
                .max(before_row)
                .min(t.kept.len());
            t.kept.drain(..drop);
            t.kept_from += drop as u64;
        }
        t.kept.extend_from_slice(given);
        t.given += n as u64;
        Ok(n)
    }
}

fn is_json(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    start
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{' || b == b'[')
}

/// Whether bytes (gzip allowed) look like an event layer: a CSV whose header has a date
/// column or at least three columns (a date and two coordinates, to be chosen when their
/// names are not known: no other file this app reads is a CSV), or GeoJSON with points and
/// a date property near the start.
pub fn looks_like_event_layer(bytes: &[u8]) -> bool {
    let head = super::head_of(bytes);
    if is_json(&head) {
        let text = String::from_utf8_lossy(&head);
        let point = text.contains("\"Point\"");
        return point
            && DATE_NAMES
                .iter()
                .any(|d| text.contains(&format!("\"{d}\"")));
    }
    let text = String::from_utf8_lossy(&head);
    let first = text.lines().next().unwrap_or("").to_lowercase();
    first.contains(',')
        && (first.matches(',').count() >= 2
            || first
                .split(',')
                .any(|c| DATE_NAMES.contains(&clean(c).as_str())))
}

/// The header of a CSV event file, its names as written, for choosing columns.
pub fn csv_header(bytes: &[u8]) -> Option<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(strip_bom(bytes));
    let header = reader.headers().ok()?;
    Some(header.iter().map(|h| h.trim().to_owned()).collect())
}

/// The start of a CSV whose columns are to be chosen: its header and first rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvPreview {
    /// The column names as written.
    pub header: Vec<String>,
    /// The first rows' values (up to [`PREVIEW_ROWS`]).
    pub rows: Vec<Vec<String>>,
}

/// Rows a [`CsvPreview`] holds.
pub const PREVIEW_ROWS: usize = 4;

/// The header and first rows of a CSV (the start of a file is enough).
pub fn csv_preview(bytes: &[u8]) -> Option<CsvPreview> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(strip_bom(bytes));
    let header: Vec<String> = reader
        .headers()
        .ok()?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let rows = reader
        .records()
        .take(PREVIEW_ROWS)
        .map_while(Result::ok)
        .map(|r| r.iter().map(|v| v.trim().to_owned()).collect())
        .collect();
    Some(CsvPreview { header, rows })
}

impl CsvPreview {
    /// A guess at the date, latitude and longitude columns: by the values of the first rows
    /// (dates, numbers within ±90 and ±180) and by names (`lat`, `north`, `lon`, `east` …);
    /// otherwise the first three columns.
    pub fn guess(&self) -> [usize; 3] {
        let n = self.header.len();
        let values = |c: usize| self.rows.iter().filter_map(move |r| r.get(c));
        let all = |c: usize, test: &dyn Fn(&str) -> bool| {
            values(c).count() > 0 && values(c).all(|v| test(v))
        };
        let within =
            |limit: f64| move |v: &str| v.trim().parse::<f64>().is_ok_and(|x| x.abs() <= limit);
        let named = |c: usize, hints: &[&str]| {
            let name = self.header[c].to_lowercase();
            hints.iter().any(|h| name.contains(h))
        };
        let date = (0..n)
            .find(|&c| all(c, &|v| parse_day(v.as_bytes()).is_some()))
            .or_else(|| (0..n).find(|&c| named(c, &["date", "time", "when", "day"])))
            .unwrap_or(0);
        let lat_ok = within(90.0);
        let lon_ok = within(180.0);
        let lat = (0..n)
            .filter(|&c| c != date)
            .find(|&c| named(c, &["lat", "north", "breite"]) && all(c, &lat_ok))
            .or_else(|| (0..n).filter(|&c| c != date).find(|&c| all(c, &lat_ok)));
        let lon = (0..n)
            .filter(|&c| c != date && Some(c) != lat)
            .find(|&c| named(c, &["lon", "lng", "east", "länge"]) && all(c, &lon_ok))
            .or_else(|| {
                (0..n)
                    .filter(|&c| c != date && Some(c) != lat)
                    .find(|&c| all(c, &lon_ok))
            });
        match (lat, lon) {
            (Some(lat), Some(lon)) => [date, lat, lon],
            _ => [0, 1.min(n.saturating_sub(1)), 2.min(n.saturating_sub(1))],
        }
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn clean(name: &str) -> String {
    name.trim().trim_matches('"').trim().to_lowercase()
}

/// Names of date columns and properties, in order of preference.
const DATE_NAMES: [&str; 6] = [
    "event_date",
    "date_start",
    "date",
    "day",
    "datetime",
    "time",
];
const LAT_NAMES: [&str; 3] = ["latitude", "lat", "y"];
const LON_NAMES: [&str; 5] = ["longitude", "lon", "lng", "long", "x"];
const KIND_NAMES: [&str; 4] = ["event_type", "type_of_violence", "type", "category"];
const FATALITY_NAMES: [&str; 4] = ["fatalities", "best", "deaths", "killed"];
const ACTOR1_NAMES: [&str; 3] = ["actor1", "side_a", "actor"];
const ACTOR2_NAMES: [&str; 2] = ["actor2", "side_b"];
const NOTES_NAMES: [&str; 5] = [
    "notes",
    "source_headline",
    "description",
    "summary",
    "title",
];
const SOURCE_NAMES: [&str; 4] = ["source", "source_article", "source_original", "url"];
const ID_NAMES: [&str; 3] = ["event_id_cnty", "id", "event_id"];

/// How an event's type is read.
#[derive(Clone, Copy, Debug)]
enum KindColumn {
    /// ACLED's `event_type`: its six names, others added as met.
    Acled(usize),
    /// UCDP's `type_of_violence`: 1, 2 or 3.
    Ucdp(usize),
    /// Any text column.
    Text(usize),
    /// No type: every event is an "Event".
    None,
}

/// Which column holds what.
#[derive(Clone, Debug)]
struct Columns {
    format: EventFormat,
    date: usize,
    lat: usize,
    lon: usize,
    kind: KindColumn,
    fatalities: Option<usize>,
    actors: [Option<usize>; 2],
    country: Option<usize>,
    texts: [Option<usize>; 3],
}

fn find(names: &[String], wanted: &[&str]) -> Option<usize> {
    wanted
        .iter()
        .find_map(|w| names.iter().position(|n| n == w))
}

/// Recognises a header: ACLED by `event_date`, `event_type`, `latitude`, `longitude`; UCDP by
/// `date_start`, `type_of_violence`, `latitude`, `longitude`; else any date and coordinates,
/// or the columns chosen for this header.
fn columns(raw: &[String], choices: &ColumnChoices) -> Option<Columns> {
    let names: Vec<String> = raw.iter().map(|n| clean(n)).collect();
    let has = |n: &str| names.iter().any(|m| m == n);
    let chosen = choices.get(&header_key(raw)).and_then(|c| {
        let at = |n: &str| raw.iter().position(|r| r.trim() == n);
        Some((at(&c.date)?, at(&c.latitude)?, at(&c.longitude)?))
    });
    let format = if has("event_date") && has("event_type") && has("latitude") && has("longitude") {
        EventFormat::Acled
    } else if has("date_start") && has("type_of_violence") && has("latitude") && has("longitude") {
        EventFormat::Ucdp
    } else {
        EventFormat::Csv
    };
    let (date, lat, lon) = match chosen {
        Some(c) => c,
        None => (
            find(&names, &DATE_NAMES)?,
            find(&names, &LAT_NAMES)?,
            find(&names, &LON_NAMES)?,
        ),
    };
    let kind = match (format, find(&names, &KIND_NAMES)) {
        (EventFormat::Acled, Some(k)) => KindColumn::Acled(k),
        (EventFormat::Ucdp, Some(k)) => KindColumn::Ucdp(k),
        (_, Some(k)) if names.get(k).is_some_and(|n| n == "type_of_violence") => {
            KindColumn::Ucdp(k)
        }
        (_, Some(k)) => KindColumn::Text(k),
        (_, None) => KindColumn::None,
    };
    Some(Columns {
        format,
        date,
        lat,
        lon,
        kind,
        fatalities: find(&names, &FATALITY_NAMES),
        actors: [find(&names, &ACTOR1_NAMES), find(&names, &ACTOR2_NAMES)],
        country: find(&names, &["country"]),
        texts: [
            find(&names, &NOTES_NAMES),
            find(&names, &SOURCE_NAMES),
            find(&names, &ID_NAMES),
        ],
    })
}

/// A fast hash for short names (FxHash's mixing, eight bytes at a time): interning hashes
/// two or three names a row, and SipHash's resistance to chosen keys buys nothing here.
#[derive(Default)]
struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Interns names: each distinct text once.
#[derive(Default)]
struct Interner {
    index: HashMap<Vec<u8>, u32, std::hash::BuildHasherDefault<NameHasher>>,
    strings: Vec<String>,
}

impl Interner {
    fn new() -> Self {
        let mut i = Self::default();
        i.intern(b"");
        i
    }

    fn intern(&mut self, text: &[u8]) -> u32 {
        let text = text.trim_ascii();
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        let i = u32::try_from(self.strings.len()).unwrap_or(u32::MAX);
        self.strings
            .push(String::from_utf8_lossy(text).into_owned());
        self.index.insert(text.to_vec(), i);
        i
    }
}

/// Event types met so far, with the format's own types first.
struct Kinds {
    names: Vec<String>,
}

impl Kinds {
    fn for_format(kind: KindColumn) -> Self {
        let names = match kind {
            KindColumn::Acled(_) => ACLED_TYPES.iter().map(|s| (*s).to_owned()).collect(),
            KindColumn::Ucdp(_) => UCDP_TYPES.iter().map(|s| (*s).to_owned()).collect(),
            KindColumn::Text(_) => Vec::new(),
            KindColumn::None => vec!["Event".to_owned()],
        };
        Self { names }
    }

    /// The index of a type name, added when new (at most 255 types; then "Other").
    fn index(&mut self, text: &[u8]) -> u8 {
        let text = text.trim_ascii();
        if let Some(i) = self.names.iter().position(|n| n.as_bytes() == text) {
            return u8::try_from(i).unwrap_or(u8::MAX);
        }
        if self.names.len() >= 255 {
            return self.index(b"Other");
        }
        self.names.push(String::from_utf8_lossy(text).into_owned());
        u8::try_from(self.names.len() - 1).unwrap_or(u8::MAX)
    }
}

/// Why a field cannot be read: the column and the message.
type FieldError = (usize, String);

/// The columns of one layer as they are read, in file order.
struct Builder {
    layer: EventLayer,
    interner: Interner,
    kinds: Kinds,
    texts: EventTexts,
    skipped: usize,
    problems: Vec<Diagnostic>,
}

impl Builder {
    fn new(name: &str, format: EventFormat, kind: KindColumn) -> Self {
        Self {
            layer: EventLayer {
                name: name.to_owned(),
                format: Some(format),
                ..EventLayer::default()
            },
            interner: Interner::new(),
            kinds: Kinds::for_format(kind),
            texts: EventTexts::default(),
            skipped: 0,
            problems: Vec::new(),
        }
    }

    fn skip(&mut self, diagnostic: impl FnOnce() -> Diagnostic) {
        self.skipped += 1;
        if self.problems.len() < MAX_DIAGNOSTICS {
            self.problems.push(diagnostic());
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        day: i32,
        lon_lat: [f32; 2],
        fatalities: u32,
        kind: u8,
        actors: [u32; 2],
        country: u32,
    ) {
        let l = &mut self.layer;
        l.day.push(day);
        l.lon.push(lon_lat[0]);
        l.lat.push(lon_lat[1]);
        l.fatalities.push(fatalities);
        l.kind.push(kind);
        l.actors.push(actors);
        l.country.push(country);
    }

    /// The layer, sorted by date, with the texts and the rows left out.
    fn finish(mut self) -> EventLoad {
        self.layer.kinds = self.kinds.names;
        self.layer.strings = self.interner.strings;
        self.layer.texts = self.texts;
        sort_by_day(&mut self.layer);
        EventLoad {
            layer: self.layer,
            skipped: self.skipped,
            problems: self.problems,
        }
    }
}

/// Sorts every column by date (stable: events of one day keep the file's order).
fn sort_by_day(layer: &mut EventLayer) {
    if layer.day.is_sorted() {
        return;
    }
    let n = u32::try_from(layer.len()).unwrap_or(u32::MAX);
    let order: Vec<u32> = if layer.day.is_sorted_by(|a, b| a >= b) {
        // Newest first, as ACLED exports: the runs of one day, the last run first, each in
        // the file's order. No sort needed.
        let mut order = Vec::with_capacity(layer.len());
        let mut end = n;
        while end > 0 {
            let d = layer.day[end as usize - 1];
            let mut start = end - 1;
            while start > 0 && layer.day[start as usize - 1] == d {
                start -= 1;
            }
            order.extend(start..end);
            end = start;
        }
        order
    } else {
        let mut order: Vec<u32> = (0..n).collect();
        order.sort_by_key(|&i| layer.day[i as usize]);
        order
    };
    fn permute<T: Copy>(v: &mut Vec<T>, order: &[u32]) {
        *v = order.iter().map(|&i| v[i as usize]).collect();
    }
    permute(&mut layer.day, &order);
    permute(&mut layer.lon, &order);
    permute(&mut layer.lat, &order);
    permute(&mut layer.fatalities, &order);
    permute(&mut layer.kind, &order);
    permute(&mut layer.actors, &order);
    permute(&mut layer.country, &order);
    layer.texts.reorder(&order);
}

fn parse_csv(
    name: &str,
    text: impl Read,
    choices: &ColumnChoices,
    limits: &EventLimits,
) -> Result<EventLoad, LoadError> {
    let fail = |m: String| LoadError::single(Diagnostic::error(name, Where::File, m));
    let tail = std::rc::Rc::new(std::cell::RefCell::new(Tail {
        given: 0,
        kept: Vec::with_capacity(2 * TAIL_BYTES),
        kept_from: 0,
        row_start: 0,
        max_row_bytes: limits.max_row_bytes,
    }));
    let tailed = Tailed {
        inner: text,
        tail: tail.clone(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(tailed);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| fail(format!("cannot read the header: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let Some(cols) = columns(&header, choices) else {
        return Err(fail(format!(
            "is not an event layer: no date column (event_date, date_start, date …) or no \
             latitude/longitude columns among: {}",
            shorten(&header.join(", "))
        )));
    };
    let mut b = Builder::new(name, cols.format, cols.kind);
    // Two threads: this one reads the rows (csv, then dates, coordinates and counts, and
    // the places of the rows left out); the other interns the names and keeps the texts, in
    // the file's order, so the layer is the same as one thread would build.
    let (mut b, skips) = std::thread::scope(|scope| -> Result<(Builder, Skips), LoadError> {
        let (send, receive) = std::sync::mpsc::sync_channel::<RowBatch>(4);
        let (give_back, spare) = std::sync::mpsc::channel::<Vec<csv::ByteRecord>>();
        let cols = &cols;
        let builder = scope.spawn(move || {
            for batch in receive {
                batch.add_to(&mut b, cols);
                // The reading thread may have finished: then the records are dropped.
                let _ = give_back.send(batch.records);
            }
            b
        });
        let read = read_rows(name, &mut reader, &tail, cols, limits, &send, &spare);
        drop(send);
        let b = builder.join().map_err(|_| {
            fail("could not be read: the thread building the layer stopped".to_owned())
        })?;
        Ok((b, read?))
    })?;
    b.skipped = skips.skipped;
    b.problems = skips.problems;
    Ok(b.finish())
}

/// The rows left out so far: how many, and the first [`MAX_DIAGNOSTICS`] places and reasons.
#[derive(Default)]
struct Skips {
    skipped: usize,
    problems: Vec<Diagnostic>,
}

impl Skips {
    fn skip(&mut self, diagnostic: impl FnOnce() -> Diagnostic) {
        self.skipped += 1;
        if self.problems.len() < MAX_DIAGNOSTICS {
            self.problems.push(diagnostic());
        }
    }
}

/// Rows sent from the reading thread to the building one.
const BATCH_ROWS: usize = 2048;

/// Rows read and checked, for the thread that builds the layer: each row's values and its
/// record (for the names and texts). The records go back to the reading thread to be read
/// into again.
#[derive(Default)]
struct RowBatch {
    rows: Vec<RowValues>,
    records: Vec<csv::ByteRecord>,
}

impl RowBatch {
    /// Adds the rows to the layer: types and names interned in the file's order.
    fn add_to(&self, b: &mut Builder, cols: &Columns) {
        let keeps_texts = cols.texts.iter().any(Option::is_some);
        for (values, record) in self.rows.iter().zip(&self.records) {
            let text = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or(b"");
            let kind = match (values.kind, cols.kind) {
                (Some(kind), _) => kind,
                (None, KindColumn::Acled(c) | KindColumn::Text(c)) => b.kinds.index(text(Some(c))),
                (None, KindColumn::Ucdp(_) | KindColumn::None) => 0,
            };
            let mut actors = [0u32; 2];
            for (slot, column) in actors.iter_mut().zip(cols.actors) {
                if let Some(text) = column.and_then(|c| record.get(c)) {
                    *slot = b.interner.intern(text);
                }
            }
            let country = cols
                .country
                .and_then(|c| record.get(c))
                .map_or(0, |t| b.interner.intern(t));
            b.push(
                values.day,
                values.lon_lat,
                values.fatalities,
                kind,
                actors,
                country,
            );
            if keeps_texts {
                b.texts.push([
                    text(cols.texts[0]),
                    text(cols.texts[1]),
                    text(cols.texts[2]),
                ]);
            }
        }
    }
}

/// Reads the rows after the header, checks each, and sends those that can be read to the
/// building thread in batches; returns the rows left out.
fn read_rows<R: Read>(
    name: &str,
    reader: &mut csv::Reader<R>,
    tail: &std::cell::RefCell<Tail>,
    cols: &Columns,
    limits: &EventLimits,
    send: &std::sync::mpsc::SyncSender<RowBatch>,
    spare: &std::sync::mpsc::Receiver<Vec<csv::ByteRecord>>,
) -> Result<Skips, LoadError> {
    let fail = |m: String| LoadError::single(Diagnostic::error(name, Where::File, m));
    let mut skips = Skips::default();
    let mut batch = RowBatch::default();
    let mut read_ok = 0usize;
    // Records to read into: those the building thread has given back, else new ones.
    let mut records: Vec<csv::ByteRecord> = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let row_line = reader.position().line();
        let read = reader.read_byte_record(&mut record);
        // The next row starts where the reader is now.
        tail.borrow_mut().row_start = reader.position().byte();
        match read {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(row_line, csv::Position::line);
                let line = usize::try_from(line).unwrap_or(0);
                let at = Where::LineColumn { line, column: 1 };
                if let csv::ErrorKind::Io(io) = e.kind() {
                    // The file ends early (a broken download, a truncated gzip) or a row has
                    // no end: nothing half-read is kept.
                    return Err(fail(format!("cannot be read past line {line}: {io}")));
                }
                skips.skip(|| Diagnostic::error(name, at, e.to_string()));
                if !matches!(
                    e.kind(),
                    csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }
                ) {
                    break;
                }
                continue;
            }
        }
        let Some(pos) = record.position() else {
            continue;
        };
        match row_values(&record, cols) {
            Ok(values) => {
                read_ok += 1;
                if read_ok > limits.max_events {
                    return Err(fail(format!(
                        "has more than {} events, the most one layer holds: split it (by \
                         year or by region) into several layers",
                        limits.max_events
                    )));
                }
                if records.is_empty() {
                    records = spare.try_recv().unwrap_or_default();
                }
                let next = records.pop().unwrap_or_default();
                batch.rows.push(values);
                batch.records.push(std::mem::replace(&mut record, next));
                if batch.rows.len() >= BATCH_ROWS && send.send(std::mem::take(&mut batch)).is_err()
                {
                    break;
                }
            }
            Err((field, message)) => {
                let line = usize::try_from(pos.line()).unwrap_or(0);
                let t = tail.borrow();
                let column = t.from(pos.byte()).map_or_else(
                    || record_column(&record, field),
                    |text| field_column(text, 0, field),
                );
                drop(t);
                skips.skip(|| Diagnostic::error(name, Where::LineColumn { line, column }, message));
            }
        }
    }
    if !batch.rows.is_empty() {
        // The building thread only stops early when it has failed, which `join` reports.
        let _ = send.send(batch);
    }
    Ok(skips)
}

/// The column where field `field` starts, from a record whose text is no longer kept
/// (a row longer than [`TAIL_BYTES`]): counted as if no field before it was quoted.
fn record_column(record: &csv::ByteRecord, field: usize) -> usize {
    record
        .iter()
        .take(field)
        .map(|f| String::from_utf8_lossy(f).chars().count() + 1)
        .sum::<usize>()
        + 1
}

fn field<'r>(
    record: &'r csv::ByteRecord,
    column: usize,
    what: &str,
) -> Result<&'r [u8], FieldError> {
    record
        .get(column)
        .ok_or_else(|| (column, format!("the row ends before its {what}")))
}

/// What a row gives besides its names and texts: its day, place, fatalities, and its type
/// when the format fixes the types (UCDP, or no type column).
#[derive(Clone, Copy)]
struct RowValues {
    day: i32,
    lon_lat: [f32; 2],
    fatalities: u32,
    kind: Option<u8>,
}

/// Reads and checks a row's date, coordinates, fatalities and type.
fn row_values(record: &csv::ByteRecord, cols: &Columns) -> Result<RowValues, FieldError> {
    let date = field(record, cols.date, "date")?;
    let day = parse_day(date).ok_or_else(|| {
        (
            cols.date,
            format!(
                "'{}' is not a date (YYYY-MM-DD or 16 May 2025)",
                shorten(&String::from_utf8_lossy(date))
            ),
        )
    })?;
    let lat = parse_coordinate(field(record, cols.lat, "latitude")?, 90.0, "latitude")
        .map_err(|m| (cols.lat, m))?;
    let lon = parse_coordinate(field(record, cols.lon, "longitude")?, 180.0, "longitude")
        .map_err(|m| (cols.lon, m))?;
    let fatalities = match cols.fatalities {
        Some(c) => parse_count(field(record, c, "fatalities")?).map_err(|m| (c, m))?,
        None => 0,
    };
    let kind = match cols.kind {
        KindColumn::Acled(c) | KindColumn::Text(c) => {
            field(record, c, "type")?;
            None
        }
        KindColumn::Ucdp(c) => {
            let t = field(record, c, "type of violence")?;
            match t.trim_ascii() {
                b"1" => Some(0),
                b"2" => Some(1),
                b"3" => Some(2),
                other => {
                    return Err((
                        c,
                        format!(
                            "type_of_violence is '{}', not 1, 2 or 3",
                            shorten(&String::from_utf8_lossy(other))
                        ),
                    ));
                }
            }
        }
        KindColumn::None => Some(0),
    };
    Ok(RowValues {
        day,
        lon_lat: [lon as f32, lat as f32],
        fatalities,
        kind,
    })
}

fn parse_coordinate(text: &[u8], limit: f64, what: &str) -> Result<f64, String> {
    let t = std::str::from_utf8(text).unwrap_or("").trim();
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Ok(v),
        Ok(_) => Err(format!("{what} {t} is outside ±{limit}")),
        Err(_) => Err(format!(
            "{what} '{}' is not a number",
            shorten(&String::from_utf8_lossy(text))
        )),
    }
}

fn parse_count(text: &[u8]) -> Result<u32, String> {
    let t = text.trim_ascii();
    if t.is_empty() {
        return Ok(0);
    }
    std::str::from_utf8(t)
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .ok_or_else(|| {
            format!(
                "fatalities '{}' is not a whole number",
                shorten(&String::from_utf8_lossy(t))
            )
        })
}

/// The column (characters from 1) where field `field` of the record at byte `offset` starts;
/// past the end of the line when the row has fewer fields.
fn field_column(bytes: &[u8], offset: usize, field: usize) -> usize {
    let Some(rest) = bytes.get(offset..) else {
        return 1;
    };
    let (mut index, mut quoted, mut line_start) = (0usize, false, 0usize);
    let mut end = rest.len();
    for (i, &c) in rest.iter().enumerate() {
        if index == field {
            end = i;
            break;
        }
        match c {
            b'"' => quoted = !quoted,
            b',' if !quoted => index += 1,
            b'\n' if quoted => line_start = i + 1,
            b'\n' | b'\r' => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let text = rest.get(line_start..end).unwrap_or_default();
    String::from_utf8_lossy(text).chars().count() + 1
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A day number (days since 1970-01-01) from `YYYY-MM-DD` (a time after it is ignored) or
/// `16 May 2025` (month names in full or in three letters).
pub fn parse_day(text: &[u8]) -> Option<i32> {
    let t = text.trim_ascii();
    let digits = |s: &[u8]| -> Option<i32> {
        if s.is_empty() || s.len() > 4 || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(s.iter().fold(0, |n, d| n * 10 + i32::from(d - b'0')))
    };
    if t.len() >= 10 && t[4] == b'-' && t[7] == b'-' && (t.len() == 10 || !t[10].is_ascii_digit()) {
        return day_number(digits(&t[..4])?, digits(&t[5..7])?, digits(&t[8..10])?);
    }
    let mut parts = t
        .split(|&c| c == b' ' || c == b'-')
        .filter(|p| !p.is_empty());
    let day = digits(parts.next()?)?;
    let month_text = parts.next()?.to_ascii_lowercase();
    let year = parts.next()?;
    if parts.next().is_some() || month_text.len() < 3 || year.len() != 4 {
        return None;
    }
    let month = MONTHS
        .iter()
        .position(|m| month_text.starts_with(m.as_bytes()))?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let name = full.get(month)?;
    if !(month_text.len() == 3
        || name.as_bytes() == month_text.as_slice()
        || (month == 8 && month_text == b"sept"))
    {
        return None;
    }
    day_number(digits(year)?, i32::try_from(month).ok()? + 1, day)
}

/// Days since 1970-01-01 of a real calendar date (Howard Hinnant's `days_from_civil`).
fn day_number(year: i32, month: i32, day: i32) -> Option<i32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > length {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// An event's notes, source and id, as the file gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventDetails {
    /// What happened, in the file's words.
    pub notes: String,
    /// Where it was reported.
    pub source: String,
    /// The file's id for it.
    pub id: String,
}

/// The notes, source and id of event `i` (in date order), as the file gives them.
pub fn event_details(layer: &EventLayer, i: usize) -> EventDetails {
    layer
        .texts
        .get(i)
        .map_or_else(EventDetails::default, |[notes, source, id]| EventDetails {
            notes,
            source,
            id,
        })
}

/// Reads GeoJSON points with a date property.
fn parse_geojson(name: &str, bytes: &[u8]) -> Result<EventLoad, LoadError> {
    let fail = |m: String| LoadError::single(Diagnostic::error(name, Where::File, m));
    let value: serde_json::Value = serde_json::from_slice(strip_bom(bytes)).map_err(|e| {
        LoadError::single(Diagnostic::error(
            name,
            Where::LineColumn {
                line: e.line(),
                column: e.column(),
            },
            format!("is not valid JSON: {e}"),
        ))
    })?;
    let Some(features) = value.get("features").and_then(|f| f.as_array()) else {
        return Err(fail(
            "is not a GeoJSON FeatureCollection: no \"features\" array".to_owned(),
        ));
    };
    let kind_name = features.iter().find_map(|f| {
        let p = f.get("properties")?.as_object()?;
        KIND_NAMES.iter().find(|k| p.contains_key(**k)).copied()
    });
    let kind = match kind_name {
        Some("event_type") => KindColumn::Acled(0),
        Some("type_of_violence") => KindColumn::Ucdp(0),
        Some(_) => KindColumn::Text(0),
        None => KindColumn::None,
    };
    let format = EventFormat::GeoJson;
    let mut b = Builder::new(name, format, kind);
    for (index, feature) in features.iter().enumerate() {
        if let Err(message) = read_feature(feature, kind, kind_name, &mut b) {
            b.skip(|| Diagnostic::error(name, Where::Feature { index, key: None }, message));
        }
    }
    Ok(b.finish())
}

fn read_feature(
    feature: &serde_json::Value,
    kind: KindColumn,
    kind_name: Option<&str>,
    b: &mut Builder,
) -> Result<(), String> {
    use serde_json::Value;
    let coordinates = feature
        .pointer("/geometry/coordinates")
        .and_then(Value::as_array)
        .filter(|_| feature.pointer("/geometry/type") == Some(&Value::from("Point")))
        .ok_or("is not a Point")?;
    let (Some(lon), Some(lat)) = (
        coordinates.first().and_then(Value::as_f64),
        coordinates.get(1).and_then(Value::as_f64),
    ) else {
        return Err("its coordinates are not two numbers".to_owned());
    };
    if lon.abs() > 180.0 || lat.abs() > 90.0 {
        return Err(format!("its position {lon}, {lat} is not on the Earth"));
    }
    let empty = serde_json::Map::new();
    let props = feature
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let text = |keys: &[&str]| -> String {
        keys.iter()
            .find_map(|k| props.get(*k))
            .map(|v| match v {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            })
            .unwrap_or_default()
    };
    let date = text(&DATE_NAMES);
    let day = parse_day(date.as_bytes()).ok_or_else(|| {
        format!(
            "'{}' is not a date (YYYY-MM-DD or 16 May 2025)",
            shorten(&date)
        )
    })?;
    let fatalities = parse_count(text(&FATALITY_NAMES).as_bytes())?;
    let kind = match (kind, kind_name) {
        (KindColumn::Ucdp(_), _) => match text(&["type_of_violence"]).as_str() {
            "1" => 0,
            "2" => 1,
            "3" => 2,
            other => {
                return Err(format!(
                    "type_of_violence is '{}', not 1, 2 or 3",
                    shorten(other)
                ));
            }
        },
        (KindColumn::None, _) | (_, None) => 0,
        (_, Some(k)) => b.kinds.index(text(&[k]).as_bytes()),
    };
    let actors = [
        b.interner.intern(text(&ACTOR1_NAMES).as_bytes()),
        b.interner.intern(text(&ACTOR2_NAMES).as_bytes()),
    ];
    let country = b.interner.intern(text(&["country"]).as_bytes());
    b.push(
        day,
        [lon as f32, lat as f32],
        fatalities,
        kind,
        actors,
        country,
    );
    let [notes, source, id] = [text(&NOTES_NAMES), text(&SOURCE_NAMES), text(&ID_NAMES)];
    b.texts
        .push([notes.as_bytes(), source.as_bytes(), id.as_bytes()]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_from_both_date_forms() {
        assert_eq!(parse_day(b"1970-01-01"), Some(0));
        assert_eq!(parse_day(b"2025-05-16"), parse_day(b"16 May 2025"));
        assert_eq!(parse_day(b"16 May 2025"), Some(20_224));
        assert_eq!(
            parse_day(b"2019-01-03 00:00:00.000"),
            parse_day(b"03 January 2019")
        );
        assert_eq!(parse_day(b"2024-02-29"), Some(19_782));
        assert_eq!(parse_day(b"2023-02-29"), None);
        assert_eq!(parse_day(b"16 Mai 2025"), None);
        assert_eq!(parse_day(b"2025-5-16"), None);
        assert_eq!(parse_day(b""), None);
    }

    fn layer_of_days(days: &[i32]) -> EventLayer {
        let n = days.len();
        let mut layer = EventLayer {
            day: days.to_vec(),
            lon: (0..n).map(|i| i as f32).collect(),
            lat: vec![0.0; n],
            fatalities: vec![0; n],
            kind: vec![0; n],
            actors: vec![[0, 0]; n],
            country: vec![0; n],
            ..EventLayer::default()
        };
        for i in 0..n {
            layer.texts.push([b"", b"", i.to_string().as_bytes()]);
        }
        layer
    }

    fn ids(layer: &EventLayer) -> Vec<String> {
        (0..layer.len())
            .map(|i| layer.texts.get(i).map(|[_, _, id]| id).unwrap_or_default())
            .collect()
    }

    #[test]
    fn layers_are_sorted_by_date_keeping_the_file_order_within_a_day() {
        // Newest first, as ACLED exports: no sort, the runs of one day reversed.
        let mut layer = layer_of_days(&[9, 9, 7, 5, 5, 5]);
        sort_by_day(&mut layer);
        assert_eq!(layer.day, [5, 5, 5, 7, 9, 9]);
        assert_eq!(layer.lon, [3.0, 4.0, 5.0, 2.0, 0.0, 1.0]);
        assert_eq!(ids(&layer), ["3", "4", "5", "2", "0", "1"]);
        // Any other order: a stable sort.
        let mut layer = layer_of_days(&[7, 5, 9, 5, 7]);
        sort_by_day(&mut layer);
        assert_eq!(layer.day, [5, 5, 7, 7, 9]);
        assert_eq!(ids(&layer), ["1", "3", "0", "4", "2"]);
    }

    #[test]
    fn field_columns_count_characters_and_skip_quoted_commas() {
        let text = b"a,b,c\n\"x, y\",\xC3\xA9t\xC3\xA9,zz\n";
        assert_eq!(field_column(text, 6, 0), 1);
        assert_eq!(field_column(text, 6, 1), 8);
        assert_eq!(field_column(text, 6, 2), 12);
        assert_eq!(field_column(text, 6, 3), 14);
    }
}
