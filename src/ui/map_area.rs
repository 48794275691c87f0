//! The map area: the map, messages over its top, zoom buttons and tooltips.

use egui::{Color32, Pos2, Rect, RichText, Vec2};

use std::sync::Arc;

use super::Cx;
use crate::app::command::Command;
use crate::app::derived::AtDate;
use crate::app::document::Document;
use crate::app::view::{View, default_camera};
use crate::map::MapLayer;
use crate::map::widget::{MapClick, MapResponse, MapScene, MeshCache, map_ui};
use crate::model::RelIx;
use crate::model::i18n::{Lang, current_lang, tr, tr_args};
use crate::model::{DatePrecision, Day, format_date_with_precision};

/// The map area. `mesh_cache` is the map widget's frame cache (meshes reused while only the
/// date changes): the widget's own memory, not the document or the view.
pub(crate) fn map_area_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, mesh_cache: &mut MeshCache) {
    let rect = ui.available_rect_before_wrap();
    let view = cx.view;
    // The camera `MapResized` will leave, so this frame already draws it. Banners cover the
    // top of the map as they did in the last frame.
    let resized = view.map_rect.size() != rect.size();
    let banner = (view.visible_rect.min.y - view.map_rect.min.y).clamp(0.0, rect.height());
    let mut camera = match view.camera {
        Some(camera) if !(view.camera_is_default && resized) => camera,
        _ => default_camera(
            rect,
            Rect::from_min_max(rect.min + Vec2::Y * banner, rect.max),
        ),
    };
    let layer = cx.document.layer_for(Some(camera)).clone();
    let scene = map_scene(cx.document, view, cx.at_date, &layer);
    let events = scene.marks.events;
    let before = camera;
    let response = map_ui(ui, rect, &mut camera, &scene, mesh_cache);
    if camera != before {
        cx.push(Command::MoveCamera(camera));
    }
    let marker = response
        .hovered_marker
        .and_then(|m| response.markers.get(m))
        .cloned();
    let marker_far = marker.as_ref().map(|m| m.far);
    if response.hovered_link != view.map_hovered_link {
        cx.push(Command::HoverMapLink(response.hovered_link));
    }
    // Conflict events lie under the ties, nodes and markers, over the countries.
    let on_events =
        response.hovered_ties.is_empty() && response.hovered_node.is_none() && marker_far.is_none();
    let event_pick = events
        .filter(|_| on_events)
        .and_then(|marks| super::event_layers::pick_at(ui, &marks, camera, rect));
    match &event_pick {
        Some(pick) => super::event_layers::tooltip_ui(ui, cx, pick, rect),
        None => tooltip_ui(ui, cx, &response, marker.as_ref(), &layer, rect),
    }
    match response.clicked {
        Some(MapClick::Country(_) | MapClick::Nothing) if event_pick.is_some() => {
            let c = crate::app::event_view::EventCommand::List(event_pick);
            cx.push(Command::Events(c));
        }
        _ => click(cx, &response, &layer),
    }
    let banner = messages_ui(ui, cx, rect);
    let visible = Rect::from_min_max(Pos2::new(rect.min.x, rect.min.y + banner), rect.max);
    if view.map_rect != rect || view.visible_rect != visible {
        cx.push(Command::MapResized { map: rect, visible });
    }
    zoom_buttons_ui(ui, cx, visible);
    super::event_layers::event_windows_ui(ui, cx);
}

/// What the map draws on `layer` (the layer for the camera's zoom) for the document and the
/// view: the scene at the date with the event marks, the selection, the highlighted link
/// and the entity in focus. The map widget draws it.
pub(crate) fn map_scene<'a>(
    document: &'a Document,
    view: &'a View,
    at_date: &'a AtDate,
    layer: &'a Arc<MapLayer>,
) -> MapScene<'a> {
    let fine = !Arc::ptr_eq(layer, &document.coarse);
    let derived = at_date.scene(fine);
    let selection = &at_date.selection;
    let focus = view.focus_ties.then_some(selection.entity).flatten();
    let events = (at_date.events).marks(&document.events, &view.events, view.day());
    MapScene {
        layer,
        marks: crate::map::display::SceneRef {
            events,
            ..derived.as_ref()
        },
        selected: selection.country(fine),
        highlighted_link: view.panel_hovered_link.or(view.selected_link),
        focus,
    }
}

/// What the pointer is on, in a few words: a country's name alone, a tie's status and source.
fn tooltip_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    response: &MapResponse,
    marker: Option<&crate::map::display::EdgeMarker>,
    layer: &MapLayer,
    rect: Rect,
) {
    let scenario = cx.document.timeline.scenario();
    let lang = current_lang();
    let far = marker.and_then(|m| Some((m, scenario.entity_at(m.far)?)));
    let (text, wide) = if let Some((marker, far)) = far {
        let mut text = tr_args(
            "map-toward",
            &[
                ("name", far.name_in(lang).into()),
                ("count", marker.count.into()),
            ],
        );
        for &r in &marker.relationships {
            if let Some(rel) = scenario.relationship_at(r) {
                text.push_str("\n• ");
                text.push_str(rel.label_in(lang));
            }
        }
        (Some(text), false)
    } else if !response.hovered_ties.is_empty() {
        (Some(ties_tooltip(cx, &response.hovered_ties)), true)
    } else if let Some(n) = response.hovered_node {
        (Some(node_tooltip(&scenario.entities[n], lang)), false)
    } else {
        let name = response
            .hovered_country
            .map(|c| layer.countries()[c].name_in(lang).to_owned());
        (name, false)
    };
    if let (Some(text), Some(pos)) = (text, ui.ctx().pointer_hover_pos())
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
            // near the middle of the map); a tie's tooltip carries sentences and a URL.
            if wide {
                ui.set_min_width(220.0_f32.min(rect.width()));
            }
            ui.set_max_width(360.0);
            ui.label(text);
        });
    }
}

/// The tooltip of an arc: each tie it stands for (one, or all of a bundle) with its status,
/// since when, and for a single tie its source.
fn ties_tooltip(cx: &Cx<'_>, ties: &[RelIx]) -> String {
    let scenario = cx.document.timeline.scenario();
    let lang = current_lang();
    let mut lines = Vec::new();
    if ties.len() > 1 {
        lines.push(tr_args("map-ties-between", &[("count", ties.len().into())]));
    }
    for &r in ties {
        let rel = &scenario.relationships[r];
        let Some(l) = cx.at_date.state.link(r) else {
            continue;
        };
        let since = match l.event.map(|e| &scenario.events[e]) {
            Some(e) if l.since == Some(Day::from_date(e.date)) => tr_args(
                // "depuis le 4 déc. 2023", but "depuis déc. 2023" for a month.
                match e.precision {
                    DatePrecision::Day => "details-since",
                    _ => "details-since-period",
                },
                &[(
                    "date",
                    format_date_with_precision(e.date, e.precision).into(),
                )],
            ),
            _ => super::words::since(l.since),
        };
        let prefix = if ties.len() > 1 { "• " } else { "" };
        lines.push(format!("{prefix}{}", rel.label_in(lang)));
        let status = tr_args(
            "map-tie-since",
            &[("status", l.status.label().into()), ("since", since.into())],
        );
        lines.push(format!("{prefix}{status}"));
        if let Some(note) = l.unconfirmed_note() {
            lines.push(note);
        }
        let size = l.size.label();
        if !size.is_empty() {
            lines.push(format!("{prefix}{size}"));
        }
        if let Some(site) = &rel.site {
            let at = tr_args("map-at-site", &[("site", site.name.as_str().into())]);
            lines.push(format!("{prefix}{at}"));
        }
        if ties.len() == 1
            && let Some(source) = l.event.and_then(|e| scenario.events[e].sources.first())
        {
            lines.push(tr_args("map-source", &[("source", source.as_str().into())]));
        }
    }
    lines.push(tr("map-click-for-history"));
    lines.join("\n")
}

/// What a click on the map asks for.
fn click(cx: &mut Cx<'_>, response: &MapResponse, layer: &MapLayer) {
    let scenario = cx.document.timeline.scenario();
    match response.clicked {
        Some(MapClick::Country(c)) => {
            let key = layer.countries()[c].key.clone();
            cx.push(Command::SelectCountry(Some(key)));
        }
        Some(MapClick::Link(r)) => cx.push(Command::SelectLink(Some(r))),
        Some(MapClick::Node(n)) => {
            if let Some(e) = scenario.entity_at(n) {
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

    // For a form picking a party or a place.
    if let (Some(click), Some(lon_lat)) = (response.clicked, response.pointer_lon_lat) {
        let entity = match click {
            MapClick::Country(c) => layer.country(c).map(|c| c.key.clone()),
            MapClick::Node(n) => scenario.entity_at(n).map(|e| e.id.clone()),
            _ => None,
        };
        cx.push(Command::Edit(
            crate::app::editing::EditCommand::MapClicked { lon_lat, entity },
        ));
    }
}

fn zoom_buttons_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, rect: Rect) {
    let x = rect.max.x - 10.0;
    let mut y = rect.min.y + 10.0;
    for (text, hint, command) in [
        ("+".to_owned(), tr("map-zoom-in"), Command::ZoomIn),
        ("−".to_owned(), tr("map-zoom-out"), Command::ZoomOut),
        (tr("map-reset"), tr("map-reset-hint"), Command::ResetView),
    ] {
        let word = text.chars().count() > 1;
        let font_size = if word { 14.0 } else { 18.0 };
        // A word's button is as wide as the word in the language shown.
        let size = if word {
            let galley = ui.painter().layout_no_wrap(
                text.clone(),
                egui::FontId::proportional(font_size),
                Color32::WHITE,
            );
            Vec2::new((galley.size().x + 16.0).max(60.0), 30.0)
        } else {
            Vec2::new(30.0, 30.0)
        };
        let r = Rect::from_min_size(Pos2::new(x - size.x, y), size);
        if ui
            .put(r, egui::Button::new(RichText::new(text).size(font_size)))
            .on_hover_text(hint)
            .clicked()
        {
            cx.push(command);
        }
        y += size.y + 4.0;
    }
}

/// The messages, as banners over the top of the map `rect` (they never move the map, nor
/// reframe it); returns how far down they reach. Each shows at most a few lines of details,
/// the rest one click away, so a banner never covers more than the top of the map.
fn messages_ui(ui: &mut egui::Ui, cx: &mut Cx<'_>, rect: Rect) -> f32 {
    if cx.view.messages.is_empty() {
        return 0.0;
    }
    let mut dismiss = None;
    let max_height = rect.height() * 0.3;
    // An area of its own, over the map: the pointer on a banner never reaches the map.
    let shown = egui::Area::new(ui.scope_id().with("banners"))
        .fixed_pos(rect.min)
        .movable(false)
        .constrain_to(rect)
        .show(ui.ctx(), |ui| {
            ui.set_width(rect.width());
            egui::Frame::new()
                .inner_margin(8)
                .fill(ui.visuals().panel_fill)
                .show(ui, |ui| {
                    ui.set_width(rect.width() - 16.0);
                    egui::ScrollArea::vertical()
                        .max_height(max_height - 16.0)
                        .auto_shrink([false, true])
                        .show(ui, |ui| {
                            for (i, m) in cx.view.messages.iter().enumerate() {
                                if message_ui(ui, m) {
                                    dismiss = Some(i);
                                }
                            }
                        });
                })
        });
    if let Some(i) = dismiss {
        cx.push(Command::DismissMessage(i));
    }
    shown.response.rect.height()
}

/// One message: its headline, a Dismiss button and its details (a few, the rest folded);
/// returns whether it was dismissed.
fn message_ui(ui: &mut egui::Ui, m: &crate::app::message::Message) -> bool {
    let color = if m.is_error {
        Color32::from_rgb(0xB0, 0x20, 0x20)
    } else {
        Color32::from_rgb(0x9A, 0x60, 0x00)
    };
    let mut dismissed = false;
    ui.horizontal(|ui| {
        dismissed = ui.small_button(tr("map-dismiss")).clicked();
        ui.add(egui::Label::new(RichText::new(&m.headline).color(color).strong()).wrap());
    });
    let detail = |ui: &mut egui::Ui, line: &String| {
        ui.label(RichText::new(line).monospace().size(11.5));
    };
    m.details.iter().take(3).for_each(|line| detail(ui, line));
    if m.details.len() > 3 {
        egui::CollapsingHeader::new(tr_args(
            "map-more",
            &[("count", (m.details.len() - 3).into())],
        ))
        .id_salt(("message", &m.headline))
        .show(ui, |ui| {
            m.details.iter().skip(3).for_each(|line| detail(ui, line))
        });
    }
    dismissed
}

/// A node's tooltip: its name, and what its place is (marked when the scenario has it in
/// English only).
fn node_tooltip(e: &crate::model::Entity, lang: Lang) -> String {
    match e.place_label_in(lang) {
        Some((place, true)) => format!("{}\n{place}", e.name_in(lang)),
        Some((place, false)) => {
            format!("{}\n{place} {}", e.name_in(lang), tr("details-in-english"))
        }
        None => e.name_in(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_s_place_is_said_in_french_where_the_scenario_translates_it() {
        let timeline = crate::io::embedded::default_timeline().expect("embedded");
        let scenario = timeline.scenario();
        let entity = |id: &str| {
            (scenario.entities.iter())
                .find(|e| e.id == id)
                .expect("entity")
        };
        assert_eq!(
            node_tooltip(entity("AU"), Lang::En),
            "African Union\nAddis Ababa"
        );
        assert_eq!(
            node_tooltip(entity("AU"), Lang::Fr),
            "Union africaine\nAddis-Abeba"
        );
        let mut untranslated = entity("AU").clone();
        untranslated.i18n = Default::default();
        let said = node_tooltip(&untranslated, Lang::Fr);
        assert!(said.starts_with("African Union\nAddis Ababa "), "{said}");
        // Every organisation's place is translated.
        for e in &scenario.entities {
            if let Some((place, translated)) = e.place_label_in(Lang::Fr) {
                assert!(translated, "{}: {place}", e.id);
            }
        }
    }
}
