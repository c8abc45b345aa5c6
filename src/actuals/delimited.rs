//! Delimited text: comma-separated CSV or tab-separated text, as UTF-8 from [`super::decode`],
//! split into records by csv-core (the core of the `csv` crate): RFC 4180 quoting (`"a,b"`,
//! `""` for a quote, line breaks inside quotes), and `\n`, `\r\n` or a lone `\r` ending a
//! record, as the `csv` crate, pandas and polars read them. csv-core skips blank lines.
//!
//! What is ours: the text is checked as UTF-8 in bulk ([`super::checked`]); line numbers count
//! every line ([`super::lines`]); fields are trimmed ([`super::trim`]); a record is at most
//! [`MAX_RECORD`] bytes, so memory stays bounded whatever the input. A record that csv-core
//! reads whole from one chunk without dropping a byte beyond its delimiters and line break (no
//! quotes, no blank line before it: nearly every row of a large file) is lent as field bounds
//! in the checked text, with no copy and no second check; any other is lent from csv-core's
//! output, checked again.

use std::io::Read;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder, Terminator};

use super::checked::{CheckedText, Stop};
use super::grid::{RowRef, Rows};
use super::lines::Lines;
use super::trim::trim_bounds;
use crate::error::{DataProblem, Error, Location, Result, Utf8Case};

/// The longest record read, in bytes: longer is an error, not an allocation.
pub const MAX_RECORD: usize = 1 << 20;

/// Rows of a delimited input, streamed.
pub struct DelimitedRows {
    text: CheckedText,
    core: Reader,
    name: String,
    lines: Lines,
    /// csv-core's output for the current record, and where its fields end.
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    /// The current record's fields: in the checked text, or in `out`.
    bounds: Vec<(usize, usize)>,
    held: Held,
    /// The bytes came through a decoder, where an invalid sequence shows as U+FFFD.
    transcoded: bool,
    /// The encoding was given with --encoding.
    forced: bool,
    /// csv-core said the input has ended.
    done: bool,
    /// A record has been asked for.
    started: bool,
}

/// Where the current record's fields are.
#[derive(Clone, Copy)]
enum Held {
    Text,
    Output,
}

/// What one call of csv-core gave, in the record being read.
struct Call {
    result: ReadRecordResult,
    nin: usize,
}

impl DelimitedRows {
    /// Reads `reader` (UTF-8 bytes) with `delimiter`.
    pub fn new(
        reader: Box<dyn Read>,
        delimiter: u8,
        name: &str,
        transcoded: bool,
        forced: bool,
    ) -> Self {
        DelimitedRows {
            text: CheckedText::new(reader, name),
            core: ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(Terminator::CRLF)
                .build(),
            name: name.to_string(),
            lines: Lines::at(1),
            out: vec![0; 1024],
            out_len: 0,
            ends: vec![0; 32],
            bounds: Vec::with_capacity(32),
            held: Held::Text,
            transcoded,
            forced,
            done: false,
            started: false,
        }
    }

    /// Rows of a part of a stream that starts at a line boundary: line `line`, with `delimiter`.
    pub fn part(reader: Box<dyn Read>, name: &str, delimiter: u8, line: u64) -> Self {
        let mut rows = DelimitedRows::new(reader, delimiter, name, false, false);
        rows.lines = Lines::at(line);
        rows
    }

    /// The stream position and line of the next record.
    pub fn position(&self) -> (u64, u64) {
        (self.text.position(), self.lines.line)
    }

    /// True once a quote was read anywhere: a split of the stream at a line break may then fall
    /// inside a field.
    pub fn saw_quote(&self) -> bool {
        self.text.saw_quote()
    }

    /// Reads the next record: its line, with its fields in `bounds`; `None` at the end.
    fn read_record(&mut self) -> Result<Option<u64>> {
        if self.done {
            return Ok(None);
        }
        if !self.started {
            // csv-core drops a byte-order mark only from a first input longer than it, and
            // takes an input that is only the mark, once dropped, for the end of the file.
            self.started = true;
            while self.text.rest().len() <= 3 && self.fill(0)? {}
        }
        let (mut nout, mut nend) = (0, 0);
        // The line of the record's first byte, once the slow path has seen it.
        let mut first_line = None;
        let mut calls = 0;
        loop {
            if self.text.rest().is_empty() && !self.fill(nend)? {
                return self.end_of_input(first_line, nout, nend);
            }
            self.make_room(nout, nend);
            let (result, nin, o, e) = self.core.read_record(
                self.text.rest(),
                &mut self.out[nout..],
                &mut self.ends[nend..],
            );
            nout += o;
            nend += e;
            calls += 1;
            let call = Call { result, nin };
            if calls == 1 && self.lend_from_text(&call, nout, nend) {
                return Ok(Some(self.lines.line - 1));
            }
            let consumed = &self.text.rest()[..nin];
            let first = self.lines.count(consumed);
            first_line = first_line.or(first);
            self.text.consume(nin);
            let line = first_line.unwrap_or(self.lines.line);
            // The record's bytes less its quotes: its fields and delimiters.
            if nout + nend > MAX_RECORD {
                return Err(self.too_long(line));
            }
            match call.result {
                ReadRecordResult::InputEmpty
                | ReadRecordResult::OutputFull
                | ReadRecordResult::OutputEndsFull => {}
                ReadRecordResult::Record => {
                    self.lend_from_output(nout, nend);
                    return Ok(Some(line));
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }

    /// The input has ended, `nout` bytes and `nend` fields into a record whose first byte is on
    /// `first_line` (`None`: nothing of a record was read). csv-core would end a quoted field
    /// left open as if it were closed; a line break is fed to it first, which ends the record
    /// unless a quoted field is open, and that is an error: the rest of the file would be one
    /// field.
    fn end_of_input(
        &mut self,
        first_line: Option<u64>,
        mut nout: usize,
        mut nend: usize,
    ) -> Result<Option<u64>> {
        self.done = true;
        let Some(line) = first_line else {
            return Ok(None);
        };
        loop {
            self.make_room(nout, nend);
            let (result, _, o, e) =
                self.core
                    .read_record(b"\n", &mut self.out[nout..], &mut self.ends[nend..]);
            nout += o;
            nend += e;
            match result {
                ReadRecordResult::Record => {
                    self.lend_from_output(nout, nend);
                    return Ok(Some(line));
                }
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => {}
                ReadRecordResult::InputEmpty | ReadRecordResult::End => {
                    return Err(Error::actuals(
                        Location::line(&self.name, line),
                        DataProblem::QuoteNeverClosed,
                    ))
                }
            }
        }
    }

    /// Reads more text; false at the end of the input. Bytes that are not UTF-8, met `fields`
    /// fields into a record, are an error.
    fn fill(&mut self, fields: usize) -> Result<bool> {
        match self.text.fill()? {
            Ok(()) => Ok(true),
            Err(Stop::End) => Ok(false),
            Err(Stop::Invalid) => Err(self.invalid_utf8(fields)),
        }
    }

    /// Room in csv-core's output for more of a record `nout` bytes and `nend` fields long.
    fn make_room(&mut self, nout: usize, nend: usize) {
        if nout == self.out.len() {
            self.out.resize(self.out.len() * 2, 0);
        }
        if nend == self.ends.len() {
            self.ends.resize(self.ends.len() * 2, 0);
        }
    }

    /// The error for a record that starts on `line` and is longer than [`MAX_RECORD`].
    fn too_long(&self, line: u64) -> Error {
        Error::actuals(
            Location::line(&self.name, line),
            DataProblem::TooLong {
                record: self.lines.line > line + 1,
                mib: (MAX_RECORD >> 20) as u64,
            },
        )
    }

    /// A record csv-core read whole in one call, from a line of the checked text, without a
    /// quote or a blank line: its fields are lent where they are. False for any other record.
    #[inline]
    fn lend_from_text(&mut self, call: &Call, nout: usize, nend: usize) -> bool {
        if call.result != ReadRecordResult::Record || nend == 0 {
            return false;
        }
        let rest = self.text.rest();
        let nin = call.nin;
        // The `\n` of a `\r\n` whose `\r` ended the record before.
        let lead = usize::from(self.lines.after_cr() && rest.first() == Some(&b'\n'));
        let Some(last) = nin.checked_sub(1).map(|i| rest[i]) else {
            return false;
        };
        if nin != lead + nout + (nend - 1) + 1 || !matches!(last, b'\n' | b'\r') {
            return false;
        }
        let start = self.text.pos() + lead;
        self.bounds.clear();
        let mut from = 0;
        for (k, &to) in self.ends[..nend].iter().enumerate() {
            self.bounds.push((start + from + k, start + to + k));
            from = to;
        }
        self.lines.end_line(last);
        self.text.consume(nin);
        self.held = Held::Text;
        true
    }

    /// A record from csv-core's output: `nout` bytes, `nend` fields.
    fn lend_from_output(&mut self, nout: usize, nend: usize) {
        self.out_len = nout;
        self.bounds.clear();
        let mut from = 0;
        for &to in &self.ends[..nend] {
            self.bounds.push((from, to));
            from = to;
        }
        self.held = Held::Output;
    }

    /// The error for bytes that are not UTF-8, met after `fields` fields of the current record.
    fn invalid_utf8(&self, fields: usize) -> Error {
        let message = DataProblem::InvalidUtf8(if self.forced {
            Utf8Case::Forced
        } else {
            Utf8Case::Guessed
        });
        Error::actuals(
            Location::at(&self.name, self.lines.line, fields as u64 + 1),
            message,
        )
    }
}

impl Rows for DelimitedRows {
    fn next_row(&mut self) -> Option<Result<RowRef<'_>>> {
        let line = match self.read_record() {
            Ok(Some(line)) => line,
            Ok(None) => return None,
            Err(err) => return Some(Err(err)),
        };
        let text: &str = match self.held {
            Held::Text => self.text.held(),
            // csv-core drops only ASCII quotes from checked text, so this holds; checked again,
            // for the few records that come this way.
            Held::Output => match std::str::from_utf8(&self.out[..self.out_len]) {
                Ok(text) => text,
                Err(_) => {
                    return Some(Err(Error::actuals(
                        Location::line(&self.name, line),
                        DataProblem::InvalidUtf8(Utf8Case::Record),
                    )))
                }
            },
        };
        if self.transcoded {
            let bad = self
                .bounds
                .iter()
                .position(|&(from, to)| text.get(from..to).is_some_and(|f| f.contains('\u{FFFD}')));
            if let Some(index) = bad {
                let at = Location::at(&self.name, line, index as u64 + 1);
                return Some(Err(Error::actuals(at, DataProblem::BadBytes)));
            }
        }
        for bounds in &mut self.bounds {
            trim_bounds(text, bounds);
        }
        Some(Ok(RowRef::fields(line, text, &self.bounds)))
    }

    fn refuses_extra_cells(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(data: &[u8], chunk: usize) -> Vec<Result<(u64, Vec<String>)>> {
        let reader = Chunked {
            data: data.to_vec(),
            at: 0,
            chunk,
        };
        let mut source = DelimitedRows::new(Box::new(reader), b',', "t.csv", false, false);
        let mut out = Vec::new();
        while let Some(row) = source.next_row() {
            let failed = row.is_err();
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

    /// A reader that gives at most `chunk` bytes a read, so records cross reads anywhere.
    struct Chunked {
        data: Vec<u8>,
        at: usize,
        chunk: usize,
    }

    impl Read for Chunked {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.chunk).min(self.data.len() - self.at);
            buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    /// The rows, read whole and a byte at a time: both must agree.
    fn ok(data: &[u8]) -> Vec<(u64, Vec<String>)> {
        let whole: Vec<_> = rows_of(data, usize::MAX)
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        let trickled: Vec<_> = rows_of(data, 1).into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(whole, trickled, "read a byte at a time");
        whole
    }

    fn lines(data: &[u8]) -> Vec<u64> {
        ok(data).into_iter().map(|(l, _)| l).collect()
    }

    fn error(data: &[u8]) -> String {
        let got = rows_of(data, usize::MAX);
        got.last().unwrap().as_ref().err().unwrap().to_string()
    }

    #[test]
    fn line_numbers_with_crlf_cr_blank_lines_and_quoted_line_breaks() {
        assert_eq!(lines(b"a,b\r\nc,d\r\ne,f\r\n"), vec![1, 2, 3]);
        assert_eq!(lines(b"a,b\n\nc,d\n\n\ne,f\n"), vec![1, 3, 6]);
        assert_eq!(lines(b"a,b\r\n\r\nc,d\r\n"), vec![1, 3]);
        assert_eq!(lines(b"a,\"x\ny\"\nc,d\n"), vec![1, 3]);
        assert_eq!(lines(b"a,b\rc,d\r\re,f\r"), vec![1, 2, 4]);
        assert_eq!(lines(b"a,b\r\"x\ny\",z\rc,d"), vec![1, 2, 4]);
        assert_eq!(lines(b"a,b\n  \nc,d"), vec![1, 2, 3]);
    }

    #[test]
    fn the_last_line_is_read_whole_without_a_line_break() {
        assert_eq!(ok(b"a,b\nc,5")[1].1, vec!["c", "5"]);
        assert_eq!(ok(b"a,b,x\nc,5,9")[1].1, vec!["c", "5", "9"]);
        assert_eq!(ok(b"a,b\nc,\"5\"")[1].1, vec!["c", "5"]);
        assert_eq!(ok(b"a,b\r\nc,5\r")[1].1, vec!["c", "5"]);
    }

    #[test]
    fn an_old_mac_file_with_a_line_feed_inside_a_quoted_cell() {
        let got = ok(b"indicator,value,note\r\"x\",5,\"a\nb\"\ry,6\r");
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].1, vec!["x", "5", "a\nb"]);
        assert_eq!(got[2], (4, vec!["y".to_string(), "6".to_string()]));
    }

    #[test]
    fn fields_quoted_or_not() {
        let got = ok(b"\xEF\xBB\xBFa, b ,\"c,d\",\"say \"\"hi\"\"\",,12\"\n");
        assert_eq!(got[0].1, vec!["a", "b", "c,d", "say \"hi\"", "", "12\""]);
        assert_eq!(ok(b"a,\"multi\nline\"\r\n")[0].1, vec!["a", "multi\nline"]);
        assert_eq!(ok(b"a,\" padded \"\n")[0].1, vec!["a", "padded"]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error() {
        assert_eq!(
            error(b"a,b\nc,\"open\nd,e\n"),
            "t.csv:2: a quoted field that starts on this line is never closed; expected a closing `\"`"
        );
        assert_eq!(
            error(b"a,b\r\n\"x"),
            "t.csv:2: a quoted field that starts on this line is never closed; expected a closing `\"`"
        );
    }

    #[test]
    fn a_huge_line_is_an_error_not_an_allocation() {
        for pad in [0usize, 70_000, 200_000] {
            let mut data = "x,y\n".repeat(pad / 4).into_bytes();
            data.extend(std::iter::repeat_n(b'a', MAX_RECORD + 100));
            data.extend_from_slice(b"\nz,w\n");
            assert_eq!(
                error(&data),
                format!(
                    "t.csv:{}: a line longer than 1 MiB; expected rows of figures",
                    pad / 4 + 1
                )
            );
        }
        let mut data = b"a,\"".to_vec();
        data.extend("x\n".repeat(MAX_RECORD).as_bytes());
        assert_eq!(
            error(&data),
            "t.csv:1: a record longer than 1 MiB; expected rows of figures"
        );
    }

    #[test]
    fn invalid_utf8_names_its_line_and_field() {
        assert_eq!(
            error(b"a,b\nc,\"x\ny\",\xFF\n"),
            "t.csv:3:3: invalid UTF-8; the file reads as UTF-8 before this line (if it is GBK, pass --encoding gbk)"
        );
    }

    #[test]
    fn records_across_buffer_refills() {
        let mut data = String::from("indicator,value\n");
        for i in 0..20_000 {
            data.push_str(&format!("\"name, {i}\",{i}\r\n"));
            data.push_str(&format!("技术{i},{i}\r\n"));
        }
        let got = rows_of(data.as_bytes(), usize::MAX);
        assert_eq!(got.len(), 40_001);
        assert_eq!(
            got[40_000].as_ref().unwrap(),
            &(40_001, vec!["技术19999".to_string(), "19999".to_string()])
        );
    }
}
