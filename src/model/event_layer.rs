//! Conflict-event layers (ACLED, UCDP GED, any dated points) held in columns: one vector per
//! field, sorted by date once when the layer loads, so the events in a time window are a
//! range found by binary search. Actor and country names are interned; the notes, the
//! source and the id of each event are kept as text ([`EventTexts`]) and read when someone
//! asks for them (`crate::io::event_details`).

use std::ops::Range;

use super::Day;

/// Where an event layer came from, which decides how its types are named and coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventFormat {
    /// An ACLED export.
    Acled,
    /// A UCDP GED CSV.
    Ucdp,
    /// A CSV with a date and latitude/longitude columns.
    Csv,
    /// GeoJSON points with a date property.
    GeoJson,
}

impl EventFormat {
    /// The format's name as people know it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Acled => "ACLED",
            Self::Ucdp => "UCDP GED",
            Self::Csv => "CSV",
            Self::GeoJson => "GeoJSON",
        }
    }
}

/// ACLED's six event types.
pub const ACLED_TYPES: [&str; 6] = [
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Riots",
    "Protests",
    "Strategic developments",
];

/// UCDP's three types of violence (`type_of_violence` 1, 2, 3).
pub const UCDP_TYPES: [&str; 3] = [
    "State-based conflict",
    "Non-state conflict",
    "One-sided violence",
];

/// Every event's notes, source and id, kept as text apart from the file: one run of bytes
/// holding each row's three texts (each ended by the unit separator 0x1F), where each row
/// starts, and the row of each event in date order. Memory follows the texts kept, not the
/// file: the other columns of an ACLED export are not held twice.
#[derive(Clone, Debug, Default)]
pub struct EventTexts {
    text: Vec<u8>,
    /// Where each row's texts start in `text` (rows in the order they were added).
    starts: Vec<u64>,
    /// The row of each event, in date order.
    rows: Vec<u32>,
}

/// Ends each of a row's texts in [`EventTexts`].
const TEXT_END: u8 = 0x1F;

impl EventTexts {
    /// Adds the notes, source and id of the next event (in the order read).
    pub fn push(&mut self, texts: [&[u8]; 3]) {
        let row = u32::try_from(self.starts.len()).unwrap_or(u32::MAX);
        self.starts.push(self.text.len() as u64);
        for t in texts {
            let t = t.trim_ascii();
            // A unit separator inside a text (never met in practice) reads as a space.
            if t.contains(&TEXT_END) {
                self.text
                    .extend(t.iter().map(|&b| if b == TEXT_END { b' ' } else { b }));
            } else {
                self.text.extend_from_slice(t);
            }
            self.text.push(TEXT_END);
        }
        self.rows.push(row);
    }

    /// How many events have texts.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no event has texts.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        self.text.len() + self.starts.len() * 8 + self.rows.len() * 4
    }

    /// The notes, source and id of event `i` (in date order); `None` past the end.
    pub fn get(&self, i: usize) -> Option<[String; 3]> {
        let row = *self.rows.get(i)? as usize;
        let start = usize::try_from(*self.starts.get(row)?).ok()?;
        let end = self
            .starts
            .get(row + 1)
            .map_or(Some(self.text.len()), |&e| usize::try_from(e).ok())?;
        let mut parts = self.text.get(start..end)?.split(|&b| b == TEXT_END);
        let mut next = || String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        Some([next(), next(), next()])
    }

    /// Puts the events in a new order: event `k` becomes the one that was `order[k]`.
    pub fn reorder(&mut self, order: &[u32]) {
        if self.rows.len() == order.len() {
            self.rows = order
                .iter()
                .map(|&i| self.rows.get(i as usize).copied().unwrap_or(0))
                .collect();
        }
    }
}

/// An event layer: every event's date, place, fatalities, type and actors, in date order.
#[derive(Clone, Debug, Default)]
pub struct EventLayer {
    /// The file's name as the person knows it.
    pub name: String,
    /// The format it was read as.
    pub format: Option<EventFormat>,
    /// Day of each event, ascending.
    pub day: Vec<i32>,
    /// Longitude, degrees.
    pub lon: Vec<f32>,
    /// Latitude, degrees.
    pub lat: Vec<f32>,
    /// Reported fatalities.
    pub fatalities: Vec<u32>,
    /// Type, an index into [`Self::kinds`].
    pub kind: Vec<u8>,
    /// The type names.
    pub kinds: Vec<String>,
    /// First and second actor, indices into [`Self::strings`] (0 is the empty name).
    pub actors: Vec<[u32; 2]>,
    /// Country named by the file, an index into [`Self::strings`] (0 when none).
    pub country: Vec<u32>,
    /// Interned names: actors and countries.
    pub strings: Vec<String>,
    /// Notes, sources and ids.
    pub texts: EventTexts,
}

/// Which events the layer shows at a date: those of the last so many days, or all so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum EventWindow {
    /// The last `n` days, the slider's date included.
    Days(u16),
    /// Every event up to the slider's date.
    All,
}

impl Default for EventWindow {
    fn default() -> Self {
        Self::Days(30)
    }
}

impl EventWindow {
    /// The windows offered in the app.
    pub const CHOICES: [Self; 5] = [
        Self::Days(7),
        Self::Days(30),
        Self::Days(90),
        Self::Days(365),
        Self::All,
    ];

    /// Its name on screen and on the command line (`30d`, `all`).
    pub fn label(self) -> String {
        match self {
            Self::Days(n) => format!("{n}d"),
            Self::All => "all".to_owned(),
        }
    }

    /// The days in the window ending at `date`: from (inclusive) and to (inclusive).
    pub fn days(self, date: Day) -> (i32, i32) {
        match self {
            Self::Days(n) => (date.0 - i32::from(n) + 1, date.0),
            Self::All => (i32::MIN, date.0),
        }
    }

    /// How strongly an event `age` days old is drawn: 1 on the day, fading to 0.3 at the
    /// window's start (everything-so-far fades over a year, then stays at 0.3).
    pub fn strength(self, age: i32) -> f32 {
        let length = match self {
            Self::Days(n) => f32::from(n),
            Self::All => 365.0,
        };
        let t = (age.max(0) as f32 / length).min(1.0);
        1.0 - 0.7 * t
    }
}

/// Reads `7d`, `30d`, `90d`, `365d` (the `d` may be left out) or `all`.
///
/// # Errors
/// Any other text, with what is accepted.
pub fn parse_window(text: &str) -> Result<EventWindow, String> {
    let t = text.trim().to_ascii_lowercase();
    if t == "all" {
        return Ok(EventWindow::All);
    }
    let digits = t.strip_suffix('d').unwrap_or(&t);
    match digits.parse::<u16>() {
        Ok(n) if n > 0 => Ok(EventWindow::Days(n)),
        _ => Err(format!(
            "'{text}' is not a window: give a number of days such as 7d, 30d, 90d or 365d, or 'all'"
        )),
    }
}

/// Which events are shown: types left out and text that an actor's name must contain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct EventFilter {
    /// Type names left out.
    pub hidden_kinds: Vec<String>,
    /// Text an actor must contain (case-insensitive); empty for every actor.
    pub actor: String,
}

/// An [`EventFilter`] prepared for one layer: a flag per type and per interned name.
#[derive(Clone, Debug)]
pub struct LayerFilter {
    kind_shown: Vec<bool>,
    actor_match: Option<Vec<bool>>,
    key: u64,
}

impl LayerFilter {
    /// Prepares `filter` for `layer`.
    pub fn new(layer: &EventLayer, filter: &EventFilter) -> Self {
        let kind_shown = layer
            .kinds
            .iter()
            .map(|k| !filter.hidden_kinds.contains(k))
            .collect();
        let needle = filter.actor.trim().to_lowercase();
        let actor_match = (!needle.is_empty()).then(|| {
            layer
                .strings
                .iter()
                .map(|s| s.to_lowercase().contains(&needle))
                .collect()
        });
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        filter.hash(&mut h);
        Self {
            kind_shown,
            actor_match,
            key: h.finish(),
        }
    }

    /// A hash of the filter it was made from: equal filters, equal keys.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Whether it shows every event.
    pub fn shows_all(&self) -> bool {
        self.actor_match.is_none() && self.kind_shown.iter().all(|&k| k)
    }

    /// Whether event `i` of `layer` is shown.
    pub fn shows(&self, layer: &EventLayer, i: usize) -> bool {
        let kind = layer.kind.get(i).copied().unwrap_or(0) as usize;
        if !self.kind_shown.get(kind).copied().unwrap_or(true) {
            return false;
        }
        match &self.actor_match {
            None => true,
            Some(m) => layer.actors.get(i).is_some_and(|a| {
                a.iter()
                    .any(|&s| s != 0 && m.get(s as usize).copied().unwrap_or(false))
            }),
        }
    }
}

impl EventLayer {
    /// How many events.
    pub fn len(&self) -> usize {
        self.day.len()
    }

    /// Whether it has no events.
    pub fn is_empty(&self) -> bool {
        self.day.is_empty()
    }

    /// The indices of the events in `window` ending at `date`, by binary search.
    pub fn in_window(&self, date: Day, window: EventWindow) -> Range<usize> {
        let (from, to) = self.days(date, window);
        from..to
    }

    fn days(&self, date: Day, window: EventWindow) -> (usize, usize) {
        let (first, last) = window.days(date);
        let start = self.day.partition_point(|&d| d < first);
        let end = self.day.partition_point(|&d| d <= last);
        (start, end.max(start))
    }

    /// The first and last day, if any event.
    pub fn span(&self) -> Option<(Day, Day)> {
        Some((Day(*self.day.first()?), Day(*self.day.last()?)))
    }

    /// An interned name.
    pub fn string(&self, index: u32) -> &str {
        self.strings.get(index as usize).map_or("", String::as_str)
    }

    /// The type name of event `i`.
    pub fn kind_name(&self, i: usize) -> &str {
        self.kind
            .get(i)
            .and_then(|&k| self.kinds.get(k as usize))
            .map_or("", String::as_str)
    }

    /// Event `i`'s date.
    pub fn date(&self, i: usize) -> Day {
        Day(self.day.get(i).copied().unwrap_or(0))
    }

    /// The actors of event `i`, joined with " – " (either may be missing).
    pub fn actors_text(&self, i: usize) -> String {
        let Some(&[a, b]) = self.actors.get(i) else {
            return String::new();
        };
        match (self.string(a), self.string(b)) {
            ("", "") => String::new(),
            (a, "") | ("", a) => a.to_owned(),
            (a, b) => format!("{a} – {b}"),
        }
    }
}

/// Events and fatalities per month over a layer's whole span, for events that `keep` says
/// belong (a state's, say): `(first month as year*12+month-1, counts, fatalities)`.
pub fn monthly_counts(
    layer: &EventLayer,
    mut keep: impl FnMut(usize) -> bool,
) -> (i32, Vec<u32>, Vec<u32>) {
    let Some((first, last)) = layer.span() else {
        return (0, Vec::new(), Vec::new());
    };
    let month = |d: Day| {
        let date = d.to_date();
        i32::from(date.year()) * 12 + i32::from(date.month()) - 1
    };
    let (m0, m1) = (month(first), month(last));
    let n = usize::try_from(m1 - m0 + 1).unwrap_or(0);
    let (mut counts, mut deaths) = (vec![0u32; n], vec![0u32; n]);
    // Day numbers to months without a calendar lookup per event: the month changes rarely.
    let mut current = (i32::MIN, 0usize);
    let mut next_month_day = i32::MIN;
    for i in 0..layer.len() {
        let d = layer.day[i];
        if d >= next_month_day || d < current.0 {
            let m = month(Day(d));
            let index = usize::try_from(m - m0).unwrap_or(0);
            let (y, mo) = ((m + 1).div_euclid(12), (m + 1).rem_euclid(12) + 1);
            let start = jiff::civil::Date::new(y as i16, mo as i8, 1)
                .map(|date| Day::from_date(date).0)
                .unwrap_or(i32::MAX);
            current = (d, index);
            next_month_day = start;
        }
        if keep(i)
            && let Some(c) = counts.get_mut(current.1)
        {
            *c += 1;
            deaths[current.1] += layer.fatalities[i];
        }
    }
    (m0, counts, deaths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer_of_days(days: &[i32]) -> EventLayer {
        let n = days.len();
        EventLayer {
            day: days.to_vec(),
            lon: vec![0.0; n],
            lat: vec![0.0; n],
            fatalities: vec![1; n],
            kind: vec![0; n],
            kinds: vec!["Battles".into()],
            actors: vec![[0, 0]; n],
            country: vec![0; n],
            strings: vec![String::new()],
            ..EventLayer::default()
        }
    }

    #[test]
    fn window_holds_the_slider_date_but_not_a_window_length_earlier() {
        let date = Day(20_000);
        for n in [7u16, 30, 90, 365] {
            let on_date = layer_of_days(&[date.0]);
            assert_eq!(on_date.in_window(date, EventWindow::Days(n)).len(), 1);
            let exactly_before = layer_of_days(&[date.0 - i32::from(n)]);
            assert_eq!(
                exactly_before.in_window(date, EventWindow::Days(n)).len(),
                0,
                "{n} days earlier is out"
            );
            let last_day_in = layer_of_days(&[date.0 - i32::from(n) + 1]);
            assert_eq!(last_day_in.in_window(date, EventWindow::Days(n)).len(), 1);
            let next_day = layer_of_days(&[date.0 + 1]);
            assert_eq!(next_day.in_window(date, EventWindow::Days(n)).len(), 0);
        }
    }

    #[test]
    fn window_finds_a_range_among_many() {
        let days: Vec<i32> = (0..1000).map(|i| i / 3).collect();
        let layer = layer_of_days(&days);
        let r = layer.in_window(Day(100), EventWindow::Days(30));
        assert_eq!(r, 71 * 3..101 * 3);
        assert_eq!(layer.in_window(Day(100), EventWindow::All), 0..303);
        assert_eq!(layer.in_window(Day(-5), EventWindow::All), 0..0);
    }

    #[test]
    fn events_fade_with_age() {
        let w = EventWindow::Days(30);
        assert!((w.strength(0) - 1.0).abs() < 1e-6);
        assert!(w.strength(10) > w.strength(20));
        assert!((w.strength(30) - 0.3).abs() < 1e-6);
    }

    #[test]
    fn windows_parse() {
        assert_eq!(parse_window("30d"), Ok(EventWindow::Days(30)));
        assert_eq!(parse_window("7"), Ok(EventWindow::Days(7)));
        assert_eq!(parse_window("all"), Ok(EventWindow::All));
        assert!(parse_window("0d").is_err());
        assert!(parse_window("week").is_err());
    }

    #[test]
    fn monthly_counts_cover_the_span() {
        let jan = Day::from_date(jiff::civil::date(2020, 1, 31)).0;
        let mar = Day::from_date(jiff::civil::date(2020, 3, 1)).0;
        let layer = layer_of_days(&[jan, jan, mar]);
        let (m0, counts, deaths) = monthly_counts(&layer, |_| true);
        assert_eq!(m0, 2020 * 12);
        assert_eq!(counts, vec![2, 0, 1]);
        assert_eq!(deaths, vec![2, 0, 1]);
    }
}
