//! `plan show ID [ACTUALS...]`: everything about one target, and its figures and status.

mod common;

use common::{assert_error, json, plan};

#[test]
fn a_target_by_id_name_or_alias() {
    for name in ["rd_intensity", "全社会R&D经费投入强度", "R&D经费投入强度"] {
        let run = plan(&["show", name, "--lang", "en"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(
            run.stdout
                .starts_with("rd_intensity — 全社会R&D经费投入强度\n"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("  Target:    >= 2.20%\n"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("  Clause:    Main targets\n"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("  Quote:     全社会 R&D 经费投入强度达到 2.20%\n"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn with_actuals_every_figure_and_the_status() {
    let run = plan(&[
        "show",
        "provincial_key_labs_new",
        "../../examples/actuals-2020-q3.csv",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 1, "behind fails: {}", run.stdout);
    assert!(
        run.stdout
            .contains("  2020H1           12 labs  ../../examples/actuals-2020-q3.csv:12:3\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  2020Q3           9 labs  ../../examples/actuals-2020-q3.csv:13:3\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("  Status: behind\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("  Expected: 22.50 labs\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn as_json() {
    let run = plan(&[
        "show",
        "tech_contract_turnover",
        "../../examples/actuals-2020-q3.csv",
        "--format",
        "json",
    ]);
    let json = json(&run);
    let target = &json["target"];
    assert_eq!(target["id"], "tech_contract_turnover");
    assert_eq!(target["aggregate"], "sum");
    assert_eq!(target["profile"].to_string(), "[10,20,25,45]");
    assert_eq!(target["figures"][0]["period"], "2020-01/2020-09");
    assert_eq!(target["figures"][0]["value"].to_string(), "705.6");
    assert_eq!(target["status"], "on_track");
}

#[test]
fn an_unknown_target_names_the_closest() {
    assert_error(
        &plan(&["show", "rd_intensty"]),
        "plan show: no target `rd_intensty` in the plan; closest known: `全社会R&D经费投入强度` \
         (rd_intensity), `企业R&D经费投入占比` (enterprise_rd_share), `高技术产业增加值` (hitech_industry_va)",
    );
}

/// In Chinese the description is Chinese: a rule is the plan's wording, its plan.yaml name
/// beside it for the one who edits the plan.
#[test]
fn in_chinese_the_rule_is_the_plans_wording() {
    for (id, rule) in [
        ("tech_contract_turnover", "超过（more_than）"),
        ("rd_intensity", "达到、不低于（at_least）"),
        ("hitech_firms", "增长……以上（growth_at_least）"),
        ("innovation_rank", "排名提升（数值变小）（decrease）"),
    ] {
        let run = plan(&["show", id, "--lang", "zh"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.contains(&format!("  规则：{rule}\n")),
            "{id}: {}",
            run.stdout
        );
    }
}
