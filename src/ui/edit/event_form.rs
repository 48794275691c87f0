//! The form of one event: dates, precision, texts, sources, and what it changes.

use egui::RichText;

use super::{field_error_ui, lines, optional, problems_of, problems_ui};
use crate::app::command::Command;
use crate::app::editing::EditCommand;
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
                    errors.push(format!(
                        "troops: \"{}\" is not a whole number",
                        self.troops.trim()
                    ));
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
                    errors.push(format!(
                        "amount: \"{}\" is not a whole number",
                        self.amount.trim()
                    ));
                    None
                }
                (_, Err(why)) => {
                    errors.push(why);
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
                    errors.push("a size change needs troops or an amount".to_owned());
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
                format!("\"{}\" is not a date (YYYY-MM-DD)", self.date.trim()),
            )),
        }
        event.effective = None;
        if !self.effective.trim().is_empty() {
            match parse_date(&self.effective) {
                Ok(date) => event.effective = Some(date),
                Err(_) => self.errors.push((
                    "effective",
                    format!("\"{}\" is not a date (YYYY-MM-DD)", self.effective.trim()),
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
                Err(why) => self.errors.push(("notice", why)),
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
        egui::Window::new("Event")
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
                let text_row = |ui: &mut egui::Ui, label: &str, text: &mut String, multi: bool| {
                    let name = ui.label(label);
                    let edit = if multi {
                        egui::TextEdit::multiline(text).desired_rows(2)
                    } else {
                        egui::TextEdit::singleline(text)
                    };
                    let response = ui
                        .add(edit.desired_width(300.0).id_salt(label))
                        .labelled_by(name.id);
                    ui.end_row();
                    response.changed()
                };
                changed |= text_row(ui, "Date", &mut self.date, false);
                ui.label("");
                ui.vertical(|ui| {
                    field_error_ui(ui, error(&self.errors, "date").as_ref());
                    problems_ui(ui, problems, "/date");
                });
                ui.end_row();
                changed |= text_row(ui, "Effective (optional)", &mut self.effective, false);
                ui.label("");
                ui.vertical(|ui| {
                    field_error_ui(ui, error(&self.errors, "effective").as_ref());
                    problems_ui(ui, problems, "/effective");
                });
                ui.end_row();
                ui.label("Precision");
                ui.horizontal(|ui| {
                    for p in [
                        DatePrecision::Day,
                        DatePrecision::Month,
                        DatePrecision::Year,
                    ] {
                        changed |= ui.radio_value(&mut self.precision, p, p.as_str()).changed();
                    }
                });
                ui.end_row();
                changed |= text_row(ui, "Title", &mut self.title, false);
                changed |= text_row(ui, "Summary", &mut self.summary, true);
                changed |= text_row(ui, "Note", &mut self.note, true);
                ui.label("Confidence");
                changed |= ui.checkbox(&mut self.low_confidence, "low").changed();
                ui.end_row();
                changed |= text_row(ui, "Sources (one per line)", &mut self.sources, true);
                ui.label("");
                ui.vertical(|ui| problems_ui(ui, problems, "/sources"));
                ui.end_row();
                changed |= text_row(ui, "Notice (optional, P6M)", &mut self.notice, false);
                ui.label("");
                ui.vertical(|ui| {
                    field_error_ui(ui, error(&self.errors, "notice").as_ref());
                    problems_ui(ui, problems, "/notice");
                });
                ui.end_row();
                changed |= text_row(ui, "Id", &mut self.id, false);
                ui.label("");
                ui.vertical(|ui| problems_ui(ui, problems, "/id"));
                ui.end_row();
            });
        ui.separator();
        ui.label(RichText::new("What it changes").strong());
        changed |= self.changes_ui(ui, scenario, problems);
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button("Delete event").clicked() {
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
                        .on_hover_text("Remove this change")
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
                ("+ Tie status", ChangeKind::Status),
                ("+ Reaffirmation", ChangeKind::Reaffirmed),
                ("+ Size", ChangeKind::Size),
                ("+ Government change", ChangeKind::Government),
            ] {
                if ui.button(label).clicked() {
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
    match form.kind {
        ChangeKind::Status | ChangeKind::Reaffirmed | ChangeKind::Size => {
            let selected = scenario
                .relationships
                .iter()
                .find(|r| r.id == form.relationship)
                .map_or_else(
                    || "Choose a tie…".to_owned(),
                    |r| r.short_label().to_owned(),
                );
            egui::ComboBox::from_id_salt("tie")
                .selected_text(selected)
                .width(200.0)
                .height(400.0)
                .show_ui(ui, |ui| {
                    for r in &scenario.relationships {
                        changed |= ui
                            .selectable_value(&mut form.relationship, r.id.clone(), r.short_label())
                            .on_hover_text(&r.label)
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
                ui.label("reaffirmed");
            } else {
                ui.label("size");
            }
        }
        ChangeKind::Government => {
            let selected = scenario
                .entity(&form.state)
                .map_or_else(|| "Choose a state…".to_owned(), |e| e.name.clone());
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
                            .selectable_value(&mut form.state, e.id.clone(), &e.name)
                            .changed();
                    }
                });
            for g in [GovernmentForm::Civilian, GovernmentForm::Military] {
                changed |= ui
                    .radio_value(&mut form.government, g, g.as_str())
                    .changed();
            }
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut form.leader)
                        .hint_text("leader")
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
    changed |= small(ui, "Troops", &mut form.troops, 60.0);
    changed |= small(ui, "Amount", &mut form.amount, 96.0);
    changed |= small(ui, "Currency", &mut form.currency, 44.0);
    changed
}
