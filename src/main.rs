//! The `sahel-atlas` binary: parses arguments, then starts the app or runs a headless
//! subcommand.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use sahel_atlas::SahelApp;
use sahel_atlas::command::Command;
use sahel_atlas::io::FileKind;
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
    #[command(subcommand)]
    command: Option<Sub>,
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
}

fn main() -> ExitCode {
    let args = Args::parse();
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
        None => run_app(args.countries, args.scenario, args.at),
    }
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

fn run_app(
    countries: Option<PathBuf>,
    scenario: Option<PathBuf>,
    at: Option<jiff::civil::Date>,
) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Sahel Atlas")
            .with_inner_size([1500.0, 920.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Sahel Atlas",
        options,
        Box::new(move |_cc| {
            let mut app = SahelApp::new();
            if let Some(path) = countries {
                app.push(Command::Load(path, Some(FileKind::Countries)));
            }
            if let Some(path) = scenario {
                app.push(Command::Load(path, Some(FileKind::Scenario)));
            }
            if let Some(date) = at {
                app.push(Command::Time(TimeCommand::SetDay(Day::from_date(date))));
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sahel-atlas: cannot start the window: {e}");
            ExitCode::FAILURE
        }
    }
}
