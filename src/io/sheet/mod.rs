//! The scenario as a spreadsheet: one sheet per kind of item (`entities`, `relationships`,
//! `events`, `changes`, `groups`) and `about` for the scenario's own fields; one row per
//! item, one column per field ([`columns`]), sources one per line in a cell, dates as dates.
//! Written as XLSX or as a folder of CSV files (one per sheet); read back from XLSX, ODS or
//! such a folder, with every problem placed at its cell (`events!C12`), the same rules as
//! `check` applied. JSON → sheet → JSON gives the same scenario.

pub(crate) mod columns;
mod read;
mod write;

use std::path::Path;

use jiff::civil::Date;

pub use columns::SHEET_NAMES;
pub use read::{read_sheet_scenario, tables_to_scenario};
pub use write::{SheetError, scenario_tables, tables_csv, tables_xlsx, write_sheets};

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// `TRUE` or `FALSE`.
    Bool(bool),
    /// A date.
    Date(Date),
}

impl Cell {
    /// Whether the cell holds nothing (or only spaces).
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet: its name and its rows, the first being the headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The sheet's name.
    pub name: String,
    /// Rows of cells, from row 1.
    pub rows: Vec<Vec<Cell>>,
}

/// A cell's name in A1 notation: column `col` and row `row`, both from 0.
pub fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// Whether `path` names a folder of CSV files rather than a workbook: it ends with a slash
/// or is an existing folder.
pub fn is_folder(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir()
}

/// Whether `path` is a spreadsheet the app opens as a scenario: `.xlsx`, `.xls`, `.ods` or
/// a folder of CSV files holding `events.csv`.
pub fn is_sheet_path(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("xlsx" | "xls" | "xlsb" | "ods"))
        || (path.is_dir() && path.join("events.csv").is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_in_a1_notation() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 2), "C12");
        assert_eq!(cell_name(1, 25), "Z2");
        assert_eq!(cell_name(1, 26), "AA2");
        assert_eq!(cell_name(1, 27), "AB2");
        assert_eq!(cell_name(1, 701), "ZZ2");
        assert_eq!(cell_name(1, 702), "AAA2");
    }
}
