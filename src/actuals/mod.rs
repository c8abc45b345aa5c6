//! Actual figures: reading files into [`Observation`]s, one per figure, with their cells kept as
//! the source gave them so later stages can say exactly what was found and where.
//!
//! Any input becomes rows of cells first ([`grid`]): delimited text ([`delimited`], after
//! [`decode`] has chosen its encoding) or a workbook sheet ([`workbook`]). [`table`] then finds
//! the header and reads the long or wide layout.

mod checked;
mod decode;
mod delimited;
pub mod grid;
mod input;
mod lines;
mod parallel;
mod period;
mod sniff;
mod table;
mod trim;
mod workbook;
mod xlsx_percent;

pub use decode::encoding_by_name;
pub use encoding_rs::Encoding;
pub use input::{describe_io, open_input, read_to_string, Input};
pub use parallel::{read_in_halves, Collect, PARALLEL_MIN};
pub use period::parse_year;
pub use table::Layout;
pub use workbook::{serve_workbook, use_workbook_helper};

use std::io::{Cursor, Read};
use std::path::Path;

use grid::CellRef;

use crate::error::{Error, Location, Result};

/// One figure as read: nothing is judged against the plan yet. It borrows the row it comes
/// from, so reading costs no allocation per row.
#[derive(Debug, Clone, Copy)]
pub struct Observation<'a> {
    /// The indicator as written: an id, a Chinese name or an alias.
    pub indicator: &'a str,
    /// The period the figure is for.
    pub period: crate::period::Period,
    /// The value cell; `None` when the row reports only a growth rate.
    pub value: Option<CellRef<'a>>,
    /// A reported growth rate (同比增长, in percent), if the table has such a column.
    pub change: Option<CellRef<'a>>,
    /// The unit that applies, if any, and where it was written.
    pub unit: Option<UnitText<'a>>,
    /// The unit column, when the table has one and this row's cell in it is blank with no unit
    /// of the table's to fall back on.
    pub blank_unit: Option<u64>,
    /// The file (and sheet) the row is in.
    pub origin: &'a Location,
    /// The row's line.
    pub line: u64,
    /// The region cell as written, when the table has a region column and it is filled.
    pub region: Option<&'a str>,
    /// 1-based column numbers of the row's cells.
    pub columns: Columns,
}

/// A unit as written for a figure, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitText<'a> {
    /// The unit as written.
    pub text: &'a str,
    /// Where it was written.
    pub at: UnitAt,
    /// True when it is only the table's default (a `单位：` line above the header), which a
    /// unit written in the cell overrides.
    pub is_default: bool,
}

/// Where a unit was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitAt {
    /// In a column of the figure's row (a unit column, or a unit in the value column's header).
    Column(u64),
    /// On a `单位：` line above the header.
    Line(u64),
}

/// Where a row keeps each field, as 1-based column numbers, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The indicator column.
    pub indicator: u64,
    /// The value column (for wide tables, this figure's period column).
    pub value: u64,
    /// The growth-rate column, if any.
    pub change: Option<u64>,
    /// The region column, if any.
    pub region: Option<u64>,
}

impl Observation<'_> {
    /// The row's place: file (and sheet) and line.
    pub fn row(&self) -> Location {
        self.origin.with_line(self.line)
    }

    /// The location of one of this row's cells.
    pub fn cell(&self, column: u64) -> Location {
        self.row().with_column(column)
    }

    /// Where the unit was written.
    pub fn unit_location(&self, at: UnitAt) -> Location {
        match at {
            UnitAt::Column(column) => self.cell(column),
            UnitAt::Line(line) => self.origin.with_line(line),
        }
    }
}

/// How to read actual figures.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Read delimited text in this encoding rather than detecting it.
    pub encoding: Option<&'static Encoding>,
    /// The workbook sheet to read, rather than the first.
    pub sheet: Option<String>,
    /// Force a layout rather than detecting it from the header.
    pub layout: Option<Layout>,
    /// The year of rows without a period column (the plan year).
    pub default_year: i32,
    /// The header's row (1-based line or sheet row), when the user names it.
    pub header_row: Option<u64>,
}

/// Extensions read as workbooks even before their bytes are looked at.
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Reads every figure of the file at `path` (`-` for standard input), handing each to `sink`
/// in file order.
pub fn read_actuals(
    path: &Path,
    options: &ReadOptions,
    sink: &mut dyn FnMut(&Observation) -> Result<()>,
) -> Result<()> {
    let input = open_input(path)?;
    let name = input.name;
    let mut reader = input.reader;
    let mut magic = Vec::with_capacity(8);
    (&mut reader)
        .take(8)
        .read_to_end(&mut magic)
        .map_err(|err| Error::unreadable(Location::file(&name), &err))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_workbook = workbook::looks_like_workbook(&magic)
        || extension.is_some_and(|e| WORKBOOK_EXTENSIONS.contains(&e.as_str()));
    let reader: Box<dyn Read> = Box::new(Cursor::new(magic).chain(reader));
    let table_options = table::TableOptions::of(options);
    if is_workbook {
        let bytes = decode::read_all(reader, &name)?;
        let (rows, origin) = workbook::workbook_rows(bytes, &name, options.sheet.as_deref())?;
        return table::read_table(
            &mut grid::OwnedRows::new(rows),
            &origin,
            &table_options,
            sink,
        );
    }
    if options.sheet.is_some() {
        return Err(Error::actuals(
            Location::file(&name),
            crate::error::DataProblem::SheetOnText,
        ));
    }
    read_delimited(reader, &name, options, sink)
}

/// Reads delimited text (CSV or tab-separated, any supported encoding) from `reader`.
pub fn read_delimited(
    reader: Box<dyn Read>,
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(&Observation) -> Result<()>,
) -> Result<()> {
    let decoded = decode::decode(reader, name, options.encoding)?;
    let transcoded = decoded.encoding != encoding_rs::UTF_8;
    let forced = options.encoding.is_some();
    let delimiter = decoded.delimiter(name)?;
    let mut rows =
        delimited::DelimitedRows::new(decoded.reader, delimiter, name, transcoded, forced);
    let table_options = table::TableOptions::of(options);
    table::read_table(&mut rows, &Location::file(name), &table_options, sink)
}

/// Reads any bytes as a file of actual figures would be read (a workbook by its first bytes,
/// else delimited text in any supported encoding), handing each figure to `sink`: for fuzzing
/// and tests, without a file.
pub fn read_bytes(
    bytes: &[u8],
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(&Observation) -> Result<()>,
) -> Result<()> {
    if workbook::looks_like_workbook(bytes) {
        let (rows, origin) =
            workbook::workbook_rows(bytes.to_vec(), name, options.sheet.as_deref())?;
        let table_options = table::TableOptions::of(options);
        return table::read_table(
            &mut grid::OwnedRows::new(rows),
            &origin,
            &table_options,
            sink,
        );
    }
    read_delimited(Box::new(Cursor::new(bytes.to_vec())), name, options, sink)
}

/// Reads delimited text and counts its figures (for tests of the reader on any input).
pub fn count_delimited(bytes: &[u8], name: &str, default_year: i32) -> Result<usize> {
    let mut count = 0;
    let options = ReadOptions {
        default_year,
        ..ReadOptions::default()
    };
    read_delimited(
        Box::new(Cursor::new(bytes.to_vec())),
        name,
        &options,
        &mut |_| {
            count += 1;
            Ok(())
        },
    )?;
    Ok(count)
}
