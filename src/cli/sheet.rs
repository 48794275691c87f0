//! `sahel-atlas sheet export` and `sahel-atlas sheet import`: the scenario as a spreadsheet
//! and back ([`crate::io::sheet`]). [`super::run`] loads the scenario and reports errors.

use std::path::{Path, PathBuf};

use crate::io::LoadError;
use crate::io::sheet::SheetError;
use crate::model::Scenario;

/// Why `sheet import` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The sheets do not load: every problem at its `SHEET!CELL`.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The scenario file could not be written (the old one, if any, is as it was).
    #[error("cannot write '{}': {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// What `sheet export` and `sheet import` print once done.
fn wrote(files: &str, scenario: &Scenario) -> String {
    format!(
        "Wrote {files} ({} entities, {} relationships, {} events).\n",
        scenario.entities.len(),
        scenario.relationships.len(),
        scenario.events.len()
    )
}

/// `sheet export`: writes `scenario` to `out` (an `.xlsx` workbook, or a folder of CSV
/// files); returns what to print.
///
/// # Errors
/// A field without a column, an `out` that is neither, or a file that cannot be written.
pub fn run_export(out: &Path, scenario: &Scenario) -> Result<String, SheetError> {
    let written = crate::io::sheet::write_sheets(out, scenario)?;
    let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    Ok(wrote(&files.join(", "), scenario))
}

/// `sheet import`: reads the sheets in `file` (a workbook or a folder of CSV files), checks
/// them, and writes the scenario to `out` in the shipped file's formatting; the warnings go
/// to `warnings`. Returns what to print.
///
/// # Errors
/// Problems in the sheets, or `out` cannot be written; nothing is written then.
pub fn run_import(
    file: &Path,
    out: &Path,
    warnings: &mut Vec<String>,
) -> Result<String, ImportError> {
    let (scenario, found) = crate::io::sheet::read_sheet_scenario(file)?;
    warnings.extend(found.iter().map(ToString::to_string));
    crate::io::write_scenario(out, &scenario).map_err(|source| ImportError::Write {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(wrote(&out.display().to_string(), &scenario))
}
