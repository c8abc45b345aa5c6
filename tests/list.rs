//! `plan list`: the embedded plan's targets, with the ids users' scripts name.

mod common;

use common::{json, plan};

/// The public ids the core issue requires, each with its rule.
const REQUIRED: &[(&str, &str)] = &[
    ("innovation_index", "at_least"),
    ("innovation_rank", "decrease"),
    ("rd_intensity", "at_least"),
    ("enterprise_rd_share", "increase"),
    ("national_platforms_new", "at_least"),
    ("four_one_platforms_new", "at_least"),
    ("incubators_new", "at_least"),
    ("sme_platform_contracts", "ratio_at_least"),
    ("sme_platform_amount", "ratio_at_least"),
    ("hitech_firms", "growth_at_least"),
    ("hitech_industry_va", "increase"),
    ("emerging_industry_va", "increase"),
    ("tech_contract_turnover", "more_than"),
    ("provincial_key_labs_new", "at_least"),
    ("special_projects_new", "at_least"),
    ("achievements_transformed", "at_least"),
    ("provincial_hitech_zones_new", "at_least"),
    ("sub_funds_new", "at_least"),
    ("youth_distinguished_projects", "increase"),
    ("youth_projects", "increase"),
    ("enterprise_funding_share", "increase"),
    ("guidance_fund_size", "increase"),
    ("plan_2021_2035", "done"),
    ("plan_14th_fyp", "done"),
    ("plan_evaluation", "done"),
    ("award_rules_revised", "done"),
    ("evaluation_reform_opinions", "done"),
    ("qinling_lab_progress", "done"),
    ("field_stations_started", "done"),
    ("common_tech_platform_scheme", "done"),
    ("tech_firm_measures", "done"),
    ("agri_hitech_zones_started", "done"),
    ("ministry_consultation_done", "done"),
    ("civil_military_opinions", "done"),
    ("agri_service_opinions", "done"),
    ("open_cooperation_measures", "done"),
    ("review_misconduct_rules", "done"),
];

#[test]
fn every_required_id_is_listed_with_its_rule() {
    let run = plan(&["list", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = json(&run);
    let targets = json["targets"].as_array().expect("targets");
    for (id, rule) in REQUIRED {
        let target = targets
            .iter()
            .find(|t| t["id"] == *id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(target["rule"], *rule, "{id}");
    }
    let get = |id: &str| targets.iter().find(|t| t["id"] == id).unwrap().clone();
    assert_eq!(get("rd_intensity")["value"].to_string(), "2.20");
    assert_eq!(get("tech_contract_turnover")["value"].to_string(), "1200");
    assert_eq!(get("tech_contract_turnover")["unit"], "亿元");
    assert_eq!(get("sme_platform_amount")["unit"], "万元");
    assert_eq!(get("hitech_firms")["value"].to_string(), "20");
}

#[test]
fn table_lists_every_target() {
    let run = plan(&["list"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("| tech_contract_turnover "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("44 targets\n"), "{}", run.stdout);
}

/// The plan as `plan check --format json` gives it, with the years it runs over; the table's
/// title names them as `plan check`'s does.
#[test]
fn the_plan_with_its_years() {
    let national = "../../examples/plans/national-13th-fyp.yaml";
    let run = plan(&["list", "--plan", national, "--format", "json"]);
    let plan_json = &json(&run)["plan"];
    assert_eq!(plan_json["year"], 2020);
    assert_eq!(plan_json["horizon"]["base"], 2015);
    assert_eq!(plan_json["horizon"]["target"], 2020);
    assert_eq!(plan_json["title"], "“十三五”国家科技创新规划 主要指标");
    let embedded = json(&plan(&["list", "--format", "json"]));
    assert_eq!(embedded["plan"]["horizon"]["base"], 2019);
    assert_eq!(embedded["plan"]["horizon"]["target"], 2020);
    for (lang, title) in [
        (
            "en",
            "Main indicators of the 13th Five-Year National Science and Technology Innovation \
             Plan — the plan's years 2015 to 2020\n",
        ),
        (
            "zh",
            "“十三五”国家科技创新规划 主要指标 — 规划期 2015—2020 年\n",
        ),
    ] {
        let run = common::command(&["list", "--plan", national, "--lang", lang])
            .env("COLUMNS", "200")
            .output()
            .unwrap();
        let run = common::Run {
            code: run.status.code().unwrap(),
            stdout: String::from_utf8(run.stdout).unwrap(),
            stderr: String::new(),
        };
        assert!(run.stdout.starts_with(title), "{}", run.stdout);
    }
    let run = plan(&["list", "--lang", "zh"]);
    assert!(
        run.stdout
            .starts_with("省委科技工委 省科技厅 2020 年科技工作要点 — 2020 年\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn one_target_is_one() {
    let path = common::temp_file(
        "plan.yaml",
        "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: 家\n    \
         rule: at_least\n    value: \"5\"\n    source: s\n    accrual: level\n",
    );
    let run = plan(&["list", "--plan", path.to_str().unwrap()]);
    assert!(run.stdout.ends_with("\n1 target\n"), "{}", run.stdout);
}
