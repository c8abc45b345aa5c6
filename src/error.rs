//! Typed errors of the library. Each one says where (file, line, column), what was found and
//! what was expected; the binary prints it once and exits with status 2.

pub(crate) use data::clipped;
pub use data::{NumberProblem, SheetState, UnfitReason, Utf8Case};
pub use message::{
    DataProblem, HorizonProblem, Invisible, IoProblem, Message, Named, PlanProblem, Relation,
    Settled, TargetProblem, UsageProblem, Wanted,
};

mod data;
mod message;
mod plan;
mod usage;

use std::fmt;

/// A place in an input file: the file's name as the user gave it, and the line and column where
/// known (both 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The path as given on the command line, `<stdin>` or `<embedded plan.yaml>`.
    pub file: String,
    /// 1-based line number.
    pub line: Option<u64>,
    /// 1-based column number (a CSV field index for tabular data).
    pub column: Option<u64>,
    /// The worksheet, for workbooks: the place is then written as `Sheet1!B3`.
    pub sheet: Option<String>,
    /// What the place is when it is not a file a user named (standard input, an option ...):
    /// worded in each language by the renderer; `file` then holds its English name.
    pub place: Option<Place>,
}

/// The name an input read from standard input (`-`) goes by in the readers.
pub const STDIN_NAME: &str = "<stdin>";

/// A place that is not a file a user named: standard input and output, the built-in plan, an
/// option or a command of the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Standard input (`-`), as the name of an input: `<stdin>`.
    Stdin,
    /// Standard output, as the name of an output: `<stdout>`.
    Stdout,
    /// Standard output itself, closed or a terminal: `standard output`.
    StandardOutput,
    /// The template being built: `<template>`.
    Template,
    /// The plan built into the binary.
    EmbeddedPlan,
    /// A command, such as `plan show`.
    Command(&'static str),
    /// An option of the command line, such as `--period`.
    Option(&'static str),
}

impl Location {
    /// A whole file, no line known.
    ///
    /// The readers of actual figures carry an input's name as text, and name standard input
    /// [`STDIN_NAME`]; a place of that name is standard input, worded in each language.
    pub fn file(file: impl Into<String>) -> Self {
        let file = file.into();
        let place = (file == STDIN_NAME).then_some(Place::Stdin);
        Location {
            file,
            line: None,
            column: None,
            sheet: None,
            place,
        }
    }

    /// A place that is not a file a user named, under its English name.
    pub fn special(place: Place) -> Self {
        Location {
            place: Some(place),
            ..Location::file(crate::render::Lang::En.place_name(place))
        }
    }

    /// Standard input, as the name of an input.
    pub fn stdin() -> Self {
        Location::special(Place::Stdin)
    }

    /// An option of the command line, such as `--period`.
    pub fn option(name: &'static str) -> Self {
        Location::special(Place::Option(name))
    }

    /// A line of a file.
    pub fn line(file: impl Into<String>, line: u64) -> Self {
        Location {
            line: Some(line),
            ..Location::file(file)
        }
    }

    /// A line and column of a file.
    pub fn at(file: impl Into<String>, line: u64, column: u64) -> Self {
        Location {
            line: Some(line),
            column: Some(column),
            ..Location::file(file)
        }
    }

    /// The same place, at `line`.
    pub fn with_line(&self, line: u64) -> Self {
        Location {
            line: Some(line),
            ..self.clone()
        }
    }

    /// The same place, at `column`.
    pub fn with_column(&self, column: u64) -> Self {
        Location {
            column: Some(column),
            ..self.clone()
        }
    }
}

impl Location {
    /// The place as written, with `file` for its file's name: `a.csv:3:2`, `b.xlsx:Sheet1!B3`.
    pub fn written_as(&self, file: &str) -> String {
        let mut text = String::new();
        let _ = self.write_as(file, &mut text);
        text
    }

    fn write_as(&self, file: &str, f: &mut impl fmt::Write) -> fmt::Result {
        write!(f, "{file}")?;
        if let Some(sheet) = &self.sheet {
            write!(f, ":{sheet}")?;
            if self.line.is_some() || self.column.is_some() {
                write!(f, "!")?;
            }
            if let Some(column) = self.column {
                write!(f, "{}", column_letters(column))?;
            }
            if let Some(line) = self.line {
                write!(f, "{line}")?;
            }
            return Ok(());
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_as(&self.file, f)
    }
}

/// Text from an input, shortened for an error message: at most 60 characters, the middle
/// replaced by `…`, so a 100 MB cell does not flood the terminal; control and invisible
/// characters shown escaped (`\u{1b}`, `\u{200b}`), so a terminal escape in a cell cannot
/// retitle or clear the user's terminal, and two names that differ only by an invisible
/// character do not look alike.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    let count = text.chars().count();
    if count <= MAX {
        return escaped(text.chars());
    }
    let head = escaped(text.chars().take(MAX / 2));
    let tail = escaped(text.chars().skip(count - MAX / 2 + 1));
    format!("{head}…{tail}")
}

/// `chars` with control and invisible characters written as `\u{…}`.
fn escaped(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for c in chars {
        if is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The first control or invisible character of `text` (what makes it look like another name),
/// where it is (the 1-based character), and how many more it holds. `None` when it holds none.
///
/// ```
/// use plan::error::invisible_in;
///
/// let found = invisible_in("技术合同\u{200b}成交额").unwrap();
/// assert_eq!((found.c, found.at, found.more), ('\u{200b}', 5, 0));
/// assert_eq!(invisible_in("技术合同成交额"), None);
/// ```
pub fn invisible_in(text: &str) -> Option<Invisible> {
    let mut found = text.chars().enumerate().filter(|(_, c)| is_invisible(*c));
    let (at, c) = found.next()?;
    Some(Invisible {
        c,
        at: at + 1,
        more: found.count(),
    })
}

/// `text` without its control and invisible characters: what a reader sees.
pub fn visible(text: &str) -> String {
    text.chars().filter(|c| !is_invisible(*c)).collect()
}

/// Control characters, and the characters that take no space or turn text around: zero-width
/// spaces and joiners, bidirectional marks and overrides, the byte-order mark, the soft hyphen.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// A spreadsheet column name: 1 -> A, 27 -> AA.
pub fn column_letters(mut column: u64) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = ((column - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        column = (column - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Everything that makes a run invalid (exit status 2): what kind of input was wrong, where,
/// and what was found and expected. Boxed, so a `Result` stays as small as its value: results
/// pass through the per-row path of a million-row file.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", .0.at, crate::render::Lang::En.message(&.0.message))]
pub struct Error(Box<Detail>);

/// The parts of an [`Error`].
#[derive(Debug)]
pub struct Detail {
    /// Which input was wrong.
    pub kind: ErrorKind,
    /// Where.
    pub at: Location,
    /// What was found and what was expected.
    pub message: Message,
    /// The errors found after this one in the same run, when data errors are gathered (see
    /// [`Gathered`]), and how many more there were than are kept.
    also: Vec<Error>,
    unshown: u64,
}

/// Which input an [`Error`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be opened or read (missing, a directory, unreadable).
    Read,
    /// The plan file is malformed or inconsistent.
    Plan,
    /// A file of actual figures is malformed or does not fit the plan.
    Actuals,
}

impl Error {
    fn new(kind: ErrorKind, at: Location, message: impl Into<Message>) -> Self {
        Error(Box::new(Detail {
            kind,
            at,
            message: message.into(),
            also: Vec::new(),
            unshown: 0,
        }))
    }

    /// A plan error.
    pub fn plan(at: Location, message: impl Into<Message>) -> Self {
        Error::new(ErrorKind::Plan, at, message)
    }

    /// An actuals error.
    pub fn actuals(at: Location, message: impl Into<Message>) -> Self {
        Error::new(ErrorKind::Actuals, at, message)
    }

    /// A file that cannot be opened or read, for the system's reason `err`.
    pub fn unreadable(at: Location, err: &std::io::Error) -> Self {
        Error::new(ErrorKind::Read, at, Message::Unreadable(IoProblem::of(err)))
    }

    /// A read error.
    pub fn read(at: Location, message: impl Into<Message>) -> Self {
        Error::new(ErrorKind::Read, at, message)
    }

    /// Which input was wrong.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where.
    pub fn at(&self) -> &Location {
        &self.0.at
    }

    /// What was found and what was expected, in English.
    pub fn message(&self) -> String {
        crate::render::Lang::En.message(&self.0.message)
    }

    /// What was found and what was expected, as a value to word.
    pub fn said(&self) -> &Message {
        &self.0.message
    }

    /// This error and those gathered after it, in the order they were found.
    pub fn all(&self) -> impl Iterator<Item = &Error> {
        std::iter::once(self).chain(self.0.also.iter())
    }

    /// How many errors were found beyond those [`Error::all`] gives.
    pub fn unshown(&self) -> u64 {
        self.0.unshown
    }

    /// The error with the others (and the count of the unshown) taken out.
    fn split(mut self) -> (Error, Vec<Error>, u64) {
        let also = std::mem::take(&mut self.0.also);
        let unshown = std::mem::take(&mut self.0.unshown);
        (self, also, unshown)
    }
}

/// Data errors gathered over a whole input, so one run reports them all, as a compiler does: the
/// first [`Gathered::KEPT`] kept in order, the rest counted.
#[derive(Debug, Default)]
pub struct Gathered {
    errors: Vec<Error>,
    unshown: u64,
}

impl Gathered {
    /// How many errors are kept to be shown.
    pub const KEPT: usize = 50;

    /// Adds `err`, and the errors gathered with it.
    pub fn push(&mut self, err: Error) {
        let (first, also, unshown) = err.split();
        for err in std::iter::once(first).chain(also) {
            if self.errors.len() < Self::KEPT {
                self.errors.push(err);
            } else {
                self.unshown += 1;
            }
        }
        self.unshown += unshown;
    }

    /// True when nothing was gathered.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok` when nothing was gathered, else one error holding them all.
    pub fn into_result(self) -> Result<()> {
        let mut errors = self.errors.into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        first.0.also = errors.collect();
        first.0.unshown = self.unshown;
        Err(first)
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_people_write_them() {
        assert_eq!(Location::at("a.csv", 3, 2).to_string(), "a.csv:3:2");
        assert_eq!(Location::line("a.csv", 3).to_string(), "a.csv:3");
        let cell = Location {
            sheet: Some("Sheet1".into()),
            ..Location::at("b.xlsx", 3, 28)
        };
        assert_eq!(cell.to_string(), "b.xlsx:Sheet1!AB3");
        let sheet = Location {
            sheet: Some("Sheet1".into()),
            ..Location::file("b.xlsx")
        };
        assert_eq!(sheet.to_string(), "b.xlsx:Sheet1");
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(702), "ZZ");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn long_text_is_shortened_in_the_middle() {
        assert_eq!(shorten("2.20"), "2.20");
        let long = "a".repeat(30) + &"b".repeat(1000) + &"c".repeat(29);
        assert_eq!(shorten(&long), "a".repeat(30) + "…" + &"c".repeat(29));
        assert_eq!(shorten(&long).chars().count(), 60);
    }
}
