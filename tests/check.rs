//! `plan check` on good input: statuses at each rule's boundary, exit codes, inputs combined,
//! names matched as people type them, and the example's table and JSON held to snapshots.

mod common;

use common::{json, plan, plan_with_stdin, result};

#[test]
fn example_table_utf8_style() {
    let run = plan(&[
        "check",
        "../../examples/actuals-2020.csv",
        "--style",
        "utf8",
    ]);
    assert!(run.stdout.contains("┌"), "box drawing with --style utf8");
    let ascii = plan(&["check", "../../examples/actuals-2020.csv"]);
    assert!(
        !ascii.stdout.contains("┌") && !ascii.stdout.contains('≥'),
        "ASCII by default"
    );
}

#[test]
fn at_least_is_met_exactly_at_the_target_and_more_than_is_not() {
    let run = plan(&["check", "actuals/boundary.csv", "--format", "json"]);
    let json = json(&run);
    let rd = result(&json, "rd_intensity");
    assert_eq!(rd["status"], "met", "2.2 meets 达到 2.20%");
    assert_eq!(rd["gap"].to_string(), "0.00");
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(turnover["status"], "unmet", "1200 does not exceed 1200");
    assert_eq!(turnover["gap"].to_string(), "0");
}

#[test]
fn relative_rules_use_the_baseline_row() {
    let run = plan(&["check", "actuals/relative.csv", "--format", "json"]);
    let json = json(&run);
    let firms = result(&json, "hitech_firms");
    assert_eq!(firms["status"], "met", "4365 -> 5238 is exactly 20% growth");
    assert_eq!(firms["baseline"].to_string(), "4365");
    assert_eq!(firms["growth_percent"].to_string(), "20.00");
    assert_eq!(firms["baseline_source"], "actuals/relative.csv:2:3");
    assert_eq!(
        result(&json, "sme_platform_contracts")["status"],
        "met",
        "300 -> 600 contracts doubles"
    );
    let amount = result(&json, "sme_platform_amount");
    assert_eq!(amount["status"], "unmet", "0.3 -> 0.59 does not double");
    assert_eq!(amount["gap"].to_string(), "-0.01");
}

#[test]
fn relative_rule_without_a_baseline_is_missing_and_says_why() {
    let run = plan(&["check", "actuals/no-baseline.csv", "--format", "json"]);
    let firms = result(&json(&run), "hitech_firms").clone();
    assert_eq!(firms["status"], "missing");
    assert_eq!(
        firms["note"],
        "no 2019 figure to compare with; add a 2019 row, a growth rate, or a `baseline` in the plan"
    );
}

#[test]
fn baseline_written_in_the_plan() {
    let run = plan(&[
        "check",
        "--plan",
        "plans/baseline-in-plan.yaml",
        "actuals/no-baseline.csv",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let firms = result(&json(&run), "hitech_firms").clone();
    assert_eq!(firms["status"], "met");
    assert_eq!(firms["baseline_source"], "2019年统计公报");
}

#[test]
fn milestone_words() {
    let run = plan(&["check", "actuals/milestones.csv", "--format", "json"]);
    let json = json(&run);
    assert_eq!(result(&json, "award_rules_revised")["status"], "met");
    assert_eq!(result(&json, "award_rules_revised")["actual"], "done");
    assert_eq!(result(&json, "plan_14th_fyp")["status"], "unmet");
    assert_eq!(result(&json, "plan_14th_fyp")["actual"], "in_progress");
    assert_eq!(
        result(&json, "review_misconduct_rules")["actual"],
        "not_done"
    );
}

#[test]
fn exit_codes() {
    // Everything in a small plan met: 0.
    let run = plan(&[
        "check",
        "--plan",
        "plans/minimal.yaml",
        "actuals/part-a.csv",
        "--allow-missing",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // The same with a target missing, without --allow-missing: 1.
    let run = plan(&[
        "check",
        "--plan",
        "plans/minimal.yaml",
        "actuals/part-a.csv",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("1 met · 0 unmet · 1 missing of 2"),
        "{}",
        run.stdout
    );
    // Something unmet fails even with --allow-missing.
    let run = plan(&["check", "actuals/boundary.csv", "--allow-missing"]);
    assert_eq!(run.code, 1);
}

#[test]
fn several_files_are_combined() {
    let run = plan(&[
        "check",
        "actuals/part-a.csv",
        "actuals/part-b.csv",
        "--format",
        "json",
    ]);
    let json = json(&run);
    assert_eq!(result(&json, "rd_intensity")["actual"].to_string(), "2.3");
    assert_eq!(
        result(&json, "tech_contract_turnover")["actual"].to_string(),
        "1300"
    );
    assert_eq!(json["summary"]["met"], 2);
}

#[test]
fn standard_input() {
    let run = plan_with_stdin(
        &["check", "-", "--format", "json"],
        "indicator,period,value\nrd_intensity,2020,2.5\n",
    );
    assert_eq!(result(&json(&run), "rd_intensity")["status"], "met");
}

#[test]
fn chinese_headers_and_years() {
    let run = plan(&["check", "actuals/chinese-header.csv", "--format", "json"]);
    let json = json(&run);
    assert_eq!(result(&json, "rd_intensity")["status"], "met");
    assert_eq!(result(&json, "tech_contract_turnover")["status"], "met");
}

#[test]
fn names_match_across_width_spaces_and_quotes_and_no_period_means_the_plan_year() {
    let run = plan(&["check", "actuals/no-period.csv", "--format", "json"]);
    let json = json(&run);
    assert_eq!(result(&json, "rd_intensity")["actual"].to_string(), "2.42");
    assert_eq!(result(&json, "four_one_platforms_new")["status"], "met");
}

#[test]
fn rows_for_other_years_are_reported_not_dropped_silently() {
    let run = plan(&["check", "actuals/other-year.csv"]);
    assert!(
        run.stdout.contains(
            "warning: actuals/other-year.csv:2: period 2018 is neither the plan year 2020 nor \
             the baseline year 2019; row ignored"
        ),
        "{}",
        run.stdout
    );
    let json = json(&plan(&[
        "check",
        "actuals/other-year.csv",
        "--format",
        "json",
    ]));
    assert_eq!(json["warnings"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_header_only_file_leaves_every_target_missing() {
    let run = plan(&["check", "actuals/header-only.csv", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json = json(&run);
    assert_eq!(json["summary"]["missing"], json["summary"]["total"]);
}

#[test]
fn json_numbers_keep_every_digit() {
    let run = plan_with_stdin(
        &[
            "check",
            "--plan",
            "plans/minimal.yaml",
            "-",
            "--format",
            "json",
        ],
        "indicator,value\nprecise,12345678.123456789\nrd_intensity,2.20\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("\"actual\": 12345678.123456789,"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"target\": 2.20,"), "{}", run.stdout);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = plan(&["check", "actuals/boundary.csv"]);
    assert!(!plain.stdout.contains('\u{1b}'), "no colour into a pipe");
    let coloured = plan(&["check", "actuals/boundary.csv", "--color", "always"]);
    assert!(
        coloured.stdout.contains('\u{1b}'),
        "colour with --color always"
    );
}

#[test]
fn same_input_same_bytes() {
    let a = plan(&[
        "check",
        "../../examples/actuals-2020.csv",
        "--format",
        "json",
    ]);
    let b = plan(&[
        "check",
        "../../examples/actuals-2020.csv",
        "--format",
        "json",
    ]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn growth_from_a_zero_baseline_is_unmet_not_missing() {
    let run = plan_with_stdin(
        &["check", "-", "--format", "json", "--allow-missing"],
        "indicator,period,value\nhitech_firms,2019,0\nhitech_firms,2020,0\n",
    );
    assert_eq!(
        run.code, 1,
        "--allow-missing does not excuse an undefined growth"
    );
    let firms = result(&json(&run), "hitech_firms").clone();
    assert_eq!(firms["status"], "unmet");
    assert_eq!(
        firms["note"],
        "baseline is zero or negative; growth and ratios from it are undefined"
    );
}

#[test]
fn doubling_from_a_zero_baseline_is_unmet_not_met() {
    let run = plan_with_stdin(
        &["check", "-", "--format", "json", "--allow-missing"],
        "indicator,period,value\nsme_platform_contracts,2019,0\nsme_platform_contracts,2020,0\n",
    );
    assert_eq!(run.code, 1, "0 -> 0 has not doubled");
    let contracts = result(&json(&run), "sme_platform_contracts").clone();
    assert_eq!(contracts["status"], "unmet");
    assert_eq!(
        contracts["note"],
        "baseline is zero or negative; growth and ratios from it are undefined"
    );
}

/// Under `--lang en` a report is English: the plan's English title and names, units in English
/// words (亿元 is CNY 100m, 万元 CNY 10k, 家 firms, a rank No. 9; the plan's `unit_en` where it
/// gives one: 3 platforms), clauses translated (主要预期目标
/// is Main targets, 第14条 Item 14); JSON keeps the Chinese name under `name`.
#[test]
fn an_english_report_is_english() {
    let run = plan(&[
        "check",
        "../../examples/actuals-2020.csv",
        "--lang",
        "en",
        "--wide",
    ]);
    for expected in [
        "Key Points of Science and Technology Work 2020",
        "| Registered technology contract turnover ",
        "1758.72 CNY 100m",
        "39870 CNY 10k",
        "3 platforms",
        "6198 firms",
        "No. 9",
        "Main targets; Item 14",
    ] {
        assert!(run.stdout.contains(expected), "{expected}: {}", run.stdout);
    }
    assert!(!run.stdout.contains("亿元"), "{}", run.stdout);
    let json = common::json(&plan(&[
        "check",
        "../../examples/actuals-2020.csv",
        "--lang",
        "en",
        "--format",
        "json",
    ]));
    assert_eq!(
        common::result(&json, "tech_contract_turnover")["name"],
        "技术合同成交额"
    );
}

/// Under `--lang zh` the errors of the command line are Chinese, at the option or command they
/// are about, which keeps its name; exit 2 and nothing on stdout.
#[test]
fn command_line_errors_speak_the_runs_language() {
    let csv = "actuals/boundary.csv";
    for (args, expected) in [
        (
            vec!["check", csv, "--period", "2019Q3"],
            "--period：2019年三季度 不在计划年度 2020 年内；应为 2020 年的时期",
        ),
        (
            vec!["check", csv, "--period", "later"],
            "--period：`later` 不是时期；应为 2020Q3、2020年1-9月、2020H1、2020-09 或 2020 这样的时期",
        ),
        (
            vec!["check", csv, "--encoding", "klingon"],
            "--encoding：未知编码 `klingon`；应为 `utf-8`、`gbk`、`gb18030`、`utf-16le` 或 `utf-16be`",
        ),
        (
            vec!["check", csv, "--history", "--format", "csv"],
            "--history：历史数据只能输出为表格或 `json`；应使用 `--format table` 或 `--format json`",
        ),
        (
            vec!["list", "--format", "markdown"],
            "--format：`plan list` 只能输出 `table` 或 `json`，不能输出 `markdown`",
        ),
        (
            vec!["show", "rd_intensity", "--format", "html"],
            "--format：`plan show` 只能输出 `table` 或 `json`，不能输出 `html`",
        ),
        (
            vec!["show", "precis", "--plan", "plans/minimal.yaml"],
            "plan show：计划中没有指标 `precis`；最接近的指标：`精确值`（precise）、`全社会R&D经费投入强度`（rd_intensity）",
        ),
    ] {
        let mut args = args;
        args.extend(["--lang", "zh"]);
        let run = plan(&args);
        assert_eq!(
            (run.code, run.stderr.as_str(), run.stdout.as_str()),
            (2, format!("错误：{expected}\n").as_str(), ""),
            "{args:?}"
        );
    }
}
