//! The rules a target can have, with the values they need.

use rust_decimal::Decimal;

/// How a target's actual figure is judged. Values are exact decimals as written in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// 达到 / 以上 / 不低于: actual >= value.
    AtLeast(Decimal),
    /// 超过: actual > value.
    MoreThan(Decimal),
    /// 不高于 / 以内: actual <= value.
    AtMost(Decimal),
    /// 低于: actual < value.
    LessThan(Decimal),
    /// min <= actual <= max.
    Between {
        /// Lower bound, inclusive.
        min: Decimal,
        /// Upper bound, inclusive.
        max: Decimal,
    },
    /// 增长 X%以上 / 净增 X%以上: (actual - baseline) / baseline >= X%. Holds X.
    GrowthAtLeast(Decimal),
    /// 翻番 (k = 2) / 倍增: actual >= k * baseline. Holds k.
    RatioAtLeast(Decimal),
    /// 提升 / 提高 / 扩大: actual > baseline.
    Increase,
    /// 下降; a rank improves when its number decreases: actual < baseline.
    Decrease,
    /// A milestone: the figure is a word such as 完成 or 进行中.
    Done,
    /// 进入前 15 位: the rank is the value or better (a smaller number): actual <= value.
    RankWithin(Decimal),
    /// 提高 2 个百分点: actual − baseline >= X, in percentage points. Holds X.
    PointsIncrease(Decimal),
    /// 年均增长 7% 以上: (actual / baseline)^(1/years) − 1 >= X%, compared exactly as actual
    /// >= baseline × (1 + X/100)^years, `years` from the baseline's year to the target year.
    CagrAtLeast { percent: Decimal, years: u32 },
    /// 6500 亿元左右: |actual − value| <= tolerance.
    About {
        value: Decimal,
        tolerance: Tolerance,
    },
}

/// How far from its value an `about` target's figure may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    /// A share of the value, in percent (`"5%"`).
    Percent(Decimal),
    /// An amount in the target's unit (`"50"`).
    Amount(Decimal),
}

impl Tolerance {
    /// The tolerance as an amount in the unit, for `value`: exact, when it fits a decimal.
    pub fn amount(self, value: Decimal) -> Option<Decimal> {
        match self {
            Tolerance::Amount(a) => Some(a),
            Tolerance::Percent(p) => value
                .checked_mul(p)?
                .checked_div(Decimal::ONE_HUNDRED)
                .map(|a| a.abs()),
        }
    }
}

impl Rule {
    /// The rule with `value` in place of its value (a region's share); `None` for a rule
    /// without one value (between, increase, decrease, done).
    pub fn with_value(&self, value: Decimal) -> Option<Rule> {
        Some(match self {
            Rule::AtLeast(_) => Rule::AtLeast(value),
            Rule::MoreThan(_) => Rule::MoreThan(value),
            Rule::AtMost(_) => Rule::AtMost(value),
            Rule::LessThan(_) => Rule::LessThan(value),
            Rule::GrowthAtLeast(_) => Rule::GrowthAtLeast(value),
            Rule::RatioAtLeast(_) => Rule::RatioAtLeast(value),
            Rule::RankWithin(_) => Rule::RankWithin(value),
            Rule::PointsIncrease(_) => Rule::PointsIncrease(value),
            Rule::CagrAtLeast { years, .. } => Rule::CagrAtLeast {
                percent: value,
                years: *years,
            },
            Rule::About { tolerance, .. } => Rule::About {
                value,
                tolerance: *tolerance,
            },
            Rule::Between { .. } | Rule::Increase | Rule::Decrease | Rule::Done => return None,
        })
    }

    /// The rule's name as written in plan.yaml and in JSON output.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::AtLeast(_) => "at_least",
            Rule::MoreThan(_) => "more_than",
            Rule::AtMost(_) => "at_most",
            Rule::LessThan(_) => "less_than",
            Rule::Between { .. } => "between",
            Rule::GrowthAtLeast(_) => "growth_at_least",
            Rule::RatioAtLeast(_) => "ratio_at_least",
            Rule::Increase => "increase",
            Rule::Decrease => "decrease",
            Rule::Done => "done",
            Rule::RankWithin(_) => "rank_within",
            Rule::PointsIncrease(_) => "points_increase",
            Rule::CagrAtLeast { .. } => "cagr_at_least",
            Rule::About { .. } => "about",
        }
    }

    /// True when the rule compares with a baseline figure.
    pub fn is_relative(&self) -> bool {
        matches!(
            self,
            Rule::GrowthAtLeast(_)
                | Rule::RatioAtLeast(_)
                | Rule::Increase
                | Rule::Decrease
                | Rule::PointsIncrease(_)
                | Rule::CagrAtLeast { .. }
        )
    }

    /// The single value the rule holds, if it holds exactly one.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Rule::AtLeast(v)
            | Rule::MoreThan(v)
            | Rule::AtMost(v)
            | Rule::LessThan(v)
            | Rule::GrowthAtLeast(v)
            | Rule::RatioAtLeast(v)
            | Rule::RankWithin(v)
            | Rule::PointsIncrease(v)
            | Rule::CagrAtLeast { percent: v, .. }
            | Rule::About { value: v, .. } => Some(*v),
            _ => None,
        }
    }

    /// True for rules that carry no number (明显提升, 有所提升): any change in the right direction
    /// meets them, and the output marks them as qualitative.
    pub fn is_qualitative(&self) -> bool {
        matches!(self, Rule::Increase | Rule::Decrease)
    }
}
