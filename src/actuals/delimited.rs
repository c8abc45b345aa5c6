//! Delimited text: comma-separated CSV or tab-separated text (what copying a range out of Excel
//! gives), in any encoding [`super::decode`] knows. The delimiter is the first of tab or comma
//! found on the first line that has either.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

use super::grid::{Cell, Row};
use crate::error::{Error, Location, Result};

/// Rows of a delimited input, streamed.
pub struct DelimitedRows {
    reader: csv::Reader<Tracked>,
    record: csv::ByteRecord,
    name: String,
    lossy_bytes: bool,
    marks: Rc<RefCell<Marks>>,
    last_line: u64,
    last_had_newline: bool,
    done: bool,
}

/// Line ends and quotes seen in the bytes the CSV parser has read. The csv crate's own line
/// numbers are wrong after CRLF line ends and blank lines, so lines are counted here from the
/// byte offsets it reports.
#[derive(Default)]
struct Marks {
    /// Offsets of `\r` and `\n` bytes not yet passed, with which byte it was.
    ends: VecDeque<(u64, u8)>,
    /// `\n` bytes already passed.
    lines_passed: u64,
    /// `"` bytes seen: an odd count at the end means a quote never closed.
    quotes: u64,
}

impl Marks {
    /// The 1-based line of the record the parser says starts at `byte`: line ends before it,
    /// plus those it starts on (the parser reports a record after a blank line or a CRLF at the
    /// line end before it).
    fn line_at(&mut self, byte: u64) -> u64 {
        while let Some(&(offset, b)) = self.ends.front() {
            if offset >= byte {
                break;
            }
            self.lines_passed += u64::from(b == b'\n');
            self.ends.pop_front();
        }
        let mut at = byte;
        while let Some(&(offset, b)) = self.ends.front() {
            if offset != at {
                break;
            }
            self.lines_passed += u64::from(b == b'\n');
            self.ends.pop_front();
            at += 1;
        }
        self.lines_passed + 1
    }
}

/// A reader that notes line ends and quotes as bytes pass through.
struct Tracked {
    inner: Box<dyn Read>,
    offset: u64,
    marks: Rc<RefCell<Marks>>,
}

impl Read for Tracked {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut marks = self.marks.borrow_mut();
        for (i, &b) in buf[..n].iter().enumerate() {
            match b {
                b'\n' | b'\r' => marks.ends.push_back((self.offset + i as u64, b)),
                b'"' => marks.quotes += 1,
                _ => {}
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

impl DelimitedRows {
    /// Reads `reader` (UTF-8 bytes), choosing the delimiter from `head`. `transcoded` says the
    /// bytes came through a decoder, where an invalid sequence shows as U+FFFD.
    pub fn new(reader: Box<dyn Read>, head: &[u8], name: &str, transcoded: bool) -> Self {
        let marks = Rc::new(RefCell::new(Marks::default()));
        let tracked = Tracked {
            inner: reader,
            offset: 0,
            marks: Rc::clone(&marks),
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sniff_delimiter(head))
            .from_reader(tracked);
        DelimitedRows {
            reader,
            record: csv::ByteRecord::new(),
            name: name.to_string(),
            lossy_bytes: transcoded,
            marks,
            last_line: 0,
            last_had_newline: false,
            done: false,
        }
    }

    fn row(&mut self) -> Result<Row> {
        let byte = self.record.position().map_or(0, |p| p.byte());
        let line = self.marks.borrow_mut().line_at(byte);
        self.last_line = line;
        self.last_had_newline = self.record.iter().any(|field| field.contains(&b'\n'));
        let cells = self
            .record
            .iter()
            .enumerate()
            .map(|(index, bytes)| {
                let at = || Location::at(&self.name, line, index as u64 + 1);
                let text = std::str::from_utf8(bytes).map_err(|_| {
                    Error::actuals(
                        at(),
                        "invalid UTF-8; the file reads as UTF-8 before this line (if it is GBK, \
                         pass --encoding gbk)",
                    )
                })?;
                if self.lossy_bytes && text.contains('\u{FFFD}') {
                    return Err(Error::actuals(
                        at(),
                        "bytes that are not valid in the file's encoding",
                    ));
                }
                let text = text.trim();
                Ok(if text.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(text.to_string())
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Row { line, cells })
    }
}

impl Iterator for DelimitedRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        if self.done {
            return None;
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                // A quote never closed swallows the rest of the file into one field.
                let odd = self.marks.borrow().quotes % 2 == 1;
                (odd && self.last_had_newline).then(|| {
                    Err(Error::actuals(
                        Location::line(&self.name, self.last_line),
                        "a quoted field that starts on this line is never closed; expected a \
                         closing `\"`",
                    ))
                })
            }
            Ok(true) => Some(self.row()),
            Err(err) => {
                self.done = true;
                Some(Err(csv_error(&err, &self.name)))
            }
        }
    }
}

/// Tab if the first line holding a tab or a comma holds a tab; else comma.
fn sniff_delimiter(head: &[u8]) -> u8 {
    head.split(|&b| b == b'\n')
        .find_map(|line| line.iter().find(|&&b| b == b'\t' || b == b','))
        .copied()
        .unwrap_or(b',')
}

/// A csv crate error as `file:line: message`.
fn csv_error(err: &csv::Error, file: &str) -> Error {
    match err.kind() {
        csv::ErrorKind::Io(io) => Error::read(Location::file(file), super::describe_io(io)),
        _ => Error::actuals(
            Location::line(file, err.position().map_or(0, |p| p.line())),
            err.to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(data: &[u8]) -> Vec<Result<u64>> {
        DelimitedRows::new(
            Box::new(io::Cursor::new(data.to_vec())),
            data,
            "t.csv",
            false,
        )
        .map(|row| row.map(|r| r.line))
        .collect()
    }

    #[test]
    fn line_numbers_with_crlf_blank_lines_and_quoted_newlines() {
        let ok = |data: &[u8]| {
            lines(data)
                .into_iter()
                .map(|l| l.unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(ok(b"a,b\r\nc,d\r\ne,f\r\n"), vec![1, 2, 3]);
        assert_eq!(ok(b"a,b\n\nc,d\n\n\ne,f\n"), vec![1, 3, 6]);
        assert_eq!(ok(b"a,b\r\n\r\nc,d\r\n"), vec![1, 3]);
        assert_eq!(ok(b"a,\"x\ny\"\nc,d\n"), vec![1, 3]);
        assert_eq!(ok(b"a,b"), vec![1]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error() {
        let got = lines(b"a,b\nc,\"open\nd,e\n");
        let err = got.last().unwrap().as_ref().unwrap_err().to_string();
        assert_eq!(err, "t.csv:2: a quoted field that starts on this line is never closed; expected a closing `\"`");
        assert!(
            lines(b"a,12\"\n").iter().all(Result::is_ok),
            "a lone inch mark is not a quote"
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
