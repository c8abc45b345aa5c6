//! Reading a table of rows as a statistical table: skip title rows, take a `单位：亿元` line as
//! the default unit, find the header, and read either layout:
//! - long: one row per figure (`指标 | 年份 | 数值 | 单位`);
//! - wide: indicators as rows, periods as columns (`指标 | 单位 | 2019年 | 2020年`).

use std::borrow::Cow;

use crate::names::nfkc;

use super::grid::{Cell, CellRef, RowRef, Rows};
use super::{Columns, Observation, UnitAt, UnitText};
use crate::error::{clipped, shorten, DataProblem, Error, Gathered, Location, Result};
use crate::number::is_no_figure;
use crate::period::{parse_period, Period};
use crate::units::normalize_unit;

/// Header names accepted for each field, compared after NFKC, lowercasing and without spaces.
const INDICATOR: &[&str] = &["indicator", "指标", "指标名称", "指标名", "项目"];
const ID: &[&str] = &["id", "指标代码", "代码"];
const PERIOD: &[&str] = &["period", "year", "时期", "年份", "年度", "期间", "时间"];
const VALUE: &[&str] = &[
    "value",
    "actual",
    "数值",
    "实际值",
    "值",
    "完成值",
    "实际完成",
    "本期",
    "本期数",
    "本期完成",
    "完成数",
    "本年累计",
    "累计完成",
];
const UNIT: &[&str] = &["unit", "单位", "计量单位"];
const CHANGE: &[&str] = &[
    "同比",
    "同比增长率",
    "较上年增长",
    "增长速度",
    "比上年增减",
    "同比增减",
    "change",
    "growth",
    "同比增长",
    "增速",
    "同比增速",
    "增长率",
    "比上年增长",
    "增幅",
];
/// The region a row is for (分解到市): blank, 全省 or 合计 for the whole plan.
const REGION: &[&str] = &[
    "region",
    "地区",
    "地市",
    "市(区)",
    "市（区）",
    "市区",
    "区域",
    "城市",
];
const NOTE: &[&str] = &["note", "notes", "备注", "说明", "来源", "source"];

/// The two table layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One row per figure.
    Long,
    /// One row per indicator, one column per period.
    Wide,
}

/// How to read a table.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    /// Force a layout; detected from the header when `None`.
    pub layout: Option<Layout>,
    /// The period of rows without a period column.
    pub default_year: i32,
    /// The header's row (1-based), when the user names it: the rows above are skipped.
    pub header_row: Option<u64>,
}

impl TableOptions {
    /// The table options of `options`.
    pub fn of(options: &super::ReadOptions) -> Self {
        TableOptions {
            layout: options.layout,
            default_year: options.default_year,
            header_row: options.header_row,
        }
    }
}

/// The header: which column holds what (0-based).
struct Header {
    width: usize,
    indicator: usize,
    id: Option<usize>,
    period: Option<usize>,
    value: Option<usize>,
    unit: Option<usize>,
    change: Option<usize>,
    /// The region column, if any.
    region: Option<usize>,
    /// Wide layout: columns named for a period, with a unit written in the header (`2020年(亿元)`).
    periods: Vec<(usize, Period, Option<String>)>,
    /// A unit written in the value column's header (`数值（亿元）`).
    value_unit: Option<String>,
    layout: Layout,
}

/// What comes before the figures: the header, and the unit a `单位：` line set.
pub struct TableHead {
    header: Header,
    default_unit: Option<(String, u64)>,
}

/// Reads the rows of one input and hands each figure to `sink`, in input order.
pub fn read_table(
    rows: &mut dyn Rows,
    origin: &Location,
    options: &TableOptions,
    sink: &mut dyn FnMut(&Observation) -> Result<()>,
) -> Result<()> {
    let head = read_head(rows, origin, options)?;
    read_body(rows, &head, origin, options, sink)
}

/// Reads title rows, a unit line and the header.
pub fn read_head(
    rows: &mut dyn Rows,
    origin: &Location,
    options: &TableOptions,
) -> Result<TableHead> {
    let mut default_unit: Option<(String, u64)> = None;
    let mut seen_text = false;
    loop {
        let Some(row) = rows.next_row() else {
            let message = if seen_text {
                crate::error::Message::NoHeaderRow
            } else {
                crate::error::Message::EmptyFile
            };
            return Err(Error::actuals(origin.clone(), message));
        };
        let row = row?;
        let named_row = options.header_row;
        if named_row.is_some_and(|n| row.line < n) {
            continue;
        }
        let (first, more) = {
            let mut filled = row.iter().filter(|c| !c.is_blank());
            (filled.next().map(|c| c.text()), filled.next().is_some())
        };
        match (first, more) {
            (None, _) if named_row.is_none() => continue,
            (Some(only), false) if named_row.is_none() => {
                // A title (2020年科技指标完成情况) or a unit line (单位：亿元) above the header.
                seen_text = true;
                match unit_line(&only) {
                    Some(Ok(unit)) => default_unit = Some((unit, row.line)),
                    Some(Err(line)) => {
                        return Err(Error::actuals(
                            origin.with_line(row.line),
                            DataProblem::UnitLine {
                                line: clipped(&line),
                            },
                        ))
                    }
                    None => {}
                }
            }
            _ => {
                let header = match Header::read(&row, origin, options.layout) {
                    Ok(header) => header,
                    Err(err) => {
                        let above: Vec<String> = row.iter().map(|c| c.text()).collect();
                        let line = row.line;
                        two_row_header(rows, (above, line), err, origin, options)?
                    }
                };
                return Ok(TableHead {
                    header,
                    default_unit,
                });
            }
        }
    }
}

/// The header of two rows, when `first` is not a header by itself: group cells merged over
/// sub-headers (`指标名称 | 单位 | 完成情况 |` over ` | | 本期 | 同比增长（%）`), `above` being the
/// first row's cells and line. The next row is one of
/// sub-headers when its cell under the indicator column is blank and another is filled. Each
/// column is named by its sub-header, or, where that is blank, by the cell above (a cell merged
/// down over both rows). Otherwise `err`, the error `first` gave.
fn two_row_header(
    rows: &mut dyn Rows,
    (above, line): (Vec<String>, u64),
    err: Error,
    origin: &Location,
    options: &TableOptions,
) -> Result<Header> {
    let Some(indicator) = above.iter().position(|c| names_indicator(c)) else {
        return Err(err);
    };
    let Some(next) = rows.next_row() else {
        return Err(err);
    };
    let next = next?;
    let below: Vec<String> = next.iter().map(|c| c.text()).collect();
    let blank = |cells: &[String], i: usize| cells.get(i).is_none_or(|c| c.trim().is_empty());
    let is_sub_row = blank(&below, indicator) && (0..below.len()).any(|i| !blank(&below, i));
    if !is_sub_row {
        return Err(err);
    }
    let names: Vec<Cell> = (0..above.len().max(below.len()))
        .map(|i| match blank(&below, i) {
            true => Cell::Text(above.get(i).cloned().unwrap_or_default()),
            false => Cell::Text(below[i].clone()),
        })
        .collect();
    // Its errors are the header's, at the first of the two lines.
    Header::read(&RowRef::cells(line, &names), origin, options.layout)
}

/// Reads the figures after the header, handing each to `sink`.
pub fn read_body(
    rows: &mut dyn Rows,
    head: &TableHead,
    origin: &Location,
    options: &TableOptions,
    sink: &mut dyn FnMut(&Observation) -> Result<()>,
) -> Result<()> {
    let header = &head.header;
    let refuses_extra_cells = rows.refuses_extra_cells();
    let mut periods = PeriodCache::default();
    // A row's error ends that row, not the file: every bad row is reported at once. An error
    // in reading the rows themselves (a quote never closed) ends the file.
    let mut errors = Gathered::default();
    while let Some(row) = rows.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(err) => {
                errors.push(err);
                break;
            }
        };
        // A short row has empty cells at its end (Excel drops them); a long one may only have
        // empty cells beyond the header's.
        if refuses_extra_cells && row.len() > header.width {
            if let Err(err) = extra_cells(&row, header.width, origin) {
                errors.push(err);
                continue;
            }
        }
        if let Err(err) = header.observations(
            &row,
            origin,
            options,
            head.default_unit.as_ref(),
            &mut periods,
            sink,
        ) {
            errors.push(err);
        }
    }
    errors.into_result()
}

/// An error for the first filled cell of `row` beyond the header's `width` columns.
fn extra_cells(row: &RowRef, width: usize, origin: &Location) -> Result<()> {
    let Some((i, cell)) = row
        .iter()
        .enumerate()
        .skip(width)
        .find(|(_, c)| !c.is_blank())
    else {
        return Ok(());
    };
    Err(Error::actuals(
        origin.with_line(row.line).with_column(i as u64 + 1),
        DataProblem::RowTooWide {
            fields: row.len(),
            width,
            field: i + 1,
            text: clipped(&cell.text()),
        },
    ))
}

/// True when a header cell names the indicator column (for choosing the delimiter).
pub fn names_indicator(cell: &str) -> bool {
    INDICATOR.contains(&header_name(&CellRef::Text(cell)).0.as_str())
}

/// The last period text read and what it means: record-level files repeat a few periods over
/// and over, and parsing each again would cost more than the rest of the row.
#[derive(Default)]
struct PeriodCache {
    text: String,
    period: Option<Period>,
}

impl PeriodCache {
    fn parse(&mut self, text: &str) -> Option<Period> {
        if self.period.is_none() || self.text != text {
            self.text.clear();
            self.text.push_str(text);
            self.period = parse_period(text);
        }
        self.period
    }
}

/// A line above the header that names the table's unit: `单位：亿元`, `（单位：万元）`,
/// `金额单位：万元`, `计量单位: 家` -> `Some(Ok(unit))`; a line that mentions 单位 but cannot be
/// read -> `Some(Err(line))`; any other line (a title) -> `None`.
fn unit_line(text: &str) -> Option<std::result::Result<String, String>> {
    let squeezed: String = nfkc(text).chars().filter(|c| !c.is_whitespace()).collect();
    let Some(at) = squeezed.find("单位:") else {
        // 单位 亿元, without its colon, is a unit line gone wrong; 各单位… is a title.
        let bare = squeezed.trim_start_matches(['(', '[']);
        return bare
            .starts_with("单位")
            .then(|| Err(text.trim().to_string()));
    };
    let rest = &squeezed[at + "单位:".len()..];
    let unit = rest
        .trim_end_matches([')', ']'])
        .split([',', ';', '。'])
        .next()
        .unwrap_or("");
    Some(if unit.is_empty() {
        Err(text.trim().to_string())
    } else {
        Ok(normalize_unit(unit))
    })
}

/// A header cell in normal form, and a unit written in brackets after the name: `数值（亿元）`.
fn header_name(cell: &CellRef) -> (String, Option<String>) {
    let text: String = nfkc(&cell.text())
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect::<String>()
        .to_lowercase();
    if let Some(open) = text.find('(') {
        if text.ends_with(')') {
            let unit = normalize_unit(&text[open..]);
            return (text[..open].to_string(), (!unit.is_empty()).then_some(unit));
        }
    }
    (text, None)
}

impl Header {
    fn read(row: &RowRef, origin: &Location, forced: Option<Layout>) -> Result<Header> {
        for column in 0..row.len() {
            saved(row, column, origin)?;
        }
        let names: Vec<(String, Option<String>)> = row.iter().map(|c| header_name(&c)).collect();
        let at = origin.with_line(row.line);
        let find = |accepted: &[&str]| -> Result<Option<usize>> {
            let mut found = names
                .iter()
                .enumerate()
                .filter(|(_, (n, _))| accepted.contains(&n.as_str()));
            let first = found.next().map(|(i, _)| i);
            if let Some((second, (name, _))) = found.next() {
                return Err(Error::actuals(
                    at.with_column(second as u64 + 1),
                    DataProblem::DuplicateHeader {
                        name: clipped(name),
                        first: first.unwrap_or(0) + 1,
                    },
                ));
            }
            Ok(first)
        };
        let shown = shorten(&row.iter().map(|c| c.text()).collect::<Vec<_>>().join(","));
        let indicator = find(INDICATOR)?.ok_or_else(|| {
            Error::actuals(
                at.clone(),
                crate::error::Message::NoIndicatorColumn {
                    header: shown.clone(),
                    accepted: INDICATOR,
                },
            )
        })?;
        let value = find(VALUE)?;
        let periods: Vec<(usize, Period, Option<String>)> = names
            .iter()
            .enumerate()
            .filter_map(|(i, (name, unit))| {
                parse_period(name).map(|period| (i, period, unit.clone()))
            })
            .collect();
        for (i, (col, period, _)) in periods.iter().enumerate() {
            if let Some((first, ..)) = periods[..i].iter().find(|(_, p, _)| p == period) {
                return Err(Error::actuals(
                    at.with_column(*col as u64 + 1),
                    DataProblem::DuplicatePeriodHeader {
                        name: clipped(&names[*col].0),
                        period: *period,
                        first: first + 1,
                    },
                ));
            }
        }
        if let (Some(v), Some((p, ..))) = (value, periods.first()) {
            // Either would be dropped without a word: the figures of the other layout.
            return Err(Error::actuals(
                at.with_column(*p as u64 + 1),
                DataProblem::ValueAndPeriodColumns {
                    header: shown,
                    value: clipped(&names[v].0),
                    value_column: v + 1,
                    period: clipped(&names[*p].0),
                    period_column: p + 1,
                },
            ));
        }
        let layout = match (forced, value, periods.is_empty()) {
            (Some(Layout::Long), Some(_), _) | (None, Some(_), _) => Layout::Long,
            (Some(Layout::Wide), _, false) | (None, None, false) => Layout::Wide,
            (Some(Layout::Wide), _, true) => {
                return Err(Error::actuals(
                    at,
                    DataProblem::NoPeriodColumns { header: shown },
                ))
            }
            _ => {
                return Err(Error::actuals(
                    at,
                    crate::error::Message::NoValueColumn {
                        header: shown,
                        accepted: VALUE,
                    },
                ))
            }
        };
        find(NOTE)?;
        Ok(Header {
            width: row.len(),
            indicator,
            id: find(ID)?,
            period: find(PERIOD)?,
            value_unit: value.and_then(|v| names[v].1.clone()),
            value,
            unit: find(UNIT)?,
            change: find(CHANGE)?,
            region: find(REGION)?,
            periods,
            layout,
        })
    }

    /// The figures of one data row: the value column in the row's period (long), or each
    /// period column with a figure (wide).
    fn observations(
        &self,
        row: &RowRef,
        origin: &Location,
        options: &TableOptions,
        default_unit: Option<&(String, u64)>,
        periods: &mut PeriodCache,
        sink: &mut dyn FnMut(&Observation) -> Result<()>,
    ) -> Result<()> {
        let cell = |i: usize| row.get(i).filter(|c| !is_blank_figure(c));
        let change = self.change.and_then(cell);
        let at = RowAt {
            row,
            origin,
            default_unit,
            change,
        };
        match self.layout {
            Layout::Long => {
                let Some(value) = self.value else {
                    return Ok(());
                };
                let figure = cell(value);
                if figure.is_none() && change.is_none() {
                    return Ok(());
                }
                let period = self.row_period(row, origin, options, periods)?;
                let named = self.named(row, origin)?;
                let figure = (value, period, self.value_unit.as_ref(), figure);
                self.emit(&at, &named, figure, true, sink)
            }
            Layout::Wide => {
                let mut figures = self
                    .periods
                    .iter()
                    .map(|(col, period, unit)| (*col, *period, unit.as_ref(), cell(*col)))
                    .filter(|&(col, _, _, figure)| {
                        figure.is_some() || (change.is_some() && self.is_last_period(col))
                    })
                    .peekable();
                if figures.peek().is_none() {
                    return Ok(());
                }
                let named = self.named(row, origin)?;
                // Each period's figure is its own: a bad one does not hide the next.
                let mut errors = Gathered::default();
                for figure in figures {
                    let is_last = self.is_last_period(figure.0);
                    if let Err(err) = self.emit(&at, &named, figure, is_last, sink) {
                        errors.push(err);
                    }
                }
                errors.into_result()
            }
        }
    }

    /// The period of a long row: its period cell, or the plan year without a period column.
    fn row_period(
        &self,
        row: &RowRef,
        origin: &Location,
        options: &TableOptions,
        periods: &mut PeriodCache,
    ) -> Result<Period> {
        let Some(p) = self.period else {
            return Ok(Period::year(options.default_year));
        };
        saved(row, p, origin)?;
        let parsed = match row.get(p) {
            Some(CellRef::Text(text)) => periods.parse(text),
            None => periods.parse(""),
            Some(other) => parse_period(&other.text()),
        };
        parsed.ok_or_else(|| {
            let text = row.get(p).map(|c| c.text()).unwrap_or_default();
            Error::actuals(
                origin.with_line(row.line).with_column(p as u64 + 1),
                crate::error::Message::NotAPeriod { text },
            )
        })
    }

    /// The row's indicator (its id where it has one, else its name) and unit cell, as written.
    fn named<'r>(&self, row: &RowRef<'r>, origin: &Location) -> Result<Named<'r>> {
        for column in [Some(self.indicator), self.id, self.unit]
            .into_iter()
            .flatten()
        {
            saved(row, column, origin)?;
        }
        let cell = |i: usize| row.get(i).filter(|c| !is_blank_figure(c));
        let id = self.id.and_then(cell).and_then(|c| c.as_text());
        let name = cell(self.indicator).and_then(|c| c.as_text());
        let (indicator, indicator_column) = match (id, name) {
            (Some(id), _) => (Cow::Borrowed(id), self.id.unwrap_or(self.indicator)),
            (None, Some(name)) => (Cow::Borrowed(name), self.indicator),
            (None, None) => match cell(self.indicator) {
                // A number or a date where a name belongs: its text.
                Some(other) => (Cow::Owned(other.text()), self.indicator),
                None => {
                    return Err(Error::actuals(
                        origin
                            .with_line(row.line)
                            .with_column(self.indicator as u64 + 1),
                        DataProblem::EmptyIndicator,
                    ))
                }
            },
        };
        let unit = self
            .unit
            .and_then(|u| cell(u).map(|c| (c, u)))
            .map(|(c, col)| {
                let text = match c {
                    CellRef::Text(t) => Cow::Borrowed(t),
                    other => Cow::Owned(other.text()),
                };
                (text, UnitAt::Column(col as u64 + 1))
            });
        let region = self.region.and_then(cell).map(|c| match c {
            CellRef::Text(t) => Cow::Borrowed(t),
            other => Cow::Owned(other.text()),
        });
        Ok(Named {
            indicator,
            indicator_column,
            unit,
            region,
        })
    }

    /// Hands one figure of a row to `sink`: (column, period, unit in its header, the cell).
    fn emit(
        &self,
        at: &RowAt,
        named: &Named,
        (column, period, header_unit, figure): (usize, Period, Option<&String>, Option<CellRef>),
        is_last: bool,
        sink: &mut dyn FnMut(&Observation) -> Result<()>,
    ) -> Result<()> {
        let stated = named
            .unit
            .as_ref()
            .map(|(text, at)| (text.as_ref(), *at))
            .or_else(|| header_unit.map(|u| (u.as_str(), UnitAt::Column(column as u64 + 1))));
        let unit = match (stated, at.default_unit) {
            (Some((text, at)), _) => Some(UnitText {
                text,
                at,
                is_default: false,
            }),
            (None, Some((text, line))) => Some(UnitText {
                text,
                at: UnitAt::Line(*line),
                is_default: true,
            }),
            (None, None) => None,
        };
        let blank_unit = match unit {
            None => self.unit.map(|u| u as u64 + 1),
            Some(_) => None,
        };
        sink(&Observation {
            indicator: &named.indicator,
            period,
            value: figure,
            change: if is_last { at.change } else { None },
            unit,
            blank_unit,
            origin: at.origin,
            line: at.row.line,
            region: named.region.as_deref(),
            columns: Columns {
                indicator: named.indicator_column as u64 + 1,
                value: column as u64 + 1,
                change: self.change.map(|c| c as u64 + 1),
                region: self.region.map(|c| c as u64 + 1),
            },
        })
    }

    fn is_last_period(&self, column: usize) -> bool {
        self.periods
            .iter()
            .map(|(c, period, _)| ((period.year, period.last, period.first), *c))
            .max()
            .map(|(_, c)| c)
            == Some(column)
    }
}

/// An error for a workbook formula without a saved value in column `column` of `row`, where a
/// name, a period or a unit belongs (a figure's own cell is the resolver's: a warning).
#[inline(always)]
fn saved(row: &RowRef, column: usize, origin: &Location) -> Result<()> {
    match row.is_unsaved(column) {
        true => Err(unsaved(row, column, origin)),
        false => Ok(()),
    }
}

#[cold]
fn unsaved(row: &RowRef, column: usize, origin: &Location) -> Error {
    Error::actuals(
        origin.with_line(row.line).with_column(column as u64 + 1),
        DataProblem::Unsaved,
    )
}

/// What every figure of a row shares.
struct RowAt<'a, 'r> {
    row: &'a RowRef<'r>,
    origin: &'a Location,
    default_unit: Option<&'a (String, u64)>,
    change: Option<CellRef<'r>>,
}

/// A row's indicator and unit, as written.
struct Named<'r> {
    indicator: Cow<'r, str>,
    indicator_column: usize,
    unit: Option<(Cow<'r, str>, UnitAt)>,
    /// The region cell, when the table has a region column and it is filled.
    region: Option<Cow<'r, str>>,
}

/// A cell that holds no figure: empty, or text such as `—`, `-`, `/`, `无`.
fn is_blank_figure(cell: &CellRef) -> bool {
    match cell {
        CellRef::Empty => true,
        CellRef::Text(text) => is_no_figure(text),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_lines() {
        assert_eq!(unit_line("单位：亿元"), Some(Ok("亿元".into())));
        assert_eq!(unit_line("（单位：万元）"), Some(Ok("万元".into())));
        assert_eq!(unit_line("计量单位: 家"), Some(Ok("家".into())));
        assert_eq!(unit_line("金额单位：万元"), Some(Ok("万元".into())));
        assert_eq!(
            unit_line("数据单位：亿元，数据来源：省统计局"),
            Some(Ok("亿元".into()))
        );
        assert_eq!(unit_line("2020年科技指标完成情况"), None);
        assert_eq!(unit_line("单位"), Some(Err("单位".into())));
        assert_eq!(unit_line("单位 亿元"), Some(Err("单位 亿元".into())));
        assert_eq!(
            unit_line("各单位科技投入情况"),
            None,
            "a title that mentions 单位"
        );
    }

    #[test]
    fn header_units_in_brackets() {
        assert_eq!(
            header_name(&CellRef::Text("数值（亿元）")),
            ("数值".into(), Some("亿元".into()))
        );
        assert_eq!(
            header_name(&CellRef::Text(" 2020年 ")),
            ("2020年".into(), None)
        );
        assert_eq!(
            header_name(&CellRef::Text("同比增长(%)")),
            ("同比增长".into(), Some("%".into()))
        );
    }
}
