//! The PNG backend: the picture drawn with `tiny-skia` (anti-aliased paths, even-odd fills),
//! text rasterised with `ab_glyph` and blended into the pixmap.

use tiny_skia::{
    FillRule, LineCap, LineJoin, PathBuilder, Pixmap, PremultipliedColorU8, Rect, Shader, Stroke,
    StrokeDash, Transform,
};

use super::picture;
use super::{ExportError, MapData, RenderOptions};
use crate::map::display::{self, Anchor, Canvas, DisplayList, Line, Meta, Paint, TextStyle};
use crate::map::{MapLayer, text};

/// Draws the map at `options.date` as a PNG.
///
/// # Errors
/// [`ExportError::BadSize`] for a size out of range, [`ExportError::Encode`] if the encoder
/// fails.
pub fn render_png(data: &MapData<'_>, options: &RenderOptions) -> Result<Vec<u8>, ExportError> {
    options.check_size()?;
    let rgba = render_rgba(data, options)?;
    encode_png_fast(options.size, &rgba)
}

/// Draws the map at `options.date` as rows of (not premultiplied) RGBA, `options.size`
/// pixels.
///
/// # Errors
/// [`ExportError::BadSize`] for a size out of range.
pub fn render_rgba(data: &MapData<'_>, options: &RenderOptions) -> Result<Vec<u8>, ExportError> {
    render_rgba_in_bands(data, options, 2)
}

/// [`render_rgba`] in `bands` horizontal bands, each on its own thread (1: on the calling
/// thread; an animation draws one frame per thread).
///
/// # Errors
/// [`ExportError::BadSize`] for a size out of range.
pub fn render_rgba_in_bands(
    data: &MapData<'_>,
    options: &RenderOptions,
    bands: u32,
) -> Result<Vec<u8>, ExportError> {
    options.check_size()?;
    let list = picture::frame(data, options);
    rasterise_in_bands(&list, data.layer, bands)
}

/// PNG with fast compression: a 1600×1000 map encodes several times faster than at the
/// default level, for files about a third larger.
pub(crate) fn encode_png_fast([w, h]: [u32; 2], rgba: &[u8]) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(rgba.len() / 4);
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder
            .write_header()
            .map_err(|e| ExportError::Encode(e.to_string()))?;
        writer
            .write_image_data(rgba)
            .map_err(|e| ExportError::Encode(e.to_string()))?;
    }
    Ok(out)
}

/// Rasterises a display list as rows of (not premultiplied) RGBA, in two bands on two
/// threads: each band draws the whole list clipped to its rows, and rasterising, which is
/// most of the work, is shared. Bands start on whole pixels, so the picture is the same as
/// in one piece.
///
/// # Errors
/// [`ExportError::BadSize`] for a size out of range.
pub fn rasterise(list: &DisplayList, layer: &MapLayer) -> Result<Vec<u8>, ExportError> {
    rasterise_in_bands(list, layer, 2)
}

/// [`rasterise`] in one band on the calling thread (`bands` < 2) or two on two threads.
///
/// # Errors
/// [`ExportError::BadSize`] for a size out of range.
pub fn rasterise_in_bands(
    list: &DisplayList,
    layer: &MapLayer,
    bands: u32,
) -> Result<Vec<u8>, ExportError> {
    let [w, h] = list.size.map(|s| s.round().max(0.0) as u32);
    let band = |top: u32, rows: u32| -> Result<Vec<u8>, ExportError> {
        let pixmap = Pixmap::new(w, rows).ok_or(ExportError::BadSize(w, h))?;
        let mut canvas = PngCanvas {
            pixmap,
            top: top as f32,
        };
        display::replay(list, layer, &mut canvas);
        Ok(canvas.pixmap.take_demultiplied())
    };
    let split = h / 2;
    if split == 0 || bands < 2 {
        return band(0, h);
    }
    let (upper, lower) = std::thread::scope(|scope| {
        let lower = scope.spawn(|| band(split, h - split));
        (band(0, split), lower.join())
    });
    let mut rgba = upper?;
    let lower =
        lower.map_err(|_| ExportError::Encode("the drawing thread failed".to_owned()))??;
    rgba.extend_from_slice(&lower);
    Ok(rgba)
}

/// Rasterises items that need no layer (a chart) on `background`, as rows of (not
/// premultiplied) RGBA, `size` pixels.
///
/// # Errors
/// [`ExportError::BadSize`] for a size out of range.
pub fn rasterise_items(
    [w, h]: [u32; 2],
    background: crate::map::style::Rgb,
    items: &[display::Item],
) -> Result<Vec<u8>, ExportError> {
    if w == 0 || h == 0 || w > super::MAX_SIDE || h > super::MAX_SIDE {
        return Err(ExportError::BadSize(w, h));
    }
    let mut pixmap = Pixmap::new(w, h).ok_or(ExportError::BadSize(w, h))?;
    let [r, g, b] = background;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    let mut canvas = PngCanvas { pixmap, top: 0.0 };
    display::replay_items(items, None, &mut canvas);
    Ok(canvas.pixmap.take_demultiplied())
}

/// A band of the picture: rows from `top` on, `pixmap.height()` of them.
struct PngCanvas {
    pixmap: Pixmap,
    top: f32,
}

fn paint_of(p: Paint) -> tiny_skia::Paint<'static> {
    let [r, g, b] = p.rgb;
    let a = (p.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    tiny_skia::Paint {
        shader: Shader::SolidColor(tiny_skia::Color::from_rgba8(r, g, b, a)),
        anti_alias: true,
        ..tiny_skia::Paint::default()
    }
}

fn stroke_of(line: &Line) -> Stroke {
    Stroke {
        width: line.width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        dash: line
            .dash
            .and_then(|(dash, gap)| StrokeDash::new(vec![dash, gap], 0.0)),
        ..Stroke::default()
    }
}

impl PngCanvas {
    fn fill_and_stroke(
        &mut self,
        path: &tiny_skia::Path,
        fill: Option<Paint>,
        line: Option<&Line>,
    ) {
        if let Some(fill) = fill {
            self.pixmap.fill_path(
                path,
                &paint_of(fill),
                FillRule::EvenOdd,
                Transform::from_translate(0.0, -self.top),
                None,
            );
        }
        if let Some(line) = line {
            // A line thinner than a pixel is drawn one pixel wide and as much fainter, as
            // the screen draws it (a one-pixel ridge): the same ink, the same softness.
            let line = if line.width < 1.0 {
                Line {
                    width: 1.0,
                    paint: Paint {
                        alpha: line.paint.alpha * line.width,
                        ..line.paint
                    },
                    ..*line
                }
            } else {
                *line
            };
            self.pixmap.stroke_path(
                path,
                &paint_of(line.paint),
                &stroke_of(&line),
                Transform::from_translate(0.0, -self.top),
                None,
            );
        }
    }

    /// Blends `rgb` at `alpha` into the pixel at `x`, `y` (source over).
    fn blend(&mut self, x: i64, y: i64, rgb: [u8; 3], alpha: f32) {
        let y = y - self.top as i64;
        let (w, h) = (
            i64::from(self.pixmap.width()),
            i64::from(self.pixmap.height()),
        );
        if x < 0 || y < 0 || x >= w || y >= h || alpha <= 0.0 {
            return;
        }
        let Ok(i) = usize::try_from(y * w + x) else {
            return;
        };
        let Some(dst) = self.pixmap.pixels_mut().get_mut(i) else {
            return;
        };
        let a = alpha.min(1.0);
        let mix = |s: u8, d: u8| (f32::from(s) * a + f32::from(d) * (1.0 - a)).round() as u8;
        let out_a = mix(255, dst.alpha());
        let clamp = |c: u8| c.min(out_a);
        let blended = PremultipliedColorU8::from_rgba(
            clamp(mix(rgb[0], dst.red())),
            clamp(mix(rgb[1], dst.green())),
            clamp(mix(rgb[2], dst.blue())),
            out_a,
        );
        if let Some(c) = blended {
            *dst = c;
        }
    }

    fn glyphs(&mut self, origin: [f32; 2], text: &str, size: f32, rgb: [u8; 3], alpha: f32) {
        text::rasterise(text, size, origin, |x, y, coverage| {
            self.blend(x, y, rgb, coverage * alpha);
        });
    }
}

impl Canvas for PngCanvas {
    fn ring_step(&self) -> f32 {
        // As the screen's borders (`map::paint`), so both draw the same coasts.
        1.5
    }

    fn begin_group(&mut self, _id: &str) {}

    fn end_group(&mut self) {}

    fn rings(
        &mut self,
        rings: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        _meta: Option<Meta>,
    ) {
        let mut pb = PathBuilder::new();
        for ring in rings {
            let Some((first, rest)) = ring.split_first() else {
                continue;
            };
            pb.move_to(first[0], first[1]);
            for p in rest {
                pb.line_to(p[0], p[1]);
            }
            pb.close();
        }
        if let Some(path) = pb.finish() {
            self.fill_and_stroke(&path, fill, line);
        }
    }

    fn polyline(&mut self, points: &[[f32; 2]], line: &Line, _meta: Option<Meta>) {
        let mut pb = PathBuilder::new();
        let Some((first, rest)) = points.split_first() else {
            return;
        };
        pb.move_to(first[0], first[1]);
        for p in rest {
            pb.line_to(p[0], p[1]);
        }
        if let Some(path) = pb.finish() {
            self.fill_and_stroke(&path, None, Some(line));
        }
    }

    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line) {
        if let Some(path) = PathBuilder::from_circle(center[0], center[1], radius) {
            self.fill_and_stroke(&path, Some(fill), Some(line));
        }
    }

    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>) {
        if let Some(rect) = Rect::from_ltrb(min[0], min[1], max[0], max[1]) {
            self.fill_and_stroke(&PathBuilder::from_rect(rect), fill, line);
        }
    }

    fn text(&mut self, at: [f32; 2], text: &str, style: &TextStyle) {
        let x = match style.anchor {
            Anchor::Start => at[0],
            Anchor::Middle => at[0] - text::width(text, style.size) / 2.0,
            Anchor::End => at[0] - text::width(text, style.size),
        };
        let at = [at[0], display::baseline_y(at[1], style.size)];
        if style.halo {
            // As the app: four copies one pixel off, white at 200/255.
            for (dx, dy) in [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)] {
                self.glyphs(
                    [x + dx, at[1] + dy],
                    text,
                    style.size,
                    [0xFF, 0xFF, 0xFF],
                    200.0 / 255.0,
                );
            }
        }
        self.glyphs(
            [x, at[1]],
            text,
            style.size,
            style.paint.rgb,
            style.paint.alpha,
        );
    }
}
