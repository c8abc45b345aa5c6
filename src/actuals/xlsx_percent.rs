//! Which cells of a sheet are percent-formatted. calamine gives such a cell's value as a
//! fraction (2.42% arrives as 0.0242) and does not say how it was formatted; this reads an
//! .xlsx's styles and the sheet's cell styles, or an .ods sheet's percentage cells, to tell, so
//! the cell reads as 2.42%. (.xls keeps its formats in binary records; its percent cells read
//! as fractions and draw the fraction warning.)

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Cells as 0-based (row, column).
pub type CellSet = HashSet<(u32, u32)>;

/// The percent-formatted cells of sheet `sheet` in the .xlsx `bytes`. Best effort: a workbook
/// whose parts cannot be read gives an empty set (calamine reports real damage).
pub fn percent_cells(bytes: &[u8], sheet: &str) -> CellSet {
    read(bytes, sheet).unwrap_or_default()
}

fn read(bytes: &[u8], sheet: &str) -> Option<CellSet> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    // Small parts (styles, the workbook, its relations) are read whole, up to a cap, so a
    // part that inflates without end (a zip bomb) is given up on, not held.
    let mut part = |name: &str| -> Option<Vec<u8>> {
        let file = zip.by_name(name).ok()?;
        let mut out = Vec::new();
        file.take(MAX_PART + 1).read_to_end(&mut out).ok()?;
        (out.len() as u64 <= MAX_PART).then_some(out)
    };
    let percent_styles = percent_styles(&part("xl/styles.xml")?);
    if percent_styles.is_empty() {
        return Some(CellSet::new());
    }
    let rel_id = sheet_relation(&part("xl/workbook.xml")?, sheet)?;
    let target = relation_target(&part("xl/_rels/workbook.xml.rels")?, &rel_id)?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    // The sheet is streamed: it may be large.
    let sheet = zip.by_name(&path).ok()?;
    Some(styled_cells(BufReader::new(sheet), &percent_styles))
}

/// The most read of a small part of a workbook.
const MAX_PART: u64 = 64 << 20;

/// Calls `f` with every start or empty element of an XML part, streamed.
fn each_element(xml: impl BufRead, mut f: impl FnMut(&BytesStart, bool)) {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => f(&e, true),
            Ok(Event::Empty(e)) => f(&e, false),
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => {
                f(&BytesStart::new("/cellXfs"), false)
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

/// The percentage cells of sheet `sheet` in the .ods `bytes` (office:value-type="percentage"),
/// counting repeated rows and columns.
pub fn ods_percent_cells(bytes: &[u8], sheet: &str) -> CellSet {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return CellSet::new();
    };
    // Streamed: the content may be large.
    let Ok(content) = zip.by_name("content.xml") else {
        return CellSet::new();
    };
    let mut cells = CellSet::new();
    let (mut in_sheet, mut row, mut col) = (false, 0u32, 0u32);
    let mut row_repeat = 1u32;
    let repeat = |e: &BytesStart, name: &[u8]| {
        attr(e, name)
            .and_then(|r| r.parse::<u32>().ok())
            .unwrap_or(1)
    };
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf);
        match &event {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"table" => in_sheet = attr(e, b"table:name").as_deref() == Some(sheet),
                b"table-row" if in_sheet => {
                    col = 0;
                    row_repeat = repeat(e, b"table:number-rows-repeated");
                    if matches!(event, Ok(Event::Empty(_))) {
                        row = row.saturating_add(row_repeat);
                    }
                }
                b"table-cell" | b"covered-table-cell" if in_sheet => {
                    let n = repeat(e, b"table:number-columns-repeated");
                    if attr(e, b"office:value-type").as_deref() == Some("percentage") {
                        for c in col..col.saturating_add(n.min(1 << 14)) {
                            cells.insert((row, c));
                        }
                    }
                    col = col.saturating_add(n);
                }
                _ => {}
            },
            Ok(Event::End(e)) if in_sheet && e.local_name().as_ref() == b"table-row" => {
                row = row.saturating_add(row_repeat);
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"table" => in_sheet = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    cells
}

/// Indexes into `cellXfs` whose number format shows a percent.
fn percent_styles(styles: &[u8]) -> HashSet<u32> {
    let mut custom: HashMap<String, bool> = HashMap::new();
    let mut in_cell_xfs = false;
    let mut index = 0u32;
    let mut percent = HashSet::new();
    each_element(styles, |e, _| match e.local_name().as_ref() {
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
    each_element(workbook, |e, _| {
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
    each_element(rels, |e, _| {
        if found.is_none()
            && e.local_name().as_ref() == b"Relationship"
            && attr(e, b"Id").as_deref() == Some(id)
        {
            found = attr(e, b"Target");
        }
    });
    found
}

fn styled_cells(sheet: impl BufRead, styles: &HashSet<u32>) -> CellSet {
    let mut cells = CellSet::new();
    each_element(sheet, |e, _| {
        if e.local_name().as_ref() != b"c" {
            return;
        }
        let style = attr(e, b"s").and_then(|s| s.parse::<u32>().ok());
        if let (Some(style), Some(reference)) = (style, attr(e, b"r")) {
            if styles.contains(&style) {
                if let Some(cell) = parse_reference(&reference) {
                    cells.insert(cell);
                }
            }
        }
    });
    cells
}

/// `B3` -> (2, 1), 0-based (row, column).
fn parse_reference(reference: &str) -> Option<(u32, u32)> {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let row: u32 = reference[letters.len()..].parse().ok()?;
    let column = letters.bytes().try_fold(0u32, |acc, b| {
        acc.checked_mul(26)?
            .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)
    })?;
    Some((row.checked_sub(1)?, column.checked_sub(1)?))
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
        assert_eq!(parse_reference("A1"), Some((0, 0)));
        assert_eq!(parse_reference("B3"), Some((2, 1)));
        assert_eq!(parse_reference("AA10"), Some((9, 26)));
        assert_eq!(parse_reference("A0"), None);
        assert_eq!(parse_reference("3"), None);
    }

    #[test]
    fn styles_in_cell_xfs_only() {
        let styles = br#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
            <cellStyleXfs><xf numFmtId="10"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>"#;
        assert_eq!(percent_styles(styles), HashSet::from([1, 2]));
    }
}
