//! Evaluation: figures and rules in, statuses out, as of a period. Pure: it knows nothing of
//! files or formats.
//!
//! At year end a target is `met` or `unmet`. Before it, a target is `on_track` or `behind`:
//! a cumulative figure against its annual value prorated by the months elapsed (or by the
//! target's seasonal profile), a level figure against its annual value directly. A cumulative
//! figure that has already reached its annual value is `met` early; a milestone done is `met`.

mod accrual;
mod rules;

pub use accrual::{
    check_consistency, closing_level, elapsed_share, first_gap, latest_level, to_date, Reading,
    Series,
};
pub use rules::{
    exact, growth_percent, higher_is_better, judge, judge_growth_rate, level, round, to_decimal,
    Unjudged, Verdict,
};

use num_rational::BigRational;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::exit::ExitStatus;
use crate::figure::{Figures, Progress};
use crate::period::Period;
use crate::plan::{Accrual, Plan, Rule, Target};

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
        }
    }

    /// True for statuses that fail a run: unmet and behind.
    pub fn fails(self) -> bool {
        matches!(self, Status::Unmet | Status::Behind)
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
    /// A milestone in progress.
    InProgress,
    /// A milestone not done.
    NotDone,
    /// Judged by a reported growth rate, in percent.
    ReportedGrowth(Decimal),
    /// The figure was converted from this unit.
    ConvertedFrom(String),
    /// The plan gives no number: any change in the right direction meets it.
    Qualitative {
        /// The plan's words (明显提升).
        wording: Option<String>,
        /// A rank or other figure where lower is better.
        lower_is_better: bool,
    },
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
    /// Rows read but not used, or figures that look wrong, with why.
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
                Status::OnTrack => summary.on_track += 1,
                Status::Behind => summary.behind += 1,
                Status::Missing => summary.missing += 1,
            }
        }
        summary
    }

    /// 0 when nothing fails; 1 when anything is unmet or behind, missing unless
    /// `allow_missing`, or any warning when `strict`.
    pub fn exit_status(&self, allow_missing: bool, strict: bool) -> ExitStatus {
        let summary = self.summary();
        let fails = summary.unmet > 0
            || summary.behind > 0
            || (summary.missing > 0 && !allow_missing)
            || (strict && !self.warnings.is_empty());
        if fails {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}

/// Every month end the plan year's figures reach, in order: the periods of a history.
pub fn periods_present(plan: &Plan, figures: &Figures) -> Vec<Period> {
    let mut ends: Vec<u8> = figures
        .by_target
        .iter()
        .flat_map(|series| series.keys())
        .filter(|p| p.year == plan.year)
        .map(|p| p.last)
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends.into_iter()
        .filter_map(|m| Period::to_date(plan.year, m))
        .collect()
}

/// The latest period present in the plan year's figures: January to the last month any
/// figure reaches (the whole year when there are none).
pub fn latest_period(plan: &Plan, figures: &Figures) -> Period {
    periods_present(plan, figures)
        .pop()
        .unwrap_or(Period::year(plan.year))
}

/// Evaluates every target of `plan` as of the end of month `as_of.last` of the plan year.
/// Figures for later periods are not used, and each draws a warning.
pub fn evaluate<'p>(plan: &'p Plan, figures: &Figures, as_of: Period) -> Evaluation<'p> {
    let mut warnings = figures.warnings.clone();
    let empty = Series::new();
    let results = plan
        .targets
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let series = figures.by_target.get(i).unwrap_or(&empty);
            for (period, figure) in series {
                if period.year == plan.year && period.last > as_of.last {
                    warnings.push(format!(
                        "{}: the figure for `{}` for {period} is later than the period checked \
                         ({as_of}); not used",
                        figure.at, target.name
                    ));
                }
            }
            let mut checker = TargetCheck {
                plan,
                target,
                series,
                last: as_of.last,
                warnings: Vec::new(),
            };
            let result = checker.evaluate();
            warnings.append(&mut checker.warnings);
            result
        })
        .collect();
    Evaluation {
        plan,
        period: as_of,
        is_final: as_of.last == 12,
        results,
        warnings,
    }
}

/// One target, as of the end of month `last`.
struct TargetCheck<'p, 's> {
    plan: &'p Plan,
    target: &'p Target,
    series: &'s Series,
    last: u8,
    warnings: Vec<String>,
}

/// A baseline figure and where it came from.
type Base = (Decimal, Option<Period>, BaselineFrom);

impl<'p> TargetCheck<'p, '_> {
    fn is_final(&self) -> bool {
        self.last == 12
    }

    fn cumulative(&self) -> bool {
        self.target.accrual == Accrual::Cumulative
    }

    fn empty(&self) -> TargetResult<'p> {
        TargetResult {
            target: self.target,
            actual: None,
            period: None,
            reported_growth: None,
            baseline: None,
            status: Status::Missing,
            threshold: None,
            expected: None,
            gap: None,
            share: None,
            growth: None,
            basis: None,
            notes: Vec::new(),
        }
    }

    fn evaluate(&mut self) -> TargetResult<'p> {
        let mut result = if self.target.rule == Rule::Done {
            self.milestone()
        } else {
            self.number()
        };
        if result.basis == Some(Basis::ReportedGrowth) {
            result.notes.push(Note::ReportedGrowth(
                result.reported_growth.unwrap_or_default(),
            ));
        }
        if self.target.rule.is_qualitative() && result.actual.is_some() {
            result.notes.push(Note::Qualitative {
                wording: self.target.wording.clone(),
                lower_is_better: self.target.rule == Rule::Decrease,
            });
        }
        result
    }

    fn milestone(&self) -> TargetResult<'p> {
        let mut result = self.empty();
        let Some((progress, period)) =
            accrual::latest_progress(self.series, self.plan.year, self.last)
        else {
            result.notes.push(Note::NoFigure {
                year: self.plan.year,
            });
            return result;
        };
        let note;
        (result.status, note) = match (progress, self.is_final()) {
            (Progress::Done, _) => (Status::Met, None),
            (Progress::InProgress, true) => (Status::Unmet, Some(Note::InProgress)),
            (Progress::InProgress, false) => (Status::OnTrack, Some(Note::InProgress)),
            (Progress::NotDone, true) => (Status::Unmet, Some(Note::NotDone)),
            (Progress::NotDone, false) => (Status::Behind, Some(Note::NotDone)),
        };
        result.notes.extend(note);
        result.actual = Some(Actual::Progress(progress));
        result.period = Some(period);
        result
    }

    /// The figure judged: the year so far (cumulative) or the latest value (level).
    fn reading(&self, year: i32, last: u8) -> Option<Reading> {
        match self.target.accrual {
            Accrual::Cumulative => to_date(self.series, year, last),
            Accrual::Level => latest_level(self.series, year, last),
        }
    }

    /// The baseline year's figure for the whole year: its total (cumulative) or its closing
    /// value (level); else the plan's own baseline.
    fn annual_base(&self) -> Option<Base> {
        let from_data = self
            .plan
            .baseline_period
            .and_then(|y| match self.target.accrual {
                Accrual::Cumulative => to_date(self.series, y, 12),
                Accrual::Level => closing_level(self.series, y),
            });
        match (from_data, &self.target.baseline) {
            (Some(r), _) => Some((r.value, Some(r.period), BaselineFrom::Data(r.at))),
            (None, Some(given)) => {
                Some((given.value, None, BaselineFrom::Plan(given.source.clone())))
            }
            (None, None) => None,
        }
    }

    fn number(&mut self) -> TargetResult<'p> {
        let plan = self.plan;
        let rule = self.target.rule.clone();
        let mut result = self.empty();
        let Some(reading) = self.reading(plan.year, self.last) else {
            self.no_reading(&mut result);
            return result;
        };
        result.actual = Some(Actual::Number(reading.value));
        result.period = Some(reading.period);
        result.reported_growth = reading.change;
        if let Some(unit) = &reading.converted_from {
            result.notes.push(Note::ConvertedFrom(unit.clone()));
        }
        if !self.cumulative() && reading.period.last < self.last {
            result.notes.push(Note::Stale {
                period: reading.period,
            });
        }
        // Judged as it is: at year end, and any level figure.
        let as_is = self.is_final() || !self.cumulative();
        if !rule.is_relative() {
            let direct = if as_is {
                judge(&rule, reading.value, None).ok()
            } else {
                None
            };
            self.settle(&mut result, reading.value, level(&rule, None), direct);
            return result;
        }
        let annual_base = self.annual_base();
        let annual = annual_base
            .as_ref()
            .and_then(|(b, ..)| level(&rule, Some(*b)));
        // Before year end: the same months of the baseline year, when given, are the fairest
        // comparison; then a reported year-on-year growth rate; then the whole baseline year,
        // prorated.
        let same_months = match (as_is, plan.baseline_period) {
            (false, Some(y)) => to_date(self.series, y, self.last),
            _ => None,
        };
        let base = match (as_is, same_months, reading.change) {
            (true, ..) => annual_base.clone(),
            (false, Some(same), _) => {
                Some((same.value, Some(same.period), BaselineFrom::Data(same.at)))
            }
            (false, None, Some(_)) => None,
            (false, None, None) => annual_base.clone(),
        };
        let compared_as_is = as_is
            || base
                .as_ref()
                .is_some_and(|(_, p, _)| p.is_some_and(|p| p.last == self.last));
        let Some((base_value, base_period, from)) = base else {
            match reading.change {
                Some(change) => {
                    self.by_reported_growth(&mut result, change, annual.as_ref(), reading.value)
                }
                None => result.notes.push(Note::NoBaseline {
                    year: plan.baseline_period,
                }),
            }
            return result;
        };
        result.baseline = Some(BaselineUsed {
            value: base_value,
            period: base_period,
            from,
        });
        result.basis = Some(Basis::Baseline);
        if matches!(rule, Rule::GrowthAtLeast(_)) && compared_as_is {
            result.growth = growth_percent(reading.value, base_value);
        }
        let is_percent = crate::units::kind(self.target.unit.as_deref().unwrap_or_default())
            == crate::units::UnitKind::Percent;
        // For a percentage, a reported change is usually in percentage points, not a growth
        // rate: comparing the two would warn about nothing.
        if let (Some(reported), true, false) = (reading.change, compared_as_is, is_percent) {
            self.warnings
                .extend(disagreement(self.target, &reading, base_value, reported));
        }
        if is_percent
            && !reading.value.is_zero()
            && reading.value.abs() < Decimal::ONE
            && base_value.abs() >= Decimal::ONE
        {
            let percent = (reading.value * Decimal::ONE_HUNDRED).normalize();
            self.warnings.push(format!(
                "{}: {} for `{}` (baseline {base_value}%) looks like a fraction; if it means {percent}%, \
                 write {percent} or {percent}%",
                reading.at, reading.value, self.target.name
            ));
        }
        match judge(&rule, reading.value, Some(base_value)) {
            Err(Unjudged::BaselineNotPositive) => {
                result.status = Status::Unmet;
                result.notes.push(Note::BaselineNotPositive);
            }
            verdict if compared_as_is => {
                let verdict = verdict.ok();
                self.settle(&mut result, reading.value, annual.clone(), verdict);
                self.early_met(&mut result, reading.value, annual.as_ref());
                if let Some(v) = verdict {
                    // Against the same months: their level is what was expected by now.
                    result.expected = v.threshold;
                    result.gap = v.gap;
                }
            }
            _ => self.settle(&mut result, reading.value, annual, None),
        }
        result
    }

    /// No figure to judge: a reported growth rate may stand in; a cumulative target may have
    /// reached its level earlier; else the note says what is missing.
    fn no_reading(&mut self, result: &mut TargetResult<'p>) {
        let plan = self.plan;
        let wanted = Period::to_date(plan.year, self.last).unwrap_or(Period::year(plan.year));
        let this_year: Vec<(&Period, &crate::figure::Figure)> = self
            .series
            .iter()
            .filter(|(p, _)| p.year == plan.year)
            .collect();
        let growth_only = this_year.iter().any(|(_, f)| f.value.is_none());
        if growth_only && self.target.rule.is_relative() && self.growth_only(result) {
            return;
        }
        if self.cumulative() && higher_is_better(&self.target.rule) == Some(true) {
            // A flow only grows: a level reached by an earlier month is reached for good.
            let annual = level(&self.target.rule, self.annual_base().map(|(b, ..)| b));
            let earlier = (1..self.last)
                .rev()
                .find_map(|m| to_date(self.series, plan.year, m));
            if let (Some(reading), Some(annual)) = (earlier, annual) {
                if self.reaches(reading.value, &annual) {
                    result.actual = Some(Actual::Number(reading.value));
                    result.period = Some(reading.period);
                    result.status = Status::Met;
                    result.threshold = to_decimal(&annual);
                    result.notes.push(Note::ReachedBy {
                        period: reading.period,
                    });
                    return;
                }
            }
        }
        result
            .notes
            .push(if growth_only && !self.target.rule.is_relative() {
                Note::OnlyGrowthRate
            } else if this_year.is_empty() {
                Note::NoFigure { year: plan.year }
            } else {
                let gap = match self.target.accrual {
                    Accrual::Cumulative => {
                        first_gap(self.series, plan.year, self.last).filter(|g| *g != wanted)
                    }
                    Accrual::Level => None,
                };
                Note::NotCovered { wanted, gap }
            });
    }

    /// True when `value` satisfies the rule against the annual level (strictly for 超过 and 提升).
    fn reaches(&self, value: Decimal, annual: &BigRational) -> bool {
        let v = exact(value);
        match self.target.rule {
            Rule::MoreThan(_) | Rule::Increase => v > *annual,
            Rule::LessThan(_) | Rule::Decrease => v < *annual,
            Rule::AtMost(_) => v <= *annual,
            _ => v >= *annual,
        }
    }

    /// Before year end, a cumulative higher-is-better figure that already reaches the annual
    /// level is met for good.
    fn early_met(
        &self,
        result: &mut TargetResult<'p>,
        value: Decimal,
        annual: Option<&BigRational>,
    ) {
        let early = !self.is_final()
            && self.cumulative()
            && higher_is_better(&self.target.rule) == Some(true);
        if let (true, Some(annual)) = (early, annual) {
            if self.reaches(value, annual) {
                result.status = Status::Met;
            }
        }
    }

    /// A relative target with only a reported growth rate (no level at all) for the period.
    fn growth_only(&self, result: &mut TargetResult<'p>) -> bool {
        let Some(want) = Period::to_date(self.plan.year, self.last) else {
            return false;
        };
        let found = self
            .series
            .iter()
            .filter(|(p, f)| {
                f.value.is_none()
                    && f.change.is_some()
                    && (**p == want || (p.last == self.last && !self.cumulative()))
            })
            .max_by_key(|(p, _)| p.month_count());
        let Some((period, figure)) = found else {
            return false;
        };
        let Some(change) = figure.change else {
            return false;
        };
        result.period = Some(*period);
        // No level at all: no share of an annual level, no early `met`.
        self.by_reported_growth(result, change, None, Decimal::ZERO);
        true
    }

    /// Judged by a reported growth rate (same months of the year before); the annual level, if
    /// known, still gives the share reached and an early `met`.
    fn by_reported_growth(
        &self,
        result: &mut TargetResult<'p>,
        change: Decimal,
        annual: Option<&BigRational>,
        value: Decimal,
    ) {
        result.basis = Some(Basis::ReportedGrowth);
        result.growth = Some(change);
        result.reported_growth = Some(change);
        if let Ok(verdict) = judge_growth_rate(&self.target.rule, change) {
            result.status = self.status(verdict.met);
            result.expected = verdict.threshold;
            result.threshold = verdict.threshold;
            result.gap = verdict.gap;
        }
        if let Some(annual) = annual {
            if higher_is_better(&self.target.rule) == Some(true)
                && *annual > BigRational::from_integer(0.into())
            {
                result.share = round(
                    &(exact(value) * BigRational::from_integer(100.into()) / annual),
                    1,
                );
            }
        }
        self.early_met(result, value, annual);
    }

    /// Met or unmet at year end; on track or behind before it.
    fn status(&self, met: bool) -> Status {
        match (met, self.is_final()) {
            (true, true) => Status::Met,
            (false, true) => Status::Unmet,
            (true, false) => Status::OnTrack,
            (false, false) => Status::Behind,
        }
    }

    /// Sets status, expected, gap and share. `direct` is the rule's verdict on the figure as it
    /// is (at year end, or for a level figure); without it, a cumulative figure before year end
    /// is held against the annual level prorated by the share of the year elapsed.
    fn settle(
        &self,
        result: &mut TargetResult<'p>,
        value: Decimal,
        annual: Option<BigRational>,
        direct: Option<Verdict>,
    ) {
        let rule = &self.target.rule;
        let places = value.scale().clamp(2, 28);
        let v = exact(value);
        // A value written in the plan keeps its digits (2.20, not 2.2).
        result.threshold = rule.value().filter(|_| !rule.is_relative()).or_else(|| {
            annual
                .as_ref()
                .and_then(|a| to_decimal(a).or_else(|| round(a, places)))
        });
        if let (Some(annual), Some(true)) = (&annual, higher_is_better(rule)) {
            if *annual > BigRational::from_integer(0.into()) {
                result.share = round(&(&v * BigRational::from_integer(100.into()) / annual), 1);
            }
        }
        if let Some(verdict) = direct {
            result.status = self.status(verdict.met);
            result.expected = verdict.threshold;
            result.gap = verdict.gap;
            return;
        }
        let share = elapsed_share(self.target, self.last);
        if let Rule::Between { min, max } = rule {
            let (lo, hi) = (exact(*min) * &share, exact(*max) * &share);
            result.expected = round(&lo, places);
            result.gap = if v < lo {
                round(&(&v - &lo), places)
            } else if v > hi {
                round(&(&v - &hi), places)
            } else {
                Some(Decimal::ZERO)
            };
            // A flow already past the year's maximum can no longer end in range.
            result.status = if v > exact(*max) {
                Status::Unmet
            } else {
                self.status(v >= lo && v <= hi)
            };
            return;
        }
        let Some(annual) = annual else { return };
        let reached = self.reaches(value, &annual);
        let expected = &annual * &share;
        result.expected = round(&expected, places);
        result.gap = round(&(&v - &expected), places);
        // On pace means at or beyond the prorated level. A flow only grows: reaching the year's
        // level early is meeting it; passing a cap early is failing it for good.
        result.status = match higher_is_better(rule) {
            Some(true) if reached => Status::Met,
            Some(true) => self.status(v >= expected),
            Some(false) if !reached => Status::Unmet,
            Some(false) => self.status(v <= expected),
            None => Status::Missing,
        };
    }
}

/// A warning when a reported growth rate and the figures disagree, at the reported rate's
/// precision: 40% reported, 4368 -> 6198 computes 41.90%.
fn disagreement(
    target: &Target,
    reading: &Reading,
    base: Decimal,
    reported: Decimal,
) -> Option<String> {
    let number = reading.value;
    let exact_growth = number
        .checked_sub(base)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(base)?;
    let computed = growth_percent(number, base)?;
    let mut rounded = exact_growth.round_dp(reported.scale());
    rounded.rescale(reported.scale());
    (rounded != reported).then(|| {
        format!(
            "{}: reported growth {reported}% for `{}` disagrees with {base} -> {number} ({computed}%); \
             the check used the figures",
            reading.at, target.name
        )
    })
}
