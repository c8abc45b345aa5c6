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

/// A plan over years with a target of each kind `plan show` has more to say about.
const OVER_YEARS: &str = "title: t\nhorizon: {base: 2015, target: 2020}\nsource: s\ntargets:\n  \
    - id: each\n    name: 研发投入强度\n    unit: \"%\"\n    rule: at_least\n    value: \"2.5\"\n    \
    accrual: level\n    source: 第1条\n    every_year: true\n    aspiration: true\n    \
    owner: 科技厅规划处\n    path: linear\n    baseline: {value: \"2.06\", year: 2016, source: 公报}\n  \
    - id: talent\n    name: 青年人才\n    unit: 名\n    rule: at_least\n    value: \"2500\"\n    \
    accrual: cumulative\n    source: 第2条\n    since: 2017\n  \
    - id: rank\n    name: 创新能力排名\n    unit: 位\n    rule: rank_within\n    value: \"15\"\n    \
    accrual: level\n    source: 第3条\n    baseline: {value: \"18\", source: 公报}\n  \
    - id: law\n    name: 修订条例\n    rule: done\n    source: 第4条\n    owner: 科技厅政策法规处\n    \
    due: 2018-06\n";

/// The description `plan show ID` gives of a target of [`OVER_YEARS`], in `lang`.
fn shown(id: &str, lang: &str) -> String {
    let path = common::temp_file("plan.yaml", OVER_YEARS);
    let run = plan(&["show", id, "--plan", path.to_str().unwrap(), "--lang", lang]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// Every year, a sum since a year, 力争, the baseline's year, the owner, the deadline and a
/// straight path are each shown when set, in each language, Chinese all through under zh.
#[test]
fn what_a_target_over_years_holds_is_shown() {
    for (id, lines_en, lines_zh) in [
        (
            "each",
            &[
                "  Target:    strive for >= 2.5% every year\n",
                "  Each year: to be met in each year from 2016 to 2020\n",
                "  Strive:    yes (力争)\n",
                "  Baseline:  2.06% for 2016 (公报)\n",
                "  Path:      a straight line from the baseline (path: linear)\n",
                "  Owner:     科技厅规划处\n",
            ][..],
            &[
                "  目标：力争每年 >= 2.5%\n",
                "  逐年考核：2016—2020 年每年均须达到\n",
                "  力争：是\n",
                "  基数：2016 年 2.06%（公报）\n",
                "  进度路径：自基数起按直线推进（path: linear）\n",
                "  牵头单位：科技厅规划处\n",
            ][..],
        ),
        (
            "talent",
            &[
                "  Target:    >= 2500 people in total since 2017\n",
                "  Summed:    from January 2017, across years\n",
            ][..],
            &[
                "  目标：2017年以来累计 >= 2500 名\n",
                "  累计起点：2017 年 1 月起跨年累计\n",
            ][..],
        ),
        (
            "rank",
            &["  Baseline:  No. 18 for 2015 (公报)\n"][..],
            &["  基数：2015 年 18 位（公报）\n"][..],
        ),
        (
            "law",
            &["  Owner:     科技厅政策法规处\n", "  Due:       2018-06\n"][..],
            &["  牵头单位：科技厅政策法规处\n", "  时间节点：2018年6月\n"][..],
        ),
    ] {
        let (en, zh) = (shown(id, "en"), shown(id, "zh"));
        for line in lines_en {
            assert!(en.contains(line), "{id}: {line:?} in\n{en}");
        }
        for line in lines_zh {
            assert!(zh.contains(line), "{id}: {line:?} in\n{zh}");
        }
        // Under zh no English label, and no ASCII bracket around a Chinese source.
        for label in [
            "Each year",
            "Strive",
            "Owner",
            "Due",
            "Summed",
            "Path",
            "(公报)",
        ] {
            assert!(!zh.contains(label), "{id}: {label} in\n{zh}");
        }
    }
    // Nothing is said of what is not set.
    let en = shown("talent", "en");
    for label in [
        "Each year:",
        "Strive:",
        "Owner:",
        "Due:",
        "Path:",
        "Baseline:",
    ] {
        assert!(!en.contains(label), "{label} in\n{en}");
    }
}

/// The same in JSON: what the plan says, by its plan.yaml keys.
#[test]
fn what_a_target_over_years_holds_is_in_the_json() {
    let path = common::temp_file("plan.yaml", OVER_YEARS);
    let get = |id: &str| {
        json(&plan(&[
            "show",
            id,
            "--plan",
            path.to_str().unwrap(),
            "--format",
            "json",
        ]))["target"]
            .clone()
    };
    let each = get("each");
    assert_eq!(each["every_year"], true);
    assert_eq!(each["aspiration"], true);
    assert_eq!(each["since"], serde_json::Value::Null);
    assert_eq!(each["owner"], "科技厅规划处");
    assert_eq!(each["path"], "linear");
    assert_eq!(each["baseline"]["value"].to_string(), "2.06");
    assert_eq!(each["baseline"]["year"], 2016);
    assert_eq!(each["baseline"]["source"], "公报");
    let talent = get("talent");
    assert_eq!(talent["since"], 2017);
    assert_eq!(talent["every_year"], false);
    assert_eq!(talent["baseline"], serde_json::Value::Null);
    assert_eq!(get("rank")["baseline"]["year"], 2015);
    let law = get("law");
    assert_eq!(law["due"], "2018-06");
    assert_eq!(law["path"], serde_json::Value::Null);
}
