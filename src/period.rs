//! Periods as statistical tables name them, in English and Chinese: a year (2020, 2020年), a
//! quarter (2020Q3, 2020年三季度), a half (2020H1, 2020年上半年), a month (2020-09, 2020年9月), or
//! months so far (2020年前三季度, 2020年1-9月, 2020年1—9月累计).

use std::fmt;

use crate::names::nfkc;

/// A span of whole months within one year, `first..=last` (1-based months).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// The year.
    pub year: i32,
    /// The first month, 1–12.
    pub first: u8,
    /// The last month, `first`–12.
    pub last: u8,
}

impl Period {
    /// A whole year.
    pub fn year(year: i32) -> Period {
        Period {
            year,
            first: 1,
            last: 12,
        }
    }

    /// Months `first..=last` of `year`, if that is a valid span.
    pub fn months(year: i32, first: u8, last: u8) -> Option<Period> {
        (1 <= first && first <= last && last <= 12).then_some(Period { year, first, last })
    }

    /// January to `last`: the year so far.
    pub fn to_date(year: i32, last: u8) -> Option<Period> {
        Period::months(year, 1, last)
    }

    /// True for January to December.
    pub fn is_full_year(self) -> bool {
        self.first == 1 && self.last == 12
    }

    /// Number of months in the span.
    pub fn month_count(self) -> u8 {
        self.last - self.first + 1
    }

    /// The name Chinese tables give the period, which [`parse_period`] reads back: `2020年`,
    /// `2020年上半年`, `2020年三季度`, `2020年9月`, `2020年1-9月`.
    ///
    /// ```
    /// use plan::period::{parse_period, Period};
    ///
    /// let q3_to_date = Period::to_date(2020, 9).unwrap();
    /// assert_eq!(q3_to_date.zh(), "2020年1-9月");
    /// assert_eq!(parse_period(&q3_to_date.zh()), Some(q3_to_date));
    /// ```
    pub fn zh(self) -> String {
        const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];
        let Period { year, first, last } = self;
        match (first, last) {
            (1, 12) => format!("{year}年"),
            (1, 6) => format!("{year}年上半年"),
            (7, 12) => format!("{year}年下半年"),
            (a, b) if b == a + 2 && a % 3 == 1 => {
                format!("{year}年{}季度", QUARTERS[usize::from(a / 3)])
            }
            (a, b) if a == b => format!("{year}年{a}月"),
            (a, b) => format!("{year}年{a}-{b}月"),
        }
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Period {
    /// The canonical name: `2020`, `2020H1`, `2020Q3`, `2020-09`, or `2020-01/2020-05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Period { year, first, last } = *self;
        match (first, last) {
            (1, 12) => write!(f, "{year}"),
            (1, 6) => write!(f, "{year}H1"),
            (7, 12) => write!(f, "{year}H2"),
            (a, b) if b == a + 2 && a % 3 == 1 => write!(f, "{year}Q{}", a / 3 + 1),
            (a, b) if a == b => write!(f, "{year}-{a:02}"),
            (a, b) => write!(f, "{year}-{a:02}/{year}-{b:02}"),
        }
    }
}

/// Reads a period; `None` when it is not one.
pub fn parse_period(text: &str) -> Option<Period> {
    let text: String = nfkc(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '—' | '–' | '~' | '至' | '到' => '-',
            other => other.to_ascii_lowercase(),
        })
        .collect();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // A year of four digits, 1000 to 9999: 0222 is not one (and would not print back).
    if digits != 4 || text.starts_with('0') {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    let rest = &text[4..];
    // 累计 (so far this year) and 末 (at the end of) make any period year-to-date: 三季度累计 is
    // January to September, never the third quarter alone.
    let (rest, to_date) = match rest
        .strip_suffix("累计")
        .or_else(|| rest.strip_suffix('末'))
    {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    let period = period_after_year(year, rest, &text[..4])?;
    match to_date {
        true => Period::months(year, 1, period.last),
        false => Some(period),
    }
}

/// The period that `rest`, what follows the year `year` (written `year_text`), names.
fn period_after_year(year: i32, rest: &str, year_text: &str) -> Option<Period> {
    let rest = rest.strip_suffix("份").unwrap_or(rest);
    let months = |first, last| Period::months(year, first, last);
    // Chinese forms, after 年; 2020年Q3 and 2020年H1 fall through to the forms below.
    let zh = rest.strip_prefix('年');
    if let Some(zh) = zh.filter(|z| !z.starts_with(['q', 'h'])) {
        return match zh {
            "" | "全年" | "度" => months(1, 12),
            "上半年" => months(1, 6),
            "下半年" => months(7, 12),
            _ => {
                if let Some(q) = zh.strip_prefix("前").and_then(|q| q.strip_suffix("季度")) {
                    return months(1, 3 * quarter_number(q)?);
                }
                if let Some(q) = zh.strip_suffix("季度") {
                    let q = q.strip_prefix('第').unwrap_or(q);
                    // 1-3季度: quarters one to three.
                    if let Some((a, b)) = q.split_once('-') {
                        return months(3 * quarter_number(a)? - 2, 3 * quarter_number(b)?);
                    }
                    let q = quarter_number(q)?;
                    return months(3 * q - 2, 3 * q);
                }
                let span = zh.strip_suffix('月')?;
                match span.split_once('-') {
                    Some((a, b)) => months(month_number(a)?, month_number(b)?),
                    None => {
                        let m = month_number(span)?;
                        months(m, m)
                    }
                }
            }
        };
    }
    // English and ISO forms: 2020, 2020Q3, 2020-Q3, 2020H1, 2020-H1, 2020-09, 2020-01/2020-09.
    let rest = zh.unwrap_or(rest);
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    match rest {
        "" => months(1, 12),
        "h1" => months(1, 6),
        "h2" => months(7, 12),
        _ => {
            if let Some(q) = rest.strip_prefix('q') {
                let q = quarter_number(q)?;
                return months(3 * q - 2, 3 * q);
            }
            if let Some((a, b)) = rest.split_once('/') {
                let b = b.strip_prefix(year_text)?.strip_prefix('-')?;
                return months(month_number(a)?, month_number(b)?);
            }
            let m = month_number(rest)?;
            months(m, m)
        }
    }
}

/// 1–4 from `1`, `一`, ...
fn quarter_number(text: &str) -> Option<u8> {
    match text {
        "1" | "一" => Some(1),
        "2" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => None,
    }
}

/// 1–12 from `9`, `09`.
fn month_number(text: &str) -> Option<u8> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|m| (1..=12).contains(m))
}

#[cfg(test)]
mod zh_names {
    use super::*;

    /// Every span of months of a year reads back from its Chinese name as itself.
    #[test]
    fn every_period_reads_back_from_its_chinese_name() {
        for first in 1..=12u8 {
            for last in first..=12u8 {
                let period = Period::months(2020, first, last).unwrap();
                assert_eq!(parse_period(&period.zh()), Some(period), "{}", period.zh());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Option<String> {
        parse_period(text).map(|p| p.to_string())
    }

    #[test]
    fn so_far_and_at_the_end_of_are_year_to_date() {
        for (text, seen) in [
            ("2020年三季度累计", "2020-01/2020-09"),
            ("2020年第三季度累计", "2020-01/2020-09"),
            ("2020Q3累计", "2020-01/2020-09"),
            ("2020年三季度末", "2020-01/2020-09"),
            ("2020年9月累计", "2020-01/2020-09"),
            ("2020年9月末", "2020-01/2020-09"),
            ("2020年1-3季度", "2020-01/2020-09"),
            ("2020年1—3季度累计", "2020-01/2020-09"),
            ("2020年上半年累计", "2020H1"),
            ("2020年末", "2020"),
            ("2020年累计", "2020"),
            ("2020年1-9月累计", "2020-01/2020-09"),
        ] {
            assert_eq!(parsed(text), Some(seen.to_string()), "{text}");
        }
        assert_eq!(parsed("2020年5-3季度"), None);
    }

    #[test]
    fn every_form_the_issue_names() {
        let cases = [
            ("2020", "2020"),
            ("2020年", "2020"),
            ("２０２０年", "2020"),
            ("2020年全年", "2020"),
            ("2020Q3", "2020Q3"),
            ("2020-Q3", "2020Q3"),
            ("2020q1", "2020Q1"),
            ("2020年Q3", "2020Q3"),
            ("2020年三季度", "2020Q3"),
            ("2020年第三季度", "2020Q3"),
            ("2020年第4季度", "2020Q4"),
            ("2020年前三季度", "2020-01/2020-09"),
            ("2020年1-9月", "2020-01/2020-09"),
            ("2020年1—9月累计", "2020-01/2020-09"),
            ("2020年1～9月", "2020-01/2020-09"),
            ("2020年1-9月份", "2020-01/2020-09"),
            ("2020年1-6月", "2020H1"),
            ("2020H1", "2020H1"),
            ("2020-H1", "2020H1"),
            ("2020年H2", "2020H2"),
            ("2020年上半年", "2020H1"),
            ("2020年下半年", "2020H2"),
            ("2020-09", "2020-09"),
            ("2020年9月", "2020-09"),
            ("2020年09月", "2020-09"),
            ("2020年9月份", "2020-09"),
            ("2020年4-6月", "2020Q2"),
            ("2020-01/2020-09", "2020-01/2020-09"),
            (" 2020 年 9 月 ", "2020-09"),
        ];
        for (text, canonical) in cases {
            assert_eq!(parsed(text), Some(canonical.to_string()), "{text}");
        }
    }

    #[test]
    fn the_quarter_alone_is_not_the_year_so_far() {
        assert_eq!(parse_period("2020年三季度"), Period::months(2020, 7, 9));
        assert_eq!(parse_period("2020年前三季度"), Period::months(2020, 1, 9));
    }

    #[test]
    fn the_second_quarter_and_spans_of_quarters() {
        for (text, seen) in [
            ("2020Q2", "2020Q2"),
            ("2020年二季度", "2020Q2"),
            ("2020年第2季度", "2020Q2"),
            ("2020年前二季度", "2020H1"),
            ("2020年2-3季度", "2020-04/2020-09"),
            ("2020年二-四季度", "2020-04/2020-12"),
            ("2020年3-4季度", "2020H2"),
        ] {
            assert_eq!(parsed(text), Some(seen.to_string()), "{text}");
        }
    }

    #[test]
    fn whole_years_and_month_counts() {
        let year = Period::year(2020);
        assert!(year.is_full_year());
        assert_eq!(year.month_count(), 12);
        for (p, months) in [
            (Period::months(2020, 1, 6), 6),
            (Period::months(2020, 7, 12), 6),
            (Period::months(2020, 2, 12), 11),
            (Period::months(2020, 1, 11), 11),
            (Period::months(2020, 7, 9), 3),
            (Period::months(2020, 9, 9), 1),
            (Period::months(2020, 12, 12), 1),
        ] {
            let p = p.unwrap();
            assert!(!p.is_full_year(), "{p}");
            assert_eq!(p.month_count(), months, "{p}");
        }
    }

    #[test]
    fn what_is_not_a_period() {
        for bad in [
            "0222",
            "0222年",
            "",
            "20",
            "2020Q5",
            "2020Q0",
            "2020年13月",
            "2020年9-3月",
            "2020-13",
            "二〇二〇年",
            "2020年前五季度",
            "2020H3",
            "2020-01/2021-03",
            "12020",
            "2020.0",
            "2020年9月份x",
            "2020-009",
            "2020年009月",
            "2020年1-009月",
        ] {
            assert_eq!(parse_period(bad), None, "{bad:?}");
        }
    }
}
