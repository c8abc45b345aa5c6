//! What an error says, as a typed value where it is typed: the words, in each language, are the
//! renderer's (`render/errors.rs`). Errors not yet typed carry their English text.

use rust_decimal::Decimal;

pub use super::data::DataProblem;
pub use super::plan::{HorizonProblem, PlanProblem, Relation, Settled, TargetProblem, Wanted};
pub use super::usage::UsageProblem;
use super::Location;
use crate::period::Period;
use crate::warning::Breach;

/// What an error says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Worded where it was found, in English.
    Text(String),
    /// An indicator no target has.
    UnknownIndicator {
        /// The name as written.
        name: String,
        /// Its first invisible character, if it holds one.
        invisible: Option<Invisible>,
        /// The target it names without its invisible characters.
        meant: Option<Named>,
        /// The closest targets.
        closest: Vec<Named>,
    },
    /// A second figure for a target and period.
    SecondFigure {
        target: String,
        period: Period,
        first: Location,
    },
    /// A period cell that is not a period.
    NotAPeriod { text: String },
    /// A unit that does not convert to the target's.
    UnitCannotConvert {
        unit: String,
        /// The unit line it came from, if it came from one.
        from_line: Option<u64>,
        target_unit: String,
        target: String,
    },
    /// A blank unit cell in a file whose unit column is filled elsewhere.
    BlankUnit {
        written_at: Location,
        unit: String,
        target_unit: String,
    },
    /// A file that cannot be opened or read.
    Unreadable(IoProblem),
    /// Standard output was closed before `plan` started, so nothing written to it is seen.
    StdoutClosed,
    /// A file with nothing in it.
    EmptyFile,
    /// A file with title lines but no header row.
    NoHeaderRow,
    /// A header without an indicator column: the header as shown, and the names accepted.
    NoIndicatorColumn {
        header: String,
        accepted: &'static [&'static str],
    },
    /// A header without a value column or period columns.
    NoValueColumn {
        header: String,
        accepted: &'static [&'static str],
    },
    /// A data file's content that does not read: numbers, cells, tables, encodings, workbooks.
    Data(DataProblem),
    /// A plan file that does not read or does not hold together.
    Plan(PlanProblem),
    /// A command line, an output file or standard input and output used in a way that cannot work.
    Usage(UsageProblem),
    /// A figure its quantity cannot be.
    OutOfRange {
        value: Decimal,
        target: String,
        id: String,
        unit: String,
        breach: Breach,
    },
}

/// Why a file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoProblem {
    NotFound,
    PermissionDenied,
    IsADirectory,
    /// Another error, as the system words it (lowercase, without its number).
    Other(String),
}

impl IoProblem {
    /// The problem of `err`.
    pub fn of(err: &std::io::Error) -> IoProblem {
        match err.kind() {
            std::io::ErrorKind::NotFound => IoProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => IoProblem::PermissionDenied,
            std::io::ErrorKind::IsADirectory => IoProblem::IsADirectory,
            _ => IoProblem::Other(crate::actuals::describe_io(err)),
        }
    }
}

/// A target, by name and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub id: String,
}

/// An invisible character in a name: which, where (1-based, in characters) and how many more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invisible {
    pub c: char,
    pub at: usize,
    pub more: usize,
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::Text(text.to_string())
    }
}
