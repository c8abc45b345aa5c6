//! The words of [`DataProblem`], in English and in Chinese.

use std::fmt;

use crate::error::{shorten, DataProblem, NumberProblem, SheetState, UnfitReason, Utf8Case};

/// `names` as `` `a`, `b` `` joined by `separator`.
fn quoted(names: impl Iterator<Item = String>, separator: &str) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(separator)
}

pub(super) fn en(problem: &DataProblem) -> String {
    match problem {
        DataProblem::BadNumber { text, why } => format!("value `{}`: {}", shorten(text), number_en(why)),
        DataProblem::NoFigure => "no figure in the cell".into(),
        DataProblem::Date { text } => format!("value `{text}` is a date; expected a number"),
        DataProblem::SpreadsheetError { text } => {
            format!("the cell holds the spreadsheet error `{text}`; expected a number")
        }
        DataProblem::Unfit { shown, why } => format!("value `{shown}` {}", unfit_en(*why)),
        DataProblem::Unsaved => {
            "formula without a saved value; open and save the file in Excel or WPS".into()
        }
        DataProblem::NotMilestoneState { text } => format!(
            "value `{}` is not a milestone state; expected 完成, 未完成 or 进行中 (done, not done, in \
             progress)",
            shorten(text)
        ),
        DataProblem::MilestoneUnit { unit, target } => {
            format!("unit `{unit}` given for milestone `{target}`; expected an empty unit cell")
        }
        DataProblem::UnitsDisagree {
            number,
            in_cell,
            unit_at,
            unit,
        } => format!(
            "value `{number}{in_cell}` is in `{in_cell}`, but {unit_at} says `{unit}`; expected \
             one unit"
        ),
        DataProblem::NameUnitDisagrees {
            unit,
            name,
            in_name,
        } => format!(
            "unit `{unit}`, but the name `{}` says `{in_name}`; expected one unit",
            shorten(name)
        ),
        DataProblem::DoesNotFit {
            number,
            unit,
            target_unit,
        } => format!("value {number} {unit} does not fit a decimal in `{target_unit}`"),
        DataProblem::TotalTooManyDigits { target } => {
            format!("the total for `{target}` has too many digits to add exactly (over 28)")
        }
        DataProblem::GrowthRateUnit { text, unit } => format!(
            "growth rate `{text}` is in `{unit}`; expected a percentage such as 41.8 or 41.8%"
        ),
        DataProblem::PartsDisagree {
            period,
            target,
            value,
            parts,
            total,
        } => {
            let listed = parts
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(" + ");
            format!(
                "{period} figure for `{target}` is {value}, but {listed} add up to {total}; \
                 expected figures that add up"
            )
        }
        DataProblem::UnitLine { line } => format!(
            "a unit line `{}` that cannot be read; expected one such as 单位：亿元",
            shorten(line)
        ),
        DataProblem::RowTooWide {
            fields,
            width,
            field,
            text,
        } => format!(
            "row has {fields} fields, the header {width}: field {field} (`{}`) is beyond the \
             header; expected at most {width} fields (quote a field that holds the delimiter)",
            shorten(text)
        ),
        DataProblem::DuplicateHeader { name, first } => format!(
            "header `{}` names the same field as column {first}; expected each field once",
            shorten(name)
        ),
        DataProblem::DuplicatePeriodHeader {
            name,
            period,
            first,
        } => format!(
            "header `{}` names the same period ({period}) as column {first}; expected each \
             period once",
            shorten(name)
        ),
        DataProblem::ValueAndPeriodColumns {
            header,
            value,
            value_column,
            period,
            period_column,
        } => format!(
            "header `{header}` has a value column (`{}`, column {value_column}) and a column \
             named for a period (`{}`, column {period_column}); expected one or the other: a \
             long table has a period column and a value column, a wide table a column per period",
            shorten(value),
            shorten(period)
        ),
        DataProblem::NoPeriodColumns { header } => format!(
            "no period columns in header `{header}`; expected a wide table with a column per \
             year, such as `2019年,2020年`"
        ),
        DataProblem::EmptyIndicator => {
            "empty indicator in a row with figures; expected a target's id or name".into()
        }
        DataProblem::UnknownRegion { name, closest } => format!(
            "region `{name}` is not one of the plan's `regions`; expected {}",
            match closest.is_empty() {
                true => "one of them, or blank, 全省 or 合计 for the whole plan".to_string(),
                false => format!("one of them, such as {}", closest.join(", ")),
            }
        ),
        DataProblem::QuoteNeverClosed => "a quoted field that starts on this line is never \
                                          closed; expected a closing `\"`"
            .into(),
        DataProblem::TooLong { record, mib } => {
            let what = if *record { "a record" } else { "a line" };
            format!("{what} longer than {mib} MiB; expected rows of figures")
        }
        DataProblem::InvalidUtf8(case) => match case {
            Utf8Case::Forced => {
                "invalid UTF-8; expected text in the encoding given with --encoding".into()
            }
            Utf8Case::Guessed => "invalid UTF-8; the file reads as UTF-8 before this line (if \
                                  it is GBK, pass --encoding gbk)"
                .into(),
            Utf8Case::Record => "invalid UTF-8".into(),
            Utf8Case::Plan => "invalid UTF-8; expected UTF-8 text".into(),
        },
        DataProblem::BadBytes => "bytes that are not valid in the file's encoding".into(),
        DataProblem::OtherDelimiter { delimiter } => format!(
            "the header is separated by `{delimiter}`; expected comma-separated CSV or \
             tab-separated text (save the sheet as CSV, or as Unicode Text)"
        ),
        DataProblem::NotText { byte } => format!(
            "not UTF-8, UTF-16 or GB18030 text (byte 0x{byte:02X}); expected a CSV or \
             tab-separated file saved as UTF-8 or GBK, or name the encoding with --encoding"
        ),
        DataProblem::PlanTooLarge { mib } => {
            format!("larger than {mib} MiB; expected a plan file in YAML")
        }
        DataProblem::SheetOnText => {
            "--sheet names a worksheet, but this file is text, not a workbook".into()
        }
        DataProblem::WorkbookReaderFailed { detail } => {
            format!("cannot start the workbook reader: {detail}")
        }
        DataProblem::DamagedWorkbook { memory: true } => {
            "a damaged workbook that cannot be read (it asks for more memory than a workbook \
             needs); expected an .xlsx, .xls or .ods file"
                .into()
        }
        DataProblem::DamagedWorkbook { memory: false } => {
            "a damaged workbook that cannot be read; expected an .xlsx, .xls or .ods file".into()
        }
        DataProblem::UnknownWorkbookFormat => "cannot read the workbook: Cannot detect file \
                                               format; expected an .xlsx, .xls or .ods file"
            .into(),
        DataProblem::NoSheetNamed { wanted, sheets } => format!(
            "no sheet named `{wanted}`; the workbook has {}",
            quoted(sheets.iter().cloned(), ", ")
        ),
        DataProblem::NoSheets => "the workbook has no sheets".into(),
        DataProblem::NoVisibleSheet { sheets } => {
            let all = sheets
                .iter()
                .map(|(name, state)| {
                    let why = match state {
                        SheetState::Chart => " (a chart)",
                        SheetState::NotWorksheet => " (not a worksheet)",
                        SheetState::Hidden => " (hidden)",
                        SheetState::VeryHidden => " (very hidden)",
                        SheetState::Visible => "",
                    };
                    format!("`{name}`{why}")
                })
                .collect::<Vec<_>>()
                .join(", ");
            format!("no visible worksheet; the workbook has {all}; name the sheet to read with --sheet")
        }
        DataProblem::CannotReadSheet { sheet, detail } => {
            format!("cannot read sheet `{sheet}`: {detail}")
        }
        DataProblem::OdsTooLarge {
            sheet: Some(name),
            cells,
            max,
        } => format!(
            "sheet `{name}` repeats rows or columns into {cells} cells; plan reads .ods workbooks \
             of at most {max} cells (delete the repeated rows or columns, or save the file as \
             .xlsx)"
        ),
        DataProblem::OdsTooLarge {
            sheet: None,
            cells,
            max,
        } => format!(
            "the sheets repeat rows or columns into {cells} cells; plan reads .ods workbooks of \
             at most {max} cells (delete the repeated rows or columns, or save the file as .xlsx)"
        ),
        DataProblem::SheetEmpty { sheet } => format!(
            "sheet `{sheet}` is empty; expected a header row (choose another sheet with --sheet)"
        ),
    }
}

pub(super) fn zh(problem: &DataProblem) -> String {
    match problem {
        DataProblem::BadNumber { text, why } => {
            format!("数值 `{}` {}", shorten(text), number_zh(why))
        }
        DataProblem::NoFigure => "单元格中没有数据".into(),
        DataProblem::Date { text } => format!("数值 `{}` 是日期；应为数值", shorten(text)),
        DataProblem::SpreadsheetError { text } => {
            format!("单元格中是电子表格错误 `{}`；应为数值", shorten(text))
        }
        DataProblem::Unfit { shown, why } => format!("数值 `{shown}` {}", unfit_zh(*why)),
        DataProblem::Unsaved => "公式没有保存的值；请用 Excel 或 WPS 打开并保存文件".into(),
        DataProblem::NotMilestoneState { text } => format!(
            "数值 `{}` 不是里程碑状态；应为 完成、未完成 或 进行中",
            shorten(text)
        ),
        DataProblem::MilestoneUnit { unit, target } => {
            format!("里程碑 `{target}` 填了单位 `{unit}`；单位格应留空")
        }
        DataProblem::UnitsDisagree {
            number,
            in_cell,
            unit_at,
            unit,
        } => format!(
            "数值 `{number}{in_cell}` 的单位是 `{in_cell}`，而 {unit_at} 写的是 `{unit}`；应只有一个单位"
        ),
        DataProblem::NameUnitDisagrees {
            unit,
            name,
            in_name,
        } => format!(
            "单位是 `{unit}`，而名称 `{}` 中写的是 `{in_name}`；应只有一个单位",
            shorten(name)
        ),
        DataProblem::DoesNotFit {
            number,
            unit,
            target_unit,
        } => format!("数值 {number} {unit} 换算为 `{target_unit}` 后超出可精确表示的范围"),
        DataProblem::TotalTooManyDigits { target } => {
            format!("`{target}` 的合计位数太多（超过 28 位），无法精确相加")
        }
        DataProblem::GrowthRateUnit { text, unit } => format!(
            "增长率 `{}` 的单位是 `{unit}`；应为 41.8 或 41.8% 这样的百分比",
            shorten(text)
        ),
        DataProblem::PartsDisagree {
            period,
            target,
            value,
            parts,
            total,
        } => {
            let listed = parts.iter().map(|p| p.zh()).collect::<Vec<_>>().join(" + ");
            format!(
                "`{target}` {}数据为 {value}，而 {listed} 合计为 {total}；各部分之和应等于总数",
                period.zh()
            )
        }
        DataProblem::UnitLine { line } => format!(
            "单位行 `{}` 无法识别；应为 单位：亿元 这样的行",
            shorten(line)
        ),
        DataProblem::RowTooWide {
            fields,
            width,
            field,
            text,
        } => format!(
            "该行有 {fields} 个字段，表头只有 {width} 个：第 {field} 个字段（`{}`）超出表头；\
             应最多 {width} 个字段（含分隔符的字段请加引号）",
            shorten(text)
        ),
        DataProblem::DuplicateHeader { name, first } => format!(
            "表头 `{}` 与第 {first} 列是同一字段；每个字段只应出现一次",
            shorten(name)
        ),
        DataProblem::DuplicatePeriodHeader {
            name,
            period,
            first,
        } => format!(
            "表头 `{}` 与第 {first} 列是同一时期（{}）；每个时期只应出现一次",
            shorten(name),
            period.zh()
        ),
        DataProblem::ValueAndPeriodColumns {
            header,
            value,
            value_column,
            period,
            period_column,
        } => format!(
            "表头 `{header}` 既有数值列（`{}`，第 {value_column} 列），又有以时期命名的列（`{}`，\
             第 {period_column} 列）；二者只应有其一：长表有时期列和数值列，宽表每个时期一列",
            shorten(value),
            shorten(period)
        ),
        DataProblem::NoPeriodColumns { header } => format!(
            "表头 `{header}` 中没有时期列；宽表应每年一列，如 `2019年,2020年`"
        ),
        DataProblem::EmptyIndicator => "有数据的行中指标为空；应填写指标代码或名称".into(),
        DataProblem::UnknownRegion { name, closest } => format!(
            "地区 `{name}` 不在计划的 `regions` 中；{}",
            match closest.is_empty() {
                true => "应为其中之一，全省数据请留空或写全省、合计".to_string(),
                false => format!("最接近的是：{}", closest.join("、")),
            }
        ),
        DataProblem::QuoteNeverClosed => {
            "从此行开始的带引号字段没有结束；应有结束的 `\"`".into()
        }
        DataProblem::TooLong { record, mib } => {
            let what = if *record { "一条记录" } else { "一行" };
            format!("{what}超过 {mib} MiB；应为数据行")
        }
        DataProblem::InvalidUtf8(case) => match case {
            Utf8Case::Forced => "无效的 UTF-8；应为 --encoding 所给编码的文本".into(),
            Utf8Case::Guessed => {
                "无效的 UTF-8；此行之前文件按 UTF-8 读取（如为 GBK 编码，请加 --encoding gbk）"
                    .into()
            }
            Utf8Case::Record => "无效的 UTF-8".into(),
            Utf8Case::Plan => "无效的 UTF-8；应为 UTF-8 文本".into(),
        },
        DataProblem::BadBytes => "有不符合文件编码的字节".into(),
        DataProblem::OtherDelimiter { delimiter } => format!(
            "表头以 `{delimiter}` 分隔；应为逗号分隔的 CSV 或制表符分隔的文本（请将工作表另存为 \
             CSV 或 Unicode 文本）"
        ),
        DataProblem::NotText { byte } => format!(
            "不是 UTF-8、UTF-16 或 GB18030 文本（字节 0x{byte:02X}）；应为以 UTF-8 或 GBK 保存的 \
             CSV 或制表符分隔文件，或用 --encoding 指定编码"
        ),
        DataProblem::PlanTooLarge { mib } => format!("大于 {mib} MiB；应为 YAML 格式的计划文件"),
        DataProblem::SheetOnText => "--sheet 用于指定工作表，但此文件是文本，不是工作簿".into(),
        DataProblem::WorkbookReaderFailed { detail } => {
            format!("无法启动工作簿读取程序：{detail}")
        }
        DataProblem::DamagedWorkbook { memory: true } => {
            "工作簿已损坏，无法读取（它要求的内存远超工作簿所需）；应为 .xlsx、.xls 或 .ods 文件"
                .into()
        }
        DataProblem::DamagedWorkbook { memory: false } => {
            "工作簿已损坏，无法读取；应为 .xlsx、.xls 或 .ods 文件".into()
        }
        DataProblem::UnknownWorkbookFormat => {
            "无法读取工作簿：无法识别文件格式；应为 .xlsx、.xls 或 .ods 文件".into()
        }
        DataProblem::NoSheetNamed { wanted, sheets } => format!(
            "没有名为 `{wanted}` 的工作表；工作簿中有 {}",
            quoted(sheets.iter().cloned(), "、")
        ),
        DataProblem::NoSheets => "工作簿中没有工作表".into(),
        DataProblem::NoVisibleSheet { sheets } => {
            let all = sheets
                .iter()
                .map(|(name, state)| {
                    let why = match state {
                        SheetState::Chart => "（图表）",
                        SheetState::NotWorksheet => "（不是工作表）",
                        SheetState::Hidden => "（隐藏）",
                        SheetState::VeryHidden => "（深度隐藏）",
                        SheetState::Visible => "",
                    };
                    format!("`{name}`{why}")
                })
                .collect::<Vec<_>>()
                .join("、");
            format!("没有可见的工作表；工作簿中有 {all}；请用 --sheet 指定要读取的工作表")
        }
        DataProblem::CannotReadSheet { sheet, detail } => {
            format!("无法读取工作表 `{sheet}`：{detail}")
        }
        DataProblem::OdsTooLarge {
            sheet: Some(name),
            cells,
            max,
        } => format!(
            "工作表 `{name}` 的重复行或列展开后有 {cells} 个单元格；.ods 工作簿最多只能读取 \
             {max} 个单元格（请删除重复的行或列，或另存为 .xlsx）"
        ),
        DataProblem::OdsTooLarge {
            sheet: None,
            cells,
            max,
        } => format!(
            "各工作表的重复行或列展开后共有 {cells} 个单元格；.ods 工作簿最多只能读取 {max} \
             个单元格（请删除重复的行或列，或另存为 .xlsx）"
        ),
        DataProblem::SheetEmpty { sheet } => {
            format!("工作表 `{sheet}` 为空；应有表头行（可用 --sheet 选择其他工作表）")
        }
    }
}

/// Why a text is not a number, in English: what follows `value \`…\`: `.
pub(crate) fn number_en(why: &NumberProblem) -> String {
    match why {
        NumberProblem::Empty => "expected a number, found an empty value".into(),
        NumberProblem::NotFinite => "not a finite number; expected a decimal such as 2.20".into(),
        NumberProblem::NotDecimal => "expected a decimal number such as 2.20".into(),
        NumberProblem::TooManyDigits => {
            "too many digits to hold exactly (at most 28 digits, and 28 after the point)".into()
        }
        NumberProblem::DecoratedDigit(c) => format!(
            "`{c}` (U+{:04X}) is a decorated digit, such as a list mark; expected plain digits 0-9",
            u32::from(*c)
        ),
        NumberProblem::MarkAfter(c) => format!(
            "a mark `{c}` (U+{:04X}) after the number, such as a footnote; expected the number \
             alone (put a footnote in a note column)",
            u32::from(*c)
        ),
        NumberProblem::MixedSeparators => {
            "mixed thousands separators; expected a number such as 1,467.83".into()
        }
        NumberProblem::MisplacedSeparator => {
            "misplaced thousands separator; expected a number such as 1,467.83".into()
        }
        NumberProblem::NotScientific { text } => format!(
            "`{text}` is not a number in scientific notation such as 1.76E+03; expected a \
             decimal number such as 2.20"
        ),
        NumberProblem::Hexadecimal { text } => format!(
            "`{text}` looks like a hexadecimal number; expected a decimal number such as 2.20"
        ),
        NumberProblem::Power { text } => format!(
            "`{text}` is a power; write it out in digits or as 1E+30; expected a decimal number \
             such as 2.20"
        ),
        NumberProblem::ExponentTooLarge => "an exponent too large".into(),
        NumberProblem::OutOfScale { text } => format!(
            "`{text}` is too large or too small to hold exactly; expected at most 28 digits"
        ),
        NumberProblem::TrailingMark { marks } => format!(
            "a mark `{marks}` after the number; expected the number alone (put a footnote in a \
             note column)"
        ),
    }
}

/// Why a text is not a number, in Chinese: what follows `数值 \`…\` `.
pub(crate) fn number_zh(why: &NumberProblem) -> String {
    match why {
        NumberProblem::Empty => "为空，应为数值".into(),
        NumberProblem::NotFinite => "不是有限数，应为 2.20 这样的十进制数".into(),
        NumberProblem::NotDecimal => "不是十进制数，应为 2.20 这样的数".into(),
        NumberProblem::TooManyDigits => {
            "位数太多，无法精确表示（最多 28 位数字，小数点后最多 28 位）".into()
        }
        NumberProblem::DecoratedDigit(c) => format!(
            "中的 `{c}`（U+{:04X}）是带圈、上标等修饰的数字，如列表编号；应为普通数字 0-9",
            u32::from(*c)
        ),
        NumberProblem::MarkAfter(c) => format!(
            "的数字后有标记 `{c}`（U+{:04X}），如脚注；应只写数字（脚注请写在备注列）",
            u32::from(*c)
        ),
        NumberProblem::MixedSeparators => "混用了千位分隔符；应为 1,467.83 这样的数".into(),
        NumberProblem::MisplacedSeparator => "的千位分隔符位置不对；应为 1,467.83 这样的数".into(),
        NumberProblem::NotScientific { .. } => {
            "不是 1.76E+03 这样的科学记数法；应为 2.20 这样的十进制数".into()
        }
        NumberProblem::Hexadecimal { .. } => "像十六进制数；应为 2.20 这样的十进制数".into(),
        NumberProblem::Power { .. } => "是乘方；请写出全部数字，或写成 1E+30".into(),
        NumberProblem::ExponentTooLarge => "的指数太大".into(),
        NumberProblem::OutOfScale { .. } => "太大或太小，无法精确表示；应最多 28 位数字".into(),
        NumberProblem::TrailingMark { marks } => {
            format!("的数字后有标记 `{marks}`；应只写数字（脚注请写在备注列）")
        }
    }
}

fn unfit_en(why: UnfitReason) -> &'static str {
    match why {
        UnfitReason::NotFinite => "is not a finite number; expected a figure such as 2.20",
        UnfitReason::TooLarge => "is too large to hold exactly; expected a number below 7.9E+28",
        UnfitReason::TooManyPlaces => {
            "needs more than 28 decimal places to hold exactly; expected a figure such as 2.20"
        }
        UnfitReason::PercentTooLarge => {
            "is too large a percentage to hold exactly; expected a number below 7.9E+26%"
        }
    }
}

fn unfit_zh(why: UnfitReason) -> &'static str {
    match why {
        UnfitReason::NotFinite => "不是有限数；应为 2.20 这样的数",
        UnfitReason::TooLarge => "太大，无法精确表示；应小于 7.9E+28",
        UnfitReason::TooManyPlaces => "需要超过 28 位小数才能精确表示；应为 2.20 这样的数",
        UnfitReason::PercentTooLarge => "百分比太大，无法精确表示；应小于 7.9E+26%",
    }
}

/// In English, as the plan loader says it after `invalid number \`…\`: `.
impl fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&number_en(self))
    }
}

/// In English, as a cell's reason after the number as shown.
impl fmt::Display for UnfitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(unfit_en(*self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use crate::period::Period;
    use rust_decimal::Decimal;

    /// Words that may stand in Chinese text: formats, encodings, programs, options, units.
    const ALLOWED: &[&str] = &[
        "CSV",
        "UTF-8",
        "UTF-16",
        "GB18030",
        "GBK",
        "gbk",
        "Unicode",
        "YAML",
        "Excel",
        "WPS",
        "--sheet",
        "--encoding",
        ".xlsx",
        ".xls",
        ".ods",
        "MiB",
        "E+03",
    ];

    /// The runs of ASCII letters (3 or more) in `text` outside backticks that are not allowed.
    fn english_in(text: &str) -> Vec<String> {
        let outside: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        outside
            .split(|c: char| !(c.is_ascii_alphanumeric() || "-+._%".contains(c)))
            .filter(|token| {
                let mut run = 0;
                let letters = token.chars().any(|c| {
                    run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
                    run >= 3
                });
                letters
                    && !ALLOWED.contains(token)
                    && !token.starts_with("0x")
                    && !token.starts_with("U+")
            })
            .map(str::to_string)
            .collect()
    }

    /// Which variant `problem` is: exhaustive, so a variant added without a sample here does
    /// not compile, and the test fails until a sample of it is listed.
    fn variant(problem: &DataProblem) -> &'static str {
        match problem {
            DataProblem::BadNumber { why, .. } => match why {
                NumberProblem::Empty => "number empty",
                NumberProblem::NotFinite => "number not finite",
                NumberProblem::NotDecimal => "number not decimal",
                NumberProblem::TooManyDigits => "number too many digits",
                NumberProblem::DecoratedDigit(_) => "number decorated digit",
                NumberProblem::MarkAfter(_) => "number mark after",
                NumberProblem::MixedSeparators => "number mixed separators",
                NumberProblem::MisplacedSeparator => "number misplaced separator",
                NumberProblem::NotScientific { .. } => "number not scientific",
                NumberProblem::Hexadecimal { .. } => "number hexadecimal",
                NumberProblem::Power { .. } => "number power",
                NumberProblem::ExponentTooLarge => "number exponent",
                NumberProblem::OutOfScale { .. } => "number out of scale",
                NumberProblem::TrailingMark { .. } => "number trailing mark",
            },
            DataProblem::NoFigure => "no figure",
            DataProblem::Date { .. } => "date",
            DataProblem::SpreadsheetError { .. } => "spreadsheet error",
            DataProblem::Unfit { why, .. } => match why {
                UnfitReason::NotFinite => "unfit not finite",
                UnfitReason::TooLarge => "unfit too large",
                UnfitReason::TooManyPlaces => "unfit too many places",
                UnfitReason::PercentTooLarge => "unfit percent",
            },
            DataProblem::Unsaved => "unsaved",
            DataProblem::NotMilestoneState { .. } => "milestone state",
            DataProblem::MilestoneUnit { .. } => "milestone unit",
            DataProblem::UnitsDisagree { .. } => "units disagree",
            DataProblem::NameUnitDisagrees { .. } => "name unit",
            DataProblem::DoesNotFit { .. } => "does not fit",
            DataProblem::TotalTooManyDigits { .. } => "total digits",
            DataProblem::GrowthRateUnit { .. } => "growth rate unit",
            DataProblem::PartsDisagree { .. } => "parts disagree",
            DataProblem::UnitLine { .. } => "unit line",
            DataProblem::RowTooWide { .. } => "row too wide",
            DataProblem::DuplicateHeader { .. } => "duplicate header",
            DataProblem::DuplicatePeriodHeader { .. } => "duplicate period header",
            DataProblem::ValueAndPeriodColumns { .. } => "value and period columns",
            DataProblem::NoPeriodColumns { .. } => "no period columns",
            DataProblem::EmptyIndicator => "empty indicator",
            DataProblem::UnknownRegion { .. } => "unknown region",
            DataProblem::QuoteNeverClosed => "quote",
            DataProblem::TooLong { record: true, .. } => "record too long",
            DataProblem::TooLong { record: false, .. } => "line too long",
            DataProblem::InvalidUtf8(case) => match case {
                Utf8Case::Forced => "utf-8 forced",
                Utf8Case::Guessed => "utf-8 guessed",
                Utf8Case::Record => "utf-8 record",
                Utf8Case::Plan => "utf-8 plan",
            },
            DataProblem::BadBytes => "bad bytes",
            DataProblem::OtherDelimiter { .. } => "delimiter",
            DataProblem::NotText { .. } => "not text",
            DataProblem::PlanTooLarge { .. } => "plan too large",
            DataProblem::SheetOnText => "sheet on text",
            DataProblem::WorkbookReaderFailed { .. } => "reader failed",
            DataProblem::DamagedWorkbook { memory: true } => "damaged, memory",
            DataProblem::DamagedWorkbook { memory: false } => "damaged",
            DataProblem::UnknownWorkbookFormat => "unknown format",
            DataProblem::NoSheetNamed { .. } => "no sheet named",
            DataProblem::NoSheets => "no sheets",
            DataProblem::NoVisibleSheet { sheets } => {
                for (_, state) in sheets {
                    match state {
                        SheetState::Visible
                        | SheetState::Chart
                        | SheetState::NotWorksheet
                        | SheetState::Hidden
                        | SheetState::VeryHidden => {}
                    }
                }
                "no visible sheet"
            }
            DataProblem::CannotReadSheet { .. } => "cannot read sheet",
            DataProblem::OdsTooLarge { sheet: Some(_), .. } => "ods sheet too large",
            DataProblem::OdsTooLarge { sheet: None, .. } => "ods sheets too large",
            DataProblem::SheetEmpty { .. } => "sheet empty",
        }
    }

    /// A value of every variant (and every reason, case and sheet state), with data that holds
    /// no English of its own: what is checked is the wording.
    fn samples() -> Vec<DataProblem> {
        let number = |why| DataProblem::BadNumber {
            text: "一二".into(),
            why,
        };
        let text = || "一二".to_string();
        let mut all: Vec<DataProblem> = [
            NumberProblem::Empty,
            NumberProblem::NotFinite,
            NumberProblem::NotDecimal,
            NumberProblem::TooManyDigits,
            NumberProblem::DecoratedDigit('①'),
            NumberProblem::MarkAfter('¹'),
            NumberProblem::MixedSeparators,
            NumberProblem::MisplacedSeparator,
            NumberProblem::NotScientific { text: text() },
            NumberProblem::Hexadecimal { text: text() },
            NumberProblem::Power { text: text() },
            NumberProblem::ExponentTooLarge,
            NumberProblem::OutOfScale { text: text() },
            NumberProblem::TrailingMark { marks: "*".into() },
        ]
        .into_iter()
        .map(number)
        .collect();
        all.extend(UnfitReason::ALL.map(|why| DataProblem::Unfit {
            shown: "1E+29".into(),
            why,
        }));
        all.extend(
            [
                Utf8Case::Forced,
                Utf8Case::Guessed,
                Utf8Case::Record,
                Utf8Case::Plan,
            ]
            .map(DataProblem::InvalidUtf8),
        );
        let year = Period::year(2020);
        all.extend([
            DataProblem::NoFigure,
            DataProblem::Date {
                text: "2020-09-30".into(),
            },
            DataProblem::SpreadsheetError {
                text: "#DIV/0!".into(),
            },
            DataProblem::Unsaved,
            DataProblem::NotMilestoneState { text: text() },
            DataProblem::MilestoneUnit {
                unit: "项".into(),
                target: "里程碑".into(),
            },
            DataProblem::UnitsDisagree {
                number: Decimal::new(175872, 2),
                in_cell: "亿元".into(),
                unit_at: Box::new(Location::at("数据", 2, 4)),
                unit: "万元".into(),
            },
            DataProblem::NameUnitDisagrees {
                unit: "万元".into(),
                name: "技术合同成交额（亿元）".into(),
                in_name: "亿元".into(),
            },
            DataProblem::DoesNotFit {
                number: Decimal::MAX,
                unit: "亿元".into(),
                target_unit: "万元".into(),
            },
            DataProblem::TotalTooManyDigits {
                target: "指标".into(),
            },
            DataProblem::GrowthRateUnit {
                text: "5亿元".into(),
                unit: "亿元".into(),
            },
            DataProblem::PartsDisagree {
                period: year,
                target: "指标".into(),
                value: Decimal::from(16),
                parts: vec![Period::year(2019), year],
                total: Decimal::from(15),
            },
            DataProblem::UnitLine {
                line: "单位 亿元".into(),
            },
            DataProblem::RowTooWide {
                fields: 4,
                width: 3,
                field: 4,
                text: "00".into(),
            },
            DataProblem::DuplicateHeader {
                name: "指标".into(),
                first: 1,
            },
            DataProblem::DuplicatePeriodHeader {
                name: "2020年".into(),
                period: year,
                first: 2,
            },
            DataProblem::ValueAndPeriodColumns {
                header: "指标,数值,2020年".into(),
                value: "数值".into(),
                value_column: 2,
                period: "2020年".into(),
                period_column: 3,
            },
            DataProblem::NoPeriodColumns {
                header: "指标,数值".into(),
            },
            DataProblem::EmptyIndicator,
            DataProblem::UnknownRegion {
                name: "西按市".into(),
                closest: vec!["西安市".into()],
            },
            DataProblem::QuoteNeverClosed,
            DataProblem::TooLong {
                record: true,
                mib: 1,
            },
            DataProblem::TooLong {
                record: false,
                mib: 1,
            },
            DataProblem::BadBytes,
            DataProblem::OtherDelimiter { delimiter: ';' },
            DataProblem::NotText { byte: 0xFF },
            DataProblem::PlanTooLarge { mib: 16 },
            DataProblem::SheetOnText,
            DataProblem::WorkbookReaderFailed {
                detail: "拒绝访问".into(),
            },
            DataProblem::DamagedWorkbook { memory: true },
            DataProblem::DamagedWorkbook { memory: false },
            DataProblem::UnknownWorkbookFormat,
            DataProblem::NoSheetNamed {
                wanted: "2021年".into(),
                sheets: vec!["2020年".into(), "2019年".into()],
            },
            DataProblem::NoSheets,
            DataProblem::NoVisibleSheet {
                sheets: vec![
                    ("甲".into(), SheetState::Visible),
                    ("乙".into(), SheetState::Chart),
                    ("丙".into(), SheetState::NotWorksheet),
                    ("丁".into(), SheetState::Hidden),
                    ("戊".into(), SheetState::VeryHidden),
                ],
            },
            DataProblem::CannotReadSheet {
                sheet: "表".into(),
                detail: "文件已截断".into(),
            },
            DataProblem::OdsTooLarge {
                sheet: Some("表".into()),
                cells: 20_000_000,
                max: 10_000_000,
            },
            DataProblem::OdsTooLarge {
                sheet: None,
                cells: 20_000_000,
                max: 10_000_000,
            },
            DataProblem::SheetEmpty {
                sheet: "表".into()
            },
        ]);
        all
    }

    #[test]
    fn every_data_problem_is_worded_in_both_languages_and_chinese_holds_no_english() {
        let all = samples();
        let mut seen: Vec<&str> = all.iter().map(variant).collect();
        seen.sort_unstable();
        let count = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), count, "each sample is of another variant");
        // Every name `variant` gives (read from its source) is a sample's: a variant added
        // there without a sample here fails.
        let source = include_str!("data.rs");
        let body =
            &source[source.find("fn variant(").unwrap()..source.find("fn samples(").unwrap()];
        let mut names: Vec<&str> = body.split('"').skip(1).step_by(2).collect();
        names.sort_unstable();
        assert_eq!(seen, names, "a sample of every variant");
        for problem in &all {
            let (en, zh) = (en(problem), zh(problem));
            assert!(!en.is_empty() && !zh.is_empty(), "{problem:?}");
            assert_ne!(en, zh, "{problem:?}");
            assert_eq!(english_in(&zh), Vec::<String>::new(), "{zh}");
        }
        // The sheet states, each worded in both languages.
        let states = DataProblem::NoVisibleSheet {
            sheets: vec![("甲".into(), SheetState::VeryHidden)],
        };
        assert!(zh(&states).contains("`甲`（深度隐藏）"));
        assert!(en(&states).contains("`甲` (very hidden)"));
    }

    #[test]
    fn the_check_finds_english_outside_backticks() {
        assert_eq!(english_in("数值 `abc` 不是十进制数"), Vec::<String>::new());
        assert_eq!(
            english_in("应为 UTF-8 或 GBK，字节 0xFF，U+FFFD"),
            Vec::<String>::new()
        );
        assert_eq!(
            english_in("数值 expected 2.20"),
            vec!["expected".to_string()]
        );
        assert_eq!(english_in("另存为 .csv"), vec![".csv".to_string()]);
    }
}
