//! The rules a scenario's text must follow beyond serde's types, over the scenario as a
//! JSON value: no control characters in any text; every address (the values of members named
//! `sources`, `source` or ending in `_sources` / `_source`) a web address; an event's `date`
//! as `YYYY-MM` or `YYYY` only with the matching `precision`. The JSON reader places each
//! problem at its LINE:COL, the sheet reader at its cell.

use super::diagnostic::MAX_DIAGNOSTICS;

/// The rules of the scenario reader that serde's types do not make, over a scenario as a
/// JSON value (a file's, or the sheets'): each error as the JSON Pointer of its value and a message, at most
/// [`MAX_DIAGNOSTICS`].
pub(crate) fn strict_problems(value: &serde_json::Value) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    strict_walk(value, &mut Vec::new(), None, &mut found);
    if let Some(events) = value.get("events").and_then(serde_json::Value::as_array) {
        for (i, event) in events.iter().enumerate() {
            let Some(date) = event.get("date").and_then(serde_json::Value::as_str) else {
                continue;
            };
            let precision = event
                .get("precision")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("day");
            let allowed = match date.len() {
                7 => precision == "month",
                4 => precision == "year",
                _ => true,
            };
            if !allowed {
                let (form, needs) = if date.len() == 7 {
                    ("YYYY-MM", "month")
                } else {
                    ("YYYY", "year")
                };
                found.push((
                    format!("/events/{i}/date"),
                    format!(
                        "events[{i}].date: '{date}' is a {form} date, which needs \
                         \"precision\": \"{needs}\" (the precision is \"{precision}\"); \
                         write the full date YYYY-MM-DD or set the precision"
                    ),
                ));
            }
        }
    }
    found.truncate(MAX_DIAGNOSTICS);
    found
}

/// One step of a path through the JSON.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The path as a JSON Pointer (`/events/3/title`) and as text (`events[3].title`).
fn pointer_and_path(steps: &[Step<'_>]) -> (String, String) {
    let mut pointer = String::new();
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                pointer.push('/');
                pointer.push_str(&crate::model::json_pointer::escape_token(k));
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Step::Index(i) => {
                pointer.push_str(&format!("/{i}"));
                path.push_str(&format!("[{i}]"));
            }
        }
    }
    (pointer, path)
}

/// Whether the address at `steps` is one `model::check` checks with its own message (event
/// `sources`, `start_sources`, `confirmed_source`, `government.sources`); the walk checks
/// those any later field adds.
fn checked_by_model(steps: &[Step<'_>]) -> bool {
    let keys: Vec<&str> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(*k),
            Step::Index(_) => None,
        })
        .collect();
    matches!(
        keys[..],
        ["events", "sources"]
            | ["relationships", "start_sources"]
            | ["relationships", "confirmed_source"]
            | ["entities", "government", "sources"]
    )
}

/// Whether a member of this name holds source addresses.
fn is_address_key(key: &str) -> bool {
    matches!(key, "sources" | "source") || key.ends_with("_sources") || key.ends_with("_source")
}

fn strict_walk<'a>(
    value: &'a serde_json::Value,
    steps: &mut Vec<Step<'a>>,
    address_key: Option<&'a str>,
    found: &mut Vec<(String, String)>,
) {
    use serde_json::Value;
    if found.len() >= MAX_DIAGNOSTICS {
        return;
    }
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                if key.chars().any(char::is_control) {
                    let (pointer, path) = pointer_and_path(steps);
                    found.push((
                        pointer,
                        format!("{path}: a member name holds a control character"),
                    ));
                }
                steps.push(Step::Key(key));
                let address = is_address_key(key).then_some(key.as_str());
                strict_walk(member, steps, address, found);
                steps.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                steps.push(Step::Index(i));
                strict_walk(item, steps, address_key, found);
                steps.pop();
            }
        }
        Value::String(text) => {
            if let Some(c) = text.chars().find(|c| c.is_control()) {
                let (pointer, path) = pointer_and_path(steps);
                found.push((
                    pointer,
                    format!(
                        "{path}: holds the control character U+{:04X}; text may not hold \
                         control characters (line breaks, tabs, escape codes), remove it",
                        u32::from(c)
                    ),
                ));
            } else if address_key.is_some()
                && !checked_by_model(steps)
                && crate::model::source::web_address(text) != Some(text.as_str())
            {
                let (pointer, path) = pointer_and_path(steps);
                found.push((
                    pointer,
                    format!(
                        "{path}: '{}' is not a web address: a source must be an http:// or \
                         https:// address with a host and no spaces",
                        super::diagnostic::shorten(text)
                    ),
                ));
            }
        }
        _ => {}
    }
}
