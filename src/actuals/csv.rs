//! Long-format CSV of actual figures: `indicator,period,value[,unit][,note]`, with Chinese
//! headers accepted (指标, 时期 / 年份, 数值 / 实际值, 单位, 备注). Columns it does not know are
//! ignored. Cells are read as bytes and decoded here, so an invalid byte is reported with its
//! line and column.

use std::io::Read;

use unicode_normalization::UnicodeNormalization;

use super::{parse_year, Columns, Observation};
use crate::error::{Error, Location, Result};

/// Header names accepted for each field, compared after NFKC and lowercasing.
const INDICATOR: &[&str] = &["indicator", "id", "指标", "指标名称", "指标名"];
const PERIOD: &[&str] = &["period", "year", "时期", "年份", "年度", "期间"];
const VALUE: &[&str] = &["value", "actual", "数值", "实际值", "值", "完成值"];
const UNIT: &[&str] = &["unit", "单位"];
const NOTE: &[&str] = &["note", "notes", "备注", "说明"];

/// Reads every figure of a long-format CSV. Rows whose value cell is empty carry no figure and
/// are skipped; without a period column, every row is for `default_year`.
pub fn read_csv(reader: impl Read, file: &str, default_year: i32) -> Result<Vec<Observation>> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(reader);
    let header = csv
        .byte_headers()
        .map_err(|err| csv_error(&err, file))?
        .clone();
    if header
        .iter()
        .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
    {
        return Err(Error::actuals(
            Location::file(file),
            "empty file; expected a header row such as `indicator,period,value`",
        ));
    }
    let layout = Layout::from_header(&header, file)?;
    let mut observations = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => return Err(csv_error(&err, file)),
        }
        let line = record.position().map_or(0, |p| p.line());
        let cell = |column: Option<usize>| -> Result<String> {
            let Some(index) = column else {
                return Ok(String::new());
            };
            let bytes = record.get(index).unwrap_or_default();
            std::str::from_utf8(bytes)
                .map(|text| text.trim().to_string())
                .map_err(|_| {
                    Error::actuals(
                        Location::at(file, line, index as u64 + 1),
                        "invalid UTF-8; expected a UTF-8 encoded CSV file",
                    )
                })
        };
        let indicator = cell(Some(layout.indicator))?;
        let value = cell(Some(layout.value))?;
        let period = cell(layout.period)?;
        let unit = cell(layout.unit)?;
        if value.is_empty() {
            continue;
        }
        if indicator.is_empty() {
            return Err(Error::actuals(
                Location::at(file, line, layout.indicator as u64 + 1),
                format!("empty indicator for value `{value}`; expected a target's id or name"),
            ));
        }
        let period = match layout.period {
            None => default_year,
            Some(index) => parse_year(&period).ok_or_else(|| {
                Error::actuals(
                    Location::at(file, line, index as u64 + 1),
                    format!(
                        "period `{period}` is not a year; expected a year such as 2020 or 2020年"
                    ),
                )
            })?,
        };
        observations.push(Observation {
            indicator,
            period,
            value,
            unit: Some(unit).filter(|u| !u.is_empty()),
            row: Location::line(file, line),
            columns: Columns {
                indicator: layout.indicator as u64 + 1,
                value: layout.value as u64 + 1,
                unit: layout.unit.map(|u| u as u64 + 1),
            },
        });
    }
    Ok(observations)
}

/// Which column holds which field (0-based).
struct Layout {
    indicator: usize,
    period: Option<usize>,
    value: usize,
    unit: Option<usize>,
}

impl Layout {
    fn from_header(header: &csv::ByteRecord, file: &str) -> Result<Layout> {
        let line = header.position().map_or(1, |p| p.line());
        let names = header
            .iter()
            .enumerate()
            .map(|(index, cell)| match std::str::from_utf8(cell) {
                Ok(text) => Ok(text.nfkc().collect::<String>().trim().to_lowercase()),
                Err(_) => Err(Error::actuals(
                    Location::at(file, line, index as u64 + 1),
                    "invalid UTF-8 in the header; expected a UTF-8 encoded CSV file",
                )),
            })
            .collect::<Result<Vec<String>>>()?;
        let find = |accepted: &[&str]| -> Result<Option<usize>> {
            let mut found = names
                .iter()
                .enumerate()
                .filter(|(_, n)| accepted.contains(&n.as_str()));
            let first = found.next().map(|(i, _)| i);
            if let Some((second, name)) = found.next() {
                return Err(Error::actuals(
                    Location::at(file, line, second as u64 + 1),
                    format!("header `{name}` names the same field as column {}; expected each field once", first.unwrap_or(0) + 1),
                ));
            }
            Ok(first)
        };
        let shown = names.join(",");
        let required = |accepted: &[&str], field: &str| -> Result<usize> {
            find(accepted)?.ok_or_else(|| {
                Error::actuals(
                    Location::line(file, line),
                    format!(
                        "no {field} column in header `{shown}`; expected a column named {}",
                        accepted
                            .iter()
                            .map(|a| format!("`{a}`"))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                )
            })
        };
        let layout = Layout {
            indicator: required(INDICATOR, "indicator")?,
            value: required(VALUE, "value")?,
            period: find(PERIOD)?,
            unit: find(UNIT)?,
        };
        find(NOTE)?;
        Ok(layout)
    }
}

/// A csv crate error as `file:line: message`.
fn csv_error(err: &csv::Error, file: &str) -> Error {
    match err.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => Error::actuals(
            Location::line(file, pos.as_ref().map_or(0, |p| p.line())),
            format!(
                "row has {len} field{}, expected {expected_len} as in the header",
                if *len == 1 { "" } else { "s" }
            ),
        ),
        csv::ErrorKind::Io(io) => Error::read(Location::file(file), super::describe_io(io)),
        _ => Error::actuals(
            Location::line(file, err.position().map_or(0, |p| p.line())),
            err.to_string(),
        ),
    }
}
