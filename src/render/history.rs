//! `--history`: one row per target, one column per period present, each cell the figure and
//! its status as of that period, so a quarter-by-quarter trajectory reads at a glance.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::cells::actual_text;
use super::json::{actual, maybe, plan_json, write_json, JSON_VERSION};
use super::table::Table;
use super::width::unambiguous;
use crate::evaluate::Evaluation;
use crate::plan::Plan;
use crate::warning::Warning;

use super::Lang;

/// The history as a table.
pub fn history_table(
    plan: &Plan,
    evaluations: &[Evaluation],
    warnings: &[Warning],
    table_style: &Table,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = table_style.new_table();
    let lang = table_style.lang;
    let headers = lang.headers();
    let mut header = vec![headers[0].to_string(), headers[1].to_string()];
    header.extend(evaluations.iter().map(|e| lang.period(e.period)));
    table.set_header(header);
    for (i, target) in plan.targets.iter().enumerate() {
        let mut row = vec![
            comfy_table::Cell::new(unambiguous(lang.name(target))),
            comfy_table::Cell::new(unambiguous(&lang.target(target))),
        ];
        for evaluation in evaluations {
            let result = &evaluation.results[i];
            let text = match result.actual {
                Some(_) => format!(
                    "{} {}",
                    actual_text(result, lang),
                    lang.status(result.status)
                ),
                None => lang.status(result.status).to_string(),
            };
            row.push(table_style.status_cell(result.status, unambiguous(&text)));
        }
        table.add_row(row);
    }
    match lang {
        super::Lang::Zh => writeln!(out, "{} — {} 年各期进展", plan.title, plan.horizon.target)?,
        super::Lang::En => writeln!(
            out,
            "{} — history {}",
            lang.plan_title(plan),
            plan.horizon.target
        )?,
    }
    writeln!(out, "{table}")?;
    if let Some(last) = evaluations.last() {
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        writeln!(
            out,
            "{}{colon}{}",
            lang.period(last.period),
            lang.summary(last)
        )?;
    }
    for warning in warnings {
        writeln!(out, "{}{}", lang.warning(), lang.warning_text(warning))?;
    }
    Ok(())
}

/// The history as JSON: `{version, plan, periods, targets: [{id, name, unit, history: [{period,
/// actual, expected, status}]}], warnings}`.
pub fn history_json(
    plan: &Plan,
    evaluations: &[Evaluation],
    warnings: &[Warning],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let targets: Vec<Value> = plan
        .targets
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let history: Vec<Value> = evaluations
                .iter()
                .map(|e| {
                    let r = &e.results[i];
                    json!({
                        "period": e.period,
                        "figure_period": r.period,
                        "actual": actual(r),
                        "expected": maybe(r.expected),
                        "status": r.status,
                    })
                })
                .collect();
            json!({ "id": target.id, "name": target.name, "unit": target.unit, "history": history })
        })
        .collect();
    let document = json!({
        "version": JSON_VERSION,
        "plan": plan_json(plan),
        "periods": evaluations.iter().map(|e| e.period).collect::<Vec<_>>(),
        "targets": targets,
        "warnings": warnings.iter().map(|w| lang.warning_text(w)).collect::<Vec<_>>(),
    });
    write_json(&document, out)
}
