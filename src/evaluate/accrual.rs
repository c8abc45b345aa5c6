//! How figures accrue over a year: the year so far from single-period figures, the latest
//! point-in-time value, the share of a year elapsed by a month, and the checks that figures
//! for overlapping periods agree.

use crate::warning::Warning;
use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_rational::BigRational;
use rust_decimal::Decimal;

use super::rules::exact;
use crate::error::{Error, Location, Result};
use crate::figure::{Figure, FigureValue, Figures, Progress};
use crate::period::Period;
use crate::plan::{Accrual, Plan, Rule, Target};

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
    /// The unit a part was converted from, if any was.
    pub converted_from: Option<String>,
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
/// them in; the first uncovered run of months when some month has no figure.
fn cover(
    series: &Series,
    span: Period,
    allowed: impl Fn(Period) -> bool,
) -> std::result::Result<Vec<(Period, &Figure)>, Period> {
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
            .max_by_key(|(p, _)| p.last);
        let Some((period, figure)) = next else {
            let resumes = series
                .keys()
                .filter(|p| p.year == span.year && p.first > month && p.first <= span.last)
                .map(|p| p.first)
                .min()
                .unwrap_or(span.last + 1);
            return Err(Period::months(span.year, month, resumes - 1).unwrap_or(span));
        };
        parts.push((*period, figure));
        month = period.last + 1;
    }
    Ok(parts)
}

fn sum(parts: &[(Period, &Figure)]) -> Option<Decimal> {
    parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, (_, f)| acc.checked_add(number(f)?))
}

/// The year so far, January to `last`: a year-to-date figure if one is given, else the sum of
/// single-period figures that cover those months.
pub fn to_date(series: &Series, year: i32, last: u8) -> Option<Reading> {
    let span = Period::to_date(year, last)?;
    let parts = cover(series, span, |_| true).ok()?;
    let value = sum(&parts)?;
    let converted_from = parts.iter().find_map(|(_, f)| f.converted_from.clone());
    // Figures converted from another unit carry the conversion's scale; their total shows
    // without trailing zeros.
    let value = if converted_from.is_some() {
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
        converted_from,
    })
}

/// The first run of months in January..`last` that no figure covers (`None` when all are).
pub fn first_gap(series: &Series, year: i32, last: u8) -> Option<Period> {
    cover(series, Period::to_date(year, last)?, |_| true).err()
}

fn reading(period: Period, figure: &Figure) -> Option<Reading> {
    // A converted figure carries the conversion's scale (1200.0000); show it without.
    let value = number(figure)?;
    let value = if figure.converted_from.is_some() {
        value.normalize()
    } else {
        value
    };
    Some(Reading {
        value,
        period,
        at: figure.at.clone(),
        change: figure.change,
        converted_from: figure.converted_from.clone(),
    })
}

/// The latest point-in-time figure of `year` ending by month `last`: the one ending latest,
/// and of those the shortest (a month's figure before its quarter's).
pub fn latest_level(series: &Series, year: i32, last: u8) -> Option<Reading> {
    series
        .iter()
        .filter(|(p, f)| p.year == year && p.last <= last && number(f).is_some())
        .max_by_key(|(p, _)| (p.last, p.first))
        .and_then(|(p, f)| reading(*p, f))
}

/// A year's closing point-in-time figure: one for a period ending in December.
pub fn closing_level(series: &Series, year: i32) -> Option<Reading> {
    latest_level(series, year, 12).filter(|r| r.period.last == 12)
}

/// A milestone's latest state reported by month `last`, and the period of the report.
pub fn latest_progress(series: &Series, year: i32, last: u8) -> Option<(Progress, Period)> {
    series
        .iter()
        .filter(|(p, _)| p.year == year && p.last <= last)
        .filter_map(|(p, f)| match f.value {
            Some(FigureValue::Progress(progress)) => Some((progress, *p)),
            _ => None,
        })
        .max_by_key(|(_, p)| (p.last, p.first))
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

/// A calendar quarter: three months starting in January, April, July or October.
fn is_quarter(p: Period) -> bool {
    p.month_count() == 3 && p.first % 3 == 1
}

/// Checks that figures for overlapping periods agree.
///
/// Cumulative figures: a figure whose parts are all given but add up to something else is an
/// error showing both, except months against their quarter, which draw a warning (the quarter's
/// figure is used); a year-to-date total that falls from one period to the next draws a
/// warning. Level figures for periods ending in the same month that differ draw a warning.
/// A milestone reported done and later not done draws a warning.
pub fn check_consistency(plan: &Plan, figures: &Figures) -> Result<Vec<Warning>> {
    let mut warnings = Vec::new();
    for (target, series) in plan.targets.iter().zip(&figures.by_target) {
        if target.rule == Rule::Done {
            milestone_regressions(target, series, &mut warnings);
            continue;
        }
        match target.accrual {
            Accrual::Cumulative => cumulative_parts(target, series, &mut warnings)?,
            Accrual::Level => level_disagreements(target, series, &mut warnings),
        }
        if target.accrual == Accrual::Cumulative {
            let mut ends: Vec<u8> = series
                .keys()
                .filter(|p| p.year == plan.horizon.target)
                .map(|p| p.last)
                .collect();
            ends.sort_unstable();
            ends.dedup();
            let totals: Vec<Reading> = ends
                .iter()
                .filter_map(|&m| to_date(series, plan.horizon.target, m))
                .collect();
            for pair in totals.windows(2) {
                if pair[1].value < pair[0].value {
                    warnings.push(Warning::FallingToDate {
                        at: pair[1].at.clone(),
                        target: target.name.clone(),
                        from: (pair[0].value, pair[0].period),
                        to: (pair[1].value, pair[1].period),
                    });
                }
            }
        }
    }
    Ok(warnings)
}

fn cumulative_parts(target: &Target, series: &Series, warnings: &mut Vec<Warning>) -> Result<()> {
    for (period, figure) in series {
        let (Some(value), true) = (number(figure), period.month_count() > 1) else {
            continue;
        };
        let Ok(parts) = cover(series, *period, |p| p.month_count() < period.month_count()) else {
            continue;
        };
        let Some(total) = sum(&parts) else { continue };
        if total == value {
            continue;
        }
        if is_quarter(*period) && parts.iter().all(|(p, _)| p.month_count() == 1) {
            warnings.push(Warning::PartsDisagree {
                at: figure.at.clone(),
                target: target.name.clone(),
                period: *period,
                value,
                parts: parts.iter().map(|(p, _)| *p).collect(),
                total,
            });
        } else {
            return Err(Error::actuals(
                figure.at.clone(),
                crate::error::DataProblem::PartsDisagree {
                    period: *period,
                    target: target.name.clone(),
                    value,
                    parts: parts.iter().map(|(p, _)| *p).collect(),
                    total,
                },
            ));
        }
    }
    Ok(())
}

fn level_disagreements(target: &Target, series: &Series, warnings: &mut Vec<Warning>) {
    let mut by_end: BTreeMap<(i32, u8), Vec<(Period, &Figure)>> = BTreeMap::new();
    for (period, figure) in series.iter().filter(|(_, f)| number(f).is_some()) {
        by_end
            .entry((period.year, period.last))
            .or_default()
            .push((*period, figure));
    }
    for figures in by_end.values().filter(|f| f.len() > 1) {
        let values: Vec<Decimal> = figures.iter().filter_map(|(_, f)| number(f)).collect();
        if values.windows(2).any(|w| w[0] != w[1]) {
            let listed: Vec<(Period, Decimal)> = figures
                .iter()
                .map(|(p, f)| (*p, number(f).unwrap_or_default()))
                .collect();
            let (_, used) = figures
                .iter()
                .max_by_key(|(p, _)| p.first)
                .copied()
                .unwrap_or(figures[0]);
            warnings.push(Warning::LevelsDisagree {
                at: used.at.clone(),
                target: target.name.clone(),
                figures: listed,
            });
        }
    }
}

fn milestone_regressions(target: &Target, series: &Series, warnings: &mut Vec<Warning>) {
    let mut done_at: Option<Period> = None;
    let mut ordered: Vec<(&Period, &Figure)> = series.iter().collect();
    ordered.sort_by_key(|(p, _)| (p.year, p.last, p.first));
    for (period, figure) in ordered {
        match figure.value {
            Some(FigureValue::Progress(Progress::Done)) => done_at = Some(*period),
            Some(FigureValue::Progress(state)) => {
                if let Some(done) = done_at.filter(|d| d.year == period.year) {
                    warnings.push(Warning::MilestoneRegressed {
                        at: figure.at.clone(),
                        target: target.name.clone(),
                        state,
                        period: *period,
                        done,
                    });
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{load_plan, EMBEDDED_PLAN};
    use std::str::FromStr;

    fn fig(value: &str) -> Figure {
        Figure {
            value: Some(FigureValue::Number(Decimal::from_str(value).unwrap())),
            change: None,
            at: Location::file("t.csv"),
            converted_from: None,
            rows: 1,
            unsaved: None,
        }
    }

    fn series(items: &[(Period, &str)]) -> Series {
        items.iter().map(|(p, v)| (*p, fig(v))).collect()
    }

    fn q(n: u8) -> Period {
        Period::months(2020, 3 * n - 2, 3 * n).unwrap()
    }

    fn m(n: u8) -> Period {
        Period::months(2020, n, n).unwrap()
    }

    #[test]
    fn year_so_far_from_quarters_months_or_a_total() {
        let s = series(&[(q(1), "10"), (q(2), "20"), (m(7), "3"), (m(8), "4")]);
        assert_eq!(to_date(&s, 2020, 6).unwrap().value.to_string(), "30");
        assert_eq!(to_date(&s, 2020, 8).unwrap().value.to_string(), "37");
        assert_eq!(to_date(&s, 2020, 9), None, "September is missing");
        assert_eq!(first_gap(&s, 2020, 9), Period::months(2020, 9, 9));
        let with_total = series(&[(q(1), "10"), (Period::to_date(2020, 9).unwrap(), "50")]);
        assert_eq!(
            to_date(&with_total, 2020, 9).unwrap().value.to_string(),
            "50",
            "a year-to-date figure as it is"
        );
    }

    #[test]
    fn the_latest_level_and_a_closing_level() {
        let s = series(&[
            (Period::months(2020, 1, 6).unwrap(), "2.1"),
            (q(3), "2.3"),
            (m(9), "2.4"),
        ]);
        let latest = latest_level(&s, 2020, 9).unwrap();
        assert_eq!(
            (latest.value.to_string(), latest.period),
            ("2.4".to_string(), m(9))
        );
        assert_eq!(
            latest_level(&s, 2020, 12).unwrap().period,
            m(9),
            "the latest by December"
        );
        assert_eq!(
            closing_level(&s, 2020),
            None,
            "no figure for a period ending in December"
        );
    }

    fn with_change(mut figure: Figure, change: &str) -> Figure {
        figure.change = Some(Decimal::from_str(change).unwrap());
        figure
    }

    fn progress(progress: Progress) -> Figure {
        Figure {
            value: Some(FigureValue::Progress(progress)),
            ..fig("0")
        }
    }

    #[test]
    fn a_reported_growth_rate_comes_with_a_figure_used_alone() {
        let nine = Period::to_date(2020, 9).unwrap();
        let alone: Series = [(nine, with_change(fig("50"), "12.5"))].into();
        assert_eq!(
            to_date(&alone, 2020, 9).unwrap().change,
            Some(Decimal::from_str("12.5").unwrap())
        );
        // A total of two quarters has no growth rate of its own, whatever a part reports.
        let parts: Series = [(q(1), fig("10")), (q(2), with_change(fig("20"), "8"))].into();
        let total = to_date(&parts, 2020, 6).unwrap();
        assert_eq!((total.value.to_string(), total.change), ("30".into(), None));
    }

    #[test]
    fn the_latest_level_is_the_years_by_the_month_checked() {
        let mut s = series(&[
            (Period::year(2019), "1.9"),
            (Period::months(2019, 9, 9).unwrap(), "1.8"),
            (m(3), "2.0"),
            (m(10), "2.5"),
        ]);
        // A growth rate without a level is no level.
        s.insert(
            m(6),
            Figure {
                value: None,
                ..with_change(fig("0"), "5")
            },
        );
        let latest = latest_level(&s, 2020, 9).unwrap();
        assert_eq!(
            (latest.value.to_string(), latest.period),
            ("2.0".into(), m(3))
        );
        assert_eq!(latest_level(&s, 2020, 10).unwrap().period, m(10));
        assert_eq!(latest_level(&s, 2020, 2), None);
        let closing = closing_level(&s, 2019).unwrap();
        assert_eq!(
            (closing.value.to_string(), closing.period),
            ("1.9".into(), Period::year(2019))
        );
        assert_eq!(
            closing_level(&s, 2020),
            None,
            "nothing ends in December 2020"
        );
    }

    #[test]
    fn a_milestones_latest_state_by_the_month_checked() {
        let s: Series = [
            (Period::year(2019), progress(Progress::Done)),
            (
                Period::months(2019, 6, 6).unwrap(),
                progress(Progress::NotDone),
            ),
            (m(3), progress(Progress::InProgress)),
            (m(11), progress(Progress::Done)),
            (m(5), fig("3")),
        ]
        .into();
        assert_eq!(
            latest_progress(&s, 2020, 9),
            Some((Progress::InProgress, m(3)))
        );
        assert_eq!(latest_progress(&s, 2020, 12), Some((Progress::Done, m(11))));
        assert_eq!(latest_progress(&s, 2020, 2), None);
    }

    #[test]
    fn the_first_gap_runs_to_the_next_figure_of_the_year() {
        // By May: January to March given, April missing, May given; the second quarter ends
        // after May and July after the span, so neither covers April.
        let s = series(&[(q(1), "10"), (q(2), "20"), (m(5), "3"), (m(7), "1")]);
        assert_eq!(first_gap(&s, 2020, 5), Period::months(2020, 4, 4));
        // Without May, the gap runs to the end of the span.
        let s = series(&[(q(1), "10"), (q(2), "20"), (m(7), "1")]);
        assert_eq!(first_gap(&s, 2020, 5), Period::months(2020, 4, 5));
        let s = series(&[(q(1), "10"), (Period::months(2019, 5, 5).unwrap(), "1")]);
        assert_eq!(first_gap(&s, 2020, 5), Period::months(2020, 4, 5));
        assert_eq!(first_gap(&s, 2020, 3), None);
    }

    /// A plan for 2020 of one target `a` (甲) with `rule` and `accrual`.
    fn one(rule: &str, accrual: &str) -> Plan {
        load_plan(
            &format!(
                "title: t\nyear: 2020\nbaseline_period: 2019\nsource: s\ntargets:\n  - id: a\n    \
                 name: 甲\n    unit: 家\n    rule: {rule}\n    source: s\n    accrual: {accrual}\n"
            ),
            "t.yaml",
        )
        .unwrap()
    }

    /// Figures for the one target, each at its own line of t.csv.
    fn figures(items: Vec<(Period, Figure)>) -> Figures {
        let series = items
            .into_iter()
            .zip(2..)
            .map(|((p, f), line)| {
                (
                    p,
                    Figure {
                        at: Location::line("t.csv", line),
                        ..f
                    },
                )
            })
            .collect();
        Figures {
            by_target: vec![series],
            ..Figures::default()
        }
    }

    fn consistency(plan: &Plan, items: Vec<(Period, Figure)>) -> Result<Vec<String>> {
        Ok(check_consistency(plan, &figures(items))?
            .iter()
            .map(|w| crate::render::Lang::En.warning_text(w))
            .collect())
    }

    #[test]
    fn months_against_their_quarter_warn_and_the_quarter_counts() {
        let plan = one("at_least\n    value: \"30\"", "cumulative");
        for quarter in [q(1), q(2), q(4)] {
            let months = (quarter.first..=quarter.last).map(|n| (m(n), fig("3")));
            let items = months.chain([(quarter, fig("10"))]).collect();
            assert_eq!(
                consistency(&plan, items).unwrap(),
                [format!(
                    "t.csv:5: {quarter} figure for `甲` is 10, but {} + {} + {} add up to 9; the \
                     quarter figure is used",
                    m(quarter.first),
                    m(quarter.first + 1),
                    m(quarter.last)
                )]
            );
        }
        // Months that add up to their quarter, and a quarter alone, say nothing.
        let items = vec![
            (m(1), fig("3")),
            (m(2), fig("3")),
            (m(3), fig("4")),
            (q(1), fig("10")),
        ];
        assert_eq!(consistency(&plan, items).unwrap(), Vec::<String>::new());
        assert_eq!(
            consistency(&plan, vec![(q(1), fig("10"))]).unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn other_parts_that_do_not_add_up_are_an_error() {
        let plan = one("at_least\n    value: \"30\"", "cumulative");
        let error = |items| consistency(&plan, items).unwrap_err().to_string();
        // Quarters against their half year.
        let half = Period::months(2020, 1, 6).unwrap();
        assert_eq!(
            error(vec![
                (q(1), fig("10")),
                (q(2), fig("20")),
                (half, fig("31"))
            ]),
            "t.csv:4: 2020H1 figure for `甲` is 31, but 2020Q1 + 2020Q2 add up to 30; expected \
             figures that add up"
        );
        // Three months that are not a calendar quarter.
        let span = Period::months(2020, 2, 4).unwrap();
        let months = (2..=4).map(|n| (m(n), fig("3")));
        assert!(error(months.chain([(span, fig("10"))]).collect()).contains(
            "2020-02/2020-04 figure for `甲` is 10, but 2020-02 + 2020-03 + 2020-04 add up to 9"
        ));
        // A quarter against two months and a month: not months alone.
        let two = Period::months(2020, 1, 2).unwrap();
        assert!(
            error(vec![(two, fig("6")), (m(3), fig("3")), (q(1), fig("10"))]).contains(
                "2020Q1 figure for `甲` is 10, but 2020-01/2020-02 + 2020-03 add up to 9"
            )
        );
        // A milestone's figures are not parts.
        let plan = load_plan(
            "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    rule: done\n    source: s\n",
            "t.yaml",
        )
        .unwrap();
        let done = Figure {
            value: Some(FigureValue::Progress(Progress::Done)),
            ..fig("0")
        };
        assert_eq!(
            consistency(&plan, vec![(q(1), done.clone()), (m(1), done)]).unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_year_to_date_total_that_falls_warns() {
        let plan = one("at_least\n    value: \"30\"", "cumulative");
        let (h1, nine) = (
            Period::to_date(2020, 6).unwrap(),
            Period::to_date(2020, 9).unwrap(),
        );
        assert_eq!(
            consistency(&plan, vec![(h1, fig("30")), (nine, fig("25"))]).unwrap(),
            ["t.csv:3: the year-to-date figure for `甲` falls from 30 (2020H1) to 25 (2020-01/2020-09)"]
        );
        for (later, what) in [("30", "unchanged"), ("31", "rising")] {
            assert_eq!(
                consistency(&plan, vec![(h1, fig("30")), (nine, fig(later))]).unwrap(),
                Vec::<String>::new(),
                "{what}"
            );
        }
        // Only the plan year's totals: a 2019 total above 2020's is the year before.
        let items = vec![
            (Period::year(2019), fig("99")),
            (h1, fig("30")),
            (nine, fig("25")),
        ];
        assert_eq!(consistency(&plan, items).unwrap().len(), 1);
        // A level figure may fall: it is no total.
        let level = one("at_least\n    value: \"30\"", "level");
        assert_eq!(
            consistency(&level, vec![(h1, fig("30")), (nine, fig("25"))]).unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn level_figures_at_the_same_date_that_differ_warn() {
        let plan = one("at_least\n    value: \"2.2\"", "level");
        assert_eq!(
            consistency(&plan, vec![(q(3), fig("2.3")), (m(9), fig("2.4"))]).unwrap(),
            ["t.csv:3: figures for `甲` at the same date disagree (2020Q3 2.3, 2020-09 2.4); the \
              shortest period's is used"]
        );
        for items in [
            vec![(q(3), fig("2.4")), (m(9), fig("2.40"))],
            vec![(q(3), fig("2.3")), (m(8), fig("2.4"))],
            vec![(m(9), fig("2.4"))],
        ] {
            assert_eq!(consistency(&plan, items).unwrap(), Vec::<String>::new());
        }
    }

    #[test]
    fn a_milestone_done_and_later_not_done_warns() {
        let plan = load_plan(
            "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    rule: done\n    source: s\n",
            "t.yaml",
        )
        .unwrap();
        assert_eq!(
            consistency(
                &plan,
                vec![
                    (q(2), progress(Progress::Done)),
                    (m(9), progress(Progress::InProgress)),
                    (m(10), progress(Progress::NotDone)),
                ]
            )
            .unwrap(),
            [
                "t.csv:3: `甲` is reported in_progress for 2020-09 after being done by 2020Q2",
                "t.csv:4: `甲` is reported not_done for 2020-10 after being done by 2020Q2",
            ]
        );
        // Done the year before, or not done before it was done: nothing to say.
        let items = vec![
            (Period::year(2019), progress(Progress::Done)),
            (m(3), progress(Progress::NotDone)),
            (m(6), progress(Progress::InProgress)),
            (m(9), progress(Progress::Done)),
        ];
        assert_eq!(consistency(&plan, items).unwrap(), Vec::<String>::new());
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
