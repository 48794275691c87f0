//! How the app applies the animation commands ([`AnimationCommand`]): the path asked through
//! the shared dialogs, the clip drawn and encoded as a job. The commands and the export's
//! state are in [`crate::app::animation`]; the window in `ui::animation`.

use std::sync::Arc;

use crate::app::SahelApp;
use crate::app::animation::{AnimationCommand, AnimationExport};
use crate::app::dialogs::PathPurpose;
use crate::app::jobs::{Loaded, STAGE_EXPORTING};
use crate::export::{AnimationProgress, MapData, RenderOptions, render_animation};
use crate::map::MapCamera;

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
