//! The embedded plan against its source: every target quotes the seed word for word (page-break
//! artefacts mended), from the clause it cites, and every target has its names.

use plan::plan::{load_plan, EMBEDDED_PLAN, EMBEDDED_PLAN_NAME};

const SEED: &str = include_str!("../docs/source/2020-work-plan.txt");

/// Text without white space, so the seed's page breaks ("1200 亿\n\n元") do not matter.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text of clause `n` (from the line `N. ` up to the next clause or section heading), or of
/// the 主要预期目标 paragraph, squeezed.
fn clause(source: &str) -> String {
    let opening = if source == "主要预期目标" {
        "2020 年科技工作的主要预期目标是".to_string()
    } else {
        let n: usize = source
            .strip_prefix('第')
            .and_then(|s| s.strip_suffix('条'))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("clause `{source}` is 主要预期目标 or 第N条"));
        format!("{n}. ")
    };
    let is_heading = |line: &str| {
        let numbered = line
            .split_once(". ")
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        numbered
            || line.contains('、')
                && line
                    .chars()
                    .next()
                    .is_some_and(|c| "一二三四五六七八九十".contains(c))
    };
    let mut lines = SEED.lines().skip_while(|line| !line.starts_with(&opening));
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("`{source}` in the seed"));
    let rest: String = lines.take_while(|line| !is_heading(line)).collect();
    squeeze(&format!("{first}{rest}"))
}

#[test]
fn the_embedded_plan_is_valid() {
    let plan = load_plan(EMBEDDED_PLAN, EMBEDDED_PLAN_NAME).expect("embedded plan loads");
    assert_eq!(plan.horizon.target, 2020);
    assert_eq!(plan.horizon.base_year(), Some(2019));
    assert!(
        plan.targets.len() >= 37,
        "at least the 37 targets the issue names"
    );
}

#[test]
fn every_quote_is_in_the_clause_it_cites() {
    let plan = load_plan(EMBEDDED_PLAN, EMBEDDED_PLAN_NAME).unwrap();
    for target in &plan.targets {
        let quote = target
            .quote
            .as_deref()
            .unwrap_or_else(|| panic!("{} has a quote", target.id));
        let quote = squeeze(quote);
        let found = target
            .source
            .split("; ")
            .any(|source| clause(source).contains(&quote));
        assert!(
            found,
            "{}: quote `{quote}` not found in {}",
            target.id, target.source
        );
    }
}

#[test]
fn every_target_has_an_english_name_and_quantitative_ones_a_unit() {
    let plan = load_plan(EMBEDDED_PLAN, EMBEDDED_PLAN_NAME).unwrap();
    for target in &plan.targets {
        assert!(
            target.name_en.as_deref().is_some_and(|n| !n.is_empty()),
            "{}",
            target.id
        );
        assert_eq!(
            target.unit.is_none(),
            target.rule == plan::plan::Rule::Done,
            "{}",
            target.id
        );
    }
}

#[test]
fn the_clause_finder_finds_the_right_text() {
    assert!(clause("第14条").contains("技术合同成交额超过1200亿元"));
    assert!(!clause("第14条").contains("高新技术企业数量净增"));
    assert!(clause("主要预期目标").contains("全社会R&D经费投入强度达到2.20%"));
}

#[test]
fn every_quantitative_target_says_how_it_accrues() {
    let doc: serde_yaml::Value = serde_yaml::from_str(EMBEDDED_PLAN).unwrap();
    for target in doc["targets"].as_sequence().unwrap() {
        let id = target["id"].as_str().unwrap();
        if target["rule"] == "done" {
            continue;
        }
        let accrual = target["accrual"]
            .as_str()
            .unwrap_or_else(|| panic!("{id} states its accrual"));
        assert!(["cumulative", "level"].contains(&accrual), "{id}");
    }
    let plan = load_plan(EMBEDDED_PLAN, EMBEDDED_PLAN_NAME).unwrap();
    let turnover = plan
        .targets
        .iter()
        .find(|t| t.id == "tech_contract_turnover")
        .unwrap();
    assert_eq!(turnover.aggregate, plan::plan::Aggregate::Sum);
    assert!(turnover
        .profile
        .as_ref()
        .is_some_and(|p| p.source.contains("assumed")));
}
