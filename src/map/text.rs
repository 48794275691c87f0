//! Text for the exports: the Ubuntu Light face egui embeds, measured and rasterised with
//! `ab_glyph`. Sizes are em sizes in pixels, as SVG's `font-size`.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};

/// The face, parsed once. `None` only if the embedded font were broken; text is then
/// measured approximately and not drawn in PNGs.
fn face() -> Option<&'static FontRef<'static>> {
    static FACE: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FACE.get_or_init(|| FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT).ok())
        .as_ref()
}

/// The `ab_glyph` scale for an em size in pixels.
fn scale_of(font: &FontRef<'_>, size: f32) -> PxScale {
    let units_per_em = font.units_per_em().unwrap_or(1000.0);
    PxScale::from(size * font.height_unscaled() / units_per_em)
}

/// Width of `text` at `size`, pixels.
pub(crate) fn width(text: &str, size: f32) -> f32 {
    let Some(font) = face() else {
        return text.chars().count() as f32 * size * 0.5;
    };
    let scaled = font.as_scaled(scale_of(font, size));
    let mut w = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            w += scaled.kern(p, id);
        }
        w += scaled.h_advance(id);
        previous = Some(id);
    }
    w
}

/// Ascent (positive, up) and descent (negative, down) at `size`, pixels.
pub(crate) fn ascent_descent(size: f32) -> (f32, f32) {
    match face() {
        Some(font) => {
            let scaled = font.as_scaled(scale_of(font, size));
            (scaled.ascent(), scaled.descent())
        }
        None => (size * 0.8, -size * 0.2),
    }
}

/// `text` when it fits in `max_width` pixels, else its longest start with an ellipsis that
/// does; `None` if not even that fits.
pub(crate) fn truncated(text: &str, size: f32, max_width: f32) -> Option<String> {
    let fits = |t: &str| width(t, size) <= max_width;
    if fits(text) {
        Some(text.to_owned())
    } else {
        cut_to_fit(text, &fits)
    }
}

/// The longest start of `text` (at least one character) with an ellipsis that `fits`.
pub(crate) fn cut_to_fit(text: &str, fits: &dyn Fn(&str) -> bool) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| -> String { chars[..n].iter().chain(['…'].iter()).collect() };
    // Binary search on the number of characters kept.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&cut(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo > 0 && fits(&cut(lo))).then(|| cut(lo))
}

/// One glyph of a line of text, placed: which glyph, at what scale, and where its baseline
/// origin sits.
#[derive(Clone, Debug)]
pub(crate) struct PlacedGlyph(ab_glyph::Glyph);

impl PlacedGlyph {
    /// Whether `copy` is this glyph moved by `by` (whole pixels) exactly as the rasteriser
    /// sees it: the same glyph at the same subpixel position, so its coverage is this one's,
    /// moved. (A text set from an origin one pixel off accumulates its advances with other
    /// rounding now and then; those glyphs are not.)
    pub(crate) fn moved_by(&self, copy: &Self, by: [f32; 2]) -> bool {
        let (p, q) = (self.0.position, copy.0.position);
        self.0.id == copy.0.id
            && self.0.scale == copy.0.scale
            && p.x.fract().to_bits() == q.x.fract().to_bits()
            && p.y.fract().to_bits() == q.y.fract().to_bits()
            && q.x.trunc() == p.x.trunc() + by[0]
            && q.y.trunc() == p.y.trunc() + by[1]
    }
}

/// The glyphs of `text` with its baseline starting at `origin` (pixels, y down), advanced and
/// kerned as [`width`] measures.
pub(crate) fn place(text: &str, size: f32, origin: [f32; 2]) -> Vec<PlacedGlyph> {
    let Some(font) = face() else {
        return Vec::new();
    };
    let scale = scale_of(font, size);
    let scaled = font.as_scaled(scale);
    let mut x = origin[0];
    let mut previous = None;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            x += scaled.kern(p, id);
        }
        out.push(PlacedGlyph(
            id.with_scale_and_position(scale, point(x, origin[1])),
        ));
        x += scaled.h_advance(id);
        previous = Some(id);
    }
    out
}

/// A placed glyph's outline, ready to rasterise; `None` for a glyph with none (a space).
pub(crate) struct Outline(ab_glyph::OutlinedGlyph);

/// The outline of `glyph`.
pub(crate) fn outline(glyph: &PlacedGlyph) -> Option<Outline> {
    face()?.outline_glyph(glyph.0.clone()).map(Outline)
}

impl Outline {
    /// The pixels the glyph may cover: min x, min y, max x, max y (exclusive).
    pub(crate) fn bounds(&self) -> [i64; 4] {
        let b = self.0.px_bounds();
        [b.min.x, b.min.y, b.max.x, b.max.y].map(|v| v as i64)
    }

    /// The glyph's coverage of each pixel of [`Outline::bounds`].
    pub(crate) fn coverage(&self) -> Coverage {
        let [x0, y0, x1, y1] = self.bounds();
        let width = usize::try_from(x1 - x0).unwrap_or(0);
        let height = usize::try_from(y1 - y0).unwrap_or(0);
        let mut values = vec![0.0; width * height];
        self.0.draw(|gx, gy, coverage| {
            if let Some(v) = values.get_mut(gy as usize * width + gx as usize) {
                *v = coverage.min(1.0);
            }
        });
        Coverage {
            min: [x0, y0],
            width,
            values,
        }
    }
}

/// What a glyph covers: rows of `width` coverage values (0..=1) from the pixel `min`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Coverage {
    /// The top left pixel.
    pub min: [i64; 2],
    /// Pixels in a row.
    pub width: usize,
    /// Coverage, row after row.
    pub values: Vec<f32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_face_loads_and_measures() {
        assert!(face().is_some());
        let w = width("Niger", 12.5);
        assert!(w > 20.0 && w < 50.0, "{w}");
        assert!(width("Niger Niger", 12.5) > 2.0 * w);
        let (a, d) = ascent_descent(12.5);
        assert!(a > 8.0 && d < 0.0, "{a} {d}");
    }

    #[test]
    fn truncation_fits_and_keeps_short_text() {
        assert_eq!(truncated("Niger", 12.0, 500.0).as_deref(), Some("Niger"));
        let t = truncated("https://example.org/a/very/long/address", 12.0, 80.0);
        let t = t.unwrap_or_default();
        assert!(t.ends_with('…') && width(&t, 12.0) <= 80.0, "{t}");
        assert_eq!(truncated("anything", 12.0, 1.0), None);
    }
}
