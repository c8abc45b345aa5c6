//! How one target is checked as of a period: its figure (or running total) read from its
//! series, its baseline found, its rule applied, and the pace of a figure that is not final
//! yet judged against the part of the year elapsed.

use crate::warning::{Against, Warning};
use num_rational::BigRational;
use rust_decimal::Decimal;

use super::{
    closing_level, exact, first_gap, growth_percent, higher_is_better, judge, judge_growth_rate,
    latest_level, level, round, to_date, to_decimal, Actual, BaselineFrom, BaselineUsed, Basis,
    Note, Reading, Series, Status, TargetResult, Unjudged, Verdict,
};
use crate::figure::Progress;
use crate::period::Period;
use crate::plan::{Accrual, Plan, Rule, Target};

/// One target, as of the end of month `last` of `year`.
pub(super) struct TargetCheck<'p, 's> {
    pub plan: &'p Plan,
    pub target: &'p Target,
    pub series: &'s Series,
    /// The years judged: the plan's, or one year of them for a target met every year.
    pub horizon: crate::plan::Horizon,
    /// The year checked: the plan's target year, or a year before it in a plan over years.
    pub year: i32,
    /// The last month of the period checked.
    pub last: u8,
    /// Warnings about this target's figures.
    pub warnings: Vec<Warning>,
}

/// A milestone's deadline, seen from the end of the period checked.
enum Due {
    /// Its month has ended.
    Passed(Period),
    /// It falls in the three months after the period checked (临近时限).
    Soon(Period),
    /// It is further off.
    Later,
}

/// A baseline figure and where it came from.
type Base = (Decimal, Option<Period>, BaselineFrom);

impl<'p> TargetCheck<'p, '_> {
    /// Statuses are final (met or unmet) at the end of the target year.
    pub(super) fn is_final(&self) -> bool {
        self.year == self.horizon.target && self.last == 12
    }

    fn cumulative(&self) -> bool {
        self.target.accrual == Accrual::Cumulative
    }

    pub(super) fn empty(&self) -> TargetResult<'p> {
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
            progress: None,
            counted_from: None,
            notes: Vec::new(),
        }
    }

    pub(super) fn evaluate(&mut self) -> TargetResult<'p> {
        let mut result = match self.target.every_year && self.horizon.is_multi_year() {
            true => self.each_year(),
            false => self.single(),
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

    /// The target judged by the figures of the year checked (or, for a flow summed since a
    /// year, of the years since).
    pub(super) fn single(&mut self) -> TargetResult<'p> {
        if let Some(at) = self.unsaved() {
            let mut result = self.empty();
            result.notes.push(Note::UnsavedFormula { at });
            return result;
        }
        if let Some(since) = self.target.since {
            return self.since_number(since);
        }
        if self.target.rule == Rule::Done {
            self.milestone()
        } else if self.is_interim() {
            self.interim_number()
        } else {
            self.number()
        }
    }

    /// The first cell holding a formula without a saved value among the figures the check
    /// could use: the plan year's up to the period checked, and the baseline year's for a
    /// relative rule. Any one of them makes the reading unknown, so the target is not judged.
    fn unsaved(&self) -> Option<crate::error::Location> {
        self.series
            .iter()
            .filter(|(p, _)| {
                (p.year == self.year && p.last <= self.last)
                    || self
                        .target
                        .since
                        .is_some_and(|y| y <= p.year && p.year < self.year)
                    || (self.target.rule.is_relative()
                        && Some(p.year) == self.target.base_year(self.horizon))
            })
            .find_map(|(_, f)| f.unsaved.clone())
    }

    fn milestone(&self) -> TargetResult<'p> {
        let mut result = self.empty();
        let Some((progress, period)) =
            super::accrual::latest_progress(self.series, self.year, self.last)
        else {
            result.notes.push(Note::NoFigure { year: self.year });
            return result;
        };
        let note;
        (result.status, note) = match (progress, self.is_final(), self.due_state()) {
            (Progress::Done, ..) => (Status::Met, None),
            (_, _, Some(Due::Passed(due))) => (Status::Overdue, Some(Note::Overdue { due })),
            (_, _, Some(Due::Soon(due))) => (Status::OnTrack, Some(Note::DueSoon { due })),
            (_, _, Some(Due::Later)) => (Status::OnTrack, None),
            (Progress::InProgress, true, None) => (Status::Unmet, Some(Note::InProgress)),
            (Progress::InProgress, false, None) => (Status::OnTrack, Some(Note::InProgress)),
            (Progress::NotDone, true, None) => (Status::Unmet, Some(Note::NotDone)),
            (Progress::NotDone, false, None) => (Status::Behind, Some(Note::NotDone)),
        };
        if self.target.due.is_some() && progress == Progress::InProgress {
            result.notes.push(Note::InProgress);
        }
        result.notes.extend(note);
        result.actual = Some(Actual::Progress(progress));
        result.period = Some(period);
        result
    }

    /// Where the period checked stands against a milestone's deadline, if it has one.
    fn due_state(&self) -> Option<Due> {
        let due = self.target.due?;
        let checked = (self.year, self.last);
        let months = |(y, m): (i32, u8)| i64::from(y) * 12 + i64::from(m);
        let ahead = months((due.year, due.last)) - months(checked);
        Some(match ahead {
            ..=0 => Due::Passed(due),
            1..=3 => Due::Soon(due),
            _ => Due::Later,
        })
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
    pub(super) fn annual_base(&self) -> Option<Base> {
        let from_data =
            self.target
                .base_year(self.horizon)
                .and_then(|y| match self.target.accrual {
                    Accrual::Cumulative => to_date(self.series, y, 12),
                    Accrual::Level => closing_level(self.series, y),
                });
        // The plan's baseline is for its own year (the plan's base year unless it names one):
        // a check comparing with another year cannot use it.
        let in_use = self
            .target
            .base_year(self.horizon)
            .unwrap_or(self.horizon.base);
        let given = self
            .target
            .baseline
            .as_ref()
            .filter(|b| b.year.unwrap_or(self.plan.horizon.base) == in_use);
        match (from_data, given) {
            (Some(r), _) => Some((r.value, Some(r.period), BaselineFrom::Data(r.at))),
            (None, Some(given)) => {
                Some((given.value, None, BaselineFrom::Plan(given.source.clone())))
            }
            (None, None) => None,
        }
    }

    fn number(&mut self) -> TargetResult<'p> {
        let rule = self.target.rule.clone();
        let mut result = self.empty();
        let Some(reading) = self.reading(self.horizon.target, self.last) else {
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
        let same_months = match (as_is, self.target.base_year(self.horizon)) {
            (false, Some(y)) => to_date(self.series, y, self.last),
            _ => None,
        };
        // A reported growth rate is over the year before: it stands in for a baseline only when
        // the rule compares with the year before.
        let change = reading.change.filter(|_| self.growth_comparable());
        let base = match (as_is, same_months, change) {
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
            match change {
                Some(change) => {
                    self.by_reported_growth(&mut result, change, annual.as_ref(), reading.value)
                }
                None => result.notes.push(Note::NoBaseline {
                    year: self.target.base_year(self.horizon),
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
            self.warnings.push(Warning::LooksLikeFraction {
                at: reading.at.clone(),
                target: self.target.name.clone(),
                value: reading.value,
                against: Against::Baseline(base_value),
            });
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
        let wanted = Period::to_date(self.horizon.target, self.last)
            .unwrap_or(Period::year(self.horizon.target));
        let this_year: Vec<(&Period, &crate::figure::Figure)> = self
            .series
            .iter()
            .filter(|(p, _)| p.year == self.horizon.target)
            .collect();
        let growth_only = this_year.iter().any(|(_, f)| f.value.is_none());
        if growth_only
            && self.target.rule.is_relative()
            && self.growth_comparable()
            && self.growth_only(result)
        {
            return;
        }
        if self.cumulative() && higher_is_better(&self.target.rule) == Some(true) {
            // A flow only grows: a level reached by an earlier month is reached for good.
            let annual = level(&self.target.rule, self.annual_base().map(|(b, ..)| b));
            let earlier = (1..self.last)
                .rev()
                .find_map(|m| to_date(self.series, self.horizon.target, m));
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
                Note::NoFigure {
                    year: self.horizon.target,
                }
            } else {
                let gap = match self.target.accrual {
                    Accrual::Cumulative => first_gap(self.series, self.horizon.target, self.last)
                        .filter(|g| *g != wanted),
                    Accrual::Level => None,
                };
                Note::NotCovered { wanted, gap }
            });
    }

    /// True when `value` satisfies the rule against the annual level (strictly for 超过 and 提升).
    pub(super) fn reaches(&self, value: Decimal, annual: &BigRational) -> bool {
        super::rules::reaches(&self.target.rule, &exact(value), annual) == Some(true)
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

    /// Whether a reported growth rate (over the year before) says what the rule asks: the rule
    /// compares with the year before the year checked.
    fn growth_comparable(&self) -> bool {
        self.target
            .base_year(self.horizon)
            .is_none_or(|year| year == self.year - 1)
    }

    /// A relative target with only a reported growth rate (no level at all) for the period.
    fn growth_only(&self, result: &mut TargetResult<'p>) -> bool {
        let Some(want) = Period::to_date(self.horizon.target, self.last) else {
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
    pub(super) fn settle(
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
        let share = self.due_share();
        if let Some((min, max)) = super::rules::range(rule) {
            let (lo, hi) = (&min * &share, &max * &share);
            result.expected = round(&lo, places);
            result.gap = if v < lo {
                round(&(&v - &lo), places)
            } else if v > hi {
                round(&(&v - &hi), places)
            } else {
                Some(Decimal::ZERO)
            };
            // A flow already past the year's maximum can no longer end in range.
            result.status = if v > max {
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
) -> Option<Warning> {
    let number = reading.value;
    let exact_growth = number
        .checked_sub(base)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(base)?;
    let computed = growth_percent(number, base)?;
    let mut rounded = exact_growth.round_dp(reported.scale());
    rounded.rescale(reported.scale());
    (rounded != reported).then(|| Warning::GrowthDisagrees {
        at: reading.at.clone(),
        target: target.name.clone(),
        reported,
        base,
        value: number,
        computed,
    })
}
