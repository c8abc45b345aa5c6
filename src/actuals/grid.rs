//! Rows of cells: what every input (CSV, tab-separated text, workbooks) becomes before its
//! header and layout are read. Rows are lent, not built: a delimited row's cells borrow the
//! reader's buffer, so a million-row file costs no allocation or copy per row.

use rust_decimal::Decimal;

use crate::error::Result;

/// One cell as its source gives it (owned, for workbooks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing in the cell.
    Empty,
    /// Text: text cells of workbooks (numbers stored as text too).
    Text(String),
    /// A numeric workbook cell.
    Number(Decimal),
    /// A percent-formatted workbook cell, in percent (a cell showing 2.42% holds 2.42 here).
    Percent(Decimal),
    /// A date or time workbook cell, as shown (never read as a number).
    Date(String),
    /// A workbook cell holding an error such as `#DIV/0!`.
    Error(String),
    /// A formula with no value saved in the file (written by a program that does not
    /// calculate): the formula, as written, possibly empty.
    Unsaved(String),
    /// A number no decimal holds exactly as the spreadsheet shows it.
    Unfit(Unfit),
}

/// A workbook number no decimal holds exactly as the spreadsheet shows it. Kept apart, so a
/// borrowed cell stays three words: the reader passes millions of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfit {
    /// The number as shown: 15 significant digits (`5.55111512312578E-17`).
    pub shown: String,
    /// Why it does not fit.
    pub why: crate::error::UnfitReason,
}

/// One cell, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellRef<'a> {
    /// Nothing in the cell.
    Empty,
    /// Text, trimmed: everything from a CSV, and text cells of workbooks.
    Text(&'a str),
    /// A numeric workbook cell.
    Number(Decimal),
    /// A percent-formatted workbook cell, in percent.
    Percent(Decimal),
    /// A date or time workbook cell, as shown.
    Date(&'a str),
    /// A workbook cell holding an error.
    Error(&'a str),
    /// A workbook formula without a saved value: the formula.
    Unsaved(&'a str),
    /// A workbook number no decimal holds exactly: as shown, and why.
    Unfit(&'a Unfit),
}

impl Cell {
    /// The cell, borrowed.
    pub fn as_ref(&self) -> CellRef<'_> {
        match self {
            Cell::Empty => CellRef::Empty,
            Cell::Text(t) => CellRef::Text(t.trim()),
            Cell::Number(n) => CellRef::Number(*n),
            Cell::Percent(n) => CellRef::Percent(*n),
            Cell::Date(t) => CellRef::Date(t),
            Cell::Error(t) => CellRef::Error(t),
            Cell::Unsaved(formula) => CellRef::Unsaved(formula),
            Cell::Unfit(unfit) => CellRef::Unfit(unfit),
        }
    }
}

impl CellRef<'_> {
    /// The cell as text, for header names, indicator names and messages.
    pub fn text(&self) -> String {
        match self {
            CellRef::Empty => String::new(),
            CellRef::Text(text) | CellRef::Date(text) | CellRef::Error(text) => {
                text.trim().to_string()
            }
            CellRef::Unsaved(formula) => formula.trim().to_string(),
            CellRef::Unfit(unfit) => unfit.shown.clone(),
            CellRef::Number(n) => n.to_string(),
            CellRef::Percent(n) => format!("{n}%"),
        }
    }

    /// True for an empty cell or one holding only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            CellRef::Empty => true,
            CellRef::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

impl<'a> CellRef<'a> {
    /// The text of a text cell, without allocating.
    pub fn as_text(self) -> Option<&'a str> {
        match self {
            CellRef::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// One row, lent by its source: small, so passing it on per row costs little.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    /// 1-based line (delimited text) or row number (workbook).
    pub line: u64,
    cells: Lent<'a>,
}

/// Where a row's cells are.
#[derive(Debug, Clone, Copy)]
enum Lent<'a> {
    /// Fields of delimited text: each `(from, to)` is a trimmed field of `text`.
    Fields {
        text: &'a str,
        bounds: &'a [(usize, usize)],
    },
    /// Cells of a workbook row.
    Cells(&'a [Cell]),
}

impl<'a> RowRef<'a> {
    /// A row of delimited text: `bounds` are trimmed fields of `text`, cut at ASCII delimiters.
    pub fn fields(line: u64, text: &'a str, bounds: &'a [(usize, usize)]) -> Self {
        RowRef {
            line,
            cells: Lent::Fields { text, bounds },
        }
    }

    /// A row of workbook cells.
    pub fn cells(line: u64, cells: &'a [Cell]) -> Self {
        RowRef {
            line,
            cells: Lent::Cells(cells),
        }
    }

    /// How many cells the row has.
    #[inline]
    pub fn len(&self) -> usize {
        match self.cells {
            Lent::Fields { bounds, .. } => bounds.len(),
            Lent::Cells(cells) => cells.len(),
        }
    }

    /// True for a row without cells.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Cell `i` (0-based), if the row has it.
    #[inline]
    pub fn get(&self, i: usize) -> Option<CellRef<'a>> {
        match self.cells {
            Lent::Fields { text, bounds } => {
                let &(from, to) = bounds.get(i)?;
                Some(match text.get(from..to) {
                    None | Some("") => CellRef::Empty,
                    Some(field) => CellRef::Text(field),
                })
            }
            Lent::Cells(cells) => cells.get(i).map(Cell::as_ref),
        }
    }

    /// True when cell `i` is a workbook formula without a saved value (never, in delimited
    /// text: asked for a row's names and period, so it costs nothing there).
    #[inline(always)]
    pub fn is_unsaved(&self, i: usize) -> bool {
        match self.cells {
            Lent::Fields { .. } => false,
            Lent::Cells(cells) => matches!(cells.get(i), Some(Cell::Unsaved(_))),
        }
    }

    /// The cells, left to right.
    pub fn iter(&self) -> impl Iterator<Item = CellRef<'a>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// A source of rows, one at a time.
pub trait Rows {
    /// The next row, or `None` at the end.
    fn next_row(&mut self) -> Option<Result<RowRef<'_>>>;

    /// True when a cell beyond the header's last column is an error unless it is empty
    /// (delimited text, where an extra delimiter shifts every figure after it). A workbook's
    /// cells beyond the header are notes beside the table, and are not read.
    fn refuses_extra_cells(&self) -> bool;
}

/// A source of owned rows (a workbook sheet), one at a time.
pub trait RowSource {
    /// Puts the next row's cells in `cells` (emptied first) and gives its 1-based row number;
    /// `None` at the end.
    fn next_into(&mut self, cells: &mut Vec<Cell>) -> Option<Result<u64>>;
}

/// Owned rows (a workbook sheet) as a source: held, or streamed from a [`RowSource`] (the
/// child process that read the workbook), one row in memory at a time.
pub struct OwnedRows {
    source: Box<dyn RowSource>,
    cells: Vec<Cell>,
}

impl OwnedRows {
    /// Rows as (row number, cells), or rows already made.
    pub fn new(rows: impl Into<OwnedRows>) -> Self {
        rows.into()
    }

    /// Rows streamed from `source`.
    pub fn from_source(source: impl RowSource + 'static) -> Self {
        OwnedRows {
            source: Box::new(source),
            cells: Vec::new(),
        }
    }
}

/// Rows held: (row number, cells).
struct Held(std::vec::IntoIter<(u64, Vec<Cell>)>);

impl RowSource for Held {
    fn next_into(&mut self, cells: &mut Vec<Cell>) -> Option<Result<u64>> {
        let (line, row) = self.0.next()?;
        *cells = row;
        Some(Ok(line))
    }
}

impl From<Vec<(u64, Vec<Cell>)>> for OwnedRows {
    fn from(rows: Vec<(u64, Vec<Cell>)>) -> Self {
        OwnedRows::from_source(Held(rows.into_iter()))
    }
}

impl Rows for OwnedRows {
    fn next_row(&mut self) -> Option<Result<RowRef<'_>>> {
        match self.source.next_into(&mut self.cells)? {
            Ok(line) => Some(Ok(RowRef::cells(line, &self.cells))),
            Err(err) => Some(Err(err)),
        }
    }

    fn refuses_extra_cells(&self) -> bool {
        false
    }
}
