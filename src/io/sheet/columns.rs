//! Which sheet holds which items, and which column holds which field: one table, so that a
//! new field of the scenario format is one entry here.
//!
//! Each column is a JSON Pointer into an item as the scenario file writes it (`/place/lon`),
//! with the kind of cell that holds it; its header is the pointer without the first slash,
//! with dots for the other slashes (`place.lon`).

/// What a cell holds, and how an empty one reads back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CellKind {
    /// Text; an empty cell is an absent field.
    Text,
    /// Text the format always has (a title, a summary); an empty cell is `""`.
    RequiredText,
    /// A date cell (`YYYY-MM-DD` in CSV); empty is absent.
    Date,
    /// A number; empty is absent.
    Number,
    /// A whole number, zero or more (troops, an amount of money); empty is absent.
    Count,
    /// `TRUE`/`FALSE`; empty is absent.
    Bool,
    /// A list of text, one item per line; empty is an empty list.
    List,
}

/// One column: the field it holds and how.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    /// A JSON Pointer from the item to the field.
    pub pointer: &'static str,
    /// The kind of cell.
    pub kind: CellKind,
}

/// One sheet of items.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SheetSpec {
    /// The sheet's name (`events`).
    pub name: &'static str,
    /// The columns, in order.
    pub columns: &'static [Column],
}

const fn col(pointer: &'static str, kind: CellKind) -> Column {
    Column { pointer, kind }
}

use CellKind::{Bool, Count, Date, List, Number, RequiredText, Text};

/// `entities`: states and organisations.
pub(crate) const ENTITIES: SheetSpec = SheetSpec {
    name: "entities",
    columns: &[
        col("/id", RequiredText),
        col("/kind", RequiredText),
        col("/name", RequiredText),
        col("/short", Text),
        col("/place/lon", Number),
        col("/place/lat", Number),
        col("/place/label", Text),
        col("/government/form", Text),
        col("/government/leader", Text),
        col("/government/sources", List),
    ],
};

/// `relationships`: the ties.
pub(crate) const RELATIONSHIPS: SheetSpec = SheetSpec {
    name: "relationships",
    columns: &[
        col("/id", RequiredText),
        col("/label", RequiredText),
        col("/short", Text),
        col("/kind", RequiredText),
        col("/parties", List),
        col("/in_force_at_start", Bool),
        col("/start_sources", List),
        col("/confirmed_until", Date),
        col("/confirmed_source", Text),
        col("/site/name", Text),
        col("/site/lon", Number),
        col("/site/lat", Number),
    ],
};

/// `events`: dated, sourced events (their changes are in `changes`).
pub(crate) const EVENTS: SheetSpec = SheetSpec {
    name: "events",
    columns: &[
        col("/id", RequiredText),
        col("/date", Date),
        col("/effective", Date),
        col("/precision", RequiredText),
        col("/title", RequiredText),
        col("/summary", RequiredText),
        col("/note", Text),
        col("/confidence", Text),
        col("/sources", List),
        col("/notice", Text),
    ],
};

/// The column of `changes` that names the event a change belongs to.
pub(crate) const EVENT_COLUMN: &str = "event";

/// `changes`: what each event changes, one row per change, after a first column `event`
/// with the event's id, in the order of the events.
pub(crate) const CHANGES: SheetSpec = SheetSpec {
    name: "changes",
    columns: &[
        col("/relationship", Text),
        col("/status", Text),
        col("/reaffirmed", Bool),
        col("/state", Text),
        col("/government", Text),
        col("/leader", Text),
        col("/troops", Count),
        col("/amount/value", Count),
        col("/amount/currency", Text),
    ],
};

/// `groups`: partner groups.
pub(crate) const GROUPS: SheetSpec = SheetSpec {
    name: "groups",
    columns: &[
        col("/id", RequiredText),
        col("/label", RequiredText),
        col("/colour", Text),
        col("/members", List),
    ],
};

/// `about`: the scenario's own fields, one row each (`field`, `value`).
pub(crate) const ABOUT: SheetSpec = SheetSpec {
    name: "about",
    columns: &[
        col("/format", RequiredText),
        col("/title", RequiredText),
        col("/description", RequiredText),
        col("/span/start", Date),
        col("/span/end", Date),
        col("/research_until", Date),
    ],
};

/// The sheets of items and the scenario's array each one holds.
pub(crate) const ITEM_SHEETS: [(SheetSpec, &str); 4] = [
    (ENTITIES, "entities"),
    (RELATIONSHIPS, "relationships"),
    (EVENTS, "events"),
    (GROUPS, "groups"),
];

/// Every sheet's name, in the workbook's order.
pub const SHEET_NAMES: [&str; 6] = [
    "entities",
    "relationships",
    "events",
    "changes",
    "groups",
    "about",
];

/// The member of entities, relationships, events and groups that holds translations of their
/// text fields: `{"fr": {"title": "…"}}`. Each (language, field) given becomes a column of
/// its own after the sheet's fixed ones, headed `i18n.fr.title` and holding text.
pub(crate) const TRANSLATIONS: &str = "/i18n";

/// The pointer of a translation column's header (`i18n.fr.title` → `/i18n/fr/title`), if
/// `header` is one and `sheet` holds items that take translations (or is `about`, whose
/// rows `i18n.fr.title` and `i18n.fr.description` translate the scenario's own).
pub(crate) fn translation_pointer(sheet: &str, header: &str) -> Option<String> {
    if !takes_translations(sheet) {
        return None;
    }
    let rest = header.strip_prefix("i18n.")?;
    let (lang, field) = rest.split_once('.')?;
    let word = |t: &str| !t.is_empty() && !t.contains(['.', '/', '~']);
    (word(lang) && word(field)).then(|| format!("{TRANSLATIONS}/{lang}/{field}"))
}

/// Whether the sheet's items (or, for `about`, the scenario) take translations.
pub(crate) fn takes_translations(sheet: &str) -> bool {
    sheet == ABOUT.name || ITEM_SHEETS.iter().any(|(spec, _)| spec.name == sheet)
}

/// Whether `pointer` (from an item) is one translation: `/i18n/LANG/FIELD`.
pub(crate) fn is_translation(pointer: &str) -> bool {
    pointer
        .strip_prefix(TRANSLATIONS)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|rest| rest.split('/').count() == 2)
}

/// A column's header: its pointer without the first slash, dots for the others.
pub(crate) fn header(column: &Column) -> String {
    column.pointer.trim_start_matches('/').replace('/', ".")
}

/// The item fields that are not columns of their sheet: `changes` of an event, which has
/// its own sheet.
pub(crate) fn is_elsewhere(sheet: &str, pointer: &str) -> bool {
    sheet == EVENTS.name && pointer == "/changes"
}
