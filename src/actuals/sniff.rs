//! The delimiter of delimited text: comma (CSV) or tab (what Excel's "Unicode Text" and copying
//! a range out of a sheet give). The head of the file (its first 64 KiB) is split both ways with
//! the CSV core, quotes and all, and the header is looked for as the table reader will look for
//! it: the first row with two or more filled cells. The delimiter under which that header names
//! an indicator column is the file's. When both or neither do, the first line that holds a tab
//! or a comma decides: tab if it holds a tab, else comma.
//!
//! So a tab-separated sheet whose title holds a comma (`2020年科技指标完成情况（单位, 口径见备注）`)
//! is read as tab-separated, and a CSV whose cells hold tabs stays a CSV.

use csv_core::{ReadRecordResult, ReaderBuilder, Terminator};

use super::lines::Lines;

/// At most this many records of the head are looked at.
const MAX_RECORDS: usize = 200;

/// The delimiter of text whose first bytes are `head` (`complete` when that is the whole file).
/// `names_indicator` tells whether a header cell names the indicator column.
pub fn sniff_delimiter(head: &[u8], complete: bool, names_indicator: &dyn Fn(&str) -> bool) -> u8 {
    let comma = header_names_indicator(head, complete, b',', names_indicator).map(|h| h.0);
    let tab = header_names_indicator(head, complete, b'\t', names_indicator).map(|h| h.0);
    match (comma, tab) {
        (Some(true), Some(true)) => first_line_rule(head),
        (Some(true), _) => b',',
        (_, Some(true)) => b'\t',
        _ => first_line_rule(head),
    }
}

/// Delimiters `plan` does not read, which other locales' spreadsheets write: a semicolon (where
/// the decimal mark is a comma, so `1,234` would be one and a quarter thousandths) and a bar.
pub const OTHER_DELIMITERS: [u8; 2] = [b';', b'|'];

/// The delimiter among [`OTHER_DELIMITERS`] under which the head's header names an indicator
/// column, when neither a comma nor a tab gives such a header, and the header's line: the file
/// is then refused with a word on what was seen, not read as one column.
pub fn other_delimiter(
    head: &[u8],
    complete: bool,
    names_indicator: &dyn Fn(&str) -> bool,
) -> Option<(u8, u64)> {
    let found = |d| match header_names_indicator(head, complete, d, names_indicator) {
        Some((true, line)) => Some(line),
        _ => None,
    };
    if found(b',').is_some() || found(b'\t').is_some() {
        return None;
    }
    OTHER_DELIMITERS
        .into_iter()
        .find_map(|d| found(d).map(|line| (d, line)))
}

/// Tab if the first line holding a tab or a comma holds a tab; else comma.
fn first_line_rule(head: &[u8]) -> u8 {
    head.split(|&b| b == b'\n' || b == b'\r')
        .find(|line| line.iter().any(|&b| b == b'\t' || b == b','))
        .map_or(b',', |line| match line.contains(&b'\t') {
            true => b'\t',
            false => b',',
        })
}

/// Split at `delimiter`: whether the first row with two or more filled cells names an indicator
/// column, and that row's line; `None` when the head has no such row.
fn header_names_indicator(
    head: &[u8],
    complete: bool,
    delimiter: u8,
    names_indicator: &dyn Fn(&str) -> bool,
) -> Option<(bool, u64)> {
    let mut lines = Lines::at(1);
    let mut first_line = None;
    let mut core = ReaderBuilder::new()
        .delimiter(delimiter)
        .terminator(Terminator::CRLF)
        .build();
    let mut input = head;
    let mut out = vec![0; head.len() + 1];
    let mut ends = vec![0; head.len() + 1];
    let (mut nout, mut nend, mut records) = (0, 0, 0);
    while records < MAX_RECORDS {
        if input.is_empty() && !complete {
            // A record cut off by the end of the head is not looked at.
            return None;
        }
        let (result, nin, o, e) = core.read_record(input, &mut out[nout..], &mut ends[nend..]);
        first_line = first_line.or(lines.count(&input[..nin]));
        input = &input[nin..];
        (nout, nend) = (nout + o, nend + e);
        match result {
            ReadRecordResult::Record => {
                records += 1;
                let text = String::from_utf8_lossy(&out[..nout]);
                let mut from = 0;
                let cells: Vec<&str> = ends[..nend]
                    .iter()
                    .map(|&to| {
                        let cell = text.get(from..to).unwrap_or("").trim();
                        from = to;
                        cell
                    })
                    .collect();
                if cells.iter().filter(|c| !c.is_empty()).count() >= 2 {
                    let line = first_line.unwrap_or(lines.line);
                    return Some((cells.iter().any(|c| names_indicator(c)), line));
                }
                (nout, nend, first_line) = (0, 0, None);
            }
            ReadRecordResult::InputEmpty if !complete => return None,
            ReadRecordResult::InputEmpty => {}
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff(head: &str) -> char {
        let names = |c: &str| matches!(c, "indicator" | "指标");
        char::from(sniff_delimiter(head.as_bytes(), true, &names))
    }

    #[test]
    fn the_header_decides() {
        assert_eq!(
            sniff("2020年完成情况（单位, 口径见备注）\n指标\t数值\n技术合同成交额\t1,200\n"),
            '\t'
        );
        assert_eq!(sniff("\"标题, 见备注\"\t\t\n指标\t数值\n"), '\t');
        assert_eq!(sniff("标题\t说明\n\nindicator,value\nx,1\n"), ',');
        assert_eq!(sniff("indicator,value\n\"a\tb\",1\n"), ',');
        assert_eq!(sniff("indicator,\tvalue\n"), ',');
    }

    #[test]
    fn a_semicolon_or_a_bar_is_seen() {
        let names = |c: &str| c == "指标";
        assert_eq!(
            other_delimiter("指标;数值\n".as_bytes(), true, &names),
            Some((b';', 1))
        );
        assert_eq!(
            other_delimiter("标题\r\n\r\n指标|数值\n".as_bytes(), true, &names),
            Some((b'|', 3))
        );
        assert_eq!(
            other_delimiter("指标,数值;备注\n".as_bytes(), true, &names),
            None
        );
        assert_eq!(
            other_delimiter("名称;数值\n".as_bytes(), true, &names),
            None
        );
    }

    #[test]
    fn without_a_header_the_first_line_with_either_decides() {
        assert_eq!(sniff("title\n单位\nname\tvalue\n1,2\t3"), '\t');
        assert_eq!(sniff("name,value\n"), ',');
        assert_eq!(sniff("title,,,\na\tb\n"), ',');
        assert_eq!(sniff("only"), ',');
        assert_eq!(sniff(""), ',');
    }

    #[test]
    fn a_record_cut_by_the_end_of_the_head_is_not_read() {
        let names = |c: &str| c == "indicator";
        assert_eq!(
            sniff_delimiter(b"title,x\nindicator\tvalue", false, &names),
            b','
        );
        assert_eq!(
            sniff_delimiter(b"title,x\nindicator\tvalue", true, &names),
            b'\t'
        );
    }
}
