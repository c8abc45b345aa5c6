//! Evaluation: figures and rules in, statuses out. Pure: it knows nothing of files or formats.

mod rules;

pub use rules::{growth_percent, judge, Unjudged, Verdict};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::exit::ExitStatus;
use crate::figure::{Figure, FigureValue, Figures, Progress};
use crate::plan::{Plan, Rule, Target};

/// A target's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The figure satisfies the rule.
    Met,
    /// The figure does not satisfy the rule.
    Unmet,
    /// No figure (or no baseline) to judge by.
    Missing,
}

impl Status {
    /// The status as written in JSON and tables: `met`, `unmet`, `missing`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Unmet => "unmet",
            Status::Missing => "missing",
        }
    }
}

/// Where a baseline figure came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaselineFrom {
    /// The actuals' row for the baseline period, at this place.
    Data(crate::error::Location),
    /// The plan, with the source it cites.
    Plan(String),
}

/// The baseline a relative rule used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineUsed {
    /// The figure.
    pub value: Decimal,
    /// Where it came from.
    pub from: BaselineFrom,
}

/// One target's result.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetResult<'p> {
    /// The target.
    pub target: &'p Target,
    /// The figure for the evaluated period, if any.
    pub actual: Option<Figure>,
    /// The baseline, for relative rules that had one.
    pub baseline: Option<BaselineUsed>,
    /// Met, unmet or missing.
    pub status: Status,
    /// The level compared with, when there was one.
    pub threshold: Option<Decimal>,
    /// Actual minus the level compared with.
    pub gap: Option<Decimal>,
    /// Growth over the baseline in percent (rounded to 2 places), for growth rules.
    pub growth: Option<Decimal>,
    /// Why a target is missing, or what else a reader should know.
    pub note: Option<String>,
}

/// Counts per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Targets met.
    pub met: usize,
    /// Targets unmet.
    pub unmet: usize,
    /// Targets without a figure to judge.
    pub missing: usize,
    /// All targets.
    pub total: usize,
}

/// The result of checking a plan's targets for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation<'p> {
    /// The plan checked.
    pub plan: &'p Plan,
    /// The period evaluated (the plan year).
    pub period: i32,
    /// One result per target, in plan order.
    pub results: Vec<TargetResult<'p>>,
    /// Rows read but not used, with why.
    pub warnings: Vec<String>,
}

impl Evaluation<'_> {
    /// Counts per status.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            total: self.results.len(),
            ..Summary::default()
        };
        for result in &self.results {
            match result.status {
                Status::Met => summary.met += 1,
                Status::Unmet => summary.unmet += 1,
                Status::Missing => summary.missing += 1,
            }
        }
        summary
    }

    /// 0 when everything is met; 1 when anything is unmet, or missing unless `allow_missing`.
    pub fn exit_status(&self, allow_missing: bool) -> ExitStatus {
        let summary = self.summary();
        if summary.unmet > 0 || (summary.missing > 0 && !allow_missing) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}

/// Evaluates every target of `plan` for its plan year.
pub fn evaluate<'p>(plan: &'p Plan, figures: &Figures) -> Evaluation<'p> {
    let results = plan
        .targets
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let by_period = figures.by_target.get(i);
            let actual = by_period.and_then(|f| f.get(&plan.year)).cloned();
            let base_row = plan
                .baseline_period
                .and_then(|year| by_period.and_then(|f| f.get(&year)));
            evaluate_target(plan, target, actual, base_row)
        })
        .collect();
    Evaluation {
        plan,
        period: plan.year,
        results,
        warnings: figures.warnings.clone(),
    }
}

fn evaluate_target<'p>(
    plan: &Plan,
    target: &'p Target,
    actual: Option<Figure>,
    base_row: Option<&Figure>,
) -> TargetResult<'p> {
    let mut result = TargetResult {
        target,
        actual: actual.clone(),
        baseline: None,
        status: Status::Missing,
        threshold: None,
        gap: None,
        growth: None,
        note: None,
    };
    let Some(actual) = actual else {
        result.note = Some(format!("no figure for {}", plan.year));
        return result;
    };
    let number = match actual.value {
        FigureValue::Progress(progress) => {
            (result.status, result.note) = match progress {
                Progress::Done => (Status::Met, None),
                Progress::InProgress => (Status::Unmet, Some("in progress".to_string())),
                Progress::NotDone => (Status::Unmet, Some("not done".to_string())),
            };
            return result;
        }
        FigureValue::Number(number) => number,
    };
    if target.rule.is_relative() {
        result.baseline = match (base_row, &target.baseline) {
            (
                Some(Figure {
                    value: FigureValue::Number(value),
                    at,
                }),
                _,
            ) => Some(BaselineUsed {
                value: *value,
                from: BaselineFrom::Data(at.clone()),
            }),
            (_, Some(given)) => Some(BaselineUsed {
                value: given.value,
                from: BaselineFrom::Plan(given.source.clone()),
            }),
            _ => None,
        };
    }
    let base = result.baseline.as_ref().map(|b| b.value);
    if let (Rule::GrowthAtLeast(_), Some(base)) = (&target.rule, base) {
        result.growth = growth_percent(number, base);
    }
    match judge(&target.rule, number, base) {
        Ok(verdict) => {
            result.status = if verdict.met {
                Status::Met
            } else {
                Status::Unmet
            };
            result.threshold = Some(verdict.threshold);
            result.gap = Some(verdict.gap);
        }
        Err(why) => {
            let base_year = plan
                .baseline_period
                .map_or("baseline".to_string(), |y| y.to_string());
            result.note = Some(match why {
                Unjudged::NoBaseline => format!(
                    "no {base_year} figure to compare with; add a {base_year} row or a `baseline` in the plan"
                ),
                Unjudged::BaselineNotPositive => {
                    "baseline is zero or negative; growth is undefined".to_string()
                }
                Unjudged::Overflow => "figures too large to compare exactly".to_string(),
                Unjudged::NotNumeric => "a number given for a milestone".to_string(),
            });
        }
    }
    if result.note.is_none() && target.rule.is_qualitative() {
        let said = target
            .wording
            .as_deref()
            .map_or(String::new(), |w| format!(": {w}"));
        let direction = if target.rule == Rule::Decrease {
            "; lower is better"
        } else {
            ""
        };
        result.note = Some(format!("qualitative{said}{direction}"));
    }
    result
}
