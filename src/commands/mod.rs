//! One module per subcommand. Each returns the bytes to print and the exit status, so nothing is
//! printed before the whole result is ready.

mod check;
mod generate;
mod list;
mod show;
mod template;
mod validate;

pub use check::check;
pub use generate::{completions, man, schema};
pub use list::list;
pub use show::show;
pub use template::template;
pub use validate::validate;

use std::io::IsTerminal;

use crate::cli::{ColorChoice, LangArg, LookArgs, PlanArg, Style};
use std::path::PathBuf;

use crate::actuals::{encoding_by_name, Layout, ReadOptions};
use crate::cli::{InputArgs, LayoutArg};
use crate::error::{Error, Location, Message, Result, UsageProblem};
use crate::exit::ExitStatus;
use crate::figure::Figures;
use crate::period::{parse_period, Period};
use crate::plan::{load_embedded, load_plan_at, Plan};
use crate::render::Grouping;
use crate::render::{Lang, Table, TableStyle};
use crate::resolve::ResolveOptions;

/// What a command produced: the whole standard output and the exit status.
#[derive(Debug)]
pub struct Output {
    /// Everything to write to standard output.
    pub stdout: Vec<u8>,
    /// How the run ended.
    pub status: ExitStatus,
}

impl Output {
    /// A successful run that printed `stdout`.
    pub fn success(stdout: Vec<u8>) -> Output {
        Output {
            stdout,
            status: ExitStatus::Success,
        }
    }
}

/// Loads the plan named by `--plan`, or the built-in one.
pub(crate) fn load(arg: &PlanArg) -> Result<Plan> {
    match &arg.path {
        Some(path) => {
            let (name, text) = crate::actuals::read_to_string(path)?;
            let origin = match path.as_os_str() == "-" {
                true => Location::stdin(),
                false => Location::file(name),
            };
            load_plan_at(&text, origin)
        }
        None => load_embedded(),
    }
}

/// The language asked for, or the environment's.
/// The language a run's messages are in: the command's `--lang`, else the environment's.
pub fn lang_of(cli: &crate::cli::Cli) -> Lang {
    use crate::cli::Command;
    match &cli.command {
        Command::Check(args) => lang(&args.look),
        Command::Show(args) => lang(&args.look),
        Command::List(args) => lang(&args.look),
        _ => Lang::from_env(),
    }
}

pub(crate) fn lang(look: &LookArgs) -> Lang {
    match look.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    }
}

/// The table renderer for `--style`, `--color` and `--lang`, on this process's standard output.
pub(crate) fn table(look: &LookArgs) -> Table {
    table_for(look, false)
}

/// The table renderer; `to_file` for a report written with --output, which takes neither the
/// terminal's colour nor its width.
pub(crate) fn table_for(look: &LookArgs, to_file: bool) -> Table {
    let terminal = !to_file && std::io::stdout().is_terminal();
    let color = match look.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let width = if terminal {
        terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0)
    } else {
        None
    };
    // Piped or written to a file: COLUMNS when set, as shells export it, else 100.
    let columns = width
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .filter(|&w: &u16| w > 0)
        })
        .unwrap_or(100);
    let style = match look.style {
        Style::Ascii => TableStyle::Ascii,
        Style::Utf8 => TableStyle::Utf8,
    };
    Table {
        style,
        color,
        width,
        columns,
        wide: false,
        pick: Vec::new(),
        lang: lang(look),
        grouping: Grouping::Status,
    }
}

/// `--period`: a period of a checked year; the check runs as of its last month.
pub(crate) fn period_arg(plan: &Plan, text: &str) -> Result<Period> {
    let at = Location::option("--period");
    let period = parse_period(text).ok_or_else(|| {
        Error::actuals(
            at.clone(),
            Message::Usage(UsageProblem::NotAPeriod {
                text: text.to_string(),
            }),
        )
    })?;
    let horizon = plan.horizon;
    if !horizon.checks(period.year) {
        let problem = match horizon.is_multi_year() {
            true => UsageProblem::PeriodNotInHorizon {
                period,
                base: horizon.base,
                target: horizon.target,
            },
            false => UsageProblem::PeriodNotInYear {
                period,
                year: horizon.target,
            },
        };
        return Err(Error::actuals(at, Message::Usage(problem)));
    }
    Ok(Period::to_date(period.year, period.last).unwrap_or(period))
}

/// Reads every file named, with the options `--encoding`, `--sheet`, `--layout` and
/// `--ignore-unknown` give.
pub(crate) fn read_figures(
    plan: &Plan,
    paths: &[PathBuf],
    plan_path: &Option<PathBuf>,
    input: &InputArgs,
) -> Result<Figures> {
    let encoding = match &input.encoding {
        None => None,
        Some(name) => Some(encoding_by_name(name).ok_or_else(|| {
            Error::actuals(
                Location::option("--encoding"),
                Message::Usage(UsageProblem::UnknownEncoding { name: name.clone() }),
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
        default_year: plan.horizon.target,
        header_row: input.header_row,
    };
    let resolve = ResolveOptions {
        ignore_unknown: input.ignore_unknown,
    };
    crate::ingest::read_all(plan, paths, plan_path.as_deref(), &options, resolve)
}
