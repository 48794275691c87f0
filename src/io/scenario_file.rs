//! Scenario files: JSON in the format the README documents, checked on load.

use std::path::Path;

use crate::model::{Item, Problem, Scenario, Severity, check, check_sources};

use super::diagnostic::{MAX_DIAGNOSTICS, not_shown};
use super::json_error::{MAX_DEPTH, TOO_DEEP, expect_object, json_diagnostic, strip_bom};
use super::json_text::{elements, line_columns, resolve, skip_ws, too_deep};
use super::read::{gunzip_if_needed, read_file_bytes};
use super::{Diagnostic, LoadError, Where};

/// Reads, parses and checks a scenario file.
///
/// # Errors
/// Unreadable or malformed files, and scenarios with errors (unknown or duplicate ids, events
/// without sources, …), with file and line.
pub fn read_scenario(path: &Path) -> Result<(Scenario, Vec<Diagnostic>), LoadError> {
    if super::sheet::is_sheet_path(path) {
        return super::sheet::read_sheet_scenario(path);
    }
    let bytes = read_file_bytes(path)?;
    parse_scenario(&path.display().to_string(), &bytes)
}

/// Parses and checks a scenario from bytes (JSON text, or gzip of it); returns it with its
/// warnings.
///
/// # Errors
/// Malformed JSON or a scenario with errors, every problem with its place.
pub fn parse_scenario(name: &str, bytes: &[u8]) -> Result<(Scenario, Vec<Diagnostic>), LoadError> {
    let bytes = gunzip_if_needed(name, bytes)?;
    let text = strip_bom(&bytes);
    expect_object(name, text, WHAT)?;
    // serde_json limits nesting, but skips unknown fields without a limit, slowly: check first.
    if let Some(at) = too_deep(text, MAX_DEPTH) {
        let (line, column) = line_columns(text, &[at])[0];
        return Err(LoadError::single(Diagnostic::error(
            name,
            Where::LineColumn { line, column },
            TOO_DEEP,
        )));
    }
    let scenario: Scenario = serde_json::from_slice(text).map_err(|e| {
        let mut d = json_diagnostic(name, text, &e);
        let kind = resolve(text, 0, "/type").ok().and_then(|at| text.get(at..));
        if kind.is_some_and(|k| k.starts_with(b"\"FeatureCollection\"")) {
            d.message = format!(
                "this is a GeoJSON country layer, not a scenario ({})",
                d.message
            );
        }
        LoadError::single(d)
    })?;
    let mut diagnostics = diagnostics_of(name, text, check(&scenario));
    diagnostics.splice(0..0, strict_text_diagnostics(name, text));
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Err(LoadError { diagnostics })
    } else {
        Ok((scenario, diagnostics))
    }
}

/// The embedded scenario, read without the checks [`parse_scenario`] makes of a file: the
/// binary carries it unchanged, and the test `the_embedded_files_load` runs every check on it
/// (no error, no warning) and compares the two readings. A third of the time to start on it.
///
/// # Errors
/// Only if the embedded text were not a scenario's JSON.
pub(crate) fn parse_embedded_scenario(name: &str, text: &[u8]) -> Result<Scenario, LoadError> {
    serde_json::from_slice(text).map_err(|e| LoadError::single(json_diagnostic(name, text, &e)))
}

/// The problems found in a scenario's `text` as diagnostics at their LINE:COL (at most
/// [`MAX_DIAGNOSTICS`], then a line saying how many more).
fn diagnostics_of(name: &str, text: &[u8], mut problems: Vec<Problem>) -> Vec<Diagnostic> {
    let dropped = problems.split_off(problems.len().min(MAX_DIAGNOSTICS));
    let offsets = locate(text, &problems);
    let places = line_columns(
        text,
        &offsets.iter().map(|o| o.unwrap_or(0)).collect::<Vec<_>>(),
    );
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .zip(offsets.into_iter().zip(places))
        .map(|(p, (offset, (line, column)))| {
            let place = match offset {
                Some(_) => Where::LineColumn { line, column },
                None => Where::File,
            };
            let mut message = p.message;
            if p.id.is_none() {
                match p.item {
                    Item::Entity(i) => message = format!("entities[{i}]: {message}"),
                    Item::Relationship(i) => message = format!("relationships[{i}]: {message}"),
                    Item::Event(i) => message = format!("events[{i}]: {message}"),
                    Item::Group(i) => message = format!("groups[{i}]: {message}"),
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
    if !dropped.is_empty() {
        let errors = dropped
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        diagnostics.push(not_shown(name, errors, dropped.len() - errors));
    }
    diagnostics
}

/// The provenance lists of `check --sources` for a scenario that loads (see
/// [`crate::model::check_sources`]), each tie at its LINE:COL in `bytes`; empty when every
/// tie passes.
///
/// # Errors
/// The scenario does not load: its problems, as [`parse_scenario`] gives them.
pub fn source_diagnostics(name: &str, bytes: &[u8]) -> Result<Vec<Diagnostic>, LoadError> {
    let (scenario, _) = parse_scenario(name, bytes)?;
    let bytes = gunzip_if_needed(name, bytes)?;
    let text = strip_bom(&bytes);
    Ok(diagnostics_of(name, text, check_sources(&scenario)))
}

/// The rules serde's types do not make, over the whole text, every string at its LINE:COL:
/// no control characters in any text; every address (the values of any member named
/// `sources`, `source` or ending in `_sources` / `_source`) a web address, `http://` or
/// `https://` with a host and no spaces or control characters; an event's `date` as
/// `YYYY-MM` or `YYYY` only when its `precision` is `month` or `year`.
fn strict_text_diagnostics(name: &str, text: &[u8]) -> Vec<Diagnostic> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let found = super::strict_text::strict_problems(&value);
    let root = skip_ws(text, 0);
    let offsets: Vec<usize> = found
        .iter()
        .map(|(pointer, _)| resolve(text, root, pointer).unwrap_or_else(|nearest| nearest))
        .collect();
    line_columns(text, &offsets)
        .into_iter()
        .zip(found)
        .map(|((line, column), (_, message))| {
            Diagnostic::error(name, Where::LineColumn { line, column }, message)
        })
        .collect()
}

/// What a scenario file is, for messages.
const WHAT: &str =
    "a Sahel Atlas scenario (a JSON object with \"format\": \"sahel-atlas/scenario@1\")";

/// The byte offset in the text of each problem's item and pointer (`None` when it cannot be
/// found). Reads the text once for the sections, then each item alone.
fn locate(text: &[u8], problems: &[Problem]) -> Vec<Option<usize>> {
    if problems.is_empty() {
        return Vec::new();
    }
    let root = skip_ws(text, 0);
    let section = |key: &str| {
        resolve(text, root, &format!("/{key}"))
            .map(|at| elements(text, at))
            .unwrap_or_default()
    };
    let (entities, relationships, events, groups) = (
        section("entities"),
        section("relationships"),
        section("events"),
        section("groups"),
    );
    problems
        .iter()
        .map(|p| {
            let item = match p.item {
                Item::Scenario => Some(root),
                Item::Entity(i) => entities.get(i).copied(),
                Item::Relationship(i) => relationships.get(i).copied(),
                Item::Event(i) => events.get(i).copied(),
                Item::Group(i) => groups.get(i).copied(),
            }?;
            Some(resolve(text, item, &p.pointer).unwrap_or_else(|nearest| nearest))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_members_added_later_are_checked_by_their_name() {
        let text = br#"{"events": [{"sources": ["https://example.org"],
 "troops_sources": ["javascript:alert(1)"], "site_source": "file:///x",
 "notice": {"source": "https://example.org/ok"}}]}"#;
        let found = strict_text_diagnostics("s.json", text);
        let messages: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 2, "{messages:?}");
        let says = |phrase: &str| messages.iter().any(|m| m.contains(phrase));
        assert!(
            says("s.json:2:21: error: events[0].troops_sources[0]"),
            "{messages:?}"
        );
        assert!(
            says("events[0].site_source: 'file:///x' is not a web address"),
            "{messages:?}"
        );
    }

    #[test]
    fn control_characters_are_found_in_every_string_at_their_place() {
        let text = b"{\"title\": \"a\\u001bb\", \"events\": [{\"note\": \"x\\ty\"}]}";
        let found = strict_text_diagnostics("s.json", text);
        let messages: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 2, "{messages:?}");
        let says = |phrase: &str| messages.iter().any(|m| m.contains(phrase));
        assert!(
            says("1:11: error: title: holds the control character U+001B"),
            "{messages:?}"
        );
        assert!(
            says("events[0].note: holds the control character U+0009"),
            "{messages:?}"
        );
    }

    #[test]
    fn locates_items_by_index_and_pointer() {
        let text =
            "{\n \"events\": [\n  {\"id\": \"a\"},\n  {\"id\": \"a\", \"sources\": []}\n ]\n}";
        let problem = |pointer: &str| Problem {
            severity: Severity::Error,
            item: Item::Event(1),
            id: Some("a".to_owned()),
            pointer: pointer.to_owned(),
            message: String::new(),
        };
        let offsets = locate(text.as_bytes(), &[problem("/id"), problem("/sources")]);
        let offsets: Vec<usize> = offsets.into_iter().flatten().collect();
        assert_eq!(
            line_columns(text.as_bytes(), &offsets),
            vec![(4, 10), (4, 26)]
        );
    }
}
