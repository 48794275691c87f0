//! The PNG backend: the picture drawn with `tiny-skia` (anti-aliased paths, even-odd fills),
//! text rasterised with `ab_glyph` and blended into the pixmap.
//!
//! A picture is drawn in two bands of rows on two threads ([`rasterise`]). The countries'
//! rings are projected to pixels once, half on each thread, and shared; each band leaves out
//! the rings, lines, marks and glyphs wholly above or below it before tiny-skia or the glyph
//! rasteriser see them; a label's glyphs are rasterised once and blended at the four places
//! of its halo and at its own. For a PNG file each thread then filters and compresses its own
//! band, and the two streams are spliced into one ([`super::png_parts`]).

use tiny_skia::{
    FillRule, LineCap, LineJoin, PathBuilder, Pixmap, PremultipliedColorU8, Rect, Shader, Stroke,
    StrokeDash, Transform,
};

use super::{ExportError, MapData, RenderOptions};
use super::{picture, png_parts};
use crate::map::display::{
    self, Anchor, Canvas, CountryRings, DisplayList, Line, Meta, Paint, TextStyle,
};
use crate::map::{MapLayer, text};

/// Draws the map at `options.date` as a PNG. Two threads each draw a band of rows and then
/// filter and compress it (`export/png_parts.rs`).
///
/// # Errors
/// [`ExportError::BadSize`] for a size out of range, [`ExportError::Encode`] if the encoder
/// fails.
pub fn render_png(data: &MapData<'_>, options: &RenderOptions) -> Result<Vec<u8>, ExportError> {
    options.check_size()?;
    let list = picture::frame(data, options);
    let [w, h] = frame_size(&list);
    let encode_err = |e: std::io::Error| ExportError::Encode(e.to_string());
    let parts = in_bands(&list, data.layer, 2, |rows, top| {
        png_parts::compress(&rows, w as usize, top == 0).map_err(encode_err)
    })?;
    match png_parts::join_after(png_head([w, h]), &parts).and_then(png_ended) {
        Some(png) => Ok(png),
        // Not for a map: rows that do not compress; the png crate stores them.
        None => encode_png_fast([w, h], &rasterise(&list, data.layer)?),
    }
}

/// The bytes of a PNG of RGBA, eight bits a channel, before its image data (PNG
/// specification, 5.2 and 11.2.2): the signature, the IHDR chunk, and the head of the one
/// IDAT chunk, whose length [`png_ended`] fills in. The image data is then written after
/// these bytes, in the same buffer, and not copied again.
fn png_head([w, h]: [u32; 2]) -> Vec<u8> {
    let mut head = Vec::with_capacity(PNG_HEAD_LEN);
    head.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut ihdr = Vec::with_capacity(17);
    ihdr.extend_from_slice(b"IHDR");
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    // Eight bits a channel, RGBA, deflate, adaptive filtering, not interlaced.
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    head.extend_from_slice(&13u32.to_be_bytes());
    head.extend_from_slice(&ihdr);
    head.extend_from_slice(&crc32fast::hash(&ihdr).to_be_bytes());
    // The IDAT chunk's length, filled in at the end, and its type.
    head.extend_from_slice(&[0; 4]);
    head.extend_from_slice(b"IDAT");
    head
}

/// The length of [`png_head`]: signature 8, IHDR 25, IDAT's length and type 8.
const PNG_HEAD_LEN: usize = 8 + 25 + 8;

/// A PNG from [`png_head`] and the image data after it: the IDAT chunk's length and CRC, and
/// the IEND chunk. `None` for image data too long for one chunk (2³¹ − 1 bytes).
fn png_ended(mut png: Vec<u8>) -> Option<Vec<u8>> {
    let data_len = png.len().checked_sub(PNG_HEAD_LEN)?;
    let len = u32::try_from(data_len).ok().filter(|&len| len < 1 << 31)?;
    png[PNG_HEAD_LEN - 8..PNG_HEAD_LEN - 4].copy_from_slice(&len.to_be_bytes());
    let crc = crc32fast::hash(&png[PNG_HEAD_LEN - 4..]);
    png.extend_from_slice(&crc.to_be_bytes());
    png.extend_from_slice(&0u32.to_be_bytes());
    png.extend_from_slice(b"IEND");
    png.extend_from_slice(&crc32fast::hash(b"IEND").to_be_bytes());
    Some(png)
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
/// threads: each band draws what of the list meets its rows, and rasterising, which is
/// most of the work, is shared. The countries' rings are projected once for both bands.
/// Bands start on whole pixels, so the picture is the one drawn in one piece but for a few
/// anti-aliased pixels of shapes crossing the split, which tiny-skia clips at each band's
/// edge.
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
    let mut parts = in_bands(list, layer, bands, |rows, _| Ok(rows))?.into_iter();
    let mut rgba = parts.next().unwrap_or_default();
    for part in parts {
        rgba.extend_from_slice(&part);
    }
    Ok(rgba)
}

/// The list's size in whole pixels.
fn frame_size(list: &DisplayList) -> [u32; 2] {
    list.size.map(|s| s.round().max(0.0) as u32)
}

/// Draws `list` in one band (`bands` < 2, or a picture one row high) or in two on two threads,
/// and hands each band's rows (not premultiplied RGBA) and the row it starts on to `finish`,
/// on the thread that drew it. The results come in the bands' order.
fn in_bands<T: Send>(
    list: &DisplayList,
    layer: &MapLayer,
    bands: u32,
    finish: impl Fn(Vec<u8>, u32) -> Result<T, ExportError> + Sync,
) -> Result<Vec<T>, ExportError> {
    let [w, h] = frame_size(list);
    let split = h / 2;
    let two = split > 0 && bands >= 2;
    let rings = country_rings(list, layer, two);
    let band = |top: u32, rows: u32| -> Result<T, ExportError> {
        let mut pixmap = Pixmap::new(w, rows).ok_or(ExportError::BadSize(w, h))?;
        // Written whole from the first row on: 2 MiB pages fault once where 4 KiB ones
        // fault 512 times.
        crate::io::memory::advise_huge_pages(pixmap.data_mut());
        let mut canvas = PngCanvas {
            pixmap,
            top: top as f32,
            outlines: text::Outlines::default(),
        };
        display::replay_with_rings(list, layer, Some(&rings), &mut canvas);
        finish(unpremultiplied(canvas.pixmap), top)
    };
    if !two {
        return Ok(vec![band(0, h)?]);
    }
    let (upper, lower) = std::thread::scope(|scope| {
        let lower = scope.spawn(|| band(split, h - split));
        (band(0, split), lower.join())
    });
    let lower =
        lower.map_err(|_| ExportError::Encode("the drawing thread failed".to_owned()))??;
    Ok(vec![upper?, lower])
}

/// The pixmap's pixels, not premultiplied: taken as they are when all are opaque (a map's
/// always are), which saves a division per pixel.
fn unpremultiplied(pixmap: Pixmap) -> Vec<u8> {
    if pixmap.data().chunks_exact(4).all(|p| p[3] == u8::MAX) {
        pixmap.take()
    } else {
        pixmap.take_demultiplied()
    }
}

/// The rings of every country in view at the PNG's step, made once for all bands: on two
/// threads (`two`), each projecting about half of the vertices.
fn country_rings(list: &DisplayList, layer: &MapLayer, two: bool) -> CountryRings {
    let countries = CountryRings::in_view(list, layer);
    let project = |part: &[_]| CountryRings::project(list, layer, RING_STEP, part);
    if !two {
        return project(&countries);
    }
    let (first, second) = crate::map::layer::halves_by_weight(&countries, |(_, n)| *n);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| project(second));
        let first = project(first);
        // A failed thread leaves its countries to be projected here.
        let later = later.join().unwrap_or_else(|_| project(second));
        first.then(later)
    })
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
    let mut canvas = PngCanvas {
        pixmap,
        top: 0.0,
        outlines: text::Outlines::default(),
    };
    display::replay_items(items, None, &mut canvas);
    Ok(unpremultiplied(canvas.pixmap))
}

/// A band of the picture: rows from `top` on, `pixmap.height()` of them. Shapes and glyphs
/// wholly above or below the band are left out before tiny-skia or the glyph rasteriser see
/// them: they would draw nothing here.
struct PngCanvas {
    pixmap: Pixmap,
    top: f32,
    /// The glyph outlines read so far.
    outlines: text::Outlines,
}

/// Country ring points closer than this (pixels) are left out: as the screen's borders
/// (`map::paint`), so both draw the same coasts.
const RING_STEP: f32 = 1.5;

/// How far (pixels) beyond its geometry a shape may touch pixels: anti-aliasing, with room
/// to spare.
const BLEED: f32 = 2.0;

/// The four copies of a label's halo, one pixel off each way, as the app draws it.
const HALO: [[f32; 2]; 4] = [[-1.0, 0.0], [1.0, 0.0], [0.0, -1.0], [0.0, 1.0]];

/// The halo's opacity: white at 200/255, as the app.
const HALO_ALPHA: f32 = 200.0 / 255.0;

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

/// The least and greatest y of `points`.
fn rows_of(points: &[[f32; 2]]) -> [f32; 2] {
    points.iter().fold([f32::MAX, f32::MIN], |[lo, hi], p| {
        [lo.min(p[1]), hi.max(p[1])]
    })
}

/// How far a stroke of `line` reaches beyond the path it follows (round joins, butt caps);
/// no line, no reach.
fn reach_of(line: Option<&Line>) -> f32 {
    line.map_or(0.0, |l| l.width.max(1.0) / 2.0)
}

impl PngCanvas {
    /// Whether something spanning the frame rows `y0..=y1` and drawn up to `reach` pixels
    /// beyond them can touch this band.
    fn meets(&self, [y0, y1]: [f32; 2], reach: f32) -> bool {
        let bottom = self.top + self.pixmap.height() as f32;
        y1 + reach + BLEED >= self.top && y0 - reach - BLEED <= bottom
    }

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

    /// Blends a glyph's coverage, moved by `by` pixels, in `rgb` at `alpha`.
    fn blend_coverage(&mut self, c: &text::Coverage, by: [i64; 2], rgb: [u8; 3], alpha: f32) {
        let [x0, y0] = [c.min[0] + by[0], c.min[1] + by[1]];
        for (row, values) in (0..).zip(c.values.chunks(c.width.max(1))) {
            for (col, &v) in (0..).zip(values) {
                self.blend(x0 + col, y0 + row, rgb, v * alpha);
            }
        }
    }

    /// The coverage of `glyph` if it can touch this band, with `reach` pixels around it.
    fn coverage(&mut self, glyph: &text::PlacedGlyph, reach: f32) -> Option<text::Coverage> {
        let outline = self.outlines.of(glyph)?;
        let [_, y0, _, y1] = outline.bounds();
        self.meets([y0 as f32, y1 as f32], reach)
            .then(|| outline.coverage())
    }

    /// Draws a line of text with its baseline from `origin`, in `paint`, over a halo when
    /// `halo`: four white copies one pixel off. Each glyph is rasterised once and its
    /// coverage blended at each copy's place, which gives the same pixels as rasterising
    /// every copy (a copy whose glyph lands on another subpixel is rasterised on its own).
    fn glyphs(&mut self, origin: [f32; 2], text: &str, size: f32, paint: Paint, halo: bool) {
        let reach = if halo { 1.0 } else { 0.0 };
        // Glyphs stay within two em above and one below their baseline.
        if !self.meets([origin[1] - 2.0 * size, origin[1] + size], reach) {
            return;
        }
        let glyphs = text::place(text, size, origin);
        let coverages: Vec<_> = glyphs.iter().map(|g| self.coverage(g, reach)).collect();
        if halo {
            for by in HALO {
                let copies = text::place(text, size, [origin[0] + by[0], origin[1] + by[1]]);
                for ((glyph, coverage), copy) in glyphs.iter().zip(&coverages).zip(&copies) {
                    if glyph.moved_by(copy, by) {
                        if let Some(c) = coverage {
                            let by = by.map(|v| v as i64);
                            self.blend_coverage(c, by, [0xFF; 3], HALO_ALPHA);
                        }
                    } else if let Some(c) = self.coverage(copy, 0.0) {
                        self.blend_coverage(&c, [0, 0], [0xFF; 3], HALO_ALPHA);
                    }
                }
            }
        }
        for c in coverages.iter().flatten() {
            self.blend_coverage(c, [0, 0], paint.rgb, paint.alpha);
        }
    }
}

impl Canvas for PngCanvas {
    fn ring_step(&self) -> f32 {
        RING_STEP
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
        let reach = reach_of(line);
        let mut pb = PathBuilder::new();
        for ring in rings {
            let Some((first, rest)) = ring.split_first() else {
                continue;
            };
            // A ring wholly above or below the band adds no edge to any of its rows.
            if !self.meets(rows_of(ring), reach) {
                continue;
            }
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
        if !self.meets(rows_of(points), reach_of(Some(line))) {
            return;
        }
        pb.move_to(first[0], first[1]);
        for p in rest {
            pb.line_to(p[0], p[1]);
        }
        if let Some(path) = pb.finish() {
            self.fill_and_stroke(&path, None, Some(line));
        }
    }

    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line) {
        let rows = [center[1] - radius, center[1] + radius];
        if !self.meets(rows, reach_of(Some(line))) {
            return;
        }
        if let Some(path) = PathBuilder::from_circle(center[0], center[1], radius) {
            self.fill_and_stroke(&path, Some(fill), Some(line));
        }
    }

    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>) {
        let whole = [min, max].iter().flatten().all(|v| v.fract() == 0.0);
        if let Some(fill) = fill
            && whole
            && let Some(rect) =
                Rect::from_ltrb(min[0], min[1] - self.top, max[0], max[1] - self.top)
        {
            // On whole pixels anti-aliasing changes nothing, and tiny-skia fills the rows
            // at once instead of scanning each of them four times (the sea is one).
            let paint = tiny_skia::Paint {
                anti_alias: false,
                ..paint_of(fill)
            };
            self.pixmap
                .fill_rect(rect, &paint, Transform::identity(), None);
            if let Some(rect) = Rect::from_ltrb(min[0], min[1], max[0], max[1]) {
                self.fill_and_stroke(&PathBuilder::from_rect(rect), None, line);
            }
            return;
        }
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
        let origin = [x, display::baseline_y(at[1], style.size)];
        self.glyphs(origin, text, style.size, style.paint, style.halo);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_png_written_around_its_image_data_is_the_png_crate_s() {
        // Any zlib stream of the right size will do: the png crate does not look inside.
        let rows = vec![9u8; 3 * (1 + 5 * 4)];
        let stream = fdeflate::compress_to_vec(&rows);
        let mut by_crate = Vec::new();
        let mut encoder = png::Encoder::new(&mut by_crate, 5, 3);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.validate_sequence(false);
        let mut writer = encoder.write_header().expect("header");
        writer.write_chunk(png::chunk::IDAT, &stream).expect("IDAT");
        writer.finish().expect("IEND");
        let mut by_hand = png_head([5, 3]);
        assert_eq!(by_hand.len(), PNG_HEAD_LEN);
        by_hand.extend_from_slice(&stream);
        assert_eq!(png_ended(by_hand), Some(by_crate));
    }

    fn canvas(w: u32, h: u32, top: f32) -> PngCanvas {
        let mut pixmap = Pixmap::new(w, h).expect("pixmap");
        pixmap.fill(tiny_skia::Color::from_rgba8(40, 90, 160, 255));
        PngCanvas {
            pixmap,
            top,
            outlines: text::Outlines::default(),
        }
    }

    /// The halo as it was drawn before glyphs were shared: every copy rasterised on its own.
    fn five_draws(c: &mut PngCanvas, origin: [f32; 2], text: &str, size: f32, paint: Paint) {
        let draw = |c: &mut PngCanvas, at: [f32; 2], rgb: [u8; 3], alpha: f32| {
            for glyph in text::place(text, size, at) {
                if let Some(outline) = text::outline(&glyph) {
                    c.blend_coverage(&outline.coverage(), [0, 0], rgb, alpha);
                }
            }
        };
        for by in HALO {
            draw(
                c,
                [origin[0] + by[0], origin[1] + by[1]],
                [0xFF; 3],
                HALO_ALPHA,
            );
        }
        draw(c, origin, paint.rgb, paint.alpha);
    }

    #[test]
    fn a_rect_on_whole_pixels_is_filled_as_its_anti_aliased_path() {
        let rects = [
            (
                [0.0, 0.0],
                [300.0, 240.0],
                Paint::solid([20, 60, 120]),
                None,
            ),
            (
                [0.0, 90.0],
                [300.0, 130.0],
                Paint {
                    rgb: [255, 255, 255],
                    alpha: 0.82,
                },
                Some(Line::solid([10, 10, 10], 1.0)),
            ),
            (
                [34.0, 101.0],
                [58.0, 114.0],
                Paint::solid([200, 30, 30]),
                None,
            ),
            // Not on whole pixels: drawn as before in both.
            (
                [16.5, 95.0],
                [120.25, 139.6],
                Paint::solid([0, 200, 0]),
                None,
            ),
        ];
        for top in [0.0, 100.0] {
            let (mut fast, mut path) = (canvas(300, 40, top), canvas(300, 40, top));
            for (min, max, fill, line) in &rects {
                fast.rect(*min, *max, Some(*fill), line.as_ref());
                let rect = Rect::from_ltrb(min[0], min[1], max[0], max[1]).expect("rect");
                path.fill_and_stroke(&PathBuilder::from_rect(rect), Some(*fill), line.as_ref());
            }
            assert!(fast.pixmap.data() == path.pixmap.data(), "band at {top}");
        }
    }

    #[test]
    fn a_halo_from_shared_glyphs_is_five_draws() {
        let paint = Paint {
            rgb: [30, 30, 30],
            alpha: 0.9,
        };
        let text = "Ouagadougou, Niamey · Tombouctou";
        // Origins on whole pixels, between, and where adding a pixel changes the float's
        // exponent (1023.x + 1), so that some copies land on another subpixel.
        let mut fallback = false;
        for x in [10.0, 10.25, 511.6, 1023.55, 1023.9999, 2047.3] {
            for y in [20.0, 20.5, 21.37] {
                let (mut shared, mut separate) = (canvas(2400, 40, 0.0), canvas(2400, 40, 0.0));
                shared.glyphs([x, y], text, 12.5, paint, true);
                five_draws(&mut separate, [x, y], text, 12.5, paint);
                assert!(shared.pixmap.data() == separate.pixmap.data(), "{x} {y}");
                let base = text::place(text, 12.5, [x, y]);
                for by in HALO {
                    let copies = text::place(text, 12.5, [x + by[0], y + by[1]]);
                    fallback |= base.iter().zip(&copies).any(|(g, c)| !g.moved_by(c, by));
                }
            }
        }
        assert!(
            fallback,
            "no copy took the path of a glyph on another subpixel"
        );
    }

    #[test]
    fn leaving_out_what_is_beside_a_band_changes_no_pixel_of_it() {
        let paint = Paint::solid([200, 20, 20]);
        let thick = Line::solid([0, 0, 0], 5.0);
        let thin = Line::solid([10, 10, 10], 0.5);
        let rings = [
            // Wholly above the band, near and far; across its top edge; just below it.
            vec![[10.0, 10.0], [90.0, 10.0], [90.0, 60.0]],
            vec![[100.0, 90.0], [200.0, 98.5], [150.0, 97.0]],
            vec![[100.0, 90.0], [200.0, 120.0], [150.0, 160.0]],
            vec![[210.0, 141.0], [290.0, 141.5], [250.0, 170.0]],
        ];
        let lines = [
            vec![[0.0, 10.0], [290.0, 50.0]],
            vec![[0.0, 96.5], [290.0, 97.0]],
            vec![[0.0, 143.0], [290.0, 143.5]],
        ];
        let labels = [
            ([20.0, 30.0], "Kidal"),
            ([20.0, 99.0], "Gao"),
            ([150.0, 152.0], "Ménaka"),
        ];
        // The band of rows 100..140, drawn through the canvas, which leaves out what it finds
        // beside the band...
        let mut band = canvas(300, 40, 100.0);
        band.rings(&rings, Some(paint), Some(&thin), None);
        for points in &lines {
            band.polyline(points, &thick, None);
        }
        for (at, text) in labels {
            band.glyphs(at, text, 14.0, paint, true);
        }
        // ... and with everything handed to tiny-skia and the glyph rasteriser.
        let mut all = canvas(300, 40, 100.0);
        let mut pb = PathBuilder::new();
        for ring in &rings {
            pb.move_to(ring[0][0], ring[0][1]);
            for p in &ring[1..] {
                pb.line_to(p[0], p[1]);
            }
            pb.close();
        }
        let path = pb.finish().expect("path");
        all.fill_and_stroke(&path, Some(paint), Some(&thin));
        for points in &lines {
            let mut pb = PathBuilder::new();
            pb.move_to(points[0][0], points[0][1]);
            pb.line_to(points[1][0], points[1][1]);
            all.fill_and_stroke(&pb.finish().expect("path"), None, Some(&thick));
        }
        for (at, text) in labels {
            five_draws(&mut all, at, text, 14.0, paint);
        }
        assert!(band.pixmap.data() == all.pixmap.data());
        // What reaches in from beside the band was drawn: a halo, a line's width.
        let background = canvas(300, 40, 100.0);
        let changed = |y: usize| {
            let w = 300 * 4;
            band.pixmap.data()[y * w..(y + 1) * w] != background.pixmap.data()[y * w..(y + 1) * w]
        };
        assert!(changed(0) && changed(39));
    }

    /// Runs `test` on the embedded 1:50m layer and scenario as map data.
    fn with_embedded(test: impl FnOnce(&MapData<'_>)) {
        let layer = crate::map::embedded::fine_outlines().expect("embedded layer");
        let timeline = crate::io::embedded::default_timeline().expect("embedded scenario");
        test(&MapData {
            layer: &layer,
            places: &layer,
            timeline: &timeline,
        });
    }

    fn options_at(size: [u32; 2]) -> RenderOptions {
        let mut options = RenderOptions::at(jiff::civil::Date::constant(2023, 12, 5));
        options.size = size;
        options
    }

    #[test]
    fn the_png_compressed_in_bands_holds_the_drawn_pixels() {
        with_embedded(|data| {
            for size in [[640, 401], [300, 1], [97, 2]] {
                let png = render_png(data, &options_at(size)).expect("renders");
                let decoded = image::load_from_memory(&png).expect("a PNG");
                let rgba = render_rgba(data, &options_at(size)).expect("renders");
                assert_eq!(decoded.to_rgba8().into_raw(), rgba, "{size:?}");
            }
        });
    }

    #[test]
    fn two_bands_draw_the_picture_of_one() {
        with_embedded(|data| {
            let list = picture::frame(data, &options_at([640, 401]));
            let one = rasterise_in_bands(&list, data.layer, 1).expect("one band");
            let two = rasterise_in_bands(&list, data.layer, 2).expect("two bands");
            assert_eq!(one.len(), 640 * 401 * 4);
            // tiny-skia clips a shape that crosses the split at each band's edge, which moves
            // a few anti-aliased pixels near the split; every other row is the same.
            let row = 640 * 4;
            for y in (0..401).filter(|y: &usize| y.abs_diff(200) > 10) {
                let rows = y * row..(y + 1) * row;
                assert!(one[rows.clone()] == two[rows], "row {y}");
            }
        });
    }
}
