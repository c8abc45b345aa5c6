//! What a workbook's XML says that calamine does not: which cells are percent-formatted
//! (calamine gives 2.42% as the fraction 0.0242), which cells hold a formula without a saved
//! value (calamine gives them as empty), and how many cells an .ods sheet's repeated rows and
//! columns expand to before calamine builds them. (.xls keeps its formats in binary records;
//! its percent cells read as fractions and draw the fraction warning.)
//!
//! Everything here runs where the workbook is read: in the memory-capped child process. Every
//! scan is bounded by what the sheet really holds: a percent format on a million empty rows
//! costs nothing, and a scan stops at the sheet's last figure.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// A cell as its 0-based (row, column).
pub type Position = (u32, u32);

/// What an .xlsx sheet's XML says about its cells.
#[derive(Debug, Default)]
pub struct XlsxMarks {
    /// Percent-formatted cells that hold a value (`<v>`), in sheet order.
    pub percent: Vec<Position>,
    /// Cells with a formula but no saved value, and the formula as written.
    pub unsaved: Vec<(Position, String)>,
}

/// Reads sheet `sheet` of the .xlsx `bytes`: its percent-formatted cells and its formulas
/// without a saved value. An error names what could not be read; calamine has read the same
/// parts, so it means damage.
pub fn xlsx_marks(bytes: &[u8], sheet: &str) -> Result<XlsxMarks, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let names = part_names(&zip);
    let find = |name: &str| {
        names
            .get(&name.to_ascii_lowercase())
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    // Small parts (styles, the workbook, its relations) are read whole, up to a cap, so a
    // part that inflates without end (a zip bomb) is given up on, not held.
    let mut part = |name: &str| -> Result<Option<Vec<u8>>, String> {
        let file = match zip.by_name(&find(name)) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(err) => return Err(format!("{name}: {err}")),
        };
        let mut out = Vec::new();
        file.take(MAX_PART + 1)
            .read_to_end(&mut out)
            .map_err(|err| format!("{name}: {err}"))?;
        if out.len() as u64 > MAX_PART {
            return Err(format!("{name} is larger than {} MiB", MAX_PART >> 20));
        }
        Ok(Some(out))
    };
    // Without styles, no cell is percent-formatted.
    let percent_styles = part("xl/styles.xml")?
        .map(|styles| percent_styles(&styles))
        .unwrap_or_default();
    let workbook = part("xl/workbook.xml")?.ok_or("xl/workbook.xml is missing")?;
    let rel_id = sheet_relation(&workbook, sheet)
        .ok_or_else(|| format!("xl/workbook.xml does not list sheet `{sheet}`"))?;
    let rels =
        part("xl/_rels/workbook.xml.rels")?.ok_or("xl/_rels/workbook.xml.rels is missing")?;
    let target = relation_target(&rels, &rel_id)
        .ok_or_else(|| format!("no relationship `{rel_id}` for sheet `{sheet}`"))?;
    // As calamine resolves it.
    let path = if let Some(absolute) = target.strip_prefix("/xl/") {
        format!("xl/{absolute}")
    } else if target.starts_with("xl/") {
        target
    } else {
        format!("xl/{target}")
    };
    // The sheet is streamed: it may be large.
    let sheet_part = zip
        .by_name(&find(&path))
        .map_err(|err| format!("{path}: {err}"))?;
    sheet_cells(BufReader::new(sheet_part), &percent_styles).map_err(|err| format!("{path}: {err}"))
}

/// The parts of a zip by their names in lower case with `/` separators, as calamine finds them.
fn part_names<R: Read + std::io::Seek>(zip: &zip::ZipArchive<R>) -> HashMap<String, String> {
    zip.file_names()
        .map(|name| {
            (
                name.replace('\\', "/").to_ascii_lowercase(),
                name.to_string(),
            )
        })
        .collect()
}

/// The most read of a small part of a workbook.
const MAX_PART: u64 = 64 << 20;

/// A reader as lenient as calamine's: end tags are not matched against start tags.
fn xml_reader<R: BufRead>(xml: R) -> Reader<R> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    reader
}

/// Calls `f` with every start or empty element of a small XML part, and with `/cellXfs` at
/// the end of that element.
fn each_element(xml: &[u8], mut f: impl FnMut(&BytesStart)) {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => f(&e),
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => {
                f(&BytesStart::new("/cellXfs"))
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
}

/// An attribute's value, with XML escapes (`&amp;`) resolved.
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw).map_or_else(|_| raw.clone(), |v| v.into_owned())
        })
}

/// An attribute's raw bytes, by its exact name (as calamine matches `r`, `s` and `t`).
fn raw_attr<'e>(e: &'e BytesStart, name: &[u8]) -> Option<std::borrow::Cow<'e, [u8]>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value)
}

/// Indexes into `cellXfs` whose number format shows a percent.
fn percent_styles(styles: &[u8]) -> HashSet<u32> {
    let mut custom: HashMap<String, bool> = HashMap::new();
    let mut in_cell_xfs = false;
    let mut index = 0u32;
    let mut percent = HashSet::new();
    each_element(styles, |e| match e.local_name().as_ref() {
        b"numFmt" => {
            if let (Some(id), Some(code)) = (attr(e, b"numFmtId"), attr(e, b"formatCode")) {
                custom.insert(id, shows_percent(&code));
            }
        }
        b"cellXfs" => in_cell_xfs = true,
        b"/cellXfs" => in_cell_xfs = false,
        b"xf" if in_cell_xfs => {
            let id = attr(e, b"numFmtId").unwrap_or_default();
            let is_percent =
                matches!(id.as_str(), "9" | "10") || custom.get(&id).copied().unwrap_or(false);
            if is_percent {
                percent.insert(index);
            }
            index += 1;
        }
        _ => {}
    });
    percent
}

/// True when a number format code shows a percent sign (outside quotes and escapes).
fn shows_percent(code: &str) -> bool {
    let section = code.split(';').next().unwrap_or("");
    let mut quoted = false;
    let mut escaped = false;
    for c in section.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

fn sheet_relation(workbook: &[u8], sheet: &str) -> Option<String> {
    let mut found = None;
    each_element(workbook, |e| {
        if found.is_none()
            && e.local_name().as_ref() == b"sheet"
            && attr(e, b"name").as_deref() == Some(sheet)
        {
            found = attr(e, b"r:id").or_else(|| attr(e, b"id"));
        }
    });
    found
}

fn relation_target(rels: &[u8], id: &str) -> Option<String> {
    let mut found = None;
    each_element(rels, |e| {
        if found.is_none()
            && e.local_name().as_ref() == b"Relationship"
            && attr(e, b"Id").as_deref() == Some(id)
        {
            found = attr(e, b"Target");
        }
    });
    found
}

/// What one `<c>` element holds.
#[derive(Default)]
struct CellXml {
    at: Position,
    percent: bool,
    /// `t="str"`: a formula's text result, where `<v></v>` is a saved empty text.
    text_result: bool,
    formula: Option<String>,
    /// A `<v>` element was present; and it held text.
    v: bool,
    v_text: bool,
    /// An inline string (`<is>`).
    inline: bool,
}

impl CellXml {
    fn unsaved(&self) -> bool {
        // A text result may be saved empty (`<v></v>`); other values need text.
        let saved = self.inline || self.v_text || (self.v && self.text_result);
        self.formula.is_some() && !saved
    }
}

/// Streams a sheet part: its percent-formatted cells holding a value and its formulas without
/// a saved value. Cell positions follow calamine's: a `<c>` without `r` is the one after the
/// last, and a `<row>` without `r` the one after the last.
fn sheet_cells(xml: impl BufRead, percent_styles: &HashSet<u32>) -> Result<XlsxMarks, String> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    let mut marks = XlsxMarks::default();
    let (mut row, mut col) = (0u32, 0u32);
    // The cell being read, and what element inside it is open.
    let mut cell: Option<CellXml> = None;
    let mut inside: Option<&'static str> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match (e.local_name().as_ref(), cell.as_mut()) {
                    (b"row", None) => {
                        if let Some(r) = raw_attr(e, b"r") {
                            row = parse_row(&r).ok_or("a row number that is not one")?;
                        }
                        if empty {
                            row = row.wrapping_add(1);
                            col = 0;
                        }
                    }
                    (b"c", None) => {
                        let at = match raw_attr(e, b"r") {
                            Some(r) => {
                                parse_reference(&r).ok_or("a cell reference that is not one")?
                            }
                            None => (row, col),
                        };
                        col = at.1.wrapping_add(1);
                        let style = raw_attr(e, b"s")
                            .and_then(|s| std::str::from_utf8(&s).ok()?.parse::<u32>().ok());
                        let current = CellXml {
                            at,
                            percent: style.is_some_and(|s| percent_styles.contains(&s)),
                            text_result: raw_attr(e, b"t").is_some_and(|t| &*t == b"str"),
                            ..CellXml::default()
                        };
                        if !empty {
                            cell = Some(current);
                        }
                    }
                    (b"f", Some(current)) => {
                        current.formula = Some(String::new());
                        inside = (!empty).then_some("f");
                    }
                    (b"v", Some(current)) => {
                        current.v = true;
                        inside = (!empty).then_some("v");
                    }
                    (b"is", Some(current)) => current.inline = true,
                    _ => {}
                }
            }
            Event::Text(ref t) => {
                if let Some(current) = cell.as_mut() {
                    match inside {
                        Some("v") => current.v_text |= !t.is_empty(),
                        Some("f") => {
                            if let Some(formula) = current.formula.as_mut() {
                                let text = t.xml10_content().map_err(|err| err.to_string())?;
                                if formula.len() < MAX_FORMULA {
                                    formula.push_str(&text);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            Event::GeneralRef(ref r) => {
                if let (Some(current), Some("f")) = (cell.as_mut(), inside) {
                    if let Some(formula) = current.formula.as_mut() {
                        let name = r.decode().map_err(|err| err.to_string())?;
                        let entity = format!("&{name};");
                        let text = quick_xml::escape::unescape(&entity)
                            .map_or(entity.clone(), |v| v.into_owned());
                        if formula.len() < MAX_FORMULA {
                            formula.push_str(&text);
                        }
                    }
                }
                if let (Some(current), Some("v")) = (cell.as_mut(), inside) {
                    current.v_text = true;
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                b"f" | b"v" => inside = None,
                b"c" => {
                    if let Some(done) = cell.take() {
                        if done.percent && done.v_text {
                            marks.percent.push(done.at);
                        }
                        if done.unsaved() {
                            let formula = done.formula.unwrap_or_default();
                            marks.unsaved.push((done.at, formula));
                        }
                    }
                    inside = None;
                }
                b"row" => {
                    row = row.wrapping_add(1);
                    col = 0;
                }
                b"sheetData" => break,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(marks)
}

/// The most of a formula's text kept for messages.
const MAX_FORMULA: usize = 1 << 10;

/// A row number (`3`), 0-based, as calamine reads it.
fn parse_row(text: &[u8]) -> Option<u32> {
    let row = text.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit()
            .then(|| acc.wrapping_mul(10).wrapping_add(u32::from(b - b'0')))
    })?;
    row.checked_sub(1)
}

/// `B3` -> (2, 1), 0-based (row, column), as calamine reads it.
fn parse_reference(reference: &[u8]) -> Option<Position> {
    let letters = reference
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let column = reference[..letters].iter().fold(0u32, |acc, b| {
        acc.wrapping_mul(26)
            .wrapping_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)
    });
    let row = parse_row(&reference[letters..])?;
    Some((row, column.checked_sub(1)?))
}

/// The rows the .ods format allows, as calamine caps them.
const ODS_MAX_ROWS: u64 = 1_048_576;

/// The columns the .ods format allows, as calamine caps them.
const ODS_MAX_COLUMNS: u64 = 16_384;

/// The most cells an .ods workbook may expand to, its repeated rows and columns counted: what
/// calamine builds from it stays well inside the child's memory (about 90 bytes a cell at
/// most, while it builds a sheet's rectangle), and a million records of ten columns fit.
pub const ODS_MAX_CELLS: u64 = 10_000_000;

/// An attribute counted as a repeat: 1 when absent, 0 or not a number.
fn repeat(e: &BytesStart, name: &[u8]) -> u64 {
    attr(e, name)
        .and_then(|r| r.parse::<u64>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}

/// One sheet's extent in cells, as calamine builds it: the cells it pushes row by row (a
/// repeated cell that holds something is pushed once per repeat, up to the last such cell of
/// the row), then the rectangle from the first row holding something to the last, repeats
/// counted, once for values and once for formulas.
#[derive(Default)]
struct Extent {
    pushed: u64,
    values: Span,
    formulas: Span,
}

/// The rows and columns that hold something.
#[derive(Default)]
struct Span {
    first_row: Option<u64>,
    end_row: u64,
    first_col: u64,
    end_col: u64,
}

impl Span {
    fn add(&mut self, row: u64, rows: u64, first_col: u64, end_col: u64) {
        match self.first_row {
            None => {
                self.first_row = Some(row);
                self.first_col = first_col;
            }
            Some(_) => self.first_col = self.first_col.min(first_col),
        }
        self.end_row = row + rows;
        self.end_col = self.end_col.max(end_col);
    }

    fn cells(&self) -> u64 {
        self.first_row.map_or(0, |first| {
            (self.end_row - first).saturating_mul(self.end_col - self.first_col)
        })
    }
}

/// Checks that no sheet of the .ods `bytes` expands, its repeated rows and columns counted,
/// to more cells than [`ODS_MAX_CELLS`] (all sheets together): calamine builds every sheet
/// whole when it opens the file. An error says which sheet and how many cells.
pub fn ods_size_check(bytes: &[u8]) -> Result<(), crate::error::DataProblem> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not an .ods: calamine says what it is
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = xml_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut total = 0u64;
    let mut sheet: Option<(String, Extent)> = None;
    // The current row: its first row, its repeats, and the columns holding something.
    let mut row = 0u64;
    let mut rows = 1u64;
    let mut col = 0u64;
    let mut values: Option<(u64, u64)> = None;
    let mut formulas: Option<(u64, u64)> = None;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(_) => return Ok(()), // calamine reports the damage
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => match e.local_name().as_ref() {
                b"table" if sheet.is_none() => {
                    let name = attr(e, b"table:name").unwrap_or_default();
                    sheet = Some((name, Extent::default()));
                    row = 0;
                }
                b"table-row" if sheet.is_some() => {
                    rows = repeat(e, b"table:number-rows-repeated")
                        .min(ODS_MAX_ROWS - row.min(ODS_MAX_ROWS));
                    col = 0;
                    values = None;
                    formulas = None;
                    if empty {
                        row += rows;
                    }
                }
                b"table-cell" | b"covered-table-cell" if sheet.is_some() => {
                    let n = repeat(e, b"table:number-columns-repeated")
                        .min(ODS_MAX_COLUMNS - col.min(ODS_MAX_COLUMNS));
                    let has_formula = attr(e, b"table:formula").is_some_and(|f| !f.is_empty());
                    let has_value = [
                        &b"office:value"[..],
                        b"office:string-value",
                        b"office:date-value",
                        b"office:time-value",
                        b"office:boolean-value",
                    ]
                    .iter()
                    .any(|name| attr(e, name).is_some())
                        || attr(e, b"office:value-type").as_deref() == Some("string");
                    if has_value || has_formula {
                        let span = values.get_or_insert((col, col));
                        span.1 = col + n;
                    }
                    if has_formula {
                        let span = formulas.get_or_insert((col, col));
                        span.1 = col + n;
                    }
                    col += n;
                }
                _ => {}
            },
            Event::End(ref e) => match e.local_name().as_ref() {
                b"table-row" => {
                    if let Some((_, extent)) = sheet.as_mut() {
                        if let Some((first, end)) = values {
                            extent.pushed = extent.pushed.saturating_add(end);
                            extent.values.add(row, rows, first, end);
                        }
                        if let Some((first, end)) = formulas {
                            extent.formulas.add(row, rows, first, end);
                        }
                        row += rows;
                    }
                }
                b"table" => {
                    if let Some((name, extent)) = sheet.take() {
                        let cells = extent
                            .pushed
                            .max(extent.values.cells())
                            .saturating_add(extent.formulas.cells());
                        total = total.saturating_add(cells);
                        if cells > ODS_MAX_CELLS {
                            return Err(crate::error::DataProblem::OdsTooLarge {
                                sheet: Some(name),
                                cells,
                                max: ODS_MAX_CELLS,
                            });
                        }
                        if total > ODS_MAX_CELLS {
                            return Err(crate::error::DataProblem::OdsTooLarge {
                                sheet: None,
                                cells: total,
                                max: ODS_MAX_CELLS,
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Which of `numbers` (positions of numeric cells of sheet `sheet`, sorted) sit in .ods
/// percentage cells (office:value-type="percentage"). Repeated rows and columns are counted
/// but never expanded: a row's percentage cells are kept as column ranges and only the numbers
/// in its rows are looked up, and the scan ends past the last number.
pub fn ods_percent_cells(bytes: &[u8], sheet: &str, numbers: &[Position]) -> Vec<Position> {
    let mut found = Vec::new();
    let Some(&(last_row, _)) = numbers.last() else {
        return found;
    };
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return found;
    };
    // Streamed: the content may be large.
    let Ok(content) = zip.by_name("content.xml") else {
        return found;
    };
    let (mut in_sheet, mut row, mut col) = (false, 0u64, 0u64);
    let mut rows = 1u64;
    // The current row's percentage cells, as column ranges [from, to), in order.
    let mut percent: Vec<(u64, u64)> = Vec::new();
    let mut reader = xml_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut end_row = |row: u64, rows: u64, percent: &mut Vec<(u64, u64)>| {
        if !percent.is_empty() {
            let from = numbers.partition_point(|&(r, _)| u64::from(r) < row);
            for &(r, c) in numbers[from..]
                .iter()
                .take_while(|&&(r, _)| u64::from(r) < row + rows)
            {
                let c = u64::from(c);
                let i = percent.partition_point(|&(start, _)| start <= c);
                if i > 0 && c < percent[i - 1].1 {
                    found.push((r, c as u32));
                }
            }
        }
        percent.clear();
    };
    while let Ok(event) = reader.read_event_into(&mut buf) {
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => match e.local_name().as_ref() {
                b"table" => {
                    in_sheet = attr(e, b"table:name").as_deref() == Some(sheet);
                    row = 0;
                }
                b"table-row" if in_sheet => {
                    col = 0;
                    rows = repeat(e, b"table:number-rows-repeated");
                    percent.clear();
                    if empty {
                        row += rows;
                    }
                }
                b"table-cell" | b"covered-table-cell" if in_sheet => {
                    let n = repeat(e, b"table:number-columns-repeated");
                    if attr(e, b"office:value-type").as_deref() == Some("percentage") {
                        percent.push((col, col.saturating_add(n)));
                    }
                    col = col.saturating_add(n);
                }
                _ => {}
            },
            Event::End(ref e) if in_sheet => match e.local_name().as_ref() {
                b"table-row" => {
                    end_row(row, rows, &mut percent);
                    row = row.saturating_add(rows);
                    if row > u64::from(last_row) {
                        break;
                    }
                }
                b"table" => break,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_format_codes() {
        assert!(shows_percent("0.00%"));
        assert!(shows_percent("0%;[Red]-0%"));
        assert!(!shows_percent("0.00\"%\""));
        assert!(!shows_percent("0.00\\%"));
        assert!(!shows_percent("#,##0.00"));
    }

    #[test]
    fn cell_references() {
        assert_eq!(parse_reference(b"A1"), Some((0, 0)));
        assert_eq!(parse_reference(b"B3"), Some((2, 1)));
        assert_eq!(parse_reference(b"AA10"), Some((9, 26)));
        assert_eq!(parse_reference(b"A0"), None);
        assert_eq!(parse_reference(b"3"), None);
    }

    #[test]
    fn styles_in_cell_xfs_only() {
        let styles = br#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
            <cellStyleXfs><xf numFmtId="10"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>"#;
        assert_eq!(percent_styles(styles), HashSet::from([1, 2]));
    }

    #[test]
    fn formulas_without_a_saved_value() {
        let sheet = br#"<worksheet><sheetData><row r="1">
            <c r="A1"><f>SUM(B1:B2)</f></c>
            <c r="B1"><f>1+1</f><v></v></c>
            <c r="C1"><f>1+1</f><v>2</v></c>
            <c r="D1" t="str"><f>""</f><v></v></c>
            <c r="E1" s="1"><v>0.5</v></c>
            <c s="1"/>
            <c t="str"><f>A1&amp;"x"</f></c>
            </row><row><c><f t="shared" si="0"/></c></row></sheetData></worksheet>"#;
        let marks = sheet_cells(&sheet[..], &HashSet::from([1])).unwrap();
        assert_eq!(marks.percent, vec![(0, 4)]);
        assert_eq!(
            marks.unsaved,
            vec![
                ((0, 0), "SUM(B1:B2)".to_string()),
                ((0, 1), "1+1".to_string()),
                ((0, 6), "A1&\"x\"".to_string()),
                ((1, 0), String::new()),
            ]
        );
    }
}
