//! Targets split among regions (分解到市): each region's share checked against its figure,
//! the whole plan's figure from a 全省 row or the regions' sum, `--by region`, and the errors
//! a region the plan does not list raises.

mod common;

use common::{assert_error, json, plan, result, temp_file};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

const REGIONS: [&str; 4] = ["西安市", "宝鸡市", "咸阳市", "杨凌示范区"];

fn head() -> String {
    format!(
        "title: 测试计划\nyear: 2020\nsource: 测试\nregions: [{}]\ntargets:\n",
        REGIONS.join(", ")
    )
}

fn target(id: &str, unit: &str, value: &str, shares: &[(&str, &str)]) -> String {
    let shares: Vec<String> = shares
        .iter()
        .map(|(r, v)| format!("{r}: \"{v}\""))
        .collect();
    format!(
        "  - id: {id}\n    name: {id}\n    unit: \"{unit}\"\n    rule: at_least\n    value: \
         \"{value}\"\n    accrual: level\n    source: 第1条\n    by_region: {{{}}}\n",
        shares.join(", ")
    )
}

fn check(targets: &str, csv: &str) -> (Value, i32) {
    let plan_file = temp_file("plan.yaml", format!("{}{targets}", head()));
    let actuals = temp_file("a.csv", format!("indicator,period,region,value\n{csv}"));
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(run.code < 2, "{}", run.stderr);
    (json(&run), run.code)
}

fn regional<'a>(json: &'a Value, id: &str, region: &str) -> &'a Value {
    json["by_region"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id && r["region"] == region)
        .unwrap_or_else(|| panic!("no {id} for {region}"))
}

/// A fixed stream of numbers, the same every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

#[test]
fn each_share_is_checked_against_its_regions_figure_and_the_whole_against_the_sum() {
    // Generated targets in 亿元: each region's share and a figure just under, at (at another
    // scale) or over it, or none; the whole plan's target against the regions' sum, which is
    // made only when every region has a figure.
    let mut rng = Lcg(7);
    let mut targets = String::new();
    let mut csv = String::new();
    let mut cases = Vec::new();
    for t in 0..60 {
        let id = format!("t{t}");
        let mut shares = Vec::new();
        let mut figures = Vec::new();
        for region in REGIONS {
            let share = Decimal::from(10 + rng.next(90));
            let figure = match rng.next(5) {
                0 => None,
                1 => Some(share - Decimal::from_str("0.01").unwrap()),
                2 => Some(share),
                3 => Some(Decimal::from_str(&format!("{share}.00")).unwrap()),
                _ => Some(share + Decimal::ONE),
            };
            shares.push((region, share.to_string()));
            figures.push(figure);
            if let Some(f) = figure {
                csv.push_str(&format!("{id},2020,{region},{f}\n"));
            }
        }
        let whole = Decimal::from(100 + rng.next(200));
        let pairs: Vec<(&str, &str)> = shares.iter().map(|(r, v)| (*r, v.as_str())).collect();
        targets.push_str(&target(&id, "亿元", &whole.to_string(), &pairs));
        cases.push((id, shares, figures, whole));
    }
    let (json, code) = check(&targets, &csv);
    let mut failing = false;
    for (id, shares, figures, whole) in &cases {
        for ((region, share), figure) in shares.iter().zip(figures) {
            let want = match figure {
                None => "missing",
                Some(f) if *f >= Decimal::from_str(share).unwrap() => "met",
                Some(_) => "unmet",
            };
            failing |= want != "met";
            assert_eq!(
                regional(&json, id, region)["status"],
                want,
                "{id} {region} {share} {figure:?}"
            );
        }
        let sum: Option<Decimal> = figures.iter().copied().sum();
        let want = match sum {
            None => "missing",
            Some(s) if s >= *whole => "met",
            Some(_) => "unmet",
        };
        failing |= want != "met";
        assert_eq!(
            result(&json, id)["status"],
            want,
            "{id} sum {sum:?} of {whole}"
        );
    }
    assert_eq!(code, i32::from(failing));
}

#[test]
fn a_whole_plan_row_is_the_whole_figure_and_a_share_failing_fails_the_run() {
    let targets = target(
        "turnover",
        "亿元",
        "1200",
        &[("西安市", "900"), ("宝鸡市", "60")],
    );
    // The 全省 row, not the regions' sum (1000 + 59), is the whole plan's figure; blank and
    // 合计 mean the same.
    for whole in ["全省", "合计", ""] {
        let csv = format!(
            "turnover,2020,{whole},1300\nturnover,2020,西安市,1000\nturnover,2020,宝鸡市,59\n"
        );
        let (json, code) = check(&targets, &csv);
        let r = result(&json, "turnover");
        assert_eq!(r["status"], "met", "{whole:?}");
        assert_eq!(r["actual"], 1300, "{whole:?}");
        assert_eq!(regional(&json, "turnover", "宝鸡市")["status"], "unmet");
        assert_eq!(json["regional_summary"]["unmet"], 1);
        assert_eq!(code, 1, "the region's unmet share fails the run");
    }
}

#[test]
fn shares_and_ranks_are_not_summed() {
    // A percentage: the regions' figures do not add up to the province's.
    let targets = target("rd", "%", "2.2", &[("西安市", "5"), ("宝鸡市", "1.5")]);
    let csv: String = REGIONS
        .iter()
        .map(|r| format!("rd,2020,{r},2.5\n"))
        .collect();
    let (json, _) = check(&targets, &csv);
    assert_eq!(result(&json, "rd")["status"], "missing");
    assert_eq!(regional(&json, "rd", "西安市")["status"], "unmet");
    assert_eq!(regional(&json, "rd", "宝鸡市")["status"], "met");
}

#[test]
fn a_region_the_plan_does_not_list_is_an_error_naming_the_closest() {
    let plan_file = temp_file(
        "plan.yaml",
        format!(
            "{}{}",
            head(),
            target("turnover", "亿元", "1200", &[("西安市", "900")])
        ),
    );
    let actuals = temp_file(
        "a.csv",
        "indicator,period,region,value\nturnover,2020,西安市,1000\nturnover,2020,西按市,5\n",
    );
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
    ]);
    let stderr = run.stderr.replace(actuals.to_str().unwrap(), "a.csv");
    assert_error(
        &common::Run { stderr, ..run },
        "a.csv:3:3: region `西按市` is not one of the plan's `regions`; expected one of them, \
         such as 西安市, 宝鸡市, 咸阳市",
    );
}

#[test]
fn without_regions_in_the_plan_a_region_column_is_read_as_the_whole() {
    let plan_file = temp_file(
        "plan.yaml",
        "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: turnover\n    name: turnover\n    \
         unit: 亿元\n    rule: at_least\n    value: \"100\"\n    accrual: cumulative\n    \
         aggregate: sum\n    source: s\n",
    );
    let actuals = temp_file(
        "a.csv",
        "indicator,period,region,value\nturnover,2020,西安市,60\nturnover,2020,宝鸡市,40\n",
    );
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json = json(&run);
    assert_eq!(result(&json, "turnover")["actual"], 100);
    assert_eq!(result(&json, "turnover")["status"], "met");
}

fn plan_error(text: &str) -> String {
    let plan_file = temp_file("plan.yaml", text);
    let run = plan(&["validate", plan_file.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.stderr.replace(plan_file.to_str().unwrap(), "plan.yaml")
}

#[test]
fn a_plan_split_among_regions_must_name_them_once_and_give_each_a_value() {
    let one = |shares: &str, rule: &str| {
        format!(
            "  - id: t\n    name: t\n    unit: 亿元\n    {rule}\n    accrual: level\n    source: \
             s\n    by_region: {{{shares}}}\n"
        )
    };
    assert_eq!(
        plan_error(&format!(
            "{}{}",
            head(),
            one("西按市: \"9\"", "rule: at_least\n    value: \"1\"")
        )),
        "error: plan.yaml:6: target `t`: `by_region` names `西按市`, which is not in the plan's \
         `regions`; closest: 西安市, 宝鸡市, 咸阳市\n"
    );
    assert_eq!(
        plan_error(&format!(
            "{}{}",
            head(),
            one("西安市: \"9\"", "rule: increase")
        )),
        "error: plan.yaml:6: target `t`: `by_region` gives each region a value, and rule \
         `increase` has none; expected a rule with a `value`\n"
    );
    let no_regions = format!(
        "title: t\nyear: 2020\nsource: s\ntargets:\n{}",
        one("西安市: \"9\"", "rule: at_least\n    value: \"1\"")
    );
    assert_eq!(
        plan_error(&no_regions),
        "error: plan.yaml:5: target `t`: `by_region` splits the target among the plan's \
         regions, and the plan lists none; expected `regions: [...]` in the plan\n"
    );
    let twice = "title: t\nyear: 2020\nsource: s\nregions: [西安市, 西安市]\ntargets:\n  - id: t\n    \
                 name: t\n    unit: 亿元\n    rule: at_least\n    value: \"1\"\n    accrual: level\n    \
                 source: s\n";
    assert_eq!(
        plan_error(twice),
        "error: plan.yaml:4: region `西安市` is listed twice in `regions`; expected each region once\n"
    );
    assert_eq!(
        plan_error(&twice.replace("[西安市, 西安市]", "[西安市, 全省]")),
        "error: plan.yaml:4: `全省` in `regions` names the whole plan (rows with it are the whole \
         plan's figures); expected the regions the plan is split among\n"
    );
}

#[test]
fn by_region_shows_a_section_per_target_with_regions_ranked() {
    let targets = target(
        "turnover",
        "亿元",
        "1200",
        &[("西安市", "900"), ("宝鸡市", "60"), ("咸阳市", "50")],
    );
    let plan_file = temp_file("plan.yaml", format!("{}{targets}", head()));
    let actuals = temp_file(
        "a.csv",
        "indicator,period,region,value\nturnover,2020,西安市,1000\nturnover,2020,宝鸡市,60\n\
         turnover,2020,咸阳市,49.99\nturnover,2020,杨凌示范区,3\n",
    );
    for lang in ["en", "zh"] {
        let run = plan(&[
            "check",
            "--plan",
            plan_file.to_str().unwrap(),
            actuals.to_str().unwrap(),
            "--by",
            "region",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 1);
        insta::assert_snapshot!(format!("by_region_{lang}"), run.stdout);
    }
}

#[test]
fn junit_counts_each_regions_share_as_a_test_case() {
    let targets = target(
        "turnover",
        "亿元",
        "1200",
        &[("西安市", "900"), ("宝鸡市", "60")],
    );
    let plan_file = temp_file("plan.yaml", format!("{}{targets}", head()));
    let actuals = temp_file(
        "a.csv",
        "indicator,period,region,value\nturnover,2020,全省,1300\nturnover,2020,西安市,1000\n\
         turnover,2020,宝鸡市,59\n",
    );
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--format",
        "junit",
    ]);
    assert!(run
        .stdout
        .contains(r#"<testsuites name="plan" tests="3" failures="1" errors="0" skipped="0">"#));
    assert!(run
        .stdout
        .contains(r#"<testcase name="turnover turnover @ 宝鸡市" classname="plan.2020.第1条">"#));
    assert_eq!(run.code, 1);
}

#[test]
fn record_level_rows_are_summed_per_region_and_in_total() {
    // Contracts, one row each: a region with no rows has none, so the total is every row's.
    let targets = "  - id: turnover\n    name: turnover\n    unit: 万元\n    rule: at_least\n    \
                   value: \"100\"\n    accrual: cumulative\n    aggregate: sum\n    source: s\n    \
                   by_region: {西安市: \"60\", 宝鸡市: \"30\"}\n";
    let csv = "turnover,2020,西安市,40\nturnover,2020,西安市,20.5\nturnover,2020,宝鸡市,29.5\n\
               turnover,2020,宝鸡市,0.25\n";
    let (json, _) = check(targets, csv);
    assert_eq!(regional(&json, "turnover", "西安市")["actual"], 60.5);
    assert_eq!(regional(&json, "turnover", "西安市")["status"], "met");
    assert_eq!(regional(&json, "turnover", "宝鸡市")["actual"], 29.75);
    assert_eq!(regional(&json, "turnover", "宝鸡市")["status"], "unmet");
    let whole = result(&json, "turnover");
    assert_eq!(whole["actual"], 90.25);
    assert_eq!(whole["status"], "unmet");
}
