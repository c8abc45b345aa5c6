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
        "万亿元" | "万亿" => "CNY trillion",
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

/// An English unit for `value` of it: the singular for exactly one (`1 zone`, `1.0 firm`, `-1
/// person`), else the unit as written, which is the plural (`0 zones`, `2 firms`). The singular
/// follows the regular rules of English (`facilities` → `facility`, `boxes` → `box`, `labs` →
/// `lab`) and two irregular ones (`people` → `person`, the last word of `percentage points`).
/// A unit that is not a plural noun (`CNY 100m`, `%`, `10k people`) is left as it is.
pub fn counted(value: Decimal, unit: &str) -> String {
    if value.abs() != Decimal::ONE {
        return unit.to_string();
    }
    singular(unit).unwrap_or_else(|| unit.to_string())
}

/// The singular of a plural English unit: its last word made singular. `None` when the unit is
/// not a plural noun, or starts with a number or an amount (`10k people`, `CNY 10k`).
fn singular(unit: &str) -> Option<String> {
    let starts_with_amount = unit
        .split_whitespace()
        .next()
        .is_some_and(|word| word.starts_with(|c: char| c.is_ascii_digit()) || word == "CNY");
    if starts_with_amount {
        return None;
    }
    let cut = unit.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = unit.split_at(cut);
    let one = match last {
        "people" => "person".to_string(),
        "times" => "time".to_string(),
        _ if last.len() > 3 && last.ends_with("ies") => format!("{}y", &last[..last.len() - 3]),
        _ if ["ches", "shes", "sses", "xes"]
            .iter()
            .any(|end| last.ends_with(end)) =>
        {
            last[..last.len() - 2].to_string()
        }
        _ if last.len() > 1 && last.ends_with('s') && !last.ends_with("ss") => {
            last[..last.len() - 1].to_string()
        }
        _ => return None,
    };
    Some(format!("{head}{one}"))
}

/// A gap with its sign: `+0.22`, `-3`, `0`.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::counted;
    use rust_decimal::Decimal;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn one_of_a_unit_is_singular() {
        for (unit, one) in [
            ("zones", "zone"),
            ("sub-funds", "sub-fund"),
            ("labs", "lab"),
            ("facilities", "facility"),
            ("boxes", "box"),
            ("branches", "branch"),
            ("classes", "class"),
            ("bases", "base"),
            ("people", "person"),
            ("percentage points", "percentage point"),
            ("key labs", "key lab"),
            ("times", "time"),
        ] {
            assert_eq!(counted(d("1"), unit), one, "{unit}");
            assert_eq!(counted(d("1.00"), unit), one, "{unit}");
            assert_eq!(counted(d("-1"), unit), one, "{unit}");
            for other in ["0", "2", "1.5", "0.1", "-2", "11", "10"] {
                assert_eq!(counted(d(other), unit), unit, "{other} {unit}");
            }
        }
    }

    #[test]
    fn units_that_are_not_plural_nouns_stay() {
        for unit in [
            "CNY 100m",
            "CNY 10k",
            "CNY",
            "%",
            "10k people",
            "glass",
            "x",
            "s",
        ] {
            assert_eq!(counted(d("1"), unit), unit);
        }
    }
}
