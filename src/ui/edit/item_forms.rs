//! The forms of a relationship (parties from a list or picked on the map, kind, labels, in
//! force at the start with its sources, its site picked on the map) and of an entity (an organisation or armed group,
//! its place clicked on the map).

use egui::RichText;

use super::{field_error_ui, lines, optional, problems_of, problems_ui};
use crate::app::command::Command;
use crate::app::editing::EditCommand;
use crate::model::i18n::{current_lang, tr, tr_args};
use crate::model::{
    Edit, Entity, EntityKind, Item, ItemValue, Place, Problem, Relationship, RelationshipKind,
    Scenario, Section, Site,
};

/// Pushes the edit that makes item `index` of `section` go from `before` to `after`.
fn push_replace(
    commands: &mut Vec<Command>,
    section: Section,
    index: usize,
    (before, after): (ItemValue, ItemValue),
    session: u64,
) {
    commands.push(Command::Edit(EditCommand::Apply {
        edit: Box::new(Edit {
            section,
            index,
            before: Some(before),
            after: Some(after),
        }),
        merge: Some(session),
    }));
}

/// A single-line field labelled with the message `key` (its salt too, the same in every
/// language); whether it changed.
fn field(ui: &mut egui::Ui, key: &str, text: &mut String) -> bool {
    let name = ui.label(tr(key));
    let changed = ui
        .add(
            egui::TextEdit::singleline(text)
                .desired_width(280.0)
                .id_salt(key),
        )
        .labelled_by(name.id)
        .changed();
    ui.end_row();
    changed
}

/// The form of one relationship.
pub(crate) struct RelationshipForm {
    /// Index into the scenario's relationships.
    pub index: usize,
    session: u64,
    loaded: Relationship,
    id: String,
    label: String,
    short: String,
    kind: RelationshipKind,
    parties: Vec<String>,
    in_force_at_start: bool,
    start_sources: String,
    /// The site (a base, a camp) as typed: name, longitude, latitude.
    site_name: String,
    site_lon: String,
    site_lat: String,
    /// The next click on the map adds a party.
    picking: bool,
    /// The next click on the map sets the site's place.
    picking_site: bool,
    touched: bool,
    /// What of the site does not read.
    errors: Vec<String>,
}

impl RelationshipForm {
    pub fn new(index: usize, relationship: &Relationship, session: u64) -> Self {
        let mut form = Self {
            index,
            session,
            loaded: relationship.clone(),
            id: String::new(),
            label: String::new(),
            short: String::new(),
            kind: relationship.kind,
            parties: Vec::new(),
            in_force_at_start: false,
            start_sources: String::new(),
            site_name: String::new(),
            site_lon: String::new(),
            site_lat: String::new(),
            picking: false,
            picking_site: false,
            touched: false,
            errors: Vec::new(),
        };
        form.load(relationship);
        form
    }

    fn load(&mut self, r: &Relationship) {
        self.loaded = r.clone();
        self.id.clone_from(&r.id);
        self.label.clone_from(&r.label);
        self.short = r.short.clone().unwrap_or_default();
        self.kind = r.kind;
        self.parties.clone_from(&r.parties);
        self.in_force_at_start = r.in_force_at_start;
        self.start_sources = r.start_sources.join("\n");
        let site = r.site.as_ref();
        self.site_name = site.map(|s| s.name.clone()).unwrap_or_default();
        self.site_lon = site.map(|s| s.lon.to_string()).unwrap_or_default();
        self.site_lat = site.map(|s| s.lat.to_string()).unwrap_or_default();
        self.touched = false;
        self.errors.clear();
    }

    /// How many fields do not read (the site's).
    pub fn field_errors(&self) -> usize {
        self.errors.len()
    }

    /// A click on the map: while picking parties, the entity clicked becomes one; while
    /// picking the site, the place clicked is the site's.
    pub fn map_clicked(&mut self, [lon, lat]: [f64; 2], entity: Option<&str>) {
        if self.picking_site {
            self.site_lon = format!("{lon:.3}");
            self.site_lat = format!("{lat:.3}");
            self.picking_site = false;
            self.touched = true;
            return;
        }
        if let (true, Some(id)) = (self.picking, entity)
            && !self.parties.iter().any(|p| p == id)
        {
            self.parties.push(id.to_owned());
            self.touched = true;
        }
    }

    /// The relationship the fields say; `None` when the site does not read (see `errors`).
    fn build(&mut self) -> Option<Relationship> {
        self.errors.clear();
        let mut r = self.loaded.clone();
        r.id.clone_from(&self.id);
        r.label.clone_from(&self.label);
        r.short = optional(&self.short);
        r.kind = self.kind;
        r.parties.clone_from(&self.parties);
        r.in_force_at_start = self.in_force_at_start;
        r.start_sources = lines(&self.start_sources);
        r.site = self.site();
        self.errors.is_empty().then_some(r)
    }

    /// The site the fields say: none when all three are empty.
    fn site(&mut self) -> Option<Site> {
        let fields = [&self.site_name, &self.site_lon, &self.site_lat];
        if fields.iter().all(|f| f.trim().is_empty()) {
            return None;
        }
        let degrees = |text: &str, key: &str, errors: &mut Vec<String>| {
            let n = text.trim().parse::<f64>().ok().filter(|n| n.is_finite());
            if n.is_none() {
                errors.push(tr_args(key, &[("text", text.trim().into())]));
            }
            n
        };
        let lon = degrees(&self.site_lon, "form-error-site-lon", &mut self.errors);
        let lat = degrees(&self.site_lat, "form-error-site-lat", &mut self.errors);
        if self.site_name.trim().is_empty() {
            self.errors.push(tr("form-error-site-name"));
        }
        Some(Site {
            name: self.site_name.clone(),
            lon: lon?,
            lat: lat?,
        })
    }

    /// Draws the window; `false` when it was closed.
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        scenario: &Scenario,
        problems: &[Problem],
        commands: &mut Vec<Command>,
    ) -> bool {
        match scenario.relationships.get(self.index) {
            None => return false,
            Some(r) if *r != self.loaded => self.load(r),
            Some(_) => {}
        }
        let problems = problems_of(problems, &Item::Relationship(self.index));
        let mut open = true;
        egui::Window::new(tr("form-tie"))
            .id(egui::Id::unique("edit-tie"))
            .open(&mut open)
            .default_width(420.0)
            .show(ctx, |ui| self.fields_ui(ui, scenario, &problems));
        if self.touched
            && let Some(r) = self.build()
            && r != self.loaded
        {
            let pair = (
                ItemValue::Relationship(self.loaded.clone()),
                ItemValue::Relationship(r.clone()),
            );
            push_replace(
                commands,
                Section::Relationships,
                self.index,
                pair,
                self.session,
            );
            self.loaded = r;
        }
        if !open {
            self.picking = false;
            self.picking_site = false;
        }
        open
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario, problems: &[&Problem]) {
        let mut changed = false;
        problems_ui(ui, problems, "");
        egui::Grid::new("tie-fields").num_columns(2).show(ui, |ui| {
            changed |= field(ui, "form-label", &mut self.label);
            changed |= field(ui, "form-short-label", &mut self.short);
            ui.label(tr("form-kind"));
            egui::ComboBox::from_id_salt("tie-kind")
                .selected_text(self.kind.label())
                .show_ui(ui, |ui| {
                    for k in RelationshipKind::ALL {
                        changed |= ui.selectable_value(&mut self.kind, k, k.label()).changed();
                    }
                });
            ui.end_row();
            changed |= field(ui, "form-id", &mut self.id);
            ui.label("");
            ui.vertical(|ui| problems_ui(ui, problems, "/id"));
            ui.end_row();
        });
        ui.label(RichText::new(tr("form-parties")).strong());
        changed |= self.parties_ui(ui, scenario);
        problems_ui(ui, problems, "/parties");
        changed |= ui
            .checkbox(&mut self.in_force_at_start, tr("form-in-force"))
            .changed();
        if self.in_force_at_start {
            ui.label(tr("form-start-sources"));
            changed |= ui
                .add(
                    egui::TextEdit::multiline(&mut self.start_sources)
                        .desired_rows(2)
                        .desired_width(400.0),
                )
                .changed();
            problems_ui(ui, problems, "/start_sources");
        }
        ui.label(RichText::new(tr("form-site")).strong());
        egui::Grid::new("tie-site").num_columns(2).show(ui, |ui| {
            changed |= field(ui, "form-site-name", &mut self.site_name);
            changed |= field(ui, "form-site-lon", &mut self.site_lon);
            changed |= field(ui, "form-site-lat", &mut self.site_lat);
        });
        for error in &self.errors {
            field_error_ui(ui, Some(error));
        }
        problems_ui(ui, problems, "/site");
        ui.toggle_value(&mut self.picking_site, tr("form-pick-site"))
            .on_hover_text(tr("form-pick-site-hint"));
        self.touched |= changed;
    }

    fn parties_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario) -> bool {
        let mut changed = false;
        let mut remove = None;
        let lang = current_lang();
        for (p, party) in self.parties.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = scenario
                    .entity(party)
                    .map_or(party.as_str(), |e| e.i18n.or(lang, "name", &e.name));
                ui.label(format!("{name} ({party})"));
                if ui.small_button("×").clicked() {
                    remove = Some(p);
                }
            });
        }
        if let Some(p) = remove {
            self.parties.remove(p);
            changed = true;
        }
        ui.horizontal(|ui| {
            let mut chosen = String::new();
            egui::ComboBox::from_id_salt("add-party")
                .selected_text(tr("form-add-party"))
                .height(400.0)
                .show_ui(ui, |ui| {
                    for e in &scenario.entities {
                        let name = e.i18n.or(lang, "name", &e.name);
                        ui.selectable_value(&mut chosen, e.id.clone(), name);
                    }
                });
            if !chosen.is_empty() && !self.parties.contains(&chosen) {
                self.parties.push(chosen);
                changed = true;
            }
            ui.toggle_value(&mut self.picking, tr("form-pick-party"))
                .on_hover_text(tr("form-pick-party-hint"));
        });
        changed
    }
}

/// The form of one entity.
pub(crate) struct EntityForm {
    /// Index into the scenario's entities.
    pub index: usize,
    session: u64,
    loaded: Entity,
    id: String,
    kind: EntityKind,
    name: String,
    short: String,
    lon: String,
    lat: String,
    place_label: String,
    /// The next click on the map sets the place.
    picking: bool,
    touched: bool,
    errors: Vec<(&'static str, String)>,
}

impl EntityForm {
    pub fn new(index: usize, entity: &Entity, session: u64) -> Self {
        let mut form = Self {
            index,
            session,
            loaded: entity.clone(),
            id: String::new(),
            kind: entity.kind,
            name: String::new(),
            short: String::new(),
            lon: String::new(),
            lat: String::new(),
            place_label: String::new(),
            picking: entity.place.is_none(),
            touched: false,
            errors: Vec::new(),
        };
        form.load(entity);
        form
    }

    fn load(&mut self, e: &Entity) {
        self.loaded = e.clone();
        self.id.clone_from(&e.id);
        self.kind = e.kind;
        self.name.clone_from(&e.name);
        self.short = e.short.clone().unwrap_or_default();
        let place = e.place.as_ref();
        self.lon = place.map(|p| p.lon.to_string()).unwrap_or_default();
        self.lat = place.map(|p| p.lat.to_string()).unwrap_or_default();
        self.place_label = place.and_then(|p| p.label.clone()).unwrap_or_default();
        self.touched = false;
        self.errors.clear();
    }

    /// How many fields do not read.
    pub fn field_errors(&self) -> usize {
        self.errors.len()
    }

    /// A click on the map while picking: the place clicked.
    pub fn map_clicked(&mut self, [lon, lat]: [f64; 2]) {
        if self.picking {
            self.lon = format!("{:.2}", lon);
            self.lat = format!("{:.2}", lat);
            self.picking = false;
            self.touched = true;
        }
    }

    fn build(&mut self) -> Option<Entity> {
        self.errors.clear();
        let mut e = self.loaded.clone();
        e.id.clone_from(&self.id);
        e.kind = self.kind;
        e.name.clone_from(&self.name);
        e.short = optional(&self.short);
        let number = |text: &str| text.trim().parse::<f64>().ok().filter(|n| n.is_finite());
        e.place = match (self.lon.trim().is_empty(), self.lat.trim().is_empty()) {
            (true, true) => None,
            _ => match (number(&self.lon), number(&self.lat)) {
                (Some(lon), Some(lat)) => Some(Place {
                    lon,
                    lat,
                    label: optional(&self.place_label),
                }),
                (lon, _) => {
                    let (field, text) = if lon.is_none() {
                        ("lon", &self.lon)
                    } else {
                        ("lat", &self.lat)
                    };
                    let message = tr_args("form-error-degrees", &[("text", text.trim().into())]);
                    self.errors.push((field, message));
                    None
                }
            },
        };
        self.errors.is_empty().then_some(e)
    }

    /// Draws the window; `false` when it was closed.
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        _scenario: &Scenario,
        problems: &[Problem],
        commands: &mut Vec<Command>,
    ) -> bool {
        match _scenario.entities.get(self.index) {
            None => return false,
            Some(e) if *e != self.loaded => self.load(e),
            Some(_) => {}
        }
        let problems = problems_of(problems, &Item::Entity(self.index));
        let mut open = true;
        egui::Window::new(tr("form-entity"))
            .id(egui::Id::unique("edit-entity"))
            .open(&mut open)
            .default_width(380.0)
            .show(ctx, |ui| self.fields_ui(ui, &problems));
        if self.touched
            && let Some(e) = self.build()
            && e != self.loaded
        {
            let pair = (
                ItemValue::Entity(self.loaded.clone()),
                ItemValue::Entity(e.clone()),
            );
            push_replace(commands, Section::Entities, self.index, pair, self.session);
            self.loaded = e;
        }
        open
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui, problems: &[&Problem]) {
        let mut changed = false;
        problems_ui(ui, problems, "");
        egui::Grid::new("entity-fields")
            .num_columns(2)
            .show(ui, |ui| {
                changed |= field(ui, "form-name", &mut self.name);
                changed |= field(ui, "form-short-name", &mut self.short);
                ui.label(tr("form-kind"));
                ui.horizontal(|ui| {
                    changed |= ui
                        .radio_value(
                            &mut self.kind,
                            EntityKind::Organisation,
                            tr("form-kind-organisation"),
                        )
                        .changed();
                    changed |= ui
                        .radio_value(&mut self.kind, EntityKind::State, tr("form-kind-state"))
                        .changed();
                });
                ui.end_row();
                changed |= field(ui, "form-id", &mut self.id);
                ui.label("");
                ui.vertical(|ui| problems_ui(ui, problems, "/id"));
                ui.end_row();
                changed |= field(ui, "form-longitude", &mut self.lon);
                changed |= field(ui, "form-latitude", &mut self.lat);
                changed |= field(ui, "form-place", &mut self.place_label);
            });
        let errors: Vec<String> = self.errors.iter().map(|(_, e)| e.clone()).collect();
        for error in &errors {
            field_error_ui(ui, Some(error));
        }
        problems_ui(ui, problems, "/place");
        ui.toggle_value(&mut self.picking, tr("form-pick-place"))
            .on_hover_text(tr("form-pick-place-hint"));
        self.touched |= changed;
    }
}
