//! The map area: messages on top, the map, zoom buttons, the legend and tooltips.

use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Stroke, Vec2};

use crate::app::{SahelApp, rect_size};
use crate::command::Command;
use crate::map::MapCamera;
use crate::map::widget::{LinkLook, MapClick, MapScene, map_ui, palette};
use crate::model::Status;

impl SahelApp {
    pub(crate) fn map_area_ui(&mut self, ui: &mut egui::Ui) {
        self.messages_ui(ui);
        let rect = ui.available_rect_before_wrap();
        let resized = self.map_rect.size() != rect.size();
        if self.camera.is_none() || (self.camera_is_default && resized) {
            self.camera = Some(MapCamera::sahel(rect_size(rect)));
        }
        self.map_rect = rect;
        let mut camera = self
            .camera
            .unwrap_or_else(|| MapCamera::sahel(rect_size(rect)));
        let fine = self.showing_fine_layer();
        let layer = self.layer().clone();
        let derived = match (&self.derived.fine, fine) {
            (Some(scene), true) => scene,
            _ => &self.derived.coarse,
        };
        let selected = self
            .selected
            .as_deref()
            .and_then(|k| layer.country_index(k));
        let scene = MapScene {
            layer: &layer,
            fills: &derived.fills,
            labels: &derived.labels,
            selected,
            links: &derived.links,
            highlighted_link: self.selected_link,
            nodes: &derived.nodes,
        };
        let before = camera;
        let response = map_ui(ui, rect, &mut camera, &scene, &mut self.mesh_cache);
        if camera != before {
            self.fly = None;
            self.camera_is_default = false;
        }
        self.camera = Some(camera);

        // Tooltips.
        let scenario = self.timeline.scenario();
        let tooltip = if let Some(r) = response.hovered_link {
            let rel = &scenario.relationships[r];
            self.state.link(r).map(|l| {
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
                self.push(Command::SelectCountry(Some(key)));
            }
            Some(MapClick::Link(r)) => self.push(Command::SelectLink(Some(r))),
            Some(MapClick::Node(_)) => {}
            Some(MapClick::Nothing) => {
                self.push(Command::SelectCountry(None));
                self.push(Command::SelectLink(None));
            }
            None => {}
        }

        self.zoom_buttons_ui(ui, rect);
        self.legend_ui(ui, rect, fine);
    }

    fn zoom_buttons_ui(&mut self, ui: &mut egui::Ui, rect: Rect) {
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
                self.push(command);
            }
            y += size.y + 4.0;
        }
    }

    fn legend_ui(&self, ui: &mut egui::Ui, rect: Rect, fine: bool) {
        let painter = ui.painter_at(rect);
        let row = 17.0;
        let rows = Status::ALL.len() + 4;
        let size = Vec2::new(178.0, row * rows as f32 + 12.0);
        let r = Rect::from_min_size(
            Pos2::new(rect.min.x + 10.0, rect.max.y - size.y - 10.0),
            size,
        );
        painter.rect(
            r,
            4.0,
            Color32::from_white_alpha(225),
            Stroke::new(1.0, palette::BORDER),
            egui::StrokeKind::Inside,
        );
        let font = FontId::proportional(12.0);
        let mut y = r.min.y + 6.0 + row / 2.0;
        let text_x = r.min.x + 44.0;
        for status in Status::ALL {
            let look = LinkLook::of(status);
            let pts = [Pos2::new(r.min.x + 8.0, y), Pos2::new(r.min.x + 36.0, y)];
            look.paint(&painter, &pts, 1.0);
            painter.text(
                Pos2::new(text_x, y),
                Align2::LEFT_CENTER,
                status.label(),
                font.clone(),
                palette::LABEL,
            );
            y += row;
        }
        for (color, label) in [
            (palette::SAHEL, "Sahel state"),
            (palette::SAHEL_MILITARY, "Sahel state, military rule"),
            (palette::PARTNER, "Partner state"),
        ] {
            let sw = Rect::from_center_size(Pos2::new(r.min.x + 22.0, y), Vec2::new(26.0, 11.0));
            painter.rect_filled(sw, 2.0, color);
            painter.text(
                Pos2::new(text_x, y),
                Align2::LEFT_CENTER,
                label,
                font.clone(),
                palette::LABEL,
            );
            y += row;
        }
        let scale = if fine {
            "Natural Earth 1:50m"
        } else {
            "Natural Earth 1:110m"
        };
        let source = if self.countries_path.is_some() {
            "Custom countries"
        } else {
            scale
        };
        painter.text(
            Pos2::new(r.min.x + 8.0, y),
            Align2::LEFT_CENTER,
            source,
            FontId::proportional(10.5),
            palette::LABEL.gamma_multiply(0.7),
        );
    }

    fn messages_ui(&mut self, ui: &mut egui::Ui) {
        if self.messages.is_empty() {
            return;
        }
        let mut dismiss = None;
        egui::Frame::new()
            .inner_margin(8)
            .fill(ui.visuals().panel_fill)
            .show(ui, |ui| {
                for (i, m) in self.messages.iter().enumerate() {
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
            self.push(Command::DismissMessage(i));
        }
    }
}
