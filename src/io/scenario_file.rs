//! Scenario files: JSON in the format the README documents, checked on load.

use std::path::Path;

use crate::model::{Item, Scenario, Severity, check};

use super::diagnostic::json_diagnostic;
use super::read::read_file_bytes;
use super::{Diagnostic, LoadError, Where};

/// Reads, parses and checks a scenario file.
///
/// # Errors
/// Unreadable or malformed files, and scenarios with errors (unknown or duplicate ids, events
/// without sources, …), with file and line.
pub fn read_scenario(path: &Path) -> Result<(Scenario, Vec<Diagnostic>), LoadError> {
    let bytes = read_file_bytes(path)?;
    parse_scenario(&path.display().to_string(), &bytes)
}

/// Parses and checks a scenario from bytes; returns it with its warnings.
///
/// # Errors
/// Malformed JSON or a scenario with errors, every problem with its place.
pub fn parse_scenario(name: &str, bytes: &[u8]) -> Result<(Scenario, Vec<Diagnostic>), LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::single(Diagnostic::error(
            name,
            Where::File,
            "the file is empty",
        )));
    }
    let scenario: Scenario =
        serde_json::from_slice(bytes).map_err(|e| LoadError::single(json_diagnostic(name, &e)))?;
    let text = String::from_utf8_lossy(bytes);
    let diagnostics: Vec<Diagnostic> = check(&scenario)
        .into_iter()
        .map(|p| {
            let place = locate(&text, &p.item, p.id.as_deref());
            let mut message = p.message;
            if p.id.is_none() {
                match p.item {
                    Item::Entity(i) => message = format!("entities[{i}]: {message}"),
                    Item::Relationship(i) => message = format!("relationships[{i}]: {message}"),
                    Item::Event(i) => message = format!("events[{i}]: {message}"),
                    Item::Scenario => {}
                }
            }
            Diagnostic {
                file: name.to_owned(),
                place,
                severity: p.severity,
                message,
            }
        })
        .collect();
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Err(LoadError { diagnostics })
    } else {
        Ok((scenario, diagnostics))
    }
}

/// Finds the line and column of an item's `"id": "…"` in the text, searching in the section
/// (`entities`, `relationships`, `events`) the item belongs to.
fn locate(text: &str, item: &Item, id: Option<&str>) -> Where {
    let section = match item {
        Item::Scenario => return find_key(text, 0, "span").unwrap_or(Where::File),
        Item::Entity(_) => "entities",
        Item::Relationship(_) => "relationships",
        Item::Event(_) => "events",
    };
    let Some(id) = id else {
        return find_key(text, 0, section).unwrap_or(Where::File);
    };
    let start = text.find(&format!("\"{section}\"")).unwrap_or(0);
    let quoted = serde_json::to_string(id).unwrap_or_default();
    let mut from = start;
    while let Some(offset) = text[from..].find(&quoted) {
        let at = from + offset;
        let before = text[..at].trim_end();
        if let Some(before) = before.strip_suffix(':')
            && before.trim_end().ends_with("\"id\"")
        {
            return line_column(text, at);
        }
        from = at + quoted.len();
    }
    Where::File
}

fn find_key(text: &str, from: usize, key: &str) -> Option<Where> {
    let at = from + text[from..].find(&format!("\"{key}\""))?;
    Some(line_column(text, at))
}

fn line_column(text: &str, at: usize) -> Where {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |nl| nl + 1);
    Where::LineColumn {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_ids_by_line() {
        let text = "{\n \"events\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\"}\n ]\n}";
        assert_eq!(
            locate(text, &Item::Event(1), Some("b")),
            Where::LineColumn {
                line: 4,
                column: 10
            }
        );
    }
}
