//! The legend, a section of the side panel, which is also where a person chooses what is drawn: statuses,
//! kinds and partner groups, each with how many links it holds at the date, and the
//! country fills the exports' legend explains too.

use egui::{Pos2, RichText, Sense, Vec2};

use super::Cx;
use crate::app::command::Command;
use crate::map::display::{Canvas as _, LEGEND_FILLS, Line, Paint};
use crate::map::legend_samples::{Sample, draw_sample};
use crate::map::paint::EguiCanvas;
use crate::model::i18n::{current_lang, format_day_short, tr, tr_args, tr_static};
use crate::model::{RelationshipKind, Status};

/// Links at the date by status, kind and partner group.
struct Counts {
    by_status: [usize; 5],
    by_kind: [usize; RelationshipKind::ALL.len()],
    by_group: Vec<usize>,
}

impl Counts {
    fn of(cx: &Cx<'_>) -> Self {
        let timeline = &cx.document.timeline;
        let scenario = timeline.scenario();
        let mut counts = Self {
            by_status: [0; 5],
            by_kind: [0; RelationshipKind::ALL.len()],
            by_group: vec![0; timeline.groups().len()],
        };
        for link in cx.at_date.state.links() {
            if let Some(i) = Status::ALL.iter().position(|&s| s == link.status) {
                counts.by_status[i] += 1;
            }
            let group = timeline.group_of_relationship(link.relationship);
            if let Some(n) = counts.by_group.get_mut(group) {
                *n += 1;
            }
            let kind = scenario.relationships[link.relationship].kind;
            if let Some(i) = RelationshipKind::ALL.iter().position(|&k| k == kind) {
                counts.by_kind[i] += 1;
            }
        }
        counts
    }
}

/// The legend and filters: a collapsible section of the side panel (it never covers the
/// map). Its rows never move under the pointer: sections open downwards in a scroll area of
/// their own, and "Show all links" is always there, greyed out when nothing is filtered.
pub(crate) fn legend_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, fine: bool, max_height: f32) {
    let counts = Counts::of(cx);
    let mut filter = cx.view.filter.clone();
    let mut focus = cx.view.focus_ties;
    let source = if cx.document.countries_path.is_some() {
        tr("legend-custom-countries")
    } else if fine {
        tr("legend-natural-earth-50")
    } else {
        tr("legend-natural-earth-110")
    };
    egui::CollapsingHeader::new(RichText::new(tr("legend-and-filters")).strong())
        .id_salt("legend")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("legend_scroll")
                .max_height(max_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    super::event_layers::legend_section_ui(ui, cx);
                    legend_rows_ui(ui, cx, &mut filter, &mut focus, &counts);
                    ui.label(RichText::new(source).size(10.5).weak());
                });
        });
    if filter != cx.view.filter {
        cx.push(Command::SetFilter(filter));
    }
    if focus != cx.view.focus_ties {
        cx.push(Command::SetFocusTies(focus));
    }
}

/// The legend's rows, each a key and a filter: compare mode's key, statuses, widths and
/// sites, kinds, partners, countries, the focus switch and "Show all links".
fn legend_rows_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    filter: &mut crate::model::LinkFilter,
    focus: &mut bool,
    counts: &Counts,
) {
    compare_key_ui(ui, cx);
    status_rows_ui(ui, filter, counts);
    // Closed at first, so the legend stays short.
    egui::CollapsingHeader::new(RichText::new(tr("legend-width-and-sites")).strong())
        .id_salt("legend_sizes")
        .show(ui, troops_row_ui);
    kinds_ui(ui, cx, filter, counts);
    partners_ui(ui, cx, filter, counts);
    countries_key_ui(ui);
    ui.checkbox(focus, tr("legend-focus"))
        .on_hover_text(tr("legend-focus-hint"));
    let show_all = egui::Button::new(tr("legend-show-all")).small();
    if ui.add_enabled(!filter.is_empty(), show_all).clicked() {
        *filter = crate::model::LinkFilter::default();
    }
}

/// In compare mode: what the map's drawings of a change mean.
fn compare_key_ui(ui: &mut egui::Ui, cx: &Cx<'_>) {
    let Some((a, b)) = cx.view.compare.range else {
        return;
    };
    ui.label(
        RichText::new(tr_args(
            "legend-compare-from-to",
            &[
                ("from", format_day_short(a.to_date(), current_lang()).into()),
                ("to", format_day_short(b.to_date(), current_lang()).into()),
            ],
        ))
        .strong(),
    );
    for (label, kind) in crate::map::display::COMPARE_LEGEND {
        let label = tr_static(label);
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(Vec2::new(30.0, 12.0), Sense::hover());
            let mut canvas = EguiCanvas::new(ui.painter(), Pos2::ZERO, None);
            // On the map's own land colour, as the map shows it, so that the ink of "ended"
            // reads in the dark theme.
            let backing = r.expand(2.0);
            canvas.rect(
                [backing.min.x, backing.min.y],
                [backing.max.x, backing.max.y],
                Some(Paint::solid(crate::map::style::LAND)),
                None,
            );
            let (min, max) = line_box(r);
            draw_sample(&mut canvas, Sample::Compare(kind), min, max);
            // Wrapped beside its sample: the panel is narrow at 1024×640.
            ui.add(egui::Label::new(label).wrap());
        });
    }
    ui.label(RichText::new(tr("legend-everything-else")).weak());
    ui.separator();
}

fn status_rows_ui(ui: &mut egui::Ui, filter: &mut crate::model::LinkFilter, counts: &Counts) {
    egui::CollapsingHeader::new(RichText::new(tr("legend-by-status")).strong())
        .id_salt("legend_status")
        .default_open(true)
        .show(ui, |ui| {
            for (i, status) in Status::ALL.into_iter().enumerate() {
                let mut shown = !filter.hidden_statuses.contains(&status);
                ui.horizontal(|ui| {
                    let label = format!("{} ({})", status.label(), counts.by_status[i]);
                    let hint = tr_args(
                        "legend-show-status",
                        &[("status", status.label().to_lowercase().into())],
                    );
                    let check = ui.checkbox(&mut shown, "").on_hover_text(hint);
                    line_sample(ui, &Line::of_link(status));
                    // The row's text toggles too, and names the box for screen readers.
                    let text = ui.add(egui::Label::new(label).sense(Sense::CLICK));
                    if check.changed() || text.clicked() {
                        filter.toggle_status(status);
                    }
                });
            }
            ui.horizontal(|ui| {
                ui.add_space(ui.spacing().interact_size.x + ui.spacing().item_spacing.x);
                line_sample(ui, &Line::unconfirmed(Status::Active));
                ui.label(tr_static(Line::UNCONFIRMED_LABEL))
                    .on_hover_text(tr("legend-unconfirmed-hint"));
            });
        });
}

fn kinds_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    filter: &mut crate::model::LinkFilter,
    counts: &Counts,
) {
    let scenario = cx.document.timeline.scenario();
    egui::CollapsingHeader::new(RichText::new(tr("legend-kinds")).strong())
        .id_salt("legend_kinds")
        .show(ui, |ui| {
            for (i, kind) in RelationshipKind::ALL.into_iter().enumerate() {
                if !scenario.relationships.iter().any(|r| r.kind == kind) {
                    continue;
                }
                let mut shown = !filter.hidden_kinds.contains(&kind);
                let label = format!("{} ({})", capitalised(kind.label()), counts.by_kind[i]);
                if ui.checkbox(&mut shown, label).changed() {
                    filter.toggle_kind(kind);
                }
            }
        });
}

fn partners_ui(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    filter: &mut crate::model::LinkFilter,
    counts: &Counts,
) {
    let groups = cx.document.timeline.groups();
    egui::CollapsingHeader::new(RichText::new(tr("legend-partners")).strong())
        .id_salt("legend_partners")
        .show(ui, |ui| {
            for (group, count) in groups.iter().zip(&counts.by_group) {
                let mut shown = !filter.hidden_groups.contains(&group.id);
                ui.horizontal(|ui| {
                    if ui
                        .checkbox(
                            &mut shown,
                            format!("{} ({count})", group.label_in(current_lang())),
                        )
                        .changed()
                    {
                        filter.toggle_group(&group.id);
                    }
                    sample_ui(ui, Sample::Fill(group.colour), Vec2::new(10.0, 10.0));
                });
            }
        });
}

fn countries_key_ui(ui: &mut egui::Ui) {
    egui::CollapsingHeader::new(RichText::new(tr_static("legend-countries")).strong())
        .id_salt("legend_countries")
        .show(ui, |ui| {
            for (rgb, label) in LEGEND_FILLS {
                let label = tr_static(label);
                ui.horizontal(|ui| {
                    sample_ui(ui, Sample::Fill(rgb), Vec2::new(26.0, 12.0));
                    ui.label(label);
                });
            }
            ui.horizontal(|ui| {
                sample_ui(ui, Sample::Organisation, Vec2::new(26.0, 12.0));
                ui.label(tr_static("legend-organisation"));
            });
        });
}

/// Draws `sample` in a box of `size` in the row, through the map's own egui canvas (the
/// items and styles the map and the pictures' legend use).
fn sample_ui(ui: &mut egui::Ui, sample: Sample, size: Vec2) {
    let (r, _) = ui.allocate_exact_size(size, Sense::hover());
    let mut canvas = EguiCanvas::new(ui.painter(), Pos2::ZERO, None);
    draw_sample(&mut canvas, sample, [r.min.x, r.min.y], [r.max.x, r.max.y]);
}

/// The box of a line sample in `r`: a point in from each end.
fn line_box(r: egui::Rect) -> ([f32; 2], [f32; 2]) {
    ([r.min.x + 1.0, r.min.y], [r.max.x - 1.0, r.max.y])
}

/// A short sample of a link's line, as the map draws it.
fn line_sample(ui: &mut egui::Ui, line: &Line) {
    let (r, _) = ui.allocate_exact_size(Vec2::new(30.0, 12.0), Sense::hover());
    let (min, max) = line_box(r);
    let mut canvas = EguiCanvas::new(ui.painter(), Pos2::ZERO, None);
    draw_sample(&mut canvas, Sample::Link(*line), min, max);
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The row that explains arc widths: three samples, 100, 1,000 and 10,000 troops, and the
/// site marker.
fn troops_row_ui(ui: &mut egui::Ui) {
    let indent = ui.spacing().interact_size.x + ui.spacing().item_spacing.x;
    ui.horizontal(|ui| {
        ui.add_space(indent);
        // The theme's text colour: the map's ink would vanish on a dark panel.
        let [r, g, b, a] = ui.visuals().text_color().to_srgba_unmultiplied();
        let ink = Paint {
            rgb: [r, g, b],
            alpha: f32::from(a) / 255.0,
        };
        sample_ui(ui, Sample::Troops(Some(ink)), Vec2::new(42.0, 14.0));
        ui.label(tr_static(crate::map::display::TROOPS_LEGEND_LABEL))
            .on_hover_text(tr("legend-troops-hint"));
    });
    ui.horizontal(|ui| {
        ui.add_space(indent);
        sample_ui(ui, Sample::Site, Vec2::new(30.0, 12.0));
        ui.label(tr_static(crate::map::display::SITE_LEGEND_LABEL))
            .on_hover_text(tr("legend-site-hint"));
    });
}
