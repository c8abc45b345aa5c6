//! What the national 十三五 plan's comments (`examples/plans/national-13th-fyp.yaml`) and its
//! notes (`docs/national-13th-fyp.md`) say about the binary holds: 万亿元 converts, and
//! `rank_within` before the target year is judged as a rank, with no test left ignored for it.

mod common;

use common::{json, plan_with_stdin, result};

const PLAN: &str = "../../examples/plans/national-13th-fyp.yaml";
const PLAN_TEXT: &str = include_str!("../examples/plans/national-13th-fyp.yaml");
const NOTES: &str = include_str!("../docs/national-13th-fyp.md");
const TESTS: &str = include_str!("national_plan.rs");

/// The plan's comments, without its YAML.
fn comments() -> String {
    PLAN_TEXT
        .lines()
        .filter(|l| l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn figures_in_wan_yi_yuan_and_yi_yuan_convert_as_the_plan_says() {
    let run = plan_with_stdin(
        &["check", "--plan", PLAN, "-", "--format", "json"],
        "indicator,period,value,unit\n全国技术合同成交金额,2020,2.8252,万亿元\n\
         高新技术企业营业收入,2020,510000,亿元\n",
    );
    let json = json(&run);
    assert_eq!(
        result(&json, "tech_contract_turnover")["actual"].to_string(),
        "28252"
    );
    assert_eq!(
        result(&json, "hitech_firm_revenue")["actual"].to_string(),
        "51"
    );
    for text in [comments(), NOTES.to_string()] {
        for stale in [
            "not 万亿元",
            "only itself",
            "only to itself",
            "only between 元, 千元, 万元, 百万元, 千万元 and 亿元",
        ] {
            assert!(!text.contains(stale), "`{stale}` in\n{text}");
        }
        assert!(text.contains("万亿元 (10^12 元"), "{text}");
    }
}

#[test]
fn the_notes_say_ranks_are_judged_as_ranks_and_the_test_runs() {
    assert!(!NOTES.contains("judged wrongly"), "{NOTES}");
    assert!(!NOTES.contains("ignored test"), "{NOTES}");
    assert!(!NOTES.contains("until the binary is fixed"), "{NOTES}");
    let at = TESTS
        .find("fn interim_ranks_are_judged_as_ranks")
        .expect("the test the notes name");
    let before = &TESTS[..at];
    let attributes = &before[before.rfind("}\n").unwrap_or(0)..];
    assert!(!attributes.contains("#[ignore"), "{attributes}");
    assert!(NOTES.contains("`interim_ranks_are_judged_as_ranks`"));
    // The statuses the notes give, as the binary gives them.
    for (period, id, status, expected, ratio) in [
        (
            "2017",
            "innovation_capability_rank",
            "behind",
            "16.73",
            "0.7868",
        ),
        (
            "2018",
            "innovation_capability_rank",
            "behind",
            "16.13",
            "0.5271",
        ),
        ("2019", "innovation_capability_rank", "met", "null", "null"),
        ("2016", "paper_citation_rank", "behind", "3.48", "0.0000"),
        ("2017", "paper_citation_rank", "met", "null", "null"),
    ] {
        let run = common::plan(&[
            "check",
            "--plan",
            PLAN,
            "../../examples/actuals/national-13th-fyp.csv",
            "--period",
            period,
            "--format",
            "json",
        ]);
        let json = json(&run);
        let r = result(&json, id);
        assert_eq!(r["status"], status, "{id} {period}");
        assert_eq!(r["expected"].to_string(), expected, "{id} {period}");
        let got = r["progress"]["ratio"].to_string();
        assert_eq!(got, ratio, "{id} {period}");
    }
    for said in [
        "`behind` as 17th in 2017 (due 16.73, R 0.7868",
        "in 2018 (due 16.13, R 0.5271",
        "`met` as 14th in 2019",
        "`behind` as 4th again in 2016",
        "`met` as 2nd from 2017",
    ] {
        assert!(NOTES.contains(said), "`{said}`");
    }
}
