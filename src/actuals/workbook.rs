//! Workbooks (.xlsx, .xls, .ods, .xlsb) through calamine: the first sheet, or the one named.
//! Numeric cells and numbers stored as text both read; dates stay dates; a percent-formatted
//! .xlsx cell reads as the percent it shows.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use rust_decimal::Decimal;

use super::grid::{Cell, Row};
use super::xlsx_percent::percent_cells;
use crate::error::{Error, Location, Result};

/// True when `bytes` start like a workbook: a zip archive (.xlsx, .ods, .xlsb) or an OLE
/// compound file (.xls).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The rows of one sheet of a workbook, and where they are (file and sheet).
pub fn workbook_rows(
    bytes: Vec<u8>,
    name: &str,
    sheet: Option<&str>,
) -> Result<(Vec<Row>, Location)> {
    let file = Location::file(name);
    let is_zip = bytes.starts_with(b"PK");
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.as_slice())).map_err(|err| {
        Error::actuals(
            file.clone(),
            format!("cannot read the workbook: {err}; expected an .xlsx, .xls or .ods file"),
        )
    })?;
    let names = book.sheet_names();
    let chosen = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                Error::actuals(
                    file.clone(),
                    format!(
                        "no sheet named `{wanted}`; the workbook has {}",
                        quoted(&names)
                    ),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::actuals(file.clone(), "the workbook has no sheets"))?,
    };
    let range = book.worksheet_range(&chosen).map_err(|err| {
        Error::actuals(file.clone(), format!("cannot read sheet `{chosen}`: {err}"))
    })?;
    let percent = if is_zip {
        percent_cells(&bytes, &chosen)
    } else {
        Default::default()
    };
    let origin = Location {
        sheet: Some(chosen),
        ..file
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(r, cells)| {
            let row = first_row + r as u32;
            let mut out: Vec<Cell> = vec![Cell::Empty; first_col as usize];
            out.extend(cells.iter().enumerate().map(|(c, data)| {
                let is_percent = percent.contains(&(row, first_col + c as u32));
                convert(data, is_percent)
            }));
            Row {
                line: u64::from(row) + 1,
                cells: out,
            }
        })
        .collect();
    Ok((rows, origin))
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
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
            Err(_) => Cell::Error(format!("{f}")),
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
