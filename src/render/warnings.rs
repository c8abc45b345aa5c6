//! The words of every warning, in Chinese and in English: one place, so every format warns in
//! the report's language. Each starts with where it is (file:line:col).

use rust_decimal::Decimal;

use super::Lang;
use crate::error::shorten;
use crate::period::Period;
use crate::warning::{Against, Warning};

impl Lang {
    /// `warning` in this language.
    pub fn warning_text(self, warning: &Warning) -> String {
        match self {
            Lang::Zh => zh(warning),
            Lang::En => en(warning),
        }
    }
}

/// Periods joined as a sum: `2020-07 + 2020-08 + 2020-09`.
fn sum_of(parts: &[Period], name: impl Fn(&Period) -> String) -> String {
    parts.iter().map(name).collect::<Vec<_>>().join(" + ")
}

fn en(warning: &Warning) -> String {
    match warning {
        Warning::LaterThanChecked {
            at,
            target,
            period,
            as_of,
            more,
        } => format!(
            "{at}: the figure for `{target}` for {period} is later than the period checked \
             ({as_of}); not used{}",
            match more {
                0 => String::new(),
                1 => ", nor 1 more later figure".to_string(),
                n => format!(", nor {n} more later figures"),
            }
        ),
        Warning::FallingToDate {
            at,
            target,
            from,
            to,
        } => format!(
            "{at}: the year-to-date figure for `{target}` falls from {} ({}) to {} ({})",
            from.0, from.1, to.0, to.1
        ),
        Warning::PartsDisagree {
            at,
            target,
            period,
            value,
            parts,
            total,
        } => format!(
            "{at}: {period} figure for `{target}` is {value}, but {} add up to {total}; the \
             quarter figure is used",
            sum_of(parts, Period::to_string)
        ),
        Warning::LevelsDisagree {
            at,
            target,
            figures,
        } => format!(
            "{at}: figures for `{target}` at the same date disagree ({}); the shortest period's \
             is used",
            figures
                .iter()
                .map(|(p, v)| format!("{p} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Warning::MilestoneRegressed {
            at,
            target,
            state,
            period,
            done,
        } => format!(
            "{at}: `{target}` is reported {} for {period} after being done by {done}",
            state.key()
        ),
        Warning::LooksLikeFraction {
            at,
            target,
            value,
            against,
        } => {
            let percent = as_percent(*value);
            let (what, level) = match against {
                Against::Target(v) => ("target", v),
                Against::Baseline(v) => ("baseline", v),
            };
            format!(
                "{at}: {value} for `{target}` ({what} {level}%) looks like a fraction; if it \
                 means {percent}%, write {percent} or {percent}%"
            )
        }
        Warning::GrowthDisagrees {
            at,
            target,
            reported,
            base,
            value,
            computed,
        } => format!(
            "{at}: reported growth {reported}% for `{target}` disagrees with {base} -> {value} \
             ({computed}%); the check used the figures"
        ),
        Warning::OutOfRange {
            at,
            target,
            value,
            unit,
            breach,
        } => {
            let why = super::errors::breach_en(*breach, unit, *value);
            format!("{at}: value `{value}` for `{target}`: {why} (out_of_range: warn)")
        }
        Warning::UnsavedFormula { at, cells } => {
            let more = match cells {
                0 | 1 => String::new(),
                2 => ", and 1 more cell like it".to_string(),
                n => format!(", and {} more cells like it", n - 1),
            };
            format!(
                "{at}: formula without a saved value{more}; open and save the file in Excel or WPS"
            )
        }
        Warning::OtherYears {
            at,
            period,
            horizon,
            rows,
        } => {
            let plan_year = horizon.target;
            let years = match horizon.base_year() {
                _ if horizon.is_multi_year() => {
                    format!("outside the plan's years, {} to {plan_year}", horizon.base)
                }
                Some(base) => {
                    format!("neither the plan year {plan_year} nor the baseline year {base}")
                }
                None => format!("not the plan year {plan_year}"),
            };
            let more = match rows {
                0 | 1 => String::new(),
                2 => ", and 1 more row for another year".to_string(),
                n => format!(", and {} more rows for other years", n - 1),
            };
            format!("{at}: period {period} is {years}; row ignored{more}")
        }
        Warning::SkippedNames {
            rows,
            names,
            unlisted,
        } => {
            let mut listed: Vec<String> = names
                .iter()
                .map(|n| match n.rows {
                    1 => format!("`{}` (1 row, at {})", shorten(&n.name), n.first),
                    r => format!(
                        "`{}` ({r} rows, the first at {})",
                        shorten(&n.name),
                        n.first
                    ),
                })
                .collect();
            if *unlisted > 0 {
                listed.push(format!("and {unlisted} more names"));
            }
            format!(
                "skipped {rows} row{} whose indicator is not in the plan (--ignore-unknown): {}",
                if *rows == 1 { "" } else { "s" },
                listed.join(", ")
            )
        }
        Warning::NoFigures { file } => format!(
            "{file}: no figures read from the file; expected rows with a figure in the value \
             column (or in period columns)"
        ),
    }
}

fn zh(warning: &Warning) -> String {
    match warning {
        Warning::LaterThanChecked {
            at,
            target,
            period,
            as_of,
            more,
        } => format!(
            "{at}：`{target}` 的 {} 数据晚于所查时期（{}），未使用{}",
            period.zh(),
            as_of.zh(),
            match more {
                0 => String::new(),
                n => format!("；另有 {n} 个更晚的数据也未使用"),
            }
        ),
        Warning::FallingToDate {
            at,
            target,
            from,
            to,
        } => format!(
            "{at}：`{target}` 的累计数由 {}（{}）降为 {}（{}）",
            from.0,
            from.1.zh(),
            to.0,
            to.1.zh()
        ),
        Warning::PartsDisagree {
            at,
            target,
            period,
            value,
            parts,
            total,
        } => format!(
            "{at}：`{target}` {} 数据为 {value}，而 {} 合计 {total}；采用季度数据",
            period.zh(),
            sum_of(parts, |p| p.zh())
        ),
        Warning::LevelsDisagree {
            at,
            target,
            figures,
        } => format!(
            "{at}：`{target}` 同一时点的数据不一致（{}）；采用时期最短的数据",
            figures
                .iter()
                .map(|(p, v)| format!("{} {v}", p.zh()))
                .collect::<Vec<_>>()
                .join("，")
        ),
        Warning::MilestoneRegressed {
            at,
            target,
            state,
            period,
            done,
        } => format!(
            "{at}：`{target}` 已于 {} 完成，{} 又报为“{}”",
            done.zh(),
            period.zh(),
            Lang::Zh.progress(*state)
        ),
        Warning::LooksLikeFraction {
            at,
            target,
            value,
            against,
        } => {
            let percent = as_percent(*value);
            let (what, level) = match against {
                Against::Target(v) => ("目标", v),
                Against::Baseline(v) => ("基期", v),
            };
            format!(
                "{at}：`{target}` 的 {value}（{what} {level}%）像是小数；如指 {percent}%，请填 \
                 {percent} 或 {percent}%"
            )
        }
        Warning::GrowthDisagrees {
            at,
            target,
            reported,
            base,
            value,
            computed,
        } => format!(
            "{at}：`{target}` 填报的增速 {reported}% 与数据 {base} → {value}（{computed}%）不符；\
             按数据检查"
        ),
        Warning::OutOfRange {
            at,
            target,
            value,
            unit,
            breach,
        } => {
            let why = super::errors::breach_zh(*breach, unit, *value);
            format!("{at}：`{target}` 的数值 `{value}`：{why}（out_of_range: warn）")
        }
        Warning::UnsavedFormula { at, cells } => {
            let more = match cells {
                0 | 1 => String::new(),
                n => format!("，另有 {} 个这样的单元格", n - 1),
            };
            format!("{at}：公式没有保存的值{more}；请在 Excel 或 WPS 中打开并保存该文件")
        }
        Warning::OtherYears {
            at,
            period,
            horizon,
            rows,
        } => {
            let plan_year = horizon.target;
            let years = match horizon.base_year() {
                _ if horizon.is_multi_year() => {
                    format!("不在规划期 {}—{plan_year} 年内", horizon.base)
                }
                Some(base) => format!("既非计划年 {plan_year} 年，也非基期 {base} 年"),
                None => format!("不是计划年 {plan_year} 年"),
            };
            let more = match rows {
                0 | 1 => String::new(),
                n => format!("；另有 {} 行其他年份的数据", n - 1),
            };
            format!("{at}：时期 {} {years}，该行未使用{more}", period.zh())
        }
        Warning::SkippedNames {
            rows,
            names,
            unlisted,
        } => {
            let mut listed: Vec<String> = names
                .iter()
                .map(|n| match n.rows {
                    1 => format!("`{}`（1 行，在 {}）", shorten(&n.name), n.first),
                    r => format!("`{}`（{r} 行，首行在 {}）", shorten(&n.name), n.first),
                })
                .collect();
            if *unlisted > 0 {
                listed.push(format!("另有 {unlisted} 个名称"));
            }
            format!(
                "跳过 {rows} 行计划中没有的指标（--ignore-unknown）：{}",
                listed.join("，")
            )
        }
        Warning::NoFigures { file } => {
            format!("{file}：文件中没有读到数据；应有在数值列（或时期列）中填有数据的行")
        }
    }
}

/// `value` (a fraction) in percent, without trailing zeros.
fn as_percent(value: Decimal) -> Decimal {
    (value * Decimal::ONE_HUNDRED).normalize()
}
