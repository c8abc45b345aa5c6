//! Exact decimal numbers from text: the one parser that plan values and actual figures share.

use rust_decimal::Decimal;

/// Parses a plain decimal such as `2.20`, `-3`, `+1467.83` or `.5` exactly, keeping its scale.
///
/// Rejects NaN, infinities, exponents, thousands separators and anything with more precision
/// than 28 significant digits can hold, with a short reason for the error message.
///
/// ```
/// use plan::number::parse_decimal;
///
/// assert_eq!(parse_decimal("2.20").unwrap().to_string(), "2.20");
/// assert!(parse_decimal("1.2.3").is_err());
/// assert!(parse_decimal("NaN").is_err());
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err("expected a number, found an empty value");
    }
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if matches!(unsigned, "nan" | "inf" | "infinity") {
        return Err("not a finite number; expected a decimal such as 2.20");
    }
    let digits = unsigned.strip_prefix('.').unwrap_or(unsigned);
    let well_formed = !digits.is_empty()
        && unsigned.len() + 1 >= text.len()
        && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && unsigned.matches('.').count() <= 1
        && unsigned.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err("expected a decimal number such as 2.20");
    }
    Decimal::from_str_exact(text)
        .map_err(|_| "too many digits to hold exactly (at most 28 significant digits)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_scale_and_value() {
        assert_eq!(parse_decimal("2.20").unwrap().to_string(), "2.20");
        assert_eq!(parse_decimal(" 1467.83 ").unwrap().to_string(), "1467.83");
        assert_eq!(parse_decimal("-3").unwrap().to_string(), "-3");
        assert_eq!(parse_decimal("+.5").unwrap().to_string(), "0.5");
        assert_eq!(
            parse_decimal("12345678.123456789").unwrap().to_string(),
            "12345678.123456789"
        );
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for bad in [
            "", "abc", "1.2.3", "NaN", "inf", "-inf", "1e5", "1,200", "--1", "+-1", ".", "1 2",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
