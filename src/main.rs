//! The `sahel-atlas` binary: parses arguments, then starts the app or runs a headless
//! subcommand. Everything it dispatches to lives in the library (`cli`, `startup`).

use std::process::ExitCode;

use clap::Parser as _;
use sahel_atlas::app::startup::AppStart;
use sahel_atlas::cli::args::{Args, usage_error_line};
use sahel_atlas::cli::output::say;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) if e.use_stderr() => {
            // Usage errors exit 1 like every other error, as one line.
            say(&usage_error_line(&e));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    if args.command.is_some() {
        // A command given a large country layer runs with allocator settings for one-shot
        // work; commands map such a layer instead of reading it. The app does neither
        // (`io::memory`).
        let tuned = (args.data.countries.as_deref())
            .is_some_and(sahel_atlas::io::memory::is_large_file)
            && sahel_atlas::io::memory::tune_allocator_for_commands();
        if std::env::var_os("SAHEL_ATLAS_MEMORY_REPORT").is_some() {
            say(if tuned {
                "allocator: one heap in 2 MiB pages"
            } else {
                "allocator: glibc's defaults"
            });
        }
        sahel_atlas::io::memory::map_files_with_guard();
    }
    // SIGINT and SIGTERM remove the temporary files of unfinished writes, then exit.
    if let Err(e) = sahel_atlas::cli::signals::install() {
        say(&format!("sahel-atlas: cannot watch for Ctrl-C: {e}"));
    }
    let lang = args
        .lang
        .unwrap_or_else(sahel_atlas::model::i18n::system_lang);
    sahel_atlas::model::i18n::set_default_lang(lang);
    match args.command {
        Some(command) => match sahel_atlas::cli::run::run(&command, &args.data) {
            Ok(outcome) => {
                for warning in &outcome.warnings {
                    say(warning);
                }
                match sahel_atlas::cli::output::write_stdout(outcome.stdout.as_bytes()) {
                    Ok(()) if outcome.success => ExitCode::SUCCESS,
                    Ok(()) => ExitCode::FAILURE,
                    Err(sahel_atlas::cli::output::StdoutError::Closed) => ExitCode::SUCCESS,
                    Err(e) => {
                        say(&format!("sahel-atlas: {e}"));
                        ExitCode::FAILURE
                    }
                }
            }
            Err(e) => {
                say(&format!("sahel-atlas: {e}"));
                ExitCode::FAILURE
            }
        },
        None => {
            let start = AppStart {
                countries: args.data.countries,
                scenario: args.data.scenario,
                at: args.at,
                events: (args.data.events, args.data.window),
                since: args.since,
                lang: args.lang,
                started,
            };
            match sahel_atlas::app::startup::run_app(start, args.renderer) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    say(&format!("sahel-atlas: {e}"));
                    ExitCode::FAILURE
                }
            }
        }
    }
}
