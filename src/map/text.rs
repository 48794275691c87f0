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

/// Calls `plot(x, y, coverage)` for every pixel `text` covers when its baseline starts at
/// `origin` (pixels, y down). Coverage is 0..=1.
pub(crate) fn rasterise(
    text: &str,
    size: f32,
    origin: [f32; 2],
    mut plot: impl FnMut(i64, i64, f32),
) {
    let Some(font) = face() else {
        return;
    };
    let scale = scale_of(font, size);
    let scaled = font.as_scaled(scale);
    let mut x = origin[0];
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            x += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(scale, point(x, origin[1]));
        x += scaled.h_advance(id);
        previous = Some(id);
        if let Some(outlined) = font.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            let (x0, y0) = (bounds.min.x as i64, bounds.min.y as i64);
            outlined.draw(|gx, gy, coverage| {
                plot(x0 + i64::from(gx), y0 + i64::from(gy), coverage.min(1.0));
            });
        }
    }
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
