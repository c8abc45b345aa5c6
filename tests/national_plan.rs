//! The national 十三五 S&T innovation plan (`examples/plans/national-13th-fyp.yaml`) run by the
//! real binary on its published figures (`examples/actuals/national-13th-fyp.csv`): the plan is
//! valid and quotes its source word for word, its 2020 verdicts are the ones the figures give, a
//! year before 2020 is judged by its progress on the path from 2015, and the 2020 table is held
//! to a snapshot. Where every figure comes from: docs/national-13th-fyp.md.

mod common;

use common::{json, plan, result};
use plan::plan::load_plan;

const PLAN: &str = "../../examples/plans/national-13th-fyp.yaml";
const ACTUALS: &str = "../../examples/actuals/national-13th-fyp.csv";
const PLAN_TEXT: &str = include_str!("../examples/plans/national-13th-fyp.yaml");
const SOURCE: &str = include_str!("../docs/source/national-13th-fyp-indicators.txt");

/// `plan check` on the national plan and its figures, as of `period` (the latest year without).
fn check(period: Option<&str>, format: &[&str]) -> common::Run {
    let mut args = vec!["check", "--plan", PLAN, ACTUALS];
    args.extend_from_slice(format);
    if let Some(period) = period {
        args.extend_from_slice(&["--period", period]);
    }
    plan(&args)
}

fn check_json(period: Option<&str>) -> serde_json::Value {
    let run = check(period, &["--format", "json"]);
    assert_eq!(
        run.code, 1,
        "targets unmet, behind or missing: {}",
        run.stderr
    );
    json(&run)
}

/// A result's status, and its progress class (before 2020).
fn status(json: &serde_json::Value, id: &str) -> (String, Option<String>) {
    let r = result(json, id);
    let class = r["progress"]["class"].as_str().map(str::to_string);
    (r["status"].as_str().unwrap().to_string(), class)
}

#[test]
fn the_plan_is_valid_over_its_years() {
    let run = plan(&["validate", PLAN]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("12 targets (12 quantitative, 0 milestones) for 2015 to 2020"),
        "{}",
        run.stdout
    );
}

#[test]
fn every_quote_is_in_the_source_text_and_every_target_has_its_keys() {
    let plan = load_plan(PLAN_TEXT, PLAN).unwrap();
    assert_eq!(plan.targets.len(), 12, "表1 has twelve main indicators");
    for target in &plan.targets {
        let quote = target
            .quote
            .as_deref()
            .unwrap_or_else(|| panic!("{}", target.id));
        assert!(SOURCE.contains(quote), "{}: `{quote}`", target.id);
        assert!(
            target.name_en.as_deref().is_some_and(|n| !n.is_empty()),
            "{}",
            target.id
        );
        assert!(target.unit.is_some(), "{}", target.id);
    }
}

#[test]
fn as_of_2020_the_figures_decide() {
    let json = check_json(None);
    assert_eq!(json["period"], "2020");
    assert_eq!(json["final"], true);
    let summary = &json["summary"];
    assert_eq!(
        (
            summary["met"].to_string(),
            summary["unmet"].to_string(),
            summary["missing"].to_string()
        ),
        ("6".into(), "1".into(), "5".into())
    );

    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(turnover["status"], "met", "28252亿元 >= 2万亿元");
    assert_eq!(turnover["actual"].to_string(), "28252");
    assert_eq!(turnover["threshold"].to_string(), "20000");

    let rd = result(&json, "rd_intensity");
    assert_eq!(rd["status"], "unmet", "2.40% < 2.5%");
    assert_eq!(rd["actual"].to_string(), "2.40");
    assert_eq!(rd["gap"].to_string(), "-0.10");

    let pct = result(&json, "pct_applications");
    assert_eq!(pct["status"], "met", "7.2万件 >= 2 x 3.05万件");
    assert_eq!(pct["baseline"].to_string(), "3.05");
    assert_eq!(pct["threshold"].to_string(), "6.1", "2 x 3.05");

    for (id, actual) in [
        ("innovation_capability_rank", "14"),
        ("paper_citation_rank", "2"),
        ("invention_patents_per_10k", "15.8"),
        ("scientific_literacy", "10.56"),
    ] {
        let r = result(&json, id);
        assert_eq!(r["status"], "met", "{id}");
        assert_eq!(r["actual"].to_string(), actual, "{id}");
    }
    for id in [
        "st_progress_contribution",
        "rd_researchers_per_10k_employed",
        "hitech_firm_revenue",
        "knowledge_services_share",
        "industrial_rd_to_revenue",
    ] {
        let r = result(&json, id);
        assert_eq!(r["status"], "missing", "{id}: no 2020 figure was found");
        assert_eq!(r["note"], "no figure for 2020", "{id}");
    }
}

#[test]
fn as_of_2018_figures_are_held_against_the_path_from_2015() {
    let json = check_json(Some("2018"));
    assert_eq!(json["period"], "2018");
    assert_eq!(json["final"], false);

    // 2.07% → 2.5% compounds to 2.32% by 2018; 2.19% is R = 0.49 of the pace.
    let rd = result(&json, "rd_intensity");
    assert_eq!(
        status(&json, "rd_intensity"),
        ("behind".into(), Some("limited".into()))
    );
    assert_eq!(rd["expected"].to_string(), "2.32");
    assert_eq!(rd["progress"]["ratio"].to_string(), "0.4929");

    // 9835 → 20000亿元 compounds to 15056.63 by 2018; 17800 is ahead.
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(
        status(&json, "tech_contract_turnover"),
        ("on_track".into(), Some("substantial".into()))
    );
    assert_eq!(turnover["expected"].to_string(), "15056.63");

    for id in [
        "st_progress_contribution",
        "invention_patents_per_10k",
        "pct_applications",
    ] {
        assert_eq!(
            status(&json, id),
            ("on_track".into(), Some("substantial".into())),
            "{id}"
        );
    }
    // 55242件, read as 万件 for a target in 万件.
    let pct = result(&json, "pct_applications");
    assert_eq!(pct["actual"].to_string(), "5.5242");

    // No 2015 figure was found for it: no path to hold it against.
    let staff = result(&json, "rd_researchers_per_10k_employed");
    assert_eq!(staff["status"], "missing");
    assert_eq!(staff["actual"].to_string(), "50.0", "2016's, the latest");

    // No survey figure for 2018 was found.
    assert_eq!(status(&json, "scientific_literacy").0, "missing");
}

/// A rank above the target is not reached, and one at or below it is, in years before the
/// target year too (where `rank_within` was once judged as higher-is-better).
#[test]
fn interim_ranks_are_judged_as_ranks() {
    // 18th in 2015 towards the top 15 in 2020: 17th is R = 0.79 of the pace in 2017, 0.53 in 2018.
    let json = check_json(Some("2017"));
    assert_eq!(
        status(&json, "innovation_capability_rank"),
        ("behind".into(), Some("moderate".into())),
        "17th in 2017 is not within the top 15"
    );
    let json = check_json(Some("2018"));
    assert_eq!(
        status(&json, "innovation_capability_rank"),
        ("behind".into(), Some("limited".into())),
        "17th in 2018 is not within the top 15"
    );
    // 14th in 2019 is within the top 15 already.
    let json = check_json(Some("2019"));
    assert_eq!(status(&json, "innovation_capability_rank").0, "met");
    // 4th in 2016, as in 2015, towards 2nd: no progress.
    let json = check_json(Some("2016"));
    assert_eq!(
        status(&json, "paper_citation_rank"),
        ("behind".into(), Some("limited".into())),
        "4th is not within the top 2"
    );
}

#[test]
fn table_as_of_2020() {
    let run = check(None, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!("national_table_2020", run.stdout);
}
