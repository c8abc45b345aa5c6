//! calamine's cells as our cells: text trimmed, dates as dates, a float as the decimal Excel
//! shows (15 significant digits), a fraction as the percent it shows, and a number no decimal
//! holds exactly kept apart as unfit, never rounded further.

use calamine::Data;
use rust_decimal::Decimal;

use crate::actuals::grid::{Cell, Unfit};
use crate::error::UnfitReason;

/// A fraction as the percent it shows: 0.0242 as 2.42.
pub(super) fn as_percent(n: Decimal) -> Cell {
    match n.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => Cell::Percent(p.normalize()),
        None => Cell::Unfit(Unfit {
            shown: format!("{}%", n.normalize()),
            why: UnfitReason::PercentTooLarge,
        }),
    }
}

/// One calamine cell as a grid cell.
pub(super) fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.trim().to_string()),
        Data::Int(i) => Cell::Number(Decimal::from(*i)),
        Data::Float(f) => float(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{d:02}"))
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Date(text.clone()),
        Data::Error(err) => Cell::Error(format!("{err}")),
    }
}

/// The significant digits a spreadsheet keeps and shows.
const SIGNIFICANT: usize = 15;

/// A float as the decimal Excel shows: rounded to 15 significant digits (half to even, on the
/// float's exact binary value), trailing zeros dropped. `=2.03+0.05+0.11+0.01` holds
/// 2.1999999999999993 and shows 2.2; `=4.35*100` holds 434.99999999999994 and shows 435. A
/// value whose 15 digits no decimal holds (too large, or more than 28 decimal places) is an
/// unfit cell, never rounded further.
fn float(f: f64) -> Cell {
    if !f.is_finite() {
        return Cell::Unfit(Unfit {
            shown: f.to_string(),
            why: UnfitReason::NotFinite,
        });
    }
    // Rust rounds a float to a given precision exactly, half to even: `d.dddddddddddddde-x`.
    let text = format!("{:.*e}", SIGNIFICANT - 1, f);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let Ok(mut m) = digits.parse::<i128>() else {
        return Cell::Empty; // never: 15 ASCII digits
    };
    if m == 0 {
        return Cell::Number(Decimal::ZERO);
    }
    if negative {
        m = -m;
    }
    // The value is m × 10^(exponent - (digits - 1)).
    let power = exponent - (digits.len() as i64 - 1);
    let shown = {
        let (first, rest) = digits.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        let sign = if negative { "-" } else { "" };
        let e_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{first}{point}{rest}E{e_sign}{:02}", exponent.abs())
    };
    let exact = if power >= 0 {
        u32::try_from(power)
            .ok()
            .and_then(|p| 10i128.checked_pow(p))
            .and_then(|scale| m.checked_mul(scale))
            .and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok())
            .ok_or(UnfitReason::TooLarge)
    } else {
        u32::try_from(-power)
            .ok()
            .filter(|&scale| scale <= 28)
            .and_then(|scale| Decimal::try_from_i128_with_scale(m, scale).ok())
            .ok_or(UnfitReason::TooManyPlaces)
    };
    match exact {
        Ok(n) => Cell::Number(n),
        Err(why) => Cell::Unfit(Unfit { shown, why }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn number(f: f64) -> String {
        match float(f) {
            Cell::Number(n) => n.to_string(),
            Cell::Unfit(Unfit { shown, why }) => format!("unfit {shown} {why}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn floats_read_as_excel_shows_them() {
        assert_eq!(number(2.03 + 0.05 + 0.11 + 0.01), "2.2");
        assert_eq!(number(4.35 * 100.0), "435");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(1758.72), "1758.72");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1e15), "1000000000000000");
        assert_eq!(number(123456789012345678.0), "123456789012346000");
        assert_eq!(number(1e-28), "0.0000000000000000000000000001");
        assert!(number(1.5e-28).starts_with("unfit 1.5E-28 needs more than 28"));
        assert!(number(0.1 + 0.2 - 0.3).starts_with("unfit 5.55111512312578E-17 needs"));
        assert!(number(1e29).starts_with("unfit 1E+29 is too large"));
        assert_eq!(number(7.9e28), "79000000000000000000000000000");
        assert!(number(f64::NAN).starts_with("unfit NaN is not a finite"));
    }

    #[test]
    fn percent_overflow_is_unfit() {
        assert_eq!(
            as_percent(Decimal::from_str("0.0242").unwrap()),
            Cell::Percent(Decimal::from_str("2.42").unwrap())
        );
        assert!(matches!(as_percent(Decimal::MAX), Cell::Unfit(_)));
    }
}
