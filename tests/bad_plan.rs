//! Every bad plan file gets one clear message with its line (and column where known), exit 2.

mod common;

use common::{assert_error, plan};

fn validate(file: &str) -> common::Run {
    plan(&["validate", &format!("plans/{file}")])
}

#[test]
fn malformed_yaml_gives_line_and_column() {
    assert_error(
        &validate("malformed.yaml"),
        "plans/malformed.yaml:3:1: found unexpected end of stream, while scanning a quoted scalar",
    );
}

#[test]
fn unknown_field_is_a_typo_not_a_default() {
    assert_error(
        &validate("unknown-field.yaml"),
        "plans/unknown-field.yaml:9:5: targets[0]: unknown field `taget`, expected one of `id`, \
         `name`, `name_en`, `aliases`, `unit`, `rule`, `value`, `min`, `max`, `wording`, \
         `source`, `quote`, `baseline`, `accrual`, `aggregate`, `profile`, `profile_source`, `out_of_range`",
    );
}

#[test]
fn duplicate_ids() {
    assert_error(
        &validate("duplicate-id.yaml"),
        "plans/duplicate-id.yaml:12: duplicate target id `rd_intensity`; every id must be unique",
    );
}

#[test]
fn rule_without_its_value() {
    assert_error(
        &validate("rule-without-value.yaml"),
        "plans/rule-without-value.yaml:5: target `rd_intensity`: rule `at_least` needs a `value`",
    );
}

#[test]
fn relative_rule_without_a_baseline_period() {
    assert_error(
        &validate("relative-without-baseline.yaml"),
        "plans/relative-without-baseline.yaml:5: target `hitech_firms`: rule `growth_at_least` \
         compares with a baseline, but the plan has no `baseline_period` and the target has no \
         `baseline`",
    );
}

#[test]
fn unknown_rule() {
    assert_error(
        &validate("unknown-rule.yaml"),
        "plans/unknown-rule.yaml:8:11: targets[0].rule: unknown variant `at_lest`, expected one of \
         `at_least`, `more_than`, `at_most`, `less_than`, `between`, `growth_at_least`, \
         `ratio_at_least`, `increase`, `decrease`, `done`",
    );
}

#[test]
fn value_of_the_wrong_type() {
    assert_error(
        &validate("wrong-type.yaml"),
        "plans/wrong-type.yaml:9:12: targets[0].value: invalid type: sequence, expected a decimal \
         number such as 2.20",
    );
}

#[test]
fn value_that_is_not_a_number() {
    assert_error(
        &validate("value-not-a-number.yaml"),
        "plans/value-not-a-number.yaml:9:12: targets[0].value: invalid number `两点二`: expected a \
         decimal number such as 2.20",
    );
}

#[test]
fn year_that_is_not_a_year() {
    assert_error(
        &validate("year-not-a-number.yaml"),
        "plans/year-not-a-number.yaml:2:7: year: invalid year `二〇二〇`, expected a year such as 2020",
    );
}

#[test]
fn missing_plan_file() {
    assert_error(&validate("nope.yaml"), "plans/nope.yaml: no such file");
}

#[test]
fn check_with_a_bad_plan_fails_before_reading_actuals() {
    let run = plan(&[
        "check",
        "--plan",
        "plans/duplicate-id.yaml",
        "actuals/boundary.csv",
    ]);
    assert_error(
        &run,
        "plans/duplicate-id.yaml:12: duplicate target id `rd_intensity`; every id must be unique",
    );
}

#[test]
fn valid_plans_pass() {
    let run = validate("minimal.yaml");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "plans/minimal.yaml: valid: 2 targets (2 quantitative, 0 milestones) for 2020\n"
    );
    let run = plan(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "plan.yaml (embedded): valid: 44 targets (22 quantitative, 22 milestones) for 2020\n"
    );
}

#[test]
fn baseline_period_must_come_before_the_year() {
    assert_error(
        &validate("baseline-not-before-year.yaml"),
        "plans/baseline-not-before-year.yaml:3: `baseline_period` 2020 is not before `year` 2020; \
         expected an earlier period",
    );
}

#[test]
fn a_milestone_takes_no_unit() {
    assert_error(
        &validate("milestone-with-unit.yaml"),
        "plans/milestone-with-unit.yaml:5: target `a`: rule `done` is a milestone and takes no `unit`",
    );
}

#[test]
fn an_empty_alias() {
    assert_error(
        &validate("empty-alias.yaml"),
        "plans/empty-alias.yaml:5: target `a`: an empty alias; expected other names of the target",
    );
}

#[test]
fn a_plan_saved_with_a_byte_order_mark_is_read() {
    let run = validate("bom.yaml");
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_csv_given_as_the_plan_gives_a_short_message() {
    let run = plan(&["validate", "../../examples/actuals-2020.csv"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.len() < 500, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: ../../examples/actuals-2020.csv:1:1: "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_target_that_no_figure_could_fail_or_meet() {
    for (unit, rule, value, why) in [
        ("%", "growth_at_least", "-100", "growth of -100% or more is met by any figure of 0 or more (a fall of 100% is to zero); expected a growth above -100%"),
        ("家", "at_least", "0", "a count of 家 is always at least 0; expected a value above 0"),
        ("个", "at_most", "-1", "a count of 个 is never at most -1; expected a value of 0 or more"),
        ("位", "at_most", "0", "a rank of 位 is never at most 0; expected a value of 1 or more"),
        ("位", "less_than", "1", "a rank of 位 is never less than 1; expected a value above 1"),
        ("%", "at_most", "100", "a share in % is always at most 100; expected a value below 100"),
        ("%", "less_than", "100.01", "a share in % is always less than 100.01; expected a value of 100 or less"),
        ("%", "at_least", "100.01", "a share in % is never at least 100.01; expected a value of 100 or less"),
        ("%", "more_than", "100", "a share in % is never more than 100; expected a value below 100"),
        ("%", "at_least", "0", "a share in % is always at least 0; expected a value above 0"),
        ("%", "less_than", "0", "a share in % is never less than 0; expected a value above 0"),
    ] {
        let text = format!(
            "title: t\nyear: 2020\nbaseline_period: 2019\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: \"{unit}\"\n    rule: {rule}\n    value: \"{value}\"\n    source: s\n    accrual: level\n"
        );
        let path = common::temp_file("settled.yaml", &text);
        let run = plan(&["validate", path.to_str().unwrap()]);
        let why = if why.starts_with("growth") {
            why.to_string()
        } else {
            format!("{why}, or `out_of_range: warn` or `allow` if figures may be outside the range")
        };
        assert_error(&run, &format!("{}:6: target `a`: {why}", path.display()));
        // Where figures may be outside the range, the bound decides nothing: the target stands.
        if !why.starts_with("growth") {
            let path = common::temp_file("allowed.yaml", format!("{text}    out_of_range: allow\n"));
            let run = plan(&["validate", path.to_str().unwrap()]);
            assert_eq!(run.code, 0, "{unit} {rule} {value}: {}", run.stderr);
        }
    }
}

#[test]
fn out_of_range_is_only_for_quantities_with_a_range() {
    let text = "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: 亿元\n    rule: at_least\n    value: \"1\"\n    source: s\n    accrual: level\n    out_of_range: warn\n";
    let path = common::temp_file("range.yaml", text);
    let run = plan(&["validate", path.to_str().unwrap()]);
    assert_error(
        &run,
        &format!(
            "{}:5: target `a`: `out_of_range` is for counts, ranks and percentages, which some \
             figures cannot be; `亿元` has no such range; remove `out_of_range`",
            path.display()
        ),
    );
}

#[test]
fn accrual_is_never_a_default() {
    let text = "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: labs\n    name: 新建省重点实验室\n    unit: 个\n    rule: at_least\n    value: \"30\"\n    source: s\n";
    let path = common::temp_file("no-accrual.yaml", text);
    assert_error(
        &plan(&["validate", path.to_str().unwrap()]),
        &format!(
            "{}:5: target `labs`: no `accrual`; expected `accrual: cumulative` for a flow that \
             adds up over the year (new labs, a turnover, an amount of the year) or `accrual: \
             level` for a level, share, index or rank",
            path.display()
        ),
    );
}
