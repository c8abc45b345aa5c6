//! Rows of cells: what every input (CSV, tab-separated text, workbooks) becomes before its
//! header and layout are read.

use rust_decimal::Decimal;

/// One row of an input, with its 1-based line (CSV) or row number (workbook).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line or row number.
    pub line: u64,
    /// The cells, left to right from column 1.
    pub cells: Vec<Cell>,
}

/// One cell as its source gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing in the cell.
    Empty,
    /// Text: everything from a CSV, and text cells of workbooks (numbers stored as text too).
    Text(String),
    /// A numeric workbook cell.
    Number(Decimal),
    /// A percent-formatted workbook cell, in percent (a cell showing 2.42% holds 2.42 here).
    Percent(Decimal),
    /// A date or time workbook cell, as shown (never read as a number).
    Date(String),
    /// A workbook cell holding an error such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// The cell as text, for header names and indicator names.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) | Cell::Date(text) | Cell::Error(text) => text.trim().to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Percent(n) => format!("{n}%"),
        }
    }

    /// True for an empty cell or one holding only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}
