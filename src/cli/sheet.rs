//! `sahel-atlas sheet export` and `sahel-atlas sheet import`: the scenario as a spreadsheet
//! and back ([`crate::io::sheet`]).

use super::args::{DataArgs, SheetAction};
use super::run::{CliError, load_timeline};

/// Runs `sheet export` or `sheet import`; returns what to print.
///
/// # Errors
/// The scenario or the sheets do not load (every problem at its `SHEET!CELL`), or the output
/// cannot be written. Import writes nothing when the sheets have errors.
pub fn run_sheet(
    action: &SheetAction,
    data: &DataArgs,
    warnings: &mut Vec<String>,
) -> Result<String, CliError> {
    match action {
        SheetAction::Export { out } => {
            let timeline = load_timeline(data.scenario.as_deref(), warnings)?;
            let scenario = timeline.scenario();
            let written = crate::io::sheet::write_sheets(out, scenario)?;
            let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            Ok(format!(
                "Wrote {} ({} entities, {} relationships, {} events).\n",
                files.join(", "),
                scenario.entities.len(),
                scenario.relationships.len(),
                scenario.events.len()
            ))
        }
        SheetAction::Import { file, out } => {
            let (scenario, found) = crate::io::sheet::read_sheet_scenario(file)?;
            warnings.extend(found.iter().map(ToString::to_string));
            crate::io::write_scenario(out, &scenario).map_err(|source| {
                CliError::WriteScenario {
                    path: out.clone(),
                    source,
                }
            })?;
            Ok(format!(
                "Wrote {} ({} entities, {} relationships, {} events).\n",
                out.display(),
                scenario.entities.len(),
                scenario.relationships.len(),
                scenario.events.len()
            ))
        }
    }
}
