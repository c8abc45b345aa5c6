//! Owners and deadlines: a milestone's `due` month decides `overdue`, a deadline in the next
//! three months is flagged 临近时限, and `--by owner` groups the table by 牵头单位.

mod common;

use common::{assert_error, json, plan, result, temp_file};

const HEAD: &str = "title: 测试计划\nyear: 2020\nsource: 测试\ntargets:\n";

fn milestone(id: &str, due: &str, owner: Option<&str>) -> String {
    let owner = owner.map_or(String::new(), |o| format!("    owner: {o}\n"));
    format!(
        "  - id: {id}\n    name: {id}\n    rule: done\n    due: {due}\n    source: 第1条\n{owner}"
    )
}

/// The status of a milestone due at the end of month `due`, checked as of the end of month
/// `as_of`, by an independent reading of the rule: done is met; not done by the end of its
/// month is overdue; else on track, flagged when due within the next three months.
fn oracle(state: &str, due: u8, as_of: u8) -> (&'static str, bool) {
    if state == "完成" {
        ("met", false)
    } else if due <= as_of {
        ("overdue", false)
    } else {
        ("on_track", due - as_of <= 3)
    }
}

#[test]
fn a_milestone_is_overdue_from_the_end_of_its_month_and_flagged_three_months_ahead() {
    let states = ["完成", "进行中", "未完成"];
    let mut targets = String::new();
    let mut csv = String::from("indicator,period,value\n");
    for due in 1..=12u8 {
        for (s, state) in states.iter().enumerate() {
            let id = format!("m{due}_{s}");
            targets.push_str(&milestone(&id, &format!("2020-{due:02}"), None));
            csv.push_str(&format!("{id},2020-01,{state}\n"));
        }
    }
    let plan_file = temp_file("plan.yaml", format!("{HEAD}{targets}"));
    let actuals = temp_file("a.csv", csv);
    for as_of in 1..=12u8 {
        let run = plan(&[
            "check",
            "--plan",
            plan_file.to_str().unwrap(),
            actuals.to_str().unwrap(),
            "--period",
            &format!("2020-{as_of:02}"),
            "--format",
            "json",
        ]);
        let json = json(&run);
        let mut overdue = 0;
        for due in 1..=12u8 {
            for (s, state) in states.iter().enumerate() {
                let r = result(&json, &format!("m{due}_{s}"));
                let (want, soon) = oracle(state, due, as_of);
                assert_eq!(r["status"], want, "{state} due {due} as of {as_of}");
                let note = r["note"].as_str().unwrap_or_default();
                assert_eq!(
                    note.contains("due soon"),
                    soon,
                    "{state} due {due} as of {as_of}: {note}"
                );
                overdue += usize::from(want == "overdue");
            }
        }
        assert_eq!(json["summary"]["overdue"], overdue, "as of {as_of}");
        // Anything overdue fails the run.
        assert_eq!(run.code, i32::from(overdue > 0), "as of {as_of}");
    }
}

fn owners_plan() -> tempfile::TempPath {
    temp_file(
        "plan.yaml",
        format!(
            "{HEAD}  - id: rd\n    name: 研发投入强度\n    unit: \"%\"\n    rule: at_least\n    \
             value: \"2.2\"\n    accrual: level\n    source: 主要预期目标\n    owner: 规划处\n{}{}{}",
            milestone("law", "2020-06", Some("政策法规处")),
            milestone("scheme", "2020年11月", Some("规划处")),
            milestone("meeting", "2020-12", None),
        ),
    )
}

#[test]
fn by_owner_gives_a_section_per_owner_with_its_counts() {
    let plan_file = owners_plan();
    let actuals = temp_file(
        "a.csv",
        "indicator,period,value\nrd,2020Q3,2.3\nlaw,2020Q3,未完成\nscheme,2020Q3,进行中\n\
         meeting,2020-09,完成\n",
    );
    for lang in ["en", "zh"] {
        let run = plan(&[
            "check",
            "--plan",
            plan_file.to_str().unwrap(),
            actuals.to_str().unwrap(),
            "--by",
            "owner",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 1, "the overdue milestone fails the run");
        let stdout = run
            .stdout
            .replace(plan_file.to_str().unwrap(), "plan.yaml")
            .replace(actuals.to_str().unwrap(), "a.csv");
        insta::assert_snapshot!(format!("by_owner_{lang}"), stdout);
    }
}

#[test]
fn json_carries_owner_and_due() {
    let plan_file = owners_plan();
    let actuals = temp_file("a.csv", "indicator,period,value\nlaw,2020-07,完成\n");
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json = json(&run);
    assert_eq!(result(&json, "law")["owner"], "政策法规处");
    assert_eq!(result(&json, "law")["due"], "2020-06");
    // Done after its month: met (the deadline passed, but the milestone is done).
    assert_eq!(result(&json, "law")["status"], "met");
    assert_eq!(result(&json, "meeting")["owner"], serde_json::Value::Null);
}

fn plan_error(targets: &str) -> common::Run {
    let plan_file = temp_file("plan.yaml", format!("{HEAD}{targets}"));
    let run = plan(&["validate", plan_file.to_str().unwrap()]);
    common::Run {
        stderr: run.stderr.replace(plan_file.to_str().unwrap(), "plan.yaml"),
        ..run
    }
}

#[test]
fn a_due_that_is_not_a_month_of_the_plan_is_an_error() {
    assert_error(
        &plan_error(&milestone("law", "六月", None)),
        "plan.yaml:5: target `law`: `due` is `六月`; expected a month, such as 2020-06 or 2020年6月",
    );
    assert_error(
        &plan_error(&milestone("law", "2020Q2", None)),
        "plan.yaml:5: target `law`: `due` is `2020Q2`; expected a month, such as 2020-06 or \
         2020年6月",
    );
    assert_error(
        &plan_error(&milestone("law", "2021-03", None)),
        "plan.yaml:5: target `law`: `due` is 2021-03, outside the plan's years; expected a month \
         of 2020",
    );
    assert_error(
        &plan_error(
            "  - id: rd\n    name: rd\n    unit: \"%\"\n    rule: at_least\n    value: \"2\"\n    \
             accrual: level\n    source: s\n    due: 2020-06\n",
        ),
        "plan.yaml:5: target `rd`: `due` is a milestone's deadline; expected `rule: done` with it",
    );
}

#[test]
fn by_owner_is_refused_where_it_would_be_ignored() {
    let plan_file = owners_plan();
    let actuals = temp_file("a.csv", "indicator,period,value\nlaw,2020-07,完成\n");
    let args = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "--plan",
            plan_file.to_str().unwrap(),
            actuals.to_str().unwrap(),
            "--by",
            "owner",
        ];
        args.extend_from_slice(extra);
        plan(&args)
    };
    assert_error(
        &args(&["--wide"]),
        "--by: --by divides the default table, and --wide shows one row per target in plan \
         order; expected one of them",
    );
    assert_error(
        &args(&["--format", "json"]),
        "--by: --by shapes the table of a plain check; expected --format table without --history",
    );
}
