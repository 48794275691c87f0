//! Replaying a list onto a backend: the [`Canvas`] trait that PNG, SVG and the screen
//! implement, and [`replay`], the one walk over [`Item`].

use super::{DisplayList, Item, Line, Meta, Paint, TextStyle};
use crate::map::layer::{CountryMesh, MapLayer};
use crate::map::style;

/// A country's rings in frame pixels, skipping points closer than `min_step` to the last kept
/// one and the closing repeat; rings wholly out of the frame and rings of fewer than 3 points
/// are left out.
pub fn country_rings(list: &DisplayList, mesh: &CountryMesh, min_step: f32) -> Vec<Vec<[f32; 2]>> {
    mesh.rings()
        .filter_map(|ring| {
            let mut out: Vec<[f32; 2]> = Vec::with_capacity(ring.len().min(1024));
            let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
            for v in ring {
                let p = list.pixel_from_world([f64::from(v[0]), f64::from(v[1])]);
                let keep = out.last().is_none_or(|q| {
                    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                    dx * dx + dy * dy >= min_step * min_step
                });
                if keep {
                    for k in 0..2 {
                        lo[k] = lo[k].min(p[k]);
                        hi[k] = hi[k].max(p[k]);
                    }
                    out.push(p);
                }
            }
            if out.len() > 1 && out.first() == out.last() {
                out.pop();
            }
            let visible =
                hi[0] >= 0.0 && hi[1] >= 0.0 && lo[0] <= list.size[0] && lo[1] <= list.size[1];
            (out.len() >= 3 && visible).then_some(out)
        })
        .collect()
}

/// One of the layer's country items, offered to [`Canvas::country_part`] before it is drawn
/// as rings.
#[derive(Clone, Copy, Debug)]
pub enum CountryPart<'a> {
    /// [`Item::Countries`]: every country in view, filled with [`DisplayList::fills`].
    Fills,
    /// [`Item::Borders`].
    Borders(&'a Line),
    /// [`Item::CountryTint`].
    Tint(crate::io::CountryIx, Paint),
    /// [`Item::CountryOutline`].
    Outline(crate::io::CountryIx, &'a Line),
}

/// A backend: PNG (tiny-skia), SVG and the screen (egui) each implement it, and [`replay`]
/// walks a list onto it. Countries come as rings in pixels through [`Canvas::rings`] unless
/// the backend draws them its own way ([`Canvas::country_part`]: the screen's cached
/// meshes).
pub trait Canvas {
    /// Starts a named group (an SVG `<g id>`).
    fn begin_group(&mut self, _id: &str) {}
    /// Ends the group begun last.
    fn end_group(&mut self) {}
    /// Closed rings, filled with the even-odd rule and/or outlined.
    fn rings(
        &mut self,
        rings: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        meta: Option<Meta>,
    );
    /// An open polyline.
    fn polyline(&mut self, points: &[[f32; 2]], line: &Line, meta: Option<Meta>);
    /// A circle.
    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line);
    /// An axis-aligned rectangle.
    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>);
    /// A line of text centred vertically on `at`.
    fn text(&mut self, at: [f32; 2], text: &str, style: &TextStyle);
    /// Country ring points closer than this (pixels) to the last one kept are left out:
    /// vector output keeps detail for zooming in, pixels match the screen's borders.
    fn ring_step(&self) -> f32 {
        0.5
    }
    /// Draws a country item its own way and returns true, or returns false to get it as
    /// rings (the default).
    fn country_part(
        &mut self,
        _list: &DisplayList,
        _layer: &MapLayer,
        _part: CountryPart<'_>,
    ) -> bool {
        false
    }
}

/// Draws `list` onto `canvas`, countries from `layer`'s meshes at the detail for the list's
/// zoom.
pub fn replay(list: &DisplayList, layer: &MapLayer, canvas: &mut impl Canvas) {
    replay_items(&list.items, Some((list, layer)), canvas);
}

/// Draws `items` onto `canvas`: the one walk over [`Item`]. Country items need the list they
/// belong to and its layer (`countries`); without them (a chart) they draw nothing.
pub fn replay_items(
    items: &[Item],
    countries: Option<(&DisplayList, &MapLayer)>,
    canvas: &mut impl Canvas,
) {
    let mut borders: Vec<Vec<[f32; 2]>> = Vec::new();
    for item in items {
        match item {
            Item::Group(id) => canvas.begin_group(id),
            Item::EndGroup => canvas.end_group(),
            Item::Countries => {
                if let Some((list, layer)) = countries {
                    borders = country_fills(list, layer, canvas);
                }
            }
            Item::Borders(line) => {
                if let Some((list, layer)) = countries
                    && !canvas.country_part(list, layer, CountryPart::Borders(line))
                {
                    if borders.is_empty() {
                        borders = rings_in_view(list, layer, canvas.ring_step());
                    }
                    canvas.rings(&borders, None, Some(line), None);
                }
            }
            Item::CountryTint(c, paint) => {
                if let Some((list, layer)) = countries
                    && !canvas.country_part(list, layer, CountryPart::Tint(*c, *paint))
                    && let Some(mesh) = layer.meshes_for_scale(list.camera.scale).get(c.index())
                {
                    let rings = country_rings(list, mesh, canvas.ring_step());
                    canvas.rings(&rings, Some(*paint), None, None);
                }
            }
            Item::CountryOutline(c, line) => {
                if let Some((list, layer)) = countries
                    && !canvas.country_part(list, layer, CountryPart::Outline(*c, line))
                    && let Some(mesh) = layer.meshes_for_scale(list.camera.scale).get(c.index())
                {
                    let rings = country_rings(list, mesh, canvas.ring_step());
                    canvas.rings(&rings, None, Some(line), None);
                }
            }
            Item::Rings { rings, fill, line } => canvas.rings(rings, *fill, line.as_ref(), None),
            Item::Polyline { points, line, meta } => canvas.polyline(points, line, *meta),
            Item::Circle {
                center,
                radius,
                fill,
                line,
            } => canvas.circle(*center, *radius, *fill, line),
            Item::Rect {
                min,
                max,
                fill,
                line,
            } => canvas.rect(*min, *max, *fill, line.as_ref()),
            Item::Text { at, text, style } => canvas.text(*at, text, style),
        }
    }
}

/// Fills every country in view (through the backend's own way when it has one) and returns
/// the rings drawn, for the borders that follow.
fn country_fills(
    list: &DisplayList,
    layer: &MapLayer,
    canvas: &mut impl Canvas,
) -> Vec<Vec<[f32; 2]>> {
    if canvas.country_part(list, layer, CountryPart::Fills) {
        return Vec::new();
    }
    let meshes = layer.meshes_for_scale(list.camera.scale);
    let (min, max) = list.world_bounds();
    let step = canvas.ring_step();
    let mut drawn = Vec::new();
    for c in layer.countries_in(min, max) {
        let Some(mesh) = meshes.get(c.index()) else {
            continue;
        };
        let rings = country_rings(list, mesh, step);
        if rings.is_empty() {
            continue;
        }
        let fill = list.fills.get(c.index()).copied().unwrap_or(style::LAND);
        canvas.rings(
            &rings,
            Some(Paint::solid(fill)),
            None,
            Some(Meta::Country(c)),
        );
        drawn.extend(rings);
    }
    drawn
}

/// Every country's rings in view, pixels.
fn rings_in_view(list: &DisplayList, layer: &MapLayer, step: f32) -> Vec<Vec<[f32; 2]>> {
    let meshes = layer.meshes_for_scale(list.camera.scale);
    let (min, max) = list.world_bounds();
    layer
        .countries_in(min, max)
        .filter_map(|c| meshes.get(c.index()))
        .flat_map(|mesh| country_rings(list, mesh, step))
        .collect()
}
