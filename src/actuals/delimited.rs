//! Delimited text: comma-separated CSV or tab-separated text (what copying a range out of Excel
//! gives), in any encoding [`super::decode`] knows. The delimiter is the first of tab or comma
//! found on the first line that has either.

use std::io::Read;

use super::grid::{Cell, Row};
use crate::error::{Error, Location, Result};

/// Rows of a delimited input, streamed.
pub struct DelimitedRows {
    reader: csv::Reader<Box<dyn Read>>,
    record: csv::ByteRecord,
    name: String,
    lossy_bytes: bool,
}

impl DelimitedRows {
    /// Reads `reader` (UTF-8 bytes), choosing the delimiter from `head`. `transcoded` says the
    /// bytes came through a decoder, where an invalid sequence shows as U+FFFD.
    pub fn new(reader: Box<dyn Read>, head: &[u8], name: &str, transcoded: bool) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sniff_delimiter(head))
            .from_reader(reader);
        DelimitedRows {
            reader,
            record: csv::ByteRecord::new(),
            name: name.to_string(),
            lossy_bytes: transcoded,
        }
    }

    fn row(&self) -> Result<Row> {
        let line = self.record.position().map_or(0, |p| p.line());
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
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(self.row()),
            Err(err) => Some(Err(csv_error(&err, &self.name))),
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
    use super::sniff_delimiter;

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
