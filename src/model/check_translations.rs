//! `check`'s rule for translations: each `i18n` entry names a language code and fields the
//! item has. A misspelt field ("titel") or one the item does not have ("label" on an event)
//! is a warning: the scenario loads, and the translation is never shown.

use super::Scenario;
use super::check::{Item, Problem, Severity, quote};
use super::i18n::Translations;

/// The fields each kind of item may translate.
const EVENT_FIELDS: [&str; 3] = ["title", "summary", "note"];
const RELATIONSHIP_FIELDS: [&str; 2] = ["label", "short"];
const ENTITY_FIELDS: [&str; 2] = ["name", "short"];
const GROUP_FIELDS: [&str; 1] = ["label"];

/// Warnings for translations of fields an item does not have, and for language codes that
/// are not two or three lower-case letters.
pub(super) fn check_translations(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    let items = scenario
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (Item::Event(i), "event", &e.id, &e.i18n, &EVENT_FIELDS[..]))
        .chain(scenario.relationships.iter().enumerate().map(|(i, r)| {
            let item = Item::Relationship(i);
            (
                item,
                "relationship",
                &r.id,
                &r.i18n,
                &RELATIONSHIP_FIELDS[..],
            )
        }))
        .chain(scenario.entities.iter().enumerate().map(|(i, e)| {
            (
                Item::Entity(i),
                "entity",
                &e.id,
                &e.i18n,
                &ENTITY_FIELDS[..],
            )
        }))
        .chain(
            scenario
                .groups
                .iter()
                .enumerate()
                .map(|(i, g)| (Item::Group(i), "group", &g.id, &g.i18n, &GROUP_FIELDS[..])),
        );
    for (item, kind, id, translations, fields) in items {
        check_one(&mut problems, (item, kind, id), translations, fields);
    }
    problems
}

fn check_one(
    problems: &mut Vec<Problem>,
    (item, kind, id): (Item, &str, &String),
    translations: &Translations,
    fields: &[&str],
) {
    let mut warn = |pointer: String, message: String| {
        problems.push(Problem {
            severity: Severity::Warning,
            item: item.clone(),
            id: Some(id.clone()),
            pointer,
            message,
        });
    };
    for lang in translations.0.keys() {
        let code_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
        if !code_ok {
            warn(
                format!("/i18n/{}", pointer_escape(lang)),
                format!(
                    "{kind} {}: {} is not a language code (two or three lower-case letters, such as \"fr\")",
                    quote(id),
                    quote(lang)
                ),
            );
        }
    }
    for (lang, field) in translations.fields() {
        if !fields.contains(&field) {
            let suggestion = fields
                .iter()
                .find(|f| strsim::jaro_winkler(f, field) > 0.8)
                .map(|f| format!("; did you mean \"{f}\"?"))
                .unwrap_or_default();
            warn(
                format!("/i18n/{}/{}", pointer_escape(lang), pointer_escape(field)),
                format!(
                    "{kind} {}: i18n.{lang} translates {}, which {kind}s do not have (they translate {}){suggestion}",
                    quote(id),
                    quote(field),
                    fields.join(", ")
                ),
            );
        }
    }
}

/// A JSON Pointer token (RFC 6901): `~` as `~0`, `/` as `~1`.
fn pointer_escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
