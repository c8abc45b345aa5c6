//! The level a rule compares with ([`level`]) and the side of it that meets the rule
//! ([`reaches`]) must say what [`judge`] says of the figure itself, for every rule: the
//! interim path and the early-met checks use the first two, the year-end verdict the third.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::rules::reaches;
use super::{exact, judge, level};
use crate::plan::{Rule, Tolerance};

fn decimal() -> impl Strategy<Value = Decimal> + Clone {
    // Small integers and values at two scales, so figures often land exactly on a level.
    (-40i64..400, 0u32..3).prop_map(|(n, scale)| Decimal::new(n, scale))
}

fn rule() -> impl Strategy<Value = Rule> {
    let v = decimal();
    prop_oneof![
        v.clone().prop_map(Rule::AtLeast),
        v.clone().prop_map(Rule::MoreThan),
        v.clone().prop_map(Rule::AtMost),
        v.clone().prop_map(Rule::LessThan),
        v.clone().prop_map(Rule::RankWithin),
        v.clone().prop_map(Rule::GrowthAtLeast),
        v.clone().prop_map(Rule::RatioAtLeast),
        v.clone().prop_map(Rule::PointsIncrease),
        (v.clone(), 1u32..6).prop_map(|(percent, years)| Rule::CagrAtLeast { percent, years }),
        Just(Rule::Increase),
        Just(Rule::Decrease),
        v.prop_map(|value| Rule::About {
            value,
            tolerance: Tolerance::Amount(Decimal::ONE),
        }),
    ]
}

proptest! {
    #[test]
    fn the_level_and_its_side_agree_with_the_verdict(
        rule in rule(),
        value in decimal(),
        baseline in decimal(),
    ) {
        let Some(level) = level(&rule, Some(baseline)) else { return Ok(()) };
        let Ok(verdict) = judge(&rule, value, Some(baseline)) else { return Ok(()) };
        match reaches(&rule, &exact(value), &level) {
            Some(met) => prop_assert_eq!(met, verdict.met, "{:?} {} {}", rule, value, baseline),
            // Ranges are decided by their bounds, never by one level.
            None => {
                let range = matches!(rule, Rule::About { .. } | Rule::Between { .. });
                prop_assert!(range);
            }
        }
    }
}
