//! Starting the window: what the command line asks for merged with what was remembered from
//! the last run, eframe's options (renderer, window icon), and the fall-back from OpenGL to
//! wgpu.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::SahelApp;
use crate::app::command::Command;
use crate::app::compare::CompareCommand;
use crate::app::persist::Persisted;
use crate::app::time_control::TimeCommand;
use crate::cli::args::RendererChoice;
use crate::io::FileKind;
use crate::model::Day;

/// What the command line asks the window to open.
#[derive(Clone, Debug)]
pub struct AppStart {
    /// `--countries`.
    pub countries: Option<PathBuf>,
    /// `--scenario`.
    pub scenario: Option<PathBuf>,
    /// `--at`.
    pub at: Option<jiff::civil::Date>,
    /// `--events` (repeatable) and `--window`.
    pub events: (Vec<PathBuf>, Option<crate::model::EventWindow>),
    /// `--since`: open in compare mode, from this date to `--at`.
    pub since: Option<jiff::civil::Date>,
    /// `--lang`: the language chosen on the command line (remembered like View → Language).
    pub lang: Option<crate::model::i18n::Lang>,
    /// When the process started (for `SAHEL_ATLAS_QUIT_AFTER_FIRST_FRAME`'s timings).
    pub started: Instant,
}

impl AppStart {
    /// The app as it starts: the remembered state, then the command line on top of it (a
    /// file or date given there wins over the remembered one).
    pub fn app(&self, remembered: Option<Persisted>) -> SahelApp {
        let mut app = SahelApp::new();
        if let Some(mut remembered) = remembered {
            if self.countries.is_some() {
                remembered.countries_path = None;
            }
            if self.scenario.is_some() {
                remembered.scenario_path = None;
            }
            app.restore(remembered);
        }
        if let Some(path) = &self.countries {
            app.push(Command::Load(path.clone(), Some(FileKind::Countries)));
        }
        if let Some(path) = &self.scenario {
            app.push(Command::Load(path.clone(), Some(FileKind::Scenario)));
        }
        for path in &self.events.0 {
            app.push(Command::Load(path.clone(), Some(FileKind::Events)));
        }
        if let Some(window) = self.events.1 {
            let c = crate::app::event_view::EventCommand::SetWindow(window);
            app.push(Command::Events(c));
        }
        if let Some(lang) = self.lang {
            app.push(Command::SetLang(Some(lang)));
        }
        if let Some(date) = self.at {
            app.push(Command::Time(TimeCommand::SetDay(Day::from_date(date))));
        }
        if let Some(since) = self.since {
            // After the date: compared with the date the app opens at.
            let since = Day::from_date(since);
            app.push(Command::Compare(CompareCommand::WithCurrent(since)));
        }
        app
    }
}

/// Why the window did not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// No display to open a window on: neither `DISPLAY` nor `WAYLAND_DISPLAY` is set, or
    /// the display named cannot be reached.
    #[error(
        "no display is available{0}: the app needs a desktop session (the subcommands state, \
         check, render, export, diff, changelog and chart run without one)"
    )]
    NoDisplay(String),
    /// The window or its renderer failed.
    #[error("cannot start the window: {0}")]
    Window(#[from] eframe::Error),
}

/// Runs the app in a window until it closes, with `renderer`; when OpenGL does not start,
/// says so on stderr and tries wgpu. With no display at all, it says so and tries nothing.
///
/// # Errors
/// [`StartError`] when there is no display or no renderer starts.
pub fn run_app(start: AppStart, renderer: RendererChoice) -> Result<(), StartError> {
    if let Some(why) = missing_display(|name| std::env::var_os(name).is_some()) {
        return Err(StartError::NoDisplay(why));
    }
    let start = Arc::new(start);
    match run_window(&start, renderer) {
        // Without an event loop (no display to connect to), wgpu cannot start either.
        Err(eframe::Error::WinitEventLoop(_)) => {
            let named = ["WAYLAND_DISPLAY", "DISPLAY"]
                .iter()
                .find_map(|v| std::env::var(v).ok().map(|d| format!("{v}={d}")))
                .unwrap_or_else(|| "the display".to_owned());
            Err(StartError::NoDisplay(format!(
                " ({named} cannot be reached)"
            )))
        }
        Err(e) if renderer == RendererChoice::Glow => {
            crate::cli::output::say(&format!(
                "sahel-atlas: OpenGL did not start ({e}); trying wgpu"
            ));
            Ok(run_window(&start, RendererChoice::Wgpu)?)
        }
        other => Ok(other?),
    }
}

/// Why there is no display to open a window on, if there is none: on Linux and the BSDs a
/// desktop session sets `DISPLAY` (X11) or `WAYLAND_DISPLAY`. `is_set` says whether an
/// environment variable is set.
pub fn missing_display(is_set: impl Fn(&str) -> bool) -> Option<String> {
    let needs_variable = cfg!(all(
        unix,
        not(target_os = "macos"),
        not(target_os = "ios"),
        not(target_os = "android")
    ));
    (needs_variable && !is_set("DISPLAY") && !is_set("WAYLAND_DISPLAY"))
        .then(|| " (neither DISPLAY nor WAYLAND_DISPLAY is set)".to_owned())
}

/// The app's icon at 256×256 (`assets/icons/`, rendered from `assets/sahel-atlas.svg`).
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/sahel-atlas-256.png");

/// The window icon, decoded from [`ICON_PNG`].
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// The smallest window the layout is made for: every panel, the map and the whole time strip.
pub const MIN_WINDOW: [f32; 2] = [1024.0, 640.0];

/// The window's options: title, sizes, drag-and-drop, icon and renderer. The app id
/// matches the desktop entry `assets/sahel-atlas.desktop`, so desktops show its icon.
pub fn native_options(renderer: RendererChoice) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Sahel Atlas")
        .with_app_id("sahel-atlas")
        .with_inner_size([1500.0, 920.0])
        .with_min_inner_size(MIN_WINDOW)
        .with_drag_and_drop(true);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        renderer: match renderer {
            RendererChoice::Glow => eframe::Renderer::Glow,
            RendererChoice::Wgpu => eframe::Renderer::Wgpu,
        },
        wgpu_options: wgpu_options(),
        ..Default::default()
    }
}

fn run_window(start: &Arc<AppStart>, renderer: RendererChoice) -> eframe::Result {
    let start = start.clone();
    let (settings, note) = crate::app::settings::prepare();
    eframe::run_native(
        "Sahel Atlas",
        native_options(renderer),
        Box::new(move |cc| {
            if std::env::var_os("SAHEL_ATLAS_QUIT_AFTER_FIRST_FRAME").is_some() {
                crate::cli::output::say(&format!(
                    "window and GPU ready {:.0} ms after start ({renderer:?})",
                    start.started.elapsed().as_secs_f64() * 1000.0
                ));
            }
            if let Some(memory) = settings.egui_memory() {
                cc.egui_ctx.memory_mut(|m| *m = memory);
            }
            let mut app = start.app(settings.persisted());
            app.settings_path = crate::app::settings::settings_dir()
                .map(|dir| dir.join(crate::app::settings::SETTINGS_FILE));
            if let Some(note) = note {
                app.view
                    .messages
                    .push(crate::app::message::Message::note(note));
            }
            // Unsaved edits are kept beside the settings, and offered back after a crash
            // (`SAHEL_ATLAS_RECOVERY` names another file).
            app.editing.recovery_path = std::env::var_os("SAHEL_ATLAS_RECOVERY")
                .map(std::path::PathBuf::from)
                .or_else(|| crate::app::settings::settings_dir().map(|d| d.join("recovery.json")));
            app.look_for_recovery();
            Ok(Box::new(app))
        }),
    )
}

/// eframe's wgpu set-up, asking the driver to favour memory over speed.
///
/// The map's buffers are a few megabytes, so the default of 64–256 MB memory
/// blocks only costs memory; on a software rasteriser those blocks live in the
/// process's own heap.
fn wgpu_options() -> eframe::WgpuConfiguration {
    use eframe::egui_wgpu::{WgpuSetup, WgpuSetupCreateNew};
    use eframe::wgpu;
    let mut setup = WgpuSetupCreateNew::without_display_handle();
    let default_descriptor = setup.device_descriptor.clone();
    setup.device_descriptor = Arc::new(move |adapter| wgpu::DeviceDescriptor {
        memory_hints: wgpu::MemoryHints::MemoryUsage,
        ..default_descriptor(adapter)
    });
    eframe::WgpuConfiguration {
        wgpu_setup: WgpuSetup::CreateNew(setup),
        ..eframe::NativeOptions::default().wgpu_options
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_display_is_said_in_one_line_before_any_renderer_is_tried() {
        let none = missing_display(|_| false);
        if cfg!(target_os = "linux") {
            let why = none.expect("no display on Linux without DISPLAY or WAYLAND_DISPLAY");
            let e = StartError::NoDisplay(why).to_string();
            assert!(e.starts_with("no display is available"), "{e}");
            assert!(!e.contains('\n'), "{e}");
        }
        assert_eq!(missing_display(|v| v == "DISPLAY"), None);
        assert_eq!(missing_display(|v| v == "WAYLAND_DISPLAY"), None);
    }

    use super::*;

    fn fixture(path: &str) -> PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path)
    }

    fn remembered() -> Persisted {
        Persisted {
            day: Some(Day::from_date(jiff::civil::Date::constant(2015, 1, 1)).0),
            hide_ended: true,
            countries_path: Some(fixture("countries/truncated.geojson")),
            scenario_path: Some(fixture("scenario/tiny.json")),
            ..Persisted::default()
        }
    }

    fn loads(app: &SahelApp) -> Vec<(PathBuf, Option<FileKind>)> {
        app.commands
            .iter()
            .filter_map(|c| match c {
                Command::Load(path, kind) => Some((path.clone(), *kind)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_command_line_wins_over_what_was_remembered() {
        let countries = fixture("bad/countries/gzip_of_valid_loads.geojson.gz");
        let at = jiff::civil::Date::constant(2023, 12, 5);
        let start = AppStart {
            countries: Some(countries.clone()),
            scenario: None,
            at: Some(at),
            events: Default::default(),
            since: None,
            lang: None,
            started: Instant::now(),
        };
        let app = start.app(Some(remembered()));
        assert_eq!(
            loads(&app),
            [
                (fixture("scenario/tiny.json"), Some(FileKind::Scenario)),
                (countries, Some(FileKind::Countries)),
            ],
            "the remembered scenario and the command line's countries, not the remembered ones"
        );
        let days: Vec<Day> = app
            .commands
            .iter()
            .filter_map(|c| match c {
                Command::Time(TimeCommand::SetDay(day)) => Some(*day),
                _ => None,
            })
            .collect();
        assert_eq!(
            days.last(),
            Some(&Day::from_date(at)),
            "--at is applied after the remembered day"
        );
        assert!(
            app.view.hide_ended,
            "the rest of the remembered view is kept"
        );
    }

    #[test]
    fn the_window_has_the_app_icon() {
        let icon = window_icon().expect("the embedded icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        let at = |x: usize, y: usize| &icon.rgba[(y * 256 + x) * 4..][..4];
        assert_eq!(at(0, 0)[3], 0, "transparent corners");
        assert_eq!(at(128, 128)[3], 255, "an opaque middle");
        let options = native_options(RendererChoice::Glow);
        assert!(options.viewport.icon.is_some());
        assert_eq!(options.viewport.app_id.as_deref(), Some("sahel-atlas"));
    }

    #[test]
    fn every_icon_size_is_there_and_the_desktop_entry_names_the_binary_and_icon() {
        let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        for size in [16, 32, 48, 64, 128, 256, 512] {
            let path = assets.join(format!("icons/sahel-atlas-{size}.png"));
            let bytes = std::fs::read(&path).expect("icon file");
            let reader = png::Decoder::new(std::io::Cursor::new(bytes))
                .read_info()
                .expect("a PNG");
            assert_eq!(
                (reader.info().width, reader.info().height),
                (size, size),
                "{}",
                path.display()
            );
        }
        let entry = std::fs::read_to_string(assets.join("sahel-atlas.desktop")).expect("entry");
        for line in [
            "Exec=sahel-atlas",
            "Icon=sahel-atlas",
            "StartupWMClass=sahel-atlas",
        ] {
            assert!(entry.lines().any(|l| l == line), "{line}");
        }
    }

    #[test]
    fn at_and_since_open_the_app_in_compare_mode() {
        let start = AppStart {
            countries: None,
            scenario: None,
            at: Some(jiff::civil::Date::constant(2023, 12, 4)),
            since: Some(jiff::civil::Date::constant(2023, 7, 25)),
            lang: None,
            events: Default::default(),
            started: Instant::now(),
        };
        let mut app = start.app(None);
        for command in std::mem::take(&mut app.commands) {
            app.apply(command);
        }
        let (from, to) = app.compare_range().expect("compare mode");
        assert_eq!(from.to_date(), jiff::civil::Date::constant(2023, 7, 25));
        assert_eq!(to.to_date(), jiff::civil::Date::constant(2023, 12, 4));
        assert_eq!(app.day(), to);
        let options = native_options(RendererChoice::Glow);
        assert_eq!(
            options.viewport.min_inner_size,
            Some(egui::vec2(1024.0, 640.0))
        );
    }

    #[test]
    fn nothing_remembered_and_nothing_asked_is_the_embedded_data() {
        let start = AppStart {
            countries: None,
            scenario: None,
            at: None,
            events: Default::default(),
            since: None,
            lang: None,
            started: Instant::now(),
        };
        let app = start.app(None);
        assert!(app.commands.is_empty());
        assert!(app.view.messages.is_empty(), "{:?}", app.view.messages);
    }
}
