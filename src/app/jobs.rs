//! Background jobs: loading files, preparing layers, exporting and file dialogs, each on its
//! own thread so the UI never waits. A job reports one [`Loaded`] result through a channel;
//! the app takes results once a frame ([`Jobs::poll`]). A job that panics, or whose thread
//! ends without a result, reports [`Loaded::Failed`] instead, so no spinner turns forever.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use crate::export::ExportError;
use crate::io::{Diagnostic, LoadError};
use crate::map::MapLayer;
use crate::model::Timeline;
use crate::model::i18n::{current_lang, set_thread_lang, tr, tr_args};

/// Stages of a job, shown next to the spinner.
pub const STAGE_READING: u8 = 0;
/// Parsing and checking the file.
pub const STAGE_PARSING: u8 = 1;
/// Triangulating and indexing a layer.
pub const STAGE_TRIANGULATING: u8 = 2;
/// Making a layer's simplified copies.
pub const STAGE_SIMPLIFYING: u8 = 3;
/// Writing an export.
pub const STAGE_EXPORTING: u8 = 4;

/// What a stage is called on screen, in the thread's language.
pub fn stage_label(stage: u8) -> &'static str {
    crate::model::i18n::tr_static(match stage {
        STAGE_READING => "stage-reading",
        STAGE_PARSING => "stage-parsing",
        STAGE_TRIANGULATING => "stage-triangulating",
        STAGE_SIMPLIFYING => "stage-simplifying",
        _ => "stage-exporting",
    })
}

/// The result of a job.
pub enum Loaded {
    /// An event layer.
    Events(
        PathBuf,
        Result<Box<crate::map::events::LoadedEvents>, LoadError>,
    ),
    /// A CSV whose columns were not recognised: its header, for the person to choose.
    EventColumns(PathBuf, crate::io::CsvPreview),
    /// A country file.
    Countries(PathBuf, Result<Arc<MapLayer>, LoadError>),
    /// A scenario file and its warnings.
    Scenario(PathBuf, Result<(Arc<Timeline>, Vec<Diagnostic>), LoadError>),
    /// The embedded countries and scenario ("Back to the embedded data").
    Defaults(Result<(Arc<MapLayer>, Arc<Timeline>), LoadError>),
    /// The embedded 1:50m layer, prepared.
    FineLayer(Result<Arc<MapLayer>, LoadError>),
    /// No file dialog could be shown.
    DialogFailed(String),
    /// A file dialog chose a path for a purpose.
    PathChosen(crate::app::path_purpose::PathPurpose, PathBuf),
    /// No file dialog could be shown for a purpose: the path is to be typed (the path
    /// suggested to start from).
    NoDialog(crate::app::path_purpose::PathPurpose, PathBuf),
    /// A clip (File → Export animation…) was written, or why not.
    Animation(
        PathBuf,
        Result<crate::export::AnimationSummary, crate::export::ExportError>,
    ),
    /// The scenario was saved to a file (or why not), in the state with this history id.
    Saved {
        /// The file.
        path: PathBuf,
        /// [`crate::model::EditHistory::state_id`] when the save began.
        state: u64,
        /// Why it failed.
        result: Result<(), String>,
    },
    /// A file was written (the scenario as a spreadsheet), or why not.
    Wrote(PathBuf, Result<(), String>),
    /// An export was written, or why not.
    Exported(PathBuf, Result<(), ExportError>),
    /// A job ended without its result: it panicked, or its thread could not start.
    Failed {
        /// The job's name.
        job: String,
        /// What went wrong.
        why: String,
    },
}

/// How far a job has come: its stage, and the percentage of its work done when it knows
/// ([`NO_PERCENT`] when it does not).
#[derive(Debug)]
pub struct JobProgress {
    /// The stage reached (`STAGE_…`).
    pub stage: AtomicU8,
    /// Percent done, or [`NO_PERCENT`].
    pub percent: AtomicU8,
}

/// A [`JobProgress::percent`] that says nothing.
pub const NO_PERCENT: u8 = u8::MAX;

impl JobProgress {
    /// Moves on to `stage`, with no percentage yet.
    pub fn set_stage(&self, stage: u8) {
        self.stage.store(stage, Ordering::Relaxed);
        self.percent.store(NO_PERCENT, Ordering::Relaxed);
    }

    /// Says how much of `total` is done (nothing when the total is not known).
    pub fn set_done(&self, done: u64, total: u64) {
        let percent = (done.min(total).saturating_mul(100))
            .checked_div(total)
            .map_or(NO_PERCENT, |p| u8::try_from(p).unwrap_or(100));
        self.percent.store(percent, Ordering::Relaxed);
    }
}

/// A job under way.
struct Job {
    id: u64,
    name: String,
    progress: Arc<JobProgress>,
    handle: JoinHandle<()>,
}

/// The jobs under way and the channel their results come back on.
pub struct Jobs {
    tx: Sender<(Option<u64>, Loaded)>,
    rx: Receiver<(Option<u64>, Loaded)>,
    running: Vec<Job>,
    next_id: u64,
    not_started: Vec<Loaded>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            running: Vec::new(),
            next_id: 0,
            not_started: Vec::new(),
        }
    }
}

impl Jobs {
    /// Whether no job is under way.
    pub fn is_empty(&self) -> bool {
        self.running.is_empty()
    }

    /// Each job under way: its name and the stage it has reached.
    pub fn statuses(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.running.iter().map(|j| {
            (
                j.name.as_str(),
                stage_label(j.progress.stage.load(Ordering::Relaxed)),
            )
        })
    }

    /// Each job under way: its name, stage and percent done, when known.
    pub fn progress(&self) -> impl Iterator<Item = (&str, &'static str, Option<u8>)> {
        self.running.iter().map(|j| {
            let percent = j.progress.percent.load(Ordering::Relaxed);
            (
                j.name.as_str(),
                stage_label(j.progress.stage.load(Ordering::Relaxed)),
                (percent != NO_PERCENT).then_some(percent),
            )
        })
    }

    /// Runs `work` on a thread as a job called `name`, shown at `stage` until `work` moves it
    /// on. A panic in `work` comes back as [`Loaded::Failed`]. The thread speaks the language
    /// of the one that started it (a picture exported after View → Language is in that
    /// language).
    pub fn spawn(
        &mut self,
        name: String,
        stage: u8,
        work: impl FnOnce(&JobProgress) -> Loaded + Send + 'static,
    ) {
        let id = self.next_id;
        self.next_id += 1;
        let progress = Arc::new(JobProgress {
            stage: AtomicU8::new(stage),
            percent: AtomicU8::new(NO_PERCENT),
        });
        let tx = self.tx.clone();
        let (job_name, job_progress) = (name.clone(), progress.clone());
        let lang = current_lang();
        let spawned = std::thread::Builder::new()
            .name(format!("job-{id}"))
            .spawn(move || {
                set_thread_lang(lang);
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&job_progress)));
                let loaded = result.unwrap_or_else(|panic| Loaded::Failed {
                    job: job_name,
                    why: panic_text(panic.as_ref()),
                });
                let _ = tx.send((Some(id), loaded));
            });
        match spawned {
            Ok(handle) => self.running.push(Job {
                id,
                name,
                progress,
                handle,
            }),
            Err(e) => self.not_started.push(Loaded::Failed {
                job: name,
                why: tr_args("job-no-thread", &[("error", e.to_string().into())]),
            }),
        }
    }

    /// Runs `work` on a thread that is not shown as a job (a file dialog, which waits on the
    /// person); it sends its result itself, if any.
    ///
    /// # Errors
    /// When the thread cannot start.
    pub fn spawn_quiet(
        &self,
        name: &str,
        work: impl FnOnce() -> Option<Loaded> + Send + 'static,
    ) -> std::io::Result<()> {
        let tx = self.tx.clone();
        let lang = current_lang();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                set_thread_lang(lang);
                if let Some(loaded) = work() {
                    let _ = tx.send((None, loaded));
                }
            })
            .map(drop)
    }

    /// The results that have come in since the last call, in order. A job whose thread has
    /// ended without sending one is reported as [`Loaded::Failed`].
    pub fn poll(&mut self) -> Vec<Loaded> {
        // Threads that had ended before the channel is read: their result, if any, is in it.
        let ended: Vec<u64> = self
            .running
            .iter()
            .filter(|j| j.handle.is_finished())
            .map(|j| j.id)
            .collect();
        let mut results = std::mem::take(&mut self.not_started);
        while let Ok((id, loaded)) = self.rx.try_recv() {
            if let Some(id) = id {
                self.running.retain(|j| j.id != id);
            }
            results.push(loaded);
        }
        for id in ended {
            if let Some(i) = self.running.iter().position(|j| j.id == id) {
                let job = self.running.remove(i);
                results.push(Loaded::Failed {
                    job: job.name,
                    why: tr("job-no-result"),
                });
            }
        }
        results
    }
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    tr_args("job-panicked", &[("text", text.into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for(jobs: &mut Jobs) -> Vec<Loaded> {
        let start = std::time::Instant::now();
        let mut results = Vec::new();
        while !jobs.is_empty() && start.elapsed() < std::time::Duration::from_secs(10) {
            results.extend(jobs.poll());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        results.extend(jobs.poll());
        results
    }

    #[test]
    fn a_job_that_panics_reports_a_failure_and_is_no_longer_running() {
        let mut jobs = Jobs::default();
        jobs.spawn("a file".to_owned(), STAGE_READING, |_| {
            panic!("a bug in the loader")
        });
        assert_eq!(jobs.statuses().collect::<Vec<_>>(), [("a file", "reading")]);
        let results = wait_for(&mut jobs);
        assert!(jobs.is_empty(), "no spinner left");
        let [Loaded::Failed { job, why }] = &results[..] else {
            panic!("one failure expected");
        };
        assert_eq!(job, "a file");
        assert!(why.contains("a bug in the loader"), "{why}");
    }

    #[test]
    fn a_job_reports_its_result_once_and_shows_its_stage() {
        let mut jobs = Jobs::default();
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        jobs.spawn("export".to_owned(), STAGE_READING, move |progress| {
            progress.set_stage(STAGE_EXPORTING);
            progress.set_done(1, 4);
            let _ = go_rx.recv();
            Loaded::DialogFailed("done".to_owned())
        });
        let start = std::time::Instant::now();
        while jobs.progress().next().and_then(|p| p.2) != Some(25)
            && start.elapsed() < std::time::Duration::from_secs(10)
        {
            std::thread::yield_now();
        }
        assert_eq!(jobs.statuses().next(), Some(("export", "exporting")));
        assert_eq!(
            jobs.progress().next(),
            Some(("export", "exporting", Some(25)))
        );
        assert!(jobs.poll().is_empty(), "nothing yet");
        let _ = go_tx.send(());
        let results = wait_for(&mut jobs);
        assert!(matches!(&results[..], [Loaded::DialogFailed(t)] if t == "done"));
    }
}
