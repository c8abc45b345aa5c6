//! A plan over years, checked as of a year before its target year: a figure is held against
//! the path from its baseline to its target ([`super::progress`]), reached is `met`, and a
//! milestone not yet done is on its way.

use num_bigint::BigInt;
use num_rational::BigRational;

use super::progress::Journey;
use super::target::TargetCheck;
use super::{
    exact, higher_is_better, latest_level, level, round, to_date, to_decimal, Actual, BaselineUsed,
    Basis, Note, Reading, Status, TargetResult,
};
use crate::plan::{Accrual, Rule};

impl<'p> TargetCheck<'p, '_> {
    /// The year checked is before the target year of a plan over years.
    pub(super) fn is_interim(&self) -> bool {
        let horizon = self.horizon;
        horizon.is_multi_year() && self.year < horizon.target
    }

    /// A figure of an interim year, against the path to the target.
    pub(super) fn interim_number(&mut self) -> TargetResult<'p> {
        let mut result = self.empty();
        let Some((reading, elapsed)) = self.interim_reading() else {
            result.notes.push(Note::NoFigure { year: self.year });
            return result;
        };
        let value = reading.value;
        result.actual = Some(Actual::Number(value));
        result.period = Some(reading.period);
        if let Some(unit) = &reading.converted_from {
            result.notes.push(Note::ConvertedFrom(unit.clone()));
        }
        if reading.period.year < self.year
            || (reading.period.year == self.year && reading.period.last < self.last)
        {
            result.notes.push(Note::Stale {
                period: reading.period,
            });
        }
        let Some((base, base_period, from)) = self.annual_base() else {
            // Reached is met, whatever the path was; the path needs the baseline.
            if self.reached_as_is(value) {
                result.status = Status::Met;
                return result;
            }
            result.notes.push(Note::NoBaseline {
                year: self.target.base_year(self.horizon),
            });
            return result;
        };
        result.baseline = Some(BaselineUsed {
            value: base,
            period: base_period,
            from,
        });
        result.basis = Some(Basis::Baseline);
        let rule = self.target.rule.clone();
        let (target, higher) = match (&rule, higher_is_better(&rule)) {
            // No number: any move the right way since the baseline is on track.
            (Rule::Increase | Rule::Decrease, _) => {
                let better = self.reaches(value, &exact(base));
                result.status = if better {
                    Status::OnTrack
                } else {
                    Status::Behind
                };
                return result;
            }
            (Rule::Between { .. } | Rule::About { .. }, _) => {
                let Some((min, max)) = super::rules::range(&rule) else {
                    return result;
                };
                let v = exact(value);
                if min <= v && v <= max {
                    result.status = Status::Met;
                    return result;
                }
                match v < min {
                    true => (min, true),
                    false => (max, false),
                }
            }
            (_, Some(higher)) => match level(&rule, Some(base)) {
                Some(target) => (target, higher),
                None => {
                    result.notes.push(Note::BaselineNotPositive);
                    return result;
                }
            },
            (_, None) => return result,
        };
        result.threshold = to_decimal(&target).or_else(|| round(&target, 2));
        if higher && target > BigRational::from_integer(0.into()) {
            result.share = round(
                &(exact(value) * BigRational::from_integer(100.into()) / &target),
                1,
            );
        }
        if self.reaches(value, &target) {
            result.status = Status::Met;
            return result;
        }
        let journey = Journey {
            base,
            value,
            target,
            horizon: u32::try_from(self.horizon.target - self.path_start()).unwrap_or(1),
            elapsed,
            higher,
            path: self.target.path,
        };
        match journey.standing() {
            Ok(standing) => {
                result.status = match standing.class.on_track() {
                    true => Status::OnTrack,
                    false => Status::Behind,
                };
                result.expected = journey.expected(value.scale().clamp(2, 28));
                result.gap = result.expected.and_then(|e| value.checked_sub(e));
                result.progress = Some(standing);
            }
            Err(why) => result.notes.push(Note::Unmeasured(why)),
        }
        result
    }

    /// Whether a figure meets a rule that needs no baseline (a level, a rank, a range).
    fn reached_as_is(&self, value: rust_decimal::Decimal) -> bool {
        let rule = &self.target.rule;
        if rule.is_relative() {
            return false;
        }
        if let Some((min, max)) = super::rules::range(rule) {
            let v = exact(value);
            return min <= v && v <= max;
        }
        level(rule, None).is_some_and(|t| self.reaches(value, &t))
    }

    /// The year the path to the target starts from: the target's baseline year, else the
    /// plan's base year.
    fn path_start(&self) -> i32 {
        self.target
            .baseline
            .as_ref()
            .and_then(|b| b.year)
            .unwrap_or(self.horizon.base)
    }

    /// The figure of an interim year and the years elapsed since the base year to its end: the
    /// latest level up to the period checked (from an earlier year when the year has none), or
    /// the total of the latest whole year for a flow, which is judged only by whole years.
    fn interim_reading(&self) -> Option<(Reading, BigRational)> {
        let base = self.path_start();
        let years = (self.horizon.base + 1..=self.year).rev();
        match self.target.accrual {
            Accrual::Level => years
                .filter_map(|y| {
                    let last = if y == self.year { self.last } else { 12 };
                    latest_level(self.series, y, last)
                })
                .next()
                .map(|r| {
                    let elapsed = BigRational::new(
                        BigInt::from(12 * (r.period.year - base - 1) + i32::from(r.period.last)),
                        BigInt::from(12),
                    );
                    (r, elapsed)
                }),
            Accrual::Cumulative => years
                .filter(|&y| y < self.year || self.last == 12)
                .find_map(|y| to_date(self.series, y, 12))
                .map(|r| {
                    let elapsed = BigRational::from_integer(BigInt::from(r.period.year - base));
                    (r, elapsed)
                }),
        }
    }
}
