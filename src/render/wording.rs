//! Numbers as a person writes them: `2.20%` (percent sticks to the number), `1200 亿元`, `+0.22`.

use rust_decimal::Decimal;

/// A number with its unit: `2.20%` (percent sticks to the number), `1200 亿元`.
pub fn number_with_unit(value: Decimal, unit: Option<&str>) -> String {
    match unit {
        Some("%") => format!("{value}%"),
        Some(unit) => format!("{value} {unit}"),
        None => value.to_string(),
    }
}

/// A unit in English words, for the units plans use: 亿元 is `CNY 100m`, 家 `firms`. `None`
/// for a unit not among them, which is shown as written.
pub fn english_unit(unit: &str) -> Option<&'static str> {
    Some(match crate::units::normalize_unit(unit).as_str() {
        "%" => "%",
        "元" => "CNY",
        "千元" => "CNY 1k",
        "万元" | "万" => "CNY 10k",
        "百万元" => "CNY 1m",
        "千万元" => "CNY 10m",
        "亿元" | "亿" => "CNY 100m",
        "家" => "firms",
        "个" => "units",
        "项" => "items",
        "件" => "items",
        "支" => "teams",
        "所" => "institutes",
        "名" | "人" => "people",
        "万人" => "10k people",
        "座" => "sites",
        "次" => "times",
        "个百分点" => "percentage points",
        _ => return None,
    })
}

/// A gap with its sign: `+0.22`, `-3`, `0`.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{value}")
    } else {
        value.to_string()
    }
}
