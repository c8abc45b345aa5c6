//! `plan list`: the plan's targets.

use crate::cli::{Format, ListArgs};
use crate::error::Result;
use crate::exit::ExitStatus;
use crate::render::{list_json, list_table};

use super::Output;

/// Runs `plan list`.
pub fn list(args: &ListArgs) -> Result<Output> {
    let plan = super::load(&args.plan)?;
    let mut stdout = Vec::new();
    match args.format {
        Format::Table => list_table(&plan, super::table(&args.look).style, &mut stdout),
        Format::Json => list_json(&plan, &mut stdout),
    }
    .expect("writing to memory cannot fail");
    Ok(Output {
        stdout,
        status: ExitStatus::Success,
    })
}
