//! The `sahel-atlas` binary: parses arguments, then starts the app or runs a headless
//! subcommand. Everything it dispatches to lives in the library (`cli`, `startup`).

use std::process::ExitCode;

use clap::Parser as _;
use sahel_atlas::app::startup::AppStart;
use sahel_atlas::cli::args::{Args, usage_error_line};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) if e.use_stderr() => {
            // Usage errors exit 1 like every other error, as one line.
            eprintln!("{}", usage_error_line(&e));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    match args.command {
        Some(command) => match sahel_atlas::cli::run::run(&command, &args.data) {
            Ok(outcome) => {
                for warning in &outcome.warnings {
                    eprintln!("{warning}");
                }
                print!("{}", outcome.stdout);
                if outcome.success {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("sahel-atlas: {e}");
                ExitCode::FAILURE
            }
        },
        None => {
            let start = AppStart {
                countries: args.data.countries,
                scenario: args.data.scenario,
                at: args.at,
                started,
            };
            match sahel_atlas::app::startup::run_app(start, args.renderer) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("sahel-atlas: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
