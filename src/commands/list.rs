//! `plan list`: the plan's targets.

use crate::cli::{Format, ListArgs};
use crate::error::{Error, Location, Message, Result, UsageProblem};
use crate::render::{list_json, list_table};

use super::Output;

/// Runs `plan list`.
pub fn list(args: &ListArgs) -> Result<Output> {
    let plan = super::load(&args.plan)?;
    let lang = super::lang(&args.look);
    let mut stdout = Vec::new();
    match args.format {
        Format::Table => list_table(&plan, &super::table(&args.look), &mut stdout),
        Format::Json => list_json(&plan, lang, &mut stdout),
        other => {
            return Err(Error::read(
                Location::option("--format"),
                Message::Usage(UsageProblem::FormatNotWritten {
                    command: "plan list",
                    format: other,
                }),
            ))
        }
    }
    .expect("writing to memory cannot fail");
    Ok(Output::success(stdout))
}
