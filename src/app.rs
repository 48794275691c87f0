//! The eframe app: owns the data, the camera, the date and the selection; lays out the panels;
//! applies the commands they emit after each frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Key, Modifiers};

use crate::command::Command;
use crate::io::{Diagnostic, FileKind, LoadError};
use crate::map::scene::{Scene, build_scene};
use crate::map::widget::MeshCache;
use crate::map::{MapCamera, MapLayer, world_from_lon_lat};
use crate::model::{Day, State, Timeline};
use crate::time_control::{TimeCommand, TimeControl};

/// Stages of a background load, shown next to the spinner.
pub(crate) const STAGE_READING: u8 = 0;
pub(crate) const STAGE_PARSING: u8 = 1;
pub(crate) const STAGE_TRIANGULATING: u8 = 2;
pub(crate) const STAGE_SIMPLIFYING: u8 = 3;
pub(crate) const STAGE_EXPORTING: u8 = 4;

/// What a stage is called on screen.
pub(crate) fn stage_label(stage: u8) -> &'static str {
    match stage {
        STAGE_READING => "reading",
        STAGE_PARSING => "parsing and checking",
        STAGE_TRIANGULATING => "triangulating and indexing",
        STAGE_SIMPLIFYING => "simplifying for low zooms",
        _ => "exporting",
    }
}

/// Above this many points per world unit the fine (1:50m) layer is drawn.
pub const FINE_LAYER_SCALE: f64 = 1100.0;

/// A message for the person: a load that failed, a file that vanished.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// One line.
    pub headline: String,
    /// Every problem found, one per line.
    pub details: Vec<String>,
    /// Red or amber.
    pub is_error: bool,
}

impl Message {
    fn from_load_error(what: &str, error: &LoadError) -> Self {
        let errors = error.diagnostics.iter().filter(|d| d.is_error()).count();
        Self {
            headline: format!(
                "Could not open {what}: {errors} problem{} found. Nothing was changed.",
                if errors == 1 { "" } else { "s" }
            ),
            details: error.diagnostics.iter().map(ToString::to_string).collect(),
            is_error: true,
        }
    }
}

/// The result of a load that ran off the UI thread.
pub(crate) enum Loaded {
    Countries(PathBuf, Result<Arc<MapLayer>, LoadError>),
    Scenario(PathBuf, Result<(Arc<Timeline>, Vec<Diagnostic>), LoadError>),
    DialogChose(PathBuf, FileKind),
    DialogFailed(String),
    ExportChose(PathBuf),
    FineLayer(Result<Arc<MapLayer>, LoadError>),
    Exported(PathBuf, Result<(), String>),
}

/// What is derived from the state at the date, rebuilt only when the date or data change.
#[derive(Default)]
pub(crate) struct Derived {
    pub key: Option<(Day, bool, u64)>,
    pub coarse: Scene,
    pub fine: Option<Scene>,
}

/// The Sahel Atlas app.
pub struct SahelApp {
    pub(crate) coarse: Arc<MapLayer>,
    pub(crate) fine: Option<Arc<MapLayer>>,
    pub(crate) timeline: Arc<Timeline>,
    pub(crate) countries_path: Option<PathBuf>,
    pub(crate) scenario_path: Option<PathBuf>,
    /// Bumped whenever the data change, to invalidate derived state.
    pub(crate) generation: u64,

    /// The camera; `None` until the first frame frames the default view.
    pub camera: Option<MapCamera>,
    pub(crate) fly: Option<(MapCamera, MapCamera, f64)>,
    /// The camera is the default view for the map's size (re-framed when the size changes)
    /// until the person moves it.
    pub(crate) camera_is_default: bool,
    /// The map's rectangle on screen in the last frame.
    pub map_rect: egui::Rect,
    /// The selected country's key.
    pub selected: Option<String>,
    /// The selected link (relationship index).
    pub selected_link: Option<usize>,
    /// Whether ended links are hidden.
    pub hide_ended: bool,
    pub(crate) search: String,
    pub(crate) date_input: String,
    /// Date and playback.
    pub time: TimeControl,
    /// The state at the current date.
    pub state: State,
    pub(crate) derived: Derived,
    /// Messages shown above the map.
    pub messages: Vec<Message>,
    pub(crate) commands: Vec<Command>,
    pub(crate) mesh_cache: MeshCache,
    pub(crate) loaded_tx: Sender<Loaded>,
    pub(crate) loaded_rx: Receiver<Loaded>,
    /// Files loading or exporting off the UI thread, with the stage each has reached.
    pub(crate) loading: Vec<(String, Arc<std::sync::atomic::AtomicU8>)>,
    pub(crate) recent: Vec<PathBuf>,
    pub(crate) scroll_to_current: bool,
    pub(crate) pending_url: Option<String>,
    /// A link to select once the scenario that has it is loaded (restored state).
    pub(crate) pending_link_id: Option<String>,
    /// Close the window after the first frame (`SAHEL_ATLAS_QUIT_AFTER_FIRST_FRAME=1`), to
    /// measure start-up.
    quit_after_first_frame: bool,
    created: std::time::Instant,
    /// The embedded 1:50m layer is to be prepared, unless a country file is on its way.
    fine_wanted: bool,
    /// Memory to give back: the view or the layer changed then, and the last time it was.
    trim: TrimClock,
    /// File → Export animation…: its window and the clip being written.
    pub(crate) animation: crate::ui::animation::AnimationUi,
}

/// When to give freed memory back to the system ([`crate::memory::release_free_memory`]):
/// once the view has been still for a moment after it changed or a layer loaded, and at
/// most twice a second during a long zoom or pan. A trim takes a few milliseconds, too long
/// for every frame of an animation.
#[derive(Clone, Copy, Debug)]
struct TrimClock {
    seen: Option<(MapCamera, usize)>,
    dirty_since: Option<std::time::Instant>,
    last_change: std::time::Instant,
    last_trim: std::time::Instant,
}

impl TrimClock {
    const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);
    const AT_MOST_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

    fn new() -> Self {
        let now = std::time::Instant::now();
        Self {
            seen: None,
            dirty_since: None,
            last_change: now,
            last_trim: now,
        }
    }

    /// Called once a frame with what is shown; trims when it is time, and otherwise asks
    /// for the frame in which it will be.
    fn tick(&mut self, ctx: &egui::Context, shown: Option<(MapCamera, usize)>) {
        if self.due(std::time::Instant::now(), shown) {
            crate::memory::release_free_memory();
        } else if self.dirty_since.is_some() {
            ctx.request_repaint_after(Self::SETTLE);
        }
    }

    /// Whether to trim at `now`, with `shown` on screen (and, if so, the trim counts as done).
    fn due(&mut self, now: std::time::Instant, shown: Option<(MapCamera, usize)>) -> bool {
        if shown != self.seen {
            self.seen = shown;
            self.last_change = now;
            self.dirty_since.get_or_insert(now);
        }
        let Some(since) = self.dirty_since else {
            return false;
        };
        let settled = now.duration_since(self.last_change) >= Self::SETTLE;
        let overdue = now.duration_since(since) >= Self::AT_MOST_EVERY
            && now.duration_since(self.last_trim) >= Self::AT_MOST_EVERY;
        if settled || overdue {
            self.dirty_since = None;
            self.last_trim = now;
        }
        settled || overdue
    }
}

impl SahelApp {
    /// The app on the embedded data, at the scenario's seed date (4 December 2023) when it is
    /// in the span, else the span's start.
    pub fn new() -> Self {
        let mut messages = Vec::new();
        let coarse = crate::data::coarse_layer().unwrap_or_else(|e| {
            messages.push(Message::from_load_error("the embedded countries", &e));
            Arc::new(MapLayer::new(crate::io::CountryLayer {
                source: "none".into(),
                countries: Vec::new(),
                warnings: Vec::new(),
            }))
        });
        let timeline = crate::data::default_timeline().unwrap_or_else(|e| {
            messages.push(Message::from_load_error("the embedded scenario", &e));
            Arc::new(Timeline::new(empty_scenario()))
        });
        let mut app = Self::with_data(coarse, None, timeline, messages);
        app.fine_wanted = true;
        app
    }

    /// Starts preparing the embedded 1:50m layer once nothing else is loading and no country
    /// file is asked for: a layer opened from the command line, a remembered one or a
    /// dropped file replaces the embedded ones, so building the 1:50m layer beside it would
    /// only cost time and memory.
    fn load_fine_layer_when_wanted(&mut self) {
        let country_file_coming = self
            .commands
            .iter()
            .any(|c| matches!(c, Command::Load(_, None | Some(FileKind::Countries))));
        if self.fine_wanted
            && self.fine.is_none()
            && self.countries_path.is_none()
            && self.loading.is_empty()
            && !country_file_coming
        {
            self.fine_wanted = false;
            self.load_fine_layer();
        }
    }

    /// Prepares the embedded 1:50m layer off the UI thread, so the first frame comes at once.
    fn load_fine_layer(&mut self) {
        let tx = self.loaded_tx.clone();
        self.loading.push((
            crate::data::FINE_NAME.to_owned(),
            Arc::new(std::sync::atomic::AtomicU8::new(STAGE_TRIANGULATING)),
        ));
        std::thread::spawn(move || {
            let _ = tx.send(Loaded::FineLayer(crate::data::fine_layer()));
        });
    }

    fn with_data(
        coarse: Arc<MapLayer>,
        fine: Option<Arc<MapLayer>>,
        timeline: Arc<Timeline>,
        messages: Vec<Message>,
    ) -> Self {
        let seed = Day::from_date(jiff::civil::Date::constant(2023, 12, 4));
        let day = if (timeline.start()..=timeline.end()).contains(&seed) {
            seed
        } else {
            timeline.start()
        };
        let state = timeline.state_at(day);
        let (loaded_tx, loaded_rx) = channel();
        Self {
            coarse,
            fine,
            timeline,
            countries_path: None,
            scenario_path: None,
            generation: 0,
            camera: None,
            fly: None,
            camera_is_default: true,
            map_rect: egui::Rect::NOTHING,
            selected: None,
            selected_link: None,
            hide_ended: false,
            search: String::new(),
            date_input: String::new(),
            time: TimeControl::new(day),
            state,
            derived: Derived::default(),
            messages,
            commands: Vec::new(),
            mesh_cache: MeshCache::default(),
            loaded_tx,
            loaded_rx,
            loading: Vec::new(),
            recent: Vec::new(),
            scroll_to_current: true,
            pending_url: None,
            pending_link_id: None,
            quit_after_first_frame: std::env::var_os("SAHEL_ATLAS_QUIT_AFTER_FIRST_FRAME")
                .is_some(),
            created: std::time::Instant::now(),
            fine_wanted: false,
            trim: TrimClock::new(),
            animation: crate::ui::animation::AnimationUi::default(),
        }
    }

    /// The indexed scenario.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The current day.
    pub fn day(&self) -> Day {
        self.time.day()
    }

    /// What the map shows at the current date, on the layer drawn at the current zoom.
    pub fn scene(&self) -> &Scene {
        match (&self.derived.fine, self.showing_fine_layer()) {
            (Some(scene), true) => scene,
            _ => &self.derived.coarse,
        }
    }

    /// Shows a country layer instead of the embedded ones (at every zoom).
    pub fn set_countries(&mut self, layer: Arc<MapLayer>) {
        self.coarse = layer;
        self.fine = None;
        self.fine_wanted = false;
        self.generation += 1;
    }

    /// Whether no file is loading and no command is waiting.
    pub fn is_idle(&self) -> bool {
        self.loading.is_empty() && self.commands.is_empty() && !self.fine_wanted
    }

    /// Queues a command, applied at the end of the next frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The layer drawn at the current zoom.
    pub fn layer(&self) -> &Arc<MapLayer> {
        match (&self.fine, self.camera) {
            (Some(fine), Some(cam)) if cam.scale >= FINE_LAYER_SCALE => fine,
            _ => &self.coarse,
        }
    }

    /// Whether the fine layer is the one drawn.
    pub fn showing_fine_layer(&self) -> bool {
        !Arc::ptr_eq(self.layer(), &self.coarse)
    }

    /// Runs one frame of the whole UI inside `ui`. eframe calls this through [`eframe::App`];
    /// tests call it through `egui_kittest`.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.handle_input(ui);
        self.poll_loads();
        let dt = f64::from(ui.input(|i| i.stable_dt).min(0.1));
        if self.time.update(dt, &self.timeline) {
            self.scroll_to_current = true;
        }
        if self.time.playing || self.fly.is_some() || !self.loading.is_empty() {
            ui.ctx().request_repaint();
        }
        if let Some((from, to, t)) = self.fly {
            let t = (t + dt / 0.6).min(1.0);
            let eased = t * t * (3.0 - 2.0 * t);
            self.camera = Some(from.lerp(&to, eased));
            self.fly = (t < 1.0).then_some((from, to, t));
        }
        self.refresh_state();

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("time_bar").show(ui, |ui| self.time_bar_ui(ui));
        egui::Panel::right("events")
            .default_size(300.0)
            .show(ui, |ui| self.events_ui(ui));
        egui::Panel::left("details")
            .default_size(270.0)
            .show(ui, |ui| self.details_ui(ui));
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.map_area_ui(ui));
        self.animation_window(&ui.ctx().clone());

        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.apply(command);
        }
        self.load_fine_layer_when_wanted();
        let shown = self
            .camera
            .map(|camera| (camera, Arc::as_ptr(self.layer()) as usize));
        self.trim.tick(ui.ctx(), shown);
        // A date change from a command shows this frame's state next frame; keep it current.
        self.refresh_state();
        if let Some(url) = self.pending_url.take() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
        }
        if self.quit_after_first_frame {
            self.quit_after_first_frame = false;
            eprintln!(
                "first frame {:.0} ms after the app was created",
                self.created.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Recomputes the state and what is drawn from it when the date or the data changed.
    pub(crate) fn refresh_state(&mut self) {
        if self.loading.is_empty()
            && let Some(id) = self.pending_link_id.take()
        {
            self.selected_link = self.timeline.relationship_index(&id);
        }
        let day = self.time.day();
        let key = (day, self.hide_ended, self.generation);
        if self.derived.key == Some(key) {
            return;
        }
        if self.derived.key.map(|k| k.2) != Some(self.generation) {
            self.state = self.timeline.state_at(day);
        } else {
            self.timeline.seek(&mut self.state, day);
        }
        self.derived = self.derive();
        self.derived.key = Some(key);
    }

    fn derive(&self) -> Derived {
        let scene = |layer: &MapLayer| {
            build_scene(
                layer,
                &self.coarse,
                &self.timeline,
                &self.state,
                self.hide_ended,
            )
        };
        Derived {
            key: None,
            coarse: scene(&self.coarse),
            fine: self.fine.as_deref().map(scene),
        }
    }

    fn handle_input(&mut self, ui: &mut egui::Ui) {
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            self.push(Command::Load(path, None));
        }
        if ui.ctx().egui_wants_keyboard_input() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                ui.ctx().memory_mut(|m| {
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
            }
            return;
        }
        let bindings: [(Key, Command); 10] = [
            (Key::ArrowRight, Command::Time(TimeCommand::NextEvent)),
            (Key::ArrowLeft, Command::Time(TimeCommand::PreviousEvent)),
            (Key::Space, Command::Time(TimeCommand::TogglePlay)),
            (Key::Home, Command::Time(TimeCommand::Start)),
            (Key::End, Command::Time(TimeCommand::End)),
            (Key::Plus, Command::ZoomIn),
            (Key::Equals, Command::ZoomIn),
            (Key::Minus, Command::ZoomOut),
            (Key::Num0, Command::ResetView),
            (Key::Escape, Command::SelectCountry(None)),
        ];
        for (key, command) in bindings {
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                if matches!(key, Key::ArrowLeft | Key::ArrowRight | Key::Home | Key::End) {
                    self.scroll_to_current = true;
                }
                if key == Key::Escape {
                    self.selected_link = None;
                }
                self.push(command);
            }
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::SelectCountry(key) => {
                self.selected = key;
            }
            Command::FlyToCountry(key) => {
                if let Some(goal) = self.camera_for_country(&key) {
                    self.camera_is_default = false;
                    if let Some(cam) = self.camera {
                        self.fly = Some((cam, goal, 0.0));
                    } else {
                        self.camera = Some(goal);
                    }
                }
                self.selected = Some(key);
            }
            Command::SelectLink(link) => self.selected_link = link,
            Command::ZoomIn | Command::ZoomOut => {
                let factor = if command == Command::ZoomIn {
                    1.5
                } else {
                    1.0 / 1.5
                };
                if let Some(cam) = self.camera {
                    let c = self.map_rect.center();
                    let c = [f64::from(c.x), f64::from(c.y)];
                    self.camera = Some(cam.zoomed_at(c, c, factor));
                    self.camera_is_default = false;
                    self.fly = None;
                }
            }
            Command::ResetView => {
                self.camera = Some(MapCamera::sahel(rect_size(self.map_rect)));
                self.camera_is_default = true;
                self.fly = None;
            }
            Command::SetHideEnded(hide) => self.hide_ended = hide,
            Command::Time(t) => {
                self.time.apply(t, &self.timeline);
                self.scroll_to_current = true;
            }
            Command::DismissMessage(i) => {
                if i < self.messages.len() {
                    self.messages.remove(i);
                }
            }
            Command::OpenUrl(url) => {
                // Opened by egui's platform output in the next frame.
                self.pending_url = Some(url);
            }
            Command::Load(path, kind) => self.start_load(path, kind),
            Command::LoadDefaults => {
                if let Ok(coarse) = crate::data::coarse_layer() {
                    self.coarse = coarse;
                }
                if let Ok(timeline) = crate::data::default_timeline() {
                    self.timeline = timeline;
                }
                self.fine = None;
                self.countries_path = None;
                self.scenario_path = None;
                self.selected_link = None;
                self.generation += 1;
                self.fine_wanted = true;
            }
            Command::OpenDialog(kind) => self.open_dialog(kind),
            Command::ExportDialog(format) => self.export_dialog(format),
            Command::ExportTo(path) => self.start_export(path),
        }
    }

    /// A camera framing a country: around its label point, sized by its largest part.
    pub fn camera_for_country(&self, key: &str) -> Option<MapCamera> {
        let layer = self.layer();
        let c = layer.country_index(key)?;
        let country = &layer.countries()[c];
        let size = rect_size(self.map_rect);
        let [min_lon, min_lat, max_lon, max_lat] = layer.largest_part_lon_lat(c)?;
        let pad = 4.0;
        let mut cam = MapCamera::framing_lon_lat(
            [min_lon - pad, min_lat - pad],
            [max_lon + pad, max_lat + pad],
            size,
        );
        if let Some([lon, lat]) = country.label_lon_lat {
            cam.center_world = world_from_lon_lat(lon, lat);
        }
        Some(cam)
    }

    fn start_load(&mut self, path: PathBuf, kind: Option<FileKind>) {
        use std::sync::atomic::{AtomicU8, Ordering};
        let tx = self.loaded_tx.clone();
        let name = path.display().to_string();
        let stage = Arc::new(AtomicU8::new(STAGE_READING));
        self.loading.push((name, stage.clone()));
        std::thread::spawn(move || {
            let bytes = crate::io::read_file_bytes(&path);
            stage.store(STAGE_PARSING, Ordering::Relaxed);
            let kind = kind.unwrap_or_else(|| match &bytes {
                Ok(b) => crate::io::detect_kind(b),
                Err(_) => FileKind::Countries,
            });
            let name = path.display().to_string();
            let message = match kind {
                FileKind::Countries => Loaded::Countries(
                    path,
                    bytes
                        .and_then(|b| crate::io::parse_countries(&name, &b))
                        .map(|l| {
                            stage.store(STAGE_TRIANGULATING, Ordering::Relaxed);
                            let layer = MapLayer::new(l);
                            // Shown once its low-zoom copies are ready too: drawing a
                            // detailed layer whole at a world view would cost more memory
                            // and time than the few milliseconds of waiting.
                            stage.store(STAGE_SIMPLIFYING, Ordering::Relaxed);
                            layer.wait_for_simplified();
                            Arc::new(layer)
                        }),
                ),
                FileKind::Scenario => Loaded::Scenario(
                    path,
                    bytes
                        .and_then(|b| crate::io::parse_scenario(&name, &b))
                        .map(|(s, w)| (Arc::new(Timeline::new(s)), w)),
                ),
            };
            let _ = tx.send(message);
        });
    }

    /// Takes the results of background loads. Failures leave the data as it was.
    pub(crate) fn poll_loads(&mut self) {
        while let Ok(loaded) = self.loaded_rx.try_recv() {
            match loaded {
                Loaded::Countries(path, result) => {
                    self.finish_loading(&path);
                    match result {
                        Ok(layer) => {
                            if !layer.layer.warnings.is_empty() {
                                self.messages.push(Message {
                                    headline: format!(
                                        "Opened {} with {} warning(s).",
                                        path.display(),
                                        layer.layer.warnings.len()
                                    ),
                                    details: layer
                                        .layer
                                        .warnings
                                        .iter()
                                        .map(ToString::to_string)
                                        .collect(),
                                    is_error: false,
                                });
                            }
                            self.set_countries(layer);
                            self.countries_path = Some(path.clone());
                            self.remember_recent(path);
                        }
                        Err(e) => self
                            .messages
                            .push(Message::from_load_error(&path.display().to_string(), &e)),
                    }
                }
                Loaded::Scenario(path, result) => {
                    self.finish_loading(&path);
                    match result {
                        Ok((timeline, warnings)) => {
                            if !warnings.is_empty() {
                                self.messages.push(Message {
                                    headline: format!(
                                        "Opened {} with {} warning(s).",
                                        path.display(),
                                        warnings.len()
                                    ),
                                    details: warnings.iter().map(ToString::to_string).collect(),
                                    is_error: false,
                                });
                            }
                            let day = self.time.day();
                            self.timeline = timeline;
                            self.time.apply(TimeCommand::SetDay(day), &self.timeline);
                            self.selected_link = None;
                            self.scenario_path = Some(path.clone());
                            self.generation += 1;
                            self.remember_recent(path);
                        }
                        Err(e) => self
                            .messages
                            .push(Message::from_load_error(&path.display().to_string(), &e)),
                    }
                }
                Loaded::DialogChose(path, kind) => self.start_load(path, Some(kind)),
                Loaded::ExportChose(path) => self.start_export(path),
                Loaded::FineLayer(result) => {
                    self.finish_loading(std::path::Path::new(crate::data::FINE_NAME));
                    match result {
                        // Only while the embedded layers are shown.
                        Ok(fine) if self.countries_path.is_none() => {
                            self.fine = Some(fine);
                            self.generation += 1;
                        }
                        Ok(_) => {}
                        Err(e) => self
                            .messages
                            .push(Message::from_load_error("the embedded 1:50m layer", &e)),
                    }
                }
                Loaded::Exported(path, result) => {
                    self.finish_loading(&path);
                    self.messages.push(match result {
                        Ok(()) => Message {
                            headline: format!("Exported {}.", path.display()),
                            details: Vec::new(),
                            is_error: false,
                        },
                        Err(e) => Message {
                            headline: format!("Could not export {}.", path.display()),
                            details: vec![e],
                            is_error: true,
                        },
                    });
                }
                Loaded::DialogFailed(text) => self.messages.push(Message {
                    headline: text,
                    details: Vec::new(),
                    is_error: false,
                }),
            }
        }
    }

    /// Writes the current view at the current date to `path` off the UI thread: PNG or SVG of
    /// the map, GeoJSON or CSV of the state, by extension.
    fn start_export(&mut self, path: PathBuf) {
        use crate::export::{
            Format, MapData, RenderOptions, render_png, render_svg, state_csv, state_geojson,
        };
        let Some(format) = Format::of_path(&path) else {
            self.messages.push(Message {
                headline: format!(
                    "Cannot export to {}: use a .png, .svg, .geojson or .csv name.",
                    path.display()
                ),
                details: Vec::new(),
                is_error: true,
            });
            return;
        };
        let layer = self.layer().clone();
        let places = self.coarse.clone();
        let timeline = self.timeline.clone();
        let date = self.day().to_date();
        // The same view as on screen, 1600 pixels wide.
        let rect = self.map_rect;
        let width = 1600.0_f64;
        let height = (width * f64::from(rect.height()) / f64::from(rect.width().max(1.0))).round();
        let camera = self.camera.map(|c| MapCamera {
            center_world: c.center_world,
            scale: c.scale * width / f64::from(rect.width().max(1.0)),
        });
        let options = RenderOptions {
            date,
            size: [width as u32, height.clamp(200.0, 4000.0) as u32],
            camera,
            hide_ended: self.hide_ended,
            headline: None,
        };
        let tx = self.loaded_tx.clone();
        self.loading.push((
            path.display().to_string(),
            Arc::new(std::sync::atomic::AtomicU8::new(STAGE_EXPORTING)),
        ));
        std::thread::spawn(move || {
            let data = MapData {
                layer: &layer,
                places: &places,
                timeline: &timeline,
            };
            let bytes: Result<Vec<u8>, String> = match format {
                Format::Png => render_png(&data, &options).map_err(|e| e.to_string()),
                Format::Svg => Ok(render_svg(&data, &options).into_bytes()),
                Format::GeoJson => Ok(state_geojson(&timeline, &places, date).into_bytes()),
                Format::Csv => Ok(state_csv(&timeline, date).into_bytes()),
            };
            let result = bytes.and_then(|b| {
                std::fs::write(&path, b).map_err(|e| format!("{}: {e}", path.display()))
            });
            let _ = tx.send(Loaded::Exported(path, result));
        });
    }

    fn finish_loading(&mut self, path: &std::path::Path) {
        let name = path.display().to_string();
        if let Some(i) = self.loading.iter().position(|(n, _)| *n == name) {
            self.loading.remove(i);
        }
    }

    fn remember_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(8);
    }
}

impl Default for SahelApp {
    fn default() -> Self {
        Self::new()
    }
}

impl eframe::App for SahelApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, crate::persist::STORAGE_KEY, &self.persisted());
    }
}

pub(crate) fn rect_size(rect: egui::Rect) -> [f64; 2] {
    if rect.is_positive() {
        [f64::from(rect.width()), f64::from(rect.height())]
    } else {
        [1000.0, 700.0]
    }
}

fn empty_scenario() -> crate::model::Scenario {
    let today = jiff::civil::Date::constant(2026, 1, 1);
    crate::model::Scenario {
        format: crate::model::SCENARIO_FORMAT.to_owned(),
        title: "Empty".to_owned(),
        description: String::new(),
        span: crate::model::ScenarioSpan {
            start: jiff::civil::Date::constant(2012, 1, 1),
            end: today,
        },
        entities: Vec::new(),
        relationships: Vec::new(),
        events: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn memory_is_given_back_once_the_view_settles_and_now_and_then_while_it_moves() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let view = |scale: f64| {
            let mut camera = MapCamera::world([800.0, 600.0]);
            camera.scale = scale;
            Some((camera, 1))
        };
        let mut clock = TrimClock::new();
        clock.last_trim = start;
        // A still view: one trim after it settles, then none.
        assert!(!clock.due(at(0), view(100.0)));
        assert!(!clock.due(at(200), view(100.0)));
        assert!(clock.due(at(300), view(100.0)));
        assert!(!clock.due(at(2000), view(100.0)));
        // A zoom that goes on for two seconds, a frame every 50 ms: a trim about every
        // half second, not every frame.
        let trims = (0..40)
            .filter(|&i| clock.due(at(3000 + 50 * i), view(100.0 + i as f64)))
            .count();
        assert!((3..=4).contains(&trims), "{trims} trims");
        // The end of the zoom settles: one more.
        assert!(clock.due(at(5300), view(139.0)));
        // A new layer with the same view counts as a change.
        assert!(!clock.due(at(6000), Some((view(139.0).unwrap().0, 2))));
        assert!(clock.due(at(6300), Some((view(139.0).unwrap().0, 2))));
    }
}
