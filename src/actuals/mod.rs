//! Actual figures: reading them from files into [`Observation`]s, one per row, with their text
//! kept as written so later stages can say exactly what was found and where.

mod csv;
mod input;
mod period;

pub use self::csv::read_csv;
pub use input::{describe_io, open_input, read_to_string, Input};
pub use period::parse_year;

use crate::error::Location;

/// One row of actual figures, as read: nothing is judged against the plan yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// The indicator as written: an id, a Chinese name or an alias.
    pub indicator: String,
    /// The period (a year).
    pub period: i32,
    /// The value cell as written, trimmed; never empty (rows without a figure are skipped).
    pub value: String,
    /// The unit cell, if the file has a unit column and the cell is not empty.
    pub unit: Option<String>,
    /// Where the row is: file and line.
    pub row: Location,
    /// 1-based column numbers of the indicator, value and unit cells.
    pub columns: Columns,
}

/// Where a file keeps each field, as 1-based column numbers, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The indicator column.
    pub indicator: u64,
    /// The value column.
    pub value: u64,
    /// The unit column, if any.
    pub unit: Option<u64>,
}

impl Observation {
    /// The location of one of this row's cells.
    pub fn cell(&self, column: u64) -> Location {
        Location {
            column: Some(column),
            ..self.row.clone()
        }
    }
}
