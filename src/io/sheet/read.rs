//! Sheets → scenario: the cells read by column, every problem placed at its cell, then the
//! same rules as `check`.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::columns::{
    ABOUT, CHANGES, CellKind, EVENT_COLUMN, EVENTS, ITEM_SHEETS, SheetSpec, header,
    translation_pointer,
};
use super::{Cell, Table, cell_name};
use crate::io::{Diagnostic, LoadError, Where};
use crate::model::{Item, Scenario, Severity, check, parse_date};

/// Reads a scenario from a workbook (`.xlsx`, `.xls`, `.ods`) or a folder of CSV files, and
/// checks it; returns it with its warnings.
///
/// # Errors
/// The file cannot be read, or a cell or the scenario has errors: every problem with its
/// `SHEET!CELL`.
pub fn read_sheet_scenario(path: &Path) -> Result<(Scenario, Vec<Diagnostic>), LoadError> {
    let name = path.display().to_string();
    let tables = if path.is_dir() {
        read_csv_folder(&name, path)?
    } else {
        read_workbook(&name, path)?
    };
    tables_to_scenario(&name, &tables)
}

fn file_error(name: &str, message: String) -> LoadError {
    LoadError::single(Diagnostic::error(name, Where::File, message))
}

fn read_workbook(name: &str, path: &Path) -> Result<Vec<Table>, LoadError> {
    use calamine::Reader as _;
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| file_error(name, format!("cannot read as a spreadsheet: {e}")))?;
    let mut tables = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| file_error(name, format!("cannot read sheet {sheet:?}: {e}")))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); row0 as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; col0 as usize];
            cells.extend(row.iter().map(cell_of_data));
            rows.push(cells);
        }
        tables.push(Table { name: sheet, rows });
    }
    Ok(tables)
}

fn cell_of_data(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            jiff::civil::Date::new(y as i16, m as i8, d as i8)
                .map_or_else(|_| Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .filter(|_| s.len() == 10 || s[10..].trim_start_matches('T') == "00:00:00")
            .and_then(|d| parse_date(d).ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

fn read_csv_folder(name: &str, dir: &Path) -> Result<Vec<Table>, LoadError> {
    let mut tables = Vec::new();
    for sheet in super::SHEET_NAMES {
        let path = dir.join(format!("{sheet}.csv"));
        if !path.exists() {
            continue;
        }
        let bytes = crate::io::read_file_bytes(&path)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes.as_slice());
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                file_error(&path.display().to_string(), format!("not valid CSV: {e}"))
            })?;
            rows.push(record.iter().map(csv_cell).collect());
        }
        tables.push(Table {
            name: sheet.to_owned(),
            rows,
        });
    }
    if tables.is_empty() {
        return Err(file_error(
            name,
            "holds none of entities.csv, relationships.csv, events.csv, changes.csv, groups.csv, about.csv".to_owned(),
        ));
    }
    Ok(tables)
}

/// A CSV field as a cell: the `'` that writing puts before formula-like text taken off.
fn csv_cell(text: &str) -> Cell {
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.strip_prefix('\'').unwrap_or(text).to_owned())
    }
}

/// Where each item and field came from: (sheet, row) per item, column per field.
#[derive(Default)]
struct Places {
    /// Per sheet: the item's row (from 0) by item index, and the column of each pointer.
    rows: HashMap<&'static str, Vec<usize>>,
    columns: HashMap<&'static str, Vec<(String, usize)>>,
    /// Per event: the row in `changes` of each of its changes.
    change_rows: Vec<Vec<usize>>,
    /// Per field of `about`: its row.
    about_rows: Vec<(String, usize)>,
}

impl Places {
    /// The cell a pointer from the scenario's root is about (`/events/3/sources/1`).
    fn locate(&self, pointer: &str) -> Option<(&'static str, String)> {
        let parts: Vec<&str> = pointer.split('/').skip(1).collect();
        let section = *parts.first()?;
        let Some((spec, _)) = ITEM_SHEETS.iter().find(|(_, key)| *key == section) else {
            let row = best(&self.about_rows, pointer)?;
            return Some((ABOUT.name, cell_name(row, 1)));
        };
        let index: usize = parts.get(1).and_then(|i| i.parse().ok())?;
        if spec.name == EVENTS.name && parts.get(2) == Some(&"changes") {
            let change: usize = parts.get(3).and_then(|c| c.parse().ok()).unwrap_or(0);
            let rows = self.change_rows.get(index)?;
            let row = *rows.get(change).or(rows.first())?;
            let rest = format!("/{}", parts.get(4..).unwrap_or_default().join("/"));
            let columns = self.columns.get(CHANGES.name)?;
            return Some((
                CHANGES.name,
                cell_name(row, best(columns, &rest).unwrap_or(0)),
            ));
        }
        let row = *self.rows.get(spec.name)?.get(index)?;
        let rest = format!("/{}", parts.get(2..).unwrap_or_default().join("/"));
        let col = self
            .columns
            .get(spec.name)
            .and_then(|c| best(c, &rest))
            .unwrap_or(0);
        Some((spec.name, cell_name(row, col)))
    }
}

/// The place of the column (or row) whose pointer is `pointer`, holds it (`/sources` for
/// `/sources/2`) or is inside it (`/place/lon` for `/place`).
fn best(places: &[(String, usize)], pointer: &str) -> Option<usize> {
    let find = |f: &dyn Fn(&str) -> bool| places.iter().find(|(p, _)| f(p)).map(|(_, at)| *at);
    find(&|p| p == pointer)
        .or_else(|| find(&|p| pointer.starts_with(&format!("{p}/"))))
        .or_else(|| find(&|p| p.starts_with(&format!("{pointer}/"))))
}

/// Reads the scenario from its sheets and checks it.
///
/// # Errors
/// Every problem with its `SHEET!CELL`: cells that are not what their column holds, unknown
/// columns, changes of unknown events, and what `check` finds.
pub fn tables_to_scenario(
    name: &str,
    tables: &[Table],
) -> Result<(Scenario, Vec<Diagnostic>), LoadError> {
    let mut reader = Reading {
        name,
        places: Places::default(),
        diagnostics: Vec::new(),
    };
    let table = |sheet: &str| tables.iter().find(|t| t.name == sheet);
    let mut root = reader.about(table(ABOUT.name));
    let mut sections = Vec::new();
    for (spec, key) in ITEM_SHEETS {
        let items = reader.items(&spec, table(spec.name), None);
        sections.push((key, items));
    }
    let changes = reader.items(&CHANGES, table(CHANGES.name), Some(EVENT_COLUMN));
    if let Some((_, events)) = sections.iter_mut().find(|(key, _)| *key == "events") {
        reader.attach_changes(events, changes);
    }
    for (key, items) in sections {
        root.insert(key.to_owned(), Value::Array(items));
    }
    if reader.has_errors() {
        return Err(reader.into_error());
    }
    let root = Value::Object(root);
    // What the JSON reader refuses beyond serde's types (control characters, addresses that
    // are not web addresses), so that what imports also opens.
    for (pointer, message) in crate::io::strict_text::strict_problems(&root) {
        reader.at(Severity::Error, &pointer, message);
    }
    if reader.has_errors() {
        return Err(reader.into_error());
    }
    let scenario: Scenario = match serde_path_to_error::deserialize(root) {
        Ok(s) => s,
        Err(e) => {
            let pointer = path_pointer(e.path());
            reader.at(Severity::Error, &pointer, e.inner().to_string());
            return Err(reader.into_error());
        }
    };
    for problem in check(&scenario) {
        let pointer = match problem.item {
            Item::Scenario => problem.pointer.clone(),
            Item::Entity(i) => format!("/entities/{i}{}", problem.pointer),
            Item::Relationship(i) => format!("/relationships/{i}{}", problem.pointer),
            Item::Event(i) => format!("/events/{i}{}", problem.pointer),
            Item::Group(i) => format!("/groups/{i}{}", problem.pointer),
        };
        reader.at(problem.severity, &pointer, problem.message);
    }
    if reader.has_errors() {
        return Err(reader.into_error());
    }
    Ok((scenario, reader.diagnostics))
}

/// serde_path_to_error's path as a JSON Pointer.
fn path_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{key}")),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// Reading the sheets: where things are, and what was found wrong.
struct Reading<'a> {
    name: &'a str,
    places: Places,
    diagnostics: Vec<Diagnostic>,
}

impl Reading<'_> {
    fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn into_error(mut self) -> LoadError {
        self.diagnostics
            .sort_by_key(|d| std::cmp::Reverse(d.severity));
        LoadError {
            diagnostics: self.diagnostics,
        }
    }

    fn cell_problem(&mut self, severity: Severity, sheet: &str, cell: String, message: String) {
        self.diagnostics.push(Diagnostic {
            file: self.name.to_owned(),
            place: Where::Cell {
                sheet: sheet.to_owned(),
                cell,
            },
            severity,
            message,
        });
    }

    /// A problem about the value at `pointer` (from the scenario's root).
    fn at(&mut self, severity: Severity, pointer: &str, message: String) {
        match self.places.locate(pointer) {
            Some((sheet, cell)) => self.cell_problem(severity, sheet, cell, message),
            None => self.diagnostics.push(Diagnostic {
                file: self.name.to_owned(),
                place: Where::File,
                severity,
                message,
            }),
        }
    }

    /// The `about` sheet's fields, as the root object.
    fn about(&mut self, table: Option<&Table>) -> Map<String, Value> {
        let mut root = Map::new();
        let Some(table) = table else {
            self.diagnostics.push(Diagnostic::error(
                self.name,
                Where::File,
                "has no sheet \"about\" (the scenario's format, title and span)",
            ));
            return root;
        };
        for (r, row) in table.rows.iter().enumerate().skip(1) {
            let field = match row.first() {
                Some(Cell::Text(t)) => t.trim().to_owned(),
                _ => continue,
            };
            if let Some(pointer) = translation_pointer(ABOUT.name, &field) {
                // `i18n.fr.title`: the scenario's title in French.
                self.places.about_rows.push((pointer.clone(), r));
                match value_of(row.get(1).unwrap_or(&Cell::Empty), CellKind::Text) {
                    Ok(Some(value)) => insert(&mut root, &pointer, value),
                    Ok(None) => {}
                    Err(message) => {
                        self.cell_problem(Severity::Error, ABOUT.name, cell_name(r, 1), message);
                    }
                }
                continue;
            }
            let Some(column) = ABOUT.columns.iter().find(|c| header(c) == field) else {
                let known: Vec<String> = ABOUT.columns.iter().map(header).collect();
                let message = format!(
                    "unknown field {field:?}; the fields are {}",
                    known.join(", ")
                );
                self.cell_problem(Severity::Error, ABOUT.name, cell_name(r, 0), message);
                continue;
            };
            self.places.about_rows.push((column.pointer.to_owned(), r));
            let cell = row.get(1).unwrap_or(&Cell::Empty);
            match value_of(cell, column.kind) {
                Ok(Some(value)) => insert(&mut root, column.pointer, value),
                Ok(None) => {}
                Err(message) => {
                    self.cell_problem(Severity::Error, ABOUT.name, cell_name(r, 1), message);
                }
            }
        }
        root
    }

    /// The items of a sheet, one per row that is not empty; with `first`, each item's first
    /// column (`event`) is kept under that key.
    fn items(
        &mut self,
        spec: &SheetSpec,
        table: Option<&Table>,
        first: Option<&str>,
    ) -> Vec<Value> {
        let Some(table) = table else {
            return Vec::new();
        };
        let columns = self.headers(spec, table, first);
        let mut items = Vec::new();
        let mut rows = Vec::new();
        for (r, row) in table.rows.iter().enumerate().skip(1) {
            if row.iter().all(Cell::is_empty) {
                continue;
            }
            let mut item = Map::new();
            for (c, column) in &columns {
                let cell = row.get(*c).unwrap_or(&Cell::Empty);
                let Some((pointer, kind)) = column else {
                    if let Cell::Text(t) = cell {
                        item.insert(EVENT_COLUMN.to_owned(), Value::String(t.trim().to_owned()));
                    }
                    continue;
                };
                match value_of(cell, *kind) {
                    Ok(Some(value)) => insert(&mut item, pointer, value),
                    Ok(None) => {}
                    Err(message) => {
                        self.cell_problem(Severity::Error, spec.name, cell_name(r, *c), message);
                    }
                }
            }
            items.push(Value::Object(item));
            rows.push(r);
        }
        self.places.rows.insert(spec.name, rows);
        items
    }

    /// The columns of a sheet by position: a field's pointer and kind of cell (a fixed
    /// column, or a translation's), or `None` for the `first` column.
    fn headers(
        &mut self,
        spec: &SheetSpec,
        table: &Table,
        first: Option<&str>,
    ) -> Vec<(usize, Option<(String, CellKind)>)> {
        let mut columns = Vec::new();
        let mut places = Vec::new();
        for (c, cell) in table.rows.first().into_iter().flatten().enumerate() {
            let Cell::Text(text) = cell else { continue };
            let text = text.trim();
            if Some(text) == first {
                columns.push((c, None));
                continue;
            }
            let field = spec
                .columns
                .iter()
                .find(|col| header(col) == text)
                .map(|col| (col.pointer.to_owned(), col.kind))
                .or_else(|| translation_pointer(spec.name, text).map(|p| (p, CellKind::Text)));
            match field {
                Some((pointer, kind)) => {
                    places.push((pointer.clone(), c));
                    columns.push((c, Some((pointer, kind))));
                }
                None => {
                    let known: Vec<String> = spec.columns.iter().map(header).collect();
                    let translations = if ITEM_SHEETS.iter().any(|(s, _)| s.name == spec.name) {
                        ", and translations as i18n.LANGUAGE.FIELD"
                    } else {
                        ""
                    };
                    let message = format!(
                        "unknown column {text:?}; the columns are {}{translations}",
                        known.join(", ")
                    );
                    self.cell_problem(Severity::Error, spec.name, cell_name(0, c), message);
                }
            }
        }
        self.places.columns.insert(spec.name, places);
        columns
    }

    /// Puts each change under its event (by the `event` column), in sheet order.
    fn attach_changes(&mut self, events: &mut [Value], changes: Vec<Value>) {
        let change_rows = self
            .places
            .rows
            .get(CHANGES.name)
            .cloned()
            .unwrap_or_default();
        self.places.change_rows = vec![Vec::new(); events.len()];
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (i, event) in events.iter_mut().enumerate() {
            if let Some(id) = event.get("id").and_then(Value::as_str) {
                by_id.entry(id.to_owned()).or_insert(i);
            }
            if let Some(object) = event.as_object_mut() {
                object.insert("changes".to_owned(), Value::Array(Vec::new()));
            }
        }
        for (mut change, row) in changes.into_iter().zip(change_rows) {
            let id = change
                .as_object_mut()
                .and_then(|c| c.remove(EVENT_COLUMN))
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let Some(&i) = by_id.get(&id) else {
                let message = format!("no event with id {id:?} in the sheet \"events\"");
                self.cell_problem(Severity::Error, CHANGES.name, cell_name(row, 0), message);
                continue;
            };
            if let Some(list) = events[i].get_mut("changes").and_then(Value::as_array_mut) {
                list.push(change);
            }
            self.places.change_rows[i].push(row);
        }
    }
}

/// Sets `value` at `pointer` in `item`, making the objects on the way.
fn insert(item: &mut Map<String, Value>, pointer: &str, value: Value) {
    let keys: Vec<&str> = pointer.split('/').skip(1).collect();
    let Some((last, path)) = keys.split_last() else {
        return;
    };
    let empty = match &value {
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    };
    if empty && !path.is_empty() {
        // An empty nested field makes no object: no `government` for empty sources.
        return;
    }
    let mut object = item;
    for key in path {
        let next = object
            .entry((*key).to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(map) = next else { return };
        object = map;
    }
    object.insert((*last).to_owned(), value);
}

/// What a cell holds for a column of `kind`: `None` when absent.
///
/// # Errors
/// What is wrong with the cell, as a message.
fn value_of(cell: &Cell, kind: CellKind) -> Result<Option<Value>, String> {
    let text = |cell: &Cell| match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Date(d) => d.to_string(),
    };
    if cell.is_empty() {
        return Ok(match (kind, cell) {
            (CellKind::RequiredText, _) => Some(Value::String(text(cell))),
            (CellKind::Text, Cell::Text(t)) if !t.is_empty() => Some(Value::String(t.clone())),
            (CellKind::List, _) => Some(Value::Array(Vec::new())),
            _ => None,
        });
    }
    Ok(Some(match kind {
        CellKind::Text | CellKind::RequiredText => Value::String(text(cell)),
        CellKind::Date => Value::String(date_of(cell)?.to_string()),
        CellKind::Number => number_of(cell)?,
        CellKind::Count => count_of(cell)?,
        CellKind::Bool => Value::Bool(bool_of(cell)?),
        CellKind::List => Value::Array(
            text(cell)
                .split('\n')
                .map(|line| line.strip_suffix('\r').unwrap_or(line))
                .filter(|line| !line.trim().is_empty())
                .map(|line| Value::String(line.to_owned()))
                .collect(),
        ),
    }))
}

fn date_of(cell: &Cell) -> Result<jiff::civil::Date, String> {
    match cell {
        Cell::Date(d) => Ok(*d),
        Cell::Text(t) => parse_date(t).map_err(|_| format!("{:?} is not a date", t.trim())),
        Cell::Number(serial) if serial.is_finite() && (1.0..2_958_466.0).contains(serial) => {
            // Excel's serial day, from 1899-12-30.
            let epoch = jiff::civil::Date::constant(1899, 12, 30);
            epoch
                .checked_add(jiff::Span::new().days(serial.floor() as i64))
                .map_err(|e| e.to_string())
        }
        other => Err(format!("{} is not a date", describe(other))),
    }
}

fn number_of(cell: &Cell) -> Result<Value, String> {
    let n = match cell {
        Cell::Number(n) => *n,
        Cell::Text(t) => t
            .trim()
            .parse::<f64>()
            .map_err(|_| format!("{:?} is not a number", t.trim()))?,
        other => return Err(format!("{} is not a number", describe(other))),
    };
    serde_json::Number::from_f64(n)
        .map(Value::Number)
        .ok_or_else(|| format!("{n} is not a finite number"))
}

fn count_of(cell: &Cell) -> Result<Value, String> {
    let n = match cell {
        Cell::Number(n) => *n,
        Cell::Text(t) => t
            .trim()
            .replace([',', '_'], "")
            .parse::<f64>()
            .map_err(|_| format!("{:?} is not a whole number", t.trim()))?,
        other => return Err(format!("{} is not a whole number", describe(other))),
    };
    // Whole numbers up to 2^53 are exact in a spreadsheet's cells.
    if n.fract() != 0.0 || !(0.0..=9_007_199_254_740_992.0).contains(&n) {
        return Err(format!("{n} is not a whole number of zero or more"));
    }
    Ok(Value::Number(serde_json::Number::from(n as u64)))
}

fn bool_of(cell: &Cell) -> Result<bool, String> {
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 1.0 || *n == 0.0 => Ok(*n == 1.0),
        Cell::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(true),
            "false" | "no" | "0" => Ok(false),
            _ => Err(format!("{:?} is not TRUE or FALSE", t.trim())),
        },
        other => Err(format!("{} is not TRUE or FALSE", describe(other))),
    }
}

fn describe(cell: &Cell) -> String {
    match cell {
        Cell::Empty => "an empty cell".to_owned(),
        Cell::Text(t) => format!("{t:?}"),
        Cell::Number(n) => n.to_string(),
        Cell::Bool(b) => b.to_string().to_uppercase(),
        Cell::Date(d) => d.to_string(),
    }
}
