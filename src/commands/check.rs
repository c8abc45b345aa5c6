//! `plan check`: read actual figures, match them to the plan, evaluate, render.

use std::path::{Path, PathBuf};

use crate::actuals::{encoding_by_name, Layout, ReadOptions};
use crate::cli::{CheckArgs, Format, InputArgs, LayoutArg};
use crate::error::{shorten, Error, Location, Result};
use crate::evaluate::{evaluate, latest_period, periods_present, Evaluation};
use crate::exit::ExitStatus;
use crate::figure::Figures;
use crate::output::write_atomically;
use crate::period::{parse_period, Period};
use crate::plan::Plan;
use crate::render::{history_json, history_table, Csv, Html, Json, Junit, Markdown, Render};
use crate::resolve::ResolveOptions;

use super::Output;

/// Runs `plan check`.
pub fn check(args: &CheckArgs) -> Result<Output> {
    if let Some(output) = &args.output {
        let inputs: Vec<&Path> = args
            .actuals
            .iter()
            .chain(&args.plan.path)
            .map(PathBuf::as_path)
            .collect();
        if crate::output::is_an_input(output, &inputs) {
            return Err(Error::read(
                Location::file(output.display().to_string()),
                "is one of the inputs; expected another file for the report",
            ));
        }
    }
    let plan = super::load(&args.plan)?;
    let as_of = args
        .period
        .as_deref()
        .map(|text| period_arg(&plan, text))
        .transpose()?;
    let figures = read_all(&plan, &args.actuals, &args.plan.path, &args.input)?;
    let lang = super::lang(&args.look);
    let mut report = Vec::new();
    if args.history {
        // Every period present up to the one checked, which is always the last column.
        let last = as_of.unwrap_or_else(|| latest_period(&plan, &figures));
        let mut periods = periods_present(&plan, &figures);
        periods.retain(|p| p.last < last.last);
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
            Format::Json => history_json(&plan, &evaluations, &warnings, &mut report),
            _ => return Err(Error::read(
                Location::file("--history"),
                "a history is written as a table or json; expected --format table or --format json",
            )),
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
        Format::Table => Box::new(super::table_for(&args.look, args.output.is_some())),
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

/// `--period`: a period of the plan year; the check runs as of its last month.
pub(crate) fn period_arg(plan: &Plan, text: &str) -> Result<Period> {
    let at = Location::file("--period");
    let period = parse_period(text).ok_or_else(|| {
        Error::actuals(
            at.clone(),
            format!(
                "`{}` is not a period; expected one such as 2020Q3, 2020年1-9月, 2020H1, 2020-09 or 2020",
                shorten(text)
            ),
        )
    })?;
    if period.year != plan.year {
        return Err(Error::actuals(
            at,
            format!(
                "{period} is not in the plan year {}; expected a period of {}",
                plan.year, plan.year
            ),
        ));
    }
    Ok(Period::to_date(plan.year, period.last).unwrap_or(period))
}

/// Reads every file named, with the options `--encoding`, `--sheet`, `--layout` and
/// `--ignore-unknown` give.
pub(crate) fn read_all(
    plan: &Plan,
    paths: &[PathBuf],
    plan_path: &Option<PathBuf>,
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
    let resolve = ResolveOptions {
        ignore_unknown: input.ignore_unknown,
    };
    crate::ingest::read_all(plan, paths, plan_path.as_deref(), &options, resolve)
}
