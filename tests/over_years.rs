//! A plan over years (`horizon`), run by the real binary: years before the target year held
//! against the path from the baseline, targets to meet every year, flows summed since a year,
//! baselines of a named year, and aspirations. The classes (every year, since) are checked on
//! many generated targets at once against an independent count written here.

mod common;

use common::{json, plan, result, temp_file};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

const HEAD: &str =
    "title: 测试五年规划\nhorizon: {base: 2015, target: 2020}\nsource: 测试\ntargets:\n";

/// Runs `plan check --format json` on a plan of `targets` (YAML list items) and `csv`, as of
/// `period`; returns the JSON and the exit code.
fn check(targets: &str, csv: &str, period: &str) -> (Value, i32) {
    let plan_file = temp_file("plan.yaml", format!("{HEAD}{targets}"));
    let actuals = temp_file("actuals.csv", format!("indicator,period,value\n{csv}"));
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--period",
        period,
        "--format",
        "json",
    ]);
    assert!(
        run.code == 0 || run.code == 1,
        "check ran: {} {}",
        run.code,
        run.stderr
    );
    (json(&run), run.code)
}

fn target(id: &str, rule: &str, extra: &str) -> String {
    format!(
        "  - id: {id}\n    name: {id}\n    source: 总体目标\n    {rule}\n{}",
        extra
            .lines()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    )
}

/// `count` distinct numbers below `below`, the same every run, always with 0 and `below - 1`.
fn sample(below: usize, count: usize) -> Vec<usize> {
    let mut picked = vec![0, below - 1];
    let mut x: u64 = 0x9E37_79B9;
    while picked.len() < count.min(below) {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let n = (x >> 33) as usize % below;
        if !picked.contains(&n) {
            picked.push(n);
        }
    }
    picked
}

fn status(json: &Value, id: &str) -> String {
    result(json, id)["status"].as_str().unwrap().to_string()
}

#[test]
fn an_interim_year_is_held_against_the_path_and_reached_is_met() {
    let targets = target(
        "rd",
        "rule: at_least\n    value: \"2.5\"",
        "unit: \"%\"\naccrual: level\nbaseline: {value: \"2.06\", source: 公报}",
    );
    // Required: 2.06 -> 2.5 over five years. By 2018 (three years), 2.40 is well on the way,
    // 2.10 is little, 2.00 is backwards, 2.5 has reached the target.
    for (value, status_key, class) in [
        ("2.40", "on_track", Some("substantial")),
        ("2.10", "behind", Some("limited")),
        ("2.00", "behind", Some("deterioration")),
        ("2.5", "met", None),
    ] {
        let (json, code) = check(&targets, &format!("rd,2018,{value}\n"), "2018");
        let r = result(&json, "rd");
        assert_eq!(r["status"], status_key, "{value}");
        assert_eq!(r["progress"]["class"].as_str(), class, "{value}");
        assert_eq!(code, i32::from(status_key == "behind"), "{value}");
    }
}

#[test]
fn a_relative_rule_compares_with_its_baselines_year_not_the_year_before() {
    // 翻一番 against 2015: 2020's 200 is twice 2015's 100, though not twice 2019's 150.
    let targets = target(
        "pct",
        "rule: ratio_at_least\n    value: \"2\"",
        "unit: 亿元\naccrual: level\nbaseline: {value: \"100\", year: 2015, source: 公报}",
    );
    let (json, _) = check(&targets, "pct,2019,150\npct,2020,200\n", "2020");
    assert_eq!(status(&json, "pct"), "met");
    let (json, _) = check(&targets, "pct,2019,150\npct,2020,199.99\n", "2020");
    assert_eq!(status(&json, "pct"), "unmet");
}

#[test]
fn an_annual_plan_compares_with_the_baselines_own_year() {
    let plan_file = temp_file(
        "plan.yaml",
        "title: t\nyear: 2020\nbaseline_period: 2019\nsource: s\ntargets:\n  - id: pct\n    \
         name: pct\n    source: s\n    unit: 件\n    accrual: level\n    rule: ratio_at_least\n    \
         value: \"2\"\n    baseline: {value: \"100\", year: 2015, source: 公报}\n",
    );
    for (csv, want) in [
        // The 2019 row is not the baseline: 2015's is.
        ("pct,2015,100\npct,2019,150\npct,2020,200\n", "met"),
        ("pct,2015,101\npct,2019,50\npct,2020,200\n", "unmet"),
        // Without a 2015 row, the plan's own 2015 baseline.
        ("pct,2019,150\npct,2020,200\n", "met"),
    ] {
        let actuals = temp_file("a.csv", format!("indicator,period,value\n{csv}"));
        let run = plan(&[
            "check",
            "--plan",
            plan_file.to_str().unwrap(),
            actuals.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(status(&json(&run), "pct"), want, "{csv}");
    }
}

/// The status of a target to meet (`at_least 5`, or `more_than 5`) every year, by an
/// independent reading of the rule: any year up to the one checked that fails it fails the
/// target; a year with no figure leaves it missing; else it is met in its last year and on
/// track before.
fn every_year_oracle(values: &[Option<&str>], strict: bool, as_of: usize) -> &'static str {
    let five = Decimal::from(5);
    let years = &values[..=as_of];
    let fails = |v: &str| {
        let v = Decimal::from_str(v).unwrap();
        if strict {
            v <= five
        } else {
            v < five
        }
    };
    if years.iter().flatten().any(|v| fails(v)) {
        "unmet"
    } else if years.iter().any(Option::is_none) {
        "missing"
    } else if as_of == values.len() - 1 {
        "met"
    } else {
        "on_track"
    }
}

#[test]
fn every_year_holds_each_year_of_the_horizon_to_the_rule() {
    // Every sequence of 2016–2020 figures drawn from just below, at (at two scales) and just
    // above the value, or none, for 保持在 5% 以上 and for 超过 5%.
    let choices = [None, Some("4.99"), Some("5"), Some("5.00"), Some("5.01")];
    let mut sequences = Vec::new();
    // A fixed sample of the 3125 sequences (an LCG over them), so a run stays short.
    for n in sample(choices.len().pow(5), 300) {
        let mut k = n;
        let seq: Vec<Option<&str>> = (0..5)
            .map(|_| {
                let c = choices[k % choices.len()];
                k /= choices.len();
                c
            })
            .collect();
        sequences.push(seq);
    }
    let mut targets = String::new();
    let mut csv = String::new();
    for (i, seq) in sequences.iter().enumerate() {
        for rule in ["at_least", "more_than"] {
            let id = format!("{rule}_{i}");
            targets.push_str(&target(
                &id,
                &format!("rule: {rule}\n    value: \"5\""),
                "unit: \"%\"\naccrual: level\nevery_year: true",
            ));
            for (y, v) in seq.iter().enumerate() {
                if let Some(v) = v {
                    csv.push_str(&format!("{id},{},{v}\n", 2016 + y));
                }
            }
        }
    }
    for as_of in 0..5 {
        let (json, _) = check(&targets, &csv, &(2016 + as_of).to_string());
        for (i, seq) in sequences.iter().enumerate() {
            for (rule, strict) in [("at_least", false), ("more_than", true)] {
                let id = format!("{rule}_{i}");
                assert_eq!(
                    status(&json, &id),
                    every_year_oracle(seq, strict, as_of),
                    "{id} {seq:?} as of {}",
                    2016 + as_of
                );
            }
        }
    }
}

#[test]
fn a_year_that_failed_is_named() {
    let targets = target(
        "share",
        "rule: at_least\n    value: \"5\"",
        "unit: \"%\"\naccrual: level\nevery_year: true",
    );
    let (json, code) = check(
        &targets,
        "share,2016,5.1\nshare,2017,4.9\nshare,2018,5.2\n",
        "2018",
    );
    let r = result(&json, "share");
    assert_eq!(r["status"], "unmet");
    assert_eq!(r["period"], "2017");
    assert_eq!(r["actual"], 4.9);
    assert_eq!(r["note"], "not met in 2017 (to be met every year)");
    assert_eq!(code, 1);
    assert_eq!(r["every_year"], true);
}

/// The status of `at_least 2500` summed from 2017 as of `year`'s end, independently: the
/// running total against 2500 at the end, against 2500 × whole years elapsed / 4 before it.
fn since_oracle(flows: &[Option<u32>], year: usize) -> &'static str {
    let counted = &flows[..=year];
    if counted.iter().any(Option::is_none) {
        return "missing";
    }
    let total: u32 = counted.iter().flatten().sum();
    let last = year == flows.len() - 1;
    if total >= 2500 {
        "met"
    } else if last {
        "unmet"
    } else if u64::from(total) * 4 >= 2500 * (year as u64 + 1) {
        "on_track"
    } else {
        "behind"
    }
}

#[test]
fn a_flow_since_a_year_is_summed_across_years_and_paced_over_them() {
    // 累计培育 2500 名以上 from 2017 to 2020: every year's flow drawn so that totals land
    // on, just under and just over each year's due level (625 a year).
    let choices = [None, Some(624), Some(625), Some(626), Some(1300)];
    let mut cases = Vec::new();
    for n in sample(choices.len().pow(4), 250) {
        let mut k = n;
        let flows: Vec<Option<u32>> = (0..4)
            .map(|_| {
                let c = choices[k % choices.len()];
                k /= choices.len();
                c
            })
            .collect();
        cases.push(flows);
    }
    let mut targets = String::new();
    let mut csv = String::new();
    for (i, flows) in cases.iter().enumerate() {
        let id = format!("talent_{i}");
        targets.push_str(&target(
            &id,
            "rule: at_least\n    value: \"2500\"",
            "unit: 名\naccrual: cumulative\nsince: 2017",
        ));
        // A 2016 flow, before the sum starts, never counts.
        csv.push_str(&format!("{id},2016,9999\n"));
        for (y, v) in flows.iter().enumerate() {
            if let Some(v) = v {
                csv.push_str(&format!("{id},{},{v}\n", 2017 + y));
            }
        }
    }
    for year in 0..4 {
        let (json, _) = check(&targets, &csv, &(2017 + year).to_string());
        for (i, flows) in cases.iter().enumerate() {
            let id = format!("talent_{i}");
            assert_eq!(
                status(&json, &id),
                since_oracle(flows, year),
                "{id} {flows:?} as of {}",
                2017 + year
            );
        }
    }
}

#[test]
fn a_flow_since_a_year_shows_what_it_sums_and_paces_part_years() {
    let targets = target(
        "talent",
        "rule: at_least\n    value: \"2500\"",
        "unit: 亿元\naccrual: cumulative\nsince: 2017",
    );
    // By September 2018: 1 + 9/12 of 4 years are due, 2500 × 1.75 / 4 = 1093.75.
    let csv = "talent,2017,600\ntalent,2018-01/2018-09,493.75\n";
    let (json, _) = check(&targets, csv, "2018-09");
    let r = result(&json, "talent");
    assert_eq!(r["status"], "on_track");
    assert_eq!(r["actual"], 1093.75);
    assert_eq!(r["counted_from"], 2017);
    assert_eq!(r["expected"], 1093.75);
    let csv = "talent,2017,600\ntalent,2018-01/2018-09,493.74\n";
    let (json, _) = check(&targets, csv, "2018-09");
    assert_eq!(status(&json, "talent"), "behind");
    // Before the year the sum starts, there is nothing to check yet.
    let (json, _) = check(&targets, "talent,2016,5\n", "2016");
    let r = result(&json, "talent");
    assert_eq!(r["status"], "missing");
    assert_eq!(r["note"], "summed from 2017, which has not begun");
}

#[test]
fn the_table_shows_the_years_a_sum_covers_and_an_aspiration() {
    let targets = format!(
        "{}{}",
        target(
            "talent",
            "rule: at_least\n    value: \"2500\"",
            "unit: 名\naccrual: cumulative\nsince: 2017",
        ),
        target(
            "rank",
            "rule: rank_within\n    value: \"15\"",
            "unit: 位\naccrual: level\naspiration: true",
        )
    );
    let plan_file = temp_file("plan.yaml", format!("{HEAD}{targets}"));
    let actuals = temp_file(
        "a.csv",
        "indicator,period,value\ntalent,2017,600\ntalent,2018,600\ntalent,2019,600\n\
         talent,2020,700\nrank,2020,14\n",
    );
    for (lang, span, strive) in [
        ("en", "2017/2020", "strive for"),
        ("zh", "2017-2020年", "力争"),
    ] {
        let run = plan(&[
            "check",
            "--plan",
            plan_file.to_str().unwrap(),
            actuals.to_str().unwrap(),
            "--wide",
            "--lang",
            lang,
        ]);
        assert!(run.stdout.contains(span), "{lang}: {}", run.stdout);
        assert!(run.stdout.contains(strive), "{lang}: {}", run.stdout);
    }
    let (json, _) = check(
        &targets,
        "talent,2017,600\ntalent,2018,600\ntalent,2019,600\ntalent,2020,700\nrank,2020,14\n",
        "2020",
    );
    assert_eq!(status(&json, "talent"), "met");
    assert_eq!(result(&json, "rank")["aspiration"], true);
    assert_eq!(status(&json, "rank"), "met");
}

#[test]
fn a_rank_before_the_target_year_is_judged_as_a_rank() {
    // 进入前 15 位 from 18th: 15th or better is met early; 17th after two years is behind.
    let targets = target(
        "rank",
        "rule: rank_within\n    value: \"15\"",
        "unit: 位\naccrual: level\nbaseline: {value: \"18\", source: 新华社}",
    );
    for (year, rank, want) in [
        ("2019", "14", "met"),
        ("2019", "15", "met"),
        ("2019", "16", "behind"),
        ("2016", "17", "on_track"),
        ("2017", "17", "behind"),
        ("2017", "19", "behind"),
        ("2020", "16", "unmet"),
        ("2020", "15", "met"),
    ] {
        let (json, _) = check(&targets, &format!("rank,{year},{rank}\n"), year);
        assert_eq!(status(&json, "rank"), want, "{rank} in {year}");
    }
}

#[test]
fn reached_before_the_target_year_is_met_without_a_baseline() {
    // No 2015 figure anywhere: the path cannot be measured, but 60 of 60 is reached.
    let targets = target(
        "staff",
        "rule: at_least\n    value: \"60\"",
        "unit: 人年\naccrual: level",
    );
    let (json, _) = check(&targets, "staff,2019,60\n", "2019");
    assert_eq!(status(&json, "staff"), "met");
    let (json, _) = check(&targets, "staff,2019,59.9\n", "2019");
    let r = result(&json, "staff");
    assert_eq!(r["status"], "missing");
    assert_eq!(
        r["note"],
        "no 2015 figure to compare with; add a 2015 row, a growth rate, or a `baseline` in the plan"
    );
}

#[test]
fn history_of_a_plan_over_years_has_a_column_per_year() {
    let targets = target(
        "rd",
        "rule: at_least\n    value: \"2.5\"",
        "unit: \"%\"\naccrual: level\nbaseline: {value: \"2.06\", source: 公报}",
    );
    let plan_file = temp_file("plan.yaml", format!("{HEAD}{targets}"));
    let actuals = temp_file(
        "a.csv",
        "indicator,period,value\nrd,2016,2.1\nrd,2017,2.15\nrd,2018,2.19\nrd,2019,2.23\nrd,2020,2.4\n",
    );
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--history",
        "--format",
        "json",
    ]);
    let json = json(&run);
    assert_eq!(
        json["periods"],
        serde_json::json!(["2016", "2017", "2018", "2019", "2020"])
    );
}

#[test]
fn figures_after_the_year_checked_draw_one_warning_with_their_count() {
    let targets = format!(
        "{}{}",
        target(
            "rd",
            "rule: at_least\n    value: \"2.5\"",
            "unit: \"%\"\naccrual: level\nbaseline: {value: \"2.06\", source: 公报}",
        ),
        target(
            "pct",
            "rule: at_least\n    value: \"5\"",
            "unit: 亿元\naccrual: level"
        )
    );
    let csv = "rd,2016,2.1\nrd,2017,2.15\nrd,2018,2.19\nrd,2019,2.23\npct,2019,4\n";
    let (json, _) = check(&targets, csv, "2017");
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .filter(|w| w.contains("later than the period checked"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with(
            "the figure for `rd` for 2018 is later than the period checked (2017); not used, nor 2 \
             more later figures"
        ),
        "{}",
        warnings[0]
    );
}
