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
use crate::error::{Error, Location, Result};

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
        let (mut nout, mut nend) = (0, 0);
        // The line of the record's first byte, once the slow path has seen it.
        let mut first_line = None;
        let mut calls = 0;
        loop {
            let mut at_end = false;
            if self.text.rest().is_empty() {
                match self.text.fill()? {
                    Ok(()) => {}
                    Err(Stop::End) => at_end = true,
                    Err(Stop::Invalid) => return Err(self.invalid_utf8(nend)),
                }
            }
            if at_end {
                return self.end_of_input(first_line, nout, nend);
            }
            if nout == self.out.len() {
                self.out.resize(self.out.len() * 2, 0);
            }
            if nend == self.ends.len() {
                self.ends.resize(self.ends.len() * 2, 0);
            }
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
                let what = match self.lines.line > line + 1 {
                    true => "a record",
                    false => "a line",
                };
                return Err(Error::actuals(
                    Location::line(&self.name, line),
                    format!(
                        "{what} longer than {} MiB; expected rows of figures",
                        MAX_RECORD >> 20
                    ),
                ));
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
            if nout == self.out.len() {
                self.out.resize(self.out.len() * 2, 0);
            }
            if nend == self.ends.len() {
                self.ends.resize(self.ends.len() * 2, 0);
            }
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
                        "a quoted field that starts on this line is never closed; expected a \
                         closing `\"`",
                    ))
                }
            }
        }
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
        let message = if self.forced {
            "invalid UTF-8; expected text in the encoding given with --encoding"
        } else {
            "invalid UTF-8; the file reads as UTF-8 before this line (if it is GBK, pass --encoding gbk)"
        };
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
                        "invalid UTF-8",
                    )))
                }
            },
        };
        for index in 0..self.bounds.len() {
            if self.transcoded {
                let (from, to) = self.bounds[index];
                if text.get(from..to).is_some_and(|f| f.contains('\u{FFFD}')) {
                    let at = Location::at(&self.name, line, index as u64 + 1);
                    return Some(Err(Error::actuals(
                        at,
                        "bytes that are not valid in the file's encoding",
                    )));
                }
            }
            trim_bounds(text, &mut self.bounds[index]);
        }
        Some(Ok(RowRef::fields(line, text, &self.bounds)))
    }

    fn refuses_extra_cells(&self) -> bool {
        true
    }
}
