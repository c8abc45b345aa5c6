//! The `plan` binary: parse the command line, run, print once, exit 0, 1 or 2.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use plan::cli::Cli;
use plan::ExitStatus;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let output = match plan::run(&cli) {
        Ok(output) => output,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitStatus::Error.into();
        }
    };
    let mut stdout = io::stdout().lock();
    match stdout.write_all(&output.stdout).and_then(|()| stdout.flush()) {
        Ok(()) => output.status.into(),
        // `plan check x | head`: the reader left early; that is a normal end.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => output.status.into(),
        Err(err) => {
            eprintln!("error: writing output: {err}");
            ExitStatus::Error.into()
        }
    }
}
