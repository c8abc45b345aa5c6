//! Delimited text: comma-separated CSV or tab-separated text (what copying a range out of Excel
//! gives), as UTF-8 bytes from [`super::decode`]. The delimiter is the first of tab or comma
//! found on the first line that has either.
//!
//! A hand-written reader, because it is the hot loop of a million-row check: one pass over a
//! line, eight bytes at a time, finds its end and its delimiters, and a line without a quote is
//! lent as field bounds in the buffer, with no copy; a record with quotes (`"a,b"`, `""`
//! for a quote, line breaks inside quotes) goes through a small state machine. Line numbers
//! count every line (CRLF, blank lines, line breaks inside quotes). Blank lines are skipped. A
//! record longer than [`MAX_RECORD`] is an error, so memory stays bounded whatever the input.

use std::io::Read;

use super::grid::{RowRef, Rows};
use crate::error::{Error, Location, Result};

/// The longest record read: longer is an error, not an allocation.
pub const MAX_RECORD: usize = 1 << 20;

/// How much is read at a time: small enough that the read buffer and the text it is copied
/// into stay in a core's L2 cache while they are scanned.
const CHUNK: usize = 1 << 16;

/// Rows of a delimited input, streamed.
pub struct DelimitedRows {
    reader: Box<dyn Read>,
    name: String,
    delimiter: u8,
    /// Text read and checked as UTF-8; `text[start..]` is not consumed yet, and `line` is the
    /// line at `start`. Holding checked text lets fields be cut without checking each again.
    text: String,
    start: usize,
    /// Bytes read but not yet in `text`: a character cut at a read's end, or invalid bytes.
    pending: Vec<u8>,
    /// How many bytes of `pending` are real.
    pending_len: usize,
    /// `pending` starts with bytes that are not UTF-8.
    invalid: bool,
    eof: bool,
    line: u64,
    /// Field bounds of the current record, in `text` (unquoted) or `scratch` (quoted).
    bounds: Vec<(usize, usize)>,
    scratch: Vec<u8>,
    /// The bytes came through a decoder, where an invalid sequence shows as U+FFFD.
    transcoded: bool,
    /// The encoding was given with --encoding.
    forced: bool,
    started: bool,
    /// Bytes dropped from the front of `text` so far: `base + start` is the stream position.
    base: u64,
    /// A record had a quote: a split of the stream at a line break may fall inside a field.
    saw_quote: bool,
    /// The line break: `\n` (with or without `\r` before it), or `\r` alone in a file from a
    /// classic Mac, which has no `\n`.
    newline: u8,
}

/// Where the current record's fields are.
#[derive(Clone, Copy)]
enum Held {
    Text,
    Scratch,
}

impl DelimitedRows {
    /// Reads `reader` (UTF-8 bytes), choosing the delimiter from `head`.
    pub fn new(
        reader: Box<dyn Read>,
        head: &[u8],
        name: &str,
        transcoded: bool,
        forced: bool,
    ) -> Self {
        DelimitedRows {
            reader,
            name: name.to_string(),
            delimiter: sniff_delimiter(head),
            text: String::with_capacity(CHUNK * 2),
            start: 0,
            pending: Vec::new(),
            pending_len: 0,
            invalid: false,
            eof: false,
            line: 1,
            bounds: Vec::with_capacity(16),
            scratch: Vec::new(),
            transcoded,
            forced,
            started: false,
            base: 0,
            saw_quote: false,
            newline: if head.contains(&b'\r') && !head.contains(&b'\n') {
                b'\r'
            } else {
                b'\n'
            },
        }
    }

    /// Rows of a part of a stream that starts at a line boundary: line `line`, with `delimiter`.
    pub fn part(reader: Box<dyn Read>, name: &str, delimiter: u8, line: u64) -> Self {
        let mut rows = DelimitedRows::new(reader, &[delimiter], name, false, false);
        rows.started = true;
        rows.line = line;
        rows
    }

    /// The stream position and line of the next record.
    pub fn position(&self) -> (u64, u64) {
        (self.base + self.start as u64, self.line)
    }

    /// The delimiter: comma or tab.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// True once a record with a quote was read.
    pub fn saw_quote(&self) -> bool {
        self.saw_quote
    }

    /// The error for bytes that are not UTF-8, in the record that starts at `start`.
    fn invalid_utf8(&self) -> Error {
        let partial = &self.text.as_bytes()[self.start..];
        let line = self.line + memchr::memchr_iter(b'\n', partial).count() as u64;
        // The field: delimiters outside quotes since the record began (`""` toggles twice).
        let mut column = 1;
        let mut quoted = false;
        for &b in partial {
            match b {
                b'"' => quoted = !quoted,
                b if b == self.delimiter && !quoted => column += 1,
                _ => {}
            }
        }
        let message = if self.forced {
            "invalid UTF-8; expected text in the encoding given with --encoding"
        } else {
            "invalid UTF-8; the file reads as UTF-8 before this line (if it is GBK, pass --encoding gbk)"
        };
        Error::actuals(Location::at(&self.name, line, column), message)
    }

    /// Reads more text after `text[start..]`, dropping what was consumed; false at the end.
    fn fill(&mut self) -> Result<bool> {
        if self.invalid {
            return Err(self.invalid_utf8());
        }
        if self.eof {
            if self.pending_len > 0 {
                // A character cut off by the end of the file.
                self.invalid = true;
                return Err(self.invalid_utf8());
            }
            return Ok(false);
        }
        if self.start > 0 {
            self.text.drain(..self.start);
            self.base += self.start as u64;
            self.start = 0;
        }
        if self.text.len() > MAX_RECORD {
            return Err(Error::actuals(
                Location::line(&self.name, self.line),
                format!(
                    "a line longer than {} MiB; expected rows of figures",
                    MAX_RECORD >> 20
                ),
            ));
        }
        // `pending` keeps its length between reads (no zero-filling each time); `held` bytes of
        // it are real.
        let held = self.pending_len;
        if self.pending.len() < held + CHUNK {
            self.pending.resize(held + CHUNK, 0);
        }
        loop {
            match self.reader.read(&mut self.pending[held..held + CHUNK]) {
                Ok(0) => {
                    self.eof = true;
                    if held == 0 {
                        return Ok(false);
                    }
                    self.invalid = true;
                    return Err(self.invalid_utf8());
                }
                Ok(n) => {
                    self.pending_len = held + n;
                    break;
                }
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                Err(err) => {
                    return Err(Error::read(
                        Location::file(&self.name),
                        super::describe_io(&err),
                    ))
                }
            }
        }
        // Checked in bulk (SIMD): everything up to a cut character, or to the first bad byte.
        let filled = &self.pending[..self.pending_len];
        let valid = match simdutf8::compat::from_utf8(filled) {
            Ok(checked) => {
                self.text.push_str(checked);
                filled.len()
            }
            Err(err) => {
                self.invalid = err.error_len().is_some();
                let valid = err.valid_up_to();
                if let Ok(checked) = simdutf8::basic::from_utf8(&filled[..valid]) {
                    self.text.push_str(checked);
                }
                valid
            }
        };
        // What is left (a cut character, or bad bytes) moves to the front.
        self.pending.copy_within(valid..self.pending_len, 0);
        self.pending_len -= valid;
        if valid == 0 && self.invalid {
            return Err(self.invalid_utf8());
        }
        Ok(true)
    }

    /// The byte `k` past `start`, reading more as needed; `None` at the end.
    fn byte_at(&mut self, k: usize) -> Result<Option<u8>> {
        while self.start + k >= self.text.len() {
            if !self.fill()? {
                return Ok(None);
            }
        }
        Ok(Some(self.text.as_bytes()[self.start + k]))
    }

    /// Reads the next record's field bounds: its line and where they are; `None` at the end.
    fn read_record(&mut self) -> Result<Option<(u64, Held)>> {
        if !self.started {
            self.started = true;
            // A UTF-8 byte-order mark is not part of the first field.
            while self.text.len() - self.start < 3 && self.fill()? {}
            if self.text[self.start..].starts_with('\u{feff}') {
                self.start += 3;
            }
        }
        loop {
            // One pass over the line finds its end and its delimiters; a quote sends the record
            // to the state machine. Without a line break in the text read so far, read more and
            // scan the line again.
            let scanned = loop {
                match scan(
                    self.text.as_bytes(),
                    self.start,
                    self.delimiter,
                    self.newline,
                    &mut self.bounds,
                ) {
                    Scan::Open if self.fill()? => continue,
                    scanned => break scanned,
                }
            };
            let end = self.text.len();
            let line_end = match scanned {
                Scan::Quote => {
                    self.saw_quote = true;
                    return self.read_quoted().map(Some);
                }
                Scan::Line(at) => at,
                Scan::Open if self.start == end => return Ok(None),
                Scan::Open => end,
            };
            if line_end - self.start > MAX_RECORD {
                return Err(Error::actuals(
                    Location::line(&self.name, self.line),
                    format!(
                        "a line longer than {} MiB; expected rows of figures",
                        MAX_RECORD >> 20
                    ),
                ));
            }
            let next = if line_end < end { line_end + 1 } else { end };
            let bytes = self.text.as_bytes();
            let mut content_end = line_end;
            if content_end > self.start && bytes[content_end - 1] == b'\r' {
                content_end -= 1;
            }
            if content_end == self.start {
                self.start = next;
                self.line += 1;
                continue;
            }
            let field_start = self.bounds.last().map_or(self.start, |&(_, to)| to + 1);
            self.bounds
                .push((field_start, content_end.max(field_start)));
            let line = self.line;
            self.start = next;
            self.line += 1;
            return Ok(Some((line, Held::Text)));
        }
    }

    /// A record with quotes, from `start`, unescaped into `scratch`.
    fn read_quoted(&mut self) -> Result<(u64, Held)> {
        let line = self.line;
        self.scratch.clear();
        self.bounds.clear();
        let (mut field_start, mut k, mut lines) = (0, 0, 0);
        let (mut quoted, mut at_field_start) = (false, true);
        loop {
            if self.scratch.len() > MAX_RECORD {
                return Err(Error::actuals(
                    Location::line(&self.name, line),
                    format!(
                        "a record longer than {} MiB; expected rows of figures",
                        MAX_RECORD >> 20
                    ),
                ));
            }
            let Some(b) = self.byte_at(k)? else {
                if quoted {
                    return Err(Error::actuals(
                        Location::line(&self.name, line),
                        "a quoted field that starts on this line is never closed; expected a closing `\"`",
                    ));
                }
                break;
            };
            k += 1;
            if quoted {
                match b {
                    b'"' if self.byte_at(k)? == Some(b'"') => {
                        self.scratch.push(b'"');
                        k += 1;
                    }
                    b'"' => quoted = false,
                    b if b == self.newline => {
                        lines += 1;
                        self.scratch.push(b'\n');
                    }
                    _ => self.scratch.push(b),
                }
                continue;
            }
            match b {
                b'"' if at_field_start => {
                    quoted = true;
                    at_field_start = false;
                }
                b if b == self.newline => {
                    lines += 1;
                    break;
                }
                b'\r' if matches!(self.byte_at(k)?, Some(b'\n') | None) => {}
                b if b == self.delimiter => {
                    self.bounds.push((field_start, self.scratch.len()));
                    field_start = self.scratch.len();
                    at_field_start = true;
                }
                _ => {
                    self.scratch.push(b);
                    at_field_start = false;
                }
            }
        }
        self.bounds.push((field_start, self.scratch.len()));
        self.start = (self.start + k).min(self.text.len());
        self.line += lines;
        Ok((line, Held::Scratch))
    }
}

impl Rows for DelimitedRows {
    fn next_row(&mut self) -> Option<Result<RowRef<'_>>> {
        let (line, held) = match self.read_record() {
            Ok(Some(record)) => record,
            Ok(None) => return None,
            Err(err) => return Some(Err(err)),
        };
        let text: &str = match held {
            Held::Text => &self.text,
            // Quotes taken out of checked text leave it UTF-8; checked again, rarely.
            Held::Scratch => match std::str::from_utf8(&self.scratch) {
                Ok(text) => text,
                Err(_) => {
                    return Some(Err(Error::actuals(
                        Location::line(&self.name, line),
                        "invalid UTF-8",
                    )))
                }
            },
        };
        let bytes = text.as_bytes();
        for index in 0..self.bounds.len() {
            let (from, to) = self.bounds[index];
            let (Some(&first), Some(&last)) = (bytes.get(from), bytes.get(to.wrapping_sub(1)))
            else {
                continue;
            };
            if !self.transcoded && !may_start_space(first) && !may_end_space(last) {
                continue;
            }
            // Fields are cut at ASCII delimiters, so each is whole text.
            let field = text.get(from..to).unwrap_or("");
            if self.transcoded && field.contains('\u{FFFD}') {
                let at = Location::at(&self.name, line, index as u64 + 1);
                return Some(Err(Error::actuals(
                    at,
                    "bytes that are not valid in the file's encoding",
                )));
            }
            let (lead, trail) = trimmed(field);
            self.bounds[index] = (from + lead, to - trail);
        }
        Some(Ok(RowRef::fields(line, text, &self.bounds)))
    }

    fn strict_width(&self) -> bool {
        true
    }
}

/// What [`scan`] found after a line's start.
#[derive(Debug, PartialEq, Eq)]
enum Scan {
    /// The line break at this index ends the line.
    Line(usize),
    /// A quote: the record needs the state machine.
    Quote,
    /// The text ends before a line break.
    Open,
}

/// Scans `bytes` from `start` to the first line break, pushing the bounds of every field that
/// a delimiter ends (the last field, which the line break ends, is the caller's). Eight bytes are
/// compared at a time (SWAR): records are short and dense with delimiters, where a call to a
/// vectorised search per field costs more than the search.
fn scan(
    bytes: &[u8],
    start: usize,
    delimiter: u8,
    newline: u8,
    bounds: &mut Vec<(usize, usize)>,
) -> Scan {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` that equals the byte splatted in `pattern`, and
    // rarely of a byte just above one that does (a borrow): each is looked at again.
    let equal = |word: u64, pattern: u64| {
        let x = word ^ pattern;
        x.wrapping_sub(ONES) & !x & HIGH
    };
    let (d, q, n) = (
        ONES * u64::from(delimiter),
        ONES * u64::from(b'"'),
        ONES * u64::from(newline),
    );
    bounds.clear();
    let mut field = start;
    let mut at = start;
    let mut hit = |i: usize, bounds: &mut Vec<(usize, usize)>| -> Option<Scan> {
        match bytes[i] {
            b'"' => Some(Scan::Quote),
            b if b == newline => Some(Scan::Line(i)),
            b if b == delimiter => {
                bounds.push((field, i));
                field = i + 1;
                None
            }
            _ => None,
        }
    };
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let mut found = equal(word, d) | equal(word, q) | equal(word, n);
        while found != 0 {
            let i = at + (found.trailing_zeros() / 8) as usize;
            if let Some(end) = hit(i, bounds) {
                return end;
            }
            found &= found - 1;
        }
        at += 8;
    }
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        if b == delimiter || b == b'"' || b == newline {
            if let Some(end) = hit(i, bounds) {
                return end;
            }
        }
    }
    Scan::Open
}

/// True when a field that starts with `byte` may start with white space: ASCII white space, or
/// the first byte of U+0085/U+00A0 (0xC2), U+1680 (0xE1), U+2000… (0xE2) or U+3000 (0xE3).
#[inline]
fn may_start_space(byte: u8) -> bool {
    byte.is_ascii_whitespace() || matches!(byte, 0x0B | 0x1C..=0x1F | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// True when a field that ends with `byte` may end with white space: ASCII white space, or the
/// last byte of a white-space character (U+0085 …85, U+00A0 …A0, U+1680 …80, U+2000–U+200A
/// …80–8A, U+2028/29 …A8/A9, U+202F …AF, U+205F …9F, U+3000 …80).
#[inline]
fn may_end_space(byte: u8) -> bool {
    byte.is_ascii_whitespace()
        || matches!(byte, 0x0B | 0x1C..=0x1F | 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF)
}

/// How many bytes of white space a field has before and after it. Only characters whose first
/// byte could start white space (ASCII, or U+0085/U+00A0 after 0xC2, U+1680 after 0xE1,
/// U+2000… after 0xE2, U+3000 after 0xE3) are decoded: a Chinese character at either end is
/// passed over at once.
fn trimmed(field: &str) -> (usize, usize) {
    let mut text = field;
    while text.as_bytes().first().is_some_and(|&b| may_start_space(b)) {
        match text.chars().next().filter(|c| c.is_whitespace()) {
            Some(c) => text = &text[c.len_utf8()..],
            None => break,
        }
    }
    let lead = field.len() - text.len();
    loop {
        // The last character's first byte: back over continuation bytes (10xxxxxx).
        let bytes = text.as_bytes();
        let last = bytes
            .iter()
            .rev()
            .take(4)
            .find(|&&b| b & 0xC0 != 0x80)
            .copied();
        if !last.is_some_and(may_start_space) {
            break;
        }
        match text.chars().next_back().filter(|c| c.is_whitespace()) {
            Some(c) => text = &text[..text.len() - c.len_utf8()],
            None => break,
        }
    }
    (lead, field.len() - lead - text.len())
}

/// A field without the white space around it.
#[cfg(test)]
fn trim(field: &str) -> &str {
    let (lead, trail) = trimmed(field);
    &field[lead..field.len() - trail]
}

/// Tab if the first line holding a tab or a comma holds a tab; else comma.
fn sniff_delimiter(head: &[u8]) -> u8 {
    head.split(|&b| b == b'\n')
        .find_map(|line| line.iter().find(|&&b| b == b'\t' || b == b','))
        .copied()
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(data: &[u8]) -> Vec<Result<(u64, Vec<String>)>> {
        let mut source = DelimitedRows::new(
            Box::new(std::io::Cursor::new(data.to_vec())),
            data,
            "t.csv",
            false,
            false,
        );
        let mut out = Vec::new();
        while let Some(row) = source.next_row() {
            let failed = row.is_err();
            // The cells as lent, not trimmed again by `CellRef::text`.
            out.push(row.map(|r| {
                let cells = r.iter().map(|c| c.as_text().unwrap_or("").to_string());
                (r.line, cells.collect())
            }));
            if failed {
                break;
            }
        }
        out
    }

    fn ok(data: &[u8]) -> Vec<(u64, Vec<String>)> {
        rows(data).into_iter().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn trimming_knows_white_space_from_chinese() {
        assert_eq!(trim(" 技术合同成交额 "), "技术合同成交额");
        assert_eq!(trim("\u{3000}万元\u{3000}"), "万元");
        assert_eq!(trim("\u{a0}1,234\u{a0}"), "1,234");
        assert_eq!(trim("元"), "元");
        assert_eq!(trim("  "), "");
        assert_eq!(trim("\t2.42%\r"), "2.42%");
    }

    #[test]
    fn every_kind_of_white_space_is_trimmed_from_either_end_of_a_field() {
        let spaces = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace() && !matches!(c, '\n' | '\r'));
        for c in spaces {
            let data = format!("a,b,c\n{c}技术{c},{c}12,12{c}\n");
            let got = ok(data.as_bytes());
            assert_eq!(got[1].1, vec!["技术", "12", "12"], "U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        /// Unquoted lines split as `str::split` and `str::trim` would split and trim them,
        /// whatever the bytes around the delimiters (the scan compares eight at a time).
        #[test]
        fn unquoted_lines_split_at_every_delimiter(
            lines in proptest::collection::vec("[,\\-+.a0-9 \t\u{3000}\u{a0}技，]{0,40}", 1..6),
            crlf in proptest::bool::ANY,
        ) {
            let header = "h,h";
            let end = if crlf { "\r\n" } else { "\n" };
            let data = format!("{header}{end}{}{end}", lines.join(end));
            let expected: Vec<Vec<String>> = std::iter::once(header)
                .chain(lines.iter().map(String::as_str))
                .filter(|l| !l.is_empty())
                .map(|l| l.split(',').map(|f| f.trim().to_string()).collect())
                .collect();
            let got: Vec<Vec<String>> = ok(data.as_bytes()).into_iter().map(|(_, f)| f).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    fn lines(data: &[u8]) -> Vec<u64> {
        ok(data).into_iter().map(|(l, _)| l).collect()
    }

    #[test]
    fn line_numbers_with_crlf_blank_lines_and_quoted_newlines() {
        assert_eq!(lines(b"a,b\r\nc,d\r\ne,f\r\n"), vec![1, 2, 3]);
        assert_eq!(lines(b"a,b\n\nc,d\n\n\ne,f\n"), vec![1, 3, 6]);
        assert_eq!(lines(b"a,b\r\n\r\nc,d\r\n"), vec![1, 3]);
        assert_eq!(lines(b"a,\"x\ny\"\nc,d\n"), vec![1, 3]);
        assert_eq!(lines(b"a,b"), vec![1]);
    }

    #[test]
    fn lines_ending_in_a_lone_carriage_return() {
        let got = ok(b"a,b\rc,d\r\re,f\r");
        assert_eq!(
            got.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            vec![1, 2, 4]
        );
        assert_eq!(got[2].1, vec!["e".to_string(), "f".to_string()]);
    }

    #[test]
    fn the_line_limit_is_exact_wherever_reads_fall() {
        for pad in [0usize, 70_000, 200_000] {
            let mut data = "x,y\n".repeat(pad / 4).into_bytes();
            data.extend(std::iter::repeat_n(b'a', MAX_RECORD + 100));
            data.extend_from_slice(b"\nz,w\n");
            let got = rows(&data);
            let refused = got.iter().any(|r| {
                r.as_ref()
                    .is_err_and(|e| e.to_string().contains("a line longer than 1 MiB"))
            });
            assert!(refused, "pad {pad}");
        }
    }

    #[test]
    fn fields_quoted_or_not() {
        let got = ok(b"\xEF\xBB\xBFa, b ,\"c,d\",\"say \"\"hi\"\"\",,12\"\n");
        assert_eq!(got[0].1, vec!["a", "b", "c,d", "say \"hi\"", "", "12\""]);
        assert_eq!(ok(b"a,\"multi\nline\"\r\n")[0].1, vec!["a", "multi\nline"]);
        assert_eq!(
            ok(b"a,b\nx\t\"y\"\n")[1].1,
            vec!["x\t\"y\""],
            "comma-separated, as the first line says"
        );
    }

    #[test]
    fn an_unclosed_quote_is_an_error() {
        let got = rows(b"a,b\nc,\"open\nd,e\n");
        let err = got.last().unwrap().as_ref().err().unwrap().to_string();
        assert_eq!(err, "t.csv:2: a quoted field that starts on this line is never closed; expected a closing `\"`");
    }

    #[test]
    fn a_huge_line_is_an_error_not_an_allocation() {
        let mut data = vec![b'a'; MAX_RECORD * 3];
        data.push(b'\n');
        let got = rows(&data);
        let err = got.last().unwrap().as_ref().err().unwrap().to_string();
        assert_eq!(
            err,
            "t.csv:1: a line longer than 1 MiB; expected rows of figures"
        );
    }

    #[test]
    fn records_across_buffer_refills() {
        let mut data = String::from("indicator,value\n");
        for i in 0..20_000 {
            data.push_str(&format!("\"name, {i}\",{i}\n"));
        }
        let got = ok(data.as_bytes());
        assert_eq!(got.len(), 20_001);
        assert_eq!(
            got[20_000],
            (20_001, vec!["name, 19999".to_string(), "19999".to_string()])
        );
    }

    #[test]
    fn delimiter_from_the_first_line_that_has_one() {
        assert_eq!(
            sniff_delimiter(b"title\n\xe5\x8d\x95\xe4\xbd\x8d\nindicator\tvalue\n1,2\t3"),
            b'\t'
        );
        assert_eq!(sniff_delimiter(b"indicator,value\n"), b',');
        assert_eq!(sniff_delimiter(b"title,,,\na\tb\n"), b',');
        assert_eq!(sniff_delimiter(b"only"), b',');
    }
}
