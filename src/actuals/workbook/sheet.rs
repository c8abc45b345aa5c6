//! Reading a workbook's sheet with calamine, in whichever process reads it: opening the
//! workbook, reading the chosen sheet's non-empty cells in row then column order, and marking
//! the cells calamine does not (percent-formatted ones, formulas without a saved value) from
//! what [`xlsx_percent`](crate::actuals::xlsx_percent) finds in the file's XML. A panic inside
//! calamine is contained ([`read_contained`]).

use std::io::Cursor;
use std::panic::{self, AssertUnwindSafe};

use calamine::{open_workbook_from_rs, Data, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};

use super::cells::{as_percent, convert};
use super::choose::choose;
use super::{PlacedCell, SheetCells};
use crate::actuals::grid::Cell;
use crate::actuals::xlsx_percent::{ods_percent_cells, ods_size_check, xlsx_marks, Position};
use crate::error::{DataProblem, Error, Location, Result};

/// Reads the chosen sheet in this process; a panic inside calamine is contained.
pub(super) fn read_contained(
    bytes: &[u8],
    file: &Location,
    sheet: Option<&str>,
) -> Result<SheetCells> {
    // calamine panics on some damaged files: contain it, quietly, and report the file.
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| read_sheet(bytes, file, sheet)));
    panic::set_hook(previous_hook);
    outcome.unwrap_or_else(|_| {
        Err(Error::actuals(
            file.clone(),
            DataProblem::DamagedWorkbook { memory: false },
        ))
    })
}

/// Opens a workbook as calamine's `open_workbook_auto_from_rs` does (.xls, .xlsx, .xlsb, then
/// .ods), but checks an .ods for repeated rows and columns that would expand past what the
/// child can hold before calamine builds its sheets.
fn open<'b>(bytes: &'b [u8], file: &Location) -> Result<Sheets<Cursor<&'b [u8]>>> {
    let cursor = || Cursor::new(bytes);
    if let Ok(book) = open_workbook_from_rs::<Xls<_>, _>(cursor()) {
        return Ok(Sheets::Xls(book));
    }
    if let Ok(book) = open_workbook_from_rs::<Xlsx<_>, _>(cursor()) {
        return Ok(Sheets::Xlsx(book));
    }
    if let Ok(book) = open_workbook_from_rs::<Xlsb<_>, _>(cursor()) {
        return Ok(Sheets::Xlsb(book));
    }
    ods_size_check(bytes).map_err(|why| Error::actuals(file.clone(), why))?;
    open_workbook_from_rs::<Ods<_>, _>(cursor())
        .map(Sheets::Ods)
        .map_err(|_| Error::actuals(file.clone(), DataProblem::UnknownWorkbookFormat))
}

/// The chosen sheet's non-empty cells, in row then column order, marked as the file's XML
/// says (see [`mark`]).
fn read_sheet(bytes: &[u8], file: &Location, wanted: Option<&str>) -> Result<SheetCells> {
    let mut book = open(bytes, file)?;
    let chosen = choose(book.sheets_metadata(), wanted, file)?;
    let is_ods = matches!(book, Sheets::Ods(_));
    let Raw {
        mut cells,
        mut percent,
        unsaved,
    } = read_raw(&mut book, bytes, file, &chosen)?;
    drop(book);
    cells.sort_by_key(|(at, _)| *at);
    if is_ods {
        let numbers: Vec<Position> = cells
            .iter()
            .filter(|(_, cell)| matches!(cell, Cell::Number(_)))
            .map(|(at, _)| *at)
            .collect();
        percent = ods_percent_cells(bytes, &chosen, &numbers);
    }
    mark(&mut cells, percent, unsaved);
    Ok(SheetCells {
        name: chosen,
        cells,
    })
}

/// A sheet as calamine reads it, and what the file's XML marks.
struct Raw {
    /// The non-empty cells, in the order calamine gives them.
    cells: Vec<PlacedCell>,
    /// The percent-formatted cells (.xlsx).
    percent: Vec<Position>,
    /// The formulas without a saved value, and where (.xlsx, .ods).
    unsaved: Vec<(Position, String)>,
}

/// Reads sheet `chosen` of `book` (opened from `bytes`): its non-empty cells and, for an
/// .xlsx, its percent-formatted cells; for an .xlsx or .ods, its formulas without a saved value.
fn read_raw(
    book: &mut Sheets<Cursor<&[u8]>>,
    bytes: &[u8],
    file: &Location,
    chosen: &str,
) -> Result<Raw> {
    let cannot = |detail: String| {
        Error::actuals(
            file.clone(),
            DataProblem::CannotReadSheet {
                sheet: chosen.to_string(),
                detail,
            },
        )
    };
    let mut cells: Vec<PlacedCell> = Vec::new();
    let mut keep = |at: Position, data: Data| {
        let cell = convert(&data);
        if cell != Cell::Empty {
            cells.push((at, cell));
        }
    };
    let mut percent = Vec::new();
    let mut unsaved = Vec::new();
    match book {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(chosen)
                .map_err(|e| cannot(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| cannot(e.to_string()))? {
                keep(cell.get_position(), Data::from(cell.get_value().clone()));
            }
            drop(reader);
            let marks = xlsx_marks(bytes, chosen).map_err(cannot)?;
            percent = marks.percent;
            unsaved = marks.unsaved;
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(chosen)
                .map_err(|e| cannot(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| cannot(e.to_string()))? {
                keep(cell.get_position(), Data::from(cell.get_value().clone()));
            }
        }
        Sheets::Ods(ods) => {
            let range = ods
                .worksheet_range(chosen)
                .map_err(|e| cannot(e.to_string()))?;
            let formulas = ods
                .worksheet_formula(chosen)
                .map_err(|e| cannot(e.to_string()))?;
            // A formula whose cell holds no value: calamine gives it as empty.
            let (f0, g0) = formulas.start().unwrap_or((0, 0));
            for (r, c, formula) in formulas.used_cells() {
                let at = (f0 + r as u32, g0 + c as u32);
                if !formula.is_empty() && range.get_value(at).is_none_or(|d| *d == Data::Empty) {
                    unsaved.push((at, formula.clone()));
                }
            }
            drop(formulas);
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, data) in range.used_cells() {
                keep((r0 + r as u32, c0 + c as u32), data.clone());
            }
        }
        Sheets::Xls(xls) => {
            let range = xls
                .worksheet_range(chosen)
                .map_err(|e| cannot(e.to_string()))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, data) in range.used_cells() {
                keep((r0 + r as u32, c0 + c as u32), data.clone());
            }
        }
    }
    Ok(Raw {
        cells,
        percent,
        unsaved,
    })
}

/// Marks, in `cells` (in row then column order, and kept so), what calamine does not: each
/// percent-formatted number as the percent it shows, and each formula without a saved value
/// where no cell holds a value.
fn mark(cells: &mut Vec<PlacedCell>, percent: Vec<Position>, unsaved: Vec<(Position, String)>) {
    // A percent-formatted cell holds the fraction: 2.42% arrives as 0.0242.
    for at in percent {
        if let Ok(i) = cells.binary_search_by_key(&at, |(at, _)| *at) {
            if let Cell::Number(n) = cells[i].1 {
                cells[i].1 = as_percent(n);
            }
        }
    }
    let before = cells.len();
    for (at, formula) in unsaved {
        if cells[..before]
            .binary_search_by_key(&at, |(at, _)| *at)
            .is_err()
        {
            cells.push((at, Cell::Unsaved(formula)));
        }
    }
    if cells.len() > before {
        cells.sort_by_key(|(at, _)| *at);
    }
}
