//! The legend on the map, which is also where a person chooses what is drawn: statuses,
//! kinds and partner groups, each with how many links it holds at the date, and the
//! country fills the exports' legend explains too.

use egui::{Color32, Pos2, RichText, Sense, Vec2};

use super::Cx;
use crate::app::command::Command;
use crate::map::display::{LEGEND_FILLS, Line};
use crate::map::paint;
use crate::model::{RelationshipKind, Status};

/// The legend and filters, at the bottom left of the map `rect`.
pub(crate) fn legend_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, rect: egui::Rect, fine: bool) {
    {
        let scenario = cx.document.timeline.scenario();
        let mut by_status = [0usize; 5];
        let mut by_kind = [0usize; RelationshipKind::ALL.len()];
        let groups = cx.document.timeline.groups();
        let mut by_group = vec![0usize; groups.len()];
        for link in cx.at_date.state.links() {
            if let Some(i) = Status::ALL.iter().position(|&s| s == link.status) {
                by_status[i] += 1;
            }
            if let Some(n) = by_group.get_mut(
                cx.document
                    .timeline
                    .group_of_relationship(link.relationship),
            ) {
                *n += 1;
            }
            let kind = scenario.relationships[link.relationship].kind;
            if let Some(i) = RelationshipKind::ALL.iter().position(|&k| k == kind) {
                by_kind[i] += 1;
            }
        }
        let present: Vec<RelationshipKind> = RelationshipKind::ALL
            .into_iter()
            .filter(|k| scenario.relationships.iter().any(|r| r.kind == *k))
            .collect();
        let mut filter = cx.view.filter.clone();
        let mut focus = cx.view.focus_ties;
        let source = if cx.document.countries_path.is_some() {
            "Custom countries"
        } else if fine {
            "Natural Earth 1:50m"
        } else {
            "Natural Earth 1:110m"
        };
        egui::Area::new(ui.scope_id().with("legend"))
            .fixed_pos(Pos2::new(rect.min.x + 10.0, rect.max.y - 10.0))
            .pivot(egui::Align2::LEFT_BOTTOM)
            .constrain_to(rect)
            .show(ui.ctx(), |ui| {
                // The panel follows the theme; the samples are the map's own colours.
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(250.0);
                        if let Some((a, b)) = cx.view.compare.range {
                            ui.label(RichText::new(format!(
                                "What changed from {} to {}",
                                a.to_date().strftime("%-d %b %Y"),
                                b.to_date().strftime("%-d %b %Y")
                            ))
                            .strong());
                            for (label, kind) in crate::map::display::COMPARE_LEGEND {
                                ui.horizontal(|ui| {
                                    let (r, _) = ui.allocate_exact_size(
                                        Vec2::new(30.0, 12.0),
                                        Sense::hover(),
                                    );
                                    // On the map's own land colour, as the map shows it,
                                    // so that the ink of "ended" reads in the dark theme.
                                    let [lr, lg, lb] = crate::map::style::LAND;
                                    ui.painter().rect_filled(
                                        r.expand(2.0),
                                        2.0,
                                        Color32::from_rgb(lr, lg, lb),
                                    );
                                    let items = crate::map::display::compare_sample(
                                        kind,
                                        [r.min.x + 1.0, r.center().y],
                                        [r.max.x - 1.0, r.center().y],
                                    );
                                    for item in items {
                                        if let crate::map::display::Item::Polyline {
                                            points, line, ..
                                        } = item
                                        {
                                            let points: Vec<Pos2> =
                                                points.iter().map(|p| Pos2::new(p[0], p[1])).collect();
                                            let stroke =
                                                egui::Stroke::new(line.width, paint::color(line.paint));
                                            match line.dash {
                                                None => {
                                                    ui.painter().line(points, stroke);
                                                }
                                                Some((d, g)) => {
                                                    ui.painter().extend(egui::Shape::dashed_line(
                                                        &points, stroke, d, g,
                                                    ));
                                                }
                                            }
                                        }
                                    }
                                    ui.label(label);
                                });
                            }
                            ui.label(RichText::new("Everything else is faded.").weak());
                            ui.separator();
                        }
                        egui::CollapsingHeader::new(RichText::new("Links by status").strong())
                            .id_salt("legend_status")
                            .default_open(true)
                            .show(ui, |ui| {
                                for (i, status) in Status::ALL.into_iter().enumerate() {
                                    let mut shown = !filter.hidden_statuses.contains(&status);
                                    ui.horizontal(|ui| {
                                        if ui
                                            .checkbox(&mut shown, "")
                                            .on_hover_text(format!(
                                                "Show links that are {}",
                                                status.label().to_lowercase()
                                            ))
                                            .changed()
                                        {
                                            filter.toggle_status(status);
                                        }
                                        line_sample(ui, &Line::of_link(status));
                                        ui.label(format!("{} ({})", status.label(), by_status[i]));
                                    });
                                }
                                ui.horizontal(|ui| {
                                    ui.add_space(ui.spacing().interact_size.x + ui.spacing().item_spacing.x);
                                    line_sample(ui, &Line::unconfirmed(Status::Active));
                                    ui.label(Line::UNCONFIRMED_LABEL).on_hover_text(
                                        "No source has confirmed the status since a date: the tooltip and the details say which",
                                    );
                                });
                            });
                        egui::CollapsingHeader::new(RichText::new("Kinds").strong())
                            .id_salt("legend_kinds")
                            .show(ui, |ui| {
                                for kind in &present {
                                    let i = RelationshipKind::ALL
                                        .iter()
                                        .position(|k| k == kind)
                                        .unwrap_or(0);
                                    let mut shown = !filter.hidden_kinds.contains(kind);
                                    let label = format!("{} ({})", capitalised(kind.label()), by_kind[i]);
                                    if ui.checkbox(&mut shown, label).changed() {
                                        filter.toggle_kind(*kind);
                                    }
                                }
                            });
                        egui::CollapsingHeader::new(RichText::new("Partners").strong())
                            .id_salt("legend_partners")
                            .show(ui, |ui| {
                                for (group, count) in groups.iter().zip(&by_group) {
                                    let mut shown = !filter.hidden_groups.contains(&group.id);
                                    ui.horizontal(|ui| {
                                        if ui
                                            .checkbox(&mut shown, format!("{} ({count})", group.label))
                                            .changed()
                                        {
                                            filter.toggle_group(&group.id);
                                        }
                                        let [r, g, b] = group.colour;
                                        let (rect, _) = ui.allocate_exact_size(Vec2::new(10.0, 10.0), Sense::hover());
                                        ui.painter().rect_filled(rect, 2.0, Color32::from_rgb(r, g, b));
                                    });
                                }
                            });
                        egui::CollapsingHeader::new(RichText::new("Countries").strong())
                            .id_salt("legend_countries")
                            .show(ui, |ui| {
                                for (rgb, label) in LEGEND_FILLS {
                                    ui.horizontal(|ui| {
                                        let (r, _) = ui.allocate_exact_size(Vec2::new(26.0, 12.0), Sense::hover());
                                        ui.painter().rect_filled(r, 2.0, Color32::from_rgb(rgb[0], rgb[1], rgb[2]));
                                        ui.label(label);
                                    });
                                }
                                ui.horizontal(|ui| {
                                    let (r, _) = ui.allocate_exact_size(Vec2::new(26.0, 12.0), Sense::hover());
                                    ui.painter().circle(
                                        r.center(),
                                        5.0,
                                        paint::color(crate::map::display::marks::NODE_FILL),
                                        egui::Stroke::new(2.0, paint::color(crate::map::display::marks::NODE_LINE.paint)),
                                    );
                                    ui.label("Organisation");
                                });
                            });
                        ui.checkbox(&mut focus, "Focus on the selection")
                            .on_hover_text("Draw the selected country's or organisation's ties at full strength and fade the rest");
                        if !filter.is_empty() && ui.small_button("Show all links").clicked() {
                            filter = crate::model::LinkFilter::default();
                        }
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
}

/// A short sample of a link's line, as the map draws it.
fn line_sample(ui: &mut egui::Ui, line: &Line) {
    let (r, _) = ui.allocate_exact_size(Vec2::new(30.0, 12.0), Sense::hover());
    let points = [
        Pos2::new(r.min.x + 1.0, r.center().y),
        Pos2::new(r.max.x - 1.0, r.center().y),
    ];
    let stroke = egui::Stroke::new(line.width, paint::color(line.paint));
    match line.dash {
        None => {
            ui.painter().line_segment(points, stroke);
        }
        Some((dash, gap)) => {
            ui.painter()
                .extend(egui::Shape::dashed_line(&points, stroke, dash, gap));
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
