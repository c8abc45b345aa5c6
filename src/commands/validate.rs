//! `plan validate`: check a plan file without any figures.

use crate::cli::{PlanArg, ValidateArgs};
use crate::error::Result;
use crate::exit::ExitStatus;

use super::Output;
use crate::render::Lang;

/// Runs `plan validate`: prints a one-line confirmation, or fails with the plan's first error.
pub fn validate(args: &ValidateArgs) -> Result<Output> {
    let plan = super::load(&PlanArg {
        path: args.file.clone(),
    })?;
    let lang = Lang::from_env();
    let name = args.file.as_ref().map_or_else(
        || lang.place_name(crate::error::Place::EmbeddedPlan),
        |p| p.display().to_string(),
    );
    let milestones = plan
        .targets
        .iter()
        .filter(|t| t.rule == crate::plan::Rule::Done)
        .count();
    let (all, numbers) = (plan.targets.len(), plan.targets.len() - milestones);
    let horizon = plan.horizon;
    let years = match (lang, horizon.is_multi_year()) {
        (Lang::En, true) => format!("{} to {}", horizon.base, horizon.target),
        (Lang::Zh, true) => format!("{}—{} 年", horizon.base, horizon.target),
        (Lang::En, false) => horizon.target.to_string(),
        (Lang::Zh, false) => format!("{} 年", horizon.target),
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let stdout = match lang {
        Lang::En => format!(
            "{name}: valid: {all} target{} ({numbers} quantitative, {milestones} milestone{}) for \
             {years}\n",
            plural(all),
            plural(milestones)
        ),
        Lang::Zh => format!(
            "{name}：有效：{years}共 {all} 项目标（定量 {numbers} 项，里程碑 {milestones} 项）\n"
        ),
    }
    .into_bytes();
    Ok(Output {
        stdout,
        status: ExitStatus::Success,
    })
}
