//! The `plan` binary: parse the command line, run, print once, exit 0, 1 or 2.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use plan::cli::Cli;
use plan::ExitStatus;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Workbooks are read by this same program in a child process with capped memory.
    if let Ok(exe) = std::env::current_exe() {
        plan::actuals::use_workbook_helper(exe);
    }
    match run(&cli) {
        Ok(status) => status.into(),
        Err(err) => {
            report(&err, plan::commands::lang_of(&cli));
            ExitStatus::Error.into()
        }
    }
}

/// Prints an error in the run's language; data errors gathered over the input one to a line,
/// as a compiler does, with how many there were.
fn report(err: &anyhow::Error, lang: plan::render::Lang) {
    let word = lang.error_word();
    let Some(err) = err.downcast_ref::<plan::error::Error>() else {
        eprintln!("{word}{err:#}");
        return;
    };
    let mut shown = 0u64;
    for err in err.all() {
        eprintln!("{word}{}", lang.error_text(err));
        shown += 1;
    }
    let all = shown + err.unshown();
    if all > 1 {
        eprintln!("{word}{}", lang.error_count(all, err.unshown()));
    }
}

/// Runs the command and writes its whole output at once, so an error never leaves half a report.
fn run(cli: &Cli) -> anyhow::Result<ExitStatus> {
    let output = plan::run(cli)?;
    if output.stdout.is_empty() {
        return Ok(output.status);
    }
    if plan::stdio::stdout_closed() {
        return Err(plan::stdio::closed_error().into());
    }
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(&output.stdout)
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(output.status),
        // `plan check x | head`: the reader left early; that is a normal end.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(output.status),
        Err(err) => Err(err).context("writing to standard output"),
    }
}
