//! The editing windows: a form per event, relationship or entity being edited, and the
//! questions (unsaved edits on quit or open, a recovery file at start). Save as… and Export
//! as spreadsheet… ask for their path through [`crate::app::dialogs`]. Forms keep the text being typed; whenever it reads
//! as an item different from the document's, they push an edit, so the map and the lists
//! follow as you type. Errors from `check` show beside their fields.

mod event_form;
mod item_forms;

use egui::{Color32, RichText};

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::editing::{EditCommand, EditState};
use crate::model::i18n::{Lang, current_lang, tr, tr_args};
use crate::model::{Edit, Item, Problem, Scenario, Section, Severity};

pub(crate) use event_form::EventForm;
pub(crate) use item_forms::{EntityForm, RelationshipForm};

/// The editing windows' own state.
#[derive(Default)]
pub(crate) struct EditorUi {
    pub event: Option<EventForm>,
    pub relationship: Option<RelationshipForm>,
    pub entity: Option<EntityForm>,
}

impl EditorUi {
    /// Opens the form of an item.
    pub fn open(&mut self, section: Section, index: usize, scenario: &Scenario, session: u64) {
        match section {
            Section::Events => {
                self.event = scenario
                    .events
                    .get(index)
                    .map(|e| EventForm::new(index, e, session));
            }
            Section::Relationships => {
                self.relationship = scenario
                    .relationships
                    .get(index)
                    .map(|r| RelationshipForm::new(index, r, session));
            }
            Section::Entities => {
                self.entity = scenario
                    .entities
                    .get(index)
                    .map(|e| EntityForm::new(index, e, session));
            }
        }
    }

    /// After an undo, a redo or a deletion: a form whose list gained or lost an item is
    /// closed (its index may name another item now); the others follow the document.
    pub fn after_undo(&mut self, edit: &Edit, _scenario: &Scenario) {
        if edit.before.is_some() && edit.after.is_some() {
            return;
        }
        match edit.section {
            Section::Events => self.event = None,
            Section::Relationships => self.relationship = None,
            Section::Entities => self.entity = None,
        }
    }

    /// A click on the map, for a form that is picking a party or a place.
    pub fn map_clicked(&mut self, lon_lat: [f64; 2], entity: Option<String>) {
        if let Some(form) = &mut self.relationship {
            form.map_clicked(lon_lat, entity.as_deref());
        }
        if let Some(form) = &mut self.entity {
            form.map_clicked(lon_lat);
        }
    }

    /// How many fields of the open forms do not read (a date that is no date …).
    pub fn field_errors(&self) -> usize {
        self.event.as_ref().map_or(0, EventForm::field_errors)
            + self
                .relationship
                .as_ref()
                .map_or(0, RelationshipForm::field_errors)
            + self.entity.as_ref().map_or(0, EntityForm::field_errors)
    }
}

/// Draws the editing windows and the questions; their requests go to `commands`.
pub(crate) fn editor_ui(
    ctx: &egui::Context,
    editor: &mut EditorUi,
    document: &Document,
    editing: &EditState,
    commands: &mut Vec<Command>,
) {
    let scenario = document.timeline.scenario();
    let problems = &document.problems;
    if let Some(form) = &mut editor.event
        && !form.window(ctx, scenario, problems, commands)
    {
        editor.event = None;
    }
    if let Some(form) = &mut editor.relationship
        && !form.window(ctx, scenario, problems, commands)
    {
        editor.relationship = None;
    }
    if let Some(form) = &mut editor.entity
        && !form.window(ctx, scenario, problems, commands)
    {
        editor.entity = None;
    }
    questions_ui(ctx, document, editing, commands);
}

fn questions_ui(
    ctx: &egui::Context,
    document: &Document,
    editing: &EditState,
    commands: &mut Vec<Command>,
) {
    let mut ask = |id: &str, text: String, buttons: &[(String, EditCommand)]| {
        egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(text);
            ui.horizontal(|ui| {
                for (label, command) in buttons {
                    if ui.button(label).clicked() {
                        commands.push(Command::Edit(command.clone()));
                    }
                }
            });
        });
    };
    if editing.quit_asked {
        ask(
            "unsaved-quit",
            tr("ask-unsaved-quit"),
            &[
                (tr("ask-save"), EditCommand::Save),
                (
                    tr("ask-quit-without-saving"),
                    EditCommand::QuitWithoutSaving,
                ),
                (tr("ask-cancel"), EditCommand::CancelQuit),
            ],
        );
    } else if editing.pending_replace.is_some() {
        ask(
            "unsaved-open",
            tr("ask-unsaved-open"),
            &[
                (tr("ask-keep-editing"), EditCommand::ConfirmReplace(false)),
                (tr("ask-open-losing"), EditCommand::ConfirmReplace(true)),
            ],
        );
    } else if let Some((path, _)) = &editing.recovery_offer {
        let of = path
            .as_ref()
            .map_or_else(|| tr("ask-recovery-embedded"), |p| p.display().to_string());
        ask(
            "recovery",
            tr_args("ask-recovery", &[("file", of.into())]),
            &[
                (tr("ask-restore"), EditCommand::RestoreRecovery),
                (tr("ask-discard"), EditCommand::DiscardRecovery),
            ],
        );
    }
    let _ = document;
}

/// The problems `check` found with one item, by pointer.
pub(crate) fn problems_of<'a>(problems: &'a [Problem], item: &Item) -> Vec<&'a Problem> {
    problems.iter().filter(|p| &p.item == item).collect()
}

/// Shows the problems whose pointer starts with `prefix` (all when `None`), red for
/// errors, amber for warnings.
pub(crate) fn problems_ui(ui: &mut egui::Ui, problems: &[&Problem], prefix: &str) {
    for problem in problems {
        let here = if prefix.is_empty() {
            problem.pointer.is_empty()
        } else {
            problem.pointer == prefix || problem.pointer.starts_with(&format!("{prefix}/"))
        };
        if here {
            let colour = match problem.severity {
                Severity::Error => Color32::from_rgb(0xC0, 0x20, 0x20),
                Severity::Warning => Color32::from_rgb(0xB0, 0x60, 0x00),
            };
            ui.label(RichText::new(problem_text(problem)).color(colour).small());
        }
    }
}

/// A problem as the form shows it: `check`'s sentence in English; in another language, the
/// catalogue's words for the common problems (no source, a source that is not a web address,
/// a duplicate or empty id, an organisation without a place, a tie with fewer than two
/// parties or no event, a date outside the span or at odds with its precision, an unknown tie, party or
/// state), told apart by where they point and what `check` says, and
/// `check`'s English sentence for the rest (a test pins the cases, so a change of wording in
/// `check` shows).
pub(crate) fn problem_text(problem: &Problem) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if current_lang() == Lang::En {
        return Cow::Borrowed(&problem.message);
    }
    let (pointer, message) = (problem.pointer.as_str(), problem.message.as_str());
    // The index after a list's pointer: `/sources/1` → 1.
    let index = |list: &str| {
        pointer
            .strip_prefix(list)
            .and_then(|rest| rest.strip_prefix('/'))
            .and_then(|n| n.parse::<usize>().ok())
    };
    let key = if pointer == "/sources" && message.contains(" has no source") {
        "check-no-source"
    } else if let Some(n) = index("/sources")
        && message.contains(": source ")
    {
        return Cow::Owned(tr_args("check-bad-source", &[("n", (n + 1).into())]));
    } else if pointer == "/id" && message.starts_with("duplicate ") {
        "check-duplicate-id"
    } else if pointer == "/id" && message.contains(" has an empty id") {
        "check-empty-id"
    } else if pointer == "/id" && message.contains(" has no place: ") {
        "check-no-place"
    } else if pointer == "/parties" && message.contains(" it needs at least two") {
        "check-two-parties"
    } else if pointer == "/id" && message.contains(" has no events: it never appears") {
        "check-no-events"
    } else if pointer == "/date" && message.contains(" is outside the span ") {
        "check-outside-span"
    } else if pointer == "/date" && message.contains(" has month precision ") {
        "check-month-not-first"
    } else if pointer == "/date" && message.contains(" has year precision ") {
        "check-year-not-first"
    } else if pointer.ends_with("/relationship") && message.contains(" unknown relationship ") {
        "check-unknown-tie"
    } else if index("/parties").is_some() && message.contains(" unknown entity ") {
        "check-unknown-entity"
    } else if pointer.ends_with("/state") && message.contains(" unknown state ") {
        "check-unknown-state"
    } else {
        return Cow::Borrowed(message);
    };
    Cow::Owned(tr(key))
}

/// Shows a field's own error (it does not read), in red.
pub(crate) fn field_error_ui(ui: &mut egui::Ui, error: Option<&String>) {
    if let Some(error) = error {
        ui.label(
            RichText::new(error)
                .color(Color32::from_rgb(0xC0, 0x20, 0x20))
                .small(),
        );
    }
}

/// Lines of a text field, blank ones left out.
pub(crate) fn lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// Text that is empty as `None`.
pub(crate) fn optional(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::i18n::set_thread_lang;

    /// `check`'s problems on an event with no source and one with a bad source, a duplicate
    /// id, a date outside the span and an unknown tie, shown in French.
    #[test]
    fn the_common_problems_of_check_are_said_in_french() {
        let Ok(timeline) = crate::io::embedded::default_timeline() else {
            panic!("the embedded scenario");
        };
        let mut scenario = timeline.scenario().clone();
        let mut event = scenario.events[0].clone();
        event.sources = vec!["www.example.org".to_owned()];
        event.date = jiff::civil::date(2030, 1, 1);
        let mut bare = scenario.events[1].clone();
        bare.sources.clear();
        bare.changes = vec![crate::model::Change::Reaffirmed {
            relationship: "no-such-tie".to_owned(),
            size: crate::model::Size::default(),
        }];
        scenario.events.push(event);
        scenario.events.push(bare);
        // A tie and an organisation as the Edit menu adds them.
        let mut tie = scenario.relationships[0].clone();
        tie.id = "new-tie".to_owned();
        tie.parties.clear();
        tie.in_force_at_start = false;
        scenario.relationships.push(tie);
        let mut organisation = scenario.entities[0].clone();
        organisation.id = "NEW_ORGANISATION".to_owned();
        organisation.kind = crate::model::EntityKind::Organisation;
        organisation.place = None;
        organisation.government = None;
        scenario.entities.push(organisation);
        let problems = crate::model::check(&scenario);
        set_thread_lang(Lang::Fr);
        let said: Vec<String> = problems
            .iter()
            .filter(|p| matches!(p.item, Item::Event(i) if i + 2 >= scenario.events.len()))
            .map(|p| problem_text(p).into_owned())
            .collect();
        let last_tie = scenario.relationships.len() - 1;
        let last_entity = scenario.entities.len() - 1;
        let new_items: Vec<String> = problems
            .iter()
            .filter(|p| {
                p.item == Item::Relationship(last_tie) || p.item == Item::Entity(last_entity)
            })
            .map(|p| problem_text(p).into_owned())
            .collect();
        for french in [
            "un lien demande au moins deux parties",
            "aucun événement ne le change et il n’est pas en vigueur au début\u{a0}: il n’apparaît jamais",
            "sans lieu\u{a0}: ses liens ne peuvent pas être dessinés",
        ] {
            assert!(
                new_items.iter().any(|s| s == french),
                "{french:?} not in {new_items:?}"
            );
        }
        for french in [
            "la source 1 n’est pas une adresse web (en http ou https)",
            "un autre élément a déjà cet identifiant",
            "la date est hors de la période du scénario",
            "aucune source\u{a0}: donnez au moins une adresse web",
            "lien inconnu",
        ] {
            assert!(
                said.iter().any(|s| s == french),
                "{french:?} not in {said:?}"
            );
        }
        set_thread_lang(Lang::En);
        let english: Vec<_> = problems
            .iter()
            .map(|p| problem_text(p).into_owned())
            .collect();
        let messages: Vec<_> = problems.iter().map(|p| p.message.clone()).collect();
        assert_eq!(english, messages, "English shows check's own sentences");
    }
}
