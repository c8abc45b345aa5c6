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
        UsageProblem::PeriodNotInHorizon {
            period,
            base,
            target,
        } => format!(
            "{period} is not in the plan's years; expected a period of {} to {target}",
            base + 1
        ),
        UsageProblem::UnknownEncoding { name } => format!(
            "unknown encoding `{name}`; expected utf-8, gbk, gb18030, utf-16le or utf-16be"
        ),
        UsageProblem::NoSuchTarget { name, closest } => format!(
            "no target `{}` in the plan; closest known: {}",
            shorten(name),
            targets(closest, ", ", " (", ")")
        ),
        UsageProblem::LayoutUnused { flag, both } => format!(
            "{flag} shapes the table of a plain check; expected --format table without \
             --history{}",
            if *both {
                ", and --wide or --columns, not both"
            } else {
                ""
            }
        ),
        UsageProblem::ByWithLayout { layout } => format!(
            "--by divides the default table, and {layout} shows one row per target in plan \
             order; expected one of them"
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
                Some(input) => format!("输入文件 `{input}` "),
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
        UsageProblem::PeriodNotInHorizon {
            period,
            base,
            target,
        } => format!(
            "{} 不在规划期内；应为 {}—{target} 年的时期",
            period.zh(),
            base + 1
        ),
        UsageProblem::UnknownEncoding { name } => {
            format!("未知编码 `{name}`；应为 `utf-8`、`gbk`、`gb18030`、`utf-16le` 或 `utf-16be`")
        }
        UsageProblem::NoSuchTarget { name, closest } => format!(
            "计划中没有指标 `{}`；最接近的指标：{}",
            shorten(name),
            targets(closest, "、", "（", "）")
        ),
        UsageProblem::LayoutUnused { flag, both } => format!(
            "`{flag}` 只用于普通检查的表格；应与 `--format table` 同用，且不用 `--history`{}",
            if *both {
                "；`--wide` 与 `--columns` 只能选一个"
            } else {
                ""
            }
        ),
        UsageProblem::ByWithLayout { layout } => {
            format!("`--by` 用于分组显示默认表格，`{layout}` 按规划顺序逐项显示；两者只能选一个")
        }
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

#[cfg(test)]
mod tests {
    use super::{en, zh};
    use crate::cli::Format;
    use crate::error::{IoProblem, Named, Place, UsageProblem};
    use crate::period::parse_period;
    use crate::render::errors::plan::tests::{assert_worded, english_in};
    use crate::render::Lang;

    fn index_of(problem: &UsageProblem) -> usize {
        match problem {
            UsageProblem::CannotWrite(_) => 0,
            UsageProblem::OutputIsADirectory => 1,
            UsageProblem::NotAFileName => 2,
            UsageProblem::OutputIsAnInput { .. } => 3,
            UsageProblem::OutputReadOnly => 4,
            UsageProblem::StdinTwice => 5,
            UsageProblem::FileTwice { .. } => 6,
            UsageProblem::FormatNotWritten { .. } => 7,
            UsageProblem::NotAPeriod { .. } => 8,
            UsageProblem::PeriodNotInYear { .. } => 9,
            UsageProblem::PeriodNotInHorizon { .. } => 16,
            UsageProblem::UnknownEncoding { .. } => 10,
            UsageProblem::NoSuchTarget { .. } => 11,
            UsageProblem::HistoryFormat => 12,
            UsageProblem::TemplateWorkbook { .. } => 13,
            UsageProblem::WorkbookToTerminal => 14,
            UsageProblem::LayoutUnused { .. } => 15,
            UsageProblem::ByWithLayout { .. } => 17,
        }
    }

    fn index_of_place(place: Place) -> usize {
        match place {
            Place::Stdin => 0,
            Place::Stdout => 1,
            Place::StandardOutput => 2,
            Place::Template => 3,
            Place::EmbeddedPlan => 4,
            Place::Command(_) => 5,
            Place::Option(_) => 6,
        }
    }

    /// Every usage problem has words in both languages, and the Chinese is Chinese; see
    /// `every_plan_problem_is_worded_in_both_languages`.
    #[test]
    fn every_usage_problem_is_worded_in_both_languages() {
        let mut all = vec![
            UsageProblem::CannotWrite(IoProblem::NotFound),
            UsageProblem::CannotWrite(IoProblem::PermissionDenied),
            UsageProblem::CannotWrite(IoProblem::IsADirectory),
            UsageProblem::CannotWrite(IoProblem::Other("no space left on device".into())),
            UsageProblem::OutputIsADirectory,
            UsageProblem::NotAFileName,
            UsageProblem::OutputIsAnInput { input: None },
            UsageProblem::OutputIsAnInput {
                input: Some("data.csv".into()),
            },
            UsageProblem::OutputReadOnly,
            UsageProblem::StdinTwice,
            UsageProblem::FileTwice { first: None },
            UsageProblem::FileTwice {
                first: Some("data.csv".into()),
            },
            UsageProblem::NotAPeriod {
                text: "later".into(),
            },
            UsageProblem::PeriodNotInHorizon {
                period: crate::period::Period::year(2015),
                base: 2015,
                target: 2020,
            },
            UsageProblem::PeriodNotInYear {
                period: parse_period("2019Q3").unwrap(),
                year: 2020,
            },
            UsageProblem::UnknownEncoding {
                name: "latin1".into(),
            },
            UsageProblem::NoSuchTarget {
                name: "foo".into(),
                closest: vec![Named {
                    name: "技术合同成交额".into(),
                    id: "tech_contracts".into(),
                }],
            },
            UsageProblem::HistoryFormat,
            UsageProblem::TemplateWorkbook {
                reason: "sheet name too long".into(),
            },
            UsageProblem::WorkbookToTerminal,
            UsageProblem::LayoutUnused {
                flag: "--wide",
                both: false,
            },
            UsageProblem::ByWithLayout { layout: "--wide" },
            UsageProblem::LayoutUnused {
                flag: "--columns",
                both: true,
            },
        ];
        for format in [
            Format::Table,
            Format::Json,
            Format::Csv,
            Format::Markdown,
            Format::Junit,
            Format::Html,
        ] {
            all.push(UsageProblem::FormatNotWritten {
                command: "plan list",
                format,
            });
        }
        assert!((0..18).all(|i| all.iter().any(|p| index_of(p) == i)));
        for problem in &all {
            let (en, zh) = (en(problem), zh(problem));
            // A target's id is the plan's, as written there.
            let zh = zh.replace("tech_contracts", "");
            assert_worded(&format!("{problem:?}"), &en, &zh);
            assert_ne!(en, zh, "{problem:?}");
        }
    }

    /// The places that are not files have names in both languages; those of things are Chinese,
    /// commands and options stay as they are typed.
    #[test]
    fn every_place_is_named_in_both_languages() {
        let places = [
            Place::Stdin,
            Place::Stdout,
            Place::StandardOutput,
            Place::Template,
            Place::EmbeddedPlan,
            Place::Command("plan show"),
            Place::Option("--period"),
        ];
        assert!((0..7).all(|i| places.iter().any(|p| index_of_place(*p) == i)));
        for place in places {
            let (en, zh) = (Lang::En.place_name(place), Lang::Zh.place_name(place));
            assert!(!en.is_empty() && !zh.is_empty(), "{place:?}");
            match place {
                Place::Command(name) | Place::Option(name) => {
                    assert_eq!((&*en, &*zh), (name, name))
                }
                _ => {
                    assert_ne!(en, zh, "{place:?}");
                    // The built-in plan is named by its file's name.
                    let words = zh.replace("plan.yaml", "");
                    assert!(english_in(&words).is_empty(), "{place:?}: {zh}");
                }
            }
        }
    }
}
