//! Animations: the map over a range of dates as an MP4 (H.264) or a GIF clip, paced by
//! events.
//!
//! [`animation_schedule`] decides the frames: a date every `step`, each shown for `1 / fps`
//! seconds, and, with a hold, the frames on which an event takes effect (one dated after the
//! previous frame's date and on or before this one's) shown for the hold with the events'
//! titles as a headline. [`render_animation`] draws the frames on every core (one frame per
//! thread, [`render_rgba_in_bands`] with one band), hands them in order to the encoder as
//! they come (a bounded channel and a reorder buffer), and writes a temporary file beside
//! the target that is renamed at the end: memory stays flat however long the clip, and a
//! cancelled or failed export leaves nothing at the path asked for.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use jiff::civil::Date;

use crate::io::atomic::{AtomicFile, ScratchFile};
use crate::model::{Day, Timeline};

use super::animation_frame::AnimationFrame;
use super::picture::{HEADLINE_SIZE, title_max_width};
use super::{
    ExportError, FrameStep, MapData, RenderOptions, frame_dates, gif_out, mp4_out,
    render_rgba_in_bands,
};
use crate::map::text;
use crate::model::EventIx;

/// The highest frame rate of a clip.
pub const MAX_FPS: f64 = 60.0;
/// The highest frame rate of a GIF: players show shorter delays than 1/50 s as 1/10 s.
pub const MAX_GIF_FPS: f64 = 50.0;
/// The shortest side of a clip, pixels (H.264's macroblocks are 16 pixels).
pub const MIN_CLIP_SIDE: u32 = 16;
/// The longest hold on an event, seconds.
pub const MAX_HOLD: f64 = 60.0;

/// The kinds of clip, from the output file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnimationFormat {
    /// `.mp4`: H.264 video (yuv420p, even sides), plays in browsers and the usual players.
    Mp4,
    /// `.gif`: loops forever, palette from the map's own colours.
    Gif,
}

impl AnimationFormat {
    /// The format a path's extension names (case-insensitive), if any.
    pub fn of_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "mp4" => Some(Self::Mp4),
            "gif" => Some(Self::Gif),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Mp4 => "mp4",
            Self::Gif => "gif",
        }
    }
}

/// What clip to make: the dates, the pace and the holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AnimationRequest {
    /// The first frame's date.
    pub from: Date,
    /// The last date a frame may have.
    pub to: Date,
    /// Time between frames' dates.
    pub step: FrameStep,
    /// Frames per second while time flows.
    pub fps: f64,
    /// Seconds to hold each frame on which an event takes effect; 0 for an even flow.
    pub hold_events: f64,
}

/// What a finished export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct AnimationSummary {
    /// The file written.
    pub path: PathBuf,
    /// Frames drawn.
    pub frames: usize,
    /// Of which held on an event.
    pub held: usize,
    /// Length of the clip, seconds.
    pub seconds: f64,
    /// Width and height, pixels.
    pub size: [u32; 2],
    /// Size of the file, bytes.
    pub bytes: u64,
}

/// Progress of an export, shared with whoever watches it; also how to cancel it.
#[derive(Debug, Default)]
pub struct AnimationProgress {
    /// Frames encoded so far.
    pub done: AtomicUsize,
    /// Frames in all (known once the schedule is made).
    pub total: AtomicUsize,
    /// Set to stop the export: it stops after the frames being drawn and removes its file.
    pub cancel: AtomicBool,
}

impl AnimationProgress {
    /// Asks the export to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether cancelling was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Frames done and in all.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// Checks the pace of a clip for a format.
fn check_request(request: &AnimationRequest, format: AnimationFormat) -> Result<(), ExportError> {
    let max_fps = match format {
        AnimationFormat::Mp4 => MAX_FPS,
        AnimationFormat::Gif => MAX_GIF_FPS,
    };
    // NaN fails these range checks too.
    if !(request.fps >= 0.1 && request.fps <= max_fps) {
        return Err(ExportError::BadAnimation(format!(
            "--fps {} is out of range: a {} runs at 0.1 to {max_fps} frames per second",
            request.fps,
            format.extension().to_ascii_uppercase()
        )));
    }
    if !(request.hold_events >= 0.0 && request.hold_events <= MAX_HOLD) {
        return Err(ExportError::BadAnimation(format!(
            "--hold-events {} is out of range: hold each event 0 to {MAX_HOLD} seconds",
            request.hold_events
        )));
    }
    Ok(())
}

/// The frames of a clip: their dates (see [`frame_dates`]), when each appears and for how
/// long, and, with `request.hold_events` > 0, the events each one is held on with their
/// titles as a headline that fits a picture `width` pixels wide (all titles if they fit,
/// else the first and "and N more"). The first frame takes the events of its own date.
///
/// # Errors
/// [`ExportError::BadRange`] for a range outside the scenario's span, backwards, or too
/// long; [`ExportError::BadAnimation`] for a frame rate or hold out of range.
pub fn animation_schedule(
    timeline: &Timeline,
    request: &AnimationRequest,
    width: u32,
) -> Result<Vec<AnimationFrame>, ExportError> {
    check_request(request, AnimationFormat::Mp4)?;
    let (start, end) = (timeline.start().to_date(), timeline.end().to_date());
    for (flag, date) in [("--from", request.from), ("--to", request.to)] {
        if date < start || date > end {
            return Err(ExportError::BadRange(format!(
                "{flag} {date} is outside the scenario's span, {start} to {end}"
            )));
        }
    }
    let dates = frame_dates(request.from, request.to, request.step)?;
    let scenario = timeline.scenario();
    let order = timeline.events_in_order();
    let days = timeline.event_days();
    let fits = |t: &str| text::width(t, HEADLINE_SIZE) <= title_max_width(width);
    let tick = 1.0 / request.fps;
    let mut frames = Vec::with_capacity(dates.len());
    let mut clock = 0.0;
    let mut previous = Day::from_date(request.from).plus(-1);
    for date in dates {
        let day = Day::from_date(date);
        // Events dated in (previous, day].
        let first = days.partition_point(|&d| d <= previous);
        let last = days.partition_point(|&d| d <= day);
        let events: Vec<EventIx> = order.get(first..last).unwrap_or_default().to_vec();
        previous = day;
        let held = request.hold_events > 0.0 && !events.is_empty();
        let headline = if held {
            let titles: Vec<&str> = events
                .iter()
                .filter_map(|&e| scenario.event_at(e))
                .map(|e| e.title.as_str())
                .collect();
            headline_of(&titles, &fits)
        } else {
            None
        };
        let seconds = if held { request.hold_events } else { tick };
        frames.push(AnimationFrame {
            date,
            start: clock,
            seconds,
            events,
            headline,
        });
        clock += seconds;
    }
    Ok(frames)
}

/// The headline of a frame held on events with these titles: all of them, joined by " · ",
/// if they `fits`; else the first and "(and N more)".
pub(crate) fn headline_of(titles: &[&str], fits: &dyn Fn(&str) -> bool) -> Option<String> {
    let (first, rest) = titles.split_first()?;
    if rest.is_empty() {
        return Some((*first).to_owned());
    }
    let all = titles.join(" · ");
    if fits(&all) {
        return Some(all);
    }
    Some(format!("{first} (and {} more)", rest.len()))
}

/// Draws the clip `request` asks for with `options`' size, view and switches (its date and
/// headline are set per frame) and writes it to `out`, MP4 or GIF by extension. MP4 frames
/// have even sides: an odd width or height is rounded down by one pixel.
///
/// Frames are drawn on every core and encoded as they come; `progress` counts them and
/// cancels. The clip is written atomically ([`crate::io::atomic`]): to a uniquely named
/// hidden file beside `out` (`.NAME.XXXXXX.part`; an MP4's samples to a second one), renamed
/// to `out` at the end; on error or cancel they are removed and `out` is untouched.
///
/// # Errors
/// [`ExportError::BadAnimation`] for an unknown extension, frame rate or hold;
/// [`ExportError::BadRange`] / [`ExportError::BadSize`] for the dates or the size;
/// [`ExportError::Write`] naming `out` when it cannot be written; [`ExportError::Encode`];
/// [`ExportError::Cancelled`].
pub fn render_animation(
    data: &MapData<'_>,
    options: &RenderOptions,
    request: &AnimationRequest,
    out: &Path,
    progress: &AnimationProgress,
) -> Result<AnimationSummary, ExportError> {
    let format = AnimationFormat::of_path(out).ok_or_else(|| {
        ExportError::BadAnimation(format!(
            "cannot tell what kind of clip to write to '{}': end --out with .mp4 or .gif",
            out.display()
        ))
    })?;
    check_request(request, format)?;
    let mut options = RenderOptions {
        headline: None,
        ..options.clone()
    };
    let [w, h] = options.size;
    if w.min(h) < MIN_CLIP_SIDE {
        return Err(ExportError::BadAnimation(format!(
            "a clip of {w}×{h} pixels is too small: each side must be at least \
             {MIN_CLIP_SIDE} pixels; ask for a larger --size"
        )));
    }
    if format == AnimationFormat::Mp4 {
        // H.264 4:2:0 needs even sides.
        options.size = options.size.map(|s| (s & !1).max(2));
        let [w, h] = options.size;
        if w.max(h) > 3840 || w.min(h) > 2160 {
            return Err(ExportError::BadAnimation(format!(
                "an MP4 of {w}×{h} pixels is too large for H.264 here: at most 3840×2160 \
                 (or 2160×3840); ask for a smaller --size"
            )));
        }
    }
    options.check_size()?;
    let frames = animation_schedule(data.timeline, request, options.size[0])?;
    progress.total.store(frames.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    if out.is_dir() {
        return Err(ExportError::Write {
            path: out.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a folder"),
        });
    }
    let write_error = |source: std::io::Error| ExportError::Write {
        path: out.to_path_buf(),
        source,
    };
    let mut file = AtomicFile::create(out).map_err(write_error)?;
    match format {
        AnimationFormat::Mp4 => {
            let scratch = ScratchFile::beside(out, "mdat").map_err(write_error)?;
            let mut writer =
                mp4_out::Mp4Clip::create(&scratch, out, options.size, request.fps, &frames)?;
            run_pipeline(
                data,
                &options,
                &frames,
                progress,
                &mp4_out::yuv_of_rgba(options.size),
                &mut |i, yuv| writer.add_frame(i, &yuv),
            )?;
            writer.finish(&mut file)?;
            drop(scratch);
        }
        AnimationFormat::Gif => {
            let palette = gif_out::Palette::of_lists(&sample_lists(data, &options, &frames));
            let mut writer = gif_out::GifClip::create(file, options.size, &palette)?;
            run_pipeline(
                data,
                &options,
                &frames,
                progress,
                &|rgba: Vec<u8>| Ok(palette.index_pixels(&rgba)),
                &mut |i, pixels| {
                    let (start, end) = frames
                        .get(i)
                        .map_or((0.0, 0.0), |f| (f.start, f.start + f.seconds));
                    writer.add_frame(pixels, start, end)
                },
            )?;
            file = writer.finish().map_err(write_error)?;
        }
    }
    if progress.is_cancelled() {
        return Err(ExportError::Cancelled);
    }
    file.commit().map_err(write_error)?;
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    Ok(AnimationSummary {
        path: out.to_path_buf(),
        frames: frames.len(),
        held: frames.iter().filter(|f| f.headline.is_some()).count(),
        seconds: frames.last().map_or(0.0, |f| f.start + f.seconds),
        size: options.size,
        bytes,
    })
}

/// The display lists of a sample of `frames`, for the GIF palette: every frame on which
/// events take effect (they change what is drawn), and about 16 others spread over the
/// clip.
fn sample_lists(
    data: &MapData<'_>,
    base: &RenderOptions,
    frames: &[AnimationFrame],
) -> Vec<crate::map::display::DisplayList> {
    let reserve = frames.iter().any(|f| f.headline.is_some());
    let every = (frames.len() / 16).max(1);
    frames
        .iter()
        .enumerate()
        .filter(|(i, f)| i % every == 0 || !f.events.is_empty() || i + 1 == frames.len())
        .map(|(_, frame)| {
            let options = RenderOptions {
                date: frame.date,
                headline: frame.headline.clone().or_else(|| reserve.then(String::new)),
                ..base.clone()
            };
            super::picture::frame(data, &options)
        })
        .collect()
}

/// Draws `frames` on every core, one frame per thread, turns each into what the encoder
/// takes with `prepare` (on the drawing thread), and hands them to `consume` in order on
/// the calling thread. At most a few frames per thread are in memory at once: a drawing
/// thread waits while it is too far ahead of the encoder.
fn run_pipeline<P: Send>(
    data: &MapData<'_>,
    base: &RenderOptions,
    frames: &[AnimationFrame],
    progress: &AnimationProgress,
    prepare: &(dyn Fn(Vec<u8>) -> Result<P, ExportError> + Sync),
    consume: &mut dyn FnMut(usize, P) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let workers = std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .clamp(1, 8)
        .min(frames.len().max(1));
    // How far ahead of the encoder a drawing thread may go.
    let window = 2 * workers;
    let next = AtomicUsize::new(0);
    let encoded = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let halted = || stop.load(Ordering::Relaxed) || progress.is_cancelled();
    // In a clip with held frames, the others keep the headline's room (an empty headline).
    let reserve = frames.iter().any(|f| f.headline.is_some());
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<(usize, Result<P, ExportError>)>(workers);
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, encoded, halted, reserve) = (&next, &encoded, &halted, reserve);
            scope.spawn(move || {
                loop {
                    if halted() {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(frame) = frames.get(i) else { break };
                    while i >= encoded.load(Ordering::Acquire) + window && !halted() {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    let options = RenderOptions {
                        date: frame.date,
                        headline: frame.headline.clone().or_else(|| reserve.then(String::new)),
                        ..base.clone()
                    };
                    let result = render_rgba_in_bands(data, &options, 1).and_then(prepare);
                    if tx.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0;
        let mut outcome = Ok(());
        for (i, result) in rx.iter() {
            if outcome.is_err() {
                continue; // drain, so that no drawing thread waits on a full channel
            }
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                if let Err(e) = result.and_then(|p| consume(want, p)) {
                    outcome = Err(e);
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
                want += 1;
                encoded.store(want, Ordering::Release);
                progress.done.store(want, Ordering::Relaxed);
            }
            if progress.is_cancelled() && outcome.is_ok() {
                outcome = Err(ExportError::Cancelled);
                stop.store(true, Ordering::Relaxed);
            }
        }
        if outcome.is_ok() && progress.is_cancelled() {
            outcome = Err(ExportError::Cancelled);
        }
        if outcome.is_ok() && want < frames.len() {
            outcome = Err(ExportError::Clip(
                "a drawing thread stopped before its frame was drawn".to_owned(),
            ));
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_list_all_titles_that_fit_else_the_first_and_a_count() {
        let short = |t: &str| t.len() <= 40;
        assert_eq!(headline_of(&[], &short), None);
        assert_eq!(headline_of(&["A"], &short).as_deref(), Some("A"));
        assert_eq!(headline_of(&["A", "B"], &short).as_deref(), Some("A · B"));
        let long = [
            "Niger ends the EU's two missions",
            "Russia and Niger sign",
            "x",
        ];
        assert_eq!(
            headline_of(&long, &short).as_deref(),
            Some("Niger ends the EU's two missions (and 2 more)")
        );
    }

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(
            AnimationFormat::of_path(Path::new("a/clip.MP4")),
            Some(AnimationFormat::Mp4)
        );
        assert_eq!(
            AnimationFormat::of_path(Path::new("clip.gif")),
            Some(AnimationFormat::Gif)
        );
        assert_eq!(AnimationFormat::of_path(Path::new("clip.avi")), None);
    }
}
