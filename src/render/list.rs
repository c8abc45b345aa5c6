//! `plan list`: the plan's targets, as a table or JSON.

use std::io::{self, Write};

use serde_json::json;

use super::json::rule_value;
use super::{Lang, TableStyle};
use crate::plan::Plan;

/// Writes the targets as a table: id, name, unit, rule, target, clause.
pub fn list_table(
    plan: &Plan,
    style: TableStyle,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = comfy_table::Table::new();
    table.load_preset(style.preset());
    table.set_header(match lang {
        Lang::Zh => ["编号", "名称", "单位", "规则", "目标", "出处"],
        Lang::En => ["Id", "Name", "Unit", "Rule", "Target", "Clause"],
    });
    for t in &plan.targets {
        table.add_row([
            t.id.as_str(),
            t.name.as_str(),
            t.unit.as_deref().unwrap_or("-"),
            t.rule.name(),
            &lang.target(t),
            t.source.as_str(),
        ]);
    }
    writeln!(out, "{} — {}", plan.title, plan.year)?;
    writeln!(out, "{table}")?;
    match lang {
        Lang::Zh => writeln!(out, "共 {} 项", plan.targets.len()),
        Lang::En => writeln!(out, "{} targets", plan.targets.len()),
    }
}

/// Writes the targets as JSON: `{"targets": [{id, name, name_en, aliases, unit, rule, value,
/// source, quote}]}`.
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
        "plan": { "title": plan.title, "year": plan.year, "source": plan.source },
        "targets": targets,
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
