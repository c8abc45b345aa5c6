//! Workbooks (.xlsx, .xls, .ods, .xlsb) through calamine: the first visible sheet, or the one
//! named. Numeric cells and numbers stored as text both read; dates stay dates; a
//! percent-formatted cell (.xlsx, .ods) reads as the percent it shows.
//!
//! .xlsx cells are streamed one by one, so a stray value in the last cell of a sheet costs one
//! cell, not a rectangle of a billion. calamine panics on some damaged files; such a panic is
//! contained and reported as an error on the file.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use calamine::{open_workbook_auto_from_rs, Data, Reader, SheetVisible, Sheets};
use rust_decimal::Decimal;

use super::grid::Cell;
use super::xlsx_percent::{ods_percent_cells, percent_cells, CellSet};
use crate::error::{Error, Location, Result};

/// True when `bytes` start like a workbook: a zip archive (.xlsx, .ods, .xlsb) or an OLE
/// compound file (.xls).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// A cell and its 0-based (row, column).
type PlacedCell = ((u32, u32), Cell);

/// The program that reads workbooks in a child process (the `plan` binary itself), if set.
static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// The most memory a child reading a workbook may take (address space): calamine sizes some
/// buffers from numbers in the file, and a damaged .xls can ask for many gigabytes.
pub const CHILD_MEMORY: u64 = 2 << 30;

/// Reads workbooks with `exe __read-workbook` in a child process whose memory is capped at
/// [`CHILD_MEMORY`], so no workbook can exhaust the machine: a child that runs out is reported
/// as a damaged workbook. Without it (tests, fuzzing), workbooks are read in this process.
pub fn use_workbook_helper(exe: PathBuf) {
    let _ = HELPER.set(exe);
}

/// In the child: caps memory, reads a workbook from standard input and writes the chosen
/// sheet's cells to standard output as JSON (or `{"error": message}`).
pub fn serve_workbook(sheet: Option<&str>) -> Vec<u8> {
    let _ = rlimit::setrlimit(rlimit::Resource::AS, CHILD_MEMORY, CHILD_MEMORY);
    let mut bytes = Vec::new();
    let answer = match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => match read_contained(&bytes, &Location::file("-"), sheet) {
            Ok((cells, chosen)) => serde_json::json!({ "sheet": chosen, "cells": cells }),
            Err(err) => serde_json::json!({ "error": error_message(&err) }),
        },
        Err(err) => serde_json::json!({ "error": err.to_string() }),
    };
    serde_json::to_vec(&answer).unwrap_or_default()
}

fn error_message(err: &Error) -> String {
    err.message().to_string()
}

/// Asks the child to read the workbook.
fn read_in_child(
    exe: &PathBuf,
    bytes: &[u8],
    file: &Location,
    sheet: Option<&str>,
) -> Result<(Vec<PlacedCell>, String)> {
    let damaged = || {
        Error::actuals(
            file.clone(),
            "a damaged workbook that cannot be read (it asks for more memory than a workbook needs); \
             expected an .xlsx, .xls or .ods file",
        )
    };
    let mut command = Command::new(exe);
    command.arg("__read-workbook");
    if let Some(sheet) = sheet {
        command.arg("--sheet").arg(sheet);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| {
            Error::read(
                file.clone(),
                format!("cannot start the workbook reader: {err}"),
            )
        })?;
    let mut stdin = child.stdin.take().ok_or_else(damaged)?;
    let mut stdout = child.stdout.take().ok_or_else(damaged)?;
    let mut answer = Vec::new();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let _ = stdout.read_to_end(&mut answer);
    });
    let status = child.wait().map_err(|_| damaged())?;
    if !status.success() {
        return Err(damaged());
    }
    #[derive(serde::Deserialize)]
    struct Answer {
        sheet: Option<String>,
        cells: Option<Vec<PlacedCell>>,
        error: Option<String>,
    }
    let answer: Answer = serde_json::from_slice(&answer).map_err(|_| damaged())?;
    match (answer.error, answer.cells, answer.sheet) {
        (Some(message), ..) => Err(Error::actuals(file.clone(), message)),
        (None, Some(cells), Some(sheet)) => Ok((cells, sheet)),
        _ => Err(damaged()),
    }
}

/// Reads the chosen sheet in this process; a panic inside calamine is contained.
fn read_contained(
    bytes: &[u8],
    file: &Location,
    sheet: Option<&str>,
) -> Result<(Vec<PlacedCell>, String)> {
    // calamine panics on some damaged files: contain it, quietly, and report the file.
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| read_sheet(bytes, file, sheet)));
    panic::set_hook(previous_hook);
    let (cells, chosen) = outcome.unwrap_or_else(|_| {
        Err(Error::actuals(
            file.clone(),
            "a damaged workbook that cannot be read; expected an .xlsx, .xls or .ods file",
        ))
    })?;
    Ok((
        cells
            .into_iter()
            .map(|(at, data)| (at, convert(&data, false)))
            .collect(),
        chosen,
    ))
}

/// A sheet's row: its 1-based number and its cells.
pub type SheetRow = (u64, Vec<Cell>);

/// The rows of one sheet of a workbook, and where they are (file and sheet).
pub fn workbook_rows(
    bytes: Vec<u8>,
    name: &str,
    sheet: Option<&str>,
) -> Result<(Vec<SheetRow>, Location)> {
    let file = Location::file(name);
    let (cells, chosen) = match HELPER.get() {
        Some(exe) => read_in_child(exe, &bytes, &file, sheet)?,
        None => read_contained(&bytes, &file, sheet)?,
    };
    let percent = if bytes.starts_with(b"PK") {
        let mut set = percent_cells(&bytes, &chosen);
        set.extend(ods_percent_cells(&bytes, &chosen));
        set
    } else {
        CellSet::new()
    };
    let origin = Location {
        sheet: Some(chosen.clone()),
        ..file.clone()
    };
    if cells.is_empty() {
        return Err(Error::actuals(
            origin,
            format!("sheet `{chosen}` is empty; expected a header row (choose another sheet with --sheet)"),
        ));
    }
    let mut rows: BTreeMap<u32, Vec<(u32, Cell)>> = BTreeMap::new();
    for ((row, col), cell) in cells {
        let cell = match cell {
            // A percent-formatted cell holds the fraction: 2.42% arrives as 0.0242.
            Cell::Number(n) if percent.contains(&(row, col)) => {
                match n.checked_mul(Decimal::ONE_HUNDRED) {
                    Some(p) => Cell::Percent(p.normalize()),
                    None => Cell::Error(format!("{n}%")),
                }
            }
            other => other,
        };
        rows.entry(row).or_default().push((col, cell));
    }
    let rows = rows
        .into_iter()
        .map(|(row, mut cells)| {
            cells.sort_by_key(|(col, _)| *col);
            let width = cells.last().map_or(0, |(col, _)| *col as usize + 1);
            let mut out = vec![Cell::Empty; width];
            for (col, cell) in cells {
                out[col as usize] = cell;
            }
            (u64::from(row) + 1, out)
        })
        .collect();
    Ok((rows, origin))
}

/// The non-empty cells of the chosen sheet as ((row, column), value), 0-based, and its name.
type SheetCells = (Vec<((u32, u32), Data)>, String);

fn read_sheet(bytes: &[u8], file: &Location, wanted: Option<&str>) -> Result<SheetCells> {
    let fail = |what: String| Error::actuals(file.clone(), what);
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|err| {
        fail(format!(
            "cannot read the workbook: {err}; expected an .xlsx, .xls or .ods file"
        ))
    })?;
    let sheets = book.sheets_metadata().to_vec();
    let listed = sheets
        .iter()
        .map(|s| format!("`{}`", s.name))
        .collect::<Vec<_>>()
        .join(", ");
    let chosen = match wanted {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.name == wanted)
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                fail(format!(
                    "no sheet named `{wanted}`; the workbook has {listed}"
                ))
            })?,
        None => sheets
            .iter()
            .find(|s| s.visible == SheetVisible::Visible)
            .or(sheets.first())
            .map(|s| s.name.clone())
            .ok_or_else(|| fail("the workbook has no sheets".to_string()))?,
    };
    let cannot = |err: String| fail(format!("cannot read sheet `{chosen}`: {err}"));
    let cells = if let Sheets::Xlsx(xlsx) = &mut book {
        let mut reader = xlsx
            .worksheet_cells_reader(&chosen)
            .map_err(|e| cannot(e.to_string()))?;
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|e| cannot(e.to_string()))? {
            let data = Data::from(cell.get_value().clone());
            if data != Data::Empty {
                cells.push((cell.get_position(), data));
            }
        }
        cells
    } else {
        let range = book
            .worksheet_range(&chosen)
            .map_err(|e| cannot(e.to_string()))?;
        range
            .used_cells()
            .map(|(r, c, data)| {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                ((r0 + r as u32, c0 + c as u32), data.clone())
            })
            .collect()
    };
    Ok((cells, chosen))
}

/// One calamine cell as a grid cell. Floats convert with `Decimal::try_from`, which gives the
/// shortest decimal that round-trips (0.30000000000000004 stays what Excel shows, 0.3).
fn convert(data: &Data, is_percent: bool) -> Cell {
    let number = |n: Decimal| match n.checked_mul(Decimal::ONE_HUNDRED) {
        Some(percent) if is_percent => Cell::Percent(percent.normalize()),
        None if is_percent => Cell::Error(format!("{n}%")),
        _ => Cell::Number(n),
    };
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.trim().to_string()),
        Data::Int(i) => number(Decimal::from(*i)),
        Data::Float(f) => match Decimal::try_from(*f) {
            Ok(n) => number(n),
            Err(_) => Cell::Error(format!("a number too large to hold exactly ({f:e})")),
        },
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{d:02}"))
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Date(text.clone()),
        Data::Error(err) => Cell::Error(format!("{err}")),
    }
}
