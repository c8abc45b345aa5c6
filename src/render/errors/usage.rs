//! The words of [`UsageProblem`], in English and in Chinese.

use super::targets;
use crate::error::{shorten, IoProblem, UsageProblem};

pub(super) fn en(problem: &UsageProblem) -> String {
    match problem {
        UsageProblem::CannotWrite(io) => {
            let why = match io {
                IoProblem::NotFound => "no such file",
                IoProblem::PermissionDenied => "permission denied",
                IoProblem::IsADirectory => "is a directory; expected a file",
                IoProblem::Other(text) => text,
            };
            format!("cannot write: {why}")
        }
        UsageProblem::OutputIsADirectory => "is a directory; expected a file to write".into(),
        UsageProblem::NotAFileName => {
            "is not a file name; expected a path such as report.csv".into()
        }
        UsageProblem::OutputIsAnInput { input } => {
            let what = match input {
                None => "standard input".to_string(),
                Some(input) => format!("`{input}`"),
            };
            format!("is the same file as the input {what}; expected another file for the output")
        }
        UsageProblem::OutputReadOnly => {
            "is read-only; expected a file that may be written (plan does not replace it)".into()
        }
        UsageProblem::StdinTwice => {
            "standard input (`-`) is named more than once; it can be read only once".into()
        }
        UsageProblem::FileTwice { first } => {
            let first = match first {
                None => "standard input".to_string(),
                Some(first) => format!("`{first}`"),
            };
            format!(
                "is the same file as {first}, named before it; expected each file once (read \
                 twice, its totals would double)"
            )
        }
        UsageProblem::FormatNotWritten { command, format } => format!(
            "`{command}` writes table or json, not {}",
            format_name(*format)
        ),
        UsageProblem::NotAPeriod { text } => format!(
            "`{}` is not a period; expected one such as 2020Q3, 2020年1-9月, 2020H1, 2020-09 or 2020",
            shorten(text)
        ),
        UsageProblem::PeriodNotInYear { period, year } => {
            format!("{period} is not in the plan year {year}; expected a period of {year}")
        }
        UsageProblem::UnknownEncoding { name } => format!(
            "unknown encoding `{name}`; expected utf-8, gbk, gb18030, utf-16le or utf-16be"
        ),
        UsageProblem::NoSuchTarget { name, closest } => format!(
            "no target `{}` in the plan; closest known: {}",
            shorten(name),
            targets(closest, ", ", " (", ")")
        ),
        UsageProblem::HistoryFormat => {
            "a history is written as a table or json; expected --format table or --format json"
                .into()
        }
        UsageProblem::TemplateWorkbook { reason } => {
            format!("cannot build the workbook: {reason}")
        }
        UsageProblem::WorkbookToTerminal => "an .xlsx workbook is binary; write it with --output \
                                             FILE or redirect standard output"
            .into(),
    }
}

pub(super) fn zh(problem: &UsageProblem) -> String {
    match problem {
        UsageProblem::CannotWrite(io) => match io {
            IoProblem::NotFound => "无法写入：路径不存在".into(),
            IoProblem::PermissionDenied => "无法写入：没有写入权限".into(),
            IoProblem::IsADirectory => "无法写入：是文件夹，应为文件".into(),
            IoProblem::Other(text) => format!("无法写入：`{text}`"),
        },
        UsageProblem::OutputIsADirectory => "是文件夹；应为要写入的文件".into(),
        UsageProblem::NotAFileName => "不是文件名；应为 `report.csv` 这样的路径".into(),
        UsageProblem::OutputIsAnInput { input } => {
            let what = match input {
                None => "标准输入".to_string(),
                Some(input) => format!("输入文件 `{input}`"),
            };
            format!("与{what}是同一个文件；输出应写到另一个文件")
        }
        UsageProblem::OutputReadOnly => "是只读文件；应为可写入的文件（只读文件不会被替换）".into(),
        UsageProblem::StdinTwice => "标准输入（`-`）指定了不止一次；它只能读取一次".into(),
        UsageProblem::FileTwice { first } => {
            let first = match first {
                None => "标准输入".to_string(),
                Some(first) => format!(" `{first}` "),
            };
            format!("与前面给出的{first}是同一个文件；每个文件应只给出一次（读取两次，合计会翻倍）")
        }
        UsageProblem::FormatNotWritten { command, format } => format!(
            "`{command}` 只能输出 `table` 或 `json`，不能输出 `{}`",
            format_name(*format)
        ),
        UsageProblem::NotAPeriod { text } => format!(
            "`{}` 不是时期；应为 2020Q3、2020年1-9月、2020H1、2020-09 或 2020 这样的时期",
            shorten(text)
        ),
        UsageProblem::PeriodNotInYear { period, year } => format!(
            "{} 不在计划年度 {year} 年内；应为 {year} 年的时期",
            period.zh()
        ),
        UsageProblem::UnknownEncoding { name } => {
            format!("未知编码 `{name}`；应为 `utf-8`、`gbk`、`gb18030`、`utf-16le` 或 `utf-16be`")
        }
        UsageProblem::NoSuchTarget { name, closest } => format!(
            "计划中没有指标 `{}`；最接近的指标：{}",
            shorten(name),
            targets(closest, "、", "（", "）")
        ),
        UsageProblem::HistoryFormat => {
            "历史数据只能输出为表格或 `json`；应使用 `--format table` 或 `--format json`".into()
        }
        UsageProblem::TemplateWorkbook { reason } => format!("无法生成工作簿：`{reason}`"),
        UsageProblem::WorkbookToTerminal => {
            "`.xlsx` 工作簿是二进制文件；应使用 `--output FILE` 写入文件，或重定向标准输出".into()
        }
    }
}

/// The name of a format on the command line (`csv`).
fn format_name(format: crate::cli::Format) -> String {
    format!("{format:?}").to_lowercase()
}
