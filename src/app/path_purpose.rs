//! What a file path is asked for (to open, to export the map or the changes, to save the
//! scenario or export it as a spreadsheet): the file
//! dialogs, the typed-path window and the jobs that carry the answer all name it.

use crate::io::FileKind;
use crate::model::i18n::tr_static;

/// What a file path is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum PathPurpose {
    /// A file to open.
    Open(FileKind),
    /// Where to export the map or the state at the date.
    Export(crate::export::Format),
    /// Where to write compare mode's change list: Markdown when `true`, else CSV.
    Changes(bool),
    /// Where File → Export animation… writes its clip.
    Animation(crate::export::AnimationFormat),
    /// Where to save the scenario (Save as…): JSON, or `.xlsx`.
    SaveAs,
    /// Where to export the scenario as a spreadsheet: `.xlsx`, or a folder for CSV files.
    ExportSheet,
}

impl PathPurpose {
    /// The dialog's and the typed-path window's title, in the thread's language.
    pub fn title(&self) -> &'static str {
        use crate::export::Format;
        tr_static(match self {
            Self::Open(FileKind::Countries) => "path-open-countries",
            Self::Open(FileKind::Scenario) => "path-open-scenario",
            Self::Open(FileKind::Events) => "path-add-event-layer",
            Self::Export(Format::Png) => "path-export-png",
            Self::Export(Format::Svg) => "path-export-svg",
            Self::Export(Format::GeoJson) => "path-export-geojson",
            Self::Export(Format::Csv) => "path-export-csv",
            Self::Changes(true) => "path-changes-markdown",
            Self::Changes(false) => "path-changes-csv",
            Self::Animation(_) => "path-animation",
            Self::SaveAs => "path-save-as",
            Self::ExportSheet => "path-export-sheet",
        })
    }

    /// The button that carries it out, in the thread's language.
    pub fn action(&self) -> &'static str {
        tr_static(match self {
            Self::Open(_) => "path-action-open",
            Self::Export(_) | Self::Changes(_) | Self::ExportSheet => "path-action-export",
            Self::Animation(_) => "path-action-choose",
            Self::SaveAs => "path-action-save",
        })
    }

    /// The file dialog's filter: its name and extensions.
    pub(crate) fn filter(&self) -> (&'static str, &'static [&'static str]) {
        use crate::export::Format;
        match self {
            Self::Open(FileKind::Countries) => ("GeoJSON", &["geojson", "json", "gz"]),
            Self::Open(FileKind::Scenario) => (
                tr_static("path-filter-scenario"),
                &["json", "xlsx", "ods", "xls"],
            ),
            Self::Open(FileKind::Events) => (
                tr_static("path-filter-events"),
                &["csv", "geojson", "json", "gz"],
            ),
            Self::Export(Format::Png) => (tr_static("path-filter-png"), &["png"]),
            Self::Export(Format::Svg) => (tr_static("path-filter-svg"), &["svg"]),
            Self::Export(Format::GeoJson) => ("GeoJSON", &["geojson"]),
            Self::Export(Format::Csv) | Self::Changes(false) => ("CSV", &["csv"]),
            Self::Changes(true) => ("Markdown", &["md"]),
            Self::Animation(crate::export::AnimationFormat::Mp4) => ("MP4", &["mp4"]),
            Self::Animation(crate::export::AnimationFormat::Gif) => ("GIF", &["gif"]),
            Self::SaveAs => (tr_static("path-filter-scenario-json"), &["json", "xlsx"]),
            Self::ExportSheet => (tr_static("path-filter-workbook"), &["xlsx"]),
        }
    }
}
