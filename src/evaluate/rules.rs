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
        Rule::About { .. } => {
            // As `between`: held against the nearer edge, so the gap is how far outside the
            // range the figure is (0 inside), not its distance from the centre.
            let (lo, hi) = range(rule).ok_or(Unjudged::NotNumeric)?;
            let nearest = if a < lo {
                lo.clone()
            } else if a > hi {
                hi.clone()
            } else {
                a.clone()
            };
            Ok(verdict(lo <= a && a <= hi, actual, &nearest, None))
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

    // The rules of real plans, at their boundaries: exactly there, and one unit of the data's
    // last place either side, with figures at different scales.

    fn verdict_of(rule: &Rule, actual: &str, base: Option<&str>) -> Verdict {
        judge(rule, d(actual), base.map(d)).unwrap()
    }

    /// `(met, threshold, gap)` as text, for exact comparison of the places shown.
    fn shown(
        rule: &Rule,
        actual: &str,
        base: Option<&str>,
    ) -> (bool, Option<String>, Option<String>) {
        let v = verdict_of(rule, actual, base);
        (
            v.met,
            v.threshold.map(|t| t.to_string()),
            v.gap.map(|g| g.to_string()),
        )
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    #[test]
    fn rank_within_is_inclusive_at_the_rank_whatever_the_scale() {
        let rule = Rule::RankWithin(d("15"));
        for actual in ["15", "15.0", "15.000", "14.9999999", "14", "1"] {
            assert!(met(rule.clone(), actual, None), "{actual}");
        }
        for actual in ["15.0000001", "15.1", "16"] {
            assert!(!met(rule.clone(), actual, None), "{actual}");
        }
        assert_eq!(shown(&rule, "15", None), (true, some("15"), some("0")));
        assert_eq!(
            shown(&rule, "15.000", None),
            (true, some("15"), some("0.000"))
        );
        assert_eq!(shown(&rule, "16", None), (false, some("15"), some("1")));
        // The value written with places: the gap keeps them.
        let rule = Rule::RankWithin(d("15.00"));
        assert_eq!(
            shown(&rule, "15", None),
            (true, some("15.00"), some("0.00"))
        );
        assert_eq!(
            shown(&rule, "14", None),
            (true, some("15.00"), some("-1.00"))
        );
        // A baseline changes nothing: the rank is judged on its own.
        assert!(met(Rule::RankWithin(d("15")), "15", Some("30")));
        assert!(!met(Rule::RankWithin(d("15")), "16", Some("1")));
    }

    #[test]
    fn rank_within_level_direction_and_range() {
        let rule = Rule::RankWithin(d("15"));
        assert_eq!(level(&rule, None), Some(exact(d("15"))));
        assert_eq!(level(&rule, Some(d("18"))), Some(exact(d("15"))));
        assert_eq!(higher_is_better(&rule), Some(false));
        assert_eq!(range(&rule), None);
        assert!(!rule.is_relative());
    }

    #[test]
    fn rank_within_at_the_extremes_does_not_panic() {
        let v = judge(&Rule::RankWithin(Decimal::MAX), Decimal::MAX, None).unwrap();
        assert!(v.met);
        assert_eq!(v.gap, Some(Decimal::ZERO));
        let v = judge(&Rule::RankWithin(Decimal::MIN), Decimal::MAX, None).unwrap();
        assert!(!v.met);
        assert_eq!(v.threshold, Some(Decimal::MIN));
        assert_eq!(v.gap, None, "MAX − MIN does not fit a decimal");
        let v = judge(&Rule::RankWithin(Decimal::MAX), Decimal::MIN, None).unwrap();
        assert!(v.met);
        assert_eq!(v.gap, None);
    }

    #[test]
    fn points_increase_boundary_is_exact_whatever_the_scale() {
        // 2.5 + 2 points = 4.5.
        let rule = Rule::PointsIncrease(d("2"));
        for actual in ["4.5", "4.50", "4.500000", "4.5000001", "5"] {
            assert!(met(rule.clone(), actual, Some("2.5")), "{actual}");
            assert!(
                met(rule.clone(), actual, Some("2.500")),
                "{actual} from 2.500"
            );
        }
        for actual in ["4.4999999", "4.49", "4", "2.5"] {
            assert!(!met(rule.clone(), actual, Some("2.5")), "{actual}");
            assert!(
                !met(rule.clone(), actual, Some("2.500")),
                "{actual} from 2.500"
            );
        }
        assert_eq!(
            shown(&rule, "4.5", Some("2.5")),
            (true, some("4.5"), some("0.0"))
        );
        assert_eq!(
            shown(&rule, "4.4999999", Some("2.5")),
            (false, some("4.5"), some("-0.0000001"))
        );
        // Points with places, a baseline with more.
        let rule = Rule::PointsIncrease(d("0.25"));
        assert!(met(rule.clone(), "2.275", Some("2.025")));
        assert!(!met(rule.clone(), "2.274", Some("2.025")));
        assert!(met(rule.clone(), "2.2751", Some("2.025")));
        assert_eq!(
            verdict_of(&rule, "2.275", Some("2.025")).gap,
            Some(Decimal::ZERO)
        );
    }

    #[test]
    fn points_increase_from_a_zero_or_negative_baseline_is_still_defined() {
        // Points are a difference, not a ratio: any baseline has one.
        let rule = Rule::PointsIncrease(d("2"));
        assert!(met(rule.clone(), "2", Some("0")));
        assert!(!met(rule.clone(), "1.9999999", Some("0")));
        assert!(met(rule.clone(), "0.5", Some("-1.5")));
        assert!(!met(rule.clone(), "0.4999999", Some("-1.5")));
        assert!(met(rule.clone(), "-0.5", Some("-2.50")));
        assert!(!met(rule.clone(), "-0.51", Some("-2.50")));
        assert_eq!(level(&rule, Some(d("-1.5"))), Some(exact(d("0.5"))));
        assert_eq!(level(&rule, Some(d("0"))), Some(exact(d("2"))));
        // Zero points: no fall is enough.
        assert!(met(Rule::PointsIncrease(d("0")), "3.0", Some("3")));
        assert!(!met(Rule::PointsIncrease(d("0")), "2.99", Some("3")));
        assert_eq!(
            judge(&rule, d("5"), None),
            Err(Unjudged::NoBaseline),
            "no baseline, no verdict"
        );
    }

    #[test]
    fn points_increase_level_direction_and_range() {
        let rule = Rule::PointsIncrease(d("2"));
        assert_eq!(level(&rule, Some(d("2.5"))), Some(exact(d("4.5"))));
        assert_eq!(level(&rule, None), None);
        assert_eq!(higher_is_better(&rule), Some(true));
        assert_eq!(range(&rule), None);
        assert!(rule.is_relative());
        // Points are not growth: a reported growth rate does not judge them.
        assert_eq!(judge_growth_rate(&rule, d("50")), Err(Unjudged::NoBaseline));
    }

    #[test]
    fn points_increase_at_the_extremes_does_not_panic() {
        // MAX + 1 does not fit a decimal; the verdict and the gap (−1) still do.
        let rule = Rule::PointsIncrease(d("1"));
        let v = judge(&rule, Decimal::MAX, Some(Decimal::MAX)).unwrap();
        assert!(!v.met);
        assert_eq!(v.threshold, None);
        assert_eq!(v.gap, Some(d("-1")));
        let v = judge(
            &Rule::PointsIncrease(Decimal::MAX),
            Decimal::MAX,
            Some(Decimal::MAX),
        )
        .unwrap();
        assert!(!v.met);
        assert_eq!(v.gap, Some(-Decimal::MAX));
        let v = judge(
            &Rule::PointsIncrease(Decimal::MAX),
            Decimal::MAX,
            Some(Decimal::MIN),
        )
        .unwrap();
        assert!(v.met, "MIN + MAX = 0");
        assert_eq!(v.threshold, Some(Decimal::ZERO));
        let v = judge(
            &Rule::PointsIncrease(Decimal::MIN),
            Decimal::MIN,
            Some(Decimal::MIN),
        )
        .unwrap();
        assert!(v.met);
        assert_eq!(v.gap, Some(Decimal::MAX));
        // The smallest step a decimal has.
        let tiny = d("0.0000000000000000000000000001");
        assert!(
            judge(&Rule::PointsIncrease(tiny), tiny, Some(Decimal::ZERO))
                .unwrap()
                .met
        );
        assert!(
            !judge(&Rule::PointsIncrease(tiny), tiny, Some(tiny))
                .unwrap()
                .met
        );
    }

    #[test]
    fn cagr_boundary_is_exact_whatever_the_scale() {
        // 100 × 1.1² = 121.
        let rule = Rule::CagrAtLeast {
            percent: d("10"),
            years: 2,
        };
        for actual in ["121", "121.00", "121.0000001", "122"] {
            assert!(met(rule.clone(), actual, Some("100")), "{actual}");
            assert!(
                met(rule.clone(), actual, Some("100.000")),
                "{actual} from 100.000"
            );
        }
        for actual in ["120.9999999", "120.99", "110", "100"] {
            assert!(!met(rule.clone(), actual, Some("100")), "{actual}");
        }
        assert_eq!(
            shown(&rule, "121", Some("100")),
            (true, some("121"), some("0"))
        );
        assert_eq!(
            shown(&rule, "120.9999999", Some("100")),
            (false, some("121"), some("-0.0000001"))
        );
        // 100 × 1.07⁵ = 140.2551730700 exactly; the ten places of the level are the boundary.
        let rule = Rule::CagrAtLeast {
            percent: d("7"),
            years: 5,
        };
        assert_eq!(level(&rule, Some(d("100"))), Some(exact(d("140.25517307"))));
        assert!(met(rule.clone(), "140.25517307", Some("100")));
        assert!(met(rule.clone(), "140.2551730700", Some("100")));
        assert!(!met(rule.clone(), "140.2551730699", Some("100")));
        assert!(met(rule.clone(), "140.2551730701", Some("100")));
        // Rounded to two places, as statistics are, the figure is short of 7% a year.
        assert!(!met(rule.clone(), "140.25", Some("100")));
        assert!(met(rule.clone(), "140.26", Some("100")));
        // A rate with places: 2.06 × 1.035³ = 2.06 × 1.108717875 = 2.2839588225 exactly.
        let rule = Rule::CagrAtLeast {
            percent: d("3.5"),
            years: 3,
        };
        assert_eq!(
            level(&rule, Some(d("2.06"))),
            Some(exact(d("2.2839588225")))
        );
        assert!(met(rule.clone(), "2.2839588225", Some("2.06")));
        assert!(met(rule.clone(), "2.28395882250", Some("2.06")));
        assert!(!met(rule.clone(), "2.2839588224", Some("2.06")));
        assert!(!met(rule.clone(), "2.28395882249", Some("2.06")));
        assert!(met(rule, "2.2839588226", Some("2.06")));
    }

    #[test]
    fn cagr_over_one_year_is_growth() {
        for (percent, base, actual) in [
            ("20", "4365", "5238"),
            ("20", "4365", "5237.99"),
            ("33.3", "3", "3.999"),
            ("33.3", "3", "3.998"),
            ("-5", "100", "95"),
            ("-5", "100", "94.9999"),
        ] {
            let cagr = Rule::CagrAtLeast {
                percent: d(percent),
                years: 1,
            };
            let growth = Rule::GrowthAtLeast(d(percent));
            assert_eq!(
                judge(&cagr, d(actual), Some(d(base))),
                judge(&growth, d(actual), Some(d(base))),
                "{percent}% from {base} to {actual}"
            );
        }
    }

    #[test]
    fn cagr_of_zero_or_a_fall_is_exact_too() {
        let flat = Rule::CagrAtLeast {
            percent: d("0"),
            years: 5,
        };
        assert!(met(flat.clone(), "100.0", Some("100")));
        assert!(!met(flat.clone(), "99.9999999", Some("100")));
        // −50% a year for two years: a quarter is left.
        let fall = Rule::CagrAtLeast {
            percent: d("-50"),
            years: 2,
        };
        assert!(met(fall.clone(), "25", Some("100")));
        assert!(!met(fall.clone(), "24.9999999", Some("100")));
        assert!(!met(fall.clone(), "0", Some("100")));
        // A figure that has fallen below zero has grown at no rate a plan can ask for.
        assert!(!met(fall, "-25", Some("100")));
        assert!(!met(flat, "-100", Some("100")));
    }

    #[test]
    fn cagr_needs_a_positive_baseline_and_never_panics_without_one() {
        let rule = Rule::CagrAtLeast {
            percent: d("7"),
            years: 5,
        };
        for base in ["0", "0.000", "-1", "-0.0000000000000000000000000001"] {
            for actual in ["0", "1", "-1", "100"] {
                assert_eq!(
                    judge(&rule, d(actual), Some(d(base))),
                    Err(Unjudged::BaselineNotPositive),
                    "{actual} from {base}"
                );
            }
            assert_eq!(level(&rule, Some(d(base))), None, "{base}");
        }
        assert_eq!(
            judge(&rule, Decimal::MAX, Some(Decimal::MIN)),
            Err(Unjudged::BaselineNotPositive)
        );
        assert_eq!(judge(&rule, d("5"), None), Err(Unjudged::NoBaseline));
        assert_eq!(level(&rule, None), None);
    }

    #[test]
    fn cagr_level_direction_and_range() {
        let rule = Rule::CagrAtLeast {
            percent: d("10"),
            years: 2,
        };
        assert_eq!(level(&rule, Some(d("100"))), Some(exact(d("121"))));
        assert_eq!(level(&rule, Some(d("2.5"))), Some(exact(d("3.025"))));
        assert_eq!(higher_is_better(&rule), Some(true));
        assert_eq!(range(&rule), None);
        assert!(rule.is_relative());
        // A level that is no decimal (1.07^5 × a 28-digit base) is still exact.
        let rule = Rule::CagrAtLeast {
            percent: d("7"),
            years: 5,
        };
        let base = d("1000000000000000000000000001");
        let want = exact(base) * exact(d("1.4025517307"));
        assert_eq!(level(&rule, Some(base)), Some(want));
    }

    #[test]
    fn cagr_at_the_extremes_does_not_panic() {
        let rule = |percent: &str, years: u32| Rule::CagrAtLeast {
            percent: d(percent),
            years,
        };
        // A level far past any decimal: unmet, with no threshold or gap to show.
        let v = judge(&rule("100", 50), Decimal::MAX, Some(Decimal::MAX)).unwrap();
        assert!(!v.met);
        assert_eq!((v.threshold, v.gap), (None, None));
        // The smallest positive base: any real growth from it is judged exactly.
        let tiny = d("0.0000000000000000000000000001");
        let v = judge(
            &rule("100", 3),
            d("0.0000000000000000000000000008"),
            Some(tiny),
        )
        .unwrap();
        assert!(v.met);
        assert_eq!(v.gap, Some(Decimal::ZERO));
        assert!(
            !judge(
                &rule("100", 3),
                d("0.0000000000000000000000000007"),
                Some(tiny)
            )
            .unwrap()
            .met
        );
        // A fall to a level below the smallest decimal: 0 is short of it, the smallest step is not.
        let v = judge(&rule("-99.9", 20), tiny, Some(Decimal::MAX)).unwrap();
        assert!(v.met);
        assert!(
            !judge(&rule("-99.9", 20), Decimal::ZERO, Some(Decimal::MAX))
                .unwrap()
                .met
        );
        // A rate with 28 places over 50 years: a level of 1500 digits, still exact.
        let long = rule("0.0000000000000000000000000001", 50);
        assert!(judge(&long, Decimal::MAX, Some(d("1"))).unwrap().met);
        assert!(!judge(&long, d("1"), Some(d("1"))).unwrap().met);
        assert!(
            judge(&long, d("1.0000000000000000000000000001"), Some(d("1")))
                .unwrap()
                .met
        );
    }

    #[test]
    fn about_a_share_of_the_value_is_inclusive_at_both_ends() {
        // 6500 ± 5% is 6175 to 6825.
        let rule = Rule::About {
            value: d("6500"),
            tolerance: Tolerance::Percent(d("5")),
        };
        for actual in [
            "6175",
            "6175.0",
            "6175.0000001",
            "6500",
            "6825",
            "6825.000",
            "6824.9999999",
        ] {
            assert!(met(rule.clone(), actual, None), "{actual}");
        }
        for actual in ["6174.9999999", "6174", "6825.0000001", "6826", "0", "-6500"] {
            assert!(!met(rule.clone(), actual, None), "{actual}");
        }
        assert_eq!(range(&rule), Some((exact(d("6175")), exact(d("6825")))));
        // The threshold is the value as written.
        assert_eq!(verdict_of(&rule, "6500", None).threshold, Some(d("6500")));
        assert_eq!(
            verdict_of(&rule, "6500.00", None)
                .gap
                .map(|g| g.to_string()),
            some("0.00")
        );
        // A share with places, of a value with places: 2.5 ± 2.5% is 2.4375 to 2.5625.
        let rule = Rule::About {
            value: d("2.50"),
            tolerance: Tolerance::Percent(d("2.5")),
        };
        assert_eq!(range(&rule), Some((exact(d("2.4375")), exact(d("2.5625")))));
        for actual in ["2.4375", "2.43750", "2.5625", "2.5", "2.500"] {
            assert!(met(rule.clone(), actual, None), "{actual}");
        }
        for actual in ["2.4374999", "2.5625001", "2.43", "2.57"] {
            assert!(!met(rule.clone(), actual, None), "{actual}");
        }
    }

    #[test]
    fn about_an_amount_is_inclusive_at_both_ends() {
        // 6500 ± 50 is 6450 to 6550.
        let rule = Rule::About {
            value: d("6500"),
            tolerance: Tolerance::Amount(d("50")),
        };
        for actual in ["6450", "6450.00", "6450.0000001", "6550", "6549.9999999"] {
            assert!(met(rule.clone(), actual, None), "{actual}");
        }
        for actual in ["6449.9999999", "6550.0000001", "6551"] {
            assert!(!met(rule.clone(), actual, None), "{actual}");
        }
        assert_eq!(range(&rule), Some((exact(d("6450")), exact(d("6550")))));
        // An amount with more places than the value.
        let rule = Rule::About {
            value: d("2.5"),
            tolerance: Tolerance::Amount(d("0.125")),
        };
        assert!(met(rule.clone(), "2.375", None) && met(rule.clone(), "2.6250", None));
        assert!(!met(rule.clone(), "2.3749999", None) && !met(rule.clone(), "2.6250001", None));
        // "5" is an amount of 5 in the unit, not 5%: 6500 ± 5 is 6495 to 6505.
        let rule = Rule::About {
            value: d("6500"),
            tolerance: Tolerance::Amount(d("5")),
        };
        assert!(met(rule.clone(), "6505", None));
        assert!(!met(rule.clone(), "6505.01", None));
        assert!(!met(rule, "6825", None));
    }

    #[test]
    fn about_with_no_tolerance_is_the_value_at_any_scale() {
        for tolerance in [Tolerance::Amount(d("0")), Tolerance::Percent(d("0.00"))] {
            let rule = Rule::About {
                value: d("2.5"),
                tolerance,
            };
            for actual in ["2.5", "2.50", "2.500000"] {
                assert!(met(rule.clone(), actual, None), "{actual} {tolerance:?}");
            }
            for actual in ["2.4999999", "2.5000001"] {
                assert!(!met(rule.clone(), actual, None), "{actual} {tolerance:?}");
            }
        }
    }

    #[test]
    fn about_a_negative_value_takes_its_share_as_a_width() {
        // −100 ± 5% is −105 to −95, not an empty range.
        let rule = Rule::About {
            value: d("-100"),
            tolerance: Tolerance::Percent(d("5")),
        };
        assert_eq!(range(&rule), Some((exact(d("-105")), exact(d("-95")))));
        assert!(met(rule.clone(), "-105", None) && met(rule.clone(), "-95.0", None));
        assert!(!met(rule.clone(), "-105.0000001", None));
        assert!(!met(rule.clone(), "-94.9999999", None));
        // A share of zero is no width.
        let zero = Rule::About {
            value: d("0"),
            tolerance: Tolerance::Percent(d("5")),
        };
        assert!(met(zero.clone(), "0.00", None));
        assert!(!met(zero, "0.0000000000000000000000000001", None));
    }

    #[test]
    fn about_level_direction_and_baseline() {
        let rule = Rule::About {
            value: d("6500"),
            tolerance: Tolerance::Percent(d("5")),
        };
        assert_eq!(level(&rule, None), Some(exact(d("6500"))));
        assert_eq!(level(&rule, Some(d("1"))), Some(exact(d("6500"))));
        assert_eq!(higher_is_better(&rule), None);
        assert!(!rule.is_relative());
        // A baseline changes nothing.
        assert!(met(rule.clone(), "6825", Some("7000")));
        assert!(!met(rule.clone(), "6826", Some("6826")));
        assert_eq!(judge_growth_rate(&rule, d("5")), Err(Unjudged::NoBaseline));
        // The amount the share is, where it fits.
        assert_eq!(Tolerance::Percent(d("5")).amount(d("6500")), Some(d("325")));
        assert_eq!(Tolerance::Percent(d("5")).amount(d("-100")), Some(d("5")));
        assert_eq!(Tolerance::Amount(d("50")).amount(d("6500")), Some(d("50")));
    }

    #[test]
    fn about_at_the_extremes_does_not_panic() {
        // MAX ± 100% is 0 to 2 × MAX: the range is exact, though its top is no decimal.
        let rule = Rule::About {
            value: Decimal::MAX,
            tolerance: Tolerance::Percent(d("100")),
        };
        assert_eq!(range(&rule).map(|(lo, _)| lo), Some(exact(Decimal::ZERO)));
        assert!(judge(&rule, Decimal::MAX, None).unwrap().met);
        assert!(judge(&rule, Decimal::ZERO, None).unwrap().met);
        assert!(
            !judge(&rule, d("-0.0000000000000000000000000001"), None)
                .unwrap()
                .met
        );
        let v = judge(&rule, Decimal::MIN, None).unwrap();
        assert!(!v.met);
        // Held against the lower edge, 0: the gap is MIN itself.
        assert_eq!(v.gap, Some(Decimal::MIN));
        // MIN ± MAX is 2 × MIN to 0.
        let rule = Rule::About {
            value: Decimal::MIN,
            tolerance: Tolerance::Amount(Decimal::MAX),
        };
        assert!(judge(&rule, Decimal::ZERO, None).unwrap().met);
        assert!(judge(&rule, Decimal::MIN, None).unwrap().met);
        assert!(
            !judge(&rule, d("0.0000000000000000000000000001"), None)
                .unwrap()
                .met
        );
        assert!(!judge(&rule, Decimal::MAX, None).unwrap().met);
        // A huge share of the smallest value: 1e-28 ± MAX% reaches down to
        // −0.079228162514264337593543950235, two places past a decimal's last.
        let rule = Rule::About {
            value: d("0.0000000000000000000000000001"),
            tolerance: Tolerance::Percent(Decimal::MAX),
        };
        assert!(judge(&rule, Decimal::ZERO, None).unwrap().met);
        assert!(
            judge(&rule, d("-0.0792281625142643375935439502"), None)
                .unwrap()
                .met
        );
        assert!(
            !judge(&rule, d("-0.0792281625142643375935439503"), None)
                .unwrap()
                .met
        );
        assert!(
            judge(&rule, d("0.0792281625142643375935439504"), None)
                .unwrap()
                .met
        );
        assert!(
            !judge(&rule, d("0.0792281625142643375935439505"), None)
                .unwrap()
                .met
        );
    }

    /// `b × (1 + r/1000)^n`, with `r` in tenths of a percent, as a decimal worked out in
    /// integers alone: mantissa `b × (1000 + r)^n`, scale `3n`. `None` when it does not fit.
    fn compounded_by_integers(b: u32, tenths: i32, n: u32) -> Option<Decimal> {
        let factor = BigInt::from(1000 + tenths);
        let mantissa = BigInt::from(b) * num_traits::pow::Pow::pow(&factor, n);
        let mantissa = i128::try_from(mantissa).ok()?;
        Decimal::try_from_i128_with_scale(mantissa, 3 * n).ok()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 512,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// At `b × (1 + r)^n` exactly the rule is met with no gap; one unit of that figure's
        /// last place below, unmet; one above, met.
        #[test]
        fn cagr_is_met_exactly_at_its_boundary(
            b in 1u32..10_000,
            tenths in -999i32..=1000,
            n in 1u32..=7,
        ) {
            let Some(at) = compounded_by_integers(b, tenths, n) else {
                return Ok(());
            };
            let percent = Decimal::new(i64::from(tenths), 1);
            let rule = Rule::CagrAtLeast { percent, years: n };
            let base = Some(Decimal::from(b));
            let v = judge(&rule, at, base).unwrap();
            proptest::prop_assert!(v.met, "{} from {} at {}% over {}", at, b, percent, n);
            proptest::prop_assert_eq!(v.gap.map(|g| g.is_zero()), Some(true));
            proptest::prop_assert_eq!(v.threshold.map(|t| t == at), Some(true));
            let ulp = Decimal::new(1, at.scale());
            proptest::prop_assert!(!judge(&rule, at - ulp, base).unwrap().met, "{} − ulp", at);
            proptest::prop_assert!(judge(&rule, at + ulp, base).unwrap().met, "{} + ulp", at);
        }

        /// Away from the boundary, the rule agrees with (actual / base)^(1/years) − 1 >= X%
        /// worked out in floating point.
        #[test]
        fn cagr_agrees_with_floating_point_away_from_the_boundary(
            base_cents in 1i64..100_000_000,
            hundredths in -9_999i64..=10_000,
            years in 1u32..=20,
            grown_hundredths in -10_000i64..=10_000,
            below_zero in 0u32..10,
        ) {
            // A figure grown from the base at some rate near the rule's, to the cent; or, once
            // in ten, a figure of 0 or below.
            let grown = base_cents as f64
                * (1.0 + grown_hundredths as f64 / 10_000.0).powi(years as i32);
            let actual_cents = match below_zero {
                0 => -(grown.round() as i64) % 1_000_000,
                _ => grown.round() as i64,
            };
            proptest::prop_assume!(actual_cents.unsigned_abs() < 1_000_000_000_000_000);
            let base = Decimal::new(base_cents, 2);
            let percent = Decimal::new(hundredths, 2);
            let actual = Decimal::new(actual_cents, 2);
            let rule = Rule::CagrAtLeast { percent, years };
            let met = judge(&rule, actual, Some(base)).unwrap().met;
            let (a, b, x) = (actual_cents as f64, base_cents as f64, hundredths as f64 / 10_000.0);
            if a <= 0.0 {
                // No rate above −100% is met by a figure of 0 or below.
                proptest::prop_assert!(!met, "{} from {}", actual, base);
                return Ok(());
            }
            let one_plus_rate = (a / b).powf(1.0 / f64::from(years));
            let one_plus_x = 1.0 + x;
            proptest::prop_assume!((one_plus_rate - one_plus_x).abs() > 1e-9 * one_plus_x);
            proptest::prop_assert_eq!(
                met,
                one_plus_rate > one_plus_x,
                "{} from {} at {}% over {} years: f64 rate {}",
                actual, base, percent, years, one_plus_rate - 1.0
            );
        }

        /// `about` meets a figure exactly when |actual − value| <= the tolerance, in decimals.
        #[test]
        fn about_agrees_with_decimal_arithmetic(
            value in -1_000_000_000i64..1_000_000_000,
            value_scale in 0u32..=4,
            width in 0i64..100_000_000,
            width_scale in 0u32..=4,
            percent in proptest::bool::ANY,
            offset in -200_000_000i64..200_000_000,
            offset_scale in 0u32..=6,
        ) {
            let value = Decimal::new(value, value_scale);
            let width = Decimal::new(width, width_scale);
            let (tolerance, amount) = match percent {
                // A share in percent with up to 4 places of a value with up to 4: at most 10
                // places, which a decimal holds exactly.
                true => (Tolerance::Percent(width), (value * width / Decimal::ONE_HUNDRED).abs()),
                false => (Tolerance::Amount(width), width),
            };
            let rule = Rule::About { value, tolerance };
            let ulp = Decimal::new(1, offset_scale.max(value.scale()).max(amount.scale()));
            // Around the value, and at each end of the range and a unit of its last place past it.
            for actual in [
                value + Decimal::new(offset, offset_scale),
                value - amount,
                value + amount,
                value - amount - ulp,
                value + amount + ulp,
                value - amount + ulp,
                value + amount - ulp,
            ] {
                let want = (actual - value).abs() <= amount;
                let v = judge(&rule, actual, None).unwrap();
                proptest::prop_assert_eq!(
                    v.met, want,
                    "{} against {} ± {:?} (±{})", actual, value, tolerance, amount
                );
                // Held against the nearer edge; inside the range, the figure itself.
                let nearest = if actual < value - amount {
                    value - amount
                } else if actual > value + amount {
                    value + amount
                } else {
                    actual
                };
                proptest::prop_assert_eq!(v.threshold.map(|t| t.normalize()), Some(nearest.normalize()));
            }
        }
    }

    #[test]
    fn about_is_held_against_the_nearer_edge() {
        let about = Rule::About {
            value: d("6500"),
            tolerance: crate::plan::Tolerance::Percent(d("5")),
        };
        // 6500 ± 5% is 6175..6825: 7000 is 175 over its edge, 6000 is 175 under.
        let over = judge(&about, d("7000"), None).unwrap();
        assert!(!over.met);
        assert_eq!(over.threshold, Some(d("6825")));
        assert_eq!(over.gap.map(|g| g.to_string()), Some("175".to_string()));
        let under = judge(&about, d("6000"), None).unwrap();
        assert_eq!(under.threshold, Some(d("6175")));
        assert_eq!(under.gap.map(|g| g.to_string()), Some("-175".to_string()));
        let inside = judge(&about, d("6800"), None).unwrap();
        assert!(inside.met);
        assert_eq!(inside.gap, Some(Decimal::ZERO));
    }
}
