//! Targets of a plan over years that are not judged by one year's figure: one met in each
//! year of the horizon (`every_year`, 保持在 5% 以上), and a flow summed across years
//! (`since`, 累计培育 2500 名以上).

use num_bigint::BigInt;
use num_rational::BigRational;

use super::target::TargetCheck;
use super::{elapsed_share, exact, first_gap, level, to_date, to_decimal, Actual, Note, Status};
use super::{Reading, TargetResult};
use crate::period::Period;
use crate::plan::Horizon;

impl<'p> TargetCheck<'p, '_> {
    /// A target met in each year: every whole year since the base year must meet it, and the
    /// year checked must be on its way. A year that failed fails the target for good; a year
    /// without a figure leaves it missing, since "each year" cannot be said of it.
    pub(super) fn each_year(&mut self) -> TargetResult<'p> {
        let first = self.horizon.base + 1;
        let mut missing = None;
        for year in first..self.year {
            let result = self.in_year(year, 12);
            match result.status {
                Status::Met => {}
                Status::Missing => {
                    missing.get_or_insert(year);
                }
                _ => return failed_in(result, year),
            }
        }
        let mut result = self.in_year(self.year, self.last);
        if result.status == Status::Unmet {
            return failed_in(result, self.year);
        }
        if let Some(year) = missing {
            result.status = Status::Missing;
            result.notes.push(Note::NoFigure { year });
            return result;
        }
        let whole = if self.last == 12 {
            self.year
        } else {
            self.year - 1
        };
        if whole >= first {
            result.notes.push(Note::EachYear {
                from: first,
                to: whole,
            });
        }
        // Met this year is met for the target only in its last year.
        if result.status == Status::Met && !self.is_final() {
            result.status = Status::OnTrack;
        }
        result
    }

    /// The target checked as an annual one for `year`, compared with the year before.
    fn in_year(&mut self, year: i32, last: u8) -> TargetResult<'p> {
        let mut check = TargetCheck {
            plan: self.plan,
            target: self.target,
            series: self.series,
            horizon: Horizon::annual(year, Some(year - 1)),
            year,
            last,
            warnings: Vec::new(),
        };
        let result = check.single();
        self.warnings.append(&mut check.warnings);
        result
    }

    /// A flow summed from January of the `since` year to the period checked, held against the
    /// target's level: at the end of the target year as it is, before it against the level
    /// prorated by the share of the months elapsed since then.
    pub(super) fn since_number(&mut self, since: i32) -> TargetResult<'p> {
        let mut result = self.empty();
        if self.year < since {
            result.notes.push(Note::CountsFrom { year: since });
            return result;
        }
        let readings = match self.since_readings(since) {
            Ok(readings) => readings,
            Err(note) => {
                result.notes.push(note);
                return result;
            }
        };
        let total: BigRational = readings.iter().map(|r| exact(r.value)).sum();
        let (Some(value), Some(latest)) = (to_decimal(&total), readings.last()) else {
            result
                .notes
                .push(Note::Unmeasured(super::progress::Unmeasured::Unsettled));
            return result;
        };
        result.actual = Some(Actual::Number(value));
        result.period = Some(latest.period);
        result.counted_from = Some(since);
        if let Some(unit) = readings.iter().find_map(|r| r.converted_from.clone()) {
            result.notes.push(Note::ConvertedFrom(unit));
        }
        let rule = self.target.rule.clone();
        let direct = match self.is_final() {
            true => super::judge(&rule, value, None).ok(),
            false => None,
        };
        self.settle(&mut result, value, level(&rule, None), direct);
        result
    }

    /// Each year's total from `since` to the year checked (to the period checked in that
    /// year); the first year not covered, as a note.
    fn since_readings(&self, since: i32) -> Result<Vec<Reading>, Note> {
        (since..=self.year)
            .map(|year| {
                let last = if year == self.year { self.last } else { 12 };
                to_date(self.series, year, last).ok_or_else(|| {
                    let wanted = Period::to_date(year, last).unwrap_or(Period::year(year));
                    Note::NotCovered {
                        wanted,
                        gap: first_gap(self.series, year, last).filter(|g| *g != wanted),
                    }
                })
            })
            .collect()
    }

    /// The share of the target's level due by the period checked: for a flow summed since a
    /// year, the months elapsed since then over the months to the end of the target year
    /// (each year shaped by the target's profile, if any); else the year's share elapsed.
    pub(super) fn due_share(&self) -> BigRational {
        let this_year = elapsed_share(self.target, self.last);
        let Some(since) = self.target.since else {
            return this_year;
        };
        let whole = BigRational::from_integer(BigInt::from(self.year - since));
        let years = BigRational::from_integer(BigInt::from(self.horizon.target - since + 1));
        (whole + this_year) / years
    }
}

/// A target met each year that was not met in `year`.
fn failed_in(mut result: TargetResult<'_>, year: i32) -> TargetResult<'_> {
    result.status = Status::Unmet;
    result.notes.push(Note::FailedYear { year });
    result
}
