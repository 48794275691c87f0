//! Replaying a list onto a backend: the [`Canvas`] trait that PNG, SVG and the screen
//! implement, and [`replay`], the one walk over [`Item`].

use std::ops::Range;

use super::{DisplayList, Item, Line, Meta, Paint, TextStyle};
use crate::io::CountryIx;
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

/// Every country's rings in view, in frame pixels ([`country_rings`]), made once for a list
/// and shared by whatever draws it: the bands of a PNG each draw the whole list, and would
/// otherwise each project every vertex of every country in view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountryRings {
    /// The step the rings were decimated with ([`Canvas::ring_step`]).
    step: f32,
    /// Every ring, country after country.
    rings: Vec<Vec<[f32; 2]>>,
    /// Each country with rings in view and where its rings lie in `rings`, in the order of
    /// [`MapLayer::countries_in`].
    countries: Vec<(CountryIx, Range<usize>)>,
}

impl CountryRings {
    /// The countries of `layer` that meet `list`'s view, in drawing order, each with its
    /// number of vertices (what projecting it costs).
    pub fn in_view(list: &DisplayList, layer: &MapLayer) -> Vec<(CountryIx, usize)> {
        let meshes = layer.meshes_for_scale(list.camera.scale);
        let (min, max) = list.world_bounds();
        layer
            .countries_in(min, max)
            .filter_map(|c| {
                let mesh = meshes.get(c.index())?;
                Some((c, mesh.rings().map(<[[f32; 2]]>::len).sum()))
            })
            .collect()
    }

    /// The rings of `countries` (some of [`CountryRings::in_view`], in its order), decimated
    /// with `step`.
    pub fn project(
        list: &DisplayList,
        layer: &MapLayer,
        step: f32,
        countries: &[(CountryIx, usize)],
    ) -> Self {
        let meshes = layer.meshes_for_scale(list.camera.scale);
        let mut out = Self {
            step,
            ..Self::default()
        };
        for &(c, _) in countries {
            let Some(mesh) = meshes.get(c.index()) else {
                continue;
            };
            let rings = country_rings(list, mesh, step);
            if rings.is_empty() {
                continue;
            }
            let start = out.rings.len();
            out.rings.extend(rings);
            out.countries.push((c, start..out.rings.len()));
        }
        out
    }

    /// Every country in view of `layer`, decimated with `step`.
    pub fn of(list: &DisplayList, layer: &MapLayer, step: f32) -> Self {
        Self::project(list, layer, step, &Self::in_view(list, layer))
    }

    /// These rings followed by `next`'s (made with the same step for the countries after
    /// these).
    #[must_use]
    pub fn then(mut self, next: Self) -> Self {
        let offset = self.rings.len();
        self.rings.extend(next.rings);
        self.countries.extend(
            next.countries
                .into_iter()
                .map(|(c, r)| (c, r.start + offset..r.end + offset)),
        );
        self
    }

    /// Every ring, country after country: the borders.
    pub fn all(&self) -> &[Vec<[f32; 2]>] {
        &self.rings
    }

    /// Each country with rings in view and its rings.
    pub fn countries(&self) -> impl Iterator<Item = (CountryIx, &[Vec<[f32; 2]>])> {
        self.countries
            .iter()
            .map(|(c, r)| (*c, self.rings.get(r.clone()).unwrap_or(&[])))
    }

    /// One country's rings, if it has some in view.
    fn of_country(&self, country: CountryIx) -> Option<&[Vec<[f32; 2]>]> {
        self.countries
            .iter()
            .find(|(c, _)| *c == country)
            .and_then(|(_, r)| self.rings.get(r.clone()))
    }
}

/// Draws `list` onto `canvas`, countries from `layer`'s meshes at the detail for the list's
/// zoom.
pub fn replay(list: &DisplayList, layer: &MapLayer, canvas: &mut impl Canvas) {
    replay_with_rings(list, layer, None, canvas);
}

/// [`replay`] with the countries' rings already made ([`CountryRings::of`] for this list and
/// layer); rings made with another step than the canvas's are not used.
pub fn replay_with_rings(
    list: &DisplayList,
    layer: &MapLayer,
    rings: Option<&CountryRings>,
    canvas: &mut impl Canvas,
) {
    let step = canvas.ring_step();
    let mut countries = Countries {
        list,
        layer,
        given: rings.filter(|r| r.step.to_bits() == step.to_bits()),
        made: None,
    };
    walk(&list.items, Some(&mut countries), canvas);
}

/// Draws `items` onto `canvas`: the one walk over [`Item`]. Country items need the list they
/// belong to and its layer (`countries`); without them (a chart) they draw nothing.
pub fn replay_items(
    items: &[Item],
    countries: Option<(&DisplayList, &MapLayer)>,
    canvas: &mut impl Canvas,
) {
    let mut countries = countries.map(|(list, layer)| Countries {
        list,
        layer,
        given: None,
        made: None,
    });
    walk(items, countries.as_mut(), canvas);
}

/// The countries a walk draws: the list and layer, and their rings, given or made when first
/// needed (a canvas that draws countries its own way needs none).
struct Countries<'a> {
    list: &'a DisplayList,
    layer: &'a MapLayer,
    given: Option<&'a CountryRings>,
    made: Option<CountryRings>,
}

impl Countries<'_> {
    fn rings(&mut self, step: f32) -> &CountryRings {
        match self.given {
            Some(given) => given,
            None => self
                .made
                .get_or_insert_with(|| CountryRings::of(self.list, self.layer, step)),
        }
    }

    /// One country's rings: from the rings in view when they are made and hold it, else
    /// projected.
    fn of_country(&self, country: CountryIx, step: f32) -> Option<Vec<Vec<[f32; 2]>>> {
        if let Some(rings) = self
            .given
            .or(self.made.as_ref())
            .and_then(|made| made.of_country(country))
        {
            return Some(rings.to_vec());
        }
        let mesh = self
            .layer
            .meshes_for_scale(self.list.camera.scale)
            .get(country.index())?;
        Some(country_rings(self.list, mesh, step))
    }
}

/// The walk of [`replay_items`] and [`replay_with_rings`].
fn walk(items: &[Item], mut countries: Option<&mut Countries<'_>>, canvas: &mut impl Canvas) {
    for item in items {
        match item {
            Item::Group(id) => canvas.begin_group(id),
            Item::EndGroup => canvas.end_group(),
            Item::Countries => {
                if let Some(countries) = countries.as_deref_mut() {
                    country_fills(countries, canvas);
                }
            }
            Item::Borders(line) => {
                if let Some(countries) = countries.as_deref_mut()
                    && !canvas.country_part(
                        countries.list,
                        countries.layer,
                        CountryPart::Borders(line),
                    )
                {
                    let rings = countries.rings(canvas.ring_step());
                    canvas.rings(rings.all(), None, Some(line), None);
                }
            }
            Item::CountryTint(c, paint) => {
                if let Some(countries) = countries.as_deref_mut()
                    && !canvas.country_part(
                        countries.list,
                        countries.layer,
                        CountryPart::Tint(*c, *paint),
                    )
                    && let Some(rings) = countries.of_country(*c, canvas.ring_step())
                {
                    canvas.rings(&rings, Some(*paint), None, None);
                }
            }
            Item::CountryOutline(c, line) => {
                if let Some(countries) = countries.as_deref_mut()
                    && !canvas.country_part(
                        countries.list,
                        countries.layer,
                        CountryPart::Outline(*c, line),
                    )
                    && let Some(rings) = countries.of_country(*c, canvas.ring_step())
                {
                    canvas.rings(&rings, None, Some(line), None);
                }
            }
            other => shape(other, canvas),
        }
    }
}

/// Draws an item that needs no layer.
fn shape(item: &Item, canvas: &mut impl Canvas) {
    match item {
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
        Item::Group(_)
        | Item::EndGroup
        | Item::Countries
        | Item::Borders(_)
        | Item::CountryTint(..)
        | Item::CountryOutline(..) => {}
    }
}

/// Fills every country in view, through the backend's own way when it has one.
fn country_fills(countries: &mut Countries<'_>, canvas: &mut impl Canvas) {
    if canvas.country_part(countries.list, countries.layer, CountryPart::Fills) {
        return;
    }
    let list = countries.list;
    for (c, rings) in countries.rings(canvas.ring_step()).countries() {
        let fill = list.fills.get(c.index()).copied().unwrap_or(style::LAND);
        canvas.rings(
            rings,
            Some(Paint::solid(fill)),
            None,
            Some(Meta::Country(c)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::MapCamera;

    #[test]
    fn shared_rings_are_each_countrys_rings_and_halves_join_to_the_whole() {
        let layer = crate::map::embedded::coarse_outlines().expect("embedded layer");
        let list = DisplayList::new([800.0, 500.0], MapCamera::sahel([800.0, 500.0]));
        let all = CountryRings::of(&list, &layer, 1.5);
        // As before sharing: every country in view, projected on its own, empty ones left out.
        let meshes = layer.meshes_for_scale(list.camera.scale);
        let (min, max) = list.world_bounds();
        let expected: Vec<_> = layer
            .countries_in(min, max)
            .map(|c| (c, country_rings(&list, &meshes[c.index()], 1.5)))
            .filter(|(_, rings)| !rings.is_empty())
            .collect();
        assert!(expected.len() > 20, "{}", expected.len());
        let got: Vec<_> = all.countries().map(|(c, r)| (c, r.to_vec())).collect();
        assert_eq!(got, expected);
        let flat: Vec<_> = expected.iter().flat_map(|(_, r)| r.clone()).collect();
        assert_eq!(all.all(), flat.as_slice());
        // Made in two parts, as two threads do, and joined: the same.
        let countries = CountryRings::in_view(&list, &layer);
        let (a, b) = countries.split_at(countries.len() / 3);
        let joined = CountryRings::project(&list, &layer, 1.5, a)
            .then(CountryRings::project(&list, &layer, 1.5, b));
        assert_eq!(joined, all);
        let (niger, rings) = expected[expected.len() / 2].clone();
        assert_eq!(all.of_country(niger), Some(rings.as_slice()));
    }
}
