//! Property tests: parsers never panic and read back what they print; rules are monotone and
//! exact at their boundary, whatever the scale of the figures.

use proptest::prelude::*;
use rust_decimal::Decimal;

use plan::actuals::count_delimited;
use plan::evaluate::judge;
use plan::number::parse_decimal;
use plan::plan::{load_plan, Rule};

/// Decimals across magnitudes and scales, small enough that k × value cannot overflow.
fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000_000i64..1_000_000_000_000, 0u32..8).prop_map(|(m, s)| Decimal::new(m, s))
}

fn positive() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000_000_000, 0u32..8).prop_map(|(m, s)| Decimal::new(m, s))
}

fn higher_is_better(v: Decimal) -> Vec<Rule> {
    vec![Rule::AtLeast(v), Rule::MoreThan(v)]
}

proptest! {
    #[test]
    fn decimals_print_and_parse_back_exactly(d in decimal()) {
        let parsed = parse_decimal(&d.to_string()).unwrap();
        prop_assert_eq!(parsed, d);
        prop_assert_eq!(parsed.scale(), d.scale());
    }

    #[test]
    fn parse_decimal_never_panics(text in "\\PC{0,40}") {
        let _ = parse_decimal(&text);
    }

    #[test]
    fn raising_an_actual_never_turns_met_into_unmet(v in decimal(), a in decimal(), up in positive()) {
        for rule in higher_is_better(v) {
            let before = judge(&rule, a, None).unwrap().met;
            let after = judge(&rule, a + up, None).unwrap().met;
            prop_assert!(!before || after, "{rule:?}: {a} met but {} not", a + up);
        }
        for rule in [Rule::AtMost(v), Rule::LessThan(v)] {
            let before = judge(&rule, a, None).unwrap().met;
            let after = judge(&rule, a - up, None).unwrap().met;
            prop_assert!(!before || after, "{rule:?}: {a} met but {} not", a - up);
        }
    }

    #[test]
    fn a_value_exactly_at_the_target_in_any_scale(v in decimal(), extra in 0u32..6) {
        let mut at = v;
        at.rescale(v.scale() + extra);
        prop_assert!(judge(&Rule::AtLeast(v), at, None).unwrap().met);
        prop_assert!(!judge(&Rule::MoreThan(v), at, None).unwrap().met);
        prop_assert!(judge(&Rule::AtMost(v), at, None).unwrap().met);
        prop_assert!(!judge(&Rule::LessThan(v), at, None).unwrap().met);
        let range = Rule::Between { min: v, max: v };
        prop_assert!(judge(&range, at, None).unwrap().met);
        prop_assert!(!judge(&Rule::Increase, at, Some(v)).unwrap().met);
        prop_assert!(!judge(&Rule::Decrease, at, Some(v)).unwrap().met);
    }

    #[test]
    fn growth_exactly_at_the_target_is_met_and_a_hair_below_is_not(
        base in positive(), pct in (0i64..100_000, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
    ) {
        let at = base * (Decimal::ONE_HUNDRED + pct) / Decimal::ONE_HUNDRED;
        let rule = Rule::GrowthAtLeast(pct);
        prop_assert!(judge(&rule, at, Some(base)).unwrap().met);
        let below = at - Decimal::new(1, 12);
        prop_assert!(!judge(&rule, below, Some(base)).unwrap().met);
    }

    #[test]
    fn growth_agrees_with_integer_arithmetic(
        a in (0i64..1_000_000_000_000, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s)),
        b in (1i64..1_000_000_000_000, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s)),
        x in (0i64..100_000_000, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s)),
    ) {
        // At a common scale of 6 the figures are integers A, B, X; (a − b) / b >= x / 100 is
        // (A − B) × 100 × 10^6 >= X × B, in i128 without rounding.
        let int = |d: Decimal| { let mut d = d; d.rescale(6); d.mantissa() };
        let (ai, bi, xi) = (int(a), int(b), int(x));
        let expected = (ai - bi) * 100 * 1_000_000 >= xi * bi;
        prop_assert_eq!(judge(&Rule::GrowthAtLeast(x), a, Some(b)).unwrap().met, expected);
        let k = Decimal::new(2, 0);
        prop_assert_eq!(judge(&Rule::RatioAtLeast(k), a, Some(b)).unwrap().met, ai >= 2 * bi);
    }

    #[test]
    fn doubling_exactly_is_met(base in positive(), k in 1i64..10) {
        let k = Decimal::from(k);
        prop_assert!(judge(&Rule::RatioAtLeast(k), base * k, Some(base)).unwrap().met);
        prop_assert!(!judge(&Rule::RatioAtLeast(k), base * k - Decimal::new(1, 10), Some(base)).unwrap().met);
    }

    #[test]
    fn the_csv_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = count_delimited(&bytes, "fuzz.csv", 2020);
    }

    #[test]
    fn the_csv_reader_never_panics_on_csv_like_text(text in "(indicator|value|period|[a-z0-9,.\"\\n年-]){0,60}") {
        let _ = count_delimited(text.as_bytes(), "fuzz.csv", 2020);
    }

    #[test]
    fn the_plan_loader_never_panics(text in "(title: |year: |targets:|  - id: |rule: |value: |[a-z0-9\\[\\]{}:\"\\n -]){0,60}") {
        let _ = load_plan(&text, "fuzz.yaml");
    }
}
