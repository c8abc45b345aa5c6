//! `plan template`: write a file to fill in.

use std::io::IsTerminal;

use crate::cli::{LayoutArg, TemplateArgs, TemplateFormat};
use crate::error::{Error, Location, Message, Place, Result, UsageProblem};
use crate::exit::ExitStatus;
use crate::output::write_atomically;
use crate::render::{template_csv, template_xlsx};

use super::Output;

/// Runs `plan template`.
pub fn template(args: &TemplateArgs) -> Result<Output> {
    let plan = super::load(&args.plan)?;
    let wide = args.layout == LayoutArg::Wide;
    let period = match &args.period {
        Some(text) => Some(super::period_arg(&plan, text)?),
        None => None,
    };
    let bytes = match args.format {
        TemplateFormat::Csv => template_csv(&plan, wide, period),
        TemplateFormat::Xlsx => template_xlsx(&plan, wide, period).map_err(|err| {
            Error::read(
                Location::special(Place::Template),
                Message::Usage(UsageProblem::TemplateWorkbook {
                    reason: err.to_string(),
                }),
            )
        })?,
    };
    match &args.output {
        Some(path) => {
            let inputs: Vec<&std::path::Path> =
                args.plan.path.iter().map(|p| p.as_path()).collect();
            crate::output::guard_output(path, &inputs)?;
            write_atomically(path, &bytes)?;
            Ok(Output {
                stdout: Vec::new(),
                status: ExitStatus::Success,
            })
        }
        None if args.format == TemplateFormat::Xlsx && std::io::stdout().is_terminal() => {
            Err(Error::read(
                Location::special(Place::Stdout),
                Message::Usage(UsageProblem::WorkbookToTerminal),
            ))
        }
        None => Ok(Output {
            stdout: bytes,
            status: ExitStatus::Success,
        }),
    }
}
