//! `plan list`: the plan's targets, as a table or JSON.

use std::io::{self, Write};

use serde_json::json;

use super::fitted::{draw, Fitting};
use super::json::rule_value;
use super::layout::Column;
use super::width::wrap;
use super::wording::english_unit;
use super::{Lang, Table};
use crate::plan::Plan;

/// Writes the targets as a table: id, name, unit, rule, target, clause, in the table's language
/// and fitted to its width, ambiguous-width characters in unambiguous forms.
pub fn list_table(plan: &Plan, table_style: &Table, out: &mut dyn Write) -> io::Result<()> {
    let lang = table_style.lang;
    let header: Vec<String> = match lang {
        Lang::Zh => ["编号", "名称", "单位", "规则", "目标", "出处"],
        Lang::En => ["Id", "Name", "Unit", "Rule", "Target", "Clause"],
    }
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for t in &plan.targets {
        let unit = match (lang, t.unit.as_deref()) {
            (_, None) => "-".to_string(),
            (Lang::Zh, Some(unit)) => unit.to_string(),
            (Lang::En, Some(_)) if t.is_rank() => "rank".to_string(),
            (Lang::En, Some(unit)) => t
                .unit_en
                .as_deref()
                .or_else(|| english_unit(unit))
                .unwrap_or(unit)
                .to_string(),
        };
        let rule = match lang {
            Lang::Zh => lang.rule_name(t),
            Lang::En => t.rule.name().to_string(),
        };
        rows.push(vec![
            t.id.clone(),
            lang.name(t).to_string(),
            unit,
            rule,
            lang.target(t),
            lang.clause(&t.source),
        ]);
    }
    let total = usize::from(table_style.width.unwrap_or(table_style.columns));
    let title = format!("{} — {}", lang.plan_title(plan), lang.plan_years(plan));
    writeln!(out, "{}", wrap(&title, total.max(1)).join("\n"))?;
    for line in draw(&list_fitting(), &header, &rows, total, table_style.style) {
        writeln!(out, "{line}")?;
    }
    match lang {
        Lang::Zh => writeln!(out, "共 {} 项", plan.targets.len()),
        Lang::En => match plan.targets.len() {
            1 => writeln!(out, "1 target"),
            n => writeln!(out, "{n} targets"),
        },
    }
}

/// The list's columns: id, unit and rule whole; name and target on at most two lines; the
/// clause cut short. Too narrow, the clause goes first, then the rule, then the unit.
fn list_fitting() -> Fitting {
    Fitting {
        columns: vec![
            Column::Fixed,
            Column::Wraps,
            Column::Fixed,
            Column::Fixed,
            Column::Wraps,
            Column::Note,
        ],
        grow: vec![(4, None), (1, None), (5, None)],
        drop: vec![5, 3, 2],
    }
}

/// Writes the targets as JSON: `{"plan": {title, year, horizon: {base, target}, source},
/// "targets": [{id, name, name_en, aliases, unit, rule, value, target_text, source, quote}]}`,
/// the plan as `plan check --format json` gives it.
pub fn list_json(plan: &Plan, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let targets: Vec<_> = plan
        .targets
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "name": t.name,
                "name_en": t.name_en,
                "aliases": t.aliases,
                "unit": t.unit,
                "rule": t.rule.name(),
                "value": rule_value(&t.rule),
                "target_text": lang.target(t),
                "source": t.source,
                "quote": t.quote,
            })
        })
        .collect();
    let document = json!({
        "version": super::json::JSON_VERSION,
        "plan": super::json::plan_json(plan),
        "targets": targets,
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
