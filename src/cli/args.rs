//! The command line, as clap reads it: every value (dates, sizes, views, steps) is parsed
//! and checked here, so a bad one is a usage error before anything is loaded.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::export::{FrameStep, parse_size, parse_view};
use crate::map::MapCamera;
use crate::model::parse_date;

/// A map of the Sahel's security ties over time.
#[derive(clap::Parser, Debug)]
#[command(name = "sahel-atlas", version, about)]
pub struct Args {
    /// The files to read instead of the embedded data.
    #[command(flatten)]
    pub data: DataArgs,
    /// Start at this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub at: Option<Date>,
    /// Start in compare mode: what changed since this date up to --at (or the date the app
    /// opens at), as `render --since` draws it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<Date>,
    /// How the window is drawn: OpenGL (glow, the default: the lightest, and the one that
    /// runs on most machines) or wgpu (Vulkan, Metal, DirectX 12). When OpenGL cannot
    /// start, the app tries wgpu.
    #[arg(long, value_enum, default_value_t = RendererChoice::Glow)]
    pub renderer: RendererChoice,
    /// The language of the interface and of pictures, exports and reports: en or fr. By
    /// default the system's (LC_ALL, LC_MESSAGES, LANG), English when it is neither.
    /// Command-line errors stay in English.
    #[arg(long, value_name = "en|fr", global = true)]
    pub lang: Option<crate::model::i18n::Lang>,
    /// A headless subcommand; none starts the app.
    #[command(subcommand)]
    pub command: Option<Sub>,
}

/// `--countries` and `--scenario`, which every subcommand takes.
#[derive(clap::Args, Clone, Debug, Default, PartialEq, Eq)]
pub struct DataArgs {
    /// Country layer (GeoJSON, optionally gzip-compressed) instead of the embedded one.
    #[arg(long, value_name = "FILE", global = true)]
    pub countries: Option<PathBuf>,
    /// Scenario file instead of the embedded one.
    #[arg(long, value_name = "FILE", global = true)]
    pub scenario: Option<PathBuf>,
    /// A conflict-event layer to draw: an ACLED export, a UCDP GED CSV, any CSV with date and
    /// latitude/longitude columns, or GeoJSON points with a date (gzip allowed). Repeatable.
    #[arg(long = "events", value_name = "FILE", global = true)]
    pub events: Vec<PathBuf>,
    /// Which events are shown: those of the last 7d, 30d (the default), 90d or 365d up to the
    /// date, or all up to it.
    #[arg(long, value_name = "DAYS", global = true, value_parser = crate::model::parse_window)]
    pub window: Option<crate::model::EventWindow>,
}

/// The renderers the window can use.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RendererChoice {
    /// OpenGL through glow.
    Glow,
    /// wgpu: Vulkan, Metal or DirectX 12.
    Wgpu,
}

/// The headless subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Sub {
    /// Print the state at a date: every link with its status and since when, and every
    /// state's government.
    State {
        /// The date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        at: Date,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check country layers and scenarios; print every problem as FILE:LINE:COLUMN.
    Check {
        /// Files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Also list, for scenarios, every tie whose beginning has no source of its own,
        /// whose status no source has confirmed for more than 12 months before
        /// research_until, or that stays winding down past its notice.
        #[arg(long)]
        sources: bool,
    },
    /// Draw the map at a date as a PNG or SVG picture (`--at`), or as numbered PNG frames
    /// from one date to another (`--from`, `--to`, `--step`). Countries default to the
    /// embedded 1:50m layer.
    Render(RenderArgs),
    /// Write the state at a date for GIS tools: GeoJSON (link arcs, organisations, states'
    /// governments) or CSV (one row per link), by the extension of --out.
    Export {
        /// The date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        at: Date,
        /// The file: .geojson (or .json) or .csv.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Which links (as the legend's filters).
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Compare two dates: every tie whose status differs, and the events that changed it
    /// (a table, or --json, --csv, --markdown).
    Diff(DiffArgs),
    /// Per calendar year, the ties that began and the ties that ended.
    Changelog(ChangelogArgs),
    /// Draw a state's alignment over time (live ties per partner group, stacked), or a
    /// partner's ties by counterpart, as SVG or PNG; without --country, the five Sahel states.
    Chart(ChartArgs),
    /// The scenario as a spreadsheet and back: `sheet export --out scenario.xlsx` (or a
    /// folder of CSV files), `sheet import scenario.xlsx --out scenario.json`.
    Sheet {
        /// Export or import.
        #[command(subcommand)]
        action: SheetAction,
    },
}

/// `sheet export` and `sheet import`.
#[derive(clap::Subcommand, Debug)]
pub enum SheetAction {
    /// Write the scenario (--scenario, or the embedded one) as sheets entities,
    /// relationships, events, changes, groups and about: an .xlsx workbook, or one CSV file
    /// per sheet when --out ends with / (or is a folder).
    Export {
        /// The workbook (.xlsx) or folder (ending /) to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a scenario from a workbook (.xlsx, .ods) or a folder of CSV files, check it as
    /// `check` does, and write it as JSON; nothing is written when there are errors, each
    /// reported as FILE:SHEET!CELL.
    Import {
        /// The workbook or folder to read.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The scenario file (JSON) to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// `sahel-atlas diff`: what it was asked.
#[derive(clap::Args, Debug, Clone, PartialEq)]
pub struct DiffArgs {
    /// The first date (YYYY-MM-DD): the state compared from.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: jiff::civil::Date,
    /// The second date (YYYY-MM-DD): the state compared to. May be earlier than --from (the
    /// comparison then reads backwards).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: jiff::civil::Date,
    /// Print JSON instead of a table.
    #[arg(long, conflicts_with_all = ["csv", "markdown"])]
    pub json: bool,
    /// Print CSV (one row per change, with the events' sources).
    #[arg(long, conflicts_with = "markdown")]
    pub csv: bool,
    /// Print Markdown (grouped by Sahel state, every event with its sources).
    #[arg(long)]
    pub markdown: bool,
}

/// `sahel-atlas changelog`: what it was asked.
#[derive(clap::Args, Debug, Clone, PartialEq)]
pub struct ChangelogArgs {
    /// Only this calendar year.
    #[arg(long, value_name = "YEAR", allow_negative_numbers = true)]
    pub year: Option<i16>,
    /// Print Markdown (with the events' sources) instead of text.
    #[arg(long)]
    pub markdown: bool,
}

/// `sahel-atlas chart`: what it was asked.
#[derive(clap::Args, Debug, Clone, PartialEq)]
pub struct ChartArgs {
    /// The state (`NER`: its ties per partner group) or partner (`FRA`, `EU`: its ties by
    /// counterpart); without it, the five Sahel states stacked.
    #[arg(long, value_name = "ID")]
    pub country: Option<String>,
    /// The picture: .svg or .png.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Width and height in pixels (default 1200x360, 1200x1000 for the five states, or as
    /// tall as a partner's rows need).
    #[arg(long, value_name = "WxH", allow_hyphen_values = true, value_parser = parse_size)]
    pub size: Option<[u32; 2]>,
}

/// Which links a picture or an export holds: the legend's filters on the command line.
#[derive(clap::Args, Debug, Clone, PartialEq, Default)]
pub struct FilterArgs {
    /// Only these statuses, comma-separated: planned, active, suspended, winding-down, ended.
    #[arg(long, value_name = "LIST")]
    pub statuses: Option<String>,
    /// Only these kinds, comma-separated (military-mission, troop-deployment, military-base,
    /// defence-agreement, security-cooperation, membership, sanctions, …).
    #[arg(long, value_name = "LIST")]
    pub kinds: Option<String>,
    /// Only ties with these partner groups, comma-separated (the scenario's groups, such as
    /// western, russian, regional, un, other).
    #[arg(long, value_name = "LIST")]
    pub partners: Option<String>,
    /// Focus on one entity (an id such as NER or EU): its ties at full strength, the rest
    /// faded, and markers where its arcs leave the picture.
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
}

/// What `render` was asked to draw.
#[derive(clap::Args, Debug, Clone, PartialEq)]
pub struct RenderArgs {
    /// The date of a single picture (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub at: Option<Date>,
    /// The first frame's date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,
    /// The last date a frame may have (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,
    /// Time between frames: a whole number and d, w, m or y (7d, 2w, 1m, 1y).
    #[arg(long, value_name = "STEP", allow_hyphen_values = true, value_parser = FrameStep::parse)]
    pub step: Option<FrameStep>,
    /// The picture (.png or .svg); for frames, a folder (frame-0001.png, …) or a pattern
    /// whose run of # becomes the frame number, such as frames/sahel-####.png; for a clip of
    /// the frames, a .mp4 (H.264) or .gif file.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Width and height in pixels.
    #[arg(
        long,
        value_name = "WxH",
        default_value = "1600x1000",
        allow_hyphen_values = true,
        value_parser = parse_size
    )]
    pub size: [u32; 2],
    /// The view: longitude and latitude of the centre, and zoom in pixels per world unit
    /// (the Equal Earth world is about 5.4 units wide: 300 shows it all in 1600 pixels,
    /// 1000 is about the default Sahel view). Default: the Sahel and Europe.
    #[arg(long, value_name = "LON,LAT,ZOOM", allow_hyphen_values = true, value_parser = parse_view)]
    pub view: Option<MapCamera>,
    /// Leave out links that have ended.
    #[arg(long)]
    pub hide_ended: bool,
    /// For a clip (--out ending .mp4 or .gif): frames per second while time flows.
    #[arg(long, value_name = "FPS", allow_negative_numbers = true)]
    pub fps: Option<f64>,
    /// For a clip: hold each frame on which an event takes effect this many seconds, with
    /// the event's title as a headline.
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true)]
    pub hold_events: Option<f64>,
    /// Compare mode: draw what changed since this date up to --at (ties that appeared,
    /// ended or changed status; the rest faded), titled "from A to B".
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Which links (as the legend's filters).
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// A usage error (from `Args::try_parse`) as one line: what clap says before its usage
/// block, joined, with `sahel-atlas: ` in front.
pub fn usage_error_line(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let said: Vec<&str> = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect();
    let line = said.join(" ");
    let line = line.strip_prefix("error: ").unwrap_or(&line);
    format!("sahel-atlas: {line} (see sahel-atlas --help)")
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("sahel-atlas").chain(args.iter().copied()))
    }

    #[test]
    fn every_date_is_parsed_by_clap() {
        let Ok(Args {
            command: Some(Sub::Export { at, .. }),
            ..
        }) = parse(&["export", "--at", "2023-12-05", "--out", "a.csv"])
        else {
            panic!("export parses");
        };
        assert_eq!(at, Date::constant(2023, 12, 5));
        for args in [
            &["--at", "2023-02-30"][..],
            &["state", "--at", "2023-02-30"],
            &["export", "--at", "2023-02-30", "--out", "a.csv"],
            &["render", "--at", "2023-02-30", "--out", "a.png"],
            &[
                "render",
                "--from",
                "2023-02-30",
                "--to",
                "2024-01-01",
                "--step",
                "1m",
                "--out",
                "f/",
            ],
            &[
                "render",
                "--from",
                "2023-01-01",
                "--to",
                "2024-13-01",
                "--step",
                "1m",
                "--out",
                "f/",
            ],
        ] {
            let error = parse(args).expect_err("an impossible date");
            let line = usage_error_line(&error);
            assert!(
                line.contains("is not a real calendar date"),
                "{args:?}: {line}"
            );
            assert!(!line.contains('\n'), "{line}");
        }
    }

    #[test]
    fn sizes_views_and_steps_are_parsed_by_clap() {
        let Ok(Args {
            command: Some(Sub::Render(render)),
            ..
        }) = parse(&[
            "render",
            "--at",
            "2023-12-05",
            "--size",
            "640x400",
            "--view",
            "-2,14,3000",
            "--out",
            "a.png",
        ])
        else {
            panic!("render parses");
        };
        assert_eq!(render.size, [640, 400]);
        assert_eq!(render.view.map(|v| v.scale), Some(3000.0));
        for (args, says) in [
            (
                &[
                    "render",
                    "--at",
                    "2023-12-05",
                    "--size",
                    "wide",
                    "--out",
                    "a.png",
                ][..],
                "--size",
            ),
            (
                &[
                    "render",
                    "--at",
                    "2023-12-05",
                    "--view",
                    "1,2",
                    "--out",
                    "a.png",
                ],
                "LON,LAT,ZOOM",
            ),
            (
                &[
                    "render",
                    "--from",
                    "2023-01-01",
                    "--to",
                    "2024-01-01",
                    "--step",
                    "3q",
                    "--out",
                    "f/",
                ],
                "1m",
            ),
        ] {
            let line = usage_error_line(&parse(args).expect_err("bad value"));
            assert!(line.contains(says), "{line}");
        }
    }

    #[test]
    fn a_usage_error_is_one_line_naming_the_choices() {
        let line = usage_error_line(&parse(&["--renderer", "metal"]).expect_err("metal"));
        assert!(line.starts_with("sahel-atlas: "), "{line}");
        assert!(line.contains("glow") && line.contains("wgpu"), "{line}");
        let line = usage_error_line(&parse(&["state"]).expect_err("no date"));
        assert!(line.contains("--at"), "{line}");
    }
}
