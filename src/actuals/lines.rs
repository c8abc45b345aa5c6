//! Line numbers as an editor shows them: a line ends at `\n`, `\r\n` or a lone `\r` (a classic
//! Mac file), the same three terminators the CSV core (csv-core's `Terminator::CRLF`) ends a
//! record at. Counted over the bytes the reader consumes, including line breaks inside quoted
//! fields and blank lines, so every location names the line a person would go to.

/// A running line count over consecutive bytes of one stream.
#[derive(Debug, Clone, Copy)]
pub struct Lines {
    /// The 1-based line of the next byte.
    pub line: u64,
    /// The last byte counted was `\r`: a `\n` right after it ends the same line.
    after_cr: bool,
}

impl Lines {
    /// A count that starts at `line`, at the start of a line.
    pub fn at(line: u64) -> Self {
        Lines {
            line,
            after_cr: false,
        }
    }

    /// True when the last byte counted was a `\r`.
    #[inline]
    pub fn after_cr(&self) -> bool {
        self.after_cr
    }

    /// Counts one line break byte (`\r` or `\n`).
    #[inline]
    pub fn count_break(&mut self, byte: u8) {
        if byte == b'\r' {
            self.line += 1;
            self.after_cr = true;
        } else {
            self.line += u64::from(!self.after_cr);
            self.after_cr = false;
        }
    }

    /// Counts the line break `byte` that ends a line with something on it.
    #[inline]
    pub fn end_line(&mut self, byte: u8) {
        self.after_cr = false;
        self.count_break(byte);
    }

    /// Counts the line breaks of `bytes`; returns the line of the first byte that is not a line
    /// break, if there is one.
    pub fn count(&mut self, bytes: &[u8]) -> Option<u64> {
        let mut first = None;
        let mut from = 0;
        for at in memchr::memchr2_iter(b'\r', b'\n', bytes) {
            if at > from {
                self.after_cr = false;
                first = first.or(Some(self.line));
            }
            self.count_break(bytes[at]);
            from = at + 1;
        }
        if from < bytes.len() {
            self.after_cr = false;
            first = first.or(Some(self.line));
        }
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> (u64, Option<u64>) {
        let mut lines = Lines::at(1);
        let first = lines.count(bytes);
        (lines.line, first)
    }

    #[test]
    fn each_kind_of_line_break_counts_once() {
        assert_eq!(lines(b"a\nb\n"), (3, Some(1)));
        assert_eq!(lines(b"a\r\nb\r\n"), (3, Some(1)));
        assert_eq!(lines(b"a\rb\r"), (3, Some(1)));
        assert_eq!(lines(b"\n\r\n\ra"), (4, Some(4)));
        assert_eq!(lines(b"\r\n\r\n"), (3, None));
        assert_eq!(lines(b"\n\r"), (3, None));
    }

    #[test]
    fn a_crlf_split_between_two_counts_is_one_break() {
        let mut lines = Lines::at(1);
        lines.count(b"a\r");
        assert_eq!(lines.count(b"\nb"), Some(2));
        assert_eq!(lines.line, 2);
    }
}
