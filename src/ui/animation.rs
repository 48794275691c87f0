//! File → Export animation…: a window that asks for the range, step, size, format, pace and
//! event holds, and the file (rfd's asynchronous dialog on its own thread, or a typed path),
//! then draws and encodes the clip on a worker thread with a progress bar, the time left
//! and Cancel. The export writes a temporary file beside the target and renames it at the
//! end, so a cancelled or failed export leaves nothing at the path asked for.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::app::document::Document;
use crate::app::view::View;
use crate::export::{
    AnimationFormat, AnimationProgress, AnimationRequest, AnimationSummary, ExportError, FrameStep,
    MapData, RenderOptions, parse_size, render_animation,
};
use crate::map::MapCamera;

/// A clip being written off the UI thread.
struct AnimationJob {
    progress: Arc<AnimationProgress>,
    started: Instant,
    path: PathBuf,
    result: Receiver<Result<AnimationSummary, ExportError>>,
}

/// The Export animation window's fields and its running export.
pub(crate) struct AnimationUi {
    /// Whether the window is shown.
    pub open: bool,
    from: String,
    to: String,
    step: String,
    size: String,
    format: AnimationFormat,
    fps: f64,
    hold: f64,
    use_view: bool,
    path: String,
    /// A problem with the fields, or how the last export ended.
    note: Option<(String, bool)>,
    chosen_tx: Sender<Option<PathBuf>>,
    chosen_rx: Receiver<Option<PathBuf>>,
    job: Option<AnimationJob>,
}

impl Default for AnimationUi {
    fn default() -> Self {
        let (chosen_tx, chosen_rx) = channel();
        Self {
            open: false,
            from: String::new(),
            to: String::new(),
            step: "1m".to_owned(),
            size: "1280x720".to_owned(),
            format: AnimationFormat::Mp4,
            fps: 2.0,
            hold: 1.5,
            use_view: true,
            path: String::new(),
            note: None,
            chosen_tx,
            chosen_rx,
            job: None,
        }
    }
}

/// "1 min 20 s", "12 s".
fn duration_text(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    if s >= 60 {
        format!("{} min {:02} s", s / 60, s % 60)
    } else {
        format!("{s} s")
    }
}

/// The range the export window starts with: the compare range when the app has one,
/// else the scenario's whole span.
fn animation_default_range(document: &Document, view: &View) -> (Date, Date) {
    match view.compare.range {
        Some((a, b)) => (a.to_date(), b.to_date()),
        None => (
            document.timeline.start().to_date(),
            document.timeline.end().to_date(),
        ),
    }
}

/// Opens the Export animation window (File menu), on the compare range when there is one.
pub(crate) fn open_animation_window(a: &mut AnimationUi, document: &Document, view: &View) {
    let (from, to) = animation_default_range(document, view);
    if a.from.is_empty() || a.to.is_empty() || view.compare.range.is_some() {
        a.from = from.to_string();
        a.to = to.to_string();
    }
    if a.path.is_empty() {
        let home = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default();
        a.path = home
            .join(format!("sahel-atlas.{}", a.format.extension()))
            .display()
            .to_string();
    }
    a.open = true;
}

/// Asks for the file with the native dialog, on its own thread.
fn choose_animation_file(anim: &mut AnimationUi) {
    let tx = anim.chosen_tx.clone();
    let ext = anim.format.extension();
    let name = PathBuf::from(&anim.path).file_name().map_or_else(
        || format!("sahel-atlas.{ext}"),
        |n| n.to_string_lossy().into_owned(),
    );
    let spawned = std::thread::Builder::new()
        .name("animation-dialog".into())
        .spawn(move || {
            let started = Instant::now();
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Export animation")
                .set_file_name(&name)
                .add_filter(ext.to_ascii_uppercase(), &[ext]);
            match pollster::block_on(dialog.save_file()) {
                Some(file) => {
                    let _ = tx.send(Some(file.path().to_path_buf()));
                }
                None if started.elapsed() < Duration::from_millis(400) => {
                    let _ = tx.send(None);
                }
                None => {}
            }
        });
    if spawned.is_err() {
        anim.note = Some((
            "Could not start the file dialog: type the path instead.".to_owned(),
            true,
        ));
    }
}

/// Reads the fields and starts the export on a worker thread.
fn start_animation(anim: &mut AnimationUi, document: &Document, view: &View, ctx: &egui::Context) {
    let a = &*anim;
    let parsed = (|| -> Result<(AnimationRequest, [u32; 2], PathBuf), String> {
        let from = crate::model::parse_date(a.from.trim()).map_err(|e| format!("From: {e}"))?;
        let to = crate::model::parse_date(a.to.trim()).map_err(|e| format!("To: {e}"))?;
        let step = FrameStep::parse(&a.step).map_err(|e| format!("Step: {e}"))?;
        let size = parse_size(&a.size).map_err(|e| format!("Size: {e}"))?;
        let mut path = PathBuf::from(a.path.trim());
        if path.as_os_str().is_empty() {
            return Err("Choose or type the file to write.".to_owned());
        }
        if AnimationFormat::of_path(&path) != Some(a.format) {
            path.set_extension(a.format.extension());
        }
        let request = AnimationRequest {
            from,
            to,
            step,
            fps: a.fps,
            hold_events: a.hold,
        };
        // Check the range and pace now, for a message beside the fields.
        crate::export::animation_schedule(&document.timeline, &request, size[0])
            .map_err(|e| e.to_string())?;
        Ok((request, size, path))
    })();
    let (request, size, path) = match parsed {
        Ok(p) => p,
        Err(e) => {
            anim.note = Some((e, true));
            return;
        }
    };
    anim.path = path.display().to_string();
    // The view on screen, scaled to the clip's width, or the default Sahel view.
    let camera = if anim.use_view {
        let width = f64::from(view.map_rect.width().max(1.0));
        view.camera.map(|c| MapCamera {
            center_world: c.center_world,
            scale: c.scale * f64::from(size[0]) / width,
        })
    } else {
        None
    };
    let options = RenderOptions {
        size,
        camera,
        hide_ended: view.hide_ended,
        filter: view.filter.clone(),
        focus: view.focus_ties.then(|| view.selected.clone()).flatten(),
        events: crate::app::event_view::event_options(document, &view.events),
        ..RenderOptions::at(request.from)
    };
    let layer = document
        .fine
        .clone()
        .unwrap_or_else(|| document.coarse.clone());
    let places = document.coarse.clone();
    let timeline = document.timeline.clone();
    let progress = Arc::new(AnimationProgress::default());
    let (tx, rx) = channel();
    let worker_progress = progress.clone();
    let worker_path = path.clone();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("animation-export".into())
        .spawn(move || {
            let data = MapData {
                layer: &layer,
                places: &places,
                timeline: &timeline,
            };
            let result =
                render_animation(&data, &options, &request, &worker_path, &worker_progress);
            let _ = tx.send(result);
            ctx.request_repaint();
        });
    match spawned {
        Ok(_) => {
            anim.note = None;
            anim.job = Some(AnimationJob {
                progress,
                started: Instant::now(),
                path,
                result: rx,
            });
        }
        Err(e) => {
            anim.note = Some((format!("Could not start the export: {e}"), true));
        }
    }
}

/// Takes the dialog's choice and the finished export's result.
fn poll_animation(anim: &mut AnimationUi) {
    while let Ok(chosen) = anim.chosen_rx.try_recv() {
        match chosen {
            Some(path) => {
                if let Some(format) = AnimationFormat::of_path(&path) {
                    anim.format = format;
                }
                anim.path = path.display().to_string();
            }
            None => {
                anim.note = Some((
                    "No file dialog could be shown (no desktop portal or zenity answered): \
                     type the path instead."
                        .to_owned(),
                    false,
                ));
            }
        }
    }
    let Some(job) = &anim.job else {
        return;
    };
    let Ok(result) = job.result.try_recv() else {
        return;
    };
    let path = job.path.display().to_string();
    anim.note = Some(match result {
        Ok(done) => (
            format!(
                "Wrote {path}: {} frames ({} held on events), {}, {} KB.",
                done.frames,
                done.held,
                duration_text(done.seconds),
                done.bytes.div_ceil(1024)
            ),
            false,
        ),
        Err(ExportError::Cancelled) => {
            (format!("Cancelled: nothing was written to {path}."), false)
        }
        Err(e) => (format!("Could not write {path}: {e}"), true),
    });
    anim.job = None;
}

/// The Export animation window, while open or while a clip is being written.
pub(crate) fn animation_window(
    anim: &mut AnimationUi,
    document: &Document,
    view: &View,
    ctx: &egui::Context,
) {
    poll_animation(anim);
    if !anim.open && anim.job.is_none() {
        return;
    }
    let mut open = true;
    let mut start = false;
    let mut choose = false;
    egui::Window::new("Export animation")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let running = anim.job.is_some();
            let a = &mut *anim;
            ui.add_enabled_ui(!running, |ui| {
                if animation_fields_ui(ui, a) {
                    choose = true;
                }
            });
            start = animation_progress_ui(ui, a);
        });
    if choose {
        choose_animation_file(anim);
    }
    if start {
        start_animation(anim, document, view, ctx);
    }
    if !open {
        // Closing the window cancels a running export.
        if let Some(job) = &anim.job {
            job.progress.cancel();
        }
        anim.open = false;
    }
}

/// The window's fields: dates, step, size, format, pace, view and file; whether "Choose…"
/// was clicked.
fn animation_fields_ui(ui: &mut egui::Ui, a: &mut AnimationUi) -> bool {
    let mut choose = false;
    egui::Grid::new("animation_fields")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label("From");
            ui.text_edit_singleline(&mut a.from).labelled_by(l.id);
            ui.end_row();
            let l = ui.label("To");
            ui.text_edit_singleline(&mut a.to).labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Step");
            ui.text_edit_singleline(&mut a.step)
                .labelled_by(l.id)
                .on_hover_text("7d, 2w, 1m or 1y");
            ui.end_row();
            let l = ui.label("Size");
            ui.text_edit_singleline(&mut a.size)
                .labelled_by(l.id)
                .on_hover_text("WIDTHxHEIGHT, such as 1280x720");
            ui.end_row();
            ui.label("Format");
            ui.horizontal(|ui| {
                ui.radio_value(&mut a.format, AnimationFormat::Mp4, "MP4 video");
                ui.radio_value(&mut a.format, AnimationFormat::Gif, "GIF");
            });
            ui.end_row();
            ui.label("Frames per second");
            ui.add(egui::Slider::new(&mut a.fps, 0.5..=30.0));
            ui.end_row();
            ui.label("Hold on events");
            ui.add(egui::Slider::new(&mut a.hold, 0.0..=5.0).suffix(" s"))
                .on_hover_text(
                    "Pause on each frame where an event takes effect, with its \
                     title as a headline; 0 lets time flow evenly.",
                );
            ui.end_row();
            ui.label("View");
            ui.checkbox(&mut a.use_view, "The map's current view");
            ui.end_row();
            let l = ui.label("File");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut a.path).desired_width(260.0))
                    .labelled_by(l.id);
                if ui.button("Choose…").clicked() {
                    choose = true;
                }
            });
            ui.end_row();
        });
    choose
}

/// The running export's progress and Cancel, or the Export button (whether it was
/// clicked), then the last export's note.
fn animation_progress_ui(ui: &mut egui::Ui, a: &AnimationUi) -> bool {
    let mut start = false;
    if let Some(job) = &a.job {
        let (done, total) = job.progress.counts();
        let fraction = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        let elapsed = job.started.elapsed().as_secs_f64();
        let left = if done == 0 {
            "estimating the time left".to_owned()
        } else {
            let rest = elapsed / done as f64 * (total - done.min(total)) as f64;
            format!("about {} left", duration_text(rest))
        };
        ui.add(egui::ProgressBar::new(fraction).text(format!("frame {done} of {total}, {left}")));
        if ui.button("Cancel").clicked() {
            job.progress.cancel();
        }
        ui.ctx().request_repaint_after(Duration::from_millis(100));
    } else if ui.button("Export").clicked() {
        start = true;
    }
    if let Some((text, is_error)) = &a.note {
        let colour = if *is_error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().text_color()
        };
        ui.colored_label(colour, text);
    }
    start
}
