//! The map area: messages on top, the map, zoom buttons, the legend and tooltips.

use egui::{Color32, Pos2, Rect, RichText, Vec2};

use std::sync::Arc;

use super::Cx;
use crate::app::command::Command;
use crate::app::view::{MapMarks, rect_size};
use crate::map::MapCamera;
use crate::map::widget::{MapClick, MapScene, MeshCache, map_ui};

/// The map area. `mesh_cache` is the map widget's frame cache (meshes reused while only the
/// date changes): the widget's own memory, not the document or the view.
pub(crate) fn map_area_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, mesh_cache: &mut MeshCache) {
    messages_ui(ui, cx);
    let rect = ui.available_rect_before_wrap();
    let view = cx.view;
    if view.map_rect != rect {
        cx.push(Command::MapResized(rect));
    }
    // The camera `MapResized` will leave, so this frame already draws it.
    let resized = view.map_rect.size() != rect.size();
    let mut camera = match view.camera {
        Some(camera) if !(view.camera_is_default && resized) => camera,
        _ => MapCamera::sahel(rect_size(rect)),
    };
    let layer = cx.document.layer_for(Some(camera)).clone();
    let fine = !Arc::ptr_eq(&layer, &cx.document.coarse);
    let derived = cx.at_date.scene(fine);
    let selected = view
        .selected
        .as_deref()
        .and_then(|k| layer.country_index(k));
    let focus = view
        .focus_ties
        .then(|| {
            view.selected
                .as_deref()
                .and_then(|k| cx.document.timeline.entity_index(k))
        })
        .flatten();
    let scene = MapScene {
        layer: &layer,
        marks: derived.as_ref(),
        selected,
        highlighted_link: view.panel_hovered_link.or(view.selected_link),
        focus,
    };
    let before = camera;
    let mut response = map_ui(ui, rect, &mut camera, &scene, mesh_cache);
    if camera != before {
        cx.push(Command::MoveCamera(camera));
    }
    let marks = MapMarks {
        labels: std::mem::take(&mut response.labels),
        markers: std::mem::take(&mut response.markers),
    };
    if response.hovered_link != view.map_hovered_link || marks != view.map_marks {
        cx.push(Command::MapDrawn {
            hovered_link: response.hovered_link,
            marks,
        });
    }

    // Tooltips.
    let scenario = cx.document.timeline.scenario();
    let tooltip = if let Some(r) = response.hovered_link {
        let rel = &scenario.relationships[r];
        cx.at_date.state.link(r).map(|l| {
            let since = l.since.map_or_else(
                || "before the span".to_owned(),
                |d| d.to_date().strftime("%-d %b %Y").to_string(),
            );
            let source = l
                .event
                .and_then(|e| scenario.events[e].sources.first())
                .map(|s| format!("\nSource: {s}"))
                .unwrap_or_default();
            format!(
                "{}\n{} since {since}{}{source}\nClick for its history",
                rel.label,
                l.status.label(),
                l.unconfirmed_note()
                    .map(|n| format!("\n{n}"))
                    .unwrap_or_default()
            )
        })
    } else if let Some(n) = response.hovered_node {
        let e = &scenario.entities[n];
        let place = e
            .place
            .as_ref()
            .and_then(|p| p.label.clone())
            .unwrap_or_default();
        Some(format!("{}\n{place}", e.name))
    } else {
        response
            .hovered_country
            .map(|c| layer.countries()[c].name.clone())
    };
    if let (Some(text), Some(pos)) = (tooltip, ui.ctx().pointer_hover_pos())
        && rect.contains(pos)
    {
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            ui.scope_id().with("map_tooltip"),
            pos + Vec2::new(14.0, 14.0),
        )
        .show(|ui| {
            // A tooltip anchored at a point can be laid out in a sliver of width (seen
            // near the middle of the map); link tooltips carry a sentence and a URL.
            ui.set_min_width(220.0_f32.min(rect.width()));
            ui.set_max_width(360.0);
            ui.label(text);
        });
    }
    match response.clicked {
        Some(MapClick::Country(c)) => {
            let key = layer.countries()[c].key.clone();
            cx.push(Command::SelectCountry(Some(key)));
        }
        Some(MapClick::Link(r)) => cx.push(Command::SelectLink(Some(r))),
        Some(MapClick::Node(n)) => {
            if let Some(e) = scenario.entities.get(n) {
                cx.push(Command::SelectCountry(Some(e.id.clone())));
            }
        }
        Some(MapClick::Frame(a, b)) => cx.push(Command::FrameWorld(a, b)),
        Some(MapClick::Nothing) => {
            cx.push(Command::SelectCountry(None));
            cx.push(Command::SelectLink(None));
        }
        None => {}
    }

    if let Some(click) = &response.clicked
        && let Some(pos) = ui.ctx().pointer_interact_pos()
    {
        // For a form picking a party or a place.
        let center = [f64::from(rect.center().x), f64::from(rect.center().y)];
        let world = camera.world_from_screen([f64::from(pos.x), f64::from(pos.y)], center);
        let entity = match click {
            MapClick::Country(c) => Some(layer.countries()[*c].key.clone()),
            MapClick::Node(n) => scenario.entities.get(*n).map(|e| e.id.clone()),
            _ => None,
        };
        cx.push(Command::Edit(
            crate::app::editing::EditCommand::MapClicked {
                lon_lat: crate::map::lon_lat_from_world(world[0], world[1]),
                entity,
            },
        ));
    }
    zoom_buttons_ui(ui, cx, rect);
    super::legend::legend_ui(ui, cx, rect, fine);
}

fn zoom_buttons_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, rect: Rect) {
    let x = rect.max.x - 10.0;
    let mut y = rect.min.y + 10.0;
    for (text, hint, command) in [
        ("+", "Zoom in (+)", Command::ZoomIn),
        ("−", "Zoom out (−)", Command::ZoomOut),
        ("Reset", "Reset view (0)", Command::ResetView),
    ] {
        let size = if text.len() > 3 {
            Vec2::new(60.0, 30.0)
        } else {
            Vec2::new(30.0, 30.0)
        };
        let r = Rect::from_min_size(Pos2::new(x - size.x, y), size);
        if ui
            .put(
                r,
                egui::Button::new(RichText::new(text).size(if text.len() > 3 {
                    14.0
                } else {
                    18.0
                })),
            )
            .on_hover_text(hint)
            .clicked()
        {
            cx.push(command);
        }
        y += size.y + 4.0;
    }
}

fn messages_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>) {
    if cx.view.messages.is_empty() {
        return;
    }
    let mut dismiss = None;
    egui::Frame::new()
        .inner_margin(8)
        .fill(ui.visuals().panel_fill)
        .show(ui, |ui| {
            for (i, m) in cx.view.messages.iter().enumerate() {
                let color = if m.is_error {
                    Color32::from_rgb(0xB0, 0x20, 0x20)
                } else {
                    Color32::from_rgb(0x9A, 0x60, 0x00)
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&m.headline).color(color).strong());
                    if ui.small_button("Dismiss").clicked() {
                        dismiss = Some(i);
                    }
                });
                for line in m.details.iter().take(20) {
                    ui.label(RichText::new(line).monospace().size(11.5));
                }
                if m.details.len() > 20 {
                    ui.label(format!("… and {} more", m.details.len() - 20));
                }
            }
        });
    if let Some(i) = dismiss {
        cx.push(Command::DismissMessage(i));
    }
}
