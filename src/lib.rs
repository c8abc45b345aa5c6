//! `plan` checks the quantitative targets of a work plan against actual figures.
//!
//! The flow runs one way, each stage in its own module with plain types between them:
//! [`plan`] (YAML -> [`plan::Plan`]) -> [`actuals`] (CSV -> [`actuals::Observation`]s, every
//! input read once by [`ingest`]) ->
//! [`resolve`] (names -> targets, text -> exact [`figure::Figures`]) -> [`evaluate`] (pure: rules
//! -> statuses) -> [`render`] (one module per output format).

pub mod actuals;
pub mod cli;
pub mod commands;
pub mod error;
pub mod evaluate;
pub mod exit;
pub mod figure;
pub mod ingest;
pub mod names;
pub mod number;
pub mod output;
pub mod period;
pub mod plan;
pub mod render;
pub mod resolve;
pub mod stdio;
pub mod units;
pub mod warning;

pub use error::{Error, Location};
pub use exit::ExitStatus;

use cli::{Cli, Command};

/// Runs a parsed command line: the bytes for standard output and the exit status.
pub fn run(cli: &Cli) -> error::Result<commands::Output> {
    match &cli.command {
        Command::Check(args) => commands::check(args),
        Command::List(args) => commands::list(args),
        Command::Validate(args) => commands::validate(args),
        Command::Template(args) => commands::template(args),
        Command::Show(args) => commands::show(args),
        Command::Schema => commands::schema(),
        Command::Completions(args) => commands::completions(args),
        Command::Man => commands::man(),
        Command::ReadWorkbook { sheet } => Ok(commands::Output::success(actuals::serve_workbook(
            sheet.as_deref(),
        ))),
    }
}
