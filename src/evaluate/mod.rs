//! Evaluation: figures and rules in, statuses out. Pure: it knows nothing of files or formats.

mod rules;

pub use rules::{exact, growth_percent, judge, judge_growth_rate, to_decimal, Unjudged, Verdict};

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
    /// Growth over the baseline in percent (rounded to 2 places), for growth rules; or the
    /// reported growth rate when the check used one.
    pub growth: Option<Decimal>,
    /// What a relative rule was judged by.
    pub basis: Option<Basis>,
    /// Why a target is missing, or what else a reader should know.
    pub note: Option<String>,
}

/// What a relative rule was judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The actual figure against the baseline figure.
    Baseline,
    /// A reported growth rate (同比增长); threshold and gap are then in percent.
    ReportedGrowth,
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
    let mut warnings = figures.warnings.clone();
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
            let (result, warning) = evaluate_target(plan, target, actual, base_row);
            warnings.extend(warning);
            result
        })
        .collect();
    Evaluation {
        plan,
        period: plan.year,
        results,
        warnings,
    }
}

/// One target's result, and a warning when a reported growth rate disagrees with the figures.
fn evaluate_target<'p>(
    plan: &Plan,
    target: &'p Target,
    actual: Option<Figure>,
    base_row: Option<&Figure>,
) -> (TargetResult<'p>, Option<String>) {
    let mut result = TargetResult {
        target,
        actual: actual.clone(),
        baseline: None,
        status: Status::Missing,
        threshold: None,
        gap: None,
        growth: None,
        basis: None,
        note: None,
    };
    let Some(actual) = actual else {
        result.note = Some(format!("no figure for {}", plan.year));
        return (result, None);
    };
    let number = match actual.value {
        Some(FigureValue::Progress(progress)) => {
            (result.status, result.note) = match progress {
                Progress::Done => (Status::Met, None),
                Progress::InProgress => (Status::Unmet, Some("in progress".to_string())),
                Progress::NotDone => (Status::Unmet, Some("not done".to_string())),
            };
            return (result, None);
        }
        Some(FigureValue::Number(number)) => Some(number),
        None => None,
    };
    let mut warning = None;
    if target.rule.is_relative() {
        result.baseline = match (base_row, &target.baseline) {
            (
                Some(Figure {
                    value: Some(FigureValue::Number(value)),
                    at,
                    ..
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
    let verdict = match (number, base, actual.change) {
        (Some(number), Some(base), change) if target.rule.is_relative() => {
            result.basis = Some(Basis::Baseline);
            let computed = growth_percent(number, base);
            if matches!(target.rule, Rule::GrowthAtLeast(_)) {
                result.growth = computed;
            }
            warning =
                change.and_then(|reported| disagreement(target, &actual, number, base, reported));
            judge(&target.rule, number, Some(base))
        }
        (_, _, Some(change)) if target.rule.is_relative() => {
            result.basis = Some(Basis::ReportedGrowth);
            result.growth = Some(change);
            judge_growth_rate(&target.rule, change)
        }
        (Some(number), _, _) => judge(&target.rule, number, base),
        (None, ..) => {
            result.note =
                Some("only a growth rate was reported; this target needs the figure itself".into());
            return (result, None);
        }
    };
    let base_year = plan
        .baseline_period
        .map_or("baseline".to_string(), |y| y.to_string());
    (result.status, result.note) = match verdict {
        Ok(verdict) => {
            result.threshold = verdict.threshold;
            result.gap = verdict.gap;
            (
                if verdict.met {
                    Status::Met
                } else {
                    Status::Unmet
                },
                None,
            )
        }
        Err(Unjudged::NoBaseline) => (
            Status::Missing,
            Some(format!(
                "no {base_year} figure to compare with; add a {base_year} row, a growth rate, or \
                 a `baseline` in the plan"
            )),
        ),
        // Growth from zero (or less) is undefined: not met, rather than merely missing.
        Err(Unjudged::BaselineNotPositive) => (
            Status::Unmet,
            Some("baseline is zero or negative; growth is undefined".to_string()),
        ),
        Err(Unjudged::NotNumeric) => (
            Status::Missing,
            Some("a number given for a milestone".to_string()),
        ),
    };
    let mut notes = Vec::new();
    if result.basis == Some(Basis::ReportedGrowth) {
        notes.push(format!(
            "checked by the reported growth rate {}%",
            actual.change.unwrap_or_default()
        ));
    }
    if let Some(unit) = &actual.converted_from {
        notes.push(format!("converted from {unit}"));
    }
    if target.rule.is_qualitative() {
        let said = target
            .wording
            .as_deref()
            .map_or(String::new(), |w| format!(": {w}"));
        let direction = if target.rule == Rule::Decrease {
            "; lower is better"
        } else {
            ""
        };
        notes.push(format!("qualitative{said}{direction}"));
    }
    if let Some(note) = result.note.take() {
        notes.insert(0, note);
    }
    result.note = (!notes.is_empty()).then(|| notes.join("; "));
    (result, warning)
}

/// A warning when a reported growth rate and the figures disagree, at the reported rate's
/// precision: 41.8% reported, 4368 -> 6198 computes 41.90%.
fn disagreement(
    target: &Target,
    actual: &Figure,
    number: Decimal,
    base: Decimal,
    reported: Decimal,
) -> Option<String> {
    let exact = number
        .checked_sub(base)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(base)?;
    let computed = growth_percent(number, base)?;
    let mut rounded = exact.round_dp(reported.scale());
    rounded.rescale(reported.scale());
    (rounded != reported).then(|| {
        format!(
            "{}: reported growth {reported}% for `{}` disagrees with {base} -> {number} ({computed}%); the check used the figures",
            actual.at, target.name
        )
    })
}
