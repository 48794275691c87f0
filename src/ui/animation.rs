//! File → Export animation…: a window that asks for the range, step, size, format, pace and
//! event holds, and the file (the native dialog, or a typed path), then shows the clip being
//! drawn and encoded with a progress bar, the time left and Cancel. The window only reads
//! its fields and pushes [`AnimationCommand`]s; the dialog and the export are the app's
//! jobs ([`crate::app::animation`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::app::animation::{AnimationCommand, AnimationExport};
use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::view::View;
use crate::export::{
    AnimationFormat, AnimationProgress, AnimationRequest, AnimationSummary, ExportError, FrameStep,
    parse_size,
};
use crate::model::i18n::{tr, tr_args};

/// A clip being written by a job: its progress, shared with the job.
struct RunningClip {
    progress: Arc<AnimationProgress>,
    started: Instant,
    path: PathBuf,
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
    running: Option<RunningClip>,
}

impl Default for AnimationUi {
    fn default() -> Self {
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
            running: None,
        }
    }
}

/// What the app tells the window about its jobs.
impl AnimationUi {
    /// Whether a clip is being written.
    pub(crate) fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// A clip's job has started, writing to `path`.
    pub(crate) fn started(&mut self, progress: Arc<AnimationProgress>, path: PathBuf) {
        self.path = path.display().to_string();
        self.note = None;
        self.running = Some(RunningClip {
            progress,
            started: Instant::now(),
            path,
        });
    }

    /// Asks the clip being written to stop.
    pub(crate) fn cancel(&self) {
        if let Some(running) = &self.running {
            running.progress.cancel();
        }
    }

    /// The file chosen in the dialog: the format follows its extension.
    pub(crate) fn set_path(&mut self, path: &std::path::Path) {
        if let Some(format) = AnimationFormat::of_path(path) {
            self.format = format;
        }
        self.path = path.display().to_string();
    }

    /// No file dialog could be shown.
    pub(crate) fn no_dialog(&mut self) {
        self.note = Some((tr("anim-no-dialog"), false));
    }

    /// The dialog's thread could not start.
    pub(crate) fn dialog_did_not_start(&mut self) {
        self.note = Some((tr("anim-dialog-failed"), true));
    }

    /// The clip's job ended with `result`.
    pub(crate) fn finished(
        &mut self,
        path: &std::path::Path,
        result: Result<AnimationSummary, ExportError>,
    ) {
        let path = path.display().to_string();
        self.note = Some(match result {
            Ok(done) => (
                tr_args(
                    "anim-wrote",
                    &[
                        ("path", path.into()),
                        ("frames", done.frames.into()),
                        ("held", done.held.into()),
                        ("time", duration_text(done.seconds).into()),
                        ("kb", done.bytes.div_ceil(1024).into()),
                    ],
                ),
                false,
            ),
            Err(ExportError::Cancelled) => {
                (tr_args("anim-cancelled", &[("path", path.into())]), false)
            }
            Err(e) => (
                tr_args(
                    "anim-write-failed",
                    &[("path", path.into()), ("error", e.to_string().into())],
                ),
                true,
            ),
        });
        self.running = None;
    }

    /// A job called `job` ended without a result (it panicked, or its thread could not
    /// start): when it was the clip's, the window says so and is ready again.
    pub(crate) fn job_failed(&mut self, job: &str, why: &str) {
        if let Some(running) = &self.running
            && running.path.display().to_string() == job
        {
            let args = [
                ("path", job.to_owned().into()),
                ("why", why.to_owned().into()),
            ];
            self.note = Some((tr_args("anim-job-failed", &args), true));
            self.running = None;
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

/// Reads and checks the fields: the clip to write, or what is wrong, for a note beside them.
fn read_fields(a: &AnimationUi, document: &Document) -> Result<AnimationExport, String> {
    // The field's name in the language shown; the reason from the parser (in English).
    let field =
        |key: &str, e: &dyn std::fmt::Display| tr_args(key, &[("error", e.to_string().into())]);
    let from = crate::model::parse_date(a.from.trim()).map_err(|e| field("anim-field-from", &e))?;
    let to = crate::model::parse_date(a.to.trim()).map_err(|e| field("anim-field-to", &e))?;
    let step = FrameStep::parse(&a.step).map_err(|e| field("anim-field-step", &e))?;
    let size = parse_size(&a.size).map_err(|e| field("anim-field-size", &e))?;
    let mut path = PathBuf::from(a.path.trim());
    if path.as_os_str().is_empty() {
        return Err(tr("anim-no-file"));
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
    Ok(AnimationExport {
        request,
        size,
        path,
        use_view: a.use_view,
    })
}

/// The Export animation window, while open or while a clip is being written.
pub(crate) fn animation_window(
    anim: &mut AnimationUi,
    document: &Document,
    commands: &mut Vec<Command>,
    ctx: &egui::Context,
) {
    if !anim.open && anim.running.is_none() {
        return;
    }
    let mut open = true;
    let mut start = false;
    let mut cancel = false;
    let mut choose = false;
    egui::Window::new(tr("anim-title"))
        .id(egui::Id::unique("export_animation_window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let running = anim.running.is_some();
            let a = &mut *anim;
            ui.add_enabled_ui(!running, |ui| {
                if animation_fields_ui(ui, a) {
                    choose = true;
                }
            });
            (start, cancel) = animation_progress_ui(ui, a);
        });
    if cancel {
        commands.push(Command::Animation(AnimationCommand::Cancel));
    }
    if choose {
        let path = PathBuf::from(anim.path.trim());
        let ext = anim.format.extension();
        let name = path.file_name().map_or_else(
            || format!("sahel-atlas.{ext}"),
            |n| n.to_string_lossy().into_owned(),
        );
        let command = AnimationCommand::ChooseFile(anim.format, path.with_file_name(name));
        commands.push(Command::Animation(command));
    }
    if start {
        match read_fields(anim, document) {
            Ok(export) => commands.push(Command::Animation(AnimationCommand::Export(export))),
            Err(e) => anim.note = Some((e, true)),
        }
    }
    if !open {
        // Closing the window cancels a running export.
        if anim.running.is_some() {
            commands.push(Command::Animation(AnimationCommand::Cancel));
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
            let l = ui.label(tr("anim-from"));
            ui.text_edit_singleline(&mut a.from).labelled_by(l.id);
            ui.end_row();
            let l = ui.label(tr("anim-to"));
            ui.text_edit_singleline(&mut a.to).labelled_by(l.id);
            ui.end_row();
            let l = ui.label(tr("anim-step"));
            ui.text_edit_singleline(&mut a.step)
                .labelled_by(l.id)
                .on_hover_text(tr("anim-step-hint"));
            ui.end_row();
            let l = ui.label(tr("anim-size"));
            ui.text_edit_singleline(&mut a.size)
                .labelled_by(l.id)
                .on_hover_text(tr("anim-size-hint"));
            ui.end_row();
            ui.label(tr("anim-format"));
            ui.horizontal(|ui| {
                ui.radio_value(&mut a.format, AnimationFormat::Mp4, tr("anim-mp4"));
                ui.radio_value(&mut a.format, AnimationFormat::Gif, "GIF");
            });
            ui.end_row();
            ui.label(tr("anim-fps"));
            ui.add(egui::Slider::new(&mut a.fps, 0.5..=30.0));
            ui.end_row();
            ui.label(tr("anim-hold"));
            ui.add(egui::Slider::new(&mut a.hold, 0.0..=5.0).suffix(" s"))
                .on_hover_text(tr("anim-hold-hint"));
            ui.end_row();
            ui.label(tr("anim-view"));
            ui.checkbox(&mut a.use_view, tr("anim-use-view"));
            ui.end_row();
            let l = ui.label(tr("anim-file"));
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut a.path).desired_width(260.0))
                    .labelled_by(l.id);
                if ui.button(tr("anim-choose")).clicked() {
                    choose = true;
                }
            });
            ui.end_row();
        });
    choose
}

/// The running export's progress and Cancel, or the Export button, then the last export's
/// note. Returns whether Export and whether Cancel were clicked.
fn animation_progress_ui(ui: &mut egui::Ui, a: &AnimationUi) -> (bool, bool) {
    let (mut start, mut cancel) = (false, false);
    if let Some(job) = &a.running {
        let (done, total) = job.progress.counts();
        let fraction = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        let elapsed = job.started.elapsed().as_secs_f64();
        let left = if done == 0 {
            tr("anim-estimating")
        } else {
            let rest = elapsed / done as f64 * (total - done.min(total)) as f64;
            tr_args("anim-left", &[("time", duration_text(rest).into())])
        };
        let progress = tr_args(
            "anim-progress",
            &[
                ("done", done.into()),
                ("total", total.into()),
                ("left", left.into()),
            ],
        );
        ui.add(egui::ProgressBar::new(fraction).text(progress));
        cancel = ui.button(tr("anim-cancel")).clicked();
        ui.ctx().request_repaint_after(Duration::from_millis(100));
    } else if ui.button(tr("anim-export")).clicked() {
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
    (start, cancel)
}
