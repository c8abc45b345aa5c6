//! A command line, an output file, or standard input and output used in a way that cannot work.
//! Typed here; worded in each language in `render/errors/usage.rs`.

use super::{IoProblem, Named};
use crate::cli::Format;
use crate::period::Period;

/// A command line, an output file, or standard input and output used in a way that cannot work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    /// An output file that cannot be written, for the system's reason.
    CannotWrite(IoProblem),
    /// An output named that is a directory.
    OutputIsADirectory,
    /// An output path that names no file (`/`, `..`).
    NotAFileName,
    /// An output that is one of the inputs: `None` for standard input, else the input as named.
    OutputIsAnInput { input: Option<String> },
    /// An output file that is read-only.
    OutputReadOnly,
    /// Standard input (`-`) named more than once.
    StdinTwice,
    /// A file named twice: the first name it had (`None` for standard input).
    FileTwice { first: Option<String> },
    /// A format a command does not write: the command (`plan list`) and the format asked for.
    FormatNotWritten {
        command: &'static str,
        format: Format,
    },
    /// `--period` that is not a period, as written.
    NotAPeriod { text: String },
    /// `--period` outside the plan year.
    PeriodNotInYear { period: Period, year: i32 },
    /// `--period` outside the years a plan over years checks (after its base year, up to its
    /// target year).
    PeriodNotInHorizon {
        period: Period,
        base: i32,
        target: i32,
    },
    /// `--encoding` naming no encoding known.
    UnknownEncoding { name: String },
    /// `plan show` naming no target: the name as given and the closest targets.
    NoSuchTarget { name: String, closest: Vec<Named> },
    /// `--history` with a format other than table or json.
    HistoryFormat,
    /// The template workbook could not be built, in the workbook writer's words.
    TemplateWorkbook { reason: String },
    /// A workbook asked for on a terminal.
    WorkbookToTerminal,
    /// `--wide` or `--columns` where they would be ignored: with another format than table,
    /// with `--history`, or together. `flag` is the one given (the first of the two).
    LayoutUnused { flag: &'static str, both: bool },
    /// `--by` with `--wide` or `--columns` (`layout`), which show one row per target in plan
    /// order.
    ByWithLayout { layout: &'static str },
}
