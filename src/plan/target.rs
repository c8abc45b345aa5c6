//! One target of the plan.

use rust_decimal::Decimal;

use super::Rule;

/// A target: what is measured, in which unit, and the rule its figure must satisfy.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// Stable public id, e.g. `rd_intensity`.
    pub id: String,
    /// Chinese name as the plan words it.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Other names analysts use for the same indicator.
    pub aliases: Vec<String>,
    /// Unit of the figure (`%`, `亿元`, `家`); `None` for milestones.
    pub unit: Option<String>,
    /// The rule and its value.
    pub rule: Rule,
    /// The plan's own verb for the target (达到, 超过, 明显提升), used in the target's wording.
    pub wording: Option<String>,
    /// The clause the target comes from (主要预期目标, 第14条).
    pub source: String,
    /// The sentence quoted from the plan.
    pub quote: Option<String>,
    /// A baseline figure written in the plan, used when the actuals have none.
    pub baseline: Option<Baseline>,
}

/// A baseline figure given in the plan itself, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    /// The figure.
    pub value: Decimal,
    /// Where the figure was published.
    pub source: String,
}
