//! The words of the typed errors, in Chinese and in English, and an error's line as printed.
//! Errors not yet typed (`Message::Text`) are in English in both.

mod data;
mod place;
mod plan;
mod usage;

use super::Lang;
use crate::error::{shorten, Error, Invisible, IoProblem, Message, Named};
use crate::warning::Breach;

impl Lang {
    /// `message` in this language.
    pub fn message(self, message: &Message) -> String {
        match self {
            Lang::Zh => zh(message),
            Lang::En => en(message),
        }
    }

    /// One error as printed after `error: ` (`错误：`): where, then what.
    pub fn error_text(self, err: &Error) -> String {
        match (self, err.said()) {
            (Lang::Zh, Message::Text(_)) | (Lang::En, _) => {
                format!("{}: {}", err.at(), self.message(err.said()))
            }
            (Lang::Zh, said) => format!("{}：{}", self.place(err.at()), self.message(said)),
        }
    }

    /// The word an error line starts with.
    pub fn error_word(self) -> &'static str {
        match self {
            Lang::Zh => "错误：",
            Lang::En => "error: ",
        }
    }

    /// The closing line when there was more than one error: how many, and how many not shown.
    pub fn error_count(self, all: u64, unshown: u64) -> String {
        match (self, unshown) {
            (Lang::Zh, 0) => format!("共 {all} 个错误"),
            (Lang::Zh, n) => format!("另有 {n} 个错误未显示；共 {all} 个错误"),
            (Lang::En, 0) => format!("{all} errors in all"),
            (Lang::En, n) => format!("{n} more errors not shown; {all} errors in all"),
        }
    }
}

fn targets(named: &[Named], separator: &str, open: &str, close: &str) -> String {
    named
        .iter()
        .map(|n| format!("`{}`{open}{}{close}", n.name, n.id))
        .collect::<Vec<_>>()
        .join(separator)
}

/// What a count, rank or share that cannot be is, in English.
pub(super) fn breach_en(breach: Breach, unit: &str, value: rust_decimal::Decimal) -> String {
    match breach {
        Breach::NegativeCount => {
            format!("a count of {unit} cannot be negative; expected a whole number, 0 or more")
        }
        Breach::FractionalCount => format!(
            "a count of {unit} is a whole number; expected one such as {}",
            value.trunc()
        ),
        Breach::Rank => "a rank is a whole number from 1 (1st) on; expected one such as 15".into(),
        Breach::Share => "a share in % is from 0 to 100; expected a percentage such as 2.2".into(),
    }
}

/// What a count, rank or share that cannot be is, in Chinese.
pub(super) fn breach_zh(breach: Breach, unit: &str, value: rust_decimal::Decimal) -> String {
    match breach {
        Breach::NegativeCount => format!("{unit}数不能为负，应为 0 或正整数"),
        Breach::FractionalCount => format!("{unit}数应为整数，如 {}", value.trunc()),
        Breach::Rank => "排名应为从 1 起的整数，如 15".to_string(),
        Breach::Share => "百分比应在 0 到 100 之间，如 2.2".to_string(),
    }
}

/// A reader's name for an invisible character: (English, Chinese).
fn invisible_names(c: char) -> (&'static str, &'static str) {
    match c {
        '\0' => ("a NUL byte", "空字符"),
        '\t' => ("a tab", "制表符"),
        '\n' | '\r' => ("a line break", "换行符"),
        '\u{1b}' => (
            "an escape, which starts a terminal control sequence",
            "转义符，可开始终端控制序列",
        ),
        '\u{00AD}' => ("soft hyphen", "软连字符"),
        '\u{200B}' => ("zero-width space", "零宽空格"),
        '\u{200C}' => ("zero-width non-joiner", "零宽非连接符"),
        '\u{200D}' => ("zero-width joiner", "零宽连接符"),
        '\u{200E}' | '\u{200F}' | '\u{061C}' => ("a direction mark", "方向标记"),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            ("a text-direction override", "文字方向控制符")
        }
        '\u{2060}' => ("word joiner", "零宽不换行符"),
        '\u{FEFF}' => ("byte-order mark", "字节顺序标记"),
        c if c.is_control() => ("a control character", "控制字符"),
        _ => ("an invisible format character", "不可见的格式字符"),
    }
}

fn invisible_en(i: &Invisible) -> String {
    let more = match i.more {
        0 => String::new(),
        1 => " and 1 more such character".to_string(),
        n => format!(" and {n} more such characters"),
    };
    format!(
        "it holds `\\u{{{:x}}}` ({}) at character {}{more}, which is not seen on screen",
        u32::from(i.c),
        invisible_names(i.c).0,
        i.at
    )
}

fn invisible_zh(i: &Invisible) -> String {
    let more = match i.more {
        0 => String::new(),
        n => format!("，另有 {n} 个这样的字符"),
    };
    format!(
        "其中第 {} 个字符是看不见的 `\\u{{{:x}}}`（{}）{more}",
        i.at,
        u32::from(i.c),
        invisible_names(i.c).1
    )
}

/// `names` as `\`a\` or \`b\``.
fn either(names: &[&str], or: &str) -> String {
    names
        .iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(or)
}

fn en(message: &Message) -> String {
    match message {
        Message::Text(text) => text.clone(),
        Message::Data(problem) => data::en(problem),
        Message::Plan(problem) => plan::en(problem),
        Message::Usage(problem) => usage::en(problem),
        Message::Unreadable(problem) => match problem {
            IoProblem::NotFound => "no such file".into(),
            IoProblem::PermissionDenied => "permission denied".into(),
            IoProblem::IsADirectory => "is a directory; expected a file".into(),
            IoProblem::Other(text) => text.clone(),
        },
        Message::StdoutClosed => "closed, so the output cannot be written; expected an open \
                                  standard output (or --output FILE)"
            .into(),
        Message::EmptyFile => {
            "empty file; expected a header row such as `indicator,period,value`".into()
        }
        Message::NoHeaderRow => "no header row; expected a row naming an indicator column and a \
                                 value column (or period columns such as 2020年)"
            .into(),
        Message::NoIndicatorColumn { header, accepted } => format!(
            "no indicator column in header `{header}`; expected a column named {}",
            either(accepted, " or ")
        ),
        Message::NoValueColumn { header, accepted } => format!(
            "no value column in header `{header}`; expected a column named {}, or period \
             columns such as `2019年,2020年`",
            either(accepted, " or ")
        ),
        Message::UnknownIndicator {
            name,
            invisible,
            meant,
            closest,
        } => {
            let mut text = format!("unknown indicator `{}`", shorten(name));
            if let Some(i) = invisible {
                text.push_str("; ");
                text.push_str(&invisible_en(i));
                if let Some(m) = meant {
                    text.push_str(&format!("; without it, it is `{}` ({})", m.name, m.id));
                }
            }
            text.push_str(&format!(
                "; closest known: {}",
                targets(closest, ", ", " (", ")")
            ));
            text
        }
        Message::SecondFigure {
            target,
            period,
            first,
        } => format!(
            "second figure for `{target}` in {period}; the first is at {first}; expected one \
             figure per indicator and period"
        ),
        Message::NotAPeriod { text } => format!(
            "period `{}` is not a period; expected a year (2020, 2020年), a quarter (2020Q3, \
             2020年三季度), months so far (2020年1-9月, 2020年前三季度), a half (2020H1) or a \
             month (2020-09)",
            shorten(text)
        ),
        Message::UnitCannotConvert {
            unit,
            from_line,
            target_unit,
            target,
        } => {
            let from = from_line.map_or(String::new(), |line| {
                format!(" (from the unit on line {line})")
            });
            format!(
                "unit `{unit}`{from} cannot be converted to `{target_unit}`, the plan's unit for \
                 `{target}`"
            )
        }
        Message::BlankUnit {
            written_at,
            unit,
            target_unit,
        } => format!(
            "unit cell is blank, while {written_at} gives `{unit}`; expected a unit in every row \
             of the unit column (a blank is not read as the plan's `{target_unit}`)"
        ),
        Message::OutOfRange {
            value,
            target,
            id,
            unit,
            breach,
        } => format!(
            "value `{value}` for `{target}`: {} (if the plan means such figures, give target \
             `{id}` `out_of_range: warn` or `allow`)",
            breach_en(*breach, unit, *value)
        ),
    }
}

fn zh(message: &Message) -> String {
    match message {
        Message::Text(text) => text.clone(),
        Message::Data(problem) => data::zh(problem),
        Message::Plan(problem) => plan::zh(problem),
        Message::Usage(problem) => usage::zh(problem),
        Message::Unreadable(problem) => match problem {
            IoProblem::NotFound => "没有这个文件".into(),
            IoProblem::PermissionDenied => "没有读取权限".into(),
            IoProblem::IsADirectory => "是文件夹，应为文件".into(),
            IoProblem::Other(text) => format!("无法读取：{text}"),
        },
        Message::StdoutClosed => {
            "已关闭，输出无法写出；应打开标准输出（或使用 --output FILE）".into()
        }
        Message::EmptyFile => "空文件；应有 `指标,时期,数值` 这样的表头行".into(),
        Message::NoHeaderRow => {
            "没有表头行；应有一行写明指标列和数值列（或 2020年 这样的时期列）".into()
        }
        Message::NoIndicatorColumn { header, accepted } => format!(
            "表头 `{header}` 中没有指标列；应有名为 {} 的列",
            either(accepted, "、")
        ),
        Message::NoValueColumn { header, accepted } => format!(
            "表头 `{header}` 中没有数值列；应有名为 {} 的列，或 `2019年,2020年` 这样的时期列",
            either(accepted, "、")
        ),
        Message::UnknownIndicator {
            name,
            invisible,
            meant,
            closest,
        } => {
            let mut text = format!("计划中没有指标 `{}`", shorten(name));
            if let Some(i) = invisible {
                text.push('；');
                text.push_str(&invisible_zh(i));
                if let Some(m) = meant {
                    text.push_str(&format!("；去掉后即为 `{}`（{}）", m.name, m.id));
                }
            }
            text.push_str(&format!(
                "；最接近的指标：{}",
                targets(closest, "、", "（", "）")
            ));
            text
        }
        Message::SecondFigure {
            target,
            period,
            first,
        } => format!(
            "`{target}` 在 {} 有第二个数据，第一个在 {}；每个指标每个时期只应有一个数据",
            period.zh(),
            Lang::Zh.place(first)
        ),
        Message::NotAPeriod { text } => format!(
            "时期 `{}` 无法识别；应为年份（2020、2020年）、季度（2020Q3、2020年三季度）、年初至今\
             （2020年1-9月、2020年前三季度）、半年（2020H1）或月份（2020-09）",
            shorten(text)
        ),
        Message::UnitCannotConvert {
            unit,
            from_line,
            target_unit,
            target,
        } => {
            let from = from_line.map_or(String::new(), |line| {
                format!("（来自第 {line} 行的单位行）")
            });
            format!("单位 `{unit}`{from} 无法换算为计划中 `{target}` 的单位 `{target_unit}`")
        }
        Message::BlankUnit {
            written_at,
            unit,
            target_unit,
        } => format!(
            "单位为空，而 {} 填的是 `{unit}`；单位列应每行都填（空白不会按计划单位 \
             `{target_unit}` 读取）",
            Lang::Zh.place(written_at)
        ),
        Message::OutOfRange {
            value,
            target,
            id,
            unit,
            breach,
        } => format!(
            "`{target}` 的数值 `{value}`：{}（如计划确有此类数据，可为指标 `{id}` 设置 \
             `out_of_range: warn` 或 `allow`）",
            breach_zh(*breach, unit, *value)
        ),
    }
}
