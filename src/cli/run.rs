//! Running a headless subcommand in-process: load what it needs, do it, and say what was
//! done. The binary prints the [`Outcome`] or the [`CliError`]; tests call [`run`] directly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use super::args::{DataArgs, RenderArgs, SheetAction, Sub};
use crate::export::escape::terminal_text;
use crate::export::{ExportError, Format, FrameStep, MapData, RenderOptions};
use crate::io::LoadError;
use crate::map::MapLayer;
use crate::model::Timeline;

/// What a subcommand did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// What to print on standard output.
    pub stdout: String,
    /// Warnings about the files read, one per line, for standard error.
    pub warnings: Vec<String>,
    /// Whether the exit status is success (`check` fails with its report on stdout).
    pub success: bool,
}

impl Outcome {
    fn done(stdout: String, warnings: Vec<String>) -> Self {
        Self {
            stdout,
            warnings,
            success: true,
        }
    }
}

/// Why a subcommand failed: printed as `sahel-atlas: …`, exit status 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A countries or scenario file did not load (every problem, one per line).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The picture, frames or state could not be made or written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// `--out` does not end with an extension this subcommand writes.
    #[error("cannot tell what to write to '{}': end --out with {expected}", path.display())]
    UnknownFormat {
        /// The `--out` given.
        path: PathBuf,
        /// The extensions that would do, in words.
        expected: &'static str,
    },
    /// Frames were asked for as SVG.
    #[error(
        "frames are PNG files: give --out a folder or a pattern such as \
         frames/sahel-####.png, not '{}'",
        .0.display()
    )]
    FramesAreNotSvg(PathBuf),
    /// `render` got neither `--at` nor the three of `--from`, `--to` and `--step`.
    #[error(
        "render needs either --at DATE for one picture, or --from DATE --to DATE --step STEP \
         for frames"
    )]
    RenderNeedsDates,
    /// `state --json` could not be serialised.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// `--statuses`, `--kinds` or `--partners` names something unknown.
    #[error(transparent)]
    Filter(#[from] crate::model::FilterError),
    /// `chart` could not make its picture.
    #[error(transparent)]
    Chart(#[from] crate::export::chart::ChartError),
    /// `--fps` or `--hold-events` without a clip to write.
    #[error("--fps and --hold-events are for clips: end --out with .mp4 or .gif")]
    ClipOptionsWithoutClip,
    /// `sheet export` could not write the spreadsheet.
    #[error(transparent)]
    Sheet(#[from] crate::io::sheet::SheetError),
    /// `sheet import` could not write the scenario file.
    #[error("cannot write '{}': {source}", path.display())]
    WriteScenario {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `--focus` names no entity of the scenario.
    #[error("--focus: the scenario has no entity '{0}'")]
    UnknownFocus(String),
    /// A date given on the command line lies outside the scenario's span.
    #[error("{flag} {date} is outside the scenario's span, {start} to {end}")]
    OutsideSpan {
        /// The option (`--at`, `--from`, …).
        flag: &'static str,
        /// The date given.
        date: Date,
        /// The span's first day.
        start: Date,
        /// The span's last day.
        end: Date,
    },
    /// Frames were asked for with `--out` a file name that is neither a folder nor a pattern.
    #[error(
        "frames need a folder or a pattern for --out: '{}' is a file name; write a folder \
         such as frames/ or a pattern whose # become the frame number, such as \
         frames/sahel-####.png (or end --out with .mp4 or .gif for a clip)",
        .0.display()
    )]
    FramesNeedFolderOrPattern(PathBuf),
    /// `changelog --year` outside the scenario's span.
    #[error("--year {year} is outside the scenario's span, {start} to {end}")]
    YearOutsideSpan {
        /// The year given.
        year: i16,
        /// The span's first day.
        start: Date,
        /// The span's last day.
        end: Date,
    },
}

/// Checks that each `(flag, date)` lies in the scenario's span.
///
/// # Errors
/// [`CliError::OutsideSpan`] for the first that does not.
pub fn check_in_span(
    timeline: &Timeline,
    dates: &[(&'static str, Option<Date>)],
) -> Result<(), CliError> {
    let (start, end) = (timeline.start().to_date(), timeline.end().to_date());
    for &(flag, date) in dates {
        if let Some(date) = date
            && (date < start || date > end)
        {
            return Err(CliError::OutsideSpan {
                flag,
                date,
                start,
                end,
            });
        }
    }
    Ok(())
}

/// The filter and focus that `args` ask for, checked against the scenario.
///
/// # Errors
/// [`CliError::Filter`] for an unknown status, kind or group; [`CliError::UnknownFocus`].
pub fn filter_of(
    args: &super::args::FilterArgs,
    timeline: &Timeline,
) -> Result<(crate::model::LinkFilter, Option<String>), CliError> {
    let mut filter = crate::model::LinkFilter::default();
    if let Some(list) = &args.statuses {
        filter.show_only_statuses(list)?;
    }
    if let Some(list) = &args.kinds {
        filter.show_only_kinds(list)?;
    }
    if let Some(list) = &args.partners {
        let groups = group_ids(timeline);
        let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
        filter.show_only_groups(list, &groups)?;
    }
    if let Some(id) = &args.focus
        && timeline.entity_index(id).is_none()
    {
        return Err(CliError::UnknownFocus(id.clone()));
    }
    Ok((filter, args.focus.clone()))
}

/// The ids of the scenario's partner groups.
fn group_ids(timeline: &Timeline) -> Vec<String> {
    timeline.groups().iter().map(|g| g.id.clone()).collect()
}

/// Runs a headless subcommand on the files in `data` (the embedded data where none).
///
/// # Errors
/// [`CliError`] when a file does not load, the arguments make no job, or the output cannot
/// be written. `check` finding problems is not an error: its report is the outcome.
pub fn run(command: &Sub, data: &DataArgs) -> Result<Outcome, CliError> {
    let mut warnings = Vec::new();
    match command {
        Sub::State { at, json } => {
            let timeline = load_timeline(data.scenario.as_deref(), &mut warnings)?;
            check_in_span(&timeline, &[("--at", Some(*at))])?;
            let stdout = if *json {
                let mut text = serde_json::to_string_pretty(&super::state_json(&timeline, *at))?;
                text.push('\n');
                text
            } else {
                terminal_text(&super::state_table(&timeline, *at))
            };
            Ok(Outcome::done(stdout, warnings))
        }
        Sub::Check { files, sources } => {
            let (stdout, success) = super::check_files_with(files, *sources);
            Ok(Outcome {
                stdout: terminal_text(&stdout),
                warnings,
                success,
            })
        }
        Sub::Render(request) => {
            let stdout = render(data, request, &mut warnings)?;
            Ok(Outcome::done(stdout, warnings))
        }
        Sub::Diff(args) => {
            let timeline = load_timeline(data.scenario.as_deref(), &mut warnings)?;
            check_in_span(
                &timeline,
                &[("--from", Some(args.from)), ("--to", Some(args.to))],
            )?;
            let mut text = super::change_list::run_diff(args, &timeline)?;
            if !(args.json || args.csv || args.markdown) {
                text = terminal_text(&text);
            }
            text.push('\n');
            Ok(Outcome::done(text, warnings))
        }
        Sub::Changelog(args) => {
            let timeline = load_timeline(data.scenario.as_deref(), &mut warnings)?;
            let (start, end) = (timeline.start().to_date(), timeline.end().to_date());
            if let Some(year) = args.year
                && !(start.year()..=end.year()).contains(&year)
            {
                return Err(CliError::YearOutsideSpan { year, start, end });
            }
            let mut text = super::change_list::run_changelog(args, &timeline);
            if !args.markdown {
                text = terminal_text(&text);
            }
            text.push('\n');
            Ok(Outcome::done(text, warnings))
        }
        Sub::Chart(args) => {
            let timeline = load_timeline(data.scenario.as_deref(), &mut warnings)?;
            let mut text = super::chart::run_chart(args, &timeline)?;
            text.push('\n');
            Ok(Outcome::done(text, warnings))
        }
        Sub::Sheet {
            action: SheetAction::Export { out },
        } => {
            let timeline = load_timeline(data.scenario.as_deref(), &mut warnings)?;
            let stdout = super::sheet::run_export(out, timeline.scenario())?;
            Ok(Outcome::done(stdout, warnings))
        }
        Sub::Sheet {
            action: SheetAction::Import { file, out },
        } => {
            use super::sheet::ImportError;
            let stdout =
                super::sheet::run_import(file, out, &mut warnings).map_err(|e| match e {
                    ImportError::Load(e) => CliError::Load(e),
                    ImportError::Write { path, source } => CliError::WriteScenario { path, source },
                })?;
            Ok(Outcome::done(stdout, warnings))
        }
        Sub::Export { at, out, filter } => {
            let stdout = export(data, *at, out, filter, &mut warnings)?;
            Ok(Outcome::done(stdout, warnings))
        }
    }
}

/// What `render` was asked for, once its arguments are checked.
enum RenderJob {
    One(Date, Format),
    Frames(Date, Date, FrameStep),
    Clip(crate::export::AnimationRequest),
}

impl RenderJob {
    fn of(request: &RenderArgs) -> Result<Self, CliError> {
        let out = &request.out;
        let clip = crate::export::AnimationFormat::of_path(out).is_some();
        if !clip && (request.fps.is_some() || request.hold_events.is_some()) {
            return Err(CliError::ClipOptionsWithoutClip);
        }
        match (request.at, request.from, request.to, request.step) {
            (Some(at), None, None, None) => match Format::of_path(out) {
                Some(format @ (Format::Png | Format::Svg)) => Ok(Self::One(at, format)),
                _ => Err(CliError::UnknownFormat {
                    path: out.clone(),
                    expected: ".png or .svg",
                }),
            },
            (None, Some(from), Some(to), Some(step)) => {
                if clip {
                    return Ok(Self::Clip(crate::export::AnimationRequest {
                        from,
                        to,
                        step,
                        fps: request.fps.unwrap_or(2.0),
                        hold_events: request.hold_events.unwrap_or(0.0),
                    }));
                }
                if Format::of_path(out) == Some(Format::Svg) {
                    return Err(CliError::FramesAreNotSvg(out.clone()));
                }
                if Format::of_path(out) == Some(Format::Png)
                    && !crate::export::is_frame_pattern(out)
                    && !out.is_dir()
                {
                    return Err(CliError::FramesNeedFolderOrPattern(out.clone()));
                }
                if out.extension().is_some()
                    && !out.is_dir()
                    && Format::of_path(out) != Some(Format::Png)
                {
                    return Err(CliError::UnknownFormat {
                        path: out.clone(),
                        expected: ".mp4 or .gif for a clip, or a folder or a pattern such as \
                                   frames/sahel-####.png for frames",
                    });
                }
                Ok(Self::Frames(from, to, step))
            }
            _ => Err(CliError::RenderNeedsDates),
        }
    }
}

/// `render`: one picture or a series of frames; returns what was written.
fn render(
    data: &DataArgs,
    request: &RenderArgs,
    warnings: &mut Vec<String>,
) -> Result<String, CliError> {
    let job = RenderJob::of(request)?;
    // The country file is read and parsed while the scenario is: reading a large file is
    // mostly the kernel's work on one core. Errors and warnings keep their order.
    let mut layer_warnings = Vec::new();
    // Every frame has the same view: parts of countries wholly outside it are not kept.
    let within = crate::export::lon_lat_in_view(request.view, request.size);
    let (timeline, layers) = std::thread::scope(|scope| {
        let layers = scope.spawn(|| {
            load_layers(
                data.countries.as_deref(),
                crate::map::embedded::fine_outlines_within,
                Some(within),
                &mut layer_warnings,
            )
        });
        let timeline = load_timeline(data.scenario.as_deref(), warnings);
        (timeline, layers.join())
    });
    let timeline = timeline?;
    check_in_span(
        &timeline,
        &[
            ("--at", request.at),
            ("--since", request.since),
            ("--from", request.from),
            ("--to", request.to),
        ],
    )?;
    let (layer, places) = match layers {
        Ok(layers) => layers?,
        Err(_) => load_layers(
            data.countries.as_deref(),
            crate::map::embedded::fine_outlines_within,
            Some(within),
            &mut layer_warnings,
        )?,
    };
    warnings.append(&mut layer_warnings);
    let map = MapData {
        layer: &layer,
        places: &places,
        timeline: &timeline,
    };
    let (filter, focus) = filter_of(&request.filter, &timeline)?;
    let events = load_events(data, warnings)?;
    let options = |date| RenderOptions {
        date,
        size: request.size,
        camera: request.view,
        hide_ended: request.hide_ended,
        filter: filter.clone(),
        focus: focus.clone(),
        compare: request.since.map(|since| (since, date)),
        headline: None,
        events: events.clone(),
    };
    let out = &request.out;
    match job {
        RenderJob::One(date, format) => {
            crate::export::export_to_file(out, format, &map, &options(date))?;
            Ok(format!("wrote {}\n", out.display()))
        }
        RenderJob::Clip(clip) => {
            let progress = crate::export::AnimationProgress::default();
            let done =
                crate::export::render_animation(&map, &options(clip.from), &clip, out, &progress)?;
            Ok(format!(
                "wrote {} ({}×{}, {} frames, {} held on events, {:.1} s, {} KB)\n",
                out.display(),
                done.size[0],
                done.size[1],
                done.frames,
                done.held,
                done.seconds,
                done.bytes.div_ceil(1024)
            ))
        }
        RenderJob::Frames(from, to, step) => {
            let written = crate::export::render_frames(&map, &options(from), from, to, step, out)?;
            Ok(format!(
                "wrote {} frame(s) to {}\n",
                written.len(),
                out.display()
            ))
        }
    }
}

/// `export`: the state at a date as GeoJSON or CSV; returns what was written.
fn export(
    data: &DataArgs,
    at: Date,
    out: &Path,
    filter: &super::args::FilterArgs,
    warnings: &mut Vec<String>,
) -> Result<String, CliError> {
    let format = match Format::of_path(out) {
        Some(f @ (Format::GeoJson | Format::Csv)) => f,
        _ => {
            return Err(CliError::UnknownFormat {
                path: out.to_path_buf(),
                expected: ".geojson or .csv",
            });
        }
    };
    let timeline = load_timeline(data.scenario.as_deref(), warnings)?;
    check_in_span(&timeline, &[("--at", Some(at))])?;
    let (layer, places) = load_layers(
        data.countries.as_deref(),
        |_| crate::map::embedded::coarse_outlines(),
        None,
        warnings,
    )?;
    let map = MapData {
        layer: &layer,
        places: &places,
        timeline: &timeline,
    };
    let (filter, focus) = filter_of(filter, &timeline)?;
    let options = RenderOptions {
        filter,
        focus,
        events: load_events(data, warnings)?,
        ..RenderOptions::at(at)
    };
    crate::export::export_to_file(out, format, &map, &options)?;
    Ok(format!("wrote {}\n", out.display()))
}

/// The event layers of `--events` with `--window`; rows left out are warnings.
///
/// # Errors
/// [`LoadError`] for a file that is not an event layer or has no event that can be read.
pub fn load_events(
    data: &DataArgs,
    warnings: &mut Vec<String>,
) -> Result<crate::map::events::EventOptions, LoadError> {
    let mut layers = Vec::new();
    for path in &data.events {
        let load = crate::io::read_event_layer(path, &crate::io::ColumnChoices::default())?;
        if load.skipped > 0 {
            warnings.push(format!(
                "{}: {} rows left out; the first:",
                path.display(),
                load.skipped
            ));
            warnings.extend(load.problems.iter().take(5).map(ToString::to_string));
        }
        layers.push(Arc::new(crate::map::events::EventMap::new(
            load.layer,
            load.skipped,
        )));
    }
    Ok(crate::map::events::EventOptions {
        layers,
        window: data.window.unwrap_or_default(),
        ..Default::default()
    })
}

/// The scenario in `path`, or the embedded one; its warnings go to `warnings`.
///
/// # Errors
/// [`LoadError`] with every problem of the file.
pub fn load_timeline(
    path: Option<&Path>,
    warnings: &mut Vec<String>,
) -> Result<Arc<Timeline>, LoadError> {
    match path {
        Some(path) => {
            let (scenario, found) = crate::io::read_scenario(path)?;
            warnings.extend(found.iter().map(ToString::to_string));
            Ok(Arc::new(Timeline::new(scenario)))
        }
        None => crate::io::embedded::default_timeline(),
    }
}

/// The layer to draw and the layer that places links' ends: a `--countries` file for both
/// (as when the app opens one), else `embedded` and the embedded 1:110m layer (as the app),
/// both as outlines only: pictures and exports need no triangles, hit tests or simplified
/// copies, whose making was most of a one-shot render of the embedded data. With `within`
/// (pictures of one view), the drawn layer's country parts wholly outside that box are left
/// out ([`crate::io::read_countries_within`]); the layer that places links' ends keeps all.
///
/// # Errors
/// [`LoadError`] with every problem of the file.
pub fn load_layers(
    countries: Option<&Path>,
    embedded: fn(Option<crate::io::LonLatBox>) -> Result<Arc<MapLayer>, LoadError>,
    within: Option<crate::io::LonLatBox>,
    warnings: &mut Vec<String>,
) -> Result<(Arc<MapLayer>, Arc<MapLayer>), LoadError> {
    match countries {
        Some(path) => {
            let layer = crate::io::read_countries_within(path, within)?;
            warnings.extend(layer.warnings.iter().map(ToString::to_string));
            // Pictures and exports need outlines and label points, not triangles.
            let layer = Arc::new(MapLayer::outlines_only(layer));
            Ok((layer.clone(), layer))
        }
        None => Ok((embedded(within)?, crate::map::embedded::coarse_outlines()?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::MapCamera;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("sahel-atlas-run-{}-{name}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        dir
    }

    fn fixture(path: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path)
    }

    fn render_args(out: PathBuf) -> RenderArgs {
        RenderArgs {
            at: Some(Date::constant(2023, 12, 5)),
            from: None,
            to: None,
            step: None,
            out,
            size: [320, 200],
            view: None,
            hide_ended: false,
            since: None,
            fps: None,
            hold_events: None,
            filter: super::super::args::FilterArgs::default(),
        }
    }

    #[test]
    fn state_prints_the_table_and_json_in_process() {
        let table = run(
            &Sub::State {
                at: Date::constant(2023, 12, 5),
                json: false,
            },
            &DataArgs::default(),
        )
        .expect("state");
        assert!(table.success && table.stdout.contains("winding-down"));
        let json = run(
            &Sub::State {
                at: Date::constant(2020, 6, 1),
                json: true,
            },
            &DataArgs {
                countries: None,
                scenario: Some(fixture("scenario/tiny.json")),
                ..DataArgs::default()
            },
        )
        .expect("state --json");
        let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(v["links"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn render_and_export_write_files_through_one_dispatch() {
        let dir = temp("write");
        for name in ["a.png", "a.svg"] {
            let out = dir.join(name);
            let done =
                run(&Sub::Render(render_args(out.clone())), &DataArgs::default()).expect("render");
            assert_eq!(done.stdout, format!("wrote {}\n", out.display()));
            assert!(
                std::fs::metadata(&out).is_ok_and(|m| m.len() > 1000),
                "{name}"
            );
        }
        for name in ["s.csv", "s.geojson"] {
            let out = dir.join(name);
            run(
                &Sub::Export {
                    at: Date::constant(2023, 12, 5),
                    out: out.clone(),
                    filter: super::super::args::FilterArgs::default(),
                },
                &DataArgs::default(),
            )
            .expect("export");
            let text = std::fs::read_to_string(&out).expect("written");
            assert!(text.contains("eumpm-niger"), "{name}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_render_that_leaves_out_far_parts_draws_the_same_picture() {
        // The repository's 1:50m layer as a country file: `render` keeps only the parts near
        // its view; the picture must be the one drawn from every part.
        let countries = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/geodata/ne_50m_admin_0_countries.geojson"
        ));
        let dir = temp("within");
        let data = DataArgs {
            countries: Some(countries.clone()),
            ..DataArgs::default()
        };
        let timeline = crate::io::embedded::default_timeline().expect("embedded scenario");
        let whole = Arc::new(MapLayer::outlines_only(
            crate::io::read_countries(&countries).expect("layer"),
        ));
        let parts = |layer: &crate::io::CountryLayer| -> usize {
            layer
                .countries
                .iter()
                .map(|c| c.shape_lon_lat.0.len())
                .sum()
        };
        for (size, view) in [
            ([640, 400], None),
            (
                [400, 400],
                Some(MapCamera::centered_on_lon_lat(-60.0, 10.0, 400.0)),
            ),
            ([300, 200], Some(MapCamera::world([300.0, 200.0]))),
        ] {
            let out = dir.join("near.png");
            let args = RenderArgs {
                size,
                view,
                ..render_args(out.clone())
            };
            run(&Sub::Render(args), &data).expect("render");
            let options = RenderOptions {
                size,
                camera: view,
                ..RenderOptions::at(Date::constant(2023, 12, 5))
            };
            let map = MapData {
                layer: &whole,
                places: &whole,
                timeline: &timeline,
            };
            let every_part =
                crate::export::export_bytes(Format::Png, &map, &options).expect("picture");
            assert!(
                std::fs::read(&out).expect("written") == every_part,
                "{size:?} {view:?}"
            );
            // The Sahel view and the Caribbean need fewer parts than the layer has.
            let within = crate::export::lon_lat_in_view(view, size);
            let near = crate::io::read_countries_within(&countries, Some(within)).expect("layer");
            let all = crate::io::read_countries(&countries).expect("layer");
            assert_eq!(near.countries.len(), all.countries.len());
            if view.is_none_or(|v| v.scale > 100.0) {
                assert!(parts(&near) < parts(&all) / 2, "{size:?} {view:?}");
            }
        }
        // The embedded layers: the drawn one keeps the parts near the view, the one that
        // places links' ends keeps all; the same picture as from every part.
        let fine = crate::map::embedded::fine_outlines().expect("embedded");
        let coarse = crate::map::embedded::coarse_outlines().expect("embedded");
        let out = dir.join("embedded.png");
        run(&Sub::Render(render_args(out.clone())), &DataArgs::default()).expect("render");
        let map = MapData {
            layer: &fine,
            places: &coarse,
            timeline: &timeline,
        };
        let options = RenderOptions {
            size: [320, 200],
            ..RenderOptions::at(Date::constant(2023, 12, 5))
        };
        let every_part = crate::export::export_bytes(Format::Png, &map, &options).expect("png");
        assert!(std::fs::read(&out).expect("written") == every_part);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn render_and_export_take_the_legends_filters() {
        let dir = temp("filters");
        let data = DataArgs::default();
        let out = dir.join("s.csv");
        let filter = super::super::args::FilterArgs {
            kinds: Some("military-mission".to_owned()),
            statuses: Some("winding-down".to_owned()),
            ..Default::default()
        };
        run(
            &Sub::Export {
                at: Date::constant(2023, 12, 5),
                out: out.clone(),
                filter: filter.clone(),
            },
            &data,
        )
        .expect("export");
        let text = std::fs::read_to_string(&out).expect("written");
        let rows: Vec<&str> = text.lines().skip(1).collect();
        assert!(rows.iter().any(|r| r.starts_with("eumpm-niger")), "{text}");
        assert!(
            rows.iter()
                .all(|r| r.contains("military-mission") && r.contains("winding-down")),
            "{text}"
        );
        let mut request = render_args(dir.join("m.svg"));
        request.filter = filter;
        run(&Sub::Render(request), &data).expect("render");
        let svg = std::fs::read_to_string(dir.join("m.svg")).expect("written");
        assert!(
            svg.contains("Not shown: statuses"),
            "the caption says what was left out"
        );
        let mut bad = render_args(dir.join("b.png"));
        bad.filter.kinds = Some("tanks".to_owned());
        let e = run(&Sub::Render(bad), &data).expect_err("unknown kind");
        assert!(e.to_string().contains("unknown kind 'tanks'"), "{e}");
        let mut bad = render_args(dir.join("b.png"));
        bad.filter.focus = Some("ATLANTIS".to_owned());
        let e = run(&Sub::Render(bad), &data).expect_err("unknown focus");
        assert!(e.to_string().contains("ATLANTIS"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn render_errors_are_typed_and_say_what_to_do() {
        let dir = temp("errors");
        let data = DataArgs::default();
        let e = run(&Sub::Render(render_args(dir.join("a.jpg"))), &data).expect_err("jpg");
        assert!(matches!(e, CliError::UnknownFormat { .. }), "{e}");
        assert!(e.to_string().contains(".png or .svg"), "{e}");
        let mut frames = render_args(dir.join("f.svg"));
        frames.at = None;
        frames.from = Some(Date::constant(2023, 1, 1));
        let e = run(&Sub::Render(frames.clone()), &data).expect_err("no --to");
        assert!(matches!(e, CliError::RenderNeedsDates), "{e}");
        frames.to = Some(Date::constant(2023, 3, 1));
        frames.step = Some(FrameStep::parse("1m").expect("step"));
        let e = run(&Sub::Render(frames), &data).expect_err("SVG frames");
        assert!(matches!(e, CliError::FramesAreNotSvg(_)), "{e}");
        let e = run(
            &Sub::Export {
                at: Date::constant(2023, 12, 5),
                out: dir.join("s.kml"),
                filter: super::super::args::FilterArgs::default(),
            },
            &data,
        )
        .expect_err("kml");
        assert!(e.to_string().contains(".geojson or .csv"), "{e}");
        let missing = DataArgs {
            countries: Some(dir.join("no-such-countries.geojson")),
            scenario: None,
            ..DataArgs::default()
        };
        let e =
            run(&Sub::Render(render_args(dir.join("b.png"))), &missing).expect_err("missing file");
        assert!(matches!(e, CliError::Load(_)), "{e}");
        assert!(e.to_string().contains("no-such-countries.geojson"), "{e}");
        assert!(!dir.join("b.png").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn check_failing_is_an_outcome_not_an_error() {
        let done = run(
            &Sub::Check {
                sources: false,
                files: vec![fixture("countries/truncated.geojson")],
            },
            &DataArgs::default(),
        )
        .expect("check runs");
        assert!(!done.success);
        assert!(done.stdout.contains("ends too soon"), "{}", done.stdout);
    }
}
