//! How a person writes targets and figures: `>= 2.20%`, `> 1200 亿元`, `较上年增长 >= 20%`.

use rust_decimal::Decimal;

use crate::plan::{Rule, Target};

/// A number with its unit: `2.20%` (percent sticks to the number), `1200 亿元`.
pub fn number_with_unit(value: Decimal, unit: Option<&str>) -> String {
    match unit {
        Some("%") => format!("{value}%"),
        Some(unit) => format!("{value} {unit}"),
        None => value.to_string(),
    }
}

/// A gap with its sign: `+0.22`, `-3`, `0`.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

/// The target as a person writes it. Only ASCII symbols (`>=`, not `≥`), which line up in every
/// terminal, CJK-configured or not.
pub fn target_text(target: &Target) -> String {
    let unit = target.unit.as_deref();
    let n = |v: Decimal| number_with_unit(v, unit);
    match target.rule {
        Rule::AtLeast(v) => format!(">= {}", n(v)),
        Rule::MoreThan(v) => format!("> {}", n(v)),
        Rule::AtMost(v) => format!("<= {}", n(v)),
        Rule::LessThan(v) => format!("< {}", n(v)),
        Rule::Between { min, max } => format!("{} ~ {}", n(min), n(max)),
        Rule::GrowthAtLeast(v) => format!("较上年增长 >= {v}%"),
        Rule::RatioAtLeast(k) if k == Decimal::TWO => "较上年翻番".to_string(),
        Rule::RatioAtLeast(k) => format!("较上年 >= {k} 倍"),
        Rule::Increase => "较上年提升".to_string(),
        Rule::Decrease => "较上年下降".to_string(),
        Rule::Done => "完成".to_string(),
    }
}
