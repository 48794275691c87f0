//! The form of one event: dates, precision, texts, sources, and what it changes.

use egui::RichText;

use super::{field_error_ui, lines, optional, problems_of, problems_ui};
use crate::app::command::Command;
use crate::app::editing::EditCommand;
use crate::model::i18n::{current_lang, tr, tr_args};
use crate::model::{
    Amount, Change, Currency, DatePrecision, Edit, EntityKind, Event, GovernmentForm, Item,
    ItemValue, Notice, Problem, Scenario, Section, Size, Status, parse_date,
};

/// What a change row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChangeKind {
    Status,
    Reaffirmed,
    /// Only the tie's size (troops, amount) from the event's date.
    Size,
    Government,
}

/// One change being edited.
#[derive(Clone, Debug)]
struct ChangeForm {
    kind: ChangeKind,
    relationship: String,
    status: Status,
    /// The tie's size from the event's date: troops, and an amount in a currency; as typed.
    troops: String,
    amount: String,
    currency: String,
    state: String,
    government: GovernmentForm,
    leader: String,
}

impl ChangeForm {
    fn of(change: &Change) -> Self {
        let mut form = Self::new(ChangeKind::Status);
        let size_of = |form: &mut Self, size: &Size| {
            form.troops = size.troops.map(|t| t.to_string()).unwrap_or_default();
            form.amount = size.amount.map(|a| a.value.to_string()).unwrap_or_default();
            form.currency = size
                .amount
                .map_or_else(|| "EUR".to_owned(), |a| a.currency.as_str().to_owned());
        };
        match change {
            Change::Relationship {
                relationship,
                status,
                size,
            } => {
                form.relationship.clone_from(relationship);
                form.status = *status;
                size_of(&mut form, size);
            }
            Change::Reaffirmed { relationship, size } => {
                form.kind = ChangeKind::Reaffirmed;
                form.relationship.clone_from(relationship);
                size_of(&mut form, size);
            }
            Change::Size { relationship, size } => {
                form.kind = ChangeKind::Size;
                form.relationship.clone_from(relationship);
                size_of(&mut form, size);
            }
            Change::State {
                state,
                government,
                leader,
            } => {
                form.kind = ChangeKind::Government;
                form.state.clone_from(state);
                form.government = *government;
                form.leader = leader.clone().unwrap_or_default();
            }
        }
        form
    }

    fn new(kind: ChangeKind) -> Self {
        Self {
            kind,
            relationship: String::new(),
            status: Status::Active,
            troops: String::new(),
            amount: String::new(),
            currency: "EUR".to_owned(),
            state: String::new(),
            government: GovernmentForm::Military,
            leader: String::new(),
        }
    }

    /// The size the fields say; what does not read goes to `errors` (named `troops` or
    /// `amount`).
    fn size(&self, errors: &mut Vec<String>) -> Size {
        let whole = |text: &str| text.trim().replace([',', '_', ' '], "");
        let troops = match whole(&self.troops) {
            t if t.is_empty() => None,
            t => match t.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    let text = self.troops.trim();
                    errors.push(tr_args("form-error-troops", &[("text", text.into())]));
                    None
                }
            },
        };
        let amount = match whole(&self.amount) {
            a if a.is_empty() => None,
            a => match (
                a.parse::<u64>(),
                Currency::try_from(self.currency.trim().to_owned()),
            ) {
                (Ok(value), Ok(currency)) => Some(Amount { value, currency }),
                (Err(_), _) => {
                    let text = self.amount.trim();
                    errors.push(tr_args("form-error-amount", &[("text", text.into())]));
                    None
                }
                (_, Err(_)) => {
                    let text = self.currency.trim();
                    errors.push(tr_args("form-error-currency", &[("text", text.into())]));
                    None
                }
            },
        };
        Size { troops, amount }
    }

    /// The change the fields say; what does not read goes to `errors`.
    fn change(&self, errors: &mut Vec<String>) -> Change {
        let relationship = self.relationship.clone();
        match self.kind {
            ChangeKind::Status => Change::Relationship {
                relationship,
                status: self.status,
                size: self.size(errors),
            },
            ChangeKind::Reaffirmed => Change::Reaffirmed {
                relationship,
                size: self.size(errors),
            },
            ChangeKind::Size => {
                let size = self.size(errors);
                if size.is_empty() {
                    errors.push(tr("form-error-size"));
                }
                Change::Size { relationship, size }
            }
            ChangeKind::Government => Change::State {
                state: self.state.clone(),
                government: self.government,
                leader: optional(&self.leader),
            },
        }
    }
}

/// The form of one event.
pub(crate) struct EventForm {
    /// Index into the scenario's events.
    pub index: usize,
    session: u64,
    /// The event as the document last had it.
    loaded: Event,
    id: String,
    date: String,
    effective: String,
    precision: DatePrecision,
    title: String,
    summary: String,
    note: String,
    low_confidence: bool,
    sources: String,
    /// The notice period as typed (`P6M`).
    notice: String,
    changes: Vec<ChangeForm>,
    /// Per change: what of it does not read.
    change_errors: Vec<Vec<String>>,
    /// A field was changed by the person since the form was (re)loaded.
    touched: bool,
    /// Fields that do not read, by name.
    errors: Vec<(&'static str, String)>,
}

impl EventForm {
    pub fn new(index: usize, event: &Event, session: u64) -> Self {
        let mut form = Self {
            index,
            session,
            loaded: event.clone(),
            id: String::new(),
            date: String::new(),
            effective: String::new(),
            precision: DatePrecision::Day,
            title: String::new(),
            summary: String::new(),
            note: String::new(),
            low_confidence: false,
            sources: String::new(),
            notice: String::new(),
            changes: Vec::new(),
            change_errors: Vec::new(),
            touched: false,
            errors: Vec::new(),
        };
        form.load(event);
        form
    }

    fn load(&mut self, event: &Event) {
        self.loaded = event.clone();
        self.id.clone_from(&event.id);
        self.date = event.date.to_string();
        self.effective = event.effective.map(|d| d.to_string()).unwrap_or_default();
        self.precision = event.precision;
        self.title.clone_from(&event.title);
        self.summary.clone_from(&event.summary);
        self.note = event.note.clone().unwrap_or_default();
        self.low_confidence = event.confidence.as_deref() == Some("low");
        self.sources = event.sources.join("\n");
        self.notice = event.notice.map(|n| n.to_string()).unwrap_or_default();
        self.changes = event.changes.iter().map(ChangeForm::of).collect();
        self.touched = false;
        self.errors.clear();
        self.change_errors.clear();
    }

    /// How many fields do not read.
    pub fn field_errors(&self) -> usize {
        self.errors.len() + self.change_errors.iter().map(Vec::len).sum::<usize>()
    }

    /// The event the fields say, from the loaded one (fields the form does not show are
    /// kept); the fields that do not read go to `errors`.
    fn build(&mut self) -> Option<Event> {
        self.errors.clear();
        let mut event = self.loaded.clone();
        match parse_date(&self.date) {
            Ok(date) => event.date = date,
            Err(_) => self.errors.push((
                "date",
                tr_args("form-error-date", &[("text", self.date.trim().into())]),
            )),
        }
        event.effective = None;
        if !self.effective.trim().is_empty() {
            match parse_date(&self.effective) {
                Ok(date) => event.effective = Some(date),
                Err(_) => self.errors.push((
                    "effective",
                    tr_args("form-error-date", &[("text", self.effective.trim().into())]),
                )),
            }
        }
        event.id.clone_from(&self.id);
        event.precision = self.precision;
        event.title.clone_from(&self.title);
        event.summary.clone_from(&self.summary);
        event.note = optional(&self.note);
        event.confidence = match (self.low_confidence, &self.loaded.confidence) {
            (true, _) => Some("low".to_owned()),
            (false, Some(c)) if c != "low" => Some(c.clone()),
            (false, _) => None,
        };
        event.sources = lines(&self.sources);
        event.notice = None;
        if !self.notice.trim().is_empty() {
            match Notice::parse(self.notice.trim()) {
                Ok(notice) => event.notice = Some(notice),
                Err(_) => self.errors.push((
                    "notice",
                    tr_args("form-error-notice", &[("text", self.notice.trim().into())]),
                )),
            }
        }
        self.change_errors = vec![Vec::new(); self.changes.len()];
        event.changes = (self.changes.iter().zip(&mut self.change_errors))
            .map(|(form, errors)| form.change(errors))
            .collect();
        (self.field_errors() == 0).then_some(event)
    }

    /// Draws the window; `false` when it was closed.
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        scenario: &Scenario,
        problems: &[Problem],
        commands: &mut Vec<Command>,
    ) -> bool {
        match scenario.events.get(self.index) {
            None => return false,
            Some(event) if *event != self.loaded => self.load(event),
            Some(_) => {}
        }
        let mut open = true;
        let problems = problems_of(problems, &Item::Event(self.index));
        // As tall as the window allows, so that what the event changes is in view.
        let screen = ctx.content_rect();
        let height = (screen.height() - 140.0).clamp(240.0, 760.0);
        egui::Window::new(tr("form-event"))
            .id(egui::Id::unique("edit-event"))
            .open(&mut open)
            .default_width(440.0)
            .default_pos(egui::pos2(screen.center().x - 220.0, screen.top() + 60.0))
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .min_scrolled_height(height)
                    .max_height(height)
                    .show(ui, |ui| {
                        self.fields_ui(ui, scenario, &problems, commands);
                    });
            });
        if self.touched
            && let Some(event) = self.build()
            && event != self.loaded
        {
            let edit = Edit {
                section: Section::Events,
                index: self.index,
                before: Some(ItemValue::Event(self.loaded.clone())),
                after: Some(ItemValue::Event(event.clone())),
            };
            commands.push(Command::Edit(EditCommand::Apply {
                edit: Box::new(edit),
                merge: Some(self.session),
            }));
            self.loaded = event;
        }
        open
    }

    fn fields_ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        problems: &[&Problem],
        commands: &mut Vec<Command>,
    ) {
        let mut changed = false;
        problems_ui(ui, problems, "");
        let error = |errors: &[(&str, String)], name: &str| {
            errors
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, e)| e.clone())
        };
        egui::Grid::new("event-fields")
            .num_columns(2)
            .show(ui, |ui| {
                // Salted by a name that does not change with the language.
                let text_row = |ui: &mut egui::Ui, key: &str, text: &mut String, multi: bool| {
                    let name = ui.label(tr(key));
                    let edit = if multi {
                        egui::TextEdit::multiline(text).desired_rows(2)
                    } else {
                        egui::TextEdit::singleline(text)
                    };
                    let response = ui
                        .add(edit.desired_width(300.0).id_salt(key))
                        .labelled_by(name.id);
                    ui.end_row();
                    response.changed()
                };
                changed |= text_row(ui, "form-date", &mut self.date, false);
                ui.label("");
                ui.vertical(|ui| {
                    field_error_ui(ui, error(&self.errors, "date").as_ref());
                    problems_ui(ui, problems, "/date");
                });
                ui.end_row();
                changed |= text_row(ui, "form-effective", &mut self.effective, false);
                ui.label("");
                ui.vertical(|ui| {
                    field_error_ui(ui, error(&self.errors, "effective").as_ref());
                    problems_ui(ui, problems, "/effective");
                });
                ui.end_row();
                ui.label(tr("form-precision"));
                ui.horizontal(|ui| {
                    for (p, key) in [
                        (DatePrecision::Day, "form-precision-day"),
                        (DatePrecision::Month, "form-precision-month"),
                        (DatePrecision::Year, "form-precision-year"),
                    ] {
                        changed |= ui.radio_value(&mut self.precision, p, tr(key)).changed();
                    }
                });
                ui.end_row();
                changed |= text_row(ui, "form-title", &mut self.title, false);
                changed |= text_row(ui, "form-summary", &mut self.summary, true);
                changed |= text_row(ui, "form-note", &mut self.note, true);
                ui.label(tr("form-confidence"));
                changed |= ui
                    .checkbox(&mut self.low_confidence, tr("form-confidence-low"))
                    .changed();
                ui.end_row();
                changed |= text_row(ui, "form-sources", &mut self.sources, true);
                ui.label("");
                ui.vertical(|ui| problems_ui(ui, problems, "/sources"));
                ui.end_row();
                changed |= text_row(ui, "form-notice", &mut self.notice, false);
                ui.label("");
                ui.vertical(|ui| {
                    field_error_ui(ui, error(&self.errors, "notice").as_ref());
                    problems_ui(ui, problems, "/notice");
                });
                ui.end_row();
                changed |= text_row(ui, "form-id", &mut self.id, false);
                ui.label("");
                ui.vertical(|ui| problems_ui(ui, problems, "/id"));
                ui.end_row();
            });
        ui.separator();
        ui.label(RichText::new(tr("form-what-changes")).strong());
        changed |= self.changes_ui(ui, scenario, problems);
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(tr("form-delete-event")).clicked() {
                commands.push(Command::Edit(EditCommand::DeleteEvent(
                    crate::model::EventIx::new(self.index),
                )));
            }
        });
        self.touched |= changed;
    }

    fn changes_ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        problems: &[&Problem],
    ) -> bool {
        let mut changed = false;
        let mut remove = None;
        for (c, form) in self.changes.iter_mut().enumerate() {
            ui.push_id(("change", c), |ui| {
                ui.horizontal(|ui| {
                    changed |= change_row_ui(ui, form, scenario);
                    if ui
                        .small_button("×")
                        .on_hover_text(tr("form-remove-change"))
                        .clicked()
                    {
                        remove = Some(c);
                    }
                });
                if form.kind != ChangeKind::Government {
                    ui.horizontal(|ui| {
                        ui.add_space(12.0);
                        changed |= size_fields_ui(ui, form);
                    });
                }
                for error in self.change_errors.get(c).into_iter().flatten() {
                    field_error_ui(ui, Some(error));
                }
                problems_ui(ui, problems, &format!("/changes/{c}"));
            });
        }
        if let Some(c) = remove {
            self.changes.remove(c);
            if c < self.change_errors.len() {
                self.change_errors.remove(c);
            }
            changed = true;
        }
        ui.horizontal(|ui| {
            for (label, kind) in [
                ("form-add-status", ChangeKind::Status),
                ("form-add-reaffirmed", ChangeKind::Reaffirmed),
                ("form-add-size", ChangeKind::Size),
                ("form-add-government", ChangeKind::Government),
            ] {
                if ui.button(tr(label)).clicked() {
                    self.changes.push(ChangeForm::new(kind));
                    changed = true;
                }
            }
        });
        changed
    }
}

/// One change: the tie and its new status, the tie reaffirmed, or the state and its new
/// government.
fn change_row_ui(ui: &mut egui::Ui, form: &mut ChangeForm, scenario: &Scenario) -> bool {
    let mut changed = false;
    let lang = current_lang();
    // A tie's short label in the language shown, else its label.
    let tie_name = |r: &'_ crate::model::Relationship| -> String {
        r.i18n
            .get(lang, "short")
            .or_else(|| {
                r.short
                    .is_none()
                    .then(|| r.i18n.get(lang, "label"))
                    .flatten()
            })
            .unwrap_or_else(|| r.short_label())
            .to_owned()
    };
    match form.kind {
        ChangeKind::Status | ChangeKind::Reaffirmed | ChangeKind::Size => {
            let selected = scenario
                .relationships
                .iter()
                .find(|r| r.id == form.relationship)
                .map_or_else(|| tr("form-choose-tie"), |r| tie_name(r).to_owned());
            egui::ComboBox::from_id_salt("tie")
                .selected_text(selected)
                .width(200.0)
                .height(400.0)
                .show_ui(ui, |ui| {
                    for r in &scenario.relationships {
                        changed |= ui
                            .selectable_value(&mut form.relationship, r.id.clone(), tie_name(r))
                            .on_hover_text(r.i18n.or(lang, "label", &r.label))
                            .changed();
                    }
                });
            if form.kind == ChangeKind::Status {
                egui::ComboBox::from_id_salt("status")
                    .selected_text(form.status.label())
                    .show_ui(ui, |ui| {
                        for s in Status::ALL {
                            changed |= ui
                                .selectable_value(&mut form.status, s, s.label())
                                .changed();
                        }
                    });
            } else if form.kind == ChangeKind::Reaffirmed {
                ui.label(tr("form-reaffirmed"));
            } else {
                ui.label(tr("form-size"));
            }
        }
        ChangeKind::Government => {
            let selected = scenario.entity(&form.state).map_or_else(
                || tr("form-choose-state"),
                |e| e.i18n.or(lang, "name", &e.name).to_owned(),
            );
            egui::ComboBox::from_id_salt("state")
                .selected_text(selected)
                .height(400.0)
                .show_ui(ui, |ui| {
                    for e in scenario
                        .entities
                        .iter()
                        .filter(|e| e.kind == EntityKind::State)
                    {
                        changed |= ui
                            .selectable_value(
                                &mut form.state,
                                e.id.clone(),
                                e.i18n.or(lang, "name", &e.name),
                            )
                            .changed();
                    }
                });
            for (g, key) in [
                (GovernmentForm::Civilian, "form-civilian"),
                (GovernmentForm::Military, "form-military"),
            ] {
                changed |= ui.radio_value(&mut form.government, g, tr(key)).changed();
            }
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut form.leader)
                        .hint_text(tr("form-leader"))
                        .desired_width(110.0),
                )
                .changed();
        }
    }
    changed
}

/// A tie change's size from the event's date: troops, and an amount in a currency (both
/// optional).
fn size_fields_ui(ui: &mut egui::Ui, form: &mut ChangeForm) -> bool {
    let mut changed = false;
    let small = |ui: &mut egui::Ui, label: &str, text: &mut String, width: f32| {
        let name = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).desired_width(width))
            .labelled_by(name.id)
            .changed()
    };
    changed |= small(ui, &tr("form-troops"), &mut form.troops, 60.0);
    changed |= small(ui, &tr("form-amount"), &mut form.amount, 96.0);
    changed |= small(ui, &tr("form-currency"), &mut form.currency, 44.0);
    changed
}
