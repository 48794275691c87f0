//! The `sahel-atlas` binary: parses arguments, then starts the app or runs a headless
//! subcommand.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use sahel_atlas::SahelApp;
use sahel_atlas::command::Command;
use sahel_atlas::export::{ExportError, Format, FrameStep, MapData, RenderOptions};
use sahel_atlas::io::FileKind;
use sahel_atlas::map::MapLayer;
use sahel_atlas::model::{Day, Timeline};
use sahel_atlas::time_control::TimeCommand;

/// A map of the Sahel's security ties over time.
#[derive(Parser, Debug)]
#[command(name = "sahel-atlas", version, about)]
struct Args {
    /// Country layer (GeoJSON, optionally gzip-compressed) instead of the embedded one.
    #[arg(long, value_name = "FILE", global = true)]
    countries: Option<PathBuf>,
    /// Scenario file instead of the embedded one.
    #[arg(long, value_name = "FILE", global = true)]
    scenario: Option<PathBuf>,
    /// Start at this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = sahel_atlas::cli::parse_at)]
    at: Option<jiff::civil::Date>,
    /// How the window is drawn: OpenGL (glow, the default: the lightest, and the one that
    /// runs on most machines) or wgpu (Vulkan, Metal, DirectX 12). When OpenGL cannot
    /// start, the app tries wgpu.
    #[arg(long, value_enum, default_value_t = RendererChoice::Glow)]
    renderer: RendererChoice,
    #[command(subcommand)]
    command: Option<Sub>,
}

/// The renderers the window can use.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum RendererChoice {
    /// OpenGL through glow.
    Glow,
    /// wgpu: Vulkan, Metal or DirectX 12.
    Wgpu,
}

#[derive(Subcommand, Debug)]
enum Sub {
    /// Print the state at a date: every link with its status and since when, and every
    /// state's government.
    State {
        /// The date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = sahel_atlas::cli::parse_at)]
        at: jiff::civil::Date,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check country layers and scenarios; print every problem as FILE:LINE:COLUMN.
    Check {
        /// Files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Draw the map at a date as a PNG or SVG picture (`--at`), or as numbered PNG frames
    /// from one date to another (`--from`, `--to`, `--step`), or as an MP4 or GIF clip of them
    /// (`--out clip.mp4`, `--fps`, `--hold-events`). Countries default to the
    /// embedded 1:50m layer.
    Render(RenderArgs),
    /// Write the state at a date for GIS tools: GeoJSON (link arcs, organisations, states'
    /// governments) or CSV (one row per link), by the extension of --out.
    Export {
        /// The date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        at: String,
        /// The file: .geojson (or .json) or .csv.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// What `render` was asked to draw.
#[derive(clap::Args, Debug)]
struct RenderArgs {
    /// The date of a single picture (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    at: Option<String>,
    /// The first frame's date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// The last date a frame may have (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Time between frames: a whole number and d, w, m or y (7d, 2w, 1m, 1y).
    #[arg(long, value_name = "STEP")]
    step: Option<String>,
    /// The picture (.png or .svg); for frames, a folder (frame-0001.png, …) or a pattern
    /// whose run of # becomes the frame number, such as frames/sahel-####.png; for a clip of
    /// the frames, a .mp4 (H.264) or .gif file.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Width and height in pixels.
    #[arg(long, value_name = "WxH", default_value = "1600x1000")]
    size: String,
    /// The view: longitude and latitude of the centre, and zoom in pixels per world unit
    /// (the Equal Earth world is about 5.4 units wide: 300 shows it all in 1600 pixels,
    /// 1000 is about the default Sahel view). Default: the Sahel and Europe.
    #[arg(long, value_name = "LON,LAT,ZOOM", allow_hyphen_values = true)]
    view: Option<String>,
    /// Leave out links that have ended.
    #[arg(long)]
    hide_ended: bool,
    /// For a clip (--out ending .mp4 or .gif): frames per second while time flows.
    #[arg(long, value_name = "FPS")]
    fps: Option<f64>,
    /// For a clip: hold each frame on which an event takes effect this many seconds, with
    /// the event's title as a headline.
    #[arg(long, value_name = "SECONDS")]
    hold_events: Option<f64>,
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // Usage errors exit 1 like every other error; --help and --version succeed.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match args.command {
        Some(Sub::State { at, json }) => {
            let timeline = match load_timeline(args.scenario.as_deref()) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            if json {
                match serde_json::to_string_pretty(&sahel_atlas::cli::state_json(&timeline, at)) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        eprintln!("cannot write JSON: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", sahel_atlas::cli::state_table(&timeline, at));
            }
            ExitCode::SUCCESS
        }
        Some(Sub::Check { files }) => {
            let (out, ok) = sahel_atlas::cli::check_files(&files);
            print!("{out}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Sub::Render(request)) => finish(render(
            args.countries.as_deref(),
            args.scenario.as_deref(),
            &request,
        )),
        Some(Sub::Export { at, out }) => finish(export(
            args.countries.as_deref(),
            args.scenario.as_deref(),
            &at,
            &out,
        )),
        None => run_app(
            AppStart {
                countries: args.countries,
                scenario: args.scenario,
                at: args.at,
                started,
            },
            args.renderer,
        ),
    }
}

/// Prints what a headless subcommand did, or its error, and gives the exit code.
fn finish(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(done) => {
            println!("{done}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sahel-atlas: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_date_arg(flag: &str, text: &str) -> Result<jiff::civil::Date, String> {
    sahel_atlas::cli::parse_at(text).map_err(|e| format!("{flag}: {e}"))
}

/// `render`: one picture or a series of frames.
fn render(
    countries: Option<&Path>,
    scenario: Option<&Path>,
    request: &RenderArgs,
) -> Result<String, String> {
    let size =
        sahel_atlas::export::parse_size(&request.size).map_err(|e| format!("--size: {e}"))?;
    let camera = match &request.view {
        Some(view) => {
            Some(sahel_atlas::export::parse_view(view).map_err(|e| format!("--view: {e}"))?)
        }
        None => None,
    };
    let out = &request.out;
    enum Job {
        One(jiff::civil::Date, Format),
        Frames(jiff::civil::Date, jiff::civil::Date, FrameStep),
        Clip(sahel_atlas::export::AnimationRequest),
    }
    let clip = sahel_atlas::export::AnimationFormat::of_path(out).is_some();
    if !clip && (request.fps.is_some() || request.hold_events.is_some()) {
        return Err(
            "--fps and --hold-events are for clips: end --out with .mp4 or .gif".to_owned(),
        );
    }
    let job = match (&request.at, &request.from, &request.to, &request.step) {
        (Some(at), None, None, None) => {
            let format = match Format::of_path(out) {
                Some(f @ (Format::Png | Format::Svg)) => f,
                _ => {
                    return Err(format!(
                        "cannot tell what to write to '{}': end --out with .png or .svg",
                        out.display()
                    ));
                }
            };
            Job::One(parse_date_arg("--at", at)?, format)
        }
        (None, Some(from), Some(to), Some(step)) => {
            if Format::of_path(out) == Some(Format::Svg) {
                return Err(format!(
                    "frames are PNG files: give --out a folder or a pattern such as frames/sahel-####.png, not '{}'",
                    out.display()
                ));
            }
            let step = FrameStep::parse(step).map_err(|e| format!("--step: {e}"))?;
            let (from, to) = (parse_date_arg("--from", from)?, parse_date_arg("--to", to)?);
            if clip {
                Job::Clip(sahel_atlas::export::AnimationRequest {
                    from,
                    to,
                    step,
                    fps: request.fps.unwrap_or(2.0),
                    hold_events: request.hold_events.unwrap_or(0.0),
                })
            } else if out.extension().is_some()
                && !out.is_dir()
                && Format::of_path(out) != Some(Format::Png)
            {
                return Err(format!(
                    "cannot tell what to write to '{}': end --out with .mp4 or .gif for a clip, \
                     or give a folder or a pattern such as frames/sahel-####.png for frames",
                    out.display()
                ));
            } else {
                Job::Frames(from, to, step)
            }
        }
        _ => {
            return Err(
                "render needs either --at DATE for one picture, or --from DATE --to DATE \
                 --step STEP for frames"
                    .to_owned(),
            );
        }
    };
    let timeline = load_timeline(scenario).map_err(|e| e.to_string())?;
    let (layer, places) = load_layers(countries, sahel_atlas::data::fine_layer)?;
    let data = MapData {
        layer: &layer,
        places: &places,
        timeline: &timeline,
    };
    let options = |date| RenderOptions {
        date,
        size,
        camera,
        hide_ended: request.hide_ended,
        headline: None,
    };
    let write_error = |e: ExportError| e.to_string();
    match job {
        Job::One(date, Format::Svg) => {
            let svg = sahel_atlas::export::render_svg(&data, &options(date));
            write_file(out, svg.as_bytes())?;
            Ok(format!("wrote {}", out.display()))
        }
        Job::One(date, _) => {
            let png =
                sahel_atlas::export::render_png(&data, &options(date)).map_err(write_error)?;
            write_file(out, &png)?;
            Ok(format!("wrote {}", out.display()))
        }
        Job::Clip(clip) => {
            let progress = sahel_atlas::export::AnimationProgress::default();
            let done = sahel_atlas::export::render_animation(
                &data,
                &options(clip.from),
                &clip,
                out,
                &progress,
            )
            .map_err(write_error)?;
            Ok(format!(
                "wrote {} ({}×{}, {} frames, {} held on events, {:.1} s, {} KB)",
                out.display(),
                done.size[0],
                done.size[1],
                done.frames,
                done.held,
                done.seconds,
                done.bytes.div_ceil(1024)
            ))
        }
        Job::Frames(from, to, step) => {
            let written =
                sahel_atlas::export::render_frames(&data, &options(from), from, to, step, out)
                    .map_err(write_error)?;
            Ok(format!(
                "wrote {} frame(s) to {}",
                written.len(),
                out.display()
            ))
        }
    }
}

/// `export`: the state at a date as GeoJSON or CSV.
fn export(
    countries: Option<&Path>,
    scenario: Option<&Path>,
    at: &str,
    out: &Path,
) -> Result<String, String> {
    let date = parse_date_arg("--at", at)?;
    let format = match Format::of_path(out) {
        Some(f @ (Format::GeoJson | Format::Csv)) => f,
        _ => {
            return Err(format!(
                "cannot tell what to write to '{}': end --out with .geojson or .csv",
                out.display()
            ));
        }
    };
    let timeline = load_timeline(scenario).map_err(|e| e.to_string())?;
    let text = if format == Format::Csv {
        sahel_atlas::export::state_csv(&timeline, date)
    } else {
        let (_, places) = load_layers(countries, sahel_atlas::data::coarse_layer)?;
        sahel_atlas::export::state_geojson(&timeline, &places, date)
    };
    write_file(out, text.as_bytes())?;
    Ok(format!("wrote {}", out.display()))
}

/// The layer to draw and the layer that places links' ends: a `--countries` file for both
/// (as when the app opens one), else `embedded` and the embedded 1:110m layer (as the app).
fn load_layers(
    countries: Option<&Path>,
    embedded: fn() -> Result<Arc<MapLayer>, sahel_atlas::io::LoadError>,
) -> Result<(Arc<MapLayer>, Arc<MapLayer>), String> {
    match countries {
        Some(path) => {
            let layer = sahel_atlas::io::read_countries(path).map_err(|e| e.to_string())?;
            for w in &layer.warnings {
                eprintln!("{w}");
            }
            // Pictures and exports need outlines and label points, not triangles.
            let layer = Arc::new(MapLayer::outlines_only(layer));
            Ok((layer.clone(), layer))
        }
        None => {
            let layer = embedded().map_err(|e| e.to_string())?;
            let places = sahel_atlas::data::coarse_layer().map_err(|e| e.to_string())?;
            Ok((layer, places))
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn load_timeline(
    path: Option<&std::path::Path>,
) -> Result<Arc<Timeline>, sahel_atlas::io::LoadError> {
    match path {
        Some(path) => {
            let (scenario, warnings) = sahel_atlas::io::read_scenario(path)?;
            for w in warnings {
                eprintln!("{w}");
            }
            Ok(Arc::new(Timeline::new(scenario)))
        }
        None => sahel_atlas::data::default_timeline(),
    }
}

/// What the command line asks the window to open.
struct AppStart {
    countries: Option<PathBuf>,
    scenario: Option<PathBuf>,
    at: Option<jiff::civil::Date>,
    started: std::time::Instant,
}

fn run_app(start: AppStart, renderer: RendererChoice) -> ExitCode {
    let start = Arc::new(start);
    let result = run_window(&start, renderer);
    let result = match result {
        Err(e) if renderer == RendererChoice::Glow => {
            eprintln!("sahel-atlas: OpenGL did not start ({e}); trying wgpu");
            run_window(&start, RendererChoice::Wgpu)
        }
        other => other,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sahel-atlas: cannot start the window: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_window(start: &Arc<AppStart>, renderer: RendererChoice) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Sahel Atlas")
            .with_inner_size([1500.0, 920.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        renderer: match renderer {
            RendererChoice::Glow => eframe::Renderer::Glow,
            RendererChoice::Wgpu => eframe::Renderer::Wgpu,
        },
        wgpu_options: wgpu_options(),
        ..Default::default()
    };
    let start = start.clone();
    eframe::run_native(
        "Sahel Atlas",
        options,
        Box::new(move |cc| {
            if std::env::var_os("SAHEL_ATLAS_QUIT_AFTER_FIRST_FRAME").is_some() {
                eprintln!(
                    "window and GPU ready {:.0} ms after start ({renderer:?})",
                    start.started.elapsed().as_secs_f64() * 1000.0
                );
            }
            let mut app = SahelApp::new();
            // What was open last time, unless the command line says otherwise.
            if let Some(storage) = cc.storage
                && let Some(mut remembered) = eframe::get_value::<sahel_atlas::persist::Persisted>(
                    storage,
                    sahel_atlas::persist::STORAGE_KEY,
                )
            {
                if start.countries.is_some() {
                    remembered.countries_path = None;
                }
                if start.scenario.is_some() {
                    remembered.scenario_path = None;
                }
                app.restore(remembered);
            }
            if let Some(path) = &start.countries {
                app.push(Command::Load(path.clone(), Some(FileKind::Countries)));
            }
            if let Some(path) = &start.scenario {
                app.push(Command::Load(path.clone(), Some(FileKind::Scenario)));
            }
            if let Some(date) = start.at {
                app.push(Command::Time(TimeCommand::SetDay(Day::from_date(date))));
            }
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
    setup.device_descriptor = std::sync::Arc::new(move |adapter| wgpu::DeviceDescriptor {
        memory_hints: wgpu::MemoryHints::MemoryUsage,
        ..default_descriptor(adapter)
    });
    eframe::WgpuConfiguration {
        wgpu_setup: WgpuSetup::CreateNew(setup),
        ..eframe::NativeOptions::default().wgpu_options
    }
}
