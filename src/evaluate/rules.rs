//! The rules as pure functions on exact decimals: no files, no formats, no rounding.

use rust_decimal::Decimal;

use crate::plan::Rule;

/// What a numeric rule found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the figure satisfies the rule.
    pub met: bool,
    /// The level the figure was compared with (value, k × baseline, baseline × (1 + X%)).
    pub threshold: Decimal,
    /// Actual minus threshold (for `between`, the distance outside the range; 0 inside).
    pub gap: Decimal,
}

/// Why a numeric rule could not be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unjudged {
    /// A relative rule without a baseline figure.
    NoBaseline,
    /// A growth rule whose baseline is zero or negative: growth is undefined.
    BaselineNotPositive,
    /// The figures are too large to compute with exactly.
    Overflow,
    /// The rule does not take a number (a milestone given a number).
    NotNumeric,
}

/// Judges `actual` against `rule`, with `baseline` for relative rules.
pub fn judge(rule: &Rule, actual: Decimal, baseline: Option<Decimal>) -> Result<Verdict, Unjudged> {
    let over = |threshold: Decimal, met: bool| -> Result<Verdict, Unjudged> {
        let gap = actual.checked_sub(threshold).ok_or(Unjudged::Overflow)?;
        Ok(Verdict {
            met,
            threshold,
            gap,
        })
    };
    let base = || baseline.ok_or(Unjudged::NoBaseline);
    match *rule {
        Rule::AtLeast(v) => over(v, actual >= v),
        Rule::MoreThan(v) => over(v, actual > v),
        Rule::AtMost(v) => over(v, actual <= v),
        Rule::LessThan(v) => over(v, actual < v),
        Rule::Between { min, max } => {
            let (threshold, gap) = if actual < min {
                (min, actual.checked_sub(min).ok_or(Unjudged::Overflow)?)
            } else if actual > max {
                (max, actual.checked_sub(max).ok_or(Unjudged::Overflow)?)
            } else {
                (actual, Decimal::ZERO)
            };
            Ok(Verdict {
                met: gap.is_zero(),
                threshold,
                gap,
            })
        }
        Rule::GrowthAtLeast(percent) => {
            let base = base()?;
            if base <= Decimal::ZERO {
                return Err(Unjudged::BaselineNotPositive);
            }
            // base × (100 + X) / 100: the division by 100 only moves the decimal point, so the
            // threshold is exact, and actual >= threshold is exactly (actual - base) / base >= X%.
            let threshold = Decimal::ONE_HUNDRED
                .checked_add(percent)
                .and_then(|factor| base.checked_mul(factor))
                .and_then(|scaled| scaled.checked_div(Decimal::ONE_HUNDRED))
                .ok_or(Unjudged::Overflow)?;
            over(threshold, actual >= threshold)
        }
        Rule::RatioAtLeast(k) => {
            let threshold = base()?.checked_mul(k).ok_or(Unjudged::Overflow)?;
            over(threshold, actual >= threshold)
        }
        Rule::Increase => {
            let base = base()?;
            over(base, actual > base)
        }
        Rule::Decrease => {
            let base = base()?;
            over(base, actual < base)
        }
        Rule::Done => Err(Unjudged::NotNumeric),
    }
}

/// Judges a relative rule by a reported growth rate (percent over the year before) instead of
/// a baseline figure. Threshold and gap are then in percent (percentage points).
pub fn judge_growth_rate(rule: &Rule, change: Decimal) -> Result<Verdict, Unjudged> {
    let over = |threshold: Decimal, met: bool| -> Result<Verdict, Unjudged> {
        let gap = change.checked_sub(threshold).ok_or(Unjudged::Overflow)?;
        Ok(Verdict {
            met,
            threshold,
            gap,
        })
    };
    match *rule {
        Rule::GrowthAtLeast(percent) => over(percent, change >= percent),
        Rule::RatioAtLeast(k) => {
            // actual >= k × base  <=>  growth >= (k − 1) × 100%.
            let needed = k
                .checked_sub(Decimal::ONE)
                .and_then(|k| k.checked_mul(Decimal::ONE_HUNDRED))
                .ok_or(Unjudged::Overflow)?;
            over(needed, change >= needed)
        }
        Rule::Increase => over(Decimal::ZERO, change > Decimal::ZERO),
        Rule::Decrease => over(Decimal::ZERO, change < Decimal::ZERO),
        _ => Err(Unjudged::NoBaseline),
    }
}

/// Growth from `base` to `actual` in percent, for display (rounded to two places).
pub fn growth_percent(actual: Decimal, base: Decimal) -> Option<Decimal> {
    if base <= Decimal::ZERO {
        return None;
    }
    actual
        .checked_sub(base)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(base)
        .map(|g| {
            let mut g = g.round_dp(2);
            g.rescale(2);
            g
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn met(rule: Rule, actual: &str, base: Option<&str>) -> bool {
        judge(&rule, d(actual), base.map(d)).unwrap().met
    }

    #[test]
    fn at_least_is_inclusive_whatever_the_scale() {
        assert!(met(Rule::AtLeast(d("2.20")), "2.2", None));
        assert!(met(Rule::AtLeast(d("2.20")), "2.2000", None));
        assert!(!met(Rule::AtLeast(d("2.20")), "2.19999", None));
    }

    #[test]
    fn more_than_is_strict() {
        assert!(!met(Rule::MoreThan(d("1200")), "1200", None));
        assert!(!met(Rule::MoreThan(d("1200")), "1200.00", None));
        assert!(met(Rule::MoreThan(d("1200")), "1200.01", None));
    }

    #[test]
    fn caps_and_ranges() {
        assert!(met(Rule::AtMost(d("5")), "5.0", None));
        assert!(!met(Rule::AtMost(d("5")), "5.01", None));
        assert!(!met(Rule::LessThan(d("5")), "5", None));
        assert!(met(Rule::LessThan(d("5")), "4.99", None));
        let range = Rule::Between {
            min: d("1"),
            max: d("2"),
        };
        assert!(met(range.clone(), "1", None) && met(range.clone(), "2.00", None));
        assert!(!met(range.clone(), "0.99", None) && !met(range.clone(), "2.01", None));
        assert_eq!(judge(&range, d("0.5"), None).unwrap().gap, d("-0.5"));
    }

    #[test]
    fn growth_boundary_is_exact() {
        let rule = Rule::GrowthAtLeast(d("20"));
        assert!(met(rule.clone(), "6", Some("5")));
        assert!(met(rule.clone(), "5238", Some("4365")));
        assert!(!met(rule.clone(), "5237.99", Some("4365")));
        assert_eq!(
            judge(&rule, d("5238"), Some(d("4365"))).unwrap().gap,
            Decimal::ZERO
        );
        // A third of 3 is not representable in binary or decimal division, but the check is exact.
        let third = Rule::GrowthAtLeast(d("33.3"));
        assert!(met(third.clone(), "3.999", Some("3")));
        assert!(!met(third, "3.998", Some("3")));
    }

    #[test]
    fn growth_needs_a_positive_baseline() {
        let rule = Rule::GrowthAtLeast(d("20"));
        assert_eq!(
            judge(&rule, d("5"), Some(d("0"))),
            Err(Unjudged::BaselineNotPositive)
        );
        assert_eq!(judge(&rule, d("5"), None), Err(Unjudged::NoBaseline));
    }

    #[test]
    fn doubling_boundary() {
        let rule = Rule::RatioAtLeast(d("2"));
        assert!(met(rule.clone(), "0.6", Some("0.3")));
        assert!(!met(rule.clone(), "0.59", Some("0.3")));
        assert!(met(rule, "0.60", Some("0.30")));
    }

    #[test]
    fn increase_and_decrease_are_strict() {
        assert!(!met(Rule::Increase, "5", Some("5.0")));
        assert!(met(Rule::Increase, "5.01", Some("5")));
        assert!(!met(Rule::Decrease, "12", Some("12")));
        assert!(met(Rule::Decrease, "11", Some("12")));
    }

    #[test]
    fn overflow_is_reported_not_panicked() {
        let rule = Rule::RatioAtLeast(d("2"));
        assert_eq!(
            judge(&rule, d("1"), Some(Decimal::MAX)),
            Err(Unjudged::Overflow)
        );
        assert_eq!(
            judge(&Rule::AtLeast(Decimal::MAX), Decimal::MIN, None),
            Err(Unjudged::Overflow)
        );
    }

    #[test]
    fn reported_growth_rates_at_their_boundary() {
        let judge = |rule: Rule, change: &str| judge_growth_rate(&rule, d(change)).unwrap().met;
        assert!(judge(Rule::GrowthAtLeast(d("20")), "20.0"));
        assert!(!judge(Rule::GrowthAtLeast(d("20")), "19.99"));
        assert!(judge(Rule::RatioAtLeast(d("2")), "100"));
        assert!(!judge(Rule::RatioAtLeast(d("2")), "99.9"));
        assert!(judge(Rule::Increase, "0.1") && !judge(Rule::Increase, "0"));
        assert!(judge(Rule::Decrease, "-0.1") && !judge(Rule::Decrease, "0"));
        assert_eq!(
            judge_growth_rate(&Rule::AtLeast(d("1")), d("5")),
            Err(Unjudged::NoBaseline)
        );
    }

    #[test]
    fn growth_percent_rounds_for_display() {
        assert_eq!(growth_percent(d("5238"), d("4365")), Some(d("20.00")));
        assert_eq!(growth_percent(d("4"), d("3")), Some(d("33.33")));
        assert_eq!(growth_percent(d("4"), d("0")), None);
    }
}
