//! The eframe app: owns the [`Document`] (what is open), the [`View`] (how it is looked at)
//! and the background [`Jobs`]; lays out the panels, which read the document and the view and
//! push [`Command`]s; and applies those commands after the frame. Nothing else changes the
//! document or the view.

pub mod animation;
pub mod animation_apply;
pub mod command;
pub mod compare;
pub mod derived;
pub mod dialogs;
pub mod document;
pub mod edit_apply;
pub mod editing;
pub mod event_view;
pub mod jobs;
pub mod message;
pub mod path_purpose;
pub mod persist;
pub mod settings;
pub mod startup;
pub mod time_control;
pub mod view;

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Key, Modifiers};

use crate::app::command::Command;
use crate::app::compare::CompareCommand;
use crate::app::derived::AtDate;
use crate::app::dialogs::PathPrompt;
use crate::app::document::Document;
use crate::app::editing::EditCommand;
use crate::app::jobs::{
    Jobs, Loaded, STAGE_EXPORTING, STAGE_PARSING, STAGE_READING, STAGE_SIMPLIFYING,
    STAGE_TRIANGULATING,
};
use crate::app::message::Message;
use crate::app::message::path_arg;
use crate::app::path_purpose::PathPurpose;
use crate::app::persist::Persisted;
use crate::app::time_control::TimeCommand;
use crate::app::view::{Flight, View};
use crate::io::{FileKind, LoadError};
use crate::map::scene::Scene;
use crate::map::widget::MeshCache;
use crate::map::{MapCamera, MapLayer};
use crate::model::i18n::{tr, tr_args};
use crate::model::{Day, Timeline};
use crate::ui::{Cx, PanelMemory};

pub use crate::app::document::FINE_LAYER_SCALE;

/// The Sahel Atlas app.
pub struct SahelApp {
    /// What is open.
    pub document: Document,
    /// How it is looked at.
    pub view: View,
    /// Loads, exports and dialogs under way.
    pub(crate) jobs: Jobs,
    /// The state and scenes at the view's date.
    pub(crate) at_date: AtDate,
    /// What the panels asked for in this frame, applied after it.
    pub(crate) commands: Vec<Command>,
    /// The map widget's meshes, reused while only the date changes.
    mesh_cache: MeshCache,
    /// File → Export animation…: its window's fields and the clip being written (the
    /// window's own state, as `mesh_cache` is the map widget's).
    animation: crate::ui::animation::AnimationUi,
    /// Text being typed in the panels' fields, and where the panels drew things.
    pub(crate) memory: PanelMemory,
    /// Close the window after the first frame (`SAHEL_ATLAS_QUIT_AFTER_FIRST_FRAME=1`), to
    /// measure start-up.
    quit_after_first_frame: bool,
    created: std::time::Instant,
    /// The embedded 1:50m layer is to be prepared, unless a country file is on its way.
    fine_wanted: bool,
    /// A web address to open at the end of the frame.
    pending_url: Option<String>,
    /// File → Quit was chosen: close the window at the end of the frame.
    quit: bool,
    /// The editing windows (forms, Save as…, questions).
    pub(crate) editor: crate::ui::edit::EditorUi,
    /// Editing apart from the document: the recovery file, questions, the title.
    pub editing: crate::app::editing::EditState,
    /// Memory to give back: the view or the layer changed then, and the last time it was.
    trim: TrimClock,
    /// Where [`eframe::App::save`] writes the settings (atomically); `None`: nowhere.
    pub settings_path: Option<std::path::PathBuf>,
    /// The last write of the settings failed (said once, not every 30 seconds).
    settings_failed: bool,
}

/// When to give freed memory back to the system ([`crate::io::memory::release_free_memory`]):
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
            crate::io::memory::release_free_memory();
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
        let coarse = crate::map::embedded::coarse_layer().unwrap_or_else(|e| {
            messages.push(Message::from_load_error(&tr("msg-embedded-countries"), &e));
            Arc::new(MapLayer::new(crate::io::CountryLayer {
                source: "none".into(),
                countries: Vec::new(),
                warnings: Vec::new(),
            }))
        });
        let timeline = crate::io::embedded::default_timeline().unwrap_or_else(|e| {
            messages.push(Message::from_load_error(&tr("msg-embedded-scenario"), &e));
            Arc::new(Timeline::new(empty_scenario()))
        });
        let mut app = Self::with_document(Document::new(coarse, None, timeline));
        app.view.messages = messages;
        app.fine_wanted = true;
        app
    }

    /// The app showing `document`.
    pub fn with_document(document: Document) -> Self {
        let timeline = &document.timeline;
        let seed = Day::from_date(jiff::civil::Date::constant(2023, 12, 4));
        let day = if (timeline.start()..=timeline.end()).contains(&seed) {
            seed
        } else {
            timeline.start()
        };
        let view = View::new(day);
        let at_date = AtDate::new(&document, &view);
        Self {
            document,
            view,
            jobs: Jobs::default(),
            at_date,
            commands: Vec::new(),
            mesh_cache: MeshCache::default(),
            animation: crate::ui::animation::AnimationUi::default(),
            memory: PanelMemory::default(),
            quit_after_first_frame: std::env::var_os("SAHEL_ATLAS_QUIT_AFTER_FIRST_FRAME")
                .is_some(),
            created: std::time::Instant::now(),
            settings_path: None,
            settings_failed: false,
            fine_wanted: false,
            pending_url: None,
            quit: false,
            editor: crate::ui::edit::EditorUi::default(),
            editing: crate::app::editing::EditState::default(),
            trim: TrimClock::new(),
        }
    }

    /// The indexed scenario.
    pub fn timeline(&self) -> &Timeline {
        &self.document.timeline
    }

    /// The current day.
    pub fn day(&self) -> Day {
        self.view.day()
    }

    /// The state at the current date.
    pub fn state(&self) -> &crate::model::State {
        &self.at_date.state
    }

    /// What the map shows at the current date, on the layer drawn at the current zoom.
    pub fn scene(&self) -> &Scene {
        self.at_date.scene(self.showing_fine_layer())
    }

    /// Shows a country layer instead of the embedded ones (at every zoom).
    pub fn set_countries(&mut self, layer: Arc<MapLayer>) {
        self.document.set_countries(layer, None);
        self.fine_wanted = false;
    }

    /// Whether no job is under way and no command is waiting.
    pub fn is_idle(&self) -> bool {
        self.jobs.is_empty() && self.commands.is_empty() && !self.fine_wanted
    }

    /// Queues a command, applied at the end of the next frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The layer drawn at the current zoom.
    pub fn layer(&self) -> &Arc<MapLayer> {
        self.document.layer_for(self.view.camera)
    }

    /// Whether the fine layer is the one drawn.
    pub fn showing_fine_layer(&self) -> bool {
        !Arc::ptr_eq(self.layer(), &self.document.coarse)
    }

    /// What to remember of this app.
    pub fn persisted(&self) -> Persisted {
        Persisted::of(&self.view, &self.document)
    }

    /// Restores remembered state. Files are reloaded off the UI thread; one that has since
    /// vanished is reported and the embedded data stays.
    pub fn restore(&mut self, remembered: Persisted) {
        let commands = remembered.restore(&mut self.view, &mut self.document);
        self.commands.extend(commands);
    }

    /// Runs one frame of the whole UI inside `ui`. eframe calls this through [`eframe::App`];
    /// tests call it through `egui_kittest`.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        crate::model::i18n::set_thread_lang(self.view.lang());
        self.handle_input(ui);
        self.poll_jobs();
        let dt = f64::from(ui.input(|i| i.stable_dt).min(0.1));
        if self.view.time.update(dt, &self.document.timeline) {
            self.view.scroll_to_current = true;
        }
        if self.view.time.playing || self.view.flight.is_some() || !self.jobs.is_empty() {
            ui.ctx().request_repaint();
        }
        if let Some(flight) = self.view.flight {
            let t = (flight.t + dt / 0.6).min(1.0);
            let eased = t * t * (3.0 - 2.0 * t);
            self.view.camera = Some(flight.from.lerp(&flight.to, eased));
            self.view.flight = (t < 1.0).then_some(Flight { t, ..flight });
        }
        self.refresh_state();
        if ui.ctx().options(|o| o.theme_preference) != self.view.theme.preference() {
            ui.ctx().set_theme(self.view.theme.preference());
        }

        self.memory.charts.clear();
        let mut cx = Cx {
            document: &self.document,
            view: &self.view,
            at_date: &self.at_date,
            jobs: &self.jobs,
            memory: &mut self.memory,
            commands: &mut self.commands,
        };
        crate::ui::layout_panels(ui, &mut cx);
        let mesh_cache = &mut self.mesh_cache;
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| crate::ui::map_area_ui(ui, &mut cx, mesh_cache));
        crate::ui::animation::animation_window(
            &mut self.animation,
            &self.document,
            &mut self.commands,
            &ui.ctx().clone(),
        );
        crate::ui::edit::editor_ui(
            &ui.ctx().clone(),
            &mut self.editor,
            &self.document,
            &self.editing,
            &mut self.commands,
        );

        self.view.scroll_to_current = false;
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.apply(command);
        }
        self.editing_frame(&ui.ctx().clone());
        self.load_fine_layer_when_wanted();
        let shown = self
            .view
            .camera
            .map(|camera| (camera, Arc::as_ptr(self.layer()) as usize));
        self.trim.tick(ui.ctx(), shown);
        // A date change from a command shows this frame's state next frame; keep it current.
        self.refresh_state();
        if let Some(url) = self.pending_url.take() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
        }
        if std::mem::take(&mut self.quit) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.quit_after_first_frame {
            self.quit_after_first_frame = false;
            crate::cli::output::say(&format!(
                "first frame {:.0} ms after the app was created",
                self.created.elapsed().as_secs_f64() * 1000.0
            ));
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Recomputes the state and what is drawn from it when the date or the data changed.
    fn refresh_state(&mut self) {
        if self.jobs.is_empty()
            && let Some(id) = self.view.pending_link_id.take()
        {
            self.view.selected_link = self.document.timeline.relationship_index(&id);
        }
        self.at_date.refresh(&self.document, &self.view);
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
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Q)) {
            self.commands.push(Command::Quit);
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F)) {
            self.memory.focus_find = true;
        }
        // Saving works while typing in a form; undo there is the field's own until it
        // loses focus.
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
            self.commands.push(Command::Edit(EditCommand::SaveAs));
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::S)) {
            self.commands.push(Command::Edit(EditCommand::Save));
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
        let shortcuts = [
            (
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
                EditCommand::Redo,
            ),
            (Modifiers::COMMAND, Key::Y, EditCommand::Redo),
            (Modifiers::COMMAND, Key::Z, EditCommand::Undo),
        ];
        for (modifiers, key, command) in shortcuts {
            if ui.input_mut(|i| i.consume_key(modifiers, key)) {
                self.commands.push(Command::Edit(command));
            }
        }
        let bindings: [(Key, &[Command]); 10] = [
            (Key::ArrowRight, &[Command::Time(TimeCommand::NextEvent)]),
            (Key::ArrowLeft, &[Command::Time(TimeCommand::PreviousEvent)]),
            (Key::Space, &[Command::Time(TimeCommand::TogglePlay)]),
            (Key::Home, &[Command::Time(TimeCommand::Start)]),
            (Key::End, &[Command::Time(TimeCommand::End)]),
            (Key::Plus, &[Command::ZoomIn]),
            (Key::Equals, &[Command::ZoomIn]),
            (Key::Minus, &[Command::ZoomOut]),
            (Key::Num0, &[Command::ResetView]),
            (
                Key::Escape,
                &[
                    Command::SelectCountry(None),
                    Command::SelectLink(None),
                    Command::Compare(CompareCommand::Leave),
                ],
            ),
        ];
        // `/` focuses Find, and is not typed into it.
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Slash)) {
            ui.input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t == "/"));
            });
            self.memory.focus_find = true;
            self.memory.slash_pending = true;
        }
        for (key, commands) in bindings {
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                self.commands.extend_from_slice(commands);
            }
        }
    }

    /// Applies one command: the only place the document and the view change, apart from
    /// finished jobs, taken at the start of each frame.
    pub fn apply(&mut self, command: Command) {
        let view = &mut self.view;
        match command {
            Command::SelectCountry(key) => {
                view.selected = key;
                view.panel_hovered_link = None;
            }
            Command::FlyToCountry(key) => {
                if let Some(goal) = self.camera_for_country(&key) {
                    self.view.fly_to(goal);
                }
                self.view.selected = Some(key);
            }
            Command::SelectLink(link) => view.selected_link = link,
            Command::ZoomIn | Command::ZoomOut => view.zoom_step(command == Command::ZoomIn),
            Command::ResetView => {
                view.camera = Some(view.default_camera());
                view.camera_is_default = true;
                view.flight = None;
            }
            Command::MapResized { map, visible } => view.set_map_rect(map, visible),
            Command::MoveCamera(camera) => {
                view.camera = Some(camera);
                view.camera_is_default = false;
                view.flight = None;
            }
            Command::SetHideEnded(hide) => view.set_hide_ended(hide),
            Command::SetFocusTies(on) => view.focus_ties = on,
            Command::SetFilter(filter) => view.set_filter(filter),
            Command::HoverLink(link) => view.panel_hovered_link = link,
            Command::HoverMapLink(link) => view.map_hovered_link = link,
            Command::FrameWorld(a, b) => {
                let lo = [a[0].min(b[0]), a[1].min(b[1])];
                let hi = [a[0].max(b[0]), a[1].max(b[1])];
                let goal = view.framing_world(lo, hi);
                view.fly_to(goal);
            }
            Command::SetTheme(theme) => view.theme = theme,
            Command::SetLang(lang) => {
                view.lang_choice = lang;
                crate::model::i18n::set_thread_lang(view.lang());
            }
            Command::OpenAnimationWindow => {
                crate::ui::animation::open_animation_window(
                    &mut self.animation,
                    &self.document,
                    &self.view,
                );
            }
            Command::Time(t) => {
                view.time.apply(t, &self.document.timeline);
                view.scroll_to_current = true;
            }
            Command::ShowMessage(message) => view.messages.push(message),
            Command::DismissMessage(i) => {
                if i < view.messages.len() {
                    view.messages.remove(i);
                }
            }
            Command::OpenUrl(url) => match crate::model::source::web_address(&url) {
                // Opened by egui's platform output at the end of the frame.
                Some(address) => self.pending_url = Some(address.to_owned()),
                None => view.messages.push(Message::error(tr_args(
                    "msg-not-a-web-address",
                    &[("url", url.into())],
                ))),
            },
            Command::Load(path, kind) => self.start_load(path, kind),
            Command::LoadDefaults => self.start_loading_defaults(),
            Command::OpenDialog(kind) => self.ask_path(PathPurpose::Open(kind)),
            Command::ExportDialog(format) => self.ask_path(PathPurpose::Export(format)),
            Command::AskPath(purpose) => {
                let suggested = self.suggested_path(&purpose);
                let why = tr("path-type-it");
                self.memory.path_prompt = Some(PathPrompt::new(purpose, &suggested, &why));
            }
            Command::ClosePathPrompt => self.memory.path_prompt = None,
            Command::Quit => self.quit = true,
            Command::ExportTo(path) => self.start_export(path),
            Command::Edit(e) => self.apply_edit_command(e),
            Command::Events(c) => self.apply_events(c),
            Command::Compare(c) => self.apply_compare(c),
            Command::Animation(c) => self.apply_animation(c),
        }
    }

    /// The event layers' commands: a layer removed, the window and filters, a layer to load.
    fn apply_events(&mut self, command: crate::app::event_view::EventCommand) {
        if let crate::app::event_view::EventCommand::Remove(i) = command
            && i < self.document.events.len()
        {
            self.document.events.remove(i);
            self.document.event_paths.remove(i);
        }
        if let Some(path) = self.view.events.apply(command) {
            self.start_load(path, Some(FileKind::Events));
        }
    }

    /// Compare mode's commands. Entering compare mode frames the Sahel in the visible part of
    /// the map.
    fn apply_compare(&mut self, command: CompareCommand) {
        let now = self.view.day();
        let was_comparing = self.view.compare.range.is_some();
        let export = self.view.compare.apply(command, now);
        if !was_comparing && self.view.compare.range.is_some() {
            let goal = self.view.default_camera();
            self.view.fly_to(goal);
            self.view.camera_is_default = true;
        }
        match export {
            Some(CompareCommand::ExportChanges { markdown }) => {
                self.export_changes_dialog(markdown);
            }
            Some(CompareCommand::ExportChangesTo(path)) => {
                let markdown = crate::app::compare::is_markdown_path(&path);
                self.export_changes_to(path, markdown);
            }
            _ => {}
        }
    }

    /// A camera framing a country (what Find flies to).
    /// The box is its largest part with room around it for its neighbours' names, framed in
    /// the visible part of the map.
    pub fn camera_for_country(&self, key: &str) -> Option<MapCamera> {
        let layer = self.layer();
        let c = layer.country_index(key)?;
        let [min_lon, min_lat, max_lon, max_lat] = layer.largest_part_lon_lat(c)?;
        let pad = 6.0;
        Some(MapCamera::framing_lon_lat_in(
            [min_lon - pad, (min_lat - pad).max(-89.0)],
            [max_lon + pad, (max_lat + pad).min(89.0)],
            self.view.map_size(),
            self.view.visible_local(),
            crate::app::view::LABEL_ROOM,
        ))
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
            && self.document.fine.is_none()
            && self.document.countries_path.is_none()
            && self.jobs.is_empty()
            && !country_file_coming
        {
            self.fine_wanted = false;
            // Off the UI thread, so the first frame comes at once.
            self.jobs
                .spawn(tr("msg-embedded-fine"), STAGE_TRIANGULATING, |_| {
                    Loaded::FineLayer(crate::map::embedded::fine_layer())
                });
        }
    }

    /// "Back to the embedded data": the embedded countries and scenario, off the UI thread.
    fn start_loading_defaults(&mut self) {
        self.jobs
            .spawn(tr("msg-embedded-data"), STAGE_PARSING, |_| {
                Loaded::Defaults(
                    crate::map::embedded::coarse_layer()
                        .and_then(|layer| Ok((layer, crate::io::embedded::default_timeline()?))),
                )
            });
    }

    fn start_load(&mut self, path: PathBuf, kind: Option<FileKind>) {
        let name = path.display().to_string();
        if matches!(kind, None | Some(FileKind::Scenario)) && crate::io::sheet::is_sheet_path(&path)
        {
            self.jobs.spawn(name, STAGE_PARSING, move |_| {
                let read = crate::io::sheet::read_sheet_scenario(&path);
                Loaded::Scenario(path, read.map(|(s, w)| (Arc::new(Timeline::new(s)), w)))
            });
            return;
        }
        let choices = self.view.events.choices.clone();
        // The zooms whose hexagon grids an event layer makes as it loads.
        let size = self.view.map_size();
        let scales = [
            self.view.camera.map_or(0.0, |c| c.scale),
            crate::map::MapCamera::world(size).scale,
            crate::map::MapCamera::sahel(size).scale,
        ];
        self.jobs
            .spawn(name.clone(), STAGE_READING, move |progress| {
                // An event layer is read as it streams (it may be far larger than other files);
                // its kind is told from the file's first bytes.
                let kind = kind.or_else(|| crate::io::detect_file_kind(&path).ok());
                if kind == Some(FileKind::Events) {
                    return crate::app::event_view::load_job(path, &choices, &scales, progress);
                }
                let bytes = crate::io::read_file_bytes(&path);
                progress.set_stage(STAGE_PARSING);
                let kind = kind.unwrap_or_else(|| match &bytes {
                    Ok(b) => crate::io::detect_kind(b),
                    Err(_) => FileKind::Countries,
                });
                match kind {
                    FileKind::Countries => Loaded::Countries(
                        path,
                        bytes
                            .and_then(|b| crate::io::parse_countries(&name, &b))
                            .map(|l| {
                                progress.set_stage(STAGE_TRIANGULATING);
                                let layer = MapLayer::new(l);
                                // Shown once its low-zoom copies are ready too: drawing a
                                // detailed layer whole at a world view would cost more memory
                                // and time than the few milliseconds of waiting.
                                progress.set_stage(STAGE_SIMPLIFYING);
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
                    // Told apart only once read whole (its first bytes could not be read
                    // before): read again as it streams.
                    FileKind::Events => {
                        crate::app::event_view::load_job(path, &choices, &scales, progress)
                    }
                }
            });
    }

    /// Takes the results of background jobs. Failed loads leave the data as it was.
    pub(crate) fn poll_jobs(&mut self) {
        for loaded in self.jobs.poll() {
            self.finish(loaded);
        }
    }

    fn finish(&mut self, loaded: Loaded) {
        let replaces = matches!(loaded, Loaded::Scenario(_, Ok(_)) | Loaded::Defaults(Ok(_)));
        if replaces && self.document.is_dirty() {
            // Asked first: "open it and lose the edits?".
            self.editing.pending_replace = Some(loaded);
            return;
        }
        self.finish_loaded(loaded);
    }

    /// Takes a job's result (a scenario replacing unsaved edits only once confirmed).
    pub(crate) fn finish_loaded(&mut self, loaded: Loaded) {
        let failed = |what: &str, e: &LoadError| Message::from_load_error(what, e);
        let warned = |path: &std::path::Path, warnings: Vec<String>| Message {
            headline: tr_args(
                "msg-opened-with-warnings",
                &[("path", path_arg(path)), ("count", warnings.len().into())],
            ),
            details: warnings,
            is_error: false,
        };
        // "Exported PATH.", "Could not write PATH." …
        let said = |key: &str, path: &std::path::Path| tr_args(key, &[("path", path_arg(path))]);
        let messages = &mut self.view.messages;
        match loaded {
            Loaded::Countries(path, Ok(layer)) => {
                if !layer.layer.warnings.is_empty() {
                    let warnings = layer.layer.warnings.iter().map(ToString::to_string);
                    messages.push(warned(&path, warnings.collect()));
                }
                self.document.set_countries(layer, Some(path.clone()));
                self.fine_wanted = false;
                self.document.remember_recent(path);
            }
            Loaded::Scenario(path, Ok((timeline, warnings))) => {
                if !warnings.is_empty() {
                    messages.push(warned(
                        &path,
                        warnings.iter().map(ToString::to_string).collect(),
                    ));
                }
                self.document.set_timeline(timeline, Some(path.clone()));
                self.document.remember_recent(path);
                self.after_new_timeline();
            }
            Loaded::Countries(path, Err(e)) | Loaded::Scenario(path, Err(e)) => {
                messages.push(failed(&path.display().to_string(), &e));
            }
            Loaded::Defaults(Ok((coarse, timeline))) => {
                self.document.set_countries(coarse, None);
                self.document.set_timeline(timeline, None);
                self.fine_wanted = true;
                self.after_new_timeline();
            }
            Loaded::Defaults(Err(e)) => messages.push(failed(&tr("msg-embedded-data"), &e)),
            Loaded::Events(path, result) => {
                crate::app::event_view::finish_load(
                    &mut self.document,
                    &mut self.view.messages,
                    path,
                    result,
                );
            }
            Loaded::EventColumns(path, header) => {
                let c = crate::app::event_view::EventCommand::ChooseColumns(path, header);
                self.view.events.apply(c);
            }
            Loaded::PathChosen(purpose, path) => self.apply(purpose.command(path)),
            // The animation window has its own path field: it says to type the path there.
            Loaded::NoDialog(PathPurpose::Animation(_), _) => self.animation.no_dialog(),
            Loaded::NoDialog(purpose, suggested) => {
                let prompt = PathPrompt::new(purpose, &suggested, &tr("path-no-dialog"));
                self.memory.path_prompt = Some(prompt);
            }
            // Only while the embedded layers are shown.
            Loaded::FineLayer(Ok(fine)) if self.document.countries_path.is_none() => {
                self.document.fine = Some(fine);
                self.document.generation += 1;
            }
            Loaded::FineLayer(Ok(_)) => {}
            Loaded::FineLayer(Err(e)) => messages.push(failed(&tr("msg-embedded-fine"), &e)),
            Loaded::Exported(path, Ok(())) => {
                messages.push(Message::note(said("msg-exported", &path)))
            }
            Loaded::Exported(path, Err(e)) => messages.push(Message {
                headline: said("msg-export-failed", &path),
                details: vec![e.to_string()],
                is_error: true,
            }),
            Loaded::Animation(path, result) => self.animation.finished(&path, result),
            Loaded::DialogFailed(text) => messages.push(Message::note(text)),
            Loaded::Saved {
                path,
                state,
                result,
            } => self.finish_save(path, state, result),
            Loaded::Wrote(path, Ok(())) => messages.push(Message::note(said("msg-wrote", &path))),
            Loaded::Wrote(path, Err(why)) => messages.push(Message {
                headline: said("msg-write-failed", &path),
                details: vec![why],
                is_error: true,
            }),
            Loaded::Failed { job, why } => {
                self.animation.job_failed(&job, &why);
                messages.push(Message::error(tr_args(
                    "msg-job-failed",
                    &[("job", job.into()), ("why", why.into())],
                )));
            }
        }
    }

    /// A new scenario: the day kept within its span, the link selection cleared.
    fn after_new_timeline(&mut self) {
        let day = self.view.day();
        self.view
            .time
            .apply(TimeCommand::SetDay(day), &self.document.timeline);
        self.view.selected_link = None;
    }

    /// Asks where to write the change list of compare mode, off the UI thread.
    fn export_changes_dialog(&mut self, markdown: bool) {
        if self.view.compare.range.is_none() {
            self.view.messages.push(nothing_to_compare());
            return;
        }
        self.ask_path(PathPurpose::Changes(markdown));
    }

    /// Asks for a path with the native dialog, off the UI thread; where none can be shown,
    /// the typed-path window opens.
    pub(crate) fn ask_path(&mut self, purpose: PathPurpose) {
        let suggested = self.suggested_path(&purpose);
        if let Err(message) = crate::app::dialogs::ask_path(&self.jobs, purpose, suggested) {
            self.view.messages.push(message);
        }
    }

    /// The path first suggested for `purpose`.
    fn suggested_path(&self, purpose: &PathPurpose) -> PathBuf {
        let open = self.document.scenario_path.as_ref();
        match purpose {
            // Beside the scenario open, named after it.
            PathPurpose::SaveAs if open.is_some() => {
                return self
                    .save_target()
                    .unwrap_or_else(|| open.map(|p| p.with_extension("json")).unwrap_or_default());
            }
            PathPurpose::ExportSheet if open.is_some() => {
                return open.map(|p| p.with_extension("xlsx")).unwrap_or_default();
            }
            _ => {}
        }
        crate::app::dialogs::suggested_path(purpose, self.view.day(), self.view.compare.range)
    }

    /// Writes the change list of compare mode to `path` (Markdown or CSV, with every event's
    /// sources) off the UI thread; the result comes back as a message.
    fn export_changes_to(&mut self, path: PathBuf, markdown: bool) {
        let Some(diff) = self.compare_diff() else {
            self.view.messages.push(nothing_to_compare());
            return;
        };
        let timeline = self.document.timeline.clone();
        self.jobs
            .spawn(path.display().to_string(), STAGE_EXPORTING, move |_| {
                let text = crate::app::compare::changes_text(&timeline, &diff, markdown);
                let result =
                    crate::io::atomic::write_atomic(&path, text.as_bytes()).map_err(|source| {
                        crate::export::ExportError::Write {
                            path: path.clone(),
                            source,
                        }
                    });
                Loaded::Exported(path, result)
            });
    }

    /// Writes the current view at the current date to `path` off the UI thread: PNG or SVG of
    /// the map, GeoJSON or CSV of the state, by extension.
    fn start_export(&mut self, path: PathBuf) {
        use crate::export::{Format, MapData, RenderOptions, export_to_file};
        let Some(format) = Format::of_path(&path) else {
            self.view.messages.push(Message::error(tr_args(
                "msg-export-bad-name",
                &[("path", path_arg(&path))],
            )));
            return;
        };
        let layer = self.layer().clone();
        let places = self.document.coarse.clone();
        let timeline = self.document.timeline.clone();
        // The same view as on screen, 1600 pixels wide.
        let rect = self.view.map_rect;
        let width = 1600.0_f64;
        let height = (width * f64::from(rect.height()) / f64::from(rect.width().max(1.0))).round();
        let camera = self.view.camera.map(|c| MapCamera {
            center_world: c.center_world,
            scale: c.scale * width / f64::from(rect.width().max(1.0)),
        });
        let options = RenderOptions {
            date: self.day().to_date(),
            size: [width as u32, height.clamp(200.0, 4000.0) as u32],
            camera,
            hide_ended: self.view.hide_ended,
            filter: self.view.filter.clone(),
            focus: self
                .view
                .focus_ties
                .then(|| self.view.selected.clone())
                .flatten(),
            compare: self
                .view
                .compare
                .range
                .map(|(a, b)| (a.to_date(), b.to_date())),
            headline: None,
            events: crate::app::event_view::event_options(&self.document, &self.view.events),
        };
        self.jobs
            .spawn(path.display().to_string(), STAGE_EXPORTING, move |_| {
                let data = MapData {
                    layer: &layer,
                    places: &places,
                    timeline: &timeline,
                };
                let result = export_to_file(&path, format, &data, &options);
                Loaded::Exported(path, result)
            });
    }
}

/// Compare mode, seen from outside: for the map, tests and tools.
impl SahelApp {
    /// The dates compared, earlier first, while compare mode is on.
    pub fn compare_range(&self) -> Option<(Day, Day)> {
        self.view.compare.range
    }

    /// What changed between the compared dates, while compare mode is on: the diff the
    /// panels read (computed once per range and data), or computed now when the cache is
    /// behind (a command applied since the last frame).
    pub fn compare_diff(&self) -> Option<Arc<crate::model::Diff>> {
        let (from, to) = self.view.compare.range?;
        match self.at_date.compare.diff() {
            Some(diff) if (diff.from, diff.to) == (from, to) => Some(diff.clone()),
            _ => Some(Arc::new(self.document.timeline.diff(from, to))),
        }
    }
}

impl SahelApp {
    /// Writes `settings` atomically to [`SahelApp::settings_path`]. A failure is said once
    /// in the messages (the old file stays whole) and tried again at the next save.
    pub fn write_settings(&mut self, settings: &crate::app::settings::Settings) {
        let Some(path) = &self.settings_path else {
            return;
        };
        match settings.write(path) {
            Ok(()) => self.settings_failed = false,
            Err(e) if !self.settings_failed => {
                self.settings_failed = true;
                self.view.messages.push(Message::error(tr_args(
                    "msg-settings-not-saved",
                    &[("path", path_arg(path)), ("error", e.to_string().into())],
                )));
            }
            Err(_) => {}
        }
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
        let settings = crate::app::settings::Settings::gather(storage, &self.persisted());
        self.write_settings(&settings);
    }
}

/// Why the change list cannot be exported outside compare mode.
fn nothing_to_compare() -> Message {
    Message::error(tr("msg-nothing-to-compare"))
}

fn empty_scenario() -> crate::model::Scenario {
    let today = jiff::civil::Date::constant(2026, 1, 1);
    crate::model::Scenario {
        format: crate::model::SCENARIO_FORMAT.to_owned(),
        title: "Empty".to_owned(),
        description: String::new(),
        i18n: Default::default(),
        span: crate::model::ScenarioSpan {
            start: jiff::civil::Date::constant(2012, 1, 1),
            end: today,
        },
        research_until: None,
        groups: Vec::new(),
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

    #[test]
    fn a_job_that_panics_shows_an_error_and_no_spinner() {
        let mut app = SahelApp::with_document(Document::new(
            crate::map::embedded::coarse_layer().expect("embedded layer"),
            None,
            crate::io::embedded::default_timeline().expect("embedded scenario"),
        ));
        app.jobs
            .spawn("broken.geojson".to_owned(), STAGE_READING, |_| {
                panic!("index out of bounds")
            });
        let start = Instant::now();
        while !app.jobs.is_empty() && start.elapsed() < Duration::from_secs(10) {
            app.poll_jobs();
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(app.is_idle(), "the spinner stops");
        let [message] = &app.view.messages[..] else {
            panic!("one message: {:?}", app.view.messages);
        };
        assert!(message.is_error);
        assert!(
            message
                .headline
                .starts_with("broken.geojson: it failed (index out of bounds)"),
            "{}",
            message.headline
        );
    }

    #[test]
    fn where_no_dialog_can_be_shown_the_typed_path_window_opens_for_the_same_purpose() {
        let mut app = SahelApp::with_document(Document::new(
            crate::map::embedded::coarse_layer().expect("embedded layer"),
            None,
            crate::io::embedded::default_timeline().expect("embedded scenario"),
        ));
        let purpose = PathPurpose::Export(crate::export::Format::Svg);
        app.finish(Loaded::NoDialog(
            purpose.clone(),
            PathBuf::from("/x/map.svg"),
        ));
        let prompt = app
            .memory
            .path_prompt
            .clone()
            .expect("the typed-path window");
        assert_eq!(prompt.purpose, purpose);
        assert_eq!(prompt.path, "/x/map.svg");
        assert_eq!(prompt.why, tr("path-no-dialog"));
        // What it carries out is what the dialog's answer would have.
        assert_eq!(
            purpose.command(PathBuf::from("/x/map.svg")),
            Command::ExportTo(PathBuf::from("/x/map.svg"))
        );
        app.apply(Command::ClosePathPrompt);
        assert_eq!(app.memory.path_prompt, None);
    }

    #[test]
    fn only_web_addresses_are_opened() {
        let mut app = SahelApp::with_document(Document::new(
            crate::map::embedded::coarse_layer().expect("embedded layer"),
            None,
            crate::io::embedded::default_timeline().expect("embedded scenario"),
        ));
        app.apply(Command::OpenUrl("file:///etc/passwd".to_owned()));
        assert_eq!(app.pending_url, None);
        assert!(app.view.messages[0].headline.contains("not a web address"));
        app.apply(Command::OpenUrl(" https://example.org/a ".to_owned()));
        assert_eq!(app.pending_url.as_deref(), Some("https://example.org/a"));
    }
}
