//! Typed errors of the library. Each one says where (file, line, column), what was found and
//! what was expected; the binary prints it once and exits with status 2.

use std::fmt;

/// A place in an input file: the file's name as the user gave it, and the line and column where
/// known (both 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The path as given on the command line, `<stdin>` or `<embedded plan.yaml>`.
    pub file: String,
    /// 1-based line number.
    pub line: Option<u64>,
    /// 1-based column number (a CSV field index for tabular data).
    pub column: Option<u64>,
}

impl Location {
    /// A whole file, no line known.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }

    /// A line of a file.
    pub fn line(file: impl Into<String>, line: u64) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
            column: None,
        }
    }

    /// A line and column of a file.
    pub fn at(file: impl Into<String>, line: u64, column: u64) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// Everything that makes a run invalid (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened or read (missing, a directory, unreadable).
    #[error("{at}: {message}")]
    Read {
        /// The file.
        at: Location,
        /// What went wrong, e.g. `no such file`.
        message: String,
    },
    /// The plan file is malformed or inconsistent.
    #[error("{at}: {message}")]
    Plan {
        /// Where in the plan file.
        at: Location,
        /// What was found and what was expected.
        message: String,
    },
    /// A file of actual figures is malformed or does not fit the plan.
    #[error("{at}: {message}")]
    Actuals {
        /// Where in the actuals file.
        at: Location,
        /// What was found and what was expected.
        message: String,
    },
}

impl Error {
    /// A plan error.
    pub fn plan(at: Location, message: impl Into<String>) -> Self {
        Error::Plan {
            at,
            message: message.into(),
        }
    }

    /// An actuals error.
    pub fn actuals(at: Location, message: impl Into<String>) -> Self {
        Error::Actuals {
            at,
            message: message.into(),
        }
    }

    /// A read error.
    pub fn read(at: Location, message: impl Into<String>) -> Self {
        Error::Read {
            at,
            message: message.into(),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
