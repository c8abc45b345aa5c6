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
    /// The unit in English words, when the plan gives it.
    pub unit_en: Option<String>,
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
    /// How the figure builds up over a year.
    pub accrual: Accrual,
    /// Whether many rows per period are summed (record-level data) or one row is expected.
    pub aggregate: Aggregate,
    /// For cumulative targets, how the year's total usually accrues by quarter.
    pub profile: Option<Profile>,
    /// What a figure no such quantity can be is: a count below 0 or fractional, a rank below 1
    /// or fractional, a percentage outside 0-100.
    pub out_of_range: OutOfRange,
    /// In a plan over years, the path a figure of a year before the target year is held
    /// against: compound growth (the default) or a straight line.
    pub path: crate::evaluate::progress::Path,
    /// In a plan over years, the rule holds in every year of it, not only the target year.
    pub every_year: bool,
    /// In a plan over years, a flow counted from the start of this year.
    pub since: Option<i32>,
    /// A target the plan only strives for (力争).
    pub aspiration: bool,
    /// Who answers for the target (牵头单位).
    pub owner: Option<String>,
    /// A milestone's deadline: a one-month period.
    pub due: Option<crate::period::Period>,
    /// Each region's share: its index in the plan's `regions`, and the rule with its value.
    pub by_region: Vec<(usize, Rule)>,
    /// For a region's share of a target: the region's index in the plan's `regions`, and its
    /// name.
    pub region: Option<(usize, String)>,
    /// For a relative rule, the year it compares with when that is not the year before the
    /// target year (a plan over years, or a `baseline` with a `year`).
    pub compares_with: Option<i32>,
}

impl Target {
    /// The year whose figures are this target's baseline: its `baseline`'s year, else the
    /// plan's named base year.
    pub fn base_year(&self, horizon: super::Horizon) -> Option<i32> {
        self.baseline
            .as_ref()
            .and_then(|b| b.year)
            .or(horizon.base_year())
    }

    /// Whether the figure is a rank (unit 位), where a smaller number is better.
    pub fn is_rank(&self) -> bool {
        self.unit
            .as_deref()
            .and_then(super::Bounds::of)
            .is_some_and(|b| b.kind == super::BoundKind::Rank)
    }
}

/// What a figure outside the range of its quantity is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutOfRange {
    /// An error naming the cell.
    #[default]
    Error,
    /// A warning, which `--strict` fails on.
    Warn,
    /// Nothing: the quantity may be so (a net change of a count, a growth rate in %).
    Allow,
}

/// How a target's figure builds up over a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Accrual {
    /// A flow (new platforms, contract turnover): single-period figures add up to the year so far.
    Cumulative,
    /// A point-in-time value (a ratio, an index, a stock): the latest figure counts.
    #[default]
    Level,
}

/// How many rows a target takes per period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Aggregate {
    /// One row per period; a second is an error.
    #[default]
    One,
    /// Any number of rows per period, summed exactly (one row per registered contract).
    Sum,
}

/// The share of a year's total that usually accrues in each quarter, in percent (sums to 100).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Q1..Q4 shares in percent.
    pub quarters: [Decimal; 4],
    /// Where the shares come from.
    pub source: String,
}

/// A baseline figure given in the plan itself, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    /// The figure.
    pub value: Decimal,
    /// Where the figure was published.
    pub source: String,
    /// The year the figure is for, when not the plan's base year: that year's figures are then
    /// the baseline, and this value stands in for them.
    pub year: Option<i32>,
}
