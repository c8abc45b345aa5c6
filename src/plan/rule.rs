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
}

impl Rule {
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
        }
    }

    /// True when the rule compares with a baseline figure.
    pub fn is_relative(&self) -> bool {
        matches!(
            self,
            Rule::GrowthAtLeast(_) | Rule::RatioAtLeast(_) | Rule::Increase | Rule::Decrease
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
            | Rule::RatioAtLeast(v) => Some(*v),
            _ => None,
        }
    }

    /// True for rules that carry no number (明显提升, 有所提升): any change in the right direction
    /// meets them, and the output marks them as qualitative.
    pub fn is_qualitative(&self) -> bool {
        matches!(self, Rule::Increase | Rule::Decrease)
    }
}
