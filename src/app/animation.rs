//! File → Export animation… as a background job like every other. The window
//! (`ui::animation`) keeps its fields, checks them and pushes [`AnimationCommand`]s; here,
//! after the frame, the file dialog is asked through [`crate::app::dialogs::ask_path`] and
//! the clip is drawn and encoded by [`crate::app::jobs::Jobs`], its progress shared with the
//! window, Cancel a command. The export writes a temporary file beside the target and
//! renames it at the end, so a cancelled or failed export leaves nothing at the path.

use std::path::PathBuf;

use crate::export::{AnimationFormat, AnimationRequest};

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
