//! Scenario → sheets: the tables, then XLSX (rust_xlsxwriter) or CSV files.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::columns::{
    ABOUT, CHANGES, CellKind, Column, EVENT_COLUMN, ITEM_SHEETS, SheetSpec, header, is_elsewhere,
    is_translation, takes_translations,
};
use super::{Cell, Table, is_folder};
use crate::model::{Scenario, parse_date};

/// Why sheets could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// A field of the scenario has no column: it would be lost (a new field missing from
    /// [`super::columns`]).
    #[error("{sheet}: the field {field} has no column, so it would be lost")]
    NoColumn {
        /// The sheet.
        sheet: &'static str,
        /// The field, as a JSON Pointer from the item.
        field: String,
    },
    /// The workbook could not be made (a text longer than a cell holds, …).
    #[error("cannot make the workbook: {0}")]
    Xlsx(String),
    /// A file could not be written.
    #[error("cannot write '{}': {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `--out` is neither `.xlsx` nor a folder.
    #[error("cannot tell what to write to '{}': end --out with .xlsx, or with / for a folder of CSV files", .0.display())]
    UnknownFormat(PathBuf),
}

/// The scenario's sheets, in [`super::SHEET_NAMES`] order.
///
/// # Errors
/// [`SheetError::NoColumn`] when a field has no column.
pub fn scenario_tables(scenario: &Scenario) -> Result<Vec<Table>, SheetError> {
    let value = serde_json::to_value(scenario).map_err(|e| SheetError::Xlsx(e.to_string()))?;
    let items = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut tables = Vec::new();
    for (spec, key) in ITEM_SHEETS {
        tables.push(item_table(&spec, &items(key))?);
        if spec.name == "events" {
            tables.push(changes_table(&items(key))?);
        }
    }
    tables.push(about_table(&value)?);
    let order = |t: &Table| super::SHEET_NAMES.iter().position(|n| *n == t.name);
    tables.sort_by_key(order);
    Ok(tables)
}

fn item_table(spec: &SheetSpec, items: &[Value]) -> Result<Table, SheetError> {
    // The translations given, one column each, in order of language then field.
    let mut translations = std::collections::BTreeSet::new();
    for item in items {
        let mut leaves = Vec::new();
        leaf_pointers(item, String::new(), &mut leaves);
        translations.extend(leaves.into_iter().filter(|p| is_translation(p)));
    }
    let mut header_row = headers(spec, None);
    header_row.extend(
        translations
            .iter()
            .map(|p| Cell::Text(p.trim_start_matches('/').replace('/', "."))),
    );
    let mut rows = vec![header_row];
    for item in items {
        covered(spec, item)?;
        let mut row: Vec<Cell> = spec.columns.iter().map(|c| cell_of(item, c)).collect();
        row.extend(translations.iter().map(|p| match item.pointer(p) {
            Some(Value::String(t)) if !t.is_empty() => Cell::Text(t.clone()),
            _ => Cell::Empty,
        }));
        rows.push(row);
    }
    Ok(Table {
        name: spec.name.to_owned(),
        rows,
    })
}

fn changes_table(events: &[Value]) -> Result<Table, SheetError> {
    let mut rows = vec![headers(&CHANGES, Some(EVENT_COLUMN))];
    for event in events {
        let id = event.get("id").and_then(Value::as_str).unwrap_or_default();
        let changes = event.get("changes").and_then(Value::as_array);
        for change in changes.into_iter().flatten() {
            covered(&CHANGES, change)?;
            let mut row = vec![Cell::Text(id.to_owned())];
            row.extend(CHANGES.columns.iter().map(|c| cell_of(change, c)));
            rows.push(row);
        }
    }
    Ok(Table {
        name: CHANGES.name.to_owned(),
        rows,
    })
}

fn about_table(scenario: &Value) -> Result<Table, SheetError> {
    let mut rows = vec![vec![Cell::Text("field".into()), Cell::Text("value".into())]];
    let mut top = scenario.clone();
    if let Some(object) = top.as_object_mut() {
        for (_, key) in ITEM_SHEETS {
            object.remove(key);
        }
    }
    covered(&ABOUT, &top)?;
    for column in ABOUT.columns {
        rows.push(vec![Cell::Text(header(column)), cell_of(&top, column)]);
    }
    // The scenario's translations, a row each (`i18n.fr.title`), in the file's order.
    let translations = top.get("i18n").and_then(Value::as_object);
    for (lang, fields) in translations.into_iter().flatten() {
        for (field, text) in fields.as_object().into_iter().flatten() {
            let text = text.as_str().unwrap_or_default().to_owned();
            rows.push(vec![
                Cell::Text(format!("i18n.{lang}.{field}")),
                Cell::Text(text),
            ]);
        }
    }
    Ok(Table {
        name: ABOUT.name.to_owned(),
        rows,
    })
}

fn headers(spec: &SheetSpec, first: Option<&str>) -> Vec<Cell> {
    first
        .map(|f| Cell::Text(f.to_owned()))
        .into_iter()
        .chain(spec.columns.iter().map(|c| Cell::Text(header(c))))
        .collect()
}

/// Checks that every field of `item` has a column (or a sheet of its own).
fn covered(spec: &SheetSpec, item: &Value) -> Result<(), SheetError> {
    let mut leaves = Vec::new();
    leaf_pointers(item, String::new(), &mut leaves);
    for pointer in leaves {
        let item_sheet = takes_translations(spec.name);
        let known = spec.columns.iter().any(|c| c.pointer == pointer)
            || is_elsewhere(spec.name, &pointer)
            || (item_sheet && is_translation(&pointer));
        if !known {
            return Err(SheetError::NoColumn {
                sheet: spec.name,
                field: pointer,
            });
        }
    }
    Ok(())
}

/// The pointers of the values in `value` that are not objects (arrays count as one value).
fn leaf_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let key = crate::model::json_pointer::escape_token(key);
                leaf_pointers(v, format!("{at}/{key}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// The cell for `column` of `item`.
fn cell_of(item: &Value, column: &Column) -> Cell {
    let Some(value) = item.pointer(column.pointer) else {
        return Cell::Empty;
    };
    match (column.kind, value) {
        (CellKind::Date, Value::String(s)) => {
            parse_date(s).map_or(Cell::Text(s.clone()), Cell::Date)
        }
        (CellKind::List, Value::Array(items)) if items.is_empty() => Cell::Empty,
        (CellKind::List, Value::Array(items)) => Cell::Text(
            items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (_, Value::String(s)) if s.is_empty() => Cell::Empty,
        (_, Value::String(s)) => Cell::Text(s.clone()),
        (_, Value::Number(n)) => n.as_f64().map_or(Cell::Empty, Cell::Number),
        (_, Value::Bool(b)) => Cell::Bool(*b),
        (_, Value::Null) => Cell::Empty,
        (_, other) => Cell::Text(other.to_string()),
    }
}

/// The tables as an XLSX workbook: headers bold and frozen, dates formatted `yyyy-mm-dd`,
/// lists wrapped one item per line.
///
/// # Errors
/// [`SheetError::Xlsx`] when a value does not fit a cell.
pub fn tables_xlsx(tables: &[Table]) -> Result<Vec<u8>, SheetError> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| SheetError::Xlsx(e.to_string());
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.name).map_err(fail)?;
        let mut widths = vec![8usize; table.rows.first().map_or(0, Vec::len)];
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r).map_err(|_| SheetError::Xlsx("too many rows".into()))?;
            for (c, cell) in row.iter().enumerate() {
                let c =
                    u16::try_from(c).map_err(|_| SheetError::Xlsx("too many columns".into()))?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(text) if r == 0 => {
                        sheet
                            .write_string_with_format(r, c, text, &bold)
                            .map_err(fail)?;
                    }
                    Cell::Text(text) if text.contains('\n') => {
                        sheet
                            .write_string_with_format(r, c, text, &wrap)
                            .map_err(fail)?;
                    }
                    Cell::Text(text) => {
                        sheet.write_string(r, c, text).map_err(fail)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n).map_err(fail)?;
                    }
                    Cell::Bool(b) => {
                        sheet.write_boolean(r, c, *b).map_err(fail)?;
                    }
                    Cell::Date(d) => write_date(sheet, r, c, *d, &date)?,
                }
                if let (Some(w), Cell::Text(t)) = (widths.get_mut(usize::from(c)), cell) {
                    let longest = t.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    *w = (*w).max(longest.min(60));
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .set_column_width(c, (*w).max(11) as f64 + 1.0)
                .map_err(fail)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
    }
    workbook.save_to_buffer().map_err(fail)
}

/// A date as an Excel date; before 1900 (which Excel cannot hold) as `YYYY-MM-DD` text.
fn write_date(
    sheet: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    d: jiff::civil::Date,
    format: &rust_xlsxwriter::Format,
) -> Result<(), SheetError> {
    let fail = |e: rust_xlsxwriter::XlsxError| SheetError::Xlsx(e.to_string());
    let excel = u16::try_from(d.year()).ok().and_then(|y| {
        rust_xlsxwriter::ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
    });
    match excel {
        Some(excel) if d.year() >= 1900 => {
            sheet
                .write_datetime_with_format(r, c, &excel, format)
                .map_err(fail)?;
        }
        _ => {
            sheet.write_string(r, c, d.to_string()).map_err(fail)?;
        }
    }
    Ok(())
}

/// The tables as CSV files, `(sheet name, bytes)`. Text that a spreadsheet would take for a
/// formula (beginning `=`, `+`, `-`, `@`) or that begins with `'` gets a `'` in front, which
/// reading takes off.
pub fn tables_csv(tables: &[Table]) -> Vec<(String, Vec<u8>)> {
    tables
        .iter()
        .map(|table| {
            let mut writer = csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(Vec::new());
            for row in &table.rows {
                let fields: Vec<String> = row.iter().map(csv_text).collect();
                // Writing to a vector fails only on I/O, which a vector has none of.
                let _ = writer.write_record(&fields);
            }
            let bytes = writer.into_inner().unwrap_or_default();
            (table.name.clone(), bytes)
        })
        .collect()
}

fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\'']) => format!("'{t}"),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Cell::Date(d) => d.to_string(),
    }
}

/// Writes the scenario's sheets to `out`: an XLSX workbook, or, when `out` is a folder (ends
/// with a slash or exists), one CSV file per sheet in it. Each file is written atomically.
///
/// # Errors
/// [`SheetError`] when a field has no column, `out` is neither `.xlsx` nor a folder, or a
/// file cannot be written.
pub fn write_sheets(out: &Path, scenario: &Scenario) -> Result<Vec<PathBuf>, SheetError> {
    let tables = scenario_tables(scenario)?;
    let write = |path: PathBuf, bytes: &[u8]| {
        crate::io::atomic::write_atomic(&path, bytes)
            .map(|()| path.clone())
            .map_err(|source| SheetError::Write { path, source })
    };
    if is_folder(out) {
        std::fs::create_dir_all(out).map_err(|source| SheetError::Write {
            path: out.to_path_buf(),
            source,
        })?;
        return tables_csv(&tables)
            .into_iter()
            .map(|(name, bytes)| write(out.join(format!("{name}.csv")), &bytes))
            .collect();
    }
    let xlsx = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !xlsx {
        return Err(SheetError::UnknownFormat(out.to_path_buf()));
    }
    Ok(vec![write(out.to_path_buf(), &tables_xlsx(&tables)?)?])
}
