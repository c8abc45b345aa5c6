//! The rules as pure functions on exact decimals: no files, no formats, no rounding. Every
//! comparison is made on exact rationals, so a product or quotient that would not fit a
//! 28-digit decimal (k × baseline, baseline × (100 + X) / 100) is still compared exactly.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use rust_decimal::Decimal;

use crate::plan::{Rule, Tolerance};

/// What a numeric rule found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the figure satisfies the rule.
    pub met: bool,
    /// The level the figure was compared with (value, k × baseline, baseline × (1 + X%)), when
    /// it fits a decimal exactly.
    pub threshold: Option<Decimal>,
    /// Actual minus threshold (for `between`, the distance outside the range; 0 inside), when it
    /// fits a decimal exactly.
    pub gap: Option<Decimal>,
}

/// Why a numeric rule could not be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unjudged {
    /// A relative rule without a baseline figure.
    NoBaseline,
    /// A growth rule whose baseline is zero or negative: growth is undefined.
    BaselineNotPositive,
    /// The rule does not take a number (a milestone given a number).
    NotNumeric,
}

/// A decimal as an exact rational.
pub fn exact(d: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u32).pow(d.scale()),
    )
}

/// A rational as a decimal, if it is one that fits (at most 28 decimal places and 96 bits).
pub fn to_decimal(r: &BigRational) -> Option<Decimal> {
    let ten = BigInt::from(10u32);
    let mut scaled = r.clone();
    for scale in 0..=28u32 {
        if scaled.is_integer() {
            let mantissa = i128::try_from(scaled.to_integer()).ok()?;
            return Decimal::try_from_i128_with_scale(mantissa, scale).ok();
        }
        scaled *= BigRational::from_integer(ten.clone());
    }
    None
}

fn hundred() -> BigRational {
    BigRational::from_integer(BigInt::from(100u32))
}

/// A verdict from exact values. Threshold and gap keep the scale the figures are written in
/// (2.2 against 2.20 has a gap of 0.00).
fn verdict(
    met: bool,
    actual: Decimal,
    threshold: &BigRational,
    written: Option<Decimal>,
) -> Verdict {
    let threshold_decimal = written.or_else(|| to_decimal(threshold));
    let gap = to_decimal(&(exact(actual) - threshold)).map(|mut gap| {
        let scale = actual
            .scale()
            .max(threshold_decimal.map_or(0, |t| t.scale()));
        if scale > gap.scale() && scale <= 28 {
            gap.rescale(scale);
        }
        gap
    });
    Verdict {
        met,
        threshold: threshold_decimal,
        gap,
    }
}

/// Judges `actual` against `rule`, with `baseline` for relative rules.
pub fn judge(rule: &Rule, actual: Decimal, baseline: Option<Decimal>) -> Result<Verdict, Unjudged> {
    let a = exact(actual);
    let base = || baseline.ok_or(Unjudged::NoBaseline);
    // Against a value as written in the plan or the data.
    let against = |v: Decimal, met: fn(&BigRational, &BigRational) -> bool| {
        let t = exact(v);
        Ok(verdict(met(&a, &t), actual, &t, Some(v)))
    };
    // Against a computed level.
    let against_level = |t: BigRational| Ok(verdict(a >= t, actual, &t, None));
    match *rule {
        Rule::AtLeast(v) => against(v, |a, t| a >= t),
        Rule::MoreThan(v) => against(v, |a, t| a > t),
        Rule::AtMost(v) => against(v, |a, t| a <= t),
        Rule::LessThan(v) => against(v, |a, t| a < t),
        Rule::Between { min, max } => {
            let nearest = if actual < min {
                min
            } else if actual > max {
                max
            } else {
                actual
            };
            against(nearest, |a, t| a == t)
        }
        Rule::GrowthAtLeast(percent) => {
            let base = base()?;
            if base <= Decimal::ZERO {
                return Err(Unjudged::BaselineNotPositive);
            }
            // (actual − base) / base >= X%  <=>  actual >= base × (100 + X) / 100, for base > 0.
            against_level(exact(base) * (hundred() + exact(percent)) / hundred())
        }
        Rule::RatioAtLeast(k) => {
            let base = base()?;
            // A ratio from a zero or negative baseline is undefined, as growth is: 0 -> 0 has
            // not doubled.
            if base <= Decimal::ZERO {
                return Err(Unjudged::BaselineNotPositive);
            }
            against_level(exact(base) * exact(k))
        }
        Rule::Increase => against(base()?, |a, t| a > t),
        Rule::Decrease => against(base()?, |a, t| a < t),
        Rule::RankWithin(v) => against(v, |a, t| a <= t),
        Rule::PointsIncrease(points) => against_level(exact(base()?) + exact(points)),
        Rule::CagrAtLeast { percent, years } => {
            let base = base()?;
            if base <= Decimal::ZERO {
                return Err(Unjudged::BaselineNotPositive);
            }
            // (actual / base)^(1/years) − 1 >= X%  <=>  actual >= base × (1 + X/100)^years,
            // for base > 0 and 1 + X/100 >= 0 (the loader refuses X < −100).
            against_level(compounded(base, percent, years))
        }
        Rule::About { value, .. } => {
            let (lo, hi) = range(rule).ok_or(Unjudged::NotNumeric)?;
            let t = exact(value);
            Ok(verdict(lo <= a && a <= hi, actual, &t, Some(value)))
        }
        Rule::Done => Err(Unjudged::NotNumeric),
    }
}

/// `base` × (1 + `percent`/100)^`years`, exactly.
pub fn compounded(base: Decimal, percent: Decimal, years: u32) -> BigRational {
    let factor = (hundred() + exact(percent)) / hundred();
    exact(base) * num_traits::pow::Pow::pow(&factor, years)
}

/// The range a figure must stay in, exactly: `between`'s bounds, or `about`'s value ± its
/// tolerance. `None` for other rules.
pub fn range(rule: &Rule) -> Option<(BigRational, BigRational)> {
    match *rule {
        Rule::Between { min, max } => Some((exact(min), exact(max))),
        Rule::About { value, tolerance } => {
            let v = exact(value);
            let width = match tolerance {
                Tolerance::Amount(a) => exact(a),
                Tolerance::Percent(p) => (&v * exact(p) / hundred()).abs(),
            };
            Some((&v - &width, &v + &width))
        }
        _ => None,
    }
}

/// Judges a relative rule by a reported growth rate (percent over the year before) instead of
/// a baseline figure. Threshold and gap are then in percent (percentage points).
pub fn judge_growth_rate(rule: &Rule, change: Decimal) -> Result<Verdict, Unjudged> {
    let c = exact(change);
    let zero = BigRational::zero();
    match *rule {
        Rule::GrowthAtLeast(percent) => Ok(verdict(
            c >= exact(percent),
            change,
            &exact(percent),
            Some(percent),
        )),
        // actual >= k × base  <=>  growth >= (k − 1) × 100%.
        Rule::RatioAtLeast(k) => {
            let needed = (exact(k) - BigRational::one()) * hundred();
            Ok(verdict(c >= needed, change, &needed, None))
        }
        Rule::Increase => Ok(verdict(c.is_positive(), change, &zero, Some(Decimal::ZERO))),
        Rule::Decrease => Ok(verdict(c.is_negative(), change, &zero, Some(Decimal::ZERO))),
        _ => Err(Unjudged::NoBaseline),
    }
}

/// The level a rule compares the figure with, exactly: the value, baseline × (100 + X) / 100,
/// k × baseline, or the baseline. `None` for `between` and milestones, a relative rule without
/// a baseline, or a growth or ratio rule whose baseline is zero or negative (undefined, as
/// [`judge`] says: 0 -> 30 has not doubled, and no level of 0 is reached early).
pub fn level(rule: &Rule, baseline: Option<Decimal>) -> Option<BigRational> {
    let positive = || baseline.filter(|b| *b > Decimal::ZERO);
    match *rule {
        Rule::AtLeast(v) | Rule::MoreThan(v) | Rule::AtMost(v) | Rule::LessThan(v) => {
            Some(exact(v))
        }
        Rule::GrowthAtLeast(x) => Some(exact(positive()?) * (hundred() + exact(x)) / hundred()),
        Rule::RatioAtLeast(k) => Some(exact(positive()?) * exact(k)),
        Rule::Increase | Rule::Decrease => Some(exact(baseline?)),
        Rule::RankWithin(v) | Rule::About { value: v, .. } => Some(exact(v)),
        Rule::PointsIncrease(points) => Some(exact(baseline?) + exact(points)),
        Rule::CagrAtLeast { percent, years } => Some(compounded(positive()?, percent, years)),
        Rule::Between { .. } | Rule::Done => None,
    }
}

/// Whether `value` satisfies `rule` against its `level` (from [`level`]): strictly for 超过,
/// 低于, 提升 and 下降. `None` for a range or a milestone, which no single level decides.
pub fn reaches(rule: &Rule, value: &BigRational, level: &BigRational) -> Option<bool> {
    Some(match rule {
        Rule::MoreThan(_) | Rule::Increase => value > level,
        Rule::LessThan(_) | Rule::Decrease => value < level,
        Rule::AtMost(_) | Rule::RankWithin(_) => value <= level,
        Rule::AtLeast(_)
        | Rule::GrowthAtLeast(_)
        | Rule::RatioAtLeast(_)
        | Rule::PointsIncrease(_)
        | Rule::CagrAtLeast { .. } => value >= level,
        Rule::Between { .. } | Rule::About { .. } | Rule::Done => return None,
    })
}

/// Whether a higher figure is better under `rule` (`None` for ranges and milestones).
pub fn higher_is_better(rule: &Rule) -> Option<bool> {
    match rule {
        Rule::AtLeast(_)
        | Rule::MoreThan(_)
        | Rule::GrowthAtLeast(_)
        | Rule::RatioAtLeast(_)
        | Rule::Increase
        | Rule::PointsIncrease(_)
        | Rule::CagrAtLeast { .. } => Some(true),
        Rule::AtMost(_) | Rule::LessThan(_) | Rule::Decrease | Rule::RankWithin(_) => Some(false),
        Rule::Between { .. } | Rule::About { .. } | Rule::Done => None,
    }
}

/// A rational rounded half away from zero to `places` decimal places, as a decimal.
pub fn round(r: &BigRational, places: u32) -> Option<Decimal> {
    let scale = BigInt::from(10u32).pow(places);
    let scaled = r * BigRational::from_integer(scale);
    to_decimal(&BigRational::new(
        scaled.round().to_integer(),
        BigInt::from(10u32).pow(places),
    ))
    .map(|mut d| {
        d.rescale(places);
        d
    })
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
        assert_eq!(judge(&range, d("0.5"), None).unwrap().gap, Some(d("-0.5")));
    }

    #[test]
    fn growth_boundary_is_exact() {
        let rule = Rule::GrowthAtLeast(d("20"));
        assert!(met(rule.clone(), "6", Some("5")));
        assert!(met(rule.clone(), "5238", Some("4365")));
        assert!(!met(rule.clone(), "5237.99", Some("4365")));
        assert_eq!(
            judge(&rule, d("5238"), Some(d("4365"))).unwrap().gap,
            Some(Decimal::ZERO)
        );
        // A third of 3 is not representable in binary or decimal division, but the check is exact.
        let third = Rule::GrowthAtLeast(d("33.3"));
        assert!(met(third.clone(), "3.999", Some("3")));
        assert!(!met(third, "3.998", Some("3")));
    }

    #[test]
    fn the_gap_keeps_the_places_the_figures_are_written_in() {
        let gap = |rule: Rule, actual: &str, base: Option<&str>| {
            judge(&rule, d(actual), base.map(d))
                .unwrap()
                .gap
                .map(|g| g.to_string())
        };
        let rd = || Rule::AtLeast(d("2.20"));
        assert_eq!(gap(rd(), "2.2", None).as_deref(), Some("0.00"));
        assert_eq!(gap(rd(), "2.42", None).as_deref(), Some("0.22"));
        assert_eq!(gap(rd(), "2.205", None).as_deref(), Some("0.005"));
        assert_eq!(
            gap(Rule::MoreThan(d("1200")), "1200", None).as_deref(),
            Some("0")
        );
        assert_eq!(
            gap(Rule::AtLeast(d("4")), "3.50", None).as_deref(),
            Some("-0.50")
        );
        // Against a computed level that does not fit a decimal: the gap has the places it
        // needs (1.005 × a 28-digit baseline has 31 digits), not the actual's.
        assert_eq!(
            gap(
                Rule::GrowthAtLeast(d("0.5")),
                "1005000000000000000000000001",
                Some("1000000000000000000000000001")
            )
            .as_deref(),
            Some("-0.005")
        );
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
    fn doubling_needs_a_positive_baseline() {
        let rule = Rule::RatioAtLeast(d("2"));
        for base in ["0", "-1"] {
            assert_eq!(
                judge(&rule, d("0"), Some(d(base))),
                Err(Unjudged::BaselineNotPositive),
                "{base}"
            );
        }
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
    fn products_too_long_for_a_decimal_are_still_compared_exactly() {
        // base × 1.005 needs 31 digits: a rounding comparison calls this met.
        let rule = Rule::GrowthAtLeast(d("0.5"));
        assert!(!met(
            rule.clone(),
            "1.005000000000000000000000001",
            Some("1.000000000000000000000000001")
        ));
        assert!(met(
            rule,
            "1.005000000000000000000000002",
            Some("1.000000000000000000000000001")
        ));
        // No growth from a tiny base is not 20% growth.
        assert!(!met(
            Rule::GrowthAtLeast(d("20")),
            "0.0000000000000000000000000001",
            Some("0.0000000000000000000000000001")
        ));
    }

    #[test]
    fn extremes_keep_their_status_and_drop_only_the_gap() {
        let rule = Rule::AtMost(Decimal::MIN);
        let v = judge(&rule, Decimal::MAX, None).unwrap();
        assert!(!v.met);
        assert_eq!(v.gap, None, "MAX − MIN does not fit a decimal");
        let v = judge(&Rule::RatioAtLeast(d("2")), d("1"), Some(Decimal::MAX)).unwrap();
        assert!(!v.met);
        assert_eq!(v.threshold, None);
        assert!(judge(
            &Rule::GrowthAtLeast(d("20")),
            d("1000000000000000000000000000"),
            Some(d("1000000000000000000000000000"))
        )
        .map(|v| !v.met)
        .unwrap());
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
    fn rounding_rationals_for_display() {
        let third = BigRational::new(BigInt::from(1), BigInt::from(3));
        assert_eq!(round(&third, 2), Some(d("0.33")));
        assert_eq!(
            round(&(third * BigRational::from_integer(BigInt::from(2))), 2),
            Some(d("0.67"))
        );
        assert_eq!(
            round(&BigRational::new(BigInt::from(-5), BigInt::from(2)), 0),
            Some(d("-3"))
        );
        assert_eq!(
            level(&Rule::GrowthAtLeast(d("20")), Some(d("4365"))),
            Some(exact(d("5238")))
        );
    }

    #[test]
    fn the_level_each_rule_compares_with_and_which_way_is_better() {
        let base = Some(d("40"));
        let level = |rule: Rule| level(&rule, base).map(|l| to_decimal(&l).unwrap().to_string());
        assert_eq!(level(Rule::AtLeast(d("2.20"))).as_deref(), Some("2.2"));
        assert_eq!(level(Rule::LessThan(d("5"))).as_deref(), Some("5"));
        assert_eq!(level(Rule::GrowthAtLeast(d("20"))).as_deref(), Some("48"));
        assert_eq!(level(Rule::RatioAtLeast(d("2"))).as_deref(), Some("80"));
        assert_eq!(level(Rule::RatioAtLeast(d("1.5"))).as_deref(), Some("60"));
        assert_eq!(level(Rule::Increase).as_deref(), Some("40"));
        assert_eq!(level(Rule::Decrease).as_deref(), Some("40"));
        assert_eq!(level(Rule::Done), None);
        assert_eq!(super::level(&Rule::RatioAtLeast(d("2")), None), None);
        // Growth and ratios from a baseline of zero or below are undefined: no level.
        for base in ["0", "-5"] {
            for rule in [Rule::GrowthAtLeast(d("20")), Rule::RatioAtLeast(d("2"))] {
                assert_eq!(
                    super::level(&rule, Some(d(base))),
                    None,
                    "{rule:?} from {base}"
                );
            }
            assert_eq!(
                super::level(&Rule::Increase, Some(d(base))),
                Some(exact(d(base)))
            );
        }
        for (rule, better) in [
            (Rule::AtLeast(d("1")), Some(true)),
            (Rule::MoreThan(d("1")), Some(true)),
            (Rule::GrowthAtLeast(d("1")), Some(true)),
            (Rule::RatioAtLeast(d("2")), Some(true)),
            (Rule::Increase, Some(true)),
            (Rule::AtMost(d("1")), Some(false)),
            (Rule::LessThan(d("1")), Some(false)),
            (Rule::Decrease, Some(false)),
            (
                Rule::Between {
                    min: d("1"),
                    max: d("2"),
                },
                None,
            ),
            (Rule::Done, None),
        ] {
            assert_eq!(higher_is_better(&rule), better, "{rule:?}");
        }
    }

    #[test]
    fn growth_percent_rounds_for_display() {
        assert_eq!(growth_percent(d("5238"), d("4365")), Some(d("20.00")));
        assert_eq!(growth_percent(d("4"), d("3")), Some(d("33.33")));
        assert_eq!(growth_percent(d("4"), d("0")), None);
    }
}
