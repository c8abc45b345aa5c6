//! How figures accrue over a year: the year so far from single-period figures, the latest
//! point-in-time value, the share of a year elapsed by a month, and the checks that figures
//! for overlapping periods agree.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_rational::BigRational;
use rust_decimal::Decimal;

use super::rules::exact;
use crate::error::{Error, Location, Result};
use crate::figure::{Figure, FigureValue, Figures, Progress};
use crate::period::{Period, PeriodKind};
use crate::plan::{Accrual, Plan, Target};

/// A figure for a span, possibly summed from several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The value, exact.
    pub value: Decimal,
    /// The span it covers.
    pub period: Period,
    /// Where it was read (the last part, for a sum).
    pub at: Location,
    /// A reported growth rate, when the reading is one figure that had one.
    pub change: Option<Decimal>,
    /// The unit it was converted from, if any.
    pub converted_from: Option<String>,
    /// How many figures were added up (1 for a figure given as such).
    pub parts: usize,
}

/// The figures of one target, by period.
pub type Series = BTreeMap<Period, Figure>;

fn number(figure: &Figure) -> Option<Decimal> {
    match figure.value {
        Some(FigureValue::Number(n)) => Some(n),
        _ => None,
    }
}

/// Covers `span` with figures that lie inside it, longest first, as long as `allowed` lets
/// them in; `None` when a month is left uncovered.
fn cover(
    series: &Series,
    span: Period,
    allowed: impl Fn(Period) -> bool,
) -> Option<Vec<(Period, &Figure)>> {
    let mut parts = Vec::new();
    let mut month = span.first;
    while month <= span.last {
        let next = series
            .iter()
            .filter(|(p, f)| {
                p.year == span.year
                    && p.first == month
                    && p.last <= span.last
                    && allowed(**p)
                    && number(f).is_some()
            })
            .max_by_key(|(p, _)| p.last)?;
        parts.push((*next.0, next.1));
        month = next.0.last + 1;
    }
    Some(parts)
}

fn sum(parts: &[(Period, &Figure)]) -> Option<Decimal> {
    parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, (_, f)| acc.checked_add(number(f)?))
}

/// The first run of months in January..`last` that no figure covers, for a note on what is
/// missing (`None` when every month is covered).
pub fn first_gap(series: &Series, year: i32, last: u8) -> Option<Period> {
    let mut month = 1;
    while month <= last {
        let reach = series
            .iter()
            .filter(|(p, f)| {
                p.year == year && p.first == month && p.last <= last && number(f).is_some()
            })
            .map(|(p, _)| p.last)
            .max();
        match reach {
            Some(end) => month = end + 1,
            None => {
                let next = series
                    .keys()
                    .filter(|p| p.year == year && p.first > month && p.first <= last)
                    .map(|p| p.first)
                    .min()
                    .unwrap_or(last + 1);
                return Period::months(year, month, next - 1);
            }
        }
    }
    None
}

/// The year so far, January to `last`: a year-to-date figure if one is given, else the sum of
/// single-period figures that cover those months.
pub fn to_date(series: &Series, year: i32, last: u8) -> Option<Reading> {
    let span = Period::to_date(year, last)?;
    let parts = cover(series, span, |_| true)?;
    let value = sum(&parts)?;
    // Figures converted from another unit carry the conversion's scale; their total shows
    // without trailing zeros.
    let converted = parts.iter().any(|(_, f)| f.converted_from.is_some());
    let value = if converted && parts.len() > 1 {
        value.normalize()
    } else {
        value
    };
    let (_, final_part) = parts.last()?;
    Some(Reading {
        value,
        period: span,
        at: final_part.at.clone(),
        change: if parts.len() == 1 {
            final_part.change
        } else {
            None
        },
        converted_from: final_part.converted_from.clone(),
        parts: parts.len(),
    })
}

/// The latest point-in-time figure of `year` whose period ends in month `last`.
pub fn level_at(series: &Series, year: i32, last: u8) -> Option<Reading> {
    series
        .iter()
        .filter(|(p, f)| p.year == year && p.last == last && number(f).is_some())
        .max_by_key(|(p, _)| p.first)
        .map(|(p, f)| Reading {
            value: number(f).unwrap_or_default(),
            period: *p,
            at: f.at.clone(),
            change: f.change,
            converted_from: f.converted_from.clone(),
            parts: 1,
        })
}

/// The latest figure of `year` ending by month `last`, of any kind (for a baseline year's
/// closing value).
pub fn latest_level(series: &Series, year: i32, last: u8) -> Option<Reading> {
    let end = series
        .keys()
        .filter(|p| p.year == year && p.last <= last)
        .map(|p| p.last)
        .max()?;
    level_at(series, year, end)
}

/// A milestone's latest state reported by month `last`.
pub fn latest_progress(
    series: &Series,
    year: i32,
    last: u8,
) -> Option<(Progress, Period, Location)> {
    series
        .iter()
        .filter(|(p, _)| p.year == year && p.last <= last)
        .filter_map(|(p, f)| match f.value {
            Some(FigureValue::Progress(progress)) => Some((*p, progress, f.at.clone())),
            _ => None,
        })
        .max_by_key(|(p, ..)| (p.last, p.first))
        .map(|(p, progress, at)| (progress, p, at))
}

/// The share of a year's total expected by the end of month `last`: `last` / 12, or by the
/// target's quarterly profile (months within a quarter prorated evenly).
pub fn elapsed_share(target: &Target, last: u8) -> BigRational {
    let months = BigRational::from_integer(BigInt::from(last));
    let Some(profile) = &target.profile else {
        return months / BigRational::from_integer(BigInt::from(12));
    };
    let full_quarters = usize::from(last / 3);
    let partial = BigRational::new(BigInt::from(last % 3), BigInt::from(3));
    let mut share: BigRational = profile.quarters[..full_quarters]
        .iter()
        .map(|q| exact(*q))
        .sum();
    if let Some(next) = profile.quarters.get(full_quarters) {
        share += exact(*next) * partial;
    }
    share / BigRational::from_integer(BigInt::from(100))
}

/// Checks that cumulative figures for overlapping periods agree. A year-to-date (or half, or
/// other) figure whose parts are all given but add up to something else is an error showing
/// both; months that do not add up to their quarter draw a warning. Also warns when a
/// year-to-date total falls from one period to the next.
pub fn check_consistency(plan: &Plan, figures: &Figures) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    for (target, series) in plan.targets.iter().zip(&figures.by_target) {
        if target.accrual != Accrual::Cumulative {
            continue;
        }
        for (period, figure) in series {
            let (Some(value), true) = (number(figure), period.month_count() > 1) else {
                continue;
            };
            let Some(parts) = cover(series, *period, |p| p.month_count() < period.month_count())
            else {
                continue;
            };
            let Some(total) = sum(&parts) else { continue };
            if total == value {
                continue;
            }
            let listed = parts
                .iter()
                .map(|(p, _)| p.to_string())
                .collect::<Vec<_>>()
                .join(" + ");
            let months_in_quarter = figure.kind == PeriodKind::Quarter
                && parts.iter().all(|(_, f)| f.kind == PeriodKind::Month);
            let message = format!(
                "{period} figure for `{}` is {value}, but {listed} add up to {total}",
                target.name
            );
            if months_in_quarter {
                warnings.push(format!(
                    "{}: {message}; the quarter figure is used",
                    figure.at
                ));
            } else {
                return Err(Error::actuals(
                    figure.at.clone(),
                    format!("{message}; expected figures that add up"),
                ));
            }
        }
        let mut ends: Vec<u8> = series
            .keys()
            .filter(|p| p.year == plan.year)
            .map(|p| p.last)
            .collect();
        ends.dedup();
        let totals: Vec<Reading> = ends
            .iter()
            .filter_map(|&m| to_date(series, plan.year, m))
            .collect();
        for pair in totals.windows(2) {
            if pair[1].value < pair[0].value {
                warnings.push(format!(
                    "{}: the year-to-date figure for `{}` falls from {} ({}) to {} ({})",
                    pair[1].at,
                    target.name,
                    pair[0].value,
                    pair[0].period,
                    pair[1].value,
                    pair[1].period
                ));
            }
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{load_plan, EMBEDDED_PLAN};
    use std::str::FromStr;

    fn fig(value: &str, kind: PeriodKind) -> Figure {
        Figure {
            value: Some(FigureValue::Number(Decimal::from_str(value).unwrap())),
            change: None,
            at: Location::file("t.csv"),
            converted_from: None,
            kind,
            rows: 1,
        }
    }

    fn series(items: &[(Period, &str, PeriodKind)]) -> Series {
        items.iter().map(|(p, v, k)| (*p, fig(v, *k))).collect()
    }

    fn q(n: u8) -> Period {
        Period::months(2020, 3 * n - 2, 3 * n).unwrap()
    }

    #[test]
    fn year_so_far_from_quarters_months_or_a_total() {
        let s = series(&[
            (q(1), "10", PeriodKind::Quarter),
            (q(2), "20", PeriodKind::Quarter),
            (Period::months(2020, 7, 7).unwrap(), "3", PeriodKind::Month),
            (Period::months(2020, 8, 8).unwrap(), "4", PeriodKind::Month),
        ]);
        assert_eq!(to_date(&s, 2020, 6).unwrap().value.to_string(), "30");
        assert_eq!(to_date(&s, 2020, 8).unwrap().value.to_string(), "37");
        assert_eq!(to_date(&s, 2020, 9), None, "September is missing");
        let with_total = series(&[
            (q(1), "10", PeriodKind::Quarter),
            (Period::to_date(2020, 9).unwrap(), "50", PeriodKind::ToDate),
        ]);
        let r = to_date(&with_total, 2020, 9).unwrap();
        assert_eq!(
            (r.value.to_string(), r.parts),
            ("50".to_string(), 1),
            "a year-to-date figure is used as it is"
        );
    }

    #[test]
    fn shares_of_the_year() {
        let plan = load_plan(EMBEDDED_PLAN, "plan.yaml").unwrap();
        let flat = plan
            .targets
            .iter()
            .find(|t| t.id == "provincial_key_labs_new")
            .unwrap();
        assert_eq!(elapsed_share(flat, 9), BigRational::new(3.into(), 4.into()));
        let seasonal = plan
            .targets
            .iter()
            .find(|t| t.id == "tech_contract_turnover")
            .unwrap();
        let p = seasonal
            .profile
            .as_ref()
            .expect("technology contracts have a profile");
        let q = |i: usize| exact(p.quarters[i]) / BigRational::from_integer(100.into());
        assert_eq!(elapsed_share(seasonal, 9), q(0) + q(1) + q(2));
        assert_eq!(
            elapsed_share(seasonal, 10),
            q(0) + q(1) + q(2) + q(3) / BigRational::from_integer(3.into())
        );
        assert_eq!(
            elapsed_share(seasonal, 12),
            BigRational::from_integer(1.into())
        );
    }
}
