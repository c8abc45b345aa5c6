//! Units and exact conversion between them: money in 元 / 万元 / 亿元 converts by powers of ten,
//! percentages stay percentages, counts (家, 个, 项, 支, 位, 所) are interchangeable, and anything
//! else only matches itself.

use crate::names::nfkc;
use rust_decimal::Decimal;

/// What a unit measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitKind {
    /// Money; the power of ten of one unit in 元 (万元 = 4, 亿元 = 8).
    Money(u32),
    /// A percentage (or percentage points).
    Percent,
    /// A count of things; the power of ten of one unit in things (万人 = 4).
    Count(u32),
    /// Any other unit, in normal form; it converts only to itself.
    Other(String),
}

/// Money units and their power of ten in 元. `万` and `亿` alone are how sheets shorten 万元 and
/// 亿元; against a count they do not convert (a count says `万人`, `万家`).
const MONEY: &[(&str, u32)] = &[
    ("元", 0),
    ("千元", 3),
    ("万元", 4),
    ("万", 4),
    ("百万元", 6),
    ("千万元", 7),
    ("亿元", 8),
    ("亿", 8),
    ("万亿元", 12),
    ("万亿", 12),
];

/// Count units: a number of firms, platforms, projects, funds, ranks, institutes.
const COUNTS: &[&str] = &[
    "家", "个", "项", "支", "位", "所", "件", "名", "人", "座", "次",
];

/// A unit in normal form: NFKC, no spaces, no surrounding brackets (`（亿元）` is `亿元`).
pub fn normalize_unit(unit: &str) -> String {
    let unit: String = nfkc(unit).chars().filter(|c| !c.is_whitespace()).collect();
    match unit.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']')) {
        "百分比" => "%".to_string(),
        other => other.to_string(),
    }
}

/// Classifies a unit.
pub fn kind(unit: &str) -> UnitKind {
    let unit = normalize_unit(unit);
    if unit == "%" {
        return UnitKind::Percent;
    }
    if let Some((_, power)) = MONEY.iter().find(|(name, _)| *name == unit) {
        return UnitKind::Money(*power);
    }
    if COUNTS.contains(&unit.as_str()) {
        return UnitKind::Count(0);
    }
    // 万人, 万家, 万件: ten thousand of a count.
    if let Some(count) = unit.strip_prefix('万') {
        if COUNTS.contains(&count) {
            return UnitKind::Count(4);
        }
    }
    UnitKind::Other(unit)
}

/// How a value in one unit becomes a value in another, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// The same quantity (the same unit, or counts of different words).
    Same,
    /// Multiply by 10^n (亿元 to 万元: n = 4).
    Up(u32),
    /// Divide by 10^n, by moving the decimal point (万元 to 亿元: n = 4).
    Down(u32),
}

impl Conversion {
    /// Applies the conversion; `None` when the result does not fit a decimal.
    pub fn apply(self, value: Decimal) -> Option<Decimal> {
        match self {
            Conversion::Same => Some(value),
            // A product too wide for a decimal comes back rounded to fewer places: refused.
            Conversion::Up(n) => value
                .checked_mul(Decimal::from_i128_with_scale(10i128.pow(n), 0))
                .filter(|product| product.scale() == value.scale()),
            Conversion::Down(n) => {
                let scale = value.scale() + n;
                let mut result = value;
                (scale <= 28 && result.set_scale(scale).is_ok()).then_some(result)
            }
        }
    }
}

/// How to convert from unit `from` to unit `to`; `None` when they measure different things
/// (亿元 and 家).
pub fn conversion(from: &str, to: &str) -> Option<Conversion> {
    let powers = match (kind(from), kind(to)) {
        (UnitKind::Money(a), UnitKind::Money(b)) | (UnitKind::Count(a), UnitKind::Count(b)) => {
            (a, b)
        }
        (a, b) if a == b => return Some(Conversion::Same),
        _ => return None,
    };
    Some(match powers {
        (a, b) if a > b => Conversion::Up(a - b),
        (a, b) if a < b => Conversion::Down(b - a),
        _ => Conversion::Same,
    })
}

/// Converts `value` from unit `from` to unit `to`, exactly, without trailing zeros when it
/// moved the decimal point; `None` when the units measure different things (亿元 and 家) or the
/// result does not fit.
pub fn convert(value: Decimal, from: &str, to: &str) -> Option<Decimal> {
    match conversion(from, to)? {
        Conversion::Same => Some(value),
        c @ Conversion::Up(_) => c.apply(value),
        c @ Conversion::Down(_) => c.apply(value).map(|v| v.normalize()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_converts_exactly() {
        assert_eq!(convert(d("12000000"), "万元", "亿元"), Some(d("1200")));
        assert_eq!(
            convert(d("14678300"), "万元", "亿元").unwrap().to_string(),
            "1467.83"
        );
        assert_eq!(
            convert(d("1467.83"), "亿元", "万元").unwrap().to_string(),
            "14678300.00"
        );
        assert_eq!(
            convert(d("1"), "元", "亿元").unwrap().to_string(),
            "0.00000001"
        );
        assert_eq!(convert(d("5"), "（万元）", "万元"), Some(d("5")));
    }

    #[test]
    fn the_same_money_unit_keeps_the_figure_as_written() {
        assert_eq!(conversion("万元", "万元"), Some(Conversion::Same));
        assert_eq!(conversion("（亿元）", "亿元"), Some(Conversion::Same));
        assert_eq!(conversion("亿元", "万元"), Some(Conversion::Up(4)));
        assert_eq!(conversion("万元", "亿元"), Some(Conversion::Down(4)));
        assert_eq!(convert(d("2"), "万亿元", "亿元"), Some(d("20000")));
        assert_eq!(convert(d("28252"), "亿元", "万亿元"), Some(d("2.8252")));
        assert_eq!(
            convert(d("1200.00"), "亿元", "亿元").unwrap().to_string(),
            "1200.00",
            "2 places as written, not 1200"
        );
    }

    #[test]
    fn counts_are_interchangeable_and_others_are_not() {
        assert_eq!(convert(d("6198"), "个", "家"), Some(d("6198")));
        assert_eq!(convert(d("2.42"), "%", "%"), Some(d("2.42")));
        assert_eq!(convert(d("1"), "亿元", "家"), None);
        assert_eq!(convert(d("1"), "%", "亿元"), None);
        assert_eq!(convert(d("1"), "吨", "吨"), Some(d("1")));
        assert_eq!(convert(d("1"), "吨", "千克"), None);
    }

    #[test]
    fn shorthands_as_sheets_write_them() {
        assert_eq!(convert(d("1758.72"), "亿", "亿元"), Some(d("1758.72")));
        assert_eq!(convert(d("17587200"), "万", "亿元"), Some(d("1758.72")));
        assert_eq!(convert(d("1.2"), "万人", "人"), Some(d("12000.0")));
        assert_eq!(convert(d("12000"), "人", "万人"), Some(d("1.2")));
        assert_eq!(convert(d("3"), "万家", "家"), Some(d("30000")));
        assert_eq!(convert(d("1"), "万", "家"), None, "万 alone is money");
        assert_eq!(convert(d("1"), "万人", "亿元"), None);
        assert_eq!(
            convert(d("2"), "个百分点", "%"),
            None,
            "a change, not a level"
        );
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        assert_eq!(convert(Decimal::MAX, "亿元", "元"), None);
        assert_eq!(
            convert(d("1.234567890123456789012345678"), "亿元", "万元"),
            None,
            "28 digits times 10^4 would be rounded"
        );
        assert_eq!(
            convert(d("1.234567890123456789012345"), "亿元", "万元")
                .unwrap()
                .to_string(),
            "12345.678901234567890123450000",
            "26 digits times 10^4 fit"
        );
        assert_eq!(
            convert(d("0.0000000000000000000000001"), "元", "亿元"),
            None
        );
    }
}
