//! File → Export animation… as a background job like every other. The window
//! (`ui::animation`) keeps its fields, checks them and pushes [`AnimationCommand`]s; here,
//! after the frame, the file dialog is asked through [`crate::app::dialogs::ask_path`] and
//! the clip is drawn and encoded by [`crate::app::jobs::Jobs`], its progress shared with the
//! window, Cancel a command. The export writes a temporary file beside the target and
//! renames it at the end, so a cancelled or failed export leaves nothing at the path.

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::SahelApp;
use crate::app::dialogs::PathPurpose;
use crate::app::jobs::{Loaded, STAGE_EXPORTING};
use crate::export::{
    AnimationFormat, AnimationProgress, AnimationRequest, MapData, RenderOptions, render_animation,
};
use crate::map::MapCamera;

/// What the Export animation window asks the app for.
#[derive(Clone, Debug, PartialEq)]
pub enum AnimationCommand {
    /// Ask for the clip's file with the native dialog, suggesting this path; where no dialog
    /// can be shown, the window says to type it.
    ChooseFile(AnimationFormat, PathBuf),
    /// The file chosen in the dialog.
    SetPath(PathBuf),
    /// Draw and encode a clip off the UI thread.
    Export(AnimationExport),
    /// Stop the clip being written.
    Cancel,
}

/// A clip to write, as the window read and checked its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct AnimationExport {
    /// The dates, the pace and the holds.
    pub request: AnimationRequest,
    /// Width and height, pixels.
    pub size: [u32; 2],
    /// The file to write (MP4 or GIF by its extension).
    pub path: PathBuf,
    /// The map's current view scaled to the clip's width; else the default Sahel view.
    pub use_view: bool,
}

impl SahelApp {
    /// Applies a command of the Export animation window.
    pub(crate) fn apply_animation(&mut self, command: AnimationCommand) {
        match command {
            AnimationCommand::ChooseFile(format, suggested) => {
                let purpose = PathPurpose::Animation(format);
                if crate::app::dialogs::ask_path(&self.jobs, purpose, suggested).is_err() {
                    self.animation.dialog_did_not_start();
                }
            }
            AnimationCommand::SetPath(path) => self.animation.set_path(&path),
            AnimationCommand::Export(export) => self.start_animation(export),
            AnimationCommand::Cancel => self.animation.cancel(),
        }
    }

    /// Starts drawing and encoding a clip as a job, with the view and filters on screen.
    fn start_animation(&mut self, export: AnimationExport) {
        if self.animation.is_running() {
            return;
        }
        let view = &self.view;
        let AnimationExport {
            request,
            size,
            path,
            use_view,
        } = export;
        // The view on screen, scaled to the clip's width, or the default Sahel view.
        let camera = if use_view {
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
            events: crate::app::event_view::event_options(&self.document, &view.events),
            ..RenderOptions::at(request.from)
        };
        let layer = (self.document.fine.clone()).unwrap_or_else(|| self.document.coarse.clone());
        let places = self.document.coarse.clone();
        let timeline = self.document.timeline.clone();
        let progress = Arc::new(AnimationProgress::default());
        let job_progress = progress.clone();
        let job_path = path.clone();
        self.jobs
            .spawn(path.display().to_string(), STAGE_EXPORTING, move |_| {
                let data = MapData {
                    layer: &layer,
                    places: &places,
                    timeline: &timeline,
                };
                let result = render_animation(&data, &options, &request, &job_path, &job_progress);
                Loaded::Animation(job_path, result)
            });
        self.animation.started(progress, path);
    }
}
