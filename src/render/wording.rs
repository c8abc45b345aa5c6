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

/// A gap with its sign: `+0.22`, `-3`, `0`.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{value}")
    } else {
        value.to_string()
    }
}
