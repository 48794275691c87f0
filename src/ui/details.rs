//! The details panel: country search, the selected country's facts and its ties at the date,
//! the selected link's history, and a list of every link at the date (also for screen readers).

use egui::{RichText, Sense, Stroke, Vec2};

use super::Cx;
use crate::app::command::Command;
use crate::app::time_control::TimeCommand;
use crate::map::widget::palette;
use crate::model::EventIx;
use crate::model::RelIx;
use crate::model::i18n::{
    Lang, current_lang, format_amount_words, format_big, format_day_long, format_decimal, tr,
    tr_args,
};
use crate::model::{Change, Day, Size, Status, Timeline, format_date_with_precision};

/// The side panel: Find, the legend and filters (a collapsible section that takes at most
/// about half the panel), then the details of what is selected.
pub(crate) fn details_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    // Every text wraps at the panel's edge, in rows too: one row wider than the panel would
    // widen every section below it past the edge (the map would cover their ends).
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
    search_ui(ui, cx);
    ui.separator();
    let fine = !std::sync::Arc::ptr_eq(cx.layer(), &cx.document.coarse);
    let max_height = (ui.available_height() * 0.45).max(120.0);
    super::legend::legend_ui(ui, cx, fine, max_height);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(link) = cx.view.selected_link {
                link_details_ui(ui, cx, link);
                ui.separator();
            }
            if let Some(key) = cx.view.selected.clone() {
                country_details_ui(ui, cx, &key);
            } else if cx.view.selected_link.is_none() {
                ui.label(RichText::new(tr("details-hint")).weak());
            }
            ui.separator();
            links_at_date_ui(ui, cx);
        });
}

fn search_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let label = ui.label(tr("details-find"));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut cx.memory.search)
                .hint_text(tr("details-find-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text(tr("details-find-keys"));
    if std::mem::take(&mut cx.memory.focus_find) {
        field.request_focus();
    } else if field.changed() && std::mem::take(&mut cx.memory.slash_pending) {
        // The `/` that focused the field, arriving after the key press.
        if let Some(rest) = cx.memory.search.strip_prefix('/') {
            cx.memory.search = rest.to_owned();
        }
    }
    let layer = cx.layer().clone();
    let matches = crate::map::search::search_countries(layer.countries(), &cx.memory.search);
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if enter && let Some(&first) = matches.first() {
        cx.push(Command::FlyToCountry(layer.countries()[first].key.clone()));
        cx.memory.search.clear();
    }
    if !cx.memory.search.is_empty() {
        if matches.is_empty() {
            ui.label(RichText::new(tr("details-no-match")).weak());
        }
        for &i in matches.iter().take(8) {
            let c = &layer.countries()[i];
            if ui
                .selectable_label(false, c.name_in(current_lang()))
                .clicked()
            {
                cx.push(Command::FlyToCountry(c.key.clone()));
                cx.memory.search.clear();
            }
        }
    }
}

fn country_details_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, key: &str) {
    let layer = cx.layer().clone();
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let fine = !std::sync::Arc::ptr_eq(&layer, &cx.document.coarse);
    let selection = &cx.at_date.selection;
    let country = (selection.country(fine)).and_then(|i| layer.country(i));
    let lang = current_lang();
    let name = country
        .map(|c| c.name_in(lang).to_owned())
        .unwrap_or_else(|| scenario.entity_name_in(key, lang).to_owned());
    ui.horizontal(|ui| {
        if ui
            .small_button("×")
            .on_hover_text(tr("details-clear-selection"))
            .clicked()
        {
            cx.push(Command::SelectCountry(None));
        }
        if let Some(e) = timeline.entity_index(key)
            && ui.small_button(tr("details-edit")).clicked()
        {
            cx.push(Command::Edit(crate::app::editing::EditCommand::OpenEntity(
                e,
            )));
        }
        // A long name wraps within the panel rather than widening it.
        ui.add(egui::Label::new(RichText::new(&name).heading()).wrap());
    });
    if let Some(c) = country {
        country_facts_ui(ui, c);
    }

    let Some(entity) = selection.entity else {
        ui.label(RichText::new(tr("details-not-in-scenario")).weak());
        return;
    };
    let day = cx.view.time.day();
    ui.add_space(6.0);
    let on = tr_args(
        "details-on-date",
        &[("date", format_day_long(day.to_date(), lang).into())],
    );
    ui.label(RichText::new(on).strong());
    if let Some(gov) = cx.at_date.state.country(entity) {
        let form = super::words::government_word(gov.government);
        let leader = gov
            .leader
            .as_deref()
            .map(|l| format!(", {l}"))
            .unwrap_or_default();
        let since = gov
            .since
            .map(|d| format!(" {}", super::words::since(Some(d))))
            .unwrap_or_default();
        ui.label(tr_args(
            "details-government",
            &[("form", format!("{form}{leader}{since}").into())],
        ));
    }

    // Its alignment over the whole span, above the ties, so it shows without scrolling.
    super::alignment::alignment_ui(ui, cx, entity);
    // Its conflict events, month by month on the same time axis.
    super::event_layers::state_events_ui(ui, cx, entity);

    country_ties_ui(ui, cx, &timeline, key);
    // A partner's chart above is already one bar per counterpart.
    if !timeline.charts_by_counterpart(entity) {
        partner_timeline_ui(ui, cx, &timeline, key);
    }
    country_events_ui(ui, cx, &timeline, key);
}

/// A country's formal name and facts from the layer: codes, population, GDP, region.
fn country_facts_ui(ui: &mut egui::Ui, c: &crate::io::Country) {
    let lang = current_lang();
    // Natural Earth gives the formal name in English only (its FORMAL_FR is nearly empty and
    // partly wrong), so the French interface leaves it out rather than show English.
    if let Some(formal) = c.formal_name.as_ref().filter(|_| lang == Lang::En) {
        ui.label(RichText::new(formal).italics());
    }
    // The names of the facts keep to one line; the facts wrap beside them.
    egui::Grid::new("country_facts")
        .num_columns(2)
        .show(ui, |ui| {
            ui.add(egui::Label::new(tr("details-codes")).extend());
            let mut codes = vec![format!("ADM0_A3 {}", c.key)];
            if let Some(a3) = &c.iso_a3 {
                codes.push(format!("ISO {a3}"));
            }
            if let Some(a2) = &c.iso_a2 {
                codes.push(a2.clone());
            }
            ui.label(codes.join(" · "));
            ui.end_row();
            if let Some((pop, year)) = c.population {
                ui.add(egui::Label::new(tr("details-population")).extend());
                let words = if pop >= 1e6 { "yes" } else { "no" };
                ui.label(tr_args(
                    "details-population-value",
                    &[
                        ("number", format_big(pop, 2, lang).into()),
                        ("words", words.into()),
                        ("year", year.to_string().into()),
                    ],
                ));
                ui.end_row();
            }
            if let Some((gdp, year)) = c.gdp_musd {
                ui.add(egui::Label::new(tr("details-gdp")).extend());
                ui.label(tr_args(
                    "details-gdp-value",
                    &[
                        ("amount", format_amount_words(gdp * 1e6, "USD", lang).into()),
                        ("year", year.to_string().into()),
                    ],
                ));
                ui.end_row();
            }
            let region: Vec<&str> = [
                c.continent.as_deref(),
                c.region.as_deref(),
                c.subregion.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !region.is_empty() {
                ui.add(egui::Label::new(tr("details-region")).extend());
                let mut unique = region.clone();
                unique.dedup();
                let names: Vec<String> = unique.into_iter().map(region_name).collect();
                ui.label(names.join(" · "));
                ui.end_row();
            }
        });
}

/// The country's ties at the date, one row each: hovering one highlights its arc, clicking
/// it shows its history.
fn country_ties_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, timeline: &Timeline, key: &str) {
    let scenario = timeline.scenario();
    let mine: Vec<_> = cx
        .at_date
        .state
        .links()
        .filter(|l| {
            scenario.relationships[l.relationship]
                .parties
                .iter()
                .any(|p| p == key)
        })
        .collect();
    ui.add_space(4.0);
    ui.label(RichText::new(tr_args("details-ties", &[("count", mine.len().into())])).strong());
    if mine.is_empty() {
        ui.label(RichText::new(tr("details-none-at-date")).weak());
    }
    let lang = current_lang();
    let mut hovered_row = None;
    for link in &mine {
        let rel = &scenario.relationships[link.relationship];
        let since = super::words::since(link.since);
        let size = Some(link.size.label())
            .filter(|s| !s.is_empty())
            .map(|s| format!(" · {s}"))
            .unwrap_or_default();
        let mut text = RichText::new(format!(
            "• {} — {} {since}{size}{}",
            rel.label_in(lang),
            link.status.label(),
            link.unconfirmed_note()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        ))
        .color(palette::status(link.status));
        if cx.view.map_hovered_link == Some(link.relationship) {
            // The arc under the pointer on the map.
            text = text.background_color(ui.visuals().selection.bg_fill.gamma_multiply(0.5));
        }
        let row = ui
            .add(egui::Label::new(text).sense(Sense::click()))
            .on_hover_text(tr("details-show-history"));
        if row.hovered() {
            hovered_row = Some(link.relationship);
        }
        if row.clicked() {
            cx.push(Command::SelectLink(Some(link.relationship)));
        }
    }
    if hovered_row != cx.view.panel_hovered_link {
        // Its arc is highlighted on the map.
        cx.push(Command::HoverLink(hovered_row));
    }
}

/// The events that concern the country, those after the date faded; clicking one goes to
/// its date.
fn country_events_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, timeline: &Timeline, key: &str) {
    let scenario = timeline.scenario();
    let day = cx.view.time.day();
    ui.add_space(4.0);
    ui.label(RichText::new(tr("details-events")).strong());
    let lang = current_lang();
    for &e in timeline.events_in_order() {
        let event = &scenario.events[e];
        let concerns = event.changes.iter().any(|c| match (c, c.relationship()) {
            (Change::State { state, .. }, _) => state == key,
            (_, Some(relationship)) => timeline
                .relationship_index(relationship)
                .is_some_and(|r| scenario.relationships[r].parties.iter().any(|p| p == key)),
            (_, None) => false,
        });
        if !concerns {
            continue;
        }
        let d = Day::from_date(event.date);
        let text = format!(
            "{} · {}",
            format_date_with_precision(event.date, event.precision),
            event.title_in(lang)
        );
        let text = if d <= day {
            RichText::new(text)
        } else {
            RichText::new(text).weak()
        };
        if ui
            .add(egui::Label::new(text).sense(Sense::click()))
            .on_hover_text(super::words::summary_hover(event, lang))
            .clicked()
        {
            cx.push(Command::Time(TimeCommand::SetDay(d)));
        }
    }
}

/// One bar per partner over the whole span, coloured by the status of their ties.
fn partner_timeline_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, timeline: &Timeline, key: &str) {
    let scenario = timeline.scenario();
    let mut partners: Vec<&str> = Vec::new();
    for rel in &scenario.relationships {
        if rel.parties.iter().any(|p| p == key) {
            for p in &rel.parties {
                if p != key && !partners.contains(&p.as_str()) {
                    partners.push(p);
                }
            }
        }
    }
    if partners.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(tr("details-partners-over-time")).strong());
    let name_width = (ui.available_width() * 0.38).clamp(70.0, 130.0);
    for partner in partners {
        partner_bar_ui(ui, cx, timeline, [key, partner], name_width);
    }
    year_axis_ui(ui, timeline, name_width);
}

/// Where a bar of "Partners over time" runs in a row `rect`.
fn bar_x(rect: egui::Rect, name_width: f32) -> (f32, f32) {
    (rect.min.x + name_width + 4.0, rect.max.x - 4.0)
}

/// The years under the bars of "Partners over time", as many as fit.
fn year_axis_ui(ui: &mut egui::Ui, timeline: &Timeline, name_width: f32) {
    let (start, end) = (timeline.start(), timeline.end());
    let span = f64::from((end.0 - start.0).max(1));
    let (rect, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), 12.0), Sense::hover());
    let (x0, x1) = bar_x(rect, name_width);
    let painter = ui.painter_at(rect);
    let color = ui.visuals().weak_text_color();
    let years = (start.to_date().year()..=end.to_date().year()).filter_map(|y| {
        let day = Day::from_date(jiff::civil::Date::new(y, 1, 1).ok()?);
        (day >= start).then(|| {
            (
                y,
                x0 + (f64::from(day.0 - start.0) / span) as f32 * (x1 - x0),
            )
        })
    });
    let mut last_end = f32::MIN;
    for (year, x) in years {
        let text = format!("’{:02}", year % 100);
        let galley = painter.layout_no_wrap(text, egui::FontId::proportional(9.5), color);
        if x < last_end + 3.0 || x + galley.size().x > x1 + 2.0 {
            continue;
        }
        painter.line_segment(
            [egui::pos2(x, rect.min.y), egui::pos2(x, rect.min.y + 3.0)],
            Stroke::new(1.0, color),
        );
        last_end = x + galley.size().x;
        painter.galley(egui::pos2(x + 1.0, rect.min.y + 1.0), galley, color);
    }
}

/// One partner's bar: its name, cut short to its column, and the status of their ties over
/// the span, with the date as a line.
fn partner_bar_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    timeline: &Timeline,
    [key, partner]: [&str; 2],
    name_width: f32,
) {
    let scenario = timeline.scenario();
    let (start, end) = (timeline.start(), timeline.end());
    let span = f64::from((end.0 - start.0).max(1));
    {
        // Change days of ties between the two.
        let rels: Vec<RelIx> = scenario
            .relationships_ix()
            .filter(|(_, r)| {
                r.parties.iter().any(|p| p == key) && r.parties.iter().any(|p| p == partner)
            })
            .map(|(i, _)| i)
            .collect();
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(ui.available_width(), 14.0), Sense::hover());
        let name = scenario.entity_name_in(partner, current_lang());
        // The name in its own column, cut short with "…" rather than run under the bar.
        let name_rect = egui::Rect::from_min_size(rect.min, Vec2::new(name_width, rect.height()));
        let mut job = egui::text::LayoutJob::simple_singleline(
            name.to_owned(),
            egui::FontId::proportional(11.0),
            ui.visuals().text_color(),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(name_width);
        let galley = ui.painter().layout_job(job);
        ui.painter_at(name_rect).galley(
            egui::pos2(rect.min.x, rect.center().y - galley.size().y / 2.0),
            galley,
            ui.visuals().text_color(),
        );
        let painter = ui.painter_at(rect);
        let (x0, x1) = bar_x(rect, name_width);
        let bar = egui::Rect::from_min_max(
            egui::pos2(x0, rect.min.y + 2.0),
            egui::pos2(x1, rect.max.y - 2.0),
        );
        painter.rect_filled(bar, 2.0, ui.visuals().extreme_bg_color);
        let x_of = |d: Day| {
            bar.min.x + (f64::from(d.0 - start.0) / span).clamp(0.0, 1.0) as f32 * bar.width()
        };
        let mut days: Vec<Day> = vec![start];
        for &r in &rels {
            days.extend(
                timeline
                    .relationship_history(r)
                    .map(|(d, _, _)| d)
                    .filter(|d| *d > start),
            );
        }
        days.sort();
        days.dedup();
        days.push(Day(end.0 + 1));
        for w in days.windows(2) {
            let probe = w[0];
            // The strongest status among the ties at this stretch.
            let status = rels
                .iter()
                .filter_map(|&r| status_at(timeline, r, probe))
                .max_by_key(|s| s.liveliness());
            if let Some(status) = status {
                let seg = egui::Rect::from_min_max(
                    egui::pos2(x_of(w[0]), bar.min.y),
                    egui::pos2(x_of(w[1]), bar.max.y),
                );
                painter.rect_filled(seg, 0.0, palette::status(status));
            }
        }
        let x = x_of(cx.view.time.day());
        painter.line_segment(
            [egui::pos2(x, rect.min.y), egui::pos2(x, rect.max.y)],
            Stroke::new(2.0, ui.visuals().strong_text_color()),
        );
        response.on_hover_text(tr_args("details-ties-with", &[("name", name.into())]));
    }
}

fn link_details_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, link: RelIx) {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let Some(rel) = scenario.relationship_at(link) else {
        return;
    };
    let lang = current_lang();
    ui.horizontal(|ui| {
        if ui
            .small_button("×")
            .on_hover_text(tr("details-close"))
            .clicked()
        {
            cx.push(Command::SelectLink(None));
        }
        if ui.small_button(tr("details-edit-tie")).clicked() {
            cx.push(Command::Edit(
                crate::app::editing::EditCommand::OpenRelationship(link),
            ));
        }
    });
    // On its own row: beside the buttons, a short name broke mid-word in a narrow panel
    // ("MINUSM" / "A" in French at 1024×640).
    ui.add(egui::Label::new(RichText::new(rel.short_label_in(lang)).heading()).wrap());
    ui.label(rel.label_in(lang));
    let parties: Vec<&str> = rel
        .parties
        .iter()
        .map(|p| scenario.entity_name_in(p, lang))
        .collect();
    ui.label(format!("{} · {}", rel.kind.label(), parties.join(", ")));
    if let Some(site) = &rel.site {
        ui.label(tr_args(
            "details-site",
            &[
                ("name", site.name.as_str().into()),
                ("lat", format_decimal(site.lat, 3, lang).into()),
                ("lon", format_decimal(site.lon, 3, lang).into()),
            ],
        ));
    }
    match cx.at_date.state.link(link) {
        Some(l) => {
            let size = Some(l.size.label())
                .filter(|s| !s.is_empty())
                .map(|s| format!(" · {s}"))
                .unwrap_or_default();
            ui.label(
                RichText::new(tr_args(
                    "details-now",
                    &[("status", format!("{}{size}", l.status.label()).into())],
                ))
                .color(palette::status(l.status)),
            );
            if let Some(note) = l.unconfirmed_note() {
                ui.label(RichText::new(note).italics());
            }
        }
        None => {
            ui.label(RichText::new(tr("details-not-yet")).weak());
        }
    }
    ui.label(RichText::new(tr("details-history")).strong());
    if rel.in_force_at_start {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr_args(
                "details-in-force-before",
                &[("date", format_day_long(scenario.span.start, lang).into())],
            ));
            super::sources::sources_ui(ui, &rel.start_sources, cx.commands);
        });
    }
    for (day, status, size, e) in tie_history(&timeline, link) {
        let event = &scenario.events[e];
        ui.horizontal_wrapped(|ui| {
            let what = match (status, size.is_empty()) {
                (Some(s), true) => s.label().to_owned(),
                (Some(s), false) => format!("{} · {}", s.label(), size.label()),
                (None, _) => size.label(),
            };
            let row = tr_args(
                "details-history-row",
                &[
                    ("date", event.dates_label().into()),
                    ("what", what.into()),
                    ("title", event.title_in(lang).into()),
                ],
            );
            let text =
                RichText::new(row).color(status.map_or(ui.visuals().text_color(), palette::status));
            if ui
                .add(egui::Label::new(text).sense(Sense::click()))
                .clicked()
            {
                cx.push(Command::Time(TimeCommand::SetDay(day)));
            }
            super::sources::sources_ui(ui, &event.sources, cx.commands);
        });
    }
}

/// A tie's history as the details panel lists it: every event that sets its status or its
/// size, in the order they take effect — (day, status set, size given, event index).
fn tie_history(timeline: &Timeline, link: RelIx) -> Vec<(Day, Option<Status>, Size, EventIx)> {
    let mut rows: Vec<(Day, Option<Status>, Size, EventIx)> = timeline
        .relationship_history(link)
        .map(|(d, s, e)| (d, Some(s), Size::default(), e))
        .collect();
    for (day, size, e) in timeline.size_history(link) {
        match rows.iter_mut().find(|r| r.3 == e) {
            Some(row) => row.2 = size,
            None => rows.push((day, None, size, e)),
        }
    }
    rows.sort_by_key(|r| (r.0, r.3));
    rows
}

/// Every link at the date as text: reachable by keyboard and screen readers.
fn links_at_date_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    let timeline = cx.document.timeline.clone();
    let scenario = timeline.scenario();
    let links: Vec<_> = cx.at_date.state.links().collect();
    let lang = current_lang();
    egui::CollapsingHeader::new(tr_args(
        "details-all-links",
        &[("count", links.len().into())],
    ))
    .default_open(false)
    .show(ui, |ui| {
        for status in Status::ALL {
            let of_status: Vec<_> = links.iter().filter(|l| l.status == status).collect();
            if of_status.is_empty() {
                continue;
            }
            ui.label(RichText::new(format!("{} ({})", status.label(), of_status.len())).strong());
            for l in of_status {
                let rel = &scenario.relationships[l.relationship];
                let since = super::words::since(l.since);
                if ui
                    .button(format!("{} — {since}", rel.label_in(lang)))
                    .clicked()
                {
                    cx.push(Command::SelectLink(Some(l.relationship)));
                }
            }
        }
    });
}

fn status_at(timeline: &Timeline, relationship: RelIx, day: Day) -> Option<Status> {
    let mut status = timeline
        .scenario()
        .relationship_at(relationship)?
        .in_force_at_start
        .then_some(Status::Active);
    for (d, s, _) in timeline.relationship_history(relationship) {
        if d <= day {
            status = Some(s);
        }
    }
    status
}

/// A Natural Earth continent, region or subregion in the interface's language ("Western
/// Africa", "Afrique de l’Ouest"); a name the catalogue does not know as it is.
fn region_name(name: &str) -> String {
    let key = match name {
        "Africa" => "region-africa",
        "Americas" => "region-americas",
        "Antarctica" => "region-antarctica",
        "Asia" => "region-asia",
        "Australia and New Zealand" => "region-australia-and-new-zealand",
        "Caribbean" => "region-caribbean",
        "Central America" => "region-central-america",
        "Central Asia" => "region-central-asia",
        "Eastern Africa" => "region-eastern-africa",
        "Eastern Asia" => "region-eastern-asia",
        "Eastern Europe" => "region-eastern-europe",
        "Europe" => "region-europe",
        "Melanesia" => "region-melanesia",
        "Micronesia" => "region-micronesia",
        "Middle Africa" => "region-middle-africa",
        "North America" => "region-north-america",
        "Northern Africa" => "region-northern-africa",
        "Northern America" => "region-northern-america",
        "Northern Europe" => "region-northern-europe",
        "Oceania" => "region-oceania",
        "Polynesia" => "region-polynesia",
        "Seven seas (open ocean)" => "region-seven-seas-open-ocean",
        "South America" => "region-south-america",
        "South-Eastern Asia" => "region-south-eastern-asia",
        "Southern Africa" => "region-southern-africa",
        "Southern Asia" => "region-southern-asia",
        "Southern Europe" => "region-southern-europe",
        "Western Africa" => "region-western-africa",
        "Western Asia" => "region-western-asia",
        "Western Europe" => "region-western-europe",
        _ => return name.to_owned(),
    };
    tr(key)
}
