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

/// Runs `plan man`: the manual page in roff: the command, then each subcommand's synopsis and
/// options, then the exit statuses.
pub fn man() -> Result<Output> {
    let command = Cli::command();
    let mut out = Vec::new();
    let rendered = (|| -> std::io::Result<()> {
        clap_mangen::Man::new(command.clone()).render(&mut out)?;
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = format!("plan {}", sub.get_name());
            let page = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
            out.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
            page.render_description_section(&mut out)?;
            page.render_synopsis_section(&mut out)?;
            page.render_options_section(&mut out)?;
        }
        Ok(())
    })();
    rendered.expect("writing to memory cannot fail");
    out.extend_from_slice(
        b".SH \"EXIT STATUS\"\n.TP\n0\nevery target met or on track (with --allow-missing, missing targets \
          do not count)\n.TP\n1\na target unmet or behind, or missing without --allow-missing, or a \
          warning with --strict\n.TP\n2\nthe command line, the plan or the actual figures are invalid; one \
          message on standard error\n",
    );
    Ok(Output::success(out))
}
