//! `plan check`: read actual figures, match them to the plan, evaluate, render.

use std::path::{Path, PathBuf};

use crate::cli::{CheckArgs, Format};
use crate::error::{Error, Location, Message, Result, UsageProblem};
use crate::evaluate::{evaluate, latest_period, periods_present, Evaluation};
use crate::exit::ExitStatus;
use crate::output::write_atomically;
use crate::render::{history_json, history_table, Csv, Html, Json, Junit, Markdown, Render};

use super::Output;

/// `--wide` and `--columns` shape the table; with another format, or with `--history`, they
/// would be ignored, so they are refused.
fn refuse_unused_layout(args: &CheckArgs) -> Result<()> {
    if args.by.is_some() {
        let layout = match (args.wide, args.columns.is_empty()) {
            (true, _) => Some("--wide"),
            (false, false) => Some("--columns"),
            (false, true) => None,
        };
        if let Some(layout) = layout {
            return Err(Error::read(
                Location::option("--by"),
                Message::Usage(UsageProblem::ByWithLayout { layout }),
            ));
        }
        if args.history || args.format != Format::Table {
            return Err(Error::read(
                Location::option("--by"),
                Message::Usage(UsageProblem::LayoutUnused {
                    flag: "--by",
                    both: false,
                }),
            ));
        }
    }
    let flag = match (args.wide, args.columns.is_empty()) {
        (true, _) => "--wide",
        (false, false) => "--columns",
        (false, true) => return Ok(()),
    };
    let both = args.wide && !args.columns.is_empty();
    if args.history || args.format != Format::Table || both {
        return Err(Error::read(
            Location::option(flag),
            Message::Usage(UsageProblem::LayoutUnused { flag, both }),
        ));
    }
    Ok(())
}

/// Runs `plan check`.
pub fn check(args: &CheckArgs) -> Result<Output> {
    refuse_unused_layout(args)?;
    if let Some(output) = &args.output {
        let inputs: Vec<&Path> = args
            .actuals
            .iter()
            .chain(&args.plan.path)
            .map(PathBuf::as_path)
            .collect();
        crate::output::guard_output(output, &inputs)?;
    }
    let plan = super::load(&args.plan)?;
    let as_of = args
        .period
        .as_deref()
        .map(|text| super::period_arg(&plan, text))
        .transpose()?;
    let figures = super::read_figures(&plan, &args.actuals, &args.plan.path, &args.input)?;
    let lang = super::lang(&args.look);
    let mut report = Vec::new();
    if args.history {
        // Every period present up to the one checked, which is always the last column.
        let last = as_of.unwrap_or_else(|| latest_period(&plan, &figures));
        let mut periods = periods_present(&plan, &figures);
        periods.retain(|p| (p.year, p.last) < (last.year, last.last));
        periods.push(last);
        let evaluations: Vec<Evaluation> = periods
            .iter()
            .map(|p| evaluate(&plan, &figures, *p))
            .collect();
        // The warnings of the period checked: the same as the plain check's.
        let warnings = evaluations
            .last()
            .map(|e| e.warnings.clone())
            .unwrap_or_default();
        let table = super::table_for(&args.look, args.output.is_some());
        match args.format {
            Format::Table => history_table(&plan, &evaluations, &warnings, &table, &mut report),
            Format::Json => history_json(&plan, &evaluations, &warnings, lang, &mut report),
            _ => {
                return Err(Error::read(
                    Location::option("--history"),
                    Message::Usage(UsageProblem::HistoryFormat),
                ))
            }
        }
        .expect("writing to memory cannot fail");
        let status = evaluations.last().map_or(ExitStatus::Success, |e| {
            e.exit_status(args.allow_missing, args.strict)
        });
        return deliver(report, status, args.output.as_deref());
    }
    let as_of = as_of.unwrap_or_else(|| latest_period(&plan, &figures));
    let evaluation = evaluate(&plan, &figures, as_of);
    let renderer: Box<dyn Render> = match args.format {
        Format::Table => Box::new(crate::render::Table {
            wide: args.wide,
            pick: args.columns.iter().map(|c| *c as usize).collect(),
            grouping: match args.by {
                Some(crate::cli::ByArg::Owner) => crate::render::Grouping::Owner,
                Some(crate::cli::ByArg::Region) => crate::render::Grouping::Region,
                None => crate::render::Grouping::Status,
            },
            ..super::table_for(&args.look, args.output.is_some())
        }),
        Format::Json => Box::new(Json { lang }),
        Format::Csv => Box::new(Csv { lang }),
        Format::Markdown => Box::new(Markdown { lang }),
        Format::Junit => Box::new(Junit { lang }),
        Format::Html => Box::new(Html { lang }),
    };
    renderer
        .render(&evaluation, &mut report)
        .expect("writing to memory cannot fail");
    deliver(
        report,
        evaluation.exit_status(args.allow_missing, args.strict),
        args.output.as_deref(),
    )
}

/// The report on standard output, or written whole to `--output` (then nothing is printed).
fn deliver(report: Vec<u8>, status: ExitStatus, output: Option<&Path>) -> Result<Output> {
    match output {
        Some(path) => {
            write_atomically(path, &report)?;
            Ok(Output {
                stdout: Vec::new(),
                status,
            })
        }
        None => Ok(Output {
            stdout: report,
            status,
        }),
    }
}
