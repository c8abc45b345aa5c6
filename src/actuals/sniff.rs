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

/// What the head of a file says of its delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Comma or tab: read with it.
    Delimiter(u8),
    /// Only a delimiter `plan` does not read ([`OTHER_DELIMITERS`]) gives a header naming an
    /// indicator column, on this line: the file is refused with a word on what was seen, not
    /// read as one column.
    Other(u8, u64),
}

/// Delimiters `plan` does not read, which other locales' spreadsheets write: a semicolon (where
/// the decimal mark is a comma, so `2,42` means 2.42) and a bar.
pub const OTHER_DELIMITERS: [u8; 2] = [b';', b'|'];

/// The delimiter of text whose first bytes are `head` (`complete` when that is the whole file).
/// `names_indicator` tells whether a header cell names the indicator column. Each candidate
/// splits the head once.
pub fn sniff_delimiter(
    head: &[u8],
    complete: bool,
    names_indicator: &dyn Fn(&str) -> bool,
) -> Sniffed {
    let header = |d| header_names_indicator(head, complete, d, names_indicator);
    let (comma, tab) = (header(b','), header(b'\t'));
    let names = |h: Option<(bool, u64)>| h.is_some_and(|(named, _)| named);
    match (names(comma), names(tab)) {
        (true, false) => Sniffed::Delimiter(b','),
        (false, true) => Sniffed::Delimiter(b'\t'),
        (true, true) => Sniffed::Delimiter(first_line_rule(head)),
        (false, false) => OTHER_DELIMITERS
            .into_iter()
            .find_map(|d| match header(d) {
                Some((true, line)) => Some(Sniffed::Other(d, line)),
                _ => None,
            })
            .unwrap_or(Sniffed::Delimiter(first_line_rule(head))),
    }
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
        match sniff_delimiter(head.as_bytes(), true, &names) {
            Sniffed::Delimiter(d) => char::from(d),
            other => panic!("{other:?}"),
        }
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
        let sniffed = |head: &str| sniff_delimiter(head.as_bytes(), true, &names);
        assert_eq!(sniffed("指标;数值\n"), Sniffed::Other(b';', 1));
        assert_eq!(sniffed("标题\r\n\r\n指标|数值\n"), Sniffed::Other(b'|', 3));
        assert_eq!(sniffed("指标,数值;备注\n"), Sniffed::Delimiter(b','));
        assert_eq!(sniffed("名称;数值\n"), Sniffed::Delimiter(b','));
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
            Sniffed::Delimiter(b',')
        );
        assert_eq!(
            sniff_delimiter(b"title,x\nindicator\tvalue", true, &names),
            Sniffed::Delimiter(b'\t')
        );
    }
}
