//! Text read in chunks and checked as UTF-8 in bulk (SIMD, once per 64 KiB read), so the fields
//! cut out of it later need no check of their own. What has been consumed is dropped at each
//! read, so memory stays two chunks whatever the file's size.

use std::io::Read;

use crate::error::{Error, Location, Result};

/// How much is read at a time: small enough that the read buffer and the text it is copied
/// into stay in a core's L2 cache while they are parsed.
pub const CHUNK: usize = 1 << 16;

/// Why no more text could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The end of the input.
    End,
    /// Bytes that are not UTF-8 follow (or a character cut off by the end of the input).
    Invalid,
}

/// Checked text over a reader: `text()[pos..]` is not consumed yet.
pub struct CheckedText {
    reader: Box<dyn Read>,
    name: String,
    text: String,
    pos: usize,
    /// Bytes read but not yet in `text`: a character cut at a read's end, or invalid bytes.
    pending: Vec<u8>,
    pending_len: usize,
    /// `pending` starts with bytes that are not UTF-8.
    invalid: bool,
    eof: bool,
    /// Bytes dropped from the front of `text` so far: `base + pos` is the stream position.
    base: u64,
    /// A quote (`"`) was read somewhere.
    saw_quote: bool,
}

impl CheckedText {
    /// Text from `reader`; `name` is the file's, for read errors.
    pub fn new(reader: Box<dyn Read>, name: &str) -> Self {
        CheckedText {
            reader,
            name: name.to_string(),
            text: String::with_capacity(CHUNK * 2),
            pos: 0,
            pending: Vec::new(),
            pending_len: 0,
            invalid: false,
            eof: false,
            base: 0,
            saw_quote: false,
        }
    }

    /// The text not consumed yet, as bytes: what is consumed may end inside a character.
    #[inline]
    pub fn rest(&self) -> &[u8] {
        &self.text.as_bytes()[self.pos..]
    }

    /// All text held, consumed or not: `rest()` starts at `pos()`.
    #[inline]
    pub fn held(&self) -> &str {
        &self.text
    }

    /// Where `rest()` starts in `held()`.
    #[inline]
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Marks `n` more bytes consumed.
    #[inline]
    pub fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.text.len());
    }

    /// The stream position of `rest()`.
    pub fn position(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// True once a quote was read anywhere.
    pub fn saw_quote(&self) -> bool {
        self.saw_quote
    }

    /// Reads more text after `rest()`, dropping what was consumed; `Err(Stop)` when there is no
    /// more text: the input ended, or the next bytes are not UTF-8.
    pub fn fill(&mut self) -> Result<std::result::Result<(), Stop>> {
        if self.invalid {
            return Ok(Err(Stop::Invalid));
        }
        if self.eof {
            return Ok(Err(self.stop_at_end()));
        }
        // Consumed text is dropped up to the character `pos` is in: the CSV core may stop
        // inside one when its output is full.
        let cut = (0..=self.pos)
            .rev()
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(0);
        if cut > 0 {
            self.text.drain(..cut);
            self.base += cut as u64;
            self.pos -= cut;
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
                    return Ok(Err(self.stop_at_end()));
                }
                Ok(n) => {
                    self.saw_quote |= memchr::memchr(b'"', &self.pending[held..held + n]).is_some();
                    self.pending_len = held + n;
                    break;
                }
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                Err(err) => return Err(Error::unreadable(Location::file(&self.name), &err)),
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
        if valid == 0 {
            // Nothing new: bad bytes, or a character cut by a short read (read again).
            return match self.invalid {
                true => Ok(Err(Stop::Invalid)),
                false => self.fill(),
            };
        }
        Ok(Ok(()))
    }

    /// At the end of the input: a character cut off by it is invalid.
    fn stop_at_end(&mut self) -> Stop {
        if self.pending_len > 0 {
            self.invalid = true;
            Stop::Invalid
        } else {
            Stop::End
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives one byte at a time, so characters are cut at every read.
    struct Trickle(std::io::Cursor<Vec<u8>>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(1);
            self.0.read(&mut buf[..n])
        }
    }

    fn all(bytes: &[u8]) -> (String, Stop) {
        let mut text =
            CheckedText::new(Box::new(Trickle(std::io::Cursor::new(bytes.to_vec()))), "t");
        let mut out = String::new();
        loop {
            match text.fill().unwrap() {
                Ok(()) => {
                    out.push_str(std::str::from_utf8(text.rest()).unwrap());
                    let n = text.rest().len();
                    text.consume(n);
                }
                Err(stop) => return (out, stop),
            }
        }
    }

    #[test]
    fn characters_cut_at_every_read_come_out_whole() {
        assert_eq!(
            all("技术,1\n".as_bytes()),
            ("技术,1\n".to_string(), Stop::End)
        );
        assert_eq!(all(b"ab\xFFcd"), ("ab".to_string(), Stop::Invalid));
        assert_eq!(
            all("a技".as_bytes()[..3].as_ref()),
            ("a".to_string(), Stop::Invalid)
        );
    }
}
