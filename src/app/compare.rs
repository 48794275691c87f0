//! Compare mode: two dates, and what changed between them.
//!
//! The view holds a range ([`CompareView::range`], earlier first) while compare mode is on.
//! The range is fixed once marked, so the current date can still move (a click on an event in
//! the Changes panel jumps there) without changing what is compared. The [`Diff`] of the range
//! is derived data ([`DiffCache`], in [`crate::app::derived::AtDate::compare`]): computed once per
//! range and document generation, and shared. The Changes panel lists it, and the map can draw
//! it (`cx.view.compare.range`, `cx.at_date.compare.diff()`, or from outside
//! [`crate::SahelApp::compare_range`] and [`crate::SahelApp::compare_diff`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::document::Document;
use crate::model::{Day, Diff, Timeline};

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
    /// The year the change log shows (`None`: the current date's year).
    SetChangelogYear(Option<i16>),
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

/// Compare mode's part of the [`crate::app::view::View`]: plain data, changed only by
/// [`CompareView::apply`] (from [`crate::SahelApp::apply`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareView {
    /// The two dates compared, earlier first; `None` outside compare mode.
    pub range: Option<(Day, Day)>,
    /// The "What changed this year" window is open.
    pub show_changelog: bool,
    /// The year it shows (`None`: the current date's year).
    pub changelog_year: Option<i16>,
    /// The Sahel-wide alignment chart is open.
    pub show_sahel_chart: bool,
}

impl CompareView {
    /// Applies the commands that only change the view (`now` is the current date); returns
    /// the export commands, which the app carries out.
    pub fn apply(&mut self, command: CompareCommand, now: Day) -> Option<CompareCommand> {
        match command {
            CompareCommand::SetRange(range) => {
                self.range = range.map(|(a, b)| (a.min(b), a.max(b)));
            }
            CompareCommand::WithCurrent(day) => self.range = Some((day.min(now), day.max(now))),
            CompareCommand::Leave => self.range = None,
            CompareCommand::ShowChangelog(show) => self.show_changelog = show,
            CompareCommand::SetChangelogYear(year) => self.changelog_year = year,
            CompareCommand::ShowSahelChart(show) => self.show_sahel_chart = show,
            export
            @ (CompareCommand::ExportChanges { .. } | CompareCommand::ExportChangesTo(_)) => {
                return Some(export);
            }
        }
        None
    }
}

/// The diff of the compared range, kept while the range and the document stay the same.
#[derive(Clone, Debug, Default)]
pub struct DiffCache {
    /// The document generation and range it was computed for, and the diff.
    cached: Option<(u64, (Day, Day), Arc<Diff>)>,
}

impl DiffCache {
    /// Brings the diff up to date with the view's range and the document; drops it outside
    /// compare mode.
    pub fn refresh(&mut self, document: &Document, range: Option<(Day, Day)>) {
        let Some(range) = range else {
            self.cached = None;
            return;
        };
        let current =
            matches!(&self.cached, Some((g, r, _)) if *g == document.generation && *r == range);
        if !current {
            let diff = Arc::new(document.timeline.diff(range.0, range.1));
            self.cached = Some((document.generation, range, diff));
        }
    }

    /// The diff of the compared range, while compare mode is on.
    pub fn diff(&self) -> Option<&Arc<Diff>> {
        self.cached.as_ref().map(|(_, _, diff)| diff)
    }
}

/// Whether a path names a Markdown file (`.md`, `.markdown`); anything else is written as CSV.
pub fn is_markdown_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The change list as the text of a file: Markdown or CSV, each change with its sources.
pub fn changes_text(timeline: &Timeline, diff: &Diff, markdown: bool) -> String {
    if markdown {
        crate::export::change_list::diff_markdown(timeline, diff)
    } else {
        crate::export::change_list::diff_csv(timeline, diff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_kept_earlier_first_and_esc_leaves() {
        let mut view = CompareView::default();
        let (a, b) = (Day(100), Day(50));
        assert_eq!(view.apply(CompareCommand::SetRange(Some((a, b))), a), None);
        assert_eq!(view.range, Some((b, a)));
        view.apply(CompareCommand::WithCurrent(Day(200)), Day(10));
        assert_eq!(view.range, Some((Day(10), Day(200))));
        view.apply(CompareCommand::Leave, Day(10));
        assert_eq!(view.range, None);
        let export = CompareCommand::ExportChanges { markdown: true };
        assert_eq!(view.apply(export.clone(), Day(10)), Some(export));
    }

    #[test]
    fn the_diff_is_kept_per_range_and_document_generation() {
        let mut document = Document::new(
            crate::map::embedded::coarse_layer().expect("embedded layer"),
            None,
            crate::io::embedded::default_timeline().expect("embedded scenario"),
        );
        let mut cache = DiffCache::default();
        cache.refresh(&document, None);
        assert!(cache.diff().is_none());
        let july = Day::from_date(jiff::civil::Date::constant(2023, 7, 25));
        let december = Day::from_date(jiff::civil::Date::constant(2023, 12, 31));
        cache.refresh(&document, Some((july, december)));
        let first = cache.diff().expect("a diff").clone();
        assert_eq!((first.from, first.to), (july, december));
        assert!(!first.is_empty());
        // The same range and data: the same diff, not a new one.
        cache.refresh(&document, Some((july, december)));
        assert!(Arc::ptr_eq(&first, cache.diff().expect("a diff")));
        // New data: computed again.
        document.generation += 1;
        cache.refresh(&document, Some((july, december)));
        assert!(!Arc::ptr_eq(&first, cache.diff().expect("a diff")));
        // Out of compare mode: dropped.
        cache.refresh(&document, None);
        assert!(cache.diff().is_none());
    }

    #[test]
    fn markdown_is_chosen_by_extension() {
        assert!(is_markdown_path(Path::new("a/changes.MD")));
        assert!(is_markdown_path(Path::new("changes.markdown")));
        assert!(!is_markdown_path(Path::new("changes.csv")));
        assert!(!is_markdown_path(Path::new("changes")));
    }
}
