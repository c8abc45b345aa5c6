//! `plan check`: read actual figures, match them to the plan, evaluate, render.

use crate::actuals::{encoding_by_name, read_actuals, Layout, ReadOptions};
use crate::cli::{CheckArgs, Format, InputArgs, LayoutArg};
use crate::error::{Error, Location, Result};
use crate::evaluate::evaluate;
use crate::figure::Figures;
use crate::plan::Plan;
use crate::render::{Json, Render};
use crate::resolve::{Collector, ResolveOptions};

use super::Output;

/// Runs `plan check`.
pub fn check(args: &CheckArgs) -> Result<Output> {
    let stdin_uses = args
        .actuals
        .iter()
        .chain(&args.plan.path)
        .filter(|p| p.as_os_str() == "-")
        .count();
    if stdin_uses > 1 {
        return Err(Error::read(
            Location::file("<stdin>"),
            "standard input (`-`) is named more than once; it can be read only once",
        ));
    }
    let plan = super::load(&args.plan)?;
    let figures = read_figures(&plan, &args.actuals, &args.input)?;
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

/// Reads every file and matches its figures to the plan's targets.
pub(crate) fn read_figures(
    plan: &Plan,
    paths: &[std::path::PathBuf],
    input: &InputArgs,
) -> Result<Figures> {
    let encoding = match &input.encoding {
        None => None,
        Some(name) => Some(encoding_by_name(name).ok_or_else(|| {
            Error::actuals(
                Location::file("--encoding"),
                format!(
                    "unknown encoding `{name}`; expected utf-8, gbk, gb18030, utf-16le or utf-16be"
                ),
            )
        })?),
    };
    let options = ReadOptions {
        encoding,
        sheet: input.sheet.clone(),
        layout: input.layout.map(|l| match l {
            LayoutArg::Long => Layout::Long,
            LayoutArg::Wide => Layout::Wide,
        }),
        default_year: plan.year,
    };
    let mut collector = Collector::new(
        plan,
        ResolveOptions {
            ignore_unknown: input.ignore_unknown,
        },
    );
    for path in paths {
        read_actuals(path, &options, &mut |obs| collector.add(obs))?;
    }
    Ok(collector.finish())
}
