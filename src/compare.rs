//! Compare mode: two dates, and what changed between them.
//!
//! The view holds a range (`from`, `to`, earlier first) while compare mode is on. The range is
//! fixed once marked, so the current date can still move (a click on an event in the Changes
//! panel jumps there) without changing what is compared. The [`Diff`] of the range is
//! computed once per range and data, and shared: the Changes panel lists it, and the map can
//! draw it ([`crate::SahelApp::compare_range`], [`crate::SahelApp::compare_diff`]).

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::SahelApp;
use crate::model::{Day, Diff};

/// What the UI asks of compare mode and the windows that go with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareCommand {
    /// Compare these two dates (in either order), or leave compare mode.
    SetRange(Option<(Day, Day)>),
    /// Compare `day` with the current date.
    WithCurrent(Day),
    /// Leave compare mode (Esc).
    Leave,
    /// Show or hide the "What changed this year" window.
    ShowChangelog(bool),
    /// Show or hide the Sahel-wide alignment chart.
    ShowSahelChart(bool),
    /// Ask where to write the change list: CSV (`false`) or Markdown (`true`).
    ExportChanges {
        /// Markdown rather than CSV.
        markdown: bool,
    },
    /// Write the change list to a file, CSV or Markdown by its extension (`.md`, `.markdown`).
    ExportChangesTo(PathBuf),
}

/// Compare mode's state in the app.
#[derive(Default)]
pub struct CompareView {
    /// The two dates compared, earlier first; `None` outside compare mode.
    pub range: Option<(Day, Day)>,
    /// The diff of `range`, with the data generation it was computed for.
    diff: Option<(u64, Day, Day, Arc<Diff>)>,
    /// The "Compare with" field's text.
    pub(crate) input: String,
    /// Where a shift-drag on the time strip started.
    pub(crate) drag_anchor: Option<Day>,
    /// The "What changed this year" window is open.
    pub show_changelog: bool,
    /// The year it shows (`None`: the current date's year).
    pub(crate) changelog_year: Option<i16>,
    /// The Sahel-wide alignment chart is open.
    pub show_sahel_chart: bool,
    /// The time strip's track as last drawn.
    pub(crate) strip_track: Option<egui::Rect>,
    /// The alignment charts drawn this frame: where, and their layout.
    pub(crate) charts: Vec<(egui::Rect, crate::export::chart::ChartLayout)>,
}

impl SahelApp {
    /// The dates compared, earlier first, while compare mode is on.
    pub fn compare_range(&self) -> Option<(Day, Day)> {
        self.compare.range
    }

    /// What changed between the compared dates, while compare mode is on (computed once per
    /// range and data; refreshed at the start of each frame's panels).
    pub fn compare_diff(&self) -> Option<Arc<Diff>> {
        let (from, to) = self.compare.range?;
        match &self.compare.diff {
            Some((g, f, t, diff)) if *g == self.generation && (*f, *t) == (from, to) => {
                Some(diff.clone())
            }
            _ => Some(Arc::new(self.timeline.diff(from, to))),
        }
    }

    /// Where an alignment chart drawn in the last frame shows `entity` (an id) on `day`: in
    /// the band of `group` (a group id) when given, else in the middle of the plot (for tests
    /// and tools).
    pub fn chart_point(&self, entity: &str, day: Day, group: Option<&str>) -> Option<egui::Pos2> {
        use crate::export::chart::ChartItem;
        let e = self.timeline.entity_index(entity)?;
        let g = match group {
            Some(id) => Some(self.timeline.group_index(id)?),
            None => None,
        };
        self.compare.charts.iter().find_map(|(rect, layout)| {
            let plot = layout.plots.iter().find(|p| p.alignment.entity == e)?;
            let x = layout.x_of(day) + 1.0;
            let y = match g {
                None => (plot.rect[1] + plot.rect[3]) / 2.0,
                Some(g) => layout.items.iter().find_map(|item| match item {
                    ChartItem::Rect {
                        min,
                        max,
                        band: Some(band),
                        ..
                    } if band.entity == e && band.group == g && min[0] <= x && x < max[0] => {
                        Some((min[1] + max[1]) / 2.0)
                    }
                    _ => None,
                })?,
            };
            Some(rect.min + egui::Vec2::new(x, y))
        })
    }

    /// Recomputes the diff when the range or the data changed.
    pub(crate) fn refresh_compare(&mut self) {
        let Some((from, to)) = self.compare.range else {
            self.compare.diff = None;
            return;
        };
        let current = matches!(&self.compare.diff,
            Some((g, f, t, _)) if *g == self.generation && (*f, *t) == (from, to));
        if !current {
            let diff = Arc::new(self.timeline.diff(from, to));
            self.compare.diff = Some((self.generation, from, to, diff));
        }
    }

    /// Applies a compare-mode command.
    pub(crate) fn apply_compare(&mut self, command: CompareCommand) {
        match command {
            CompareCommand::SetRange(range) => {
                self.compare.range = range.map(|(a, b)| (a.min(b), a.max(b)));
            }
            CompareCommand::WithCurrent(day) => {
                let now = self.time.day();
                self.compare.range = Some((day.min(now), day.max(now)));
            }
            CompareCommand::Leave => self.compare.range = None,
            CompareCommand::ShowChangelog(show) => self.compare.show_changelog = show,
            CompareCommand::ShowSahelChart(show) => self.compare.show_sahel_chart = show,
            CompareCommand::ExportChanges { markdown } => self.export_changes_dialog(markdown),
            CompareCommand::ExportChangesTo(path) => self.export_changes_to(path),
        }
        self.refresh_compare();
    }

    /// The change list as text for a file: Markdown for `.md`/`.markdown`, else CSV.
    fn changes_text(&self, markdown: bool) -> Option<String> {
        let diff = self.compare_diff()?;
        Some(if markdown {
            crate::changes::diff_markdown(&self.timeline, &diff)
        } else {
            crate::changes::diff_csv(&self.timeline, &diff)
        })
    }

    fn export_changes_to(&mut self, path: PathBuf) {
        let markdown = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let Some(text) = self.changes_text(markdown) else {
            self.messages.push(crate::app::Message {
                headline:
                    "Nothing to export: mark two dates on the time strip first (shift-click)."
                        .to_owned(),
                details: Vec::new(),
                is_error: true,
            });
            return;
        };
        let message = match std::fs::write(&path, text) {
            Ok(()) => crate::app::Message {
                headline: format!("Exported {}.", path.display()),
                details: Vec::new(),
                is_error: false,
            },
            Err(e) => crate::app::Message {
                headline: format!("Could not export {}.", path.display()),
                details: vec![e.to_string()],
                is_error: true,
            },
        };
        self.messages.push(message);
    }

    /// Asks where to write the change list (off the UI thread), then writes it there.
    fn export_changes_dialog(&mut self, markdown: bool) {
        let Some(text) = self.changes_text(markdown) else {
            self.export_changes_to(PathBuf::new());
            return;
        };
        let Some((from, to)) = self.compare.range else {
            return;
        };
        let (name, ext) = if markdown {
            ("Markdown", "md")
        } else {
            ("CSV", "csv")
        };
        let file_name = format!(
            "sahel-atlas-changes-{}-{}.{ext}",
            from.to_date(),
            to.to_date()
        );
        let tx = self.loaded_tx.clone();
        let spawned = std::thread::Builder::new()
            .name("export-dialog".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Export the changes")
                    .set_file_name(&file_name)
                    .add_filter(name, &[ext]);
                if let Some(file) = pollster::block_on(dialog.save_file()) {
                    let path = file.path().to_path_buf();
                    let result =
                        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()));
                    let _ = tx.send(crate::app::Loaded::Exported(path, result));
                } else if started.elapsed() < std::time::Duration::from_millis(400) {
                    let _ = tx.send(crate::app::Loaded::DialogFailed(
                        "No file dialog could be shown (no desktop portal or zenity answered). \
                         Use `sahel-atlas diff --csv` or `--markdown` on the command line instead."
                            .to_owned(),
                    ));
                }
            });
        if spawned.is_err() {
            self.messages.push(crate::app::Message {
                headline: "Could not start the file dialog.".to_owned(),
                details: Vec::new(),
                is_error: true,
            });
        }
    }
}
