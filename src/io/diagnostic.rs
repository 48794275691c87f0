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
    /// A feature of a GeoJSON layer, and the line and column of the value the message is
    /// about (the feature itself, or a position, member … inside it).
    FeatureAt {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// Index in the `features` array.
        index: usize,
        /// The feature's key (`ADM0_A3` …), if found.
        key: Option<String>,
    },
    /// A cell of a spreadsheet (or of one CSV file of a folder of them): `events!C12`.
    Cell {
        /// The sheet's name.
        sheet: String,
        /// The cell, in A1 notation.
        cell: String,
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
            Where::Cell { sheet, cell } => {
                write!(f, "{}:{sheet}!{cell}: {level}: {}", self.file, self.message)
            }
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
            Where::FeatureAt {
                line,
                column,
                index,
                key: Some(key),
            } => write!(
                f,
                "{}:{line}:{column}: feature {index} ({key}): {level}: {}",
                self.file, self.message
            ),
            Where::FeatureAt {
                line,
                column,
                index,
                key: None,
            } => write!(
                f,
                "{}:{line}:{column}: feature {index}: {level}: {}",
                self.file, self.message
            ),
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

/// Text from a file (a key, an id) made fit for a one-line message: control characters
/// escaped, and cut to 40 characters.
pub(crate) fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == MAX_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The most diagnostics one file reports; a broken file can have millions of problems, and
/// the first hundred say enough.
pub(crate) const MAX_DIAGNOSTICS: usize = 100;

/// Says how many problems were left out; an error if any of them is.
pub(crate) fn not_shown(file: &str, errors: usize, warnings: usize) -> Diagnostic {
    let message = format!(
        "and {} more problems ({errors} errors, {warnings} warnings) not shown",
        errors + warnings
    );
    if errors > 0 {
        Diagnostic::error(file, Where::File, message)
    } else {
        Diagnostic::warning(file, Where::File, message)
    }
}
