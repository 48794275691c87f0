//! What the UI asks the app to do. Panels read the document and the view through shared
//! references and push commands while drawing; the app applies them after the frame
//! ([`crate::SahelApp::apply`]), the only place the document and the view change.

use std::path::PathBuf;

use crate::app::message::Message;
use crate::app::path_purpose::PathPurpose;
use crate::app::time_control::TimeCommand;
use crate::io::FileKind;
use crate::map::MapCamera;
use crate::model::RelIx;

/// A request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select a country by key, or clear the selection.
    SelectCountry(Option<String>),
    /// Select a country and fly the camera to it.
    FlyToCountry(String),
    /// Select a link (relationship index), or clear.
    SelectLink(Option<RelIx>),
    /// Zoom in one step about the map's centre.
    ZoomIn,
    /// Zoom out one step.
    ZoomOut,
    /// Back to the default view.
    ResetView,
    /// The map was laid out in `map`, of which `visible` is not covered by banners (the
    /// default view follows the map's size; framing uses the visible part).
    MapResized {
        /// The map's rectangle.
        map: egui::Rect,
        /// The part no banner covers.
        visible: egui::Rect,
    },
    /// The person moved the camera (drag, wheel, pinch).
    MoveCamera(MapCamera),
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
    /// Ask for a path by typing it (the window a failed file dialog opens).
    AskPath(PathPurpose),
    /// Close the typed-path window.
    ClosePathPrompt,
    /// File → Quit.
    Quit,
    /// Show a message above the map.
    ShowMessage(Message),
    /// Dismiss the message at this index.
    DismissMessage(usize),
    /// Open a web address (a source); anything but `http`/`https` is refused
    /// ([`crate::model::source::web_address`]).
    OpenUrl(String),
    /// A time-bar command.
    Time(TimeCommand),
    /// Draw the selected entity's ties at full strength and fade the rest, or not.
    SetFocusTies(bool),
    /// Which links are drawn (statuses, kinds, partner groups).
    SetFilter(crate::model::LinkFilter),
    /// A tie hovered in a panel (relationship index): its arc is highlighted on the map.
    HoverLink(Option<RelIx>),
    /// The arc under the pointer on the map this frame (relationship index): its row is
    /// highlighted in the panels.
    HoverMapLink(Option<RelIx>),
    /// Frame two places (world coordinates): both ends of arcs leaving the view.
    FrameWorld([f64; 2], [f64; 2]),
    /// Light, dark or the system's theme.
    SetTheme(ThemeChoice),
    /// Speak this language (`None`: the system's), at once and from the next start.
    SetLang(Option<crate::model::i18n::Lang>),
    /// File → Export animation…: open its window.
    OpenAnimationWindow,
    /// The Export animation window: its file dialog, the clip's job, Cancel.
    Animation(crate::app::animation::AnimationCommand),
    /// Compare mode and its windows.
    Compare(crate::app::compare::CompareCommand),
    /// The conflict-event layers: window, filters, the events listed.
    Events(crate::app::event_view::EventCommand),
    /// Editing: add, change or delete items, undo, redo, save.
    Edit(crate::app::editing::EditCommand),
}

pub use crate::app::view::ThemeChoice;

impl PathPurpose {
    /// What to do with the path chosen or typed.
    pub fn command(&self, path: PathBuf) -> Command {
        match self {
            Self::Open(kind) => Command::Load(path, Some(*kind)),
            Self::Export(_) => Command::ExportTo(path),
            Self::Changes(_) => {
                Command::Compare(crate::app::compare::CompareCommand::ExportChangesTo(path))
            }
            Self::Animation(_) => {
                Command::Animation(crate::app::animation::AnimationCommand::SetPath(path))
            }
            Self::SaveAs => Command::Edit(crate::app::editing::EditCommand::SaveTo(path)),
            Self::ExportSheet => {
                Command::Edit(crate::app::editing::EditCommand::ExportSheetTo(path))
            }
        }
    }
}
