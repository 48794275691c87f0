//! What the UI asks the app to do. Panels push commands while drawing; the app applies them
//! after the frame, so no panel mutates state another panel is still reading.

use std::path::PathBuf;

use crate::io::FileKind;
use crate::time_control::TimeCommand;

/// A request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select a country by key, or clear the selection.
    SelectCountry(Option<String>),
    /// Select a country and fly the camera to it.
    FlyToCountry(String),
    /// Select a link (relationship index), or clear.
    SelectLink(Option<usize>),
    /// Zoom in one step about the map's centre.
    ZoomIn,
    /// Zoom out one step.
    ZoomOut,
    /// Back to the default view.
    ResetView,
    /// Show or hide ended links.
    SetHideEnded(bool),
    /// Open a file dialog for a kind of file.
    OpenDialog(FileKind),
    /// Load a file (from a dialog, drag-and-drop or the recent list).
    Load(PathBuf, Option<FileKind>),
    /// Go back to the embedded default countries and scenario.
    LoadDefaults,
    /// Ask where to export the map or the state at the date.
    ExportDialog(crate::export::Format),
    /// Export the current view and date to a file (format from the extension).
    ExportTo(PathBuf),
    /// Dismiss the message at this index.
    DismissMessage(usize),
    /// Open a web address (a source).
    OpenUrl(String),
    /// A time-bar command.
    Time(TimeCommand),
    /// Compare mode and its windows.
    Compare(crate::compare::CompareCommand),
}
