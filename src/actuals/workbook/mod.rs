//! Workbooks (.xlsx, .xls, .ods, .xlsb) through calamine: the first visible worksheet, or the
//! one named. Numeric cells and numbers stored as text both read; a float reads as the decimal
//! Excel shows (15 significant digits); dates stay dates; a percent-formatted cell (.xlsx,
//! .ods) reads as the percent it shows; a formula without a saved value (.xlsx, .ods) is said
//! to be one, never read as empty. (.xls and .xlsb keep formats and formulas in binary records
//! calamine does not expose: there such a cell reads as empty, and a percent cell as its
//! fraction, which draws the fraction warning.)
//!
//! The `plan` binary reads every byte of a workbook in a child process of itself with capped
//! memory ([`serve_workbook`]), which streams the sheet's cells back in a compact binary form,
//! row by row: the parent holds one row at a time, however large the sheet. .xlsx and .xlsb
//! cells are streamed one by one, so a stray value in the last cell of a sheet costs one cell,
//! not a rectangle of a billion. calamine panics on some damaged files; such a panic is
//! contained and reported as an error on the file.
//!
//! [`child`] starts the child and reads its answer ([`wire`]), the child capping its memory
//! ([`limit`]); [`sheet`] opens the workbook,
//! [`choose`]s the sheet and reads it, its cells made ours by [`cells`]; [`rows`] groups the
//! cells into rows.

mod cells;
mod child;
mod choose;
mod limit;
mod rows;
mod sheet;
mod wire;

pub use child::{serve_workbook, use_workbook_helper};

use child::{start_child, HELPER};
use rows::{Grouped, Held};
use sheet::read_contained;

use super::grid::{Cell, OwnedRows};
use super::xlsx_percent::Position;
use crate::error::{Error, Location, Result};

/// True when `bytes` start like a workbook: a zip archive (.xlsx, .ods, .xlsb) or an OLE
/// compound file (.xls).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The most memory a child reading a workbook may take (address space on Unix, committed
/// memory on Windows; see [`limit`]): calamine sizes some buffers from numbers in the file,
/// and a damaged .xls can ask for many gigabytes.
pub const CHILD_MEMORY: u64 = 2 << 30;

/// A cell and its 0-based (row, column).
type PlacedCell = (Position, Cell);

/// A sheet as read: its name and its non-empty cells, in row then column order.
struct SheetCells {
    name: String,
    cells: Vec<PlacedCell>,
}

/// The rows of one sheet of a workbook, and where they are (file and sheet). With the helper
/// set ([`use_workbook_helper`]), the rows stream from the child process as they are read.
pub fn workbook_rows(
    bytes: Vec<u8>,
    name: &str,
    sheet: Option<&str>,
) -> Result<(OwnedRows, Location)> {
    let file = Location::file(name);
    let (chosen, count, rows) = match HELPER.get() {
        Some(exe) => {
            let (chosen, count, cells) = start_child(exe, &bytes, &file, sheet)?;
            drop(bytes);
            let rows = OwnedRows::from_source(Grouped {
                cells,
                pending: None,
            });
            (chosen, count, rows)
        }
        None => {
            let sheet = read_contained(&bytes, &file, sheet)?;
            let count = sheet.cells.len() as u64;
            let rows = OwnedRows::from_source(Grouped {
                cells: Held(sheet.cells.into_iter()),
                pending: None,
            });
            (sheet.name, count, rows)
        }
    };
    let origin = Location {
        sheet: Some(chosen.clone()),
        ..file
    };
    if count == 0 {
        return Err(Error::actuals(
            origin,
            crate::error::DataProblem::SheetEmpty { sheet: chosen },
        ));
    }
    Ok((rows, origin))
}
