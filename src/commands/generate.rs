//! `plan schema`, `plan completions SHELL`, `plan man`: files generated from the program itself.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Result;

use super::Output;

/// Runs `plan schema`: the JSON Schema (draft-07) of plan.yaml.
pub fn schema() -> Result<Output> {
    let mut text =
        serde_json::to_string_pretty(&crate::plan::schema()).expect("a schema serialises");
    text.push('\n');
    Ok(Output::success(text.into_bytes()))
}

/// Runs `plan completions SHELL`.
pub fn completions(args: &CompletionsArgs) -> Result<Output> {
    let mut stdout = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "plan", &mut stdout);
    Ok(Output::success(stdout))
}

/// Runs `plan man`: the manual page in roff.
pub fn man() -> Result<Output> {
    let mut stdout = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut stdout)
        .expect("writing to memory cannot fail");
    Ok(Output::success(stdout))
}
