//! Quarterly data: periods in every form, year-to-date pace (on track / behind) with exact
//! boundaries, seasonal profiles, data-quality warnings, record-level sums, history.

mod common;

use common::{assert_error, json, plan_with_stdin, result};

fn check(args: &[&str], input: &str) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "-", "--format", "json"];
    all.extend_from_slice(args);
    let run = plan_with_stdin(&all, input);
    assert_eq!(run.stderr, "", "no error");
    (run.code, json(&run))
}

#[track_caller]
fn status(json: &serde_json::Value, id: &str) -> String {
    result(json, id)["status"].as_str().unwrap().to_string()
}

#[test]
fn every_period_form_reads() {
    for period in [
        "2020Q3",
        "2020-Q3",
        "2020年三季度",
        "2020年第三季度",
        "2020年前三季度",
        "2020年1-9月",
        "2020年1—9月累计",
        "2020H1",
        "2020年上半年",
        "2020-09",
        "2020年9月",
    ] {
        let input = format!("指标,时期,数值\n全社会R&D经费投入强度,{period},2.3\n");
        let (_, json) = check(&["--allow-missing"], &input);
        assert_eq!(
            result(&json, "rd_intensity")["actual"].to_string(),
            "2.3",
            "{period}"
        );
        assert_eq!(json["final"], false, "{period} is before year end");
    }
}

#[test]
fn cumulative_from_quarters_months_and_year_to_date() {
    // New provincial key labs (30 a year, no profile): by September 22.5 are expected.
    let quarters = "indicator,period,value\nprovincial_key_labs_new,2020Q1,5\nprovincial_key_labs_new,2020Q2,10\nprovincial_key_labs_new,2020Q3,8\n";
    let (_, json) = check(&[], quarters);
    let labs = result(&json, "provincial_key_labs_new");
    assert_eq!(labs["actual"].to_string(), "23");
    assert_eq!(labs["period"], "2020-01/2020-09");
    assert_eq!(labs["expected"].to_string(), "22.50");
    assert_eq!(labs["status"], "on_track");
    assert_eq!(json["period"], "2020-01/2020-09");

    // New incubators (50 a year, no profile): by June 25 are expected, a whole number, so
    // counts of them can sit exactly on the prorated value, and a hair below it.
    let mut months = String::from("indicator,period,value\n");
    for (m, n) in (1..=6).zip([4, 4, 4, 4, 4, 5]) {
        months.push_str(&format!("incubators_new,2020-{m:02},{n}\n"));
    }
    let (_, json) = check(&[], &months);
    assert_eq!(result(&json, "incubators_new")["actual"].to_string(), "25");
    assert_eq!(
        status(&json, "incubators_new"),
        "on_track",
        "exactly at the prorated value"
    );

    let ytd = "indicator,period,value\nincubators_new,2020年1-6月,24\n";
    let (code, json) = check(&[], ytd);
    assert_eq!(
        status(&json, "incubators_new"),
        "behind",
        "one below the prorated value"
    );
    assert_eq!(code, 1, "behind fails like unmet");
    assert_eq!(result(&json, "incubators_new")["gap"].to_string(), "-1.00");
}

#[test]
fn a_cumulative_target_reached_early_is_met() {
    let (_, json) = check(
        &[],
        "indicator,period,value\nprovincial_key_labs_new,2020H1,31\n",
    );
    assert_eq!(status(&json, "provincial_key_labs_new"), "met");
    assert_eq!(
        result(&json, "provincial_key_labs_new")["share_percent"].to_string(),
        "103.3"
    );
}

#[test]
fn technology_contracts_follow_their_seasonal_profile() {
    // Profile 10/20/25/45: by September 55% of 1200 亿元 = 660 are expected, not 900.
    let at = |value: &str| {
        let (_, json) = check(
            &[],
            &format!("indicator,period,value\ntech_contract_turnover,2020年前三季度,{value}\n"),
        );
        let r = result(&json, "tech_contract_turnover").clone();
        (
            r["status"].as_str().unwrap().to_string(),
            r["expected"].to_string(),
        )
    };
    assert_eq!(at("660"), ("on_track".to_string(), "660.00".to_string()));
    assert_eq!(at("659.99").0, "behind");
    // One month into the fourth quarter: 55% + 45% / 3 = 70% of 1200 = 840.
    let (_, json) = check(
        &[],
        "indicator,period,value\ntech_contract_turnover,2020年1-10月,840\n",
    );
    assert_eq!(
        result(&json, "tech_contract_turnover")["expected"].to_string(),
        "840.00"
    );
    assert_eq!(status(&json, "tech_contract_turnover"), "on_track");
}

#[test]
fn level_targets_compare_the_latest_value_with_the_annual_value() {
    let input = "indicator,period,value\nhitech_firms,2019,4368\nhitech_firms,2020Q1,4500\nhitech_firms,2020Q2,5000\nhitech_firms,2020Q3,5300\n";
    let (_, json) = check(&[], input);
    let firms = result(&json, "hitech_firms");
    assert_eq!(
        firms["actual"].to_string(),
        "5300",
        "the latest figure counts"
    );
    assert_eq!(firms["period"], "2020Q3");
    assert_eq!(
        firms["expected"].to_string(),
        "5241.6",
        "the annual level, not prorated"
    );
    assert_eq!(firms["status"], "on_track");
    let (_, json) = check(&["--period", "2020H1"], input);
    assert_eq!(
        status(&json, "hitech_firms"),
        "behind",
        "5000 < 5241.6 at the end of June"
    );
}

#[test]
fn relative_cumulative_targets_use_the_same_months_of_the_baseline_year() {
    let input = "indicator,period,value\nhitech_industry_va,2019年前三季度,700\nhitech_industry_va,2019,1025.6\nhitech_industry_va,2020年前三季度,750\n";
    let (_, json) = check(&[], input);
    let va = result(&json, "hitech_industry_va");
    assert_eq!(va["baseline"].to_string(), "700");
    assert_eq!(va["baseline_period"], "2019-01/2019-09");
    assert_eq!(va["status"], "on_track");
    // Without the same months, the whole baseline year prorated: 1025.6 × 9/12 = 769.2.
    let input = "indicator,period,value\nhitech_industry_va,2019,1025.6\nhitech_industry_va,2020年前三季度,750\n";
    let (_, json) = check(&[], input);
    let va = result(&json, "hitech_industry_va");
    assert_eq!(va["expected"].to_string(), "769.20");
    assert_eq!(va["status"], "behind");
}

#[test]
fn milestones_before_year_end() {
    let input = "indicator,period,value\naward_rules_revised,2020Q2,完成\nplan_14th_fyp,2020Q3,进行中\nreview_misconduct_rules,2020Q3,未完成\n";
    let (_, json) = check(&[], input);
    assert_eq!(status(&json, "award_rules_revised"), "met");
    assert_eq!(status(&json, "plan_14th_fyp"), "on_track");
    assert_eq!(status(&json, "review_misconduct_rules"), "behind");
}

#[test]
fn period_flag_and_later_figures() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020Q1,5\nprovincial_key_labs_new,2020Q2,10\nprovincial_key_labs_new,2020Q3,8\n";
    let (_, json) = check(&["--period", "2020H1"], input);
    assert_eq!(json["period"], "2020H1");
    assert_eq!(
        result(&json, "provincial_key_labs_new")["actual"].to_string(),
        "15"
    );
    assert_eq!(
        json["warnings"][0],
        "<stdin>:4:3: the figure for `新建省重点实验室` for 2020Q3 is later than the period checked \
         (2020H1); not used"
    );
    let run = plan_with_stdin(&["check", "-", "--period", "2019Q3"], input);
    assert_error(
        &run,
        "--period: 2019Q3 is not in the plan year 2020; expected a period of 2020",
    );
    let run = plan_with_stdin(&["check", "-", "--period", "三季度"], input);
    assert_error(
        &run,
        "--period: `三季度` is not a period; expected one such as 2020Q3, 2020年1-9月, 2020H1, 2020-09 or 2020",
    );
}

#[test]
fn a_stale_figure_is_missing_as_of_a_later_period() {
    let input =
        "indicator,period,value\nprovincial_key_labs_new,2020Q3,8\nincubators_new,2020H1,30\n";
    let (_, json) = check(&["--allow-missing"], input);
    let incubators = result(&json, "incubators_new");
    assert_eq!(incubators["status"], "missing");
    assert_eq!(
        incubators["note"],
        "no figure covering 2020-01/2020-09: nothing for 2020Q3; add it, or a year-to-date figure"
    );
}

#[test]
fn a_year_to_date_figure_and_its_parts_that_do_not_add_up_is_an_error() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020Q1,5\nprovincial_key_labs_new,2020Q2,10\nprovincial_key_labs_new,2020H1,16\n";
    let run = plan_with_stdin(&["check", "-"], input);
    assert_error(
        &run,
        "<stdin>:4:3: 2020H1 figure for `新建省重点实验室` is 16, but 2020Q1 + 2020Q2 add up to 15; \
         expected figures that add up",
    );
}

#[test]
fn months_that_do_not_add_up_to_their_quarter_draw_a_warning() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020-07,1\nprovincial_key_labs_new,2020-08,2\nprovincial_key_labs_new,2020-09,3\nprovincial_key_labs_new,2020Q3,7\nprovincial_key_labs_new,2020H1,20\n";
    let (code, json) = check(&["--allow-missing"], input);
    assert_eq!(
        json["warnings"][0],
        "<stdin>:5:3: 2020Q3 figure for `新建省重点实验室` is 7, but 2020-07 + 2020-08 + 2020-09 add up \
         to 6; the quarter figure is used"
    );
    assert_eq!(
        result(&json, "provincial_key_labs_new")["actual"].to_string(),
        "27"
    );
    assert_eq!(code, 0, "a warning alone does not fail");
    let run = plan_with_stdin(&["check", "-", "--strict", "--allow-missing"], input);
    assert_eq!(run.code, 1, "--strict makes warnings fail");
}

#[test]
fn a_falling_year_to_date_total_draws_a_warning() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020年1-6月,20\nprovincial_key_labs_new,2020年1-9月,18\n";
    let (_, json) = check(&["--allow-missing"], input);
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(
        warnings,
        ["<stdin>:3:3: the year-to-date figure for `新建省重点实验室` falls from 20 (2020H1) to 18 \
          (2020-01/2020-09)"]
    );
}

#[test]
fn record_level_rows_sum_exactly_to_a_target() {
    // 100,000 contracts of 120 万元 each: exactly 12,000,000 万元 = 1200 亿元, which does not
    // exceed 1200 亿元. Region and contract type columns are ignored.
    let mut input = String::from("indicator,period,region,type,value,unit\n");
    for i in 0..100_000 {
        let month = i % 12 + 1;
        input.push_str(&format!(
            "技术合同成交额,2020-{month:02},西安,技术开发,120,万元\n"
        ));
    }
    let (code, json) = check(&[], &input);
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(turnover["actual"].to_string(), "1200");
    assert_eq!(turnover["status"], "unmet");
    assert_eq!(code, 1);
    input.push_str("技术合同成交额,2020-12,榆林,技术服务,0.01,万元\n");
    let (_, json) = check(&[], &input);
    assert_eq!(
        result(&json, "tech_contract_turnover")["status"],
        "met",
        "one more 0.01 万元 exceeds it"
    );
}

#[test]
fn other_targets_still_take_one_row_per_period() {
    let run = plan_with_stdin(
        &["check", "-"],
        "indicator,period,value\nrd_intensity,2020Q3,2.1\nrd_intensity,2020Q3,2.2\n",
    );
    assert_error(
        &run,
        "<stdin>:3: second figure for `全社会R&D经费投入强度` in 2020Q3; the first is at <stdin>:2; \
         expected one figure per indicator and period",
    );
}

#[test]
fn history_shows_each_period() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020Q1,5\nprovincial_key_labs_new,2020Q2,10\nprovincial_key_labs_new,2020Q3,8\nprovincial_key_labs_new,2020Q4,9\n";
    let run = plan_with_stdin(&["check", "-", "--history", "--format", "json"], input);
    let json = json(&run);
    assert_eq!(
        json["periods"],
        serde_json::json!(["2020Q1", "2020H1", "2020-01/2020-09", "2020"])
    );
    let labs = json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "provincial_key_labs_new")
        .unwrap();
    let statuses: Vec<&str> = labs["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["behind", "on_track", "on_track", "met"]);
    let actuals: Vec<String> = labs["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["actual"].to_string())
        .collect();
    assert_eq!(actuals, ["5", "15", "23", "32"]);
    let table = plan_with_stdin(&["check", "-", "--history", "--lang", "zh"], input);
    assert!(
        table.stdout.contains("| 新建省重点实验室 "),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("5 个 进度滞后"), "{}", table.stdout);
    assert!(table.stdout.contains("32 个 达标"), "{}", table.stdout);
    let table = plan_with_stdin(&["check", "-", "--history", "--lang", "en"], input);
    assert!(table.stdout.contains("5 labs behind"), "{}", table.stdout);
    assert!(table.stdout.contains("32 labs met"), "{}", table.stdout);
}

#[test]
fn a_falling_total_is_found_whatever_the_row_order() {
    // Q1, 1-9月, Q2, Q3 in that order, all consistent: no warning.
    let input = "indicator,period,value\nprovincial_key_labs_new,2020Q1,3\nprovincial_key_labs_new,2020年1-9月,16\nprovincial_key_labs_new,2020Q2,6\nprovincial_key_labs_new,2020Q3,7\n";
    let (_, json) = check(&["--allow-missing"], input);
    assert_eq!(json["warnings"], serde_json::json!([]));
    // Through August 30, through September 27 (a Q3 figure smaller than July and August).
    let input = "indicator,period,value\nprovincial_key_labs_new,2020Q3,7\nprovincial_key_labs_new,2020Q1,10\nprovincial_key_labs_new,2020Q2,10\nprovincial_key_labs_new,2020-07,5\nprovincial_key_labs_new,2020-08,5\n";
    let (_, json) = check(&["--allow-missing"], input);
    let warnings = json["warnings"].to_string();
    assert!(
        warnings.contains("falls from 30 (2020-01/2020-08) to 27 (2020-01/2020-09)"),
        "{warnings}"
    );
}

#[test]
fn history_prints_the_checked_periods_warnings_and_exits_like_the_check() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020Q1,5\nprovincial_key_labs_new,2020Q2,10\nprovincial_key_labs_new,2020Q3,8\n";
    let run = plan_with_stdin(
        &[
            "check",
            "-",
            "--history",
            "--period",
            "2020H1",
            "--allow-missing",
        ],
        input,
    );
    assert!(
        run.stdout
            .contains("later than the period checked (2020H1)"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 0, "on track as of June");
    let strict = plan_with_stdin(
        &[
            "check",
            "-",
            "--history",
            "--period",
            "2020H1",
            "--allow-missing",
            "--strict",
        ],
        input,
    );
    assert_eq!(strict.code, 1, "the warning fails a strict run");
    let json = json(&plan_with_stdin(
        &[
            "check",
            "-",
            "--history",
            "--period",
            "2020",
            "--format",
            "json",
        ],
        input,
    ));
    assert_eq!(
        json["periods"],
        serde_json::json!(["2020Q1", "2020H1", "2020-01/2020-09", "2020"]),
        "the period checked is the last column"
    );
    let nothing = plan_with_stdin(
        &["check", "-", "--history"],
        "indicator,period,value\nrd_intensity,2019,2.1\n",
    );
    assert_eq!(
        nothing.code, 1,
        "everything missing fails, as without --history"
    );
}

#[test]
fn record_level_rows_after_a_growth_only_row_still_add_up() {
    let input = "indicator,period,value,同比增长,unit\n技术合同成交额,2020,,12,万元\n技术合同成交额,2020,6000000,,万元\n技术合同成交额,2020,7000000,,万元\n";
    let (_, json) = check(&["--allow-missing"], input);
    assert_eq!(
        result(&json, "tech_contract_turnover")["actual"].to_string(),
        "1300"
    );
    assert_eq!(result(&json, "tech_contract_turnover")["status"], "met");
}

#[test]
fn a_level_target_takes_the_latest_figure_and_says_how_old_it_is() {
    let input =
        "indicator,period,value\nrd_intensity,2020H1,2.3\nprovincial_key_labs_new,2020年1-9月,25\n";
    let (_, json) = check(&["--allow-missing"], input);
    let rd = result(&json, "rd_intensity");
    assert_eq!(rd["status"], "on_track");
    assert_eq!(rd["period"], "2020H1");
    assert_eq!(rd["note"], "the latest figure is for 2020H1");
    let input = "indicator,period,value\nrd_intensity,2020Q3,2.3\nrd_intensity,2020-09,1.9\n";
    let (_, json) = check(&["--allow-missing"], input);
    assert_eq!(
        result(&json, "rd_intensity")["actual"].to_string(),
        "1.9",
        "the month's figure, the most specific"
    );
    assert!(json["warnings"][0].as_str().unwrap().contains("figures for `全社会R&D经费投入强度` at the same date disagree (2020Q3 2.3, 2020-09 1.9)"), "{}", json["warnings"]);
}

#[test]
fn reaching_the_annual_level_early_holds_against_any_baseline() {
    let input = "indicator,period,value\nhitech_industry_va,2019年前三季度,700\nhitech_industry_va,2019,1000\nhitech_industry_va,2020年前三季度,1100\n";
    let (_, json) = check(&["--allow-missing"], input);
    let va = result(&json, "hitech_industry_va");
    assert_eq!(
        va["status"], "met",
        "1100 already exceeds the whole of 2019"
    );
    assert_eq!(
        va["share_percent"].to_string(),
        "110.0",
        "against the annual level"
    );
    assert_eq!(va["expected"].to_string(), "700", "the same months of 2019");
}

#[test]
fn a_reported_growth_rate_beats_prorating_a_whole_year() {
    // 2019 in total 1000; 2020 through June 480 reported as +12% on the same months.
    let input = "indicator,period,value,同比增长\nhitech_industry_va,2019,1000,\nhitech_industry_va,2020H1,480,12\n";
    let (_, json) = check(&["--allow-missing"], input);
    let va = result(&json, "hitech_industry_va");
    assert_eq!(va["basis"], "reported_growth");
    assert_eq!(
        va["status"], "on_track",
        "prorating 1000 would call 480 behind"
    );
}

#[test]
fn a_mid_year_figure_is_not_a_closing_baseline_for_a_level_target() {
    let input = "indicator,period,value\nhitech_firms,2019H1,4000\nhitech_firms,2020,5000\n";
    let (_, json) = check(&["--allow-missing"], input);
    let firms = result(&json, "hitech_firms");
    assert_eq!(firms["status"], "missing");
    assert_eq!(firms["note"], "no 2019 figure to compare with; add a 2019 row, a growth rate, or a `baseline` in the plan");
}

#[test]
fn a_level_reached_early_stays_met_at_year_end() {
    let input =
        "indicator,period,value\nprovincial_key_labs_new,2020年1-9月,31\nrd_intensity,2020,2.3\n";
    let (_, json) = check(&["--allow-missing"], input);
    assert_eq!(json["final"], true);
    let labs = result(&json, "provincial_key_labs_new");
    assert_eq!(labs["status"], "met");
    assert_eq!(
        labs["note"],
        "the annual level was reached by 2020-01/2020-09"
    );
}

#[test]
fn rows_for_other_years_make_one_warning() {
    let mut input = String::from("indicator,period,value\n");
    for _ in 0..1000 {
        input.push_str("rd_intensity,2018,2.1\n");
    }
    let (_, json) = check(&["--allow-missing"], &input);
    assert_eq!(
        json["warnings"],
        serde_json::json!(["<stdin>:2: period 2018 is neither the plan year 2020 nor the baseline year 2019; row ignored, and 999 more rows for other years"])
    );
}

#[test]
fn months_against_a_quarter_written_as_months() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020-04,1\nprovincial_key_labs_new,2020-05,1\nprovincial_key_labs_new,2020-06,1\nprovincial_key_labs_new,2020年4-6月,4\nprovincial_key_labs_new,2020Q1,2\n";
    let (_, json) = check(&["--allow-missing"], input);
    assert!(json["warnings"][0].as_str().unwrap().contains(
        "2020Q2 figure for `新建省重点实验室` is 4, but 2020-04 + 2020-05 + 2020-06 add up to 3"
    ));
}

#[test]
fn a_milestone_undone_after_done_is_warned_about() {
    let input = "indicator,period,value\naward_rules_revised,2020H1,完成\naward_rules_revised,2020Q3,未完成\n";
    let (_, json) = check(&["--allow-missing"], input);
    assert_eq!(
        status(&json, "award_rules_revised"),
        "behind",
        "the latest report counts"
    );
    assert!(json["warnings"][0].as_str().unwrap().contains(
        "`修订省科学技术奖励办法` is reported not_done for 2020Q3 after being done by 2020H1"
    ));
}

#[test]
fn a_range_on_a_flow_before_year_end() {
    let plan = common::temp_path("between.yaml");
    std::fs::write(&plan, "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: 项\n    rule: between\n    min: \"40\"\n    max: \"60\"\n    accrual: cumulative\n    source: s\n").unwrap();
    let at = |value: &str| {
        let run = plan_with_stdin(
            &[
                "check",
                "--plan",
                plan.to_str().unwrap(),
                "-",
                "--format",
                "json",
            ],
            &format!("indicator,period,value\na,2020H1,{value}\n"),
        );
        result(&json(&run), "a")["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(at("25"), "on_track", "20..30 by June");
    assert_eq!(at("19"), "behind");
    assert_eq!(at("61"), "unmet", "already past the year's maximum");
}

#[test]
fn so_far_this_year_is_year_to_date_never_one_quarter() {
    // 21 new labs by the end of September, of 30 a year: behind (22.5 expected), not a
    // third quarter's 21 (which would be met).
    for period in [
        "2020年三季度累计",
        "2020年1-3季度",
        "2020年三季度末",
        "2020年9月累计",
    ] {
        let input = format!("指标,时期,数值\n新建省重点实验室,{period},21\n");
        let (_, json) = check(&[], &input);
        let labs = result(&json, "provincial_key_labs_new");
        assert_eq!(labs["period"], "2020-01/2020-09", "{period}");
        assert_eq!(labs["status"], "behind", "{period}");
    }
}

/// Under `--lang zh` every warning is Chinese, in every format, with its place; under `en`
/// the same warnings are English. JSON keys do not change.
#[test]
fn warnings_speak_the_reports_language() {
    let input = "indicator,period,value\nprovincial_key_labs_new,2020年1-6月,20\nprovincial_key_labs_new,2020年1-9月,18\nrd_intensity,2020,0.022\n外部,2020,1\n";
    let run = plan_with_stdin(
        &[
            "check",
            "-",
            "--format",
            "json",
            "--allow-missing",
            "--ignore-unknown",
            "--lang",
            "zh",
        ],
        input,
    );
    let json = json(&run);
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(
        warnings,
        [
            "<stdin>:4:3：`全社会R&D经费投入强度` 的 0.022（目标 2.20%）像是小数；如指 2.2%，请填 2.2 或 2.2%",
            "跳过 1 行计划中没有的指标（--ignore-unknown）：`外部`（1 行，在 <stdin>:5:1）",
            "<stdin>:3:3：`新建省重点实验室` 的累计数由 20（2020年上半年）降为 18（2020年1-9月）",
        ]
    );
    for format in ["table", "markdown", "junit", "html"] {
        let run = plan_with_stdin(
            &[
                "check",
                "-",
                "--format",
                format,
                "--allow-missing",
                "--ignore-unknown",
                "--lang",
                "zh",
            ],
            input,
        );
        assert!(
            run.stdout.contains("降为 18（2020年1-9月）"),
            "{format}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("falls from"), "{format}");
    }
    let run = plan_with_stdin(
        &[
            "check",
            "-",
            "--format",
            "table",
            "--allow-missing",
            "--ignore-unknown",
            "--lang",
            "en",
        ],
        input,
    );
    assert!(
        run.stdout.contains("falls from 20 (2020H1) to 18"),
        "{}",
        run.stdout
    );
}
