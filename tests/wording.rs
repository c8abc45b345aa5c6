//! How the binary words what it prints, in English and in Chinese: warnings about rows for other
//! years, targets of a plan over years (every year, a sum since a year, 力争, 年均增长), a rank's
//! level on the path, and the counts `plan validate` gives.

mod common;

use common::{json, plan, result, temp_file};

/// The warnings of `plan check --format json` on `plan_text` and `csv` in `lang`.
fn warnings(plan_text: &str, csv: &str, period: &str, lang: &str) -> Vec<String> {
    let plan_file = temp_file("plan.yaml", plan_text);
    let actuals = temp_file("actuals.csv", format!("indicator,period,value\n{csv}"));
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--period",
        period,
        "--format",
        "json",
        "--lang",
        lang,
    ]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    json(&run)["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

const TARGET: &str = "targets:\n  - id: a\n    name: 甲\n    unit: 家\n    rule: at_least\n    \
                      value: \"5\"\n    source: s\n    accrual: level\n";

/// Rows for years the plan does not read: one warning, worded as English (no `neither` without a
/// `nor`, `1 more row`), and the same in Chinese.
#[test]
fn rows_for_other_years_are_counted_in_good_english() {
    let over_years =
        format!("title: t\nhorizon: {{base: 2020, target: 2025}}\nsource: s\n{TARGET}");
    let annual = format!("title: t\nyear: 2020\nsource: s\n{TARGET}");
    let with_base = format!("title: t\nyear: 2020\nbaseline_period: 2019\nsource: s\n{TARGET}");
    for (plan_text, period, en, zh) in [
        (
            &over_years,
            "2021",
            "period 2019 is outside the plan's years, 2020 to 2025; row ignored",
            "时期 2019年 不在规划期 2020—2025 年内，该行未使用",
        ),
        (
            &annual,
            "2020",
            "period 2019 is not the plan year 2020; row ignored",
            "时期 2019年 不是计划年 2020 年，该行未使用",
        ),
        (
            &with_base,
            "2020",
            "period 2018 is neither the plan year 2020 nor the baseline year 2019; row ignored",
            "时期 2018年 既非计划年 2020 年，也非基期 2019 年，该行未使用",
        ),
    ] {
        let first = if plan_text == &with_base { 2018 } else { 2019 };
        let rows = |n: i32| -> String {
            (0..n)
                .map(|i| format!("甲,{},1\n", first - i))
                .collect::<String>()
                + &format!("甲,{period},6\n")
        };
        let at = |w: &str| w.split_once(": ").unwrap().1.to_string();
        let at_zh = |w: &str| w.split_once('：').unwrap().1.to_string();
        for (n, more_en, more_zh) in [
            (1, "", ""),
            (
                2,
                ", and 1 more row for another year",
                "；另有 1 行其他年份的数据",
            ),
            (
                3,
                ", and 2 more rows for other years",
                "；另有 2 行其他年份的数据",
            ),
        ] {
            let seen = warnings(plan_text, &rows(n), period, "en");
            assert_eq!(
                seen.iter().map(|w| at(w)).collect::<Vec<_>>(),
                [format!("{en}{more_en}")],
                "{n} rows"
            );
            let seen = warnings(plan_text, &rows(n), period, "zh");
            assert_eq!(
                seen.iter().map(|w| at_zh(w)).collect::<Vec<_>>(),
                [format!("{zh}{more_zh}")],
                "{n} rows"
            );
        }
    }
}

/// The `target_text` of each target of `plan_text`, by id, in `lang`.
fn target_texts(plan_text: &str, lang: &str) -> Vec<(String, String)> {
    let plan_file = temp_file("plan.yaml", plan_text);
    let run = plan(&[
        "list",
        "--plan",
        plan_file.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        lang,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    json(&run)["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_string(),
                t["target_text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn target(id: &str, body: &str) -> String {
    format!(
        "  - id: {id}\n    name: {id}\n    source: s\n{}",
        body.lines()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    )
}

/// A target's wording keeps all it says: 力争 and 每年 together, a sum since a year as such,
/// and the year 年均增长 is counted from; a relative rule to meet every year compares with the
/// year before, unless its baseline names a year.
#[test]
fn a_target_over_years_says_all_it_holds() {
    let targets = [
        (
            "strive_each",
            "rule: at_least\nvalue: \"5\"\nunit: \"%\"\naccrual: level\nevery_year: true\naspiration: true",
            "strive for >= 5% every year",
            "力争每年 >= 5%",
        ),
        (
            "each",
            "rule: at_least\nvalue: \"5\"\nunit: \"%\"\naccrual: level\nevery_year: true",
            ">= 5% every year",
            "每年 >= 5%",
        ),
        (
            "strive",
            "rule: at_least\nvalue: \"100\"\nunit: 家\naccrual: level\naspiration: true",
            "strive for >= 100 firms",
            "力争 >= 100 家",
        ),
        (
            "since",
            "rule: at_least\nvalue: \"2500\"\nunit: 名\naccrual: cumulative\nsince: 2017",
            ">= 2500 people in total since 2017",
            "2017年以来累计 >= 2500 名",
        ),
        (
            "strive_since",
            "rule: at_least\nvalue: \"2500\"\nunit: 名\naccrual: cumulative\nsince: 2017\naspiration: true",
            "strive for >= 2500 people in total since 2017",
            "力争2017年以来累计 >= 2500 名",
        ),
        (
            "cagr",
            "rule: cagr_at_least\nvalue: \"7\"\nunit: 亿元\naccrual: level",
            "average annual growth >= 7% from 2015",
            "比2015年年均增长 >= 7%",
        ),
        (
            "cagr_2016",
            "rule: cagr_at_least\nvalue: \"7\"\nunit: 亿元\naccrual: level\nbaseline: {value: \"10\", year: 2016, source: x}",
            "average annual growth >= 7% from 2016",
            "比2016年年均增长 >= 7%",
        ),
        (
            "growth_each",
            "rule: growth_at_least\nvalue: \"5\"\nunit: 亿元\naccrual: level\nevery_year: true",
            "growth >= 5% on the year before every year",
            "每年较上年增长 >= 5%",
        ),
        (
            "double_each_2015",
            "rule: ratio_at_least\nvalue: \"2\"\nunit: 亿元\naccrual: level\nevery_year: true\nbaseline: {value: \"10\", year: 2015, source: x}",
            "double 2015 every year",
            "每年比2015年翻番",
        ),
    ];
    let text = format!(
        "title: t\nhorizon: {{base: 2015, target: 2020}}\nsource: s\ntargets:\n{}",
        targets
            .iter()
            .map(|(id, body, ..)| target(id, body))
            .collect::<String>()
    );
    let (en, zh) = (target_texts(&text, "en"), target_texts(&text, "zh"));
    for (((id, _, want_en, want_zh), (_, en)), (_, zh)) in targets.iter().zip(&en).zip(&zh) {
        assert_eq!((id, en.as_str()), (id, *want_en));
        assert_eq!((id, zh.as_str()), (id, *want_zh));
    }
    // An annual plan's 年均增长 is from the year before: one year.
    let annual = format!(
        "title: t\nyear: 2020\nbaseline_period: 2019\nsource: s\ntargets:\n{}",
        target(
            "cagr",
            "rule: cagr_at_least\nvalue: \"7\"\nunit: 亿元\naccrual: level"
        )
    );
    assert_eq!(
        target_texts(&annual, "en")[0].1,
        "average annual growth >= 7% from the year before"
    );
    assert_eq!(target_texts(&annual, "zh")[0].1, "较上年年均增长 >= 7%");
}

/// A rank's level on the path between its baseline and its target is seldom whole: it is shown
/// as the level it is (`rank 16.13`), not as a place no country can hold (`No. 16.13`); a whole
/// rank stays a place (`No. 17`).
#[test]
fn a_fractional_rank_is_a_level_not_a_place() {
    let text = format!(
        "title: t\nhorizon: {{base: 2015, target: 2020}}\nsource: s\ntargets:\n{}",
        target(
            "rank",
            "rule: rank_within\nvalue: \"15\"\nunit: 位\naccrual: level\nbaseline: {value: \"18\", source: x}"
        )
    );
    let plan_file = temp_file("plan.yaml", text);
    let actuals = temp_file("a.csv", "indicator,period,value\nrank,2018,17\n");
    let run = plan(&[
        "check",
        "--plan",
        plan_file.to_str().unwrap(),
        actuals.to_str().unwrap(),
        "--wide",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 1, "behind: {}", run.stderr);
    let row = run
        .stdout
        .lines()
        .find(|l| l.starts_with("| rank "))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    // Indicator, target, period, actual, expected, baseline.
    assert_eq!(
        &cells[1..7],
        [
            "rank",
            "in the top 15",
            "2018",
            "No. 17",
            "rank 16.13",
            "No. 18 (plan)"
        ],
        "{row}"
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
    assert_eq!(result(&json, "rank")["expected"].to_string(), "16.13");
}

/// `plan validate` counts in English: 1 target, 1 milestone.
#[test]
fn validate_counts_one_in_the_singular() {
    let one =
        "title: t\nyear: 2020\nsource: s\ntargets:\n  - id: a\n    name: 甲\n    unit: 家\n    \
               rule: at_least\n    value: \"5\"\n    source: s\n    accrual: level\n";
    let milestone = "  - id: m\n    name: 乙\n    rule: done\n    source: s\n";
    let two = format!("{one}{milestone}");
    for (text, en, zh) in [
        (
            one.to_string(),
            "valid: 1 target (1 quantitative, 0 milestones) for 2020",
            "有效：2020 年共 1 项目标（定量 1 项，里程碑 0 项）",
        ),
        (
            two,
            "valid: 2 targets (1 quantitative, 1 milestone) for 2020",
            "有效：2020 年共 2 项目标（定量 1 项，里程碑 1 项）",
        ),
    ] {
        let path = temp_file("plan.yaml", &text);
        let name = path.to_str().unwrap();
        let run = plan(&["validate", name]);
        assert_eq!(run.stdout, format!("{name}: {en}\n"));
        let run = common::command(&["validate", name])
            .env("LANG", "zh_CN.UTF-8")
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(run.stdout).unwrap(),
            format!("{name}：{zh}\n")
        );
    }
}
