//! The plan: a validated list of targets, loaded from YAML (`plan.yaml`).
//!
//! Stage one of the flow: text -> [`raw`] serde structs -> [`load`] checks -> [`Plan`].

mod bounds;
mod load;
mod problem;
mod raw;
mod rule;
mod shape;
mod target;

pub use bounds::{BoundKind, Bounds};
pub use load::{load_embedded, load_plan, load_plan_at, EMBEDDED_PLAN, EMBEDDED_PLAN_NAME};
pub use problem::{Problem, Syntax};
pub use rule::{Rule, Tolerance};
pub use shape::{Expect, Found, Invalid, KeyPath, Seg, Shape, Thing};
pub use target::{Accrual, Aggregate, Baseline, OutOfRange, Profile, Target};

/// A validated plan: every target has a unique id and name, and a rule with what it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The plan's title, e.g. 省委科技工委 省科技厅 2020 年科技工作要点.
    pub title: String,
    /// The title in English, if given.
    pub title_en: Option<String>,
    /// Who issued the plan.
    pub issuer: Option<String>,
    /// The years the plan runs over: from its base year to its target year (an annual plan's
    /// base is the year before its year).
    pub horizon: Horizon,
    /// The source document.
    pub source: String,
    /// The regions targets are split among, in plan order (empty when none are).
    pub regions: Vec<String>,
    /// The targets, in plan order.
    pub targets: Vec<Target>,
    /// Each region's share of each target split among regions (see [`Plan::split`]).
    pub shares: Vec<Target>,
}

impl Plan {
    /// Each region's share of each target split among regions: a copy of the target with the
    /// region's value, target by target in plan order, then region by region in plan order.
    /// Its baseline, the whole plan's, is left out.
    pub fn split(targets: &[Target], regions: &[String]) -> Vec<Target> {
        targets
            .iter()
            .flat_map(|t| {
                t.by_region.iter().map(move |(region, rule)| Target {
                    rule: rule.clone(),
                    region: Some((*region, regions[*region].clone())),
                    baseline: None,
                    by_region: Vec::new(),
                    ..t.clone()
                })
            })
            .collect()
    }

    /// The whole-plan words for a region cell: blank, 全省, 合计 … (the plan's whole, not one
    /// region).
    pub fn is_whole(text: &str) -> bool {
        const WHOLE: [&str; 8] = ["", "全省", "合计", "总计", "全市", "全国", "全区", "total"];
        let text = crate::names::normalize(text);
        WHOLE.iter().any(|w| crate::names::normalize(w) == text)
    }

    /// The index of region `text` in the plan's regions (names compared in normal form).
    pub fn region(&self, text: &str) -> Option<usize> {
        let text = crate::names::normalize(text);
        self.regions
            .iter()
            .position(|r| crate::names::normalize(r) == text)
    }
}

/// The longest horizon, in years: plans run over five or ten, and the exact comparisons of
/// 年均增长 and progress raise figures to the power of the years (a 28-digit rate over 9000
/// years takes minutes; over 50, milliseconds).
pub const MAX_YEARS: i32 = 50;

/// The years a plan runs over. An annual plan (`year: 2020`, `baseline_period: 2019`) is
/// `{base: 2019, target: 2020}`; a five-year plan (`horizon: {base: 2015, target: 2020}`) runs
/// from its base year's figures to its target year's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    /// The base year: its figures are the baselines relative rules compare with, and a
    /// multi-year plan's path starts from them.
    pub base: i32,
    /// The target year: its figures decide `met` or `unmet`.
    pub target: i32,
    /// Whether the plan names its base year (`baseline_period` or `horizon`). An annual plan
    /// that does not compares only with the baselines its targets give, never with figures.
    pub named_base: bool,
    /// An annual plan (`year`): only its year is checked, whatever year it compares with.
    pub annual: bool,
}

impl Horizon {
    /// An annual plan for `year`, comparing with the figures of `baseline` when named.
    pub fn annual(year: i32, baseline: Option<i32>) -> Horizon {
        Horizon {
            base: baseline.unwrap_or(year - 1),
            target: year,
            named_base: baseline.is_some(),
            annual: true,
        }
    }

    /// The year whose figures are baselines, when the plan names one.
    pub fn base_year(self) -> Option<i32> {
        self.named_base.then_some(self.base)
    }

    /// Years from the base to the target: 1 for an annual plan, 5 for a five-year plan.
    pub fn years(self) -> i32 {
        self.target - self.base
    }

    /// True for a plan over years (`horizon`), whose years between base and target are
    /// judged by their progress.
    pub fn is_multi_year(self) -> bool {
        !self.annual
    }

    /// True for a year whose figures are checked: after the base year, up to the target year
    /// (an annual plan's only such year is its year).
    pub fn checks(self, year: i32) -> bool {
        match self.is_multi_year() {
            true => self.base < year && year <= self.target,
            false => year == self.target,
        }
    }

    /// True for a year whose figures the plan reads: a checked year, or the named base year.
    pub fn reads(self, year: i32) -> bool {
        self.checks(year) || self.base_year() == Some(year)
    }
}

/// The JSON Schema (draft-07, which editors' YAML language servers read) of plan.yaml.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<raw::RawPlan>();
    serde_json::to_value(schema).expect("a schema is JSON")
}
