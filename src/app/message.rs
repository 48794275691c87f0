//! A message for the person, shown above the map: what failed or what to know. Made by
//! the app, its jobs and dialogs; kept in the view. Its words are the catalogue's
//! (`assets/i18n/*/edit.ftl`); a file's own problems (`FILE:LINE:COL: …`) stay in English,
//! as the command line writes them.

use crate::model::i18n::tr_args;

/// A message for the person: a load that failed, a file that vanished.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// One line.
    pub headline: String,
    /// Every problem found, one per line.
    pub details: Vec<String>,
    /// Red or amber.
    pub is_error: bool,
}

impl Message {
    /// An error of one line.
    pub fn error(headline: impl Into<String>) -> Self {
        Self {
            headline: headline.into(),
            details: Vec::new(),
            is_error: true,
        }
    }

    /// A note of one line (amber).
    pub fn note(headline: impl Into<String>) -> Self {
        Self {
            headline: headline.into(),
            details: Vec::new(),
            is_error: false,
        }
    }

    /// Why a file did not open, with every problem found.
    pub fn from_load_error(what: &str, error: &crate::io::LoadError) -> Self {
        let errors = error.diagnostics.iter().filter(|d| d.is_error()).count();
        Self {
            headline: tr_args(
                "msg-open-failed",
                &[("what", what.to_owned().into()), ("count", errors.into())],
            ),
            details: error.diagnostics.iter().map(ToString::to_string).collect(),
            is_error: true,
        }
    }
}

/// A path as a message's argument (`{ $path }`).
pub fn path_arg(path: &std::path::Path) -> fluent_bundle::FluentValue<'static> {
    path.display().to_string().into()
}
