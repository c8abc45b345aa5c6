//! `plan check`: read actual figures, match them to the plan, evaluate, render.

use crate::actuals::{open_input, read_csv};
use crate::cli::{CheckArgs, Format};
use crate::error::Result;
use crate::evaluate::evaluate;
use crate::render::{Json, Render};
use crate::resolve::resolve;

use super::Output;

/// Runs `plan check`.
pub fn check(args: &CheckArgs) -> Result<Output> {
    let plan = super::load(&args.plan)?;
    let mut observations = Vec::new();
    for path in &args.actuals {
        let input = open_input(path)?;
        observations.extend(read_csv(input.reader, &input.name, plan.year)?);
    }
    let figures = resolve(&plan, &observations)?;
    let evaluation = evaluate(&plan, &figures);
    let renderer: Box<dyn Render> = match args.format {
        Format::Table => Box::new(super::table(&args.look)),
        Format::Json => Box::new(Json),
    };
    let mut stdout = Vec::new();
    renderer
        .render(&evaluation, &mut stdout)
        .expect("writing to memory cannot fail");
    Ok(Output {
        stdout,
        status: evaluation.exit_status(args.allow_missing),
    })
}
