//! Conflict-event layers in the app: how they are looked at (window, filters, hexagon
//! values, the events listed after a click, the column dialog), the commands that change
//! that, and what is derived from them at the date (the filters prepared per layer, the
//! selected state's events).

use std::path::PathBuf;
use std::sync::Arc;

use crate::io::{ColumnChoice, ColumnChoices, CsvPreview};
use crate::map::MapLayer;
use crate::map::events::{Aggregate, EventMap, EventMarks, EventPick, LoadedEvents, layer_filters};
use crate::model::{Day, EventFilter, EventWindow, LayerFilter};

/// How the event layers are looked at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventView {
    /// The window ending at the slider's date.
    pub window: EventWindow,
    /// Types left out and actor text.
    pub filter: EventFilter,
    /// What hexagons hold.
    pub aggregate: Aggregate,
    /// The events listed after a click on the map.
    pub listed: Option<EventPick>,
    /// A CSV whose columns are to be chosen: its path and header.
    pub choosing: Option<(PathBuf, CsvPreview)>,
    /// Columns chosen per header.
    pub choices: ColumnChoices,
}

/// What the event panels ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum EventCommand {
    /// Show this window.
    SetWindow(EventWindow),
    /// Show these types and actors.
    SetFilter(EventFilter),
    /// Hexagons hold counts or fatalities.
    SetAggregate(Aggregate),
    /// List these events (a click on the map), or close the list.
    List(Option<EventPick>),
    /// Remove the layer at this index.
    Remove(usize),
    /// Ask which columns of this CSV hold the date and the coordinates.
    ChooseColumns(PathBuf, CsvPreview),
    /// The columns chosen for the CSV being asked about: remembered for its header, then the
    /// file is loaded again; `None` cancels.
    ColumnsChosen(Option<ColumnChoice>),
}

impl EventView {
    /// Applies a command; returns a file to load again (after columns were chosen).
    pub fn apply(&mut self, command: EventCommand) -> Option<PathBuf> {
        match command {
            EventCommand::SetWindow(w) => self.window = w,
            EventCommand::SetFilter(f) => self.filter = f,
            EventCommand::SetAggregate(a) => self.aggregate = a,
            EventCommand::List(pick) => self.listed = pick,
            EventCommand::Remove(_) => self.listed = None,
            EventCommand::ChooseColumns(path, preview) => self.choosing = Some((path, preview)),
            EventCommand::ColumnsChosen(choice) => {
                let (path, preview) = self.choosing.take()?;
                let choice = choice?;
                self.choices
                    .insert(crate::io::header_key(&preview.header), choice);
                return Some(path);
            }
        }
        None
    }
}

/// A state's events in one layer: their indices (in date order) and running fatalities.
#[derive(Clone, Debug, Default)]
pub struct StateEvents {
    /// Indices of the state's events, ascending.
    pub indices: Vec<u32>,
    /// Fatalities of the first `k` of them, for `k` = 0..=len.
    pub running: Vec<u64>,
    /// Per month over the layer's span: the first month (year × 12 + month − 1), then
    /// events and fatalities per month.
    pub months: (i32, Vec<u32>, Vec<u32>),
}

impl StateEvents {
    /// Events and fatalities among those in `range` (event indices).
    pub fn in_range(&self, range: std::ops::Range<usize>) -> (usize, u64) {
        let a = self
            .indices
            .partition_point(|&i| (i as usize) < range.start);
        let b = self.indices.partition_point(|&i| (i as usize) < range.end);
        let deaths =
            self.running.get(b).copied().unwrap_or(0) - self.running.get(a).copied().unwrap_or(0);
        (b - a, deaths)
    }
}

/// The events of the country `c` of `layer` in an event layer, shown under `filter`: by
/// the country the file names (compared without case or accents with the country's names
/// and ISO code), or, for events without a country, by the point's place in the layer.
pub fn state_events(
    map: &EventMap,
    filter: &LayerFilter,
    layer: &MapLayer,
    c: usize,
) -> StateEvents {
    let Some(country) = layer.countries().get(c) else {
        return StateEvents::default();
    };
    let mut names: Vec<String> = [&country.name, &country.name_long]
        .into_iter()
        .chain(country.formal_name.as_ref())
        .chain(country.iso_a3.as_ref())
        .map(|n| crate::map::search::fold(n))
        .collect();
    names.push(crate::map::search::fold(&country.key));
    let matches: Vec<bool> = map
        .layer
        .strings
        .iter()
        .map(|s| !s.is_empty() && names.contains(&crate::map::search::fold(s)))
        .collect();
    let mut out = StateEvents {
        indices: Vec::new(),
        running: vec![0],
        months: (0, Vec::new(), Vec::new()),
    };
    let mut total = 0u64;
    for i in 0..map.layer.len() {
        if !filter.shows(&map.layer, i) {
            continue;
        }
        let named = map.layer.country[i];
        let inside = if named == 0 {
            let w = map.world[i];
            layer.country_at_world([f64::from(w[0]), f64::from(w[1])]) == Some(c)
        } else {
            matches.get(named as usize).copied().unwrap_or(false)
        };
        if inside {
            out.indices.push(u32::try_from(i).unwrap_or(u32::MAX));
            total += u64::from(map.layer.fatalities[i]);
            out.running.push(total);
        }
    }
    // The indices are ascending and `monthly_counts` asks in ascending order: a cursor.
    let mut next = 0usize;
    let indices = &out.indices;
    out.months = crate::model::event_layer::monthly_counts(&map.layer, |i| {
        while indices.get(next).is_some_and(|&k| (k as usize) < i) {
            next += 1;
        }
        indices.get(next).is_some_and(|&k| k as usize == i)
    });
    out
}

/// The key the derived event data were made for: the layers, the filter and the selected
/// country (index in the coarse layer).
type EventKey = (Vec<usize>, EventFilter, Option<usize>);

/// What is derived from the event layers and the view: the filters prepared per layer and
/// the selected state's events per layer. Rebuilt when the layers, the filter or the
/// selection change, not when the date does.
#[derive(Default)]
pub struct EventsDerived {
    key: Option<EventKey>,
    /// Per layer, its prepared filter.
    pub filters: Vec<LayerFilter>,
    /// Per layer, the selected state's events.
    pub selected: Vec<StateEvents>,
}

impl EventsDerived {
    /// Brings this up to date.
    pub fn refresh(
        &mut self,
        layers: &[Arc<EventMap>],
        filter: &EventFilter,
        places: &MapLayer,
        selected: Option<usize>,
    ) {
        let key = (
            layers.iter().map(|l| Arc::as_ptr(l) as usize).collect(),
            filter.clone(),
            selected,
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let same_filter = self
            .key
            .as_ref()
            .is_some_and(|k| k.0 == key.0 && k.1 == key.1);
        if !same_filter {
            self.filters = layer_filters(layers, filter);
        }
        self.selected = match selected {
            Some(c) => layers
                .iter()
                .zip(&self.filters)
                .map(|(m, f)| state_events(m, f, places, c))
                .collect(),
            None => Vec::new(),
        };
        self.key = Some(key);
    }

    /// The marks a frame draws at `day`.
    pub fn marks<'a>(
        &'a self,
        layers: &'a [Arc<EventMap>],
        view: &EventView,
        day: Day,
    ) -> Option<EventMarks<'a>> {
        (!layers.is_empty() && self.filters.len() == layers.len()).then_some(EventMarks {
            layers,
            filters: &self.filters,
            day,
            window: view.window,
            aggregate: view.aggregate,
        })
    }
}

/// The work of a job loading the event layer in `path`, read as it streams, the percentage
/// of the file read shown as it goes; or, for a CSV whose columns are not recognised, its
/// header for the column dialog.
pub fn load_job(
    path: PathBuf,
    choices: &ColumnChoices,
    scales: &[f64],
    progress: &crate::app::jobs::JobProgress,
) -> crate::app::jobs::Loaded {
    use crate::app::jobs::STAGE_PARSING;
    progress.set_stage(STAGE_PARSING);
    let loaded = crate::io::read_event_layer_with(
        &path,
        choices,
        &crate::io::EventLimits::default(),
        &|done, total| progress.set_done(done, total),
    );
    let header = || {
        crate::io::read_head(&path, 1 << 16)
            .ok()
            .and_then(|head| crate::io::csv_preview(&head))
    };
    loaded_or_columns(path.clone(), loaded, scales, header)
}

/// The layer loaded, ready for the map (projected, its hexagons made for the zooms of
/// `scales`, off the UI thread); or, when the file is a CSV whose columns are not
/// recognised, its `header` for the column dialog; or why it did not load.
fn loaded_or_columns(
    path: PathBuf,
    loaded: Result<crate::io::EventLoad, crate::io::LoadError>,
    scales: &[f64],
    header: impl FnOnce() -> Option<CsvPreview>,
) -> crate::app::jobs::Loaded {
    use crate::app::jobs::Loaded;
    match loaded {
        Ok(load) => {
            let map = EventMap::new(load.layer, load.skipped);
            map.prepare_grids(scales);
            Loaded::Events(
                path,
                Ok(Box::new(LoadedEvents {
                    map: Arc::new(map),
                    problems: load.problems,
                })),
            )
        }
        Err(e)
            if e.diagnostics
                .first()
                .is_some_and(|d| d.message.starts_with("is not an event layer")) =>
        {
            match header() {
                Some(p) if p.header.len() >= 3 => Loaded::EventColumns(path, p),
                _ => Loaded::Events(path, Err(e)),
            }
        }
        Err(e) => Loaded::Events(path, Err(e)),
    }
}

/// Adds a loaded layer to the document (the layers already there stay), with a note when
/// rows were left out; or says why it did not load.
pub fn finish_load(
    document: &mut crate::app::document::Document,
    messages: &mut Vec<crate::app::message::Message>,
    path: PathBuf,
    result: Result<Box<LoadedEvents>, crate::io::LoadError>,
) {
    use crate::app::message::Message;
    match result {
        Ok(load) => {
            let load = *load;
            let skipped = load.map.skipped;
            if skipped > 0 {
                let first: Vec<String> = load
                    .problems
                    .iter()
                    .take(5)
                    .map(ToString::to_string)
                    .collect();
                messages.push(Message {
                    headline: format!(
                        "Added {}: {} events; {} rows could not be read and were left out. The first:",
                        path.display(),
                        load.map.layer.len(),
                        skipped
                    ),
                    details: first,
                    is_error: false,
                });
            }
            document.events.push(load.map);
            document.event_paths.push(path.clone());
            document.remember_recent(path);
        }
        Err(e) => messages.push(Message::from_load_error(&path.display().to_string(), &e)),
    }
}

/// The event layers as pictures and exports draw them: the document's layers with the
/// view's window, filter and hexagon values (`events`).
pub fn event_options(
    document: &crate::app::document::Document,
    events: &EventView,
) -> crate::map::events::EventOptions {
    crate::map::events::EventOptions {
        layers: document.events.clone(),
        window: events.window,
        filter: events.filter.clone(),
        aggregate: events.aggregate,
    }
}
