//! Messages about bad input that say which file, where, and what is wrong.

use std::fmt;

use crate::model::Severity;

/// Where in a file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Where {
    /// The file as a whole.
    File,
    /// A line and column, both counted from 1.
    LineColumn {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// A feature of a GeoJSON layer, counted from 0, with its key where it has one.
    Feature {
        /// Index in the `features` array.
        index: usize,
        /// The feature's key (`ADM0_A3` …), if found.
        key: Option<String>,
    },
}

/// One problem found in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file's name as the person knows it (path, or "embedded …").
    pub file: String,
    /// Where in it.
    pub place: Where,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// An error at a place.
    pub fn error(file: &str, place: Where, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            place,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A warning at a place.
    pub fn warning(file: &str, place: Where, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, place, message)
        }
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.place {
            Where::File => write!(f, "{}: {level}: {}", self.file, self.message),
            Where::LineColumn { line, column } => {
                write!(
                    f,
                    "{}:{line}:{column}: {level}: {}",
                    self.file, self.message
                )
            }
            Where::Feature {
                index,
                key: Some(key),
            } => write!(
                f,
                "{}: feature {index} ({key}): {level}: {}",
                self.file, self.message
            ),
            Where::Feature { index, key: None } => {
                write!(
                    f,
                    "{}: feature {index}: {level}: {}",
                    self.file, self.message
                )
            }
        }
    }
}

/// A file that could not be loaded, with every problem found (errors first).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// What was found; at least one is an error.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// A load error with a single problem.
    pub fn single(diagnostic: Diagnostic) -> Self {
        Self {
            diagnostics: vec![diagnostic],
        }
    }

    /// The first error's text.
    pub fn headline(&self) -> String {
        self.diagnostics
            .first()
            .map_or_else(|| "unknown error".to_owned(), ToString::to_string)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Turns a serde_json error into a diagnostic at its line and column.
pub(crate) fn json_diagnostic(file: &str, error: &serde_json::Error) -> Diagnostic {
    let message = error.to_string();
    // serde_json appends " at line L column C"; the place says that already.
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    };
    let place = if error.line() == 0 {
        Where::File
    } else {
        Where::LineColumn {
            line: error.line(),
            column: error.column(),
        }
    };
    let message = match error.classify() {
        serde_json::error::Category::Eof => format!("the file ends too soon: {message}"),
        serde_json::error::Category::Syntax => format!("not valid JSON: {message}"),
        _ => message,
    };
    Diagnostic::error(file, place, message)
}
