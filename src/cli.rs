//! The command line (clap derive). The `///` comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check a work plan's targets against actual figures.
///
/// The 2020 work plan of the Shaanxi provincial S&T department is built in
/// (省委科技工委 省科技厅 2020 年科技工作要点); `--plan FILE` checks another.
#[derive(Debug, Parser)]
#[command(name = "plan", version, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check actual figures against the plan's targets.
    ///
    /// Exit status: 0 every target met; 1 a target unmet or missing; 2 invalid input.
    Check(CheckArgs),
    /// List the plan's targets.
    List(ListArgs),
    /// Check a plan file (the built-in plan without FILE); exit 0 if valid, 2 if not.
    Validate(ValidateArgs),
    /// Write a file to fill in: every target with its unit and the years to fill.
    ///
    /// Filled in, it is read back by `plan check` as it is.
    Template(TemplateArgs),
    /// Everything about one target; with actual figures, every figure found and its status.
    Show(ShowArgs),
    /// Print a JSON Schema (draft-07) for plan.yaml, for editors' completion and validation.
    Schema,
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `plan man > plan.1`.
    Man,
    /// Internal: read a workbook from standard input with capped memory.
    #[command(name = "__read-workbook", hide = true)]
    ReadWorkbook {
        /// The sheet to read.
        #[arg(long)]
        sheet: Option<String>,
    },
}

/// Arguments of `plan show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The target: its id, Chinese name or an alias.
    pub target: String,
    /// Files of actual figures, as for `plan check`.
    #[arg(value_name = "ACTUALS")]
    pub actuals: Vec<PathBuf>,
    #[command(flatten)]
    pub plan: PlanArg,
    #[command(flatten)]
    pub input: InputArgs,
    /// Evaluate as of the end of this period of the plan year; the latest in the data when omitted.
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Output format: table (text) or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub look: LookArgs,
}

/// Arguments of `plan completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `plan check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files of actual figures: CSV or tab-separated text (UTF-8, GBK/GB18030 or UTF-16),
    /// or workbooks (.xlsx, .xls, .ods); `-` reads standard input. Their rows are combined.
    #[arg(required = true, value_name = "ACTUALS")]
    pub actuals: Vec<PathBuf>,
    #[command(flatten)]
    pub plan: PlanArg,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Targets without figures do not fail the run (exit 0 if nothing is unmet or behind).
    #[arg(long)]
    pub allow_missing: bool,
    /// Evaluate as of the end of this period of the plan year (2020Q3, 2020年1-9月, 2020-09);
    /// the latest period in the data when omitted.
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Warnings (figures that look wrong, rows not used) fail the run with exit status 1.
    #[arg(long)]
    pub strict: bool,
    /// One row per target, one column per period present: the quarter-by-quarter trajectory
    /// (table or json).
    #[arg(long)]
    pub history: bool,
    /// Write the report to FILE, whole or not at all, instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The table with every column (period, expected, baseline, gap, clause, full notes), one
    /// row per target in plan order, as wide as it needs. Without it the table shows indicator,
    /// target, actual, reached, status and a short note, problems first, fitted to the
    /// terminal's width (when piped: COLUMNS, else 100).
    #[arg(long)]
    pub wide: bool,
    /// The table with these columns, in this order, one row per target in plan order, as wide
    /// as it needs: a comma-separated list such as `indicator,actual,status` (or the Chinese
    /// headers, `指标,实际,状态`).
    #[arg(long, value_delimiter = ',', value_name = "COLUMN,...")]
    pub columns: Vec<ColumnArg>,
    /// Divide the default table by this instead of by status: `owner` (a section per 牵头单位,
    /// with its counts of met and not met) or `region` (a section per target split among
    /// regions, a row per region's share, ranked by the share of it reached).
    #[arg(long, value_enum, value_name = "GROUP")]
    pub by: Option<ByArg>,
    #[command(flatten)]
    pub look: LookArgs,
}

/// What `--by` divides the table by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// The target's owner (牵头单位).
    #[value(alias = "牵头单位")]
    Owner,
    /// The regions a target is split among (分解到市): a section per such target, a row per
    /// region, ranked.
    #[value(alias = "地区")]
    Region,
}

/// The columns of the table, for `--columns`: the headers of `--wide`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColumnArg {
    /// The indicator's name (指标).
    #[value(alias = "指标")]
    Indicator,
    /// The target as the plan states it (目标).
    #[value(alias = "目标")]
    Target,
    /// The period of the figure (时期).
    #[value(alias = "时期")]
    Period,
    /// The actual figure (实际).
    #[value(alias = "实际")]
    Actual,
    /// The level expected by now (应达).
    #[value(alias = "应达")]
    Expected,
    /// The baseline (基期).
    #[value(alias = "基期")]
    Baseline,
    /// Actual minus expected (差距).
    #[value(alias = "差距")]
    Gap,
    /// The share of the target reached (完成度).
    #[value(alias = "完成度")]
    Reached,
    /// The status (状态).
    #[value(alias = "状态")]
    Status,
    /// The plan's clause (出处).
    #[value(alias = "出处")]
    Clause,
    /// The notes (说明).
    #[value(alias = "说明")]
    Note,
}

/// How to read files of actual figures.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Text encoding of CSV input (utf-8, gbk, gb18030, utf-16le); detected when omitted.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Workbook sheet to read; the first sheet when omitted.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Table layout: long (one row per figure) or wide (a column per year); detected when omitted.
    #[arg(long, value_enum)]
    pub layout: Option<LayoutArg>,
    /// The header's row (1-based, as the sheet or an editor numbers it): rows above are skipped.
    /// Found by itself when omitted: the first row with two filled cells; a second header row of
    /// sub-headers under merged group cells is read with it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub header_row: Option<u64>,
    /// Skip rows whose indicator is not in the plan, and say how many, instead of failing.
    #[arg(long)]
    pub ignore_unknown: bool,
}

/// Arguments of `plan template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    #[command(flatten)]
    pub plan: PlanArg,
    /// File format: csv (UTF-8 with BOM, opens in Excel) or xlsx.
    #[arg(long, value_enum, default_value_t = TemplateFormat::Csv)]
    pub format: TemplateFormat,
    /// Layout: long (a row per target and year) or wide (a column per year).
    #[arg(long, value_enum, default_value_t = LayoutArg::Long)]
    pub layout: LayoutArg,
    /// A file for a quarter's check: figures for this period of the plan year (2020Q3 is written
    /// 2020年1-9月, the year so far) and the same months of the baseline year.
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Write to FILE (whole or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Template file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// CSV, UTF-8 with a byte-order mark so Excel shows Chinese text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// Table layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// One row per figure: indicator, period, value.
    Long,
    /// One row per indicator, one column per year.
    Wide,
}

/// Arguments of `plan list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub plan: PlanArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub look: LookArgs,
}

/// Arguments of `plan validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The plan file to check; the built-in plan when omitted.
    pub file: Option<PathBuf>,
}

/// `--plan FILE`.
#[derive(Debug, Args)]
pub struct PlanArg {
    /// Plan file (YAML) to check against, instead of the built-in 2020 plan.
    #[arg(long = "plan", value_name = "FILE")]
    pub path: Option<PathBuf>,
}

/// How reports look.
#[derive(Debug, Args)]
pub struct LookArgs {
    /// Language of headers, status words, target wording and notes (JSON keys never change);
    /// from LC_ALL / LC_MESSAGES / LANG when omitted: zh for zh_*, else en.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Table borders: ascii lines up in every terminal; utf8 draws boxes.
    #[arg(long, value_enum, default_value_t = Style::Ascii)]
    pub style: Style,
    /// Colour the status column: auto colours on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people.
    Table,
    /// One JSON object for scripts.
    Json,
    /// One row per target, UTF-8 with BOM, for spreadsheets.
    Csv,
    /// A GitHub-flavoured table and the summary, for reports.
    Markdown,
    /// JUnit XML, for CI dashboards (Jenkins, GitLab).
    Junit,
    /// A self-contained page, printable on A4.
    Html,
}

/// Report languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 中文.
    Zh,
    /// English.
    En,
}

/// Table border styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Style {
    /// ASCII borders.
    Ascii,
    /// Box-drawing borders.
    Utf8,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
