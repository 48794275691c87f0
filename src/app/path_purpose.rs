//! What a file path is asked for (to open, to export the map or the changes, to save the
//! scenario or export it as a spreadsheet): the file
//! dialogs, the typed-path window and the jobs that carry the answer all name it.

use crate::io::FileKind;

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
    /// The dialog's and the typed-path window's title.
    pub fn title(&self) -> &'static str {
        use crate::export::Format;
        match self {
            Self::Open(FileKind::Countries) => "Open countries",
            Self::Open(FileKind::Scenario) => "Open scenario",
            Self::Open(FileKind::Events) => "Add event layer",
            Self::Export(Format::Png) => "Export the map as PNG",
            Self::Export(Format::Svg) => "Export the map as SVG",
            Self::Export(Format::GeoJson) => "Export the state as GeoJSON",
            Self::Export(Format::Csv) => "Export the state as CSV",
            Self::Changes(true) => "Export the changes as Markdown",
            Self::Changes(false) => "Export the changes as CSV",
            Self::Animation(_) => "Export animation",
            Self::SaveAs => "Save the scenario as",
            Self::ExportSheet => "Export the scenario as a spreadsheet",
        }
    }

    /// The button that carries it out.
    pub fn action(&self) -> &'static str {
        match self {
            Self::Open(_) => "Open",
            Self::Export(_) | Self::Changes(_) | Self::ExportSheet => "Export",
            Self::Animation(_) => "Choose",
            Self::SaveAs => "Save",
        }
    }

    /// The file dialog's filter: its name and extensions.
    pub(crate) fn filter(&self) -> (&'static str, &'static [&'static str]) {
        use crate::export::Format;
        match self {
            Self::Open(FileKind::Countries) => ("GeoJSON", &["geojson", "json", "gz"]),
            Self::Open(FileKind::Scenario) => (
                "Scenario (JSON, spreadsheet)",
                &["json", "xlsx", "ods", "xls"],
            ),
            Self::Open(FileKind::Events) => (
                "Event layer (CSV, GeoJSON)",
                &["csv", "geojson", "json", "gz"],
            ),
            Self::Export(Format::Png) => ("PNG image", &["png"]),
            Self::Export(Format::Svg) => ("SVG drawing", &["svg"]),
            Self::Export(Format::GeoJson) => ("GeoJSON", &["geojson"]),
            Self::Export(Format::Csv) | Self::Changes(false) => ("CSV", &["csv"]),
            Self::Changes(true) => ("Markdown", &["md"]),
            Self::Animation(crate::export::AnimationFormat::Mp4) => ("MP4", &["mp4"]),
            Self::Animation(crate::export::AnimationFormat::Gif) => ("GIF", &["gif"]),
            Self::SaveAs => ("Scenario (JSON)", &["json", "xlsx"]),
            Self::ExportSheet => ("Workbook (XLSX)", &["xlsx"]),
        }
    }
}
