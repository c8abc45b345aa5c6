//! The progress classes against an oracle in floating point (away from the thresholds, where
//! f64 is sure), and exactly at each threshold, where only exact arithmetic is.

use super::*;
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn q(n: i64, den: i64) -> BigRational {
    BigRational::new(n.into(), den.into())
}

fn journey(base: &str, value: &str, target: &str, horizon: u32, elapsed: BigRational) -> Journey {
    Journey {
        base: d(base),
        value: d(value),
        target: exact(d(target)),
        horizon,
        elapsed,
        higher: d(target) > d(base),
        path: Path::Compound,
    }
}

fn class(j: &Journey) -> ProgressClass {
    j.standing().unwrap().class
}

#[test]
fn exactly_at_each_threshold_on_a_rational_path() {
    // 100 -> 121 in 2 years needs 10% a year; after one year, 0.95 × 10% = 9.5% is on track.
    let at = |v: &str| class(&journey("100", v, "121", 2, q(1, 1)));
    assert_eq!(at("109.5"), ProgressClass::Substantial);
    assert_eq!(at("109.4999999999"), ProgressClass::Moderate);
    assert_eq!(at("106"), ProgressClass::Moderate);
    assert_eq!(at("105.9999999999"), ProgressClass::Limited);
    assert_eq!(at("100"), ProgressClass::Limited);
    assert_eq!(at("99.9999999999"), ProgressClass::Deterioration);
    let j = journey("100", "109.5", "121", 2, q(1, 1));
    assert_eq!(j.standing().unwrap().ratio, Some(d("0.9500")));
}

#[test]
fn exactly_at_the_threshold_after_years_whose_root_is_irrational() {
    // 100 -> 121 in 2 years; after 2 of them, the observed rate is sqrt(v/100) - 1: at v =
    // 100 × 1.095² = 119.9025 it is 9.5% exactly.
    let at = |v: &str| class(&journey("100", v, "121", 2, q(2, 1)));
    assert_eq!(at("119.9025"), ProgressClass::Substantial);
    assert_eq!(at("119.9024999999"), ProgressClass::Moderate);
}

#[test]
fn part_of_a_year_counts_as_its_fraction() {
    // After 1.5 years at 10% a year: 100 × 1.1^1.5 = 115.369...; 1.095^1.5 = 1.14583...
    let at = |v: &str| class(&journey("100", v, "121", 2, q(3, 2)));
    assert_eq!(at("114.59"), ProgressClass::Substantial);
    assert_eq!(at("114.58"), ProgressClass::Moderate);
}

#[test]
fn a_rank_falls_towards_its_target() {
    // 18th -> 15th in 5 years needs -3.58% a year; after 2 years 16th is substantial progress
    // (R 1.6), 17th moderate (R 0.79), 17.5th limited (R 0.39).
    let at = |v: &str| class(&journey("18", v, "15", 5, q(2, 1)));
    assert_eq!(at("16"), ProgressClass::Substantial);
    assert_eq!(at("17"), ProgressClass::Moderate);
    assert_eq!(at("17.5"), ProgressClass::Limited);
    assert_eq!(at("18"), ProgressClass::Limited);
    assert_eq!(at("19"), ProgressClass::Deterioration);
}

#[test]
fn a_straight_path_is_exact() {
    let at = |v: &str| {
        let mut j = journey("100", v, "150", 5, q(2, 1));
        j.path = Path::Linear;
        j.standing().unwrap()
    };
    // 20 due by now: 19 is 0.95 of it.
    assert_eq!(at("119").class, ProgressClass::Substantial);
    assert_eq!(at("119").ratio, Some(d("0.9500")));
    assert_eq!(at("118.99").class, ProgressClass::Moderate);
    assert_eq!(at("112").class, ProgressClass::Moderate);
    assert_eq!(at("111.99").class, ProgressClass::Limited);
    assert_eq!(at("99").class, ProgressClass::Deterioration);
}

#[test]
fn unmeasurable_without_positive_figures_or_time() {
    let j = journey("0", "5", "10", 5, q(1, 1));
    assert_eq!(j.standing(), Err(Unmeasured::NotPositive));
    let j = journey("1", "-5", "10", 5, q(1, 1));
    assert_eq!(j.standing(), Err(Unmeasured::NotPositive));
    let j = journey("1", "5", "10", 5, q(0, 1));
    assert_eq!(j.standing(), Err(Unmeasured::NoTime));
}

#[test]
fn a_target_behind_the_baseline_not_reached_is_a_deterioration() {
    // At least 90 from 100, now at 80: it fell.
    let mut j = journey("100", "80", "90", 5, q(1, 1));
    j.higher = true;
    assert_eq!(class(&j), ProgressClass::Deterioration);
}

/// R in floating point, as sdg-build computes it.
fn oracle(b: f64, v: f64, t: f64, target: f64, horizon: f64) -> f64 {
    let observed = (v / b).powf(1.0 / t) - 1.0;
    let required = (target / b).powf(1.0 / horizon) - 1.0;
    observed / required
}

fn oracle_class(r: f64) -> ProgressClass {
    if r >= 0.95 {
        ProgressClass::Substantial
    } else if r >= 0.6 {
        ProgressClass::Moderate
    } else if r >= 0.0 {
        ProgressClass::Limited
    } else {
        ProgressClass::Deterioration
    }
}

proptest! {
    #[test]
    fn classes_agree_with_floating_point_away_from_the_thresholds(
        base in 1u32..100_000,
        value_per_mille in 1u32..5_000,
        target_per_mille in 1u32..5_000,
        horizon in 2u32..11,
        elapsed_months in 1u32..120,
    ) {
        let elapsed_months = elapsed_months.min(horizon * 12 - 1);
        let value = Decimal::from(base) * Decimal::from(value_per_mille) / Decimal::from(1000);
        let target = Decimal::from(base) * Decimal::from(target_per_mille) / Decimal::from(1000);
        prop_assume!(target != Decimal::from(base));
        let higher = target > Decimal::from(base);
        let j = Journey {
            base: Decimal::from(base),
            value,
            target: exact(target),
            horizon,
            elapsed: q(i64::from(elapsed_months), 12),
            higher,
            path: Path::Compound,
        };
        let r = oracle(
            f64::from(base),
            value.to_string().parse().unwrap(),
            f64::from(elapsed_months) / 12.0,
            target.to_string().parse().unwrap(),
            f64::from(horizon),
        );
        prop_assume!([0.95, 0.6, 0.0].iter().all(|k| (r - k).abs() > 1e-9));
        let standing = j.standing().unwrap();
        prop_assert_eq!(standing.class, oracle_class(r), "R = {}", r);
        if r.abs() < 1000.0 {
            let shown: f64 = standing.ratio.unwrap().to_string().parse().unwrap();
            prop_assert!((shown - r).abs() <= 0.00005 + 1e-9, "R = {}, shown {}", r, shown);
        }
    }
}

#[test]
fn the_level_due_by_now_is_rounded_half_up() {
    // 2.06 -> 2.5 over 5 years: after 3, 2.06 × (2.5/2.06)^0.6 = 2.31370...
    let j = journey("2.06", "2.19", "2.5", 5, q(3, 1));
    assert_eq!(j.expected(2), Some(d("2.31")));
    assert_eq!(j.expected(4), Some(d("2.3137")));
    // 100 -> 121 over 2 years: after 1, exactly 110.
    let j = journey("100", "105", "121", 2, q(1, 1));
    assert_eq!(j.expected(2), Some(d("110.00")));
    // A falling rank: 18 -> 15 over 5 years, after 2: 18 × (15/18)^0.4 = 16.734...
    let j = journey("18", "17", "15", 5, q(2, 1));
    assert_eq!(j.expected(2), Some(d("16.73")));
    let mut j = journey("100", "105", "150", 5, q(2, 1));
    j.path = Path::Linear;
    assert_eq!(j.expected(2), Some(d("120.00")));
}
