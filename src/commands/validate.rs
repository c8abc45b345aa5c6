//! `plan validate`: check a plan file without any figures.

use crate::cli::{PlanArg, ValidateArgs};
use crate::error::Result;
use crate::exit::ExitStatus;

use super::Output;

/// Runs `plan validate`: prints a one-line confirmation, or fails with the plan's first error.
pub fn validate(args: &ValidateArgs) -> Result<Output> {
    let plan = super::load(&PlanArg {
        path: args.file.clone(),
    })?;
    let name = args
        .file
        .as_ref()
        .map_or(crate::plan::EMBEDDED_PLAN_NAME.to_string(), |p| {
            p.display().to_string()
        });
    let milestones = plan
        .targets
        .iter()
        .filter(|t| t.rule == crate::plan::Rule::Done)
        .count();
    let stdout = format!(
        "{name}: valid: {} targets ({} quantitative, {milestones} milestones) for {}\n",
        plan.targets.len(),
        plan.targets.len() - milestones,
        plan.year
    )
    .into_bytes();
    Ok(Output {
        stdout,
        status: ExitStatus::Success,
    })
}
