//! Exact decimal numbers from text: the one parser that plan values and actual figures share.

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

pub use crate::error::NumberProblem;

/// Parses a plain decimal such as `2.20`, `-3`, `+1467.83` or `.5` exactly, keeping its scale.
///
/// Rejects NaN, infinities, exponents, thousands separators and anything with more precision
/// than 28 significant digits can hold, with the reason (worded in `render/errors/data.rs`; its
/// `Display` is the English).
///
/// ```
/// use plan::number::parse_decimal;
///
/// assert_eq!(parse_decimal("2.20").unwrap().to_string(), "2.20");
/// assert!(parse_decimal("1.2.3").is_err());
/// assert!(parse_decimal("NaN").is_err());
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberProblem::Empty);
    }
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if matches!(unsigned, "nan" | "inf" | "infinity") {
        return Err(NumberProblem::NotFinite);
    }
    let digits = unsigned.strip_prefix('.').unwrap_or(unsigned);
    let well_formed = !digits.is_empty()
        && unsigned.len() + 1 >= text.len()
        && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && unsigned.matches('.').count() <= 1
        && unsigned.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(NumberProblem::NotDecimal);
    }
    Decimal::from_str_exact(text).map_err(|_| NumberProblem::TooManyDigits)
}

/// A plain ASCII decimal (`-1234.56`, `7`) read without allocating: the fast path for the
/// millions of figures of a record-level file. `None` for anything else, which then goes
/// through [`read_written_number`].
pub fn parse_plain(text: &str) -> Option<Decimal> {
    let (mantissa, scale) = plain_parts(text)?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// A plain ASCII decimal as its digits (mantissa) and the number of digits after the point
/// (scale): `-1234.56` -> `(-123456, 2)`. At most 28 digits, so it fits a [`Decimal`].
#[inline]
pub fn plain_parts(text: &str) -> Option<(i128, u32)> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first()? {
        b'-' => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    // At most 28 digits and a point.
    if digits.is_empty() || digits.len() > 29 {
        return None;
    }
    let mut point = None;
    // Up to 19 digits add up in 64 bits, which is the common case and the faster one.
    let mut narrow: u64 = 0;
    let mut wide: i128 = 0;
    let is_narrow = digits.len() <= 19;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' if is_narrow => narrow = narrow * 10 + u64::from(b - b'0'),
            b'0'..=b'9' => wide = wide * 10 + i128::from(b - b'0'),
            b'.' if point.is_none() && i > 0 && i + 1 < digits.len() => point = Some(i),
            _ => return None,
        }
    }
    let scale = match point {
        Some(i) => (digits.len() - i - 1) as u32,
        None if digits.len() > 28 => return None,
        None => 0,
    };
    let mantissa = if is_narrow { i128::from(narrow) } else { wide };
    Some((if negative { -mantissa } else { mantissa }, scale))
}

/// A number as people write it in a cell, with the unit written inside the cell, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenNumber {
    /// The value, exact.
    pub value: Decimal,
    /// A unit written after the number (`亿元` in `1467.83亿元`, `%` in `2.42%`).
    pub unit: Option<String>,
}

/// Texts that mean "no figure" in a statistical table: empty, dashes, a slash, 无 (with the
/// full-width forms Chinese input methods type).
const NO_FIGURE: &[&str] = &[
    "",
    "-",
    "--",
    "—",
    "——",
    "–",
    "/",
    "无",
    "…",
    "……",
    "...",
    "－",
    "－－",
    "／",
    "．．．",
    "…………",
];

/// True when a cell's text means "no figure" rather than zero.
#[inline]
pub fn is_no_figure(text: &str) -> bool {
    // This runs for every cell of every row: a cell that starts with a digit or a letter, or
    // with a character from U+4E00 on (CJK, lead bytes 0xE4–0xEF) other than 无 (E6 97 A0) or
    // the full-width marks (EF BC/B9 …), is a figure or a name, decided on its first byte.
    match text.as_bytes().first() {
        None => true,
        Some(b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | 0xE4 | 0xE5 | 0xE7..=0xEE) => false,
        Some(0xE6) if text.as_bytes().get(1) != Some(&0x97) => false,
        Some(_) => might_be_no_figure(text),
    }
}

/// The rest of [`is_no_figure`], for text whose first byte does not settle it.
fn might_be_no_figure(text: &str) -> bool {
    let mark = |c: char| {
        matches!(
            c,
            '-' | '.' | '/' | '—' | '–' | '－' | '﹣' | '／' | '．' | '…' | '无'
        )
    };
    match text.chars().next() {
        None => true,
        Some(first) if !mark(first) => false,
        Some(_) => {
            NO_FIGURE.contains(&text)
                || (text.len() <= 24
                    && text.chars().all(|c| c.is_whitespace() || mark(c))
                    && NO_FIGURE.contains(
                        &text
                            .nfkc()
                            .filter(|c| !c.is_whitespace())
                            .collect::<String>()
                            .as_str(),
                    ))
        }
    }
}

/// Reads a number as people write it: thousands separators (`1,467.83`), full-width digits and
/// signs (`１２００`), spaces, Excel's scientific notation (`1.76E+03`, read exactly), a percent
/// sign or a unit after the number (`2.42%`, `6198家`). `Ok(None)` for a cell that holds no
/// figure (see [`is_no_figure`]). Only the forms that mean the same number are folded: a
/// superscript, circled or other decorated digit (`1300¹`, `①③⓪⓪`) and a mark after the number
/// (`1758.72*`) are errors, never read as digits or as a unit.
///
/// ```
/// use plan::number::read_written_number;
///
/// let n = read_written_number("１，４６７.８３ 亿元").unwrap().unwrap();
/// assert_eq!((n.value.to_string(), n.unit.as_deref()), ("1467.83".to_string(), Some("亿元")));
/// assert_eq!(read_written_number("—").unwrap(), None);
/// assert!(read_written_number("1,2").is_err());
/// ```
pub fn read_written_number(text: &str) -> Result<Option<WrittenNumber>, NumberProblem> {
    let text = fold_number_forms(text);
    let text = text.trim();
    if is_no_figure(text) {
        return Ok(None);
    }
    let number_end = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || c == '.'
                || c == ','
                || c == ' '
                || (i == 0 && (c == '+' || c == '-')))
        })
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = text.split_at(number_end);
    let number = number.trim_end();
    // A decorated digit where the number starts or just after it (`①③⓪⓪`, `1300¹`); one
    // inside a unit (`m²`) is the unit's.
    let after = unit
        .trim_start()
        .chars()
        .next()
        .filter(|&c| is_decorated_digit(c));
    match (
        text.chars().next().filter(|&c| is_decorated_digit(c)),
        after,
    ) {
        (Some(c), _) => return Err(NumberProblem::DecoratedDigit(c)),
        (None, Some(c)) => return Err(NumberProblem::MarkAfter(c)),
        (None, None) => {}
    }
    if !number.bytes().any(|b| b.is_ascii_digit()) {
        return Err(match parse_decimal(text) {
            Err(NumberProblem::NotFinite) => NumberProblem::NotFinite,
            _ => NumberProblem::NotDecimal,
        });
    }
    // A space between digits groups thousands, like a comma (1 467.83), and must do so.
    let number = if number.contains(' ') {
        if number.contains(',') {
            return Err(NumberProblem::MixedSeparators);
        }
        number.replace(' ', ",")
    } else {
        number.to_string()
    };
    let number = strip_thousands(&number)?;
    let unit: String = unit.chars().filter(|c| !c.is_whitespace()).collect();
    let (value, unit) = match exponent(&number, &unit, text)? {
        Some(value) => (value, ""),
        None => (
            parse_decimal(&number)?,
            unit.trim_matches(|c| c == '(' || c == ')'),
        ),
    };
    if !unit.is_empty()
        && !unit
            .chars()
            .any(|c| c.is_alphanumeric() || c == '%' || c == '‰')
    {
        return Err(NumberProblem::TrailingMark {
            marks: unit.to_string(),
        });
    }
    Ok(Some(WrittenNumber {
        value,
        unit: (!unit.is_empty()).then(|| unit.to_string()),
    }))
}

/// Folds the forms of characters that mean the same in a number: full-width ASCII (`１２００`,
/// `－`, `，`, `．`, `％`, `（亿元）`), the minus sign U+2212, and the ideographic and no-break
/// spaces. Nothing else is changed (NFKC would turn `¹` and `①` into digits).
fn fold_number_forms(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{2212}' | '\u{FE63}' => '-',
            '\u{3000}' | '\u{00A0}' | '\u{202F}' => ' ',
            c => c,
        })
        .collect()
}

/// True for a character that is not a digit 0-9 but that NFKC would make one: superscripts and
/// subscripts (`¹`, `₃`), circled and parenthesised digits (`①`, `⑴`, `⒈`), mathematical
/// digits and the like.
fn is_decorated_digit(c: char) -> bool {
    !c.is_ascii() && c.to_string().nfkc().any(|d| d.is_ascii_digit())
}

/// The value of `number` with the exponent `unit` holds (`E+03`), when it holds one; an error
/// for what only looks like a number (`0x10`, `10^30`, `1e3e`).
fn exponent(number: &str, unit: &str, text: &str) -> Result<Option<Decimal>, NumberProblem> {
    let text = || text.to_string();
    let not_scientific = || Err(NumberProblem::NotScientific { text: text() });
    let mut chars = unit.chars();
    match (chars.next(), chars.next()) {
        (Some('e' | 'E'), Some('0'..='9' | '+' | '-')) => {}
        (Some('e' | 'E'), None) => return not_scientific(),
        (Some('x' | 'X'), Some(_)) if number == "0" => {
            return Err(NumberProblem::Hexadecimal { text: text() })
        }
        (Some('^'), _) => return Err(NumberProblem::Power { text: text() }),
        _ => return Ok(None),
    }
    let exponent = &unit[1..];
    let digits = exponent.trim_start_matches(['+', '-']);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return not_scientific();
    }
    let mantissa = parse_decimal(number)?;
    let power: i64 = exponent
        .trim_start_matches('+')
        .parse()
        .map_err(|_| NumberProblem::ExponentTooLarge)?;
    scaled(mantissa, power)
        .map(Some)
        .ok_or_else(|| NumberProblem::OutOfScale { text: text() })
}

/// `mantissa` × 10^`power`, exactly, when a decimal holds it.
fn scaled(mantissa: Decimal, power: i64) -> Option<Decimal> {
    let scale = i64::from(mantissa.scale()) - power;
    if scale >= 0 {
        let scale = u32::try_from(scale).ok().filter(|&s| s <= 28)?;
        Decimal::try_from_i128_with_scale(mantissa.mantissa(), scale).ok()
    } else {
        let up = 10i128.checked_pow(u32::try_from(-scale).ok()?)?;
        let m = mantissa.mantissa().checked_mul(up)?;
        Decimal::try_from_i128_with_scale(m, 0).ok()
    }
}

/// Removes thousands separators, which must stand between groups of three digits.
fn strip_thousands(number: &str) -> Result<String, NumberProblem> {
    if !number.contains(',') {
        return Ok(number.to_string());
    }
    let unsigned = number.trim_start_matches(['+', '-']);
    let integer = unsigned.split('.').next().unwrap_or("");
    let groups: Vec<&str> = integer.split(',').collect();
    let first_ok = matches!(groups.first(), Some(g) if (1..=3).contains(&g.len()));
    let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
    if !first_ok || !rest_ok || unsigned[integer.len()..].contains(',') {
        return Err(NumberProblem::MisplacedSeparator);
    }
    Ok(number.replace(',', ""))
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
    fn numbers_as_people_write_them() {
        let read = |t: &str| {
            read_written_number(t)
                .unwrap()
                .map(|n| (n.value.to_string(), n.unit))
        };
        assert_eq!(read("1,467.83"), Some(("1467.83".into(), None)));
        assert_eq!(read("１２００"), Some(("1200".into(), None)));
        assert_eq!(read("2.42%"), Some(("2.42".into(), Some("%".into()))));
        assert_eq!(read("2.42％"), Some(("2.42".into(), Some("%".into()))));
        assert_eq!(read("6198家"), Some(("6198".into(), Some("家".into()))));
        assert_eq!(
            read(" 1 467.83 亿元 "),
            Some(("1467.83".into(), Some("亿元".into())))
        );
        assert_eq!(read("－3"), Some(("-3".into(), None)));
        assert_eq!(read("12,345,678"), Some(("12345678".into(), None)));
        for none in ["", " ", "-", "—", "——", "/", "无", "－"] {
            assert_eq!(read(none), None, "{none:?}");
        }
        for bad in [
            "abc",
            "1,2",
            "12,34.5",
            "1.2.3",
            "1,234.5,6",
            ",123",
            "亿元",
            "NaN",
            "%",
        ] {
            assert!(read_written_number(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn marks_are_not_digits_and_scientific_notation_is_exact() {
        let read =
            |t: &str| read_written_number(t).map(|n| n.map(|n| (n.value.to_string(), n.unit)));
        assert_eq!(read("1.76E+03"), Ok(Some(("1760".into(), None))));
        assert_eq!(read("2.42E-02"), Ok(Some(("0.0242".into(), None))));
        assert_eq!(read("１.７６Ｅ＋０３"), Ok(Some(("1760".into(), None))));
        assert_eq!(read("12m²"), Ok(Some(("12".into(), Some("m²".into())))));
        for (text, said) in [
            ("1300¹", "a mark `¹` (U+00B9) after the number"),
            ("15¹%", "a mark `¹` (U+00B9) after the number"),
            ("1758.72①", "a mark `①` (U+2460) after the number"),
            ("1758.72*", "a mark `*` after the number"),
            ("①③⓪⓪", "`①` (U+2460) is a decorated digit"),
            ("⑴", "`⑴` (U+2474) is a decorated digit"),
            ("0x10", "`0x10` looks like a hexadecimal number"),
            ("10^30", "`10^30` is a power"),
            ("1e3e", "`1e3e` is not a number in scientific notation"),
            ("1E", "`1E` is not a number in scientific notation"),
            ("1.2E+40", "`1.2E+40` is too large or too small"),
        ] {
            let why = read_written_number(text).unwrap_err().to_string();
            assert!(why.starts_with(said) || why.contains(said), "{text}: {why}");
        }
    }

    proptest::proptest! {
        /// A number in scientific notation reads as its exact value, mantissa × 10^exponent.
        #[test]
        fn scientific_notation_reads_exactly(digits in 0i64..10_000_000, scale in 0u32..6, power in -12i64..12) {
            let mantissa = Decimal::new(digits, scale);
            let text = format!("{mantissa}E{power:+03}");
            let got = read_written_number(&text).unwrap().unwrap().value;
            let ten = num_bigint::BigInt::from(10);
            let exact = num_rational::BigRational::from_integer(digits.into())
                * num_rational::BigRational::from_integer(ten.clone()).pow(i32::try_from(power).unwrap() - scale as i32);
            let read = num_rational::BigRational::new(got.mantissa().into(), ten.pow(got.scale()));
            proptest::prop_assert_eq!(read, exact, "{}", text);
        }
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_parser() {
        for text in [
            "0",
            "7",
            "-3",
            "1234.56",
            "0.0000001",
            "-0.5",
            "12345678901234567890.12345678",
            "1234567890123456789012345678",
        ] {
            assert_eq!(
                parse_plain(text),
                Some(parse_decimal(text).unwrap()),
                "{text}"
            );
            assert_eq!(
                parse_plain(text).unwrap().scale(),
                parse_decimal(text).unwrap().scale(),
                "{text}"
            );
        }
        for text in [
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "1,234",
            "+1",
            " 1",
            "1e5",
            "１",
            "abc",
            "12345678901234567890123456789",
        ] {
            assert_eq!(parse_plain(text), None, "{text}");
        }
    }

    #[test]
    fn malformed_decimals_are_called_malformed() {
        // Each of these fails one check of the form; the message says what was expected, never
        // that the number had too many digits.
        for bad in ["1.2.3", "--1", "+-1", "1e5", "1_000", "1 2", ".", "abc"] {
            assert_eq!(
                parse_decimal(bad).map_err(|e| e.to_string()),
                Err("expected a decimal number such as 2.20".to_string()),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_decimal("-inf").unwrap_err().to_string(),
            "not a finite number; expected a decimal such as 2.20"
        );
        assert_eq!(
            parse_decimal("1.00000000000000000000000000001")
                .unwrap_err()
                .to_string(),
            "too many digits to hold exactly (at most 28 digits, and 28 after the point)"
        );
    }

    #[test]
    fn signs_units_in_brackets_and_marks_after_the_number() {
        let read =
            |t: &str| read_written_number(t).map(|n| n.map(|n| (n.value.to_string(), n.unit)));
        assert_eq!(read("+5"), Ok(Some(("5".into(), None))));
        assert_eq!(read("+1,200"), Ok(Some(("1200".into(), None))));
        assert_eq!(
            read("1467.83（亿元）"),
            Ok(Some(("1467.83".into(), Some("亿元".into()))))
        );
        assert_eq!(
            read("1467.83 (亿元)"),
            Ok(Some(("1467.83".into(), Some("亿元".into()))))
        );
        // A sign is a sign only in front: one after the number is a mark.
        for text in ["1758.72-", "1758.72+"] {
            let why = read_written_number(text).unwrap_err().to_string();
            assert!(why.starts_with("a mark `"), "{text}: {why}");
        }
        // Only `0x...` looks hexadecimal; a unit that starts with x is a unit.
        assert_eq!(read("5 xl"), Ok(Some(("5".into(), Some("xl".into())))));
        // Not a finite number is said so, also in a cell.
        for text in ["NaN", "-inf", "Infinity"] {
            let why = read_written_number(text).unwrap_err().to_string();
            assert!(why.starts_with("not a finite number"), "{text}: {why}");
        }
        assert_eq!(
            read_written_number("abc").map_err(|e| e.to_string()),
            Err("expected a decimal number such as 2.20".to_string())
        );
    }

    #[test]
    fn exponents_have_one_to_three_digits() {
        let read = |t: &str| read_written_number(t).map(|n| n.map(|n| n.value.to_string()));
        assert_eq!(read("1.76E+003"), Ok(Some("1760".into())));
        assert_eq!(read("1.76E3"), Ok(Some("1760".into())));
        assert_eq!(read("5E-010"), Ok(Some("0.0000000005".into())));
        for text in ["1E+", "1E-", "1.76E+0003", "1E+1234"] {
            let why = read_written_number(text).unwrap_err().to_string();
            assert!(
                why.contains("is not a number in scientific notation"),
                "{text}: {why}"
            );
        }
    }

    #[test]
    fn no_figure_marks_with_spaces_and_their_full_width_forms() {
        for none in [
            "- -",
            "— —",
            "-  -",
            "/ ",
            "…………",
            "……",
            "．．．",
            "--",
            "－－",
        ] {
            assert!(is_no_figure(none), "{none:?}");
            assert_eq!(read_written_number(none), Ok(None), "{none:?}");
        }
        // Marks that together are not one of the forms are not "no figure": an error, not a
        // silently missing figure.
        for text in ["-/", "—-", "/-", ".‥", "无无"] {
            assert!(!is_no_figure(text), "{text:?}");
            assert!(read_written_number(text).is_err(), "{text:?}");
        }
        assert!(!is_no_figure("数据"));
        assert!(!is_no_figure("无锡"));
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
