//! A plan file that does not read or does not hold together.
//! Typed here; worded in each language in `render/errors/plan.rs`.

use rust_decimal::Decimal;

use crate::plan::{BoundKind, Problem};

/// A plan file that does not read or does not hold together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    /// The file does not read as a plan: its YAML, or its keys and values.
    Read(Problem),
    /// The plan built into the binary does not read, in serde_json's words (a build gone wrong).
    EmbeddedUnreadable(String),
    /// A plan without targets.
    NoTargets,
    /// `baseline_period` not before `year`.
    BaselineNotBefore { baseline: i32, year: i32 },
    /// A name of target `id` that is already a name of target `other`.
    NameTaken {
        id: String,
        name: String,
        other: String,
    },
    /// Target `id` does not hold together.
    Target { id: String, problem: TargetProblem },
    /// The plan's years do not hold together.
    Horizon(HorizonProblem),
    /// A region listed twice in `regions`.
    DuplicateRegion { name: String },
    /// A word for the whole plan (全省, 合计) listed as a region.
    RegionIsWhole { name: String },
}

/// Why a plan's years do not hold together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HorizonProblem {
    /// Neither `year` nor `horizon`.
    NoYear,
    /// Both `year` and `horizon`.
    YearAndHorizon,
    /// A horizon whose target year is not after its base year.
    Backwards { base: i32, target: i32 },
    /// A horizon longer than [`crate::plan::MAX_YEARS`] years: its exact powers (年均增长,
    /// progress) would take unbounded time.
    TooLong { base: i32, target: i32 },
    /// `baseline_period` beside `horizon`, whose base is the baseline.
    BaselineWithHorizon,
}

/// Why a target does not hold together. `rule` is a rule's name as written in plan.yaml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetProblem {
    /// An id that is not lowercase ASCII letters, digits and `_`.
    BadId,
    /// A blank `name`.
    EmptyName,
    /// A rule without the `value` it needs.
    NeedsValue { rule: &'static str },
    /// A `value` for a rule that takes none.
    TakesNoValue { rule: &'static str },
    /// `min` or `max` for a rule other than `between`.
    MinMaxNotBetween { rule: &'static str },
    /// A factor of 0 or less for `ratio_at_least`.
    FactorNotPositive { rule: &'static str, factor: Decimal },
    /// A `value` for `between`.
    BetweenTakesNoValue,
    /// `min` above `max`.
    MinAboveMax { min: Decimal, max: Decimal },
    /// `between` without `min` or `max`.
    BetweenNeedsBoth,
    /// A `unit` for a milestone.
    MilestoneUnit,
    /// `unit_en` without `unit`.
    UnitEnWithoutUnit,
    /// A blank alias.
    EmptyAlias,
    /// A quantitative rule without a `unit`.
    NeedsUnit { rule: &'static str },
    /// `out_of_range` for a unit without a range: the unit, `None` for a milestone.
    OutOfRangeUnbounded { unit: Option<String> },
    /// A rule that every figure in range meets, or none does.
    Settled(Settled),
    /// A growth of -100% or less, which any figure of 0 or more meets.
    AnyGrowth { growth: Decimal },
    /// A relative rule with no baseline anywhere.
    NoBaseline { rule: &'static str },
    /// A `baseline` for a rule that uses none.
    BaselineUnused { rule: &'static str },
    /// `accrual` or `aggregate` for a milestone.
    MilestoneAccrual,
    /// No `accrual` for a quantitative target.
    NoAccrual,
    /// `aggregate: sum` without `accrual: cumulative`.
    SumNeedsCumulative,
    /// A `profile` without `accrual: cumulative`.
    ProfileNeedsCumulative,
    /// A `profile` with other than 4 shares: how many it has.
    ProfileShares { count: usize },
    /// A `profile` whose shares are negative or do not add up to 100: their sum.
    ProfileSum { sum: Decimal },
    /// A `profile` without `profile_source`.
    ProfileWithoutSource,
    /// `profile_source` without `profile`.
    SourceWithoutProfile,
    /// `about` without `tolerance`.
    NeedsTolerance,
    /// `tolerance` for a rule other than `about`.
    ToleranceNotAbout { rule: &'static str },
    /// A `tolerance` that is not an amount (`50`) or a share (`5%`), or is negative.
    BadTolerance { text: String },
    /// `rank_within` for a unit that is not a rank (位).
    RankWithinNeedsRank { unit: String },
    /// `every_year` or `since` in an annual plan: `key` is the one given.
    NeedsHorizon { key: &'static str },
    /// `since` outside the plan's years.
    SinceOutside { since: i32, base: i32, target: i32 },
    /// `since` without `accrual: cumulative`.
    SinceNeedsCumulative,
    /// `since` with `every_year`: a sum across years is not a figure of each year.
    SinceWithEveryYear,
    /// `every_year` with `cagr_at_least`, an average over the plan's years.
    EveryYearCagr,
    /// `due` that is not one month (`found`, clipped).
    DueNotAMonth { found: String },
    /// `due` on a target that is not a milestone.
    DueNeedsMilestone,
    /// `by_region` in a plan without `regions`.
    ByRegionWithoutRegions,
    /// A `by_region` key that is not one of the plan's regions, and the closest that are.
    UnknownRegion { name: String, closest: Vec<String> },
    /// `by_region` for a rule without one value (`rule` is its name).
    ByRegionNeedsValue { rule: &'static str },
    /// `due` in a year the plan does not check (`first` to `last`).
    DueOutside {
        due: crate::period::Period,
        first: i32,
        last: i32,
    },
    /// `since` with a rule that compares with a baseline (`rule` is its name).
    SinceNeedsAbsolute { rule: &'static str },
    /// `every_year` or `since` for a milestone.
    MilestoneOverYears { key: &'static str },
    /// A `baseline` year not before the target year.
    BaselineYearNotBefore { year: i32, target: i32 },
}

/// A rule that no figure in range could fail (`always`), or none could meet: a figure of `kind`
/// in `unit` is always (or never) `relation` `value`; `wanted` is a value that would decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub kind: BoundKind,
    pub unit: String,
    pub always: bool,
    pub relation: Relation,
    pub value: Decimal,
    pub wanted: Wanted,
}

/// How a rule compares a figure with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

/// A rule's value that would decide something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// A value above this.
    Above(Decimal),
    /// A value of this or more.
    AtLeast(Decimal),
    /// A value of this or less.
    AtMost(Decimal),
    /// A value below this.
    Below(Decimal),
}
