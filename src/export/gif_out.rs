//! GIF output: a palette built from the map's own colours, frames that store only what
//! changed, looping forever.
//!
//! The palette holds every colour the clip's display lists draw (fills, borders, text, link
//! statuses), those colours under the translucent panels, halos and faded links, and blends
//! between the colours that meet at anti-aliased edges and in text. Each pixel takes its
//! exact colour when the palette has it, else the nearest entry: flat areas stay exactly
//! the map's colours, with no dithering noise. After the first frame, a frame is the
//! rectangle that changed, with unchanged pixels transparent, so a clip in which mostly the
//! date and a few links change stays small.

use std::borrow::Cow;
use std::fs::File;
use std::io::BufWriter;
use std::sync::atomic::{AtomicU8, Ordering};

use gif::{DisposalMethod, Encoder, Frame, Repeat};

use crate::map::display::{self, Canvas, DisplayList, Item, Line, Meta, Paint, TextStyle};
use crate::map::style::Rgb;

use super::ExportError;

/// The palette index left for "unchanged" (transparent) pixels.
const TRANSPARENT: u8 = 255;

/// Up to 255 colours (the 256th is [`TRANSPARENT`]), with what finds a pixel's entry fast:
/// the palette's own colours exactly, and every other colour through a table of the nearest
/// entry per 6-bit-per-channel cell, filled as cells are first met and shared by the drawing
/// threads.
pub(crate) struct Palette {
    colours: Vec<Rgb>,
    /// Open-addressed: (colour key + 1, index); 0 marks an empty slot.
    exact: Vec<(u32, u8)>,
    /// The nearest entry per cell, or [`TRANSPARENT`] while not yet known.
    cells: Vec<AtomicU8>,
}

const EXACT_SLOTS: usize = 1024;

fn key_of(rgb: Rgb) -> u32 {
    u32::from(rgb[0]) << 16 | u32::from(rgb[1]) << 8 | u32::from(rgb[2])
}

fn slot_of(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 22) as usize % EXACT_SLOTS
}

/// `fg` at opacity `a` over `bg`.
fn over(fg: Rgb, a: f32, bg: Rgb) -> Rgb {
    let mix = |f: u8, b: u8| (f32::from(f) * a + f32::from(b) * (1.0 - a)).round() as u8;
    [mix(fg[0], bg[0]), mix(fg[1], bg[1]), mix(fg[2], bg[2])]
}

/// The paints a display list uses, gathered by replaying it.
#[derive(Default)]
struct PaintLog {
    /// Opaque fills: what other paints are drawn over.
    grounds: Vec<Rgb>,
    /// Opaque lines and marks.
    inks: Vec<Rgb>,
    /// Translucent paints.
    veils: Vec<(Rgb, f32)>,
    /// Text colours (anti-aliased in steps over the grounds), and whether any has a halo.
    text: Vec<Rgb>,
    halo: bool,
}

impl PaintLog {
    fn paint(&mut self, p: Paint, ground: bool) {
        match (p.alpha >= 0.999, ground) {
            (true, true) => self.grounds.push(p.rgb),
            (true, false) => self.inks.push(p.rgb),
            (false, _) => self.veils.push((p.rgb, p.alpha)),
        }
    }

    fn line(&mut self, line: &Line) {
        // A line thinner than a pixel is drawn a pixel wide and as much fainter.
        let alpha = line.paint.alpha * line.width.min(1.0);
        self.paint(
            Paint {
                alpha,
                ..line.paint
            },
            false,
        );
    }

    /// The country items, which a replay without a layer skips.
    fn country_item(&mut self, item: &Item) {
        match item {
            Item::Borders(line) | Item::CountryOutline(_, line) => self.line(line),
            Item::CountryTint(_, paint) => self.paint(*paint, false),
            _ => {}
        }
    }

    /// Every colour worth a palette entry, most important first.
    fn candidates(mut self) -> Vec<Rgb> {
        const WHITE: Rgb = [0xFF, 0xFF, 0xFF];
        for list in [&mut self.grounds, &mut self.inks, &mut self.text] {
            let mut seen = std::collections::HashSet::new();
            list.retain(|c| seen.insert(*c));
        }
        let mut veils = std::mem::take(&mut self.veils);
        veils.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        veils.dedup_by(|a, b| a.0 == b.0 && (a.1 - b.1).abs() < 0.02);
        let grounds = &self.grounds;
        let mut out: Vec<Rgb> = grounds.clone();
        out.extend(&self.inks);
        out.extend(&self.text);
        // Translucent paints (panels, faded links, tints) over every ground.
        for &(rgb, alpha) in &veils {
            out.extend(grounds.iter().map(|&g| over(rgb, alpha, g)));
        }
        if self.halo {
            out.extend(grounds.iter().map(|&g| over(WHITE, 200.0 / 255.0, g)));
        }
        // Text in steps of coverage, over the grounds and the panels.
        let panels: Vec<Rgb> = veils
            .iter()
            .filter(|v| v.0 == WHITE)
            .flat_map(|&(rgb, a)| grounds.iter().take(2).map(move |&g| over(rgb, a, g)))
            .collect();
        for &ink in &self.text {
            for &bg in [WHITE].iter().chain(&panels).chain(grounds.iter().take(2)) {
                for t in [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875] {
                    out.push(over(ink, t, bg));
                }
            }
        }
        // Edges between grounds; lines and marks over grounds.
        for (i, &a) in grounds.iter().enumerate() {
            out.extend(grounds[i + 1..].iter().map(|&b| over(a, 0.5, b)));
        }
        for &fg in self.inks.iter().chain(&self.text) {
            for &g in grounds {
                for t in [0.5, 0.25, 0.75] {
                    out.push(over(fg, t, g));
                }
            }
        }
        out
    }
}

impl Canvas for PaintLog {
    fn rings(
        &mut self,
        _: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        _: Option<Meta>,
    ) {
        if let Some(fill) = fill {
            self.paint(fill, true);
        }
        if let Some(line) = line {
            self.line(line);
        }
    }

    fn polyline(&mut self, _: &[[f32; 2]], line: &Line, _: Option<Meta>) {
        self.line(line);
    }

    fn circle(&mut self, _: [f32; 2], _: f32, fill: Paint, line: &Line) {
        self.paint(fill, false);
        self.line(line);
    }

    fn rect(&mut self, _: [f32; 2], _: [f32; 2], fill: Option<Paint>, line: Option<&Line>) {
        if let Some(fill) = fill {
            self.paint(fill, true);
        }
        if let Some(line) = line {
            self.line(line);
        }
    }

    fn text(&mut self, _: [f32; 2], _: &str, style: &TextStyle) {
        self.text.push(style.paint.rgb);
        self.halo |= style.halo;
    }
}

/// Squared distance, weighted for the eye (red 2, green 4, blue 3).
fn distance(a: Rgb, b: Rgb) -> u32 {
    let d = |i: usize, w: u32| {
        let x = u32::from(a[i].abs_diff(b[i]));
        w * x * x
    };
    d(0, 2) + d(1, 4) + d(2, 3)
}

impl Palette {
    /// The palette of the paints `lists` draw (every frame of a clip, or a sample of them):
    /// their opaque colours first, then what the anti-aliased edges, translucent paints,
    /// halos and text make of them over the grounds they are drawn on, closest-first
    /// duplicates left out. Nothing is listed by hand: a colour added to the display list is
    /// in the palette.
    pub(crate) fn of_lists(lists: &[DisplayList]) -> Self {
        let mut log = PaintLog::default();
        for list in lists {
            display::replay_items(&list.items, None, &mut log);
            log.grounds.extend(list.fills.iter().copied());
            for item in &list.items {
                log.country_item(item);
            }
        }
        Self::of_candidates(log.candidates())
    }

    fn of_candidates(candidates: Vec<Rgb>) -> Self {
        let mut colours: Vec<Rgb> = Vec::with_capacity(255);
        for c in candidates {
            if colours.len() == 255 {
                break;
            }
            if colours.iter().all(|&k| distance(k, c) > 24) {
                colours.push(c);
            }
        }
        let mut exact = vec![(0u32, 0u8); EXACT_SLOTS];
        for (i, &c) in colours.iter().enumerate() {
            let key = key_of(c);
            let mut slot = slot_of(key);
            while exact.get(slot).is_some_and(|e| e.0 != 0) {
                slot = (slot + 1) % EXACT_SLOTS;
            }
            if let Some(e) = exact.get_mut(slot) {
                *e = (key + 1, i as u8);
            }
        }
        let cells = (0..1 << 18).map(|_| AtomicU8::new(TRANSPARENT)).collect();
        Self {
            colours,
            exact,
            cells,
        }
    }

    /// The index of a colour that is in the palette.
    fn exact_index(&self, key: u32) -> Option<u8> {
        let mut slot = slot_of(key);
        loop {
            match self.exact.get(slot) {
                Some(&(k, i)) if k == key + 1 => return Some(i),
                Some(&(0, _)) | None => return None,
                Some(_) => slot = (slot + 1) % EXACT_SLOTS,
            }
        }
    }

    /// The entry for a pixel: its own colour's if the palette has it, else the nearest to
    /// the centre of its cell.
    fn index_of(&self, rgb: Rgb) -> u8 {
        if let Some(i) = self.exact_index(key_of(rgb)) {
            return i;
        }
        let cell = (usize::from(rgb[0] >> 2) << 12)
            | (usize::from(rgb[1] >> 2) << 6)
            | usize::from(rgb[2] >> 2);
        let Some(slot) = self.cells.get(cell) else {
            return self.nearest(rgb);
        };
        let known = slot.load(Ordering::Relaxed);
        if known != TRANSPARENT {
            return known;
        }
        let centre = rgb.map(|c| (c & !3) | 2);
        let index = self.nearest(centre);
        slot.store(index, Ordering::Relaxed);
        index
    }

    /// The palette as the GIF's global colour table: 256 RGB triples.
    fn table(&self) -> Vec<u8> {
        let mut t: Vec<u8> = self.colours.iter().flatten().copied().collect();
        t.resize(256 * 3, 0);
        t
    }

    /// The entry nearest `rgb`.
    fn nearest(&self, rgb: Rgb) -> u8 {
        let mut best = (u32::MAX, 0u8);
        for (i, &c) in self.colours.iter().enumerate() {
            let d = distance(c, rgb);
            if d < best.0 {
                best = (d, i as u8);
                if d == 0 {
                    break;
                }
            }
        }
        best.1
    }

    /// Each RGBA pixel's palette index (alpha is ignored: frames are opaque).
    pub(crate) fn index_pixels(&self, rgba: &[u8]) -> Vec<u8> {
        let mut last = (u32::MAX, 0u8);
        let mut out = Vec::with_capacity(rgba.len() / 4);
        for px in rgba.chunks_exact(4) {
            let rgb = [px[0], px[1], px[2]];
            let key = key_of(rgb);
            if key != last.0 {
                last = (key, self.index_of(rgb));
            }
            out.push(last.1);
        }
        out
    }

    /// The colour of an index.
    #[cfg(test)]
    fn colour(&self, index: u8) -> Option<Rgb> {
        self.colours.get(usize::from(index)).copied()
    }
}

/// A frame waiting for the next one, so that an unchanged frame lengthens it.
struct Pending {
    frame: Frame<'static>,
    /// Hundredths of a second from the clip's start to its end.
    end: u64,
}

/// A GIF being written.
pub(crate) struct GifClip {
    encoder: Encoder<BufWriter<File>>,
    size: [u32; 2],
    previous: Option<Vec<u8>>,
    pending: Option<Pending>,
    /// Hundredths of a second written so far.
    written: u64,
}

fn encode_error(e: gif::EncodingError) -> ExportError {
    match e {
        gif::EncodingError::Io(io) => ExportError::Clip(format!("writing the GIF: {io}")),
        other => ExportError::Clip(format!("the GIF encoder failed: {other}")),
    }
}

impl GifClip {
    /// Starts a looping GIF of `size` with `palette` as its colour table.
    pub(crate) fn create(
        file: File,
        size: [u32; 2],
        palette: &Palette,
    ) -> Result<Self, ExportError> {
        let side = |s: u32| u16::try_from(s).map_err(|_| ExportError::BadSize(size[0], size[1]));
        let mut encoder = Encoder::new(
            BufWriter::with_capacity(1 << 20, file),
            side(size[0])?,
            side(size[1])?,
            &palette.table(),
        )
        .map_err(encode_error)?;
        encoder.set_repeat(Repeat::Infinite).map_err(encode_error)?;
        Ok(Self {
            encoder,
            size,
            previous: None,
            pending: None,
            written: 0,
        })
    }

    /// Adds the next frame (palette indices), shown from `start` to `end` seconds.
    pub(crate) fn add_frame(
        &mut self,
        pixels: Vec<u8>,
        start: f64,
        end: f64,
    ) -> Result<(), ExportError> {
        let [w, h] = self.size.map(|s| s as usize);
        if pixels.len() != w * h {
            return Err(ExportError::Clip(format!(
                "a frame of {} pixels is not {w}×{h}",
                pixels.len()
            )));
        }
        let end = (end * 100.0).round().max(0.0) as u64;
        let _ = start;
        let frame = match &self.previous {
            None => Some(Frame {
                width: w as u16,
                height: h as u16,
                buffer: Cow::Owned(pixels.clone()),
                dispose: DisposalMethod::Keep,
                ..Frame::default()
            }),
            Some(previous) => changed_part(previous, &pixels, w, h),
        };
        match frame {
            None => {
                // Nothing changed: the pending frame stays longer.
                if let Some(p) = &mut self.pending {
                    p.end = end;
                }
            }
            Some(frame) => {
                self.flush_pending()?;
                self.pending = Some(Pending { frame, end });
            }
        }
        self.previous = Some(pixels);
        Ok(())
    }

    /// Writes the pending frame with its delay.
    fn flush_pending(&mut self) -> Result<(), ExportError> {
        if let Some(mut p) = self.pending.take() {
            // At least 2/100 s: players show shorter delays as 1/10 s.
            let delay = p
                .end
                .saturating_sub(self.written)
                .clamp(2, u64::from(u16::MAX));
            p.frame.delay = delay as u16;
            self.written += delay;
            self.encoder.write_frame(&p.frame).map_err(encode_error)?;
        }
        Ok(())
    }

    /// Writes the last frame and the trailer.
    pub(crate) fn finish(mut self) -> Result<(), std::io::Error> {
        self.flush_pending()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let writer = self
            .encoder
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    }
}

/// The rectangle of `current` that differs from `previous`, with unchanged pixels
/// transparent; `None` when nothing changed.
fn changed_part(previous: &[u8], current: &[u8], w: usize, h: usize) -> Option<Frame<'static>> {
    let rows_differ =
        |y: usize| previous.get(y * w..(y + 1) * w) != current.get(y * w..(y + 1) * w);
    let top = (0..h).find(|&y| rows_differ(y))?;
    let bottom = (top..h).rev().find(|&y| rows_differ(y)).unwrap_or(top);
    let (mut left, mut right) = (w, 0);
    for y in top..=bottom {
        let (a, b) = (&previous[y * w..(y + 1) * w], &current[y * w..(y + 1) * w]);
        if let Some(x) = a.iter().zip(b).position(|(p, c)| p != c) {
            left = left.min(x);
        }
        if let Some(x) = a.iter().zip(b).rposition(|(p, c)| p != c) {
            right = right.max(x);
        }
    }
    let (cw, ch) = (right + 1 - left, bottom + 1 - top);
    let mut buffer = Vec::with_capacity(cw * ch);
    for y in top..=bottom {
        let row = y * w + left..y * w + right + 1;
        for (&p, &c) in previous[row.clone()].iter().zip(&current[row]) {
            buffer.push(if p == c { TRANSPARENT } else { c });
        }
    }
    Some(Frame {
        left: left as u16,
        top: top as u16,
        width: cw as u16,
        height: ch as u16,
        buffer: Cow::Owned(buffer),
        transparent: Some(TRANSPARENT),
        dispose: DisposalMethod::Keep,
        ..Frame::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::style;
    use crate::model::Status;

    #[test]
    fn a_colour_the_list_draws_is_in_the_palette() {
        // Nothing is listed by hand: a new mark's colour comes with the list.
        let mut list =
            DisplayList::new([100.0, 100.0], crate::map::MapCamera::sahel([100.0, 100.0]));
        let novel = [0x12, 0xE4, 0x7A];
        list.items.push(Item::Rect {
            min: [0.0, 0.0],
            max: [100.0, 100.0],
            fill: Some(Paint::solid(style::SEA)),
            line: None,
        });
        list.items.push(Item::Circle {
            center: [50.0, 50.0],
            radius: 5.0,
            fill: Paint::solid(novel),
            line: Line::solid(style::INK, 1.0),
        });
        let palette = Palette::of_lists(&[list]);
        for rgb in [novel, style::SEA, style::INK, over(novel, 0.5, style::SEA)] {
            assert_eq!(palette.colour(palette.nearest(rgb)), Some(rgb), "{rgb:?}");
        }
    }

    /// The palette of the default view on two dates, as a clip would have it.
    fn map_palette() -> Palette {
        let layer = crate::map::embedded::coarse_layer().expect("layer");
        let timeline = crate::io::embedded::default_timeline().expect("timeline");
        let data = crate::export::MapData {
            layer: &layer,
            places: &layer,
            timeline: &timeline,
        };
        let lists: Vec<DisplayList> = [(2013, 6, 1), (2023, 12, 5)]
            .into_iter()
            .map(|(y, m, d)| {
                let options =
                    crate::export::RenderOptions::at(jiff::civil::Date::constant(y, m, d));
                crate::export::picture::frame(&data, &options)
            })
            .collect();
        Palette::of_lists(&lists)
    }

    #[test]
    fn the_maps_colours_are_in_the_palette_exactly() {
        let palette = map_palette();
        assert!(palette.colours.len() <= 255);
        for rgb in [
            style::SEA,
            style::LAND,
            style::SAHEL,
            style::SAHEL_MILITARY,
            style::PARTNER,
            style::INK,
            style::status_rgb(Status::Active),
            style::status_rgb(Status::WindingDown),
        ] {
            let i = palette.nearest(rgb);
            assert_eq!(palette.colour(i), Some(rgb));
        }
    }

    #[test]
    fn pixels_map_to_the_nearest_entry() {
        let palette = map_palette();
        let sea = style::SEA;
        let near_sea = [sea[0] + 1, sea[1], sea[2] - 1];
        let pixels = palette.index_pixels(&[
            sea[0],
            sea[1],
            sea[2],
            255,
            near_sea[0],
            near_sea[1],
            near_sea[2],
            255,
        ]);
        assert_eq!(pixels.len(), 2);
        assert_eq!(palette.colour(pixels[0]), Some(sea));
        assert_eq!(palette.colour(pixels[1]), Some(sea));
    }

    #[test]
    fn only_the_changed_rectangle_is_kept() {
        let previous = vec![1u8; 4 * 3];
        let mut current = previous.clone();
        assert!(changed_part(&previous, &current, 4, 3).is_none());
        current[4 + 1] = 7; // (1, 1)
        current[2 * 4 + 2] = 8; // (2, 2)
        let frame = changed_part(&previous, &current, 4, 3);
        let (l, t, w, h, buf) = frame
            .map(|f| (f.left, f.top, f.width, f.height, f.buffer.to_vec()))
            .unwrap_or_default();
        assert_eq!((l, t, w, h), (1, 1, 2, 2));
        assert_eq!(buf, [7, TRANSPARENT, TRANSPARENT, 8]);
    }
}
