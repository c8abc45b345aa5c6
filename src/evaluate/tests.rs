//! The evaluator as a user sees it: statuses, expected levels, gaps, notes and warnings for
//! small plans, at the boundaries (a value exactly at a target meets 达到 / 以上 / 不低于 and
//! does not meet 超过 / 低于). Most of these were written to kill mutants that cargo-mutants
//! found surviving the library's own tests (issue 11; `docs/mutants.md`).

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::error::Location;
use crate::figure::{Figure, FigureValue, Figures, Progress};
use crate::plan::load_plan;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn p(text: &str) -> Period {
    crate::period::parse_period(text).unwrap()
}

/// A plan for 2020, with 2019 as its baseline year, of the targets given as YAML list items.
fn plan(targets: &str) -> Plan {
    load_plan(
        &format!("title: t\nyear: 2020\nbaseline_period: 2019\nsource: s\ntargets:\n{targets}"),
        "t.yaml",
    )
    .unwrap()
}

/// One target `a` (甲) in `unit` with `rule` (and its value lines) and `accrual`.
fn one(unit: &str, rule: &str, accrual: &str) -> Plan {
    plan(&target("a", "甲", unit, rule, accrual))
}

fn target(id: &str, name: &str, unit: &str, rule: &str, accrual: &str) -> String {
    format!(
        "  - id: {id}\n    name: {name}\n    unit: \"{unit}\"\n    rule: {rule}\n    source: s\n    accrual: {accrual}\n"
    )
}

/// A figure read at line `line` of `t.csv`.
fn at_line(value: Option<FigureValue>, change: Option<&str>, line: u64) -> Figure {
    Figure {
        value,
        change: change.map(d),
        at: Location::line("t.csv", line),
        converted_from: None,
        rows: 1,
        unsaved: None,
    }
}

fn num(value: &str) -> Option<FigureValue> {
    Some(FigureValue::Number(d(value)))
}

/// Figures for the plan's targets: (target index, period, figure).
fn figures(plan: &Plan, rows: Vec<(usize, &str, Figure)>) -> Figures {
    let mut by_target = vec![BTreeMap::new(); plan.targets.len()];
    for (i, period, figure) in rows {
        by_target[i].insert(p(period), figure);
    }
    Figures {
        by_target,
        ..Figures::default()
    }
}

/// Number figures for target 0: (period, value), one line each.
fn numbers(plan: &Plan, rows: &[(&str, &str)]) -> Figures {
    let rows = rows
        .iter()
        .zip(2..)
        .map(|((period, value), line)| (0, *period, at_line(num(value), None, line)))
        .collect();
    figures(plan, rows)
}

/// The evaluation as of the end of month `last` of 2020.
fn as_of<'p>(plan: &'p Plan, figures: &Figures, last: u8) -> Evaluation<'p> {
    evaluate(plan, figures, Period::to_date(2020, last).unwrap())
}

/// Target 0's result as of the end of month `last`.
fn first<'p>(plan: &'p Plan, figures: &Figures, last: u8) -> TargetResult<'p> {
    as_of(plan, figures, last).results.remove(0)
}

fn status_of(plan: &Plan, rows: &[(&str, &str)], last: u8) -> Status {
    first(plan, &numbers(plan, rows), last).status
}

// --- Statuses, the summary and the exit status -------------------------------------------

#[test]
fn status_keys_and_which_fail_a_run() {
    let all = [
        (Status::Met, "met", false),
        (Status::Unmet, "unmet", true),
        (Status::OnTrack, "on_track", false),
        (Status::Behind, "behind", true),
        (Status::Missing, "missing", false),
    ];
    for (status, key, fails) in all {
        assert_eq!(status.key(), key);
        assert_eq!(status.fails(), fails, "{key}");
    }
}

/// A plan of one at_least-5 level target per status wanted, and figures that give them.
fn with_statuses(statuses: &[Status]) -> (Plan, Figures, u8) {
    let before_year_end = statuses
        .iter()
        .any(|s| matches!(s, Status::OnTrack | Status::Behind));
    let targets: String = (0..statuses.len())
        .map(|i| {
            target(
                &format!("t{i}"),
                &format!("指标{i}"),
                "家",
                "at_least\n    value: \"5\"",
                "level",
            )
        })
        .collect();
    let plan = plan(&targets);
    let period = if before_year_end { "2020Q3" } else { "2020" };
    let rows = statuses
        .iter()
        .enumerate()
        .filter_map(|(i, status)| {
            let value = match status {
                Status::Met | Status::OnTrack => "5",
                Status::Unmet | Status::Behind => "4",
                Status::Missing | Status::Overdue => return None,
            };
            Some((i, period, at_line(num(value), None, i as u64 + 2)))
        })
        .collect();
    let figures = figures(&plan, rows);
    (plan, figures, if before_year_end { 9 } else { 12 })
}

#[test]
fn the_summary_counts_every_status() {
    use Status::*;
    let (plan, figures, last) = with_statuses(&[Met, Met, Met, Unmet, Unmet, Missing]);
    let evaluation = as_of(&plan, &figures, last);
    let statuses: Vec<Status> = evaluation.results.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Met, Met, Met, Unmet, Unmet, Missing]);
    assert_eq!(
        evaluation.summary(),
        Summary {
            met: 3,
            unmet: 2,
            on_track: 0,
            behind: 0,
            missing: 1,
            overdue: 0,
            total: 6,
        }
    );
    let (plan, figures, last) = with_statuses(&[OnTrack, OnTrack, Behind, Behind, Behind]);
    let evaluation = as_of(&plan, &figures, last);
    assert_eq!(
        evaluation.summary(),
        Summary {
            met: 0,
            unmet: 0,
            on_track: 2,
            behind: 3,
            missing: 0,
            overdue: 0,
            total: 5,
        }
    );
}

#[test]
fn what_fails_a_run() {
    use Status::*;
    let exit = |statuses: &[Status], warning: bool, allow_missing: bool, strict: bool| {
        let (plan, figures, last) = with_statuses(statuses);
        let mut evaluation = as_of(&plan, &figures, last);
        if warning {
            evaluation
                .warnings
                .push(crate::warning::Warning::NoFigures {
                    file: "t.csv".into(),
                });
        }
        evaluation.exit_status(allow_missing, strict)
    };
    let (ok, fail) = (ExitStatus::Success, ExitStatus::Failure);
    // One of each: only unmet, behind and (without --allow-missing) missing fail.
    for (statuses, without, with_allow_missing) in [
        (&[Met][..], ok, ok),
        (&[OnTrack], ok, ok),
        (&[Met, Unmet], fail, fail),
        (&[OnTrack, Behind], fail, fail),
        (&[Met, Missing], fail, ok),
        (&[OnTrack, Missing], fail, ok),
    ] {
        assert_eq!(exit(statuses, false, false, false), without, "{statuses:?}");
        assert_eq!(
            exit(statuses, false, true, false),
            with_allow_missing,
            "{statuses:?} --allow-missing"
        );
    }
    // A warning fails the run only with --strict.
    assert_eq!(exit(&[Met], true, false, false), ok);
    assert_eq!(exit(&[Met], true, false, true), fail);
    assert_eq!(exit(&[Met], false, false, true), ok);
    assert_eq!(exit(&[Met, Missing], true, true, true), fail);
    assert_eq!(exit(&[Met, Missing], false, true, true), ok);
}

// --- Periods present, the period checked, figures after it -------------------------------

#[test]
fn the_periods_present_are_the_plan_years_month_ends() {
    let plan = one("家", "at_least\n    value: \"5\"", "cumulative");
    let figures = numbers(
        &plan,
        &[
            ("2019", "1"),
            ("2019-11", "1"),
            ("2020Q3", "1"),
            ("2020Q1", "1"),
            ("2020-05", "1"),
            ("2020-04/2020-05", "1"),
            ("2021-10", "1"),
        ],
    );
    let ends = ["2020Q1", "2020-01/2020-05", "2020-01/2020-09"].map(p);
    assert_eq!(periods_present(&plan, &figures), ends);
    assert_eq!(latest_period(&plan, &figures), p("2020-01/2020-09"));
    let none = numbers(&plan, &[("2019", "1")]);
    assert_eq!(periods_present(&plan, &none), []);
    assert_eq!(latest_period(&plan, &none), Period::year(2020));
}

#[test]
fn figures_after_the_period_checked_are_not_used_and_said_so() {
    let plan = one("家", "at_least\n    value: \"8\"", "cumulative");
    let figures = numbers(
        &plan,
        &[
            ("2019-12", "1"),
            ("2020Q1", "2"),
            ("2020Q2", "2"),
            ("2020-07", "9"),
        ],
    );
    let evaluation = as_of(&plan, &figures, 6);
    assert!(!evaluation.is_final);
    assert_eq!(evaluation.period, p("2020H1"));
    assert_eq!(
        words(&evaluation.warnings),
        ["t.csv:5: the figure for `甲` for 2020-07 is later than the period checked (2020H1); not used"]
    );
    let result = &evaluation.results[0];
    assert_eq!(result.actual, Some(Actual::Number(d("4"))));
    // A figure ending in the month checked is used, without a warning.
    let evaluation = as_of(&plan, &figures, 7);
    assert_eq!(words(&evaluation.warnings), Vec::<String>::new());
    assert_eq!(evaluation.results[0].actual, Some(Actual::Number(d("13"))));
    assert_eq!(evaluation.results[0].status, Status::Met);
    assert!(as_of(&plan, &figures, 12).is_final);
    assert!(!as_of(&plan, &figures, 11).is_final);
}

// --- Milestones ----------------------------------------------------------------------------

#[test]
fn a_milestone_done_is_met_in_progress_or_not_done_is_not() {
    let plan = plan("  - id: a\n    name: 甲\n    rule: done\n    source: s\n");
    let state = |progress: Progress, period: &str, last: u8| {
        let figures = figures(
            &plan,
            vec![(
                0,
                period,
                at_line(Some(FigureValue::Progress(progress)), None, 2),
            )],
        );
        let result = first(&plan, &figures, last);
        assert_eq!(result.actual, Some(Actual::Progress(progress)));
        assert_eq!(result.period, Some(p(period)));
        (result.status, result.notes)
    };
    use Status::*;
    assert_eq!(state(Progress::Done, "2020", 12), (Met, vec![]));
    assert_eq!(state(Progress::Done, "2020Q2", 9), (Met, vec![]));
    assert_eq!(
        state(Progress::InProgress, "2020", 12),
        (Unmet, vec![Note::InProgress])
    );
    assert_eq!(
        state(Progress::InProgress, "2020Q3", 9),
        (OnTrack, vec![Note::InProgress])
    );
    assert_eq!(
        state(Progress::NotDone, "2020", 12),
        (Unmet, vec![Note::NotDone])
    );
    assert_eq!(
        state(Progress::NotDone, "2020-09", 9),
        (Behind, vec![Note::NotDone])
    );
    let none = first(&plan, &figures(&plan, vec![]), 12);
    assert_eq!(
        (none.status, none.notes),
        (Missing, vec![Note::NoFigure { year: 2020 }])
    );
}

// --- Absolute rules: at year end, level figures, cumulative pace -------------------------

#[test]
fn at_year_end_a_value_exactly_at_the_target_meets_at_least_and_not_more_than() {
    let rd = one("%", "at_least\n    value: \"2.20\"", "level");
    let result = first(&rd, &numbers(&rd, &[("2020", "2.2")]), 12);
    assert_eq!(result.status, Status::Met);
    assert_eq!(
        result.threshold.unwrap().to_string(),
        "2.20",
        "as the plan writes it"
    );
    assert_eq!(result.expected.unwrap().to_string(), "2.20");
    assert_eq!(result.gap.unwrap().to_string(), "0.00");
    assert_eq!(result.share.unwrap().to_string(), "100.0");
    assert_eq!(result.notes, []);
    assert_eq!(status_of(&rd, &[("2020", "2.19")], 12), Status::Unmet);
    let turnover = one("亿元", "more_than\n    value: \"1200\"", "cumulative");
    let result = first(&turnover, &numbers(&turnover, &[("2020", "1200")]), 12);
    assert_eq!(result.status, Status::Unmet);
    assert_eq!(result.gap.unwrap().to_string(), "0");
    assert_eq!(
        status_of(&turnover, &[("2020", "1200.01")], 12),
        Status::Met
    );
    let cap = one("%", "at_most\n    value: \"5\"", "level");
    assert_eq!(status_of(&cap, &[("2020", "5.0")], 12), Status::Met);
    assert_eq!(status_of(&cap, &[("2020", "5.01")], 12), Status::Unmet);
    let below = one("%", "less_than\n    value: \"5\"", "level");
    assert_eq!(status_of(&below, &[("2020", "5")], 12), Status::Unmet);
    assert_eq!(status_of(&below, &[("2020", "4.9")], 12), Status::Met);
    let share = |plan: &Plan, value: &str| {
        first(plan, &numbers(plan, &[("2020", value)]), 12)
            .share
            .map(|s| s.to_string())
    };
    assert_eq!(share(&turnover, "1758.72").as_deref(), Some("146.6"));
    assert_eq!(share(&cap, "4").as_deref(), None, "no share of a cap");
}

#[test]
fn a_level_figure_is_judged_as_it_is_before_year_end_and_its_age_is_noted() {
    let rd = one("%", "at_least\n    value: \"2.20\"", "level");
    let result = first(&rd, &numbers(&rd, &[("2020Q3", "2.20")]), 9);
    assert_eq!(
        (result.status, result.expected.map(|e| e.to_string())),
        (Status::OnTrack, Some("2.20".into())),
        "no proration of a level"
    );
    assert_eq!(result.notes, []);
    assert_eq!(status_of(&rd, &[("2020Q3", "2.19")], 9), Status::Behind);
    assert_eq!(status_of(&rd, &[("2020-09", "2.3")], 9), Status::OnTrack);
    // The latest figure by September is June's: used, and said to be older.
    let result = first(&rd, &numbers(&rd, &[("2020H1", "2.3")]), 9);
    assert_eq!(result.status, Status::OnTrack);
    assert_eq!(result.period, Some(p("2020H1")));
    assert_eq!(
        result.notes,
        [Note::Stale {
            period: p("2020H1")
        }]
    );
    // A cumulative figure for the year so far is never stale.
    let labs = one("个", "at_least\n    value: \"30\"", "cumulative");
    let result = first(&labs, &numbers(&labs, &[("2020H1", "30")]), 6);
    assert_eq!(result.notes, []);
}

#[test]
fn a_cumulative_figure_before_year_end_is_held_to_the_months_elapsed() {
    // 30 a year, no profile: 22.5 by September.
    let labs = one("个", "at_least\n    value: \"30\"", "cumulative");
    let by_september = |value: &str| {
        let result = first(&labs, &numbers(&labs, &[("2020-01/2020-09", value)]), 9);
        (
            result.status,
            result.expected.map(|e| e.to_string()),
            result.gap.map(|g| g.to_string()),
            result.threshold.map(|t| t.to_string()),
            result.share.map(|s| s.to_string()),
        )
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        by_september("22.5"),
        (
            Status::OnTrack,
            some("22.50"),
            some("0.00"),
            some("30"),
            some("75.0")
        )
    );
    assert_eq!(
        by_september("22"),
        (
            Status::Behind,
            some("22.50"),
            some("-0.50"),
            some("30"),
            some("73.3")
        )
    );
    assert_eq!(
        by_september("30"),
        (
            Status::Met,
            some("22.50"),
            some("7.50"),
            some("30"),
            some("100.0")
        ),
        "reached early is met for good"
    );
    // 超过 is strict: reaching the year's value by September is on track, not met.
    let turnover = one("亿元", "more_than\n    value: \"30\"", "cumulative");
    assert_eq!(
        status_of(&turnover, &[("2020-01/2020-09", "30")], 9),
        Status::OnTrack
    );
    assert_eq!(
        status_of(&turnover, &[("2020-01/2020-09", "30.1")], 9),
        Status::Met
    );
    assert_eq!(
        status_of(&turnover, &[("2020-01/2020-09", "22.4")], 9),
        Status::Behind
    );
}

#[test]
fn a_cumulative_cap_passed_early_is_unmet_for_good() {
    // At most 30 a year: 22.5 by September.
    let cap = one("亿元", "at_most\n    value: \"30\"", "cumulative");
    let by_september = |value: &str| status_of(&cap, &[("2020-01/2020-09", value)], 9);
    assert_eq!(by_september("22.5"), Status::OnTrack);
    assert_eq!(by_september("20"), Status::OnTrack);
    assert_eq!(by_september("22.6"), Status::Behind);
    assert_eq!(
        by_september("30"),
        Status::Behind,
        "at the cap, still within it"
    );
    assert_eq!(by_september("30.01"), Status::Unmet);
    let below = one("亿元", "less_than\n    value: \"30\"", "cumulative");
    let by_september = |value: &str| status_of(&below, &[("2020-01/2020-09", value)], 9);
    assert_eq!(
        by_september("30"),
        Status::Unmet,
        "低于 30 can no longer be met"
    );
    assert_eq!(by_september("29.99"), Status::Behind);
    assert_eq!(by_september("22.5"), Status::OnTrack);
    let result = first(&below, &numbers(&below, &[("2020-01/2020-09", "20")]), 9);
    assert_eq!(result.share, None);
    assert_eq!(result.expected.unwrap().to_string(), "22.50");
}

#[test]
fn a_cumulative_range_before_year_end() {
    // 40 to 60 a year: 20 to 30 by June.
    let range = one(
        "项",
        "between\n    min: \"40\"\n    max: \"60\"",
        "cumulative",
    );
    let by_june = |value: &str| {
        let result = first(&range, &numbers(&range, &[("2020H1", value)]), 6);
        (
            result.status,
            result.expected.map(|e| e.to_string()),
            result.gap.map(|g| g.to_string()),
        )
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(by_june("20"), (Status::OnTrack, some("20.00"), some("0")));
    assert_eq!(by_june("30"), (Status::OnTrack, some("20.00"), some("0")));
    assert_eq!(by_june("25"), (Status::OnTrack, some("20.00"), some("0")));
    assert_eq!(
        by_june("19"),
        (Status::Behind, some("20.00"), some("-1.00"))
    );
    assert_eq!(by_june("31"), (Status::Behind, some("20.00"), some("1.00")));
    assert_eq!(
        by_june("60"),
        (Status::Behind, some("20.00"), some("30.00"))
    );
    assert_eq!(by_june("61"), (Status::Unmet, some("20.00"), some("31.00")));
    // At year end, the range itself.
    let at_year_end = |value: &str| status_of(&range, &[("2020", value)], 12);
    assert_eq!(at_year_end("40"), Status::Met);
    assert_eq!(at_year_end("60"), Status::Met);
    assert_eq!(at_year_end("39"), Status::Unmet);
    assert_eq!(at_year_end("60.5"), Status::Unmet);
}

#[test]
fn a_seasonal_profile_sets_the_pace() {
    // 10%, 20%, 25% and 45% of the year's 1200 by quarter: 360 by June, 460 by July.
    let turnover = one(
        "亿元",
        "at_least\n    value: \"1200\"\n    profile: [\"10\", \"20\", \"25\", \"45\"]\n    profile_source: s",
        "cumulative",
    );
    let expected = |last: u8, value: &str| {
        let period = Period::to_date(2020, last).unwrap().to_string();
        let result = first(&turnover, &numbers(&turnover, &[(&period, value)]), last);
        (result.status, result.expected.unwrap().to_string())
    };
    assert_eq!(expected(6, "360"), (Status::OnTrack, "360.00".into()));
    assert_eq!(expected(6, "359.99"), (Status::Behind, "360.00".into()));
    assert_eq!(expected(7, "460"), (Status::OnTrack, "460.00".into()));
    assert_eq!(expected(3, "119"), (Status::Behind, "120.00".into()));
}

// --- Relative rules: baselines, reported growth rates, warnings ---------------------------

fn with_change(value: Option<&str>, change: &str, line: u64) -> Figure {
    at_line(value.and_then(num), Some(change), line)
}

#[test]
fn growth_exactly_at_the_target_is_met_against_the_baseline_years_figure() {
    let firms = one("家", "growth_at_least\n    value: \"20\"", "level");
    let result = first(
        &firms,
        &numbers(&firms, &[("2019", "4365"), ("2020", "5238")]),
        12,
    );
    assert_eq!(result.status, Status::Met);
    assert_eq!(result.basis, Some(Basis::Baseline));
    assert_eq!(
        result.baseline,
        Some(BaselineUsed {
            value: d("4365"),
            period: Some(Period::year(2019)),
            from: BaselineFrom::Data(Location::line("t.csv", 2)),
        })
    );
    assert_eq!(result.growth.unwrap().to_string(), "20.00");
    assert_eq!(result.threshold.unwrap().to_string(), "5238");
    assert_eq!(result.expected.unwrap().to_string(), "5238");
    assert_eq!(result.gap.unwrap().to_string(), "0");
    assert_eq!(result.share.unwrap().to_string(), "100.0");
    let result = first(
        &firms,
        &numbers(&firms, &[("2019", "4365"), ("2020", "5237")]),
        12,
    );
    assert_eq!(result.status, Status::Unmet);
    assert_eq!(result.growth.unwrap().to_string(), "19.98");
    assert_eq!(result.gap.unwrap().to_string(), "-1");
}

#[test]
fn the_plans_baseline_stands_in_for_a_missing_figure_only() {
    let firms = one(
        "家",
        "growth_at_least\n    value: \"20\"\n    baseline:\n      value: \"4000\"\n      source: 统计公报",
        "level",
    );
    let result = first(&firms, &numbers(&firms, &[("2020", "4800")]), 12);
    assert_eq!(result.status, Status::Met);
    assert_eq!(
        result.baseline,
        Some(BaselineUsed {
            value: d("4000"),
            period: None,
            from: BaselineFrom::Plan("统计公报".into()),
        })
    );
    let result = first(
        &firms,
        &numbers(&firms, &[("2019", "4365"), ("2020", "4800")]),
        12,
    );
    assert_eq!(
        result.status,
        Status::Unmet,
        "the data's 4365, not the plan's 4000"
    );
    assert_eq!(result.baseline.unwrap().value, d("4365"));
}

#[test]
fn without_a_positive_baseline_growth_is_not_judged() {
    let firms = one("家", "growth_at_least\n    value: \"20\"", "level");
    let result = first(&firms, &numbers(&firms, &[("2020", "5238")]), 12);
    assert_eq!(result.status, Status::Missing);
    assert_eq!(result.notes, [Note::NoBaseline { year: Some(2019) }]);
    assert_eq!(result.actual, Some(Actual::Number(d("5238"))));
    let result = first(
        &firms,
        &numbers(&firms, &[("2019", "0"), ("2020", "5")]),
        12,
    );
    assert_eq!(result.status, Status::Unmet);
    assert_eq!(result.notes, [Note::BaselineNotPositive]);
    assert_eq!(result.growth, None);
}

#[test]
fn before_year_end_the_same_months_of_the_year_before_are_the_baseline() {
    // Double the year before, cumulative: the first half against 2019's first half.
    let contracts = one("项", "ratio_at_least\n    value: \"2\"", "cumulative");
    fn rows(h1: &str) -> [(&str, &str); 3] {
        [("2019", "40"), ("2019H1", "10"), ("2020H1", h1)]
    }
    let result = first(&contracts, &numbers(&contracts, &rows("20")), 6);
    assert_eq!(result.status, Status::OnTrack);
    assert_eq!(result.baseline.as_ref().unwrap().value, d("10"));
    assert_eq!(result.baseline.as_ref().unwrap().period, Some(p("2019H1")));
    assert_eq!(result.expected.unwrap().to_string(), "20");
    assert_eq!(result.gap.unwrap().to_string(), "0");
    assert_eq!(
        result.threshold.unwrap().to_string(),
        "80",
        "the year's level"
    );
    assert_eq!(result.share.unwrap().to_string(), "25.0");
    let result = first(&contracts, &numbers(&contracts, &rows("19")), 6);
    assert_eq!(result.status, Status::Behind);
    assert_eq!(result.gap.unwrap().to_string(), "-1");
    // Twice 2019's whole year by June is met for good.
    assert_eq!(
        first(&contracts, &numbers(&contracts, &rows("80")), 6).status,
        Status::Met
    );
    // Without 2019's first half: 2019's year, prorated (80 a year, 40 by June).
    let prorated = |h1: &str| {
        let result = first(
            &contracts,
            &numbers(&contracts, &[("2019", "40"), ("2020H1", h1)]),
            6,
        );
        (result.status, result.expected.map(|e| e.to_string()))
    };
    assert_eq!(prorated("40"), (Status::OnTrack, Some("40.00".into())));
    assert_eq!(prorated("39"), (Status::Behind, Some("40.00".into())));
    assert_eq!(prorated("80"), (Status::Met, Some("40.00".into())));
}

#[test]
fn before_year_end_a_reported_growth_rate_judges_when_the_same_months_are_missing() {
    let contracts = one("项", "ratio_at_least\n    value: \"2\"", "cumulative");
    fn by_rate<'p>(contracts: &'p Plan, change: &str, h1: &str) -> TargetResult<'p> {
        let figures = figures(
            contracts,
            vec![
                (0, "2019", at_line(num("40"), None, 2)),
                (0, "2020H1", with_change(Some(h1), change, 3)),
            ],
        );
        first(contracts, &figures, 6)
    }
    let by_rate = |change, h1| by_rate(&contracts, change, h1);
    let result = by_rate("100", "30");
    assert_eq!(result.status, Status::OnTrack);
    assert_eq!(result.basis, Some(Basis::ReportedGrowth));
    assert_eq!(result.baseline, None);
    assert_eq!(result.growth, Some(d("100")));
    assert_eq!(result.reported_growth, Some(d("100")));
    assert_eq!(result.threshold.unwrap().to_string(), "100");
    assert_eq!(result.expected.unwrap().to_string(), "100");
    assert_eq!(result.gap.unwrap().to_string(), "0");
    assert_eq!(
        result.share.unwrap().to_string(),
        "37.5",
        "30 of the year's 80"
    );
    assert_eq!(result.notes, [Note::ReportedGrowth(d("100"))]);
    let result = by_rate("99.9", "30");
    assert_eq!(result.status, Status::Behind);
    assert_eq!(result.gap.unwrap().to_string(), "-0.1");
    // The year's level reached already is met, whatever the rate.
    assert_eq!(by_rate("50", "80").status, Status::Met);
    assert_eq!(by_rate("50", "79").status, Status::Behind);
}

#[test]
fn a_growth_rate_alone_judges_a_relative_target_and_not_an_absolute_one() {
    let firms = one("家", "growth_at_least\n    value: \"20\"", "cumulative");
    fn alone<'p>(plan: &'p Plan, period: &str, change: &str, last: u8) -> TargetResult<'p> {
        let figures = figures(plan, vec![(0, period, with_change(None, change, 2))]);
        first(plan, &figures, last)
    }
    let result = alone(&firms, "2020", "20", 12);
    assert_eq!(result.status, Status::Met);
    assert_eq!(result.basis, Some(Basis::ReportedGrowth));
    assert_eq!(result.period, Some(Period::year(2020)));
    assert_eq!(result.actual, None);
    assert_eq!(result.share, None, "no level, no share");
    assert_eq!(result.notes, [Note::ReportedGrowth(d("20"))]);
    assert_eq!(alone(&firms, "2020", "19.9", 12).status, Status::Unmet);
    assert_eq!(alone(&firms, "2020H1", "25", 6).status, Status::OnTrack);
    assert_eq!(alone(&firms, "2020H1", "19", 6).status, Status::Behind);
    // A cumulative target's rate must be for the year so far, not one quarter.
    let result = alone(&firms, "2020Q2", "25", 6);
    assert_eq!(result.status, Status::Missing);
    // A level target's rate may be for any period ending in the month checked.
    let level = one("家", "growth_at_least\n    value: \"20\"", "level");
    let result = alone(&level, "2020Q2", "25", 6);
    assert_eq!(result.status, Status::OnTrack);
    assert_eq!(result.period, Some(p("2020Q2")));
    assert_eq!(alone(&level, "2020Q1", "25", 6).status, Status::Missing);
    // Of a month's and a quarter's rate for a level target, the longer period's counts.
    let figures = figures(
        &level,
        vec![
            (0, "2020-06", with_change(None, "10", 2)),
            (0, "2020Q2", with_change(None, "25", 3)),
        ],
    );
    let result = first(&level, &figures, 6);
    assert_eq!(
        (result.status, result.period),
        (Status::OnTrack, Some(p("2020Q2")))
    );
    // An absolute target cannot be judged by a rate.
    let labs = one("个", "at_least\n    value: \"30\"", "cumulative");
    let result = alone(&labs, "2020", "25", 12);
    assert_eq!(result.status, Status::Missing);
    assert_eq!(result.notes, [Note::OnlyGrowthRate]);
}

#[test]
fn a_qualitative_target_says_so_when_it_has_a_figure() {
    let up = one("%", "increase\n    wording: 明显提升", "level");
    let result = first(&up, &numbers(&up, &[("2019", "5"), ("2020", "5.1")]), 12);
    assert_eq!(result.status, Status::Met);
    assert_eq!(
        result.notes,
        [Note::Qualitative {
            wording: Some("明显提升".into()),
            lower_is_better: false
        }]
    );
    assert_eq!(
        status_of(&up, &[("2019", "5"), ("2020", "5.0")], 12),
        Status::Unmet
    );
    let rank = one("位", "decrease", "level");
    let result = first(
        &rank,
        &numbers(&rank, &[("2019", "12"), ("2020", "11")]),
        12,
    );
    assert_eq!(result.status, Status::Met);
    assert_eq!(
        result.notes,
        [Note::Qualitative {
            wording: None,
            lower_is_better: true
        }]
    );
    assert_eq!(
        status_of(&rank, &[("2019", "12"), ("2020", "12")], 12),
        Status::Unmet
    );
    // No figure: missing, and nothing qualitative to say.
    let result = first(&rank, &numbers(&rank, &[("2019", "12")]), 12);
    assert_eq!(result.notes, [Note::NoFigure { year: 2020 }]);
}

#[test]
fn a_reported_rate_that_disagrees_with_the_figures_warns() {
    let firms = one("家", "growth_at_least\n    value: \"20\"", "level");
    let warnings = |plan: &Plan, base: &str, change: &str, value: &str| {
        let figures = figures(
            plan,
            vec![
                (0, "2019", at_line(num(base), None, 2)),
                (0, "2020", with_change(Some(value), change, 3)),
            ],
        );
        words(&as_of(plan, &figures, 12).warnings)
    };
    assert_eq!(
        warnings(&firms, "4368", "40", "6198"),
        ["t.csv:3: reported growth 40% for `甲` disagrees with 4368 -> 6198 (41.90%); the check used the figures"]
    );
    // Equal at the reported rate's precision: 41.9 and 41.90 are 41.895...
    assert_eq!(
        warnings(&firms, "4368", "41.9", "6198"),
        Vec::<String>::new()
    );
    assert_eq!(warnings(&firms, "4368", "42", "6198"), Vec::<String>::new());
    // A percentage's change is in points, not a rate.
    let share = one("%", "increase", "level");
    assert_eq!(warnings(&share, "60", "2", "62"), Vec::<String>::new());
    // A percentage below 1 against a baseline of 1 or more looks like a fraction.
    let share = one("%", "increase", "level");
    let figures = numbers(&share, &[("2019", "2.1"), ("2020", "0.5")]);
    assert_eq!(
        words(&as_of(&share, &figures, 12).warnings),
        ["t.csv:3: 0.5 for `甲` (baseline 2.1%) looks like a fraction; if it means 50%, write 50 or 50%"]
    );
    for (base, value) in [("2.1", "0"), ("2.1", "1"), ("0.9", "0.5"), ("2.1", "-1.5")] {
        let figures = numbers(&share, &[("2019", base), ("2020", value)]);
        assert_eq!(
            words(&as_of(&share, &figures, 12).warnings),
            Vec::<String>::new(),
            "{base} {value}"
        );
    }
    let figures = numbers(&share, &[("2019", "-2.1"), ("2020", "-0.5")]);
    assert_eq!(
        as_of(&share, &figures, 12).warnings.len(),
        1,
        "negative: by size"
    );
    let count = one("家", "increase", "level");
    let figures = numbers(&count, &[("2019", "2.1"), ("2020", "0.5")]);
    assert_eq!(
        words(&as_of(&count, &figures, 12).warnings),
        Vec::<String>::new(),
        "not a percentage"
    );
}

// --- No figure for the months checked, unsaved formulas, converted figures -----------------

#[test]
fn a_flow_that_reached_its_level_by_an_earlier_month_stays_met() {
    let labs = one("个", "at_least\n    value: \"30\"", "cumulative");
    let result = first(
        &labs,
        &numbers(&labs, &[("2020Q1", "12"), ("2020Q2", "18")]),
        9,
    );
    assert_eq!(result.status, Status::Met);
    assert_eq!(result.actual, Some(Actual::Number(d("30"))));
    assert_eq!(result.period, Some(p("2020H1")));
    assert_eq!(result.threshold.unwrap().to_string(), "30");
    assert_eq!(
        result.notes,
        [Note::ReachedBy {
            period: p("2020H1")
        }]
    );
    // Not reached: the months without a figure are named.
    let result = first(
        &labs,
        &numbers(&labs, &[("2020Q1", "12"), ("2020Q2", "17")]),
        9,
    );
    assert_eq!(result.status, Status::Missing);
    assert_eq!(
        result.notes,
        [Note::NotCovered {
            wanted: p("2020-01/2020-09"),
            gap: Some(p("2020Q3"))
        }]
    );
    // 超过 is strict here too: 30 by June is not more than 30.
    let more = one("个", "more_than\n    value: \"30\"", "cumulative");
    let result = first(
        &more,
        &numbers(&more, &[("2020Q1", "12"), ("2020Q2", "18")]),
        9,
    );
    assert_eq!(result.status, Status::Missing);
    let result = first(
        &more,
        &numbers(&more, &[("2020Q1", "12"), ("2020Q2", "19")]),
        9,
    );
    assert_eq!(result.status, Status::Met);
    // A cap reached early is no news: missing.
    let cap = one("个", "at_most\n    value: \"30\"", "cumulative");
    let result = first(&cap, &numbers(&cap, &[("2020Q1", "1")]), 9);
    assert_eq!(result.status, Status::Missing);
    // A doubling reached by June, against 2019's year.
    let contracts = one("项", "ratio_at_least\n    value: \"2\"", "cumulative");
    let rows = [("2019", "40"), ("2020H1", "80")];
    let result = first(&contracts, &numbers(&contracts, &rows), 12);
    assert_eq!(result.status, Status::Met);
    assert_eq!(
        result.notes,
        [Note::ReachedBy {
            period: p("2020H1")
        }]
    );
    let rows = [("2019", "40"), ("2020H1", "79")];
    assert_eq!(
        first(&contracts, &numbers(&contracts, &rows), 12).status,
        Status::Missing
    );
}

#[test]
fn what_a_missing_figure_is_said_to_miss() {
    let labs = one("个", "at_least\n    value: \"30\"", "cumulative");
    let notes = |plan: &Plan, rows: &[(&str, &str)], last: u8| {
        first(plan, &numbers(plan, rows), last).notes
    };
    assert_eq!(
        notes(&labs, &[("2019", "30")], 12),
        [Note::NoFigure { year: 2020 }]
    );
    // Nothing at all from January: the gap is all the months wanted, so not repeated.
    assert_eq!(
        notes(&labs, &[("2020-10", "30")], 9),
        [Note::NotCovered {
            wanted: p("2020-01/2020-09"),
            gap: None
        }]
    );
    assert_eq!(
        notes(&labs, &[("2020Q1", "3"), ("2020Q3", "3")], 9),
        [Note::NotCovered {
            wanted: p("2020-01/2020-09"),
            gap: Some(p("2020Q2"))
        }]
    );
    // A level figure is not made of parts: no gap.
    let rd = one("%", "at_least\n    value: \"2.20\"", "level");
    assert_eq!(
        notes(&rd, &[("2020-10", "2.3")], 9),
        [Note::NotCovered {
            wanted: p("2020-01/2020-09"),
            gap: None
        }]
    );
}

#[test]
fn a_formula_without_a_saved_value_leaves_the_target_unjudged() {
    let unsaved = |value: &str, line: u64| Figure {
        unsaved: Some(Location::at("t.xlsx", line, 3)),
        ..at_line(num(value), None, line)
    };
    let labs = one("个", "at_least\n    value: \"30\"", "cumulative");
    let check = |plan: &Plan, rows: Vec<(usize, &str, Figure)>, last: u8| {
        let result = first(plan, &figures(plan, rows), last);
        (result.status, result.notes)
    };
    let formula = |line| Note::UnsavedFormula {
        at: Location::at("t.xlsx", line, 3),
    };
    assert_eq!(
        check(
            &labs,
            vec![
                (0, "2020Q1", unsaved("0", 2)),
                (0, "2020Q2", at_line(num("40"), None, 3))
            ],
            6
        ),
        (Status::Missing, vec![formula(2)])
    );
    // After the period checked, or the year before for an absolute rule: not needed.
    let rows = vec![
        (0, "2019", unsaved("0", 2)),
        (0, "2020H1", at_line(num("40"), None, 3)),
        (0, "2020Q3", unsaved("0", 4)),
    ];
    assert_eq!(check(&labs, rows, 6).0, Status::Met);
    // The baseline year's, for a relative rule: needed.
    let contracts = one("项", "ratio_at_least\n    value: \"2\"", "cumulative");
    let rows = vec![
        (0, "2019", unsaved("0", 2)),
        (0, "2020", at_line(num("40"), None, 3)),
    ];
    assert_eq!(
        check(&contracts, rows, 12),
        (Status::Missing, vec![formula(2)])
    );
    let rows = vec![
        (0, "2018", unsaved("0", 2)),
        (0, "2019", at_line(num("20"), None, 3)),
        (0, "2020", at_line(num("40"), None, 4)),
    ];
    assert_eq!(check(&contracts, rows, 12).0, Status::Met);
}

#[test]
fn a_converted_figure_says_from_which_unit() {
    let turnover = one("亿元", "more_than\n    value: \"1200\"", "cumulative");
    let figure = Figure {
        converted_from: Some("万元".into()),
        ..at_line(num("1758.72"), None, 2)
    };
    let result = first(
        &turnover,
        &figures(&turnover, vec![(0, "2020", figure)]),
        12,
    );
    assert_eq!(result.status, Status::Met);
    assert_eq!(result.notes, [Note::ConvertedFrom("万元".into())]);
}

#[test]
fn growth_is_shown_for_growth_rules_compared_as_they_are() {
    let growth = |rule: &str, accrual: &str, rows: &[(&str, &str)], last: u8| {
        let plan = one("家", rule, accrual);
        first(&plan, &numbers(&plan, rows), last)
            .growth
            .map(|g| g.to_string())
    };
    let twenty = "growth_at_least\n    value: \"20\"";
    let year = [("2019", "40"), ("2020", "50")];
    assert_eq!(growth(twenty, "level", &year, 12).as_deref(), Some("25.00"));
    // Against the same months of the year before, before year end.
    let h1 = [("2019H1", "40"), ("2020H1", "50")];
    assert_eq!(
        growth(twenty, "cumulative", &h1, 6).as_deref(),
        Some("25.00")
    );
    // A half year against a whole year is no growth rate.
    let prorated = [("2019", "40"), ("2020H1", "30")];
    assert_eq!(growth(twenty, "cumulative", &prorated, 6), None);
    // Other relative rules show no growth.
    for rule in ["ratio_at_least\n    value: \"2\"", "increase"] {
        assert_eq!(growth(rule, "level", &year, 12), None, "{rule}");
    }
}

#[test]
fn only_a_flow_is_met_early_and_only_a_higher_is_better_one_shows_a_share() {
    // A level can still fall: past the year's level by September is on track, not met.
    let firms = one("家", "growth_at_least\n    value: \"20\"", "level");
    let rows = [("2019", "4365"), ("2020Q3", "6000")];
    assert_eq!(status_of(&firms, &rows, 9), Status::OnTrack);
    let by_rate = |plan: &Plan, base: &str, change: &str| {
        let figures = figures(
            plan,
            vec![
                (0, "2019", at_line(num(base), None, 2)),
                (0, "2020H1", with_change(Some("30"), change, 3)),
            ],
        );
        let result = first(plan, &figures, 6);
        (result.status, result.share.map(|s| s.to_string()))
    };
    let level = one("家", "growth_at_least\n    value: \"20\"", "level");
    assert_eq!(
        by_rate(&level, "20", "25"),
        (Status::OnTrack, Some("125.0".into())),
        "judged as it is, 30 of 24"
    );
    // A decrease judged by its rate has no share of a level; nor has a zero baseline.
    let fewer = one("项", "decrease", "cumulative");
    assert_eq!(by_rate(&fewer, "40", "-10"), (Status::OnTrack, None));
    let contracts = one("项", "ratio_at_least\n    value: \"2\"", "cumulative");
    assert_eq!(by_rate(&contracts, "0", "50"), (Status::Behind, None));
}

/// A real bug that a mutant led to: with a baseline of zero, 2 × 0 = 0 was "the year's level",
/// so any figure had "reached" it and was met early, though doubling from zero is undefined and
/// the same figure judged directly is unmet.
#[test]
fn no_level_is_reached_early_from_a_zero_baseline() {
    for rule in [
        "ratio_at_least\n    value: \"2\"",
        "growth_at_least\n    value: \"20\"",
    ] {
        let plan = one("项", rule, "cumulative");
        // By the reported rate: 50% is not doubling, nor is it met for good.
        let figures = figures(
            &plan,
            vec![
                (0, "2019", at_line(num("0"), None, 2)),
                (0, "2020H1", with_change(Some("30"), "10", 3)),
            ],
        );
        let result = first(&plan, &figures, 6);
        assert_eq!(
            (result.status, result.share),
            (Status::Behind, None),
            "{rule}"
        );
        // At year end with the first half only: missing, not "reached by 2020H1".
        let rows = [("2019", "0"), ("2020H1", "30")];
        let result = first(&plan, &numbers(&plan, &rows), 12);
        assert_eq!(result.status, Status::Missing, "{rule}");
        assert!(
            matches!(result.notes[..], [Note::NotCovered { .. }]),
            "{rule}"
        );
        // Judged directly, as before: unmet, the baseline said to be the reason.
        let rows = [("2019", "0"), ("2020", "30")];
        let result = first(&plan, &numbers(&plan, &rows), 12);
        assert_eq!(result.status, Status::Unmet);
        assert_eq!(result.notes, [Note::BaselineNotPositive]);
        let rows = [("2019", "-4"), ("2020H1", "30")];
        assert_eq!(
            status_of(&plan, &rows, 12),
            Status::Missing,
            "{rule}, negative"
        );
    }
}

#[test]
fn an_increase_from_zero_is_judged_and_shows_no_share_of_zero() {
    let projects = one("项", "increase", "cumulative");
    let result = first(
        &projects,
        &numbers(&projects, &[("2019", "0"), ("2020", "5")]),
        12,
    );
    assert_eq!((result.status, result.share), (Status::Met, None));
    assert_eq!(result.threshold.unwrap().to_string(), "0");
    let figures = figures(
        &projects,
        vec![
            (0, "2019", at_line(num("0"), None, 2)),
            (0, "2020H1", with_change(Some("3"), "10", 3)),
        ],
    );
    let result = first(&projects, &figures, 6);
    assert_eq!(
        (result.status, result.share),
        (Status::Met, None),
        "above 0 already"
    );
    assert_eq!(result.basis, Some(Basis::ReportedGrowth));
}

/// Warnings in the English words of the reports.
fn words(warnings: &[crate::warning::Warning]) -> Vec<String> {
    warnings
        .iter()
        .map(|w| crate::render::Lang::En.warning_text(w))
        .collect()
}
