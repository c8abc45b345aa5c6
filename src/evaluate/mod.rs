//! Evaluation: figures and rules in, statuses out, as of a period. Pure: it knows nothing of
//! files or formats.
//!
//! At year end a target is `met` or `unmet`. Before it, a target is `on_track` or `behind`:
//! a cumulative figure against its annual value prorated by the months elapsed (or by the
//! target's seasonal profile), a level figure against its annual value directly. A cumulative
//! figure that has already reached its annual value is `met` early; a milestone done is `met`.

mod accrual;
#[cfg(test)]
mod consistency;
mod interim;
mod over_years;
pub mod progress;
mod rules;
mod target;
#[cfg(test)]
mod tests;

pub use accrual::{
    check_consistency, closing_level, elapsed_share, first_gap, latest_level, to_date, Reading,
    Series,
};
pub use rules::{
    exact, growth_percent, higher_is_better, judge, judge_growth_rate, level, round, to_decimal,
    Unjudged, Verdict,
};

use crate::warning::Warning;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::exit::ExitStatus;
use crate::figure::{Figures, Progress, SeriesKey};
use crate::period::Period;
use crate::plan::{Plan, Target};

/// A target's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The figure satisfies the rule (at year end, or already for good).
    Met,
    /// The figure does not satisfy the rule at year end (or can no longer).
    Unmet,
    /// Before year end: on pace for the annual target.
    OnTrack,
    /// Before year end: behind the pace for the annual target.
    Behind,
    /// No figure (or no baseline) to judge by.
    Missing,
    /// A milestone not done by the end of the month it was due.
    Overdue,
}

impl Status {
    /// The status as written in JSON and tables: `met`, `unmet`, `on_track`, `behind`, `missing`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Unmet => "unmet",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::Missing => "missing",
            Status::Overdue => "overdue",
        }
    }

    /// True for statuses that fail a run: unmet, behind and overdue.
    pub fn fails(self) -> bool {
        matches!(self, Status::Unmet | Status::Behind | Status::Overdue)
    }
}

/// Where a baseline figure came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaselineFrom {
    /// The actuals' figure for the baseline period, at this place.
    Data(Location),
    /// The plan, with the source it cites.
    Plan(String),
}

/// The baseline a relative rule used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineUsed {
    /// The figure.
    pub value: Decimal,
    /// The period it is for.
    pub period: Option<Period>,
    /// Where it came from.
    pub from: BaselineFrom,
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

/// What was found for a target: a number or a milestone's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actual {
    /// A figure in the target's unit.
    Number(Decimal),
    /// A milestone's state.
    Progress(Progress),
}

/// One target's result.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetResult<'p> {
    /// The target.
    pub target: &'p Target,
    /// The figure judged, if any.
    pub actual: Option<Actual>,
    /// The period the figure is for.
    pub period: Option<Period>,
    /// A reported growth rate, if the figure had one.
    pub reported_growth: Option<Decimal>,
    /// The baseline, for relative rules that had one.
    pub baseline: Option<BaselineUsed>,
    /// The status.
    pub status: Status,
    /// The level compared with for the year (the annual target).
    pub threshold: Option<Decimal>,
    /// Before year end, the value expected by then (the annual level prorated, for cumulative
    /// figures); at year end, the annual level.
    pub expected: Option<Decimal>,
    /// Actual minus expected.
    pub gap: Option<Decimal>,
    /// The actual as a share of the annual level, in percent (higher-is-better rules).
    pub share: Option<Decimal>,
    /// Growth over the baseline in percent (rounded to 2 places), for growth rules; or the
    /// reported growth rate when the check used one.
    pub growth: Option<Decimal>,
    /// What a relative rule was judged by.
    pub basis: Option<Basis>,
    /// In a year before the target year of a plan over years, where the figure stands on the
    /// path to the target (not set once the target is reached).
    pub progress: Option<progress::Standing>,
    /// For a flow summed across years (`since`), the year from whose January it is summed to
    /// the end of `period`.
    pub counted_from: Option<i32>,
    /// Why a target is missing, or what else a reader should know.
    pub notes: Vec<Note>,
}

/// A remark on a result, worded by the renderer in the output's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// No figure at all for the plan year.
    NoFigure {
        /// The plan year.
        year: i32,
    },
    /// Figures exist, but none covers the months checked.
    NotCovered {
        /// The months that needed covering.
        wanted: Period,
        /// The first run of months with no figure, when known.
        gap: Option<Period>,
    },
    /// Only a growth rate, for a target that needs the figure itself.
    OnlyGrowthRate,
    /// A relative rule with no baseline figure.
    NoBaseline {
        /// The baseline year, if the plan has one.
        year: Option<i32>,
    },
    /// Growth from a zero or negative baseline.
    BaselineNotPositive,
    /// A point-in-time figure older than the period checked: the latest there is.
    Stale {
        /// The period the figure is for.
        period: Period,
    },
    /// A cumulative figure that reached the annual level by this period (later figures are
    /// missing, but a flow only grows).
    ReachedBy {
        /// The period by which it was reached.
        period: Period,
    },
    /// A target to meet each year, not met in this year.
    FailedYear {
        /// The year.
        year: i32,
    },
    /// A target to meet each year, met in each whole year of this span.
    EachYear {
        /// The first year.
        from: i32,
        /// The last.
        to: i32,
    },
    /// A flow summed from this year on, checked before it begins: nothing counts yet.
    CountsFrom {
        /// The first year summed.
        year: i32,
    },
    /// A milestone not done by the end of the month it was due.
    Overdue {
        /// The month.
        due: Period,
    },
    /// A milestone not done, due in the three months after the period checked (临近时限).
    DueSoon {
        /// The month.
        due: Period,
    },
    /// A milestone in progress.
    InProgress,
    /// A milestone not done.
    NotDone,
    /// Judged by a reported growth rate, in percent.
    ReportedGrowth(Decimal),
    /// The figure was converted from this unit.
    ConvertedFrom(String),
    /// A figure the check needs is a formula with no value saved in the file (written by a
    /// program that does not calculate): the target cannot be judged until the file is
    /// opened and saved in a spreadsheet program.
    UnsavedFormula {
        /// The first such cell.
        at: Location,
    },
    /// Progress towards the target cannot be measured (growth from a baseline or figure that
    /// is not above zero).
    Unmeasured(progress::Unmeasured),
    /// The plan gives no number: any change in the right direction meets it.
    Qualitative {
        /// The plan's words (明显提升).
        wording: Option<String>,
        /// A rank or other figure where lower is better.
        lower_is_better: bool,
    },
}

impl Summary {
    /// The counts a summary line shows, in order: met, unmet, then before year end on track
    /// and behind, overdue when any is, and missing.
    pub fn shown(&self, is_final: bool) -> Vec<(Status, usize)> {
        let mut parts = vec![(Status::Met, self.met), (Status::Unmet, self.unmet)];
        if !is_final {
            parts.extend([
                (Status::OnTrack, self.on_track),
                (Status::Behind, self.behind),
            ]);
        }
        if self.overdue > 0 {
            parts.push((Status::Overdue, self.overdue));
        }
        parts.push((Status::Missing, self.missing));
        parts
    }
}

/// Counts per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Targets met.
    pub met: usize,
    /// Targets unmet.
    pub unmet: usize,
    /// Targets on track (before year end).
    pub on_track: usize,
    /// Targets behind (before year end).
    pub behind: usize,
    /// Targets without a figure to judge.
    pub missing: usize,
    /// Milestones past their deadline.
    pub overdue: usize,
    /// All targets.
    pub total: usize,
}

/// The result of checking a plan's targets as of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation<'p> {
    /// The plan checked.
    pub plan: &'p Plan,
    /// The months evaluated: January to the end of the period checked.
    pub period: Period,
    /// True at year end, when statuses are final (met / unmet).
    pub is_final: bool,
    /// One result per target, in plan order.
    pub results: Vec<TargetResult<'p>>,
    /// One result per region's share of a target split among regions ([`Plan::shares`]), in
    /// the same order; each result's target has its `region`.
    pub regional: Vec<TargetResult<'p>>,
    /// Rows read but not used, or figures that look wrong, with why.
    pub warnings: Vec<crate::warning::Warning>,
}

impl Evaluation<'_> {
    /// Counts per status of the whole plan's targets.
    pub fn summary(&self) -> Summary {
        count(&self.results)
    }

    /// Counts per status of the regions' shares.
    pub fn regional_summary(&self) -> Summary {
        count(&self.regional)
    }

    /// 0 when nothing fails; 1 when anything is unmet or behind, missing unless
    /// `allow_missing`, or any warning when `strict`.
    pub fn exit_status(&self, allow_missing: bool, strict: bool) -> ExitStatus {
        // A region's share is a target too: it fails a run as the whole plan's do.
        let fails = [self.summary(), self.regional_summary()].iter().any(|s| {
            s.unmet > 0 || s.behind > 0 || s.overdue > 0 || (s.missing > 0 && !allow_missing)
        }) || (strict && !self.warnings.is_empty());
        if fails {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}

/// Counts per status of `results`.
fn count(results: &[TargetResult]) -> Summary {
    let mut summary = Summary {
        total: results.len(),
        ..Summary::default()
    };
    for result in results {
        match result.status {
            Status::Met => summary.met += 1,
            Status::Unmet => summary.unmet += 1,
            Status::OnTrack => summary.on_track += 1,
            Status::Behind => summary.behind += 1,
            Status::Missing => summary.missing += 1,
            Status::Overdue => summary.overdue += 1,
        }
    }
    summary
}

/// The periods of a history, in order. An annual plan: every month end its year's figures
/// reach. A plan over years: each checked year with figures, to the last month its figures
/// reach (its end, once the year is whole).
pub fn periods_present(plan: &Plan, figures: &Figures) -> Vec<Period> {
    let horizon = plan.horizon;
    let mut ends: Vec<(i32, u8)> = figures
        .by_target
        .iter()
        .flat_map(|series| series.keys())
        .filter(|p| horizon.checks(p.year))
        .map(|p| (p.year, p.last))
        .collect();
    ends.sort_unstable();
    ends.dedup();
    if horizon.is_multi_year() {
        // The last month end of each year.
        ends.reverse();
        ends.dedup_by_key(|(year, _)| *year);
        ends.reverse();
    }
    ends.into_iter()
        .filter_map(|(year, month)| Period::to_date(year, month))
        .collect()
}

/// The latest period present in the checked years' figures: January to the last month any
/// figure of the latest year reaches (the target year when there are none).
pub fn latest_period(plan: &Plan, figures: &Figures) -> Period {
    periods_present(plan, figures)
        .pop()
        .unwrap_or(Period::year(plan.horizon.target))
}

/// Evaluates every target of `plan` as of the end of month `as_of.last` of the plan year.
/// Figures for later periods are not used, and each draws a warning.
pub fn evaluate<'p>(plan: &'p Plan, figures: &Figures, as_of: Period) -> Evaluation<'p> {
    let mut warnings = figures.warnings.clone();
    let empty = Series::new();
    // Figures later than the period checked: the first, and how many more (a check of an
    // earlier year of a whole file would otherwise warn once per later row).
    let mut later: Option<Warning> = None;
    let results = plan
        .targets
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let series = figures.by_target.get(i).unwrap_or(&empty);
            for (period, figure) in series {
                let after = (period.year, period.last) > (as_of.year, as_of.last);
                if !(plan.horizon.checks(period.year) && after) {
                    continue;
                }
                match &mut later {
                    Some(Warning::LaterThanChecked { more, .. }) => *more += 1,
                    _ => {
                        later = Some(Warning::LaterThanChecked {
                            at: figure.at.clone(),
                            target: target.name.clone(),
                            period: *period,
                            as_of,
                            more: 0,
                        })
                    }
                }
            }
            check_one(plan, target, series, as_of, &mut warnings)
        })
        .collect();
    warnings.extend(later);
    let regional = plan
        .shares
        .iter()
        .map(|share| {
            // A share is its target's copy (Plan::split), so its target is always found.
            let series = plan
                .targets
                .iter()
                .position(|t| t.id == share.id)
                .and_then(|target| {
                    figures.series(SeriesKey {
                        target,
                        region: share.region.as_ref().map(|(r, _)| *r),
                    })
                })
                .unwrap_or(&empty);
            check_one(plan, share, series, as_of, &mut warnings)
        })
        .collect();
    Evaluation {
        plan,
        period: as_of,
        regional,
        is_final: as_of.year == plan.horizon.target && as_of.last == 12,
        results,
        warnings,
    }
}

/// One target (or region's share) checked as of `as_of`, its warnings added to `warnings`.
fn check_one<'p>(
    plan: &'p Plan,
    target: &'p Target,
    series: &Series,
    as_of: Period,
    warnings: &mut Vec<Warning>,
) -> TargetResult<'p> {
    let mut checker = target::TargetCheck {
        plan,
        target,
        series,
        horizon: plan.horizon,
        year: as_of.year,
        last: as_of.last,
        warnings: Vec::new(),
    };
    let result = checker.evaluate();
    warnings.append(&mut checker.warnings);
    result
}
